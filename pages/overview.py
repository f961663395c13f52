"""Overview: headline figures, events per month by type, most active pairs, latest events."""
import streamlit as st

from dashboard import figures, ui

st.title("Overview")
f = ui.sidebar_filters()
head = ui.load("headline", f)
if head["events"] == 0:
    ui.empty(None, "events")
    st.stop()
cols = st.columns(5)
cols[0].metric("Events", int(head["events"]))
cols[1].metric("Countries", int(head["countries"]))
cols[2].metric("Pairs", int(head["pairs"]))
cols[3].metric("Source reports", int(head["reports"]),
               help="Articles reporting each event, summed over the events: an article reporting two events counts twice.")
cols[4].metric("Years", f"{head['first']:%Y}–{head['last']:%Y}" if head["first"] is not None else "undated")

monthly = ui.load("events_per_month", f)
if not ui.empty(monthly, "dated events"):
    ui.chart(figures.events_per_month(monthly, f), monthly, f.slug("events-per-month"), "monthly")
pairs = ui.load("top_pairs", f)
if not ui.empty(pairs, "pairs"):
    ui.chart(figures.top_pairs(pairs, f), pairs, f.slug("top-pairs"), "pairs")
st.subheader("Latest events")
latest = ui.load("latest_events", f)
st.dataframe(latest, hide_index=True, width="stretch",
             column_config={"source_url": st.column_config.LinkColumn("source"), "event_id": None})
