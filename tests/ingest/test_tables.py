"""Whole plans: pipe task tables as sentences and task records, activity lists, appendices as parts."""
from __future__ import annotations

from ingest.pipeline import build_plan
from ingest.structure import parse_sections
from ingest.table_layouts import stacked_cells, tabs_as_pipes
from ingest.tables import linearize_tables
from ingest.task_tables import task_records

# a web copy: header flattened, cells wrapped at ~70 columns, trailing pipes, group rows, a period split "2024\n- 2025"
WRAPPED = """KẾ HOẠCH
GIAO LƯU VĂN HÓA NĂM 2024 - 2025
I. MỤC ĐÍCH
Mở rộng giao lưu văn hóa với các địa phương nước ngoài.
II. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ theo dõi, đôn đốc các cơ quan thực hiện các nhiệm vụ tại Phụ lục.
Nơi nhận:
- Bộ Ngoại giao;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đoàn Văn Lộc
PHỤ LỤC
DANH MỤC NHIỆM VỤ NĂM 2024 - 2025
TT | Nội dung nhiệm vụ | Thời gian | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả |
I | QUẢNG BÁ HÌNH ẢNH | | | | |
1 | Tổ chức tuần phim Việt Nam tại tỉnh Champasak (Lào) nhân dịp kỷ niệm quan
hệ hữu nghị | Năm 2024 | Sở Văn hóa, Thể thao và Du lịch | Sở Ngoại vụ; Đài Phát thanh
- Truyền hình tỉnh | Tuần phim được tổ chức |
2 | Xuất bản sách ảnh giới thiệu di sản bằng tiếng Anh | 2024
- 2025 | Sở Thông tin và Truyền thông | Sở Ngoại vụ | 2.000 cuốn |
II | HỢP TÁC GIÁO DỤC | | | | |
3 | Trao đổi giáo viên tiếng Việt với các trường của tỉnh Champasak | Hằng năm | Sở
Giáo dục và Đào tạo | Trường Cao đẳng Sư phạm tỉnh | Ít nhất 05 lượt/năm |
"""

MINISTRY_TABLE = """III. PHÂN CÔNG NHIỆM VỤ

| STT | Tên nhiệm vụ | Sản phẩm | Chủ trì | Phối hợp | Thời hạn |
| 1 | Xây dựng cơ sở dữ liệu các sự kiện văn hóa ở nước ngoài | Cơ sở dữ liệu | Vụ Hợp tác quốc tế | Trung tâm Công nghệ thông tin; Văn phòng Bộ | Quý II/2024 |
| 2 | Tổng kết thực hiện Kế hoạch | Báo cáo | Văn phòng Bộ | Các đơn vị thuộc Bộ | Năm 2026 |

IV. KINH PHÍ
Kinh phí bố trí trong dự toán hằng năm của các đơn vị.
"""

ACTIVITIES = """II. CÁC HOẠT ĐỘNG
1. Liên hoan ẩm thực quốc tế lần thứ hai
- Thời gian: tháng 6/2024.
- Cơ quan chủ trì: Sở Du lịch.
- Cơ quan phối hợp: Sở Ngoại vụ; Hiệp hội Du lịch tỉnh.
- Kinh phí: 300 triệu đồng.

2. Gặp mặt người nước ngoài đón Tết cổ truyền
- Thời gian: tháng 1/2025.
- Cơ quan chủ trì: Sở Ngoại vụ.
- Kinh phí: 90 triệu đồng.
III. KINH PHÍ
Tổng kinh phí 390 triệu đồng.
"""


def test_a_wrapped_table_reads_as_one_sentence_per_row():
    text = linearize_tables(WRAPPED)
    assert "|" not in text
    assert ("Nhiệm vụ 1: Tổ chức tuần phim Việt Nam tại tỉnh Champasak (Lào) nhân dịp kỷ niệm quan hệ hữu nghị; "
            "chủ trì: Sở Văn hóa, Thể thao và Du lịch; phối hợp: Sở Ngoại vụ; Đài Phát thanh - Truyền hình tỉnh; "
            "thời gian: Năm 2024; kết quả: Tuần phim được tổ chức.") in text
    assert "\nII. HỢP TÁC GIÁO DỤC\nNhiệm vụ 3:" in text
    assert linearize_tables(text) == text  # a stored text read again (reindex) stays as it is


def test_table_rows_are_task_records_with_their_group_product_and_period():
    records = task_records(linearize_tables(WRAPPED))
    assert [r.number for r in records] == ["1", "2", "3"]
    second = records[1]
    assert (second.agencies, second.deadline, second.product) == (
        {"lead": "Sở Thông tin và Truyền thông", "support": "Sở Ngoại vụ"}, "2024 - 2025", "2.000 cuốn")
    assert records[2].group == "II. HỢP TÁC GIÁO DỤC"
    assert records[2].agencies["lead"] == "Sở Giáo dục và Đào tạo"


def test_the_plan_s_assignments_and_chunks_from_a_wrapped_appendix():
    plan = build_plan(WRAPPED, "kh.txt")
    rows = [a for a in plan.assignments if a.origin == "table"]
    assert {(a.agency, a.role) for a in rows if a.task_no == "1"} == {
        ("Sở Văn hóa, Thể thao và Du lịch", "chủ trì"), ("Sở Ngoại vụ", "phối hợp"),
        ("Đài Phát thanh và Truyền hình tỉnh", "phối hợp")}
    first = next(a for a in rows if a.task_no == "2")
    assert (first.period, first.product, first.section) == (
        (2024, 2025), "2.000 cuốn", "PHỤ LỤC: DANH MỤC NHIỆM VỤ NĂM 2024 - 2025 › I. QUẢNG BÁ HÌNH ẢNH")
    assert plan.text[first.start:first.end] == first.task
    assert not any("|" in c.text for c in plan.chunks)
    root = parse_sections(plan.text)
    labels = [c.label for c in root.children]
    assert labels[-2:] == ["Nơi nhận", "PHỤ LỤC: DANH MỤC NHIỆM VỤ NĂM 2024 - 2025"]  # the signature stays apart
    assert plan.meta.signer == "Đoàn Văn Lộc"


def test_a_table_with_leading_pipes_in_another_column_order():
    plan = build_plan("KẾ HOẠCH\nHỢP TÁC VĂN HÓA\n" + MINISTRY_TABLE, "bo.txt")
    found = {(a.agency, a.role, a.task_no, a.deadline, a.product) for a in plan.assignments}
    assert ("Vụ Hợp tác quốc tế", "chủ trì", "1", "Quý II/2024", "Cơ sở dữ liệu") in found
    assert ("Trung tâm Công nghệ thông tin", "phối hợp", "1", "Quý II/2024", "Cơ sở dữ liệu") in found
    assert ("Các đơn vị thuộc Bộ", "phối hợp", "2", "Năm 2026", "Báo cáo") in found
    assert {a.section for a in plan.assignments} == {"III. PHÂN CÔNG NHIỆM VỤ"}


def test_an_activity_list_with_labelled_lines_is_a_task_record():
    plan = build_plan("KẾ HOẠCH\nĐỐI NGOẠI NĂM 2024\n" + ACTIVITIES, "kh.txt")
    by_task = {}
    for a in plan.assignments:
        by_task.setdefault(a.task, []).append((a.agency, a.role, a.deadline, a.funding, a.task_no, a.origin))
    assert by_task["Liên hoan ẩm thực quốc tế lần thứ hai"] == [
        ("Sở Du lịch", "chủ trì", "tháng 6/2024", "300 triệu đồng", "1", "activity"),
        ("Sở Ngoại vụ", "phối hợp", "tháng 6/2024", "300 triệu đồng", "1", "activity"),
        ("Hiệp hội Du lịch tỉnh", "phối hợp", "tháng 6/2024", "300 triệu đồng", "1", "activity")]
    assert by_task["Gặp mặt người nước ngoài đón Tết cổ truyền"] == [
        ("Sở Ngoại vụ", "chủ trì", "tháng 1/2025", "90 triệu đồng", "2", "activity")]


def test_an_activity_named_by_its_number_keeps_every_labelled_line():
    # "Hoạt động 2." items whose labels include some no column names ("Địa điểm:", "Nội dung:")
    text = ("KẾ HOẠCH\nNGOẠI GIAO VĂN HÓA NĂM 2027\nII. CÁC HOẠT ĐỘNG\n"
            "Hoạt động 1. Hội chợ làng nghề Bến Mây\nThời gian: quý II năm 2027.\nĐịa điểm: Công viên Bến Mây.\n"
            "Cơ quan chủ trì: Phòng Văn hóa và Thông tin thành phố.\nKinh phí: 120 triệu đồng.\n"
            "Nội dung: mời nghệ nhân Lào và Campuchia trình diễn.\n\n"
            "Hoạt động 2. Đón đoàn nghệ thuật Kyoto\nThời gian: tháng 10 năm 2027.\nĐịa điểm: Nhà hát thành phố.\n"
            "Cơ quan chủ trì: Phòng Nội vụ thành phố.\nKinh phí: 60 triệu đồng.\n")
    plan = build_plan(text, "kh.txt")
    rows = {(a.task_no, a.task, a.agency, a.deadline, a.funding) for a in plan.assignments if a.origin == "activity"}
    assert rows == {("1", "Hội chợ làng nghề Bến Mây", "Phòng Văn hóa và Thông tin thành phố", "quý II năm 2027",
                     "120 triệu đồng"),
                    ("2", "Đón đoàn nghệ thuật Kyoto", "Phòng Nội vụ thành phố", "tháng 10 năm 2027", "60 triệu đồng")}


def test_a_tab_separated_table_with_wrapped_cells_is_read_as_a_task_table():
    from ingest.tables import linearize_tables

    text = ("PHỤ LỤC\nSTT\tNhiệm vụ\tSản phẩm\tThời gian hoàn thành\tCơ quan chủ trì\tCơ quan phối hợp\n"
            "I\tTHÔNG TIN, TUYÊN TRUYỀN\n"
            "1\tPhim tư liệu \"Làng gốm bên\tPhim 30 phút\tQuý III/2027\tĐài Phát thanh và\tSở Ngoại vụ;\n"
            "\tsông\"\t\t\tTruyền hình tỉnh\tSở Văn hóa, Thể thao và Du lịch\n"
            "2\tTrang tin đối ngoại tiếng Anh\tTrang tin\tNăm 2028\tSở Ngoại vụ\tSở Khoa học và Công nghệ\n")
    out = linearize_tables(text)
    assert "I. THÔNG TIN, TUYÊN TRUYỀN" in out
    assert ("Nhiệm vụ 1: Phim tư liệu \"Làng gốm bên sông\"; chủ trì: Đài Phát thanh và Truyền hình tỉnh; "
            "phối hợp: Sở Ngoại vụ; Sở Văn hóa, Thể thao và Du lịch; thời gian: Quý III/2027") in out
    assert "Nhiệm vụ 2: Trang tin đối ngoại tiếng Anh; chủ trì: Sở Ngoại vụ" in out and "\t" not in out


def test_a_table_of_figures_by_year_becomes_one_keyed_sentence_per_row():
    from ingest.tables import linearize_tables

    text = ("Bảng 2. Chỉ tiêu theo năm\nChỉ tiêu\tNăm 2027\tNăm 2028\tNăm 2029\n"
            "Khách quốc tế (lượt)\t90.000\t105.000\t120.000\nLớp tiếng Việt cho kiều bào\t2\t3\t-\n\nII. NHIỆM VỤ\n")
    out = linearize_tables(text)
    assert "Khách quốc tế (lượt): năm 2027: 90.000 lượt; năm 2028: 105.000 lượt; năm 2029: 120.000 lượt." in out
    assert "Lớp tiếng Việt cho kiều bào: năm 2027: 2; năm 2028: 3." in out and "II. NHIỆM VỤ" in out


def test_a_tab_table_in_a_text_file_reaches_the_plan_as_task_sentences(tmp_path):
    from ingest.pipeline import load_plan

    path = tmp_path / "kh-tab.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐÔNG XUYÊN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-UBND\nĐông Xuyên, ngày 02 tháng 3 năm 2027\n\nKẾ HOẠCH\nThực hiện Chiến lược Ngoại giao văn hóa năm 2027\n\n"
        "I. MỤC ĐÍCH\nQuảng bá văn hóa tỉnh Đông Xuyên với bạn bè quốc tế, thu hút khách du lịch và đầu tư nước ngoài.\n\n"
        "PHỤ LỤC\nSTT\tNhiệm vụ\tThời gian\tCơ quan chủ trì\tCơ quan phối hợp\n"
        "1\tLiên hoan ẩm thực quốc tế\tQuý II/2027\tSở Văn hóa, Thể thao\tSở Ngoại vụ\n"
        "\t\t\tvà Du lịch\t\n2\tSổ tay đối ngoại\tQuý IV/2027\tSở Ngoại vụ\tSở Tư pháp\n", encoding="utf-8")
    plan = load_plan(path)
    assert "Nhiệm vụ 1: Liên hoan ẩm thực quốc tế; chủ trì: Sở Văn hóa, Thể thao và Du lịch" in plan.text
    assert any("Sổ tay đối ngoại" in (a.task if hasattr(a, "task") else str(a)) for a in plan.assignments)


def test_figures_by_year_lined_up_with_spaces_become_keyed_sentences(tmp_path):
    from ingest.readers import read_document

    path = tmp_path / "de-an.txt"
    path.write_text("Bảng số liệu 2022 - 2024\nChỉ số                          2022     2023     2024\n"
                    "Khách quốc tế (nghìn lượt)     120,5    180,2    215,0\nĐoàn nghệ thuật đến tỉnh          3        4        6\n\n"
                    "Ngân sách cấp huyện ....................... 5,4 tỷ đồng\n", encoding="utf-8")
    out = linearize_tables(read_document(path).text)
    assert "Khách quốc tế (nghìn lượt): năm 2022: 120,5 nghìn lượt; năm 2023: 180,2 nghìn lượt; năm 2024: 215,0 nghìn lượt." in out
    assert "Ngân sách cấp huyện ....................... 5,4 tỷ đồng" in out  # a dotted leader is no table


def test_a_dash_rule_between_header_cells_is_no_part_of_the_province():
    from ingest.columns import header_cells

    line = "ỦY BAN NHÂN DÂN TỈNH ĐAN SƠN ——— CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    cells = header_cells(line)
    assert len(cells) == len(line) and cells.split("|")[0].strip() == "ỦY BAN NHÂN DÂN TỈNH ĐAN SƠN"


def test_a_rows_unit_is_written_after_each_of_its_figures():
    out = linearize_tables("| Chỉ số | 2025 | 2026 |\n| Khách quốc tế (nghìn lượt) | 90,5 | 120,0 |\n| Di tích (lũy kế) | 3 | 5 |\n")
    assert "Khách quốc tế (nghìn lượt): năm 2025: 90,5 nghìn lượt; năm 2026: 120,0 nghìn lượt." in out
    assert "Di tích (lũy kế): năm 2025: 3; năm 2026: 5." in out  # "lũy kế" is no unit


def test_a_table_of_figures_goes_on_past_rows_of_one_figure_to_its_total():
    # a budget in two currencies: the rows spent at home have no USD cell, the total row opens with an empty cell
    out = linearize_tables("STT | Nội dung | Ghi chú | Số tiền (USD) | Số tiền (VNĐ)\n"
                           "I | Chi ở nước ngoài | | 9.000 | 236.700.000\n"
                           "1 | Vé máy bay đoàn nghệ thuật | 6 người | 7.200 | 189.360.000\n"
                           "II | Chi trong nước | | | 95.000.000\n"
                           "2 | Thiết kế ấn phẩm song ngữ | | | 40.000.000\n"
                           " | Tổng cộng (I + II) | | | 331.700.000\n"
                           "(Bằng chữ: Ba trăm ba mươi mốt triệu bảy trăm nghìn đồng)\n")
    assert "Chi trong nước: số tiền (VNĐ): 95.000.000." in out
    assert "Thiết kế ấn phẩm song ngữ: số tiền (VNĐ): 40.000.000." in out
    assert "Tổng cộng (I + II): số tiền (VNĐ): 331.700.000." in out
    assert "|" not in out


def test_one_figure_does_not_make_a_row_of_a_table_of_figures_by_itself():
    text = "Nội dung | Ghi chú | Số tiền\nChi khác | | 5.000\n"
    assert linearize_tables(text) == text


def test_a_grid_drawn_with_box_lines_reads_as_a_year_table_with_its_total():
    text = ("Bảng 1. Kết quả giai đoạn 2024 - 2026\n"
            "┌────────────────────────┬──────┬──────┬──────┬───────┐\n"
            "│ Chỉ số                 │ 2024 │ 2025 │ 2026 │ Cộng  │\n"
            "├────────────────────────┼──────┼──────┼──────┼───────┤\n"
            "│ Sự kiện quốc tế tổ     │  3   │  5   │  4   │  12   │\n"
            "│ chức tại tỉnh (sự kiện)│      │      │      │       │\n"
            "├────────────────────────┼──────┼──────┼──────┼───────┤\n"
            "│ Khách quốc tế (nghìn   │ 41,2 │ 97,3 │ 88,0 │   -   │\n"
            "│ lượt)                  │      │      │      │       │\n"
            "└────────────────────────┴──────┴──────┴──────┴───────┘\n")
    lines = linearize_tables(text).split("\n")
    assert "Sự kiện quốc tế tổ chức tại tỉnh (sự kiện): năm 2024: 3 sự kiện; năm 2025: 5 sự kiện; năm 2026: 4 sự kiện; " \
           "cộng: 12 sự kiện." in lines
    assert "Khách quốc tế (nghìn lượt): năm 2024: 41,2 nghìn lượt; năm 2025: 97,3 nghìn lượt; năm 2026: 88,0 nghìn lượt." \
           in lines


def test_a_dash_rule_over_pipe_rows_is_no_grid():
    text = "---------------\n| Số: 12/KH-UBND | Lộc Điền, ngày 3/3/2028 |\n| a | b |"
    assert tabs_as_pipes(text) == text


def test_a_closing_block_set_side_by_side_with_spaces_is_unzipped_into_its_two_columns():
    text = ("Ủy ban nhân dân tỉnh Sơn Cước trân trọng báo cáo./.\n\n"
            "Nơi nhận:                                TM. ỦY BAN NHÂN DÂN\n"
            "- Như trên;                              KT. CHỦ TỊCH\n"
            "- Bộ Tài chính;                          PHÓ CHỦ TỊCH\n"
            "- Sở Ngoại vụ;\n"
            "- Lưu: VT.                               Hà Thị Mai Lan\n\nPHỤ LỤC")
    lines = tabs_as_pipes(text).split("\n")
    assert lines[2:6] == ["Nơi nhận:", "- Như trên;", "- Bộ Tài chính;", "- Sở Ngoại vụ;"]
    assert lines[lines.index("TM. ỦY BAN NHÂN DÂN"):lines.index("TM. ỦY BAN NHÂN DÂN") + 4] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Thị Mai Lan"]


def test_a_roadmap_table_keeps_each_tasks_year_and_reads_its_subtotals():
    text = ("PHỤ LỤC II: LỘ TRÌNH THỰC HIỆN\n"
            "STT | Năm | Nội dung | Cơ quan chủ trì | Kinh phí (triệu đồng)\n"
            "1 | 2028 | Hội nghị quán triệt Kế hoạch | Sở Ngoại vụ | 350\n"
            "2 | 2028 | Ngày văn hóa Sơn Cước tại Perth | Sở Văn hóa và Thể thao | 4.200\n"
            "Cộng năm 2028 | | | | 4.550\n"
            "3 | 2029 | Diễn đàn hữu nghị | Sở Ngoại vụ | 3.600\n"
            "Cộng năm 2029 | | | | 3.600\n"
            "Tổng cộng giai đoạn 2028 - 2029 | | | | 8.150\n")
    lines = linearize_tables(text).split("\n")
    assert "Nhiệm vụ 2: Ngày văn hóa Sơn Cước tại Perth; chủ trì: Sở Văn hóa và Thể thao; thời gian: 2028; " \
           "kinh phí: 4.200 triệu đồng." in lines
    assert "Cộng năm 2028: kinh phí: 4.550 triệu đồng." in lines
    assert "Nhiệm vụ 3: Diễn đàn hữu nghị; chủ trì: Sở Ngoại vụ; thời gian: 2029; kinh phí: 3.600 triệu đồng." in lines
    assert "Tổng cộng giai đoạn 2028 - 2029: kinh phí: 8.150 triệu đồng." in lines


# an appendix and a schedule written as blocks of "Key: value" lines, one block per record
KEYED = """PHỤ LỤC
DANH MỤC NHIỆM VỤ
Nhiệm vụ 1
Thời gian: Quý II/2029
Nội dung: Hội nghị triển khai Kế hoạch
Đơn vị thực hiện: Phòng Văn hóa - Xã hội
Sản phẩm: Hội nghị 80 đại biểu

Nhiệm vụ 2
Thời gian: Tháng 9 hằng năm
Nội dung: Liên hoan hát then Mây Đảo
Đơn vị thực hiện: Trung tâm Văn hóa đặc khu
Sản phẩm: Liên hoan với 02 đoàn nước ngoài

Kỳ báo cáo: Quý I/2029
Hạn gửi Sở Ngoại vụ: trước ngày 18/3/2029

Kỳ báo cáo: 6 tháng đầu năm 2029
Hạn gửi Sở Ngoại vụ: trước ngày 10/6/2029
"""


def test_records_written_as_keyed_blocks_are_rows():
    text = linearize_tables(KEYED)
    assert "Kỳ báo cáo: 6 tháng đầu năm 2029; Hạn gửi Sở Ngoại vụ: trước ngày 10/6/2029." in text
    records = task_records(text)
    assert [(r.number, r.task, r.agencies, r.deadline) for r in records] == [
        ("1", "Hội nghị triển khai Kế hoạch", {"agency": "Phòng Văn hóa - Xã hội"}, "Quý II/2029"),
        ("2", "Liên hoan hát then Mây Đảo", {"agency": "Trung tâm Văn hóa đặc khu"}, "Tháng 9 hằng năm")]


# a funding table copied from a word processor: a caption set right with tabs, a "TT" column, a total row whose
# first cell is empty
FUNDING_TABS = ("Bảng 1. Kinh phí theo nguồn và năm\n\t\t\t\tĐơn vị tính: triệu đồng\n"
                "TT\tNguồn kinh phí\tNăm 2027\tNăm 2028\tCộng\n1\tNgân sách tỉnh\t3.200\t5.600\t8.800\n"
                "2\tXã hội hóa\t1.000\t1.500\t2.500\n\tTổng cộng\t4.200\t7.100\t11.300\n")


def test_a_funding_table_by_year_with_a_number_column_and_a_total_row_reads_as_keyed_sentences():
    text = linearize_tables(FUNDING_TABS)
    assert "Xã hội hóa: năm 2027: 1.000 triệu đồng; năm 2028: 1.500 triệu đồng; cộng: 2.500 triệu đồng." in text
    assert "Tổng cộng: năm 2027: 4.200 triệu đồng; năm 2028: 7.100 triệu đồng; cộng: 11.300 triệu đồng." in text


def test_a_comparison_table_reads_each_row_with_its_headers_and_unit():
    markdown = ("| TT | Chỉ tiêu | ĐVT | 6 tháng đầu năm 2028 | 6 tháng đầu năm 2029 | Tăng/giảm (%) |\n"
                "|:--:|:--|:--:|--:|--:|--:|\n| 1 | Khách quốc tế đến tỉnh | Lượt | 98.100 | 120.400 | +22,7 |\n")
    bare = ("TT | Chỉ tiêu | Đơn vị | 6 tháng 2028 | 6 tháng 2029 | So sánh (%)\n"
            "1 | Doanh thu từ khách quốc tế | Tỷ đồng | 410,5 | 466 | 113,5\n")
    assert linearize_tables(markdown).strip() == ("Khách quốc tế đến tỉnh: 6 tháng đầu năm 2028: 98.100 lượt; 6 tháng "
                                                  "đầu năm 2029: 120.400 lượt; tăng/giảm (%): +22,7.")
    assert "Doanh thu từ khách quốc tế: 6 tháng 2028: 410,5 tỷ đồng; 6 tháng 2029: 466 tỷ đồng; so sánh (%): 113,5." \
        in linearize_tables(bare)


def test_the_governments_old_numbers_are_document_numbers():
    from ground.numbers import find_numbers, same_number

    assert [n.number for n in find_numbers("Số : 304-CP … căn cứ luật số 102-SL/L4 ngày 20-5-1957")] == [
        "304-CP", "102-SL/L4"]
    assert not find_numbers("COVID-19 ngày 20-5-1957") and same_number("304", "304-CP")
    assert not same_number("25", "25-CT/TW")


def test_a_spreadsheet_pasted_as_semicolon_rows_is_read_as_a_task_table():
    """A calendar saved as CSV with semicolons: a caption row, quoted cells holding semicolons and doubled quotes, a
    month left empty under a merged cell, a total row whose label is in the second cell. Each row says every column:
    the place and the partner too, which no task role names."""
    text = ("LỊCH HOẠT ĐỘNG NĂM 2029;;;;;;;\n"
            "STT;Tháng;Thời gian;Tên hoạt động;Địa điểm;Đơn vị thực hiện;Đối tác nước ngoài;Kinh phí (triệu đồng)\n"
            '1;Tháng 3;12/03/2029;"Triển lãm ""Sắc màu Lam Uyên""";Bảo tàng tỉnh;"Bảo tàng tỉnh (chủ trì); Sở Ngoại vụ (phối hợp)";'
            "Đại sứ quán Ca-na-đa;120\n"
            "2;;25/03/2029;Đêm nhạc hữu nghị;Nhà hát tỉnh;Nhà hát tỉnh (chủ trì);;80\n"
            ";Tổng cộng;;;;;;200\n;;;;;;;\n")
    out = linearize_tables(text)
    assert out.splitlines()[0] == "LỊCH HOẠT ĐỘNG NĂM 2029"
    assert ('Nhiệm vụ 1: Triển lãm "Sắc màu Lam Uyên"; thực hiện: Bảo tàng tỉnh (chủ trì); Sở Ngoại vụ (phối hợp); '
            "thời gian: 12/03/2029") in out
    assert "địa điểm: Bảo tàng tỉnh" in out and "đối tác nước ngoài: Đại sứ quán Ca-na-đa" in out
    assert "Nhiệm vụ 2: Đêm nhạc hữu nghị" in out and "tháng: Tháng 3" in out.split("Nhiệm vụ 2:")[1]
    assert "Tổng cộng: kinh phí: 200 triệu đồng." in out
    assert ";;" not in out and "|" not in out


def test_rows_under_a_numbered_row_and_a_total_in_the_second_cell():
    """A Word table saved as text: a numbered row's activities in rows with an empty number cell, and the year's sum
    with its label in the second cell — each its own sentence, none left as pipes."""
    text = ("| TT | Hoạt động | Thời gian | Địa điểm | Đơn vị chủ trì | Kinh phí (triệu đồng) |\n"
            "| I | NĂM 2027 |  |  |  |  |\n"
            "| 1 | Lễ hội Hoa đăng Lam Thổ lần thứ III | 14 - 16/9/2027 | Quảng trường Sông Lam | Phòng Văn hóa và Thông tin"
            " | 520 |\n"
            "|  | - Diễu hành hoa đăng | 14/9/2027 | Đường ven sông |  |  |\n"
            "| 2 | Tuần lễ Ẩm thực quốc tế | 12/2027 | Phường Bến Đá | UBND phường Bến Đá | 150 |\n"
            "|  | Cộng năm 2027 |  |  |  | 670 |\n")
    out = linearize_tables(text)
    assert "|" not in out
    assert "Nhiệm vụ 1: Lễ hội Hoa đăng Lam Thổ lần thứ III; chủ trì: Phòng Văn hóa và Thông tin; thời gian: 14 - " \
           "16/9/2027; địa điểm: Quảng trường Sông Lam; kinh phí: 520 triệu đồng." in out
    assert "Trong nhiệm vụ 1: Diễu hành hoa đăng; thời gian: 14/9/2027; địa điểm: Đường ven sông." in out
    assert "Nhiệm vụ 2: Tuần lễ Ẩm thực quốc tế; chủ trì: UBND phường Bến Đá" in out
    assert "Cộng năm 2027: kinh phí: 670 triệu đồng." in out


def test_a_table_keyed_by_year_in_its_first_column_with_the_year_merged():
    text = ("| Năm | Nguồn kinh phí | Số tiền (triệu đồng) | Ghi chú |\n"
            "| 2027 | Ngân sách thành phố | 1.150 | Đã giao trong dự toán |\n"
            "|  | Xã hội hóa | 320 |  |\n"
            "|  | Cộng năm 2027 | 1.470 |  |\n"
            "| 2028 | Ngân sách thành phố | 1.240 | Dự kiến |\n"
            "| Tổng cộng |  | 2.710 |  |\n")
    assert linearize_tables(text).strip().split("\n") == [
        "- Năm 2027: Ngân sách thành phố: số tiền: 1.150 triệu đồng; ghi chú: Đã giao trong dự toán.",
        "- Năm 2027: Xã hội hóa: số tiền: 320 triệu đồng.",
        "- Cộng năm 2027: số tiền: 1.470 triệu đồng.",
        "- Năm 2028: Ngân sách thành phố: số tiền: 1.240 triệu đồng; ghi chú: Dự kiến.",
        "- Tổng cộng: số tiền: 2.710 triệu đồng.",
    ]


def test_figures_by_year_set_out_with_spaces_a_unit_column_and_an_estimated_year():
    """A ministry report's Phụ lục as plain text: columns set apart with spaces, a row of column numbers, a label
    wrapped onto the next line, rows numbered under a row ("1.1 - Tại châu Á"), a year whose figures are estimates
    ("2025(*)"), a total row without a number, and the caption's unit over a sub-heading."""
    text = ("Đơn vị tính: triệu đồng\n\nII.1. Theo nguồn kinh phí\n\n"
            "TT     Nguồn kinh phí                      2026       2027(*)      Cộng\n"
            "1      Ngân sách nhà nước (Chương trình      28.400     36.750     65.150\n"
            "       xúc tiến thương mại)\n"
            "2      Doanh nghiệp đóng góp                  5.100      6.800     11.900\n"
            "       Cộng                                  33.500     43.550     77.050\n\n"
            "TT     Chỉ tiêu                      Đơn vị tính     2026     2027(*)      Cộng\n"
            "(1)    (2)                           (3)              (4)      (5)        (6)\n"
            "1      Tuần hàng Việt Nam ở nước ngoài   sự kiện      3        5          8\n"
            "1.1      - Tại châu Á                  sự kiện      2        3          5\n")
    out = linearize_tables(text)
    assert "Ngân sách nhà nước (Chương trình xúc tiến thương mại): năm 2026: 28.400 triệu đồng; năm 2027 (*): " \
           "36.750 triệu đồng; cộng: 65.150 triệu đồng." in out
    assert "Cộng: năm 2026: 33.500 triệu đồng; năm 2027 (*): 43.550 triệu đồng; cộng: 77.050 triệu đồng." in out
    assert "Tuần hàng Việt Nam ở nước ngoài: năm 2026: 3 sự kiện; năm 2027 (*): 5 sự kiện; cộng: 8 sự kiện." in out
    assert "Tuần hàng Việt Nam ở nước ngoài - Tại châu Á: năm 2026: 2 sự kiện" in out
    assert "(1)" not in out


def test_a_table_copied_one_cell_per_line_is_read_by_rows_of_its_header_width():
    cells = ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2027", "Tổng cộng",
             "1", "Đoàn khách quốc tế đón tiếp", "đoàn", "4", "7", "11",
             "2", "Tin, bài quảng bá bằng tiếng nước ngoài", "tin, bài", "30", "52", "82",
             "3", "Kinh phí thực hiện", "triệu đồng", "150", "210", "360"]
    text = "Bảng 1. Kết quả chủ yếu\n" + "\n".join(cells) + "\n(*) Số liệu đến tháng 5.\n\n2. Nhiệm vụ\nTiếp tục quảng bá."
    piped = stacked_cells(text)
    assert "TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | Tổng cộng" in piped
    assert "2 | Tin, bài quảng bá bằng tiếng nước ngoài | tin, bài | 30 | 52 | 82" in piped
    assert "(*) Số liệu đến tháng 5." in piped and "Tiếp tục quảng bá." in piped  # the text around is kept
    assert "năm 2027: 52 tin, bài" in linearize_tables(text)
    # a list numbered one item per line under no "TT" header is no table
    assert stacked_cells("Các nhiệm vụ:\n1\nTổ chức hội nghị\n2\nIn tài liệu") == "Các nhiệm vụ:\n1\nTổ chức hội nghị\n2\nIn tài liệu"


def test_a_table_set_out_with_spaces_whose_cells_wrap_is_read_row_by_row():
    text = ("PHỤ LỤC\nDANH MỤC NHIỆM VỤ NĂM 2027\nĐơn vị tính: triệu đồng\n"
            "TT   Nhiệm vụ                      Đơn vị chủ trì     Thời gian      Kinh phí\n"
            "--------------------------------------------------------------------------\n"
            "1    Tuần văn hóa Trà Lĩnh tại     Sở Văn hóa, Thể    Tháng 9/2027   350\n"
            "     Viêng Chăn (Lào)              thao và Du lịch\n"
            "2    Trao tặng 300 cuốn sách cho   Thư viện tỉnh      Quý IV/2027    40\n"
            "     Phòng đọc Việt Nam\n"
            "--------------------------------------------------------------------------\n"
            "     Tổng cộng                                                       390\n"
            "Ghi chú: kinh phí từ ngân sách tỉnh.")
    piped = tabs_as_pipes(text)
    assert "1 | Tuần văn hóa Trà Lĩnh tại Viêng Chăn (Lào) | Sở Văn hóa, Thể thao và Du lịch | Tháng 9/2027 | 350" in piped
    assert "Kinh phí (triệu đồng)" in piped and "Ghi chú: kinh phí từ ngân sách tỉnh." in piped
    read = linearize_tables(piped)
    assert "Trao tặng 300 cuốn sách cho Phòng đọc Việt Nam" in read and "40 triệu đồng" in read


def test_a_spreadsheet_copy_with_quoted_cells_over_several_lines_is_read_row_by_row():
    # pasted from Excel: a cell holding line breaks is quoted and its lines have no tab; the total row has no number
    text = ("STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tKinh phí (triệu đồng)\t"
            "Nguồn kinh phí\n"
            "I\tQUẢNG BÁ DI SẢN\t\t\t\t\t\n"
            "1\t\"Dựng bảng giới thiệu hai thứ tiếng\ntại chùa Hà Sơn\"\tPhòng Văn hóa - Xã hội\t\"Ban Quản lý chùa;\n"
            "Phòng Kinh tế\"\t30/9/2027\t75\t\"NS tỉnh hỗ trợ: 50\nNS xã: 25\"\n"
            "2\tIn tờ gấp \"Về Hà Sơn\" bằng tiếng Anh\tPhòng Kinh tế\tĐoàn Thanh niên xã\tQuý II/2028\t20\tNgân sách xã\n"
            "\tTỔNG CỘNG\t\t\t\t95\t\n")
    out = linearize_tables(tabs_as_pipes(text))
    assert ("Nhiệm vụ 1: Dựng bảng giới thiệu hai thứ tiếng tại chùa Hà Sơn; chủ trì: Phòng Văn hóa - Xã hội; "
            "phối hợp: Ban Quản lý chùa; Phòng Kinh tế; thời gian: 30/9/2027; kinh phí: 75 triệu đồng; "
            "nguồn kinh phí: NS tỉnh hỗ trợ: 50; NS xã: 25") in out
    assert 'Nhiệm vụ 2: In tờ gấp "Về Hà Sơn" bằng tiếng Anh; chủ trì: Phòng Kinh tế' in out
    assert "TỔNG CỘNG: kinh phí: 95 triệu đồng" in out and '"' not in out.replace('"Về Hà Sơn"', "")


def test_a_web_tables_copy_one_cell_per_line_with_groups_wrapped_cells_and_entities_is_read_row_by_row():
    # "<table>" left by the copy, group rows filled with "&nbsp;", a task that fills its column and wraps, a lead's
    # unit in brackets on the next line, partners over two lines after ";", a total row opening with an empty cell
    text = "\n".join([
        "II. NHIỆM VỤ", "<table>", "TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
        "Kinh phí (triệu đồng)", "I", "TUYÊN TRUYỀN", "&nbsp;", "&nbsp;", "&nbsp;", "&nbsp;",
        "1", "Xây dựng chuyên mục song ngữ trên Cổng thông tin điện tử của Sở", "Sở Ngoại vụ",
        "(Phòng Thông tin đối ngoại)", "Báo Sương Lâm", "Cả năm", "120",
        "2", "Tổ chức Ngày hội giao lưu văn hóa với tỉnh Champasak nhân kỷ niệm 50 năm Ngày ký Hiệp ước",
        "Hữu nghị và Hợp tác (18/7)", "Liên hiệp các tổ chức hữu nghị tỉnh", "Sở Ngoại vụ;", "UBND phường Đông Lâm",
        "Tháng 7/2027", "260",
        "II", "HỢP TÁC", "&nbsp;", "&nbsp;", "&nbsp;", "&nbsp;",
        "3", "Số hóa thuyết minh tại 12 di tích", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học &amp; Công nghệ",
        "Quý IV/2027", "360",
        "&nbsp;", "TỔNG CỘNG", "&nbsp;", "&nbsp;", "&nbsp;", "740", "</table>", "", "III. KINH PHÍ"])
    out = linearize_tables(tabs_as_pipes(text))
    assert ("Nhiệm vụ 1: Xây dựng chuyên mục song ngữ trên Cổng thông tin điện tử của Sở; chủ trì: Sở Ngoại vụ "
            "(Phòng Thông tin đối ngoại); phối hợp: Báo Sương Lâm; thời gian: Cả năm; kinh phí: 120 triệu đồng") in out
    assert ("Nhiệm vụ 2: Tổ chức Ngày hội giao lưu văn hóa với tỉnh Champasak nhân kỷ niệm 50 năm Ngày ký Hiệp ước Hữu "
            "nghị và Hợp tác (18/7); chủ trì: Liên hiệp các tổ chức hữu nghị tỉnh; phối hợp: Sở Ngoại vụ; UBND phường "
            "Đông Lâm; thời gian: Tháng 7/2027") in out
    assert "phối hợp: Sở Khoa học & Công nghệ" in out and "TỔNG CỘNG: kinh phí: 740 triệu đồng" in out
    assert "II. HỢP TÁC" in out and "&nbsp;" not in out and "<table>" not in out


def test_a_table_by_year_with_a_target_column_after_the_years():
    out = linearize_tables("| TT | Chỉ tiêu | Đơn vị | 2024 | 2025 | Mục tiêu KH 20 đến 2025 |\n"
                           "|----|----|----|----|----|----|\n"
                           "| 1 | Khách quốc tế đến tỉnh | nghìn lượt | 410 | 655 | 600 |\n")
    assert ("Khách quốc tế đến tỉnh: năm 2024: 410 nghìn lượt; năm 2025: 655 nghìn lượt; "
            "mục tiêu KH 20 đến 2025: 600 nghìn lượt.") in out
    assert "----" not in out


def test_a_numbered_table_of_words_reads_row_by_row_and_a_header_of_cells_stays():
    out = linearize_tables("| STT | Địa phương | Quốc gia | Lĩnh vực ưu tiên |\n| 1 | Hạt Baranya | Hungary | Âm nhạc |\n")
    assert "Hạt Baranya: quốc gia: Hungary; lĩnh vực ưu tiên: Âm nhạc." in out
    header = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA | VIỆT NAM\nTỈNH TÂY MAI | Độc lập | Tự do\n"
    assert linearize_tables(header) == header


def test_a_tab_copied_allocation_table_with_its_header_wrapped_group_subtotals_and_a_total():
    text = ("Đơn vị tính: triệu đồng\n"
            "STT\tĐơn vị được giao\tNội dung nhiệm vụ\tKinh phí\tThời gian\n"
            "\t\t\tphân bổ\t\n"
            "I\tKHỐI SỰ KIỆN Ở NƯỚC NGOÀI\t\t900\t\n"
            "1\tSở Ngoại vụ\tTổ chức Ngày Sơn Cước Phong tại\t700\tTháng 10/2027\n"
            "\t\tViêng Chăn (Lào)\t\t\n"
            "2\tSở Văn hóa, Thể thao\tTham gia hội chợ du lịch tại Tokyo\t200\tTháng 9/2027\n"
            "\tvà Du lịch\t\t\t\n"
            "\tTỔNG CỘNG (I)\t\t900\t\n")
    out = linearize_tables(text)
    assert "I. KHỐI SỰ KIỆN Ở NƯỚC NGOÀI (kinh phí phân bổ: 900 triệu đồng)" in out
    assert ("Nhiệm vụ 1: Tổ chức Ngày Sơn Cước Phong tại Viêng Chăn (Lào); thực hiện: Sở Ngoại vụ; thời gian: Tháng "
            "10/2027; kinh phí phân bổ: 700 triệu đồng.") in out
    assert "thực hiện: Sở Văn hóa, Thể thao và Du lịch" in out
    assert "TỔNG CỘNG (I): kinh phí phân bổ: 900" in out


def test_a_table_exported_with_its_merged_cells_filled_in_reads_as_groups_and_tasks():
    from ingest.tables import linearize_tables
    text = ("PHỤ LỤC\n"
            "Nhóm | TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Kinh phí (triệu đồng)\n"
            "I. TUYÊN TRUYỀN | I. TUYÊN TRUYỀN | I. TUYÊN TRUYỀN | I. TUYÊN TRUYỀN | I. TUYÊN TRUYỀN | 900\n"
            "I. TUYÊN TRUYỀN | 1 | Bản tin kiều bào hằng quý | Sở Ngoại vụ | 2028 - 2030 | 600\n"
            "I. TUYÊN TRUYỀN | 2 | Sổ tay pháp luật cho kiều bào | Sở Tư pháp | Năm 2028 | 300\n"
            "II. VĂN HÓA | II. VĂN HÓA | II. VĂN HÓA | II. VĂN HÓA | II. VĂN HÓA | 1.500\n"
            "II. VĂN HÓA | 3 | Trại hè thanh thiếu niên kiều bào | Tỉnh đoàn | Tháng 7/2029 | 1.500\n"
            "TỔNG CỘNG | TỔNG CỘNG | TỔNG CỘNG | TỔNG CỘNG | TỔNG CỘNG | 2.400\n")
    out = linearize_tables(text)
    assert "Nhiệm vụ 1: Bản tin kiều bào hằng quý; chủ trì: Sở Ngoại vụ" in out
    assert "Nhiệm vụ 3: Trại hè thanh thiếu niên kiều bào; chủ trì: Tỉnh đoàn" in out
    assert "I. TUYÊN TRUYỀN (kinh phí: 900 triệu đồng)" in out and "TỔNG CỘNG: kinh phí: 2.400 triệu đồng." in out
    assert "chủ trì: I. TUYÊN TRUYỀN" not in out and "Nhiệm vụ I." not in out


def test_a_table_exported_one_block_of_keyed_lines_per_row_is_read_as_task_records():
    """A document system's export of a spreadsheet: each row a block of "Key: value" lines (a cell left empty keeps
    its key), an export's own "Dòng: N" row count first, blocks back to back or between "=====" rules."""
    from ingest.pipeline import build_plan

    blocks = []
    for n, (stt, task, lead, money) in enumerate([("I", "QUẢNG BÁ VĂN HÓA RA NƯỚC NGOÀI", "", "8.800"),
                                                  ("1", "Ngày Văn hóa tỉnh tại Viêng Chăn (Lào)", "Sở Ngoại vụ", "3.200"),
                                                  ("2", "Tuần Văn hóa - Du lịch tại Hàn Quốc", "Sở Văn hóa, Thể thao và Du lịch", "5.600"),
                                                  ("II", "BẢO TỒN DI SẢN", "", "2.100"),
                                                  ("3", "Lập hồ sơ Lễ hội Cầu mùa", "Sở Văn hóa, Thể thao và Du lịch", "2.100")], 1):
        blocks.append(f"Dòng: {n}\nSTT: {stt}\nNội dung: {task}\nCơ quan chủ trì: {lead}\nThời gian: {'Năm 2029' if lead else ''}"
                      f"\nKinh phí: {money}\nGhi chú: ")
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÙ SA\nSố: 18/KH-UBND\nPhù Sa, ngày 06 tháng 12 năm 2028\n\nKẾ HOẠCH\n"
            "Thực hiện Chiến lược Ngoại giao văn hóa giai đoạn 2029 - 2030\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
            "Đơn vị tính kinh phí: triệu đồng\n" + "\n".join(blocks[:2]) + "\n=====\n" + "\n".join(blocks[2:]) + "\n")
    plan = build_plan(text, "phu-sa-kh-18-2028.txt")
    leads = {a.task_no: (a.task, a.agency, a.funding, a.group) for a in plan.assignments if a.role == "chủ trì"}
    assert set(leads) == {"1", "2", "3"}
    assert leads["1"][:3] == ("Ngày Văn hóa tỉnh tại Viêng Chăn (Lào)", "Sở Ngoại vụ", "3.200 triệu đồng")
    assert leads["3"][3].startswith("II")


def test_a_cell_written_same_as_above_reads_as_the_cell_above():
    # a retyped table writes a cell merged down as "nt" / "như trên" (the column order is the ministry's own)
    text = """PHỤ LỤC I. DANH MỤC NHIỆM VỤ

| Thời gian thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Nội dung nhiệm vụ | Kinh phí (triệu đồng) | Sản phẩm | STT |
|---|---|---|---|---|---|---|
| | | | NHÓM I. GIỚI THIỆU VĂN HÓA VIỆT NAM | 46.200 | | I |
| 2027 - 2030 | Cục Hợp tác quốc tế | Các Đại sứ quán | Tổ chức Ngày Văn hóa Việt Nam ở nước ngoài | 30.000 | 12 sự kiện | 1 |
| nt | nt | Sở VHTTDL các tỉnh | Tổ chức Ngày Văn hóa nước ngoài tại Việt Nam | 9.800 | 6 sự kiện | 2 |
| 2028 - 2029 | Cục Điện ảnh | như trên | Tổ chức Tuần phim Việt Nam ở nước ngoài | 6.400 | 05 tuần phim | 3 |
"""
    rows = linearize_tables(text)
    assert "Ngày Văn hóa nước ngoài tại Việt Nam" in rows
    second = next(line for line in rows.splitlines() if "nước ngoài tại Việt Nam" in line)
    assert "Cục Hợp tác quốc tế" in second and "2027 - 2030" in second and "nt" not in second.split()
    third = next(line for line in rows.splitlines() if "Tuần phim" in line)
    assert "Sở VHTTDL các tỉnh" in third and "như trên" not in third
    assert "---" not in rows  # the rule under the header is no row


def test_a_table_turned_sideways_reads_as_one_line_per_record():
    # one column per event, one row per field: each event's facts stand together in its own line
    text = """Bảng 2. Các đoàn ra giai đoạn 2026 - 2028

| Thông tin | Đoàn 1 | Đoàn 2 | Đoàn 3 |
|---|---|---|---|
| Quốc gia | Lào | Hàn Quốc | Pháp |
| Thời gian | 10-14/3/2026 | 02-06/9/2027 | 15-20/5/2028 |
| Tên sự kiện | Ngày Văn hóa Ngàn Sơn tại Luang Prabang | Tuần Văn hóa Ngàn Sơn tại Busan | Ngày hội Ngàn Sơn tại Lyon |
| Trưởng đoàn | Lò Văn Dũng, Phó Chủ tịch UBND tỉnh | Hà Minh Châu, Giám đốc Sở Ngoại vụ | Lò Văn Dũng, Phó Chủ tịch UBND tỉnh |
| Kinh phí (triệu đồng) | 900 | 1.450 | 2.300 |
"""
    out = linearize_tables(text)
    busan = next(line for line in out.splitlines() if line.startswith("Tuần Văn hóa Ngàn Sơn tại Busan"))
    assert "Hàn Quốc" in busan and "02-06/9/2027" in busan and "Hà Minh Châu" in busan and "1.450" in busan
    assert "Lào" not in busan and "|" not in out


def test_a_table_headed_by_fields_is_not_turned():
    text = "| STT | Quốc gia | Thời gian | Kinh phí (triệu đồng) |\n|---|---|---|---|\n| 1 | Lào | 3/2026 | 900 |\n" \
           "| 2 | Pháp | 5/2028 | 2.300 |\n| 3 | Úc | 9/2029 | 1.100 |\n"
    from ingest.sideways_tables import sideways_tables
    assert sideways_tables(text) == text


def test_a_table_numbering_its_rows_in_the_last_column_reads_as_numbered_records():
    text = """PHỤ LỤC I
| Thời gian thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Nội dung nhiệm vụ | Kinh phí (triệu đồng) | STT |
|---|---|---|---|---|---|
| | | | NHÓM I. GIỚI THIỆU VĂN HÓA | 30.900 | I |
| 2027 - 2030 | Cục Hợp tác quốc tế | Các Đại sứ quán | Tổ chức Ngày Văn hóa Việt Nam ở nước ngoài | 24.500 | 1 |
| 2028 | Cục Điện ảnh | Cục Hợp tác quốc tế | Tổ chức Tuần phim Việt Nam ở nước ngoài | 6.400 | 2 |
"""
    out = linearize_tables(text)
    assert "Nhiệm vụ 2: Tổ chức Tuần phim Việt Nam ở nước ngoài; chủ trì: Cục Điện ảnh" in out
    assert "I. NHÓM I. GIỚI THIỆU VĂN HÓA (kinh phí" in out and "nội dung nhiệm vụ:" not in out


def test_task_lines_with_the_unit_and_time_after_dashes_read_as_a_task_table():
    from ingest.dashed_tasks import dashed_tasks

    text = ("A. Hợp tác quốc tế\n1. Tổ chức đoàn thăm tỉnh Gifu (Nhật Bản) – Phòng HTQT – Quý II/2029\n"
            "2. Ký Bản ghi nhớ với tỉnh Chăm-pa-sắc – Phòng HTQT – tháng 8/2029\n"
            "B. Thông tin đối ngoại\n3. Xuất bản sách ảnh \"Hồ Lâm – Điểm hẹn\" – Phòng TTĐN – trước ngày 30/6/2029\n")
    out = dashed_tasks(text)
    assert "| 3 | Xuất bản sách ảnh \"Hồ Lâm – Điểm hẹn\" | Phòng TTĐN | trước ngày 30/6/2029 |" in out
    assert "| B | Thông tin đối ngoại | | |" in out
    prose = "1. Việt Nam – Lào – Campuchia hợp tác phát triển\n2. Hà Nội – Huế – Sài Gòn\n3. Một – Hai – Ba\n"
    assert dashed_tasks(prose) == prose  # no unit leads these


DRIFTING = """Bảng 1. Danh sách đoàn ra năm 2027
STT  Nước/địa phương đến          Trưởng đoàn                              Thời gian        Số người  Mục đích
1    Lào – tỉnh Sầm Nưa           Vi Văn Hào, Chủ tịch UBND tỉnh           14–17/01/2027    09        Chúc Tết cổ truyền
2    Nhật Bản – tỉnh Gifu         Lò Thị Thu, Giám đốc Sở Văn hóa, Thể thao và Du lịch  19–24/5/2027  07  Xúc tiến du lịch
3    Pháp – thành phố Lyon        Hà Minh Đức, Phó Chủ tịch UBND tỉnh      15–22/9/2027     10        Tuần Văn hóa
"""

MILESTONES = """| Mốc thời gian | Công việc | Đơn vị thực hiện |
|---|---|---|
| T-90 (trước 10/8/2027) | Gửi thư mời đoàn quốc tế | Tiểu ban Lễ tân |
| T-60 (trước 10/9/2027) | Hoàn thành thủ tục thị thực | Tiểu ban Lễ tân |
"""


def test_a_table_set_out_with_spaces_whose_rows_drift_reads_each_row_by_its_gaps():
    rows = linearize_tables(tabs_as_pipes(DRIFTING))
    assert "Nhật Bản – tỉnh Gifu: trưởng đoàn: Lò Thị Thu, Giám đốc Sở Văn hóa, Thể thao và Du lịch; thời gian: " \
           "19–24/5/2027; số người: 07 người; mục đích: Xúc tiến du lịch." in rows
    assert "Pháp – thành phố Lyon: trưởng đoàn: Hà Minh Đức" in rows  # a table of words stays read as words


def test_a_countdown_of_works_is_a_task_table():
    rows = linearize_tables(MILESTONES)
    assert "Nhiệm vụ: Gửi thư mời đoàn quốc tế; thực hiện: Tiểu ban Lễ tân; thời gian: T-90 (trước 10/8/2027)." in rows


def test_a_row_whose_cells_wrap_onto_lines_with_an_empty_number_cell_is_one_row():
    # an annex as a law library dumps it: each cell goes on in the lines below, under its own column; a line opening
    # a cell in lower case or a bracket, or filling a cell or two, goes on the row above (not a row of its own)
    table = ("| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Kinh phí (triệu đồng) |\n"
             "| 1 | Xuất bản bộ ấn phẩm \"Nông nghiệp Việt | Báo Nông nghiệp | Vụ Hợp tác quốc tế; | Quý IV/2029 | 1.200 |\n"
             "| | Nam – Di sản\" bằng 05 ngôn ngữ | và Môi trường | Cục Kinh tế hợp tác | | (NSNN: 700; |\n"
             "| | | | và Phát triển nông thôn | | tài trợ FAO: 500) |\n"
             "| 2 | Tổ chức Tuần Nông sản tại Osaka | Cục Chất lượng | Vụ Hợp tác quốc tế | Quý II/2030 | 900 |\n"
             "|  | - Gian hàng nông sản OCOP | Cục Kinh tế hợp tác | | Quý II/2030 | |\n")
    out = linearize_tables(table)
    assert ('Nhiệm vụ 1: Xuất bản bộ ấn phẩm "Nông nghiệp Việt Nam – Di sản" bằng 05 ngôn ngữ; chủ trì: Báo Nông nghiệp và '
            'Môi trường; phối hợp: Vụ Hợp tác quốc tế; Cục Kinh tế hợp tác và Phát triển nông thôn; thời gian: Quý IV/2029; '
            'kinh phí: 1.200 triệu đồng (NSNN: 700 triệu đồng; tài trợ FAO: 500 triệu đồng).') in out
    assert "Trong nhiệm vụ 2: Gian hàng nông sản OCOP" in out  # an item of its own, its dash kept apart


def test_a_table_of_members_by_name_is_a_list_of_records_not_of_tasks():
    # "Họ và tên | Chức vụ, đơn vị | Nhiệm vụ trong đoàn": each member's row said whole, under its headers
    table = ("| STT | Họ và tên | Chức vụ, đơn vị | Nhiệm vụ trong đoàn |\n"
             "| 1 | Ông Đàm Văn Khoa | Phó Chủ tịch UBND tỉnh | Trưởng đoàn |\n"
             "| 2 | Bà Nông Thị Hạnh | Giám đốc Bảo tàng tỉnh | Phụ trách triển lãm ảnh |\n")
    out = linearize_tables(table)
    assert "Bà Nông Thị Hạnh: chức vụ, đơn vị: Giám đốc Bảo tàng tỉnh; nhiệm vụ trong đoàn: Phụ trách triển lãm ảnh." in out
    assert "Nhiệm vụ 2" not in out


def test_a_table_copied_one_cell_per_line_keeps_its_empty_cells_and_its_header_apart(tmp_path):
    # "-" alone is an empty cell (not a separator line); the header's last cell "Cả giai đoạn" does not go on into
    # the first row's number
    rows = [["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2029", "Năm 2030", "Cả giai đoạn"],
            ["1", "Hồ sơ di sản trình ghi danh", "Hồ sơ", "-", "1", "1"],
            ["2", "Cán bộ được bồi dưỡng", "Lượt người", "150", "160", "310"]]
    text = "Bảng chỉ tiêu giai đoạn 2029 - 2030\n" + "\n".join(c for row in rows for c in row) + "\n\nIII. NHIỆM VỤ\n"
    path = tmp_path / "bang-chi-tieu.txt"
    path.write_text("KẾ HOẠCH\nVăn hóa đối ngoại tỉnh Lam Thủy giai đoạn 2029 - 2030\n\n" + text, encoding="utf-8")
    from ingest.pipeline import load_plan

    said = load_plan(path).text
    assert "Cán bộ được bồi dưỡng: năm 2029: 150 lượt người; năm 2030: 160 lượt người" in said, said
    assert "Hồ sơ di sản trình ghi danh: năm 2029: -; năm 2030: 1 hồ sơ" in said, said


ALLOCATION_BLANK_CELLS = """PHỤ LỤC
PHÂN BỔ KINH PHÍ NHIỆM VỤ ĐỐI NGOẠI NĂM 2027
Đơn vị tính: triệu đồng
STT
Đơn vị/Nội dung nhiệm vụ
Thời gian thực hiện
Kinh phí
Ghi chú

TỔNG CỘNG

1.530


I
Sở Ngoại vụ

1.100


1
Đón đoàn Tổng Lãnh sự các nước tại Thành phố Hồ Chí Minh thăm, làm việc tại tỉnh Vân Trạch trong tuần lễ hữu nghị
Tháng 5/2027
700
Dự kiến 18 khách
2
Xuất bản bản tin đối ngoại song ngữ
Quý I - IV/2027
400

II
Liên hiệp các tổ chức hữu nghị tỉnh

430


1
Giao lưu hữu nghị Việt Nam - Lào
Tháng 9/2027
430

Lưu ý: văn bản số hóa từ bản gốc."""


def test_a_table_one_cell_a_line_with_empty_lines_for_empty_cells_is_read_row_by_row():
    out = linearize_tables(stacked_cells(ALLOCATION_BLANK_CELLS))
    assert "II. Liên hiệp các tổ chức hữu nghị tỉnh (kinh phí: 430 triệu đồng)" in out, out
    assert "Nhiệm vụ 2: Xuất bản bản tin đối ngoại song ngữ; thời gian: Quý I - IV/2027; kinh phí: 400 triệu đồng." in out
    assert "TỔNG CỘNG: kinh phí: 1.530 triệu đồng." in out
    assert "Lưu ý: văn bản số hóa từ bản gốc." in out


AWARD_LIST = """DANH SÁCH
TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN
STT
Tên tập thể, cá nhân
Chức vụ, đơn vị
Thành tích
I
TẬP THỂ (02 tập thể)



1
Phòng Hợp tác quốc tế
Văn phòng Ủy ban nhân dân tỉnh
Tham mưu ký kết 03 văn bản thỏa thuận hợp tác với tỉnh Savannakhet (Lào) năm 2026.
2
Liên hiệp các tổ chức hữu nghị tỉnh

Vận động 12 khoản viện trợ phi chính phủ nước ngoài với tổng giá trị 1,6 triệu USD trong các năm 2024 - 2026 tại các xã biên giới của tỉnh.
II
CÁ NHÂN (01 cá nhân)



1
Bà Lục Thị Vân
Chủ tịch Hội người Việt Nam tại Osaka (Nhật Bản)
Kết nối cộng đồng người Việt Nam tại Osaka tổ chức Ngày Văn hóa Việt Nam năm 2026.

(Danh sách này có 02 tập thể và 01 cá nhân)"""


def test_an_award_list_one_cell_a_line_names_each_awardee_with_its_merits_under_its_group():
    out = linearize_tables(stacked_cells(AWARD_LIST))
    assert "II. CÁ NHÂN (01 cá nhân)" in out
    assert ("Bà Lục Thị Vân: chức vụ, đơn vị: Chủ tịch Hội người Việt Nam tại Osaka (Nhật Bản); thành tích: Kết nối "
            "cộng đồng người Việt Nam tại Osaka tổ chức Ngày Văn hóa Việt Nam năm 2026.") in out, out
    assert "Liên hiệp các tổ chức hữu nghị tỉnh: thành tích: Vận động 12 khoản" in out


def test_a_caption_at_the_end_of_the_sentence_over_a_table_of_words_gives_every_figure_its_unit():
    text = ("So sánh mức chi hiện hành, mức chi tại dự thảo và ý kiến của Ban như sau (đơn vị tính: đồng):\n\n"
            "| STT | Nội dung chi | NQ 08/2021 (Lộc Điền cũ) | Dự thảo của UBND tỉnh | Ý kiến của Ban |\n"
            "| A | ĐÓN TIẾP KHÁCH NƯỚC NGOÀI | | | |\n"
            "| 1 | Chi ăn hằng ngày, đoàn khách hạng B (người/ngày) | 900.000 | 1.100.000 | Đề nghị 1.000.000 |\n"
            "| 2 | Chi quà tặng đoàn khách hạng A (đoàn) | 5.000.000 | 8.000.000 | Thống nhất |\n")
    out = linearize_tables(text)
    assert "A. ĐÓN TIẾP KHÁCH NƯỚC NGOÀI" in out
    assert ("Chi ăn hằng ngày, đoàn khách hạng B (người/ngày): NQ 08/2021 (Lộc Điền cũ): 900.000 đồng; dự thảo của UBND "
            "tỉnh: 1.100.000 đồng; Ý kiến của Ban: Đề nghị 1.000.000 đồng.") in out, out


def test_a_task_tables_group_rows_stay_the_task_readers_to_read():
    # group rows under a task header ("| II | … | | |") are headings the task reader writes; the reader of tables of
    # words must not take the first group row for a header and turn the next ones into lines that cut the table
    text = ("| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Kinh phí (triệu đồng) |\n"
            "| I | NÂNG CAO NHẬN THỨC | | | | |\n"
            "| 1 | Phổ biến Chiến lược Ngoại giao văn | Vụ Hợp tác quốc | Văn phòng Bộ; các | Quý II/2027 | 150 |\n"
            "| | hóa đến các đơn vị thuộc Bộ | tế | đơn vị thuộc Bộ | | (NSNN) |\n"
            "| II | QUẢNG BÁ | | | | |\n"
            "| 2 | Xây dựng hồ sơ di sản nông nghiệp | Cục Trồng trọt | Vụ Hợp tác quốc tế | 30/6/2028 | 3.600 |\n"
            "| III | HỢP TÁC | | | | |\n"
            "| 3 | Ký thỏa thuận với tổ chức quốc tế | Vụ Hợp tác quốc tế | Các cục | Năm 2030 | 200 |\n")
    out = linearize_tables(text)
    assert "Nhiệm vụ 3: Ký thỏa thuận với tổ chức quốc tế; chủ trì: Vụ Hợp tác quốc tế" in out, out
    assert "| 3 |" not in out


def test_a_markdown_table_with_a_year_and_its_note_and_numbered_items_is_read_row_by_row():
    from ingest.tables import linearize_tables

    text = ("10. Kế hoạch vốn theo năm:\n\n| Năm | Vốn viện trợ (USD) | Vốn đối ứng (triệu đồng) |\n|---|---|---|\n"
            "| 2026 (từ tháng 9) | 68.000 | 380 |\n| 2027 | 196.000 | 836 |\n| Cộng | 264.000 | 1.216 |\n\n"
            "9. Cơ cấu vốn theo hợp phần (đơn vị: USD):\n\n| Hợp phần | Nội dung | Vốn viện trợ |\n| --- | :--- | ---: |\n"
            "| 1 | Truyền dạy nghệ thuật hát đối | 118.000 |\n| 3 | Xây dựng Nhà giao lưu | 156.000 |\n")
    out = linearize_tables(text)
    assert "Năm 2027: vốn viện trợ: 196.000 USD; vốn đối ứng: 836 triệu đồng." in out
    assert "Năm 2026 (từ tháng 9): vốn viện trợ: 68.000 USD" in out
    assert "Hợp phần 3: Xây dựng Nhà giao lưu: vốn viện trợ: 156.000 USD." in out
    assert "---" not in out


def test_a_rows_empty_last_cell_written_as_an_empty_line_does_not_end_the_table():
    from ingest.plain_tables import stacked_cells

    text = ("Danh sách dự kiến:\nSTT\nCơ quan báo chí\nQuốc gia\nSố phóng viên\nGhi chú\n1\nTân Hoa xã\nTrung Quốc\n02\n"
            "01 quay phim\n2\nKyodo News\nNhật Bản\n01\n\n3\nNikkei Asia\nNhật Bản\n01\n\n4\nYonhap\nHàn Quốc\n01\n\n"
            "Tổng cộng: 5 phóng viên\n")
    out = stacked_cells(text)
    assert "| 3 | Nikkei Asia | Nhật Bản | 01 |" in out and "| 4 | Yonhap | Hàn Quốc | 01 |" in out


def test_a_month_row_under_the_numbering_column_heads_the_rows_below_it_not_the_row_above():
    # a work programme by month, its bold lost in the copy: "| | THÁNG 10 | | |" is a band, not words of the task above
    table = ("| TT | Nội dung công việc | Chủ trì | Phối hợp | Thời gian |\n"
             "|---|---|---|---|---|\n"
             "| | THÁNG 09 | | | |\n"
             "| 1 | Lớp bồi dưỡng kiến thức đối ngoại số 3 cho 80 cán bộ cấp xã | Văn phòng Sở | Học viện Ngoại giao | 21 - 23/9 |\n"
             "| | THÁNG 10 | | | |\n"
             "| 2 | Hội nghị vận động viện trợ phi chính phủ nước ngoài | Phòng Hợp tác quốc tế | Sở Tài chính | 14/10 |\n")
    lines = linearize_tables(table).splitlines()
    assert lines[0] == "THÁNG 09:" and lines[2] == "THÁNG 10:"
    assert lines[1].startswith("Nhiệm vụ 1: ") and "THÁNG" not in lines[1] and lines[3].startswith("Nhiệm vụ 2: ")


def test_a_count_of_members_under_its_column_is_said_with_its_noun():
    from ingest.table_columns import labelled
    assert labelled("Số hội viên (31/12/2025)", "530") == ("số hội viên (31/12/2025)", "530 hội viên")
    assert labelled("Số học viên", "80")[1] == "80 học viên"
    assert labelled("Năm thành lập", "2015")[1] == "2015"  # a year is no count


def test_a_row_carrying_on_one_cell_of_the_row_above_is_that_cell_s_end():
    from ingest.run_on_rows import run_on_rows

    table = ("| STT | Khách mời | Thành phần | Số lượng |\n"
             "| 11 | Các địa phương đối tác: tỉnh Gyeonggi (Hàn Quốc); tỉnh Savannakhet (Lào); | Lãnh đạo | 05 |\n"
             "|   | thành phố Lyon (Pháp) – đối tác mới | | |\n"
             "| | THÁNG 10 | | |\n"
             "| 12 | Doanh nghiệp nước ngoài | Lãnh đạo | 40 |\n")
    out = run_on_rows(table)
    assert "tỉnh Savannakhet (Lào); thành phố Lyon (Pháp) – đối tác mới | Lãnh đạo | 05 |" in out
    assert "| | THÁNG 10 | | |" in out  # a band in capitals heads the rows below, carries nothing on
