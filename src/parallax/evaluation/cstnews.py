"""Story grouping and sentence splitting scored on CSTNews (NILC, University of São Paulo).

CSTNews clusters hold Brazilian reports of one event by two or three outlets. The
corpus is read from where the user keeps it (``parallax eval stories --cstnews DIR``),
never copied. Each document becomes a plain-text article (headline line, then
body) with its outlet and publication time, and runs through the real pipeline:

- **stories**: every document of every cluster analysed together by the default
  pipeline up to ``stories``; B-cubed precision/recall/F1 and adjusted mutual
  information of the predicted stories against the clusters;
- **relations**: each cluster taken as one story, with the official segmentation in
  place of ours so that CST sentence numbers index our sentences; every cross-document
  sentence pair classed by the ``compare`` stage's alignments as redundancy (equivalent,
  subsumes, overlaps, attribution), complement (elaborates), contradiction (conflicts)
  or none, against the CST labels grouped the same way (the "form" group — attribution,
  indirect speech — counts as redundancy); per-class P/R/F1, macro-F1, contradiction
  recall with raw counts, and single-source sentences (in no CST relation) against the
  evidence of single-source claims;
- **sentences**: the sentence stage on each document body against the official
  segmentation, as precision/recall/F1 of sentence ends (the last letter or digit of
  each sentence, so that punctuation conventions do not count). Parallax keeps a
  multi-sentence quotation whole and splits datelines off, so a perfect score is
  not the aim.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import adjusted_mutual_info_score

from parallax.evaluation.scores import GoldReport, bcubed
from parallax.ingest import body_article
from parallax.model import Article, Batch, Sentence, Source, Span, Story
from parallax.options import DEFAULT_PIPELINE, DOCUMENT_PIPELINE, Options
from parallax.pipeline import run

#: How the ``compare`` stage's alignment relations map to the CST groups; anything else is redundancy.
RELATION_GROUP: dict[str, str] = {"conflicts": "contradiction", "elaborates": "complement"}
CLASSES: tuple[str, ...] = ("redundancy", "complement", "contradiction", "none")

SentenceKey = tuple[str, int]  # (document id, official sentence number from 1)


@dataclass(frozen=True, slots=True)
class Document:
    cluster: str
    doc_id: str
    outlet: str
    published: str | None
    title: str
    text: str
    sentences: tuple[str, ...]


def clusters_file(where: Path) -> Path:
    path = where if where.is_file() else where / "clusters.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found (expected CSTNews clusters.jsonl)")
    return path


def _published(date: str | None, time: str | None) -> str | None:
    """CSTNews "04-08-2006" + "07h42" as an ISO datetime in Brasília time (the outlets' zone then)."""
    if not date:
        return None
    day, month, year = date.split("-")
    clock = re.fullmatch(r"(\d{1,2})h(\d{2})", time or "")
    hh, mm = (int(clock[1]), int(clock[2])) if clock else (12, 0)
    return f"{year}-{month}-{day}T{hh:02d}:{mm:02d}:00-03:00"


def load_documents(path: Path) -> list[Document]:
    documents: list[Document] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        cluster = json.loads(line)
        for doc in cluster["docs"]:
            documents.append(
                Document(
                    cluster=cluster["cluster_id"],
                    doc_id=doc["doc_id"],
                    outlet=doc["source"],
                    published=_published(doc.get("date"), doc.get("time")),
                    title=doc["title"].strip(),
                    text=doc["text"],
                    sentences=tuple(doc["sentences"]),
                )
            )
    return documents


def _article(doc: Document, text: str, language: str | None = None) -> Article:
    return body_article(
        text,
        Source(path=f"cstnews/{doc.doc_id}"),
        outlet=doc.outlet,
        published=doc.published,
        language=language,
    )


def evaluate_stories(path: Path, options: Options | None = None) -> GoldReport:
    """B-cubed and AMI of the ``stories`` stage over all documents, run through the real pipeline."""
    documents = load_documents(path)
    articles = [_article(doc, f"{doc.title}\n{doc.text}") for doc in documents]
    truth = {a.id: doc.cluster for a, doc in zip(articles, documents, strict=True)}
    pipeline = DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index("stories") + 1]
    options = (options or Options()).replace(pipeline=pipeline, workspace=None)
    batch = run(Batch(articles=articles), options)
    predicted = {aid: story.id for story in batch.stories for aid in story.articles}
    p, r, f1 = bcubed(predicted, truth)
    report = GoldReport()
    report.values.update(
        {
            "CSTNews stories B-cubed precision": p,
            "CSTNews stories B-cubed recall": r,
            "CSTNews stories B-cubed F1": f1,
            "CSTNews stories adjusted mutual information": float(
                adjusted_mutual_info_score(
                    [truth[k] for k in sorted(truth)], [predicted.get(k, k) for k in sorted(truth)]
                )
            ),
        }
    )
    report.rates["CSTNews documents grouped"] = (len(predicted), len(truth))
    report.values["CSTNews clusters (gold)"] = float(len(set(truth.values())))
    report.values["CSTNews stories (predicted)"] = float(len(set(predicted.values())))
    return report


def _letters(text: str) -> tuple[str, list[int]]:
    """The letters and digits of ``text``, casefolded, with the offset each came from."""
    kept = [(c.casefold(), i) for i, c in enumerate(text) if c.isalnum()]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def _official_ends(text: str, sentences: tuple[str, ...]) -> set[int] | None:
    """Offset of the last letter or digit of each official sentence in ``text``.

    Sentences are placed on letters and digits only, so that the corpus' own
    normalisation of quotes, dashes and spaces does not matter; None when one cannot be placed.
    """
    letters, offsets = _letters(text)
    ends: set[int] = set()
    pos = 0
    for sentence in sentences:
        needle, _ = _letters(sentence)
        if not needle:
            continue
        at = letters.find(needle, pos)
        head, dash, rest = sentence.partition(" - ")
        if at < 0 and dash and len(head) <= 40:
            # the segmentation sometimes keeps a dateline ("Colombo - ") that the text has not
            needle, _ = _letters(rest)
            at = letters.find(needle, pos)
        if at < 0:
            return None
        pos = at + len(needle)
        ends.add(offsets[pos - 1])
    return ends


def _last_letter(text: str, span: Span) -> int | None:
    for i in range(span.end - 1, span.start - 1, -1):
        if text[i].isalnum():
            return i
    return None


def evaluate_sentences(path: Path, options: Options | None = None) -> GoldReport:
    """Sentence end offsets of the ``sentences`` stage against the official segmentation."""
    documents = load_documents(path)
    placed = [(doc, _official_ends(doc.text, doc.sentences)) for doc in documents]
    usable = [(doc, ends) for doc, ends in placed if ends is not None]
    articles = [_article(doc, doc.text, language="pt") for doc, _ in usable]
    options = (options or Options()).replace(pipeline=("sentences",), workspace=None)
    batch = run(Batch(articles=articles), options, provided={"removed", "language"})
    report = GoldReport()
    score = report.score("CSTNews sentence boundaries")
    for article, (_, ends) in zip(batch.articles, usable, strict=True):
        found = {i for s in article.sentences if (i := _last_letter(article.text, s.span)) is not None}
        score.tp += len(found & ends)
        score.fp += len(found - ends)
        score.fn += len(ends - found)
    report.rates["CSTNews documents whose official sentences could be placed"] = (len(usable), len(documents))
    return report


def _gold_class(groups: set[str]) -> str:
    for name in ("contradiction", "redundancy", "complement"):
        if name in groups:
            return name
    return "redundancy" if "form" in groups else "none"


def _gold_relations(path: Path) -> dict[frozenset[SentenceKey], set[str]]:
    gold: dict[frozenset[SentenceKey], set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            pair = frozenset(((r["source_doc"], r["source_sent"]), (r["target_doc"], r["target_sent"])))
            gold[pair].add(r["group"])
    return gold


def evaluate_relations(path: Path, options: Options | None = None) -> GoldReport:
    """Cross-document sentence relations and single-source sentences of the ``compare`` stage."""
    options = (options or Options()).replace(workspace=None)
    documents = load_documents(path)
    lines = {
        d.doc_id: [" ".join(d.title.split()), *(" ".join(x.split()) for x in d.sentences)] for d in documents
    }
    articles = [_article(d, "\n".join(lines[d.doc_id]) + "\n") for d in documents]
    doc_of = {a.id: d.doc_id for a, d in zip(articles, documents, strict=True)}
    batch = run(Batch(articles=articles), options.replace(pipeline=DOCUMENT_PIPELINE))
    official: list[Article] = []
    for article in batch.articles:
        title, *sentences = lines[doc_of[article.id]]
        pos, placed = len(title) + 1, []
        for i, text in enumerate(sentences, 1):
            placed.append(Sentence(f"s{i}", text, Span(pos, pos + len(text))))
            pos += len(text) + 1
        official.append(
            dataclasses.replace(article, sentences=placed, title=title, title_span=Span(0, len(title)))
        )
    clusters: dict[str, list[str]] = defaultdict(list)
    for article, doc in zip(articles, documents, strict=True):
        clusters[doc.cluster].append(article.id)
    stories = [Story(f"st-{c}", c, None, ids) for c, ids in sorted(clusters.items())]
    done = {"removed", "language", "sentences", "entities", "quotes", "quantities", "dates", "credits"}
    batch = run(
        Batch(articles=official, stories=stories),
        options.replace(pipeline=("merge_entities", "compare")),
        provided=done | {"stories"},
    )

    number = {(a.id, s.span): (doc_of[a.id], i) for a in batch.articles for i, s in enumerate(a.sentences, 1)}
    system: dict[frozenset[SentenceKey], str] = {}
    for story in batch.stories:
        for al in story.alignments:
            a, b = number.get((al.a.article, al.a.span)), number.get((al.b.article, al.b.span))
            if a and b:
                system[frozenset((a, b))] = RELATION_GROUP.get(al.relation, "redundancy")
    gold = _gold_relations(path.parent / "cst_relations.jsonl")
    sizes = {d.doc_id: len(d.sentences) for d in documents}
    members: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        members[d.cluster].append(d.doc_id)
    confusion: Counter[tuple[str, str]] = Counter()
    for ids in members.values():
        for x, a_doc in enumerate(ids):
            for b_doc in ids[x + 1 :]:
                for i in range(1, sizes[a_doc] + 1):
                    for j in range(1, sizes[b_doc] + 1):
                        pair = frozenset(((a_doc, i), (b_doc, j)))
                        confusion[(_gold_class(gold.get(pair, set())), system.get(pair, "none"))] += 1
    report = GoldReport()
    f1s = []
    for name in CLASSES:
        score = report.score(f"CSTNews relation: {name}")
        score.tp = confusion[(name, name)]
        score.fp = sum(confusion[(g, name)] for g in CLASSES if g != name)
        score.fn = sum(confusion[(name, p)] for p in CLASSES if p != name)
        f1s.append(score.f1 if score.tp else 0.0)
    report.values["CSTNews relations macro-F1"] = sum(f1s) / len(f1s)
    contradictions = [p for p, groups in gold.items() if "contradiction" in groups]
    report.rates["CSTNews contradictions found"] = (
        sum(system.get(p) == "contradiction" for p in contradictions),
        len(contradictions),
    )
    report.values["CSTNews sentence pairs flagged as conflicts"] = float(
        sum(v == "contradiction" for v in system.values())
    )

    related = {key for pair in gold for key in pair}
    status: dict[SentenceKey, set[str]] = defaultdict(set)
    for story in batch.stories:
        for claim in story.claims:
            for ev in claim.evidence:
                key = number.get((ev.article, ev.span))
                if key:
                    status[key].add(claim.status)
    single = report.score("CSTNews single-source sentences")
    for d in documents:
        for i in range(1, sizes[d.doc_id] + 1):
            predicted, truth = status.get((d.doc_id, i)) == {"single_source"}, (d.doc_id, i) not in related
            single.tp += predicted and truth
            single.fp += predicted and not truth
            single.fn += truth and not predicted
    return report
