"""Treaties: each pair's treaty steps (negotiated, signed, ratified, in force, suspended) on a timeline."""
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
st.dataframe(steps.drop(columns=["date"]), hide_index=True, width="stretch")
