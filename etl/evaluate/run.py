"""`python -m etl evaluate`: extract every annotated article and compare with its gold file."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from etl.evaluate.gold import Item, gold_files, item, load_gold, split_of
from etl.evaluate.match import ArticleResult, group, match
from etl.evaluate.score import score
from etl.extract.events import extract
from etl.model import EVENT_TYPES
from etl.readers import read_one


def evaluate(gold_dir: Path, articles_dir: Path) -> list[ArticleResult]:
    results = []
    for stem, gold_path, article_path in gold_files(gold_dir, articles_dir):
        gold = load_gold(gold_path)
        (article,) = read_one(str(article_path))
        found = group([item(m.as_json(), m.sentence) for m in extract(article)])
        results.append(match(stem, article.language or "?", split_of(stem), gold, found))
    return results


def summary(results: list[ArticleResult]) -> dict:
    """Scores for every split x language x type cell that has articles, as plain numbers."""
    out: dict = {}
    languages = sorted({r.language for r in results})
    for split in ("all", "dev", "heldout"):
        splits = {r.split for r in results}
        if (split == "all" and len(splits) < 2) or (split != "all" and split not in splits):
            continue
        chosen = None if split == "all" else split
        for language in ["all", *languages]:
            lang = None if language == "all" else language
            for event_type in ["all", *EVENT_TYPES]:
                kind = None if event_type == "all" else event_type
                s = score(results, kind, lang, chosen)
                if s.gold or s.found:
                    out.setdefault(split, {}).setdefault(language, {})[event_type] = s.as_dict()
    return out


def _line(label: str, cell: dict) -> str:
    return (f"  {label:<18} {cell['gold']:>5} {cell['found']:>6} {cell['matched']:>7}  {cell['precision']:>5.2f} "
            f"{cell['recall']:>5.2f} {cell['f1']:>5.2f}   {cell['date_accuracy']:>5.2f} {cell['count_accuracy']:>6.2f}")


def _describe(x: Item) -> str:
    extra = f" count={x.count}" if x.count is not None else ""
    extra += f" by={','.join(x.reported_by)}" if x.reported_by else ""
    return f"{x.event_type}/{x.subtype} {x.actor1}->{'-'.join(p for p in x.pair if p != x.actor1) or x.actor1} " \
           f"{x.date or '?'}{extra}"


def print_report(results: list[ArticleResult], show_errors: bool, out=sys.stdout) -> None:
    table = summary(results)
    for split, by_language in table.items():
        n = sum(1 for r in results if split == "all" or r.split == split)
        print(f"\n{split} ({n} articles)", file=out)
        print(f"  {'language / type':<18} {'gold':>5} {'found':>6} {'matched':>7}  {'P':>5} {'R':>5} {'F1':>5}   "
              f"{'date':>5} {'count':>6}", file=out)
        for language, by_type in by_language.items():
            for event_type, cell in by_type.items():
                print(_line(f"{language} {event_type}", cell), file=out)
    if not show_errors:
        return
    for r in results:
        if r.missed or r.false_alarms:
            print(f"\n{r.stem} [{r.split}]", file=out)
            for g in r.missed:
                print(f"  missed      {_describe(g)}  «{g.sentence[:110]}»", file=out)
            for f in r.false_alarms:
                print(f"  false alarm {_describe(f)}  «{f.sentence[:110]}»", file=out)


def main(gold_dir: str, articles_dir: str, split: str, as_json: bool, show_errors: bool) -> int:
    results = [r for r in evaluate(Path(gold_dir), Path(articles_dir)) if split in ("all", r.split)]
    if as_json:
        json.dump(summary(results), sys.stdout, indent=1)
        print()
    else:
        print_report(results, show_errors)
    return 0
