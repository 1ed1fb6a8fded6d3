"""gongshi (公示): static-site generator for administrative-enforcement disclosure portals.

The pipeline reads in the order of the sub-packages:
load → check → public (the public view) → render → verify → publish.
"""

from .version import __version__

__all__ = ["__version__"]
