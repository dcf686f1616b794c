"""The stage registry: named pipeline components that declare what they need and add.

A stage is a pure function over a :class:`~parallax.model.Batch`. Document-level
stages look at one article at a time, so the runner may split a batch across a
process pool (or Spark partitions); corpus-level stages see the whole batch.
Stages register themselves on import with :func:`document_stage` or
:func:`corpus_stage`; :mod:`parallax.pipeline` imports them all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from parallax.model import Article, Batch, Rejected

if TYPE_CHECKING:
    from parallax.options import Options

BatchFn = Callable[[Batch, "Options"], Batch]
ArticleFn = Callable[[Article, "Options"], Article]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: BatchFn
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    scope: Literal["document", "corpus"]
    doc: str = ""


REGISTRY: dict[str, Stage] = {}


def _register(stage: Stage) -> None:
    if stage.name in REGISTRY and REGISTRY[stage.name].func is not stage.func:
        raise ValueError(f"pipeline stage {stage.name!r} is registered twice")
    REGISTRY[stage.name] = stage


def document_stage(
    name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
) -> Callable[[ArticleFn], ArticleFn]:
    """Register ``fn(article, options) -> article`` as a document-level stage.

    The lifted batch function isolates failures: an article whose stage raises
    is moved to ``batch.rejected`` with the stage named, and the rest go on.
    """

    def wrap(fn: ArticleFn) -> ArticleFn:
        def run_batch(batch: Batch, options: Options) -> Batch:
            done: list[Article] = []
            rejected = list(batch.rejected)
            for article in batch.articles:
                try:
                    done.append(fn(article, options))
                except Exception as exc:  # one bad article must not sink the batch
                    rejected.append(
                        Rejected(article.source.label, f"stage {name!r} failed: {type(exc).__name__}: {exc}")
                    )
            return dataclasses.replace(batch, articles=done, rejected=rejected)

        _register(Stage(name, run_batch, requires, provides, "document", (fn.__doc__ or "").strip()))
        return fn

    return wrap


def corpus_stage(
    name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
) -> Callable[[BatchFn], BatchFn]:
    """Register ``fn(batch, options) -> batch`` as a corpus-level stage."""

    def wrap(fn: BatchFn) -> BatchFn:
        _register(Stage(name, fn, requires, provides, "corpus", (fn.__doc__ or "").strip()))
        return fn

    return wrap
