"""Exact and near-duplicate articles across sources (MinHash LSH over the kept body).

Outlets republish each other and agencies all the time, and scrapers fetch one
page under several URLs. Counting such copies as separate reports would inflate
corroboration, so each article that repeats an earlier one is marked with
``duplicate_of``: the original is the earliest published (then the smallest
source key), the similarity is the estimated Jaccard similarity of the kept
bodies' word shingles. Site chrome is left out (the ``clean`` stage runs first),
so two outlets' shared footer never makes their articles look alike.

Versions of one source (the same URL with changed content) are not duplicates
of each other: the workspace keeps them as versions and records the change.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from parallax.ingest import published_utc
from parallax.model import Article, Batch, Duplicate
from parallax.options import Options
from parallax.registry import corpus_stage
from parallax.text import fold

__all__ = ["SHINGLE_WORDS", "find_duplicates", "shingles"]

#: words per shingle: long enough that shared stock phrases do not make two reports alike
SHINGLE_WORDS = 5
_PERMUTATIONS = 128
_SEED = 7
_WORD = re.compile(r"\w+")


def shingles(article: Article) -> set[bytes]:
    """Overlapping word n-grams of the kept body (folded), the unit of similarity."""
    words = _WORD.findall(fold(" ".join(text for _, text in article.kept_lines())))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def _signature(grams: set[bytes]) -> MinHash:
    sig = MinHash(num_perm=_PERMUTATIONS, seed=_SEED)
    sig.update_batch(sorted(grams))
    return sig


def _order_key(article: Article) -> tuple[str, str, str]:
    # Undated articles come last: an original is something published first.
    return (published_utc(article.published) or "9999", article.source.key, article.id)


def find_duplicates(articles: Sequence[Article], threshold: float = 0.9) -> dict[str, Duplicate]:
    """Article id -> the earlier article it duplicates, for every duplicate among ``articles``."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"near-duplicate threshold must be in (0, 1], not {threshold}")
    ordered = sorted(articles, key=_order_key)
    found: dict[str, Duplicate] = {}
    first_by_hash: dict[str, Article] = {}
    # The index only proposes candidates (banding needs a threshold it can split into ≥ 2 bands);
    # every candidate is then checked against the real threshold.
    lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=_PERMUTATIONS)
    signatures: dict[str, MinHash] = {}
    by_id = {a.id: a for a in ordered}
    for article in ordered:
        exact = first_by_hash.get(article.content_hash)
        if exact is not None and exact.source.key != article.source.key:
            found[article.id] = Duplicate(article=_root(exact.id, found), kind="exact", similarity=1.0)
            continue
        first_by_hash.setdefault(article.content_hash, article)
        grams = shingles(article)
        if len(grams) < 2 or article.id in signatures:
            continue  # too short to judge; or the same article twice
        sig = _signature(grams)
        best: tuple[float, str] | None = None
        for other_id in lsh.query(sig):
            other = by_id[other_id]
            if other.source.key == article.source.key:
                continue
            similarity = float(np.mean(sig.hashvalues == signatures[other_id].hashvalues))
            if similarity >= threshold and (best is None or similarity > best[0]):
                best = (similarity, other_id)
        if best is not None:
            found[article.id] = Duplicate(
                article=_root(best[1], found), kind="near", similarity=round(best[0], 3)
            )
        else:
            lsh.insert(article.id, sig)  # only originals are indexed: a copy of a copy points at the root
        signatures[article.id] = sig
    return found


def _root(article_id: str, found: dict[str, Duplicate]) -> str:
    while article_id in found:
        article_id = found[article_id].article
    return article_id


@corpus_stage("duplicates", requires=("removed",), provides=("duplicates",))
def duplicates(batch: Batch, options: Options) -> Batch:
    """Mark every article that repeats an earlier one, exactly or nearly (``Article.duplicate_of``)."""
    found = find_duplicates(batch.articles, options.near_duplicate_threshold)
    articles = [dataclasses.replace(a, duplicate_of=found.get(a.id)) for a in batch.articles]
    return dataclasses.replace(batch, articles=articles)
