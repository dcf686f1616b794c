"""The quality gate: the default pipeline scored against the team's gold for ``examples/``.

The bars are the floor this version must keep; ``docs/quality.md`` records the
measured figures (``make quality`` prints them). They are in-sample figures: the
stages were developed with this gold in view, so ``docs/quality.md`` also lists
the outside checks on research corpora that nobody on the team wrote.
"""

from __future__ import annotations

import pytest

from parallax.evaluation import GoldReport, evaluate
from parallax.model import Batch

from .conftest import GOLD

pytestmark = pytest.mark.slow

#: measure -> (kind, bar): "f1"/"precision"/"recall" of a P/R row, "rate" of a hits/total row,
#: "value" of a plain figure
BARS: dict[str, list[tuple[str, float]]] = {
    "removed lines": [("precision", 0.95), ("recall", 0.95)],
    "removed line reason accuracy": [("rate", 0.90)],
    "credits (agency)": [("precision", 0.90), ("recall", 0.95)],
    "language accuracy": [("rate", 0.95)],
    "entity mentions (text+type)": [("f1", 0.90)],
    "entity merge (canonical name)": [("rate", 0.85)],
    "nominal mention resolution": [("rate", 0.80)],
    "quotes (text)": [("f1", 0.90)],
    "quotes (text+speaker)": [("f1", 0.85)],
    "quantities (value)": [("f1", 0.90)],
    "quantities (value+interval)": [("f1", 0.90)],
    "dates (found)": [("f1", 0.90)],
    "date value accuracy": [("rate", 0.90)],
    "stories B-cubed F1": [("value", 0.95)],
    "conflicting claims": [("precision", 0.75), ("recall", 0.75)],
    "corroborations found (recall)": [("rate", 0.80)],
    "independent source count": [("rate", 0.80)],
    "single-source claims found (recall)": [("rate", 0.90)],
    "quote groups found (recall)": [("rate", 0.85)],
    "silent agency copies found (recall)": [("rate", 1.00)],
}


@pytest.fixture(scope="module")
def report(analysed_examples: Batch) -> GoldReport:
    return evaluate(analysed_examples, GOLD)


def _figure(report: GoldReport, measure: str, kind: str) -> float:
    if kind == "rate":
        assert measure in report.rates, f"{measure!r} was not measured"
        return report.ratio(measure)
    if kind == "value":
        return report.values[measure]
    assert measure in report.scores, f"{measure!r} was not measured"
    score = report.scores[measure]
    return float(getattr(score, kind))


@pytest.mark.parametrize("measure", sorted(BARS))
def test_quality_bar(report: GoldReport, measure: str) -> None:
    for kind, bar in BARS[measure]:
        figure = _figure(report, measure, kind)
        assert figure >= bar, f"{measure} {kind} {figure:.3f} < bar {bar}\n\n{report.table()}"


def test_the_gold_is_large_enough_to_mean_something(report: GoldReport) -> None:
    sizes = {name: s.tp + s.fn for name, s in report.scores.items()}
    assert sizes["removed lines"] >= 100
    assert sizes["entity mentions (text+type)"] >= 200
    assert sizes["quotes (text)"] >= 40
    assert sizes["quantities (value)"] >= 60
    assert report.rates["date value accuracy"][1] >= 40
