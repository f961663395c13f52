"""Treaty steps in a clause: which step, between whom, on which date."""
from __future__ import annotations

import itertools
import re

from etl.extract.context import SentenceContext, Trigger, claimants_for, new_mention, unique
from etl.extract.meetings import partners_after
from etl.extract.parties import parties_in, who
from etl.extract.when import date_after, date_for, listed_dates, own_date
from etl.gazetteer import CountryMention
from etl.model import EventDate, Mention

LATER_STEPS = ("ratified", "in_force", "suspended")


def _dated_partners(ctx: SentenceContext, trigger: Trigger, countries: list[CountryMention],
                    start: int, end: int) -> list[tuple[str, str, EventDate]]:
    """"Tokyo has signed similar accords with Australia, in January 2022, and with Britain, in January
    2023": one subject, each partner after the trigger with its own date. Empty unless two partners,
    each dated before the next one is named: the partners did nothing with each other."""
    claimants = claimants_for(ctx, trigger.start)
    subjects = [c for c in countries if start <= c.start and c.end <= trigger.start
                and c.start not in ctx.location and c.iso3 not in claimants]
    if not subjects:
        return []
    subject = subjects[-1].iso3
    partners = partners_after(ctx, trigger, countries, subject, end)
    if not partners or any(own is None for _, own in partners):
        return []
    return [(subject, partner, own) for partner, own in partners]


RELATIVE = re.compile(r",\s+(?:das|die|den|der|welche[sn]?|which|that|qui|que|lequel|laquelle|el cual|la cual)\s", re.IGNORECASE)


def _noun_before_relative(r, text: str, start: int) -> re.Match | None:
    """"dem Sicherheitsabkommen auf, das Sunak am 12. Januar ... unterzeichnet hatte": a relative clause
    right after a treaty noun tells of that treaty."""
    if start == 0 or not RELATIVE.match(text, start):
        return None
    before = None
    for before in r.treaty_nouns.finditer(text, max(0, start - 40), start):
        pass
    return before if before and len(text[before.end():start].split()) <= 1 else None  # "auf, das": a verb particle


def treaties(ctx, triggers, countries, start, end, article, history) -> list[Mention]:
    r, text = ctx.rules, ctx.text
    noun = r.treaty_nouns.search(text, start, end) or _noun_before_relative(r, text, start)
    steps = [t for t in triggers if t.event_type == "treaty"]
    if not noun:
        # "La Douma l'a ratifié": a ratification or entry into force without the noun continues
        # the treaty the article already told of.
        steps = [t for t in steps if t.subtype in ("ratified", "in_force")]
        if not steps or not any(m.event_type == "treaty" for m in history):
            return []
    if not steps:
        if r.topic_before.search(text, max(start, noun.start() - 20), noun.start()) or r.accession.fullmatch(
                text, noun.start(), noun.end()):
            # "um mit Orban über den Beitritt zu sprechen": what was talked about; an accession is not signed.
            return []
        steps = [Trigger("treaty", r.treaty_default, noun.start(), noun.end())]
    if any(t.subtype in LATER_STEPS for t in steps):
        # "ratified the treaty concluded with Pyongyang": an undated signing beside a later step is background.
        steps = [t for t in steps if t.subtype in LATER_STEPS or date_after(ctx, t, triggers, end)]
    found = []
    seen = set()
    for step in steps:
        partners = _dated_partners(ctx, step, countries, start, end)
        if partners:
            found += [new_mention(ctx, article, "treaty", step.subtype, a, b, (when, False), step.start)
                      for a, b, when in partners]
            continue
        own = own_date(ctx, step, triggers, start, end)
        # "La Douma l'a ratifié le 24 octobre, puis le Conseil de la Fédération le 6 novembre": one step, two dates.
        listed = listed_dates(ctx, own, triggers, step, end)
        found += _treaty_step(ctx, step, own, countries, triggers, start, end, article, history, seen)
        for span in listed:
            found += _treaty_step(ctx, step, span, countries, triggers, start, end, article, history, seen)
    return found


def _treaty_step(ctx, step, own, countries, triggers, start, end, article, history, seen) -> list[Mention]:
    """The mentions of one step: one per pair, at the step's own date if it has one."""
    # One mention per step and date: "the Duma ratified it on 24 October, the Council on 6 November".
    if (step.subtype, own and own.date) in seen:
        return []
    seen.add((step.subtype, own and own.date))
    # "la Douma l'a ratifié": one side named, the treaty the article is about.
    parties = who(ctx, countries, step.start, start, end, history, "treaty", None)
    if step.subtype == "ratified" and len(parties) == 1:
        parties = _ratifying_the_same(history, parties[0]) or parties
    if len(parties) == 1 and ctx.rules.similar.search(ctx.text, start, end):
        parties = _similar_deal(history, parties[0]) or parties
    pairs = list(itertools.combinations(parties, 2))
    owners = _accession_owners(ctx, countries, start, end, parties) if step.subtype == "ratified" else []
    if owners:
        # "Der Bundestag hatte dem Beitritt Finnlands und Schwedens zugestimmt": the owners joined by
        # "und" are no subjects; the ratifiers are the other countries of the clause.
        ratifiers = [p for p in parties if p not in owners] or [
            p for p in parties_in(ctx, [c for c in countries if c.start not in ctx.location], step.start) if p not in owners]
        pairs = [(p, owner) for owner in owners for p in ratifiers] or pairs
    found = []
    for a, b in pairs:
        when = (own.date, False) if own else date_for(ctx, step, triggers, start, end, history, "treaty",
                                                       "-".join(sorted((a, b))), step.subtype)
        mention = new_mention(ctx, article, "treaty", step.subtype, a, b, when, step.start)
        if len(pairs) > 3:
            mention.confidence *= 0.8
        found.append(mention)
    if step.subtype == "signed" and len(pairs) == 1 and not _visit_told(history, found[0]):
        found += _signed_on_a_visit(ctx, countries, start, end, found[0], article)
    return found


def _ratifying_the_same(history, ratifier: str) -> list[str] | None:
    """"Die Türkei hatte im Januar grünes Licht gegeben": one more country ratifying what the article's
    last ratification was of (Sweden's accession), when nothing before pairs it with anyone."""
    earlier = next((m for m in reversed(history) if m.event_type == "treaty" and m.subtype == "ratified"), None)
    return [ratifier, earlier.actor2] if earlier and ratifier not in (earlier.actor1, earlier.actor2) else None


def _similar_deal(history, party: str) -> list[str] | None:
    """"Finland signed a defence deal with the US ... Sweden signed a similar deal on December 5": the new
    party stands where the latest treaty's first party stood, across from its second."""
    latest = next((m for m in reversed(history) if m.event_type == "treaty" and party not in (m.actor1, m.actor2)), None)
    return [party, latest.actor2] if latest else None


VISIT_DAYS = 3  # a visit told within this many days before a signing is the visit the signing took place on


def _visit_told(history, signing) -> bool:
    """"Xi arrived in Moscow on Monday ... signed on Tuesday at the Kremlin": the visit is already told."""
    day = signing.date.value if signing.date.precision == "day" else None
    return day is not None and any(
        m.event_type == "meeting" and m.pair == signing.pair and m.date.precision == "day" and m.date.value
        and 0 <= (day - m.date.value).days <= VISIT_DAYS for m in history)


def _signed_on_a_visit(ctx: SentenceContext, countries: list[CountryMention], start: int, end: int,
                       signing: Mention, article) -> list[Mention]:
    """"Macron et Zelensky ont signé vendredi à l'Élysée": a leader signing in the other side's capital
    or seat of power is there on a visit, on the day of the signing."""
    pair = {signing.actor1, signing.actor2}
    hosts = {c.iso3 for c in countries if c.start in ctx.location and c.kind in ("capital", "seat", "city")
             and c.iso3 in pair}
    # A leader by name or by title ("le président ukrainien"): not the country itself ("l'Ukraine a signé").
    leaders = {c.iso3 for c in countries if c.kind in ("person", "adjective") and c.start not in ctx.location}
    if len(hosts) != 1 or not signing.date.value or not (pair - hosts) <= leaders:
        return []
    (host,), (guest,) = hosts, pair - hosts
    visit = new_mention(ctx, article, "meeting", "visit", guest, host, (signing.date, False), start)
    visit.confidence = signing.confidence * 0.9
    return [visit]


def _accession_owners(ctx: SentenceContext, countries: list[CountryMention], start: int, end: int,
                      ratifiers: list[str]) -> list[str]:
    """The countries whose accession a clause ratifies: "Finland's accession", "l'adhésion de la Suède",
    "dem Beitritt Finnlands und Schwedens"; for "its accession", "su ingreso", "den Beitritt", the
    sentence's first country that does not ratify."""
    r, text = ctx.rules, ctx.text
    noun = r.accession.search(text, start, end)
    if not noun:
        return []
    named = [c for c in countries if c.kind != "person"]
    first = None
    for c in named:
        if c.end <= noun.start() and re.fullmatch(r"(?:'s)?\s+(?:NATO\s+|Nato-)?|\s*", text[c.end:noun.start()]):
            first = c
            break
        if noun.end() <= c.start and re.fullmatch(r"\s+(?:(?:of|de|d'|del|von)\s*)?(?:la\s+|l'|the\s+)?",
                                                  text[noun.end():c.start]):
            first = c
            break
    if first is None:
        if r.accession_pronouns.search(text, max(0, noun.start() - 12), noun.start()) or len(set(ratifiers)) == 1:
            subject = next((c for c in ctx.countries if c.start not in ctx.location and c.kind != "person"
                            and c.iso3 not in ratifiers), None)
            return [subject.iso3] if subject and subject.start < noun.start() else []
        return []
    owners = [first]
    for c in named[named.index(first) + 1:]:  # "Finnlands und Schwedens", "de la Finlande et de la Suède"
        gap = text[owners[-1].end:c.start]
        if not re.fullmatch(r"(?:'s)?\s*(?:,\s*)?(?:" + r.conjunctions.pattern + r")?\s*(?:(?:of|de|d'|del)\s*)?(?:la\s+|l'|the\s+)?", gap):
            break
        owners.append(c)
    return unique(c.iso3 for c in owners)
