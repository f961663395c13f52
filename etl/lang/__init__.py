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
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_UniqueKeyLoader) or {}


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys; a word list written twice would lose its first half."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"{self.name}: key {key!r} given twice (line {key_node.start_mark.line + 1})")
            seen.add(key)
        return super().construct_mapping(node, deep)
