"""Fixed replies: refusals, unknown places or numbers, the empty store — each says what ngvh can answer."""
from __future__ import annotations


def holdings(plans: list) -> str:
    """'Cao Bằng (726/KH-UBND), Hải Phòng (141/KH-UBND, …), Bộ Ngoại giao (404/BNG-NGVH-UNESCO)'."""
    groups: dict[str, list[str]] = {}
    for plan in plans:
        meta = plan.meta
        owner = meta.province or meta.issuer or "khác"
        groups.setdefault(owner, []).append(meta.number or (meta.date or "")[:4] or "không số")
    return "; ".join(f"{owner} ({', '.join(sorted(set(nums)))})" for owner, nums in sorted(groups.items()))


def example_questions(plans: list, limit: int = 3) -> list[str]:
    examples: list[str] = []
    for plan in plans:
        meta = plan.meta
        if meta.number and meta.source_kind == "full_text":
            examples.append(f"Mục tiêu cụ thể của {meta.doc_type or 'Kế hoạch'} {meta.number} là gì?")
        elif meta.number:
            examples.append(f"{meta.doc_type or 'Kế hoạch'} {meta.number} được ban hành ngày nào?")
        elif meta.province:
            examples.append(f"Kế hoạch ngoại giao văn hóa của {meta.province} có những nội dung gì?")
        if len(examples) >= limit:
            break
    return examples or ["Sở Ngoại vụ phải làm gì đến năm 2025?"]


def _examples_block(plans: list) -> str:
    return "\n".join(f"• {q}" for q in example_questions(plans))


def out_of_scope(plans: list) -> str:
    return (
        "Xin lỗi, tôi không tìm thấy thông tin này trong các kế hoạch ngoại giao văn hóa đang có. "
        "Tôi chỉ trả lời về nội dung, mục tiêu, nhiệm vụ, cơ quan thực hiện và thời hạn của các kế hoạch "
        f"trong kho: {holdings(plans)}.\nBạn có thể hỏi, ví dụ:\n{_examples_block(plans)}"
    )


def unknown_scope(what: str, plans: list) -> str:
    return (
        f"Kho hiện chưa có {what}. Các văn bản đang có: {holdings(plans)}.\n"
        f"Bạn có thể hỏi, ví dụ:\n{_examples_block(plans)}"
    )


EMPTY_STORE = "Kho chưa có kế hoạch nào. Quản trị viên cần nạp kế hoạch trước (lệnh: ngvh ingest <thư mục>)."
EMPTY_QUESTION = "Bạn hãy nhập một câu hỏi về các kế hoạch ngoại giao văn hóa."


NOT_IN_STORE = "không có trong các văn bản đang có"


def not_stated(what: str) -> str:
    """The documents found hold the question's words but not what it asks for (found=false, no citation)."""
    return f"Các văn bản đang có không nêu {what}: {NOT_IN_STORE}."
