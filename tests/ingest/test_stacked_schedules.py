"""A programme's table copied one cell per line is read as rows of their day and hour."""
from ingest.schedule_tables import schedule_tables
from ingest.stacked_schedules import stacked_schedules
from ingest.table_layouts import tabs_as_pipes

PROGRAMME = """III. CHƯƠNG TRÌNH CHI TIẾT
Thời gian
Nội dung
Địa điểm
Đơn vị chủ trì
Ngày 09/8/2027 (thứ Hai)
Cả ngày
Đón các đoàn quốc tế; bố trí lưu trú
Các khách sạn được chỉ định
Sở Ngoại vụ
Ngày 10/8/2027 (thứ Ba)
08h00 - 11h00
Hội thảo quốc tế "Làng nghề và du lịch"
Trung tâm Hội nghị tỉnh
Sở Văn hóa, Thể thao và Du lịch
19h30 - 21h30
Lễ khai mạc Liên hoan; bắn pháo hoa
Quảng trường Trung tâm
Tiểu ban Nội dung
IV. TỔ CHỨC THỰC HIỆN
1. Sở Ngoại vụ chủ trì đón tiếp các đoàn.
"""


def test_each_row_is_said_with_its_day_and_hour():
    read = schedule_tables(tabs_as_pipes(PROGRAMME))
    assert ("Ngày 10/8/2027 (thứ Ba), 19h30 - 21h30: Lễ khai mạc Liên hoan; bắn pháo hoa; địa điểm: Quảng trường Trung "
            "tâm; đơn vị chủ trì: Tiểu ban Nội dung.") in read
    assert "Ngày 09/8/2027 (thứ Hai), Cả ngày: Đón các đoàn quốc tế" in read  # a day's one row, "Cả ngày"
    assert "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Ngoại vụ chủ trì đón tiếp các đoàn." in read  # what follows, as it was


def test_a_list_of_labels_without_hours_is_no_programme():
    text = "Thời gian\nNội dung\nĐịa điểm\nGhi chú\nHội nghị diễn ra trong hai ngày tại tỉnh.\n"
    assert stacked_schedules(text) == text
