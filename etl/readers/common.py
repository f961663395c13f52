"""Helpers every reader shares: decoding, metadata clean-up, language and date discovery."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from etl.model import Article, InputError

SUPPORTED_LANGUAGES = ("fr", "en", "es", "de")


def decode_text(source: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary content, not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc


def parse_published(source: str, value: object) -> datetime | None:
    """A publication date given as metadata (front matter, JSON): ISO date or datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed.replace(tzinfo=None)
    raise InputError(source, f"'published' is not an ISO date or datetime: {str(value)[:40]!r}")


def clean_str(source: str, key: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise InputError(source, f"'{key}' must be a string, not {type(value).__name__}")


def first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["fr", "en", "es", "de", "it", "pt", "nl", "ru", "zh", "ja", "ko", "ar", "uk"])
    return identifier


def detect_language(text: str) -> str | None:
    sample = text[:4000]
    if len(re.findall(r"\w+", sample)) < 3:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= 0.5 else None


def finish(article: Article) -> Article:
    """Fill what metadata did not give: title, language, and the date stated in the text."""
    from etl.extract.dates import find_publication_date

    if not article.text or not article.text.strip():
        raise InputError(article.source, "no text")
    if not article.title:
        article.title = first_line(article.text)
    if article.language:
        article.language = article.language.strip().lower()[:2]
    else:
        article.language = detect_language(article.text)
    if article.published is None:
        article.published = find_publication_date(article.text, article.language)
    return article
