"""`python -m etl import gdelt|acled`: real files into real DuckDB files, checked row by row."""
import csv
import io
import os
import zipfile
from datetime import date
from pathlib import Path

import duckdb
import pycountry
import pytest

from etl import pipeline
from etl.cli import main
from etl.importers import import_inputs
from etl.importers.gdelt import V1_COLUMNS, V2_COLUMNS
from tests.conftest import SEED, write
from tests.dbstate import query
from tests.httpserver import Routes, serve

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
IMPORTERS = Path(__file__).resolve().parents[1] / "etl" / "importers"


def shared_sample(name: str) -> Path:
    path = EVAL / name
    if not path.exists():
        message = f"{path} is missing: the shared GDELT samples live in ../shared/eval/"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


EVENT_SQL = ("SELECT event_id, event_type, subtype, actor1, actor2, pair, date, date_precision, count, n_mentions, "
             "n_sources, confidence, status, origin FROM events WHERE origin <> 'extracted' ORDER BY event_id")
DETAIL_SQL = ("SELECT event_id, origin, source_id, cameo_code, goldstein, num_mentions, num_sources, num_articles, "
              "avg_tone, source_url FROM imported_events ORDER BY event_id")
ALL_SQL = {t: "SELECT * FROM " + t + " ORDER BY ALL" for t in ("events", "imported_events", "mentions", "articles")}


def snapshot(path):
    return {table: query(path, sql) for table, sql in ALL_SQL.items()}


# -- GDELT: the published layouts -------------------------------------------------------------------

def test_column_layouts_are_the_published_ones():
    assert len(V2_COLUMNS) == 61 and len(V1_COLUMNS) == 58
    assert V2_COLUMNS[0] == "GLOBALEVENTID" and V2_COLUMNS[26] == "EventCode" and V2_COLUMNS[-1] == "SOURCEURL"
    # The shared samples carry the codebooks' header lines.
    for name, columns in (("gdelt_sample.tsv", V2_COLUMNS), ("gdelt1_sample.tsv", V1_COLUMNS)):
        with open(shared_sample(name), encoding="utf-8") as handle:
            assert tuple(handle.readline().rstrip("\n").split("\t")) == columns


def table(name: str) -> list[dict]:
    return list(csv.DictReader((IMPORTERS / name).read_text(encoding="utf-8").splitlines()))


def expected_from_rules(path: Path) -> list[tuple]:
    """The documented rules applied with Python's csv module: an independent check of the SQL."""
    cameo = {r["cameo_prefix"]: r for r in table("cameo_map.csv") if r["event_type"]}
    exceptions = {r["cameo_code"]: r["iso3"] for r in table("country_codes.csv")}
    iso = {c.alpha_3 for c in pycountry.countries}

    def country(code):
        return exceptions[code] or None if code in exceptions else (code if code in iso else None)

    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rule = next((v for k, v in cameo.items() if r["EventCode"].startswith(k)), None)
            a1, a2 = country(r["Actor1CountryCode"]), country(r["Actor2CountryCode"])
            if rule and a1 and a2 and a1 != a2:
                if rule["actor1_from"] == "Actor2":
                    a1, a2 = a2, a1
                rows.append(("gdelt:" + r["GLOBALEVENTID"], rule["event_type"], rule["subtype"], a1, a2))
    return sorted(rows)


@pytest.mark.parametrize("name, hand_count", [("gdelt_sample.tsv", 2), ("gdelt1_sample.tsv", 10)])
def test_shared_gdelt_samples_import_what_the_rules_say(db_file, name, hand_count):
    path = shared_sample(name)
    expected = expected_from_rules(path)
    assert len(expected) == hand_count  # counted by hand: 04x rows between two countries (AFR is a region)
    result = import_inputs("gdelt", [str(path)], db_path=str(db_file), quiet=True)
    assert result.exit_code == 0
    assert result.totals.read == len(path.read_text(encoding="utf-8").splitlines()) - 1  # the header is no row
    assert query(db_file, "SELECT event_id, event_type, subtype, actor1, actor2 FROM events ORDER BY 1") == expected


def test_gdelt1_sample_visit_hosted_by_italy_has_the_vatican_as_visitor(db_file):
    import_inputs("gdelt", [str(shared_sample("gdelt1_sample.tsv"))], db_path=str(db_file), quiet=True)
    # Row 564137648: ITA (Actor1) 043 "host a visit" VAT (Actor2): the Vatican side is the visitor.
    assert query(db_file, EVENT_SQL + " LIMIT 1") == [
        ("gdelt:564137648", "meeting", "visit", "VAT", "ITA", "ITA-VAT", date(2016, 7, 28), "day", None, 6, 1, 0.4,
         "auto", "gdelt")]


# -- GDELT: files built in the published layouts -----------------------------------------------------

def gdelt_line(columns, event_id, code, actor1, actor2, day="20240615", sources="1", url="https://example.org/a"):
    values = {"GLOBALEVENTID": str(event_id), "SQLDATE": day, "MonthYear": day[:6], "Year": day[:4],
              "FractionDate": day[:4] + ".4521", "Actor1Code": actor1 + "GOV", "Actor1Name": "A ONE",
              "Actor1CountryCode": actor1, "Actor2Code": actor2 + "GOV", "Actor2Name": "A TWO",
              "Actor2CountryCode": actor2, "IsRootEvent": "1", "EventCode": code, "EventBaseCode": code[:3],
              "EventRootCode": code[:2], "QuadClass": "1", "GoldsteinScale": "1.9", "NumMentions": "10",
              "NumSources": sources, "NumArticles": "8", "AvgTone": "-2.5", "Actor1Geo_Type": "4",
              "Actor1Geo_FullName": "Moscow, Moskva, Russia", "DATEADDED": "20240615234500", "SOURCEURL": url}
    return "\t".join(values.get(c, "") for c in columns)


ROWS = [  # id, CAMEO code, Actor1CountryCode, Actor2CountryCode
    (1, "040", "RUS", "PRK"), (2, "041", "USA", "CHN"), (3, "042", "RUS", "PRK"), (4, "043", "PRK", "RUS"),
    (5, "044", "FRA", "DEU"), (6, "045", "QAT", "USA"), (7, "046", "UKR", "TUR"), (8, "057", "ROM", "MDA"),
    (9, "074", "FRA", "MLI"),
    (20, "042", "RUS", "RUS"),  # same country: not a pair
    (21, "042", "RUS", ""),     # Actor2 is no country (a rebel group, say)
    (22, "042", "AFR", "FRA"),  # AFR is a CAMEO region, not a country
    (23, "190", "RUS", "UKR"),  # fighting: not mapped
    (24, "062", "RUS", "PRK"),  # military cooperation: documented as not imported
    (25, "0861", "MLI", "FRA"), # permission to deploy peacekeepers: not imported
]
EXPECTED = [
    ("gdelt:1", "meeting", "talks", "RUS", "PRK", "PRK-RUS"), ("gdelt:2", "meeting", "call", "USA", "CHN", "CHN-USA"),
    ("gdelt:3", "meeting", "visit", "RUS", "PRK", "PRK-RUS"), ("gdelt:4", "meeting", "visit", "RUS", "PRK", "PRK-RUS"),
    ("gdelt:5", "meeting", "talks", "FRA", "DEU", "DEU-FRA"), ("gdelt:6", "meeting", "talks", "QAT", "USA", "QAT-USA"),
    ("gdelt:7", "meeting", "talks", "UKR", "TUR", "TUR-UKR"), ("gdelt:8", "treaty", "signed", "ROU", "MDA", "MDA-ROU"),
    ("gdelt:9", "troops", "deployment", "FRA", "MLI", "FRA-MLI"),
]


def write_gdelt(path: Path, columns, rows=ROWS, header=False, zipped=False) -> Path:
    lines = (["\t".join(columns)] if header else []) + [gdelt_line(columns, *row) for row in rows]
    text = "\n".join(lines) + "\n"
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr(path.name.removesuffix(".zip"), text)
        return write(path, buffer.getvalue())
    return write(path, text)


def test_every_mapped_family_and_every_exclusion(db_file, tmp_path):
    source = write_gdelt(tmp_path / "20240615234500.export.CSV", V2_COLUMNS)
    result = import_inputs("gdelt", [str(source)], db_path=str(db_file), quiet=True)
    assert (result.exit_code, result.totals.read, result.totals.matched, result.totals.new) == (0, 15, 9, 9)
    assert query(db_file, EVENT_SQL) == [
        (*row, date(2024, 6, 15), "day", None, 10, 1, 0.4, "auto", "gdelt") for row in EXPECTED]
    assert query(db_file, DETAIL_SQL)[3] == (
        "gdelt:4", "gdelt", "4", "043", 1.9, 10, 1, 8, -2.5, "https://example.org/a")


def test_zipped_and_headered_and_gdelt1_files_give_the_same_events(db_file, tmp_path):
    files = [write_gdelt(tmp_path / "a.export.CSV.zip", V2_COLUMNS, zipped=True),
             write_gdelt(tmp_path / "b.tsv", V2_COLUMNS, rows=[(100 + r[0], *r[1:]) for r in ROWS], header=True),
             write_gdelt(tmp_path / "20130401.export.CSV.zip", V1_COLUMNS, rows=[(200 + r[0], *r[1:]) for r in ROWS],
                         zipped=True)]
    result = import_inputs("gdelt", [str(f) for f in files], db_path=str(db_file), quiet=True)
    assert (result.exit_code, result.totals.read, result.totals.new) == (0, 45, 27)
    by_file = query(db_file, "SELECT source_file, count(*) FROM imported_events GROUP BY 1 ORDER BY 1")
    assert by_file == sorted((str(f), 9) for f in files)
    same = query(db_file, "SELECT 'gdelt:' || (source_id::INT % 100), event_type, subtype, actor1, actor2, pair, "
                          "count(*) FROM events JOIN imported_events USING (event_id) GROUP BY ALL ORDER BY 1")
    assert same == [(*row, 3) for row in EXPECTED]


def test_gdelt1_backfile_without_sourceurl(db_file, tmp_path):
    rows = [gdelt_line(V1_COLUMNS, 7, "057", "FRA", "DEU", day="19790101").rsplit("\t", 1)[0]]
    source = write(tmp_path / "1979.csv", "\n".join(rows) + "\n")
    assert len(rows[0].split("\t")) == 57
    assert import_inputs("gdelt", [str(source)], db_path=str(db_file), quiet=True).exit_code == 0
    assert query(db_file, "SELECT actor1, actor2, date, source_url FROM events JOIN imported_events USING (event_id)") \
        == [("FRA", "DEU", date(1979, 1, 1), None)]


def test_confidence_grows_with_sources(db_file, tmp_path):
    rows = [(1, "042", "RUS", "PRK", "20240615", "1"), (2, "042", "RUS", "PRK", "20240615", "3"),
            (3, "042", "RUS", "PRK", "20240615", "12")]
    source = write_gdelt(tmp_path / "s.CSV", V2_COLUMNS, rows=rows)
    import_inputs("gdelt", [str(source)], db_path=str(db_file), quiet=True)
    assert query(db_file, "SELECT n_sources, confidence FROM events ORDER BY 1") == [(1, 0.4), (3, 0.6), (12, 0.8)]


def test_reimport_changes_nothing_and_keeps_a_review(db_file, tmp_path):
    source = write_gdelt(tmp_path / "x.export.CSV.zip", V2_COLUMNS, zipped=True)
    import_inputs("gdelt", [str(source)], db_path=str(db_file), quiet=True)
    con = duckdb.connect(str(db_file))
    con.execute("UPDATE events SET status = 'rejected' WHERE event_id = 'gdelt:1'")
    con.close()
    before = snapshot(db_file)
    again = import_inputs("gdelt", [str(source), str(source)], db_path=str(db_file), quiet=True)
    assert (again.totals.matched, again.totals.new) == (18, 0)
    assert snapshot(db_file) == before
    assert query(db_file, "SELECT count(*) FROM etl_runs WHERE run_id LIKE 'gdelt-%' AND n_events = 0") == [(1,)]


def test_imported_and_extracted_events_survive_each_other(db_file, tmp_path):
    pipeline.run([str(SEED)], db_path=str(db_file), quiet=True)
    extracted = query(db_file, "SELECT * FROM events WHERE origin = 'extracted' ORDER BY ALL")
    assert extracted
    import_inputs("gdelt", [str(write_gdelt(tmp_path / "x.CSV", V2_COLUMNS))], db_path=str(db_file), quiet=True)
    assert query(db_file, "SELECT * FROM events WHERE origin = 'extracted' ORDER BY ALL") == extracted
    imported = query(db_file, "SELECT * FROM events WHERE origin = 'gdelt' ORDER BY ALL")
    details = query(db_file, "SELECT * FROM imported_events ORDER BY ALL")
    pipeline.run([str(SEED)], db_path=str(db_file), quiet=True)
    assert len(imported) == 9
    assert query(db_file, "SELECT * FROM events WHERE origin = 'gdelt' ORDER BY ALL") == imported
    assert query(db_file, "SELECT * FROM imported_events ORDER BY ALL") == details


def test_a_repeated_id_keeps_its_first_mapped_copy_and_an_earlier_import_wins(db_file, tmp_path):
    first, second = "https://example.org/first", "https://example.org/second"
    rows = [(1, "040", "RUS", "PRK", "20240615", "1", first),
            (2, "190", "RUS", "UKR", "20240615", "1", first),   # not mapped: the next copy of 2 is the first mapped
            (1, "042", "USA", "CHN", "20240616", "5", second),
            (2, "043", "FRA", "DEU", "20240617", "3", second),
            (3, "041", "QAT", "USA", "20240618", "1", first),
            (2, "044", "MLI", "FRA", "20240619", "1", first)]
    source = write_gdelt(tmp_path / "repeats.CSV", V2_COLUMNS, rows=rows)
    result = import_inputs("gdelt", [str(source)], db_path=str(db_file), quiet=True)
    assert (result.exit_code, result.totals.read, result.totals.matched, result.totals.new) == (0, 6, 5, 3)
    expected = [("gdelt:1", "talks", "RUS", "PRK", date(2024, 6, 15), 1, 0.4, "040", first),
                ("gdelt:2", "visit", "DEU", "FRA", date(2024, 6, 17), 3, 0.6, "043", second),
                ("gdelt:3", "call", "QAT", "USA", date(2024, 6, 18), 1, 0.4, "041", first)]
    both = ("SELECT event_id, subtype, actor1, actor2, date, n_sources, confidence, cameo_code, source_url "
            "FROM events JOIN imported_events USING (event_id) ORDER BY event_id")
    assert query(db_file, both) == expected
    assert query(db_file, "SELECT count(*) FROM imported_events") == [(3,)]
    # A later file with the same ids, and the same file again, add nothing and change nothing.
    later = write_gdelt(tmp_path / "later.CSV", V2_COLUMNS, rows=[(1, "057", "ROM", "MDA", "20240701", "9", second),
                                                                  (4, "040", "RUS", "PRK", "20240701", "1", second)])
    before = snapshot(db_file)
    again = import_inputs("gdelt", [str(source), str(later)], db_path=str(db_file), quiet=True)
    assert (again.exit_code, again.totals.matched, again.totals.new) == (0, 7, 1)
    assert query(db_file, both)[:3] == expected
    assert [e for e in snapshot(db_file)["events"] if e not in before["events"]][0][0] == "gdelt:4"


def test_bad_files_are_reported_and_the_rest_imports(db_file, tmp_path, capsys):
    good = write_gdelt(tmp_path / "good.CSV", V2_COLUMNS)
    assert main(["import", "gdelt", str(good), "--db", str(db_file), "--quiet"]) == 0
    kept = snapshot(db_file)
    narrow = write(tmp_path / "narrow.CSV", "1\t20240101\tx\n")
    broken = write(tmp_path / "broken.CSV", gdelt_line(V2_COLUMNS, 50, "042", "RUS", "PRK") + "\n1\t2\t3\n")
    text = write(tmp_path / "notes.txt", "Putin met Kim.\n")
    later = write_gdelt(tmp_path / "later.CSV", V2_COLUMNS, rows=[(60, "042", "RUS", "PRK")])
    missing = tmp_path / "missing.CSV"
    capsys.readouterr()
    argv = ["import", "gdelt", str(narrow), str(missing), str(broken), str(text), str(later), "--db", str(db_file)]
    assert main(argv) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {narrow}: not a GDELT event file: 3 tab-separated columns on line 1, "
        "expected 61 (GDELT 2.0), 58 or 57 (GDELT 1.0)",
        f"error: {missing}: no such file",
        f"error: {broken}: Conversion Error: CSV Error on Line: 2; "
        "Error when converting column \"SQLDATE\". Could not convert string \"2\" to 'DATE'",  # DuckDB's words
        f"error: {text}: not a GDELT event file: 1 tab-separated columns on line 1, "
        "expected 61 (GDELT 2.0), 58 or 57 (GDELT 1.0)",
    ]
    after = snapshot(db_file)
    assert set(kept["events"]) < set(after["events"])  # nothing lost; the broken file left nothing behind
    assert [e[0] for e in after["events"] if e not in kept["events"]] == ["gdelt:60"]


def test_progress_and_summary_go_to_stderr(db_file, tmp_path, capsys):
    source = write_gdelt(tmp_path / "p.CSV", V2_COLUMNS)
    assert main(["import", "gdelt", str(source), "--db", str(db_file)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{source}: 15 rows read, 9 matching, 9 new in" in captured.err
    assert "Imported gdelt into" in captured.err and "1 of 1 files, 15 rows read" in captured.err


def test_url_import_over_http(db_file, tmp_path):
    zipped = write_gdelt(tmp_path / "20240615234500.export.CSV.zip", V2_COLUMNS, zipped=True).read_bytes()
    server, base = serve(Routes({"/gdeltv2/20240615234500.export.CSV.zip": (200, "application/zip", zipped, 0, {})}))
    try:
        result = import_inputs("gdelt", [base + "/gdeltv2/20240615234500.export.CSV.zip", base + "/gone.zip"],
                               db_path=str(db_file), quiet=True)
    finally:
        server.shutdown()
    assert result.totals.new == 9
    assert result.errors == [base + "/gone.zip: HTTP 404 Not Found"]
    assert query(db_file, "SELECT DISTINCT source_file FROM imported_events") == [
        (base + "/gdeltv2/20240615234500.export.CSV.zip",)]


def test_url_download_is_capped(db_file, tmp_path, monkeypatch):
    body = write_gdelt(tmp_path / "big.CSV", V2_COLUMNS).read_bytes()
    monkeypatch.setenv("ENTENTE_IMPORT_MAX_BYTES", "1000")
    server, base = serve(Routes({"/big.CSV": (200, "text/csv", body, 0, {})}))
    try:
        result = import_inputs("gdelt", [base + "/big.CSV"], db_path=str(db_file), quiet=True)
    finally:
        server.shutdown()
    assert result.errors == [base + "/big.CSV: download larger than 1,000 bytes"]


# -- ACLED ---------------------------------------------------------------------------------------------

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
RUS, UKR = "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"
ACLED_ROWS = [  # id, date, precision, event type, sub-event type, actor1, inter1, actor2, inter2, iso, country
    ("UKR1", "2024-11-02", "1", "Battles", "Armed clash", UKR, "State forces", RUS, "External/Other forces",
     "804", "Ukraine"),
    ("RUS2", "2024-11-05", "1", "Battles", "Armed clash", UKR, "External/Other forces",
     "Military Forces of North Korea (2011-)", "External/Other forces", "643", "Russia"),
    ("SYR3", "2024-10-20", "3", "Explosions/Remote violence", "Air/drone strike",
     "Military Forces of the United States (2021-)", "External/Other forces", "Islamic State (Syria)",
     "Rebel group", "760", "Syria"),
    ("MLI4", "2024-09-01", "1", "Strategic developments", "Headquarters or base established",
     RUS, "External/Other forces", "", "", "466", "Mali"),
    ("UKR5", "2024-11-03", "1", "Battles", "Armed clash", UKR, "State forces", "Unidentified Armed Group (Ukraine)",
     "Political militia", "804", "Ukraine"),                                                   # at home
    ("UKR6", "2024-11-04", "1", "Protests", "Peaceful protest", "Protesters (Ukraine)", "Protesters", "", "",
     "804", "Ukraine"),                                                                        # no forces
    ("GEO7", "2024-11-04", "1", "Battles", "Armed clash", "Police Forces of Russia (2000-)", "External/Other forces",
     "Civilians (Georgia)", "Civilians", "268", "Georgia"),                                    # police, not troops
    ("MLI8", "2024-09-02", "1", "Strategic developments", "Arrests", RUS, "External/Other forces", "", "",
     "466", "Mali"),                                                                            # not mapped
]


def write_acled(path: Path, rows=ACLED_ROWS) -> Path:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(ACLED_COLUMNS)
    for (ident, day, precision, kind, sub, a1, i1, a2, i2, iso, country) in rows:
        values = {"event_id_cnty": ident, "event_date": day, "year": day[:4], "time_precision": precision,
                  "event_type": kind, "sub_event_type": sub, "actor1": a1, "inter1": i1, "actor2": a2, "inter2": i2,
                  "iso": iso, "country": country, "admin1": "Region", "location": "Town", "source": "Paper; Agency",
                  "notes": f"On {day}, an event, with a comma, and\na new line.", "fatalities": "3"}
        out.writerow([values.get(c, "") for c in ACLED_COLUMNS])
    return write(path, buffer.getvalue())


def test_acled_foreign_forces_become_troops(db_file, tmp_path):
    result = import_inputs("acled", [str(write_acled(tmp_path / "acled.csv"))], db_path=str(db_file), quiet=True)
    assert (result.exit_code, result.totals.read, result.totals.matched, result.totals.new) == (0, 8, 5, 5)
    assert query(db_file, EVENT_SQL) == [
        ("acled:MLI4", "troops", "deployment", "RUS", "MLI", "MLI-RUS", date(2024, 9, 1), "day", None, 1, 1, 0.9,
         "auto", "acled"),
        ("acled:RUS2", "troops", "combat", "UKR", "RUS", "RUS-UKR", date(2024, 11, 5), "day", None, 1, 1, 0.9,
         "auto", "acled"),
        ("acled:RUS2:actor2", "troops", "combat", "PRK", "RUS", "PRK-RUS", date(2024, 11, 5), "day", None, 1, 1,
         0.9, "auto", "acled"),
        ("acled:SYR3", "troops", "combat", "USA", "SYR", "SYR-USA", date(2024, 10, 1), "month", None, 1, 1, 0.9,
         "auto", "acled"),
        ("acled:UKR1:actor2", "troops", "combat", "RUS", "UKR", "RUS-UKR", date(2024, 11, 2), "day", None, 1, 1,
         0.9, "auto", "acled"),
    ]


def test_acled_older_layout_with_numeric_actor_types(db_file, tmp_path):
    old = ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3"]
    row = {"data_id": "9", "iso": "760", "event_id_cnty": "SYR9", "event_date": "16 May 2019", "time_precision": "1",
           "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": RUS, "inter1": "8",
           "actor2": "HTS: Hayat Tahrir al Sham", "inter2": "2", "country": "Syria", "admin1": "Idleb",
           "location": "Kafr Nabudah", "source": "SOHR", "notes": "Clashes.", "fatalities": "4", "iso3": "SYR"}
    source = write(tmp_path / "old.csv", ",".join(old) + "\n" + ",".join(row.get(c, "") for c in old) + "\n")
    assert import_inputs("acled", [str(source)], db_path=str(db_file), quiet=True).exit_code == 0
    assert query(db_file, "SELECT event_id, subtype, actor1, actor2, date, location, notes, fatalities, sources, "
                          "source_type FROM events JOIN imported_events USING (event_id)") == [
        ("acled:SYR9", "combat", "RUS", "SYR", date(2019, 5, 16), "Kafr Nabudah, Idleb, Syria", "Clashes.", 4, "SOHR",
         "Battles / Armed clash")]


def test_acled_repeated_event_id_keeps_its_first_copy(db_file, tmp_path):
    rows = ACLED_ROWS[:2] + [("UKR1", "2023-05-06", *ACLED_ROWS[0][2:]), ("RUS2", "2023-05-07", *ACLED_ROWS[1][2:])]
    result = import_inputs("acled", [str(write_acled(tmp_path / "acled.csv", rows))], db_path=str(db_file), quiet=True)
    assert (result.exit_code, result.totals.read, result.totals.matched, result.totals.new) == (0, 4, 6, 3)
    assert query(db_file, "SELECT event_id, date, notes FROM events JOIN imported_events USING (event_id) ORDER BY 1") == [
        ("acled:RUS2", date(2024, 11, 5), "On 2024-11-05, an event, with a comma, and\na new line."),
        ("acled:RUS2:actor2", date(2024, 11, 5), "On 2024-11-05, an event, with a comma, and\na new line."),
        ("acled:UKR1:actor2", date(2024, 11, 2), "On 2024-11-02, an event, with a comma, and\na new line.")]


def test_acled_file_without_its_columns_is_refused(db_file, tmp_path, capsys):
    gdelt_file = write_gdelt(tmp_path / "g.CSV", V2_COLUMNS)
    good = write_acled(tmp_path / "acled.csv")
    assert main(["import", "acled", str(gdelt_file), str(good), "--db", str(db_file), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"error: {gdelt_file}: not an ACLED export: missing columns event_id_cnty," in err
    assert query(db_file, "SELECT count(*) FROM events WHERE origin = 'acled'") == [(5,)]
