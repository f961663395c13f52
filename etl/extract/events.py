"""Rules that turn one article into event mentions.

Per sentence: skip hedged sentences, find countries, dates and who claims what;
then per clause find meeting, treaty and troop triggers and the countries each binds.
Clauses keep a subordinate "au moment où la Corée du Nord est accusée d'envoyer des
soldats..." from lending its countries to the main clause's meeting.
"""
from __future__ import annotations

import re

from etl.extract.aliases import ArticleNames
from etl.extract.context import HEDGE_REACH, TROOP_STORY_WINDOW, SentenceContext, Trigger, unique
from etl.extract.dates import grammar
from etl.extract.meetings import meetings
from etl.extract.roles import mark_roles
from etl.extract.rules import Rules, rules
from etl.extract.sentences import clause_bounds, split_sentences
from etl.extract.state_strikes import strikes
from etl.extract.treaty_mentions import treaties
from etl.extract.troop_counts_beside import rival_claims
from etl.extract.troop_deed_nouns import invasions
from etl.extract.troop_reports import counted_people, troop_reports, troops_again
from etl.gazetteer import CountryMention, gazetteer
from etl.model import Article, Mention

# Typographic characters folded for matching; each maps one character to one, so offsets hold.
FOLD = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-"})
SINCE_REACH = 60  # characters before a date within which "since taking office" makes it the start of a period
QUESTION = re.compile(r"\?[»\"”’)\s]*$")  # "Has North Korea sent troops to Ukraine?" asks; it tells nothing


def extract(article: Article) -> list[Mention]:
    r = rules(article.language)
    g = grammar(article.language) if r else None
    if r is None or g is None:
        return []
    g.forget()
    gaz = gazetteer(article.language)
    anchor = article.published.date() if article.published else None
    mentions: list[Mention] = []
    names = ArticleNames(article.language)
    recent: list[str] = []  # countries taking part in earlier sentences, latest last
    places: list[str] = []  # countries named as places in earlier sentences, latest last
    earlier: list[str] = []  # the sentences before, whose dates are read only when something needs them
    year_told: int | None = None  # the year last written in the article, for "in December of that year"
    persons: list[CountryMention] = []  # the countries of the sentence before, for "he", "sus viajes"
    last_person: str | None = None
    people: set[int] = set()  # mentions of the sentence before that name one person: "der Ukrainer"
    for sentence in split_sentences(article.text):
        text = sentence.text.translate(FOLD)
        earlier.append(text)
        hedge = r.hedges.search(text)
        countries = _outside_forums(r, text, names.find(text, gaz.find(text, anchor)))
        names.learn(countries)
        if (hedge and hedge.start() <= HEDGE_REACH) or QUESTION.search(text):
            # "Deutschland und Indien wollen enger zusammenarbeiten": no event, but who "beide Regierungen" are.
            recent += [c.iso3 for c in countries if c.kind != "city"]
            continue
        last_person = next((c.iso3 for c in persons if c.kind == "person" or c.start in people), last_person)  # most often the subject
        persons = countries
        people = _people(r, text, countries)
        going_on = _withdrawal_goes_on(r, g, text, sentence, article, anchor, mentions)
        if going_on:
            mentions.append(going_on)
            continue
        if not countries and not r.both_countries.search(text) and not r.three_countries.search(text) and not (
                r.later_steps.search(text) and any(m.event_type == "treaty" for m in mentions)) \
                and not _troop_story_goes_on(r, text, sentence.index, mentions):
            continue  # "Parliament had backed it on Tuesday": a later step of the treaty told of goes on
        triggers = _sentence_triggers(r, text)
        if not triggers and not r.address_verbs.search(text) and not counted_people(r, text, countries, 0, len(text)) \
                and not r.departures.search(text) and not r.invasions.search(text) and not r.strikes.search(text):
            # Nothing to tell here: only who was named, for "the two leaders" later on.
            recent += [c.iso3 for c in countries if c.kind != "city"]
            continue
        dates = g.find(text, anchor, year_told)
        year_told = next((d.date.value.year for d in reversed(dates) if d.year_written and d.date.value), year_told)
        told = g.told_days(text, earlier[:-1], anchor, dates)
        dates = sorted(dates + told, key=lambda span: span.start) if told else dates
        # "den Verbleib der Soldaten bis Ende August", "complete by January 31": a deadline dates no event.
        dates = [d for d in dates if not r.deadline_before.search(text, max(0, d.start - 12), d.start)
                 and not r.deadline_start.match(text, d.start)]
        ctx = SentenceContext(text, sentence.index, countries, dates, r, anchor,
                              hedge_at=hedge.start() if hedge else len(text) + HEDGE_REACH + 1,
                              triggers=triggers)
        ctx.earlier = earlier[:-1]
        ctx.opens_article = sentence.index == 0 and len(article.text.strip()) > len(sentence.text.strip()) + 1
        stop = r.hedge_stops.search(text, hedge.end()) if hedge else None
        ctx.hedge_end = stop.start() if stop else ctx.hedge_end
        ctx.since = _period_starts(r, text, dates)
        ctx.asides = _in_periods(r, text, countries, dates)
        ctx.last_person = last_person
        mark_roles(ctx)
        ctx.recent_pair = unique(reversed(recent))[:2][::-1] if len(set(recent)) >= 2 else None
        ctx.recent = unique(reversed(recent))
        ctx.recent_places = unique(reversed(places))
        recent += [c.iso3 for c in countries if c.start not in ctx.location]
        places += [c.iso3 for c in countries if c.start in ctx.location]
        bounds = _subjects_before_a_relative(ctx, _dates_told_after_colon(ctx, clause_bounds(text, r.clause_breaks)))
        told_here = len(mentions)
        for start, end in _meeting_clauses(ctx, _opening_clause(r, text, bounds)):
            for mention in _clause_mentions(ctx, start, end, article, mentions):
                mention.sentence = sentence.text
                mentions.append(mention)
        mentions += rival_claims(ctx, mentions[told_here:])
    return mentions


def _withdrawal_goes_on(r: Rules, g, text: str, sentence, article: Article, anchor, mentions: list[Mention]) -> Mention | None:
    """"El repliegue había comenzado el 19 de mayo", "The base at Faya-Largeau was returned on December
    26": a dated step of a withdrawal, in a sentence naming no troops, goes on with the withdrawal the
    article told in the sentences just before (TROOP_STORY_WINDOW), at its own date."""
    # The article's story first: a list scan, where the word checks are regex scans of the sentence.
    latest = next((m for m in reversed(mentions) if m.event_type == "troops"), None)
    if latest is None or sentence.index - latest.sentence_index > TROOP_STORY_WINDOW:
        return None
    # The story may tell of the troops in between ("200 soldiers were still in Agadez"): the withdrawal
    # of the same pair told before them goes on.
    earlier = next((m for m in reversed(mentions) if m.event_type == "troops" and m.subtype == "withdrawal"
                    and m.pair == latest.pair), None)
    if earlier is None or any(m.event_type == "troops" and m.pair != latest.pair
                              for m in mentions if m.sentence_index > earlier.sentence_index):
        return None
    withdrawal = dict(r.troop_subtypes).get("withdrawal")
    if withdrawal is None or r.troop_nouns.search(text) or r.hedges.search(text) or not (
            r.withdrawal_words.search(text) or withdrawal.search(text)):
        return None
    days = [d for d in g.find(text, anchor) if d.date.precision in ("day", "month")
            and not r.deadline_before.search(text, max(0, d.start - 12), d.start)]  # "complete by January 31"
    if not days:
        return None
    return Mention(event_type="troops", subtype="withdrawal", actor1=earlier.actor1, actor2=earlier.actor2,
                   date=days[0].date, sentence=sentence.text, confidence=earlier.confidence * 0.8, article=article,
                   sentence_index=sentence.index)


def _troop_story_goes_on(r: Rules, text: str, index: int, mentions: list[Mention]) -> bool:
    """"These soldiers are now fighting in the Kursk region": a sentence naming no country may go on
    with the troop report of the sentences just before."""
    earlier = next((m for m in reversed(mentions) if m.event_type == "troops"), None)
    return bool(earlier and index - earlier.sentence_index <= TROOP_STORY_WINDOW
                and (r.troop_nouns.search(text) or r.troop_pronouns.search(text)))


def _people(r: Rules, text: str, countries: list[CountryMention]) -> set[int]:
    """"Der Ukrainer", "der Kremlchef": a demonym or a title after a singular article names one person."""
    return {c.start for c in countries if c.kind in ("adjective", "seat") and c.text[:1].isupper()
            and r.person_articles.search(text, max(0, c.start - 5), c.start)}


PERIOD_REACH = 40  # characters after "since the invasion" within which a country only names the period


def _in_periods(r: Rules, text: str, countries: list[CountryMention], dates: list) -> set[int]:
    """"his first trip to Russia since the invasion of Ukraine": a country that names the event a period
    starts from takes no part in the sentence's event (not one after "seit 2018": the date is the period)."""
    periods = [(m.end(), min(len(text), m.end() + PERIOD_REACH)) for m in r.period_starts.finditer(text)
               if " " in m.group(0) and not any(m.start() <= d.start <= m.end() + 12 for d in dates)]
    return {c.start for c in countries for s, e in periods
            if s <= c.start < e and not re.search(r"[,;:.]", text[s:c.start])} if periods else set()


def _period_starts(r: Rules, text: str, dates: list) -> set[int]:
    """Dates that open a period: the first date after "since taking office", "until", in its clause (the
    second date after it is the event's own: "since taking office in 2021, was welcomed on Wednesday";
    so is one past a colon: "desde que empezó la guerra: en abril de 2022")."""
    starts, previous_end = set(), 0
    for d in dates:
        if r.period_starts.match(text, d.start) or any(  # "since 2014" is one date span
                m.end() >= previous_end and not re.search(r"[:;]", text[m.end():d.start])
                for m in r.period_starts.finditer(text, max(0, d.start - SINCE_REACH), d.start)):
            starts.add(d.start)
        previous_end = d.end
    return starts


def _outside_forums(r: Rules, text: str, countries: list[CountryMention]) -> list[CountryMention]:
    """"the Shanghai Cooperation Organisation" names a forum, not China."""
    forums = [(m.start(), m.end()) for m in r.multilateral.finditer(text)]
    return [c for c in countries if not any(s <= c.start < e for s, e in forums)] if forums else countries


def _subjects_before_a_relative(ctx: SentenceContext, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Russland und Nordkorea, die im Juni einen Beistandspakt unterzeichnet hatten, führten am Montag
    Gespräche": a clause of subjects alone, with no trigger, is the subject of the clause after it when
    that one names no country."""
    merged = [bounds[0]]
    for start, end in bounds[1:]:
        before = merged[-1]
        if (any(before[0] <= c.start < before[1] for c in ctx.countries)
                and not any(before[0] <= t.start < before[1] for t in ctx.triggers)
                and any(start <= t.start < end for t in ctx.triggers)
                and not any(start <= c.start < end for c in ctx.countries)):
            merged[-1] = (before[0], end)
        else:
            merged.append((start, end))
    return merged


def _dates_told_after_colon(ctx: SentenceContext, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"ha viajado dos veces a Kiev: en abril de 2022 y en febrero de 2023": a clause after a colon or a
    dash with dates but no trigger and no country lists the dates of the clause before it."""
    merged = [bounds[0]]
    for start, end in bounds[1:]:
        lead = ctx.text[start:start + 3].lstrip()
        if (lead[:1] in (":", "—", "–") and any(start <= d.start < end for d in ctx.dates)
                and not any(start <= t.start < end for t in ctx.triggers)
                and not any(start <= c.start < end for c in ctx.countries)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _opening_clause(r: Rules, text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Mientras Xi estaba en Moscú, Kishida llegó a Kiev": a sentence that opens with a subordinate
    clause has its first clause end at the first comma."""
    opening = r.opening_clauses.match(text)
    comma = text.find(", ", opening.end()) if opening else -1
    if comma < 0 or comma >= bounds[0][1]:
        return bounds
    return [(0, comma), (comma, bounds[0][1])] + bounds[1:]


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
    triggers = _triggers(ctx, start, end)
    if not any(t.event_type == "troops" and t.subtype == "noun" for t in triggers):
        triggers += counted_people(ctx.rules, ctx.text, ctx.countries, start, end)
    # A date between a trigger and the hedge dates a fact told before it: "signed in 2001, and must still be ratified".
    triggers = [t for t in triggers if t.end + HEDGE_REACH < ctx.hedge_at or t.start >= ctx.hedge_end
                or any(t.end <= d.start and d.end <= ctx.hedge_at for d in ctx.dates)]
    if not triggers and not any(start <= s < end for s, *_ in ctx.addressed) and not ctx.rules.departures.search(
            ctx.text, start, end):
        return invasions(ctx, ctx.countries, start, end, article, []) + strikes(
            ctx, [c for c in ctx.countries if start <= c.start < end], start, end, article, [])
    # "flew to Israel on October 18 and was to have gone on to Amman for a summit with ...": the countries
    # a hedge governs take no part in the facts told before it.
    in_clause = [c for c in ctx.countries if start <= c.start < end and not ctx.hedge_at <= c.start < ctx.hedge_end]
    found: list[Mention] = []
    found += meetings(ctx, triggers, in_clause, start, end, article, history)
    found += treaties(ctx, triggers, in_clause, start, end, article, history)
    found += troop_reports(ctx, triggers, in_clause, start, end, article, history)
    found += troops_again(ctx, triggers, start, end, article, history, found)
    found += invasions(ctx, ctx.countries, start, end, article, found)
    return found + strikes(ctx, in_clause, start, end, article, found)


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
        if t.event_type == "troops" and NOT_ONLY.search(text, t.end, min(end, t.end + NEGATION_REACH)) is None and \
                r.negations.search(text, t.end, min(end, t.end + NEGATION_REACH)):
            continue  # "US-Soldaten würden nicht im Südlibanon stationiert": the troops' verb is denied
        if t.event_type == "meeting" and t.subtype == "summit":
            after = r.multilateral.search(text, t.end, end)
            if (after and after.start() - t.end <= 25) or r.multilateral.search(text, max(start, t.start - 25), t.start):
                continue  # a G20 summit is not a bilateral meeting
        found.append(t)
    return found


NEGATION_REACH = 25  # characters after the troops within which a negation denies their verb
NOT_ONLY = re.compile(r"(?i:\b(?:not only|nicht nur|no sólo|no solo|non seulement|pas seulement)\b)")


def _negated(r: Rules, text: str, position: int, clause_start: int) -> bool:
    return bool(r.negations.search(text, max(clause_start, position - 25), position))
