"""What a figure is about beyond its attribute: time, parts, modifiers, distance heads, age owners.
Every article here is hand-built (see ``builders.py``)."""

from __future__ import annotations

from datetime import date

from parallax_test_builders import Q, article

from parallax.compare.align import Unit, units_of
from parallax.compare.scope import Scope, Window, may_agree, may_differ, same_time, story_window
from parallax.model import Article

PUBLISHED = "2025-03-14T10:00:00-03:00"


def units(a: Article, window: Window | None = None) -> list[Unit]:
    return units_of(a, 0, 0, window)


def scope_of_text(us: list[Unit], text: str) -> Scope:
    return next(s.scope for u in us for s in u.figures if u.article.at(s.span) == text)


def test_story_window_starts_a_month_before_the_first_publication() -> None:
    first = article(
        "a", ["Uma frase qualquer com palavras suficientes."], published="2025-03-14T10:00:00-03:00"
    )
    later = article(
        "b", ["Outra frase qualquer com palavras suficientes."], published="2025-03-20T08:00:00-03:00"
    )
    undated = article("c", ["Mais uma frase com palavras suficientes."], published=None)
    assert story_window([later, first, undated]) == Window(date(2025, 2, 11))
    assert story_window([undated]) == Window(None)


def test_a_date_before_the_story_sets_its_sentence_in_another_time() -> None:
    a = article(
        "a",
        [
            "O terremoto desta sexta-feira deixou 40 feridos na cidade litorânea.",
            "A cidade já tinha sido atingida em outubro de 2004 por um tremor que deixou 3 mil feridos.",
            "A taxa chegou a 14%, o maior nível desde 2016, segundo o banco central.",
            "O banco central volta a se reunir em maio para decidir a nova taxa.",
            "O campus vive a pior tragédia desde 1966, quando um atirador matou 15 pessoas.",
            "Em janeiro, a prefeitura já tinha contratado 20 engenheiros para as vistorias.",
        ],
        published=PUBLISHED,
        dates=[
            ("desta sexta-feira", "2025-03-14"),
            ("outubro de 2004", "2004-10"),
            ("2016", "2016"),
            ("maio", "2025-05"),
            ("1966", "1966"),
            ("janeiro", "2025-01"),
        ],
    )
    eras = [sorted(u.era) for u in units(a)]
    # today; another event; "desde 2016" only bounds a period; a plan in May is the story's own;
    # "desde 1966, quando ..." is about 1966; two months before publication is another time
    assert eras == [[], ["2004"], [], [], ["1966"], ["2025"]]


def test_without_publication_dates_a_written_year_is_another_time() -> None:
    a = article(
        "a",
        [
            "Um terremoto forte deixou ao menos cinco mortos nesta segunda-feira.",
            "Em outubro de 2004, um tremor de mesma intensidade deixou 65 mortos na região.",
        ],
        published=None,
        dates=[("nesta segunda-feira", ""), ("outubro de 2004", "2004-10")],
    )
    assert [sorted(u.era) for u in units(a)] == [[], ["2004"]]


def test_a_sentence_that_carries_on_a_dated_one_shares_its_time() -> None:
    whitman = ("Charles Whitman", "PER", "per:whitman")
    a = article(
        "a",
        [
            "O ataque desta segunda-feira deixou 30 mortos no campus da universidade.",
            "Em 1966, Charles Whitman abriu fogo do alto de uma torre no Texas.",
            "Ele matou 15 pessoas antes de ser morto pela polícia.",
            "Os alunos foram levados para um ginásio próximo ao campus.",
            "Em 1999, dois estudantes atacaram uma escola no Colorado.",
            "O atirador desta segunda-feira ainda não foi identificado pela polícia.",
        ],
        published=PUBLISHED,
        entities=[whitman],
        dates=[("desta segunda-feira", "2025-03-10"), ("1966", "1966"), ("1999", "1999")],
    )
    # a pronoun carries 1966 on; an unrelated sentence does not; nor one with a date of its own
    assert [sorted(u.era) for u in units(a)] == [[], ["1966"], ["1966"], [], ["1999"], []]


def test_parts_and_increments_are_other_quantities_than_a_total() -> None:
    a = article(
        "a",
        [
            "Pelo menos dez ônibus foram incendiados na região metropolitana durante a madrugada.",
            "Na capital, houve ataques a outros quatro ônibus e a duas delegacias.",
            "A obra será feita em três etapas, e as duas primeiras etapas não fecham a pista.",
            "A nadadora conquistou mais dois ouros na competição deste domingo.",
            "Cerca de 22 das vítimas eram estudantes, sendo nove da mesma turma.",
            "O temporal deixou outros 30 feridos além das vítimas fatais.",
        ],
        published=PUBLISHED,
        quantities=[
            Q("Pelo menos dez ônibus", 10, low=10, qualifier="at_least", about="ônibus"),
            Q("quatro ônibus", 4, about="ônibus"),
            Q("duas delegacias", 2, about="delegacia"),
            Q("três etapas", 3, about="etapa"),
            Q("duas primeiras etapas", 2, about="etapa"),
            Q("dois ouros", 2, about="ouro"),
            Q("Cerca de 22", 22, low=19.8, high=24.2, qualifier="about", about="vítima"),
            Q("nove", 9, about="vítima"),
            Q("30 feridos", 30, about="ferido"),
        ],
    )
    us = units(a)
    parts = {s.span: s.scope.part for u in us for s in u.figures}
    by_text = {a.at(span): part for span, part in parts.items()}
    assert by_text == {
        "Pelo menos dez ônibus": False,
        "quatro ônibus": True,  # "outros" after buses were counted: four more
        "duas delegacias": False,
        "três etapas": False,
        "duas primeiras etapas": True,
        "dois ouros": True,  # "mais dois"
        "Cerca de 22": True,  # "22 das vítimas"
        "nove": True,  # "sendo nove": a breakdown
        "30 feridos": False,  # "outros 30 feridos" with no injured counted before: the whole count
    }


def test_modifiers_say_which_things_are_counted() -> None:
    a = article(
        "a",
        [
            "A enchente deixou 10 mil casas inundadas na região do vale.",
            "Outras 150 mil casas sem água dependem de caminhões-pipa.",
            "O senador recebeu três pontes de safena em uma cirurgia.",
            "O time venceu quatro vitórias contra a Argentina nesta temporada.",
            "A seleção soma sete vitórias em sete partidas na liga.",
            "Pelo menos 14 agências bancárias foram atacadas na cidade.",
        ],
        published=PUBLISHED,
        quantities=[
            Q("10 mil casas", 10000, about="casa"),
            Q("150 mil casas", 150000, about="casa"),
            Q("três pontes", 3, about="ponte"),
            Q("quatro vitórias", 4, about="vitória"),
            Q("sete vitórias", 7, about="vitória"),
            Q("sete partidas", 7, about="partida"),
            Q("Pelo menos 14 agências", 14, low=14, qualifier="at_least", about="agência"),
        ],
    )
    us = units(a)
    assert scope_of_text(us, "10 mil casas").modifiers == {"inundado"}
    assert scope_of_text(us, "150 mil casas").modifiers == {"sem agua"}
    assert scope_of_text(us, "três pontes").modifiers == {"de safena"}
    assert scope_of_text(us, "quatro vitórias").modifiers == {"contra argentina"}
    assert scope_of_text(us, "sete vitórias").modifiers == frozenset()  # "em": where, not which
    assert scope_of_text(us, "Pelo menos 14 agências").modifiers == {"bancario"}


def test_distances_keep_their_head_and_ages_their_owner() -> None:
    senator = ("Antônio Prado", "PER", "per:prado")
    son = ("Luís Prado", "PER", "per:luis")
    a = article(
        "a",
        [
            "O epicentro ficou a 260 km da costa, a 17 quilômetros de profundidade.",
            "O senador Antônio Prado morreu nesta sexta-feira, aos 79 anos.",
            "Seu filho Luís Prado morreu de infarto aos 43 anos.",
            "Aos 21 anos, a atleta disputa sua primeira final.",
        ],
        published=PUBLISHED,
        entities=[senator, son],
        quantities=[
            Q("260 km", 260, unit="km"),
            Q("17 quilômetros", 17, unit="km"),
            Q("79 anos", 79, unit="year", about="idade"),
            Q("43 anos", 43, unit="year", about="idade"),
            Q("21 anos", 21, unit="year", about="idade"),
        ],
    )
    us = units(a)
    assert scope_of_text(us, "260 km").head == "costa"
    assert scope_of_text(us, "17 quilômetros").head == "profundidade"
    assert scope_of_text(us, "79 anos").owner == "per:prado"
    assert scope_of_text(us, "43 anos").owner == "per:luis"
    assert scope_of_text(us, "21 anos").owner is None  # no person named: an age of nobody known


def test_which_scopes_may_agree_or_differ() -> None:
    whole, part = Scope(), Scope(part=True)
    flooded, dry = Scope(modifiers=frozenset({"inundado"})), Scope(modifiers=frozenset({"sem agua"}))
    father, son, nobody = Scope(owner="per:a"), Scope(owner="per:b"), Scope()
    assert may_differ(whole, whole, "morto")
    assert not may_differ(whole, part, "etapa")
    assert not may_differ(flooded, dry, "casa") and not may_differ(flooded, whole, "casa")
    assert not may_differ(Scope(head="costa"), Scope(head="profundidade"), "distância")
    assert may_differ(father, father, "idade")
    assert not may_differ(father, son, "idade") and not may_differ(nobody, nobody, "idade")
    assert may_agree(father, nobody) and not may_agree(father, son)
    assert same_time(frozenset(), frozenset()) and same_time(frozenset({"1989"}), frozenset({"1989", "1991"}))
    assert not same_time(frozenset(), frozenset({"2004"}))
