"""Score quotes and their speakers against the team's gold: ``parallax eval quotes --gold DIR``.

Two parts, each scored when present in ``DIR``:

- **examples**: the per-article gold of the sample corpus (``DIR/*.json``, whose
  ``"article"`` paths name the files of ``examples/``), read and analysed together, as
  ``parallax eval gold`` does;
- **sentences**: ``DIR/sentences/quotes.jsonl``, short passages written to cover the hard
  cases (speaker after or before, dashes, nested and continued quotations, scare quotes,
  indirect speech, nominal and pronoun speakers), each analysed as an article of its own.

Both run the real pipeline through ``merge_entities`` in memory, so a nominal speaker
("o presidente francês") is scored by the person the knowledge base gives it. Matching is
the one of :mod:`parallax.evaluation.gold`: a gold quote is located at every occurrence
of its text, and a system quote matches when their spans overlap and the texts agree.
A speaker printed as a surface form ("uma fonte do governo") agrees whatever its
determiner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from parallax.evaluation.gold import (
    _match,
    _occurrences,
    _quote_text_agrees,
    _speaker_names,
    article_key,
    load_gold,
    load_passages,
)
from parallax.evaluation.scores import Score
from parallax.ingest import body_article, read_inputs
from parallax.model import Article, Batch, Entity, Quote, Source, Span
from parallax.options import DEFAULT_PIPELINE, Options
from parallax.pipeline import run
from parallax.text import squash

#: The passages file inside a gold folder.
SENTENCES_FILE = Path("sentences") / "quotes.jsonl"
#: Stages a passage goes through: it is body text already (nothing to clean, no headline).
_PASSAGE_PIPELINE: tuple[str, ...] = (
    "language",
    "credits",
    "sentences",
    "entities",
    "quotes",
    "merge_entities",
)
_PASSAGE_PROVIDED: tuple[str, ...] = ("removed", "title")
#: Determiners a surface-form speaker may carry or not ("uma fonte" / "fonte").
_DETERMINER = re.compile(r"^(?:o|a|os|as|um|uma|uns|umas|the|an|el|la|los|las|un|una)\s+")


@dataclass(slots=True)
class PartScores:
    """Figures of one part (or of both): P/R/F1 counts, kind accuracy, per language."""

    text: Score = field(default_factory=Score)
    text_speaker: Score = field(default_factory=Score)
    kind_hits: int = 0
    kind_total: int = 0
    languages: dict[str, tuple[Score, Score]] = field(default_factory=dict)  # language -> (text, +speaker)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_hits / self.kind_total if self.kind_total else 1.0

    def add(self, language: str, text: Score, text_speaker: Score, kind_hits: int, kind_total: int) -> None:
        self.text.add(text)
        self.text_speaker.add(text_speaker)
        self.kind_hits += kind_hits
        self.kind_total += kind_total
        by_text, by_speaker = self.languages.setdefault(language, (Score(), Score()))
        by_text.add(text)
        by_speaker.add(text_speaker)


@dataclass(frozen=True, slots=True)
class QuoteError:
    """One disagreement, for debugging: a gold quote missed or given the wrong speaker or kind,
    or a system quote that matches no gold quote."""

    part: str
    item: str  # passage id or article file stem
    language: str
    problem: str  # "missed", "wrong speaker", "wrong kind", "spurious"
    gold_text: str | None = None
    gold_speaker: str | None = None
    gold_kind: str | None = None
    system_text: str | None = None
    system_speaker: str | None = None
    system_kind: str | None = None


@dataclass(slots=True)
class QuotesReport:
    """Scores per part ("examples", "sentences") and for both together ("combined")."""

    parts: dict[str, PartScores] = field(default_factory=dict)
    errors: list[QuoteError] = field(default_factory=list)

    @property
    def combined(self) -> PartScores:
        return self.parts.get("combined") or PartScores()

    def ordered(self) -> list[tuple[str, PartScores]]:
        """The parts in reading order: examples, sentences, then both together."""
        order = {"examples": 0, "sentences": 1, "combined": 2}
        return sorted(self.parts.items(), key=lambda kv: order.get(kv[0], 1))

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers and the error list, for ``--format json``."""

        def score(s: Score) -> dict[str, float | int]:
            return {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }

        return {
            "parts": {
                name: {
                    "quotes (text)": score(p.text),
                    "quotes (text+speaker)": score(p.text_speaker),
                    "kind accuracy": {"value": p.kind_accuracy, "hits": p.kind_hits, "total": p.kind_total},
                    "languages": {
                        lang: {"quotes (text)": score(t), "quotes (text+speaker)": score(s)}
                        for lang, (t, s) in sorted(p.languages.items())
                    },
                }
                for name, p in self.ordered()
            },
            "errors": [{k: v for k, v in asdict(e).items() if v is not None} for e in self.errors],
        }

    def table(self) -> str:
        """The figures as a Markdown table (without the error list)."""
        lines = [
            "| part | language | text P | text R | text F1 | +speaker P | +speaker R | +speaker F1 "
            "| kind acc. |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for name, p in self.ordered():
            rows = [("all", p.text, p.text_speaker, f"{p.kind_accuracy:.3f} ({p.kind_hits}/{p.kind_total})")]
            rows += [(lang, t, s, "") for lang, (t, s) in sorted(p.languages.items())]
            for lang, t, s, kind in rows:
                lines.append(
                    f"| {name} | {lang} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | "
                    f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {kind} |"
                )
        return "\n".join(lines)


def format_quotes(report: QuotesReport, *, errors: bool = True) -> str:
    """The table, then (with ``errors``) one line per disagreement."""
    out = [report.table()]
    if errors and report.errors:
        out += ["", f"## Errors ({len(report.errors)})", ""]
        for e in report.errors:
            gold = (
                f"gold [{e.gold_kind}] {e.gold_text!r} — {e.gold_speaker}" if e.gold_text is not None else ""
            )
            system = (
                f"system [{e.system_kind}] {e.system_text!r} — {e.system_speaker}"
                if e.system_text is not None
                else ""
            )
            out.append(
                f"- {e.part} {e.item} ({e.language}) {e.problem}: "
                + " | ".join(x for x in (gold, system) if x)
            )
    return "\n".join(out)


# --------------------------------------------------------------------------- matching


def _bare(name: str) -> str:
    return _DETERMINER.sub("", squash(name))


def _speaker_agrees(gold_speaker: str | None, quote: Quote, entities: dict[str, Entity]) -> bool:
    if gold_speaker is None:
        return quote.speaker is None
    names = _speaker_names(quote, entities)
    return squash(gold_speaker) in names or _bare(gold_speaker) in {_bare(n) for n in names}


def _speaker_shown(quote: Quote, entities: dict[str, Entity]) -> str | None:
    if quote.speaker is None:
        return None
    entity = entities.get(quote.speaker.entity or "")
    return entity.name if entity is not None else quote.speaker.name


def _score_article(
    part: str,
    item: str,
    language: str,
    article: Article,
    gold_quotes: Sequence[dict[str, Any]],
    entities: dict[str, Entity],
    report: QuotesReport,
) -> None:
    def text_agrees(gi: dict[str, Any], q: Quote) -> bool:
        return _quote_text_agrees(str(gi["text"]), q.text)

    def both_agree(gi: dict[str, Any], q: Quote) -> bool:
        return text_agrees(gi, q) and _speaker_agrees(gi.get("speaker"), q, entities)

    def span_of(q: Quote) -> Span:
        return q.span

    text = _match(article, gold_quotes, article.quotes, span_of=span_of, agree=text_agrees)
    text_speaker = _match(article, gold_quotes, article.quotes, span_of=span_of, agree=both_agree)
    # the same greedy walk, keeping the pairs: kind accuracy and the error list
    used: set[int] = set()
    kind_hits = kind_total = 0
    for gi in gold_quotes:
        places = _occurrences(article.text, str(gi["text"]))
        overlapping = [i for i, q in enumerate(article.quotes) if any(p.overlaps(q.span) for p in places)]
        free = [i for i in overlapping if i not in used]
        best = next((i for i in free if both_agree(gi, article.quotes[i])), None)
        if best is None:
            best = next((i for i in free if text_agrees(gi, article.quotes[i])), None)
        if best is None:
            found = article.quotes[free[0]] if free else None
            report.errors.append(_error(part, item, language, "missed", gi, found, entities))
            continue
        used.add(best)
        q = article.quotes[best]
        kind_total += 1
        kind_hits += q.kind == gi.get("kind")
        if not _speaker_agrees(gi.get("speaker"), q, entities):
            report.errors.append(_error(part, item, language, "wrong speaker", gi, q, entities))
        elif q.kind != gi.get("kind"):
            report.errors.append(_error(part, item, language, "wrong kind", gi, q, entities))
    for i, q in enumerate(article.quotes):
        if i not in used:
            report.errors.append(_error(part, item, language, "spurious", None, q, entities))
    for name in (part, "combined"):
        report.parts.setdefault(name, PartScores()).add(language, text, text_speaker, kind_hits, kind_total)


def _error(
    part: str,
    item: str,
    language: str,
    problem: str,
    gold: dict[str, Any] | None,
    quote: Quote | None,
    entities: dict[str, Entity],
) -> QuoteError:
    return QuoteError(
        part=part,
        item=item,
        language=language,
        problem=problem,
        gold_text=None if gold is None else str(gold["text"]),
        gold_speaker=None if gold is None else gold.get("speaker"),
        gold_kind=None if gold is None else gold.get("kind"),
        system_text=None if quote is None else quote.text,
        system_speaker=None if quote is None else _speaker_shown(quote, entities),
        system_kind=None if quote is None else quote.kind,
    )


# --------------------------------------------------------------------------- the two parts


def _examples_paths(gold_dir: Path, articles_gold: dict[str, dict[str, Any]]) -> list[str]:
    """The article files the per-article gold names, relative to the working directory or to a
    folder above the gold folder (``tests/gold`` -> the checkout)."""
    paths: list[str] = []
    roots = [Path.cwd(), *gold_dir.resolve().parents]
    for g in articles_gold.values():
        relative = Path(str(g.get("article", "")))
        found = next((root / relative for root in roots if (root / relative).is_file()), None)
        if found is not None:
            paths.append(str(found))
    return paths


def _score_examples(gold_dir: Path, options: Options, report: QuotesReport) -> None:
    articles_gold, _ = load_gold(gold_dir)
    articles_gold = {k: g for k, g in articles_gold.items() if "quotes" in g and "article" in g}
    paths = _examples_paths(gold_dir, articles_gold)
    if not paths:
        return
    batch = run(read_inputs(paths, options), options)
    entities = {e.id: e for e in batch.entities}
    for article in batch.articles:
        key = article_key(article)
        g = articles_gold.get(key)
        if g is not None:
            language = str(g.get("language") or article.language or "?")
            _score_article("examples", key, language, article, g["quotes"], entities, report)


def passage_article(item: dict[str, Any]) -> Article:
    """A gold passage as an article whose whole text is body (no headline, nothing removed)."""
    return body_article(
        str(item["text"]),
        Source(path=f"gold/sentences/{item['id']}"),
        language=item.get("language"),
        published=item.get("published"),
    )


def _score_passages(path: Path, options: Options, report: QuotesReport) -> None:
    passage_options = options.replace(pipeline=_PASSAGE_PIPELINE)
    for item in load_passages(path):
        batch = run(Batch(articles=[passage_article(item)]), passage_options, provided=_PASSAGE_PROVIDED)
        entities = {e.id: e for e in batch.entities}
        language = str(item.get("language") or "?")
        for article in batch.articles:
            _score_article("sentences", str(item["id"]), language, article, item["quotes"], entities, report)
        for rejected in batch.rejected:
            report.errors.append(
                QuoteError("sentences", str(item["id"]), language, f"rejected: {rejected.reason}")
            )


def evaluate_quotes(gold: Path, options: Options | None = None) -> QuotesReport:
    """Quote text and speaker scores on the gold in ``gold`` (sample-corpus articles and passages)."""
    pipeline = DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index("merge_entities") + 1]
    options = (options or Options()).replace(pipeline=pipeline, workspace=None)
    report = QuotesReport()
    if any(gold.glob("*.json")):
        _score_examples(gold, options, report)
    passages = gold / SENTENCES_FILE
    if passages.is_file():
        _score_passages(passages, options, report)
    return report
