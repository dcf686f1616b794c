"""When two stated figures are about the same thing, and whether they disagree.

A figure's *attribute* is what it measures: ``Quantity.about`` for counts (a
language-independent lemma such as ``morto``; "pessoas desalojadas/feridas" count
``desalojado``/``ferido``, like "desalojados"), otherwise the family of its unit
(``duração``, ``valor``, ``percentual``, ``distância``, ``massa``, ``área``).
Durations are compared in hours, distances in metres, masses in kilograms; money
only within one currency. Two figures *conflict* when their stated values differ;
the conflict is *compatible* when their intervals (``low``/``high`` from the
qualifier, see docs/architecture.md) still overlap: "pelo menos 12" and "15" can
both be true, "mais de três horas" and "cerca de duas horas" cannot.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.model import Quantity
from parallax.stories.text import fold

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
_PEOPLE_WHO = re.compile(r"\bpessoas?\s+(\w+?(?:ad|id)[oa])s?\b")
_MONEY = frozenset({"BRL", "USD", "EUR"})
_TOLERANCE = 1e-6

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


def figure(q: Quantity, after: str = "") -> Figure | None:
    """The comparable reading of a quantity, or None when it states no value or its attribute is unknown.

    ``after`` is the text that follows the quantity, where "pessoas" may get its participle.
    """
    if q.value is None or (isinstance(q.value, float) and math.isnan(q.value)):
        return None
    if q.about:
        about = q.about
        if about == "pessoa":  # "300 pessoas desalojadas" counts the same as "340 desalojados"
            found = _PEOPLE_WHO.search(fold(q.text + after[:40]))
            if found:
                about = found.group(1)[:-1] + "o"
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


def differ(a: Figure, b: Figure) -> bool:
    """Same attribute, different stated value."""
    return a.key == b.key and abs(a.value - b.value) > _TOLERANCE * max(1.0, abs(a.value), abs(b.value))


def overlap(a: Figure, b: Figure) -> bool:
    low = max(x for x in (a.low, b.low, -math.inf) if x is not None)
    high = min(x for x in (a.high, b.high, math.inf) if x is not None)
    return low <= high + _TOLERANCE * max(1.0, abs(high) if math.isfinite(high) else 1.0)


def compatible(figures: Sequence[Figure]) -> bool:
    """Every pair of differing figures still overlaps."""
    return all(overlap(a, b) for i, a in enumerate(figures) for b in figures[i + 1 :] if differ(a, b))
