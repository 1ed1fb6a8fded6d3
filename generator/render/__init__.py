"""Render: the public view → a Markdown tree (Jinja2) → a static site (MkDocs + Material)."""
