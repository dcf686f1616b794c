"""What every reader shares: warnings about kept inputs, the content hash and the article id.

A leaf of the ingest package, so that the format readers (HTML, WARC, JSON/CSV) and
the package entry point can all use it without importing each other.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from parallax.model import Article, Source, Span

log = logging.getLogger("parallax.ingest")

#: The reason of an HTML page's visible line outside the main text when the markup says
#: nothing more precise; cleaning may replace it with what the line's own words show.
GENERIC_HTML_REASON = "html_boilerplate"


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something wrong with an input that was still read (e.g. an unparsable header date)."""

    input: str
    message: str


WarningSink = Callable[[InputWarning], None]


def log_warning(warning: InputWarning) -> None:
    log.warning("%s: %s", warning.input, warning.message)


def content_hash(body: str) -> str:
    """The exact-duplicate key: sha256 of the body after NFC, whitespace collapsing, casefolding."""
    normalised = " ".join(unicodedata.normalize("NFC", body).split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def article_id(source_key: str, digest: str) -> str:
    """Same content from the same source, same id; a changed version gets a new one."""
    return "a" + hashlib.sha256(f"{source_key}\n{digest}".encode()).hexdigest()[:11]


def record_path(path: str, location: str) -> str:
    """The provenance of one record of a many-record file: ``news.jsonl:12``, ``cc.warc.gz#5120``.

    It is the article's ``Source.path``, hence its source key when the record names no
    URL: two records of one file never share a key, and a record keeps its key as
    long as the file is not rewritten above it.
    """
    return f"{path}{location}"


def body_article(
    text: str,
    source: Source,
    *,
    outlet: str | None = None,
    title: str | None = None,
    language: str | None = None,
    published: str | None = None,
) -> Article:
    """An article whose whole text is body (no header block): a record, a passage, a corpus document."""
    digest = content_hash(text)
    return Article(
        id=article_id(source.key, digest),
        source=source,
        text=text,
        content_hash=digest,
        outlet=outlet,
        title=title,
        language=language,
        published=published,
        body=Span(0, len(text)),
    )
