"""``python -m parallax``: the same as the ``parallax`` command."""

from __future__ import annotations

from parallax.cli import main

if __name__ == "__main__":
    main()
