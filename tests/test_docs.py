"""README and the contracts stay true: documented commands exist, contract fields are produced."""
import re

import pytest

from etl.cli import build_parser
from tests.conftest import ROOT, SHARED

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_shows_the_two_commands_and_they_exist():
    assert "make run" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "setup"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_etl_command_in_readme_parses():
    commands = re.findall(r"python -m etl ([^\n`]+)", README)
    assert commands
    parser = build_parser()
    for command in commands:
        args = command.split("#")[0].split()
        parser.parse_args(args)  # exits with status 2 on an unknown command or option


def test_readme_images_exist():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).exists(), image


def test_contract_sections_still_name_what_we_produce():
    contracts = SHARED / "CONTRACTS.md"
    if not contracts.exists():
        pytest.fail("../shared/CONTRACTS.md is missing: the project is checked out without shared/ beside it")
    text = contracts.read_text(encoding="utf-8")
    for field in ("event_type", "subtype", "actor1", "actor2", "date_precision", "reported_by", "n_sources", "etl_runs"):
        assert field in text
