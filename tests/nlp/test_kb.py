"""The shipped knowledge base: alias lookups, demonyms, office holders by date, data sanity."""

from __future__ import annotations

import re

import pytest

from parallax.nlp.kb import Country, Organisation, Person, Place, load_kb
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
