"""``python -m parallax.evaluation EXAMPLES_DIR GOLD_DIR``: the gold table, as ``parallax eval gold``."""

from __future__ import annotations

import sys

from parallax.cli import main

if __name__ == "__main__":
    main(["eval", "gold", *sys.argv[1:]])
