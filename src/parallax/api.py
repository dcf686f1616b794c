"""The Python API: what the CLI (and any notebook or service) calls.

Every function takes the one :class:`~parallax.options.Options` object. Bad inputs
never raise: they come back as :class:`~parallax.model.Rejected` items with the
reason; a configuration that cannot run (unknown stage, unmet requirement, bad
default date, no workspace where one is needed) raises before any input is read.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.ingest import InputWarning, count_inputs, is_iso_date, iter_inputs
from parallax.model import Article, Batch, Rejected
from parallax.nlp.ner.encoder import EncoderUnavailable, default_model_path
from parallax.options import NAME_TAGGERS, Options
from parallax.pipeline import Progress, document_prefix, provides, resolve, run
from parallax.registry import Stage
from parallax.store import AddStatus, Workspace

__all__ = [
    "Analysis",
    "IngestResult",
    "analyze",
    "build_stories",
    "check_options",
    "ingest",
    "ingest_items",
    "open_workspace",
]

#: Articles analysed together by ``ingest`` before they are stored: large enough to keep a
#: process pool busy, small enough that a killed run loses little work.
INGEST_CHUNK = 64

WarningSink = Callable[[InputWarning], None]


@dataclass(slots=True)
class Analysis:
    """What :func:`analyze` found: the analysed batch, and the inputs it could not use."""

    batch: Batch
    warnings: list[InputWarning] = field(default_factory=list)
    #: how the articles landed in the workspace ("new", "unchanged", "new_version"); None without one
    stored: dict[str, int] | None = None

    @property
    def rejected(self) -> list[Rejected]:
        """Inputs not analysed: unreadable inputs and articles a stage failed on."""
        return self.batch.rejected


@dataclass(slots=True)
class IngestResult:
    """What :func:`ingest` did, input by input."""

    new: int = 0
    unchanged: int = 0
    new_version: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    #: ids of the articles read, stored or already present, in input order
    articles: list[str] = field(default_factory=list)

    def count(self, status: AddStatus) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "unchanged": self.unchanged,
            "new_version": self.new_version,
            "rejected": len(self.rejected),
        }


def check_options(options: Options) -> list[Stage]:
    """Fail fast on a configuration that cannot run; return the resolved stages."""
    if options.default_published is not None and not is_iso_date(options.default_published):
        raise ValueError(
            f"default publication date {options.default_published!r} is not an ISO 8601 date"
            " (e.g. 2025-03-14 or 2025-03-14T10:30:00-03:00)"
        )
    if options.jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {options.jobs}")
    if options.name_tagger not in NAME_TAGGERS:
        raise ValueError(f"name tagger {options.name_tagger!r} is not one of {', '.join(NAME_TAGGERS)}")
    if options.name_tagger == "e5":
        try:
            default_model_path()
        except EncoderUnavailable as exc:
            raise ValueError(str(exc)) from None
    return resolve(options.pipeline)


def open_workspace(
    path: Path | str | None = None, *, options: Options | None = None, create: bool = True
) -> Workspace:
    """Open the workspace at ``path``, else at ``options.workspace``."""
    where = path if path is not None else (options or Options()).workspace
    if where is None:
        raise ValueError("no workspace: give a path or set options.workspace")
    return Workspace.open(Path(where), create=create)


def analyze(
    paths: Sequence[str],
    options: Options | None = None,
    *,
    on_warning: WarningSink | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Run ``options.pipeline`` over the inputs; store the result when ``options.workspace`` is set."""
    options = options or Options()
    stages = check_options(options)
    warnings: list[InputWarning] = []
    inputs = count_inputs(paths) if options.show_progress and progress is None else None
    with _progress(
        options, "analysing", progress, inputs=inputs, stages=_stage_steps(stages, options)
    ) as tick:
        batch = Batch()
        for read, item in enumerate(iter_inputs(paths, options, _collect(warnings, on_warning)), 1):
            if isinstance(item, Rejected):
                batch.rejected.append(item)
            else:
                batch.articles.append(item)
            tick("read", read)
        batch = run(batch, options, tick)
    stored: dict[str, int] | None = None
    if options.workspace is not None:
        with open_workspace(options=options) as ws:
            run_id = ws.start_run("analyze", options.pipeline)
            statuses: Counter[AddStatus] = Counter()
            for index, article in enumerate(batch.articles):
                status, stored_article = ws.store_article(article)
                statuses[status] += 1
                # The report shows the version as stored, and what changed since the previous one.
                batch.articles[index] = dataclasses.replace(
                    article, version=stored_article.version, change=stored_article.change
                )
            if any(stage.scope == "corpus" for stage in stages):
                ws.save_analysis(batch)
            else:
                ws.update_articles(batch.articles)
            stored = {status: statuses[status] for status in ("new", "unchanged", "new_version")}
            ws.finish_run(run_id, stored | {"rejected": len(batch.rejected)})
    return Analysis(batch=batch, warnings=warnings, stored=stored)


def ingest(
    paths: Sequence[str],
    options: Options | None = None,
    *,
    on_warning: WarningSink | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Read inputs, run the document stages over what is new or changed, store each article.

    Only the leading document-level stages of ``options.pipeline`` run (the default
    pipeline gives ``DOCUMENT_PIPELINE``); an input whose content is already the
    latest version of its source is not re-analysed. Inputs are streamed in chunks
    of :data:`INGEST_CHUNK`, each article committed on its own, so a killed run
    keeps what it stored and a rerun picks up the rest.
    """
    options = options or Options()
    warnings: list[InputWarning] = []
    inputs = count_inputs(paths) if options.show_progress and progress is None else None
    with _progress(options, "ingesting", progress, inputs=inputs) as tick:
        items = iter_inputs(paths, options, _collect(warnings, on_warning))
        result = ingest_items(items, options, progress=tick)
    result.warnings.extend(warnings)
    return result


def ingest_items(
    items: Iterable[Article | Rejected],
    options: Options | None = None,
    *,
    kind: str = "ingest",
    progress: Progress | None = None,
) -> IngestResult:
    """:func:`ingest` for articles already read (by ``watch``, or by a caller's own reader).

    The run is recorded in the workspace as a run of ``kind``.
    """
    options = options or Options()
    stages = document_prefix(check_options(options))
    if options.workspace is None:
        raise ValueError("ingest stores into a workspace: set options.workspace")
    doc_options = options.replace(pipeline=tuple(stage.name for stage in stages))
    result = IngestResult()
    tick = progress or (lambda step, count: None)
    chunk_size = max(INGEST_CHUNK, 16 * options.jobs)
    with open_workspace(options=options) as ws:
        run_id = ws.start_run(kind, doc_options.pipeline)
        pending: list[Article] = []

        def flush() -> None:
            batch = Batch(articles=list(pending))
            pending.clear()
            if doc_options.pipeline:
                batch = run(batch, doc_options)
            result.rejected.extend(batch.rejected)
            for article in batch.articles:
                result.count(ws.add_article(article))
                result.articles.append(article.id)
            tick("stored", result.new + result.new_version + result.unchanged)

        for read, item in enumerate(items, 1):
            tick("read", read)
            if isinstance(item, Rejected):
                result.rejected.append(item)
            elif ws.has_content(item.source.key, item.content_hash):
                result.unchanged += 1
                result.articles.append(item.id)
            else:
                pending.append(item)
                if len(pending) >= chunk_size:
                    flush()
        if pending:
            flush()
        ws.finish_run(run_id, result.counts())
    return result


def build_stories(options: Options | None = None, *, progress: Progress | None = None) -> Batch:
    """Run the corpus-level stages over the workspace's latest articles and save the result."""
    options = options or Options()
    stages = check_options(options)
    if options.workspace is None:
        raise ValueError("stories are built over a workspace: set options.workspace")
    # The document stages ran at ingest time: their outputs are in the stored articles.
    document = [stage.name for stage in document_prefix(stages)]
    corpus_options = options.replace(pipeline=tuple(s.name for s in stages if s.scope == "corpus"))
    ticking = _progress(options, "stories", progress, stages=len(corpus_options.pipeline))
    with open_workspace(options=options, create=False) as ws, ticking as tick:
        run_id = ws.start_run("stories", corpus_options.pipeline)
        batch = Batch(articles=ws.latest_articles())
        tick("loaded", len(batch.articles))
        batch = run(batch, corpus_options, tick, provided=provides(document))
        ws.save_analysis(batch)
        ws.finish_run(run_id, {"articles": len(batch.articles), "stories": len(batch.stories)})
    return batch


def _stage_steps(stages: Sequence[Stage], options: Options) -> int:
    """How many stage steps ``pipeline.run`` reports: a pool reports its document stages as one."""
    if options.jobs > 1:
        return len(stages) - len(document_prefix(stages)) + 1
    return len(stages)


def _collect(into: list[InputWarning], forward: WarningSink | None) -> WarningSink:
    def sink(warning: InputWarning) -> None:
        into.append(warning)
        if forward is not None:
            forward(warning)

    return sink


@contextmanager
def _progress(
    options: Options, label: str, callback: Progress | None, *, inputs: int | None = None, stages: int = 0
) -> Iterator[Progress]:
    """A progress callback: the caller's, bars on stderr (``show_progress``), or nothing."""
    if callback is not None or not options.show_progress:
        yield callback or (lambda step, count: None)
        return
    from rich.console import Console

    with progress_bars(label, Console(stderr=True), inputs=inputs, stages=stages) as update:
        yield update


#: Steps that count articles (against the number of inputs); any other step names a pipeline stage.
COUNTING_STEPS = frozenset({"read", "stored", "loaded"})


@contextmanager
def progress_bars(
    label: str, console: Any, *, inputs: int | None = None, stages: int = 0
) -> Iterator[Progress]:
    """Rich progress bars: one per counting step (articles read, stored) out of ``inputs``, and one
    for the pipeline that advances at each new stage name, out of ``stages``."""
    from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bars

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Bars(*columns, console=console) as bars:
        tasks: dict[str, Any] = {}
        seen: set[str] = set()

        def update(step: str, count: int) -> None:
            if step in COUNTING_STEPS:
                if step not in tasks:
                    tasks[step] = bars.add_task(f"{label}: {step}", total=inputs)
                bars.update(tasks[step], completed=count)
                return
            if "stages" not in tasks:
                tasks["stages"] = bars.add_task(f"{label}: stages", total=stages or None)
            if step not in seen:
                seen.add(step)
                bars.update(tasks["stages"], advance=1, description=f"{label}: {step}")

        yield update
