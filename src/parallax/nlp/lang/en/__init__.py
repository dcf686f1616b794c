"""Resources for language 'en', one module per concern."""
