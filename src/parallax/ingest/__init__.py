"""PLACEHOLDER (scaffolding): plain UTF-8 files only."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from parallax.model import Article, Batch, Source
from parallax.options import Options


def read_inputs(paths: Sequence[str], options: Options) -> Batch:
    batch = Batch()
    for p in paths:
        for f in sorted(Path(p).rglob("*.txt")) if Path(p).is_dir() else [Path(p)]:
            text = f.read_text(encoding="utf-8")
            h = hashlib.sha256(text.encode()).hexdigest()
            batch.articles.append(Article(id="a" + h[:11], source=Source(path=str(f)), text=text, content_hash=h))
    return batch
