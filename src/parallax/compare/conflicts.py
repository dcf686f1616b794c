"""When two stated figures are about the same thing, and whether they disagree.

A figure's *attribute* is what it measures: ``Quantity.about`` for counts (a
language-independent lemma such as ``morto``), otherwise the family of its unit
(``duração``, ``valor``, ``percentual``, ``distância``, ``massa``, ``área``).
Durations are compared in hours, distances in metres, masses in kilograms; money
only within one currency. Two figures *conflict* when their stated values differ
(a round figure of a thousand or more, "mil hectares", and a precise one within 5 % of
it, "1.050 hectares", are the same figure rounded);
the conflict is *compatible* when their intervals (``low``/``high`` from the
qualifier, see docs/architecture.md) still overlap: "pelo menos 12" and "15" can
both be true, "mais de três horas" and "cerca de duas horas" cannot.

People are counted by what happened to them when the words around say it, like the
outlets that count "mortos" or "feridos": "pessoas desalojadas", "pessoas ficaram
feridas" count ``desalojado``/``ferido``; "pessoas morreram", "matou 30 pessoas", "a
morte de 65 pessoas", "killed 15 people" count ``morto``. Otherwise "4 pessoas morreram"
and "600 pessoas ficaram feridas" would read as two figures of one thing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.model import Quantity
from parallax.text import fold

_FAMILY: dict[str, tuple[str, float]] = {
    "minute": ("duração", 1 / 60),
    "hour": ("duração", 1.0),
    "day": ("duração", 24.0),
    "week": ("duração", 24.0 * 7),
    "month": ("duração", 24.0 * 30),
    "year": ("duração", 24.0 * 365),
    "BRL": ("valor", 1.0),
    "USD": ("valor", 1.0),
    "EUR": ("valor", 1.0),
    "%": ("percentual", 1.0),
    "km": ("distância", 1000.0),
    "m": ("distância", 1.0),
    "kg": ("massa", 1.0),
    "t": ("massa", 1000.0),
    "ha": ("área", 1.0),
    "pp": ("pontos percentuais", 1.0),
}
#: "pessoas (ficaram) feridas", "people (were) injured", "personas (resultaron) heridas": the participle
_PEOPLE_WHO = re.compile(
    r"\b(?:pessoas?|people|personas?)\s+(?:(?:ficaram|foram|estao|estavam|sairam|ficam|sao|seguem|continuam"
    r"|permanecem|were|are|remain|resultaron|quedaron|fueron|estan)\s+)?(\w+?(?:ad|id)[oa]s?|mort[oa]s?"
    r"|killed|dead|injured|wounded|hurt|displaced|missing|evacuated|muert[oa]s)\b"
)
#: "pessoas morreram", "people died": the dead
_PEOPLE_DIED = re.compile(
    r"\b(?:pessoas?|people|personas?)\s+(?:morreram|morrem|morreu|died|die|murieron|fallecieron)\b"
)
#: "matou ao menos 30 pessoas", "a morte de 65 pessoas", "killed 15 people" (the qualifier is in the quantity)
_KILLED_BEFORE = re.compile(
    r"\b(?:mat(?:ou|aram|ando|a|am|ar|ara)|mortes?\s+de|killed|killing|kills|kill|deaths\s+of"
    r"|mato|mataron|matando|muertes?\s+de)(?:\s+a)?\s*$"
)
_INJURED_BEFORE = re.compile(
    r"\b(?:feri(?:u|ram|ndo)|injur(?:ed|ing)|wound(?:ed|ing)|hiri(?:o|eron|endo))\s*$"
)
#: participles of other languages and irregular ones, as the Portuguese lemma
_PARTICIPLE_LEMMA = {
    "morta": "morto",
    "killed": "morto",
    "dead": "morto",
    "muerta": "morto",
    "muerto": "morto",
    "injured": "ferido",
    "wounded": "ferido",
    "hurt": "ferido",
    "herida": "ferido",
    "herido": "ferido",
    "displaced": "desalojado",
    "missing": "desaparecido",
    "desaparecida": "desaparecido",
    "evacuated": "evacuado",
    "evacuada": "evacuado",
}
_MONEY = frozenset({"BRL", "USD", "EUR"})
_TOLERANCE = 1e-6
ROUND_FROM = 1000.0  # "mil", "10 mil", "2 milhões": smaller round numbers ("30 mortos") are counts as stated
ROUNDING = 0.05

Interval = tuple[float | None, float | None]


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity read for comparison: attribute key, stated value and interval in a common unit."""

    attribute: str  # what is reported to the analyst: "morto", "duração", ...
    key: str  # what must be equal to compare: the attribute, plus the currency for money
    value: float
    low: float | None
    high: float | None
    exact: bool

    @property
    def reported(self) -> float | list[float | None]:
        """``ConflictValue.value``: the number when exact, else the interval [low, high]."""
        return _clean(self.value) if self.exact else [_opt(self.low), _opt(self.high)]


def _clean(x: float) -> float:
    """Integral values as ints (``15``, not ``15.0``) in the JSON report."""
    return int(x) if x == int(x) else round(x, 6)


def _opt(x: float | None) -> float | None:
    return None if x is None else _clean(x)


def people_count(text: str, before: str = "") -> str | None:
    """What a count of people counts when its words say it (module doc); ``text`` is the quantity and what
    follows it, ``before`` what precedes it."""
    folded = fold(text)
    found = _PEOPLE_WHO.search(folded)
    if found:
        word = found.group(1)
        word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        return _PARTICIPLE_LEMMA.get(word, word[:-1] + "o" if word.endswith("a") else word)
    tail = fold(before[-40:])
    if _PEOPLE_DIED.search(folded) or _KILLED_BEFORE.search(tail):
        return "morto"
    if _INJURED_BEFORE.search(tail):
        return "ferido"
    return None


def figure(q: Quantity, after: str = "", before: str = "") -> Figure | None:
    """The comparable reading of a quantity, or None when it states no value or its attribute is unknown.

    ``after`` and ``before`` are the texts around the quantity, which may say what counted people are.
    """
    if q.value is None or (isinstance(q.value, float) and math.isnan(q.value)):
        return None
    if q.about:
        about = q.about
        if about == "pessoa":  # "300 pessoas desalojadas" counts the same as "340 desalojados"
            about = people_count(q.text + after[:40], before) or about
        attribute, key, factor = about, f"about:{about}:{q.unit or ''}", 1.0
    elif q.unit in _FAMILY:
        attribute, factor = _FAMILY[q.unit]
        key = f"{attribute}:{q.unit}" if q.unit in _MONEY else attribute
    else:
        return None
    exact = (
        q.qualifier is None and (q.low is None or q.low == q.value) and (q.high is None or q.high == q.value)
    )
    low, high = (q.value, q.value) if exact else (q.low, q.high)
    return Figure(
        attribute=attribute,
        key=key,
        value=q.value * factor,
        low=None if low is None else low * factor,
        high=None if high is None else high * factor,
        exact=exact,
    )


def rounds(a: float, b: float) -> bool:
    """``a`` is a round figure of a thousand or more ("mil hectares", "2 milhões") within 5 % of ``b``:
    the same figure rounded ("mil hectares" for "1.050 hectares"), not another value."""
    if abs(a) < ROUND_FROM:
        return False
    magnitude = 10.0 ** math.floor(math.log10(abs(a)))
    leading = a / magnitude
    return abs(leading - round(leading)) < _TOLERANCE and abs(a - b) <= ROUNDING * abs(a)


def differ(a: Figure, b: Figure) -> bool:
    """Same attribute, different stated value (a round figure and the precise one it rounds are one)."""
    if a.key != b.key or abs(a.value - b.value) <= _TOLERANCE * max(1.0, abs(a.value), abs(b.value)):
        return False
    return not (rounds(a.value, b.value) or rounds(b.value, a.value))


def overlap(a: Figure, b: Figure) -> bool:
    low = max(x for x in (a.low, b.low, -math.inf) if x is not None)
    high = min(x for x in (a.high, b.high, math.inf) if x is not None)
    return low <= high + _TOLERANCE * max(1.0, abs(high) if math.isfinite(high) else 1.0)


def compatible(figures: Sequence[Figure]) -> bool:
    """Every pair of differing figures still overlaps."""
    return all(overlap(a, b) for i, a in enumerate(figures) for b in figures[i + 1 :] if differ(a, b))
