"""The Python API over toy stages: analyze, ingest (skipping unchanged inputs), build_stories."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

import parallax
from parallax.api import Analysis, IngestResult, analyze, build_stories, ingest, open_workspace, progress_bars
from parallax.ingest import count_inputs
from parallax.model import Article, Batch, Story
from parallax.options import Options
from parallax.pipeline import PipelineError
from parallax.registry import REGISTRY, corpus_stage, document_stage

TOY_PIPELINE = ("toy_headline", "toy_story")
SEEN: list[str] = []


@pytest.fixture
def toy_stages() -> Iterator[None]:
    """A document stage that records what it analysed and a corpus stage making one story."""

    @document_stage("toy_headline", provides=("title",))
    def headline(article: Article, options: Options) -> Article:
        if "EXPLODE" in article.text:
            raise RuntimeError("toy stage refuses this text")
        SEEN.append(article.source.key)
        first = article.kept_lines()[0][1]
        return dataclasses.replace(article, title=first)

    @corpus_stage("toy_story", requires=("title",), provides=("stories",))
    def story(batch: Batch, options: Options) -> Batch:
        ids = [a.id for a in batch.articles]
        if not ids:
            return batch
        return dataclasses.replace(batch, stories=[Story("st-toy", batch.articles[0].title or "", None, ids)])

    SEEN.clear()
    yield
    REGISTRY.pop("toy_headline")
    REGISTRY.pop("toy_story")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Chuva alaga avenida\nO trânsito ficou parado por duas horas.\n")
    (folder / "b.txt").write_text("Avenida alagada após chuva\nMotoristas esperaram por três horas.\n")
    (folder / "vazio.txt").write_text("")
    return folder


def test_package_exports_the_api() -> None:
    assert parallax.analyze is analyze
    assert not callable(parallax.ingest), "parallax.ingest stays the reading subpackage"
    assert parallax.build_stories is build_stories and parallax.open_workspace is open_workspace
    assert parallax.Options is Options


def test_analyze_in_memory_returns_batch_and_rejected(toy_stages: None, corpus: Path) -> None:
    result = analyze(["corpus"], Options(pipeline=TOY_PIPELINE, workspace=None))
    assert isinstance(result, Analysis)
    assert [a.title for a in result.batch.articles] == ["Chuva alaga avenida", "Avenida alagada após chuva"]
    assert [s.id for s in result.batch.stories] == ["st-toy"]
    assert [(r.input, r.reason) for r in result.rejected] == [("corpus/vazio.txt", "empty file")]
    assert result.stored is None
    assert not (corpus.parent / "parallax-workspace").exists()


def test_analyze_stores_articles_and_stories_in_the_workspace(toy_stages: None, corpus: Path) -> None:
    options = Options(pipeline=TOY_PIPELINE, workspace=corpus.parent / "ws")
    first = analyze(["corpus"], options)
    assert first.stored == {"new": 2, "unchanged": 0, "new_version": 0}
    again = analyze(["corpus"], options)
    assert again.stored == {"new": 0, "unchanged": 2, "new_version": 0}
    with open_workspace(options=options) as ws:
        assert [s.id for s in ws.stories()] == ["st-toy"]
        assert sorted(a.title or "" for a in ws.latest_articles()) == [
            "Avenida alagada após chuva",
            "Chuva alaga avenida",
        ]


def test_stage_failures_are_rejected_with_the_stage_named(toy_stages: None, corpus: Path) -> None:
    (corpus / "c.txt").write_text("EXPLODE aqui\n")
    result = analyze(["corpus/c.txt", "corpus/a.txt"], Options(pipeline=TOY_PIPELINE, workspace=None))
    assert [a.source.path for a in result.batch.articles] == ["corpus/a.txt"]
    (rejected,) = result.rejected
    assert rejected.input == "corpus/c.txt" and "'toy_headline' failed" in rejected.reason


def test_a_stage_failure_names_the_file_not_the_url(toy_stages: None, corpus: Path) -> None:
    (corpus / "c.txt").write_text("---\nurl: https://exemplo.org/c\n---\nEXPLODE aqui\n")
    result = analyze(["corpus/c.txt"], Options(pipeline=TOY_PIPELINE, workspace=None))
    assert [r.input for r in result.rejected] == ["corpus/c.txt"]
    stored = ingest(["corpus/c.txt"], Options(pipeline=TOY_PIPELINE, workspace=corpus.parent / "ws"))
    assert [r.input for r in stored.rejected] == ["corpus/c.txt"]


def test_a_bad_pipeline_fails_before_reading(corpus: Path) -> None:
    with pytest.raises(PipelineError, match="unknown pipeline stage 'nada'"):
        analyze(["does-not-matter"], Options(pipeline=("nada",), workspace=None))
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        analyze(["corpus"], Options(workspace=None, default_published="14/03/2025"))
    with pytest.raises(ValueError, match="name tagger 'bert' is not one of crf, e5"):
        analyze(["corpus"], Options(workspace=None, name_tagger="bert"))  # type: ignore[arg-type]


def test_ingest_counts_and_skips_unchanged_inputs(toy_stages: None, corpus: Path) -> None:
    options = Options(pipeline=TOY_PIPELINE, workspace=corpus.parent / "ws")
    first = ingest(["corpus"], options)
    assert isinstance(first, IngestResult)
    assert first.counts() == {"new": 2, "unchanged": 0, "new_version": 0, "rejected": 1}
    assert SEEN == ["corpus/a.txt", "corpus/b.txt"]

    SEEN.clear()
    (corpus / "b.txt").write_text("Avenida alagada após chuva\nMotoristas esperaram por quatro horas.\n")
    second = ingest(["corpus"], options)
    assert second.counts() == {"new": 0, "unchanged": 1, "new_version": 1, "rejected": 1}
    assert SEEN == ["corpus/b.txt"], "the unchanged input is not analysed again"
    with open_workspace(options=options) as ws:
        assert ws.stories() == [], "ingest runs document stages only"
        assert [(a.source.key, a.version) for a in ws.latest_articles()] == [
            ("corpus/a.txt", 1),
            ("corpus/b.txt", 2),
        ]


def test_ingest_needs_a_workspace(toy_stages: None, corpus: Path) -> None:
    with pytest.raises(ValueError, match="workspace"):
        ingest(["corpus"], Options(pipeline=TOY_PIPELINE, workspace=None))


def test_build_stories_runs_corpus_stages_over_the_workspace(toy_stages: None, corpus: Path) -> None:
    options = Options(pipeline=TOY_PIPELINE, workspace=corpus.parent / "ws")
    ingest(["corpus/a.txt"], options)
    ingest(["corpus/b.txt"], options)
    SEEN.clear()
    batch = build_stories(options)
    assert SEEN == [], "document stages are not re-run"
    (story,) = batch.stories
    assert len(story.articles) == 2
    with open_workspace(options=options) as ws:
        stored = ws.story("st-toy")
        assert stored is not None and sorted(stored.articles) == sorted(story.articles)


def test_build_stories_on_a_missing_workspace_is_an_error(toy_stages: None, tmp_path: Path) -> None:
    with pytest.raises(parallax.WorkspaceError, match="no workspace at"):
        build_stories(Options(pipeline=TOY_PIPELINE, workspace=tmp_path / "nenhum"))


def test_warnings_are_collected_and_forwarded(toy_stages: None, corpus: Path) -> None:
    (corpus / "d.txt").write_text("---\npublished: semana passada\n---\nTexto com data ruim.\n")
    forwarded: list[str] = []
    result = analyze(
        ["corpus/d.txt"],
        Options(pipeline=TOY_PIPELINE, workspace=None),
        on_warning=lambda w: forwarded.append(w.input),
    )
    assert [w.input for w in result.warnings] == ["corpus/d.txt"] == forwarded
    assert "semana passada" in result.warnings[0].message


def test_progress_is_reported_per_input_and_per_stage(toy_stages: None, corpus: Path) -> None:
    steps: list[tuple[str, int]] = []
    analyze(
        ["corpus"], Options(pipeline=TOY_PIPELINE, workspace=None), progress=lambda s, n: steps.append((s, n))
    )
    assert [n for s, n in steps if s == "read"] == [1, 2, 3]  # every input, the rejected empty one too
    assert [s for s, _ in steps if s != "read"] == list(TOY_PIPELINE)


def test_progress_bars_count_inputs_and_stages(corpus: Path) -> None:
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=None)
    with progress_bars("analysing", console, inputs=count_inputs(["corpus"]), stages=2) as tick:
        for n in (1, 2, 3):
            tick("read", n)
        tick("clean", 3)
        tick("clean", 3)
        tick("stories", 3)
    text = out.getvalue()
    assert count_inputs(["corpus"]) == 3
    assert "analysing: read" in text and "3/3" in text
    assert "analysing: stories" in text and "2/2" in text
