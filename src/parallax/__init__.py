"""Parallax: what each news source really says, claim by claim."""

__version__ = "0.1.0"
