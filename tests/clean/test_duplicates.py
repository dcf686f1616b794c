"""Exact and near-duplicate articles: MinHash LSH over the kept body, earliest article the original."""

from __future__ import annotations

import pytest

from parallax.clean.duplicates import duplicates, find_duplicates
from parallax.ingest import make_article
from parallax.model import Article, Batch, RemovedLine, Span
from parallax.options import Options

OPTIONS = Options(workspace=None)

BODY = (
    "Barragem de rejeitos se rompe em Itabirito e obriga a retirada de 300 famílias\n"
    "Uma barragem de rejeitos de mineração se rompeu na madrugada desta terça-feira em Itabirito, "
    "na região central de Minas Gerais, e a Defesa Civil retirou cerca de 300 famílias das casas "
    "mais próximas do córrego atingido.\n"
    "Segundo o Corpo de Bombeiros, não há registro de vítimas até o momento, mas duas estradas "
    "vicinais foram cobertas pela lama e o abastecimento de água de dois bairros foi suspenso.\n"
    "A mineradora responsável afirmou em nota que acionou o plano de emergência e que equipes "
    "técnicas avaliam a estrutura das outras duas barragens do complexo.\n"
)
OTHER = (
    "Câmara aprova projeto que amplia licença-paternidade para 20 dias\n"
    "A Câmara dos Deputados aprovou nesta quarta-feira o projeto que amplia a licença-paternidade "
    "de cinco para vinte dias, em votação simbólica, e o texto segue agora para o Senado.\n"
    "O relator disse que a mudança será gradual e que empresas do Simples terão regras próprias.\n"
)


def make(text: str, url: str, published: str, outlet: str) -> Article:
    header = f"---\nurl: {url}\noutlet: {outlet}\npublished: {published}\n---\n"
    return make_article(header + text, url, OPTIONS)


def test_exact_duplicate_points_at_the_earliest_article() -> None:
    late = make(BODY, "https://b.example/1", "2025-06-03T12:00:00-03:00", "Folha do Vale")
    early = make(BODY, "https://a.example/1", "2025-06-03T08:00:00-03:00", "Gazeta Mineira")
    found = find_duplicates([late, early])
    assert set(found) == {late.id}
    assert (found[late.id].article, found[late.id].kind, found[late.id].similarity) == (
        early.id,
        "exact",
        1.0,
    )


def test_near_duplicate_with_a_changed_sentence() -> None:
    original = make(BODY, "https://a.example/2", "2025-06-03T08:00:00-03:00", "Gazeta Mineira")
    edited = BODY.replace("desta terça-feira", "de terça-feira (3)") + "Com informações da Agência Brasil.\n"
    copy = make(edited, "https://b.example/2", "2025-06-03T09:30:00-03:00", "Portal do Cerrado")
    unrelated = make(OTHER, "https://c.example/2", "2025-06-03T07:00:00-03:00", "Gazeta Mineira")
    found = find_duplicates([copy, unrelated, original], threshold=0.7)
    assert set(found) == {copy.id}
    duplicate = found[copy.id]
    assert duplicate.article == original.id and duplicate.kind == "near"
    assert 0.7 <= duplicate.similarity < 1.0
    assert find_duplicates([copy, unrelated, original], threshold=0.99) == {}, (
        "a stricter threshold refuses it"
    )


def test_site_chrome_does_not_make_articles_alike() -> None:
    footer = (
        "Todos os direitos reservados à Gazeta Mineira; é proibida a reprodução deste conteúdo "
        "sem autorização prévia e por escrito da redação, salvo para uso pessoal e não comercial"
    )
    a = make(OTHER + (footer + "\n") * 4, "https://a.example/3", "2025-06-03", "Gazeta Mineira")
    b = make(BODY + (footer + "\n") * 4, "https://b.example/3", "2025-06-04", "Folha do Vale")
    # True Jaccard similarity with the footer: 0.146 (21 shared shingles of 144); without it: 0.
    assert set(find_duplicates([a, b], threshold=0.08)) == {b.id}, "the shared footer alone makes them alike"

    def strip_footer(article: Article) -> Article:
        start = 0
        while (start := article.text.find(footer, start)) >= 0:
            end = start + len(footer)
            article.removed.append(RemovedLine(footer, "footer", Span(start, end)))
            start = end
        return article

    assert find_duplicates([strip_footer(a), strip_footer(b)], threshold=0.08) == {}


def test_versions_of_one_source_are_not_duplicates() -> None:
    v1 = make(BODY, "https://a.example/5", "2025-06-03T08:00:00-03:00", "Gazeta Mineira")
    v2 = make(
        BODY + "Atualizada às 10h.\n", "https://a.example/5", "2025-06-03T10:00:00-03:00", "Gazeta Mineira"
    )
    assert find_duplicates([v1, v2], threshold=0.5) == {}


def test_a_copy_of_a_copy_points_at_the_root() -> None:
    root = make(BODY, "https://a.example/6", "2025-06-03T08:00:00-03:00", "Gazeta Mineira")
    first = make(BODY, "https://b.example/6", "2025-06-03T09:00:00-03:00", "Folha do Vale")
    second = make(BODY, "https://c.example/6", "2025-06-03T10:00:00-03:00", "Portal do Cerrado")
    found = find_duplicates([second, first, root])
    assert {k: v.article for k, v in found.items()} == {first.id: root.id, second.id: root.id}


def test_the_stage_sets_duplicate_of_and_checks_the_threshold() -> None:
    a = make(BODY, "https://a.example/7", "2025-06-03T08:00:00-03:00", "Gazeta Mineira")
    b = make(BODY, "https://b.example/7", "2025-06-03T09:00:00-03:00", "Folha do Vale")
    out = duplicates(Batch(articles=[a, b]), OPTIONS)
    assert out.articles[0].duplicate_of is None
    assert out.articles[1].duplicate_of is not None and out.articles[1].duplicate_of.article == a.id
    with pytest.raises(ValueError, match="threshold"):
        find_duplicates([a, b], threshold=0.0)
