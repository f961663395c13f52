"""URL inputs against a local server that misbehaves on purpose: each fault is one line naming the
URL and the reason, within the time-out, and the other inputs of the run still load."""
import subprocess
import sys
import time

import duckdb
import pytest

from etl import pipeline
from etl.model import Article, InputError
from etl.readers import read_inputs
from etl.readers.url import fetch
from tests.conftest import ROOT
from tests.httpserver import Routes, drip, drip_headers, endless, raw, serve, truncated

EN_BODY = ("North Korean leader Kim Jong Un received Russia's natural resources minister in Pyongyang on Monday. "
           "The two countries have just ratified their mutual defence treaty.")
PAGE = (f"<!doctype html><html lang='en'><head><title>Pyongyang and Moscow</title></head><body>"
        f"<article><h1>Pyongyang and Moscow</h1><p>{EN_BODY}</p></article></body></html>").encode()
FR_LATIN1 = "Titre\n\nLa Corée du Nord et la Russie ont ratifié le traité à Pyongyang, dit-on à Pékin."
CHAIN = 8


def redirect(target: str, status: int = 302):
    return (status, "text/html", b"", 0, {"Location": target})


@pytest.fixture(scope="module")
def web():
    routes = Routes({
        "/page.html": (200, "text/html; charset=utf-8", PAGE, 0, {}),
        "/drip": drip(PAGE[:40], interval=0.4),
        "/drip-headers": drip_headers(interval=0.3),
        "/endless": endless(),
        "/endless-declared": endless(declare=10**12),
        "/endless-binary": endless(ctype="application/octet-stream"),
        "/500": (500, "text/html", b"<p>oops</p>", 0, {}),
        "/503": (503, "text/html", b"", 0, {}),
        "/loop": redirect("/loop"),
        "/ping": redirect("/pong", 301),
        "/pong": redirect("/ping", 307),
        "/to-file": redirect("file:///etc/passwd"),
        "/to-ftp": redirect("ftp://127.0.0.1/feed.xml"),
        "/no-location": (302, "text/html", b"", 0, {}),
        "/octet": (200, "application/octet-stream", b"\x00\x01\x02" * 100, 0, {}),
        "/png": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, {}),
        "/lying-utf8.txt": (200, "text/plain; charset=utf-8", FR_LATIN1.encode("latin-1"), 0, {}),
        "/honest-latin1.txt": (200, "text/plain; charset=iso-8859-1", FR_LATIN1.encode("latin-1"), 0, {}),
        "/klingon.txt": (200, "text/plain; charset=x-klingon", b"Title\n\nText here.", 0, {}),
        "/lying-utf8.html": (200, "text/html; charset=utf-8",
                             PAGE.replace(b"Moscow</h1>", "Moscou à Pékin</h1>".encode("latin-1")), 0, {}),
        "/truncated": truncated(PAGE[:100], declared=len(PAGE)),
        "/garbage": raw(b"HELLO WORLD\r\n\r\n"),
        "/long-header": raw(b"HTTP/1.0 200 OK\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n"),
    })
    for i in range(CHAIN):  # /chain/0 -> /chain/1 -> ... -> /chain/CHAIN, the page
        routes[f"/chain/{i}"] = redirect(f"/chain/{i + 1}")
    routes[f"/chain/{CHAIN}"] = routes["/page.html"]
    server, base = serve(routes)
    yield base
    server.shutdown()


def only(address: str) -> Article | InputError:
    results = list(read_inputs([address]))
    assert len(results) == 1, results
    return results[0]


def error_of(address: str) -> str:
    result = only(address)
    assert isinstance(result, InputError), result
    assert "\n" not in str(result)
    assert str(result).startswith(f"{address}: ")
    return result.reason


@pytest.fixture
def fast(monkeypatch):
    """Small limits through the environment, as a user would set them."""
    monkeypatch.setenv("ENTENTE_URL_TIMEOUT", "1")
    monkeypatch.setenv("ENTENTE_URL_MAX_BYTES", str(64 * 1024))


def test_a_good_page_still_loads_with_the_small_limits(web, fast):
    article = only(f"{web}/page.html")
    assert isinstance(article, Article) and article.title == "Pyongyang and Moscow"


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_slow_drip_times_out_on_the_whole_fetch_not_each_read(web, fast, path):
    # A byte every 0.3-0.4 s never trips a 1 s per-read time-out; the drip lasts 16-60 s in all.
    started = time.monotonic()
    assert error_of(f"{web}{path}") == "timed out after 1 s"
    assert time.monotonic() - started < 5


def test_endless_body_stops_at_the_size_cap(web, fast):
    assert error_of(f"{web}/endless") == "response larger than 64 KB"


def test_endless_body_stops_at_the_default_cap_of_10_mb(web):
    assert error_of(f"{web}/endless") == "response larger than 10 MB"


def test_declared_length_over_the_cap_is_refused_before_reading(web, fast):
    assert error_of(f"{web}/endless-declared") == "response larger than 64 KB"


def test_limits_can_be_given_per_call(web):
    with pytest.raises(InputError, match="response larger than 100 bytes"):
        fetch(f"{web}/page.html", max_bytes=100)
    with pytest.raises(InputError, match="more than 2 redirects"):
        fetch(f"{web}/chain/{CHAIN - 3}", max_redirects=2)
    assert fetch(f"{web}/chain/{CHAIN - 2}", max_redirects=2).body == PAGE


@pytest.mark.parametrize("path, reason", [
    ("/500", "HTTP 500 Internal Server Error"),
    ("/503", "HTTP 503 Service Unavailable"),
    ("/loop", "more than 5 redirects"),
    ("/ping", "more than 5 redirects"),
    (f"/chain/{CHAIN - 6}", "more than 5 redirects"),
    ("/to-file", "HTTP 302 redirect to 'file:///etc/passwd' not followed"),
    ("/to-ftp", "redirect to a non-HTTP URL refused (ftp://127.0.0.1/feed.xml)"),
    ("/no-location", "HTTP 302 redirect without a Location header"),
    ("/octet", "unsupported content type 'application/octet-stream'"),
    ("/png", "unsupported content type 'image/png'"),
    ("/endless-binary", "unsupported content type 'application/octet-stream'"),
    ("/lying-utf8.txt", "not valid UTF-8 (byte 0xe9 at offset 13)"),
    ("/klingon.txt", "unknown charset 'x-klingon'"),
    ("/truncated", f"connection closed after 100 of {len(PAGE)} bytes"),
    ("/garbage", "invalid HTTP response (BadStatusLine)"),
    ("/long-header", "invalid HTTP response (LineTooLong)"),
])
def test_each_fault_is_one_line_naming_the_url(web, fast, path, reason):
    assert error_of(f"{web}{path}") == reason


def test_redirect_chain_up_to_the_limit_is_followed(web):
    article = only(f"{web}/chain/{CHAIN - 5}")
    assert isinstance(article, Article) and article.url == f"{web}/chain/{CHAIN}"


def test_declared_charset_is_honoured_and_a_lying_one_in_html_is_survived(web):
    latin1 = only(f"{web}/honest-latin1.txt")
    assert isinstance(latin1, Article) and "ratifié le traité" in latin1.text
    page = only(f"{web}/lying-utf8.html")  # the HTML reader guesses the encoding from the bytes
    assert isinstance(page, Article) and "ratified their mutual defence treaty" in page.text


@pytest.mark.parametrize("address, reason", [
    ("http://127.0.0.1:1/a b", "invalid URL (URL can't contain control characters. '/a b' (found at least ' '))"),
    ("http://127.0.0.1:port/", "invalid URL (nonnumeric port: 'port')"),
    ("http://", "cannot fetch (no host given)"),
    ("http://[::1/", "cannot fetch (Invalid IPv6 URL)"),
])
def test_malformed_urls_are_errors_not_crashes(address, reason):
    assert error_of(address) == reason


@pytest.mark.parametrize("variable, value, reason", [
    ("ENTENTE_URL_TIMEOUT", "soon", "$ENTENTE_URL_TIMEOUT is not a number: 'soon'"),
    ("ENTENTE_URL_TIMEOUT", "0", "$ENTENTE_URL_TIMEOUT is out of range: '0'"),
    ("ENTENTE_URL_TIMEOUT", "inf", "$ENTENTE_URL_TIMEOUT is out of range: 'inf'"),
    ("ENTENTE_URL_MAX_BYTES", "-1", "$ENTENTE_URL_MAX_BYTES is out of range: '-1'"),
    ("ENTENTE_URL_MAX_REDIRECTS", "many", "$ENTENTE_URL_MAX_REDIRECTS is not a number: 'many'"),
])
def test_bad_environment_value_is_reported(web, monkeypatch, variable, value, reason):
    monkeypatch.setenv(variable, value)
    assert error_of(f"{web}/page.html") == reason


def test_no_redirects_allowed_by_the_environment(web, monkeypatch):
    monkeypatch.setenv("ENTENTE_URL_MAX_REDIRECTS", "0")
    assert error_of(f"{web}/chain/{CHAIN - 1}") == "more than 0 redirects"
    assert isinstance(only(f"{web}/page.html"), Article)


def test_a_run_with_faulty_urls_loads_the_good_one(web, fast, tmp_path):
    db = tmp_path / "urls.duckdb"
    bad = [f"{web}{p}" for p in ("/drip", "/endless", "/500", "/loop", "/png", "/truncated", "/garbage")]
    result = pipeline.run(bad + [f"{web}/page.html"], db_path=str(db), quiet=True)
    assert result.exit_code == 1
    assert [e.split(": ", 1)[0] for e in result.errors] == bad
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT source, title FROM articles").fetchall() == [
            (f"{web}/page.html", "Pyongyang and Moscow")]


def test_cli_prints_one_stderr_line_per_bad_url(web, python_env):
    python_env.update(ENTENTE_URL_TIMEOUT="1", ENTENTE_URL_MAX_BYTES="65536")
    bad = [f"{web}{p}" for p in ("/drip-headers", "/endless-declared", "/octet", "/to-file")]
    done = subprocess.run([sys.executable, "-m", "etl", "extract", *bad, f"{web}/page.html"], cwd=ROOT,
                          env=python_env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == bad
    assert all(line.startswith("error: ") for line in lines)
    assert f'"source": "{web}/page.html"' in done.stdout
