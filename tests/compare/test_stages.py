from __future__ import annotations

import copy

import pytest
from parallax_test_builders import CreditSpec, Q, QuoteSpec, article

from parallax.compare.stages import compare
from parallax.model import Article, Batch, Claim, Entity, Story, to_dict
from parallax.options import Options

CAMPINAS = ("Campinas", "LOC", "loc:campinas")
TARCISIO = ("Tarcísio de Freitas", "PER", "per:tarcisio")
ENTITIES = [Entity("per:tarcisio", "Tarcísio de Freitas", "PER"), Entity("loc:campinas", "Campinas", "LOC")]


def folha() -> Article:
    return article(
        "folha",
        [
            "Um incêndio atingiu uma boate no centro de Campinas na madrugada deste sábado.",
            "O Corpo de Bombeiros levou mais de três horas para controlar as chamas.",
            "Segundo a prefeitura, 17 feridos foram levados ao Hospital Municipal.",
            "O prefeito decretou luto oficial de três dias na cidade.",
            "“Estamos fazendo tudo o que podemos para ajudar as famílias”, disse o governador Tarcísio de "
            "Freitas.",
        ],
        title="Incêndio em boate deixa pelo menos 12 mortos em Campinas",
        outlet="Folha de S.Paulo",
        entities=[CAMPINAS, TARCISIO],
        quantities=[
            Q("pelo menos 12 mortos", 12, low=12, qualifier="at_least", about="morto"),
            Q("mais de três horas", 3, low=3, unit="hour", qualifier="more_than"),
            Q("17 feridos", 17, about="ferido"),
            Q("três dias", 3, unit="day"),
        ],
        quotes=[
            QuoteSpec(
                "Estamos fazendo tudo o que podemos para ajudar as famílias",
                "Tarcísio de Freitas",
                "per:tarcisio",
            )
        ],
    )


def g1() -> Article:
    return article(
        "g1",
        [
            "Um incêndio em uma boate no centro de Campinas deixou 15 mortos na madrugada deste sábado.",
            "Os bombeiros controlaram o fogo em cerca de duas horas.",
            "Dezessete feridos foram levados ao Hospital Municipal, segundo a prefeitura.",
            "O governador Tarcísio de Freitas disse que o estado está fazendo tudo o que pode para ajudar as "
            "famílias.",
            "A boate funcionava sem alvará dos bombeiros, de acordo com documentos obtidos pela reportagem.",
        ],
        title="Incêndio em boate de Campinas mata 15",
        outlet="G1",
        entities=[CAMPINAS, TARCISIO],
        quantities=[
            Q("15 mortos", 15, about="morto"),
            Q("cerca de duas horas", 2, low=1.8, high=2.2, unit="hour", qualifier="about"),
            Q("Dezessete feridos", 17, about="ferido"),
        ],
        quotes=[
            QuoteSpec(
                "o estado está fazendo tudo o que pode para ajudar as famílias",
                "Tarcísio de Freitas",
                "per:tarcisio",
                kind="indirect",
            )
        ],
    )


def reuters_en() -> Article:
    return article(
        "reuters",
        [
            "A fire at a nightclub in the Brazilian city of Campinas killed 15 people early on Saturday.",
            "Firefighters took more than three hours to put out the flames.",
            "“We are doing everything we can to help the families,” Governor Tarcísio de Freitas said.",
            "Tarcísio de Freitas also said that the state would pay for the funerals.",
        ],
        preamble=["CAMPINAS, Brazil, March 15 (Reuters) -"],
        title="Nightclub fire kills 15 in Brazil's Campinas",
        language="en",
        outlet="Reuters",
        entities=[CAMPINAS, TARCISIO],
        quantities=[
            Q("15 people", 15, about="pessoa"),
            Q("more than three hours", 3, low=3, unit="hour", qualifier="more_than"),
        ],
        quotes=[
            QuoteSpec(
                "We are doing everything we can to help the families", "Tarcísio de Freitas", "per:tarcisio"
            ),
            QuoteSpec(
                "the state would pay for the funerals", "Tarcísio de Freitas", "per:tarcisio", kind="indirect"
            ),
        ],
        credits=[CreditSpec("Reuters", "dateline", "CAMPINAS, Brazil, March 15 (Reuters) -")],
    )


def fire_batch(*articles: Article) -> Batch:
    ids = [a.id for a in articles]
    return Batch(
        articles=list(articles),
        entities=list(ENTITIES),
        stories=[Story("st-fire", "Incêndio em boate", "2025-03-14", ids)],
    )


@pytest.fixture(scope="module")
def fire() -> Batch:
    return compare(fire_batch(folha(), g1(), reuters_en()), Options(workspace=None))


def claims_with(batch: Batch, article_id: str, fragment: str) -> list[Claim]:
    text = {a.id: a.text for a in batch.articles}
    return [
        c
        for c in batch.stories[0].claims
        if any(
            e.article == article_id and fragment in text[article_id][e.span.start : e.span.end]
            for e in c.evidence
        )
    ]


def test_compatible_conflict_between_headline_and_lead(fire: Batch) -> None:
    conflicts = [c for c in fire.stories[0].claims if c.conflict and c.conflict.attribute == "morto"]
    assert len(conflicts) == 1
    claim = conflicts[0]
    assert claim.status == "conflicting"
    assert claim.conflict is not None
    assert claim.conflict.compatible is True
    # "killed 15 people" counts the dead, like "15 mortos"
    assert [(v.article, v.text, v.value) for v in claim.conflict.values] == [
        ("folha", "pelo menos 12 mortos", [12, None]),
        ("g1", "15 mortos", 15),
        ("reuters", "15 people", 15),
    ]
    by_article = {e.article: e.text for e in claim.evidence}
    assert "pelo menos 12 mortos" in by_article["folha"]
    assert "15 mortos" in by_article["g1"]
    assert claim.independent_sources == 3


def test_incompatible_duration_conflict(fire: Batch) -> None:
    claim = next(c for c in fire.stories[0].claims if c.conflict and c.conflict.attribute == "duração")
    assert claim.status == "conflicting"
    assert claim.conflict is not None
    assert claim.conflict.compatible is False
    values = {v.article: v.value for v in claim.conflict.values}
    assert values["folha"] == [3, None]
    assert values["g1"] == [1.8, 2.2]
    texts = {e.article: e.text for e in claim.evidence}
    assert "cerca de duas horas" in texts["g1"]
    assert "mais de três horas" in texts["folha"]


def test_same_figure_in_other_words_corroborates(fire: Batch) -> None:
    claims = claims_with(fire, "g1", "Dezessete feridos")
    assert len(claims) == 1
    claim = claims[0]
    assert claim.status == "corroborated"
    assert claim.conflict is None
    assert {e.article for e in claim.evidence} == {"folha", "g1"}
    assert claim.independent_sources == 2
    assert not any(c.conflict and c.conflict.attribute == "ferido" for c in fire.stories[0].claims)


def test_cross_language_sentences_align_into_one_claim(fire: Batch) -> None:
    claims = claims_with(fire, "g1", "deixou 15 mortos")
    lead = next(c for c in claims if c.status != "conflicting" or len(c.evidence) == 3)
    assert {e.article for e in lead.evidence} == {"folha", "g1", "reuters"}
    assert lead.independent_sources == 3
    assert lead.text.startswith("Um incêndio")  # a Portuguese sentence represents the claim


def test_single_source_claims_skip_datelines(fire: Batch) -> None:
    alvara = claims_with(fire, "g1", "sem alvará")
    assert [c.status for c in alvara] == ["single_source"]
    assert alvara[0].independent_sources == 1
    assert claims_with(fire, "reuters", "(Reuters)") == []


def test_quote_group_joins_direct_indirect_and_translated_variants(fire: Batch) -> None:
    groups = fire.stories[0].quote_groups
    assert len(groups) == 1
    group = groups[0]
    assert group.speaker == "Tarcísio de Freitas"
    assert group.entity == "per:tarcisio"
    assert [(v.article, v.text) for v in group.variants] == [
        ("folha", "Estamos fazendo tudo o que podemos para ajudar as famílias"),
        ("g1", "o estado está fazendo tudo o que pode para ajudar as famílias"),
        ("reuters", "We are doing everything we can to help the families"),
    ]
    texts = {a.id: a.text for a in fire.articles}
    assert all(texts[v.article][v.span.start : v.span.end] == v.text for v in group.variants)


def test_alignments_carry_relations_and_valid_spans(fire: Batch) -> None:
    story = fire.stories[0]
    texts = {a.id: a.text for a in fire.articles}
    assert story.alignments
    relations = {}
    for al in story.alignments:
        assert al.a.article != al.b.article
        assert al.score >= Options().alignment_threshold or al.relation == "conflicts"
        a_text = texts[al.a.article][al.a.span.start : al.a.span.end]
        b_text = texts[al.b.article][al.b.span.start : al.b.span.end]
        relations[(a_text[:30], b_text[:30])] = al.relation
    assert relations[("O Corpo de Bombeiros levou mai", "Os bombeiros controlaram o fog")] == "conflicts"
    assert relations[("Segundo a prefeitura, 17 ferid", "Dezessete feridos foram levado")] in {
        "equivalent",
        "attribution",
    }


def test_claims_are_deterministic_and_stage_is_pure() -> None:
    batch = fire_batch(folha(), g1(), reuters_en())
    before = copy.deepcopy(to_dict(batch))
    first = compare(batch, Options(workspace=None))
    assert to_dict(batch) == before
    again = compare(fire_batch(folha(), g1(), reuters_en()), Options(workspace=None))
    assert to_dict(first.stories) == to_dict(again.stories)
    ids = [c.id for c in first.stories[0].claims]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("cl-") for i in ids)


# --------------------------------------------------------------------------- agency material

WIRE_SENTENCES = [
    "O incêndio começou por volta das 2h, quando a boate estava lotada para uma festa universitária.",
    "A principal hipótese da polícia é que um artefato pirotécnico usado no palco atingiu o teto.",
    "O local tinha apenas uma saída de emergência, o que dificultou a fuga dos frequentadores.",
    "A Polícia Civil abriu inquérito para apurar as responsabilidades dos donos da casa noturna.",
]


def wire() -> Article:
    return article(
        "ab-wire",
        WIRE_SENTENCES,
        title="Fogo em boate começou com artefato pirotécnico, diz polícia",
        outlet="Agência Brasil",
    )


def silent_copy() -> Article:
    return article(
        "portal-copy",
        [*WIRE_SENTENCES[:3], "Os nomes das vítimas ainda não foram divulgados pelas autoridades."],
        title="Polícia aponta artefato pirotécnico como causa do incêndio",
        outlet="Portal Notícia Já",
    )


def credited_copy() -> Article:
    return article(
        "jornal-credited",
        WIRE_SENTENCES,
        preamble=["Da Agência Brasil"],
        title="Artefato pirotécnico causou incêndio, diz polícia",
        outlet="Jornal do Interior",
        credits=[CreditSpec("Agência Brasil", "byline", "Da Agência Brasil")],
    )


def own_reporting(id: str, outlet: str, lead: str) -> Article:
    return article(
        id,
        [lead, f"Esta reportagem do {outlet} ouviu testemunhas na porta do hospital durante a manhã."],
        title=f"Incêndio em Campinas: o que se sabe ({outlet})",
        outlet=outlet,
    )


def test_silent_copy_gets_a_copied_credit_and_counts_with_the_wire() -> None:
    articles = [
        wire(),
        silent_copy(),
        credited_copy(),
        own_reporting(
            "folha2",
            "Folha",
            "Segundo a polícia, um artefato pirotécnico usado no palco atingiu o teto e iniciou o fogo.",
        ),
        own_reporting(
            "g12",
            "G1",
            "A polícia suspeita que um artefato pirotécnico disparado no palco atingiu o teto da boate.",
        ),
    ]
    batch = Batch(articles=articles, stories=[Story("st-x", "x", "2025-03-14", [a.id for a in articles])])
    result = compare(batch, Options(workspace=None))
    by_id = {a.id: a for a in result.articles}

    copied = [c for c in by_id["portal-copy"].credits if c.kind == "copied"]
    assert len(copied) == 1
    credit = copied[0]
    assert credit.agency == "Agência Brasil"
    assert credit.source_article == "ab-wire"
    assert credit.span is not None
    assert by_id["portal-copy"].at(credit.span) == credit.text == WIRE_SENTENCES[0]
    assert not any(c.kind == "copied" for c in by_id["jornal-credited"].credits)
    assert not any(c.kind == "copied" for a in ("folha2", "g12", "ab-wire") for c in by_id[a].credits)

    story = result.stories[0]
    hypothesis = [
        c
        for c in story.claims
        if any(e.article == "ab-wire" and "artefato pirotécnico" in e.text for e in c.evidence)
    ]
    assert len(hypothesis) == 1
    claim = hypothesis[0]
    assert {e.article for e in claim.evidence} == {
        "ab-wire",
        "portal-copy",
        "jornal-credited",
        "folha2",
        "g12",
    }
    assert claim.status == "corroborated"
    assert claim.independent_sources == 3  # the wire with both copies, Folha, G1

    exit_claim = next(c for c in story.claims if any("saída de emergência" in e.text for e in c.evidence))
    assert exit_claim.status == "single_source"  # only the agency's material says it
    assert exit_claim.independent_sources == 1
    assert len(exit_claim.evidence) == 3


def test_single_article_story_lists_its_sentences_as_single_source() -> None:
    only = wire()
    batch = Batch(articles=[only], stories=[Story("st-1", "x", "2025-03-14", [only.id])])
    result = compare(batch, Options(workspace=None))
    story = result.stories[0]
    assert [c.status for c in story.claims] == ["single_source"] * 4
    assert [c.text for c in story.claims] == WIRE_SENTENCES
    assert story.alignments == [] and story.quote_groups == []


def test_stories_then_compare_end_to_end() -> None:
    from parallax.stories.stages import stories

    batch = Batch(articles=[folha(), g1(), reuters_en()], entities=list(ENTITIES))
    options = Options(workspace=None)
    result = compare(stories(batch, options), options)
    assert len(result.stories) == 1
    story = result.stories[0]
    assert sorted(story.articles) == ["folha", "g1", "reuters"]
    statuses = {c.status for c in story.claims}
    assert statuses == {"conflicting", "corroborated", "single_source"}
    assert len(story.quote_groups) == 1


def test_leads_with_different_tolls_conflict_and_a_background_toll_stays_out() -> None:
    """30 against 33 dead in the leads is a conflict, shown as a "conflicts" alignment of the two lead
    sentences even when they score under the threshold; the 1966 shooting's toll and the sentence that
    carries it on are neither in the conflict nor in its evidence."""
    campus = ("Blacksburg", "LOC", "loc:blacksburg")
    whitman = ("Charles Whitman", "PER", "per:whitman")
    first = article(
        "first",
        [
            "Um atirador matou ao menos 30 pessoas em dois prédios da universidade de Blacksburg nesta "
            "segunda-feira.",
            "O agressor se matou depois do segundo ataque, segundo a polícia local.",
            "O pior ataque anterior a um campus tinha ocorrido em 1966, no Texas.",
            "Charles Whitman matou 15 pessoas do alto de uma torre da universidade.",
        ],
        title="Ataque a tiros deixa mortos em universidade americana",
        outlet="Jornal Um",
        entities=[campus, whitman],
        quantities=[
            Q("ao menos 30 pessoas", 30, low=30, qualifier="at_least", about="pessoa"),
            Q("15 pessoas", 15, about="pessoa"),
        ],
        dates=[("nesta segunda-feira", "2025-03-10"), ("1966", "1966")],
    )
    second = article(
        "second",
        [
            "WASHINGTON - Ao menos 33 pessoas morreram nesta segunda-feira em Blacksburg, informou o reitor.",
            "Estudantes pularam das janelas das salas de aula para fugir dos tiros.",
            "A polícia ainda não divulgou o nome do atirador nem o motivo do crime.",
        ],
        title="Tiroteio em campus é o pior da história do país",
        outlet="Jornal Dois",
        entities=[campus],
        quantities=[Q("Ao menos 33 pessoas", 33, low=33, qualifier="at_least", about="pessoa")],
        dates=[("nesta segunda-feira", "2025-03-10")],
    )
    batch = compare(
        Batch(
            articles=[first, second],
            entities=[
                Entity("loc:blacksburg", "Blacksburg", "LOC"),
                Entity("per:whitman", "Charles Whitman", "PER"),
            ],
            stories=[Story("st-campus", "Tiroteio", "2025-03-10", ["first", "second"])],
        ),
        Options(workspace=None),
    )
    story = batch.stories[0]
    (claim,) = [c for c in story.claims if c.status == "conflicting"]
    assert claim.conflict is not None and claim.conflict.attribute == "morto"
    assert [(v.article, v.text, v.value) for v in claim.conflict.values] == [
        ("first", "ao menos 30 pessoas", [30, None]),
        ("second", "Ao menos 33 pessoas", [33, None]),
    ]
    assert [e.text for e in claim.evidence] == ["ao menos 30 pessoas", "Ao menos 33 pessoas"]
    conflicts = [al for al in story.alignments if al.relation == "conflicts"]
    texts = {a.id: a.text for a in batch.articles}
    assert [
        (
            texts[al.a.article][al.a.span.start : al.a.span.start + 25],
            texts[al.b.article][al.b.span.start : al.b.span.start + 25],
        )
        for al in conflicts
    ] == [("Um atirador matou ao meno", "WASHINGTON - Ao menos 33 ")]
