"""Inputs → documents: paths in, :class:`~parallax.model.Article` (or a reason it is not) out.

Reading never stops at a bad input: an empty, binary, oversized, undecodable or
unreadable input becomes a :class:`~parallax.model.Rejected` naming the input and
the reason, and the rest of the batch is still read. A good article with a bad
header value is kept; the value is dropped and a warning says so.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import BinaryIO, cast

from parallax.ingest.base import (
    InputWarning,
    WarningSink,
    article_id,
    body_article,
    content_hash,
    log_warning,
    record_path,
)
from parallax.ingest.decode import InputError, bytes_to_text, human_size, read_capped, too_large
from parallax.ingest.files import (
    STDIN,
    STDIN_NAME,
    TEXT_SUFFIXES,
    InputRef,
    expand,
    input_format,
    is_url,
)
from parallax.ingest.header import Header, is_iso_date, parse_header, published_utc
from parallax.model import Article, Batch, Rejected, Source, Span
from parallax.options import Options

__all__ = [
    "STDIN",
    "STDIN_NAME",
    "TEXT_SUFFIXES",
    "Header",
    "InputWarning",
    "WarningSink",
    "article_id",
    "body_article",
    "content_hash",
    "count_inputs",
    "is_iso_date",
    "iter_inputs",
    "make_article",
    "parse_header",
    "published_utc",
    "read_inputs",
    "record_path",
]

_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 1024
#: Formats read record by record: no cap on the whole file, each record is capped instead.
_STREAMED = frozenset({"warc", "jsonl", "csv", "tsv"})


def make_article(text: str, path: str, options: Options, on_warning: WarningSink | None = None) -> Article:
    """Build an article from decoded text: header parsed, body span set, ids computed.

    Raises :class:`~parallax.ingest.decode.InputError` when there is no body.
    """
    warn = on_warning or log_warning
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

    Paths are files (text, HTML, WARC, JSON, JSON Lines, CSV/TSV, each optionally gzipped),
    folders, globs, ``-`` for stdin, and ``http(s)://`` URLs (fetched by
    :func:`parallax.ingest.web.iter_urls`, consecutive URLs together, in the order given).
    One file may yield many articles. Warnings about kept articles go to ``on_warning``
    (default: the ``parallax.ingest`` logger).
    """
    if options.default_published is not None and not is_iso_date(options.default_published):
        raise ValueError(f"default_published {options.default_published!r} is not an ISO 8601 date")
    seen: set[str] = set()
    for urls, group in _runs(paths):
        if urls:
            from parallax.ingest.web import iter_urls  # fetching is optional and heavier: only when asked

            yield from iter_urls(group, options, on_warning)
            continue
        for item in expand(group, seen):
            if isinstance(item, Rejected):
                yield item
            else:
                yield from _read_input(item, options, on_warning)


def _runs(paths: Sequence[str]) -> Iterator[tuple[bool, list[str]]]:
    """Consecutive URLs and consecutive other paths, as groups, in the order given."""
    group: list[str] = []
    urls = False
    for path in paths:
        if group and is_url(path) != urls:
            yield urls, group
            group = []
        urls = is_url(path)
        group.append(path)
    if group:
        yield urls, group


def count_inputs(paths: Sequence[str]) -> int:
    """How many inputs the paths name (files listed, URLs counted, nothing read): a progress bar's total.

    A many-record file (WARC, JSON Lines, CSV) counts once, however many articles it yields.
    """
    urls = sum(1 for path in paths if is_url(path))
    files = [path for path in paths if not is_url(path)]
    return urls + sum(1 for item in expand(files) if not isinstance(item, Rejected))


def read_inputs(paths: Sequence[str], options: Options, on_warning: WarningSink | None = None) -> Batch:
    """All inputs at once, as the batch the pipeline runs over."""
    batch = Batch()
    for item in iter_inputs(paths, options, on_warning):
        if isinstance(item, Rejected):
            batch.rejected.append(item)
        else:
            batch.articles.append(item)
    return batch


def _read_input(
    ref: InputRef, options: Options, on_warning: WarningSink | None
) -> Iterator[Article | Rejected]:
    """One input, whatever its format; any failure becomes a Rejected naming it."""
    fmt, gzipped = input_format(ref.path) if ref.path != STDIN else (None, False)
    limit = options.max_input_bytes
    try:
        with _opened(ref, None if fmt in _STREAMED or gzipped else limit) as raw:
            head = _peek(raw)
            gzipped = gzipped or head.startswith(_GZIP_MAGIC)
            if fmt is None:
                fmt = _sniff(_gunzip_head(head) if gzipped else head)
            yield from _read_format(fmt, raw, ref, options, on_warning, gzipped=gzipped)
    except InputError as exc:
        yield Rejected(ref.name, str(exc))
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield Rejected(ref.name, f"corrupt gzip data ({exc})")
    except EOFError:
        yield Rejected(ref.name, "gzip data cut short (the file ends mid-stream)")


def _read_format(
    fmt: str,
    raw: BinaryIO,
    ref: InputRef,
    options: Options,
    on_warning: WarningSink | None,
    *,
    gzipped: bool,
) -> Iterator[Article | Rejected]:
    from parallax.ingest import structured, warc  # the format readers, imported on first use

    name = ref.name
    if fmt == "warc":
        # read member by member by the WARC reader itself, to survive a bad gzip member
        yield from warc.iter_warc(raw, name, options, on_warning, gzipped=gzipped)
        return
    stream = cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb")) if gzipped else raw
    if fmt == "jsonl":
        yield from structured.iter_jsonl(stream, name, options, on_warning)
    elif fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else None
        yield from structured.iter_csv(stream, name, options, on_warning, delimiter=delimiter)
    else:
        data = _read_capped(stream, options.max_input_bytes, gzipped=gzipped)
        if fmt == "json":
            yield from structured.iter_json(data, name, options, on_warning)
        elif fmt == "html":
            from parallax.ingest.html import article_from_html

            yield article_from_html(data, url=None, path=ref.path, options=options, on_warning=on_warning)
        else:
            yield make_article(bytes_to_text(data), ref.path, options, on_warning)


def _read_capped(stream: BinaryIO, limit: int, *, gzipped: bool) -> bytes:
    data = read_capped(stream, limit)
    if len(data) > limit:
        if gzipped:
            raise InputError(
                f"decompresses to more than the {human_size(limit)} limit (max_input_bytes); "
                "refused unread (a gzip bomb, or too large an input)"
            )
        raise too_large(None, limit)
    return data


def _peek(stream: BinaryIO) -> bytes:
    peek = getattr(stream, "peek", None)
    return bytes(peek(_SNIFF)[:_SNIFF]) if peek is not None else b""


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, from its first compressed bytes only."""
    try:
        return zlib.decompressobj(31).decompress(head, _SNIFF)
    except zlib.error:
        return b""


def _sniff(head: bytes) -> str:
    """The format of an input whose name does not say (stdin, an unknown suffix): WARC, HTML or text."""
    from parallax.ingest.html import sniff_html

    if head.lstrip().startswith(b"WARC/1."):
        return "warc"
    return "html" if sniff_html(head) else "text"


@contextmanager
def _opened(ref: InputRef, limit: int | None) -> Iterator[BinaryIO]:
    """The input's byte stream; a regular file over ``limit`` is refused from its size alone."""
    if ref.path == STDIN:
        yield sys.stdin.buffer
        return
    path = ref.path
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder")
        if limit is not None and stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise too_large(info.st_size, limit)  # rejected from its size alone, never read
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the caller has streamed it)
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
    try:
        yield stream
    except OSError as exc:
        if isinstance(exc, gzip.BadGzipFile):
            raise
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    finally:
        stream.close()
