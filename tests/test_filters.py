"""URL filter parameters: parsed, validated with notices, written back, and named in file names."""
from datetime import date

from dashboard.filters import EVENT_TYPES, Filters, from_params

KNOWN = {"PRK", "RUS", "CHN", "USA"}


def test_contract_parameters_parse():
    parsed = from_params({"countries": "PRK,RUS", "from": "2024-01-01", "to": "2024-12-31",
                          "types": "meeting,treaty"}, KNOWN)
    assert parsed.notices == []
    assert parsed.filters == Filters(("PRK", "RUS"), False, date(2024, 1, 1), date(2024, 12, 31), ("meeting", "treaty"))


def test_round_trip_through_the_url():
    f = Filters(("PRK", "RUS"), True, date(2024, 1, 1), None, ("troops",), 0.5, True)
    assert f.to_params() == {"countries": "PRK,RUS", "pair": "exact", "from": "2024-01-01", "types": "troops",
                             "minconf": "0.5", "rejected": "1"}
    assert from_params(f.to_params(), KNOWN).filters == f
    assert Filters().to_params() == {}


def test_bad_values_give_notices_and_fall_back():
    parsed = from_params({"countries": "PRK,XXX,'; DROP TABLE events; --", "from": "2024-13-01",
                          "to": "yesterday", "types": "meeting,party", "minconf": "2"}, KNOWN)
    f = parsed.filters
    assert (f.countries, f.date_from, f.date_to, f.types, f.min_confidence) == (("PRK",), None, None, ("meeting",), 0.0)
    assert parsed.notices == [
        "Ignored unknown country code 'XXX'.",
        "Ignored unknown country code \"'; DROP TABLE events\".",
        "Ignored unknown event type 'party' (use meeting, treaty, troops).",
        "Ignored from='2024-13-01': not a date (use YYYY-MM-DD).",
        "Ignored to='yesterday': not a date (use YYYY-MM-DD).",
        "Ignored minconf='2': use a number from 0 to 1.",
    ]


def test_reversed_range_is_dropped_and_lower_case_codes_accepted():
    parsed = from_params({"countries": "prk", "from": "2024-12-31", "to": "2024-01-01"}, KNOWN)
    assert parsed.filters.countries == ("PRK",)
    assert (parsed.filters.date_from, parsed.filters.date_to) == (None, None)
    assert parsed.notices == ["Ignored the date range: 'from' is after 'to'."]


def test_exact_pair_needs_two_countries_and_types_default_to_all():
    assert not from_params({"countries": "PRK", "pair": "exact"}, KNOWN).filters.exact_pair
    assert from_params({}, KNOWN).filters.types == EVENT_TYPES


def test_file_names_say_what_and_which_filter():
    f = Filters(("PRK", "RUS"), date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    assert f.slug("meetings") == "prk-rus_meetings_2024-01-01_2024-12-31"
    assert Filters().slug("events") == "all_events_start_end"
    assert Filters(types=("meeting", "treaty")).slug("timeline") == "all_timeline_meeting-treaty_start_end"
