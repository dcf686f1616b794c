"""PLACEHOLDER (scaffolding, replaced by the cleaning work)."""

from __future__ import annotations

from parallax.model import Article, Credit


def find_credits(article: Article) -> list[Credit]:
    return []
