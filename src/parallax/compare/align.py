"""Sentence alignment across the articles of a story.

Every sentence of every article becomes a :class:`Unit` with its content
lemmas, entity ids, figures and dates; so do the title and the subtitle lines
under it (subtitles: leading lines that end without a full stop, before the
first sentence that does). They restate the lead, so they can support a claim
but never anchor one (see :mod:`parallax.compare.claims`), and they are left
out of the sentence alignments; titles are compared by their words, names and
figures only (not embedded). Content lemmas leave out the words of named
entities, which the entity term already counts: two sentences that only share
"Polícia Civil" or a person's name are about the same actor, not necessarily
saying the same thing. Two units of different articles score

=================  =========  =======  ========  =======
pair               embedding  lexical  entities  figures
=================  =========  =======  ========  =======
same language      0.45       0.35     0.10      0.10
other language     0.75       0.00     0.15      0.10
no embeddings      0.00       0.80     0.10      0.10
=================  =========  =======  ========  =======

(embedding = USE v3 cosine, lexical = Dice of folded ``simplemma`` content
lemmas, entities = Dice of merged entity ids, figures = Dice of stated figures
and dates). A same-language pair whose lexical Dice is under 0.15 is capped at
0.75 × threshold: close embeddings with almost no content word in common mean a
shared actor ("the minister said X" / "the minister did Y"), not a shared
statement; the pair still counts as related context for figures. Pairs at or
above ``options.alignment_threshold`` are aligned.

Calibration (CSTNews 6.0 dev clusters, NILC/USP, ``../shared/data/cstnews-dev``:
12.5 k Portuguese cross-document sentence pairs, 324 labelled "redundancy" or
"form"): cosine alone has ROC-AUC 0.961, lemma Dice 0.976, and 0.56 × cosine +
0.44 × Dice 0.982 with its best F1 (0.68) at 0.41, i.e. at 0.33 on the scale
above when a pair shares no entity or figure: hence the default threshold 0.35.
With the full score (entity words out of the lemmas) ROC-AUC is 0.976 and F1 at
0.35 is 0.64 (precision 0.65, recall 0.63; 0.63 with entity words counted twice);
capping same-language pairs whose lemma Dice is under 0.15 below the threshold
raises precision to 0.68 (recall 0.61, F1 0.64).
Lexical-only runs score lower: use a threshold near 0.25 with ``embeddings=False``.

The relation of an aligned pair is decided by these rules, first match wins:

1. ``conflicts``: a conflicting figure claim (:mod:`parallax.compare.figures`) opposes figures of
   the two sentences: the outlets give different values of one fact. Such a pair is listed
   even when its score is under the threshold (two leads with different death tolls);
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
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from parallax.compare.conflicts import Figure, figure
from parallax.compare.scope import Stated, Window, continues, era_of, scope_of, story_window
from parallax.model import Alignment, Article, Quantity, Relation, Span, SpanRef
from parallax.stories import embed
from parallax.stories.features import Matrix, set_overlap
from parallax.stories.text import content_lemmas, words
from parallax.text import fold

W_SAME = {"emb": 0.45, "lex": 0.35, "ent": 0.10, "fig": 0.10}
W_CROSS = {"emb": 0.75, "lex": 0.00, "ent": 0.15, "fig": 0.10}
W_LEXICAL = {"emb": 0.00, "lex": 0.80, "ent": 0.10, "fig": 0.10}
EQUIVALENT_MARGIN = 0.2
OVERLAP_MARGIN = 0.1
ATTRIBUTION_MARGIN = 0.05
LENGTH_RATIO = 0.7
COVERAGE = 0.6
MIN_WORDS = 4
MIN_LEXICAL = 0.15
LEXICAL_CAP = 0.75
MIN_CHARS = 20

_ATTRIBUTION = re.compile(
    r"\b(segundo|de acordo com|conforme|afirmou|disse|declarou|informou|relatou|explicou|"
    r"according to|said|says|told|stated|reported|"
    r"segun|de acuerdo con|dijo|afirmo|declaro|informo|explico)\b"
)
#: "Lisboa, 11 mar (Lusa) –", "RIO DE JANEIRO, July 6 (Reuters) -", "Río de Janeiro, 6 jul (EFE).-":
#: a place without digits, then a day and a month word in either order, an optional agency, a dash
_DATELINE = re.compile(
    r"^[^\d()]{2,60}?,\s*(?:\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,}\.?|[^\W\d_]{3,}\.?\s+\d{1,2})"
    r"(?:,?\s+(?:de\s+)?\d{4})?\s*(?:\([^)]*\))?\s*[-–—.]*\s*$"
)
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
    figures: list[Stated]
    keys: frozenset[str]  # figures and dates as set keys
    attributed: bool
    trivial: bool
    lead: bool  # the headline or among the first two substantive sentences
    #: years of the dates that set the sentence in another time than the story's (see :mod:`.scope`)
    era: frozenset[str]
    #: "title" and "subtitle" lines restate the lead: they support claims, never anchor one; titles are
    #: not embedded (no measurable gain on the sample corpus, a tenth of the stage's time): they are
    #: compared by their words, names and figures
    role: Literal["title", "subtitle", "body"] = "body"
    embedding: npt.NDArray[np.float32] | None = field(default=None)
    #: indices of the sentences right before and after this one in its paragraph (kept line)
    neighbours: tuple[int, ...] = ()

    @property
    def headline(self) -> bool:
        return self.role != "body"


def _is_trivial(article: Article, span: Span, text: str) -> bool:
    if len(text.strip()) < MIN_CHARS or len(words(text)) < MIN_WORDS:
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    if _DATELINE.match(text.strip()):
        return True
    for credit in article.credits:
        if credit.kind in _CREDIT_KINDS and credit.span is not None and credit.span.overlaps(span):
            shared = min(credit.span.end, span.end) - max(credit.span.start, span.start)
            if shared >= 0.5 * len(span):
                return True
    return False


def _entity_key(entity: str | None, type_: str, text: str) -> str:
    return entity if entity else f"~{type_}:{fold(text)}"


def _without_names(article: Article, span: Span, text: str) -> str:
    """The text with its named-entity mentions blanked out (offsets kept)."""
    chars = list(text)
    for m in article.entities:
        if m.kind == "name" and span.start <= m.span.start < span.end:
            for k in range(m.span.start - span.start, min(len(chars), m.span.end - span.start)):
                chars[k] = " "
    return "".join(chars)


def _readings(article: Article) -> list[tuple[Quantity, Figure, bool]]:
    """The article's comparable quantities in text order, each with whether a figure with the same key
    came before it (then "outros" marks an increment)."""
    out: list[tuple[Quantity, Figure, bool]] = []
    seen: set[str] = set()
    for q in sorted(article.quantities, key=lambda q: q.span):
        f = figure(
            q,
            article.text[q.span.end : q.span.end + 40],
            article.text[max(0, q.span.start - 40) : q.span.start],
        )
        if f is not None:
            out.append((q, f, f.key in seen))
            seen.add(f.key)
    return out


def _unit(
    article: Article,
    rank: int,
    index: int,
    span: Span,
    text: str,
    *,
    trivial: bool,
    lead: bool,
    role: Literal["title", "subtitle", "body"],
    readings: Sequence[tuple[Quantity, Figure, bool]],
    window: Window,
) -> Unit:
    inside = [m for m in article.entities if span.start <= m.span.start < span.end]
    figures = [
        Stated(f, q.span, scope_of(article, span, q, f, counted_before))
        for q, f, counted_before in readings
        if span.start <= q.span.start < span.end
    ]
    dates = [d for d in article.dates if span.start <= d.span.start < span.end and d.value]
    keys = {f"{s.figure.key}={s.figure.value:g}" for s in figures} | {f"date={d.value}" for d in dates}
    quoted = any(q.speaker is not None and q.span.overlaps(span) for q in article.quotes)
    lemmas = content_lemmas(_without_names(article, span, text), article.language)
    return Unit(
        index=index,
        article=article,
        article_rank=rank,
        span=span,
        text=text,
        language=article.language,
        lemmas=frozenset(lemmas),
        n_content=len(lemmas),
        entities=frozenset(
            _entity_key(m.entity, m.type, m.text) for m in inside if m.kind == "name" or m.entity
        ),
        figures=figures,
        keys=frozenset(keys),
        attributed=quoted or bool(_ATTRIBUTION.search(fold(text))),
        trivial=trivial,
        lead=lead,
        era=era_of(article, span, window),
        role=role,
    )


_FINAL = re.compile(r"[.!?…]['\"”’»)]*$")
MAX_DECKS = 2


def _decks(article: Article, trivial: Sequence[bool], kept: Sequence[Span]) -> set[Span]:
    """Subtitle lines: leading sentences that fill a kept line and end without a full stop, before the
    first sentence that does (the headline's deck, "Fogo começou durante show; 17 feridos ...")."""
    lines = set(kept)
    out: set[Span] = set()
    for sentence, skip in zip(article.sentences, trivial, strict=True):
        text = sentence.text.strip()
        if skip:
            continue
        if _FINAL.search(text) or sentence.span not in lines or len(out) == MAX_DECKS:
            break
        out.add(sentence.span)
    else:
        return set()  # no sentence ends with a full stop: nothing tells a deck from the body
    return out


def units_of(article: Article, rank: int, start_index: int, window: Window | None = None) -> list[Unit]:
    """The article's headline and subtitle lines (flagged ``headline``) and its sentences as units;
    trivial ones are flagged, not dropped. ``window`` is the story's (:func:`.scope.story_window`; by
    default the article's own): a sentence dated outside it, or carrying on such a sentence, is about
    another time (its ``era``)."""
    window = window if window is not None else story_window([article])
    readings = _readings(article)
    out: list[Unit] = []
    title = article.title_span
    if title is not None:
        text = article.at(title)
        if len(text.strip()) >= MIN_CHARS and len(words(text)) >= MIN_WORDS:
            out.append(
                _unit(
                    article,
                    rank,
                    start_index,
                    title,
                    text,
                    trivial=False,
                    lead=True,
                    role="title",
                    readings=readings,
                    window=window,
                )
            )
    flags = [_is_trivial(article, s.span, s.text) for s in article.sentences]
    kept = [span for span, _ in article.kept_lines()]
    decks = _decks(article, flags, kept)
    substantive = 0  # non-trivial body sentences seen so far: the lead is the first two of them
    previous: Unit | None = None
    for sentence, trivial in zip(article.sentences, flags, strict=True):
        if title is not None and title.overlaps(sentence.span):
            continue
        deck = sentence.span in decks
        unit = _unit(
            article,
            rank,
            start_index + len(out),
            sentence.span,
            sentence.text,
            trivial=trivial,
            lead=deck or (not trivial and substantive < 2),
            role="subtitle" if deck else "body",
            readings=readings,
            window=window,
        )
        if (
            previous is not None
            and previous.era
            and not unit.era
            and continues(article, previous.span, unit.span, unit.text)
        ):
            unit.era = previous.era  # "Ela matou 16 pessoas" after a sentence dated 1966
        out.append(unit)
        substantive += not trivial and not deck
        previous = unit
    _link_paragraphs([u for u in out if u.role == "body"], kept)
    return out


def _link_paragraphs(body: Sequence[Unit], lines: Sequence[Span]) -> None:
    """Set ``neighbours``: consecutive sentences of one kept line (``lines``, in text order) are one
    paragraph."""
    where: list[int | None] = []
    k = 0
    for u in body:
        while k < len(lines) and lines[k].end <= u.span.start:
            k += 1
        where.append(k if k < len(lines) and lines[k].contains(u.span) else None)
    for k in range(len(body) - 1):
        if where[k] is not None and where[k] == where[k + 1]:
            body[k].neighbours = (*body[k].neighbours, body[k + 1].index)
            body[k + 1].neighbours = (*body[k + 1].neighbours, body[k].index)


def score_matrix(units: Sequence[Unit], use_embeddings: bool, threshold: float = 0.35) -> Matrix:
    """Pairwise alignment scores (see module doc); 0 within one article."""
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
        score = np.where(same & (lexical < MIN_LEXICAL), np.minimum(score, LEXICAL_CAP * threshold), score)
    else:
        score = W_LEXICAL["lex"] * lexical + W_LEXICAL["ent"] * entities + W_LEXICAL["fig"] * figures
    ranks = np.array([u.article_rank for u in units])
    score = np.where(ranks[:, None] == ranks[None, :], 0.0, score)
    return np.asarray(score, dtype=np.float64)


def _coverage(small: Unit, large: Unit, cosine: float) -> float:
    if small.language == large.language and small.lemmas:
        return len(small.lemmas & large.lemmas) / len(small.lemmas)
    names = small.entities | small.keys
    if not names or cosine < COVERAGE:
        return 0.0
    return len(names & (large.entities | large.keys)) / len(names)


def relation(
    a: Unit, b: Unit, score: float, threshold: float, conflicting: bool = False
) -> tuple[Relation, Unit, Unit]:
    """The relation of an aligned pair and its orientation (see the module doc for the rules);
    ``conflicting``: a conflicting figure claim opposes figures of the two sentences."""
    first, second = sorted((a, b), key=lambda u: (u.article_rank, u.span.start))
    if conflicting:
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


def alignments(
    units: Sequence[Unit], scores: Matrix, threshold: float, conflicts: Collection[tuple[int, int]] = ()
) -> list[Alignment]:
    """Aligned pairs of non-trivial sentences of two articles, headlines aside, with their relation, and
    the pairs of sentences whose figures a conflicting figure claim opposes (``conflicts``: unit index
    pairs, lower first), aligned or not: two leads that give different death tolls say related things."""
    out: list[tuple[tuple[int, int, int, int], Alignment]] = []
    if not units:
        return []
    keep = np.array([not (u.trivial or u.headline) for u in units])
    aligned = np.triu(scores >= threshold, k=1) & keep[:, None] & keep[None, :]
    opposed = {(min(i, j), max(i, j)) for i, j in conflicts}
    for i, j in opposed:
        if keep[i] and keep[j]:
            aligned[i, j] = True
    for i, j in zip(*np.nonzero(aligned), strict=True):
        s = float(scores[i, j])
        rel, a, b = relation(units[i], units[j], s, threshold, (int(i), int(j)) in opposed)
        key = (a.article_rank, a.span.start, b.article_rank, b.span.start)
        out.append(
            (key, Alignment(SpanRef(a.article.id, a.span), SpanRef(b.article.id, b.span), rel, round(s, 4)))
        )
    return [alignment for _, alignment in sorted(out, key=lambda x: x[0])]
