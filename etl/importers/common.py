"""What the GDELT and ACLED importers share: inputs made local files, data tables, the per-file run."""
from __future__ import annotations

import csv
import mmap
import os
import shutil
import socket
import sys
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import duckdb
import numpy as np
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from etl.load import db, store
from etl.model import EVENT_TYPES, InputError

DATA = Path(__file__).parent
MAX_DOWNLOAD_BYTES = 2 * 1024**3  # $ENTENTE_IMPORT_MAX_BYTES overrides; a full ACLED export is about 1.3 GB
CHUNK = 1 << 20
# The subtypes CONTRACTS.md allows per type; the mapping tables are checked against them.
SUBTYPES = {"meeting": {"visit", "talks", "summit", "delegation", "call"},
            "treaty": {"negotiated", "signed", "ratified", "in_force", "suspended"},
            "troops": {"deployment", "combat", "casualties", "withdrawal"}}

# An import in etl_runs: run_id starts with the source, no article or mention counts, n_events = new events.
INSERT_RUN = "INSERT INTO etl_runs VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, ?)"


def data_rows(name: str) -> list[dict[str, str]]:
    """A mapping table kept as data beside the importers (a few dozen rows, read once per run)."""
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def check_subtype(table: str, event_type: str, subtype: str) -> None:
    if event_type not in EVENT_TYPES or subtype not in SUBTYPES[event_type]:
        raise ValueError(f"{table}: '{event_type}/{subtype}' is not an Entente event type and subtype")


# -- inputs made local: URLs downloaded, zip archives extracted, both to a temporary folder --------

def download(address: str, folder: Path) -> Path:
    """Stream a URL to a file with a time-out and a size cap; never holds the body in memory."""
    # Here, not at the top: importing etl.readers loads trafilatura, which local files never need.
    from etl.readers.url import TIMEOUT_SECONDS, USER_AGENT, LimitedRedirects

    timeout = float(os.environ.get("ENTENTE_URL_TIMEOUT") or TIMEOUT_SECONDS)
    cap = int(os.environ.get("ENTENTE_IMPORT_MAX_BYTES") or MAX_DOWNLOAD_BYTES)
    target = folder / (Path(address.split("?", 1)[0].rstrip("/")).name or "download")
    opener = urllib.request.build_opener(LimitedRedirects)
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT})
    size = 0
    try:
        with opener.open(request, timeout=timeout) as response, open(target, "wb") as out:
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > cap:
                    raise InputError(address, f"download larger than {cap:,} bytes")
                out.write(chunk)
    except urllib.error.HTTPError as exc:
        raise InputError(address, f"HTTP {exc.code} {exc.reason}") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise InputError(address, f"timed out after {timeout:g} s") from exc
    except urllib.error.URLError as exc:
        raise InputError(address, f"cannot fetch ({exc.reason})") from exc
    except OSError as exc:
        raise InputError(address, f"cannot fetch ({exc})") from exc
    return target


def extract_single_member(archive: Path, folder: Path, source: str) -> Path:
    """GDELT and ACLED zips hold one CSV; copy it out in chunks so DuckDB can read it by path."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = [m for m in bundle.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise InputError(source, f"zip archive holds {len(members)} files, expected one")
            target = folder / Path(members[0].filename).name
            with bundle.open(members[0]) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise InputError(source, f"unreadable zip archive ({exc})") from exc
    return target


def local_file(item: str, folder: Path) -> Path:
    path = download(item, folder) if item.lower().startswith(("http://", "https://")) else Path(item)
    if not path.is_file():
        raise InputError(item, "no such file" if not path.exists() else "not a file")
    if zipfile.is_zipfile(path):
        path = extract_single_member(path, folder, item)
    if path.stat().st_size == 0:
        raise InputError(item, "empty file")
    return path


def count_lines(path: Path) -> int:
    """Newlines, plus a last line without one; runs beside DuckDB's scan to report rows read.
    numpy compares the mapped file 16 MB at a time: twice as fast as bytes.count, no copies."""
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        data = np.frombuffer(mapped, np.uint8)
        step = 16 * CHUNK
        lines = sum(int(np.count_nonzero(data[i:i + step] == 10)) for i in range(0, len(data), step))
        lines += int(data[-1] != 10)
        del data  # the mapping cannot close while an array still views it
    return lines


def short_error(exc: Exception) -> str:
    """DuckDB's CSV errors span lines (the row, fixes, settings): keep the line number and the reason."""
    kept = []
    for line in str(exc).strip().splitlines():
        if line.startswith("Possible fixes") or not line.strip():
            break
        if not line.startswith("Original Line"):
            kept.append(line.strip())
    return "; ".join(kept) or type(exc).__name__


# -- the run: one transaction per file, progress per file, a run record and a summary --------------

@dataclass
class FileCounts:
    read: int = 0
    matched: int = 0  # rows that map to an Entente event
    new: int = 0      # of those, not imported before

    def add(self, other: FileCounts) -> None:
        self.read, self.matched, self.new = self.read + other.read, self.matched + other.matched, self.new + other.new


@dataclass
class ImportResult:
    run_id: str
    totals: FileCounts = field(default_factory=FileCounts)
    files: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


ImportFile = Callable[[duckdb.DuckDBPyConnection, Path, str], FileCounts]
Prepare = Callable[[duckdb.DuckDBPyConnection], None]


def run(origin: str, prepare: Prepare, import_file: ImportFile, inputs: list[str],
        db_path: str | None = None, quiet: bool = False) -> ImportResult:
    """Import each input in its own transaction: a bad file is reported and the others still load."""
    err = Console(stderr=True, highlight=False)
    result = ImportResult(run_id=f"{origin}-{uuid.uuid4().hex[:12]}")
    started = datetime.now()
    # A write session: the import is published atomically, so the dashboard never reads half of it.
    with db.write_session(db_path) as con:
        con.execute("SET preserve_insertion_order = false")  # lets DuckDB scan and insert in parallel
        con.execute("BEGIN TRANSACTION")
        store.ensure_countries(con)
        con.execute("COMMIT")
        prepare(con)
        with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                      disable=quiet or not err.is_terminal, transient=True) as progress:
            task = progress.add_task(f"Importing {origin}", total=len(inputs))
            for item in inputs:
                progress.update(task, description=f"Importing {item[-60:]}")
                line = _import_one(con, import_file, item, result)
                if line and not quiet:
                    progress.console.print(line, markup=False, soft_wrap=True)
                progress.advance(task)
        con.execute(INSERT_RUN, [result.run_id, started, datetime.now(), inputs, len(inputs),
                                 result.totals.new, len(result.errors), result.errors,
                                 "ok" if not result.errors else "errors"])
    t = result.totals
    print(f"Imported {origin} into {db.db_path(db_path)}: {result.files} of {len(inputs)} files, "
          f"{t.read:,} rows read, {t.matched:,} matching Entente event types, {t.new:,} new events; "
          f"{len(result.errors)} input errors.", file=sys.stderr, flush=True)
    return result


def _import_one(con: duckdb.DuckDBPyConnection, import_file: ImportFile, item: str,
                result: ImportResult) -> str | None:
    """Returns the progress line, or None after printing the file's one-line error."""
    clock = time.perf_counter()
    try:
        with TemporaryDirectory(prefix="entente-import-") as folder:
            path = local_file(item, Path(folder))
            con.execute("BEGIN TRANSACTION")
            try:
                counts = import_file(con, path, item)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
    except InputError as exc:
        return _failed(result, str(exc))
    except (duckdb.Error, OSError) as exc:
        return _failed(result, f"{item}: {short_error(exc)}")
    seconds = time.perf_counter() - clock
    result.files += 1
    result.totals.add(counts)
    rate = counts.read / seconds if seconds > 0 else 0
    return (f"{item}: {counts.read:,} rows read, {counts.matched:,} matching, {counts.new:,} new "
            f"in {seconds:.1f} s ({rate:,.0f} rows/s)")


def _failed(result: ImportResult, message: str) -> None:
    result.errors.append(message)
    print(f"error: {message}", file=sys.stderr, flush=True)
    return None
