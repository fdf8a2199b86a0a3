"""Pure formatting: answers, catalogs and reports as Telegram HTML or Zalo plain text, split to a limit.

Splits fall on paragraph, then line, then word boundaries; a citation is always one unsplittable block,
so a reader never sees half a source.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from bot.constants import QUOTE_PREVIEW_CHARS, TELEGRAM_TEXT_LIMIT, ZALO_TEXT_LIMIT
from ground import display

Measure = Callable[[str], int]

# --- fixed replies (Vietnamese: the audience is Vietnamese citizens and officials) ---------------
GREETING_TEXT = (
    "Xin chào! Tôi là ngvh, trợ lý hỏi đáp về các kế hoạch, chương trình triển khai "
    "Chiến lược Ngoại giao văn hóa của các bộ, ngành và địa phương.\n\n"
    "Tôi trả lời dựa trên văn bản đã được nạp vào hệ thống và luôn ghi rõ nguồn trích dẫn. "
    "Nếu văn bản không nói đến điều bạn hỏi, tôi sẽ nói là không tìm thấy. Bạn có thể hỏi tiếp "
    "như khi trò chuyện (“ban hành ngày nào?”, “còn Huế thì sao?”).\n\n"
    "Ví dụ câu hỏi:\n"
    "• Kế hoạch 726/KH-UBND của tỉnh Cao Bằng đặt mục tiêu gì đến năm 2025?\n"
    "• Thừa Thiên Huế ban hành kế hoạch ngoại giao văn hóa khi nào?\n"
    "• Hải Phòng giao nhiệm vụ gì cho Sở Ngoại vụ?"
)
TOO_LONG_TEXT = "Câu hỏi quá dài ({n} ký tự). Vui lòng rút gọn dưới {limit} ký tự rồi gửi lại."
SLOW_DOWN_TEXT = (
    "Bạn đang gửi quá nhiều câu hỏi ({limit} câu mỗi phút). "
    "Vui lòng đợi một chút rồi hỏi tiếp. Xin cảm ơn!"
)
EMPTY_TEXT = "Bạn hãy gửi câu hỏi bằng chữ, ví dụ: “Cao Bằng có kế hoạch ngoại giao văn hóa nào?”"
ERROR_TEXT = "Xin lỗi, hệ thống đang gặp sự cố khi trả lời. Vui lòng thử lại sau ít phút."
NOT_ADMIN_TEXT = (
    "Cảm ơn bạn đã gửi tài liệu. Rất tiếc, chỉ quản trị viên mới được nạp văn bản vào hệ thống. "
    "Bạn vẫn có thể đặt câu hỏi bằng tin nhắn chữ."
)
BAD_UPLOAD_TEXT = "Tệp “{name}” không được nhận: {reason}."
INGEST_STARTED_TEXT = "Đã nhận tệp “{name}”, đang nạp vào hệ thống…"
NO_LAST_ANSWER_TEXT = "Chưa có câu trả lời nào để xem nguồn. Hãy đặt câu hỏi trước, rồi gõ /nguon 1."
BAD_SOURCE_TEXT = "Câu trả lời gần nhất có {count} nguồn. Hãy gõ /nguon kèm số từ 1 đến {count}, ví dụ /nguon 1."
SOURCE_HINT_TEXT = "Gõ /nguon {n} để xem toàn văn trích dẫn."
NO_PLANS_TEXT = "Chưa có văn bản nào được nạp."
ZALO_SOURCES_HINT = "Gõ 1, 2… để xem nguyên văn"
FEEDBACK_THANKS_TEXT = "Cảm ơn bạn đã góp ý!"
FEEDBACK_NONE_TEXT = "Chưa có câu trả lời nào để góp ý."
REPLACED_TEXT = "(đã được thay thế bởi {by})"  # the same words as `ngvh ask` and the web chat
STALE_SOURCE_TEXT = "Nút này thuộc một câu trả lời cũ. Hãy xem nguồn dưới câu trả lời gần nhất."


# --- measuring, escaping, splitting ---------------------------------------------------------------
def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def escape_html(text: str) -> str:
    """Escape for Telegram's HTML parse mode: only <, > and & are special."""
    return html.escape(text, quote=False)


def split_text(text: str, limit: int, measure: Measure = len) -> list[str]:
    """Split into pieces of measure ≤ limit at paragraph, then line, then word boundaries.

    Only a single word longer than the limit is cut inside (nothing better exists).
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    text = text.strip("\n")
    if not text:
        return []
    if measure(text) <= limit:
        return [text]
    for separator in ("\n\n", "\n", " "):
        parts = text.split(separator)
        if len(parts) > 1:
            return _pack(parts, limit, separator, measure)
    return _hard_cut(text, limit, measure)


def _pack(parts: list[str], limit: int, separator: str, measure: Measure) -> list[str]:
    out: list[str] = []
    current = ""
    for part in parts:
        if not part.strip():
            continue
        candidate = f"{current}{separator}{part}" if current else part
        if measure(candidate) <= limit:
            current = candidate
            continue
        if current:
            out.append(current)
        if measure(part) <= limit:
            current = part
        else:  # the part alone is too long: split it further at a finer boundary
            pieces = split_text(part, limit, measure)
            out.extend(pieces[:-1])
            current = pieces[-1] if pieces else ""
    if current:
        out.append(current)
    return out


def _hard_cut(text: str, limit: int, measure: Measure) -> list[str]:
    out: list[str] = []
    current = ""
    for char in text:
        if current and measure(current + char) > limit:
            out.append(current)
            current = ""
        current += char
    if current:
        out.append(current)
    return out


def pack_blocks(blocks: Iterable[str], limit: int, measure: Measure = len, separator: str = "\n\n") -> list[str]:
    """Greedily join whole blocks into messages ≤ limit; a block is never split across messages.

    Callers keep every block under the limit (citations are truncated, bodies pre-split); a block
    that is still too long is split as plain text so nothing is lost.
    """
    out: list[str] = []
    current = ""
    for block in blocks:
        if not block:
            continue
        if measure(block) > limit:
            if current:
                out.append(current)
                current = ""
            out.extend(split_text(block, limit, measure))
            continue
        candidate = f"{current}{separator}{block}" if current else block
        if measure(candidate) <= limit:
            current = candidate
        else:
            out.append(current)
            current = block
    if current:
        out.append(current)
    return out


def shorten(text: str, limit: int) -> str:
    """On one line (white space folded), cut at a word boundary with an ellipsis when longer than limit."""
    return display.shorten(" ".join(text.split()), limit)


# --- answers --------------------------------------------------------------------------------------
def _field(citation: Any, name: str) -> Any:
    if isinstance(citation, Mapping):
        return citation.get(name)
    return getattr(citation, name, None)


def citation_label(citation: Any) -> str:
    """One line naming the source: number or title, issuer, date, section."""
    head = _field(citation, "plan") or shorten(_field(citation, "title") or _field(citation, "source") or "", 120)
    bits = [head]
    issuer = _field(citation, "issuer")
    if issuer:
        bits.append(shorten(issuer, 80))
    date = display.display_date(_field(citation, "date"))
    if date:
        bits.append(date)
    section = _field(citation, "section")
    if section:
        bits.append(shorten(section, 160))
    return " · ".join(b for b in bits if b)


def replaced_note(citation: Any) -> str:
    """'(đã được thay thế bởi 12/KH-UBND)' when a newer stored document replaces the cited one, else ''."""
    by = _field(citation, "replaced_by")
    return REPLACED_TEXT.format(by=shorten(str(by), 80)) if by else ""


def _labelled(citation: Any) -> str:
    """The source line a reader sees: its label, and whether the cited document still stands."""
    note = replaced_note(citation)
    return f"{citation_label(citation)} {note}" if note else citation_label(citation)


def _quote(citation: Any) -> str:
    return shorten(_field(citation, "quote") or _field(citation, "full_quote") or "", QUOTE_PREVIEW_CHARS)


def telegram_answer(answer: Any, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """An Answer as Telegram HTML messages: body, then one block per citation with an expandable quote."""
    blocks = [escape_html(p) for p in split_text(answer.answer, limit, lambda s: utf16_len(escape_html(s)))]
    citations = list(answer.citations or [])
    for index, citation in enumerate(citations):
        n = _field(citation, "n")
        block = f"<b>[{n}]</b> {escape_html(citation_label(citation))}"
        note = replaced_note(citation)
        if note:
            block += f" <i>{escape_html(note)}</i>"
        quote = _quote(citation)
        if quote:
            block += f"\n<blockquote expandable>{escape_html(quote)}</blockquote>"
        if index == 0:
            block = "<b>Nguồn</b>\n" + block  # the heading travels with the first source
        blocks.append(block)
    if citations:
        blocks.append(f"<i>{escape_html(SOURCE_HINT_TEXT.format(n=_field(citations[0], 'n')))}</i>")
    return pack_blocks(blocks, limit, utf16_len)


def zalo_answer(answer: Any, limit: int = ZALO_TEXT_LIMIT) -> list[str]:
    """Plain text for Zalo, ending with how to see a source: Zalo Bot has no buttons under a reply (Zalo OA
    sends buttons instead of this hint when it can: bot.adapters.zalo_oa)."""
    return plain_answer(answer, limit, hint=ZALO_SOURCES_HINT)


def understood_line(understood: str) -> str:
    """The one short line that says how a follow-up was understood."""
    return f"↪ Hiểu là: {shorten(understood, 200)}"


def plain_answer(answer: Any, limit: int = ZALO_TEXT_LIMIT, hint: str | None = None) -> list[str]:
    """An Answer as plain-text messages (Zalo has no markup)."""
    blocks = split_text(answer.answer, limit)
    citations = list(answer.citations or [])
    for index, citation in enumerate(citations):
        block = f"[{_field(citation, 'n')}] {_labelled(citation)}"
        quote = _quote(citation)
        if quote:
            block += f"\n“{quote}”"
        if index == 0:
            block = "Nguồn:\n" + block
        blocks.append(block)
    if citations:
        blocks.append(hint or SOURCE_HINT_TEXT.format(n=_field(citations[0], "n")))
    return pack_blocks(blocks, limit)


def plans_text(plans: Sequence[Mapping[str, Any]]) -> str:
    """The catalog as plain text, one plan per paragraph."""
    if not plans:
        return NO_PLANS_TEXT
    lines = [f"Đã nạp {len(plans)} văn bản:"]
    for i, plan in enumerate(plans, 1):
        head = " ".join(str(x) for x in (plan.get("type"), plan.get("number")) if x) or str(plan.get("source") or "")
        bits = [b for b in (plan.get("issuer"), plan.get("province"), display.display_date(plan.get("date"))) if b]
        horizon = plan.get("horizon")
        if horizon:
            bits.append("đến " + "–".join(str(y) for y in horizon) if isinstance(horizon, list) else str(horizon))
        line = f"{i}. {head}"
        if bits:
            line += " — " + ", ".join(str(b) for b in bits)
        lines.append(line)
    return "\n\n".join([lines[0], "\n".join(lines[1:])])


_STATUS_VI = {
    "added": "đã thêm",
    "replaced": "đã thay bản cũ",
    "unchanged": "không đổi",
    "failed": "lỗi",
    "skipped": "bỏ qua",
}


def ingest_report_text(report: Mapping[str, Any]) -> str:
    """An IngestReport.to_json() as a short plain-text summary for a chat."""
    rows = report.get("files") or []
    counts = report.get("counts") or {}
    head = "Kết quả nạp: " + ", ".join(f"{_STATUS_VI.get(k, k)} {v}" for k, v in counts.items() if v) if counts else "Kết quả nạp:"
    lines = [head]
    for row in rows:
        status = _STATUS_VI.get(row.get("status"), row.get("status"))
        name = row.get("number") or row.get("title") or row.get("source")
        line = f"• {row.get('source')}: {status}"
        if name and name != row.get("source"):
            line += f" ({name})"
        if row.get("chunks"):
            line += f", {row['chunks']} đoạn"
        if row.get("reason"):
            line += f" — {row['reason']}"
        lines.append(line)
    return "\n".join(lines)
