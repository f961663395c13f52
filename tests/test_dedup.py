"""Mentions of one real event become one event, keeping the finest date."""
from datetime import date

from etl.load.dedup import MentionRow, build_events


def row(mid, article, date_value, precision, event_type="meeting", subtype="visit", a1="RUS", a2="PRK",
        count=None, sentence=0):
    return MentionRow(mid, article, event_type, subtype, a1, a2, "-".join(sorted((a1, a2))), date_value,
                      precision, count, 0.9, sentence)


def events_of(rows):
    events, assignment = build_events(rows)
    return sorted(events, key=lambda e: (e["event_type"], str(e["date"]))), assignment


def test_month_and_day_mentions_of_one_meeting_merge_with_the_day():
    events, assignment = events_of([
        row("m1", "a1", date(2024, 6, 1), "month"),
        row("m2", "a2", date(2024, 6, 19), "day", subtype="talks"),
        row("m3", "a3", date(2024, 6, 19), "day"),
    ])
    assert len(events) == 1
    event = events[0]
    assert (event["date"], event["date_precision"]) == (date(2024, 6, 19), "day")
    assert (event["n_mentions"], event["n_sources"], event["subtype"]) == (3, 3, "visit")
    assert len(set(assignment.values())) == 1


def test_different_days_stay_apart_and_a_month_joins_the_better_attested():
    events, _ = events_of([
        row("m1", "a1", date(2024, 11, 18), "day"),
        row("m2", "a2", date(2024, 11, 18), "day"),
        row("m3", "a3", date(2024, 11, 5), "day"),
        row("m4", "a4", date(2024, 11, 1), "month"),
    ])
    assert [(e["date"], e["n_mentions"]) for e in events] == [(date(2024, 11, 5), 1), (date(2024, 11, 18), 3)]


def test_undated_mention_joins_the_event_its_own_article_dates():
    events, assignment = events_of([
        row("m1", "a1", date(2024, 11, 18), "day", sentence=3),
        row("m2", "a1", date(2024, 6, 1), "month", sentence=7),
        row("m3", "a1", None, "unknown", sentence=5),
    ])
    assert len(events) == 2
    assert assignment["m3"] == assignment["m1"]


def test_treaty_steps_and_troop_directions_are_different_events():
    events, _ = events_of([
        row("t1", "a1", date(2024, 6, 1), "month", event_type="treaty", subtype="signed"),
        row("t2", "a1", date(2024, 11, 1), "month", event_type="treaty", subtype="ratified"),
        row("x1", "a1", None, "unknown", event_type="troops", subtype="deployment", a1="PRK", a2="RUS", count=10000),
        row("x2", "a2", None, "unknown", event_type="troops", subtype="deployment", a1="PRK", a2="RUS", count=11000),
        row("x3", "a2", None, "unknown", event_type="troops", subtype="deployment", a1="RUS", a2="PRK"),
    ])
    assert sorted((e["event_type"], e["subtype"], e["actor1"], e["n_mentions"]) for e in events) == [
        ("treaty", "ratified", "RUS", 1), ("treaty", "signed", "RUS", 1),
        ("troops", "deployment", "PRK", 2), ("troops", "deployment", "RUS", 1)]
    deployment = next(e for e in events if e["actor1"] == "PRK")
    assert deployment["count"] == 11000


def test_a_phone_call_is_not_the_meeting_of_the_same_month():
    events, _ = events_of([
        row("m1", "a1", date(2025, 6, 17), "day", subtype="talks", a1="JPN", a2="KOR"),
        row("m2", "a1", date(2025, 6, 1), "month", subtype="call", a1="JPN", a2="KOR"),
        row("m3", "a2", date(2025, 6, 17), "day", subtype="call", a1="JPN", a2="KOR"),
    ])
    assert sorted((e["subtype"], e["n_mentions"]) for e in events) == [("call", 2), ("talks", 1)]


def test_ids_do_not_depend_on_input_order():
    rows = [row("m1", "a1", date(2024, 6, 1), "month"), row("m2", "a2", date(2024, 6, 19), "day"),
            row("m3", "a3", None, "unknown")]
    first, _ = build_events(rows)
    second, _ = build_events(list(reversed(rows)))
    assert first == second


def test_confidence_grows_with_independent_sources():
    one, _ = build_events([row("m1", "a1", date(2024, 6, 19), "day")])
    two, _ = build_events([row("m1", "a1", date(2024, 6, 19), "day"), row("m2", "a2", date(2024, 6, 19), "day"),
                           row("m3", "a2", date(2024, 6, 19), "day", sentence=4)])
    assert one[0]["confidence"] == 0.9
    assert two[0]["confidence"] == 0.99
    assert (two[0]["n_mentions"], two[0]["n_sources"]) == (3, 2)
