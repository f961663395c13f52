"""Rules that turn one article into event mentions.

Per sentence: skip hedged sentences, find countries, dates and who claims what;
then per clause find meeting, treaty and troop triggers and the countries each binds.
Clauses keep a subordinate "au moment où la Corée du Nord est accusée d'envoyer des
soldats..." from lending its countries to the main clause's meeting.
"""
from __future__ import annotations

import re

from etl.extract.aliases import ArticleNames
from etl.extract.context import HEDGE_REACH, TROOP_STORY_WINDOW, SentenceContext, Trigger, clause_of, unique
from etl.extract.dates import grammar
from etl.extract.meetings import meetings
from etl.extract.rules import Rules, rules
from etl.extract.sentences import clause_bounds, split_sentences
from etl.extract.treaty_mentions import treaties
from etl.extract.troop_counts_beside import rival_claims
from etl.extract.state_strikes import strikes
from etl.extract.troop_deed_nouns import invasions
from etl.extract.troop_reports import counted_people, troop_reports, troops_again
from etl.gazetteer import CountryMention, gazetteer
from etl.model import Article, Mention

# Typographic characters folded for matching; each maps one character to one, so offsets hold.
FOLD = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-"})
SINCE_REACH = 60  # characters before a date within which "since taking office" makes it the start of a period
COMPLEMENTIZER = re.compile(r"(?<![\w'])(?:(?:que|that|dass)(?![\w'])|qu')", re.IGNORECASE)
SOURCE_REACH = 40  # characters after 'according to' within which its first source stands
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
        _mark_roles(ctx)
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


def _mark_roles(ctx: SentenceContext) -> None:
    r, text = ctx.rules, ctx.text
    previous = None
    # "nach ukrainischen Angaben": a country inside the phrase is a source, never a place.
    in_phrase = [(m.start(), m.end()) for m in r.according_to.finditer(text)]
    for c in ctx.countries:
        before = text[max(0, c.start - 30):c.start]
        if any(s < c.start < e for s, e in in_phrase):
            pass
        elif c.kind == "city" or (c.kind != "person" and r.location_before.search(before)):
            ctx.location.add(c.start)
        elif (previous is not None and previous.start in ctx.location and previous.kind in ("city", "capital")
              and text[previous.end:c.start] == ", " and c.kind == "name" and re.match(r"[,.;)]|$", text[c.end:c.end + 1])):
            ctx.location.add(c.start)  # "in Jeddah, Saudi Arabia": the country of the place, not a party
        elif c.kind == "name" and _after_unknown_place(r, text, c):
            ctx.location.add(c.start)  # "in Kananaskis, Canada": a place the gazetteer does not know
        elif c.kind == "adjective" and _names_a_place(r, text, c):
            ctx.location.add(c.start)
        previous = c
    # "X a déclaré à Y": an address between two countries, not a claim.
    for verb in r.address_verbs.finditer(text):
        after = [c for c in ctx.countries if verb.end() <= c.start <= verb.end() + 50]
        before = [c for c in ctx.countries if c.end <= verb.start()]
        if not after or not before:
            continue
        gap = text[verb.end():after[0].start]
        prep = "" if r.address_direct.fullmatch(text, verb.start(), verb.end()) else r.address_preposition
        if (prep and not gap.rstrip().endswith(f" {prep}") and gap.strip() != prep) or (not prep and len(gap.split()) > 4) \
                or COMPLEMENTIZER.search(gap):  # "a assuré qu'environ 11 000 Nord-Coréens": what is said, not to whom
            continue
        speaker, listener = before[-1].iso3, after[0].iso3
        if speaker != listener:
            ctx.addressed.append((verb.start(), verb.end(), speaker, listener))
    for verb_start, verb_end in ctx.claim_verbs():
        if any(s <= verb_start < e for s, e, _, _ in ctx.addressed):
            continue
        if r.passive_before.search(text, max(0, verb_start - 12), verb_start):
            continue  # "North Korea is accused": the subject is accused, it claims nothing
        if r.self_reference.match(text, verb_end):
            continue  # "Chad's foreign ministry said it was terminating the agreement": Chad acts, not only tells
        clause_start = clause_of(ctx, verb_start)[0]
        claimants = _claim_subjects(ctx, clause_start, verb_start)
        if not claimants and ctx.last_person and r.pronoun_subjects.fullmatch(text[clause_start:verb_start].strip(" ,")):
            claimants = [ctx.last_person]  # "Er bezifferte die Zahl ...": the person named before says it
        if claimants:
            ctx.claimants[verb_start] = claimants
            break  # the first claim of a sentence governs what follows it
    for phrase in r.according_to.finditer(text):
        if r.own_account.match(text, phrase.start()):
            clause_start = clause_of(ctx, phrase.start())[0]
            subject = [c for c in ctx.countries if clause_start <= c.start and c.end <= phrase.start() and c.start not in ctx.location]
            ctx.according += [subject[0].iso3] if subject else []
            continue
        stop = text.find(",", phrase.end())
        stop = len(text) if stop < 0 else stop
        if r.according_postpositions.search(text, phrase.start(), phrase.end()):
            stop = phrase.end()  # "Kiew zufolge", not "Schätzungen zufolge ... im Norden Syriens"
        chain = _source_chain(ctx, phrase.start(), phrase.end(), stop)  # from its start: "nach ukrainischen Angaben"
        ctx.according += [c.iso3 for c in chain]
        ctx.sources |= {c.start for c in chain}


def _claim_subjects(ctx: SentenceContext, clause_start: int, verb_start: int) -> list[str]:
    """Who makes a claim: the countries before its verb in the clause; past a comma, only those after the
    last comma and the list they close ("Biden spoke by phone with Xi Jinping, the White House said": the
    White House; "..., as Seoul, Washington and Kyiv say": all three)."""
    text = ctx.text
    before = [c for c in ctx.countries if clause_start <= c.start and c.end <= verb_start and c.start not in ctx.location]
    comma = text.rfind(",", clause_start, verb_start)
    after = [c for c in before if c.start > comma]
    if comma < 0 or not after:
        return unique(c.iso3 for c in before)
    listed = [c for c in before if c.start < comma]
    for c in reversed(listed):  # ", Seoul, Washington and Kyiv say": a list closed by the last one
        if not re.fullmatch(r"\s*(?:,|,?\s*(?:" + ctx.rules.conjunctions.pattern + r"))\s*", text[c.end:after[0].start]):
            break
        after.insert(0, c)
    return unique(c.iso3 for c in after)


def _names_a_place(r: Rules, text: str, c: CountryMention) -> bool:
    """"la région russe de Koursk", "im russischen Gebiet Kursk", "the Russian region of Kursk": an adjective
    beside a place noun (after the noun where adjectives follow it, before it where they lead)."""
    if r.adjective_after:
        return bool(r.place_nouns.search(text[max(0, c.start - 25):c.start]))
    return bool(r.place_nouns.match(text, c.end + 1)) if text[c.end:c.end + 1] == " " else False


PLACE_BEFORE = re.compile(r"(?-i:[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}), $")


def _after_unknown_place(r: Rules, text: str, c: CountryMention) -> bool:
    place = PLACE_BEFORE.search(text, max(0, c.start - 40), c.start)
    return bool(place and r.location_before.search(text, max(0, place.start() - 30), place.start())
                and re.match(r"[,.;)]|$", text[c.end:c.end + 1]))


def _source_chain(ctx: SentenceContext, start: int, phrase_end: int, stop: int) -> list[CountryMention]:
    """The countries an "according to" names: the first after it and those joined to it ("US and South
    Korean officials"); not the rest of the sentence ("Nach Angaben des südkoreanischen Geheimdienstes
    hat Nordkorea ... entsandt": North Korea is the sender, not a source)."""
    chain: list[CountryMention] = []
    for c in ctx.countries:
        if not start <= c.start < stop:
            continue
        if not chain:
            # "nach Angaben der Nato rund 30.000 Soldaten nach Belarus": past a count, the phrase named no country.
            if c.start - phrase_end > SOURCE_REACH or re.search(r"\d", ctx.text[phrase_end:c.start]):
                break
        elif not re.fullmatch(r"\s*(?:,\s*|(?:,\s*)?(?:" + ctx.rules.conjunctions.pattern + r")\s*)(?:\w+\s+)?",
                              ctx.text[chain[-1].end:c.start]):  # joined: "US and South Korean officials"
            break
        chain.append(c)
    return chain


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
