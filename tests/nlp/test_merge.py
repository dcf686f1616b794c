"""Merging mentions into entities within and across articles; nominal mentions and quote speakers."""

from __future__ import annotations

import copy
import dataclasses

from nlp_builders import make_article

from parallax.model import Article, Batch, Entity, EntityMention, Quote, Span, Speaker
from parallax.nlp.entities import find_entities
from parallax.nlp.merge import merge_entities
from parallax.options import Options

OPTIONS = Options(workspace=None)


def analysed(
    article_id: str,
    body: str,
    lang: str = "pt",
    published: str | None = "2025-07-06",
    quotes: list[Quote] | None = None,
) -> Article:
    """An article whose sentences are the lines of ``body``, with its entity mentions found."""
    article = make_article(body, lang, published, article_id=article_id)
    article.entities = find_entities(article)
    article.quotes = quotes or []
    return article


def merged(*articles: Article) -> Batch:
    return merge_entities(Batch(articles=list(articles)), OPTIONS)


def entity_of(batch: Batch, article_id: str, text: str, kind: str = "name") -> Entity:
    by_id = {e.id: e for e in batch.entities}
    article = next(a for a in batch.articles if a.id == article_id)
    mention = next(m for m in article.entities if m.text == text and m.kind == kind)
    assert mention.entity is not None, f"{text!r} has no entity"
    return by_id[mention.entity]


def quote(article_text: str, words: str, speaker: str, speaker_at: str | None = None) -> Quote:
    start = article_text.index(words)
    span = None
    if speaker_at is not None:
        s = article_text.index(speaker_at)
        span = Span(s, s + len(speaker_at))
    return Quote(
        text=words, span=Span(start, start + len(words)), kind="direct", speaker=Speaker(speaker, span=span)
    )


# ----------------------------------------------------------------------------- within an article


def test_kb_name_and_short_forms_are_one_entity_with_the_kb_name() -> None:
    a = analysed(
        "a1", "Luiz Inácio Lula da Silva abriu a cúpula.\nLula pediu reformas.\nLula da Silva saiu cedo."
    )
    batch = merged(a)
    lula = entity_of(batch, "a1", "Lula")
    assert lula.name == "Luiz Inácio Lula da Silva"
    assert lula.kb_id == "Q37181"
    assert lula.type == "PER"
    assert lula is entity_of(batch, "a1", "Luiz Inácio Lula da Silva") or lula == entity_of(
        batch, "a1", "Luiz Inácio Lula da Silva"
    )
    assert lula.aliases == ["Lula", "Lula da Silva"]
    assert lula.articles == ["a1"]


def test_surname_joins_the_full_name_of_the_same_article() -> None:
    a = analysed("a1", "O prefeito João Carlos Mendonça visitou a área.\nMendonça pediu ajuda federal.")
    batch = merged(a)
    assert entity_of(batch, "a1", "Mendonça").name == "João Carlos Mendonça"
    assert entity_of(batch, "a1", "Mendonça").id == entity_of(batch, "a1", "João Carlos Mendonça").id
    assert entity_of(batch, "a1", "Mendonça").kb_id is None


def test_surname_shared_by_two_people_goes_to_the_nearest_before() -> None:
    a = analysed(
        "a1",
        "Marina Tavares Coelho falou primeiro.\nDepois, Rui Coelho respondeu.\nCoelho insistiu no argumento.",
    )
    batch = merged(a)
    assert entity_of(batch, "a1", "Coelho").name == "Rui Coelho"
    assert entity_of(batch, "a1", "Marina Tavares Coelho").id != entity_of(batch, "a1", "Rui Coelho").id


def test_acronym_joins_the_organisation_it_spells() -> None:
    a = analysed(
        "a1", "O Instituto Nacional de Pesquisas Hídricas alertou para cheias.\nO INPH prevê mais chuva."
    )
    batch = merged(a)
    assert entity_of(batch, "a1", "INPH").name == "Instituto Nacional de Pesquisas Hídricas"


def test_short_form_of_an_organisation_joins_the_full_name() -> None:
    a = analysed(
        "a1",
        "A Defesa Civil de Nova Friburgo emitiu alerta.\nA Defesa Civil pediu que moradores deixem as casas.",
    )
    batch = merged(a)
    assert entity_of(batch, "a1", "Defesa Civil").name == "Defesa Civil de Nova Friburgo"


def test_acronym_resolves_through_the_kb_to_its_full_name() -> None:
    a = analysed("a1", "O BC elevou a Selic.\nO Copom se reúne de novo em maio.")
    batch = merged(a)
    assert entity_of(batch, "a1", "BC").name == "Banco Central do Brasil"
    assert entity_of(batch, "a1", "Copom").name == "Comitê de Política Monetária"
    assert entity_of(batch, "a1", "Selic").type == "MISC"


# ----------------------------------------------------------------------------- across articles


def test_same_full_name_merges_across_articles() -> None:
    a = analysed("a1", "Maria Fernanda Lobo coordena o resgate.")
    b = analysed("b1", "A coordenadora Maria Fernanda Lobo deu entrevista.")
    batch = merged(a, b)
    entity = entity_of(batch, "a1", "Maria Fernanda Lobo")
    assert entity == entity_of(batch, "b1", "Maria Fernanda Lobo")
    assert entity.articles == ["a1", "b1"]


def test_one_entity_across_languages() -> None:
    pt = analysed("pt1", "Os Estados Unidos impuseram tarifas.\nOs EUA negam.", "pt")
    en = analysed("en1", "The United States imposed tariffs.", "en")
    es = analysed("es1", "EE.UU. impuso aranceles.", "es")
    batch = merged(pt, en, es)
    us = entity_of(batch, "pt1", "Estados Unidos")
    assert us.name == "Estados Unidos" and us.type == "LOC"
    assert us == entity_of(batch, "pt1", "EUA") == entity_of(batch, "en1", "United States")
    assert us == entity_of(batch, "es1", "EE.UU.")
    assert us.articles == ["en1", "es1", "pt1"]


def test_different_people_with_one_surname_do_not_merge() -> None:
    a = analysed("a1", "Pedro Alves Moura abriu a sessão.")
    b = analysed("b1", "Paulo Alves Moura encerrou a sessão.")
    c = analysed("c1", "Para Moura, a sessão foi produtiva.")
    batch = merged(a, b, c)
    assert entity_of(batch, "a1", "Pedro Alves Moura") != entity_of(batch, "b1", "Paulo Alves Moura")
    lone = entity_of(batch, "c1", "Moura")
    assert lone.name == "Moura"
    assert lone not in (
        entity_of(batch, "a1", "Pedro Alves Moura"),
        entity_of(batch, "b1", "Paulo Alves Moura"),
    )
    assert lone.articles == ["c1"]


def test_lone_surname_joins_the_only_full_name_in_the_corpus() -> None:
    a = analysed("a1", "A engenheira Helena Quaresma Dutra assinou o laudo.")
    b = analysed("b1", "Segundo Dutra, a ponte precisa de reparos.")
    batch = merged(a, b)
    assert entity_of(batch, "b1", "Dutra") == entity_of(batch, "a1", "Helena Quaresma Dutra")


# ----------------------------------------------------------------------------- nominal mentions


def test_nominal_resolves_to_the_office_holder_on_the_article_date() -> None:
    now = analysed("a1", "O presidente brasileiro viajou ao Rio.")
    before = analysed("a2", "O presidente brasileiro viajou ao Rio.", published="2021-06-01")
    batch = merged(now, before)
    assert entity_of(batch, "a1", "presidente brasileiro", "nominal").name == "Luiz Inácio Lula da Silva"
    assert entity_of(batch, "a2", "presidente brasileiro", "nominal").name == "Jair Bolsonaro"


def test_nominal_in_portuguese_english_and_spanish() -> None:
    pt = analysed("pt1", "O primeiro-ministro português falou em Bruxelas.", published="2025-03-11")
    en = analysed("en1", "Brazil's president also criticized NATO.", "en")
    es = analysed("es1", "El presidente brasileño llegó a Río.", "es")
    batch = merged(pt, en, es)
    assert entity_of(batch, "pt1", "primeiro-ministro português", "nominal").name == "Luís Montenegro"
    assert entity_of(batch, "en1", "Brazil's president", "nominal").name == "Luiz Inácio Lula da Silva"
    assert entity_of(batch, "es1", "presidente brasileño", "nominal").name == "Luiz Inácio Lula da Silva"
    assert entity_of(batch, "en1", "Brazil").name == "Brasil"


def test_bare_role_resolves_to_the_person_the_article_introduced() -> None:
    a = analysed(
        "a1",
        "O comandante do batalhão, major João Prado, falou à imprensa.\n"
        "Segundo o comandante, o fogo começou no palco.",
    )
    batch = merged(a)
    assert entity_of(batch, "a1", "comandante", "nominal").name == "João Prado"


def test_demonym_links_to_its_country() -> None:
    a = analysed("a1", "Os brasileiros votam em outubro.")
    batch = merged(a)
    assert entity_of(batch, "a1", "brasileiros", "demonym").name == "Brasil"


# ----------------------------------------------------------------------------- quote speakers


def test_speakers_by_span_pronoun_role_and_partial_name() -> None:
    text = (
        "O prefeito João Silva visitou o bairro.\n"
        "“Vamos reconstruir tudo”, disse João Silva.\n"
        "“Não há prazo”, afirmou ele.\n"
        "“A cidade vai se reerguer”, disse Silva.\n"
        "“O governo federal ajudará”, disse o presidente brasileiro."
    )
    quotes = [
        quote(text, "Vamos reconstruir tudo", "João Silva", "João Silva."),
        quote(text, "Não há prazo", "ele"),
        quote(text, "A cidade vai se reerguer", "Silva"),
        quote(text, "O governo federal ajudará", "o presidente brasileiro"),
    ]
    quotes[0].speaker = Speaker(
        "João Silva", span=Span(text.index("João Silva."), text.index("João Silva.") + 10)
    )
    batch = merged(analysed("a1", text, quotes=quotes))
    by_id = {e.id: e for e in batch.entities}
    speakers = [q.speaker for q in batch.articles[0].quotes]
    assert [by_id[s.entity].name for s in speakers if s and s.entity] == [
        "João Silva",
        "João Silva",
        "João Silva",
        "Luiz Inácio Lula da Silva",
    ]
    assert speakers[1] is not None and speakers[1].name == "João Silva"  # a pronoun is replaced by the name
    assert speakers[2] is not None and speakers[2].name == "Silva"  # a printed name is kept


def test_an_organisation_inside_a_role_phrase_is_not_the_speaker() -> None:
    text = (
        "“O grupo dá voz ao Sul Global”, disse o chefe de Estado brasileiro.\n"
        "“A pauta é clima”, disse o porta-voz do Itamaraty."
    )
    role, spokesman = "o chefe de Estado brasileiro", "o porta-voz do Itamaraty"
    a = analysed(
        "a1",
        text,
        quotes=[
            quote(text, "O grupo dá voz ao Sul Global", role, role),
            quote(text, "A pauta é clima", spokesman, spokesman),
        ],
    )
    at = text.index("Estado")  # a tagger may read "Estado" as an organisation, as e5 does
    a.entities = sorted(
        [*a.entities, EntityMention(text="Estado", type="ORG", span=Span(at, at + 6), kind="name")],
        key=lambda m: m.span.start,
    )
    assert any(m.kind == "nominal" and m.text.endswith("chefe de Estado brasileiro") for m in a.entities)
    batch = merged(a)
    by_id = {e.id: e for e in batch.entities}
    names = [by_id[q.speaker.entity].name for q in batch.articles[0].quotes if q.speaker and q.speaker.entity]
    # the resolved role speaks; an organisation in a role no one is known to hold still does
    assert names == ["Luiz Inácio Lula da Silva", "Itamaraty"]


def test_generic_organisation_speaker() -> None:
    text = (
        "A Confederação Nacional da Indústria criticou a decisão.\n"
        "“Os juros travam o investimento”, disse a entidade."
    )
    batch = merged(analysed("a1", text, quotes=[quote(text, "Os juros travam o investimento", "a entidade")]))
    by_id = {e.id: e for e in batch.entities}
    speaker = batch.articles[0].quotes[0].speaker
    assert speaker is not None and speaker.entity is not None
    assert by_id[speaker.entity].name == "Confederação Nacional da Indústria"


# ----------------------------------------------------------------------------- properties


def test_ids_are_deterministic_and_entities_sorted() -> None:
    def run() -> Batch:
        return merged(
            analysed("a1", "Lula recebeu Xi Jinping em Brasília."),
            analysed("b1", "Maria Fernanda Lobo coordena o resgate em Petrópolis."),
        )

    first, second = run(), run()
    assert [(e.id, e.name) for e in first.entities] == [(e.id, e.name) for e in second.entities]
    assert all(e.id.startswith("e-") and len(e.id) == 14 for e in first.entities)
    names = [e.name.casefold() for e in first.entities]
    assert names == sorted(names)
    assert len({e.id for e in first.entities}) == len(first.entities)


def test_stage_is_pure() -> None:
    a = analysed("a1", "Lula recebeu Xi Jinping em Brasília.")
    before = copy.deepcopy(a)
    batch = Batch(articles=[a])
    out = merge_entities(batch, OPTIONS)
    assert a == before
    assert batch.entities == []
    assert all(m.entity is None for m in a.entities)
    assert all(m.entity is not None for m in out.articles[0].entities if m.kind == "name")
    assert dataclasses.replace(out.articles[0], entities=a.entities, quotes=a.quotes) == a


def test_every_returned_mention_has_an_entity_and_unresolved_roles_are_dropped() -> None:
    a = analysed("a1", "O tesoureiro Caio Brandão fechou as contas.\nO prefeito de Jacobina anunciou obras.")
    assert "prefeito de Jacobina" in [m.text for m in a.entities if m.kind == "nominal"]
    batch = merged(a)
    mentions = batch.articles[0].entities
    assert [m.text for m in mentions] == ["Caio Brandão", "Jacobina"]
    assert all(m.entity is not None for m in mentions)


# ----------------------------------------------------------------------------- KB people, roles by date


def test_every_form_of_lula_and_the_role_phrase_are_one_kb_entity() -> None:
    a = analysed(
        "lula25",
        "Luiz Inácio Lula da Silva abriu a reunião em Brasília.\n"
        "O presidente brasileiro pediu reformas.\nLula da Silva saiu cedo.\nLula voltou à tarde.",
        published="2025-03-14",
    )
    batch = merged(a)
    lula = entity_of(batch, "lula25", "Lula")
    assert lula.kb_id == "Q37181" and lula.name == "Luiz Inácio Lula da Silva"
    for text in ("Luiz Inácio Lula da Silva", "Lula da Silva"):
        assert entity_of(batch, "lula25", text).id == lula.id
    assert entity_of(batch, "lula25", "presidente brasileiro", "nominal").id == lula.id


def test_a_role_phrase_resolves_to_the_holder_on_the_article_date() -> None:
    body = "O primeiro-ministro português discursou em Bruxelas.\nO governo aprovou o plano."
    before = analysed("pm-jan", body, published="2024-01-10")
    after = analysed("pm-jun", body, published="2024-06-01")
    batch = merged(before, after)
    assert entity_of(batch, "pm-jan", "primeiro-ministro português", "nominal").name == "António Costa"
    assert entity_of(batch, "pm-jun", "primeiro-ministro português", "nominal").name == "Luís Montenegro"


def test_german_chancellor_is_the_head_of_government_on_the_date() -> None:
    a = analysed("de", "O chanceler alemão chegou a Paris para a reunião.", published="2025-07-06")
    b = analysed("de-old", "O chanceler alemão chegou a Paris para a reunião.", published="2024-03-01")
    batch = merged(a, b)
    assert entity_of(batch, "de", "chanceler alemão", "nominal").name == "Friedrich Merz"
    assert entity_of(batch, "de-old", "chanceler alemão", "nominal").name == "Olaf Scholz"


def test_role_phrases_of_security_council_members_resolve_through_the_kb() -> None:
    a = analysed(
        "unsc",
        "A primeira-ministra dinamarquesa recebeu o presidente do Panamá em Copenhague.",
        published="2025-09-01",
    )
    batch = merged(a)
    assert entity_of(batch, "unsc", "primeira-ministra dinamarquesa", "nominal").name == "Mette Frederiksen"
    assert entity_of(batch, "unsc", "presidente do Panamá", "nominal").name == "José Raúl Mulino"


def test_a_demonym_links_to_its_country_with_the_wikidata_id() -> None:
    a = analysed("ke", "A delegação queniana chegou a Genebra na segunda-feira.", published="2025-09-01")
    country = entity_of(merged(a), "ke", "queniana", "demonym")
    assert country.kb_id == "Q114" and country.type == "LOC"


def test_a_footballer_called_costa_is_not_the_portuguese_prime_minister() -> None:
    football = analysed(
        "futebol",
        "O atacante Costa marcou dois gols na vitória do Palmeiras.\nCosta comemorou com a torcida.",
        published="2023-05-02",
    )
    politics = analysed(
        "politica",
        "O primeiro-ministro António Costa apresentou o orçamento em Lisboa.\nCosta defendeu as contas.",
        published="2023-05-02",
    )
    batch = merged(football, politics)
    pm = entity_of(batch, "politica", "António Costa")
    assert pm.kb_id == "person:antonio-costa"
    assert entity_of(batch, "politica", "Costa").id == pm.id  # surname joins the full name of its article
    striker = entity_of(batch, "futebol", "Costa")
    assert striker.id != pm.id and striker.kb_id is None


def test_a_surname_with_the_office_the_kb_person_held_joins_across_articles() -> None:
    full = analysed("full", "O primeiro-ministro António Costa chegou a Bruxelas.", published="2023-05-02")
    short = analysed("short", "O primeiro-ministro Costa falou com jornalistas.", published="2023-05-03")
    batch = merged(full, short)
    assert entity_of(batch, "short", "Costa").id == entity_of(batch, "full", "António Costa").id


def test_cross_article_merges_use_kb_ids_across_languages() -> None:
    pt = analysed("pt-mf", "Mette Frederiksen falou em Copenhaga.", published="2025-09-01")
    en = analysed("en-mf", "Frederiksen said Denmark would stay firm.", lang="en", published="2025-09-02")
    es = analysed("es-mf", "El presidente panameño, José Raúl Mulino, viajó a Nueva York.", lang="es")
    batch = merged(pt, en, es)
    assert entity_of(batch, "en-mf", "Frederiksen").id == entity_of(batch, "pt-mf", "Mette Frederiksen").id
    assert entity_of(batch, "es-mf", "Nueva York").name == "Nova York"


def test_a_kb_name_inside_another_kb_name_stays_itself() -> None:
    a = analysed(
        "kb-inside",
        "O Conselho de Segurança da ONU reuniu-se ontem.\nA ONU enviou observadores.\n"
        "O Tesouro Selic rendeu mais em março.\nA Selic ficou em 15%.",
    )
    batch = merged(a)
    assert entity_of(batch, "kb-inside", "ONU").kb_id == "Q1065"
    assert entity_of(batch, "kb-inside", "Conselho de Segurança da ONU").name == (
        "Conselho de Segurança das Nações Unidas"
    )
    assert entity_of(batch, "kb-inside", "Selic").name == "Selic"
    assert entity_of(batch, "kb-inside", "Tesouro Selic").name == "Tesouro Selic"
