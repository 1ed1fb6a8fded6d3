"""Public view: the only door out. Everything rendered is computed from it, never from raw content."""

from .view import PublicCounty, public_view

__all__ = ["PublicCounty", "public_view"]
