"""Inputs that break naive regular expressions or line handling must still give exact results."""

from __future__ import annotations

from parallax.clean.chrome import clean_article
from parallax.clean.credits import find_credits
from parallax.model import Article, Source, Span
from parallax.options import Options

OPTIONS = Options(workspace=None)


def article(text: str, body: Span | None = None, title: str | None = None) -> Article:
    return Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t", body=body, title=title)


def test_a_long_line_without_spaces_is_kept_as_is() -> None:
    blob = "x" * 20_000
    text = f"Título da reportagem sobre o caso\n{blob}\nO caso segue em investigação pela polícia civil."
    cleaned = clean_article(article(text), OPTIONS)
    assert [t for _, t in cleaned.kept_lines()][1] == blob
    assert find_credits(cleaned) == []


def test_a_line_of_many_repeated_tokens() -> None:
    noise = "ab " * 5_000
    text = f"Título da reportagem sobre o caso\n{noise}\nPor Maria Silva, da Reuters\nPublicidade"
    cleaned = clean_article(article(text), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed][-2:] == [
        ("Por Maria Silva, da Reuters", "byline"),
        ("Publicidade", "advert"),
    ]
    assert [(c.agency, c.kind) for c in find_credits(cleaned)] == [("Reuters", "byline")]


def test_a_long_run_of_dashes_and_parentheses() -> None:
    text = "Título da reportagem sobre o caso\n" + "(" * 3_000 + "—" * 3_000 + "\n" + "a(Reuters)" * 2_000
    cleaned = clean_article(article(text), OPTIONS)
    assert all(cleaned.at(r.span) == r.text for r in cleaned.removed)
    assert all(c.span is not None and cleaned.at(c.span) == c.text for c in find_credits(cleaned))


def test_body_span_excludes_the_header_and_title_comes_from_it() -> None:
    header = "---\ntitle: Chuva deixa 3 mortos em Recife\noutlet: Diário do Recife\n---\n"
    body = (
        "Diário do Recife\nMenu\nChuva deixa 3 mortos em Recife\n"
        "A chuva forte atingiu a cidade na madrugada de domingo.\n"
    )
    text = header + body
    cleaned = clean_article(
        article(text, body=Span(len(header), len(text)), title="Chuva deixa 3 mortos em Recife"), OPTIONS
    )
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Diário do Recife", "navigation"),
        ("Menu", "navigation"),
    ]
    assert cleaned.title == "Chuva deixa 3 mortos em Recife"
    assert (
        cleaned.title_span is not None and cleaned.at(cleaned.title_span) == "Chuva deixa 3 mortos em Recife"
    )


def test_header_title_not_printed_in_the_body() -> None:
    text = "Menu\nA chuva forte atingiu a cidade na madrugada de domingo e deixou três mortos.\n"
    cleaned = clean_article(article(text, title="Chuva deixa 3 mortos"), OPTIONS)
    assert cleaned.title == "Chuva deixa 3 mortos" and cleaned.title_span is None
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Menu", "navigation")]


def test_windows_line_endings_and_indentation() -> None:
    text = (
        "Menu\r\n  Chuva deixa 3 mortos em Recife  \r\n"
        "\tA chuva forte atingiu a cidade na madrugada.\r\nPublicidade\r\n"
    )
    cleaned = clean_article(article(text), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Menu", "navigation"),
        ("Publicidade", "advert"),
    ]
    assert cleaned.title == "Chuva deixa 3 mortos em Recife"
    assert cleaned.title_span is not None and cleaned.at(cleaned.title_span) == cleaned.title


def test_empty_and_blank_articles() -> None:
    for text in ("", "\n\n   \n"):
        cleaned = clean_article(article(text), OPTIONS)
        assert cleaned.removed == [] and cleaned.title is None and find_credits(cleaned) == []


def test_no_headline_shaped_line_means_no_title() -> None:
    text = (
        "O governo anunciou nesta quarta-feira um pacote de obras. O valor chega a R$ 20 bilhões, segundo o "
        "ministério, e inclui rodovias e ferrovias.\n"
    )
    cleaned = clean_article(article(text), OPTIONS)
    assert cleaned.title is None and cleaned.title_span is None and cleaned.removed == []


def test_the_input_article_is_not_mutated() -> None:
    original = article("Menu\nChuva deixa 3 mortos em Recife\nA chuva atingiu a cidade.\n")
    clean_article(original, OPTIONS)
    assert original.removed == [] and original.title is None


def test_pathological_runs_of_digits_dashes_and_handles() -> None:
    lines = [
        "1" * 40 + "x",
        "—" * 20_000 + "a",
        "23.fev.2025 " * 3_000,
        "@Reuters " * 3_000,
        "Siga-nos no x " * 3_000,
    ]
    text = "Título da reportagem sobre o caso\n" + "\n".join(lines) + "\nPublicidade\n"
    cleaned = clean_article(article(text), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Publicidade", "advert")]
    assert find_credits(cleaned) == []


def test_header_title_differs_from_the_printed_headline() -> None:
    text = (
        "Menu\nEconomia\nChuva deixa três mortos e 200 desalojados no Recife\n"
        "Defesa Civil mantém alerta para novos deslizamentos\n"
        "A chuva forte atingiu a cidade na madrugada de domingo e deixou três mortos.\n"
    )
    cleaned = clean_article(article(text, title="Chuva deixa 3 mortos no Recife"), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Menu", "navigation"),
        ("Economia", "navigation"),
    ]
    assert cleaned.title == "Chuva deixa 3 mortos no Recife" and cleaned.title_span is None


def test_printed_headline_with_a_site_suffix_matches_the_header_title() -> None:
    text = (
        "Chuva deixa três mortos no Recife | Diário do Recife\nA chuva forte atingiu a cidade no domingo.\n"
    )
    cleaned = clean_article(article(text, title="Chuva deixa três mortos no Recife"), OPTIONS)
    assert cleaned.title_span is not None
    assert cleaned.at(cleaned.title_span) == "Chuva deixa três mortos no Recife | Diário do Recife"


def _spans_exact(cleaned: Article) -> bool:
    return all(cleaned.at(r.span) == r.text for r in cleaned.removed) and (
        cleaned.title_span is None or cleaned.at(cleaned.title_span) == cleaned.title
    )


def test_a_page_of_only_blank_lines() -> None:
    cleaned = clean_article(article("\n" * 2_000 + " \t \n" * 500), OPTIONS)
    assert cleaned.removed == [] and cleaned.title is None and find_credits(cleaned) == []


def test_a_page_of_five_thousand_lines() -> None:
    body = [
        f"Parágrafo {i}: a prefeitura informou que a obra número {i} segue no prazo." for i in range(5_000)
    ]
    lines = ["Menu", "Obras da prefeitura avançam em todos os bairros da cidade", *body, "Publicidade"]
    cleaned = clean_article(article("\n".join(lines)), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Menu", "navigation"),
        ("Publicidade", "advert"),
    ]
    assert cleaned.title == "Obras da prefeitura avançam em todos os bairros da cidade"
    assert _spans_exact(cleaned)


def test_a_line_of_a_hundred_thousand_characters() -> None:
    words = ("a prefeitura informou (Reuters) que segundo a agência Lusa — " * 2_000)[:100_000]
    text = f"Obras da prefeitura avançam em todos os bairros\n{words}\nCompartilhe\n"
    cleaned = clean_article(article(text), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Compartilhe", "share_prompt")]
    assert all(c.span is not None and cleaned.at(c.span) == c.text for c in find_credits(cleaned))


def test_a_page_in_capitals_with_emoji() -> None:
    text = (
        "MENU\n🔴 URGENTE: TEMPORAL DEIXA CIDADES SEM ENERGIA NO INTERIOR 🔴\n"
        "POR CARLA MENDES, DA REUTERS\n"
        "UM TEMPORAL COM VENTOS FORTES DEIXOU 40 MIL IMÓVEIS SEM ENERGIA NESTA QUARTA-FEIRA ⚡🌧️.\n"
        "👉 LEIA TAMBÉM\n"
        "📲 RECEBA AS NOTÍCIAS NO WHATSAPP\n"
    )
    cleaned = clean_article(article(text), OPTIONS)
    assert dict((r.text, r.reason) for r in cleaned.removed) == {
        "MENU": "navigation",
        "POR CARLA MENDES, DA REUTERS": "byline",
        "👉 LEIA TAMBÉM": "teaser",
        "📲 RECEBA AS NOTÍCIAS NO WHATSAPP": "newsletter_prompt",
    }
    assert _spans_exact(cleaned)


def test_text_as_decoded_by_ingest_nbsp_zero_width_tabs_and_crlf() -> None:
    text = (
        "\ufeffMenu\r\n"
        "\tEnchente\u00a0atinge bairros de Porto Alegre após chuva recorde\u00a0\r\n"
        "Compar\u200btilhe\r\n"
        "\u00a0\u00a0A chuva da madrugada deixou dezenas de ruas alagadas, segundo a Defesa\u00a0Civil.\r\n"
        "\u200b\r\n"
        "Publi\u00adcidade\t\r\n"
        "LISBOA\u00a0(Lusa)\u00a0- O Governo aprovou hoje o orçamento.\r\n"
    )
    cleaned = clean_article(article(text), OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("\ufeffMenu", "navigation"),
        ("Compar\u200btilhe", "share_prompt"),
        ("\u200b", "navigation"),
        ("Publi\u00adcidade", "advert"),
    ]
    assert cleaned.title == "Enchente\u00a0atinge bairros de Porto Alegre após chuva recorde"
    assert _spans_exact(cleaned)
    found = find_credits(cleaned)
    assert [(c.agency, c.kind, c.text) for c in found] == [("Lusa", "dateline", "LISBOA\u00a0(Lusa)\u00a0-")]
    assert all(c.span is not None and cleaned.at(c.span) == c.text for c in found)
