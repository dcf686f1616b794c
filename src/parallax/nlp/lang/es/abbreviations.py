"""Spanish abbreviations for sentence splitting.

Stored lower-case without the final period (see ``pt.abbreviations`` for the
meaning of the two sets).
"""

from __future__ import annotations

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "sr", "sra", "sres", "sras", "srta", "dr", "dra", "drs", "dras", "lic", "lcdo", "lcda",
        "ing", "prof", "profa", "arq", "gral", "gen", "cnel", "tte", "cap", "sgto", "pbro", "mons",
        "d", "dña", "ud", "uds", "vd", "vds", "sto", "sta", "s", "excmo", "excma", "ilmo",
        "ilma", "avda", "av", "c", "pza", "pl", "pº", "ctra", "art", "arts", "pág", "págs",
        "p", "pp", "núm", "nº", "n", "fig", "vol", "vols", "ed", "cf", "ej", "op", "cit",
        "aprox", "máx", "mín", "tel", "dpto", "depto", "admón", "gob", "pres", "sec", "dir",
        "ene", "feb", "abr", "may", "jun", "jul", "ago", "sep", "sept", "oct", "nov", "dic",
        "lun", "mié", "jue", "vie", "sáb", "dom", "ee",
    }
)  # fmt: skip

TERMINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {"etc", "s.a", "s.l", "cía", "cia", "ltda", "ee.uu", "uu", "jr", "a.c", "d.c"}
)

SENTENCE_STARTERS: frozenset[str] = frozenset(
    {
        "el", "la", "los", "las", "un", "una", "unos", "unas", "él", "ella", "ellos", "ellas",
        "yo", "esto", "este", "esta", "eso", "ese", "esa", "según", "de", "para", "en", "con",
        "pero", "sin", "sin embargo", "también", "además", "ya", "no", "sí", "si", "cuando",
        "después", "antes", "hoy", "ayer", "mañana", "por", "tras", "durante", "desde", "hasta",
        "fue", "es", "son", "era", "hay", "su", "sus",
    }
)  # fmt: skip
