"""Lines an outlet prints on many of its pages: evidence of site chrome found across a batch.

A site's menu, newsletter prompt or footer is the same on every page, while its
articles are not, so a line that recurs verbatim in several articles of one outlet
is chrome even when no lexicon knows its words. The ``clean`` stage sees one article
at a time; this module is the batch-level half of the signal: the stage declares
:func:`find_repeated_lines` as its batch-wide context, which the pipeline computes
once over all articles before any split for a process pool (see
``registry.document_stage_with_context``); :func:`repeated_for` gives the stage the
set that applies to one article.

Repetition alone never removes the headline, a quotation or a paragraph of prose (an
outlet may reuse a background paragraph in each follow-up): ``clean`` decides that,
line by line, with the other signals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from parallax.clean.text import body_lines
from parallax.model import Article
from parallax.text import squash_chars

#: Characters that print as nothing: they must not make two copies of a line look different.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_EDGE_PUNCTUATION = " .:;!|>›»→…-–—•·*"


def line_key(text: str) -> str:
    """Comparison key of a line: folded, invisible characters out, spaces collapsed, edge punctuation off."""
    return squash_chars(_INVISIBLE.sub("", text)).strip(_EDGE_PUNCTUATION)


def outlet_key(article: Article) -> str | None:
    """Whose chrome a line would be: the outlet's name, else the host of the article's URL."""
    if article.outlet and article.outlet.strip():
        return "outlet:" + squash_chars(article.outlet)
    url = article.source.url
    if url:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        if host:
            return "host:" + host
    return None


def find_repeated_lines(articles: Sequence[Article], min_articles: int = 3) -> dict[str, frozenset[str]]:
    """Line keys (:func:`line_key`) found in at least ``min_articles`` different articles of one outlet,
    by :func:`outlet_key`.

    Articles count once per source (two versions of one URL are one article) and exact
    duplicates once; an article's own headline (its ``title``) is never counted.
    """
    min_articles = max(2, min_articles)
    sources: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    seen_content: set[tuple[str, str]] = set()
    for article in articles:
        outlet = outlet_key(article)
        if outlet is None or (outlet, article.content_hash) in seen_content:
            continue
        seen_content.add((outlet, article.content_hash))
        title = line_key(article.title) if article.title else None
        source = article.source.key
        for line in body_lines(article):
            key = line_key(line.text)
            if key and key != title:
                sources[outlet][key].add(source)
    out: dict[str, frozenset[str]] = {}
    for outlet, lines in sources.items():
        repeated = frozenset(key for key, where in lines.items() if len(where) >= min_articles)
        if repeated:
            out[outlet] = repeated
    return out


def repeated_for(article: Article, table: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The lines the article's outlet repeats, from :func:`find_repeated_lines`'s table."""
    outlet = outlet_key(article)
    return table.get(outlet, frozenset()) if outlet is not None else frozenset()
