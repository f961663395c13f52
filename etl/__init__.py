"""Entente ETL: articles in, dated events between pairs of countries out, loaded into DuckDB."""
