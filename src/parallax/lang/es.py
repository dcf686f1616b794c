"""Spanish calendar words."""

from __future__ import annotations

from collections.abc import Mapping

MONTHS: Mapping[str, int] = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}

MONTH_ABBREVIATIONS: Mapping[str, int] = {
    "ene": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "sep": 9,
    "sept": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
}

WEEKDAYS: Mapping[str, int] = {
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "domingo": 6,
}

WEEKDAY_ABBREVIATIONS: Mapping[str, int] = {
    "lun": 0,
    "mar": 1,
    "mié": 2,
    "jue": 3,
    "vie": 4,
    "sáb": 5,
    "dom": 6,
}

CALENDAR_UNITS: Mapping[str, str] = {
    "día": "day",
    "días": "day",
    "semana": "week",
    "semanas": "week",
    "mes": "month",
    "meses": "month",
    "año": "year",
    "años": "year",
}
