"""Who each country mention is in its sentence, before any event is told: a place where something
happens, the source of an "according to", the one who makes a claim, or the speaker and listener of
an address ("X a déclaré à Y")."""
from __future__ import annotations

import re

from etl.extract.context import SentenceContext, clause_of, unique
from etl.extract.rules import Rules
from etl.gazetteer import CountryMention

COMPLEMENTIZER = re.compile(r"(?<![\w'])(?:(?:que|that|dass)(?![\w'])|qu')", re.IGNORECASE)
SOURCE_REACH = 40  # characters after 'according to' within which its first source stands


def mark_roles(ctx: SentenceContext) -> None:
    """Each country mention's role in the sentence: a place (ctx.location), a source (ctx.sources,
    ctx.according), a claimant before a claim verb (ctx.claimants), or one side of an address."""
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
