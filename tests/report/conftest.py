"""A hand-made analysed batch: two Portuguese reports of the same (invented) fire.

Everything an analysis would find is written out by hand, with spans computed
from the texts, so the report tests do not depend on any pipeline stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parallax.ingest import article_id, content_hash
from parallax.model import (
    Alignment,
    Article,
    Batch,
    Claim,
    Conflict,
    ConflictValue,
    Credit,
    DateExpression,
    Entity,
    EntityMention,
    Evidence,
    Quantity,
    Quote,
    QuoteGroup,
    QuoteVariant,
    Rejected,
    RemovedLine,
    Sentence,
    Source,
    Span,
    SpanRef,
    Speaker,
    Story,
)
from parallax.report import build_report

SERRA_TEXT = "\n".join(
    [
        "---",
        "url: https://www.jornaldaserra.com.br/cidades/2025/03/14/incendio-deposito",
        "outlet: Jornal da Serra",
        "published: 2025-03-14T10:30:00-03:00",
        "---",
        "Menu",
        "Incêndio em depósito deixa pelo menos 12 mortos em Campinas",
        "Campinas, 13 de março (Reuters) – Um incêndio destruiu um depósito de tecidos na zona norte "
        "de Campinas nesta quinta-feira.",
        "O fogo deixou pelo menos 12 mortos, segundo o Corpo de Bombeiros.",
        "As chamas duraram mais de três horas.",
        "“Estamos fazendo tudo o que podemos para identificar as vítimas”, disse a prefeita Helena Duarte.",
        "Compartilhe",
        "Leia também: Chuva forte alaga ruas do centro",
        "",
    ]
)

LITORAL_TEXT = """Incêndio em Campinas mata 15 pessoas
O fogo destruiu um depósito de tecidos em Campinas na quinta-feira (13).
O incêndio deixou 15 mortos, informou o Corpo de Bombeiros.
As chamas foram controladas após cerca de duas horas.
"Estamos fazendo tudo que podemos para identificar as vítimas", afirmou a prefeita Helena Duarte.
A Defesa Civil interditou dois prédios vizinhos.
Com agências
Publicidade
"""


def span_of(text: str, needle: str, after: str = "") -> Span:
    """The span of ``needle`` in ``text`` (after the first occurrence of ``after`` when given)."""
    start = text.index(after) if after else 0
    found = text.index(needle, start)
    return Span(found, found + len(needle))


def serra_article(text: str = SERRA_TEXT) -> Article:
    body = Span(text.index("Menu"), len(text))
    digest = content_hash(text[body.start :])
    url = "https://www.jornaldaserra.com.br/cidades/2025/03/14/incendio-deposito"

    def at(needle: str, after: str = "") -> Span:
        return span_of(text, needle, after)

    sentences = [
        "Campinas, 13 de março (Reuters) – Um incêndio destruiu um depósito de tecidos na zona norte "
        "de Campinas nesta quinta-feira.",
        "O fogo deixou pelo menos 12 mortos, segundo o Corpo de Bombeiros.",
        "As chamas duraram mais de três horas.",
        "“Estamos fazendo tudo o que podemos para identificar as vítimas”, disse a prefeita Helena Duarte.",
    ]
    title = "Incêndio em depósito deixa pelo menos 12 mortos em Campinas"
    return Article(
        id=article_id(url, digest),
        source=Source(path="examples/serra-incendio.txt", url=url),
        text=text,
        content_hash=digest,
        outlet="Jornal da Serra",
        title=title,
        title_span=at(title),
        language="pt",
        published="2025-03-14T10:30:00-03:00",
        body=body,
        removed=[
            RemovedLine("Menu", "navigation", at("Menu")),
            RemovedLine("Compartilhe", "share_prompt", at("Compartilhe")),
            RemovedLine(
                "Leia também: Chuva forte alaga ruas do centro",
                "teaser",
                at("Leia também: Chuva forte alaga ruas do centro"),
            ),
        ],
        credits=[
            Credit(
                "Reuters",
                "dateline",
                "Campinas, 13 de março (Reuters) –",
                at("Campinas, 13 de março (Reuters) –"),
            )
        ],
        sentences=[Sentence(f"s{i}", s, at(s)) for i, s in enumerate(sentences, 1)],
        entities=[
            EntityMention("Campinas", "LOC", at("Campinas", title), "e-campinas"),
            EntityMention("Campinas", "LOC", at("Campinas", "Campinas, 13"), "e-campinas"),
            EntityMention("Reuters", "ORG", at("Reuters"), "e-reuters"),
            EntityMention("Campinas", "LOC", at("Campinas", "zona norte"), "e-campinas"),
            EntityMention("Corpo de Bombeiros", "ORG", at("Corpo de Bombeiros"), "e-bombeiros"),
            EntityMention("prefeita", "PER", at("prefeita"), "e-duarte", "nominal"),
            EntityMention("Helena Duarte", "PER", at("Helena Duarte"), "e-duarte"),
        ],
        quotes=[
            Quote(
                "Estamos fazendo tudo o que podemos para identificar as vítimas",
                at("Estamos fazendo tudo o que podemos para identificar as vítimas"),
                "direct",
                "disse",
                Speaker("Helena Duarte", "e-duarte", at("Helena Duarte")),
            )
        ],
        quantities=[
            Quantity(
                "pelo menos 12 mortos",
                at("pelo menos 12 mortos", "O fogo"),
                12,
                12,
                None,
                None,
                "at_least",
                "morto",
            ),
            Quantity("mais de três horas", at("mais de três horas"), 3, 3, None, "hour", "more_than", None),
        ],
        dates=[
            DateExpression("13 de março", at("13 de março"), "2025-03-13"),
            DateExpression("nesta quinta-feira", at("nesta quinta-feira"), "2025-03-13", relative=True),
        ],
    )


def litoral_article(text: str = LITORAL_TEXT) -> Article:
    digest = content_hash(text)
    path = "examples/litoral-incendio.txt"

    def at(needle: str, after: str = "") -> Span:
        return span_of(text, needle, after)

    sentences = [
        "O fogo destruiu um depósito de tecidos em Campinas na quinta-feira (13).",
        "O incêndio deixou 15 mortos, informou o Corpo de Bombeiros.",
        "As chamas foram controladas após cerca de duas horas.",
        '"Estamos fazendo tudo que podemos para identificar as vítimas", afirmou a prefeita Helena Duarte.',
        "A Defesa Civil interditou dois prédios vizinhos.",
    ]
    title = "Incêndio em Campinas mata 15 pessoas"
    return Article(
        id=article_id(path, digest),
        source=Source(path=path),
        text=text,
        content_hash=digest,
        outlet="Gazeta do Litoral",
        title=title,
        title_span=at(title),
        language="pt",
        published="2025-03-14",
        body=Span(0, len(text)),
        removed=[RemovedLine("Publicidade", "advert", at("Publicidade"))],
        credits=[Credit("Reuters", "with_agencies", "Com agências", at("Com agências"))],
        sentences=[Sentence(f"s{i}", s, at(s)) for i, s in enumerate(sentences, 1)],
        entities=[
            EntityMention("Campinas", "LOC", at("Campinas"), "e-campinas"),
            EntityMention("Campinas", "LOC", at("Campinas", "tecidos"), "e-campinas"),
            EntityMention("Corpo de Bombeiros", "ORG", at("Corpo de Bombeiros"), "e-bombeiros"),
            EntityMention("Helena Duarte", "PER", at("Helena Duarte"), "e-duarte"),
            EntityMention("Defesa Civil", "ORG", at("Defesa Civil"), None),
        ],
        quotes=[
            Quote(
                "Estamos fazendo tudo que podemos para identificar as vítimas",
                at("Estamos fazendo tudo que podemos para identificar as vítimas"),
                "direct",
                "afirmou",
                Speaker("Helena Duarte", "e-duarte", at("Helena Duarte")),
            )
        ],
        quantities=[
            Quantity("15 pessoas", at("15 pessoas"), 15, 15, 15, None, None, "pessoa"),
            Quantity("15 mortos", at("15 mortos"), 15, 15, 15, None, None, "morto"),
            Quantity("cerca de duas horas", at("cerca de duas horas"), 2, 1.8, 2.2, "hour", "about", None),
            Quantity("dois prédios", at("dois prédios"), 2, 2, 2, None, None, "prédio"),
        ],
        dates=[DateExpression("quinta-feira (13)", at("quinta-feira (13)"), "2025-03-13")],
    )


def make_batch(serra: Article | None = None, litoral: Article | None = None) -> Batch:
    a = serra or serra_article()
    b = litoral or litoral_article()

    def sentence(article: Article, sid: str) -> Sentence:
        return next(s for s in article.sentences if s.id == sid)

    def evidence(article: Article, sid: str) -> Evidence:
        s = sentence(article, sid)
        return Evidence(article.id, s.span, s.text)

    def ref(article: Article, sid: str) -> SpanRef:
        return SpanRef(article.id, sentence(article, sid).span)

    claims = [
        Claim(
            "c1",
            "O fogo deixou pelo menos 12 mortos, segundo o Corpo de Bombeiros.",
            "conflicting",
            2,
            [evidence(a, "s2"), evidence(b, "s2")],
            Conflict(
                "morto",
                [
                    ConflictValue(a.id, "pelo menos 12 mortos", [12.0, None]),
                    ConflictValue(b.id, "15 mortos", 15.0),
                ],
                compatible=True,
            ),
        ),
        Claim(
            "c2",
            "As chamas duraram mais de três horas.",
            "conflicting",
            2,
            [evidence(a, "s3"), evidence(b, "s3")],
            Conflict(
                "duração",
                [
                    ConflictValue(a.id, "mais de três horas", 3.0),
                    ConflictValue(b.id, "cerca de duas horas", 2.0),
                ],
                compatible=False,
            ),
        ),
        Claim(
            "c3",
            "Um incêndio destruiu um depósito de tecidos em Campinas na quinta-feira.",
            "corroborated",
            2,
            [evidence(a, "s1"), evidence(b, "s1")],
        ),
        Claim(
            "c4", "A Defesa Civil interditou dois prédios vizinhos.", "single_source", 1, [evidence(b, "s5")]
        ),
    ]
    quote_a, quote_b = a.quotes[0], b.quotes[0]
    story = Story(
        id="st-incendio-campinas",
        title="Incêndio em depósito de tecidos em Campinas",
        date="2025-03-13",
        articles=[a.id, b.id],
        claims=claims,
        quote_groups=[
            QuoteGroup(
                "Helena Duarte",
                [
                    QuoteVariant(a.id, quote_a.text, quote_a.span),
                    QuoteVariant(b.id, quote_b.text, quote_b.span),
                ],
                "e-duarte",
            )
        ],
        alignments=[
            Alignment(ref(a, "s1"), ref(b, "s1"), "elaborates", 0.71234567),
            Alignment(ref(a, "s2"), ref(b, "s2"), "conflicts", 0.62),
            Alignment(ref(a, "s3"), ref(b, "s3"), "conflicts", 0.4),
            Alignment(ref(a, "s4"), ref(b, "s4"), "attribution", 0.93),
        ],
    )
    entities = [
        Entity("e-campinas", "Campinas", "LOC", ["Campinas"], [b.id, a.id]),
        Entity("e-reuters", "Reuters", "ORG", [], [a.id]),
        Entity("e-bombeiros", "Corpo de Bombeiros", "ORG", ["Bombeiros"], [a.id, b.id]),
        Entity("e-duarte", "Helena Duarte", "PER", ["prefeita", "Helena Duarte"], [a.id, b.id]),
    ]
    return Batch(
        articles=[a, b],
        entities=entities,
        stories=[story],
        rejected=[Rejected("examples/vazio.txt", "empty input: no text after decoding")],
    )


@pytest.fixture
def batch() -> Batch:
    return make_batch()


@pytest.fixture
def report(batch: Batch) -> dict[str, Any]:
    return build_report(batch)


@pytest.fixture
def batch_factory() -> Callable[..., Batch]:
    return make_batch


@pytest.fixture
def article_factories() -> dict[str, Callable[..., Article]]:
    return {"serra": serra_article, "litoral": litoral_article}
