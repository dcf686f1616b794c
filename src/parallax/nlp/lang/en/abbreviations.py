"""English abbreviations for sentence splitting.

Stored lower-case without the final period (see ``pt.abbreviations`` for the
meaning of the two sets).
"""

from __future__ import annotations

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "col", "lt", "capt", "cpt", "sgt", "maj",
        "adm", "cmdr", "gov", "sen", "rep", "pres", "rev", "fr", "hon", "st", "ste", "mt",
        "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch",
        "ed", "eds", "ave", "blvd", "rd", "dept", "est", "approx", "vs", "v", "cf", "e.g", "i.e",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "ala", "ariz",
        "calif", "colo", "conn", "fla", "ind", "kan", "ky", "md",
        "mich", "minn", "mont", "neb", "nev", "okla", "tenn", "tex",
        "vt", "wis", "wyo", "gens", "sens", "reps", "govs",
    }
)  # fmt: skip

TERMINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {"etc", "inc", "ltd", "co", "corp", "llc", "plc", "u.s", "u.k", "u.n", "e.u", "jr", "sr", "a.m", "p.m"}
)

SENTENCE_STARTERS: frozenset[str] = frozenset(
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
        "those", "there", "but", "however", "and", "in", "on", "at", "for", "after", "before",
        "when", "while", "his", "her", "its", "their", "our", "according", "meanwhile", "also",
        "some", "many", "most", "no", "not", "if", "as", "since", "with", "without", "during",
    }
)  # fmt: skip
