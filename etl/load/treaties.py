"""Treaties as things: the treaty events of one pair grouped into one record per treaty.

A pair's treaty events are read in date order. A signing opens a new treaty unless it
falls within SAME_SIGNING of the current one's (articles date one signing a day apart);
ratifications and entry into force continue the treaty signed before them, within
LIFECYCLE years; a suspension ends the latest. Undated steps join the pair's latest treaty.
The name is the one the articles use most (English first); what a treaty replaces is read
from sentences such as "the new text replaces a cooperation treaty signed in 2001".
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import duckdb
import pyarrow as pa

from etl import lang
from etl.extract.sentences import split_sentences
from etl.model import short_hash

STEPS = ("negotiated", "signed", "ratified", "in_force", "suspended")
SAME_SIGNING = timedelta(days=60)
NEGOTIATION = timedelta(days=2 * 366)  # a negotiation, then its signing
LIFECYCLE = timedelta(days=5 * 366)  # a signing, then its ratifications and entry into force
ONE_PARTY_STEPS = ("ratified", "suspended")  # the event's first actor is the party that acts
REPLACES_WINDOW = 2  # sentences between a "replaces" sentence and the treaty mention it is about


@dataclass
class TreatyEvent:
    event_id: str
    pair: str
    step: str
    actor1: str
    date: date | None
    precision: str
    n_sources: int


@dataclass
class Treaty:
    pair: str
    events: list[TreatyEvent] = field(default_factory=list)

    def signing(self) -> TreatyEvent | None:
        return _best(e for e in self.events if e.step == "signed")

    def anchor(self) -> date | None:
        signed = self.signing()
        return signed.date if signed else min((e.date for e in self.events if e.date), default=None)

    def accepts(self, e: TreatyEvent) -> bool:
        anchor = self.anchor()
        if e.date is None or anchor is None:
            return True
        if e.step == "suspended":
            return True
        signed = self.signing()
        if e.step in ("negotiated", "signed"):
            if signed is None:
                return e.date - anchor <= NEGOTIATION
            return _same_period(e, signed) or abs(e.date - anchor) <= SAME_SIGNING
        return timedelta(0) <= e.date - anchor <= LIFECYCLE or _same_period(e, signed or self.events[0])


def _same_period(a: TreatyEvent, b: TreatyEvent) -> bool:
    """Dates that may be the same day: 2024-06 holds 2024-06-19, 2024 holds both."""
    if a.date is None or b.date is None:
        return True
    coarse = max(a.precision, b.precision, key=lambda p: ("day", "month", "year").index(p))
    if coarse == "year":
        return a.date.year == b.date.year
    if coarse == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date == b.date


def _best(events) -> TreatyEvent | None:
    """The best-attested event, the earliest among equals."""
    return min(events, key=lambda e: (-e.n_sources, e.date or date.max, e.event_id), default=None)


def group(events: list[TreatyEvent]) -> list[Treaty]:
    by_pair: dict[str, list[TreatyEvent]] = defaultdict(list)
    for e in events:
        by_pair[e.pair].append(e)
    treaties: list[Treaty] = []
    for pair in sorted(by_pair):
        dated = sorted((e for e in by_pair[pair] if e.date), key=lambda e: (e.date, STEPS.index(e.step), e.event_id))
        undated = sorted((e for e in by_pair[pair] if not e.date), key=lambda e: e.event_id)
        mine: list[Treaty] = []
        for e in dated:
            if e.step == "signed":  # a signing continues only the latest treaty, or opens a new one
                home = mine[-1] if mine and mine[-1].accepts(e) else None
            else:
                home = next((t for t in reversed(mine) if t.accepts(e)), None)
            if home is None:
                home = Treaty(pair)
                mine.append(home)
            home.events.append(e)
        for e in undated:
            if not mine:
                mine.append(Treaty(pair))
            mine[-1].events.append(e)
        treaties.extend(mine)
    return treaties


@lru_cache(maxsize=None)
def _patterns(language: str) -> tuple[list[re.Pattern], re.Pattern | None]:
    treaty = lang.load(language, "events").get("treaty", {}) if language in lang.available() else {}
    names = [re.compile(p) for p in treaty.get("names", [])]
    replaces = re.compile(treaty["replaces"]) if treaty.get("replaces") else None
    return names, replaces


def names_in(sentence: str, language: str) -> list[str]:
    found = []
    for pattern in _patterns(language)[0]:
        found += [" ".join(m.group(0).split()).strip(" -'") for m in pattern.finditer(sentence)]
    return [n for n in found if len(n.split()) >= 2]


def _name(treaty: Treaty, sentences: dict[str, list[tuple[str, str]]]) -> str | None:
    """The name the articles use most for the treaty, in English where there is one."""
    counts: Counter = Counter()
    forms: dict[tuple[str, str], str] = {}
    for e in treaty.events:
        for text, language in sentences.get(e.event_id, []):
            for name in names_in(text, language):
                name = re.sub(r"^(?:the|le|la|l'|el|der|die|das)\s+", "", name.replace('"', "").replace("”", ""),
                              flags=re.IGNORECASE)
                key = (language, name.lower())
                counts[key] += 1
                forms.setdefault(key, name)
    if not counts:
        return None
    best = max(counts, key=lambda k: (k[0] == "en", counts[k], len(k[1])))
    text = forms[best]
    return text[0].upper() + text[1:]


def build(events: list[TreatyEvent], sentences: dict[str, list[tuple[str, str]]]) -> tuple[list[dict], list[dict]]:
    """Treaty records and their steps, from treaty events and each event's (sentence, language)s."""
    treaties, steps = [], []
    for t in group(events):
        anchor_event = t.signing() or min(t.events, key=lambda e: (e.date or date.max, e.event_id))
        treaty_id = short_hash("treaty", t.pair, anchor_event.event_id)
        in_force = _best(e for e in t.events if e.step == "in_force")
        signed = t.signing()
        stage = max((e.step for e in t.events), key=STEPS.index)
        treaties.append({
            "treaty_id": treaty_id, "pair": t.pair, "name": _name(t, sentences), "parties": t.pair.split("-"),
            "first_date": min((e.date for e in t.events if e.date), default=None),
            "signed": signed.date if signed else None, "in_force": in_force.date if in_force else None,
            "stage": stage, "replaces": None, "replaces_treaty_id": None, "n_steps": len(t.events)})
        for e in t.events:
            steps.append({"treaty_id": treaty_id, "event_id": e.event_id, "step": e.step,
                          "party": e.actor1 if e.step in ONE_PARTY_STEPS else None,
                          "date": e.date, "date_precision": e.precision})
    return treaties, steps


def link_replacements(treaties: list[dict], steps: list[dict], articles: list[tuple[str, str, str]],
                      mentions: list[tuple[str, int, str, str]]) -> None:
    """Fill `replaces` from "X replaces Y" sentences: X is the newest treaty of the pair the article
    tells of near that sentence; Y, when the sentence itself dates an older treaty, is linked too."""
    treaty_of = {s["event_id"]: s["treaty_id"] for s in steps}
    by_id = {t["treaty_id"]: t for t in treaties}
    per_article: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for article_id, index, pair, event_id in mentions:
        if event_id in treaty_of:
            per_article[article_id].append((index, pair, treaty_of[event_id]))
    for article_id, language, text in articles:
        pattern = _patterns(language)[1]
        if pattern is None or article_id not in per_article:
            continue
        for sentence in split_sentences(text):
            match = pattern.search(sentence.text)
            if not match:
                continue
            told_here = per_article[article_id]
            near = [(abs(i - sentence.index), pair, tid) for i, pair, tid in told_here
                    if abs(i - sentence.index) <= REPLACES_WINDOW]
            # Far from any treaty mention, "the new text" is the treaty the article tells of most.
            pair = min(near)[1] if near else Counter(p for _, p, _ in told_here).most_common(1)[0][0]
            told = {tid for _, p, tid in told_here if p == pair}
            newest = max(told, key=lambda tid: (by_id[tid]["first_date"] or date.min, tid))
            older = [tid for i, p, tid in told_here
                     if i == sentence.index and p == pair and tid != newest]
            record = by_id[newest]
            record["replaces"] = " ".join(match.group("what").split())
            record["replaces_treaty_id"] = older[0] if older else None


TREATY_EVENTS = """SELECT event_id, pair, subtype, actor1, date, date_precision, n_sources FROM events
                   WHERE event_type = 'treaty' AND origin = 'extracted' AND status <> 'rejected'"""
TREATY_SENTENCES = """SELECT m.event_id, m.sentence, a.language FROM mentions m JOIN articles a USING (article_id)
                      WHERE m.event_type = 'treaty' AND m.event_id IS NOT NULL"""
TREATY_MENTIONS = "SELECT article_id, sentence_index, pair, event_id FROM mentions WHERE event_type = 'treaty'"
TREATY_ARTICLES = """SELECT article_id, language, text FROM articles
                     WHERE article_id IN (SELECT article_id FROM mentions WHERE event_type = 'treaty')"""
TREATY_COLUMNS = ["treaty_id", "pair", "name", "parties", "first_date", "signed", "in_force", "stage",
                  "replaces", "replaces_treaty_id", "n_steps"]
STEP_COLUMNS = ["treaty_id", "event_id", "step", "party", "date", "date_precision"]
TREATY_SCHEMA = pa.schema([("treaty_id", pa.string()), ("pair", pa.string()), ("name", pa.string()),
                           ("parties", pa.list_(pa.string())), ("first_date", pa.date32()),
                           ("signed", pa.date32()), ("in_force", pa.date32()), ("stage", pa.string()),
                           ("replaces", pa.string()), ("replaces_treaty_id", pa.string()), ("n_steps", pa.int32())])
STEP_SCHEMA = pa.schema([("treaty_id", pa.string()), ("event_id", pa.string()), ("step", pa.string()),
                         ("party", pa.string()), ("date", pa.date32()), ("date_precision", pa.string())])


def rebuild_treaties(con: duckdb.DuckDBPyConnection) -> int:
    events = [TreatyEvent(*row) for row in con.execute(TREATY_EVENTS).fetchall()]
    sentences: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event_id, sentence, language in con.execute(TREATY_SENTENCES).fetchall():
        sentences[event_id].append((sentence, language))
    treaties, steps = build(events, sentences)
    link_replacements(treaties, steps, con.execute(TREATY_ARTICLES).fetchall(),
                      con.execute(TREATY_MENTIONS).fetchall())
    con.execute("DELETE FROM treaty_steps")
    con.execute("DELETE FROM treaties")
    if treaties:
        con.register("new_treaties", pa.Table.from_pylist(treaties, schema=TREATY_SCHEMA))
        con.execute("INSERT INTO treaties SELECT * FROM new_treaties")
        con.unregister("new_treaties")
        con.register("new_steps", pa.Table.from_pylist(steps, schema=STEP_SCHEMA))
        con.execute("INSERT INTO treaty_steps SELECT * FROM new_steps")
        con.unregister("new_steps")
    return len(treaties)
