"""Cleaning signals on pages written for these tests: blog and portal chrome in pt, en and es,
bylines printed as bare names, author boxes, taglines, previous/next links, embedded posts
found by their language, and the signals combined."""

from __future__ import annotations

import pytest

from parallax.clean.chrome import clean_article
from parallax.clean.repeated import line_key
from parallax.model import Article, Source
from parallax.options import Options

OPTIONS = Options(workspace=None)


def cleaned(text: str, *, outlet: str | None = None, language: str | None = None) -> Article:
    article = Article(
        id="t", source=Source(path="t.txt"), text=text, content_hash="t", outlet=outlet, language=language
    )
    return clean_article(article, OPTIONS)


def reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def kept(article: Article) -> list[str]:
    return [text for _, text in article.kept_lines()]


WORDPRESS_PT = """Blog da Praça Central
Crônicas e contas da nossa cidade
Início
Sobre
Contato
A feira de artesanato volta à praça depois de dois anos
Publicado em 3 de maio de 2025 por Lúcia Ferraz
A feira de artesanato da praça central voltou neste sábado, com 48 barracas e música ao vivo.
Os artesãos pagam uma taxa de R$ 30 por fim de semana, valor que a prefeitura promete manter até dezembro.
Compartilhe isso:
Twitter
Facebook
Curtir isso:
Curtir Carregando...
Relacionado
Prefeitura reforma coreto da praça central
12 de março de 2025
Em "Cidade"
Categorias: Cultura
Deixe uma resposta
Cancelar resposta
O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados com *
Salvar meu nome, e-mail e site neste navegador para a próxima vez que eu comentar.
Blog no WordPress.com.
"""


def test_a_wordpress_blog_in_portuguese() -> None:
    article = cleaned(WORDPRESS_PT)
    assert article.title == "A feira de artesanato volta à praça depois de dois anos"
    assert kept(article) == [
        "A feira de artesanato volta à praça depois de dois anos",
        "A feira de artesanato da praça central voltou neste sábado, com 48 barracas e música ao vivo.",
        "Os artesãos pagam uma taxa de R$ 30 por fim de semana, valor que a prefeitura promete manter até "
        "dezembro.",
    ]
    got = reasons(article)
    assert got["Crônicas e contas da nossa cidade"] == "navigation"  # the blog's tagline
    assert got["Publicado em 3 de maio de 2025 por Lúcia Ferraz"] == "byline"
    assert got["Compartilhe isso:"] == got["Curtir Carregando..."] == "share_prompt"
    assert got["Relacionado"] == got["Prefeitura reforma coreto da praça central"] == "teaser"
    assert got["Categorias: Cultura"] == "navigation"
    assert got["Cancelar resposta"] == got["Deixe uma resposta"] == "comments"
    assert got["Blog no WordPress.com."] == "footer"


WORDPRESS_EN = """Harbor Notes
Small stories from a fishing town
Home
About
Archive
Why the harbour dredging was delayed again
Posted on June 2, 2025 by Tom Reilly
The dredging of the inner harbour was due to start in April, but the contractor asked for two more months.
The council says the delay will not raise the cost, which stays at 1.2 million pounds.
Share this:
Email
Mastodon
Like this:
Like Loading...
2 thoughts on “Why the harbour dredging was delayed again”
Leave a Reply
Your email address will not be published. Required fields are marked *
Proudly powered by WordPress
"""


def test_a_wordpress_blog_in_english() -> None:
    article = cleaned(WORDPRESS_EN)
    assert article.title == "Why the harbour dredging was delayed again"
    assert len(kept(article)) == 3
    got = reasons(article)
    assert got["Small stories from a fishing town"] == "navigation"
    assert got["Share this:"] == got["Mastodon"] == got["Like Loading..."] == "share_prompt"
    assert got["2 thoughts on “Why the harbour dredging was delayed again”"] == "comments"
    assert got["Your email address will not be published. Required fields are marked *"] == "comments"
    assert got["Proudly powered by WordPress"] == "footer"


PORTAL_ES = """Diario del Altiplano
Portada
Nacional
Suscríbete a Diario del Altiplano
El lago Titicaca registra su nivel más bajo en tres décadas
Periodista: Rosa Quispe
Tiempo de lectura: 3 minutos
El nivel del lago Titicaca bajó 60 centímetros en el último año, según el servicio de hidrografía.
Los pescadores de la orilla boliviana dicen que sus capturas cayeron a la mitad desde enero.
Artículo anterior
Sequía obliga a racionar agua en El Alto
Deja una respuesta
Cancelar respuesta
3 comentarios a “El lago Titicaca registra su nivel más bajo en tres décadas”
Funciona con WordPress
"""


def test_a_portal_in_spanish() -> None:
    article = cleaned(PORTAL_ES)
    assert article.title == "El lago Titicaca registra su nivel más bajo en tres décadas"
    assert len(kept(article)) == 3
    got = reasons(article)
    assert got["Suscríbete a Diario del Altiplano"] == "subscription"
    assert got["Tiempo de lectura: 3 minutos"] == "byline"
    assert got["Artículo anterior"] == "navigation"
    assert got["Sequía obliga a racionar agua en El Alto"] == "teaser"
    assert got["Cancelar respuesta"] == "comments"
    assert got["Funciona con WordPress"] == "footer"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Joana Pires", "14 de agosto de 2025, 18:05"], {"Joana Pires": "byline"}),
        (
            ["Tiago Moura", "Jornalista", "22 maio 2025 19:30"],
            {"Tiago Moura": "byline", "Jornalista": "byline"},
        ),
        (
            ["Daniela Prado - Repórter da Agência Brasil"],
            {"Daniela Prado - Repórter da Agência Brasil": "byline"},
        ),
        (["Redacção"], {"Redacção": "byline"}),
        (["Por Carla Mendes", "Publicado em 02/10/2025 - 11:30", "Brasília"], {"Brasília": "byline"}),
    ],
)
def test_bylines_printed_as_names_roles_and_places(lines: list[str], expected: dict[str, str]) -> None:
    text = "\n".join(
        [
            "Menu",
            "Seca leva 214 municípios do Nordeste a decretar emergência",
            "O governo reconheceu a situação em cidades de seis estados da região.",
            *lines,
            "O governo federal reconheceu nesta quinta-feira a situação de emergência em 214 municípios.",
            "A maior parte das cidades fica no semiárido da Bahia e de Pernambuco.",
        ]
    )
    got = reasons(cleaned(text))
    assert {line: got.get(line) for line in expected} == expected


def test_a_name_after_the_article_is_not_a_byline_without_a_byline_beside_it() -> None:
    text = (
        "Seca leva 214 municípios do Nordeste a decretar emergência\n"
        "O governo federal reconheceu nesta quinta-feira a situação de emergência em 214 municípios.\n"
        "Joana Pires\n"
        "A maior parte das cidades fica no semiárido da Bahia e de Pernambuco.\n"
    )
    assert "Joana Pires" in kept(cleaned(text))


def test_an_author_box_after_the_article() -> None:
    text = (
        "Ponte do centro será interditada para reforma\n"
        "A ponte que liga o centro ao bairro do Porto será interditada por três meses a partir de segunda.\n"
        "Durante as obras, pedestres poderão usar uma passarela provisória.\n"
        "Carla Nishida\n"
        "Jornalista formada pela USP, cobre o Vale do Ribeira desde 2012.\n"
        "Deixe uma resposta\n"
    )
    got = reasons(cleaned(text))
    assert (
        got["Carla Nishida"]
        == got["Jornalista formada pela USP, cobre o Vale do Ribeira desde 2012."]
        == "byline"
    )


def test_a_sentence_about_a_journalist_inside_the_article_is_kept() -> None:
    text = (
        "Jornalista é libertado após dez dias detido na fronteira\n"
        "O repórter foi solto na manhã desta sexta-feira, segundo a família.\n"
        "Jornalista formado pela USP, ele cobria a região havia cinco anos.\n"
        "A embaixada acompanhou o caso desde o início, informou o Itamaraty.\n"
    )
    assert reasons(cleaned(text)) == {}


def test_a_list_announced_by_a_line_is_kept() -> None:
    text = (
        "Seca leva 214 municípios do Nordeste a decretar emergência\n"
        "O governo federal reconheceu nesta quinta-feira a situação de emergência em 214 municípios.\n"
        "Veja abaixo.\n"
        "Bahia: 87 municípios\n"
        "Pernambuco: 61 municípios\n"
        "Compartilhe\n"
    )
    article = cleaned(text)
    assert kept(article)[-2:] == ["Bahia: 87 municípios", "Pernambuco: 61 municípios"]
    assert reasons(article) == {"Compartilhe": "share_prompt"}


def test_a_foreign_language_post_above_its_signature_is_an_embed() -> None:
    text = (
        "Menu\n"
        "Enchente atinge bairros de Porto Alegre após chuva recorde\n"
        "A chuva da madrugada deixou dezenas de ruas alagadas na zona norte, segundo a Defesa Civil.\n"
        "Heavy flooding reported in Porto Alegre this morning, residents evacuated by boat\n"
        "— Rio Watch News (@riowatchnews) May 6, 2025\n"
        "A prefeitura abriu quatro abrigos para receber as famílias desalojadas pela enchente.\n"
    )
    got = reasons(cleaned(text))
    assert got["Heavy flooding reported in Porto Alegre this morning, residents evacuated by boat"] == (
        "social_embed"
    )
    assert got["— Rio Watch News (@riowatchnews) May 6, 2025"] == "social_embed"
    assert len(got) == 3  # "Menu" too; the Portuguese paragraphs stay


def test_emoji_and_capitals_around_chrome_words() -> None:
    text = (
        "Enchente atinge bairros de Porto Alegre após chuva recorde\n"
        "A chuva da madrugada deixou dezenas de ruas alagadas na zona norte, segundo a Defesa Civil.\n"
        "📢 COMPARTILHE 📲\n"
        "ATENÇÃO: A DEFESA CIVIL PEDE QUE OS MORADORES EVITEM AS ÁREAS ALAGADAS ATÉ A ÁGUA BAIXAR.\n"
        "PUBLICIDADE\n"
        "A prefeitura abriu quatro abrigos para receber as famílias desalojadas.\n"
    )
    article = cleaned(text)
    assert reasons(article) == {"📢 COMPARTILHE 📲": "share_prompt", "PUBLICIDADE": "advert"}


def test_signals_combined_repetition_and_a_chrome_neighbour() -> None:
    """The promo line alone is kept (no lexicon knows it); repeated across the outlet's pages it is
    chrome, and beside the advert it takes the advert's reason."""
    promo = "Gazeta Imóveis: encontre seu apartamento"
    text = (
        "Enchente atinge bairros de Porto Alegre após chuva recorde\n"
        "A chuva da madrugada deixou dezenas de ruas alagadas na zona norte, segundo a Defesa Civil.\n"
        f"Publicidade\n{promo}\n"
        "A prefeitura abriu quatro abrigos para receber as famílias desalojadas.\n"
    )
    article = Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t")
    assert reasons(clean_article(article, OPTIONS)) == {"Publicidade": "advert"}
    combined = clean_article(article, OPTIONS, repeated=frozenset({line_key(promo)}))
    assert reasons(combined) == {"Publicidade": "advert", promo: "advert"}
