"""An HTML page → an article whose text is everything a reader sees, with the chrome marked, not cut.

``Article.text`` is the page's visible text rendered as lines (one line per block
element or ``<br>``; scripts, styles, templates and hidden elements are not
visible and not rendered). trafilatura finds the article proper; its lines, plus
the headline just above them, are the body, and every other visible line is
recorded as a :class:`~parallax.model.RemovedLine` with the reason the page's own
markup gives (a ``<nav>``, a share bar, a related-posts box…) or
``html_boilerplate``. So nothing a page printed is dropped silently: an analyst
can always see what was set aside and why, and the clean stage may set aside more.

trafilatura rewrites what it extracts (joins table cells, merges a paragraph split
by ``<br>``, drops a lone bullet), so its output is aligned to the rendered lines
line by line where the lines agree and word by word where they do not: a rendered
line is article text when most of its words are in the extract, in order.
"""

from __future__ import annotations

import codecs
import copy
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from parallax.ingest.base import (
    GENERIC_HTML_REASON,
    InputWarning,
    WarningSink,
    article_id,
    content_hash,
    log_warning,
)
from parallax.ingest.decode import InputError, check_not_binary, decode_bytes, repair
from parallax.ingest.header import is_iso_date
from parallax.model import Article, RemovedLine, Source, Span
from parallax.options import Options

__all__ = ["HTML_REASONS", "article_from_html", "decode_html", "render_lines"]

#: Reasons given to visible lines outside the article text (the architecture's vocabulary,
#: plus ``html_boilerplate`` when the markup says nothing more precise).
HTML_REASONS: tuple[str, ...] = (
    "cookie_banner",
    "advert",
    "newsletter_prompt",
    "subscription",
    "social_embed",
    "share_prompt",
    "comments",
    "teaser",
    "caption",
    "byline",
    "navigation",
    "footer",
    GENERIC_HTML_REASON,
)

#: Never visible: their text is code, data or fallback content.
_INVISIBLE = frozenset(
    {
        *("head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed"),
        *("canvas", "select", "datalist", "audio", "video", "map", "textarea", "title", "meta", "link"),
        "base",
    }
)
#: Elements that start and end a line of rendered text.
_BLOCK = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "header"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav"),
        *("ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th"),
        *("caption", "ul"),
    }
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDDEN_CLASSES = frozenset({"screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "hidden"})
_TOKEN = re.compile(r"\w+")
#: What ftfy's repair could change in rendered text (whitespace is already collapsed there): UTF-8 read
#: as cp1252 ("aÃ§Ã£o", "â€œ"), C1 and other control characters. Text without any is only NFC-composed,
#: which saves the repair's cost on the many pages that need none.
_SUSPECT = re.compile(
    "[ÂÃ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€|ï¿½|ðŸ|[\x00-\x08\x0e-\x1f\x7f-\x9f]"
)
#: A rendered line is article text when at least this share of its words is in trafilatura's extract.
_MIN_MATCHED_SHARE = 0.5
#: A page is an article only when some line of its text has this many words (menus and link lists do not).
_MIN_PROSE_WORDS = 10
#: Lines trafilatura kept that the markup inside the article calls chrome (a share bar, an advert…)
#: are removed too, when no longer than this: a paragraph in an oddly named box stays.
_MAX_CHROME_WORDS = 25
#: Markup hints strong enough to overrule trafilatura inside the article container.
_OVERRULING = frozenset(HTML_REASONS) - {"footer", GENERIC_HTML_REASON}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
#: Meta names and properties that state an original publication date, best first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)

#: (reason, pattern) tried on each ancestor's tag, ``role=…``, id and class names, innermost first.
_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        ("cookie_banner", r"cookie|consent|gdpr|lgpd"),
        (
            "advert",
            r"(?:^|[-_])(?:ad|ads|adv|advert\w*|publicidade|publicidad|anuncios?|dfp|adsense|adslot|"
            r"sponsor\w*|patrocinad\w*|banner)(?:[-_]|$)|adsbygoogle",
        ),
        ("newsletter_prompt", r"newsletter|signup|sign-up"),
        ("subscription", r"paywall|subscri|assine|assinatura|suscri"),
        ("social_embed", r"twitter-tweet|instagram-media|tiktok-embed|fb-post|social-embed|embed-social"),
        ("share_prompt", r"share|sharing|compartilh|compartir|addthis|social|redes"),
        ("comments", r"comment|coment|disqus"),
        (
            "teaser",
            r"related|relacionad|leia-?tambem|veja-?tambem|lea-?tambien|read-?more|more-?stories|recommend|"
            r"recomend|saiba-?mais|mais-?lidas|mas-?leidas|most-?read|most-?popular|popular|trending|outbrain|taboola|"
            r"ultimas|latest|^role=complementary$",
        ),
        ("caption", r"^figcaption$|caption|legenda|leyenda|photo-?credit"),
        (
            "byline",
            r"byline|author|autor|entry-meta|post-meta|article-meta|meta-info|dateline|posted-?on|"
            r"^published$|data-?publica|publication-?data",
        ),
        (
            "navigation",
            r"^nav$|navigation|navbar|menu|breadcrumb|pagination|skip-?link|^tags?$|tags-?links|tag-?list|"
            r"post-?tags|cat-?links|categories|masthead|site-?header|topbar|top-?bar|site-?branding|"
            r"^role=navigation$|^role=banner$|^amp-sidebar$",
        ),
        ("footer", r"^footer$|footer|colophon|rodape|site-?info|copyright|^role=contentinfo$"),
    )
)


@dataclass(slots=True)
class Line:
    """One rendered line of visible text and the element its first words came from."""

    text: str
    element: lxml.html.HtmlElement
    heading: int = 0  # 1..6 inside an <h1>..<h6>, else 0
    span: Span = field(default_factory=lambda: Span(0, 0))


@dataclass(slots=True)
class _Renderer:
    lines: list[Line] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    first: lxml.html.HtmlElement | None = None
    heading: int = 0

    def add(self, text: str, element: lxml.html.HtmlElement, heading: int, pre: bool) -> None:
        parts = text.split("\n") if pre else [text]
        for index, part in enumerate(parts):
            if index:
                self.flush()
            if not self.pieces:
                self.first, self.heading = element, heading
            self.pieces.append(part)

    def flush(self) -> None:
        text = " ".join("".join(self.pieces).split())
        if text and self.first is not None:
            self.lines.append(Line(text, self.first, self.heading))
        self.pieces.clear()
        self.first = None

    def walk(self, element: lxml.html.HtmlElement, heading: int, pre: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in _BLOCK
        heading = _HEADINGS.get(tag, heading)
        pre = pre or tag == "pre"
        if block:
            self.flush()
        if tag == "br":
            self.flush()
        if element.text:
            self.add(element.text, element, heading, pre)
        for child in element:
            if isinstance(child.tag, str) and not _invisible(child):
                self.walk(child, heading, pre)
            if child.tail:
                self.add(child.tail, element, heading, pre)
        if block:
            self.flush()


def _invisible(element: lxml.html.HtmlElement) -> bool:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _INVISIBLE or element.get("hidden") is not None:
        return True
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = element.get("class")
    return bool(classes) and not _HIDDEN_CLASSES.isdisjoint(classes.split())


def render_lines(tree: lxml.html.HtmlElement) -> list[Line]:
    """The visible text of a parsed page, one :class:`Line` per rendered line, in page order."""
    renderer = _Renderer()
    body = tree.find("body")
    try:
        renderer.walk(tree if body is None else body, 0, False)
    except RecursionError as exc:
        raise InputError("HTML nested too deeply to render") from exc
    renderer.flush()
    return renderer.lines


# --------------------------------------------------------------------------- decoding


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Bytes of a page → text: the HTTP charset, else the page's ``<meta>`` charset, else detection."""
    if not data.strip():
        raise InputError("empty page")
    declared = _charset(content_type, data)
    text: str | None = None
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if declared is not None and not has_bom:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None  # the declaration is wrong (common: "utf-8" over cp1252 bytes); detect instead
    if text is None:
        text, _ = decode_bytes(data)
    check_not_binary(text)
    return text


def _charset(content_type: str | None, data: bytes) -> str | None:
    match = _HTTP_CHARSET.search(content_type) if content_type else None
    raw = match.group(1) if match else None
    if raw is None:
        meta = _META_CHARSET.search(data[:4096])
        raw = meta.group(1).decode("ascii", "replace") if meta else None
    if raw is None:
        return None
    try:
        name = codecs.lookup(raw).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii", "us-ascii"):
        return "cp1252"  # what browsers do: the C1 range of a "latin-1" page is cp1252 punctuation
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # an ASCII-compatible page cannot really be UTF-16; a BOM would have said so
    return name


def parse_html(text: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"not parsable as HTML: {exc}") from exc
    return tree


# --------------------------------------------------------------------------- alignment


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def main_lines(lines: Sequence[Line], extract: str) -> list[bool]:
    """Which rendered lines hold trafilatura's extract: whole lines first, then word by word."""
    line_tokens = [_tokens(line.text) for line in lines]
    extract_tokens = [tokens for tokens in map(_tokens, extract.splitlines()) if tokens]
    line_keys = [" ".join(tokens) for tokens in line_tokens]
    extract_keys = [" ".join(tokens) for tokens in extract_tokens]
    main = [False] * len(lines)
    matcher = SequenceMatcher(None, line_keys, extract_keys, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i in range(i1, i2):
                main[i] = bool(line_tokens[i])
        elif op == "replace":
            _align_words(line_tokens, i1, i2, [t for tokens in extract_tokens[j1:j2] for t in tokens], main)
    _fill_wordless(line_tokens, main)
    return main


def _align_words(
    line_tokens: Sequence[Sequence[str]], i1: int, i2: int, extract: Sequence[str], main: list[bool]
) -> None:
    """Lines trafilatura rewrote: a line is kept when most of its words are matched in order."""
    owners = [i for i in range(i1, i2) for _ in line_tokens[i]]
    words = [t for i in range(i1, i2) for t in line_tokens[i]]
    matched = [0] * (i2 - i1)
    for block in SequenceMatcher(None, words, list(extract), autojunk=False).get_matching_blocks():
        for k in range(block.a, block.a + block.size):
            matched[owners[k] - i1] += 1
    for i in range(i1, i2):
        if line_tokens[i] and matched[i - i1] >= _MIN_MATCHED_SHARE * len(line_tokens[i]):
            main[i] = True


def _fill_wordless(line_tokens: Sequence[Sequence[str]], main: list[bool]) -> None:
    """A line without words ("* * *") between two article lines is part of the article."""
    for i, tokens in enumerate(line_tokens):
        if not tokens and 0 < i < len(main) - 1 and main[i - 1] and main[i + 1]:
            main[i] = True


# --------------------------------------------------------------------------- metadata


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, validated."""

    title: str | None = None
    titles: tuple[str, ...] = ()
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None


def _meta_values(tree: lxml.html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
        equiv = (meta.get("http-equiv") or "").strip().lower()
        if equiv and content and f"http-equiv:{equiv}" not in values:
            values[f"http-equiv:{equiv}"] = content
    return values


def _published(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    """The original publication date the markup states (never a modification date)."""
    for key in _DATE_META:
        value = meta.get(key)
        if value and is_iso_date(value):
            return value
    for element in tree.iterfind(".//time[@itemprop='datePublished']"):
        value = (element.get("datetime") or "").strip()
        if is_iso_date(value):
            return value
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        for match in _LD_DATE.finditer(script.text or ""):
            stated = match.group(1).strip()
            if is_iso_date(stated):
                return stated
    return None


def _language(tree: lxml.html.HtmlElement, meta: dict[str, str], extracted: str | None) -> str | None:
    for raw in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("http-equiv:content-language"),
        meta.get("og:locale"),
        meta.get("language"),
        extracted,
    ):
        match = _LANGUAGE.fullmatch((raw or "").strip().split(",")[0].strip())
        if match:
            return match.group(1).lower()
    return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(_repair(value).split())
    return value or None


def _absolute_url(value: str | None) -> str | None:
    return value if value and re.match(r"https?://[^\s/]+", value, re.IGNORECASE) else None


def page_meta(tree: lxml.html.HtmlElement, document: Any) -> PageMeta:
    meta = _meta_values(tree)
    title = _clean(getattr(document, "title", None))
    titles = tuple(t for t in (title, _clean(meta.get("og:title")), _clean(meta.get("twitter:title"))) if t)
    date = getattr(document, "date", None)
    return PageMeta(
        title=title or (titles[0] if titles else None),
        titles=titles,
        author=_clean(getattr(document, "author", None)),
        outlet=_clean(meta.get("og:site_name")) or _clean(getattr(document, "sitename", None)),
        url=_absolute_url(_clean(getattr(document, "url", None))),
        language=_language(tree, meta, getattr(document, "language", None)),
        published=_published(tree, meta) or (date if isinstance(date, str) and is_iso_date(date) else None),
    )


# --------------------------------------------------------------------------- classification


def _signature(element: lxml.html.HtmlElement) -> Iterator[str]:
    tag = element.tag if isinstance(element.tag, str) else ""
    yield tag.lower()
    role = element.get("role")
    if role:
        yield f"role={role.strip().lower()}"
    ident = element.get("id")
    if ident:
        yield ident.strip().lower()
    for name in (element.get("class") or "").split():
        yield name.lower()


class _Hints:
    """The reason each element's own markup gives, computed once per element of a page."""

    def __init__(self) -> None:
        self._own: dict[lxml.html.HtmlElement, str | None] = {}

    def own(self, element: lxml.html.HtmlElement) -> str | None:
        if element not in self._own:
            self._own[element] = next(
                (
                    reason
                    for name in _signature(element)
                    for reason, pattern in _HINTS
                    if pattern.search(name)
                ),
                None,
            )
        return self._own[element]

    def find(
        self, element: lxml.html.HtmlElement | None, stop: lxml.html.HtmlElement | None = None
    ) -> str | None:
        """The reason the markup gives, from ``element`` outwards (up to, not including, ``stop``)."""
        while element is not None and element is not stop:
            reason = self.own(element)
            if reason is not None:
                return reason
            element = element.getparent()
        return None


def _container(lines: Sequence[Line], main: Sequence[bool]) -> lxml.html.HtmlElement | None:
    """The innermost element holding every article line: where the article's own markup starts."""
    chains = [list(line.element.iterancestors()) for line, keep in zip(lines, main, strict=True) if keep]
    if not chains:
        return None
    common = set(chains[0]).intersection(*chains[1:])
    return next((element for element in chains[0] if element in common), None)


def overrule_chrome(lines: Sequence[Line], main: list[bool], keep: int | None, hints: _Hints) -> None:
    """Unmark short article lines that sit in chrome markup inside the article (a share bar, an ad)."""
    container = _container(lines, main)
    for i, line in enumerate(lines):
        if not main[i] or i == keep or len(_tokens(line.text)) > _MAX_CHROME_WORDS:
            continue
        if hints.find(line.element, container) in _OVERRULING:
            main[i] = False


def line_reason(line: Line, authors: Sequence[str], hints: _Hints) -> str:
    """Why a visible line is not article text, from the markup around it (innermost first)."""
    reason = hints.find(line.element)
    if reason is not None:
        return reason
    folded = line.text.casefold()
    if any(author in folded for author in authors):
        return "byline"
    return GENERIC_HTML_REASON


def _headline(lines: Sequence[Line], first_main: int, titles: Sequence[str]) -> int | None:
    """The headline line: printed at or above the article text, as the page's title or in an <h1>."""
    title_keys = [_tokens(t) for t in titles]

    def names_title(tokens: list[str]) -> bool:
        return bool(tokens) and any(
            key == tokens or (len(tokens) >= 3 and key[: len(tokens)] == tokens) for key in title_keys
        )

    candidates = range(first_main, -1, -1)
    for want_heading in (True, False):
        for i in candidates:
            if (lines[i].heading or not want_heading) and names_title(_tokens(lines[i].text)):
                return i
    return next((i for i in candidates if lines[i].heading == 1 and len(_tokens(lines[i].text)) >= 2), None)


# --------------------------------------------------------------------------- the article


def article_from_html(
    data: bytes,
    *,
    url: str | None,
    path: str | None,
    options: Options,
    content_type: str | None = None,
    on_warning: WarningSink | None = None,
    fallback_published: str | None = None,
) -> Article:
    """A page's bytes → an :class:`Article` (visible text, article body, chrome as removed lines).

    ``url`` is where the page was fetched (kept as the source URL); without it the page's
    canonical URL is used. ``fallback_published`` (e.g. a WARC record's date) applies when
    the page states no publication date. Raises :class:`InputError` for a page with no
    article text.
    """
    warn = on_warning or log_warning
    name = path or url or "<html>"
    text = decode_html(data, content_type)
    tree = parse_html(text)
    lines = render_lines(tree)
    if not lines:
        raise InputError("HTML page has no visible text")
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    extract = _clean_text(getattr(document, "text", None) if document is not None else None)
    if not extract:
        raise InputError(f"no article text found in the HTML page (only {len(lines)} lines of site chrome)")
    lines = _repaired(lines)
    if not lines:
        raise InputError("HTML page has no visible text")
    joined = "\n".join(line.text for line in lines) + "\n"
    main = main_lines(lines, _repair(extract))
    if not any(main):
        raise InputError("the article text found in the HTML page could not be located among its lines")
    meta = page_meta(tree, document)
    headline = _headline(lines, main.index(True), meta.titles)
    hints = _Hints()
    overrule_chrome(lines, main, headline, hints)
    if not any(main[i] and len(_tokens(line.text)) >= _MIN_PROSE_WORDS for i, line in enumerate(lines)):
        raise InputError(
            "no article text found in the HTML page: only short lines (menus, link lists), "
            f"none of {_MIN_PROSE_WORDS} words or more"
        )
    first_main = main.index(True)
    last_main = len(main) - 1 - main[::-1].index(True)
    if headline is not None and headline > first_main:
        headline = None
    pos = 0
    for line in lines:
        line.span = Span(pos, pos + len(line.text))
        pos += len(line.text) + 1
    start = lines[headline if headline is not None else first_main].span.start
    body = Span(start, lines[last_main].span.end)
    authors = [a.strip().casefold() for a in (meta.author or "").split(";") if len(a.strip()) > 3]
    removed = [
        RemovedLine(text=line.text, reason=line_reason(line, authors, hints), span=line.span)
        for i, line in enumerate(lines)
        if not main[i] and i != headline
    ]
    kept = [line.text for i, line in enumerate(lines) if main[i] or i == headline]
    title, title_span = meta.title, None
    if headline is not None:
        title, title_span = lines[headline].text, lines[headline].span
    language = meta.language if meta.language in options.languages else None
    source = Source(path=path, url=url or meta.url)
    digest = content_hash("\n".join(kept))
    if meta.published is None and fallback_published is None and options.default_published is None:
        warn(InputWarning(name, "no publication date found in the page"))
    return Article(
        id=article_id(source.key, digest),
        source=source,
        text=joined,
        content_hash=digest,
        outlet=meta.outlet,
        title=title,
        title_span=title_span,
        language=language,
        published=meta.published or fallback_published or options.default_published,
        body=body,
        removed=removed,
    )


def _clean_text(value: Any) -> str | None:
    text = value if isinstance(value, str) else ""
    return text if text.strip() else None


def _repair(text: str) -> str:
    return repair(text) if _SUSPECT.search(text) else unicodedata.normalize("NFC", text)


def _repaired(lines: list[Line]) -> list[Line]:
    """Mojibake repair and NFC over the rendered text, each line kept on its own line."""
    parts = _repair("\n".join(line.text for line in lines)).split("\n")
    if len(parts) != len(lines):
        parts = [_repair(line.text) for line in lines]
    for line, part in zip(lines, parts, strict=True):
        line.text = " ".join(part.split())
    return [line for line in lines if line.text]


def sniff_html(head: bytes) -> bool:
    """Whether the first bytes of an input look like an HTML page (for stdin and unknown suffixes)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<?xml") and b"<html" in start[:1024]
    )
