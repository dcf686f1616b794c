"""Which articles of a story are the same source (docs/architecture.md, "Independent sources").

Two articles are the same source when they come from the same outlet, or when
both are agency material of the same agency: the agency's own wire (its outlet
is the agency) or an article with a ``dateline``, ``byline`` or ``copied``
credit of that agency, or when one is a duplicate of the other (``duplicate_of``:
the same text republished under another name is not a second witness).
"Same source" is made transitive with union-find, so an outlet's article built
on a Reuters dateline and Reuters' own wire and a silent copy of it all count once.
An ``attribution`` credit names a source for one statement only and does not make the article agency material.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parallax.clean.agencies import agency_by_name
from parallax.model import Article
from parallax.text import fold

MATERIAL_KINDS = frozenset({"dateline", "byline", "copied"})


def agency_by_outlet(outlet: str | None) -> str | None:
    """Canonical agency name when the outlet *is* a news agency (its own wire)."""
    found = agency_by_name(outlet) if outlet else None
    return found.name if found is not None else None


def agency_material(article: Article) -> set[str]:
    """Agencies whose material this article is (folded canonical names)."""
    agencies = {fold(c.agency) for c in article.credits if c.kind in MATERIAL_KINDS}
    own = agency_by_outlet(article.outlet)
    if own:
        agencies.add(fold(own))
    return agencies


def credited_agencies(article: Article) -> set[str]:
    """Every agency the article names in any credit (folded): copying one of them is not silent."""
    names = {fold(c.agency) for c in article.credits}
    own = agency_by_outlet(article.outlet)
    if own:
        names.add(fold(own))
    return names


def source_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> id of its source group (the smallest article id of the group)."""
    parent: dict[str, str] = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        keys = {f"agency:{name}" for name in agency_material(article)}
        if article.outlet:
            keys.add("outlet:" + fold(article.outlet).strip())
        original = article.duplicate_of.article if article.duplicate_of else article.id
        keys.add("text:" + original)
        for key in sorted(keys):
            if key in owner:
                a, b = find(owner[key]), find(article.id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[key] = article.id
    return {a.id: find(a.id) for a in articles}


def count_sources(article_ids: Iterable[str], groups: dict[str, str]) -> int:
    return len({groups.get(aid, aid) for aid in article_ids})
