"""Portuguese abbreviations for sentence splitting (pt-BR and pt-PT).

Stored lower-case without the final period; the splitter compares the
lower-cased word before a period. ``ABBREVIATIONS`` never end a sentence in
news text (a title or a reference is always followed by what it introduces);
``TERMINAL_ABBREVIATIONS`` may end one, so the splitter breaks after them only
when the next word typically starts a sentence.
"""

from __future__ import annotations

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # titles and honorifics
        "sr", "sra", "srs", "sras", "srta", "dr", "dra", "drs", "dras", "prof", "profa", "profs",
        "eng", "enga", "arq", "adv", "gen", "cel", "ten", "cap", "maj", "sgt", "cb", "sd", "alm",
        "brig", "cmte", "pe", "d", "dom", "fr", "exmo", "exma", "ilmo", "ilma", "mons",
        "sto", "sta", "s", "v", "vv", "excia", "emb", "dep", "sen", "gov", "pres",
        "desemb", "cons", "rev", "revmo", "côn",
        # addresses and places
        "av", "r", "rod", "al", "pça", "pç", "trav", "lgo", "est", "jd", "pq", "vl", "bl",
        "ap", "apto", "cj", "qd", "lt", "cep", "edif", "ed",
        # references
        "art", "arts", "pág", "págs", "p", "pp", "nº", "n", "núm", "num", "fig", "figs", "vol",
        "vols", "caps", "inc", "par", "ex", "obs", "ref", "tab", "cf", "op", "cit",
        "ib", "ibid", "id", "seç", "doc", "proc", "tel", "fl", "fls", "aprox", "máx",
        "mín", "séc", "trad", "coord", "org", "orgs", "dir", "sec", "depto", "dept",
        # months and weekdays abbreviated in datelines and tables
        "jan", "fev", "abr", "mai", "jun", "jul", "ago", "out", "nov", "dez",
        "seg", "qua", "qui", "sex", "sáb",
    }
)  # fmt: skip

TERMINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {"etc", "ltda", "cia", "s.a", "s/a", "e.u.a", "jr", "fº", "hs", "min", "seg", "a.c", "d.c"}
)

#: Words that, after a terminal abbreviation, show that a new sentence has started.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    {
        "o", "a", "os", "as", "um", "uma", "uns", "umas", "ele", "ela", "eles", "elas", "eu", "nós",
        "isso", "isto", "este", "esta", "esse", "essa", "segundo", "de", "para", "em", "no", "na",
        "nos", "nas", "mas", "porém", "contudo", "entretanto", "também", "ainda", "já", "não", "sim",
        "se", "quando", "depois", "antes", "hoje", "ontem", "amanhã", "com", "sem", "por", "após",
        "durante", "além", "desde", "até", "apesar", "conforme", "há", "foi", "é", "são", "era",
    }
)  # fmt: skip
