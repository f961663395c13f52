"""Turn command-line inputs (files, folders, URLs) into Articles.

One module per input form, each exposing `read(source, data) -> list[Article]`;
this module only walks folders and dispatches by extension or content type.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from etl.model import Article, InputError
from etl.readers import feed, html, jsonfile, text, url

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


def expand(inputs: list[str]) -> Iterator[str | InputError]:
    """Yield each file of each input (folders walked recursively, sorted), or an error."""
    for item in inputs:
        if url.is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READERS and not child.name.startswith("."):
                    yield str(child)
        elif path.exists():
            yield item
        else:
            yield InputError(item, "no such file or folder")


def read_one(source: str) -> list[Article | InputError]:
    """Read one file or URL; a feed or JSON Lines file gives one result per entry."""
    try:
        if url.is_url(source):
            return url.read(source)
        path = Path(source)
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            raise InputError(source, f"unsupported file type '{path.suffix or '(none)'}'"
                             f" (expected one of {', '.join(sorted(READERS))})")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(source, f"file larger than {MAX_FILE_BYTES // 2**20} MB")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(source, f"cannot read file ({exc.strerror or exc})") from exc
        return reader(source, data)
    except InputError as exc:
        return [exc]


def read_inputs(inputs: list[str]) -> Iterator[Article | InputError]:
    for item in expand(inputs):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_one(item)
