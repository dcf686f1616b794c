"""WARC / WARC.gz files (the Common Crawl CC-NEWS layout) → one article per HTML page captured.

The reader streams: one record (one gzip member for ``.warc.gz``) in memory at a time,
each capped at ``max_input_bytes`` decompressed, so a gzip bomb or a giant capture is
refused and never loaded. It parses the records itself instead of using a WARC library
because a crawl file is read to the end whatever happens in the middle: a corrupt gzip
member or a record cut short becomes a :class:`~parallax.model.Rejected` naming the
file, the record number and its byte offset, and reading resumes at the next gzip member
(or the next ``WARC/1.x`` line of an uncompressed file). A file that ends mid-record
yields every record before it.

Only ``response`` records with HTTP status 200 and an HTML content type become articles
(through :func:`parallax.ingest.html.article_from_html`, with ``WARC-Target-URI`` as the
URL and ``WARC-Date`` as the publication date of last resort). Everything else —
``warcinfo``, ``request``, ``metadata``, ``revisit``, redirects, robots.txt, images — is
skipped and counted in one summary warning per file.

Provenance: an article's ``Source.path`` is ``<file>#<offset>``, the byte offset of its
record in the file as stored (for ``.warc.gz`` the offset of its gzip member, the same
number a CDX index gives), and ``Source.url`` is the record's target URI.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from parallax.ingest.base import InputWarning, WarningSink, log_warning, record_path
from parallax.ingest.decode import InputError, human_size
from parallax.ingest.html import article_from_html
from parallax.model import Article, Rejected
from parallax.options import Options

__all__ = ["WarcRecord", "iter_warc", "iter_warc_records"]

_CHUNK = 1 << 16
#: A WARC or HTTP header line longer than this is corrupt data, not a header.
_MAX_HEADER_LINE = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Corrupt(Exception):
    """A record that cannot be read; the message is the reason."""


@dataclass(frozen=True, slots=True)
class WarcRecord:
    """One WARC record: where it starts in the file, its headers (lower-case names) and content."""

    number: int  # 1-based, in file order
    offset: int  # byte offset of the record (of its gzip member in a .warc.gz)
    headers: dict[str, str]
    content: bytes
    within: int = 0  # offset inside the decompressed gzip member (0 but for a member of several records)

    @property
    def location(self) -> str:
        """``#offset``, or ``#offset+within`` for a later record of a many-record gzip member."""
        return f"#{self.offset}+{self.within}" if self.within else f"#{self.offset}"

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "").lower()


@dataclass(frozen=True, slots=True)
class BadRecord:
    number: int
    offset: int
    reason: str


# --------------------------------------------------------------------------- records


class _Reader(Protocol):
    def read(self, size: int) -> bytes: ...
    def readline(self, limit: int) -> bytes: ...


class _Tracked:
    """A byte stream that knows its position (stdin cannot ``tell``) and can push one line back."""

    def __init__(self, stream: _Reader) -> None:
        self._stream = stream
        self._pushed = b""
        self.position = 0

    def readline(self, limit: int) -> bytes:
        if self._pushed:
            line, self._pushed = self._pushed, b""
        else:
            line = self._stream.readline(limit)
        self.position += len(line)
        return line

    def read(self, size: int) -> bytes:
        data = self._stream.read(size)
        self.position += len(data)
        return data

    def push_back(self, line: bytes) -> None:
        self._pushed = line
        self.position -= len(line)


class _GzipSource:
    """The raw bytes of a ``.warc.gz``, handed out one gzip member at a time, with file offsets."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.buf = b""
        self.offset = 0  # file offset of buf[0]

    def next_member(self) -> _Member | None:
        if not self.buf:
            self.buf = self.stream.read(_CHUNK)
        return _Member(self) if self.buf else None

    def skip_to_next_member(self, after: int) -> None:
        """After a bad member that started at ``after``: on to the next gzip header in the file."""
        skip = max(0, after + 1 - self.offset)
        while True:
            found = self.buf.find(_GZIP_MAGIC, min(skip, len(self.buf)))
            if found >= 0:
                self.offset += found
                self.buf = self.buf[found:]
                return
            keep = self.buf[-2:]
            self.offset += len(self.buf) - len(keep)
            more = self.stream.read(_CHUNK)
            if not more:
                self.offset += len(keep)
                self.buf = b""
                return
            self.buf, skip = keep + more, 0


class _Member:
    """One gzip member, inflated as it is read (records inside are capped, the member is not loaded)."""

    def __init__(self, source: _GzipSource) -> None:
        self.source = source
        self.start = source.offset
        self.ended = False
        self._inflater = zlib.decompressobj(31)
        self._out = bytearray()

    def _fill(self) -> bool:
        """Inflate some more; False once the member has ended."""
        if self.ended:
            return False
        src = self.source
        if not src.buf:
            src.buf = src.stream.read(_CHUNK)
            if not src.buf:
                raise _Corrupt("gzip member cut short (file ends mid-record)")
        data = src.buf
        try:
            self._out += self._inflater.decompress(data, _CHUNK)
        except zlib.error as exc:
            raise _BadGzip(f"corrupt gzip data ({exc})") from exc
        if self._inflater.eof:
            rest = self._inflater.unused_data
            self.ended = True
        else:
            rest = self._inflater.unconsumed_tail
        src.offset += len(data) - len(rest)
        src.buf = rest
        return True

    def read(self, size: int) -> bytes:
        while len(self._out) < size and self._fill():
            pass
        data = bytes(self._out[:size])
        del self._out[:size]
        return data

    def readline(self, limit: int) -> bytes:
        while True:
            end = self._out.find(b"\n", 0, limit)
            if end >= 0:
                return self.read(end + 1)
            if len(self._out) >= limit or not self._fill():
                return self.read(limit)

    def drain(self) -> None:
        """Inflate the rest of the member, discarding it, to reach the next one."""
        self._out.clear()
        while self._fill():
            self._out.clear()


class _BadGzip(_Corrupt):
    """The gzip data itself is bad: what follows is found by looking for the next gzip header."""


def _read_headers(stream: _Tracked) -> tuple[dict[str, str], int] | None:
    """The header block of the next record and the position it starts at; None at a clean end."""
    line = stream.readline(_MAX_HEADER_LINE)
    while line in (b"\r\n", b"\n"):
        line = stream.readline(_MAX_HEADER_LINE)
    if not line:
        return None
    start = stream.position - len(line)
    if not line.startswith(b"WARC/"):
        raise _Corrupt(f"not a WARC record (starts with {line[:20]!r})")
    headers: dict[str, str] = {}
    while True:
        line = stream.readline(_MAX_HEADER_LINE)
        if not line:
            raise _Corrupt("file ends inside the record's headers")
        if not line.endswith(b"\n"):
            raise _Corrupt(f"a header line longer than {human_size(_MAX_HEADER_LINE)}")
        if line in (b"\r\n", b"\n"):
            return headers, start
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            headers.setdefault(name.strip().lower(), value.strip())


def _read_record(stream: _Tracked, number: int, offset: int | None, limit: int) -> WarcRecord | None:
    """The next record; ``offset`` is its member's (gzip) or None to use its position in the stream."""
    found = _read_headers(stream)
    if found is None:
        return None
    headers, start = found
    try:
        length = int(headers.get("content-length", ""))
    except ValueError as exc:
        raise _Corrupt("record without a valid Content-Length") from exc
    if length > limit:
        _discard(stream, length)
        raise _Skipped(
            f"record of {human_size(length)} is over the {human_size(limit)} limit (max_input_bytes)"
        )
    content = stream.read(length)
    if len(content) < length:
        raise _Corrupt(f"record cut short: {len(content)} of {length} content bytes (file ends mid-record)")
    if offset is None:
        return WarcRecord(number, start, headers, content)
    return WarcRecord(number, offset, headers, content, within=start)


class _Skipped(_Corrupt):
    """A well-formed record that is not read (too large); reading goes on right after it."""


def _discard(stream: _Tracked, length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, _CHUNK))
        if not chunk:
            return
        length -= len(chunk)


def _skip_blank_lines(stream: _Tracked) -> None:
    """Past the blank lines that end the previous record, so that a position names a record's start."""
    while (line := stream.readline(_MAX_HEADER_LINE)) in (b"\r\n", b"\n"):
        pass
    if line:
        stream.push_back(line)


def _resync_plain(stream: _Tracked) -> bool:
    """Skip lines up to the next ``WARC/1.`` line of an uncompressed file; False at the end of the file."""
    while True:
        line = stream.readline(_CHUNK)
        if not line:
            return False
        if line.startswith(b"WARC/1."):
            stream.push_back(line)
            return True


def iter_warc_records(stream: BinaryIO, limit: int, *, gzipped: bool) -> Iterator[WarcRecord | BadRecord]:
    """Every record of a WARC stream, in order, with a :class:`BadRecord` where one cannot be read.

    A record's offset is where its ``WARC/1.x`` line starts in the file; in a ``.warc.gz`` it
    is the offset of its gzip member, which holds one record in the usual layout (when a member
    holds several, a later one also says where it starts inside the decompressed member).
    """
    if gzipped:
        yield from _gzip_records(_GzipSource(stream), limit)
        return
    tracked = _Tracked(stream)
    number = 0
    while True:
        _skip_blank_lines(tracked)
        offset = tracked.position
        number += 1
        try:
            record = _read_record(tracked, number, None, limit)
        except _Skipped as exc:
            yield BadRecord(number, offset, str(exc))
            continue
        except _Corrupt as exc:
            yield BadRecord(number, offset, str(exc))
            if not _resync_plain(tracked):
                return
            continue
        if record is None:
            return
        yield record


def _gzip_records(source: _GzipSource, limit: int) -> Iterator[WarcRecord | BadRecord]:
    number = 0
    while (member := source.next_member()) is not None:
        reader = _Tracked(member)
        try:
            while True:
                try:
                    record = _read_record(reader, number + 1, member.start, limit)
                except _Skipped as exc:
                    number += 1
                    yield BadRecord(number, member.start, str(exc))
                    continue
                if record is None:
                    break
                number += 1
                yield record
        except _BadGzip as exc:
            number += 1
            yield BadRecord(number, member.start, str(exc))
            source.skip_to_next_member(member.start)
            continue
        except _Corrupt as exc:
            number += 1
            yield BadRecord(number, member.start, str(exc))
            try:
                member.drain()
            except _Corrupt:
                source.skip_to_next_member(member.start)


# --------------------------------------------------------------------------- HTTP


@dataclass(frozen=True, slots=True)
class _Http:
    status: int
    headers: dict[str, str]
    body: bytes


def _parse_http(content: bytes) -> _Http:
    end = content.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = content.find(b"\n\n"), 2
    if end < 0:
        raise _Corrupt("HTTP response without a blank line after its headers")
    head = content[:end].decode("latin-1").splitlines()
    parts = head[0].split() if head else []
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise _Corrupt(f"not an HTTP status line: {head[0][:60] if head else ''!r}")
    headers: dict[str, str] = {}
    for line in head[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers.setdefault(name.strip().lower(), value.strip())
    return _Http(int(parts[1]), headers, content[end + sep :])


def _dechunk(body: bytes) -> bytes:
    out: list[bytes] = []
    pos = 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        try:
            size = int(body[pos:end].split(b";")[0].strip() or b"0", 16)
        except ValueError as exc:
            raise _Corrupt("bad chunked transfer encoding") from exc
        if size == 0:
            break
        out.append(body[end + 2 : end + 2 + size])
        pos = end + 2 + size + 2
    return b"".join(out)


def _decoded_body(http: _Http, limit: int) -> bytes:
    """The page bytes as served: chunking undone, gzip/deflate content encoding undone (capped)."""
    body = http.body
    if "chunked" in http.headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = http.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise _Corrupt(f"content encoding {encoding!r} is not supported")
    inflater = zlib.decompressobj(47 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise _Corrupt(f"corrupt {encoding} content ({exc})") from exc
    if len(out) > limit:
        raise _Corrupt(f"page decompresses to more than the {human_size(limit)} limit")
    return out


def _is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


# --------------------------------------------------------------------------- articles


def iter_warc(
    stream: BinaryIO,
    name: str,
    options: Options,
    on_warning: WarningSink | None = None,
    *,
    gzipped: bool,
) -> Iterator[Article | Rejected]:
    """The articles of a WARC stream, a Rejected per unreadable record or page without article text."""
    warn = on_warning or log_warning
    limit = options.max_input_bytes
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    records = 0
    for record in iter_warc_records(stream, limit, gzipped=gzipped):
        records += 1
        where = f"#{record.offset}" if isinstance(record, BadRecord) else record.location
        if isinstance(record, BadRecord):
            reason = f"record {record.number} at byte {record.offset}: {record.reason}"
            yield Rejected(f"{name}{where}", reason)
            continue
        if record.type != "response":
            skipped[record.type or "untyped"] += 1
            continue
        url = record.headers.get("warc-target-uri", "").strip("<> ") or None
        try:
            http = _parse_http(record.content)
            if http.status != 200 or not _is_html(http.headers.get("content-type", "")):
                skipped["response not an HTML page with status 200"] += 1
                continue
            page = _decoded_body(http, limit)
            article = article_from_html(
                page,
                url=url,
                path=record_path(name, where),
                options=options,
                content_type=http.headers.get("content-type"),
                on_warning=warn,
                fallback_published=record.headers.get("warc-date") or None,
            )
        except (_Corrupt, InputError) as exc:
            about = f" ({url})" if url else ""
            yield Rejected(f"{name}{where}", f"record {record.number} at byte {record.offset}{about}: {exc}")
            continue
        if article.id in seen:
            skipped["exact duplicate of an earlier capture"] += 1
            continue
        seen.add(article.id)
        yield article
    if skipped:
        total = sum(skipped.values())
        detail = ", ".join(f"{kind} {count}" for kind, count in skipped.most_common())
        warn(InputWarning(name, f"skipped {total} non-HTML records ({detail})"))
    if records == 0:
        yield Rejected(name, "no WARC records in the file")
