"""Write the dashboard's charts and tables to files for given filters, without a browser.

    python -m dashboard.report "countries=PRK,RUS&from=2024-01-01" --out reports/

The filters are a dashboard link or its query string (CONTRACTS §5), so a view someone shares can be
turned into files for a report. Charts come from the same queries and figure builders as the pages.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import plotly.graph_objects as go

from dashboard import exports, figures, layout, queries
from dashboard.filters import Filters, from_params


def parse_link(link: str) -> dict[str, str]:
    """Query parameters of a dashboard link, or of a bare query string."""
    query = urlsplit(link).query if "://" in link or link.startswith("/") else link.lstrip("?")
    return dict(parse_qsl(query, keep_blank_values=False))


def charts(con, f: Filters, pairs: list[str] | None = None) -> Iterator[tuple[str, go.Figure, pd.DataFrame]]:
    """Every chart of every page for these filters, as (name, figure, data drawn); empty charts are skipped."""
    monthly = queries.events_per_month(con, f)
    if len(monthly):
        yield "events-per-month", figures.events_per_month(monthly, f), monthly
    top = queries.top_pairs(con, f)
    if len(top):
        yield "top-pairs", figures.top_pairs(top, f), top
    if pairs is None:  # the Country pairs page's default: the three most active pairs
        pairs = list(queries.pairs_with_events(con, f)["pair"][:3])
    if pairs:
        timeline = queries.pair_timeline(con, f, pairs)
        if len(timeline):
            yield "pair-timeline", figures.pair_timeline(timeline, f), timeline
        months = queries.pair_months(con, f, pairs)
        if len(months):
            yield "pair-comparison", figures.pair_comparison(months, f, cumulative=True), months
    matrix = queries.country_matrix(con, f)
    if len(matrix):
        yield "country-heatmap", figures.country_heatmap(matrix, f), matrix
    edges = queries.network_edges(con, f)
    if len(edges):
        names = dict(queries.countries(con)[["iso3", "name"]].itertuples(index=False))
        yield "network", figures.network(edges, layout.force_layout(edges), names, f), edges
    steps = queries.treaty_steps(con, f) if "treaty" in f.types else []
    if len(steps):
        yield "treaties", figures.treaty_lifecycle(steps, f), steps
    claims = queries.troop_claims(con, f) if "troops" in f.types else []
    if len(claims):
        yield "troops", figures.troop_claims(claims, f), claims


def write_report(con, f: Filters, out: Path, pairs: list[str] | None = None, say=print) -> list[Path]:
    written: list[Path] = []
    for name, fig, data in charts(con, f, pairs):
        files = exports.write_chart(fig, data, f.slug(name), out)
        say(f"{name}: " + ", ".join(p.name for p in files))
        written += files
    table = queries.events_table(con, f)
    for suffix, content in (("csv", exports.to_csv(table)), ("xlsx", exports.to_excel(table))):
        path = out / f"{f.slug('events')}.{suffix}"
        path.write_bytes(content)
        written.append(path)
    say(f"events table: {len(table)} rows")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.report", description=__doc__.split("\n")[0])
    parser.add_argument("filters", nargs="?", default="",
                        help="a dashboard link or its query string, e.g. 'countries=PRK,RUS&from=2024-01-01'")
    parser.add_argument("--out", type=Path, default=Path("reports"), help="folder to write into (default: reports/)")
    parser.add_argument("--pairs", default=None, help="pairs for the pair charts, e.g. PRK-RUS,CHN-PRK "
                                                      "(default: the three most active)")
    parser.add_argument("--db", default=None, help="database file (default: $ENTENTE_DB or data/entente.duckdb)")
    args = parser.parse_args(argv)
    if not queries.database_exists(args.db):
        print(f"error: {queries.db_path(args.db)}: no database; build it with `python -m etl run`", file=sys.stderr)
        return 1
    with queries.connect(args.db) as con:
        known = set(queries.countries(con)["iso3"])
        parsed = from_params(parse_link(args.filters), known)
        for notice in parsed.notices:
            print(f"warning: {notice}", file=sys.stderr)
        pairs = [p.strip().upper() for p in args.pairs.split(",") if p.strip()] if args.pairs else None
        if not exports.static_export_available():
            print("warning: no Chromium on the PATH, so no PNG/SVG (apt-get install chromium)", file=sys.stderr)
        args.out.mkdir(parents=True, exist_ok=True)
        written = write_report(con, parsed.filters, args.out, pairs)
    print(f"Wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
