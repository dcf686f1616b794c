"""Quantity and date scorers: the bars on the team's gold, and the counting on tiny hand cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parallax.evaluation.figures import (
    DateReport,
    QuantityReport,
    evaluate_dates,
    evaluate_quantities,
    format_dates,
    format_quantities,
)
from parallax.options import Options

GOLD = Path(__file__).resolve().parents[1] / "gold"
OPTIONS = Options(workspace=None, embeddings=False)
FRIDAY = "2025-03-14T10:00:00-03:00"


@pytest.fixture(scope="module")
def quantities() -> QuantityReport:
    return evaluate_quantities(GOLD, OPTIONS)


@pytest.fixture(scope="module")
def dates() -> DateReport:
    return evaluate_dates(GOLD, OPTIONS)


def test_quantity_bar_on_the_team_gold(quantities: QuantityReport) -> None:
    assert quantities.value_f1 >= 0.90, format_quantities(quantities)
    assert quantities.interval_f1 >= 0.85, format_quantities(quantities)
    # both parts were scored: the sample corpus and the hard sentences, in the three languages
    assert {"corpus", "sentences", "sentences/pt", "sentences/en", "sentences/es"} <= set(quantities.scopes)
    assert quantities.scope("sentences").score("quantities (value)").tp >= 70
    assert not quantities.missing_articles


def test_date_bar_on_the_team_gold(dates: DateReport) -> None:
    assert dates.value_accuracy >= 0.90, format_dates(dates)
    assert dates.value_accuracy_all >= 0.90, format_dates(dates)
    assert dates.found_f1 >= 0.90, format_dates(dates)
    assert dates.scope("corpus").rates["date value accuracy (all gold)"][1] >= 90
    assert dates.scope("sentences").rates["date value accuracy (all gold)"][1] >= 50


def _gold_dir(tmp_path: Path, kind: str, items: list[dict[str, Any]]) -> Path:
    folder = tmp_path / "gold"
    (folder / "sentences").mkdir(parents=True)
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    (folder / "sentences" / f"{kind}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _q(text: str, value: float, unit: str | None = None, **interval: Any) -> dict[str, Any]:
    low, high = interval.get("low", value), interval.get("high", value)
    return {"text": text, "value": value, "low": low, "high": high, "unit": unit, "qualifier": None}


def test_quantity_scorer_counts_hits_wrong_values_misses_and_spurious(tmp_path: Path) -> None:
    items = [
        # right value and interval
        {
            "id": "t1",
            "language": "pt",
            "published": FRIDAY,
            "text": "Morreram 17 pessoas.",
            "quantities": [_q("17 pessoas", 17)],
        },
        # the gold says 18: a value error (one false positive and one false negative)
        {
            "id": "t2",
            "language": "pt",
            "published": FRIDAY,
            "text": "Foram 40 feridos.",
            "quantities": [_q("40 feridos", 18)],
        },
        # right value, wrong interval in the gold: value hit, interval miss
        {
            "id": "t3",
            "language": "en",
            "published": FRIDAY,
            "text": "About 300 people left.",
            "quantities": [_q("About 300 people", 300)],
        },
        # nothing annotated, the system finds "3 horas": spurious
        {
            "id": "t4",
            "language": "pt",
            "published": FRIDAY,
            "text": "A sessão durou 3 horas.",
            "quantities": [],
        },
    ]
    report = evaluate_quantities(_gold_dir(tmp_path, "quantities", items), OPTIONS)
    value = report.combined.score("quantities (value)")
    interval = report.combined.score("quantities (value+interval)")
    assert (value.tp, value.fp, value.fn) == (2, 2, 1)
    assert (interval.tp, interval.fp, interval.fn) == (1, 3, 2)
    assert report.scope("sentences/en").score("quantities (value)").tp == 1
    kinds = sorted((e.item, e.kind) for e in report.errors)
    assert kinds == [("t2", "value"), ("t3", "interval"), ("t4", "spurious")]
    assert "corpus" not in report.scopes  # no per-article gold in this folder
    text = format_quantities(report)
    assert "value F1 0.571" in text and "| sentences | t2 | value | 40 feridos |" in text


def test_date_scorer_accuracy_over_found_and_over_all(tmp_path: Path) -> None:
    items = [
        {
            "id": "d1",
            "language": "pt",
            "published": FRIDAY,
            "text": "O juiz decidiu ontem.",
            "dates": [{"text": "ontem", "value": "2025-03-13"}],
        },
        # a wrong gold value on purpose: found, wrong
        {
            "id": "d2",
            "language": "pt",
            "published": FRIDAY,
            "text": "A lei saiu em 12 de março.",
            "dates": [{"text": "12 de março", "value": "2024-03-12"}],
        },
        # a gold text the finder cannot see: missed
        {
            "id": "d3",
            "language": "pt",
            "published": FRIDAY,
            "text": "O caso voltou à pauta.",
            "dates": [{"text": "pauta", "value": "2025-03-14"}],
        },
    ]
    report = evaluate_dates(_gold_dir(tmp_path, "dates", items), OPTIONS)
    assert report.combined.rates["date value accuracy (found)"] == (1, 2)
    assert report.combined.rates["date value accuracy (all gold)"] == (1, 3)
    found = report.combined.score("dates (found)")
    assert (found.tp, found.fp, found.fn) == (2, 0, 1)
    assert sorted((e.item, e.kind) for e in report.errors) == [("d2", "value"), ("d3", "missed")]
    assert "value accuracy 0.500 over found, 0.333 over all gold" in format_dates(report)


def test_corpus_part_reads_the_article_the_gold_names(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    body = "Temporal deixa desalojados\n\nPelo menos 45 pessoas ficaram desalojadas nesta quinta-feira.\n"
    header = f"---\npublished: {FRIDAY}\noutlet: Diário de Teste\n---\n"
    (tmp_path / "examples" / "teste-temporal.txt").write_text(header + body, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    article_gold = {
        "article": "examples/teste-temporal.txt",
        "language": "pt",
        "quantities": [
            {
                "text": "Pelo menos 45 pessoas ficaram desalojadas",
                "value": 45,
                "low": 45,
                "high": None,
                "unit": None,
                "qualifier": "at_least",
                "about": "desalojado",
            }
        ],
        "dates": [{"text": "nesta quinta-feira", "value": "2025-03-13"}],
    }
    (gold / "teste-temporal.json").write_text(json.dumps(article_gold), encoding="utf-8")
    (gold / "sem-artigo.json").write_text(
        json.dumps({"article": "examples/nao-existe.txt"}), encoding="utf-8"
    )
    q = evaluate_quantities(gold, OPTIONS)
    d = evaluate_dates(gold, OPTIONS)
    score = q.scope("corpus/pt").score("quantities (value+interval)")
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    assert d.scope("corpus").rates["date value accuracy (found)"] == (1, 1)
    assert q.missing_articles == ["sem-artigo"]
    assert "sentences" not in q.scopes
