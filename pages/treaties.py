"""Treaties: each treaty's steps (negotiated, signed, ratified, in force, suspended) on a timeline, and the records."""
import streamlit as st

from dashboard import figures, queries, ui

st.title("Treaties")
f = ui.sidebar_filters()
if not ui.type_shown(f, "treaty"):
    st.stop()
steps = ui.load("treaty_steps", f)
if ui.empty(steps, "treaty events"):
    st.stop()
ui.capped(steps["treaty_id"].nunique(), queries.TREATIES_DRAWN, "the most recently active treaties")
ui.chart(figures.treaty_lifecycle(steps, f), steps, f.slug("treaties"), "treaties")
st.subheader("Treaty records")
records = ui.load("treaty_records", f)
ui.capped(len(records), queries.TREATIES_LISTED, "the most recently active treaties")
st.dataframe(records.drop(columns=["treaty_id"]), hide_index=True, width="stretch")
st.subheader("Steps")
st.dataframe(steps.drop(columns=["date", "treaty_id"]), hide_index=True, width="stretch")
