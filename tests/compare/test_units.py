from __future__ import annotations

from parallax_test_builders import CreditSpec, article

from parallax.compare.conflicts import compatible, differ, figure, people_count
from parallax.compare.copies import find_copies
from parallax.compare.sources import count_sources, source_groups
from parallax.model import Duplicate, Quantity, Span


def quantity(
    value: float,
    low: float | None,
    high: float | None,
    unit: str | None,
    qualifier: str | None,
    about: str | None = None,
) -> Quantity:
    return Quantity("x", Span(0, 1), value, low, high, unit, qualifier, about)


def test_figures_compare_durations_across_units() -> None:
    hours = figure(quantity(2, 2, 2, "hour", None))
    minutes = figure(quantity(120, 120, 120, "minute", None))
    more_than_three = figure(quantity(3, 3, None, "hour", "more_than"))
    about_two = figure(quantity(2, 1.8, 2.2, "hour", "about"))
    assert hours and minutes and more_than_three and about_two
    assert hours.attribute == "duração"
    assert not differ(hours, minutes)
    assert differ(more_than_three, about_two)
    assert compatible([more_than_three, about_two]) is False
    assert about_two.reported == [1.8, 2.2]
    assert hours.reported == 2


def test_counts_compare_by_about_and_money_by_currency() -> None:
    at_least = figure(quantity(12, 12, None, None, "at_least", "morto"))
    exact = figure(quantity(15, 15, 15, None, None, "morto"))
    injured = figure(quantity(15, 15, 15, None, None, "ferido"))
    reais = figure(quantity(2.5e6, None, None, "BRL", None))
    dollars = figure(quantity(1e6, None, None, "USD", None))
    assert at_least and exact and injured and reais and dollars
    assert differ(at_least, exact) and compatible([at_least, exact])
    assert not differ(exact, injured)  # different things are never compared
    assert not differ(reais, dollars)
    assert figure(quantity(7, 7, 7, None, None)) is None  # a bare number has no attribute


def test_people_are_counted_by_what_happened_to_them() -> None:
    assert people_count("ao menos 30 pessoas em dois prédios", "Um atirador matou ") == "morto"
    assert people_count("Ao menos 33 pessoas morreram nesta segunda-feira") == "morto"
    assert people_count("65 pessoas.", "provocou a morte de ") == "morto"
    assert people_count("15 people", "the fire killed ") == "morto"
    assert people_count("Mais de 600 pessoas ficaram feridas") == "ferido"
    assert people_count("dezessete pessoas feridas foram levadas") == "ferido"
    assert people_count("mais de 300 pessoas desalojadas estão em abrigos") == "desalojado"
    assert people_count("cerca de 400 pessoas estavam no local") is None
    assert people_count("300 pessoas.", "capacidade para ") is None
    dead = figure(Quantity("Quatro pessoas", Span(0, 14), 4, 4, 4, None, None, "pessoa"), " morreram")
    injured = figure(
        Quantity("600 pessoas", Span(0, 11), 600, 600, 600, None, None, "pessoa"), " ficaram feridas"
    )
    assert dead and injured and (dead.attribute, injured.attribute) == ("morto", "ferido")
    assert not differ(dead, injured)  # four dead and 600 injured are not two values of one thing


def test_a_round_thousand_is_the_precise_figure_rounded() -> None:
    thousand = figure(quantity(1000, 1000, 1000, "ha", None))
    precise = figure(quantity(1050, 1050, 1050, "ha", None))
    further = figure(quantity(1200, 1200, 1200, "ha", None))
    thirty = figure(quantity(30, 30, 30, None, None, "morto"))
    thirty_three = figure(quantity(33, 33, 33, None, None, "morto"))
    assert thousand and precise and further and thirty and thirty_three
    assert not differ(thousand, precise)  # "mil hectares" for "1.050 hectares"
    assert differ(thousand, further)
    assert differ(thirty, thirty_three)  # a small count is stated as counted, not rounded


def test_independent_sources_follow_outlets_and_agency_material() -> None:
    wire = article("w", ["Texto da agência sobre o fato principal do dia."], outlet="Reuters")
    dated = article(
        "d",
        ["Texto de outro jornal com a agência no cabeçalho."],
        preamble=["LONDRES, 3 mar (Reuters) -"],
        outlet="Diário Um",
        credits=[CreditSpec("Reuters", "dateline", "LONDRES, 3 mar (Reuters) -")],
    )
    attributed = article(
        "t",
        ["Segundo a Reuters, o fato principal do dia aconteceu cedo."],
        outlet="Diário Dois",
        credits=[CreditSpec("Reuters", "attribution", "Segundo a Reuters")],
    )
    same_outlet = article("s", ["Outra versão do texto do Diário Dois."], outlet="Diário Dois")
    groups = source_groups([wire, dated, attributed, same_outlet])
    assert groups["w"] == groups["d"]
    assert groups["t"] == groups["s"] != groups["w"]
    assert count_sources(["w", "d", "t", "s"], groups) == 2


def test_a_duplicate_is_the_same_source_as_its_original() -> None:
    original = article("o", ["A prefeitura anunciou o plano de obras contra enchentes."], outlet="Diário Um")
    copy = article("c", ["A prefeitura anunciou o plano de obras contra enchentes."], outlet="Portal Três")
    other = article("x", ["Moradores criticam o plano de obras da prefeitura."], outlet="Folha Quatro")
    assert count_sources(["o", "c", "x"], source_groups([original, copy, other])) == 3
    copy.duplicate_of = Duplicate(article="o", kind="exact", similarity=1.0)
    groups = source_groups([original, copy, other])
    assert groups["o"] == groups["c"] != groups["x"]
    assert count_sources(["o", "c", "x"], groups) == 2


LEAD = [
    "A prefeitura anunciou nesta manhã um plano de obras para conter enchentes na zona norte da cidade.",
    "O pacote prevê a construção de três piscinões e a limpeza de córregos ao longo de dois anos.",
    "Moradores da região reclamam de alagamentos frequentes desde o início do verão.",
]


def test_credited_copy_is_not_flagged_and_unrelated_text_is_not_a_copy() -> None:
    wire = article("wire", LEAD, title="Prefeitura lança plano contra enchentes", outlet="Agência Brasil")
    credited = article(
        "cred",
        LEAD,
        preamble=["Com informações da Agência Brasil"],
        title="Plano contra enchentes",
        outlet="Jornal A",
        credits=[CreditSpec("Agência Brasil", "byline", "Com informações da Agência Brasil")],
    )
    own = article(
        "own",
        [
            "Um plano de obras contra enchentes foi apresentado pela prefeitura para a zona norte.",
            "Segundo a gestão municipal, serão construídos três reservatórios em dois anos.",
        ],
        outlet="Jornal B",
    )
    silent = article("silent", LEAD[:2], title="Cidade terá piscinões", outlet="Jornal C")
    copies = find_copies([wire, credited, own, silent])
    assert set(copies) == {"silent"}
    (credit,) = copies["silent"]
    assert (credit.agency, credit.kind, credit.source_article) == ("Agência Brasil", "copied", "wire")
    assert credit.text == LEAD[0]
