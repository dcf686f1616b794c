"""Watching feeds against a real loopback server: conditional GET, new items only, restarts, outages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from parallax_web_pages import page
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from parallax.ingest.web import PollReport, WatchState, watch_feeds
from parallax.model import Article, Rejected
from parallax.options import Options


class Feed:
    """An RSS feed whose items the test adds to; it answers If-None-Match with a 304."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.items: list[tuple[str, str]] = []
        self.requests = 0
        self.not_modified = 0

    @property
    def etag(self) -> str:
        return f'"v{len(self.items)}"'

    def handle(self, request: Request) -> Response:
        self.requests += 1
        if request.headers.get("If-None-Match") == self.etag:
            self.not_modified += 1
            return Response(status=304, headers={"ETag": self.etag})
        entries = "".join(
            f"<item><title>{title}</title><link>{self.base}{path}</link><guid>{self.base}{path}</guid></item>"
            for path, title in self.items
        )
        xml = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Rádio Central</title>'
            f"{entries}</channel></rss>"
        )
        return Response(xml, content_type="application/rss+xml", headers={"ETag": self.etag})


class Store:
    def __init__(self) -> None:
        self.calls: list[list[Article | Rejected]] = []

    def __call__(self, items: list[Article | Rejected]) -> None:
        self.calls.append(items)

    def titles(self) -> list[str | None]:
        return [item.title for call in self.calls for item in call if isinstance(item, Article)]


@pytest.fixture
def feed(site: HTTPServer) -> Feed:
    feed = Feed(site.url_for("").rstrip("/"))
    site.expect_request("/rss").respond_with_handler(feed.handle)
    for path, title in (
        ("/n/ponte", "Ponte será interditada no fim de semana"),
        ("/n/vacina", "Campanha de vacinação é prorrogada"),
        ("/n/greve", "Professores encerram greve"),
    ):
        site.expect_request(path).respond_with_data(page(title), content_type="text/html")
    return feed


def test_conditional_get_and_new_items_only(
    site: HTTPServer, feed: Feed, options: Options, tmp_path: Path
) -> None:
    state_path = tmp_path / "watch-state.json"
    feed.items = [("/n/ponte", "Ponte"), ("/n/vacina", "Vacina")]
    store = Store()
    reports: list[PollReport] = []
    summary = watch_feeds(
        [site.url_for("/rss")],
        options,
        store=store,
        state_path=state_path,
        interval=0,
        polls=2,
        on_report=reports.append,
    )
    assert store.titles() == ["Ponte será interditada no fim de semana", "Campanha de vacinação é prorrogada"]
    assert [(r.poll, r.new_items, r.articles, r.not_modified) for r in reports] == [
        (1, 2, 2, False),
        (2, 0, 0, True),
    ]
    assert feed.not_modified == 1
    assert summary.articles == 2
    saved = json.loads(state_path.read_text(encoding="utf-8"))
    assert saved["feeds"][site.url_for("/rss")]["etag"] == '"v2"'

    # a restart (a new call, state read from disk) takes only the newly added item
    feed.items.append(("/n/greve", "Greve"))
    store = Store()
    reports.clear()
    watch_feeds(
        [site.url_for("/rss")], options, store=store, state_path=state_path, polls=1, on_report=reports.append
    )
    assert store.titles() == ["Professores encerram greve"]
    assert reports[0].new_items == 1


def test_server_ignoring_conditional_get_still_gives_nothing_twice(
    site: HTTPServer, options: Options, tmp_path: Path
) -> None:
    base = site.url_for("").rstrip("/")
    xml = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Sem cache</title>'
        f"<item><title>Ponte</title><link>{base}/n/ponte</link></item></channel></rss>"
    )
    site.expect_request("/rss").respond_with_data(xml, content_type="application/rss+xml")
    site.expect_request("/n/ponte").respond_with_data(page("Ponte interditada"), content_type="text/html")
    store = Store()
    watch_feeds(
        [site.url_for("/rss")], options, store=store, state_path=tmp_path / "s.json", interval=0, polls=3
    )
    assert store.titles() == ["Ponte interditada"]


def test_feed_down_then_back(site: HTTPServer, feed: Feed, options: Options, tmp_path: Path) -> None:
    site.expect_request("/fora").respond_with_data("erro interno", status=500)
    site.expect_request("/torto").respond_with_data(
        "<rss><channel><title>Sem fim", content_type="application/rss+xml"
    )
    feed.items = [("/n/ponte", "Ponte")]
    store = Store()
    reports: list[PollReport] = []
    summary = watch_feeds(
        [site.url_for("/fora"), site.url_for("/torto"), site.url_for("/rss")],
        options,
        store=store,
        state_path=tmp_path / "s.json",
        interval=0,
        polls=2,
        on_report=reports.append,
    )
    errors = [(r.poll, r.feed, r.error) for r in reports if r.error]
    assert errors[0] == (1, site.url_for("/fora"), "HTTP 500 INTERNAL SERVER ERROR")
    assert errors[1][2] is not None and errors[1][2].startswith("malformed feed")
    assert len(errors) == 4  # both broken feeds, at both polls
    assert "trying again at the next poll" in reports[0].describe()
    assert store.titles() == ["Ponte será interditada no fim de semana"]
    assert summary.feed_errors == 4


def test_failed_page_retried_then_given_up(site: HTTPServer, options: Options, tmp_path: Path) -> None:
    base = site.url_for("").rstrip("/")
    xml = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Quebrada</title><link>{base}/n/quebrada</link></item></channel></rss>"
    )
    site.expect_request("/rss").respond_with_data(xml, content_type="application/rss+xml")
    site.expect_request("/n/quebrada").respond_with_data("não", status=404)
    store = Store()
    state_path = tmp_path / "s.json"
    watch_feeds([site.url_for("/rss")], options, store=store, state_path=state_path, interval=0, polls=4)
    rejected = [item for call in store.calls for item in call if isinstance(item, Rejected)]
    assert len(rejected) == 3  # three attempts, then the item is given up
    state = WatchState.load(state_path).feed(site.url_for("/rss"))
    assert state.seen == [f"{base}/n/quebrada"]
    assert state.failures == {}


def test_unreadable_state_is_an_error(options: Options, tmp_path: Path) -> None:
    state_path = tmp_path / "watch-state.json"
    state_path.write_text("{ não é json", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read the watch state"):
        watch_feeds(["http://127.0.0.1:9/rss"], options, store=Store(), state_path=state_path, polls=1)


def test_news_sitemap_watched_like_a_feed(site: HTTPServer, options: Options, tmp_path: Path) -> None:
    base = site.url_for("").rstrip("/")
    entries: list[str] = [f"{base}/n/ponte"]

    def sitemap(request: Request) -> Response:
        urls = "".join(
            f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Folha do Vale</news:name>"
            "<news:language>pt</news:language></news:publication>"
            "<news:publication_date>2025-03-14</news:publication_date>"
            "<news:title>Manchete</news:title></news:news></url>"
            for loc in entries
        )
        xml = (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
        )
        return Response(xml, content_type="application/xml")

    site.expect_request("/news.xml").respond_with_handler(sitemap)
    site.expect_request("/n/ponte").respond_with_data(
        page("Ponte interditada", published=None), content_type="text/html"
    )
    site.expect_request("/n/greve").respond_with_data(
        page("Greve termina", published=None), content_type="text/html"
    )
    store = Store()
    state_path = tmp_path / "s.json"
    watch_feeds([site.url_for("/news.xml")], options, store=store, state_path=state_path, polls=1)
    entries.append(f"{base}/n/greve")
    watch_feeds([site.url_for("/news.xml")], options, store=store, state_path=state_path, polls=1)
    assert store.titles() == ["Ponte interditada", "Greve termina"]
    dates = [item.published for call in store.calls for item in call if isinstance(item, Article)]
    assert dates == ["2025-03-14", "2025-03-14"]
