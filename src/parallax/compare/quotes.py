"""Quote groups: what one speaker said, as each outlet of a story reported it.

Quotes are first put together by speaker: the same merged ``speaker.entity``, or,
when at least one of the two speakers is unresolved, names whose capitalised
words nest ("Lula" and "Luiz Inácio Lula da Silva", "Antunes" and "o
tenente-coronel Marcos Antunes"). The quotes of one speaker in one sentence are
one *rendering* of what was said: a reporter who quotes «está sob ataque» and
«a responsabilidade de o defender» in one sentence renders one statement in two
pieces. Two quotes of different articles match when

* USE v3 cosine >= 0.5 (carries translations: a Portuguese quote and the English
  one it renders), or
* overlap coefficient of folded content lemmas >= 0.6 with at least 2 shared
  lemmas (a direct quote and its indirect paraphrase share most content words), or
* one is a *partial* quote, too short to carry its meaning alone ("muito
  rápida", "está sob ataque"), whose every content word is in the other quote and
  whose sentence shares at least 2 content words with it: the reporter's words
  around the partial quote say what it is about (score 0.6).

Two renderings match as well as their best pair of quotes. Renderings are
grouped strongest match first, one rendering per article per group; a group
lists, of each rendering, the quotes that match another article's quote in the
group (the best one at least). Only groups with variants from two or more
articles are kept: a quote that no other article reports stays in its article's
``quotes`` and in no group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax.model import Article, Entity, Quote, QuoteGroup, QuoteVariant, Span
from parallax.stories.text import content_lemmas, words
from parallax.text import fold

MIN_COSINE = 0.5
MIN_OVERLAP = 0.6
MIN_SHARED = 2
PARTIAL_MATCH = 0.6


@dataclass(slots=True, eq=False)
class QuoteItem:
    article: Article
    article_rank: int
    quote: Quote
    lemmas: frozenset[str]
    sentence: Span  # the sentence (or headline) that holds the quote
    context: frozenset[str] = frozenset()  # content lemmas of that sentence
    embedding: npt.NDArray[np.float32] | None = field(default=None)


def _host(article: Article, quote: Quote) -> Span:
    for s in article.sentences:
        if s.span.start <= quote.span.start < s.span.end:
            return s.span
    title = article.title_span
    if title is not None and title.start <= quote.span.start < title.end:
        return title
    return quote.span


def quote_items(articles: Sequence[Article]) -> list[QuoteItem]:
    """Quotes with a speaker, in story order."""
    out = []
    for rank, article in enumerate(articles):
        for q in sorted(article.quotes, key=lambda q: q.span):
            if q.speaker is not None and (q.speaker.entity or q.speaker.name.strip()):
                host = _host(article, q)
                context = (
                    frozenset(content_lemmas(article.at(host), article.language))
                    if q.kind == "partial"
                    else frozenset()
                )
                lemmas = frozenset(content_lemmas(q.text, article.language))
                out.append(QuoteItem(article, rank, q, lemmas, host, context))
    return out


def _partial_match(part: QuoteItem, other: QuoteItem) -> bool:
    return (
        part.quote.kind == "partial"
        and bool(part.lemmas)
        and part.lemmas <= other.lemmas
        and len(part.context & other.lemmas) >= MIN_SHARED
    )


def quote_similarity(a: QuoteItem, b: QuoteItem) -> float:
    """The best of cosine, lemma overlap and the partial-quote rule; 0 when none passes its bar."""
    shared = len(a.lemmas & b.lemmas)
    smaller = min(len(a.lemmas), len(b.lemmas))
    overlap = shared / smaller if smaller and shared >= MIN_SHARED else 0.0
    cosine = 0.0
    if a.embedding is not None and b.embedding is not None:
        cosine = float(np.dot(a.embedding, b.embedding))
    best = 0.0
    if cosine >= MIN_COSINE:
        best = cosine
    if overlap >= MIN_OVERLAP:
        best = max(best, overlap)
    if _partial_match(a, b) or _partial_match(b, a):
        best = max(best, PARTIAL_MATCH)
    return best


def name_tokens(name: str) -> frozenset[str]:
    """Folded capitalised words of a speaker name: "o tenente-coronel Marcos Antunes" -> {marcos, antunes}."""
    return frozenset(fold(w) for _, _, w in words(name) if w[:1].isupper() and len(w) > 1)


def _speakers(items: Sequence[QuoteItem]) -> list[list[QuoteItem]]:
    """Items grouped by speaker: same entity id, or names whose capitalised words nest ("Lula" in
    "Luiz Inácio Lula da Silva"), so that unresolved short and full forms of one name meet."""
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    names = []
    for item in items:
        speaker = item.quote.speaker
        assert speaker is not None
        names.append((speaker.entity, name_tokens(speaker.name)))
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            (entity_i, tokens_i), (entity_j, tokens_j) = names[i], names[j]
            same = bool(entity_i) and entity_i == entity_j
            if not same and tokens_i and tokens_j and not (entity_i and entity_j):
                same = tokens_i <= tokens_j or tokens_j <= tokens_i
            if same:
                parent[find(j)] = find(i)
    groups: dict[int, list[QuoteItem]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())


def _renderings(items: Sequence[QuoteItem]) -> list[list[QuoteItem]]:
    """One speaker's items split by sentence: the pieces of one rendering, in text order."""
    out: dict[tuple[str, int], list[QuoteItem]] = {}
    for item in items:
        out.setdefault((item.article.id, item.sentence.start), []).append(item)
    return sorted(out.values(), key=lambda r: (r[0].article_rank, r[0].quote.span.start))


def _canonical(items: Sequence[QuoteItem], entities: dict[str, Entity]) -> tuple[str, str | None]:
    ids = Counter(i.quote.speaker.entity for i in items if i.quote.speaker and i.quote.speaker.entity)
    if ids:
        entity = sorted(ids.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if entity in entities:
            return entities[entity].name, entity
    else:
        entity = None
    names = Counter(i.quote.speaker.name.strip() for i in items if i.quote.speaker)
    # the fullest name: most capitalised words, then most frequent
    name = sorted(names.items(), key=lambda kv: (-len(name_tokens(kv[0])), -kv[1], kv[0]))[0][0]
    return name, entity


def _group_renderings(renderings: Sequence[list[QuoteItem]]) -> list[list[int]]:
    """Strongest-first grouping of renderings, one per article per group."""
    n = len(renderings)
    sims: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j in range(i + 1, n):
            if renderings[i][0].article is renderings[j][0].article:
                continue
            best = max(quote_similarity(a, b) for a in renderings[i] for b in renderings[j])
            if best > 0:
                sims[(i, j)] = best
    members = {i: [i] for i in range(n)}
    root = list(range(n))
    for (i, j), _ in sorted(sims.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = root[i], root[j]
        if ri == rj:
            continue
        if {renderings[k][0].article.id for k in members[ri]} & {
            renderings[k][0].article.id for k in members[rj]
        }:
            continue
        keep, drop = min(ri, rj), max(ri, rj)
        members[keep].extend(members.pop(drop))
        for k in members[keep]:
            root[k] = keep
    return list(members.values())


def _variants(group: Sequence[list[QuoteItem]]) -> list[QuoteItem]:
    """Of each rendering, the pieces that match another article's quote in the group (at least its best)."""
    out: list[QuoteItem] = []
    for rendering in group:
        others = [b for r in group if r is not rendering for b in r]
        scored = [(max((quote_similarity(a, b) for b in others), default=0.0), a) for a in rendering]
        kept = [a for s, a in scored if s > 0] or [max(scored, key=lambda sa: sa[0])[1]]
        out.extend(kept)
    return sorted(out, key=lambda it: (it.article_rank, it.quote.span))


def group_quotes(items: Sequence[QuoteItem], entities: dict[str, Entity]) -> list[QuoteGroup]:
    """Quote groups of one story (see module doc), sorted by speaker then first appearance."""
    out: list[tuple[tuple[str, int, int], QuoteGroup]] = []
    for speaker_items in _speakers(items):
        renderings = _renderings(speaker_items)
        for indices in _group_renderings(renderings):
            if len({renderings[k][0].article.id for k in indices}) < 2:
                continue
            chosen = _variants([renderings[k] for k in sorted(indices)])
            name, entity = _canonical(chosen, entities)
            variants = [QuoteVariant(it.article.id, it.quote.text, it.quote.span) for it in chosen]
            key = (fold(name), chosen[0].article_rank, chosen[0].quote.span.start)
            out.append((key, QuoteGroup(speaker=name, variants=variants, entity=entity)))
    return [g for _, g in sorted(out, key=lambda kg: kg[0])]
