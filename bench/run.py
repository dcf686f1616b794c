"""End-to-end throughput of ``parallax analyze``, stage by stage, on a generated corpus.

Usage: ``python bench/run.py --articles 1000 [--jobs 2] [--no-embeddings]``

Absolute seconds depend on the machine, so every figure is also printed as a ratio
to a baseline measured in the same process on the same files: reading and decoding
them and splitting their lines (what any tool must do at least). A stage that costs
"12.0x baseline" costs twelve times that minimal pass, wherever it runs.
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
from parallax.options import Options
from parallax.pipeline import resolve, run


def baseline(paths: list[Path]) -> float:
    start = time.perf_counter()
    lines = 0
    for path in paths:
        lines += len(path.read_bytes().decode("utf-8").splitlines())
    assert lines > 0
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1, help="also time the whole run with N processes")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    options = Options(workspace=None, embeddings=not args.no_embeddings)
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        paths = corpus.write(Path(tmp), args.articles, args.seed)
        n = len(paths)
        base = min(baseline(paths) for _ in range(3))

        rows: list[tuple[str, float]] = []
        start = time.perf_counter()
        batch = read_inputs([tmp], options)
        rows.append(("read + decode (ingest)", time.perf_counter() - start))
        sentences = 0
        for stage in resolve(options.pipeline):
            start = time.perf_counter()
            batch = stage.func(batch, options)
            rows.append((stage.name, time.perf_counter() - start))
            if stage.name == "sentences":
                sentences = sum(len(a.sentences) for a in batch.articles)
        total = sum(seconds for _, seconds in rows)

        print(f"# parallax analyze, {n} generated articles, {len(batch.stories)} stories, 1 process")
        print(f"baseline (read, decode, split lines): {base * 1000:.1f} ms = {n / base:,.0f} articles/s\n")
        print("| stage | seconds | articles/s | share | x baseline |")
        print("|---|---:|---:|---:|---:|")
        for name, seconds in rows:
            rate = n / seconds if seconds else float("inf")
            print(f"| {name} | {seconds:.2f} | {rate:,.0f} | {seconds / total:.1%} | {seconds / base:,.1f} |")
        print(f"| **total** | {total:.2f} | {n / total:,.1f} | 100% | {total / base:,.1f} |")
        if sentences:
            print(f"\nsentences: {sentences:,}")
        if batch.rejected:
            print(f"rejected: {len(batch.rejected)} (first: {batch.rejected[0].reason})")

        if args.jobs > 1:
            pooled = options.replace(jobs=args.jobs)
            start = time.perf_counter()
            run(read_inputs([tmp], pooled), pooled)
            seconds = time.perf_counter() - start
            print(
                f"\nwhole run with --jobs {args.jobs}: {seconds:.2f} s = {n / seconds:,.1f} articles/s "
                f"({total / seconds:.2f}x the single-process run)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
