from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parallax.model import Article, Batch, Credit
from parallax.report import build_report, render
from parallax.report.markdown import escape


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(heading)
    end = markdown.find("\n### ", start + len(heading))
    return markdown[start : end if end >= 0 else len(markdown)]


def test_summary_counts(report: dict[str, Any]) -> None:
    markdown = render(report, "md")
    assert "- **Articles:** 2" in markdown
    assert "- **Outlets:** 2 — Gazeta do Litoral, Jornal da Serra" in markdown
    assert "- **Languages:** pt (2)" in markdown
    assert "- **Stories:** 1" in markdown
    assert "- **Rejected inputs:** 1" in markdown
    assert "| examples/vazio.txt | empty input: no text after decoding |" in markdown


def test_conflict_values_side_by_side(report: dict[str, Any]) -> None:
    conflicts = _section(render(report, "md"), "### Conflicts")
    # the hard contradiction comes before the compatible difference
    assert conflicts.index("#### duração — contradiction") < conflicts.index(
        "#### morto — compatible figures"
    )
    assert "| | A1 Jornal da Serra | A2 Gazeta do Litoral |" in conflicts
    assert "| **As printed** | pelo menos 12 mortos | 15 mortos |" in conflicts
    assert "| **Interval** | ≥ 12 | exactly 15 |" in conflicts
    assert "| **As printed** | mais de três horas | cerca de duas horas |" in conflicts
    assert "| **Interval** | ≥ 3 hours | 1.8 – 2.2 hours |" in conflicts
    assert conflicts.count("*Note: the stated intervals overlap (compatible)") == 1


def test_sections_come_in_order(report: dict[str, Any]) -> None:
    markdown = render(report, "md")
    order = [
        "### Sources",
        "### Conflicts",
        "### Corroborated claims",
        "### Single-source claims",
        "### Quotes",
    ]
    positions = [markdown.index(h) for h in [*order, "### Entities"]]
    assert positions == sorted(positions)


def test_claims_and_quotes(report: dict[str, Any]) -> None:
    markdown = render(report, "md")
    corroborated = _section(markdown, "### Corroborated claims")
    assert "Campinas na quinta-feira. — **2 independent sources**" in corroborated
    assert "  - A2 Gazeta do Litoral: “O fogo destruiu um depósito de tecidos em Campinas" in corroborated
    single = _section(markdown, "### Single-source claims")
    assert "**Gazeta do Litoral**\n\n- A Defesa Civil interditou dois prédios vizinhos. (A2)" in single
    quotes = _section(markdown, "### Quotes")
    assert (
        "| A1 | Jornal da Serra | “Estamos fazendo tudo o que podemos para identificar as vítimas” |"
        in quotes
    )
    assert (
        "| A2 | Gazeta do Litoral | “Estamos fazendo tudo que podemos para identificar as vítimas” |"
        in quotes
    )
    entities = _section(markdown, "### Entities")
    assert "| Helena Duarte | PER | 2 | 3 | prefeita |" in entities


def test_agency_provenance_credited_and_copied(
    batch_factory: Callable[..., Batch], article_factories: dict[str, Callable[..., Article]]
) -> None:
    serra = article_factories["serra"]()
    litoral = article_factories["litoral"]()
    litoral.credits.append(
        Credit("Reuters", "copied", "O fogo destruiu um depósito de tecidos", None, source_article=serra.id)
    )
    markdown = render(build_report(batch_factory(serra, litoral)), "md")
    sources = _section(markdown, "### Sources")
    assert "| Reuters (dateline: “Campinas, 13 de março (Reuters) –”) |" in sources
    copied = "**silently copied** Reuters material from A1 Jornal da Serra"
    assert f"Reuters (with agencies: “Com agências”); {copied}" in sources


def test_article_text_is_escaped(
    batch_factory: Callable[..., Batch], article_factories: dict[str, Callable[..., Article]]
) -> None:
    litoral = article_factories["litoral"]()
    litoral.outlet = "Gazeta | *Litoral*"
    report = build_report(batch_factory(None, litoral))
    report["stories"][0]["claims"][3]["text"] = (
        "A [Defesa](javascript:x) <b>Civil</b>\ninterditou `dois` prédios_"
    )
    markdown = render(report, "md")
    assert "Gazeta \\| \\*Litoral\\*" in markdown
    assert (
        "- A \\[Defesa\\](javascript:x) \\<b\\>Civil\\</b\\> interditou \\`dois\\` prédios\\_ (A2)"
        in markdown
    )
    assert "<b>" not in markdown


def test_escape() -> None:
    assert escape("R$ 2,5 milhões | 30% & mais") == "R$ 2,5 milhões \\| 30% & mais"
    assert escape("a &amp; b") == "a \\&amp; b"
    assert escape("linha\n  seguinte") == "linha seguinte"
