"""Over a penalty decision written for these tests: "mấy hành vi?" counts the items it numbers "Hành vi thứ nhất …
thứ ba", though no line says "03 hành vi"; items numbered with a gap, or a noun no line numbers, count nothing."""
from __future__ import annotations

from tests.rag.conftest import texts_store

DECISION = """ỦY BAN NHÂN DÂN TỈNH TRÀ KHÊ
Số: 915/QĐ-XPHC
Trà Khê, ngày 03 tháng 6 năm 2026

QUYẾT ĐỊNH
Xử phạt vi phạm hành chính đối với Công ty TNHH Dệt may Sung Lim Trà Khê

Điều 1. Xử phạt vi phạm hành chính đối với Công ty TNHH Dệt may Sung Lim Trà Khê.
1. Đã thực hiện các hành vi vi phạm hành chính:
a) Hành vi thứ nhất: Tổ chức hội nghị quốc tế khi chưa có văn bản cho phép của cấp có thẩm quyền.
Ngày 12 tháng 5 năm 2026, tại Khách sạn Trà Giang, Công ty tổ chức hội nghị khách hàng có 31 đại biểu nước ngoài.
b) Hành vi thứ hai: Không thực hiện khai báo tạm trú cho người nước ngoài theo quy định.
Từ ngày 10 đến ngày 13 tháng 5 năm 2026, Công ty bố trí cho 05 người nước ngoài nghỉ tại nhà khách nội bộ.
2. Hình thức xử phạt chính: Phạt tiền 48.000.000 đồng.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đàm Văn Khải
"""

store = texts_store("ordinal-counts", {"tra-khe-qd-915-xu-phat-sung-lim.txt": DECISION})


def test_items_numbered_by_their_ordinals_are_counted(store):
    a = store.ask("Công ty Sung Lim bị phạt vì mấy hành vi?")
    assert a.found and a.answer.startswith("2 hành vi"), a.answer
    bare = store.ask("cong ty sung lim bi phat vi may hanh vi?")
    assert bare.found and "2 hành vi" in bare.answer, bare.answer


def test_a_thing_no_line_numbers_so_is_not_counted_from_them(store):
    from rag.compose.ordinal_counts import ordinal_count_answer
    from rag.understand.question import analyze

    hits = store.answerer.engine.search("Sung Lim bị phạt mấy đại biểu", 5)
    assert ordinal_count_answer(analyze("Hội nghị có bao nhiêu đại biểu nước ngoài?"), hits, store.answerer.index) is None
