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


def linked_texts(*articles: Article, score: float) -> list[list[tuple[str, str]]]:
    """Linked figures as (article, quantity) lists when every pair of sentences scores ``score``."""
    units, mentions = units_and_mentions(*articles)
    scores = np.full((len(units), len(units)), score)
    return [
        [(m.article.id, m.text) for m in ms]
        for ms in link_figures(mentions, scores, source_groups(articles), 0.35)
    ]


def test_a_background_figure_is_never_linked_to_the_story_figure() -> None:
    """A sentence dated years before the story is about another event: its 3 mil feridos neither
    conflicts with nor joins today's figures, while the two outlets' own tolls still conflict."""
    today = article(
        "today",
        [
            "Um terremoto atingiu a costa norte do país nesta segunda-feira e deixou 700 feridos.",
            "Equipes de resgate procuram sobreviventes nos escombros das casas.",
            "A região foi atingida em outubro de 2004 por um tremor que deixou mais de 3 mil feridos.",
        ],
        outlet="Jornal Um",
        quantities=[
            Q("700 feridos", 700, about="ferido"),
            Q("mais de 3 mil feridos", 3000, low=3000, qualifier="more_than", about="ferido"),
        ],
        dates=[("nesta segunda-feira", "2025-03-10"), ("outubro de 2004", "2004-10")],
    )
    other = article(
        "other",
        [
            "O forte terremoto desta segunda-feira deixou 500 feridos na costa norte.",
            "Muitas casas desabaram e estradas foram bloqueadas por deslizamentos.",
            "A defesa civil informou que 3 mil feridos foram atendidos em hospitais de campanha.",
        ],
        outlet="Jornal Dois",
        quantities=[Q("500 feridos", 500, about="ferido"), Q("3 mil feridos", 3000, about="ferido")],
        dates=[("desta segunda-feira", "2025-03-10")],
    )
    linked = linked_texts(today, other, score=0.5)
    assert linked == [[("today", "700 feridos"), ("other", "500 feridos")]]


def test_ages_conflict_only_when_they_belong_to_one_person() -> None:
    senator = ("Antônio Prado", "PER", "per:prado")
    son = ("Luís Prado", "PER", "per:luis")
    first = article(
        "first",
        [
            "Nesta sexta-feira o país se despediu do político baiano em uma cerimônia no Senado.",
            "A família pediu que a cerimônia fosse reservada aos amigos mais próximos.",
            "O senador Antônio Prado morreu aos 79 anos, em São Paulo, de insuficiência cardíaca.",
        ],
        outlet="Jornal Um",
        entities=[senator],
        quantities=[Q("79 anos", 79, unit="year", about="idade")],
    )
    second = article(
        "second",
        [
            "A morte do político abalou aliados e adversários na Bahia nesta sexta-feira.",
            "O velório foi marcado para a manhã de sábado na capital baiana.",
            "A maior perda da família veio quando morreu seu filho Luís Prado, aos 43 anos.",
            "Antônio Prado morreu aos 80 anos, segundo a assessoria do partido.",
        ],
        outlet="Jornal Dois",
        entities=[senator, son],
        quantities=[
            Q("43 anos", 43, unit="year", about="idade"),
            Q("80 anos", 80, unit="year", about="idade"),
        ],
    )
    # the son's 43 years never meet the senator's age; the senator's 79 and 80 do conflict
    assert linked_texts(first, second, score=0.5) == [[("first", "79 anos"), ("second", "80 anos")]]


def test_a_part_is_not_a_different_total() -> None:
    first = article(
        "first",
        [
            "O governo anunciou nesta segunda-feira a reforma da pista principal do aeroporto.",
            "O ministro disse que as obras começam no mês que vem e seguem até o fim do ano.",
            "Nas duas primeiras etapas da obra, a pista principal seguirá aberta aos voos.",
        ],
        outlet="Jornal Um",
        quantities=[Q("duas primeiras etapas", 2, about="etapa")],
    )
    second = article(
        "second",
        [
            "A reforma da pista principal do aeroporto foi anunciada nesta segunda-feira.",
            "Os voos devem sofrer atrasos durante os meses de obras, segundo as companhias.",
            "A obra será feita em três etapas, e a pista principal seguirá aberta aos voos.",
            "A reforma deve custar cerca de R$ 300 milhões aos cofres públicos.",
        ],
        outlet="Jornal Dois",
        quantities=[Q("três etapas", 3, about="etapa")],
    )
    assert linked_texts(first, second, score=0.5) == []
    whole = article(  # the same sentence without "primeiras" is the same fact stated differently
        "whole",
        [
            "O governo anunciou nesta segunda-feira a reforma da pista principal do aeroporto.",
            "O ministro disse que as obras começam no mês que vem e seguem até o fim do ano.",
            "Nas duas etapas da obra, a pista principal seguirá aberta aos voos.",
        ],
        outlet="Jornal Um",
        quantities=[Q("duas etapas", 2, about="etapa")],
    )
    assert linked_texts(whole, second, score=0.5) == [[("whole", "duas etapas"), ("second", "três etapas")]]


def test_differently_modified_counts_are_different_things() -> None:
    first = article(
        "first",
        [
            "As chuvas da semana deixaram o condado em estado de emergência nesta segunda-feira.",
            "O governo enviou tropas para ajudar na retirada de moradores das áreas alagadas.",
            "Segundo a prefeitura, 10 mil casas inundadas ainda esperam a baixa das águas.",
        ],
        outlet="Jornal Um",
        quantities=[Q("10 mil casas", 10000, about="casa")],
    )
    second = article(
        "second",
        [
            "O condado segue em estado de emergência por causa das chuvas desta segunda-feira.",
            "Tropas do exército ajudam a retirar moradores das áreas mais atingidas.",
            "A enchente deixou 150 mil casas sem água, segundo a companhia de saneamento.",
            "A prefeitura diz que 12 mil casas inundadas ainda esperam a baixa das águas.",
        ],
        outlet="Jornal Dois",
        quantities=[Q("150 mil casas", 150000, about="casa"), Q("12 mil casas", 12000, about="casa")],
    )
    # "sem água" is another count than "inundadas"; two counts of flooded houses conflict
    assert linked_texts(first, second, score=0.5) == [[("first", "10 mil casas"), ("second", "12 mil casas")]]


def fire_reports(paragraphs: list[int] | None) -> tuple[Article, Article]:
    first = article(
        "first",
        [
            "Um incêndio atingiu uma casa de shows no centro da cidade na madrugada de sábado.",
            "O fogo começou durante a apresentação de uma banda, segundo os bombeiros.",
            "Havia cerca de 400 pessoas na casa, que tinha capacidade para 300 pessoas.",
        ],
        outlet="Jornal Um",
        quantities=[
            Q("cerca de 400 pessoas", 400, low=360, high=440, qualifier="about", about="pessoa"),
            Q("300 pessoas", 300, about="pessoa"),
        ],
    )
    second = article(
        "second",
        [
            "Uma casa de shows pegou fogo no centro da cidade na madrugada deste sábado.",
            "As chamas começaram no palco durante o show, de acordo com os bombeiros.",
            "Cerca de 500 pessoas estavam no local quando as chamas atingiram o teto.",
            "A casa tinha capacidade para 300 pessoas.",
        ],
        outlet="Jornal Dois",
        quantities=[
            Q("Cerca de 500 pessoas", 500, low=450, high=550, qualifier="about", about="pessoa"),
            Q("300 pessoas", 300, about="pessoa"),
        ],
        paragraphs=paragraphs,
    )
    return first, second


def test_differing_counts_outside_the_leads_need_aligned_passages() -> None:
    """Outside the leads two counts conflict only when their sentences, or a sentence next to one in its
    paragraph, are aligned: the 500 sits next to the capacity sentence that aligns with the other
    outlet's sentence of 400; as a paragraph of its own it is only related context."""
    for paragraphs, expected in [
        ([1, 1, 2], [["cerca de 400 pessoas", "Cerca de 500 pessoas"], ["300 pessoas", "300 pessoas"]]),
        (None, [["300 pessoas", "300 pessoas"]]),
    ]:
        first, second = fire_reports(paragraphs)
        units, mentions = units_and_mentions(first, second)
        scores = np.full((len(units), len(units)), 0.2)  # related context only
        by_text = {u.text[:20]: u.index for u in units}
        holds_400, capacity = by_text["Havia cerca de 400 p"], by_text["A casa tinha capacid"]
        scores[holds_400, capacity] = scores[capacity, holds_400] = 0.5
        linked = link_figures(mentions, scores, source_groups([first, second]), 0.35)
        assert [[m.text for m in ms] for ms in linked] == expected
