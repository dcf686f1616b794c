"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Article, EntityMention


def find_entities(article: Article) -> list[EntityMention]:
    return []
