"""The dashboard's filter state: parsed from and written to URL query parameters (CONTRACTS §5).

Pure functions, no Streamlit: `from_params` validates what a URL says and reports what it
ignored, so a shared link with a typo still opens, with a notice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from etl.model import EVENT_TYPES

ISO3 = re.compile(r"^[A-Z]{3}$")
ORIGINS = ("extracted", "gdelt", "acled")  # events.origin: Entente's own extraction, or an import


@dataclass(frozen=True)
class Filters:
    countries: tuple[str, ...] = ()
    exact_pair: bool = False  # with two countries: only events between them
    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = EVENT_TYPES
    min_confidence: float = 0.0
    show_rejected: bool = False
    origins: tuple[str, ...] = ORIGINS

    def to_params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.countries:
            params["countries"] = ",".join(self.countries)
        if self.exact_pair:
            params["pair"] = "exact"
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        if set(self.types) != set(EVENT_TYPES):
            params["types"] = ",".join(self.types)
        if self.min_confidence:
            params["minconf"] = f"{self.min_confidence:g}"
        if self.show_rejected:
            params["rejected"] = "1"
        if set(self.origins) != set(ORIGINS):
            params["origin"] = ",".join(self.origins)
        return params

    def slug(self, what: str) -> str:
        """A file name stem saying what and which filter: prk-rus_meetings_2024-01-01_2024-12-31.

        Event types appear only when some are left out: prk-rus_pair-timeline_treaty_start_end.
        """
        types = [] if set(self.types) == set(EVENT_TYPES) else ["-".join(self.types)]
        origins = [] if set(self.origins) == set(ORIGINS) else ["-".join(self.origins)]
        parts = ["-".join(c.lower() for c in self.countries) or "all", what, *types, *origins,
                 self.date_from.isoformat() if self.date_from else "start",
                 self.date_to.isoformat() if self.date_to else "end"]
        return "_".join(parts)

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)


@dataclass
class Parsed:
    filters: Filters
    notices: list[str] = field(default_factory=list)


def _values(raw) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    return [v.strip() for item in items for v in str(item).split(",") if v.strip()]


def _date(name: str, raw, notices: list[str]) -> date | None:
    values = _values(raw)
    if not values:
        return None
    try:
        return date.fromisoformat(values[0])
    except ValueError:
        notices.append(f"Ignored {name}={values[0][:20]!r}: not a date (use YYYY-MM-DD).")
        return None


def _choices(what: str, raw, allowed: tuple[str, ...], notices: list[str]) -> tuple[str, ...]:
    """The allowed values a parameter lists (any case), in order, once each; a notice for each other one."""
    chosen = []
    for value in _values(raw):
        if value.lower() in allowed:
            chosen.append(value.lower())
        else:
            notices.append(f"Ignored unknown {what} {value[:20]!r} (use {', '.join(allowed)}).")
    return tuple(dict.fromkeys(chosen))


def from_params(params: dict, known_countries: set[str]) -> Parsed:
    notices: list[str] = []
    countries = []
    for code in _values(params.get("countries")):
        upper = code.upper()
        if ISO3.match(upper) and upper in known_countries:
            countries.append(upper)
        else:
            notices.append(f"Ignored unknown country code {code[:20]!r}.")
    types = _choices("event type", params.get("types"), EVENT_TYPES, notices)
    date_from = _date("from", params.get("from"), notices)
    date_to = _date("to", params.get("to"), notices)
    if date_from and date_to and date_from > date_to:
        notices.append("Ignored the date range: 'from' is after 'to'.")
        date_from = date_to = None
    min_confidence = 0.0
    raw_conf = _values(params.get("minconf"))
    if raw_conf:
        try:
            min_confidence = float(raw_conf[0])
            if not 0.0 <= min_confidence <= 1.0:
                raise ValueError
        except ValueError:
            notices.append(f"Ignored minconf={raw_conf[0][:20]!r}: use a number from 0 to 1.")
            min_confidence = 0.0
    origins = _choices("origin", params.get("origin"), ORIGINS, notices)
    exact = _values(params.get("pair"))[:1] == ["exact"] and len(countries) == 2
    rejected = _values(params.get("rejected"))[:1] in (["1"], ["true"], ["yes"])
    filters = Filters(tuple(dict.fromkeys(countries)), exact, date_from, date_to,
                      types or EVENT_TYPES, min_confidence, rejected, origins or ORIGINS)
    return Parsed(filters, notices)
