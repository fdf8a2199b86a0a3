"""A steering committee's members, a table read as one row per member ("Ông X: chức vụ, đơn vị công tác: …; chức danh
trong Ban Chỉ đạo: Trưởng ban."): the row's key holds the office its last field names, a deputy's row holds another;
"ủy viên nào …" asks a member, by name, not the duties of the committee."""
from rag.compose import structured
from rag.decide.holders import holder_named
from rag.understand.question import analyze

ASKED = "Ai làm Trưởng ban Chỉ đạo ngoại giao văn hóa tỉnh Sa Ngàn?"


def test_the_member_keying_a_row_holds_the_office_it_names():
    head = "Ông Lục Văn Đạt: chức vụ, đơn vị công tác: Chủ tịch UBND tỉnh; chức danh trong Ban Chỉ đạo: Trưởng ban."
    deputy = "Bà Mai Thu Hà: chức vụ, đơn vị công tác: Giám đốc Sở Ngoại vụ; chức danh trong Ban Chỉ đạo: Phó Trưởng ban."
    assert holder_named((False, "truong ban"), head, ASKED)
    assert not holder_named((False, "truong ban"), deputy, ASKED)
    assert holder_named((True, "truong ban"), deputy, ASKED.replace("Trưởng ban", "Phó Trưởng ban"))


def test_a_member_asked_is_a_person_not_a_body_s_duties():
    q = analyze("Trong Ban Chỉ đạo, ủy viên nào chịu trách nhiệm tham mưu bố trí kinh phí?")
    assert q.answer_type == "person" and not structured.asks_duties(q)


def test_the_head_of_another_department_is_no_holder_of_the_one_asked():
    line = "Tổ công tác do đồng chí Đinh Quang Hiển - Giám đốc Sở Ngoại vụ làm Tổ trưởng."
    assert not holder_named((False, "giam doc"), line, "Giam doc So Tai chinh tinh Sa Ngan ten la gi?")
    assert holder_named((False, "giam doc"), line, "Giám đốc Sở Ngoại vụ tên là gì?")
    assert holder_named((False, "giam doc"), line, "Giám đốc Sở NgV tên là gì?")  # (a body shortened: no word to compare)
