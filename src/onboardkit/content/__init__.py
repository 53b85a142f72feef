"""Structured guides: their schema, loading, translation catalogs and Markdown rendering."""
