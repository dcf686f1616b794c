"""Counting and reporting figures shared by every evaluation (gold, HAREM, CSTNews)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Score:
    """Counts for one measure; precision/recall/F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class GoldReport:
    """Named measures: P/R counts (``scores``), hit rates (``rates``) and plain figures (``values``)."""

    scores: dict[str, Score] = field(default_factory=dict)
    rates: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (hits, total)
    values: dict[str, float] = field(default_factory=dict)  # measures that are not counts

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def rate(self, name: str, hit: bool) -> None:
        hits, total = self.rates.get(name, (0, 0))
        self.rates[name] = (hits + int(hit), total + 1)

    def ratio(self, name: str) -> float:
        hits, total = self.rates.get(name, (0, 0))
        return hits / total if total else 1.0

    def to_dict(self) -> dict[str, dict[str, float | int]]:
        """Every measure as plain numbers, for ``--format json``."""
        out: dict[str, dict[str, float | int]] = {}
        for name, s in sorted(self.scores.items()):
            out[name] = {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
        for name, (hits, total) in sorted(self.rates.items()):
            out[name] = {"value": self.ratio(name), "hits": hits, "total": total}
        for name, value in sorted(self.values.items()):
            out[name] = {"value": value}
        return out

    def table(self) -> str:
        """Markdown tables: the P/R measures, then the rates and plain figures (empty parts left out)."""
        lines: list[str] = []
        if self.scores:
            lines += ["| measure | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
            for name, s in sorted(self.scores.items()):
                lines.append(
                    f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"
                )
        if self.rates or self.values:
            lines += [""] if lines else []
            lines += ["| measure | value | hits / total |", "|---|---|---|"]
            for name, (hits, total) in sorted(self.rates.items()):
                lines.append(f"| {name} | {self.ratio(name):.3f} | {hits} / {total} |")
            for name, value in sorted(self.values.items()):
                shown = f"{value:.0f}" if float(value).is_integer() and abs(value) >= 2 else f"{value:.3f}"
                lines.append(f"| {name} | {shown} | |")
        return "\n".join(lines)


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of the items ``gold`` labels."""
    items = [k for k in gold if k in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    p_total = r_total = 0.0
    for item in items:
        same_pred = {k for k in items if predicted[k] == predicted[item]}
        same_gold = {k for k in items if gold[k] == gold[item]}
        both = len(same_pred & same_gold)
        p_total += both / len(same_pred)
        r_total += both / len(same_gold)
    p, r = p_total / len(items), r_total / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
