"""`python -m etl synth --events N`: a synthetic database at GDELT scale, for benchmarks and load tests.

Random draws are numpy arrays (one per column, never a Python loop over events); DuckDB turns them
into rows of the real schema with set-based SQL. Activity is heavy-tailed: pairs get Zipf weights,
and a share of events falls in bursts (one pair, one month, many times its usual rate).
A `synth_info` row marks the file as synthetic: only such a file is ever overwritten, so synthetic
data never mixes with real data.
"""
from __future__ import annotations

import os
import sys
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from etl.load import db, store
from etl.load.summaries import rebuild_summaries

START, END = date(2015, 1, 1), date(2025, 12, 31)
N_COUNTRIES, N_PAIRS, N_BURSTS = 200, 3000, 400
BURST_SHARE = 0.08       # share of events that fall in bursts
GDELT_SHARE = 0.2        # of meetings and troop events: imported rather than extracted
EVENTS_PER_ARTICLE = 4
# The most active countries first, as in world news; the rest follow in random order.
MAJOR = ("USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "IND", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR",
         "SAU", "PAK", "POL", "BLR", "SYR", "EGY", "BRA", "ITA", "CAN", "AUS", "QAT", "ARE", "VNM", "PHL")
# (event_type, subtype, probability): meetings dominate, as in news.
COMBOS = (("meeting", "talks", .27), ("meeting", "visit", .16), ("meeting", "summit", .08),
          ("meeting", "call", .10), ("meeting", "delegation", .04),
          ("treaty", "negotiated", .02), ("treaty", "signed", .03), ("treaty", "ratified", .015),
          ("treaty", "in_force", .01), ("treaty", "suspended", .005),
          ("troops", "deployment", .12), ("troops", "combat", .07), ("troops", "casualties", .03),
          ("troops", "withdrawal", .03))
PRECISIONS = (("day", .74), ("month", .17), ("year", .08), ("unknown", .01))
STATUSES = (("auto", .97), ("confirmed", .02), ("rejected", .01))

SYNTH_INFO = """CREATE TABLE synth_info (events BIGINT NOT NULL, seed BIGINT NOT NULL, start_date DATE,
    end_date DATE, created TIMESTAMP NOT NULL)"""

# One row per event, from the numpy arrays (gen) and the small lookup tables (pairs, combos, names).
BASE = """
-- Ids count up in insertion order: the primary-key index takes sequential keys several times faster.
WITH s AS (
    SELECT g.i, g.n_mentions, g.conf, g.origin_gdelt, g.art,
           CASE WHEN g.origin_gdelt THEN 'gdelt:' || (100000000 + g.i)::VARCHAR
                ELSE lpad(to_hex(g.i), 16, '0') END AS event_id,
           c.event_type, c.subtype,
           CASE WHEN g.swap THEN p.b ELSE p.a END AS actor1, CASE WHEN g.swap THEN p.a ELSE p.b END AS actor2,
           p.a || '-' || p.b AS pair,
           CASE WHEN g.swap THEN p.name_b ELSE p.name_a END AS name1,
           CASE WHEN g.swap THEN p.name_a ELSE p.name_b END AS name2,
           CAST($start AS DATE) + g.day AS day_date,
           CASE r.precision WHEN 'day' THEN CAST($start AS DATE) + g.day
                WHEN 'month' THEN date_trunc('month', CAST($start AS DATE) + g.day)::DATE
                WHEN 'year' THEN date_trunc('year', CAST($start AS DATE) + g.day)::DATE END AS date,
           r.precision AS date_precision, g.troop_count AS count, st.status
    FROM synth_gen g
    JOIN synth_pairs p ON p.idx = g.pair
    JOIN synth_combos c ON c.idx = g.combo
    JOIN synth_precisions r ON r.idx = g.prec
    JOIN synth_statuses st ON st.idx = g.status
)
"""
INSERT_EVENTS = BASE + """
INSERT INTO events (event_id, event_type, subtype, actor1, actor2, pair, date, date_precision, count,
                    n_mentions, n_sources, confidence, status, origin)
SELECT event_id, event_type, subtype, actor1, actor2, pair, date, date_precision, count,
       n_mentions, n_mentions, conf, status, CASE WHEN origin_gdelt THEN 'gdelt' ELSE 'extracted' END
FROM s
"""
# A sentence as an article would put it; its mentions sit in nearby-dated articles (events are sorted by day).
INSERT_MENTIONS = BASE + """
, m AS (
    SELECT s.*, j, (s.art + j) % $n_articles AS article,
           CASE s.event_type
               WHEN 'meeting' THEN s.name1 || ' and ' || s.name2 || ' held ' || s.subtype || ' on '
                                   || s.day_date::VARCHAR || ', officials said.'
               WHEN 'treaty' THEN s.name1 || ' and ' || s.name2 || ' ' || replace(s.subtype, '_', ' ')
                                  || ' a cooperation agreement in ' || year(s.day_date)::VARCHAR || '.'
               ELSE s.name1 || ' reported ' || coalesce(s.count::VARCHAR || ' ', '') || 'troops in '
                    || s.subtype || ' involving ' || s.name2 || '.' END AS sentence
    FROM s, unnest(range(s.n_mentions)) AS t(j)
    WHERE NOT s.origin_gdelt
)
INSERT INTO mentions (mention_id, article_id, event_id, event_type, subtype, actor1, actor2, pair, date,
                      date_precision, count, reported_by, location, sentence, sentence_index, confidence)
SELECT lpad(to_hex(i * 4 + j), 16, '0'), lpad(to_hex(article), 16, '0'),
       event_id, event_type, subtype, actor1, actor2, pair, date, date_precision, count,
       CASE WHEN event_type = 'troops' AND i % 3 = 0 THEN [actor2] ELSE [] END, NULL, sentence,
       (i % $per_article)::INTEGER, conf
FROM m
"""
INSERT_ARTICLES = """
INSERT INTO articles (article_id, title, url, publisher, published, language, text, source, ingested_at)
SELECT article_id, any_value(sentence) AS title, 'https://example.org/synth/' || article_id,
       'Synthetic Wire ' || (hash(article_id) % 20)::VARCHAR, (max(date) + INTERVAL 1 DAY)::TIMESTAMP, 'en',
       string_agg(sentence, ' '), 'synth://' || article_id, $now
FROM mentions GROUP BY article_id ORDER BY article_id
"""
INSERT_SOURCES = "INSERT INTO article_sources SELECT article_id, source FROM articles"
# One treaty record per pair and three-year period; each treaty event is one step of it.
INSERT_STEPS = """
INSERT INTO treaty_steps
SELECT pair || ':' || ((year(coalesce(date, DATE '2015-01-01')) - 2015) // 3)::VARCHAR, event_id, subtype,
       CASE WHEN subtype IN ('ratified', 'suspended') THEN actor1 END, date, date_precision
FROM events WHERE event_type = 'treaty'
"""
INSERT_TREATIES = """
INSERT INTO treaties
SELECT s.treaty_id, any_value(e.pair), 'Cooperation agreement',
       [split_part(any_value(e.pair), '-', 1), split_part(any_value(e.pair), '-', 2)], min(s.date),
       min(s.date) FILTER (WHERE s.step = 'signed'), min(s.date) FILTER (WHERE s.step = 'in_force'),
       arg_max(s.step, list_position(['negotiated', 'signed', 'ratified', 'in_force', 'suspended'], s.step)),
       NULL, NULL, count(*)
FROM treaty_steps s JOIN events e USING (event_id) GROUP BY s.treaty_id
"""
INSERT_RUN = """INSERT INTO etl_runs VALUES (?, ?, ?, ['synth'], 0, ?, ?, ?, ?, ?, 0, [], 'ok')"""
COUNT = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)"


class SynthError(RuntimeError):
    pass


def default_path(events: int) -> Path:
    return Path(f"data/synth-{events}.duckdb")


def check_target(path: Path) -> None:
    """Refuse the real database, and any existing file this command did not make."""
    if path.resolve() == Path(db.DEFAULT_DB).resolve():
        raise SynthError(f"{path}: refusing to write synthetic data into the real database")
    if not path.exists():
        return
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    except duckdb.Error as exc:
        raise SynthError(f"{path}: exists and is not a DuckDB database this command made ({exc})") from None
    if "synth_info" not in tables:
        raise SynthError(f"{path}: exists and holds non-synthetic data; refusing to overwrite it")


def _pick(rng: np.random.Generator, options, size: int) -> np.ndarray:
    p = np.array([o[-1] for o in options], dtype=float)
    return rng.choice(len(options), size=size, p=p / p.sum()).astype(np.int8)


def _pairs(rng: np.random.Generator, iso3: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """N_PAIRS pairs among N_COUNTRIES countries, ranked so that busy countries make busy pairs."""
    major = [iso3.index(c) for c in MAJOR if c in iso3]
    rest = [k for k in rng.permutation(len(iso3)) if k not in major]
    chosen = np.array(major + rest)[:min(N_COUNTRIES, len(iso3))]
    weight = 1.0 / np.arange(1, len(chosen) + 1) ** 0.8
    a, b = np.triu_indices(len(chosen), k=1)
    score = weight[a] * weight[b] * rng.lognormal(0, 1.0, len(a))
    top = np.argsort(-score)[:N_PAIRS]
    ca, cb = chosen[a[top]], chosen[b[top]]
    return np.minimum(ca, cb), np.maximum(ca, cb)  # iso3 is sorted, so index order is code order


def generate(events: int, seed: int) -> pa.Table:
    """The random columns, one numpy array each, sorted by day."""
    rng = np.random.default_rng(seed)
    days = (END - START).days + 1
    n_pairs = N_PAIRS
    pair_p = 1.0 / np.arange(1, n_pairs + 1)  # Zipf over pairs by rank; rank 0 is _pairs' busiest
    pair_p /= pair_p.sum()
    pair = rng.choice(n_pairs, size=events, p=pair_p).astype(np.int32)
    day = (days * rng.random(events) ** 0.8).astype(np.int32)  # more news in recent years
    burst = rng.random(events) < BURST_SHARE
    n_burst = int(burst.sum())
    burst_p = 1.0 / np.arange(1, n_pairs + 1) ** 0.5  # bursts strike mid-ranked pairs too
    cell_pair = rng.choice(n_pairs, size=N_BURSTS, p=burst_p / burst_p.sum()).astype(np.int32)
    cell_day = rng.integers(0, days - 31, size=N_BURSTS)
    cell_w = rng.lognormal(0, 0.7, N_BURSTS)
    cell = rng.choice(N_BURSTS, size=n_burst, p=cell_w / cell_w.sum())
    pair[burst] = cell_pair[cell]
    day[burst] = cell_day[cell] + rng.integers(0, 30, size=n_burst)
    order = np.argsort(day, kind="stable")
    pair, day = pair[order], day[order]
    combo = _pick(rng, COMBOS, events)
    is_troops = np.array([c[0] == "troops" for c in COMBOS])[combo]
    is_treaty = np.array([c[0] == "treaty" for c in COMBOS])[combo]
    gdelt = (rng.random(events) < GDELT_SHARE) & ~is_treaty
    prec = np.where(gdelt, 0, _pick(rng, PRECISIONS, events)).astype(np.int8)  # GDELT dates are days
    counted = is_troops & ~gdelt & (rng.random(events) < 0.6)
    troops = np.round(rng.lognormal(7.0, 1.5, events), -2).clip(10, 500_000).astype(np.int64)
    r = rng.random(events)
    n_mentions = (1 + (r > 0.7) + (r > 0.9)).astype(np.int32)
    conf = np.where(gdelt, np.round(0.4 + 0.1 * rng.integers(0, 5, events), 2),
                    np.round(0.55 + 0.4 * rng.beta(4, 2, events), 3))
    i = np.arange(events, dtype=np.int64)
    return pa.table({
        "i": i, "pair": pair, "day": day, "combo": combo, "prec": prec, "swap": rng.random(events) < 0.5,
        "origin_gdelt": gdelt, "troop_count": pa.array(troops, mask=~counted),
        "n_mentions": n_mentions, "conf": conf, "status": _pick(rng, STATUSES, events),
        "art": i // EVENTS_PER_ARTICLE,
    })


def _lookups(con: duckdb.DuckDBPyConnection, rng: np.random.Generator) -> None:
    iso3, names = zip(*con.execute("SELECT iso3, name FROM countries ORDER BY iso3").fetchall())
    a, b = _pairs(rng, list(iso3))
    con.register("synth_pairs", pa.table({
        "idx": np.arange(len(a), dtype=np.int32), "a": [iso3[k] for k in a], "b": [iso3[k] for k in b],
        "name_a": [names[k] for k in a], "name_b": [names[k] for k in b]}))
    con.register("synth_combos", pa.table({"idx": np.arange(len(COMBOS), dtype=np.int8),
                                           "event_type": [c[0] for c in COMBOS], "subtype": [c[1] for c in COMBOS]}))
    con.register("synth_precisions", pa.table({"idx": np.arange(len(PRECISIONS), dtype=np.int8),
                                               "precision": [p[0] for p in PRECISIONS]}))
    con.register("synth_statuses", pa.table({"idx": np.arange(len(STATUSES), dtype=np.int8),
                                             "status": [s[0] for s in STATUSES]}))


def synthesize(events: int, path: str | Path | None = None, seed: int = 1, quiet: bool = False) -> Path:
    """Writes a fresh synthetic database at path (built beside it, then moved into place)."""
    if events < 1:
        raise SynthError("--events must be at least 1")
    target = Path(path) if path else default_path(events)
    check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(target.name + ".building")
    for leftover in (building, Path(str(building) + ".wal")):
        leftover.unlink(missing_ok=True)
    clock = time.perf_counter()

    def say(message: str) -> None:
        if not quiet:
            print(f"[{time.perf_counter() - clock:6.1f} s] {message}", file=sys.stderr, flush=True)

    started = datetime.now()
    con = db.connect(building)
    try:
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET enable_progress_bar = false")
        store.ensure_countries(con)
        con.execute(SYNTH_INFO)
        rng = np.random.default_rng(seed + 1)
        _lookups(con, rng)
        say(f"drawing {events:,} events")
        con.register("synth_gen", generate(events, seed))
        n_articles = (events + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE
        values = {"start": START}
        say("writing events")
        con.execute(INSERT_EVENTS, values)
        say("writing mentions")
        con.execute(INSERT_MENTIONS, {**values, "n_articles": n_articles, "per_article": EVENTS_PER_ARTICLE})
        say("writing articles")
        con.execute(INSERT_ARTICLES, {"now": started})
        con.execute(INSERT_SOURCES)
        say("writing treaties")
        con.execute(INSERT_STEPS)
        con.execute(INSERT_TREATIES)
        n_art, n_men, n_ev = con.execute(COUNT).fetchone()
        con.execute(INSERT_RUN, [f"synth-{seed}-{events}", started, datetime.now(), n_art, n_art, n_men, n_men, n_ev])
        con.execute("INSERT INTO synth_info VALUES (?, ?, ?, ?, ?)", [events, seed, START, END, started])
        say("writing summaries")
        rebuild_summaries(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    check_target(target)  # still ours (or absent) after the build: then replace it
    Path(str(target) + ".wal").unlink(missing_ok=True)
    os.replace(building, target)
    say(f"wrote {target}: {n_ev:,} events, {n_men:,} mentions, {n_art:,} articles "
        f"({target.stat().st_size / 1e6:,.0f} MB)")
    return target


def main(events: int, path: str | None, seed: int, quiet: bool) -> int:
    try:
        synthesize(events, path, seed, quiet)
    except SynthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
