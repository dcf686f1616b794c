"""The agency registry: canonical names, lookup of printed forms, and mentions in text."""

from __future__ import annotations

import pytest

from parallax.clean.agencies import agencies, agency_by_name, agency_list, find_mentions

GOLD_CANONICAL = {
    "Reuters",
    "Associated Press",
    "AFP",
    "EFE",
    "Lusa",
    "Agência Brasil",
    "Agência Estado",
    "Folhapress",
    "ANSA",
    "DPA",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Sputnik",
    "KCNA",
    "Yonhap",
    "Kyodo",
    "Anadolu",
    "Al Jazeera",
    "BBC",
    "DW",
    "RFI",
}


def test_registry_has_the_canonical_names_of_the_gold_annotations() -> None:
    names = [a.name for a in agencies()]
    assert len(names) == len(set(names))
    assert set(names) >= GOLD_CANONICAL


def test_registry_facts_are_well_formed() -> None:
    for agency in agencies():
        assert len(agency.country) == 2 and agency.country.isupper()
        assert agency.ownership in {"private", "cooperative", "public", "state"}
        assert all(h.startswith("@") for h in agency.handles)
    by_name = {a.name: a for a in agencies()}
    assert by_name["Xinhua"].ownership == "state" and by_name["Xinhua"].country == "CN"
    assert by_name["Associated Press"].ownership == "cooperative"
    assert by_name["Reuters"].state_affiliated is False
    assert by_name["Agência Brasil"].state_affiliated is True


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Associated Press", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("AP", "Associated Press"),
        ("Agência Associated Press", "Associated Press"),
        ("agência Lusa", "Lusa"),
        ("Agencia Lusa", "Lusa"),
        ("LUSA", "Lusa"),
        ("France-Presse", "AFP"),
        ("Agence France Presse", "AFP"),
        ("agencia EFE", "EFE"),
        ("Agencia Brasil", "Agência Brasil"),
        ("Estadão Conteúdo", "Agência Estado"),
        ("Yonhap news agency", "Yonhap"),
        ("a agência de notícias Xinhua", "Xinhua"),
        ("Deutsche Presse Agentur", "DPA"),
        ("ITAR-TASS", "TASS"),
        ("@Reuters", "Reuters"),
        ("@AFP", "AFP"),
        ("Rádio França Internacional", "RFI"),
        ("Al-Jazeera", "Al Jazeera"),
    ],
)
def test_agency_by_name(printed: str, canonical: str) -> None:
    agency = agency_by_name(printed)
    assert agency is not None and agency.name == canonical


@pytest.mark.parametrize("printed", ["Folha de S.Paulo", "Polícia Federal", "agência", "Thomson Reuters", ""])
def test_agency_by_name_rejects_other_names(printed: str) -> None:
    assert agency_by_name(printed) is None


def test_agency_list() -> None:
    assert [a.name for a in agency_list("Reuters e AFP") or []] == ["Reuters", "AFP"]
    assert [a.name for a in agency_list("AFP/Reuters") or []] == ["AFP", "Reuters"]
    assert agency_list("Reuters e Folha de S.Paulo") is None


def test_mentions_respect_word_boundaries_and_case() -> None:
    text = "APs, CAPES e a lusa tradição; a AP e a Lusa; efe minúsculo e EFE; Sputnik V e Sputnik"
    found = [(m.agency.name, text[m.start : m.end]) for m in find_mentions(text)]
    assert found == [("Associated Press", "AP"), ("Lusa", "Lusa"), ("EFE", "EFE"), ("Sputnik", "Sputnik")]


def test_longest_form_wins() -> None:
    text = "segundo a Agência France-Presse e a BBC News Brasil"
    found = [(m.agency.name, text[m.start : m.end]) for m in find_mentions(text)]
    assert found == [("AFP", "Agência France-Presse"), ("BBC", "BBC News Brasil")]


REQUIRED_FIELDS = {
    "name",
    "kind",
    "country",
    "ownership",
    "state_affiliated",
    "names",
    "abbreviations",
    "handles",
    "exclusions",
}


def test_every_registry_entry_has_the_required_fields() -> None:
    import json
    from importlib import resources

    raw = json.loads(resources.files("parallax.clean").joinpath("data/agencies.json").read_text("utf-8"))
    for entry in raw["agencies"]:
        assert set(entry) == REQUIRED_FIELDS, entry["name"]
        assert entry["kind"] in {"agency", "broadcaster"}
        assert isinstance(entry["state_affiliated"], bool)
        assert all(
            isinstance(v, str) and v.strip() == v and v for f in ("names", "abbreviations") for v in entry[f]
        )


def test_no_printed_form_names_two_agencies() -> None:
    from parallax.clean.agencies import _key

    owner: dict[str, str] = {}
    for agency in agencies():
        forms = {_key(f) for f in (agency.name, *agency.names, *agency.abbreviations)}
        forms |= {h.lower() for h in agency.handles}
        for form in forms:
            assert owner.setdefault(form, agency.name) == agency.name, (form, owner[form], agency.name)


def test_registry_covers_the_wires_and_state_media_of_the_issue() -> None:
    names = {a.name for a in agencies()}
    assert names >= {
        "Agência O Globo",
        "Europa Press",
        "Prensa Latina",
        "Télam",
        "Notimex",
        "Agencia Andes",
        "Agencia Boliviana de Información",
        "Bloomberg",
    }
    by_name = {a.name: a for a in agencies()}
    assert (by_name["Prensa Latina"].country, by_name["Prensa Latina"].state_affiliated) == ("CU", True)
    assert (by_name["Europa Press"].ownership, by_name["Europa Press"].state_affiliated) == ("private", False)
    assert by_name["RIA Novosti"].ownership == "state" and by_name["KCNA"].country == "KP"


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("ANSA Brasil", "ANSA"),
        ("Agencia AP", "Associated Press"),
        ("agência Télam", "Télam"),
        ("Agencia Telam", "Télam"),
        ("Agência O Globo", "Agência O Globo"),
        ("Europa Press", "Europa Press"),
        ("Agência Angola Press", "ANGOP"),
        ("Bloomberg News", "Bloomberg"),
        ("Voz da América", "VOA"),
    ],
)
def test_new_registry_names(printed: str, canonical: str) -> None:
    agency = agency_by_name(printed)
    assert agency is not None and agency.name == canonical


def test_names_that_contain_an_agency_but_are_not_it() -> None:
    text = "Michael Bloomberg visitou a Bloomberg Línea; O Globo publicou; os Andes e a Comunidade Andina"
    assert [m.agency.name for m in find_mentions(text)] == []
