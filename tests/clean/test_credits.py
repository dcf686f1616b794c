"""Agency credits: datelines, attributions, bylines, "com agências", embedded posts, and non-credits."""

from __future__ import annotations

import pytest

from parallax.clean.chrome import clean_article
from parallax.clean.credits import GENERIC_AGENCIES, find_credits
from parallax.model import Article, Credit, Source
from parallax.options import Options

OPTIONS = Options(workspace=None)


def credits_of(text: str, language: str | None = None) -> list[Credit]:
    article = Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t", language=language)
    return find_credits(clean_article(article, OPTIONS))


def found(text: str, language: str | None = None) -> list[tuple[str, str, str]]:
    return [(c.agency, c.kind, c.text) for c in credits_of(text, language)]


BODY_PT = "O governo anunciou nesta quarta-feira um novo pacote de medidas para o setor elétrico."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BRASÍLIA, 12 de março (Reuters) – O governo anunciou nesta quarta-feira um pacote de obras.",
            ("Reuters", "dateline", "BRASÍLIA, 12 de março (Reuters) –"),
        ),
        (
            "RIO DE JANEIRO, July 6 (Reuters) - Brazil's central bank held its benchmark rate steady.",
            ("Reuters", "dateline", "RIO DE JANEIRO, July 6 (Reuters) -"),
        ),
        (
            "Río de Janeiro, 6 jul (EFE).- El Banco Central de Brasil mantuvo la tasa de interés.",
            ("EFE", "dateline", "Río de Janeiro, 6 jul (EFE).-"),
        ),
        (
            "Lisboa, 11 mar (Lusa) – O Governo aprovou hoje em Conselho de Ministros o novo regime.",
            ("Lusa", "dateline", "Lisboa, 11 mar (Lusa) –"),
        ),
        ("(AFP) — Um terremoto de magnitude 6,8 atingiu o norte do Japão.", ("AFP", "dateline", "(AFP) —")),
        (
            "KYIV, Ukraine (AP) — Russian drones struck the capital overnight, officials said.",
            ("Associated Press", "dateline", "KYIV, Ukraine (AP) —"),
        ),
        (
            "SEUL, 3 jun (Yonhap) - A Coreia do Sul elegeu hoje um novo presidente.",
            ("Yonhap", "dateline", "SEUL, 3 jun (Yonhap) -"),
        ),
    ],
)
def test_datelines(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O ataque deixou 12 mortos, segundo a agência Lusa.", ("Lusa", "segundo a agência Lusa")),
        ("A notícia foi confirmada, informou a agência Reuters.", ("Reuters", "informou a agência Reuters")),
        ("De acordo com a AFP, o presidente deixou o país.", ("AFP", "De acordo com a AFP")),
        ("The attack killed 12 people, according to Reuters.", ("Reuters", "according to Reuters")),
        ("El ataque dejó 12 muertos, según la agencia EFE.", ("EFE", "según la agencia EFE")),
        ("O ministro, citado pela Lusa, negou que vá demitir-se.", ("Lusa", "citado pela Lusa")),
        ("A Reuters informou que o acordo foi fechado.", ("Reuters", "Reuters informou")),
        (
            "The Associated Press reported that the vote was delayed.",
            ("Associated Press", "The Associated Press reported"),
        ),
        (
            "Segundo a agência de notícias russa TASS, o encontro ocorreu em Minsk.",
            ("TASS", "Segundo a agência de notícias russa TASS"),
        ),
        ("O presidente disse à Reuters que não vai renunciar.", ("Reuters", "disse à Reuters")),
        (
            "O ministro disse em entrevista à BBC News Brasil que a crise acabou.",
            ("BBC", "em entrevista à BBC News Brasil"),
        ),
        (
            "Um porta-voz do Exército, Rui Gomes, disse à BBC que os combates continuam.",
            ("BBC", "disse à BBC"),
        ),
        (
            "A agência estatal KCNA informou que o teste foi bem-sucedido.",
            ("KCNA", "KCNA informou"),
        ),
        (
            "La información fue difundida por Xinhua, según informó la agencia Xinhua.",
            ("Xinhua", "según informó la agencia Xinhua"),
        ),
        (
            'O presidente disse à agência francesa (AFP): "Vamos vencer".',
            ("AFP", "disse à agência francesa (AFP"),
        ),
        (
            "Segundo a agência britânica (Reuters), o acordo saiu.",
            ("Reuters", "Segundo a agência britânica (Reuters"),
        ),
    ],
)
def test_attributions(text: str, expected: tuple[str, str]) -> None:
    agency, evidence = expected
    assert found(text) == [(agency, "attribution", evidence)]


def test_byline_lines_are_removed_and_credited() -> None:
    text = "\n".join(
        [
            "Governo anuncia corte de gastos de R$ 15 bilhões",
            "Por Maria Silva, da Reuters",
            BODY_PT,
            "Com informações da Agência Estado",
        ]
    )
    assert found(text) == [
        ("Reuters", "byline", "Por Maria Silva, da Reuters"),
        ("Agência Estado", "with_agencies", "Com informações da Agência Estado"),
    ]


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Da Agência Brasil", "Agência Brasil"),
        ("Agência Estado", "Agência Estado"),
        (
            "Publicado em 22/02/2025 - 09:40 Por Ana Reis - Repórter da Agência Brasil - Curitiba",
            "Agência Brasil",
        ),
        ("(c) Agencia EFE", "EFE"),
        ("Fonte: Folhapress", "Folhapress"),
        ("By Maria Lopez, Associated Press", "Associated Press"),
    ],
)
def test_credit_lines(line: str, agency: str) -> None:
    text = "\n".join(["Governo anuncia corte de gastos de R$ 15 bilhões", line, BODY_PT])
    assert found(text) == [(agency, "byline", line)]


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("*Com informações da Agência Brasil", ["Agência Brasil"]),
        ("Com informações da Reuters", ["Reuters"]),
        ("(Com AFP e Reuters)", ["AFP", "Reuters"]),
        ("Con información de EFE", ["EFE"]),
        ("With additional reporting by Reuters", ["Reuters"]),
    ],
)
def test_agency_material_added_to_the_outlets_own_text(line: str, agencies: list[str]) -> None:
    """ "Com informações da X" credits X for material, not authorship: kind ``with_agencies``."""
    text = "\n".join(["Governo anuncia corte de gastos de R$ 15 bilhões", BODY_PT, line])
    assert found(text) == [(agency, "with_agencies", line) for agency in agencies]


def test_wire_sign_off_credits_the_agency() -> None:
    text = "\n".join(
        [
            "Parlamento aprova orçamento para 2026 com votos do PS",
            "O orçamento foi aprovado com os votos favoráveis do PS e a abstenção do Chega.",
            "Lusa/Fim",
        ]
    )
    assert found(text) == [("Lusa", "byline", "Lusa/Fim")]


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("Com agências", "Com agências"),
        ("Da Redação, com agências internacionais", "com agências internacionais"),
    ],
)
def test_with_agencies(line: str, phrase: str) -> None:
    text = "\n".join(["Governo anuncia corte de gastos de R$ 15 bilhões", BODY_PT, line])
    assert found(text) == [(GENERIC_AGENCIES, "with_agencies", phrase)]


def test_with_agencies_at_the_end_of_a_paragraph() -> None:
    text = "El presidente viajó a Lima para la cumbre regional de la próxima semana. (Con agencias)"
    assert found(text) == [(GENERIC_AGENCIES, "with_agencies", "Con agencias")]


def test_embedded_post_from_an_agency_account() -> None:
    text = "\n".join(
        [
            "Terremoto atinge o norte do Japão",
            "Um terremoto de magnitude 6,8 atingiu o norte do Japão nesta segunda-feira.",
            "BREAKING: Strong earthquake hits northern Japan, no tsunami warning pic.twitter.com/Qw1Er2Ty3U",
            "— Reuters (@Reuters) July 7, 2025",
            "Não há registro de vítimas.",
        ]
    )
    assert found(text) == [("Reuters", "embedded_post", "— Reuters (@Reuters) July 7, 2025")]


@pytest.mark.parametrize(
    "text",
    [
        "Um fotógrafo da Reuters ficou ferido durante o protesto em Nairóbi.",
        "A vacina Sputnik V foi aprovada pela Anvisa com restrições.",
        "O documentário da BBC sobre a Amazônia estreia no domingo.",
        "A Thomson Reuters divulgou lucro recorde no trimestre.",
        "A comunidade lusa em Paris celebrou o 25 de Abril.",
        "O mapa mostra a região do Amapá (AP) e do Pará (PA).",
        "MACAPÁ (AP) – Uma operação da Polícia Federal prendeu dez pessoas nesta terça-feira.",
        "O grupo mapeou 40 APs de acesso à internet na cidade.",
        "Bombeiros no local do incêndio - Foto: Paulo Souza/Reuters",
        "Ele trabalhou por dez anos na AFP antes de fundar o próprio jornal.",
        "O Anadolu Efes venceu o Real Madrid na Euroliga.",
        "A nova China de Xi Jinping quer liderar a transição energética.",
    ],
)
def test_mentions_without_a_credit_structure_are_not_credits(text: str) -> None:
    assert found(text, "pt") == []


def test_ap_in_a_portuguese_text_counts_once_the_agency_is_named() -> None:
    text = "MACAPÁ (AP) – A agência Associated Press confirmou a informação nesta terça-feira."
    kinds = {(c.agency, c.kind) for c in credits_of(text, "pt")}
    assert ("Associated Press", "dateline") in kinds


def test_one_credit_per_agency_kind_and_span_with_exact_evidence() -> None:
    text = "\n".join(
        [
            "Cúpula termina sem acordo sobre clima",
            "BRASÍLIA, 7 jul (Reuters) - A cúpula acabou sem acordo, segundo a Reuters e conforme a AFP.",
            "Com Reuters e AFP",
        ]
    )
    article = Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t")
    credits = find_credits(clean_article(article, OPTIONS))
    assert [(c.agency, c.kind) for c in credits] == [
        ("Reuters", "dateline"),
        ("Reuters", "attribution"),
        ("AFP", "attribution"),
        ("Reuters", "with_agencies"),
        ("AFP", "with_agencies"),
    ]
    for credit in credits:
        assert credit.span is not None and text[credit.span.start : credit.span.end] == credit.text
