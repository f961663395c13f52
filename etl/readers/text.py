"""Plain text and Markdown, with optional YAML front matter between '---' lines."""
from __future__ import annotations

import re

import yaml

from etl.model import Article, InputError
from etl.readers.common import clean_str, decode_text, finish, language_code, parse_published

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
META_KEYS = ("title", "url", "language", "publisher")
MAX_FRONT_MATTER_CHARS = 64 * 1024


def split_front_matter(source: str, content: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(content)
    if not match:
        if content.startswith("---") and content[:4].strip() == "---":
            raise InputError(source, "malformed front matter: no closing '---' line")
        return {}, content
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:  # PyYAML is slow and memory-hungry on megabytes
        raise InputError(source, f"malformed front matter: longer than {MAX_FRONT_MATTER_CHARS:,} characters")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise InputError(source, f"malformed front matter: not valid YAML{line}") from exc
    except RecursionError as exc:
        raise InputError(source, "malformed front matter: nested too deeply") from exc
    except (ValueError, TypeError, OverflowError) as exc:  # a YAML date like 2024-02-30 fails in datetime
        raise InputError(source, f"malformed front matter: {str(exc)[:80]}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(source, "malformed front matter: expected 'key: value' lines")
    return meta, content[match.end():]


def article_from(source: str, meta: dict, body: str) -> Article:
    fields = {key: clean_str(source, key, meta.get(key)) for key in META_KEYS}
    if fields["language"] and not language_code(fields["language"]):
        raise InputError(source, f"'language' is not an ISO 639-1 code: {fields['language'][:20]!r}")
    article = Article(text=body.strip(), source=source,
                      published=parse_published(source, meta.get("published")), **fields)
    return finish(article)


def read(source: str, data: bytes) -> list[Article]:
    meta, body = split_front_matter(source, decode_text(source, data))
    if not body.strip():
        raise InputError(source, "no text after the front matter")
    return [article_from(source, meta, body)]
