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
from parallax.api import (
    Analysis,
    IngestResult,
    analyze,
    build_stories,
    check_options,
    ingest,
    ingest_items,
    open_workspace,
)
from parallax.ingest import InputWarning, is_iso_date
from parallax.model import Article, Batch, Rejected, Story
from parallax.options import NAME_TAGGERS, NameTagger, Options
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

_NAME_TAGGER = click.option(
    "--name-tagger",
    type=click.Choice(NAME_TAGGERS),
    default="crf",
    show_default=True,
    help="Portuguese name tagger: 'crf' (fast) or 'e5' (fine-tuned encoder: more accurate, "
    "entities about 8x slower; needs pip install 'parallax-news[e5]').",
)


def _analysis_options(fn: F) -> F:
    for option in (_NAME_TAGGER, _NO_EMBEDDINGS, _PUBLISHED_DEFAULT, _JOBS, _PIPELINE):
        fn = option(fn)
    return fn


# ---- input sources (URLs, URL lists, WARC files) and fetching

_URLS = click.option(
    "--urls",
    "url_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    metavar="FILE",
    help="Read URLs from FILE, one per line ('#' starts a comment line; '-' reads stdin). Repeatable.",
)
_WARC = click.option(
    "--warc",
    "warcs",
    multiple=True,
    metavar="PATH",
    help="A WARC file (.warc, .warc.gz) to read pages from. Repeatable.",
)


_FETCH_DEFAULTS = Options(workspace=None)


def _fetch_options(fn: F) -> F:
    options = (
        click.option(
            "--fetch-timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=_FETCH_DEFAULTS.fetch_timeout,
            show_default=True,
            metavar="SECONDS",
            help="Timeout for connecting and for each read when fetching URLs.",
        ),
        click.option(
            "--host-delay",
            type=click.FloatRange(min=0),
            default=_FETCH_DEFAULTS.host_delay,
            show_default=True,
            metavar="SECONDS",
            help="Least time between two requests to the same host.",
        ),
        click.option(
            "--no-robots", is_flag=True, help="Ignore robots.txt (only for sites you may crawl regardless)."
        ),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Let URLs reach loopback, private, link-local and cloud-metadata addresses "
            "(refused by default, also after redirects).",
        ),
    )
    for option in options:
        fn = option(fn)
    return fn


def _source_options(fn: F) -> F:
    return _URLS(_WARC(_fetch_options(fn)))


def _with_fetching(options: Options, sources: dict[str, Any]) -> Options:
    """The fetch flags onto :class:`Options`."""
    return options.replace(
        allow_private=bool(sources.get("allow_private")),
        respect_robots=not sources.get("no_robots"),
        host_delay=float(sources.get("host_delay", options.host_delay)),
        fetch_timeout=float(sources.get("fetch_timeout", options.fetch_timeout)),
    )


def _gather_inputs(paths: Sequence[str], sources: dict[str, Any]) -> tuple[list[str], list[Rejected]]:
    """PATHS, then the URLs of each --urls file, then each --warc; lines that are not URLs are rejected."""
    inputs = list(paths)
    rejected: list[Rejected] = []
    for url_file in sources.get("url_files") or ():
        name = "<stdin>" if str(url_file) == "-" else str(url_file)
        try:
            stdin = str(url_file) == "-"
            text = sys.stdin.read() if stdin else Path(url_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.BadParameter(f"cannot read {name}: {exc}", param_hint="'--urls'") from exc
        for number, line in enumerate(text.splitlines(), 1):
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            if entry.lower().startswith(("http://", "https://")):
                inputs.append(entry)
            else:
                rejected.append(Rejected(f"{name}:{number}", f"not an http(s) URL: {entry!r}"))
    inputs.extend(sources.get("warcs") or ())
    if not inputs and not rejected:
        raise click.UsageError("Missing argument 'PATHS...' (or --urls FILE, --warc PATH)")
    return inputs, rejected


def _make_options(
    *,
    workspace: Path | None,
    pipeline: str | None = None,
    jobs: int = 1,
    published_default: str | None = None,
    no_embeddings: bool = False,
    name_tagger: NameTagger = "crf",
) -> Options:
    options = Options(
        workspace=workspace,
        jobs=jobs,
        default_published=published_default,
        embeddings=not no_embeddings,
        name_tagger=name_tagger,
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
    Inputs are files (plain text, HTML, WARC, JSON/JSONL/CSV, any of them .gz),
    folders (read recursively), globs such as 'examples/*.txt', '-' for stdin,
    and http(s) URLs of pages, RSS/Atom feeds or sitemaps. A text file may start
    with a header block giving url, outlet, published, title and language.
    """


@cli.command("analyze")
@click.argument("paths", nargs=-1)
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
@_source_options
@click.pass_context
def analyze_command(
    ctx: click.Context,
    /,
    paths: tuple[str, ...],
    outputs: tuple[str, ...],
    fmt: str | None,
    workspace: Path,
    no_workspace: bool,
    pipeline: str | None,
    jobs: int,
    published_default: str | None,
    no_embeddings: bool,
    name_tagger: NameTagger,
    **sources: Any,
) -> None:
    """Analyse PATHS and write a report.

    Runs the whole pipeline (or --pipeline) over the inputs and writes one report per
    -o. Unless --no-workspace, the articles are stored in the workspace (as in 'parallax
    ingest') and this run's stories and entities replace the workspace's previous ones.

    \b
    PATHS may also be URLs: a page, an RSS/Atom feed (each item's page is read) or a
    sitemap (each listed page is read); more URLs with --urls FILE, web archives with
    --warc PATH.

    \b
    Examples:
      parallax analyze examples/ -o report.html -o report.json
      parallax analyze 'news/*.txt' --no-workspace -o - --format json
      cat article.txt | parallax analyze - --published-default 2025-03-14
      parallax analyze https://example.com/rss.xml --urls more-urls.txt -o report.html
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
        name_tagger=name_tagger,
    )
    options = _with_fetching(options, sources)
    inputs, unread = _gather_inputs(paths, sources)
    with _workspace_errors():
        result: Analysis = analyze(inputs, options)
    result.batch.rejected[:0] = unread
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
@click.argument("paths", nargs=-1)
@_workspace_option
@_analysis_options
@_source_options
@click.pass_context
def ingest_command(
    ctx: click.Context,
    /,
    paths: tuple[str, ...],
    workspace: Path,
    pipeline: str | None,
    jobs: int,
    published_default: str | None,
    no_embeddings: bool,
    name_tagger: NameTagger,
    **sources: Any,
) -> None:
    """Add PATHS to the workspace, analysing each document.

    Runs the document-level stages (cleaning, language, credits, sentences, entities,
    quotes, quantities, dates) over each new or changed input and stores it; inputs
    whose content is already stored are not analysed again. Changed content at the
    same source (URL, else path) is stored as a new version. Prints how many inputs
    were new, unchanged, new versions and rejected. Each article is committed on its
    own: an interrupted run keeps what it stored, and running it again adds the rest.
    Build stories afterwards with 'parallax stories'. PATHS may be URLs of pages, feeds
    or sitemaps (see 'parallax analyze'); also --urls FILE and --warc PATH.
    """
    options = _make_options(
        workspace=workspace,
        pipeline=pipeline,
        jobs=jobs,
        published_default=published_default,
        no_embeddings=no_embeddings,
        name_tagger=name_tagger,
    )
    options = _with_fetching(options, sources)
    inputs, unread = _gather_inputs(paths, sources)
    with _workspace_errors():
        result: IngestResult = ingest(inputs, options)
    result.rejected[:0] = unread
    _report_problems(result.rejected, result.warnings)
    click.echo(
        f"new: {result.new}, unchanged: {result.unchanged}, new_version: {result.new_version}, "
        f"rejected: {len(result.rejected)}"
    )
    ctx.exit(1 if result.rejected else 0)


@cli.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--interval",
    type=click.FloatRange(min=0),
    default=300.0,
    show_default=True,
    metavar="SECONDS",
    help="Time between two polls of the feeds.",
)
@click.option(
    "--polls", type=click.IntRange(min=1), metavar="N", help="Stop after N polls (default: until Ctrl-C)."
)
@_workspace_option
@_analysis_options
@_fetch_options
def watch_command(
    feeds: tuple[str, ...],
    interval: float,
    polls: int | None,
    workspace: Path,
    pipeline: str | None,
    jobs: int,
    published_default: str | None,
    no_embeddings: bool,
    name_tagger: NameTagger,
    **fetching: Any,
) -> None:
    """Poll RSS/Atom FEEDS (or news sitemaps) and add each new item's article to the workspace.

    Each poll asks every feed with a conditional GET (ETag, Last-Modified), follows the
    items not taken before to their pages, and stores the articles as 'parallax ingest'
    does. What was taken is remembered in WORKSPACE/watch-state.json, so a restart does
    not take an item twice. A feed that is down or malformed is reported and tried again
    at the next poll. Stop with Ctrl-C.

    \b
    Example:
      parallax watch https://example.com/rss.xml https://example.org/atom --interval 600
    """
    from parallax.ingest.web import STATE_FILE, PollReport, watch_feeds

    options = _make_options(
        workspace=workspace,
        pipeline=pipeline,
        jobs=jobs,
        published_default=published_default,
        no_embeddings=no_embeddings,
        name_tagger=name_tagger,
    ).replace(show_progress=False)
    options = _with_fetching(options, fetching)
    state_path = workspace / STATE_FILE
    warnings: list[InputWarning] = []

    def store(items: list[Article | Rejected]) -> None:
        with _workspace_errors():
            result = ingest_items(items, options, kind="watch")
        _report_problems(result.rejected, warnings)
        warnings.clear()
        if result.new or result.new_version:
            _say(f"parallax: stored new: {result.new}, new_version: {result.new_version}")

    def report(poll: PollReport) -> None:
        _say(f"parallax: {poll.describe()}")

    _say(
        f"parallax: watching {_count(len(feeds), 'feed', 'feeds')} every {interval:g} s; "
        f"state in {state_path}"
    )
    try:
        summary = watch_feeds(
            feeds,
            options,
            store=store,
            state_path=state_path,
            interval=interval,
            polls=polls,
            on_report=report,
            on_warning=warnings.append,
        )
    except KeyboardInterrupt:
        _say("parallax: watch stopped; what was taken is stored and remembered")
        return
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(
            f"cannot write the watch state {state_path}: {exc.strerror or exc}"
        ) from exc
    _say(
        f"parallax: {_count(summary.polls, 'poll', 'polls')}: "
        f"{_count(summary.articles, 'article', 'articles')}, "
        f"{summary.rejected} rejected, {summary.feed_errors} feed errors"
    )


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


def _print_measures(report: Any, fmt: str, render: Callable[[Any], str] | None = None) -> None:
    """JSON for ``--format json``; else ``render(report)`` (the table plus an error list), or the table."""
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render(report) if render is not None else report.table())


@eval_group.command("gold")
@click.argument("examples", type=click.Path(exists=True, path_type=Path), default=Path("examples"))
@click.argument(
    "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("tests/gold")
)
@_NO_EMBEDDINGS
@_NAME_TAGGER
@_EVAL_FORMAT
@click.pass_context
def eval_gold(
    ctx: click.Context, examples: Path, gold_dir: Path, no_embeddings: bool, name_tagger: NameTagger, fmt: str
) -> None:
    """Run the whole pipeline over EXAMPLES and score it against the gold in GOLD_DIR.

    Defaults: examples/ and tests/gold/ of a source checkout.
    """
    from parallax.evaluation import evaluate

    options = _make_options(workspace=None, no_embeddings=no_embeddings, name_tagger=name_tagger)
    result = analyze([str(examples)], options)
    _report_problems(result.rejected, result.warnings)
    _print_measures(evaluate(result.batch, gold_dir), fmt)
    ctx.exit(1 if result.rejected else 0)


def _gold_option(default: Path) -> Callable[[F], F]:
    return click.option(
        "--gold",
        "gold_dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=default,
        show_default=True,
        help="Folder of the team's gold.",
    )


@eval_group.command("cleaning")
@_gold_option(Path("tests/gold/cleaning"))
@_EVAL_FORMAT
@click.pass_context
def eval_cleaning(ctx: click.Context, gold_dir: Path, fmt: str) -> None:
    """Cleaning (removed lines, reasons, credits) on the team's corpus of scraped-style pages.

    Exits 1 when a bar of the quality gate is missed.
    """
    from parallax.evaluation.cleaning import evaluate_cleaning, format_cleaning

    report = evaluate_cleaning(gold_dir, _make_options(workspace=None, no_embeddings=True))
    _print_measures(report, fmt, format_cleaning)
    ctx.exit(1 if report.failed_bars() else 0)


@eval_group.command("quotes")
@_gold_option(Path("tests/gold"))
@_NO_EMBEDDINGS
@_NAME_TAGGER
@_EVAL_FORMAT
def eval_quotes(gold_dir: Path, no_embeddings: bool, name_tagger: NameTagger, fmt: str) -> None:
    """Quotes and speakers: the sample corpus' gold and GOLD/sentences/quotes.jsonl."""
    from parallax.evaluation.quotes import evaluate_quotes, format_quotes

    options = _make_options(workspace=None, no_embeddings=no_embeddings, name_tagger=name_tagger)
    report = evaluate_quotes(gold_dir, options)
    _print_measures(report, fmt, format_quotes)


@eval_group.command("quantities")
@_gold_option(Path("tests/gold"))
@_EVAL_FORMAT
def eval_quantities(gold_dir: Path, fmt: str) -> None:
    """Quantities (value, interval, unit): the sample corpus' gold and GOLD/sentences/quantities.jsonl."""
    from parallax.evaluation.figures import evaluate_quantities, format_quantities

    report = evaluate_quantities(gold_dir, _make_options(workspace=None, no_embeddings=True))
    _print_measures(report, fmt, format_quantities)


@eval_group.command("dates")
@_gold_option(Path("tests/gold"))
@_EVAL_FORMAT
def eval_dates(gold_dir: Path, fmt: str) -> None:
    """Date values resolved against the publication date: the sample gold and GOLD/sentences/dates.jsonl."""
    from parallax.evaluation.figures import evaluate_dates, format_dates

    report = evaluate_dates(gold_dir, _make_options(workspace=None, no_embeddings=True))
    _print_measures(report, fmt, format_dates)


@eval_group.command("ner")
@click.option(
    "--harem",
    "where",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="First HAREM folder (FirstHAREM-selective-<split>.json) or one such file.",
)
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@_NAME_TAGGER
@_EVAL_FORMAT
def eval_ner(where: Path, split: str, name_tagger: NameTagger, fmt: str) -> None:
    """Entity mentions on First HAREM: exact-match P/R/F1 for PER, ORG, LOC and micro."""
    from parallax.evaluation.harem import evaluate_harem, harem_file

    try:
        path = harem_file(where, split)
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from None
    options = _make_options(workspace=None, no_embeddings=True, name_tagger=name_tagger)
    _print_measures(evaluate_harem(path, options), fmt)


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
