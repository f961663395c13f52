"""The only place the dashboard talks to DuckDB. Every value is bound as a parameter."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from etl.load.db import db_path


def connect(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path(str(path) if path else None)), read_only=True)


def database_exists(path: str | Path | None = None) -> bool:
    return db_path(str(path) if path else None).exists()


EVENTS_SQL = """
    SELECT CASE e.date_precision
               WHEN 'day' THEN strftime(e.date, '%Y-%m-%d')
               WHEN 'month' THEN strftime(e.date, '%Y-%m')
               WHEN 'year' THEN strftime(e.date, '%Y')
           END AS date,
           e.event_type, e.subtype,
           e.actor1, c1.name AS country1, e.actor2, c2.name AS country2,
           e.count, e.n_mentions, e.n_sources, e.confidence, e.status, e.event_id
    FROM events e
    LEFT JOIN countries c1 ON c1.iso3 = e.actor1
    LEFT JOIN countries c2 ON c2.iso3 = e.actor2
    ORDER BY e.date DESC NULLS LAST, e.event_type, e.pair
    LIMIT ?
"""


def events_table(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    return con.execute(EVENTS_SQL, [limit]).df()
