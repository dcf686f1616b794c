"""Polling feeds: take each new item once, follow it to its page, hand the articles on.

Each poll asks every feed with a conditional GET (If-None-Match / If-Modified-Since),
so an unchanged feed costs the server a 304. Items already taken are recognised by
their guid (else link) in a state file written atomically after every feed, so a
restart — or a Ctrl-C at any moment — neither loses nor re-takes items. A feed that
is down or malformed is reported and tried again at the next poll. A page that
fails is retried at the next polls, up to :data:`MAX_ITEM_ATTEMPTS` times.

Storing is the caller's: ``store`` receives each feed's new articles (and the
rejections) and returns once they are safe; only then are the items marked taken.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from parallax.ingest.base import InputWarning, WarningSink, log_warning
from parallax.ingest.decode import InputError
from parallax.ingest.web.crawl import Crawler
from parallax.ingest.web.feeds import FeedError, FeedItem, parse_feed
from parallax.ingest.web.fetch import Fetcher, FetchError
from parallax.ingest.web.sitemaps import SitemapEntry
from parallax.model import Article, Rejected
from parallax.options import Options

log = logging.getLogger("parallax.ingest.web")

STATE_FILE = "watch-state.json"
STATE_VERSION = 1
#: Item keys remembered per feed; a feed lists its latest few dozen items, so this is ample.
MAX_SEEN_PER_FEED = 5000
#: Polls in which a failing page is tried before its item is given up.
MAX_ITEM_ATTEMPTS = 3

Store = Callable[[list[Article | Rejected]], None]
FetcherFactory = Callable[[Options], Fetcher]


@dataclass(slots=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    last_poll: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "etag": self.etag,
            "last_modified": self.last_modified,
            "seen": self.seen[-MAX_SEEN_PER_FEED:],
            "failures": self.failures,
            "last_poll": self.last_poll,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeedState:
        return cls(
            etag=data.get("etag"),
            last_modified=data.get("last_modified"),
            seen=[str(key) for key in data.get("seen", [])],
            failures={str(k): int(v) for k, v in (data.get("failures") or {}).items()},
            last_poll=data.get("last_poll"),
        )


@dataclass(slots=True)
class WatchState:
    """What every watched feed has given so far, persisted as JSON."""

    feeds: dict[str, FeedState] = field(default_factory=dict)

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    @classmethod
    def load(cls, path: Path) -> WatchState:
        """The saved state; a missing file is a fresh start. Raises ValueError for an unreadable one."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"cannot read the watch state {path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise ValueError(f"{path} is not a version-{STATE_VERSION} watch state")
        feeds = data.get("feeds") or {}
        return cls({str(url): FeedState.from_json(value) for url, value in feeds.items()})

    def save(self, path: Path) -> None:
        """Written beside the target and renamed over it: a crash never leaves half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"version": STATE_VERSION, "feeds": {url: s.to_json() for url, s in self.feeds.items()}}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, indent=1)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one poll of one feed gave."""

    poll: int
    feed: str
    new_items: int = 0
    articles: int = 0
    rejected: tuple[Rejected, ...] = ()
    not_modified: bool = False
    error: str | None = None  # the feed itself could not be read; tried again next poll

    def describe(self) -> str:
        if self.error:
            return f"poll {self.poll}: {self.feed}: {self.error}; trying again at the next poll"
        if self.not_modified:
            return f"poll {self.poll}: {self.feed}: not modified"
        return (
            f"poll {self.poll}: {self.feed}: {self.new_items} new item{'s' if self.new_items != 1 else ''}, "
            f"{self.articles} article{'s' if self.articles != 1 else ''}, {len(self.rejected)} rejected"
        )


@dataclass(slots=True)
class WatchSummary:
    polls: int = 0
    articles: int = 0
    rejected: int = 0
    feed_errors: int = 0


def watch_feeds(
    feeds: Sequence[str],
    options: Options,
    *,
    store: Store,
    state_path: Path,
    interval: float = 300.0,
    polls: int | None = None,
    on_report: Callable[[PollReport], None] | None = None,
    on_warning: WarningSink | None = None,
    sleep: Callable[[float], None] = time.sleep,
    fetcher_factory: FetcherFactory = Fetcher,
) -> WatchSummary:
    """Poll ``feeds`` every ``interval`` seconds (``polls`` times, or until interrupted).

    New items' articles go to ``store``; the state at ``state_path`` is saved after each
    feed. A KeyboardInterrupt propagates after the state is consistent (it always is:
    it is only ever replaced whole). Raises ValueError if the state file is unreadable.
    """
    state = WatchState.load(state_path)
    warn = on_warning or log_warning
    summary = WatchSummary()
    poll = 0
    while polls is None or poll < polls:
        poll += 1
        with fetcher_factory(options) as fetcher:
            crawler = Crawler(fetcher, options, warn)
            for url in feeds:
                report = poll_feed(url, poll, crawler, state.feed(url), store)
                state.save(state_path)
                summary.articles += report.articles
                summary.rejected += len(report.rejected)
                summary.feed_errors += report.error is not None
                if on_report is not None:
                    on_report(report)
        summary.polls = poll
        if polls is None or poll < polls:
            sleep(interval)
    return summary


def poll_feed(url: str, poll: int, crawler: Crawler, feed_state: FeedState, store: Store) -> PollReport:
    """One conditional GET of one feed; new items followed, stored, then marked taken."""
    feed_state.last_poll = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        fetched = crawler.fetcher.get(
            url, "xml", etag=feed_state.etag, last_modified=feed_state.last_modified
        )
        if fetched.not_modified:
            return PollReport(poll, url, not_modified=True)
        body, shape = crawler.shape(fetched)
        items = _items(crawler, url, fetched.url, fetched.content_type, body, shape)
    except (FetchError, InputError, FeedError) as exc:
        return PollReport(poll, url, error=str(exc))
    except Exception as exc:  # a library failing on hostile content must not end the watch
        log.exception("unexpected failure polling %s", url)
        return PollReport(poll, url, error=f"unexpected error: {type(exc).__name__}: {exc}")
    feed_state.etag = fetched.etag
    feed_state.last_modified = fetched.last_modified
    seen = set(feed_state.seen)
    fresh = [(key, item) for key, item in items if key not in seen]
    results: list[Article | Rejected] = []
    outcome: dict[str, bool] = {}
    for number, (key, item) in enumerate(fresh, 1):
        got = list(_follow(crawler, url, number, item))
        results.extend(got)
        # An item with nothing to fetch will not get better by asking again.
        outcome[key] = not any(isinstance(r, Rejected) for r in got) or not _fetchable(item)
    store(results)
    for key, succeeded in outcome.items():
        attempts = feed_state.failures.get(key, 0) + 1
        if succeeded or attempts >= MAX_ITEM_ATTEMPTS:
            feed_state.seen.append(key)
            feed_state.failures.pop(key, None)
        else:
            feed_state.failures[key] = attempts
    del feed_state.seen[:-MAX_SEEN_PER_FEED]
    return PollReport(
        poll,
        url,
        new_items=len(fresh),
        articles=sum(isinstance(r, Article) for r in results),
        rejected=tuple(r for r in results if isinstance(r, Rejected)),
    )


def _items(
    crawler: Crawler, url: str, final_url: str, content_type: str | None, body: bytes, shape: str
) -> list[tuple[str, FeedItem | SitemapEntry]]:
    if shape == "feed":
        feed = parse_feed(body, final_url, content_type)
        if feed.warning:
            crawler.warn(InputWarning(url, feed.warning))
        return [(item.key, item) for item in feed.items]
    if shape == "sitemap":
        entries: list[SitemapEntry] = []
        failed = list(crawler.collect_sitemap(url, body, 1, entries, [1]))
        if failed and not entries:
            raise FeedError(failed[0].reason)
        return [(entry.url, entry) for entry in entries]
    raise FeedError(f"not a feed ({shape})" if shape != "unknown" else "not an RSS or Atom feed or a sitemap")


def _fetchable(item: FeedItem | SitemapEntry) -> bool:
    return isinstance(item, SitemapEntry) or item.link is not None


def _follow(
    crawler: Crawler, feed_url: str, number: int, item: FeedItem | SitemapEntry
) -> list[Article | Rejected]:
    try:
        if isinstance(item, SitemapEntry):
            return list(crawler.follow_page(item.url, item.hint))
        return list(crawler.follow_item(feed_url, number, item))
    except Exception as exc:  # one item lost, not the feed
        name = item.url if isinstance(item, SitemapEntry) else item.link or f"{feed_url}#item-{number}"
        log.exception("unexpected failure reading %s", name)
        return [Rejected(name, f"unexpected error: {type(exc).__name__}: {exc}")]
