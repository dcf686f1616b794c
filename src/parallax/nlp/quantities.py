"""Quantities ("how much"): numbers that state an amount, with interval, unit and counted noun.

Scans the kept sentences and the title line token by token (see
:mod:`parallax.nlp.numbers`); every span indexes ``Article.text`` exactly and
covers the qualifier, the currency, the number and its unit or counted noun
("pelo menos 12 mortos", "R$ 2,5 milhões", "2,5 milhões de reais", "cerca de duas horas").

Conventions (the gold follows them):

* ``value`` is the stated number in base units: "2,5 milhões" → 2500000,
  "€ 1,5 mil milhões" → 1.5e9 (pt-PT "mil milhões" = 10^9, "bilião" = 10^12,
  pt-BR "bilhão" = 10^9; es "mil millones" = 10^9, "billón" = 10^12), "$5bn" → 5e9,
  "duas horas e meia" → 2.5 with unit ``hour``, "uma hora e 20 minutos" → 1.333…
  hours. Units are not converted into each other.
* Interval per qualifier: exact → low = high = value; ``more_than``/``at_least`` →
  low = value; ``about`` → ±10 %; ``up_to``/``less_than``/``almost`` → high = value.
  "quase", "nearly", "almost", "casi", "close to" are ``almost``; "cerca de", "em
  torno de", "about", "some", "unos", "cerca del" are ``about``; "até", "up to",
  "hasta" are ``up_to``.
* A range ("entre 10 e 12", "10 a 12", "10-12", "sete ou oito", "between 10 and 12",
  "entre 1,5 bilhão de dólares e 3 bilhões de dólares") has ``qualifier = "range"``,
  low and high, and ``value = None`` (no single number is stated); "10 a 12 mil" is
  10000–12000. A vague amount ("dezenas de", "centenas de", "milhares de", "dozens
  of", "miles de") is a range with ``value = None``: low = 2 × the unit, high = 10 ×
  the unit (1000 × for thousands and millions): "dezenas de feridos" → [20, 100],
  "dezenas de milhares" → [20 000, 100 000], "milhares de" → [2 000, 1 000 000].
* Units: the architecture vocabulary plus ``pp`` (percentage points: "1 ponto
  percentual", "0,5 p.p."; ``about`` stays null), ``GBP``, ``second``, ``cm``, ``mm``,
  ``mi``, ``km2``, ``m2``, ``g``, ``l``, ``acre``, ``km/h``, ``mph``, ``m/s`` and
  ``°C``/``°F``/``°``. "$" alone is USD; a currency sign may follow the number ("4500€").
* ``about``: the counted noun's language-independent key (``lang/<code>/numbers.py``
  concept tables: "mortos", "mortes", "dead", "killed", "muertos" → ``morto``;
  "people", "personas" → ``pessoa``), else its lemma in the article's language.
  "pessoas feridas/desalojadas" counts the injured/displaced (``ferido``,
  ``desalojado``); "12 pessoas morreram" counts ``pessoa``. A bare number takes its
  noun from a head before it ("o número de mortos subiu para 15", "the death toll
  rose to 17" → ``morto``), from a copula and a concept after it ("20 were injured"
  → ``ferido``), or from the count just before it in the same or the previous
  sentence ("142 votos contra e 88 a favor" → ``voto``). With a unit, ``about`` is null.
* Ages are amounts: "um homem de 45 anos", "o motorista, de 32 anos", "aos 80 anos",
  "Silva, 45,", "a 45-year-old man", "45 years old" → value 45, unit ``year``, about
  ``idade`` (so that an age is compared with ages, not with durations).
* "um/uma/one/un/una" count with a unit ("uma semana", "um ponto percentual", "menos
  de um ano") or a casualty noun ("um morto"); English "a/an" only with a qualifier,
  a fraction or a multiplier ("about an hour", "an hour and a half", "a million").
  Number words need something they count ("os dois" is not an amount).
* "há 30 anos" is a duration ("mais de 30 anos") unless the date finder takes it as
  a date (a past-tense verb, "atrás"): a number inside a date is never an amount.
* Not amounts: ordinals ("3º", "3ª Vara", "42 º", "21st", "primeira"), years and dates
  ("em 2025", "19 de março", "há três dias" in the past tense), times of day ("às
  14h30", "14h", "às 14 horas", "até 18h", "10 a.m.", but "14 horas de trabalho", "por
  3h" and "cerca de 2h" are durations), phone numbers and codes ("(11) 3333-4444",
  "281-9600", "0800", "1.2.3"), identifiers after a designator ("Lei 14.133",
  "artigo 5", "km 23", "voo 447", "categoria 4", "p. 56"), numbers inside names ("G20",
  "COP30", "Fórmula 1", "Apollo 11", "Rua 25 de Março", "Rua Costa Aguiar, 590"),
  sports scores ("3 a 1", "2 x 0"), and a bare number in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import simplemma
from text_to_num import text2num

from parallax.model import Article, Quantity, Span
from parallax.nlp.dates import find_dates, tokenized_segments
from parallax.nlp.numbers import (
    Number,
    NumberLexicon,
    Token,
    match_phrase,
    match_phrase_before,
    number_lexicon,
    parse_numeral,
    read_number,
)

_HYPHEN_RANGE = re.compile(r"(\d+(?:[.,]\d+)*)[-–](\d+(?:[.,]\d+)*)")
_HYPHEN_UNIT = re.compile(r"(\d+(?:[.,]\d+)*)-([^\W\d_]+(?:-[^\W\d_]+)*)")
_SENTENCE_PUNCT = '.!?:"“«(—–-;'
#: (larger unit, smaller unit) -> how many of the smaller make one larger ("2 horas e 20 minutos")
_SUBUNITS = {
    ("hour", "minute"): 60.0,
    ("minute", "second"): 60.0,
    ("day", "hour"): 24.0,
    ("year", "month"): 12.0,
    ("week", "day"): 7.0,
}


@dataclass(slots=True)
class _Reading:
    """What was read around one number, before it becomes a :class:`Quantity`."""

    first: int  # first token of the expression (qualifier or currency included)
    stop: int  # token after the expression
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    about: str | None = None
    accepted: bool = True


def _interval(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier == "about":
        return _round(value * 0.9), _round(value * 1.1)
    if qualifier in ("up_to", "less_than", "almost"):
        return None, value
    return value, value


def _round(x: float) -> float:
    return float(f"{x:.12g}")


class _Scanner:
    def __init__(self, tokens: Sequence[Token], lex: NumberLexicon, dated: set[int]) -> None:
        self.t = tokens
        self.lex = lex
        self.dated = dated  # indices of tokens inside a date expression
        words = [t for t in tokens if t.is_word and len(t.text) > 3]
        self.titlecase = len(words) >= 3 and sum(t.is_capitalised for t in words) >= 0.85 * len(words)

    # -- small predicates

    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < len(self.t) else ""

    def text(self, i: int) -> str:
        return self.t[i].text if 0 <= i < len(self.t) else ""

    def sentence_start(self, i: int) -> bool:
        return i == 0 or self.t[i - 1].text in _SENTENCE_PUNCT

    def is_name_word(self, i: int) -> bool:
        """A capitalised word that is not capitalised only because it opens the sentence."""
        if not 0 <= i < len(self.t) or self.titlecase:
            return False
        tok = self.t[i]
        return tok.is_word and tok.is_capitalised and not self.sentence_start(i)

    def lower_word(self, i: int) -> bool:
        tok = self.t[i] if 0 <= i < len(self.t) else None
        return tok is not None and tok.is_word and (not tok.is_capitalised or self.titlecase)

    # -- the scan

    def scan(self) -> list[_Reading]:
        out: list[_Reading] = []
        i = 0
        while i < len(self.t):
            if i in self.dated:
                i += 1
                continue
            reading = self.read_at(i)
            if reading is None:
                i += 1
                continue
            if reading.accepted and not any(k in self.dated for k in range(reading.first, reading.stop)):
                out.append(reading)
            i = max(reading.stop, i + 1)
        return out

    def read_at(self, i: int) -> _Reading | None:
        hyphen = self.hyphenated(i) or self.hyphenated_words(i)
        if hyphen is not None:
            return hyphen
        number = read_number(self.t, i, self.lex)
        if number is None:
            return None
        if number.kind in ("ordinal", "code"):
            return _Reading(i, number.stop, None, accepted=False)
        first, currency = self.currency_before(i)
        qualifier, first = self.qualifier_before(first)
        reading = _Reading(first, number.stop, number.value, qualifier=qualifier)
        if number.kind == "time":
            if not self.duration_context(i, number.stop, qualifier):
                return _Reading(i, number.stop, None, accepted=False)
            reading.unit = "hour"
            return self.finish(reading, number)
        if number.kind == "vague":
            reading.low, reading.high, reading.qualifier = number.low, number.high, "range"
            reading.value = None
        second = self.range_after(i, number, first)
        if second is not None:
            low_number, high_number, head_first, stop = second
            reading.first = min(reading.first, head_first)
            reading.stop = stop
            if low_number is None or high_number is None:
                return _Reading(reading.first, stop, None, accepted=False)
            reading.low, reading.high, reading.value, reading.qualifier = (
                low_number,
                high_number,
                None,
                "range",
            )
        reading.unit = number.unit or currency
        return self.joined_range(self.finish(reading, number))

    def joined_range(self, r: _Reading) -> _Reading:
        """ "entre 1,5 bilhão de dólares e 3 bilhões de dólares": a range whose unit is printed twice."""
        head = r.first - 1
        link = r.stop
        if (
            not r.accepted
            or r.qualifier is not None
            or r.value is None
            or head < 0
            or self.low(head) not in self.lex.range_heads
            or self.low(head) in self.lex.of_words
            or self.low(link) not in self.lex.range_links
            or link + 1 >= len(self.t)
        ):
            return r
        second = self.read_at(link + 1)
        if (
            second is None
            or not second.accepted
            or second.qualifier is not None
            or second.value is None
            or second.unit != r.unit
            or second.value <= r.value
        ):
            return r
        return _Reading(
            head, second.stop, None, r.value, second.value, r.unit, "range", second.about or r.about
        )

    # -- pieces before the number

    def currency_before(self, i: int) -> tuple[int, str | None]:
        hit = match_phrase_before(self.t, i, self.lex.currency_before)
        if hit is None:
            return i, None
        words, first = hit
        if len(words) > 1 and any(self.t[k].end != self.t[k + 1].start for k in range(first, i - 1)):
            return i, None  # "R $" must be printed "R$"
        return first, self.lex.currency_before[words]

    def qualifier_before(self, first: int) -> tuple[str | None, int]:
        hit = match_phrase_before(self.t, first, self.lex.qualifiers)
        if hit is None:
            return None, first
        words, start = hit
        if (
            len(words) == 1
            and self.t[start].is_capitalised
            and not self.sentence_start(start)
            and not self.titlecase
        ):
            return None, first
        return self.lex.qualifiers[words], start

    def duration_context(self, i: int, stop: int, qualifier: str | None) -> bool:
        """ "por 3h", "cerca de 2h", "3h de negociação": an hour count, not a time of day."""
        if qualifier is not None:
            return qualifier != "up_to"  # "até 18h" is a time
        if i > 0 and self.low(i - 1) in self.lex.duration_preps and self.low(i - 1) not in self.lex.of_words:
            return True
        return self.low(stop) in self.lex.of_words and self.lower_word(stop + 1)

    # -- ranges

    def range_after(
        self, i: int, number: Number, first: int
    ) -> tuple[float | None, float | None, int, int] | None:
        """ "10 a 12", "entre 10 e 12", "between 10 and 12": (low, high, first token, stop)."""
        link = number.stop
        if link + 1 >= len(self.t) or number.kind not in ("digits", "words"):
            return None
        low_link = self.low(link)
        if low_link not in self.lex.range_links:
            return None
        head = first - 1 if first > 0 and self.low(first - 1) in self.lex.range_heads else None
        if low_link in self.lex.headed_links and (head is None or self.low(head) in self.lex.of_words):
            return None
        if head is not None and self.low(head) in self.lex.of_words and low_link in ("e", "y", "and"):
            return None
        k = link + 1
        cur = match_phrase(self.t, k, self.lex.currency_before)
        if cur is not None:
            k = cur[1]
        second = read_number(self.t, k, self.lex)
        if second is None or second.kind not in ("digits", "words") or second.value is None:
            return None
        if any(n in self.dated for n in range(k, second.stop)):
            return None
        low = number.value
        high = second.value
        if low is None:
            return None
        if second.scaled and not number.scaled and second.base:
            factor = high / second.base  # "10 a 12 mil": the multiplier applies to both
            if factor > 1 and low * factor <= high:
                low *= factor
        start = head if head is not None else first
        if low >= high:
            return None, None, start, second.stop  # "3 a 1" is a score, not a range
        return low, high, start, second.stop

    def hyphenated(self, i: int) -> _Reading | None:
        """One token: "10-12" (range), "15-year-old" (age), "10-day" (amount with unit)."""
        tok = self.t[i]
        if not tok.text[:1].isdigit() or ("-" not in tok.text and "–" not in tok.text):
            return None
        m = _HYPHEN_RANGE.fullmatch(tok.text)
        if m is not None:
            a, b = parse_numeral(m.group(1), self.lex.language), parse_numeral(m.group(2), self.lex.language)
            # four plain digits on either side: years ("2020-2024") or a phone number ("281-9600")
            code = any(len(g) >= 4 and g.isdigit() for g in (m.group(1), m.group(2)))
            if a is None or b is None or a >= b or code or m.group(1).startswith("0"):
                return _Reading(i, i + 1, None, accepted=False)
            first, currency = self.currency_before(i)
            reading = _Reading(first, i + 1, None, low=a, high=b, qualifier="range", unit=currency)
            return self.finish(reading, Number(i, i + 1, None, "digits"))
        m = _HYPHEN_UNIT.fullmatch(tok.text)
        if m is None:
            return _Reading(i, i + 1, None, accepted=False)
        value = parse_numeral(m.group(1), self.lex.language)
        return self._hyphen_unit(i, value, tuple(m.group(2).lower().split("-")))

    def hyphenated_words(self, i: int) -> _Reading | None:
        """ "two-day", "three-year-old": a number word glued to its unit."""
        parts = self.t[i].low.split("-")
        if len(parts) < 2 or parts[0] not in self.lex.cardinals or parts[0] in self.lex.weak:
            return None
        value = _words_value_or_none(parts[0], self.lex)
        return self._hyphen_unit(i, value, tuple(parts[1:]))

    def _hyphen_unit(self, i: int, value: float | None, words: tuple[str, ...]) -> _Reading | None:
        if value is None:
            return _Reading(i, i + 1, None, accepted=False)
        if words[:1] and (words[0],) in self.lex.units:
            unit = self.lex.units[(words[0],)]
            if unit == "year" and words[1:] == ("old",):
                return _Reading(i, i + 1, value, value, value, "year", None, "idade")
            if len(words) == 1:
                return _Reading(i, i + 1, value, value, value, unit)
        return _Reading(i, i + 1, None, accepted=False)

    # -- pieces after the number

    def finish(self, r: _Reading, number: Number) -> _Reading:
        """Read unit, currency or counted noun after the number; then accept or refuse."""
        k = r.stop
        lex = self.lex
        percent = match_phrase(self.t, k, lex.percent)
        if r.unit is None and percent is not None:
            r.unit, k = lex.percent[percent[0]], percent[1]
        elif r.unit is None or r.unit in ("BRL", "USD", "EUR", "GBP"):
            k = self.currency_after(r, k)
        if r.unit is None:
            k = self.unit_after(r, number, k)
        elif r.unit in ("hour", "minute", "day", "week", "month", "year") and number.kind != "time":
            k = self.compound(r, k)
        r.stop = k
        if r.unit is None:
            self.counted_noun(r, number)
        self.age(r, number)
        if r.about is None and r.unit is None:
            r.about = self.count_head(r.first)
        r.accepted = r.accepted and self.acceptable(r, number)
        if r.accepted and r.qualifier != "range" and r.value is not None:
            r.low, r.high = _interval(r.value, r.qualifier)
        return r

    def currency_after(self, r: _Reading, k: int) -> int:
        sign = self.lex.currency_before.get((self.low(k),)) if k < len(self.t) else None
        if sign is not None and not self.t[k].is_word and r.unit in (None, sign):
            r.unit = sign  # "4500€", "1,5 mil milhões €"
            return k + 1
        j = k + 1 if self.low(k) in self.lex.of_words else k
        code = self.lex.currency_after.get(self.low(j))
        if code is not None and self.lower_word(j) and (r.unit is None or r.unit == code):
            r.unit = code
            return j + 1
        return k

    def unit_after(self, r: _Reading, number: Number, k: int) -> int:
        lex = self.lex
        j = k
        if number.kind == "fraction" and self.low(j) in lex.weak:  # "half an hour"
            j += 1
        if number.scaled and self.low(j) in lex.of_words:
            j += 1
        hit = match_phrase(self.t, j, lex.units)
        if hit is None or not self.unit_token_ok(j, hit[1]):
            return k
        r.unit = lex.units[hit[0]]
        return self.compound(r, hit[1])

    def unit_token_ok(self, j: int, stop: int) -> bool:
        """A one-letter unit ("m", "t", "h") must not be a word's initial ("12 m. de altura" is fine)."""
        tok = self.t[j]
        if tok.is_capitalised and len(tok.text) > 3 and not self.titlecase and not tok.text.isupper():
            return False
        return not (len(tok.text) == 1 and tok.is_word and stop < len(self.t) and self.t[stop].text == "'")

    def compound(self, r: _Reading, k: int) -> int:
        """ "duas horas e meia", "uma hora e 20 minutos", "an hour and a half"."""
        lex = self.lex
        if r.value is None or self.low(k) not in lex.connectors:
            return k
        j = k + 1
        if self.low(j) in lex.weak and self.low(j + 1) in lex.fractions:
            j += 1
        if self.low(j) in lex.fractions:
            r.value += lex.fractions[self.low(j)]
            return j + 1
        second = read_number(self.t, j, lex)
        if second is None or second.value is None or second.kind not in ("digits", "words", "weak"):
            return k
        hit = match_phrase(self.t, second.stop, lex.units)
        if hit is None:
            return k
        factor = _SUBUNITS.get((r.unit or "", lex.units[hit[0]]))
        if factor is None:
            return k
        r.value = _round(r.value + second.value / factor)
        return hit[1]

    def counted_noun(self, r: _Reading, number: Number) -> None:
        lex = self.lex
        j = r.stop
        if self.low(j) in lex.of_words and (number.scaled or number.kind == "vague"):
            j += 1
        if self.low(j) in lex.fillers and self.lower_word(j):
            j += 1
        if (
            lex.language == "en"
            and j < len(self.t)
            and self.t[j].is_word
            and not self.noun_like(j, r.value)
            and match_phrase(self.t, j, lex.concepts) is None
            and self.low(j) not in lex.stopwords
            and self.low(j) not in lex.copulas
            and (match_phrase(self.t, j + 1, lex.concepts) is not None or self.noun_like(j + 1, r.value))
        ):
            j += 1  # an adjective before the noun: "five founding members", "18 Rwandan rebels"
        concept = match_phrase(self.t, j, lex.concepts)
        if concept is not None and self.lower_word(j):
            r.about, r.stop = lex.concepts[concept[0]], concept[1]
            state = match_phrase(self.t, r.stop, lex.concepts)
            if r.about == "pessoa" and state is not None and self.lower_word(r.stop):
                r.about, r.stop = lex.concepts[state[0]], state[1]  # "pessoas feridas" counts the injured
            return
        if self.noun_like(j, r.value):
            r.about = simplemma.lemmatize(self.t[j].text.lower(), lang=lex.language)
            r.stop = j + 1
            return
        # "20 were injured", "12 ficaram feridos": the concept after a copula names the count
        k = r.stop
        while k < r.stop + 2 and self.low(k) in lex.copulas:
            k += 1
        if k > r.stop:
            concept = match_phrase(self.t, k, lex.concepts)
            if concept is not None and self.lower_word(k):
                r.about = lex.concepts[concept[0]]

    def noun_like(self, j: int, value: float | None) -> bool:
        """A plural common noun after a number ("300 caminhões", "trucks"): good enough to name the count."""
        if not self.lower_word(j):
            return False
        low = self.t[j].low
        lex = self.lex
        if (
            len(low) < 3
            or low in lex.stopwords
            or low in lex.months
            or low in lex.of_words
            or low in lex.connectors
            or low in lex.range_links
            or low in lex.multipliers
            or "-" in low
        ):
            return False
        if low in lex.irregular_plurals:
            return True
        if value == 1:
            return False
        if lex.language == "en":
            return low.endswith("s") and not low.endswith(("ss", "us", "is"))
        return low.endswith("s") and not low.endswith("mos") and not self.t[j].text.lower().endswith("ês")

    def age(self, r: _Reading, number: Number) -> None:
        """Ages are amounts with about = "idade" ("de 45 anos", "aos 80 anos", "Silva, 45,")."""
        lex = self.lex
        if r.value is None or r.qualifier == "range" or not 0 < r.value < 130:
            return
        first = number.first
        if r.unit == "year":
            unit_word = self.low(r.stop - 1) in lex.year_units
            tail = match_phrase(self.t, r.stop, lex.age_tails) or match_phrase(
                self.t, r.stop - 1, lex.age_tails
            )
            head = match_phrase_before(self.t, r.first, lex.age_heads)
            person_before = (
                self.low(first - 1) in lex.of_words
                and r.first == first
                and (
                    self.low(first - 2) in lex.person_nouns
                    or self.is_name_word(first - 2)
                    or (
                        self.text(first - 2) == ","
                        and (self.is_name_word(first - 3) or self.low(first - 3) in lex.person_nouns)
                    )
                )
            )
            named = self.text(r.first - 1) == "," and self.is_name_word(r.first - 2)
            if tail is not None:
                r.stop = max(r.stop, tail[1])
            if unit_word and (
                tail is not None
                or (head is not None and self.low(r.stop) not in lex.of_words)
                or person_before
                or (named and self.text(r.stop) in (",", ")", "."))
            ):
                r.about = "idade"
            return
        if r.unit is None and r.about is None and number.kind == "digits" and r.qualifier is None:
            head = match_phrase_before(self.t, r.first, lex.age_heads)
            named = self.text(first - 1) == "," and self.is_name_word(first - 2) and self.text(r.stop) == ","
            if (head is not None and lex.language == "en") or named:
                r.unit, r.about = "year", "idade"
        elif (
            r.unit is None
            and r.about is None
            and number.kind == "digits"
            and r.qualifier is None
            and self.text(first - 1) == ","
            and self.is_name_word(first - 2)
        ):
            r.accepted = False  # "Rua Costa Aguiar, 590": a street number

    def count_head(self, first: int) -> str | None:
        """ "o número de mortos subiu para 15", "the death toll rose to 15": what a bare number counts."""
        lex = self.lex
        for k in range(first - 1, max(-1, first - 10), -1):
            if self.text(k) in ".;!?" or self.t[k].text[:1].isdigit():
                return None
            toll = match_phrase(self.t, k, lex.tolls)
            if toll is not None:
                return lex.tolls[toll[0]]
            head = match_phrase(self.t, k, lex.count_heads)
            if head is not None:
                concept = match_phrase(self.t, head[1], lex.concepts)
                if concept is not None:
                    return lex.concepts[concept[0]]
                if self.noun_like(head[1], None):
                    return simplemma.lemmatize(self.t[head[1]].text.lower(), lang=lex.language)
                return None
        return None

    # -- acceptance

    def acceptable(self, r: _Reading, number: Number) -> bool:
        lex = self.lex
        t = self.t
        i, stop = number.first, number.stop
        described = r.unit is not None or r.about is not None
        if number.kind == "vague":
            return True
        prev = self.low(r.first - 1)
        if r.unit == "hour" and (
            (self.low(number.first - 1) in lex.time_articles and r.qualifier is None)
            or (number.unit == "hour" and not self.duration_context(i, stop, r.qualifier))
        ):
            return False  # "às 14 horas", "14h": a time of day
        if self.low(stop) in lex.clock_words or (
            self.text(stop) in (".",) and self.low(stop + 1) in lex.clock_words
        ):
            return False
        if number.kind in ("weak", "fraction"):
            if number.kind == "weak" and r.about in lex.casualties and r.unit is None:
                return True
            if r.unit in ("BRL", "USD", "EUR", "GBP"):
                return True
            # "uma semana", "um ponto percentual"; English "a"/"an" only with a qualifier ("about an hour")
            cardinal = number.kind == "weak" and self.low(number.first) in lex.cardinals
            return r.unit is not None and (r.qualifier is not None or r.value != 1.0 or cardinal)
        if number.kind == "words" and not number.scaled and not described and r.qualifier is None:
            return False
        if prev in lex.designators or (prev == "." and self.low(r.first - 2) in lex.designators):
            return False
        if self.text(number.stop) in ("º", "ª") or self.text(r.first - 1) in ("º", "ª"):
            return False  # "artigos 42 º", "n º 1408"
        if r.first > 0 and t[r.first - 1].text in ("+", "#") and t[r.first - 1].end == t[r.first].start:
            return False
        if number.kind == "digits" and not described and r.qualifier is None:
            if prev in lex.time_articles:
                return False  # "às 14", "das 8 às 18 horas"
            if self.is_name_word(r.first - 1) and self.low(r.first - 1) not in lex.months:
                return False  # "Fórmula 1", "G 20"
            if (
                lex.language == "en"
                and r.first == 1
                and t[0].is_capitalised
                and t[0].is_word
                and t[0].low not in lex.stopwords
                and t[0].low not in lex.of_words
            ):
                return False  # "Apollo 11 landed": English sentences seldom open with a verb
            if self.text(r.first - 1) == "(" and self.text(r.stop) == ")":
                return False
            neighbour = t[r.first - 1] if r.first > 0 else None
            after = t[r.stop] if r.stop < len(t) else None
            if (neighbour is not None and neighbour.is_numeral) or (after is not None and after.is_numeral):
                return False  # "0800 123 4567", a list of codes
            if self.low(r.stop) in ("x", "×") and r.stop + 1 < len(t) and t[r.stop + 1].is_numeral:
                return False  # "2 x 1": a score
            if self.low(r.first - 1) in ("x", "×") and r.first >= 2 and t[r.first - 2].is_numeral:
                return False
            if self.low(r.stop) in lex.range_links and (
                r.stop + 1 < len(t) and t[r.stop + 1].is_numeral and self.low(r.stop) not in ("e", "y", "and")
            ):
                return False
            digits = number.integer_digits
            if digits is not None and len(digits) == 4 and 1800 <= int(digits) <= 2100:
                return False  # a year the date finder did not take ("Agenda 2030")
        nxt = self.low(r.stop)
        if nxt in lex.months or (nxt in lex.of_words and self.low(r.stop + 1) in lex.months):
            return False  # "Rua 25 de Março": a date used as a name
        return not (r.value == 0 and not described)


def _words_value_or_none(word: str, lex: NumberLexicon) -> float | None:
    try:
        return float(text2num(word, lex.language))
    except ValueError:
        return None


def _dated_tokens(tokens: Sequence[Token], spans: Sequence[Span]) -> set[int]:
    out: set[int] = set()
    ordered = sorted(spans)
    j = 0
    for k, tok in enumerate(tokens):
        while j < len(ordered) and ordered[j].end <= tok.start:
            j += 1
        if j < len(ordered) and ordered[j].start < tok.end:
            out.add(k)
    return out


def find_quantities(article: Article) -> list[Quantity]:
    """Every amount in the kept sentences and the title, per the conventions in the module doc."""
    lex = number_lexicon(article.language)
    tokenized = tokenized_segments(article)
    # Numbers inside dates are not amounts. The default pipeline runs the dates stage first and
    # its dates are reused; a pipeline without it (or an article with no dates) looks here.
    dates = [d.span for d in article.dates or find_dates(article, tokenized)]
    out: list[Quantity] = []
    counted: tuple[int, str] | None = None  # (segment index, about) of the last count
    for index, (span, tokens) in enumerate(tokenized):
        inside = [d for d in dates if span.start <= d.start and d.end <= span.end]
        for r in _Scanner(tokens, lex, _dated_tokens(tokens, inside)).scan():
            if r.about is None and r.unit is None and counted is not None and index - counted[0] <= 1:
                r.about = counted[1]  # "142 votos contra e 88 a favor": 88 counts votes too
            if r.about is not None and r.unit is None:
                counted = (index, r.about)
            start, end = tokens[r.first].start, tokens[r.stop - 1].end
            out.append(
                Quantity(
                    text=article.text[start:end],
                    span=Span(start, end),
                    value=r.value,
                    low=r.low,
                    high=r.high,
                    unit=r.unit,
                    qualifier=r.qualifier,
                    about=r.about,
                )
            )
    return out
