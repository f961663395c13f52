"""Events and sources: the table of deduplicated events."""
import streamlit as st

from dashboard import queries

st.title("Events")
if not queries.database_exists():
    st.warning("No database yet. Build it with `python -m etl run` (or `make run`).")
    st.stop()
with queries.connect() as con:
    table = queries.events_table(con)
if table.empty:
    st.info("The database holds no events yet. Add articles to data/samples/ and run `python -m etl run`.")
else:
    st.caption(f"{len(table)} events, newest first.")
    st.dataframe(table, hide_index=True, use_container_width=True)
