"""An installed trained spaCy pipeline as extra signal (``pt_core_news_lg`` for users who have it).

Nothing is ever downloaded: a pipeline is used only when its package is installed
(``{lang}_core_news_{lg,md,sm}`` or ``{lang}_core_web_*``, larger first) and
``Options.trained_pipelines`` is on. It is loaded once per process, and the parse of
an article is kept for the other stages of the same run (:func:`trained_doc`), so
quotes can read the subject of a reporting verb from the same parse.

Its named entities become mentions (PER/ORG/LOC/MISC), with boundaries checked
against the parser: a person's name runs over its ``flat:name`` / proper-noun
chain, and loses a leading determiner or punctuation.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

from parallax.model import Article, EntityMention, EntityType, Span
from parallax.options import Options

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Package names tried for a language, best first: size before genre.
SIZES: tuple[str, ...] = ("lg", "md", "sm")
GENRES: tuple[str, ...] = ("news", "web")

#: spaCy entity labels (WikiNER and OntoNotes schemes) → Parallax types; others are dropped.
LABELS: dict[str, EntityType] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}

_NAME_DEPS = frozenset({"flat:name", "flat", "compound:name"})
_DOC_CACHE_SIZE = 32
_docs: OrderedDict[tuple[str, str, str], Doc] = OrderedDict()


def candidate_packages(lang: str) -> list[str]:
    """Package names a trained pipeline for ``lang`` may be installed under, best first."""
    return [f"{lang}_core_{genre}_{size}" for size in SIZES for genre in GENRES]


@lru_cache(maxsize=16)
def installed_pipeline(lang: str) -> str | None:
    """The best installed trained pipeline package for ``lang``, or None."""
    try:
        import spacy.util
    except ImportError:
        return None
    for name in candidate_packages(lang):
        if spacy.util.is_package(name):
            return name
    return None


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The pipeline of an installed package, loaded once per process."""
    import spacy

    return spacy.load(name)


def pipeline_for(language: str | None, options: Options | None = None) -> Language | None:
    """The trained pipeline to use for ``language``, or None (none installed, or switched off)."""
    options = options or Options(workspace=None)
    if not options.trained_pipelines or not language:
        return None
    name = installed_pipeline(language)
    if name is None:
        return None
    try:
        return load_pipeline(name)
    except (OSError, ImportError, ValueError):
        return None  # a broken install is no pipeline, not a failed run


def trained_doc(article: Article, options: Options | None = None) -> Doc | None:
    """The trained pipeline's parse of ``article.text`` (offsets index it), or None.

    Parses are cached per article (id, content hash, pipeline) for the rest of the run,
    so later stages reuse the entities stage's parse.
    """
    nlp = pipeline_for(article.language, options)
    if nlp is None:
        return None
    key = (article.id, article.content_hash, str(nlp.meta.get("name", "")))
    cached = _docs.get(key)
    if cached is not None:
        _docs.move_to_end(key)
        return cached
    doc = nlp(article.text)
    _docs[key] = doc
    if len(_docs) > _DOC_CACHE_SIZE:
        _docs.popitem(last=False)
    return doc


def trained_entities(article: Article, options: Options | None = None) -> list[EntityMention] | None:
    """Name mentions from the trained pipeline in the kept body, or None when there is no pipeline."""
    doc = trained_doc(article, options)
    if doc is None:
        return None
    kept = [span for span, _ in article.kept_lines()]
    out: list[EntityMention] = []
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        first, last = ent.start, ent.end - 1
        while first <= last and (doc[first].is_punct or doc[first].pos_ == "DET"):
            first += 1
        while last >= first and doc[last].is_punct:
            last -= 1
        if first > last:
            continue
        if kind == "PER":
            last = _name_chain_end(doc, first, last)
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        span = Span(start, end)
        if not any(k.start <= start and end <= k.end for k in kept):
            continue
        out.append(EntityMention(text=article.text[start:end], type=kind, span=span, kind="name"))
    return out


def _name_chain_end(doc: Doc, first: int, last: int) -> int:
    """Extend a person's name over the proper nouns the parser attaches to it as parts of one name."""
    k = last + 1
    while (
        k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].dep_ in _NAME_DEPS and first <= doc[k].head.i < k
    ):
        last = k
        k += 1
    return last


def merge_trained(mentions: list[EntityMention], trained: list[EntityMention]) -> list[EntityMention]:
    """Add the pipeline's names where Parallax found none, and type Parallax's MISC names it types."""
    by_span = {(m.span.start, m.span.end): m for m in trained}
    out: list[EntityMention] = []
    for m in mentions:
        other = by_span.get((m.span.start, m.span.end))
        if m.kind == "name" and m.type == "MISC" and other is not None and other.type != "MISC":
            m = dataclasses.replace(m, type=other.type)
        out.append(m)
    names = [m.span for m in mentions if m.kind == "name"]
    out.extend(t for t in trained if not any(s.overlaps(t.span) for s in names))
    kind_order = {"name": 0, "nominal": 1, "demonym": 2}
    out.sort(key=lambda m: (m.span.start, kind_order[m.kind], -m.span.end))
    return out


__all__ = [
    "GENRES",
    "LABELS",
    "SIZES",
    "candidate_packages",
    "installed_pipeline",
    "load_pipeline",
    "merge_trained",
    "pipeline_for",
    "trained_doc",
    "trained_entities",
]
