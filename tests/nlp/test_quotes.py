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
        [("direct", "Vamos reconstruir a cidade", "afirmou", "O prefeito")],
    ),
    (
        "pt",
        "A porta-voz do Itamaraty declarou: “O Brasil condena o ataque.”",
        [("direct", "O Brasil condena o ataque", "declarou", "A porta-voz do Itamaraty")],
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
            ("direct", "Vamos reconstruir tudo", None, "Silva"),
        ],
    ),
    (
        "pt",
        "O ministro falou com jornalistas na saída. “A situação está sob controle.”",
        [("direct", "A situação está sob controle", None, "O ministro")],
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
            ("direct", "This is our home", None, "Maria Lopez"),
        ],
    ),
    (
        "pt",
        "“Ele gritou ‘fogo’ e correu”, contou a vizinha.",
        [("direct", "Ele gritou ‘fogo’ e correu", "contou", "a vizinha")],
    ),
    ("pt", "“Nada será como antes.”", [("direct", "Nada será como antes", None, None)]),
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
            ("direct", "Lo celebramos", "dijo", "Sánchez"),
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
        [("direct", "Vamos reconstruir a cidade", "disse", "O ministro")],
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
    assert rows(text) == [("direct", "Ninguém ficará desamparado", None, "O prefeito")]
    dashes = "O ministro respondeu:\n— Vamos continuar a trabalhar."
    assert rows(dashes) == [("direct", "Vamos continuar a trabalhar", None, "O ministro")]


def test_quote_running_over_two_paragraphs_takes_the_speaker_of_the_second() -> None:
    text = "“Vamos reconstruir tudo.\n“Ninguém ficará sem casa”, disse o prefeito."
    assert rows(text) == [
        ("direct", "Vamos reconstruir tudo", None, "o prefeito"),
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


# ---- hard cases of the quote gold, one rule each


def test_a_sentence_that_introduces_a_quotation_is_not_a_postposed_statement() -> None:
    text = "O comandante dos bombeiros, coronel Ricardo Alves, resumiu a situação:\n“Ainda há risco na área.”"
    assert rows(text) == [("direct", "Ainda há risco na área", None, "Ricardo Alves")]


def test_the_subject_before_a_comma_is_not_a_reported_clause() -> None:
    assert rows("O presidente da Câmara, Hugo Motta, lamentou, e a sessão foi suspensa.") == []


def test_a_plain_group_after_a_postposed_verb_is_the_speaker() -> None:
    assert rows("A palavra “saudade” não tem tradução exata, lembram os linguistas.") == [
        ("indirect", "A palavra “saudade” não tem tradução exata", "lembram", "os linguistas")
    ]
    # the group must end the sentence: "os dados do banco mostram" is not a speaker phrase
    assert rows("A inflação caiu, lembram os dados do IBGE divulgados ontem à tarde pelo instituto.") == []


def test_english_compound_role_keeps_its_modifier() -> None:
    assert rows("A government spokesperson told reporters that the talks would resume.", "en") == [
        ("indirect", "the talks would resume", "told", "A government spokesperson")
    ]


def test_a_lower_case_generic_organisation_is_a_speaker_phrase() -> None:
    quotes = rows("O Ibama multou a empresa. Em nota, o órgão disse que vai recorrer da decisão.")
    assert quotes == [("indirect", "vai recorrer da decisão", "disse", "o órgão")]


def test_a_quotation_after_a_terminal_abbreviation_starts_a_sentence() -> None:
    text = "The race was called at 5:30 a.m. “I will govern for every American,” Trump told supporters."
    assert rows(text, "en") == [("direct", "I will govern for every American", "told", "Trump")]


# ---- bad input: each kind gives a sensible result, in linear time (speed is measured in bench/)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # unbalanced quotation marks: an opening mark after a colon runs to the end of the line
        (
            "pt",
            "Lula disse: “Vamos reconstruir tudo. Ninguém ficará sem casa.",
            [("direct", "Vamos reconstruir tudo. Ninguém ficará sem casa", "disse", "Lula")],
        ),
        # a stray closing mark used as an opener is left alone; the closed quotation is kept
        (
            "pt",
            "“Vamos reconstruir tudo”, disse Lula. Ele completou: ”Ninguém ficará sem casa.",
            [("direct", "Vamos reconstruir tudo", "disse", "Lula")],
        ),
        # all capitals
        ("pt", "“VAMOS VENCER”, DISSE LULA.", [("direct", "VAMOS VENCER", "DISSE", "LULA")]),
        (
            "pt",
            "O PRESIDENTE LULA DISSE QUE O BRASIL VAI CRESCER.",
            [("indirect", "O BRASIL VAI CRESCER", "DISSE", "LULA")],
        ),
        # emoji
        ("pt", "“Vamos vencer 💪”, disse Lula 🇧🇷.", [("direct", "Vamos vencer 💪", "disse", "Lula")]),
        (
            "pt",
            "🔥 Lula disse que o Brasil vai crescer 🚀.",
            [("indirect", "o Brasil vai crescer 🚀", "disse", "Lula")],
        ),
        # mixed scripts
        (
            "pt",
            "“Мы готовы к переговорам”, disse Vladimir Putin em Moscou.",
            [("direct", "Мы готовы к переговорам", "disse", "Vladimir Putin")],
        ),
        (
            "en",
            "“我们准备好了”, said Xi Jinping in Beijing.",
            [("direct", "我们准备好了", "said", "Xi Jinping")],
        ),
        # text without punctuation
        (
            "pt",
            "Lula disse que o Brasil vai crescer",
            [("indirect", "o Brasil vai crescer", "disse", "Lula")],
        ),
    ],
)
def test_bad_input_kinds_give_sensible_quotes(language: str, text: str, expected: list[Row]) -> None:
    assert rows(text, language) == expected


def test_two_thousand_unbalanced_marks_and_a_long_quoted_sentence() -> None:
    article = split_article("O ministro disse: " + "“a " * 2000)
    quotes = find_quotes(article)
    check_spans(article, quotes)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [("direct", "O ministro")]
    words = " ".join(["crescer"] * 5000)
    quotes = rows(f"“Vamos {words}”, disse Lula.")
    assert [(k, c, s) for k, _, c, s in quotes] == [("direct", "disse", "Lula")]
    assert len(quotes[0][1].split()) == 5001


def with_people(text: str, names: list[str], language: str = "pt") -> list[tuple[str, str | None]]:
    """Quotes of ``text`` with PER mentions at the first occurrence of each of ``names``."""
    article = split_article(text, language)
    article.entities = [
        EntityMention(name, "PER", Span(text.index(name), text.index(name) + len(name))) for name in names
    ]
    quotes = find_quotes(article)
    check_spans(article, quotes)
    return [(q.text, q.speaker.name if q.speaker else None) for q in quotes]


def test_a_gendered_pronoun_passes_over_a_person_of_the_other_gender() -> None:
    # the gender comes from the words before the name ("a juíza", "o promotor")
    text = "A juíza Ana Prado ouviu o promotor Rui Lemos. Ele disse que o caso será arquivado."
    assert with_people(text, ["Ana Prado", "Rui Lemos"]) == [("o caso será arquivado", "Rui Lemos")]
    text = "A juíza Ana Prado ouviu o promotor Rui Lemos. Ela disse que o caso será arquivado."
    assert with_people(text, ["Ana Prado", "Rui Lemos"]) == [("o caso será arquivado", "Ana Prado")]
    # or from the knowledge base for people it knows
    text = "Claudia Sheinbaum habló con Donald Trump por teléfono. Él dijo que los aranceles se aplazarán."
    assert with_people(text, ["Claudia Sheinbaum", "Donald Trump"], "es") == [
        ("los aranceles se aplazarán", "Donald Trump")
    ]
    # unknown gender: the subject stays the antecedent
    text = "Kim Lee recebeu Sam Park no escritório. Ele disse que o acordo está próximo."
    assert with_people(text, ["Kim Lee", "Sam Park"]) == [("o acordo está próximo", "Kim Lee")]


def test_a_title_abbreviation_is_not_the_speaker() -> None:
    assert rows("“That is not fair,” said Sen. Elizabeth Warren, a Democrat.", "en") == [
        ("direct", "That is not fair", "said", "Elizabeth Warren")
    ]
    assert rows("“O paciente está bem”, disse a Dra. Ana Lima.") == [
        ("direct", "O paciente está bem", "disse", "Ana Lima")
    ]


def test_a_name_after_a_preposition_and_an_article_is_not_the_subject() -> None:
    text = "The president, speaking at the White House, said the deal was “the biggest ever.”"
    assert rows(text, "en") == [("partial", "the biggest ever", "said", "The president")]


def test_a_title_noun_blocks_a_name_but_not_a_quoted_clause() -> None:
    text = "El portavoz Pilar Alegría explicó que la ley «no tiene marcha atrás»."
    assert rows(text, "es") == [("partial", "no tiene marcha atrás", "explicó", "Pilar Alegría")]
    assert rows("O governo anunciou o pacote “anticrise” nesta terça-feira.") == []
    assert rows("O ministro disse que o chamado “orçamento secreto de todos nós” acabou.") == [
        ("indirect", "o chamado “orçamento secreto de todos nós” acabou", "disse", "O ministro")
    ]


def test_names_with_two_particles_after_a_role() -> None:
    text = "“Estamos prontos”, disse a presidente da Comissão Europeia, Ursula von der Leyen."
    assert rows(text) == [("direct", "Estamos prontos", "disse", "Ursula von der Leyen")]
    # the entity stage cut the name at the particle: the particle and the name after it still belong
    assert with_people(text, ["Ursula"]) == [("Estamos prontos", "Ursula von der Leyen")]


def test_a_fronted_quoted_word_is_speech_unless_it_is_a_name() -> None:
    text = "“Irresponsável” foi como o senador Renan Calheiros definiu a proposta."
    assert rows(text) == [("partial", "Irresponsável", "definiu", "Renan Calheiros")]
    text = "“Lava Jato” foi como o senador chamou a operação."
    assert rows(text) == []
    text = "“Brasília” foi a palavra que o senador repetiu, disse o assessor."
    article = split_article(text)
    article.entities = [EntityMention("Brasília", "LOC", Span(1, 9))]
    assert all(q.text != "Brasília" for q in find_quotes(article))


def test_a_capitalised_preposition_inside_a_sentence_opens_a_name() -> None:
    text = "A prestação pode subir até R$ 250, segundo simulação da consultoria Rumo Macro."
    assert [speaker for *_, speaker in rows(text)] == ["Rumo Macro"]
    text = "“A reforma agrária parou”, afirmou o Movimento Sem Terra em nota."
    assert [speaker for *_, speaker in rows(text)] == ["Movimento Sem Terra"]
    # an article stays out of the name, and a preposition that starts the sentence is no name
    assert [speaker for *_, speaker in rows("Para O Globo, a decisão foi um erro, disse Lula.")] == ["Lula"]
