"""Extraction: article text -> event mentions (see events.py for the rules)."""
