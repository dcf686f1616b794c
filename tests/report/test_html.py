from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from parallax.model import Article, Batch
from parallax.report import build_report, render
from parallax.report.html import Mark, render_marked

VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr", "area", "base", "col", "embed", "track"}
RESOURCE_ATTRS = {"src", "href", "srcset", "data", "poster", "action"}


class Outline(HTMLParser):
    """Collects tags, checks that elements nest, and records resource references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser


def story_section(html: str, number: int = 1) -> str:
    start = html.index(f'<section class="story" id="story-{number}"')
    return html[start : html.index("</section>", html.index('<div class="columns">', start))]


def test_document_is_well_formed_and_accessible(report: dict[str, Any]) -> None:
    html = render(report, "html")
    parsed = outline(html)
    assert parsed.errors == [] and parsed.stack == []
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<div class="text" lang="pt">' in html
    assert "@media (max-width:48rem){.columns{grid-auto-flow:row" in html  # columns stack on narrow screens
    headers = [attrs for tag, attrs in parsed.tags if tag == "th"]
    assert headers and all(a.get("scope") for a in headers)
    focusable = [attrs for tag, attrs in parsed.tags if tag == "mark" and attrs.get("tabindex") == "0"]
    assert len(focusable) > 10 and all(a.get("data-links") and a.get("title") for a in focusable)


def test_self_contained(report: dict[str, Any]) -> None:
    html = render(report, "html")
    parsed = outline(html)
    assert not [t for t, _ in parsed.tags if t in {"link", "img", "iframe", "object", "embed", "base"}]
    for tag, attrs in parsed.tags:
        if tag in {"script", "style"}:
            assert not (set(attrs) & RESOURCE_ATTRS), (tag, attrs)
        for name in RESOURCE_ATTRS & set(attrs):
            value = attrs[name] or ""
            if value.startswith(("http://", "https://", "//")):
                # the only web addresses allowed are plain links to an article's original page
                assert (
                    tag == "a"
                    and name == "href"
                    and value in {a["source"].get("url") for a in report["articles"]}
                ), (tag, attrs)
    assert "@import" not in html and "url(" not in html
    assert "@font-face" not in html


def test_content_security_policy_pins_the_inline_script_and_style(report: dict[str, Any]) -> None:
    html = render(report, "html")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None
    script = "".join(outline(html).script_text)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp.group(1)
    assert "default-src 'none'" in csp.group(1)


def test_one_column_per_article_of_the_story(
    report: dict[str, Any],
    batch_factory: Callable[..., Batch],
    article_factories: dict[str, Callable[..., Article]],
) -> None:
    section = story_section(render(report, "html"))
    assert section.count('<article class="source"') == 2
    assert section.index('<table class="conflicts">') < section.index('<article class="source"')
    assert '<span class="ref">A1</span> Jornal da Serra</h3>' in section
    assert '<span class="ref">A2</span> Gazeta do Litoral</h3>' in section

    batch = batch_factory()
    third = article_factories["litoral"]()
    third.id, third.outlet = "a-third", "Terceira Folha"
    batch.articles.append(third)
    batch.stories[0].articles.append(third.id)
    section = story_section(render(build_report(batch), "html"))
    assert section.count('<article class="source"') == 3


def test_article_text_is_escaped(
    batch_factory: Callable[..., Batch], article_factories: dict[str, Callable[..., Article]]
) -> None:
    payload = '<script>alert("x")</script>'
    text = article_factories["litoral"]().text.replace("Com agências\n", f"Leitor: {payload}\nCom agências\n")
    litoral = article_factories["litoral"](text)
    litoral.outlet = '<img src=x onerror="alert(1)">'
    html = render(build_report(batch_factory(None, litoral)), "html")
    assert html.count("<script") == 1  # only the page's own script
    assert '<p class="line">Leitor: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>' in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<img" not in html
    assert outline(html).errors == []


def test_highlights_and_links_between_columns(report: dict[str, Any]) -> None:
    section = story_section(render(report, "html"))
    values = re.findall(
        r'<mark id="([^"]+)" class="conflict-value qty" data-links="([^"]+)"[^>]*>([^<]+)</mark>', section
    )
    by_text = {text: (anchor, links) for anchor, links, text in values}
    assert by_text["pelo menos 12 mortos"][1] == by_text["15 mortos"][1]  # same conflict, linked
    assert by_text["mais de três horas"][1] == by_text["cerca de duas horas"][1]
    assert by_text["pelo menos 12 mortos"][1] != by_text["mais de três horas"][1]
    # the conflicts table links to the values in the columns
    assert (
        f'<a href="#{by_text["15 mortos"][0]}" data-links="{by_text["15 mortos"][1]}">15 mortos</a>'
        in section
    )
    claims = re.findall(r'<mark id="[^"]+" class="claim (st-[a-z]+)[^"]*" data-links="(s1-c\d)', section)
    assert sorted(claims) == sorted(
        [("st-conflicting", "s1-c1"), ("st-conflicting", "s1-c2"), ("st-corroborated", "s1-c3")] * 2
        + [("st-single", "s1-c4")]
    )
    quotes = re.findall(r'class="quote q-direct" data-links="(s1-q1)"', section)
    assert len(quotes) == 2
    assert 'class="verdict compatible"' in section and 'class="verdict contradiction"' in section


def test_removed_lines_are_collapsed_with_their_reason(report: dict[str, Any]) -> None:
    section = story_section(render(report, "html"))
    assert (
        '<details class="removed"><summary>2 removed lines (share prompt, teaser)</summary><ul>'
        '<li><span class="reason">share_prompt</span> Compartilhe</li>'
        '<li><span class="reason">teaser</span> Leia também: Chuva forte alaga ruas do centro</li>'
        "</ul></details>"
    ) in section
    assert '<span class="reason">advert</span> Publicidade</li>' in section
    assert "url: https://www.jornaldaserra" not in section  # the header block is metadata, not body


def test_crossing_marks_are_split_into_nested_fragments() -> None:
    text = "abcdefgh"
    outer = Mark(1, 5, 0, ["claim"], ["first"], ["k1"], "m1")
    crossing = Mark(3, 7, 2, ["quote"], ["second"], ["k2"], "m2")
    html = render_marked(text, 0, len(text), [crossing, outer], set())
    assert html == (
        'a<mark id="m1" class="claim" data-links="k1" tabindex="0" title="first">bc'
        '<mark id="m2" class="quote" data-links="k2" tabindex="0" title="second">de</mark></mark>'
        '<mark class="quote" data-links="k2" title="second">fg</mark>h'
    )


def test_marks_are_clipped_to_the_line() -> None:
    text = "um dois\ntrês"
    spanning = Mark(3, 12, 0, ["claim"], [], [], "m1")
    assert render_marked(text, 8, 12, [spanning], {"m1"}) == '<mark class="claim">três</mark>'
    assert render_marked(text, 0, 7, [spanning], set()) == 'um <mark id="m1" class="claim">dois</mark>'
