"""Sentence splitting over the kept body lines of an article.

News text needs three things that general-purpose segmenters do not give
together: sentences never cross a line (each kept line is a paragraph, and
the cleaner has already taken out what is not body); a quotation that holds
several sentences stays whole, because it is one statement by one speaker;
and the agency dateline ("BRASÍLIA, 12 de março (Reuters) –") is its own
sentence, so that it is neither part of a claim nor of a quote.

Conventions:

- The headline line (``Article.title_span``) is not split into sentences.
- A quotation that runs over several paragraphs (the press habit of opening
  the quote again at each paragraph and closing it only at the last one) is
  not joined across lines: an opening mark without a partner in its line does
  not protect that line from splitting. Quote extraction deals with it.
- A sentence ends after ``.``, ``!``, ``?`` or ``…`` (with any closing quote
  marks or brackets) followed by a space and a character that is not a
  lower-case letter; never inside a paired quotation; never after an
  abbreviation that always introduces something ("Sr.", "art.", "nº") or an
  initial ("J. K. Rowling"); after an abbreviation that may end a sentence
  ("Ltda.", "S.A.", "U.S.") only when a typical sentence opener follows.

Every step is a single left-to-right pass over a line, so the time stays
linear in the input whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.model import Article, Sentence, Span
from parallax.nlp.lang import resources

#: Closing mark -> the opening mark it closes, for marks that always open or always close.
_TYPOGRAPHIC = {"”": "“", "»": "«"}
_ALWAYS_OPEN = frozenset("“«")
_CLOSERS_AFTER_END = "”\"»’')]"

_BOUNDARY = re.compile(r"[.!?…]+[”\"»’')\]]*(?=\s)")
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")

_PLACE = r"[^\W\d_][\w'’.]*(?:[ \t]+(?:de|da|do|del|dos|das|di|la|el|los|[^\W\d_][\w'’.]*)){0,4}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    r"(?:[ \t]*,[ \t]*(?P<date>[\w .º°/]{1,30}?))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"[ \t]*(?P<dash>\.?[ \t]?[-–—]{1,2})(?=\s|$)"
)
_DATELINE_CONNECTORS = frozenset({"de", "da", "do", "del", "dos", "das", "di", "la", "el", "los"})
#: Titles that never end a sentence whatever the article's language (quoted foreign names).
_TITLES_EVERYWHERE = frozenset({"mr", "mrs", "ms", "dr", "dra", "sr", "sra", "srta", "prof", "profa", "gen"})


@dataclass(frozen=True, slots=True)
class QuotePair:
    """A paired quotation: positions of the opening and the closing mark in a line."""

    open: int
    close: int

    def covers(self, position: int) -> bool:
        """Whether a cut at ``position`` (between two characters) falls inside the quotation."""
        return self.open < position <= self.close


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """Quotation marks of one line: the pairs, and opening marks left without a partner."""

    pairs: tuple[QuotePair, ...]
    unclosed: tuple[int, ...]

    def top_level(self) -> list[QuotePair]:
        """Pairs not nested inside another pair, in text order."""
        out: list[QuotePair] = []
        for pair in sorted(self.pairs, key=lambda p: p.open):
            if out and out[-1].open < pair.open and pair.close < out[-1].close:
                continue
            out.append(pair)
        return out


def _can_open(prev: str, nxt: str) -> bool:
    return not prev.isalnum() and not nxt.isspace()


def _can_close(prev: str, nxt: str) -> bool:
    return not prev.isspace() and not nxt.isalnum()


def pair_quotation_marks(text: str) -> QuoteMarks:
    """Pair the quotation marks of a line in one pass.

    “…” and «…» pair by kind; straight quotes ("…", '…') and ‘…’ pair by
    context, so that apostrophes ("d’água", "it's", "O'Neill") and inch marks
    are left alone. A closing mark whose opener is not open is ignored; an
    opener closed by an outer closer is dropped.
    """
    stack: list[tuple[str, int]] = []
    open_counts: dict[str, int] = {}
    pairs: list[QuotePair] = []
    n = len(text)

    def push(kind: str, pos: int) -> None:
        stack.append((kind, pos))
        open_counts[kind] = open_counts.get(kind, 0) + 1

    def close(kind: str, pos: int) -> None:
        while stack:
            top, start = stack.pop()
            open_counts[top] -= 1
            if top == kind:
                pairs.append(QuotePair(start, pos))
                return

    for i, ch in enumerate(text):
        if ch not in "“”«»\"'‘’":
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in _ALWAYS_OPEN:
            push(ch, i)
        elif ch in _TYPOGRAPHIC:
            if open_counts.get(_TYPOGRAPHIC[ch], 0):
                close(_TYPOGRAPHIC[ch], i)
        elif ch == '"':
            if open_counts.get('"', 0) and _can_close(prev, nxt):
                close('"', i)
            elif _can_open(prev, nxt):
                push('"', i)
        elif ch == "‘":
            if not prev.isalnum():
                push(ch, i)
        elif ch == "’":
            if open_counts.get("‘", 0) and _can_close(prev, nxt):
                close("‘", i)
        elif ch == "'":
            if open_counts.get("'", 0) and _can_close(prev, nxt):
                close("'", i)
            elif not prev.isalnum() and nxt.isalnum():
                push("'", i)
    unclosed = tuple(pos for kind, pos in stack if kind in ("“", "«", '"'))
    return QuoteMarks(tuple(sorted(pairs, key=lambda p: p.open)), unclosed)


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    always: frozenset[str]
    terminal: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=8)
def _abbreviations(language: str | None) -> _Abbreviations:
    module = resources(language, "abbreviations")
    return _Abbreviations(
        module.ABBREVIATIONS | _TITLES_EVERYWHERE, module.TERMINAL_ABBREVIATIONS, module.SENTENCE_STARTERS
    )


def _word_before(text: str, end: int) -> tuple[str, int]:
    """The word that ends at ``end`` (dots inside kept: "S.A", "U.S"), and where it starts."""
    start = end
    limit = max(0, end - 40)
    while start > limit and (text[start - 1].isalnum() or text[start - 1] in ".º°ª/&'’-"):
        start -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return text[start:end], start


def _word_after(text: str, start: int) -> str:
    end = start
    limit = min(len(text), start + 40)
    while end < limit and (text[end].isalnum() or text[end] in "-'’"):
        end += 1
    return text[start:end]


def _protected(length: int, pairs: tuple[QuotePair, ...]) -> list[bool]:
    """``out[p]`` says whether a cut at ``p`` would fall inside a paired quotation."""
    diff = [0] * (length + 2)
    for pair in pairs:
        diff[pair.open + 1] += 1
        diff[pair.close + 1] -= 1
    out: list[bool] = []
    depth = 0
    for p in range(length + 1):
        depth += diff[p]
        out.append(depth > 0)
    return out


def _keeps_going(
    text: str, match: re.Match[str], next_start: int, sentence_start: int, abbr: _Abbreviations
) -> bool:
    """Whether a period is part of an abbreviation, an initial or a list number rather than an end."""
    punct = match.group().rstrip(_CLOSERS_AFTER_END)
    if punct != ".":
        return False
    word, word_start = _word_before(text, match.start())
    if not word:
        return False
    lower = word.lower()
    following = _word_after(text, next_start)
    # a quotation or a dash opening after the period starts a sentence ("… 5:30 a.m. “I will …”")
    starts_sentence = following.lower() in abbr.starters or text[next_start] in '“«"‘—–'
    next_is_initial = len(following) == 1 and text[next_start + 1 : next_start + 2] == "."
    if lower in abbr.always:
        return True
    if lower in abbr.terminal or _DOTTED_ACRONYM.fullmatch(word):
        return not starts_sentence or next_is_initial
    if len(word) == 1 and word.isalpha() and word.isupper():
        return not starts_sentence or next_is_initial
    return word.isdigit() and word_start == sentence_start


def split_line(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries of one line as ``(start, end)`` offsets into it, trimmed of spaces."""
    abbr = _abbreviations(language)
    marks = pair_quotation_marks(text)
    protected = _protected(len(text), marks.pairs)
    cuts: list[int] = []
    sentence_start = len(text) - len(text.lstrip())
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        next_start = end
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        if next_start >= len(text):
            break
        first = text[next_start]
        if first.islower() or first in ",;:" or protected[end]:
            continue
        if _keeps_going(text, match, next_start, sentence_start, abbr):
            continue
        cuts.append(end)
        sentence_start = next_start
    bounds: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        chunk = text[start:cut]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            bounds.append((start + lead, start + trail))
        start = cut
    return bounds


def find_dateline(text: str) -> int | None:
    """End offset of an agency or capitalised-place dateline that opens a line, if there is one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, date, agency = match.group("place"), match.group("date"), match.group("agency")
    words = [w for w in place.split() if w.lower() not in _DATELINE_CONNECTORS]
    if not words or not all(w[0].isupper() for w in words):
        return None
    if date is not None and not any(c.isdigit() for c in date):
        return None
    letters = [c for c in place if c.isalpha()]
    if agency is None and not (len(letters) >= 3 and all(c.isupper() for c in letters)):
        return None
    if agency is not None and not agency.strip()[:1].isupper():
        return None
    return match.end()


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of the kept body lines (headline excluded), ids ``s1``, ``s2``, … in text order."""
    sentences: list[Sentence] = []
    dateline_lines_left = 3
    for span, text in article.kept_lines():
        if article.title_span is not None and article.title_span.overlaps(span):
            continue
        offset = 0
        if dateline_lines_left > 0:
            dateline_lines_left -= 1
            end = find_dateline(text)
            if end is not None:
                dateline_lines_left = 0
                head = text[:end].rstrip()
                sentences.append(_sentence(len(sentences), span.start, 0, len(head), head))
                offset = end
        rest = text[offset:]
        for start, stop in split_line(rest, article.language):
            sentences.append(
                _sentence(len(sentences), span.start, offset + start, offset + stop, rest[start:stop])
            )
    return sentences


def _sentence(index: int, line_start: int, start: int, end: int, text: str) -> Sentence:
    return Sentence(f"s{index + 1}", text, Span(line_start + start, line_start + end))
