"""Over a ministry's plan written for these tests, whose tasks set out their fields on lines of their own ("Nhiệm vụ 4.
…" over "- Đơn vị chủ trì: …") and whose annex lists its programmes one cell per line: a later part of a question asks of
what the part before it names ("… bao nhiêu lượt và đơn vị nào chủ trì?" is the lead of that task, not of another), a
field line is read with the task it hangs from, and a field set out inside a line ("…; địa điểm: Tromsø, Bergen; …") gives
a value of its kind whatever the gazetteer knows of the names; a year named only as the base of a comparison ("tăng 22% so
với năm 2026") dates no figure of that year; tasks numbered by their kind ("Nhiệm vụ 3.") are the section's items, the
last one asked for by "cuối cùng", and "nó" after it is that task; a row keyed by the country asked ("| 2 | Nhật Bản |
…") answers what its delegation does, however the question words it; "TB 463" is a Thông báo; "… có hiệu lực từ khi
nào, ai ký?" asks the signer of the decision it names; "với Daegu ký ngày nào?" dates a signing with a partner, not the
document."""
from __future__ import annotations

import pytest

from ground import vi
from ingest.structure import parse_sections
from rag.decide.holders import office_asked
from rag.find.lines import labelled_values
from rag.understand.entities import tag
from rag.understand.names import fact_asked, of_place
from rag.understand.question import analyze
from rag.understand.shorthand import expand
from tests.rag.conftest import chat, texts_store

PLAN = """BỘ VĂN HÓA VÀ HỮU NGHỊ ĐÔNG HẢI
Số: 517/KH-BVHĐH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đông Hải, ngày 09 tháng 02 năm 2027

KẾ HOẠCH
Triển khai công tác văn hóa đối ngoại của các đơn vị thuộc Bộ năm 2027 - 2028

I. KẾT QUẢ NĂM 2026
Năm 2026, các đơn vị thuộc Bộ đón 41 đoàn nghệ thuật nước ngoài vào biểu diễn và cử 17 đoàn đi biểu diễn ở nước ngoài.

II. CHỈ TIÊU CHỦ YẾU NĂM 2027
1. Tập huấn kỹ năng văn hóa đối ngoại cho 450 lượt cán bộ, công chức của Bộ và các địa phương.
2. Tổ chức 03 chương trình Tuần phim Việt Nam ở nước ngoài, chi tiết tại Phụ lục.
3. Đón 50 đoàn nghệ thuật nước ngoài vào biểu diễn (tăng khoảng 22% so với năm 2026).

III. NHIỆM VỤ CỤ THỂ
Nhiệm vụ 1. Tổ chức Liên hoan Múa rối quốc tế Đông Hải lần thứ hai với khoảng 12 đoàn nghệ thuật nước ngoài.
- Đơn vị chủ trì: Nhà hát Múa rối Trung ương Đông Hải.
- Đơn vị phối hợp: Cục Nghệ thuật biểu diễn.
- Thời hạn: tháng 10/2027.

Nhiệm vụ 2. Xây dựng chuyên trang "Đông Hải trong mắt bạn bè" bằng 06 ngôn ngữ.
- Đơn vị chủ trì: Trung tâm Thông tin đối ngoại.
- Đơn vị phối hợp: Vụ Hợp tác quốc tế.
- Thời hạn: hoàn thành trong tháng 6/2028.

Nhiệm vụ 3. Tập huấn kỹ năng văn hóa đối ngoại cho cán bộ, công chức của Bộ và các địa phương.
- Đơn vị chủ trì: Trường Cán bộ quản lý văn hóa Đông Hải.
- Đơn vị phối hợp: Vụ Tổ chức cán bộ.
- Thời hạn: 03 lớp mỗi năm, hoàn thành trong tháng 11 hằng năm.

IV. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả thực hiện về Vụ Hợp tác quốc tế trước ngày 15 tháng 12 hằng năm.

PHỤ LỤC
DANH MỤC CHƯƠNG TRÌNH TUẦN PHIM VIỆT NAM Ở NƯỚC NGOÀI
(Kèm theo Kế hoạch số 517/KH-BVHĐH ngày 09/02/2027)
STT
Tên chương trình
Địa điểm
Thời gian
Đơn vị chủ trì
Kinh phí (triệu đồng)
1
Tuần phim Việt Nam tại Na Uy
Tromsø, Bergen
Tháng 4/2027
Cục Điện ảnh Đông Hải
3.100
2
Tuần phim Việt Nam tại Chile
Valparaíso, Concepción
Tháng 9/2027
Cục Điện ảnh Đông Hải
4.250
3
Tuần phim Việt Nam tại Ireland
Dublin, Cork
Tháng 5/2028
Trung tâm Thông tin đối ngoại
3.600

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Hồng Sa
"""

FESTIVAL = """ỦY BAN NHÂN DÂN TỈNH ĐỒI KHÊ
Số: 902/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đồi Khê, ngày 12 tháng 5 năm 2027

QUYẾT ĐỊNH
Ban hành Kế hoạch tổ chức Ngày hội Văn hóa các dân tộc tỉnh Đồi Khê với bạn bè quốc tế năm 2027

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Ngày hội Văn hóa các dân tộc tỉnh Đồi Khê với bạn bè quốc
tế năm 2027.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hứa Văn Tòng

KẾ HOẠCH
I. CÁC ĐOÀN QUỐC TẾ THAM GIA
| STT | Quốc gia | Địa phương cử đoàn | Số thành viên | Nội dung tham gia chính |
| 1 | Lào | Tỉnh Bò Kẹo | 30 | Múa lăm vông, khèn bè |
| 2 | Nhật Bản | Tỉnh Akita | 18 | Trống taiko, múa lễ hội Kanto |
| 3 | Hàn Quốc | Thành phố Andong | 24 | Múa mặt nạ, nhạc cụ truyền thống |
II. KINH PHÍ
Tổng kinh phí tổ chức Ngày hội là 3.200 triệu đồng, gồm:
1. Ngân sách tỉnh: 2.000 triệu đồng, bố trí trong dự toán năm 2027 của Sở Văn hóa, Thể thao và Du lịch.
2. Nguồn xã hội hóa (tài trợ của các doanh nghiệp): 900 triệu đồng.
3. Thu từ cho thuê gian hàng tại khu ẩm thực quốc tế: 300 triệu đồng.
"""

VOLUNTEERS = """Hoạt động tình nguyện quốc tế tại xã Khê Thượng

Từ ngày 2 đến ngày 16/4, đoàn tình nguyện gồm 12 sinh viên người Hà Lan của Tổ chức Tình nguyện quốc tế WV đã dạy
tiếng Anh, tổ chức trò chơi vận động cho học sinh Trường Tiểu học Khê Thượng. Đoàn tình nguyện còn tặng nhà trường 8
bộ bàn ghế trị giá 6 triệu đồng.
"""

YEAR_PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ LAM
Số: 21/KH-UBND
Hà Lam, ngày 15 tháng 01 năm 2028

KẾ HOẠCH
Hành động ngoại giao văn hóa tỉnh Hà Lam năm 2028

I. KẾT QUẢ NĂM 2027
1. Tỉnh đón 512.000 lượt khách quốc tế (chỉ tiêu Đề án là 480.000 lượt), doanh thu từ khách quốc tế đạt 1.410 tỷ đồng.
2. Tổ chức 02 sự kiện văn hóa ở nước ngoài.

II. MỤC TIÊU, CHỈ TIÊU NĂM 2028
1. Du lịch: đón 560.000 lượt khách quốc tế; doanh thu từ khách quốc tế 1.600 tỷ đồng.
2. Văn hóa: tổ chức 03 sự kiện văn hóa ở nước ngoài.
"""

REPORT = """BỘ VĂN HÓA VÀ HỮU NGHỊ ĐÔNG HẢI
Số: 233/BC-BVHĐH
Đông Hải, ngày 30 tháng 4 năm 2027

BÁO CÁO
Kết quả tổ chức Tuần phim Việt Nam tại Na Uy năm 2027

I. THỜI GIAN, ĐỊA ĐIỂM
Thời gian tổ chức: từ ngày 12/4 đến ngày 18/4/2027 tại Tromsø và Bergen.
II. KẾT QUẢ
Tuần phim chiếu 09 bộ phim, thu hút 6.400 lượt khán giả.
"""

tasks = texts_store("tasks", {"dong-hai-bc-233-2027.txt": REPORT, "ha-lam-kh-21-2028.txt": YEAR_PLAN, "dong-hai-kh-517-2027.txt": PLAN, "doi-khe-qd-902-2027.txt": FESTIVAL,
                              "khe-thuong-tinh-nguyen-tin.txt": VOLUNTEERS})


def test_a_later_part_asks_of_the_task_the_part_before_it_names(tasks):
    answer = tasks.ask("Chỉ tiêu tập huấn kỹ năng văn hóa đối ngoại cho cán bộ, công chức là bao nhiêu lượt và đơn vị "
                       "nào chủ trì?")
    assert answer.found and "450" in answer.answer
    assert "Trường Cán bộ quản lý văn hóa Đông Hải" in answer.answer and "Nhà hát Múa rối" not in answer.answer


def test_a_task_s_deadline_is_read_on_the_field_line_under_that_task(tasks):
    answer = tasks.ask("Liên hoan Múa rối quốc tế Đông Hải lần thứ hai tổ chức khi nào, có khoảng bao nhiêu đoàn nước ngoài?")
    assert answer.found and "10/2027" in answer.answer and "12 đoàn" in answer.answer
    assert "tháng 11 hằng năm" not in answer.answer


def test_a_field_inside_a_line_gives_a_value_of_its_kind():
    values = labelled_values("Nhiệm vụ 1: Tuần phim tại Na Uy; chủ trì: Cục Điện ảnh; thời gian: Tháng 4/2027; "
                             "địa điểm: Tromsø, Bergen; kinh phí: 3.100 triệu đồng.")
    assert [(v.kind, v.text) for v in values] == [("agency", "Cục Điện ảnh"), ("date", "Tháng 4/2027"),
                                                   ("place", "Tromsø, Bergen")]
    assert labelled_values("Kinh phí: 3.100 triệu đồng.") == []


def test_an_annex_programme_typed_plainly_is_placed_by_its_own_row(tasks):
    answer = tasks.ask("tuan phim viet nam tai chile to chuc o dau")
    assert answer.found and "Valparaíso" in answer.answer and "Dublin" not in answer.answer


def test_a_year_named_as_the_base_of_a_comparison_dates_no_figure_of_it(tasks):
    answer = tasks.ask("Chỉ tiêu đón đoàn nghệ thuật nước ngoài năm 2027 là bao nhiêu đoàn, năm 2026 đón bao nhiêu?")
    assert answer.found and "50 đoàn" in answer.answer and "41 đoàn" in answer.answer
    assert "Năm 2026: Năm 2026" not in answer.answer


def test_tasks_numbered_by_their_kind_are_the_items_of_their_section():
    root = parse_sections(PLAN)
    tasks_part = next(c for c in root.children if c.heading.startswith("NHIỆM VỤ"))
    assert [c.marker for c in tasks_part.children] == ["Nhiệm vụ 1.", "Nhiệm vụ 2.", "Nhiệm vụ 3."]
    assert all(c.children and c.children[0].marker == "-" for c in tasks_part.children)  # its fields under each


def test_the_last_task_and_its_deadline_asked_in_a_chat(tasks):
    turns = chat(tasks, ["Kế hoạch 517 có mấy nhiệm vụ cụ thể?", "Nhiệm vụ cuối cùng là gì?", "Hạn chót của nó là khi nào?"])
    assert "Tập huấn kỹ năng" in turns[1].answer.answer
    assert turns[2].answer.found and "tháng 11 hằng năm" in turns[2].answer.answer


def test_a_row_of_the_country_asked_answers_what_its_delegation_does_in_a_chat(tasks):
    turns = chat(tasks, ["ngay hoi van hoa cac dan toc Doi Khe co doan Nhat Ban khong, den tu dau?",
                         "ho bieu dien nhung gi?", "the con doan Han Quoc?"])
    assert "Akita" in turns[0].answer.answer and "taiko" in turns[1].answer.answer.lower()
    assert turns[2].answer.found and "Andong" in turns[2].answer.answer and "Akita" not in turns[2].answer.answer


def test_a_document_s_kind_in_its_initials_before_its_number_is_written_out():
    assert expand("Ai ký TB 463?") == "Ai ký thông báo 463?"
    assert expand("bc 231 cua tinh") == "bao cao 231 cua tinh"
    assert expand("tb nào mới nhất") == "tb nào mới nhất"  # no number after it: left as typed


def test_a_signer_asked_after_the_force_of_a_decision_named_by_its_number(tasks):
    answer = tasks.ask("QĐ 902 có hiệu lực từ khi nào, ai ký?")
    assert answer.found and "kể từ ngày ký" in answer.answer and "Hứa Văn Tòng" in answer.answer


@pytest.mark.parametrize("asked, fact", [
    ("Với Daegu ký ngày nào?", "general"),  # a memorandum with a partner: a date the lines give
    ("Hưng Khánh ký thỏa thuận với Daegu ngày nào?", "general"),
    ("Thỏa thuận hợp tác giữa hai tỉnh được ký năm nào?", "general"),
    ("Quyết định 12 ký ngày nào?", "date"),  # the decision's own signing
    ("Kế hoạch phối hợp với Sở Y tế ký ngày nào?", "date"),
])
def test_a_signing_with_a_partner_is_an_event_not_the_document_s_date(asked, fact):
    assert fact_asked(vi.collapse(asked)) == fact


@pytest.mark.parametrize("line, value", [
    ("dự án chế biến thực phẩm trị giá 14 triệu đô-la Mỹ.", "14 triệu đô-la Mỹ"),
    ("Tổ chức phi chính phủ tài trợ 2 triệu euro cho dự án nước sạch.", "2 triệu euro"),
])
def test_a_sum_in_a_foreign_currency_is_a_figure(line, value):
    assert value in [e.text for e in tag(line) if e.kind == "number"]


def test_volunteers_typed_plainly_are_no_unknown_province(tasks):
    answer = tasks.ask("doan tinh nguyen WV lam nhung hoat dong gi cho hoc sinh?")  # "tình nguyện", not "tỉnh Nguyen WV"
    assert answer.found and "trò chơi vận động" in answer.answer


@pytest.mark.parametrize("line, name", [
    ("Ông ONO Masuo (bìa trái) - Tổng Lãnh sự Nhật Bản tại TP. Hồ Chí Minh trao biển tài trợ.", "ONO Masuo"),
    ("Đại sứ Palestine Saadi Salama so sánh khăn rằn Nam bộ với khăn Kefiah.", "Saadi Salama"),
    ("Thống đốc Heita Kawakatsu cho biết tỉnh sẵn sàng hợp tác.", "Heita Kawakatsu"),
])
def test_a_foreign_name_after_a_title_is_a_person_not_the_country(line, name):
    named = [e.text for e in tag(line) if e.kind == "person"]
    assert name in named and "Nhật Bản" not in named and not any(n.startswith("Palestine") for n in named)


def test_a_target_of_the_year_asked_is_read_under_its_year_s_heading(tasks):
    answer = tasks.ask("ke hoach ngoai giao van hoa 2028 cua Ha Lam dat chi tieu khach quoc te bao nhieu?")
    assert answer.found and "560.000" in answer.answer


@pytest.mark.parametrize("question, place, asked", [
    ("Quảng Bình tiếp Tổng Lãnh sự quán Nhật Bản, Bình Định tiếp Đại sứ Ấn Độ: chủ tịch UBND hai tỉnh là ai?", "Bình Định",
     "Bình Định tiếp Đại sứ Ấn Độ: chủ tịch UBND hai tỉnh là ai?"),
    ("Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Kiên Giang và tỉnh Phú Yên lần lượt là ai?", "Phú Yên",
     "Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Phú Yên lần lượt là ai?"),
])
def test_a_question_naming_two_provinces_is_asked_of_each(question, place, asked):
    assert of_place(question, place) == asked


def test_the_office_asked_is_the_one_nearest_the_asking_words():
    asked = "Bình Định tiếp Tổng Lãnh sự quán Trung Quốc, chủ tịch UBND tỉnh tiếp đoàn là ai?"
    assert office_asked(vi.collapse(asked)) == (False, "chu tich")


def test_a_head_of_state_asked_by_name_is_a_person_asked():
    assert analyze("Tổng thống Phần Lan thăm tỉnh năm 2028 tên là gì?").answer_type == "person"


def test_sources_asked_as_a_list_are_the_items_their_line_announces(tasks):
    answer = tasks.ask("Kinh phí tổ chức Ngày hội lấy từ những nguồn nào?")
    assert answer.found and all(k in answer.answer for k in ("2.000 triệu", "900 triệu", "300 triệu"))


def test_a_day_of_every_month_is_a_date():
    assert ("date", "ngày 20 hằng tháng") in [(e.kind, e.text) for e in tag("Thời hạn: trước ngày 20 hằng tháng.")]


def test_an_event_a_report_is_titled_for_is_answered_from_that_report(tasks):
    answer = tasks.ask("Tuần phim Việt Nam tại Na Uy tổ chức khi nào?")
    assert answer.found and "12/4" in answer.answer
