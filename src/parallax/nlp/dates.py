"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Article, DateExpression


def find_dates(article: Article) -> list[DateExpression]:
    return []
