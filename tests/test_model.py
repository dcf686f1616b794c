"""The domain model: spans keep their invariants and every record survives a JSON round trip."""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.model import (
    Alignment,
    Article,
    Batch,
    Claim,
    Conflict,
    ConflictValue,
    Credit,
    DateExpression,
    Duplicate,
    Entity,
    EntityMention,
    Evidence,
    Quantity,
    Quote,
    QuoteGroup,
    QuoteVariant,
    Rejected,
    RemovedLine,
    Sentence,
    Source,
    Span,
    SpanRef,
    Speaker,
    Story,
    VersionChange,
    from_dict,
    to_dict,
)

words = st.text(alphabet=string.ascii_letters + "áçãõé “”«»—-,.!? ", max_size=30)
ids = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12)
spans = st.builds(lambda a, n: Span(a, a + n), st.integers(0, 10_000), st.integers(0, 500))
numbers = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=32))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    source = draw(
        st.one_of(st.builds(Source, path=words), st.builds(Source, url=st.just("https://example.org/a")))
    )
    return Article(
        id=draw(ids),
        source=source,
        text=draw(words),
        content_hash=draw(ids),
        version=draw(st.integers(1, 9)),
        outlet=draw(st.one_of(st.none(), words)),
        title=draw(st.one_of(st.none(), words)),
        title_span=draw(st.one_of(st.none(), spans)),
        language=draw(st.sampled_from([None, "pt", "en", "es"])),
        published=draw(st.sampled_from([None, "2025-03-14", "2025-03-14T10:30:00-03:00"])),
        body=draw(st.one_of(st.none(), spans)),
        removed=draw(st.lists(st.builds(RemovedLine, words, st.sampled_from(["teaser", "advert"]), spans))),
        credits=draw(
            st.lists(
                st.builds(
                    Credit,
                    st.sampled_from(["Reuters", "Lusa"]),
                    st.sampled_from(["dateline", "copied"]),
                    words,
                    st.one_of(st.none(), spans),
                    st.one_of(st.none(), ids),
                )
            )
        ),
        sentences=draw(st.lists(st.builds(Sentence, ids, words, spans))),
        entities=draw(
            st.lists(
                st.builds(
                    EntityMention,
                    words,
                    st.sampled_from(["PER", "ORG", "LOC", "MISC"]),
                    spans,
                    st.one_of(st.none(), ids),
                    st.sampled_from(["name", "nominal", "demonym"]),
                )
            )
        ),
        quotes=draw(
            st.lists(
                st.builds(
                    Quote,
                    words,
                    spans,
                    st.sampled_from(["direct", "partial", "indirect"]),
                    st.one_of(st.none(), words),
                    st.one_of(
                        st.none(),
                        st.builds(Speaker, words, st.one_of(st.none(), ids), st.one_of(st.none(), spans)),
                    ),
                )
            )
        ),
        quantities=draw(
            st.lists(
                st.builds(
                    Quantity,
                    words,
                    spans,
                    numbers,
                    numbers,
                    numbers,
                    st.sampled_from([None, "%", "hour", "BRL"]),
                    st.sampled_from([None, "more_than", "about", "range"]),
                    st.sampled_from([None, "morto", "pessoa"]),
                )
            )
        ),
        dates=draw(
            st.lists(
                st.builds(DateExpression, words, spans, st.sampled_from([None, "2025-03"]), st.booleans())
            )
        ),
        duplicate_of=draw(
            st.one_of(
                st.none(),
                st.builds(Duplicate, ids, st.sampled_from(["exact", "near"]), st.floats(0, 1, width=32)),
            )
        ),
        change=draw(
            st.one_of(
                st.none(),
                st.builds(
                    VersionChange,
                    ids,
                    st.integers(1, 9),
                    st.integers(0, 99),
                    st.integers(0, 99),
                    st.booleans(),
                    st.lists(words, max_size=3),
                ),
            )
        ),
    )


@st.composite
def stories(draw: st.DrawFn) -> Story:
    evidence = st.lists(st.builds(Evidence, ids, spans, words), max_size=3)
    conflict = st.builds(
        Conflict,
        words,
        st.lists(
            st.builds(
                ConflictValue, ids, words, st.one_of(numbers, st.lists(numbers, min_size=2, max_size=2))
            )
        ),
        st.booleans(),
    )
    claim = st.builds(
        Claim,
        ids,
        words,
        st.sampled_from(["corroborated", "conflicting", "single_source"]),
        st.integers(1, 5),
        evidence,
        st.one_of(st.none(), conflict),
    )
    alignment = st.builds(
        Alignment,
        st.builds(SpanRef, ids, spans),
        st.builds(SpanRef, ids, spans),
        st.sampled_from(["equivalent", "conflicts", "attribution"]),
        st.floats(0, 1),
    )
    group = st.builds(
        QuoteGroup, words, st.lists(st.builds(QuoteVariant, ids, words, spans)), st.one_of(st.none(), ids)
    )
    return Story(
        id=draw(ids),
        title=draw(words),
        date=draw(st.sampled_from([None, "2025-07-06"])),
        articles=draw(st.lists(ids, max_size=4)),
        claims=draw(st.lists(claim, max_size=3)),
        quote_groups=draw(st.lists(group, max_size=2)),
        alignments=draw(st.lists(alignment, max_size=3)),
    )


@given(articles())
def test_article_round_trips_through_json(article: Article) -> None:
    data = json.loads(json.dumps(to_dict(article)))
    assert from_dict(Article, data) == article


@given(stories())
def test_story_round_trips_through_json(story: Story) -> None:
    data = json.loads(json.dumps(to_dict(story)))
    assert from_dict(Story, data) == story


@given(st.lists(articles(), max_size=2), st.lists(stories(), max_size=2))
def test_batch_round_trips_through_json(arts: list[Article], sts: list[Story]) -> None:
    batch = Batch(
        articles=arts,
        entities=[Entity("e-1", "Lula", "PER", ["Luiz Inácio Lula da Silva"], ["a1"], "Q37181")],
        stories=sts,
        rejected=[Rejected("/tmp/x.bin", "binary file")],
    )
    assert from_dict(Batch, json.loads(json.dumps(to_dict(batch)))) == batch


def test_span_is_a_compact_pair_in_json() -> None:
    assert to_dict(Span(3, 9)) == [3, 9]
    assert to_dict(Sentence("s1", "Olá.", Span(0, 4))) == {"id": "s1", "text": "Olá.", "span": [0, 4]}


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4)])
def test_invalid_span_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(start, end)


def test_span_relations() -> None:
    outer, inner, apart = Span(0, 10), Span(2, 5), Span(10, 12)
    assert outer.contains(inner) and not inner.contains(outer)
    assert outer.overlaps(inner) and not outer.overlaps(apart)
    assert inner.shift(3) == Span(5, 8) and len(inner) == 3


def test_kept_lines_skip_removed_lines_and_keep_offsets() -> None:
    text = "---\nurl: x\n---\nMenu\nIncêndio em boate\n  Compartilhe  \nBombeiros chegaram cedo.\n"
    body = Span(text.index("Menu"), len(text))
    menu = Span(text.index("Menu"), text.index("Menu") + 4)
    share = Span(text.index("Compartilhe"), text.index("Compartilhe") + len("Compartilhe"))
    article = Article(
        id="a1",
        source=Source(path="x.txt"),
        text=text,
        content_hash="h",
        body=body,
        removed=[RemovedLine("Menu", "navigation", menu), RemovedLine("Compartilhe", "share_prompt", share)],
    )
    kept = article.kept_lines()
    assert [t for _, t in kept] == ["Incêndio em boate", "Bombeiros chegaram cedo."]
    assert all(article.at(span) == t for span, t in kept)
