"""PLACEHOLDER (scaffolding)."""

from __future__ import annotations

from parallax.model import Batch
from parallax.options import Options
from parallax.registry import corpus_stage


@corpus_stage(
    "compare", requires=("stories", "quotes", "quantities", "credits", "entity_ids"), provides=("claims",)
)
def compare(batch: Batch, options: Options) -> Batch:
    return batch
