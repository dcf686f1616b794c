"""What the Markdown and HTML renderings share: lookups over a report and value formatting.

Renderers read the JSON report (not the domain model), so a report loaded from
disk renders exactly like a freshly built one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoryEntity:
    entity: Json
    articles: int  # how many of the story's articles mention it
    mentions: int


class ReportView:
    """Indexes of one report for the renderers."""

    def __init__(self, report: Json) -> None:
        self.report = report
        self.articles: dict[str, Json] = {a["id"]: a for a in report["articles"]}
        self.entities: dict[str, Json] = {e["id"]: e for e in report["entities"]}

    def article(self, article_id: str) -> Json | None:
        return self.articles.get(article_id)

    def label(self, article_id: str) -> str:
        """Outlet name, else the source's host or file name, else the id."""
        article = self.articles.get(article_id)
        return article_label(article) if article else article_id

    def story_articles(self, story: Json) -> list[Json]:
        return [self.articles[a] for a in story["articles"] if a in self.articles]

    def articles_without_story(self) -> list[Json]:
        in_story = {a for s in self.report["stories"] for a in s["articles"]}
        return [a for a in self.report["articles"] if a["id"] not in in_story]

    def story_entities(self, story: Json) -> list[StoryEntity]:
        """Merged entities mentioned in the story, most widely reported first."""
        articles: dict[str, set[str]] = {}
        mentions: Counter[str] = Counter()
        for article in self.story_articles(story):
            for mention in article["entities"]:
                eid = mention["entity"]
                if eid in self.entities:
                    articles.setdefault(eid, set()).add(article["id"])
                    mentions[eid] += 1
        found = [StoryEntity(self.entities[e], len(articles[e]), mentions[e]) for e in articles]
        return sorted(
            found, key=lambda s: (-s.articles, -s.mentions, s.entity["name"].casefold(), s.entity["id"])
        )


def article_label(article: Json) -> str:
    if article.get("outlet"):
        return str(article["outlet"])
    source = article.get("source", {})
    if source.get("url"):
        host = urlsplit(str(source["url"])).hostname
        if host:
            return host.removeprefix("www.")
    if source.get("path"):
        return str(source["path"]).replace("\\", "/").rsplit("/", 1)[-1]
    return str(article["id"])


def source_location(article: Json) -> str:
    source = article.get("source", {})
    return str(source.get("url") or source.get("path") or "")


def credited(article: Json) -> list[Json]:
    return [c for c in article["credits"] if c["kind"] != "copied"]


def copied(article: Json) -> list[Json]:
    return [c for c in article["credits"] if c["kind"] == "copied"]


def kept_title(article: Json) -> str:
    return str(article.get("title") or "(untitled)")


# --------------------------------------------------------------------------- values


def format_number(x: float | int | None) -> str:
    if x is None:
        return "?"
    if float(x).is_integer():
        return str(int(x))
    return format(float(x), ".12g")


def format_interval(low: float | int | None, high: float | int | None) -> str:
    """Human reading of a stated interval: "exactly 15", "≥ 12", "≤ 3", "1.8 – 2.2"."""
    if low is None and high is None:
        return "unbounded"
    if low is not None and high is not None:
        if low == high:
            return f"exactly {format_number(low)}"
        return f"{format_number(low)} – {format_number(high)}"
    if low is not None:
        return f"≥ {format_number(low)}"
    return f"≤ {format_number(high)}"


def format_value(value: Any) -> str:
    """A conflict value as stated: a number, an interval, a date or a phrase."""
    if value is None:
        return "?"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, list) and len(value) == 2:
        return format_interval(value[0], value[1])
    return str(value)


def quantity_for(article: Json | None, text: str) -> Json | None:
    """The article's quantity printed as ``text`` (or containing it), to show its interval and unit."""
    if article is None:
        return None
    quantities: list[Json] = article["quantities"]
    for quantity in quantities:
        if quantity["text"] == text:
            return quantity
    for quantity in quantities:
        if text and (text in quantity["text"] or quantity["text"] in text):
            return quantity
    return None


#: Units as a reader expects them after a number; others ("%", "BRL", "km") print as they are.
UNIT_LABELS = {
    "hour": "hours",
    "minute": "minutes",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
}


def unit_label(unit: str | None) -> str:
    return UNIT_LABELS.get(unit, unit) if unit else ""


def value_interval(article: Json | None, value: Json) -> str:
    """The interval behind a conflict value: from the matching quantity, else from the value itself."""
    quantity = quantity_for(article, value["text"])
    if quantity is not None and (quantity["low"] is not None or quantity["high"] is not None):
        interval = format_interval(quantity["low"], quantity["high"])
        return f"{interval} {unit_label(quantity['unit'])}" if quantity["unit"] else interval
    raw = value["value"]
    if isinstance(raw, list):
        return format_value(raw)
    return ""


def locate_value(article: Json | None, text: str, within: list[list[int]]) -> list[int] | None:
    """Where a conflict value is printed: its quantity's span, else the text inside the claim's
    evidence spans, else its first occurrence in the body."""
    if article is None or not text:
        return None
    quantity = quantity_for(article, text)
    if quantity is not None and quantity["text"] == text:
        return list(quantity["span"])
    source = article["text"]
    for start, end in within:
        found = source.find(text, start, end)
        if found >= 0:
            return [found, found + len(text)]
    body_start, body_end = article["body"]
    found = source.find(text, body_start, body_end)
    return [found, found + len(text)] if found >= 0 else None


def independent_note(claim: Json) -> str:
    n = claim["independent_sources"]
    return f"{n} independent source" + ("" if n == 1 else "s")
