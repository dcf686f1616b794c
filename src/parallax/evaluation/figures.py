"""Quantities and dates scored against the team's gold, on whole articles and on hard sentences.

A gold folder (``tests/gold``) may hold two parts, each scored when present:

- **corpus**: the per-article gold of the sample corpus (``*.json`` with an ``"article"``
  path, read relative to the folder or one of its parents), the articles read and run
  through the document stages of the pipeline;
- **sentences**: ``sentences/quantities.jsonl`` and ``sentences/dates.jsonl``, one short
  passage a line with its language, publication date and gold items
  (``tests/gold/sentences/README.md``); each passage becomes an article with that
  language and date and runs through the extraction stages (no cleaning or language
  detection: the passage has no site chrome and its language is given).

Gold items are matched to system items with the matching code of
:mod:`parallax.evaluation.gold` (text located at every occurrence, spans overlapping,
one-to-one, greedy in list order). Measures, per part, per language and combined:

- quantities: value P/R/F1 (span + stated value) and interval P/R/F1 (span + value +
  low + high);
- dates: value accuracy over the gold dates the system found, value accuracy over all
  gold dates (a missed date counts as wrong), and P/R/F1 of the expressions found.

Run with ``parallax eval quantities|dates --gold DIR``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.evaluation.gold import _match, _occurrences, _same_number, article_key, load_gold, load_passages
from parallax.evaluation.scores import GoldReport
from parallax.ingest import body_article, read_inputs
from parallax.model import Article, Batch, DateExpression, Quantity, Source, Span
from parallax.options import DOCUMENT_PIPELINE, Options
from parallax.pipeline import run

#: The extraction stages a gold sentence runs through (it has no chrome to clean, its language is given).
SENTENCE_STAGES: tuple[str, ...] = tuple(
    s for s in DOCUMENT_PIPELINE if s not in ("clean", "language", "credits")
)
COMBINED = "all"


@dataclass(frozen=True, slots=True)
class FigureError:
    """One disagreement, for the error list: ``kind`` is missed, spurious, value or interval."""

    part: str  # "corpus" or "sentences"
    item: str  # article file stem or sentence id
    kind: str
    text: str
    expected: str
    found: str


@dataclass(slots=True)
class FiguresReport:
    """Measures keyed by scope: ``all``, a part (``corpus``, ``sentences``) or ``part/language``."""

    kind: str  # "quantities" or "dates"
    scopes: dict[str, GoldReport] = field(default_factory=dict)
    errors: list[FigureError] = field(default_factory=list)
    #: per-article gold files whose article was not found (named, not silently skipped)
    missing_articles: list[str] = field(default_factory=list)

    def scope(self, name: str) -> GoldReport:
        return self.scopes.setdefault(name, GoldReport())

    def scopes_of(self, part: str, language: str | None) -> list[GoldReport]:
        names = [COMBINED, part] + ([f"{part}/{language}"] if language else [])
        return [self.scope(n) for n in names]

    @property
    def combined(self) -> GoldReport:
        return self.scope(COMBINED)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "scopes": {name: report.to_dict() for name, report in sorted(self.scopes.items())},
            "errors": [dataclasses.asdict(e) for e in self.errors],
            "missing_articles": list(self.missing_articles),
        }

    def table(self) -> str:
        """One Markdown table per scope, combined first."""
        order = sorted(self.scopes, key=lambda n: (n != COMBINED, n.count("/"), n))
        return "\n\n".join(f"### {self.kind}: {name}\n\n{self.scopes[name].table()}" for name in order)


@dataclass(slots=True)
class QuantityReport(FiguresReport):
    kind: str = "quantities"

    @property
    def value_f1(self) -> float:
        return self.combined.score("quantities (value)").f1

    @property
    def interval_f1(self) -> float:
        return self.combined.score("quantities (value+interval)").f1


@dataclass(slots=True)
class DateReport(FiguresReport):
    kind: str = "dates"

    @property
    def value_accuracy(self) -> float:
        """Over the gold dates found (the measure of the bar)."""
        return self.combined.ratio("date value accuracy (found)")

    @property
    def value_accuracy_all(self) -> float:
        return self.combined.ratio("date value accuracy (all gold)")

    @property
    def found_f1(self) -> float:
        return self.combined.score("dates (found)").f1


# -- inputs


@dataclass(frozen=True, slots=True)
class _Scored:
    """One article and its gold items of the kind scored."""

    part: str
    name: str
    article: Article
    gold: list[dict[str, Any]]


def _article_path(gold_dir: Path, relative: str) -> Path | None:
    for base in (gold_dir, *gold_dir.resolve().parents, Path.cwd()):
        candidate = base / relative
        if candidate.is_file():
            return candidate
    return None


def _corpus(gold_dir: Path, kind: str, options: Options) -> tuple[list[_Scored], list[str]]:
    """The sample articles named by the per-article gold, analysed; and the gold files whose article
    is missing."""
    articles_gold, _ = load_gold(gold_dir)
    paths: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    for stem, gold in articles_gold.items():
        if "article" not in gold:
            continue
        path = _article_path(gold_dir, str(gold["article"]))
        if path is None:
            missing.append(stem)
        else:
            paths[str(path)] = gold
    if not paths:
        return [], missing
    batch = read_inputs(sorted(paths), options)
    batch = run(batch, dataclasses.replace(options, pipeline=DOCUMENT_PIPELINE))
    wanted = {Path(p).stem: g for p, g in paths.items()}
    scored = [
        _Scored("corpus", article_key(a), a, list(wanted[article_key(a)].get(kind, [])))
        for a in batch.articles
        if article_key(a) in wanted
    ]
    return scored, missing


def sentence_article(item: dict[str, Any]) -> Article:
    """A gold passage as an article with its language and publication date, the text being the body."""
    return body_article(
        str(item["text"]),
        Source(path=f"gold-sentences/{item['id']}"),
        language=item.get("language"),
        published=item.get("published"),
    )


def _sentences(gold_dir: Path, kind: str, options: Options) -> list[_Scored]:
    path = gold_dir / "sentences" / f"{kind}.jsonl"
    if not path.is_file():
        return []
    items = load_passages(path)
    batch = Batch(articles=[sentence_article(item) for item in items])
    stages = dataclasses.replace(options, pipeline=SENTENCE_STAGES)
    done = run(batch, stages, provided=("removed", "language"))
    by_id = {a.id: a for a in done.articles}
    out: list[_Scored] = []
    for item, article in zip(items, batch.articles, strict=True):
        analysed = by_id.get(article.id)
        if analysed is not None:
            out.append(_Scored("sentences", str(item["id"]), analysed, list(item.get(kind, []))))
    return out


# -- scoring


def _quantity_value(gold: dict[str, Any], q: Quantity) -> bool:
    return _same_number(gold["value"], q.value)


def _quantity_interval(gold: dict[str, Any], q: Quantity) -> bool:
    return (
        _same_number(gold["value"], q.value)
        and _same_number(gold.get("low"), q.low)
        and _same_number(gold.get("high"), q.high)
    )


def _span(item: Quantity | DateExpression) -> Span:
    return item.span


def _overlapping(article: Article, text: str, items: Sequence[Any]) -> list[Any]:
    places = _occurrences(article.text, text)
    return [x for x in items if any(p.overlaps(x.span) for p in places)]


def _spurious(article: Article, gold: Sequence[dict[str, Any]], items: Sequence[Any]) -> list[Any]:
    places = [p for g in gold for p in _occurrences(article.text, str(g["text"]))]
    return [x for x in items if not any(p.overlaps(x.span) for p in places)]


def _quantity_shown(q: Quantity | dict[str, Any]) -> str:
    if isinstance(q, dict):
        value, low, high, unit = q.get("value"), q.get("low"), q.get("high"), q.get("unit")
    else:
        value, low, high, unit = q.value, q.low, q.high, q.unit
    return (
        f"{value:g} [{low}, {high}] {unit or ''}".strip()
        if value is not None
        else f"[{low}, {high}] {unit or ''}"
    )


def _score_quantities(scored: Iterable[_Scored], report: QuantityReport) -> None:
    for s in scored:
        system = s.article.quantities
        for measure, agree in (
            ("quantities (value)", _quantity_value),
            ("quantities (value+interval)", _quantity_interval),
        ):
            score = _match(s.article, s.gold, system, span_of=_span, agree=agree)
            for scope in report.scopes_of(s.part, s.article.language):
                scope.score(measure).add(score)
        for gold in s.gold:
            near = _overlapping(s.article, str(gold["text"]), system)
            if _match(s.article, [gold], system, span_of=_span, agree=_quantity_interval).tp:
                continue
            if not near:
                kind, found = "missed", ""
            elif _match(s.article, [gold], system, span_of=_span, agree=_quantity_value).tp:
                kind, found = "interval", "; ".join(f"{q.text!r} {_quantity_shown(q)}" for q in near)
            else:
                kind, found = "value", "; ".join(f"{q.text!r} {_quantity_shown(q)}" for q in near)
            report.errors.append(
                FigureError(s.part, s.name, kind, str(gold["text"]), _quantity_shown(gold), found)
            )
        for q in _spurious(s.article, s.gold, system):
            report.errors.append(FigureError(s.part, s.name, "spurious", q.text, "", _quantity_shown(q)))


def _score_dates(scored: Iterable[_Scored], report: DateReport) -> None:
    for s in scored:
        system = s.article.dates
        found_score = _match(s.article, s.gold, system, span_of=_span, agree=lambda g, d: True)
        scopes = report.scopes_of(s.part, s.article.language)
        for scope in scopes:
            scope.score("dates (found)").add(found_score)
        for gold in s.gold:
            near = _overlapping(s.article, str(gold["text"]), system)
            right = any(d.value == gold["value"] for d in near)
            for scope in scopes:
                scope.rate("date value accuracy (all gold)", right)
                if near:
                    scope.rate("date value accuracy (found)", right)
            if not right:
                report.errors.append(
                    FigureError(
                        s.part,
                        s.name,
                        "value" if near else "missed",
                        str(gold["text"]),
                        str(gold["value"]),
                        "; ".join(f"{d.text!r} {d.value}" for d in near),
                    )
                )
        for d in _spurious(s.article, s.gold, system):
            report.errors.append(FigureError(s.part, s.name, "spurious", d.text, "", str(d.value)))


def _options(options: Options | None) -> Options:
    base = options or Options()
    return dataclasses.replace(base, workspace=None, jobs=1)


def _collect(gold: Path, kind: str, options: Options, report: FiguresReport) -> list[_Scored]:
    corpus, missing = _corpus(gold, kind, options)
    report.missing_articles.extend(missing)
    return corpus + _sentences(gold, kind, options)


def evaluate_quantities(gold: Path, options: Options | None = None) -> QuantityReport:
    """Quantity value and interval P/R/F1 over the gold folder's corpus part and sentence part."""
    report = QuantityReport()
    _score_quantities(_collect(gold, "quantities", _options(options), report), report)
    return report


def evaluate_dates(gold: Path, options: Options | None = None) -> DateReport:
    """Date value accuracy and found P/R/F1 over the gold folder's corpus part and sentence part."""
    report = DateReport()
    _score_dates(_collect(gold, "dates", _options(options), report), report)
    return report


def _errors_table(errors: Sequence[FigureError]) -> str:
    if not errors:
        return "No errors."
    lines = ["| part | item | error | text | expected | found |", "|---|---|---|---|---|---|"]
    for e in errors:
        cells = (e.part, e.item, e.kind, e.text, e.expected, e.found)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def _format(report: FiguresReport, headline: Callable[[], str]) -> str:
    parts = [headline(), report.table(), f"### errors ({len(report.errors)})", _errors_table(report.errors)]
    if report.missing_articles:
        parts.append("gold files whose article was not found: " + ", ".join(report.missing_articles))
    return "\n\n".join(parts)


def format_quantities(report: QuantityReport) -> str:
    """The CLI's text: headline figures, a table per scope, then every error."""
    return _format(
        report,
        lambda: (
            f"quantities: value F1 {report.value_f1:.3f}, interval F1 {report.interval_f1:.3f} (combined)"
        ),
    )


def format_dates(report: DateReport) -> str:
    return _format(
        report,
        lambda: (
            f"dates: value accuracy {report.value_accuracy:.3f} over found, "
            f"{report.value_accuracy_all:.3f} over all gold; found F1 {report.found_f1:.3f} (combined)"
        ),
    )
