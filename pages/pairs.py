"""Country pairs: timelines per pair, pairs sharing a country side by side, and a heatmap."""
import streamlit as st

from dashboard import figures, queries, ui

st.title("Country pairs")
f = ui.sidebar_filters()
available = ui.load("pairs_with_events", f)
if ui.empty(available, "events"):
    st.stop()
labels = dict(zip(available["pair"], available["pair_name"]))
chosen = st.multiselect("Pairs", list(labels), default=list(labels)[:3], format_func=labels.get, key="pairs_chosen")
if chosen:
    timeline = ui.load("pair_timeline", f, chosen)
    if not ui.empty(timeline, "dated events for these pairs"):
        ui.capped(len(timeline), queries.LATEST_ROWS, "the latest events of these pairs")
        ui.chart(figures.pair_timeline(timeline, f), timeline, f.slug("pair-timeline"), "timeline")
    months = ui.load("pair_months", f, chosen)
    if not ui.empty(months, "dated events for these pairs"):
        cumulative = st.toggle("Running total", value=True, key="pairs_cumulative")
        ui.chart(figures.pair_comparison(months, f, cumulative), months, f.slug("pair-comparison"), "compare")
    by_origin = ui.load("origin_months", f, chosen)
    if by_origin["origin"].nunique() > 1:  # Entente's extraction beside GDELT's or ACLED's
        st.subheader("By origin")
        ui.chart(figures.origin_comparison(by_origin, f), by_origin, f.slug("pair-origins"), "origins")
matrix = ui.load("country_matrix", f)
if not ui.empty(matrix, "events"):
    ui.chart(figures.country_heatmap(matrix, f), matrix, f.slug("country-heatmap"), "heatmap")
