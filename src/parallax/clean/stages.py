"""Cleaning stages: site chrome out (with reasons), language in, agency credits in."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from parallax.clean.chrome import clean_article
from parallax.clean.credits import find_credits
from parallax.clean.language import detect_language
from parallax.clean.repeated import find_repeated_lines, repeated_for
from parallax.model import Article
from parallax.options import Options
from parallax.registry import document_stage, document_stage_with_context


def outlet_repeated_lines(articles: Sequence[Article], options: Options) -> dict[str, frozenset[str]]:
    """The clean stage's batch-wide context: lines each outlet repeats across its articles."""
    return find_repeated_lines(articles)


@document_stage_with_context("clean", prepare=outlet_repeated_lines, provides=("removed", "title"))
def clean(article: Article, options: Options, repeated: Mapping[str, frozenset[str]]) -> Article:
    """Mark site chrome, teasers and embedded posts as removed lines; find the headline."""
    return clean_article(article, options, repeated_for(article, repeated))


@document_stage("language", requires=("removed",), provides=("language",))
def language(article: Article, options: Options) -> Article:
    """Identify the article's language among the supported ones (kept if already known)."""
    return dataclasses.replace(article, language=article.language or detect_language(article, options))


@document_stage("credits", requires=("removed",), provides=("credits",))
def credits(article: Article, options: Options) -> Article:
    """Find the agencies the article credits: datelines, attributions, bylines, embedded posts."""
    return dataclasses.replace(article, credits=find_credits(article))
