"""The stage registry and the runner: config checks at start-up, failure isolation, pool parity."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Sequence

import pytest

from parallax.model import Article, Batch, Source
from parallax.options import DEFAULT_PIPELINE, DOCUMENT_PIPELINE, Options
from parallax.pipeline import PipelineError, provides, resolve, run
from parallax.registry import REGISTRY, corpus_stage, document_stage, document_stage_with_context


def make_article(text: str, n: int) -> Article:
    return Article(id=f"a-{n}", source=Source(path=f"/tmp/{n}.txt"), text=text, content_hash=str(n))


@pytest.fixture
def toy_stages() -> Iterator[None]:
    @document_stage("toy_upper", provides=("upper",))
    def upper(article: Article, options: Options) -> Article:
        if "boom" in article.text:
            raise RuntimeError("cannot shout this")
        return dataclasses.replace(article, title=article.text.upper())

    @corpus_stage("toy_count", requires=("upper",), provides=("count",))
    def count(batch: Batch, options: Options) -> Batch:
        return dataclasses.replace(batch, entities=[])

    yield
    REGISTRY.pop("toy_upper")
    REGISTRY.pop("toy_count")


def test_default_pipeline_resolves_in_order() -> None:
    stages = resolve(DEFAULT_PIPELINE)
    assert [s.name for s in stages] == list(DEFAULT_PIPELINE)
    assert {s.scope for s in stages[: len(DOCUMENT_PIPELINE)]} == {"document"}
    assert {s.scope for s in stages[len(DOCUMENT_PIPELINE) :]} == {"corpus"}


def test_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(PipelineError, match="unknown pipeline stage 'spellcheck'"):
        resolve(["clean", "spellcheck"])


def test_missing_requirement_is_reported_before_running() -> None:
    with pytest.raises(PipelineError, match="'quotes' requires sentences, entities"):
        resolve(["clean", "language", "quotes"])


def test_failing_article_is_rejected_and_the_rest_go_on(toy_stages: None) -> None:
    batch = Batch(articles=[make_article("calm", 1), make_article("boom", 2), make_article("quiet", 3)])
    out = run(batch, Options(pipeline=("toy_upper", "toy_count"), workspace=None))
    assert [a.title for a in out.articles] == ["CALM", "QUIET"]
    assert len(out.rejected) == 1
    assert out.rejected[0].input == "/tmp/2.txt"
    assert "toy_upper" in out.rejected[0].reason and "cannot shout this" in out.rejected[0].reason
    assert batch.articles[0].title is None, "stages must not mutate their input"


def test_stage_requirements_are_checked_against_order(toy_stages: None) -> None:
    with pytest.raises(PipelineError, match="'toy_count' requires upper"):
        resolve(["toy_count", "toy_upper"])


def test_what_the_input_already_carries_satisfies_requirements() -> None:
    with pytest.raises(PipelineError, match="'stories' requires"):
        resolve(["stories", "compare"])
    names = [s.name for s in resolve(["merge_entities", "stories", "compare"], provides(DOCUMENT_PIPELINE))]
    assert names == ["merge_entities", "stories", "compare"]


@pytest.fixture
def outlet_stage() -> Iterator[None]:
    def outlets(articles: Sequence[Article], options: Options) -> Counter[str]:
        return Counter(a.outlet or "" for a in articles)

    @document_stage_with_context("toy_outlet_size", prepare=outlets, provides=("outlet_size",))
    def outlet_size(article: Article, options: Options, sizes: Counter[str]) -> Article:
        return dataclasses.replace(article, title=f"{article.outlet}: {sizes[article.outlet or '']} articles")

    yield
    REGISTRY.pop("toy_outlet_size")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stage_with_context_sees_the_whole_batch_in_process_and_in_a_pool(
    outlet_stage: None, jobs: int
) -> None:
    articles = [
        dataclasses.replace(make_article(f"texto {n}", n), outlet="Diário A" if n % 3 else "Folha B")
        for n in range(9)
    ]
    batch = run(Batch(articles=articles), Options(pipeline=("toy_outlet_size",), jobs=jobs, workspace=None))
    titles = [a.title for a in batch.articles]
    assert titles == ["Folha B: 3 articles" if n % 3 == 0 else "Diário A: 6 articles" for n in range(9)]
