"""JSON, JSON Lines and CSV/TSV files → one article per record, through one field mapping.

Scrapers, news APIs and dataset dumps all export records with the same few fields
under different names; the mapping below (case-insensitive, first field present wins)
covers the usual spellings, news-please's (``maintext``, ``date_publish``,
``source_domain``) included:

====================  ========================================================================
article field         record fields
====================  ========================================================================
body (the text)       text, body, content, article, maintext, article_body, articlebody,
                      full_text, fulltext, texto, corpo, conteudo, conteúdo, cuerpo, contenido
title                 title, headline, titulo, título, manchete, titular
source URL            url, link, uri, canonical_url, endereco, enlace
published             published, date, published_at, publishedat, pubdate, pub_date,
                      date_publish, datepublished, publication_date, published_time, data,
                      data_publicacao, fecha, fecha_publicacion
outlet                outlet, source, site, publisher, site_name, sitename, source_name,
                      source_domain, veiculo, veículo, fonte, fuente, medio (an object such
                      as ``{"name": ...}`` gives its ``name``)
language              language, lang, idioma, lingua, língua
====================  ========================================================================

A body that is HTML (a feed's ``content:encoded``) is rendered to its visible lines.
A record without text is a :class:`~parallax.model.Rejected` naming the file and the
line (or array index); a bad value loses the field only, with a warning, as in a
plain-text header. JSON Lines and CSV are streamed (each line or row capped at
``max_input_bytes``); a ``.json`` file is parsed whole, within the same cap.

Provenance: ``Source.path`` is ``<file>:<line>`` for JSON Lines and CSV (the line a
record starts on, 1-based), ``<file>[<index>]`` for a record of a JSON array, and the
file itself for a JSON file holding one object.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterator, Mapping
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

from parallax.ingest.base import InputWarning, WarningSink, body_article, log_warning, record_path
from parallax.ingest.decode import InputError, decode_bytes, human_size, repair
from parallax.ingest.header import is_iso_date
from parallax.ingest.html import parse_html, render_lines
from parallax.model import Article, Rejected, Source
from parallax.options import Options

__all__ = ["FIELD_MAPPING", "iter_csv", "iter_json", "iter_jsonl", "record_to_article"]

FIELD_MAPPING: dict[str, tuple[str, ...]] = {
    "body": (
        "text",
        "body",
        "content",
        "article",
        "maintext",
        "article_body",
        "articlebody",
        "full_text",
        "fulltext",
        "texto",
        "corpo",
        "conteudo",
        "conteúdo",
        "cuerpo",
        "contenido",
    ),
    "title": ("title", "headline", "titulo", "título", "manchete", "titular"),
    "url": ("url", "link", "uri", "canonical_url", "endereco", "enlace"),
    "published": (
        "published",
        "date",
        "published_at",
        "publishedat",
        "pubdate",
        "pub_date",
        "date_publish",
        "datepublished",
        "publication_date",
        "published_time",
        "data",
        "data_publicacao",
        "fecha",
        "fecha_publicacion",
    ),
    "outlet": (
        "outlet",
        "source",
        "site",
        "publisher",
        "site_name",
        "sitename",
        "source_name",
        "source_domain",
        "veiculo",
        "veículo",
        "fonte",
        "fuente",
        "medio",
    ),
    "language": ("language", "lang", "idioma", "lingua", "língua"),
}

_MARKUP = re.compile(r"<(?:p|br|div|/p|/div|li|h[1-6])\b[^>]*>", re.IGNORECASE)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_LANGUAGE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]+)*")
_CHUNK = 1 << 16
_SNIFF_BYTES = 64 * 1024


def _field(record: Mapping[str, Any], target: str) -> tuple[str, Any] | None:
    for name in FIELD_MAPPING[target]:
        if name in record and record[name] not in (None, "", [], {}):
            return name, record[name]
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if isinstance(value, Mapping):
        return _as_text(value.get("name") or value.get("title"))
    return None


def _body_text(raw: str) -> str:
    """The text an article is made of: markup rendered to visible lines, plain text as given."""
    if _MARKUP.search(raw):
        lines = render_lines(parse_html(raw))
        raw = "\n".join(line.text for line in lines)
    return repair(raw)


def _published(value: str) -> str | None:
    value = value.strip()
    if is_iso_date(value):
        return value
    try:
        moment = parsedate_to_datetime(value)  # RSS and e-mail dates: "Tue, 06 May 2025 09:15:00 -0300"
    except (TypeError, ValueError, IndexError):
        return None
    return moment.isoformat()


def record_to_article(
    record: Mapping[str, Any], path: str, options: Options, warn: WarningSink, *, where: str
) -> Article:
    """One record (field names already lower-case) → an article; InputError when it has no text."""
    found = _field(record, "body")
    if found is None:
        raise InputError(f"no article text (none of the fields {', '.join(FIELD_MAPPING['body'])})")
    name, value = found
    raw = _as_text(value)
    if raw is None:
        raise InputError(f"field {name!r} is not text")
    text = _body_text(raw)
    if not text.strip():
        raise InputError(f"field {name!r} holds no text")
    meta: dict[str, str] = {}
    for target in ("title", "url", "published", "outlet", "language"):
        hit = _field(record, target)
        if hit is None:
            continue
        key, val = hit
        stated = _as_text(val)
        cleaned = _validated(target, stated.strip() if stated else None)
        if cleaned is None:
            message = f"field {key!r} value {str(val)[:60]!r} is not a valid {target}; ignored"
            warn(InputWarning(where, message))
        else:
            meta[target] = cleaned
    language = meta.get("language")
    if language and language not in options.languages:
        configured = ", ".join(options.languages)
        message = f"language {language!r} is not among the configured languages ({configured})"
        warn(InputWarning(where, message))
    return body_article(
        text,
        Source(path=path, url=meta.get("url")),
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        language=language,
        published=meta.get("published") or options.default_published,
    )


def _validated(target: str, value: str | None) -> str | None:
    if not value:
        return None
    if target == "url":
        return value if _URL.fullmatch(value) else None
    if target == "published":
        return _published(value)
    if target == "language":
        match = _LANGUAGE.fullmatch(value.lower())
        return match.group(1) if match else None
    return " ".join(repair(value).split()) or None


def _lower_keys(record: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(k).strip().lower(): v for k, v in record.items()}


def _one(
    record: Any, path: str, where: str, options: Options, warn: WarningSink, label: str
) -> Article | Rejected:
    if not isinstance(record, Mapping):
        return Rejected(where, f"{label}: a JSON {type(record).__name__}, not an object")
    try:
        return record_to_article(_lower_keys(record), path, options, warn, where=where)
    except InputError as exc:
        return Rejected(where, f"{label}: {exc}")


# --------------------------------------------------------------------------- JSON


def iter_json(
    data: bytes, name: str, options: Options, on_warning: WarningSink | None = None
) -> Iterator[Article | Rejected]:
    """A ``.json`` file: one object, or a list of objects (each its own article)."""
    warn = on_warning or log_warning
    text, _ = decode_bytes(data)
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc})") from exc
    if isinstance(value, list):
        if not value:
            raise InputError("an empty JSON list")
        for index, record in enumerate(value):
            where = record_path(name, f"[{index}]")
            yield _one(record, where, where, options, warn, f"item {index}")
        return
    if not isinstance(value, Mapping):
        raise InputError(f"a JSON {type(value).__name__}, neither an object nor a list of objects")
    try:
        yield record_to_article(_lower_keys(value), name, options, warn, where=name)
    except InputError as exc:
        yield Rejected(name, str(exc))


# --------------------------------------------------------------------------- lines


def capped_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` of a byte stream; ``None`` for a line over ``limit`` (skipped unread)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
            continue
        yield number, line


def iter_jsonl(
    stream: BinaryIO, name: str, options: Options, on_warning: WarningSink | None = None
) -> Iterator[Article | Rejected]:
    """A JSON Lines file, streamed: one object per line, blank lines skipped."""
    warn = on_warning or log_warning
    limit = options.max_input_bytes
    records = 0
    for number, line in capped_lines(stream, limit):
        where = record_path(name, f":{number}")
        if line is None:
            records += 1
            reason = f"line {number}: longer than the {human_size(limit)} limit (max_input_bytes)"
            yield Rejected(where, reason)
            continue
        if not line.strip():
            continue
        records += 1
        try:
            text, _ = decode_bytes(line)
            record = json.loads(text)
        except InputError as exc:
            yield Rejected(where, f"line {number}: {exc}")
            continue
        except ValueError as exc:
            yield Rejected(where, f"line {number}: not valid JSON ({exc})")
            continue
        yield _one(record, where, where, options, warn, f"line {number}")
    if records == 0:
        yield Rejected(name, "no records (the file holds only blank lines)")


# --------------------------------------------------------------------------- CSV


def _decoded_lines(stream: BinaryIO, limit: int) -> Iterator[str]:
    """Text lines of a CSV stream in the encoding its first 64 KB show (UTF-8, else detected)."""
    head = stream.read(_SNIFF_BYTES)
    cut = head.rfind(b"\n") + 1 if len(head) == _SNIFF_BYTES else len(head)
    try:
        _, encoding = decode_bytes(head[: cut or len(head)])
    except InputError:
        encoding = "utf-8"
    if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending = ""
    chunk = head
    while chunk:
        pending += decoder.decode(chunk)
        lines = pending.splitlines(keepends=True)
        pending = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        yield from lines
        if len(pending) > limit:
            raise InputError(f"a line longer than the {human_size(limit)} limit (max_input_bytes)")
        chunk = stream.read(_CHUNK)
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def iter_csv(
    stream: BinaryIO,
    name: str,
    options: Options,
    on_warning: WarningSink | None = None,
    *,
    delimiter: str | None = None,
) -> Iterator[Article | Rejected]:
    """A CSV (or TSV) file with a header row, streamed: one article per row."""
    warn = on_warning or log_warning
    limit = options.max_input_bytes
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)  # process-wide; an article body is often over the 128 KB default
    lines = _decoded_lines(stream, limit)
    counted = _LineCounter(lines)
    reader = csv.reader(counted, delimiter=delimiter or ",") if delimiter else None
    if reader is None:
        reader = csv.reader(counted, dialect=_sniff(counted))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty CSV file") from None
    columns = [column.strip().lower() for column in header]
    if not any(column in FIELD_MAPPING["body"] for column in columns):
        raise InputError(
            f"no text column (looked for {', '.join(FIELD_MAPPING['body'])}; found {', '.join(columns)})"
        )
    rows = 0
    while True:
        start = counted.read + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Rejected(record_path(name, f":{start}"), f"line {start}: bad CSV ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        where = record_path(name, f":{start}")
        if len(row) != len(columns):
            warn(InputWarning(where, f"row has {len(row)} cells for {len(columns)} columns"))
        record = {column: cell for column, cell in zip(columns, row, strict=False) if column}
        yield _one(record, where, where, options, warn, f"line {start}")
    if rows == 0:
        yield Rejected(name, "no rows after the header")


class _LineCounter:
    """Counts the physical lines the CSV reader has consumed, to name the line a row starts on."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._peeked: list[str] = []
        self.read = 0

    def peek(self) -> str:
        if not self._peeked:
            self._peeked.append(next(self._lines, ""))
        return self._peeked[0]

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        line = self._peeked.pop() if self._peeked else next(self._lines)
        if line == "":
            raise StopIteration
        self.read += 1
        return line


def _sniff(lines: _LineCounter) -> type[csv.Dialect]:
    first = lines.peek()
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t|")
    except csv.Error:
        return csv.excel
