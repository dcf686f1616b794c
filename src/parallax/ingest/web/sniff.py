"""What a fetched body is: a web page, a feed or a sitemap, from its root element.

Content types lie (RSS served as text/html, XHTML as application/xml, sitemaps as
text/plain), so the first element of the document decides, and the content type
only breaks ties.
"""

from __future__ import annotations

import re
from typing import Literal

Shape = Literal["html", "feed", "sitemap", "unknown"]

_PROLOG = re.compile(
    rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE
)
_START_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)")
_FEED_ROOTS = frozenset({"rss", "rdf", "feed", "channel"})
_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})


def root_element(data: bytes) -> str | None:
    """The local name of the first element, lower-cased (``rdf:RDF`` → ``rdf``)."""
    head = data[:8192]
    for bom, codec in ((b"\xef\xbb\xbf", None), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom) :]
            if codec:
                head = head.decode(codec, errors="ignore").encode("utf-8")
            break
    prolog = _PROLOG.match(head)
    rest = head[prolog.end() if prolog else 0 :]
    match = _START_TAG.match(rest)
    if match is None:
        return None
    return match.group(1).decode("ascii").rsplit(":", 1)[-1].lower()


def shape_of(data: bytes, media_type: str) -> Shape:
    root = root_element(data)
    if root in _FEED_ROOTS:
        return "feed"
    if root in _SITEMAP_ROOTS:
        return "sitemap"
    if root == "html" or media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    return "unknown"
