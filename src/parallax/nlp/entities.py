"""Named entities without a trained model: capitalised spans, cue words, the knowledge base.

No Portuguese NER model can be installed here, so names are found by rule:

1. **Candidates** are runs of capitalised tokens, joined by name connectors
   ("Luiz Inácio Lula da Silva", "Banco Central do Brasil"); "e"/"and"/"y" joins
   only inside organisation names ("Instituto Brasileiro de Geografia e Estatística").
2. **Uncertain capitals** — a sentence's first word, the word after a colon or an
   opening quote, every word of a headline in title case — count as a name only
   when the knowledge base knows them, they are capitalised mid-sentence elsewhere
   in the article, they are a first name, or they are not an ordinary word (the
   language's stop list, a word the article also prints in lower case, a word
   simplemma knows). So "Segundo Lula, ..." gives "Lula" and "Publicidade" nothing.
3. **Titles** ("Presidente", "Sr.", "Prime Minister") are stripped from the front of a
   name and make it a person.
4. **Types** come from the knowledge base first, then cue words inside the name
   (Ministério, Banco, Rua, S.A.), then the words around it (a role noun before
   it, "cidade de" before it, a speech verb or ", de 45 anos" after it, an
   acronym in parentheses after it), then first names, then recurrence in the
   article (a name typed PER once stays PER; "Silva" inside "João Silva" is PER).
5. **Nominal mentions** are definite role phrases that stand for a person:
   "o presidente brasileiro", "a ministra da Saúde", "Brazil's president", "el
   mandatario brasileño". The mention spans the role phrase without the article.
   Bare roles ("o prefeito") are mentions only when the role has a KB key or the
   same role noun was used as a title earlier in the article.
6. **Demonyms** ("brasileiro", "Brazilian") are emitted as ``kind="demonym"`` mentions
   of type LOC that the merge stage links to the country: they tie an article to
   a country even when it never names it. They are never nested in a nominal
   mention, and consumers counting names should filter on ``kind == "name"``.

The scan covers the kept body: the title line plus the article's sentences.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from parallax.lang import SUPPORTED, en, es, pt
from parallax.model import Article, EntityMention, EntityType, Span
from parallax.nlp.kb import Country, KnowledgeBase, Record, load_kb
from parallax.nlp.lang import language_code, resources
from parallax.nlp.trained import merge_trained, trained_entities
from parallax.options import Options
from parallax.text import name_key

# ----------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """The per-language word lists of ``nlp/lang/<code>/names.py``."""

    lang: str
    connectors: frozenset[str]
    org_connectors: frozenset[str]
    titles: frozenset[str]
    role_nouns: dict[str, tuple[str, ...]]
    portfolios: dict[str, str]
    org_cues: frozenset[str]
    org_suffixes: frozenset[str]
    loc_cues: frozenset[str]
    loc_context: tuple[str, ...]
    loc_prepositions: frozenset[str]
    org_context: frozenset[str]
    speech_verbs: frozenset[str]
    stop: frozenset[str]
    generic: frozenset[str]
    first_names: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    misc_cues: frozenset[str]
    person_prefixes: frozenset[str]
    role_classes: dict[str, str]
    not_names: frozenset[str]

    def role_class(self, noun: str) -> str:
        """ "politólogo" and "académico" are one class; "prefeito"/"prefeita" one office."""
        if noun in self.role_classes:
            return self.role_classes[noun]
        return noun[:-1] + "o" if noun[-1:] == "a" and noun[:-1] + "o" in self.role_nouns else noun


@lru_cache(maxsize=8)
def lexicon(lang: str | None) -> NameLexicon:
    """The name lexicon of ``lang`` (Portuguese for anything unsupported)."""
    m = resources(lang, "names")
    return NameLexicon(
        lang=language_code(lang),
        connectors=m.CONNECTORS,
        org_connectors=m.ORG_CONNECTORS,
        titles=m.TITLES,
        role_nouns=m.ROLE_NOUNS,
        portfolios=m.PORTFOLIOS,
        org_cues=m.ORG_CUES,
        org_suffixes=m.ORG_SUFFIXES,
        loc_cues=m.LOC_CUES,
        loc_context=m.LOC_CONTEXT,
        loc_prepositions=m.LOC_PREPOSITIONS,
        org_context=m.ORG_CONTEXT,
        speech_verbs=m.SPEECH_VERBS,
        stop=m.STOP_CAPITALISED,
        generic=m.GENERIC_CAPITALISED,
        first_names=m.FIRST_NAMES,
        pronouns=m.PRONOUNS,
        determiners=m.DETERMINERS,
        misc_cues=m.MISC_CUES,
        person_prefixes=m.PERSON_PREFIXES,
        role_classes=m.ROLE_CLASSES,
        not_names=m.NOT_NAMES,
    )


@lru_cache(maxsize=1)
def all_first_names() -> frozenset[str]:
    """First names of every language: "Donald Trump" is a person in a Portuguese article too."""
    return frozenset().union(*(lexicon(code).first_names for code in SUPPORTED))


_WEEKDAYS = frozenset({*pt.WEEKDAYS, *en.WEEKDAYS, *es.WEEKDAYS})

#: Capitalised words that are never a name on their own, in any language; not "May" (Theresa May).
_NEVER_ALONE = frozenset({*pt.MONTHS, *en.MONTHS, *es.MONTHS, *_WEEKDAYS, "i", "a", "o", "e"}) - {"may"}

#: Words whose trailing period belongs to the word ("Sr.", "S.A.", "EE.UU.").
_ABBREVIATIONS = frozenset(
    {
        "sr", "sra", "srta", "dr", "dra", "prof", "profa", "s.a", "ltda", "lda", "inc", "corp", "co",
        "jr", "st", "gen", "cel", "ee.uu", "e.u.a", "av", "mr", "mrs", "ms", "sen", "rep", "gov",
        "capt", "col", "lt", "sgt", "rev", "s.l", "s.a.u", "u.s", "u.k", "u.n", "pe", "eng", "d", "s",
        "sto", "sta", "v",
    }
)  # fmt: skip

#: Tokens after which a capital says nothing about the next word.
_OPENERS = frozenset(
    {".", "!", "?", ":", "“", '"', "«", "—", "–", "(", "‘", "'", "…", "-", "•", "*", "|", ";"}
)

_TOKEN_RE = re.compile(
    r"(?:[A-ZÀ-Ý]\.){2,}"  # U.S., E.U.A.
    r"|[A-Z]{1,3}\.[A-Z]{1,3}\b"  # EE.UU
    r"|[A-Z]\.[A-ZÀ-Ý][a-zà-ý]+"  # S.Paulo
    r"|\w+(?:[-'’&]\w+)*"
    r"|[^\w\s]"
)
#: Prepositions fused with a definite article: before a one-word name they suggest an
#: organisation ("da Unicamp"), as Portuguese towns take no article ("de Campinas").
_ARTICLE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "pt": frozenset({"do", "da", "pelo", "pela", "ao", "à"}),
    "es": frozenset({"del", "al"}),
}

_STATE_CODE_RE = re.compile(r"\(([A-Z]{2,8})(?:[-/]([A-Z]{2}))?\)")
_AGE_RE = re.compile(r"^\s*,\s*(?:de\s+|of\s+)?\d{1,3}(?:\s+anos|\s+years|\s+años)?\s*[,)]")
_PT_EUROPEAN = re.compile(r"\w[óé][mn]\w|\bfacto\b|\bequipa\b|\bregisto\b|\bIrão\b|\bMoscovo\b|\bacç|\bcç")
_PT_BRAZILIAN = re.compile(r"\w[ôê][mn]\w|\bfato\b|\bequipe\b|\bregistro\b|\bIrã\b|\bMoscou\b")


# ----------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # offsets into Article.text
    end: int
    initial: bool = False  # at a place where a capital says nothing (sentence start, title-case headline)

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        """Capitalised and shaped like a name: "Lula", "ONU", "G20"; not "P-1649-003"."""
        if not self.text[:1].isupper() or len(self.text) == 1:
            return False
        return not any(c.isdigit() for c in self.text) or re.fullmatch(r"[A-Z]+-?\d+", self.text) is not None

    @property
    def is_particle_name(self) -> bool:
        """ "al-Sisi", "el-Sisi", "d'Ávila": a name part that starts in lower case."""
        return re.match(r"(?:al|el|ad|as|ash|bin|ibn|ben|d)[-'’][A-ZÀ-Ý]", self.text) is not None

    @property
    def is_ordinal(self) -> bool:
        """ "3º", "3ª", "XXIV" before an institution ("3ª Vara Criminal", "XXIV Governo")."""
        return re.fullmatch(r"\d{1,3}[ºª°]|[IVXL]{1,6}", self.text) is not None

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens with offsets; "Brazil's" splits into "Brazil" + "'s"."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if tokens and offset + start < tokens[-1].end:
            continue  # the period an abbreviation took ("Sr.")
        if (
            word.casefold().rstrip(".") in _ABBREVIATIONS
            and text[end : end + 1] == "."
            and "." not in word[-1:]
        ):
            single = len(word) == 1
            if not single or re.match(r"\.\s?[A-ZÀ-Ý]", text[end : end + 3]):
                word, end = word + ".", end + 1
        if len(word) > 2 and word[-2:] in ("'s", "’s") and word[:1].isupper():
            tokens.append(Token(word[:-2], offset + start, offset + end - 2))
            tokens.append(Token(word[-2:], offset + end - 2, offset + end))
            continue
        tokens.append(Token(word, offset + start, offset + end))
    return tokens


def _mark_initial(tokens: list[Token], title_case: bool) -> list[Token]:
    out: list[Token] = []
    previous: Token | None = None
    for tok in tokens:
        initial = title_case or previous is None or previous.text in _OPENERS
        out.append(Token(tok.text, tok.start, tok.end, initial))
        previous = tok
    return out


def _is_title_case(tokens: Sequence[Token], lex: NameLexicon) -> bool:
    """A headline in Title Case ("Brazil Hosts BRICS Summit As Leaders Meet In Rio") or in capitals.

    The test is on ordinary words (stop words, words the lemmatiser knows): in running
    text they are in lower case even when the sentence is full of names.
    """
    words = [t for t in tokens[1:] if t.is_word and t.text[:1].isalpha()]
    long_words = [t for t in tokens if t.is_word and len(t.text) > 2 and t.text[:1].isalpha()]
    if len(long_words) >= 3 and sum(t.text.isupper() for t in long_words) / len(long_words) >= 0.75:
        return True  # a line in capitals
    common = [
        t
        for t in words
        if t.lower not in all_first_names()
        and (t.lower in lex.stop or simplemma.is_known(t.lower, lang=lex.lang))
        and not t.is_acronym
    ]
    if len(common) < 2:
        return False
    return sum(t.is_cap for t in common) / len(common) >= 0.75


# ----------------------------------------------------------------------------- roles


@dataclass(frozen=True, slots=True)
class RoleRef:
    """What a role phrase says: which office, and of what ("presidente brasileiro")."""

    noun: str  # the role noun, lower-case: "presidente", "ministra", "prime minister"
    keys: tuple[str, ...]  # KB role keys to try, most specific first
    targets: tuple[str, ...] = ()  # "BR", "org:bcb", "place:lisboa": what the office is of
    explicit: bool = False  # the phrase itself names the country/institution


#: Most words of a role noun ("chefe do estado-maior") and of a portfolio, as tried below.
_ROLE_WORDS = 4
_PORTFOLIO_WORDS = 5


def _role_noun_at(words: Sequence[str], lex: NameLexicon) -> tuple[str, int] | None:
    """The longest role noun starting ``words`` (lower-case), and how many words it takes."""
    for size in range(_ROLE_WORDS, 0, -1):
        if len(words) >= size:
            phrase = " ".join(words[:size])
            if phrase in lex.role_nouns:
                return phrase, size
    return None


def _portfolio_at(words: Sequence[str], lex: NameLexicon) -> tuple[str, int] | None:
    for size in range(_PORTFOLIO_WORDS, 0, -1):
        if len(words) >= size:
            phrase = " ".join(words[:size])
            if phrase in lex.portfolios:
                return lex.portfolios[phrase], size
    return None


def parse_role(text: str, lang: str | None, countries: Sequence[str] = ()) -> RoleRef | None:
    """Read a role phrase: "presidente brasileiro", "ministra da Saúde", "Brazil's president".

    Returns None when ``text`` is not a role phrase. ``countries`` ranks ambiguous
    qualifiers ("presidente do PSD").
    """
    lex = lexicon(lang)
    kb = load_kb()
    words = [t.text for t in tokenize(text) if t.is_word or t.text in ("'s", "’s")]
    if not words:
        return None
    lowered = [w.casefold() for w in words]
    targets: list[str] = []
    explicit = False
    # English prefixes: "Brazil's president", "Brazilian president", "US President".
    i = 0
    if lex.lang == "en":
        for j in range(len(words), 0, -1):
            head = " ".join(words[:j])
            if j < len(words) and words[j] in ("'s", "’s"):
                found = kb.role_targets(head, countries)
                if found:
                    targets, explicit, i = found, True, j + 1
                    break
            code = kb.demonym(head, "en")
            if code is not None and j < len(words):
                targets, explicit, i = [code], True, j
                break
            if j < len(words) and _role_noun_at(lowered[j:], lex) is not None:
                found = [t for t in kb.role_targets(head, countries) if t.isupper()]
                if found:
                    targets, explicit, i = found, True, j
                    break
    found_noun = _role_noun_at(lowered[i:], lex)
    if found_noun is None:
        return None
    noun, size = found_noun
    keys = lex.role_nouns[noun]
    rest = words[i + size :]
    rest_lower = lowered[i + size :]
    # "ministra da Saúde", "minister of health": the portfolio gives the office.
    if rest_lower and rest_lower[0] in lex.connectors | {"of", "for"}:
        skip = 2 if len(rest_lower) > 1 and f"{rest_lower[0]} {rest_lower[1]}" in lex.connectors else 1
        portfolio = _portfolio_at(rest_lower[skip:], lex)
        if portfolio is not None and "minister" in keys:
            keys = (portfolio[0],)
            rest, rest_lower = rest[skip + portfolio[1] :], rest_lower[skip + portfolio[1] :]
        elif rest[skip:]:
            qualifier = " ".join(rest[skip:])
            found = kb.role_targets(qualifier, countries)
            if found:
                targets, explicit = found, True
                rest, rest_lower = [], []
            elif rest[skip][:1].isupper() and name_key(rest[skip]) in (
                "republica",
                "governo",
                "gobierno",
                "nacao",
            ):
                if name_key(rest[skip]) in ("governo", "gobierno"):
                    keys = ("prime_minister", "head_of_government", *keys)
                rest, rest_lower = [], []  # "presidente da República": the article's own country
    # "presidente brasileiro", "primer ministro español"
    if rest and not explicit:
        code = kb.demonym(rest[0], lex.lang)
        if code is not None:
            targets, explicit = [code], True
            rest = rest[1:]
    if rest and lex.lang == "en" and rest_lower[0] == "of" and len(rest) > 1 and not explicit:
        found = kb.role_targets(" ".join(rest[1:]), countries)
        if found:
            targets, explicit = found, True
    return RoleRef(noun=noun, keys=keys, targets=tuple(targets), explicit=explicit)


# ----------------------------------------------------------------------------- document context


@dataclass(slots=True)
class _Doc:
    """What the whole article says about words: used to judge uncertain capitals."""

    lex: NameLexicon
    kb: KnowledgeBase
    countries: list[str]
    lowercase_words: set[str] = field(default_factory=set)
    midsentence_caps: set[str] = field(default_factory=set)

    def common(self, tok: Token) -> bool:
        """An ordinary word written with a capital because of where it stands."""
        low = tok.lower
        if low in self.lex.stop or low in _NEVER_ALONE or low in self.lex.generic:
            return True
        if tok.is_acronym and (len(tok.text) <= 3 or self.kb.is_acronym(tok.text)):
            return False
        if low in all_first_names() or low in self.midsentence_caps:
            return False
        if low in self.lowercase_words:
            return True
        return bool(simplemma.is_known(low, lang=self.lex.lang))


def _ordinary(tok: Token, doc: _Doc) -> bool:
    """A word of the language's vocabulary (not a surname or a coined name).

    A capital in the middle of a sentence is evidence of a name, so there only the
    article's own lower-case words and the stop list count; at an uncertain place the
    lemmatiser's dictionary counts too.
    """
    low = tok.lower
    if low in all_first_names():
        return False
    if low in doc.lowercase_words or low in doc.lex.stop:
        return True
    return tok.initial and bool(simplemma.is_known(low, lang=doc.lex.lang))


def _known_word(tok: Token, doc: _Doc) -> bool:
    """In the lemmatiser's dictionary ("Lógica", "Matemática"; also many surnames, alas)."""
    return tok.lower not in all_first_names() and bool(simplemma.is_known(tok.lower, lang=doc.lex.lang))


def _segments(article: Article) -> list[tuple[int, str]]:
    """The title line and the sentences: (offset, text) pairs of the kept body."""
    out: list[tuple[int, str]] = []
    title = article.title_span
    if title is not None:
        out.append((title.start, article.at(title)))
    sentences = article.sentences or []
    if sentences:
        for s in sentences:
            if title is not None and s.span.overlaps(title):
                continue
            out.append((s.span.start, article.at(s.span)))
    else:
        for span, text in article.kept_lines():
            if title is None or not span.overlaps(title):
                out.append((span.start, text))
    return out


def article_countries(article: Article, kb: KnowledgeBase | None = None) -> list[str]:
    """Countries the article is most likely about, most likely first (for ambiguous names and roles)."""
    kb = kb or load_kb()
    lex = lexicon(article.language)
    body = article.text[article.body.start : article.body.end] if article.body else article.text
    counts: Counter[str] = Counter()
    for m in re.finditer(r"\b[A-ZÀ-Ý][\w'-]+(?:\s(?:d[aoe]s?|del|of|de la)?\s?[A-ZÀ-Ý][\w'-]+)*", body):
        found = kb.lookup(m.group())
        if not found or any(r.type == "PER" for r in found):
            continue  # "Montenegro" may be the prime minister, not the country
        record = found[0]
        if isinstance(record, Country):
            counts[record.code] += 2
        elif record.country:
            counts[record.country] += 1
    for word in re.findall(r"\w+", body):
        code = kb.demonym(word, lex.lang)
        if code is not None:
            counts[code] += 1
    defaults: list[str] = {"pt": ["BR", "PT"], "es": ["ES"], "en": ["US", "GB"]}.get(lex.lang, [])
    if lex.lang == "pt":
        european, brazilian = len(_PT_EUROPEAN.findall(body)), len(_PT_BRAZILIAN.findall(body))
        if european > brazilian:
            defaults = ["PT", "BR"]
        if european != brazilian:
            counts[defaults[0]] += 3  # the variant of Portuguese says where the outlet is
    ranked = [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ranked + [d for d in defaults if d not in ranked]


def _doc_context(article: Article, segments: Sequence[tuple[int, str]], kb: KnowledgeBase) -> _Doc:
    lex = lexicon(article.language)
    doc = _Doc(lex=lex, kb=kb, countries=article_countries(article, kb))
    for offset, text in segments:
        tokens = tokenize(text, offset)
        if _is_title_case(tokens, lex):
            continue
        for tok in _mark_initial(tokens, False):
            if not tok.is_word:
                continue
            if tok.text[:1].islower():
                doc.lowercase_words.add(tok.lower)
            elif not tok.initial:
                doc.midsentence_caps.add(tok.lower)
    return doc


# ----------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Candidate:
    tokens: list[Token]
    type: EntityType = "MISC"
    confidence: float = 0.0
    record: Record | None = None
    person_cue: bool = False  # a title or role noun stood before it
    head_noun: bool = False  # typed by a generic noun before it ("a boate X", "o bairro X")

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def _text(article: Article, tokens: Sequence[Token]) -> str:
    return article.text[tokens[0].start : tokens[-1].end]


def _adjacent(article: Article, a: Token, b: Token) -> bool:
    gap = article.text[a.end : b.start]
    return gap.isspace() and "\n" not in gap and len(gap) <= 2


def _raw_candidates(article: Article, tokens: list[Token], lex: NameLexicon) -> list[list[Token]]:
    """Runs of capitalised tokens with connectors between them.

    A run may start with an ordinal before an institution ("3º Grupamento", "XXIV
    Governo Constitucional"), take a particle name ("al-Sisi") and end with a number
    that names ("Estação 21", "Agenda 2030"), but not with a count ("Londrina 15 pessoas").
    """
    out: list[list[Token]] = []
    i, n = 0, len(tokens)
    conn_words = {w for c in lex.connectors for w in c.split()}

    def name_part(k: int) -> bool:
        tok = tokens[k]
        return (tok.is_cap and tok.is_word) or tok.is_particle_name

    while i < n:
        start = i
        if tokens[i].is_ordinal and not tokens[i].is_cap and i + 1 < n and tokens[i + 1].is_cap:
            i += 1  # "3º Grupamento": the ordinal joins the run
        if not (tokens[i].is_cap and tokens[i].is_word):
            i += 1
            continue
        j = i + 1
        while j < n:
            if (
                name_part(j)
                and tokens[j].lower not in _WEEKDAYS
                and _adjacent(article, tokens[j - 1], tokens[j])
            ):
                j += 1
                continue
            k = j
            while k < n and k - j < 2 and tokens[k].lower in conn_words | lex.org_connectors:
                if not _adjacent(article, tokens[k - 1], tokens[k]):
                    break
                k += 1
            joined = " ".join(t.lower for t in tokens[j:k])
            if (
                k > j
                and k < n
                and (joined in lex.connectors or joined in lex.org_connectors)
                and name_part(k)
                and tokens[k].lower not in _WEEKDAYS
                and _adjacent(article, tokens[k - 1], tokens[k])
            ):
                j = k + 1
                continue
            break
        if (
            j < n
            and re.fullmatch(r"\d{1,4}", tokens[j].text)
            and _adjacent(article, tokens[j - 1], tokens[j])
        ):
            after = tokens[j + 1] if j + 1 < n else None
            if after is None or not after.is_word or after.is_cap or after.lower in lex.stop:
                j += 1  # "Estação 21", "Agenda 2030"
        out.append(tokens[start:j])
        i = j
    return out


def _split_org_connectors(article: Article, cand: list[Token], doc: _Doc) -> list[list[Token]]:
    """Keep "e"/"and" inside organisation names only: "Lula e Alckmin" is two names."""
    if not any(t.lower in doc.lex.org_connectors for t in cand):
        return [cand]
    if (_kb_may_know(cand, doc) and doc.kb.lookup(_text(article, cand))) or cand[0].lower in doc.lex.org_cues:
        return [cand]
    parts: list[list[Token]] = [[]]
    for tok in cand:
        if tok.lower in doc.lex.org_connectors:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _strip_connectors(tokens: list[Token], lex: NameLexicon) -> list[Token]:
    conn = {w for c in lex.connectors for w in c.split()} | lex.org_connectors
    while tokens and tokens[0].lower in conn:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower in conn:
        tokens = tokens[:-1]
    return tokens


@lru_cache(maxsize=4)
def kb_max_tokens(kb: KnowledgeBase) -> int:
    """The most words any name, alias, acronym or code of the knowledge base has.

    Every token of a candidate keeps at least one word in its key, so a run of more
    tokens than this is known to the knowledge base under no form: a long chain of
    capitalised words is never looked up whole, nor any of its long sub-runs.
    """
    forms: list[str] = []
    for record in kb.records.values():
        forms.extend((record.name, *record.aliases))
        forms.extend(getattr(record, "acronyms", ()))
        forms.extend(getattr(record, "codes", ()))
    return max((max(len(name_key(f).split()), len(f.split())) for f in forms), default=0)


def _kb_may_know(tokens: Sequence[Token], doc: _Doc) -> bool:
    return len(tokens) <= kb_max_tokens(doc.kb)


def _kb_match(article: Article, tokens: Sequence[Token], doc: _Doc) -> Record | None:
    """The KB record a candidate names. A surname that is also a place or an organisation
    ("Montenegro") is the place unless the article says otherwise (see :func:`_propagate`)."""
    if not _kb_may_know(tokens, doc):
        return None
    text = _text(article, tokens)
    found = doc.kb.lookup(text, countries=doc.countries)
    if not found:
        return None
    record = next((r for r in found if r.type != "PER"), found[0]) if len(tokens) == 1 else found[0]
    if len(tokens) != 1:
        return record
    tok = tokens[0]
    exact = text in (record.name, *record.aliases) or doc.kb.is_acronym(text)
    if tok.lower in doc.lex.stop and not exact:
        return None  # "Para" is a preposition, not "Pará": a function word needs the exact spelling
    trusted = tok.lower in doc.midsentence_caps
    if tok.initial and doc.kb.is_common_word_alias(record, text) and not trusted:
        return None
    if tok.initial and record.type != "PER" and not tok.is_acronym and tok.lower in doc.lowercase_words:
        return None if not trusted else record  # "Chega de...", "Meta de...": a word first in its sentence
    return record


def _strip_titles(
    article: Article, tokens: list[Token], doc: _Doc, out_demonyms: list[Token]
) -> tuple[list[Token], bool]:
    """Remove "Presidente", "Prime Minister", "Sr." (and English demonyms) from the front.

    A capitalised role with a qualifier ("Ministro da Saúde Alexandre Padilha") loses
    the whole role; "Presidente da Câmara Municipal" keeps the institution, which is
    a name of its own, without the person cue.
    """
    cue = False
    lex = doc.lex
    conn = {w for c in lex.connectors for w in c.split()}
    while len(tokens) > 1:
        if _kb_match(article, tokens, doc) is not None:
            break
        words = [t.lower for t in tokens[: 4 + _PORTFOLIO_WORDS]]  # a title, a connector, a portfolio
        if lex.lang == "en" and doc.kb.demonym(tokens[0].text, lex.lang) is not None:
            out_demonyms.append(tokens[0])
            tokens = tokens[1:]
            continue
        size = 0
        for s in (3, 2, 1):
            if len(words) > s and (
                " ".join(words[:s]) in lex.titles or " ".join(words[:s]) in lex.role_nouns
            ):
                size = s
                break
        if size == 0:
            break
        if words[size] in conn:
            k = size + 1
            portfolio = _portfolio_at(words[k:], lex)
            if portfolio is not None and k + portfolio[1] < len(tokens):
                tokens, cue = tokens[k + portfolio[1] :], True
                continue
            return _strip_connectors(tokens[size:], lex), False
        tokens, cue = tokens[size:], True
    return tokens, cue


def _split_at_heads(article: Article, tokens: list[Token], doc: _Doc) -> list[list[Token]]:
    """Split "Narciso Garcia do Instituto Superior Técnico" before the organisation's head word."""
    lex = doc.lex
    conn = {w for c in lex.connectors for w in c.split()}
    if len(tokens) < 3 or _kb_match(article, tokens, doc) is not None:
        return [tokens]
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower not in conn or tokens[i - 1].lower in conn:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].lower in conn:
            j += 1
        if j >= len(tokens):
            break
        left, right = tokens[:i], tokens[j:]
        right_record = _kb_match(article, right, doc)
        person_right = (
            _kb_may_know(right, doc) and doc.kb.best(_text(article, right), "PER") is not None
        ) or right[0].lower in all_first_names()
        if len(left) == 1 and (left[0].lower in lex.generic or left[0].lower in lex.stop) and person_right:
            return [right]  # "Governo de Luís Montenegro": the person, not a government's name
        first = left[1] if left[0].is_ordinal and len(left) > 1 else left[0]
        head_left = first.lower in lex.org_cues or first.lower in lex.loc_cues or first.lower in lex.misc_cues
        if tokens[j].lower in lex.org_cues and not head_left:
            return [left, *_split_at_heads(article, right, doc)]
        if len(right) == 1 and right[0].is_acronym and not head_left:
            return [left, right]  # "Nikolas Ferreira do PL", "Airbus A-320 da TAM"
        left_record = _kb_match(article, left, doc)
        place_right = right_record is not None and right_record.type == "LOC"
        if left_record is not None and left_record.type in ("PER", "ORG") and place_right and not head_left:
            return [left, right]
    return [tokens]


def _segment_uncertain(article: Article, tokens: list[Token], doc: _Doc) -> list[list[Token]]:
    """Split a candidate whose capitals are uncertain into known names and name-like runs.

    In running text only the first word is uncertain: drop it when it is an ordinary
    word ("Segundo Lula" -> "Lula"). In a title-case headline every word is uncertain:
    take the longest names the KB knows, then runs of words that are not ordinary.
    """
    tokens = _strip_connectors(tokens, doc.lex)
    if not tokens:
        return []
    if _kb_match(article, tokens, doc) is not None:
        return [tokens]
    if not all(t.initial for t in tokens):
        first = tokens[0]
        if not first.initial or _kb_match(article, [first], doc) is not None:
            return [tokens]
        if len(tokens) == 1:
            return [] if doc.common(first) else [tokens]
        # before other capitalised words only a function word or a word the article prints in
        # lower case is dropped: "Segundo Lula" -> "Lula", but "Narciso Garcia" stays whole
        low = first.lower
        cue_head = low in doc.lex.org_cues | doc.lex.loc_cues | doc.lex.person_prefixes | doc.lex.misc_cues
        conn = {w for c in doc.lex.connectors for w in c.split()}
        noun_phrase = tokens[1].lower in conn and _known_word(first, doc)  # "Moradores da Rua das Flores"
        if not cue_head and (
            low in doc.lex.stop
            or low in _NEVER_ALONE
            or low in doc.lex.generic
            or low in doc.lowercase_words
            or noun_phrase
        ):
            return _segment_uncertain(article, tokens[1:], doc)
        return [tokens]
    chunks: list[list[Token]] = []
    p, n = 0, len(tokens)
    conn = {w for c in doc.lex.connectors for w in c.split()} | doc.lex.org_connectors
    while p < n:
        matched = 0
        for q in range(min(n, p + kb_max_tokens(doc.kb)), p, -1):  # no longer run is a known name
            if tokens[q - 1].lower in conn:
                continue
            if _kb_match(article, tokens[p:q], doc) is not None:
                matched = q
                break
        if matched:
            while matched < n and tokens[matched].lower in doc.lex.org_suffixes:
                matched += 1
            chunks.append(tokens[p:matched])
            p = matched
            continue
        tok = tokens[p]
        cue_head = tok.lower in doc.lex.org_cues | doc.lex.loc_cues and p + 1 < n
        if tok.lower in conn or (doc.common(tok) and not cue_head):
            p += 1
            continue
        q = p + 1
        while q < n:
            nxt = tokens[q]
            if nxt.lower in conn:
                if q + 1 < n and not doc.common(tokens[q + 1]):
                    q += 2
                    continue
                break
            if doc.common(nxt):
                break
            q += 1
        chunks.append(tokens[p:q])
        p = q
    return [c for c in (_strip_connectors(c, doc.lex) for c in chunks) if c]


def _never_a_name(article: Article, tok: Token, doc: _Doc) -> bool:
    """Function words, months and office words are not names on their own, wherever they stand."""
    low = tok.lower
    if low in _NEVER_ALONE or low in doc.lex.generic or low in doc.lex.not_names:
        return True
    if re.search(r"-[a-zà-ý]", tok.text) and not tok.is_acronym:
        return True  # "Estado-parte", "Primeiro-ministro"
    return low in doc.lex.stop and _kb_match(article, [tok], doc) is None and not tok.is_acronym


def _is_portfolio(article: Article, chunk: Sequence[Token], seg_start: int, lex: NameLexicon) -> bool:
    """ "Saúde" in "a ministra da Saúde" belongs to the role, it is not a name of its own."""
    left = _left_words(article, seg_start, chunk[0].start, 3)
    if len(left) < 2 or left[-1] not in lex.connectors or "minist" not in left[-2]:
        return False
    return " ".join(t.lower for t in chunk) in lex.portfolios


_LEFT_WORD_RE = re.compile(r"[\w][\w'’-]*|[,;:()“”\"]")
_WORD_CHAR_RE = re.compile(r"[\w'’-]")
_RIGHT_WORD_RE = re.compile(r"[\w][\w'’-]*")
#: Characters of context read after a name: its apposition, "(SP)", ", de 45 anos" and next words.
_RIGHT_WINDOW = 200


def _left_words(article: Article, seg_start: int, pos: int, n: int = 4) -> list[str]:
    """The last ``n`` words and marks before ``pos`` in its segment.

    Only a window before ``pos`` is read (widened until it holds ``n`` of them), so a
    5,000-word sentence costs no more per name than a short one. The window starts
    where no word runs across its edge, so it finds exactly what a scan from the
    segment's start would.
    """
    text = article.text
    width = 16 * (n + 1)
    while True:
        start = max(seg_start, pos - width)
        while start > seg_start and _WORD_CHAR_RE.match(text, start - 1):
            start -= 1
        found = _LEFT_WORD_RE.findall(text, start, pos)
        if len(found) >= n or start == seg_start:
            return [w.casefold() for w in found[-n:]]
        width *= 4


def _right_text(article: Article, pos: int, seg_end: int) -> str:
    """The start of the segment after ``pos``: enough for every pattern read there."""
    return article.text[pos : min(seg_end, pos + _RIGHT_WINDOW)]


def _type_candidate(article: Article, cand: _Candidate, seg: tuple[int, int], doc: _Doc) -> None:
    """Give the candidate a type and a confidence from the KB, the words around it and its own words.

    Confidence: 3 the KB; 2.5 a title before it or a head word inside it; 2 the words
    around it; 1-1.5 weak hints (a preposition, a speech verb after a single word);
    below 1 a guess that recurrence in the article may overrule.
    """
    lex = doc.lex
    text = _text(article, cand.tokens)
    words = [t.lower for t in cand.tokens]
    record = _kb_match(article, cand.tokens, doc)
    left = _left_words(article, seg[0], cand.start)
    right = _right_text(article, cand.end, seg[1])
    right_words = [m.group().casefold() for m in itertools.islice(_RIGHT_WORD_RE.finditer(right), 3)]
    last_left = left[-1] if left else ""
    left_phrases = {" ".join(left[-k:]) for k in (1, 2, 3) if len(left) >= k}
    role_before = last_left.startswith("ex-") or any(
        p in lex.role_nouns or p in lex.titles for p in left_phrases
    )
    apposition = re.match(r"^\s*,\s*(?:(?:o|a|os|as|the|el|la|an?)\s+)?([\w-]+(?:\s[\w-]+){0,2})", right)
    appositive_words = apposition.group(1).casefold().split() if apposition else []
    head = words[1] if cand.tokens[0].is_ordinal and len(words) > 1 else words[0]
    head2 = " ".join(words[:2])

    def give(type_: EntityType, confidence: float) -> None:
        cand.type, cand.confidence = type_, confidence

    if record is not None and (record.type == "PER" or not (cand.person_cue or role_before)):
        cand.type, cand.confidence, cand.record = record.type, 3.0, record
    elif cand.person_cue or role_before:
        give("PER", 2.5)
    elif (
        len(words) > 1
        and re.fullmatch(r"[A-Z]*-?\d+", cand.tokens[-1].text)
        and _kb_match(article, cand.tokens[:-1], doc) is not None
    ):
        give("MISC", 2.0)  # "Airbus A-320", "Boeing 737": a product of a known maker
    elif (
        len(words) == 1
        and doc.kb.by_code(text)
        and _STATE_CODE_RE.fullmatch(article.text[cand.start - 1 : cand.end + 1])
    ):
        give("LOC", 2.5)  # "(SC)"
    elif re.fullmatch(r"[A-Z]{2}-\d{2,3}", text):
        give("LOC", 2.0)  # a highway: "BR-470", "SP-348"
    elif re.fullmatch(r"[A-Z]{2,5}\d{1,4}", text):
        give("MISC", 1.5)  # "COP30": an event or a model, not an organisation
    elif last_left in lex.org_context or any(p in lex.org_context for p in left_phrases if " " in p):
        give("ORG", 2.6)  # "a boate Estação 21", "a consultoria Rumo Macro"
        cand.head_noun = True
    elif any(p in lex.loc_context for p in left_phrases):
        give("LOC", 2.6)  # "bairro Garcia", "cidade de Petrópolis"
        cand.head_noun = True
    elif words[0] in lex.person_prefixes and len(words) > 1:
        give("PER", 2.5)
    elif len(words) > 1 and (head in lex.org_cues or head2 in lex.org_cues or words[-1] in lex.org_suffixes):
        give("ORG", 2.5)
    elif len(words) > 1 and cand.tokens[0].is_acronym and len(cand.tokens[0].text) >= 3:
        give("ORG", 2.0)  # "CPFL Paulista"
    elif words[0] in lex.misc_cues and len(words) > 1:
        give("MISC", 2.5)
    elif words[0] in lex.loc_cues and len(words) > 1:
        give("LOC", 2.5)
    else:
        _type_from_surroundings(cand, left, right, right_words, appositive_words, doc)


def _type_from_surroundings(
    cand: _Candidate,
    left: Sequence[str],
    right: str,
    right_words: Sequence[str],
    appositive_words: Sequence[str],
    doc: _Doc,
) -> None:
    lex = doc.lex
    words = [t.lower for t in cand.tokens]
    last_left = left[-1] if left else ""
    paren = _STATE_CODE_RE.match(right.lstrip())
    conn = {w for c in lex.connectors for w in c.split()} | lex.org_connectors
    ordinary = all(_ordinary(t, doc) for t in cand.tokens if t.lower not in conn)
    appositive_role = any(_role_noun_at(appositive_words[k:], lex) is not None for k in (0, 1))
    appositive_org = bool(appositive_words) and appositive_words[0] in lex.org_context
    appositive_loc = bool(appositive_words) and appositive_words[0] in lex.loc_context
    prepositions = {w for c in lex.connectors for w in c.split()} | lex.loc_prepositions
    prepositions |= _ARTICLE_PREPOSITIONS.get(lex.lang, frozenset())
    # "O pesquisador do Cepavi explicou": after a preposition the name is not the subject
    verb_after = bool(right_words) and right_words[0] in lex.speech_verbs and last_left not in prepositions
    single = len(words) == 1
    found: tuple[EntityType, float]
    office = _role_noun_at(left[-2:-1], lex) if len(left) >= 2 and left[-1] in conn else None
    if office is not None and set(lex.role_nouns[office[0]]) & {"mayor", "governor"}:
        found = ("LOC", 2.0)  # "prefeito de Jacobina": mayors and governors are of places
    elif office is not None and not ordinary:
        found = ("ORG", 1.2)  # "economista-chefe da Vértice": an office of an institution
    elif paren and doc.kb.by_code(paren.group(1)) and not paren.group(2):
        found = ("LOC", 2.0)  # "Campinas (SP)"
    elif paren and paren.group(2) and doc.kb.by_code(paren.group(2)):
        found = ("PER", 2.0)  # "Nikolas Ferreira (PL-MG)"
    elif paren and _initials(cand.tokens, lex) == paren.group(1).upper():
        found = ("ORG", 2.5)  # "Instituto Nacional de Meteorologia (INMET)"
    elif _AGE_RE.match(right) or appositive_role:
        found = ("PER", 2.0)  # "João Silva, de 45 anos", "Fernando Haddad, ministro da Fazenda"
    elif appositive_org:
        found = ("ORG", 2.0)  # "a Spinumviva, empresa de consultoria"
    elif appositive_loc:
        found = ("LOC", 2.0)
    elif words[0] in all_first_names() and (not single or verb_after):
        found = ("PER", 2.0)
    elif single and cand.tokens[0].is_acronym:
        found = ("ORG", 1.5)
    elif verb_after:
        found = ("PER", 1.5)
    elif last_left in lex.loc_prepositions and not ordinary:
        found = ("LOC", 1.0)
    elif single and last_left in _ARTICLE_PREPOSITIONS.get(lex.lang, ()) and not ordinary:
        found = ("ORG", 1.0)  # "da Unicamp", "do Cepagri": organisations take the article, towns do not
    elif words[0] in all_first_names():
        found = ("PER", 1.0)
    elif not single and re.fullmatch(r"\d{1,4}", words[-1]):
        found = ("MISC", 1.0)  # "Agenda 2030"
    elif (
        not single
        and not ordinary
        and not all(_known_word(t, doc) for t in cand.tokens if t.lower not in conn)
    ):
        found = ("PER", 0.8)  # unknown words in a capitalised run: most often a person
    else:
        found = ("MISC", 0.5)
    cand.type, cand.confidence = found


def _initials(tokens: Sequence[Token], lex: NameLexicon) -> str:
    conn = {w for c in lex.connectors for w in c.split()} | lex.org_connectors
    return "".join(t.text[0].upper() for t in tokens if t.lower not in conn and t.is_word)


def _name_words(text: str, lex: NameLexicon) -> list[str]:
    conn = {w for c in lex.connectors for w in c.split()} | lex.org_connectors
    return [name_key(w) for w in re.findall(r"[\w][\w'’.-]*", text) if w.casefold() not in conn]


def name_tokens(text: str, lang: str | None = None) -> list[str]:
    """Folded words of a name without connectors: "Lula da Silva" -> ["lula", "silva"]."""
    return _name_words(text, lexicon(lang))


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _extend_with_numbers(article: Article, cands: list[_Candidate], doc: _Doc) -> None:
    """A number after a one-word name belongs to it after a generic noun ("a boate Estação 21
    funcionava") and wherever the article names it so elsewhere ("A Estação 21 funcionava")."""
    for c in cands:
        m = re.match(r" (\d{1,4})\b(?![.,]\d)", article.text[c.end : c.end + 6])
        if c.head_noun and len(c.tokens) == 1 and m is not None:
            c.tokens.append(Token(m.group(1), c.end + 1, c.end + 1 + len(m.group(1))))
    named = {
        name_key(_text(article, c.tokens)): c for c in cands if re.search(r"\d$", _text(article, c.tokens))
    }
    if not named:
        return
    for c in cands:
        m = re.match(r" (\d{1,4})\b", article.text[c.end : c.end + 6])
        if m is None:
            continue
        longer = name_key(_text(article, c.tokens) + m.group())
        if longer in named:
            model = named[longer]
            c.tokens.append(Token(m.group(1), c.end + 1, c.end + 1 + len(m.group(1))))
            c.type, c.confidence, c.record = model.type, model.confidence, model.record


def _propagate(article: Article, cands: list[_Candidate], doc: _Doc) -> None:
    """Within-article recurrence: a name typed confidently once lends its type to weaker repeats."""
    best: dict[str, _Candidate] = {}
    for c in cands:
        key = name_key(_text(article, c.tokens))
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    persons = [
        _name_words(_text(article, c.tokens), doc.lex)
        for c in cands
        if c.type == "PER" and c.confidence >= 2.0 and len(c.tokens) > 1
    ]
    for c in cands:
        if c.confidence >= 2.0:
            continue
        key = name_key(_text(article, c.tokens))
        strongest = best[key]
        if strongest is not c and strongest.confidence > c.confidence:
            c.type, c.confidence = strongest.type, strongest.confidence - 0.1
            continue
        words = _name_words(_text(article, c.tokens), doc.lex)
        if words and any(_is_subsequence(words, p) and len(p) > len(words) for p in persons):
            c.type, c.confidence = "PER", 1.9
    heads = {
        c.tokens[0].lower: c.type
        for c in cands
        if c.type in ("ORG", "LOC") and c.confidence >= 2.0 and len(c.tokens) > 1
    }
    for c in cands:
        # "Assembleia" after "Assembleia da República"
        if c.confidence < 2.0 and len(c.tokens) == 1 and c.tokens[0].lower in heads:
            c.type, c.confidence = heads[c.tokens[0].lower], 1.9
    for prev, c in itertools.pairwise(cands):
        # "nos bairros Garcia e Velha": a list shares its type
        gap = article.text[prev.end : c.start].strip().casefold()
        listed = gap in {",", "e", "y", "and", "ou", "or", "o"} and prev.type in ("LOC", "ORG", "PER")
        if c.confidence < 2.0 <= prev.confidence and listed and c.record is None:
            c.type, c.confidence = prev.type, 1.9
    for c in cands:
        # "Montenegro" after "Luís Montenegro": the person, not the country
        if c.type == "PER" or c.record is None or len(c.tokens) != 1:
            continue
        word = name_key(c.tokens[0].text)
        if any(len(p) > 1 and word in (p[0], p[-1]) for p in persons):
            c.type, c.confidence, c.record = "PER", 2.0, None


# ----------------------------------------------------------------------------- nominal mentions


def _nominal_mentions(
    article: Article, tokens: list[Token], names: Sequence[_Candidate], doc: _Doc, titled: set[str]
) -> list[EntityMention]:
    """Definite role phrases that stand for a person ("o presidente brasileiro")."""
    lex = doc.lex
    out: list[EntityMention] = []
    lowered = [t.lower for t in tokens]
    name_starts = {c.start: c for c in names}
    loc_starts: dict[int, _Candidate] = {}
    for c in names:
        if c.type == "LOC":
            loc_starts.setdefault(c.start, c)
    person_ends = frozenset(c.end for c in name_starts.values() if c.type == "PER")

    def role_at(k: int) -> tuple[str, int] | None:  # a window, not the rest of a 5,000-word sentence
        return _role_noun_at(lowered[k : k + _ROLE_WORDS], lex)

    i = 0
    while i < len(tokens):
        found = role_at(i)
        prefix_start: int | None = None
        if found is None and lex.lang == "en":
            # "Brazil's president", "Brazilian president", "US President"
            place = loc_starts.get(tokens[i].start)
            if place is not None:
                j = i + len(place.tokens)
                if j < len(tokens) and tokens[j].text in ("'s", "’s"):
                    j += 1
                if role_at(j) is not None:
                    prefix_start, found = tokens[i].start, role_at(j)
                    i = j
            if found is None and doc.kb.demonym(tokens[i].text, "en") and role_at(i + 1):
                prefix_start, found = tokens[i].start, role_at(i + 1)
                i += 1
        if found is None:
            i += 1
            continue
        noun, size = found
        before = lowered[i - 1] if i > 0 else ""
        if (
            prefix_start is None
            and before not in lex.determiners
            and not (lex.lang == "en" and before == "'s")
        ):
            i += size
            continue
        if prefix_start is None and i > 1 and lex.lang == "en" and before == "'s":
            i += size
            continue
        j = i + size
        # qualifier: "da Saúde", "do Brasil", "do Banco Central", demonym
        end_tok = j - 1
        conn = {w for c in lex.connectors for w in c.split()} | {"of"}
        if j < len(tokens) and lowered[j] in conn:
            k = j + 1
            if k < len(tokens) and f"{lowered[j]} {lowered[k]}" in lex.connectors:
                k += 1
            portfolio = _portfolio_at(lowered[k : k + _PORTFOLIO_WORDS], lex)
            if portfolio is not None and "minister" in lex.role_nouns[noun]:
                end_tok = k + portfolio[1] - 1
            elif k in range(len(tokens)) and tokens[k].start in name_starts:
                qualifier = name_starts[tokens[k].start]
                if qualifier.type != "PER":
                    end_tok = k + len(qualifier.tokens) - 1
                else:
                    i = j
                    continue
            elif (
                k < len(tokens)
                and tokens[k].is_cap
                and name_key(tokens[k].text) in ("republica", "governo", "gobierno")
            ):
                end_tok = k
            else:
                i = j  # "presidente da empresa": not a named referent
                continue
        following = tokens[end_tok + 1] if end_tok + 1 < len(tokens) else None
        if (
            following
            and lex.lang != "en"
            and following.text[:1].islower()
            and doc.kb.demonym(following.text, lex.lang)
        ):
            end_tok += 1  # "presidente brasileiro"
        start_tok = i
        start = prefix_start if prefix_start is not None else tokens[start_tok].start
        end = tokens[end_tok].end
        if _attached_to_name(
            tokens, start_tok - (0 if prefix_start is not None else 1), end_tok, name_starts, person_ends, lex
        ):
            i = end_tok + 1  # "o presidente Lula", "Lula, o presidente brasileiro,": the name is the mention
            continue
        text = article.text[start:end]
        ref = parse_role(text, lex.lang, doc.countries)
        known_role = ref is not None and (ref.explicit or any(k != "minister" for k in ref.keys))
        if ref is not None and (known_role or lex.role_class(noun) in titled):
            out.append(EntityMention(text=text, type="PER", span=Span(start, end), kind="nominal"))
        i = end_tok + 1
    return out


def _attached_to_name(
    tokens: Sequence[Token],
    first: int,
    last: int,
    name_starts: dict[int, _Candidate],
    person_ends: frozenset[int],
    lex: NameLexicon,
) -> bool:
    """A role phrase used as a title or in apposition to a person's name is not a mention of its own."""

    def person_at(k: int) -> bool:
        return (
            0 <= k < len(tokens)
            and tokens[k].start in name_starts
            and name_starts[tokens[k].start].type == "PER"
        )

    if person_at(last + 1):
        return True  # "o presidente Lula"
    if last + 2 < len(tokens) and tokens[last + 1].text == ",":
        k = last + 2
        while (
            k < len(tokens)
            and k < last + 5
            and (tokens[k].lower in lex.role_nouns or tokens[k].lower in lex.titles)
        ):
            k += 1
        if person_at(k):
            return True  # "o presidente francês, Emmanuel Macron", "O comandante ..., tenente-coronel X"
    if first >= 2 and tokens[first - 1].text == ",":
        return tokens[first - 2].end in person_ends  # "Emmanuel Macron, o presidente francês"
    return False


def role_nouns_near(article: Article, span: Span) -> set[str]:
    """Role nouns printed as a title or apposition of the name at ``span``.

    "o prefeito João Silva", "O comandante do 3º Grupamento, tenente-coronel Marcos
    Antunes", "Fernando Haddad, ministro da Fazenda" give "prefeito", "comandante" and
    "tenente-coronel", "ministro". Only a title's own words may stand between the role
    and the name (its qualifier, a comma, another title), not a verb: in "A ministra
    visitou o hospital, disse Ana" Ana is not the minister.
    """
    lex = lexicon(article.language)
    conn = {w for c in lex.connectors for w in c.split()} | {"of", "the"}
    before = article.text[max(0, span.start - 100) : span.start]
    words = re.findall(r"[\w][\w'’-]*|,", re.split(r"[.!?;:\n“”\"«»()]", before)[-1])
    found: set[str] = set()
    k = len(words)
    while k > 0 and len(words) - k < 10:
        word = words[k - 1]
        low = word.casefold()
        hit = next(
            (" ".join(w.casefold() for w in words[k - n : k]) for n in (3, 2, 1) if k >= n
             and " ".join(w.casefold() for w in words[k - n : k]) in lex.role_nouns),
            None,
        )  # fmt: skip
        if hit is not None:
            found.add(hit)
            k -= len(hit.split())
            continue
        if word == "," or low in conn or low in lex.titles or word[:1].isupper() or word[:1].isdigit():
            k -= 1
            continue
        if k >= 2 and words[k - 2].casefold() in conn:
            k -= 2  # "do batalhão": a lower-case qualifier of the title
            continue
        break
    after = article.text[span.end : span.end + 60]
    apposition = re.match(r"^\s*,\s*(?:\w{1,3}\s+)?([\w-]+(?:\s[\w-]+){0,3})", after)
    if apposition:
        after_words = apposition.group(1).casefold().split()
        for size in (4, 3, 2, 1):
            phrase = " ".join(after_words[:size])
            if phrase in lex.role_nouns:
                found.add(phrase)
    return found


def _titled_classes(article: Article, cands: Sequence[_Candidate], lex: NameLexicon) -> set[str]:
    """Classes of the role nouns that introduce a named person somewhere in this article."""
    out: set[str] = set()
    for c in cands:
        if c.type == "PER":
            out.update(lex.role_class(n) for n in role_nouns_near(article, Span(c.start, c.end)))
    return out


# ----------------------------------------------------------------------------- entry point


def find_entities(article: Article, options: Options | None = None) -> list[EntityMention]:
    """Names (PER/ORG/LOC/MISC), nominal role mentions and demonyms in the kept body.

    The rule system runs for the languages Parallax has resources for; where it ships a
    trained tagger (Portuguese) its names replace or complete the rules'
    (:mod:`parallax.nlp.ner`). An installed trained spaCy pipeline for the language
    (:mod:`parallax.nlp.trained`) adds its names; for a language without Parallax's
    own resources its names, typed by the knowledge base, are all there is.
    """
    trained = trained_entities(article, options)
    if trained is not None and article.language not in SUPPORTED:
        return [_kb_typed(m) for m in trained]
    mentions, known = rule_analysis(article)
    if article.language == "pt":
        from parallax.nlp.ner.tagger import tagged_entities

        name_tagger = options.name_tagger if options is not None else "crf"
        combined = tagged_entities(article, mentions, known, article_countries(article), name_tagger)
        if combined is not None:
            mentions = combined
    return mentions if trained is None else merge_trained(mentions, trained)


def _kb_typed(mention: EntityMention) -> EntityMention:
    """A trained pipeline's name, retyped when the knowledge base knows it ("Élysée" as ORG)."""
    kb = load_kb()
    record = kb.best(mention.text)
    if record is None or record.type == mention.type or kb.is_common_word_alias(record, mention.text):
        return mention
    return dataclasses.replace(mention, type=record.type)


def rule_entities(article: Article) -> list[EntityMention]:
    """The rule system's names, nominal role mentions and demonyms (no trained model)."""
    return rule_analysis(article)[0]


def rule_analysis(article: Article) -> tuple[list[EntityMention], frozenset[tuple[int, int]]]:
    """The rule system's mentions, and the (start, end) of the names it typed from the knowledge base."""
    kb = load_kb()
    segments = _segments(article)
    if not segments:
        return [], frozenset()
    doc = _doc_context(article, segments, kb)
    lex = doc.lex
    all_cands: list[_Candidate] = []
    seg_tokens: list[tuple[tuple[int, int], list[Token]]] = []
    demonym_tokens: list[Token] = []
    for offset, text in segments:
        raw = tokenize(text, offset)
        tokens = _mark_initial(raw, _is_title_case(raw, lex))
        seg = (offset, offset + len(text))
        seg_tokens.append((seg, tokens))
        for run in _raw_candidates(article, tokens, lex):
            stripped, cue = _strip_titles(article, run, doc, demonym_tokens)
            pieces = (
                _segment_uncertain(article, stripped, doc)
                if any(t.initial for t in stripped)
                else [_strip_connectors(stripped, lex)]
            )
            for piece in pieces:
                if piece and piece[0].start != stripped[0].start and piece[0].initial:
                    piece, piece_cue = _strip_titles(article, piece, doc, demonym_tokens)
                    cue = cue or piece_cue
                split = [
                    c
                    for part in _split_org_connectors(article, piece, doc)
                    for c in _split_at_heads(article, part, doc)
                ]
                for part in split if piece else []:
                    chunk, chunk_cue = _strip_titles(
                        article, _strip_connectors(part, lex), doc, demonym_tokens
                    )
                    person_cue = chunk_cue or (cue and bool(chunk) and chunk[0].start == piece[0].start)
                    if not chunk or _is_portfolio(article, chunk, seg[0], lex):
                        continue
                    if not any(t.is_cap for t in chunk):
                        continue  # "Em 1996" without "Em" is a year, not a name
                    if (
                        " ".join(t.lower for t in chunk) in lex.not_names
                        or article.text[chunk[-1].end :][:1] == "$"
                    ):
                        continue
                    if len(chunk) == 1 and _never_a_name(article, chunk[0], doc):
                        continue
                    if lex.lang == "en" and len(chunk) == 1 and kb.demonym(chunk[0].text, "en"):
                        demonym_tokens.append(chunk[0])
                        continue
                    cand = _Candidate(list(chunk), person_cue=person_cue)
                    _type_candidate(article, cand, seg, doc)
                    all_cands.append(cand)
    _extend_with_numbers(article, all_cands, doc)
    _propagate(article, all_cands, doc)
    kept = [c for c in all_cands if not (c.confidence < 1.0 and len(c.tokens) == 1 and c.tokens[0].initial)]

    mentions = [
        EntityMention(text=_text(article, c.tokens), type=c.type, span=Span(c.start, c.end), kind="name")
        for c in kept
    ]
    titled = _titled_classes(article, kept, lex)
    nominals: list[EntityMention] = []
    for seg, tokens in seg_tokens:
        in_seg = [c for c in kept if seg[0] <= c.start < seg[1]]
        nominals.extend(_nominal_mentions(article, tokens, in_seg, doc, titled))
    mentions.extend(nominals)
    mentions.extend(_demonyms(article, seg_tokens, kept, nominals, demonym_tokens, doc))
    kind_order = {"name": 0, "nominal": 1, "demonym": 2}
    mentions.sort(key=lambda m: (m.span.start, kind_order[m.kind], -m.span.end))
    return mentions, frozenset((c.start, c.end) for c in kept if c.record is not None)


def _demonyms(
    article: Article,
    seg_tokens: Iterable[tuple[tuple[int, int], list[Token]]],
    names: Sequence[_Candidate],
    nominals: Sequence[EntityMention],
    english: Sequence[Token],
    doc: _Doc,
) -> list[EntityMention]:
    taken = [Span(c.start, c.end) for c in names] + [m.span for m in nominals]
    out: list[EntityMention] = []
    seen: set[int] = set()
    candidates: list[Token] = list(english)
    if doc.lex.lang != "en":
        for _, tokens in seg_tokens:
            candidates.extend(
                t for t in tokens if t.text[:1].islower() and doc.kb.demonym(t.text, doc.lex.lang)
            )
    for tok in candidates:
        span = Span(tok.start, tok.end)
        if tok.start in seen or any(s.overlaps(span) for s in taken):
            continue
        seen.add(tok.start)
        out.append(EntityMention(text=tok.text, type="LOC", span=span, kind="demonym"))
    return out


def demonym_country(text: str, lang: str | None) -> str | None:
    """The country code of a demonym mention ("brasileiros" -> "BR")."""
    return load_kb().demonym(text, lexicon(lang).lang)


def is_pronoun(text: str, lang: str | None) -> bool:
    return text.strip().casefold() in lexicon(lang).pronouns


def kb_record_for(text: str, type: EntityType, countries: Sequence[str]) -> Record | None:
    """The KB record a name mention refers to, when the KB knows it under that type."""
    kb = load_kb()
    record = kb.best(text, type, countries)
    if record is None and type == "MISC":
        record = kb.best(text, None, countries)
    return record


__all__ = [
    "NameLexicon",
    "RoleRef",
    "Token",
    "article_countries",
    "demonym_country",
    "find_entities",
    "is_pronoun",
    "kb_record_for",
    "lexicon",
    "name_tokens",
    "parse_role",
    "role_nouns_near",
    "rule_analysis",
    "rule_entities",
    "tokenize",
]
