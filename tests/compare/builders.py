"""Hand-built articles for the stories and compare tests.

Upstream stages are written in parallel, so these tests build the annotations
they read by hand: sentences are placed one per line under the headline and
every annotation is located by its text, so spans are always exact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from parallax.model import (
    Article,
    Credit,
    DateExpression,
    EntityMention,
    Quantity,
    Quote,
    Sentence,
    Source,
    Span,
    Speaker,
)


@dataclass
class Q:
    """A quantity to place: ``text`` as printed plus its reading."""

    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    about: str | None = None

    def interval(self) -> tuple[float | None, float | None]:
        if self.low is None and self.high is None and self.qualifier is None:
            return self.value, self.value
        return self.low, self.high


@dataclass
class QuoteSpec:
    text: str
    speaker: str | None
    entity: str | None = None
    kind: str = "direct"
    cue: str | None = "disse"


@dataclass
class CreditSpec:
    agency: str
    kind: str
    text: str


def _find(text: str, needle: str, used: set[int], start: int = 0) -> Span:
    pos = text.find(needle, start)
    while pos >= 0 and pos in used:
        pos = text.find(needle, pos + 1)
    if pos < 0:
        raise ValueError(f"{needle!r} not found in the article text")
    used.add(pos)
    return Span(pos, pos + len(needle))


def article(
    id: str,
    sentences: Sequence[str],
    *,
    title: str | None = None,
    language: str = "pt",
    outlet: str | None = None,
    published: str | None = "2025-03-14T10:00:00-03:00",
    entities: Iterable[tuple[str, str, str | None]] = (),
    quantities: Iterable[Q] = (),
    dates: Iterable[tuple[str, str]] = (),
    quotes: Iterable[QuoteSpec] = (),
    credits: Iterable[CreditSpec] = (),
    preamble: Sequence[str] = (),
    paragraphs: Sequence[int] | None = None,
) -> Article:
    """An article: optional preamble lines (bylines, datelines), headline, one sentence per line.

    ``entities`` are (text, type, merged id) and mark every occurrence; quantities,
    dates, quotes and credits mark the first not yet used occurrence of their text.
    ``paragraphs`` gives how many sentences each body line holds (joined by a space), one by default.
    """
    counts = list(paragraphs) if paragraphs is not None else [1] * len(sentences)
    if sum(counts) != len(sentences):
        raise ValueError("paragraphs must add up to the number of sentences")
    body_lines: list[str] = []
    taken = 0
    for n in counts:
        body_lines.append(" ".join(sentences[taken : taken + n]))
        taken += n
    if title is None and counts and counts[0] != 1:
        raise ValueError("without a title the first sentence is the headline line: it must stand alone")
    head = title if title is not None else sentences[0]
    lines = [*preamble, head, *body_lines] if title is not None else [*preamble, *body_lines]
    text = "\n".join(lines) + "\n"
    body_start = sum(len(line) + 1 for line in preamble)
    title_start = body_start
    title_span = Span(title_start, title_start + len(head)) if title is not None else None
    sents: list[Sentence] = []
    pos = body_start + (len(head) + 1 if title is not None else 0)
    taken = 0
    for n in counts:
        for k in range(n):
            s = sentences[taken + k]
            sents.append(Sentence(f"s{taken + k + 1}", s, Span(pos, pos + len(s))))
            pos += len(s) + 1  # the space to the next sentence of the line, or the line break
        taken += n

    mentions: list[EntityMention] = []
    for surface, type_, entity_id in entities:
        start = text.find(surface)
        if start < 0:
            raise ValueError(f"{surface!r} not found")
        while start >= 0:
            mentions.append(EntityMention(surface, type_, Span(start, start + len(surface)), entity_id))  # type: ignore[arg-type]
            start = text.find(surface, start + 1)
    used: set[int] = set()
    qs = []
    for q in quantities:
        span = _find(text, q.text, used)
        low, high = q.interval()
        qs.append(Quantity(q.text, span, q.value, low, high, q.unit, q.qualifier, q.about))
    used = set()
    ds = [DateExpression(t, _find(text, t, used), v) for t, v in dates]
    used = set()
    qt = []
    for spec in quotes:
        span = _find(text, spec.text, used)
        speaker = None
        if spec.speaker:
            speaker = Speaker(spec.speaker, spec.entity)
        qt.append(Quote(spec.text, span, spec.kind, spec.cue, speaker))  # type: ignore[arg-type]
    used = set()
    cr = [Credit(c.agency, c.kind, c.text, _find(text, c.text, used)) for c in credits]  # type: ignore[arg-type]
    digest = hashlib.sha256(text.encode()).hexdigest()
    art = Article(
        id=id,
        source=Source(path=f"{id}.txt"),
        text=text,
        content_hash=digest,
        outlet=outlet,
        title=head,
        title_span=title_span,
        language=language,
        published=published,
        body=Span(0, len(text)),
        credits=cr,
        sentences=sents,
        entities=sorted(mentions, key=lambda m: m.span),
        quotes=sorted(qt, key=lambda q: q.span),
        quantities=sorted(qs, key=lambda q: q.span),
        dates=sorted(ds, key=lambda d: d.span),
    )
    check_spans(art)
    return art


def check_spans(art: Article) -> None:
    items: list[Any] = [*art.sentences, *art.entities, *art.quotes, *art.quantities, *art.dates, *art.credits]
    for item in items:
        if item.span is not None:
            assert art.at(item.span) == item.text, (item.text, art.at(item.span))
