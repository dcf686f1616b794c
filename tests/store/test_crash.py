"""A ``parallax ingest`` killed with SIGKILL half-way loses nothing committed and duplicates nothing.

The run is made to stop half-way deterministically: a named pipe sits between two
halves of the corpus, so the process blocks on it after storing the first half
(or is killed while still storing it). The pipe is then replaced by a plain file
and the same command runs again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parallax.store import Workspace

FIRST_HALF = 150
SECOND_HALF = 150
TOTAL = FIRST_HALF + 1 + SECOND_HALF  # the pipe is an article too, once it is a file
TIMEOUT = 120.0

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def generated_article(n: int) -> str:
    cities = ["Campinas", "Pelotas", "Sobral", "Itajaí", "Marabá", "Caruaru"]
    city = cities[n % len(cities)]
    return (
        f"---\nurl: https://noticias.exemplo.org/{n}\noutlet: Folha Gerada {n % 7}\n"
        f"published: 2025-06-{1 + n % 28:02d}T08:00:00-03:00\n---\n"
        f"Prefeitura de {city} anuncia obra número {n}\n"
        f"A prefeitura de {city} anunciou nesta segunda-feira a obra {n}, "
        f"com custo estimado de R$ {n * 3},5 milhões e prazo de {n % 12 + 1} meses.\n"
        f"“Vamos começar pela ponte {n}”, disse o secretário de obras.\n"
    )


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM article_versions").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def ingest_command(workspace: Path) -> list[str]:
    # An empty pipeline stores articles as read: the test is about the store, not the stages.
    return [
        sys.executable,
        "-m",
        "parallax",
        "ingest",
        "first",
        "middle.txt",
        "second",
        "--workspace",
        str(workspace),
        "--pipeline",
        "",
    ]


def test_sigkill_half_way_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    for n in range(FIRST_HALF):
        (tmp_path / "first").mkdir(exist_ok=True)
        (tmp_path / "first" / f"{n:04d}.txt").write_text(generated_article(n), encoding="utf-8")
    for n in range(FIRST_HALF + 1, TOTAL):
        (tmp_path / "second").mkdir(exist_ok=True)
        (tmp_path / "second" / f"{n:04d}.txt").write_text(generated_article(n), encoding="utf-8")
    middle = tmp_path / "middle.txt"
    os.mkfifo(middle)
    workspace = tmp_path / "ws"
    db = workspace / "parallax.sqlite"
    env = os.environ | {"OMP_NUM_THREADS": "1"}

    proc = subprocess.Popen(
        ingest_command(workspace), cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while stored_count(db) == 0:  # kill as soon as writing has begun: likely mid-transaction
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "ingest stored nothing in time"
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run must have been killed, not have finished"

    survived = stored_count(db)
    assert 1 <= survived <= FIRST_HALF
    with Workspace.open(workspace) as ws:
        assert ws.integrity_check() == "ok"
        assert ws.counts()["sources"] == survived
        assert ws._conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone() == (1,)

    middle.unlink()
    middle.write_text(generated_article(FIRST_HALF), encoding="utf-8")
    rerun = subprocess.run(
        ingest_command(workspace), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == (
        f"new: {TOTAL - survived}, unchanged: {survived}, new_version: 0, rejected: 0"
    )

    with Workspace.open(workspace) as ws:
        assert ws.integrity_check() == "ok"
        counts = ws.counts()
        assert counts["sources"] == counts["versions"] == TOTAL
        conn = ws._conn
        assert conn.execute("SELECT count(*) FROM article_search").fetchone() == (TOTAL,)
        assert conn.execute("SELECT count(DISTINCT article_id) FROM article_versions").fetchone() == (TOTAL,)
        assert conn.execute("SELECT max(version) FROM article_versions").fetchone() == (1,)
        urls = {a.source.key for a in ws.latest_articles()}
        assert urls == {f"https://noticias.exemplo.org/{n}" for n in range(TOTAL)}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
