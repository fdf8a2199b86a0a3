"""What a thing is made of, as the text lists it under a lead line ("Hồ sơ gồm:"), items running on over lines (a text
written for these tests)."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

RULES = """ỦY BAN NHÂN DÂN
TỈNH LAM HÀ
Số: 09/2027/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lam Hà, ngày 10 tháng 5 năm 2027

QUYẾT ĐỊNH
Ban hành Quy định tổ chức hội nghị, hội thảo quốc tế trên địa bàn tỉnh Lam Hà

Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng với hội nghị, hội thảo quốc tế do các cơ quan, đơn vị của tỉnh tổ chức.
Hồ sơ xin phép tổ chức hội nghị của các huyện được xử lý theo Điều 2.

Điều 2. Hồ sơ xin phép tổ chức hội thảo quốc tế
1. Hồ sơ gồm:
a) Tờ trình xin phép tổ chức, nêu rõ mục đích, thời gian,
địa điểm và thành phần tham dự;
b) Chương trình hội thảo và danh sách đại biểu nước ngoài;
c) Văn bản đồng ý của đối tác nước ngoài (nếu có).
2. Hồ sơ gửi Sở Ngoại vụ trước ít nhất 20 ngày làm việc.

Điều 3. Trách nhiệm của Sở Ngoại vụ
Sở Ngoại vụ thẩm định hồ sơ trong 05 ngày làm việc.
"""

store = texts_store("enumerations", {"lam-ha-qd-09-2027-hoi-thao-quoc-te.txt": RULES})


def test_the_parts_asked_of_a_thing_are_the_items_its_lead_opens(store):
    answer = store.answerer.ask("Hồ sơ xin phép tổ chức hội thảo quốc tế ở Lam Hà gồm những giấy tờ gì?")
    assert answer.found, answer.answer
    for item in ("Tờ trình xin phép", "thành phần tham dự", "danh sách đại biểu nước ngoài", "đối tác nước ngoài"):
        assert item in answer.answer, answer.answer
    assert "20 ngày làm việc" not in answer.answer  # (the next numbered clause is no item of the list)


TEAM = """https://disan.example.vn/tin/nhom-chuyen-gia-ba-lan-den-lam-ha
Nhóm chuyên gia bảo tồn Ba Lan đến làm việc tại tháp Bảo Thành từ 02/3/2027

Theo chương trình hợp tác bảo tồn di sản, Viện Bảo tồn Kraków cử nhóm chuyên gia sang làm việc tại tháp Bảo Thành.
Nhóm gồm các ông: Jan Kowalski, Piotr Nowak, Marek Zielinski. Cùng phối hợp có cán bộ kỹ thuật Ban Quản lý di tích tỉnh. Thời gian làm việc dự kiến 03 tháng.
"""

team = texts_store("inline-members", {"lam-ha-chuyen-gia-ba-lan-thap-bao-thanh-2027-tin.txt": TEAM})


def test_the_members_a_sentence_lists_inline_answer_who_a_group_is_made_of(team):
    answer = team.answerer.ask("Nhom chuyen gia Ba Lan den thap Bao Thanh nam 2027 gom nhung ai?")
    assert answer.found, answer.answer
    assert all(name in answer.answer for name in ("Jan Kowalski", "Piotr Nowak", "Marek Zielinski")), answer.answer


BORDER = """https://kinhte.example.vn/lam-ha-giao-thuong-bien-gioi
Giao thương qua biên giới Lam Hà tăng mạnh

Trên tuyến biên giới tỉnh Lam Hà hiện có 2 cửa khẩu gồm Nậm Pung tại xã Tân Lập, huyện Tân Lập và Pa Sát tại xã Phú Lâm, huyện Phú Lâm và 3 chợ gồm chợ xã Tân Lập, huyện Tân Lập; chợ xã Đồng Sơn, huyện Đồng Sơn; chợ xã Hà Bắc, huyện Hà Bắc hoạt động giao thương, trao đổi hàng hóa của nhân dân khu vực biên giới với tỉnh Xiêng Khoảng của nước bạn Lào và các tỉnh lân cận trong khu vực.
Năm 2026, kim ngạch xuất nhập khẩu qua hai cửa khẩu đạt 46 triệu USD.
"""

border = texts_store("border-markets", {"lam-ha-giao-thuong-bien-gioi-2026-tin.txt": BORDER})


def test_a_count_of_things_asked_by_name_is_shown_from_the_count_in_its_line(border):
    answer = border.answerer.ask("ke ten 3 cho bien gioi cua Lam Ha giao thuong voi Xieng Khoang")
    assert answer.found, answer.answer
    assert all(f"chợ xã {n}" in answer.answer for n in ("Tân Lập", "Đồng Sơn", "Hà Bắc")), answer.answer


SESSIONS = """ỦY BAN NHÂN DÂN
TỈNH LAM HÀ
Số: 15/QĐ-UBND
Lam Hà, ngày 02 tháng 6 năm 2027

QUY CHẾ
Hoạt động của Hội đồng tư vấn về hợp tác quốc tế tỉnh Lam Hà

Điều 6. Phiên họp
1. Hội đồng họp thường kỳ 02 lần trong năm:
a) phiên họp giữa năm tổ chức trong tháng 6;
b) phiên họp cuối năm tổ chức trong tháng 12, kết hợp tổng kết công tác đối ngoại của tỉnh.
2. Hội đồng họp bất thường theo quyết định của Chủ tịch Hội đồng.

Điều 7. Kinh phí
Kinh phí hoạt động của Hội đồng do ngân sách tỉnh bảo đảm.
"""

sessions = texts_store("short-lists", {"lam-ha-qd-15-2027-quy-che-hoi-dong-tu-van.txt": SESSIONS})


def test_each_item_of_a_short_list_giving_the_kind_asked_is_shown(sessions):
    answer = sessions.answerer.ask("Phiên họp thường kỳ của Hội đồng tư vấn tỉnh Lam Hà tổ chức vào tháng nào?")
    assert answer.found and "tháng 6" in answer.answer and "tháng 12" in answer.answer, answer.answer
