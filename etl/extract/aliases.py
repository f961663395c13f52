"""People named in full earlier in an article, found again by one of their names ("Lee", "Starmer")."""
from __future__ import annotations

import re

from etl.gazetteer import CountryMention

NAME_TOKEN = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


class ArticleNames:
    """Short forms learnt from full names in this article: the first and last word of each person's
    name. Middle words ("Son" in Choe Son Hui) are left out, since they are often common words,
    and a form two countries' people share is not used."""

    def __init__(self) -> None:
        self.country_of: dict[str, set[str]] = {}
        self.pattern: re.Pattern | None = None

    def learn(self, mentions: list[CountryMention]) -> None:
        changed = False
        for m in mentions:
            tokens = NAME_TOKEN.findall(m.text)
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
        if self.pattern is None:
            return known
        extra = [CountryMention(m.start(), m.end(), next(iter(self.country_of[m.group(0)])), "person", m.group(0))
                 for m in self.pattern.finditer(text)
                 if not any(k.start <= m.start() < k.end or m.start() <= k.start < m.end() for k in known)]
        return sorted(known + extra, key=lambda c: c.start) if extra else known
