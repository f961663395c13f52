"""SIGKILL a real `python -m etl run` at many moments: the published database stays whole, and the next
run ends with exactly what a run that was never killed gives, reviews included."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from etl import pipeline
from etl.load import db
from etl.load.reviews import entries, journal_path, record_review
from tests.conftest import ROOT
from tests.dbstate import broken, copy_database, corpus, sample_names, snapshot

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

FRACTIONS = [round(i / 21, 3) for i in range(1, 21)]
# Named points of a run (etl.load.db.phase); the run stops there and is killed while stopped.
PHASES = ["reading", "extracted", "copied", "loaded", "journal-applied", "checkpointed", "synced", "published"]


def etl_command(inputs: Path, database: Path) -> list[str]:
    return [sys.executable, "-m", "etl", "run", str(inputs), "--db", str(database), "--quiet"]


def env(**extra) -> dict:
    values = dict(os.environ, PYTHONPATH=str(ROOT), ENTENTE_PHASES="1", **extra)
    values.pop("ENTENTE_DB", None)
    return values


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A published database from half the corpus with one review still in the journal (an ETL run
    held the lock when it was saved), the full corpus, and what a clean run of it gives."""
    root = tmp_path_factory.mktemp("crash")
    names = sample_names()
    half = corpus(root / "half", names[:25])
    full = corpus(root / "full", names[:25])
    corpus(full, names[25:50], edition=1)
    corpus(full, names[:10], edition=2)  # the same texts with a line more: articles of their own
    base = root / "base" / "base.duckdb"
    base.parent.mkdir()
    pipeline.run([str(half)], db_path=str(base), quiet=True)
    with db.read_only(base) as con:
        (event_id,) = con.execute("SELECT event_id FROM events ORDER BY event_id LIMIT 1").fetchall()[0]
    with db.writer_lock(base):  # as if a run were loading: the decision waits in the journal
        assert record_review(base, event_id, "rejected", note="survives crashes") is False
    assert len(entries(base)) == 1
    clean = copy_database(base, root / "clean" / "clean.duckdb")
    started = time.monotonic()
    subprocess.run(etl_command(full, clean), env=env(), check=True, capture_output=True)
    duration = time.monotonic() - started
    expected = snapshot(clean)
    assert ("rejected", "survives crashes") in [(r[1], r[-3]) for r in expected["reviews"]]
    assert entries(clean) == []
    return {"root": root, "full": full, "base": base, "before": snapshot(base), "after": expected,
            "duration": duration, "event_id": event_id}


def killed_run(world, case: Path, when: str) -> str:
    """Start the run, SIGKILL it at `when`; returns the last phase it reported."""
    database = copy_database(world["base"], case / "db.duckdb")
    # A kill at a fraction of the clean run's time must land inside the run even when the machine is
    # quieter than when it was timed: a run that gets to the end early waits there, after publishing.
    pause = {"ENTENTE_PHASE_PAUSE": when if when in PHASES else "published:120"}
    process = subprocess.Popen(etl_command(world["full"], database), env=env(**pause),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if when in PHASES:
        for line in process.stderr:
            if line.strip() == f"phase: {when}":
                break
        else:
            pytest.fail(f"the run ended without reaching {when}")
        time.sleep(0.2)  # well inside the pause
    else:
        time.sleep(float(when) * world["duration"])
    assert process.poll() is None, "the run ended before the kill: the corpus is too small"
    os.kill(process.pid, signal.SIGKILL)
    seen = [line.split(": ", 1)[1].strip() for line in process.communicate()[1].splitlines()
            if line.startswith("phase: ")]
    assert process.returncode == -signal.SIGKILL
    return ([when] if when in PHASES else seen or ["starting"])[-1]


@pytest.mark.parametrize("when", [str(f) for f in FRACTIONS] + PHASES)
def test_a_killed_run_leaves_a_whole_database_and_the_next_run_finishes(world, tmp_path, when):
    phase = killed_run(world, tmp_path, when)
    database = tmp_path / "db.duckdb"
    # What readers see now: the previous publication, or (killed after the swap) the new one; never a mix.
    assert broken(database) == {}, phase
    state = snapshot(database)
    assert state in (world["before"], world["after"]), phase
    if state == world["before"]:
        assert len(entries(database)) == 1, "the pending review is still journaled"
    pipeline.run([str(world["full"])], db_path=str(database), quiet=True)
    assert snapshot(database) == world["after"]
    assert broken(database) == {}
    assert entries(database) == [] and not journal_path(database).exists()
    assert not db.next_path(database).exists() and not Path(f"{db.next_path(database)}.wal").exists()
    print(f"killed at {when}: last phase {phase}, published state "
          f"{'previous' if state == world['before'] else 'new'}")


def test_a_failing_run_leaves_the_published_file_untouched(world, tmp_path):
    database = copy_database(world["base"], tmp_path / "db.duckdb")
    before = database.read_bytes()
    with pytest.raises(RuntimeError, match="disk on fire"):
        with db.write_session(database) as con:
            con.execute("DELETE FROM mentions")
            raise RuntimeError("disk on fire")
    assert database.read_bytes() == before
    assert not db.next_path(database).exists()
    assert len(entries(database)) == 1
