"""Troop reports in a clause: who sends troops where, how many, and what they do."""
from __future__ import annotations

import re
from dataclasses import replace

from etl.extract.context import TROOP_STORY_WINDOW, Trigger, claims, facing, new_mention
from etl.extract.date_arithmetic import month_of
from etl.extract.parties import joined_after
from etl.extract.troop_counts_beside import elliptic_contingents, part_lost
from etl.extract.troop_deed_nouns import departures, possessor
from etl.extract.troop_places import (COMPASS, country_referred_to, host_before, host_told_before, last_place_relative,
                                      left_after_verb, place_before_relative, told_in_sequence, undated_gap, where_told)
from etl.extract.troops import count_after, read_count
from etl.extract.when import date_for
from etl.gazetteer import CountryMention
from etl.model import UNKNOWN_DATE, Mention

ETHNIC = re.compile(r"(?i:ethnic|ethniques?|étnic[oa]s?|ethnische[n]?)\s+$")
# "drei chinesische Staatsbürger getötet", "three Chinese nationals": a count of people who are not troops.
CIVILIANS = re.compile(r"\s+(?i:(?:citizens|nationals|civilians|journalists|diplomats|workers|tourists|students|"
                       r"Staatsbürger\w*|Bürger\w*|Zivilist\w*|Journalist\w*|Diplomat\w*|Arbeiter\w*|Touristen|Studenten))\b")
# UN peacekeepers come from many countries: only a country named with them sends them, never the story.
PEACEKEEPERS = re.compile(r"(?i:blauhelm|cascos? azul|casques? bleu|peacekeeper)")
UNITS = re.compile(r"(?i:ej[ée]rcitos|armies|armeen|armées|batallones|battalions|bataillon[es]|brigad\w*|escuadrones)\b")
# "more than 200 Taliban fighters", "Hamas fighters": a named group's fighters, not the troops just told.
GROUP_BEFORE = re.compile(r"(?<=[\w,] )[A-Z][\w-]+ $")
SEND_VERB_REACH = 80  # characters before the troops within which a send verb (or its auxiliary) stands: room for a source
# Between a claim verb and the country that makes the claim: a possessive and at most four words
# ("aseguró el ministro de Defensa ucraniano").
BESIDE_CLAIM = re.compile(r"(?:['’]s)?(?:\s*[\w'’-]+){0,4}\s*")
SEAT_BEFORE = re.compile(r"([\w-]+)\s+\w{1,2}\s+$")  # "Verteidigungsministerium in ", "Estado Mayor en "

def counted_people(r, text: str, countries, start: int, end: int) -> list[Trigger]:
    """"etwa 11.000 Nordkoreaner kämpfen", "About 11,000 North Koreans are fighting": a count of a
    country's people, in a clause that tells what troops do, stands for that many troops."""
    found = [Trigger("troops", "noun", c.start, c.end) for c in countries
             if c.kind == "adjective" and start <= c.start < end and read_count(text, c.start, [], r.counts)[0]
             and not ETHNIC.search(text, max(0, c.start - 12), c.start)  # "100 ethnic Albanians": people
             and not CIVILIANS.match(text, c.end)]
    return found if found and any(p.search(text, start, end) for _, p in r.troop_subtypes) else []


def troop_subtype(r, text: str, start: int, end: int) -> str | None:
    """What the troops do, by the subtypes' priority; fighting told as the circumstance of a loss
    ("killed in the fighting in Kursk", "bei den Kämpfen getötet") makes it casualties, not combat."""
    for name, pattern in r.troop_subtypes:
        if not pattern.search(text, start, end):
            continue
        if name != "combat" or not _fighting_as_circumstance(r, text, start, end, pattern):
            return name
    return None


def _fighting_as_circumstance(r, text: str, start: int, end: int, combat) -> bool:
    """Whether every combat word of the clause only says where a loss happened: after the loss ("killed in
    the fighting") or opening the clause ("Bei den Kämpfen ... getötet"); not "took part in the fighting and
    suffered losses", where the fighting is a deed of its own. A comma opens the clause too: "meldete,
    bei Kämpfen in Kursk seien 200 Soldaten getötet worden"."""
    first_loss = dict(r.troop_subtypes).get("casualties")
    first_loss = first_loss.search(text, start, end) if first_loss else None
    if first_loss is None:
        return False
    opening = start + len(text[start:end]) - len(text[start:end].lstrip(" ,"))
    # Where the verb closes the clause, the circumstance stands before it: "bei einem Angriff im Nordirak getötet".
    around = [(m.start(), m.end()) for m in r.fighting_around.finditer(text, start, end)
              if first_loss.end() <= m.start() or m.start() == opening or text[m.start() - 2:m.start()] == ", "
              or r.send_verb_last]
    return bool(around) and all(any(s <= m.start() < e for s, e in around) for m in combat.finditer(text, start, end))


def _troops_beside(r, text: str, c: CountryMention) -> bool:
    """Whether the adjective qualifies a troop noun: "forces tchadiennes", "the Chadian army"."""
    if r.adjective_after:
        return any(m.end() >= c.start - 1 for m in r.troop_nouns.finditer(text, max(0, c.start - 25), c.start))
    return bool(r.troop_nouns.match(text, c.end + 1))


def _group_before(r, text: str, noun: Trigger) -> bool:
    return not r.capitalised_nouns and GROUP_BEFORE.search(text, 0, noun.start) is not None


def _captor(r, text: str, noun: Trigger, triggers, end: int) -> bool:
    """Whether the troops of noun took the others prisoner: before the capture word with other troops
    after them ("Ukrainian forces captured two North Korean soldiers", "ukrainische Truppen haben zwei
    Nordkoreaner gefangen genommen"), or its agent ("captured by Ukrainian forces")."""
    capture = r.captures.search(text, noun.start, end)
    if capture is None:
        capture = r.captures.search(text, max(0, noun.start - 30), noun.start)
        return bool(capture and r.agent_preposition.search(text, capture.end(), noun.start))
    agent = r.agent_preposition.search(text, max(0, noun.start - 25), noun.start)
    if agent and not text[agent.end():noun.start].strip(" ").count(" ") > 2:
        return True  # "von ukrainischen Einheiten gefangen genommen"
    others = [t for t in triggers if t.event_type == "troops" and t.subtype == "noun" and noun.end < t.start < end]
    return any(not r.agent_preposition.search(text, max(0, t.start - 25), t.start) for t in others)


def troop_reports(ctx, triggers, countries, start, end, article, history=()) -> list[Mention]:
    r, text = ctx.rules, ctx.text
    found = []
    bare = set()  # ids of the reports told by a bare count beside a place
    for noun in (t for t in triggers if t.event_type == "troops" and t.subtype == "noun"):
        if r.enemy_markers.search(text, max(start, noun.start - 25), noun.start):
            continue  # "combattre les troupes ukrainiennes": the enemy, not a deployment
        if r.claim_verbs.match(text, noun.end + 1) and text[noun.end:noun.end + 1] == " ":
            continue  # "The U.S. Army said ...": the army speaks; the troops are told after
        topic = next((m for m in r.background.finditer(text, max(start, noun.start - 90), noun.start)
                      if noun.start - m.end() <= 45 and not re.search(r"[,;:]", text[m.end():noun.start])), None)
        if topic:
            continue  # "en plena polémica por el envío de soldados norcoreanos": what is argued about, told before
        if _captor(r, text, noun, triggers, end):
            continue  # "Ukrainian forces captured two North Korean soldiers": the loss is the captives'

        left_place = None
        if r.adjective_after:
            near_adjectives = [c for c in countries if c.kind == "adjective" and noun.end <= c.start <= noun.end + 25]
        else:
            near_adjectives = [c for c in countries if c.kind == "adjective" and noun.start - 25 <= c.end <= noun.start]
        # "unos 12.000 soldados, según la inteligencia surcoreana": an adjective past a comma is another noun's.
        near_adjectives = [c for c in near_adjectives if c.start not in ctx.location
                           and "," not in text[min(noun.end, c.end):max(noun.start, c.start)]]
        # "US troops", "Russia's soldiers", "US-Soldaten": a country right before or inside the noun sends them.
        heading = [c for c in countries if c.start not in ctx.location and c.kind != "person"
                   and (noun.start <= c.start < noun.end
                        or (not r.adjective_after and c.end <= noun.start
                            and re.fullmatch(r"(?:'s)?\s+(?:[\w-]+\s+)?", text[c.end:noun.start])))]
        sender = (heading or near_adjectives or [None])[0]
        sender = sender.iso3 if sender else None
        if sender is None:
            verb = r.send_verbs.search(text, max(start, noun.start - SEND_VERB_REACH), noun.end)
            if verb:
                announced = r.send_nouns.match(text, verb.start())  # a claim verb's subject may be the sender
                left = [c for c in countries if c.end <= verb.start() and c.start not in ctx.location
                        and (not claims(ctx, c, noun.start) or (announced and c.start not in ctx.sources))]
                # "Nach Angaben Seouls hat Nordkorea 3.000 Soldaten entsandt": the subject after the verb.
                between = [c for c in countries if verb.end() <= c.start and c.end <= noun.start
                           and c.start not in ctx.location and not claims(ctx, c, noun.start) and c.kind != "adjective"]
                sender = left[-1].iso3 if left else (between[0].iso3 if between else None)
        subtype = troop_subtype(r, text, start, end) or "deployment"
        prepositions = r.withdrawal_from if subtype == "withdrawal" else r.origin_preposition
        # "los militares estadounidenses de Níger": the preposition may follow the noun's adjective.
        tail = max([noun.end] + [c.end for c in near_adjectives if c.start == noun.end + 1])
        origin = prepositions.match(text, tail + 1) if text[tail:tail + 1] == " " else None
        came_from = next((c for c in countries if origin and origin.end() <= c.start <= origin.end() + 5
                          and c.start not in ctx.location), None)
        if came_from is None and subtype == "withdrawal":
            came_from = next((c for c in countries if noun.end < c.start < end and c.iso3 != sender and c.kind != "adjective"
                              and "," not in text[noun.end:c.start]
                              and r.base_before.search(text, max(noun.end, c.start - 40), c.start)), None)
        if came_from and subtype == "withdrawal" and came_from.kind == "seat":
            # "les derniers soldats de l'opération Barkhane ont quitté le Mali": the force they belong to sends them
            sender, came_from = sender or came_from.iso3, None
        if came_from and subtype == "withdrawal":
            left_place = came_from  # "seine letzten Soldaten aus Niger abgezogen": the country they leave
        elif sender is None and came_from:  # "Soldaten aus Nordkorea", "troops from North Korea"
            sender = came_from.iso3
        if sender is None:  # "envoyés par la Corée du Nord": the agent of a passive send verb
            verb = r.send_verbs.search(text, noun.end, min(end, noun.end + 40))
            agent = r.agent_preposition.search(text, verb.end(), min(end, verb.end() + 12)) if verb else None
            sender = next((c.iso3 for c in countries if agent and agent.end() <= c.start <= agent.end() + 4), None)
            if verb and not agent and r.send_verb_last:
                # "warf Pjöngjang vor, 12.000 Soldaten nach Russland entsandt zu haben": the verb closes the
                # clause, its subject is the country named last before the troops.
                subject = [c for c in countries if c.end <= noun.start and c.start not in ctx.location
                           and not claims(ctx, c, noun.start) and c.kind != "adjective"]
                sender = subject[-1].iso3 if subject else None
        if sender is None:
            sender = possessor(ctx, countries, noun, start)
        counted = read_count(text, noun.start, [(d.start, d.end) for d in ctx.dates], r.counts)[0]
        blank = next((m for m in found if m.count is None), None) if sender is None and counted else None
        if blank is not None:  # "El contingente español en Letonia está formado por unos 600 militares": theirs
            blank.count, blank.count_note = _troop_count(ctx, noun, blank.subtype, end)
            if blank.count is not None:
                continue
        if sender is None and not PEACEKEEPERS.match(text, noun.start) and not _group_before(r, text, noun) \
                and not any(c.end <= noun.start and c.start not in ctx.location and not claims(ctx, c, noun.start)
                            for c in countries):
            # "Das letzte Kontingent von 142 Soldaten hatte ... geräumt": counted troops in a sentence naming
            # no country are those of the article's troop report just before; so are "these soldiers"
            # when they do something the report did not tell ("are now fighting in Kursk").
            reports = [m for m in history if m.event_type == "troops"]
            earlier = next((m for m in reversed(reports) if ctx.index - m.sentence_index <= TROOP_STORY_WINDOW), None)
            if earlier is None and counted and len({(m.actor1, m.actor2) for m in reports}) == 1:
                earlier = reports[-1]  # further back, an article that tells of one deployment only
            deed = troop_subtype(r, text, start, end)
            if earlier and not counted and not (r.troop_anaphora.search(text, max(start, noun.start - 20), noun.start)
                                                and deed not in (None, earlier.subtype)) \
                    and not (deed == earlier.subtype == "withdrawal" and any(start <= d.start < end for d in ctx.dates)):
                # "Personal und Ausrüstung des Kontingents hätten ... am Mittwoch geräumt": the withdrawal
                # just told, dated here; other troops with no country of their own are no one's.
                earlier = None
            if earlier:
                sender = earlier.actor1
                # else where it says; a fight's or a departure's object is where ("griff ... die Ukraine an",
                # "ses derniers soldats ont quitté le Tchad")
                if not any((c.start in ctx.location or (subtype in ("combat", "withdrawal") and c.kind == "name"))
                           and c.iso3 != sender and not claims(ctx, c, noun.start) for c in countries):
                    left_place = CountryMention(0, 0, earlier.actor2, "name", earlier.actor2)
                subtype = troop_subtype(r, text, start, end) or earlier.subtype  # no deed told: the same kind
        if sender is None:
            continue
        # "..., teilte der Geheimdienst in Seoul mit": where the source speaks is not where the troops are.
        places = [c for c in countries if c.start in ctx.location and c.iso3 != sender
                  and not facing(r, text, c.start) and not where_told(ctx, c, noun)]
        elliptic = elliptic_contingents(ctx, places, noun, end) if counted else []
        if all(any(c is e for e, _ in elliptic) for c in places):
            elliptic = []  # "die Zahl der US-Soldaten in Deutschland auf 45.000": the troops' own place and count
        places = [c for c in places if all(c is not e for e, _ in elliptic)]
        after = [c for c in places if c.start >= noun.start]
        receiver = (country_referred_to(ctx, noun, start, end, sender, after, history) or (after or [None])[0]
                    or place_before_relative(ctx, noun, sender) or (places or [None])[0])
        if left_place is None and subtype == "withdrawal":
            left_place = left_after_verb(ctx, countries, noun, end, sender)
        if left_place is not None and left_place.iso3 != sender:
            receiver = left_place
        if receiver is None and subtype in ("withdrawal", "combat"):
            # "Las tropas francesas abandonaron Níger", "Russian forces invaded Ukraine": the country the
            # verb takes is where they were, or went; a fight's object is a country's name, not "Ukrainian forces".
            left = dict(r.troop_subtypes)[subtype].search(text, noun.end, end)
            receiver = next((c for c in countries if left and (0 <= undated_gap(ctx, left.end(), c.start) <= 6
                                                               or COMPASS.fullmatch(text, left.end(), c.start)) and c.iso3 != sender
                             and (subtype == "withdrawal" or c.kind == "name")), None)
            if receiver is None and left and subtype == "combat":  # "griff am 24. Februar die Ukraine an"
                receiver = next((c for c in countries if left.start() < c.start < left.end() and c.iso3 != sender
                                 and c.kind == "name"), None)
            if receiver is None and left and subtype == "combat":
                # "abrieron fuego contra posiciones tailandesas": the adjective of what they fired at.
                receiver = next((c for c in countries if left.end() <= c.start <= left.end() + 40 and c.iso3 != sender
                                 and c.kind == "adjective" and "," not in text[left.end():c.start]
                                 and r.strike_targets.search(text, max(left.end(), c.start - 30), c.end + 30)), None)
        if receiver is None and subtype == "withdrawal":
            # "kehrten am Freitag aus Mali zurück", "regresaron el viernes de Malí": the country left, after
            # a withdrawal preposition inside the verb's span or shortly after it.
            receiver = next((c for c in countries if left and left.start() < c.start < left.end() + 30
                             and c.iso3 != sender and "," not in text[left.end():c.start]
                             and r.withdrawal_from.search(text, max(left.start(), c.start - 8), c.start)), None)
            if receiver is None and left and r.send_verb_last:  # "haben Niger am Freitag verlassen"
                receiver = next((c for c in reversed(countries) if noun.end <= c.start and c.end <= left.start()
                                 and c.iso3 != sender), None)
            if receiver is None and left is None and dict(r.troop_subtypes)[subtype].search(text, start, noun.start):
                # "Im August 2022 verließen die letzten französischen Soldaten ... Mali": the verb before its
                # subject, the country left after it.
                receiver = next((c for c in countries if noun.end <= c.start < end and c.iso3 != sender
                                 and c.kind in ("name", "capital") and not claims(ctx, c, noun.start)), None)
            if receiver is None:
                # "Chad's ministry said 120 French soldiers had left for France": the host tells of the departure.
                hosts = [c for c in countries if claims(ctx, c, noun.start) and c.iso3 != sender]
                receiver = hosts[0] if len({c.iso3 for c in hosts}) == 1 else None
            if receiver is None and left:
                # "a rétrocédé jeudi aux forces tchadiennes la base": the host's own troops take the base over.
                receiver = next((c for c in countries if left.start() <= c.start <= left.end() + 20 and c.iso3 != sender
                                 and c.kind == "adjective" and _troops_beside(r, text, c)), None)
        if receiver is None:
            receiver = host_before(ctx, countries, noun, start, sender)
        fight = None  # the fighting just told, whose losses these are
        if receiver is None and subtype in ("casualties", "combat") and read_count(text, noun.start, [], r.counts)[0]:
            receiver, fight = host_told_before(ctx, history, sender)
        if receiver is None:
            continue
        listed = [c for c in joined_after(text, countries, receiver, r.conjunctions)
                  if c.iso3 != sender and c.end <= end and not claims(ctx, c, noun.start)]
        lost = part_lost(ctx, noun, end) if subtype == "casualties" and counted else None
        for place in [receiver] + listed:  # "left Mali, Burkina Faso and Niger": one report per country
            told = next((m for m in found if m.actor1 == sender and m.actor2 == place.iso3), None)
            if told is None or (id(told) in bare and counted and counted != told.count):
                # "otros 1.000 a Rumanía, donde ya había más de 900 militares": two counts, two claims
                found.append(_report(ctx, article, noun, triggers, start, end, "deployment" if lost else subtype, sender, place))
                if fight is not None and found[-1].date.value is None:
                    found[-1].date = fight.date  # "23 Pakistani soldiers were killed": in that night's fighting
                if lost:  # "Of the 11,000 troops sent to Kursk, 4,700 have been killed": the sending, then the part lost
                    # The losses are counted up to the time of writing, not at the sending's date.
                    found.append(replace(found[-1], subtype="casualties", count=lost[0], count_note=lost[1],
                                         date=month_of(ctx.anchor) if ctx.anchor else UNKNOWN_DATE))
            elif told.count is None:  # "Die Bundeswehr stationiert eine Brigade mit rund 4.800 Soldaten": theirs
                told.count, told.count_note = _troop_count(ctx, noun, subtype, end)
        for place, when in told_in_sequence(ctx, countries, receiver, end, sender):
            if not any(m.actor1 == sender and m.actor2 == place.iso3 for m in found):
                report = _report(ctx, article, noun, triggers, start, end, subtype, sender, place)
                report.date, report.count, report.count_note = when, None, None
                found.append(report)
        for place, count in elliptic:
            if not any(m.actor1 == sender and m.actor2 == place.iso3 for m in found):
                report = _report(ctx, article, noun, triggers, start, end, subtype, sender, place)
                report.count, report.count_note = count, None
                found.append(report)
                bare.add(id(report))
    return found + departures(ctx, countries, start, end, article, history, found)


def _troop_count(ctx, noun: Trigger, subtype: str, end: int) -> tuple[int | None, str | None]:
    """The count of the troops at noun, and its note: before the noun, after it ("numbering about 9,000"),
    or, for losses, before the loss word ("han sufrido unas 4.000 bajas"); "los dos ejércitos" count no one."""
    r, text = ctx.rules, ctx.text
    if UNITS.match(text, noun.start):
        return None, None
    dates = [(d.start, d.end) for d in ctx.dates]
    count, note = read_count(text, noun.start, dates, r.counts)
    if count is None:
        count = count_after(text, noun.start, noun.end, r.counts, end)
    if count is None and subtype == "casualties":
        loss = dict(r.troop_subtypes)["casualties"].search(text, noun.end, end)
        if loss:
            count, note = read_count(text, loss.start(), dates, r.counts)
    return count, note


def _report(ctx, article, noun: Trigger, triggers, start: int, end: int, subtype: str, sender: str,
            place: CountryMention) -> Mention:
    # "el 2 de febrero ... a Rumanía, donde ya había 900 militares": a where-clause tells its own time.
    relative = last_place_relative(ctx, start, noun.start)
    when = date_for(ctx, noun, triggers, relative.end() if relative else start, end, [], "troops", "", subtype)
    mention = new_mention(ctx, article, "troops", subtype, sender, place.iso3, when, noun.start)
    mention.count, mention.count_note = _troop_count(ctx, noun, subtype, end)
    if place.kind in ("capital", "seat"):
        mention.location = place.text
    if not mention.reported_by:
        mention.reported_by = said_after(ctx, noun.end)
    return mention


def troops_again(ctx, triggers, start, end, article, history, found) -> list[Mention]:
    """"Some of them have joined the fighting": a troop pronoun continues the latest troop report
    within TROOP_STORY_WINDOW sentences, when its clause says what they did. In the clause of a
    report, a pronoun with a count of its own is a part of those troops ("unos diez mil soldados
    en Rusia y hasta 8.000 de ellos han sido desplegados en Kursk"): a second claim, its own count."""
    r, text = ctx.rules, ctx.text
    pronoun = next((t for t in triggers if t.subtype == "pronoun"), None)
    subtype = troop_subtype(r, text, start, end) if pronoun else None
    if subtype is None:
        return []
    dates = [(d.start, d.end) for d in ctx.dates]
    count, note = read_count(text, pronoun.start, dates, r.counts)
    if text[pronoun.start].isdigit():  # "8,000 of them", "8 000 se trouvaient": the count is the pronoun's own
        count, note = read_count(text, pronoun.end, dates, r.counts)
    reports = [m for m in found if m.event_type == "troops"]
    if reports:
        earlier = reports[-1]
        if count is None or count < 2 or count == earlier.count:
            return []  # "une partie d'entre eux" is those troops, not a count of one
    else:
        # "Die Verluste der Nordkoreaner ...: mehr als 3.000 von ihnen": the people the sentence names.
        named = {c.iso3 for c in ctx.countries if c.kind == "adjective" and c.end <= pronoun.start}
        told = [m for m in reversed(history) if m.event_type == "troops"
                and ctx.index - m.sentence_index <= TROOP_STORY_WINDOW]
        earlier = next((m for m in told if m.actor1 in named), told[0] if told else None)
    if earlier is None:
        return []
    when = (earlier.date, False) if reports else date_for(ctx, pronoun, triggers, start, end, [], "troops", "")
    # "and on February 24 part of that force attacked towards Kyiv": where the clause says they went.
    place = next((c.iso3 for c in ctx.countries if start <= c.start < end and c.start in ctx.location
                  and c.iso3 != earlier.actor1), earlier.actor2)
    mention = new_mention(ctx, article, "troops", subtype, earlier.actor1, place, when, pronoun.start)
    mention.count, mention.count_note = count, note
    return [mention]


def said_after(ctx, position: int) -> list[str]:
    """"..., 8 000 se trouvaient dans la région de Koursk, a affirmé Séoul", "..., Seoul said": a claim
    told after the report names who makes it, the country right beside the claim verb, or a few words
    from it ("South Korea's spy agency said", "a affirmé le renseignement sud-coréen")."""
    text = ctx.text
    for verb in ctx.rules.claim_verbs.finditer(text, position):
        beside = [c for c in ctx.countries if (c.start not in ctx.location or _seat_of_source(ctx, verb, c))
                  and (_beside_claim(text, verb.end(), c.start) or _beside_claim(text, c.end, verb.start())
                       or verb.start() <= c.start < verb.end())  # "teilte Seoul mit"
                  and c.start >= position]
        if beside:  # "to Poland and Romania, Seoul said": the nearest to the verb says it
            return [min(beside, key=lambda c: min(abs(c.start - verb.end()), abs(verb.start() - c.end))).iso3]
    return []


def _beside_claim(text: str, start: int, end: int) -> bool:
    return 0 <= end - start <= 30 and BESIDE_CLAIM.fullmatch(text, start, end) is not None


def _seat_of_source(ctx, verb, c) -> bool:
    """"teilte das Verteidigungsministerium in Paris mit", "informó el Estado Mayor en París": the capital
    where the body that speaks sits names its country; not "said in Kyiv", where the speaker travels."""
    if c.kind != "capital":
        return False
    body = SEAT_BEFORE.search(ctx.text, max(0, c.start - 40), c.start)
    return body is not None and body.end(1) != verb.end() and not ctx.rules.claim_verbs.fullmatch(body.group(1))


