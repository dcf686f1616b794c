"""Inputs → documents: paths in, :class:`~parallax.model.Article` (or a reason it is not) out.

Reading never stops at a bad input: an empty, binary, oversized, undecodable or
unreadable input becomes a :class:`~parallax.model.Rejected` naming the input and
the reason, and the rest of the batch is still read. A good article with a bad
header value is kept; the value is dropped and a warning says so.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from parallax.ingest.decode import InputError, bytes_to_text, read_capped, too_large
from parallax.ingest.files import STDIN, STDIN_NAME, TEXT_SUFFIXES, InputRef, expand
from parallax.ingest.header import Header, is_iso_date, parse_header, published_utc
from parallax.model import Article, Batch, Rejected, Source, Span
from parallax.options import Options

__all__ = [
    "STDIN",
    "STDIN_NAME",
    "TEXT_SUFFIXES",
    "Header",
    "InputWarning",
    "article_id",
    "content_hash",
    "count_inputs",
    "is_iso_date",
    "iter_inputs",
    "make_article",
    "parse_header",
    "published_utc",
    "read_inputs",
]

log = logging.getLogger("parallax.ingest")


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something wrong with an input that was still read (e.g. an unparsable header date)."""

    input: str
    message: str


WarningSink = Callable[[InputWarning], None]


def _log_warning(warning: InputWarning) -> None:
    log.warning("%s: %s", warning.input, warning.message)


def content_hash(body: str) -> str:
    """The exact-duplicate key: sha256 of the body after NFC, whitespace collapsing, casefolding."""
    normalised = " ".join(unicodedata.normalize("NFC", body).split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def article_id(source_key: str, digest: str) -> str:
    """Same content from the same source, same id; a changed version gets a new one."""
    return "a" + hashlib.sha256(f"{source_key}\n{digest}".encode()).hexdigest()[:11]


def make_article(text: str, path: str, options: Options, on_warning: WarningSink | None = None) -> Article:
    """Build an article from decoded text: header parsed, body span set, ids computed.

    Raises :class:`~parallax.ingest.decode.InputError` when there is no body.
    """
    warn = on_warning or _log_warning
    name = STDIN_NAME if path == STDIN else path
    header = parse_header(text)
    for message in header.warnings:
        warn(InputWarning(name, message))
    body = Span(header.body_start, len(text))
    body_text = text[body.start : body.end]
    if not body_text.strip():
        raise InputError("no body text after the header block")
    if header.language and header.language not in options.languages:
        warn(
            InputWarning(
                name,
                f"header language {header.language!r} is not among the configured languages "
                f"({', '.join(options.languages)})",
            )
        )
    source = Source(path=path, url=header.url)
    digest = content_hash(body_text)
    return Article(
        id=article_id(source.key, digest),
        source=source,
        text=text,
        content_hash=digest,
        outlet=header.outlet,
        title=header.title,
        language=header.language,
        published=header.published or options.default_published,
        body=body,
    )


def iter_inputs(
    paths: Sequence[str], options: Options, on_warning: WarningSink | None = None
) -> Iterator[Article | Rejected]:
    """Stream the articles the paths name, one at a time, with a Rejected for each bad input.

    Warnings about kept articles go to ``on_warning`` (default: the ``parallax.ingest`` logger).
    """
    if options.default_published is not None and not is_iso_date(options.default_published):
        raise ValueError(f"default_published {options.default_published!r} is not an ISO 8601 date")
    for item in expand(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            text = bytes_to_text(_read(item, options.max_input_bytes))
            yield make_article(text, item.path, options, on_warning)
        except InputError as exc:
            yield Rejected(item.name, str(exc))


def count_inputs(paths: Sequence[str]) -> int:
    """How many inputs the paths name (a folder listing, nothing read): the total of a progress bar."""
    return sum(1 for item in expand(paths) if not isinstance(item, Rejected))


def read_inputs(paths: Sequence[str], options: Options, on_warning: WarningSink | None = None) -> Batch:
    """All inputs at once, as the batch the pipeline runs over."""
    batch = Batch()
    for item in iter_inputs(paths, options, on_warning):
        if isinstance(item, Rejected):
            batch.rejected.append(item)
        else:
            batch.articles.append(item)
    return batch


def _read(ref: InputRef, limit: int) -> bytes:
    data = read_capped(sys.stdin.buffer, limit) if ref.path == STDIN else _read_file(ref.path, limit)
    if len(data) > limit:
        raise too_large(None, limit)
    return data


def _read_file(path: str, limit: int) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise too_large(info.st_size, limit)  # rejected from its size alone, never read
        with open(path, "rb") as stream:
            return read_capped(stream, limit)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise InputError(f"broken symbolic link (points to {os.readlink(path)})") from exc
        raise InputError("no such file or folder") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except NotADirectoryError as exc:
        raise InputError("no such file (a part of the path is a file, not a folder)") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
