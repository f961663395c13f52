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


@pytest.mark.parametrize("text, language", [
    ("Russia and North Korea, which signed a mutual defence treaty in June, held talks on Monday.", "en"),
    ("La Russie et la Corée du Nord, qui ont signé un traité de défense mutuelle en juin, ont tenu des pourparlers "
     "lundi.", "fr"),
    ("Rusia y Corea del Norte, que firmaron un tratado de defensa mutua en junio, mantuvieron conversaciones el "
     "lunes.", "es"),
    # The relative clause cuts the subjects from their verb; they are still its subjects.
    ("Russland und Nordkorea, die im Juni einen Beistandspakt unterzeichnet hatten, führten am Montag Gespräche.", "de"),
])
def test_a_background_signing_keeps_its_date_and_the_talks_theirs(text, language):
    assert sorted((e[0], e[1], e[4]) for e in events(text, language, PUBLISHED)) == [
        ("meeting", "talks", "2024-11-18"), ("treaty", "signed", "2024-06")]


def test_a_later_meeting_word_with_a_day_of_its_own_is_a_meeting_of_its_own():
    text = ("Arrivée en Russie la semaine dernière, Choe Son Hui avait tenu vendredi à Moscou des consultations "
            "stratégiques avec son homologue.")
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, "fr", datetime(2024, 11, 5, 9, 0))] == [
        ("visit", "PRK", "RUS", "2024-10"), ("talks", "PRK", "RUS", "2024-11-01")]


def test_an_apposition_on_the_meeting_is_no_meeting_of_its_own():
    text = ("Emmanuel Macron a reçu jeudi à l'Élysée le président sénégalais Bassirou Diomaye Faye pour un déjeuner "
            "de travail, leur première rencontre depuis l'élection en mars de ce dirigeant.")
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, "fr", datetime(2024, 6, 21, 9, 0))] == [
        ("visit", "SEN", "FRA", "2024-06-20")]


def test_two_meetings_joined_in_one_clause_keep_their_own_dates():
    text = ("Putin last came to Pyongyang in July 2000. Putin and Kim first met in Vladivostok in 2019 and held a "
            "second summit at the Vostochny cosmodrome in Russia's Far East in September last year.")
    dates = sorted(e[4] for e in events(text, "en", datetime(2024, 6, 20, 9, 0)) if e[0] == "meeting")
    assert dates == ["2000-07", "2019", "2023-09"]


@pytest.mark.parametrize("text, language", [
    ("Sánchez invitó a Xi Jinping a visitar España.", "es"),
    ("Biden invited Xi Jinping to visit Washington.", "en"),
    ("Xi y Biden se reúnen regularmente.", "es"),
    ("Les deux présidents se parlent régulièrement au téléphone.", "fr"),
    ("Biden called on Xi Jinping to rein in Russia.", "en"),
    ("Biden called Xi Jinping a dictator.", "en"),
])
def test_invitations_habits_and_calls_to_act_are_no_meetings(text, language):
    assert [e for e in events(text, language) if e[0] == "meeting"] == []


@pytest.mark.parametrize("text", [
    "Biden called Xi Jinping on Thursday.",
    # The claimant after the last comma is the White House alone, not Xi named before it.
    "Biden spoke by phone with Xi Jinping on Thursday, the White House said.",
])
def test_a_call_to_a_named_leader(text):
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, "en")] == [("call", "USA", "CHN", "2024-11-14")]
