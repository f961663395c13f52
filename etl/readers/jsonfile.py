"""JSON (an object or a list of objects) and JSON Lines: one article per object."""
from __future__ import annotations

import json

from etl.model import Article, InputError
from etl.readers.common import MAX_ERRORS_PER_INPUT, decode_text
from etl.readers.text import article_from


def from_object(source: str, obj: object) -> Article:
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "missing or empty 'text'")
    return article_from(source, obj, text)


def parse(source: str, content: str, at_line: bool = True) -> object | InputError:
    """The parsed value, or the error returned, not raised: a traceback per bad line of a big
    JSON Lines file would hold gigabytes."""
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        return InputError(source, f"invalid JSON ({exc.msg}{f' at line {exc.lineno}' if at_line else ''})")
    except RecursionError:
        return InputError(source, "invalid JSON (nested too deeply)")
    except ValueError:  # Python refuses integers of more than 4300 digits
        return InputError(source, "invalid JSON (a number too long to read)")


def read(source: str, data: bytes, lines: bool | None = None) -> list[Article | InputError]:
    content = decode_text(source, data)
    if lines is None:
        lines = source.lower().endswith(".jsonl")
    if lines:
        objects = ((f"{source}#{number}", line) for number, line in enumerate(content.splitlines(), start=1)
                   if line.strip())
        parsed = ((where, parse(where, line, at_line=False)) for where, line in objects)
    else:
        value = parse(source, content)
        if isinstance(value, InputError):
            raise value
        parsed = [(f"{source}#{i}", obj) for i, obj in enumerate(value, start=1)] if isinstance(value, list) \
            else [(source, value)]
    results: list[Article | InputError] = []
    n_errors = 0
    for where, obj in parsed:
        error = obj if isinstance(obj, InputError) else None
        if error is None:
            try:
                results.append(from_object(where, obj))
            except InputError as exc:
                error = InputError(exc.source, exc.reason)  # without the traceback and its frames
        if error is not None:
            n_errors += 1
            if n_errors <= MAX_ERRORS_PER_INPUT:  # the rest are counted, not kept
                results.append(error)
    if n_errors > MAX_ERRORS_PER_INPUT:
        results.append(InputError(source, f"{n_errors - MAX_ERRORS_PER_INPUT} more entries with errors not listed"))
    return results
