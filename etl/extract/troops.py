"""Troop counts: "plus de 10.000 soldats" is 10000, "more than 11,000 troops" is 11000."""
from __future__ import annotations

import re

MULTIPLIERS = {"mille": 1_000, "thousand": 1_000, "tausend": 1_000, "mil": 1_000,
               "million": 1_000_000, "millions": 1_000_000, "millionen": 1_000_000, "millones": 1_000_000}
NUMBER = re.compile(
    r"(?<![\w.,^])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:\s*(mille|thousand|tausend|mil|millions?|millionen|millones))?"
    r"((?:\s+[\w'-]+){0,4})\s*$",
    re.IGNORECASE)
MAX_COUNT = 10_000_000  # more soldiers than any army has is a misreading, not a count


def words_value(words: list[str], table: dict[str, int]) -> int:
    """'mille cinq cents' is 1500, 'ten thousand' 10000: hundreds multiply what precedes them, thousands close it."""
    total, current = 0, 0
    for word in words:
        value = table[word]
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def count_in_words(window: str, table: dict[str, int]) -> int | None:
    """A number in words ending at most four words before the noun: "onze mille [hommes]"."""
    tokens = re.findall(r"[\w']+", window.lower())
    end = len(tokens)
    while end > 0 and tokens[end - 1] not in table and len(tokens) - end < 4:
        end -= 1
    start = end
    while start > 0 and tokens[start - 1] in table:
        start -= 1
    return words_value(tokens[start:end], table) or None if start < end else None


def count_before(text: str, position: int, dates: list[tuple[int, int]] = (),
                 number_words: dict[str, int] | None = None) -> int | None:
    """The number that counts the troops named at position, read from the words before it.

    Numbers inside date expressions ("le 7 novembre que des troupes") are not counts; numbers
    in words ("dix mille", "fifteen hundred") count when the language lists its number words.
    """
    offset = max(0, position - 60)
    window = text[offset:position]
    match = NUMBER.search(window)
    if not match:
        return count_in_words(window, number_words) if number_words else None
    if any(start <= offset + match.start(1) < end for start, end in dates):
        return None
    digits = re.sub(r"\D", "", match.group(1))
    if not digits:
        return None
    value = int(digits) * MULTIPLIERS.get((match.group(2) or "").lower(), 1)
    if len(digits) == 4 and 1900 <= value <= 2100 and not match.group(2):
        return None  # a year, not a head count
    return value if 0 < value <= MAX_COUNT else None
