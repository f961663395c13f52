"""Find date expressions in text and resolve them against the publication date.

Returns EventDate values with the precision the text supports (day, month, year).
Weeks resolve to the month of their Monday, since the contract knows no week.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from etl import lang
from etl.extract.date_arithmetic import MAX_YEAR, MIN_YEAR, day_of, month_start, shift
from etl.model import EventDate

@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    date: EventDate
    counted: bool = False  # counted from a day told before ("la veille", "six days later")
    year_written: bool = False  # the expression writes its year ("in June 1965", "le 4 décembre 2024")


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


class DateGrammar:
    """Compiled date patterns of one language."""

    def __init__(self, language: str):
        data = lang.load(language, "dates")
        self.language = language
        self.day_first = bool(data.get("day_first", True))
        self.month_of: dict[str, int] = {}
        for number, names in enumerate(data["months"], start=1):
            for name in names:
                self.month_of[name.lower()] = number
        self.weekday_of = {name.lower(): i for i, name in enumerate(data["weekdays"])}
        self.relative = {k.lower(): tuple(v) for k, v in data.get("relative", {}).items()}
        months = _alternation(self.month_of)
        year_relatives = [k for k, (unit, _) in self.relative.items() if unit == "year"]
        suffix = data.get("ordinal_suffix", "")
        future = _alternation(data.get("future", [])) or "(?!)"
        self.future_after = re.compile(rf"\s+(?:{future})\b", re.IGNORECASE)
        self.future_before = re.compile(rf"\b(?:{future})\s+$", re.IGNORECASE)
        month_preps = _alternation(data.get("month_prepositions", []))
        hyphened = _alternation([p for p in data.get("month_prepositions", []) if p.endswith("-")]) or "(?!)"  # "mid-April 2023"
        year_preps = _alternation(data.get("year_prepositions", []))
        b, e = r"(?<![\w-])", r"(?![\w-])"
        # "2017 kamen zwei Soldaten ums Leben": a German year opening the sentence before its verb (nouns
        # there are capitalised, so "2000 Soldaten" stays a count).
        opening_year = r"^(?=(?:19|20)\d\d\s+(?-i:[a-zäöü]))" if data.get("year_opens_sentence") else "(?!)"
        between = data.get("year_between") or {}
        if between:
            opening_year += (rf"|{b}(?:{_alternation(between['before'])})\s+(?=(?:19|20)\d\d\s+"
                             rf"(?:{_alternation(between['after'])}){e})")
        ranges = data.get("day_range") or {}
        self.season_start = {k.lower(): int(v) for k, v in (data.get("seasons") or {}).items()}
        seasons = _alternation(self.season_start) or "(?!)"
        season_last = _alternation(data.get("season_last", [])) or "(?!)"
        season_preps = _alternation(data.get("season_prepositions", [])) or "(?!)"  # "d'hiver" is no date
        # Order matters: the longest, most explicit forms are tried first at each position.
        self.patterns = [
            ("iso", re.compile(rf"{b}(\d{{4}})-(\d{{2}})-(\d{{2}}){e}")),
            ("numeric", re.compile(rf"{b}(\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{4}}){e}")),
            # "am 12. Januar vergangenen Jahres", "le 12 janvier de l'année dernière": a day of that year.
            # "du 20 au 22 mars", "vom 8. bis 10. Juli", "del 20 al 22 de marzo": a stay dates from its first day.
            ("day_range", re.compile(
                rf"{b}(?:{_alternation(ranges.get('from', [])) or '(?!)'})\s+(\d{{1,2}}){suffix}\s+(?:{_alternation(ranges.get('to', [])) or '(?!)'})"
                rf"\s+\d{{1,2}}{suffix}\s+(?:de\s+|of\s+)?({months})\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?{e}", re.IGNORECASE)),
            ("day_month_of_year", re.compile(
                rf"{b}(\d{{1,2}}){suffix}\s+({months})\s+(?:de\s+|del\s+|of\s+)?({_alternation(year_relatives) or '(?!)'}){e}",
                re.IGNORECASE)),
            ("day_month", re.compile(
                rf"{b}(?:(?:{_alternation(self.weekday_of)})\s+)?(\d{{1,2}}){suffix}\s+(?:of\s+)?({months})\.?(?:,?\s+(\d{{4}}))?{e}",
                re.IGNORECASE)),
            ("month_day", re.compile(
                rf"{b}({months})\.?\s+(\d{{1,2}}){suffix}(?:,?\s+(\d{{4}}))?{e}", re.IGNORECASE)),
            ("month_year", re.compile(rf"{b}(?:{hyphened})?({months})\.?\s+(?:de\s+|of\s+)?(\d{{4}}){e}", re.IGNORECASE)),
            # "en juin de l'année dernière", "in June last year", "im Juni vergangenen Jahres".
            ("month_of_year", re.compile(
                rf"{b}({months})\s+(?:de\s+|del\s+|of\s+)?({_alternation(year_relatives) or '(?!)'}){e}", re.IGNORECASE)),
            # "mid-April", "à la mi-avril": a prefix joined by its hyphen.
            ("month", re.compile(rf"{b}(?:{month_preps})(?:(?<=-)|\s+)(?:(?:l'|le\s+mois\s+de\s+)?)({months}){e}", re.IGNORECASE)),
            # "à l'automne dernier", "in the autumn of 2024", "last spring": the season's year.
            ("season", re.compile(rf"{b}(?:(?:{season_preps})\s*|(?=(?:{season_last})\s))(?:({season_last})\s+)?({seasons})"
                                  rf"(?:\s+(?:de\s+|of\s+|del\s+)?(\d{{4}}))?(?:\s+({season_last}))?{e}", re.IGNORECASE)),
            ("year", re.compile(rf"(?:{b}(?:{year_preps})\s+|{opening_year})(\d{{4}}){e}", re.IGNORECASE)),
            # "am Mittwoch vergangener Woche", "on Tuesday last week": that weekday of the week before.
            ("weekday_last_week", re.compile(
                rf"{b}({_alternation(self.weekday_of)})s?\s+(?:{_alternation(data.get('weekday_last_week', [])) or '(?!)'}){e}",
                re.IGNORECASE)),
            ("relative", re.compile(rf"{b}({_alternation(self.relative)}){e}", re.IGNORECASE)),
            # "vendredi dernier", "last Friday", "el viernes pasado", "am vergangenen Freitag": the latest
            # such day before publication, a week back when published on that weekday.
            ("weekday_last", re.compile(
                rf"{b}(?:(?:{_alternation(data.get('weekday_last_before', [])) or '(?!)'})\s+({_alternation(self.weekday_of)})"
                rf"|({_alternation(self.weekday_of)})s?\s+(?:{_alternation(data.get('weekday_last_after', [])) or '(?!)'})){e}",
                re.IGNORECASE)),
            ("weekday", re.compile(rf"{b}(?:on\s+|le\s+|ce\s+)?({_alternation(self.weekday_of)})s?{e}", re.IGNORECASE)),
        ]
        if not self.relative:
            self.patterns = [p for p in self.patterns if p[0] != "relative"]
        # "la veille", "the same day": days counted from the last day the text told, not from publication.
        self.offset_of = {k.lower(): int(v) for k, v in (data.get("anaphoric") or {}).items()}
        # "six days later", "trois jours plus tôt": a count of days (the first word) from the last day told.
        counted = data.get("counted_days") or {}
        self.day_numbers = {k.lower(): int(v) for k, v in (data.get("day_numbers") or {}).items()}
        # "wenige Tage später", "a few days later": in the month of the day told, no day of its own.
        self.few = {w.lower() for w in data.get("few_words") or []}
        months = data.get("counted_months") or {}
        kinds = [("fixed", _alternation(self.offset_of))] + [
            (key, "|".join(f"(?:{p})" for p in counted.get(key, []))) for key in ("later", "earlier")] + [
            (f"months_{key}", "|".join(f"(?:{p})" for p in months.get(key, []))) for key in ("later", "earlier")]
        kinds = [(name, alternation) for name, alternation in kinds if alternation]
        self.anaphoric = (re.compile(rf"{b}(?:" + "|".join(f"(?P<{name}>{alt})" for name, alt in kinds) + rf"){e}",
                                     re.IGNORECASE) if kinds else None)
        # "dont il avait annoncé jeudi soir": a flashback's date is not the day the story has reached.
        flashback = data.get("pluperfect", [])
        self.flashback = re.compile(rf"{b}(?:{_alternation(flashback)}){e}[^,;:]{{0,25}}$", re.IGNORECASE) if flashback else None
        # "last November", "this June": counted from publication even after a date that writes its year.
        self.anchored_month = re.compile(rf"(?:{_alternation(data.get('anchored_month_prepositions', [])) or '(?!)'})\s",
                                         re.IGNORECASE)
        # "in December of that year", "en octobre de la même année": the year last written.
        self.that_year = re.compile(rf"\s*(?:{_alternation(data.get('that_year', [])) or '(?!)'}){e}", re.IGNORECASE)
        recent = data.get("recent", [])
        self.recent = re.compile(rf"{b}(?:{_alternation(recent)}){e}", re.IGNORECASE) if recent else None
        self._found: dict[tuple, tuple[DateSpan, ...]] = {}

    def find(self, text: str, anchor: date | None, year_told: int | None = None) -> list[DateSpan]:
        """Every date expression in text, leftmost-longest, resolved against anchor; "in December of
        that year" takes the year last written before it (in text, else year_told)."""
        # An earlier sentence is read again by "la veille" and by undated events: read each once per
        # article (forget() between articles, so a replicated corpus measures no cache across them).
        key = (text, anchor, year_told)
        if key not in self._found:
            self._found[key] = tuple(self._find(text, anchor, year_told))
        return list(self._found[key])

    def forget(self) -> None:
        self._found.clear()

    def _find(self, text: str, anchor: date | None, year_told: int | None) -> list[DateSpan]:
        spans: list[DateSpan] = []
        taken: list[tuple[int, int]] = []
        explicit: list[DateSpan] = []  # spans that write their year
        yearless: list[DateSpan] = []  # "fin mars", "le 27 mars": the year is the reader's to infer
        for kind, pattern in self.patterns:
            for match in pattern.finditer(text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                future = bool(self.future_after.match(text, match.end())
                              or self.future_before.search(text[max(0, match.start() - 12):match.start()]))
                resolved = self._resolve(kind, match, anchor, future)
                if resolved is None:
                    continue
                taken.append((match.start(), match.end()))
                spans.append(DateSpan(match.start(), match.end(), resolved))
                has_year = kind in ("iso", "numeric", "month_year", "year") or (
                    kind in ("day_month", "month_day") and match.group(3))
                if has_year:
                    spans[-1] = DateSpan(match.start(), match.end(), resolved, year_written=True)
                    explicit.append(spans[-1])
                elif kind in ("month", "day_month", "month_day") and not self.anchored_month.match(match.group(0)):
                    yearless.append(spans[-1])
        spans.sort(key=lambda s: s.start)
        return [self._that_year(text, span, explicit, year_told) if span in yearless else span for span in spans]

    def _that_year(self, text: str, span: DateSpan, explicit: list[DateSpan], year_told: int | None) -> DateSpan:
        said = self.that_year.match(text, span.end)
        if not said:
            return _in_year_told(span, explicit)
        written = [e for e in explicit if e.end <= span.start and e.date.value]
        year = written[-1].date.value.year if written else year_told
        if year is None or span.date.value is None:
            return span
        try:
            moved = span.date.value.replace(year=year)
        except ValueError:
            return span
        return DateSpan(span.start, said.end(), EventDate(moved, span.date.precision), year_written=True)

    def _resolve(self, kind: str, m: re.Match, anchor: date | None, future: bool) -> EventDate | None:
        g = m.groups()
        if kind == "iso":
            return day_of(int(g[0]), int(g[1]), int(g[2]))
        if kind == "numeric":
            first, second, year = int(g[0]), int(g[1]), int(g[2])
            day, month = (first, second) if self.day_first else (second, first)
            return day_of(year, month, day)
        if kind in ("day_month", "month_day", "day_range"):
            day_text, month_text = (g[0], g[1]) if kind != "month_day" else (g[1], g[0])
            month = self.month_of[month_text.lower()]
            if g[2]:
                return day_of(int(g[2]), month, int(day_text))
            if anchor is None:
                return EventDate(None, "unknown")
            year = anchor.year
            candidate = day_of(year, month, int(day_text))
            # News reports the past: a day-month more than a week ahead is last year's.
            if candidate and candidate.value and candidate.value > anchor + timedelta(days=7) and not future:
                candidate = day_of(year - 1, month, int(day_text))
            return candidate
        if kind == "season":
            start = self.season_start[g[1].lower()]
            if g[2]:
                return EventDate(date(int(g[2]), 1, 1), "year") if MIN_YEAR <= int(g[2]) <= MAX_YEAR else None
            if anchor is None:
                return EventDate(None, "unknown")
            year = anchor.year if start <= anchor.month else anchor.year - 1  # the latest such season begun
            if (g[0] or g[3]) and start <= anchor.month < start + 3:
                year -= 1  # "last autumn", said in the autumn, is the one before
            return EventDate(date(year, 1, 1), "year")
        if kind == "month_year":
            return month_start(int(g[1]), self.month_of[g[0].lower()])
        if kind == "day_month_of_year":
            if anchor is None:
                return EventDate(None, "unknown")
            try:
                return EventDate(date(anchor.year + int(self.relative[g[2].lower()][1]), self.month_of[g[1].lower()],
                                      int(g[0])), "day")
            except ValueError:
                return None
        if kind == "month_of_year":
            if anchor is None:
                return EventDate(None, "unknown")
            return month_start(anchor.year + int(self.relative[g[1].lower()][1]), self.month_of[g[0].lower()])
        if kind == "month":
            if anchor is None:
                return EventDate(None, "unknown")
            month = self.month_of[g[0].lower()]
            year = anchor.year
            if (month > anchor.month and not future) or (future and month < anchor.month):
                year += 1 if future else -1
            return month_start(year, month)
        if kind == "year":
            year = int(g[0])
            return EventDate(date(year, 1, 1), "year") if MIN_YEAR <= year <= MAX_YEAR else None
        if kind == "relative":
            if anchor is None:
                return EventDate(None, "unknown")
            unit, offset = self.relative[g[0].lower()]
            return shift(anchor, unit, int(offset))
        if kind == "weekday_last_week":
            if anchor is None:
                return EventDate(None, "unknown")
            monday = anchor - timedelta(days=anchor.weekday() + 7)
            return EventDate(monday + timedelta(days=self.weekday_of[g[0].lower()] % 7), "day")
        if kind == "weekday_last":
            if anchor is None:
                return EventDate(None, "unknown")
            back = (anchor.weekday() - self.weekday_of[(g[0] or g[1]).lower()]) % 7 or 7
            return EventDate(anchor - timedelta(days=back), "day")
        if kind == "weekday":
            if anchor is None:
                return EventDate(None, "unknown")
            weekday = self.weekday_of[g[0].lower()]
            if future:
                ahead = (weekday - anchor.weekday()) % 7 or 7
                return EventDate(anchor + timedelta(days=ahead), "day")
            back = (anchor.weekday() - weekday) % 7
            return EventDate(anchor - timedelta(days=back), "day")
        raise ValueError(kind)

    def told_days(self, text: str, earlier: list[str], anchor: date | None, spans: list[DateSpan]) -> list[DateSpan]:
        """Spans for "la veille", "hours earlier" and the like, dated from the last day-precise date
        before them: in the same sentence, else in the latest earlier sentence that gives one."""
        found = []
        for match, offset, unit in self._anaphors(text):
            if any(s.start <= match.start() < s.end for s in spans):
                continue
            told = ("day",) if unit == "day" else ("day", "month")  # "un mes después" of "en mayo de 2022"
            reference = next((s.date for s in reversed(spans)
                              if s.end <= match.start() and self._told(text, s, told)), None)
            for sentence in reversed(earlier):
                if reference:
                    break
                reference = next((s.date for s in reversed(self.find(sentence, anchor)) if self._told(sentence, s, told)),
                                 None)
            if reference and reference.value:
                if unit == "day":
                    found.append(DateSpan(match.start(), match.end(),
                                          EventDate(reference.value + timedelta(days=offset), "day"), counted=True))
                else:
                    found.append(DateSpan(match.start(), match.end(), shift(reference.value.replace(day=1), "month", offset),
                                          counted=True))
        return found

    def _anaphors(self, text: str):
        """Each "la veille", "six days later" in text, with its offset in days from the day told."""
        if self.anaphoric is None:
            return
        for match in self.anaphoric.finditer(text):
            if match.lastgroup == "fixed":
                yield match, self.offset_of[match.group(0).lower()], "day"
                continue
            said = match.group(0).split()[0].lower()
            if said in self.few and not match.lastgroup.startswith("months"):
                yield match, 0, "month"
                continue
            count = int(said) if said.isdigit() else self.day_numbers.get(said)
            unit = "month" if match.lastgroup.startswith("months") else "day"
            if count and count <= 31:
                yield match, count if match.lastgroup.endswith("later") else -count, unit

    def _told(self, text: str, span: DateSpan, precisions=("day",)) -> bool:
        """Whether a span is a day (or month) the narrative reached, not in a flashback."""
        return span.date.precision in precisions and not (
            self.flashback and self.flashback.search(text, max(0, span.start - 40), span.start))

    def recent_before(self, text: str, position: int, window: int = 40) -> bool:
        """Whether a 'just'/'récemment' marker stands shortly before position."""
        if self.recent is None:
            return False
        start = max(0, position - window)
        return bool(self.recent.search(text, start, position + 15))


def _in_year_told(span: DateSpan, explicit: list[DateSpan]) -> DateSpan:
    """"Finland joined in April 2023, after Turkey ratified its accession in late March": a month
    without a year, after a date that writes one in the same sentence, is in the year that puts it
    closest to that date, not in the publication's."""
    told = [e for e in explicit if e.end <= span.start and e.date.value]
    if not told or span.date.value is None:
        return span
    reference, value = told[-1].date.value, span.date.value
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(value.replace(year=year))
        except ValueError:
            continue  # 29 February
    if not candidates:
        return span
    best = min(candidates, key=lambda d: (abs((d - reference).days), d < reference))  # a tie goes forward
    return DateSpan(span.start, span.end, EventDate(best, span.date.precision))


@lru_cache(maxsize=None)
def grammar(language: str) -> DateGrammar | None:
    if language not in lang.available() or not lang.load(language, "dates"):
        return None
    return DateGrammar(language)
