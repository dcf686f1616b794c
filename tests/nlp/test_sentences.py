"""Sentence splitting: line-aware, abbreviation-aware, quotation-aware, datelines apart."""

from __future__ import annotations

import pytest
from nlp_builders import make_article

from parallax.model import RemovedLine, Span
from parallax.nlp.sentences import find_dateline, pair_quotation_marks, split_line, split_sentences


def sentences_of(text: str, language: str = "pt", *, title: bool = False) -> list[str]:
    article = make_article(text, language, title=title, split=False)
    out = split_sentences(article)
    for s in out:
        assert article.text[s.span.start : s.span.end] == s.text
        assert s.text == s.text.strip()
    assert [s.id for s in out] == [f"s{i}" for i in range(1, len(out) + 1)]
    return [s.text for s in out]


CASES: list[tuple[str, str, list[str]]] = [
    # pt-BR basics and quotations kept whole
    (
        "pt",
        "O incêndio começou às 2h. Os bombeiros chegaram logo depois.",
        ["O incêndio começou às 2h.", "Os bombeiros chegaram logo depois."],
    ),
    (
        "pt",
        "“Foi uma tragédia. Vamos investigar”, disse o prefeito. A cidade decretou luto.",
        ["“Foi uma tragédia. Vamos investigar”, disse o prefeito.", "A cidade decretou luto."],
    ),
    (
        "pt",
        "O prefeito afirmou: “Vamos reconstruir. Ninguém ficará sem casa.” Depois saiu.",
        ["O prefeito afirmou: “Vamos reconstruir. Ninguém ficará sem casa.”", "Depois saiu."],
    ),
    (
        "pt",
        "Ele disse: “Basta!” E foi embora.",
        ["Ele disse: “Basta!”", "E foi embora."],
    ),
    # titles and honorifics
    (
        "pt",
        "O Sr. Silva e a Sra. Souza chegaram. O Dr. Lima e a Dra. Reis também.",
        ["O Sr. Silva e a Sra. Souza chegaram.", "O Dr. Lima e a Dra. Reis também."],
    ),
    ("pt", "A aula do Prof. Almeida foi cancelada.", ["A aula do Prof. Almeida foi cancelada."]),
    ("pt", "A missa na igreja de Sto. Antônio lotou.", ["A missa na igreja de Sto. Antônio lotou."]),
    # references
    (
        "pt",
        "O art. 5º da Constituição está na pág. 12, nº 3, fig. 2. O texto é claro.",
        ["O art. 5º da Constituição está na pág. 12, nº 3, fig. 2.", "O texto é claro."],
    ),
    (
        "pt",
        "A loja fica na Av. Paulista, perto da R. Augusta.",
        ["A loja fica na Av. Paulista, perto da R. Augusta."],
    ),
    # company suffixes: end a sentence only before a sentence opener
    (
        "pt",
        "A Petrobras S.A. informou lucro recorde. A Vale S.A. O resultado surpreendeu.",
        ["A Petrobras S.A. informou lucro recorde.", "A Vale S.A.", "O resultado surpreendeu."],
    ),
    (
        "pt",
        "A Construtora Alfa Ltda. Segundo a polícia, a obra estava irregular.",
        ["A Construtora Alfa Ltda.", "Segundo a polícia, a obra estava irregular."],
    ),
    ("pt", "A Construtora Alfa Ltda. venceu a licitação.", ["A Construtora Alfa Ltda. venceu a licitação."]),
    # initials
    (
        "en",
        "J. K. Rowling wrote a new book. It sold well.",
        ["J. K. Rowling wrote a new book.", "It sold well."],
    ),
    (
        "pt",
        "Juscelino K. de Oliveira fundou Brasília. Foi em 1960.",
        ["Juscelino K. de Oliveira fundou Brasília.", "Foi em 1960."],
    ),
    ("pt", "Foi o Plano B. O governo recuou.", ["Foi o Plano B.", "O governo recuou."]),
    # numbers
    (
        "pt",
        "A Selic subiu para 14,25%. O custo foi de R$ 2.500,00 por família.",
        ["A Selic subiu para 14,25%.", "O custo foi de R$ 2.500,00 por família."],
    ),
    (
        "en",
        "The fund raised 3.5 million dollars. Investors cheered.",
        ["The fund raised 3.5 million dollars.", "Investors cheered."],
    ),
    ("pt", "1. Primeiro item da lista. Segundo item.", ["1. Primeiro item da lista.", "Segundo item."]),
    # English abbreviations
    (
        "en",
        "Mr. Smith met Gen. Brown in Washington. U.S. officials said little. "
        "They left the U.S. The talks ended.",
        [
            "Mr. Smith met Gen. Brown in Washington.",
            "U.S. officials said little.",
            "They left the U.S.",
            "The talks ended.",
        ],
    ),
    # Spanish
    (
        "es",
        "El Sr. Pérez viajó a EE.UU. para la cumbre. La Dra. Gómez lo acompañó.",
        ["El Sr. Pérez viajó a EE.UU. para la cumbre.", "La Dra. Gómez lo acompañó."],
    ),
    (
        "es",
        "«Es un día histórico. Lo celebramos», dijo Sánchez. Luego se fue.",
        ["«Es un día histórico. Lo celebramos», dijo Sánchez.", "Luego se fue."],
    ),
    # question, exclamation, ellipsis
    ("pt", "Quem vai pagar? Ninguém sabe! Vamos ver.", ["Quem vai pagar?", "Ninguém sabe!", "Vamos ver."]),
    (
        "pt",
        "Ele hesitou... e depois falou. Silêncio... Ninguém respondeu.",
        ["Ele hesitou... e depois falou.", "Silêncio...", "Ninguém respondeu."],
    ),
    # English straight quotes and apostrophes
    (
        "en",
        'He said "We will win. We must." Then he left.',
        ['He said "We will win. We must."', "Then he left."],
    ),
    (
        "en",
        "O'Neill said it's fine. The club's fans agreed.",
        ["O'Neill said it's fine.", "The club's fans agreed."],
    ),
    # an opening mark without partner in the line does not block splitting
    (
        "pt",
        "“Vamos reconstruir tudo. Ninguém ficará sem casa.",
        ["“Vamos reconstruir tudo.", "Ninguém ficará sem casa."],
    ),
    # brackets after the period
    ("pt", "(Veja o gráfico.) O índice subiu.", ["(Veja o gráfico.)", "O índice subiu."]),
    # all capitals and emoji
    ("pt", "LULA DISSE QUE SIM. O MINISTRO NEGOU.", ["LULA DISSE QUE SIM.", "O MINISTRO NEGOU."]),
    (
        "pt",
        "A festa foi linda 🎉. Todos dançaram 💃 até tarde.",
        ["A festa foi linda 🎉.", "Todos dançaram 💃 até tarde."],
    ),
    # lower case after a period: not a new sentence
    ("pt", "O voo sai às 10 a.m. e chega à tarde.", ["O voo sai às 10 a.m. e chega à tarde."]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_split_cases(language: str, text: str, expected: list[str]) -> None:
    assert sentences_of(text, language) == expected


def test_lines_are_never_joined_and_title_is_skipped() -> None:
    text = "Incêndio em boate deixa mortos\nO fogo começou às 2h\nOs bombeiros chegaram. A polícia também"
    assert sentences_of(text, title=True) == [
        "O fogo começou às 2h",
        "Os bombeiros chegaram.",
        "A polícia também",
    ]


def test_removed_lines_are_not_sentences() -> None:
    text = "Compartilhe\nO fogo começou às 2h.\nLeia também: outra notícia\nA polícia investiga."
    article = make_article(text, split=False)
    share = Span(0, len("Compartilhe"))
    teaser_start = text.index("Leia")
    teaser = Span(teaser_start, teaser_start + len("Leia também: outra notícia"))
    article.removed = [
        RemovedLine("Compartilhe", "share_prompt", share),
        RemovedLine(article.at(teaser), "teaser", teaser),
    ]
    assert [s.text for s in split_sentences(article)] == ["O fogo começou às 2h.", "A polícia investiga."]


def test_crlf_lines_and_offsets() -> None:
    text = "Primeira frase.  Segunda frase.\r\n\r\n  Terceira linha.\r\n"
    article = make_article(text, split=False)
    got = split_sentences(article)
    assert [s.text for s in got] == ["Primeira frase.", "Segunda frase.", "Terceira linha."]
    assert got[2].span == Span(text.index("Terceira"), text.index("Terceira") + len("Terceira linha."))


@pytest.mark.parametrize(
    ("language", "line", "dateline", "rest"),
    [
        (
            "pt",
            "BRASÍLIA, 12 de março (Reuters) – O presidente sancionou a lei.",
            "BRASÍLIA, 12 de março (Reuters) –",
            "O presidente sancionou a lei.",
        ),
        (
            "pt",
            "Lisboa, 11 mar (Lusa) – O Governo caiu. A oposição celebrou.",
            "Lisboa, 11 mar (Lusa) –",
            "O Governo caiu.",
        ),
        (
            "es",
            "Río de Janeiro, 6 jul (EFE).- El presidente abrió la cumbre.",
            "Río de Janeiro, 6 jul (EFE).-",
            "El presidente abrió la cumbre.",
        ),
        ("pt", "SÃO PAULO — A bolsa fechou em alta.", "SÃO PAULO —", "A bolsa fechou em alta."),
        (
            "en",
            "RIO DE JANEIRO, July 6 (Reuters) - Leaders met on Sunday.",
            "RIO DE JANEIRO, July 6 (Reuters) -",
            "Leaders met on Sunday.",
        ),
    ],
)
def test_dateline_is_its_own_sentence(language: str, line: str, dateline: str, rest: str) -> None:
    got = sentences_of("Título da notícia\n" + line, language, title=True)
    assert got[0] == dateline
    assert got[1] == rest


def test_dateline_only_in_the_first_paragraphs_and_only_when_it_looks_like_one() -> None:
    assert find_dateline("O ministro, em nota (PDF) - disse algo") is None
    assert find_dateline("Brasília - O presidente chegou") is None  # no agency, not capitals
    text = "Título\nPrimeiro parágrafo.\nSegundo.\nTerceiro.\nBRASÍLIA (Reuters) - Quarto."
    assert sentences_of(text, title=True)[-1] == "BRASÍLIA (Reuters) - Quarto."


def test_five_thousand_word_sentence_and_text_without_punctuation() -> None:
    words = ["palavra"] * 5000
    long_sentence = " ".join(words) + "."
    assert sentences_of(long_sentence) == [long_sentence]
    no_punctuation = "uma linha sem pontuação nenhuma\noutra linha também sem"
    assert sentences_of(no_punctuation) == ["uma linha sem pontuação nenhuma", "outra linha também sem"]


def test_adversarial_lines_do_not_crash() -> None:
    for text in ["“" * 3000 + "fim", '"' * 3001, ". " * 3000, "Sr. " * 3000, "— " * 3000, "…" * 3000]:
        article = make_article(text, split=False)
        for s in split_sentences(article):
            assert article.at(s.span) == s.text
    assert len(split_line(". " * 3000)) == 3000


def test_pairing_of_quotation_marks() -> None:
    text = "“Ele gritou ‘fogo’ e correu”, contou a vizinha d’Ávila."
    marks = pair_quotation_marks(text)
    pairs = {(text[p.open], text[p.close]) for p in marks.pairs}
    assert pairs == {("“", "”"), ("‘", "’")}
    assert [(text[p.open], text[p.close]) for p in marks.top_level()] == [("“", "”")]
    assert marks.unclosed == ()
    unbalanced = pair_quotation_marks("Ele disse: “Vamos reconstruir.")
    assert unbalanced.pairs == () and len(unbalanced.unclosed) == 1


def test_a_quotation_or_dash_after_a_terminal_abbreviation_starts_a_sentence() -> None:
    assert sentences_of("The vote ended at 5:30 a.m. “We won,” she said.", "en") == [
        "The vote ended at 5:30 a.m.",
        "“We won,” she said.",
    ]
    assert sentences_of("A fábrica é da Vale S.A. — Não houve feridos, disse o gerente.") == [
        "A fábrica é da Vale S.A.",
        "— Não houve feridos, disse o gerente.",
    ]
    # an abbreviation that always introduces something still does not end the sentence
    assert sentences_of("Falou o Sr. “Zé” da padaria.") == ["Falou o Sr. “Zé” da padaria."]


def test_spanish_spaced_abbreviation_of_the_united_states() -> None:
    assert sentences_of("Los EE. UU. anunciaron aranceles. China respondió.", "es") == [
        "Los EE. UU. anunciaron aranceles.",
        "China respondió.",
    ]
    assert sentences_of("Viajó a EE. UU. El viaje duró una semana.", "es") == [
        "Viajó a EE. UU.",
        "El viaje duró una semana.",
    ]
