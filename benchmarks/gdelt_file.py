"""A GDELT 2.0 event export (61 tab-separated columns, no header) of N rows, written by DuckDB.

Rows are shaped like the real feed: about a third carry a CAMEO code Entente maps, about a fifth
lack a country on one side, and the rest are unmapped codes the importer must skip.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

# Columns in codebook order; NULL columns come out empty, as in the real files.
WRITE = """
COPY (
  WITH r AS (
    SELECT range AS i, (hash(range) % 1000000007)::BIGINT AS h,
           DATE '2015-02-18' + (hash(range, 'd') % 3900)::INTEGER AS d,
           ['USA','RUS','CHN','UKR','PRK','KOR','JPN','IND','FRA','DEU','GBR','TUR','IRN','ISR','SAU',
            'PAK','POL','BLR','SYR','EGY','BRA','ITA','CAN','AUS','QAT','VNM','PHL','NGA','MEX','ZAF']
               AS codes,
           ['040','041','042','043','044','045','046','057','074','010','020','051','190','173','111',
            '0312','036','062','1641','193','112','013','084','180'] AS events
    FROM range($n)
  ), x AS (
    SELECT *, CASE WHEN h % 5 = 0 THEN NULL ELSE codes[1 + (h // 7) % 30] END AS c1,
           codes[1 + (h // 211) % 30] AS c2, events[1 + (h // 13) % 24] AS ev FROM r
  )
  SELECT 1000000000 + i, strftime(d, '%Y%m%d'), strftime(d, '%Y%m'), year(d),
         round(year(d) + dayofyear(d) / 365.0, 4),
         c1, c1 || ' GOVERNMENT', c1, NULL, NULL, NULL, NULL, 'GOV', NULL, NULL,
         c2, c2 || ' GOVERNMENT', c2, NULL, NULL, NULL, NULL, 'GOV', NULL, NULL,
         (h % 2)::INTEGER, ev, left(ev, 3), left(ev, 2), 1 + (h % 4)::INTEGER,
         round(((h % 200)::INTEGER - 100) / 10.0, 1), 1 + (h % 10)::INTEGER, 1 + (h % 3)::INTEGER,
         1 + (h % 10)::INTEGER, round(((h // 3) % 2000)::INTEGER / 100.0 - 10, 4),
         1, c1, left(c1, 2), left(c1, 2), NULL, 0.0, 0.0, '-1',
         1, c2, left(c2, 2), left(c2, 2), NULL, 0.0, 0.0, '-1',
         4, 'Capital, ' || c2, left(c2, 2), left(c2, 2) || '01', '12345', 10.5, 20.25, '-1234567',
         strftime(d, '%Y%m%d') || '120000', 'https://news.example.org/' || i || '.html'
    FROM x
) TO $path (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')
"""


def write_gdelt(path: Path, n: int) -> Path:
    """Writes path once; reruns reuse it."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with duckdb.connect() as con:
        con.execute(WRITE, {"n": n, "path": str(partial)})
    partial.rename(path)
    return path
