"""The shared folds: which one keeps offsets, which one is a comparison key."""

from __future__ import annotations

import pytest

from parallax.text import collapse_spaces, fold, fold_chars, name_key, squash, squash_chars, strip_accents


def test_fold_is_a_compatibility_key() -> None:
    assert fold("Petrópolis") == "petropolis"
    assert fold("CAMIÃO") == "camiao"
    assert fold("Straße") == "strasse"
    assert fold("nº 5") == "no 5"  # the ordinal indicator decomposes to a letter
    assert fold("ﬁm…") == "fim..."


def test_squash_and_name_key() -> None:
    assert squash("  São \n  Paulo ") == "sao paulo"
    assert squash("Aguiar-Branco") == "aguiar-branco"
    assert name_key("EE.UU.") == name_key("EEUU") == "eeuu"
    assert name_key("Aguiar-Branco") == name_key("Aguiar – Branco") == "aguiar branco"
    assert name_key("  São   Paulo ") == "sao paulo"
    assert name_key("D’Ávila") == name_key("D'Avila") == "davila"


def test_collapse_spaces() -> None:
    assert collapse_spaces("\t a  b\n c ") == "a b c"


@pytest.mark.parametrize("text", ["Ação nº 5 — “Não”", "Straße ﬁm…", "ÇÃO\u00a0x", "plain ascii"])
def test_char_folds_keep_every_offset(text: str) -> None:
    assert len(fold_chars(text)) == len(text)
    assert len(strip_accents(text)) == len(text)


def test_char_folds() -> None:
    assert fold_chars("Ação nº 5") == "acao nº 5"  # "º" stays: one character in, one out
    assert fold_chars("Straße") == "straße"
    assert strip_accents("Ação, São Paulo") == "Acao, Sao Paulo"
    assert squash_chars("  Leia  TAMBÉM ") == "leia tambem"
