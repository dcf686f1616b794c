"""Articles for the extraction tests, shaped as the earlier stages would hand them over.

Loaded by ``conftest.py`` of this folder as the module ``nlp_builders`` (the tests are
imported in importlib mode, so they cannot import each other).
"""

from __future__ import annotations

import re

from parallax.model import Article, Sentence, Source, Span

FRIDAY = "2025-03-14T10:30:00-03:00"  # ISO week 2025-W11 (Monday 10 to Sunday 16 March)


def make_article(
    text: str,
    language: str = "pt",
    published: str | None = FRIDAY,
    *,
    article_id: str = "a1",
    title: bool = False,
    split: bool = True,
) -> Article:
    """An article of ``text``. With ``title`` its first line is the headline; with ``split`` every
    other line is one sentence, as the splitter gives them for the short lines of these tests."""
    article = Article(
        id=article_id,
        source=Source(path=f"{article_id}.txt"),
        text=text,
        content_hash=article_id,
        language=language,
        published=published,
    )
    lines = [(Span(m.start(), m.end()), m.group()) for m in re.finditer(r"[^\n]+", text)]
    if title:
        first = text.split("\n", 1)[0]
        article.title, article.title_span = first, Span(0, len(first))
        lines = lines[1:]
    if split:
        article.sentences = [Sentence(f"s{k}", line, span) for k, (span, line) in enumerate(lines, 1)]
    return article
