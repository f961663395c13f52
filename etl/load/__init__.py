"""Loading into DuckDB: schema migrations, the write path, and deduplication into events."""
