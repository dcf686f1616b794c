"""Measuring Parallax: against the team's gold for ``examples/`` and against research corpora.

- :mod:`.gold` scores the whole pipeline against ``tests/gold/`` (``parallax eval gold``);
- :mod:`.harem` scores entity mentions on First HAREM (``parallax eval ner --harem``);
- :mod:`.cstnews` scores story grouping and sentence splitting on CSTNews
  (``parallax eval stories|sentences --cstnews``).

The research corpora are read from where the user keeps them, never copied.
"""

from __future__ import annotations

from parallax.evaluation.gold import article_key, evaluate, load_gold
from parallax.evaluation.scores import GoldReport, Score, bcubed

__all__ = ["GoldReport", "Score", "article_key", "bcubed", "evaluate", "load_gold"]
