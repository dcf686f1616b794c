"""The front-matter header block: parsed, validated, and kept out of the body."""

from __future__ import annotations

from parallax.ingest.header import is_iso_date, parse_header, published_utc

HEADED = """---
url: https://www.exemplo.com.br/cidades/enchente-123
outlet: Diário do Planalto
published: 2025-03-14T10:30:00-03:00
title: "Enchente isola bairros no interior"
language: pt
---
Menu
Enchente isola bairros no interior
A chuva da madrugada deixou três bairros sem acesso.
"""


def test_header_fields_are_parsed_and_the_body_starts_after_the_fence() -> None:
    header = parse_header(HEADED)
    assert header.url == "https://www.exemplo.com.br/cidades/enchente-123"
    assert header.outlet == "Diário do Planalto"
    assert header.published == "2025-03-14T10:30:00-03:00"
    assert header.title == "Enchente isola bairros no interior"  # quotes around the value dropped
    assert header.language == "pt"
    assert header.warnings == []
    assert HEADED[header.body_start :].startswith("Menu\nEnchente isola")


def test_text_without_a_header_is_all_body() -> None:
    header = parse_header("Enchente isola bairros\nA chuva deixou três bairros sem acesso.\n")
    assert header.body_start == 0
    assert header.outlet is None and header.published is None


def test_bad_values_are_dropped_with_a_warning_and_the_rest_kept() -> None:
    header = parse_header(
        "---\noutlet: Gazeta\npublished: ontem à tarde\nlanguage: português\nurl: gazeta.com\n"
        "author: Ana\n---\nCorpo.\n"
    )
    assert header.outlet == "Gazeta"
    assert header.published is None and header.language is None and header.url is None
    assert header.body_start > 0
    assert any("published 'ontem à tarde' is not an ISO 8601" in w for w in header.warnings)
    assert any("language 'português'" in w for w in header.warnings)
    assert any("url 'gazeta.com' is not an absolute URL" in w for w in header.warnings)
    assert any("unknown header key 'author'" in w for w in header.warnings)


def test_a_markdown_rule_over_prose_is_not_a_header() -> None:
    text = "---\nUma linha de texto comum, sem chave.\n---\nMais texto.\n"
    assert parse_header(text).body_start == 0


def test_an_unclosed_fence_is_not_a_header() -> None:
    assert parse_header("---\noutlet: Gazeta\nCorpo sem fecho.\n").body_start == 0


def test_repeated_key_keeps_the_first_value() -> None:
    header = parse_header("---\noutlet: Primeiro\noutlet: Segundo\n---\nCorpo.\n")
    assert header.outlet == "Primeiro"
    assert header.warnings == ["header key 'outlet' given twice; the first value is kept"]


def test_iso_dates_and_datetimes_are_accepted_other_text_is_not() -> None:
    for good in ("2025-03-14", "2025-03-14T10:30:00-03:00", "2025-03-14T13:30Z", "2025-03-14 10:30:00"):
        assert is_iso_date(good), good
    for bad in ("14/03/2025", "ontem", "2025-13-01", "2025-03-14T25:00:00", "March 14, 2025"):
        assert not is_iso_date(bad), bad


def test_published_utc_converts_offsets_and_keeps_dates() -> None:
    assert published_utc("2025-03-14T22:30:00-03:00") == "2025-03-15T01:30:00Z"
    assert published_utc("2025-03-14T10:30:00+01:00") == "2025-03-14T09:30:00Z"
    assert published_utc("2025-03-14T10:30:00Z") == "2025-03-14T10:30:00Z"
    assert published_utc("2025-03-14") == "2025-03-14"
    assert published_utc(None) is None
    assert published_utc("ontem") is None
