"""Light text normalisation shared by story grouping and comparison.

Both need the same notion of a "content word": accent-folded, lower-cased,
lemmatised with ``simplemma`` in the article's language, with function words of
Portuguese, English and Spanish removed. Keeping it in one place means that a
word that makes two articles similar also makes two of their sentences similar.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from parallax.text import fold

#: Function words of the three languages (written for this project, folded form).
STOPWORDS: frozenset[str] = frozenset(
    """
    a o as os um uma uns umas de do da dos das no na nos nas em ao aos à às pelo pela pelos pelas
    por para pra com sem sob sobre entre ate desde contra e ou mas nem que se como quando onde
    qual quais quem cujo cuja ja nao sim mais menos muito muita muitos muitas pouco pouca
    este esta estes estas esse essa esses essas aquele aquela aqueles aquelas isto isso aquilo
    ele ela eles elas eu tu voce voces nos vos lhe lhes me te seu sua seus suas meu minha
    nosso nossa dele dela deles delas num numa ser estar ter haver foi foram era eram sao
    esta estao tem tinha tinham ha havia sera seria pode podem deve devem vai vao ja tambem
    ainda so apenas entao porque pois assim segundo apos antes depois durante todo toda todos
    todas outro outra outros outras mesmo mesma cada tal tanto tanta nesta neste nessa nesse
    desta deste dessa desse naquele naquela disso nisso dessa ano anos dia dias feira
    the an of to in on at by for with from as into about after before over under between
    and or but not no nor so if than then that this these those there here it its he she
    they them his her their we our you your i me my is are was were be been being has have
    had do does did will would can could should may might must also only just more most
    said says say according while when where which who whom whose what how all any some
    el la los las un una unos unas del al en con sin sobre entre hasta desde hacia para por
    y o pero ni que si como cuando donde cual cuales quien quienes este esta estos estas
    ese esa esos esas aquel aquella lo le les su sus mi mis nuestro nuestra es son fue fueron
    era eran ser estar esta estan ha han habia hay tiene tienen puede pueden muy mas menos
    tambien ya solo segun tras antes despues durante todo toda todos todas otro otra otros
    otras mismo misma cada año años dia dias
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LEMMA_LANGS = frozenset({"pt", "en", "es"})


def words(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with their character offsets in ``text`` (original form)."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str | None) -> str:
    """Folded lemma of one word; words are lemmatised before folding (accents matter to the lexicon)."""
    lowered = word.casefold()
    lang = language if language in _LEMMA_LANGS else "pt"
    try:
        lemmatised = simplemma.lemmatize(lowered, lang=lang)
    except ValueError:  # pragma: no cover - simplemma rejects odd inputs
        lemmatised = lowered
    return fold(lemmatised)


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """:func:`fold` for single words, cached: the same words recur across a corpus."""
    return fold(word)


def content_lemmas(text: str, language: str | None) -> list[str]:
    """Content words of ``text`` as folded lemmas, in order, function words and 1-letter tokens dropped."""
    out: list[str] = []
    for _, _, word in words(text):
        folded = fold_word(word)
        if len(folded) < 2 or folded in STOPWORDS:
            continue
        lem = lemma(word, language)
        if lem in STOPWORDS:
            continue
        out.append(lem)
    return out
