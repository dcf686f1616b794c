"""Corpus stage "compare": claim-by-claim comparison of the articles of each story.

Order matters: silent agency copies are found first (:mod:`.copies`) because a
``copied`` credit makes the copy the same source as the wire it copies, which
the independent-source counts of the claims (:mod:`.claims`) rely on; quote
groups (:mod:`.quotes`) come before the claims because a sentence that is mostly
a quote that another source also reports is not single-source. Sentence
embeddings are computed once for the whole batch, and only for stories with two
or more articles (a lone article has nothing to align with); titles are not
embedded (see :class:`.align.Unit`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from parallax.compare.align import Unit, alignments, score_matrix, units_of
from parallax.compare.claims import build_claims
from parallax.compare.copies import find_copies
from parallax.compare.figures import story_figures
from parallax.compare.quotes import QuoteItem, group_quotes, quote_items
from parallax.compare.scope import story_window
from parallax.compare.sources import count_sources, source_groups
from parallax.model import Article, Batch, Credit, Story
from parallax.options import Options
from parallax.registry import corpus_stage
from parallax.stories import embed
from parallax.text import fold


def _with_copies(stories: Sequence[Story], articles: Sequence[Article]) -> list[Article]:
    by_id = {a.id: a for a in articles}
    added: dict[str, list[Credit]] = {}
    for story in stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        if len(members) < 2:
            continue
        for article_id, credits in find_copies(members).items():
            have = {fold(c.agency) for c in [*by_id[article_id].credits, *added.get(article_id, [])]}
            for credit in credits:
                if fold(credit.agency) not in have:
                    added.setdefault(article_id, []).append(credit)
                    have.add(fold(credit.agency))
    return [
        dataclasses.replace(a, credits=[*a.credits, *added[a.id]]) if a.id in added else a for a in articles
    ]


def _embed(units: Sequence[Unit], quotes: Sequence[QuoteItem]) -> None:
    todo_units = [u for u in units if not u.trivial and u.role != "title"]  # titles: see align.Unit
    texts = [u.text for u in todo_units] + [q.quote.text for q in quotes]
    if not texts:
        return
    vectors = embed.encode(texts)
    for u, v in zip(todo_units, vectors[: len(todo_units)], strict=True):
        u.embedding = v
    for q, v in zip(quotes, vectors[len(todo_units) :], strict=True):
        q.embedding = v


@corpus_stage(
    "compare", requires=("stories", "quotes", "quantities", "credits", "entity_ids"), provides=("claims",)
)
def compare(batch: Batch, options: Options) -> Batch:
    """Align sentences, build claims (corroborated, conflicting, single-source), group quotes, flag copies."""
    articles = _with_copies(batch.stories, batch.articles)
    by_id = {a.id: a for a in articles}
    entities = {e.id: e for e in batch.entities}
    threshold = options.alignment_threshold

    prepared: list[tuple[Story, list[Article], list[Unit], list[QuoteItem]]] = []
    for story in batch.stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        units: list[Unit] = []
        window = story_window(members)
        for rank, article in enumerate(members):
            units.extend(units_of(article, rank, len(units), window))
        quotes = quote_items(members) if len(members) > 1 else []
        prepared.append((story, members, units, quotes))

    if options.embeddings:
        multi = [(u, q) for _, members, u, q in prepared if len(members) > 1]
        _embed([x for u, _ in multi for x in u], [x for _, q in multi for x in q])

    stories: list[Story] = []
    for story, members, units, quotes in prepared:
        groups = source_groups(members)
        scores = score_matrix(units, options.embeddings, threshold)
        quote_groups = group_quotes(quotes, entities)
        quoted_elsewhere = [
            (v.article, v.span)
            for g in quote_groups
            if count_sources((v.article for v in g.variants), groups) >= 2
            for v in g.variants
        ]
        figures = story_figures(units, scores, groups, threshold)
        stories.append(
            dataclasses.replace(
                story,
                claims=build_claims(
                    story, members, units, scores, groups, threshold, quoted_elsewhere, figures
                ),
                alignments=alignments(units, scores, threshold, figures.opposed(groups)),
                quote_groups=quote_groups,
            )
        )
    return dataclasses.replace(batch, articles=articles, stories=stories)
