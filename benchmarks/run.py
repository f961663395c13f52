"""`make bench`: extraction, import, dashboard-query and page-render speed, against the targets.

Prints one table and writes it, with the machine, to benchmarks/results.md. Synthetic databases
are cached in benchmarks/.cache/. BENCH_SIZES=100000,1000000 runs a quick subset (default adds 10M).
Query timings run in a child process per size, so each size's peak RSS is its own.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "benchmarks" / ".cache"
RESULTS = ROOT / "benchmarks" / "results.md"
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "100000,1000000,10000000").split(",") if s.strip()]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
IMPORT_SIZES = [int(s) for s in os.environ.get("BENCH_IMPORT_SIZES", "1000000,10000000").split(",") if s.strip()]

# Which queries each page runs on a filter change (pages/*.py, through ui.load); pairs and events
# pages take arguments from an earlier result, filled in by page_calls().
PAGES = {
    "overview": ["headline", "events_per_month", "top_pairs", "latest_events"],
    "pairs": ["pairs_with_events", "pair_timeline", "pair_months", "origin_months", "country_matrix"],
    "network": ["network_edges"],
    "treaties": ["treaty_steps", "treaty_records"],
    "troops": ["troop_claims"],
    "events": ["events_table", "event_sources"],
}
TARGETS = {"extract_rate": 100.0, "extract_ratio": 1.3, "import_rate": 1e6, "median_ms": 150.0, "p95_ms": 400.0,
           "render_s": 1.0, "server_gb": 1.5}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def machine() -> str:
    import duckdb

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    load = os.getloadavg()
    return (f"{cpu}, {os.cpu_count()} cores, {mem / 1024**2:.1f} GB RAM; Python {platform.python_version()}, "
            f"DuckDB {duckdb.__version__}; {datetime.now():%Y-%m-%d %H:%M}; load average at start "
            f"{load[0]:.1f} (other processes share the machine when it exceeds the core count)")


def synth_db(n: int) -> Path:
    from etl import synth

    path = CACHE / f"synth-{n}.duckdb"
    if not path.exists():
        synth.synthesize(n, path)
    else:
        upgrade(path)
    return path


def upgrade(path: Path) -> None:
    """A cached database from before a migration gets it and its summary tables here, in seconds,
    rather than being synthesized again (minutes at 10M events)."""
    import duckdb

    from etl.load import db
    from etl.load.summaries import rebuild_summaries

    with duckdb.connect(str(path), read_only=True) as con:
        done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    if {version for version, _ in db.migrations()} <= done:
        return
    con = db.connect(path)  # applies the missing migrations
    try:
        rebuild_summaries(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


# -- extraction ---------------------------------------------------------------------------------

def corpus(min_articles: int = 2000) -> list:
    import copy

    from etl.model import Article
    from etl.readers import read_inputs

    articles = [a for a in read_inputs([str(ROOT / "data" / "samples")]) if isinstance(a, Article)]
    copies = -(-min_articles // len(articles))
    return [copy.copy(a) for _ in range(copies) for a in articles]


def bare_pass(article) -> int:
    """What extract() builds on: sentences, the gazetteer, and dates where a country was found (as extract does)."""
    from etl.extract.dates import grammar
    from etl.extract.events import FOLD
    from etl.extract.sentences import split_sentences
    from etl.gazetteer import gazetteer

    g = grammar(article.language) if article.language else None
    if g is None:
        return 0
    g.forget()  # as extract() does: no dates remembered from another article
    gaz = gazetteer(article.language)
    anchor = article.published.date() if article.published else None
    found = 0
    for sentence in split_sentences(article.text):
        text = sentence.text.translate(FOLD)
        countries = gaz.find(text, anchor)
        if countries:
            found += len(g.find(text, anchor))
    return found


def _extract_chunk(articles) -> int:
    from etl.extract.events import extract

    return sum(len(extract(a)) for a in articles)


def rate(fn, articles, runs: int) -> list[float]:
    fn(articles[:50])  # warm: rules, gazetteer and grammar load once per process
    out = []
    for _ in range(runs):
        clock = time.perf_counter()
        fn(articles)
        out.append(len(articles) / (time.perf_counter() - clock))
    return out


def _bare_all(articles) -> int:
    return sum(bare_pass(a) for a in articles)


def _two_processes(articles) -> int:
    from multiprocessing import get_context

    half = len(articles) // 2
    with get_context("fork").Pool(2) as pool:
        return sum(pool.map(_extract_chunk, [articles[:half], articles[half:]]))


def bench_extraction(rows: list) -> dict:
    articles = corpus()
    extract_1 = rate(_extract_chunk, articles, RUNS)
    bare = rate(_bare_all, articles, RUNS)
    extract_2 = rate(_two_processes, articles, 3)
    med1, med_bare, med2 = statistics.median(extract_1), statistics.median(bare), statistics.median(extract_2)
    ratio = med_bare / med1
    n = len(articles)
    rows.append(("extraction, 1 process", f"{med1:,.0f} articles/s (min–max {min(extract_1):,.0f}–{max(extract_1):,.0f}, "
                 f"{n} articles × {RUNS})", f"≥ {TARGETS['extract_rate']:.0f}/s", mark(med1 >= TARGETS["extract_rate"])))
    rows.append(("bare pass (sentences + gazetteer + dates)", f"{med_bare:,.0f} articles/s (min–max "
                 f"{min(bare):,.0f}–{max(bare):,.0f})", "", ""))
    rows.append(("extraction time ÷ bare-pass time", f"{ratio:.2f}×", f"≤ {TARGETS['extract_ratio']}×",
                 mark(ratio <= TARGETS["extract_ratio"])))
    rows.append(("extraction, 2 processes", f"{med2:,.0f} articles/s (min–max {min(extract_2):,.0f}–"
                 f"{max(extract_2):,.0f}, 3 runs; {med2 / med1:.2f}× one process)", "", ""))
    return {"extract": med1, "bare": med_bare, "extract2": med2}


# -- GDELT import ---------------------------------------------------------------------------------

def bench_import(rows: list) -> None:
    from benchmarks.gdelt_file import write_gdelt

    try:
        from etl.importers import import_inputs
    except ImportError:
        rows.append(("GDELT import", "skipped: etl.importers.import_inputs is missing", "", ""))
        return
    for n in IMPORT_SIZES:
        source = write_gdelt(CACHE / f"gdelt-{n}.export.CSV", n)
        runs = 3 if n <= 1_000_000 else 2
        rates = []
        for _ in range(runs):
            target = CACHE / "import-bench.duckdb"
            for leftover in (target, Path(str(target) + ".wal")):
                leftover.unlink(missing_ok=True)
            clock = time.perf_counter()
            result = import_inputs("gdelt", [str(source)], db_path=str(target), quiet=True)
            seconds = time.perf_counter() - clock
            if result.errors:
                rows.append((f"GDELT import {n:,} rows", f"failed: {result.errors[0][:80]}", "", ""))
                break
            rates.append(result.totals.read / seconds)
        target.unlink(missing_ok=True)
        if rates:
            med = statistics.median(rates)
            rows.append((f"GDELT 2.0 import, {n:,} rows (fresh database)", f"{med:,.0f} rows/s (min–max "
                         f"{min(rates):,.0f}–{max(rates):,.0f}, {runs} runs)", "≥ 1,000,000/s",
                         mark(med >= TARGETS["import_rate"])))


# -- dashboard queries, in a child process per size -----------------------------------------------

FILTER_NAMES = ("default", "country RUS", "year 2024")


def filters_list():
    from dashboard.filters import Filters

    return [Filters(), Filters(countries=("RUS",)), Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))]


def page_calls(con, page: str, f):
    from dashboard import queries

    calls = []
    for name in PAGES[page]:
        if name in ("pair_timeline", "pair_months", "origin_months"):
            chosen = list(queries.pairs_with_events(con, f)["pair"][:3])
            calls.append((name, (f, chosen)))
        elif name == "event_sources":
            table = queries.events_table(con, f, "")
            calls.append((name, (table["event_id"].iloc[0],) if len(table) else None))
        elif name == "events_table":
            calls.append((name, (f, "")))
        else:
            calls.append((name, (f,)))
    return [(n, a) for n, a in calls if a is not None]


def query_child(n: int) -> None:
    """Prints JSON: per page and filter, the page's query times (ms) over RUNS runs; the peak RSS."""
    from dashboard import queries

    path = synth_db(n)
    out = {"pages": {}, "queries": {}}
    with queries.connect(path) as con:
        for page in PAGES:
            for fname, f in zip(FILTER_NAMES, filters_list()):
                calls = page_calls(con, page, f)
                times, per_query = [], {name: [] for name, _ in calls}
                runs = RUNS
                for run in range(RUNS + 1):  # the first run warms the file cache; not counted
                    if run > runs:
                        break
                    total = 0.0
                    for name, args in calls:
                        clock = time.perf_counter()
                        getattr(queries, name)(con, *args)
                        ms = (time.perf_counter() - clock) * 1000
                        total += ms
                        if run:
                            per_query[name].append(ms)
                    if run:
                        times.append(total)
                    elif total > 5000:
                        runs = 2  # seconds per run: two runs tell enough and keep `make bench` short
                out["pages"][f"{page}|{fname}"] = times
                for name, values in per_query.items():
                    out["queries"][f"{name}|{fname}"] = values
    # VmHWM, not ru_maxrss: ru_maxrss survives exec, so it would report the parent's peak.
    out["rss_mb"] = next(int(line.split()[1]) / 1024 for line in open("/proc/self/status")
                         if line.startswith("VmHWM"))
    print(json.dumps(out))


def bench_queries(rows: list, details: list) -> None:
    for n in SIZES:
        synth_db(n)  # built here, so the child's peak RSS is the queries' alone
        child = subprocess.run([sys.executable, __file__, "--queries", str(n)], capture_output=True, text=True,
                               cwd=ROOT)
        if child.returncode:
            rows.append((f"queries at {n:,} events", "failed: " + child.stderr.strip()[-200:], "", ""))
            continue
        out = json.loads(child.stdout.strip().splitlines()[-1])
        for page in PAGES:
            cells, ok = [], True
            for fname in FILTER_NAMES:
                times = out["pages"][f"{page}|{fname}"]
                med, p95 = statistics.median(times), pct(times, 0.95)
                ok = ok and med < TARGETS["median_ms"] and p95 < TARGETS["p95_ms"]
                cells.append(f"{fname}: {med:,.0f} / {p95:,.0f}")
            target = "< 150 / < 400 ms" if n >= 10_000_000 else ""
            rows.append((f"{page} page queries, {n:,} events (median / p95 ms)", "; ".join(cells), target,
                         mark(ok) if target else ""))
        rows.append((f"query process peak RSS, {n:,} events", f"{out['rss_mb']:,.0f} MB", "", ""))
        slow = sorted(((statistics.median(v), k) for k, v in out["queries"].items()), reverse=True)[:8]
        details.append((n, slow))


def main() -> int:
    CACHE.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str, str]] = []
    details: list = []
    described = machine()
    print(described, file=sys.stderr)
    steps = [("extraction", lambda: bench_extraction(rows)), ("import", lambda: bench_import(rows)),
             ("queries", lambda: bench_queries(rows, details))]
    if SIZES:
        from benchmarks.browser import bench_render

        steps.append(("render", lambda: bench_render(rows, synth_db(max(SIZES)), max(SIZES), TARGETS, mark)))
    for name, step in steps:
        if os.environ.get("BENCH_ONLY") and name not in os.environ["BENCH_ONLY"].split(","):
            continue
        clock = time.perf_counter()
        print(f"bench: {name}...", file=sys.stderr, flush=True)
        step()
        print(f"bench: {name} done in {time.perf_counter() - clock:.0f} s", file=sys.stderr, flush=True)
    table = ["| measure | result | target | |", "| --- | --- | --- | --- |"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    slowest = []
    for n, slow in details:
        slowest.append(f"\nSlowest queries at {n:,} events (median ms, query|filter): "
                       + ", ".join(f"{k} {v:,.0f}" for v, k in slow))
    text = "\n".join(table) + "\n" + "\n".join(slowest) + "\n"
    print(text)
    RESULTS.write_text("# Entente benchmarks\n\nGenerated by `make bench` (benchmarks/run.py).\n\nMachine: "
                       + described + "\n\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--queries"]:
        query_child(int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
