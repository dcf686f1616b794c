"""Bytes → text: encodings, mojibake repair that spares typography, binary and oversized input."""

from __future__ import annotations

import io

import pytest

from parallax.ingest.decode import InputError, bytes_to_text, decode_bytes, read_capped, repair

TYPOGRAPHY = "“Vamos reconstruir”, disse ela — «já» – ‘sim’… ﬁm"


def test_utf8_with_bom_loses_the_bom_and_keeps_typography() -> None:
    data = b"\xef\xbb\xbf" + TYPOGRAPHY.encode("utf-8")
    assert bytes_to_text(data) == TYPOGRAPHY


def test_latin1_portuguese_is_decoded_not_rejected() -> None:
    text = "A reunião em São Paulo discutiu a ação da prefeitura após o temporal.\n"
    assert bytes_to_text(text.encode("latin-1")) == text


def test_cp1252_curly_quotes_and_dashes_come_out_right() -> None:
    text = "O governador afirmou: “Não há risco” – e pediu calma à população de São Paulo.\n"
    assert bytes_to_text(text.encode("cp1252")) == text


def test_short_cp1252_text_is_not_mistaken_for_another_code_page() -> None:
    # charset-normalizer alone reads these bytes as cp1250 ("Săo") or Big5.
    assert bytes_to_text("A ação".encode("cp1252")) == "A ação"
    assert bytes_to_text("São Paulo".encode("latin-1")) == "São Paulo"


def test_mojibake_in_utf8_is_repaired() -> None:
    broken = "SÃ£o Paulo: a aÃ§Ã£o comeÃ§ou Ã s 10h."
    assert bytes_to_text(broken.encode("utf-8")) == "São Paulo: a ação começou às 10h."


def test_double_encoded_curly_quotes_are_repaired_to_curly_quotes() -> None:
    broken = "â€œSÃ£o Pauloâ€\x9d, disse ele."
    assert bytes_to_text(broken.encode("utf-8")) == "“São Paulo”, disse ele."


def test_repair_leaves_typography_html_entities_and_full_width_forms_alone() -> None:
    text = "«Cidade» “limpa” ‘já’ – 10 — fim… ﬁ AT&amp;T ＡＢＣ"
    assert repair(text) == text


def test_text_is_composed_to_nfc() -> None:
    decomposed = "Sa\u0303o Paulo, ac\u0327a\u0303o"
    assert bytes_to_text(decomposed.encode("utf-8")) == "São Paulo, ação"


def test_windows_line_endings_become_newlines() -> None:
    assert bytes_to_text(b"Linha um\r\nLinha dois\r\n") == "Linha um\nLinha dois\n"


def test_utf16_with_bom_is_read() -> None:
    text = "Ação em São Paulo\n"
    assert bytes_to_text(text.encode("utf-16")) == text


def test_cyrillic_code_page_is_left_to_charset_detection() -> None:
    text = "Сегодня в Москве прошла большая встреча министров."
    decoded, encoding = decode_bytes(text.encode("cp1251"))
    assert decoded == text
    assert encoding == "cp1251"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match=r"binary file \(contains NUL bytes\)"):
        bytes_to_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_many_control_characters_mean_binary() -> None:
    with pytest.raises(InputError, match=r"binary file \(\d+% control characters\)"):
        bytes_to_text(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"texto")


def test_bytes_no_encoding_fits_are_undecodable() -> None:
    with pytest.raises(InputError, match="undecodable bytes"):
        bytes_to_text(bytes(range(0x80, 0x100)) * 10)


def test_empty_and_whitespace_only_inputs_are_rejected() -> None:
    with pytest.raises(InputError, match="empty file"):
        bytes_to_text(b"")
    with pytest.raises(InputError, match="only whitespace"):
        bytes_to_text(b" \n\t\r\n  \n")


def test_read_capped_stops_one_byte_past_the_limit() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    data = read_capped(stream, 100)
    assert len(data) == 101
    assert stream.tell() == 101


def test_read_capped_reads_a_short_stream_whole() -> None:
    assert read_capped(io.BytesIO(b"curto"), 100) == b"curto"
