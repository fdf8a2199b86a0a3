"""Over a notice and a news page written for these tests: a sentence opening a section is read with its heading (the fee
under "VI. LỆ PHÍ"), a name after an honour or a degree ("NSND", "PGS.TS.") is a person, and a country spelled by
syllables ("Pê-ru") is the one typed in Latin letters ("peru"); a place the question names is asked about, no answer
("… Vân Khê khai mạc ở đâu?"); a Quy hoạch a decision cites is dated from the citing line, not by the decision's date;
"quyết định bị thay thế đó" is the one the decision replaces, and "văn bản nào lấy X làm căn cứ" the stored one; the
lettered items a line announces end at the next numbered heading; after a person is answered, "tổng duyệt ngày nào?" asks
the document, not the person; a full name answers "ai" before an office the same line names; an event's day is never the
header's dateline."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from rag.compose.display import display
from rag.compose.records import counts_parts
from rag.decide.events import event_named
from rag.decide.places import names_foreign_places
from rag.dialogue.labels import other_document
from rag.dialogue.state import Conversation
from rag.find import sentences
from rag.understand.entities import foreign_places, persons, places, tag
from rag.understand.question import analyze
from rag.understand.shorthand import expand
from tests.rag.conftest import chat, texts_store

NOTICE = """ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ
SỞ NGOẠI VỤ
Số: 212/TB-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Vân Khê, ngày 03 tháng 3 năm 2027

THÔNG BÁO
Tổ chức lớp bồi dưỡng nghiệp vụ lễ tân đối ngoại năm 2027

I. ĐỐI TƯỢNG
Cán bộ, công chức làm công tác đối ngoại của các sở, ban, ngành và Ủy ban nhân dân các xã, phường trên địa bàn tỉnh.

II. THỜI GIAN, ĐỊA ĐIỂM
Lớp học khai giảng lúc 8 giờ 00 ngày 20/4/2027, học trong 05 ngày tại Hội trường Sở Ngoại vụ, số 14 đường Bạch Đằng.
Lớp bồi dưỡng nghiệp vụ lễ tân đối ngoại năm 2027 nhận tối đa 60 học viên, chia thành 02 lớp.

III. NỘI DUNG
Học viên được giới thiệu nghi thức đón tiếp khách nước ngoài, tổ chức chiêu đãi, tặng quà đối ngoại và xử lý tình
huống lễ tân.

IV. LỆ PHÍ
Thực hiện theo Thông tư số 36/2018/TT-BTC: 1.200.000 đồng/học viên/khóa. Cơ quan cử học viên chuyển khoản trước ngày
khai giảng.

V. ĐĂNG KÝ
Các cơ quan gửi danh sách học viên về Phòng Lễ tân, Sở Ngoại vụ trước ngày 10/4/2027. Quy định về tập huấn lễ tân kèm
theo Thông báo này gồm 2 Chương, 9 Điều.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT, LT.
GIÁM ĐỐC
Hà Quang Tuệ
"""

NEWS = """Vân Khê khai mạc Liên hoan nghệ thuật hữu nghị Việt - Lào năm 2027
Tối 12/5, tại Quảng trường Trung tâm tỉnh Vân Khê, Liên hoan nghệ thuật hữu nghị Việt - Lào năm 2027 đã khai mạc với
sự tham gia của 12 đoàn nghệ thuật hai nước.
Chương trình nghệ thuật đêm khai mạc do NSND Vũ Lam làm Tổng Đạo diễn, tái hiện chặng đường 60 năm quan hệ hữu nghị
giữa tỉnh Vân Khê và các tỉnh Bắc Lào.
Liên hoan kéo dài đến hết ngày 15/5 với các hoạt động giao lưu, triển lãm ảnh và trình diễn ẩm thực.
Sau liên hoan, Đoàn Nghệ thuật tỉnh Vân Khê sẽ biểu diễn tại Những ngày Văn hóa Việt Nam tại Pê-ru vào tháng 9/2027.
"""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
Số: 88/QĐ-UBND
Vân Khê, ngày 15 tháng 01 năm 2027

QUYẾT ĐỊNH
Ban hành Kế hoạch xây dựng Vân Khê thành cửa ngõ giao lưu văn hóa với các tỉnh Bắc Lào

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Quyết định số 512/QĐ-TTg ngày 14 tháng 4 năm 2024 của Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Vân Khê
thời kỳ 2021 - 2030, tầm nhìn đến năm 2050;
Theo đề nghị của Giám đốc Sở Ngoại vụ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xây dựng Vân Khê thành cửa ngõ giao lưu văn hóa với các tỉnh Bắc Lào.
Điều 2. Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức thực hiện; báo cáo kết quả trước ngày
15/12/2027.
Điều 3. Quyết định này có hiệu lực từ ngày ký và thay thế Quyết định số 41/2019/QĐ-UBND ngày 02/5/2019 của Ủy ban
nhân dân tỉnh Vân Khê.

CHỦ TỊCH
Hà Minh Đăng
"""

REPORT = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
Số: 301/BC-UBND
Vân Khê, ngày 10 tháng 12 năm 2027

BÁO CÁO
Kết quả thực hiện Kế hoạch ngoại giao văn hóa năm 2027

I. ĐẶC ĐIỂM TÌNH HÌNH
Năm 2027, tỉnh Vân Khê triển khai Kế hoạch ngoại giao văn hóa trong bối cảnh nhiều hoạt động đối ngoại được khôi phục.
Chiều ngày 05/12/2027, Ủy ban nhân dân tỉnh họp đánh giá kết quả thực hiện Kế hoạch với các sở, ngành.
Từ năm 2019 đến nay, Hội hữu nghị Nhật - Việt tỉnh Kagawa đã trao tặng tỉnh Vân Khê hơn 500 cây hoa anh đào.
Tại Đại hội Hội Hữu nghị Việt Nam - Lào tỉnh Vân Khê lần thứ III, nhiệm kỳ 2027 - 2032, các đại biểu đã bầu Ban Chấp hành
gồm 15 vị. Ông Nông Văn Thạch, Ủy viên Ban Chấp hành Trung ương Hội Hữu nghị Việt Nam - Lào, Phó Chủ tịch Hội đồng nhân dân
tỉnh, nguyên Giám đốc Sở Ngoại vụ tỉnh Vân Khê, được bầu tái giữ chức Chủ tịch Hội Hữu nghị Việt Nam - Lào tỉnh Vân Khê,
nhiệm kỳ 2027 - 2032, với số phiếu tín nhiệm tuyệt đối của các đại biểu dự Đại hội.

II. KẾT QUẢ THỰC HIỆN
1. Kết quả chung
Đến ngày 30/11/2027, đã hoàn thành 21/24 nhiệm vụ. 03 nhiệm vụ chưa hoàn thành gồm:
a) Xuất bản sách ảnh "Vân Khê - miền biên viễn" bản tiếng Pháp: nhà in chậm tiến độ, chuyển sang quý I/2028;
b) Khai trương "Không gian Vân Khê" tại Viêng Chăn: đang chờ phía bạn bố trí mặt bằng;
c) Ký kết thỏa thuận hữu nghị với tỉnh Hủa Phăn: phía bạn đề nghị lùi sang quý II/2028.
2. Tổ chức sự kiện
Liên hoan nghệ thuật hữu nghị Việt - Lào được tổ chức từ ngày 12/5 đến ngày 15/5/2027.

3. Chỉ tiêu theo quý

| TT | Chỉ tiêu | Đơn vị tính | Quý I | Quý II | Cả năm |
|---|---|---|---|---|---|
| 1 | Cán bộ được tập huấn nghiệp vụ lễ tân đối ngoại | lượt | 40 | 60 | 100 |
| 2 | Tin, bài bằng tiếng nước ngoài trên Cổng thông tin | tin, bài | 200 | 300 | 500 |

III. TỔ CHỨC THỰC HIỆN
Ban Tổ chức chương trình nghệ thuật tại Viêng Chăn: Trưởng ban là ông Hà Minh Đăng, Chủ tịch UBND tỉnh; Phó Trưởng ban
thường trực là bà Lê Thu Vân, Giám đốc Sở Văn hóa, Thể thao và Du lịch.
Chương trình nghệ thuật tổ chức tổng duyệt ngày 05/9/2028 tại Nhà hát tỉnh và biểu diễn tại Viêng Chăn ngày 12/9/2028.
Triển lãm ảnh "Vân Khê - Hủa Phăn: 60 năm nghĩa tình" được tổ chức tại 03 xã biên giới: Nậm Khê, Pù Vân, Mường Lụa.

Nơi nhận:
- Bộ Ngoại giao;
- Lưu: VT.
CHỦ TỊCH
Hà Minh Đăng
"""

RESOLUTION = """https://thuvienphapluat.example/nghi-quyet-15-2027-nq-hdnd-van-khe
Nghị quyết 15/2027/NQ-HĐND quy định mức chi đón tiếp khách nước ngoài và tổ chức hội nghị quốc tế tại tỉnh Vân Khê
- Số hiệu: 15/2027/NQ-HĐND
- Loại văn bản: Nghị quyết
- Ngày ban hành: 14/07/2027
- Người ký: Lò Minh Khang
- Ngày hiệu lực: 25/07/2027
MỤC LỤC VĂN BẢN
- Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
- Điều 2. Mức chi đón tiếp khách nước ngoài do tỉnh chi toàn bộ
- Điều 3. Mức chi tổ chức hội nghị, hội thảo quốc tế tại tỉnh
- Điều 4. Tổ chức thực hiện
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
Nghị quyết này quy định mức chi đón tiếp khách nước ngoài và tổ chức hội nghị quốc tế trên địa bàn tỉnh Vân Khê.
Điều 2. Mức chi đón tiếp khách nước ngoài do tỉnh chi toàn bộ
Chi mời cơm: khách hạng A tối đa 1.500.000 đồng/suất; khách hạng B tối đa 1.000.000 đồng/suất.
Điều 3. Mức chi tổ chức hội nghị, hội thảo quốc tế tại tỉnh
Chi thuê hội trường, thiết bị theo hợp đồng; chi dịch thuật tối đa 500.000 đồng/trang.
Điều 4. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""

notices = texts_store("notices", {"van-khe-nq-15-2027.txt": RESOLUTION, "van-khe-tb-212-snv-2027.txt": NOTICE, "van-khe-lien-hoan-2027-tin.txt": NEWS,
                                  "van-khe-qd-88-2027.txt": DECISION, "van-khe-bc-301-2027.txt": REPORT})


def _ranked(services, question: str, typed: bool = False) -> list:
    """The candidate sentences of the passages a question retrieves, best first, as the passage answer ranks them."""
    q = analyze(question)
    answerer = services.answerer
    return sentences.rank(q.pq.content or q.text, q.answer_type, answerer.search(q.pq.text), answerer.index.idf,
                          answerer.plan, typed=q.text if typed else "")


@pytest.mark.parametrize("text, name", [
    ("do NSND Vũ Lam làm Tổng Đạo diễn", "Vũ Lam"),
    ("PGS.TS. Khổng Minh Đạt - Tổ trưởng Tổ thẩm định", "Khổng Minh Đạt"),
    ("MC Lương Thu Hà: Trân trọng kính mời", "Lương Thu Hà"),
    ("nghệ nhân Lò Văn Pọm biểu diễn khèn", "Lò Văn Pọm"),
])
def test_a_name_after_an_honour_a_degree_or_a_stage_role_is_a_person(text, name):
    assert name in [e.text for e in persons(text)]


def test_a_fee_under_its_own_heading_answers_how_much_the_course_costs(notices):
    question = "le phi lop boi duong le tan doi ngoai o Van Khe la bao nhieu tien?"
    fee = next(c for c in _ranked(notices, question) if "1.200.000" in c.body)
    assert fee.features["content"] > 0  # its own words are none of the question's: its heading's are
    answer = notices.ask(question)
    assert answer.found and "1.200.000" in answer.answer


def test_the_director_named_by_his_honour_answers_a_later_part_asking_who(notices):
    answer = notices.ask("lien hoan nghe thuat viet lao van khe co bao nhieu doan tham gia, ai lam tong dao dien")
    assert answer.found and "12 đoàn" in answer.answer and "Vũ Lam" in answer.answer


def test_a_country_spelled_by_syllables_is_the_one_typed_in_latin_letters(notices):
    assert [e.name for e in foreign_places("biểu diễn tại Pê-ru")] == ["Peru"]
    assert names_foreign_places("di peru thang may", ["Những ngày Văn hóa Việt Nam tại Pê-ru"])
    assert not names_foreign_places("di peru thang may", ["Những ngày Văn hóa Việt Nam tại Pháp"])
    answer = notices.ask("doan nghe thuat Van Khe sang peru bieu dien vao thang nao?")
    assert answer.found and "9/2027" in answer.answer


def test_the_province_a_question_names_is_no_answer_to_where(notices):
    answer = notices.ask("Liên hoan nghệ thuật hữu nghị Việt - Lào Vân Khê năm 2027 khai mạc ở đâu?")
    assert answer.found and "Quảng trường Trung tâm" in answer.answer
    ranked = _ranked(notices, "Liên hoan nghệ thuật hữu nghị Việt - Lào Vân Khê năm 2027 khai mạc ở đâu?", typed=True)
    assert "Quảng trường Trung tâm" in ranked[0].body  # the title naming only the province states no place asked


def test_a_quy_hoach_the_decision_cites_is_dated_from_the_citing_line(notices):
    answer = notices.ask("quy hoach tinh Van Khe thoi ky 2021 - 2030 duoc Thu tuong phe duyet bang quyet dinh so may, ngay nao?")
    assert answer.found and "512/QĐ-TTg" in answer.answer and "14/4/2024" in answer.answer
    assert "15/01/2027" not in answer.answer and "15/1/2027" not in answer.answer


def test_the_decision_replaced_named_so_is_the_one_the_decision_replaces(notices):
    turns = chat(notices, ["QĐ 88/QĐ-UBND của Vân Khê thay thế quyết định nào?",
                           "quyet dinh bi thay the do ban hanh ngay nao?"])
    assert "41/2019/QĐ-UBND" in turns[0].answer.answer
    assert turns[1].answer.found and "2/5/2019" in turns[1].answer.answer


def test_which_stored_text_takes_a_cited_decision_as_its_ground(notices):
    answer = notices.ask("Văn bản nào trong kho lấy Quyết định 512/QĐ-TTg làm căn cứ?")
    assert answer.found and "88/QĐ-UBND" in answer.answer


def test_the_items_a_line_announces_end_at_the_next_numbered_heading(notices):
    answer = notices.ask("3 nhiem vu ngoai giao van hoa chua hoan thanh cua Van Khe nam 2027 la nhung viec gi?")
    assert answer.found and all(k in answer.answer for k in ("tiếng Pháp", "Không gian Vân Khê", "Hủa Phăn"))
    assert "Tổ chức sự kiện" not in answer.answer


def test_an_event_asked_after_a_person_is_the_document_s_event(notices):
    turns = chat(notices, ["Ban tổ chức chương trình nghệ thuật tại Viêng Chăn của Vân Khê: ai làm trưởng ban?",
                           "pho truong ban thuong truc la ai?", "tong duyet ngay nao?"])
    assert "Lê Thu Vân" in turns[1].answer.answer
    assert turns[2].answer.found and "05/9/2028" in turns[2].answer.answer
    assert "Lê Thu Vân" not in (turns[2].understood or "")  # asked of the report, not of her


def test_a_date_asked_before_what_a_decision_replaces_is_its_own(notices):
    answer = notices.ask("QĐ 88/QĐ-UBND của Vân Khê có hiệu lực từ khi nào và thay thế văn bản nào?")
    assert answer.found and "từ ngày ký" in answer.answer and "41/2019/QĐ-UBND" in answer.answer
    assert "hiệu lực" in answer.points[0].text  # the article dating it, not the replaced decision's date


def test_a_long_line_is_cut_around_the_name_not_the_office_asked():
    body = [line for line in REPORT.replace("\n", " ").split(". ") if "Nông Văn Thạch" in line][0]
    cand = SimpleNamespace(body=body, answer_spans=[e for e in tag(body) if e.kind == "person"])
    shown = display(cand, "ai được bầu làm chủ tịch hội hữu nghị", lambda term: 1.0, 160)
    assert "Nông Văn Thạch" in shown


def test_the_name_elected_is_shown_not_the_office_it_was_elected_to(notices):
    answer = notices.ask("Đại hội Hội Hữu nghị Việt Nam - Lào tỉnh Vân Khê lần thứ III bầu Ban Chấp hành mấy vị, ai được bầu "
                         "làm Chủ tịch?")
    assert answer.found and "Nông Văn Thạch" in answer.answer


def test_a_meeting_s_day_is_read_from_the_text_never_from_its_dateline(notices):
    question = "Báo cáo 301/BC-UBND của Vân Khê: cuộc họp đánh giá kết quả diễn ra ngày nào?"
    answer = notices.ask(question)
    assert answer.found and "05/12/2027" in answer.answer and "10 tháng 12" not in answer.answer
    assert not any(c.body.startswith("Vân Khê, ngày") for c in _ranked(notices, question))  # the header's dateline dates the report


def test_chat_shorthand_for_workers_is_written_out():
    assert expand("còn lđ với sv bên Đài Loan?") == "còn lao động với sinh viên bên Đài Loan?"


def test_a_news_lead_dated_with_a_dot_is_a_date_and_a_sum_is_not():
    assert [e.text for e in tag("BHG - Tối 29.3, tại Quảng trường 26.3, UBND tỉnh tổ chức khai mạc") if e.kind == "date"] \
        == ["Tối 29.3"]
    assert not [e for e in tag("chi tối 2.5 triệu đồng") if e.kind == "date"]


def test_a_day_asked_as_hom_nao_is_not_answered_by_a_year_alone(notices):
    ranked = _ranked(notices, "Liên hoan nghệ thuật hữu nghị Việt - Lào Vân Khê năm 2027 khai mạc vào hôm nào?")
    assert "12/5" in ranked[0].body  # the title's "năm 2027" names no day


@pytest.mark.parametrize("typed, named", [
    ("co doan tinh nao cua lao sang du khong?", ["Lào"]),  # a country typed plainly after "của", "sang", "với" …
    ("ho tro ban lao xay truong", ["Lào"]),
    ("quyen loi cua lao dong", []),  # …unless it opens a word: "lao động"
    ("hop tac voi phap luat", []),
])
def test_a_country_typed_plainly_after_a_preposition_is_the_country(typed, named):
    assert [e.name for e in foreign_places(typed)] == named


def test_the_articles_of_a_decision_are_counted_and_chapters_it_lacks_are_said_missing(notices):
    answer = notices.ask("QĐ 88/QĐ-UBND của Vân Khê có mấy điều?")
    assert answer.found and "3 điều" in answer.answer
    answer = notices.ask("Quy chế kèm theo QĐ 88/QĐ-UBND của Vân Khê có mấy chương, bao nhiêu điều?")
    assert not answer.found and "không nêu số chương" in answer.answer  # the text issues no Quy chế it could count


def test_a_figure_of_one_year_alone_needs_a_line_dated_that_year(notices):
    answer = notices.ask("Hội hữu nghị Nhật - Việt tỉnh Kagawa tặng Vân Khê bao nhiêu cây hoa anh đào?")
    assert answer.found and "500 cây" in answer.answer
    answer = notices.ask("Riêng năm 2027, Hội hữu nghị Nhật - Việt tỉnh Kagawa tặng Vân Khê bao nhiêu cây hoa anh đào?")
    assert not answer.found and not answer.citations  # "từ năm 2019 đến nay" counts every year since


def test_a_record_drawn_up_on_a_day_is_dated_by_its_dateline(notices):
    answer = notices.ask("Báo cáo 301/BC-UBND về kết quả ngoại giao văn hóa của Vân Khê được lập ngày nào?")
    assert answer.found and ("10/12/2027" in answer.answer or "10 tháng 12 năm 2027" in answer.answer)


def test_places_listed_after_their_kind_and_a_colon_answer_where(notices):
    assert [e.text for e in places("tại 04 xã ven biển: Cửa Đông, Bãi Ngọc, Ghềnh An")] == ["Cửa Đông", "Bãi Ngọc", "Ghềnh An"]
    answer = notices.ask("Triển lãm ảnh Vân Khê - Hủa Phăn được tổ chức tại những xã nào?")
    assert answer.found and "Nậm Khê" in answer.answer and "Mường Lụa" in answer.answer


def test_a_law_library_field_list_dates_signs_and_brings_into_force_the_text(notices):
    answer = notices.ask("Nghị quyết 15/2027/NQ-HĐND của Vân Khê do ai ký, ban hành ngày nào và có hiệu lực từ ngày nào?")
    assert answer.found and all(k in answer.answer for k in ("Lò Minh Khang", "14/07/2027", "25/07/2027"))


def test_the_article_ruling_on_a_thing_is_named_by_its_heading(notices):
    answer = notices.ask("nq 15/2027 van khe dieu nao quy dinh muc chi hoi nghi quoc te?")
    assert answer.found and "Điều 3" in answer.answer and "Điều 2" not in answer.answer


def test_an_event_s_name_ends_where_a_relative_clause_begins():
    assert event_named("Triển lãm ảnh mà Vân Khê mang sang Lào năm 2027 tên là gì?") == ("trien lam anh", ["anh"])


def test_a_scheme_pointed_back_at_is_the_one_the_last_answer_named_not_the_plan():
    context = Conversation(points=[{"text": "Nghiên cứu, xây dựng Đề án quảng bá hình ảnh tỉnh Vân Khê ra nước ngoài giai "
                                            "đoạn 2026 - 2030, trình Ủy ban nhân dân tỉnh trong tháng 12/2024. [1]"}])
    assert other_document(context, "Đề án đó") == "Đề án quảng bá hình ảnh tỉnh Vân Khê ra nước ngoài giai đoạn 2026 - 2030"


@pytest.mark.parametrize("asked, heads", [
    ("quy che co may chuong, bao nhieu dieu", "chương"),
    ("nam 2024 la nam thu may chuong trinh", None),  # a programme, not a chapter
    ("phai dap ung may dieu kien", None),
    ("chiem may phan tram", None),
])
def test_only_chapters_articles_and_parts_are_counted_as_heads(asked, heads):
    assert counts_parts(asked) == heads


def test_a_place_typed_plainly_ends_before_the_words_asking_when(notices):
    answer = notices.ask("van khe ky thoa thuan voi thanh pho angers ngay nao?")
    assert "angers ngay" not in answer.answer.lower()


def test_a_table_row_in_the_unit_asked_answers_how_many(notices):
    question = "bao cao 301 cua van khe: tap huan le tan doi ngoai bao nhieu luot can bo?"
    answer = notices.ask(question)
    assert answer.found and "100" in answer.answer
    assert "tập huấn nghiệp vụ lễ tân" in _ranked(notices, question)[0].body
    row = "Lượt cán bộ được bồi dưỡng: đơn vị tính: lượt; quý I: 0; quý II: 120; cả năm: 200; cơ quan chịu trách nhiệm: Sở Ngoại vụ."
    _, found = sentences.features_of(row, ["boi", "duong"], ["boi duong"], "number", lambda term: 1.0, 0.0, 0, 0.8, set(),
                                     False, False, asked_syllables=["luot", "can", "bo"], counted="luot")
    assert "200" in [e.text for e in found]  # its figures are in the unit asked, which the row names once


def test_a_line_stating_the_chapters_counts_them_where_no_heading_does(notices):
    answer = notices.ask("Quy định về tập huấn lễ tân kèm Thông báo 212 của Sở Ngoại vụ Vân Khê gồm mấy chương, mấy điều?")
    assert answer.found and "2 Chương" in answer.answer


def test_an_article_named_by_its_number_is_quoted_from_the_text(notices):
    answer = notices.ask("Điều 2 của Nghị quyết 15/2027/NQ-HĐND Vân Khê quy định gì?")
    assert answer.found and "1.500.000" in answer.answer  # its body, not the table of contents' line alone
    turns = chat(notices, ["Nghị quyết 15/2027/NQ-HĐND của Vân Khê quy định về việc gì?", "dieu 3 noi ve cai gi?"])
    assert "500.000 đồng/trang" in turns[1].answer.answer
