"""Site chrome out, with reasons: the "clean" stage.

A scraped page keeps its menus, share buttons, adverts, teasers of other stories,
embedded posts and footers as lines of text. No single list of phrases finds them
all without also eating article sentences, so each line is judged on several
signals, from the most to the least certain:

1. pattern lexicons (pt, en, es) for whole chrome lines ("Compartilhe"),
   line openings ("Leia também: ...", "Foto: ...") and bylines ("Por Maria Silva");
2. context: a related-stories block after "Leia também"/"Mais lidas", the text of an
   embedded post before its "— Name (@handle) date" signature, a foreign-language
   line next to an embed, a short unknown line between two chrome lines;
3. position: what comes before the headline is navigation, and short lines after the
   last paragraph of prose are navigation or footer;
4. jusText's context-free verdict and stop-word density, with the document's stop list,
   tell prose from link-like lines where position alone would be too blunt.

Cleaning never rewrites ``Article.text``: it records a :class:`RemovedLine` per line.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import justext

from parallax.clean.agencies import agency_by_name, agency_list
from parallax.clean.language import classify_line
from parallax.clean.lexicons import LEXICONS, Lexicon
from parallax.clean.repeated import line_key
from parallax.clean.text import Line, body_lines
from parallax.ingest.base import GENERIC_HTML_REASON
from parallax.model import Article, RemovedLine
from parallax.options import Options
from parallax.text import squash_chars, strip_accents

#: Order in which whole-line and line-start patterns are tried: the first reason that
#: matches wins ("Receba as notícias no WhatsApp" is a newsletter prompt, not a share button).
REASON_ORDER: tuple[str, ...] = (
    "social_embed",
    "cookie_banner",
    "comments",
    "newsletter_prompt",
    "subscription",
    "share_prompt",
    "advert",
    "footer",
    "byline",
    "caption",
    "teaser",
    "empty_heading",
    "navigation",
)

#: Lines longer than this (in words) are prose whatever they start with.
MAX_CHROME_WORDS = 40

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LEAD = " \t•·*▪▶►■□◆◇→⟶|>›»-–—:"  # list bullets and arrows before a chrome word
_TRAIL = " \t.:!|>›»→…-–—"  # punctuation after it ("Compartilhe:", "Leia mais »")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_TEASER_MARK = re.compile(r"^(?:\+|»|›|→|▶|►)\s*(?=\w|[\"“«])")
_LIST_NUMBER = re.compile(r"^\d{1,2}(?:[.)º°]\s*|\s+)(?=\w)|^\d{1,2}$")
_SIGNATURE = re.compile(
    r"^[—–-]\s*[^()\n]{1,80}?\s*\(@\w{1,30}\)\s*(?:[\w.,: ]{0,40}\d{4})?\s*$|"
    r"^[—–-]\s*@\w{1,30}\s+\S.{0,40}\d{4}$"
)
_SOCIAL_CUE = re.compile(r"(?<!\w)[@#]\w{2,}|https?://\S+|\b(?:pic\.twitter\.com|t\.co)/\w", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”«»]")
_COPYRIGHT = re.compile(r"^(?:©|\([cC]\)|[Cc]opyright)\s*(?:\d{4}\s*)?")
_INITIALS = re.compile(r"^[A-Z]{2,5}(?:\s*//?\s*[A-Z]{2,5})+$")
_INITIALS_ONLY = re.compile(r"^[A-Z]{2,4}(?:\s*(?://?|\s)\s*[A-Z]{2,4}){0,4}$")
_WIRE_END = re.compile(r"^(.{2,40}?)\s*/\s*(?:fim|end|fin)$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”»)]?\s+\S")
_CREDIT_LEAD = re.compile(
    r"^[(\[]?\s*(?:com informações d[aeo]s?|com reportagem d[aeo]s?|com|fonte:|via|with|from|source:|"
    r"con información de|con|fuente:)\s+",
    re.IGNORECASE,
)
_HEADING_MARKS = re.compile(r"^#{1,6}$")
_NO_TEXT = re.compile(r"^[\W_]+$")
#: Emoji and pictographs around chrome words ("📢 COMPARTILHE 📲"): no part of the words matched.
_PICTOGRAPHS = re.compile(
    "[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f]+"
)
#: Characters that print as nothing (zero-width spaces and joiners, soft hyphens, direction marks).
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_TIME = (
    r"\d{1,2}(?:[:h]\d{2}|h)(?:\s?(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s?(?:brt|brst|gmt|utc|bst|wet|west|et|est|edt|cet|cest))?"
)
_TIME_ZONES = frozenset(
    [
        "h",
        "p",
        "m",
        "am",
        "pm",
        "gmt",
        "utc",
        "brt",
        "brst",
        "bst",
        "wet",
        "west",
        "cet",
        "cest",
        "eet",
        "eest",
        "et",
        "est",
        "edt",
        "ct",
        "cst",
        "cdt",
        "pt",
        "pst",
        "pdt",
        "msk",
        "ist",
        "jst",
        "art",
        "clt",
        "cot",
        "pet",
    ]
)
#: "· 5 min de leitura" after a date: the rest of a date line.
_READING_TIME_WORDS = frozenset(
    {"min", "mins", "minuto", "minutos", "minute", "minutes", "leitura", "lectura", "read", "de", "of"}
)
_NUMERIC_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
_NAME_TOKEN = r"[A-Z][\w'’.\-]*"


@dataclass(frozen=True, slots=True)
class _Compiled:
    lines: tuple[tuple[str, re.Pattern[str]], ...]
    starts: tuple[tuple[str, re.Pattern[str]], ...]
    contains: tuple[tuple[str, re.Pattern[str]], ...]
    block_openers: re.Pattern[str]
    block_headings: re.Pattern[str]
    sections: frozenset[str]
    tag_headings: frozenset[str]
    bylines: re.Pattern[str]
    bare_name: re.Pattern[str]
    name_role: re.Pattern[str]  # "Daniela Prado - Repórter da Agência Brasil" (accents stripped)
    timestamp_words: frozenset[str]
    date_evidence: re.Pattern[str]


def _union(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _by_reason(lexicons: Iterable[Lexicon], field: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lexicons = list(lexicons)
    out: list[tuple[str, re.Pattern[str]]] = []
    for reason in REASON_ORDER:
        patterns = [p for lex in lexicons for p in getattr(lex, field).get(reason, ())]
        if patterns:
            out.append((reason, re.compile(_union(patterns))))
    return tuple(out)


#: Who a photo is credited to, after or before a slash ("Rafael Moura/Agência Brasil").
_PHOTO_ORGS = (
    r"agencia [\w ]{2,20}|getty images|afp|ap|ap photo|reuters|efe|lusa|ansa|dpa|epa|xinhua|bloomberg|"
    r"anadolu|"
    r"tass|sputnik|ria novosti|kcna|yonhap|kyodo|estadao( conteudo)?|folhapress|folha|o globo|shutterstock|"
    r"istock|unsplash|pexels|governo [\w ]{2,30}|prefeitura [\w ]{2,30}|policia [\w ]{2,30}|"
    r"corpo de bombeiros|bombeiros|tv [\w]{2,20}|globonews|[\w]{2,20} images|[\w]{2,20} press"
)
#: Credit words that need no person: "Reprodução/Instagram", "Divulgação/Polícia Civil".
_PHOTO_WORDS = r"divulgacao|reproducao|arquivo( pessoal)?|cortesia|handout|courtesy|file( photo)?|pool"
_PERSON = r"[A-Z][\w'’.\-]+(?:\s+(?:(?:de|da|do|dos|das|del|van|von)\s+)?[A-Z][\w'’.\-]+){1,3}"
_PHOTO_CREDIT = re.compile(
    rf"(?:^|[\s(\[|—–.\-])(?:{_PERSON}\s?/\s?(?i:{_PHOTO_ORGS}|{_PHOTO_WORDS})"
    rf"|(?i:{_PHOTO_ORGS})\s?/\s?{_PERSON}"
    rf"|(?i:{_PHOTO_WORDS})\s?/\s?[^/]{{2,40}})\)?$"
)


def _photo_credit(text: str) -> bool:
    """The line ends with a photo credit ("... - Rafael Moura/Agência Brasil", "EFE/André Coelho")."""
    return _PHOTO_CREDIT.search(strip_accents(text).rstrip(" .")) is not None


def _credit_only(text: str) -> bool:
    """The line is nothing but a photo credit ("Getty Images", "Reprodução/Instagram", "Foto: ...")."""
    plain = strip_accents(text).rstrip(" .")
    if re.fullmatch(rf"(?i:{_PHOTO_WORDS}|getty images)", plain):
        return True
    return _PHOTO_CREDIT.match(plain) is not None or (
        _PHOTO_CREDIT.search(plain) is not None and len(plain.split()) <= 5
    )


@cache
def _compiled() -> _Compiled:
    lexicons = list(LEXICONS.values())
    openers = {o for lex in lexicons for o in lex.block_openers}
    headings = {h for lex in lexicons for h in lex.block_headings}
    sections = {s for lex in lexicons for s in lex.sections}
    openers_alt = "|".join(sorted({o for lex in lexicons for o in lex.byline_openers}))
    connectors = "|".join(sorted({c for lex in lexicons for c in lex.name_connectors}))
    tails = "|".join(sorted({t for lex in lexicons for t in lex.byline_tails}))
    months = "|".join(sorted({m for lex in lexicons for m in lex.months}, key=len, reverse=True))
    name = rf"{_NAME_TOKEN}(?:\s+(?:(?:{connectors})\s+)?{_NAME_TOKEN}){{0,5}}"
    names = rf"{name}(?:\s*(?:,|\be\b|\band\b|\by\b|&)\s*{name}){{0,3}}"
    bylines = re.compile(
        rf"^(?i:{openers_alt})\s+{names}"
        rf"(?:\s*(?:,|\||—|–|-)\s*(?:(?i:{tails})\b.{{0,80}}|.{{0,40}}\d.{{0,30}}|"
        rf"{_NAME_TOKEN}(?:\s+[\w'’.\-]+){{0,3}}))?\.?$"
        rf"|^(?:Da|Do|Das|Dos|De)\s+(?:[Rr]edacc?ao|{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})"
        rf"(?:\s*,\s*(?:em|com|de|no|na|para|in)\b.{{0,60}})?\.?$"
        rf"|^(?:[Rr]edacc?ao|REDACC?AO|Redaccion|REDACCION|Staff|Newsroom)"
        rf"(?:\s+{_NAME_TOKEN}){{0,3}}(?:\s*,.{{0,60}})?$"
    )
    timestamp_words = frozenset(
        {m for lex in lexicons for m in lex.months}
        | {w for lex in lexicons for w in lex.timestamp_words}
        | set(_TIME_ZONES)
        | _READING_TIME_WORDS
    )
    return _Compiled(
        lines=_by_reason(lexicons, "lines"),
        starts=_by_reason(lexicons, "starts"),
        contains=_by_reason(lexicons, "contains"),
        block_openers=re.compile(_union(sorted(openers))),
        block_headings=re.compile(_union(sorted(headings))),
        sections=frozenset(sections),
        tag_headings=frozenset(t for lex in lexicons for t in lex.tag_headings),
        bylines=bylines,
        bare_name=re.compile(
            rf"^{name}(?:\s*(?:,|\be\b|\band\b|\by\b|&)\s*{name}){{0,2}}"
            rf"(?:,?\s+(?:in|em|en|from|de|desde|para)\s+{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})?$"
        ),
        name_role=re.compile(
            rf"^{name}\s*[-–—|,]\s*(?i:{_ROLE_WORDS})\b[^.;:!?]{{0,60}}$"
            rf"|^(?i:{_ROLE_WORDS}|autora?|author)\s*:\s*{names}$"
        ),
        timestamp_words=timestamp_words,
        date_evidence=re.compile(rf"{_NUMERIC_DATE}|{_TIME}|\b(?:{months})\b|\b(?:ha|hace|ago)\b"),
    )


@dataclass(slots=True)
class _Info:
    """What the classifier knows about one body line."""

    line: Line
    plain: str  # the line's text without invisible characters (zero-width spaces, soft hyphens)
    folded: str  # lower case, no accents, single spaces
    core: str  # folded without list bullets and trailing punctuation
    words: int
    lang: str
    lang_confidence: float
    stop_density: float
    justext_class: str
    sentence: bool  # reads like a sentence of prose
    headline: bool  # could be a headline or a subhead
    reason: str | None = None

    @property
    def text(self) -> str:
        return self.plain

    @property
    def text_plain(self) -> str:
        """The text without accents (case kept), for the name patterns."""
        return strip_accents(self.plain)


def _is_sentence(text: str, words: int) -> bool:
    return bool(_TERMINAL.search(text)) or words >= 25


def _is_headline(text: str, words: int) -> bool:
    if not 3 <= words <= 30 or len(text) > 240:
        return False
    first = text.lstrip("\"“«'‘¿¡(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    return not text.rstrip("\"”»'’").endswith((".", ":", ";", ","))


def _justext_verdicts(lines: Sequence[Line], lang: str | None) -> list[tuple[str, float]]:
    """jusText's context-free class and stop-word density for each line."""
    lexicon = LEXICONS.get(lang or "", LEXICONS["pt"])
    stoplist = _stoplist(lexicon.justext_stoplist)
    if not lines:
        return []
    page = "<html><body>" + "".join(f"<p>{html.escape(li.text)}</p>" for li in lines) + "</body></html>"
    # jusText's context-free pass only: its context revision walks neighbours in quadratic time on
    # long pages, and the context signals here are our own.
    dom = justext.core.preprocessor(justext.core.html_to_dom(page))
    paragraphs = justext.core.ParagraphMaker.make_paragraphs(dom)
    justext.core.classify_paragraphs(paragraphs, stoplist, no_headings=True)
    if len(paragraphs) != len(lines):  # jusText merged or dropped something: fall back to our own density
        return [("short", _density(li.text, stoplist)) for li in lines]
    return [(str(p.cf_class), float(p.stopwords_density(stoplist))) for p in paragraphs]


@cache
def _stoplist(name: str) -> frozenset[str]:
    return frozenset(justext.get_stoplist(name))


def _density(text: str, stoplist: frozenset[str]) -> float:
    words = text.lower().split()
    return sum(w in stoplist for w in words) / len(words) if words else 0.0


def _infos(lines: Sequence[Line], languages: Sequence[str]) -> list[_Info]:
    out: list[_Info] = []
    for line in lines:
        plain = _INVISIBLE.sub("", line.text).strip() or line.text
        folded = squash_chars(plain)
        core = (
            _PICTOGRAPHS.sub("", folded).strip().lstrip(_LEAD).rstrip(_TRAIL)
            if not folded.isascii()
            else (folded.lstrip(_LEAD).rstrip(_TRAIL))
        )
        words = len(_WORD.findall(plain))
        lang, confidence = classify_line(plain, languages) if languages else ("", 0.0)
        out.append(
            _Info(
                line=line,
                plain=plain,
                folded=folded,
                core=core,
                words=words,
                lang=lang,
                lang_confidence=confidence,
                stop_density=0.0,
                justext_class="short",
                sentence=_is_sentence(plain, words),
                headline=_is_headline(plain, words),
            )
        )
    return out


def _add_justext(infos: Sequence[_Info], doc_lang: str | None) -> None:
    verdicts = _justext_verdicts([info.line for info in infos], doc_lang)
    for info, (cf_class, density) in zip(infos, verdicts, strict=True):
        info.justext_class, info.stop_density = cf_class, density


def _document_language(infos: Sequence[_Info]) -> str | None:
    """Language of the lines no pattern removed, each voting with its length times its confidence."""
    votes: dict[str, float] = {}
    for info in infos:
        if info.reason is None and info.lang:
            votes[info.lang] = votes.get(info.lang, 0.0) + len(info.text) * info.lang_confidence
    return max(votes.items(), key=lambda kv: kv[1])[0] if votes else None


# --------------------------------------------------------------------------- patterns


def _agency_initials(text: str) -> bool:
    """ "REUTERS RS MN": the agency's name and its editors' initials closing a wire story."""
    head, _, rest = text.partition(" ")
    return bool(rest) and bool(_INITIALS_ONLY.match(rest)) and agency_by_name(head) is not None


def _wire_end(core: str) -> bool:
    end = _WIRE_END.match(core)
    return end is not None and agency_by_name(end.group(1)) is not None


_PLACE_LEAD = re.compile(r"^[a-z][a-z' ]{1,30}?\s[-–—|,]\s(?=\d)")
_STAMP_TOKEN = re.compile(r"\d+(?:[:h]\d{2}h?|h|º|°)?|[a-z]+|[^\w\s]")
_STAMP_PUNCT = frozenset("-–—|,.·/:()")


def _is_timestamp(folded: str, c: _Compiled) -> bool:
    """Only dates, times and their words: "23.fev.2025 às 8h00", "Updated 2 hours ago"."""
    for token in _STAMP_TOKEN.findall(folded):
        if not (token[0].isdigit() or token in c.timestamp_words or token in _STAMP_PUNCT):
            return False
    return True


def _pattern_reason(info: _Info, c: _Compiled) -> str | None:
    """Reason from the lexicons alone, or None when the line's text does not give itself away."""
    text, folded, core = info.text, info.folded, info.core
    if _SIGNATURE.match(text):
        return "social_embed"
    if _HEADING_MARKS.match(text):
        return "empty_heading"
    if _NO_TEXT.match(text):
        return "navigation"
    if info.words > MAX_CHROME_WORDS * 2:
        return None
    for reason, pattern in c.contains:
        if (reason == "cookie_banner" or info.words <= MAX_CHROME_WORDS) and pattern.search(folded):
            return reason
    whole = _whole_line_reason(core, c)
    if whole == "footer" and _COPYRIGHT.match(text) and agency_by_name(_COPYRIGHT.sub("", text)) is not None:
        return "byline"  # "(c) Agencia EFE": the agency's copyright on the text is its credit line
    if whole is not None and (whole != "navigation" or core not in c.sections):
        return whole
    if info.words <= MAX_CHROME_WORDS:
        for reason, pattern in c.starts:
            if pattern.match(core) and (reason != "byline" or (info.words <= 15 and not info.sentence)):
                return reason
    if _TEASER_MARK.match(text) and not info.sentence:
        return "teaser"
    if info.words <= 15 and c.bylines.match(strip_accents(text)) and not _looks_like_clause(text):
        return "byline"
    if info.words <= 14 and c.name_role.match(info.text_plain):
        return "byline"
    stamp = _PLACE_LEAD.sub("", folded)  # "París - 03 jun 2025 - 19:12 CEST"
    if info.words <= 16 and _is_timestamp(stamp, c) and c.date_evidence.search(stamp):
        return "byline"
    if _INITIALS.match(text) or _wire_end(core) or _agency_initials(text):
        return "byline"  # a wire story's sign-off: editors' initials, "Lusa/Fim"
    if info.words <= 30 and (_photo_credit(text) or (info.words <= 5 and _credit_only(text))):
        return "caption"
    return _segments_reason(info, c)


_SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+|\s*[|·•]\s*(?=\S)")
_CRUMB_SPLIT = re.compile(r"\s*(?:>|›|»|/|\\)\s*")


def _segments_reason(info: _Info, c: _Compiled) -> str | None:
    """A line of several chrome items ("Termos de Uso | Política de Privacidade", "Início > Mundo")."""
    if info.words > 20 or info.sentence:
        return None
    segments = [seg for seg in _SEGMENT_SPLIT.split(info.folded) if seg.strip()]
    if len(segments) >= 2:
        reasons = [_whole_line_reason(seg.lstrip(_LEAD).rstrip(_TRAIL), c) for seg in segments]
        if all(reasons):
            return reasons[0]
    crumbs = [seg for seg in _CRUMB_SPLIT.split(info.folded) if seg.strip()]
    if len(crumbs) >= 3 and all(len(seg.split()) <= 3 for seg in crumbs):
        reasons = [_whole_line_reason(seg.strip(), c) for seg in crumbs]
        if sum(r is not None for r in reasons) * 2 >= len(crumbs):
            return "navigation"
    return None


def _whole_line_reason(core: str, c: _Compiled) -> str | None:
    for reason, pattern in c.lines:
        if pattern.fullmatch(core):
            return reason
    return "navigation" if core in c.sections else None


_CLAUSE_WORDS = re.compile(
    r"\b(?:é|foi|são|será|está|tem|disse|afirmou|is|was|are|has|said|es|fue|son|dijo|que|that)\b"
)


def _looks_like_clause(text: str) -> bool:
    """A byline-shaped line that is really a clause ("Por Deus, ele disse que...")."""
    return bool(_CLAUSE_WORDS.search(text))


# --------------------------------------------------------------------------- context


def _mark_embeds(infos: list[_Info], doc_lang: str | None) -> None:
    """Text of embedded posts: before a signature, between Instagram frames, foreign lines beside them."""
    for i, info in enumerate(infos):
        if not (info.reason == "social_embed" and _SIGNATURE.match(info.text)):
            continue
        j = i - 1
        taken = 0
        while j >= 0 and infos[j].reason in (None, "social_embed"):
            prev = infos[j]
            if prev.reason is None and taken > 0 and not _foreign_or_social(prev, doc_lang):
                break
            if prev.reason is None and ((prev.headline and taken > 0) or _is_title_candidate(infos, j)):
                break
            prev.reason = "social_embed"
            taken += 1
            j -= 1
    opened: int | None = None
    for i, info in enumerate(infos):
        core = info.folded
        if info.reason == "social_embed" and re.match(r"^(ver|view) (essa|esta|this|the)", core):
            opened = i
        elif (
            opened is not None
            and info.reason == "social_embed"
            and core.startswith(("uma ", "um ", "a ", "una "))
        ):
            for k in range(opened + 1, i):
                if infos[k].reason is None:
                    infos[k].reason = "social_embed"
            opened = None
    changed = True
    while changed:
        changed = False
        for i, info in enumerate(infos):
            if info.reason is not None or not _foreign_or_social(info, doc_lang, strict=True):
                continue
            near = [infos[k] for k in (i - 1, i + 1) if 0 <= k < len(infos)]
            if any(n.reason == "social_embed" for n in near) or (
                _SOCIAL_CUE.search(info.text) and _is_foreign(info, doc_lang)
            ):
                info.reason = "social_embed"
                changed = True


def _preset_reasons(lines: Sequence[Line], removed: Sequence[RemovedLine]) -> dict[int, str]:
    """Reason of each line that a line already removed overlaps (the one reaching furthest)."""
    if not removed:
        return {}
    spans = sorted((r for r in removed if r.span.end > r.span.start), key=lambda r: r.span.start)
    starts = [r.span.start for r in spans]
    reach: list[RemovedLine] = []  # reach[k]: of spans[: k + 1], the one ending last
    for r in spans:
        reach.append(r if not reach or r.span.end > reach[-1].span.end else reach[-1])
    out: dict[int, str] = {}
    for line in lines:
        k = bisect.bisect_left(starts, line.span.end)  # spans[:k] start before the line ends
        if k and reach[k - 1].span.end > line.span.start:
            out[line.index] = reach[k - 1].reason
    return out


def _mark_repeated(infos: list[_Info], repeated: frozenset[str], header_title: str | None) -> None:
    """Lines the outlet prints on many pages, unless they are the headline, a quotation or prose.

    The reason is that of a chrome neighbour when there is one (a repeated line inside a
    footer is footer), else ``boilerplate``.
    """
    title_key = line_key(header_title) if header_title else None
    marked: list[int] = []
    for i, info in enumerate(infos):
        if info.reason is not None or info.words > MAX_CHROME_WORDS:
            continue
        key = line_key(info.text)
        if key not in repeated or key == title_key or _reads_as_prose(info):
            continue
        marked.append(i)
        info.reason = "boilerplate"
    for i in marked:
        info = infos[i]
        near = [infos[k].reason for k in (i - 1, i + 1) if 0 <= k < len(infos)]
        specific = next((r for r in near if r in _BLOCK_REASONS), None)
        if specific is not None:
            info.reason = specific


#: Chrome that comes in runs of lines, whose reason a repeated neighbour shares.
_BLOCK_REASONS = frozenset({"navigation", "footer", "teaser", "advert", "share_prompt", "newsletter_prompt"})


def _reads_as_prose(info: _Info) -> bool:
    """A quotation or a paragraph of article prose: repetition is no evidence against it."""
    if _QUOTE_MARK.search(info.text) and info.words >= 4:
        return True
    return info.sentence and info.words >= 12 and info.justext_class in ("good", "neargood")


def _is_title_candidate(infos: list[_Info], j: int) -> bool:
    return all(infos[k].reason is not None for k in range(j)) and infos[j].headline


def _is_foreign(info: _Info, doc_lang: str | None) -> bool:
    return (
        doc_lang is not None
        and info.lang != doc_lang
        and info.lang_confidence >= 0.9
        and info.words >= 4
        and not _QUOTE_MARK.search(info.text)
    )


def _foreign_or_social(info: _Info, doc_lang: str | None, *, strict: bool = False) -> bool:
    if _is_foreign(info, doc_lang):
        return True
    if strict:
        return False
    return bool(_SOCIAL_CUE.search(info.text))


def _mark_blocks(infos: list[_Info], c: _Compiled) -> None:
    """Related-story blocks: a prompt ("Veja também") or heading ("Mais lidas") and the items after it."""
    i = 0
    while i < len(infos):
        info = infos[i]
        is_prompt = c.block_openers.fullmatch(info.core) is not None
        is_heading = not is_prompt and c.block_headings.fullmatch(info.core) is not None
        if (
            not (is_prompt or is_heading)
            or info.words > 6
            or info.reason not in (None, "teaser", "navigation")
        ):
            i += 1
            continue
        info.reason = "teaser"
        j = i + 1
        first_item, items_marked = True, False
        while j < len(infos):
            item = infos[j]
            if c.block_openers.fullmatch(item.core) or c.block_headings.fullmatch(item.core):
                break
            if item.reason is not None:
                if item.reason not in ("teaser", "advert", "navigation"):
                    break
                if item.reason == "teaser" and first_item:
                    items_marked = _TEASER_MARK.match(item.text) is not None
                    first_item = False
                j += 1
                continue
            number_only = _LIST_NUMBER.fullmatch(item.text) is not None
            numbered = _LIST_NUMBER.match(item.text) is not None
            marked = _TEASER_MARK.match(item.text) is not None or numbered
            if items_marked and not marked:
                break  # a list of "+ headline" items ends where the markers end
            if number_only:
                item.reason = "teaser"  # "1", "2" above each headline of a "Mais lidas" list
            elif not item.sentence and item.words <= 30 and (item.headline or marked):
                item.reason = "teaser"
                if first_item:
                    items_marked = marked
                    first_item = False
            else:
                break
            j += 1
        if is_heading and first_item:
            info.reason = "empty_heading"  # "Mais lidas" with no list under it
        i = j


def _mark_tag_lists(infos: list[_Info], c: _Compiled) -> None:
    """ "Tópicos" over its tags is navigation; alone (the tags were not scraped) it is an empty heading."""
    for i, info in enumerate(infos):
        if info.core not in c.tag_headings or info.reason not in (None, "navigation"):
            continue
        j = i + 1
        while j < len(infos) and infos[j].reason in (None, "navigation") and _tag_like(infos[j], c):
            infos[j].reason = "navigation"
            j += 1
        info.reason = "navigation" if j > i + 1 else "empty_heading"


def _tag_like(info: _Info, c: _Compiled) -> bool:
    return info.words <= 5 and not info.sentence and info.core not in c.tag_headings


def _mark_sandwiched(infos: list[_Info]) -> None:
    """A short stop-word-free line between two chrome lines is chrome of the same kind."""
    for i in range(1, len(infos) - 1):
        info, prev, nxt = infos[i], infos[i - 1], infos[i + 1]
        if info.reason is not None or prev.reason is None or nxt.reason is None:
            continue
        if (
            info.words <= 4
            and not info.sentence
            and not info.headline
            and info.stop_density < 0.34
            and info.justext_class != "good"
        ):
            info.reason = prev.reason if prev.reason not in ("social_embed", "caption") else nxt.reason


# --------------------------------------------------------------------------- title and position


def _find_title(infos: list[_Info], header_title: str | None, c: _Compiled) -> int | None:
    """The headline line: the header's title if printed, else the first headline-shaped line of
    five words or more right above the byline or the first paragraph, else before the first
    paragraph (site names and menu items are shorter)."""
    if header_title:
        return next((i for i, info in enumerate(infos) if _same_title(info.text, header_title)), None)
    first_prose = next((i for i, info in enumerate(infos) if _prose(info) and not info.headline), len(infos))
    above = _title_above_anchor(infos, first_prose, c)
    if above is not None:
        return above
    candidates = [i for i in range(first_prose) if infos[i].reason is None and infos[i].headline]
    for i in candidates:
        if infos[i].words >= 5:
            return i
    if candidates:
        return max(candidates, key=lambda i: infos[i].words)
    first = next((i for i, info in enumerate(infos) if info.reason is None), None)
    later = first is not None and any(info.reason is None for info in infos[first + 1 :])
    if (
        first is not None
        and later
        and infos[first].words <= 14
        and not _SENTENCE_BREAK.search(infos[first].text)
    ):
        return first  # a headline printed with a final period
    return None  # no line reads like a headline: better none than a paragraph


def _title_above_anchor(infos: list[_Info], first_prose: int, c: _Compiled) -> int | None:
    """The headline as the first long headline-shaped line of the run of kept lines right above the
    byline (or the first paragraph): a blog's tagline or a weather widget further up is not it."""
    anchors = [i for i in range(first_prose) if infos[i].reason == "byline"] + [first_prose]
    for anchor in anchors:
        k = anchor - 1
        while k >= 0 and infos[k].reason is None:
            k -= 1
        found = [i for i in range(k + 1, anchor) if infos[i].headline and infos[i].words >= 5]
        if len(found) > 1 and _is_tagline(infos, found[0], c):
            found = found[1:]
        if found:
            return found[0]
    return None


def _is_tagline(infos: list[_Info], i: int, c: _Compiled) -> bool:
    """The line right under the site's name at the top of the page ("Notes on running small systems")."""
    if i != 1:
        return False
    name = infos[0]
    return (
        2 <= name.words <= 6
        and not name.sentence
        and name.core not in c.sections
        and not (_TERMINAL.search(infos[i].text))
    )


def _same_title(line: str, title: str) -> bool:
    """The line prints the title (case, accents and a site suffix "| Folha" aside)."""
    a, b = squash_chars(line).rstrip(" ."), squash_chars(title).rstrip(" .")
    return a == b or (
        len(b) > 20 and a.startswith(b) and a[len(b) : len(b) + 3].strip()[:1] in ("|", "-", "–", "—")
    )


def _prose(info: _Info) -> bool:
    """A line that anchors the article proper: a sentence with enough words, not a list of links."""
    if info.reason is not None:
        return False
    if info.sentence and (info.words >= 6 or info.text.endswith(".")):
        return True
    return info.justext_class in ("good", "neargood") and info.words >= 10


def _mark_top(infos: list[_Info], title: int | None) -> None:
    """Before the headline: site chrome (sections, breadcrumbs, a kicker)."""
    if title is None:
        first_prose = next((i for i, info in enumerate(infos) if _prose(info)), None)
        limit = first_prose if first_prose is not None else 0
    else:
        limit = title
    for info in infos[:limit]:
        if info.reason in (None, "teaser", "empty_heading") and (info.words <= 12 or not info.sentence):
            info.reason = "navigation"


_LIST_INTRO = re.compile(r"\b(?:abaixo|a seguir|seguintes?|below|following|a continuacion|siguientes?)\W*$")


def _opens_list(info: _Info) -> bool:
    """The line announces a list ("Veja o resultado:", "Veja abaixo.", "See the list below.")."""
    return info.text.endswith(":") or _LIST_INTRO.search(info.folded) is not None


_PREV_NEXT = re.compile(
    r"(?:(?:artigo|post|materia|noticia|postagem|mensagem|entrada|articulo|nota) )?"
    r"(?:anterior|proxim[oa]|siguiente|previous|next)"
    r"(?: (?:artigo|post|materia|noticia|postagem|mensagem|entrada|articulo|nota|article|story|entry))?"
)


def _mark_prev_next(infos: list[_Info]) -> None:
    """The headline under "Artigo anterior" / "Next article" is a teaser of that other story."""
    for i in range(len(infos) - 1):
        label, item = infos[i], infos[i + 1]
        if (
            label.reason == "navigation"
            and _PREV_NEXT.fullmatch(label.core)
            and item.reason is None
            and item.headline
            and not item.sentence
        ):
            item.reason = "teaser"


def _mark_bottom(infos: list[_Info], title: int | None) -> None:
    """After the last paragraph of prose: menus, tags and footer links."""
    last = max((i for i, info in enumerate(infos) if _prose(info) and i != title), default=None)
    if last is None:
        return
    tail = infos[last + 1 :]
    listed: set[int] = set()  # items of a list the article introduced with a colon ("Veja o resultado:")
    opened = _opens_list(infos[last])
    for k, info in enumerate(tail):
        if info.reason is None and _opens_list(info):
            opened = True
        elif info.reason is None and opened:
            listed.add(k)
        elif info.reason is not None:
            opened = False
    for k in range(len(tail) - 1, -1, -1):
        info = tail[k]
        if info.reason is not None or info.sentence or k in listed:
            continue
        following = tail[k + 1].reason if k + 1 < len(tail) else None
        preceding = tail[k - 1].reason if k > 0 else infos[last].reason
        if following == "footer":
            info.reason = "footer"
        elif preceding in ("comments", "footer"):
            info.reason = preceding  # "Normas" under "Comentários", "Anuncie aqui" under the copyright
        elif info.words <= 12 or info.stop_density < 0.2:
            info.reason = "navigation"


def _mark_sections(infos: list[_Info], title: int | None, c: _Compiled) -> None:
    """A bare section name ("Mundo") is navigation next to other chrome or outside the article."""
    for i, info in enumerate(infos):
        if info.reason is not None or info.core not in c.sections:
            continue
        near = [infos[k] for k in (i - 1, i + 1) if 0 <= k < len(infos)]
        if (title is not None and i < title) or any(n.reason == "navigation" for n in near):
            info.reason = "navigation"


def _mark_after_title(infos: list[_Info], title: int | None, c: _Compiled) -> None:
    """Credit lines under the headline: a bare agency name ("Agência Estado"; above the headline it
    is the site's name), a list of agencies ("Com Reuters e AFP"), and, before the first paragraph,
    a reporter's bare name ("Ana Rita Lopes")."""
    if title is None:
        return
    standfirst = title + 1 < len(infos) and _prose(infos[title + 1]) and infos[title + 1].sentence
    after_standfirst = title + 2 if standfirst else title + 1
    first_paragraph = next(
        (i for i in range(after_standfirst, len(infos)) if _prose(infos[i]) and infos[i].sentence), len(infos)
    )
    window = range(after_standfirst, min(first_paragraph, after_standfirst + 5))
    names = {i for i in window if infos[i].reason is None and _bare_name(infos[i], c)}
    for i in window:
        info = infos[i]
        near = [k for k in (i - 1, i + 1) if 0 <= k < len(infos)]
        if (
            info.reason is None
            and info.core in _ROLES
            and info.words <= 4
            and any(k in names or infos[k].reason == "byline" for k in near)
        ):
            info.reason = "byline"  # "Jornalista" under the reporter's name
    for i in sorted(names):
        beside = [infos[k].reason for k in (i - 1, i + 1) if k < len(infos)]
        if any(r in ("byline", "share_prompt") for r in beside):
            infos[i].reason = "byline"
    place = first_paragraph - 1  # "Brasília" alone between the byline and the first paragraph: the dateline
    if (
        place > after_standfirst
        and first_paragraph < len(infos)
        and infos[place].reason is None
        and infos[place - 1].reason == "byline"
        and _PLACE_LINE.fullmatch(infos[place].text)
    ):
        infos[place].reason = "byline"
    for info in infos[title + 1 :]:
        if info.reason not in (None, "navigation") or info.words > 10:
            continue
        credited = _CREDIT_LEAD.sub("", info.text)
        if agency_list(credited) is not None:
            info.reason = "byline"
    for i in window:
        info = infos[i]
        if info.reason is None and info.words <= 6 and _source_label(info.text):
            info.reason = "byline"


def _source_label(text: str) -> bool:
    """ "MadreIlhas / Lusa": the partner site and the agency an aggregator took the story from."""
    parts = [p.strip() for p in text.split("/")]
    return len(parts) == 2 and all(parts) and any(agency_by_name(p) is not None for p in parts)


_PLACE_LINE = re.compile(
    r"[A-ZÀ-Ý][\w'’.\-]+(?: (?:de|do|da|del|dos|das)? ?[A-ZÀ-Ý][\w'’.\-]+){0,3}(?:, ?[A-Z]{2})?"
)


def _bare_name(info: _Info, c: _Compiled) -> bool:
    return 2 <= info.words <= 6 and c.bare_name.match(info.text_plain) is not None


#: Job titles printed on their own line under a reporter's name or opening an author's bio (folded).
_ROLES = frozenset(
    {
        "jornalista",
        "reporter",
        "reporter especial",
        "correspondente",
        "enviado especial",
        "enviada especial",
        "editor",
        "editora",
        "redator",
        "redatora",
        "colunista",
        "colaborador",
        "colaboradora",
        "journalist",
        "correspondent",
        "special correspondent",
        "staff writer",
        "senior reporter",
        "columnist",
        "contributor",
        "periodista",
        "corresponsal",
        "enviado",
        "enviada",
        "redactor",
        "redactora",
        "columnista",
    }
)
_ROLE_WORDS = "|".join(sorted(_ROLES, key=len, reverse=True))
#: An author's bio: "Jornalista formada pela Unesp, ...", "Ana Souza é repórter de ...".
_BIO = re.compile(
    rf"^(?:(?:{_ROLE_WORDS})\b(?:,| (?:formad|graduad|especializad|baseado|baseada|based|desde|ha |cobre|"
    rf"covers|cubre|escreve|writes|escribe|trabalha|works|trabaja|com |with |con |e |and |y |no |na |em |at |"
    rf"in |en |do |da |de |of ))"
    rf"|[^,.;:!?]{{2,50}}? (?:e|is|es) (?:um |uma |a |an |un |una )?(?:{_ROLE_WORDS})\b)"
)


def _mark_bios(infos: list[_Info]) -> None:
    """An author's bio beside a byline ("Coluna de Vera Lima" / "Vera Lima é jornalista e ...")."""
    for i, info in enumerate(infos):
        if info.reason is not None or info.words > MAX_CHROME_WORDS or not _BIO.match(info.folded):
            continue
        if any(infos[k].reason == "byline" for k in (i - 1, i + 1) if 0 <= k < len(infos)):
            info.reason = "byline"


def _mark_author_box(infos: list[_Info], title: int | None, c: _Compiled) -> None:
    """An author's bio after the article (only chrome follows it), with the name printed above it."""
    start = (title + 1) if title is not None else 0
    for i in range(len(infos) - 1, start, -1):
        info = infos[i]
        if info.reason is not None:
            continue
        if info.words > MAX_CHROME_WORDS or not _BIO.match(info.folded):
            break  # the last kept line is article text, not a bio
        if any(later.reason is None for later in infos[i + 1 :]):
            break
        info.reason = "byline"
        above = infos[i - 1]
        if above.reason is None and _bare_name(above, c):
            above.reason = "byline"
        break


def _mark_captions(infos: list[_Info], title: int | None, c: _Compiled) -> None:
    """The description line right above a photo credit line ("Foto: Fulano/Agência") is its caption."""
    for i in range(1, len(infos)):
        credit, above = infos[i], infos[i - 1]
        if credit.reason != "caption" or above.reason is not None or i - 1 == title:
            continue
        credit_only = any(p.match(credit.core) for r, p in c.starts if r == "caption") or _credit_only(
            credit.text
        )
        if credit_only and not above.sentence and above.words <= 25:
            above.reason = "caption"


def _mark_empty_headings(infos: list[_Info], title: int | None) -> None:
    """A heading with nothing of the article under it (its video or list was not scraped)."""
    for i, info in enumerate(infos):
        if info.reason is not None or i == title or info.sentence or info.words > 8:
            continue
        if not (info.headline or info.words <= 3) or any(ch.isdigit() for ch in info.text):
            continue
        above = infos[i - 1] if i > 0 else None
        if above is not None and above.reason is None and not _prose(above):
            continue  # the last item of a list, not a heading
        rest = infos[i + 1 :]
        kept_after = [r for r in rest if r.reason is None]
        if not kept_after and rest:
            info.reason = "empty_heading"


# --------------------------------------------------------------------------- stage


def classify_lines(
    lines: Sequence[Line],
    languages: Sequence[str],
    header_title: str | None = None,
    *,
    language: str | None = None,
    outlet: str | None = None,
    preset: Mapping[int, str] | None = None,
    repeated: frozenset[str] = frozenset(),
) -> tuple[dict[int, str], int | None, str | None]:
    """Reason for each chrome line (by line index), the title line index and the document language.

    ``language`` is the document language when already known (a header said so); ``outlet``
    the outlet's name, which on its own line is the site's masthead. ``preset`` holds the
    reasons of lines an earlier step already removed (HTML boilerplate): they stay removed and
    count as chrome for their neighbours. ``repeated`` holds the :func:`~parallax.clean.repeated.line_key`
    of lines the outlet prints on many pages (see :mod:`parallax.clean.repeated`).
    """
    c = _compiled()
    infos = _infos(lines, languages)
    masthead = squash_chars(outlet) if outlet else None
    preset = preset or {}
    for info in infos:
        info.reason = preset.get(info.line.index) or _pattern_reason(info, c)
        if info.reason is None and masthead is not None and info.core == masthead:
            info.reason = "navigation"
    doc_lang = language if language in languages else _document_language(infos)
    _add_justext(infos, doc_lang)
    if repeated:
        _mark_repeated(infos, repeated, header_title)
    _mark_embeds(infos, doc_lang)
    _mark_blocks(infos, c)
    _mark_prev_next(infos)
    _mark_tag_lists(infos, c)
    _mark_sandwiched(infos)
    _mark_bios(infos)
    title = _find_title(infos, header_title, c)
    if title is not None and header_title:
        infos[title].reason = None  # the line the header names as the title is never chrome
    elif header_title:
        title = _find_title(infos, None, c)  # the page prints another headline: still the top of the article
    _mark_top(infos, title)
    _mark_after_title(infos, title, c)
    _mark_captions(infos, title, c)
    _mark_sections(infos, title, c)
    _mark_bottom(infos, title)
    _mark_author_box(infos, title, c)
    _mark_sandwiched(infos)
    _mark_empty_headings(infos, title)
    for index, reason in preset.items():
        if index < len(infos):
            # An earlier step's verdict stands, even on the printed headline; only its generic
            # "outside the main text" reason gives way to what the line itself says it is.
            specific = _pattern_reason(infos[index], c) if reason == GENERIC_HTML_REASON else None
            infos[index].reason = specific or reason
    reasons = {info.line.index: info.reason for info in infos if info.reason is not None}
    return reasons, title, doc_lang


def clean_article(article: Article, options: Options, repeated: frozenset[str] = frozenset()) -> Article:
    """Record every non-article line of the body as removed, with its reason; set the title.

    Lines already in ``article.removed`` (an HTML page's boilerplate, removed at ingest) stay
    as they are and are not recorded twice; a title already set is kept. ``repeated`` is the
    set of lines the outlet repeats across the batch (:mod:`parallax.clean.repeated`);
    without it the other signals still apply.
    """
    lines = body_lines(article)
    languages = tuple(options.languages) or tuple(LEXICONS)
    preset = _preset_reasons(lines, article.removed)
    reasons, title_index, _ = classify_lines(
        lines,
        languages,
        article.title,
        language=article.language,
        outlet=article.outlet,
        preset=preset,
        repeated=repeated,
    )
    added = [
        RemovedLine(text=li.text, reason=reasons[li.index], span=li.span)
        for li in lines
        if li.index in reasons and li.index not in preset
    ]
    refined = {li.span: reasons[li.index] for li in lines if preset.get(li.index) == GENERIC_HTML_REASON}
    kept = [
        dataclasses.replace(r, reason=refined.get(r.span, r.reason)) if r.reason == GENERIC_HTML_REASON else r
        for r in article.removed
    ]
    removed = sorted([*kept, *added], key=lambda r: (r.span.start, r.span.end))
    title, title_span = article.title, None
    if title_index is not None:
        line = lines[title_index]
        if not title:
            title, title_span = line.text, line.span
        elif _same_title(line.text, title):
            title_span = line.span
    return dataclasses.replace(article, removed=removed, title=title, title_span=title_span)
