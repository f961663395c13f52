"""Hedges, denials and steps told in context: what is no event, and what a treaty step is."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events

PUBLISHED = datetime(2025, 8, 24, 9, 0)  # a Sunday


@pytest.mark.parametrize("text, language", [
    ("Biden is due to hold talks in Warsaw on Tuesday with Polish President Andrzej Duda.", "en"),
    ("Later the same day, Biden is set to host Kishida and Philippine President Ferdinand Marcos Jr.", "en"),
    ("Lee is scheduled to meet Trump at the White House on Monday.", "en"),
    ("Trump said he hoped to meet North Korea's Kim Jong Un again.", "en"),
    ("The agreement still has to be ratified by Ukraine's parliament.", "en"),
    ("M. Biden doit être reçu samedi par Emmanuel Macron pour une visite d'État.", "fr"),
])
def test_scheduled_and_hoped_for_events_give_nothing(text, language):
    assert events(text, language, PUBLISHED) == []


def test_a_hedge_governs_what_follows_it_not_the_facts_before():
    text = ("Según la Moncloa, Pedro Sánchez y el rey Mohamed VI conversaron el miércoles por teléfono durante "
            "una media hora y el monarca invitó al presidente a una visita oficial que podría celebrarse en las "
            "próximas semanas.")
    found = events(text, "es", datetime(2023, 2, 3, 9, 0))
    assert [e[:2] for e in found] == [("meeting", "call")]  # the call stands; the visit that "could" happen does not
    assert set(found[0][2:4]) == {"ESP", "MAR"} and found[0][4] == "2023-02-01"
    # A hedge at the head of the sentence still governs all of it.
    assert events("Russia could deploy troops to Belarus next year, officials in Minsk said.", "en") == []


def test_a_law_approving_membership_is_a_ratification_but_membership_alone_is_no_treaty():
    signed = events("Erdogan signed the law approving Sweden's membership of NATO on Thursday.", "en",
                    datetime(2024, 1, 27, 9, 0))
    assert signed == [("treaty", "ratified", "TUR", "SWE", "2024-01-25", None, [])]
    talked = events("Biden discussed Ukraine's NATO membership with Zelensky on Tuesday.", "en",
                    datetime(2024, 1, 27, 9, 0))
    assert [e[0] for e in talked] == ["meeting"]


@pytest.mark.parametrize("text", [
    "Japan signed agreements with Australia in January 2022.",
    "Japan signed two defence accords with Australia in January 2022.",
    "Japan and Australia signed treaties in January 2022.",
])
def test_treaties_in_the_plural_are_treaties(text):
    assert events(text, "en", datetime(2024, 7, 9, 9, 0)) == [("treaty", "signed", "JPN", "AUS", "2022-01", None, [])]


@pytest.mark.parametrize("text", [
    "La Suède reste dans l'antichambre : ni Ankara ni Budapest n'ont encore ratifié son adhésion.",
    "La Turquie n'a toujours pas ratifié l'adhésion de la Suède.",
])
def test_french_denials_without_pas_are_no_ratification(text):
    assert events(text, "fr", datetime(2023, 4, 5, 9, 0)) == []


def test_a_later_step_with_no_party_named_goes_on_with_the_treaty_just_told():
    text = ("Turkey ratified Sweden's accession to NATO on Thursday. "
            "Parliament had backed it on Tuesday night by 287 votes to 55.")
    found = events(text, "en", datetime(2024, 1, 26, 9, 0))
    assert [(e[1], e[2], e[3], e[4]) for e in found] == [("ratified", "TUR", "SWE", "2024-01-25"),
                                                          ("ratified", "TUR", "SWE", "2024-01-23")]


def test_a_step_looked_forward_to_has_not_happened():
    text = "Blinken said he looked forward to receiving Turkey's instruments of ratification for Sweden's accession."
    assert events(text, "en", datetime(2024, 1, 26, 9, 0)) == []


def test_a_french_visit_with_words_inside_its_verb():
    text = "Kim Jong Un s'était pour sa part rendu en septembre dernier au cosmodrome de Vostotchny, en Russie."
    assert events(text, "fr", datetime(2024, 6, 20, 9, 0)) == [("meeting", "visit", "PRK", "RUS", "2023-09", None, [])]


def test_refusing_on_a_day_to_confirm_a_visit_is_no_visit():
    text = "Le Kremlin a refusé vendredi de confirmer la date d'une visite de Vladimir Poutine en Turquie."
    assert events(text, "fr", datetime(2024, 2, 3, 9, 0)) == []


def test_a_hedge_reaches_no_further_than_a_clause_of_fact_after_it():
    text = ("US President Donald Trump said on Monday he hoped to meet North Korea's Kim Jong Un again, perhaps "
            "before the end of the year, as he received South Korean President Lee Jae-myung at the White House.")
    # No meeting with Kim (a hope); the visit is a fact, on the day of the main clause.
    assert events(text, "en", datetime(2025, 8, 26, 7, 30)) == [("meeting", "visit", "KOR", "USA", "2025-08-25", None, [])]


def test_what_an_official_is_asked_about_is_no_event():
    text = ('"This looks like fake news," Kremlin spokesman Dmitry Peskov told reporters when asked whether '
            'North Korean troops were in Russia.')
    assert events(text, "en") == []


@pytest.mark.parametrize("text, language", [
    ("Pyongyang et Moscou ont signé en juin un traité de défense mutuelle. Le Conseil de la Fédération "
     "avait donné son feu vert mercredi, après le vote unanime de la Douma le 24 octobre.", "fr"),
    ("Pyongyang and Moscow signed a mutual defence treaty in June. The Federation Council gave its green "
     "light on Wednesday, after the vote in the Duma on October 24.", "en"),
])
def test_a_green_light_and_a_parliament_vote_are_ratifications(text, language):
    ratified = sorted(e[4] for e in events(text, language, datetime(2024, 11, 10, 9, 0)) if e[1] == "ratified")
    assert ratified == ["2024-10-24", "2024-11-06"]


def test_assurer_takes_its_listener_as_a_direct_object_but_not_what_is_said():
    told = events("Kim Jong Un a assuré vendredi le ministre russe de la Défense, Andreï Belooussov, de son soutien.",
                  "fr", datetime(2024, 12, 1, 9, 0))
    assert [(e[0], e[2], e[3], e[4]) for e in told] == [("meeting", "PRK", "RUS", "2024-11-29")]
    said = events("Le chef du renseignement ukrainien a assuré qu'environ 11 000 Nord-Coréens s'entraînaient "
                  "en Russie.", "fr", datetime(2024, 10, 24, 9, 0))
    assert not [e for e in said if e[0] == "meeting"]


def test_a_pronoun_joined_to_a_party_is_the_person_named_before_in_german():
    text = ("Selenskyj unterzeichnete am Freitag in Berlin ein Abkommen mit Deutschland. "
            "Noch am Abend reiste der Ukrainer weiter nach Paris. "
            "Im Élysée-Palast unterzeichneten er und Präsident Emmanuel Macron eine ähnliche Vereinbarung.")
    found = events(text, "de", datetime(2024, 2, 17, 9, 0))
    assert ("meeting", "visit", "UKR", "FRA", "2024-02-16", None, []) in found  # the evening of the day told
    assert ("treaty", "signed", "UKR", "FRA", "2024-02-16", None, []) in found


@pytest.mark.parametrize("text, language", [
    ("Scholz empfing Selenskyj am Freitag in Berlin. Anschließend empfing Bundespräsident Steinmeier den Gast "
     "aus der Ukraine.", "de"),
    ("Choïgou est arrivé mardi. Accueilli mardi à l'aéroport par son homologue nord-coréen, le ministre russe "
     "a visité un musée.", "fr"),
])
def test_a_host_after_its_verb_hosts(text, language):
    found = events(text, language, datetime(2024, 2, 17, 9, 0))
    visits = [(e[2], e[3]) for e in found if e[1] == "visit"]
    assert visits and all(pair in (("UKR", "DEU"), ("RUS", "PRK")) for pair in visits)


def test_a_german_apposition_is_no_relative_clause():
    text = "Frankreich, die frühere Kolonialmacht, hatte seine letzten Soldaten im August 2022 aus Mali abgezogen."
    assert events(text, "de", datetime(2023, 12, 15, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "MLI", "2022-08", None, [])]


def test_a_joint_adjective_names_the_pair_and_a_hedged_sentence_still_names_who_both_are():
    text = ("Deutschland und Indien wollen trotz ihrer Haltung zu Russland enger zusammenarbeiten. "
            "Bei den deutsch-indischen Konsultationen in Neu-Delhi unterzeichneten beide Regierungen am Freitag "
            "ein Abkommen. Am Dienstag war er zum Gipfel in Kasan eingetroffen.")
    found = events(text, "de", datetime(2024, 10, 26, 9, 0))
    assert ("treaty", "signed", "DEU", "IND", "2024-10-25", None, []) in found
    assert all(e[2:4] != ("IND", "RUS") or e[1] == "visit" for e in found)


def test_german_verb_second_pronoun_and_a_new_subject_after_a_comma():
    text = ("Modi traf Scholz in Neu-Delhi. Am Dienstag war er in Kasan eingetroffen. "
            "Modi war im Mai 2022 nach Berlin gereist, Scholz hatte Indien im Februar 2023 besucht.")
    found = events(text, "de", datetime(2024, 10, 26, 9, 0))
    assert ("meeting", "visit", "IND", "RUS", "2024-10-22", None, []) in found
    assert ("meeting", "visit", "IND", "DEU", "2022-05", None, []) in found
    assert ("meeting", "visit", "DEU", "IND", "2023-02", None, []) in found
