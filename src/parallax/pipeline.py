"""Resolve a pipeline config into stages and run it over a batch.

The runner checks at start-up that every stage's requirements are provided by
an earlier stage, so a bad config fails before any text is read. Leading
document-level stages may run in a process pool (``Options.jobs``); the result
is the same as in-process because stages are pure.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from parallax.model import Batch
from parallax.options import Options
from parallax.registry import REGISTRY, Stage

#: Modules whose import registers stages, in data-flow order.
STAGE_MODULES: tuple[str, ...] = (
    "parallax.clean.stages",
    "parallax.nlp.stages",
    "parallax.clean.duplicates",
    "parallax.nlp.merge",
    "parallax.stories.stages",
    "parallax.compare.stages",
)

Progress = Callable[[str, int], None]


class PipelineError(ValueError):
    """A pipeline config that cannot run (unknown stage, unmet requirement)."""


def load_stages() -> dict[str, Stage]:
    for module in STAGE_MODULES:
        importlib.import_module(module)
    return REGISTRY


def resolve(names: Sequence[str], provided: Iterable[str] = ()) -> list[Stage]:
    """The stages of a config, checked in order; ``provided`` names what the input already carries
    (e.g. articles read back from a workspace, where the document stages ran at ingest)."""
    registry = load_stages()
    stages: list[Stage] = []
    provided = set(provided)
    for name in names:
        if name not in registry:
            known = ", ".join(sorted(registry))
            raise PipelineError(f"unknown pipeline stage {name!r} (known: {known})")
        stage = registry[name]
        missing = [r for r in stage.requires if r not in provided]
        if missing:
            raise PipelineError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides"
            )
        provided.update(stage.provides)
        stages.append(stage)
    return stages


Contexts = dict[str, Any]


def _prepare(stages: Sequence[Stage], batch: Batch, options: Options) -> Contexts:
    """Batch-wide context of the stages that need one, from the batch as it enters the pipeline."""
    return {s.name: s.prepare(batch.articles, options) for s in stages if s.prepare is not None}


def _apply(stage: Stage, batch: Batch, options: Options, contexts: Contexts) -> Batch:
    if stage.with_context is not None and stage.name in contexts:
        return stage.with_context(batch, options, contexts[stage.name])
    return stage.func(batch, options)


def _run_document_stages(names: tuple[str, ...], batch: Batch, options: Options, contexts: Contexts) -> Batch:
    for stage in resolve(names):
        batch = _apply(stage, batch, options, contexts)
    return batch


def _chunks(batch: Batch, n: int) -> list[Batch]:
    size = max(1, -(-len(batch.articles) // n))
    return [Batch(articles=batch.articles[i : i + size]) for i in range(0, len(batch.articles), size)]


def document_prefix(stages: Sequence[Stage]) -> list[Stage]:
    """The leading document-level stages: what may run per article, in a pool, or at ingest time."""
    prefix: list[Stage] = []
    for stage in stages:
        if stage.scope != "document":
            break
        prefix.append(stage)
    return prefix


def provides(names: Iterable[str]) -> set[str]:
    """Everything the named stages add, for :func:`resolve`'s ``provided``."""
    registry = load_stages()
    return {item for name in names if name in registry for item in registry[name].provides}


def run(
    batch: Batch, options: Options, progress: Progress | None = None, provided: Iterable[str] = ()
) -> Batch:
    """Run ``options.pipeline`` over ``batch`` and return the new batch."""
    stages = resolve(options.pipeline, provided)
    leading = document_prefix(stages)
    rest = stages[len(leading) :]
    contexts = _prepare(leading, batch, options)

    if leading and options.jobs > 1 and len(batch.articles) > 1:
        names = tuple(s.name for s in leading)
        parts = _chunks(batch, options.jobs * 4)
        done = Batch(rejected=list(batch.rejected), entities=batch.entities, stories=batch.stories)
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            futures = [pool.submit(_run_document_stages, names, part, options, contexts) for part in parts]
            for future in futures:
                part = future.result()
                done.articles.extend(part.articles)
                done.rejected.extend(part.rejected)
                if progress:
                    progress("documents", len(part.articles))
        batch = done
    else:
        for stage in leading:
            batch = _apply(stage, batch, options, contexts)
            if progress:
                progress(stage.name, len(batch.articles))
    for stage in rest:
        batch = stage.func(batch, options)
        if progress:
            progress(stage.name, len(batch.articles))
    return batch


def describe(names: Iterable[str] | None = None) -> list[dict[str, object]]:
    """Stage table for ``parallax stages`` and the docs."""
    registry = load_stages()
    chosen = list(names) if names is not None else list(registry)
    return [dataclasses.asdict(registry[n]) | {"func": registry[n].func.__module__} for n in chosen]
