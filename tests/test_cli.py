"""`python -m etl` as a user runs it: output on stdout, one-line errors on stderr, exit codes."""
import json
import subprocess
import sys

import duckdb

from tests.conftest import ROOT, SEED, write


def etl(*args, env, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_extract_prints_json_lines_and_touches_no_database(tmp_path, python_env):
    python_env["ENTENTE_DB"] = str(tmp_path / "never.duckdb")
    done = etl("extract", str(SEED), env=python_env)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) >= 8
    assert not (tmp_path / "never.duckdb").exists()
    assert done.stderr == ""


def test_extract_reports_bad_inputs_and_goes_on(tmp_path, python_env):
    bad = write(tmp_path / "bad.md", "---\ntitle: [x\n---\nbody")
    done = etl("extract", str(bad), str(SEED), str(tmp_path / "missing.txt"), env=python_env)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {bad}: malformed front matter: not valid YAML at line 2",
        f"error: {tmp_path}/missing.txt: no such file or folder",
    ]
    assert len(done.stdout.splitlines()) >= 8


def test_run_uses_entente_db_and_prints_a_summary(tmp_path, python_env):
    python_env["ENTENTE_DB"] = str(tmp_path / "env.duckdb")
    done = etl("run", str(SEED), env=python_env)
    assert done.returncode == 0, done.stderr
    assert f"Loaded into {tmp_path}/env.duckdb: 1 articles (1 new)" in done.stderr
    con = duckdb.connect(str(tmp_path / "env.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0
    con.close()


def test_run_defaults_to_the_samples(tmp_path, python_env):
    db = tmp_path / "samples.duckdb"
    done = etl("run", "--db", str(db), env=python_env)
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    sources = [r[0] for r in con.execute("SELECT source FROM article_sources").fetchall()]
    con.close()
    assert "data/samples/le360-2024-11-19-pyongyang-moscou.md" in sources


def test_usage_error_exits_2(python_env):
    done = etl("frobnicate", env=python_env)
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


def test_run_on_a_terminal_shows_a_progress_bar(tmp_path, python_env):
    import os
    import pty

    main, secondary = pty.openpty()
    python_env["COLUMNS"] = "120"
    process = subprocess.Popen([sys.executable, "-m", "etl", "run", str(SEED), "--db", str(tmp_path / "t.duckdb")],
                               cwd=ROOT, env=python_env, stdin=secondary, stdout=secondary, stderr=secondary)
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0
    text = output.decode("utf-8", "replace")
    assert "Reading and extracting" in text
    assert "1/1" in text
    assert "Loaded into" in text
