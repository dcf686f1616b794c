"""Language identification among the supported languages (py3langid, restricted).

The classifier is loaded once per process and restricted per language set, so
a line costs a few tens of microseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from parallax.model import Article
from parallax.options import Options


@cache
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def classify_line(text: str, languages: Sequence[str]) -> tuple[str, float]:
    """Most likely language of one line among ``languages``, with its probability."""
    if len(languages) == 1:
        return languages[0], 1.0
    lang, confidence = _identifier(tuple(sorted(languages))).classify(text)
    return str(lang), float(confidence)


def dominant_language(lines: Iterable[str], languages: Sequence[str]) -> str | None:
    """Language of most of the text: each line votes with its length times its confidence."""
    votes: dict[str, float] = defaultdict(float)
    for line in lines:
        if sum(c.isalpha() for c in line) < 2:
            continue
        lang, confidence = classify_line(line, languages)
        votes[lang] += len(line) * confidence
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: kv[1])[0]


def detect_language(article: Article, options: Options) -> str | None:
    """Language of the kept body lines, or None when nothing is left to read."""
    if not options.languages:
        return None
    return dominant_language((text for _, text in article.kept_lines()), options.languages)
