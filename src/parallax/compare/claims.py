"""Claims: aligned sentences of a story grouped into statements, with their status.

Grouping: aligned pairs (score >= threshold, neither sentence trivial) are taken
strongest first and merged union-find style, but two groups merge only when

* they share no article (a claim holds at most one sentence per article), and
* the mean score of all their cross pairs is at least 0.8 × threshold,

which stops a chain A~B~C from pulling together A and C that say different things.

Status: ``conflicting`` when figures about one attribute disagree between
independent sources (see below); else ``corroborated`` with evidence from ≥ 2
independent sources (:mod:`parallax.compare.sources`); else ``single_source``
(an unaligned non-trivial sentence, or a group whose articles are all one source,
such as a wire and its copy). Trivial sentences (datelines, bylines, lines
under 4 words or 20 characters, all-capitals lines) make no claim.

Conflicts are collected per story, not only inside aligned groups, because a
headline's "pelo menos 12 mortos" and another lead's "15 mortos" rarely align as
sentences. Every figure of the headline and of the sentences (background ones,
dated in another year than the publication, excepted) is compared with the
figures of other independent sources. Two differing figures are linked when

* neither article also states the other's figure (then they are two different
  things, like "142 votos contra" and "88 a favor" in both reports), and
* both sit in a headline or lead (first two sentences), or, for counts
  (``about`` known), their sentences score at least half the alignment
  threshold, or, for bare unit families (percentages, sums, durations,
  distances), whose subject is unknown, their sentences are aligned. Each
connected set of linked figures is one conflict (one figure per article, the
first in text order). It is attached to the claim that already holds two or
more of its sentences (its missing sentences are added as evidence) or becomes
a claim of its own whose evidence is the sentences (or headline) carrying the figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from parallax.compare.align import Unit
from parallax.compare.conflicts import Figure, compatible, differ, figure
from parallax.compare.sources import count_sources
from parallax.model import Article, Claim, ClaimStatus, Conflict, ConflictValue, Evidence, Span, Story
from parallax.stories.features import Matrix

CHAIN_GUARD = 0.8
CONFLICT_LINK = 0.5
_STATUS_RANK = {"conflicting": 0, "corroborated": 1, "single_source": 2}
_LANGUAGE_PREFERENCE = {"pt": 0, "en": 1, "es": 2}


@dataclass(slots=True)
class Mention:
    """One figure as printed in one article, with the text that carries it."""

    article: Article
    article_rank: int
    figure: Figure
    text: str  # the quantity as printed
    span: Span  # the quantity's span
    evidence: Span  # its sentence, or the headline
    unit: Unit | None
    lead: bool


@dataclass(slots=True)
class Group:
    units: list[Unit]
    extra: list[Evidence] = field(default_factory=list)
    conflict: Conflict | None = None


def group_units(units: Sequence[Unit], scores: Matrix, threshold: float) -> list[list[Unit]]:
    """Guarded average-link grouping of aligned units (see module doc); singletons included."""
    members: dict[int, list[int]] = {u.index: [u.index] for u in units if not u.trivial}
    root: dict[int, int] = {i: i for i in members}
    edges = sorted(
        (
            (-float(scores[a, b]), a, b)
            for a in members
            for b in members
            if a < b and scores[a, b] >= threshold
        ),
    )
    by_index = {u.index: u for u in units}
    for _, a, b in edges:
        ra, rb = root[a], root[b]
        if ra == rb:
            continue
        arts_a = {by_index[i].article_rank for i in members[ra]}
        arts_b = {by_index[i].article_rank for i in members[rb]}
        if arts_a & arts_b:
            continue
        cross = scores[members[ra]][:, members[rb]]
        if float(cross.mean()) < CHAIN_GUARD * threshold:
            continue
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        members[keep].extend(members.pop(drop))
        for i in members[keep]:
            root[i] = keep
    return [sorted((by_index[i] for i in m), key=_position) for m in members.values()]


def _position(u: Unit) -> tuple[int, int]:
    return (u.article_rank, u.span.start)


def mentions_of(articles: Sequence[Article], units: Sequence[Unit]) -> list[Mention]:
    """Every comparable figure of the story, in the headline or in a non-trivial, non-background sentence."""
    out: list[Mention] = []
    for rank, article in enumerate(articles):
        title = article.title_span
        if title is None:
            continue
        for q in article.quantities:
            f = figure(q, article.text[q.span.end : q.span.end + 40])
            if f is not None and title.start <= q.span.start < title.end:
                out.append(Mention(article, rank, f, q.text, q.span, title, None, True))
    for u in units:
        if u.trivial or u.background:
            continue
        for f, span in u.figures:
            out.append(Mention(u.article, u.article_rank, f, u.article.at(span), span, u.span, u, u.lead))
    return sorted(out, key=lambda m: (m.article_rank, m.span.start))


def find_conflicts(
    mentions: Sequence[Mention], scores: Matrix, groups: dict[str, str], threshold: float
) -> list[list[Mention]]:
    """Sets of linked, disagreeing figures (one per article), each a conflict."""
    n = len(mentions)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    stated: dict[str, list[Figure]] = {}
    for m in mentions:
        stated.setdefault(m.article.id, []).append(m.figure)

    def also_states(article_id: str, f: Figure) -> bool:
        return any(g.key == f.key and not differ(g, f) for g in stated[article_id])

    for i in range(n):
        for j in range(i + 1, n):
            a, b = mentions[i], mentions[j]
            if groups[a.article.id] == groups[b.article.id] or not differ(a.figure, b.figure):
                continue
            if also_states(b.article.id, a.figure) or also_states(a.article.id, b.figure):
                continue  # both report both figures: they are about different things
            aligned = 0.0
            if a.unit is not None and b.unit is not None:
                aligned = float(scores[a.unit.index, b.unit.index])
            if a.lead and b.lead:
                linked = True
            elif a.figure.key.startswith("about:"):
                linked = aligned >= CONFLICT_LINK * threshold
            else:  # bare percentages, sums, durations outside the leads: only in aligned statements
                linked = aligned >= threshold
            if linked:
                parent[find(j)] = find(i)
    sets: dict[int, list[Mention]] = {}
    for i in range(n):
        sets.setdefault(find(i), []).append(mentions[i])
    out: list[list[Mention]] = []
    for members in sets.values():
        first: dict[str, Mention] = {}
        for m in members:
            first.setdefault(m.article.id, m)
        kept = sorted(first.values(), key=lambda m: (m.article_rank, m.span.start))
        if any(differ(a.figure, b.figure) for i, a in enumerate(kept) for b in kept[i + 1 :]):
            out.append(kept)
    return sorted(out, key=lambda ms: (ms[0].article_rank, ms[0].span.start))


def _conflict(mentions: Sequence[Mention]) -> Conflict:
    return Conflict(
        attribute=mentions[0].figure.attribute,
        values=[ConflictValue(m.article.id, m.text, m.figure.reported) for m in mentions],
        compatible=compatible([m.figure for m in mentions]),
    )


def _representative(units: Sequence[Unit], scores: Matrix) -> Unit:
    def key(u: Unit) -> tuple[int, float, int, int]:
        centrality = sum(float(scores[u.index, v.index]) for v in units if v is not u)
        return (_LANGUAGE_PREFERENCE.get(u.language or "", 3), -round(centrality, 9), *_position(u))

    return min(units, key=key)


def claim_id(story_id: str, evidence: Sequence[Evidence]) -> str:
    keys = sorted(f"{e.article}:{e.span.start}-{e.span.end}" for e in evidence)
    return "cl-" + hashlib.sha1("\n".join([story_id, *keys]).encode("utf-8")).hexdigest()[:10]


def build_claims(
    story: Story,
    articles: Sequence[Article],
    units: Sequence[Unit],
    scores: Matrix,
    groups: dict[str, str],
    threshold: float,
) -> list[Claim]:
    """Claims of one story (see module doc), sorted: conflicts, corroborations, single-source claims."""
    grouped = [Group(us) for us in group_units(units, scores, threshold)]
    standalone: list[list[Mention]] = []
    for conflict in find_conflicts(mentions_of(articles, units), scores, groups, threshold):
        held = [
            (sum(1 for m in conflict if m.unit is not None and m.unit in g.units), -k, g)
            for k, g in enumerate(grouped)
            if g.conflict is None
        ]
        best = max(held, key=lambda h: (h[0], h[1]), default=None)
        if best is None or best[0] < 2:
            standalone.append(conflict)
            continue
        target = best[2]
        target.conflict = _conflict(conflict)
        for m in conflict:
            if m.unit is None or m.unit not in target.units:
                target.extra.append(Evidence(m.article.id, m.evidence, m.article.at(m.evidence)))

    ranks = {a.id: k for k, a in enumerate(articles)}
    claims: list[tuple[tuple[int, int, int, int], Claim]] = []
    for g in grouped:
        evidence = [Evidence(u.article.id, u.span, u.text) for u in g.units]
        seen = {(e.article, e.span) for e in evidence}
        evidence += [e for e in g.extra if (e.article, e.span) not in seen]
        sources = count_sources((e.article for e in evidence), groups)
        status: ClaimStatus = (
            "conflicting" if g.conflict else "corroborated" if sources >= 2 else "single_source"
        )
        text = _representative(g.units, scores).text
        claims.append(
            (
                _claim_order(status, sources, evidence, ranks),
                Claim(claim_id(story.id, evidence), text, status, sources, evidence, g.conflict),
            )
        )
    for conflict in standalone:
        evidence = []
        for m in conflict:
            ev = Evidence(m.article.id, m.evidence, m.article.at(m.evidence))
            if all((e.article, e.span) != (ev.article, ev.span) for e in evidence):
                evidence.append(ev)
        sources = count_sources((e.article for e in evidence), groups)
        chosen = min(
            conflict,
            key=lambda m: (
                _LANGUAGE_PREFERENCE.get(m.article.language or "", 3),
                m.unit is None,
                m.article_rank,
            ),
        )
        claims.append(
            (
                _claim_order("conflicting", sources, evidence, ranks),
                Claim(
                    claim_id(story.id, evidence),
                    chosen.article.at(chosen.evidence),
                    "conflicting",
                    sources,
                    evidence,
                    _conflict(conflict),
                ),
            )
        )
    ordered = [c for _, c in sorted(claims, key=lambda kc: kc[0])]
    seen_ids: dict[str, int] = {}
    for claim in ordered:
        n = seen_ids.get(claim.id, 0)
        seen_ids[claim.id] = n + 1
        if n:
            claim.id = f"{claim.id}-{n + 1}"
    return ordered


def _claim_order(
    status: str, sources: int, evidence: Sequence[Evidence], ranks: dict[str, int]
) -> tuple[int, int, int, int]:
    first = min((ranks.get(e.article, 0), e.span.start) for e in evidence)
    return (_STATUS_RANK[status], -sources, *first)
