"""Counts told beside a troop report, with no troop noun of their own: another contingent ("2,500 in
Iraq and 900 in Syria"), a rival claim ("..., Kiew beziffert ihre Zahl auf etwa 12.000") and the part lost
("Of the 11,000 troops sent, 4,700 have been killed")."""
from __future__ import annotations

import re
from dataclasses import replace

from etl.extract.context import Trigger
from etl.extract.troops import read_count
from etl.gazetteer import CountryMention
from etl.model import Mention

# A count with no noun beside a place: ", in Südkorea rund 28.500", "and 900 in Syria", "y unos 900 en Siria".
BARE_COUNT = r"(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)"
COUNT_AFTER_PLACE = re.compile(r"\s+(?:[^\W\d]{2,12}\s+)?" + BARE_COUNT + r"\s*(?:[.,;)]|$)")
COUNT_BEFORE_PLACE = re.compile(r"(?<![\w.,])" + BARE_COUNT + r"\s+(?:[^\W\d]{1,3}\s+){1,2}$")


def elliptic_contingents(ctx, places, noun: Trigger, end: int) -> list[tuple[CountryMention, int]]:
    """"In Japan sind etwa 54.000 US-Soldaten stationiert, in Südkorea rund 28.500", "2,500 troops in Iraq
    and about 900 in Syria": a bare count beside a later place is another contingent of the same troops."""
    found = []
    for c in places:
        if c.start <= noun.end or c.end > end or c.kind not in ("name", "city"):
            continue
        told = COUNT_AFTER_PLACE.match(ctx.text, c.end) or COUNT_BEFORE_PLACE.search(ctx.text, max(noun.end, c.start - 30), c.start)
        if told is None or any(d.start <= told.start(1) < d.end for d in ctx.dates):
            continue
        value = int(re.sub(r"\D", "", told.group(1)))
        if value > 1 and not (1900 <= value <= 2100 and len(told.group(1)) == 4):
            found.append((c, value))
    return found


RIVAL_COUNT = re.compile(r"\s*(?:,\s*)?" + BARE_COUNT + r"(?:\s*(?:mille|thousand|tausend|mil))?\s*(?:[.;,)»\"”]|$)")
RIVAL_WORDS = 8  # words between a later country and its count: "beziffert ihre Zahl dagegen auf etwa"


def rival_claims(ctx, made: list[Mention]) -> list[Mention]:
    """"Seoul spricht von rund 10.000 nordkoreanischen Soldaten in Russland, Kiew beziffert ihre Zahl dagegen
    auf etwa 12.000", "Kiev parle de 12 000 soldats ..., Séoul de 11 000": a later country that gives a
    bare count at the end of its clause makes its own claim of the same troops (one report per claim)."""
    counted = [m for m in made if m.event_type == "troops" and m.count]
    if len({(m.actor1, m.actor2, m.count) for m in counted}) != 1:
        return []
    report, r, text = counted[0], ctx.rules, ctx.text
    first = re.search(r"\d", text)
    found = []
    for c in ctx.countries:
        if (c.kind == "adjective" or c.start in ctx.location or c.iso3 in report.reported_by + [report.actor2]
                or first is None or c.start < first.start() or any(c.iso3 in m.reported_by for m in found)):
            continue
        for told in RIVAL_COUNT.finditer(text, c.end):
            gap = text[c.end:told.start()]
            if len(gap.split()) > RIVAL_WORDS or re.search(r"\d", gap) or r.troop_nouns.search(gap) \
                    or any(c.end < o.start < told.start() for o in ctx.countries):
                break
            if not r.rival_gap.fullmatch(gap):
                continue
            count, note = read_count(text, told.end(1), [(d.start, d.end) for d in ctx.dates], r.counts)
            if count and count > 1 and count != report.count:
                found.append(replace(report, count=count, count_note=note, reported_by=[c.iso3]))
            break
    return found


# "Of the 11,000 troops sent to Kursk, around 4,700 have been killed": a part of the troops, and what befell it.
PART_COUNT = re.compile(r",?\s+(?:[^\W\d][\w'’-]*\s+){0,3}?" + BARE_COUNT + r"\s")
LOSS_REACH = 25  # characters after the part's count within which its loss word stands ("have been killed")


def part_lost(ctx, noun: Trigger, end: int) -> tuple[int, str | None] | None:
    """The count of the part lost when the troops at noun open with a partitive ("Of the", "Sur les", "Von
    den", "De los") and a later bare count is followed by a loss word; else None."""
    r, text = ctx.rules, ctx.text
    opening = r.partitives.search(text, max(0, noun.start - 60), noun.start)
    if opening is None or text[:opening.start()].strip(" ,–-") and not text[:opening.start()].rstrip().endswith((",", ":")):
        return None
    loss = dict(r.troop_subtypes)["casualties"]
    for told in PART_COUNT.finditer(text, noun.end, end):
        if loss.search(text, told.end(1), min(end, told.end(1) + LOSS_REACH)) and not any(
                d.start <= told.start(1) < d.end for d in ctx.dates):
            count, note = read_count(text, told.end(1), [(d.start, d.end) for d in ctx.dates], r.counts)
            return (count, note) if count else None
    return None
