"""RSS 0.9x/1.0/2.0 and Atom feeds → items to follow (feedparser does the dialects).

An item gives a link to the article's page and what the feed knows about it (title,
date, outlet, language), used where the page itself is silent. An item without a
link but with its full text in the feed (``content:encoded``, Atom ``content``) is
kept with that text.
"""

from __future__ import annotations

import email.utils
import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from parallax.ingest.header import is_iso_date


class FeedError(Exception):
    """Bytes that are not a usable feed; the message is the reason."""


@dataclass(frozen=True, slots=True)
class Hint:
    """What a feed or sitemap says about a page, used where the page says nothing."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str  # stable identity across polls: the guid/id, else the link, else a hash of title+content
    link: str | None
    hint: Hint
    content_html: str | None  # the item's full text as HTML, when the feed carries it


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: list[FeedItem]
    warning: str | None = None  # XML errors that feedparser read past


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> Feed:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed: Any = feedparser.parse(
        data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True
    )
    version = str(parsed.get("version") or "")
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = list(parsed.get("entries") or [])
    if not version and not entries:
        reason = f"malformed feed: {_describe(bozo)}" if bozo is not None else "not an RSS or Atom feed"
        raise FeedError(reason)
    if bozo is not None and not entries:
        raise FeedError(f"malformed feed: {_describe(bozo)}")
    channel = parsed.get("feed") or {}
    outlet = _clean(channel.get("title"))
    language = _language(channel.get("language"))
    items = [_item(entry, outlet, language) for entry in entries]
    warning = None
    if bozo is not None:
        warning = f"the feed has XML errors ({_describe(bozo)}); its {len(items)} items were read anyway"
    return Feed(title=outlet, items=items, warning=warning)


def _item(entry: Any, outlet: str | None, language: str | None) -> FeedItem:
    link = _clean(entry.get("link"))
    title = _clean(entry.get("title"))
    content = _full_content(entry)
    guid = _clean(entry.get("id"))
    key = guid or link or "sha256:" + hashlib.sha256(f"{title}\n{content}".encode()).hexdigest()[:16]
    published = _date(entry, "published") or _date(entry, "updated")
    item_language = (
        _language((entry.get("content") or [{}])[0].get("language")) if entry.get("content") else None
    )
    return FeedItem(
        key=key,
        link=link if link and link.startswith(("http://", "https://")) else None,
        hint=Hint(title=title, published=published, outlet=outlet, language=item_language or language),
        content_html=content,
    )


def _full_content(entry: Any) -> str | None:
    """The item's text as HTML: ``content`` (content:encoded, Atom content), else the summary."""
    for block in entry.get("content") or []:
        value = _clean(block.get("value"))
        if value:
            return value
    return _clean(entry.get("summary"))


def _date(entry: Any, field: str) -> str | None:
    """An ISO 8601 date with the feed's own offset kept (feedparser's parsed form is UTC)."""
    raw = _clean(entry.get(field))
    if raw:
        iso = iso_date(raw)
        if iso:
            return iso
    parsed = entry.get(f"{field}_parsed")
    if isinstance(parsed, time.struct_time):
        return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return None


def iso_date(raw: str) -> str | None:
    """RFC 822 (RSS) or RFC 3339 / W3C (Atom, sitemaps) → ISO 8601, offset kept; None if neither."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
    else:
        if len(raw) == 10:  # a bare date stays a date
            return when.date().isoformat()
    iso = when.isoformat()
    return iso if is_iso_date(iso) else None


def _language(value: Any) -> str | None:
    text = _clean(value)
    if not text:
        return None
    primary = text.replace("_", "-").split("-", 1)[0].lower()
    return primary if len(primary) == 2 and primary.isalpha() else None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    return text or None


def _describe(exc: Any) -> str:
    text = str(exc).strip()
    line = getattr(exc, "getLineNumber", None)
    if callable(line) and "line" not in text:
        return f"{text} (line {line()})"
    return text or type(exc).__name__
