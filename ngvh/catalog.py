"""The plan catalog as rows: the shape `ngvh plans --json`, /plans and /admin/plans share."""
from __future__ import annotations


def plan_row(record) -> dict:
    meta = record.meta
    links = record.links  # computed from every entry's stored relations when the catalog was read
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
        # stores written before relations were extracted only have the national documents cited
        "implements": list(dict.fromkeys([*links.implements, *meta.implements])),
        "replaces": list(links.replaces),
        "replaced_by": links.replaced_by,
        "quality": meta.quality,  # share of valid syllables (None in stores written before it was measured)
        "number_as_written": meta.number_as_written,
        "other_numbers": list(meta.other_numbers),
        "amends": list(links.amends),
        "continues": list(links.continues),
        "reports_on": links.reports_on,
        "reported_by": list(links.reported_by),
        "relations": [dict(r) for r in meta.relations],
        "about": dict(meta.about),  # what the document is about, with the line that says so (ingest/about.py)
        "mentions": [dict(m) for m in meta.mentions],  # every document its text cites (ingest/mentions.py)
        "sources": list(meta.sources) or [record.source],
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
