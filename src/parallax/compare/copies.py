"""Silent copies of agency material: near-verbatim text that does not credit the agency.

An article X is a silent copy of agency Y's material when

* Y is agency material of agency A (A's own wire, or a dateline/byline credit of A),
* X names A in none of its credits and is not from Y's outlet,
* their word 5-gram shingles (accent- and case-folded) overlap so that
  ``max(|X∩Y|/|X|, |X∩Y|/|Y|) >= 0.6`` (X is mostly Y, or Y is mostly inside X)
  with at least 12 shared shingles (short texts prove nothing).

X then gets ``Credit(agency=A, kind="copied", source_article=Y.id)`` whose span
and text are the first sentence of X that is at least half covered by shared
shingles (the copied lead), so the offsets rule holds for it as for any credit.
When several articles qualify as the source, the highest containment wins, then
the agency's own wire over an outlet's credited copy. Candidate pairs come from
all pairs in small stories and from MinHash LSH (``datasketch``) in large ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parallax.compare.sources import agency_by_outlet, agency_material, credited_agencies
from parallax.model import Article, Credit, Span
from parallax.stories.text import fold_word, words
from parallax.text import fold

SHINGLE = 5
MIN_CONTAINMENT = 0.6
MIN_SHARED = 12
LSH_ABOVE = 40  # articles in a story before candidate pairs come from LSH
_LSH_THRESHOLD = 0.2


@dataclass(slots=True)
class Shingled:
    article: Article
    tokens: list[tuple[int, int]]  # spans of the word tokens, in order
    shingles: dict[tuple[str, ...], list[int]]  # shingle -> token positions where it starts

    @property
    def keys(self) -> set[tuple[str, ...]]:
        return set(self.shingles)


def shingle(article: Article) -> Shingled:
    """Word shingles of the article's sentences (the kept body), folded."""
    pieces = [(s.span.start, s.text) for s in article.sentences]
    if not pieces:
        pieces = [(span.start, text) for span, text in article.kept_lines()]
    spans: list[tuple[int, int]] = []
    folded: list[str] = []
    for offset, text in pieces:
        for start, end, word in words(text):
            spans.append((offset + start, offset + end))
            folded.append(fold_word(word))
    grams: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(folded) - SHINGLE + 1):
        grams.setdefault(tuple(folded[i : i + SHINGLE]), []).append(i)
    return Shingled(article, spans, grams)


def containment(x: Shingled, y: Shingled) -> tuple[float, int]:
    """max of the two containments, and the shared shingle count."""
    shared = len(x.keys & y.keys)
    if not shared:
        return 0.0, 0
    return max(shared / len(x.shingles), shared / len(y.shingles)), shared


def _candidates(items: Sequence[Shingled]) -> list[tuple[int, int]]:
    pairs = [(i, j) for i in range(len(items)) for j in range(len(items)) if i != j]
    if len(items) <= LSH_ABOVE:
        return pairs
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=64)
    hashes = []
    for i, item in enumerate(items):
        m = MinHash(num_perm=64, seed=1)
        for key in item.shingles:
            m.update(" ".join(key).encode("utf-8"))
        hashes.append(m)
        lsh.insert(str(i), m)
    near = set()
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if int(j) != i:
                near.add((i, int(j)))
    return sorted(near)


def _copied_lead(x: Shingled, y: Shingled) -> Span | None:
    covered = [False] * len(x.tokens)
    for key, starts in x.shingles.items():
        if key in y.shingles:
            for s in starts:
                for k in range(s, s + SHINGLE):
                    covered[k] = True
    sentences = [s.span for s in x.article.sentences] or [span for span, _ in x.article.kept_lines()]
    for span in sentences:
        inside = [
            c for (start, end), c in zip(x.tokens, covered, strict=True) if span.start <= start < span.end
        ]
        if inside and sum(inside) >= len(inside) / 2:
            return span
    return None


def _agency_names(article: Article) -> dict[str, str]:
    """Folded -> canonical names of the agencies this article is material of."""
    names = {fold(c.agency): c.agency for c in article.credits if c.kind in ("dateline", "byline", "copied")}
    own = agency_by_outlet(article.outlet)
    if own:
        names.setdefault(fold(own), own)
    return {k: v for k, v in names.items() if k in agency_material(article)}


def find_copies(articles: Sequence[Article]) -> dict[str, list[Credit]]:
    """New ``copied`` credits per article id (one per agency, from the best-matching source)."""
    items = [shingle(a) for a in articles]
    best: dict[tuple[int, str], tuple[tuple[float, bool, str], Credit]] = {}
    for i, j in _candidates(items):
        x, y = items[i], items[j]
        agencies = _agency_names(y.article)
        if not agencies or not x.shingles or not y.shingles:
            continue
        if x.article.outlet and y.article.outlet and fold(x.article.outlet) == fold(y.article.outlet):
            continue
        credited = credited_agencies(x.article)
        score, shared = containment(x, y)
        if score < MIN_CONTAINMENT or shared < MIN_SHARED:
            continue
        span = _copied_lead(x, y)
        if span is None:
            continue
        for folded, canonical in sorted(agencies.items()):
            if folded in credited:
                continue
            credit = Credit(
                agency=canonical,
                kind="copied",
                text=x.article.at(span),
                span=span,
                source_article=y.article.id,
            )
            key = (i, folded)
            # best source: highest containment, then the agency's own wire, then the smallest id
            own_wire = agency_by_outlet(y.article.outlet) is not None
            rank = (-round(score, 9), not own_wire, y.article.id)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, credit)
    out: dict[str, list[Credit]] = {}
    for (i, _), (_, credit) in sorted(best.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        out.setdefault(items[i].article.id, []).append(credit)
    return out
