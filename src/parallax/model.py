"""The domain model: small typed records that flow one way through the pipeline.

Every extracted item carries a :class:`Span` of character offsets into the
article's ``text`` (the source text as read, after decoding and NFC
normalisation), so that ``article.text[span.start:span.end]`` is the item's text.
That single rule is what lets an analyst jump from any claim back to the words
an outlet actually printed.

All records serialise to plain JSON-compatible dicts with :func:`to_dict` and
come back with :func:`from_dict`; the report format is built from them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "partial", "indirect"]
ClaimStatus = Literal["corroborated", "conflicting", "single_source"]
Relation = Literal["equivalent", "subsumes", "overlaps", "elaborates", "conflicts", "attribution"]
CreditKind = Literal[
    "dateline",  # "Brasília, 12 de março (Reuters) –"
    "attribution",  # "segundo a agência Lusa", "informou a AFP"
    "byline",  # "Por Fulano, da Reuters" / "Da Agência Brasil"
    "with_agencies",  # "com agências", "con agencias", "with wires"
    "embedded_post",  # an embedded social post from an agency account
    "copied",  # silently copied: near-verbatim text of another outlet's agency material
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)


@dataclass(slots=True)
class Source:
    """Where an article came from: the file ``path`` it was read from (``-`` for stdin)
    and, when the input names one, the ``url`` it was published at."""

    path: str | None = None
    url: str | None = None

    @property
    def key(self) -> str:
        """Stable identity of the source across versions of its content: the URL when known."""
        return self.url or self.path or "-"

    @property
    def label(self) -> str:
        """How to name this input to the user: the path they gave (``<stdin>`` for ``-``), else the URL."""
        if self.path == "-":
            return "<stdin>"
        return self.path or self.url or "<unknown>"


@dataclass(slots=True)
class RemovedLine:
    """A line of the source that is not article body, kept with the reason."""

    text: str
    reason: str  # e.g. "share_prompt", "teaser", "social_embed", "advert", "navigation"
    span: Span


@dataclass(slots=True)
class Credit:
    """Evidence that an article relies on a news agency."""

    agency: str  # canonical agency name, e.g. "Reuters", "Agência Lusa"
    kind: CreditKind
    text: str  # the evidence as printed
    span: Span | None = None  # None only for credits inferred across articles ("copied")
    source_article: str | None = None  # for "copied": the article it was copied from


@dataclass(slots=True)
class Sentence:
    id: str  # "s1", "s2", ... unique within the article
    text: str
    span: Span


@dataclass(slots=True)
class EntityMention:
    text: str
    type: EntityType
    span: Span
    entity: str | None = None  # id of the merged Entity, set by the merge stage
    kind: Literal["name", "nominal", "demonym"] = "name"  # "o presidente brasileiro" is nominal


@dataclass(slots=True)
class Entity:
    """An entity merged within and across articles."""

    id: str
    name: str  # canonical name
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    kb_id: str | None = None  # e.g. a Wikidata id from the shipped knowledge base


@dataclass(slots=True)
class Speaker:
    name: str  # surface form as printed, or the resolved canonical name
    entity: str | None = None  # merged Entity id when resolved
    span: Span | None = None  # where the speaker is named in this article


@dataclass(slots=True)
class Quote:
    text: str  # without the quotation marks
    span: Span
    kind: QuoteKind
    cue: str | None = None  # reporting verb or phrase: "disse", "segundo", "afirmou"
    speaker: Speaker | None = None


@dataclass(slots=True)
class Quantity:
    text: str  # the whole expression as printed, qualifier included: "pelo menos 12 mortos"
    span: Span
    value: float | None  # the number as stated
    low: float | None = None  # interval implied by the qualifier ("mais de 12" -> low=12, high=None)
    high: float | None = None
    unit: str | None = None  # "%", "BRL", "USD", "EUR", "hour", "minute", "day", ... or None for counts
    #: normalised: "more_than", "at_least", "about", "up_to", "almost", "less_than", "range"
    qualifier: str | None = None
    about: str | None = None  # lemma of the thing counted: "morto", "pessoa", "caminhão"


@dataclass(slots=True)
class DateExpression:
    text: str
    span: Span
    #: ISO 8601: a day ("2025-03-13"), a week ("2025-W10", e.g. "na semana passada"),
    #: a month ("2025-03") or a year ("2025")
    value: str | None
    relative: bool = False  # resolved against the publication date


@dataclass(slots=True)
class Duplicate:
    """This article repeats an earlier one: the same text (``exact``) or nearly (``near``)."""

    article: str  # id of the earlier article (the original)
    kind: Literal["exact", "near"]
    #: estimated Jaccard similarity of the kept bodies' word shingles (1.0 for an exact duplicate)
    similarity: float


@dataclass(slots=True)
class VersionChange:
    """How this version of a source differs from the previous one (set by the workspace)."""

    previous: str  # article id of the previous version
    previous_version: int
    lines_added: int  # kept body lines
    lines_removed: int
    title_changed: bool = False
    #: a unified diff of the kept body lines, capped (see the store's MAX_DIFF_LINES)
    diff: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """One version of one news report and everything Parallax found in it."""

    id: str
    source: Source
    text: str  # the source text as read (decoded, NFC); every Span indexes this
    content_hash: str  # sha256 of the normalised body text
    version: int = 1
    outlet: str | None = None
    title: str | None = None
    title_span: Span | None = None
    language: str | None = None  # ISO 639-1: "pt", "en", "es"
    #: ISO 8601 date or datetime as the source states it, offset kept ("2025-03-14T10:30:00-03:00"),
    #: so that "ontem" resolves against the outlet's local date; the store adds a UTC column
    published: str | None = None
    body: Span | None = None  # where the article proper starts and ends (after any header block)
    removed: list[RemovedLine] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)
    duplicate_of: Duplicate | None = None
    change: VersionChange | None = None

    def at(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def kept_lines(self) -> list[tuple[Span, str]]:
        """Body lines that were not removed by cleaning, with their spans."""
        body = self.body or Span(0, len(self.text))
        removed = sorted(r.span for r in self.removed)
        out: list[tuple[Span, str]] = []
        pos = body.start
        for line in self.text[body.start : body.end].splitlines(keepends=True):
            stripped = line.rstrip("\r\n")
            lead = len(stripped) - len(stripped.lstrip())
            text = stripped.strip()
            span = Span(pos + lead, pos + lead + len(text))
            pos += len(line)
            if text and not any(r.overlaps(span) for r in removed):
                out.append((span, text))
        return out


@dataclass(slots=True)
class Evidence:
    article: str
    span: Span
    text: str


@dataclass(slots=True)
class ConflictValue:
    article: str
    text: str
    value: Any  # a number, an interval [low, high], an ISO date, or a string


@dataclass(slots=True)
class Conflict:
    attribute: str  # what differs: "morto", "duração", "data", ...
    values: list[ConflictValue] = field(default_factory=list)
    #: True when the stated intervals overlap ("pelo menos 12" vs "15"): the figures differ
    #: but need not contradict each other; False for a hard contradiction ("mais de 3 h" vs "cerca de 2 h")
    compatible: bool = False


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    status: ClaimStatus
    independent_sources: int
    evidence: list[Evidence] = field(default_factory=list)
    conflict: Conflict | None = None


@dataclass(slots=True)
class QuoteVariant:
    article: str
    text: str
    span: Span


@dataclass(slots=True)
class QuoteGroup:
    speaker: str  # canonical speaker name
    variants: list[QuoteVariant] = field(default_factory=list)
    entity: str | None = None


@dataclass(slots=True)
class SpanRef:
    article: str
    span: Span


@dataclass(slots=True)
class Alignment:
    a: SpanRef
    b: SpanRef
    relation: Relation
    score: float


@dataclass(slots=True)
class Story:
    id: str
    title: str
    date: str | None
    articles: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quote_groups: list[QuoteGroup] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)


@dataclass(slots=True)
class Rejected:
    """An input that could not be analysed, and why (named on stderr too)."""

    input: str
    reason: str


@dataclass(slots=True)
class Batch:
    """What a pipeline stage receives and returns.

    Document-level stages only read and replace ``articles``; corpus-level
    stages (merging, stories, comparison) may also fill ``entities`` and
    ``stories``.
    """

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


# --------------------------------------------------------------------------- JSON

T = TypeVar("T")

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def to_dict(obj: Any) -> Any:
    """Serialise a model object (or list/dict of them) to JSON-compatible data.

    Spans become ``[start, end]`` pairs, the compact form used in reports.
    """
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type[T], data: Any) -> T:
    """Inverse of :func:`to_dict` for a model class."""
    return typing.cast(T, _convert(cls, data))


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _convert(args[0], data)
        return data  # unions of scalars (e.g. Any-ish values) pass through
    if origin is list:
        (item,) = get_args(tp)
        return [_convert(item, x) for x in data]
    if origin is dict:
        _, val = get_args(tp)
        return {k: _convert(val, v) for k, v in data.items()}
    if origin is Literal or tp is Any:
        return data
    if tp is Span:
        start, end = data
        return Span(int(start), int(end))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {name: _convert(hints[name], value) for name, value in data.items() if name in hints}
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data
