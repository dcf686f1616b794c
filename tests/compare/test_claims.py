"""Claim-by-claim comparison: figure claims, multi-fact sentences, facts spread over two sentences,
single-source details. Every article here is hand-built (see ``builders.py``)."""

from __future__ import annotations

import pytest
from parallax_test_builders import CreditSpec, Q, QuoteSpec, article

from parallax.compare.stages import compare
from parallax.model import Article, Batch, Claim, Entity, Story
from parallax.options import Options

PETROPOLIS = ("Petrópolis", "LOC", "loc:petropolis")
VILA_NOVA = ("Vila Nova", "LOC", "loc:vila-nova")

WIRE_SENTENCES = [
    "Um deslizamento de terra atingiu o bairro Vila Nova, em Petrópolis, e deixou 17 feridos nesta "
    "segunda-feira.",
    "Os bombeiros levaram duas horas para controlar a situação no local do desabamento.",
    "A Defesa Civil interditou outras doze casas da encosta por risco de novos desabamentos.",
    "A prefeitura abriu um abrigo provisório na escola municipal do bairro para receber os desalojados.",
]
WIRE_QUANTITIES = [Q("17 feridos", 17, about="ferido"), Q("duas horas", 2, unit="hour")]


def landslide_batch() -> Batch:
    wire = article(
        "wire",
        WIRE_SENTENCES,
        title="Deslizamento deixa feridos em Petrópolis",
        outlet="Agência Brasil",
        entities=[PETROPOLIS, VILA_NOVA],
        quantities=WIRE_QUANTITIES,
    )
    copy = article(  # the wire word for word, crediting nobody: a silent copy
        "copy",
        WIRE_SENTENCES,
        title="Tragédia na serra: encosta desaba em Petrópolis",
        outlet="Portal Cópia",
        entities=[PETROPOLIS, VILA_NOVA],
        quantities=WIRE_QUANTITIES,
    )
    own = article(
        "own",
        [
            "Dezessete pessoas feridas foram levadas a hospitais da região serrana após a queda de uma "
            "encosta.",
            "A operação de resgate durou 120 minutos e mobilizou quarenta voluntários.",
            "Moradores contaram que a chuva forte começou ainda na noite de domingo.",
        ],
        title="Queda de encosta fere moradores na serra fluminense",
        outlet="Diário da Serra",
        quantities=[
            Q("Dezessete pessoas feridas", 17, about="ferido"),
            Q("120 minutos", 120, unit="minute"),
            Q("quarenta voluntários", 40, about="voluntário"),
        ],
    )
    articles = [wire, copy, own]
    return Batch(
        articles=articles,
        entities=[Entity("loc:petropolis", "Petrópolis", "LOC"), Entity("loc:vila-nova", "Vila Nova", "LOC")],
        stories=[Story("st-slide", "Deslizamento", "2025-03-10", [a.id for a in articles])],
    )


@pytest.fixture(scope="module")
def landslide() -> Batch:
    return compare(landslide_batch(), Options(workspace=None))


def evidence_texts(claim: Claim) -> list[tuple[str, str]]:
    return [(e.article, e.text) for e in claim.evidence]


def test_figure_claim_joins_wordings_and_counts_a_copy_once(landslide: Batch) -> None:
    injured = [
        c for c in landslide.stories[0].claims if ("own", "Dezessete pessoas feridas") in evidence_texts(c)
    ]
    assert len(injured) == 1
    claim = injured[0]
    assert claim.status == "corroborated"
    assert evidence_texts(claim) == [
        ("wire", "17 feridos"),
        ("copy", "17 feridos"),
        ("own", "Dezessete pessoas feridas"),
    ]
    assert claim.independent_sources == 2  # the wire and its silent copy are one source
    assert claim.text == "deixou 17 feridos nesta segunda-feira"  # the clause of the most central mention
    copied = next(a for a in landslide.articles if a.id == "copy").credits
    assert [(c.kind, c.agency, c.source_article) for c in copied] == [("copied", "Agência Brasil", "wire")]


def test_figure_claim_compares_durations_across_units(landslide: Batch) -> None:
    (claim,) = [c for c in landslide.stories[0].claims if ("own", "120 minutos") in evidence_texts(c)]
    assert claim.status == "corroborated"
    assert claim.conflict is None
    assert evidence_texts(claim) == [("wire", "duas horas"), ("copy", "duas horas"), ("own", "120 minutos")]
    assert claim.independent_sources == 2
    texts = {a.id: a.text for a in landslide.articles}
    assert all(texts[e.article][e.span.start : e.span.end] == e.text for e in claim.evidence)


def test_figure_of_one_source_is_not_a_figure_claim(landslide: Batch) -> None:
    volunteers = [c for c in landslide.stories[0].claims if any("quarenta" in e.text for e in c.evidence)]
    assert [c.status for c in volunteers] == ["single_source"]
    assert volunteers[0].evidence[0].text.startswith("A operação de resgate")


def test_sentences_only_the_wire_and_its_copy_report_are_single_source(landslide: Batch) -> None:
    shelter = [
        c for c in landslide.stories[0].claims if any("abrigo provisório" in e.text for e in c.evidence)
    ]
    assert len(shelter) == 1
    assert shelter[0].status == "single_source"
    assert shelter[0].independent_sources == 1
    assert sorted(e.article for e in shelter[0].evidence) == ["copy", "wire"]


def test_headline_is_never_a_claim_of_its_own(landslide: Batch) -> None:
    for claim in landslide.stories[0].claims:
        assert not any(e.text.startswith(("Deslizamento deixa", "Queda de encosta")) for e in claim.evidence)


# --------------------------------------------------------------------------- one sentence, two facts

NITEROI = ("Niterói", "LOC", "loc:niteroi")


def two_facts_batch() -> Batch:
    combined = article(
        "combined",
        [
            "A prefeitura de Niterói anunciou a construção de um novo hospital municipal na zona norte, "
            "e o governador confirmou a reforma completa da ponte sobre o canal principal.",
            "O anúncio foi feito durante uma cerimônia na sede do governo municipal.",
        ],
        outlet="Jornal Fluminense",
        entities=[NITEROI],
    )
    split = article(
        "split",
        [
            "A prefeitura de Niterói anunciou a construção de um novo hospital municipal na zona norte da "
            "cidade.",
            "O governador confirmou a reforma completa da ponte sobre o canal principal.",
            "Vereadores da oposição criticaram o custo das obras previstas para o próximo ano.",
        ],
        outlet="Folha da Baía",
        entities=[NITEROI],
    )
    return Batch(
        articles=[combined, split],
        entities=[Entity("loc:niteroi", "Niterói", "LOC")],
        stories=[Story("st-two", "Obras em Niterói", "2025-03-14", ["combined", "split"])],
    )


def test_a_sentence_with_two_facts_supports_two_claims() -> None:
    result = compare(two_facts_batch(), Options(workspace=None))
    claims = result.stories[0].claims
    with_combined = [
        c
        for c in claims
        if any(e.article == "combined" and e.text.startswith("A prefeitura") for e in c.evidence)
    ]
    assert [c.status for c in with_combined] == ["corroborated", "corroborated"]
    partners = sorted(e.text[:20] for c in with_combined for e in c.evidence if e.article == "split")
    assert partners == ["A prefeitura de Nite", "O governador confirm"]
    assert all(c.independent_sources == 2 for c in with_combined)
    critics = [c for c in claims if any("Vereadores" in e.text for e in c.evidence)]
    assert [c.status for c in critics] == ["single_source"]


# --------------------------------------------------------------------------- one fact, two sentences

LISBOA = ("Lisboa", "LOC", "loc:lisboa")
PRESIDENT = ("Ricardo Salles Prado", "PER", "per:prado")


def spread_batch() -> Batch:
    def one(id: str, outlet: str, sentence: str) -> Article:
        return article(
            id,
            [sentence, f"A comitiva do {outlet} acompanhou a visita desde o aeroporto."],
            outlet=outlet,
            entities=[LISBOA, PRESIDENT],
        )

    articles = [
        one(
            "a",
            "Jornal A",
            "O presidente Ricardo Salles Prado desembarcou em Lisboa e assinou um acordo de cooperação "
            "científica com Portugal.",
        ),
        one(
            "b",
            "Jornal B",
            "Em Lisboa, o presidente Ricardo Salles Prado assinou um acordo de cooperação científica após "
            "desembarcar.",
        ),
        one(
            "c",
            "Jornal C",
            "Ricardo Salles Prado chegou a Lisboa e assinou com o governo português um acordo de "
            "cooperação científica.",
        ),
        article(
            "d",
            [
                "O presidente Ricardo Salles Prado desembarcou em Lisboa na manhã desta terça-feira.",
                "Na capital portuguesa, Ricardo Salles Prado assinou um acordo de cooperação científica.",
                "A viagem inclui ainda uma passagem por Madri no fim da semana.",
            ],
            outlet="Jornal D",
            entities=[LISBOA, PRESIDENT],
        ),
    ]
    return Batch(
        articles=articles,
        entities=[Entity("loc:lisboa", "Lisboa", "LOC"), Entity("per:prado", "Ricardo Salles Prado", "PER")],
        stories=[Story("st-visit", "Visita a Lisboa", "2025-03-11", [a.id for a in articles])],
    )


def test_a_fact_spread_over_two_sentences_is_one_claim() -> None:
    result = compare(spread_batch(), Options(workspace=None))
    claims = [
        c
        for c in result.stories[0].claims
        if any(e.article == "a" and "acordo" in e.text for e in c.evidence)
    ]
    assert len(claims) == 1
    claim = claims[0]
    assert claim.status == "corroborated"
    assert claim.independent_sources == 4
    from_d = [e.text for e in claim.evidence if e.article == "d"]
    assert from_d == [
        "O presidente Ricardo Salles Prado desembarcou em Lisboa na manhã desta terça-feira.",
        "Na capital portuguesa, Ricardo Salles Prado assinou um acordo de cooperação científica.",
    ]
    madrid = [c for c in result.stories[0].claims if any("Madri" in e.text for e in c.evidence)]
    assert [c.status for c in madrid] == ["single_source"]


# --------------------------------------------------------------------------- single-source details


WHOLE_STORM_SENTENCE = (
    "Um temporal com granizo atingiu Sorocaba no fim da tarde de sábado e derrubou mais de 90 árvores."
)


def storm_batch() -> Batch:
    first = article(
        "first",
        [
            WHOLE_STORM_SENTENCE,
            "A Defesa Civil registrou estragos em escolas e postos de saúde da região central.",
        ],
        outlet="Gazeta Paulista",
        quantities=[Q("mais de 90 árvores", 90, low=90, qualifier="more_than", about="árvore")],
    )
    second = article(
        "second",
        [
            "Um forte temporal com granizo atingiu Sorocaba no fim da tarde deste sábado.",
            "Segundo a concessionária, 30 mil imóveis ficaram sem energia durante a noite.",
        ],
        outlet="Correio do Interior",
        quantities=[Q("30 mil imóveis", 30000, about="imóvel")],
    )
    return Batch(
        articles=[first, second],
        stories=[Story("st-storm", "Temporal em Sorocaba", "2025-01-18", ["first", "second"])],
    )


def test_a_figure_only_one_source_gives_inside_a_corroborated_sentence_is_single_source() -> None:
    result = compare(storm_batch(), Options(workspace=None))
    claims = result.stories[0].claims
    storm = [c for c in claims if c.status == "corroborated"]
    assert len(storm) == 1
    assert sorted(e.article for e in storm[0].evidence) == ["first", "second"]
    trees = [c for c in claims if any(e.text == "mais de 90 árvores" for e in c.evidence)]
    assert len(trees) == 1
    assert trees[0].status == "single_source"
    assert trees[0].text == WHOLE_STORM_SENTENCE[:-1]  # no clause break: the whole sentence


# --------------------------------------------------------------------------- subtitles and quotes


def test_subtitle_line_supports_but_is_never_single_source() -> None:
    with_deck = article(
        "deck",
        [
            "Governo anuncia R$ 40 milhões para reconstruir escolas atingidas pela enchente",
            "O governo estadual anunciou nesta sexta-feira um pacote de R$ 40 milhões para reconstruir "
            "escolas.",
            "As obras devem começar em abril, segundo a secretaria de Educação.",
        ],
        title="Enchente: escolas serão reconstruídas",
        outlet="Tribuna do Sul",
        quantities=[Q("R$ 40 milhões", 4e7, unit="BRL"), Q("R$ 40 milhões", 4e7, unit="BRL")],
    )
    other = article(
        "other",
        [
            "Um pacote de 40 milhões de reais vai financiar a reconstrução das escolas, informou o governo "
            "estadual.",
            "Professores cobram um calendário de reposição das aulas perdidas.",
        ],
        outlet="Diário Gaúcho Livre",
        quantities=[Q("40 milhões de reais", 4e7, unit="BRL")],
    )
    batch = Batch(
        articles=[with_deck, other], stories=[Story("st-deck", "x", "2025-05-10", ["deck", "other"])]
    )
    claims = compare(batch, Options(workspace=None)).stories[0].claims
    deck_line = with_deck.sentences[0].span
    singles = [c for c in claims if c.status == "single_source"]
    assert not any(e.article == "deck" and e.span == deck_line for c in singles for e in c.evidence)
    money = [c for c in claims if any(e.text == "40 milhões de reais" for e in c.evidence)]
    assert money and all(c.status == "corroborated" for c in money)


def test_a_sentence_that_is_mostly_a_quote_reported_elsewhere_is_not_single_source() -> None:
    speaker = ("Helena Duarte", "PER", "per:duarte")
    quote = "é sempre mais caro reconstruir do que prevenir"
    one = article(
        "one",
        [
            "A governadora Helena Duarte visitou nesta manhã os bairros alagados da capital.",
            f"Segundo ela, {quote}.",
        ],
        outlet="Jornal Um",
        entities=[speaker],
        quotes=[QuoteSpec(quote, "Helena Duarte", "per:duarte", kind="indirect", cue="segundo")],
    )
    two = article(
        "two",
        [
            "A governadora Helena Duarte percorreu as áreas atingidas e cobrou investimento em drenagem, "
            "lembrando que “é sempre mais caro reconstruir do que prevenir”.",
        ],
        outlet="Jornal Dois",
        entities=[speaker],
        quotes=[QuoteSpec(quote, "Helena Duarte", "per:duarte", kind="partial")],
    )
    batch = Batch(
        articles=[one, two],
        entities=[Entity("per:duarte", "Helena Duarte", "PER")],
        stories=[Story("st-q", "x", "2025-05-10", ["one", "two"])],
    )
    story = compare(batch, Options(workspace=None)).stories[0]
    assert len(story.quote_groups) == 1
    quoted_sentence = one.sentences[1].span
    assert not any(
        c.status == "single_source" and any(e.span == quoted_sentence for e in c.evidence)
        for c in story.claims
    )


def test_credited_dateline_copy_counts_once_in_a_statement() -> None:
    lead = "O Banco Central elevou a taxa básica de juros para 14,25% ao ano nesta quarta-feira."
    agency = article(
        "rt", [lead, "A decisão foi unânime."], outlet="Reuters", quantities=[Q("14,25%", 14.25, unit="%")]
    )
    dated = article(
        "dated",
        [lead, "Analistas esperam nova alta em maio."],
        preamble=["BRASÍLIA, 19 mar (Reuters) -"],
        outlet="Jornal Econômico",
        quantities=[Q("14,25%", 14.25, unit="%")],
        credits=[CreditSpec("Reuters", "dateline", "BRASÍLIA, 19 mar (Reuters) -")],
    )
    own = article(
        "own",
        ["A taxa Selic subiu para 14,25% ao ano, decidiu o Banco Central nesta quarta-feira."],
        outlet="Gazeta Financeira",
        quantities=[Q("14,25%", 14.25, unit="%")],
    )
    batch = Batch(
        articles=[agency, dated, own], stories=[Story("st-r", "x", "2025-03-19", ["rt", "dated", "own"])]
    )
    claims = compare(batch, Options(workspace=None)).stories[0].claims
    rate = [c for c in claims if any(e.article == "own" for e in c.evidence) and c.status == "corroborated"]
    assert rate
    assert all(c.independent_sources == 2 for c in rate)
    assert all({e.article for e in c.evidence} == {"rt", "dated", "own"} for c in rate)
