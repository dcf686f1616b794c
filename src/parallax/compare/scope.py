"""What a stated figure is about beyond its attribute: when two figures can be one fact.

Two figures with one attribute ("morto", "distância") are the same fact of the same
event only when a journalist would read them so. These readings of a figure's words and
of its sentence keep apart figures that share an attribute but not a subject:

* **time** (:func:`era_of`): a sentence holding a date that ends before the story's
  window (31 days before its first article's publication date; in a story with no
  publication date, any date written with its year) is about another time: "Niigata foi
  atingida em outubro de 2004 …", "… em 1966". A later date is a plan or a forecast of
  the story itself ("uma última alta de 0,5 ponto em maio"). So is the next sentence
  when it carries on (it opens with a pronoun or names a person of the dated one, and has
  no date of its own): "Ela matou 16 pessoas". A date after "desde", "até" or "a partir
  de" bounds a period that reaches the story ("o maior patamar desde 2016") and anchors
  nothing, unless a clause about it follows ("desde 1966, quando 15 foram mortos").
  Figures are compared only within one time: the story's own, or one year.
* **part**: a figure marked as a part or an increment is another quantity than a total:
  "duas primeiras etapas", "mais dois ouros", "três novos casos", "22 das vítimas",
  "sendo dez na capital", and "outros quatro ônibus" once the article has counted buses
  ("outros 26 feridos" after a death toll is the whole count of the injured).
* **modifiers** (counts): an adjective or participle right after the counted noun ("casas
  inundadas", "agências bancárias") or a "sem", "com", "contra" or bare "de" phrase
  ("casas sem água", "pontes de safena", "vitórias contra a Argentina") says which things
  are counted; two counts are one figure only when their modifiers agree.
* **head** (distances): the noun the measure belongs to ("260 km da costa", "17 km de
  profundidade").
* **owner** (ages): the person an age belongs to: the nearest person named before it in
  its sentence, else the first named after it.

Figures that agree (the same value) need only the same time and, for ages, no two
different owners: a shared value is already strong evidence of one fact. Figures that
differ must also be wholes, with the same modifiers, head and (known) owner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from parallax.compare.conflicts import Figure
from parallax.model import Article, DateExpression, Quantity, Span
from parallax.stories.text import fold_word, words
from parallax.text import fold


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


WINDOW_DAYS = 31  # how long before its first report a story's own events may lie
AGE = "idade"
DISTANCE = "distância"

#: words that make a figure a part or an increment, inside the quantity or right before it
_PART_WORDS = _word_set(
    "primeiros primeiras ultimos ultimas novos novas demais restantes "
    "first last new further additional remaining primeros nuevos nuevas demas"
)
#: "mais dois ouros", "another 5": right before the number (inside it, "mais de" is a qualifier)
_INCREMENT_BEFORE = frozenset({"mais", "another"})
#: "outros quatro ônibus": an increment when the article has counted the same thing before
_OTHER = frozenset({"outros", "outras", "other", "otros", "otras"})
#: a breakdown of a total named before: "sendo dez na região do ABC", "dos quais três"
_BREAKDOWN_BEFORE = re.compile(
    r"(?:\bsendo|\bincluindo|\bdos quais|\bdas quais|\bentre eles|\bentre elas|\bincluding|\bamong them"
    r"|\bsiendo|\bincluyendo|\bde los cuales|\bde las cuales)\s*$"
)
#: "22 das vítimas", "three of the victims": a part of a group
_PARTITIVE_AFTER = re.compile(r"^\s*(?:dos|das|deles|delas|of the|of them|de los|de las|de ellos|de ellas)\b")
#: "desde 2016", "até março": the date bounds a period that reaches the story
_BOUND_BEFORE = re.compile(r"(?:\bdesde|\bate|\ba partir de|\bsince|\buntil|\bhasta)\s*$")
_BOUND_START = re.compile(r"^(?:desde|ate|a partir de|since|until|hasta)\b")
#: "desde 1966, quando 15 foram mortos": a clause about the bounding date itself
_CLAUSE_ON_DATE = re.compile(r"^\s*,?\s*(?:quando|when|cuando)\b", re.IGNORECASE)
_PRONOUNS = _word_set("ele ela eles elas he she they el ellos ellas")
_ARTICLES = _word_set("a o as os um uma uns umas the el la los las")
#: prepositions whose phrase after a counted noun says which things are counted
_RESTRICTING = _word_set("sem com contra without with against sin con")
_COMPOUND = "de"  # "pontes de safena": a bare "de" (no article) joins a compound noun
#: adjectives and participles by their endings (folded), for the word right after a counted noun
_ADJECTIVE = re.compile(r"(?:ad|id|ari|ic|iv|os|eir)[oa]s?$|(?:ais|al|ense|enses)$")
_IRREGULAR_PARTICIPLES = _word_set("morto morta mortos mortas preso presa presos presas feito feita")
_ADJECTIVE_MIN = 5
_DIRECTLY_AFTER = re.compile(r"\s+[^\W\d_]")  # a word, nothing but white space before it
#: words skipped before a distance's head noun: "a 260 km da costa"
_HEAD_SKIP = _word_set("de da do das dos a ao aos o os as em no na nos nas of the from del la el los al")


@dataclass(frozen=True, slots=True)
class Scope:
    """What narrows a figure beyond its attribute (see the module doc)."""

    part: bool = False
    modifiers: frozenset[str] = frozenset()
    head: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure as one sentence states it: its reading, where it is printed and its scope."""

    figure: Figure
    span: Span
    scope: Scope


@dataclass(frozen=True, slots=True)
class Window:
    """Where a story's own time starts; unknown (None) when none of its articles has a publication date."""

    start: date | None = None


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def story_window(articles: Sequence[Article]) -> Window:
    """The story's time starts a month before its first publication date."""
    days = [d for a in articles if (d := _day(a.published)) is not None]
    return Window(min(days) - timedelta(days=WINDOW_DAYS)) if days else Window()


def date_range(value: str) -> tuple[date, date] | None:
    """First and last day of an ISO day, week (``2025-W10``), month or year value."""
    try:
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
        if "-W" in value:
            start = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return start, start + timedelta(days=6)
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        day = date.fromisoformat(value[:10])
        return day, day
    except ValueError:
        return None


def _bounds_a_period(text: str, d: DateExpression) -> bool:
    """A date after "desde" or "até" ("desde 2016") bounds a period: it is not the time of the sentence."""
    head = fold(text[max(0, d.span.start - 16) : d.span.start])
    if not (_BOUND_BEFORE.search(head) or _BOUND_START.match(fold(d.text))):
        return False
    return not _CLAUSE_ON_DATE.match(text[d.span.end : d.span.end + 12])


def era_of(article: Article, span: Span, window: Window) -> frozenset[str]:
    """Years of the dates of ``span`` that end before the story's window: empty for the story's own time."""
    years: set[str] = set()
    for d in article.dates:
        if not (span.start <= d.span.start < span.end) or not d.value or _bounds_a_period(article.text, d):
            continue
        if window.start is not None:
            bounds = date_range(d.value)
            if bounds is not None and bounds[1] < window.start:
                years.add(d.value[:4])
        elif not d.relative:
            years.add(d.value[:4])
    return frozenset(years)


def continues(article: Article, previous: Span, span: Span, text: str) -> bool:
    """The sentence carries on the previous one: it opens with a pronoun or names one of its persons,
    and has no date of its own."""
    if any(span.start <= d.span.start < span.end for d in article.dates):
        return False
    first = words(text[:40])
    if first and fold(first[0][2]) in _PRONOUNS:
        return True
    people = {
        _person_key(m.entity, m.text)
        for m in article.entities
        if m.type == "PER" and _inside(m.span, previous)
    }
    return any(
        _person_key(m.entity, m.text) in people
        for m in article.entities
        if m.type == "PER" and _inside(m.span, span)
    )


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start < outer.end


def _person_key(entity: str | None, text: str) -> str:
    return entity or "~" + fold(text)


def _is_adjective(word: str) -> bool:
    w = fold(word)
    if not word[:1].islower() or len(w) < _ADJECTIVE_MIN:
        return False
    return bool(_ADJECTIVE.search(w)) or w in _IRREGULAR_PARTICIPLES


def _noun(word: str) -> str:
    """A folded noun without its plural: "águas" and "água" agree."""
    w = fold(word)
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def _adjective(word: str) -> str:
    """A folded adjective without number and gender: "inundadas" and "inundado" agree."""
    w = _noun(word)
    return w[:-1] + "o" if w.endswith("a") else w


def _modifiers(after: str) -> frozenset[str]:
    """The first word or phrase after a counted noun that says which things are counted (module doc)."""
    if not _DIRECTLY_AFTER.match(after):
        return frozenset()
    tokens = [w for _, _, w in words(after[:80])]
    first = tokens[0]
    if _is_adjective(first):
        return frozenset({_adjective(first)})
    lead = fold(first)
    rest = [w for w in tokens[1:3] if fold(w) not in _ARTICLES]
    if lead in _RESTRICTING and rest:
        return frozenset({f"{lead} {_noun(rest[0])}"})
    if lead == _COMPOUND and len(tokens) > 1 and tokens[1][:1].islower() and fold(tokens[1]) not in _ARTICLES:
        return frozenset({f"{lead} {_noun(tokens[1])}"})
    return frozenset()


def _head(after: str) -> str | None:
    """The noun a distance belongs to: the first word after it that is not a preposition or article."""
    for _, _, w in words(after[:60]):
        if fold(w) in _HEAD_SKIP:
            continue
        return _noun(w) if w.isalpha() else None
    return None


def _owner(article: Article, span: Span, q: Quantity) -> str | None:
    """The person an age belongs to: the nearest person named before it in the sentence, else after it."""
    people = [
        m
        for m in article.entities
        if m.type == "PER" and (m.kind == "name" or m.entity) and _inside(m.span, span)
    ]
    before = [m for m in people if m.span.end <= q.span.start]
    if before:
        m = max(before, key=lambda m: m.span.end)
        return _person_key(m.entity, m.text)
    after = [m for m in people if m.span.start >= q.span.end]
    if after:
        m = min(after, key=lambda m: m.span.start)
        return _person_key(m.entity, m.text)
    return None


def scope_of(article: Article, span: Span, q: Quantity, f: Figure, counted_before: bool) -> Scope:
    """The scope of quantity ``q`` read as ``f`` in the sentence ``span``; ``counted_before`` says whether the
    article stated a figure with the same key earlier (then "outros" makes this one an increment)."""
    before = article.text[max(span.start, q.span.start - 40) : q.span.start].casefold()
    after = article.text[q.span.end : span.end]
    inside = [fold_word(w) for _, _, w in words(q.text)]
    last = [fold_word(w) for _, _, w in words(before)][-1:]
    part = (
        any(w in _PART_WORDS for w in [*inside, *last])
        or any(w in _INCREMENT_BEFORE for w in last)
        or (counted_before and any(w in _OTHER for w in [*inside, *last]))
        or bool(_BREAKDOWN_BEFORE.search(before))  # the cue words have no accents: case folding will do
        or bool(_PARTITIVE_AFTER.match(after[:20].casefold()))
    )
    modifiers: frozenset[str] = frozenset()
    head = owner = None
    if f.attribute == AGE:
        owner = _owner(article, span, q)
    elif f.attribute == DISTANCE:
        head = _head(after)
    elif f.key.startswith("about:") and f.attribute == q.about:  # a refined "pessoas" carries its own words
        modifiers = _modifiers(after)
    return Scope(part=part, modifiers=modifiers, head=head, owner=owner)


def same_time(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two eras are one time: both the story's own, or sharing a year."""
    return a == b or bool(a & b)


def may_agree(a: Scope, b: Scope) -> bool:
    """Two equal values can be one fact unless they are ages of two different people."""
    return a.owner is None or b.owner is None or a.owner == b.owner


def may_differ(a: Scope, b: Scope, attribute: str) -> bool:
    """Two different values are one fact stated differently: both wholes, the same modifiers and head,
    and for ages the same known person."""
    if a.part or b.part or a.modifiers != b.modifiers or a.head != b.head:
        return False
    return attribute != AGE or (a.owner is not None and a.owner == b.owner)
