"""The domain objects ingest produces: a plan's metadata, its section tree and its chunks."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from ground.ids import chunk_id

SECTION_SEPARATOR = " › "

SourceKind = Literal["full_text", "news"]


@dataclass
class PlanMeta:
    title: str
    number: str | None = None  # "726/KH-UBND"
    doc_type: str | None = None  # "Kế hoạch", "Quyết định", "Công văn", "Chỉ thị"
    issuer: str | None = None  # "UBND tỉnh Cao Bằng", "Bộ Ngoại giao"
    province: str | None = None  # canonical name: "Cao Bằng", "Thừa Thiên Huế"
    date: str | None = None  # ISO issue date of the document
    signer: str | None = None
    signer_title: str | None = None  # the office the signer signs in ("Phó Chủ tịch"), from the signature block
    horizon: list[int] = field(default_factory=list)  # [2025, 2030]
    implements: list[str] = field(default_factory=list)  # ["2013/QĐ-TTg", "25/CT-TTg"]
    source_kind: SourceKind = "full_text"
    field: str | None = None  # "Lĩnh vực" when the page states it
    published: str | None = None  # ISO date of the web page / article, when known
    # (dataclasses.field: `field` above is the document's Lĩnh vực and shadows the helper here)
    quality: float | None = None  # share of words that are valid syllables or known words (1.0 = clean)
    ocr_pages: list[int] = dataclasses.field(default_factory=list)  # 1-based pages read by OCR (scanned images)
    ocr_confidence: float | None = None  # mean OCR word confidence, 0-100, over those pages
    ocr_low_pages: list[int] = dataclasses.field(default_factory=list)  # OCR'd pages under the confidence floor
    number_as_written: str | None = None  # the number as the text spells it, when not canonical ("317/KH.UBND")
    other_numbers: list[str] = dataclasses.field(default_factory=list)  # a decision's carried plan's own number
    relations: list[dict] = dataclasses.field(default_factory=list)  # ingest.relations.Relation.to_dict(), forward only
    sources: list[str] = dataclasses.field(default_factory=list)  # every file (portal copy) this entry was read from
    # what the document is about, with the line that says so: ingest.about.About.to_dict() (issuer, province,
    # evidence, source "header"/"field"/"text"/"correction", known_province, unit_2025, subject, year, topics)
    about: dict = dataclasses.field(default_factory=dict)
    # every document the text cites: ingest.mentions.Mention.to_dict() (number, kind, date, issuer, signer,
    # subject, title, relation, sentence, start, end, section, count); stored beside the text, not in the catalog
    mentions: list[dict] = dataclasses.field(default_factory=list)

    def known_numbers(self) -> list[str]:
        """Every number this entry answers to: its own, then those of documents it carries."""
        return [n for n in (self.number, *self.other_numbers) if n]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> PlanMeta:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass
class Section:
    """A node of the section tree. Offsets are in the plan's cleaned text."""

    marker: str  # "II.", "2.", "a)", "-", "" for the root / preamble
    heading: str  # "MỤC TIÊU", "" when the node is a bullet or the root
    level: int  # 0 root, 1 Phần/Chương/Roman, 2 numbered, 3 lettered, 4 dash/bullet...
    start: int  # first character of the heading line (or of the body for the root)
    end: int  # one past the last character of the section, children included
    body_start: int  # first character after the heading line
    children: list[Section] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.marker} {self.heading}".strip()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Chunk:
    plan_id: str
    seq: int  # position in the plan, from 0
    text: str  # what is quoted: the plan's own words, no prefix
    embed_text: str  # what is embedded: title and section path, then the text
    section: str | None  # "II. MỤC TIÊU › 2. Các mục tiêu cụ thể"
    start: int  # offsets of `text` in the cleaned plan text
    end: int
    source: str  # file name the plan came from
    id: str = ""  # deterministic, set by Plan.finalize(): "<plan id>:<version>:<seq>"

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.embed_text.encode("utf-8")).hexdigest()[:32]


@dataclass
class Plan:
    id: str
    meta: PlanMeta
    text: str  # cleaned, normalised text; chunk offsets point into it
    source: str  # file name
    sections: Section
    chunks: list[Chunk]
    version: str = ""  # content hash of what is stored: text, metadata and chunking
    assignments: list = field(default_factory=list)  # ingest.assignments.Assignment: who does what by when
    warnings: list[str] = field(default_factory=list)  # what an administrator should check (low quality, OCR)
    ocr_cached_pages: int = 0  # OCR'd pages taken from the OCR cache in this run (not part of the version)

    def finalize(self, chunker_version: str) -> Plan:
        payload = json.dumps(
            [self.text, self.meta.to_dict(), chunker_version, self.source], ensure_ascii=False, sort_keys=True
        )
        self.version = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
        return self.finalize_ids()

    def finalize_ids(self) -> Plan:
        for chunk in self.chunks:
            chunk.plan_id = self.id
            chunk.id = chunk_id(self.id, self.version, chunk.seq)
        return self

# -- assignments: who does what by when ------------------------------------------------------------
Role = Literal["chủ trì", "phối hợp", "thực hiện"]
LEAD: Role = "chủ trì"
SUPPORT: Role = "phối hợp"
DO: Role = "thực hiện"


@dataclass
class Assignment:
    agency: str  # canonical name, or the name as written when unknown
    agency_raw: str
    known_agency: bool
    role: Role
    task: str
    deadline: str | None = None
    due_year: int | None = None
    period: tuple[int, int] | None = None
    recurring: bool = False
    section: str | None = None  # display path: "IV. TỔ CHỨC THỰC HIỆN › 1. Sở Ngoại vụ"
    start: int = 0  # offsets of the task in the plan text
    end: int = 0
    # the deadline read as a date (ingest.deadline_dates): ISO due date, its precision, how it repeats
    due: str | None = None  # "2023-06-30"; the first occurrence of a recurring deadline
    due_start: str | None = None  # a period's first day ("giai đoạn 2023-2025" → "2023-01-01")
    precision: str = "none"  # day | month | quarter | year | period | recurring | none
    recurs: str | None = None  # yearly | quarterly | monthly | weekly | continuous
    product: str | None = None  # what the task delivers, when a table or list says ("Kết quả", "Sản phẩm")
    funding: str | None = None  # its "Kinh phí" as written ("1.200 triệu đồng")
    task_no: str | None = None  # its number in a task table or activity list ("14"): tasks are counted by it
    group: str | None = None  # the group row it sits under in a task table ("II. QUẢNG BÁ HÌNH ẢNH")
    origin: str | None = None  # where it was read: "table", "activity" (labelled lines), None (duty sentences)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["period"] = list(self.period) if self.period else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Assignment:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        if known.get("period") is not None:
            known["period"] = tuple(known["period"])
        return cls(**known)


def due_by(assignment: Assignment, year: int) -> Literal["due", "recurring"] | None:
    """Does "đến năm <year>" cover this assignment, and how?

    "due": a one-off task due by then (due_year ≤ year). "recurring": repeated or continuous work
    running at some point up to that year (no period, or a period starting by then).
    """
    if assignment.recurring:
        if assignment.period is None or assignment.period[0] <= year:
            return "recurring"
        return None
    if assignment.due_year is not None and assignment.due_year <= year:
        return "due"
    return None
