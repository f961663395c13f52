"""Which date an event takes when its sentence does not simply say it: the sentence before, a day counted
from the day told, a month near the year written, the end of a visit or of a period, a claim's day."""
from datetime import date, datetime

import pytest

from etl.extract.sentences import split_sentences
from tests.test_extract_rules import events

PUBLISHED = datetime(2025, 8, 24, 9, 0)  # a Sunday


def test_an_undated_sentence_goes_on_at_the_time_of_the_sentence_before():
    text = ("Finnish President Alexander Stubb signed the agreement at the State Department on Monday. "
            "Foreign Minister Elina Valtonen, who travelled with him, also held talks with Blinken.")
    found = events(text, "en", datetime(2023, 12, 19, 8, 0))
    talks = [e for e in found if e[0] == "meeting"]
    assert talks and talks[0][4] == "2023-12-18"


def test_a_sentence_two_back_lends_no_date():
    text = ("Finnish President Alexander Stubb signed the agreement with Sweden on Monday. "
            "The deal runs for ten years. "
            "Finnish officials also held talks with Blinken.")
    talks = [e for e in events(text, "en", datetime(2023, 12, 19, 8, 0)) if e[1] == "talks"]
    assert talks and talks[0][4] is None


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


def test_the_date_of_a_statement_is_not_the_date_of_what_it_reports():
    text = ("Australia and the United States have signed an agreement on nuclear material, the two governments "
            "said in a joint statement on Thursday.")
    assert [e[4] for e in events(text, "en", datetime(2024, 8, 8, 9, 0))] == [None]


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
     "en", datetime(2025, 1, 18, 9, 0), ["2025-01-17", "2025-01-17"]),  # the signing and Pezeshkian's visit
])
def test_a_count_of_days_from_the_day_told(text, language, published, expected):
    assert [e[4] for e in events(text, language, published)] == expected


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


def test_of_two_visits_in_a_clause_the_dated_one_is_told():
    text = ("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul on Sunday. "
            "His stay, which began with a visit to Seoul National Cemetery, returns the favour of Yoon's trip "
            "to Tokyo in March.")
    found = events(text, "en", datetime(2023, 5, 8, 9, 0))
    assert ("meeting", "visit", "KOR", "JPN", "2023-03", None, []) in found


@pytest.mark.parametrize("text, language", [
    ("Xi Jinping est arrivé lundi à Moscou. C'est la première visite d'un chef d'État étranger en Russie "
     "depuis que la Cour pénale internationale a lancé, vendredi dernier, un mandat d'arrêt contre Poutine.", "fr"),
    ("Xi Jinping llegó el lunes a Moscú. Es la primera visita de un jefe de Estado extranjero a Rusia "
     "desde que la Corte Penal Internacional emitió, el viernes pasado, una orden de arresto contra Putin.", "es"),
])
def test_a_date_in_a_since_clause_starts_a_period_and_dates_no_visit(text, language):
    visits = [e for e in events(text, language, datetime(2023, 3, 22, 9, 0)) if e[0] == "meeting"]
    assert visits and {e[4] for e in visits} == {"2023-03-20"}


def test_dans_la_foulee_is_the_day_last_told_and_entretiens_are_talks():
    text = ("Mercredi, Xi Jinping a présidé un défilé à Pékin avec Kim Jong Un. Donald Trump les a accusés de "
            "conspirer. Dans la foulée, Vladimir Poutine a eu de longs entretiens avec Kim Jong Un.")
    found = events(text, "fr", datetime(2025, 9, 5, 9, 0))
    assert ("meeting", "talks", "RUS", "PRK", "2025-09-03", None, []) in found


def test_only_the_first_date_after_a_period_start_opens_the_period():
    text = ("Kishida, on his first trip since taking office in 2021, was welcomed by Biden "
            "on Wednesday.")
    visits = [e for e in events(text, "en", datetime(2024, 4, 11, 9, 0)) if e[0] == "meeting"]
    assert [(e[2], e[3], e[4]) for e in visits] == [("JPN", "USA", "2024-04-10")]


def test_they_then_signed_is_the_pair_and_the_day_of_the_sentence_before():
    text = ("Chilean President Gabriel Boric held talks with Argentina's Alberto Fernandez in Buenos Aires on Monday. "
            "The two presidents met privately for half an hour. "
            "They then signed a set of bilateral agreements at the Bicentennial Museum.")
    found = events(text, "en", datetime(2022, 4, 5, 9, 0))
    assert ("treaty", "signed", "CHL", "ARG", "2022-04-04", None, []) in found


def test_dates_listed_after_a_colon_are_the_clause_befores():
    text = ("Pedro Sánchez ha viajado dos veces a Kiev desde que empezó la guerra: en abril de 2022 y en febrero "
            "de 2023, en vísperas del primer aniversario del conflicto.")
    visits = [e for e in events(text, "es", datetime(2024, 5, 28, 9, 0)) if e[0] == "meeting"]
    assert [(e[2], e[3], e[4]) for e in visits] == [("ESP", "UKR", "2022-04"), ("ESP", "UKR", "2023-02")]


def test_an_undated_step_takes_the_date_of_the_event_of_the_sentence_before():
    text = ("Vladímir Putin afirmó el martes, tras reunirse en el Kremlin con Xi Jinping, que el plan chino puede "
            "servir de base. Los dos mandatarios mantuvieron tres horas de conversaciones. "
            "Según el Kremlin, sus gobiernos suscribieron además una serie de acuerdos.")
    found = events(text, "es", datetime(2023, 3, 22, 9, 0))
    assert ("treaty", "signed", "CHN", "RUS", "2023-03-21", None, []) in [e[:6] + ([],) for e in found]


def test_an_undated_visit_of_the_pair_is_the_occasion_of_the_signing_told():
    text = ("Japan and the Philippines signed a defence agreement on Monday. The pact covers joint exercises. "
            "Japan's Yoko Kamikawa and Minoru Kihara were in the Philippine capital for talks with their counterparts.")
    visits = [e for e in events(text, "en", datetime(2024, 7, 9, 9, 0)) if e[0] == "meeting"]
    assert visits and {e[4] for e in visits} == {"2024-07-08"}


@pytest.mark.parametrize("text, language", [
    ("Joe Biden arrived in Kyiv on Monday. He held talks with Zelensky, visited a monastery and laid a wreath "
     "for soldiers killed since 2014.", "en"),
    ("Joe Biden est arrivé lundi à Kiev. Il a rencontré Volodymyr Zelensky et s'est recueilli devant un mur "
     "dédié aux soldats tués depuis 2014.", "fr"),
])
def test_a_year_after_since_dates_no_event_and_he_is_the_visitor(text, language):
    found = events(text, language, datetime(2023, 2, 21, 9, 0))
    assert found and all(e[2:5] == ("USA", "UKR", "2023-02-20") for e in found), found


def test_a_date_in_a_hedged_side_clause_is_not_the_events():
    text = ("Australian Defence Minister Richard Marles, who flew in for the occasion, and his Indonesian "
            "counterpart Prabowo Subianto, who will be sworn in as president in October, signed the pact in "
            "Magelang on Thursday.")
    found = events(text, "en", datetime(2024, 8, 30, 9, 0))
    assert found and not [e for e in found if e[4] and e[4].startswith(("2023-10", "2024-10"))], found
    assert ("treaty", "signed", "AUS", "IDN", "2024-08-29", None, []) in found


@pytest.mark.parametrize("text", [
    "Die Staatsduma hatte den Vertrag mit Nordkorea am 24. Oktober ratifiziert, der Föderationsrat am 6. November.",
    "Die Staatsduma hatte den Vertrag mit Nordkorea am 24. Oktober ratifiziert, der Föderationsrat folgte am 6. November.",
])
def test_a_german_step_dated_before_its_verb_lists_the_next_date(text):
    assert [e[4] for e in events(text, "de", datetime(2024, 12, 5, 9, 0))] == ["2024-10-24", "2024-11-06"]


@pytest.mark.parametrize("text, language", [
    ("BAKU — Die russischen Friedenstruppen haben Bergkarabach vollständig verlassen.", "de"),
    ("BAKU — Russian peacekeepers have completely left Nagorno-Karabakh.", "en"),
])
def test_undated_troops_an_article_opens_with_are_news_of_its_month(text, language):
    assert [(e[1], e[2], e[3], e[4]) for e in events(text + " Das ist alles.", language, datetime(2024, 6, 12, 9, 0))] == [
        ("withdrawal", "RUS", "AZE", "2024-06")]


def test_undated_troops_later_in_an_article_stay_undated():
    text = "Moskau äußerte sich am Montag nicht. Die russischen Friedenstruppen haben Bergkarabach verlassen."
    assert [(e[1], e[4]) for e in events(text, "de", datetime(2024, 6, 12, 9, 0))] == [("withdrawal", None)]


def test_the_withdrawal_just_told_is_dated_by_the_sentence_after_it():
    text = ("BAKU — Die russischen Friedenstruppen haben Bergkarabach vollständig verlassen. Personal, Waffen und "
            "Ausrüstung des Kontingents hätten das Territorium Aserbaidschans am Mittwoch komplett geräumt, teilte "
            "das Verteidigungsministerium in Baku mit.")
    assert [(e[1], e[2], e[3], e[4], e[6]) for e in events(text, "de", datetime(2024, 6, 12, 18, 0))] == [
        ("withdrawal", "RUS", "AZE", "2024-06", []), ("withdrawal", "RUS", "AZE", "2024-06-12", ["AZE"])]
