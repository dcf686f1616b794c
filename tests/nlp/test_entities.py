"""Names, nominal mentions and demonyms found by rule, on sentences written for these tests.

These cases describe the rule system (:func:`rule_entities`); what the shipped
Portuguese tagger changes on top of it is tested in ``test_ner.py``.
"""

from __future__ import annotations

import pytest
from nlp_builders import make_article

from parallax.model import Article, EntityMention, Span
from parallax.nlp.entities import find_entities, parse_role, rule_entities, tokenize


def article_of(body: str, lang: str = "pt", title: str | None = None) -> Article:
    """An article whose title is ``title`` and whose sentences are the lines of ``body``."""
    text = (title + "\n" if title else "") + body
    return make_article(text, lang, "2025-07-06", title=title is not None)


def names(article: Article) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in rule_entities(article) if m.kind == "name"}


def of_kind(article: Article, kind: str) -> list[EntityMention]:
    return [m for m in rule_entities(article) if m.kind == kind]


# (language, text, expected (text, type) names, texts that must not be names)
CASES: list[tuple[str, str, list[tuple[str, str]], list[str]]] = [
    # sentence-initial traps and titles
    (
        "pt",
        "Segundo Lula, o acordo será assinado em Brasília.",
        [("Lula", "PER"), ("Brasília", "LOC")],
        ["Segundo"],
    ),
    (
        "pt",
        "Ontem, a Defesa Civil de Petrópolis emitiu um alerta.",
        [("Defesa Civil de Petrópolis", "ORG")],
        ["Ontem"],
    ),
    ("pt", "Publicidade", [], ["Publicidade"]),
    ("pt", "Hoje a chuva deu trégua no litoral.", [], ["Hoje"]),
    (
        "pt",
        "O presidente Luiz Inácio Lula da Silva chegou a Manaus.",
        [("Luiz Inácio Lula da Silva", "PER"), ("Manaus", "LOC")],
        ["presidente Luiz Inácio Lula da Silva"],
    ),
    (
        "pt",
        "Presidente Lula recebe governadores nesta segunda.",
        [("Lula", "PER")],
        ["Presidente Lula", "Presidente"],
    ),
    (
        "pt",
        "Lula e Alckmin se reuniram no Palácio do Planalto.",
        [("Lula", "PER"), ("Alckmin", "PER")],
        ["Lula e Alckmin"],
    ),
    (
        "pt",
        "O Sr. Antunes Ribeiro foi ouvido pela polícia.",
        [("Antunes Ribeiro", "PER")],
        ["Sr. Antunes Ribeiro"],
    ),
    ("pt", "Dom Pedro II governou o país por quase meio século.", [("Dom Pedro II", "PER")], []),
    # organisations: cue words, connectors, acronyms, suffixes
    ("pt", "O Banco Central do Brasil manteve a taxa.", [("Banco Central do Brasil", "ORG")], ["Brasil"]),
    (
        "pt",
        "O Instituto Brasileiro de Geografia e Estatística (IBGE) divulgou a inflação.",
        [("Instituto Brasileiro de Geografia e Estatística", "ORG"), ("IBGE", "ORG")],
        ["Estatística"],
    ),
    ("pt", "A Petrobras S.A. anunciou lucro recorde.", [("Petrobras S.A.", "ORG")], ["S.A."]),
    (
        "pt",
        "O STF e o PT reagiram à decisão do Copom.",
        [("STF", "ORG"), ("PT", "ORG"), ("Copom", "ORG")],
        [],
    ),
    ("pt", "A Otan e a ONU condenaram o ataque.", [("Otan", "ORG"), ("ONU", "ORG")], []),
    (
        "pt",
        "O acordo entre o Mercosul e a União Europeia saiu.",
        [("Mercosul", "ORG"), ("União Europeia", "ORG")],
        [],
    ),
    (
        "pt",
        "A boate Estação 21 funcionava no centro de Londrina.",
        [("Estação 21", "ORG"), ("Londrina", "LOC")],
        [],
    ),
    ("pt", "O 3º Grupamento de Bombeiros atendeu a ocorrência.", [("3º Grupamento de Bombeiros", "ORG")], []),
    ("pt", "Em nota, a consultoria Rumo Macro revisou as projeções.", [("Rumo Macro", "ORG")], []),
    ("pt", "A Lumenvia, empresa de consultoria, recebia pagamentos mensais.", [("Lumenvia", "ORG")], []),
    ("pt", "O pesquisador do Cepavi explicou o fenômeno.", [("Cepavi", "ORG")], []),
    ("pt", "A distribuidora CPFL Paulista religou a energia.", [("CPFL Paulista", "ORG")], []),
    (
        "pt",
        "Narciso Garcia do Instituto Superior Técnico coordena o estudo.",
        [("Narciso Garcia", "PER"), ("Instituto Superior Técnico", "ORG")],
        ["Narciso Garcia do Instituto Superior Técnico"],
    ),
    # places
    (
        "pt",
        "Moradores da Rua das Flores, no bairro Jardim Europa, foram retirados.",
        [("Rua das Flores", "LOC"), ("Jardim Europa", "LOC")],
        [],
    ),
    (
        "pt",
        "A chuva atingiu a cidade de Nova Friburgo e o município de Teresópolis.",
        [("Nova Friburgo", "LOC"), ("Teresópolis", "LOC")],
        [],
    ),
    (
        "pt",
        "Os Estados Unidos e a China negociam tarifas.",
        [("Estados Unidos", "LOC"), ("China", "LOC")],
        [],
    ),
    ("pt", "O trânsito foi interditado na BR-470 após o deslizamento.", [("BR-470", "LOC")], []),
    ("pt", "Blumenau (SC) decretou situação de emergência.", [("Blumenau", "LOC"), ("SC", "LOC")], []),
    ("pt", "O rio transbordou no Cambuí e no Taquaral.", [("Cambuí", "LOC"), ("Taquaral", "LOC")], []),
    ("pt", "O Sul Global quer mais voz.", [("Sul Global", "LOC")], []),
    ("pt", "Chegaram ao Rio de Janeiro ontem.", [("Rio de Janeiro", "LOC")], ["Rio"]),
    # MISC and things that are not names
    ("pt", "A Selic subiu e o PIB cresceu.", [("Selic", "MISC")], ["PIB"]),
    ("pt", "Os juros do Tesouro Selic e dos CDBs subiram.", [("Tesouro Selic", "MISC")], ["CDBs"]),
    ("pt", "A COP30 será realizada em Belém.", [("COP30", "MISC"), ("Belém", "LOC")], []),
    ("pt", "O investimento chegou a US$ 2 bilhões.", [], ["US"]),
    (
        "pt",
        "Em 1996, o Airbus A-320 da TAM caiu perto de Congonhas.",
        [("Airbus A-320", "MISC"), ("TAM", "ORG"), ("Congonhas", "LOC")],
        ["1996", "Em 1996", "Airbus A-320 da TAM"],
    ),
    (
        "pt",
        "O deputado Nikolas Ferreira do PL votou contra.",
        [("Nikolas Ferreira", "PER"), ("PL", "ORG")],
        [],
    ),
    # European Portuguese
    (
        "pt",
        "Em Lisboa, o primeiro-ministro Luís Montenegro falou aos jornalistas.",
        [("Lisboa", "LOC"), ("Luís Montenegro", "PER")],
        [],
    ),
    (
        "pt",
        "O Governo de Luís Montenegro caiu no Parlamento.",
        [("Luís Montenegro", "PER")],
        ["Governo de Luís Montenegro"],
    ),
    ("pt", "O Presidente da República promulgou a lei.", [], ["Presidente da República", "República"]),
    ("pt", "O Chega e o PS votaram contra a moção.", [("Chega", "ORG"), ("PS", "ORG")], []),
    ("pt", "Chega de promessas, disse o deputado.", [], ["Chega"]),
    (
        "pt",
        "A ministra da Saúde, Ana Paula Martins, visitou o Hospital de Santa Maria.",
        [("Ana Paula Martins", "PER"), ("Hospital de Santa Maria", "ORG")],
        ["Saúde"],
    ),
    (
        "pt",
        "Segundo o politólogo Henrique Valadares, a crise era previsível.",
        [("Henrique Valadares", "PER")],
        [],
    ),
    # English
    (
        "en",
        "Brazil's president met Chinese President Xi Jinping in Rio de Janeiro on Sunday.",
        [("Brazil", "LOC"), ("Xi Jinping", "PER"), ("Rio de Janeiro", "LOC")],
        ["Chinese", "Rio de Janeiro on Sunday", "Sunday"],
    ),
    (
        "en",
        "The International Monetary Fund said Argentina must cut spending.",
        [("International Monetary Fund", "ORG"), ("Argentina", "LOC")],
        ["The International Monetary Fund"],
    ),
    (
        "en",
        "Egyptian President Abdel Fattah al-Sisi and Iranian President Masoud Pezeshkian stayed away.",
        [("Abdel Fattah al-Sisi", "PER"), ("Masoud Pezeshkian", "PER")],
        ["Egyptian", "Iranian"],
    ),
    ("en", "Prime Minister Keir Starmer spoke in London.", [("Keir Starmer", "PER"), ("London", "LOC")], []),
    # Spanish
    (
        "es",
        "El presidente del Gobierno, Pedro Sánchez, viajó a Bruselas.",
        [("Pedro Sánchez", "PER"), ("Bruselas", "LOC")],
        ["Gobierno"],
    ),
    (
        "es",
        "Según la Organización Mundial de la Salud, los casos aumentaron en EE.UU.",
        [("Organización Mundial de la Salud", "ORG"), ("EE.UU.", "LOC")],
        ["Según"],
    ),
    ("es", "Ayer, el Banco de España publicó su informe.", [("Banco de España", "ORG")], ["Ayer"]),
]


@pytest.mark.parametrize(("lang", "text", "expected", "absent"), CASES)
def test_names(lang: str, text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    found = names(article_of(text, lang))
    for item in expected:
        assert item in found, f"{item} not in {sorted(found)}"
    texts = {t for t, _ in found}
    for word in absent:
        assert word not in texts, f"{word!r} wrongly found in {sorted(found)}"


def test_a_name_seen_as_a_person_stays_a_person() -> None:
    article = article_of(
        "O prefeito Carlos Mendonça visitou a área atingida.\n"
        "Mendonça disse que a situação é grave.\n"
        "A equipe de Mendonça pediu ajuda."
    )
    mentions = [(m.text, m.type) for m in rule_entities(article) if m.kind == "name"]
    assert mentions == [("Carlos Mendonça", "PER"), ("Mendonça", "PER"), ("Mendonça", "PER")]


def test_a_surname_that_is_also_a_country_follows_the_person() -> None:
    article = article_of(
        "O primeiro-ministro Luís Montenegro apresentou a moção.\nMontenegro disse estar confiante.", "pt"
    )
    assert ("Montenegro", "PER") in names(article)
    alone = article_of("Montenegro e Sérvia assinaram um acordo.", "pt")
    assert ("Montenegro", "LOC") in names(alone)


def test_short_form_of_an_organisation_takes_its_type() -> None:
    article = article_of("A Assembleia da República votou a moção.\nA Assembleia volta a reunir-se amanhã.")
    assert ("Assembleia", "ORG") in names(article)


def test_number_joins_a_name_the_article_gives_with_it() -> None:
    article = article_of("A boate Estação 21 pegou fogo.\nA Estação 21 funcionava desde 2019.")
    assert [m.text for m in rule_entities(article) if m.kind == "name"] == ["Estação 21", "Estação 21"]


def test_english_title_case_headline() -> None:
    article = article_of(
        "Leaders of the bloc met in Rio on Sunday.",
        "en",
        title="Brazil Hosts BRICS Summit As Leaders Meet In Rio",
    )
    found = names(article)
    assert {("Brazil", "LOC"), ("BRICS", "ORG"), ("Rio", "LOC")} <= found
    assert not {t for t, _ in found} & {"Hosts", "Summit", "Leaders", "Meet", "As"}


def test_headline_is_scanned() -> None:
    article = article_of("O texto segue.", title="Haddad anuncia corte de gastos")
    assert ("Haddad", "PER") in names(article)


def test_every_span_indexes_the_article_text() -> None:
    article = article_of(
        "Segundo o ministro da Fazenda, Fernando Haddad, o Copom agiu.\n"
        "O presidente brasileiro viajou aos EUA e à França.\n"
        "Os brasileiros acompanharam.",
        title="Lula e Haddad discutem juros",
    )
    mentions = rule_entities(article)
    assert len(mentions) >= 8
    for m in mentions:
        assert article.text[m.span.start : m.span.end] == m.text
    starts = [(m.span.start, m.span.end) for m in mentions]
    assert starts == sorted(starts, key=lambda se: se[0])


# ----------------------------------------------------------------------------- nominal mentions


def test_nominal_role_phrase_without_the_article() -> None:
    article = article_of("Lula abriu a cúpula.\nO presidente brasileiro defendeu o multilateralismo.")
    assert [(m.text, m.type) for m in of_kind(article, "nominal")] == [("presidente brasileiro", "PER")]


def test_nominal_with_a_portfolio_and_with_an_institution() -> None:
    article = article_of(
        "A ministra da Saúde visitou o hospital.\nO presidente do Banco Central falou depois."
    )
    assert [m.text for m in of_kind(article, "nominal")] == [
        "ministra da Saúde",
        "presidente do Banco Central",
    ]
    assert ("Banco Central", "ORG") in names(article)  # the name inside the role is annotated too


def test_apposition_and_title_are_not_nominal_mentions() -> None:
    article = article_of(
        "O presidente francês, Emmanuel Macron, chegou ao Rio.\n"
        "O presidente Lula recebeu o visitante.\n"
        "Xi Jinping, o presidente chinês, não veio.\n"
        "O comandante do batalhão, major João Prado, falou à imprensa."
    )
    assert of_kind(article, "nominal") == []


def test_bare_role_is_a_mention_when_the_article_introduced_it() -> None:
    article = article_of(
        "O comandante do batalhão, major João Prado, falou à imprensa.\n"
        "Segundo o comandante, o fogo começou no palco.\n"
        "Segundo o tesoureiro, as contas estão em dia."
    )
    assert [m.text for m in of_kind(article, "nominal")] == ["comandante"]


def test_english_and_spanish_nominals() -> None:
    en = article_of("Brazil's president also criticized NATO.", "en")
    assert [m.text for m in of_kind(en, "nominal")] == ["Brazil's president"]
    assert ("Brazil", "LOC") in names(en)
    es = article_of("El mandatario brasileño defendió el multilateralismo.", "es")
    assert [m.text for m in of_kind(es, "nominal")] == ["mandatario brasileño"]


def test_demonyms_are_their_own_kind() -> None:
    article = article_of("Os brasileiros votam em outubro.\nA delegação chinesa chegou.")
    assert [(m.text, m.kind, m.type) for m in of_kind(article, "demonym")] == [
        ("brasileiros", "demonym", "LOC"),
        ("chinesa", "demonym", "LOC"),
    ]


# ----------------------------------------------------------------------------- role phrases


@pytest.mark.parametrize(
    ("text", "lang", "keys", "targets"),
    [
        ("presidente brasileiro", "pt", ("president",), ("BR",)),
        ("primeiro-ministro português", "pt", ("prime_minister", "head_of_government"), ("PT",)),
        ("ministra da Saúde", "pt", ("health_minister",), ()),
        ("ministro das Finanças", "pt", ("finance_minister",), ()),
        ("presidente do Banco Central", "pt", ("president",), ("org:bcb",)),
        ("chefe de Estado brasileiro", "pt", ("head_of_state",), ("BR",)),
        ("Brazil's president", "en", ("president",), ("BR",)),
        ("Brazilian president", "en", ("president",), ("BR",)),
        ("president of France", "en", ("president",), ("FR",)),
        ("mandatario brasileño", "es", ("head_of_state", "president"), ("BR",)),
        ("presidente de Brasil", "es", ("president",), ("BR",)),
    ],
)
def test_parse_role(text: str, lang: str, keys: tuple[str, ...], targets: tuple[str, ...]) -> None:
    ref = parse_role(text, lang)
    assert ref is not None
    assert ref.keys == keys
    assert ref.targets[: len(targets)] == targets
    assert ref.explicit == bool(targets)


def test_parse_role_rejects_other_phrases() -> None:
    assert parse_role("casa branca", "pt") is None
    assert parse_role("Lula", "pt") is None


def test_tokenize_keeps_abbreviations_and_splits_possessives() -> None:
    tokens = [t.text for t in tokenize("O Sr. Silva, da Vale S.A., foi aos EE.UU. e ao Brazil's Senate.")]
    assert "Sr." in tokens and "S.A." in tokens and "EE.UU." in tokens
    assert tokens[tokens.index("Brazil") + 1] == "'s"
    spans = tokenize("Lula da Silva", 10)
    assert spans[0].start == 10 and spans[-1].end == 23
    assert Span(10, 14) == Span(spans[0].start, spans[0].end)


# ----------------------------------------------------------------------------- adversarial input
# The entities stage (rules + the shipped tagger) on the bad input of bench/adversarial.py, at a
# size where a quadratic scan would already show: no crash, spans exact, nothing absurd found.


def stage_mentions(text: str, title: str | None = None) -> list[EntityMention]:
    article = article_of(text, title=title)
    mentions = find_entities(article)
    assert all(article.text[m.span.start : m.span.end] == m.text for m in mentions)
    return mentions


def texts_of(mentions: list[EntityMention], kind: str = "name") -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions if m.kind == kind]


CITY_UNIT = "o prefeito disse que a Defesa Civil de Campinas retirou 12 famílias de casa"


def test_one_sentence_of_thousands_of_words() -> None:
    mentions = stage_mentions(" ".join([CITY_UNIT] * 150) + ".")
    assert texts_of(mentions) == [("Defesa Civil de Campinas", "ORG")] * 150
    assert texts_of(mentions, "nominal") == [("prefeito", "PER")] * 150


def test_role_before_a_name_at_the_end_of_a_long_sentence() -> None:
    """The words before a name are read near it, not from the start of its 3,000-word sentence."""
    text = " ".join([CITY_UNIT] * 200) + " e o prefeito Hermógenes Tavares Quintela agradeceu."
    assert ("Hermógenes Tavares Quintela", "PER") in texts_of(stage_mentions(text))


def test_text_without_punctuation() -> None:
    unit = "o prefeito disse que a chuva de ontem deixou famílias sem casa"
    mentions = stage_mentions(" ".join([unit] * 150))
    assert texts_of(mentions) == []
    assert len(texts_of(mentions, "nominal")) == 150


def test_digit_runs_are_not_names() -> None:
    runs = ".".join(["1"] * 600) + " mortos e " + ",".join(["1"] * 600) + " feridos, R$ 10" + ".000" * 600
    mentions = stage_mentions("Foram " + runs + " em " + "/".join(["1"] * 600) + " na Bahia.")
    assert ("Bahia", "LOC") in texts_of(mentions)
    assert all(len(m.text) < 20 for m in mentions)


def test_long_chain_of_capitalised_names() -> None:
    chain = " ".join(("Marta", "Ribeiro", "Paulo", "Teixeira", "Luísa")[i % 5] for i in range(1500))
    mentions = stage_mentions(f"O juiz {chain} disse que o caso segue em Campinas.")
    assert ("Campinas", "LOC") in texts_of(mentions)
    start, end = len("O juiz "), len("O juiz ") + len(chain)
    assert all(start <= m.span.start and m.span.end <= end for m in mentions if m.text != "Campinas")


def test_known_name_inside_a_long_title_case_headline() -> None:
    """Sub-runs longer than any knowledge-base name are not looked up; known names are still found."""
    words = " ".join(("Marta", "Ribeiro", "Paulo", "Teixeira")[i % 4] for i in range(400))
    mentions = rule_entities(article_of("A chuva parou.", title=f"Banco Central Do Brasil Ouve {words}"))
    assert ("Banco Central Do Brasil", "ORG") in texts_of(mentions)


def test_repeated_connectors_are_not_a_name() -> None:
    de_de = stage_mentions("A prefeitura " + "de " * 1500 + "Campinas decretou emergência.")
    assert all(" de de " not in m.text for m in de_de)
    mais_de = stage_mentions("Morreram " + "mais de " * 800 + "12 pessoas em Campinas.")
    assert texts_of(mais_de) == [("Campinas", "LOC")]


def test_weekday_and_date_chains_are_not_names() -> None:
    unit = "nesta quinta-feira (13) ontem anteontem há três dias em 12 de março de 2025 dia 5 (14)"
    mentions = stage_mentions(" ".join([unit] * 100) + " em Campinas.")
    assert texts_of(mentions) == [("Campinas", "LOC")]


def test_unclosed_brackets() -> None:
    mentions = stage_mentions("O prefeito (" * 500 + "Campinas" + ")" * 250 + ".")
    assert texts_of(mentions) == [("Campinas", "LOC")]
    assert len(texts_of(mentions, "nominal")) == 500


def test_unbalanced_quotation_marks() -> None:
    lines = [f"O ministro disse {mark}que a Defesa Civil de Campinas agiu." for mark in "“\"«‘'—" * 40]
    mentions = stage_mentions("\n".join(lines))
    assert texts_of(mentions) == [("Defesa Civil de Campinas", "ORG")] * 240


def test_text_in_capitals() -> None:
    mentions = stage_mentions("\n".join(["O PREFEITO DE CAMPINAS DISSE QUE A DEFESA CIVIL AGIU."] * 100))
    assert len(mentions) == 200
    assert {(m.text, m.kind) for m in mentions} == {("PREFEITO DE CAMPINAS", "nominal"), ("CAMPINAS", "name")}


def test_emoji_between_words() -> None:
    mentions = stage_mentions("\n".join(["A Defesa Civil 🔥🚒 de Campinas 😀👍🏽 agiu 🇧🇷❤️."] * 100))
    found = texts_of(mentions)
    assert found.count(("Campinas", "LOC")) == 100
    assert all("😀" not in text and "🔥" not in text for text, _ in found)


def test_mixed_scripts() -> None:
    line = "O governo de Москва e o de 北京 falaram com a Defesa Civil de Campinas القاهرة."
    found = texts_of(stage_mentions("\n".join([line] * 100)))
    assert found.count(("Defesa Civil de Campinas", "ORG")) == 100
    assert all("北京" not in text or text == "北京" for text, _ in found)
