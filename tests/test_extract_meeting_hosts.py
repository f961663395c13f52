"""Who visits whom when a host verb tells the meeting: passives, places that host, 'both' as subjects."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events

PUBLISHED = datetime(2024, 11, 20, 9, 0)


@pytest.mark.parametrize("text, language", [
    ("Putin llegó el martes a Pionyang. Allí fue recibido por el líder norcoreano, Kim Jong Un.", "es"),
    ("Poutine est arrivé mardi à Pyongyang. Il a été reçu par Kim Jong Un.", "fr"),
    ("Putin landete am Dienstag in Pjöngjang. Dort wurde er von Kim Jong Un empfangen.", "de"),
])
def test_received_by_the_host_is_a_visit_to_the_host(text, language):
    assert {(e[0], e[1], e[2], e[3]) for e in events(text, language, PUBLISHED)} == {("meeting", "visit", "RUS", "PRK")}


def test_a_place_hosts_when_the_host_verbs_subject_names_no_country():
    text = "Der Kanzler empfing am Donnerstag in Berlin den französischen Präsidenten."
    assert events(text, "de", PUBLISHED) == [("meeting", "visit", "FRA", "DEU", "2024-11-14", None, [])]


def test_both_as_a_german_subject_are_the_two_just_named():
    text = ("Kim Jong Un empfing am Mittwoch Wladimir Putin. Beide unterzeichneten einen Vertrag über "
            "gegenseitigen Beistand.")
    assert [(e[0], e[1], e[2], e[3]) for e in events(text, "de", PUBLISHED)] == [
        ("meeting", "visit", "RUS", "PRK"), ("treaty", "signed", "RUS", "PRK")]
