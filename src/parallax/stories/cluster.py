"""Group articles into stories: average-link clustering with the time window as a hard constraint.

Average link (rather than single link) keeps a chain of loosely related articles
from collapsing into one story: a cluster joins another only while the *mean*
similarity of all their cross pairs stays at or above ``options.story_threshold``.
Pairs outside ``options.story_window_days`` get a prohibitive distance, so no
cluster ever holds two articles further apart than the window.

Streaming (:func:`assign`) uses the same similarity and the same rule against the
stories that already exist: a new article joins the story whose members it
resembles most on average, when that mean reaches the threshold and no member is
outside the window; otherwise it opens a story of its own.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from parallax.model import Article, Story
from parallax.options import Options
from parallax.stories.features import (
    CANNOT_LINK,
    ArticleFeatures,
    CorpusStats,
    Matrix,
    add_embeddings,
    article_features,
    similarity,
)

_FAR = 1e6
_LANGUAGE_PREFERENCE = ("pt", "en", "es")


def story_id(article_ids: Sequence[str]) -> str:
    """Deterministic id of a story: a short hash of its sorted article ids."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return "st-" + digest[:10]


def _time_key(f: ArticleFeatures) -> tuple[int, datetime, str]:
    return (0, f.published, f.id) if f.published else (1, datetime.min, f.id)


def _blocks(features: Sequence[ArticleFeatures], window_days: float) -> list[list[int]]:
    """Split into runs of publication time with gaps wider than the window (no link can cross one)."""
    order = sorted(range(len(features)), key=lambda i: _time_key(features[i]))
    dated = [i for i in order if features[i].published is not None]
    undated = [i for i in order if features[i].published is None]
    if undated:  # an undated article may join anything: keep everything together
        return [order]
    blocks: list[list[int]] = []
    last: datetime | None = None
    for i in dated:
        published = features[i].published
        assert published is not None
        if last is None or (published - last).total_seconds() / 86400.0 > window_days:
            blocks.append([])
        blocks[-1].append(i)
        last = published
    return blocks


def cluster_indices(sim: Matrix, threshold: float) -> list[list[int]]:
    """Average-link clusters of a square similarity matrix (``CANNOT_LINK`` entries never merge)."""
    n = sim.shape[0]
    if n == 1:
        return [[0]]
    dist = np.where(sim <= CANNOT_LINK, _FAR, 1.0 - np.clip(sim, 0.0, 1.0))
    dist = np.maximum(dist, dist.T)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return list(groups.values())


def _preferred_language(members: Sequence[ArticleFeatures]) -> str | None:
    counts = Counter(f.language for f in members if f.language)
    if not counts:
        return None
    best = max(counts.values())
    tied = sorted(lang for lang, c in counts.items() if c == best)
    ranked = sorted(
        tied, key=lambda x: (_LANGUAGE_PREFERENCE.index(x) if x in _LANGUAGE_PREFERENCE else 9, x)
    )
    return ranked[0]


def build_story(members: Sequence[ArticleFeatures], sim: Matrix) -> Story:
    """A story from its members and their pairwise similarity (rows/cols in ``members`` order).

    The title is the headline of the most central article of the majority language
    (Portuguese on ties): the one with the highest mean similarity to the others.
    """
    language = _preferred_language(members)
    n = len(members)
    centrality = (sim.sum(axis=1) - np.diag(sim)) / max(1, n - 1) if n > 1 else np.zeros(1)
    candidates = [i for i in range(n) if members[i].language == language] or list(range(n))
    central = min(candidates, key=lambda i: (-round(float(centrality[i]), 9), _time_key(members[i])))
    ordered = sorted(members, key=_time_key)
    dates = [f.local_date for f in members if f.local_date]
    return Story(
        id=story_id([f.id for f in members]),
        title=members[central].title,
        date=min(dates) if dates else None,
        articles=[f.id for f in ordered],
    )


def _story_order(story: Story) -> tuple[int, str, str]:
    return (0 if story.date else 1, story.date or "", story.id)


def group(features: Sequence[ArticleFeatures], stats: CorpusStats, options: Options) -> list[Story]:
    """Stories over ``features`` (embeddings already filled when wanted), sorted by date then id."""
    stories: list[Story] = []
    for block in _blocks(features, options.story_window_days):
        members = [features[i] for i in block]
        sim = similarity(members, members, stats, options)
        for cluster in cluster_indices(sim, options.story_threshold):
            sub = sim[np.ix_(cluster, cluster)]
            stories.append(build_story([members[i] for i in cluster], sub))
    return sorted(stories, key=_story_order)


def featurize(articles: Sequence[Article], options: Options) -> list[ArticleFeatures]:
    features = [article_features(a, options) for a in articles]
    if options.embeddings:
        add_embeddings(features)
    return features


# --------------------------------------------------------------------------- streaming


@dataclass(slots=True)
class StoryState:
    """What streaming assignment keeps between calls: stories, member features and corpus statistics."""

    stories: list[Story] = field(default_factory=list)
    features: dict[str, ArticleFeatures] = field(default_factory=dict)
    stats: CorpusStats = field(default_factory=CorpusStats)


def assign(state: StoryState | None, new_articles: Sequence[Article], options: Options) -> StoryState:
    """Add ``new_articles`` to existing stories or open new ones; returns a new state.

    Articles are taken in publication order; each one joins the story with the
    highest mean similarity to its members when that mean reaches
    ``options.story_threshold`` and no member is outside the time window.
    Story ids follow the batch rule (hash of the member ids), so a story that
    grows gets a new id; compare the ``articles`` lists to follow it.
    """
    old = state or StoryState()
    stats = CorpusStats(old.stats.n_docs, Counter(old.stats.term_df), Counter(old.stats.entity_df))
    known = dict(old.features)
    members: dict[str, list[str]] = {s.id: list(s.articles) for s in old.stories}
    fresh = [a for a in new_articles if a.id not in known]
    new_features = featurize(fresh, options)
    stats.add(new_features)
    window = options.story_window_days
    for feature in sorted(new_features, key=_time_key):
        candidates = [
            f
            for f in known.values()
            if f.published is None
            or feature.published is None
            or abs((f.published - feature.published).total_seconds()) / 86400.0 <= window
        ]
        best_story, best_score = None, options.story_threshold
        if candidates:
            sims = similarity([feature], candidates, stats, options)[0]
            by_id = {f.id: float(s) for f, s in zip(candidates, sims, strict=True)}
            for sid in sorted(members):
                scores = [by_id.get(aid) for aid in members[sid]]
                if any(s is None or s <= CANNOT_LINK for s in scores):
                    continue
                mean = float(np.mean([s for s in scores if s is not None]))
                if mean >= best_score:
                    best_story, best_score = sid, mean
        known[feature.id] = feature
        if best_story is None:
            members[f"new:{feature.id}"] = [feature.id]
        else:
            members[best_story].append(feature.id)
    stories: list[Story] = []
    previous = {s.id: s for s in old.stories}
    for sid, ids in members.items():
        group_features = [known[i] for i in ids]
        if sid in previous and len(ids) == len(previous[sid].articles):
            stories.append(dataclasses.replace(previous[sid]))
            continue
        sim = similarity(group_features, group_features, stats, options)
        stories.append(build_story(group_features, sim))
    return StoryState(stories=sorted(stories, key=_story_order), features=known, stats=stats)
