"""The one error ingest raises for a file that cannot become a plan."""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot become a plan; the message says why, in words an admin understands."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
