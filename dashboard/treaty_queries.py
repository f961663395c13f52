"""The Treaties page's queries. They read treaty_step_events, each treaty step beside its event's
columns (etl/load/summaries.py): 0.8M rows at 10M events, where joining treaty_steps to the events
read every event (0.3–0.8 s a query). dashboard/queries.py exports them with the other pages' queries.
"""
from __future__ import annotations

import pandas as pd

from dashboard.filter_sql import bind, steps_of_treaties, steps_passing
from dashboard.filters import Filters
from dashboard.query_tools import EVENT_DATE, PAIR_NAME, frame, only

TREATIES_DRAWN = 40
TREATIES_LISTED = 500

# The treaties with a step passing the filters, most recently active first.
ACTIVE_TREATIES = """ SELECT f.treaty_id, max(f.date) AS latest FROM f
    GROUP BY f.treaty_id ORDER BY latest DESC NULLS LAST, f.treaty_id LIMIT $limit"""

# Every step of the chosen treaties; the page draws and lists them all. Ties on date are ordered by
# treaty and event, so the same filters give the same table every time.
TREATY_STEPS = """
        SELECT t.treaty_id, t.pair, pair_name, coalesce(t.name, 'Treaty') AS treaty,
               pair_name || ': ' || coalesce(t.name, 'treaty') || coalesce(' (' || strftime(t.signed, '%Y') || ')', '')
                   AS treaty_label,
               f.step, CASE WHEN f.party IS NULL THEN replace(f.step, '_', ' ')
                            ELSE replace(f.step, '_', ' ') || ' by ' || c1.name END AS step_detail,
               f.date, date_text, f.n_sources, f.event_id
        FROM (SELECT f.*, """ + PAIR_NAME + """ AS pair_name, """ + EVENT_DATE + """ AS date_text FROM f) f
        JOIN treaties t ON t.treaty_id = f.treaty_id
        LEFT JOIN countries c1 ON c1.iso3 = f.party
        ORDER BY t.pair, t.first_date NULLS LAST, f.date NULLS LAST, t.treaty_id, f.event_id"""

TREATY_RECORDS = """
        SELECT """ + PAIR_NAME + """ AS pair_name, coalesce(t.name, 'Treaty') AS treaty,
               strftime(t.signed, '%Y-%m-%d') AS signed, strftime(t.in_force, '%Y-%m-%d') AS in_force,
               replace(t.stage, '_', ' ') AS stage, t.replaces, t.n_steps AS steps, t.treaty_id
        FROM treaties t
        WHERE list_contains($treaty_ids, t.treaty_id)
        ORDER BY t.pair, t.first_date NULLS LAST, t.treaty_id"""


def active_treaties(con, f: Filters, limit: int) -> list[tuple]:
    """(id, date of its latest step passing the filters) of the `limit` treaties whose latest such
    step is newest, newest first: 10–30 ms at 10M events."""
    o = only(f, "treaty")
    sql = steps_passing(o) + ACTIVE_TREATIES
    return con.execute(sql, bind(sql, o, limit=limit)).fetchall()


def treaty_steps(con, f: Filters, limit: int = TREATIES_DRAWN) -> pd.DataFrame:
    """Each step of the `limit` treaties most recently active; a ratification names the party that took it."""
    o = only(f, "treaty")
    chosen = active_treaties(con, f, limit)
    latest = [day for _, day in chosen]
    # A treaty's last date is at least that of its latest step passing the filters.
    since = min(latest) if chosen and None not in latest else None
    sql = steps_of_treaties(o) + TREATY_STEPS
    return frame(con, sql, bind(sql, o, treaty_ids=[treaty_id for treaty_id, _ in chosen], since=since))


def treaty_records(con, f: Filters, limit: int = TREATIES_LISTED) -> pd.DataFrame:
    """One row per treaty with a step passing the filters, the `limit` most recently active:
    where its life has got to."""
    treaty_ids = [treaty_id for treaty_id, _ in active_treaties(con, f, limit)]
    return con.execute(TREATY_RECORDS, {"treaty_ids": treaty_ids}).df()
