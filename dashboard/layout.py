"""Node positions for the network chart: a force-directed layout, deterministic for the same edges."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd


def force_layout(edges: pd.DataFrame, iterations: int = 120) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold: partners pull together, every node pushes others away.

    Heavier pairs (more events) pull harder, so close allies sit close. Starts from a circle in
    name order, so the same filter state always draws the same picture.
    """
    nodes = sorted(set(edges["a"]) | set(edges["b"]))
    n = len(nodes)
    if n == 0:
        return {}
    if n <= 2:
        return {node: (float(i * 2 - 1) * (n - 1), 0.0) for i, node in enumerate(nodes)}
    index = {node: i for i, node in enumerate(nodes)}
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)])
    src = np.array([index[a] for a in edges["a"]])
    dst = np.array([index[b] for b in edges["b"]])
    weight = np.log1p(edges["events"].to_numpy(dtype=float))
    k = math.sqrt(4.0 / n)
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        shift = (delta / distance[..., None] * (k * k / distance)[..., None]).sum(axis=1)
        pull = pos[src] - pos[dst]
        length = np.maximum(np.linalg.norm(pull, axis=1), 1e-3)
        force = (pull * (length * weight / k)[:, None])
        np.add.at(shift, src, -force)
        np.add.at(shift, dst, force)
        step = np.maximum(np.linalg.norm(shift, axis=1), 1e-9)
        pos += shift / step[:, None] * np.minimum(step, temperature)[:, None]
        temperature *= 0.97
    pos -= pos.mean(axis=0)
    pos /= max(np.abs(pos).max(), 1e-9)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}
