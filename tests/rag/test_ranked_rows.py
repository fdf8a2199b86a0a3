"""Over a plan written for these tests with a budget table in its Phụ lục: a row asked for by its rank ("khoản chi nào lớn
nhất") is the table's row that is largest by the measure asked, not the line sharing most of the question's words."""
from __future__ import annotations

from rag.compose.superlatives import ranked_row_asked
from tests.rag.conftest import texts_store

PLAN = """ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ
Số: 77/KH-UBND
Vân Khê, ngày 10 tháng 9 năm 2027

KẾ HOẠCH
Đón tiếp Đoàn đại biểu cấp cao nước ngoài thăm tỉnh Vân Khê năm 2027

I. MỤC ĐÍCH, YÊU CẦU
Tổ chức đón tiếp trọng thị, chu đáo, an toàn Đoàn đại biểu cấp cao nước ngoài; quảng bá hình ảnh tỉnh.

II. KINH PHÍ
Kinh phí thực hiện từ ngân sách tỉnh, chi tiết tại Phụ lục.

Phụ lục
DỰ TOÁN KINH PHÍ
Đơn vị tính: triệu đồng

| TT | Nội dung chi | Kinh phí | Đơn vị thực hiện |
|---|---|---|---|
| 1 | Thuê xe đưa đón đoàn | 64 | Sở Ngoại vụ |
| 2 | Chiêu đãi trọng thị | 168 | Văn phòng UBND tỉnh |
| 3 | Trang trí, cờ hai nước, pano | 210 | Sở Văn hóa, Thể thao và Du lịch |
| 4 | Biên dịch, phiên dịch | 36 | Sở Ngoại vụ |
| | Tổng cộng | 478 | |
"""

store = texts_store("ranked-rows", {"van-khe-kh-77-2027-don-doan-cap-cao.txt": PLAN})


def test_the_largest_row_of_the_table_answers_which_is_largest(store):
    a = store.ask("Khoản chi nào lớn nhất trong dự toán đón đoàn cấp cao, bao nhiêu tiền?")
    assert a.found and "Trang trí" in a.answer and "210" in a.answer and "Chiêu đãi" not in a.answer
    least = store.ask("khoan chi nao it nhat trong du toan don doan?")
    assert least.found and "Biên dịch" in least.answer


def test_a_rank_is_asked_of_a_row_not_of_a_thing_s_description():
    assert ranked_row_asked("khoan chi nao lon nhat") == "most"
    assert ranked_row_asked("nam nao giai ngan it nhat") == "least"
    assert ranked_row_asked("nguon kieu hoi lon nhat den tu nuoc nao") == "most"
    assert ranked_row_asked("chuong trinh chinh phuc hang dong lon nhat the gioi dien ra ngay nao") is None



NEWS = """https://laodong.example.vn/lam-ha-dang-ky-xuat-khau-lao-dong
Lam Hà: 1.310 người đăng ký thi tiếng Hàn

Từ ngày 10 đến ngày 13/9/2026, Sở Nội vụ tỉnh Lam Hà tiếp nhận đăng ký dự thi tiếng Hàn theo chương trình EPS.
Kết quả, toàn tỉnh có 1.310 người đăng ký. Trong đó: Tân Lập 402 người; Phú Lâm 288 người; Đồng Sơn 517 người; Hà Bắc 103 người.
"""

news = texts_store("ranked-inline", {"lam-ha-dang-ky-thi-tieng-han-2026-tin.txt": NEWS})


def test_the_largest_of_an_inline_list_answers_which_has_most(news):
    answer = news.answerer.ask("Huyện nào của Lam Hà có nhiều người đăng ký thi tiếng Hàn nhất và là bao nhiêu người?")
    assert answer.found and "Đồng Sơn" in answer.answer and "517" in answer.answer, answer.answer
    assert "Tân Lập" not in answer.answer
