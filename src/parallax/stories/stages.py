"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Batch
from parallax.options import Options
from parallax.registry import corpus_stage


@corpus_stage("stories", requires=("sentences", "entities", "entity_ids"), provides=("stories",))
def stories(batch: Batch, options: Options) -> Batch:
    return batch
