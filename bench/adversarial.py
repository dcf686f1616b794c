"""Adversarial inputs: every document stage timed at growing sizes, flagging super-linear growth.

Usage: ``python bench/adversarial.py [--words 5000] [--kinds long_sentence,emoji] [--max-seconds 20]
[--name-tagger e5]``

Each kind of bad input (unbalanced quotation marks, one 5,000-word sentence, 50,000
characters without punctuation, all capitals, emoji runs, mixed scripts, digit runs,
"de de de", "mais de mais de", long capitalised name chains, ...) is generated at 1×,
2×, 4× and 8× its base size, read as an article (``parallax.ingest.make_article``) and
run through the document stages one by one in this process. For every stage the
script prints seconds at each size and the growth ratio per doubling; a ratio above
2.6 (where linear work gives 2) on a stage that takes measurable time is flagged
``SUPER-LINEAR``: catastrophic regex backtracking or a quadratic scan. A stage that
raises shows ``REJECTED`` with the reason; a stage past ``--max-seconds`` stops the
kind from growing further and is flagged ``SLOW``.

Seconds are CPU seconds of this process (``time.process_time``, garbage collector
paused, best of five runs below one second), which other processes on a shared
machine disturb far less than wall-clock time. They are also shown as a ratio to a
baseline measured in the same process on the
same text (splitting it into words and lines), so that figures compare across machines.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parallax.ingest import make_article
from parallax.model import Article, Batch
from parallax.options import DOCUMENT_PIPELINE, NAME_TAGGERS, Options
from parallax.pipeline import resolve

SIZES: tuple[int, ...] = (1, 2, 4, 8)
SUPER_LINEAR = 2.6  # growth per doubling above which a stage is flagged (linear: 2, n log n: ~2.2)
MEASURABLE = 0.02  # seconds: below this at the largest size, growth ratios are noise
REPEATS = 5

HEADLINE = "Prefeitura anuncia medidas após temporal em Campinas\n\n"
WORDS = [
    "o",
    "prefeito",
    "disse",
    "que",
    "a",
    "cidade",
    "recebeu",
    "cerca",
    "de",
    "30",
    "mil",
    "pessoas",
    "nesta",
    "quinta-feira",
    "e",
    "que",
    "mais",
    "de",
    "12",
    "famílias",
    "ficaram",
    "desalojadas",
    "depois",
    "do",
    "temporal",
    "de",
    "ontem",
    "em",
    "Campinas",
    "segundo",
    "a",
    "Defesa",
    "Civil",
    "que",
    "pediu",
    "R$",
    "2,5",
    "milhões",
    "ao",
    "governo",
    "estadual",
    "para",
    "obras",
    "urgentes",
]
NAMES = (
    "Ana",
    "Beatriz",
    "Carlos",
    "Daniel",
    "Eduarda",
    "Fernando",
    "Gabriela",
    "Henrique",
    "Silva",
    "Souza",
)
EMOJI = "😀🔥🚒💧🌧️👍🏽🇧🇷❤️"
FOREIGN = ("Москва", "правительство", "القاهرة", "الحكومة", "北京", "政府", "東京", "서울")


def _words(n: int) -> list[str]:
    return [WORDS[i % len(WORDS)] for i in range(n)]


def unbalanced_quotes(n: int) -> str:
    """Opening marks that never close, of every style, one per short sentence."""
    marks = ("“", '"', "«", "‘", "'", "—")
    per = 12
    sentences = [
        f"O ministro disse {marks[i % len(marks)]}que {' '.join(_words(per))}." for i in range(n // per)
    ]
    return " ".join(sentences)


def long_sentence(n: int) -> str:
    """One sentence of ``n`` words: no full stop until the end."""
    return " ".join(_words(n)) + "."


def no_punctuation(n: int) -> str:
    """``n`` × 10 characters of lower-case words, no punctuation, no line break."""
    text = " ".join(w.lower().strip(",.") for w in _words(n * 2))
    return text[: n * 10]


def all_capitals(n: int) -> str:
    per = 20
    return " ".join(" ".join(_words(per)).upper() + "." for _ in range(n // per))


def emoji_runs(n: int) -> str:
    out: list[str] = []
    for i, word in enumerate(_words(n)):
        out.append(word)
        if i % 3 == 0:
            out.append(EMOJI * (1 + i % 4))
        if i % 25 == 24:
            out[-1] += "."
    return " ".join(out)


def mixed_scripts(n: int) -> str:
    out: list[str] = []
    for i, word in enumerate(_words(n)):
        out.append(FOREIGN[i % len(FOREIGN)] if i % 4 == 1 else word)
        if i % 30 == 29:
            out[-1] += "."
    return " ".join(out)


def digit_runs(n: int) -> str:
    """ "1.1.1.1…", "1,1,1…", "10.000.000.000…", "1/1/1/…" runs inside a sentence."""
    reps = max(1, n // 4)
    return (
        "Foram "
        + ".".join(["1"] * reps)
        + " mortos e "
        + ",".join(["1"] * reps)
        + " feridos, "
        + "R$ 10"
        + ".000" * reps
        + " em "
        + "/".join(["1"] * reps)
        + " e "
        + "-".join(["12"] * reps)
        + "."
    )


def de_de(n: int) -> str:
    return "A prefeitura " + " ".join(["de"] * n) + " Campinas."


def mais_de(n: int) -> str:
    return "Morreram " + " ".join(["mais de"] * (n // 2)) + " 12 pessoas."


def name_chains(n: int) -> str:
    chain = " ".join(NAMES[i % len(NAMES)] + (" da" if i % 7 == 6 else "") for i in range(n))
    return f"O juiz {chain} disse que o caso segue."


def date_chains(n: int) -> str:
    """Weekdays with day numbers, relative words and numbers glued together."""
    unit = "nesta quinta-feira (13) ontem anteontem há três dias em 12 de março de 2025 dia 5 (14)"
    return " ".join([unit] * (n // len(unit.split()))) + "."


def brackets(n: int) -> str:
    return "O prefeito (" * (n // 3) + "disse" + ")" * (n // 6) + "."


KINDS: dict[str, Callable[[int], str]] = {
    "unbalanced_quotes": unbalanced_quotes,
    "long_sentence": long_sentence,
    "no_punctuation": no_punctuation,
    "all_capitals": all_capitals,
    "emoji_runs": emoji_runs,
    "mixed_scripts": mixed_scripts,
    "digit_runs": digit_runs,
    "de_de": de_de,
    "mais_de": mais_de,
    "name_chains": name_chains,
    "date_chains": date_chains,
    "brackets": brackets,
}


@dataclass(slots=True)
class Row:
    kind: str
    stage: str
    seconds: list[float]
    note: str = ""


def baseline(text: str) -> float:
    start = time.perf_counter()
    words = len(text.split()) + len(text.splitlines())
    assert words > 0
    return time.perf_counter() - start


def _article(text: str, options: Options) -> Article:
    article = make_article(HEADLINE + text, "adversarial.txt", options)
    article.published = "2025-03-14T10:00:00-03:00"
    return article


def run_kind(kind: str, make: Callable[[int], str], words: int, options: Options, cap: float) -> list[Row]:
    stages = resolve(DOCUMENT_PIPELINE)
    rows = {s.name: Row(kind, s.name, []) for s in stages}
    base = Row(kind, "(baseline: split)", [])
    for size in SIZES:
        text = make(words * size)
        article = _article(text, options)
        base.seconds.append(min(baseline(article.text) for _ in range(3)))
        batch = Batch(articles=[article])
        stop = False
        for stage in stages:
            before = batch
            elapsed = float("inf")
            for _ in range(REPEATS):  # the best of a few runs: the machine is shared
                gc.collect()
                gc.disable()
                start = time.process_time()  # CPU time: other processes on the machine do not count
                try:
                    batch = stage.func(before, options)
                finally:
                    gc.enable()
                elapsed = min(elapsed, time.process_time() - start)
                if elapsed > 1.0:
                    break
            row = rows[stage.name]
            row.seconds.append(elapsed)
            if batch.rejected:
                row.note = f"REJECTED: {batch.rejected[0].reason}"
                stop = True
                break
            if elapsed > cap:
                row.note = f"SLOW (> {cap:g} s at {size}x)"
                stop = True
        if stop:
            break
    return [base, *rows.values()]


def growth(seconds: list[float]) -> list[float]:
    return [b / a if a > 0 else float("inf") for a, b in itertools.pairwise(seconds)]


def slope(seconds: list[float]) -> float | None:
    """Growth per doubling from 2x to the largest size measured (geometric mean: steadier than one step)."""
    if len(seconds) < 3 or seconds[1] <= 0:
        return None
    return float((seconds[-1] / seconds[1]) ** (1 / (len(seconds) - 2)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000, help="base size (1x) in words")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated, from: " + ", ".join(KINDS))
    parser.add_argument("--max-seconds", type=float, default=20.0, help="stop growing a kind past this")
    parser.add_argument("--name-tagger", choices=NAME_TAGGERS, default="crf")
    args = parser.parse_args()
    options = Options(workspace=None, embeddings=False, name_tagger=args.name_tagger)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # rows as they come

    flagged: list[str] = []
    print(f"# adversarial inputs, base {args.words} words, sizes {', '.join(f'{s}x' for s in SIZES)}")
    print(
        "| input | stage | "
        + " | ".join(f"{s}x s" for s in SIZES)
        + " | growth per doubling | from 2x | x baseline at 8x | flag |"
    )
    print("|---|---|" + "---:|" * len(SIZES) + "---|---:|---:|---|")
    # load models and lexicons before timing anything
    warm = Batch(articles=[_article(long_sentence(50), options)])
    for stage in resolve(DOCUMENT_PIPELINE):
        warm = stage.func(warm, options)
    for kind in args.kinds.split(","):
        rows = run_kind(kind, KINDS[kind], args.words, options, args.max_seconds)
        base = rows[0].seconds
        for row in rows:
            ratios = growth(row.seconds)
            flag = row.note
            measurable = bool(row.seconds) and max(row.seconds) >= MEASURABLE
            steady = slope(row.seconds)
            # judged from 2x on: at 1x fixed costs dominate
            if measurable and steady is not None and steady > SUPER_LINEAR:
                flag = (flag + " " if flag else "") + "SUPER-LINEAR"
            if flag:
                flagged.append(f"{kind} / {row.stage}: {flag}")
            cells = [f"{s:.3f}" for s in row.seconds] + ["–"] * (len(SIZES) - len(row.seconds))
            shown = ", ".join(f"{r:.2f}" for r in ratios) or "–"
            steady_shown = f"{steady:.2f}" if steady is not None else "–"
            times_base = (
                f"{row.seconds[-1] / base[len(row.seconds) - 1]:,.0f}"
                if row.seconds and base[len(row.seconds) - 1] > 0
                else "–"
            )
            print(
                f"| {kind} | {row.stage} | "
                + " | ".join(cells)
                + f" | {shown} | {steady_shown} | {times_base} | {flag} |"
            )
    print()
    if flagged:
        print("flagged:")
        for line in flagged:
            print(f"- {line}")
    else:
        print("nothing flagged: every stage returned on every input, and none grew super-linearly")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
