"""Where troops are when the clause does not say it plainly: a place referred to ("in the country",
"dort", "auf seinem Territorium"), the story's last place for the sender, the country left after a
withdrawal verb, countries told in sequence, and places where a source speaks, which are not theirs."""
from __future__ import annotations

import re

from etl.extract.context import Trigger, claims
from etl.gazetteer import CountryMention
from etl.model import Mention

# "entered southern Lebanon", "quittent le nord du Mali": part of the country the verb takes.
COMPASS = re.compile(r"(?i:\s+(?:the |le |la |l'|el |den |die )?(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|"
                     r"(?:nord|sud)(?:-(?:est|ouest))?|est|ouest|norte|sur|este|oeste|noreste|sureste|noroeste|suroeste|"
                     r"(?:Nord|Süd)(?:ost|west)?en|Osten|Westen)(?: du| de la| de l'| de| del| des)?\s*)")
SENDER_STORY_WINDOW = 8  # sentences back in which a sender's troops with no place named were last placed
PLACE_REFERENCE_REACH = 60  # characters after the troops within which "in the country" says where they are


def where_told(ctx, c: CountryMention, noun: Trigger) -> bool:
    """Whether a place is where a source speaks: inside the comma-bounded stretch of a claim verb that
    does not hold the troops ("..., teilte der Geheimdienst in Seoul mit", "..., the agency in Seoul said")."""
    text = ctx.text
    left = max(text.rfind(",", 0, c.start), text.rfind(";", 0, c.start)) + 1
    right = min(i for i in (text.find(",", c.end), text.find(";", c.end), len(text)) if i >= 0)
    return not left <= noun.start < right and any(left <= v < right for v, _ in ctx.claim_verbs())


def told_in_sequence(ctx, countries, receiver: CountryMention, end: int, sender: str):
    """"avait quitté le Mali en août 2022, puis le Niger en décembre 2023": each country after a
    sequence word, with a date of its own right after it, is the same deed at that date."""
    r, text = ctx.rules, ctx.text
    previous, told = receiver, []
    for c in countries:
        if c.start <= previous.start or c.start >= end or c.iso3 == sender:
            continue
        gap = text[previous.end:c.start]
        if len(gap) > 45 or "," not in gap or not r.sequence_words.search(gap) or r.troop_nouns.search(gap):
            break
        when = next((d.date for d in ctx.dates if c.end <= d.start <= c.end + 6), None)
        if when is None:
            break
        told.append((c, when))
        previous = c
    return told


def host_before(ctx, countries, noun: Trigger, start: int, sender: str) -> CountryMention | None:
    """"Bielorrusia acoge a miles de soldados rusos", "Poland hosts 10,000 US troops": the subject of a host
    verb just before the troops receives them."""
    verb = None
    for verb in ctx.rules.host_verbs.finditer(ctx.text, max(start, noun.start - 40), noun.start):
        pass
    if verb is None:
        return None
    return next((c for c in reversed(countries) if c.end <= verb.start() and c.start not in ctx.location
                 and c.iso3 != sender and not claims(ctx, c, noun.start)), None)


def place_before_relative(ctx, noun: Trigger, sender: str) -> CountryMention | None:
    """"otros 1.000 a Rumanía, donde ya había más de 900 militares estadounidenses": troops told in a
    clause opened by 'where' are in the country that the relative follows."""
    relative = last_place_relative(ctx, 0, noun.start)
    if relative is None:
        return None
    return next((c for c in ctx.countries if c.end == relative.start() and c.iso3 != sender), None)


def last_place_relative(ctx, start: int, position: int) -> re.Match | None:
    """The last 'where' before position with no clause break after it."""
    relative = None
    for relative in ctx.rules.place_relatives.finditer(ctx.text, start, position):
        pass
    if relative is None or ctx.rules.clause_breaks.search(ctx.text, relative.end(), position):
        return None
    return relative


def host_told_before(ctx, history, sender: str) -> tuple[CountryMention | None, Mention | None]:
    """"Cientos de soldados norcoreanos han muerto en los combates": a count of losses or fighters with
    no country saying where is where the article's troop report of that sender just before put them, or,
    further back, where all of them did ("zwölf deutsche Soldaten verwundet" in a story of the Bundeswehr in Mali)."""
    reports = [m for m in history if m.event_type == "troops" and m.actor1 == sender]
    earlier = next((m for m in reversed(reports) if ctx.index - m.sentence_index <= SENDER_STORY_WINDOW), None)
    if earlier is None and len({m.actor2 for m in reports}) == 1:
        earlier = reports[-1]
    if earlier is None:
        # "Afghan forces attacked Pakistani border posts ... 23 Pakistani soldiers were killed": losses of the
        # side attacked in the fighting just told are in the fight with its attacker.
        attacked = next((m for m in reversed(history) if m.event_type == "troops" and m.subtype == "combat"
                         and m.actor2 == sender and ctx.index - m.sentence_index <= SENDER_STORY_WINDOW), None)
        return (CountryMention(0, 0, attacked.actor1, "name", attacked.actor1), attacked) if attacked else (None, None)
    return CountryMention(0, 0, earlier.actor2, "name", earlier.actor2), None


def country_referred_to(ctx, noun: Trigger, start: int, end: int, sender: str, after,
                         history=()) -> CountryMention | None:
    """"troops were stationed in the country", "die dort stationierten US-Soldaten": the place is where
    the sender's troop report just before put them, else the country named last before this sentence,
    other than the sender, unless a place is named first."""
    ref = ctx.rules.place_references.search(ctx.text, max(start, noun.start - 25), min(end, noun.end + PLACE_REFERENCE_REACH))
    if ref is None or any(c.start < ref.start() for c in after):
        return None
    # "En Rumanía hay 4.000 soldados estadounidenses, mientras que Francia tiene allí 1.000": a place of this sentence.
    # "aus dem Tschad abgezogen und dort seine letzte Basis geräumt": so is the country they left.
    here = [c for c in ctx.countries if c.end <= ref.start() and c.iso3 != sender and (
        c.start in ctx.location or ctx.rules.withdrawal_from.search(ctx.text, max(0, c.start - 9), c.start))]
    if here:
        return CountryMention(ref.start(), ref.end(), here[-1].iso3, "name", ref.group(0))
    if ctx.rules.possessive_words.search(ref.group(0)):
        # "Belarus hatte ... russische Soldaten auf seinem Territorium aufmarschieren lassen": the subject's soil.
        subject = next((c for c in ctx.countries if c.end <= noun.start and c.iso3 != sender and c.kind in ("name", "capital")
                        and c.start not in ctx.location), None)
        if subject:
            return CountryMention(ref.start(), ref.end(), subject.iso3, "name", ref.group(0))
    told, _ = host_told_before(ctx, history, sender)
    # "den Abzug ihrer Soldaten aus dem Land": the country last named as a place, else as a party.
    iso3 = told.iso3 if told else next((c for c in ctx.recent_places + ctx.recent if c != sender), None)
    return CountryMention(ref.start(), ref.end(), iso3, "name", ref.group(0)) if iso3 else None


def left_after_verb(ctx, countries, noun: Trigger, end: int, sender: str | None) -> CountryMention | None:
    """"cruzaron de Malí a Níger", "withdrew from Mali to Niger": the country after the withdrawal verb's
    own preposition is the one left, before any place they went to."""
    r, text = ctx.rules, ctx.text
    verb = dict(r.troop_subtypes)["withdrawal"].search(text, noun.end, end)
    if verb is None:
        return None
    first = next((c for c in countries if verb.end() <= c.start and c.iso3 != sender), None)
    if first is None or first.start - verb.end() > 12 or "," in text[verb.end():first.start]:
        return None
    return first if r.withdrawal_from.search(text, max(verb.start(), first.start - 8), first.start) else None


def undated_gap(ctx, start: int, end: int) -> int:
    """Characters from start to end outside the dates between them: "verließen im August den Niger"."""
    inside = sum(max(0, min(end, d.end) - max(start, d.start)) for d in ctx.dates) if end > start else 0
    return end - start - inside
