"""Entente dashboard: `streamlit run app.py`."""
import streamlit as st

st.set_page_config(page_title="Entente", layout="wide")
navigation = st.navigation([
    st.Page("pages/overview.py", title="Overview", default=True),  # served at "/"
    st.Page("pages/pairs.py", title="Country pairs", url_path="pairs"),
    st.Page("pages/network.py", title="Network", url_path="network"),
    st.Page("pages/treaties.py", title="Treaties", url_path="treaties"),
    st.Page("pages/troops.py", title="Troops", url_path="troops"),
    st.Page("pages/events.py", title="Events and sources", url_path="events"),
])
navigation.run()
