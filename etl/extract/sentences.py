"""Split article text into sentences, and sentences into clauses."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens before a full stop that do not end a sentence.
ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "gen", "gén", "col", "lt", "sgt", "capt",
    "sen", "rep", "gov", "pres", "prof", "mr", "mrs", "ms", "jr", "sr", "no", "vs", "etc", "cf", "env",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janv", "févr",
    "av", "apr", "u.s", "u.n", "u.k", "e.u", "j.-c", "ca", "approx", "inc", "ltd", "co", "corp",
    "ee", "uu", "ee.uu",  # "EE. UU." is the United States
}
# "am 8. Mai": a day ordinal before a German month name, not the end of a sentence.
ORDINAL_MONTH = re.compile(r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b")
# "der 101. Luftlandedivision", "zum 75. Jahrestag": an ordinal before a unit or an anniversary.
ORDINAL_NOUN = re.compile(r"\w*(?:division|brigade|regiment|bataillon|armee|flotte|geschwader|korps|kompanie|"
                          r"jahrestag|jahrhundert|gipfel|sitzung|runde)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?…])([»\"”’)]*)\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9])")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offset in the article text
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    # A line break before a lowercase word is a wrapped line ("signed a\ncomprehensive ... treaty"), not a break.
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•]\s)|\n(?!\s*[a-zà-öø-ÿ])", text):
        para_start = text.find(paragraph, offset)
        offset = para_start + len(paragraph)
        if not paragraph.strip():
            continue
        pieces: list[tuple[int, int]] = []
        last = 0
        for match in SENTENCE_END.finditer(paragraph):
            before = paragraph[last:match.start()].rstrip("»\"”’).!?… ")
            token = before.rsplit(None, 1)[-1].lower() if before.split() else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if token.isdigit() and len(token) <= 2 and ORDINAL_MONTH.match(paragraph, match.end()):
                continue
            if token.isdigit() and len(token) <= 3 and ORDINAL_NOUN.match(paragraph, match.end()):
                continue
            pieces.append((last, match.end(1)))
            last = match.end()
        pieces.append((last, len(paragraph)))
        for start, end in pieces:
            chunk = paragraph[start:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                sentences.append(Sentence(len(sentences), para_start + start + lead, stripped))
    return sentences


def clause_bounds(sentence: str, breaks: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of a sentence; a break starts a new clause."""
    bounds = []
    start = 0
    for match in breaks.finditer(sentence):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.start()
    bounds.append((start, len(sentence)))
    return bounds
