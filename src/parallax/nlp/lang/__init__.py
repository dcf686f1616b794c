"""Per-language extraction resources: ``parallax.nlp.lang.<code>.<concern>`` (pt, en, es).

Month and weekday names, which cleaning needs too, live in :mod:`parallax.lang`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType

from parallax.lang import SUPPORTED

#: The language whose resources serve a text in an unsupported or unknown language.
FALLBACK = "pt"


def language_code(language: str | None) -> str:
    """``language`` when its resources exist, else :data:`FALLBACK`."""
    return language if language is not None and language in SUPPORTED else FALLBACK


def resources(language: str | None, concern: str) -> ModuleType:
    """The module ``parallax.nlp.lang.<code>.<concern>`` ("speech", "names", ...) for ``language``."""
    return importlib.import_module(f"{__name__}.{language_code(language)}.{concern}")


def conjugate(infinitives: Iterable[str], endings: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """Surface forms of regular verbs: an infinitive's ending (the first key of ``endings`` it ends
    with, so list "uir" before "ir") replaced by each ending of that class ("afirmar" -> "afirmou")."""
    out: set[str] = set()
    for verb in infinitives:
        for infinitive_ending, forms in endings.items():
            if verb.endswith(infinitive_ending):
                stem = verb[: -len(infinitive_ending)]
                out.update(stem + form for form in forms)
                break
    return frozenset(out)
