"""Score an analysed batch against the team's gold annotations (``tests/gold/``).

Gold items carry text, not offsets: a gold item is located at every occurrence
of its text in the article, and a system item matches it when their spans
overlap and the compared attributes agree. Matching is one-to-one and greedy in
text order, so duplicates are neither double-counted nor free.

Run ``parallax eval gold examples tests/gold`` (or ``python -m parallax.evaluation
examples tests/gold``) for the table that ``docs/quality.md`` records.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from parallax.clean.credits import GENERIC_AGENCIES
from parallax.evaluation.scores import GoldReport, Score, bcubed
from parallax.model import Article, Batch, Claim, Entity, Evidence, QuoteGroup, QuoteVariant, Span
from parallax.text import squash


def load_gold(gold_dir: Path) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Per-article gold keyed by file stem, and the stories gold."""
    articles = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(gold_dir.glob("*.json"))
        if p.name != "stories.json"
    }
    stories_file = gold_dir / "stories.json"
    stories = json.loads(stories_file.read_text(encoding="utf-8")) if stories_file.exists() else {}
    return articles, stories.get("stories", {})


def article_key(article: Article) -> str:
    return Path(article.source.path or article.source.key).stem


def _occurrences(text: str, needle: str) -> list[Span]:
    if not needle:
        return []
    out, start = [], text.find(needle)
    while start >= 0:
        out.append(Span(start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _match(
    article: Article,
    gold_items: Sequence[dict[str, Any]],
    system_items: Sequence[Any],
    *,
    span_of: Callable[[Any], Span | None],
    agree: Callable[[dict[str, Any], Any], bool],
) -> Score:
    """One-to-one matching of gold items (located by text) to system items."""
    used: set[int] = set()
    tp = 0
    for gold in gold_items:
        places = _occurrences(article.text, str(gold["text"]))
        for i, item in enumerate(system_items):
            span = span_of(item)
            if i in used or span is None:
                continue
            if any(p.overlaps(span) for p in places) and agree(gold, item):
                used.add(i)
                tp += 1
                break
    return Score(tp=tp, fp=len(system_items) - tp, fn=len(gold_items) - tp)


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def _speaker_names(quote: Any, entities: dict[str, Entity]) -> set[str]:
    speaker = quote.speaker
    if speaker is None:
        return set()
    names = {squash(speaker.name)}
    if speaker.entity and speaker.entity in entities:
        entity = entities[speaker.entity]
        names.add(squash(entity.name))
        names.update(squash(a) for a in entity.aliases)
    return names


def _quote_text_agrees(gold_text: str, system_text: str) -> bool:
    g, s = squash(gold_text).strip(" .,;:"), squash(system_text).strip(" .,;:")
    if g == s:
        return True
    gw, sw = set(re.findall(r"\w+", g)), set(re.findall(r"\w+", s))
    return bool(gw) and len(gw & sw) / len(gw | sw) >= 0.8


def score_articles(batch: Batch, gold: dict[str, dict[str, Any]], report: GoldReport) -> None:
    entities = {e.id: e for e in batch.entities}
    for article in batch.articles:
        g = gold.get(article_key(article))
        if g is None:
            continue
        removed_gold = Counter(r["text"] for r in g.get("removed", []))
        removed_sys = Counter(r.text for r in article.removed)
        tp = sum((removed_gold & removed_sys).values())
        report.score("removed lines").add(
            Score(tp, sum(removed_sys.values()) - tp, sum(removed_gold.values()) - tp)
        )
        reasons = {r.text: r.reason for r in article.removed}
        for r in g.get("removed", []):
            if r["text"] in reasons:
                report.rate("removed line reason accuracy", reasons[r["text"]] == r["reason"])

        credits_gold = {squash(c["agency"]) for c in g.get("credits", [])}
        # "copied" credits are scored per story; a bare "com agências" names no agency to score
        credits_sys = {
            squash(c.agency) for c in article.credits if c.kind != "copied" and c.agency != GENERIC_AGENCIES
        }
        tp = len(credits_gold & credits_sys)
        report.score("credits (agency)").add(Score(tp, len(credits_sys) - tp, len(credits_gold) - tp))

        names = [e for e in g.get("entities", []) if not e.get("nominal")]
        system_names = [m for m in article.entities if m.kind == "name"]
        report.score("entity mentions (text+type)").add(
            _match(
                article,
                names,
                system_names,
                span_of=lambda m: m.span,
                agree=lambda gi, m: squash(gi["text"]) == squash(m.text) and gi["type"] == m.type,
            )
        )
        for gi in g.get("entities", []):
            places = _occurrences(article.text, gi["text"])
            # prefer the mention at exactly the gold extent: "ONU" inside "Conselho de Segurança da ONU"
            # must be judged by the ONU mention, not by the containing one
            exact = [
                m
                for m in article.entities
                if m.span in places and (m.kind == "nominal") == bool(gi.get("nominal"))
            ]
            hit = (
                exact[0]
                if exact
                else next((m for m in article.entities if any(p.overlaps(m.span) for p in places)), None)
            )
            if hit is not None and hit.entity in entities:
                entity = entities[hit.entity]
                key = "nominal mention resolution" if gi.get("nominal") else "entity merge (canonical name)"
                report.rate(key, squash(entity.name) == squash(gi["canonical"]))

        def quote_agrees(gi: dict[str, Any], q: Any) -> bool:
            return _quote_text_agrees(gi["text"], q.text) and squash(gi["speaker"]) in _speaker_names(
                q, entities
            )

        report.score("quotes (text+speaker)").add(
            _match(article, g.get("quotes", []), article.quotes, span_of=lambda q: q.span, agree=quote_agrees)
        )
        report.score("quotes (text)").add(
            _match(
                article,
                g.get("quotes", []),
                article.quotes,
                span_of=lambda q: q.span,
                agree=lambda gi, q: _quote_text_agrees(gi["text"], q.text),
            )
        )
        report.score("quantities (value)").add(
            _match(
                article,
                g.get("quantities", []),
                article.quantities,
                span_of=lambda q: q.span,
                agree=lambda gi, q: _same_number(gi["value"], q.value),
            )
        )
        report.score("quantities (value+interval)").add(
            _match(
                article,
                g.get("quantities", []),
                article.quantities,
                span_of=lambda q: q.span,
                agree=lambda gi, q: (
                    _same_number(gi["value"], q.value)
                    and _same_number(gi.get("low"), q.low)
                    and _same_number(gi.get("high"), q.high)
                ),
            )
        )
        for gi in g.get("dates", []):
            places = _occurrences(article.text, gi["text"])
            found = [d for d in article.dates if any(p.overlaps(d.span) for p in places)]
            report.rate("date value accuracy", any(d.value == gi["value"] for d in found))
        report.score("dates (found)").add(
            _match(
                article,
                g.get("dates", []),
                article.dates,
                span_of=lambda d: d.span,
                agree=lambda gi, d: True,
            )
        )
        if "language" in g:
            report.rate("language accuracy", article.language == g["language"])


def _anchored(article: Article | None, anchor: str, span: Span) -> bool:
    if article is None:
        return False
    return any(p.overlaps(span) for p in _occurrences(article.text, anchor))


def _covered(
    anchors: dict[str, str], pieces: Sequence[Evidence | QuoteVariant], by_key: dict[str, Article]
) -> set[str]:
    """The article stems whose anchor one of ``pieces`` (claim evidence, quote variants) overlaps."""
    return {
        stem
        for stem, text in anchors.items()
        if stem in by_key
        and any(
            piece.article == by_key[stem].id and _anchored(by_key[stem], text, piece.span) for piece in pieces
        )
    }


def _score_false_conflicts(
    batch: Batch, gold: dict[str, Any], by_key: dict[str, Article], report: GoldReport
) -> None:
    """Conflicting claims as a P/R measure: a system conflict is right when its evidence covers the
    anchors of a gold conflict in at least two articles; a false conflict is what misleads an analyst most."""
    gold_conflicts = [c["anchors"] for story in gold.values() for c in story.get("conflicts", [])]
    found: set[int] = set()
    wrong = 0
    for story in batch.stories:
        for claim in story.claims:
            if claim.status != "conflicting":
                continue
            matches = [
                i
                for i, anchors in enumerate(gold_conflicts)
                if len(_covered(anchors, claim.evidence, by_key)) >= 2
            ]
            if matches:
                found.update(matches)
            else:
                wrong += 1
    report.score("conflicting claims").add(Score(len(found), wrong, len(gold_conflicts) - len(found)))


def score_stories(batch: Batch, gold: dict[str, Any], report: GoldReport) -> None:
    by_key = {article_key(a): a for a in batch.articles}
    by_id = {a.id: a for a in batch.articles}
    predicted = {article_key(by_id[aid]): s.id for s in batch.stories for aid in s.articles if aid in by_id}
    truth = {stem: sid for sid, story in gold.items() for stem in story["articles"]}
    p, r, f1 = bcubed(predicted, truth)
    report.values.update(
        {"stories B-cubed precision": p, "stories B-cubed recall": r, "stories B-cubed F1": f1}
    )

    def claims_of(stem: str) -> list[Claim]:
        sid = predicted.get(stem)
        return next((s.claims for s in batch.stories if s.id == sid), [])

    def groups_of(stem: str) -> list[QuoteGroup]:
        sid = predicted.get(stem)
        return next((s.quote_groups for s in batch.stories if s.id == sid), [])

    _score_false_conflicts(batch, gold, by_key, report)
    for story_gold in gold.values():
        for conflict in story_gold.get("conflicts", []):
            anchors: dict[str, str] = conflict["anchors"]
            hit = any(
                c.status == "conflicting"
                and c.conflict is not None
                and _covered(anchors, c.evidence, by_key) == set(anchors)
                for c in claims_of(next(iter(anchors)))
            )
            report.rate("conflicts found (recall)", hit)
        for corr in story_gold.get("corroborated", []):
            anchors = corr["anchors"]
            matching = [
                c
                for c in claims_of(next(iter(anchors)))
                if c.status != "single_source" and _covered(anchors, c.evidence, by_key) == set(anchors)
            ]
            report.rate("corroborations found (recall)", bool(matching))
            report.rate(
                "independent source count",
                any(c.independent_sources == corr.get("independent_sources") for c in matching),
            )
        for single in story_gold.get("single_source", []):
            anchors = {single["article"]: single["anchor"]}
            hit = any(
                c.status == "single_source" and _covered(anchors, c.evidence, by_key)
                for c in claims_of(single["article"])
            )
            report.rate("single-source claims found (recall)", hit)
        for group in story_gold.get("quote_groups", []):
            anchors = group["anchors"]
            hit = any(
                _covered(anchors, qg.variants, by_key) == set(anchors)
                for qg in groups_of(next(iter(anchors)))
            )
            report.rate("quote groups found (recall)", hit)
        for copy in story_gold.get("copied", []):
            article = by_key.get(copy["article"])
            hit = article is not None and any(
                c.kind == "copied" and squash(c.agency) == squash(copy["agency"]) for c in article.credits
            )
            report.rate("silent agency copies found (recall)", hit)


def evaluate(batch: Batch, gold_dir: Path) -> GoldReport:
    """Score ``batch`` (the default pipeline over the examples) against the gold in ``gold_dir``."""
    articles_gold, stories_gold = load_gold(gold_dir)
    report = GoldReport()
    score_articles(batch, articles_gold, report)
    score_stories(batch, stories_gold, report)
    return report


def load_passages(path: Path) -> list[dict[str, Any]]:
    """The items of a sentence-gold file (``tests/gold/sentences/*.jsonl``), blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
