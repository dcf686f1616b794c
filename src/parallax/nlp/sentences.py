"""PLACEHOLDER (scaffolding): one sentence per kept line."""

from __future__ import annotations

from parallax.model import Article, Sentence


def split_sentences(article: Article) -> list[Sentence]:
    return [Sentence(f"s{i}", text, span) for i, (span, text) in enumerate(article.kept_lines(), 1)]
