"""Meetings in a clause: who visits, hosts, calls or talks with whom, and when."""
from __future__ import annotations

import itertools
import re

from etl.extract.context import HEDGE_REACH, SentenceContext, Trigger, new_mention
from etl.extract.parties import who
from etl.extract.troops import read_count
from etl.extract.when import BACK_REFERENCE_REACH, date_after, date_for, listed_dates, own_date, visit_start
from etl.gazetteer import CountryMention
from etl.model import EventDate, Mention

MEETING_PARTNER_WINDOW = 3  # sentences back in which a one-sided meeting clause finds its partner


def meetings(ctx, triggers, countries, start, end, article, history) -> list[Mention]:
    r, text = ctx.rules, ctx.text
    meeting = [t for t in triggers if t.event_type == "meeting"]
    found = []
    for s, e, speaker, listener in ctx.addressed:
        if start <= s < end and (e + HEDGE_REACH < ctx.hedge_at or s >= ctx.hedge_end):
            when = date_for(ctx, Trigger("meeting", "talks", s, e), triggers, start, end, history,
                             "meeting", "-".join(sorted((speaker, listener))))
            found.append(new_mention(ctx, article, "meeting", "talks", speaker, listener, when, s))
    if not meeting:
        return found
    order = [name for name, _ in r.meeting]
    first = min(order.index(t.subtype) for t in meeting)
    # Of several triggers of that kind, the one with a date of its own tells the event: "a visit to
    # the National Cemetery returns the favour of Yoon's trip to Tokyo in March".
    trigger = min((t for t in meeting if order.index(t.subtype) == first),
                  key=lambda t: (date_after(ctx, t, triggers, end) is None, t.start))
    # "trafen russische Militärausbilder in Niamey ein": troops inside the visit's words are who arrived.
    if (trigger.subtype == "visit" and r.troop_nouns.search(text, max(start, trigger.start - 40), trigger.end)) or (
            trigger.subtype in ("visit", "talks") and _troops_are_the_guests(r, text, trigger, end)) or (
            trigger.subtype == "visit" and r.troop_nouns.search(text, start, end)
            and not any(c.kind == "person" and start <= c.start < end for c in ctx.countries)):
        # "49 soldados de Costa de Marfil fueron detenidos nada más aterrizar en Bamako", "aterrizó en
        # Niamey un avión ruso con 100 instructores": with troops and no one named, no leader visits.
        # "US troops arrived in Poland", "Belarus hosts Russian troops", "Am Sonntag trafen rund 300
        # US-Soldaten in Polen ein": a deployment, not a visit
        return found
    guests = _guests(ctx, trigger, countries, end)
    if guests:
        return found + [new_mention(ctx, article, "meeting", trigger.subtype, guest, host, when, trigger.start)
                        for guest, host, when in guests]
    parties = who(ctx, countries, trigger.start, start, end, history, "meeting", MEETING_PARTNER_WINDOW)
    parties = _one_host(ctx, countries, trigger, parties)
    parties = _named_pair(ctx, countries, trigger, parties)
    if len(parties) < 2:
        return found
    hosts = {c.iso3 for c in countries if c.start in ctx.location}
    host_verb = r.host_verbs.search(text, start, end)
    if host_verb and not hosts:  # "Der Kanzler empfing in Berlin den französischen Präsidenten": Berlin hosts
        hosts = _hosts_of(ctx, countries, host_verb, parties, start)
    place = next((c.text for c in countries if c.start in ctx.location and c.kind in ("capital", "seat")), None)
    pairs = list(itertools.combinations(parties, 2))
    # "They met in Singapore in June 2018, in Hanoi in February 2019 and at the border in June 2019".
    listed = [(span.date, False) for span in listed_dates(ctx, date_after(ctx, trigger, triggers, end),
                                                           triggers, trigger, end)]
    for a, b in pairs:
        visitor, other = (b, a) if a in hosts and b not in hosts else (a, b)
        pair = "-".join(sorted((a, b)))
        if any(m.pair == pair for m in found):
            continue
        told = date_for(ctx, trigger, triggers, start, end, history, "meeting", pair)
        if trigger.subtype == "visit" and not listed:
            told = visit_start(ctx, told, start, end)
        subtype = trigger.subtype
        if subtype == "talks" and place is None and not hosts and _call_just_told(ctx, history, pair):
            subtype = "call"  # "Trump calificó la conversación de muy amistosa": the call told just before
        for when in [told] + listed:
            mention = new_mention(ctx, article, "meeting", subtype, visitor, other, when, trigger.start)
            mention.location = place
            if len(pairs) > 1:
                mention.confidence *= 0.8
            found.append(mention)
    return found + _later_meeting(ctx, trigger, meeting, triggers, start, end, article, found, place)


def _later_meeting(ctx, trigger: Trigger, meeting: list[Trigger], triggers, start: int, end: int, article,
                   found: list[Mention], place: str | None) -> list[Mention]:
    """"Arrivée en Russie la semaine dernière, Choe Son Hui avait tenu vendredi à Moscou des consultations":
    a later meeting word of another kind, with a day of its own (after it, or just before it), or joined by
    "and" ("first met in Vladivostok in 2019 and held a second summit ... in September last year"), is a
    meeting of its own between the same sides; not an apposition on the same meeting ("leur première
    rencontre depuis l'élection en mars")."""
    told = {m.date for m in found}
    sides = list(dict.fromkeys((m.actor1, m.actor2) for m in found if m.event_type == "meeting"))
    for later in meeting:
        if later.subtype == trigger.subtype:
            continue
        after = later.start > trigger.end  # else an earlier word: "first met ... in 2019 and held a second summit"
        own = own_date(ctx, later, triggers, start, end) or next(
            (span for span in reversed(ctx.dates_of("meeting")) if trigger.end <= span.start
             and 0 <= later.start - span.end <= BACK_REFERENCE_REACH), None)
        between = ctx.text[trigger.end:later.start] if after else ctx.text[later.end:trigger.start]
        joined = (ctx.rules.conjunctions.search(between) and "," not in between) or (
            after and ctx.rules.since_clauses.search(between))
        inside = own is not None and (own.start >= trigger.end if after else own.end <= trigger.start)
        if not inside or own.date in told or not (own.date.precision == "day" or joined):
            continue
        made = [new_mention(ctx, article, "meeting", later.subtype, a, b, (own.date, False), later.start) for a, b in sides]
        for mention in made:
            mention.location = place
        return made
    return []


def _call_just_told(ctx, history, pair: str) -> bool:
    return any(m.event_type == "meeting" and m.subtype == "call" and m.pair == pair
               and ctx.index - m.sentence_index <= MEETING_PARTNER_WINDOW for m in history)


def _troops_are_the_guests(r, text: str, trigger: Trigger, end: int) -> bool:
    """"acoge a miles de soldados rusos", "hosts about 10,000 US troops": a host verb whose object is
    counted troops (a number or few words between); not "accueilli avec les honneurs militaires". An
    arrival right before troops ("aterrizaron en Niamey instructores militares rusos") is theirs."""
    noun = r.troop_nouns.search(text, trigger.end, min(end, trigger.end + 40))
    if noun and not r.host_verbs.fullmatch(text, trigger.start, trigger.end):
        # "aterrizaron en Niamey instructores militares rusos": the troops are who arrived.
        return len(text[trigger.end:noun.start()].split()) <= 3
    if noun is None:
        return False
    between = text[trigger.end:noun.start()]
    counted = re.search(r"\d", between) or read_count(text, noun.start(), [], r.counts)[0]
    return bool(counted) or len(between.split()) <= 2


def _named_pair(ctx: SentenceContext, countries: list[CountryMention], trigger: Trigger, parties: list[str]) -> list[str]:
    """A subject before the trigger and a partner named by it: "su reunión en Pekín con el jefe del
    Gobierno español" (with whom), "su tercer viaje a China" (where to). Other countries of the clause
    are what they talked about ("la ofensiva arancelaria de Donald Trump"), not parties."""
    if len(parties) <= 2:
        return parties
    r, text = ctx.rules, ctx.text
    subjects = [c for c in countries if c.end <= trigger.start and c.start not in ctx.location and c.iso3 in parties]
    if not subjects:
        return parties
    partner = None
    if r.host_verbs.fullmatch(text, trigger.start, trigger.end):
        # "Xi Jinping a reçu jeudi ... le dirigeant nord-coréen Kim Jong Un": the guest named after the verb.
        partner = next((c for c in countries if c.start >= trigger.end and c.start not in ctx.location
                        and c.iso3 != subjects[-1].iso3), None)
    elif trigger.subtype == "visit":
        partner = next((c for c in countries if c.start in ctx.location and 0 <= c.start - trigger.end <= 20), None)
    if partner is None:
        with_ = r.with_prepositions.search(text, trigger.end, trigger.end + 60)
        partner = next((c for c in countries if with_ and 0 <= c.start - with_.end() <= 40
                        and c.iso3 not in {s.iso3 for s in subjects}), None)
    if partner is None or partner.iso3 not in parties:
        return parties
    return list(dict.fromkeys([subjects[-1].iso3, partner.iso3]))


def _hosts_of(ctx: SentenceContext, countries: list[CountryMention], verb: re.Match, parties: list[str],
              start: int) -> set[str]:
    """Who hosts by a host verb: its subject, the first party before it ("Xi Jinping hat Russlands
    Präsidenten Putin in Peking empfangen": Xi, though both stand before the participle); in the
    passive, the agent after it ("Putin wurde von Kim Jong Un empfangen")."""
    text, r = ctx.text, ctx.rules
    if r.passive_auxiliary.search(text, start, verb.start()):
        agent = r.agent_preposition.search(text, verb.end(), verb.end() + 40) or \
            r.agent_preposition.search(text, start, verb.start())
        after = [c for c in countries if agent and agent.end() <= c.start and c.iso3 in parties]
        return {after[0].iso3} if after else set()
    before = [c for c in countries if start <= c.start and c.end <= verb.start() and c.iso3 in parties
              and c.start not in ctx.location]
    if before:
        return {before[0].iso3}
    # No subject before: "Accueilli mardi ... par son homologue" (an agent after), or German putting the
    # verb second ("anschließend empfing Bundespräsident Steinmeier den Gast"): the first party after it.
    agent = r.agent_preposition.search(text, verb.end(), verb.end() + 60)
    after = [c for c in countries if verb.end() <= c.start and c.iso3 in parties and c.start not in ctx.location
             and (r.verb_second or (agent and agent.end() <= c.start))]
    return {after[0].iso3} if after else set()


def _one_host(ctx: SentenceContext, countries: list[CountryMention], trigger: Trigger, parties: list[str]) -> list[str]:
    """"Poutine s'était rendu à Pékin ..., peu avant le début de la guerre en Ukraine": one side named
    and several places: the place right after the trigger (else the last before it) is the host; the
    others only say where something else happened."""
    actors = {c.iso3 for c in countries if c.start not in ctx.location}
    places = [c for c in countries if c.start in ctx.location and c.iso3 in parties and c.iso3 not in actors]
    if len(actors & set(parties)) != 1 or len({c.iso3 for c in places}) < 2:
        return parties
    after = [c for c in places if c.start >= trigger.end]
    host = (after[0] if after else places[-1]).iso3
    return [p for p in parties if p in actors or p == host]


def _guests(ctx: SentenceContext, trigger: Trigger, countries: list[CountryMention],
            end: int) -> list[tuple[str, str, tuple[EventDate, bool]]]:
    """"Trump hosted Macron on Monday and Starmer on Thursday": each guest met the host, on the
    date written after the guest, and the guests did not meet each other. Empty unless two guests."""
    text = ctx.text
    if not ctx.rules.host_verbs.fullmatch(text, trigger.start, trigger.end):
        return []
    hosts = [c for c in countries if c.end <= trigger.start and c.start not in ctx.location]
    if not hosts:
        return []
    host = hosts[-1].iso3
    comma = text.find(",", trigger.end, end)
    stop = end if comma < 0 else comma  # "..., both of whom urged him not to abandon Kyiv": not a guest
    return [(guest, host, (own, False) if own else date_for(ctx, trigger, [trigger], 0, end, [], "meeting", ""))
            for guest, own in partners_after(ctx, trigger, countries, host, stop)]


def partners_after(ctx: SentenceContext, trigger: Trigger, countries: list[CountryMention], subject: str,
                    stop: int) -> list[tuple[str, EventDate | None]]:
    """The countries after a trigger, each with the date written between it and the next one (None
    where there is none); empty unless there are two."""
    first: dict[str, int] = {}
    for c in countries:
        if trigger.end <= c.start < stop and c.iso3 != subject and c.start not in ctx.location:
            first.setdefault(c.iso3, c.start)
    if len(first) < 2:
        return []
    starts = sorted(first.values()) + [stop]
    dates = ctx.dates_of(trigger.event_type)
    return [(partner, next((span.date for span in dates if position < span.start < starts[starts.index(position) + 1]),
                           None)) for partner, position in first.items()]
