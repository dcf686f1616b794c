"""Claims of a story, compared claim by claim rather than sentence by sentence.

A claim is what an analyst reads as "these outlets say the same thing" (or
"only this one says it", or "they give different figures"). There are three kinds.

**Figure claims** (:mod:`parallax.compare.figures`): every figure of the story,
headline included, grouped by what it measures. A figure that independent
sources state with different values is a ``conflicting`` claim (with its
:class:`~parallax.model.Conflict`); one that two or more independent sources
state alike is ``corroborated``, however it is worded ("17 feridos", "dezessete
pessoas feridas"). Evidence: the quantities as printed, every mention of them.
Text: the clause that carries the figure in the most central mention (a
Portuguese sentence when there is one), e.g. "A casa tinha capacidade para 300
pessoas" or "deixou 15 mortos e 17 feridos".

**Statement claims**: aligned sentences. First a *core* grouping of sentences,
at most one per article: aligned pairs (score >= threshold) are merged strongest
first, and two groups merge only when they share no article and the mean score
of all their cross pairs is at least 0.8 × threshold (the chain guard: A~B~C must
not pull together A and C that say different things). Then *support*: a sentence
or headline of an article the group lacks supports the group when it scores at
least threshold + 0.05 with one member and the threshold with the members on
average. A sentence may support several claims (one sentence, two facts), and a
sentence that found no partner in the core grouping gains the sentences that
support it (a fact that one outlet states in a sentence of its own and another
inside a longer one) when one of them scores at least threshold + 0.15. A group
whose units, but for one article's sentences, are all in another group that
holds a sentence of that article too, and span two or more other articles, is
the same claim spread over two sentences of that article: they are merged. Headlines only ever
support a group (they restate the lead). A statement claim is ``corroborated``
with two or more independent sources (:mod:`parallax.compare.sources`), else
``single_source``. Its text is its most central sentence (Portuguese preferred).
A corroborated figure claim whose mentions all sit in the sentences of a
corroborated statement claim of the same articles is left out: the statement
claim already says it.

**Single-source claims**: a sentence (or a wire and its copies) that no other
source supports, that supports no corroborated claim and that is not mostly a
quote that another source reports too (see :mod:`parallax.compare.quotes`: "Segundo
ele, é sempre mais fácil investir na guerra" stands for a statement four outlets
quote); and, inside the
sentences of a corroborated claim, a figure that no other independent source
states ("derrubou mais de 150 árvores" in a lead whose storm every outlet
reports), with the figure's clause as text and its quantity as evidence.
Trivial sentences (datelines, bylines, lines under 4 words or 20 characters,
all-capitals lines) make no claim.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from parallax.compare.align import Unit
from parallax.compare.conflicts import differ
from parallax.compare.figures import Mention, StoryFigures, clause, conflict_of, disagree, story_figures
from parallax.compare.sources import count_sources
from parallax.model import Article, Claim, ClaimStatus, Conflict, Evidence, Span, Story
from parallax.stories.features import Matrix

CHAIN_GUARD = 0.8
SUPPORT_MARGIN = 0.05
PIVOT_MARGIN = 0.10
_STATUS_RANK = {"conflicting": 0, "corroborated": 1, "single_source": 2}
_LANGUAGE_PREFERENCE = {"pt": 0, "en": 1, "es": 2}


@dataclass(slots=True)
class Group:
    """A statement: core sentences (one per article) and the units that support it."""

    core: list[Unit]
    support: list[Unit] = field(default_factory=list)

    @property
    def units(self) -> list[Unit]:
        return sorted([*self.core, *self.support], key=_position)

    @property
    def key(self) -> frozenset[int]:
        return frozenset(u.index for u in [*self.core, *self.support])


def _position(u: Unit) -> tuple[int, int]:
    return (u.article_rank, u.span.start)


def group_units(units: Sequence[Unit], scores: Matrix, threshold: float) -> list[list[Unit]]:
    """Core grouping: guarded average-link grouping of aligned sentences; singletons included."""
    members: dict[int, list[int]] = {u.index: [u.index] for u in units if not u.trivial and not u.headline}
    root: dict[int, int] = {i: i for i in members}
    ids = np.array(sorted(members), dtype=np.int64)
    rows, cols = np.nonzero(np.triu(scores[np.ix_(ids, ids)] >= threshold, k=1))
    edges = sorted(
        (-float(scores[ids[r], ids[c]]), int(ids[r]), int(ids[c])) for r, c in zip(rows, cols, strict=True)
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


def add_support(groups: Sequence[Group], units: Sequence[Unit], scores: Matrix, threshold: float) -> None:
    """Give every group, for each article it lacks, that article's best supporting unit (see module doc)."""
    candidates = [u for u in units if not u.trivial]
    if not candidates:
        return
    candidate_scores = scores[np.array([u.index for u in candidates])]
    by_index = {u.index: u for u in candidates}
    for group in groups:
        present = {u.article_rank for u in group.core}
        sub = candidate_scores[:, [u.index for u in group.core]]
        best, mean = sub.max(axis=1), sub.mean(axis=1)
        chosen: dict[int, tuple[float, float, int]] = {}
        for k, u in enumerate(candidates):
            if u.article_rank in present or best[k] < threshold + SUPPORT_MARGIN or mean[k] < threshold:
                continue
            rank = (float(mean[k]), float(best[k]), -u.index)
            if u.article_rank not in chosen or rank > chosen[u.article_rank]:
                chosen[u.article_rank] = rank
        if len(group.core) == 1 and all(r[1] < threshold + PIVOT_MARGIN for r in chosen.values()):
            continue  # a lone sentence needs one clear partner before weaker ones may join it
        group.support = sorted((by_index[-r[2]] for r in chosen.values()), key=_position)


def merge_split_statements(groups: list[Group]) -> list[Group]:
    """Merge a group into another when, but for one article's sentences, its units are among the other's
    and span two or more articles: one claim that the article spreads over two sentences."""
    out: dict[int, Group] = {}  # position -> group, in the order given
    seen: set[frozenset[int]] = set()
    for g in groups:
        if g.key not in seen:
            seen.add(g.key)
            out[len(out)] = g
    holders: dict[int, set[int]] = {}  # unit index -> positions of the groups holding it
    for k, g in out.items():
        for i in g.key:
            holders.setdefault(i, set()).add(k)
    changed = True
    while changed:
        changed = False
        for k in sorted(out):
            g = out[k]
            # a group can only spread into one that shares two or more of its units
            shared = Counter(j for i in g.key for j in holders[i] if j != k)
            for j in sorted(j for j, n in shared.items() if n >= 2):
                if _spread(g, out[j]) or _spread(out[j], g):
                    keep, drop = min(k, j), max(k, j)
                    merged = _union(g, out[j])
                    out[keep] = merged
                    del out[drop]
                    for i in merged.key:
                        holders[i] = (holders[i] - {k, j}) | {keep}
                    changed = True
                    break
            if changed:
                break
    return [out[k] for k in sorted(out)]


def _spread(a: Group, b: Group) -> bool:
    """``a``'s units outside some article X are among ``b``'s and cover two or more articles; both hold X."""
    units_a, units_b = a.units, b.units
    for rank in sorted({u.article_rank for u in units_a} & {u.article_rank for u in units_b}):
        rest_a = {u.index for u in units_a if u.article_rank != rank}
        rest_b = {u.index for u in units_b if u.article_rank != rank}
        others = {u.article_rank for u in units_a if u.article_rank != rank}
        if len(others) >= 2 and rest_a <= rest_b:
            return True
    return False


def _union(a: Group, b: Group) -> Group:
    core = {u.index: u for u in [*a.core, *b.core]}
    support = {u.index: u for u in [*a.support, *b.support] if u.index not in core}
    return Group(sorted(core.values(), key=_position), sorted(support.values(), key=_position))


def _mostly_quoted(unit: Unit, quotes: Sequence[tuple[str, Span]]) -> bool:
    """Half or more of the unit's characters are a quote that another source also reports."""
    covered = sum(
        min(span.end, unit.span.end) - max(span.start, unit.span.start)
        for article, span in quotes
        if article == unit.article.id and span.overlaps(unit.span)
    )
    return covered >= 0.5 * len(unit.span)


def _representative(units: Sequence[Unit], scores: Matrix) -> Unit:
    def key(u: Unit) -> tuple[int, bool, float, int, int]:
        centrality = sum(float(scores[u.index, v.index]) for v in units if v is not u)
        lang = _LANGUAGE_PREFERENCE.get(u.language or "", 3)
        return (lang, u.headline, -round(centrality, 9), *_position(u))

    return min(units, key=key)


def _representative_mention(mentions: Sequence[Mention], scores: Matrix) -> Mention:
    def key(m: Mention) -> tuple[int, bool, float, int, int]:
        centrality = sum(
            float(scores[m.unit.index, o.unit.index]) for o in mentions if o.article is not m.article
        )
        lang = _LANGUAGE_PREFERENCE.get(m.article.language or "", 3)
        return (lang, m.unit.headline, -round(centrality, 9), *m.position)

    return min(mentions, key=key)


def claim_id(story_id: str, evidence: Sequence[Evidence]) -> str:
    keys = sorted(f"{e.article}:{e.span.start}-{e.span.end}" for e in evidence)
    return "cl-" + hashlib.sha1("\n".join([story_id, *keys]).encode("utf-8")).hexdigest()[:10]


def _evidence(items: Iterable[tuple[Article, int, int]]) -> list[Evidence]:
    """Evidence from (article, start, end) triples, deduplicated, in the order given."""
    out: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for article, start, end in items:
        if (article.id, start, end) in seen:
            continue
        seen.add((article.id, start, end))
        out.append(Evidence(article.id, Span(start, end), article.text[start:end]))
    return out


@dataclass(slots=True)
class _Draft:
    text: str
    status: ClaimStatus
    evidence: list[Evidence]
    sources: int
    conflict: Conflict | None = None


def build_claims(
    story: Story,
    articles: Sequence[Article],
    units: Sequence[Unit],
    scores: Matrix,
    groups: dict[str, str],
    threshold: float,
    quoted_elsewhere: Iterable[tuple[str, Span]] = (),
    figures: StoryFigures | None = None,
) -> list[Claim]:
    """Claims of one story (see module doc), sorted: conflicts, corroborations, single-source claims.

    ``quoted_elsewhere`` lists (article id, span) of quotes that another independent source also
    reports (quote groups): a sentence that is mostly such a quote is not single-source. ``figures``:
    the story's linked figures when the caller has them (:func:`.figures.story_figures`)."""
    drafts: list[_Draft] = []

    # statements
    statements = [Group(core) for core in group_units(units, scores, threshold)]
    add_support(statements, units, scores, threshold)
    statements = merge_split_statements(statements)
    corroborated_units: set[int] = set()
    statement_keys: list[tuple[frozenset[int], frozenset[str]]] = []
    single_groups: list[Group] = []
    corroborated_groups: list[Group] = []
    for g in statements:
        members = g.units
        sources = count_sources((u.article.id for u in members), groups)
        if sources >= 2:
            corroborated_groups.append(g)
            corroborated_units.update(u.index for u in members)
            statement_keys.append((g.key, frozenset(u.article.id for u in members)))
            drafts.append(
                _Draft(
                    _representative(g.core, scores).text,
                    "corroborated",
                    _evidence((u.article, u.span.start, u.span.end) for u in members),
                    sources,
                )
            )
        else:
            single_groups.append(g)
    quotes = list(quoted_elsewhere)
    for g in single_groups:
        if any(u.index in corroborated_units or _mostly_quoted(u, quotes) for u in g.units):
            continue
        members = [u for u in g.units if not u.headline]
        drafts.append(
            _Draft(
                _representative(g.core, scores).text,
                "single_source",
                _evidence((u.article, u.span.start, u.span.end) for u in members),
                1,
            )
        )

    # figures
    if figures is None:
        figures = story_figures(units, scores, groups, threshold)
    mentions = figures.mentions
    in_figure_claims: set[int] = set()
    for figure in figures.linked:
        sources = count_sources((m.article.id for m in figure), groups)
        conflicting = disagree(figure, groups)
        if not conflicting and sources < 2:
            continue
        in_figure_claims.update(id(m) for m in figure)
        figure_units = frozenset(m.unit.index for m in figure)
        figure_articles = frozenset(m.article.id for m in figure)
        if not conflicting and any(
            figure_units <= key and figure_articles == arts for key, arts in statement_keys
        ):
            continue  # a statement claim of the same articles, holding these sentences, says it
        chosen = _representative_mention(figure, scores)
        drafts.append(
            _Draft(
                clause(chosen.unit, chosen.span),
                "conflicting" if conflicting else "corroborated",
                _evidence((m.article, m.span.start, m.span.end) for m in figure),
                sources,
                conflict_of(figure) if conflicting else None,
            )
        )

    # single-source figures inside corroborated statements
    by_unit: dict[int, list[Mention]] = {}
    by_value: dict[tuple[str, float], list[Mention]] = {}
    for m in mentions:
        by_unit.setdefault(m.unit.index, []).append(m)
        if not m.unit.headline:
            by_value.setdefault((m.figure.key, round(m.figure.value, 6)), []).append(m)
    detail_done: set[int] = set()
    for g in corroborated_groups:
        for u in g.units:
            if u.headline:
                continue
            for m in by_unit.get(u.index, []):
                if id(m) in in_figure_claims or id(m) in detail_done:
                    continue
                same = [
                    o
                    for o in by_value[(m.figure.key, round(m.figure.value, 6))]
                    if not differ(o.figure, m.figure)
                ]
                if any(groups[o.article.id] != groups[m.article.id] for o in same):
                    continue
                echoes = [o for o in same if id(o) not in in_figure_claims]
                detail_done.update(id(o) for o in echoes)
                drafts.append(
                    _Draft(
                        clause(u, m.span),
                        "single_source",
                        _evidence((o.article, o.span.start, o.span.end) for o in echoes),
                        1,
                    )
                )

    ranks = {a.id: k for k, a in enumerate(articles)}
    ordered = sorted(drafts, key=lambda d: _claim_order(d.status, d.sources, d.evidence, ranks))
    claims: list[Claim] = []
    seen_ids: dict[str, int] = {}
    for d in ordered:
        cid = claim_id(story.id, d.evidence)
        n = seen_ids.get(cid, 0)
        seen_ids[cid] = n + 1
        if n:
            cid = f"{cid}-{n + 1}"
        claims.append(Claim(cid, d.text, d.status, d.sources, d.evidence, d.conflict))
    return claims


def _claim_order(
    status: str, sources: int, evidence: Sequence[Evidence], ranks: dict[str, int]
) -> tuple[int, int, int, int]:
    first = min((ranks.get(e.article, 0), e.span.start) for e in evidence)
    return (_STATUS_RANK[status], -sources, *first)
