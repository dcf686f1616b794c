"""Build the JSON report (``parallax.report/1``) from an analysed batch, and read it back.

The report is a published contract, so every object is shaped here field by
field rather than dumped wholesale: a field added to the domain model does not
leak into the report until it is documented, key order is fixed, and lists with
no meaningful order of their own (aliases, per-article items) are put in a
canonical order so that the same batch always gives byte-identical JSON, even
when an upstream stage filled them from a set.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

from parallax import __version__
from parallax.model import (
    Alignment,
    Article,
    Batch,
    Claim,
    Conflict,
    Credit,
    DateExpression,
    Entity,
    EntityMention,
    Quantity,
    Quote,
    QuoteGroup,
    RemovedLine,
    Sentence,
    Span,
    SpanRef,
    Story,
    from_dict,
    to_dict,
)

SCHEMA_NAME = "parallax.report/1"
GENERATOR_NAME = "parallax"

#: Alignment scores are rounded so the report stays readable and stable across float noise.
SCORE_DIGITS = 4


def build_report(batch: Batch) -> dict[str, Any]:
    """The JSON report of ``batch``: plain data, ready for ``json.dumps`` and :func:`validate`."""
    order = {article.id: i for i, article in enumerate(batch.articles)}
    return {
        "schema": SCHEMA_NAME,
        "generator": {"name": GENERATOR_NAME, "version": __version__},
        "articles": [_article(a) for a in batch.articles],
        "entities": [_entity(e, order) for e in batch.entities],
        "stories": [_story(s, order) for s in batch.stories],
        "rejected": [{"input": r.input, "reason": r.reason} for r in batch.rejected],
    }


def batch_from_report(report: dict[str, Any]) -> Batch:
    """Read a report back into the domain model (e.g. to re-render or re-compare it).

    ``build_report(batch_from_report(r)) == r`` for any report this module built.
    """
    return from_dict(Batch, {k: report[k] for k in ("articles", "entities", "stories", "rejected")})


# --------------------------------------------------------------------------- articles


def _article(article: Article) -> dict[str, Any]:
    body = article.body or Span(0, len(article.text))
    return {
        "id": article.id,
        "source": _source(article),
        "outlet": article.outlet,
        "title": article.title,
        "language": article.language,
        "published": article.published,
        "version": article.version,
        "content_hash": article.content_hash,
        "text": article.text,
        "body": to_dict(body),
        "title_span": _span(article.title_span),
        "credits": [_credit(c) for c in _credits_in_order(article.credits)],
        "removed": [_removed(r) for r in _in_text_order(article.removed)],
        "sentences": [_sentence(s) for s in _in_text_order(article.sentences)],
        "entities": [_mention(m) for m in _in_text_order(article.entities)],
        "quotes": [_quote(q) for q in _in_text_order(article.quotes)],
        "quantities": [_quantity(q) for q in _in_text_order(article.quantities)],
        "dates": [_date(d) for d in _in_text_order(article.dates)],
        "duplicate_of": to_dict(article.duplicate_of),
        "change": to_dict(article.change),
    }


def _source(article: Article) -> dict[str, str]:
    source: dict[str, str] = {}
    if article.source.path:
        source["path"] = article.source.path
    if article.source.url:
        source["url"] = article.source.url
    if not source:  # the model promises one of them; keep the report valid and honest
        source["path"] = "-"
    return source


def _credit(credit: Credit) -> dict[str, Any]:
    return {
        "agency": credit.agency,
        "kind": credit.kind,
        "text": credit.text,
        "span": _span(credit.span),
        "source_article": credit.source_article,
    }


def _removed(line: RemovedLine) -> dict[str, Any]:
    return {"text": line.text, "reason": line.reason, "span": to_dict(line.span)}


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {"id": sentence.id, "text": sentence.text, "span": to_dict(sentence.span)}


def _mention(mention: EntityMention) -> dict[str, Any]:
    return {
        "text": mention.text,
        "type": mention.type,
        "span": to_dict(mention.span),
        "entity": mention.entity,
        "kind": mention.kind,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "text": quote.text,
        "span": to_dict(quote.span),
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": None
        if speaker is None
        else {"name": speaker.name, "entity": speaker.entity, "span": _span(speaker.span)},
    }


def _quantity(quantity: Quantity) -> dict[str, Any]:
    return {
        "text": quantity.text,
        "span": to_dict(quantity.span),
        "value": _number(quantity.value),
        "low": _number(quantity.low),
        "high": _number(quantity.high),
        "unit": quantity.unit,
        "qualifier": quantity.qualifier,
        "about": quantity.about,
    }


def _date(date: DateExpression) -> dict[str, Any]:
    return {"text": date.text, "span": to_dict(date.span), "value": date.value, "relative": date.relative}


# --------------------------------------------------------------------------- corpus


def _entity(entity: Entity, order: dict[str, int]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": sorted(set(entity.aliases), key=lambda a: (a.casefold(), a)),
        "articles": _in_report_order(entity.articles, order),
        "kb_id": entity.kb_id,
    }


def _story(story: Story, order: dict[str, int]) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "date": story.date,
        "articles": _in_report_order(story.articles, order),
        "claims": [_claim(c) for c in story.claims],
        "quote_groups": [_quote_group(g) for g in story.quote_groups],
        "alignments": [_alignment(a) for a in story.alignments],
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "text": claim.text,
        "status": claim.status,
        "independent_sources": claim.independent_sources,
        "evidence": [{"article": e.article, "span": to_dict(e.span), "text": e.text} for e in claim.evidence],
        "conflict": None if claim.conflict is None else _conflict(claim.conflict),
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return {
        "attribute": conflict.attribute,
        "values": [
            {"article": v.article, "text": v.text, "value": _conflict_value(v.value)} for v in conflict.values
        ],
        "compatible": conflict.compatible,
    }


def _conflict_value(value: Any) -> Any:
    if isinstance(value, Span):
        return to_dict(value)
    if isinstance(value, (list, tuple)):
        return [_number(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else x for x in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value)
    return to_dict(value)


def _quote_group(group: QuoteGroup) -> dict[str, Any]:
    return {
        "speaker": group.speaker,
        "entity": group.entity,
        "variants": [{"article": v.article, "text": v.text, "span": to_dict(v.span)} for v in group.variants],
    }


def _alignment(alignment: Alignment) -> dict[str, Any]:
    return {
        "a": _span_ref(alignment.a),
        "b": _span_ref(alignment.b),
        "relation": alignment.relation,
        "score": round(float(alignment.score), SCORE_DIGITS),
    }


def _span_ref(ref: SpanRef) -> dict[str, Any]:
    return {"article": ref.article, "span": to_dict(ref.span)}


# --------------------------------------------------------------------------- helpers


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _number(x: float | None) -> int | float | None:
    """JSON-safe number: non-finite becomes null (an open bound), integral floats print as integers."""
    if x is None:
        return None
    value = float(x)
    if not math.isfinite(value):
        return None
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class _Spanned(Protocol):
    @property
    def span(self) -> Span: ...


_S = TypeVar("_S", bound=_Spanned)


def _in_text_order(items: Iterable[_S]) -> list[_S]:
    return sorted(items, key=lambda item: (item.span.start, item.span.end))


def _credits_in_order(credits: Iterable[Credit]) -> list[Credit]:
    def key(credit: Credit) -> tuple[bool, int, int]:
        span = credit.span
        return (span is None, span.start if span else 0, span.end if span else 0)

    return sorted(credits, key=key)


def _in_report_order(ids: Sequence[str], order: dict[str, int]) -> list[str]:
    unique = list(dict.fromkeys(ids))
    return sorted(unique, key=lambda i: (order.get(i, len(order)), i if i not in order else ""))
