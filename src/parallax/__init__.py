"""Parallax: what each news source really says, claim by claim.

The Python API is importable from here; ``parallax.api.ingest`` (read, analyse and
store inputs without building stories) is not re-exported, so that ``parallax.ingest``
stays the reading subpackage.
"""

from __future__ import annotations

__version__ = "0.1.0"

from parallax.api import Analysis, IngestResult, analyze, build_stories, open_workspace
from parallax.options import Options
from parallax.store import SearchHit, Workspace, WorkspaceError

__all__ = [
    "Analysis",
    "IngestResult",
    "Options",
    "SearchHit",
    "Workspace",
    "WorkspaceError",
    "__version__",
    "analyze",
    "build_stories",
    "open_workspace",
]
