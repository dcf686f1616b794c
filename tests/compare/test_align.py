from __future__ import annotations

import numpy as np
from parallax_test_builders import CreditSpec, Q, article

from parallax.compare.align import Unit, alignments, score_matrix, units_of
from parallax.compare.stages import _embed
from parallax.model import Article


def units_for(*articles: Article) -> list[Unit]:
    units: list[Unit] = []
    for rank, a in enumerate(articles):
        units.extend(units_of(a, rank, len(units)))
    return units


def test_datelines_are_trivial_but_sentences_with_decimal_commas_are_not() -> None:
    a = article(
        "a",
        [
            "Lisboa, 11 mar (Lusa) –",
            "Desde setembro do ano passado, o comitê elevou os juros em 3,75 pontos percentuais.",
            "Brasília, 12 de março (Reuters) –",
        ],
        credits=[CreditSpec("Lusa", "dateline", "Lisboa, 11 mar (Lusa) –")],
        quantities=[Q("3,75 pontos percentuais", 3.75, unit="pp")],
    )
    assert [(u.text[:12], u.trivial) for u in units_for(a)] == [
        ("Lisboa, 11 m", True),
        ("Desde setemb", False),
        ("Brasília, 12", True),
    ]


def test_title_and_subtitle_lines_are_headline_units_and_the_lead_follows_them() -> None:
    a = article(
        "a",
        [
            "Chuva forte deixa bairros sem luz; concessionária promete religar até a noite",
            "Um temporal atingiu a cidade na tarde de ontem e derrubou dezenas de árvores.",
            "A concessionária informou que 80 mil imóveis ficaram sem energia.",
            "Equipes trabalham desde a madrugada na remoção dos troncos.",
        ],
        title="Temporal derruba árvores e deixa 80 mil imóveis sem luz",
    )
    units = units_for(a)
    assert [(u.role, u.lead) for u in units] == [
        ("title", True),
        ("subtitle", True),
        ("body", True),
        ("body", True),
        ("body", False),
    ]


def test_no_subtitle_when_no_sentence_ends_with_a_full_stop() -> None:
    a = article("a", ["Linha sem ponto final no começo do texto", "Outra linha também sem ponto nenhum aqui"])
    assert [u.role for u in units_for(a)] == ["body", "body"]


def test_same_language_sentences_that_share_only_names_are_not_aligned() -> None:
    name = ("Renata Kowalski", "PER", "per:kowalski")
    first = article(
        "first",
        ["A delegada Renata Kowalski disse que um artefato pirotécnico provocou o incêndio na boate."],
        outlet="Jornal Um",
        entities=[name],
    )
    second = article(
        "second",
        ["A delegada Renata Kowalski afirmou que o inquérito deve ser concluído em até trinta dias."],
        outlet="Jornal Dois",
        entities=[name],
    )
    third = article(
        "third",
        ["Segundo a delegada Renata Kowalski, o incêndio foi provocado por um artefato pirotécnico."],
        outlet="Jornal Três",
        entities=[name],
    )
    units = units_for(first, second, third)
    _embed(units, [])
    scores = score_matrix(units, True, 0.35)
    assert scores[0, 1] < 0.35  # same person, different statements
    assert scores[0, 2] >= 0.35  # same statement
    aligned = alignments(units, scores, 0.35)
    assert [(al.a.article, al.b.article) for al in aligned] == [("first", "third")]


def test_headlines_are_left_out_of_sentence_alignments() -> None:
    first = article(
        "first",
        ["O Banco Central elevou a taxa de juros para 14,25% ao ano nesta quarta-feira."],
        title="Banco Central eleva juros para 14,25% ao ano",
        outlet="Jornal Um",
    )
    second = article(
        "second",
        ["O Banco Central elevou nesta quarta-feira a taxa de juros para 14,25% ao ano."],
        title="Banco Central eleva juros para 14,25% ao ano",
        outlet="Jornal Dois",
    )
    units = units_for(first, second)
    _embed(units, [])
    aligned = alignments(units, score_matrix(units, True, 0.35), 0.35)
    assert len(aligned) == 1
    assert {first.at(aligned[0].a.span), second.at(aligned[0].b.span)} == {
        first.sentences[0].text,
        second.sentences[0].text,
    }


def test_sentences_a_conflicting_figure_opposes_are_a_conflicts_alignment_at_any_score() -> None:
    first = article(
        "first",
        ["Um atirador matou ao menos 30 pessoas no campus da universidade nesta segunda-feira."],
        outlet="Jornal Um",
        quantities=[Q("ao menos 30 pessoas", 30, low=30, qualifier="at_least", about="pessoa")],
    )
    second = article(
        "second",
        ["Ao menos 33 pessoas morreram nesta segunda-feira, informou o reitor da instituição."],
        outlet="Jornal Dois",
        quantities=[Q("Ao menos 33 pessoas", 33, low=33, qualifier="at_least", about="pessoa")],
    )
    units = units_for(first, second)
    scores = np.zeros((2, 2))
    scores[0, 1] = scores[1, 0] = 0.2  # under the threshold
    assert alignments(units, scores, 0.35) == []
    (opposed,) = alignments(units, scores, 0.35, {(0, 1)})
    assert (opposed.a.article, opposed.b.article, opposed.relation, opposed.score) == (
        "first",
        "second",
        "conflicts",
        0.2,
    )
    scores[0, 1] = scores[1, 0] = 0.5  # aligned, but no conflicting figure claim sets them apart
    assert [al.relation for al in alignments(units, scores, 0.35)] == ["attribution"]  # "informou"
