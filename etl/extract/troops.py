"""Troop counts: "plus de 10.000 soldats" is 10000, "more than 11,000 troops" is 11000.

A count is a lower bound: "between 10,000 and 12,000" is 10000 and "thousands of" 1000, each
with a note of what the text said, so a reader sees the range behind the number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MULTIPLIERS = {"mille": 1_000, "thousand": 1_000, "tausend": 1_000, "mil": 1_000,
               "million": 1_000_000, "millions": 1_000_000, "millionen": 1_000_000, "millones": 1_000_000}
NUMBER = re.compile(
    r"(?<![\w.,^])(\d+[.,]\d{1,2}(?=\s*(?:millions?|millionen|millones|mil|thousand|mille|tausend)\b)|\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:\s*(mille|thousand|tausend|mil|millions?|millionen|millones))?"
    r"((?:\s+(?!\d)[\w'.-]+){0,4})\s*$",  # words between number and noun ("U.S."), not another number
    re.IGNORECASE)
# Units of time after a number: "zehn Jahren", "two years", "dix ans", "diez años" count no one.
TIME_UNITS = re.compile(r"(?:jahr|year|ans?\b|année|año|tag|day|jour|día|dia|woche|week|semaine|semana|monat|month|mois|mes|"
                        r"stunde|hour|heure|hora|minute|minuto)", re.IGNORECASE)
# Shares of a force, in the four languages: "une partie de", "a third of", "die Hälfte der".
PARTS = re.compile(r"(?:partie|part|parte|teil|moitié|mitad|hälfte|half|tiers|tercio|drittel|third|quart|cuarto|viertel|quarter)$")
MAX_COUNT = 10_000_000  # more soldiers than any army has is a misreading, not a count
DIGITS = r"(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:\s*(mille|thousand|tausend|mil|millions?|millionen|millones))?"


@dataclass(frozen=True)
class CountWords:
    """A language's words around counts (etl/lang/<lang>/events.yaml, section troops)."""

    number_words: dict[str, int]
    lower_bound: re.Pattern  # "more than", ending where the number starts
    range_start: re.Pattern  # "10,000 and", ending where the upper end starts
    plural_numbers: list[tuple[re.Pattern, int]]  # "thousands of", ending up to four words before the noun
    after: re.Pattern  # "[troops] numbering about", "[Soldaten] liegt bei": a count told after the noun
    number_noun: re.Pattern  # "die Zahl der", ending where the troop noun's phrase starts
    after_number: re.Pattern  # "[die Zahl der US-Soldaten] auf 45.000": a count after a number noun's phrase


def count_words(troops: dict, words) -> CountWords:
    joiners = "|".join(troops.get("range_joiners") or []) or "(?!)"
    plural = sorted((troops.get("plural_numbers") or {}).items(), key=lambda kv: -len(kv[0]))
    after = "|".join(troops.get("count_after") or []) or "(?!)"
    bound = "|".join(troops.get("lower_bound") or []) or "(?!)"
    return CountWords(
        number_words={k.lower(): int(v) for k, v in (troops.get("number_words") or {}).items()},
        lower_bound=re.compile(words(troops.get("lower_bound")).pattern + r"\s*$", re.IGNORECASE),
        range_start=re.compile(DIGITS + rf"\s*(?:(?:{joiners})\s+|[-–]\s*)$", re.IGNORECASE),
        plural_numbers=[(re.compile(rf"(?<![\w-]){re.escape(k)}((?:(?:\s+|(?<=['’]))[\w'-]+){{0,4}})\s*$", re.IGNORECASE), v)
                        for k, v in plural],
        after=_after(after, bound),
        number_noun=re.compile(rf"(?<!\w)(?:{troops.get('number_noun') or '(?!)'})(?!\w)", re.IGNORECASE),
        after_number=_after("|".join(troops.get("number_prepositions") or []) or "(?!)", bound))


def _after(words: str, bound: str) -> re.Pattern:
    # Within a few words of the noun, no sentence break or other number between them.
    return re.compile(rf"[^.;:\d]{{0,30}}?(?<![\w-])(?:{words})\s+(?:(?:{bound})\s+)?(?:(?:about|around|some|environ|"
                      rf"quelque|unos|unas|alrededor de|rund|etwa|knapp|gut)\s+)?{DIGITS}(?![\w.,]\d)", re.IGNORECASE)


def _value(digits_text: str, multiplier: str | None) -> int:
    decimal = re.fullmatch(r"(\d+)[.,](\d{1,2})", digits_text) if multiplier else None
    if decimal:  # "1.5 million", "1,5 millones"
        return round(float(f"{decimal.group(1)}.{decimal.group(2)}") * MULTIPLIERS.get(multiplier.lower(), 1))
    return int(re.sub(r"\D", "", digits_text)) * MULTIPLIERS.get((multiplier or "").lower(), 1)


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
    if end < len(tokens) and TIME_UNITS.match(tokens[end]):
        return None  # "nach gut zehn Jahren kehrt die Bundeswehr": years, not soldiers
    if end < len(tokens) and PARTS.match(tokens[end]):
        return None  # "une partie de ses hommes", "la mitad de sus soldados": a share, not a head count
    value = words_value(tokens[start:end], table) if start < end else 0
    return value if 0 < value <= MAX_COUNT else None  # "cent cent cent ..." is no head count


def count_after(text: str, noun_start: int, noun_end: int, words: CountWords, end: int) -> int | None:
    """"Die Zahl der US-Soldaten liegt bei 35.000", "troops numbering about 9,000", "put the number of
    US troops there at 45,000": the count after the noun."""
    match = words.after.match(text, noun_end, end)
    if not match and words.number_noun.search(text, max(0, noun_start - 50), noun_start):
        match = words.after_number.match(text, noun_end, end)
    if not match:
        return None
    value = _value(match.group(1), match.group(2))
    return value if 1 < value <= MAX_COUNT and not (1900 <= value <= 2100 and len(match.group(1)) == 4) else None


def count_before(text: str, position: int, dates: list[tuple[int, int]] = (),
                 number_words: dict[str, int] | None = None) -> int | None:
    """The number that counts the troops named at position, read from the words before it."""
    return read_count(text, position, dates, number_words=number_words)[0]


def read_count(text: str, position: int, dates: list[tuple[int, int]] = (), words: CountWords | None = None,
               number_words: dict[str, int] | None = None) -> tuple[int | None, str | None]:
    """The count of the troops named at position, as a lower bound, and a note when the text gave more
    than one number ("entre 10 000 et 12 000") or a bound ("more than 11,000", "thousands of").

    Numbers inside date expressions ("le 7 novembre que des troupes") are not counts; numbers
    in words ("dix mille", "fifteen hundred") count when the language lists its number words.
    """
    number_words = words.number_words if words else number_words
    offset = max(0, position - 60)
    window = text[offset:position]
    match = NUMBER.search(window)
    if not match:
        for pattern, value in (words.plural_numbers if words else []):
            plural = pattern.search(window)
            if plural:
                return value, window[plural.start():plural.start(1)].strip()
        return (count_in_words(window, number_words) if number_words else None), None
    said_end = match.end(2) if match.group(2) else match.end(1)
    spelled = count_in_words(window[said_end:], number_words) if number_words else None
    if spelled and spelled > 1:
        return spelled, None  # "im Jahr 2021 wurden zwölf deutsche Soldaten": the nearer number counts them
    if any(start <= offset + match.start(1) < end for start, end in dates):
        return None, None
    if TIME_UNITS.match(match.group(3).strip()):
        return None, None  # "after 10 years, the Bundeswehr": a length of time, not a head count
    if not re.sub(r"\D", "", match.group(1)):
        return None, None
    value = _value(match.group(1), match.group(2))
    if re.fullmatch(r"\d{4}", match.group(1)) and 1900 <= value <= 2100 and not match.group(2):  # not "2,000"
        return None, None  # a year, not a head count
    if not 0 < value <= MAX_COUNT:
        return None, None
    before = window[:match.start(1)]
    if words:
        low = words.range_start.search(before)
        if low and value / 100 <= _value(low.group(1), low.group(2)) < value:
            return _value(low.group(1), low.group(2)), " ".join(window[low.start():said_end].split())
        bound = words.lower_bound.search(before)
        if bound:
            return value, " ".join(window[bound.start():said_end].split())
    return value, None
