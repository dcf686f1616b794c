"""PLACEHOLDER (scaffolding, replaced by the cleaning work): keeps every line."""

from __future__ import annotations

from parallax.model import Article
from parallax.options import Options


def clean_article(article: Article, options: Options) -> Article:
    return article
