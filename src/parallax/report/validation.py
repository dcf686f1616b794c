"""The published JSON Schema of the report, validation against it, and consistency checks.

Schema validation says whether a report has the promised shape; :func:`problems`
checks what a schema cannot: that every span resolves in its article's text to
the item's text and that every id a report refers to exists in it.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

SCHEMA_FILE = "parallax.report-1.schema.json"

#: How many schema violations an error message lists before summarising the rest.
MAX_LISTED = 20
_MAX_MESSAGE = 240


class ReportSchemaError(ValueError):
    """A report that does not match ``parallax.report/1``; ``problems`` lists each violation."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listed = problems[:MAX_LISTED]
        more = len(problems) - len(listed)
        lines = [f"report does not match schema parallax.report/1 ({len(problems)} problem(s)):"]
        lines += [f"  - {p}" for p in listed]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


@functools.cache
def _schema() -> dict[str, Any]:
    text = (resources.files("parallax.report") / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(_schema())


def schema() -> dict[str, Any]:
    """The published schema (a copy: callers may change it freely)."""
    return copy.deepcopy(_schema())


def validate(report: dict[str, Any]) -> None:
    """Raise :class:`ReportSchemaError` unless ``report`` matches the schema."""
    errors = sorted(_validator().iter_errors(report), key=lambda e: _path_key(list(e.absolute_path)))
    if errors:
        raise ReportSchemaError([_describe(e, report) for e in errors])


def _path_key(path: list[str | int]) -> list[tuple[int, int, str]]:
    return [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in path]


def _describe(error: ValidationError, report: Any) -> str:
    # oneOf(X, null) failures say only "is not valid under any of the given schemas": show why X failed
    while error.validator in ("oneOf", "anyOf") and error.context:
        relevant = [e for e in error.context if e.validator != "type" or e.validator_value != "null"]
        chosen = best_match(relevant or error.context)
        if chosen is None:
            break
        error = chosen
    message = error.message
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    return f"at {_where(list(error.absolute_path), report)}: {message}"


def _where(path: list[str | int], report: Any) -> str:
    """A JSONPath-like location, naming the article or story an index points to."""
    out = "$"
    node = report
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str) and out.count("[") == 1:
                out += f"(id={node['id']})"
        else:
            out += f".{part}" if part.isidentifier() else f"[{part!r}]"
            node = node.get(part) if isinstance(node, dict) else None
    return out


# --------------------------------------------------------------------------- consistency


def problems(report: dict[str, Any]) -> list[str]:
    """Consistency problems of a schema-valid report; empty when every span and reference resolves."""
    return list(_problems(report))


def _problems(report: dict[str, Any]) -> Iterator[str]:
    texts: dict[str, str] = {}
    for article in report["articles"]:
        aid = article["id"]
        if aid in texts:
            yield f"article {aid}: duplicate id"
        text = article["text"]
        texts[aid] = text
        yield from _check_span(aid, "body", article["body"], text, None)
        if article["title_span"] is not None:
            yield from _check_span(aid, "title_span", article["title_span"], text, None)
        for field in ("removed", "sentences", "entities", "quotes", "quantities", "dates"):
            for i, item in enumerate(article[field]):
                yield from _check_span(aid, f"{field}[{i}]", item["span"], text, item["text"])
        for i, credit in enumerate(article["credits"]):
            if credit["span"] is not None:
                yield from _check_span(aid, f"credits[{i}]", credit["span"], text, credit["text"])
        for i, quote in enumerate(article["quotes"]):
            speaker = quote["speaker"]
            if speaker is not None and speaker["span"] is not None:
                yield from _check_span(aid, f"quotes[{i}].speaker", speaker["span"], text, None)

    entity_ids = {e["id"] for e in report["entities"]}
    for article in report["articles"]:
        for i, mention in enumerate(article["entities"]):
            if mention["entity"] is not None and mention["entity"] not in entity_ids:
                yield f"article {article['id']}: entities[{i}] refers to unknown entity {mention['entity']!r}"
        for credit in article["credits"]:
            if credit["source_article"] is not None and credit["source_article"] not in texts:
                origin = credit["source_article"]
                yield f"article {article['id']}: credit copied from unknown article {origin!r}"
        duplicate = article["duplicate_of"]
        if duplicate is not None and duplicate["article"] not in texts:
            yield f"article {article['id']}: duplicate of unknown article {duplicate['article']!r}"
    for entity in report["entities"]:
        for aid in entity["articles"]:
            if aid not in texts:
                yield f"entity {entity['id']}: unknown article {aid!r}"

    for story in report["stories"]:
        yield from _story_problems(story, texts)


def _story_problems(story: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    sid = story["id"]
    members = set(story["articles"])
    for aid in story["articles"]:
        if aid not in texts:
            yield f"story {sid}: unknown article {aid!r}"

    def ref(where: str, aid: str, span: list[int], expected: str | None) -> Iterator[str]:
        if aid not in texts:
            yield f"story {sid}: {where} refers to unknown article {aid!r}"
        elif aid not in members:
            yield f"story {sid}: {where} refers to article {aid} outside the story"
        else:
            yield from _check_span(aid, f"story {sid} {where}", span, texts[aid], expected)

    for claim in story["claims"]:
        for i, evidence in enumerate(claim["evidence"]):
            where = f"claim {claim['id']} evidence[{i}]"
            yield from ref(where, evidence["article"], evidence["span"], evidence["text"])
        conflict = claim["conflict"]
        if conflict is not None:
            for value in conflict["values"]:
                if value["article"] not in members:
                    where = f"claim {claim['id']} conflict value"
                    yield f"story {sid}: {where} comes from article {value['article']!r} outside the story"
    for g, group in enumerate(story["quote_groups"]):
        for i, variant in enumerate(group["variants"]):
            yield from ref(
                f"quote_groups[{g}].variants[{i}]", variant["article"], variant["span"], variant["text"]
            )
    for i, alignment in enumerate(story["alignments"]):
        for side in ("a", "b"):
            end = alignment[side]
            yield from ref(f"alignments[{i}].{side}", end["article"], end["span"], None)


def _check_span(aid: str, where: str, span: list[int], text: str, expected: str | None) -> Iterator[str]:
    start, end = span
    if not 0 <= start <= end <= len(text):
        yield f"article {aid}: {where} span [{start}, {end}] is outside the text (length {len(text)})"
    elif expected is not None and text[start:end] != expected:
        yield f"article {aid}: {where} span [{start}, {end}] reads {text[start:end]!r}, not {expected!r}"
