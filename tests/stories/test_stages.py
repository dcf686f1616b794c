from __future__ import annotations

import pytest
from parallax_test_builders import Q, article

from parallax.model import Article, Batch
from parallax.options import Options
from parallax.stories.cluster import StoryState, assign, story_id
from parallax.stories.stages import stories

PETROPOLIS = [("Petrópolis", "LOC", "loc:petropolis"), ("Rio de Janeiro", "LOC", "loc:rj")]
RECIFE = [("Recife", "LOC", "loc:recife"), ("Pernambuco", "LOC", "loc:pe")]


def storm_petropolis_1() -> Article:
    return article(
        "a-pet-1",
        [
            "As chuvas fortes que atingiram Petrópolis, na região serrana do Rio de Janeiro, deixaram "
            "12 mortos nesta sexta-feira.",
            "A Defesa Civil informou que 300 pessoas estão desalojadas e que houve deslizamentos de terra "
            "em vários bairros.",
            "O temporal começou no fim da tarde e durou cerca de quatro horas.",
        ],
        title="Temporal deixa 12 mortos em Petrópolis",
        outlet="Folha",
        published="2025-03-14T20:00:00-03:00",
        entities=[*PETROPOLIS, ("Defesa Civil", "ORG", "org:defesa-civil")],
        quantities=[Q("12 mortos", 12, about="morto"), Q("300 pessoas", 300, about="pessoa")],
        dates=[("nesta sexta-feira", "2025-03-14")],
    )


def storm_petropolis_2() -> Article:
    return article(
        "a-pet-2",
        [
            "Um temporal provocou deslizamentos de terra e deixou ao menos 12 mortos em Petrópolis nesta "
            "sexta-feira.",
            "Segundo a Defesa Civil do Rio de Janeiro, 300 pessoas tiveram de deixar suas casas.",
            "Equipes de resgate procuram desaparecidos nos bairros mais atingidos pela chuva.",
        ],
        title="Chuva provoca deslizamentos e mata 12 em Petrópolis",
        outlet="G1",
        published="2025-03-14T22:30:00-03:00",
        entities=[*PETROPOLIS, ("Defesa Civil", "ORG", "org:defesa-civil")],
        quantities=[Q("12 mortos", 12, about="morto"), Q("300 pessoas", 300, about="pessoa")],
        dates=[("nesta sexta-feira", "2025-03-14")],
    )


def storm_recife_1() -> Article:
    return article(
        "a-rec-1",
        [
            "As chuvas fortes que atingiram o Recife, em Pernambuco, deixaram 5 mortos neste domingo.",
            "A Defesa Civil informou que 120 pessoas estão desalojadas e que houve deslizamentos de terra "
            "em morros da cidade.",
            "O temporal começou de madrugada e durou cerca de seis horas.",
        ],
        title="Temporal deixa 5 mortos no Recife",
        outlet="Folha",
        published="2025-03-16T19:00:00-03:00",
        entities=[*RECIFE, ("Defesa Civil", "ORG", "org:defesa-civil")],
        quantities=[Q("5 mortos", 5, about="morto"), Q("120 pessoas", 120, about="pessoa")],
        dates=[("neste domingo", "2025-03-16")],
    )


def storm_recife_2() -> Article:
    return article(
        "a-rec-2",
        [
            "Um temporal provocou deslizamentos de terra e deixou 5 mortos no Recife neste domingo.",
            "Segundo a Defesa Civil de Pernambuco, 120 pessoas tiveram de deixar suas casas.",
            "Equipes de resgate procuram desaparecidos nos morros mais atingidos pela chuva.",
        ],
        title="Chuva provoca deslizamentos e mata 5 no Recife",
        outlet="G1",
        published="2025-03-16T21:00:00-03:00",
        entities=[*RECIFE, ("Defesa Civil", "ORG", "org:defesa-civil")],
        quantities=[Q("5 mortos", 5, about="morto"), Q("120 pessoas", 120, about="pessoa")],
        dates=[("neste domingo", "2025-03-16")],
    )


SUMMIT_ENTITIES_PT = [
    ("Belém", "LOC", "loc:belem"),
    ("Lula", "PER", "per:lula"),
    ("Amazônia", "LOC", "loc:amazonia"),
]


def summit_pt() -> Article:
    return article(
        "a-sum-pt",
        [
            "Os presidentes dos oito países amazônicos assinaram nesta terça-feira em Belém uma declaração "
            "conjunta contra o desmatamento.",
            "O presidente Lula disse que a floresta precisa de recursos dos países ricos.",
            "O documento não fixou uma meta comum para zerar o desmatamento até 2030.",
        ],
        title="Cúpula em Belém termina com declaração sobre a Amazônia",
        language="pt",
        outlet="Estadão",
        published="2025-08-08T16:00:00-03:00",
        entities=SUMMIT_ENTITIES_PT,
        dates=[("nesta terça-feira", "2025-08-08")],
    )


def summit_en() -> Article:
    return article(
        "a-sum-en",
        [
            "The presidents of the eight Amazon countries signed a joint declaration against deforestation "
            "in Belém on Tuesday.",
            "President Lula said the rainforest needs money from rich nations.",
            "The document set no common goal to end deforestation by 2030.",
        ],
        title="Amazon summit in Belém ends with a joint declaration",
        language="en",
        outlet="Reuters",
        published="2025-08-08T20:00:00+00:00",
        entities=[
            ("Belém", "LOC", "loc:belem"),
            ("Lula", "PER", "per:lula"),
            ("Amazon", "LOC", "loc:amazonia"),
        ],
        dates=[("on Tuesday", "2025-08-08")],
    )


def summit_es() -> Article:
    return article(
        "a-sum-es",
        [
            "Los presidentes de los ocho países amazónicos firmaron este martes en Belém una declaración "
            "conjunta contra la deforestación.",
            "El presidente Lula dijo que la selva necesita recursos de los países ricos.",
            "El documento no fijó una meta común para acabar con la deforestación hasta 2030.",
        ],
        title="La cumbre de Belém termina con una declaración sobre la Amazonía",
        language="es",
        outlet="EFE",
        published="2025-08-09T01:00:00+00:00",
        entities=[
            ("Belém", "LOC", "loc:belem"),
            ("Lula", "PER", "per:lula"),
            ("Amazonía", "LOC", "loc:amazonia"),
        ],
        dates=[("este martes", "2025-08-08")],
    )


def unrelated_pt() -> Article:
    return article(
        "a-other",
        [
            "O Banco Central manteve a taxa básica de juros em 10,5% ao ano nesta quarta-feira.",
            "A decisão do comitê foi unânime e já era esperada pelo mercado financeiro.",
        ],
        title="Banco Central mantém juros em 10,5%",
        outlet="Valor",
        published="2025-03-15T19:00:00-03:00",
        entities=[("Banco Central", "ORG", "org:bc")],
        quantities=[Q("10,5%", 10.5, unit="%")],
    )


def groups(batch: Batch) -> list[list[str]]:
    return sorted(sorted(s.articles) for s in batch.stories)


@pytest.mark.parametrize("embeddings", [True, False])
def test_two_storms_in_two_cities_do_not_merge(embeddings: bool) -> None:
    batch = Batch(
        articles=[
            storm_petropolis_1(),
            storm_recife_1(),
            storm_petropolis_2(),
            storm_recife_2(),
            unrelated_pt(),
        ]
    )
    result = stories(batch, Options(workspace=None, embeddings=embeddings))
    assert groups(result) == [["a-other"], ["a-pet-1", "a-pet-2"], ["a-rec-1", "a-rec-2"]]


def test_pt_en_es_reports_of_one_summit_merge() -> None:
    batch = Batch(articles=[summit_en(), storm_petropolis_1(), summit_es(), summit_pt()])
    result = stories(batch, Options(workspace=None, story_window_days=200))
    assert groups(result) == [["a-pet-1"], ["a-sum-en", "a-sum-es", "a-sum-pt"]]
    summit = next(s for s in result.stories if len(s.articles) == 3)
    # one article per language: Portuguese wins the tie
    assert summit.title == "Cúpula em Belém termina com declaração sobre a Amazônia"
    assert summit.date == "2025-08-08"
    assert summit.id == story_id(["a-sum-pt", "a-sum-en", "a-sum-es"])
    assert summit.articles == ["a-sum-pt", "a-sum-en", "a-sum-es"]  # publication order


def test_time_window_is_a_hard_constraint() -> None:
    late = storm_petropolis_2()
    late.published = "2025-03-25T10:00:00-03:00"
    result = stories(Batch(articles=[storm_petropolis_1(), late]), Options(workspace=None))
    assert groups(result) == [["a-pet-1"], ["a-pet-2"]]


def test_story_ids_and_order_are_deterministic() -> None:
    articles = [
        storm_petropolis_1(),
        storm_recife_1(),
        storm_petropolis_2(),
        storm_recife_2(),
        unrelated_pt(),
    ]
    options = Options(workspace=None, embeddings=False)
    first = stories(Batch(articles=articles), options)
    second = stories(Batch(articles=list(reversed(articles))), options)
    assert [s.id for s in first.stories] == [s.id for s in second.stories]
    assert [s.date for s in first.stories] == ["2025-03-14", "2025-03-15", "2025-03-16"]
    assert first.stories[0].title in {
        "Temporal deixa 12 mortos em Petrópolis",
        "Chuva provoca deslizamentos e mata 12 em Petrópolis",
    }


def test_stage_is_pure() -> None:
    batch = Batch(articles=[storm_petropolis_1(), storm_petropolis_2()])
    stories(batch, Options(workspace=None, embeddings=False))
    assert batch.stories == []


def test_streaming_assignment_matches_batch_grouping() -> None:
    options = Options(workspace=None, embeddings=False)
    state = assign(None, [storm_petropolis_1(), storm_recife_1()], options)
    assert sorted(sorted(s.articles) for s in state.stories) == [["a-pet-1"], ["a-rec-1"]]
    state = assign(state, [storm_recife_2(), storm_petropolis_2(), unrelated_pt()], options)
    assert isinstance(state, StoryState)
    assert sorted(sorted(s.articles) for s in state.stories) == [
        ["a-other"],
        ["a-pet-1", "a-pet-2"],
        ["a-rec-1", "a-rec-2"],
    ]
    assert {s.id for s in state.stories} >= {story_id(["a-pet-1", "a-pet-2"])}
