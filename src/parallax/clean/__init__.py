"""Cleaning: site chrome out (with reasons), the article's language, and its agency credits.

Public entry points: :func:`parallax.clean.chrome.clean_article`,
:func:`parallax.clean.language.detect_language`, :func:`parallax.clean.credits.find_credits`
and the agency registry :func:`parallax.clean.agencies.agency_by_name`.
"""
