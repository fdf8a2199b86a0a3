"""What one ingest run did: a row per file (added, replaced, unchanged, skipped or failed) and their counts."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestRow:
    source: str
    status: str  # added | replaced | unchanged | failed | skipped
    plan_id: str | None = None
    number: str | None = None
    title: str | None = None
    chunks: int = 0
    embedded: int = 0
    reason: str | None = None

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class IngestReport:
    rows: list[IngestRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(r.status == "failed" for r in self.rows)

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in ("added", "replaced", "unchanged", "skipped", "failed")}
        for row in self.rows:
            out[row.status] = out.get(row.status, 0) + 1
        return out

    def to_json(self) -> dict:
        return {"ok": self.ok, "counts": self.counts(), "files": [r.to_json() for r in self.rows]}
