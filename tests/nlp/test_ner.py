"""The shipped Portuguese name tagger: features, model loading, and names on sentences written here."""

from __future__ import annotations

from nlp_builders import make_article

from parallax.model import Article, EntityMention, Span
from parallax.nlp.entities import find_entities, rule_entities
from parallax.nlp.ner.features import (
    article_features,
    article_segments,
    cluster_features,
    document_words,
    word_clusters,
)
from parallax.nlp.ner.tagger import TaggedSpan, bio_spans, combine, load_tagger, model_path


def names(article: Article) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_entities(article) if m.kind == "name"}


def test_bio_sequences_become_token_ranges() -> None:
    labels = ["O", "B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-PER"]
    assert bio_spans(labels) == [(1, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG"), (6, 8, "ORG"), (8, 9, "PER")]
    assert bio_spans([]) == []


def test_feature_tokens_index_the_article_text() -> None:
    text = "Título em Destaque\nO Sr. Abílio Moura, do Banco do Norte, chegou a Évora.\n“Vamos”, disse ele."
    article = make_article(text, title=True)
    segments = article_segments(article)
    assert [t.text for t in segments[1].tokens][:5] == ["O", "Sr.", "Abílio", "Moura", ","]
    for seg in segments:
        for tok in seg.tokens:
            assert article.text[tok.start : tok.end] == tok.text
    features = article_features(article, segments, rule_entities(article), ["PT"])
    assert [len(f) for f in features] == [len(s.tokens) for s in segments]
    first = features[1][0]
    assert "w=o" in first and "initial" in first and "-1:BOS" in first
    evora = features[1][[t.text for t in segments[1].tokens].index("Évora")]
    assert "cap" in evora and "-1:w=a" in evora
    assert "gazt=LOC" in evora or "gazt=CITY" in evora


def test_document_words_separate_ordinary_and_name_capitals() -> None:
    article = make_article("Casa nova em Braga.\nA casa de Braga fica perto.")
    words = document_words(article_segments(article))
    assert "casa" in words.lowercase
    assert "braga" in words.midsentence_caps


def test_word_clusters_group_names_of_one_kind() -> None:
    assert len(word_clusters()) > 20000
    lisboa, porto, joao, pedro = (cluster_features(w) for w in ("Lisboa", "Porto", "João", "Pedro"))
    assert len(lisboa) == 3 and lisboa[0].startswith("c64=")
    assert lisboa[1] == porto[1] and joao[1] == pedro[1] and lisboa[1] != joao[1]
    assert cluster_features("LISBOA") == lisboa  # capitals fall back to the capitalised word
    assert cluster_features("xqzvkw") == ("c=none",)
    article = make_article("O navio chegou ao Porto ontem.")
    features = article_features(article, article_segments(article), [], ["PT"])[0]
    assert porto[2] in features[4] and "-1:" + porto[2] in features[5] and "2:" + porto[2] in features[2]


def test_the_model_ships_with_the_package() -> None:
    path = model_path("pt")
    assert path is not None and path.suffix == ".crfsuite"
    tagger = load_tagger(str(path))
    assert {"B-PER", "I-PER", "B-ORG", "B-LOC", "O"} <= set(tagger.labels())
    assert model_path("en") is None


def test_multiword_organisations() -> None:
    article = make_article(
        "O Ministério da Saúde confirmou novos casos nesta terça-feira.\n"
        "A pesquisa foi feita na Universidade Federal do Rio de Janeiro por dois biólogos."
    )
    found = names(article)
    assert ("Ministério da Saúde", "ORG") in found
    assert ("Universidade Federal do Rio de Janeiro", "ORG") in found


def test_people_with_particles_and_places() -> None:
    article = make_article(
        "A economista Maria da Conceição Tavares deu uma aula em Coimbra.\n"
        "Depois, o escritor José dos Santos Ferreira viajou para Manaus."
    )
    found = names(article)
    assert ("Maria da Conceição Tavares", "PER") in found
    assert ("José dos Santos Ferreira", "PER") in found
    assert ("Coimbra", "LOC") in found and ("Manaus", "LOC") in found


def test_titles_stay_outside_the_name() -> None:
    article = make_article("O presidente Luiz Inácio Lula da Silva chegou a Belém ontem.")
    found = names(article)
    assert ("Luiz Inácio Lula da Silva", "PER") in found
    assert not any(text.startswith("presidente") for text, _ in found)


def test_sentence_initial_words_and_lowercase_noise() -> None:
    article = make_article(
        "Ontem a chuva parou cedo em Curitiba.\nsegundo os moradores, a rua ficou alagada durante a noite."
    )
    found = names(article)
    assert ("Curitiba", "LOC") in found
    assert not any(text in ("Ontem", "segundo", "rua") for text, _ in found)


def test_spans_index_the_article_text() -> None:
    article = make_article(
        "GOVERNO ANUNCIA PLANO PARA A AMAZÔNIA\n"
        "A ministra Marina Silva apresentou o plano em Brasília ao lado do Ibama.",
        title=True,
    )
    mentions = find_entities(article)
    for m in mentions:
        assert article.text[m.span.start : m.span.end] == m.text
    assert ("Marina Silva", "PER") in names(article)


def test_combine_strips_titles_and_trusts_known_types() -> None:
    text = "O presidente Abel Couto visitou Noruega."
    article = make_article(text)
    rules = [
        EntityMention("Abel Couto", "PER", Span(13, 23)),
        EntityMention("Noruega", "LOC", Span(32, 39)),
        EntityMention("presidente", "PER", Span(2, 12), kind="nominal"),
    ]
    tagged = [TaggedSpan(2, 23, "PER"), TaggedSpan(32, 39, "ORG")]
    combined = combine(article, rules, tagged, "crf", known={(32, 39)})
    assert [(m.text, m.type, m.kind) for m in combined] == [
        ("Abel Couto", "PER", "name"),
        ("Noruega", "LOC", "name"),
    ]


def test_a_tagged_name_takes_the_start_the_rules_read_for_the_same_type() -> None:
    text = "Segundo a consultoria Rumo Macro, Maria da Conceição Tavares discordou em Porto Alegre."
    article = make_article(text)

    def span(words: str) -> Span:
        return Span(text.index(words), text.index(words) + len(words))

    rules = [
        EntityMention("Rumo Macro", "ORG", span("Rumo Macro")),
        EntityMention("Maria da Conceição Tavares", "PER", span("Maria da Conceição Tavares")),
        EntityMention("Porto Alegre", "PER", span("Porto Alegre")),  # a rule misreading: other type
    ]
    tagged = [
        TaggedSpan(*_edges(span("Macro")), "ORG"),
        TaggedSpan(*_edges(span("Conceição Tavares")), "PER"),
        TaggedSpan(*_edges(span("Alegre")), "LOC"),
    ]
    combined = combine(article, rules, tagged, "crf")
    assert [(m.text, m.type) for m in combined if m.kind == "name"] == [
        ("Rumo Macro", "ORG"),
        ("Maria da Conceição Tavares", "PER"),
        ("Alegre", "LOC"),
    ]


def _edges(span: Span) -> tuple[int, int]:
    return span.start, span.end


def test_other_languages_keep_the_rule_system() -> None:
    english = make_article("Prime Minister Keir Starmer met Emmanuel Macron in London.", language="en")
    assert find_entities(english) == rule_entities(english)
    spanish = make_article("El presidente Pedro Sánchez viajó a Sevilla.", language="es")
    assert find_entities(spanish) == rule_entities(spanish)
