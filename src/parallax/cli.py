"""The ``parallax`` command: a thin layer over :mod:`parallax.api`.

Exit codes: 0 when every input was analysed; 1 when some inputs were rejected
(each named on stderr with its reason; the others are still analysed and
reported) or the workspace could not be used; 2 for a usage error, including a
pipeline configuration that cannot run. Bad input never produces a traceback.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from parallax import __version__
from parallax.api import Analysis, IngestResult, analyze, build_stories, check_options, ingest, open_workspace
from parallax.ingest import InputWarning, is_iso_date
from parallax.model import Batch, Rejected, Story
from parallax.options import Options
from parallax.pipeline import PipelineError, describe
from parallax.store import WorkspaceError

#: Report formats (must equal ``parallax.report.FORMATS``) and the extensions that imply them.
REPORT_FORMATS: tuple[str, ...] = ("json", "md", "html")
EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_WORKSPACE = Path("parallax-workspace")

F = TypeVar("F", bound=Callable[..., Any])


class ConfigError(click.ClickException):
    """A configuration that cannot run: reported like a usage error (exit 2), without a traceback."""

    exit_code = 2


# --------------------------------------------------------------------------- shared options


def _workspace_option(fn: F) -> F:
    return click.option(
        "--workspace",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="PARALLAX_WORKSPACE",
        default=DEFAULT_WORKSPACE,
        show_default=True,
        help="Workspace folder (an embedded SQLite database). Env: PARALLAX_WORKSPACE.",
    )(fn)


_PIPELINE = click.option(
    "--pipeline",
    metavar="STAGE,STAGE,...",
    help="Stages to run, comma-separated, in order (see 'parallax stages'). Default: every stage.",
)
_JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes for the document-level stages.",
)
_PUBLISHED_DEFAULT = click.option(
    "--published-default",
    metavar="DATE",
    help="Publication date (ISO 8601) assumed for inputs whose header gives none; "
    "relative dates such as 'ontem' resolve against it.",
)
_NO_EMBEDDINGS = click.option(
    "--no-embeddings",
    is_flag=True,
    help="Lexical similarity only: faster, but no cross-language story grouping.",
)


def _analysis_options(fn: F) -> F:
    for option in (_NO_EMBEDDINGS, _PUBLISHED_DEFAULT, _JOBS, _PIPELINE):
        fn = option(fn)
    return fn


def _make_options(
    *,
    workspace: Path | None,
    pipeline: str | None = None,
    jobs: int = 1,
    published_default: str | None = None,
    no_embeddings: bool = False,
) -> Options:
    options = Options(
        workspace=workspace,
        jobs=jobs,
        default_published=published_default,
        embeddings=not no_embeddings,
        show_progress=sys.stderr.isatty(),
    )
    if pipeline is not None:
        options = options.replace(
            pipeline=tuple(name.strip() for name in pipeline.split(",") if name.strip())
        )
    if published_default is not None and not is_iso_date(published_default):
        raise click.BadParameter(
            f"{published_default!r} is not an ISO 8601 date (e.g. 2025-03-14 or 2025-03-14T10:30:00-03:00)",
            param_hint="'--published-default'",
        )
    try:
        check_options(options)
    except (PipelineError, ValueError) as exc:
        raise ConfigError(f"bad pipeline configuration: {exc}") from exc
    return options


def _format_choice(formats: Sequence[str]) -> click.Choice[str]:
    return click.Choice(list(formats), case_sensitive=False)


# --------------------------------------------------------------------------- messages


def _say(message: str) -> None:
    click.echo(message, err=True)


def _report_problems(rejected: Sequence[Rejected], warnings: Sequence[InputWarning]) -> None:
    for warning in warnings:
        _say(f"parallax: warning: {warning.input}: {warning.message}")
    for item in rejected:
        _say(f"parallax: rejected {item.input}: {item.reason}")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _workspace_failure(exc: Exception) -> click.ClickException:
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return click.ClickException(f"the workspace is busy (another parallax is writing to it): {exc}")
    if isinstance(exc, sqlite3.Error):
        return click.ClickException(f"workspace error: {exc}")
    return click.ClickException(str(exc))


@contextmanager
def _workspace_errors() -> Iterator[None]:
    """A workspace that cannot be used becomes a one-line error (exit 1), not a traceback."""
    try:
        yield
    except (WorkspaceError, sqlite3.Error) as exc:
        raise _workspace_failure(exc) from exc


# --------------------------------------------------------------------------- reports


def _output_format(target: str, fmt: str | None) -> str:
    implied = None if target == "-" else EXTENSIONS.get(Path(target).suffix.lower())
    if fmt and implied and fmt != implied:
        raise click.UsageError(f"--format {fmt} contradicts the extension of {target} ({implied})")
    chosen = fmt or implied or ("md" if target == "-" else None)
    if chosen is None:
        raise click.UsageError(
            f"cannot tell the report format of {target} from its extension; "
            f"use .json, .md or .html, or --format {'|'.join(REPORT_FORMATS)}"
        )
    return chosen


def _check_writable(target: str) -> None:
    if target == "-":
        return
    parent = Path(target).parent
    if not parent.is_dir():
        raise click.UsageError(f"cannot write {target}: folder {parent} does not exist")
    if Path(target).is_dir():
        raise click.UsageError(f"cannot write {target}: it is a folder")


def _render_all(batch: Batch, formats: Sequence[str]) -> dict[str, str]:
    from parallax.report import build_report, render

    report = build_report(batch)
    return {fmt: render(report, fmt) for fmt in dict.fromkeys(formats)}


def _write(target: str, text: str) -> None:
    if target == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    path = Path(target)
    # Written beside the target and renamed over it: a reader never sees half a report.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- commands


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="parallax")
def cli() -> None:
    """Parallax: what each news source really says, claim by claim.

    Read news reports of the same events (Portuguese, English, Spanish), and see where
    the sources agree, where they contradict each other, what only one of them claims,
    who said what, and which agency a story came from.

    \b
    Inputs are plain-text files, folders (read recursively: .txt, .md, .text),
    globs such as 'examples/*.txt', or '-' for stdin. A file may start with a
    header block giving url, outlet, published, title and language.
    """


@cli.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the report here (repeatable); the format follows the extension "
    "(.json, .md, .html). '-' writes to stdout. Default: Markdown on stdout.",
)
@click.option(
    "--format", "fmt", type=_format_choice(REPORT_FORMATS), help="Report format for outputs without one."
)
@_workspace_option
@click.option("--no-workspace", is_flag=True, help="Keep everything in memory; store nothing.")
@_analysis_options
@click.pass_context
def analyze_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    outputs: tuple[str, ...],
    fmt: str | None,
    workspace: Path,
    no_workspace: bool,
    pipeline: str | None,
    jobs: int,
    published_default: str | None,
    no_embeddings: bool,
) -> None:
    """Analyse PATHS and write a report.

    Runs the whole pipeline (or --pipeline) over the inputs and writes one report per
    -o. Unless --no-workspace, the articles are stored in the workspace (as in 'parallax
    ingest') and this run's stories and entities replace the workspace's previous ones.

    \b
    Examples:
      parallax analyze examples/ -o report.html -o report.json
      parallax analyze 'news/*.txt' --no-workspace -o - --format json
      cat article.txt | parallax analyze - --published-default 2025-03-14
    """
    fmt = fmt.lower() if fmt else None
    targets = list(outputs) or ["-"]
    formats = [_output_format(target, fmt) for target in targets]
    for target in targets:
        _check_writable(target)
    options = _make_options(
        workspace=None if no_workspace else workspace,
        pipeline=pipeline,
        jobs=jobs,
        published_default=published_default,
        no_embeddings=no_embeddings,
    )
    with _workspace_errors():
        result: Analysis = analyze(paths, options)
    _report_problems(result.rejected, result.warnings)
    rendered = _render_all(result.batch, formats)
    for target, target_fmt in zip(targets, formats, strict=True):
        try:
            _write(target, rendered[target_fmt])
        except OSError as exc:
            raise click.ClickException(f"cannot write {target}: {exc.strerror or exc}") from exc
    batch = result.batch
    summary = (
        f"parallax: analysed {_count(len(batch.articles), 'article', 'articles')}, "
        f"{_count(len(batch.stories), 'story', 'stories')}; "
        f"{len(result.rejected)} rejected"
    )
    if result.stored is not None and options.workspace is not None:
        summary += f"; workspace {options.workspace}"
    written = [target for target in targets if target != "-"]
    if written:
        summary += f"; report: {', '.join(written)}"
    _say(summary)
    ctx.exit(1 if result.rejected else 0)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_workspace_option
@_analysis_options
@click.pass_context
def ingest_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    workspace: Path,
    pipeline: str | None,
    jobs: int,
    published_default: str | None,
    no_embeddings: bool,
) -> None:
    """Add PATHS to the workspace, analysing each document.

    Runs the document-level stages (cleaning, language, credits, sentences, entities,
    quotes, quantities, dates) over each new or changed input and stores it; inputs
    whose content is already stored are not analysed again. Changed content at the
    same source (URL, else path) is stored as a new version. Prints how many inputs
    were new, unchanged, new versions and rejected. Each article is committed on its
    own: an interrupted run keeps what it stored, and running it again adds the rest.
    Build stories afterwards with 'parallax stories'.
    """
    options = _make_options(
        workspace=workspace,
        pipeline=pipeline,
        jobs=jobs,
        published_default=published_default,
        no_embeddings=no_embeddings,
    )
    with _workspace_errors():
        result: IngestResult = ingest(paths, options)
    _report_problems(result.rejected, result.warnings)
    click.echo(
        f"new: {result.new}, unchanged: {result.unchanged}, new_version: {result.new_version}, "
        f"rejected: {len(result.rejected)}"
    )
    ctx.exit(1 if result.rejected else 0)


@cli.command("stories")
@_workspace_option
@_PIPELINE
@_NO_EMBEDDINGS
@click.option("--format", "fmt", type=_format_choice(("text", "json")), default="text", show_default=True)
def stories_command(workspace: Path, pipeline: str | None, no_embeddings: bool, fmt: str) -> None:
    """Group the workspace's articles into stories, compare them, and list the stories.

    Runs the corpus-level stages (entity merging, story grouping, comparison) over the
    latest version of every stored article, saves the result in the workspace (replacing
    the previous one) and lists each story: id, date, number of articles and outlets,
    number of conflicting claims, title. See one with 'parallax show STORY_ID'.
    """
    options = _make_options(workspace=workspace, pipeline=pipeline, no_embeddings=no_embeddings)
    with _workspace_errors():
        batch = build_stories(options)
    rows = [_story_row(story, batch) for story in batch.stories]
    if fmt.lower() == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        _say(f"parallax: no stories in {len(batch.articles)} articles")
        return
    click.echo(f"{'id':<14} {'date':<10} {'articles':>8} {'outlets':>7} {'conflicts':>9}  title")
    for row in rows:
        click.echo(
            f"{row['id']:<14} {row['date'] or '-':<10} {row['articles']:>8} {row['outlets']:>7} "
            f"{row['conflicts']:>9}  {row['title']}"
        )


def _story_row(story: Story, batch: Batch) -> dict[str, Any]:
    by_id = {article.id: article for article in batch.articles}
    members = [by_id[a] for a in story.articles if a in by_id]
    outlets = {article.outlet or article.source.key for article in members}
    return {
        "id": story.id,
        "date": story.date,
        "title": story.title,
        "articles": len(story.articles),
        "outlets": len(outlets),
        "conflicts": sum(1 for claim in story.claims if claim.status == "conflicting"),
    }


@cli.command("show")
@click.argument("story_id")
@_workspace_option
@click.option("--format", "fmt", type=_format_choice(("md", "json")), default="md", show_default=True)
def show_command(story_id: str, workspace: Path, fmt: str) -> None:
    """Show one story of the workspace: its claims, conflicts, quotes and sources.

    STORY_ID is an id listed by 'parallax stories'. The output is the story's part
    of the report, as Markdown or JSON.
    """
    with _workspace_errors(), open_workspace(workspace, create=False) as ws:
        story = ws.story(story_id)
        if story is None:
            raise click.ClickException(
                f"no story {story_id!r} in workspace {workspace} (list them with 'parallax stories')"
            )
        members = set(story.articles)
        articles = [a for a in (ws.article(article_id) for article_id in story.articles) if a is not None]
        entities = [e for e in ws.entities() if members.intersection(e.articles)]
    subset = Batch(articles=articles, entities=entities, stories=[story])
    _write("-", _render_all(subset, [fmt.lower()])[fmt.lower()])


@cli.command("search")
@click.argument("query")
@_workspace_option
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=_format_choice(("text", "json")), default="text", show_default=True)
def search_command(query: str, workspace: Path, limit: int, fmt: str) -> None:
    """Full-text search over the titles and bodies of the workspace's articles.

    Accents do not matter ('acao' finds 'ação'). QUERY may use FTS5 syntax: "an exact
    phrase", OR, NOT, prefix*. Hits are ranked best first, with the matching words
    marked **like this** in a snippet.
    """
    with _workspace_errors(), open_workspace(workspace, create=False) as ws:
        hits = ws.search(query, limit)
    if fmt.lower() == "json":
        click.echo(json.dumps([_hit_dict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        _say(f"parallax: no article matches {query!r}")
        return
    for rank, hit in enumerate(hits, 1):
        where = ", ".join(x for x in (hit.outlet, hit.published) if x)
        click.echo(
            f"{rank}. {hit.title or hit.source}" + (f" [{where}]" if where else "") + f" ({hit.article_id})"
        )
        click.echo(f"   {' '.join(hit.snippet.split())}")


def _hit_dict(hit: Any) -> dict[str, Any]:
    return {
        "article": hit.article_id,
        "source": hit.source,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "snippet": hit.snippet,
        "score": hit.score,
    }


@cli.command("stages")
@click.option("--format", "fmt", type=_format_choice(("text", "json")), default="text", show_default=True)
def stages_command(fmt: str) -> None:
    """List the pipeline stages: name, scope, what each requires and provides, what it does."""
    rows: list[dict[str, Any]] = [
        {
            "name": str(row["name"]),
            "scope": str(row["scope"]),
            "requires": _strings(row["requires"]),
            "provides": _strings(row["provides"]),
            "doc": str(row["doc"]).split("\n", 1)[0],
            "module": str(row["func"]),
        }
        for row in describe()
    ]
    if fmt.lower() == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table: list[list[str]] = [["stage", "scope", "requires", "provides", "doc"]]
    for row in rows:
        requires = ", ".join(row["requires"]) or "-"
        provides = ", ".join(row["provides"]) or "-"
        table.append([row["name"], row["scope"], requires, provides, row["doc"]])
    widths = [max(len(cells[i]) for cells in table) for i in range(4)]
    for cells in table:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
        click.echo("  ".join([*padded, cells[4]]).rstrip())


# --------------------------------------------------------------------------- eval


@cli.group("eval")
def eval_group() -> None:
    """Measure Parallax: against the gold for the sample corpus, and against research corpora.

    The research corpora (First HAREM, CSTNews) are read from where you keep them;
    nothing of them is copied into Parallax.
    """


_EVAL_FORMAT = click.option(
    "--format", "fmt", type=_format_choice(("md", "json")), default="md", show_default=True
)


_CSTNEWS = click.option(
    "--cstnews",
    "where",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="CSTNews folder (clusters.jsonl, and cst_relations.jsonl for relations) or clusters.jsonl.",
)


def _print_measures(report: Any, fmt: str) -> None:
    click.echo(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else report.table()
    )


@eval_group.command("gold")
@click.argument("examples", type=click.Path(exists=True, path_type=Path), default=Path("examples"))
@click.argument(
    "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("tests/gold")
)
@_NO_EMBEDDINGS
@_EVAL_FORMAT
@click.pass_context
def eval_gold(ctx: click.Context, examples: Path, gold_dir: Path, no_embeddings: bool, fmt: str) -> None:
    """Run the whole pipeline over EXAMPLES and score it against the gold in GOLD_DIR.

    Defaults: examples/ and tests/gold/ of a source checkout.
    """
    from parallax.evaluation import evaluate

    options = _make_options(workspace=None, no_embeddings=no_embeddings)
    result = analyze([str(examples)], options)
    _report_problems(result.rejected, result.warnings)
    _print_measures(evaluate(result.batch, gold_dir), fmt)
    ctx.exit(1 if result.rejected else 0)


@eval_group.command("ner")
@click.option(
    "--harem",
    "where",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="First HAREM folder (FirstHAREM-selective-<split>.json) or one such file.",
)
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@_EVAL_FORMAT
def eval_ner(where: Path, split: str, fmt: str) -> None:
    """Entity mentions on First HAREM: exact-match P/R/F1 for PER, ORG, LOC and micro."""
    from parallax.evaluation.harem import evaluate_harem, harem_file

    try:
        path = harem_file(where, split)
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from None
    _print_measures(evaluate_harem(path), fmt)


@eval_group.command("stories")
@_CSTNEWS
@_NO_EMBEDDINGS
@_EVAL_FORMAT
def eval_stories(where: Path, no_embeddings: bool, fmt: str) -> None:
    """Same-event grouping on CSTNews: B-cubed P/R/F1 and adjusted mutual information."""
    from parallax.evaluation.cstnews import evaluate_stories

    options = _make_options(workspace=None, no_embeddings=no_embeddings)
    _print_measures(evaluate_stories(_clusters(where), options), fmt)


@eval_group.command("sentences")
@_CSTNEWS
@_EVAL_FORMAT
def eval_sentences(where: Path, fmt: str) -> None:
    """Sentence splitting on CSTNews: P/R/F1 of sentence ends against the official segmentation."""
    from parallax.evaluation.cstnews import evaluate_sentences

    _print_measures(evaluate_sentences(_clusters(where)), fmt)


@eval_group.command("relations")
@_CSTNEWS
@_NO_EMBEDDINGS
@_EVAL_FORMAT
def eval_relations(where: Path, no_embeddings: bool, fmt: str) -> None:
    """Cross-source sentence relations on CSTNews: redundancy, complement, contradiction, none."""
    from parallax.evaluation.cstnews import evaluate_relations

    options = _make_options(workspace=None, no_embeddings=no_embeddings)
    _print_measures(evaluate_relations(_clusters(where), options), fmt)


def _clusters(where: Path) -> Path:
    from parallax.evaluation.cstnews import clusters_file

    try:
        return clusters_file(where)
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from None


def _strings(value: object) -> list[str]:
    return [str(x) for x in value] if isinstance(value, (list, tuple)) else []


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="parallax")
