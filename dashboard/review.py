"""Reviewers confirm, reject or correct an event; off unless the dashboard runs with ENTENTE_REVIEW=1."""
from __future__ import annotations

import os

import streamlit as st

from dashboard.filters import EVENT_TYPES
from etl.load.reviews import record_review


def enabled() -> bool:
    return os.environ.get("ENTENTE_REVIEW") == "1"


def render(event) -> None:
    if not enabled():
        st.caption("Reviewing is off. Start the dashboard with ENTENTE_REVIEW=1 to confirm, reject or correct events.")
        return
    with st.form(f"review_{event['event_id']}"):
        st.write("Review this event")
        status = st.radio("Decision", ["confirmed", "rejected", "auto"], horizontal=True)
        event_type = st.selectbox("Type", EVENT_TYPES, index=EVENT_TYPES.index(event["event_type"]))
        date_text = st.text_input("Date (YYYY-MM-DD, blank to keep)", "")
        note = st.text_input("Note", "")
        if st.form_submit_button("Save decision"):
            edits = {"event_type": event_type} if event_type != event["event_type"] else {}
            if date_text.strip():
                edits.update(date=date_text.strip(), date_precision="day")
            try:
                published = record_review(None, event["event_id"], status, note=note or None, **edits)
            except ValueError as exc:
                st.error(f"Not saved: {exc}")
                return
            st.cache_data.clear()
            if published:
                st.success("Saved. It stays after the next ETL run.")
            else:
                st.success("Saved. An ETL run is loading; the decision shows as soon as it finishes.")
