"""Command line: `python -m etl extract|run ...`. A thin layer over etl.pipeline."""
from __future__ import annotations

import argparse
import json
import sys

from etl import pipeline

DEFAULT_INPUTS = ["data/samples/"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Entente ETL: articles to events in DuckDB.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print extracted event mentions as JSON Lines (no database)")
    extract.add_argument("inputs", nargs="+", metavar="PATH", help="files, folders or http(s) URLs")
    run = commands.add_parser("run", help="ingest, extract and load into DuckDB")
    run.add_argument("inputs", nargs="*", metavar="PATH", help="files, folders or URLs (default: data/samples/)")
    run.add_argument("--db", help="database file (default: $ENTENTE_DB or data/entente.duckdb)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    imports = commands.add_parser("import", help="import GDELT or ACLED event files into DuckDB")
    imports.add_argument("source", choices=("gdelt", "acled"), help="GDELT event export or ACLED CSV export")
    imports.add_argument("inputs", nargs="+", metavar="PATH", help="files (plain or .zip) or http(s) URLs")
    imports.add_argument("--db", help="database file (default: $ENTENTE_DB or data/entente.duckdb)")
    imports.add_argument("--quiet", action="store_true", help="no per-file progress, only errors and the summary")
    synth = commands.add_parser("synth", help="write a synthetic database of N events (benchmarks, load tests)")
    synth.add_argument("--events", type=int, required=True, metavar="N", help="number of events, e.g. 10000000")
    synth.add_argument("--db", help="database file (default: data/synth-N.duckdb); never the real database")
    synth.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    synth.add_argument("--quiet", action="store_true", help="no progress lines")
    evaluate = commands.add_parser("evaluate", help="precision, recall and F1 against hand-annotated gold")
    evaluate.add_argument("--gold", default="tests/gold", help="folder of <stem>.jsonl gold files (default: tests/gold)")
    evaluate.add_argument("--articles", default="data/samples", help="folder of the annotated articles "
                                                                     "(default: data/samples)")
    evaluate.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                          help="articles to score and list: tune on dev, report heldout (default: all)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--no-errors", action="store_true", help="do not list misses and false alarms")
    evaluate.add_argument("--external", metavar="DIR", help="score instead on the PLOVER/PETRARCH gold sentences "
                                                            "in DIR (e.g. ../shared/eval)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return cmd_extract(args.inputs)
    if args.command == "evaluate" and args.external:
        from etl.evaluate.external import main as external

        return external(args.external, args.json, not args.no_errors)
    if args.command == "evaluate":
        from etl.evaluate.run import main as evaluate

        return evaluate(args.gold, args.articles, args.split, args.json, not args.no_errors)
    if args.command == "run":
        return pipeline.run(args.inputs or DEFAULT_INPUTS, db_path=args.db, quiet=args.quiet).exit_code
    if args.command == "import":
        from etl.importers import import_inputs

        return import_inputs(args.source, args.inputs, db_path=args.db, quiet=args.quiet).exit_code
    if args.command == "synth":
        from etl.synth import main as synth

        return synth(args.events, args.db, args.seed, args.quiet)
    return 2


def cmd_extract(inputs: list[str]) -> int:
    failed = False
    for result in pipeline.extract_inputs(inputs):
        if isinstance(result, Exception):
            print(f"error: {result}", file=sys.stderr)
            failed = True
            continue
        _, mentions = result
        for mention in mentions:
            sys.stdout.write(json.dumps(mention.as_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 1 if failed else 0
