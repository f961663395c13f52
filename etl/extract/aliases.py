"""People named in full earlier in an article, found again by one of their names ("Lee", "Starmer");
countries named earlier, found again by a short form that means them only then ("le Nord")."""
from __future__ import annotations

import re
from functools import lru_cache

from etl import lang
from etl.gazetteer import CountryMention

NAME_TOKEN = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
# Generational suffixes end a name but are not what a later sentence calls the person by.
SUFFIXES = {"Jr", "Sr", "II", "III", "IV", "Junior", "Senior"}


class ArticleNames:
    """Short forms learnt from full names in this article: the first and last word of each person's
    name. Middle words ("Son" in Choe Son Hui) are left out, since they are often common words,
    and a form two countries' people share is not used."""

    def __init__(self, language: str | None = None) -> None:
        self.country_of: dict[str, set[str]] = {}
        self.pattern: re.Pattern | None = None
        self.short_forms = _short_forms(language)
        self.named: set[str] = set()  # countries the article has named

    def learn(self, mentions: list[CountryMention]) -> None:
        changed = False
        self.named |= {m.iso3 for m in mentions}
        for m in mentions:
            tokens = NAME_TOKEN.findall(m.text)
            while tokens and tokens[-1] in SUFFIXES:
                tokens.pop()
            if m.kind != "person" or len(tokens) < 2:
                continue
            for token in {tokens[0], tokens[-1]}:
                if len(token) >= 3 and token[0].isupper() and m.iso3 not in self.country_of.get(token, set()):
                    self.country_of.setdefault(token, set()).add(m.iso3)
                    changed = True
        if changed:
            forms = sorted((t for t, isos in self.country_of.items() if len(isos) == 1), key=len, reverse=True)
            self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])") if forms else None

    def find(self, text: str, known: list[CountryMention]) -> list[CountryMention]:
        """Known mentions plus the short forms outside them, in order of position."""
        found = [CountryMention(m.start(), m.end(), next(iter(self.country_of[m.group(0)])), "person", m.group(0))
                 for m in self.pattern.finditer(text)] if self.pattern else []
        # "le Nord a dépêché 10 000 hommes": North Korea, once the article has named it.
        found += [CountryMention(m.start(), m.end(), iso3, "name", m.group(0))
                  for iso3, pattern in self.short_forms if iso3 in self.named for m in pattern.finditer(text)]
        extra = [m for m in found if not any(k.start <= m.start < k.end or m.start <= k.start < m.end for k in known)]
        return sorted(known + extra, key=lambda c: c.start) if extra else known


@lru_cache(maxsize=None)
def _short_forms(language: str | None) -> tuple[tuple[str, re.Pattern], ...]:
    if language not in lang.available():
        return ()
    forms = lang.load(language, "places").get("short_forms") or {}
    return tuple((iso3, re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])"))
                 for iso3, patterns in forms.items() if patterns)
