"""ACLED CSV exports to Entente `troops` events: a country's armed forces active in another country.

ACLED names state forces "Military Forces of <country> (<years>-)" and types them State forces
(inter code 1) or, outside their own country, External/Other forces (8); newer exports write
the type as text. A row is imported when one of its two actors is such a force, the event took
place in a different country, and acled_map.csv maps its event type (Battles, Explosions/Remote
violence, Violence against civilians: combat; a base established: deployment). actor1 is the
forces' country, actor2 the country where it happened. Both actors can qualify (two foreign
forces fighting each other), giving two events; the second id ends in ':actor2'.
"""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pycountry

from etl.gazetteer import country_names
from etl.importers.common import FileCounts, check_subtype, data_rows
from etl.model import InputError

ORIGIN = "acled"
REQUIRED = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
            "inter1", "actor2", "inter2", "iso", "country", "admin1", "location", "source", "notes",
            "fatalities")
FORCES = r"^Military Forces of (?:the )?(.+?) \(\d{4}-\d{0,4}\)"
FORCE_TYPES = ["1", "8", "state forces", "external/other forces"]
DATE_FORMATS = ["%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y"]

# One key for a country name wherever it comes from: case, accents, '&' and curly quotes do not count.
NAME_KEY = """CREATE OR REPLACE TEMP MACRO acled_name_key(x) AS
              lower(strip_accents(replace(replace(trim(x), '’', ''''), '&', 'and')))"""
# Only the columns the import uses (REQUIRED) are kept: a full export is over a gigabyte. The scan
# runs in parallel, so the rows keep no order, and `line` is NULL...
_REQUIRED_FROM = """event_id_cnty, event_date, time_precision, event_type, sub_event_type, actor1, inter1, actor2,
       inter2, iso, country, admin1, location, source, notes, fatalities
FROM read_csv(?, header = true, columns = ?, delim = ',', quote = '"', escape = '"', auto_detect = false)
"""
LOAD = "CREATE OR REPLACE TEMP TABLE acled_rows AS SELECT NULL::BIGINT AS line, " + _REQUIRED_FROM
# ... unless the file repeats an event id: then it is read again with line numbers, and only the first
# copy of each id is kept. row_number() OVER () makes DuckDB read in order on one thread, so only then.
LOAD_IN_ORDER = "CREATE OR REPLACE TEMP TABLE acled_rows AS SELECT row_number() OVER () AS line, " + _REQUIRED_FROM
# ACLED dates are days; time_precision 2 (a week) or 3 (a month) is kept as the month.
STAGE = """
CREATE OR REPLACE TEMP TABLE acled_batch AS
WITH placed AS (
    SELECT r.*, coalesce(n.iso3, c.iso3) AS place,
           try_strptime(trim(r.event_date), ?)::DATE AS day, try_cast(r.time_precision AS DOUBLE) IN (2, 3) AS coarse
    FROM acled_rows r
    LEFT JOIN acled_numeric n ON n.numeric = try_cast(r.iso AS DOUBLE)
    LEFT JOIN acled_names c ON c.name_key = acled_name_key(r.country)
), sides AS (
    SELECT *, '' AS suffix, actor1 AS force, inter1 AS force_type FROM placed
    UNION ALL
    SELECT *, ':actor2', actor2, inter2 FROM placed
)
SELECT 'acled:' || s.event_id_cnty || s.suffix AS event_id, s.event_id_cnty AS source_id, m.subtype,
       f.iso3 AS actor1, s.place AS actor2,
       CASE WHEN s.coarse THEN date_trunc('month', s.day)::DATE ELSE s.day END AS date,
       CASE WHEN s.day IS NULL THEN 'unknown' WHEN s.coarse THEN 'month' ELSE 'day' END AS date_precision,
       s.event_type || ' / ' || s.sub_event_type AS source_type, s.actor1 AS source_actor1,
       s.actor2 AS source_actor2, concat_ws(', ', s.location, s.admin1, s.country) AS location,
       s.notes, try_cast(s.fatalities AS DOUBLE)::INTEGER AS fatalities, s.source AS sources, s.line
FROM sides s
JOIN acled_map m ON m.event_type = s.event_type AND (m.sub_event_type = '' OR m.sub_event_type = s.sub_event_type)
JOIN acled_names f ON f.name_key = acled_name_key(regexp_extract(s.force, ?, 1))
WHERE list_contains(?, coalesce(try_cast(s.force_type AS DOUBLE)::INTEGER::VARCHAR, lower(trim(s.force_type))))
  AND s.place IS NOT NULL AND f.iso3 <> s.place
"""
# Events mapped, and distinct ids among them: they differ only when the file repeats an event id.
COUNT_BATCH = "SELECT count(*), count(DISTINCT event_id) FROM acled_batch"
FIRST_COPIES = """
DELETE FROM acled_batch WHERE rowid IN (
    SELECT rowid FROM acled_batch QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY line) > 1)
"""
# Confidence 0.9: ACLED researchers code each event by hand from the sources they cite. Ids already
# in the database (an earlier import, kept with any review) are left as they are; with each id once
# in the batch, an anti-join and a plain INSERT do that in half the time INSERT OR IGNORE took.
INSERT_EVENTS = """
INSERT INTO events (event_id, event_type, subtype, actor1, actor2, pair, date, date_precision,
                    count, n_mentions, n_sources, confidence, status, origin)
SELECT event_id, 'troops', subtype, actor1, actor2, least(actor1, actor2) || '-' || greatest(actor1, actor2),
       date, date_precision, NULL, 1, 1, 0.9, 'auto', 'acled'
FROM acled_batch b
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = b.event_id)
"""
INSERT_DETAILS = """
INSERT INTO imported_events (event_id, origin, source_id, source_file, source_type, source_actor1,
                             source_actor2, location, notes, fatalities, sources, imported_at)
SELECT event_id, 'acled', source_id, ?, source_type, source_actor1, source_actor2, location, notes,
       fatalities, sources, current_localtimestamp()
FROM acled_batch b
WHERE NOT EXISTS (SELECT 1 FROM imported_events i WHERE i.event_id = b.event_id)
"""


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Event-type map, and country names and ISO numeric codes to alpha-3, as DuckDB tables."""
    mapping = data_rows("acled_map.csv")
    for row in mapping:
        check_subtype("acled_map.csv", "troops", row["subtype"])
    kinds = [(r["event_type"], r["sub_event_type"]) for r in mapping]
    for event_type, sub in kinds:
        if kinds.count((event_type, sub)) > 1 or (sub and (event_type, "") in kinds):
            raise ValueError(f"acled_map.csv: {event_type} / {sub or 'any'} is mapped twice")
    con.execute("CREATE OR REPLACE TEMP TABLE acled_map (event_type VARCHAR, sub_event_type VARCHAR, subtype VARCHAR)")
    con.executemany("INSERT INTO acled_map VALUES (?, ?, ?)",
                    [[r["event_type"], r["sub_event_type"], r["subtype"]] for r in mapping])
    countries = list(pycountry.countries)
    con.execute("CREATE OR REPLACE TEMP TABLE acled_numeric AS SELECT unnest(?) AS numeric, unnest(?) AS iso3",
                [[int(c.numeric) for c in countries], [c.alpha_3 for c in countries]])
    names = [(r["name"], r["iso3"]) for r in data_rows("country_names.csv")]  # listed first: they win
    for country in countries:
        names += [(getattr(country, a), country.alpha_3) for a in ("name", "common_name", "official_name")
                  if getattr(country, a, None)]
    names += [(by_language["en"], iso3) for iso3, by_language in country_names().items() if "en" in by_language]
    con.execute(NAME_KEY)
    # One country per name: the first listing of a name wins.
    con.execute("CREATE OR REPLACE TEMP TABLE acled_names AS "
                "SELECT acled_name_key(name) AS name_key, arg_min(iso3, position) AS iso3 "
                "FROM (SELECT unnest(?) AS position, unnest(?) AS name, unnest(?) AS iso3) GROUP BY 1",
                [list(range(len(names))), [n for n, _ in names], [i for _, i in names]])


def header(path: Path, source: str) -> list[str]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            names = next(csv.reader(handle), [])
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(source, f"not an ACLED CSV export ({exc})") from exc
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(source, f"not an ACLED export: missing columns {', '.join(missing)}")
    return names


def import_file(con: duckdb.DuckDBPyConnection, path: Path, source: str) -> FileCounts:
    columns = {name: "VARCHAR" for name in header(path, source)}
    con.execute(LOAD, [str(path), columns])
    read = con.execute("SELECT count(*) FROM acled_rows").fetchone()[0]
    con.execute(STAGE, [DATE_FORMATS, FORCES, FORCE_TYPES])
    matched, distinct = con.execute(COUNT_BATCH).fetchone()
    if distinct < matched:
        con.execute(LOAD_IN_ORDER, [str(path), columns])
        con.execute(STAGE, [DATE_FORMATS, FORCES, FORCE_TYPES])
        con.execute(FIRST_COPIES)
    new = con.execute(INSERT_EVENTS).fetchone()[0]
    con.execute(INSERT_DETAILS, [source])
    con.execute("DROP TABLE acled_rows")
    con.execute("DROP TABLE acled_batch")
    return FileCounts(read=read, matched=matched, new=new)
