"""Near misses answered by another of their kind, on texts written for these tests: a briefing page counting the
citizens of one country asked about another's, a report's project list asked about another commune, a page on one
term asked about the next, a two-part figure of a year the page never gives; a party steering board's plan whose
appendix table wraps its cells onto the next lines under a "---+---" rule; a partner province abroad no text writes."""
from __future__ import annotations

import pytest

from ground.numbers import find_numbers
from ingest.emblems import emblem_owner
from ingest.table_layouts import header_columns
from ingest.tables import linearize_tables
from rag.decide.rivals import rival_named
from rag.understand.entities import foreign_places
from rag.understand.question import analyze, split_parts
from tests.rag.conftest import chat, texts_store

BRIEFING = """Công dân Việt Nam tại khu vực Nam Á vẫn an toàn

Chiều 14-8, tại họp báo thường kỳ, người phát ngôn Bộ Ngoại giao cho biết Bộ đã ra thông báo khuyến cáo công dân Việt
Nam không đến Lebanon và Syria trong thời điểm hiện nay.

Theo Đại sứ Trần Văn Hòa, cộng đồng người Việt Nam ở Nepal có khoảng 150 người, sống chủ yếu tại thủ đô Kathmandu.
Đại sứ quán đã lập đường dây nóng để hỗ trợ công dân khi cần thiết.
"""

REPORT = """LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH VÂN KHÊ
Số: 41/BC-LHHN                                 Vân Khê, ngày 10 tháng 12 năm 2026

BÁO CÁO
Kết quả công tác đối ngoại nhân dân năm 2026

I. KẾT QUẢ VẬN ĐỘNG VIỆN TRỢ
Trong năm, Liên hiệp vận động được 04 dự án viện trợ phi chính phủ nước ngoài, gồm:
1. Dự án "Nước sạch cho trường học" – Tổ chức Clean Cup – Hoa Kỳ – 210.000 USD – xã Suối Ngàn;
2. Dự án "Y tế cơ sở" – Quỹ Hòa bình Shiga – Nhật Bản – 305.000 USD – xã Pà Lạng;
3. Dự án "Sinh kế phụ nữ" – Tổ chức Nordic Care – Đan Mạch – 150.000 USD – xã Bản Khiêng;
4. Dự án "Thư viện xanh" – Tổ chức Read Well – Úc – 88.000 USD – phường Vân Khê.

II. KẾT QUẢ BẦU CỬ
Tại Đại hội lần thứ III, ông Lò Văn Thắm được bầu làm Chủ tịch Liên hiệp nhiệm kỳ 2022-2027 với 96/101 phiếu.

Trại hè hữu nghị Vân Khê 2025 quy tụ 45 thanh niên từ 6 nước. Trại hè hữu nghị Vân Khê 2026 quy tụ 52 thanh niên
từ 8 nước.

Quan hệ hữu nghị với tỉnh Xay Ni A Bun (Lào) được duy trì, hai bên ký biên bản ghi nhớ năm 2024.

TM. BAN THƯỜNG TRỰC
CHỦ TỊCH
Lò Văn Thắm
"""

store = texts_store("rivals", {"bng-nam-a-tin.txt": BRIEFING, "van-khe-bc-41-2026.txt": REPORT})


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Cộng đồng người Việt tại Syria có khoảng bao nhiêu người?",  # the page counts those in Nepal
    "Có dự án nào của Nhật Bản ở xã Bản Khiêng không, bao nhiêu tiền?",  # Nhật Bản's is in xã Pà Lạng
    "Chủ tịch Liên hiệp Vân Khê nhiệm kỳ 2017-2022 được bầu với bao nhiêu phiếu?",  # the votes are of 2022-2027
    "Trại hè hữu nghị Vân Khê 2024 quy tụ bao nhiêu thanh niên, từ mấy nước?",  # 2025 and 2026 only
    "Vân Khê ký biên bản ghi nhớ với tỉnh Phông Sa Lỳ năm nào?",  # a partner province no text writes
])
def test_a_near_miss_answered_by_another_of_its_kind_is_refused(store, question):
    answer = store.answerer.ask(question)
    assert not answer.found and not answer.citations, answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(("question", "value"), [
    ("Cộng đồng người Việt ở Nepal có khoảng bao nhiêu người?", "150"),
    ("Có dự án nào của Nhật Bản ở xã Pà Lạng không, bao nhiêu tiền?", "305.000"),
    ("Chủ tịch Liên hiệp Vân Khê nhiệm kỳ 2022-2027 được bầu với bao nhiêu phiếu?", "96/101"),
    ("Trại hè hữu nghị Vân Khê 2026 quy tụ bao nhiêu thanh niên, từ mấy nước?", "52"),
    ("Vân Khê ký biên bản ghi nhớ với tỉnh Xay Ni A Bun năm nào?", "2024"),
])
def test_the_one_asked_is_still_answered(store, question, value):
    answer = store.answerer.ask(question)
    assert answer.found and value in answer.answer, answer.answer


@pytest.mark.slow
def test_there_after_a_country_is_that_country(store):
    turns = chat(store, ["Bộ Ngoại giao khuyến cáo công dân không đến những nước nào?", "còn Nepal thì sao?",
                         "người Việt ở đó có bao nhiêu?"])
    assert "Nepal" in turns[-1].resolution.question_understood and "150" in turns[-1].answer.answer


def test_a_rival_needs_the_asked_one_missing_and_one_of_its_kind_shown():
    q = analyze("Cộng đồng người Việt tại Syria có khoảng bao nhiêu người?")
    assert rival_named(q, "cộng đồng người Việt Nam ở Nepal có khoảng 150 người", "")
    assert rival_named(q, "người Việt ở Syria có khoảng 20 người, ở Nepal 150", "") is None
    assert rival_named(q, "cộng đồng có khoảng 150 người", "") is None  # no other country: not a rival
    term = analyze("Chủ tịch nhiệm kỳ 2021-2026 được bầu với bao nhiêu phiếu?")
    assert rival_named(term, "ông A được bầu nhiệm kỳ 2016-2021 với 90 phiếu", "")
    assert rival_named(term, "được bầu với 90 phiếu", "Báo cáo nhiệm kỳ 2021-2026") is None  # the document's own term


def test_a_place_typed_plainly_before_a_year_is_no_chinese_province():
    assert foreign_places("chi tieu khach quoc te den lung van nam 2028 la bao nhieu") == []
    assert [e.name for e in foreign_places("tinh van nam trung quoc")][:1] == ["Vân Nam"]
    assert [e.name for e in foreign_places("công dân ở Lebanon")] == ["Lebanon"]


def test_a_last_which_after_a_comma_asks_a_part_of_its_own():
    assert split_parts("tong kinh phi don doan bao nhieu, lay tu nguon nao") == [
        "tong kinh phi don doan bao nhieu", "lay tu nguon nao"]


STEERING = """TỈNH ỦY HOÀNG SA LÂM                      ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHỈ ĐẠO CÔNG TÁC
THÔNG TIN ĐỐI NGOẠI                      Hoàng Sa Lâm, ngày 02 tháng 12 năm 2026
Số 14-KH/BCĐTTĐN

KẾ HOẠCH
công tác thông tin đối ngoại năm 2027

Ban Chỉ đạo công tác thông tin đối ngoại tỉnh xây dựng Kế hoạch công tác năm 2027 như sau:
"""

APPENDIX = """TT  | Nhiệm vụ                                 | Chủ trì                | Thời hạn
----+------------------------------------------+------------------------+-------------
1   | Quán triệt Kế hoạch                      | Sở Ngoại vụ            | Quý I/2027
2   | Xây dựng trang thông tin tiếng Anh,       | Bộ Chỉ huy Bộ đội Biên | Quý II/2027
    | tiếng Nhật                               | phòng tỉnh             |
3   | Giao lưu dịp Tết Nguyên đán              | Liên hiệp các tổ chức  | Hằng năm
    |                                          | hữu nghị tỉnh          |
"""


def test_a_steering_boards_number_and_its_name_over_two_lines():
    assert [n.number for n in find_numbers(STEERING)] == ["14-KH/BCĐTTĐN"]
    owner = emblem_owner(STEERING)
    assert owner is not None and owner.issuer == "Ban Chỉ đạo công tác thông tin đối ngoại Tỉnh ủy Hoàng Sa Lâm"


def test_an_appendix_table_with_cells_wrapped_under_their_columns_reads_row_by_row():
    rows = linearize_tables(header_columns(APPENDIX))
    assert "Nhiệm vụ 2: Xây dựng trang thông tin tiếng Anh, tiếng Nhật; chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh; " \
           "thời gian: Quý II/2027." in rows
    assert "chủ trì: Liên hiệp các tổ chức hữu nghị tỉnh; thời gian: Hằng năm." in rows


def test_a_phase_or_the_whole_period_asks_the_same_of_it():
    from rag.dialogue.frames import swapped_day

    assert swapped_day("giai đoạn 2 thì sao?", "Đề án giai đoạn 1 đặt mục tiêu bao nhiêu cặp bản kết nghĩa?") == \
        "Đề án giai đoạn 2 đặt mục tiêu bao nhiêu cặp bản kết nghĩa?"
    assert swapped_day("còn cả giai đoạn?", "Chỉ tiêu khách quốc tế năm 2027 là bao nhiêu?") == \
        "Chỉ tiêu khách quốc tế cả giai đoạn là bao nhiêu?"


def test_a_heading_in_capitals_and_a_persons_name_name_no_country():
    assert foreign_places("LƯU Ý") == []
    assert foreign_places("bà Mai Thị Thúy Nga, Phó Chủ tịch") == []
    assert [e.name for e in foreign_places("Bộ trưởng Ngoại giao Canada Mélanie Joly")] == ["Canada"]


def test_another_agency_asked_never_takes_the_place_of_the_documents_owner():
    from rag.dialogue.resolve import resolve
    from rag.dialogue.state import Conversation

    ctx = Conversation(question="Thanh tra Bộ trong Kế hoạch 1203/KH-BHTVH của Bộ Hợp tác Văn hóa?", found=True)
    understood = resolve("còn Vụ Pháp chế?", ctx).question_understood
    assert understood.startswith("Vụ Pháp chế có nhiệm vụ gì") and "Thanh tra Bộ" not in understood


def test_a_continent_is_no_country_and_the_documents_title_says_the_country_asked():
    from rag.decide.rivals import rival_named
    from rag.understand.entities import foreign_places

    assert [e.name for e in foreign_places("các nước châu Á, châu Âu, châu Mỹ")] == ["châu Âu"]
    q = analyze("Liên hoan ẩm thực các đại sứ quán ở Séc có bao nhiêu cơ quan đại diện tham gia?")
    lines = "Ngày 12/5, Đại sứ quán cùng 39 cơ quan đại diện của các nước châu Á, châu Âu, châu Mỹ đã tham gia Liên hoan."
    assert rival_named(q, lines, 'Việt Nam tham gia chương trình "ngoại giao ẩm thực" ở Séc') is None


def test_an_item_of_another_length_is_another_item():
    line = "Tổng giá trị giải thưởng: 680 triệu đồng; giải Nhất nội dung 500 m hỗn hợp quốc tế: 120 triệu đồng."
    assert rival_named(analyze("Giải Nhất nội dung 200 m được thưởng bao nhiêu tiền?"), line, "") == "thông tin về 200 m"
    assert rival_named(analyze("Giải Nhất nội dung 500 m được thưởng bao nhiêu tiền?"), line, "") is None
