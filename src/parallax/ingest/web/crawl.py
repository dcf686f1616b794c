"""URLs → articles: a page is read, a feed's items and a sitemap's URLs are followed.

One input URL may give one article (a page), many (a feed, a sitemap) or a reason
it gives none. Whatever a page lacks that its feed item or sitemap entry knows
(headline, date, outlet, language) is filled in from there. Nothing stops the batch:
every failure is a :class:`~parallax.model.Rejected` naming the URL and the reason.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from parallax.ingest.base import InputWarning, WarningSink, log_warning
from parallax.ingest.decode import InputError
from parallax.ingest.web.feeds import FeedError, FeedItem, Hint, parse_feed
from parallax.ingest.web.fetch import Fetched, Fetcher, FetchError, gunzip_capped
from parallax.ingest.web.sitemaps import (
    MAX_SITEMAP_DEPTH,
    MAX_SITEMAP_URLS,
    MAX_SITEMAPS,
    SitemapEntry,
    SitemapError,
    parse_sitemap,
)
from parallax.ingest.web.sniff import shape_of
from parallax.model import Article, Rejected
from parallax.options import Options

log = logging.getLogger("parallax.ingest.web")

#: Feed text shorter than this (characters, tags included) is a teaser, not the article:
#: used only for an item without a link, never instead of a page that failed.
MIN_FULL_CONTENT = 400


def is_url(path: str) -> bool:
    return path[:8].lower().startswith(("http://", "https://"))


def iter_urls(
    urls: Sequence[str], options: Options, on_warning: WarningSink | None = None
) -> Iterator[Article | Rejected]:
    """Fetch each URL; yield the articles it leads to, or a Rejected with the reason.

    A page gives its article; a feed (RSS/Atom) gives the page of each item; a sitemap
    (or sitemap index, gzip'd or not, Google News or not) gives the page of each URL.
    A page reached twice in one call is read once.
    """
    with Fetcher(options) as fetcher:
        yield from Crawler(fetcher, options, on_warning).run(urls)


class Crawler:
    """Follows input URLs with one :class:`Fetcher` (one connection pool, one robots cache)."""

    def __init__(self, fetcher: Fetcher, options: Options, on_warning: WarningSink | None = None) -> None:
        self.fetcher = fetcher
        self.options = options
        self.warn = on_warning or log_warning
        self._seen_pages: set[str] = set()

    def run(self, urls: Sequence[str]) -> Iterator[Article | Rejected]:
        for url in urls:
            try:
                yield from self.follow_input(url.strip())
            except Exception as exc:  # a bug or a library failing on hostile content: one input lost, not all
                log.exception("unexpected failure reading %s", url)
                yield Rejected(url, f"unexpected error: {type(exc).__name__}: {exc}")

    def follow_input(self, url: str) -> Iterator[Article | Rejected]:
        try:
            fetched = self.fetcher.get(url, "document")
            body, shape = self.shape(fetched)
        except (FetchError, InputError) as exc:
            yield Rejected(url, str(exc))
            return
        if shape == "html":
            self._seen_pages.add(fetched.url)
            yield self.page_article(fetched, Hint())
        elif shape == "feed":
            yield from self.follow_feed(url, fetched, body)
        elif shape == "sitemap":
            yield from self.follow_sitemap(url, fetched, body)
        else:
            yield Rejected(url, _unknown(fetched))

    # ------------------------------------------------------------------ pages

    def follow_page(self, url: str, hint: Hint) -> Iterator[Article | Rejected]:
        if url in self._seen_pages:
            return
        self._seen_pages.add(url)
        try:
            fetched = self.fetcher.get(url, "page")
        except FetchError as exc:
            yield Rejected(url, str(exc))
            return
        if fetched.url != url and fetched.url in self._seen_pages:
            return
        self._seen_pages.add(fetched.url)
        yield self.page_article(fetched, hint)

    def page_article(self, fetched: Fetched, hint: Hint) -> Article | Rejected:
        from parallax.ingest.html import article_from_html

        try:
            article = article_from_html(
                fetched.body,
                url=fetched.url,
                path=None,
                options=self.options,
                content_type=fetched.content_type,
                on_warning=self.warn,
                fallback_published=hint.published,
            )
        except InputError as exc:
            return Rejected(fetched.url, str(exc))
        return fill_in(article, hint, self.options.default_published)

    def content_article(self, name: str, item: FeedItem) -> Article | Rejected:
        """An article from the text a feed item carries (an item without a link)."""
        from parallax.ingest.html import article_from_html

        title = f"<title>{html.escape(item.hint.title)}</title>" if item.hint.title else ""
        heading = f"<h1>{html.escape(item.hint.title)}</h1>" if item.hint.title else ""
        page = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'>{title}</head>"
            f"<body><article>{heading}{item.content_html or ''}</article></body></html>"
        )
        try:
            article = article_from_html(
                page.encode("utf-8"),
                url=None,
                path=name,
                options=self.options,
                content_type="text/html; charset=utf-8",
                on_warning=self.warn,
                fallback_published=item.hint.published,
            )
        except InputError as exc:
            return Rejected(name, str(exc))
        return fill_in(article, item.hint, self.options.default_published)

    # ------------------------------------------------------------------ feeds

    def follow_feed(self, url: str, fetched: Fetched, body: bytes) -> Iterator[Article | Rejected]:
        try:
            feed = parse_feed(body, fetched.url, fetched.content_type)
        except FeedError as exc:
            yield Rejected(url, str(exc))
            return
        if feed.warning:
            self.warn(InputWarning(url, feed.warning))
        if not feed.items:
            self.warn(InputWarning(url, "the feed has no items"))
        for number, item in enumerate(feed.items, 1):
            yield from self.follow_item(url, number, item)

    def follow_item(self, feed_url: str, number: int, item: FeedItem) -> Iterator[Article | Rejected]:
        if item.link:
            yield from self.follow_page(item.link, item.hint)
        elif item.content_html and len(item.content_html) >= MIN_FULL_CONTENT:
            yield self.content_article(f"{feed_url}#item-{number}", item)
        else:
            yield Rejected(
                f"{feed_url}#item-{number}",
                "feed item has no link and no full text"
                + (f" ({item.hint.title})" if item.hint.title else ""),
            )

    # ------------------------------------------------------------------ sitemaps

    def follow_sitemap(self, url: str, fetched: Fetched, body: bytes) -> Iterator[Article | Rejected]:
        entries: list[SitemapEntry] = []
        yield from self.collect_sitemap(url, body, 1, entries, [1])
        if len(entries) > MAX_SITEMAP_URLS:
            self.warn(
                InputWarning(
                    url,
                    f"the sitemap lists {len(entries)} pages; only the first {MAX_SITEMAP_URLS} are followed",
                )
            )
        for entry in entries[:MAX_SITEMAP_URLS]:
            yield from self.follow_page(entry.url, entry.hint)

    def collect_sitemap(
        self, url: str, body: bytes, depth: int, into: list[SitemapEntry], fetched_count: list[int]
    ) -> Iterator[Rejected]:
        """Gather the page entries of a sitemap (following an index); yields the sitemaps that fail."""
        try:
            sitemap = parse_sitemap(body)
        except SitemapError as exc:
            yield Rejected(url, str(exc))
            return
        into.extend(sitemap.pages)
        for child in sitemap.children:
            if len(into) > MAX_SITEMAP_URLS:
                return
            if depth >= MAX_SITEMAP_DEPTH:
                yield Rejected(child, f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH} levels")
                continue
            if fetched_count[0] >= MAX_SITEMAPS:
                self.warn(InputWarning(url, f"more than {MAX_SITEMAPS} sitemaps; the rest are not read"))
                return
            fetched_count[0] += 1
            try:
                fetched = self.fetcher.get(child, "xml")
                child_body, shape = self.shape(fetched)
            except (FetchError, InputError) as exc:
                yield Rejected(child, str(exc))
                continue
            if shape != "sitemap":
                yield Rejected(
                    child,
                    f"not a sitemap ({_unknown(fetched)})"
                    if shape == "unknown"
                    else f"a {shape}, not a sitemap",
                )
                continue
            yield from self.collect_sitemap(child, child_body, depth + 1, into, fetched_count)

    # ------------------------------------------------------------------ shapes

    def shape(self, fetched: Fetched) -> tuple[bytes, str]:
        body = fetched.body
        if body[:2] == b"\x1f\x8b":  # a gzip'd file (sitemap.xml.gz), not a Content-Encoding
            body = gunzip_capped(body, self.options.max_input_bytes)
        return body, shape_of(body, fetched.media_type)


def _unknown(fetched: Fetched) -> str:
    media = fetched.media_type or "none given"
    return f"not HTML, a feed or a sitemap (content type {media})"


def fill_in(article: Article, hint: Hint, default_published: str | None = None) -> Article:
    """What the page lacks, from what its feed item or sitemap entry said."""
    if not article.title and hint.title:
        article.title = hint.title
    if hint.published and (not article.published or article.published == default_published):
        article.published = hint.published
    if hint.outlet and (not article.outlet or _is_host_name(article.outlet, article.source.url)):
        article.outlet = hint.outlet
    if not article.language and hint.language:
        article.language = hint.language
    return article


def _is_host_name(outlet: str, url: str | None) -> bool:
    """Whether an outlet name is only the site's host name (what an extractor falls back to)."""
    if not url:
        return False
    netloc = urlsplit(url).netloc.lower()
    host = netloc.rsplit("@", 1)[-1]
    bare = host.split(":", 1)[0]
    names = {host, bare, host.removeprefix("www."), bare.removeprefix("www.")}
    return outlet.strip().lower() in names
