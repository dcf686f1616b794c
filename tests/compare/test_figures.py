from __future__ import annotations

import numpy as np
from parallax_test_builders import Q, article

from parallax.compare.align import Unit, units_of
from parallax.compare.figures import Mention, clause, link_figures, mentions_of
from parallax.compare.sources import source_groups
from parallax.model import Article


def units_and_mentions(*articles: Article) -> tuple[list[Unit], list[Mention]]:
    units: list[Unit] = []
    for rank, a in enumerate(articles):
        units.extend(units_of(a, rank, len(units)))
    return units, mentions_of(units)


def test_clause_is_the_part_of_the_sentence_that_holds_the_figure() -> None:
    a = article(
        "a",
        [
            "Havia cerca de 500 pessoas na casa, que tinha capacidade para 300 pessoas.",
            "A prefeitura, segundo o balanço, abriu 12 abrigos.",
            "O resultado (142 votos contra, 88 a favor) surpreendeu o governo, e 88 votos vieram da base.",
        ],
        quantities=[
            Q("cerca de 500 pessoas", 500, low=450, high=550, qualifier="about", about="pessoa"),
            Q("300 pessoas", 300, about="pessoa"),
            Q("12 abrigos", 12, about="abrigo"),
            Q("88 votos", 88, about="voto"),
        ],
    )
    _, mentions = units_and_mentions(a)
    by_text = {m.text: m for m in mentions}
    capacity = by_text["300 pessoas"]
    assert clause(capacity.unit, capacity.span) == "que tinha capacidade para 300 pessoas"
    present = by_text["cerca de 500 pessoas"]
    assert clause(present.unit, present.span) == "Havia cerca de 500 pessoas na casa"
    shelters = by_text["12 abrigos"]  # "abriu 12 abrigos" is too short: widened to the previous piece
    assert clause(shelters.unit, shelters.span) == "segundo o balanço, abriu 12 abrigos"
    votes = by_text["88 votos"]  # commas inside parentheses do not cut; a leading "e" is dropped
    assert clause(votes.unit, votes.span) == "88 votos vieram da base"


def test_agreeing_durations_need_aligned_sentences_but_counts_only_a_related_context() -> None:
    """Outside the leads, "300 casas" in related sentences is one figure; "12 meses" of inflation and
    "os próximos 12 meses" of a forecast are one only if the sentences align."""
    first = article(
        "first",
        [
            "O governo apresentou nesta segunda-feira o plano de obras para a zona norte da capital.",
            "O ministro das Cidades participou da cerimônia no palácio do governo.",
            "A inflação acumulou 5% em 12 meses, segundo o instituto de estatística.",
            "O programa de habitação vai entregar 300 casas aos moradores da zona norte.",
        ],
        outlet="Jornal Um",
        quantities=[Q("5%", 5, unit="%"), Q("12 meses", 12, unit="month"), Q("300 casas", 300, about="casa")],
    )
    second = article(
        "second",
        [
            "Os deputados da oposição criticaram o plano de obras apresentado pelo governo.",
            "O líder da bancada pediu uma audiência pública sobre o projeto.",
            "Para os próximos 12 meses, analistas preveem juros altos e crédito mais caro.",
            "Os moradores da zona norte vão receber 300 casas do programa de habitação.",
        ],
        outlet="Jornal Dois",
        quantities=[Q("12 meses", 12, unit="month"), Q("300 casas", 300, about="casa")],
    )
    units, mentions = units_and_mentions(first, second)
    scores = np.full((len(units), len(units)), 0.2)  # related context, below the alignment threshold
    linked = link_figures(mentions, scores, source_groups([first, second]), 0.35)
    assert [[m.text for m in ms] for ms in linked] == [["300 casas", "300 casas"]]
    scores[:] = 0.5  # aligned sentences: the periods may be the same fact
    linked = link_figures(mentions, scores, source_groups([first, second]), 0.35)
    assert sorted(tuple(m.text for m in ms) for ms in linked) == [
        ("12 meses", "12 meses"),
        ("300 casas", "300 casas"),
    ]


def test_headline_figure_joins_the_same_figure_of_its_body() -> None:
    first = article(
        "first",
        ["A enchente deixou 45 desalojados na cidade, segundo a Defesa Civil."],
        title="Enchente deixa 45 desalojados no litoral",
        outlet="Jornal Um",
        quantities=[Q("45 desalojados", 45, about="desalojado"), Q("45 desalojados", 45, about="desalojado")],
    )
    second = article(
        "second",
        ["Ao menos 45 pessoas desalojadas passaram a noite em um ginásio."],
        outlet="Jornal Dois",
        quantities=[
            Q("Ao menos 45 pessoas desalojadas", 45, low=45, qualifier="at_least", about="desalojado")
        ],
    )
    units, mentions = units_and_mentions(first, second)
    scores = np.zeros((len(units), len(units)))  # both are leads: no sentence similarity needed
    (linked,) = link_figures(mentions, scores, source_groups([first, second]), 0.35)
    assert [(m.article.id, m.unit.headline) for m in linked] == [
        ("first", True),
        ("first", False),
        ("second", False),
    ]


def test_bare_percentages_conflict_only_when_their_clauses_share_a_word() -> None:
    first = article(
        "first",
        [
            "O governo apresentou nesta segunda-feira o balanço econômico do trimestre.",
            "O ministro falou aos jornalistas no palácio depois da reunião.",
            "A inflação acumulou 5,1% em doze meses, acima do teto da meta, de 4,5%.",
        ],
        outlet="Jornal Um",
        quantities=[Q("5,1%", 5.1, unit="%"), Q("4,5%", 4.5, unit="%")],
    )
    second = article(
        "second",
        [
            "A oposição criticou o balanço econômico apresentado pelo governo.",
            "Os deputados pediram a convocação do ministro ao Congresso.",
            "Descontada a inflação, o juro real está em torno de 8,9%, segundo a consultoria.",
            "Para os economistas, a inflação acumulou 5,3% em doze meses.",
        ],
        outlet="Jornal Dois",
        quantities=[
            Q("em torno de 8,9%", 8.9, low=8.01, high=9.79, unit="%", qualifier="about"),
            Q("5,3%", 5.3, unit="%"),
        ],
    )
    units, mentions = units_and_mentions(first, second)
    scores = np.full((len(units), len(units)), 0.5)  # every pair of sentences aligned
    linked = link_figures(mentions, scores, source_groups([first, second]), 0.35)
    # "4,5%" (a target) and "8,9%" (a real rate) share no word around them; the two inflation figures do
    assert [[m.text for m in ms] for ms in linked] == [["5,1%", "5,3%"]]
