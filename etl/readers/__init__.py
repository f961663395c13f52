"""Turn command-line inputs (files, folders, URLs) into Articles.

One module per input form, each exposing `read(source, data) -> list[Article]`;
this module only walks folders and dispatches by extension or content type.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from etl.model import Article, InputError
from etl.readers import feed, html, jsonfile, text, url
from etl.readers.common import MAX_ERRORS_PER_INPUT

READERS = {
    ".txt": text.read,
    ".md": text.read,
    ".markdown": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".json": jsonfile.read,
    ".jsonl": jsonfile.read,
    ".xml": feed.read,
    ".rss": feed.read,
    ".atom": feed.read,
}

MAX_FILE_BYTES = 50 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(error: InputError) -> InputError:
    """The same error, its source and reason escaped so it prints as one line (paths may hold newlines)."""
    source = CONTROL.sub(lambda m: repr(m.group())[1:-1], error.source)
    reason = CONTROL.sub(" ", error.reason)
    return error if (source, reason) == (error.source, error.reason) else InputError(source, reason)


def expand(inputs: list[str]) -> Iterator[str | InputError]:
    """Yield each file of each input (folders walked recursively, sorted), or an error."""
    for item in inputs:
        if url.is_url(item):
            yield item
            continue
        path = Path(item)
        try:
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if child.suffix.lower() in READERS and not child.name.startswith("."):
                        yield str(child)
            elif path.exists():
                yield item
            else:
                yield printable(InputError(item, "no such file or folder"))
        except OSError as exc:  # an unreadable folder, a name too long
            yield printable(InputError(item, f"cannot read ({exc.strerror or exc})"))


def read_file(source: str) -> list[Article | InputError]:
    path = Path(source)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(source, f"unsupported file type '{path.suffix or '(none)'}'"
                                 f" (expected one of {', '.join(sorted(READERS))})")
    try:
        # A FIFO would block forever and a device (/dev/zero behind a .txt link) never ends.
        if not path.is_file():
            raise InputError(source, "not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(source, f"file larger than {MAX_FILE_BYTES // 2**20} MB")
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, f"file larger than {MAX_FILE_BYTES // 2**20} MB")
    return reader(source, data)


def read_one(source: str) -> list[Article | InputError]:
    """Read one file or URL; a feed or JSON Lines file gives one result per entry.

    Never raises: whatever goes wrong is an InputError, so one bad input never stops a run.
    """
    try:
        results = url.read(source) if url.is_url(source) else read_file(source)
    except InputError as exc:
        results = [exc]
    except Exception as exc:  # a reader bug or a parser library's surprise: report it, go on
        results = [InputError(source, f"unexpected error reading it ({type(exc).__name__}: {str(exc)[:100]})")]
    errors = [r for r in results if isinstance(r, InputError)]
    if len(errors) > MAX_ERRORS_PER_INPUT + 1:  # readers may already have summed up past the limit
        dropped = {id(e) for e in errors[MAX_ERRORS_PER_INPUT:]}
        results = [r for r in results if id(r) not in dropped]
        results.append(InputError(source, f"{len(dropped)} more entries with errors not listed"))
    return [printable(r) if isinstance(r, InputError) else r for r in results]


def read_inputs(inputs: list[str]) -> Iterator[Article | InputError]:
    for item in expand(inputs):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_one(item)
