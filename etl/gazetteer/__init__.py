"""Find countries in text: names, capitals, seats of power, adjectives and office holders.

Names come from CLDR (Babel) in each language; the rest from data files:
etl/lang/<lang>/places.yaml and etl/gazetteer/officeholders.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml
from babel import Locale

from etl import lang
from etl.gazetteer.trie import pattern_for

OFFICEHOLDERS = Path(__file__).with_name("officeholders.yaml")
PLACE_KINDS = ("names", "capitals", "seats", "adjectives", "cities")
KIND_OF = {"names": "name", "capitals": "capital", "seats": "seat", "adjectives": "adjective", "cities": "city"}
# CLDR codes that are not ISO 3166-1 countries but are treated as such in news.
EXTRA_ISO2 = {"XK": "XKX"}


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    iso3: str
    kind: str  # name | capital | seat | adjective | person | city (where, never who)
    text: str


@dataclass(frozen=True)
class Entry:
    iso3: str
    kind: str
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table.update(EXTRA_ISO2)
    return table


@lru_cache(maxsize=None)
def cldr_names(language: str) -> dict[str, str]:
    """iso3 -> the country's name in the language, from CLDR."""
    try:
        territories = Locale.parse(language).territories
    except Exception:  # unknown locale: no names rather than a crash
        return {}
    codes = iso2_to_iso3()
    return {codes[k]: v for k, v in territories.items() if k in codes}


@lru_cache(maxsize=1)
def officeholders() -> list[dict]:
    if not OFFICEHOLDERS.exists():
        return []
    return yaml.safe_load(OFFICEHOLDERS.read_text(encoding="utf-8")) or []


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


class Gazetteer:
    def __init__(self, languages: tuple[str, ...]):
        self.forms: dict[str, set[Entry]] = {}
        for language in languages:
            for iso3, name in cldr_names(language).items():
                self._add(name, Entry(iso3, "name"))
            places = lang.load(language, "places")
            for kind in PLACE_KINDS:
                for iso3, forms in (places.get(kind) or {}).items():
                    for form in forms or []:
                        self._add(form, Entry(iso3, KIND_OF[kind]))
            for members, forms in (places.get("groups") or {}).items():
                for form in forms or []:
                    for iso3 in members.split():
                        self._add(form, Entry(iso3, "group"))
            for forms in (places.get("ambiguous") or {}).values():
                for form in forms or []:
                    # Kept as a form of no country, so a longer phrase ("Washington Post", "Latin
                    # American", "Nazi Germany") wins over the country word inside it.
                    self.forms[form.strip()] = set()
        for person in officeholders():
            entry = Entry(person["country"], "person", _as_date(person.get("from")), _as_date(person.get("to")))
            for form in (person.get("names") or []) + (person.get("short") or []):
                self._add(form, entry)
        self.pattern = pattern_for(self.forms, compounds=languages == ("de",))
        # "deutsch-indischen", "sino-russe", "US-Japan": two countries joined by a hyphen, each a party.
        self.combining: dict[str, str] = {}
        for language in languages:
            for iso3, forms in (lang.load(language, "places").get("combining") or {}).items():
                for form in forms or []:
                    self.combining[form] = iso3

    def _add(self, form: str, entry: Entry) -> None:
        form = form.strip()
        if len(form) < 2:
            return
        self.forms.setdefault(form, set()).add(entry)
        # Adjectives open sentences too ("Russe" is rare, "Russian" is already capitalised).
        if entry.kind == "adjective" and form[0].islower():
            self.forms.setdefault(form[0].upper() + form[1:], set()).add(entry)

    def find(self, text: str, on: date | None = None) -> list[CountryMention]:
        found = self._joined(text, on) if "-" in text else []
        taken = [(c.start, c.end) for c in found]
        for match in self.pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            entries = self.forms.get(match.group(0), ())
            iso3s = {e.iso3 for e in entries if e.valid_on(on)}
            if not iso3s and on is not None:
                # A person out of office on that day is still most likely their country.
                iso3s = {e.iso3 for e in entries if e.iso3}
            if None in iso3s:
                continue  # in an international post that day ("Rutte" at NATO): no country
            if entries and all(e.kind == "group" for e in entries):
                found += _group_mentions(match, sorted(iso3s))
                continue
            if len(iso3s) != 1:
                continue
            iso3 = iso3s.pop()
            # A name that is also a capitalised adjective ("Siria", "China", "Polen") is the name: Spanish and
            # French adjectives are lower-case, and the capitalised form is only there for sentence starts.
            kind = next(e.kind for e in sorted(entries, key=lambda e: (e.kind == "adjective", e.kind)) if e.iso3 == iso3)
            found.append(CountryMention(match.start(), match.end(), iso3, kind, match.group(0)))
        return sorted(found, key=lambda c: c.start) if taken else found

    def _one(self, form: str, on: date | None) -> tuple[str, str] | None:
        entries = [e for e in self.forms.get(form, ()) if e.kind in ("name", "adjective") and e.valid_on(on)]
        iso3s = {e.iso3 for e in entries}
        return (iso3s.pop(), entries[0].kind) if len(iso3s) == 1 else None

    def _joined(self, text: str, on: date | None) -> list[CountryMention]:
        """"deutsch-indischen", "sino-russes", "US-Japan", "ruso-ucraniana": a first part that is a country
        (a name, an adjective, its stem "deutsch", or a combining form "sino") and a second that is one."""
        found = []
        for match in JOINED.finditer(text):
            first, second = match.group(1), match.group(2)
            right = self._one(second, on)
            left = (self._one(first, on) or next((self._one(first + end, on) for end in STEMS
                                                 if self._one(first + end, on)), None)
                    or ((self.combining[first.lower()], "adjective") if first.lower() in self.combining else None))
            if left and right and left[0] != right[0]:
                found.append(CountryMention(match.start(1), match.end(1), left[0], left[1], first))
                found.append(CountryMention(match.start(2), match.end(2), right[0], right[1], second))
        return found


# Two words joined by a hyphen, not inside a longer compound ("nord-coréen" is one form and matches whole).
JOINED = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")
STEMS = ("e", "en", "o", "a")  # "deutsch" + e is "deutsche", "rus" + o "ruso": an adjective's stem


def _group_mentions(match: re.Match, members: list[str]) -> list[CountryMention]:
    """"les deux pays nordiques": one mention per member, each on its share of the phrase, in order."""
    start, width = match.start(), max(1, (match.end() - match.start()) // len(members))
    return [CountryMention(start + i * width, match.end() if i == len(members) - 1 else start + (i + 1) * width,
                           iso3, "name", match.group(0)) for i, iso3 in enumerate(members)]


@lru_cache(maxsize=None)
def gazetteer(language: str | None) -> Gazetteer:
    languages = (language,) if language in lang.available() else lang.available()
    return Gazetteer(languages)


@lru_cache(maxsize=1)
def country_names() -> dict[str, dict[str, str]]:
    """iso3 -> {language: name} for the countries table."""
    table: dict[str, dict[str, str]] = {}
    for language in ("en",) + tuple(l for l in lang.available() if l != "en"):
        for iso3, name in cldr_names(language).items():
            table.setdefault(iso3, {})[language] = name
    return table
