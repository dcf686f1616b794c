"""Each credit form of the issue, and the mentions that must not become credits, on a small page."""

from __future__ import annotations

import dataclasses

import pytest

from parallax.clean.chrome import clean_article
from parallax.clean.credits import GENERIC_AGENCIES, find_credits
from parallax.clean.language import detect_language
from parallax.model import Article, Credit, Source
from parallax.options import Options

OPTIONS = Options(workspace=None)
HEADLINE = "Governo anuncia novo pacote de obras no Nordeste"
CLOSING = "O pacote soma R$ 20 bilhões para rodovias e ferrovias da região, segundo o ministério."


def credits_of(line: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(agency, kind, evidence) of the page's credits, and its removed lines with reasons."""
    text = f"Menu\n{HEADLINE}\n{line}\n{CLOSING}\n"
    article = Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t")
    article = clean_article(article, OPTIONS)
    article = dataclasses.replace(article, language=detect_language(article, OPTIONS))
    found = find_credits(article)
    assert all(_exact(article, c) for c in found)
    return [(c.agency, c.kind, c.text) for c in found], [(r.text, r.reason) for r in article.removed[1:]]


def _exact(article: Article, credit: Credit) -> bool:
    return credit.span is not None and article.at(credit.span) == credit.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "CAMPINAS, 12 de março (Reuters) – Um temporal deixou 40 mil imóveis sem energia.",
            ("Reuters", "dateline", "CAMPINAS, 12 de março (Reuters) –"),
        ),
        ("LISBOA (Lusa) - O Governo aprovou hoje o orçamento.", ("Lusa", "dateline", "LISBOA (Lusa) -")),
        (
            "SÃO PAULO, SP (FOLHAPRESS) - A prefeitura anunciou novas linhas.",
            ("Folhapress", "dateline", "SÃO PAULO, SP (FOLHAPRESS) -"),
        ),
        (
            "BRASÍLIA — Agência Brasil — O governo anunciou ontem um pacote de obras.",
            ("Agência Brasil", "dateline", "BRASÍLIA — Agência Brasil —"),
        ),
        ("(AFP) — O governo anunciou ontem um pacote de obras.", ("AFP", "dateline", "(AFP) —")),
        (
            "O governo prepara um pacote de obras, segundo a agência Lusa.",
            ("Lusa", "attribution", "segundo a agência Lusa"),
        ),
        (
            "O governo prepara um pacote de obras, informou a agência Reuters.",
            ("Reuters", "attribution", "informou a agência Reuters"),
        ),
        (
            "De acordo com a agência EFE, o pacote sai em maio.",
            ("EFE", "attribution", "De acordo com a agência EFE"),
        ),
        (
            "A Reuters revelou nesta terça-feira que o governo prepara um pacote.",
            ("Reuters", "attribution", "Reuters revelou"),
        ),
        ("(Com Reuters)", ("Reuters", "with_agencies", "(Com Reuters)")),
        (
            "*Com informações da Agência Brasil",
            ("Agência Brasil", "with_agencies", "*Com informações da Agência Brasil"),
        ),
        (
            "Reportagem de Ana Lima, da Reuters",
            ("Reuters", "byline", "Reportagem de Ana Lima, da Reuters"),
        ),
        ("Por Pedro Alves, da AFP", ("AFP", "byline", "Por Pedro Alves, da AFP")),
        ("Da Agência Brasil", ("Agência Brasil", "byline", "Da Agência Brasil")),
        (
            "The Associated Press contributed to this report.",
            ("Associated Press", "with_agencies", "The Associated Press contributed to this report."),
        ),
        ("MadreIlhas / Lusa", ("Lusa", "byline", "MadreIlhas / Lusa")),
    ],
)
def test_credit_forms(line: str, expected: tuple[str, str, str]) -> None:
    found, _ = credits_of(line)
    assert found == [expected]


def test_agencies_listed_with_articles_are_each_credited() -> None:
    found, removed = credits_of("Com informações da AFP e da EFE")
    assert [(a, k) for a, k, _ in found] == [("AFP", "with_agencies"), ("EFE", "with_agencies")]
    assert removed == [("Com informações da AFP e da EFE", "byline")]


@pytest.mark.parametrize(
    "line",
    ["Com agências", "Con agencias", "With wire services", "Da Redação, com agências", "(Com agências)"],
)
def test_with_agencies_credit_lines(line: str) -> None:
    found, removed = credits_of(line)
    assert [(a, k) for a, k, _ in found] == [(GENERIC_AGENCIES, "with_agencies")]
    assert removed == [(line, "byline")]


def test_an_embedded_post_of_an_agency_is_a_credit_and_removed() -> None:
    found, removed = credits_of("— Reuters (@Reuters) 12 de março de 2025")
    assert found == [("Reuters", "embedded_post", "— Reuters (@Reuters) 12 de março de 2025")]
    assert removed == [("— Reuters (@Reuters) 12 de março de 2025", "social_embed")]


@pytest.mark.parametrize(
    "line",
    [
        "Um jornalista da Reuters foi ferido durante o protesto em Lima.",
        "A série da BBC sobre o clima foi citada pelo ministro.",
        "Um fotógrafo da AFP registrou o momento da explosão.",
        "A agência Reuters foi fundada em 1851 em Londres.",
        "A Reuters, que tem sede em Londres, foi processada.",
        "Foto: Reuters",
        "Rafael Moura/Agência Brasil",
        "Leia também: Reuters diz que governo prepara pacote",
        "O ministro falou com agências internacionais sobre o tema.",
        "O ministro se reuniu com agências internacionais.",
        "O relatório — divulgado pela Reuters — mostra queda nas vendas.",
        "Macapá (AP) - A prefeitura decretou emergência.",
    ],
)
def test_mentions_that_are_not_credits(line: str) -> None:
    found, _ = credits_of(line)
    assert found == []
