"""The records that flow through the ETL: article -> mention."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime


def short_hash(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def content_key(text: str) -> str:
    """Articles are keyed by content: the same text from two files is one article."""
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    return short_hash(normalized)


@dataclass
class Article:
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    language: str | None = None
    publisher: str | None = None

    @property
    def article_id(self) -> str:
        # Hashing a long text per mention made loading quadratic; recomputed only if the text changes.
        cached = self.__dict__.get("_id_of_text")
        if cached is None or cached[0] is not self.text:
            cached = self.__dict__["_id_of_text"] = (self.text, content_key(self.text))
        return cached[1]

    def as_json(self) -> dict:
        return {
            "id": self.article_id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
        }


EVENT_TYPES = ("meeting", "treaty", "troops")
# Finest first: a day is more precise than a month, which is more precise than a year.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


@dataclass(frozen=True)
class EventDate:
    """A date with its precision: day, month, year, or unknown (value None)."""

    value: date | None
    precision: str = "unknown"

    def as_text(self) -> str | None:
        if self.value is None:
            return None
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


UNKNOWN_DATE = EventDate(None, "unknown")


@dataclass
class Mention:
    event_type: str
    subtype: str
    actor1: str
    actor2: str
    date: EventDate
    sentence: str
    confidence: float
    article: Article
    sentence_index: int
    count: int | None = None
    count_note: str | None = None  # "between 10,000 and 12,000": what the text said when count is a bound
    reported_by: list[str] = field(default_factory=list)
    location: str | None = None

    @property
    def pair(self) -> str:
        return "-".join(sorted((self.actor1, self.actor2)))

    @property
    def mention_id(self) -> str:
        return short_hash(self.article.article_id, self.sentence_index, self.event_type,
                          self.subtype, self.actor1, self.actor2, self.date.as_text())

    def as_json(self) -> dict:
        return {
            "event_type": self.event_type,
            "subtype": self.subtype,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "date": self.date.as_text(),
            "date_precision": self.date.precision,
            "count": self.count,
            "reported_by": list(self.reported_by),
            "location": self.location,
            "article": self.article.as_json(),
            "sentence": self.sentence,
            "confidence": round(self.confidence, 2),
        }


class InputError(Exception):
    """An input that could not be read; str() is the one-line message for the user."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
