"""Train the Portuguese name tagger on First HAREM and report honest figures.

Data: First HAREM (Linguateca), selective scenario, the usual train/dev split as
published in the public repository ``neuralmind-ai/portuguese-bert``
(``ner_evaluation/data/FirstHAREM-selective-{train,dev}.json``). Only the train split
is learned from. The recipe is deterministic (documents in file order, folds by
document index, L-BFGS with fixed settings)::

    python -m parallax.nlp.ner.train --harem DIR --out src/parallax/nlp/ner/models/pt-harem.crfsuite

It prints the 5-fold cross-validation figure on train (by document), then trains on
all of train, saves the model and prints the dev figure. Both figures score the
final mentions, after the CRF spans are combined with the rule system's.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from parallax.ingest import content_hash
from parallax.model import Article, EntityMention, Source, Span
from parallax.nlp.entities import article_countries, rule_analysis
from parallax.nlp.ner.features import Segment, article_features, article_segments
from parallax.nlp.ner.tagger import DEFAULT_POLICY, NAME_TYPES, Policy, TaggedSpan, combine, labelled_spans
from parallax.nlp.sentences import split_sentences

#: HAREM categories → tagger labels. TEMPO and VALOR are learned as their own labels
#: (dropped at output) when ``extra_labels`` is set.
HAREM_LABELS: dict[str, str] = {"PESSOA": "PER", "ORGANIZACAO": "ORG", "LOCAL": "LOC"}
EXTRA_LABELS: dict[str, str] = {"TEMPO": "TIME", "VALOR": "VALUE"}


@dataclass(frozen=True)
class Settings:
    c1: float = 0.05
    c2: float = 0.01
    iterations: int = 150
    extra_labels: bool = False
    policy: Policy = DEFAULT_POLICY


@dataclass(slots=True)
class Document:
    """A HAREM document made ready once: article, rule output, features and gold."""

    article: Article
    gold: set[tuple[int, int, str]]
    rules: list[EntityMention]
    known: frozenset[tuple[int, int]]
    segments: list[Segment]
    features: list[list[list[str]]]
    labels: dict[bool, list[list[str]]] = field(default_factory=dict)
    misaligned: int = 0


@dataclass(slots=True)
class Counts:
    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)

    def add(self, found: Set[tuple[int, int, str]], gold: Set[tuple[int, int, str]]) -> None:
        for label in sorted(NAME_TYPES):
            f = {x for x in found if x[2] == label}
            g = {x for x in gold if x[2] == label}
            self.tp[label] = self.tp.get(label, 0) + len(f & g)
            self.fp[label] = self.fp.get(label, 0) + len(f - g)
            self.fn[label] = self.fn.get(label, 0) + len(g - f)

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        labels = [label] if label else sorted(NAME_TYPES)
        tp = sum(self.tp.get(x, 0) for x in labels)
        fp = sum(self.fp.get(x, 0) for x in labels)
        fn = sum(self.fn.get(x, 0) for x in labels)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def table(self) -> str:
        rows = []
        for label in [*sorted(NAME_TYPES), None]:
            p, r, f = self.prf(label)
            rows.append(f"  {label or 'micro':5} P={p:.3f} R={r:.3f} F1={f:.3f}")
        return "\n".join(rows)


def load_documents(path: Path) -> list[Document]:
    """HAREM documents as Portuguese articles, with sentences, rule mentions and features."""
    docs: list[Document] = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        text = raw["doc_text"]
        article = Article(
            id=str(raw["doc_id"]),
            source=_source(path, str(raw["doc_id"])),
            text=text,
            content_hash=content_hash(text),
            language="pt",
            body=Span(0, len(text)),
        )
        article = dataclasses.replace(article, sentences=split_sentences(article))
        rules, known = rule_analysis(article)
        countries = article_countries(article)
        segments = article_segments(article)
        doc = Document(
            article=article,
            gold={
                (e["start_offset"], e["end_offset"], HAREM_LABELS[e["label"]])
                for e in raw["entities"]
                if e["label"] in HAREM_LABELS
            },
            rules=rules,
            known=known,
            segments=segments,
            features=article_features(article, segments, rules, countries),
        )
        for extra in (False, True):
            doc.labels[extra], doc.misaligned = _labels(segments, raw["entities"], extra)
        docs.append(doc)
    return docs


def _source(path: Path, doc_id: str) -> Source:
    return Source(path=f"{path.name}#{doc_id}")


def _labels(
    segments: Sequence[Segment], entities: Sequence[dict[str, object]], extra: bool
) -> tuple[list[list[str]], int]:
    """BIO labels per segment; an entity whose edges fall inside a token is counted, tagged by its tokens."""
    mapping = {**HAREM_LABELS, **(EXTRA_LABELS if extra else {})}
    out: list[list[str]] = []
    spans = sorted(
        (int(str(e["start_offset"])), int(str(e["end_offset"])), mapping[str(e["label"])])
        for e in entities
        if str(e["label"]) in mapping
    )
    aligned: set[tuple[int, int]] = set()
    for seg in segments:
        labels = ["O"] * len(seg.tokens)
        for start, end, label in spans:
            inside = [k for k, t in enumerate(seg.tokens) if t.start < end and t.end > start]
            if not inside:
                continue
            if seg.tokens[inside[0]].start == start and seg.tokens[inside[-1]].end == end:
                aligned.add((start, end))
            labels[inside[0]] = "B-" + label
            for k in inside[1:]:
                labels[k] = "I-" + label
        out.append(labels)
    return out, sum((s, e) not in aligned for s, e, _ in spans)


def train(docs: Sequence[Document], out: Path, settings: Settings) -> None:
    """Fit a CRF on ``docs`` and save it at ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for feats, labels in zip(doc.features, doc.labels[settings.extra_labels], strict=True):
            trainer.append(feats, labels)
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def predict(doc: Document, tagger: pycrfsuite.Tagger) -> list[TaggedSpan]:
    return labelled_spans(doc.segments, [tagger.tag(feats) for feats in doc.features])


def score_spans(
    docs: Sequence[Document],
    spans: Sequence[Sequence[TaggedSpan]],
    policy: Policy,
    counts: Counts | None = None,
) -> Counts:
    """Entity-level exact-match counts of each document's tagged spans combined with its rules."""
    counts = counts or Counts()
    for doc, tagged in zip(docs, spans, strict=True):
        mentions = combine(doc.article, doc.rules, tagged, policy, doc.known)
        found = {
            (m.span.start, m.span.end, m.type) for m in mentions if m.kind == "name" and m.type in NAME_TYPES
        }
        counts.add(found, doc.gold)
    return counts


def score(docs: Sequence[Document], model: Path, policy: Policy, counts: Counts | None = None) -> Counts:
    """Entity-level exact-match counts of the CRF's combined mentions of ``docs``."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return score_spans(docs, [predict(doc, tagger) for doc in docs], policy, counts)
    finally:
        tagger.close()


def rules_only(docs: Sequence[Document]) -> Counts:
    counts = Counts()
    for doc in docs:
        found = {
            (m.span.start, m.span.end, m.type) for m in doc.rules if m.kind == "name" and m.type in NAME_TYPES
        }
        counts.add(found, doc.gold)
    return counts


def cross_validate(docs: Sequence[Document], settings: Settings, folds: int = 5) -> dict[str, Counts]:
    """Counts per policy over ``folds`` document folds (document ``i`` is in fold ``i % folds``)."""
    results: dict[str, Counts] = {"crf": Counts(), "union": Counts()}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            held = [d for i, d in enumerate(docs) if i % folds == fold]
            rest = [d for i, d in enumerate(docs) if i % folds != fold]
            model = Path(tmp) / f"fold{fold}.crfsuite"
            train(rest, model, settings)
            for policy, counts in results.items():
                score(held, model, policy, counts)  # type: ignore[arg-type]
    return results


def recipe_parser(
    description: str | None, out_help: str, out_required: bool = True
) -> argparse.ArgumentParser:
    """The arguments every training recipe takes: where First HAREM is, where the model goes."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--harem", type=Path, required=True, help="folder with FirstHAREM-selective-*.json")
    parser.add_argument("--out", type=Path, required=out_required, help=out_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = recipe_parser(__doc__, "model file to write")
    parser.add_argument("--c1", type=float, default=Settings.c1)
    parser.add_argument("--c2", type=float, default=Settings.c2)
    parser.add_argument("--iterations", type=int, default=Settings.iterations)
    parser.add_argument("--extra-labels", action="store_true", help="also learn TEMPO and VALOR")
    parser.add_argument("--policy", choices=["crf", "union"], default=DEFAULT_POLICY)
    parser.add_argument("--folds", type=int, default=5, help="0 skips cross-validation")
    args = parser.parse_args(argv)
    settings = Settings(args.c1, args.c2, args.iterations, args.extra_labels, args.policy)
    began = time.perf_counter()
    train_docs = load_documents(args.harem / "FirstHAREM-selective-train.json")
    print(
        f"train: {len(train_docs)} documents, {sum(len(d.gold) for d in train_docs)} PER/ORG/LOC, "
        f"{sum(d.misaligned for d in train_docs)} entities not on token edges "
        f"({time.perf_counter() - began:.0f}s)",
        flush=True,
    )
    print(f"settings: {settings}")
    print("rules only (train):\n" + rules_only(train_docs).table(), flush=True)
    if args.folds:
        for policy, counts in cross_validate(train_docs, settings, args.folds).items():
            print(f"{args.folds}-fold CV on train, policy {policy}:\n{counts.table()}", flush=True)
    train(train_docs, args.out, settings)
    print(f"model: {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    dev_path = args.harem / "FirstHAREM-selective-dev.json"
    if dev_path.is_file():
        dev_docs = load_documents(dev_path)
        print("rules only (dev):\n" + rules_only(dev_docs).table())
        for policy in ("crf", "union"):
            print(f"dev, policy {policy}:\n{score(dev_docs, args.out, policy).table()}")  # type: ignore[arg-type]
    print(f"done in {time.perf_counter() - began:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
