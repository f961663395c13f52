"""Figure builders: plain functions from query results to Plotly figures, no Streamlit.

One colour per event type on every page; titles say what and when.
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.filters import Filters

TYPE_COLORS = {"meeting": "#1f77b4", "treaty": "#2ca02c", "troops": "#d62728"}
TYPE_LABELS = {"meeting": "Meetings", "treaty": "Treaties", "troops": "Troop reports"}
STEP_ORDER = ["negotiated", "signed", "ratified", "in_force", "suspended"]


def period(f: Filters) -> str:
    if f.date_from and f.date_to:
        return f"{f.date_from:%d %b %Y} – {f.date_to:%d %b %Y}"
    if f.date_from:
        return f"since {f.date_from:%d %b %Y}"
    if f.date_to:
        return f"until {f.date_to:%d %b %Y}"
    return "all dates"


def _as_text(data: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Columns from article text with <, > and & escaped: Plotly labels read a subset of HTML."""
    return data.assign(**{c: data[c].map(lambda v: html.escape(v, quote=False) if isinstance(v, str) else v)
                          for c in columns})


def _layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(title=title, template="plotly_white", legend_title_text="", margin=dict(t=60, l=10, r=10, b=10))
    return fig


def events_per_month(data: pd.DataFrame, f: Filters) -> go.Figure:
    fig = px.bar(data, x="month", y="events", color="event_type", color_discrete_map=TYPE_COLORS,
                 labels={"month": "Month", "events": "Events", "event_type": "Type"},
                 category_orders={"event_type": list(TYPE_COLORS)})
    fig.for_each_trace(lambda t: t.update(name=TYPE_LABELS.get(t.name, t.name)))
    fig.update_xaxes(type="date", tickformat="%b %Y")
    return _layout(fig, f"Events per month by type, {period(f)}")


def top_pairs(data: pd.DataFrame, f: Filters) -> go.Figure:
    fig = px.bar(data, y="pair_name", x="events", color="event_type", orientation="h",
                 color_discrete_map=TYPE_COLORS, category_orders={"event_type": list(TYPE_COLORS)},
                 labels={"pair_name": "", "events": "Events", "event_type": "Type"}, hover_data=["pair"])
    fig.for_each_trace(lambda t: t.update(name=TYPE_LABELS.get(t.name, t.name)))
    fig.update_yaxes(categoryorder="total ascending")
    return _layout(fig, f"Most active country pairs, {period(f)}")


def pair_timeline(data: pd.DataFrame, f: Filters) -> go.Figure:
    fig = px.scatter(data, x="date", y="pair_name", color="event_type", symbol="event_type",
                     color_discrete_map=TYPE_COLORS, category_orders={"event_type": list(TYPE_COLORS)},
                     hover_data={"date": False, "date_text": True, "subtype": True, "country1": True,
                                 "country2": True, "count": True, "n_sources": True},
                     labels={"date": "Date", "pair_name": "", "event_type": "Type", "date_text": "When"})
    fig.update_traces(marker=dict(size=13, opacity=0.85))
    fig.for_each_trace(lambda t: t.update(name=TYPE_LABELS.get(t.name, t.name)))
    fig.update_xaxes(type="date")
    return _layout(fig, f"Meetings, treaties and troop reports by pair, {period(f)}")


def pair_comparison(data: pd.DataFrame, f: Filters, cumulative: bool) -> go.Figure:
    column = "cumulative" if cumulative else "events"
    fig = px.line(data, x="month", y=column, color="pair_name", markers=True,
                  labels={"month": "Month", column: "Events (running total)" if cumulative else "Events",
                          "pair_name": "Pair"})
    fig.update_xaxes(type="date", tickformat="%b %Y")
    what = "Running total of events" if cumulative else "Events per month"
    return _layout(fig, f"{what} by pair, {period(f)}")


ORIGIN_LABELS = {"extracted": "Entente's extraction", "gdelt": "GDELT", "acled": "ACLED"}


def origin_comparison(data: pd.DataFrame, f: Filters) -> go.Figure:
    """Each pair's events per month from each origin, side by side: one panel per pair."""
    drawn = data.assign(origin=data["origin"].map(lambda o: ORIGIN_LABELS.get(o, o)))
    fig = px.line(drawn, x="month", y="events", color="origin", facet_row="pair_name", markers=True,
                  labels={"month": "Month", "events": "Events", "origin": "Origin", "pair_name": ""})
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    fig.update_xaxes(type="date", tickformat="%b %Y")
    fig.update_yaxes(matches=None, rangemode="tozero")
    fig.update_layout(height=max(320, 220 * drawn["pair_name"].nunique()))
    return _layout(fig, f"Events per month by origin, {period(f)}")


def country_heatmap(data: pd.DataFrame, f: Filters) -> go.Figure:
    matrix = data.pivot_table(index="country_a", columns="country_b", values="events", fill_value=0)
    fig = go.Figure(go.Heatmap(z=matrix.values, x=list(matrix.columns), y=list(matrix.index), colorscale="Blues",
                               hovertemplate="%{y} – %{x}: %{z} events<extra></extra>"))
    return _layout(fig, f"Events between countries, {period(f)}")


def network(edges: pd.DataFrame, positions: dict[str, tuple[float, float]], names: dict[str, str], f: Filters,
            focus: str | None = None) -> go.Figure:
    """Countries at the given positions, pairs as lines weighted by events and coloured by their main type.

    Each node carries its ISO3 code as customdata, so a click on it can focus the chart on its partners.
    """
    if focus:
        edges = edges[(edges["a"] == focus) | (edges["b"] == focus)]
    nodes = sorted(set(edges["a"]) | set(edges["b"]))
    fig = go.Figure()
    top = max(edges["events"].max(), 1) if len(edges) else 1
    for edge in edges.itertuples():
        (x0, y0), (x1, y1) = positions[edge.a], positions[edge.b]
        fig.add_trace(go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", showlegend=False, hoverinfo="skip",
            line=dict(width=1 + 9 * edge.events / top, color=TYPE_COLORS.get(edge.dominant_type, "#999"))))
    # Hover on an edge's midpoint, so clicks on the lines never hide the nodes' clicks.
    fig.add_trace(go.Scatter(
        x=[(positions[e.a][0] + positions[e.b][0]) / 2 for e in edges.itertuples()],
        y=[(positions[e.a][1] + positions[e.b][1]) / 2 for e in edges.itertuples()],
        mode="markers", marker=dict(size=10, opacity=0), showlegend=False, hoverinfo="text",
        hovertext=[f"{names.get(e.a, e.a)} – {names.get(e.b, e.b)}: {e.events} events" for e in edges.itertuples()]))
    fig.add_trace(go.Scatter(
        x=[positions[n][0] for n in nodes], y=[positions[n][1] for n in nodes], mode="markers+text",
        text=[names.get(n, n) for n in nodes], textposition="top center", showlegend=False, customdata=nodes,
        marker=dict(size=[22 if n == focus else 16 for n in nodes], color=["#000" if n == focus else "#555" for n in nodes]),
        selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
        hovertext=[f"{names.get(n, n)}: click to focus" for n in nodes], hoverinfo="text"))
    for kind, color in TYPE_COLORS.items():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line=dict(color=color, width=4),
                                 name=f"mostly {TYPE_LABELS[kind].lower()}"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x")
    fig.update_layout(clickmode="event+select", dragmode=False)
    title = f"Partners of {names.get(focus, focus)}" if focus else "Network of country pairs"
    return _layout(fig, f"{title}, {period(f)}")


def treaty_lifecycle(data: pd.DataFrame, f: Filters) -> go.Figure:
    """Each treaty's steps in time order, one row per treaty; ratifications name the party that ratified."""
    drawn = _as_text(data.dropna(subset=["date"]), "treaty_label", "step_detail")
    fig = px.scatter(drawn, x="date", y="treaty_label", color="step", symbol="step",
                     category_orders={"step": STEP_ORDER}, hover_data=["step_detail", "date_text", "n_sources"],
                     text="step_detail", labels={"date": "Date", "treaty_label": "", "step": "Step", "date_text": "When",
                                                 "step_detail": "Step", "n_sources": "Articles"})
    fig.update_traces(marker=dict(size=14), textposition="top center", textfont_size=10)
    for label, steps in drawn.groupby("treaty_label"):  # a thin line joins the steps of one treaty
        fig.add_trace(go.Scatter(x=steps["date"], y=steps["treaty_label"], mode="lines", showlegend=False,
                                 line=dict(color="#bbb", width=1), hoverinfo="skip"))
    fig.update_xaxes(type="date")
    return _layout(fig, f"Treaty lifecycles, {period(f)}")


def troop_claims(data: pd.DataFrame, f: Filters) -> go.Figure:
    fig = px.scatter(_as_text(data, "source_title"), x="date", y="count", color="claimed_by", symbol="direction",
                     hover_data=["direction", "subtype", "source_title"],
                     labels={"date": "Date", "count": "Troops reported", "claimed_by": "Claimed by", "direction": "From → to"})
    fig.update_traces(marker=dict(size=14))
    fig.update_xaxes(type="date")
    fig.update_yaxes(rangemode="tozero", tickformat=",")
    return _layout(fig, f"Reported troop numbers by who claims them, {period(f)}")
