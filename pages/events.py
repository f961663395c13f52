"""Events and sources: a searchable table; a selected event shows every sentence behind it."""
import streamlit as st

from dashboard import exports, queries, review, ui

st.title("Events and sources")
f = ui.sidebar_filters()
search = st.text_input("Search countries, subtypes and sentences", key="events_search")
table = ui.load("events_table", f, search)
if ui.empty(table, "events"):
    st.stop()
st.caption(f"{len(table)} events, newest first. Select a row to see its sources.")
ui.capped(len(table), queries.LATEST_ROWS, "the newest events")
picked = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun",
                      selection_mode="single-row", key="events_table")
cols = st.columns(2)
cols[0].download_button("CSV", exports.to_csv(table), f"{f.slug('events')}.csv", "text/csv", key="events_csv")
cols[1].download_button("Excel", exports.to_excel(table), f"{f.slug('events')}.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="events_xlsx")
rows = picked.selection.rows if picked else []
if rows:
    event = table.iloc[rows[0]]
    st.subheader(f"{event['country1']} – {event['country2']}: {event['event_type']} ({event['subtype']}), {event['date'] or 'undated'}")
    sources = ui.load("event_sources", event["event_id"])
    for source in sources.itertuples():
        published = f"{source.published:%Y-%m-%d}" if source.published is not None else "undated"
        st.markdown(ui.plain(f"{source.title or source.source} — {source.publisher or 'unknown publisher'}, {published}"))
        st.caption(ui.plain(source.sentence))
        if source.url:
            st.caption(ui.plain(source.url))
    review.render(event)
