"""Troops: reported numbers over time per direction, each claim shown apart, never summed."""
import streamlit as st

from dashboard import figures, queries, ui

st.title("Troops")
f = ui.sidebar_filters()
if not ui.type_shown(f, "troops"):
    st.stop()
claims = ui.load("troop_claims", f)
if ui.empty(claims, "troop reports with a number"):
    st.stop()
ui.capped(claims["event_id"].nunique(), queries.LATEST_ROWS, "the claims of the latest troop events")
ui.chart(figures.troop_claims(claims, f), claims, f.slug("troops"), "troops")
st.dataframe(claims, hide_index=True, width="stretch", column_config={"event_id": None})
