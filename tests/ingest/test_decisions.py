"""A decision that issues a plan is one document: the decision's number and date, the plan's title, the
plan's sections chunked as a plan, and both numbers known."""
from ingest.decisions import carried_plan_start
from ingest.pipeline import load_plan
from ingest.structure import SIGNATURE_HEADING
from tests.conftest import FIXTURES

DECISION = FIXTURES / "layouts" / "decision_with_plan.txt"


def test_the_decision_and_its_plan_are_one_entry():
    plan = load_plan(DECISION)
    meta = plan.meta
    assert (meta.number, meta.doc_type, meta.date, meta.issuer) == (
        "52/QĐ-UBND", "Quyết định", "2023-02-15", "UBND tỉnh Ninh Bình")
    assert meta.title == "Kế hoạch triển khai chiến lược ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Ninh Bình"
    assert meta.other_numbers == ["31/KH-UBND"] and meta.known_numbers() == ["52/QĐ-UBND", "31/KH-UBND"]
    assert meta.signer == "Trần Song Tùng"
    assert meta.implements == ["2013/QĐ-TTg"]
    assert plan.id == "52-qd-ubnd-ninh-binh"


def test_the_plan_sections_sit_at_the_top_level():
    plan = load_plan(DECISION)
    top = [c.label for c in plan.sections.children]
    plan_sections = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"]
    assert top[-3:] == plan_sections
    # the decision's signature block stays with the decision, before the plan
    assert SIGNATURE_HEADING in " ".join(top[:-3])
    paths = {c.section for c in plan.chunks if c.section}
    assert any(p.startswith("II. NHIỆM VỤ VÀ GIẢI PHÁP") for p in paths)
    assert not any("Điều 3" in p and "NHIỆM VỤ" in p for p in paths)  # plan sections are not nested in Điều 3
    duty = next(c for c in plan.chunks if "Tuần Văn hóa - Du lịch Ninh Bình tại Nhật Bản" in c.text)
    assert duty.section.startswith("II. NHIỆM VỤ VÀ GIẢI PHÁP")
    # every character of the text is in exactly the chunk offsets' order
    assert all(plan.text[c.start:c.end] == c.text for c in plan.chunks)
    assert any(a.agency.startswith("Sở Văn hóa") for a in plan.assignments)


def test_a_decision_without_a_carried_plan_is_left_alone():
    text = DECISION.read_text(encoding="utf-8")
    decision_only = text[:text.index("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH", 10)]
    assert carried_plan_start(decision_only) is None
    assert carried_plan_start("KẾ HOẠCH\nI. MỤC ĐÍCH\nQuảng bá văn hóa.") is None
