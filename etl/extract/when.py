"""When a trigger's event happened: its own date, a date listed after it, or one the context lends."""
from __future__ import annotations

import re
from datetime import timedelta

from etl.extract.context import SentenceContext, Trigger, clause_of
from etl.extract.date_arithmetic import month_of
from etl.extract.dates import DateSpan, grammar
from etl.model import UNKNOWN_DATE, EventDate, Mention


def date_after(ctx: SentenceContext, trigger: Trigger, triggers: list[Trigger], end: int) -> DateSpan | None:
    """The date written after a trigger, before the next trigger of its type. A troop noun that is only an
    object of the deed ("handed over the base to the Chadian army on Thursday") does not take the date:
    another report's noun stands past a comma or a conjunction."""
    same_type = [t.start for t in triggers if t.event_type == trigger.event_type and t.start > trigger.start
                 and (trigger.event_type != "troops" or (_past_a_join(ctx, trigger.end, t.start)
                                                         and not _apposition(ctx.text, trigger.end, t)))]
    end = _before_claim(ctx, trigger, trigger.end, end)
    for span in ctx.dates_of(trigger.event_type):
        if ctx.hedge_at <= span.start < ctx.hedge_end and trigger.start < ctx.hedge_at:
            continue  # "..., who will be sworn in as president in October": the date of what is hedged
        # A date inside a phrase trigger is its own: "das Gesetz am Samstag unterschrieben".
        # "a rétrocédé jeudi au Sénégal ses emprises": a phrase trigger may open with its date.
        if trigger.start <= span.start < end and not any(trigger.start < s < span.start for s in same_type):
            return span
    return None



def _apposition(text: str, start: int, noun: Trigger) -> bool:
    """"la fuerza especial Sabre, unos 400 hombres, puso fin ...": troops named again between commas."""
    comma = text.rfind(",", start, noun.start)
    return (comma >= 0 and "," not in text[start:comma] and re.fullmatch(r",\s(?:[\w.]+\s){0,3}", text[comma:noun.start]) is not None
            and re.match(r"[^,.;]{0,25},", text[noun.end:]) is not None)


def _past_a_join(ctx: SentenceContext, start: int, end: int) -> bool:
    return "," in ctx.text[start:end] or bool(ctx.rules.conjunctions.search(ctx.text, start, end))

def _before_claim(ctx: SentenceContext, trigger: Trigger, start: int, end: int) -> int:
    """Where a trigger's dates stop: at a claim verb ("have signed an agreement ..., the three governments
    said on Thursday" dates the saying). Not for troops: a count is dated by its claim ("300 soldats ont
    été tués ..., a estimé lundi le renseignement sud-coréen")."""
    if trigger.event_type == "troops":
        return end
    return next((s for s, e in ctx.claim_verbs() if s >= start and e <= end), end)


def listed_dates(ctx: SentenceContext, first: DateSpan | None, triggers: list[Trigger], trigger: Trigger,
                  end: int) -> list[DateSpan]:
    """Dates that follow a trigger's own date in a list, with no other trigger of its type between:
    "in Singapore in June 2018, in Hanoi in February 2019 and at the border in June 2019"."""
    if first is None:
        return []
    listed, previous = [], first
    end = _before_claim(ctx, trigger, first.end, end)  # "on November 11, KCNA reported the next day"
    for span in ctx.dates_of(trigger.event_type):
        if span.start < previous.end or span.start >= end:
            continue
        gap = ctx.text[previous.end:span.start]
        # "on February 12, and six days later Rubio held talks": a counted day opens another event.
        if (span.counted or len(gap) > 60 or re.search(r"[.;:]", gap) or not ("," in gap or ctx.rules.sequence_words.search(gap))
                or any(previous.end <= t.start < span.start for t in triggers if t != trigger)
                or any(t != trigger and 0 <= t.start - span.end <= 20 and not re.search(r"[,;]", ctx.text[span.end:t.start])
                       for t in triggers)):
            # German puts the date before its verb; "signed a treaty in June, held talks on Monday", "hatten,
            # führten am Montag Gespräche": a date after or just before another trigger is that event's.
            break
        listed.append(span)
        previous = span
    return listed


SIGNED_AT_MEETING_WINDOW = 3  # sentences back in which the pair's meeting dates an undated signing
OPENING_REACH = 6  # characters from a clause's start within which a date opens it ("Dès septembre, ...")
BACK_REFERENCE_REACH = 30  # characters after a trigger within which its own date overrides 'alors'


def _dates_a_claim(ctx: SentenceContext, span: DateSpan) -> bool:
    """"The U.S. Army said on Monday that its task force had brought ...": the date of the saying."""
    said = None
    for said in ctx.rules.claim_verbs.finditer(ctx.text, max(0, span.start - 30), span.start):
        pass
    return bool(said) and not ctx.text[said.end():span.start].strip()


def _told_after(ctx: SentenceContext, trigger: Trigger, span: DateSpan) -> bool:
    """"China protested on Thursday after the U.S. Army moved a launcher to Luzon": troops told after
    'after' moved before that date, on a day the sentence does not give."""
    return trigger.event_type == "troops" and bool(ctx.rules.after_words.search(ctx.text, span.end, trigger.start))


def own_date(ctx: SentenceContext, trigger: Trigger, triggers: list[Trigger], start: int, end: int) -> DateSpan | None:
    """The date written after a trigger (date_after), unless that date is far from it and the
    sentence points to another: 'alors', 'then' in the trigger's clause, or a when-clause, point
    back to the last date an earlier clause gave ("Londres avait ouvert la voie en janvier : Sunak
    s'était alors rendu à Kiev pour signer ... un engagement pris par le G7 en juillet 2023" is
    January); a date just before the trigger is its own ("le 10 mars, lors d'un sommet ... le
    premier depuis 2018")."""
    after = date_after(ctx, trigger, triggers, end)
    if after is not None and ctx.rules.noun_dates.search(ctx.text, max(0, after.start - 25), after.start):
        after = None  # "the agreement with Paris, revised in 2019": the treaty's own past, not this step's date
    dates = ctx.dates_of(trigger.event_type)
    close = [span for span in dates if trigger.start - BACK_REFERENCE_REACH <= span.end <= trigger.start and start <= span.start
             and not _told_after(ctx, trigger, span)
             and not any(span.end <= t.start < trigger.start for t in triggers if t.event_type == trigger.event_type)
             # "first met in Vladivostok in 2019 and held a second summit": 2019 is the meeting's just before
             and not any(t != trigger and t.event_type == trigger.event_type and 0 <= span.start - t.end <= BACK_REFERENCE_REACH
                         for t in triggers)
             and not _dates_a_claim(ctx, span)]
    # "am 24. Oktober ratifiziert, der Föderationsrat am 6. November": past a comma, the next date is the next step's.
    if after is not None and after.start <= trigger.end + BACK_REFERENCE_REACH and not (
            close and "," in ctx.text[trigger.end:after.start]):
        return after
    if close and after is not None:
        return close[-1]
    far = after is not None and after.start > trigger.end + 2 * BACK_REFERENCE_REACH
    opening = far and next((span for span in dates if start <= span.start <= start + OPENING_REACH and span.end <= trigger.start
                            and not any(span.end <= t.start < trigger.start for t in triggers if t.event_type == trigger.event_type)
                            and not _dates_a_claim(ctx, span)), None)
    if opening:
        # "Dès septembre, selon les Nations unies, des militaires israéliens étaient entrés ... occupé depuis
        # 1967": a date opening the clause is its event's, over one told far after it.
        return opening
    if start == 0 or not (ctx.rules.back_references.search(ctx.text, start, trigger.end)
                          or ctx.rules.date_carriers.match(ctx.text, start)):
        return after
    earlier = [span for span in dates if span.end <= start]
    return earlier[-1] if earlier else after


def date_for(ctx: SentenceContext, trigger: Trigger, triggers: list[Trigger], start: int, end: int,
              history: list[Mention], event_type: str, pair: str, subtype: str = "") -> tuple[EventDate, bool]:
    """The date a trigger's event happened, and whether it was taken from an earlier sentence.

    First a date after the trigger with no trigger of the same type between them;
    then a 'just'/'récemment' marker (the publication month); then a date before it.
    """
    own = own_date(ctx, trigger, triggers, start, end)
    if own:
        return own.date, False
    g = grammar(ctx.rules.language)
    dates = ctx.dates_of(event_type)
    before = [span for span in dates if start <= span.start and span.end <= trigger.start
              and not _told_after(ctx, trigger, span)]
    if ctx.anchor and g.recent_before(ctx.text, trigger.start) and not (before and before[-1].counted):
        return month_of(ctx.anchor), False  # not "noch am Abend", counted from the day told before
    if before:
        return before[-1].date, False
    if start > 0 and ctx.rules.date_carriers.match(ctx.text, start):
        # "It fell last Thursday, when lawmakers voted": a when-clause happens at its main clause's date.
        main_start = clause_of(ctx, start - 1)[0]
        main = [span for span in dates if main_start <= span.start and span.end <= start]
        if main:
            return main[-1].date, False
    for earlier in reversed(history):
        # An undated event of a type and pair the article already dated is that event told again:
        # "le traité, conclu à Pyongyang"; "It was Lee's first visit to Washington since...".
        if event_type == "treaty" and earlier.subtype != subtype:
            continue  # a ratification's date is not the signing's
        if earlier.event_type == event_type and earlier.pair == pair and earlier.date.value:
            return earlier.date, True
    if event_type == "meeting" and not dates:
        # "Kamikawa and Kihara were in the Philippine capital for the talks": the pair's visit is the
        # occasion of the signing the article dated (its latest, and only a signing).
        signed = next((m for m in reversed(history) if m.event_type == "treaty" and m.subtype == "signed"
                       and m.pair == pair and m.date.precision == "day"), None)
        if signed:
            return signed.date, True
    if event_type == "treaty" and subtype == "signed" and not dates:
        # "Après des entretiens, les deux présidents ont assisté à la signature d'une série d'accords": signed
        # at the pair's meeting the article just dated.
        met = next((m for m in reversed(history) if m.event_type == "meeting" and m.pair == pair
                    and m.date.precision == "day" and ctx.index - m.sentence_index <= SIGNED_AT_MEETING_WINDOW), None)
        if met:
            return met.date, True
    narrative = ctx.narrative if not dates and event_type != "troops" else None
    if narrative:
        # "Valtonen also held talks with Blinken": a sentence with no date of its own goes on
        # at the time the sentence before it reached. Not troop reports: they tell of a state
        # ("troops are in Kursk"), and the sentence before is most often another event.
        return narrative, True
    if event_type != "troops" and not dates and history and history[-1].sentence_index == ctx.index - 1 \
            and history[-1].date.value:
        # "They then signed ...", "sus gobiernos suscribieron además": the date the sentence before
        # gave its event, told or inherited, where that sentence writes none the grammar reads.
        return history[-1].date, True
    if event_type == "troops" and not dates and ctx.rules.back_references.search(ctx.text, start, end) and ctx.narrative:
        return ctx.narrative, True  # "Zu diesem Zeitpunkt waren rund 1.000 französische Soldaten im Tschad"
    now = ctx.rules.troops_now.search(ctx.text, start, end) or (
        subtype == "casualties" and ctx.rules.toll_so_far.search(ctx.text, start, end))  # "bereits 3.000 getötet"
    if event_type == "troops" and ctx.anchor and (now or (ctx.opens_article and not dates)):
        # "Derzeit seien rund 10.000 US-Soldaten in Polen stationiert": a state, in the month of writing;
        # so is the news an article opens with ("BAKU — Die russischen Friedenstruppen haben Bergkarabach verlassen").
        return month_of(ctx.anchor), False
    return UNKNOWN_DATE, False


def visit_start(ctx: SentenceContext, when: tuple[EventDate, bool], start: int, end: int) -> tuple[EventDate, bool]:
    """A visit told at its end ("a achevé vendredi sa visite d'État de trois jours") began that many
    days before; with no length told, only its month is known."""
    r, (told, inherited) = ctx.rules, when
    if inherited or told.precision != "day" or not r.visit_ends.search(ctx.text, start, end):
        return when
    length = r.visit_days.search(ctx.text, start, end)
    if length:
        said = length.group(1).lower()
        days = int(said) if said.isdigit() else r.counts.number_words.get(said)
        if days and days < 30:
            return EventDate(told.value - timedelta(days=days - 1), "day"), False
    return month_of(told.value), False
