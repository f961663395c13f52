"""Per article: group extracted mentions into events, then match them to gold events.

An extracted event matches a gold one when the type and the unordered pair agree and the
dates are compatible: the same day where both are day-precise, else the same month, else the
same year; an unknown gold date matches any date.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from etl.evaluate.gold import Item
from etl.model import PRECISION_RANK

PREFIX = {"day": 10, "month": 7, "year": 4}


def compatible(gold: Item, found: Item) -> bool:
    if gold.precision == "unknown":
        return True
    if found.precision == "unknown" or found.date is None or gold.date is None:
        return False
    width = PREFIX[max(gold.precision, found.precision, key=PRECISION_RANK.get)]  # the coarser one
    return gold.date[:width] == found.date[:width]


def _same_claim(a: Item, b: Item) -> bool:
    # As the database's dedup: a treaty step or a troop report's kind (a deployment, a battle, losses)
    # is an event of its own; a meeting's subtype is only how it was told (visit, talks), except a call.
    return (a.event_type == b.event_type and a.pair == b.pair
            and (a.subtype == b.subtype if a.event_type != "meeting" else (a.subtype == "call") == (b.subtype == "call"))
            and (a.count is None or b.count is None or a.count == b.count)
            and (not a.reported_by or not b.reported_by or a.reported_by == b.reported_by)
            and (a.precision == "unknown" or b.precision == "unknown" or compatible(a, b)))


def group(mentions: list[Item]) -> list[Item]:
    """Mentions of one article that tell of the same event (or the same claim) become one item,
    keeping the most precise date, the count and the claimant that any of them gives."""
    groups: list[Item] = []
    for m in sorted(mentions, key=lambda m: PRECISION_RANK[m.precision]):
        for i, g in enumerate(groups):
            if _same_claim(g, m):
                groups[i] = Item(g.event_type, g.subtype, g.pair, g.actor1, g.date, g.precision,
                                 g.count if g.count is not None else m.count, g.reported_by or m.reported_by,
                                 g.sentence)
                break
        else:
            groups.append(m)
    return groups


def _score(gold: Item, found: Item) -> tuple:
    return (gold.date == found.date and gold.precision == found.precision, gold.count == found.count,
            gold.subtype == found.subtype, gold.reported_by == found.reported_by)


@dataclass
class ArticleResult:
    stem: str
    language: str
    split: str
    matched: list[tuple[Item, Item]] = field(default_factory=list)
    missed: list[Item] = field(default_factory=list)
    false_alarms: list[Item] = field(default_factory=list)


def match(stem: str, language: str, split: str, gold: list[Item], found: list[Item]) -> ArticleResult:
    """Greedy one-to-one matching, best-agreeing pairs first."""
    candidates = sorted(((_score(g, f), gi, fi) for gi, g in enumerate(gold) for fi, f in enumerate(found)
                         if g.event_type == f.event_type and g.pair == f.pair and compatible(g, f)), reverse=True)
    used_gold: set[int] = set()
    used_found: set[int] = set()
    result = ArticleResult(stem, language, split)
    for _, gi, fi in candidates:
        if gi not in used_gold and fi not in used_found:
            used_gold.add(gi)
            used_found.add(fi)
            result.matched.append((gold[gi], found[fi]))
    result.missed = [g for i, g in enumerate(gold) if i not in used_gold]
    result.false_alarms = [f for i, f in enumerate(found) if i not in used_found]
    return result
