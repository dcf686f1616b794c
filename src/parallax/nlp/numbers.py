"""Shared number reading for the quantity and date finders.

Both finders work on tokens that keep their offsets into ``Article.text``, so
every span they report is exact. This module owns three things:

* :func:`tokenize` — words, numerals and single symbols with their offsets. The
  pattern is linear (every repetition consumes a separator), so a sentence of
  five thousand numbers or a text without spaces cannot make it backtrack.
* :func:`parse_numeral` — digits with thousands separators and a decimal mark,
  read by the article's language ("1.500" is 1500 in pt/es, "1,500" in en) with a
  fallback for the other convention ("2.5 milhões", "2,5 million").
* :func:`read_number` — the number that starts at a token: digits, number words
  (validated by ``text2num`` on the words found, never on running text),
  fractions ("meia", "half"), multipliers after digits or words ("30 mil",
  "1,2 bilhão", "€ 1,5 mil milhões", "$5bn") and collectives ("três dúzias",
  "meia centena").

Per-language words live in ``parallax.nlp.lang.<code>.numbers`` as a
:class:`NumberLexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from parallax.nlp.lang import resources
from parallax.text import fold

_TOKEN = re.compile(r"\w+(?:[.,:/'’\-–]\w+)*|[^\w\s]")
_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")
_SUFFIXED = re.compile(r"(\d+(?:[.,]\d+)*)([^\W\d_]+)(\d*)")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str  # folded form

    @property
    def is_numeral(self) -> bool:
        return _NUMERAL.fullmatch(self.text) is not None

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text, start, stop)]


def parse_numeral(raw: str, language: str) -> float | None:
    """Read digits with separators; ``None`` for what is not one number ("1.2.3")."""
    if not _NUMERAL.fullmatch(raw) or sum(c.isdigit() for c in raw) > 18:
        return None  # not one number, or a code too long to be an amount
    dots, commas = raw.count("."), raw.count(",")
    if not dots and not commas:
        return float(raw)
    if dots and commas:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        whole, _, frac = raw.rpartition(decimal)
        if thousands in frac or not _grouped(whole.split(thousands)):
            return None
        return float(whole.replace(thousands, "") + "." + frac)
    sep = "." if dots else ","
    parts = raw.split(sep)
    usual_thousands = "," if language == "en" else "."
    if len(parts) > 2:
        return float("".join(parts)) if _grouped(parts) else None
    if sep == usual_thousands and _grouped(parts):
        return float("".join(parts))
    return float(parts[0] + "." + parts[1])


def _grouped(parts: Sequence[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


# --------------------------------------------------------------------------- lexicon


def phrase(text: str) -> tuple[str, ...]:
    """A lexicon phrase as the folded token texts it matches."""
    return tuple(t.low for t in tokenize(text))


def fold_fields(fields: Mapping[str, object], phrase_fields: frozenset[str]) -> dict[str, object]:
    """Lexicon fields as lookups see them: the keys of mappings and the members of sets folded (as
    :func:`phrase` token tuples for the fields named in ``phrase_fields``), other values as given."""
    folded: dict[str, object] = {}
    for name, value in fields.items():
        key: Callable[[str], object] = phrase if name in phrase_fields else fold
        if isinstance(value, Mapping):
            folded[name] = {key(k): v for k, v in value.items()}
        elif isinstance(value, (set, frozenset)):
            folded[name] = frozenset(key(v) for v in value)
        else:
            folded[name] = value
    return folded


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """The words of one language that build, qualify and attach to numbers.

    Keys are written naturally (accents, phrases with spaces) and folded by
    :meth:`build`, so lookups are accent- and case-insensitive.
    """

    language: str
    #: words ``text2num`` reads, up to the thousands ("vinte", "cento", "mil", "hundred")
    cardinals: frozenset[str]
    #: cardinals that are also articles ("um", "uma", "a"): they need stronger context
    weak: frozenset[str]
    #: joins number words ("vinte e três", "cuarenta y dos", "one hundred and five")
    connectors: frozenset[str]
    fractions: Mapping[str, float]  # "meia" -> 0.5
    multipliers: Mapping[str, float]  # "milhão" -> 1e6, "mil" -> 1e3 (after digits)
    #: multipliers that only count after a currency ("$5m", "$5bn")
    money_multipliers: Mapping[str, float]
    collectives: Mapping[str, float]  # "dúzia" -> 12, "centena" -> 100
    #: plural words that give a vague amount ("dezenas de"): base unit and how far the top reaches
    vague: Mapping[str, tuple[float, float]]
    qualifiers: Mapping[tuple[str, ...], str]
    range_heads: frozenset[str]  # "entre", "between"
    range_links: frozenset[str]  # "a", "e", "até", "to", "-"
    #: links that need a range head before the first number ("entre 10 e 12")
    headed_links: frozenset[str]
    currency_before: Mapping[tuple[str, ...], str]  # ("r", "$") -> "BRL"
    currency_after: Mapping[str, str]  # "reais" -> "BRL"
    percent: Mapping[tuple[str, ...], str]  # ("por", "cento") -> "%"
    units: Mapping[tuple[str, ...], str]  # ("horas",) -> "hour"
    #: counted nouns and adjectives mapped to the language-independent key
    concepts: Mapping[tuple[str, ...], str]
    #: concepts a weak number may count ("um morto e dois feridos")
    casualties: frozenset[str]
    #: phrases before a number whose noun names what the number counts ("número de")
    count_heads: frozenset[tuple[str, ...]]
    #: phrases that name a count by themselves ("death toll" -> "morto")
    tolls: Mapping[tuple[str, ...], str]
    designators: frozenset[str]  # "nº", "lei", "artigo": the number is an identifier
    time_articles: frozenset[str]  # "às", "das", "at": the hour is a time of day
    duration_preps: frozenset[str]  # "por", "durante", "for": "3h" is a duration
    of_words: frozenset[str]  # "de", "of"
    fillers: frozenset[str]  # adjectives between a number and its noun ("novos")
    #: verbs between a bare number and what it counts ("20 were injured", "12 ficaram feridos")
    copulas: frozenset[str]
    stopwords: frozenset[str]  # never a counted noun
    irregular_plurals: frozenset[str]  # counted nouns without a plural -s ("people", "children")
    person_nouns: frozenset[str]  # "homem de 45 anos" is an age
    age_heads: frozenset[tuple[str, ...]]  # "aos 80 anos", "tinha 45 anos"
    age_tails: frozenset[tuple[str, ...]]  # "anos de idade", "years old"
    ordinal_suffixes: frozenset[str]  # "º", "ª", "st", "th"
    months: frozenset[str]  # a number before "de março" is a day
    year_units: frozenset[str]  # the words whose unit is "year" (for ages)
    hour_units: frozenset[str]  # "horas", "h" (for times of day)
    clock_words: frozenset[str]  # "a.m", "pm", "o'clock"

    @classmethod
    def build(cls, language: str, **fields: object) -> NumberLexicon:
        """Fold every key so that lookups ignore case and accents."""
        return cls(language=language, **fold_fields(fields, _PHRASE_FIELDS))  # type: ignore[arg-type]


_PHRASE_FIELDS = frozenset(
    {
        "qualifiers",
        "currency_before",
        "percent",
        "units",
        "concepts",
        "age_tails",
        "age_heads",
        "count_heads",
        "tolls",
    }
)


@lru_cache(maxsize=8)
def number_lexicon(language: str | None) -> NumberLexicon:
    """The lexicon of ``language``; Portuguese for an unknown or missing one."""
    lexicon: NumberLexicon = resources(language, "numbers").LEXICON
    return lexicon


# --------------------------------------------------------------------------- reading numbers


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from tokens ``[first, stop)``."""

    first: int
    stop: int
    value: float | None
    kind: str  # "digits", "words", "weak", "fraction", "vague", "ordinal", "time", "code"
    low: float | None = None  # for a vague amount ("dezenas de" -> 20)
    high: float | None = None
    scaled: bool = False  # ends with a multiplier or collective ("30 mil", "três dúzias")
    unit: str | None = None  # glued to the digits ("10km", "3h")
    integer_digits: str | None = None  # the raw digits of a plain integer (years, phones)
    base: float | None = None  # the value before multipliers ("12" of "12 mil")


def _glued(tokens: Sequence[Token], i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` touch (no space between them)."""
    return tokens[i].end == tokens[i + 1].start


@dataclass(frozen=True, slots=True)
class _PhraseIndex:
    table: object  # the lexicon table indexed (kept so that its id is not reused)
    by_first: dict[str, list[tuple[str, ...]]]  # longest phrases first
    by_last: dict[str, list[tuple[str, ...]]]


_INDEXES: dict[int, _PhraseIndex] = {}


def _index(phrases: Iterable[tuple[str, ...]]) -> _PhraseIndex:
    """Phrases of a lexicon table by first and last word, built once per table."""
    entry = _INDEXES.get(id(phrases))
    if entry is None or entry.table is not phrases:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(phrases, key=len, reverse=True):
            if p:
                by_first.setdefault(p[0], []).append(p)
                by_last.setdefault(p[-1], []).append(p)
        entry = _PhraseIndex(phrases, by_first, by_last)
        _INDEXES[id(phrases)] = entry
    return entry


def match_phrase(
    tokens: Sequence[Token], i: int, phrases: Iterable[tuple[str, ...]]
) -> tuple[tuple[str, ...], int] | None:
    """The longest phrase of a lexicon table that starts at token ``i``, with the index after it."""
    if not 0 <= i < len(tokens):
        return None
    for p in _index(phrases).by_first.get(tokens[i].low, ()):
        stop = i + len(p)
        if stop <= len(tokens) and all(tokens[i + k].low == p[k] for k in range(1, len(p))):
            return p, stop
    return None


def match_phrase_before(
    tokens: Sequence[Token], stop: int, phrases: Iterable[tuple[str, ...]]
) -> tuple[tuple[str, ...], int] | None:
    """The longest phrase of a lexicon table that ends right before token ``stop``, with its first index."""
    if not 0 < stop <= len(tokens):
        return None
    for p in _index(phrases).by_last.get(tokens[stop - 1].low, ()):
        first = stop - len(p)
        if first >= 0 and all(tokens[first + k].low == p[k] for k in range(len(p) - 1)):
            return p, first
    return None


def _words_value(words: Sequence[str], language: str) -> float | None:
    try:
        return float(text2num(" ".join(words), language))
    except ValueError:
        return None


def _number_words(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """The longest run of number words from ``i`` that ``text2num`` accepts."""
    run: list[int] = []
    j = i
    while j < len(tokens) and len(run) < 12:
        low = tokens[j].low
        word = low in lex.cardinals or ("-" in low and all(p in lex.cardinals for p in low.split("-")))
        joins = (
            bool(run) and low in lex.connectors and j + 1 < len(tokens) and tokens[j + 1].low in lex.cardinals
        )
        if not (word or joins):
            break
        run.append(j)
        j += 1
    while run:
        if tokens[run[-1]].low not in lex.connectors:
            value = _words_value([tokens[k].text.lower() for k in run], lex.language)
            if value is not None:
                return value, run[-1] + 1
        run.pop()
    return None


def _suffixed(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> Number | None:
    m = _SUFFIXED.fullmatch(tokens[i].text)
    if m is None:
        return None
    digits, suffix, tail = m.group(1), fold(m.group(2)), m.group(3)
    value = parse_numeral(digits, lex.language)
    if value is None:
        return Number(i, i + 1, None, "code")
    if suffix in lex.ordinal_suffixes and not tail:
        return Number(i, i + 1, value, "ordinal")
    if suffix in ("h", "hs", "hrs") and tail:  # 14h30
        return Number(i, i + 1, value + int(tail) / 60, "time", unit="hour")
    if tail:
        return Number(i, i + 1, None, "code")
    if suffix in lex.money_multipliers and i > 0 and tokens[i - 1].text in ("$", "€", "£"):  # "$5bn"
        return Number(i, i + 1, value * lex.money_multipliers[suffix], "digits", scaled=True, base=value)
    unit = lex.units.get((suffix,))
    if unit is not None:
        return Number(i, i + 1, value, "digits", unit=unit)
    return Number(i, i + 1, None, "code")


def read_number(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> Number | None:
    """The number that starts at token ``i``, or ``None``.

    Ordinals, clock times and codes ("3º", "14h30", "1.2.3") come back with their
    ``kind`` so that callers can refuse them as a whole instead of re-reading a
    part of them. Past the last token there is none ("12 ha e": a connector ends the text).
    """
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok.text[:1].isdigit():
        return _read_digits(tokens, i, lex)
    low = tok.low
    if low in lex.vague and i + 1 < len(tokens) and tokens[i + 1].low in lex.of_words:
        return _read_vague(tokens, i, lex)
    if low in lex.fractions and i + 1 < len(tokens):
        nxt = tokens[i + 1].low
        if nxt in lex.multipliers or nxt in lex.collectives:
            factor = lex.multipliers.get(nxt) or lex.collectives[nxt]
            return Number(i, i + 2, lex.fractions[low] * factor, "words", scaled=True)
        if nxt in lex.weak and i + 2 < len(tokens) and tokens[i + 2].low in lex.multipliers:  # half a million
            return Number(
                i, i + 3, lex.fractions[low] * lex.multipliers[tokens[i + 2].low], "words", scaled=True
            )
        return Number(i, i + 1, lex.fractions[low], "fraction")
    if low in lex.weak:
        nxt_i = i + 1
        if nxt_i < len(tokens) and (
            tokens[nxt_i].low in lex.multipliers or tokens[nxt_i].low in lex.collectives
        ):
            return _scale(tokens, i, nxt_i, 1.0, "words", lex)
        if low not in lex.cardinals:
            return Number(i, i + 1, 1.0, "weak")
        words = _number_words(tokens, i, lex)
        if words is None or words[1] == i + 1:
            return Number(i, i + 1, 1.0, "weak")
        return _scale(tokens, i, words[1], words[0], "words", lex)
    if low in lex.cardinals or "-" in low:
        words = _number_words(tokens, i, lex)
        if words is None:
            return None
        return _scale(tokens, i, words[1], words[0], "words", lex)
    return None


def _read_digits(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> Number | None:
    tok = tokens[i]
    if not tok.is_numeral:
        if any(c in tok.text for c in "/:") or "-" in tok.text or "–" in tok.text:
            return Number(i, i + 1, None, "code")
        return _suffixed(tokens, i, lex)
    value = parse_numeral(tok.text, lex.language)
    if value is None:
        return Number(i, i + 1, None, "code")
    stop = i + 1
    integer = tok.text if tok.text.isdigit() else None
    # "1 500 000": groups of three separated by a (thin) space
    if integer is not None and len(integer) <= 3:
        raw = integer
        while (
            stop < len(tokens)
            and stop - i < 5  # at most 10^15: a longer run is a list or a code, not one number
            and tokens[stop].text.isdigit()
            and len(tokens[stop].text) == 3
            and tokens[stop - 1].end + 1 == tokens[stop].start  # a one-character gap is a space
        ):
            raw += tokens[stop].text
            stop += 1
        if stop > i + 1:
            value = float(raw)
            integer = None
    sign = tokens[stop].text if stop < len(tokens) and _glued(tokens, stop - 1) else ""
    degrees = sign == "°" and stop + 1 < len(tokens) and tokens[stop + 1].low in ("c", "f")
    if sign in ("º", "ª", "°") and not degrees:
        return Number(i, stop + 1, value, "ordinal")
    if integer is not None and len(integer) > 1 and integer.startswith("0"):
        return Number(i, stop, value, "code")
    return _scale(tokens, i, stop, value, "digits", lex, integer_digits=integer)


def _scale(
    tokens: Sequence[Token],
    i: int,
    stop: int,
    value: float,
    kind: str,
    lex: NumberLexicon,
    integer_digits: str | None = None,
) -> Number:
    """Apply multipliers and collectives after a number ("30 mil", "2,5 milhões e meio")."""
    scaled = False
    last = 1.0
    base = value
    while stop < len(tokens):
        low = tokens[stop].low
        factor = lex.multipliers.get(low) or lex.collectives.get(low)
        if factor is None:
            break
        value *= factor
        last = factor
        scaled = True
        stop += 1
    if (
        scaled
        and stop + 1 < len(tokens)
        and tokens[stop].low in lex.connectors
        and tokens[stop + 1].low in lex.fractions
        and last >= 1000
    ):
        value += lex.fractions[tokens[stop + 1].low] * last
        stop += 2
    return Number(
        i, stop, value, kind, scaled=scaled, integer_digits=None if scaled else integer_digits, base=base
    )


def _read_vague(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> Number | None:
    """ "dezenas de", "centenas de milhares de", "thousands of": a range without a stated number."""
    base, reach = lex.vague[tokens[i].low]
    stop = i + 1
    # "dezenas de milhares (de)": the second word scales the first
    if (
        stop + 1 < len(tokens)
        and tokens[stop].low in lex.of_words
        and tokens[stop + 1].low in lex.vague
        and lex.vague[tokens[stop + 1].low][0] >= 1000
    ):
        base *= lex.vague[tokens[stop + 1].low][0]
        stop += 2
    return Number(i, stop, None, "vague", low=2 * base, high=reach * base, scaled=True)
