"""Rules that turn one article into event mentions.

Per sentence: skip hedged sentences, find countries, dates and who claims what;
then per clause find meeting, treaty and troop triggers and the countries each binds.
Clauses keep a subordinate "au moment où la Corée du Nord est accusée d'envoyer des
soldats..." from lending its countries to the main clause's meeting.
"""
from __future__ import annotations

import itertools
import re

from etl.extract.aliases import ArticleNames
from etl.extract.context import SentenceContext, Trigger, claimants_for, clause_of, facing, new_mention, unique
from etl.extract.dates import grammar
from etl.extract.parties import joined_subjects
from etl.extract.rules import Rules, rules
from etl.extract.sentences import clause_bounds, split_sentences
from etl.extract.troop_reports import troop_reports, troops_again
from etl.extract.when import date_after, date_for, listed_dates, own_date, visit_start
from etl.gazetteer import CountryMention, gazetteer
from etl.model import Article, EventDate, Mention

# Typographic characters folded for matching; each maps one character to one, so offsets hold.
FOLD = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-"})
SINCE_REACH = 45  # characters before a date within which "since taking office" makes it the start of a period
HEDGE_REACH = 40  # characters after a trigger within which a hedge still governs it
SOURCE_REACH = 40  # characters after 'according to' within which its first source stands
NAMELESS_STEP_WINDOW = 3  # sentences back in which a step with no party named finds its treaty
MEETING_PARTNER_WINDOW = 3  # sentences back in which a one-sided meeting clause finds its partner
LATER_STEPS = ("ratified", "in_force", "suspended")


def extract(article: Article) -> list[Mention]:
    r = rules(article.language)
    g = grammar(article.language) if r else None
    if r is None or g is None:
        return []
    gaz = gazetteer(article.language)
    anchor = article.published.date() if article.published else None
    mentions: list[Mention] = []
    names = ArticleNames(article.language)
    recent: list[str] = []  # countries taking part in earlier sentences, latest last
    earlier: list[str] = []  # the sentences before, whose dates are read only when something needs them
    year_told: int | None = None  # the year last written in the article, for "in December of that year"
    for sentence in split_sentences(article.text):
        text = sentence.text.translate(FOLD)
        earlier.append(text)
        hedge = r.hedges.search(text)
        if hedge and hedge.start() <= HEDGE_REACH:
            continue
        countries = _outside_forums(r, text, names.find(text, gaz.find(text, anchor)))
        names.learn(countries)
        if not countries and not r.both_countries.search(text) and not (
                r.later_steps.search(text) and any(m.event_type == "treaty" for m in mentions)):
            continue  # "Parliament had backed it on Tuesday": a later step of the treaty told of goes on
        dates = g.find(text, anchor, year_told)
        year_told = next((d.date.value.year for d in reversed(dates) if d.year_written and d.date.value), year_told)
        told = g.told_days(text, earlier[:-1], anchor, dates)
        dates = sorted(dates + told, key=lambda span: span.start) if told else dates
        ctx = SentenceContext(text, sentence.index, countries, dates, r, anchor,
                              hedge_at=hedge.start() if hedge else len(text) + HEDGE_REACH + 1,
                              triggers=_sentence_triggers(r, text))
        ctx.earlier = earlier[:-1]
        ctx.since = {d.start for d in dates if r.period_starts.search(text, max(0, d.start - SINCE_REACH), d.start)}
        _mark_roles(ctx)
        ctx.recent_pair = unique(reversed(recent))[:2][::-1] if len(set(recent)) >= 2 else None
        recent += [c.iso3 for c in countries if c.start not in ctx.location]
        for start, end in _meeting_clauses(ctx, clause_bounds(text, r.clause_breaks)):
            for mention in _clause_mentions(ctx, start, end, article, mentions):
                mention.sentence = sentence.text
                mentions.append(mention)
    return mentions


def _outside_forums(r: Rules, text: str, countries: list[CountryMention]) -> list[CountryMention]:
    """"the Shanghai Cooperation Organisation" names a forum, not China."""
    forums = [(m.start(), m.end()) for m in r.multilateral.finditer(text)]
    return [c for c in countries if not any(s <= c.start < e for s, e in forums)] if forums else countries


def _mark_roles(ctx: SentenceContext) -> None:
    r, text = ctx.rules, ctx.text
    previous = None
    for c in ctx.countries:
        before = text[max(0, c.start - 30):c.start]
        if c.kind == "city" or (c.kind != "person" and r.location_before.search(before)):
            ctx.location.add(c.start)
        elif (previous is not None and previous.start in ctx.location and previous.kind in ("city", "capital")
              and text[previous.end:c.start] == ", " and c.kind == "name" and re.match(r"[,.;)]|$", text[c.end:c.end + 1])):
            ctx.location.add(c.start)  # "in Jeddah, Saudi Arabia": the country of the place, not a party
        elif c.kind == "adjective" and r.place_nouns.search(text[max(0, c.start - 25):c.start]):
            ctx.location.add(c.start)
        previous = c
    # "X a déclaré à Y": an address between two countries, not a claim.
    for verb in r.address_verbs.finditer(text):
        after = [c for c in ctx.countries if verb.end() <= c.start <= verb.end() + 50]
        before = [c for c in ctx.countries if c.end <= verb.start()]
        if not after or not before:
            continue
        gap = text[verb.end():after[0].start]
        prep = r.address_preposition
        if (prep and not gap.rstrip().endswith(f" {prep}") and gap.strip() != prep) or (not prep and len(gap.split()) > 4):
            continue
        speaker, listener = before[-1].iso3, after[0].iso3
        if speaker != listener:
            ctx.addressed.append((verb.start(), verb.end(), speaker, listener))
    for verb in r.claim_verbs.finditer(text):
        if any(s <= verb.start() < e for s, e, _, _ in ctx.addressed):
            continue
        if r.passive_before.search(text, max(0, verb.start() - 12), verb.start()):
            continue  # "North Korea is accused": the subject is accused, it claims nothing
        clause_start = clause_of(ctx, verb.start())[0]
        claimants = unique(c.iso3 for c in ctx.countries
                            if clause_start <= c.start and c.end <= verb.start() and c.start not in ctx.location)
        if claimants:
            ctx.claimants[verb.start()] = claimants
            break  # the first claim of a sentence governs what follows it
    for phrase in r.according_to.finditer(text):
        stop = text.find(",", phrase.end())
        stop = len(text) if stop < 0 else stop
        ctx.according += _source_chain(ctx, phrase.end(), stop)


def _source_chain(ctx: SentenceContext, start: int, stop: int) -> list[str]:
    """The countries an "according to" names: the first after it and those joined to it ("US and South
    Korean officials"); not the rest of the sentence ("Nach Angaben des südkoreanischen Geheimdienstes
    hat Nordkorea ... entsandt": North Korea is the sender, not a source)."""
    chain: list[CountryMention] = []
    for c in ctx.countries:
        if not start <= c.start < stop:
            continue
        if not chain:
            if c.start - start > SOURCE_REACH:
                break
        elif not re.fullmatch(r"\s*(?:,\s*)?(?:" + ctx.rules.conjunctions.pattern + r")?\s*(?:\w+\s+)?", ctx.text[chain[-1].end:c.start]):
            break
        chain.append(c)
    return [c.iso3 for c in chain]


def _meeting_clauses(ctx: SentenceContext, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Blinken was in Manila in March, and Biden pressed Xi in a telephone call on April 2": "and"
    before a new subject opens a clause when a meeting is told on each side; a list of countries
    ("Japan, South Korea, and the United States held talks") has no meeting before its "and"."""
    split = []
    meetings = [t.start for t in ctx.triggers if t.event_type == "meeting"]
    for start, end in bounds:
        for joint in ctx.rules.and_breaks.finditer(ctx.text, start, end):
            if any(start <= m < joint.start() for m in meetings) and any(joint.end() <= m < end for m in meetings):
                split.append((start, joint.start()))
                start = joint.start()
        split.append((start, end))
    return split


def _clause_mentions(ctx: SentenceContext, start: int, end: int, article: Article,
                     history: list[Mention]) -> list[Mention]:
    # "Russia could send troops", "the visit, which could take place next week": a hedge governs the
    # triggers after it and the one just before it; earlier facts in the sentence stand.
    triggers = [t for t in _triggers(ctx, start, end) if t.end + HEDGE_REACH < ctx.hedge_at]
    if not triggers and not any(start <= s < end for s, *_ in ctx.addressed):
        return []
    in_clause = [c for c in ctx.countries if start <= c.start < end]
    found: list[Mention] = []
    found += _meetings(ctx, triggers, in_clause, start, end, article, history)
    found += _treaties(ctx, triggers, in_clause, start, end, article, history)
    found += troop_reports(ctx, triggers, in_clause, start, end, article)
    found += troops_again(ctx, triggers, start, end, article, history, found)
    return found


def _sentence_triggers(r: Rules, text: str) -> list[Trigger]:
    """Every trigger word in the sentence, found once; each clause then takes its own. A step word
    inside a phrase that names a step is the phrase's ("signed the ratification law")."""
    return [Trigger(*r.trigger_kinds[m.lastgroup], m.start(), m.end()) for m in r.triggers.finditer(text)]


def _triggers(ctx: SentenceContext, start: int, end: int) -> list[Trigger]:
    r, text = ctx.rules, ctx.text
    found = []
    for t in ctx.triggers:
        if t.start < start or t.end > end or _negated(r, text, t.start, start):
            continue
        if t.event_type == "meeting" and t.subtype == "summit":
            after = r.multilateral.search(text, t.end, end)
            if (after and after.start() - t.end <= 25) or r.multilateral.search(text, max(start, t.start - 25), t.start):
                continue  # a G20 summit is not a bilateral meeting
        found.append(t)
    return found


def _negated(r: Rules, text: str, position: int, clause_start: int) -> bool:
    return bool(r.negations.search(text, max(clause_start, position - 25), position))


def _who(ctx: SentenceContext, countries: list[CountryMention], position: int, start: int, end: int,
         history: list[Mention], event_type: str, window: int | None) -> list[str]:
    """The parties of the event a trigger at `position` names, from the clause or, when it names
    one side or "the two leaders", from the article's earlier events."""
    r = ctx.rules
    parties = joined_subjects(ctx.text, countries, ctx.location, r.conjunctions, position) or _parties(ctx, countries, position)
    named = [p for p in parties if p in {c.iso3 for c in countries if c.start not in ctx.location}]
    if len(named) >= 2:
        parties = named  # "met in Riyadh", "signed in the Kremlin": where, not who
    elif r.both_countries.search(ctx.text, start, position) or (len(parties) < 2 and r.both_countries.search(ctx.text, start, end)):
        # "Les deux dirigeants s'étaient vus à Samarcande, en Ouzbékistan": the pair told of before, not the host.
        parties = _previous_pair(history, ctx.index) or ctx.recent_pair or parties
    if len(parties) == 1 and event_type == "treaty" and _group_before(history, parties[0], ctx.index):
        # "Australia, Britain and the US have signed ... It was signed in Washington on Monday": all three.
        parties = _group_before(history, parties[0], ctx.index)
    elif len(parties) == 1:
        parties = _partner_from_history(history, parties[0], event_type, ctx.index, window) or parties
    elif not parties and event_type == "treaty":
        # "Parliament had backed it": no one named, the treaty of the sentences just before.
        earlier = next((m for m in reversed(history) if m.event_type == "treaty"
                        and ctx.index - m.sentence_index <= NAMELESS_STEP_WINDOW), None)
        parties = [earlier.actor1, earlier.actor2] if earlier else []
    return parties


def _parties(ctx: SentenceContext, countries: list[CountryMention], position: int) -> list[str]:
    """Countries taking part, in order of appearance: not the claimants, not the enemy."""
    claimants = claimants_for(ctx, position)
    parties = []
    for c in countries:
        if c.iso3 in claimants and c.start < position:
            continue
        if any(max(position, verb - 40) < c.start < verb and c.iso3 in isos for verb, isos in ctx.claimants.items()):
            continue  # "The treaty took effect as Seoul, Washington and Kyiv say...": who says, not who signed
        if facing(ctx.rules, ctx.text, c.start) and c.kind != "person":
            continue
        parties.append(c.iso3)
    return unique(parties)


def _meetings(ctx, triggers, countries, start, end, article, history) -> list[Mention]:
    r, text = ctx.rules, ctx.text
    meeting = [t for t in triggers if t.event_type == "meeting"]
    found = []
    for s, e, speaker, listener in ctx.addressed:
        if start <= s < end and e + HEDGE_REACH < ctx.hedge_at:
            when = date_for(ctx, Trigger("meeting", "talks", s, e), triggers, start, end, history,
                             "meeting", "-".join(sorted((speaker, listener))))
            found.append(new_mention(ctx, article, "meeting", "talks", speaker, listener, when, s))
    if not meeting:
        return found
    order = [name for name, _ in r.meeting]
    trigger = min(meeting, key=lambda t: (order.index(t.subtype), t.start))
    if trigger.subtype == "visit" and r.troop_nouns.search(text, max(start, trigger.start - 40), trigger.start):
        return found  # "US troops arrived in Poland": a deployment, not a diplomatic visit
    guests = _guests(ctx, trigger, countries, end)
    if guests:
        return found + [new_mention(ctx, article, "meeting", trigger.subtype, guest, host, when, trigger.start)
                        for guest, host, when in guests]
    parties = _who(ctx, countries, trigger.start, start, end, history, "meeting", MEETING_PARTNER_WINDOW)
    parties = _one_host(ctx, countries, trigger, parties)
    if len(parties) < 2:
        return found
    hosts = {c.iso3 for c in countries if c.start in ctx.location}
    host_verb = r.host_verbs.search(text, start, end)
    if host_verb:
        hosts |= _hosts_of(ctx, countries, host_verb, parties, start)
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
        for when in [told] + listed:
            mention = new_mention(ctx, article, "meeting", trigger.subtype, visitor, other, when, trigger.start)
            mention.location = place
            if len(pairs) > 1:
                mention.confidence *= 0.8
            found.append(mention)
    return found


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
    return {before[0].iso3} if before else set()


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
            for guest, own in _partners_after(ctx, trigger, countries, host, stop)]


def _partners_after(ctx: SentenceContext, trigger: Trigger, countries: list[CountryMention], subject: str,
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
    partners = _partners_after(ctx, trigger, countries, subject, end)
    if not partners or any(own is None for _, own in partners):
        return []
    return [(subject, partner, own) for partner, own in partners]


def _treaties(ctx, triggers, countries, start, end, article, history) -> list[Mention]:
    r, text = ctx.rules, ctx.text
    noun = r.treaty_nouns.search(text, start, end)
    steps = [t for t in triggers if t.event_type == "treaty"]
    if not noun:
        # "La Douma l'a ratifié": a ratification or entry into force without the noun continues
        # the treaty the article already told of.
        steps = [t for t in steps if t.subtype in ("ratified", "in_force")]
        if not steps or not any(m.event_type == "treaty" for m in history):
            return []
    if not steps:
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
    parties = _who(ctx, countries, step.start, start, end, history, "treaty", None)
    pairs = list(itertools.combinations(parties, 2))
    owners = _accession_owners(ctx, countries, start, end, parties) if step.subtype == "ratified" else []
    if owners:
        # "Der Bundestag hatte dem Beitritt Finnlands und Schwedens zugestimmt": the owners joined by
        # "und" are no subjects; the ratifiers are the other countries of the clause.
        ratifiers = [p for p in parties if p not in owners] or [
            p for p in _parties(ctx, [c for c in countries if c.start not in ctx.location], step.start) if p not in owners]
        pairs = [(p, owner) for owner in owners for p in ratifiers] or pairs
    found = []
    for a, b in pairs:
        when = (own.date, False) if own else date_for(ctx, step, triggers, start, end, history, "treaty",
                                                       "-".join(sorted((a, b))), step.subtype)
        mention = new_mention(ctx, article, "treaty", step.subtype, a, b, when, step.start)
        if len(pairs) > 3:
            mention.confidence *= 0.8
        found.append(mention)
    return found


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


def _group_before(history: list[Mention], party: str, index: int) -> list[str] | None:
    """The parties of a treaty told among three or more in the sentence just before, if `party` is one."""
    earlier = [m for m in history if m.event_type == "treaty" and m.sentence_index == index - 1]
    group = unique(c for m in earlier for c in (m.actor1, m.actor2))
    return group if len(group) >= 3 and party in group else None


def _previous_pair(history: list[Mention], index: int) -> list[str] | None:
    """"The two countries": the pair of the latest event within three sentences, else the article's
    first pair, which is most often the pair its story is about (measured better than the last two
    countries named, which come next when the article has no event yet)."""
    for earlier in reversed(history):
        if index - earlier.sentence_index <= 3:
            return [earlier.actor1, earlier.actor2]
    return [history[0].actor1, history[0].actor2] if history else None


def _partner_from_history(history: list[Mention], party: str, event_type: str, index: int,
                          window: int | None = None) -> list[str] | None:
    """The pair of the latest earlier event of this type that involves `party`, within `window` sentences
    (None: anywhere before): a clause naming one side ("the Duma ratified it") continues the article's story."""
    for earlier in reversed(history):
        if window is not None and index - earlier.sentence_index > window:
            break
        if earlier.event_type == event_type and party in (earlier.actor1, earlier.actor2):
            other = earlier.actor2 if earlier.actor1 == party else earlier.actor1
            return [party, other]
    return None
