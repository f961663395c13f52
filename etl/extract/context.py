"""What the rules know about one sentence while they read it: its countries, dates, roles and clauses."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from etl.extract.dates import DateSpan, grammar
from etl.extract.rules import Rules
from etl.extract.sentences import clause_bounds
from etl.gazetteer import CountryMention
from etl.model import Article, EventDate, Mention

BASE_CONFIDENCE = 0.9
HEDGE_REACH = 40  # characters after a trigger within which a hedge still governs it
TROOP_STORY_WINDOW = 3  # sentences back in which a troop report goes on: "some of them", "these soldiers", a withdrawal step


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
    sources: set[int] = field(default_factory=set)  # starts of the mentions an "according to" names
    asides: set[int] = field(default_factory=set)  # mentions inside "since the invasion of Ukraine": no party
    addressed: list[tuple[int, int, str, str]] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)  # every trigger word in the sentence
    earlier: list[str] = field(default_factory=list)  # the sentences before, latest last
    hedge_at: int = 1 << 30  # where the sentence's first hedge starts
    hedge_end: int = 1 << 30  # where its reach ends: a clause of fact after it (", as he received Lee")
    since: set[int] = field(default_factory=set)
    recent_pair: list[str] | None = None  # the last two countries named as actors before this sentence
    last_person: str | None = None  # the country of the last person named before this sentence
    recent: list[str] = field(default_factory=list)  # countries named as actors before, latest first
    recent_places: list[str] = field(default_factory=list)  # countries named as places before, latest first
    opens_article: bool = False  # the first sentence of a text that goes on: the news the article opens with
    _claim_verbs: list[tuple[int, int]] | None = None

    def claim_verbs(self) -> list[tuple[int, int]]:
        """Where the sentence's claim verbs stand, found once: each trigger's date asks for the next one."""
        if self._claim_verbs is None:
            self._claim_verbs = [m.span() for m in self.rules.claim_verbs.finditer(self.text)]
        return self._claim_verbs

    @property
    def narrative(self) -> EventDate | None:
        """The last date of the sentence before, read only when an undated event asks for it."""
        if not self.earlier:
            return None
        g, text = grammar(self.rules.language), self.earlier[-1]
        spans = g.find(text, self.anchor)
        spans += g.told_days(text, self.earlier[:-1], self.anchor, spans)  # "Horas después, Ottawa obtuvo..."
        return max(spans, key=lambda span: span.end).date if spans else None

    def dates_of(self, event_type: str) -> list[DateSpan]:
        """The dates an event of this type may take. "His first visit since taking office in July":
        July dates the taking of office, not the visit; troops "stationed since 2022" did arrive then."""
        return self.dates if event_type == "troops" else [d for d in self.dates if d.start not in self.since]


def clause_of(ctx: SentenceContext, position: int) -> tuple[int, int]:
    for start, end in clause_bounds(ctx.text, ctx.rules.clause_breaks):
        if start <= position < end:
            return start, end
    return 0, len(ctx.text)


def facing(r: Rules, text: str, position: int) -> bool:
    """"contre les forces ukrainiennes": an enemy marker governs the phrase right after it, not a
    country past a comma or a number ("par 188 voix contre 6, l'adhésion de la Suède")."""
    marker = None
    for marker in r.enemy_markers.finditer(text, max(0, position - 30), position):
        pass
    # "are fighting in Kursk": a place after the marker is where, not whom.
    return (marker is not None and not re.search(r"[,;\d]", text[marker.end():position])
            and not r.location_before.search(text[max(0, position - 30):position]))


def claimants_for(ctx: SentenceContext, position: int) -> list[str]:
    claimants = [iso for verb, isos in ctx.claimants.items() if verb < position for iso in isos]
    return unique(claimants + ctx.according)


def claims(ctx: SentenceContext, c: CountryMention, position: int) -> bool:
    """Whether this mention of a country is who makes the claim of an event at position, not a party:
    the source of an "according to", or a country before a claim verb that comes before the event
    ("Die USA haben nach Angaben des Pentagons ... verlegt": the USA act, the Pentagon tells).)"""
    return c.start in ctx.sources or any(verb < position and c.start < verb and c.iso3 in isos
                                         for verb, isos in ctx.claimants.items())


def new_mention(ctx: SentenceContext, article: Article, event_type: str, subtype: str, actor1: str,
             actor2: str, when: tuple[EventDate, bool], position: int) -> Mention:
    date_value, inherited = when
    alleged = ctx.rules.allegations.search(ctx.text, *clause_of(ctx, position))
    confidence = BASE_CONFIDENCE * (0.8 if alleged else 1.0) * (0.9 if inherited else 1.0)
    reported = [c for c in claimants_for(ctx, position) if c not in (actor1, actor2) or event_type == "troops"]
    return Mention(event_type=event_type, subtype=subtype, actor1=actor1, actor2=actor2, date=date_value,
                   sentence=ctx.text, confidence=confidence, article=article, sentence_index=ctx.index,
                   reported_by=reported)


def unique(items) -> list[str]:
    return list(dict.fromkeys(items))
