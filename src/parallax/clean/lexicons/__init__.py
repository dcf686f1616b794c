"""Per-language cleaning lexicons: site chrome, teasers, bylines and credit cues.

Patterns are regular-expression sources written for the *folded* line (lower
case, accents removed, see :func:`parallax.text.fold_chars`) unless the field
says otherwise. Each language module defines one :class:`Lexicon`; the cleaning
stage applies all of them, because a Portuguese site may well print "Menu" or
"Login", while stop lists and months follow the document language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from parallax.text import fold_chars


@dataclass(frozen=True, slots=True)
class Lexicon:
    code: str
    #: name of jusText's stop list for the language
    justext_stoplist: str
    #: reason -> patterns that must match the whole folded line (trailing punctuation ignored)
    lines: Mapping[str, tuple[str, ...]]
    #: reason -> patterns that make a line chrome when they match at its start
    starts: Mapping[str, tuple[str, ...]]
    #: reason -> patterns that make a short line chrome wherever they occur in it
    contains: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: folded prompts that open a block of related-story teasers ("Leia também", "Veja também")
    block_openers: tuple[str, ...] = ()
    #: folded headings over a list of other stories ("Mais lidas"); the heading itself is an empty heading
    block_headings: tuple[str, ...] = ()
    #: folded labels over a list of tags ("Tópicos"): navigation with their tags, an empty heading alone
    tag_headings: tuple[str, ...] = ()
    #: section names of news sites: navigation when alone on a line outside the article proper
    sections: tuple[str, ...] = ()
    #: byline openers before a personal name, matched case-insensitively ("Por", "By")
    byline_openers: tuple[str, ...] = ()
    #: connectors inside personal names ("da", "de", "van")
    name_connectors: tuple[str, ...] = ()
    #: words that may follow a byline name after a comma ("da", "enviado", "correspondente")
    byline_tails: tuple[str, ...] = ()
    #: month names and abbreviations, folded
    months: tuple[str, ...] = ()
    #: the other words of a date line, folded: "publicado", "em", "às", "há", "horas", weekdays
    timestamp_words: tuple[str, ...] = ()
    #: folded cues right before an agency name that attribute a statement to it
    attribution_before: tuple[str, ...] = ()
    #: folded verbs right after an agency name that attribute a statement to it
    attribution_after: tuple[str, ...] = ()
    #: reporting verbs (as printed, lower case) that attribute a statement "to" an agency further on:
    #: "disse o porta-voz à BBC", "said in a statement to Reuters"
    reporting_verbs: tuple[str, ...] = ()
    #: prepositions (as printed) between such a verb and the agency: "à", "ao", "to", "a"
    recipient_prepositions: tuple[str, ...] = ()
    #: folded phrases right before an agency name that credit the article to it
    byline_credit_before: tuple[str, ...] = ()
    #: folded lead-ins of a credit line that adds an agency's material to the outlet's own
    #: ("Com informações da Reuters", "(Com AFP)"): ``with_agencies`` credits of the agencies named
    contribution_before: tuple[str, ...] = ()
    #: folded phrases that say "with agencies"
    with_agencies: tuple[str, ...] = ()
    #: the word for "agency" and its articles, folded ("agencia", "a agencia")
    agency_words: tuple[str, ...] = ()


def calendar_words(*tables: Iterable[str]) -> tuple[str, ...]:
    """Month or weekday names of :mod:`parallax.lang` as a date line is matched: folded, one word
    at a time ("terça-feira" -> "terca", "feira")."""
    return tuple(
        dict.fromkeys(word for table in tables for name in table for word in fold_chars(name).split("-"))
    )


def _all() -> dict[str, Lexicon]:
    from parallax.clean.lexicons import en, es, pt

    return {lex.code: lex for lex in (pt.LEXICON, en.LEXICON, es.LEXICON)}


LEXICONS: dict[str, Lexicon] = _all()
