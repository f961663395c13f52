"""Troops: reported numbers over time per direction, each claim shown apart, never summed."""
import streamlit as st

from dashboard import figures, ui

st.title("Troops")
f = ui.sidebar_filters()
claims = ui.load("troop_claims", f.with_(types=("troops",)))
if ui.empty(claims, "troop reports with a number"):
    st.stop()
ui.chart(figures.troop_claims(claims, f), claims, f.slug("troops"), "troops")
st.dataframe(claims, hide_index=True, width="stretch", column_config={"event_id": None})
