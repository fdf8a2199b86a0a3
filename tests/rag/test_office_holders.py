"""An office's holder asked by name ("Tổng lãnh sự … tên gì?", "Tỉnh trưởng tỉnh X tên là gì?") over news pages written
for these tests: the line naming the holder beside the office answers, not the page's lead with the office alone, and
a place the store never names is still refused."""
from __future__ import annotations

import pytest

from ground import vi
from rag.understand import entities
from rag.understand.question import analyze
from tests.rag.conftest import texts_store

CONSULATE = """Tổng lãnh sự quán Việt Nam tại Osaka kỷ niệm 80 năm Quốc khánh
Cập nhật: 03/09/2025

Ngày 30/8, Tổng lãnh sự quán Việt Nam tại thành phố Osaka, Nhật Bản, tới dâng hoa tại tượng đài Chủ tịch Hồ Chí Minh
ở công viên Hồ Chí Minh và tổ chức lễ kỷ niệm 80 năm Quốc khánh nước CHXHCN Việt Nam (02/9/1945 – 02/9/2025).

Tại buổi lễ, Tổng lãnh sự Việt Nam tại Osaka Đoàn Thị Hương Lan ôn lại chặng đường 80 năm xây dựng đất nước và cảm ơn
các địa phương vùng Kansai đã hỗ trợ cộng đồng người Việt.

Dự lễ có hơn 200 khách mời, trong đó có đại diện chính quyền tỉnh Osaka, các doanh nghiệp và hội người Việt.
"""

BORDER = """Lãnh đạo tỉnh Trà Sơn chúc Tết tỉnh Battambang
Ngày 12/4/2026, đoàn công tác tỉnh Trà Sơn do Phó Chủ tịch UBND tỉnh Vương Đình Khải dẫn đầu đã sang chúc Tết cổ truyền
Chôl Chnăm Thmây Ủy ban Hành chính tỉnh Battambang (Vương quốc Campuchia). Tại buổi tiếp, ngài Chhun Sokha - Tỉnh trưởng
tỉnh Battambang cảm ơn tình cảm của lãnh đạo và nhân dân tỉnh Trà Sơn, mong hai tỉnh mở rộng giao lưu văn hóa, giáo dục.
"""

NEW_YEAR = """Nhiều tỉnh của Vương quốc Campuchia sang chúc Tết tỉnh Trà Sơn
Nhân dịp Tết cổ truyền của dân tộc Việt Nam - Xuân Bính Ngọ năm 2026, những ngày qua, nhiều tỉnh của Vương quốc
Campuchia tổ chức đoàn công tác do tỉnh trưởng hoặc phó tỉnh trưởng làm Trưởng đoàn, sang chúc Tết, tặng hoa, quà cho
chính quyền, lực lượng vũ trang và nhân dân tỉnh Trà Sơn.
Sau lời chúc mừng năm mới gửi đến lãnh đạo tỉnh, ông Sok Vannarith, Phó Tỉnh trưởng tỉnh Pursat mong muốn, trên tinh
thần hợp tác cùng phát triển, hai tỉnh sẽ tăng cường hợp tác trên các lĩnh vực kinh tế, văn hóa - xã hội.
Lãnh đạo tỉnh Trà Sơn cảm ơn các đoàn và tặng quà lưu niệm.
"""

GUIDE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH TRÀ SƠN | Độc lập - Tự do - Hạnh phúc
Số: 1046/SNgV-LS | Trà Sơn, ngày 10 tháng 3 năm 2027

HƯỚNG DẪN
Quy trình đón đoàn khách nước ngoài vào tỉnh Trà Sơn

| STT | Bước | Nội dung | Chủ trì | Thời hạn |
| 1 | Cho chủ trương đón đoàn | Nhóm A do Chủ tịch hoặc Phó Chủ tịch UBND tỉnh cho ý kiến; Nhóm B, Nhóm C do Giám đốc Sở Ngoại vụ có văn bản thống nhất | Sở Ngoại vụ trình UBND tỉnh | Trước 15 ngày |
| 2 | Xây dựng chương trình đón | Chương trình làm việc, lễ tân, hậu cần | Sở Ngoại vụ | Trước 10 ngày |
"""


stored = texts_store("office-holders", {"tlsq-osaka-quoc-khanh-80-tin.txt": CONSULATE,
                                        "tra-son-chuc-tet-battambang-tin.txt": BORDER,
                                        "tra-son-sngv-hd-1046-2027-don-doan.txt": GUIDE,
                                        "campuchia-chuc-tet-tra-son-2026-tin.txt": NEW_YEAR})


@pytest.mark.parametrize("text, names", [
    pytest.param("Tổng lãnh sự Việt Nam tại Osaka Đoàn Thị Hương Lan ôn lại", ["Đoàn Thị Hương Lan"], id="no_title_before"),
    pytest.param("tại thành phố Hồ Chí Minh và Hà Nội", [], id="a_city_named_by_its_kind"),
    pytest.param("trên đường Trần Hưng Đạo, bờ Thái Bình Dương", [], id="a_street_and_an_ocean"),
    pytest.param("Bí thư Tỉnh ủy Giàng Páo Mỷ thăm tỉnh bạn", ["Giàng Páo Mỷ"], id="a_hmong_surname"),
    pytest.param("Báo cáo viên: Thượng tá Sầm Văn Lực, Phó Chỉ huy trưởng", ["Sầm Văn Lực"], id="a_rank_then_a_rare_surname"),
])
def test_a_vietnamese_full_name_is_a_person_without_a_title(text, names):
    assert [e.text for e in entities.tag(text) if e.kind == "person" and e.text[0].isupper()
            and not e.text.startswith(("Bí thư", "Tổng"))] == names


def test_an_office_asked_by_name_asks_for_a_person():
    assert analyze("Tổng lãnh sự Việt Nam tại Osaka tên gì?").answer_type == "person"
    assert analyze("Tỉnh trưởng tỉnh Battambang tên là gì?").answer_type == "person"
    assert analyze("Hội thảo quốc tế năm nay có tên là gì?").answer_type != "person"  # an event's name, not a person's


@pytest.mark.parametrize("question, said", [
    pytest.param("Tổng lãnh sự Việt Nam tại Osaka tên gì?", "Đoàn Thị Hương Lan", id="the_line_naming_the_holder_not_the_lead"),
    pytest.param("Tỉnh trưởng tỉnh Battambang tên là gì?", "Chhun Sokha", id="a_foreign_governor_after_ngai"),
    pytest.param("Dịp Tết cổ truyền Xuân Bính Ngọ năm 2026, Phó Tỉnh trưởng tỉnh Pursat sang chúc Tết nhân dân tỉnh Trà Sơn tên là gì?",
                 "Sok Vannarith", id="the_holder_below_a_lead_that_names_the_office_and_no_one"),
])
def test_the_holder_is_named(stored, question, said):
    answer = stored.answerer.answer(question)[0]
    assert answer.found and said in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    pytest.param("Tổng lãnh sự Việt Nam tại Fukuoka tên gì?", id="a_place_the_store_never_names"),
    pytest.param("Giám đốc Sở Ngoại vụ tỉnh Trà Sơn tên là gì?", id="a_task_record_naming_the_office_and_no_one"),
])
def test_an_office_no_text_names_the_holder_of_is_refused(stored, question):
    answer = stored.answerer.answer(question)[0]
    assert not answer.found and not answer.citations, answer.answer


@pytest.mark.parametrize("shown", [
    pytest.param("Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Ngoại vụ, Công Thương, Tài chính; Chủ tịch UBND phường Bến "
                 "Ngân chịu trách nhiệm thi hành.", id="offices_and_bodies_listed"),
    pytest.param("Nhóm B do Giám đốc Sở Ngoại vụ có văn bản thống nhất theo ủy quyền của tỉnh Vân Trạch.",
                 id="an_office_beside_a_province"),
])
def test_a_capitalised_place_or_body_beside_the_office_is_no_holder(shown):
    from ground import vi
    from rag.decide.holders import holder_named, office_asked

    asked = "Giám đốc Sở Ngoại vụ tỉnh Ngân Sương tên là gì?"
    assert not holder_named(office_asked(vi.collapse(asked)), shown, asked)


@pytest.mark.parametrize("asked, shown, named", [
    pytest.param("giam doc so ngoai vu lai chau la ai?", "Giám đốc Sở Ngoại vụ, Phó Chủ tịch Liên hiệp các tổ chức hữu "
                 "nghị tỉnh Lai Châu, ông Đặng Quang Tuấn cho biết: \"Công tác đối ngoại\"", True,
                 id="the_name_after_a_long_run_of_titles"),
    pytest.param("ai lam truong doan", "Đoàn công tác của tỉnh Lộc Điền do đồng chí Hà Văn Khải, Ủy viên T.Ư Đảng, Bí thư "
                 "Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh làm Trưởng đoàn đã có chuyến thăm", True, id="titles_with_an_abbreviation"),
    pytest.param("Tổng lãnh sự Việt Nam tại Osaka tên gì?", "Ngày 30/8, Tổng lãnh sự quán Việt Nam tại thành phố Osaka "
                 "tới dâng hoa tại tượng đài Chủ tịch Hồ Chí Minh ở công viên Hồ Chí Minh", False,
                 id="the_consulate_and_a_monument"),
])
def test_the_holder_beside_the_office(asked, shown, named):
    from ground import vi
    from rag.decide.holders import holder_named, office_asked

    assert holder_named(office_asked(vi.collapse(asked)), shown, asked) is named


@pytest.mark.parametrize("asked, shown, named", [
    pytest.param("ban chi dao ngvh hac linh truong ban la ai", "Ông Khúc Minh Triết, Chủ tịch UBND tỉnh - Trưởng ban;",
                 True, id="an_honorific_then_a_rarer_surname"),
    pytest.param("Giám đốc Sở Ngoại vụ tỉnh Mộc Hương tên là gì?", "Nơi nhận: - Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n"
                 "Trần Thị Hạnh", False, id="signed_on_the_heads_behalf"),
])
def test_who_holds_the_office_and_who_signs_for_it(asked, shown, named):
    from ground import vi
    from rag.decide.holders import holder_named, office_asked

    assert holder_named(office_asked(vi.collapse(asked)), shown, asked) is named


def test_a_name_on_the_line_before_the_office_is_not_its_holder():
    from ground import vi
    from rag.decide.holders import holder_named, office_asked

    asked = "Giám đốc Sở Ngoại vụ tỉnh Mộc Hương tên là gì?"
    shown = ("• Ông Somsak Phanit, Chủ tịch Hội Hữu nghị Thái Lan - Việt Nam tỉnh Khon Kaen.\n"
             "Giám đốc Sở Ngoại vụ tặng Giấy khen cho 06 tập thể và 09 cá nhân.")
    assert not holder_named(office_asked(vi.collapse(asked)), shown, asked)


def test_a_holder_named_ahead_of_a_run_of_other_titles_holds_the_office():
    from rag.decide.holders import holder_named, office_asked

    asked = "chu tich uy ban MTTQ tinh Lam Giang dong chu tri hoi nghi la ai?"
    office = office_asked(vi.collapse(asked))
    line = ("Đồng chủ trì hội nghị về phía Việt Nam do bà Lê Thị Vệ, Ủy viên Ủy ban Trung ương MTTQ Việt Nam, Ủy viên Ban "
            "Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lam Giang chủ trì")
    assert office is not None and holder_named(office, line, asked)
    assert not holder_named(office, "Ông Trần Văn An phát biểu. Chủ tịch Ủy ban MTTQ tỉnh Lam Giang chủ trì.", asked)


def test_the_director_of_another_body_is_no_holder_of_the_police_directors_office():
    from rag.decide.holders import holder_named, office_asked

    asked = "Giám đốc Công an tỉnh Sa Lam là ai?"
    office = office_asked(vi.collapse(asked))
    assert office is not None
    assert not holder_named(office, "Đồng chí Mẫn Thị Hoài Thu, Giám đốc Sở Ngoại vụ; Xa Văn Tuấn, Giám đốc Sở VHTTDL", asked)
    assert holder_named(office, "Đại tá Nguyễn Văn Tâm, Giám đốc Công an tỉnh chủ trì buổi làm việc.", asked)


SPOKE = """Khai mạc Hội nghị quốc tế về ruộng bậc thang lần thứ 5 tại Trà Sơn
Sáng 20/11, tại thành phố Trà Sơn, Hội nghị quốc tế về ruộng bậc thang lần thứ 5 đã khai mạc với sự tham dự của hơn 200
nhà khoa học. Bà Nông Thị Lụa, Phó Chủ tịch Ủy ban nhân dân tỉnh Trà Sơn, thay mặt Ban tổ chức cho biết việc tổ chức Hội
nghị quốc tế về ruộng bậc thang ở Trà Sơn là một sự kiện đối ngoại quan trọng, giúp tỉnh quảng bá di sản ra thế giới.
"""
FOUNDED = """Thành lập Ban tổ chức Hội nghị quốc tế về ruộng bậc thang lần thứ 5
UBND tỉnh Trà Sơn vừa ban hành quyết định thành lập Ban tổ chức Hội nghị quốc tế về ruộng bậc thang lần thứ 5. Theo đó,
bà Nông Thị Lụa, Phó Chủ tịch UBND tỉnh làm Trưởng Ban. Hội nghị sẽ có các phiên thảo luận và khảo sát thực địa.
"""
committee = texts_store("office-holders-committee", {"tra-son-khai-mac-hoi-nghi-ruong-bac-thang-tin.txt": SPOKE,
                                                     "tra-son-thanh-lap-ban-to-chuc-hoi-nghi-tin.txt": FOUNDED})


def test_the_line_naming_the_office_asked_beats_a_better_scored_line_naming_the_person_in_another_office(committee):
    answer = committee.answerer.answer("Ai làm Trưởng Ban tổ chức Hội nghị quốc tế về ruộng bậc thang ở Trà Sơn?")[0]
    assert answer.found and "làm Trưởng Ban" in answer.answer, answer.answer


def test_an_events_name_is_no_body_and_an_assistant_holds_no_office():
    from rag.decide.holders import holder_named, office_asked
    office = office_asked("hoi nghi hop tac dau tu co bo truong nao du")
    assert office is not None
    question = "Hội nghị hợp tác đầu tư có Bộ trưởng nào dự?"
    assert holder_named(office, "Tham dự có Phó Chủ tịch Quốc hội Nguyễn Khắc Định, Bộ trưởng Bộ Công thương Nguyễn "
                                "Hồng Diên, Thứ trưởng Nguyễn Minh Vũ.", question)
    assert not holder_named(office, "Tại Hà Nội, Trợ lý Bộ trưởng Ngoại giao Đỗ Hùng Việt đã tiếp đoàn.", question)
