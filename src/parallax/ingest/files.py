"""Command-line paths → the inputs they name: files, folders, globs and stdin.

Expansion is lazy (a folder of a million files is listed one directory at a
time) and deterministic: arguments in the order given, each expanded in sorted
order, every file once. Whatever a path cannot yield is reported, not raised,
so one bad argument never hides the good ones.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parallax.model import Rejected

#: The reader of each file suffix (``.gz`` of any of them is decompressed while read).
FORMAT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".md", ".text"),
    "html": (".html", ".htm", ".xhtml"),
    "warc": (".warc",),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "tsv": (".tsv",),
}
GZIP_SUFFIX = ".gz"
#: What a folder walk picks up; a file named explicitly is read whatever its extension.
TEXT_SUFFIXES: tuple[str, ...] = tuple(
    suffix + gz for suffixes in FORMAT_SUFFIXES.values() for suffix in suffixes for gz in ("", GZIP_SUFFIX)
)
STDIN = "-"
STDIN_NAME = "<stdin>"


def input_format(path: str) -> tuple[str | None, bool]:
    """``(format, gzipped)`` from a file name; format None when the suffix names none (sniffed then)."""
    lower = path.lower()
    gzipped = lower.endswith(GZIP_SUFFIX)
    base = lower[: -len(GZIP_SUFFIX)] if gzipped else lower
    for name, suffixes in FORMAT_SUFFIXES.items():
        if base.endswith(suffixes):
            return name, gzipped
    return None, gzipped


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input to read: a file path as shown to the user, or stdin (``path == "-"``)."""

    path: str

    @property
    def name(self) -> str:
        return STDIN_NAME if self.path == STDIN else self.path


def display_path(path: str) -> str:
    """Relative to the working directory when inside it, else absolute: one spelling per file.

    The path is the source key of an input without a URL, so ``./examples/a.txt``,
    ``examples/a.txt`` and ``/abs/examples/a.txt`` must all name the same source.
    """
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute == cwd or absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, cwd)
    return absolute


def expand(paths: Sequence[str], seen: set[str] | None = None) -> Iterator[InputRef | Rejected]:
    """Every input the paths name, or a :class:`Rejected` for a path that names none.

    ``seen`` (real paths already yielded) lets several calls share one "every file once".
    """
    seen = set() if seen is None else seen
    for raw in paths:
        for item in _expand_one(raw):
            if isinstance(item, Rejected):
                yield item
                continue
            key = item.path if item.path == STDIN else os.path.realpath(item.path)
            if key not in seen:
                seen.add(key)
                yield item


def _expand_one(raw: str) -> Iterator[InputRef | Rejected]:
    if raw == STDIN:
        yield InputRef(STDIN)
        return
    if not raw:
        yield Rejected("''", "empty path")
        return
    if os.path.lexists(raw) or not glob.has_magic(raw):
        yield from _expand_path(raw)
        return
    matches = sorted(glob.glob(raw, recursive=True))
    if not matches:
        yield Rejected(raw, "no file matches this pattern")
        return
    for match in matches:
        yield from _expand_path(match)


def _expand_path(raw: str) -> Iterator[InputRef | Rejected]:
    if os.path.isdir(raw):
        found = False
        for item in _walk(raw, set()):
            if isinstance(item, Rejected):
                yield item
            else:
                found = True
                yield InputRef(display_path(item))
        if not found:
            known = ", ".join(s for suffixes in FORMAT_SUFFIXES.values() for s in suffixes)
            yield Rejected(raw, f"folder holds no files to read ({known}, and .gz of these)")
        return
    # Files, and also what only reading can judge: missing paths, broken links, pipes.
    yield InputRef(display_path(raw))


def _walk(folder: str, visited: set[str]) -> Iterator[str | Rejected]:
    """Text files under ``folder`` in sorted path order, skipping hidden files and folders."""
    real = os.path.realpath(folder)
    if real in visited:
        return  # a symbolic link back up the tree
    visited.add(real)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Rejected(folder, f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, visited)
        elif entry.name.lower().endswith(TEXT_SUFFIXES) and (entry.is_file() or _is_broken_link(entry)):
            yield entry.path


def _is_broken_link(entry: os.DirEntry[str]) -> bool:
    # Listed so that the reader names it as broken instead of it silently vanishing.
    return entry.is_symlink() and not os.path.exists(entry.path)
