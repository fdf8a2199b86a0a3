"""Facts a news page tells in its own sentences: since when, how a page titled by its own lead answers (texts written
for these tests)."""
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


def test_a_page_titled_by_its_lead_answers_from_that_lead(store):
    """No heading: the page is titled by its first sentence, whose words are still what it says."""
    answer = store.answerer.ask("Tổ chức phi chính phủ nào của New Zealand đưa giáo viên tình nguyện đến các nước đang phát triển?")
    assert answer.found and "Bridges for Learning" in answer.answer, answer.answer
