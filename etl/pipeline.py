"""The ETL flow: read inputs -> extract mentions -> load into DuckDB, with progress and a run record."""
from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from etl.extract.events import extract
from etl.load import db, store
from etl.model import Article, InputError, Mention
from etl.readers import expand, read_inputs, read_one


INSERT_RUN = "INSERT INTO etl_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def extract_inputs(inputs: list[str]) -> Iterator[tuple[Article, list[Mention]] | InputError]:
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            yield item
        else:
            yield item, extract(item)


@dataclass
class RunResult:
    run_id: str
    counts: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def run(inputs: list[str], db_path: str | None = None, quiet: bool = False) -> RunResult:
    """Read, extract and load; every input that fails is reported and the rest still load."""
    err = Console(stderr=True, highlight=False)
    result = RunResult(run_id=uuid.uuid4().hex[:12])
    started = datetime.now()
    sources = list(expand(inputs))
    articles: list[Article] = []
    mentions: list[Mention] = []
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
                  console=err, disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("Reading and extracting", total=len(sources), current="")
        db.phase("reading")
        for source in sources:
            progress.update(task, current=str(source)[-50:])
            items = [source] if isinstance(source, InputError) else read_one(source)
            for item in items:
                if isinstance(item, InputError):
                    result.errors.append(str(item))
                    print(f"error: {item}", file=sys.stderr, flush=True)
                    continue
                articles.append(item)
                mentions.extend(extract(item))
            progress.advance(task)
    if not quiet and not err.is_terminal:
        print(f"Read {len(sources)} inputs: {len(articles)} articles, {len(mentions)} event mentions.",
              file=sys.stderr, flush=True)
    db.phase("extracted")
    # Built on a copy and swapped in whole: the dashboard keeps reading the previous file meanwhile,
    # and a crash or an error leaves the published file as it was.
    with db.write_session(db_path) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            store.ensure_countries(con)
            result.counts = store.load(con, articles, mentions)
            db.phase("loaded")
            con.execute(INSERT_RUN, [
                result.run_id, started, datetime.now(), inputs, len(sources), result.counts["n_articles"],
                result.counts["n_new_articles"], result.counts["n_mentions"], result.counts["n_new_mentions"],
                result.counts["n_events"], len(result.errors), result.errors,
                "ok" if not result.errors else "errors"])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    c = result.counts
    print(f"Loaded into {db.db_path(db_path)}: {c['n_articles']} articles ({c['n_new_articles']} new), "
          f"{c['n_mentions']} mentions ({c['n_new_mentions']} new), {c['n_events']} events in total; "
          f"{len(result.errors)} input errors.", file=sys.stderr, flush=True)
    return result
