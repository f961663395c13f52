"""The sidebar's filters as SQL: a WHERE clause assembled from constant fragments, values bound.

Only the filters in use add a condition, so the default view costs DuckDB one test per event
(status) instead of seven. Counts come from `event_months` (etl/load/summaries.py) when the
filters allow it: whole months and no confidence floor; otherwise from the events themselves.
Either way the queries read the same CTE `g`, so each is written once.
"""
from __future__ import annotations

import re
from datetime import timedelta

from dashboard.filters import EVENT_TYPES, ORIGINS, Filters

# (is the filter in use?, its condition). The summary's rows carry `date` too (their month).
CONDITIONS = [
    (lambda f: set(f.types) != set(EVENT_TYPES), "list_contains($types, e.event_type)"),
    (lambda f: set(f.origins) != set(ORIGINS), "list_contains($origins, e.origin)"),
    (lambda f: bool(f.countries) and f.exact_pair,
     "list_contains($countries, e.actor1) AND list_contains($countries, e.actor2)"),
    (lambda f: bool(f.countries) and not f.exact_pair,
     "(list_contains($countries, e.actor1) OR list_contains($countries, e.actor2))"),
    (lambda f: f.date_from is not None, "e.date >= $date_from"),
    (lambda f: f.date_to is not None, "e.date <= $date_to"),
    (lambda f: f.min_confidence > 0, "e.confidence >= $min_confidence"),
    (lambda f: not f.show_rejected, "e.status <> 'rejected'"),
]

EVENT_COUNTS = """, g AS (
    SELECT date_trunc('month', date)::DATE AS month, pair, actor1, actor2, event_type, origin,
           count(*) AS events, sum(n_sources) AS reports, min(date) AS first_date, max(date) AS last_date
    FROM f GROUP BY ALL)
"""
SUMMARY_COUNTS = """WITH g AS (
    SELECT e.month, e.pair, e.actor1, e.actor2, e.event_type, e.origin, e.events, e.reports, e.first_date,
           e.last_date
    FROM (SELECT *, month AS date FROM event_months) e WHERE """
TOTAL_COUNTS = """WITH g AS (
    SELECT e.pair, e.actor1, e.actor2, e.event_type, e.origin, e.events, e.reports, e.first_date, e.last_date
    FROM event_totals e WHERE """
PARAMETER = re.compile(r"\$(\w+)")


def where(f: Filters) -> str:
    return " AND ".join(condition for applies, condition in CONDITIONS if applies(f)) or "TRUE"


def filtered(f: Filters) -> str:
    """`WITH f AS (...)`: the events passing the filters."""
    return "WITH f AS (SELECT e.* FROM events e WHERE " + where(f) + ")\n"


def recent(f: Filters) -> str:
    """`WITH f AS (...)`: the events passing the filters dated $since or later (a bound DuckDB prunes
    row groups by, from their statistics; see dashboard/query_tools.newest)."""
    return "WITH f AS (SELECT e.* FROM events e WHERE " + where(f) + " AND e.date >= $since)\n"


def steps_passing(f: Filters) -> str:
    """`WITH f AS (...)`: the treaty steps whose events pass the filters, from treaty_step_events,
    which carries each step's event columns (etl/load/summaries.py)."""
    return "WITH f AS (SELECT e.* FROM treaty_step_events e WHERE " + where(f) + ")\n"


def steps_of_treaties(f: Filters) -> str:
    """`WITH f AS (...)`: those of the treaties bound as $treaty_ids, last active $since or later
    (NULL: any time). The table is ordered by that date, so DuckDB reads only a row group or two."""
    return ("WITH f AS (SELECT e.* FROM treaty_step_events e WHERE list_contains($treaty_ids, e.treaty_id)"
            " AND (e.treaty_last >= $since OR $since IS NULL) AND " + where(f) + ")\n")


def whole_months(f: Filters) -> bool:
    starts = f.date_from is None or f.date_from.day == 1
    ends = f.date_to is None or (f.date_to + timedelta(days=1)).day == 1
    return starts and ends and f.min_confidence == 0


def counted(f: Filters) -> str:
    """`WITH g AS (...)`: events counted per month, pair, direction, type and origin."""
    if whole_months(f):
        return SUMMARY_COUNTS + where(f) + ")\n"
    return filtered(f) + EVENT_COUNTS


def totals(f: Filters) -> str:
    """`WITH g AS (...)`: as counted(f) but without `month`, for counts over the whole period: from
    event_totals, 28 times smaller than event_months, when no date or confidence filter is set."""
    if whole_months(f) and f.date_from is None and f.date_to is None:
        return TOTAL_COUNTS + where(f) + ")\n"
    return counted(f)


def bind(sql: str, f: Filters, **extra) -> dict:
    """The values of exactly the parameters the SQL uses (DuckDB refuses unused ones)."""
    values = {"ids": [], "types": list(f.types), "origins": list(f.origins), "countries": list(f.countries),
              "date_from": f.date_from, "date_to": f.date_to, "min_confidence": f.min_confidence, **extra}
    return {name: values[name] for name in set(PARAMETER.findall(sql))}
