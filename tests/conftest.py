"""Shared fixtures: the sample corpus analysed once per test session and its gold."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

# One BLAS thread per process: the embedding model is fastest that way on small machines.
os.environ.setdefault("OMP_NUM_THREADS", "1")

from parallax.evaluation import load_gold
from parallax.ingest import read_inputs
from parallax.model import Batch
from parallax.options import Options
from parallax.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "gold"
SHARED_DATA = Path(os.environ.get("PARALLAX_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def analysed_examples() -> Batch:
    """The whole default pipeline over ``examples/``, in memory (no workspace)."""
    options = Options(workspace=None)
    return run(read_inputs([str(EXAMPLES)], options), options)


@pytest.fixture(scope="session")
def gold() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    return load_gold(GOLD)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"research corpora not found at {SHARED_DATA}")
    return SHARED_DATA
