"""Extraction rules in French and English: attribution by clause, hedges, dates, counts, claims."""
from datetime import datetime

import pytest

from etl.extract.events import extract
from etl.model import Article

PUBLISHED = datetime(2024, 11, 19, 6, 53)  # a Tuesday


def events(text, language, published=PUBLISHED):
    article = Article(text=text, source="test", language=language, published=published)
    return [(m.event_type, m.subtype, m.actor1, m.actor2, m.date.as_text(), m.count, m.reported_by)
            for m in extract(article)]


def kinds(text, language):
    return sorted({(e[0], "-".join(sorted(e[2:4]))) for e in events(text, language)})


def test_clauses_keep_their_own_countries_fr():
    text = ("Kim Jong Un a reçu lundi le ministre russe des Ressources naturelles, au moment où la Corée du Nord "
            "est accusée d'envoyer des soldats en Russie pour combattre les troupes ukrainiennes.")
    assert events(text, "fr") == [
        ("meeting", "visit", "RUS", "PRK", "2024-11-18", None, []),
        ("troops", "combat", "PRK", "RUS", None, None, []),
    ]


def test_clauses_keep_their_own_countries_en():
    text = ("Kim Jong Un received Russia's natural resources minister on Monday, while North Korea is accused "
            "of sending troops to Russia to fight Ukrainian forces.")
    assert kinds(text, "en") == [("meeting", "PRK-RUS"), ("troops", "PRK-RUS")]
    meeting = [e for e in events(text, "en") if e[0] == "meeting"][0]
    assert meeting[4] == "2024-11-18"


def test_claims_are_attributed_to_who_makes_them_en():
    text = "The United States and South Korea said North Korea had sent more than 10,000 soldiers to Russia."
    assert events(text, "en") == [("troops", "deployment", "PRK", "RUS", None, 10000, ["USA", "KOR"])]


def test_claim_with_date_and_adjective_sender_en():
    text = ("Ukrainian President Volodymyr Zelensky said on November 7 that North Korean troops had taken part "
            "in the fighting and suffered losses in Russia's Kursk region.")
    assert events(text, "en") == [("troops", "combat", "PRK", "RUS", "2024-11-07", None, ["UKR"])]


@pytest.mark.parametrize("text, language", [
    ("La Russie pourrait envoyer des soldats en Biélorussie.", "fr"),
    ("Les Occidentaux craignent que la Russie n'envoie des troupes en Moldavie.", "fr"),
    ("Le Kremlin n'a pas démenti l'envoi de soldats nord-coréens en Russie.", "fr"),
    ("Russia could deploy troops to Belarus next year.", "en"),
    ("Moscow denied that North Korean soldiers were fighting in Russia.", "en"),
    ("Analysts fear China may send troops to the border with North Korea.", "en"),
    ("Xi Jinping will meet Joe Biden in Lima.", "en"),
    ("Has North Korea sent troops to Ukraine?", "en"),
    ("La Corée du Nord a-t-elle envoyé des soldats en Ukraine ?", "fr"),
    ("Wurden nordkoreanische Soldaten bereits auf ukrainischem Boden eingesetzt?", "de"),
    ("¿Ha enviado Corea del Norte tropas a Ucrania?", "es"),
    ("Frankreich denkt darüber nach, seine Truppenpräsenz in Senegal deutlich zu verkleinern.", "de"),
    ("Japón estudiará enviar tropas a Filipinas el próximo año.", "es"),
    ("Pionyang afirmó que cualquier despliegue en Rusia sería legal, sin confirmar el envío de tropas.", "es"),
])
def test_hedges_forecasts_questions_and_denials_give_nothing(text, language):
    assert events(text, language) == []


def test_negated_meeting_gives_nothing():
    assert events("Le président chinois n'a pas rencontré le dirigeant nord-coréen.", "fr") == []
    assert events("The Chinese president did not meet the North Korean leader.", "en") == []


def test_multilateral_summit_is_not_a_bilateral_meeting():
    assert events("Lors du sommet du G20 à Rio au Brésil lundi, Pékin est resté muet sur ce dossier.", "fr") == []
    assert events("At the G20 summit in Rio de Janeiro, Brazil, on Monday, Beijing stayed silent.", "en") == []


def test_speaking_to_a_foreign_leader_is_talks():
    fr = "Xi Jinping a déclaré la semaine dernière à Joe Biden que la Chine protégerait ses intérêts."
    en = "Xi Jinping told Joe Biden last week that China would protect its interests."
    assert events(fr, "fr") == [("meeting", "talks", "CHN", "USA", "2024-11", None, [])]
    assert [e[:5] for e in events(en, "en")] == [("meeting", "talks", "CHN", "USA", "2024-11")]


def test_visit_direction_and_recent_marker():
    fr = "La ministre nord-coréenne des Affaires étrangères, Choe Son Hui, s'est récemment rendue à Moscou."
    en = "North Korean Foreign Minister Choe Son Hui recently travelled to Moscow."
    assert events(fr, "fr") == [("meeting", "visit", "PRK", "RUS", "2024-11", None, [])]
    assert events(en, "en") == [("meeting", "visit", "PRK", "RUS", "2024-11", None, [])]


def test_treaty_steps_get_their_own_dates():
    fr = ("Les deux pays viennent de ratifier le traité de défense mutuelle conclu au cours d'une rare visite "
          "de Vladimir Poutine à Pyongyang en juin.")
    got = {(e[0], e[1], e[4]) for e in events(fr, "fr")}
    assert got == {("treaty", "ratified", "2024-11"), ("treaty", "signed", "2024-06"), ("meeting", "visit", "2024-06")}
    en = ("The two countries have just ratified the mutual defence treaty signed during Vladimir Putin's "
          "visit to Pyongyang in June.")
    got = {(e[0], e[1], e[4]) for e in events(en, "en")}
    assert got == {("treaty", "ratified", "2024-11"), ("treaty", "signed", "2024-06"), ("meeting", "visit", "2024-06")}


def test_the_two_countries_refers_to_the_previous_pair():
    text = ("Vladimir Putin met Kim Jong Un in Pyongyang on June 19, 2024. "
            "The two countries signed a treaty the same day.")
    got = {(e[0], "-".join(sorted(e[2:4]))) for e in events(text, "en")}
    assert got == {("meeting", "PRK-RUS"), ("treaty", "PRK-RUS")}


def test_multiparty_treaty_gives_one_line_per_pair():
    text = "Australia, the United Kingdom and the United States signed the AUKUS agreement in September 2021."
    got = sorted("-".join(sorted(e[2:4])) for e in events(text, "en") if e[0] == "treaty")
    assert got == ["AUS-GBR", "AUS-USA", "GBR-USA"]


def test_undated_follow_up_takes_the_date_of_the_event_it_continues():
    text = ("Kim Jong Un a reçu lundi le ministre russe Alexandre Kozlov.\n\n"
            "Lors de sa rencontre avec le ministre russe, le dirigeant nord-coréen a appelé à des échanges.")
    dates = [e[4] for e in events(text, "fr")]
    assert dates == ["2024-11-18", "2024-11-18"]


def test_without_publication_date_relative_dates_stay_null():
    text = "Kim Jong Un a reçu lundi le ministre russe Alexandre Kozlov à Pyongyang."
    assert [e[4] for e in events(text, "fr", published=None)] == [None]


def test_office_holders_belong_to_their_country_for_their_term():
    text = "Donald Trump met Moon Jae-in in Seoul on June 30, 2019."
    assert kinds(text, "en") == [("meeting", "KOR-USA")]


def test_unsupported_language_yields_nothing_rather_than_guesses():
    assert events("Kim Jong Un ha ricevuto lunedì il ministro russo.", "it") == []


def test_troop_counts_in_words_and_the_agent_of_a_passive_send():
    assert events("Séoul estime à environ onze mille le nombre de militaires envoyés par la Corée du Nord "
                  "en Russie depuis octobre.", "fr") == [
        ("troops", "deployment", "PRK", "RUS", "2024-10", 11000, ["KOR"])]
    (special,) = events("Selon le NIS, mille cinq cents membres des forces spéciales nord-coréens ont été "
                        "transportés jusqu'à Vladivostok.", "fr")
    assert special[2:4] + (special[5],) == ("PRK", "RUS", 1500)


def test_a_city_is_where_a_meeting_happens_not_a_party():
    found = events("Rubio held talks with Russian Foreign Minister Sergei Lavrov in Riyadh on Tuesday.", "en")
    assert [(e[0], e[2], e[3]) for e in found] == [("meeting", "USA", "RUS")]
    assert kinds("Xi Jinping et Vladimir Poutine se sont rencontrés mardi à Kazan.", "fr") == [("meeting", "CHN-RUS")]


def test_a_one_sided_treaty_step_continues_the_article_s_treaty():
    found = events("Vladimir Poutine et Kim Jong Un ont signé un traité de partenariat stratégique global. "
                   "La Douma l'a ratifié le 24 octobre.", "fr")
    treaty = [e for e in found if e[0] == "treaty"]
    assert ("ratified", "2024-10-24") in {(e[1], e[4]) for e in treaty}
    assert all({e[2], e[3]} == {"PRK", "RUS"} for e in treaty)


def test_a_word_list_entry_ending_in_a_space_still_matches():
    from etl.extract.rules import words

    pattern = words(["si ", "pourra"])
    assert pattern.search("si Moscou accepte") and pattern.search("il pourra venir")
    assert not pattern.search("aussi Moscou") and not pattern.search("pourrait")


@pytest.mark.parametrize("text, language, expected", [
    # Joined subjects are the parties; the president sworn in later is not one.
    ("Vladimir Putin and Iranian President Masoud Pezeshkian signed a partnership treaty in the Kremlin on Friday, "
     "three days before Donald Trump is sworn in.", "en", [("meeting", "IRN-RUS"), ("treaty", "IRN-RUS")]),
    ("Australia, the United Kingdom and the United States signed the AUKUS agreement in September 2021.", "en",
     [("treaty", "AUS-GBR"), ("treaty", "AUS-USA"), ("treaty", "GBR-USA")]),
    # A country just before or inside the troop noun sends the troops.
    ("Roughly 54,000 US troops are based in Japan.", "en", [("troops", "JPN-USA")]),
    ("Er bezifferte die Zahl der stationierten US-Soldaten in Deutschland auf 45.000.", "de", [("troops", "DEU-USA")]),
    # Refusals and cancellations are not meetings.
    ("Israeli President Moshe Katsav has refused to meet Jordan's King Abdullah II.", "en", []),
    ("A French minister has cancelled a planned visit to Haiti.", "en", []),
])
def test_who_takes_part(text, language, expected):
    assert kinds(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Putin signed the law ratifying the treaty with North Korea on November 9.", "en",
     ("treaty", "ratified", "RUS", "PRK", "2024-11-09")),
    ("Vladimir Poutine a signé samedi la loi portant ratification du traité avec la Corée du Nord.", "fr",
     ("treaty", "ratified", "RUS", "PRK", "2024-11-16")),
    ("Russia and North Korea exchanged the instruments of ratification of their treaty on Wednesday.", "en",
     ("treaty", "in_force", "RUS", "PRK", "2024-11-13")),
])
def test_phrases_name_their_step(text, language, expected):
    assert [e[:5] for e in events(text, language) if e[0] == "treaty"] == [expected]


def test_background_signing_beside_a_ratification_is_not_a_new_signing():
    text = ("Les députés russes ont ratifié jeudi le traité de partenariat stratégique global conclu avec "
            "la Corée du Nord.")
    assert [e[:5] for e in events(text, "fr")] == [("treaty", "ratified", "RUS", "PRK", "2024-11-14")]


def test_month_of_last_year_and_wrapped_lines():
    text = ("Kim Jong Un a salué le pacte de partenariat stratégique signé avec la Russie en juin de l'année dernière.\n"
            "Russian President Vladimir Putin visited Pyongyang on Wednesday, where he and Kim Jong Un signed a\n"
            "partnership treaty.")
    first, wrapped_text = text.split("\n", 1)
    assert [e[4] for e in events(first, "fr") if e[0] == "treaty"] == ["2023-06"]
    wrapped = [e for e in events(wrapped_text, "en") if e[0] == "treaty"]
    assert [(e[2], e[3], e[4]) for e in wrapped] == [("RUS", "PRK", "2024-11-13")]


@pytest.mark.parametrize("language, text", [
    ("en", "The last hurdle fell last Thursday, when Turkish lawmakers voted to ratify Finland's accession protocol."),
    ("fr", "Le dernier obstacle est tombé jeudi dernier, lorsque le Parlement turc a ratifié le protocole "
           "d'adhésion de la Finlande."),
])
def test_a_when_clause_happens_at_the_date_of_its_main_clause(language, text):
    published = datetime(2023, 4, 5, 9, 0)  # a Wednesday; last Thursday is 30 March
    found = [e for e in events(text, language, published) if e[0] == "treaty"]
    assert [(e[1], "-".join(sorted(e[2:4])), e[4]) for e in found] == [("ratified", "FIN-TUR", "2023-03-30")]


def test_a_while_clause_keeps_its_own_date():
    text = ("Kim Jong Un received Russia's natural resources minister on Monday, while North Korea is accused "
            "of sending troops to Russia.")
    troops = [e for e in events(text, "en") if e[0] == "troops"]
    assert [e[4] for e in troops] == [None]


@pytest.mark.parametrize("text, expected", [
    ("Putin hielt sich am Dienstag in Pjöngjang auf.", ("meeting", "visit", "RUS", "PRK", "2024-11-19", None, [])),
    ("Modi ist am Sonntag zu Gesprächen mit Putin in Moskau angekommen.",
     ("meeting", "visit", "IND", "RUS", "2024-11-17", None, [])),
    ("Der chinesische Staatschef landete am Dienstag in Budapest.",
     ("meeting", "visit", "CHN", "HUN", "2024-11-19", None, [])),
])
def test_german_stays_and_arrivals_are_visits(text, expected):
    assert events(text, "de", datetime(2024, 11, 19, 10, 0)) == [expected]


@pytest.mark.parametrize("text, language, expected", [
    ("The new text replaces a treaty Russia and Iran signed in 2001, and must still be ratified by both parliaments.",
     "en", [("treaty", "signed", "RUS", "IRN", "2001", None, [])]),
    ("Der Vertrag zwischen Russland und Iran muss noch von beiden Parlamenten ratifiziert werden.", "de", []),
    ("El tratado entre Rusia e Irán aún debe ser ratificado por ambos parlamentos.", "es", []),
    ("Le traité entre la Russie et l'Iran doit encore être ratifié par les deux parlements.", "fr", []),
    ("Moskau und Teheran hatten bereits 2001 einen Kooperationsvertrag unterzeichnet.", "de",
     [("treaty", "signed", "RUS", "IRN", "2001", None, [])]),
])
def test_a_step_still_to_come_is_no_event_and_a_dated_step_before_it_stands(text, language, expected):
    assert events(text, language, datetime(2025, 1, 18, 9, 0)) == expected


@pytest.mark.parametrize("text, language", [
    ("Ministerpräsident Ulf Kristersson übergab am Donnerstag in Washington die Beitrittsurkunde an "
     "US-Außenminister Antony Blinken.", "de"),
    ("El primer ministro sueco, Ulf Kristersson, entregó el jueves en Washington el instrumento de adhesión al "
     "secretario de Estado estadounidense, Antony Blinken.", "es"),
    ("Swedish Prime Minister Ulf Kristersson handed over the instrument of accession to US Secretary of State "
     "Antony Blinken in Washington on Thursday.", "en"),
    ("Le Premier ministre suédois Ulf Kristersson a remis jeudi à Washington l'instrument d'adhésion au "
     "secrétaire d'Etat américain Antony Blinken.", "fr"),
])
def test_handing_over_an_instrument_to_another_country_is_a_meeting_and_no_signing(text, language):
    assert events(text, language, datetime(2024, 3, 8, 9, 0)) == [
        ("meeting", "talks", "SWE", "USA", "2024-03-07", None, [])]


@pytest.mark.parametrize("text, language", [
    ("Kristersson war im Februar nach Budapest gereist, um mit Orban über den Beitritt zu sprechen.", "de"),
    ("Kristersson travelled to Budapest in February to talk with Orban about the accession.", "en"),
])
def test_a_treaty_talked_about_is_no_signing(text, language):
    assert [e[0] for e in events(text, language, datetime(2024, 3, 8, 9, 0))] == ["meeting"]


def test_a_further_ratification_with_one_country_named_is_of_what_the_article_ratifies():
    text = ("Das ungarische Parlament hatte den Beitritt Schwedens Ende Februar gebilligt. "
            "Die Türkei hatte im Januar grünes Licht gegeben.")
    assert events(text, "de", datetime(2024, 3, 8, 9, 0)) == [
        ("treaty", "ratified", "HUN", "SWE", "2024-02", None, []),
        ("treaty", "ratified", "TUR", "SWE", "2024-01", None, [])]


@pytest.mark.parametrize("text, expected", [
    ("India's Prime Minister Narendra Modi visited Moscow in July, his first trip to Russia since the invasion of "
     "Ukraine.", [("meeting", "visit", "IND", "RUS", "2024-07", None, [])]),
    ("France pulled its last troops out of Niger in December.",
     [("troops", "withdrawal", "FRA", "NER", "2023-12", None, [])]),
    ("Turkey's parliament voted to approve Sweden's NATO bid on January 23.",
     [("treaty", "ratified", "TUR", "SWE", "2024-01-23", None, [])]),
])
def test_a_country_naming_a_period_takes_no_part_and_bids_and_pull_outs(text, expected):
    assert events(text, "en", datetime(2024, 11, 19, 9, 0)) == expected


def test_spanish_parliaments_stand_for_their_countries():
    text = ("La Duma Estatal ratificó el tratado con Corea del Norte el 24 de octubre. "
            "El Consejo de la Federación lo aprobó el 6 de noviembre.")
    assert events(text, "es", datetime(2024, 12, 5, 9, 0)) == [
        ("treaty", "ratified", "RUS", "PRK", "2024-10-24", None, []),
        ("treaty", "ratified", "RUS", "PRK", "2024-11-06", None, [])]


def test_a_similar_deal_with_one_party_named_is_with_the_latest_treatys_other_side():
    text = ("Finland signed a defence cooperation agreement with the United States on Monday. "
            "Sweden, which is still waiting to join the alliance, signed a similar deal on December 5.")
    assert events(text, "en", datetime(2023, 12, 19, 9, 0)) == [
        ("treaty", "signed", "FIN", "USA", "2023-12-18", None, []),
        ("treaty", "signed", "SWE", "USA", "2023-12-05", None, [])]


def test_a_leader_named_by_title_signing_in_the_other_capital_is_visiting():
    text = "Le président ukrainien a signé vendredi à Berlin un accord avec l'Allemagne."
    assert events(text, "fr", datetime(2024, 2, 17, 9, 0)) == [
        ("treaty", "signed", "UKR", "DEU", "2024-02-16", None, []),
        ("meeting", "visit", "UKR", "DEU", "2024-02-16", None, [])]


def test_a_first_trip_abroad_is_a_visit():
    text = "Two months ago, Zelensky chose Washington for his first trip abroad."
    assert events(text, "en", datetime(2023, 2, 21, 9, 0)) == [("meeting", "visit", "UKR", "USA", "2022-12", None, [])]


def test_talks_with_no_place_just_after_a_call_of_the_pair_are_that_call():
    text = ("Sheinbaum habló por teléfono con Trump el lunes. "
            "Trump calificó la conversación con la presidenta mexicana de muy amistosa.")
    assert [e[1] for e in events(text, "es", datetime(2025, 2, 4, 9, 0))] == ["call", "call"]


def test_a_country_that_says_it_ends_a_treaty_ends_it_and_the_treatys_revision_date_is_not_the_step():
    text = ("On November 28, Chad's foreign ministry said it was terminating the defence cooperation agreement "
            "with Paris, revised in 2019.")
    assert events(text, "en", datetime(2025, 1, 31, 9, 0)) == [
        ("treaty", "suspended", "TCD", "FRA", "2024-11-28", None, [])]


def test_german_suspension_by_law_on_ice_and_a_vote_without_opposition():
    text = ("Russland hat seine Beteiligung am Abrüstungsvertrag mit den USA auf Eis gelegt. "
            "Putin unterzeichnete am Dienstag ein Gesetz, mit dem Moskau den Vertrag aussetzt. "
            "Schon am Mittwoch vergangener Woche hatte das Parlament in Moskau die Vorlage ohne Gegenstimme gebilligt.")
    assert events(text, "de", datetime(2023, 3, 1, 9, 0)) == [
        ("treaty", "suspended", "RUS", "USA", None, None, []),
        ("treaty", "suspended", "RUS", "USA", "2023-02-28", None, []),
        ("treaty", "ratified", "RUS", "USA", "2023-02-22", None, [])]


def test_a_relative_clause_after_a_treaty_noun_tells_of_that_treaty():
    text = ("Die neue Vereinbarung baut auf dem Sicherheitsabkommen auf, das Großbritannien am 12. Januar "
            "vergangenen Jahres mit der Ukraine unterzeichnet hatte.")
    assert events(text, "de", datetime(2025, 1, 17, 9, 0)) == [("treaty", "signed", "GBR", "UKR", "2024-01-12", None, [])]


def test_a_deadline_dates_no_event():
    text = "Ende Mai unterzeichneten Deutschland und Niger eine Übergangsvereinbarung, die den Verbleib der Soldaten bis Ende August regelte."
    assert {e[4] for e in events(text, "de", datetime(2024, 8, 31, 10))} == {"2024-05"}


def test_countries_a_later_hedge_governs_take_no_part_in_the_fact_before_it():
    text = ("The deaths add to the pressure on Biden, who flew to Israel on October 18 and was to have gone on to "
            "Amman for a summit with King Abdullah II, Egyptian President Abdel Fattah al-Sisi and Palestinian "
            "President Mahmoud Abbas.")
    assert events(text, "en", datetime(2024, 1, 29, 10)) == [("meeting", "visit", "USA", "ISR", "2023-10-18", None, [])]


@pytest.mark.parametrize("text, language", [
    ("US-Soldaten würden nicht im Südlibanon stationiert, betonte Biden.", "de"),
    ("US troops will not be deployed to Lebanon.", "en"),
])
def test_troops_whose_verb_is_denied_tell_nothing(text, language):
    assert events(text, language) == []
