"""What answering returns: an Answer with numbered Citations, and its JSON form (the `ngvh ask` contract)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal


@dataclass
class Citation:
    n: int
    plan: str | None  # document number, "726/KH-UBND"
    title: str
    issuer: str | None
    date: str | None  # ISO
    section: str | None  # "II. MỤC TIÊU › 2. Các mục tiêu cụ thể"
    source: str  # ingested file name
    quote: str  # short quote shown with the answer
    score: float
    plan_id: str = ""
    doc_type: str | None = None
    full_quote: str = ""  # the whole passage, for /nguon n and expandable quotes
    replaced_by: str | None = None  # number of the document that replaces the cited one, when in the store

    def to_json(self) -> dict:
        data = asdict(self)
        data["score"] = round(float(self.score), 4)
        return data


@dataclass
class Answer:
    question: str
    found: bool
    answer: str
    citations: list[Citation] = field(default_factory=list)
    mode: Literal["extractive", "llm"] = "extractive"
    kind: str = "general"  # general | metadata | refusal | unknown_place | catalog | tasks | ...

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "found": self.found,
            "answer": self.answer,
            "citations": [c.to_json() for c in self.citations],
            "mode": self.mode,
        }
