"""Date expressions ("when"), normalised against the publication date.

Scans the kept sentences and the title line, token by token, for hand-written
patterns (no ``dateparser`` over running text: it turns "Segunda Guerra" into a
Monday and "50 anos" into a year). The publication date is the LOCAL date the
source printed ("2025-03-14T10:30:00-03:00" → 2025-03-14), never converted to UTC.

Conventions (the gold follows them):

* ``value`` is ISO 8601: a day ``YYYY-MM-DD``, a month ``YYYY-MM``, a year ``YYYY``,
  and a week ``YYYY-Www`` (ISO week, Monday to Sunday) for "na semana passada",
  "last week", "no fim de semana" (the week that holds that weekend), "há duas semanas".
* ``text`` holds the words that make the expression relative — "nesta quinta-feira",
  "na semana passada", "no ano passado", "on Sunday", "el pasado jueves", "para
  quinta-feira" — plus a day number the outlet adds ("na quinta-feira (13)",
  "nesta quarta-feira, 12"). Absolute dates are printed without a leading
  preposition: "19 de março", "março de 2024", "2024", "March 19".
* Tense decides open cases. The nearest verb before the expression in its sentence
  (or, when the expression opens its clause, the nearest after it) is read as
  future ("vai", "será", "will", "debatirán": cue words and future endings), past
  ("foi", "disse", "said", "-ou", "-eu", "-aram", "-ed", "-ó") or neither (present).
* Weekdays: "nesta/neste/desta/esta/this <weekday>" = that weekday in the same
  Monday–Sunday week as the publication date, except that a date more than four days
  before publication moves a week ahead unless the tense is past (on a Sunday,
  "nesta segunda-feira" is tomorrow) and one more than four days after moves a week
  back when the tense is past (on a Monday, "morreu neste domingo" was yesterday).
  "na <weekday> passada", "na última <weekday>", "na passada <weekday>", "last
  <weekday>", "el pasado <weekday>" = the most recent one before the publication
  date, even yesterday: the press writes "na última segunda-feira (10)", "el pasado
  martes" for this week's days too. "na próxima <weekday>", "next <weekday>", "el
  próximo <weekday>", "para <weekday>" = the first one after the publication date. A
  bare "na quinta-feira" / "on Thursday" / "el jueves" = the most recent one on or
  before publication in the past tense, the first one after it in the future tense,
  and the nearer of the two in the present ("recebe os partidos na quarta-feira").
  A day number printed with the weekday ("(13)", ", 13,", "13 de março") wins over the
  weekday: the date with that day nearest to the weekday's date.
* A day and month without a year ("19 de março") and a month alone ("em março",
  "dezembro") take the year that puts them nearest to the publication date (the next
  occurrence in the future tense); "no dia 13" is the most recent 13th in the past
  tense, the next one in the future tense, the nearer one in the present. After a
  target preposition ("a votação ficou para 15 de janeiro", "scheduled for") the verb
  dates the decision, not the target: the tense is ignored and the nearest date wins.
* A weekend ("no fim de semana") is the ISO week that holds it: the coming one in the
  future tense, the last one in the past, the nearer one in the present ("prevê chuva
  no fim de semana" on a Friday is tomorrow's). A list or range of days ("6 e 7 de maio", "10 a 12 de março")
  and a span of years ("1914-1918") are one expression valued at their first day/year.
* "há três dias" / "hace tres días" is a date (publication − 3 days, with the unit's
  precision: weeks → ISO week, months → month, years → year) when a past-tense verb
  goes with it or "atrás" follows; otherwise it is a duration ("estuda há 30 anos") and
  the quantity finder reports it. A past participle before "há" dates it too
  ("publicado há uma semana"). "three days ago" is always a date. "daqui a duas
  semanas", "dentro de tres días", "two weeks from now" count forward, with the same
  precision.
* "no dia seguinte", "the next day", "al día siguiente" (and "na véspera", −1) count
  from the previous day-precise date of the article (from publication if none).
* Years: 1900–2100 anywhere unless the number is an amount ("2000 pessoas", "2000 €"),
  follows a designator ("Lei 2024") or is part of a name ("Agenda 2030"); older years
  (from 1000) only after a year preposition or in brackets ("em 1783", "(1822)").
  Abbreviated months count only after a day number ("11 mar", "6 jul" in datelines).
* Refused: "Segunda Guerra", "Segundo ele", "segunda maior", "na segunda vez", "50
  anos", "a 3ª Vara", "Rua 25 de Março", "Editora Abril" (a capitalised pt/es month is a
  name unless a lower-case word precedes the date, as in Portugal's older "em 14 de
  Março"; in a title-case segment a capitalised month needs a day number, a year
  preposition or "de 2025" next to it: "Abril Maio Silva" is a chain of names), "hoje
  em dia", "hoy en día", English "May"/"March" without a preposition, "the Sunday Times",
  a month named as a climatological reference ("a média histórica de janeiro").
  Out of scope: clock times, centuries, decades, seasons, holidays.
* Without a publication date, relative expressions and dates without a year get
  ``value = None`` (they are still reported). A publication date printed
  "DD-MM-YYYY" is read too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.model import Article, DateExpression, Span
from parallax.nlp.lang import resources
from parallax.nlp.numbers import (
    Token,
    fold_fields,
    match_phrase,
    match_phrase_before,
    number_lexicon,
    read_number,
    tokenize,
)

# --------------------------------------------------------------------------- lexicon

_PHRASE_FIELDS = frozenset(
    {
        "day_words",
        "weekday_prefixes",
        "weekday_suffixes",
        "periods",
        "year_relatives",
        "ago_before",
        "ago_after",
        "ahead_before",
        "ahead_after",
        "target_heads",
        "reference_heads",
        "day_heads",
        "refusals",
        "month_prefixes",
        "anaphoric",
        "month_rules",
        "short_prefixes",
        "year_prepositions",
    }
)


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """The words of one language that name days, weeks, months and years."""

    language: str
    months: Mapping[str, int]  # "março" -> 3 (also "sept." style abbreviations for en)
    weekdays: Mapping[str, int]  # unambiguous forms: "quinta-feira" -> 3 (Monday = 0)
    short_weekdays: Mapping[str, int]  # "quinta": only after a prefix of ``short_prefixes``
    short_prefixes: frozenset[tuple[str, ...]]  # "na", "nesta", "na próxima": license "na quinta"
    #: words that may follow a short weekday ("na quinta, ...", "na quinta passada")
    short_followers: frozenset[str]
    day_words: Mapping[tuple[str, ...], int]  # "ontem" -> -1
    #: words before a weekday and the rule they pick: this, last, next, bare, recent
    weekday_prefixes: Mapping[tuple[str, ...], str]
    weekday_suffixes: Mapping[tuple[str, ...], str]  # "passada" -> last, "que vem" -> next
    #: "na semana passada" -> ("week", -1); "no fim de semana" -> ("weekend", 0)
    periods: Mapping[tuple[str, ...], tuple[str, int | None]]
    year_relatives: Mapping[tuple[str, ...], int]  # after a month: "do ano passado" -> -1
    ago_before: frozenset[tuple[str, ...]]  # "há", "hace"
    ago_after: frozenset[tuple[str, ...]]  # "atrás", "ago"
    time_units: Mapping[str, str]  # "dias" -> day
    day_heads: Mapping[tuple[str, ...], str]  # "no dia" -> bare, "no último dia" -> last
    of_words: frozenset[str]  # "de", "del": "19 de março de 2025"
    month_prefixes: frozenset[tuple[str, ...]]  # "in", "since": a month alone needs one (en)
    month_rules: Mapping[tuple[str, ...], str]  # "last March", "el próximo marzo": last, next, this
    refusals: frozenset[tuple[str, ...]]  # "hoje em dia"
    future_cues: frozenset[str]
    future_endings: tuple[str, ...]  # "rá", "rão": future-tense verbs
    past_cues: frozenset[str]  # "foi", "disse", "said"
    past_endings: tuple[str, ...]  # "ou", "eu", "aram", "ed", "ó": past-tense verbs
    past_exceptions: frozenset[str]  # words with a past ending that are no verbs ("museu", "hundred")
    clause_words: frozenset[str]  # "e", "mas", "que": a new clause starts (its verb is not ours)
    #: "no dia seguinte" (+1), "na véspera" (-1): relative to the previous date in the article
    anaphoric: Mapping[tuple[str, ...], int]
    #: abbreviated months, read only after a day number ("11 mar", "6 jul" in datelines)
    month_abbreviations: Mapping[str, int]
    #: words before "mañana" that make it the morning, not tomorrow
    morning_markers: frozenset[str]
    #: words before a year that make an older number a year too ("em 1783", "in 1822")
    year_prepositions: frozenset[tuple[str, ...]]
    month_first: bool  # "March 19" (en) besides "19 March"
    capitalised_names: bool  # months/weekdays are lower case in prose (pt, es)
    ahead_before: frozenset[tuple[str, ...]] = frozenset()  # "daqui a", "dentro de": publication + N
    ahead_after: frozenset[tuple[str, ...]] = frozenset()  # "from now"
    #: words right before a date that make it a target ("adiada para 15 de janeiro"): tense ignored
    target_heads: frozenset[tuple[str, ...]] = frozenset()
    #: words before a bare month that make it a climatological reference ("média histórica de janeiro")
    reference_heads: frozenset[tuple[str, ...]] = frozenset()
    #: past participles ("publicado há uma semana"): a date after "há", like a past-tense verb
    participle_endings: tuple[str, ...] = ()

    @classmethod
    def build(cls, language: str, **fields: object) -> DateLexicon:
        """Fold every key so that lookups ignore case and accents."""
        return cls(language=language, **fold_fields(fields, _PHRASE_FIELDS))  # type: ignore[arg-type]


@lru_cache(maxsize=8)
def date_lexicon(language: str | None) -> DateLexicon:
    lexicon: DateLexicon = resources(language, "dates").LEXICON
    return lexicon


# --------------------------------------------------------------------------- calendar helpers

_PUBLISHED = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_PUBLISHED_DMY = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def publication_date(published: str | None) -> dt.date | None:
    """The local date the outlet printed: the date part as written, offset ignored."""
    if not published:
        return None
    m = _PUBLISHED.match(published)
    if m is None:
        dmy = _PUBLISHED_DMY.match(published)  # "04-08-2006", as some corpora print it
        if dmy is None:
            return None
        year = int(dmy.group(3))
        return _safe_date(year, int(dmy.group(2)), int(dmy.group(1))) if 1000 <= year <= 3000 else None
    year = int(m.group(1))
    if not 1000 <= year <= 3000:  # keeps date arithmetic away from year 1 and 9999
        return None
    return _safe_date(year, int(m.group(2)), int(m.group(3)))


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_weekday(pub: dt.date, weekday: int, rule: str, tense: str | None) -> dt.date:
    """The date a weekday names under one of the conventions in the module docstring."""
    monday = pub - dt.timedelta(days=pub.weekday())
    if rule == "this":
        day = monday + dt.timedelta(days=weekday)
        gap = (day - pub).days
        if gap < -4 and tense != "past":
            day += dt.timedelta(days=7)  # on a Sunday, "nesta segunda-feira" is tomorrow
        elif gap > 4 and tense == "past":
            day -= dt.timedelta(days=7)  # on a Monday, "morreu neste domingo" was yesterday
        return day
    if rule in ("last", "recent"):
        back = (pub.weekday() - weekday) % 7 or 7
        return pub - dt.timedelta(days=back)
    ahead = (weekday - pub.weekday()) % 7 or 7
    behind = (pub.weekday() - weekday) % 7
    if rule == "next" or tense == "future":
        return pub + dt.timedelta(days=ahead)
    if tense == "past" or behind <= ahead:
        return pub - dt.timedelta(days=behind)
    return pub + dt.timedelta(days=ahead)  # present tense: the nearest one ("recebe na quarta-feira")


def nearest_day(anchor: dt.date, day: int) -> dt.date | None:
    """The date with day-of-month ``day`` nearest to ``anchor`` (this, previous or next month)."""
    best: dt.date | None = None
    for delta in (-1, 0, 1):
        year, month = _shift_month(anchor.year, anchor.month, delta)
        candidate = _safe_date(year, month, day)
        if candidate is not None and (best is None or abs(candidate - anchor) < abs(best - anchor)):
            best = candidate
    return best


def _nearest_year_for(pub: dt.date, month: int, day: int | None, tense: str | None) -> int:
    """The year that puts month (and day) nearest to the publication date, on the side the tense says."""
    best_year = pub.year
    best_gap: int | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        candidate = _safe_date(year, month, day or 1)
        if candidate is None:
            continue
        gap = (year * 12 + month) - (pub.year * 12 + pub.month) if day is None else (candidate - pub).days
        if (tense == "future" and gap < 0) or (tense == "past" and gap > 0):
            continue
        if best_gap is None or abs(gap) < abs(best_gap):
            best_year, best_gap = year, gap
    return best_year


# --------------------------------------------------------------------------- the scanner


@dataclass(frozen=True, slots=True)
class _Found:
    first: int  # token index
    stop: int  # token index after the expression
    value: str | None
    relative: bool
    refused: bool = False
    anaphor: int | None = None  # days from the previous date in the article ("no dia seguinte": +1)


class _Scanner:
    """Finds date expressions in the tokens of one segment."""

    def __init__(self, tokens: Sequence[Token], lex: DateLexicon, pub: dt.date | None) -> None:
        self.t = tokens
        self.lex = lex
        self.num = number_lexicon(lex.language)
        self.pub = pub
        self.titlecase = _is_titlecase(tokens)

    # -- small predicates

    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < len(self.t) else ""

    def _name_case_ok(self, i: int) -> bool:
        """Months and weekdays are lower case in pt/es prose; a capital marks a name."""
        tok = self.t[i]
        if not self.lex.capitalised_names or not tok.is_capitalised:
            return True
        return self.titlecase or i == 0 or self.t[i - 1].text in '.!?:"“«(—–-'

    def day_number(self, i: int) -> tuple[int, int] | None:
        """A day of the month at token ``i`` ("19", "1º", "1st", "19th"), with the index after it."""
        if not 0 <= i < len(self.t):
            return None
        text = self.t[i].text
        m = re.fullmatch(r"(\d{1,2})(º|°|o|er|st|nd|rd|th)?", text)
        if m is None:
            return None
        day = int(m.group(1))
        if not 1 <= day <= 31:
            return None
        stop = i + 1
        if (
            stop < len(self.t)
            and self.t[stop].text in ("º", "°")
            and self.t[stop - 1].end == self.t[stop].start
        ):
            stop += 1
        return day, stop

    def year_number(self, i: int) -> int | None:
        if 0 <= i < len(self.t) and re.fullmatch(r"\d{4}", self.t[i].text):
            year = int(self.t[i].text)
            if 1000 <= year <= 2100:
                return year
        return None

    def month_at(self, i: int, before: int | None = None) -> tuple[int, int] | None:
        """A month name at ``i`` (with an abbreviation's dot), with the index after it.

        A capitalised month in pt/es prose is taken as a name ("Rua 25 de Março",
        "Editora Abril") unless the word before the expression (token ``before - 1``)
        is a lower-case word, as in Portugal's older spelling "em 14 de Março".
        """
        if not 0 <= i < len(self.t):
            return None
        month = self.lex.months.get(self.t[i].low)
        if month is None:
            return None
        if self.lex.language == "en":
            if not self.t[i].is_capitalised:
                return None
        elif self.titlecase and self.t[i].is_capitalised and not self._month_licensed(i, before):
            return None  # a chain of capitalised words ("Abril Maio Março Silva") is names, not months
        elif not self._name_case_ok(i):
            start = i if before is None else before
            if start > 0:
                prev = self.t[start - 1]
                if not prev.is_word or prev.is_capitalised:
                    return None
                if start == i and prev.low in self.lex.of_words and start >= 2:
                    before_of = self.t[start - 2]
                    if before_of.text[:1].isdigit() or before_of.is_capitalised:
                        return None  # "Rua 25 de Março", "Ponte 25 de Abril"
        stop = i + 1
        if stop < len(self.t) and self.t[stop].text == "." and self.t[i].low in self.lex.month_abbreviations:
            stop += 1  # "Sept. 5"
        return month, stop

    def _month_licensed(self, i: int, before: int | None) -> bool:
        """In a title-case segment a capitalised month is a month only next to date words: a day
        number or year preposition before the expression ("Chuva Em Março", "6 De Julho"), or "de
        2025" after it."""
        start = i if before is None else before
        if start > 0:
            prev = self.t[start - 1]
            if prev.text[:1].isdigit() or (prev.low,) in self.lex.year_prepositions:
                return True
        if start != i:
            return True  # a day number opens the expression: "6 De Julho"
        k = i + 1
        if k < len(self.t) and self.t[k].low in self.lex.of_words:
            k += 1
        return self.year_number(k) is not None

    def tense_near(self, first: int, stop: int) -> str | None:
        """ "future", "past" or None (present, or no verb found) for tokens ``[first, stop)``.

        The nearest verb before the expression in its clause decides; without one, the
        nearest after it in the sentence ("Este lunes, los líderes debatirán"). After a target
        preposition ("a votação ficou para 15 de janeiro") the verb dates the decision, not the
        target: no tense, so the nearest date is taken.
        """
        if match_phrase_before(self.t, first, self.lex.target_heads) is not None:
            return None
        k = first - 1
        while k >= 0 and first - k <= 8 and self.t[k].text not in _SENTENCE_END:
            tense = self._tense_of(k)
            if tense is not None:
                return tense
            k -= 1
        # after the expression: past a comma only when the expression opens its clause
        opens_clause = (
            first == 0
            or self.t[first - 1].text in _CLAUSE_END
            or (first >= 2 and self.t[first - 2].text in _CLAUSE_END and self.t[first - 1].is_word)
        )
        k = stop
        while k < len(self.t) and k - stop < 8 and self.t[k].text not in _SENTENCE_END:
            if not opens_clause and (self.t[k].text in _CLAUSE_END or self.t[k].low in self.lex.clause_words):
                break
            tense = self._tense_of(k)
            if tense is not None:
                return tense
            k += 1
        return None

    def _tense_of(self, k: int) -> str | None:
        tok = self.t[k]
        if not tok.is_word or (tok.is_capitalised and k > 0 and not self.titlecase):
            return None
        low, lower = tok.low, tok.text.lower()
        lex = self.lex
        if low in lex.future_cues or (len(low) > 5 and lower.endswith(lex.future_endings)):
            return "future"
        if low in lex.past_cues or (
            len(low) > 3 and lower.endswith(lex.past_endings) and low not in lex.past_exceptions
        ):
            return "past"
        return None

    def future_near(self, first: int, stop: int) -> bool:
        return self.tense_near(first, stop) == "future"

    # -- value helpers

    def _day(self, day: dt.date | None) -> str | None:
        return day.isoformat() if day else None

    def with_day_after(self, first: int, stop: int, resolved: dt.date, trust_day: bool) -> _Found:
        """``resolved`` for tokens ``[first, stop)``, or the day printed right after them ("ontem (13)")
        when it is in parentheses, agrees with ``resolved``, or ``trust_day`` says to take it anyway."""
        day_after = self.explicit_day_after(stop)
        if day_after is not None and (trust_day or self.t[stop].text == "(" or day_after[0] == resolved.day):
            explicit_date = nearest_day(resolved, day_after[0])
            if explicit_date is not None:
                return _Found(first, day_after[1], explicit_date.isoformat(), True)
        return _Found(first, stop, resolved.isoformat(), True)

    def explicit_day_after(self, i: int) -> tuple[int, int] | None:
        """A day number printed after a weekday or "ontem": "(13)", ", 13,", ", dia 13", " 13"."""
        t = self.t
        if i + 2 < len(t) and t[i].text == "(" and t[i + 2].text == ")":
            got = self.day_number(i + 1)
            if got is not None and got[1] == i + 2:
                return got[0], i + 3
        if i + 1 < len(t) and t[i].text == ",":
            k = i + 1
            if self.low(k) == "dia":
                k += 1
            got = self.day_number(k)
            if got is not None and (got[1] >= len(t) or t[got[1]].text in ",.;)"):
                return got[0], got[1]
        if self.lex.language == "es" and i < len(t):  # "el jueves 13"
            got = self.day_number(i)
            if got is not None and (
                got[1] >= len(t) or not t[got[1]].is_word or t[got[1]].low in self.lex.short_followers
            ):
                return got[0], got[1]
        return None

    # -- patterns, each returning what it found at token i

    def scan(self) -> list[_Found]:
        found: list[_Found] = []
        i = 0
        while i < len(self.t):
            hit = self.at(i)
            if hit is None:
                i += 1
                continue
            if not hit.refused:
                found.append(hit)
            i = max(hit.stop, i + 1)
        return found

    def at(self, i: int) -> _Found | None:
        tok = self.t[i]
        if (tok.is_word or not tok.text[:1].isdigit()) and tok.low not in _starters(self.lex.language):
            return None  # most words, and punctuation and emoji, cannot open a date expression
        refusal = match_phrase(self.t, i, self.lex.refusals)
        if refusal is not None:
            return _Found(i, refusal[1], None, False, refused=True)
        for pattern in (
            self.anaphora,
            self.numeric_date,
            self.day_month,
            self.month_day,
            self.weekday,
            self.day_word,
            self.period,
            self.ago,
            self.day_of_month,
            self.month_year,
            self.year,
        ):
            hit = pattern(i)
            if hit is not None:
                return hit
        return None

    def anaphora(self, i: int) -> _Found | None:
        hit = match_phrase(self.t, i, self.lex.anaphoric)
        if hit is None:
            return None
        return _Found(i, hit[1], None, True, anaphor=self.lex.anaphoric[hit[0]])

    def numeric_date(self, i: int) -> _Found | None:
        text = self.t[i].text
        m = re.fullmatch(r"(\d{4})[-–](\d{4}|\d{2})", text)
        if m:  # "(1914-1918)", "2003-2005": a span of years, valued at its first one
            first, last = int(m.group(1)), int(m.group(2))
            if len(m.group(2)) == 2:
                last += first // 100 * 100
            if 1000 <= first < last <= 2100:
                return _Found(i, i + 1, f"{first:04d}", False)
            return None
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if m:
            iso = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return _Found(i, i + 1, self._day(iso), False) if iso else None
        m = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?", text)
        if m is None or (m.group(2) != "/" and m.group(4) is None):
            return None
        a, b = int(m.group(1)), int(m.group(3))
        day, month = (
            (b, a) if self.lex.language == "en" and a <= 12 and (b > 12 or m.group(2) == "/") else (a, b)
        )
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if m.group(4):
            year = int(m.group(4))
            year += 2000 if year < 100 else 0
            return _Found(i, i + 1, self._day(_safe_date(year, month, day)), False)
        if self.pub is None:
            return _Found(i, i + 1, None, False)
        year = _nearest_year_for(self.pub, month, day, self.tense_near(i, i + 1))
        return _Found(i, i + 1, self._day(_safe_date(year, month, day)), False)

    def _year_after(self, k: int) -> tuple[int | None, int, bool]:
        """An explicit or relative year after a month: "de 2025", ", 2025", "do ano passado"."""
        t = self.t
        if k < len(t) and (t[k].low in self.lex.of_words or t[k].text == ","):
            year = self.year_number(k + 1)
            if year is not None:
                return year, k + 2, False
        year = self.year_number(k)
        if year is not None:
            return year, k + 1, False
        rel = match_phrase(t, k, self.lex.year_relatives)
        if rel is not None and self.pub is not None:
            return self.pub.year + self.lex.year_relatives[rel[0]], rel[1], True
        if rel is not None:
            return None, rel[1], True
        return None, k, False

    def _day_month_value(
        self, first: int, stop: int, day: int, month: int, year: int | None, relative: bool
    ) -> str | None:
        if year is None:
            if self.pub is None:
                return None
            year = _nearest_year_for(self.pub, month, day, self.tense_near(first, stop))
        return self._day(_safe_date(year, month, day))

    def day_month(self, i: int) -> _Found | None:
        """ "19 de março (de 2025)", "1º de abril", "19 March 2025", "10 e 11 de março"."""
        got = self.day_number(i)
        if got is None:
            return None
        day, k = got
        next_day = self._day_list_end(k)
        if next_day is not None:
            # "6 e 7 de maio", "10 a 12 de março": one expression, valued at its first day
            later = self.day_month(next_day)
            if later is None:
                return None
            value = None
            if later.value and len(later.value) == 10:
                first_date = _safe_date(int(later.value[:4]), int(later.value[5:7]), day)
                value = first_date.isoformat() if first_date else None
            return _Found(i, later.stop, value, later.relative)
        if k < len(self.t) and self.low(k) in self.lex.of_words:
            k += 1
        month_hit = self.month_at(k, before=i) or self.month_abbreviation_at(k)
        if month_hit is None:
            return None
        month, k = month_hit
        year, stop, relative = self._year_after(k)
        return _Found(i, stop, self._day_month_value(i, stop, day, month, year, relative), relative)

    def month_abbreviation_at(self, k: int) -> tuple[int, int] | None:
        """ "11 mar", "6 jul." after a day number (datelines); lower case only."""
        if not 0 <= k < len(self.t) or self.t[k].is_capitalised:
            return None
        month = self.lex.month_abbreviations.get(self.t[k].low)
        if month is None:
            return None
        stop = k + 1 if not (k + 1 < len(self.t) and self.t[k + 1].text == ".") else k + 2
        return month, stop

    def _day_list_end(self, k: int) -> int | None:
        """After a day number: the index of the next day of a list ("10, 11 e 12 de março")."""
        t = self.t
        probe = k
        for _ in range(8):  # a bounded list: a long run of small numbers is not a list of days
            if not (probe + 1 < len(t) and (t[probe].text in _DAY_LINKS or t[probe].low in _DAY_LINKS)):
                break
            nxt = self.day_number(probe + 1)
            if nxt is None:
                break
            probe = nxt[1]
            after = probe + 1 if probe < len(t) and self.low(probe) in self.lex.of_words else probe
            if self.month_at(after, before=k - 1) is not None:
                return k + 1
        return None

    def month_day(self, i: int) -> _Found | None:
        """ "March 19", "March 19, 2025", "Sept. 5" (English order)."""
        if not self.lex.month_first:
            return None
        month_hit = self.month_at(i)
        if month_hit is None:
            return None
        month, k = month_hit
        got = self.day_number(k)
        if got is None or (k < len(self.t) and self.t[k].text.isdigit() and len(self.t[k].text) > 2):
            return None
        day, k = got
        if k < len(self.t) and (self.t[k].low,) in self.num.units:  # "March 19 hours": not a date
            return None
        year, stop, relative = self._year_after(k)
        return _Found(i, stop, self._day_month_value(i, stop, day, month, year, relative), relative)

    def month_year(self, i: int) -> _Found | None:
        """ "março de 2024", "March 2024", "em março", "em março do ano passado", "last March"."""
        month_hit = self.month_at(i, before=i)
        if month_hit is None:
            return None
        month, k = month_hit
        first = i
        rule: str | None = None
        before = match_phrase_before(self.t, i, self.lex.month_rules)
        if before is not None:
            rule = self.lex.month_rules[before[0]]
            first = before[1]
        year, stop, relative = self._year_after(k)
        if year is None and rule is None and match_phrase_before(self.t, i, self.lex.reference_heads):
            return _Found(i, stop, None, False, refused=True)  # "a média histórica de janeiro"
        if year is None and not relative:
            suffix = match_phrase(self.t, k, self.lex.weekday_suffixes)
            if suffix is not None and self.lex.weekday_suffixes[suffix[0]] in ("last", "next"):
                rule, stop = self.lex.weekday_suffixes[suffix[0]], suffix[1]
        if (
            year is None
            and not relative
            and rule is None
            and self.lex.month_prefixes
            and match_phrase_before(self.t, i, self.lex.month_prefixes) is None
        ):
            return None  # English "May", "March" alone may be a verb or a name
        relative = relative or rule is not None
        if year is None:
            if self.pub is None:
                return _Found(first, stop, None, relative)
            if rule == "this":
                year = self.pub.year
            elif rule == "last":
                year = self.pub.year if month < self.pub.month else self.pub.year - 1
            elif rule == "next":
                year = self.pub.year if month > self.pub.month else self.pub.year + 1
            else:
                year = _nearest_year_for(self.pub, month, None, self.tense_near(i, stop))
        return _Found(first, stop, f"{year:04d}-{month:02d}", relative)

    def year(self, i: int) -> _Found | None:
        year = self.year_number(i)
        if year is None:
            return None
        t = self.t
        preposition = match_phrase_before(t, i, self.lex.year_prepositions) is not None
        marked = preposition or (i > 0 and t[i - 1].text == "(" and i + 1 < len(t) and t[i + 1].text == ")")
        if year < 1900 and not marked:
            return None  # an older year needs "em", "desde", "in", "(1783)"
        prev = t[i - 1] if i > 0 else None
        if prev is not None and (
            prev.low in self.num.designators or prev.text in "$€£#+-/" or prev.text[-1:].isdigit()
        ):
            return None
        if (
            prev is not None
            and not preposition
            and prev.is_capitalised
            and prev.is_word
            and i >= 2
            and not self.titlecase
            and t[i - 2].text not in '.!?:"“«(—–-'
        ):
            return None  # "Agenda 2030", "Rio 2016": a name
        if (
            match_phrase_before(t, i, self.num.qualifiers) is not None
            and prev is not None
            and prev.low
            not in (
                "ate",
                "hasta",
                "until",
            )
        ):
            return None
        nxt = i + 1
        if nxt < len(t):
            low = t[nxt].low
            if (
                low in self.num.multipliers
                or low in self.num.currency_after
                or (low,) in self.num.currency_before
                or match_phrase(t, nxt, self.num.percent) is not None
                or match_phrase(t, nxt, self.num.units) is not None
                or match_phrase(t, nxt, self.num.concepts) is not None
                or (t[nxt].text in ("º", "ª") and t[nxt].start == t[i].end)
            ):
                return None
            if (
                t[nxt].is_word
                and not t[nxt].is_capitalised
                and low.endswith("s")
                and low not in self.num.stopwords
                and len(low) > 3
                and self.lex.language != "en"
            ):
                return None
        return _Found(i, i + 1, f"{year:04d}", False)

    def weekday(self, i: int) -> _Found | None:
        """Prefix? + weekday + suffix? + day number? ("nesta quinta-feira (13)", "last Thursday")."""
        t = self.t
        prefix = match_phrase(t, i, self.lex.weekday_prefixes)
        rule = "bare"
        k = i
        if prefix is not None:
            rule = self.lex.weekday_prefixes[prefix[0]]
            k = prefix[1]
        if k >= len(t):
            return None
        low = t[k].low
        weekday = self.lex.weekdays.get(low)
        if weekday is None and prefix is not None and prefix[0] in self.lex.short_prefixes:
            weekday = self.lex.short_weekdays.get(low)
            if weekday is not None:
                nxt = t[k + 1] if k + 1 < len(t) else None
                if nxt is not None and not (
                    nxt.low in self.lex.short_followers or not nxt.is_word or nxt.text[:1].isdigit()
                ):
                    return None
        if weekday is None or not self._name_case_ok(k):
            return None
        if self.lex.language == "en":
            nxt = t[k + 1] if k + 1 < len(t) else None
            if (nxt is not None and nxt.is_capitalised and nxt.is_word and not self.titlecase) or (
                prefix is None
                and k > 0
                and t[k - 1].is_capitalised
                and t[k - 1].is_word
                and not self.titlecase
            ):
                return None  # "the Sunday Times", "Super Tuesday"
        first = i if prefix is not None else k
        stop = k + 1
        suffix = match_phrase(t, stop, self.lex.weekday_suffixes)
        if suffix is not None:
            rule = self.lex.weekday_suffixes[suffix[0]]
            stop = suffix[1]
        # an explicit date right after the weekday: "quinta-feira, 13 de março", "Thursday, March 13"
        probe = stop + 1 if stop < len(t) and t[stop].text == "," else stop
        for pattern in (self.day_month, self.month_day):
            explicit = pattern(probe)
            if explicit is not None:
                return _Found(first, explicit.stop, explicit.value, explicit.relative)
        if self.pub is None:
            day_after = self.explicit_day_after(stop)
            return _Found(first, day_after[1] if day_after else stop, None, True)
        resolved = resolve_weekday(self.pub, weekday, rule, self.tense_near(first, stop))
        return self.with_day_after(first, stop, resolved, trust_day=self.lex.language == "es")

    def day_word(self, i: int) -> _Found | None:
        hit = match_phrase(self.t, i, self.lex.day_words)
        if hit is None:
            return None
        words, stop = hit
        if words == ("manana",) and i > 0 and self.t[i - 1].low in self.lex.morning_markers:
            return None  # "por la mañana" is the morning, "mañana" alone is tomorrow
        if self.pub is None:
            return _Found(i, stop, None, True)
        day = self.pub + dt.timedelta(days=self.lex.day_words[words])
        return self.with_day_after(i, stop, day, trust_day=False)

    def period(self, i: int) -> _Found | None:
        hit = match_phrase(self.t, i, self.lex.periods)
        if hit is None:
            return None
        words, stop = hit
        kind, offset = self.lex.periods[words]
        # "em março do ano passado": the month pattern owns it
        if self.pub is None:
            return _Found(i, stop, None, True)
        pub = self.pub
        if kind == "week":
            return _Found(i, stop, iso_week(pub + dt.timedelta(weeks=offset or 0)), True)
        if kind == "month":
            year, month = _shift_month(pub.year, pub.month, offset or 0)
            return _Found(i, stop, f"{year:04d}-{month:02d}", True)
        if kind == "year":
            return _Found(i, stop, f"{pub.year + (offset or 0):04d}", True)
        # weekend: the Saturday of the chosen week
        if offset is None:
            tense = self.tense_near(i, stop)
            ahead = pub + dt.timedelta(days=(5 - pub.weekday()) % 7 or 7)
            behind = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
            # "prevê chuva no fim de semana" on a Friday: tomorrow's weekend
            nearer_ahead = tense is None and ahead - pub < pub - behind
            saturday = ahead if tense == "future" or nearer_ahead else behind
        else:
            saturday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=5 + 7 * offset)
        return _Found(i, stop, iso_week(saturday), True)

    def ago(self, i: int) -> _Found | None:
        """ "há três dias", "hace dos semanas", "three days ago", "dois meses atrás"."""
        t = self.t
        head = match_phrase(t, i, self.lex.ago_before)
        ahead = match_phrase(t, i, self.lex.ahead_before) if head is None else None
        if ahead is not None:
            head = ahead
        k = head[1] if head is not None else i
        qualifier = match_phrase(t, k, self.num.qualifiers)
        if qualifier is not None:
            k = qualifier[1]
        if k >= len(t):
            return None
        number = read_number(t, k, self.num)
        if number is None or number.value is None or number.kind in ("ordinal", "time", "code", "vague"):
            return None
        k = number.stop
        if k >= len(t) or t[k].low not in self.lex.time_units:
            return None
        unit = self.lex.time_units[t[k].low]
        stop = k + 1
        tail = match_phrase(t, stop, self.lex.ago_after) if ahead is None else None
        if head is None and tail is None:
            tail = match_phrase(t, stop, self.lex.ahead_after)
            ahead = tail
        if head is None and (tail is None or qualifier is not None):
            return None
        if tail is not None:
            stop = tail[1]
        elif ahead is None and self.tense_near(i, stop) != "past" and not self._participle_before(i):
            return None  # "estuda há 30 anos", "la huelga dura hace tres días": a duration, not a date
        amount = number.value
        if amount != int(amount) or amount > 5000:
            return None
        if self.pub is None:
            return _Found(i, stop, None, True)
        n = -int(amount) if ahead is not None else int(amount)
        pub = self.pub
        if unit == "day":
            return _Found(i, stop, (pub - dt.timedelta(days=n)).isoformat(), True)
        if unit == "week":
            return _Found(i, stop, iso_week(pub - dt.timedelta(weeks=n)), True)
        if unit == "month":
            year, month = _shift_month(pub.year, pub.month, -n)
            return _Found(i, stop, f"{year:04d}-{month:02d}", True)
        if unit == "year":
            return _Found(i, stop, f"{pub.year - n:04d}", True)
        return None

    def _participle_before(self, i: int) -> bool:
        """ "publicado há uma semana": a past participle right before "há" dates it."""
        if i == 0 or not self.lex.participle_endings:
            return False
        prev = self.t[i - 1]
        return prev.is_word and len(prev.low) > 4 and prev.low.endswith(self.lex.participle_endings)

    def day_of_month(self, i: int) -> _Found | None:
        """ "no dia 13", "no último dia 5", "on the 13th", "el día 13" (no month printed)."""
        head = match_phrase(self.t, i, self.lex.day_heads)
        if head is None:
            return None
        got = self.day_number(head[1])
        if got is None:
            return None
        day, stop = got
        if stop < len(self.t) and (
            (self.t[stop].low,) in self.num.units
            or (self.t[stop].low in self.lex.of_words and self.month_at(stop + 1) is not None)
        ):
            return None
        if self.pub is None:
            return _Found(i, stop, None, True)
        rule = self.lex.day_heads[head[0]]
        tense = self.tense_near(i, stop)
        future = rule == "next" or (rule == "bare" and tense == "future")
        pub = self.pub
        if rule == "bare" and tense is None:
            # present tense ("o outono começa às 6h01 do dia 20"): the nearer of the last and the next one
            near = nearest_day(pub, day)
            if near is not None:
                return _Found(i, stop, near.isoformat(), True)
        for delta in range(0, 13) if future else range(0, -13, -1):
            year, month = _shift_month(pub.year, pub.month, delta)
            candidate = _safe_date(year, month, day)
            if candidate is None:
                continue
            if (future and candidate >= pub) or (not future and candidate <= pub):
                if rule == "last" and candidate == pub:
                    continue
                return _Found(i, stop, candidate.isoformat(), True)
        return None


_DAY_LINKS = frozenset({",", "-", "–", "e", "y", "and", "a", "to", "al"})
_CLAUSE_END = frozenset('.;!?,:()"“”«»')
_SENTENCE_END = frozenset('.;!?:"“”«»')


@lru_cache(maxsize=8)
def _starters(language: str) -> frozenset[str]:
    """Every word that can open a date expression in ``language``."""
    lex = date_lexicon(language)
    num = number_lexicon(language)
    words: set[str] = set(lex.months) | set(lex.weekdays) | set(num.cardinals) | set(num.weak)
    for table in (
        lex.refusals,
        lex.anaphoric,
        lex.weekday_prefixes,
        lex.day_words,
        lex.periods,
        lex.ago_before,
        lex.ahead_before,
        lex.day_heads,
        lex.month_rules,
        num.qualifiers,
    ):
        words.update(p[0] for p in table if p)
    return frozenset(words)


def _is_titlecase(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if t.is_word and len(t.text) > 3]
    return len(words) >= 3 and sum(t.is_capitalised for t in words) >= 0.85 * len(words)


# --------------------------------------------------------------------------- entry point


def segments(article: Article) -> list[Span]:
    """The spans the finders scan: kept sentences, plus the title line when no sentence covers it."""
    spans = [s.span for s in article.sentences]
    title = article.title_span
    if title is not None and len(title) and not any(title.overlaps(s) for s in spans):
        spans.insert(0, title)
    return sorted(spans)


def tokenized_segments(article: Article) -> list[tuple[Span, list[Token]]]:
    """:func:`segments` with their tokens, so that finders scanning the same text tokenize it once."""
    return [(span, tokenize(article.text, span.start, span.end)) for span in segments(article)]


def find_dates(
    article: Article, tokenized: Sequence[tuple[Span, Sequence[Token]]] | None = None
) -> list[DateExpression]:
    """Every date expression in the kept sentences and the title, normalised (see module doc).

    ``tokenized`` is :func:`tokenized_segments` of the article when the caller has it already."""
    lex = date_lexicon(article.language)
    pub = publication_date(article.published)
    out: list[DateExpression] = []
    last_day: dt.date | None = None  # the latest day named so far, for "no dia seguinte"
    for _, tokens in tokenized_segments(article) if tokenized is None else tokenized:
        for hit in _Scanner(tokens, lex, pub).scan():
            start, end = tokens[hit.first].start, tokens[hit.stop - 1].end
            value = hit.value
            if hit.anaphor is not None:
                base = last_day or pub
                value = (base + dt.timedelta(days=hit.anaphor)).isoformat() if base else None
            if value is not None and len(value) == 10:
                last_day = dt.date.fromisoformat(value)
            out.append(DateExpression(article.text[start:end], Span(start, end), value, hit.relative))
    return out
