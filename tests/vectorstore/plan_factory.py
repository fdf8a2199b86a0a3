"""Small hand-built plans for the store tests (no dependency on the ingest parsers)."""
from __future__ import annotations

from ground.plans import Chunk, Plan, PlanMeta, Section

CHUNKER = "test-chunker-1"

TITLE_CB = "Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa tỉnh Cao Bằng đến năm 2030"

# (section, text) pairs: what a chunker would produce for a short plan.
CAO_BANG_V1 = [
    ("I. MỤC ĐÍCH, YÊU CẦU", "Quảng bá hình ảnh đất nước, con người Cao Bằng tới bạn bè quốc tế."),
    ("I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của cán bộ, đảng viên về vai trò của ngoại giao văn hóa."),
    ("II. NHIỆM VỤ", "Tổ chức Lễ hội Thác Bản Giốc và các hoạt động giao lưu văn hóa biên giới Việt - Trung."),
    ("II. NHIỆM VỤ", "Đề nghị UNESCO công nhận Công viên địa chất toàn cầu Non nước Cao Bằng là di sản bền vững."),
    ("III. TỔ CHỨC THỰC HIỆN", "Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch triển khai kế hoạch."),
    ("III. TỔ CHỨC THỰC HIỆN", "Kinh phí thực hiện được bố trí từ ngân sách tỉnh và các nguồn xã hội hóa hợp pháp."),
]

# v2: one text changed, two new chunks inserted in the middle, the rest unchanged (shifted seq).
CAO_BANG_V2 = [
    CAO_BANG_V1[0],
    ("I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của toàn dân về vai trò của ngoại giao văn hóa trong thời kỳ mới."),
    ("II. NHIỆM VỤ", "Xây dựng phim tài liệu giới thiệu danh thắng Thác Bản Giốc bằng nhiều thứ tiếng."),
    ("II. NHIỆM VỤ", "Phối hợp với Đại sứ quán tổ chức Tuần văn hóa Cao Bằng tại nước ngoài."),
    *CAO_BANG_V1[2:],
]

TITLE_HUE = "Kế hoạch Ngoại giao văn hóa tỉnh Thừa Thiên Huế năm 2024"
HUE = [
    ("I. MỤC TIÊU", "Phát huy giá trị Quần thể di tích Cố đô Huế, di sản văn hóa thế giới."),
    ("II. NHIỆM VỤ", "Tổ chức Festival Huế 2024 với sự tham gia của các đoàn nghệ thuật quốc tế."),
    ("II. NHIỆM VỤ", "Quảng bá Nhã nhạc cung đình Huế tới các nước đối tác bằng hình thức số."),
]


def make_plan(
    plan_id: str,
    parts: list[tuple[str | None, str]],
    title: str = TITLE_CB,
    source: str = "kh-cao-bang.docx",
    province: str | None = "Cao Bằng",
    number: str | None = "726/KH-UBND",
) -> Plan:
    text = "\n\n".join(body for _, body in parts)
    chunks: list[Chunk] = []
    offset = 0
    for seq, (section, body) in enumerate(parts):
        embed_text = "\n".join(p for p in (title, section, body) if p)
        chunks.append(
            Chunk(plan_id=plan_id, seq=seq, text=body, embed_text=embed_text, section=section,
                  start=offset, end=offset + len(body), source=source)
        )
        offset += len(body) + 2
    meta = PlanMeta(
        title=title, number=number, doc_type="Kế hoạch", issuer=f"UBND tỉnh {province}" if province else None,
        province=province, date="2024-03-15", horizon=[2024, 2030], implements=["2013/QĐ-TTg"],
    )
    root = Section(marker="", heading="", level=0, start=0, end=len(text), body_start=0)
    plan = Plan(id=plan_id, meta=meta, text=text, source=source, sections=root, chunks=chunks)
    return plan.finalize(CHUNKER)


def cao_bang(version: int = 1) -> Plan:
    return make_plan("kh-726-cao-bang", CAO_BANG_V1 if version == 1 else CAO_BANG_V2)


def hue() -> Plan:
    return make_plan("kh-hue-2024", HUE, title=TITLE_HUE, source="hue.pdf", province="Thừa Thiên Huế", number=None)
