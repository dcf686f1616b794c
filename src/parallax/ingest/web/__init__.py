"""Reading from the web: pages, RSS/Atom feeds and sitemaps by URL, and watching feeds.

:func:`iter_urls` is what ``parallax analyze``/``ingest`` (and ``parallax.ingest.iter_inputs``)
call for inputs that start with ``http://`` or ``https://``; :func:`watch_feeds` is
``parallax watch``. Every fetch goes through the SSRF guard (:mod:`.guard`), robots.txt
(:mod:`.robots`) and the limits of :mod:`.fetch`, all set by :class:`~parallax.options.Options`.
"""

from __future__ import annotations

from parallax.ingest.web.crawl import Crawler, fill_in, is_url, iter_urls
from parallax.ingest.web.feeds import Feed, FeedError, FeedItem, Hint, parse_feed
from parallax.ingest.web.fetch import Fetched, Fetcher, FetchError
from parallax.ingest.web.guard import Guard, GuardError, forbidden_kind
from parallax.ingest.web.sitemaps import (
    MAX_SITEMAP_DEPTH,
    MAX_SITEMAP_URLS,
    MAX_SITEMAPS,
    Sitemap,
    SitemapEntry,
    SitemapError,
    parse_sitemap,
)
from parallax.ingest.web.watch import STATE_FILE, PollReport, WatchState, WatchSummary, poll_feed, watch_feeds

__all__ = [
    "MAX_SITEMAPS",
    "MAX_SITEMAP_DEPTH",
    "MAX_SITEMAP_URLS",
    "STATE_FILE",
    "Crawler",
    "Feed",
    "FeedError",
    "FeedItem",
    "FetchError",
    "Fetched",
    "Fetcher",
    "Guard",
    "GuardError",
    "Hint",
    "PollReport",
    "Sitemap",
    "SitemapEntry",
    "SitemapError",
    "WatchState",
    "WatchSummary",
    "fill_in",
    "forbidden_kind",
    "is_url",
    "iter_urls",
    "parse_feed",
    "parse_sitemap",
    "poll_feed",
    "watch_feeds",
]
