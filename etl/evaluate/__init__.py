"""Measure extraction against hand-annotated gold: `python -m etl evaluate`."""
