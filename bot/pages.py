"""Permalink pages: /plans/{plan id}, one server-rendered page per plan with an anchor per passage.

Telegram and Zalo replies link here (…/plans/{id}#c7); the web chat opens a citation as
/plans/{id}?hl=7&q=<quote>#c7, which marks that passage and the quoted words in it. Everything the page
shows is escaped text; it runs no script and loads one stylesheet, so it reads well on a phone and
stays safe under the strict CSP the web chat uses.
"""
from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from ground import vi
from ground.display import display_date

PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")
# the page's whole content: {"plan": {...PlanMeta fields, "id", "source"}, "chunks": [{"seq", "section", "text"}]}
PlanLoader = Callable[[str], Awaitable[dict[str, Any] | None]]


def plan_page_data(record, chunks) -> dict[str, Any]:
    """The loader's result from a stored plan record and its chunks (vectorstore records)."""
    meta = record.meta
    plan = {k: getattr(meta, k, None) for k in ("title", "number", "doc_type", "issuer", "province", "date",
                                                 "signer", "horizon", "implements")}
    plan.update(id=record.id, source=record.source)
    ordered = sorted(chunks, key=lambda c: c.seq)
    return {"plan": plan, "chunks": [{"seq": c.seq, "section": c.section, "text": c.text} for c in ordered]}


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def mark_quote(text: str, quote: str | None) -> str:
    """The passage escaped, with the quoted words (found without case or diacritics) in <mark>."""
    if not quote:
        return _e(text)
    words = [w.strip(".,;:“”\"()") for w in quote.replace("…", " ").split()]
    words = [w for w in words if w]
    if len(words) < 3:
        return _e(text)
    # find the quote's first and last words in the passage (the quote may be shortened in the middle)
    flat: list[str] = []  # the passage folded with single spaces
    index: list[int] = []  # where each of its characters came from
    for i, ch in enumerate(text):
        if ch.isspace():
            if flat and flat[-1] != " ":
                flat.append(" ")
                index.append(i)
            continue
        flat.append((vi.fold(ch) or ch)[:1])
        index.append(i)
    flat_text = "".join(flat)
    head = " ".join(vi.fold(w) for w in words[:4])
    tail = " ".join(vi.fold(w) for w in words[-3:])
    start = flat_text.find(head)
    if start < 0:
        return _e(text)
    end = flat_text.find(tail, start)
    end = end + len(tail) if end >= 0 else start + len(head)
    a, b = index[start], index[end - 1] + 1
    return f"{_e(text[:a])}<mark>{_e(text[a:b])}</mark>{_e(text[b:])}"


def quoted_passage(chunks: list[dict], quote: str | None) -> int | None:
    """The seq of the passage holding a quote (compared without case or diacritics), for a link that
    names only the plan and the quote (the web chat's citations)."""
    words = [vi.fold(w.strip(".,;:“”\"()")) for w in (quote or "").replace("…", " ").split()]
    head = " ".join(w for w in words[:6] if w)
    if len(head) < 8:
        return None
    for chunk in chunks:
        if head in " ".join(vi.fold(chunk["text"]).split()):
            return int(chunk["seq"])
    return None


def render_plan_page(data: dict[str, Any], highlight: int | None = None, quote: str | None = None) -> str:
    plan, chunks = data["plan"], data["chunks"]
    if highlight is None:
        highlight = quoted_passage(chunks, quote)
    name = " ".join(str(x) for x in (plan.get("doc_type"), plan.get("number")) if x) or plan.get("title") or plan["id"]
    facts = [(label, value) for label, value in (
        ("Cơ quan ban hành", plan.get("issuer")), ("Tỉnh/thành phố", plan.get("province")),
        ("Ngày ban hành", display_date(plan.get("date"))), ("Người ký", plan.get("signer")),
        ("Tầm nhìn", ", ".join(f"đến năm {y}" for y in plan.get("horizon") or []) or None),
        ("Thực hiện", ", ".join(plan.get("implements") or []) or None), ("Tệp nguồn", plan.get("source")),
    ) if value]
    out = [
        "<!doctype html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(name)} – ngvh</title>", '<link rel="stylesheet" href="/static/plan.css">', "</head>",
        "<body>", '<main class="plan">', f"<h1>{_e(name)}</h1>",
    ]
    if plan.get("title") and plan.get("title") != name:
        out.append(f'<p class="title">{_e(plan["title"])}</p>')
    if facts:
        out.append('<dl class="facts">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts) + "</dl>")
    section = object()
    for chunk in chunks:
        if chunk.get("section") != section:
            section = chunk.get("section")
            if section:
                out.append(f'<h2 class="section">{_e(section)}</h2>')
        seq = int(chunk["seq"])
        lit = highlight is not None and seq == highlight
        body = mark_quote(chunk["text"], quote) if lit else _e(chunk["text"])
        css = "passage highlighted" if lit else "passage"
        cited = '<span id="cited"></span>' if lit else ""  # the link's #cited lands here
        out.append(f'<section class="{css}" id="c{seq}">{cited}<a class="anchor" href="#c{seq}" '
                   f'aria-label="Liên kết đoạn {seq}">¶</a><p>{body}</p></section>')
    out += ['<p class="back"><a href="/">← Hỏi ngvh</a></p>', "</main>", "</body>", "</html>"]
    return "\n".join(out)


NOT_FOUND_PAGE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
                  '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Không tìm thấy – ngvh</title>'
                  '<link rel="stylesheet" href="/static/plan.css"></head><body><main class="plan"><h1>Không tìm thấy văn bản</h1>'
                  '<p>Văn bản này không có (hoặc đã bị gỡ) trong kho.</p><p class="back"><a href="/">← Hỏi ngvh</a></p>'
                  "</main></body></html>")


def pages_router(load: PlanLoader) -> APIRouter:
    router = APIRouter()

    @router.get("/plans/{plan_id}", response_class=HTMLResponse)
    async def plan_page(plan_id: str, hl: int | None = Query(None, ge=0, le=100_000),
                        q: str | None = Query(None, max_length=1000)) -> HTMLResponse:
        headers = {"Content-Security-Policy": PAGE_CSP, "X-Content-Type-Options": "nosniff",
                   "Referrer-Policy": "no-referrer"}
        data = await load(plan_id) if len(plan_id) <= 200 else None
        if data is None:
            return HTMLResponse(NOT_FOUND_PAGE, status_code=404, headers=headers)
        return HTMLResponse(render_plan_page(data, hl, q), headers=headers)

    return router
