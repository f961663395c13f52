import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "data" / "samples"
SEED = SAMPLES / "le360-2024-11-19-pyongyang-moscou.md"

sys.path.insert(0, str(ROOT))


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def python_env():
    """Environment for running `python -m etl` in a subprocess from the repository root."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("ENTENTE_DB", None)
    return env
