"""Deadlines read as dates: the phrasings provincial plans use, with the precision each one carries."""
from datetime import date

import pytest

from ground.plans import Assignment
from ingest.deadline_dates import date_assignments, occurrences, read_due
from ingest.deadlines import find_deadline

ISSUED = date(2023, 3, 15)  # the plan's issue date: years left unwritten are read against it


@pytest.mark.parametrize("text, due, precision", [
    # a day
    ("trước ngày 30/6/2023", "2023-06-30", "day"),
    ("Trước 30/6/2023", "2023-06-30", "day"),
    ("hoàn thành trước ngày 31/12/2024", "2024-12-31", "day"),
    ("chậm nhất ngày 15 tháng 11 năm 2023", "2023-11-15", "day"),
    ("ngày 31 tháng 12 năm 2025", "2025-12-31", "day"),
    ("15/3/2024", "2024-03-15", "day"),
    ("ngày 10.12.2023", "2023-12-10", "day"),
    ("trước ngày 30/6", "2023-06-30", "day"),  # the plan's year
    ("trước ngày 28/2", "2024-02-28", "day"),  # already past when the plan was issued: the next one
    ("hoàn thành trước 31/12/2023; báo cáo trước 15/6/2023", "2023-06-15", "day"),  # the earliest
    # a month
    ("tháng 6/2023", "2023-06-30", "month"),
    ("trong tháng 9 năm 2023", "2023-09-30", "month"),
    ("Tháng 02/2024", "2024-02-29", "month"),
    ("06/2023", "2023-06-30", "month"),
    ("tháng 10-12/2023", "2023-12-31", "month"),
    ("6 tháng đầu năm 2024", "2024-06-30", "month"),
    ("6 tháng cuối năm 2024", "2024-12-31", "month"),
    ("trước tháng 6/2023", "2023-05-31", "month"),  # before June starts
    # a quarter
    ("Quý II/2023", "2023-06-30", "quarter"),
    ("trong Quý III - 2023", "2023-09-30", "quarter"),
    ("quý 4 năm 2024", "2024-12-31", "quarter"),
    ("Quý I/2025", "2025-03-31", "quarter"),
    ("thời gian thực hiện: Quý IV/2023", "2023-12-31", "quarter"),
    ("đầu năm 2025", "2025-03-31", "quarter"),
    # a year
    ("năm 2024", "2024-12-31", "year"),
    ("trong năm 2024", "2024-12-31", "year"),
    ("Năm 2024", "2024-12-31", "year"),
    ("2024", "2024-12-31", "year"),
    ("cuối năm 2024", "2024-12-31", "year"),
    ("đến năm 2025", "2025-12-31", "year"),
    ("đến hết năm 2025", "2025-12-31", "year"),
    ("hoàn thành trong năm 2023", "2023-12-31", "year"),
    ("trước năm 2025", "2024-12-31", "year"),  # before 2025 starts
    # a period, due at its end
    ("2023–2025", "2025-12-31", "period"),
    ("2023 - 2025", "2025-12-31", "period"),
    ("giai đoạn 2023-2025", "2025-12-31", "period"),
    ("từ năm 2023 đến năm 2025", "2025-12-31", "period"),
    ("Năm 2023 - 2025", "2025-12-31", "period"),
    # repeating with a date
    ("trước ngày 15/12 hằng năm", "2023-12-15", "recurring"),
    ("Hằng năm (trước ngày 15/12)", "2023-12-15", "recurring"),
    ("trước ngày 10/3 hằng năm", "2024-03-10", "recurring"),  # 10 March 2023 was before the plan
    ("tháng 12 hằng năm", "2023-12-31", "recurring"),
    ("vào Quý IV hằng năm", "2023-12-31", "recurring"),
    ("trước ngày 15/12 mỗi năm, giai đoạn 2024-2025", "2024-12-15", "recurring"),
    ("trước ngày 20 hằng tháng", "2023-03-20", "recurring"),
    # no date: listed, never reminded
    ("thường xuyên", None, "none"),
    ("hằng năm", None, "none"),
    ("Hằng năm", None, "none"),
    ("hằng quý", None, "none"),
    ("liên tục", None, "none"),
    ("định kỳ 6 tháng", None, "none"),
    ("giai đoạn 2023-2025, hằng năm", None, "none"),
    ("năm 2023 và các năm tiếp theo", None, "none"),
    ("từ năm 2023 trở đi", None, "none"),
    ("trước Tết Nguyên đán 2024", None, "none"),  # lunar: not guessed
    ("Sau khi Kế hoạch được phê duyệt", None, "none"),
    ("theo tiến độ của Bộ Ngoại giao", None, "none"),
    ("", None, "none"),
])
def test_deadline_texts_read_as_dates(text, due, precision):
    value = read_due(text, ISSUED)
    assert (value.due.isoformat() if value.due else None, value.precision) == (due, precision)


@pytest.mark.parametrize("text, recurs", [
    ("trước ngày 15/12 hằng năm", "yearly"), ("hằng năm", "yearly"), ("mỗi năm", "yearly"),
    ("trước ngày 20 hằng tháng", "monthly"), ("hằng quý", "quarterly"), ("hằng tuần", "weekly"),
    ("thường xuyên", "continuous"), ("liên tục", "continuous"), ("Quý II/2023", None), ("năm 2024", None),
])
def test_how_a_deadline_repeats(text, recurs):
    assert read_due(text, ISSUED).recurs == recurs


def test_a_period_keeps_its_start():
    assert read_due("giai đoạn 2023-2025").start == date(2023, 1, 1)
    assert read_due("2024–2026").start == date(2024, 1, 1)
    assert read_due("trước ngày 15/12 hằng năm giai đoạn 2024-2025").start == date(2024, 1, 1)


def test_without_any_year_a_dayless_date_is_no_date():
    assert read_due("trước ngày 30/6").precision == "none"  # no issue date to place it in
    assert read_due("trước ngày 30/6", date(2022, 1, 5)).due == date(2022, 6, 30)


def test_occurrences_in_a_window():
    window = (date(2023, 12, 5), date(2023, 12, 19))
    assert list(occurrences(date(2023, 12, 15), None, None, *window)) == [date(2023, 12, 15)]
    assert list(occurrences(date(2023, 12, 5), None, None, *window)) == []  # the window opens after its first day
    assert list(occurrences(date(2022, 12, 15), "yearly", None, *window)) == [date(2023, 12, 15)]
    assert list(occurrences(date(2022, 12, 15), "yearly", date(2022, 12, 31), *window)) == []  # period over
    assert list(occurrences(date(2023, 1, 10), "monthly", None, date(2023, 11, 30), date(2024, 1, 15))) == [
        date(2023, 12, 10), date(2024, 1, 10)]
    assert list(occurrences(date(2024, 2, 29), "yearly", None, date(2025, 2, 20), date(2025, 3, 1))) == [date(2025, 2, 28)]


def test_sentences_give_the_phrase_the_reader_dates():
    for sentence, phrase in [
        ("Tổng hợp, báo cáo UBND tỉnh trước ngày 20 hằng tháng.", "trước ngày 20 hằng tháng"),
        ("Tổ chức Tuần văn hóa vào tháng 12 hằng năm.", "vào tháng 12 hằng năm"),
        ("Gửi báo cáo về Sở Ngoại vụ trước ngày 15/12 hằng năm để tổng hợp.", "trước ngày 15/12 hằng năm"),
    ]:
        found = find_deadline(sentence)
        assert found and found[0].text == phrase


def test_assignments_are_dated_against_the_plan_issue_date():
    items = [Assignment("Sở Ngoại vụ", "Sở Ngoại vụ", True, "chủ trì", "Báo cáo", deadline="trước ngày 30/6"),
             Assignment("Sở Ngoại vụ", "Sở Ngoại vụ", True, "chủ trì", "Theo dõi", deadline="thường xuyên"),
             Assignment("Sở Ngoại vụ", "Sở Ngoại vụ", True, "chủ trì", "Tổ chức", deadline="giai đoạn 2023-2025")]
    dated = date_assignments(items, "2024-01-10")
    assert [(a.due, a.precision, a.recurs) for a in dated] == [
        ("2024-06-30", "day", None), (None, "none", "continuous"), ("2025-12-31", "period", None)]
    assert dated[2].due_start == "2023-01-01"
    assert Assignment.from_dict(dated[0].to_dict()) == dated[0]


def test_a_deadline_written_with_hyphens_is_a_deadline():
    from ingest.deadlines import find_deadline

    found = find_deadline("lập hồ sơ, gửi Sở Văn hóa, Thể thao và Du lịch trước ngày 30-6-2027")
    assert found is not None and found[0].text == "trước ngày 30-6-2027" and found[0].due_year == 2027
    month = find_deadline("hoàn thành trong tháng 10-2027")
    assert month is not None and month[0].due_year == 2027
