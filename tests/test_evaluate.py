"""Extraction quality against the hand-annotated corpus, with floors so a regression fails.

The floors are the figures measured when they were last raised (see the closing notes), not
the targets of the issue; raise them when the extractor improves, never lower them silently.
"""
import json
import subprocess
import sys

import pytest

from etl.evaluate.gold import Item, split_of
from etl.evaluate.match import compatible, group, match
from etl.evaluate.run import evaluate, summary
from tests.conftest import ROOT, SAMPLES

GOLD = ROOT / "tests" / "gold"

# F1 floors on the whole corpus, by language and event type: the issue's targets (0.85 in French and
# English, 0.75 in Spanish and German), met since 2026-12-08, or the measure less about 0.01 where it is
# higher (meeting/treaty/troops: fr .886/.907/.880, en .872/.885/.868, es .833/.851/.761, de .828/.762/.788).
FLOORS = {
    "fr": {"meeting": 0.87, "treaty": 0.89, "troops": 0.87},
    "en": {"meeting": 0.86, "treaty": 0.87, "troops": 0.85},
    "es": {"meeting": 0.82, "treaty": 0.84, "troops": 0.75},
    "de": {"meeting": 0.81, "treaty": 0.75, "troops": 0.77},
}
# The held-out split, never tuned on, overall (measured 0.690 on 2026-12-08).
HELDOUT_FLOOR = 0.67


def gold(event_type="meeting", pair=("PRK", "RUS"), date="2024-06-19", precision="day", count=None, by=()):
    return Item(event_type, "visit", pair, pair[0], date, precision, count, tuple(by))


@pytest.fixture(scope="module")
def table():
    return summary(evaluate(GOLD, SAMPLES))


def test_dates_match_at_the_coarser_precision():
    assert compatible(gold(), gold(date="2024-06", precision="month"))
    assert not compatible(gold(), gold(date="2024-06-20"))
    assert compatible(gold(date="2024", precision="year"), gold(date="2024-11-09"))
    assert compatible(gold(date=None, precision="unknown"), gold(date="1999-01-01"))
    assert not compatible(gold(), gold(date=None, precision="unknown"))


def test_mentions_of_one_event_group_and_competing_claims_stay_apart():
    found = group([gold(date="2024-06", precision="month"), gold(),
                   gold("troops", count=10000, by=("USA",)), gold("troops", count=11000, by=("UKR",))])
    assert len(found) == 3
    assert gold() in found  # the finer date is kept
    result = match("a", "en", "dev", [gold(), gold("troops", count=11000, by=("UKR",))], found)
    assert len(result.matched) == 2 and len(result.false_alarms) == 1
    assert result.false_alarms[0].count == 10000


def test_a_battle_and_a_deployment_of_the_same_troops_are_two_events():
    deployed = Item("troops", "deployment", ("PRK", "RUS"), "PRK", "2024", "year", 15000, ("KOR",))
    fought = Item("troops", "combat", ("PRK", "RUS"), "PRK", None, "unknown", None, ())
    talks = Item("meeting", "talks", ("PRK", "RUS"), "PRK", "2024-06-19", "day", None, ())
    assert len(group([deployed, fought])) == 2
    assert len(group([gold(), talks])) == 1  # a visit told again as talks is one meeting
    call = Item("meeting", "call", ("PRK", "RUS"), "PRK", "2024-06", "month", None, ())
    assert len(group([gold(), talks, call])) == 2  # a call that month is another meeting


def test_a_quarter_of_the_articles_are_held_out():
    stems = [p.stem for p in GOLD.glob("*.jsonl")]
    held = [s for s in stems if split_of(s) == "heldout"]
    assert len(stems) >= 80
    assert 0.15 <= len(held) / len(stems) <= 0.35


def test_every_sample_article_has_gold():
    annotated = {p.stem for p in GOLD.glob("*.jsonl")}
    samples = {p.stem for p in SAMPLES.glob("*.md")} - {"le360-2024-11-19-pyongyang-moscou"}
    assert samples == annotated


@pytest.mark.parametrize("language", FLOORS)
def test_f1_stays_above_its_floor(table, language):
    measured = {t: table["all"][language][t]["f1"] for t in FLOORS[language]}
    for event_type, floor in FLOORS[language].items():
        assert measured[event_type] >= floor, f"{language} {event_type}: F1 {measured[event_type]} < floor {floor}"


def test_the_held_out_split_stays_above_its_floor(table):
    assert table["heldout"]["all"]["all"]["f1"] >= HELDOUT_FLOOR


def test_evaluate_command_prints_both_splits_and_the_errors(python_env):
    out = subprocess.run([sys.executable, "-m", "etl", "evaluate"], cwd=ROOT, env=python_env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "\ndev (" in out.stdout and "\nheldout (" in out.stdout
    assert "missed" in out.stdout and "false alarm" in out.stdout
    as_json = subprocess.run([sys.executable, "-m", "etl", "evaluate", "--json"], cwd=ROOT, env=python_env,
                             capture_output=True, text=True, timeout=300)
    scores = json.loads(as_json.stdout)
    assert set(scores) == {"all", "dev", "heldout"}
    assert scores["all"]["all"]["all"]["gold"] >= 400
