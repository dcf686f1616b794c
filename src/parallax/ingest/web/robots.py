"""robots.txt, read once per site and obeyed (RFC 9309).

A robots.txt that answers 4xx (most often 404) means "no rules": everything is
allowed. One that cannot be fetched at all (5xx, timeout, refused connection) means
the site cannot tell us its rules, and RFC 9309 says to assume a complete disallow;
the refusal then names that reason so the user knows it is not a rule of the site.
"""

from __future__ import annotations

import logging
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass

import httpx

log = logging.getLogger("parallax.ingest.web")

#: A Crawl-delay above this is not honoured as such (a site asking for an hour between pages).
MAX_CRAWL_DELAY = 30.0

#: Fetches robots.txt: (status, text) for an answer, raising for no answer at all.
RobotsFetch = Callable[[str], tuple[int, str]]


def robots_url(url: httpx.URL) -> str:
    return str(url.copy_with(path="/robots.txt", query=None, fragment=None))


def site_of(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii', 'replace').lower()}"


@dataclass(slots=True)
class _Rules:
    parser: urllib.robotparser.RobotFileParser | None  # None: disallow all
    why_closed: str | None = None  # why everything is disallowed, when no rules could be read


class RobotsCache:
    """robots.txt rules per site (scheme, host and port), fetched on first use."""

    def __init__(self, fetch: RobotsFetch, user_agent: str) -> None:
        self._fetch = fetch
        self._agent = user_agent
        self._sites: dict[str, _Rules] = {}

    def allowed(self, url: httpx.URL) -> bool:
        return self.refusal(url) is None

    def refusal(self, url: httpx.URL) -> str | None:
        """None when the URL may be fetched, else why not."""
        rules = self._rules(url)
        if rules.parser is None:
            return rules.why_closed
        if rules.parser.can_fetch(self._agent, str(url)):
            return None
        return f"robots.txt of {url.host} disallows {url} (use --no-robots to ignore it)"

    def crawl_delay(self, url: httpx.URL) -> float:
        """The site's Crawl-delay for us, from the cache only (0 when unknown or absent)."""
        rules = self._sites.get(site_of(url))
        if rules is None or rules.parser is None:
            return 0.0
        delay = rules.parser.crawl_delay(self._agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0

    def _rules(self, url: httpx.URL) -> _Rules:
        site = site_of(url)
        cached = self._sites.get(site)
        if cached is not None:
            return cached
        # Cached before the fetch: the robots.txt request itself must not ask for robots.txt.
        self._sites[site] = _Rules(_allow_all())
        try:
            status, text = self._fetch(robots_url(url))
        except Exception as exc:  # any failure to get an answer: RFC 9309 "unreachable"
            rules = _Rules(
                None, f"robots.txt of {url.host} could not be read ({exc}), so the site is off limits"
            )
            log.info("%s", rules.why_closed)
        else:
            if 400 <= status < 500:
                rules = _Rules(_allow_all())
            else:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(text.splitlines())
                rules = _Rules(parser)
        self._sites[site] = rules
        return rules


def _allow_all() -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse([])
    return parser
