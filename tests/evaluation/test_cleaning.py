"""The cleaning scorer on tiny hand-built cases, and the quality gate on the team's cleaning corpus.

The scorer tests build articles by hand (removed lines and credits set directly), so they
test the counting, not the cleaner. ``test_cleaning_corpus_meets_the_bars`` runs the real
ingest and cleaning stages over ``tests/gold/cleaning`` and fails below the bars of
``docs/quality.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parallax.clean.credits import GENERIC_AGENCIES
from parallax.evaluation.cleaning import (
    CREDITS,
    CREDITS_AGENCY,
    KEPT,
    REASON,
    REMOVED,
    CleaningReport,
    evaluate_cleaning,
    format_cleaning,
    normalise,
    score_cleaning,
)
from parallax.ingest import make_article
from parallax.model import Article, Batch, Credit, RemovedLine, Span
from parallax.options import Options

CORPUS = Path(__file__).resolve().parents[1] / "gold" / "cleaning"

PAGE = "\n".join(
    [
        "Menu",
        "Ponte é interditada em Registro",
        "Publicidade",
        "A ponte será fechada na segunda-feira para reforma.",
        "Leia também: Festa do Japão terá três dias",
        "Publicidade",
        "O DER informou que a obra dura quatro meses.",
    ]
)


def _article(text: str, path: str = "page.txt") -> Article:
    article = make_article(text, path, Options(workspace=None))
    article.language = "pt"
    return article


def _removed(article: Article, line: str, reason: str, nth: int = 0) -> RemovedLine:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(line, start + 1)
    return RemovedLine(line, reason, Span(start, start + len(line)))


def _gold(**extra: Any) -> dict[str, Any]:
    gold: dict[str, Any] = {
        "input": "page.txt",
        "language": "pt",
        "outlet": "Portal Teste",
        "system": "portal-br",
        "kept": [
            "Ponte é interditada em Registro",
            "A ponte será fechada na segunda-feira para reforma.",
            "O DER informou que a obra dura quatro meses.",
        ],
        "removed": [
            {"text": "Menu", "reason": "navigation"},
            {"text": "Publicidade", "reason": "advert"},
            {"text": "Leia também: Festa do Japão terá três dias", "reason": "teaser"},
            {"text": "Publicidade", "reason": "advert"},
        ],
        "credits": [],
    }
    gold.update(extra)
    return gold


def _score(article: Article, gold: dict[str, Any]) -> CleaningReport:
    report = CleaningReport(inputs=1)
    score_cleaning(Batch(articles=[article]), {"page.txt": gold}, report)
    return report


def test_a_line_printed_twice_must_be_removed_twice() -> None:
    article = _article(PAGE)
    article.removed = [
        _removed(article, "Menu", "navigation"),
        _removed(article, "Publicidade", "advert"),
        _removed(article, "Leia também: Festa do Japão terá três dias", "teaser"),
    ]
    report = _score(article, _gold())
    removed = report.overall.score(REMOVED)
    assert (removed.tp, removed.fp, removed.fn) == (3, 0, 1)
    assert [(e.kind, e.text) for e in report.errors] == [("wrongly_kept", "Publicidade")]


def test_a_kept_line_removed_is_a_false_removal_and_a_kept_line_lost() -> None:
    article = _article(PAGE)
    article.removed = [
        _removed(article, "Menu", "navigation"),
        _removed(article, "Publicidade", "advert"),
        _removed(article, "Publicidade", "advert", nth=1),
        _removed(article, "Leia também: Festa do Japão terá três dias", "teaser"),
        _removed(article, "O DER informou que a obra dura quatro meses.", "byline"),
    ]
    report = _score(article, _gold())
    removed = report.overall.score(REMOVED)
    assert (removed.tp, removed.fp, removed.fn) == (4, 1, 0)
    assert report.overall.rates[KEPT] == (2, 3)
    assert [(e.kind, e.text, e.detail) for e in report.errors] == [
        ("wrongly_removed", "O DER informou que a obra dura quatro meses.", "system byline")
    ]


def test_lines_match_with_white_space_collapsed() -> None:
    page = "Menu\nLeia\u00a0também:  Festa do Japão\nTexto da notícia."
    article = _article(page)
    article.removed = [_removed(article, "Leia\u00a0também:  Festa do Japão", "teaser")]
    gold = _gold(
        kept=["Texto da notícia."],
        removed=[
            {"text": "Menu", "reason": "navigation"},
            {"text": "Leia também: Festa do Japão", "reason": "teaser"},
        ],
    )
    report = _score(article, gold)
    removed = report.overall.score(REMOVED)
    assert (removed.tp, removed.fp, removed.fn) == (1, 0, 1)
    assert normalise(" a\u00a0 b \t") == "a b"


def test_reasons_are_scored_on_matched_lines_only() -> None:
    article = _article(PAGE)
    article.removed = [
        _removed(article, "Menu", "navigation"),
        _removed(article, "Publicidade", "advert"),
        _removed(article, "Publicidade", "navigation", nth=1),
    ]
    report = _score(article, _gold())
    assert report.overall.rates[REASON] == (2, 3)
    assert (report.by_reason["advert"].gold, report.by_reason["advert"].removed) == (2, 2)
    assert report.by_reason["advert"].same_reason == 1
    assert (report.by_reason["teaser"].gold, report.by_reason["teaser"].removed) == (1, 0)


def test_a_removed_line_the_gold_does_not_know_is_counted_apart() -> None:
    page = PAGE + "\nPublicado em Cultura Marcado Garibaldi"
    article = _article(page)
    article.removed = [_removed(article, "Publicado em Cultura Marcado Garibaldi", "navigation")]
    report = _score(article, _gold())
    assert report.overall.score(REMOVED).fp == 0
    assert report.removed_not_in_gold == 1
    assert report.gold_not_in_text == 0


def test_a_gold_line_missing_from_the_text_is_reported() -> None:
    article = _article(PAGE)
    gold = _gold(kept=[*_gold()["kept"], "Uma linha que não existe."])
    report = _score(article, gold)
    assert report.gold_not_in_text == 1
    assert ("gold_line_not_in_text", "Uma linha que não existe.") in [(e.kind, e.text) for e in report.errors]


def test_credits_by_agency_and_kind_and_by_agency_alone() -> None:
    article = _article(PAGE)
    article.credits = [
        Credit("Reuters", "attribution", "segundo a Reuters", Span(0, 4)),
        Credit("Lusa", "dateline", "(Lusa) –", Span(0, 4)),
        Credit(GENERIC_AGENCIES, "with_agencies", "Com agências", Span(0, 4)),
        Credit("AFP", "copied", "", None, source_article="a123"),
    ]
    gold = _gold(credits=[{"agency": "Reuters", "kind": "dateline"}, {"agency": "Lusa", "kind": "dateline"}])
    report = _score(article, gold)
    both, agency = report.overall.score(CREDITS), report.overall.score(CREDITS_AGENCY)
    assert (both.tp, both.fp, both.fn) == (1, 1, 1)
    assert (agency.tp, agency.fp, agency.fn) == (2, 0, 0)
    credit_errors = [e for e in report.errors if e.kind.endswith("_credit")]
    assert sorted((e.kind, e.text, e.detail.split(":")[0]) for e in credit_errors) == [
        ("false_credit", "Reuters", "attribution"),
        ("missed_credit", "Reuters", "dateline"),
    ]


def test_figures_are_broken_down_by_publishing_system() -> None:
    wire, blog = _article(PAGE, "wire.txt"), _article(PAGE, "blog.txt")
    wire.removed = [_removed(wire, "Menu", "navigation")]
    gold = {
        "wire.txt": _gold(input="wire.txt", system="wire"),
        "blog.txt": _gold(input="blog.txt", system="blog"),
    }
    report = CleaningReport(inputs=2)
    score_cleaning(Batch(articles=[wire, blog]), gold, report)
    assert report.by_system["wire"].score(REMOVED).tp == 1
    assert report.by_system["blog"].score(REMOVED).tp == 0
    assert report.overall.score(REMOVED).fn == 7


def test_a_missing_page_is_rejected_and_the_rest_is_scored(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE + "\n", encoding="utf-8")
    (tmp_path / "page.json").write_text(json.dumps(_gold(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "gone.json").write_text(json.dumps(_gold(input="gone.txt")), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a gold file: no "input"
    report = evaluate_cleaning(tmp_path, Options(workspace=None, embeddings=False))
    assert (report.inputs, report.scored) == (2, 1)
    assert [Path(r.input).name for r in report.rejected] == ["gone.txt"]
    assert report.overall.rates[KEPT][1] == 3
    assert any(line.startswith("rejected: ") for line in report.failed_bars())
    table = format_cleaning(report)
    assert table.startswith("1 of 2 pages scored")
    assert "| removed lines |" in table
    assert "gone.txt" in table
    assert json.loads(json.dumps(report.to_dict()))["scored"] == 1


def test_cleaning_corpus_meets_the_bars() -> None:
    """The quality gate: removed-line P and R ≥ 0.95, credit (agency + kind) R ≥ 0.95 and P ≥ 0.90."""
    report = evaluate_cleaning(CORPUS, Options(workspace=None, embeddings=False))
    assert report.inputs >= 36
    assert report.failed_bars() == [], format_cleaning(report, max_errors=200)
