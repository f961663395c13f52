"""JSON (an object or a list of objects) and JSON Lines: one article per object."""
from __future__ import annotations

import json

from etl.model import Article, InputError
from etl.readers.common import decode_text
from etl.readers.text import article_from


def from_object(source: str, obj: object) -> Article:
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "missing or empty 'text'")
    return article_from(source, obj, text)


def read(source: str, data: bytes, lines: bool | None = None) -> list[Article | InputError]:
    content = decode_text(source, data)
    if lines is None:
        lines = source.lower().endswith(".jsonl")
    if lines:
        objects = []
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                objects.append((f"{source}#{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                objects.append((f"{source}#{number}", InputError(f"{source}#{number}", f"invalid JSON ({exc.msg})")))
    else:
        try:
            parsed = json.loads(content)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
        if isinstance(parsed, list):
            objects = [(f"{source}#{i}", obj) for i, obj in enumerate(parsed, start=1)]
        else:
            objects = [(source, parsed)]
    results: list[Article | InputError] = []
    for where, obj in objects:
        if isinstance(obj, InputError):
            results.append(obj)
            continue
        try:
            results.append(from_object(where, obj))
        except InputError as exc:
            results.append(exc)
    return results
