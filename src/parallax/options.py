"""One options object shared by the CLI, the Python API and the REST API."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from parallax.lang import SUPPORTED

#: Stages in data-flow order. Document-level stages first, then corpus-level ones.
DEFAULT_PIPELINE: tuple[str, ...] = (
    "clean",
    "language",
    "credits",
    "sentences",
    "entities",
    "quotes",
    "dates",
    "quantities",
    "duplicates",
    "merge_entities",
    "stories",
    "compare",
)

#: The document-level part, what ``parallax ingest`` runs before storing.
DOCUMENT_PIPELINE: tuple[str, ...] = DEFAULT_PIPELINE[:8]


#: Which tagger finds Portuguese names: the CRF (fast, the default) or the fine-tuned e5
#: encoder (more accurate on First HAREM, entities about 8x slower, needs ``parallax-news[e5]``).
NameTagger = Literal["crf", "e5"]
NAME_TAGGERS: tuple[NameTagger, ...] = ("crf", "e5")


@dataclass(slots=True)
class Options:
    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    languages: tuple[str, ...] = SUPPORTED
    #: processes for document-level stages (1 = in-process)
    jobs: int = 1
    #: embedded workspace directory; None keeps everything in memory
    workspace: Path | None = Path("parallax-workspace")
    #: inputs larger than this are rejected (bytes)
    max_input_bytes: int = 20 * 1024 * 1024
    #: publication date assumed when an input carries none (ISO date)
    default_published: str | None = None
    #: similarity above which two articles are taken to report the same event
    story_threshold: float = 0.2
    #: articles further apart than this (days) never share a story
    story_window_days: float = 4.0
    #: sentence similarity above which two sentences of a story are aligned
    alignment_threshold: float = 0.33
    #: use multilingual sentence embeddings (USE v3, shipped in a package) for stories and alignment;
    #: off gives a lexical-only run (faster, no cross-language grouping)
    embeddings: bool = True
    show_progress: bool = False
    # ---- fetching (URLs, feeds, sitemaps)
    #: reach loopback, private, link-local and metadata addresses (off: refused after DNS and every redirect)
    allow_private: bool = False
    user_agent: str = "Parallax/0.1 (news comparison; +https://github.com/parallax-news/parallax)"
    #: seconds for connect and for each read
    fetch_timeout: float = 20.0
    max_redirects: int = 5
    #: retries after a timeout, a connection error or a 429/5xx answer, with exponential back-off
    fetch_retries: int = 2
    #: minimum seconds between two requests to the same host
    host_delay: float = 1.0
    respect_robots: bool = True
    # ---- duplicates
    #: estimated Jaccard similarity of word shingles above which two articles are near-duplicates
    near_duplicate_threshold: float = 0.9
    # ---- extraction
    #: use an installed trained spaCy pipeline for the article's language (e.g. pt_core_news_lg)
    #: as extra signal
    trained_pipelines: bool = True
    #: Portuguese name tagger, one of :data:`NAME_TAGGERS`
    name_tagger: NameTagger = "crf"
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Options:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Options(**values)
