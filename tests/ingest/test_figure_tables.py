"""Tables of figures read row by row, each figure with its unit."""
from ingest.figure_tables import figure_tables

PRIZES = """1. Giá trị giải thưởng (đồng/giải) như sau:

| Thể loại | Giải Nhất | Giải Nhì | Giải Ba |
|---|---|---|---|
| Phóng sự truyền hình | 18.000.000 | 9.000.000 | 4.500.000 |
| Tranh cổ động | 6.000.000 | 3.000.000 | 1.500.000 |
"""


def test_a_caption_over_the_table_gives_each_figure_its_money_unit():
    text = figure_tables(PRIZES)
    assert "Tranh cổ động: Giải Nhất: 6.000.000 đồng/giải; Giải Nhì: 3.000.000 đồng/giải" in text
    captioned = figure_tables(PRIZES.replace("(đồng/giải) như sau:", "như sau:\nĐơn vị tính: triệu đồng"))
    assert "Phóng sự truyền hình: Giải Nhất: 18.000.000 triệu đồng;" in captioned


def test_a_table_without_a_caption_keeps_its_figures_bare():
    text = figure_tables(PRIZES.replace(" (đồng/giải)", ""))
    assert "Tranh cổ động: Giải Nhất: 6.000.000; Giải Nhì: 3.000.000; Giải Ba: 1.500.000." in text
    # a figure in the line above is no caption: "… 500 (triệu đồng)" names a sum, not the table's unit
    assert "đồng" not in figure_tables(PRIZES.replace("Giá trị giải thưởng (đồng/giải) như sau:",
                                                      "Tổng kinh phí 500 (triệu đồng), chia như sau:")).split("\n", 3)[-1]


def test_a_column_naming_its_unit_says_it_after_each_figure():
    text = figure_tables("| TT | Nội dung | Đơn giá (đồng) | Thành tiền (đồng) |\n|---|---|---|---|\n"
                         "| 1 | Tiệc chiêu đãi | 700.000 | 28.000.000 |\n| | Tổng cộng | | 40.000.000 |\n")
    assert "Tiệc chiêu đãi: đơn giá: 700.000 đồng; thành tiền: 28.000.000 đồng." in text
    assert "Tổng cộng: thành tiền: 40.000.000 đồng." in text


def test_a_row_with_words_after_its_figures_is_read_whole():
    text = figure_tables("Đơn vị tính kinh phí: triệu đồng\n\n"
                         "| TT | Đoàn | Trưởng đoàn | Số thành viên | Nước đến | Thời gian | Kinh phí | Nguồn |\n"
                         "|---|---|---|---|---|---|---|---|\n"
                         "| A | ĐOÀN CỦA LÃNH ĐẠO TỈNH | | 14 | | | 1.900 | |\n"
                         "| 1 | Đoàn cấp cao thăm tỉnh Jeolla | Chủ tịch UBND tỉnh | 08 | Hàn Quốc | Tháng 5/2029 | 1.100 | Ngân sách tỉnh |\n")
    assert ("Đoàn cấp cao thăm tỉnh Jeolla: trưởng đoàn: Chủ tịch UBND tỉnh; số thành viên: 08 thành viên; nước đến: Hàn Quốc; "
            "thời gian: Tháng 5/2029; kinh phí: 1.100 triệu đồng; nguồn: Ngân sách tỉnh.") in text
    assert "ĐOÀN CỦA LÃNH ĐẠO TỈNH: số thành viên: 14 thành viên; kinh phí: 1.900 triệu đồng." in text  # people counted, no money


def test_people_a_header_counts_in_shorthand_are_written_out_and_follow_their_figure():
    text = figure_tables("| STT | Quốc gia | Trường đối tác | SV đi | SV đến | Thời gian |\n|---|---|---|---|---|---|\n"
                         "| 3 | Nhật Bản | Đại học Gifu | 16 | 6 | Học kỳ II |\n")
    assert "Nhật Bản: trường đối tác: Đại học Gifu; sinh viên đi: 16 sinh viên; sinh viên đến: 6 sinh viên; thời gian: Học kỳ II." in text


def test_a_rows_own_unit_counts_its_quantity_and_the_caption_gives_its_sums():
    text = figure_tables("(Đơn vị tính: triệu đồng)\n\n| STT | Nội dung chi | Đơn vị tính | Số lượng | Đơn giá | Thành tiền |\n"
                         "|---|---|---|---|---|---|\n| 1 | Vé máy bay khứ hồi | người | 30 | 32 | 960 |\n")
    assert "Vé máy bay khứ hồi: số lượng: 30 người; đơn giá: 32 triệu đồng; thành tiền: 960 triệu đồng." in text


def test_a_rank_keyed_by_its_columns_name_is_said_with_it():
    text = figure_tables("| STT | Giải | Tác giả | Tác phẩm | Tiền thưởng (đồng) |\n|---|---|---|---|---|\n"
                         "| 1 | Đặc biệt | Lường Văn Khiêm | Ngày hội xuống đồng | 40.000.000 |\n")
    assert text.startswith("Giải Đặc biệt: tác giả: Lường Văn Khiêm;")


def test_a_column_counting_things_takes_no_unit_of_the_caption():
    # "Đơn vị tính: nghìn USD" over a table of NGOs: their projects are counted, their pledges are in thousands of USD
    text = figure_tables("Đơn vị tính: nghìn USD\n"
                         "| TT | Tổ chức | Quốc gia | Địa bàn | Số dự án | Giá trị cam kết | Giải ngân |\n"
                         "|---|---|---|---|---|---|---|\n"
                         "| 1 | Quỹ Nước sạch Eastbrook | Anh | xã Nậm Ly | 3 | 420 | 355 |\n"
                         "| 2 | Quỹ Trẻ em Solvik | Thụy Điển | xã Pa Tần | 2 | 275 | 190 |\n")
    assert "số dự án: 3;" in text and "giá trị cam kết: 420 nghìn USD" in text and "giải ngân: 355 nghìn USD" in text


def test_a_table_numbering_its_items_by_kind_reads_each_as_that_item():
    # a grant's tranches: "Đợt" | "1" names the row, each other cell is said under its header (the sum in its EUR)
    text = figure_tables("| Đợt | Tỷ lệ | Số tiền (EUR) | Điều kiện giải ngân | Thời gian dự kiến |\n"
                         "|---|---|---|---|---|\n"
                         "| 1 | 30% | 96.000 | Thỏa thuận được ký | Tháng 10/2027 |\n"
                         "| 2 | 70% | 224.000 | Báo cáo tiến độ được chấp thuận | Tháng 5/2028 |\n")
    assert "Đợt 1: tỷ lệ: 30%; số tiền: 96.000 EUR; điều kiện giải ngân: Thỏa thuận được ký; thời gian dự kiến: Tháng 10/2027." in text


def test_a_bare_unit_header_over_bodies_keys_each_row_by_its_body_and_year():
    # "Đơn vị" names the department a row is of, and "Năm" its year: neither is a unit nor a figure
    text = """Tình hình đoàn ra năm 2026 và năm 2027, cụ thể:

| Đơn vị | Năm | Số đoàn | Kinh phí quyết toán (đồng) |
| Sở Ngoại vụ | 2026 | 3 | 612.400.000 |
| Sở Công Thương | 2027 | 1 | 298.000.000 |
| Cộng | | 4 | 910.400.000 |
"""
    out = figure_tables(text)
    assert "Sở Công Thương năm 2027: số đoàn: 1; kinh phí quyết toán: 298.000.000 đồng." in out
    assert "Cộng: số đoàn: 4; kinh phí quyết toán: 910.400.000 đồng." in out
    # …while units under it stay units
    units = "| Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện |\n| Khách quốc tế | lượt | 1.200 | 1.350 |\n| Đoàn vào | đoàn | 14 | 12 |\n"
    assert "Khách quốc tế: kế hoạch: 1.200 lượt; thực hiện: 1.350 lượt." in figure_tables(units)


def test_a_column_priced_per_head_reads_its_figures_as_sums_not_people():
    """"Mức tối đa (đồng/người)" over "500.000": half a million đồng a head, not 500.000 people ("người" in the heading
    counts nobody); a question asking "tối đa bao nhiêu tiền" then finds a sum in the row."""
    text = ("Phụ lục I\n\n| TT | Đối tượng nhận quà | Mức tối đa (đồng/người) | Người quyết định |\n|---|---|---|---|\n"
            "| 1 | Trưởng đoàn cấp Bộ trưởng | 3.000.000 | Chủ tịch UBND tỉnh |\n"
            "| 2 | Thành viên đoàn | 500.000 | Thủ trưởng cơ quan chủ trì đón đoàn |\n")
    out = figure_tables(text)
    assert "Thành viên đoàn: mức tối đa: 500.000 đồng/người;" in out
    assert "500.000 người" not in out


def test_a_labelled_unit_after_a_table_number_is_its_caption_and_a_header_naming_people_says_for_whom():
    text = figure_tables("2. Phụ cấp lưu trú và tiền thuê chỗ ở theo nhóm nước tại Bảng 3 (đơn vị: USD/người/ngày):\n\n"
                         "| Nhóm nước | Quốc gia | Phụ cấp lưu trú | Thuê chỗ ở tối đa (thành viên) |\n|---|---|---|---|\n"
                         "| Nhóm 1 | Lào, Campuchia | 55 | 60 |\n| Nhóm 2 | Hàn Quốc, Nhật Bản | 75 | 115 |\n")
    # "Bảng 3 (đơn vị: …)": a figure before the bracket, but the label says the bracket is the unit
    assert "phụ cấp lưu trú: 75 USD/người/ngày" in text
    # "(thành viên)" says whose lodging, not that 115 members are counted
    assert "thuê chỗ ở tối đa (thành viên): 115 USD/người/ngày" in text


def test_rates_with_their_unit_after_a_slash_are_figures_in_the_caption_s_unit():
    text = figure_tables("1. Mức chi theo Bảng 1 dưới đây (đơn vị: đồng):\n\n"
                         "| Nội dung chi | Đoàn hạng A | Đoàn hạng B |\n|---|---|---|\n"
                         "| Chiêu đãi | 1.100.000/suất | 850.000/suất |\n"
                         "| Thuê phòng trưởng đoàn | tối đa 2.400.000/ngày | tối đa 1.700.000/ngày |\n")
    assert "Chiêu đãi: Đoàn hạng A: 1.100.000 đồng/suất; Đoàn hạng B: 850.000 đồng/suất." in text
    assert "Đoàn hạng B: tối đa 1.700.000 đồng/ngày" in text
    assert "| Chiêu đãi |" not in text
