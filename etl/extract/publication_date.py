"""The publication date an article states on a line of its own ('Le 19/11/2024 à 06h53')."""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from etl import lang
from etl.extract.dates import grammar


def find_publication_date(text: str, language: str | None) -> datetime | None:
    """The date a line of the article states it was published ('Le 19/11/2024 à 06h53')."""
    languages = [language] if language in lang.available() else list(lang.available())
    for code in languages:
        found = _publication_line(text, code)
        if found:
            return found
    return None


@lru_cache(maxsize=None)
def _publication_pattern(language: str) -> re.Pattern:
    data = lang.load(language, "dates")
    prefixes = "|".join(data.get("publication_prefixes", []))
    return re.compile(rf"^\s*(?:(?:{prefixes})\s*:?\s*)?(?P<date>.{{6,40}}?){data.get('time_pattern', '')}\s*\.?\s*$",
                      re.IGNORECASE)


def _publication_line(text: str, language: str) -> datetime | None:
    g = grammar(language)
    if g is None:
        return None
    pattern = _publication_pattern(language)
    for line in text.splitlines():
        if not line.strip() or len(line) > 120:
            continue
        match = pattern.match(line)
        if not match:
            continue
        spans = g.find(match.group("date"), anchor=None)
        if len(spans) == 1 and spans[0].date.precision == "day" and spans[0].end - spans[0].start >= len(match.group("date").strip()) - 1:
            day = spans[0].date.value
            time = match.groups()[1:3]
            hour, minute = (int(time[0]), int(time[1])) if len(time) == 2 and time[0] else (0, 0)
            try:
                return datetime(day.year, day.month, day.day, hour, minute)
            except ValueError:
                return datetime(day.year, day.month, day.day)
    return None
