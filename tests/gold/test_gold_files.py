"""The gold files agree with the sample articles they annotate, and with their own format.

Gold items carry text, not offsets (see README.md in this folder): a gold text that
is not in its article, or is in it fewer times than it is annotated, silently
becomes a miss for every system. These tests catch that when an article or a gold
file is edited, and check the format rules the scorer and the pipeline rely on.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest

from parallax.clean.agencies import agencies
from parallax.model import CreditKind
from parallax.report.validation import schema

GOLD_DIR = Path(__file__).resolve().parent
ROOT = GOLD_DIR.parents[1]
EXAMPLES = ROOT / "examples"

#: The report schema's vocabulary (the schema test keeps it equal to docs/architecture.md's).
REASONS = set(schema()["$defs"]["removedLine"]["properties"]["reason"]["enum"])
CREDIT_KINDS = set(get_args(CreditKind)) - {"copied"}
#: Canonical names of the agency registry (clean/data/agencies.json).
AGENCIES = {agency.name for agency in agencies()}
ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
QUOTE_KINDS = {"direct", "partial", "indirect"}
# "pp" (percentage points) is the one addition to the unit list of docs/architecture.md (see README.md)
UNITS = {"%", "pp", "BRL", "USD", "EUR", "hour", "minute", "day", "week", "month", "year"}
UNITS |= {"km", "m", "kg", "t", "ha"}
QUALIFIERS = {"more_than", "at_least", "about", "up_to", "almost", "less_than", "range"}
DATE_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?")
PUBLISHED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


@dataclass(frozen=True)
class Sample:
    stem: str
    header: dict[str, str]
    body_lines: list[str]
    kept_text: str
    gold: dict[str, Any]


def _read_sample(path: Path) -> Sample:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---", f"{path.name}: no header block"
    end = lines.index("---", 1)
    header = dict(line.split(": ", 1) for line in lines[1:end])
    body_lines = lines[end + 1 :]
    gold = json.loads((GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))
    to_remove = Counter(r["text"] for r in gold["removed"])
    kept = []
    for line in body_lines:
        stripped = line.strip()
        if to_remove[stripped] > 0:
            to_remove[stripped] -= 1
        elif stripped:
            kept.append(stripped)
    return Sample(path.stem, header, body_lines, "\n".join(kept), gold)


def _samples() -> list[Sample]:
    return [_read_sample(p) for p in sorted(EXAMPLES.glob("*.txt"))]


SAMPLES = _samples() if EXAMPLES.is_dir() else []
STORIES: dict[str, Any] = (
    json.loads((GOLD_DIR / "stories.json").read_text(encoding="utf-8"))["stories"]
    if (GOLD_DIR / "stories.json").exists()
    else {}
)
BY_STEM = {s.stem: s for s in SAMPLES}


def _ids(samples: list[Sample]) -> list[str]:
    return [s.stem for s in samples]


def test_every_article_has_gold_and_every_gold_an_article() -> None:
    articles = {p.stem for p in EXAMPLES.glob("*.txt")}
    golds = {p.stem for p in GOLD_DIR.glob("*.json") if p.name != "stories.json"}
    assert articles, "examples/ holds no article"
    assert articles == golds


def test_corpus_shape() -> None:
    languages = Counter(s.gold["language"] for s in SAMPLES)
    assert len(SAMPLES) >= 17
    assert languages["pt"] > languages["en"] + languages["es"]
    assert languages["en"] >= 1 and languages["es"] >= 1


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_header_and_identity(sample: Sample) -> None:
    gold = sample.gold
    assert gold["article"] == f"examples/{sample.stem}.txt"
    assert gold["outlet"] == sample.header["outlet"]
    assert sample.header["url"].startswith("https://")
    assert PUBLISHED.fullmatch(sample.header["published"]), sample.header["published"]
    assert gold["language"] in {"pt", "en", "es"}
    assert sample.stem in STORIES[gold["story"]]["articles"]


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_removed_lines_are_whole_body_lines(sample: Sample) -> None:
    body = Counter(line.strip() for line in sample.body_lines if line.strip())
    removed = Counter(r["text"] for r in sample.gold["removed"])
    for text, n in removed.items():
        assert body[text] >= n, f"removed line not in the body {n} time(s): {text!r}"
    for r in sample.gold["removed"]:
        assert r["reason"] in REASONS, r
    first_kept = sample.kept_text.split("\n", 1)[0]
    assert sample.gold["title"] == first_kept


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_gold_texts_are_in_the_kept_body_as_often_as_annotated(sample: Sample) -> None:
    for layer in ("entities", "quotes", "quantities", "dates"):
        wanted = Counter(item["text"] for item in sample.gold[layer])
        for text, n in wanted.items():
            found = sample.kept_text.count(text)
            assert found >= n, f"{layer}: {text!r} annotated {n} time(s), found {found} in the kept body"


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_vocabularies(sample: Sample) -> None:
    gold = sample.gold
    for credit in gold["credits"]:
        assert credit["agency"] in AGENCIES and credit["kind"] in CREDIT_KINDS, credit
    for entity in gold["entities"]:
        assert entity["type"] in ENTITY_TYPES and entity["canonical"], entity
        assert entity.get("nominal", False) in (True, False)
    for quote in gold["quotes"]:
        assert quote["kind"] in QUOTE_KINDS and quote["speaker"], quote
        assert quote["text"] == quote["text"].strip(' .,;:«»“”"—'), f"marks or end punctuation: {quote}"
    for date in gold["dates"]:
        assert DATE_VALUE.fullmatch(date["value"]), date


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_quantity_intervals_follow_the_qualifier(sample: Sample) -> None:
    for q in sample.gold["quantities"]:
        value, low, high, qualifier = q["value"], q["low"], q["high"], q["qualifier"]
        assert q["unit"] is None or q["unit"] in UNITS, q
        assert qualifier is None or qualifier in QUALIFIERS, q
        # a counted noun names what is counted; a unit already says what the number measures
        assert (q["unit"] is None) == (q["about"] is not None), q
        if qualifier is None:
            assert low == high == value, q
        elif qualifier in ("more_than", "at_least"):
            assert low == value and high is None, q
        elif qualifier == "about":
            assert low == pytest.approx(value * 0.9) and high == pytest.approx(value * 1.1), q
        elif qualifier in ("up_to", "almost", "less_than"):
            assert low is None and high == value, q


def test_canonical_names_keep_one_type_across_the_corpus() -> None:
    types: dict[str, set[str]] = {}
    for sample in SAMPLES:
        for entity in sample.gold["entities"]:
            types.setdefault(entity["canonical"], set()).add(entity["type"])
    assert {name: t for name, t in types.items() if len(t) > 1} == {}


def test_stories_cover_every_article_exactly_once() -> None:
    listed = Counter(stem for story in STORIES.values() for stem in story["articles"])
    assert set(listed) == set(BY_STEM)
    assert all(n == 1 for n in listed.values()), listed
    for sid, story in STORIES.items():
        assert all(BY_STEM[stem].gold["story"] == sid for stem in story["articles"])


def _source_key(stem: str, copied: dict[str, str]) -> str:
    """Same outlet, or agency material of the same agency, is one source (docs/architecture.md)."""
    if stem in copied:
        return "agency:" + copied[stem]
    gold = BY_STEM[stem].gold
    agency = [str(c["agency"]) for c in gold["credits"] if c["kind"] in ("dateline", "byline")]
    return "agency:" + agency[0] if agency else "outlet:" + str(gold["outlet"])


def _anchor_ok(story: dict[str, Any], stem: str, anchor: str) -> None:
    assert stem in story["articles"], f"{stem} is not in this story"
    assert anchor and anchor in BY_STEM[stem].kept_text, f"anchor not in the kept body of {stem}: {anchor!r}"


@pytest.mark.parametrize("sid", sorted(STORIES))
def test_story_anchors_and_source_counts(sid: str) -> None:
    story = STORIES[sid]
    copied = {c["article"]: c["agency"] for c in story.get("copied", [])}
    for copy in story.get("copied", []):
        assert copy["from"] in story["articles"] and copy["article"] in story["articles"]
        assert copy["agency"] in AGENCIES
        assert BY_STEM[copy["article"]].gold["credits"] == [], "a silent copy credits nobody"
    for conflict in story.get("conflicts", []):
        assert conflict["attribute"] and len(conflict["anchors"]) >= 2
        for stem, anchor in conflict["anchors"].items():
            _anchor_ok(story, stem, anchor)
            texts = [q["text"] for q in BY_STEM[stem].gold["quantities"]]
            assert any(anchor in t or t in anchor for t in texts), f"no gold quantity at {anchor!r}"
    for corr in story.get("corroborated", []):
        anchors = corr["anchors"]
        assert len(anchors) >= 2
        for stem, anchor in anchors.items():
            _anchor_ok(story, stem, anchor)
        sources = {_source_key(stem, copied) for stem in anchors}
        assert corr["independent_sources"] == len(sources) >= 2, (anchors, sources)
    for single in story.get("single_source", []):
        _anchor_ok(story, single["article"], single["anchor"])
    for group in story.get("quote_groups", []):
        assert len(group["anchors"]) >= 2
        for stem, anchor in group["anchors"].items():
            _anchor_ok(story, stem, anchor)
            quotes = [q["text"] for q in BY_STEM[stem].gold["quotes"] if q["speaker"] == group["speaker"]]
            speaker = group["speaker"]
            assert any(anchor in t or t in anchor for t in quotes), f"no gold quote of {speaker}: {anchor!r}"
