"""Throughput of the extraction stages on one core, and their share of ``analyze``'s total time.

Usage: ``python bench/extraction.py --articles 500 [--no-embeddings] [--seed 7] [--name-tagger e5]``

Generates a corpus (``bench/corpus.py``), reads it, and runs ``analyze``'s pipeline once,
stage by stage, in this process with ``OMP_NUM_THREADS=1``. For the extraction stages
(sentences, entities, quotes, dates, quantities) it prints sentences per second, each
and together, and their share of the whole analyze time (reading, every stage of the
default pipeline; no workspace). Seconds are CPU seconds of this process
(``time.process_time``): on a shared machine other processes do not inflate them, and
with one thread they are what one core spends. Every figure is also given as a multiple of a baseline
measured in the same process on the same files: reading, decoding and splitting their
lines (as ``bench/run.py`` does).

The dates and the quantities stages each tokenize the kept sentences
(``nlp.dates.tokenized_segments``); the line "tokenizing" measures one such pass, the
part of each stage that is not pattern matching. (The quantities stage reuses the dates
stage's dates to skip numbers inside dates; it runs the date finder itself only on an
article without dates.)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from parallax.ingest import read_inputs
from parallax.nlp.dates import tokenized_segments
from parallax.options import NAME_TAGGERS, Options
from parallax.pipeline import resolve

EXTRACTION: tuple[str, ...] = ("sentences", "entities", "quotes", "dates", "quantities")


def baseline(paths: list[Path]) -> float:
    start = time.process_time()
    lines = 0
    for path in paths:
        lines += len(path.read_bytes().decode("utf-8").splitlines())
    assert lines > 0
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--name-tagger", choices=NAME_TAGGERS, default="crf")
    args = parser.parse_args()

    options = Options(workspace=None, embeddings=not args.no_embeddings, name_tagger=args.name_tagger)
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        paths = corpus.write(Path(tmp), args.articles, args.seed)
        base = min(baseline(paths) for _ in range(3))

        seconds: dict[str, float] = {}
        start = time.process_time()
        batch = read_inputs([tmp], options)
        seconds["read + decode (ingest)"] = time.process_time() - start
        for stage in resolve(options.pipeline):
            start = time.process_time()
            batch = stage.func(batch, options)
            seconds[stage.name] = time.process_time() - start
        total = sum(seconds.values())
        sentences = sum(len(a.sentences) for a in batch.articles)
        words = sum(len(batch.articles[i].text.split()) for i in range(len(batch.articles)))

        start = time.process_time()
        for article in batch.articles:
            tokenized_segments(article)
        tokenizing = time.process_time() - start

        n = len(batch.articles)
        print(
            f"# extraction stages, {n} generated articles, {sentences:,} sentences, 1 process, 1 thread, "
            f"name tagger {options.name_tagger}"
        )
        print(f"baseline (read, decode, split lines): {base * 1000:.1f} ms; ~{words:,} words\n")
        print("| stage | seconds | sentences/s | share of analyze | x baseline |")
        print("|---|---:|---:|---:|---:|")
        for name in EXTRACTION:
            s = seconds[name]
            print(f"| {name} | {s:.2f} | {sentences / s:,.0f} | {s / total:.1%} | {s / base:,.1f} |")
        together = sum(seconds[name] for name in EXTRACTION)
        print(
            f"| **extraction together** | {together:.2f} | {sentences / together:,.0f} | "
            f"{together / total:.1%} | {together / base:,.1f} |"
        )
        print(
            f"| tokenizing (once; dates and quantities each do it) | {tokenizing:.2f} | "
            f"{sentences / tokenizing:,.0f} | {tokenizing / total:.1%} | {tokenizing / base:,.1f} |"
        )
        print(
            f"| analyze total (read + every stage) | {total:.2f} | {sentences / total:,.0f} | 100% | "
            f"{total / base:,.1f} |"
        )
        others = ", ".join(f"{k} {v:.2f}" for k, v in seconds.items() if k not in EXTRACTION)
        print(f"\nother stages (s): {others}")
        if batch.rejected:
            print(f"rejected: {len(batch.rejected)} (first: {batch.rejected[0].reason})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
