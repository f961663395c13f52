"""Calendar arithmetic for resolved dates: days and months checked, offsets by day, week, month, year."""
from __future__ import annotations

from datetime import date, timedelta

from etl.model import EventDate

MIN_YEAR, MAX_YEAR = 1900, 2100


def day_of(year: int, month: int, day: int) -> EventDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return EventDate(date(year, month, day), "day")
    except ValueError:
        return None


def month_start(year: int, month: int) -> EventDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    return EventDate(date(year, month, 1), "month")


def shift(anchor: date, unit: str, offset: int) -> EventDate:
    try:
        return _shift_unsafe(anchor, unit, offset)
    except (OverflowError, ValueError):
        return EventDate(None, "unknown")  # "yesterday" of 1 January of year 1 has no date


def _shift_unsafe(anchor: date, unit: str, offset: int) -> EventDate:
    if unit == "day":
        return EventDate(anchor + timedelta(days=offset), "day")
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return EventDate(monday.replace(day=1), "month")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        return EventDate(date(index // 12, index % 12 + 1, 1), "month")
    if unit == "year":
        return EventDate(date(anchor.year + offset, 1, 1), "year")
    raise ValueError(unit)


def month_of(anchor: date) -> EventDate:
    return EventDate(anchor.replace(day=1), "month")
