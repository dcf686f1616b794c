"""Resources for language 'pt', one module per concern."""
