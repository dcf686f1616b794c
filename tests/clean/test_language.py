"""Language identification over the kept body lines."""

from __future__ import annotations

from parallax.clean.chrome import clean_article
from parallax.clean.language import classify_line, detect_language, dominant_language
from parallax.model import Article, RemovedLine, Source, Span
from parallax.options import Options


def article(text: str) -> Article:
    return Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t")


def test_detects_each_supported_language() -> None:
    options = Options(workspace=None)
    assert (
        detect_language(article("O governo anunciou nesta quarta-feira um novo pacote de obras."), options)
        == "pt"
    )
    assert (
        detect_language(
            article("The government announced a new infrastructure package on Wednesday."), options
        )
        == "en"
    )
    assert (
        detect_language(article("El gobierno anunció este miércoles un nuevo paquete de obras."), options)
        == "es"
    )


def test_empty_body_has_no_language() -> None:
    assert detect_language(article(""), Options(workspace=None)) is None
    assert detect_language(article("\n  \n"), Options(workspace=None)) is None


def test_removed_lines_do_not_vote() -> None:
    text = "Breaking news from the wire service about the storm in the north\nChuva forte atinge o Sul."
    removed = [RemovedLine(text.splitlines()[0], "social_embed", Span(0, len(text.splitlines()[0])))]
    a = article(text)
    a.removed = removed
    assert detect_language(a, Options(workspace=None)) == "pt"


def test_long_lines_outvote_short_foreign_chrome() -> None:
    lines = [
        "Share",
        "Menu",
        "Login",
        "O Banco Central manteve a taxa básica de juros em 14,25% ao ano nesta quarta-feira.",
    ]
    assert dominant_language(lines, ("pt", "en", "es")) == "pt"


def test_restricted_to_the_configured_languages() -> None:
    assert classify_line("Der Bundestag hat heute das Gesetz beschlossen.", ("pt", "es"))[0] in {"pt", "es"}
    assert detect_language(article("Um texto qualquer."), Options(workspace=None, languages=("es",))) == "es"


def test_embedded_english_post_does_not_change_a_portuguese_article() -> None:
    text = "\n".join(
        [
            "Presidente recebe premiê do Canadá",
            "O presidente recebeu o primeiro-ministro do Canadá no Palácio do Planalto nesta sexta-feira.",
            "Great meeting with the President of Brazil. We will deepen our ties. pic.twitter.com/Ab12Cd34Ef",
            "— Prime Minister's Office (@pmo_example) February 21, 2025",
        ]
    )
    options = Options(workspace=None)
    assert detect_language(clean_article(article(text), options), options) == "pt"
