"""The embedded workspace (SQLite in WAL mode, FTS5 search): see :class:`Workspace`."""

from __future__ import annotations

from parallax.store.schema import MIGRATIONS
from parallax.store.workspace import DB_NAME, AddStatus, SearchHit, Workspace, WorkspaceError

__all__ = ["DB_NAME", "MIGRATIONS", "AddStatus", "SearchHit", "Workspace", "WorkspaceError"]
