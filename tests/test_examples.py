"""The sample corpus end to end: every span points at its text, every article is accounted for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.ingest import read_inputs
from parallax.model import Article, Batch, Span, to_dict
from parallax.options import Options
from parallax.pipeline import run
from parallax.report import build_report, problems, render, validate

pytestmark = pytest.mark.slow


def _resolves(article: Article, span: Span | None, text: str) -> bool:
    return span is not None and article.text[span.start : span.end] == text


def test_every_example_is_analysed(analysed_examples: Batch, examples_dir: Path) -> None:
    files = sorted(p.stem for p in examples_dir.glob("*.txt"))
    assert len(files) >= 12
    assert sorted(Path(a.source.path or "").stem for a in analysed_examples.articles) == files
    assert analysed_examples.rejected == []


def test_every_span_indexes_the_source_text(analysed_examples: Batch) -> None:
    bad: list[str] = []
    for a in analysed_examples.articles:
        items = (
            [("removed", r.span, r.text) for r in a.removed]
            + [("credit", c.span, c.text) for c in a.credits if c.span is not None]
            + [("sentence", s.span, s.text) for s in a.sentences]
            + [("entity", m.span, m.text) for m in a.entities]
            + [("quote", q.span, q.text) for q in a.quotes]
            + [("quantity", q.span, q.text) for q in a.quantities]
            + [("date", d.span, d.text) for d in a.dates]
        )
        if a.title is not None and a.title_span is not None:
            items.append(("title", a.title_span, a.title))
        bad += [
            f"{a.source.path}: {kind} {text!r} at {span}"
            for kind, span, text in items
            if not _resolves(a, span, text)
        ]
        for q in a.quotes:
            if q.speaker is not None and q.speaker.span is not None:
                assert q.speaker.span.end <= len(a.text)
    assert bad == []


def test_story_items_point_into_their_articles(analysed_examples: Batch) -> None:
    by_id = {a.id: a for a in analysed_examples.articles}
    entity_ids = {e.id for e in analysed_examples.entities}
    for article in analysed_examples.articles:
        assert all(m.entity in entity_ids for m in article.entities), "every mention is merged"
    stories_of: dict[str, int] = {}
    for story in analysed_examples.stories:
        for aid in story.articles:
            stories_of[aid] = stories_of.get(aid, 0) + 1
        for claim in story.claims:
            assert claim.evidence, claim.id
            for ev in claim.evidence:
                assert ev.article in story.articles
                assert _resolves(by_id[ev.article], ev.span, ev.text), (claim.id, ev.text)
        for group in story.quote_groups:
            for v in group.variants:
                assert _resolves(by_id[v.article], v.span, v.text)
        for al in story.alignments:
            assert al.a.article in story.articles and al.b.article in story.articles
            assert al.a.article != al.b.article
    assert stories_of == dict.fromkeys(by_id, 1), "every article is in exactly one story"


def test_the_report_validates_against_its_published_schema(analysed_examples: Batch) -> None:
    report = build_report(analysed_examples)
    validate(report)  # raises with the offending paths
    assert report["schema"] == "parallax.report/1"
    assert problems(report) == []
    assert json.loads(render(report, "json")) == report


def test_a_process_pool_gives_the_same_analysis(analysed_examples: Batch, examples_dir: Path) -> None:
    options = Options(workspace=None, jobs=2)
    pooled = run(read_inputs([str(examples_dir)], options), options)
    assert to_dict(pooled) == to_dict(analysed_examples)
