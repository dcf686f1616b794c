"""Corpus stage "stories": group the batch's articles into same-event stories.

See :mod:`parallax.stories.features` for the similarity and
:mod:`parallax.stories.cluster` for the grouping rule.
"""

from __future__ import annotations

import dataclasses

from parallax.model import Batch
from parallax.options import Options
from parallax.registry import corpus_stage
from parallax.stories.cluster import featurize, group
from parallax.stories.features import CorpusStats


@corpus_stage("stories", requires=("sentences", "entities", "entity_ids"), provides=("stories",))
def stories(batch: Batch, options: Options) -> Batch:
    """Group articles reporting the same event (any language, any outlet, within the time window)."""
    if not batch.articles:
        return dataclasses.replace(batch, stories=[])
    features = featurize(batch.articles, options)
    stats = CorpusStats()
    stats.add(features)
    return dataclasses.replace(batch, stories=group(features, stats, options))
