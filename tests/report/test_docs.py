from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from parallax.report import batch_from_report, build_report, problems, render, schema, validate

DOC = Path(__file__).resolve().parents[2] / "docs" / "report-format.md"


@pytest.fixture
def example() -> dict[str, object]:
    blocks = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 1
    data: dict[str, object] = json.loads(blocks[0])
    return data


def test_the_documented_example_is_a_valid_consistent_report(example: dict[str, object]) -> None:
    validate(example)
    assert problems(example) == []
    rebuilt = build_report(batch_from_report(example))
    assert {**rebuilt, "generator": example["generator"]} == example
    assert "| **As printed** | pelo menos 8 mortos | 10 mortos |" in render(example, "md")


def test_the_doc_names_every_vocabulary_value_of_the_schema() -> None:
    text = DOC.read_text(encoding="utf-8")
    defs = schema()["$defs"]
    vocabularies = [
        defs["credit"]["properties"]["kind"]["enum"],
        defs["removedLine"]["properties"]["reason"]["enum"],
        defs["mention"]["properties"]["kind"]["enum"],
        defs["quote"]["properties"]["kind"]["enum"],
        defs["quantity"]["properties"]["qualifier"]["enum"],
        defs["claim"]["properties"]["status"]["enum"],
        defs["alignment"]["properties"]["relation"]["enum"],
        defs["entityType"]["enum"],
    ]
    missing = [v for vocabulary in vocabularies for v in vocabulary if v is not None and f"`{v}`" not in text]
    assert missing == []
    assert "src/parallax/report/schema/parallax.report-1.schema.json" in text
