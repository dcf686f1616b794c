"""Mention replacement for the name tagger's training data."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parallax.nlp.entities import tokenize
from parallax.nlp.ner.augment import name_runs, swapped_mentions
from parallax.nlp.ner.features import Segment

# (text, label per token)
SENTENCES = [
    ("A ministra Marina Silva visitou Manaus .", ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]),
    ("O Banco Central reuniu-se em Brasília .", ["O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "O"]),
    ("Gabriel Galípolo falou .", ["B-PER", "I-PER", "O", "O"]),
    ("Choveu muito ontem .", ["O", "O", "O", "O"]),
]


def labelled(text: str, labels: list[str]) -> tuple[Segment, list[str]]:
    tokens = tokenize(text)
    assert len(tokens) == len(labels), [t.text for t in tokens]
    return Segment(tokens, False), labels


def corpus() -> list[tuple[list[Segment], list[list[str]]]]:
    pairs = [labelled(text, labels) for text, labels in SENTENCES]
    return [
        ([pairs[0][0], pairs[1][0]], [pairs[0][1], pairs[1][1]]),
        ([pairs[2][0], pairs[3][0]], [pairs[2][1], pairs[3][1]]),
    ]


def names(segment: Segment, labels: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(t.text for t in segment.tokens[a:b]), kind) for a, b, kind in name_runs(labels)]


def rendered(segment: Segment) -> str:
    out = ""
    for k, token in enumerate(segment.tokens):
        out += (" " if k and token.start > segment.tokens[k - 1].end else "") + token.text
    return out


def test_name_runs_reads_bio_rows() -> None:
    assert name_runs(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "B-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (6, 7, "ORG"),
    ]


def test_one_copy_per_segment_with_names_and_only_names_change() -> None:
    texts = corpus()
    copies = swapped_mentions(texts, 1.0, seed=1)
    originals = [labelled(text, labels) for text, labels in SENTENCES if any(lab != "O" for lab in labels)]
    assert len(copies) == len(originals) == 3
    pool = {name for segment, labels in originals for name in names(segment, labels)}
    for (copy, copy_labels), (segment, labels) in zip(copies, originals, strict=True):
        assert len(copy.tokens) == len(copy_labels)
        assert set(names(copy, copy_labels)) <= pool, "every name comes from the training names, type kept"
        context = [(t.text, lab) for t, lab in zip(segment.tokens, labels, strict=True) if lab == "O"]
        copy_context = [(t.text, lab) for t, lab in zip(copy.tokens, copy_labels, strict=True) if lab == "O"]
        assert copy_context == context, "words outside names are untouched"


def test_spacing_is_kept_and_a_swapped_name_keeps_its_own() -> None:
    first = Segment(tokenize("Segundo a Folha(SP), o caso avança."), False)
    second = Segment(tokenize("A UE/Otan reagiu."), False)
    first_labels = ["O", "O", "B-ORG"] + ["O"] * 8
    second_labels = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    texts = [([first, second], [first_labels, second_labels])]
    for seed in range(8):
        (a, _), (b, _) = swapped_mentions(texts, 1.0, seed)
        assert rendered(a) in {"Segundo a Folha(SP), o caso avança.", "Segundo a UE/Otan(SP), o caso avança."}
        assert rendered(b) in {"A UE/Otan reagiu.", "A Folha reagiu."}


def test_same_seed_same_copies_other_seed_other_copies() -> None:
    texts = corpus()

    def words(seed: int) -> list[list[str]]:
        return [[t.text for t in s.tokens] for s, _ in swapped_mentions(texts, 0.5, seed)]

    assert words(5) == words(5)
    assert any(words(seed) != words(5) for seed in range(6, 12))


_LABEL = st.sampled_from(["O", "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"])


@given(
    st.lists(st.lists(_LABEL, min_size=1, max_size=12), min_size=1, max_size=6),
    st.floats(0, 1),
    st.integers(0, 99),
)
def test_copies_are_valid_bio_with_the_same_context(rows: list[list[str]], rate: float, seed: int) -> None:
    # make each row valid BIO: an I- that does not continue a name of its type opens one
    fixed = []
    for row in rows:
        out: list[str] = []
        for label in row:
            if label.startswith("I-") and (not out or out[-1][2:] != label[2:] or out[-1] == "O"):
                label = "B-" + label[2:]
            out.append(label)
        fixed.append(out)
    segments = [
        Segment(tokenize(" ".join(f"W{k}x{n}" for n in range(len(row)))), False)
        for k, row in enumerate(fixed)
    ]
    copies = swapped_mentions([(segments, fixed)], rate, seed)
    assert len(copies) == sum(any(lab != "O" for lab in row) for row in fixed)
    originals = [(s, row) for s, row in zip(segments, fixed, strict=True) if any(lab != "O" for lab in row)]
    for (copy, labels), (segment, row) in zip(copies, originals, strict=True):
        assert [r[2] for r in name_runs(labels)] == [r[2] for r in name_runs(row)], "same names, same types"
        assert all(not lab.startswith("I-") or labels[k - 1] != "O" for k, lab in enumerate(labels))
        assert [t.text for t, lab in zip(copy.tokens, labels, strict=True) if lab == "O"] == [
            t.text for t, lab in zip(segment.tokens, row, strict=True) if lab == "O"
        ]
        assert all(b.start > a.end for a, b in zip(copy.tokens, copy.tokens[1:], strict=False)), (
            "spaced as the source"
        )


def test_the_rate_is_each_names_chance_of_a_swap() -> None:
    # 200 sentences with two distinct names each: a drawn name is rarely the same one
    segments = [Segment(tokenize(f"Nome{k}a falou com Nome{k}b ."), False) for k in range(200)]
    rows = [["B-PER", "O", "O", "B-PER", "O"]] * 200
    texts = [(segments, rows)]

    def changed(rate: float) -> list[int]:
        copies = swapped_mentions(texts, rate, seed=11)
        return [
            sum(c.tokens[k].text != s.tokens[k].text for k in (0, 3))
            for (c, _), s in zip(copies, segments, strict=True)
        ]

    assert max(changed(0.0)) == 1, "at rate 0 one name per copy"
    assert sum(changed(1.0)) >= 395
    # two names at 0.5, plus one forced when neither was drawn (a quarter of copies): 1.25 per copy
    assert 215 <= sum(changed(0.5)) <= 285
