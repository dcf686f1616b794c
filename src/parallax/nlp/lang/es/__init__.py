"""Resources for language 'es', one module per concern."""
