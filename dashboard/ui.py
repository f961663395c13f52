"""Streamlit helpers every page uses: the database connection, the sidebar filters, chart downloads."""
from __future__ import annotations

import re

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import exports, layout, queries
from dashboard.filters import EVENT_TYPES, ORIGINS, Filters, from_params
from dashboard.figures import ORIGIN_LABELS, TYPE_LABELS


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def plain(text: str) -> str:
    """Text from an article, escaped so Streamlit's Markdown shows it as written: no links, HTML or colours."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def connection() -> duckdb.DuckDBPyConnection:
    """A read-only connection for this page run; stops the page with advice if there is no database."""
    if not queries.database_exists():
        st.warning("No database yet. Build it with `python -m etl run` (or `make run`).")
        st.stop()
    return queries.connect()


@st.cache_data(show_spinner=False)
def cached(query_name: str, version: str, *args):
    """Query results cached per query, arguments (the filter state) and database version."""
    with queries.connect() as con:
        return getattr(queries, query_name)(con, *args)


def load(query_name: str, *args):
    version = queries.database_version()
    if version == "missing":  # advice, not a DuckDB traceback, before the first ETL run
        st.warning("No database yet. Build it with `python -m etl run` (or `make run`).")
        st.stop()
    try:
        return cached(query_name, version, *args)
    except duckdb.CatalogException:  # a table a newer Entente adds; the dashboard only reads, so cannot add it
        st.warning("This database was built by an older Entente. Run `python -m etl run` once to upgrade it.")
        st.stop()


@st.cache_data(show_spinner=False)
def _network_positions(version: str, f: Filters) -> dict:
    return layout.force_layout(load("network_edges", f))


def network_positions(f: Filters) -> dict:
    """Node positions computed once per filter state and database version, not on every rerun."""
    return _network_positions(queries.database_version(), f)


def use_app_navigation() -> None:
    """Run pages through app.py's st.navigation (titles, order, url paths).

    Streamlit treats an app beside a pages/ folder as a legacy multipage app until some run calls
    st.navigation, and until then it runs a deep-linked page file directly, listing file names in the
    sidebar. Switch the server process over once and rerun the same URL.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def sidebar_filters() -> Filters:
    """The filters of CONTRACTS §5, read from the URL, shown in the sidebar, written back to the URL."""
    use_app_navigation()
    known = load("countries")
    names = dict(zip(known["iso3"], known["name"]))
    active = load("active_countries")
    params = st.query_params.to_dict()
    if not params and "filters" in st.session_state:
        params = st.session_state["filters"].to_params()  # carried over from the previous page
    parsed = from_params(params, set(names))
    # Widgets are keyed by a generation that moves only when the URL says something the widgets did
    # not write (a shared link, a hand-edited URL): then they start over from the URL. Keying them by
    # the filter values instead would make each change recreate the widget and drop the next change.
    if params != st.session_state.get("filters_written"):
        st.session_state["filters_generation"] = st.session_state.get("filters_generation", 0) + 1
    g = st.session_state["filters_generation"]
    for notice in parsed.notices:
        st.warning(notice)
    f = parsed.filters
    options = list(dict.fromkeys(list(active["iso3"]) + list(f.countries)))
    with st.sidebar:
        st.header("Filters")
        countries = st.multiselect("Countries", options, default=list(f.countries),
                                   format_func=lambda c: f"{names.get(c, c)} ({c})", key=f"f_countries_{g}")
        exact = st.checkbox("Only events between exactly these two", value=f.exact_pair,
                            disabled=len(countries) != 2, key=f"f_exact_{g}")
        date_from = st.date_input("From", value=f.date_from, format="YYYY-MM-DD", key=f"f_from_{g}")
        date_to = st.date_input("To", value=f.date_to, format="YYYY-MM-DD", key=f"f_to_{g}")
        types = st.multiselect("Event types", list(EVENT_TYPES), default=list(f.types),
                               format_func=TYPE_LABELS.get, key=f"f_types_{g}")
        min_confidence = st.slider("Minimum confidence", 0.0, 1.0, f.min_confidence, 0.05,
                                   key=f"f_conf_{g}")
        show_rejected = st.checkbox("Show rejected events", value=f.show_rejected, key=f"f_rej_{g}")
        present = load("origins")
        origins = f.origins
        if len(present) > 1:  # only once GDELT or ACLED data has been imported
            shown = [o for o in ORIGINS if o in present or o in f.origins]
            origins = tuple(st.multiselect("Origin", shown, default=[o for o in f.origins if o in shown],
                                           format_func=ORIGIN_LABELS.get, key=f"f_origins_{g}")) or ORIGINS
    chosen = Filters(tuple(countries), exact and len(countries) == 2, date_from or None, date_to or None,
                     tuple(types) or EVENT_TYPES, float(min_confidence), show_rejected, origins)
    if chosen.date_from and chosen.date_to and chosen.date_from > chosen.date_to:
        st.warning("'From' is after 'To': the date range is ignored.")
        chosen = chosen.with_(date_from=None, date_to=None)
    st.session_state["filters"] = chosen
    st.session_state["filters_written"] = chosen.to_params()
    if chosen.to_params() != st.query_params.to_dict():
        st.query_params.from_dict(chosen.to_params())
    return chosen


def type_shown(f: Filters, event_type: str) -> bool:
    if event_type in f.types:
        return True
    st.info(f"{TYPE_LABELS[event_type]} are filtered out: add them under 'Event types' in the sidebar.")
    return False


def capped(shown: int, limit: int, what: str) -> None:
    """Say when a page shows only the first `limit` of more rows than that."""
    if shown >= limit:
        st.caption(f"Showing {what} ({limit:,}); narrow the filters to see the others.")


def empty(data: pd.DataFrame, what: str) -> bool:
    if data is None or len(data) == 0:
        st.info(f"No {what} match these filters. Widen the dates, add event types or clear the countries.")
        return True
    return False


def chart(fig: go.Figure, data: pd.DataFrame, stem: str, key: str, clickable: bool = False) -> None:
    """A chart with its downloads: PNG, SVG, interactive HTML and the CSV of exactly what is drawn.

    A clickable chart reruns the page on a click; `clicked(key)` then tells what was clicked.
    """
    st.plotly_chart(fig, width="stretch", key=f"chart_{key}",
                            **({"on_select": "rerun", "selection_mode": "points"} if clickable else {}))
    columns = st.columns(4)
    if exports.static_export_available():
        columns[0].download_button("PNG", lambda: exports.to_image(fig, "png"), f"{stem}.png", "image/png",
                                   key=f"png_{key}")
        columns[1].download_button("SVG", lambda: exports.to_image(fig, "svg"), f"{stem}.svg", "image/svg+xml",
                                   key=f"svg_{key}")
    else:
        columns[0].caption("PNG/SVG export needs Chromium on the server (`apt-get install chromium`); "
                           "the chart's camera icon still saves a PNG.")
    columns[2].download_button("HTML", exports.to_html(fig), f"{stem}.html", "text/html", key=f"html_{key}")
    columns[3].download_button("CSV", exports.to_csv(data), f"{stem}.csv", "text/csv", key=f"csv_{key}")


def clicked(key: str):
    """The customdata of the point clicked on chart `key`, once per click (None when nothing new was clicked)."""
    points = (st.session_state.get(f"chart_{key}") or {}).get("selection", {}).get("points", [])
    value = next((p.get("customdata") for p in points if p.get("customdata")), None)
    seen = st.session_state.get(f"clicked_{key}")
    st.session_state[f"clicked_{key}"] = value
    return value if value != seen else None

