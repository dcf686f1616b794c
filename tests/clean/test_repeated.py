"""Lines an outlet repeats across its articles, and lines removed before cleaning (HTML boilerplate)."""

from __future__ import annotations

from parallax.clean.chrome import clean_article
from parallax.clean.repeated import (
    find_repeated_lines,
    line_key,
    outlet_key,
    repeated_for,
)
from parallax.model import Article, Batch, RemovedLine, Source, Span
from parallax.options import Options
from parallax.pipeline import run

OPTIONS = Options(workspace=None)

PROMO = "Clube Gazeta: descontos em cinemas e livrarias para quem assina"
BACKGROUND = (
    "A barragem, construída em 1978, abastece cerca de 300 mil moradores da região metropolitana "
    "e passou por uma reforma em 2019."
)
QUOTE = "“Não vamos deixar ninguém sem atendimento”, disse o prefeito."

STORIES = [
    (
        "Chuva forte alaga ruas do centro de Jundiaí",
        "A chuva que caiu na tarde de terça-feira alagou ao menos doze ruas do centro da cidade.",
    ),
    (
        "Prefeitura anuncia obras contra enchentes em Jundiaí",
        "A prefeitura anunciou nesta quarta-feira um pacote de obras de drenagem de R$ 40 milhões.",
    ),
    (
        "Nível da represa sobe após temporal no interior",
        "O nível da represa subiu quatro pontos percentuais em dois dias, segundo a companhia de águas.",
    ),
    (
        "Defesa Civil mantém alerta para novas chuvas na região",
        "A Defesa Civil manteve o alerta para chuvas fortes até sexta-feira em sete municípios.",
    ),
]


def page(
    n: int,
    *,
    outlet: str | None = "Gazeta do Vale",
    url: str | None = None,
    extra: tuple[str, ...] = (PROMO,),
) -> Article:
    title, lead = STORIES[n]
    text = "\n".join([title, lead, *extra, "Ela segue em observação pelos técnicos da companhia.", ""])
    return Article(
        id=f"a{n}",
        source=Source(path=f"p{n}.txt", url=url),
        text=text,
        content_hash=f"h{n}",
        outlet=outlet,
    )


def removed(article: Article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in article.removed]


def test_line_key_ignores_case_accents_invisible_characters_and_edge_punctuation() -> None:
    assert line_key("  Assine  JÁ\u200b! ") == line_key("assine já") == "assine ja"
    assert line_key("Publicidade\u00a0»") == "publicidade"


def test_outlet_key_is_the_outlet_else_the_host() -> None:
    assert outlet_key(page(0, outlet="Gazeta do Vale")) == "outlet:gazeta do vale"
    assert outlet_key(page(0, outlet=None, url="https://www.gazeta.example/a/1")) == "host:gazeta.example"
    assert outlet_key(page(0, outlet=None)) is None


def test_a_line_in_three_articles_of_one_outlet_is_repeated() -> None:
    articles = [page(0), page(1), page(2, extra=()), page(3)]
    found = find_repeated_lines(articles)
    assert found == {
        "outlet:gazeta do vale": frozenset(
            {line_key(PROMO), line_key("Ela segue em observação pelos técnicos da companhia.")}
        )
    }
    assert find_repeated_lines(articles, min_articles=4) == {
        "outlet:gazeta do vale": frozenset({line_key("Ela segue em observação pelos técnicos da companhia.")})
    }


def test_two_articles_are_not_enough_by_default_and_outlets_are_apart() -> None:
    articles = [page(0), page(1), page(2, outlet="Outro Jornal"), page(3, outlet="Outro Jornal")]
    assert find_repeated_lines(articles) == {}
    by_two = find_repeated_lines(articles, min_articles=2)
    assert set(by_two) == {"outlet:gazeta do vale", "outlet:outro jornal"}


def test_versions_of_one_url_and_exact_duplicates_count_once() -> None:
    url = "https://gazeta.example/chuva"
    versions = [page(0, url=url), page(1, url=url), page(2, url=url)]
    assert find_repeated_lines(versions) == {}
    same = page(0)
    copies = [same, Article(**{**_fields(same), "id": "b"}), Article(**{**_fields(same), "id": "c"})]
    assert find_repeated_lines(copies) == {}


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in Article.__dataclass_fields__}


def test_an_articles_own_title_is_never_counted() -> None:
    articles = [page(n) for n in range(3)]
    for article in articles:
        article.title = PROMO
    assert line_key(PROMO) not in find_repeated_lines(articles).get("outlet:gazeta do vale", frozenset())


def test_clean_removes_a_repeated_line_no_lexicon_knows() -> None:
    article = page(0)
    assert removed(clean_article(article, OPTIONS)) == []
    cleaned = clean_article(article, OPTIONS, repeated=frozenset({line_key(PROMO)}))
    assert removed(cleaned) == [(PROMO, "boilerplate")]
    assert cleaned.title == STORIES[0][0]


def test_repetition_spares_the_headline_quotes_and_prose() -> None:
    article = page(0, extra=(QUOTE, BACKGROUND, PROMO))
    article.title = STORIES[0][0]
    keys = frozenset(line_key(t) for t in (STORIES[0][0], QUOTE, BACKGROUND, PROMO))
    cleaned = clean_article(article, OPTIONS, repeated=keys)
    assert removed(cleaned) == [(PROMO, "boilerplate")]
    assert cleaned.title_span is not None and cleaned.at(cleaned.title_span) == STORIES[0][0]


def test_a_repeated_line_beside_chrome_takes_its_reason() -> None:
    promo = "Classificados Gazeta: anuncie seu imóvel"
    article = page(0, extra=("Publicidade", promo))
    assert removed(clean_article(article, OPTIONS)) == [("Publicidade", "advert")]
    cleaned = clean_article(article, OPTIONS, repeated=frozenset({line_key(promo)}))
    assert removed(cleaned) == [("Publicidade", "advert"), (promo, "advert")]


def test_the_stage_finds_the_repeated_lines_over_the_whole_batch() -> None:
    articles = [page(n) for n in range(4)]
    table = find_repeated_lines(articles)
    assert repeated_for(articles[0], table) >= {line_key(PROMO)}
    assert repeated_for(articles[0], {}) == frozenset()
    for jobs in (1, 2):  # in-process, and in a pool where each worker sees part of the batch
        batch = run(Batch(articles=articles), OPTIONS.replace(pipeline=("clean",), jobs=jobs))
        assert all((PROMO, "boilerplate") in removed(a) for a in batch.articles)
    alone = run(Batch(articles=articles[:1]), OPTIONS.replace(pipeline=("clean",)))
    assert removed(alone.articles[0]) == [], "one article alone shows no repetition"


def test_lines_removed_before_cleaning_stay_and_are_not_recorded_twice() -> None:
    text = "Menu principal\nGazeta Shopping\nChuva forte alaga ruas do centro de Jundiaí\n" + (
        "A chuva que caiu na tarde de terça-feira alagou ao menos doze ruas do centro.\nPublicidade\n"
    )
    shopping = text.index("Gazeta Shopping")
    menu = RemovedLine("Menu principal", "html_boilerplate", Span(0, len("Menu principal")))
    shop_span = Span(shopping, shopping + len("Gazeta Shopping"))
    shop = RemovedLine("Gazeta Shopping", "html_boilerplate", shop_span)
    article = Article(
        id="h",
        source=Source(path="p.html"),
        text=text,
        content_hash="h",
        title="Chuva alaga o centro de Jundiaí",
        removed=[shop, menu],
    )
    cleaned = clean_article(article, OPTIONS)
    assert removed(cleaned) == [
        ("Menu principal", "navigation"),  # the generic HTML reason gives way to the line's own
        ("Gazeta Shopping", "html_boilerplate"),
        ("Publicidade", "advert"),
    ]
    assert cleaned.title == "Chuva alaga o centro de Jundiaí"  # the title from ingest is kept
    assert all(cleaned.at(r.span) == r.text for r in cleaned.removed)


def test_a_removed_span_covering_part_of_a_line_keeps_the_whole_line_out_of_the_new_removals() -> None:
    text = "Chuva forte alaga ruas do centro de Jundiaí\nCompartilhe no WhatsApp\nA chuva alagou doze ruas.\n"
    start = text.index("Compartilhe")
    partial = RemovedLine("Compartilhe", "html_boilerplate", Span(start, start + len("Compartilhe")))
    article = Article(id="h", source=Source(path="p.html"), text=text, content_hash="h", removed=[partial])
    cleaned = clean_article(article, OPTIONS)
    assert removed(cleaned) == [("Compartilhe", "html_boilerplate")]
    assert cleaned.title == "Chuva forte alaga ruas do centro de Jundiaí"


def test_the_generic_html_reason_gives_way_to_what_the_line_says() -> None:
    text = "Chuva forte alaga ruas do centro de Jundiaí\nCompartilhe no WhatsApp\nA chuva alagou doze ruas.\n"
    start = text.index("Compartilhe")
    line = "Compartilhe no WhatsApp"
    preset = RemovedLine(line, "html_boilerplate", Span(start, start + len(line)))
    article = Article(id="h", source=Source(path="p.html"), text=text, content_hash="h", removed=[preset])
    cleaned = clean_article(article, OPTIONS)
    assert removed(cleaned) == [(line, "share_prompt")]
    assert [r.span for r in cleaned.removed] == [preset.span]
