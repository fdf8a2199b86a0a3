"""The plan catalog as rows: the shape `ngvh plans --json`, /plans and /admin/plans share."""
from __future__ import annotations


def plan_row(record) -> dict:
    meta = record.meta
    return {
        "number": meta.number,
        "type": meta.doc_type,
        "issuer": meta.issuer,
        "province": meta.province,
        "date": meta.date,
        "horizon": list(meta.horizon),
        "chunks": record.chunks,
        "source": record.source,
        "id": record.id,
        "title": meta.title,
        "kind": meta.source_kind,
    }


def plan_rows(records) -> list[dict]:
    rows = [plan_row(r) for r in records]
    return sorted(rows, key=lambda r: (r["province"] or "~", r["date"] or "", r["id"]))
