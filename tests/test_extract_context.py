"""Extraction rules that read beyond one sentence or one name: short names, narrative time, guest lists."""
from datetime import date, datetime

import pytest

from etl.extract.sentences import split_sentences
from tests.test_extract_rules import events

PUBLISHED = datetime(2025, 8, 24, 9, 0)  # a Sunday


def test_a_surname_alone_is_the_person_named_in_full_earlier():
    text = ("South Korean President Lee Jae-myung arrived in Tokyo on Saturday. "
            "Lee and Ishiba first met in person in June, on the sidelines of the Group of Seven summit in Canada.")
    found = events(text, "en", PUBLISHED)
    assert ("meeting", "talks", "KOR", "JPN", "2025-06", None, []) in found
    assert not [e for e in found if "CAN" in e[2:4]]  # where the G7 met, not who met


def test_a_surname_shared_by_two_countries_people_is_not_used():
    text = ("Kim Jong Un inspected a missile launch on Friday, as South Korean Prime Minister Kim Boo-kyum "
            "visited Tokyo. Kim later flew to Beijing.")
    found = events(text, "en", datetime(2022, 1, 10, 9, 0))
    # "Kim" alone could be either man, so the second sentence lends Beijing no partner.
    assert not [e for e in found if "CHN" in e[2:4]]


def test_an_undated_sentence_goes_on_at_the_time_of_the_sentence_before():
    text = ("Finnish President Alexander Stubb signed the agreement at the State Department on Monday. "
            "Foreign Minister Elina Valtonen, who travelled with him, also held talks with Blinken.")
    found = events(text, "en", datetime(2023, 12, 19, 8, 0))
    talks = [e for e in found if e[0] == "meeting"]
    assert talks and talks[0][4] == "2023-12-18"


def test_a_sentence_two_back_lends_no_date():
    text = ("Finnish President Alexander Stubb signed the agreement at the State Department on Monday. "
            "The deal runs for ten years. "
            "Finnish officials also held talks with Blinken.")
    talks = [e for e in events(text, "en", datetime(2023, 12, 19, 8, 0)) if e[0] == "meeting"]
    assert talks and talks[0][4] is None


def test_each_guest_meets_the_host_on_their_own_day():
    text = ("Trump hosted French President Emmanuel Macron on Monday and British Prime Minister Keir Starmer "
            "on Thursday, both of whom urged him not to abandon Kyiv.")
    assert events(text, "en", datetime(2025, 3, 1, 9, 0)) == [
        ("meeting", "visit", "FRA", "USA", "2025-02-24", None, []),
        ("meeting", "visit", "GBR", "USA", "2025-02-27", None, []),
    ]


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


def test_a_day_number_ends_an_english_sentence_but_not_a_german_date():
    assert [s.text for s in split_sentences("They spoke on April 2. Marcos came in May.")] == [
        "They spoke on April 2.", "Marcos came in May."]
    assert len(split_sentences("Sie trafen sich am 8. Mai in Berlin.")) == 1


def test_one_step_told_with_two_dates_gives_two_events():
    text = ("Pyongyang et Moscou ont signé en juin un traité de défense mutuelle. La Douma l'a ratifié le "
            "24 octobre, puis le Conseil de la Fédération le 6 novembre.")
    ratified = [e for e in events(text, "fr") if e[1] == "ratified"]
    assert [(e[2], e[3], e[4]) for e in ratified] == [("RUS", "PRK", "2024-10-24"), ("RUS", "PRK", "2024-11-06")]


def test_meetings_listed_with_their_dates():
    text = ("Trump met North Korea's Kim Jong Un three times, in Singapore in June 2018, in Hanoi in "
            "February 2019 and at the inter-Korean border in June 2019.")
    dates = sorted(e[4] for e in events(text, "en", PUBLISHED) if e[0] == "meeting" and set(e[2:4]) == {"USA", "PRK"})
    assert dates == ["2018-06", "2019-02", "2019-06"]


def test_an_enemy_marker_does_not_reach_past_a_number():
    text = "Le Parlement hongrois a approuvé lundi, par 188 voix contre 6, l'adhésion de la Suède à l'Otan."
    assert events(text, "fr", datetime(2024, 2, 27, 9, 0)) == [
        ("treaty", "ratified", "HUN", "SWE", "2024-02-26", None, [])]


def test_the_two_leaders_met_where_not_with_whom():
    text = ("Xi Jinping est arrivé lundi à Moscou pour rencontrer Vladimir Poutine. "
            "Les deux dirigeants s'étaient vus pour la dernière fois en septembre 2022 à Samarcande, en "
            "Ouzbékistan, en marge d'un sommet de l'Organisation de coopération de Shanghai.")
    found = events(text, "fr", datetime(2023, 3, 21, 9, 0))
    assert ("meeting", "talks", "CHN", "RUS", "2022-09", None, []) in [e[:2] + tuple(sorted(e[2:4])) + e[4:] for e in found]
    assert not [e for e in found if "UZB" in e[2:4]]  # the host city's country is where, not who
    assert len([e for e in found if e[0] == "meeting"]) == 2  # Shanghai inside the forum's name is no party


def test_a_hedge_governs_what_follows_it_not_the_facts_before():
    text = ("Según la Moncloa, Pedro Sánchez y el rey Mohamed VI conversaron el miércoles por teléfono durante "
            "una media hora y el monarca invitó al presidente a una visita oficial que podría celebrarse en las "
            "próximas semanas.")
    found = events(text, "es", datetime(2023, 2, 3, 9, 0))
    assert [e[:2] for e in found] == [("meeting", "call")]  # the call stands; the visit that "could" happen does not
    assert set(found[0][2:4]) == {"ESP", "MAR"} and found[0][4] == "2023-02-01"
    # A hedge at the head of the sentence still governs all of it.
    assert events("Russia could deploy troops to Belarus next year, officials in Minsk said.", "en") == []


def test_some_of_them_continues_the_troop_report_before():
    text = ("Seoul says Pyongyang has sent more than 10,000 soldiers to Russia. "
            "US officials say some of them have joined the fighting in the Kursk region.")
    found = events(text, "en", datetime(2024, 12, 5, 9, 0))
    assert [(e[1], e[2], e[3], e[6]) for e in found] == [("deployment", "PRK", "RUS", ["KOR"]),
                                                         ("combat", "PRK", "RUS", ["USA"])]


def test_some_of_them_needs_a_report_before_and_a_deed():
    assert events("Some of them have joined the fighting in Russia's Kursk region.", "en") == []
    text = ("Pyongyang has sent more than 10,000 soldiers to Russia, Seoul says. "
            "Some of them are young.")
    assert [e[1] for e in events(text, "en")] == ["deployment"]


@pytest.mark.parametrize("text, language", [
    ("Selon Kyiv, environ 11 000 fantassins nord-coréens suivent un entraînement dans l'Est de la Russie.", "fr"),
    ("Kyiv says about 11,000 North Korean infantry soldiers are training in eastern Russia.", "en"),
])
def test_a_region_of_a_country_is_where_troops_are(text, language):
    found = events(text, language)
    assert [(e[0], e[2], e[3], e[5]) for e in found] == [("troops", "PRK", "RUS", 11000)]


def test_who_says_after_the_event_takes_no_part_in_it():
    text = ("Russia and North Korea signed the treaty in June. The treaty took effect on Wednesday as Seoul, "
            "Washington and Kyiv say more than 10,000 North Korean soldiers have been sent to Russia.")
    treaties = [e for e in events(text, "en", datetime(2024, 12, 5, 9, 0)) if e[0] == "treaty"]
    assert {(e[1], "-".join(sorted(e[2:4]))) for e in treaties} == {("signed", "PRK-RUS"), ("in_force", "PRK-RUS")}


def test_a_date_that_opens_a_period_is_not_the_visit_s():
    text = ("Starmer arrived in Kyiv on Thursday. "
            "It was his first visit to Ukraine since taking office in July.")
    visits = [e for e in events(text, "en", datetime(2025, 1, 17, 9, 0)) if e[0] == "meeting"]
    assert {e[4] for e in visits} == {"2025-01-16"}
    # A since-phrase that names an earlier visit keeps its date for that visit.
    text = "Xi Jinping ne s'était plus rendu à Moscou depuis mars 2023."
    assert [e[4] for e in events(text, "fr", datetime(2024, 10, 22, 9, 0))] == ["2023-03"]


def test_an_undated_event_the_article_dated_earlier_takes_that_date():
    text = ("Trump received South Korean President Lee Jae-myung at the White House on Monday. "
            "Tariffs dominated the agenda. Shipbuilding came next. Officials spoke of progress. "
            "It was Lee's first visit to Washington since he won a snap election in June.")
    visits = [e for e in events(text, "en", datetime(2025, 8, 26, 9, 0)) if e[0] == "meeting"]
    assert [e[4] for e in visits] == ["2025-08-25", "2025-08-25"]


def test_the_two_leaders_before_any_event_are_the_last_two_countries_named():
    text = ("South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba promised on "
            "Saturday to keep relations stable. The two leaders talked for nearly two hours at Ishiba's "
            "official residence in Tokyo.")
    found = events(text, "en", PUBLISHED)
    assert [(e[0], e[1], *sorted(e[2:4]), e[4]) for e in found] == [("meeting", "talks", "JPN", "KOR", "2025-08-23")]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Le Conseil de la Fédération a approuvé mercredi le traité avec la Corée du Nord. La veille, la Douma "
     "russe l'avait ratifié.", "fr", datetime(2024, 11, 8, 9, 0), "2024-11-05"),
    ("Russia's Duma ratified the treaty with North Korea on Thursday. The Federation Council approved it "
     "the next day.", "en", datetime(2024, 11, 20, 9, 0), "2024-11-15"),
])
def test_a_day_counted_from_the_last_day_told(text, language, published, expected):
    later = [e for e in events(text, language, published) if e[1] == "ratified"]
    assert [e[4] for e in later][-1] == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Londres avait ouvert la voie en janvier : le Premier ministre Rishi Sunak s'était alors rendu à Kiev "
     "pour signer le premier de ces accords, issus d'un engagement pris par le G7 en juillet 2023.", "fr", "2024-01"),
    ("London led the way in January; Prime Minister Rishi Sunak then travelled to Kyiv to sign the first of "
     "these deals, which grew out of a pledge the G7 made in July 2023.", "en", "2024-01"),
])
def test_then_in_a_later_clause_points_back_to_the_date_an_earlier_clause_gave(text, language, expected):
    found = events(text, language, datetime(2024, 2, 17, 9, 0))
    assert {e[4] for e in found if e[2:4] == ("GBR", "UKR")} == {expected}


def test_a_date_right_after_the_trigger_beats_then():
    text = "Talks stalled in March; Kishida then visited Seoul on May 7, 2023."
    found = events(text, "en", datetime(2023, 5, 8, 9, 0))
    assert [e[4] for e in found if e[0] == "meeting"] == ["2023-05-07"]


@pytest.mark.parametrize("text, language", [
    ("Blinken afirmó el jueves que hay unos diez mil soldados norcoreanos en Rusia y que hasta 8.000 de ellos "
     "han sido desplegados en la región fronteriza de Kursk.", "es"),
    ("Blinken a affirmé jeudi que, sur environ dix mille soldats nord-coréens présents en Russie, 8 000 se "
     "trouvaient désormais dans la région de Koursk.", "fr"),
    ("Blinken said on Thursday that about 10,000 North Korean soldiers were in Russia and that 8,000 of them "
     "had been deployed to the Kursk region.", "en"),
])
def test_a_part_of_the_troops_with_its_own_count_is_a_second_claim(text, language):
    found = events(text, language, datetime(2024, 11, 5, 9, 0))
    assert sorted((e[2], e[3], e[5]) for e in found if e[0] == "troops") == [("PRK", "RUS", 8000),
                                                                             ("PRK", "RUS", 10000)]
    assert len({e[4] for e in found}) == 1  # both told on the same day


def test_some_of_the_troops_just_counted_is_no_count_of_one():
    text = ("Plus de 10 000 soldats nord-coréens ont été déployés en Russie, et une partie d'entre eux "
            "a déjà combattu.")
    assert [e[5] for e in events(text, "fr", datetime(2024, 11, 5, 9, 0)) if e[0] == "troops"] == [10000]


def test_a_date_just_before_the_trigger_beats_one_far_after_it():
    text = ("Paris et Londres avaient relancé leur relation le 10 mars, lors d'un sommet franco-britannique à "
            "l'Élysée, le premier entre les deux pays depuis 2018.")
    found = events(text, "fr", datetime(2023, 9, 23, 9, 0))
    assert [(e[1], e[4]) for e in found if e[0] == "meeting"] == [("summit", "2023-03-10")]


def test_a_when_clause_takes_its_main_clause_date_over_one_far_after_the_trigger():
    text = ("In February, when US Defense Secretary Lloyd Austin visited Manila, the two governments announced "
            "that American forces would be allowed to use four more Philippine military sites under the Enhanced "
            "Defense Cooperation Agreement, a pact signed in 2014.")
    found = events(text, "en", datetime(2023, 5, 2, 9, 0))
    assert [(e[2], e[3], e[4]) for e in found if e[0] == "meeting"] == [("USA", "PHL", "2023-02")]


def test_a_law_approving_membership_is_a_ratification_but_membership_alone_is_no_treaty():
    signed = events("Erdogan signed the law approving Sweden's membership of NATO on Thursday.", "en",
                    datetime(2024, 1, 27, 9, 0))
    assert signed == [("treaty", "ratified", "TUR", "SWE", "2024-01-25", None, [])]
    talked = events("Biden discussed Ukraine's NATO membership with Zelensky on Tuesday.", "en",
                    datetime(2024, 1, 27, 9, 0))
    assert [e[0] for e in talked] == ["meeting"]


@pytest.mark.parametrize("name", ["Turkey", "Türkiye", "Turkiye"])
def test_turkey_by_each_of_its_names_is_a_party(name):
    found = events(f"{name}, Sweden and Finland signed a memorandum in Madrid on Tuesday.", "en",
                   datetime(2022, 6, 30, 9, 0))
    assert sorted(tuple(sorted(e[2:4])) for e in found) == [("FIN", "SWE"), ("FIN", "TUR"), ("SWE", "TUR")]


def test_a_turkey_on_the_table_is_no_country():
    assert events("Biden pardoned a turkey and met Macron on Tuesday.", "en", datetime(2022, 11, 24, 9, 0)) == [
        ("meeting", "talks", "USA", "FRA", "2022-11-22", None, [])]


@pytest.mark.parametrize("text", [
    "Japan signed agreements with Australia in January 2022.",
    "Japan signed two defence accords with Australia in January 2022.",
    "Japan and Australia signed treaties in January 2022.",
])
def test_treaties_in_the_plural_are_treaties(text):
    assert events(text, "en", datetime(2024, 7, 9, 9, 0)) == [("treaty", "signed", "JPN", "AUS", "2022-01", None, [])]


def test_each_partner_signed_with_the_subject_on_its_own_date():
    text = "Tokyo has signed similar accords with Australia, in January 2022, and with Britain, in January 2023."
    assert events(text, "en", datetime(2024, 7, 9, 9, 0)) == [
        ("treaty", "signed", "JPN", "AUS", "2022-01", None, []),
        ("treaty", "signed", "JPN", "GBR", "2023-01", None, []),
    ]


def test_the_date_of_a_statement_is_not_the_date_of_what_it_reports():
    text = ("Australia and the United States have signed an agreement on nuclear material, the two governments "
            "said in a joint statement on Thursday.")
    assert [e[4] for e in events(text, "en", datetime(2024, 8, 8, 9, 0))] == [None]


@pytest.mark.parametrize("text, language, count", [
    ("Die Zahl der in Deutschland stationierten US-Soldaten liegt bei 35.000.", "de", 35000),
    ("Er bezifferte die Zahl der in Deutschland stationierten US-Soldaten auf 45.000.", "de", 45000),
    ("He put the number of US troops in Germany at 45,000.", "en", 45000),
    ("Des soldats nord-coréens, au nombre de 10 000, sont en Russie.", "fr", 10000),
    ("Los soldados norcoreanos enviados a Rusia suman unos 11.000.", "es", 11000),
])
def test_a_count_told_after_the_troops(text, language, count):
    assert [e[5] for e in events(text, language, datetime(2024, 11, 20, 9, 0)) if e[0] == "troops"] == [count]


def test_a_number_after_the_troops_that_counts_something_else_is_no_count():
    assert [e[5] for e in events("US troops in Germany are spread over 3 bases.", "en",
                                 datetime(2024, 11, 20, 9, 0)) if e[0] == "troops"] == [None]


def test_an_undated_sentence_goes_on_at_hours_later_of_the_sentence_before():
    text = ("Así lo anunció el lunes la presidenta de México, Claudia Sheinbaum, tras conversar por teléfono con "
            "Donald Trump. Horas después, Ottawa obtuvo una tregua similar. El primer ministro canadiense, "
            "Justin Trudeau, habló por teléfono con Trump.")
    assert [(e[2], e[3], e[4]) for e in events(text, "es", datetime(2025, 2, 4, 7, 20))] == [
        ("MEX", "USA", "2025-02-03"), ("CAN", "USA", "2025-02-03")]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Zelensky a été reçu vendredi à l'Élysée par Emmanuel Macron. Macron a parlé des Mirage 2000-5, dont il "
     "avait annoncé jeudi soir la cession à Kiev. Plus tôt dans la journée, M. Zelensky s'était entretenu à "
     "Paris avec le président américain Joe Biden.", "fr", datetime(2024, 6, 8, 7, 30), "2024-06-07"),
    ("Sheinbaum conversó el lunes por teléfono con Donald Trump. El republicano había firmado el sábado los "
     "decretos. Horas después, Justin Trudeau habló por teléfono con Trump.", "es", datetime(2025, 2, 4, 7, 20),
     "2025-02-03"),
])
def test_hours_later_counts_from_the_story_s_day_not_a_flashback_s(text, language, published, expected):
    found = events(text, language, published)
    assert [e[4] for e in found if "USA" in e[2:4] and ("UKR" in e[2:4] or "CAN" in e[2:4])] == [expected]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Emmanuel Macron a quitté mercredi Rabat au terme d'une visite d'État de trois jours.", "fr",
     datetime(2024, 10, 31, 9, 0), "2024-10-28"),
    ("Scholz beendete am Freitag seinen dreitägigen Besuch in China.", "de", datetime(2024, 4, 20, 9, 0), "2024-04-17"),
    ("Biden wrapped up a visit to Vietnam on Monday.", "en", datetime(2023, 9, 12, 9, 0), "2023-09"),
    ("Zelensky a été reçu vendredi à l'Élysée par Emmanuel Macron, au terme d'une journée parisienne.", "fr",
     datetime(2024, 6, 8, 9, 0), "2024-06-07"),
])
def test_a_visit_told_at_its_end_began_its_length_before(text, language, published, expected):
    assert [e[4] for e in events(text, language, published) if e[1] == "visit"] == [expected]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Hungary and Turkey ratified Finland's accession protocol in March.", "en", datetime(2023, 4, 5, 9, 0),
     [("HUN", "FIN"), ("TUR", "FIN")]),
    ("Finland joined in April 2023 after the parliaments of Hungary and Turkey ratified its accession in late March.",
     "en", datetime(2024, 3, 8, 9, 0), [("HUN", "FIN"), ("TUR", "FIN")]),
    ("Finlandia entró en la Alianza en abril de 2023, después de que los parlamentos de Hungría y de Turquía "
     "ratificaran su ingreso a finales de marzo.", "es", datetime(2024, 3, 8, 9, 0), [("HUN", "FIN"), ("TUR", "FIN")]),
    ("Le Parlement turc a ratifié jeudi l'adhésion de la Finlande à l'Otan.", "fr", datetime(2023, 4, 1, 9, 0),
     [("TUR", "FIN")]),
    ("Das ungarische Parlament hat am Montag den Nato-Beitritt Schwedens ratifiziert.", "de",
     datetime(2024, 2, 27, 9, 0), [("HUN", "SWE")]),
])
def test_ratifying_an_accession_pairs_each_ratifier_with_the_joining_country(text, language, published, expected):
    assert [(e[2], e[3]) for e in events(text, language, published) if e[1] == "ratified"] == expected


@pytest.mark.parametrize("text, language, published, expected", [
    ("Finland joined in April 2023 after Turkey ratified its accession in late March.", "en",
     datetime(2024, 3, 8, 9, 0), "2023-03"),
    ("Le traité, signé à Pyongyang en juin 2024 et entré en vigueur en décembre, lie Moscou et Pyongyang.", "fr",
     datetime(2025, 1, 10, 9, 0), "2024-12"),
    # "last November" counts from publication even after a written year.
    ("The idea was raised in April 2022, and Kishida and Marcos agreed in Manila last November to open "
     "negotiations on the pact.", "en", datetime(2024, 7, 9, 9, 0), "2023-11"),
])
def test_a_month_without_a_year_is_near_the_year_the_sentence_wrote(text, language, published, expected):
    assert [e[4] for e in events(text, language, published) if e[0] == "treaty"][-1:] == [expected]


@pytest.mark.parametrize("text", [
    "La Suède reste dans l'antichambre : ni Ankara ni Budapest n'ont encore ratifié son adhésion.",
    "La Turquie n'a toujours pas ratifié l'adhésion de la Suède.",
])
def test_french_denials_without_pas_are_no_ratification(text):
    assert events(text, "fr", datetime(2023, 4, 5, 9, 0)) == []


@pytest.mark.parametrize("text, language", [
    ("En juin 2022, les deux pays nordiques avaient signé avec la Turquie un mémorandum.", "fr"),
    ("En junio de 2022, en la cumbre aliada de Madrid, Turquía firmó con ambos países nórdicos un memorando.", "es"),
])
def test_a_named_group_of_countries_is_each_of_its_members(text, language):
    found = events(text, language, datetime(2023, 4, 5, 9, 0))
    assert sorted(tuple(sorted(e[2:4])) for e in found if e[0] == "treaty") == [
        ("FIN", "SWE"), ("FIN", "TUR"), ("SWE", "TUR")]
    assert {e[4] for e in found} == {"2022-06"}


def test_a_later_step_with_no_party_named_goes_on_with_the_treaty_just_told():
    text = ("Turkey ratified Sweden's accession to NATO on Thursday. "
            "Parliament had backed it on Tuesday night by 287 votes to 55.")
    found = events(text, "en", datetime(2024, 1, 26, 9, 0))
    assert [(e[1], e[2], e[3], e[4]) for e in found] == [("ratified", "TUR", "SWE", "2024-01-25"),
                                                          ("ratified", "TUR", "SWE", "2024-01-23")]


def test_a_step_looked_forward_to_has_not_happened():
    text = "Blinken said he looked forward to receiving Turkey's instruments of ratification for Sweden's accession."
    assert events(text, "en", datetime(2024, 1, 26, 9, 0)) == []


def test_the_day_a_step_was_reported_is_not_a_second_date_of_the_step():
    text = "Russia and North Korea's treaty was ratified by Kim by decree on November 11, KCNA reported the next day."
    assert [e[4] for e in events(text, "en", datetime(2024, 12, 5, 9, 0))] == ["2024-11-11"]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Trump spoke by telephone with Putin on February 12. Six days later, Rubio held talks with Lavrov in Riyadh.",
     "en", datetime(2025, 3, 1, 9, 0), ["2025-02-12", "2025-02-18"]),
    ("El Parlamento húngaro aprobó el lunes 26 de febrero el ingreso de Suecia. La votación llegó tres días después "
     "de que Kristersson viajara a Budapest para reunirse con Orbán.", "es", datetime(2024, 3, 8, 9, 0),
     ["2024-02-26", "2024-02-23"]),
    # "three days before Trump is sworn in" counts towards another day, not back from the signing.
    ("Putin and Pezeshkian signed a treaty in the Kremlin on Friday, three days before Donald Trump is sworn in.",
     "en", datetime(2025, 1, 18, 9, 0), ["2025-01-17"]),
])
def test_a_count_of_days_from_the_day_told(text, language, published, expected):
    assert [e[4] for e in events(text, language, published)] == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Mehr als 10.000 nordkoreanische Soldaten kämpfen in der Region Kursk.", "de", ("troops", "PRK", "RUS")),
    ("Das ungarische Parlament stimmte am Montag dem Nato-Beitritt Schwedens zu.", "de", ("treaty", "HUN", "SWE")),
    ("Ties were patched up at talks between US and Ukrainian delegations in Jeddah, Saudi Arabia, in March.", "en",
     ("meeting", "USA", "UKR")),
])
def test_places_and_parties(text, language, expected):
    # Kursk and Jeddah are where; Saudi Arabia after "Jeddah," is the country of the place, not a party.
    assert [(e[0], e[2], e[3]) for e in events(text, language, datetime(2024, 11, 20, 9, 0))] == [expected]


def test_and_before_a_new_subject_with_a_meeting_on_each_side_opens_a_clause():
    text = ("Secretary of State Antony Blinken was in Manila in March, and Biden pressed Chinese President Xi Jinping "
            "about Beijing's conduct in a telephone call on April 2.")
    assert events(text, "en", datetime(2024, 4, 12, 9, 0)) == [
        ("meeting", "visit", "USA", "PHL", "2024-03", None, []),
        ("meeting", "call", "USA", "CHN", "2024-04-02", None, []),
    ]


def test_a_list_of_countries_joined_by_and_stays_one_clause():
    text = "Japan, South Korea, and the United States held talks in Washington on Monday."
    assert sorted(tuple(sorted(e[2:4])) for e in events(text, "en", datetime(2024, 4, 12, 9, 0))) == [
        ("JPN", "KOR"), ("JPN", "USA"), ("KOR", "USA")]


@pytest.mark.parametrize("text", [
    "US troops arrived in Poland in March.",
    "US troops were in Poland in March.",
])
def test_troops_arriving_are_no_diplomatic_visit(text):
    assert [e[0] for e in events(text, "en", datetime(2024, 4, 12, 9, 0))] == ["troops"]


def test_a_french_visit_with_words_inside_its_verb():
    text = "Kim Jong Un s'était pour sa part rendu en septembre dernier au cosmodrome de Vostotchny, en Russie."
    assert events(text, "fr", datetime(2024, 6, 20, 9, 0)) == [("meeting", "visit", "PRK", "RUS", "2023-09", None, [])]


def test_troops_carried_as_far_as_a_city_are_deployed_there():
    text = ("Selon Séoul, mille cinq cents membres des forces spéciales nord-coréennes ont été transportés "
            "jusqu'à Vladivostok.")
    assert [(e[2], e[3], e[5]) for e in events(text, "fr", datetime(2024, 10, 24, 9, 0))] == [("PRK", "RUS", 1500)]


@pytest.mark.parametrize("text, language, expected", [
    ("Rund 10.000 Soldaten aus Nordkorea sind in Russland stationiert.", "de", ("PRK", "RUS", 10000, [])),
    ("About 10,000 troops from North Korea are in Russia.", "en", ("PRK", "RUS", 10000, [])),
    ("Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea etwa 3.000 Soldaten nach Russland entsandt.", "de",
     ("PRK", "RUS", 3000, ["KOR"])),
    ("According to US and South Korean officials, about 10,000 North Korean troops are in Russia.", "en",
     ("PRK", "RUS", 10000, ["USA", "KOR"])),
    ("Estados Unidos mantiene unos 28.500 militares en Corea del Sur.", "es", ("USA", "KOR", 28500, [])),
])
def test_who_sends_the_troops_and_who_says_so(text, language, expected):
    assert [(e[2], e[3], e[5], e[6]) for e in events(text, language, datetime(2024, 11, 20, 9, 0))] == [expected]


def test_a_treaty_of_three_told_again_with_one_place_keeps_its_three_parties():
    text = ("Australia, Britain and the United States have signed an agreement on nuclear material, the three "
            "governments said on Thursday. The agreement was signed in Washington on Monday.")
    found = events(text, "en", datetime(2024, 8, 8, 9, 0))
    assert sorted((e[2], e[3]) for e in found if e[4] == "2024-08-05") == [
        ("AUS", "GBR"), ("AUS", "USA"), ("GBR", "USA")]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Japan and South Korea signed the Treaty on Basic Relations in Tokyo in June 1965. "
     "It entered into force in December of that year.", "en", datetime(2025, 6, 20, 9, 0), ["1965-06", "1965-12"]),
    ("Xi Jinping s'était rendu à Moscou en mars 2023. Vladimir Poutine s'est rendu à Pékin en octobre de la même "
     "année.", "fr", datetime(2024, 10, 24, 9, 0), ["2023-03", "2023-10"]),
])
def test_a_month_of_that_year_takes_the_year_last_written(text, language, published, expected):
    assert [e[4] for e in events(text, language, published)] == expected


def test_the_end_of_a_period_is_not_the_date_of_the_event():
    text = "Ferdinand Marcos Jr. is on his first official visit to Washington, which runs until Thursday."
    assert [e[4] for e in events(text, "en", datetime(2023, 5, 2, 9, 0))] == [None]


def test_one_visitor_and_several_places_visits_the_place_right_after_the_trigger():
    text = ("En février de l'an dernier, M. Poutine s'était rendu à Pékin pour l'ouverture des Jeux olympiques "
            "d'hiver, peu avant le début de la guerre en Ukraine.")
    assert events(text, "fr", datetime(2023, 3, 22, 9, 0)) == [("meeting", "visit", "RUS", "CHN", "2022-02", None, [])]


@pytest.mark.parametrize("text, language, expected", [
    ("Der chinesische Staatschef Xi Jinping hat Russlands Präsidenten Wladimir Putin in Peking empfangen.", "de",
     ("RUS", "CHN")),
    ("Kremlchef Wladimir Putin wurde am Mittwoch von Machthaber Kim Jong Un empfangen.", "de", ("RUS", "PRK")),
    ("Kishida was received by Biden at the White House on Wednesday.", "en", ("JPN", "USA")),
    ("Chinas Außenminister Wang Yi kam am Dienstag in Moskau mit seinem russischen Kollegen Sergej Lawrow zusammen.",
     "de", ("CHN", "RUS")),
])
def test_the_host_is_the_subject_of_the_host_verb_or_the_agent_of_its_passive(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2024, 6, 20, 9, 0))] == [expected]


def test_refusing_on_a_day_to_confirm_a_visit_is_no_visit():
    text = "Le Kremlin a refusé vendredi de confirmer la date d'une visite de Vladimir Poutine en Turquie."
    assert events(text, "fr", datetime(2024, 2, 3, 9, 0)) == []


@pytest.mark.parametrize("text, language", [
    ("Latin American leaders met in Brasilia, the Washington Post said.", "en"),
    ("Xi a assisté au défilé marquant la victoire sur l'Allemagne nazie.", "fr"),
])
def test_a_longer_phrase_around_a_country_word_is_not_that_country(text, language):
    from etl.gazetteer import gazetteer
    assert "USA" not in {c.iso3 for c in gazetteer(language).find(text)}
    assert "DEU" not in {c.iso3 for c in gazetteer(language).find(text)}


def test_their_governments_stand_for_the_pair_and_a_series_of_agreements_is_a_treaty():
    text = ("Xi Jinping y Vladímir Putin se reunieron el martes en Moscú. Según el Kremlin, sus gobiernos "
            "suscribieron además una serie de acuerdos intergubernamentales.")
    assert [e[:5] for e in events(text, "es", datetime(2023, 3, 22, 9, 0))] == [
        ("meeting", "talks", "CHN", "RUS", "2023-03-21"), ("treaty", "signed", "CHN", "RUS", "2023-03-21")]
    assert [e[0] for e in events("De acuerdo con Seúl, Corea del Norte envió tropas a Rusia.", "es",
                                 datetime(2024, 11, 1, 9, 0))] == ["troops"]


@pytest.mark.parametrize("text, language, expected", [
    ("Der Bundestag hatte dem Beitritt Finnlands und Schwedens bereits im Juli 2022 zugestimmt.", "de",
     [("DEU", "FIN"), ("DEU", "SWE")]),
    ("Le Parlement français a ratifié l'adhésion de la Finlande et de la Suède en juillet 2022.", "fr",
     [("FRA", "FIN"), ("FRA", "SWE")]),
    ("Schweden ist am Donnerstag der Nato beigetreten, nachdem Ungarn als letztes Land den Beitritt ratifiziert hatte.",
     "de", [("HUN", "SWE")]),
])
def test_each_joining_country_pairs_with_the_ratifier(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2024, 12, 5, 9, 0))] == expected


def test_the_north_is_north_korea_once_the_article_has_named_it():
    text = ("Kim Jong Un a reçu Lavrov à Pyongyang. Les renseignements sud-coréens estiment que le Nord a dépêché "
            "plus de 10 000 hommes en Russie à l'automne dernier.")
    found = events(text, "fr", datetime(2025, 1, 14, 9, 0))
    assert [(e[2], e[3], e[4], e[5], e[6]) for e in found if e[0] == "troops"] == [("PRK", "RUS", "2024", 10000, ["KOR"])]
    assert events("Les troupes françaises sont arrivées dans le Nord lundi.", "fr", datetime(2025, 1, 14, 9, 0)) == []


@pytest.mark.parametrize("text, language, published, expected", [
    ("troops arrived last autumn", "en", date(2025, 1, 14), [date(2024, 1, 1)]),
    ("last autumn", "en", date(2024, 10, 14), [date(2023, 1, 1)]),  # said in the autumn: the one before
    ("in the summer of 2023", "en", date(2025, 1, 14), [date(2023, 1, 1)]),
    ("im vergangenen Herbst", "de", date(2025, 1, 14), [date(2024, 1, 1)]),
    ("l'ouverture des Jeux olympiques d'hiver", "fr", date(2025, 1, 14), []),
])
def test_a_season_is_its_year(text, language, published, expected):
    from etl.extract.dates import grammar
    assert [s.date.value for s in grammar(language).find(text, published)] == expected


@pytest.mark.parametrize("text, language", [
    ("About 10,000 North Korean troops are in Russia, Seoul said.", "en"),
    ("Quelque 10 000 soldats nord-coréens sont en Russie, a affirmé Séoul.", "fr"),
    ("Rund 1.500 nordkoreanische Soldaten seien nach Wladiwostok gebracht worden, teilte Seoul mit.", "de"),
])
def test_a_claim_told_after_the_troop_report_names_who_makes_it(text, language):
    assert [e[6] for e in events(text, language, datetime(2024, 11, 20, 9, 0))] == [["KOR"]]


def test_a_hedge_reaches_no_further_than_a_clause_of_fact_after_it():
    text = ("US President Donald Trump said on Monday he hoped to meet North Korea's Kim Jong Un again, perhaps "
            "before the end of the year, as he received South Korean President Lee Jae-myung at the White House.")
    # No meeting with Kim (a hope); the visit is a fact, on the day of the main clause.
    assert events(text, "en", datetime(2025, 8, 26, 7, 30)) == [("meeting", "visit", "KOR", "USA", "2025-08-25", None, [])]


@pytest.mark.parametrize("text, language, expected", [
    ("Mientras Xi estaba en Moscú, el primer ministro japonés, Fumio Kishida, llegó por sorpresa el martes a Kiev.",
     "es", [("JPN", "UKR")]),
    ("While Xi was in Moscow, Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv on Tuesday.",
     "en", [("CHN", "RUS"), ("JPN", "UKR")]),  # "Xi was in Moscow" is a visit of its own
])
def test_an_opening_subordinate_clause_lends_no_party_to_the_main_one(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2023, 3, 22, 9, 0))] == expected


@pytest.mark.parametrize("text, language, published", [
    ("Suecia y Finlandia solicitaron en mayo de 2022 su ingreso en la OTAN. Un mes después, en la cumbre aliada de "
     "Madrid, Turquía firmó con ambos países nórdicos un memorando trilateral.", "es", datetime(2024, 3, 8, 9, 0)),
    ("Sweden and Finland applied to join NATO in May 2022. A month later, at the alliance's summit, Turkey signed "
     "a memorandum with both Nordic countries.", "en", datetime(2024, 3, 8, 9, 0)),
])
def test_a_count_of_months_from_the_month_told(text, language, published):
    found = events(text, language, published)
    assert {e[4] for e in found if e[0] == "treaty"} == {"2022-06"}
    assert sorted(tuple(sorted(e[2:4])) for e in found if e[0] == "treaty") == [("FIN", "SWE"), ("FIN", "TUR"),
                                                                              ("SWE", "TUR")]


@pytest.mark.parametrize("text, language, expected", [
    ("El presidente chino, Xi Jinping, aprovechó el viernes su reunión en Pekín con el jefe del Gobierno español, "
     "Pedro Sánchez, para criticar la ofensiva arancelaria de Donald Trump.", "es", [("ESP", "CHN")]),
    ("Pedro Sánchez, que realiza su tercer viaje a China en dos años, pidió que China y Estados Unidos dialoguen.",
     "es", [("ESP", "CHN")]),
])
def test_the_partner_a_meeting_names_leaves_the_other_countries_as_topics(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2025, 4, 12, 9, 0))] == expected


@pytest.mark.parametrize("text, language", [
    ("Las tropas francesas abandonaron Níger en diciembre.", "es"),
    ("The last French troops left Niger in December.", "en"),
    ("Les derniers soldats français ont quitté le Niger en décembre.", "fr"),
])
def test_troops_leaving_a_country_withdraw_from_it(text, language):
    assert events(text, language, datetime(2024, 6, 20, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "NER", "2023-12", None, [])]


def test_a_host_meets_the_guest_named_after_the_host_verb_not_every_country_of_the_sentence():
    text = ("Le président chinois Xi Jinping a reçu jeudi soir au Palais du peuple, à Pékin, le dirigeant nord-coréen "
            "Kim Jong Un, au lendemain du défilé où il s'était affiché aux côtés de Vladimir Poutine.")
    assert events(text, "fr", datetime(2025, 9, 5, 9, 0)) == [("meeting", "visit", "PRK", "CHN", "2025-09-04", None, [])]


@pytest.mark.parametrize("text, language, expected", [
    ("Nach Angaben des ukrainischen Geheimdienstes kämpfen etwa 11.000 Nordkoreaner in Kursk.", "de",
     [("PRK", "RUS", 11000, ["UKR"])]),
    ("Unos 11.000 norcoreanos luchan en la región rusa de Kursk, según Kiev.", "es", [("PRK", "RUS", 11000, ["UKR"])]),
    ("About 11,000 North Koreans are fighting in Kursk.", "en", [("PRK", "RUS", 11000, [])]),
    ("Environ 11 000 Nord-Coréens combattent dans la région de Koursk.", "fr", [("PRK", "RUS", 11000, [])]),
    ("About 11,000 Russians live in Latvia.", "en", []),
    ("Pyongyang envió en octubre a Rusia unos 12.000 soldados, según la inteligencia surcoreana.", "es",
     [("PRK", "RUS", 12000, ["KOR"])]),
])
def test_a_count_of_a_people_doing_what_troops_do_is_a_troop_report(text, language, expected):
    found = events(text, language, datetime(2024, 12, 20, 9, 0))
    assert [(e[2], e[3], e[5], e[6]) for e in found if e[0] == "troops"] == expected


@pytest.mark.parametrize("text, language", [
    ("Nordkorea hat bislang rund 12.000 Soldaten zur Unterstützung Russlands entsandt.", "de"),
    ("Environ 12 000 soldats nord-coréens combattent aux côtés de la Russie.", "fr"),
    ("North Korea sent about 12,000 troops in support of Russia.", "en"),
])
def test_troops_sent_in_support_of_a_country_are_deployed_there(text, language):
    assert [(e[2], e[3], e[5]) for e in events(text, language, datetime(2024, 12, 20, 9, 0))] == [("PRK", "RUS", 12000)]


@pytest.mark.parametrize("text, language", [
    ("Le président russe a salué les soldats nord-coréens qui ont combattu aux côtés de l'armée russe.", "fr"),
    ("North Korean soldiers fought alongside Russian forces.", "en"),
    ("Nordkoreanische Soldaten kämpfen an der Seite der russischen Armee.", "de"),
])
def test_troops_fighting_alongside_an_army_fight_in_its_country(text, language):
    assert [(e[1], e[2], e[3]) for e in events(text, language, datetime(2025, 4, 29, 9, 0))] == [("combat", "PRK", "RUS")]
