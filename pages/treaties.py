"""Treaties: each treaty's steps (negotiated, signed, ratified, in force, suspended) on a timeline, and the records."""
import streamlit as st

from dashboard import figures, ui

st.title("Treaties")
f = ui.sidebar_filters()
if not ui.type_shown(f, "treaty"):
    st.stop()
steps = ui.load("treaty_steps", f)
if ui.empty(steps, "treaty events"):
    st.stop()
ui.chart(figures.treaty_lifecycle(steps, f), steps, f.slug("treaties"), "treaties")
st.subheader("Treaty records")
st.dataframe(ui.load("treaty_records", f).drop(columns=["treaty_id"]), hide_index=True, width="stretch")
st.subheader("Steps")
st.dataframe(steps.drop(columns=["date", "treaty_id"]), hide_index=True, width="stretch")
