"""Helpers every reader shares: decoding, metadata clean-up, language and date discovery."""
from __future__ import annotations

import codecs
import re
from datetime import date, datetime
from functools import lru_cache

from etl.model import Article, InputError

SUPPORTED_LANGUAGES = ("fr", "en", "es", "de")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same start
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Publication dates outside this range are placeholders or typos (0001-01-01, 9999-12-31), not news.
EARLIEST_PUBLISHED = datetime(1800, 1, 1)
LATEST_PUBLISHED = datetime(2199, 12, 31, 23, 59, 59)
SURROGATE = re.compile(r"[\ud800-\udfff]")
CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]+")
LANGUAGE_CODE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]{1,8})*")
MAX_ERRORS_PER_INPUT = 20  # a feed or JSON Lines file of garbage lists 20 errors, then one summary
MAX_META_CHARS = {"title": 300, "url": 2000, "publisher": 300}


def decode_text(source: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(source, "empty file")
    for bom, codec in BOMS:  # a byte order mark says UTF-16 or UTF-32, whose text is full of NUL bytes
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"not valid {codec.upper()} (byte at offset {exc.start})") from exc
            break
    else:
        if b"\x00" in data[:8192]:
            raise InputError(source, "binary content, not a text file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def parse_published(source: str, value: object) -> datetime | None:
    """A publication date given as metadata (front matter, JSON): ISO date or datetime."""
    if value is None or value == "":
        return None
    parsed = None
    if isinstance(value, datetime):
        parsed = value.replace(tzinfo=None)
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            pass
    if parsed is None:
        raise InputError(source, f"'published' is not an ISO date or datetime: {str(value)[:40]!r}")
    if plausible_date(parsed) is None:
        raise InputError(source, f"'published' {parsed.date().isoformat()} is out of range "
                                 f"({EARLIEST_PUBLISHED.year} to {LATEST_PUBLISHED.year})")
    return parsed


def plausible_date(value: datetime | None) -> datetime | None:
    """The date if a news article could have been published then, else None."""
    return value if value is not None and EARLIEST_PUBLISHED <= value <= LATEST_PUBLISHED else None


def one_line(value: str | None, limit: int = 300) -> str | None:
    """Metadata shown on one line: control characters and runs of blanks become one space."""
    if value is None:
        return None
    text = CONTROL_OR_SPACE.sub(" ", SURROGATE.sub("\ufffd", value)).strip()
    return text[:limit] or None


def language_code(value: str | None) -> str | None:
    """'fr', 'en-US', 'pt_BR' -> the ISO 639-1 code; anything else -> None."""
    match = LANGUAGE_CODE.fullmatch((value or "").strip().lower())
    return match.group(1) if match else None


def clean_str(source: str, key: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise InputError(source, f"'{key}' must be a string, not {type(value).__name__}")


def first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = one_line(line.strip().lstrip("#")[:1000])
        if line:
            return line
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
    from etl.extract.publication_date import find_publication_date

    # JSON escapes can carry lone surrogates, which no UTF-8 encoder (hashing, DuckDB) accepts.
    article.text = SURROGATE.sub("\ufffd", article.text or "")
    if not article.text.strip():
        raise InputError(article.source, "no text")
    article.title = one_line(article.title, MAX_META_CHARS["title"]) or first_line(article.text)
    article.url = one_line(article.url, MAX_META_CHARS["url"])
    article.publisher = one_line(article.publisher, MAX_META_CHARS["publisher"])
    article.language = language_code(article.language) or detect_language(article.text)
    article.published = plausible_date(article.published)
    if article.published is None:
        article.published = plausible_date(find_publication_date(article.text, article.language))
    return article
