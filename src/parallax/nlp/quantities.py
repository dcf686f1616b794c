"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Article, Quantity


def find_quantities(article: Article) -> list[Quantity]:
    return []
