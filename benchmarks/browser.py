"""End to end at scale: the real Streamlit server on a synthetic database, driven by Chromium.

Times a filter change in the sidebar (a country added to "Countries") until the page has re-run:
Streamlit's running indicator gone, the headline "Events" figure changed and a chart drawn.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from tests import streamlit_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
# Each change adds one country, so every state is new to Streamlit's query cache.
ADDED = ["Russia", "China", "Ukraine", "North Korea", "India", "France"]
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
CHANGED = """(old) => {
  const m = document.querySelector('[data-testid="stMetricValue"]');
  return m && m.innerText !== old && document.querySelector('.js-plotly-plot')
      && !document.querySelector('[data-testid="stStatusWidget"]');
}"""


def _vm(pid: int, key: str) -> float:
    """VmHWM / VmRSS of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
    return 0.0


def render_times(base: str) -> tuple[list[float], float]:
    """(seconds per filter change, seconds for the first page load)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        clock = time.perf_counter()
        page.goto(base)
        page.wait_for_selector('[data-testid="stMetricValue"]', timeout=300_000)
        page.wait_for_selector(".js-plotly-plot", timeout=300_000)
        page.wait_for_function(IDLE, timeout=300_000)
        first = time.perf_counter() - clock
        for country in ADDED:
            try:
                times.append(_change(page, country))
            except Exception as exc:  # one stuck change should not lose the others
                print(f"bench: render with {country} added failed: {str(exc).splitlines()[0]}", file=sys.stderr)
            page.keyboard.press("Escape")
            page.wait_for_timeout(300)
        browser.close()
    return times, first


def _change(page, country: str) -> float:
    old = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.locator("input").click()
    page.keyboard.type(country)
    option = page.get_by_role("option", name=country, exact=False).first
    option.wait_for(timeout=10_000)
    clock = time.perf_counter()
    option.click()
    page.wait_for_function(CHANGED, arg=old, timeout=180_000, polling=20)
    return time.perf_counter() - clock


def bench_render(rows: list, db: Path, n: int, targets: dict, mark) -> None:
    if not Path(CHROMIUM).exists():
        rows.append(("page render after a filter change", f"skipped: no {CHROMIUM}", "", ""))
        return
    process, base = streamlit_server.start(db)
    try:
        times, first = render_times(base)
        peak = _vm(process.pid, "VmHWM")
    except Exception as exc:  # report and go on: the other figures still stand
        rows.append(("page render after a filter change", f"failed: {str(exc).splitlines()[0][:120]}", "", ""))
        return
    finally:
        process.terminate()
        process.wait(timeout=30)
    if not times:
        rows.append(("page render after a filter change", "failed: no filter change completed", "", ""))
        return
    med, worst = statistics.median(times), max(times)
    rows.append((f"overview re-rendered after a sidebar filter change, {n:,} events",
                 f"median {med:.2f} s, max {worst:.2f} s ({len(times)} changes; first load {first:.1f} s)",
                 "≤ 1 s", mark(med <= targets["render_s"])))
    rows.append((f"dashboard server peak RSS (VmHWM), {n:,} events", f"{peak / 1024:.2f} GB", "< 1.5 GB",
                 mark(peak / 1024 < targets["server_gb"])))
