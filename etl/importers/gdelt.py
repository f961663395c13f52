"""GDELT event files (2.0 `*.export.CSV`, 1.0 daily and historical) to Entente events, set-based in DuckDB.

Columns follow the GDELT Event codebooks: 61 for 2.0; 58 for 1.0 daily files since April 2013,
57 for the 1.0 historical backfile (no SOURCEURL). Files are tab-separated, unquoted, and have no
header line, though a header naming GLOBALEVENTID first is accepted. CAMEO codes map to Entente
types through cameo_map.csv; CAMEO country codes map to ISO 3166-1 alpha-3 through the `countries`
table plus the exceptions in country_codes.csv. Rows that do not map are not imported.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from etl.importers.common import FileCounts, check_subtype, count_lines, data_rows
from etl.model import InputError

ORIGIN = "gdelt"
V2_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
# GDELT 1.0 lacks the three ADM2 columns that 2.0 added.
V1_COLUMNS = tuple(c for c in V2_COLUMNS if not c.endswith("_ADM2Code"))
# Only the columns the import uses get a type; the rest stay text, so odd values there never fail a file.
TYPES = {"GLOBALEVENTID": "BIGINT", "SQLDATE": "DATE", "GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER",
         "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE"}
# width -> (column names, pad short rows): 57-column files get a NULL SOURCEURL.
LAYOUTS = {61: (V2_COLUMNS, False), 58: (V1_COLUMNS, False), 57: (V1_COLUMNS, True)}

# Confidence grows with the number of sources GDELT saw in its first 15 minutes: 0.4 for one
# source, +0.1 each, at most 0.8. Machine coding from one article is often wrong; ranking only.
# The staging query is built from the three parts below: the columns, the file, the mapping.
_COLUMNS = """
CREATE OR REPLACE TEMP TABLE gdelt_batch AS
SELECT r.GLOBALEVENTID AS gid, 'gdelt:' || r.GLOBALEVENTID AS event_id, r.GLOBALEVENTID::VARCHAR AS source_id,
       m.event_type, m.subtype,
       CASE WHEN m.swap THEN c2.iso3 ELSE c1.iso3 END AS actor1,
       CASE WHEN m.swap THEN c1.iso3 ELSE c2.iso3 END AS actor2,
       r.SQLDATE AS date, r.EventCode AS cameo_code, r.GoldsteinScale AS goldstein,
       r.NumMentions AS num_mentions, r.NumSources AS num_sources, r.NumArticles AS num_articles,
       r.AvgTone AS avg_tone, r.SOURCEURL AS source_url,
       round(least(0.8, 0.3 + 0.1 * greatest(coalesce(r.NumSources, 1), 1)), 2) AS confidence
"""
_READ = """read_csv(?, delim = '\t', quote = '', escape = '', header = ?, columns = ?, null_padding = ?,
                  dateformat = '%Y%m%d', auto_detect = false)"""
_MAPPED = """
JOIN gdelt_cameo_map m ON starts_with(r.EventCode, m.cameo_prefix)
JOIN gdelt_country c1 ON c1.code = r.Actor1CountryCode
JOIN gdelt_country c2 ON c2.code = r.Actor2CountryCode
WHERE r.Actor1CountryCode <> r.Actor2CountryCode AND c1.iso3 <> c2.iso3  -- the first is cheap, the second exact
"""
# The scan runs in parallel, so the batch is in no particular order.
STAGE = _COLUMNS + "FROM " + _READ + " r" + _MAPPED
# A file that repeats a GLOBALEVENTID is read again with line numbers, keeping the first mapped copy
# of each id. row_number() OVER () makes DuckDB scan the file in order on one thread: slower, and
# only for such files (GDELT ids are unique; a repeat is a damaged or concatenated file).
STAGE_FIRST_COPIES = (_COLUMNS + "FROM (SELECT *, row_number() OVER () AS line FROM " + _READ + ") r" + _MAPPED
                      + "QUALIFY row_number() OVER (PARTITION BY r.GLOBALEVENTID ORDER BY r.line) = 1\n")
# Rows mapped, and distinct ids among them: they differ only when the file repeats an id.
COUNT_BATCH = "SELECT count(*), count(DISTINCT gid) FROM gdelt_batch"
# Ids already in the database (an earlier import, kept with any review) are left as they are. The
# batch holds each id once, so an anti-join and a plain INSERT do what INSERT OR IGNORE did, in
# half the time: a hash join instead of a primary-key lookup per row.
INSERT_EVENTS = """
INSERT INTO events (event_id, event_type, subtype, actor1, actor2, pair, date, date_precision,
                    count, n_mentions, n_sources, confidence, status, origin)
SELECT event_id, event_type, subtype, actor1, actor2, least(actor1, actor2) || '-' || greatest(actor1, actor2),
       date, 'day', NULL, greatest(coalesce(num_mentions, 1), 1), greatest(coalesce(num_sources, 1), 1),
       confidence, 'auto', 'gdelt'
FROM gdelt_batch b
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = b.event_id)
"""
# Checked against imported_events itself, as OR IGNORE did, not against the events just inserted.
INSERT_DETAILS = """
INSERT INTO imported_events (event_id, origin, source_id, source_file, cameo_code, goldstein,
                             num_mentions, num_sources, num_articles, avg_tone, source_url, imported_at)
SELECT event_id, 'gdelt', source_id, ?, cameo_code, goldstein, num_mentions, num_sources, num_articles,
       avg_tone, source_url, current_localtimestamp()
FROM gdelt_batch b
WHERE NOT EXISTS (SELECT 1 FROM imported_events i WHERE i.event_id = b.event_id)
"""


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """The two mapping tables, as DuckDB tables the file scan joins against."""
    rows = data_rows("cameo_map.csv")
    cameo = [r for r in rows if r["event_type"]]  # rows without a type only document a decision
    prefixes = [r["cameo_prefix"] for r in rows]
    for row in cameo:
        check_subtype("cameo_map.csv", row["event_type"], row["subtype"])
        if row["actor1_from"] not in ("Actor1", "Actor2"):
            raise ValueError(f"cameo_map.csv: actor1_from must be Actor1 or Actor2, not '{row['actor1_from']}'")
    for a in prefixes:  # one match per code, so the join needs no longest-prefix rule
        overlapping = [b for b in prefixes if b != a and b.startswith(a)]
        if overlapping or prefixes.count(a) > 1:
            raise ValueError(f"cameo_map.csv: prefix {a} overlaps {overlapping or [a]}")
    con.execute("CREATE OR REPLACE TEMP TABLE gdelt_cameo_map AS SELECT unnest(?) AS cameo_prefix, "
                "unnest(?) AS event_type, unnest(?) AS subtype, unnest(?) AS swap",
                [[r[k] for r in cameo] for k in ("cameo_prefix", "event_type", "subtype")]
                + [[r["actor1_from"] == "Actor2" for r in cameo]])
    # A CAMEO country code is its ISO code, except the ones listed (a region maps to nothing).
    exceptions = data_rows("country_codes.csv")
    mapped = [r for r in exceptions if r["iso3"]]
    con.execute("CREATE OR REPLACE TEMP TABLE gdelt_country AS "
                "SELECT iso3 AS code, iso3 FROM countries WHERE iso3 NOT IN (SELECT unnest(?)) "
                "UNION ALL SELECT unnest(?), unnest(?)",
                [[r["cameo_code"] for r in exceptions], [r["cameo_code"] for r in mapped], [r["iso3"] for r in mapped]])


def sniff(path: Path, source: str) -> tuple[bool, tuple[str, ...], bool]:
    """(header line?, column names, pad short rows?) from the first lines; InputError if not GDELT."""
    with open(path, "rb") as handle:
        first = handle.readline(1 << 16)
        header = first.split(b"\t", 1)[0].strip().upper() == b"GLOBALEVENTID"
        data = handle.readline(1 << 16) if header else first
    width = len(first.rstrip(b"\r\n").split(b"\t"))
    if width not in LAYOUTS:
        raise InputError(source, f"not a GDELT event file: {width} tab-separated columns on line 1, "
                                 f"expected 61 (GDELT 2.0), 58 or 57 (GDELT 1.0)")
    fields = data.rstrip(b"\r\n").split(b"\t")
    if data and not (fields[0].isdigit() and len(fields) > 1 and len(fields[1]) == 8 and fields[1].isdigit()):
        line = 2 if header else 1
        raise InputError(source, f"not a GDELT event file: line {line} does not start with "
                                 f"a numeric GLOBALEVENTID and a YYYYMMDD SQLDATE")
    return (header, *LAYOUTS[width])


def import_file(con: duckdb.DuckDBPyConnection, path: Path, source: str) -> FileCounts:
    header, names, pad = sniff(path, source)
    columns = {name: TYPES.get(name, "VARCHAR") for name in names}
    with ThreadPoolExecutor(max_workers=1) as pool:  # counts lines while DuckDB scans the same file
        lines = pool.submit(count_lines, path)
        con.execute(STAGE, [str(path), header, columns, pad])
        read = lines.result() - header
    matched, distinct = con.execute(COUNT_BATCH).fetchone()
    if distinct < matched:  # the file repeats an id: stage again, the first mapped copy of each
        con.execute(STAGE_FIRST_COPIES, [str(path), header, columns, pad])
    new = con.execute(INSERT_EVENTS).fetchone()[0]
    con.execute(INSERT_DETAILS, [source])
    con.execute("DROP TABLE gdelt_batch")
    return FileCounts(read=read, matched=matched, new=new)
