"""Files a chart or table downloads as: PNG, SVG (server-side, kaleido + Chromium), HTML, CSV, Excel."""
from __future__ import annotations

import io
import shutil
import warnings
from pathlib import Path

import kaleido
import pandas as pd
import plotly.graph_objects as go

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium_path() -> str | None:
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


def static_export_available() -> bool:
    return chromium_path() is not None


def to_image(fig: go.Figure, fmt: str) -> bytes:
    """PNG or SVG bytes; needs a Chromium on the PATH (Debian: apt-get install chromium)."""
    if not static_export_available():  # kaleido would otherwise wait minutes for a browser it cannot start
        raise RuntimeError("PNG and SVG export need Chromium on the PATH (apt-get install chromium)")
    # One Chromium kept open for the process: starting one per image costs about 3 s each.
    kaleido.start_sync_server(silence_warnings=True)
    with warnings.catch_warnings():
        # Plotly passes browser options that only matter for a one-shot Chromium; the kept one has them.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return fig.to_image(format=fmt, width=1200, height=650, scale=1 if fmt == "svg" else 2)


def to_html(fig: go.Figure) -> bytes:
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def to_csv(data: pd.DataFrame) -> bytes:
    return data.to_csv(index=False).encode("utf-8")


def to_excel(data: pd.DataFrame, sheet: str = "events") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        data.to_excel(writer, sheet_name=sheet[:31], index=False)
        for row in writer.sheets[sheet[:31]].iter_rows():
            for cell in row:
                if cell.data_type == "f":  # openpyxl reads text starting with "=" as a formula: keep it text
                    cell.data_type = "s"
    return buffer.getvalue()


def write_chart(fig: go.Figure, data: pd.DataFrame, stem: str, folder: Path) -> list[Path]:
    """Write every format of one chart into folder; used by the report command."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, content in (("html", to_html(fig)), ("csv", to_csv(data))):
        path = folder / f"{stem}.{suffix}"
        path.write_bytes(content)
        written.append(path)
    if static_export_available():
        for fmt in ("png", "svg"):
            path = folder / f"{stem}.{fmt}"
            path.write_bytes(to_image(fig, fmt))
            written.append(path)
    return written
