"""Gold annotations (tests/gold/<stem>.jsonl) and the articles they annotate, split into dev and held out."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from etl.model import InputError

FIELDS = ("event_type", "subtype", "actor1", "actor2", "date", "date_precision", "count", "reported_by")


@dataclass(frozen=True)
class Item:
    """One event of one article, from the gold file or from the extractor."""

    event_type: str
    subtype: str
    pair: tuple[str, str]
    actor1: str
    date: str | None
    precision: str
    count: int | None
    reported_by: tuple[str, ...]
    sentence: str = ""


def split_of(stem: str) -> str:
    """A quarter of the articles are held out, chosen by a hash of the name so no one picks them."""
    return "heldout" if hashlib.sha256(stem.encode()).hexdigest()[0] in "0123" else "dev"


def item(record: dict, sentence: str = "") -> Item:
    a1, a2 = record["actor1"], record["actor2"]
    return Item(record["event_type"], record["subtype"], tuple(sorted((a1, a2))), a1, record.get("date"),
                record.get("date_precision") or "unknown", record.get("count"),
                tuple(sorted(record.get("reported_by") or [])), sentence)


def load_gold(path: Path) -> list[Item]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            missing = [f for f in FIELDS if f not in record]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            items.append(item(record, record.get("evidence", "")))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"line {number}: {exc}") from exc
    return items


def gold_files(gold_dir: Path, articles_dir: Path) -> list[tuple[str, Path, Path]]:
    """(stem, gold file, article file) for every gold file whose article exists."""
    found = []
    for gold in sorted(gold_dir.glob("*.jsonl")):
        articles = sorted(articles_dir.glob(gold.stem + ".*"))
        if not articles:
            raise InputError(str(gold), f"no article named {gold.stem}.* in {articles_dir}")
        found.append((gold.stem, gold, articles[0]))
    return found
