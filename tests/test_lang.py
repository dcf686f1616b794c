"""Calendar words shared by cleaning and extraction: complete, numbered, and used by both."""

from __future__ import annotations

from types import ModuleType

import pytest

from parallax.clean.lexicons import LEXICONS
from parallax.lang import en, es, pt
from parallax.nlp.dates import date_lexicon
from parallax.text import fold

LANGUAGES = {"pt": pt, "en": en, "es": es}


@pytest.mark.parametrize("module", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_every_month_and_weekday_is_named(module: ModuleType) -> None:
    assert set(module.MONTHS.values()) == set(range(1, 13))
    assert set(module.WEEKDAYS.values()) == set(range(7))
    assert set(module.WEEKDAY_ABBREVIATIONS.values()) == set(range(7))
    assert set(module.CALENDAR_UNITS.values()) == {"day", "week", "month", "year"}


@pytest.mark.parametrize("module", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_an_abbreviation_starts_the_name_of_its_month(module: ModuleType) -> None:
    for short, month in module.MONTH_ABBREVIATIONS.items():
        names = [fold(name) for name, number in module.MONTHS.items() if number == month]
        assert any(name.startswith(fold(short)) for name in names), short


def test_cleaning_and_dates_read_the_same_months() -> None:
    assert {"marco", "set", "dez"} <= set(LEXICONS["pt"].months)
    assert {"terca", "feira", "sab"} <= set(LEXICONS["pt"].timestamp_words)
    assert date_lexicon("pt").months["marco"] == 3
    assert date_lexicon("es").month_abbreviations["set"] == 9
    assert date_lexicon("en").months["sept"] == 9  # English reads abbreviations anywhere
