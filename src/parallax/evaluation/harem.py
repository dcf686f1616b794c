"""Entity mentions scored on First HAREM (Linguateca), entity-level exact match, seqeval style.

The corpus is read from where the user keeps it (``parallax eval ner --harem DIR``);
nothing of it is copied into Parallax. Label mapping (selective scenario):
``PESSOA`` → PER, ``ORGANIZACAO`` → ORG, ``LOCAL`` → LOC; ``TEMPO`` and ``VALOR``
are dates and amounts, which Parallax extracts in other stages, so they are left
out. A mention counts when its start, end and type all equal a gold entity's.
HAREM's own conventions differ from ours in places (titles inside names, a team as
PESSOA, a country as ORGANIZACAO by metonymy): the figure is a floor, not a ceiling.
The Portuguese name tagger is learned from the train split of the same corpus
(``python -m parallax.nlp.ner.train``, see ``docs/ner-model.md``): score it on dev only.
"""

from __future__ import annotations

import json
from pathlib import Path

from parallax.evaluation.scores import GoldReport
from parallax.ingest import content_hash
from parallax.model import Article, Batch, Source, Span
from parallax.options import Options
from parallax.pipeline import run

LABELS: dict[str, str] = {"PESSOA": "PER", "ORGANIZACAO": "ORG", "LOCAL": "LOC"}
#: The stages that find entity mentions; cleaning is skipped because the gold offsets
#: index the text as given, site chrome included.
PIPELINE: tuple[str, ...] = ("sentences", "entities")


def harem_file(where: Path, split: str = "dev") -> Path:
    """The selective-scenario file of ``split`` in a folder, or ``where`` itself when it is a file."""
    if where.is_file():
        return where
    path = where / f"FirstHAREM-selective-{split}.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found (expected First HAREM selective {split} JSON)")
    return path


def load_articles(path: Path) -> tuple[list[Article], dict[str, set[tuple[int, int, str]]]]:
    """HAREM documents as Portuguese articles, and their gold (start, end, type) per article."""
    docs = json.loads(path.read_text(encoding="utf-8"))
    articles: list[Article] = []
    gold: dict[str, set[tuple[int, int, str]]] = {}
    for doc in docs:
        text = doc["doc_text"]
        article_id = str(doc["doc_id"])
        articles.append(
            Article(
                id=article_id,
                source=Source(path=f"{path.name}#{article_id}"),
                text=text,
                content_hash=content_hash(text),
                language="pt",
                body=Span(0, len(text)),
            )
        )
        gold[article_id] = {
            (e["start_offset"], e["end_offset"], LABELS[e["label"]])
            for e in doc["entities"]
            if e["label"] in LABELS
        }
    return articles, gold


def evaluate_harem(path: Path, options: Options | None = None) -> GoldReport:
    """Per-class and micro P/R/F1 of name mentions (PER, ORG, LOC) against the gold of ``path``."""
    articles, gold = load_articles(path)
    options = (options or Options(workspace=None)).replace(pipeline=PIPELINE, workspace=None)
    batch = run(Batch(articles=articles), options, provided={"removed", "language"})
    report = GoldReport()
    for article in batch.articles:
        found = {
            (m.span.start, m.span.end, m.type)
            for m in article.entities
            if m.kind == "name" and m.type in LABELS.values()
        }
        expected = gold[article.id]
        for label in sorted(set(LABELS.values())):
            sys_items = {x for x in found if x[2] == label}
            gold_items = {x for x in expected if x[2] == label}
            tp = len(sys_items & gold_items)
            for name in (f"HAREM {label}", "HAREM micro (PER+ORG+LOC)"):
                score = report.score(name)
                score.tp += tp
                score.fp += len(sys_items) - tp
                score.fn += len(gold_items) - tp
    report.rates["HAREM documents analysed"] = (len(batch.articles), len(articles))
    return report
