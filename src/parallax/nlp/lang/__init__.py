"""Per-language resources: ``parallax.nlp.lang.<code>.<concern>`` (pt, en, es)."""

SUPPORTED = ("pt", "en", "es")
