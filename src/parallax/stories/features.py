"""Per-article features and the article-to-article similarity used to group stories.

One similarity, used both by the batch stage and by streaming assignment, so an
article lands in the same story whichever way it arrives. It combines

* **TF-IDF** cosine over folded content lemmas of title (counted twice), lead and
  body, with sub-linear term frequency: the classic same-event signal;
* **entities**: cosine of the merged entity ids, each weighted by its IDF in the
  corpus, so that a shared "Brasil" counts less than a shared "Petrópolis"
  (ids are language-independent after merging);
* **figures**: Dice overlap of stated figures (``about``/unit + value) and of
  day-precise dates;
* **embeddings**: cosine of USE v3 vectors of title + lead; the only signal that
  crosses languages beyond names.

Weights (sum to 1) depend on whether the two articles share a language:

=================  =========  ======  ========  =======
pair               embedding  TF-IDF  entities  figures
=================  =========  ======  ========  =======
same language      0.30       0.35    0.25      0.10
other language     0.55       0.00    0.35      0.10
no embeddings      0.00       0.55    0.33      0.12
=================  =========  ======  ========  =======

TF-IDF is dropped across languages because only names match there, which the
entity term already counts. Then two factors make places and dates weigh, so
that two storms in two cities a few days apart stay apart although their words
match: when both leads name places, the score is multiplied by
``0.5 + 0.5 * place_cosine`` (``0.7 + 0.3 * place_cosine`` when places are only
guessed from capitalised words because no entity stage ran); when both leads carry day-precise dates and share
none, by 0.7. Finally a mild time decay ``1 - 0.2 * gap / window`` and the hard
window: pairs further apart than ``story_window_days`` get -1 (never linked).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
from scipy import sparse

from parallax.model import Article
from parallax.options import Options
from parallax.stories import embed
from parallax.stories.text import STOPWORDS, content_lemmas, words
from parallax.text import fold

LEAD_SENTENCES = 2
#: places and dates are read from the title and this many first sentences
CONTEXT_SENTENCES = 3
CANNOT_LINK = -1.0

Matrix = npt.NDArray[np.float64]

W_SAME = {"emb": 0.30, "tfidf": 0.35, "ent": 0.25, "fig": 0.10}
W_CROSS = {"emb": 0.55, "tfidf": 0.00, "ent": 0.35, "fig": 0.10}
W_LEXICAL = {"emb": 0.00, "tfidf": 0.55, "ent": 0.33, "fig": 0.12}
PLACE_FLOOR = 0.5
#: softer when places are guessed from capitalised words (no entity stage ran)
GUESSED_PLACE_FLOOR = 0.7
DATE_MISMATCH = 0.7
TIME_DECAY = 0.2


@dataclass(slots=True)
class ArticleFeatures:
    id: str
    language: str | None
    published: datetime | None  # UTC, naive
    local_date: str | None  # the publication date as the outlet states it (ISO date)
    title: str
    lead: str
    terms: Counter[str]
    entities: frozenset[str]
    places: frozenset[str]
    figures: frozenset[str]
    lead_dates: frozenset[str]
    embedding: npt.NDArray[np.float32] | None = None
    guessed_places: bool = False


@dataclass(slots=True)
class CorpusStats:
    """Document frequencies the IDF weights come from; updated as articles arrive."""

    n_docs: int = 0
    term_df: Counter[str] = field(default_factory=Counter)
    entity_df: Counter[str] = field(default_factory=Counter)

    def add(self, features: Iterable[ArticleFeatures]) -> None:
        for f in features:
            self.n_docs += 1
            self.term_df.update(f.terms.keys())
            self.entity_df.update(f.entities | f.places)

    def idf(self, df: int) -> float:
        return math.log((1 + self.n_docs) / (1 + df)) + 1.0


def parse_published(value: str | None) -> tuple[datetime | None, str | None]:
    """UTC instant and local ISO date of a publication timestamp (date-only values are midnight UTC)."""
    if not value:
        return None, None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None, None
    local = moment.date().isoformat()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment, local


def headline(article: Article) -> str:
    if article.title:
        return article.title.strip()
    if article.title_span is not None:
        return article.at(article.title_span).strip()
    if article.sentences:
        return article.sentences[0].text.strip()
    lines = article.kept_lines()
    return lines[0][1] if lines else ""


def _body_sentences(article: Article) -> list[tuple[int, int, str]]:
    """Sentences (start, end, text), or kept lines when no sentence split ran."""
    if article.sentences:
        return [(s.span.start, s.span.end, s.text) for s in article.sentences]
    return [(span.start, span.end, text) for span, text in article.kept_lines()]


def _entity_key(entity_id: str | None, type_: str, text: str) -> str:
    return entity_id if entity_id else f"~{type_}:{fold(text)}"


def _figure_key(about: str | None, unit: str | None, value: float) -> str:
    return f"{about or unit or ''}={value:g}"


def _capitalised(text: str) -> set[str]:
    """Capitalised words that do not open the sentence, as stand-in entity keys."""
    out: set[str] = set()
    for i, (_, _, word) in enumerate(words(text)):
        folded = fold(word)
        if i > 0 and word[:1].isupper() and folded not in STOPWORDS and len(folded) > 2:
            out.add("~cap:" + folded)
    return out


def article_features(article: Article, options: Options) -> ArticleFeatures:
    """Everything the similarity needs from one article (no embedding yet)."""
    title = headline(article)
    sentences = _body_sentences(article)
    if sentences and sentences[0][2].strip() == title and article.title_span is None:
        sentences = sentences[1:]
    lead = " ".join(s[2] for s in sentences[:LEAD_SENTENCES])
    context_end = sentences[CONTEXT_SENTENCES - 1][1] if len(sentences) >= CONTEXT_SENTENCES else None
    if article.title_span is not None and context_end is not None:
        context_end = max(context_end, article.title_span.end)

    def in_context(start: int) -> bool:
        return context_end is None or start < context_end

    language = article.language
    terms: Counter[str] = Counter()
    terms.update(content_lemmas(title, language) * 2)
    for _, _, text in sentences:
        terms.update(content_lemmas(text, language))

    entities: set[str] = set()
    places: set[str] = set()
    for mention in article.entities:
        if mention.kind != "name" and mention.entity is None:
            continue
        key = _entity_key(mention.entity, mention.type, mention.text)
        entities.add(key)
        if mention.type == "LOC" and in_context(mention.span.start):
            places.add(key)

    if not article.entities:  # no entity stage ran: capitalised words stand in for names and places
        for start, _, text in [(s[0], s[1], s[2]) for s in sentences] + [(-1, -1, title)]:
            for key in _capitalised(text):
                entities.add(key)
                if in_context(start):
                    places.add(key)

    figures: set[str] = set()
    for q in article.quantities:
        if q.value is not None:
            figures.add(_figure_key(q.about, q.unit, q.value))
    lead_dates: set[str] = set()
    for d in article.dates:
        if d.value and len(d.value) >= 10:
            day = d.value[:10]
            figures.add(f"date={day}")
            if in_context(d.span.start):
                lead_dates.add(day)

    published, local_date = parse_published(article.published or options.default_published)
    return ArticleFeatures(
        id=article.id,
        language=language,
        published=published,
        local_date=local_date,
        title=title,
        lead=lead,
        terms=terms,
        entities=frozenset(entities),
        places=frozenset(places),
        figures=frozenset(figures),
        lead_dates=frozenset(lead_dates),
        guessed_places=not article.entities,
    )


def add_embeddings(features: Sequence[ArticleFeatures]) -> None:
    """Fill ``embedding`` from title + first lead sentence, in one batch."""
    todo = [f for f in features if f.embedding is None]
    if not todo:
        return
    texts = [(f.title + ". " + f.lead)[:600] for f in todo]
    vectors = embed.encode(texts)
    for f, vector in zip(todo, vectors, strict=True):
        f.embedding = vector


# --------------------------------------------------------------------------- similarity


def _weighted_rows(rows: Sequence[dict[str, float]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        for key, value in row.items():
            indices.append(vocabulary[key])
            data.append(value / norm)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(1, len(vocabulary))))


def _cosines(a: Sequence[dict[str, float]], b: Sequence[dict[str, float]]) -> Matrix:
    vocabulary: dict[str, int] = {}
    for row in [*a, *b]:
        for key in row:
            vocabulary.setdefault(key, len(vocabulary))
    ma, mb = _weighted_rows(a, vocabulary), _weighted_rows(b, vocabulary)
    return np.asarray((ma @ mb.T).toarray(), dtype=np.float64)


def set_overlap(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> tuple[Matrix, Matrix]:
    """Shared-element counts and Dice coefficients of two lists of sets."""
    vocabulary: dict[str, int] = {}
    for s in [*a, *b]:
        for key in s:
            vocabulary.setdefault(key, len(vocabulary))

    def matrix(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix:
        indices = [vocabulary[k] for s in sets for k in sorted(s)]
        indptr = np.cumsum([0, *[len(s) for s in sets]])
        data = np.ones(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(1, len(vocabulary))))

    shared = np.asarray((matrix(a) @ matrix(b).T).toarray(), dtype=np.float64)
    sizes = np.add.outer(np.array([len(s) for s in a], float), np.array([len(s) for s in b], float))
    dice = np.divide(2 * shared, sizes, out=np.zeros_like(shared), where=sizes > 0)
    return shared, dice


def _timestamps(features: Sequence[ArticleFeatures]) -> Matrix:
    epoch = datetime(1970, 1, 1)
    return np.array(
        [(f.published - epoch).total_seconds() if f.published else np.nan for f in features], dtype=np.float64
    )


def similarity(
    a: Sequence[ArticleFeatures], b: Sequence[ArticleFeatures], stats: CorpusStats, options: Options
) -> Matrix:
    """Same-event similarity of every article of ``a`` with every article of ``b`` (see module doc)."""
    if not a or not b:
        return np.zeros((len(a), len(b)))

    def tfidf(f: ArticleFeatures) -> dict[str, float]:
        return {t: (1 + math.log(c)) * stats.idf(stats.term_df.get(t, 0)) for t, c in f.terms.items()}

    def weighted(keys: frozenset[str]) -> dict[str, float]:
        return {k: stats.idf(stats.entity_df.get(k, 0)) for k in keys}

    text_sim = _cosines([tfidf(f) for f in a], [tfidf(f) for f in b])
    entity_sim = _cosines([weighted(f.entities) for f in a], [weighted(f.entities) for f in b])
    place_sim = _cosines([weighted(f.places) for f in a], [weighted(f.places) for f in b])
    _, figure_sim = set_overlap([f.figures for f in a], [f.figures for f in b])
    shared_dates, _ = set_overlap([f.lead_dates for f in a], [f.lead_dates for f in b])

    use_embeddings = options.embeddings and all(f.embedding is not None for f in [*a, *b])
    if use_embeddings:
        ea = np.stack([f.embedding for f in a if f.embedding is not None]).astype(np.float64)
        eb = np.stack([f.embedding for f in b if f.embedding is not None]).astype(np.float64)
        emb_sim = np.clip(ea @ eb.T, 0.0, 1.0)
        lang_a = np.array([f.language or "" for f in a])
        lang_b = np.array([f.language or "" for f in b])
        same = lang_a[:, None] == lang_b[None, :]
        score = np.where(
            same,
            W_SAME["emb"] * emb_sim + W_SAME["tfidf"] * text_sim + W_SAME["ent"] * entity_sim,
            W_CROSS["emb"] * emb_sim + W_CROSS["tfidf"] * text_sim + W_CROSS["ent"] * entity_sim,
        )
        score += np.where(same, W_SAME["fig"], W_CROSS["fig"]) * figure_sim
    else:
        score = W_LEXICAL["tfidf"] * text_sim + W_LEXICAL["ent"] * entity_sim + W_LEXICAL["fig"] * figure_sim

    has_places = np.outer([bool(f.places) for f in a], [bool(f.places) for f in b])
    guessed = np.outer([f.guessed_places for f in a], [f.guessed_places for f in b])
    floor = np.where(guessed, GUESSED_PLACE_FLOOR, PLACE_FLOOR)
    score *= np.where(has_places, floor + (1 - floor) * place_sim, 1.0)
    has_dates = np.outer([bool(f.lead_dates) for f in a], [bool(f.lead_dates) for f in b])
    score *= np.where(has_dates & (shared_dates == 0), DATE_MISMATCH, 1.0)

    window = max(options.story_window_days, 1e-9)
    ta, tb = _timestamps(a), _timestamps(b)
    known = ~np.isnan(ta)[:, None] & ~np.isnan(tb)[None, :]
    gap = np.nan_to_num(np.abs(ta[:, None] - tb[None, :]) / 86400.0)
    score *= 1.0 - TIME_DECAY * np.minimum(gap / window, 1.0)
    score = np.where(known & (gap > window), CANNOT_LINK, score)
    return np.asarray(score, dtype=np.float64)
