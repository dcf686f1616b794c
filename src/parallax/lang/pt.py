"""Portuguese (Brazil and Portugal) calendar words."""

from __future__ import annotations

from collections.abc import Mapping

MONTHS: Mapping[str, int] = {
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "abril": 4,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "agosto": 8,
    "setembro": 9,
    "outubro": 10,
    "novembro": 11,
    "dezembro": 12,
}

MONTH_ABBREVIATIONS: Mapping[str, int] = {
    "jan": 1,
    "fev": 2,
    "mar": 3,
    "abr": 4,
    "mai": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "set": 9,
    "out": 10,
    "nov": 11,
    "dez": 12,
}

WEEKDAYS: Mapping[str, int] = {
    "segunda-feira": 0,
    "terça-feira": 1,
    "quarta-feira": 2,
    "quinta-feira": 3,
    "sexta-feira": 4,
    "sábado": 5,
    "domingo": 6,
}

#: Weekdays without "-feira": "na quinta" is a weekday only after a word such as "na" or "nesta".
SHORT_WEEKDAYS: Mapping[str, int] = {"segunda": 0, "terça": 1, "quarta": 2, "quinta": 3, "sexta": 4}

WEEKDAY_ABBREVIATIONS: Mapping[str, int] = {
    "seg": 0,
    "ter": 1,
    "qua": 2,
    "qui": 3,
    "sex": 4,
    "sáb": 5,
    "dom": 6,
}

CALENDAR_UNITS: Mapping[str, str] = {
    "dia": "day",
    "dias": "day",
    "semana": "week",
    "semanas": "week",
    "mês": "month",
    "meses": "month",
    "ano": "year",
    "anos": "year",
}
