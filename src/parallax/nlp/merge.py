"""Corpus stage ``merge_entities``: one :class:`~parallax.model.Entity` per thing named.

Mentions are merged within and across articles, in this order of evidence:

1. **Knowledge base**: a name the KB knows under the mention's type is that record
   ("Lula", "Luiz Inácio Lula da Silva", "Lula da Silva"; "EUA", "United States",
   "EE.UU."), and the entity takes the KB's canonical name and id.
2. **Within an article**: a shorter name that is a word subsequence of a longer name
   of the same type in the same article joins it ("Haddad" -> "Fernando Haddad",
   "Assembleia" -> "Assembleia da República"); when several longer names fit ("Silva"
   with "Marina Silva" and "João Silva"), the nearest one before it wins. An
   acronym joins the organisation whose initials it spells.
3. **Across articles**: the same full name (accent- and case-insensitive) is the same
   entity. A lone surname no article resolves joins the one full name the corpus has
   for it; if two people share it, it stays with its own article and merges with
   neither. It joins a KB person only when its article supports it: a role printed
   at it that the person held, or, with no role, the person's country being the
   article's main one ("Costa" the striker is not António Costa).

Nominal mentions ("o presidente brasileiro", "a ministra da Saúde") resolve to a
person named in the article who carries that role, else to the KB holder of the
office on the article's date; one that resolves to nobody is dropped, so every
mention the stage returns carries an entity id. Demonym mentions link to their
country. Quote
speakers are linked the same way: by their span, their name, a role phrase or a
pronoun (the last person named before the quote).

Entity ids are deterministic: ``"e-"`` + 12 hex digits of a SHA-1 over the KB
record id, or over type and canonical name (plus the article id for a name that
stays with its article).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from parallax.model import Article, Batch, Entity, EntityMention, EntityType, Quote, Speaker
from parallax.nlp.entities import (
    RoleRef,
    article_countries,
    demonym_country,
    is_pronoun,
    kb_record_for,
    lexicon,
    name_tokens,
    parse_role,
    role_nouns_near,
)
from parallax.nlp.kb import KnowledgeBase, Person, Record, load_kb
from parallax.options import Options
from parallax.registry import corpus_stage
from parallax.text import name_key

#: A merge key: ("kb", record id) | ("name", folded full name) | ("local", article id, folded name).
Key = tuple[str, ...]


@dataclass(slots=True)
class _Cluster:
    key: Key
    record: Record | None = None
    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _ArticleView:
    """One article's mentions with the keys found for them so far."""

    article: Article
    countries: list[str]
    keys: dict[int, Key] = field(default_factory=dict)  # mention index -> key
    pending_surnames: list[int] = field(default_factory=list)  # unresolved one-word PER names

    @property
    def lang(self) -> str | None:
        return self.article.language

    @property
    def date(self) -> str | None:
        return self.article.published


def _kb_key(record: Record) -> Key:
    return ("kb", record.id)


def _words(mention: EntityMention, lang: str | None) -> list[str]:
    return name_tokens(mention.text, lang)


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _initials(text: str, lang: str | None) -> str:
    lex = lexicon(lang)
    conn = {w for c in lex.connectors for w in c.split()} | lex.org_connectors
    return "".join(w[0].upper() for w in re.findall(r"[\w][\w'-]*", text) if w.casefold() not in conn)


# ----------------------------------------------------------------------------- names


def _resolve_names(view: _ArticleView, kb: KnowledgeBase) -> None:
    """Key every name mention of one article (longest names first, so short ones can join them)."""
    mentions = view.article.entities
    names = [i for i, m in enumerate(mentions) if m.kind == "name"]
    names.sort(key=lambda i: (-len(_words(mentions[i], view.lang)), mentions[i].span.start))
    for i in names:
        m = mentions[i]
        words = _words(m, view.lang)
        record = kb_record_for(m.text, m.type, view.countries)
        if record is not None and record.type == "PER":
            view.keys[i] = _kb_key(record)
            continue
        container = _container(view, i, words)
        if container is not None and not _own_record_wins(record, view.keys[container]):
            view.keys[i] = view.keys[container]
            continue
        if record is not None:
            view.keys[i] = _kb_key(record)
            continue
        acronym_of = _acronym_source(view, i)
        if acronym_of is not None:
            view.keys[i] = view.keys[acronym_of]
            continue
        view.keys[i] = ("name", name_key(m.text))
        if m.type in ("PER", "MISC") and len(words) == 1:
            view.pending_surnames.append(i)  # a lone surname ("Moura"): settled across the corpus


def _own_record_wins(record: Record | None, container_key: Key) -> bool:
    """A name the KB knows stays itself inside another KB name: "ONU" in "Conselho de
    Segurança da ONU", "Selic" next to "Tesouro Selic"."""
    return record is not None and container_key[0] == "kb" and container_key[1] != record.id


def _container(view: _ArticleView, i: int, words: list[str]) -> int | None:
    """The longer name of the same type in the article that this name is part of, nearest before first."""
    mentions = view.article.entities
    m = mentions[i]
    if not words:
        return None
    found: list[int] = []
    for j, other in enumerate(mentions):
        if j == i or other.kind != "name" or j not in view.keys or other.type != m.type:
            continue
        other_words = _words(other, view.lang)
        if len(other_words) > len(words) and _is_subsequence(words, other_words):
            found.append(j)
    if not found:
        return None
    targets = {view.keys[j] for j in found}
    if len(targets) == 1:
        return found[0]
    before = [j for j in found if mentions[j].span.start < m.span.start]
    pool = before or found
    return (
        max(pool, key=lambda j: mentions[j].span.start)
        if before
        else min(pool, key=lambda j: mentions[j].span.start)
    )


def _acronym_source(view: _ArticleView, i: int) -> int | None:
    """The organisation in the article whose initials this all-caps name spells ("INMET")."""
    m = view.article.entities[i]
    letters = m.text.replace(".", "")
    if m.type != "ORG" or not (2 <= len(letters) <= 8) or sum(c.isupper() for c in letters) < 2:
        return None
    for j, other in enumerate(view.article.entities):
        candidate = j in view.keys and other.kind == "name" and other.type == "ORG" and j != i
        if candidate and len(other.text.split()) > 1 and _initials(other.text, view.lang) == letters.upper():
            return j
    return None


# ----------------------------------------------------------------------------- roles


def _same_noun(a: str, b: str, lang: str | None) -> bool:
    """One office or kind of person: "prefeito"/"prefeita"; "académico" for a "politólogo"."""
    lex = lexicon(lang)
    return a == b or lex.role_class(a) == lex.role_class(b)


def _resolve_role(
    view: _ArticleView, ref: RoleRef, at: int, kb: KnowledgeBase, clusters: dict[Key, _Cluster]
) -> Key | None:
    """Whom a role phrase at offset ``at`` stands for."""
    if ref.explicit:
        for role in ref.keys:
            for target in ref.targets:
                holder = kb.role_holder(role, target, view.date)
                if holder is not None:
                    return _kb_key(holder)
    # a person of this article introduced with the same role noun, the latest before ``at`` first
    mentions = view.article.entities
    titled = [
        i
        for i, m in enumerate(mentions)
        if m.kind == "name"
        and m.type == "PER"
        and i in view.keys
        and any(_same_noun(ref.noun, n, view.lang) for n in role_nouns_near(view.article, m.span))
    ]
    if titled:
        before = [i for i in titled if mentions[i].span.start < at]
        chosen = max(before, key=lambda i: mentions[i].span.start) if before else titled[0]
        return view.keys[chosen]
    # a person of this article whom the KB knows in that office on that day
    people = [view.keys[i] for i, m in enumerate(mentions) if m.kind == "name" and i in view.keys]
    for key in dict.fromkeys(people):
        record = clusters[key].record if key in clusters else None
        if record is None and key[0] == "kb":
            record = kb.get(key[1])
        roles = getattr(record, "roles", ())
        if any(r.role in ref.keys and r.active(view.date) for r in roles):
            return key
    if not ref.explicit:
        for role in ref.keys:
            for country in view.countries:
                holder = kb.role_holder(role, country, view.date)
                if holder is not None:
                    return _kb_key(holder)
    return None


def _strip_determiner(text: str, lang: str | None) -> str:
    lex = lexicon(lang)
    words = text.strip().split(maxsplit=1)
    if len(words) == 2 and words[0].casefold() in lex.determiners | {"os", "as", "the", "los", "las"}:
        return words[1]
    return text.strip()


# ----------------------------------------------------------------------------- speakers


def _complement(role: EntityMention, name: EntityMention) -> bool:
    return name.type != "PER" and role.span.start < name.span.start and name.span.end <= role.span.end


def _speaker_key(
    view: _ArticleView, quote: Quote, kb: KnowledgeBase, clusters: dict[Key, _Cluster]
) -> tuple[Key | None, EntityType | None, bool]:
    """The key of a quote's speaker, its type when a new entity is needed, and whether the
    printed name is a stand-in (pronoun or role) to be replaced by the canonical name."""
    speaker = quote.speaker
    if speaker is None:
        return None, None, False
    mentions = view.article.entities
    if speaker.span is not None:
        hits = [i for i, m in enumerate(mentions) if m.span.overlaps(speaker.span) and i in view.keys]
        named = [i for i in hits if mentions[i].kind == "name" and mentions[i].type in ("PER", "ORG")]
        nominal = [i for i in hits if mentions[i].kind == "nominal"]
        # an organisation inside a resolved role phrase is what the role is of, not who speaks:
        # "o chefe de Estado brasileiro", "a ministra da Saúde" (a person the quote stage names itself)
        role = next((i for i in nominal if all(_complement(mentions[i], mentions[j]) for j in named)), None)
        if named and role is None:
            return view.keys[named[-1]], None, False
        if nominal:
            return view.keys[role if role is not None else nominal[0]], None, True
    name = speaker.name.strip()
    if not name:
        return None, None, False
    if is_pronoun(name, view.lang):
        before = [
            i
            for i, m in enumerate(mentions)
            if m.kind == "name" and m.type == "PER" and m.span.start < quote.span.start and i in view.keys
        ]
        if before:
            return view.keys[max(before, key=lambda i: mentions[i].span.start)], None, True
        return None, None, False
    bare = _strip_determiner(name, view.lang)
    ref = parse_role(bare, view.lang, view.countries)
    if (ref is not None and not bare[:1].isupper()) or (ref is not None and ref.explicit):
        at = speaker.span.start if speaker.span else quote.span.start
        return _resolve_role(view, ref, at, kb, clusters), None, True
    folded = name_key(name)
    for i, m in enumerate(mentions):
        if m.kind == "name" and name_key(m.text) == folded and i in view.keys:
            return view.keys[i], None, False
    words = name_tokens(name, view.lang)
    for i, m in enumerate(mentions):
        person = m.kind == "name" and m.type == "PER" and i in view.keys
        if person and words and _is_subsequence(words, name_tokens(m.text, view.lang)):
            return view.keys[i], None, False
    if not name[:1].isupper() or bare[:1].islower():
        return _generic_org(view, bare, quote.span.start, kb), None, True
    record = kb_record_for(name, "PER", view.countries) or kb_record_for(name, "ORG", view.countries)
    if record is not None:
        return _kb_key(record), record.type, False
    lex = lexicon(view.lang)
    kind: EntityType = "ORG" if name.split()[0].casefold() in lex.org_cues else "PER"
    return ("name", name_key(name)), kind, False


#: Lower-case nouns that stand for an organisation named before ("a entidade", "o colegiado"),
#: with the KB kinds they prefer. Nouns that are heads of names ("a prefeitura") match by head.
_ANAPHORIC_ORG_NOUNS: dict[str, tuple[str, ...]] = {
    "entidade": (),
    "instituição": (),
    "organização": ("international",),
    "empresa": ("company",),
    "companhia": ("company",),
    "distribuidora": ("company",),
    "concessionária": ("company",),
    "operadora": ("company",),
    "colegiado": ("committee",),
    "comitê": ("committee",),
    "comité": ("committee",),
    "órgão": ("government",),
    "agência": ("government", "media"),
    "associação": ("association",),
    "sindicato": ("association",),
    "federação": ("association",),
    "confederação": ("association",),
    "banco": ("bank", "central_bank"),
    "autoridade": ("central_bank", "government"),
    "partido": ("party",),
    "sigla": ("party",),
    "legenda": ("party",),
    "tribunal": ("court",),
    "corte": ("court",),
    "company": ("company",),
    "organisation": (),
    "organization": (),
    "group": (),
    "bank": ("bank", "central_bank"),
    "committee": ("committee",),
    "party": ("party",),
    "entidad": (),
    "organismo": (),
    "compañía": ("company",),
    "partido político": ("party",),
}


def _generic_org(view: _ArticleView, phrase: str, at: int, kb: KnowledgeBase) -> Key | None:
    """The organisation a lower-case generic phrase stands for ("a prefeitura", "a entidade")."""
    words = phrase.casefold().split()
    if not words:
        return None
    noun = words[0]
    mentions = view.article.entities
    orgs = [i for i, m in enumerate(mentions) if m.kind == "name" and m.type == "ORG" and i in view.keys]
    before = sorted((i for i in orgs if mentions[i].span.start < at), key=lambda i: -mentions[i].span.start)
    after = [i for i in orgs if mentions[i].span.start >= at]
    headed = [i for i in before + after if name_key(mentions[i].text).split()[0] == name_key(noun)]
    if headed:
        return view.keys[headed[0]]  # "a prefeitura" -> "Prefeitura de Blumenau"
    if noun not in _ANAPHORIC_ORG_NOUNS:
        return None
    kinds = _ANAPHORIC_ORG_NOUNS[noun]

    def kind_of(i: int) -> str | None:
        record = kb.get(view.keys[i][1]) if view.keys[i][0] == "kb" else None
        return record.kind if record is not None else None

    preferred = [i for i in before if kinds and kind_of(i) in kinds]
    pool = preferred or [i for i in before if kind_of(i) != "media"]
    return view.keys[pool[0]] if pool else None


# ----------------------------------------------------------------------------- the stage


def _entity_id(cluster: _Cluster, canonical: str, type_: str) -> str:
    if cluster.record is not None:
        basis = "kb\n" + cluster.record.id
    elif cluster.key[0] == "local":
        basis = f"{type_}\n{canonical}\n{cluster.key[1]}"
    else:
        basis = f"{type_}\n{canonical}"
    return "e-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _canonical(cluster: _Cluster) -> str:
    if cluster.record is not None:
        return cluster.record.name
    if not cluster.forms:
        return cluster.key[-1]
    return sorted(cluster.forms, key=lambda f: (-len(f.split()), -len(f), -cluster.forms[f], f))[0]


def _cluster_type(cluster: _Cluster) -> EntityType:
    if cluster.record is not None:
        return cluster.record.type
    typed = Counter({t: n for t, n in cluster.types.items() if t != "MISC"})
    best = (typed or cluster.types).most_common()
    if not best:
        return "MISC"
    top = max(n for _, n in best)
    order: list[EntityType] = ["PER", "ORG", "LOC", "MISC"]
    return next(t for t in order if any(bt == t and n == top for bt, n in best))


def _resolve_surnames(views: list[_ArticleView]) -> None:
    """A lone surname no article resolved joins the corpus's one full name that holds it."""
    full: dict[str, set[Key]] = {}
    for view in views:
        for i, m in enumerate(view.article.entities):
            if m.kind != "name" or m.type != "PER" or i not in view.keys:
                continue
            words = _words(m, view.lang)
            if len(words) > 1:
                for w in (words[0], words[-1]):
                    full.setdefault(w, set()).add(view.keys[i])
    kb = load_kb()
    for view in views:
        for i in view.pending_surnames:
            m = view.article.entities[i]
            words = _words(m, view.lang)
            owners = full.get(words[0], set()) if words else set()
            if len(owners) == 1:
                owner = next(iter(owners))
                record = kb.get(owner[1]) if owner[0] == "kb" else None
                if not isinstance(record, Person) or _surname_fits(view, words[0], record):
                    view.keys[i] = owner
            elif len(owners) > 1:
                view.keys[i] = ("local", view.article.id, name_key(m.text))


def _surname_fits(view: _ArticleView, surname: str, person: Person) -> bool:
    """Whether an article's lone surname may stand for a KB person only other articles name in full.

    "Costa" the striker is not António Costa: a role printed at the surname ("o atacante
    Costa") must be an office the person held; with no role printed, the person must
    belong to the article's main country.
    """
    lex = lexicon(view.lang)
    nouns: set[str] = set()
    for i in view.pending_surnames:
        m = view.article.entities[i]
        if _words(m, view.lang)[:1] == [surname]:
            nouns |= role_nouns_near(view.article, m.span)
    if nouns:
        held = {r.role for r in person.roles}
        keys = {k for n in nouns for k in lex.role_nouns.get(n, ())}
        return any(h == k or h.endswith("_" + k) for h in held for k in keys)
    return bool(view.countries) and person.country == view.countries[0]


@corpus_stage("merge_entities", requires=("entities", "quotes"), provides=("entity_ids",))
def merge_entities(batch: Batch, options: Options) -> Batch:
    """Merge mentions into entities within and across articles; link nominal mentions and speakers."""
    kb = load_kb()
    views = [_ArticleView(a, article_countries(a, kb)) for a in batch.articles]
    for view in views:
        _resolve_names(view, kb)
    _resolve_surnames(views)

    clusters: dict[Key, _Cluster] = {}

    def cluster(key: Key) -> _Cluster:
        if key not in clusters:
            record = kb.get(key[1]) if key[0] == "kb" else None
            clusters[key] = _Cluster(key, record)
        return clusters[key]

    for view in views:
        for i, key in view.keys.items():
            m = view.article.entities[i]
            c = cluster(key)
            c.forms[m.text] += 1
            c.types[m.type] += 1
            c.articles.add(view.article.id)

    speaker_keys: dict[tuple[int, int], tuple[Key, bool]] = {}
    for a_index, view in enumerate(views):
        mentions = view.article.entities
        for i, m in enumerate(mentions):
            if m.kind == "demonym":
                code = demonym_country(m.text, view.lang)
                country = kb.country(code) if code else None
                if country is not None:
                    view.keys[i] = _kb_key(country)
                    cluster(view.keys[i]).articles.add(view.article.id)
        for i, m in sorted(enumerate(mentions), key=lambda im: im[1].span.start):
            if m.kind != "nominal":
                continue
            ref = parse_role(m.text, view.lang, view.countries)
            holder = _resolve_role(view, ref, m.span.start, kb, clusters) if ref is not None else None
            if holder is not None:
                view.keys[i] = holder
                cluster(holder).articles.add(view.article.id)
        for q_index, quote in enumerate(view.article.quotes):
            found, new_type, stand_in = _speaker_key(view, quote, kb, clusters)
            if found is None:
                continue
            key = found
            c = cluster(key)
            c.articles.add(view.article.id)
            if new_type is not None and c.record is None and quote.speaker is not None:
                c.forms[quote.speaker.name] += 1
                c.types[new_type] += 1
            speaker_keys[(a_index, q_index)] = (key, stand_in)

    entities: dict[Key, Entity] = {}
    for key, c in clusters.items():
        canonical = _canonical(c)
        type_ = _cluster_type(c)
        aliases = sorted({f for f in c.forms if f != canonical})
        entities[key] = Entity(
            id=_entity_id(c, canonical, type_),
            name=canonical,
            type=type_,
            aliases=aliases,
            articles=sorted(c.articles),
            kb_id=c.record.kb_id if c.record is not None else None,
        )

    articles: list[Article] = []
    for a_index, view in enumerate(views):
        # a role phrase that stands for nobody the article or the KB knows is not a mention
        new_mentions = [
            dataclasses.replace(m, entity=entities[view.keys[i]].id)
            for i, m in enumerate(view.article.entities)
            if i in view.keys
        ]
        new_quotes: list[Quote] = []
        for q_index, quote in enumerate(view.article.quotes):
            linked = speaker_keys.get((a_index, q_index))
            if linked is None or quote.speaker is None:
                new_quotes.append(dataclasses.replace(quote))
                continue
            entity = entities[linked[0]]
            stand_in = linked[1]
            speaker = Speaker(
                name=entity.name if stand_in else quote.speaker.name,
                entity=entity.id,
                span=quote.speaker.span,
            )
            new_quotes.append(dataclasses.replace(quote, speaker=speaker))
        articles.append(dataclasses.replace(view.article, entities=new_mentions, quotes=new_quotes))

    ordered = sorted(entities.values(), key=lambda e: (name_key(e.name), e.type, e.id))
    return dataclasses.replace(batch, articles=articles, entities=ordered)


__all__ = ["merge_entities"]
