"""`python -m etl import gdelt|acled PATH...`: outside event datasets loaded beside extracted events.

Imported rows go to `events` with origin 'gdelt' or 'acled' (ETL runs rebuild only 'extracted'
events) and their source fields to `imported_events`. One transaction per file; importing the
same file again changes nothing.
"""
from __future__ import annotations

from etl.importers import acled, gdelt
from etl.importers.common import ImportResult, run

SOURCES = {"gdelt": gdelt, "acled": acled}


def import_inputs(source: str, inputs: list[str], db_path: str | None = None, quiet: bool = False) -> ImportResult:
    module = SOURCES[source]
    return run(module.ORIGIN, module.prepare, module.import_file, inputs, db_path=db_path, quiet=quiet)
