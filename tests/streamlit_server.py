"""The real dashboard server on a free local port, for browser tests, concurrency tests and benchmarks."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` on ENTENTE_DB=db; returns the process and its base URL once healthy."""
    port = free_port()
    environment = dict(env or os.environ, ENTENTE_DB=str(db), PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
            return process, base
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("streamlit did not start within 60 s")
