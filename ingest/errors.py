"""The errors ingest raises for a file that does not become a plan: broken, or readable but not ours."""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot become a plan; the message says why, in words an admin understands."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class OutOfScope(IngestError):
    """A readable text that is not ours (another language, no administrative or foreign-affairs wording).

    Nothing is wrong with the file, so a run that meets one is not a failed run: the file is skipped with the
    reason, and a folder of plans with one stray page in it still ingests cleanly (exit 0).
    """
