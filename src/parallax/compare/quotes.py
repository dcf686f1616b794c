"""Quote groups: what one speaker said, as each outlet of a story reported it.

Quotes are first put together by speaker: the same merged ``speaker.entity``, or,
when at least one of the two speakers is unresolved, names whose capitalised
words nest ("Lula" and "Luiz Inácio Lula da Silva", "Antunes" and "o
tenente-coronel Marcos Antunes"). Within a speaker, two
quotes of different articles match when their content matches:

* USE v3 cosine >= 0.5 (carries translations: a Portuguese quote and the English
  one it renders), or
* overlap coefficient of folded content lemmas >= 0.6 with at least 2 shared
  lemmas (a direct quote and its indirect paraphrase share most content words;
  a partial quote is contained in the full one).

Matches are grouped strongest first, one variant per article per group. Only
groups with variants from at least two articles are kept: a quote that no other
article reports stays in its article's ``quotes`` and in no group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax.model import Article, Entity, Quote, QuoteGroup, QuoteVariant
from parallax.stories.text import content_lemmas, fold, words

MIN_COSINE = 0.5
MIN_OVERLAP = 0.6
MIN_SHARED = 2


@dataclass(slots=True, eq=False)
class QuoteItem:
    article: Article
    article_rank: int
    quote: Quote
    lemmas: frozenset[str]
    embedding: npt.NDArray[np.float32] | None = field(default=None)


def quote_items(articles: Sequence[Article]) -> list[QuoteItem]:
    """Quotes with a speaker, in story order."""
    out = []
    for rank, article in enumerate(articles):
        for q in sorted(article.quotes, key=lambda q: q.span):
            if q.speaker is not None and (q.speaker.entity or q.speaker.name.strip()):
                out.append(QuoteItem(article, rank, q, frozenset(content_lemmas(q.text, article.language))))
    return out


def quote_similarity(a: QuoteItem, b: QuoteItem) -> float:
    """max(cosine, lemma overlap coefficient); 0 when neither signal passes its bar."""
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


def group_quotes(items: Sequence[QuoteItem], entities: dict[str, Entity]) -> list[QuoteGroup]:
    """Quote groups of one story (see module doc), sorted by speaker then first appearance."""
    out: list[tuple[tuple[str, int, int], QuoteGroup]] = []
    for speaker_items in _speakers(items):
        n = len(speaker_items)
        sims = {
            (i, j): quote_similarity(speaker_items[i], speaker_items[j])
            for i in range(n)
            for j in range(i + 1, n)
            if speaker_items[i].article.id != speaker_items[j].article.id
        }
        members = {i: [i] for i in range(n)}
        root = list(range(n))
        for (i, j), s in sorted(sims.items(), key=lambda kv: (-kv[1], kv[0])):
            if s <= 0:
                break
            ri, rj = root[i], root[j]
            if ri == rj:
                continue
            if {speaker_items[k].article.id for k in members[ri]} & {
                speaker_items[k].article.id for k in members[rj]
            }:
                continue
            keep, drop = min(ri, rj), max(ri, rj)
            members[keep].extend(members.pop(drop))
            for k in members[keep]:
                root[k] = keep
        for group in members.values():
            chosen = sorted(
                (speaker_items[k] for k in group), key=lambda it: (it.article_rank, it.quote.span)
            )
            if len({it.article.id for it in chosen}) < 2:
                continue
            name, entity = _canonical(chosen, entities)
            variants = [QuoteVariant(it.article.id, it.quote.text, it.quote.span) for it in chosen]
            key = (fold(name), chosen[0].article_rank, chosen[0].quote.span.start)
            out.append((key, QuoteGroup(speaker=name, variants=variants, entity=entity)))
    return [g for _, g in sorted(out, key=lambda kg: kg[0])]
