"""Network: countries as nodes, pairs as edges weighted by events and coloured by dominant type."""
import streamlit as st

from dashboard import figures, ui

st.title("Network")
f = ui.sidebar_filters()
edges = ui.load("network_edges", f)
if ui.empty(edges, "events"):
    st.stop()
names = dict(zip(*ui.load("countries").T.values))
nodes = sorted(set(edges["a"]) | set(edges["b"]), key=lambda c: names.get(c, c))
node_click = ui.clicked("network")
if node_click in nodes:
    st.session_state["network_focus"] = node_click
focus = st.selectbox("Focus on a country (or click a node)", [None] + nodes, key="network_focus",
                     format_func=lambda c: "All countries" if c is None else names.get(c, c))
fig = figures.network(edges, ui.network_positions(f), names, f, focus)
shown = edges if focus is None else edges[(edges["a"] == focus) | (edges["b"] == focus)]
ui.chart(fig, shown, f.slug("network" if focus is None else f"network-{focus.lower()}"), "network", clickable=True)
