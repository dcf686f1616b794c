"""PLACEHOLDER (scaffolding, replaced by the cleaning work)."""

from __future__ import annotations

from parallax.model import Article
from parallax.options import Options


def detect_language(article: Article, options: Options) -> str | None:
    return "pt"
