"""The quote scorer on hand-made cases, the team's quote gold itself, and the bar it sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parallax.evaluation.quotes import (
    SENTENCES_FILE,
    evaluate_quotes,
    format_quotes,
    load_passages,
    passage_article,
)
from parallax.evaluation.scores import Score

GOLD = Path(__file__).resolve().parents[1] / "gold"


def write_passages(folder: Path, items: list[dict[str, Any]]) -> Path:
    path = folder / SENTENCES_FILE
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    return folder


def passage(
    pid: str, text: str, quotes: list[tuple[str, str | None, str]], language: str = "pt"
) -> dict[str, Any]:
    return {
        "id": pid,
        "language": language,
        "published": "2025-03-14",
        "text": text,
        "quotes": [{"text": t, "speaker": s, "kind": k} for t, s, k in quotes],
    }


def test_scores_text_speaker_and_kind_on_hand_cases(tmp_path: Path) -> None:
    gold = write_passages(
        tmp_path,
        [
            # right text, right speaker (the surname resolves to the KB's full name)
            passage(
                "h1",
                "“Vamos vencer a inflação”, disse Haddad.",
                [("Vamos vencer a inflação", "Fernando Haddad", "direct")],
            ),
            # right text, speaker the gold disagrees with
            passage(
                "h2",
                "“Não haverá aumento de impostos”, afirmou Lula.",
                [("Não haverá aumento de impostos", "Simone Tebet", "direct")],
            ),
            # a scare quote the system rightly leaves alone, and a quote it cannot find
            passage(
                "h3",
                "O chamado “orçamento secreto” voltou ao debate.",
                [("orçamento secreto", None, "partial")],
            ),
            # a surface-form speaker agrees whatever its determiner; kind "direct" is wrong on purpose
            passage(
                "h4",
                "Uma fonte do governo disse que a reforma fica para março.",
                [("a reforma fica para março", "fonte do governo", "direct")],
            ),
        ],
    )
    report = evaluate_quotes(gold)
    part = report.parts["sentences"]
    assert (part.text.tp, part.text.fp, part.text.fn) == (3, 0, 1)
    assert (part.text_speaker.tp, part.text_speaker.fp, part.text_speaker.fn) == (2, 1, 2)
    assert (part.kind_hits, part.kind_total) == (2, 3)
    assert set(report.parts) == {"sentences", "combined"}  # no per-article gold in this folder
    assert report.combined.text_speaker.f1 == part.text_speaker.f1
    problems = sorted((e.item, e.problem) for e in report.errors)
    assert problems == [("h2", "wrong speaker"), ("h3", "missed"), ("h4", "wrong kind")]
    wrong = next(e for e in report.errors if e.item == "h2")
    assert (wrong.gold_speaker, wrong.system_speaker) == ("Simone Tebet", "Luiz Inácio Lula da Silva")
    shown = format_quotes(report)
    assert "| sentences | pt |" in shown and "h2 (pt) wrong speaker" in shown
    assert report.to_dict()["parts"]["sentences"]["quotes (text)"]["tp"] == 3


def test_a_spurious_quote_is_a_false_positive(tmp_path: Path) -> None:
    gold = write_passages(tmp_path, [passage("s1", "“Fora daqui”, gritou o torcedor.", [])])
    report = evaluate_quotes(gold)
    assert report.parts["sentences"].text == Score(tp=0, fp=1, fn=0)
    assert [(e.problem, e.system_text) for e in report.errors] == [("spurious", "Fora daqui")]


def test_a_folder_without_gold_gives_an_empty_report(tmp_path: Path) -> None:
    report = evaluate_quotes(tmp_path)
    assert report.parts == {} and report.errors == []


def test_a_passage_is_body_text_without_headline() -> None:
    article = passage_article(passage("p1", "Uma linha.\nOutra linha.", [], language="es"))
    assert (article.language, article.published, article.title_span) == ("es", "2025-03-14", None)
    assert article.body is not None and article.at(article.body) == article.text


# --------------------------------------------------------------------------- the team's gold


def test_quote_gold_is_well_formed() -> None:
    items = load_passages(GOLD / SENTENCES_FILE)
    assert len(items) >= 45 + 16  # the sample corpus examples are scored besides
    assert len({i["id"] for i in items}) == len(items)
    assert {i["language"] for i in items} == {"pt", "en", "es"}
    for item in items:
        assert item["note"], item["id"]
        for q in item["quotes"]:
            assert q["kind"] in ("direct", "partial", "indirect"), item["id"]
            assert q["text"] in item["text"], (item["id"], q["text"])
            assert q["text"] == q["text"].strip(" .,;:"), (item["id"], q["text"])
    kinds = {q["kind"] for i in items for q in i["quotes"]}
    assert kinds == {"direct", "partial", "indirect"}
    assert sum(1 for i in items if not i["quotes"]) >= 5  # scare quotes, titles, names: no quote


@pytest.mark.skipif(not (GOLD / SENTENCES_FILE).is_file(), reason="quote gold absent")
def test_quote_bar_on_the_team_gold() -> None:
    report = evaluate_quotes(GOLD)
    assert set(report.parts) == {"examples", "sentences", "combined"}
    combined = report.combined
    assert combined.text.f1 >= 0.95, format_quotes(report)
    assert combined.text_speaker.f1 >= 0.90, format_quotes(report)
    assert report.parts["sentences"].text_speaker.f1 >= 0.90, format_quotes(report)
    assert combined.kind_accuracy >= 0.95, format_quotes(report)
