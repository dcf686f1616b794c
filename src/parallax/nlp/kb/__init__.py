"""Knowledge base shipped as data: people, organisations, places, roles (see docs/knowledge-base.md)."""

from parallax.nlp.kb.knowledge import (
    Country,
    CountryStatus,
    Gazetteer,
    KnowledgeBase,
    Organisation,
    Person,
    Place,
    Record,
    Role,
    demonym_country,
    holder,
    load_gazetteer,
    load_kb,
)

__all__ = [
    "Country",
    "CountryStatus",
    "Gazetteer",
    "KnowledgeBase",
    "Organisation",
    "Person",
    "Place",
    "Record",
    "Role",
    "demonym_country",
    "holder",
    "load_gazetteer",
    "load_kb",
]
