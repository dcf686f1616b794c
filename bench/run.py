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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from parallax.evaluation import bcubed
from parallax.ingest import read_inputs
from parallax.options import Options
from parallax.pipeline import resolve
from parallax.store import Workspace


def baseline(paths: list[Path]) -> float:
    start = time.perf_counter()
    lines = 0
    for path in paths:
        lines += len(path.read_bytes().decode("utf-8").splitlines())
    assert lines > 0
    return time.perf_counter() - start


def _whole_run(folder: str, jobs: int, no_embeddings: bool) -> float:
    """Seconds of ``read_inputs`` + ``pipeline.run`` in a new interpreter."""
    code = (
        "import sys, time\n"
        "from parallax.ingest import read_inputs\n"
        "from parallax.options import Options\n"
        "from parallax.pipeline import run\n"
        f"options = Options(workspace=None, jobs={jobs}, embeddings={not no_embeddings})\n"
        "start = time.perf_counter()\n"
        f"batch = run(read_inputs([{folder!r}], options), options)\n"
        "print(time.perf_counter() - start)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--jobs", type=int, default=1, help="also time whole runs with 1 and N processes, each in a fresh one"
    )
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
        start = time.perf_counter()
        with Workspace.open(Path(tmp) / "workspace") as ws:
            for article in batch.articles:
                ws.add_article(article)  # one transaction each, as `parallax ingest` stores them
            ws.save_analysis(batch)
        rows.append(("store (SQLite workspace)", time.perf_counter() - start))
        total = sum(seconds for _, seconds in rows)

        print(f"# parallax analyze, {n} generated articles, {len(batch.stories)} stories, 1 process")
        print(f"baseline (read, decode, split lines): {base * 1000:.1f} ms = {n / base:,.0f} articles/s\n")
        print("| stage | seconds | articles/s | share | x baseline |")
        print("|---|---:|---:|---:|---:|")
        for name, seconds in rows:
            rate = n / seconds if seconds else float("inf")
            print(f"| {name} | {seconds:.2f} | {rate:,.0f} | {seconds / total:.1%} | {seconds / base:,.1f} |")
        print(f"| **total** | {total:.2f} | {n / total:,.1f} | 100% | {total / base:,.1f} |")
        truth = {a.id: Path(a.source.path or "").stem.split("-")[0] for a in batch.articles}
        predicted = {aid: story.id for story in batch.stories for aid in story.articles}
        p, r, f1 = bcubed(predicted, truth)
        print(
            f"\nstories: {len(batch.stories)} found, {len(set(truth.values()))} generated; "
            f"B-cubed P {p:.3f} R {r:.3f} F1 {f1:.3f}"
        )
        if sentences:
            print(f"sentences: {sentences:,}")
        if batch.rejected:
            print(f"rejected: {len(batch.rejected)} (first: {batch.rejected[0].reason})")

        if args.jobs > 1:
            # Each whole run in a fresh process, so that neither inherits the other's loaded
            # model or embedding cache.
            single = _whole_run(tmp, 1, args.no_embeddings)
            pooled = _whole_run(tmp, args.jobs, args.no_embeddings)
            print(f"\nwhole run, fresh process, --jobs 1: {single:.2f} s = {n / single:,.1f} articles/s")
            print(
                f"whole run, fresh process, --jobs {args.jobs}: {pooled:.2f} s = "
                f"{n / pooled:,.1f} articles/s ({single / pooled:.2f}x)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
