"""Knowledge base shipped as data: people, organisations, places, roles."""

from parallax.nlp.kb.knowledge import (
    Country,
    KnowledgeBase,
    Organisation,
    Person,
    Place,
    Record,
    Role,
    load_kb,
)

__all__ = ["Country", "KnowledgeBase", "Organisation", "Person", "Place", "Record", "Role", "load_kb"]
