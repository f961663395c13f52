"""For real: ETL runs while the dashboard serves pages and reviewers save decisions, and two runs at once."""
import os
import subprocess
import sys
import threading
import time

import pytest

from dashboard import queries
from dashboard.filters import Filters
from etl import pipeline
from etl.load import db
from etl.load.reviews import entries, record_review
from tests.conftest import ROOT
from tests.dbstate import broken, copy_database, corpus, sample_names, snapshot
from tests import streamlit_server
from tests.test_browser import CHROMIUM_ARGS, chromium_path, wait_ready  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

PAGES = ["", "pairs", "network", "treaties", "troops", "events"]
ERROR_WORDS = ["IOException", "Conflicting lock", "Could not set lock", "Traceback", "Error:"]
RUNS = 6


def etl_env(**extra) -> dict:
    values = dict(os.environ, PYTHONPATH=str(ROOT))
    values.pop("ENTENTE_DB", None)
    return {**values, **extra}


def etl_command(inputs, database) -> list[str]:
    return [sys.executable, "-m", "etl", "run", str(inputs), "--db", str(database), "--quiet"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample database built in a temporary folder, a copy of it as it started, and a server on it."""
    root = tmp_path_factory.mktemp("concurrency")
    database = root / "served" / "entente.duckdb"
    database.parent.mkdir()
    pipeline.run([str(corpus(root / "samples", sample_names()))], db_path=str(database), quiet=True)
    start = copy_database(database, root / "start" / "entente.duckdb")
    try:
        server, base = streamlit_server.start(database, env=etl_env())
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield {"root": root, "db": database, "start": start, "base": base}
    server.terminate()
    server.wait(timeout=20)


def page_errors(page) -> list[str]:
    found = [f"exception box: {t[:200]}" for t in page.locator("[data-testid='stException']").all_inner_texts()]
    found += [f"alert: {t[:200]}" for t in page.locator("[data-testid='stAlert']").all_inner_texts()
              if "lock" in t.lower() or "error" in t.lower()]
    text = page.locator("body").inner_text()
    return found + [f"page text has {word!r}" for word in ERROR_WORDS if word in text]


def test_runs_pages_and_reviews_at_once(served, chromium_path):
    from playwright.sync_api import sync_playwright

    names = sample_names()
    groups = [names[:12], names[12:24]]
    inputs = [corpus(served["root"] / f"run{i}", groups[i % 2], edition=i + 1) for i in range(RUNS)]
    with db.read_only(served["db"]) as con:
        targets = [r[0] for r in con.execute(
            "SELECT event_id FROM events ORDER BY n_mentions DESC, event_id LIMIT 8").fetchall()]
    failures, saved, run_codes = [], [], []
    loading = threading.Event()  # set when a run has copied the database and is loading into the copy

    def etl_loop():
        # Each run holds the writer lock 1 s more once loaded, so reviews surely meet a loading run.
        for folder in inputs:
            run = subprocess.Popen(etl_command(folder, served["db"]), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, env=etl_env(ENTENTE_PHASES="1", ENTENTE_PHASE_PAUSE="loaded:1"))
            lines = []
            for line in run.stderr:
                lines.append(line)
                if line.strip() == "phase: copied":
                    loading.set()
            run_codes.append((run.wait(), "".join(lines)[-500:]))

    def review_loop():
        for i, event_id in enumerate(targets):
            if i % 2 == 0:  # half while a run is loading, half whenever
                loading.wait(timeout=15)
                loading.clear()
            else:
                time.sleep(1.0)
            status = ("confirmed", "rejected")[i % 2]
            try:
                saved.append((event_id, status, f"decision {i}",
                              record_review(served["db"], event_id, status, note=f"decision {i}")))
            except Exception as exc:  # a reviewer must never see one
                failures.append(f"review {i}: {exc!r}")

    workers = [threading.Thread(target=etl_loop), threading.Thread(target=review_loop)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    loads = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        while workers[0].is_alive() or loads < 12:
            path = PAGES[loads % len(PAGES)]
            page.goto(f"{served['base']}/{path}")
            wait_ready(page)
            failures += [f"/{path} during the runs: {e}" for e in page_errors(page)]
            loads += 1
        for worker in workers:
            worker.join()
        ended = time.monotonic()
        with queries.connect(served["db"]) as con:
            expected = int(queries.headline(con, Filters())["events"])
        shown = None
        while time.monotonic() - ended < 10 and shown != expected:  # the last run's data, without a restart
            page.goto(f"{served['base']}/")
            wait_ready(page)
            metrics = page.locator("[data-testid='stMetricValue']")
            try:  # a rerun that began after wait_ready replaces the metrics for a moment
                metrics.first.wait_for(timeout=30_000)
            except Exception:
                pytest.fail("the Overview shows no metric: " + page.locator("body").inner_text()[:1500])
            shown = int(metrics.first.inner_text())
        seconds_to_show = time.monotonic() - ended
        failures += page_errors(page)
        browser.close()
    print(f"{RUNS} runs, {loads} page loads, {len(saved)} reviews in {ended - started:.1f}s; "
          f"queued behind a run: {sum(not s[3] for s in saved)}; new data shown {seconds_to_show:.1f}s after")

    assert failures == []
    assert [code for code, _ in run_codes] == [0] * RUNS, run_codes
    assert shown == expected
    assert len(saved) == len(targets)
    assert any(not published for *_, published in saved), "no review met a running ETL: nothing was tested"
    assert entries(served["db"]) == [] and broken(served["db"]) == {}
    final = snapshot(served["db"])
    kept = {(r[-3], r[1]): r[0] for r in final["reviews"]}  # (note, status) -> the event it is on now
    assert set(kept) == {(note, status) for _, status, note, _ in saved}  # every decision survived
    # The same runs one after another on a quiet database, then the same decisions: the same tables.
    quiet = copy_database(served["start"], served["root"] / "quiet" / "entente.duckdb")
    for folder in inputs:
        pipeline.run([str(folder)], db_path=str(quiet), quiet=True)
    for _, status, note, _ in saved:
        assert record_review(quiet, kept[(note, status)], status, note=note) is True
    reference = snapshot(quiet)

    def comparable(state):  # a decision's time and the mentions its event had then differ by design
        return {**state, "reviews": sorted((r[0], r[1], r[-3]) for r in state["reviews"])}

    assert comparable(final) == comparable(reference)


def test_two_runs_started_at_once_both_finish_and_equal_one(tmp_path):
    folder = corpus(tmp_path / "corpus", sample_names()[:15])
    database = tmp_path / "twice.duckdb"
    # Whichever loads first holds the writer lock 3 s longer, so the other surely arrives meanwhile.
    first = subprocess.Popen(etl_command(folder, database), env=etl_env(ENTENTE_PHASE_PAUSE="loaded:3"),
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    second = subprocess.Popen(etl_command(folder, database), env=etl_env(ENTENTE_PHASE_PAUSE="loaded:3"),
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    errors = [process.communicate(timeout=120)[1] for process in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), errors
    waited = [e for e in errors if "another ETL run is writing; waiting for it to finish" in e]
    assert len(waited) == 1, errors
    once = tmp_path / "once.duckdb"
    pipeline.run([str(folder)], db_path=str(once), quiet=True)
    assert snapshot(database) == snapshot(once)
    with db.read_only(database) as con:
        assert con.execute("SELECT count(*), count(DISTINCT run_id) FROM etl_runs").fetchall() == [(2, 2)]
    assert not db.next_path(database).exists()
