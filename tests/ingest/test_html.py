"""HTML pages → articles: visible text as lines, the article as the body, chrome as removed lines."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from parallax.ingest import read_inputs
from parallax.ingest.decode import InputError
from parallax.ingest.html import article_from_html, decode_html
from parallax.model import Article
from parallax.options import Options

PAGES = Path(__file__).parent / "pages"


def read_page(name: str) -> Article:
    return article_from_html((PAGES / name).read_bytes(), url=None, path=name, options=Options())


def kept(article: Article) -> list[str]:
    return [text for _, text in article.kept_lines()]


def removed(article: Article) -> dict[str, str]:
    return {line.text: line.reason for line in article.removed}


def assert_exact_spans(article: Article) -> None:
    for line in article.removed:
        assert article.text[line.span.start : line.span.end] == line.text
    if article.title_span is not None:
        assert article.at(article.title_span) == article.title
    # every visible line is either kept or removed: nothing dropped silently
    visible = [line for line in article.text.splitlines() if line.strip()]
    assert sorted(visible) == sorted(kept(article) + [line.text for line in article.removed])


def test_wordpress_post_body_is_exactly_the_headline_and_paragraphs() -> None:
    article = read_page("wordpress.html")
    assert kept(article) == [
        "Ponte é interditada após rachaduras em Rio Claro",
        "A Defesa Civil de Rio Claro interditou na manhã desta terça-feira (6) a ponte da Avenida Brasil, "
        "depois que moradores relataram rachaduras na estrutura.",
        "Segundo o coordenador do órgão, João Pereira, a interdição deve durar pelo menos 15 dias. "
        "“Não vamos correr riscos com a vida das pessoas”, disse ele.",
        "O trânsito foi desviado para a Rua 3, e a prefeitura prometeu uma vistoria completa "
        "até o fim da semana.",
        "A ponte, construída em 1978, recebeu a última reforma em 2012.",
    ]
    assert article.title == "Ponte é interditada após rachaduras em Rio Claro"
    assert article.title_span is not None and article.at(article.title_span) == article.title
    assert article.body is not None and article.body.start == article.title_span.start
    assert article.outlet == "Jornal do Vale"
    assert article.published == "2025-05-06T09:15:00-03:00"  # published, not modified
    assert article.language == "pt"
    assert article.source.path == "wordpress.html"
    assert article.source.url == "https://jornaldovale.example/2025/05/06/ponte-interditada/"  # canonical


def test_wordpress_chrome_is_removed_with_the_reason_its_markup_gives() -> None:
    article = read_page("wordpress.html")
    reasons = removed(article)
    assert {text: reasons[text] for text in ("Início", "Cidades", "Política", "Esportes")} == dict.fromkeys(
        ("Início", "Cidades", "Política", "Esportes"), "navigation"
    )
    assert reasons["Por Marina Costa 6 de maio de 2025"] == "byline"
    assert [reasons[t] for t in ("Compartilhe:", "Facebook", "WhatsApp", "X")] == ["share_prompt"] * 4
    assert reasons["Tags: ponte, Defesa Civil"] == "navigation"
    assert reasons["Relacionado"] == reasons["Chuva derruba árvore no centro"] == "teaser"
    assert reasons["Finalmente alguém fez algo!"] == "comments"
    assert reasons["Receba nossa newsletter"] == "newsletter_prompt"
    assert reasons["© 2025 Jornal do Vale. Todos os direitos reservados."] == "footer"
    assert reasons["Show de rock reúne 10 mil pessoas"] == "html_boilerplate"
    assert_exact_spans(article)


def test_scripts_styles_and_hidden_elements_are_not_text() -> None:
    article = read_page("wordpress.html")
    assert "não mostrar" not in article.text
    assert "Publicidade escondida" not in article.text
    assert "color:red" not in article.text


def test_portal_layout_keeps_intertitle_and_removes_boxes_inside_the_article() -> None:
    article = read_page("portal.html")
    assert article.title == "Chuva forte alaga 40 bairros e deixa 3 mil sem energia em Campinas"
    assert article.outlet == "Portal Horizonte"
    assert article.published == "2025-01-14T18:42:10.512Z"  # from the JSON-LD datePublished
    body = kept(article)
    assert body[0] == article.title
    assert body[3] == "Abrigos"
    assert body[-1].startswith("A concessionária informou que equipes trabalham desde o fim da tarde")
    assert len(body) == 7
    reasons = removed(article)
    assert reasons[
        "Usamos cookies para melhorar sua experiência. Ao continuar, você concorda com a nossa política."
    ] == ("cookie_banner")
    assert reasons["Publicidade"] == "advert"
    assert reasons["Por Renata Albuquerque, Portal Horizonte Campinas"] == "byline"
    assert reasons["Compartilhar no WhatsApp"] == "share_prompt"
    assert (
        reasons["Previsão indica mais chuva para o fim de semana"] == "teaser"
    )  # "leia também" inside the text
    assert reasons["Rua alagada no Jardim Aurélia — Foto: Leitor/Portal Horizonte"] == "caption"
    assert reasons["Queda de árvore interdita avenida em Valinhos"] == "teaser"
    assert reasons["© Copyright 2000-2025 Portal Horizonte. Todos os direitos reservados."] == "footer"
    assert_exact_spans(article)
    # lines between the headline and the first paragraph are inside the body span but removed
    assert article.body is not None
    byline = next(line for line in article.removed if line.reason == "byline")
    assert article.body.contains(byline.span)


def test_amp_page_in_spanish_with_share_bar_inside_the_article() -> None:
    article = read_page("amp.html")
    assert article.title == "El metro de Lima amplía su horario por la final de la Copa"
    assert article.language == "es"
    assert article.published == "2025-06-20T07:30:00-05:00"
    assert article.outlet == "Diario del Pacífico"
    assert article.source.url == "https://www.diariodelpacifico.example/lima/metro-amplia-horario-final-copa"
    assert kept(article)[1].startswith("La Autoridad de Transporte Urbano anunció")
    assert len(kept(article)) == 4
    reasons = removed(article)
    assert reasons["Comparte esta noticia"] == "share_prompt"
    assert reasons["Portada"] == "navigation"  # the <amp-sidebar> menu
    assert reasons["Cierran la Vía Expresa por obras este fin de semana"] == "teaser"
    assert_exact_spans(article)


def test_language_outside_the_configured_ones_is_not_set() -> None:
    data = (PAGES / "amp.html").read_bytes()
    article = article_from_html(data, url=None, path="amp.html", options=Options(languages=("pt", "en")))
    assert article.language is None


def test_a_fetched_url_stays_the_source_url_over_the_canonical_one() -> None:
    data = (PAGES / "wordpress.html").read_bytes()
    article = article_from_html(data, url="https://jornaldovale.example/?p=77", path=None, options=Options())
    assert article.source.url == "https://jornaldovale.example/?p=77"
    assert article.source.path is None
    assert article.source.key == "https://jornaldovale.example/?p=77"


CP1252_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Governo anuncia reforço na vacinação - Correio do Sertão</title>
<meta name="date" content="2024-11-03">
</head><body>
<table width="100%"><tr><td class="menu">Capa | Política | Saúde | Contato</td></tr></table>
<table><tr><td>
<h1>Governo anuncia reforço na vacinação</h1>
<p>O secretário de Saúde afirmou que a campanha “não vai parar” até atingir a meta – 90% das crianças.</p>
<p>Segundo a pasta, a ação começa na segunda-feira em 42 municípios do interior, com equipes volantes.</p>
<p>“É uma questão de proteção coletiva”, disse a coordenadora regional, Conceição Araújo.</p>
</td></tr></table>
<div id="rodape">Correio do Sertão © 2024 – Todos os direitos reservados</div>
</body></html>"""


def test_windows_1252_page_declared_in_meta_is_decoded_with_its_typography() -> None:
    article = article_from_html(CP1252_PAGE.encode("cp1252"), url=None, path="sertao.html", options=Options())
    assert article.title == "Governo anuncia reforço na vacinação"
    assert kept(article)[1] == (
        "O secretário de Saúde afirmou que a campanha “não vai parar” até atingir a meta – 90% das crianças."
    )
    assert article.published == "2024-11-03"
    assert removed(article)["Correio do Sertão © 2024 – Todos os direitos reservados"] == "footer"
    assert removed(article)["Capa | Política | Saúde | Contato"] == "navigation"


def test_the_http_charset_wins_over_a_wrong_meta_charset() -> None:
    data = CP1252_PAGE.replace("windows-1252", "utf-8").encode("cp1252")
    assert "“não vai parar”" in decode_html(data, "text/html; charset=ISO-8859-1")
    assert "“não vai parar”" in decode_html(data)  # the wrong declaration fails and detection takes over


def test_a_page_of_only_site_chrome_is_rejected_with_a_clear_reason() -> None:
    with pytest.raises(InputError) as caught:
        read_page("chrome_only.html")
    assert str(caught.value) == (
        "no article text found in the HTML page: only short lines (menus, link lists), "
        "none of 10 words or more"
    )


def test_an_empty_page_and_a_page_without_text_are_rejected() -> None:
    with pytest.raises(InputError, match="empty page"):
        article_from_html(b"  \n", url=None, path="x.html", options=Options())
    with pytest.raises(InputError, match="HTML page has no visible text"):
        article_from_html(
            b"<html><body><script>x()</script></body></html>", url=None, path="x.html", options=Options()
        )


def test_html_files_in_a_folder_walk_are_read_as_pages_and_gzipped_ones_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.html").write_bytes((PAGES / "wordpress.html").read_bytes())
    (tmp_path / "news" / "b.htm.gz").write_bytes(gzip.compress((PAGES / "amp.html").read_bytes()))
    (tmp_path / "news" / "c.html").write_bytes((PAGES / "chrome_only.html").read_bytes())
    batch = read_inputs(["news"], Options())
    assert [(a.source.path, a.title) for a in batch.articles] == [
        ("news/a.html", "Ponte é interditada após rachaduras em Rio Claro"),
        ("news/b.htm.gz", "El metro de Lima amplía su horario por la final de la Copa"),
    ]
    assert [r.input for r in batch.rejected] == ["news/c.html"]


def test_the_clean_stage_keeps_the_article_paragraphs_of_a_page() -> None:
    from parallax.model import Batch
    from parallax.pipeline import run

    article = read_page("wordpress.html")
    options = Options(pipeline=("clean",), workspace=None)
    (cleaned,) = run(Batch(articles=[article]), options).articles
    kept_after = {text for _, text in cleaned.kept_lines()}
    assert "A ponte, construída em 1978, recebeu a última reforma em 2012." in kept_after
    assert kept_after.isdisjoint({"Início", "Facebook", "WhatsApp", "Compartilhe:"})
    assert cleaned.title == "Ponte é interditada após rachaduras em Rio Claro"


def test_mojibake_in_a_page_is_repaired_in_the_text_and_the_metadata() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>SÃ£o Paulo amplia ciclovias</title></head><body>"
        "<h1>SÃ£o Paulo amplia ciclovias</h1>"
        "<p>A prefeitura de SÃ£o Paulo anunciou nesta segunda-feira a construÃ§Ã£o de mais 40 quilÃ´metros "
        "de ciclovias atÃ© o fim do ano, segundo a secretaria de mobilidade.</p></body></html>"
    )
    article = article_from_html(page.encode("utf-8"), url=None, path="sp.html", options=Options())
    assert article.title == "São Paulo amplia ciclovias"
    assert kept(article)[1].startswith("A prefeitura de São Paulo anunciou nesta segunda-feira a construção")
