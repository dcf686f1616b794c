"""The cleaning corpus agrees with its gold, and the gold with its format (see README.md here).

A gold line that is not in its page, or a page line the gold forgets, silently becomes an
error for every cleaner. These tests catch that whenever a page or a gold file is edited:
the kept and removed lines of a gold file must be exactly the lines of its page, as often as
they occur. HTML pages are rendered here by a small independent renderer (one line per block
element, nothing from ``<head>``, scripts or styles), not by the reader under test.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, get_args

import pytest

from parallax.clean.agencies import agencies
from parallax.model import CreditKind
from parallax.report.validation import schema

CORPUS = Path(__file__).resolve().parent

#: The report schema's vocabulary (the schema test keeps it equal to docs/architecture.md's).
REASONS = set(schema()["$defs"]["removedLine"]["properties"]["reason"]["enum"])
# "copied" is inferred across articles and scored per story, never on a page
CREDIT_KINDS = set(get_args(CreditKind)) - {"copied"}
#: Canonical names of the agency registry (clean/data/agencies.json).
AGENCIES = {agency.name for agency in agencies()}
#: How a credited agency may be printed on a page, besides its canonical name.
PRINTED = {"Associated Press": ("(AP)",), "Agência Estado": ("Estadão Conteúdo",)}
SYSTEMS = {
    "portal-br",
    "portal-pt",
    "portal-es",
    "portal-en",
    "wordpress",
    "wire",
    "blog",
    "regional",
    "liveblog",
    "plain",
}
KEYS = {"input", "language", "outlet", "system", "note", "kept", "removed", "credits"}

_INVISIBLE = {"head", "script", "style", "noscript", "template", "title", "svg", "iframe"}
_BLOCK = {
    *("address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt"),
    *("fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
    *("hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "td"),
    *("th", "tr", "ul", "br"),
}


class _Lines(HTMLParser):
    """Visible text of a page, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self._hidden += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self._hidden -= 1
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)


def render_html(text: str) -> list[str]:
    parser = _Lines()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.lines


def page_lines(path: Path) -> list[str]:
    """The lines a gold file must account for: a plain-text page's body lines (header block
    excluded), or an HTML page's rendered lines; stripped, white space collapsed, empty ones dropped."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return render_html(text)
    lines = text.split("\n")
    if lines and lines[0] == "---":
        lines = lines[lines.index("---", 1) + 1 :]
    return [" ".join(line.split()) for line in lines if line.strip()]


def _norm(line: str) -> str:
    return " ".join(line.split())


def _load() -> list[tuple[Path, dict[str, Any]]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(CORPUS.glob("*.json"))]


GOLD = _load()
PAGES = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html"})


def _ids(items: list[tuple[Path, dict[str, Any]]]) -> list[str]:
    return [p.stem for p, _ in items]


def test_the_corpus_is_big_and_varied_enough() -> None:
    assert len(GOLD) >= 36
    suffixes = Counter(p.suffix for p in PAGES)
    assert suffixes[".txt"] >= 24 and suffixes[".html"] >= 10
    languages = Counter(g["language"] for _, g in GOLD)
    assert languages["pt"] >= 28 and languages["en"] >= 3 and languages["es"] >= 3
    systems = Counter(g["system"] for _, g in GOLD)
    assert systems["wordpress"] >= 4 and systems["wire"] >= 8 and systems["blog"] >= 4
    kinds = {c["kind"] for _, g in GOLD for c in g["credits"]}
    assert kinds == CREDIT_KINDS


def test_every_page_has_gold_and_every_gold_a_page() -> None:
    assert sorted(g["input"] for _, g in GOLD) == [p.name for p in PAGES]
    for path, gold in GOLD:
        assert path.stem == Path(gold["input"]).stem


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=_ids(GOLD))
def test_gold_format_and_vocabularies(path: Path, gold: dict[str, Any]) -> None:
    assert set(gold) == KEYS
    assert gold["language"] in {"pt", "en", "es"}
    assert gold["system"] in SYSTEMS
    assert gold["outlet"] and gold["note"]
    for item in gold["removed"]:
        assert set(item) == {"text", "reason"} and item["reason"] in REASONS, item
    pairs = [(c["agency"], c["kind"]) for c in gold["credits"]]
    assert len(pairs) == len(set(pairs)), "a credit is listed twice"
    for agency, kind in pairs:
        assert agency in AGENCIES and kind in CREDIT_KINDS, (agency, kind)
    for line in [*gold["kept"], *(r["text"] for r in gold["removed"])]:
        assert line == _norm(line) and line, f"gold line not stripped/collapsed: {line!r}"


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=_ids(GOLD))
def test_kept_and_removed_are_exactly_the_lines_of_the_page(path: Path, gold: dict[str, Any]) -> None:
    page = Counter(page_lines(CORPUS / gold["input"]))
    annotated = Counter(gold["kept"]) + Counter(r["text"] for r in gold["removed"])
    assert annotated - page == Counter(), "gold lines not in the page (or annotated too often)"
    assert page - annotated == Counter(), "page lines the gold does not account for"


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=_ids(GOLD))
def test_no_line_is_both_kept_and_removed(path: Path, gold: dict[str, Any]) -> None:
    assert set(gold["kept"]) & {r["text"] for r in gold["removed"]} == set()
    assert gold["kept"], "every page keeps at least its headline"


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=_ids(GOLD))
def test_kept_and_removed_lines_are_in_page_order(path: Path, gold: dict[str, Any]) -> None:
    lines = page_lines(CORPUS / gold["input"])
    for listed in (gold["kept"], [r["text"] for r in gold["removed"]]):
        position = -1
        for line in listed:
            position = lines.index(line, position + 1)


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=_ids(GOLD))
def test_credited_agencies_are_printed_on_the_page(path: Path, gold: dict[str, Any]) -> None:
    text = html.unescape((CORPUS / gold["input"]).read_text(encoding="utf-8")).casefold()
    for credit in gold["credits"]:
        names = (credit["agency"], *PRINTED.get(credit["agency"], ()))
        assert any(name.casefold() in text for name in names), credit


def test_one_outlet_repeats_its_chrome_on_three_pages_or_more() -> None:
    """The cross-page repetition signal needs an outlet whose removed lines recur on ≥ 3 pages."""
    by_outlet: dict[str, list[set[str]]] = {}
    for _, gold in GOLD:
        by_outlet.setdefault(gold["outlet"], []).append({r["text"] for r in gold["removed"]})
    repeated = {outlet: set.intersection(*pages) for outlet, pages in by_outlet.items() if len(pages) >= 3}
    assert sum(1 for lines in repeated.values() if len(lines) >= 8) >= 2, repeated


def test_html_renderer_of_this_check() -> None:
    page = '<html><head><title>T</title><script>x=1</script></head><body><nav><ul><li><a href="/">Início</a>'
    page += "</li><li>Mundo</li></ul></nav><p>Um  <b>parágrafo</b>&nbsp;só.</p>"
    page += "<div>A<p>B</p>C</div></body></html>"
    assert render_html(page) == ["Início", "Mundo", "Um parágrafo só.", "A", "B", "C"]
    assert render_html("<p> x\n  y </p><br>z") == ["x y", "z"]
