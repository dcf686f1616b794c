"""Text folding shared by every stage: one place for "ignore case and accents".

Two folds exist because callers need two different guarantees:

* :func:`fold` is the comparison key. It applies Unicode compatibility
  decomposition (NFKD), so "ﬁ" becomes "fi", "º" becomes "o" and "…" becomes
  "...", drops the accents and casefolds ("Straße" -> "strasse"). The result may
  be longer or shorter than the input: use it for lexicon keys and for deciding
  whether two strings name the same thing, never for offsets.
* :func:`fold_chars` maps every character to exactly one character (lower case,
  accents off, anything else kept), so a match found in the folded copy has the
  offsets of the original. Cleaning matches its patterns this way and reports
  spans into ``Article.text``.

This module imports nothing from the pipeline, so any stage may use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Accent- and case-insensitive key: "Petrópolis" -> "petropolis" (length may change)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def collapse_spaces(text: str) -> str:
    """Runs of white space as one space, none at either end."""
    return _SPACES.sub(" ", text).strip()


def squash(text: str) -> str:
    """:func:`fold` with white space collapsed: the key for phrases and names typed with stray spaces."""
    return collapse_spaces(fold(text))


def name_key(text: str) -> str:
    """:func:`squash` that also ignores dots, apostrophes and hyphens: "EE.UU." ~ "EEUU",
    "Aguiar-Branco" ~ "Aguiar Branco", "D’Ávila" ~ "DAvila"."""
    plain = fold(text).replace("’", "'").replace("‐", "-").replace("–", "-")
    plain = re.sub(r"[.']", "", plain)
    return collapse_spaces(plain.replace("-", " "))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


@lru_cache(maxsize=4096)
def _plain_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isalnum() or not char.isalnum() else char


def fold_chars(text: str) -> str:
    """Lower case without accents, one character out for every character in (offsets are kept)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def strip_accents(text: str) -> str:
    """The text without accents, case kept, one character out for every character in."""
    if text.isascii():
        return text
    return "".join(_plain_char(c) for c in text)


def squash_chars(text: str) -> str:
    """:func:`fold_chars` with white space collapsed, for whole-line lexicons matched on folded lines."""
    return collapse_spaces(fold_chars(text))
