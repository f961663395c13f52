"""Entente dashboard: `streamlit run app.py`."""
import streamlit as st

st.set_page_config(page_title="Entente", layout="wide")
navigation = st.navigation([
    st.Page("pages/events.py", title="Events and sources", default=True),
])
navigation.run()
