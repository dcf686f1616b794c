"""Sentence alignment across the articles of a story.

Every sentence of every article becomes a :class:`Unit` with its content
lemmas, entity ids, figures and dates. Two units of different articles score

=================  =========  =======  ========  =======
pair               embedding  lexical  entities  figures
=================  =========  =======  ========  =======
same language      0.45       0.35     0.10      0.10
other language     0.75       0.00     0.15      0.10
no embeddings      0.00       0.80     0.10      0.10
=================  =========  =======  ========  =======

(embedding = USE v3 cosine, lexical = Dice of folded ``simplemma`` content
lemmas, entities = Dice of merged entity ids, figures = Dice of stated figures
and dates). Pairs at or above ``options.alignment_threshold`` are aligned.

Calibration (CSTNews 6.0 dev clusters, NILC/USP, ``../shared/data/cstnews-dev``:
12 k Portuguese cross-document sentence pairs, 322 labelled "redundancy"): cosine
alone has ROC-AUC 0.961, lemma Dice 0.976, and 0.56 × cosine + 0.44 × Dice
0.982 with its best F1 (0.68) at 0.41, i.e. at 0.33 on the scale above when a
pair shares no entity or figure: hence the default threshold 0.35. Lexical-only
runs score lower: use a threshold
near 0.25 with ``embeddings=False`` (F1 0.65 there on the same pairs;
0.66 at 0.35 with embeddings, precision 0.75, recall 0.59).

The relation of an aligned pair is decided by these rules, first match wins:

1. ``conflicts``: the two sentences state figures about the same attribute that differ;
2. ``attribution``: one sentence attributes its content to a source ("segundo X",
   a reporting verb, a quote with a speaker) and the other does not, and the
   score is at least threshold + 0.05;
3. ``equivalent``: score >= threshold + 0.2 and the shorter has at least 70 % of
   the content words of the longer (across languages: of its characters);
4. ``subsumes``: the shorter is under 70 % of the longer and at least 60 % of its
   content (lemmas; across languages: its names and figures, with cosine >= 0.6)
   is in the longer; ``a`` is the longer sentence;
5. ``overlaps``: score >= threshold + 0.1 (each adds something of its own);
6. ``elaborates``: otherwise (weaker alignment: same subject, one adds detail).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax.compare.conflicts import Figure, differ, figure
from parallax.model import Alignment, Article, Relation, Span, SpanRef
from parallax.stories import embed
from parallax.stories.features import Matrix, set_overlap
from parallax.stories.text import content_lemmas, fold, words

W_SAME = {"emb": 0.45, "lex": 0.35, "ent": 0.10, "fig": 0.10}
W_CROSS = {"emb": 0.75, "lex": 0.00, "ent": 0.15, "fig": 0.10}
W_LEXICAL = {"emb": 0.00, "lex": 0.80, "ent": 0.10, "fig": 0.10}
EQUIVALENT_MARGIN = 0.2
OVERLAP_MARGIN = 0.1
ATTRIBUTION_MARGIN = 0.05
LENGTH_RATIO = 0.7
COVERAGE = 0.6
MIN_WORDS = 4
MIN_CHARS = 20

_ATTRIBUTION = re.compile(
    r"\b(segundo|de acordo com|conforme|afirmou|disse|declarou|informou|relatou|explicou|"
    r"according to|said|says|told|stated|reported|"
    r"segun|de acuerdo con|dijo|afirmo|declaro|informo|explico)\b"
)
_DATELINE = re.compile(r"^[\w\s.,'’-]{2,60},\s*\d{1,2}\b.{0,40}(\(\w[^)]*\))?\s*[-–—]?\s*$")
_CREDIT_KINDS = frozenset({"dateline", "byline", "with_agencies"})


@dataclass(slots=True, eq=False)
class Unit:
    """One sentence of one article, ready to compare."""

    index: int  # position in the story's unit list
    article: Article
    article_rank: int  # position of the article in the story
    span: Span
    text: str
    language: str | None
    lemmas: frozenset[str]
    n_content: int
    entities: frozenset[str]
    figures: list[tuple[Figure, Span]]
    keys: frozenset[str]  # figures and dates as set keys
    attributed: bool
    trivial: bool
    lead: bool  # among the first two sentences
    background: bool  # dated in another year than the publication
    embedding: npt.NDArray[np.float32] | None = field(default=None)


def _is_trivial(article: Article, span: Span, text: str) -> bool:
    if len(text.strip()) < MIN_CHARS or len(words(text)) < MIN_WORDS:
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    if _DATELINE.match(text.strip()):
        return True
    if article.title_span is not None and article.title_span.overlaps(span):
        return True
    for credit in article.credits:
        if credit.kind in _CREDIT_KINDS and credit.span is not None and credit.span.overlaps(span):
            shared = min(credit.span.end, span.end) - max(credit.span.start, span.start)
            if shared >= 0.5 * len(span):
                return True
    return False


def _entity_key(entity: str | None, type_: str, text: str) -> str:
    return entity if entity else f"~{type_}:{fold(text)}"


def units_of(article: Article, rank: int, start_index: int) -> list[Unit]:
    """The article's sentences as units (trivial ones flagged, not dropped)."""
    year = (article.published or "")[:4]
    out: list[Unit] = []
    substantive = 0  # non-trivial sentences seen so far: the lead is the first two of them
    for sentence in article.sentences:
        span = sentence.span
        inside = [m for m in article.entities if span.start <= m.span.start < span.end]
        figures = []
        for q in article.quantities:
            if span.start <= q.span.start < span.end:
                f = figure(q, article.text[q.span.end : q.span.end + 40])
                if f is not None:
                    figures.append((f, q.span))
        dates = [d for d in article.dates if span.start <= d.span.start < span.end and d.value]
        keys = {f"{f.key}={f.value:g}" for f, _ in figures} | {f"date={d.value}" for d in dates}
        quoted = any(q.speaker is not None and q.span.overlaps(span) for q in article.quotes)
        lemmas = content_lemmas(sentence.text, article.language)
        trivial = _is_trivial(article, span, sentence.text)
        out.append(
            Unit(
                index=start_index + len(out),
                article=article,
                article_rank=rank,
                span=span,
                text=sentence.text,
                language=article.language,
                lemmas=frozenset(lemmas),
                n_content=len(lemmas),
                entities=frozenset(
                    _entity_key(m.entity, m.type, m.text) for m in inside if m.kind == "name" or m.entity
                ),
                figures=figures,
                keys=frozenset(keys),
                attributed=quoted or bool(_ATTRIBUTION.search(fold(sentence.text))),
                trivial=trivial,
                lead=not trivial and substantive < 2,
                background=bool(year) and any(d.value and d.value[:4] != year for d in dates if d.value),
            )
        )
        substantive += not trivial
    return out


def score_matrix(units: Sequence[Unit], use_embeddings: bool) -> Matrix:
    """Pairwise alignment scores; 0 within one article."""
    n = len(units)
    if n == 0:
        return np.zeros((0, 0))
    shared, _ = set_overlap([u.lemmas for u in units], [u.lemmas for u in units])
    sizes = np.array([len(u.lemmas) for u in units], dtype=np.float64)
    total = sizes[:, None] + sizes[None, :]
    lexical = np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0)
    _, entities = set_overlap([u.entities for u in units], [u.entities for u in units])
    _, figures = set_overlap([u.keys for u in units], [u.keys for u in units])
    if use_embeddings and any(u.embedding is not None for u in units):
        zero = np.zeros(embed.DIM, dtype=np.float32)  # trivial units are not embedded
        e = np.stack([zero if u.embedding is None else u.embedding for u in units]).astype(np.float64)
        cosine = np.clip(e @ e.T, 0.0, 1.0)
        langs = np.array([u.language or "" for u in units])
        same = langs[:, None] == langs[None, :]
        score = np.where(
            same,
            W_SAME["emb"] * cosine
            + W_SAME["lex"] * lexical
            + W_SAME["ent"] * entities
            + W_SAME["fig"] * figures,
            W_CROSS["emb"] * cosine
            + W_CROSS["lex"] * lexical
            + W_CROSS["ent"] * entities
            + W_CROSS["fig"] * figures,
        )
    else:
        score = W_LEXICAL["lex"] * lexical + W_LEXICAL["ent"] * entities + W_LEXICAL["fig"] * figures
    ranks = np.array([u.article_rank for u in units])
    score = np.where(ranks[:, None] == ranks[None, :], 0.0, score)
    return np.asarray(score, dtype=np.float64)


def conflicting_figures(a: Unit, b: Unit) -> list[tuple[Figure, Figure]]:
    """Differing figures about one attribute that the other sentence does not also state."""

    def states(unit: Unit, f: Figure) -> bool:
        return any(g.key == f.key and not differ(g, f) for g, _ in unit.figures)

    return [
        (fa, fb)
        for fa, _ in a.figures
        for fb, _ in b.figures
        if differ(fa, fb) and not states(b, fa) and not states(a, fb)
    ]


def _coverage(small: Unit, large: Unit, cosine: float) -> float:
    if small.language == large.language and small.lemmas:
        return len(small.lemmas & large.lemmas) / len(small.lemmas)
    names = small.entities | small.keys
    if not names or cosine < COVERAGE:
        return 0.0
    return len(names & (large.entities | large.keys)) / len(names)


def relation(a: Unit, b: Unit, score: float, threshold: float) -> tuple[Relation, Unit, Unit]:
    """The relation of an aligned pair and its orientation (see the module doc for the rules)."""
    first, second = sorted((a, b), key=lambda u: (u.article_rank, u.span.start))
    if conflicting_figures(a, b):
        return "conflicts", first, second
    if a.attributed != b.attributed and score >= threshold + ATTRIBUTION_MARGIN:
        return "attribution", first, second
    if a.language == b.language:
        size_a, size_b = float(a.n_content), float(b.n_content)
    else:  # lemma counts differ between languages; lengths of translations stay close
        size_a, size_b = float(len(a.text)), float(len(b.text))
    longer, shorter = (a, b) if size_a >= size_b else (b, a)
    ratio = min(size_a, size_b) / max(size_a, size_b) if max(size_a, size_b) else 1.0
    if score >= threshold + EQUIVALENT_MARGIN and ratio >= LENGTH_RATIO:
        return "equivalent", first, second
    cosine = 0.0
    if a.embedding is not None and b.embedding is not None:
        cosine = float(np.dot(a.embedding, b.embedding))
    if ratio < LENGTH_RATIO and _coverage(shorter, longer, cosine) >= COVERAGE:
        return "subsumes", longer, shorter
    if score >= threshold + OVERLAP_MARGIN:
        return "overlaps", first, second
    return "elaborates", first, second


def alignments(units: Sequence[Unit], scores: Matrix, threshold: float) -> list[Alignment]:
    """Aligned pairs of non-trivial units of different articles, with their relation, sorted."""
    out: list[tuple[tuple[int, int, int, int], Alignment]] = []
    n = len(units)
    for i in range(n):
        if units[i].trivial:
            continue
        for j in range(i + 1, n):
            s = float(scores[i, j])
            if s < threshold or units[j].trivial:
                continue
            rel, a, b = relation(units[i], units[j], s, threshold)
            key = (a.article_rank, a.span.start, b.article_rank, b.span.start)
            out.append(
                (
                    key,
                    Alignment(SpanRef(a.article.id, a.span), SpanRef(b.article.id, b.span), rel, round(s, 4)),
                )
            )
    return [alignment for _, alignment in sorted(out, key=lambda x: x[0])]
