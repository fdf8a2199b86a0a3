"""A table of figures copied one cell per line whose rows are keyed by a year, not numbered: read as one sentence per
year, each figure with its column and the caption's unit; cells that are no such table are left as they are."""
from __future__ import annotations

from ingest.keyed_stacks import keyed_stacks
from ingest.tables import linearize_tables

BY_SOURCE = """PHỤ LỤC II
PHÂN BỔ KINH PHÍ THEO NGUỒN VỐN

Đơn vị tính: triệu đồng

Năm
Ngân sách tỉnh
Xã hội hóa
Tổng cộng
2026
4.800
700
5.500
2027
6.150
1.200
7.350
Cộng
10.950
1.900
12.850

Ghi chú: kinh phí năm 2027 gồm Liên hoan lần thứ II."""


def test_rows_keyed_by_year_become_pipe_rows():
    out = keyed_stacks(BY_SOURCE)
    assert "| Năm | Ngân sách tỉnh | Xã hội hóa | Tổng cộng |" in out
    assert "| 2027 | 6.150 | 1.200 | 7.350 |" in out
    assert "| Cộng | 10.950 | 1.900 | 12.850 |" in out
    assert out.endswith("Ghi chú: kinh phí năm 2027 gồm Liên hoan lần thứ II.")


def test_each_year_said_with_its_columns_and_unit():
    out = linearize_tables(BY_SOURCE)
    assert "Năm 2027: ngân sách tỉnh: 6.150 triệu đồng; xã hội hóa: 1.200 triệu đồng; tổng cộng: 7.350 triệu đồng." in out


def test_lines_that_are_no_table_stay():
    text = "Thành phần\nSở Ngoại vụ\nSở Tài chính\nSở Nội vụ\n\nKinh phí\n2026\n12 tỷ"
    assert keyed_stacks(text) == text
