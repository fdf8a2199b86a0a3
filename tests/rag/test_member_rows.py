"""A steering committee's members, a table read as one row per member ("Ông X: chức vụ, đơn vị công tác: …; chức danh
trong Ban Chỉ đạo: Trưởng ban."): the row's key holds the office its last field names, a deputy's row holds another;
"ủy viên nào …" asks a member, by name, not the duties of the committee."""
from rag.compose import structured
from rag.decide.holders import holder_named
from rag.understand.question import analyze
from tests.rag.conftest import texts_store

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


COUNCIL = """ỦY BAN NHÂN DÂN
TỈNH SA NGÀN
Số: 2204/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sa Ngàn, ngày 05 tháng 3 năm 2027

QUYẾT ĐỊNH
Về việc thành lập Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SA NGÀN

QUYẾT ĐỊNH:

Điều 1. Thành lập Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn (sau đây gọi là Hội đồng).

Điều 2. Thành phần Hội đồng
Hội đồng gồm 04 thành viên, trong đó:
1. Chủ tịch Hội đồng: Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách lĩnh vực đối ngoại.
2. Phó Chủ tịch thường trực: Giám đốc Sở Ngoại vụ.
3. Các ủy viên: đại diện lãnh đạo Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch, Liên hiệp các tổ chức hữu nghị tỉnh.
(Danh sách thành viên kèm theo Quyết định này.)

Điều 3. Nhiệm vụ của Chủ tịch Hội đồng
1. Chủ tịch Hội đồng chủ trì các phiên họp xét tặng, ký biên bản và tờ trình đề nghị tặng Kỷ niệm chương.
2. Chủ tịch Hội đồng và Phó Chủ tịch thường trực Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn chịu trách nhiệm trước Ủy ban nhân dân tỉnh về kết quả xét tặng.

Điều 4. Nhiệm vụ của Phó Chủ tịch thường trực
1. Phó Chủ tịch thường trực điều hành công việc thường xuyên của Hội đồng khi Chủ tịch Hội đồng vắng mặt.
2. Chủ tịch Hội đồng và Phó Chủ tịch thường trực Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn chịu trách nhiệm trước Ủy ban nhân dân tỉnh về hồ sơ xét tặng.

Điều 5. Nhiệm vụ của các ủy viên
1. Các ủy viên nghiên cứu hồ sơ, phát biểu ý kiến và bỏ phiếu tại phiên họp của Hội đồng.
2. Chủ tịch Hội đồng và Phó Chủ tịch thường trực Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn chịu trách nhiệm trước Ủy ban nhân dân tỉnh về ý kiến của mình.

Điều 6. Nguyên tắc làm việc
1. Hội đồng làm việc theo nguyên tắc tập thể, quyết định theo đa số; Chủ tịch Hội đồng có ý kiến quyết định khi số phiếu ngang nhau.
2. Chủ tịch Hội đồng và Phó Chủ tịch thường trực Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn chịu trách nhiệm trước Ủy ban nhân dân tỉnh về nguyên tắc làm việc.

Điều 7. Kinh phí hoạt động
1. Kinh phí hoạt động của Hội đồng do ngân sách tỉnh bảo đảm trong dự toán của Sở Ngoại vụ.
2. Chủ tịch Hội đồng và Phó Chủ tịch thường trực Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn chịu trách nhiệm trước Ủy ban nhân dân tỉnh về việc sử dụng kinh phí.

Điều 8. Quyết định này có hiệu lực kể từ ngày ký.

CHỦ TỊCH
Lục Văn Đạt

DANH SÁCH THÀNH VIÊN HỘI ĐỒNG
(Kèm theo Quyết định số 2204/QĐ-UBND ngày 05/3/2027 của Chủ tịch UBND tỉnh Sa Ngàn)

| TT | Họ và tên | Chức vụ, đơn vị công tác | Chức danh trong Hội đồng |
|---|---|---|---|
| 1 | Bà Hầu Thị Nguyệt | Phó Chủ tịch UBND tỉnh | Chủ tịch Hội đồng |
| 2 | Ông Lò Minh Khiêm | Giám đốc Sở Ngoại vụ | Phó Chủ tịch thường trực |
| 3 | Ông Sần Văn Páo | Phó Giám đốc Sở Nội vụ | Phó Chủ tịch |
| 5 | Bà Giàng Thị Dở | Trưởng phòng Lễ tân, Sở Ngoại vụ | Ủy viên kiêm Thư ký |
| 4 | Bà Tẩn Thị Mỷ | Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh | Ủy viên |
"""

council = texts_store("council-members", {"sa-ngan-qd-2204-2027-hoi-dong-ky-niem-chuong.txt": COUNCIL})


def test_the_holder_of_a_council_role_is_the_member_list_s_row_not_the_article_naming_the_office(council):
    """The article says which office chairs ("Phó Chủ tịch UBND tỉnh …"); the list after the signature says who."""
    chair = council.answerer.ask("Ai làm Chủ tịch Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn?")
    assert chair.found and "Hầu Thị Nguyệt" in chair.answer, chair.answer
    standing = council.answerer.ask("pho chu tich thuong truc hoi dong xet tang ky niem chuong sa ngan la ai")
    assert standing.found and "Lò Minh Khiêm" in standing.answer and "Hầu Thị Nguyệt" not in standing.answer


def test_a_later_part_asking_who_holds_a_role_is_answered_by_the_member_row(council):
    answer = council.answerer.ask("Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn có bao nhiêu thành viên,"
                                  " ai làm Chủ tịch Hội đồng?")
    assert answer.found and "04 thành viên" in answer.answer and "Hầu Thị Nguyệt" in answer.answer, answer.answer


def test_a_deputy_team_leader_asked_is_an_office_whose_holder_a_line_must_name():
    from rag.decide.holders import office_asked

    asked = "Ai là Tổ phó Tổ giúp việc của Hội đồng?"
    office = office_asked(analyze(asked).pq.folded)
    assert office == (False, "to pho")
    assert not holder_named(office, "Giúp việc cho Hội đồng có Tổ giúp việc gồm 05 công chức, do Ủy viên kiêm Thư ký làm"
                                    " Tổ trưởng.", asked)
    assert holder_named(office, "Ông Mạc Văn Toàn, Giám đốc Sở Ngoại vụ – Tổ phó, phụ trách lễ tân;", asked)


def test_every_deputy_and_the_secretary_held_with_another_office_are_read_from_their_rows(council):
    deputies = council.answerer.ask("Ai là Phó Chủ tịch Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn?")
    assert deputies.found and "Lò Minh Khiêm" in deputies.answer and "Sần Văn Páo" in deputies.answer, deputies.answer
    secretary = council.answerer.ask("Ai là Thư ký Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn?")
    assert secretary.found and "Giàng Thị Dở" in secretary.answer, secretary.answer


def test_the_member_a_body_sends_is_its_row_and_a_body_with_no_row_sends_no_one(council):
    sent = council.answerer.ask("Sở Nội vụ cử ai vào Hội đồng xét tặng Kỷ niệm chương vì tình hữu nghị tỉnh Sa Ngàn?")
    assert sent.found and "Sần Văn Páo" in sent.answer and "Hầu Thị Nguyệt" not in sent.answer, sent.answer
    none = council.answerer.ask("Ai là đại diện Sở Tài chính trong Hội đồng xét tặng Kỷ niệm chương tỉnh Sa Ngàn?")
    assert not none.found and not none.citations, none.answer
