"""The agency registry: news agencies and state or public media, shipped as data.

``clean/data/agencies.json`` holds the facts (names as printed in Portuguese,
English and Spanish, abbreviations, social handles, country, ownership); this
module loads it once and finds agency names in text. Full names match
case-insensitively and without accents; abbreviations ("AP", "EFE") match
case-sensitively as whole words, so "ap" inside a word or the lower-case
adjective "lusa" never count.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from parallax.text import fold_chars, squash_chars

Ownership = Literal["private", "cooperative", "public", "state"]


@dataclass(frozen=True, slots=True)
class Agency:
    name: str  # canonical name, as the gold annotations and reports spell it
    kind: Literal["agency", "broadcaster"]
    country: str  # ISO 3166-1 alpha-2
    ownership: Ownership
    state_affiliated: bool
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    handles: tuple[str, ...]
    exclusions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """An agency named in a text: where, and how it was printed."""

    agency: Agency
    start: int
    end: int
    via: Literal["name", "abbreviation", "handle"]


def _agency(raw: dict[str, Any]) -> Agency:
    return Agency(
        name=str(raw["name"]),
        kind=raw["kind"],
        country=str(raw["country"]),
        ownership=raw["ownership"],
        state_affiliated=bool(raw["state_affiliated"]),
        names=tuple(raw["names"]),
        abbreviations=tuple(raw["abbreviations"]),
        handles=tuple(raw["handles"]),
        exclusions=tuple(raw["exclusions"]),
    )


@cache
def agencies() -> tuple[Agency, ...]:
    """All agencies of the registry, in file order."""
    data = json.loads(resources.files("parallax.clean").joinpath("data/agencies.json").read_text("utf-8"))
    return tuple(_agency(a) for a in data["agencies"])


_JOINERS = re.compile(r"[\s\-]+")


def _key(form: str) -> str:
    """Folded form with spaces and hyphens alike ("France-Presse" = "France Presse")."""
    return _JOINERS.sub(" ", squash_chars(form))


_LEADING = re.compile(
    r"^(?:(?:a|o|the|la|el)\s+)?(?:(?:agencia|agency|agenzia)(?:\s+(?:de\s+noticias|noticiosa|estatal|oficial))?\s+)?"
)
_TRAILING = re.compile(r"\s+(?:news\s+agency|agency|newswire|wire\s+service)$")


@cache
def _lookup_table() -> dict[str, Agency]:
    table: dict[str, Agency] = {}
    for agency in agencies():
        for form in (agency.name, *agency.names, *agency.abbreviations):
            table.setdefault(_key(form), agency)
        for handle in agency.handles:
            table.setdefault(handle.lower(), agency)
    return table


def agency_by_name(text: str) -> Agency | None:
    """The agency a printed name refers to ("agência Lusa", "The Associated Press", "@AFP"), if any."""
    table = _lookup_table()
    key = _key(text).strip(" .,;:()[]\"'“”«»")
    if key in table:
        return table[key]
    bare = _TRAILING.sub("", _LEADING.sub("", key))
    return table.get(bare)


_LIST_SEPARATOR = re.compile(r"\s*(?:,|/|&|\+|\be\b|\band\b|\by\b)\s*", re.IGNORECASE)


def agency_list(text: str) -> list[Agency] | None:
    """The agencies of a text that is nothing but a list of them ("Reuters e AFP"), else None."""
    parts = [p for p in _LIST_SEPARATOR.split(text.strip(" .()[]")) if p.strip()]
    found = [agency_by_name(p) for p in parts]
    if not parts or any(a is None for a in found):
        return None
    return [a for a in found if a is not None]


@dataclass(frozen=True, slots=True)
class _Matchers:
    names: re.Pattern[str]  # over folded text
    abbreviations: re.Pattern[str]  # over the original text, case-sensitive
    handles: re.Pattern[str]
    exclusions: re.Pattern[str] | None  # over folded text
    by_form: dict[str, Agency]


def _alternation(forms: set[str], *, loose_joiners: bool = False) -> str:
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    if not loose_joiners:
        return "|".join(re.escape(f) for f in ordered)
    return "|".join(r"[\s\-]+".join(re.escape(t) for t in f.split(" ")) for f in ordered)


@cache
def _matchers() -> _Matchers:
    by_form: dict[str, Agency] = {}
    names: set[str] = set()
    abbreviations: set[str] = set()
    exclusions: set[str] = set()
    for agency in agencies():
        for form in (agency.name, *agency.names):
            if form in agency.abbreviations or (form.isupper() and len(form) <= 5):
                abbreviations.add(form)
                by_form.setdefault(form, agency)
                continue
            key = _key(form)
            names.add(key)
            by_form.setdefault(key, agency)
        for abbreviation in agency.abbreviations:
            abbreviations.add(abbreviation)
            by_form.setdefault(abbreviation, agency)
        for handle in agency.handles:
            by_form.setdefault(handle.lower(), agency)
        exclusions.update(squash_chars(e) for e in agency.exclusions)
    name_pattern = _alternation(names, loose_joiners=True)
    return _Matchers(
        names=re.compile(rf"(?<![\w@])(?:{name_pattern})(?!\w)"),
        abbreviations=re.compile(rf"(?<![\w@.\-])(?:{_alternation(abbreviations)})(?![\w\-])"),
        handles=re.compile(r"(?<!\w)@\w{1,30}"),
        exclusions=re.compile(rf"(?<!\w)(?:{_alternation(exclusions)})(?!\w)") if exclusions else None,
        by_form=by_form,
    )


def find_mentions(text: str) -> list[Mention]:
    """Every agency named in ``text``, longest form first where forms overlap, in text order."""
    m = _matchers()
    folded = fold_chars(text)
    excluded = [(x.start(), x.end()) for x in m.exclusions.finditer(folded)] if m.exclusions else []
    found: list[Mention] = []
    taken = bytearray(len(text))  # 1 where a longer form or an exclusion already holds the character
    for s, e in excluded:
        taken[s:e] = b"\x01" * (e - s)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    for hit in m.handles.finditer(text):
        agency = m.by_form.get(hit.group().lower())
        if agency is not None:
            found.append(Mention(agency, hit.start(), hit.end(), "handle"))
            take(hit.start(), hit.end())
    for hit in m.names.finditer(folded):
        agency = m.by_form.get(_JOINERS.sub(" ", hit.group()))
        if agency is not None and free(hit.start(), hit.end()):
            found.append(Mention(agency, hit.start(), hit.end(), "name"))
            take(hit.start(), hit.end())
    for hit in m.abbreviations.finditer(text):
        agency = m.by_form.get(hit.group())
        if agency is not None and free(hit.start(), hit.end()):
            found.append(Mention(agency, hit.start(), hit.end(), "abbreviation"))
            take(hit.start(), hit.end())
    found.sort(key=lambda x: x.start)
    return found
