"""XML sitemaps → page URLs: ``urlset``, ``sitemapindex``, gzip'd files, Google News sitemaps.

A Google News sitemap (``news:news``) says for each URL its headline, publication
date, outlet name and language: that fills what the page itself leaves out. A
sitemap index names further sitemaps; the caller follows them with the limits
below, which need no option: a news site's sitemaps are far smaller than these.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Literal

from parallax.ingest.web.feeds import Hint, iso_date

#: How deep sitemap indexes may nest (index → index → urlset is depth 2).
MAX_SITEMAP_DEPTH = 3
#: Sitemap files fetched for one input URL, the input included.
MAX_SITEMAPS = 50
#: Page URLs followed for one input URL; the rest are reported in a warning, not fetched.
MAX_SITEMAP_URLS = 1000

_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class SitemapError(Exception):
    """Bytes that are not a usable sitemap; the message is the reason."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    hint: Hint = field(default_factory=Hint)


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: Literal["urlset", "sitemapindex"]
    pages: list[SitemapEntry]
    children: list[str]  # further sitemaps named by an index


def parse_sitemap(data: bytes) -> Sitemap:
    # Sitemaps never declare a DTD; refusing one rules out entity tricks before parsing.
    if _DOCTYPE.search(data[:4096]):
        raise SitemapError("malformed sitemap: a DOCTYPE or ENTITY declaration is not allowed")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SitemapError(f"malformed sitemap: {exc}") from exc
    kind = _local(root.tag)
    if kind == "urlset":
        pages = [entry for entry in (_page(node) for node in root if _local(node.tag) == "url") if entry]
        return Sitemap("urlset", pages, [])
    if kind == "sitemapindex":
        children = [
            loc for loc in (_text(node, "loc") for node in root if _local(node.tag) == "sitemap") if loc
        ]
        return Sitemap("sitemapindex", [], children)
    raise SitemapError(f"not a sitemap: root element <{kind}>")


def _page(node: ET.Element) -> SitemapEntry | None:
    loc = _text(node, "loc")
    if not loc:
        return None
    news = next((child for child in node if _local(child.tag) == "news"), None)
    if news is None:
        return SitemapEntry(loc)
    publication = next((child for child in news if _local(child.tag) == "publication"), None)
    outlet = _text(publication, "name") if publication is not None else None
    language = _text(publication, "language") if publication is not None else None
    date = _text(news, "publication_date")
    return SitemapEntry(
        loc,
        Hint(
            title=_text(news, "title"),
            published=iso_date(date) if date else None,
            outlet=outlet,
            language=_language(language),
        ),
    )


def _language(code: str | None) -> str | None:
    if not code:
        return None
    primary = code.replace("_", "-").split("-", 1)[0].lower()
    return primary if len(primary) == 2 and primary.isalpha() else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(node: ET.Element | None, name: str) -> str | None:
    if node is None:
        return None
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return " ".join(child.text.split())
    return None
