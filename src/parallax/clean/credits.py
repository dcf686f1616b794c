"""Agency credits: which news agencies an article relies on, with the evidence as printed.

An agency name alone is not a credit ("um fotógrafo da Reuters ficou ferido"); a
credit needs a structure around the name:

- ``dateline``: the name in parentheses at the head of a paragraph, before a dash
  ("BRASÍLIA, 12 de março (Reuters) –", "Río de Janeiro, 6 jul (EFE).-", "(AFP) —");
- ``attribution``: a reporting cue right before or after it ("segundo a agência Lusa",
  "informou a Reuters", "according to Reuters", "según la agencia EFE", "a AFP noticiou");
- ``byline``: a short credit line ("Da Agência Brasil", "Por Fulano, da Reuters",
  "Agência Estado", "(c) Agencia EFE", "Lusa/Fim");
- ``with_agencies``: the outlet's own text with an agency's material added ("Com informações
  da Reuters", "(Com AFP)", "Con información de EFE"): a credit of each agency named; and
  "com agências", "con agencias", "with agencies", which name none: credited to the
  generic :data:`GENERIC_AGENCIES`;
- ``embedded_post``: a post of an agency's own account embedded in the page.

Removed lines are read too: a byline or an embedded post is chrome for the body but
evidence for the credit. Other chrome is not: a photo caption ("Foto: Fulano/Reuters")
credits a picture, a teaser another story, a masthead the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from parallax.clean.agencies import Mention, find_mentions
from parallax.clean.language import dominant_language
from parallax.clean.lexicons import LEXICONS, Lexicon
from parallax.clean.text import Line, body_lines
from parallax.model import Article, Credit, CreditKind, Span
from parallax.text import fold_chars

#: Agency name recorded for "com agências" / "con agencias" / "with agencies": several
#: unnamed agencies. Analysts filter on it to find articles that credit wires without naming them.
GENERIC_AGENCIES = "agências"

#: Abbreviations that are also something else in a language: "AP" is the state of Amapá in
#: Brazilian datelines ("Macapá (AP) –"). They count only when the full name appears too or
#: an agency word introduces them ("agência AP").
AMBIGUOUS_ABBREVIATIONS: dict[str, frozenset[str]] = {"AP": frozenset({"pt"})}

#: Lines read for credits: the body, bylines and embedded posts. A masthead, a teaser for another
#: story or a photo caption ("Foto: Fulano/Reuters") says nothing about where the text came from.
EVIDENCE_REASONS: frozenset[str | None] = frozenset({None, "byline", "social_embed"})

#: How far before an agency name a dateline may start and a reporting cue may be found (characters).
MAX_DATELINE_HEAD = 120
MAX_CUE_WINDOW = 160

#: A credit line is short; longer lines are prose and need an attribution cue.
MAX_BYLINE_WORDS = 18

_DASH_AFTER = re.compile(r"^\)?\s*(?:/[^)]{1,40}\))?\s*(?:\.\s*[-–—]|[-–—]|:)")
_PAREN_GROUP = re.compile(r"\(([^()]{1,80})\)")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Cues:
    before: re.Pattern[str]  # ends right before the agency name (folded text)
    after: re.Pattern[str]  # starts right after it
    byline_before: re.Pattern[str]
    with_agencies: re.Pattern[str]
    contribution: re.Pattern[str]  # "com informações da " right before the agency list
    agency_word: re.Pattern[str]  # "agência", "agency" right before the name
    told: re.Pattern[str]  # "disse o porta-voz à " (original text, before the name)
    clause: re.Pattern[str]


def _alt(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def _cues() -> _Cues:
    lexicons: Sequence[Lexicon] = list(LEXICONS.values())
    agency_words = _alt(w for lex in lexicons for w in lex.agency_words)
    article = r"(?:(?:a|o|the|la|el|os|as|las|los)\s+)?"
    qualifier = r"(?:[\w\-]+\s+){0,3}"  # "de notícias britânica", "estatal russa", "oficial norte-coreana"
    middle = rf"(?:{article}(?:(?:{agency_words})\s+{qualifier})?|{article})\(?"  # "... francesa (AFP)"
    before = _alt(c for lex in lexicons for c in lex.attribution_before)
    after = _alt(c for lex in lexicons for c in lex.attribution_after)
    byline_before = _alt(c for lex in lexicons for c in lex.byline_credit_before)
    with_agencies = _alt(c for lex in lexicons for c in lex.with_agencies)
    return _Cues(
        before=re.compile(rf"(?:^|[^\w])(?:{before})\s+{middle}$"),
        after=re.compile(
            rf"^(?:\s+(?:news\s+agency|agency|agencia))?\s*(?:,[^,]{{1,60}},\s*|\s+(?:tambem|ja|also|citada|"
            rf"ainda)\s+)?"
            rf"\s*(?:{after})\b"
        ),
        byline_before=re.compile(rf"(?:^|[^\w])(?:{byline_before})\s+{middle}$|^{middle}$|^[(\[]?\s*$"),
        with_agencies=re.compile(rf"(?<!\w)(?:{with_agencies})(?!\w)"),
        contribution=re.compile(
            rf"(?:^|[^\w])(?:{_alt(c for lex in lexicons for c in lex.contribution_before)})\s+"
            rf"(?:(?:a|o|as|os|the|la|el)\s+)?(?:(?:{agency_words})\s+)?$"
        ),
        agency_word=re.compile(rf"(?:{agency_words})\s+{qualifier}$"),
        told=re.compile(
            rf"\b(?:{_alt(v for lex in lexicons for v in lex.reporting_verbs)})\b"
            r"(?:(?!\b(?:que|that)\b)[^.;:!?]){0,80}?\s"
            rf"(?:{_alt(p for lex in lexicons for p in lex.recipient_prepositions)})\s+"
            r"(?:(?:a|the|la)\s+)?(?:(?:agência|agency|agencia)\s+(?:[\w\-]+\s+){0,3})?\(?$"
        ),
        clause=re.compile(
            r"\b(?:é|foi|são|será|está|tem|disse|afirmou|informou|is|was|are|has|said|reported|es|fue|son|"
            r"dijo|informó|que|that|se|morreram|died)\b"
        ),
    )


def _line_reasons(article: Article) -> dict[Span, str]:
    return {r.span: r.reason for r in article.removed}


_GENERIC_TAIL = re.compile(r"[\s).\]*]*(?:internacionais|internacionales|international)?[\s).\]*]*")


def _closes_line(after: str) -> bool:
    """Nothing but punctuation after "com agências" (it closes the paragraph or the credit line)."""
    return _GENERIC_TAIL.fullmatch(after) is not None


_CREDIT_LEAD = re.compile(
    r"[\s(\[*\-–—]*(?:(?:da |de la |the |la )?(?:redacao|redaccao|redaccion|staff|newsroom|equipe|"
    r"[\w ]{2,40}\bstaff)\s*[,;|\-–—]?\s*)?"
)


def _after_a_break(before: str) -> bool:
    """ "com agências" opens a sentence or a credit ("... domingo. Com agências", "Redação, com agências")."""
    tail = before.rstrip()
    return not tail or tail[-1] in ".!?;)|—–-:*(" or _opens_credit(before)


def _opens_credit(before: str) -> bool:
    """Nothing but a lead ("Da Redação,", "(") before "com agências"."""
    return _CREDIT_LEAD.fullmatch(before) is not None


#: "BRASÍLIA — Agência Brasil —": the agency between dashes after the place (or opening the line).
_DASHED_HEAD = re.compile(r"^(?P<head>[^()\n]{0,60}?)\s*[—–-]\s*$")
_DASH_CLOSE = re.compile(r"^\s*[—–-]")


def _dashed_dateline(line: Line, start: int, end: int) -> Span | None:
    head = _DASHED_HEAD.match(line.text[:start])
    close = _DASH_CLOSE.match(line.text[end : end + 4])
    if head is None or close is None or not _dateline_head(head.group("head")):
        return None
    if head.group("head") and not head.group("head").strip()[:1].isupper():
        return None
    return Span(line.span.start, line.span.start + end + close.end())


def _dateline(line: Line, mention: Mention) -> Span | None:
    """Span "CITY, date (Agency) –" when the mention sits in a head-of-paragraph parenthesis,
    or "CITY — Agency —" between dashes."""
    start = mention.start - line.span.start
    end = mention.end - line.span.start
    if start > MAX_DATELINE_HEAD:
        return None
    text = line.text[: MAX_DATELINE_HEAD + 100]
    group = next((g for g in _PAREN_GROUP.finditer(text) if g.start() < start and end <= g.end() - 1), None)
    if group is None:
        return _dashed_dateline(line, start, end)
    if group.start() > MAX_DATELINE_HEAD:
        return None
    if not _dateline_head(text[: group.start()]):
        return None
    dash = _DASH_AFTER.match(text[group.end() - 1 :])
    if dash is None:
        return None
    stop = group.end() - 1 + dash.end()
    return Span(line.span.start, line.span.start + stop)


_HEAD_TOKEN = re.compile(r"[^\s,./-]+")


def _dateline_head(head: str) -> bool:
    """What precedes "(Agency)" in a dateline: nothing, or a place and a date ("RIO DE JANEIRO, July 6",
    "Lisboa, 11 mar 2025", "KYIV, Ukraine"), not a clause ("O presidente disse à agência francesa")."""
    tokens = _HEAD_TOKEN.findall(head)
    if len(tokens) > 10:
        return False
    months = _months()
    for token in tokens:
        plain = fold_chars(token)
        if not (token[0].isupper() or token[0].isdigit() or plain in months or plain in _HEAD_CONNECTORS):
            return False
    return True


_HEAD_CONNECTORS = frozenset(
    {"de", "do", "da", "dos", "das", "del", "la", "el", "of", "the", "e", "y", "and"}
)


@cache
def _months() -> frozenset[str]:
    return frozenset(m for lex in LEXICONS.values() for m in lex.months)


def _evidence(article: Article, start: int, end: int) -> tuple[str, Span]:
    span = Span(start, end)
    return article.text[start:end], span


def _sentence_start(folded: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most :data:`MAX_CUE_WINDOW`."""
    floor = max(0, pos - MAX_CUE_WINDOW)
    cut = max(folded.rfind(". ", floor, pos), folded.rfind("; ", floor, pos), folded.rfind("? ", floor, pos))
    return cut + 2 if cut >= 0 else floor


def _allowed(mention: Mention, article: Article, lang: str | None, full_folded: str, before: str) -> bool:
    """False for an ambiguous abbreviation ("AP" = Amapá) with nothing else pointing at the agency."""
    if mention.via != "abbreviation":
        return True
    ambiguous_in = AMBIGUOUS_ABBREVIATIONS.get(article.text[mention.start : mention.end])
    if not ambiguous_in or lang not in ambiguous_in:
        return True
    if any(_key_in(fold_chars(n), full_folded) for n in mention.agency.names):
        return True
    return bool(_cues().agency_word.search(before))


def _key_in(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def find_credits(article: Article) -> list[Credit]:
    """Agencies the article credits, one per (agency, kind, evidence span), in text order."""
    cues = _cues()
    lines = body_lines(article)
    reasons = _line_reasons(article)
    lang = article.language or dominant_language((li.text for li in lines), tuple(LEXICONS))
    full_folded = fold_chars(article.text)
    credits: list[Credit] = []
    seen: set[tuple[str, str, Span]] = set()

    def add(agency: str, kind: CreditKind, start: int, end: int) -> None:
        text, span = _evidence(article, start, end)
        key = (agency, kind, span)
        if key not in seen:
            seen.add(key)
            credits.append(Credit(agency=agency, kind=kind, text=text, span=span))

    for line in lines:
        reason = reasons.get(line.span)
        if reason not in EVIDENCE_REASONS:
            continue
        folded = fold_chars(line.text)
        words = len(_WORD.findall(line.text))
        for hit in cues.with_agencies.finditer(folded):
            before = folded[: hit.start()]
            if (_closes_line(folded[hit.end() :]) and _after_a_break(before)) or (
                words <= MAX_BYLINE_WORDS and _opens_credit(before)
            ):
                add(
                    GENERIC_AGENCIES,
                    "with_agencies",
                    line.span.start + hit.start(),
                    line.span.start + hit.end(),
                )
        in_line = find_mentions(line.text)
        spans = [(m.start, m.end) for m in in_line]
        for index, mention in enumerate(in_line):
            mention = Mention(
                mention.agency, mention.start + line.span.start, mention.end + line.span.start, mention.via
            )
            rel_start = mention.start - line.span.start
            rel_end = mention.end - line.span.start
            if not _allowed(mention, article, lang, full_folded, folded[:rel_start]):
                continue
            name = mention.agency.name
            if mention.via == "handle" or reason == "social_embed":
                if mention.via == "handle" and (reason == "social_embed" or _is_signature(line.text)):
                    add(name, "embedded_post", line.span.start, line.span.end)
                continue
            start, end = _joined(folded, spans, index)
            if words <= MAX_BYLINE_WORDS and _CONTRIBUTED.match(folded[end:]):
                add(name, "with_agencies", line.span.start, line.span.end)
                continue
            dateline = _dateline(line, mention)
            if dateline is not None:
                add(name, "dateline", dateline.start, dateline.end)
                continue
            sentence_from = _sentence_start(folded, rel_start)
            before = folded[sentence_from:rel_start]
            cue = cues.before.search(before)
            if cue is not None:
                cue_start = cue.start() + (0 if before[cue.start() : cue.start() + 1].isalnum() else 1)
                add(name, "attribution", mention.start - len(before) + cue_start, mention.end)
                continue
            told = cues.told.search(line.text[sentence_from:rel_start])
            if told is not None:
                add(name, "attribution", line.span.start + sentence_from + told.start(), mention.end)
                continue
            after = cues.after.match(folded[rel_end:])
            if after is not None:
                add(name, "attribution", mention.start, mention.end + after.end())
                continue
            if reason == "byline" or (
                words <= MAX_BYLINE_WORDS and _is_credit_line(line.text, folded, start, end, words, cues)
            ):
                kind: CreditKind = "with_agencies" if cues.contribution.search(folded[:start]) else "byline"
                add(name, kind, line.span.start, line.span.end)
    credits.sort(key=lambda c: c.span.start if c.span else -1)
    return credits


_CONNECTOR = re.compile(
    r"\s*(?:,|/|&|\be\b|\band\b|\by\b)\s*(?:(?:d[aeo]s?|de la|del|de|the|a|o|la|el)\s+)?(?:agencia\s+)?"
)

#: After an agency's name (or a list of them), the outlet saying the agency's material went into its
#: text: "Reuters contributed to this report", "A Lusa contribuiu para esta reportagem".
_CONTRIBUTED = re.compile(
    r"^\s*(?:contributed|contribuiu|contribuiram|colaborou|colaboraram|colaboro|colaboraron|contribuyo|"
    r"contribuyeron)\b(?:\s+\w+){0,2}\s+(?:to\s+)?(?:this|esta|este|para\s+esta|para\s+este|con\s+esta|"
    r"com\s+esta|en\s+esta|a\s+esta)\s+(?:report|story|article|reportagem|materia|noticia|texto|informacao|"
    r"informacion|nota)\b"
)


def _joined(folded: str, spans: Sequence[tuple[int, int]], index: int) -> tuple[int, int]:
    """Extent of the list of agencies around mention ``index`` ("Reuters e AFP", "AFP/Reuters")."""
    first = last = index
    while first > 0 and _CONNECTOR.fullmatch(folded[spans[first - 1][1] : spans[first][0]]):
        first -= 1
    while last + 1 < len(spans) and _CONNECTOR.fullmatch(folded[spans[last][1] : spans[last + 1][0]]):
        last += 1
    return spans[first][0], spans[last][1]


def _is_signature(text: str) -> bool:
    return bool(re.match(r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)", text))


_TAIL = re.compile(r"^[\s).\]]*(?:$|[,|\-–—]\s*(?:\w+\s+){0,3}\w*\s*[.)]?\s*$)")


def _is_credit_line(text: str, folded: str, rel_start: int, rel_end: int, words: int, cues: _Cues) -> bool:
    """A short line that credits the agency for the article ("Da Agência Brasil", "(Com Reuters)").

    The agency closes the line (a place may follow: "..., da Reuters, em Paris") and a
    credit phrase, or nothing, comes before it.
    """
    if words > MAX_BYLINE_WORDS or not _TAIL.match(folded[rel_end:]):
        return False
    before = folded[:rel_start]
    last_part = re.split(r"[|\-–—;]\s", before)[-1] if before else ""
    if not cues.byline_before.search(last_part) and not cues.byline_before.search(before):
        return False
    return not cues.clause.search(text)
