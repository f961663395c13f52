"""Strikes a state makes on another, told with no troops named: "Indien griff mehrere pakistanische
Luftwaffenstützpunkte an", "Israel struck Syrian military sites", "Tailandia bombardeó objetivos en
territorio camboyano". The subject is a country; the target is a country's adjective or name after the
verb (or inside a German verb's brace)."""
from __future__ import annotations

import re

from etl.extract.context import HEDGE_REACH, Trigger, claims, new_mention
from etl.extract.when import date_for
from etl.model import Mention

TARGET_REACH = 60  # characters after the strike verb within which the target country stands
SUBJECTS = ("name", "capital", "seat")
# Words that may follow a country struck; any other lower-case word makes the name attributive ("the US tariffs").
AFTER_OBJECT = {"in", "on", "at", "from", "with", "and", "after", "before", "since", "overnight", "again", "en", "el",
                "la", "le", "les", "au", "aux", "à", "dans", "depuis", "par", "et", "des", "de", "du", "del", "desde",
                "durante", "por", "y", "am", "im", "seit", "von", "mit", "und", "der", "die", "das", "den"}


def _attributive(text: str, end: int) -> bool:
    after = re.match(r"\s+(\w+)", text[end:end + 30])
    return bool(after) and after.group(1)[0].islower() and after.group(1) not in AFTER_OBJECT


def _struck(ctx, verb, c) -> bool:
    """Whether the country is what was struck: its land ("sites in Pakistan", "en territorio camboyano"),
    its name as the object ("attacked Ukraine"), or its adjective by a military or territorial noun
    ("pakistanische Luftwaffenstützpunkte", "Pakistani border posts"); not "attacked the US tariffs"."""
    r, text = ctx.rules, ctx.text
    if c.start in ctx.location or (c.kind == "name" and len(text[verb.end():c.start].split()) <= 1
                                   and not _attributive(text, c.end)):
        return True
    return c.kind == "adjective" and bool(r.strike_targets.search(text, max(verb.start(), c.start - 30), c.end + 30))


def strikes(ctx, countries, start, end, article, found) -> list[Mention]:
    r, text = ctx.rules, ctx.text
    if any(m.event_type == "troops" for m in found):
        return []  # the clause's troops already tell it
    made = []
    for verb in r.strikes.finditer(text, start, end):
        hedged = not (verb.end() + HEDGE_REACH < ctx.hedge_at or verb.start() >= ctx.hedge_end)  # as for triggers
        if hedged or r.negations.search(text, max(start, verb.start() - 25), verb.start()):
            continue
        # "un caza F-16 tailandés bombardeó": where adjectives follow their noun, the striker's adjective.
        kinds = SUBJECTS + ("adjective",) if r.adjective_after else SUBJECTS
        subject = next((c for c in reversed(countries) if start <= c.start and c.end <= verb.start() and c.kind in kinds
                        and c.start not in ctx.location and not claims(ctx, c, verb.start())
                        and not re.search(r"[,;:]", text[c.end:verb.start()])), None)
        if subject is None:
            continue
        target = next((c for c in countries if verb.start() < c.start <= verb.end() + TARGET_REACH and c.end <= end
                       and c.iso3 != subject.iso3 and not claims(ctx, c, verb.start())
                       and "," not in text[verb.end():c.start] and _struck(ctx, verb, c)), None)
        if target is None or any(m.actor1 == subject.iso3 and m.actor2 == target.iso3 for m in made):
            continue
        trigger = Trigger("troops", "combat", verb.start(), verb.end())
        when = date_for(ctx, trigger, [trigger], start, end, [], "troops", "", "combat")
        made.append(new_mention(ctx, article, "troops", "combat", subject.iso3, target.iso3, when, verb.start()))
    return made
