"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Batch
from parallax.options import Options
from parallax.registry import corpus_stage


@corpus_stage("merge_entities", requires=("entities", "quotes"), provides=("entity_ids",))
def merge_entities(batch: Batch, options: Options) -> Batch:
    return batch
