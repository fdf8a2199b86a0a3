"""What answering returns: an Answer with its points and numbered Citations, and its JSON form (the `ngvh ask`
contract; channels and stores keep the JSON and read it back with from_json, nothing else parses answer text)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Mode = Literal["extractive", "llm"]


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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(float(self.score), 4)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Citation:
        """A citation back from its JSON (unknown keys, such as a store's chunk_id, are left out)."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known.setdefault("n", 0)
        known.setdefault("plan", None)
        known.setdefault("title", "")
        known.setdefault("issuer", None)
        known.setdefault("date", None)
        known.setdefault("section", None)
        known.setdefault("source", "")
        known.setdefault("quote", "")
        known.setdefault("score", 0.0)
        return cls(**known)


@dataclass(frozen=True)
class AnswerPoint:
    """One cited line of an answer, as said: its text and the number of its citation ("ý 2" is points[1])."""

    text: str
    n: int


@dataclass
class Answer:
    question: str
    found: bool
    answer: str
    citations: list[Citation] = field(default_factory=list)
    mode: Mode = "extractive"
    kind: str = "general"  # general | metadata | parts | refusal | unknown_scope | catalog | tasks | expand | ...
    points: list[AnswerPoint] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "found": self.found,
            "answer": self.answer,
            "citations": [c.to_json() for c in self.citations],
            "mode": self.mode,
            "kind": self.kind,
            "points": [{"text": p.text, "n": p.n} for p in self.points],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        """An Answer back from its JSON object (what a worker, a stream or a store hands over)."""
        mode: Mode = "llm" if data.get("mode") == "llm" else "extractive"
        return cls(str(data.get("question") or ""), bool(data.get("found")), str(data.get("answer") or ""),
                   [Citation.from_json(c) for c in data.get("citations") or []], mode,
                   str(data.get("kind") or "general"),
                   [AnswerPoint(str(p.get("text") or ""), int(p.get("n") or 0)) for p in data.get("points") or []])
