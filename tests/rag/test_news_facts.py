"""Facts a news page tells in its own sentences: since when, a follow-up turning to another page, a sum of one firm
among several (texts written for these tests)."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

VOLUNTEERS = """https://giaoduc.example.vn/tin/giao-vien-tinh-nguyen-day-tieng-anh
Ngày đăng: 12/9/2026
Tổ chức Bridges for Learning (BFL) là tổ chức phi chính phủ của New Zealand chuyên đưa giáo viên tình nguyện đến các nước đang phát triển. Bà Helen Morrow, Giám đốc BFL khu vực châu Á, cho biết tổ chức đã đưa 212 giáo viên đến 27 trường ở Việt Nam.
Tại Việt Nam, BFL đã hợp tác với Bộ Giáo dục và Đào tạo từ năm 2004. Năm học 2026-2027, 18 giáo viên tình nguyện của BFL sẽ dạy tiếng Anh tại các trường trung học phổ thông ở Lam Hà và Thạch Uyên.
Các giáo viên được bố trí chỗ ở miễn phí và nhận trợ cấp sinh hoạt từ nhà trường.
Ngày 11/9/2026, Bộ Giáo dục và Đào tạo tổ chức gặp mặt, hợp tác cùng tổ chức BFL đón các giáo viên tình nguyện năm học mới.
"""

store = texts_store("news-facts", {"quoc-gia-bfl-giao-vien-tinh-nguyen-2026-tin.txt": VOLUNTEERS})


def test_since_when_is_answered_by_the_year_a_cooperation_began(store):
    answer = store.answerer.ask("Tổ chức BFL hợp tác với Bộ Giáo dục và Đào tạo từ năm nào?")
    assert answer.found and "2004" in answer.answer, answer.answer


LOST_A = """https://tintuc.example.vn/tim-thay-hai-du-khach-phap-lac-rung
UBND xã Mường Lạn cho biết lực lượng cứu hộ đã tìm thấy 2 du khách người Pháp sau gần một ngày bị lạc trong rừng thuộc Khu bảo tồn Pù Lạn.
Khoảng 14h ngày 3/10/2026, anh Lò Văn Tâm, hướng dẫn viên, nhận tin nhắn cầu cứu của hai du khách báo bị lạc ở bản Nậm Khòn.
Ngay sau đó, UBND xã huy động công an, dân quân và kiểm lâm tổ chức tìm kiếm; đến 9h sáng 4/10, hai du khách được đưa ra khỏi rừng an toàn.
"""

LOST_B = """https://tintuc.example.vn/tim-thay-du-khach-han-quoc-lac-deo-gio
Tối 9/11/2026, lực lượng chức năng cho biết đã tìm thấy du khách Hàn Quốc bị lạc khi leo núi đèo Gió từ chiều cùng ngày.
Công an xã Đèo Gió nhận tin báo từ khách sạn Mây Ngàn về việc một du khách người Hàn Quốc không trở về sau chuyến leo núi.
Đến 22 giờ cùng ngày, tổ tìm kiếm của Công an xã Đèo Gió đã tìm thấy du khách trong tình trạng sức khỏe ổn định.
"""

lost = texts_store("lost-tourists", {"muong-lan-du-khach-phap-lac-rung-2026-tin.txt": LOST_A,
                                     "deo-gio-du-khach-han-quoc-lac-2026-tin.txt": LOST_B})


def test_a_follow_up_turning_to_a_subject_the_chat_never_named_is_asked_on_its_own(lost):
    from tests.rag.conftest import chat

    turns = chat(lost, ["Hai du khách Pháp bị lạc ở Khu bảo tồn Pù Lạn tại bản nào?",
                        "Lực lượng nào tham gia tìm kiếm?",
                        "Còn du khách bị lạc khi leo núi đèo Gió thì ai tìm thấy?"])
    last = turns[-1].answer
    assert last.found and "Công an xã Đèo Gió" in last.answer, last.answer
    assert last.citations[0].source.startswith("deo-gio")


INVESTORS = """https://kinhte.example.vn/lam-ha-trao-chung-nhan-dau-tu-han-quoc
Lam Hà trao chứng nhận đầu tư cho ba doanh nghiệp Hàn Quốc

Tại hội nghị xúc tiến đầu tư Lam Hà - Hàn Quốc tháng 10/2026, tỉnh Lam Hà đã trao giấy chứng nhận đăng ký đầu tư cho Công ty KOVINA đầu tư dự án tại khu công nghiệp Tân Lập, tổng vốn đầu tư 45 triệu USD; Công ty JH&P đầu tư dự án tại khu công nghiệp Phú Lâm, tổng vốn đầu tư 8 triệu USD; Công ty TNHH DAEWON TECH đầu tư dự án tại cụm công nghiệp Đồng Sơn.
Các dự án dự kiến tạo việc làm cho khoảng 3.000 lao động địa phương.
"""

investors = texts_store("investors", {"lam-ha-trao-chung-nhan-dau-tu-han-quoc-2026-tin.txt": INVESTORS})


def test_a_sum_asked_of_a_firm_whose_clause_gives_none_is_not_the_other_firms_sum(investors):
    """The clause of DAEWON TECH gives no capital; the sums beside it are KOVINA's and JH&P's."""
    answer = investors.answerer.ask("cong ty TNHH DAEWON TECH dau tu vao Lam Ha bao nhieu von?")
    assert not answer.found and not answer.citations, answer.answer
    own = investors.answerer.ask("Công ty KOVINA đầu tư vào Lam Hà bao nhiêu vốn?")
    assert own.found and "45 triệu USD" in own.answer, own.answer


REPORT = """https://tinbiengioi.example.vn/lam-ha-dang-ky-thi-tieng-han
Lam Hà: 1.310 người đăng ký dự thi tiếng Hàn

Từ ngày 10 đến ngày 13/9/2026, Sở Nội vụ tỉnh Lam Hà đã tiếp nhận đăng ký dự thi tiếng Hàn theo chương trình EPS.
Kết quả sau 04 ngày, toàn tỉnh có 1.310 người đăng ký, trong đó huyện Tân Lập 402 người.

 Đặng Thu Hương
"""

ARTICLE = """https://baodoingoai.example.vn/ket-nghia-cum-dan-cu-lam-ha
Kết nghĩa cụm dân cư - điểm sáng hợp tác biên giới của Lam Hà

Thu Nguyệt
Phòng Quản lý Biên giới, Sở Ngoại vụ Lam Hà
Lam Hà có 6 xã biên giới; từ năm 2016 các xã đã kết nghĩa với các thôn bản bên kia biên giới, trao đổi học sinh và
giáo viên mỗi năm học.
"""

report = texts_store("bylines", {"lam-ha-dang-ky-thi-tieng-han-2026-tin.txt": REPORT,
                                 "lam-ha-ket-nghia-cum-dan-cu-bien-gioi-tin.txt": ARTICLE})


def test_a_page_s_writer_is_its_byline_kept_at_its_foot(report):
    answer = report.answerer.ask("Bài tin Lam Hà 1.310 người đăng ký dự thi tiếng Hàn do ai viết?")
    assert answer.found and "Đặng Thu Hương" in answer.answer, answer.answer


def test_a_pen_name_at_a_page_s_head_over_the_body_its_writer_works_for_is_its_byline(report):
    answer = report.answerer.ask("Bài kết nghĩa cụm dân cư của Lam Hà do ai viết, người đó ở phòng nào?")
    assert answer.found and "Thu Nguyệt" in answer.answer and "Phòng Quản lý Biên giới" in answer.answer, answer.answer


def test_overseas_vietnamese_asked_of_are_no_writer_asked(report):
    from rag.compose.bylines import _ASKS_WRITER
    from rag.understand.question import analyze

    assert not _ASKS_WRITER.search(analyze("Có hoạt động gì dành cho các gia đình người Việt gốc Lào?").pq.folded)
    assert _ASKS_WRITER.search(analyze("Bài tin này do ai viết?").pq.folded)
