"""URLs → articles through a real loopback site: pages, RSS/Atom feeds, sitemaps."""

from __future__ import annotations

import gzip

from parallax_web_pages import bare_page, page
from pytest_httpserver import HTTPServer

from parallax.ingest.base import InputWarning
from parallax.ingest.web import iter_urls
from parallax.model import Article, Rejected
from parallax.options import Options

RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml"


def articles(items: list[Article | Rejected]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def rejected(items: list[Article | Rejected]) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]


def test_page_to_article(site: HTTPServer, options: Options) -> None:
    url = site.url_for("/economia/juros-caem")
    site.expect_request("/economia/juros-caem").respond_with_data(
        page("Banco Central corta juros para 10,5%"), content_type="text/html; charset=utf-8"
    )
    [article] = list(iter_urls([url], options))
    assert isinstance(article, Article)
    assert article.source.url == url
    assert article.title == "Banco Central corta juros para 10,5%"
    assert article.outlet == "Jornal do Cerrado"
    assert article.published is not None and article.published.startswith("2025-03-12")
    assert "a primeira redução desde o início do ano passado" in article.text


def test_bad_urls_rejected_and_the_batch_goes_on(site: HTTPServer, options: Options) -> None:
    site.expect_request("/boa").respond_with_data(page("Notícia boa"), content_type="text/html")
    site.expect_request("/pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    items = list(
        iter_urls(
            [site.url_for("/sumiu"), site.url_for("/pdf"), "ftp://jornal.example/x", site.url_for("/boa")],
            options,
        )
    )
    assert [(r.input, r.reason) for r in rejected(items)] == [
        (site.url_for("/sumiu"), "HTTP 500 INTERNAL SERVER ERROR"),
        (site.url_for("/pdf"), "not HTML, a feed or a sitemap: content type application/pdf"),
        ("ftp://jornal.example/x", "refused: scheme 'ftp' is not http or https"),
    ]
    assert [a.title for a in articles(items)] == ["Notícia boa"]


def test_private_address_refused_by_default(options: Options) -> None:
    [item] = list(iter_urls(["http://127.0.0.1:9/admin"], options.replace(allow_private=False)))
    assert item == Rejected(
        "http://127.0.0.1:9/admin", "refused: 127.0.0.1 is a loopback address (use --allow-private to allow)"
    )


def test_robots_disallow_rejects_page(httpserver: HTTPServer, options: Options) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /assinantes/\n")
    httpserver.expect_request("/assinantes/x").respond_with_data(page("Exclusiva"), content_type="text/html")
    [item] = list(iter_urls([httpserver.url_for("/assinantes/x")], options))
    assert isinstance(item, Rejected)
    assert item.reason.startswith("robots.txt of localhost disallows")


# ---------------------------------------------------------------------------- feeds


def rss2(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Gazeta do Planalto</title>
  <link>{base}/</link>
  <language>pt-br</language>
  <item>
    <title>Chuvas fecham estradas no interior</title>
    <link>{base}/noticias/chuvas</link>
    <guid>{base}/noticias/chuvas</guid>
    <pubDate>Wed, 12 Mar 2025 08:15:00 -0300</pubDate>
  </item>
  <item>
    <title>Prefeitura anuncia novo hospital</title>
    <link>{base}/noticias/hospital</link>
    <pubDate>Tue, 11 Mar 2025 19:40:00 -0300</pubDate>
  </item>
</channel>
</rss>"""


def test_rss2_items_followed_and_metadata_filled(site: HTTPServer, options: Options) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/rss").respond_with_data(rss2(base), content_type=RSS)
    site.expect_request("/noticias/chuvas").respond_with_data(
        bare_page("Chuvas fecham estradas"), content_type="text/html"
    )
    site.expect_request("/noticias/hospital").respond_with_data(
        page("Novo hospital"), content_type="text/html"
    )
    items = list(iter_urls([site.url_for("/rss")], options))
    assert rejected(items) == []
    chuvas, hospital = articles(items)
    assert chuvas.source.url == f"{base}/noticias/chuvas"
    # the page states neither date nor outlet: the feed's are used
    assert chuvas.published == "2025-03-12T08:15:00-03:00"
    assert chuvas.outlet == "Gazeta do Planalto"
    # the page's own metadata wins over the feed's
    assert hospital.outlet == "Jornal do Cerrado"
    assert hospital.title == "Novo hospital"


def test_rss1_rdf_items_followed(site: HTTPServer, options: Options) -> None:
    base = site.url_for("").rstrip("/")
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{base}/rdf">
    <title>Correio do Litoral</title><link>{base}/</link><description>Notícias</description>
    <items><rdf:Seq><rdf:li rdf:resource="{base}/porto"/></rdf:Seq></items>
  </channel>
  <item rdf:about="{base}/porto">
    <title>Porto bate recorde de cargas</title>
    <link>{base}/porto</link>
    <dc:date>2025-03-10T14:00:00-03:00</dc:date>
  </item>
</rdf:RDF>"""
    site.expect_request("/rdf").respond_with_data(feed, content_type="application/rdf+xml")
    site.expect_request("/porto").respond_with_data(bare_page("Porto bate recorde"), content_type="text/html")
    [article] = list(iter_urls([site.url_for("/rdf")], options))
    assert isinstance(article, Article)
    assert article.source.url == f"{base}/porto"
    assert article.outlet == "Correio do Litoral"
    assert article.published == "2025-03-10T14:00:00-03:00"


def test_atom_entries_followed_and_full_content_used_without_link(site: HTTPServer, options: Options) -> None:
    base = site.url_for("").rstrip("/")
    body = "".join(
        f"&lt;p&gt;{p}&lt;/p&gt;"
        for p in (
            "A assembleia aprovou na noite de terça-feira o projeto que cria o fundo estadual de "
            "habitação, com orçamento previsto de 300 milhões de reais para os próximos quatro anos.",
            "O texto segue agora para sanção do governador, que tem quinze dias úteis para decidir "
            "se veta algum trecho; a oposição votou contra e promete recorrer à Justiça.",
            "De acordo com o relator, as primeiras unidades devem ser entregues ainda no próximo ano.",
        )
    )
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pt">
  <title>Diário da Serra</title>
  <id>urn:uuid:diario-da-serra</id>
  <updated>2025-03-12T10:00:00Z</updated>
  <entry>
    <title>Feira do livro abre hoje</title>
    <link rel="alternate" href="{base}/cultura/feira"/>
    <id>urn:uuid:feira</id>
    <published>2025-03-12T09:00:00+00:00</published>
    <updated>2025-03-12T09:30:00+00:00</updated>
  </entry>
  <entry>
    <title>Assembleia aprova fundo de habitação</title>
    <id>urn:uuid:habitacao</id>
    <updated>2025-03-11T23:10:00-03:00</updated>
    <content type="html">{body}</content>
  </entry>
  <entry>
    <title>Nota curta</title>
    <id>urn:uuid:nota</id>
    <updated>2025-03-11T20:00:00-03:00</updated>
    <summary>Só um resumo.</summary>
  </entry>
</feed>"""
    site.expect_request("/atom").respond_with_data(feed, content_type="application/atom+xml")
    site.expect_request("/cultura/feira").respond_with_data(
        bare_page("Feira do livro abre hoje"), content_type="text/html"
    )
    items = list(iter_urls([site.url_for("/atom")], options))
    feira, habitacao = articles(items)
    assert feira.source.url == f"{base}/cultura/feira"
    assert feira.published == "2025-03-12T09:00:00+00:00"
    assert feira.outlet == "Diário da Serra"
    assert habitacao.source.url is None
    assert habitacao.source.path == f"{site.url_for('/atom')}#item-2"
    assert habitacao.title == "Assembleia aprova fundo de habitação"
    assert "fundo estadual de habitação" in habitacao.text
    assert habitacao.published == "2025-03-11T23:10:00-03:00"
    assert rejected(items) == [
        Rejected(f"{site.url_for('/atom')}#item-3", "feed item has no link and no full text (Nota curta)")
    ]


def test_malformed_feed_rejected_clearly(site: HTTPServer, options: Options) -> None:
    site.expect_request("/quebrado").respond_with_data(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Sem fim", content_type=RSS
    )
    [item] = list(iter_urls([site.url_for("/quebrado")], options))
    assert isinstance(item, Rejected)
    assert item.reason.startswith("malformed feed: ")


def test_xml_that_is_neither_feed_nor_sitemap(site: HTTPServer, options: Options) -> None:
    site.expect_request("/dados.xml").respond_with_data("<?xml version='1.0'?><planilha/>", content_type=XML)
    [item] = list(iter_urls([site.url_for("/dados.xml")], options))
    assert item == Rejected(
        site.url_for("/dados.xml"), "not HTML, a feed or a sitemap (content type application/xml)"
    )


def test_feed_item_page_failure_is_rejected_and_others_go_on(site: HTTPServer, options: Options) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/rss").respond_with_data(rss2(base), content_type=RSS)
    site.expect_request("/noticias/chuvas").respond_with_data("fora do ar", status=404)
    site.expect_request("/noticias/hospital").respond_with_data(
        page("Novo hospital"), content_type="text/html"
    )
    items = list(iter_urls([site.url_for("/rss")], options))
    assert rejected(items) == [Rejected(f"{base}/noticias/chuvas", "HTTP 404 NOT FOUND")]
    assert [a.title for a in articles(items)] == ["Novo hospital"]


# ---------------------------------------------------------------------------- sitemaps


def urlset(*locs: str) -> str:
    entries = "".join(f"<url><loc>{loc}</loc><lastmod>2025-03-12</lastmod></url>" for loc in locs)
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


def test_sitemap_index_to_urlsets_to_pages(site: HTTPServer, options: Options) -> None:
    base = site.url_for("").rstrip("/")
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{base}/sitemap-politica.xml</loc></sitemap>
  <sitemap><loc>{base}/sitemap-esporte.xml.gz</loc></sitemap>
  <sitemap><loc>{base}/sitemap-sumiu.xml</loc></sitemap>
</sitemapindex>"""
    site.expect_request("/sitemap.xml").respond_with_data(index, content_type=XML)
    site.expect_request("/sitemap-politica.xml").respond_with_data(
        urlset(f"{base}/politica/votacao", f"{base}/politica/ministro"), content_type="text/xml"
    )
    site.expect_request("/sitemap-esporte.xml.gz").respond_with_data(
        gzip.compress(urlset(f"{base}/esporte/final", f"{base}/politica/votacao").encode()),
        content_type="application/x-gzip",
    )
    site.expect_request("/sitemap-sumiu.xml").respond_with_data("", status=404)
    for path, title in (
        ("/politica/votacao", "Câmara conclui votação"),
        ("/politica/ministro", "Ministro deixa o cargo"),
        ("/esporte/final", "Time da capital vence a final"),
    ):
        site.expect_request(path).respond_with_data(page(title), content_type="text/html")
    items = list(iter_urls([site.url_for("/sitemap.xml")], options))
    assert rejected(items) == [Rejected(f"{base}/sitemap-sumiu.xml", "HTTP 404 NOT FOUND")]
    # every page once, in sitemap order, although /politica/votacao is listed twice
    assert [a.title for a in articles(items)] == [
        "Câmara conclui votação",
        "Ministro deixa o cargo",
        "Time da capital vence a final",
    ]


def test_google_news_sitemap_metadata_used(site: HTTPServer, options: Options) -> None:
    base = site.url_for("").rstrip("/")
    news = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>{base}/cidades/metro</loc>
    <news:news>
      <news:publication>
        <news:name>Folha do Vale</news:name><news:language>pt</news:language>
      </news:publication>
      <news:publication_date>2025-03-13T07:45:00-03:00</news:publication_date>
      <news:title>Metrô amplia horário de funcionamento</news:title>
    </news:news>
  </url>
</urlset>"""
    site.expect_request("/news-sitemap.xml").respond_with_data(news, content_type=XML)
    site.expect_request("/cidades/metro").respond_with_data(
        bare_page("Metrô amplia horário"), content_type="text/html"
    )
    [article] = list(iter_urls([site.url_for("/news-sitemap.xml")], options))
    assert isinstance(article, Article)
    assert article.outlet == "Folha do Vale"
    assert article.published == "2025-03-13T07:45:00-03:00"
    assert article.language == "pt"


def test_sitemap_with_doctype_refused(site: HTTPServer, options: Options) -> None:
    evil = (
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaa">]>'
        "<urlset><url><loc>&a;</loc></url></urlset>"
    )
    site.expect_request("/evil.xml").respond_with_data(evil, content_type=XML)
    [item] = list(iter_urls([site.url_for("/evil.xml")], options))
    assert isinstance(item, Rejected)
    assert "DOCTYPE or ENTITY declaration is not allowed" in item.reason


def test_warnings_go_to_the_sink(site: HTTPServer, options: Options) -> None:
    site.expect_request("/vazio").respond_with_data(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Vazio</title></channel></rss>",
        content_type=RSS,
    )
    warnings: list[InputWarning] = []
    assert list(iter_urls([site.url_for("/vazio")], options, warnings.append)) == []
    assert warnings == [InputWarning(site.url_for("/vazio"), "the feed has no items")]
