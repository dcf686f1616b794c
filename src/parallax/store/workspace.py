"""The embedded workspace: one SQLite file that an analyst's corpus lives in.

Everything that changes the workspace is one transaction (one article, one
analysis save), committed in WAL mode, so a run killed at any instant leaves a
workspace that opens cleanly and holds every article committed before the kill;
running it again adds the rest and nothing twice.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from parallax.ingest.header import published_utc
from parallax.model import Article, Batch, Entity, Story, VersionChange, from_dict, to_dict
from parallax.store.schema import MIGRATIONS

DB_NAME = "parallax.sqlite"
AddStatus = Literal["new", "unchanged", "new_version"]

#: lines of unified diff kept in a version's change record
MAX_DIFF_LINES = 60
_SNIPPET_TOKENS = 16
_TITLE_WEIGHT = 4.0
_BODY_WEIGHT = 1.0


class WorkspaceError(Exception):
    """A workspace that cannot be opened or used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    source: str  # the source key: URL, else path
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # matched words wrapped in ** **
    score: float  # bm25, lower is better (SQLite's convention)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _json(value: Any) -> str:
    return json.dumps(to_dict(value), ensure_ascii=False, separators=(",", ":"))


def _search_body(article: Article) -> str:
    return "\n".join(text for _, text in article.kept_lines())


def version_change(previous: Article, current: Article) -> VersionChange:
    """What changed between two versions of one source, in kept body lines (site chrome left out)."""
    old = [text for _, text in previous.kept_lines()]
    new = [text for _, text in current.kept_lines()]
    added = removed = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed += i2 - i1
        if op in ("replace", "insert"):
            added += j2 - j1
    diff = list(difflib.unified_diff(old, new, lineterm="", n=1))[2:]  # no ---/+++ file header
    if len(diff) > MAX_DIFF_LINES:
        diff = [*diff[:MAX_DIFF_LINES], f"... {len(diff) - MAX_DIFF_LINES} more diff lines"]
    return VersionChange(
        previous=previous.id,
        previous_version=previous.version,
        lines_added=added,
        lines_removed=removed,
        title_changed=(previous.title or "") != (current.title or ""),
        diff=diff,
    )


class Workspace:
    """A Parallax workspace directory (``DIR/parallax.sqlite``). Use as a context manager."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Workspace:
        """Open (and with ``create``, make) the workspace in ``path``, migrating its schema."""
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise WorkspaceError(f"workspace {folder} is a file, not a folder")
        db = folder / DB_NAME
        if not db.exists():
            if not create:
                raise WorkspaceError(f"no workspace at {folder} (run 'parallax ingest' first)")
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"cannot create workspace {folder}: {exc.strerror or exc}") from exc
        try:
            conn = sqlite3.connect(db, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise WorkspaceError(f"cannot open workspace {folder}: {exc}") from exc
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a committed transaction survives a killed process; only an OS
            # crash or power cut may lose the last few, and the file is never corrupted.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            _migrate(conn, folder)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise WorkspaceError(f"{db} is not a usable Parallax workspace: {exc}") from exc
        except WorkspaceError:
            conn.close()
            raise
        return cls(folder, conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ articles

    def add_article(self, article: Article) -> AddStatus:
        """Store one article in one transaction.

        The same content at the same source is a no-op (``"unchanged"``); changed
        content is stored as the next version, with the change from the previous
        one recorded (``Article.change``), and the previous one is kept.
        """
        return self.store_article(article)[0]

    def store_article(self, article: Article) -> tuple[AddStatus, Article]:
        """:meth:`add_article`, also returning the article as stored (version and change set)."""
        with self._transaction():
            return self._add(article)

    def _add(self, article: Article) -> tuple[AddStatus, Article]:
        conn = self._conn
        key = article.source.key
        now = _now()
        row = conn.execute("SELECT id, latest_version FROM sources WHERE key = ?", (key,)).fetchone()
        if row is None:
            cur = conn.execute(
                "INSERT INTO sources (key, path, url, latest_version, first_added, last_added)"
                " VALUES (?, ?, ?, 1, ?, ?)",
                (key, article.source.path, article.source.url, now, now),
            )
            source_id, version = int(cur.lastrowid or 0), 1
            status: AddStatus = "new"
            change = None
        else:
            source_id, latest = int(row[0]), int(row[1])
            pk, latest_hash, latest_data = conn.execute(
                "SELECT pk, content_hash, data FROM article_versions WHERE source_id = ? AND version = ?",
                (source_id, latest),
            ).fetchone()
            previous = from_dict(Article, json.loads(latest_data))
            if latest_hash == article.content_hash:
                return "unchanged", previous
            conn.execute("DELETE FROM article_search WHERE rowid = ?", (pk,))
            version, status = latest + 1, "new_version"
            change = version_change(previous, article)
            conn.execute(
                "UPDATE sources SET latest_version = ?, last_added = ?, path = ?, url = ? WHERE id = ?",
                (version, now, article.source.path, article.source.url, source_id),
            )
        stored = replace(article, version=version, change=change)
        cur = conn.execute(
            "INSERT INTO article_versions (source_id, version, article_id, content_hash, outlet, language,"
            " title, published, published_utc, added_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source_id,
                version,
                stored.id,
                stored.content_hash,
                stored.outlet,
                stored.language,
                stored.title,
                stored.published,
                published_utc(stored.published),
                now,
                _json(stored),
            ),
        )
        conn.execute(
            "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
            (cur.lastrowid, stored.title or "", _search_body(stored)),
        )
        return status, stored

    def has_content(self, source_key: str, content_hash: str) -> bool:
        """Whether the latest version at ``source_key`` has this content (so it need not be re-analysed)."""
        row = self._conn.execute(
            "SELECT 1 FROM latest_versions WHERE source_key = ? AND content_hash = ?",
            (source_key, content_hash),
        ).fetchone()
        return row is not None

    def update_articles(self, articles: Iterable[Article]) -> None:
        """Replace the stored analysis of these articles (one transaction); unknown ones are added."""
        with self._transaction():
            for article in articles:
                self._update(article)

    def _update(self, article: Article) -> None:
        conn = self._conn
        row = conn.execute(
            "SELECT pk, version, json_extract(data, '$.change') FROM latest_versions"
            " WHERE source_key = ? AND article_id = ?",
            (article.source.key, article.id),
        ).fetchone()
        if row is None:
            superseded = conn.execute(
                "SELECT 1 FROM article_versions WHERE article_id = ?", (article.id,)
            ).fetchone()
            if superseded is None:
                self._add(article)
            return  # an older version: a newer one arrived since it was read; keep that
        pk, version = int(row[0]), int(row[1])
        change = article.change or (from_dict(VersionChange, json.loads(row[2])) if row[2] else None)
        stored = replace(article, version=version, change=change)
        conn.execute(
            "UPDATE article_versions SET outlet = ?, language = ?, title = ?, published = ?,"
            " published_utc = ?, data = ? WHERE pk = ?",
            (
                stored.outlet,
                stored.language,
                stored.title,
                stored.published,
                published_utc(stored.published),
                _json(stored),
                pk,
            ),
        )
        conn.execute("DELETE FROM article_search WHERE rowid = ?", (pk,))
        conn.execute(
            "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
            (pk, stored.title or "", _search_body(stored)),
        )

    def iter_latest_articles(self) -> Iterator[Article]:
        """The latest version of every source, in source-key order, one at a time."""
        cur = self._conn.execute("SELECT data FROM latest_versions ORDER BY source_key")
        for (data,) in cur:
            yield from_dict(Article, json.loads(data))

    def latest_articles(self) -> list[Article]:
        return list(self.iter_latest_articles())

    def article(self, article_id: str) -> Article | None:
        """An article by id (the newest version holding that id)."""
        row = self._conn.execute(
            "SELECT data FROM article_versions WHERE article_id = ? ORDER BY version DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else from_dict(Article, json.loads(row[0]))

    def versions(self, source_key: str) -> list[Article]:
        """Every stored version of one source, oldest first."""
        cur = self._conn.execute(
            "SELECT v.data FROM article_versions AS v JOIN sources AS s ON s.id = v.source_id"
            " WHERE s.key = ? ORDER BY v.version",
            (source_key,),
        )
        return [from_dict(Article, json.loads(data)) for (data,) in cur]

    # ------------------------------------------------------------------ corpus analysis

    def save_analysis(self, batch: Batch) -> None:
        """Replace the corpus-level analysis (entities, stories, article updates) in one transaction."""
        conn = self._conn
        with self._transaction():
            for table in ("story_articles", "stories", "entity_articles", "entities"):
                conn.execute(f"DELETE FROM {table}")
            for entity in batch.entities:
                conn.execute(
                    "INSERT OR REPLACE INTO entities (id, name, type, kb_id, data) VALUES (?, ?, ?, ?, ?)",
                    (entity.id, entity.name, entity.type, entity.kb_id, _json(entity)),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO entity_articles (entity_id, article_id) VALUES (?, ?)",
                    [(entity.id, a) for a in entity.articles],
                )
            for story in batch.stories:
                conn.execute(
                    "INSERT OR REPLACE INTO stories (id, title, date, data) VALUES (?, ?, ?, ?)",
                    (story.id, story.title, story.date, _json(story)),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                    [(story.id, a) for a in story.articles],
                )
            for article in batch.articles:
                self._update(article)

    def stories(self) -> list[Story]:
        """Stories, most recent first."""
        cur = self._conn.execute("SELECT data FROM stories ORDER BY date IS NULL, date DESC, id")
        return [from_dict(Story, json.loads(data)) for (data,) in cur]

    def story(self, story_id: str) -> Story | None:
        row = self._conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else from_dict(Story, json.loads(row[0]))

    def entities(self) -> list[Entity]:
        cur = self._conn.execute("SELECT data FROM entities ORDER BY id")
        return [from_dict(Entity, json.loads(data)) for (data,) in cur]

    # ------------------------------------------------------------------ search

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text search over titles and kept bodies of the latest versions.

        ``query`` may use FTS5 syntax (``"exact phrase"``, ``OR``, ``NOT``, ``prefix*``);
        text that is not valid FTS5 is searched as plain words, all required.
        """
        if not query.strip() or limit <= 0:
            return []
        try:
            return self._search(query, limit)
        except sqlite3.OperationalError:
            words = re.findall(r"\w+", query)
            if not words:
                return []
            return self._search(" ".join(f'"{w}"' for w in words), limit)

    def _search(self, match: str, limit: int) -> list[SearchHit]:
        cur = self._conn.execute(
            "SELECT v.article_id, s.key, v.title, v.outlet, v.published,"
            f" snippet(article_search, -1, '**', '**', ' … ', {_SNIPPET_TOKENS}),"
            f" bm25(article_search, {_TITLE_WEIGHT}, {_BODY_WEIGHT}) AS score"
            " FROM article_search"
            " JOIN article_versions AS v ON v.pk = article_search.rowid"
            " JOIN sources AS s ON s.id = v.source_id"
            " WHERE article_search MATCH ? ORDER BY score, v.article_id LIMIT ?",
            (match, limit),
        )
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], float(r[6])) for r in cur]

    # ------------------------------------------------------------------ bookkeeping

    def start_run(self, kind: str, pipeline: Iterable[str]) -> int:
        """Record that a run began; a run killed before :meth:`finish_run` keeps a NULL end."""
        with self._transaction():
            cur = self._conn.execute(
                "INSERT INTO runs (kind, pipeline, started_at) VALUES (?, ?, ?)",
                (kind, ",".join(pipeline), _now()),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self._transaction():
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                (_now(), json.dumps(counts, sort_keys=True), run_id),
            )

    def counts(self) -> dict[str, int]:
        """How much the workspace holds: sources, versions, stories, entities, runs."""
        out: dict[str, int] = {}
        for name, table in (
            ("sources", "sources"),
            ("versions", "article_versions"),
            ("stories", "stories"),
            ("entities", "entities"),
            ("runs", "runs"),
        ):
            out[name] = int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file (``"ok"`` when sound)."""
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception (the writer lock is taken up front)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")


def _migrate(conn: sqlite3.Connection, folder: Path) -> None:
    target = len(MIGRATIONS)
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > target:
        raise WorkspaceError(
            f"workspace {folder} has schema version {current}, newer than this Parallax knows ({target});"
            " upgrade Parallax to open it"
        )
    for version in range(current, target):
        with _Transaction(conn):
            # Another process may have migrated while this one waited for the lock.
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) > version:
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
