"""Self-contained HTML rendering: each story's sources side by side, with what they say highlighted.

One file with inline CSS and a small inline script, no external resources, so it
opens offline from disk and can be mailed as is. A Content-Security-Policy pins
the page to exactly that style and script (by hash), which is a second line of
defence behind escaping every piece of article text.

Highlights are ``<mark>`` elements. Items that overlap without nesting (a quote
that starts inside one claim and ends in the next) are split into fragments that
share their link keys, so the markup always nests; the first fragment of an item
carries its id (for links from the tables) and, when the item has counterparts,
``tabindex`` so it can be reached from the keyboard.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from parallax.report.common import (
    Json,
    ReportView,
    copied,
    credited,
    format_interval,
    format_number,
    format_value,
    independent_note,
    kept_title,
    locate_value,
    source_location,
    unit_label,
    value_interval,
)

STATUS_CLASS = {
    "conflicting": "st-conflicting",
    "corroborated": "st-corroborated",
    "single_source": "st-single",
}
STATUS_LABEL = {
    "conflicting": "Conflicting claim",
    "corroborated": "Corroborated claim",
    "single_source": "Single-source claim",
}

# Nesting priority when two items start and end at the same places: lower is outer.
_CLAIM, _ALIGNED, _QUOTE, _QUANTITY, _DATE, _ENTITY = range(6)


def e(text: object) -> str:
    """Escape for HTML text and double-quoted attributes."""
    return escape(str(text), quote=True)


# --------------------------------------------------------------------------- marks


@dataclass(slots=True)
class Mark:
    """One highlighted item of an article (items with the same range are merged into one mark)."""

    start: int
    end: int
    priority: int
    classes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    anchor: str = ""

    def merge(self, priority: int, classes: list[str], note: str, links: list[str]) -> None:
        self.priority = min(self.priority, priority)
        self.classes += [c for c in classes if c not in self.classes]
        if note and note not in self.notes:
            self.notes.append(note)
        self.links += [k for k in links if k not in self.links]


class MarkSet:
    """The marks of one article column, keyed by range."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.by_range: dict[tuple[int, int], Mark] = {}

    def add(
        self, span: list[int] | None, priority: int, classes: list[str], note: str, links: Sequence[str] = ()
    ) -> None:
        if span is None or span[0] >= span[1]:
            return
        key = (span[0], span[1])
        mark = self.by_range.get(key)
        if mark is None:
            mark = self.by_range[key] = Mark(key[0], key[1], priority)
        mark.merge(priority, classes, note, list(links))

    def finish(self) -> None:
        """Give every mark a stable id, in text order."""
        for k, key in enumerate(sorted(self.by_range)):
            self.by_range[key].anchor = f"{self.prefix}-m{k + 1}"

    def anchor(self, span: list[int] | None) -> str | None:
        if span is None:
            return None
        mark = self.by_range.get((span[0], span[1]))
        return mark.anchor if mark else None

    def within(self, start: int, end: int) -> list[Mark]:
        return [m for m in self.by_range.values() if m.start < end and m.end > start]


@dataclass(slots=True)
class _Fragment:
    start: int
    end: int
    mark: Mark


def split_nested(marks: list[Mark], start: int, end: int) -> list[_Fragment]:
    """Clip marks to ``[start, end)`` and split crossing ones so that the fragments nest.

    Fragments come out sorted by (start, longest first, priority), the order a stack
    of open elements needs.
    """
    heap: list[tuple[int, int, int, int, Mark]] = []
    for seq, mark in enumerate(sorted(marks, key=lambda m: (m.start, -m.end, m.priority))):
        s, t = max(mark.start, start), min(mark.end, end)
        if s < t:
            heap.append((s, -t, mark.priority, seq, mark))
    heapq.heapify(heap)
    placed: list[_Fragment] = []
    while heap:
        s, neg_t, priority, seq, mark = heapq.heappop(heap)
        t = -neg_t
        cut = min((f.end for f in placed if f.start < s < f.end < t), default=None)
        if cut is not None:
            heapq.heappush(heap, (cut, -t, priority, seq, mark))
            t = cut
        placed.append(_Fragment(s, t, mark))
    return placed


def render_marked(text: str, start: int, end: int, marks: list[Mark], opened: set[str]) -> str:
    """``text[start:end]`` escaped, with the marks that touch it as nested ``<mark>`` elements."""
    out: list[str] = []
    pos = start
    stack: list[_Fragment] = []

    def close() -> None:
        nonlocal pos
        top = stack.pop()
        out.append(e(text[pos : top.end]))
        out.append("</mark>")
        pos = top.end

    for fragment in split_nested(marks, start, end):
        while stack and stack[-1].end <= fragment.start:
            close()
        out.append(e(text[pos : fragment.start]))
        pos = fragment.start
        out.append(_open_tag(fragment.mark, opened))
        stack.append(fragment)
    while stack:
        close()
    out.append(e(text[pos:end]))
    return "".join(out)


def _open_tag(mark: Mark, opened: set[str]) -> str:
    attrs = [f'class="{e(" ".join(mark.classes))}"']
    first = mark.anchor not in opened
    if first:
        opened.add(mark.anchor)
        attrs.insert(0, f'id="{e(mark.anchor)}"')
    if mark.links:
        attrs.append(f'data-links="{e(" ".join(mark.links))}"')
        if first:
            attrs.append('tabindex="0"')
    if mark.notes:
        attrs.append(f'title="{e("; ".join(mark.notes))}"')
    return "<mark " + " ".join(attrs) + ">"


# --------------------------------------------------------------------------- story context


@dataclass(slots=True)
class StoryLinks:
    """Link keys of one story: which items in different columns belong together."""

    number: int
    story: Json
    refs: dict[str, str]  # article id -> "A1", "A2", ...
    marks: dict[str, MarkSet] = field(default_factory=dict)


def _collect_marks(view: ReportView, article: Json, marks: MarkSet, ctx: StoryLinks | None) -> None:
    aid = article["id"]
    entity_links = _shared_entities(view, ctx)

    if ctx is not None:
        n = ctx.number
        story = ctx.story
        for i, claim in enumerate(story["claims"], 1):
            status = claim["status"]
            conflict = claim["conflict"]
            note = f"{STATUS_LABEL.get(status, status)}: {independent_note(claim)}"
            if conflict is not None:
                note = f"{STATUS_LABEL.get(status, status)} ({conflict['attribute']}): " + (
                    "the figures differ but their intervals overlap"
                    if conflict["compatible"]
                    else "the sources contradict each other"
                )
            evidence_spans = [ev["span"] for ev in claim["evidence"] if ev["article"] == aid]
            for span in evidence_spans:
                marks.add(span, _CLAIM, ["claim", STATUS_CLASS.get(status, "st-other")], note, [f"s{n}-c{i}"])
            if conflict is not None:
                for value in conflict["values"]:
                    if value["article"] != aid:
                        continue
                    span = locate_value(article, value["text"], evidence_spans)
                    shown = format_value(value["value"])
                    marks.add(
                        span,
                        _QUANTITY,
                        ["conflict-value"],
                        f"Conflict over {conflict['attribute']}: this source states {shown}",
                        [f"s{n}-v{i}"],
                    )
        for i, alignment in enumerate(story["alignments"], 1):
            for side, other in (("a", "b"), ("b", "a")):
                if alignment[side]["article"] == aid:
                    partner = ctx.refs.get(alignment[other]["article"], "?")
                    note = (
                        f"Aligned with {partner} {view.label(alignment[other]['article'])} "
                        f"({alignment['relation']}, score {format_number(alignment['score'])})"
                    )
                    marks.add(alignment[side]["span"], _ALIGNED, ["aligned"], note, [f"s{n}-l{i}"])
        for i, group in enumerate(story["quote_groups"], 1):
            for variant in group["variants"]:
                if variant["article"] == aid:
                    others = [v["article"] for v in group["variants"] if v["article"] != aid]
                    also = ", ".join(f"{ctx.refs.get(o, '?')} {view.label(o)}" for o in dict.fromkeys(others))
                    note = f"Quote of {group['speaker']}" + (f", also quoted by {also}" if also else "")
                    marks.add(variant["span"], _QUOTE, ["quote"], note, [f"s{n}-q{i}"])

    for credit in credited(article):
        kind = credit["kind"].replace("_", " ")
        marks.add(credit["span"], _ENTITY, ["credit"], f"Agency credit: {credit['agency']} ({kind})")
    for quote in article["quotes"]:
        speaker = quote["speaker"]
        who = speaker["name"] if speaker else "unknown speaker"
        marks.add(quote["span"], _QUOTE, ["quote", f"q-{quote['kind']}"], f"Quote ({quote['kind']}) — {who}")
        if speaker is not None and speaker["span"] is not None:
            marks.add(speaker["span"], _ENTITY, ["speaker"], f"Speaker: {speaker['name']}")
    for quantity in article["quantities"]:
        marks.add(quantity["span"], _QUANTITY, ["qty"], _quantity_note(quantity))
    for date in article["dates"]:
        value = date["value"] or "unresolved"
        note = f"Date: {value}" + (" (relative to the publication date)" if date["relative"] else "")
        marks.add(date["span"], _DATE, ["date"], note)
    for mention in article["entities"]:
        entity = view.entities.get(mention["entity"] or "")
        name = entity["name"] if entity else mention["text"]
        links = [entity_links[mention["entity"]]] if mention["entity"] in entity_links else []
        note = f"{mention['type']}: {name}" + ("" if mention["kind"] == "name" else f" ({mention['kind']})")
        marks.add(mention["span"], _ENTITY, ["ent", f"ent-{mention['type'].lower()}"], note, links)


def _shared_entities(view: ReportView, ctx: StoryLinks | None) -> dict[str, str]:
    """Link keys for entities that more than one article of the story mentions."""
    if ctx is None:
        return {}
    keys: dict[str, str] = {}
    order = {eid: k for k, eid in enumerate(view.entities, 1)}
    for item in view.story_entities(ctx.story):
        if item.articles > 1:
            eid = item.entity["id"]
            keys[eid] = f"s{ctx.number}-e{order[eid]}"
    return keys


def _quantity_note(quantity: Json) -> str:
    parts = [f"Quantity: {format_number(quantity['value'])}"]
    if quantity["unit"]:
        parts.append(unit_label(quantity["unit"]))
    if quantity["about"]:
        parts.append(f"of {quantity['about']}")
    interval = format_interval(quantity["low"], quantity["high"])
    if quantity["qualifier"]:
        interval += f", {quantity['qualifier'].replace('_', ' ')}"
    return " ".join(parts) + f" ({interval})"


# --------------------------------------------------------------------------- columns


def _lines(article: Json) -> list[tuple[int, int, list[Json]]]:
    """Body lines as (start, end, removed entries overlapping the line), blank lines skipped."""
    text = article["text"]
    body_start, body_end = article["body"]
    removed = article["removed"]
    out: list[tuple[int, int, list[Json]]] = []
    pos = body_start
    for line in text[body_start:body_end].splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        lead = len(stripped) - len(stripped.lstrip())
        content = stripped.strip()
        start = pos + lead
        end = start + len(content)
        pos += len(line)
        if content:
            hits = [r for r in removed if r["span"][0] < end and start < r["span"][1]]
            out.append((start, end, hits))
    return out


def _column(view: ReportView, article: Json, marks: MarkSet, ref: str, heading_id: str) -> str:
    text = article["text"]
    opened: set[str] = set()
    lang = f' lang="{e(article["language"])}"' if article["language"] else ""
    title_span = article["title_span"]
    body: list[str] = []
    pending: list[tuple[int, int, list[Json]]] = []

    def flush_removed() -> None:
        if not pending:
            return
        reasons = Counter(r["reason"] for _, _, hits in pending for r in hits)
        summary = ", ".join(r.replace("_", " ") for r in reasons)
        count = f"{len(pending)} removed line" + ("" if len(pending) == 1 else "s")
        items = "".join(
            f'<li><span class="reason">{e(", ".join(dict.fromkeys(r["reason"] for r in hits)))}</span> '
            f"{e(text[s:t])}</li>"
            for s, t, hits in pending
        )
        body.append(
            f'<details class="removed"><summary>{count} ({e(summary)})</summary><ul>{items}</ul></details>'
        )
        pending.clear()

    for start, end, hits in _lines(article):
        if hits:
            pending.append((start, end, hits))
            continue
        flush_removed()
        is_title = title_span is not None and title_span[0] < end and start < title_span[1]
        inner = render_marked(text, start, end, marks.within(start, end), opened)
        body.append(f'<p class="line{" headline" if is_title else ""}">{inner}</p>')
    flush_removed()

    return (
        f'<article class="source" aria-labelledby="{e(heading_id)}">'
        f"<header>{_column_header(view, article, ref, heading_id)}</header>"
        f'<div class="text"{lang}>{"".join(body)}</div>'
        "</article>"
    )


def _column_header(view: ReportView, article: Json, ref: str, heading_id: str) -> str:
    facts = [
        ("Language", e(article["language"] or "unknown")),
        ("Published", e(article["published"] or "unknown")),
        ("Source", _source_link(article)),
    ]
    if article["version"] != 1:
        facts.append(("Version", e(article["version"])))
    change = article["change"]
    if change is not None:
        headline = ", new headline" if change["title_changed"] else ""
        facts.append(
            (
                "Changed",
                f"since version {e(change['previous_version'])}: +{e(change['lines_added'])} / "
                f"−{e(change['lines_removed'])} lines{headline}",
            )
        )
    duplicate = article["duplicate_of"]
    if duplicate is not None:
        facts.append(
            (
                "Duplicate",
                f"{e(duplicate['kind'])} copy of {e(view.label(duplicate['article']))} "
                f"(similarity {duplicate['similarity']:.2f})",
            )
        )
    credit_items = [
        f'<li><span class="agency">{e(c["agency"])}</span> — {e(c["kind"].replace("_", " "))}: '
        f"<q>{e(c['text'])}</q></li>"
        for c in credited(article)
    ]
    for credit in copied(article):
        origin = credit["source_article"]
        where = e(view.label(origin)) if origin else "another article"
        credit_items.append(
            f'<li class="copied"><span class="agency">{e(credit["agency"])}</span> — '
            f"<strong>silently copied</strong> from {where}</li>"
        )
    credits = f"<ul>{''.join(credit_items)}</ul>" if credit_items else "none found"
    facts.append(("Agency credits", credits))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    ref_html = f'<span class="ref">{e(ref)}</span> ' if ref else ""
    return (
        f'<h3 id="{e(heading_id)}">{ref_html}{e(view.label(article["id"]))}</h3>'
        f'<p class="title">{e(kept_title(article))}</p><dl class="facts">{dl}</dl>'
    )


def _source_link(article: Json) -> str:
    location = source_location(article)
    if urlsplit(location).scheme in ("http", "https"):
        return f'<a href="{e(location)}" rel="noopener noreferrer">{e(location)}</a>'
    return f"<code>{e(location)}</code>"


# --------------------------------------------------------------------------- stories


def _story(view: ReportView, story: Json, number: int) -> str:
    ctx = StoryLinks(number, story, {aid: f"A{i}" for i, aid in enumerate(story["articles"], 1)})
    articles = view.story_articles(story)
    for article in articles:
        marks = MarkSet(f"s{number}-{ctx.refs[article['id']].lower()}")
        _collect_marks(view, article, marks, ctx)
        marks.finish()
        ctx.marks[article["id"]] = marks
    columns = "".join(
        _column(view, a, ctx.marks[a["id"]], ctx.refs[a["id"]], f"s{number}-{ctx.refs[a['id']].lower()}-h")
        for a in articles
    )
    outlets = len({view.label(a) for a in story["articles"]})
    missing = [a for a in story["articles"] if a not in view.articles]
    note = f'<p class="warning">Missing from this report: {e(", ".join(missing))}</p>' if missing else ""
    return (
        f'<section class="story" id="story-{number}" aria-labelledby="story-{number}-h">'
        f'<h2 id="story-{number}-h">{number}. {e(story["title"])}</h2>'
        f'<p class="meta">{e(story["date"] or "date unknown")} · {len(story["articles"])} articles · '
        f"{outlets} outlets</p>{note}"
        f"{_conflicts_table(view, ctx)}"
        f'<h3 class="columns-h">Sources side by side</h3>{_LEGEND}'
        f'<div class="columns">{columns}</div>'
        f"{_claims_section(view, ctx)}{_quotes_section(view, ctx)}{_entities_section(view, story)}"
        "</section>"
    )


def _anchor_link(ctx: StoryLinks, article_id: str, span: list[int] | None, text: str, links: str) -> str:
    marks = ctx.marks.get(article_id)
    anchor = marks.anchor(span) if marks else None
    if anchor is None:
        return e(text)
    return f'<a href="#{e(anchor)}" data-links="{e(links)}">{e(text)}</a>'


def _conflicts_table(view: ReportView, ctx: StoryLinks) -> str:
    rows: list[str] = []
    claims = [(i, c) for i, c in enumerate(ctx.story["claims"], 1) if c["conflict"] is not None]
    for i, claim in sorted(claims, key=lambda ic: ic[1]["conflict"]["compatible"]):
        conflict = claim["conflict"]
        values = conflict["values"]
        verdict = (
            '<span class="verdict compatible">compatible: the intervals overlap</span>'
            if conflict["compatible"]
            else '<span class="verdict contradiction">contradiction</span>'
        )
        for k, value in enumerate(values):
            aid = value["article"]
            article = view.article(aid)
            evidence = [ev["span"] for ev in claim["evidence"] if ev["article"] == aid]
            span = locate_value(article, value["text"], evidence)
            printed = _anchor_link(ctx, aid, span, value["text"], f"s{ctx.number}-v{i}")
            lead = ""
            if k == 0:
                rowspan = f' rowspan="{len(values)}"'
                lead = (
                    f'<th scope="rowgroup"{rowspan}>{e(conflict["attribute"])}</th>'
                    f'<td{rowspan} class="claim-text">{e(claim["text"])}</td>'
                )
            tail = f'<td rowspan="{len(values)}">{verdict}</td>' if k == 0 else ""
            rows.append(
                f"<tr>{lead}<td>{e(ctx.refs.get(aid, '?'))} {e(view.label(aid))}</td><td>{printed}</td>"
                f"<td>{e(format_value(value['value']))}</td>"
                f"<td>{e(value_interval(article, value))}</td>{tail}</tr>"
            )
    if not rows:
        return '<p class="no-conflicts">No conflicting figures were found between these sources.</p>'
    head = (
        "<thead><tr>"
        '<th scope="col">What</th><th scope="col">Claim</th><th scope="col">Source</th>'
        '<th scope="col">As printed</th><th scope="col">Value</th><th scope="col">Interval</th>'
        '<th scope="col">Verdict</th></tr></thead>'
    )
    return (
        '<div class="table-wrap"><table class="conflicts"><caption>Conflicts</caption>'
        f"{head}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _claims_section(view: ReportView, ctx: StoryLinks) -> str:
    corroborated: list[str] = []
    single: dict[str, list[str]] = {}
    order = {aid: i for i, aid in enumerate(ctx.refs)}
    for i, claim in enumerate(ctx.story["claims"], 1):
        if claim["conflict"] is not None:
            continue
        sources = ", ".join(
            _anchor_link(
                ctx, ev["article"], ev["span"], ctx.refs.get(ev["article"], "?"), f"s{ctx.number}-c{i}"
            )
            for ev in sorted(claim["evidence"], key=lambda ev: order.get(ev["article"], len(order)))
        )
        item = f'<li>{e(claim["text"])} <span class="sources">({sources})</span>'
        if claim["status"] == "corroborated":
            corroborated.append(f"{item} — <strong>{independent_note(claim)}</strong></li>")
        elif claim["status"] == "single_source":
            outlet = view.label(claim["evidence"][0]["article"]) if claim["evidence"] else "unknown"
            single.setdefault(outlet, []).append(f"{item}</li>")
    parts: list[str] = []
    if corroborated:
        parts.append(f'<h4>Corroborated</h4><ul class="st-list">{"".join(corroborated)}</ul>')
    if single:
        groups = "".join(
            f"<h5>{e(outlet)}</h5><ul>{''.join(single[outlet])}</ul>"
            for outlet in sorted(single, key=str.casefold)
        )
        parts.append(f"<h4>Single-source</h4>{groups}")
    if not parts:
        return ""
    return f'<section class="claims" aria-label="Claims"><h3>Claims</h3>{"".join(parts)}</section>'


def _quotes_section(view: ReportView, ctx: StoryLinks) -> str:
    groups: list[str] = []
    for i, group in enumerate(ctx.story["quote_groups"], 1):
        rows = "".join(
            f"<tr><td>{e(ctx.refs.get(v['article'], '?'))} {e(view.label(v['article']))}</td>"
            f"<td><q>{_anchor_link(ctx, v['article'], v['span'], v['text'], f's{ctx.number}-q{i}')}</q>"
            "</td></tr>"
            for v in group["variants"]
        )
        groups.append(
            f'<table class="quote-group"><caption>{e(group["speaker"])}</caption>'
            f'<thead><tr><th scope="col">Source</th><th scope="col">As quoted</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if not groups:
        return ""
    return f'<section class="quotes" aria-label="Quotes"><h3>Quotes</h3>{"".join(groups)}</section>'


def _entities_section(view: ReportView, story: Json) -> str:
    found = view.story_entities(story)
    if not found:
        return ""
    rows = "".join(
        f"<tr><td>{e(s.entity['name'])}</td><td>{e(s.entity['type'])}</td><td>{s.articles}</td>"
        f"<td>{s.mentions}</td><td>{e(', '.join(a for a in s.entity['aliases'] if a != s.entity['name']))}"
        "</td></tr>"
        for s in found
    )
    return (
        f'<details class="entities"><summary>Entities ({len(found)})</summary>'
        '<table><thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col">Articles</th>'
        '<th scope="col">Mentions</th><th scope="col">Also named</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


# --------------------------------------------------------------------------- page


def _loose(view: ReportView) -> str:
    loose = view.articles_without_story()
    if not loose:
        return ""
    columns = []
    for k, article in enumerate(loose, 1):
        marks = MarkSet(f"x-a{k}")
        _collect_marks(view, article, marks, None)
        marks.finish()
        columns.append(_column(view, article, marks, "", f"x-a{k}-h"))
    return (
        '<section class="story" id="unassigned" aria-labelledby="unassigned-h">'
        '<h2 id="unassigned-h">Articles not in any story</h2>'
        f'<div class="columns">{"".join(columns)}</div></section>'
    )


def _rejected(report: Json) -> str:
    if not report["rejected"]:
        return ""
    rows = "".join(
        f"<tr><td><code>{e(r['input'])}</code></td><td>{e(r['reason'])}</td></tr>" for r in report["rejected"]
    )
    return (
        '<section id="rejected" aria-labelledby="rejected-h"><h2 id="rejected-h">Rejected inputs</h2>'
        '<div class="table-wrap"><table><thead><tr><th scope="col">Input</th>'
        '<th scope="col">Reason</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _summary(view: ReportView) -> str:
    report = view.report
    articles = report["articles"]
    outlets = sorted({view.label(a["id"]) for a in articles}, key=str.casefold)
    languages = Counter(a["language"] or "unknown" for a in articles)
    facts = [
        ("Articles", str(len(articles))),
        ("Outlets", f"{len(outlets)}" + (f" — {', '.join(outlets)}" if outlets else "")),
        ("Languages", ", ".join(f"{lang} ({n})" for lang, n in sorted(languages.items())) or "none"),
        ("Stories", str(len(report["stories"]))),
        ("Rejected inputs", str(len(report["rejected"]))),
    ]
    dl = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts)
    nav_items = []
    for n, story in enumerate(report["stories"], 1):
        conflicts = sum(1 for c in story["claims"] if c["conflict"] is not None)
        nav_items.append(
            f'<li><a href="#story-{n}">{e(story["title"])}</a> '
            f'<span class="meta">({e(story["date"] or "date unknown")}, {len(story["articles"])} articles, '
            f"{conflicts} conflict{'' if conflicts == 1 else 's'})</span></li>"
        )
    nav = (
        f'<nav aria-label="Stories"><h2>Stories</h2><ol>{"".join(nav_items)}</ol></nav>' if nav_items else ""
    )
    return f'<section aria-label="Summary"><dl class="summary">{dl}</dl></section>{nav}'


def render_html(report: Json) -> str:
    view = ReportView(report)
    stories = "".join(_story(view, s, n) for n, s in enumerate(report["stories"], 1))
    generator = report["generator"]
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha256(_CSS)}'; script-src '{_sha256(_SCRIPT)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'  # constant, no user data
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{e(generator["name"])} {e(generator["version"])}">'
        "<title>Parallax report</title>"
        f"<style>{_CSS}</style></head><body>"
        '<a class="skip" href="#main">Skip to the stories</a>'
        f'<header><h1>Parallax report</h1><p class="meta">{e(report["schema"])} · generated by '
        f"{e(generator['name'])} {e(generator['version'])}</p></header>"
        f'<main id="main">{_summary(view)}{stories}{_loose(view)}{_rejected(report)}</main>'
        '<div id="inspector" class="inspector" role="status" aria-live="polite" hidden></div>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


_LEGEND = (
    '<ul class="legend" aria-label="Legend">'
    '<li><mark class="claim st-conflicting">conflicting claim</mark></li>'
    '<li><mark class="claim st-corroborated">corroborated claim</mark></li>'
    '<li><mark class="claim st-single">single-source claim</mark></li>'
    '<li><mark class="conflict-value">value in conflict</mark></li>'
    '<li><mark class="quote">quote</mark></li>'
    '<li><mark class="qty">quantity</mark></li>'
    '<li><mark class="date">date</mark></li>'
    '<li><mark class="credit">agency credit</mark></li>'
    '<li><mark class="ent ent-per">person</mark> <mark class="ent ent-org">organisation</mark> '
    '<mark class="ent ent-loc">place</mark> <mark class="ent ent-misc">other name</mark></li>'
    "</ul>"
    '<p class="hint">Hover over or tab to a highlighted passage to light up its counterparts in the other '
    "columns; press Enter to jump to the next one, Escape to clear.</p>"
)

_CSS = """
:root{--ink:#1a1a1a;--muted:#4d4d4d;--line:#c9c9c9;--bg:#fff;--panel:#f5f5f3;
--conf:#ffd7d5;--conf-ink:#a1221a;--corr:#d3efd9;--corr-ink:#1d6532;--single:#fdefc3;--single-ink:#7a4f00;
--focus:#1a4fd6}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);
background:var(--bg)}
header,main{padding:0 1rem}
h1{margin:.8rem 0 .2rem}
h2{border-top:3px solid var(--ink);padding-top:.6rem;margin-top:2rem}
.meta,.hint{color:var(--muted);margin:.2rem 0}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.4rem;z-index:10}
a{color:#0b4fa8}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.summary dt,dl.facts dt{font-weight:600}
dl.summary dd,dl.facts dd{margin:0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;margin:.6rem 0}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
.verdict.contradiction{color:var(--conf-ink);font-weight:700}
.verdict.compatible{color:var(--single-ink);font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.4rem 0}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(19rem,1fr);gap:1rem;overflow-x:auto;
padding-bottom:.5rem}
.source{border:1px solid var(--line);border-radius:6px;background:var(--bg);min-width:0}
.source header{background:var(--panel);padding:.5rem .75rem;border-bottom:1px solid var(--line)}
.source h3{margin:.1rem 0}
.source .title{font-weight:600;margin:.2rem 0}
.ref{display:inline-block;background:var(--ink);color:#fff;border-radius:3px;padding:0 .35rem;font-size:.85em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 .6rem;font-size:.9em;margin:.3rem 0}
dl.facts ul{margin:0;padding-left:1rem}
dl.facts a{overflow-wrap:anywhere}
.copied strong{color:var(--conf-ink)}
.text{padding:.25rem .75rem .75rem}
.line{margin:.5rem 0}
.line.headline{font-size:1.15em;font-weight:700}
details.removed{color:var(--muted);background:var(--panel);border-left:3px solid var(--line);margin:.4rem 0;
padding:.1rem .5rem;font-size:.9em}
details.removed ul{margin:.2rem 0;padding-left:1rem}
.reason{font-variant:small-caps;font-weight:600}
mark{background:transparent;color:inherit;border-radius:2px}
mark.claim{padding:.05em 0;text-decoration-thickness:2px;text-underline-offset:3px}
mark.st-conflicting{background:var(--conf);text-decoration:underline wavy var(--conf-ink)}
mark.st-corroborated{background:var(--corr);text-decoration:underline double var(--corr-ink)}
mark.st-single{background:var(--single);text-decoration:underline dashed var(--single-ink)}
mark.aligned{box-shadow:inset 3px 0 0 #6b6b6b}
mark.quote{background:#ece6fb;border-bottom:2px solid #5b3fb0}
mark.qty{outline:1.5px solid #0b5cad;outline-offset:-1px;font-weight:600}
mark.conflict-value{outline:2px solid var(--conf-ink);outline-offset:0;font-weight:700}
mark.date{border-bottom:2px dotted #0b6e6e}
mark.credit{background:#ececec;border-bottom:1px dashed #555}
mark.ent{border-bottom:2px solid #777}
mark.ent-per{border-bottom-color:#8a3b00}
mark.ent-org{border-bottom-color:#00629b}
mark.ent-loc{border-bottom-color:#2f6b00}
mark.ent-misc{border-bottom-color:#6b3fa0}
mark[tabindex]{cursor:pointer}
mark.linked,a.linked{background:#ffe066;box-shadow:0 0 0 2px #5c4400}
mark.active,a.active{box-shadow:0 0 0 3px #000}
mark:target{box-shadow:0 0 0 3px var(--focus)}
.claims,.quotes{margin-top:1rem}
.quote-group{width:100%}
.inspector{position:sticky;bottom:0;background:var(--ink);color:#fff;padding:.5rem 1rem;margin:0}
.warning{color:var(--conf-ink)}
@media (max-width:48rem){.columns{grid-auto-flow:row;grid-auto-columns:auto;overflow-x:visible}
dl.summary{grid-template-columns:1fr}}
@media print{.columns{grid-auto-flow:row}.inspector,.hint,.skip{display:none}}
"""

_SCRIPT = """
(function () {
  "use strict";
  var groups = {};
  document.querySelectorAll("[data-links]").forEach(function (el) {
    el.getAttribute("data-links").split(" ").forEach(function (key) {
      (groups[key] = groups[key] || []).push(el);
    });
  });
  var inspector = document.getElementById("inspector");
  var lit = [];
  function clear() {
    lit.forEach(function (el) { el.classList.remove("linked", "active"); });
    lit = [];
    inspector.textContent = "";
    inspector.hidden = true;
  }
  function counterparts(el) {
    var found = [];
    (el.getAttribute("data-links") || "").split(" ").forEach(function (key) {
      (groups[key] || []).forEach(function (other) {
        if (other !== el && found.indexOf(other) < 0) { found.push(other); }
      });
    });
    return found;
  }
  function show(el) {
    clear();
    el.classList.add("active");
    lit.push(el);
    counterparts(el).forEach(function (other) { other.classList.add("linked"); lit.push(other); });
    var note = el.getAttribute("title");
    if (note) { inspector.textContent = note; inspector.hidden = false; }
  }
  function target(event) {
    return event.target.closest ? event.target.closest("mark[title], a[data-links]") : null;
  }
  document.addEventListener("mouseover", function (event) { var el = target(event); if (el) { show(el); } });
  document.addEventListener("focusin", function (event) { var el = target(event); if (el) { show(el); } });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); return; }
    var el = target(event);
    if (!el || el.tagName !== "MARK" || event.key !== "Enter") { return; }
    var ring = [el].concat(counterparts(el)).filter(function (x) { return x.hasAttribute("tabindex"); });
    ring.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    if (ring.length < 2) { return; }
    var next = ring[(ring.indexOf(el) + 1) % ring.length];
    event.preventDefault();
    next.focus();
    next.scrollIntoView({block: "nearest", inline: "nearest"});
  });
})();
"""
