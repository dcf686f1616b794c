"""Line splitting shared by the cleaning stages.

Cleaning matches patterns on a folded copy of a line (lower case, no accents, see
:func:`parallax.text.fold_chars`) but reports spans into ``Article.text``; that fold
maps every character to exactly one character, so an offset in the folded copy is
an offset in the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.model import Article, Span


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank body line: its position among body lines, stripped text and span."""

    index: int
    text: str
    span: Span


def body_lines(article: Article) -> list[Line]:
    """Non-blank lines of the body, stripped, with spans; the same split as ``Article.kept_lines``."""
    body = article.body or Span(0, len(article.text))
    lines: list[Line] = []
    pos = body.start
    for raw in article.text[body.start : body.end].splitlines(keepends=True):
        stripped = raw.rstrip("\r\n")
        lead = len(stripped) - len(stripped.lstrip())
        text = stripped.strip()
        if text:
            start = pos + lead
            lines.append(Line(len(lines), text, Span(start, start + len(text))))
        pos += len(raw)
    return lines
