"""Who the parties of an event are when the sentence names more countries than take part."""
from __future__ import annotations

import re

from etl.gazetteer import CountryMention


def joined_subjects(text: str, countries: list[CountryMention], location: set[int], conjunctions: re.Pattern,
                    position: int) -> list[str] | None:
    """"Putin and Iranian President Pezeshkian signed": the joined subjects just before the verb are
    the parties, whatever other countries the sentence names. None unless there are two or more."""
    before = [c for c in countries if c.end <= position and c.start not in location]
    if not before or len(text[before[-1].end:position].split()) > 4:
        return None
    chain = [before[-1]]
    for c in reversed(before[:-1]):
        gap = text[c.end:chain[-1].start]
        if c.iso3 == chain[-1].iso3 and len(gap.split()) <= 3:
            chain[-1] = c  # "Iranian President Masoud Pezeshkian": one subject
            continue
        joined = conjunctions.search(gap) or re.fullmatch(r"\s*,\s*(?:\w{1,3}\s+)?", gap)  # ", the "
        if not joined or len(gap.split()) > 5:
            break
        chain.append(c)
    parties = list(dict.fromkeys(c.iso3 for c in reversed(chain)))
    return parties if len(parties) >= 2 else None
