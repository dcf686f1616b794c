"""Score the cleaning stages against the team's cleaning corpus (``tests/gold/cleaning/``).

The corpus is a folder of scraped-style pages (``.txt`` as a tag-stripping scraper leaves
them, ``.html`` as fetched) and one gold file per page naming every line kept, every line
removed (with its reason) and every agency credit. Each page goes through the real
ingest path and the document stages ``clean``, ``language`` and ``credits`` as one batch,
so signals that need several pages of one outlet (repeated chrome) can work.

Lines are matched by their text with white space collapsed, with multiplicity: a line
printed twice and annotated twice must be removed twice. A removed line the gold does not
know at all (a renderer that splits or joins HTML blocks differently from the gold) is
counted apart, as ``removed lines not in gold``, rather than as a false removal.

Run ``parallax eval cleaning`` or ``python -m parallax.evaluation.cleaning tests/gold/cleaning``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.clean.credits import GENERIC_AGENCIES
from parallax.evaluation.scores import GoldReport, Score
from parallax.ingest import iter_inputs
from parallax.model import Article, Batch, Rejected
from parallax.options import Options
from parallax.pipeline import run
from parallax.text import squash

CLEANING_PIPELINE: tuple[str, ...] = ("clean", "language", "credits")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")

REMOVED = "removed lines"
CREDITS = "credits (agency+kind)"
CREDITS_AGENCY = "credits (agency)"
KEPT = "kept lines kept"
REASON = "removed-line reason accuracy"
LANGUAGE = "language accuracy"

#: The bars of the quality gate (``docs/quality.md``, ``tests/evaluation/test_cleaning.py``).
BARS: tuple[tuple[str, str, float], ...] = (
    (REMOVED, "precision", 0.95),
    (REMOVED, "recall", 0.95),
    (CREDITS, "precision", 0.90),
    (CREDITS, "recall", 0.95),
)


def normalise(line: str) -> str:
    """The matching key of a line: white space (non-breaking included) collapsed, ends stripped."""
    return " ".join(line.split())


@dataclass(frozen=True, slots=True)
class CleaningError:
    """One disagreement with the gold, for debugging the cleaner (or the gold)."""

    input: str
    kind: str  # wrongly_removed, wrongly_kept, wrong_reason, missed_credit, false_credit, ...
    text: str
    detail: str = ""


@dataclass(slots=True)
class ReasonRow:
    """How the cleaner did on the gold removed lines of one reason."""

    gold: int = 0
    removed: int = 0  # removed, whatever reason the cleaner gave
    same_reason: int = 0


@dataclass(slots=True)
class CleaningReport:
    """Figures over the pages read; ``rejected`` names the pages that could not be scored."""

    inputs: int = 0
    overall: GoldReport = field(default_factory=GoldReport)
    by_reason: dict[str, ReasonRow] = field(default_factory=dict)
    by_system: dict[str, GoldReport] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    errors: list[CleaningError] = field(default_factory=list)
    #: removed lines that are no gold line at all (an HTML renderer that joins or splits blocks)
    removed_not_in_gold: int = 0
    #: gold lines the page's text does not hold (a gold error, or a renderer that differs)
    gold_not_in_text: int = 0

    @property
    def scored(self) -> int:
        return self.inputs - len(self.rejected)

    def removed(self) -> Score:
        return self.overall.score(REMOVED)

    def credits(self) -> Score:
        return self.overall.score(CREDITS)

    def failed_bars(self) -> list[str]:
        """The bars this report misses, as readable lines (empty when the gate passes)."""
        out = []
        for name, measure, bar in BARS:
            value = float(getattr(self.overall.score(name), measure))
            if value < bar:
                out.append(f"{name} {measure} {value:.3f} < {bar:.2f}")
        out += [f"rejected: {r.input}: {r.reason}" for r in self.rejected]
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every figure and error as plain data, for ``--format json``."""
        return {
            "inputs": self.inputs,
            "scored": self.scored,
            "removed_not_in_gold": self.removed_not_in_gold,
            "gold_not_in_text": self.gold_not_in_text,
            "measures": self.overall.to_dict(),
            "by_reason": {
                reason: {"gold": row.gold, "removed": row.removed, "same_reason": row.same_reason}
                for reason, row in sorted(self.by_reason.items())
            },
            "by_system": {system: report.to_dict() for system, report in sorted(self.by_system.items())},
            "rejected": [{"input": r.input, "reason": r.reason} for r in self.rejected],
            "errors": [
                {"input": e.input, "kind": e.kind, "text": e.text, "detail": e.detail} for e in self.errors
            ],
        }

    def table(self) -> str:
        return format_cleaning(self)


def load_cleaning_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold files of the corpus keyed by the input file name they annotate."""
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "input" in data:
            gold[str(data["input"])] = data
    return gold


def _html_reader_missing() -> bool:
    return importlib.util.find_spec("parallax.ingest.html") is None


def _looks_like_markup(article: Article) -> bool:
    """An HTML page read as plain text (no HTML reader wired into ingest) still shows its tags."""
    head = article.text[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype" in head


def read_corpus(folder: Path, gold: dict[str, dict[str, Any]], options: Options) -> Batch:
    """The corpus pages through the real ingest path; HTML pages are rejected when no HTML reader exists."""
    batch = Batch()
    paths: list[str] = []
    for name in sorted(gold):
        path = folder / name
        if path.suffix.lower() in HTML_SUFFIXES and _html_reader_missing():
            batch.rejected.append(Rejected(str(path), "no HTML reader (parallax.ingest.html) installed"))
        else:
            paths.append(str(path))
    for item in iter_inputs(paths, options, on_warning=lambda _warning: None):
        if isinstance(item, Rejected):
            batch.rejected.append(item)
        elif Path(item.source.path or "").suffix.lower() in HTML_SUFFIXES and _looks_like_markup(item):
            batch.rejected.append(Rejected(item.source.label, "HTML page read as plain text (tags left in)"))
        else:
            batch.articles.append(item)
    return batch


def _system_removed(article: Article) -> list[tuple[str, str]]:
    return [(normalise(r.text), r.reason) for r in article.removed if normalise(r.text)]


def _score_lines(
    name: str, article: Article, gold: dict[str, Any], reports: list[GoldReport], report: CleaningReport
) -> None:
    gold_removed = [(normalise(r["text"]), str(r["reason"])) for r in gold.get("removed", [])]
    gold_kept = [normalise(line) for line in gold.get("kept", [])]
    known = Counter(t for t, _ in gold_removed) + Counter(gold_kept)

    # system removed lines, each usable once, with their reasons in text order
    pool: dict[str, list[str]] = {}
    for text, reason in _system_removed(article):
        pool.setdefault(text, []).append(reason)
    unknown = Counter({t: len(rs) for t, rs in pool.items()}) - known
    score = Score()
    for text, reason in gold_removed:
        row = report.by_reason.setdefault(reason, ReasonRow())
        row.gold += 1
        if pool.get(text):
            got = pool[text].pop(0)
            score.tp += 1
            row.removed += 1
            row.same_reason += got == reason
            for r in reports:
                r.rate(REASON, got == reason)
            if got != reason:
                detail = f"gold {reason}, system {got}"
                report.errors.append(CleaningError(name, "wrong_reason", text, detail))
        else:
            score.fn += 1
            report.errors.append(CleaningError(name, "wrongly_kept", text, f"gold {reason}"))
    for text, reasons in pool.items():
        extra = len(reasons) - unknown[text]
        if extra > 0:
            score.fp += extra
            report.errors += [CleaningError(name, "wrongly_removed", text, f"system {reasons[0]}")] * extra
    for text, count in unknown.items():
        report.errors += [CleaningError(name, "removed_not_in_gold", text, "no gold line like it")] * count
    for r in reports:
        r.score(REMOVED).add(score)
    report.removed_not_in_gold += sum(unknown.values())

    system_kept = Counter(normalise(text) for _, text in article.kept_lines())
    for line in gold_kept:
        hit = system_kept[line] > 0
        system_kept[line] -= hit
        for r in reports:
            r.rate(KEPT, hit)

    # gold lines the text does not hold at all: a gold error, or a renderer that differs
    present = Counter(normalise(line) for line in article.text.split("\n"))
    missing = (Counter(gold_kept) + Counter(t for t, _ in gold_removed)) - present
    for text, count in missing.items():
        report.errors += [CleaningError(name, "gold_line_not_in_text", text)] * count
    report.gold_not_in_text += sum(missing.values())


def _score_credits(
    name: str, article: Article, gold: dict[str, Any], reports: list[GoldReport], report: CleaningReport
) -> None:
    gold_pairs = {(squash(c["agency"]), str(c["kind"])) for c in gold.get("credits", [])}
    printed = {squash(c["agency"]): str(c["agency"]) for c in gold.get("credits", [])}
    system = [c for c in article.credits if c.kind != "copied" and c.agency != GENERIC_AGENCIES]
    system_pairs = {(squash(c.agency), str(c.kind)) for c in system}
    printed.update({squash(c.agency): c.agency for c in system})
    for r in reports:
        tp = len(gold_pairs & system_pairs)
        r.score(CREDITS).add(Score(tp, len(system_pairs) - tp, len(gold_pairs) - tp))
        gold_agencies, system_agencies = {a for a, _ in gold_pairs}, {a for a, _ in system_pairs}
        tp = len(gold_agencies & system_agencies)
        r.score(CREDITS_AGENCY).add(Score(tp, len(system_agencies) - tp, len(gold_agencies) - tp))
    for agency, kind in sorted(gold_pairs - system_pairs):
        report.errors.append(CleaningError(name, "missed_credit", printed[agency], kind))
    for agency, kind in sorted(system_pairs - gold_pairs):
        evidence = next((c.text for c in system if squash(c.agency) == agency and c.kind == kind), "")
        report.errors.append(CleaningError(name, "false_credit", printed[agency], f"{kind}: {evidence}"))


def score_cleaning(batch: Batch, gold: dict[str, dict[str, Any]], report: CleaningReport) -> None:
    """Add the figures of the cleaned ``batch`` to ``report``."""
    for article in batch.articles:
        name = Path(article.source.path or "").name
        g = gold.get(name)
        if g is None:
            continue
        system = str(g.get("system", "other"))
        reports = [report.overall, report.by_system.setdefault(system, GoldReport())]
        _score_lines(name, article, g, reports, report)
        _score_credits(name, article, g, reports, report)
        if "language" in g:
            for r in reports:
                r.rate(LANGUAGE, article.language == g["language"])
            if article.language != g["language"]:
                report.errors.append(
                    CleaningError(name, "wrong_language", str(article.language), f"gold {g['language']}")
                )


def evaluate_cleaning(folder: Path, options: Options | None = None) -> CleaningReport:
    """Read, clean and score every page the gold files of ``folder`` name.

    ``options`` supplies everything but the pipeline (always clean, language, credits) and the
    workspace (always in memory).
    """
    base = options or Options()
    run_options = base.replace(pipeline=CLEANING_PIPELINE, workspace=None)
    gold = load_cleaning_gold(folder)
    batch = read_corpus(folder, gold, run_options)
    report = CleaningReport(inputs=len(gold), rejected=list(batch.rejected))
    if batch.articles:
        cleaned = run(Batch(articles=batch.articles), run_options)
        report.rejected += cleaned.rejected
        score_cleaning(cleaned, gold, report)
    return report


_ERROR_ORDER = (
    "wrongly_kept",
    "wrongly_removed",
    "missed_credit",
    "false_credit",
    "wrong_reason",
    "wrong_language",
    "removed_not_in_gold",
    "gold_line_not_in_text",
)


def format_cleaning(report: CleaningReport, max_errors: int = 60) -> str:
    """The Markdown tables of ``parallax eval cleaning``: overall, per reason, per system, errors."""
    lines = [
        f"{report.scored} of {report.inputs} pages scored; {report.removed_not_in_gold} removed lines "
        f"not in the gold, {report.gold_not_in_text} gold lines not in the text",
        "",
        report.overall.table(),
    ]
    if report.by_reason:
        lines += ["", "| reason (gold) | gold | removed | same reason |", "|---|---|---|---|"]
        for reason, row in sorted(report.by_reason.items()):
            lines.append(f"| {reason} | {row.gold} | {row.removed} | {row.same_reason} |")
    if report.by_system:
        lines += [
            "",
            "| system | removed P | removed R | credits P | credits R | kept lines |",
            "|---|---|---|---|---|---|",
        ]
        for system, r in sorted(report.by_system.items()):
            rem, cred = r.score(REMOVED), r.score(CREDITS)
            lines.append(
                f"| {system} | {rem.precision:.3f} | {rem.recall:.3f} | {cred.precision:.3f} | "
                f"{cred.recall:.3f} | {r.ratio(KEPT):.3f} |"
            )
    if report.rejected:
        lines += ["", "Rejected (not scored):"]
        lines += [f"- {r.input}: {r.reason}" for r in report.rejected]
    if report.errors:
        counts = Counter(e.kind for e in report.errors)
        summary = ", ".join(f"{kind} {counts[kind]}" for kind in _ERROR_ORDER if counts[kind])
        lines += ["", f"Errors: {summary}"]
        ordered = sorted(report.errors, key=lambda e: (_ERROR_ORDER.index(e.kind), e.input))
        for e in ordered[:max_errors]:
            detail = f" ({e.detail})" if e.detail else ""
            lines.append(f"- {e.kind}: {e.input}: {e.text[:100]}{detail}")
        if len(ordered) > max_errors:
            lines.append(f"- … {len(ordered) - max_errors} more (--format json lists them all)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m parallax.evaluation.cleaning [DIR]``: the table, exit 1 when a bar is missed."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("tests/gold/cleaning")
    if not folder.is_dir():
        print(f"{folder}: no such folder", file=sys.stderr)
        return 2
    report = evaluate_cleaning(folder, Options(workspace=None, embeddings=False))
    print(format_cleaning(report))
    return 1 if report.failed_bars() else 0


if __name__ == "__main__":
    raise SystemExit(main())
