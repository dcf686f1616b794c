"""The knowledge base: typed records of people, organisations and places, looked up by alias.

The data ships as JSON under ``nlp/kb/data`` (facts only, written by the team);
country names in Portuguese, English and Spanish come from babel's CLDR data, so
every country is known without a hand-kept list. The base answers three
questions the extractors need: what does this name refer to (:meth:`lookup`),
which country does this demonym point to (:meth:`demonym`), and who held this
office on that day (:meth:`role_holder`), which is how "o presidente brasileiro"
in an article of 2025-07-06 becomes Luiz Inácio Lula da Silva.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import babel

from parallax.text import name_key

EntityType = Literal["PER", "ORG", "LOC", "MISC"]

#: CLDR territory codes that are not countries (or are organisations the KB lists itself).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA"})
#: The locales whose country names the KB loads; the first one gives the canonical name.
_LOCALES = ("pt", "pt_PT", "en", "es", "es_419")

#: Generic role keys and the specific ones that answer them when nobody holds the generic one.
_ROLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "head_of_government": ("prime_minister", "chancellor", "president"),
    "head_of_state": ("president", "king"),
    "leader": ("head_of_government", "head_of_state", "supreme_leader"),
    "chancellor": (),
}

_KIND_RANK = {"country": 0, "city": 1, "state": 2, "district": 3, "region": 4, "continent": 5}


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from ``start`` to ``end`` (ISO dates; ``end`` None while in office)."""

    role: str  # language-independent key: "president", "prime_minister", "finance_minister", ...
    of: str  # ISO country code ("BR"), "org:<id>" or "place:<id>"
    start: str | None = None
    end: str | None = None

    def active(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        day = date[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Record:
    """One thing the KB knows: its id ("person:lula", "org:un", "place:lisboa", "country:BR")."""

    id: str
    name: str
    type: EntityType
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    #: aliases that are also ordinary words or first names ("Vale", "Natal"): not trusted alone
    common_words: tuple[str, ...] = ()

    @property
    def kb_id(self) -> str:
        """The id an :class:`~parallax.model.Entity` carries: Wikidata when known, else the KB's own."""
        return self.wikidata or self.id


@dataclass(frozen=True, slots=True)
class Person(Record):
    roles: tuple[Role, ...] = ()
    gender: str | None = None

    def holds(self, role: str, of: str, date: str | None) -> bool:
        return any(r.role == role and r.of == of and r.active(date) for r in self.roles)


@dataclass(frozen=True, slots=True)
class Organisation(Record):
    acronyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place(Record):
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Country(Record):
    code: str = ""
    #: demonym forms per language code (pt/es: masculine, feminine and plurals; en: adjective, people)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)


class KnowledgeBase:
    """Records indexed by alias (as :func:`~parallax.text.name_key`), acronym, code and demonym."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records: dict[str, Record] = {}
        self._by_alias: dict[str, list[str]] = {}
        self._by_acronym: dict[str, list[str]] = {}
        self._by_acronym_folded: dict[str, list[str]] = {}
        self._by_code: dict[str, list[str]] = {}
        self._demonyms: dict[tuple[str, str], str] = {}
        self._countries: dict[str, Country] = {}
        self._role_index: dict[tuple[str, str], list[Person]] = {}
        for record in records:
            self.add(record)

    def add(self, record: Record) -> None:
        self.records[record.id] = record
        for alias in (record.name, *record.aliases):
            ids = self._by_alias.setdefault(name_key(alias), [])
            if record.id not in ids:
                ids.append(record.id)
        if isinstance(record, Organisation):
            for acronym in record.acronyms:
                self._by_acronym.setdefault(acronym.replace(".", ""), []).append(record.id)
                if len(acronym) >= 4:
                    self._by_acronym_folded.setdefault(name_key(acronym), []).append(record.id)
        if isinstance(record, Place):
            for code in record.codes:
                self._by_code.setdefault(code, []).append(record.id)
        if isinstance(record, Country):
            self._countries[record.code] = record
            for lang, forms in record.demonyms.items():
                for form in forms:
                    self._demonyms[(lang, form if lang == "en" else form.casefold())] = record.code
        if isinstance(record, Person):
            for role in record.roles:
                self._role_index.setdefault((role.role, role.of), []).append(record)

    # ------------------------------------------------------------------ lookups

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def country(self, code: str) -> Country | None:
        return self._countries.get(code)

    def lookup(
        self, text: str, type: EntityType | None = None, countries: Sequence[str] = ()
    ) -> list[Record]:
        """Records a name may refer to, best first.

        All-caps forms are matched as acronyms first ("PT", "BC"; from four letters on
        also capitalised: "Otan", "Unesco"), then any form by its folded alias; state
        codes ("SP") only when a place is asked for. Ties between records break on
        the requested type, then on ``countries`` (the article's countries, most
        likely first), then on kind (a country before a city before a state), then on
        data order.
        """
        key = text.strip().replace(".", "")
        ids: list[str] = list(self._by_acronym.get(key, []))
        if len(key) >= 4 and key[:1].isupper():
            ids.extend(i for i in self._by_acronym_folded.get(name_key(key), []) if i not in ids)
        if type == "LOC":
            ids.extend(i for i in self._by_code.get(key, []) if i not in ids)
        for record_id in self._by_alias.get(name_key(text), []):
            if record_id not in ids:
                ids.append(record_id)
        found = [self.records[i] for i in ids]
        if type is not None:
            found = [r for r in found if r.type == type]

        def rank(record: Record) -> tuple[int, int, int]:
            country = record.code if isinstance(record, Country) else record.country
            in_context = countries.index(country) if country in countries else len(countries)
            return (in_context, _KIND_RANK.get(record.kind, 9), 0)

        return sorted(found, key=rank)

    def best(self, text: str, type: EntityType | None = None, countries: Sequence[str] = ()) -> Record | None:
        found = self.lookup(text, type, countries)
        return found[0] if found else None

    def by_code(self, code: str) -> list[Record]:
        """Places abbreviated as ``code`` ("SP", "RJ"): trusted only in "(SP)" or "(PL-SP)"."""
        return [self.records[i] for i in self._by_code.get(code, [])]

    def is_acronym(self, text: str) -> bool:
        return text.replace(".", "") in self._by_acronym

    def demonym(self, word: str, lang: str) -> str | None:
        """The country code a nationality word points to ("brasileira" -> "BR", "Brazilian" -> "BR")."""
        if lang == "en":
            return self._demonyms.get(("en", word))
        return self._demonyms.get((lang, word.casefold()))

    def is_common_word_alias(self, record: Record, text: str) -> bool:
        return name_key(text) in {name_key(w) for w in record.common_words}

    def role_holder(self, role: str, of: str, date: str | None = None) -> Person | None:
        """Who held ``role`` of ``of`` (country code, "org:<id>", "place:<id>") on ``date``.

        ``date`` is an ISO date or datetime (only the day counts); None means today's
        holders (roles without an end date). Generic keys fall back to specific
        ones: "head_of_government" of Brazil is its president.
        """
        seen: set[str] = set()
        queue = [role]
        while queue:
            key = queue.pop(0)
            if key in seen:
                continue
            seen.add(key)
            holders = [p for p in self._role_index.get((key, of), []) if p.holds(key, of, date)]
            if holders:
                return holders[0]
            queue.extend(_ROLE_FALLBACKS.get(key, ()))
        return None

    def role_targets(self, text: str, countries: Sequence[str] = ()) -> list[str]:
        """Role holders' ``of`` keys a qualifier names: "Brasil" -> ["BR"], "Banco Central" -> ["org:bcb"]."""
        out: list[str] = []
        for record in self.lookup(text, countries=countries):
            if isinstance(record, Country):
                out.append(record.code)
            elif isinstance(record, Organisation):
                out.append("org:" + record.id.removeprefix("org:"))
            elif isinstance(record, Place):
                out.append("place:" + record.id.removeprefix("place:"))
        return out


# ---------------------------------------------------------------------- loading


def _read(name: str) -> Any:
    text = resources.files("parallax.nlp.kb").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _roles(values: Any) -> tuple[Role, ...]:
    return tuple(Role(str(r["role"]), str(r["of"]), r.get("start"), r.get("end")) for r in values or ())


def _babel_names(code: str) -> list[str]:
    names: list[str] = []
    for locale in _LOCALES:
        raw = babel.Locale.parse(locale).territories.get(code)
        if not raw or " - " in raw or "&" in raw:
            continue
        main, _, rest = raw.partition("(")
        parts = [main.split(",")[0].strip()]
        if rest:
            parts.append(rest.rstrip(")").strip())
        names.extend(p for p in parts if p and p not in names)
    return names


def _countries(data: dict[str, Any]) -> list[Country]:
    territories = babel.Locale.parse("pt").territories
    codes = sorted(
        c
        for c in territories
        if isinstance(c, str) and len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES
    )
    out: list[Country] = []
    for code in codes:
        extra = data.get(code, {})
        if extra.get("skip_babel"):
            continue
        names = _babel_names(code)
        aliases = [a for a in _strings(extra.get("aliases")) if a not in names]
        name = aliases[0] if not names and aliases else names[0] if names else code
        all_aliases = tuple(dict.fromkeys([*names, *aliases]))
        demonyms = {lang: _strings(forms) for lang, forms in extra.get("demonyms", {}).items()}
        out.append(
            Country(
                id=f"country:{code}",
                name=name,
                type="LOC",
                kind="country",
                aliases=all_aliases,
                wikidata=extra.get("wikidata"),
                country=code,
                common_words=_strings(extra.get("common_words")),
                code=code,
                demonyms=demonyms,
            )
        )
    return out


def _record_fields(item: dict[str, Any], prefix: str, type: EntityType, kind: str) -> dict[str, Any]:
    """The fields every kind of record reads the same way; ``kind`` unless the item names its own."""
    return {
        "id": f"{prefix}:{item['id']}",
        "name": item["name"],
        "type": type,
        "kind": item.get("kind", kind),
        "aliases": _strings(item.get("aliases")),
        "country": item.get("country"),
        "wikidata": item.get("wikidata"),
        "common_words": _strings(item.get("common_words")),
    }


def _people(data: dict[str, Any]) -> list[Person]:
    return [
        Person(
            **_record_fields(p, "person", "PER", "person"),
            roles=_roles(p.get("roles")),
            gender=p.get("gender"),
        )
        for p in data["people"]
    ]


def _organisations(data: dict[str, Any]) -> list[Organisation]:
    return [
        Organisation(**_record_fields(o, "org", "ORG", "organisation"), acronyms=_strings(o.get("acronyms")))
        for o in data["organisations"]
    ]


def _places(data: dict[str, Any]) -> list[Place]:
    return [
        Place(**_record_fields(p, "place", "LOC", "place"), codes=_strings(p.get("codes")))
        for p in data["places"]
    ]


def _misc(data: dict[str, Any]) -> list[Record]:
    return [Record(**_record_fields(m, "misc", "MISC", "misc")) for m in data["misc"]]


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    records: list[Record] = []
    records.extend(_countries(_read("countries.json")))
    records.extend(_organisations(_read("organisations.json")))
    records.extend(_places(_read("places.json")))
    records.extend(_people(_read("people.json")))
    records.extend(_misc(_read("misc.json")))
    return KnowledgeBase(records)
