"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Article, Quote


def find_quotes(article: Article) -> list[Quote]:
    return []
