"""The workspace schema and its migrations (``PRAGMA user_version`` is the schema version).

``MIGRATIONS[n]`` takes a workspace from version ``n`` to ``n + 1``; each runs in
its own transaction together with the version bump, so a workspace is always at
exactly one version. A future schema change appends a function here and never
edits an old one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_V1 = """
-- One row per input identity (a URL, else a path); versions hang off it.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    path TEXT,
    url TEXT,
    latest_version INTEGER NOT NULL,
    first_added TEXT NOT NULL,
    last_added TEXT NOT NULL
);

-- Every version of every article: the full Article as JSON plus the columns worth querying.
-- article_id is not unique: content that reverts to an earlier text gets that text's id again.
CREATE TABLE article_versions (
    pk INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    article_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    outlet TEXT,
    language TEXT,
    title TEXT,
    published TEXT,
    published_utc TEXT,
    added_at TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    UNIQUE (source_id, version)
);
CREATE INDEX article_versions_article ON article_versions(article_id);
CREATE INDEX article_versions_outlet ON article_versions(outlet);
CREATE INDEX article_versions_published ON article_versions(published_utc);

CREATE VIEW latest_versions AS
    SELECT v.*, s.key AS source_key
    FROM article_versions AS v JOIN sources AS s ON s.id = v.source_id AND v.version = s.latest_version;

-- Full-text index over the latest version of each source (rowid = article_versions.pk):
-- the title and the kept body lines, diacritics folded so that "acao" finds "ação".
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

-- The corpus-level analysis: replaced as a whole by each save.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    data TEXT NOT NULL CHECK (json_valid(data))
);
CREATE TABLE entity_articles (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_articles_article ON entity_articles(article_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT,
    data TEXT NOT NULL CHECK (json_valid(data))
);
CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article_id);

-- What ran against the workspace; finished_at stays NULL for a run that was killed.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    counts TEXT CHECK (counts IS NULL OR json_valid(counts))
);
"""


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _create_v1(conn: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the migration's transaction early.
    for statement in _statements(_V1):
        conn.execute(statement)


MIGRATIONS: list[Migration] = [_create_v1]
