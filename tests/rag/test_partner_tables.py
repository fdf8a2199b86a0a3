"""Questions over texts of kinds written for these tests: a college's yearly exchange plan with a table by partner
country and a line of several fields, a ministry's task annex whose cells wrap over several lines, a town's report
planning the next period's budget, a decision whose number only its annexed rules give, embassy and exchange news
pages, and a festival plan."""
from __future__ import annotations

import pytest

from tests.rag.conftest import assert_answered, chat, texts_store

COLLEGE = """ỦY BAN NHÂN DÂN TỈNH VÂN KIỀU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG CAO ĐẲNG VÂN KIỀU | Độc lập - Tự do - Hạnh phúc
Số: 77/KH-CĐVK | Vân Kiều, ngày 02 tháng 8 năm 2029

KẾ HOẠCH
Hợp tác quốc tế năm học 2029 - 2030

I. KẾT QUẢ NĂM HỌC 2028 - 2029
Năm học 2028 - 2029, Nhà trường cử 30 sinh viên đi trao đổi. Tổng kinh phí thực hiện năm học 2028 - 2029 là 2.150 triệu đồng.

II. CHỈ TIÊU TRAO ĐỔI THEO ĐỐI TÁC
| STT | Quốc gia | Trường đối tác | SV đi | SV đến |
|---|---|---|---|---|
| 1 | Lào | Đại học Savannakhet | 8 | 12 |
| 2 | Hàn Quốc | Đại học Quốc gia Chungnam | 14 | 6 |
| 3 | Nhật Bản | Đại học Toyama | 10 | 4 |

III. NHIỆM VỤ
1. Tổ chức Ngày hội Văn hóa các nước lần thứ 3
Thời gian: ngày 20/11/2029; địa điểm: Sân trung tâm của Trường; quy mô dự kiến 900 lượt người.

IV. KINH PHÍ
- Trao đổi sinh viên: 1.100 triệu đồng.
- Ngày hội Văn hóa các nước: 260 triệu đồng.
- Tổng cộng: 2.480 triệu đồng.
- Nguồn kinh phí: ngân sách tỉnh cấp 1.500 triệu đồng; nguồn thu của Trường 980 triệu đồng.
"""

MINISTRY = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 512/KH-BNNMT | Hà Nội, ngày 09 tháng 3 năm 2029

KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa của ngành nông nghiệp và môi trường giai đoạn 2029 - 2030

PHỤ LỤC
DANH MỤC NHIỆM VỤ
| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Kinh phí (triệu đồng) |
| 1 | Giới thiệu các vườn quốc gia bằng | Cục Bảo tồn thiên | Các vườn quốc gia | 31/12/2030 | 2.600 |
| | ngoại ngữ tại các khu Ramsar và khu | nhiên và Đa dạng | | | (NSNN: 800; |
| | dự trữ sinh quyển | sinh học | | | tài trợ KOICA: |
| | | | | | 1.800) |
| 2 | Tổ chức Tuần Nông sản Việt Nam tại | Cục Chất lượng | Vụ Hợp tác quốc tế | Quý IV/2029 | 3.100 |
| | Paris | | | | (NSNN) |
"""

TOWN = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THỊ XÃ HÀ TRUNG | Độc lập - Tự do - Hạnh phúc
Số: 61/BC-UBND | Hà Trung, ngày 10 tháng 9 năm 2029

BÁO CÁO
Kết quả quan hệ hữu nghị với các địa phương nước ngoài giai đoạn 2020 - 2029 và phương hướng giai đoạn 2030 - 2035

I. KẾT QUẢ
Thị xã Hà Trung kết nghĩa với thị xã Phôn Hồng (Lào) từ năm 2020, đã trao đổi 14 đoàn.

II. PHƯƠNG HƯỚNG GIAI ĐOẠN 2030 - 2035
- Phòng Tài chính - Kế hoạch: bố trí kinh phí đối ngoại hằng năm của thị xã.
- Phòng Văn hóa và Thông tin: chủ trì các hoạt động giao lưu văn hóa.

III. KIẾN NGHỊ
1. Đề nghị Ủy ban nhân dân tỉnh hỗ trợ thị xã kinh phí đối ngoại 900 triệu đồng/năm trong giai đoạn 2030 - 2035.
"""

RULES = """QUYẾT ĐỊNH
Ban hành Quy chế quản lý thống nhất các hoạt động đối ngoại trên địa bàn tỉnh Vân Kiều

UỶ BAN NHÂN DÂN TỈNH VÂN KIỀU

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý thống nhất các hoạt động đối ngoại trên địa bàn tỉnh Vân Kiều.

Điều 2. Quyết định này có hiệu lực thi hành sau 15 ngày kể từ ngày ký ban hành.

TM. UỶ BAN NHÂN DÂN
CHỦ TỊCH
Đã ký
Lương Văn Tịnh

QUY CHẾ
Quản lý thống nhất các hoạt động đối ngoại trên địa bàn tỉnh Vân Kiều
(Ban hành kèm theo Quyết định số: 09/2027/QĐ-UBND ngày 14/5/2027 của Uỷ ban nhân dân tỉnh Vân Kiều)
"""

EMBASSY = """https://www.example-embassy.jp/vn/aid-2029.html
Lễ Ký kết hợp đồng viện trợ cho Dự án xây dựng hệ thống nước sạch tại xã Nà Phặc, tỉnh Vân Kiều năm 2029

Đại sứ quán xin trân trọng thông báo vào ngày 12/12/2029 vừa qua Đại sứ quán đã tiến hành Lễ Ký kết hợp đồng viện trợ cho Dự án xây dựng hệ thống nước sạch tại xã Nà Phặc, tỉnh Vân Kiều cùng 4 dự án khác.

Tổng số tiền viện trợ cho 5 dự án được ký kết lần này lên tới 612 nghìn đô la Mỹ.

Chính phủ Nhật Bản mong muốn các dự án góp phần nâng cao đời sống người dân.
"""

STUDENTS = """Chủ tịch UBND tỉnh Vân Kiều tiếp Đoàn Hội hữu nghị Lào - Việt Nam

Tỉnh Vân Kiều là tỉnh kết nghĩa với tỉnh Bò Kẹo của Lào. Hiện có khoảng 950 các du học sinh Lào đang sinh sống và học tập tại các trường cao đẳng, đại học trên địa bàn tỉnh.

Giám đốc Sở Ngoại vụ tỉnh Vân Kiều, ông Hà Minh Quyết cho biết: "Công tác đối ngoại giữ vị trí quan trọng trong phát triển của tỉnh".
"""

EXCHANGE = """Chương trình Trao đổi Văn hóa Việt Nam - Hàn Quốc hướng tới kỷ niệm quan hệ ngoại giao năm 2032

Theo Bộ Văn hóa, Thể thao và Du lịch, ngày 16/12/2031, tại thủ đô Seoul, Bộ trưởng hai nước đã ký kết Chương trình Trao đổi Văn hóa về các hoạt động kỷ niệm 40 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc vào năm 2032.
"""

FESTIVAL = """ỦY BAN NHÂN DÂN TỈNH VÂN KIỀU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 140/KH-UBND | Vân Kiều, ngày 04 tháng 4 năm 2030

KẾ HOẠCH
Tổ chức Liên hoan Nghệ thuật quốc tế Vân Kiều năm 2030

I. THÀNH PHẦN
- 05 đoàn nghệ thuật quốc tế (khoảng 90 người): Đoàn Nghệ thuật tỉnh Bò Kẹo (Lào); Đoàn Nghệ thuật tỉnh Stung Treng (Campuchia).

II. HOẠT ĐỘNG
- Hội chợ Ẩm thực quốc tế: từ ngày 10/9 đến ngày 12/9/2030, 30 gian hàng tại Quảng trường tỉnh.
"""

CONTEST = """ỦY BAN NHÂN DÂN TỈNH VÂN KIỀU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 233/QĐ-UBND | Vân Kiều, ngày 15 tháng 01 năm 2030

KẾ HOẠCH
Thông tin đối ngoại tỉnh Vân Kiều năm 2030

I. NHIỆM VỤ
1. Cổng Thông tin điện tử
Duy trì chuyên trang tiếng Anh, tiếng Lào trên Cổng Thông tin điện tử tỉnh; xây dựng và vận hành phiên bản tiếng Nhật từ ngày 01 tháng 9 năm 2030.
2. Cuộc thi ảnh “Vân Kiều trong mắt bạn bè”
Thời gian nhận tác phẩm: từ ngày 01 tháng 4 đến hết ngày 31 tháng 7 năm 2030; trao giải vào tháng 9 năm 2030.
Cơ cấu giải thưởng: 01 giải Nhất (25 triệu đồng), 02 giải Nhì (12 triệu đồng/giải) và 08 giải Khuyến khích (02 triệu đồng/giải).

II. TỔ CHỨC THỰC HIỆN
Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng phiên bản tiếng Nhật; thời gian: năm 2030.
"""

store = texts_store("partner-tables", {
    "van-kieu-qd-233-2030-ttdn.txt": CONTEST,
    "van-kieu-cd-kh-77-2029-hop-tac-quoc-te.txt": COLLEGE,
    "bo-nnmt-kh-512-2029-ngoai-giao-van-hoa.txt": MINISTRY,
    "ha-trung-bc-61-2029-ket-nghia.txt": TOWN,
    "van-kieu-qd-09-2027-quy-che-doi-ngoai.txt": RULES,
    "van-kieu-vien-tro-nhat-ban-2029-tin.txt": EMBASSY,
    "van-kieu-du-hoc-sinh-lao-tin.txt": STUDENTS,
    "quoc-gia-trao-doi-van-hoa-han-quoc-2031-tin.txt": EXCHANGE,
    "van-kieu-kh-140-2030-lien-hoan.txt": FESTIVAL,
})


@pytest.mark.parametrize("question,expected", [
    # the total asked by name is the total line, not an item of its table nor the last year's total
    ("Tổng kinh phí KH hợp tác quốc tế năm học 2029-2030 của CĐ Vân Kiều là bao nhiêu, ngân sách tỉnh cấp bao nhiêu?",
     ["2.480", "1.500"]),
    # a later part naming no place asks of the country the part before it names; a school asked is no place
    ("Năm học 2029-2030 CĐ Vân Kiều cử bao nhiêu sinh viên sang Hàn Quốc, trường đối tác nào?", ["Chungnam"]),
    # a line of several fields ("Thời gian: …; địa điểm: …") under the event's heading answers when and where
    ("Ngày hội Văn hóa các nước lần thứ 3 của CĐ Vân Kiều tổ chức khi nào, ở đâu?", ["20/11/2029", "Sân trung tâm"]),
    # a table row whose cells wrap over the lines below it is one row; the ministry by its shorthand
    ("KOICA tài trợ bao nhiêu cho nhiệm vụ giới thiệu các vườn quốc gia của Bộ NN&MT?", ["1.800"]),
    # the decision's number and date from its annexed rules' caption; its effect though a year is asked
    ("Quy chế quản lý thống nhất hoạt động đối ngoại của tỉnh Vân Kiều ban hành kèm quyết định số mấy?",
     ["09/2027/QĐ-UBND"]),
    ("quy che quan ly thong nhat hoat dong doi ngoai van kieu nam 2027 co hieu luc khi nao", ["sau 15 ngày"]),
    # a sum in "đô la Mỹ" names no country: the embassy's page answers of Japan
    ("le ky hop dong vien tro nam 2029 cua dai su quan nhat ban dien ra ngay nao", ["12/12/2029"]),
    ("Tổng số tiền viện trợ cho 5 dự án do Đại sứ quán Nhật Bản ký năm 2029 là bao nhiêu?", ["612 nghìn"]),
    # "1.600 các du học sinh": a figure counts the noun asked with "các" between
    ("Hiện có khoảng bao nhiêu du học sinh Lào đang học tập tại Vân Kiều?", ["950"]),
    # the office asked with the page it is told in
    ("Giám đốc Sở NgV Vân Kiều được trích lời trong bài về tiếp đoàn Hội hữu nghị Lào - Việt Nam là ai?",
     ["Hà Minh Quyết"]),
    # a year the page's day dates (the signing, 16/12/2031) names the event, not the figure's year
    ("chuong trinh trao doi van hoa viet - han ky nam 2031 huong toi ky niem bao nhieu nam quan he ngoai giao",
     ["40 năm"]),
])
def test_answers(store, question, expected):
    assert_answered(store, question, expected)


@pytest.mark.parametrize("question,expected", [
    # two questions after one another, a question mark between them: each part answered
    ("cuoc thi anh Van Kieu trong mat ban be nhan tac pham den ngay nao? giai nhat duoc bao nhieu tien",
     ["31 tháng 7 năm 2030", "25 triệu đồng"]),
    # a task's own words date it, though its record holds no time
    ("Phiên bản tiếng Nhật của Cổng Thông tin điện tử tỉnh Vân Kiều vận hành từ khi nào?", ["01 tháng 9 năm 2030"]),
])
def test_contest_answers(store, question, expected):
    assert_answered(store, question, expected)


def test_an_unaccented_follow_up_keeps_its_asking_words_unaccented(store):
    turns = chat(store, ["Cuộc thi ảnh “Vân Kiều trong mắt bạn bè” có mấy giải Nhì, mỗi giải bao nhiêu?",
                         "con giai khuyen khich?"])
    assert turns[-1].answer.found and "02 triệu đồng/giải" in turns[-1].answer.answer, turns[-1].answer.answer


@pytest.mark.parametrize("question", [
    # a sum of the next period's lines ("900 triệu đồng/năm trong giai đoạn 2030 - 2035") is no sum of a year before it
    "Kinh phí đối ngoại năm 2028 của thị xã Hà Trung là bao nhiêu?",
    # a price asked ("giá thuê") and lines counting stalls only
    "Giá thuê một gian hàng tại Hội chợ Ẩm thực quốc tế Vân Kiều là bao nhiêu?",
    # performers counted: the lines count people of all troupes, not the performers of one
    "Đoàn Nghệ thuật tỉnh Stung Treng sang Vân Kiều gồm bao nhiêu diễn viên?",
    # the source of money asked, of a plan that names no budget at all
    "Kinh phí tổ chức Liên hoan Nghệ thuật quốc tế Vân Kiều năm 2030 được bố trí từ nguồn nào?",
    # one project's sum asked ("riêng"): the total of five is none
    "Riêng dự án nước sạch ở xã Nà Phặc được Nhật Bản viện trợ bao nhiêu đô la?",
    # a foreign partner the texts never name: the lines about another partner answer nothing
    "CĐ Vân Kiều ký thỏa thuận với Đại học Hokkaido của Nhật Bản vào năm nào?",
    # a name asked of an office, a long clause between: a line with the office and no name gives none
    "Chủ tịch Hội hữu nghị Lào - Việt Nam đến làm việc với tỉnh Vân Kiều trong chuyến thăm tên là gì?",
])
def test_not_stated(store, question):
    answer = store.ask(question)
    assert not answer.found, answer.answer


def test_question_readings():
    from rag.decide.money import ASKS_MONEY
    from rag.find.places_named import local_place
    from rag.understand.entities import foreign_places
    from rag.understand.names import parse_query
    from rag.understand.question import analyze

    # a price is a sum of money asked; students counted with a budget's words before them are not
    assert ASKS_MONEY.search(analyze("Giá thuê một gian hàng tại hội chợ là bao nhiêu?").pq.folded)
    assert not ASKS_MONEY.search(analyze("Tỉnh chi trả kinh phí đào tạo cho bao nhiêu lưu học sinh?").pq.folded)
    # "chi phí … vượt 10% thì xử lý thế nào": how it is handled, not a sum
    assert not ASKS_MONEY.search(analyze("neu chi phi chung vuot du toan tren 10% thi xu ly the nao?").pq.folded)
    assert ASKS_MONEY.search(analyze("Kinh phí thế nào?").pq.folded)
    # the source of money asked: a line naming a budget or a source may answer, a line of goals cannot
    from rag.decide.money import unsaid_source
    asked = analyze("Kinh phí kế hoạch được bố trí từ nguồn nào?").pq.folded
    assert unsaid_source(asked, "nguon kinh phi: ngan sach tinh cap 1.500 trieu dong") is None
    assert unsaid_source(asked, "tiep tuc thuc hien hieu qua duong loi doi ngoai doc lap, tu chu") is not None
    # "xã, phường chưa ban hành …" names every commune and ward, not a ward "Chua Ban"
    assert local_place(parse_query("xa phuong chua ban hanh ke hoach phai ban hanh truoc ngay nao")) is None
    assert local_place(parse_query("phuong tan an co bao nhieu doan vien")) == "tan an"
    # a school asked is no place; a currency is no country
    assert analyze("Trường đối tác nào?").answer_type != "place"
    assert analyze("Đối tác nào của tỉnh?").answer_type == "place"
    assert not foreign_places("lên tới 612 nghìn đô la Mỹ")
    assert [e.name for e in foreign_places("hợp tác với Mỹ")] == ["Hoa Kỳ"]


def test_a_follow_up_of_its_own_after_turns_that_found_nothing_is_asked_as_it_stands(store):
    turns = chat(store, ["Kho có bao nhiêu tỉnh đã ban hành quy chế về sân bay?",
                         "còn Ngày hội Văn hóa các nước lần thứ 3 thì tổ chức ở đâu?"])
    assert turns[-1].answer.found and "Sân trung tâm" in turns[-1].answer.answer, turns[-1].answer.answer


def test_the_figure_shown_of_a_long_sentence_is_the_one_counting_the_noun_asked():
    from rag.compose.display import display
    from rag.understand import entities

    body = ("Theo thông báo của Ban tổ chức, đến thời điểm này, có 64 đoàn, trong đó có 2 đoàn quốc tế, 20 đoàn ngoài "
            "tỉnh và 42 đoàn trong tỉnh, đại diện cho các vùng chè nguyên liệu, doanh nghiệp, hợp tác xã cùng 120 cơ sở "
            "sản xuất, chế biến, kinh doanh chè nổi tiếng đã xác nhận tham dự Festival trà Vân Kiều lần thứ ba năm 2029.")

    class Shown:
        def __init__(self) -> None:
            self.body = body
            self.answer_spans = [e for e in entities.tag(body) if e.kind == "number"]

    shown = display(Shown(), "festival tra van kieu nam 2029 co bao nhieu doan tham du", lambda t: 1.0, 160)
    assert "64 đoàn" in shown, shown


def test_a_sum_pointed_back_at_is_the_one_the_last_question_asked(store):
    turns = chat(store, ["Kinh phí KH hợp tác quốc tế năm học 2029-2030 của CĐ Vân Kiều là bao nhiêu?",
                         "ngân sách tỉnh cấp bao nhiêu?", "khoan do dung de lam gi?"])
    assert "ngan sach tinh cap" in (turns[-1].understood or "").lower(), turns[-1].understood
