"""Merging mentions into entities within and across articles; nominal mentions and quote speakers."""

from __future__ import annotations

import copy
import dataclasses

from nlp_builders import make_article

from parallax.model import Article, Batch, Entity, Quote, Span, Speaker
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
