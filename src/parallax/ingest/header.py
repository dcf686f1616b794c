"""The optional front-matter header block of a plain-text input.

::

    ---
    url: https://www.example.com.br/noticia/123
    outlet: Folha de S.Paulo
    published: 2025-03-14T10:30:00-03:00
    title: optional
    language: pt
    ---

A scraper knows where and when it found a page; the header is how it tells us
without that metadata polluting the body. A bad value never costs the article:
the field is dropped with a warning and the rest is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

HEADER_KEYS: tuple[str, ...] = ("url", "outlet", "published", "title", "language")

_FIELD = re.compile(r"(?P<key>[A-Za-z][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*")
_MAX_HEADER_LINES = 40
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)
_LANGUAGE = re.compile(r"[a-z]{2}")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


@dataclass(slots=True)
class Header:
    """What a header block said, after validation, and where the body starts."""

    body_start: int = 0
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def parse_header(text: str) -> Header:
    """Parse a leading ``---`` block; text without one is all body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return Header()
    raw: dict[str, str] = {}
    problems: list[str] = []
    pos = len(lines[0])
    for line in lines[1 : _MAX_HEADER_LINES + 1]:
        pos += len(line)
        stripped = line.strip()
        if stripped == "---":
            header = _validate(raw)
            header.body_start = pos
            header.warnings[:0] = problems
            return header
        if not stripped or stripped.startswith("#"):
            continue
        match = _FIELD.fullmatch(stripped)
        if match is None:
            return Header()  # not a header block after all (e.g. a Markdown rule over prose)
        key = match["key"].lower()
        if key in raw:
            problems.append(f"header key {key!r} given twice; the first value is kept")
        else:
            raw[key] = _unquote(match["value"])
    return Header()  # never closed: a rule at the top of the body, not a header


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _validate(raw: dict[str, str]) -> Header:
    header = Header()
    for key, value in raw.items():
        if key not in HEADER_KEYS:
            header.warnings.append(f"unknown header key {key!r} ignored (known: {', '.join(HEADER_KEYS)})")
        elif not value:
            header.warnings.append(f"header key {key!r} is empty; ignored")
        elif key == "url":
            if _URL.fullmatch(value):
                header.url = value
            else:
                header.warnings.append(f"header url {value!r} is not an absolute URL; ignored")
        elif key == "published":
            if is_iso_date(value):
                header.published = value
            else:
                header.warnings.append(
                    f"header published {value!r} is not an ISO 8601 date or datetime; ignored"
                )
        elif key == "language":
            if _LANGUAGE.fullmatch(value.lower()):
                header.language = value.lower()
            else:
                header.warnings.append(
                    f"header language {value!r} is not a two-letter ISO 639-1 code; ignored"
                )
        elif key == "outlet":
            header.outlet = value
        else:
            header.title = value
    return header


def is_iso_date(value: str) -> bool:
    """An ISO 8601 date (``2025-03-14``) or datetime, with or without a UTC offset."""
    return published_utc(value) is not None


def published_utc(value: str | None) -> str | None:
    """A sortable UTC form of a publication date (SQLite keeps no offsets).

    Dates stay dates (``2025-03-14``); datetimes become ``2025-03-14T13:30:00Z``.
    A datetime without an offset is taken as UTC. ``None`` when the value is not ISO 8601.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        if _ISO_DATE.fullmatch(value):
            return date.fromisoformat(value).isoformat()
        match = _ISO_DATETIME.fullmatch(value)
        if match is None:
            return None
        moment = datetime.fromisoformat(value.replace(",", ".").replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
