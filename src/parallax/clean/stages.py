"""Cleaning stages: site chrome out (with reasons), language in, agency credits in."""

from __future__ import annotations

import dataclasses

from parallax.clean.chrome import clean_article
from parallax.clean.credits import find_credits
from parallax.clean.language import detect_language
from parallax.model import Article
from parallax.options import Options
from parallax.registry import document_stage


@document_stage("clean", provides=("removed", "title"))
def clean(article: Article, options: Options) -> Article:
    """Mark site chrome, teasers and embedded posts as removed lines; find the headline."""
    return clean_article(article, options)


@document_stage("language", requires=("removed",), provides=("language",))
def language(article: Article, options: Options) -> Article:
    """Identify the article's language among the supported ones (kept if already known)."""
    return dataclasses.replace(article, language=article.language or detect_language(article, options))


@document_stage("credits", requires=("removed",), provides=("credits",))
def credits(article: Article, options: Options) -> Article:
    """Find the agencies the article credits: datelines, attributions, bylines, embedded posts."""
    return dataclasses.replace(article, credits=find_credits(article))
