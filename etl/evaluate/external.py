"""`python -m etl evaluate --external DIR`: an outside check on other projects' gold sentences.

DIR holds `plover_examples.jsonl` (PLOVER gold standard) and `petrarch_gold.jsonl` (PETRARCH
test sentences); neither was written for Entente, so they show how the rules do on text they
were not tuned to. Each record is one sentence, extracted as a one-sentence article.

Mapping of the gold to Entente's types (decided from the label and, where the label is broader
than Entente's type, one fixed test on the text; never tuned to the figures):

| gold label                     | Entente type | condition                                          |
| ------------------------------ | ------------ | -------------------------------------------------- |
| PLOVER CONSULT (any mode)      | meeting      | -                                                  |
| PLOVER AGREE, SUPPORT          | treaty       | text has a signing/agreeing verb before a treaty   |
|                                |              | noun (TREATY_TEXT): "signed a treaty", "agreed     |
|                                |              | upon a new free-trade pact"                        |
| PLOVER MOBILIZE, AID           | troops       | mode "troops", or text names military personnel    |
|                                |              | (PERSONNEL)                                        |
| CAMEO 040-046                  | meeting      | -                                                  |
| CAMEO 057 (sign formal agmt)   | treaty       | -                                                  |
| CAMEO 15x, 062, 072            | troops       | text names military personnel (PERSONNEL)          |
| anything else                  | (none)       | the record is out of scope: it should yield nothing |

Gold country pairs are unordered; PLOVER's come from `country_dyads_derived`, PETRARCH's from
`expected` (not `other_codings`). A record whose label maps to a type but which has no country
pair (e.g. an IGO actor) has no gold either, so anything produced there is a false positive.

Scoring per sentence: a gold (type, pair) produced is a TP, produced but not gold a FP, gold but
not produced a FN. Out-of-scope records add only FPs, and how many of them stay silent is
reported as specificity.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from etl.extract.events import extract
from etl.model import EVENT_TYPES, Article

PLOVER_FILE = "plover_examples.jsonl"
PETRARCH_FILE = "petrarch_gold.jsonl"

PLOVER_TYPES = {"CONSULT": "meeting", "AGREE": "treaty", "SUPPORT": "treaty", "MOBILIZE": "troops", "AID": "troops"}
CAMEO_TYPES = {**{f"04{d}": "meeting" for d in range(7)}, "057": "treaty",
               **{f"15{d}": "troops" for d in range(6)}, "062": "troops", "072": "troops"}
# AGREE/SUPPORT cover far more than treaties; the text must agree on or sign a named instrument.
TREATY_TEXT = re.compile(r"\b(?:sign(?:s|ed|ing)?|agree(?:s|d)?|conclude[sd]?|ratif(?:y|ies|ied))\b"
                         r".*\b(?:treat(?:y|ies)|pacts?|accords?|agreements?|memorandum|convention)\b",
                         re.IGNORECASE)
# MOBILIZE/AID and CAMEO 15x/062/072 also cover arms, money and police; Entente counts soldiers only.
PERSONNEL = re.compile(r"\b(?:troops?|soldiers?|forces|reservists|peace-?keep\w*|servicemen|marines|"
                       r"military personnel)\b", re.IGNORECASE)
# PLOVER writes some actors with CAMEO codes that are not ISO 3166, and then derives no dyad for them.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass(frozen=True)
class Record:
    dataset: str
    key: str  # the record's id; "#2", "#3" added when an id repeats in the file
    text: str
    published: datetime | None
    labels: tuple[str, ...]  # the gold's own labels, e.g. ("CONSULT/visit",) or ("cameo 046",)
    gold: frozenset[tuple[str, str]]  # (Entente type, "AAA-BBB")

    @property
    def in_scope(self) -> bool:
        return bool(self.gold)


@dataclass(frozen=True)
class Outcome:
    record: Record
    found: frozenset[tuple[str, str]]

    @property
    def tp(self) -> frozenset[tuple[str, str]]:
        return self.found & self.record.gold

    @property
    def fp(self) -> frozenset[tuple[str, str]]:
        return self.found - self.record.gold

    @property
    def fn(self) -> frozenset[tuple[str, str]]:
        return self.record.gold - self.found


def pair(a: str, b: str) -> str | None:
    return "-".join(sorted((a, b))) if a and b and a != b else None


def plover_type(raw: dict) -> str | None:
    kind = PLOVER_TYPES.get(raw.get("event", ""))
    text = raw.get("text", "")
    if kind == "treaty" and not TREATY_TEXT.search(text):
        return None
    if kind == "troops" and raw.get("mode") != "troops" and not PERSONNEL.search(text):
        return None
    return kind


def cameo_type(code: str, text: str) -> str | None:
    kind = CAMEO_TYPES.get(code)
    if kind == "troops" and not PERSONNEL.search(text):
        return None
    return kind


def _published(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:  # PETRARCH's wire records carry e.g. "121108" in date_raw only
        return None


def plover_record(raw: dict) -> Record:
    kind = plover_type(raw)
    pairs = {pair(d["source"], d["target"]) for d in raw.get("country_dyads_derived", [])}
    sources, targets = raw.get("source", []), raw.get("target", [])
    for s in sources:
        for t in targets:
            if s.get("code") in CAMEO_TO_ISO or t.get("code") in CAMEO_TO_ISO:
                pairs.add(pair(CAMEO_TO_ISO.get(s["code"], s["code"]), CAMEO_TO_ISO.get(t["code"], t["code"])))
    label = raw["event"] + (f"/{raw['mode']}" if raw.get("mode") else "")
    gold = frozenset((kind, p) for p in pairs if p) if kind else frozenset()
    return Record(PLOVER_FILE, raw["id"], raw["text"], _published(raw.get("date_in_source")), (label,), gold)


def petrarch_record(raw: dict) -> Record:
    gold = set()
    for coding in raw.get("expected", []):
        kind, p = cameo_type(coding["cameo"], raw["text"]), pair(coding["source"], coding["target"])
        if kind and p:
            gold.add((kind, p))
    labels = tuple(sorted({f"cameo {c['cameo']}" for c in raw.get("expected", [])}))
    return Record(PETRARCH_FILE, raw["id"], raw["text"], _published(raw.get("date")), labels, frozenset(gold))


READERS = {PLOVER_FILE: plover_record, PETRARCH_FILE: petrarch_record}


def load(path: Path) -> list[Record]:
    reader, records, seen = READERS[path.name], [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = reader(json.loads(line))
        seen[record.key] = seen.get(record.key, 0) + 1
        if seen[record.key] > 1:
            record = Record(**{**record.__dict__, "key": f"{record.key}#{seen[record.key]}"})
        records.append(record)
    return records


def run(record: Record) -> Outcome:
    article = Article(text=record.text, source=f"{record.dataset}#{record.key}", published=record.published,
                      language="en")
    found = {(m.event_type, pair(m.actor1, m.actor2)) for m in extract(article)}
    return Outcome(record, frozenset((k, p) for k, p in found if p))


def scores(outcomes: Iterable[Outcome]) -> dict:
    """Counts and P/R/F1 per Entente type and overall, plus scope and specificity, as plain numbers."""
    outcomes = list(outcomes)
    table: dict = {}
    for kind in (*EVENT_TYPES, "all"):
        def keep(items):
            return sum(1 for k, _ in items if kind in ("all", k))

        tp = sum(keep(o.tp) for o in outcomes)
        fp = sum(keep(o.fp) for o in outcomes)
        fn = sum(keep(o.fn) for o in outcomes)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        table[kind] = {"gold": tp + fn, "found": tp + fp, "tp": tp, "fp": fp, "fn": fn,
                       "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}
    out_of_scope = [o for o in outcomes if not o.record.in_scope]
    silent = sum(1 for o in out_of_scope if not o.found)
    return {"records": len(outcomes), "in_scope": len(outcomes) - len(out_of_scope),
            "out_of_scope": len(out_of_scope), "out_of_scope_silent": silent,
            "specificity": round(silent / len(out_of_scope), 3) if out_of_scope else 1.0, "types": table}


def evaluate(directory: Path) -> dict[str, list[Outcome]]:
    """Outcomes per dataset file found in the folder; an error when it holds neither file."""
    results = {name: [run(r) for r in load(directory / name)] for name in READERS if (directory / name).is_file()}
    if not results:
        raise FileNotFoundError(f"{directory}: neither {PLOVER_FILE} nor {PETRARCH_FILE} found")
    return results


def _fmt(items: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"{k} {p}" for k, p in sorted(items))


def print_report(results: dict[str, list[Outcome]], show_errors: bool, out=sys.stdout) -> None:
    for name, outcomes in results.items():
        s = scores(outcomes)
        print(f"\n{name}: {s['records']} records, {s['in_scope']} in scope; {s['out_of_scope_silent']} of "
              f"{s['out_of_scope']} out of scope produce nothing (specificity {s['specificity']:.2f})", file=out)
        print(f"  {'type':<8} {'gold':>5} {'found':>6} {'TP':>4} {'FP':>4} {'FN':>4}  {'P':>5} {'R':>5} {'F1':>5}",
              file=out)
        for kind, c in s["types"].items():
            print(f"  {kind:<8} {c['gold']:>5} {c['found']:>6} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4}  "
                  f"{c['precision']:>5.2f} {c['recall']:>5.2f} {c['f1']:>5.2f}", file=out)
        if not show_errors:
            continue
        for o in outcomes:
            if o.fp or o.fn:
                print(f"\n  {o.record.key} [{', '.join(o.record.labels)}]  «{o.record.text.strip()[:160]}»", file=out)
                if o.fn:
                    print(f"    missed      {_fmt(o.fn)}", file=out)
                if o.fp:
                    print(f"    false alarm {_fmt(o.fp)}", file=out)


def main(directory: str, as_json: bool, show_errors: bool) -> int:
    try:
        results = evaluate(Path(directory))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if as_json:
        json.dump({name: scores(outcomes) for name, outcomes in results.items()}, sys.stdout, indent=1)
        print()
    else:
        print_report(results, show_errors)
    return 0
