"""The Portuguese name taggers: a CRF learned from First HAREM, and the opt-in fine-tuned
e5 encoder that decides together with it (see docs/ner-model.md)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_model(name: str | None) -> Path | None:
    """Where a model file of ``parallax/nlp/ner/models`` lies, or None when it is not there."""
    if name is None:
        return None
    path = Path(str(resources.files("parallax.nlp.ner").joinpath("models", name)))
    return path if path.is_file() else None
