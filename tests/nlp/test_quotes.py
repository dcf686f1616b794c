"""Quote extraction: direct, partial and indirect quotes with cue and speaker, in pt, en and es."""

from __future__ import annotations

import pytest
from nlp_builders import make_article

from parallax.model import Article, EntityMention, Quote, Source, Span
from parallax.nlp.quotes import find_quotes
from parallax.nlp.sentences import split_sentences

Row = tuple[str, str, str | None, str | None]  # kind, text, cue, speaker name


def split_article(text: str, language: str = "pt", *, title: bool = False) -> Article:
    article = make_article(text, language, title=title, split=False)
    article.sentences = split_sentences(article)
    return article


def check_spans(article: Article, quotes: list[Quote]) -> None:
    for q in quotes:
        assert article.at(q.span) == q.text
        if q.speaker is not None and q.speaker.span is not None:
            assert article.at(q.speaker.span) == q.speaker.name
            assert q.speaker.entity is None


def rows(text: str, language: str = "pt", *, title: bool = False) -> list[Row]:
    article = split_article(text, language, title=title)
    quotes = find_quotes(article)
    check_spans(article, quotes)
    return [(q.kind, q.text, q.cue, q.speaker.name if q.speaker else None) for q in quotes]


CASES: list[tuple[str, str, list[Row]]] = [
    # ---- direct, speaker after the quotation
    (
        "pt",
        "“Foi uma tragédia. Vamos investigar”, disse o prefeito.",
        [("direct", "Foi uma tragédia. Vamos investigar", "disse", "o prefeito")],
    ),
    (
        "pt",
        "“Estamos fazendo tudo o que podemos”, afirmou Lula ao chegar.",
        [("direct", "Estamos fazendo tudo o que podemos", "afirmou", "Lula")],
    ),
    (
        "pt",
        "“Não há risco de novos desabamentos”, disse o prefeito de Santa Maria, João Silva.",
        [("direct", "Não há risco de novos desabamentos", "disse", "João Silva")],
    ),
    (
        "pt",
        "“Foi um dia difícil”, disse o presidente Lula nesta terça-feira.",
        [("direct", "Foi um dia difícil", "disse", "Lula")],
    ),
    (
        "pt",
        "“Em 40 minutos choveu o esperado para uma semana”, disse o diretor da Defesa Civil de Campinas, "
        "Mário Tessaro.",
        [("direct", "Em 40 minutos choveu o esperado para uma semana", "disse", "Mário Tessaro")],
    ),
    (
        "en",
        '"We will rebuild," Smith said.',
        [("direct", "We will rebuild", "said", "Smith")],
    ),
    (
        "en",
        '"We will rebuild every house," said the mayor, Jane Smith.',
        [("direct", "We will rebuild every house", "said", "Jane Smith")],
    ),
    (
        "es",
        "«Es un día histórico», dijo Sánchez.",
        [("direct", "Es un día histórico", "dijo", "Sánchez")],
    ),
    (
        "pt",
        "«O país precisa de estabilidade», sublinhou o primeiro-ministro.",
        [("direct", "O país precisa de estabilidade", "sublinhou", "o primeiro-ministro")],
    ),
    # ---- direct, speaker before the quotation
    (
        "pt",
        "O prefeito afirmou: “Vamos reconstruir a cidade.”",
        [("direct", "Vamos reconstruir a cidade.", "afirmou", "O prefeito")],
    ),
    (
        "pt",
        "A porta-voz do Itamaraty declarou: “O Brasil condena o ataque.”",
        [("direct", "O Brasil condena o ataque.", "declarou", "A porta-voz do Itamaraty")],
    ),
    (
        "es",
        "El canciller fue claro: «No habrá acuerdo sin garantías».",
        [("direct", "No habrá acuerdo sin garantías", None, "El canciller")],
    ),
    # ---- two quotations around one frame, continued quotes, neighbouring speaker
    (
        "pt",
        "“A cidade está de luto”, disse Silva, “mas vamos reconstruir”.",
        [
            ("direct", "A cidade está de luto", "disse", "Silva"),
            ("direct", "mas vamos reconstruir", "disse", "Silva"),
        ],
    ),
    (
        "pt",
        "“A cidade está de luto”, disse Silva. “Vamos reconstruir tudo.”",
        [
            ("direct", "A cidade está de luto", "disse", "Silva"),
            ("direct", "Vamos reconstruir tudo.", None, "Silva"),
        ],
    ),
    (
        "pt",
        "O ministro falou com jornalistas na saída. “A situação está sob controle.”",
        [("direct", "A situação está sob controle.", None, "O ministro")],
    ),
    (
        "pt",
        "O governador visitou a cidade. “Foi horrível”, afirmou.",
        [("direct", "Foi horrível", "afirmou", "O governador")],
    ),
    (
        "en",
        'Maria Lopez, a resident, stood outside. "We are not leaving," she said. "This is our home."',
        [
            ("direct", "We are not leaving", "said", "Maria Lopez"),
            ("direct", "This is our home.", None, "Maria Lopez"),
        ],
    ),
    (
        "pt",
        "“Ele gritou ‘fogo’ e correu”, contou a vizinha.",
        [("direct", "Ele gritou ‘fogo’ e correu", "contou", "a vizinha")],
    ),
    ("pt", "“Nada será como antes.”", [("direct", "Nada será como antes.", None, None)]),
    # ---- dash-introduced speech (pt-PT, es)
    (
        "pt",
        "— Estamos a trabalhar, disse o ministro.",
        [("direct", "Estamos a trabalhar", "disse", "o ministro")],
    ),
    (
        "es",
        "—Es un día histórico —dijo Sánchez—. Lo celebramos.",
        [
            ("direct", "Es un día histórico", "dijo", "Sánchez"),
            ("direct", "Lo celebramos.", "dijo", "Sánchez"),
        ],
    ),
    # ---- partial quotes, and scare quotes / names / titles refused
    (
        "pt",
        "Lula classificou o ataque como “inaceitável” e pediu calma.",
        [("partial", "inaceitável", "classificou", "Lula")],
    ),
    (
        "pt",
        "A medida é “um absurdo”, criticou o deputado.",
        [("partial", "um absurdo", "criticou", "o deputado")],
    ),
    (
        "pt",
        "Montenegro afirmou que o país «precisa de estabilidade» e acusou a oposição de preferir "
        "«uma crise».",
        [
            ("partial", "precisa de estabilidade", "afirmou", "Montenegro"),
            ("partial", "uma crise", "acusou", "Montenegro"),
        ],
    ),
    ("pt", "A empresa “Casa Verde” foi multada pelo Procon.", []),
    ("pt", "O filme “Ainda Estou Aqui” venceu o Oscar.", []),
    ("pt", "A chamada “taxa das blusinhas” voltou ao debate no Congresso.", []),
    ("pt", "O ministro criticou a chamada “taxa das blusinhas”.", []),
    (
        "pt",
        "O ministro disse que a operação “Lava Jato” mudou o país.",
        [("indirect", "a operação “Lava Jato” mudou o país", "disse", "O ministro")],
    ),
    # ---- indirect: "que"/"that" clauses
    (
        "pt",
        "Lula disse que o governo vai ajudar as vítimas.",
        [("indirect", "o governo vai ajudar as vítimas", "disse", "Lula")],
    ),
    (
        "pt",
        "O ministro afirmou nesta terça-feira, em nota, que a meta será cumprida.",
        [("indirect", "a meta será cumprida", "afirmou", "O ministro")],
    ),
    (
        "pt",
        "O ministro da Fazenda, Fernando Haddad, garantiu que a meta será cumprida.",
        [("indirect", "a meta será cumprida", "garantiu", "Fernando Haddad")],
    ),
    (
        "pt",
        "Em entrevista à GloboNews, Haddad afirmou que a meta será cumprida.",
        [("indirect", "a meta será cumprida", "afirmou", "Haddad")],
    ),
    (
        "pt",
        "A ministra referiu que as obras terminam em março.",
        [("indirect", "as obras terminam em março", "referiu", "A ministra")],
    ),
    (
        "pt",
        "O partido tinha anunciado que votaria contra o orçamento.",
        [("indirect", "votaria contra o orçamento", "anunciado", "O partido")],
    ),
    (
        "pt",
        "O ministro voltou a garantir que não houve irregularidades.",
        [("indirect", "não houve irregularidades", "garantir", "O ministro")],
    ),
    (
        "pt",
        "O advogado Paulo Lacerda, que representa o dono da boate, afirmou que a casa tinha extintores.",
        [("indirect", "a casa tinha extintores", "afirmou", "Paulo Lacerda")],
    ),
    (
        "pt",
        "O presidente comparou o grupo ao Movimento dos Não Alinhados e afirmou que o Sul precisa de voz.",
        [("indirect", "o Sul precisa de voz", "afirmou", "O presidente")],
    ),
    (
        "en",
        "Smith said the company would cut 500 jobs.",
        [("indirect", "the company would cut 500 jobs", "said", "Smith")],
    ),
    (
        "en",
        "The minister told reporters that the plan was ready.",
        [("indirect", "the plan was ready", "told", "The minister")],
    ),
    (
        "es",
        "Sánchez dijo que el Gobierno aprobará la ley.",
        [("indirect", "el Gobierno aprobará la ley", "dijo", "Sánchez")],
    ),
    # ---- indirect: attribution phrases
    (
        "pt",
        "Segundo o ministro da Saúde, o hospital recebeu 40 feridos.",
        [("indirect", "o hospital recebeu 40 feridos", "Segundo", "o ministro da Saúde")],
    ),
    (
        "pt",
        "De acordo com a polícia, o incêndio começou às 2h.",
        [("indirect", "o incêndio começou às 2h", "De acordo com", "a polícia")],
    ),
    (
        "pt",
        "De acordo com o tenente-coronel Marcos Antunes, comandante dos bombeiros, 400 pessoas estavam lá.",
        [("indirect", "400 pessoas estavam lá", "De acordo com", "Marcos Antunes")],
    ),
    (
        "pt",
        "Para o economista, a inflação deve cair no segundo semestre.",
        [("indirect", "a inflação deve cair no segundo semestre", "Para", "o economista")],
    ),
    ("pt", "Para evitar acidentes, a prefeitura fechou a via.", []),
    (
        "pt",
        "Para o economista Tiago Barcellos, da consultoria Rumo Macro, o juro deve subir em maio.",
        [("indirect", "o juro deve subir em maio", "Para", "Tiago Barcellos")],
    ),
    (
        "pt",
        'Para o presidente, "na cabeça de muitos políticos" saneamento não dá voto.',
        [("partial", "na cabeça de muitos políticos", "Para", "o presidente")],
    ),
    (
        "pt",
        "Segundo Ana Reis, que mora no bairro há 30 anos, a água subiu em minutos.",
        [("indirect", "a água subiu em minutos", "Segundo", "Ana Reis")],
    ),
    (
        "en",
        "According to the police, the fire started before dawn.",
        [("indirect", "the fire started before dawn", "According to", "the police")],
    ),
    (
        "es",
        "Según el canciller, las negociaciones siguen abiertas.",
        [("indirect", "las negociaciones siguen abiertas", "Según", "el canciller")],
    ),
    # ---- indirect: post-posed frames without quotation marks
    (
        "pt",
        "A situação está sob controle, disse o prefeito.",
        [("indirect", "A situação está sob controle", "disse", "o prefeito")],
    ),
    (
        "pt",
        "Seis feridos estão em estado grave, informou a Secretaria de Saúde do Paraná.",
        [("indirect", "Seis feridos estão em estado grave", "informou", "Secretaria de Saúde do Paraná")],
    ),
    (
        "pt",
        "O incêndio começou às 2h, segundo os bombeiros.",
        [("indirect", "O incêndio começou às 2h", "segundo", "os bombeiros")],
    ),
    (
        "es",
        "Las negociaciones siguen abiertas, dijo el canciller ruso.",
        [("indirect", "Las negociaciones siguen abiertas", "dijo", "el canciller ruso")],
    ),
    ("pt", "A decisão, tomada por unanimidade, confirmou as apostas do mercado.", []),
    (
        "pt",
        "O rio atingiu 10 metros, segundo informou nesta segunda-feira a agência ambiental.",
        [("indirect", "O rio atingiu 10 metros", "informou", "a agência ambiental")],
    ),
    # ---- pronoun and zero subjects
    (
        "pt",
        "O prefeito de Santa Maria, João Silva, afirmou que a cidade está de luto. "
        "Ele disse ainda que haverá ajuda.",
        [
            ("indirect", "a cidade está de luto", "afirmou", "João Silva"),
            ("indirect", "haverá ajuda", "disse", "João Silva"),
        ],
    ),
    (
        "pt",
        "Lula chegou a Brasília às 10h. Disse ainda que o governo vai ajudar.",
        [("indirect", "o governo vai ajudar", "Disse", "Lula")],
    ),
    (
        "pt",
        "O presidente do BC, Gabriel Galípolo, não deu entrevista. "
        "Desde janeiro, ele tem repetido que o BC fará o necessário.",
        [("indirect", "o BC fará o necessário", "repetido", "Gabriel Galípolo")],
    ),
    ("pt", "Ele disse que vai recorrer.", [("indirect", "vai recorrer", "disse", None)]),
    # ---- unusual inputs
    (
        "pt",
        "O ministro disse: “Vamos reconstruir a cidade.",
        [("direct", "Vamos reconstruir a cidade.", "disse", "O ministro")],
    ),
    (
        "pt",
        "Vamos reconstruir tudo”, disse o prefeito.",
        [("indirect", "Vamos reconstruir tudo", "disse", "o prefeito")],
    ),
    (
        "pt",
        "o ministro disse que a cidade vai reconstruir tudo",
        [("indirect", "a cidade vai reconstruir tudo", "disse", "o ministro")],
    ),
    (
        "pt",
        "LULA DISSE QUE A SITUAÇÃO É GRAVE.",
        [("indirect", "A SITUAÇÃO É GRAVE", "DISSE", "LULA")],
    ),
    (
        "pt",
        "“Vamos reconstruir 🙏”, disse o prefeito 🚒.",
        [("direct", "Vamos reconstruir 🙏", "disse", "o prefeito")],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_quote_cases(language: str, text: str, expected: list[Row]) -> None:
    assert rows(text, language) == expected


def test_speaker_of_a_paragraph_ending_with_a_colon() -> None:
    text = "O prefeito disse aos jornalistas:\n“Ninguém ficará desamparado.”"
    assert rows(text) == [("direct", "Ninguém ficará desamparado.", None, "O prefeito")]
    dashes = "O ministro respondeu:\n— Vamos continuar a trabalhar."
    assert rows(dashes) == [("direct", "Vamos continuar a trabalhar.", None, "O ministro")]


def test_quote_running_over_two_paragraphs_takes_the_speaker_of_the_second() -> None:
    text = "“Vamos reconstruir tudo.\n“Ninguém ficará sem casa”, disse o prefeito."
    assert rows(text) == [
        ("direct", "Vamos reconstruir tudo.", None, "o prefeito"),
        ("direct", "Ninguém ficará sem casa", "disse", "o prefeito"),
    ]


def test_headline_quotes_count_but_the_headline_is_not_a_sentence() -> None:
    text = "Lula diz que o multilateralismo está sob ataque\nO presidente abriu a cúpula no Rio."
    assert rows(text, title=True) == [("indirect", "o multilateralismo está sob ataque", "diz", "Lula")]
    english = "Lula says multilateralism under attack as leaders meet in Rio\nThe summit opened on Sunday."
    assert rows(english, "en", title=True) == [("indirect", "multilateralism under attack", "says", "Lula")]


def test_entity_mentions_give_the_name_boundaries() -> None:
    text = "A escritora bell hooks disse que o amor é uma escolha."
    assert rows(text) == [("indirect", "o amor é uma escolha", "disse", "A escritora bell hooks")]
    article = split_article(text)
    start = text.index("bell")
    article.entities = [EntityMention("bell hooks", "PER", Span(start, start + len("bell hooks")))]
    quotes = find_quotes(article)
    check_spans(article, quotes)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("o amor é uma escolha", "bell hooks")
    ]


def test_places_from_the_entity_stage_are_not_speakers() -> None:
    text = "O presidente de Portugal, Marcelo Rebelo de Sousa, disse que o país está preparado."
    article = split_article(text)
    start = text.index("Portugal")
    article.entities = [EntityMention("Portugal", "LOC", Span(start, start + len("Portugal")))]
    quotes = find_quotes(article)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Marcelo Rebelo de Sousa"]


def test_sentences_are_split_when_the_stage_has_not_run() -> None:
    article = Article(
        id="a1",
        source=Source(path="t.txt"),
        text="Lula disse que vai viajar.",
        content_hash="h",
        language="pt",
    )
    assert [(q.kind, q.text) for q in find_quotes(article)] == [("indirect", "vai viajar")]


def test_five_thousand_word_sentence() -> None:
    clause = " ".join(["reconstruir"] * 5000)
    quotes = rows(f"Lula disse que vamos {clause}.")
    assert len(quotes) == 1
    kind, text, cue, speaker = quotes[0]
    assert (kind, cue, speaker) == ("indirect", "disse", "Lula")
    assert text.startswith("vamos reconstruir") and text.endswith("reconstruir")


@pytest.mark.parametrize(
    "text",
    [
        "“a” “b” " * 3000,
        ", disse o ministro" * 2000,
        "“" * 5000 + "texto",
        '"' * 5001 + " x",
        "Segundo " * 5000 + "x, y z w.",
        "João " * 5000 + "disse que sim e não.",
        "— " * 3000 + "disse",
        "“a”, disse ele, " * 2000,
        "disse que " * 5000 + "fim.",
        "o ministro " + "da Saúde " * 3000 + "disse que sim sim.",
    ],
)
def test_adversarial_input_gives_valid_quotes(text: str) -> None:
    article = split_article(text)
    check_spans(article, find_quotes(article))


def test_many_quotations_in_one_sentence_are_all_found() -> None:
    article = split_article("O ministro disse: " + "“sim” " * 500)
    quotes = find_quotes(article)
    assert len(quotes) == 500
    assert {q.text for q in quotes} == {"sim"}
