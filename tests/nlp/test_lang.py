"""Loading per-language extraction resources and generating regular verb forms."""

from __future__ import annotations

from parallax.nlp.lang import conjugate, language_code, resources


def test_unsupported_or_missing_language_falls_back_to_portuguese() -> None:
    assert language_code("es") == "es"
    assert language_code("fr") == language_code(None) == "pt"
    assert resources("fr", "speech").__name__ == "parallax.nlp.lang.pt.speech"
    assert resources("en", "numbers").__name__ == "parallax.nlp.lang.en.numbers"


def test_conjugate_takes_the_first_matching_ending() -> None:
    endings = {"uir": ("uiu", "uindo"), "ar": ("ou",), "ir": ("iu",)}
    assert conjugate(["concluir", "afirmar", "admitir", "ser"], endings) == {
        "concluiu",
        "concluindo",
        "afirmou",
        "admitiu",
    }
