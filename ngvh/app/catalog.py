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
        "signer": meta.signer,
        "quality": meta.quality,
        "ocr_pages": list(meta.ocr_pages),
        "warnings": reading_warnings(meta),
    }


def reading_warnings(meta) -> list[str]:
    """What an administrator should check in a stored plan: damaged text, OCR'd or badly OCR'd pages."""
    from ingest.quality import QUALITY_WARNING

    out = []
    if meta.quality is not None and meta.quality < QUALITY_WARNING:
        out.append(f"chất lượng văn bản thấp ({meta.quality:.2f})")
    if meta.ocr_low_pages:
        out.append("OCR kém ở trang " + ", ".join(map(str, meta.ocr_low_pages)))
    elif meta.ocr_pages:
        out.append(f"{len(meta.ocr_pages)} trang đọc bằng OCR")
    if not meta.number:
        out.append("không đọc được số hiệu")
    if not meta.date:
        out.append("không đọc được ngày ban hành")
    return out


def plan_rows(records) -> list[dict]:
    rows = [plan_row(r) for r in records]
    return sorted(rows, key=lambda r: (r["province"] or "~", r["date"] or "", r["id"]))
