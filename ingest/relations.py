"""How documents relate: what a text says about other documents, and the links between catalog entries.

At ingest each text yields forward relations with the line that states them: it implements a document
("Thực hiện Quyết định số 2013/QĐ-TTg …"), replaces one ("… thay thế Kế hoạch số 141/KH-UBND"), amends
one ("sửa đổi, bổ sung Kế hoạch số …"), continues one ("tiếp tục thực hiện Kế hoạch số …") or says it is
replaced ("được thay thế bởi …"). Only forward relations are stored, in each entry's own metadata; the
reverse links (replaced by, implemented by, reported by) are computed when the catalog is read, from
the entries present at that moment. So a link appears whichever document is ingested first, survives
re-ingesting either, and disappears with the entry that states it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ingest.mentions import Mention, cited_occurrences, citing_sentence

EVIDENCE_CHARS = 240  # a relation's evidence: the citing sentence, cut shorter than a mention's


@dataclass(frozen=True)
class Relation:
    kind: str  # one of ground.links.RELATION_KINDS
    number: str  # the other document, canonical
    evidence: str  # the text's own words that state it

    def to_dict(self) -> dict:
        return {"kind": self.kind, "number": self.number, "evidence": self.evidence}


def extract_relations(text: str, own_numbers: list[str] | tuple[str, ...] = ()) -> list[Relation]:
    """Forward relations stated in `text`, one per (kind, number), first statement kept as evidence.

    They are the citations of the mention index (ingest.mentions) that carry a relation. National documents
    the text cites are implemented even without a cue word: a plan cites the Prime Minister's decisions to
    carry them out."""
    return relations_of(text, cited_occurrences(text, own_numbers))


def relations_of(text: str, occurrences: list[Mention]) -> list[Relation]:
    """The relations among citations (one per occurrence, ingest.mentions.cited_occurrences)."""
    found: dict[tuple[str, str], Relation] = {}
    for m in occurrences:
        if m.relation and m.number:
            found.setdefault((m.relation, m.number), Relation(m.relation, m.number, citing_sentence(text, m.start, m.end, EVIDENCE_CHARS)))
    relations = list(found.values())
    # a number replaced here is not also "implemented" by the same text
    replaced = {r.number for r in relations if r.kind in ("replaces", "amends")}
    return [r for r in relations if not (r.kind in ("implements", "continues") and r.number in replaced)]
