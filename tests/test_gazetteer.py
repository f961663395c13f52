"""Countries found by name, capital, seat of power, adjective and office holder, in French and English."""
from datetime import date

import pytest

from etl.gazetteer import gazetteer


def found(language, text, on=date(2024, 11, 19)):
    return [(m.text, m.iso3, m.kind) for m in gazetteer(language).find(text, on)]


@pytest.mark.parametrize("text, expected", [
    ("La Corée du Nord et la Russie", [("Corée du Nord", "PRK", "name"), ("Russie", "RUS", "name")]),
    ("Les Etats-Unis et les États-Unis", [("Etats-Unis", "USA", "name"), ("États-Unis", "USA", "name")]),
    ("Pyongyang se rapproche de Moscou au détriment de Pékin",
     [("Pyongyang", "PRK", "capital"), ("Moscou", "RUS", "capital"), ("Pékin", "CHN", "capital")]),
    ("le dirigeant nord-coréen, les troupes nord-coréennes, le ministre russe",
     [("nord-coréen", "PRK", "adjective"), ("nord-coréennes", "PRK", "adjective"), ("russe", "RUS", "adjective")]),
    ("Kiev et Kyiv", [("Kiev", "UKR", "capital"), ("Kyiv", "UKR", "capital")]),
    ("le Kremlin", [("Kremlin", "RUS", "seat")]),
    ("Poutine et Choe Son Hui", [("Poutine", "RUS", "person"), ("Choe Son Hui", "PRK", "person")]),
    ("l'Ukraine et d'Ukraine", [("Ukraine", "UKR", "name"), ("Ukraine", "UKR", "name")]),
])
def test_french(text, expected):
    assert found("fr", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("North Korea and South Korea", [("North Korea", "PRK", "name"), ("South Korea", "KOR", "name")]),
    ("North Korean troops and Russian officials", [("North Korean", "PRK", "adjective"), ("Russian", "RUS", "adjective")]),
    ("Beijing and Seoul", [("Beijing", "CHN", "capital"), ("Seoul", "KOR", "capital")]),
    ("the White House and the Pentagon", [("White House", "USA", "seat"), ("Pentagon", "USA", "seat")]),
    ("Putin, Xi Jinping and Zelenskyy", [("Putin", "RUS", "person"), ("Xi Jinping", "CHN", "person"),
                                        ("Zelenskyy", "UKR", "person")]),
])
def test_english(text, expected):
    assert found("en", text) == expected


def test_organisations_and_ambiguous_words_are_not_countries():
    assert found("en", "NATO, the United Nations and the European Union met in Brussels.") == []
    assert found("fr", "L'OTAN et l'ONU") == []
    assert found("en", "Michael Jordan visited Georgia") == []
    assert found("en", "The Korean peninsula") == []


def test_names_inside_longer_words_do_not_match():
    assert found("fr", "les Coréens du Sud et la Russiefication") == []
    assert found("en", "Indiana and Chinatown") == []


def test_office_holders_are_their_country_for_their_term():
    # Shoigu was Russia's defence minister until May 2024 and then Security Council secretary: still RUS.
    assert found("en", "Sergei Shoigu", date(2023, 7, 26)) == [("Sergei Shoigu", "RUS", "person")]
    assert found("en", "Lee Jae-myung", date(2025, 6, 10)) == [("Lee Jae-myung", "KOR", "person")]
    assert found("en", "Donald Trump", date(2019, 6, 30)) == [("Donald Trump", "USA", "person")]


def test_undated_text_still_finds_people():
    assert found("fr", "Kim Jong Un", on=None) == [("Kim Jong Un", "PRK", "person")]


def test_pezeshkian_in_french_spelling_is_iran():
    found = gazetteer("fr").find("Vladimir Poutine et Massoud Pezechkian se sont rencontrés", None)
    assert [m.iso3 for m in found] == ["RUS", "IRN"]


@pytest.mark.parametrize("language, text, expected", [
    ("de", "Bei den deutsch-indischen Regierungskonsultationen", ["DEU", "IND"]),
    ("de", "die russisch-ukrainische Grenze", ["RUS", "UKR"]),
    ("en", "the US-Japan alliance", ["USA", "JPN"]),
    ("en", "the Sino-Russian partnership", ["CHN", "RUS"]),
    ("fr", "le partenariat sino-russe", ["CHN", "RUS"]),
    ("es", "la alianza ruso-norcoreana", ["RUS", "PRK"]),
    ("fr", "le dirigeant nord-coréen", ["PRK"]),
    ("de", "die US-Soldaten", ["USA"]),
])
def test_two_countries_joined_by_a_hyphen_are_two_mentions(language, text, expected):
    assert [c.iso3 for c in gazetteer(language).find(text)] == expected


@pytest.mark.parametrize("language, text, expected", [
    ("es", "tropas en Siria y en China", [("Siria", "SYR", "name"), ("China", "CHN", "name")]),
    ("de", "Soldaten in Polen und Schweden", [("Polen", "POL", "name"), ("Schweden", "SWE", "name")]),
    ("fr", "en Argentine", [("Argentine", "ARG", "name")]),
])
def test_a_name_that_is_also_a_capitalised_adjective_is_a_name(language, text, expected):
    assert found(language, text) == expected


def test_a_word_list_written_twice_under_one_key_is_an_error(tmp_path, monkeypatch):
    from etl import lang
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "places.yaml").write_text('cities:\n  UKR: ["Ostukraine"]\n  UKR: ["Charkiw"]\n', encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    lang.load.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"places.yaml: key 'UKR' given twice \(line 3\)"):
            lang.load("xx", "places")
    finally:
        lang.load.cache_clear()


@pytest.mark.parametrize("language, text, iso3", [
    ("de", "in der Ostukraine", "UKR"), ("de", "bei Pokrowsk", "UKR"), ("en", "around Goma", "COD"),
    ("fr", "dans le Nord-Kivu", "COD"), ("es", "cerca de Alepo", "SYR"), ("en", "in eastern Congo", "COD"),
])
def test_places_of_the_wars_are_their_country(language, text, iso3):
    found = gazetteer(language).find(text)
    assert [(m.iso3, m.kind) for m in found] == [(iso3, "city")]


@pytest.mark.parametrize("language, text, iso3", [
    ("en", "Cyril Ramaphosa said", "ZAF"), ("fr", "Félix Tshisekedi a dit", "COD"), ("es", "Ilham Alíyev dijo", "AZE"),
    ("de", "Paul Kagame sagte", "RWA"),
])
def test_leaders_of_the_wars_stand_for_their_country(language, text, iso3):
    found = gazetteer(language).find(text, date(2025, 1, 30))
    assert [(m.iso3, m.kind) for m in found] == [(iso3, "person")]


@pytest.mark.parametrize("text, day", [("Mark Rutte said", date(2025, 1, 30)), ("Ursula von der Leyen said", date(2023, 4, 6))])
def test_a_person_in_an_international_post_stands_for_no_country(text, day):
    assert gazetteer("en").find(text, day) == []


def test_the_same_person_before_the_international_post_is_their_country():
    assert [m.iso3 for m in gazetteer("en").find("Mark Rutte said", date(2023, 1, 30))] == ["NLD"]
