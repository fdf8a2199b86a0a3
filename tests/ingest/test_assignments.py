"""Assignment extraction scored against hand-made expected tables of the test-fixture plans."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from ground import vi
from ingest.assignments import (
    Assignment,
    column_role,
    due_by,
    extract_assignments,
    find_deadline,
    parse_deadline,
    role_of,
)
from ingest.clean import clean_text
from ingest.readers import read_document
from ingest.structure import parse_sections
from ingest.tables import linearize_tables

PLANS = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
THRESHOLD = 0.9


def _load_make_docx():
    spec = importlib.util.spec_from_file_location("make_docx", PLANS / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plan_text(path: Path) -> str:
    """The plan text as ingest sees it: read, cleaned, normalised, task tables as sentences (as ingest.pipeline does)."""
    return linearize_tables(vi.normalize(clean_text(read_document(path).text)))


@pytest.fixture(scope="module")
def docx_plan(tmp_path_factory) -> Path:
    return _load_make_docx().write_plan_c(tmp_path_factory.mktemp("plans") / "plan_c_quang_nam.docx")


def _plan(name: str, docx_plan: Path) -> tuple[str, list[Assignment], list[dict]]:
    source = docx_plan if name == "plan_c_quang_nam" else PLANS / f"{name}.txt"
    text = plan_text(source)
    expected = json.loads((PLANS / f"{name}.expected.json").read_text(encoding="utf-8"))["assignments"]
    return text, extract_assignments(text, parse_sections(text)), expected


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _matches(found: Assignment, want: dict) -> bool:
    return found.agency == want["agency"] and found.role == want["role"] and _squash(want["task"]) in _squash(found.task)


def score(found: list[Assignment], expected: list[dict]) -> tuple[float, float, list[tuple[Assignment, dict]]]:
    """Precision and recall of (agency, role, task substring) triples, matched one to one."""
    pairs, free = [], list(found)
    for want in expected:
        hit = next((f for f in free if _matches(f, want)), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((hit, want))
    precision = len(pairs) / len(found) if found else 0.0
    recall = len(pairs) / len(expected) if expected else 0.0
    return precision, recall, pairs


PLAN_NAMES = ["plan_a_lang_son", "plan_b_quang_ninh", "plan_c_quang_nam", "plan_d_can_tho"]


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_precision_and_recall_on_fixture_plans(name: str, docx_plan: Path) -> None:
    _, found, expected = _plan(name, docx_plan)
    precision, recall, pairs = score(found, expected)
    deadline_ok = sum(_squash(f.deadline or "") == _squash(w["deadline"] or "") for f, w in pairs)
    print(f"\n{name}: {len(found)} extracted, {len(expected)} expected, precision {precision:.2f}, "
          f"recall {recall:.2f}, deadlines right {deadline_ok}/{len(pairs)}")
    missed = [w for w in expected if all(w is not p[1] for p in pairs)]
    extra = [f for f in found if all(f is not p[0] for p in pairs)]
    assert precision >= THRESHOLD, [(f.agency, f.role, f.task) for f in extra]
    assert recall >= THRESHOLD, missed
    assert deadline_ok >= THRESHOLD * len(pairs)


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_unknown_agencies_are_kept_verbatim(name: str, docx_plan: Path) -> None:
    text, found, expected = _plan(name, docx_plan)
    unknown = {w["agency"] for w in expected if w.get("known") is False}
    assert unknown, "every fixture names at least one agency outside the table"
    for agency in unknown:
        hits = [f for f in found if f.agency == agency]
        assert hits, agency
        assert all(not f.known_agency and f.agency_raw == agency and agency in text for f in hits)


def test_assignments_point_into_the_plan_and_its_sections(docx_plan: Path) -> None:
    for name in PLAN_NAMES:
        text, found, _ = _plan(name, docx_plan)
        for item in found:
            assert _squash(text[item.start:item.end]) == _squash(item.task)
            assert item.section
    text, found, _ = _plan("plan_a_lang_son", docx_plan)
    sections = {f.section for f in found if f.agency == "Sở Tài chính"}
    assert sections == {"IV. TỔ CHỨC THỰC HIỆN › 4. Sở Tài chính"}
    _, found, _ = _plan("plan_c_quang_nam", docx_plan)
    assert {f.section for f in found if f.agency == "Tỉnh đoàn"} == {
        "PHỤ LỤC II: DANH MỤC CÁC HOẠT ĐỘNG GIAO LƯU NHÂN DÂN"
    }


def test_partners_after_phoi_hop_voi_share_the_task(docx_plan: Path) -> None:
    _, found, _ = _plan("plan_a_lang_son", docx_plan)
    conference = [f for f in found if "Hội nghị sơ kết" in f.task]
    assert {(f.agency, f.role) for f in conference} == {
        ("Sở Ngoại vụ", "chủ trì"), ("Sở Văn hóa, Thể thao và Du lịch", "phối hợp"), ("Báo tỉnh", "phối hợp"),
    }
    assert {f.due_year for f in conference} == {2025}


def test_plan_without_role_statements_gives_no_assignments(samples_dir: Path) -> None:
    # The real Cao Bằng plan sample stops before its duties: "các sở, ban, ngành" appear only in aims.
    text = plan_text(next(samples_dir.glob("001_*.txt")))
    assert extract_assignments(text, parse_sections(text)) == []


def test_round_trip_through_json(docx_plan: Path) -> None:
    _, found, _ = _plan("plan_c_quang_nam", docx_plan)
    for item in found:
        again = Assignment.from_dict(json.loads(json.dumps(item.to_dict(), ensure_ascii=False)))
        assert again == item


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    "written, due_year, period, recurring",
    [
        ("hằng năm", None, None, True),
        ("Hàng năm", None, None, True),
        ("thường xuyên", None, None, True),
        ("Định kỳ 6 tháng", None, None, True),
        ("hằng quý", None, None, True),
        ("trước 31/12/2025", 2025, None, False),
        ("Trước ngày 30 tháng 6 năm 2023", 2023, None, False),
        ("Quý III/2022", 2022, None, False),
        ("Quý IV năm 2023", 2023, None, False),
        ("tháng 6/2023", 2023, None, False),
        ("6 tháng đầu năm 2024", 2024, None, False),
        ("năm 2023", 2023, None, False),
        ("2024", 2024, None, False),
        ("giai đoạn 2022–2025", 2025, (2022, 2025), False),
        ("2022-2025", 2025, (2022, 2025), False),
        ("Từ năm 2022 đến năm 2025", 2025, (2022, 2025), False),
        ("Hằng năm, giai đoạn 2022 - 2025", 2025, (2022, 2025), True),
        ("đến hết năm 2025", 2025, None, False),
        ("từ năm 2023 trở đi", None, None, True),
        ("Sau khi Kế hoạch được phê duyệt", None, None, False),
    ],
)
def test_parse_deadline(written: str, due_year, period, recurring: bool) -> None:
    deadline = parse_deadline(written)
    assert (deadline.text, deadline.due_year, deadline.period, deadline.recurring) == (
        written, due_year, period, recurring,
    )


@pytest.mark.parametrize(
    "sentence, written",
    [
        ("Tổ chức Hội nghị sơ kết, hoàn thành trước 31/12/2025.", "trước 31/12/2025"),
        ("Xây dựng kế hoạch tổ chức lễ hội trong Quý III/2022 tại huyện.", "trong Quý III/2022"),
        ("Tổ chức Tuần văn hóa (thời gian: hằng năm).", "hằng năm"),
        ("Thời gian thực hiện: giai đoạn 2022 - 2025; sản phẩm: báo cáo", "giai đoạn 2022 - 2025"),
        ("Tham mưu bố trí kinh phí thực hiện Kế hoạch hằng năm.", "hằng năm"),
        ("Tổ chức sơ kết 03 năm thực hiện Kế hoạch vào năm 2025.", "vào năm 2025"),
    ],
)
def test_find_deadline_in_a_sentence(sentence: str, written: str) -> None:
    found = find_deadline(sentence)
    assert found is not None and found[0].text == written
    assert sentence[found[1]:found[2]] == written


@pytest.mark.parametrize(
    "sentence",
    [
        "Hướng dẫn các địa phương triển khai Chiến lược Ngoại giao văn hóa đến năm 2030.",
        "Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ.",
        "Quán triệt Chương trình phát triển du lịch giai đoạn 2021 - 2025 tới cán bộ.",
        "Phối hợp với Sở Ngoại vụ đón tiếp các đoàn khách quốc tế.",
    ],
)
def test_titles_and_cited_dates_are_not_deadlines(sentence: str) -> None:
    assert find_deadline(sentence) is None


def _with(deadline: str) -> Assignment:
    d = parse_deadline(deadline)
    return Assignment("Sở Ngoại vụ", "Sở Ngoại vụ", True, "chủ trì", "x", d.text, d.due_year, d.period, d.recurring)


@pytest.mark.parametrize(
    "deadline, year, expected",
    [
        ("trước 31/12/2025", 2025, "due"),
        ("Quý III/2022", 2025, "due"),
        ("năm 2027", 2025, None),
        ("giai đoạn 2022–2025", 2025, "due"),
        ("giai đoạn 2026–2030", 2025, None),
        ("hằng năm", 2025, "recurring"),
        ("Hằng năm, giai đoạn 2022 - 2025", 2025, "recurring"),
        ("Hằng năm, giai đoạn 2022 - 2030", 2025, "recurring"),
        ("Hằng năm, giai đoạn 2026 - 2030", 2025, None),
        ("Sau khi Kế hoạch được phê duyệt", 2025, None),
    ],
)
def test_due_by_separates_due_and_recurring(deadline: str, year: int, expected) -> None:
    assert due_by(_with(deadline), year) == expected


# ---------------------------------------------------------------- roles and tables


@pytest.mark.parametrize(
    "duty, role",
    [
        ("Chủ trì, phối hợp với Sở Ngoại vụ tổ chức Hội nghị", "chủ trì"),
        ("Là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch", "chủ trì"),
        ("Phối hợp với Sở Ngoại vụ (cơ quan chủ trì) đón tiếp đoàn", "phối hợp"),
        ("Chủ động phối hợp tuyên truyền về ngoại giao văn hóa", "phối hợp"),
        ("Tham mưu bố trí kinh phí thực hiện", "thực hiện"),
    ],
)
def test_role_from_wording(duty: str, role: str) -> None:
    assert role_of(duty) == role


@pytest.mark.parametrize(
    "header, role",
    [
        ("STT", "number"), ("TT", "number"), ("Nội dung nhiệm vụ", "task"), ("Tên hoạt động", "task"),
        ("Cơ quan chủ trì", "lead"), ("Đơn vị chủ trì", "lead"), ("Cơ quan phối hợp", "support"),
        ("Đơn vị phối hợp thực hiện", "support"), ("Thời gian thực hiện", "deadline"),
        ("Thời gian hoàn thành", "deadline"), ("Sản phẩm", "other"), ("Đơn vị thực hiện", "agency"),
    ],
)
def test_column_roles_from_header_variants(header: str, role: str) -> None:
    assert column_role(header) == role


def test_table_with_header_variants_and_unknown_cell_text() -> None:
    text = (
        "I. DANH MỤC NHIỆM VỤ\n\n"
        "| TT | Nhiệm vụ | Sản phẩm | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n"
        "| 1 | Tổ chức Ngày Văn hóa Việt Nam tại Lào | Chương trình | Sở VH-TT&DL | Sở NgV; các doanh nghiệp lữ hành | 2023 |\n"
        "| 2 | Quảng bá ẩm thực | Video | Sở Du lịch | | Hằng năm |\n"
    )
    text = linearize_tables(text)  # as the pipeline does
    found = extract_assignments(text, parse_sections(text))
    assert [(f.agency, f.role, f.deadline, f.known_agency) for f in found] == [
        ("Sở Văn hóa, Thể thao và Du lịch", "chủ trì", "2023", True),
        ("Sở Ngoại vụ", "phối hợp", "2023", True),
        ("các doanh nghiệp lữ hành", "phối hợp", "2023", False),
        ("Sở Du lịch", "chủ trì", "Hằng năm", True),
    ]
    assert found[0].task == "Tổ chức Ngày Văn hóa Việt Nam tại Lào"
    assert found[0].section == "I. DANH MỤC NHIỆM VỤ"


def test_a_clause_opening_with_one_of_the_headings_agencies_is_that_agencys_alone() -> None:
    text = ("KẾ HOẠCH\nKiểm tra công tác ngoại giao văn hóa năm 2027\n\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông, Công an tỉnh\n"
            "a) Cử thành viên tham gia Đoàn kiểm tra; Công an tỉnh gửi tên thành viên về Sở Ngoại vụ trước ngày 05/4/2027.\n"
            "b) Sở Văn hóa, Thể thao và Du lịch cung cấp danh mục lễ hội, di tích có hoạt động quốc tế; Sở Thông tin và "
            "Truyền thông cung cấp số liệu tin, bài tuyên truyền đối ngoại; Công an tỉnh cung cấp tình hình người nước "
            "ngoài tạm trú.\n")
    found = extract_assignments(text, parse_sections(text))
    by = {}
    for item in found:
        by.setdefault(item.agency, []).append(item.task)
    assert any("lễ hội, di tích" in t for t in by["Sở Văn hóa, Thể thao và Du lịch"])
    assert not any("tạm trú" in t or "gửi tên" in t for t in by["Sở Văn hóa, Thể thao và Du lịch"])
    assert any("tạm trú" in t for t in by["Công an tỉnh"]) and any("gửi tên" in t for t in by["Công an tỉnh"])
    assert sum("Cử thành viên" in t for ts in by.values() for t in ts) == 3  # the shared duty is each one's


def test_a_section_of_the_bodies_duties_in_a_meetings_conclusions_assigns_them() -> None:
    text = ("THÔNG BÁO\nKết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp\n\n1. Đánh giá chung\n"
            "Các cơ quan đã chủ động triển khai công tác chuẩn bị.\n3. Nhiệm vụ của các cơ quan, đơn vị\n"
            "3.1. Sở Tài chính: thẩm định, tham mưu bổ sung kinh phí 1.200 triệu đồng; trình trước ngày 23/6/2027.\n"
            "3.2. Sở Y tế: phân công 01 kíp cấp cứu trực tại Nhà hát tỉnh; kiểm tra an toàn thực phẩm.\n")
    found = extract_assignments(text, parse_sections(text))
    assert {a.agency for a in found} == {"Sở Tài chính", "Sở Y tế"}
    assert any("kíp cấp cứu" in a.task for a in found if a.agency == "Sở Y tế")


def test_a_clause_that_only_names_partners_or_a_time_completes_the_task_before_it() -> None:
    # "Chủ trì …; phối hợp với …; thời gian: …": one task with its partners and deadline, not three duties
    text = ("CHỈ THỊ\nVề công tác văn hóa đối ngoại\n\nIII. TỔ CHỨC THỰC HIỆN\n2. Sở Ngoại vụ:\n"
            "- Chủ trì tổ chức \"Những ngày văn hóa Sông Lam tại Viêng Chăn\"; phối hợp với Liên hiệp các tổ chức hữu "
            "nghị tỉnh, Sở Văn hóa, Thể thao và Du lịch; thời gian: Quý III/2028.\n"
            "- Chủ trì biên soạn bộ tài liệu giới thiệu tỉnh bằng 05 ngoại ngữ; hoàn thành trước 30/6/2027.\n"
            "3. Liên hiệp các tổ chức hữu nghị tỉnh: chủ trì Diễn đàn hữu nghị nhân dân năm 2027; phối hợp với Sở Ngoại "
            "vụ vận động các tổ chức phi chính phủ nước ngoài tài trợ dự án giáo dục.\n")
    found = extract_assignments(text, parse_sections(text))
    foreign = [a for a in found if a.agency == "Sở Ngoại vụ"]
    assert [(a.role, a.deadline) for a in foreign] == [("chủ trì", "Quý III/2028"), ("chủ trì", "trước 30/6/2027")]
    partners = {a.agency for a in found if a.role == "phối hợp" and "Viêng Chăn" in a.task}
    assert partners == {"Liên hiệp các tổ chức hữu nghị tỉnh", "Sở Văn hóa, Thể thao và Du lịch"}
    # a partners clause that goes on to a task of its own stays the body's own duty
    assert any(a.role == "phối hợp" and "vận động" in a.task for a in found
               if a.agency == "Liên hiệp các tổ chức hữu nghị tỉnh")


REGULATION = """QUY CHẾ
Phối hợp tổ chức lễ hội quốc tế trên địa bàn tỉnh

Chương III
TRÁCH NHIỆM CỦA CÁC CƠ QUAN

Điều 9. Sở Ngoại vụ
1. Hướng dẫn thủ tục đón đoàn nước ngoài.
2. Bố trí phiên dịch tiếng Nhật khi có yêu cầu.

Điều 10. Bộ Chỉ huy Bộ đội Biên phòng tỉnh
1. Có ý kiến đối với lễ hội tổ chức tại khu vực biên giới.
"""

NOTICE = """THÔNG BÁO
Kết luận của Phó Chủ tịch tại cuộc họp chuẩn bị Ngày hội giao lưu

Ngày 05/4/2027, Phó Chủ tịch chủ trì cuộc họp nghe báo cáo công tác chuẩn bị Ngày hội giao lưu.

Tham dự cuộc họp có lãnh đạo các cơ quan: Sở Ngoại vụ; Sở Tài chính; Công an tỉnh.

1. Phân công nhiệm vụ
a) Sở Ngoại vụ: gửi thư mời các đoàn trước ngày 30/4/2027.
"""


def _assigned(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in extract_assignments(text, parse_sections(text)):
        out.setdefault(a.agency, []).append(a.task)
    return out


def test_a_regulations_article_named_for_a_body_assigns_it_the_items_below():
    assigned = _assigned(REGULATION)
    assert any("phiên dịch" in t for t in assigned["Sở Ngoại vụ"])
    assert any("biên giới" in t for t in assigned["Bộ đội Biên phòng tỉnh"])


def test_who_attends_a_meeting_is_not_assigned_the_paragraph_above():
    assigned = _assigned(NOTICE)
    assert "Công an tỉnh" not in assigned and "Sở Tài chính" not in assigned
    assert any("thư mời" in t for t in assigned["Sở Ngoại vụ"])


def test_a_note_on_a_bodys_part_after_its_name_is_not_part_of_the_name():
    text = """3. Phân công nhiệm vụ
a) Sở Văn hóa, Thể thao và Du lịch (cơ quan thường trực):
- Hoàn thiện Đề án tổ chức Ngày hội, trình Ủy ban nhân dân tỉnh trước ngày 30/4/2027.
- Tuyển chọn 20 diễn viên trước ngày 31/5/2027.
"""
    assigned = _assigned(text)
    assert len(assigned["Sở Văn hóa, Thể thao và Du lịch"]) == 2


def test_a_body_a_line_gives_a_task_under_another_bodys_heading_is_assigned_it() -> None:
    """A Party programme's "6. Đảng ủy Ủy ban MTTQ tỉnh" (a body no agency list holds) leads the mass organisations,
    and the same line gives the provincial Youth Union a task of its own."""
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nV. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo Tỉnh ủy\nChủ trì hướng dẫn học tập Nghị quyết.\n"
            "2. Đảng ủy Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\nLãnh đạo Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn đẩy mạnh đối "
            "ngoại nhân dân; Tỉnh đoàn chủ trì \"Trại hè Thanh niên Việt - Lào\"; Hội Nông dân tỉnh chủ trì giao lưu "
            "nông dân biên giới.\n")
    found = extract_assignments(text, parse_sections(text))
    led = {(a.agency, a.task) for a in found if a.role == "chủ trì"}
    assert any(agency == "Tỉnh đoàn" and "Trại hè" in task for agency, task in led)
    assert any(agency == "Hội Nông dân tỉnh" and "giao lưu nông dân" in task for agency, task in led)
