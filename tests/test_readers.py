"""Readers of every input form in CONTRACTS section 1, and their one-line errors."""
import json
from datetime import datetime

import pytest

from etl.model import Article, InputError
from etl.readers import read_inputs
from tests.conftest import SEED, write
from tests.httpserver import Routes, serve

FR_BODY = ("Kim Jong Un a reçu lundi le ministre russe des Ressources naturelles à Pyongyang. "
           "Les deux pays viennent de ratifier le traité de défense mutuelle.")
EN_BODY = ("North Korean leader Kim Jong Un received Russia's natural resources minister in Pyongyang on Monday. "
           "The two countries have just ratified their mutual defence treaty.")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><language>en</language>
<item><title>First</title><link>https://example.org/1</link><guid>id-1</guid>
<pubDate>Tue, 19 Nov 2024 06:53:00 GMT</pubDate><description>{EN_BODY}</description></item>
<item><title>Second</title><link>https://example.org/2</link><guid>id-2</guid>
<pubDate>Wed, 20 Nov 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;Seoul and Tokyo held talks on Wednesday.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Fil</title><id>urn:fil</id>
<entry><title>Premier</title><id>urn:e1</id><updated>2024-11-19T06:53:00Z</updated>
<link href="https://example.org/fr/1"/><content type="html">&lt;p&gt;{FR_BODY}&lt;/p&gt;</content></entry>
</feed>"""

HTML = f"""<!doctype html><html lang="fr"><head><title>Pyongyang et Moscou</title>
<meta property="article:published_time" content="2024-11-19T06:53:00+00:00">
<link rel="canonical" href="https://example.org/fr/article"></head>
<body><nav><a href="/">Accueil</a></nav><article><h1>Pyongyang et Moscou</h1>
<p>{FR_BODY}</p><p>La ministre nord-coréenne des Affaires étrangères s'est récemment rendue à Moscou.</p>
</article><footer>Mentions légales</footer></body></html>"""


def read_all(*inputs):
    return list(read_inputs([str(i) for i in inputs]))


def only_article(*inputs) -> Article:
    results = read_all(*inputs)
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_error(*inputs) -> InputError:
    results = read_all(*inputs)
    assert len(results) == 1, results
    assert isinstance(results[0], InputError), results[0]
    return results[0]


def test_markdown_front_matter_gives_metadata():
    article = only_article(SEED)
    assert article.title.startswith("Avec la guerre en Ukraine")
    assert article.published == datetime(2024, 11, 19, 6, 53)
    assert article.language == "fr"
    assert article.publisher == "Le360 (avec AFP)"
    assert not article.text.startswith("---")
    assert article.source == str(SEED)


def test_text_without_front_matter_finds_title_date_and_language(tmp_path):
    raw = SEED.read_text(encoding="utf-8").split("---", 2)[2].lstrip()
    path = write(tmp_path / "seed.txt", raw)
    article = only_article(path)
    assert article.title == "Avec la guerre en Ukraine, Pyongyang se rapproche de Moscou au détriment de Pékin"
    assert article.published == datetime(2024, 11, 19, 6, 53)
    assert article.language == "fr"


def test_english_text_states_its_date(tmp_path):
    path = write(tmp_path / "en.txt", f"Pyongyang and Moscow draw closer\n\nPublished November 19, 2024\n\n{EN_BODY}\n")
    article = only_article(path)
    assert article.published == datetime(2024, 11, 19)
    assert article.language == "en"
    assert article.title == "Pyongyang and Moscow draw closer"


def test_undated_text_has_no_publication_date(tmp_path):
    article = only_article(write(tmp_path / "a.txt", f"Title\n\n{EN_BODY}"))
    assert article.published is None


def test_html_main_text_and_metadata(tmp_path):
    article = only_article(write(tmp_path / "page.html", HTML))
    assert article.title == "Pyongyang et Moscou"
    assert article.language == "fr"
    assert article.url == "https://example.org/fr/article"
    assert article.published.date().isoformat() == "2024-11-19"
    assert "ratifier le traité" in article.text
    assert "Mentions légales" not in article.text and "Accueil" not in article.text


def test_json_object_list_and_jsonl(tmp_path):
    obj = {"text": EN_BODY, "title": "One", "published": "2024-11-19", "language": "en", "url": "https://x.org/1"}
    single = only_article(write(tmp_path / "one.json", json.dumps(obj)))
    assert (single.title, single.published, single.url) == ("One", datetime(2024, 11, 19), "https://x.org/1")
    listed = read_all(write(tmp_path / "list.json", json.dumps([obj, {**obj, "title": "Two"}])))
    assert [a.title for a in listed] == ["One", "Two"]
    assert [a.source for a in listed] == [f"{tmp_path}/list.json#1", f"{tmp_path}/list.json#2"]
    lines = write(tmp_path / "many.jsonl", json.dumps(obj) + "\n\n" + json.dumps({"title": "no text"}) + "\n{broken\n")
    results = read_all(lines)
    assert isinstance(results[0], Article)
    assert [str(r) for r in results[1:]] == [f"{lines}#3: missing or empty 'text'", f"{lines}#4: invalid JSON (Expecting property name enclosed in double quotes)"]


def test_rss_and_atom_give_one_article_per_entry(tmp_path):
    rss = read_all(write(tmp_path / "feed.xml", RSS))
    assert [a.title for a in rss] == ["First", "Second"]
    assert rss[0].source == f"{tmp_path}/feed.xml#id-1"
    assert rss[0].published == datetime(2024, 11, 19, 6, 53)
    assert rss[1].text == "Seoul and Tokyo held talks on Wednesday."
    assert rss[0].language == "en"
    atom = only_article(write(tmp_path / "feed.atom", ATOM))
    assert atom.language == "fr" and atom.url == "https://example.org/fr/1"
    assert atom.text == FR_BODY


def test_folders_are_walked_recursively_in_order(tmp_path):
    write(tmp_path / "b" / "deep" / "two.md", f"---\ntitle: Two\n---\n{EN_BODY}")
    write(tmp_path / "a.txt", f"One\n{EN_BODY}")
    write(tmp_path / "b" / "notes.csv", "not an article")
    assert [a.title for a in read_all(tmp_path)] == ["One", "Two"]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n ", "empty file"),
    ("latin1.txt", "Pyongyang se rapproche de Moscou, dit-on à Pékin".encode("latin-1"), "not valid UTF-8 (byte 0xe0 at offset 41)"),
    ("bad-yaml.md", b"---\ntitle: [unclosed\n---\nText here.", "malformed front matter: not valid YAML at line 2"),
    ("no-close.md", b"---\ntitle: x\nText here.", "malformed front matter: no closing '---' line"),
    ("list.md", b"---\n- a\n- b\n---\nText here.", "malformed front matter: expected 'key: value' lines"),
    ("bad-date.md", b"---\npublished: yesterday\n---\nText here.", "'published' is not an ISO date or datetime: 'yesterday'"),
    ("bad-title.md", b"---\ntitle: {a: 1}\n---\nText here.", "'title' must be a string, not dict"),
    ("only-meta.md", b"---\ntitle: x\n---\n", "no text after the front matter"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content, not a text file"),
    ("broken.html", b"<html><body><div><p></div></body", "no article text found in the HTML"),
    ("nohtml.html", b"just some words without markup", "not HTML (no markup found)"),
    ("bad.json", b"{\"text\": ", "invalid JSON (Expecting value at line 1)"),
    ("array.json", b"[1]", "expected a JSON object, got int"),
    ("notfeed.xml", b"<?xml version='1.0'?><root><a>b</a></root>", "feed has no entries"),
    ("data.csv", b"a,b\n1,2", "unsupported file type '.csv' (expected one of .atom, .htm, .html, .json, .jsonl, .markdown, .md, .rss, .txt, .xml)"),
])
def test_bad_files_give_one_line_naming_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    error = only_error(path)
    where = f"{path}#1" if name == "array.json" else str(path)
    assert str(error) == f"{where}: {reason}"
    assert "\n" not in str(error)


def test_missing_and_dangling_paths(tmp_path):
    assert str(only_error(tmp_path / "nope.txt")) == f"{tmp_path}/nope.txt: no such file or folder"
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert str(only_error(tmp_path / "dangling.txt")) == f"{tmp_path}/dangling.txt: no such file or folder"


def test_a_bad_input_does_not_stop_the_others(tmp_path):
    write(tmp_path / "1-good.txt", f"One\n{EN_BODY}")
    write(tmp_path / "2-bad.txt", b"")
    write(tmp_path / "3-good.md", f"---\ntitle: Three\n---\n{FR_BODY}")
    results = read_all(tmp_path)
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]


@pytest.fixture(scope="module")
def web():
    routes = Routes({
        "/article.html": (200, "text/html; charset=utf-8", HTML.encode(), 0, {}),
        "/feed.rss": (200, "application/rss+xml", RSS.encode(), 0, {}),
        "/plain.txt": (200, "text/plain; charset=utf-8", f"Plain\n\n{EN_BODY}".encode(), 0, {}),
        "/moved": (301, "text/html", b"", 0, {"Location": "/article.html"}),
        "/loop": (302, "text/html", b"", 0, {"Location": "/loop"}),
        "/slow": (200, "text/html", HTML.encode(), 3, {}),
        "/broken": (500, "text/html", b"oops", 0, {}),
        "/image.png": (200, "image/png", b"\x89PNG\r\n", 0, {}),
    })
    server, base = serve(routes)
    yield base
    server.shutdown()


def test_url_of_a_page(web):
    article = only_article(f"{web}/article.html")
    assert article.source == f"{web}/article.html"
    assert article.title == "Pyongyang et Moscou" and article.language == "fr"
    assert "ratifier le traité" in article.text


def test_url_of_a_feed_and_of_plain_text(web):
    feed = read_all(f"{web}/feed.rss")
    assert [a.source for a in feed] == [f"{web}/feed.rss#id-1", f"{web}/feed.rss#id-2"]
    plain = only_article(f"{web}/plain.txt")
    assert plain.title == "Plain" and plain.url == f"{web}/plain.txt"


def test_url_redirect_is_followed(web):
    assert only_article(f"{web}/moved").title == "Pyongyang et Moscou"


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/loop", "more than 5 redirects"),
    ("/slow", "timed out after 1 s"),
    ("/image.png", "unsupported content type 'image/png'"),
])
def test_url_failures_are_one_line(web, monkeypatch, path, reason):
    monkeypatch.setenv("ENTENTE_URL_TIMEOUT", "1")
    assert str(only_error(f"{web}{path}")) == f"{web}{path}: {reason}"


def test_unreachable_host_is_reported():
    error = only_error("http://127.0.0.1:9/nothing")
    assert str(error).startswith("http://127.0.0.1:9/nothing: cannot fetch (")


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    assert str(only_error(path)) == f"{path}: file larger than 50 MB"


def test_directory_named_like_a_file_is_walked_not_read(tmp_path):
    write(tmp_path / "odd.txt" / "inner.md", f"---\ntitle: Inner\n---\n{EN_BODY}")
    assert [a.title for a in read_all(tmp_path / "odd.txt")] == ["Inner"]
