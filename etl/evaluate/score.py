"""Precision, recall and F1 by event type, language and split; date and count accuracy on matches."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from etl.evaluate.match import ArticleResult


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    date_right: int = 0
    count_checked: int = 0
    count_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.matched if self.matched else 1.0

    @property
    def count_accuracy(self) -> float:
        return self.count_right / self.count_checked if self.count_checked else 1.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "date_accuracy": round(self.date_accuracy, 3), "count_accuracy": round(self.count_accuracy, 3)}


def score(results: Iterable[ArticleResult], event_type: str | None = None, language: str | None = None,
          split: str | None = None) -> Score:
    """One score over the articles and event type selected (None: all)."""
    s = Score()
    for r in results:
        if (language and r.language != language) or (split and r.split != split):
            continue
        def keep(item) -> bool:
            return event_type is None or item.event_type == event_type

        s.gold += sum(map(keep, r.missed)) + sum(keep(g) for g, _ in r.matched)
        s.found += sum(map(keep, r.false_alarms)) + sum(keep(f) for _, f in r.matched)
        for g, f in r.matched:
            if not keep(g):
                continue
            s.matched += 1
            s.date_right += g.date == f.date and g.precision == f.precision
            if g.count is not None or f.count is not None:
                s.count_checked += 1
                s.count_right += g.count == f.count
    return s
