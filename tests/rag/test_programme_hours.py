"""Over a festival plan written for these tests, its programme copied one cell per line: "lúc mấy giờ" asks the hour
(not a count of hours), which the programme's row of that event gives with its day."""
from __future__ import annotations

from rag.understand.question import analyze
from tests.ingest.test_stacked_schedules import PROGRAMME
from tests.rag.conftest import texts_store

PLAN = """ỦY BAN NHÂN DÂN TỈNH SA NGÀN
Số: 64/KH-UBND
Sa Ngàn, ngày 02 tháng 5 năm 2027

KẾ HOẠCH
Tổ chức Liên hoan Làng nghề quốc tế Sa Ngàn năm 2027

I. MỤC ĐÍCH
Quảng bá làng nghề truyền thống của tỉnh tới bạn bè quốc tế.

II. THỜI GIAN
Từ ngày 09/8 đến ngày 11/8/2027.

""" + PROGRAMME

VISIT = """ỦY BAN NHÂN DÂN TỈNH SA NGÀN
Số: 71/KH-UBND
Sa Ngàn, ngày 20 tháng 7 năm 2027

KẾ HOẠCH
Đón đoàn đại biểu tỉnh Gunma (Nhật Bản) thăm và làm việc tại tỉnh Sa Ngàn

I. CHƯƠNG TRÌNH HOẠT ĐỘNG
Thứ Hai, ngày 16/8/2027
- 14h00 - 15h00: Chủ tịch Ủy ban nhân dân tỉnh tiếp xã giao đoàn.
- 18h30: Tiệc chiêu đãi đoàn tại Nhà khách tỉnh.
Thứ Ba, ngày 17/8/2027
- 08h00 - 10h30: Thăm vùng chè Shan tuyết tại xã Pà Vầy.
- 14h00 - 16h00: Làm việc tại Trường Đại học Sa Ngàn.

II. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ chủ trì đón tiếp đoàn.
"""

store = texts_store("programme-hours", {"sa-ngan-kh-64-2027-lien-hoan-lang-nghe.txt": PLAN,
                                        "sa-ngan-kh-71-2027-don-doan-gunma.txt": VISIT})


def test_what_hour_is_a_time_asked_not_a_count():
    assert analyze("Lễ khai mạc diễn ra lúc mấy giờ?").answer_type == "time"
    assert analyze("Hội thảo kéo dài bao nhiêu giờ?").answer_type != "time"


def test_the_hour_of_an_event_from_its_programme_row(store):
    a = store.ask("le khai mac lien hoan lang nghe Sa Ngan to chuc luc may gio, o dau?")
    assert a.found
    assert "19h30" in a.answer and "Quảng trường Trung tâm" in a.answer


def test_a_day_headed_by_its_weekday_answers_with_its_items(store):
    a = store.ask("Đoàn Gunma sáng ngày 17/8/2027 đi thăm đâu?")
    assert a.found and "Pà Vầy" in a.answer
