"""What the rules know about one sentence while they read it: its countries, dates, roles and clauses."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from etl.extract.dates import DateSpan
from etl.extract.rules import Rules
from etl.extract.sentences import clause_bounds
from etl.gazetteer import CountryMention
from etl.model import EventDate


@dataclass
class Trigger:
    event_type: str
    subtype: str
    start: int
    end: int


@dataclass
class SentenceContext:
    text: str
    index: int
    countries: list[CountryMention]
    dates: list[DateSpan]
    rules: Rules
    anchor: date | None
    location: set[int] = field(default_factory=set)  # starts of country mentions used as places
    claimants: dict[int, list[str]] = field(default_factory=dict)  # claim position -> iso3s
    according: list[str] = field(default_factory=list)
    addressed: list[tuple[int, int, str, str]] = field(default_factory=list)
    narrative: EventDate | None = None  # the last date of the sentence before, if it had one
    hedge_at: int = 1 << 30  # where the sentence's first hedge starts


def clause_of(ctx: SentenceContext, position: int) -> tuple[int, int]:
    for start, end in clause_bounds(ctx.text, ctx.rules.clause_breaks):
        if start <= position < end:
            return start, end
    return 0, len(ctx.text)
