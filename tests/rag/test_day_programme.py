"""A plan's programme by day ("Ngày 15/9/2029 (Thứ Bảy):" over its hours), on a text written for these tests: a day
asked is answered with that day's programme, not the days around it nor the year's tasks."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGÀN SƠN
Số: 88/KH-UBND
Ngàn Sơn, ngày 05 tháng 6 năm 2029

KẾ HOẠCH
Tổ chức Những ngày Văn hóa Ngàn Sơn tại Vienna, Cộng hòa Áo năm 2029

I. MỤC ĐÍCH
Quảng bá văn hóa, du lịch tỉnh Ngàn Sơn tới bạn bè Áo và cộng đồng người Việt tại Áo.

II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch xây dựng kịch bản chương trình, trình UBND tỉnh trước ngày 20/7/2029.
2. Sở Ngoại vụ hoàn thành thủ tục đoàn ra trước ngày 25/8/2029.
3. Sở Công Thương chọn 10 doanh nghiệp tham gia gian hàng trước ngày 15/8/2029.

III. CHƯƠNG TRÌNH THEO NGÀY
Ngày 14/9/2029 (Thứ Sáu): Đoàn khởi hành từ Ngàn Sơn đi Vienna; tối: họp đoàn tại khách sạn ở Vienna.
Ngày 15/9/2029 (Thứ Bảy):
- 09h00 - 11h00: Khai mạc trưng bày tranh dân gian Ngàn Sơn tại Nhà Văn hóa quận 7.
- 15h00 - 17h00: Tọa đàm về du lịch cộng đồng với các hãng lữ hành Áo.
Ngày 16/9/2029 (Chủ Nhật): Giao lưu với cộng đồng người Việt tại Vienna; đoàn về nước buổi tối.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Thu Hà
"""

store = texts_store("day-programme", {"ngan-son-kh-88-2029-vienna.txt": PLAN})


def test_a_day_asked_is_answered_with_that_days_programme(store):
    answer = store.answerer.ask("Ngày 15/9/2029 đoàn Ngàn Sơn ở Vienna có những hoạt động gì?")
    assert answer.found and "tranh dân gian" in answer.answer and "du lịch cộng đồng" in answer.answer
    assert "khởi hành" not in answer.answer and "thủ tục đoàn ra" not in answer.answer


def test_a_follow_up_after_an_unanswered_question_is_asked_of_the_text_it_named(store):
    from tests.rag.conftest import chat

    refused, follow_up = chat(store, ["Chương trình của đoàn Ngàn Sơn tại Vienna: tiền thuê xe bao nhiêu một ngày?",
                                      "còn trưng bày tranh dân gian khai mạc ở đâu?"])
    assert not refused.answer.found
    assert follow_up.answer.found and "Nhà Văn hóa quận 7" in follow_up.answer.answer, follow_up.answer.answer


EXCHANGE = """ỦY BAN NHÂN DÂN
TỈNH LAM HÀ
Số: 19/KH-UBND
Lam Hà, ngày 02 tháng 3 năm 2028

KẾ HOẠCH
Giao lưu thanh niên Lam Hà – Champasak năm 2028

I. CHƯƠNG TRÌNH CHI TIẾT

Ngày 10/6/2028 (thứ Bảy)
- 14h00: Đón đoàn thanh niên tỉnh Champasak tại Cửa khẩu quốc tế Lam Sơn.
- 19h00: Tiệc chào mừng do Sở Ngoại vụ chủ trì.

Ngày 11/6/2028 (Chủ nhật)
- 08h00 – 09h30: Lễ khai mạc tại Nhà Văn hóa Thanh niên tỉnh.
- 09h45 – 11h30: Diễn đàn "Thanh niên hai tỉnh cùng phát triển".
- 19h30: Đêm giao lưu văn nghệ "Tình hữu nghị" tại Quảng trường Lam Hà.

Ngày 12/6/2028 (thứ Hai)
- 09h00: Lễ bế mạc; đoàn về nước.
"""
exchange = texts_store("day-headings", {"lam-ha-kh-19-2028.txt": EXCHANGE})


def test_a_day_asked_is_answered_with_the_items_under_its_heading(exchange):
    answer = exchange.answerer.ask("Ngày 11/6 chương trình giao lưu thanh niên Lam Hà – Champasak có những hoạt động gì?")
    assert answer.found and "Lễ khai mạc" in answer.answer and "Tình hữu nghị" in answer.answer
    assert "Tiệc chào mừng" not in answer.answer and "bế mạc" not in answer.answer
