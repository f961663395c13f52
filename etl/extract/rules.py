"""The event words of one language (etl/lang/<lang>/events.yaml), compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl import lang
from etl.extract.troops import CountWords, count_words

B, E = r"(?<![\w-])", r"(?![\w-])"


def words(patterns, flags=re.IGNORECASE) -> re.Pattern:
    """One pattern matching any of the expressions, each on word boundaries."""
    patterns = [p for p in (patterns or []) if p]
    if not patterns:
        return re.compile(r"(?!)")
    ordered = sorted(patterns, key=len, reverse=True)
    # An entry ending in a space ("if ", "si ") already ends on a boundary; the end check would refuse it.
    return re.compile(B + "(?:" + "|".join(f"(?:{p})" + ("" if p[-1].isspace() else E) for p in ordered) + ")", flags)


def one_scan(groups: list[tuple[str, str, list[str]]]) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for many word lists, each a named group: one pass over a sentence instead of one
    per list (measured: the lists' lookbehind at every position is most of the cost of a scan)."""
    parts, kinds = [], {}
    for i, (event_type, subtype, patterns) in enumerate(groups):
        patterns = [p for p in patterns if p]
        if not patterns:
            continue
        ordered = sorted(patterns, key=len, reverse=True)
        parts.append(f"(?P<g{i}>" + "|".join(f"(?:{p})" + ("" if p[-1].isspace() else E) for p in ordered) + ")")
        kinds[f"g{i}"] = (event_type, subtype)
    return re.compile(B + "(?:" + "|".join(parts or ["(?!)"]) + ")", re.IGNORECASE), kinds


def plain(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """Like words(), for literal phrases that may start or end with punctuation."""
    phrases = [p for p in (phrases or []) if p]
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)), flags)


def _breaks(d: dict) -> re.Pattern:
    """Clause breaks, except before an apposition ("Frankreich, die frühere Kolonialmacht, hatte ...")."""
    breaks = plain(d.get("clause_breaks"))
    if not d.get("appositions"):
        return breaks
    return re.compile(f"(?:{breaks.pattern})(?!{d['appositions']})", breaks.flags)


@dataclass
class Rules:
    language: str
    meeting: list[tuple[str, re.Pattern]]
    triggers: re.Pattern  # every trigger word in one scan; the group name says which (see trigger_kinds)
    trigger_kinds: dict[str, tuple[str, str]]  # group name -> (event type, subtype)
    address_verbs: re.Pattern
    address_preposition: str
    address_direct: re.Pattern
    host_verbs: re.Pattern
    with_prepositions: re.Pattern
    visit_ends: re.Pattern
    visit_days: re.Pattern
    treaty_nouns: re.Pattern
    treaty_steps: list[tuple[str, re.Pattern]]
    treaty_phrases: list[tuple[str, re.Pattern]]
    treaty_default: str
    later_steps: re.Pattern  # ratification and entry into force, which may go on without a party named
    accession: re.Pattern
    accession_pronouns: re.Pattern
    troop_nouns: re.Pattern
    troop_pronouns: re.Pattern
    troop_anaphora: re.Pattern  # "these soldiers": the troops just told
    adjective_after: bool
    troop_subtypes: list[tuple[str, re.Pattern]]
    fighting_around: re.Pattern  # "killed in the fighting": the fighting is where, the deed is the killing
    send_verbs: re.Pattern
    send_nouns: re.Pattern  # "announced the deployment of 900 troops": the announcer sends them
    send_verb_last: bool  # the send verb closes the clause ("... Soldaten nach Russland entsandt zu haben")
    counts: CountWords
    agent_preposition: re.Pattern
    origin_preposition: re.Pattern
    enemy_markers: re.Pattern
    background: re.Pattern  # "amid controversy over the sending of troops": a topic, not a report
    captures: re.Pattern  # "captured two North Korean soldiers": the captor's troops are no loss
    place_nouns: re.Pattern
    location_before: re.Pattern
    claim_verbs: re.Pattern
    passive_before: re.Pattern
    passive_auxiliary: re.Pattern  # anywhere before a host verb in its clause: "wurde ... empfangen"
    according_to: re.Pattern
    according_postpositions: re.Pattern
    own_account: re.Pattern
    hedges: re.Pattern
    negations: re.Pattern
    allegations: re.Pattern
    both_countries: re.Pattern
    multilateral: re.Pattern
    clause_breaks: re.Pattern
    and_breaks: re.Pattern
    date_carriers: re.Pattern
    hedge_stops: re.Pattern
    opening_clauses: re.Pattern
    conjunctions: re.Pattern
    sequence_words: re.Pattern
    back_references: re.Pattern
    since_clauses: re.Pattern  # "the first visit since Lee met Noda in 2011": an earlier meeting of its own
    after_words: re.Pattern  # "protested on Thursday after the Army moved": the date is not the deed's
    period_starts: re.Pattern
    pronoun_subjects: re.Pattern
    self_reference: re.Pattern  # "said it was": the one who says is the one who acts
    noun_dates: re.Pattern  # ", revised in": the date after it is the noun's, not the event's
    deadline_start: re.Pattern  # "bis Ende August" read as one date: it opens with the deadline word
    deadline_before: re.Pattern  # "by January 31": a date after it is a deadline, not when it happened
    toll_so_far: re.Pattern  # "already": losses counted up to the time of writing
    invasions: re.Pattern  # "the Russian invasion of Ukraine": combat told as a noun
    strikes: re.Pattern  # "India struck Pakistani air bases": a state's strike, no troops named
    strike_targets: re.Pattern  # what a strike hits: bases, posts, positions, territory
    invaded: re.Pattern  # the preposition after it, before the country invaded
    partitives: re.Pattern  # "Of the 11,000 troops ...": the troops a later count is part of
    troops_now: re.Pattern  # "derzeit", "still": troops told as a state at the time of writing
    withdrawal_words: re.Pattern  # "el repliegue", "the pullout": a withdrawal told without its troops
    similar: re.Pattern  # "a similar deal": a treaty like the one told before, with its common side
    topic_before: re.Pattern  # "talks about the accession": a treaty noun after it is a topic, not a step
    verb_second: bool  # the finite verb may come before its subject ("anschließend empfing Steinmeier den Gast")
    person_articles: re.Pattern  # "der" before "Ukrainer": the mention is one person
    place_references: re.Pattern
    place_relatives: re.Pattern
    departures: re.Pattern  # "the withdrawal from Mali": withdrawals told as nouns
    three_countries: re.Pattern
    possessive_words: re.Pattern  # "auf seinem Territorium": the possessives alone
    capitalised_nouns: bool  # German: a capital before a noun says nothing
    troop_possessives: re.Pattern
    withdrawal_from: re.Pattern
    rival_gap: re.Pattern  # between a later country and its own count: "beziffert ihre Zahl dagegen auf etwa", " de "
    base_before: re.Pattern  # "la base aérea de ", "the air base in ": a base just before the country left


@lru_cache(maxsize=None)
def rules(language: str | None) -> Rules | None:
    if language not in lang.available():
        return None
    d = lang.load(language, "events")
    treaty, troops = d["treaty"], d["troops"]
    preps = "|".join(sorted(d.get("location_prepositions", []), key=len, reverse=True))
    articles = r"(?:(?:la|le|les|l'|the|de la|du|des)\s*)?"
    trigger_groups = ([("treaty", k, v) for k, v in (treaty.get("phrases") or {}).items()]  # before the steps inside them
                      + [("meeting", k, v) for k, v in d["meeting"].items()]
                      + [("treaty", k, v) for k, v in treaty["steps"].items()]
                      + [("troops", "noun", troops["nouns"]), ("troops", "pronoun", troops.get("pronouns") or [])])
    triggers, trigger_kinds = one_scan(trigger_groups)
    return Rules(
        language=language,
        meeting=[(k, words(v)) for k, v in d["meeting"].items()],
        triggers=triggers,
        trigger_kinds=trigger_kinds,
        address_verbs=words(d.get("address_verbs")),
        address_preposition=d.get("address_preposition", ""),
        address_direct=words(d.get("address_direct")),
        host_verbs=words(d.get("host_verbs")),
        with_prepositions=words(d.get("with_prepositions")),
        visit_ends=words(d.get("visit_ends")),
        visit_days=re.compile(d.get("visit_days") or "(?!)", re.IGNORECASE),
        treaty_nouns=words(treaty["nouns"]),
        treaty_steps=[(k, words(v)) for k, v in treaty["steps"].items()],
        treaty_phrases=[(k, words(v)) for k, v in (treaty.get("phrases") or {}).items()],
        treaty_default=treaty.get("default_step", "signed"),
        later_steps=words([p for k in ("ratified", "in_force") for p in treaty["steps"].get(k, [])]),
        accession=words([treaty["accession"]] if treaty.get("accession") else []),
        accession_pronouns=words(treaty.get("accession_pronouns")),
        troop_nouns=words(troops["nouns"]),
        troop_pronouns=words(troops.get("pronouns")),
        troop_anaphora=re.compile("(?:" + "|".join(troops.get("anaphora") or ["(?!)"]) + r")\s+(?:[\w-]+\s+)?$", re.IGNORECASE),
        adjective_after=troops.get("adjective_position", "after") == "after",
        troop_subtypes=[(k, words(v)) for k, v in troops["subtypes"].items()],
        fighting_around=words(troops.get("fighting_around")),
        send_verbs=words(troops.get("send_verbs")),
        send_nouns=words(troops.get("send_nouns")),
        send_verb_last=troops.get("send_verb_position") == "last",
        counts=count_words(troops, words),
        agent_preposition=words(troops.get("agent_prepositions")),
        origin_preposition=words(troops.get("origin_prepositions")),
        enemy_markers=words(troops.get("enemy_markers")),
        captures=words(troops.get("captures")),
        background=words(troops.get("background")),
        place_nouns=words(troops.get("place_nouns")),
        # Matched against the text just before a country: "... en ", "... à la ", "... in ".
        location_before=re.compile(rf"{B}(?:{preps})\s+{articles}$", re.IGNORECASE),
        claim_verbs=words(d.get("claim_verbs")),
        rival_gap=re.compile(r"\s*(?:,\s*)?(?:[\w'’-]+\s+){0,2}?" + words((d.get("claim_verbs") or []) + (troops.get("rival_counts") or [])).pattern
                             + r"(?:\s+[\w'’-]+){0,6}?\s*", re.IGNORECASE),
        passive_auxiliary=words(d.get("passive_auxiliaries")),
        passive_before=re.compile(rf"{B}(?:{'|'.join(d.get('passive_auxiliaries', []))})\s+$", re.IGNORECASE),
        according_to=words(d.get("according_to")),
        according_postpositions=words(d.get("according_to_postpositions")),
        own_account=words(d.get("own_account")),
        hedges=words(d.get("hedges"), flags=0),
        negations=words(d.get("negations")),
        allegations=words(d.get("allegations")),
        both_countries=words(d.get("both_countries")),
        multilateral=words(d.get("multilateral"), flags=0),
        clause_breaks=_breaks(d),
        and_breaks=re.compile("|".join(d.get("and_breaks") or []) or "(?!)"),
        date_carriers=plain(d.get("date_carriers")),
        hedge_stops=plain(d.get("hedge_stops")),
        opening_clauses=re.compile("(?:" + "|".join(d.get("opening_clauses") or ["(?!)"]) + r")\s"),
        conjunctions=words(d.get("conjunctions")),
        sequence_words=words(d.get("conjunctions", []) + d.get("sequence_words", [])),
        back_references=words(d.get("back_references")),
        after_words=words(d.get("after_words")),
        since_clauses=words(d.get("since_clauses")),
        period_starts=words(d.get("period_starts")),
        pronoun_subjects=words(d.get("pronoun_subjects"), flags=0),
        verb_second=bool(d.get("verb_second")),
        similar=words(d.get("similar")),
        withdrawal_words=words(troops.get("withdrawal_words")),
        troops_now=words(troops.get("now_words")),
        partitives=words(troops.get("partitives")),
        invasions=words(troops.get("invasion_nouns")),
        strikes=words(troops.get("strike_verbs")),
        strike_targets=words(troops.get("strike_targets")),
        invaded=re.compile(r"(?:" + "|".join(sorted(troops.get("invaded") or ["(?!)"], key=len, reverse=True)) + r")\s*", re.IGNORECASE),
        toll_so_far=words(troops.get("toll_words")),
        deadline_before=re.compile(r"(?:^|\s)(?:" + "|".join(d.get("deadline_words") or ["(?!)"]) + r")\s+$", re.IGNORECASE),
        deadline_start=re.compile(r"(?:" + "|".join(d.get("deadline_words") or ["(?!)"]) + r")\s", re.IGNORECASE),
        noun_dates=re.compile((d.get("noun_dates") or "(?!)") + r"\s*$", re.IGNORECASE),
        self_reference=re.compile(d.get("self_reference") or "(?!)", re.IGNORECASE),
        topic_before=re.compile(r"(?:^|\s)(?:" + "|".join(d.get("topic_prepositions") or ["(?!)"]) + r")\s+(?:[\w'-]+\s+){0,2}$",
                                re.IGNORECASE),
        person_articles=re.compile(r"(?:^|\s)(?:" + "|".join(d.get("person_articles") or ["(?!)"]) + r")\s+$"),
        place_references=words(troops.get("place_references")),
        departures=words(troops.get("departures")),
        place_relatives=re.compile("|".join(troops.get("place_relatives") or []) or "(?!)", re.IGNORECASE),
        three_countries=words(d.get("three_countries")),
        withdrawal_from=words(troops.get("withdrawal_from") or troops.get("origin_prepositions")),
        base_before=re.compile(rf"{B}(?:{'|'.join(troops.get('bases') or ['(?!)'])})(?:\s+[\w'-]+){{0,3}}\s+$", re.IGNORECASE),
        possessive_words=words(troops.get("possessives")),
        capitalised_nouns=bool(troops.get("capitalised_nouns")),
        troop_possessives=re.compile(r"(?:^|\s)(?:" + "|".join(troops.get("possessives") or ["(?!)"]) + r")\s+(?:[\w.,-]+\s+){0,3}$",  # "ses 1 500 derniers soldats"
                                     re.IGNORECASE),
    )
