"""Who said what: direct, partial and indirect quotes with their speakers.

The rules are written for news prose in Portuguese, English and Spanish, with
the lexicons under ``parallax.nlp.lang.<code>.speech``:

- **direct**: a quotation in “…”, "…", «…», ‘…’ that stands as a sentence or a
  clause, framed by a speech verb before (``O prefeito afirmou: “…”``) or after
  (``“…”, disse o prefeito.``, ``"…," Smith said.``) or by nothing at all, and
  dash-introduced speech (``— Estamos a trabalhar, disse o ministro.``,
  ``—Es un día histórico —dijo Sánchez—.``). Without a frame, the speaker comes
  from the sentence before in the same paragraph (a continued quote, a speech
  verb, a named subject) or from a paragraph that ends with a colon.
- **partial**: a quoted fragment inside running text, kept only when the
  sentence has a speech cue and the fragment does not read as a name or a
  title (``Lula classificou o ataque como “inaceitável”``, but not ``a
  operação “Lava Jato”``).
- **indirect**: ``X disse que …``, ``segundo X, …``, ``…, disse X.``; the text
  is the reported clause, from the word after "que"/"that" (or after
  ``segundo X,``) to the end of the sentence, final period excluded. When the
  clause holds a partial quote, only the partial quote is reported (the
  convention of ``tests/gold``).

Speakers keep their surface form. A proper name inside the speaker phrase is
preferred ("o prefeito de Santa Maria, João Silva" -> "João Silva", "o
presidente Lula" -> "Lula"); a role phrase stays as printed ("o ministro da
Saúde") for the merge stage to link. Entity mentions, when the entity stage
has provided them, give the name boundaries; otherwise capitalised runs do.
Pronoun and zero subjects resolve to the most recent explicit speaker: a
singular personal pronoun ("Ele disse que…", "she said") to the last person
named as a speaker or as a sentence subject ("Gabriel Galípolo não deu
entrevista. … ele tem repetido que …"); a zero subject ("Disse ainda que…",
"“…”, afirmou.") to the sentence before, else to the most recent speaker or
person.

Quotations are paired within a line. A quotation opened and not closed in its
line (the press habit of re-opening a quote at each paragraph of a long
statement) runs to the end of the line when it starts a sentence or follows a
colon; its speaker comes from the next paragraph's quote when it has none.
The headline is not a sentence, but its quotes count ("Lula diz que …").

Every step walks a sentence left to right with bounded look-around, so the
time stays linear in the input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from parallax.model import Article, Quote, Sentence, Span, Speaker
from parallax.nlp.kb import Person, load_kb
from parallax.nlp.lang import resources
from parallax.nlp.sentences import QuoteMarks, pair_quotation_marks, split_sentences

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_DASHES = frozenset("—–-")
_QUOTE_MARKS = frozenset('“”«»"‘’')
_HARD_STOPS = frozenset(".;:!?…()[]") | _QUOTE_MARKS
_SENTENCE_PUNCTUATION = frozenset('.!?…—–-“"«:')
#: Sentence id given to the headline, which is searched for quotes but is not a sentence.
_HEADLINE = "title"
#: Longest run of tokens taken as one name or one role phrase.
_LONGEST_NAME = 12
#: How far back (tokens) the subject of a speech verb is looked for.
_SUBJECT_REACH = 40
#: How many words after a quotation a speech verb may sit and still frame it.
_FRAME_REACH = 6
#: How many tokens "que"/"that" may follow its speech verb.
_COMPLEMENT_REACH = 16


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class _Lexicon:
    say: frozenset[str]
    frame: frozenset[str]
    participles: frozenset[str]
    auxiliaries: frozenset[str]
    infinitives: frozenset[str]
    governors: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    relatives: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    opinion: frozenset[str]
    pronouns: frozenset[str]
    singular_pronouns: frozenset[str]
    pronoun_genders: dict[str, str]
    masculine: frozenset[str]
    feminine: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_words: frozenset[str]
    determiners: frozenset[str]
    heads: frozenset[str]
    connectors: frozenset[str]
    prepositions: frozenset[str]
    function_words: frozenset[str]
    title_cues: frozenset[str]
    naming_words: frozenset[str]
    institutions: frozenset[str]
    headline_cuts: frozenset[str]
    verb_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]
    contractions: frozenset[str]
    adverbs: frozenset[str]
    conjunctions: frozenset[str]
    coordinators: frozenset[str]
    bare_clause_verbs: frozenset[str]
    object_verbs: frozenset[str]
    clause_skippable: frozenset[str]
    clause_openers: frozenset[str]
    clitics: frozenset[str]
    titles: frozenset[str]


@lru_cache(maxsize=8)
def _lexicon(language: str | None) -> _Lexicon:
    m = resources(language, "speech")
    phrases = sorted((tuple(p.split()) for p in m.ATTRIBUTION_PHRASES), key=len, reverse=True)
    return _Lexicon(
        say=m.SAY_VERBS,
        frame=m.FRAME_VERBS,
        participles=m.PARTICIPLES,
        auxiliaries=m.PERFECT_AUXILIARIES,
        infinitives=m.INFINITIVES,
        governors=tuple(tuple(g.split()) for g in m.INFINITIVE_GOVERNORS),
        complementizers=m.COMPLEMENTIZERS,
        relatives=m.RELATIVES,
        attribution=tuple(phrases),
        opinion=m.OPINION_PREPOSITIONS,
        pronouns=m.SUBJECT_PRONOUNS,
        singular_pronouns=m.SINGULAR_PRONOUNS,
        pronoun_genders=m.PRONOUN_GENDERS,
        masculine=m.MASCULINE_DETERMINERS,
        feminine=m.FEMININE_DETERMINERS,
        organisation_heads=m.ORGANISATION_HEADS,
        organisation_words=m.ORGANISATION_WORDS,
        determiners=m.DETERMINERS,
        heads=m.SPEAKER_HEADS,
        connectors=m.NAME_CONNECTORS,
        prepositions=m.PREPOSITIONS,
        function_words=m.FUNCTION_WORDS,
        title_cues=m.TITLE_CUES,
        naming_words=m.NAMING_WORDS,
        institutions=m.INSTITUTION_WORDS,
        headline_cuts=m.HEADLINE_CUTS,
        verb_endings=m.VERB_ENDINGS,
        infinitive_endings=m.INFINITIVE_ENDINGS,
        contractions=m.CONTRACTIONS,
        adverbs=m.ADVERBS,
        conjunctions=m.CONJUNCTIONS,
        coordinators=m.COORDINATORS,
        bare_clause_verbs=m.BARE_CLAUSE_VERBS,
        object_verbs=m.OBJECT_VERBS,
        clause_skippable=m.CLAUSE_SKIPPABLE,
        clause_openers=m.CLAUSE_OPENERS,
        clitics=m.CLITICS,
        titles=frozenset(a for a in resources(language, "abbreviations").ABBREVIATIONS if len(a) > 1),
    )


# --------------------------------------------------------------------------- tokens and candidates


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int  # offsets into Article.text
    end: int
    lower: str
    quoted: bool = False  # inside a quotation: never a speaker or a speech verb of the frame

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capital(self) -> bool:
        return self.text[0].isupper()


def _tokens(text: str, offset: int, quoted: Sequence[tuple[int, int]] = ()) -> list[_Token]:
    """Tokens with article offsets; ``quoted`` holds sorted, disjoint (open mark, close mark) pairs."""
    out: list[_Token] = []
    r = 0
    for m in _TOKEN.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        while r < len(quoted) and quoted[r][1] < start:
            r += 1
        inside = r < len(quoted) and quoted[r][0] < start and end <= quoted[r][1]
        out.append(_Token(m.group(), start, end, m.group().lower(), inside))
    return out


CandidateKind = Literal["name", "nominal", "pronoun"]


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A speaker phrase found in the text."""

    text: str
    span: Span
    kind: CandidateKind


@dataclass(frozen=True, slots=True)
class _Found:
    """A candidate with the token range it covers (``last`` exclusive)."""

    candidate: _Candidate
    first: int
    last: int


#: A speech verb with no subject printed at all ("…, afirmou.").
_ZERO = _Candidate("", Span(0, 0), "pronoun")


@dataclass(slots=True)
class _Context:
    """What the extractor knows about one article while it walks through it."""

    article: Article
    lex: _Lexicon
    entity_names: dict[int, int]  # start -> end of PER/ORG name mentions from the entity stage
    place_spans: dict[int, int]  # start -> end of LOC mentions: places are never speakers
    persons: frozenset[int]  # starts of PER mentions
    lower_words: frozenset[str]  # words the article prints in lower case somewhere (common nouns)
    person_spans: tuple[Span, ...] = ()  # PER mentions of the entity stage, in text order
    genders: dict[str, str | None] = field(default_factory=dict)  # name -> "m"/"f"/None, once found
    last_speaker: Speaker | None = None
    last_person: Speaker | None = None  # antecedent of "ele"/"she"/"él": the last person named as a subject

    def is_person(self, candidate: _Candidate) -> bool:
        """Whether a speaker phrase names one person rather than an institution or a group."""
        if candidate.kind == "pronoun" or not candidate.text:
            return False
        if candidate.span.start in self.entity_names:
            return candidate.span.start in self.persons
        words = candidate.text.lower().split()
        if candidate.kind == "nominal":
            return not any(w in self.lex.organisation_heads for w in words[:4])
        return not candidate.text.isupper() and words[0] not in self.lex.organisation_words

    def candidate(self, tokens: Sequence[_Token], first: int, last: int, kind: CandidateKind) -> _Candidate:
        span = Span(tokens[first].start, tokens[last - 1].end)
        return _Candidate(self.article.at(span), span, kind)


def _context(article: Article) -> _Context:
    names: dict[int, int] = {}
    places: dict[int, int] = {}
    persons: set[int] = set()
    for mention in article.entities:
        if mention.kind != "name":
            continue
        if mention.type in ("PER", "ORG"):
            names[mention.span.start] = max(mention.span.end, names.get(mention.span.start, 0))
            if mention.type == "PER":
                persons.add(mention.span.start)
        elif mention.type == "LOC":
            places[mention.span.start] = mention.span.end
    body = article.at(article.body) if article.body else article.text
    lower_words = frozenset(w for w in re.findall(r"[\w-]+", body[:300_000]) if w[0].islower())
    person_spans = tuple(sorted(m.span for m in article.entities if m.kind == "name" and m.type == "PER"))
    return _Context(
        article, _lexicon(article.language), names, places, frozenset(persons), lower_words, person_spans
    )


# --------------------------------------------------------------------------- speech verbs


def _matches_before(tokens: Sequence[_Token], i: int, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return i >= n and [t.lower for t in tokens[i - n : i]] == list(phrase)


def _is_cue(tokens: Sequence[_Token], i: int, ctx: _Context, *, frames: bool = True) -> bool:
    """Whether token ``i`` is a speech verb used as a verb (not "a conta", "para dizer", "foi dito")."""
    if i < 0 or i >= len(tokens):
        return False
    tok = tokens[i]
    if not tok.is_word or tok.quoted:
        return False
    word = tok.lower
    lex = ctx.lex
    if "-" in word:
        stem, _, clitic = word.partition("-")
        if clitic not in lex.clitics:
            return False
        word = stem
    prev = tokens[i - 1] if i > 0 else None
    if tok.is_capital and prev is not None and not tok.text.isupper() and prev.text not in ',:;“”"«»(—–-':
        return False
    if word in lex.say or (frames and word in lex.frame):
        return prev is None or (prev.lower not in lex.determiners and prev.lower not in lex.prepositions)
    if word in lex.participles:
        return prev is not None and prev.lower in lex.auxiliaries
    if word in lex.infinitives:
        return any(_matches_before(tokens, i, g) for g in lex.governors)
    return False


def _is_gerund(tok: _Token) -> bool:
    return tok.lower.endswith(("ndo", "ing"))


# --------------------------------------------------------------------------- names and role phrases


def _at_sentence_start(tokens: Sequence[_Token], i: int) -> bool:
    return i == 0 or (not tokens[i - 1].is_word and tokens[i - 1].text in _SENTENCE_PUNCTUATION)


def _is_name_token(tokens: Sequence[_Token], i: int, ctx: _Context) -> bool:
    tok = tokens[i]
    if not tok.is_word or not tok.is_capital or tok.text[0].isdigit() or tok.quoted:
        return False
    lex = ctx.lex
    if (tok.lower in lex.function_words and not _opens_name(tokens, i, ctx)) or tok.start in ctx.place_spans:
        return False
    if tok.lower in lex.say or tok.lower in lex.frame:
        return False
    if not _at_sentence_start(tokens, i) or tok.text.isupper():
        return True
    if tok.lower in lex.heads:
        return i + 1 < len(tokens) and tokens[i + 1].is_capital and tokens[i + 1].is_word
    return tok.lower not in ctx.lower_words


def _opens_name(tokens: Sequence[_Token], i: int, ctx: _Context) -> bool:
    """A preposition capitalised inside a sentence and followed by a capitalised word
    starts a name ("a consultoria Rumo Macro", "o Movimento Sem Terra"). Articles stay
    out ("segundo O Globo" → "Globo")."""
    lex = ctx.lex
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tokens[i].lower in lex.prepositions
        and tokens[i].lower not in lex.determiners
        and not _at_sentence_start(tokens, i)
        and tokens[i - 1].is_word
        and nxt is not None
        and nxt.is_word
        and nxt.is_capital
        and nxt.lower not in lex.function_words
    )


def _name_end(
    tokens: Sequence[_Token], i: int, ctx: _Context, limit: int, *, places: bool = False
) -> int | None:
    """End (exclusive) of a proper name starting at token ``i`` (a place only with ``places``), or None."""
    if i >= limit or tokens[i].quoted:
        return None
    entity_end = ctx.entity_names.get(tokens[i].start)
    if entity_end is None and places:
        entity_end = ctx.place_spans.get(tokens[i].start)
    if entity_end is not None:
        j = i
        while j < limit and tokens[j].end <= entity_end:
            j += 1
        if j == i:
            return None
        # a particle the entity stage cut the name at: "Ursula| von der Leyen"
        k = j
        while k < min(limit, j + 2) and tokens[k].lower in ctx.lex.connectors and not tokens[k].is_capital:
            k += 1
        end = k
        while (
            k > j
            and end < limit
            and _is_name_token(tokens, end, ctx)
            and tokens[end].start not in ctx.entity_names
        ):
            end += 1
        return end if end > k else j
    if not _is_name_token(tokens, i, ctx):
        return None
    j = i + 1
    limit = min(limit, i + _LONGEST_NAME)
    while j < limit:
        if _is_name_token(tokens, j, ctx):
            j += 1
        elif tokens[j].lower in ctx.lex.connectors and not tokens[j].is_capital:
            k = j + 1  # one or two connectors: "Lula da Silva", "von der Leyen", "de la Cruz"
            if k < limit and tokens[k].lower in ctx.lex.connectors and not tokens[k].is_capital:
                k += 1
            if k < limit and _is_name_token(tokens, k, ctx):
                j = k + 1
            else:
                break
        else:
            break
    return j


def _is_adjective(tok: _Token, ctx: _Context) -> bool:
    lex = ctx.lex
    return (
        tok.is_word
        and not tok.is_capital
        and not tok.text[0].isdigit()
        and not tok.quoted
        and tok.lower not in lex.function_words
        and tok.lower not in lex.say
        and tok.lower not in lex.frame
        and tok.lower not in lex.complementizers
        and not tok.lower.endswith(lex.verb_endings)
    )


def _complement_end(tokens: Sequence[_Token], j: int, ctx: _Context, limit: int) -> tuple[int, int | None]:
    """After "de/da/of" following a role noun: where the complement ends, and a name inside it if any.

    "ministro da Fazenda Fernando Haddad": the complement is "Fazenda" and a
    name starts at "Fernando"; "prefeito de Santa Maria" holds no name.
    """
    lex = ctx.lex
    k = j
    if k < limit and tokens[k].lower in lex.determiners:
        k += 1
    end = _name_end(tokens, k, ctx, limit, places=True)
    if end is not None:
        if tokens[k].lower in lex.institutions and tokens[k].start not in ctx.entity_names:
            m = k
            while m < end and (tokens[m].lower in lex.institutions or tokens[m].lower in lex.connectors):
                m += 1
            if end - m >= 2 and _is_name_token(tokens, m, ctx):
                return m, m
        return end, None
    if k < limit and _is_adjective(tokens[k], ctx) and not tokens[k].lower.endswith(lex.infinitive_endings):
        k += 1
        if k < limit and _is_adjective(tokens[k], ctx) and (k + 1 >= limit or not tokens[k + 1].is_word):
            k += 1
        return k, None
    return j, None


def _is_head(tokens: Sequence[_Token], h: int, ctx: _Context) -> bool:
    tok = tokens[h]
    if tok.lower not in ctx.lex.heads or tok.quoted:
        return False
    return not tok.is_capital or tok.text.isupper() or _at_sentence_start(tokens, h)


def _nominal(
    tokens: Sequence[_Token], i: int, ctx: _Context, limit: int
) -> tuple[_Found, _Found | None] | None:
    """A role phrase starting at ``i`` ("o ministro da Saúde"), with the name inside it if any."""
    lex = ctx.lex
    k = i
    tok = tokens[i]
    if tok.lower in lex.determiners or (tok.is_capital and tok.lower.endswith(("'s", "’s"))):
        k += 1
    head = None
    for h in range(k, min(k + 4, limit)):
        if _is_head(tokens, h, ctx):
            head = h
            break
        t = tokens[h]
        if not t.is_word or t.is_capital or t.lower in lex.prepositions or t.lower in lex.say:
            break
        if t.lower in lex.frame or (t.lower in lex.function_words and t.lower not in lex.determiners):
            break
    if head is None or (head > k and k == i):
        return None
    if ctx.article.language == "en":
        # English compounds put the head last: "a government spokesperson", "the company's chief"
        while head + 1 < min(limit, k + 5) and _is_head(tokens, head + 1, ctx):
            head += 1
    end = head + 1
    inner: _Found | None = None
    adjectives = 0
    limit = min(limit, head + _LONGEST_NAME)
    while end < limit:
        tok = tokens[end]
        name_end = _name_end(tokens, end, ctx, limit)
        if name_end is not None:
            inner = _Found(ctx.candidate(tokens, end, name_end, "name"), end, name_end)
            end = name_end
            break
        if tok.lower in lex.connectors or tok.lower in lex.contractions or tok.lower in ("of", "for"):
            new_end, name_at = _complement_end(tokens, end + 1, ctx, limit)
            if new_end == end + 1:
                break
            if name_at is not None:
                name_end = _name_end(tokens, name_at, ctx, limit)
                if name_end is not None:
                    inner = _Found(ctx.candidate(tokens, name_at, name_end, "name"), name_at, name_end)
                    end = name_end
                    break
            end = new_end
            continue
        if adjectives < 2 and _is_adjective(tok, ctx) and tok.lower not in lex.heads:
            adjectives += 1
            end += 1
            continue
        break
    return _Found(ctx.candidate(tokens, i, end, "nominal"), i, end), inner


def _candidate_at(tokens: Sequence[_Token], i: int, ctx: _Context, limit: int) -> _Found | None:
    """The speaker phrase starting at token ``i``; a name inside or in apposition wins over the role."""
    tok = tokens[i]
    if tok.quoted:
        return None
    if tok.lower in ctx.lex.pronouns:
        return _Found(ctx.candidate(tokens, i, i + 1, "pronoun"), i, i + 1)
    if tok.is_capital and tok.lower in ctx.lex.titles and i + 2 < limit and tokens[i + 1].text == ".":
        name_end = _name_end(tokens, i + 2, ctx, limit)  # "Sen. Elizabeth Warren", "Dra. Ana Lima"
        if name_end is not None:
            return _Found(ctx.candidate(tokens, i + 2, name_end, "name"), i, name_end)
    nominal = _nominal(tokens, i, ctx, limit)
    if nominal is not None:
        phrase, inner = nominal
        if inner is not None:
            return _Found(inner.candidate, phrase.first, inner.last)
        after = phrase.last
        if after + 1 < limit and tokens[after].text == ",":
            name_end = _name_end(tokens, after + 1, ctx, limit)
            if name_end is not None and (name_end >= limit or tokens[name_end].text in ",.;:—–-)"):
                return _Found(ctx.candidate(tokens, after + 1, name_end, "name"), phrase.first, name_end)
        return phrase
    name_end = _name_end(tokens, i, ctx, limit)
    if name_end is not None:
        return _Found(ctx.candidate(tokens, i, name_end, "name"), i, name_end)
    return None


def _after_preposition(
    tokens: Sequence[_Token], i: int, ctx: _Context, *, article_first: bool = False
) -> bool:
    """Whether the phrase at ``i`` is the object of a preposition ("à Globo", "ao ministro").

    Words that are both article and preposition (pt "a", "as") count as articles when
    capitalised, and also with ``article_first`` (right after a speech verb, "informou a
    Secretaria" names the speaker).
    """
    if i == 0:
        return False
    prev = tokens[i - 1]
    lex = ctx.lex
    if prev.lower in lex.determiners and prev.lower not in lex.prepositions and i >= 2:
        # "speaking at the White House": the article stands between the preposition and the name
        return tokens[i - 2].lower in lex.prepositions and not tokens[i - 2].quoted
    if prev.lower not in lex.prepositions:
        return False
    return not ((prev.is_capital or article_first) and prev.lower in lex.determiners)


# --------------------------------------------------------------------------- finding the speaker


def _candidates(tokens: Sequence[_Token], lo: int, hi: int, ctx: _Context) -> list[_Found]:
    """Speaker phrases in ``tokens[lo:hi]`` that are not objects of a preposition."""
    found: list[_Found] = []
    i = lo
    while i < hi:
        hit = _candidate_at(tokens, i, ctx, hi)
        if hit is None:
            i += 1
            continue
        if not _after_preposition(tokens, hit.first, ctx):
            found.append(hit)
        i = max(hit.last, i + 1)
    return found


def _relative_clause(tokens: Sequence[_Token], lo: int, cue: int, ctx: _Context) -> tuple[int, int] | None:
    """``(start, end)`` of a ", que …," clause right before a speech verb, to keep its nouns out."""
    k = cue - 1
    while k > lo and tokens[k].lower in ctx.lex.adverbs:
        k -= 1
    if k <= lo or tokens[k].text != ",":
        return None
    for r in range(lo, k - 1):
        if tokens[r].text == "," and tokens[r + 1].lower in ctx.lex.relatives:
            return r, k
    return None


def _speaker_before(tokens: Sequence[_Token], lo: int, cue: int, ctx: _Context) -> _Candidate | None:
    """The subject of a speech verb printed before it.

    The nearest speaker phrase before the verb, skipping objects of prepositions and the
    nouns of a ", que …," clause. After "e"/"and", or for a gerund after a comma ("…,
    saying"), the verb shares the subject of the clause before, so the first phrase wins.
    "Smith, the company's chief, said" gives the name before the role.
    """
    k = cue - 1
    while k >= lo and tokens[k].lower in ctx.lex.adverbs:
        k -= 1
    coordinated = k >= lo and (
        tokens[k].lower in ctx.lex.coordinators or (tokens[k].text == "," and _is_gerund(tokens[cue]))
    )
    if coordinated:
        start = max(0, k - _SUBJECT_REACH)
        for b in range(k - 1, start - 1, -1):
            if tokens[b].text in ":;" and not tokens[b].quoted:
                start = b + 1
                break
        subjects = _candidates(tokens, start, k, ctx)
        if subjects:
            return subjects[0].candidate
    window_lo = max(lo, cue - _SUBJECT_REACH)
    found = _candidates(tokens, window_lo, cue, ctx)
    relative = _relative_clause(tokens, window_lo, cue, ctx)
    if relative is not None:
        found = [f for f in found if not (relative[0] <= f.first < relative[1])]
    if not found:
        return None
    chosen = found[-1]
    if chosen.candidate.kind == "nominal" and len(found) > 1:
        previous = found[-2]
        if (
            previous.candidate.kind == "name"
            and previous.last < len(tokens)
            and tokens[previous.last].text == ","
            and previous.last + 1 == chosen.first
        ):
            return previous.candidate
    return chosen.candidate


def _speaker_after(tokens: Sequence[_Token], cue: int, hi: int, ctx: _Context) -> _Candidate | None:
    """The speaker printed after a speech verb ("disse o prefeito", "said Smith", "dijo él")."""
    i = cue + 1
    steps = 0
    while i < hi and steps < 10:
        tok = tokens[i]
        if tok.text in _HARD_STOPS or tok.lower in ctx.lex.complementizers or _is_cue(tokens, i, ctx):
            return None
        hit = _candidate_at(tokens, i, ctx, hi)
        if hit is not None and not _after_preposition(
            tokens, hit.first, ctx, article_first=hit.first == cue + 2
        ):
            return hit.candidate
        i = hit.last if hit is not None else i + 1
        steps += 1
    return None


def _speaker_of_cue(tokens: Sequence[_Token], cue: int, lo: int, hi: int, ctx: _Context) -> _Candidate:
    """Who a speech verb belongs to; ``_ZERO`` when no subject is printed."""
    return _speaker_before(tokens, lo, cue, ctx) or _speaker_after(tokens, cue, hi, ctx) or _ZERO


def _resolve(candidate: _Candidate, ctx: _Context) -> Speaker | None:
    """A quote's speaker; pronoun and zero subjects take the most recent explicit speaker.

    "ele"/"she"/"él" take the last person named as a speaker or a subject; other
    pronouns and zero subjects take the last speaker of any kind.
    """
    if candidate.kind == "pronoun":
        antecedent = _antecedent(candidate, ctx)
        return None if antecedent is None else Speaker(antecedent.name, None, antecedent.span)
    speaker = Speaker(candidate.text, None, candidate.span)
    ctx.last_speaker = speaker
    if ctx.is_person(candidate):
        ctx.last_person = speaker
    return speaker


def _antecedent(pronoun: _Candidate, ctx: _Context) -> Speaker | None:
    """ "ele"/"she" take the last person named; other pronouns and zero subjects the most recent of both."""
    word = pronoun.text.lower()
    if word in ctx.lex.singular_pronouns:
        wanted = ctx.lex.pronoun_genders.get(word)
        last = ctx.last_person
        if wanted is not None and (last is None or _gender(last, ctx) not in (None, wanted)):
            other = _recent_person(pronoun.span.start, wanted, ctx)
            if other is not None:
                return other  # "Sheinbaum habló con Trump. Él dijo …": the man, not the subject
        if last is not None:
            return last
    known = [s for s in (ctx.last_speaker, ctx.last_person) if s is not None]
    return max(known, key=lambda s: s.span.start if s.span else -1) if known else None


#: How many person mentions back a gendered pronoun looks for one of its gender.
_PRONOUN_REACH = 6


def _recent_person(position: int, wanted: str, ctx: _Context) -> Speaker | None:
    """The latest person mention before ``position`` known to be of gender ``wanted``."""
    k = bisect.bisect_left(ctx.person_spans, Span(position, position))
    for span in reversed(ctx.person_spans[max(0, k - _PRONOUN_REACH) : k]):
        speaker = Speaker(ctx.article.at(span), None, span)
        if _gender(speaker, ctx) == wanted:
            return speaker
    return None


def _gender(person: Speaker, ctx: _Context) -> str | None:
    """ "m"/"f" from the words printed before the name ("a ministra Tebet", "el presidente") or the KB."""
    if person.name in ctx.genders:
        return ctx.genders[person.name]
    found: str | None = None
    if person.span is not None:
        before = re.findall(r"[\w-]+", ctx.article.text[max(0, person.span.start - 60) : person.span.start])
        for word in reversed([w.lower() for w in before[-3:]]):
            if word in ctx.lex.masculine or word in ctx.lex.feminine:
                found = "m" if word in ctx.lex.masculine else "f"
                break
            if word in ctx.lex.say or word.endswith(ctx.lex.verb_endings) or not word[0].isalpha():
                break
    if found is None:
        record = load_kb().best(person.name, "PER")
        gender = record.gender if isinstance(record, Person) else None
        found = gender if gender in ("m", "f") else None
    ctx.genders[person.name] = found
    return found


def _remember(speaker: Speaker, ctx: _Context) -> Speaker:
    ctx.last_speaker = speaker
    return Speaker(speaker.name, None, speaker.span)


def _clause_start(tokens: Sequence[_Token], cue: int, ctx: _Context) -> int:
    """Where the clause of a speech verb starts: after a quotation, a colon, or an earlier "que"-clause."""
    for i in range(cue - 1, max(-1, cue - _SUBJECT_REACH - 1), -1):
        tok = tokens[i]
        if tok.quoted or tok.text in _QUOTE_MARKS or tok.text in ":;":
            return i + 1
        if tok.lower in ctx.lex.complementizers and any(
            _is_cue(tokens, m, ctx) for m in range(max(0, i - 12), i)
        ):
            return i + 1
    return max(0, cue - _SUBJECT_REACH)


# --------------------------------------------------------------------------- attribution phrases


def _attribution_end(tokens: Sequence[_Token], i: int, ctx: _Context) -> int | None:
    """End of an attribution phrase ("segundo", "de acordo com", "according to") starting at ``i``."""
    if i >= len(tokens) or tokens[i].quoted:
        return None
    if i > 0 and tokens[i - 1].text not in ",(—–-:" and tokens[i - 1].lower not in ctx.lex.conjunctions:
        return None
    for phrase in ctx.lex.attribution:
        n = len(phrase)
        if i + n > len(tokens):
            continue
        words = [t.lower for t in tokens[i : i + n]]
        if words[:-1] != list(phrase[:-1]):
            continue
        if words[-1] == phrase[-1] or (phrase[-1] == "de" and words[-1] in ctx.lex.contractions):
            return i + n
    return None


def _attribution_speaker(
    tokens: Sequence[_Token], start: int, hi: int, ctx: _Context
) -> tuple[_Candidate, int] | None:
    """The source named after an attribution phrase, and the index where its phrase ends.

    "segundo o ministro da Saúde" -> the role phrase; "segundo balanço da
    Secretaria de Saúde" -> the name inside; "de acordo com X, comandante
    do grupamento, ..." -> X, past the apposition.
    """
    if start >= hi or tokens[start].quoted or _is_cue(tokens, start, ctx):
        return None  # "segundo informou a rede" is "as reported by", not a source
    stop = start
    while stop < hi and stop - start < 18 and tokens[stop].text not in ",.;:":
        stop += 1
    hit = _candidate_at(tokens, start, ctx, stop)
    if hit is not None:
        candidate = hit.candidate
        end = max(hit.last, stop) if hit.candidate.kind != "pronoun" else hit.last
    else:
        first = tokens[start]
        if not first.is_word or (
            first.lower in ctx.lex.function_words and first.lower not in ctx.lex.determiners
        ):
            return None
        names = [
            f
            for f in (_candidate_at(tokens, k, ctx, stop) for k in range(start, stop))
            if f is not None and f.candidate.kind == "name"
        ]
        if names:
            candidate = names[0].candidate
        else:
            k = start + 1 if first.lower in ctx.lex.determiners else start
            if k >= stop or not tokens[k].is_word or tokens[k].lower in ctx.lex.function_words:
                return None
            candidate = ctx.candidate(tokens, start, stop, "nominal")
        end = stop
    # an apposition after the source: "…, comandante do grupamento, …" / "…, João Silva, …" / "…, que …,"
    if end + 1 < hi and tokens[end].text == ",":
        nxt = tokens[end + 1]
        lex = ctx.lex
        relative = nxt.lower in lex.relatives and candidate.kind != "pronoun"
        of = nxt.lower in lex.connectors or nxt.lower in lex.contractions or nxt.lower == "of"
        if (
            relative
            or of
            or _is_head(tokens, end + 1, ctx)
            or _name_end(tokens, end + 1, ctx, hi) is not None
        ):
            closing = next((m for m in range(end + 2, min(hi, end + 14)) if tokens[m].text == ","), None)
            if closing is not None and nxt.lower not in lex.determiners:
                if candidate.kind == "nominal" and _name_end(tokens, end + 1, ctx, hi) == closing:
                    candidate = ctx.candidate(tokens, end + 1, closing, "name")
                end = closing
    return candidate, end


# --------------------------------------------------------------------------- quotation marks


def _looks_like_name(text: str, ctx: _Context, *, sentence_start: int | None = None) -> bool:
    """A quoted fragment that reads as a name or a title ("Lava Jato", "Casa Verde"), not speech.

    At the start of a sentence (``sentence_start``: the fragment's offset) the capital of a
    single word says nothing: "“Irresponsável” foi como …" is speech unless the entity stage
    found a name there ("“Brasil” …").
    """
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return True
    if len(words) > 8:
        return False
    content = [w for w in words if w.lower() not in ctx.lex.function_words]
    if sentence_start is not None and len(content) == 1 and content[0] == words[0]:
        return sentence_start in ctx.entity_names or sentence_start in ctx.place_spans
    return bool(content) and all(w[0].isupper() for w in content)


def _is_title(word_before: str, text: str, ctx: _Context) -> bool:
    """Whether a quoted fragment after ``word_before`` names something ("o chamado “orçamento
    secreto”", "a operação “Sem Desconto”") rather than quoting speech ("a lei «não tem volta»")."""
    if word_before in ctx.lex.naming_words:
        return True
    if word_before not in ctx.lex.title_cues:
        return False
    return not text[:1].islower() or len(re.findall(r"\w+", text)) < 3


@dataclass(slots=True)
class _Region:
    """A quotation in article offsets: the opening mark, and the closing mark (or the line end)."""

    open: int
    close: int
    closed: bool


def _trim(text: str, start: int, end: int, lead: str, trail: str) -> Span | None:
    """``[start, end)`` without white space and the ``lead``/``trail`` marks at its ends; None
    when no word is left."""
    while start < end and (text[start].isspace() or text[start] in lead):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trail):
        end -= 1
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    return Span(start, end)


#: Punctuation that ends a quotation inside its marks, left out of the quote's text ("…defend it,"
#: -> "…defend it"; "Vamos reconstruir." -> "Vamos reconstruir"), as the gold conventions say.
_END_PUNCTUATION = ",;:.!?…"


def _inner_span(article: Article, region: _Region) -> Span | None:
    return _trim(article.text, region.open + 1, region.close, "", _END_PUNCTUATION)


def _frame_cue(tokens: Sequence[_Token], lo: int, hi: int, ctx: _Context) -> int | None:
    """A speech verb within the first words after a quotation ("”, disse o prefeito")."""
    words = 0
    for i in range(lo, hi):
        tok = tokens[i]
        if tok.text in '.;!?…“«"(':
            return None
        if _is_cue(tokens, i, ctx):
            return i
        if tok.is_word:
            words += 1
            if words >= _FRAME_REACH:
                return None
    return None


def _last_cue(tokens: Sequence[_Token], lo: int, hi: int, ctx: _Context) -> int | None:
    for i in range(hi - 1, lo - 1, -1):
        if _is_cue(tokens, i, ctx):
            return i
    return None


class _CueIndex:
    """Speech verbs and attribution phrases of one sentence, found once, on first use."""

    def __init__(self, tokens: Sequence[_Token], ctx: _Context) -> None:
        self._tokens = tokens
        self._ctx = ctx
        self._found: list[int | tuple[int, int]] | None = None
        self._starts: list[int] = []

    def nearest(self, position: int) -> int | tuple[int, int] | None:
        """The speech verb (index) or attribution phrase (start, end) last before ``position``, else first."""
        if self._found is None:
            self._found = []
            for i in range(len(self._tokens)):
                if _is_cue(self._tokens, i, self._ctx):
                    self._found.append(i)
                else:
                    end = _attribution_end(self._tokens, i, self._ctx)
                    if end is not None:
                        self._found.append((i, end))
            self._starts = [self._tokens[f if isinstance(f, int) else f[0]].start for f in self._found]
        k = bisect.bisect_left(self._starts, position)
        if k > 0:
            return self._found[k - 1]
        return self._found[0] if self._found else None


def _only_punctuation(text: str) -> bool:
    return not any(c.isalnum() for c in text)


@dataclass(slots=True)
class _SentenceNotes:
    """What later sentences may borrow from this one to find a speaker."""

    quote_speaker: Speaker | None = None
    cue_speaker: Speaker | None = None
    subject: Speaker | None = None
    ends_with_colon: bool = False


@dataclass(slots=True)
class _LineResult:
    quotes: list[Quote]
    last_notes: _SentenceNotes
    dash_speech: bool
    unclosed_quote: Quote | None


# --------------------------------------------------------------------------- the walk


def find_quotes(article: Article) -> list[Quote]:
    """Direct, partial and indirect quotes of the article's kept body (headline included), in text order."""
    ctx = _context(article)
    sentences = article.sentences or split_sentences(article)
    out: list[Quote] = []
    previous_line: _LineResult | None = None
    sentence_index = 0
    for line_span, line_text in article.kept_lines():
        if article.title_span is not None and article.title_span.overlaps(line_span):
            headline = Sentence(_HEADLINE, line_text, line_span)
            out.extend(_line_quotes(article, line_span, line_text, [headline], None, ctx).quotes)
            continue
        while sentence_index < len(sentences) and sentences[sentence_index].span.start < line_span.start:
            sentence_index += 1
        line_sentences: list[Sentence] = []
        while sentence_index < len(sentences) and line_span.contains(sentences[sentence_index].span):
            line_sentences.append(sentences[sentence_index])
            sentence_index += 1
        if not line_sentences:
            continue
        result = _line_quotes(article, line_span, line_text, line_sentences, previous_line, ctx)
        out.extend(result.quotes)
        previous_line = result
    seen: set[tuple[int, int]] = set()
    unique: list[Quote] = []
    for quote in sorted(out, key=lambda q: (q.span.start, q.span.end)):
        if (quote.span.start, quote.span.end) not in seen:
            seen.add((quote.span.start, quote.span.end))
            unique.append(quote)
    return unique


def _line_quotes(
    article: Article,
    line_span: Span,
    line_text: str,
    sentences: list[Sentence],
    previous_line: _LineResult | None,
    ctx: _Context,
) -> _LineResult:
    dash = _dash_speech(article, line_span, line_text, previous_line, ctx)
    if dash is not None:
        return dash
    marks: QuoteMarks = pair_quotation_marks(line_text)
    regions = [_Region(line_span.start + p.open, line_span.start + p.close, True) for p in marks.top_level()]
    unclosed: _Region | None = None
    last_close = regions[-1].close if regions else -1
    after_last = [line_span.start + pos for pos in marks.unclosed if line_span.start + pos > last_close]
    if after_last:
        unclosed = _Region(min(after_last), line_span.end, False)

    quotes: list[Quote] = []
    notes: list[_SentenceNotes] = []
    unclosed_quote: Quote | None = None
    consumed_until = -1
    next_region = 0
    for index, sentence in enumerate(sentences):
        while next_region < len(regions) and regions[next_region].open < sentence.span.start:
            next_region += 1
        own: list[_Region] = []
        while next_region < len(regions) and regions[next_region].open < sentence.span.end:
            own.append(regions[next_region])
            next_region += 1
        if sentence.span.start < consumed_until:
            notes.append(_SentenceNotes())
            continue
        if unclosed is not None and sentence.span.start <= unclosed.open < sentence.span.end:
            own.append(unclosed)
        neighbours = _Neighbours(
            before=notes[index - 1] if index > 0 else None,
            colon=(
                previous_line.last_notes
                if index == 0 and previous_line is not None and previous_line.last_notes.ends_with_colon
                else None
            ),
            continued=previous_line.unclosed_quote if index == 0 and previous_line is not None else None,
            previous_line=previous_line if index == 0 else None,
        )
        sentence_quotes, note = _sentence_quotes(article, sentence, own, neighbours, ctx)
        for quote in sentence_quotes:
            if (
                unclosed is not None
                and unclosed.open < quote.span.start
                and quote.span.end == _inner_end(article, unclosed)
            ):
                unclosed_quote = quote
                consumed_until = unclosed.close
        quotes.extend(sentence_quotes)
        notes.append(note)
    if previous_line is not None and previous_line.unclosed_quote is not None:
        pending = previous_line.unclosed_quote
        first_spoken = next((q for q in quotes if q.speaker is not None), None)
        if pending.speaker is None and first_spoken is not None:
            pending.speaker = first_spoken.speaker
    return _LineResult(quotes, notes[-1] if notes else _SentenceNotes(), False, unclosed_quote)


def _inner_end(article: Article, region: _Region) -> int:
    span = _inner_span(article, region)
    return span.end if span is not None else -1


@dataclass(slots=True)
class _Neighbours:
    """Where an unframed quotation may borrow its speaker from."""

    before: _SentenceNotes | None  # the sentence before, same paragraph
    colon: _SentenceNotes | None  # the paragraph before, when it ends with a colon
    continued: Quote | None  # a quotation left open by the paragraph before
    previous_line: _LineResult | None  # the paragraph before, for the first sentence of a paragraph


def _sentence_quotes(
    article: Article,
    sentence: Sentence,
    regions: list[_Region],
    neighbours: _Neighbours,
    ctx: _Context,
) -> tuple[list[Quote], _SentenceNotes]:
    tokens = _tokens(sentence.text, sentence.span.start, [(r.open, r.close) for r in regions])
    note = _SentenceNotes(ends_with_colon=sentence.text.rstrip().endswith(":"))
    quotes: list[Quote] = []
    has_direct = False
    previous_speaker: Speaker | None = None
    edges = [sentence.span.start]
    for r in regions:
        edges += [r.open, r.close + 1]
    edges.append(sentence.span.end)
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    cues = _CueIndex(tokens, ctx)
    for n, region in enumerate(regions):
        inner = _inner_span(article, region)
        if inner is None:
            continue
        before = _token_range(starts, ends, edges[2 * n], region.open)
        after = _token_range(starts, ends, region.close + 1, edges[2 * n + 3])
        frame = _Frame(
            before_text=article.text[edges[2 * n] : region.open].strip(),
            after_text=article.text[min(region.close + 1, edges[2 * n + 3]) : edges[2 * n + 3]].strip(),
            before=before,
            after=after,
        )
        quote = _marked_quote(article, inner, region, frame, tokens, cues, previous_speaker, ctx)
        if quote is None:
            continue
        if quote.kind == "direct":
            has_direct = True
            if quote.speaker is None:
                quote.speaker = _neighbour_speaker(neighbours, ctx)
            if quote.speaker is None and quote.cue is not None:
                quote.speaker = _resolve(_ZERO, ctx)
        if quote.speaker is not None:
            previous_speaker = quote.speaker
        quotes.append(quote)
    note.quote_speaker = previous_speaker
    if not has_direct and all(r.closed for r in regions):
        indirect = _indirect(article, sentence, tokens, ctx)
        if indirect is not None and sentence.id == _HEADLINE:
            indirect = _headline_clause(article, indirect, tokens, ctx)
        if indirect is not None:
            partials = [q for q in quotes if indirect.span.overlaps(q.span)]
            if not partials:
                quotes.append(indirect)
            for q in partials:
                if q.speaker is None:
                    q.speaker = indirect.speaker
            note.cue_speaker = indirect.speaker
    if note.cue_speaker is None:
        note.cue_speaker = _any_cue_speaker(tokens, ctx)
        if note.cue_speaker is not None:
            ctx.last_speaker = note.cue_speaker
    subject = _subject_candidate(tokens, ctx)
    if subject is not None and subject.kind != "pronoun":
        note.subject = Speaker(subject.text, None, subject.span)
        if subject.kind == "name" and ctx.is_person(subject):
            ctx.last_person = note.subject
    return quotes, note


def _token_range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Indices ``[lo, hi)`` of the tokens inside the character range ``[start, end)``."""
    lo = bisect.bisect_left(starts, start)
    return lo, max(lo, bisect.bisect_right(ends, end))


@dataclass(frozen=True, slots=True)
class _Frame:
    """The words around one quotation, up to the neighbouring quotations or the sentence edges."""

    before_text: str
    after_text: str
    before: tuple[int, int]
    after: tuple[int, int]


def _marked_quote(
    article: Article,
    inner: Span,
    region: _Region,
    frame: _Frame,
    tokens: list[_Token],
    cues: _CueIndex,
    previous_speaker: Speaker | None,
    ctx: _Context,
) -> Quote | None:
    """Classify one quotation of a sentence and find its speaker."""
    text = article.at(inner)
    before, after = frame.before_text, frame.after_text
    b_lo, b_hi = frame.before
    a_lo, a_hi = frame.after
    inner_raw = article.text[region.open + 1 : region.close].rstrip()
    before_cue = _last_cue(tokens, b_lo, b_hi, ctx)
    attribution = _attribution_end(tokens, b_lo, ctx) if b_lo < b_hi else None
    opinion = b_lo + 1 < b_hi and tokens[b_lo].lower in ctx.lex.opinion
    if attribution is None and opinion and _candidate_at(tokens, b_lo + 1, ctx, b_hi) is not None:
        attribution = b_lo + 1  # "Para o presidente, “…”"
    before_ok = (
        not before
        or _only_punctuation(before)
        or before.endswith(":")
        or (before.endswith(",") and (before_cue is not None or attribution is not None))
    )
    after_cue = _frame_cue(tokens, a_lo, a_hi, ctx)
    after_ok = (
        not after
        or _only_punctuation(after)
        or (after_cue is not None and (after[0] in ",—–-" or inner_raw[-1:] in ",.!?…" or after_cue == a_lo))
    )
    if not region.closed and not (not before or _only_punctuation(before) or before.endswith(":")):
        return None
    direct = (before_ok and after_ok) or before.endswith(":")
    candidate: _Candidate | None = None
    cue_text: str | None = None
    if after_cue is not None and after_ok:
        candidate = _speaker_of_cue(tokens, after_cue, a_lo, a_hi, ctx)
        cue_text = tokens[after_cue].text
    elif before_cue is not None:
        lo = _clause_start(tokens, before_cue, ctx)
        candidate = _speaker_of_cue(tokens, before_cue, lo, b_hi, ctx)
        cue_text = tokens[before_cue].text
    elif attribution is not None:
        found = _attribution_speaker(tokens, attribution, b_hi, ctx)
        if found is not None:
            candidate = found[0]
            cue_text = article.text[tokens[b_lo].start : tokens[attribution - 1].end]
    elif before.endswith(":"):
        candidate = _subject_candidate(tokens[b_lo:b_hi], ctx)
    if direct:
        if candidate is _ZERO:  # "“…”, afirmou.": the sentence before names the speaker
            return Quote(text, inner, "direct", cue_text, previous_speaker)
        speaker = _resolve(candidate, ctx) if candidate is not None else previous_speaker
        return Quote(text, inner, "direct", cue_text, speaker)
    # a fragment inside running text: speech only with a cue, and not a name or a title
    word_before = tokens[b_hi - 1].lower if b_hi > b_lo else ""
    initial = inner.start if b_hi == b_lo and not before else None
    if _is_title(word_before, text, ctx) or _looks_like_name(text, ctx, sentence_start=initial):
        return None
    if candidate is None:
        nearest = cues.nearest(region.open)
        if nearest is None:
            return None
        if isinstance(nearest, tuple):
            phrase_start, phrase_end = nearest
            found = _attribution_speaker(tokens, phrase_end, len(tokens), ctx)
            if found is None:
                return None
            candidate = found[0]
            cue_text = article.text[tokens[phrase_start].start : tokens[phrase_end - 1].end]
        else:
            lo = _clause_start(tokens, nearest, ctx)
            hi = next(
                (k for k in range(nearest + 1, len(tokens)) if tokens[k].start >= region.open), len(tokens)
            )
            candidate = _speaker_of_cue(tokens, nearest, lo, hi, ctx)
            cue_text = tokens[nearest].text
    return Quote(text, inner, "partial", cue_text, _resolve(candidate, ctx))


def _subject_candidate(tokens: Sequence[_Token], ctx: _Context) -> _Candidate | None:
    """The first speaker-like phrase of a clause that is not the object of a preposition."""
    i = 0
    while i < min(len(tokens), 15):
        if tokens[i].text in _HARD_STOPS and i > 0 and not tokens[i].quoted:
            return None
        hit = _candidate_at(tokens, i, ctx, len(tokens))
        if hit is not None:
            if not _after_preposition(tokens, hit.first, ctx):
                return hit.candidate
            i = hit.last
        else:
            i += 1
    return None


def _any_cue_speaker(tokens: Sequence[_Token], ctx: _Context) -> Speaker | None:
    """The explicit subject of the first speech verb of a sentence ("O ministro falou com jornalistas.")."""
    for i in range(len(tokens)):
        if _is_cue(tokens, i, ctx):
            candidate = _speaker_of_cue(tokens, i, _clause_start(tokens, i, ctx), len(tokens), ctx)
            if candidate.kind == "pronoun":
                return None
            if ctx.is_person(candidate):
                ctx.last_person = Speaker(candidate.text, None, candidate.span)
            return Speaker(candidate.text, None, candidate.span)
    return None


def _neighbour_speaker(neighbours: _Neighbours, ctx: _Context) -> Speaker | None:
    """Speaker of a quotation printed without a frame, from what comes just before it."""
    for notes in (neighbours.before, neighbours.colon):
        if notes is None:
            continue
        for speaker in (notes.quote_speaker, notes.cue_speaker, notes.subject):
            if speaker is not None:
                return _remember(speaker, ctx)
    if neighbours.continued is not None and neighbours.continued.speaker is not None:
        return _remember(neighbours.continued.speaker, ctx)
    previous_line = neighbours.previous_line
    if previous_line is not None and previous_line.quotes:
        last = previous_line.quotes[-1].speaker
        if last is not None:
            return _remember(last, ctx)
    return None


# --------------------------------------------------------------------------- indirect speech


def _clause_span(article: Article, start: int, end: int) -> Span | None:
    """Trimmed span of a reported clause, final period excluded."""
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == "." and not text[start:end].endswith(".."):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    clause = text[start:end]
    if clause[:1] in '“«"' and not any(c in clause[1:] for c in '”»"'):
        start += 1
    elif clause[-1:] in '”»"' and not any(c in clause[:-1] for c in '“«"'):
        end -= 1
    words = re.findall(r"\w+", text[start:end])
    return Span(start, end) if len(words) >= 2 else None


def _headline_clause(article: Article, quote: Quote, tokens: Sequence[_Token], ctx: _Context) -> Quote:
    """A headline's reported clause stops before a circumstantial clause ("… as leaders meet")."""
    for tok in tokens:
        if quote.span.start < tok.start < quote.span.end and tok.lower in ctx.lex.headline_cuts:
            span = _clause_span(article, quote.span.start, tok.start)
            if span is not None:
                return Quote(article.at(span), span, quote.kind, quote.cue, quote.speaker)
    return quote


def _complement(tokens: Sequence[_Token], cue: int, ctx: _Context) -> int | None:
    """Index of the first word of the clause a speech verb reports ("disse à imprensa que |…")."""
    lex = ctx.lex
    n = len(tokens)
    for k in range(cue + 1, min(n, cue + 1 + _COMPLEMENT_REACH)):
        tok = tokens[k]
        if tok.lower in lex.complementizers and not tok.quoted:
            if k + 1 >= n:
                return None
            if k > cue + 1:
                first = tokens[cue + 1]
                takes_object = tokens[cue].lower in lex.object_verbs
                if first.is_word and first.lower not in lex.function_words and not takes_object:
                    return None
            return k + 1
        if (tok.text in _HARD_STOPS and tok.text not in "()") or _is_cue(tokens, k, ctx):
            break
    if tokens[cue].lower in lex.bare_clause_verbs:
        return _bare_clause(tokens, cue, ctx)
    return None


def _bare_clause(tokens: Sequence[_Token], cue: int, ctx: _Context) -> int | None:
    """English reported clause without "that": "Smith said the company would …"."""
    n = len(tokens)
    if cue > 0 and tokens[cue - 1].lower in ctx.lex.relatives:
        return None
    k = cue + 1
    while k < n and k - cue <= 5 and tokens[k].lower in ctx.lex.clause_skippable:
        k += 1
    if tokens[cue].lower in ctx.lex.object_verbs:
        hit = _candidate_at(tokens, k, ctx, n) if k < n else None
        if hit is not None:
            k = hit.last
        elif k < n and tokens[k].is_word:
            k += 1
    if k >= n:
        return None
    tok = tokens[k]
    clause_like = tok.is_word and (
        tok.lower not in ctx.lex.function_words
        or tok.lower in ctx.lex.determiners
        or tok.lower in ctx.lex.clause_openers
    )
    words = sum(1 for t in tokens[k : k + 8] if t.is_word)
    return k if clause_like and words >= 3 else None


def _indirect(article: Article, sentence: Sentence, tokens: list[_Token], ctx: _Context) -> Quote | None:
    n = len(tokens)
    if n < 3:
        return None
    end_of_sentence = sentence.span.end
    lex = ctx.lex
    start = 0
    while start < n and tokens[start].text in _DASHES:
        start += 1
    # "Segundo X, …", "De acordo com X, …", "Para o ministro, …"
    phrase_end = _attribution_end(tokens, start, ctx)
    opinion = phrase_end is None and start < n and tokens[start].lower in lex.opinion
    if opinion:
        phrase_end = start + 1
    if phrase_end is not None and (not opinion or _candidate_at(tokens, phrase_end, ctx, n) is not None):
        found = _attribution_speaker(tokens, phrase_end, n, ctx)
        if found is not None:
            candidate, after = found
            if after < n - 1 and tokens[after].text == ",":
                clause = _clause_span(article, tokens[after + 1].start, end_of_sentence)
                if clause is not None:
                    cue = article.text[tokens[start].start : tokens[phrase_end - 1].end]
                    return Quote(article.at(clause), clause, "indirect", cue, _resolve(candidate, ctx))
    # "X disse (à imprensa) que …"
    for i in range(n):
        if not _is_cue(tokens, i, ctx, frames=False):
            continue
        first = _complement(tokens, i, ctx)
        if first is None:
            continue
        clause = _clause_span(article, tokens[first].start, end_of_sentence)
        if clause is None:
            continue
        hi = first - 1 if tokens[first - 1].lower in lex.complementizers else first
        candidate = _speaker_of_cue(tokens, i, _clause_start(tokens, i, ctx), hi, ctx)
        return Quote(article.at(clause), clause, "indirect", tokens[i].text, _resolve(candidate, ctx))
    return _postposed(article, tokens, ctx)


def _postposed(article: Article, tokens: list[_Token], ctx: _Context) -> Quote | None:
    """Speech verb or attribution after the statement: "…, disse o ministro." / "…, segundo a polícia."."""
    n = len(tokens)
    if tokens[-1].text == ":":
        return None  # the sentence introduces what follows ("…, resumiu a situação:")
    words_before = [0] * (n + 1)
    for k, tok in enumerate(tokens):
        words_before[k + 1] = words_before[k] + (1 if tok.is_word else 0)
    complementizers_after = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        complementizers_after[k] = complementizers_after[k + 1] + (tokens[k].lower in ctx.lex.complementizers)
    for i in range(1, n - 1):
        if tokens[i].text not in (",", "—", "–") or tokens[i].quoted:
            continue
        if words_before[n] - words_before[i] > 30:
            continue
        j = i + 1
        candidate: _Candidate
        cue_text: str
        speaker_end: int
        if _attribution_end(tokens, j, ctx) == j + 1 and _is_cue(tokens, j + 1, ctx):
            j += 1  # "…, segundo informou a agência."
        if _is_cue(tokens, j, ctx):
            candidate = _speaker_after(tokens, j, n, ctx) or _closing_group(tokens, j + 1, ctx) or _ZERO
            cue_text = tokens[j].text
            speaker_end = j + 1
            if candidate is not _ZERO:
                speaker_end = next((k for k in range(j + 1, n) if tokens[k].start >= candidate.span.end), n)
        else:
            phrase_end = _attribution_end(tokens, j, ctx)
            if phrase_end is not None:
                found = _attribution_speaker(tokens, phrase_end, n, ctx)
                if found is None:
                    continue
                candidate, speaker_end = found
                cue_text = article.text[tokens[j].start : tokens[phrase_end - 1].end]
            else:
                hit = _candidate_at(tokens, j, ctx, n)
                if hit is None or not _is_cue(tokens, hit.last, ctx):
                    continue
                candidate, cue_text, speaker_end = hit.candidate, tokens[hit.last].text, hit.last + 1
        tail = words_before[n] - words_before[min(speaker_end, n)]
        limit = 2 if candidate is _ZERO else 8
        if complementizers_after[min(speaker_end, n)] or tail > limit:
            continue
        first = next((k for k in range(i) if tokens[k].is_word), None)
        if first is None or words_before[i] < 3:
            continue
        subject = _candidate_at(tokens, first, ctx, i)
        if subject is not None and subject.last >= i:
            continue  # "O comandante, coronel Alves, resumiu …": the words before are the subject
        clause = _clause_span(article, tokens[first].start, tokens[i].start)
        if clause is None:
            continue
        return Quote(article.at(clause), clause, "indirect", cue_text, _resolve(candidate, ctx))
    return None


def _closing_group(tokens: Sequence[_Token], start: int, ctx: _Context) -> _Candidate | None:
    """A plain noun phrase that ends the sentence after a postposed speech verb ("…, lembram os
    linguistas."): a group of speakers not in the role lexicon, kept as printed."""
    n = len(tokens)
    if start >= n or tokens[start].lower not in ctx.lex.determiners or tokens[start].quoted:
        return None
    end = start + 1
    while end < n and end - start <= 3 and _is_adjective(tokens[end], ctx):
        end += 1
    if end == start + 1 or any(t.is_word for t in tokens[end:]):
        return None
    return ctx.candidate(tokens, start, end, "nominal")


# --------------------------------------------------------------------------- dash speech


def _dash_speech(
    article: Article,
    line_span: Span,
    line_text: str,
    previous_line: _LineResult | None,
    ctx: _Context,
) -> _LineResult | None:
    """Dialogue introduced by a dash: "— Estamos a trabalhar, disse o ministro." / "—Es un día —dijo."."""
    if not line_text or line_text[0] not in "—–-" or (line_text[0] == "-" and line_text[1:2] != " "):
        return None
    tokens = _tokens(line_text, line_span.start)
    if len(tokens) < 2:
        return None
    insertion = next(
        (
            k
            for k in range(2, len(tokens))
            if tokens[k - 1].text in (",", "—", "–", "-") and _is_cue(tokens, k, ctx)
        ),
        None,
    )
    quotes: list[Quote] = []
    if insertion is not None:
        closing = next((m for m in range(insertion + 1, len(tokens)) if tokens[m].text in ("—", "–")), None)
        hi = closing if closing is not None else len(tokens)
        speaker = _resolve(_speaker_of_cue(tokens, insertion, insertion, hi, ctx), ctx)
        cue = tokens[insertion].text
        first = _trimmed(article, tokens[1].start, tokens[insertion - 1].start)
        if first is not None:
            quotes.append(Quote(article.at(first), first, "direct", cue, speaker))
        if closing is not None:
            r = closing + 1
            while r < len(tokens) and tokens[r].text in ".,;":
                r += 1
            if r < len(tokens):
                second = _trimmed(article, tokens[r].start, line_span.end)
                if second is not None:
                    quotes.append(Quote(article.at(second), second, "direct", cue, speaker))
    else:
        if previous_line is None or not (
            previous_line.last_notes.ends_with_colon or previous_line.dash_speech
        ):
            return None
        whole = _trimmed(article, tokens[1].start, line_span.end)
        if whole is None:
            return None
        notes = previous_line.last_notes
        speaker = notes.quote_speaker or notes.cue_speaker or notes.subject or ctx.last_speaker
        if speaker is not None:
            speaker = _remember(speaker, ctx)
        quotes.append(Quote(article.at(whole), whole, "direct", None, speaker))
    if not quotes:
        return None
    last = _SentenceNotes(quote_speaker=quotes[-1].speaker, ends_with_colon=line_text.rstrip().endswith(":"))
    return _LineResult(quotes, last, True, None)


def _trimmed(article: Article, start: int, end: int) -> Span | None:
    return _trim(article.text, start, end, "—–", "—–" + _END_PUNCTUATION)
