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

store = texts_store("programme-hours", {"sa-ngan-kh-64-2027-lien-hoan-lang-nghe.txt": PLAN})


def test_what_hour_is_a_time_asked_not_a_count():
    assert analyze("Lễ khai mạc diễn ra lúc mấy giờ?").answer_type == "time"
    assert analyze("Hội thảo kéo dài bao nhiêu giờ?").answer_type != "time"


def test_the_hour_of_an_event_from_its_programme_row(store):
    a = store.ask("le khai mac lien hoan lang nghe Sa Ngan to chuc luc may gio, o dau?")
    assert a.found
    assert "19h30" in a.answer and "Quảng trường Trung tâm" in a.answer
