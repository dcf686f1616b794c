"""Figure claims: every stated figure of a story, grouped by what it measures.

A *mention* is one quantity as printed, in a sentence or in the headline, with
its comparable reading (:func:`parallax.compare.conflicts.figure`: the ``about``
lemma for counts, the unit family for durations, sums, percentages, distances) and
its scope (:mod:`parallax.compare.scope`: the time of its sentence, whether it is a
part, the modifiers of a counted noun, the head of a distance, the owner of an age).
Two mentions of different articles with the same attribute key are only ever linked
when their sentences are set in the same time (the story's own, or one year of the
past: a background sentence about another event is never pulled into a figure of
this one) and, for ages, do not belong to two different people. They are *linked* when

* they **agree** (same stated value, qualifiers aside: "ao menos 45" and "45")
  and their context says they are the same fact: both sit in a headline or lead
  (the title, subtitle lines and first two body sentences), or their sentences
  score at least half the alignment threshold (for durations, which often only
  frame another fact, "em 12 meses", their sentences must be aligned); or
* they **disagree** (different values), come from different independent sources,
  neither article also states the other's figure (then the two are different
  things, like "142 votos contra" and "88 a favor" in both reports), both are
  wholes of the same thing (no part or increment, the same modifiers, the same
  distance head, ages of one known person: :func:`parallax.compare.scope.may_differ`),
  and both sit in a headline or lead, or, outside the leads, their passages are
  aligned (:func:`passage_score`: the sentences, or a sentence next to one in its
  paragraph, score at least the threshold; for bare unit families, whose subject is
  unknown, "4,5%" of a target, "8,9%" of a real rate, the sentences themselves must
  be aligned and the clauses that hold the two figures share a content word).

A headline or subtitle figure is linked to the same figure (attribute and value)
in its article's body. Each connected set of linked mentions is one figure:
*conflicting* when two of its sources state different values, else
*corroborated* when two or more independent sources state it. A figure reported
by one source only is not a figure claim (see :mod:`parallax.compare.claims`
for where it goes). The figure claim reads as the :func:`clause` that carries
its most central mention. The sentences a conflicting figure sets against each
other (:func:`opposed_units`) are the ``conflicts`` alignments of the story.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.compare.align import Unit
from parallax.compare.conflicts import Figure, compatible, differ
from parallax.compare.scope import Scope, may_agree, may_differ, same_time
from parallax.model import Article, Conflict, ConflictValue, Span
from parallax.stories.features import Matrix
from parallax.stories.text import content_lemmas, words

CONTEXT_LINK = 0.5  # × alignment threshold: how similar the sentences of two linked figures must be
MIN_CLAUSE_WORDS = 5
DURATION = "duração"

_BREAK = re.compile(r"[;:!?]|,(?=\s)|\s[–—-]\s")
_CONJUNCTION = re.compile(r"(?:e|y|and|mas|pero|but)\s+", re.IGNORECASE)


@dataclass(slots=True, eq=False)
class Mention:
    """One figure as printed in one article, with the unit (sentence or headline) that carries it."""

    article: Article
    article_rank: int
    figure: Figure
    text: str  # the quantity as printed
    span: Span  # the quantity's span
    unit: Unit
    scope: Scope

    @property
    def lead(self) -> bool:
        return self.unit.lead

    @property
    def position(self) -> tuple[int, int]:
        return (self.article_rank, self.span.start)


def mentions_of(units: Sequence[Unit]) -> list[Mention]:
    """Every comparable figure of the story's non-trivial units (headlines included), in story order."""
    out = [
        Mention(u.article, u.article_rank, s.figure, u.article.at(s.span), s.span, u, s.scope)
        for u in units
        if not u.trivial
        for s in u.figures
    ]
    return sorted(out, key=lambda m: m.position)


def link_figures(
    mentions: Sequence[Mention], scores: Matrix, groups: dict[str, str], threshold: float
) -> list[list[Mention]]:
    """Connected sets of linked mentions (see module doc) spanning two or more articles, in story order."""
    n = len(mentions)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    stated: dict[tuple[str, str], list[Figure]] = {}
    for m in mentions:
        stated.setdefault((m.article.id, m.figure.key), []).append(m.figure)

    def also_states(article_id: str, f: Figure) -> bool:
        return any(not differ(g, f) for g in stated[(article_id, f.key)])

    contexts: dict[int, frozenset[str]] = {}

    def context(m: Mention) -> frozenset[str]:
        """Content lemmas of the figure's clause, the figure's own words left out."""
        if id(m) not in contexts:
            own = set(content_lemmas(m.text, m.article.language))
            lemmas = content_lemmas(clause(m.unit, m.span), m.article.language)
            contexts[id(m)] = frozenset(w for w in lemmas if w not in own and not w[:1].isdigit())
        return contexts[id(m)]

    by_key: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_key.setdefault(m.figure.key, []).append(i)
    pairs = [(i, j) for same in by_key.values() for x, i in enumerate(same) for j in same[x + 1 :]]
    for i, j in sorted(pairs):
        a, b = mentions[i], mentions[j]
        if a.article is b.article:  # a headline or subtitle that repeats a figure of the body
            if (a.unit.headline or b.unit.headline) and not differ(a.figure, b.figure):
                parent[find(j)] = find(i)
            continue
        if not same_time(a.unit.era, b.unit.era):
            continue  # a background sentence about another event or time
        aligned = float(scores[a.unit.index, b.unit.index])
        if not differ(a.figure, b.figure):
            # a period ("12 meses", "três dias") often only frames another fact: aligned sentences only
            bar = threshold if a.figure.attribute == DURATION else CONTEXT_LINK * threshold
            linked = may_agree(a.scope, b.scope) and ((a.lead and b.lead) or aligned >= bar)
        elif (
            not opposable(a, b, groups)
            or also_states(b.article.id, a.figure)
            or also_states(a.article.id, b.figure)
        ):
            linked = False
        elif a.lead and b.lead:
            linked = True
        elif a.figure.key.startswith("about:"):
            linked = passage_score(a.unit, b.unit, scores) >= threshold
        else:  # a bare percentage or sum: aligned sentences, and clauses that share a word
            linked = aligned >= threshold and bool(context(a) & context(b))
        if linked:
            parent[find(j)] = find(i)
    sets: dict[int, list[Mention]] = {}
    for i in range(n):
        sets.setdefault(find(i), []).append(mentions[i])
    out = [ms for ms in sets.values() if len({m.article.id for m in ms}) > 1]
    return sorted(out, key=lambda ms: ms[0].position)


def passage_score(a: Unit, b: Unit, scores: Matrix) -> float:
    """The best score between the two sentences or the sentences next to them in their paragraphs: outlets
    split one passage into sentences differently ("Havia 500 pessoas na casa, que tinha capacidade para
    300" / "400 pessoas estavam no local. A casa tinha capacidade para 300")."""
    return max(float(scores[x, y]) for x in (a.index, *a.neighbours) for y in (b.index, *b.neighbours))


def opposable(a: Mention, b: Mention, groups: dict[str, str]) -> bool:
    """Two differing mentions can be one fact stated differently: other sources, the same time, and wholes
    of the same thing (:func:`parallax.compare.scope.may_differ`)."""
    return (
        differ(a.figure, b.figure)
        and groups[a.article.id] != groups[b.article.id]
        and same_time(a.unit.era, b.unit.era)
        and may_differ(a.scope, b.scope, a.figure.attribute)
    )


def opposed_units(figure: Sequence[Mention], groups: dict[str, str]) -> set[tuple[int, int]]:
    """Unit index pairs (lower first) of body sentences whose mentions in one figure are opposable."""
    out: set[tuple[int, int]] = set()
    for i, a in enumerate(figure):
        for b in figure[i + 1 :]:
            if a.unit.headline or b.unit.headline or not opposable(a, b, groups):
                continue
            out.add((min(a.unit.index, b.unit.index), max(a.unit.index, b.unit.index)))
    return out


def disagree(mentions: Sequence[Mention], groups: dict[str, str]) -> bool:
    """Two independent sources state different values of one fact."""
    return any(opposable(a, b, groups) for i, a in enumerate(mentions) for b in mentions[i + 1 :])


@dataclass(slots=True)
class StoryFigures:
    """The story's mentions and their linked sets (:func:`link_figures`), computed once for the claims and
    the alignments."""

    mentions: list[Mention]
    linked: list[list[Mention]]

    def opposed(self, groups: dict[str, str]) -> set[tuple[int, int]]:
        """Unit index pairs of the sentences that the story's conflicting figures set against each other."""
        out: set[tuple[int, int]] = set()
        for figure in self.linked:
            out |= opposed_units(figure, groups)
        return out


def story_figures(
    units: Sequence[Unit], scores: Matrix, groups: dict[str, str], threshold: float
) -> StoryFigures:
    mentions = mentions_of(units)
    return StoryFigures(mentions, link_figures(mentions, scores, groups, threshold))


def conflict_of(mentions: Sequence[Mention]) -> Conflict:
    """The conflict of a disagreeing figure: one value per article, its first mention in text order."""
    first: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.position):
        first.setdefault(m.article.id, m)
    kept = list(first.values())
    return Conflict(
        attribute=kept[0].figure.attribute,
        values=[ConflictValue(m.article.id, m.text, m.figure.reported) for m in kept],
        compatible=compatible([m.figure for m in kept]),
    )


def clause(unit: Unit, span: Span) -> str:
    """The clause of ``unit`` that holds ``span``, as printed: between the nearest breaks (``;``, ``:``,
    a comma or dash followed by a space, outside parentheses) around it, widened to its neighbours until it
    has at least five words, so that "300 pessoas" reads "A casa tinha capacidade para 300 pessoas"."""
    text = unit.text
    start, end = span.start - unit.span.start, span.end - unit.span.start
    depth = [0] * (len(text) + 1)
    level = 0
    for k, c in enumerate(text):
        level += (c == "(") - (c == ")")
        depth[k + 1] = max(level, 0)
    cuts = [0, *(m.end() for m in _BREAK.finditer(text) if depth[m.start()] == 0), len(text)]
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    first = next((k for k, (a, b) in enumerate(pieces) if a <= start < b), 0)
    last = next((k for k, (a, b) in enumerate(pieces) if a < end <= b), len(pieces) - 1)
    while len(words(text[pieces[first][0] : pieces[last][1]])) < MIN_CLAUSE_WORDS:
        if first > 0:
            first -= 1
        elif last < len(pieces) - 1:
            last += 1
        else:
            break
    out = text[pieces[first][0] : pieces[last][1]].strip().strip(",;:.–—-").strip()
    lead = _CONJUNCTION.match(out)
    if lead and len(words(out[lead.end() :])) >= MIN_CLAUSE_WORDS - 1:
        out = out[lead.end() :]
    return out
