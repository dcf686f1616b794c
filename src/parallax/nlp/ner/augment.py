"""Mention replacement for the name tagger's training data (Dai & Adel, 2020).

First HAREM's train split has 3,112 PER/ORG/LOC names in 121 documents: a fine-tuned
encoder can learn many of them by heart. Giving each sentence that holds names a second
copy in which some names are swapped for other names of the same type, taken from
elsewhere in the training documents, teaches it to read the context around a name
rather than the name itself. Pure and seeded, so a recipe run repeats.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from parallax.nlp.entities import Token
from parallax.nlp.ner.features import Segment

#: A name as its tokens' text and, for each token after the first, whether a space precedes it.
Name = tuple[tuple[str, ...], tuple[bool, ...]]
#: Segments and their BIO label rows (a document, or one swapped copy of a sentence).
Labelled = tuple[Sequence[Segment], Sequence[Sequence[str]]]


def name_runs(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each B-/I- run of a BIO label row."""
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(labels):
        if labels[k].startswith("B-"):
            kind = labels[k][2:]
            end = k + 1
            while end < len(labels) and labels[end] == f"I-{kind}":
                end += 1
            out.append((k, end, kind))
            k = end
        else:
            k += 1
    return out


def _name(tokens: Sequence[Token]) -> Name:
    return (
        tuple(t.text for t in tokens),
        tuple(tokens[k].start > tokens[k - 1].end for k in range(1, len(tokens))),
    )


def swapped_mentions(texts: Sequence[Labelled], rate: float, seed: int) -> list[tuple[Segment, list[str]]]:
    """For each labelled segment of ``texts`` that holds names, one copy in which each name
    is swapped, with probability ``rate`` (at least one per copy), for a name of the same
    type drawn from all of ``texts``. The copies keep the segments' spacing; their token
    offsets are their own (a copy is read alone, without neighbouring sentences)."""
    rng = random.Random(seed)
    pool: dict[str, list[Name]] = {}
    for segments, rows in texts:
        for segment, labels in zip(segments, rows, strict=True):
            for start, end, kind in name_runs(labels):
                pool.setdefault(kind, []).append(_name(segment.tokens[start:end]))
    out: list[tuple[Segment, list[str]]] = []
    for segments, rows in texts:
        for segment, labels in zip(segments, rows, strict=True):
            runs = name_runs(labels)
            if not runs:
                continue
            chosen = {run for run in runs if rng.random() < rate} or {rng.choice(runs)}
            out.append(_rebuilt(segment, labels, runs, chosen, pool, rng))
    return out


def _rebuilt(
    segment: Segment,
    labels: Sequence[str],
    runs: Sequence[tuple[int, int, str]],
    chosen: set[tuple[int, int, str]],
    pool: dict[str, list[Name]],
    rng: random.Random,
) -> tuple[Segment, list[str]]:
    tokens = segment.tokens
    words: list[tuple[str, bool, str]] = []  # text, space before, label
    at = 0
    for run in (*runs, (len(tokens), len(tokens), "")):
        start, end, kind = run
        for k in range(at, start):
            words.append((tokens[k].text, k > 0 and tokens[k].start > tokens[k - 1].end, labels[k]))
        if not kind:
            break
        texts, spaces = rng.choice(pool[kind]) if run in chosen else _name(tokens[start:end])
        first_space = start > 0 and tokens[start].start > tokens[start - 1].end
        for n, text in enumerate(texts):
            words.append((text, first_space if n == 0 else spaces[n - 1], ("B-" if n == 0 else "I-") + kind))
        at = end
    rebuilt: list[Token] = []
    offset = 0
    for text, space, _ in words:
        offset += bool(space)
        rebuilt.append(Token(text, offset, offset + len(text)))
        offset += len(text)
    return Segment(rebuilt, segment.title_case), [label for _, _, label in words]
