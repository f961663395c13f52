"""The seed article (Le360/AFP, 19 Nov 2024) must give the events of issue 2's table, and no others."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED

FORBIDDEN_PAIRS = {"PRK-UKR", "CHN-PRK"}


@pytest.fixture(scope="module")
def lines():
    out = subprocess.run([sys.executable, "-m", "etl", "extract", str(SEED.relative_to(ROOT))], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def pair(line):
    return "-".join(sorted((line["actor1"], line["actor2"])))


def find(lines, event_type, the_pair, **fields):
    return [l for l in lines if l["event_type"] == event_type and pair(l) == the_pair
            and all(l[k] == v for k, v in fields.items())]


def test_kim_receives_kozlov_on_monday_18_november(lines):
    found = find(lines, "meeting", "PRK-RUS", date="2024-11-18", date_precision="day")
    assert any("a reçu lundi" in l["sentence"] for l in found)
    caption = [l for l in found if "rencontrant" in l["sentence"]]
    assert caption and caption[0]["location"] == "Pyongyang" and caption[0]["actor1"] == "RUS"


def test_putin_visit_to_pyongyang_in_june(lines):
    found = find(lines, "meeting", "PRK-RUS", date="2024-06", date_precision="month", subtype="visit")
    assert found and found[0]["actor1"] == "RUS" and found[0]["location"] == "Pyongyang"


def test_choe_son_hui_visit_to_moscow(lines):
    found = [l for l in find(lines, "meeting", "PRK-RUS", subtype="visit") if "Choe Son Hui" in l["sentence"]]
    assert len(found) == 1
    assert found[0]["date"] in (None, "2024-11")
    assert (found[0]["actor1"], found[0]["location"]) == ("PRK", "Moscou")


def test_xi_told_biden_last_week(lines):
    found = find(lines, "meeting", "CHN-USA")
    assert len(found) == 1
    assert found[0]["date"] in ("2024-11", "2024-11-11", "2024-11-12", "2024-11-13", "2024-11-14", "2024-11-15",
                                "2024-11-16", "2024-11-17")


def test_defence_pact_signed_in_june_and_ratified_in_november(lines):
    assert find(lines, "treaty", "PRK-RUS", subtype="signed", date="2024-06")
    assert find(lines, "treaty", "PRK-RUS", subtype="ratified", date="2024-11")
    assert not find(lines, "treaty", "PRK-RUS", subtype="signed", date="2024-11")


def test_more_than_10000_soldiers_claimed_by_usa_and_south_korea(lines):
    found = [l for l in lines if l["event_type"] == "troops" and l["count"] == 10000]
    assert len(found) == 1
    assert (found[0]["actor1"], found[0]["actor2"]) == ("PRK", "RUS")
    assert sorted(found[0]["reported_by"]) == ["KOR", "USA"]


def test_zelensky_says_troops_fought_in_kursk_on_7_november(lines):
    found = [l for l in lines if l["event_type"] == "troops" and l["date"] == "2024-11-07"]
    assert len(found) == 1
    assert (found[0]["actor1"], found[0]["actor2"], found[0]["reported_by"]) == ("PRK", "RUS", ["UKR"])
    assert found[0]["subtype"] in ("combat", "casualties")


def test_all_troop_reports_go_from_pyongyang_to_russia(lines):
    troops = [l for l in lines if l["event_type"] == "troops"]
    assert len(troops) >= 3
    assert {(l["actor1"], l["actor2"]) for l in troops} == {("PRK", "RUS")}


def test_no_false_pairs(lines):
    for line in lines:
        if line["event_type"] in ("meeting", "treaty"):
            assert pair(line) not in FORBIDDEN_PAIRS, line
            assert "FRA" not in (line["actor1"], line["actor2"]), line
            assert "BRA" not in (line["actor1"], line["actor2"]), line


def test_hedged_sentences_give_nothing(lines):
    hedged = ("anticipe Hong Min", "font entrevoir", "pourrait", "craignent", "n'a pas démenti", "n’a pas démenti")
    for line in lines:
        assert not any(h in line["sentence"] for h in hedged), line["sentence"]


def test_every_line_has_the_contract_fields(lines):
    keys = {"event_type", "subtype", "actor1", "actor2", "date", "date_precision", "count", "reported_by",
            "location", "article", "sentence", "confidence"}
    for line in lines:
        assert set(line) == keys
        assert set(line["article"]) == {"id", "source", "title", "url", "published", "language"}
        assert line["article"]["source"] == "data/samples/le360-2024-11-19-pyongyang-moscou.md"
        assert line["article"]["published"] == "2024-11-19T06:53:00"
        assert 0 < line["confidence"] <= 1
        assert line["actor1"] != line["actor2"]
