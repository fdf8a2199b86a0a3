"""What one ingest run did: a row per file (added, replaced, unchanged, skipped or failed) and their counts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ground.plans import Plan


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
    ocr_pages: int = 0  # pages read by OCR
    ocr_confidence: float | None = None  # their mean word confidence, 0-100
    ocr_cached: int = 0  # of those pages, how many came from the OCR cache (file read before) instead of Tesseract
    quality: float | None = None  # text-quality figure of the plan (1.0 = clean)
    warnings: list[str] = field(default_factory=list)  # low quality, OCR pages under the floor, ...

    @classmethod
    def for_plan(cls, plan: Plan, source: str, status: str = "") -> IngestRow:
        """The row of a parsed plan, with its reading figures (OCR, text quality, warnings)."""
        meta = plan.meta
        return cls(source=source, status=status, plan_id=plan.id, number=meta.number, title=meta.title,
                   ocr_pages=len(meta.ocr_pages), ocr_confidence=meta.ocr_confidence,
                   ocr_cached=plan.ocr_cached_pages, quality=meta.quality,
                   warnings=list(plan.warnings))

    def to_json(self) -> dict:
        out = dict(self.__dict__)
        out["warnings"] = list(self.warnings)
        return out


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

    @property
    def warnings(self) -> int:
        """Files stored with something to check (low text quality, poorly read OCR pages)."""
        return sum(1 for r in self.rows if r.warnings and r.status != "failed")

    def to_json(self) -> dict:
        return {"ok": self.ok, "counts": self.counts(), "warnings": self.warnings,
                "files": [r.to_json() for r in self.rows]}
