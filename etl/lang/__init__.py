"""Per-language word lists, one folder per language (dates.yaml, events.yaml, places.yaml).

Adding a language is adding a folder; code reads only what is here.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).parent


def available() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir()
                        if p.is_dir() and (p / "events.yaml").exists()))


@lru_cache(maxsize=None)
def load(language: str, name: str) -> dict:
    """The data file `name` (without .yaml) of a language, or {} if it has none."""
    path = LANG_DIR / language / f"{name}.yaml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
