"""Line splitting and a length-preserving fold shared by the cleaning stages.

Cleaning matches patterns on a folded copy of a line (lower case, no accents) but
reports spans into ``Article.text``; the fold therefore maps every character to
exactly one character, so an offset in the folded copy is an offset in the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from parallax.model import Article, Span


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


@lru_cache(maxsize=4096)
def _plain_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isalnum() or not char.isalnum() else char


def strip_accents(text: str) -> str:
    """The text without accents, case kept, one character out for every character in."""
    if text.isascii():
        return text
    return "".join(_plain_char(c) for c in text)


def fold(text: str) -> str:
    """Lower case without accents, one character out for every character in."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Folded text with runs of white space made single spaces (for whole-line lexicons)."""
    return _SPACES.sub(" ", fold(text)).strip()


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
