"""Who the parties of an event are when the sentence names more countries than take part."""
from __future__ import annotations

import re

from etl.extract.context import SentenceContext, facing, unique
from etl.gazetteer import CountryMention
from etl.model import Mention

NAMELESS_STEP_WINDOW = 3  # sentences back in which a step with no party named finds its treaty


def joined_subjects(text: str, countries: list[CountryMention], location: set[int], conjunctions: re.Pattern,
                    position: int) -> list[str] | None:
    """"Putin and Iranian President Pezeshkian signed": the joined subjects just before the verb are
    the parties, whatever other countries the sentence names. None unless there are two or more."""
    before = [c for c in countries if c.end <= position and c.start not in location]
    if not before or len(text[before[-1].end:position].split()) > 4:
        return None
    chain = [before[-1]]
    for c in reversed(before[:-1]):
        gap = text[c.end:chain[-1].start]
        if c.iso3 == chain[-1].iso3 and len(gap.split()) <= 3:
            chain[-1] = c  # "Iranian President Masoud Pezeshkian": one subject
            continue
        # ", the ", ", Prime Minister ": a list of subjects, each with its title.
        joined = conjunctions.search(gap) or re.fullmatch(r"\s*,\s*(?:\w{1,3}\s+)?(?:[A-Z][\w.-]*\s+){0,3}", gap)
        if not joined or len(gap.split()) > 5:
            break
        chain.append(c)
    parties = list(dict.fromkeys(c.iso3 for c in reversed(chain)))
    return parties if len(parties) >= 2 else None


def joined_after(text: str, countries: list[CountryMention], first: CountryMention,
                 conjunctions: re.Pattern) -> list[CountryMention]:
    """"quitté le Mali, le Burkina Faso et le Niger": the countries listed after first, up to the one the
    conjunction joins; a list not closed by a conjunction ("en Pologne, a dit Séoul") is no list."""
    chain, listed = [], []
    # "nach Litauen, Polen und Rumänien": a people's name in the list stands for its country, not
    # "in Ukraine and Russian soldiers", where the adjective opens a noun of its own.
    def closes_item(c: CountryMention) -> bool:
        rest = text[c.end:c.end + 12]
        return c.kind != "adjective" or bool(re.match(r"\s*[,.;]", rest) or conjunctions.match(rest.lstrip()))

    for c in (c for c in countries if c.start >= first.end and closes_item(c)):
        gap = text[(chain[-1] if chain else first).end:c.start]
        if not re.fullmatch(r"[\s,]*(?:[\w']{1,3}\s*){0,2}", gap) or c.kind not in ("name", "adjective", first.kind):
            break
        chain.append(c)
        if conjunctions.search(gap):
            # "to Russia, and Ukraine received": a comma before the conjunction of two opens a clause
            listed = list(chain) if len(chain) > 1 or "," not in gap else []
            break
        if "," not in gap:
            break
    return listed


def who(ctx: SentenceContext, countries: list[CountryMention], position: int, start: int, end: int,
         history: list[Mention], event_type: str, window: int | None) -> list[str]:
    """The parties of the event a trigger at `position` names, from the clause or, when it names
    one side or "the two leaders", from the article's earlier events."""
    r = ctx.rules
    parties = joined_subjects(ctx.text, countries, ctx.location, r.conjunctions, position) or parties_in(ctx, countries, position)
    named = [p for p in parties if p in {c.iso3 for c in countries if c.start not in ctx.location}]
    three = _three_told(ctx, history) if r.three_countries.search(ctx.text, start, end) else None
    if three:
        parties = three  # "the first summit ever held between the three allies"
    elif len(named) >= 2:
        parties = named  # "met in Riyadh", "signed in the Kremlin": where, not who
    elif r.both_countries.search(ctx.text, start, position) or (len(parties) < 2 and r.both_countries.search(ctx.text, start, end)):
        # "Les deux dirigeants s'étaient vus à Samarcande, en Ouzbékistan": the pair told of before, not the host.
        parties = previous_pair(history, ctx.index) or ctx.recent_pair or parties
    if len(parties) == 1 and _pronoun_joined(ctx, countries, position, start, parties[0]):
        # "unterzeichneten er und Präsident Emmanuel Macron": the pronoun is the person named before.
        parties = [ctx.last_person, parties[0]]
    elif len(parties) == 1 and event_type == "meeting" and _pronoun_subject(ctx, countries, position, start, parties[0]):
        # "He spoke by telephone with Putin", "Sus anteriores viajes a China": the person named last before.
        parties = [ctx.last_person, parties[0]]
    elif len(parties) == 1 and event_type == "treaty" and group_before(history, parties[0], ctx.index):
        # "Australia, Britain and the US have signed ... It was signed in Washington on Monday": all three.
        parties = group_before(history, parties[0], ctx.index)
    elif len(parties) == 1:
        parties = partner_from_history(history, parties[0], event_type, ctx.index, window) or parties
    elif not parties and event_type == "treaty":
        # "Parliament had backed it": no one named, the treaty of the sentences just before.
        earlier = next((m for m in reversed(history) if m.event_type == "treaty"
                        and ctx.index - m.sentence_index <= NAMELESS_STEP_WINDOW), None)
        parties = [earlier.actor1, earlier.actor2] if earlier else []
    return parties


def _pronoun_subject(ctx: SentenceContext, countries: list[CountryMention], position: int, start: int,
                     party: str) -> bool:
    """A pronoun opens the clause before the trigger: the subject is a person of an earlier sentence,
    if one was named there and is not the other side ("He held talks with Zelensky, visited ...")."""
    if ctx.last_person is None or ctx.last_person == party:
        return False
    r = ctx.rules
    first = start + len(ctx.text[start:]) - len(ctx.text[start:].lstrip(" ,"))
    opening = r.pronoun_subjects.match(ctx.text, first)
    if opening is None and r.verb_second:
        # "Am Dienstag war er zum Gipfel in Kasan eingetroffen": the subject after the verb in second place.
        opening = re.match(r"(?:[\w.-]+ ){1,3}?(?:hat|hatte|war|ist|wurde|traf|reiste|sprach) ", ctx.text[first:])
        opening = r.pronoun_subjects.match(ctx.text, first + opening.end()) if opening else None
    return bool(opening) and opening.start() < position


def _pronoun_joined(ctx: SentenceContext, countries: list[CountryMention], position: int, start: int,
                    party: str) -> bool:
    """A pronoun joined to the one party named ("he and Macron", "er und Scholz", "él y Sánchez")."""
    if ctx.last_person is None or ctx.last_person == party:
        return False
    r = ctx.rules
    return any(re.search(rf"(?<![\w'])(?:{r.pronoun_subjects.pattern})\s+(?:{r.conjunctions.pattern})\s+(?:[\w.-]+\s+){{0,3}}$",
                         ctx.text[max(start, c.start - 50):c.start])
               for c in countries if c.iso3 == party and start <= c.start)


def _three_told(ctx: SentenceContext, history: list[Mention]) -> list[str] | None:
    """"The three allies": the three countries this sentence names as actors, else the three of the
    latest event told among three."""
    named = unique(c.iso3 for c in ctx.countries if c.start not in ctx.location and c.kind != "city")
    if len(named) == 3:
        return named
    for earlier in reversed(history):
        group = unique(c for m in history if m.sentence_index == earlier.sentence_index for c in (m.actor1, m.actor2))
        if len(group) == 3:
            return group
    return None


def parties_in(ctx: SentenceContext, countries: list[CountryMention], position: int) -> list[str]:
    """Countries taking part, in order of appearance: not the claimants, not the enemy."""
    # "Putin and Kim, according to the Kremlin, held talks": the source, not Putin, is left out.
    claimants = [iso for verb, isos in ctx.claimants.items() if verb < position for iso in isos]
    parties = []
    for c in countries:
        if c.start in ctx.sources or c.start in ctx.asides or (c.iso3 in claimants and c.start < position):
            continue
        if any(max(position, verb - 40) < c.start < verb and c.iso3 in isos for verb, isos in ctx.claimants.items()):
            continue  # "The treaty took effect as Seoul, Washington and Kyiv say...": who says, not who signed
        if facing(ctx.rules, ctx.text, c.start) and c.kind != "person":
            continue
        parties.append(c.iso3)
    return unique(parties)


def group_before(history: list[Mention], party: str, index: int) -> list[str] | None:
    """The parties of a treaty told among three or more in the sentence just before, if `party` is one."""
    earlier = [m for m in history if m.event_type == "treaty" and m.sentence_index == index - 1]
    group = unique(c for m in earlier for c in (m.actor1, m.actor2))
    return group if len(group) >= 3 and party in group else None


def previous_pair(history: list[Mention], index: int) -> list[str] | None:
    """"The two countries": the pair of the latest event within three sentences, else the article's
    first pair, which is most often the pair its story is about (measured better than the last two
    countries named, which come next when the article has no event yet)."""
    for earlier in reversed(history):
        if index - earlier.sentence_index <= 3:
            return [earlier.actor1, earlier.actor2]
    return [history[0].actor1, history[0].actor2] if history else None


def partner_from_history(history: list[Mention], party: str, event_type: str, index: int,
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
