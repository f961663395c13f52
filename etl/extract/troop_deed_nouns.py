"""Troop deeds told as nouns, with no troops named: withdrawals ("the withdrawal from Mali", "der Abzug aus
Mali") and invasions ("the Russian invasion of Ukraine in February 2022"); and the possessor that sends."""
from __future__ import annotations

import re

from etl.extract.context import TROOP_STORY_WINDOW, Trigger, claims, new_mention
from etl.extract.parties import joined_after
from etl.extract.when import date_for
from etl.gazetteer import CountryMention
from etl.model import Mention

def possessor(ctx, countries, noun: Trigger, start: int) -> str | None:
    """"Israel has strengthened its forces in Lebanon", "Francia completó su retirada de Malí": after a
    possessive, the clause's subject; "The U.S. Army said its task force had brought ...": with no other
    subject, the one who says."""
    if not ctx.rules.troop_possessives.search(ctx.text, max(start, noun.start - 30), noun.start):
        return None
    before = [c for c in countries if c.end <= noun.start and c.start not in ctx.location and c.kind != "adjective"]
    if not before:
        # "Rusia ... ha visto erosionarse su influencia: sus 2.000 soldados de paz abandonaron Karabaj": with no
        # subject in its clause, the possessive is the sentence's first subject's.
        before = [c for c in ctx.countries if c.end <= start and c.start not in ctx.location and c.kind == "name"][:1]
    subject = next((c for c in before if not claims(ctx, c, noun.start)), before[0] if before else None)
    return subject.iso3 if subject else None


def departures(ctx, countries, start, end, article, history, found) -> list[Mention]:
    """"its last foothold after forced departures from Mali, Burkina Faso and Niger", "der Abzug aus Mali":
    a withdrawal told as a noun, from the country (or the countries listed) right after its preposition.
    The sender is the country just before the noun ("France's withdrawal") or just after it ("le retrait
    français du Mali", "le retrait de la France du Mali"), else the sender of the troop report of this
    clause or of the last TROOP_STORY_WINDOW sentences; with none, it is no report."""
    r, text = ctx.rules, ctx.text
    made = []
    for match in r.departures.finditer(text, start, end):
        noun = Trigger("troops", "departure", match.start(), match.end())
        place = _country_left(ctx, countries, noun.end + 1)
        if place is None:
            continue
        named = [c for c in countries if c.kind in ("name", "adjective") and c.start not in ctx.location and (
            re.fullmatch(r"(?:'s)?\s+(?:[\w-]+\s+)?", text[c.end:noun.start]) or 0 < c.start - noun.end <= 2)]
        then_left = _country_left(ctx, countries, place.end + 1)  # "le retrait de la France du Mali"
        if then_left is not None:
            named, place = [place], then_left
        earlier = [m for m in found if m.event_type == "troops"] or [
            m for m in history if m.event_type == "troops" and ctx.index - m.sentence_index <= TROOP_STORY_WINDOW]
        sender = named[0].iso3 if named else possessor(ctx, countries, noun, start) or (
            earlier[-1].actor1 if earlier else None)
        if sender is None:
            continue
        listed = joined_after(text, countries, place, r.conjunctions)
        for left in [place] + [c for c in listed if c.end <= end]:
            if left.iso3 != sender and not any(m.actor1 == sender and m.actor2 == left.iso3 for m in found + made):
                when = date_for(ctx, noun, [noun], start, end, [], "troops", "")
                made.append(new_mention(ctx, article, "troops", "withdrawal", sender, left.iso3, when, noun.start))
    return made


def _country_left(ctx, countries, position: int) -> CountryMention | None:
    """The country after a withdrawal preposition at position ("from Mali", "du Mali"), past one word
    ("départs forcés du Mali"); a country's name, not a city ("his departure from Moscow")."""
    text, r = ctx.text, ctx.rules
    skipped = re.match(r"(?:[\w-]+\s+)?", text[position:position + 30])
    for at in {position, position + skipped.end()}:
        preposition = r.withdrawal_from.match(text, at)
        if preposition:
            return next((c for c in countries if c.kind == "name" and 0 <= c.start - preposition.end() <= 5), None)
    return None


INVASION_DATE_REACH = 30  # characters between an invasion's country and its date ("of Ukraine in February 2022")


def invasions(ctx, countries, start, end, article, found) -> list[Mention]:
    """"the Russian invasion of Ukraine in February 2022", "l'invasion russe de l'Ukraine, le 24 février",
    "der russische Einmarsch in die Ukraine": an invasion told as a noun is combat, from the country whose
    adjective or name stands by the noun into the one after its preposition; only when it is dated, since
    an undated "since the invasion" names a period more than it tells an event."""
    r, text = ctx.rules, ctx.text
    made = []
    countries = [c for c in countries if start <= c.start < end]
    for match in r.invasions.finditer(text, start, end):
        noun = Trigger("troops", "invasion", match.start(), match.end())
        named = [c for c in countries if c.kind in ("name", "adjective") and c.start not in ctx.location and (
            re.fullmatch(r"(?:'s)?\s+(?:[\w-]+\s+)?", text[c.end:noun.start]) or 0 < c.start - noun.end <= 2)]
        if not named:
            continue
        after = max([noun.end] + [c.end for c in named if c.start > noun.end])
        into = r.invaded.match(text, after + 1) if text[after:after + 1] == " " else None
        place = next((c for c in countries if into and c.kind == "name" and 0 <= c.start - into.end() <= 5), None)
        sender = named[0].iso3
        if place is None or place.iso3 == sender or any(
                m.actor1 == sender and m.actor2 == place.iso3 and m.subtype == "combat" for m in found + made):
            continue
        if ctx.hedge_at <= place.end + INVASION_DATE_REACH:
            continue  # "la invasión rusa de Ucrania podría empezar en cualquier momento"
        # Its own date only: right after the country invaded, or just before the noun.
        day = next((d for d in ctx.dates if place.end <= d.start <= place.end + INVASION_DATE_REACH
                    and re.fullmatch(r"[\s,]*(?:\w{1,3}\s+)?", text[place.end:d.start])), None) or next(
            (d for d in reversed(ctx.dates) if noun.start - INVASION_DATE_REACH <= d.end <= noun.start
             and re.fullmatch(r"[\s,]*(?:[\w']{1,5}\s*){0,2}", text[d.end:noun.start])), None)
        if day is not None and day.date.value is not None:
            made.append(new_mention(ctx, article, "troops", "combat", sender, place.iso3, (day.date, False), noun.start))
    return made
