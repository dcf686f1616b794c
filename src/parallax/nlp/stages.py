"""Extraction stages over the kept body of one article."""

from __future__ import annotations

import dataclasses

from parallax.model import Article
from parallax.nlp.dates import find_dates
from parallax.nlp.entities import find_entities
from parallax.nlp.quantities import find_quantities
from parallax.nlp.quotes import find_quotes
from parallax.nlp.sentences import split_sentences
from parallax.options import Options
from parallax.registry import document_stage


@document_stage("sentences", requires=("removed", "language"), provides=("sentences",))
def sentences(article: Article, options: Options) -> Article:
    """Split kept body lines into sentences (line-aware, abbreviation-aware, quotes kept whole)."""
    return dataclasses.replace(article, sentences=split_sentences(article))


@document_stage("entities", requires=("sentences",), provides=("entities",))
def entities(article: Article, options: Options) -> Article:
    """Find people, organisations, places and other names, with nominal mentions."""
    return dataclasses.replace(article, entities=find_entities(article, options))


@document_stage("quotes", requires=("sentences", "entities"), provides=("quotes",))
def quotes(article: Article, options: Options) -> Article:
    """Find direct, partial and indirect quotes with their speakers."""
    return dataclasses.replace(article, quotes=find_quotes(article))


@document_stage("quantities", requires=("sentences",), provides=("quantities",))
def quantities(article: Article, options: Options) -> Article:
    """Find numbers with their qualifier interval, unit and the thing counted."""
    return dataclasses.replace(article, quantities=find_quantities(article))


@document_stage("dates", requires=("sentences",), provides=("dates",))
def dates(article: Article, options: Options) -> Article:
    """Find date expressions and normalise them against the publication date."""
    return dataclasses.replace(article, dates=find_dates(article))
