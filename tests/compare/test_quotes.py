from __future__ import annotations

from parallax_test_builders import QuoteSpec, article

from parallax.compare.quotes import group_quotes, quote_items
from parallax.compare.stages import _embed
from parallax.model import Article, Entity

DUARTE = ("Helena Duarte", "PER", "per:duarte")
ENTITIES = {"per:duarte": Entity("per:duarte", "Helena Duarte", "PER")}


def groups_of(*articles: Article) -> list[list[tuple[str, str]]]:
    items = quote_items(articles)
    _embed([], items)
    return [[(v.article, v.text) for v in g.variants] for g in group_quotes(items, ENTITIES)]


def direct_pt() -> Article:
    return article(
        "direct",
        [
            "“A destruição das escolas foi devastadora, e vamos reconstruir todas até o fim do ano”, disse a "
            "governadora Helena Duarte.",
            "“O estado não vai abandonar nenhuma família”, afirmou Helena Duarte.",
        ],
        outlet="Jornal Um",
        entities=[DUARTE],
        quotes=[
            QuoteSpec(
                "A destruição das escolas foi devastadora, e vamos reconstruir todas até o fim do ano",
                "Helena Duarte",
                "per:duarte",
            ),
            QuoteSpec(
                "O estado não vai abandonar nenhuma família", "Helena Duarte", "per:duarte", cue="afirmou"
            ),
        ],
    )


def translated_en() -> Article:
    return article(
        "english",
        [
            "“The destruction of the schools was devastating, and we will rebuild all of them by the end of "
            "the year,” Governor Helena Duarte said.",
        ],
        language="en",
        outlet="Southern Post",
        entities=[DUARTE],
        quotes=[
            QuoteSpec(
                "The destruction of the schools was devastating, and we will rebuild all of them by the "
                "end of the year",
                "Helena Duarte",
                "per:duarte",
                cue="said",
            )
        ],
    )


def partial_pt() -> Article:
    return article(
        "partial",
        [
            "A governadora Helena Duarte descreveu a destruição das escolas como “devastadora” e prometeu "
            "reconstruí-las, mas chamou a oposição de “irresponsável”.",
        ],
        outlet="Jornal Dois",
        entities=[DUARTE],
        quotes=[
            QuoteSpec("devastadora", "Helena Duarte", "per:duarte", kind="partial", cue="descreveu"),
            QuoteSpec("irresponsável", "Helena Duarte", "per:duarte", kind="partial", cue="chamou"),
        ],
    )


def test_direct_translated_and_partial_renderings_form_one_group() -> None:
    groups = groups_of(direct_pt(), translated_en(), partial_pt())
    assert len(groups) == 1
    (group,) = groups
    assert [a for a, _ in group] == ["direct", "english", "partial"]
    # the one-word partial quote joins through its words and its sentence; the other partial
    # quote of that sentence says something else and is not listed
    assert ("partial", "devastadora") in group
    assert ("partial", "irresponsável") not in group


def test_two_pieces_of_one_statement_in_one_sentence_are_both_variants() -> None:
    pieces = article(
        "pieces",
        [
            "Helena Duarte afirmou que a destruição das escolas foi «devastadora» e que o governo vai "
            "«reconstruir todas até o fim do ano».",
        ],
        outlet="Diário de Lisboa",
        entities=[DUARTE],
        quotes=[
            QuoteSpec("devastadora", "Helena Duarte", "per:duarte", kind="partial", cue="afirmou"),
            QuoteSpec("reconstruir todas até o fim do ano", "Helena Duarte", "per:duarte", kind="partial"),
        ],
    )
    (group,) = groups_of(direct_pt(), pieces)
    assert group == [
        ("direct", "A destruição das escolas foi devastadora, e vamos reconstruir todas até o fim do ano"),
        ("pieces", "devastadora"),
        ("pieces", "reconstruir todas até o fim do ano"),
    ]


def test_a_quote_no_other_article_reports_is_in_no_group() -> None:
    groups = groups_of(direct_pt(), translated_en())
    assert all("O estado não vai abandonar nenhuma família" not in [t for _, t in g] for g in groups)
