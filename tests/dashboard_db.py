"""A small real database for dashboard tests: the seed plus two English articles the tests write."""
from pathlib import Path

from etl import pipeline
from tests.conftest import SEED, write

ARTICLES = {
    "putin-pyongyang.md": """---
title: Putin in Pyongyang
published: 2024-06-20T08:00:00
language: en
url: https://example.org/putin-pyongyang
---
Russian President Vladimir Putin visited Pyongyang on Wednesday, where he and Kim Jong Un signed a
comprehensive strategic partnership treaty.
""",
    "xi-kim.md": """---
title: Xi and Kim
published: 2019-06-21T08:00:00
language: en
---
Chinese leader Xi Jinping met North Korean leader Kim Jong Un in Pyongyang on Thursday.
""",
    "kursk.md": """---
title: Eleven thousand
published: 2024-12-24T08:00:00
language: en
---
Ukrainian officials said on Monday that North Korea had sent 11,000 troops to Russia.
""",
}


def build(folder: Path, db_file: Path) -> Path:
    corpus = folder / "corpus"
    write(corpus / "seed.md", SEED.read_text(encoding="utf-8"))
    for name, text in ARTICLES.items():
        write(corpus / name, text)
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    return db_file
