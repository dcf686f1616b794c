"""The shipped knowledge base: alias lookups, demonyms, office holders by date, data sanity."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from parallax.nlp.kb import (
    Country,
    Organisation,
    Person,
    Place,
    demonym_country,
    holder,
    load_gazetteer,
    load_kb,
)
from parallax.nlp.kb.build import build
from parallax.nlp.kb.knowledge import KnowledgeBase, Role


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(
    ("alias", "record_id"),
    [
        ("EUA", "country:US"),
        ("EE.UU.", "country:US"),
        ("United States", "country:US"),
        ("Estados Unidos", "country:US"),
        ("Alemanha", "country:DE"),
        ("Alemania", "country:DE"),
        ("Germany", "country:DE"),
        ("Coreia do Sul", "country:KR"),
        ("Irão", "country:IR"),
        ("Irã", "country:IR"),
        ("ONU", "org:un"),
        ("United Nations", "org:un"),
        ("Otan", "org:nato"),
        ("NATO", "org:nato"),
        ("OMS", "org:who"),
        ("World Health Organization", "org:who"),
        ("BC", "org:bcb"),
        ("Copom", "org:copom"),
        ("Lula", "person:lula"),
        ("luiz inacio lula da silva", "person:lula"),
        ("LUÍS MONTENEGRO", "person:luis-montenegro"),
        ("Aguiar Branco", "person:jose-pedro-aguiar-branco"),
        ("Sao Paulo", "place:sao-paulo"),
        ("Nova Iorque", "place:new-york"),
        ("Selic", "misc:selic"),
    ],
)
def test_lookup_by_alias_is_accent_case_and_punctuation_insensitive(
    kb: KnowledgeBase, alias: str, record_id: str
) -> None:
    assert kb.lookup(alias)[0].id == record_id


def test_every_country_comes_from_babel_with_names_in_three_languages(kb: KnowledgeBase) -> None:
    countries = [r for r in kb.records.values() if isinstance(r, Country)]
    assert len(countries) >= 240
    germany = kb.country("DE")
    assert germany is not None and germany.name == "Alemanha"
    assert {"Alemanha", "Germany", "Alemania"} <= set(germany.aliases)
    assert kb.country("EU") is None and kb.country("ZZ") is None  # regions and groups are not countries


def test_ambiguous_acronym_prefers_the_article_country(kb: KnowledgeBase) -> None:
    assert kb.best("PSD", countries=["PT", "BR"]).id == "org:psd-pt"  # type: ignore[union-attr]
    assert kb.best("PSD", countries=["BR", "PT"]).id == "org:psd-br"  # type: ignore[union-attr]
    assert kb.best("Belém", countries=["PT"]).id == "place:palacio-de-belem"  # type: ignore[union-attr]
    assert kb.best("Belém", countries=["BR"]).id == "place:belem"  # type: ignore[union-attr]


def test_type_filter_separates_a_country_from_a_person(kb: KnowledgeBase) -> None:
    assert kb.best("Montenegro", "PER").id == "person:luis-montenegro"  # type: ignore[union-attr]
    assert kb.best("Montenegro", "LOC").id == "country:ME"  # type: ignore[union-attr]


def test_state_codes_only_when_a_place_is_asked_for(kb: KnowledgeBase) -> None:
    assert [r.id for r in kb.lookup("SP", "LOC")] == ["place:br-sp"]
    assert kb.lookup("SP") == []


@pytest.mark.parametrize(
    ("word", "lang", "code"),
    [
        ("brasileiro", "pt", "BR"),
        ("brasileiras", "pt", "BR"),
        ("portuguesa", "pt", "PT"),
        ("norte-americanos", "pt", "US"),
        ("brasileño", "es", "BR"),
        ("estadounidense", "es", "US"),
        ("Brazilian", "en", "BR"),
        ("Chinese", "en", "CN"),
    ],
)
def test_demonyms(kb: KnowledgeBase, word: str, lang: str, code: str) -> None:
    assert kb.demonym(word, lang) == code


def test_english_demonyms_need_their_capital(kb: KnowledgeBase) -> None:
    assert kb.demonym("brazilian", "en") is None


def test_demonyms_cover_the_newsworthy_countries(kb: KnowledgeBase) -> None:
    with_demonyms = [r for r in kb.records.values() if isinstance(r, Country) and r.demonyms.get("pt")]
    assert len(with_demonyms) >= 60


@pytest.mark.parametrize(
    ("role", "of", "date", "name"),
    [
        ("president", "BR", "2025-07-06", "Luiz Inácio Lula da Silva"),
        ("president", "BR", "2021-06-01", "Jair Bolsonaro"),
        ("president", "BR", "2008-06-01", "Luiz Inácio Lula da Silva"),
        ("prime_minister", "PT", "2025-03-11", "Luís Montenegro"),
        ("prime_minister", "PT", "2023-06-01", "António Costa"),
        ("president", "PT", "2025-03-11", "Marcelo Rebelo de Sousa"),
        ("chancellor", "DE", "2025-01-10", "Olaf Scholz"),
        ("chancellor", "DE", "2025-07-06", "Friedrich Merz"),
        ("president", "US", "2024-06-01", "Joe Biden"),
        ("president", "US", "2025-02-01", "Donald Trump"),
        ("president", "org:bcb", "2024-06-01", "Roberto Campos Neto"),
        ("president", "org:bcb", "2025-03-19", "Gabriel Galípolo"),
        ("pope", "VA", "2025-03-01", "Papa Francisco"),
        ("pope", "VA", "2025-06-01", "Leão XIV"),
        ("secretary_general", "org:un", "2025-01-01", "António Guterres"),
        ("prime_minister", "ES", "2025-07-06", "Pedro Sánchez"),
        ("finance_minister", "BR", "2025-07-06", "Fernando Haddad"),
        ("foreign_minister", "BR", "2025-07-06", "Mauro Vieira"),
        ("mayor", "place:sao-paulo", "2025-01-15", "Ricardo Nunes"),
    ],
)
def test_role_holder_on_a_date(kb: KnowledgeBase, role: str, of: str, date: str, name: str) -> None:
    holder = kb.role_holder(role, of, date)
    assert holder is not None and holder.name == name


def test_role_holder_end_date_is_exclusive_and_generic_keys_fall_back(kb: KnowledgeBase) -> None:
    # Merz took office on 2025-05-06: that day the chancellor is Merz, the day before Scholz
    assert kb.role_holder("chancellor", "DE", "2025-05-05").name == "Olaf Scholz"  # type: ignore[union-attr]
    assert kb.role_holder("chancellor", "DE", "2025-05-06").name == "Friedrich Merz"  # type: ignore[union-attr]
    # Brazil has no prime minister: its head of government is the president
    assert kb.role_holder("head_of_government", "BR", "2025-07-06").name == (  # type: ignore[union-attr]
        "Luiz Inácio Lula da Silva"
    )
    assert kb.role_holder("head_of_government", "DE", "2025-07-06").name == "Friedrich Merz"  # type: ignore[union-attr]
    assert kb.role_holder("president", "BR", "1990-01-01") is None
    assert kb.role_holder("prime_minister", "BR", "2025-07-06") is None


def test_role_active_uses_the_day_of_a_datetime() -> None:
    role = Role("president", "BR", "2023-01-01", None)
    assert role.active("2025-07-06T10:30:00-03:00")
    assert not role.active("2022-12-31T23:59:00-03:00")
    assert Role("president", "BR", "2019-01-01", "2022-12-31").active(None) is False


def test_kb_id_is_wikidata_when_known_else_the_kb_id(kb: KnowledgeBase) -> None:
    assert kb.get("person:lula").kb_id == "Q37181"  # type: ignore[union-attr]
    assert kb.get("person:hugo-motta").kb_id == "person:hugo-motta"  # type: ignore[union-attr]


def test_data_is_consistent(kb: KnowledgeBase) -> None:
    """Every role points at a known country/organisation/place; dates are ISO and ordered."""
    codes = {r.code for r in kb.records.values() if isinstance(r, Country)}
    for record in kb.records.values():
        assert record.name.strip() == record.name and record.name
        if record.wikidata is not None:
            assert re.fullmatch(r"Q\d+", record.wikidata), record.id
        if isinstance(record, Person):
            for role in record.roles:
                if role.of.startswith(("org:", "place:")):
                    assert kb.get(role.of) is not None, (record.id, role.of)
                else:
                    assert role.of in codes, (record.id, role.of)
                for day in (role.start, role.end):
                    assert day is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", day), (record.id, day)
                if role.start and role.end:
                    assert role.start < role.end, record.id
    assert any(isinstance(r, Organisation) for r in kb.records.values())
    assert any(isinstance(r, Place) for r in kb.records.values())


# ----------------------------------------------------------------------------- coverage of the data

G20 = ["AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR"]
G20 += ["GB", "US"]
CPLP = ["AO", "BR", "CV", "GW", "GQ", "MZ", "PT", "ST", "TL"]
UNSC_PERMANENT = ["CN", "FR", "RU", "GB", "US"]
UNSC_ELECTED_2025 = ["DZ", "DK", "GR", "GY", "PK", "PA", "KR", "SL", "SI", "SO"]
UNSC_ELECTED_2026 = ["BH", "CO", "CD", "LV", "LR", "DK", "GR", "PK", "PA", "SO"]


def test_all_193_un_members_have_codes_capital_names_and_demonyms(kb: KnowledgeBase) -> None:
    members = kb.countries("un_member")
    assert len(members) == 193
    for country in members:
        assert country.alpha3 and len(country.alpha3) == 3, country.code
        assert country.wikidata is not None, country.code
        assert country.name and country.name[0].isupper(), country.code
        capital = kb.get(country.capital) if country.capital else None
        assert isinstance(capital, Place) and capital.capital_of == country.code, country.code
        assert country.demonyms.get("pt") and country.demonyms.get("es") and country.demonyms.get("en"), (
            country.code
        )
    several_names = [c for c in members if len({c.name, *c.aliases}) >= 2]  # "Andorra" is "Andorra"
    assert len(several_names) >= 160
    assert {c.code for c in kb.countries("observer")} == {"VA", "PS"}
    assert {c.code for c in kb.countries("territory")} == {"TW", "XK", "HK"}


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("IR", {"Irã", "Irão", "Iran", "Irán"}),
        ("KE", {"Quênia", "Quénia", "Kenya", "Kenia"}),
        ("VN", {"Vietnã", "Vietname", "Vietnam"}),
        ("US", {"EUA", "Estados Unidos da América", "United States", "EE.UU."}),
        ("GB", {"Reino Unido", "Grã-Bretanha", "United Kingdom"}),
        ("KP", {"Coreia do Norte", "North Korea", "Corea del Norte"}),
        ("CZ", {"Tchéquia", "Chéquia", "Czechia"}),
    ],
)
def test_country_names_in_pt_br_pt_pt_en_and_es(kb: KnowledgeBase, code: str, names: set[str]) -> None:
    for name in names:
        assert kb.best(name, "LOC").id == f"country:{code}", name  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("RU", {"Moscou", "Moscovo", "Moscow", "Moscú"}),
        ("CN", {"Pequim", "Beijing", "Pekín"}),
        ("PT", {"Lisboa", "Lisbon"}),
        ("DK", {"Copenhague", "Copenhaga", "Copenhagen"}),
        ("IR", {"Teerã", "Teerão", "Teherán", "Tehran"}),
        ("KE", {"Nairóbi", "Nairobi"}),
    ],
)
def test_capitals_have_their_pt_en_es_names(kb: KnowledgeBase, code: str, names: set[str]) -> None:
    capital = kb.capital(code)
    assert capital is not None
    for name in names:
        assert kb.best(name, "LOC").id == capital.id, name  # type: ignore[union-attr]


def test_heads_of_g20_cplp_and_security_council_members_are_known_on_dates(kb: KnowledgeBase) -> None:
    missing = []
    for code in {*G20, *CPLP, *UNSC_PERMANENT, *UNSC_ELECTED_2025}:
        if kb.role_holder("head_of_state", code, "2025-07-15") is None:
            missing.append(("head_of_state", code))
        if kb.role_holder("head_of_government", code, "2025-07-15") is None:
            missing.append(("head_of_government", code))
    for code in UNSC_ELECTED_2026:
        if kb.role_holder("head_of_state", code, "2026-01-15") is None:
            missing.append(("head_of_state 2026", code))
    # prime ministers of Equatorial Guinea, Algeria and São Tomé are not recorded (uncertain
    # dates): their head_of_government falls back to the president
    assert missing == [], missing
    for person in kb.people():
        for role in person.roles:
            if role.of in {*G20, *CPLP, *UNSC_ELECTED_2025, *UNSC_ELECTED_2026} and role.role in (
                "president",
                "prime_minister",
                "chancellor",
                "king",
            ):
                assert role.start is not None, person.id


def test_no_alias_names_two_records_of_the_same_kind_except_places(kb: KnowledgeBase) -> None:
    """Countries, organisations and people are unambiguous by alias; towns may share a name."""
    clashes = []
    for key, ids in kb._by_alias.items():
        for kind in (Country, Organisation, Person):
            same = {i for i in ids if isinstance(kb.records[i], kind)}
            if len(same) > 1:
                clashes.append((key, sorted(same)))
    assert clashes == [], clashes


def test_wikidata_ids_are_well_formed_and_unique(kb: KnowledgeBase) -> None:
    seen: dict[str, str] = {}
    for record in kb.records.values():
        if record.wikidata is None:
            continue
        assert re.fullmatch(r"Q[1-9]\d*", record.wikidata), record.id
        assert record.wikidata not in seen, (record.id, seen.get(record.wikidata))
        seen[record.wikidata] = record.id
    for qid, record_id in [("Q155", "country:BR"), ("Q45", "country:PT"), ("Q30", "country:US"),
                           ("Q142", "country:FR"), ("Q183", "country:DE"), ("Q148", "country:CN"),
                           ("Q159", "country:RU"), ("Q37181", "person:lula")]:  # fmt: skip
        assert seen[qid] == record_id


@pytest.mark.parametrize(
    ("role", "of", "date", "name"),
    [
        ("prime_minister", "PT", "2024-01-10", "António Costa"),
        ("prime_minister", "PT", "2024-06-01", "Luís Montenegro"),
        ("president", "BR", "2025-03-14", "Luiz Inácio Lula da Silva"),
        ("president", "BR", "2022-12-31", "Jair Bolsonaro"),
        ("president", "US", "2025-01-19", "Joe Biden"),
        ("president", "US", "2025-01-20", "Donald Trump"),
        ("prime_minister", "GB", "2024-07-04", "Rishi Sunak"),
        ("prime_minister", "GB", "2024-07-05", "Keir Starmer"),
        ("president", "AR", "2024-02-01", "Javier Milei"),
        ("prime_minister", "FR", "2023-06-01", "Élisabeth Borne"),
        ("president", "ID", "2024-01-01", "Joko Widodo"),
        ("head_of_state", "JP", "2025-01-01", "Naruhito"),
        ("head_of_state", "DK", "2023-06-01", "Margrethe II"),
        ("head_of_state", "DK", "2024-06-01", "Frederik X"),
        ("president", "GR", "2025-06-01", "Konstantinos Tasoulas"),
        ("prime_minister", "PK", "2023-10-01", "Anwaar-ul-Haq Kakar"),
        ("president", "PA", "2024-06-30", "Laurentino Cortizo"),
        ("president", "LR", "2024-06-01", "Joseph Boakai"),
        ("president", "CD", "2026-01-15", "Félix Tshisekedi"),
        ("prime_minister", "MZ", "2025-03-01", "Maria Benvinda Levi"),
        ("head_of_government", "BH", "2026-01-15", "Salman bin Hamad Al Khalifa"),
        ("president", "org:world-bank", "2023-01-01", "David Malpass"),
        ("chair", "org:african-union", "2025-06-01", "João Lourenço"),
        ("president", "PL", "2025-08-05", "Andrzej Duda"),
        ("president", "PL", "2025-08-06", "Karol Nawrocki"),
        ("chancellor", "AT", "2025-02-01", "Alexander Schallenberg"),
        ("prime_minister", "UA", "2025-08-01", "Yulia Svyrydenko"),
        ("president", "PE", "2025-10-10", "José Jerí"),
        ("head_of_state", "QA", "2025-01-01", "Tamim bin Hamad Al Thani"),
        ("director_general", "org:unesco", "2025-12-01", "Khaled El-Enany"),
    ],
)
def test_holder_on_a_date(role: str, of: str, date: str, name: str) -> None:
    found = holder(role, of, date)
    assert found is not None and found.name == name


def test_holder_of_an_office_nobody_recorded_is_none() -> None:
    assert holder("president", "GW", "2026-01-15") is None  # after the 2025 coup: not recorded
    assert holder("president", "CO", "2026-09-01") is None  # Petro's term ended 2026-08-07


@pytest.mark.parametrize(
    ("word", "lang", "code"),
    [
        ("brasileiro", "pt", "BR"),
        ("brasileira", "pt", "BR"),
        ("brasileiros", "pt", "BR"),
        ("brasileiras", "pt", "BR"),
        ("francês", "pt", "FR"),
        ("francesa", "pt", "FR"),
        ("franceses", "pt", "FR"),
        ("francesas", "pt", "FR"),
        ("norte-americano", "pt", "US"),
        ("estadunidense", "pt", "US"),
        ("americanas", "pt", "US"),
        ("britânico", "pt", "GB"),
        ("alemãs", "pt", "DE"),
        ("quenianas", "pt", "KE"),
        ("letões", "pt", "LV"),
        ("guineense", "pt", "GW"),
        ("congolês", "pt", "CD"),
        ("barenitas", "pt", "BH"),
        ("francés", "es", "FR"),
        ("alemanas", "es", "DE"),
        ("iraquíes", "es", "IQ"),
        ("españolas", "es", "ES"),
        ("letona", "es", "LV"),
        ("French", "en", "FR"),
        ("Latvians", "en", "LV"),
        ("Dominican", "en", "DO"),
    ],
)
def test_demonym_to_country_in_every_gender_and_number(
    kb: KnowledgeBase, word: str, lang: str, code: str
) -> None:
    assert kb.demonym(word, lang) == code
    country = demonym_country(word, lang)
    assert country is not None and country.code == code


def test_demonym_country_without_a_language_tries_pt_es_en() -> None:
    assert demonym_country("portuguesas").code == "PT"  # type: ignore[union-attr]
    assert demonym_country("mexicanos").code == "MX"  # type: ignore[union-attr]
    assert demonym_country("Kenyan").code == "KE"  # type: ignore[union-attr]
    assert demonym_country("azul") is None


def test_every_un_member_has_a_pt_demonym_that_maps_back(kb: KnowledgeBase) -> None:
    wrong = [
        c.code
        for c in kb.countries("un_member")
        if not any(kb.demonym(f, "pt") == c.code for f in c.demonyms["pt"])
    ]
    assert wrong == ["CG"]  # "congolês" is DR Congo's first


@pytest.mark.parametrize("name", ["Nova Iorque", "Nova York", "New York", "Nueva York"])
def test_city_names_in_three_languages_are_one_place(kb: KnowledgeBase, name: str) -> None:
    assert kb.place(name).id == "place:new-york"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "country", "city"),
    [
        ("Nova Iorque", "US", "New York City"),
        ("Munique", "DE", "Munich"),
        ("Cidade do México", "MX", "Mexico City"),
        ("Joinville", "BR", "Joinville"),
        ("Coimbra", "PT", "Coimbra"),
    ],
)
def test_gazetteer_finds_cities_by_localised_names(name: str, country: str, city: str) -> None:
    found = load_gazetteer().lookup(name)
    assert found and found[0].country == country and found[0].name == city
    assert found[0].id == f"place:gn-{found[0].geonameid}"


def test_gazetteer_ranks_the_article_country_first() -> None:
    assert load_gazetteer().lookup("Córdoba")[0].country == "AR"  # the most populous
    assert load_gazetteer().lookup("Córdoba", countries=["ES"])[0].country == "ES"


def test_place_falls_back_to_the_gazetteer_only_for_names_the_kb_lacks(kb: KnowledgeBase) -> None:
    assert kb.lookup("Joinville") == []  # the main KB does not load the gazetteer
    joinville = kb.place("Joinville")
    assert joinville is not None and joinville.country == "BR"
    assert kb.place("Lisboa").id == "place:lisboa"  # type: ignore[union-attr]


def test_build_script_regenerates_the_shipped_files(tmp_path: Path) -> None:
    counts = build(tmp_path)
    assert counts["countries"] >= 245 and counts["cities"] > 4000
    for name in ("country_names.json", "gazetteer.json"):
        shipped = resources.files("parallax.nlp.kb").joinpath("data", name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped, name
