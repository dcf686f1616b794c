"""The stage registry: named pipeline components that declare what they need and add.

A stage is a pure function over a :class:`~parallax.model.Batch`. Document-level
stages look at one article at a time, so the runner may split a batch across a
process pool (or Spark partitions); corpus-level stages see the whole batch.
Stages register themselves on import with :func:`document_stage` or
:func:`corpus_stage`; :mod:`parallax.pipeline` imports them all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from parallax.model import Article, Batch, Rejected

if TYPE_CHECKING:
    from parallax.options import Options

BatchFn = Callable[[Batch, "Options"], Batch]
ArticleFn = Callable[[Article, "Options"], Article]
#: What a document stage may learn from the whole batch before it looks at one article
#: (e.g. the lines an outlet repeats on every page); it sees the batch as it enters the pipeline.
ContextFn = Callable[[Sequence[Article], "Options"], Any]
ContextArticleFn = Callable[[Article, "Options", Any], Article]
ContextBatchFn = Callable[[Batch, "Options", Any], Batch]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: BatchFn
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    scope: Literal["document", "corpus"]
    doc: str = ""
    #: for a document stage that needs batch-wide context: computed once over the whole batch,
    #: before it is split for a process pool, and handed to ``with_context`` with each part
    prepare: ContextFn | None = None
    with_context: ContextBatchFn | None = None


REGISTRY: dict[str, Stage] = {}


def _register(stage: Stage) -> None:
    if stage.name in REGISTRY and REGISTRY[stage.name].func is not stage.func:
        raise ValueError(f"pipeline stage {stage.name!r} is registered twice")
    REGISTRY[stage.name] = stage


def _lift(name: str, fn: ContextArticleFn) -> ContextBatchFn:
    """Article function -> batch function that isolates failures.

    An article whose stage raises is moved to ``batch.rejected`` with the stage
    named, and the rest go on.
    """

    def run_batch(batch: Batch, options: Options, context: Any) -> Batch:
        done: list[Article] = []
        rejected = list(batch.rejected)
        for article in batch.articles:
            try:
                done.append(fn(article, options, context))
            except Exception as exc:  # one bad article must not sink the batch
                rejected.append(
                    Rejected(article.source.label, f"stage {name!r} failed: {type(exc).__name__}: {exc}")
                )
        return dataclasses.replace(batch, articles=done, rejected=rejected)

    return run_batch


def document_stage(
    name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
) -> Callable[[ArticleFn], ArticleFn]:
    """Register ``fn(article, options) -> article`` as a document-level stage."""

    def wrap(fn: ArticleFn) -> ArticleFn:
        lifted = _lift(name, lambda article, options, _: fn(article, options))
        _register(
            Stage(
                name,
                lambda batch, options: lifted(batch, options, None),
                requires,
                provides,
                "document",
                (fn.__doc__ or "").strip(),
            )
        )
        return fn

    return wrap


def document_stage_with_context(
    name: str, *, prepare: ContextFn, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
) -> Callable[[ContextArticleFn], ContextArticleFn]:
    """Register ``fn(article, options, context) -> article``, ``context = prepare(articles, options)``.

    The stage stays per-article (so it still runs in a pool), yet may use what only
    the whole batch shows; the pipeline computes the context once, before splitting.
    """

    def wrap(fn: ContextArticleFn) -> ContextArticleFn:
        lifted = _lift(name, fn)
        _register(
            Stage(
                name,
                lambda batch, options: lifted(batch, options, prepare(batch.articles, options)),
                requires,
                provides,
                "document",
                (fn.__doc__ or "").strip(),
                prepare=prepare,
                with_context=lifted,
            )
        )
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
