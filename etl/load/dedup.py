"""Group mentions of one real-world event into events.

Mentions agree on the event when they share type and pair (and, for treaties, the step;
for troops, the direction and subtype; for meetings, whether it was a call) and their dates are compatible: a day, the month
holding it, the year holding that. The event keeps the finest date. Undated mentions join
the event their own article dates elsewhere, else the group's best-attested event.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from etl.model import PRECISION_RANK, short_hash


@dataclass
class MentionRow:
    mention_id: str
    article_id: str
    event_type: str
    subtype: str
    actor1: str
    actor2: str
    pair: str
    date: date | None
    date_precision: str
    count: int | None
    confidence: float
    sentence_index: int = 0


@dataclass
class Cluster:
    date: date | None
    precision: str
    mentions: list[MentionRow] = field(default_factory=list)

    def holds(self, row: MentionRow) -> bool:
        if self.date is None or row.date is None:
            return False
        if row.date_precision == "month":
            return (self.date.year, self.date.month) == (row.date.year, row.date.month) and PRECISION_RANK[self.precision] <= 1
        if row.date_precision == "year":
            return self.date.year == row.date.year
        return self.date == row.date and self.precision == "day"


def group_key(row: MentionRow) -> tuple:
    if row.event_type == "meeting":
        # A visit told again as talks is one meeting; a phone call in the same month is another.
        return ("meeting", row.pair, row.subtype == "call")
    if row.event_type == "treaty":
        return ("treaty", row.pair, row.subtype)
    return (row.event_type, row.actor1, row.actor2, row.subtype)


def cluster(rows: list[MentionRow]) -> list[Cluster]:
    """Clusters of one group, deterministic for a given set of rows."""
    ordered = sorted(rows, key=lambda r: (PRECISION_RANK[r.date_precision], r.date or date.min, r.mention_id))
    clusters: list[Cluster] = []
    for row in ordered:
        if row.date_precision == "unknown":
            home = _home_for_undated(row, clusters)
        else:
            candidates = [c for c in clusters if c.holds(row)]
            home = max(candidates, key=lambda c: (len(c.mentions), -clusters.index(c)), default=None)
        if home is None:
            home = Cluster(row.date, row.date_precision)
            clusters.append(home)
        home.mentions.append(row)
    return clusters


def _home_for_undated(row: MentionRow, clusters: list[Cluster]) -> Cluster | None:
    same_article = [(abs(m.sentence_index - row.sentence_index), i) for i, c in enumerate(clusters)
                    for m in c.mentions if m.article_id == row.article_id]
    if same_article:
        return clusters[min(same_article)[1]]
    return max(clusters, key=lambda c: (len({m.article_id for m in c.mentions}), -clusters.index(c)), default=None)


def build_events(rows: list[MentionRow]) -> tuple[list[dict], dict[str, str]]:
    """Events, and the event_id of every mention."""
    groups: dict[tuple, list[MentionRow]] = defaultdict(list)
    for row in rows:
        groups[group_key(row)].append(row)
    events: list[dict] = []
    assignment: dict[str, str] = {}
    for key in sorted(groups):
        for c in cluster(groups[key]):
            event = _event(key, c)
            events.append(event)
            for m in c.mentions:
                assignment[m.mention_id] = event["event_id"]
    return events, assignment


def _event(key: tuple, c: Cluster) -> dict:
    ms = c.mentions
    subtype = Counter(m.subtype for m in ms).most_common(1)[0][0] if key[0] == "meeting" else ms[0].subtype
    actor1, actor2 = Counter((m.actor1, m.actor2) for m in ms).most_common(1)[0][0]
    best_per_article: dict[str, float] = {}
    for m in ms:
        best_per_article[m.article_id] = max(best_per_article.get(m.article_id, 0.0), m.confidence)
    doubt = 1.0
    for value in best_per_article.values():
        doubt *= 1.0 - value
    counts = [m.count for m in ms if m.count is not None]
    date_text = c.date.isoformat() if c.date else "unknown"
    # A key without the date would merge reruns of different dates; with it, ids are stable per rerun.
    event_id = short_hash(*key, date_text, c.precision, min(m.mention_id for m in ms) if c.date is None else "")
    return {
        "event_id": event_id,
        "event_type": key[0],
        "subtype": subtype,
        "actor1": actor1,
        "actor2": actor2,
        "pair": ms[0].pair,
        "date": c.date,
        "date_precision": c.precision,
        "count": max(counts) if counts else None,
        "n_mentions": len(ms),
        "n_sources": len(best_per_article),
        "confidence": round(min(0.99, 1.0 - doubt), 3),
        "status": "auto",
        "origin": "extracted",
    }
