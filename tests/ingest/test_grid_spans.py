"""A drawn grid whose header spans columns (a rule inside the header row) and whose body has a cell over two years."""
from ingest.grid_spans import column_edges, line_cells, spans
from ingest.table_layouts import grid_rows

GRID = """Bảng 2. Kết quả giao lưu nhân dân
+---+----------------------+--------+------------------------------+--------+
|TT | Hoạt động            | Đơn vị |   Số lượng theo năm          | Tổng   |
|   |                      | tính   +---------+---------+----------+ cộng   |
|   |                      |        |  2022   |  2023   | 2024(ước)|        |
+---+----------------------+--------+---------+---------+----------+--------+
| 1 | Đoàn hữu nghị đến    | đoàn   |  4      |  7      |  9       |  20    |
|   | thăm tỉnh            |        |         |         |          |        |
+---+----------------------+--------+---------+---------+----------+--------+
| 2 | Hội thảo quốc tế     | cuộc   | Tạm dừng do thiếu    |  2       |  2     |
|   |                      |        | kinh phí             |          |        |
+---+----------------------+--------+---------+---------+----------+--------+
Ghi chú: số liệu năm 2024 là ước tính."""


def test_a_spanning_header_gives_each_year_column_its_words():
    rows = [line for line in grid_rows(GRID).split("\n") if line.startswith("|")]
    assert rows[0] == ("| TT | Hoạt động | Đơn vị tính | Số lượng theo năm 2022 | Số lượng theo năm 2023 | "
                       "Số lượng theo năm 2024(ước) | Tổng cộng |")
    assert rows[1] == "| 1 | Đoàn hữu nghị đến thăm tỉnh | đoàn | 4 | 7 | 9 | 20 |"


def test_a_cell_drawn_too_wide_spans_its_columns_and_the_bars_after_it_keep_theirs():
    rows = [line for line in grid_rows(GRID).split("\n") if line.startswith("|")]
    assert rows[2] == ("| 2 | Hội thảo quốc tế | cuộc | Tạm dừng do thiếu kinh phí | Tạm dừng do thiếu kinh phí | 2 | 2 |")


def test_a_plain_grid_is_read_bar_by_bar_as_before():
    plain = "+---+------+\n| 1 | Hà   |\n+---+------+\n| 2 | Huế  |\n+---+------+"
    rules = [line for line in plain.split("\n") if line.startswith("+")]
    assert not spans(rules, ["| 1 | Hà   |"])
    assert grid_rows(plain) == "| 1 | Hà |\n| 2 | Huế |"


def test_the_finest_rule_draws_the_columns():
    edges = column_edges(["+--+-----+", "+--+--+--+"])
    assert edges == [0, 3, 6, 9]
    assert line_cells("|a |  b  |", edges) == ["a", "b", "b"]


def test_a_band_row_of_a_task_table_announces_the_rows_below_it():
    from ingest.tables import linearize_tables

    table = """| Thời gian | Hoạt động | Đơn vị chủ trì | Đơn vị phối hợp | Kinh phí (triệu đồng) |
|---|---|---|---|---|
| **QUÝ II/2028** | **02 hoạt động** | | | **215** |
| 10/4/2028 | Gặp mặt lưu học sinh Campuchia | Phòng Hợp tác quốc tế | Sở Giáo dục và Đào tạo | 65 |
| Tháng 6/2028 | Phát hành bản tin đối ngoại số 2 | Trung tâm Thông tin đối ngoại | – | 150 |
"""
    lines = linearize_tables(table).strip().split("\n")
    assert lines[0] == "QUÝ II/2028 (02 hoạt động; kinh phí (triệu đồng): 215):"
    assert lines[1].startswith("Nhiệm vụ: Gặp mặt lưu học sinh Campuchia; chủ trì: Phòng Hợp tác quốc tế")


def test_a_month_written_on_its_groups_first_row_only_carries_down():
    from ingest.tables import linearize_tables

    table = """III. CÁC HOẠT ĐỘNG CỤ THỂ
| Thời gian | TT | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|
| Tháng 9/2027 | 7 | Hội thảo hợp tác giáo dục | Sở Giáo dục và Đào tạo | Sở Ngoại vụ | 120 |
| | 8 | Tuần phim Ba Lan tại tỉnh | Sở Văn hóa, Thể thao và Du lịch | Sở Ngoại vụ | 210 |
| Tháng 10/2027 | 9 | Đón đoàn đại biểu tỉnh bạn | Sở Ngoại vụ | Văn phòng UBND tỉnh | 300 |
"""
    from ingest.clean import clean_text

    lines = [line for line in linearize_tables(clean_text(table)).split("\n") if line.startswith("Nhiệm vụ 8")]
    assert lines and "thời gian: Tháng 9/2027" in lines[0]
