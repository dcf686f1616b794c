from __future__ import annotations

import copy
import dataclasses
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, get_args

import pytest

from parallax.model import (
    Batch,
    ClaimStatus,
    Credit,
    CreditKind,
    EntityType,
    Quantity,
    QuoteKind,
    Relation,
    Span,
)
from parallax.report import (
    FORMATS,
    ReportSchemaError,
    batch_from_report,
    build_report,
    problems,
    render,
    schema,
    validate,
)


def test_top_level_shape_and_order(report: dict[str, Any]) -> None:
    assert list(report) == ["schema", "generator", "articles", "entities", "stories", "rejected"]
    assert report["schema"] == "parallax.report/1"
    assert report["generator"]["name"] == "parallax"
    assert report["rejected"] == [
        {"input": "examples/vazio.txt", "reason": "empty input: no text after decoding"}
    ]


def test_article_fields(report: dict[str, Any], batch: Batch) -> None:
    serra, litoral = report["articles"]
    assert list(serra) == [
        "id", "source", "outlet", "title", "language", "published", "version", "content_hash",
        "text", "body", "title_span", "credits", "removed", "sentences", "entities", "quotes",
        "quantities", "dates", "duplicate_of", "change",
    ]  # fmt: skip
    assert serra["source"] == {
        "path": "examples/serra-incendio.txt",
        "url": "https://www.jornaldaserra.com.br/cidades/2025/03/14/incendio-deposito",
    }
    assert litoral["source"] == {"path": "examples/litoral-incendio.txt"}  # only the key that is set
    assert serra["text"] == batch.articles[0].text
    assert serra["body"] == [serra["text"].index("Menu"), len(serra["text"])]
    assert [r["reason"] for r in serra["removed"]] == ["navigation", "share_prompt", "teaser"]
    quote = serra["quotes"][0]
    assert quote["speaker"]["name"] == "Helena Duarte"
    assert quote["text"].startswith("Estamos") and "“" not in quote["text"]
    # integral floats print as integers; open bounds are null
    assert serra["quantities"][0] == {
        "text": "pelo menos 12 mortos",
        "span": serra["quantities"][0]["span"],
        "value": 12,
        "low": 12,
        "high": None,
        "unit": None,
        "qualifier": "at_least",
        "about": "morto",
    }
    assert litoral["quantities"][2]["low"] == 1.8


def test_story_fields(report: dict[str, Any]) -> None:
    (story,) = report["stories"]
    assert [c["status"] for c in story["claims"]] == [
        "conflicting",
        "conflicting",
        "corroborated",
        "single_source",
    ]
    conflict = story["claims"][0]["conflict"]
    assert conflict["values"][0]["value"] == [12, None]
    assert conflict["values"][1]["value"] == 15
    assert story["claims"][2]["conflict"] is None
    assert story["alignments"][0]["score"] == 0.7123  # rounded to 4 places
    assert list(story["quote_groups"][0]) == ["speaker", "entity", "variants"]


def test_entity_lists_are_canonical(report: dict[str, Any], batch: Batch) -> None:
    campinas = report["entities"][0]
    a, b = (x.id for x in batch.articles)
    assert campinas["articles"] == [a, b]  # batch order, although the stage listed b first
    assert report["entities"][3]["aliases"] == ["Helena Duarte", "prefeita"]


def test_schema_validation_passes(report: dict[str, Any]) -> None:
    validate(report)
    validate(json.loads(render(report, "json")))


def test_spans_resolve_to_the_item_text(report: dict[str, Any]) -> None:
    assert problems(report) == []
    checked = 0
    for article in report["articles"]:
        text = article["text"]
        for field in ("removed", "sentences", "entities", "quotes", "quantities", "dates"):
            for item in article[field]:
                start, end = item["span"]
                assert text[start:end] == item["text"], (field, item)
                checked += 1
        for credit in article["credits"]:
            start, end = credit["span"]
            assert text[start:end] == credit["text"]
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for story in report["stories"]:
        for claim in story["claims"]:
            for ev in claim["evidence"]:
                assert texts[ev["article"]][ev["span"][0] : ev["span"][1]] == ev["text"]
                checked += 1
        for group in story["quote_groups"]:
            for v in group["variants"]:
                assert texts[v["article"]][v["span"][0] : v["span"][1]] == v["text"]
    assert checked > 40


def test_problems_reports_a_span_that_does_not_resolve(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    broken["articles"][0]["quantities"][0]["span"][0] += 1
    broken["stories"][0]["claims"][0]["evidence"][1]["article"] = "a-missing"
    found = problems(broken)
    assert any("quantities[0]" in p and "'elo menos 12 mortos'" in p for p in found)
    assert any("unknown article 'a-missing'" in p for p in found)


def _violations(report: dict[str, Any]) -> list[str]:
    with pytest.raises(ReportSchemaError) as raised:
        validate(report)
    return raised.value.problems


def test_missing_required_field_fails_with_a_readable_message(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    del broken["articles"][1]["title"]
    (problem,) = _violations(broken)
    assert problem == f"at $.articles[1](id={report['articles'][1]['id']}): 'title' is a required property"


def test_bad_enum_values_fail_with_readable_messages(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    broken["articles"][0]["quotes"][0]["kind"] = "shouted"
    broken["stories"][0]["claims"][2]["status"] = "confirmed"
    broken["articles"][1]["removed"][0]["reason"] = "banner"
    with pytest.raises(ReportSchemaError) as raised:
        validate(broken)
    message = str(raised.value)
    assert "3 problem(s)" in message
    assert ".quotes[0].kind: 'shouted' is not one of ['direct', 'partial', 'indirect']" in message
    assert ".removed[0].reason: 'banner' is not one of" in message
    assert ".claims[2].status: 'confirmed' is not one of" in message


def test_nullable_object_errors_name_the_real_problem(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    del broken["articles"][0]["quotes"][0]["speaker"]["entity"]
    broken["stories"][0]["claims"][0]["conflict"] = None  # a conflicting claim must state its conflict
    found = _violations(broken)
    assert any(p.endswith(".quotes[0].speaker: 'entity' is a required property") for p in found)
    assert any(".claims[0].conflict: None is not of type 'object'" in p for p in found)


def test_wrong_schema_name_and_extra_field_fail(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    broken["schema"] = "parallax.report/2"
    broken["articles"][0]["internal_score"] = 3
    found = _violations(broken)
    assert "at $.schema: 'parallax.report/1' was expected" in found
    assert any("'internal_score' was unexpected" in p for p in found)


def test_copied_credit_needs_its_source_article(batch: Batch) -> None:
    litoral = batch.articles[1]
    litoral.credits.append(Credit("Reuters", "copied", "O fogo destruiu um depósito de tecidos", None, None))
    found = _violations(build_report(batch))
    assert any(".credits[1].source_article: None is not of type 'string'" in p for p in found)


def test_schema_is_published_and_complete() -> None:
    published = schema()
    assert published["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert published["$id"] and published["title"] and published["description"]
    defs = published["$defs"]
    assert defs["credit"]["properties"]["kind"]["enum"] == [
        "dateline", "attribution", "byline", "with_agencies", "embedded_post", "copied",
    ]  # fmt: skip
    assert "cookie_banner" in defs["removedLine"]["properties"]["reason"]["enum"]
    assert defs["quantity"]["properties"]["qualifier"]["enum"][-1] is None
    assert defs["alignment"]["properties"]["relation"]["enum"][-1] == "attribution"
    missing = [path for path, node in _property_schemas(published) if "description" not in node]
    assert missing == []
    published["title"] = "changed"
    assert schema()["title"] != "changed"  # callers get a copy


def _property_schemas(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, value in node.items():
            yield from _property_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _property_schemas(value, f"{path}[{i}]")


def test_determinism(batch_factory: Callable[..., Batch]) -> None:
    first, second = build_report(batch_factory()), build_report(batch_factory())
    for fmt in FORMATS:
        assert render(first, fmt) == render(second, fmt)


def test_items_come_out_in_text_order(batch_factory: Callable[..., Batch]) -> None:
    shuffled = batch_factory()
    serra = shuffled.articles[0]
    serra.quantities.reverse()
    serra.entities.reverse()
    serra.removed.reverse()
    assert build_report(shuffled) == build_report(batch_factory())


def test_round_trip_through_the_model(report: dict[str, Any]) -> None:
    again = batch_from_report(json.loads(render(report, "json")))
    assert isinstance(again.articles[0].quantities[0], Quantity)
    assert again.articles[0].quotes[0].span == Span(*report["articles"][0]["quotes"][0]["span"])
    assert build_report(again) == report


def test_non_finite_bounds_become_null(batch: Batch) -> None:
    serra = batch.articles[0]
    serra.quantities[0] = dataclasses.replace(serra.quantities[0], high=float("inf"))
    report = build_report(batch)
    assert report["articles"][0]["quantities"][0]["high"] is None
    validate(report)


def test_json_rendering_is_pretty_utf8(report: dict[str, Any]) -> None:
    text = render(report, "json")
    assert text.startswith('{\n  "schema": "parallax.report/1",')
    assert "Incêndio" in text and "\\u00ea" not in text
    assert text.endswith("}\n")


def test_unknown_format_is_refused(report: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(report, "pdf")


def test_an_empty_batch_gives_a_valid_report_in_every_format() -> None:
    report = build_report(Batch())
    validate(report)
    assert report["articles"] == [] and report["stories"] == []
    assert "- **Articles:** 0" in render(report, "md")
    assert "<h1>Parallax report</h1>" in render(report, "html")


def test_renderers_survive_a_story_that_names_a_missing_article(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    broken["stories"][0]["articles"].append("a-gone")
    validate(broken)  # the schema cannot know; problems() can
    assert any("unknown article 'a-gone'" in p for p in problems(broken))
    assert "| A3 | a-gone | (missing from the report) |" in render(broken, "md")
    assert "Missing from this report: a-gone" in render(broken, "html")


def test_schema_vocabularies_match_the_model_and_the_architecture() -> None:
    defs = schema()["$defs"]
    assert defs["credit"]["properties"]["kind"]["enum"] == list(get_args(CreditKind))
    assert defs["quote"]["properties"]["kind"]["enum"] == list(get_args(QuoteKind))
    assert defs["claim"]["properties"]["status"]["enum"] == list(get_args(ClaimStatus))
    assert defs["alignment"]["properties"]["relation"]["enum"] == list(get_args(Relation))
    assert defs["entityType"]["enum"] == list(get_args(EntityType))
    architecture = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text("utf-8")

    def listed(name: str) -> list[str]:
        start = architecture.index(f"- `{name}`:") + len(name) + 5
        return re.findall(r"`([a-z_]+)`", architecture[start : architecture.index(".", start)])

    assert defs["removedLine"]["properties"]["reason"]["enum"] == listed("RemovedLine.reason")
    assert defs["quantity"]["properties"]["qualifier"]["enum"][:-1] == listed("Quantity.qualifier")


def test_identical_across_hash_seeds() -> None:
    script = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
        "from conftest import make_batch; from parallax.report import FORMATS, build_report, render;"
        "r = build_report(make_batch());"
        "print(hashlib.sha256(''.join(render(r, f) for f in FORMATS).encode()).hexdigest())"
    )
    here = str(Path(__file__).resolve().parent)
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, here],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
