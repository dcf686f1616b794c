"""The shipped Portuguese CRF name tagger: loading, tagging, and how its spans join the rules'.

The model (``models/pt-harem.crfsuite``) is learned from First HAREM (see
``docs/ner-model.md`` and :mod:`parallax.nlp.ner.train`). It tags tokens with BIO
labels; PER, ORG and LOC spans become name mentions. The rule system keeps what
the corpus does not teach: nominal role mentions, demonyms, and MISC names. With the
``e5`` name tagger the CRF's label marginals and a fine-tuned encoder's probabilities
decide together (:mod:`parallax.nlp.ner.e5`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pycrfsuite

from parallax.model import Article, EntityMention, EntityType, Span
from parallax.nlp.entities import Token
from parallax.nlp.ner import shipped_model
from parallax.nlp.ner.e5 import E5Tagger, shared_tagger
from parallax.nlp.ner.encoder import Matrix
from parallax.nlp.ner.features import Segment, article_features, article_segments
from parallax.options import NameTagger

#: The labels a model may emit that become name mentions; others (TEMPO, VALOR) are dropped.
NAME_TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC"})

_FIRST_CAPITAL = re.compile(r"(?<![\w-])[A-ZÀ-Ý0-9]")
#: A sentence-initial article before a lower-case title ("O juiz Fulano"): part of the title.
_ARTICLE_BEFORE_TITLE = re.compile(r"(?:O|A|Os|As)\s+(?=[a-zà-ÿ])")

#: Shipped models by language code.
MODELS: dict[str, str] = {"pt": "pt-harem.crfsuite"}

#: How CRF spans and the rule system's names are combined.
#: ``crf``: CRF names replace the rules' PER/ORG/LOC names; rule MISC names, nominal
#: mentions and demonyms stay where no CRF name overlaps them.
#: ``union``: as ``crf``, and rule PER/ORG/LOC names stay too where no CRF name overlaps.
Policy = Literal["crf", "union"]
DEFAULT_POLICY: Policy = "crf"


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A name found by the tagger: character offsets into ``Article.text`` and its type."""

    start: int
    end: int
    type: str


def model_path(lang: str) -> Path | None:
    """Where the shipped model of ``lang`` lies, or None when there is none."""
    return shipped_model(MODELS.get(lang))


@lru_cache(maxsize=4)
def load_tagger(path: str) -> pycrfsuite.Tagger:
    """An opened tagger, once per process and model file."""
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, type) token ranges of a BIO sequence; a stray I- opens a span."""
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    current = ""
    for k, label in enumerate([*labels, "O"]):
        kind = label[2:] if label != "O" else ""
        continues = label.startswith("I-") and kind == current and start is not None
        if continues:
            continue
        if start is not None:
            out.append((start, k, current))
            start, current = None, ""
        if label != "O":
            start, current = k, kind
    return out


def labelled_spans(segments: Sequence[Segment], label_rows: Sequence[Sequence[str]]) -> list[TaggedSpan]:
    """The name-shaped PER/ORG/LOC spans of each segment's BIO labels."""
    out: list[TaggedSpan] = []
    for segment, labels in zip(segments, label_rows, strict=True):
        for first, stop, kind in bio_spans(labels):
            if kind in NAME_TYPES and _name_shaped(segment.tokens[first:stop]):
                out.append(TaggedSpan(segment.tokens[first].start, segment.tokens[stop - 1].end, kind))
    return out


def crf_log_probs(
    tagger: pycrfsuite.Tagger, features: Sequence[Sequence[str]], labels: Sequence[str]
) -> Matrix:
    """The CRF's per-token label marginals (log, floored at 1e-6), columns in ``labels`` order."""
    tagger.set(features)
    known = set(tagger.labels())
    marginals = np.array(
        [
            [tagger.marginal(label, k) if label in known else 0.0 for label in labels]
            for k in range(len(features))
        ],
        dtype=np.float32,
    ).reshape(len(features), len(labels))
    return np.log(np.clip(marginals, 1e-6, 1.0))


def tag_article(
    article: Article,
    rule_mentions: Sequence[EntityMention],
    countries: Sequence[str],
    tagger: pycrfsuite.Tagger,
    encoder: E5Tagger | None = None,
) -> list[TaggedSpan]:
    """The tagger's PER/ORG/LOC names in the article's title line and sentences; with
    ``encoder``, the CRF's and the encoder's label probabilities decide together."""
    segments = article_segments(article)
    features = article_features(article, segments, rule_mentions, countries)
    if encoder is None:
        return labelled_spans(segments, [tagger.tag(f) for f in features])
    prior = [crf_log_probs(tagger, f, encoder.labels) for f in features]
    return labelled_spans(segments, encoder.tag(segments, prior))


#: Lower-case words a name may hold in a row after its first capital ("Rio de Janeiro").
_MAX_LOWER_RUN = 2
#: Tokens without a letter a name may hold in a row (an address: "Área Industrial 88.104-800").
_MAX_UNLETTERED_RUN = 8


def _name_shaped(tokens: Sequence[Token]) -> bool:
    """Whether a tagged span looks like a name: on "de de de ..." or "1.1.1.1 ..." the tagger,
    trained on prose, may run one label across hundreds of tokens. Leading lower-case
    words are a title that :func:`_without_title` strips."""
    capital_seen = False
    lower = unlettered = 0
    previous = ""
    for tok in tokens:
        first = tok.text[:1]
        if first.islower() and tok.text == previous:  # "de de": no name repeats a small word
            return False
        previous = tok.text
        capital_seen = capital_seen or first.isupper()
        lower = lower + 1 if capital_seen and first.islower() else 0
        unlettered = 0 if any(c.isalpha() for c in tok.text) else unlettered + 1
        if lower > _MAX_LOWER_RUN or unlettered > _MAX_UNLETTERED_RUN:
            return False
    return True


def combine(
    article: Article,
    rule_mentions: Sequence[EntityMention],
    tagged: Sequence[TaggedSpan],
    policy: Policy = DEFAULT_POLICY,
    known: Collection[tuple[int, int]] = frozenset(),
) -> list[EntityMention]:
    """The article's mentions: tagged names first, then the rule mentions the policy keeps.

    A tagged name loses leading lower-case words ("presidente Lula" gives "Lula": a
    title is not part of a name in Parallax, though HAREM often includes it), and
    takes the rules' type when the rules found the same name in the knowledge base. A
    nominal mention stays unless a tagged name takes its role noun.
    """
    rule_types = {(m.span.start, m.span.end): m.type for m in rule_mentions if m.kind == "name"}
    covered = [Span(t.start, t.end) for t in tagged]  # a stripped title is no mention of its own either
    tagged = [_typed(t, rule_types, known) for t in (_without_title(article, t) for t in tagged) if t]
    tagged = _with_rule_starts(tagged, rule_mentions)
    spans = [Span(t.start, t.end) for t in tagged]
    out = [
        EntityMention(text=article.text[t.start : t.end], type=_entity_type(t.type), span=span, kind="name")
        for t, span in zip(tagged, spans, strict=True)
    ]
    coverage = _Coverage(covered)
    for m in rule_mentions:
        # a covering span starts at or before the mention (and before its end) and ends after its start
        if m.kind == "nominal" and not coverage.reaches(min(m.span.start, m.span.end - 1), m.span.start):
            out.append(m)  # "prefeito de Jacobina" holds the name "Jacobina": both are kept
            continue
        if coverage.reaches(m.span.end - 1, m.span.start):  # some tagged span overlaps it
            continue
        if m.kind == "name" and m.type in NAME_TYPES and policy == "crf":
            continue
        out.append(m)
    kind_order = {"name": 0, "nominal": 1, "demonym": 2}
    out.sort(key=lambda m: (m.span.start, kind_order[m.kind], -m.span.end))
    return out


class _Coverage:
    """Spans sorted by start with the furthest end reached so far: overlap tests in log time,
    so that an article with thousands of names and mentions is not compared pair by pair."""

    __slots__ = ("_furthest", "_starts")

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._furthest = list(itertools.accumulate((s.end for s in ordered), max))

    def reaches(self, last_start: int, beyond: int) -> bool:
        """Whether a span starting at or before ``last_start`` ends after ``beyond``."""
        k = bisect.bisect_right(self._starts, last_start)
        return k > 0 and self._furthest[k - 1] > beyond


def _without_title(article: Article, span: TaggedSpan) -> TaggedSpan | None:
    """The span from its first capitalised word on ("O juiz" before it is a title too),
    or None when it has none."""
    if span.type != "PER":
        return span
    text = article.text[span.start : span.end]
    match = _FIRST_CAPITAL.search(text)
    if match is not None and _ARTICLE_BEFORE_TITLE.match(text, match.start()):
        match = _FIRST_CAPITAL.search(text, match.end())
    if match is None:
        return None
    return TaggedSpan(span.start + match.start(), span.end, span.type) if match.start() else span


def _with_rule_starts(tagged: Sequence[TaggedSpan], rules: Sequence[EntityMention]) -> list[TaggedSpan]:
    """A tagged name that the rules read longer with the same type, ending on the same word,
    takes the rules' start ("Maria da Conceição Tavares" where the tagger kept "Conceição
    Tavares", "Rumo Macro" where it kept "Macro"), unless another tagged name lies in between."""
    starts: dict[tuple[int, str], int] = {
        (m.span.end, m.type): m.span.start for m in rules if m.kind == "name" and m.type in NAME_TYPES
    }
    ends = sorted(t.end for t in tagged)
    out: list[TaggedSpan] = []
    for t in tagged:
        start = starts.get((t.end, t.type))
        if (
            start is not None
            and start < t.start
            and bisect.bisect_right(ends, t.start) == bisect.bisect_right(ends, start)
        ):
            t = TaggedSpan(start, t.end, t.type)
        out.append(t)
    return out


def _typed(
    span: TaggedSpan, rule_types: Mapping[tuple[int, int], str], known: Collection[tuple[int, int]]
) -> TaggedSpan:
    key = (span.start, span.end)
    if key in known and rule_types.get(key, span.type) in NAME_TYPES:
        return TaggedSpan(span.start, span.end, rule_types[key])
    return span


def _entity_type(label: str) -> EntityType:
    if label == "PER":
        return "PER"
    if label == "ORG":
        return "ORG"
    if label == "LOC":
        return "LOC"
    return "MISC"


def tagged_entities(
    article: Article,
    rule_mentions: Sequence[EntityMention],
    known: Collection[tuple[int, int]],
    countries: Sequence[str],
    name_tagger: NameTagger = "crf",
) -> list[EntityMention] | None:
    """The rule mentions corrected by the shipped tagger, or None when no model serves the language.

    ``known`` holds the (start, end) of the rules' names typed from the knowledge base.
    The e5 tagger raises :class:`~parallax.nlp.ner.encoder.EncoderUnavailable` when its
    weights are not installed: asking for it and silently getting the CRF would hide that.
    """
    lang = article.language or ""
    path = model_path(lang)
    if path is None:
        return None
    encoder = shared_tagger(lang) if name_tagger == "e5" else None
    tagged = tag_article(article, rule_mentions, countries, load_tagger(str(path)), encoder)
    return combine(article, rule_mentions, tagged, known=known)


__all__ = [
    "DEFAULT_POLICY",
    "MODELS",
    "NAME_TYPES",
    "Policy",
    "TaggedSpan",
    "bio_spans",
    "combine",
    "crf_log_probs",
    "labelled_spans",
    "load_tagger",
    "model_path",
    "tag_article",
    "tagged_entities",
]
