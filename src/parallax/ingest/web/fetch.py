"""One careful HTTP GET: guarded, polite, capped, retried, redirect by redirect.

Everything a hostile or broken server can do to a fetcher is bounded here: where
it may send us (the SSRF guard, on every hop), how long it may keep us (a timeout
per read and a deadline per response), how much it may make us hold (a cap on the
*decompressed* body, so a small gzip bomb is refused while it inflates), what it
may hand us (content types per kind of document), and how often we knock (a delay
per host, robots.txt, back-off on 429/5xx). Every failure is a :class:`FetchError`
whose message is the reason shown to the user.
"""

from __future__ import annotations

import email.utils
import ssl
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import httpx

from parallax.ingest.decode import human_size
from parallax.ingest.web.guard import Guard, GuardedTransport, GuardError, Resolver
from parallax.ingest.web.robots import RobotsCache
from parallax.options import Options

#: What a fetch expects: a web page; any input (page, feed or sitemap); a feed or sitemap; robots.txt.
Kind = Literal["page", "document", "xml", "robots"]

HTML_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES: frozenset[str] = frozenset(
    {
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/rss",
        "application/x-rss+xml",
        "application/x-atom+xml",
        "text/rss+xml",
        "text/atom+xml",
    }
)
GZIP_TYPES: frozenset[str] = frozenset(
    {"application/gzip", "application/x-gzip", "application/x-gunzip", "application/gzip-compressed"}
)
REDIRECT_STATUSES: frozenset[int] = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES: frozenset[int] = frozenset({429, 500, 502, 503, 504})
#: A Retry-After longer than this is not waited for: the fetch fails and says how long was asked.
MAX_RETRY_AFTER = 30.0
#: robots.txt files are small; anything bigger is cut here (Google reads the first 500 KiB).
ROBOTS_MAX_BYTES = 500 * 1024
#: A whole response (headers and body) must arrive within this many read timeouts: a server
#: that drips one byte per second never trips the per-read timeout but trips this.
DEADLINE_TIMEOUTS = 4
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched; ``status`` is the HTTP status when one came back."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response that passed every check. ``status`` is 200-299, or 304 for a conditional GET."""

    url: str  # after redirects
    status: int
    media_type: str  # lower-cased, parameters dropped; "" when the server sent none
    content_type: str | None  # the header as sent (charset included)
    body: bytes  # Content-Encoding undone
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str
    status: int


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class Fetcher:
    """An HTTP client configured from :class:`Options`; use it as a context manager.

    ``guard`` and ``resolver`` replace the guard built from ``options.allow_private`` and
    the system DNS (tests stand a loopback server in for a public site that way);
    ``ssl_context`` replaces the default certificate checks (e.g. to trust a private CA);
    ``backoff`` is the first retry delay in seconds, doubled on each further retry.
    """

    def __init__(
        self,
        options: Options,
        *,
        guard: Guard | None = None,
        resolver: Resolver | None = None,
        ssl_context: ssl.SSLContext | None = None,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options
        self.guard = guard or Guard(allow_private=options.allow_private)
        self._resolver = resolver
        self._backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._host_delays: dict[str, float] = {}
        self._robots = RobotsCache(self._fetch_robots, options.user_agent)
        self._client = httpx.Client(
            transport=GuardedTransport(self.guard, resolver, ssl_context),
            timeout=httpx.Timeout(options.fetch_timeout),
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": options.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept-Language": "pt, en;q=0.8, es;q=0.8, *;q=0.5",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ public

    def get(
        self,
        url: str,
        kind: Kind,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        limit: int | None = None,
    ) -> Fetched:
        """GET ``url``, following redirects by hand; raises :class:`FetchError` with the reason."""
        limit = self.options.max_input_bytes if limit is None else limit
        current = _parse_url(url)
        chain = [str(current)]
        headers = {"Accept": _ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(self.options.max_redirects + 1):
            try:
                self.guard.check_url(current)
                # Judged before robots.txt is asked for, so a refused host sees no request at all;
                # the connection itself is checked again by the transport (see guard.GuardedBackend).
                self.guard.resolve(
                    current.host, current.port or _DEFAULT_PORTS[current.scheme], self._resolver
                )
            except GuardError as exc:
                raise FetchError(_hop_reason(str(exc), chain)) from exc
            if kind != "robots" and self.options.respect_robots:
                refusal = self._robots.refusal(current)
                if refusal is not None:
                    raise FetchError(_hop_reason(refusal, chain))
            answer = self._with_retries(current, headers, kind, limit)
            if isinstance(answer, Fetched):
                return answer
            try:
                target = current.join(answer.location).copy_with(fragment=None)
            except (httpx.InvalidURL, ValueError, TypeError) as exc:
                raise FetchError(f"bad redirect target {answer.location!r}: {exc}") from exc
            if str(target) in chain:
                raise FetchError(f"redirect loop: {' → '.join([*chain, str(target)])}")
            chain.append(str(target))
            try:
                current = _parse_url(str(target))
            except FetchError as exc:
                raise FetchError(f"bad redirect target {answer.location!r}: {exc}") from exc
        raise FetchError(
            f"too many redirects (more than {self.options.max_redirects}): {' → '.join(chain[:4])} → …"
        )

    # ------------------------------------------------------------------ robots

    def _fetch_robots(self, url: str) -> tuple[int, str]:
        """robots.txt as (status, text); a 4xx comes back as its status, anything else raises."""
        try:
            fetched = self.get(url, "robots", limit=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return exc.status, ""
            raise
        return fetched.status, fetched.body.decode("utf-8", errors="replace")

    # ------------------------------------------------------------------ one request

    def _with_retries(
        self, url: httpx.URL, headers: dict[str, str], kind: Kind, limit: int
    ) -> Fetched | _Redirect:
        attempts = self.options.fetch_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._attempt(url, headers, kind, limit)
            except GuardError as exc:
                raise FetchError(str(exc)) from exc
            except _Retryable as exc:
                if attempt == attempts:
                    raise FetchError(f"{exc}{_after(attempts)}", _status_of(str(exc))) from exc
                wait = self._backoff * 2 ** (attempt - 1)
                if exc.retry_after is not None:
                    if exc.retry_after > MAX_RETRY_AFTER:
                        raise FetchError(
                            f"{exc}: the server asks to wait {exc.retry_after:.0f} s before retrying",
                            _status_of(str(exc)),
                        ) from exc
                    wait = max(wait, exc.retry_after)
                self._sleep(wait)
            except httpx.TimeoutException as exc:
                if attempt == attempts:
                    raise FetchError(
                        f"timed out after {attempts} attempts ({self.options.fetch_timeout:g} s each)"
                        if attempts > 1
                        else f"timed out after {self.options.fetch_timeout:g} s"
                    ) from exc
                self._sleep(self._backoff * 2 ** (attempt - 1))
            except httpx.TransportError as exc:
                if attempt == attempts:
                    raise FetchError(f"connection failed{_after(attempts)}: {_describe(exc)}") from exc
                self._sleep(self._backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(
        self, url: httpx.URL, headers: dict[str, str], kind: Kind, limit: int
    ) -> Fetched | _Redirect:
        self._wait_turn(url)
        deadline = self._clock() + self.options.fetch_timeout * DEADLINE_TIMEOUTS
        with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location header", status)
                return _Redirect(location, status)
            if status in RETRY_STATUSES:
                raise _Retryable(_status_text(response), _retry_after(response.headers.get("retry-after")))
            if status == 304:
                return self._fetched(response, b"")
            if status >= 300:
                raise FetchError(_status_text(response), status)
            media_type = _media_type(response.headers.get("content-type"))
            _check_type(kind, media_type, str(url))
            declared = response.headers.get("content-length", "")
            if (
                declared.isdigit()
                and int(declared) > limit
                and not response.headers.get("content-encoding")
                and kind != "robots"
            ):
                raise FetchError(_too_large(limit, int(declared)))
            body = _read_body(response, limit, deadline, self._clock, truncate=kind == "robots")
            return self._fetched(response, body)

    def _fetched(self, response: httpx.Response, body: bytes) -> Fetched:
        return Fetched(
            url=str(response.request.url),
            status=response.status_code,
            media_type=_media_type(response.headers.get("content-type")),
            content_type=response.headers.get("content-type"),
            body=body,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _wait_turn(self, url: httpx.URL) -> None:
        """Space requests to one host by ``host_delay`` (or the robots.txt Crawl-delay, if longer)."""
        host = url.host.lower()
        delay = max(
            self.options.host_delay, self._robots.crawl_delay(url) if self.options.respect_robots else 0.0
        )
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()


# ---------------------------------------------------------------------- helpers

_DEFAULT_PORTS = {"http": 80, "https": 443}
_ACCEPT: dict[Kind, str] = {
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
    "document": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    "xml": "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1",
    "robots": "text/plain, */*;q=0.5",
}


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"not a valid URL: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"refused: scheme {parsed.scheme or '(none)'!r} is not http or https")
    if not parsed.host:
        raise FetchError("not a valid URL: no host")
    return parsed.copy_with(fragment=None)


def _hop_reason(reason: str, chain: list[str]) -> str:
    if len(chain) < 2:
        return reason
    return f"{reason} (redirected: {' → '.join(chain)})"


def _media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


def is_xml_type(media_type: str) -> bool:
    return media_type in XML_TYPES or (media_type.endswith("+xml") and media_type not in HTML_TYPES)


def _check_type(kind: Kind, media_type: str, url: str) -> None:
    """Refuse, from the headers alone, a body of a kind this fetch cannot use."""
    if kind == "robots" or not media_type:
        return  # no type: judged by sniffing the body
    html = media_type in HTML_TYPES
    xml = is_xml_type(media_type)
    gzip = media_type in GZIP_TYPES or (media_type == "application/octet-stream" and url.endswith(".gz"))
    if kind == "page" and not html:
        raise FetchError(f"not HTML: content type {media_type}")
    if kind == "xml" and not (xml or gzip or html or media_type == "text/plain"):
        raise FetchError(f"not a feed or sitemap: content type {media_type}")
    if kind == "document" and not (html or xml or gzip or media_type == "text/plain"):
        raise FetchError(f"not HTML, a feed or a sitemap: content type {media_type}")


def _too_large(limit: int, size: int | None = None) -> str:
    if size is not None:
        return f"too large: {human_size(size)}, over the {human_size(limit)} limit (max_input_bytes)"
    return f"too large: more than {human_size(limit)} (max_input_bytes)"


def _read_body(
    response: httpx.Response,
    limit: int,
    deadline: float,
    clock: Callable[[], float],
    *,
    truncate: bool = False,
) -> bytes:
    """The body with Content-Encoding undone, refused as soon as it *decompresses* past ``limit``
    (or, with ``truncate``, cut there: a robots.txt is read up to the limit, like Google does)."""
    encodings = [
        e.strip().lower() for e in response.headers.get("content-encoding", "").split(",") if e.strip()
    ]
    encodings = [e for e in encodings if e != "identity"]
    if len(encodings) > 1 or (encodings and encodings[0] not in ("gzip", "x-gzip", "deflate")):
        raise FetchError(f"unsupported content encoding: {', '.join(encodings)}")
    inflater = Inflater(encodings[0]) if encodings else None
    out = bytearray()
    for chunk in response.iter_raw(_CHUNK):
        if clock() > deadline:
            raise httpx.ReadTimeout("the whole response took too long")
        piece = inflater.feed(chunk, limit - len(out)) if inflater else chunk
        out += piece
        if len(out) > limit:
            if truncate:
                return bytes(out[:limit])
            raise FetchError(_too_large(limit))
    if inflater is not None:
        inflater.finish()
    return bytes(out)


class Inflater:
    """gzip/deflate decompression that never produces more than the room it is given (+1 byte)."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._raw_deflate = False
        self._d = self._new()
        self._started = False

    def _new(self) -> zlib._Decompress:
        if self._encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        while data:
            try:
                piece = self._d.decompress(data, max(room - len(out), 0) + 1)
            except zlib.error as exc:
                if self._encoding == "deflate" and not self._started and not self._raw_deflate:
                    self._raw_deflate = True  # servers that send raw deflate without the zlib wrapper
                    self._d = self._new()
                    continue
                raise FetchError(f"corrupt {self._encoding} data: {exc}") from exc
            self._started = True
            out += piece
            if len(out) > room:
                return bytes(out)
            if self._d.unconsumed_tail:
                data = self._d.unconsumed_tail
            elif self._d.eof and self._d.unused_data.lstrip(b"\0"):
                data = self._d.unused_data  # a further gzip member
                self._d = self._new()
            else:
                data = b""
        return bytes(out)

    def finish(self) -> None:
        if self._started and not self._d.eof:
            raise FetchError(f"truncated {self._encoding} data")


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """A gzip file (a ``sitemap.xml.gz``), inflated and refused past ``limit``."""
    inflater = Inflater("gzip")
    out = inflater.feed(data, limit)
    if len(out) > limit:
        raise FetchError(_too_large(limit))
    inflater.finish()
    return out


def _after(attempts: int) -> str:
    return f" ({attempts} attempts)" if attempts > 1 else ""


def _status_text(response: httpx.Response) -> str:
    phrase = response.reason_phrase
    return f"HTTP {response.status_code}" + (f" {phrase}" if phrase else "")


def _status_of(reason: str) -> int | None:
    parts = reason.split()
    if len(parts) >= 2 and parts[0] == "HTTP" and parts[1].isdigit():
        return int(parts[1])
    return None


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe(exc: httpx.TransportError) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
