"""A ministry's report whose figures stand in its appendix (tests/fixtures/report-appendix, written for these tests):
a year's own figure answers for that year, not the period's total; a body typed as its numbers' code scopes the
question; a year's total line answers "tổng … năm X"; a document the report only cites answers nothing of its own."""
from __future__ import annotations

import pytest

from tests.rag.conftest import fixture_store

pytestmark = pytest.mark.slow
store = fixture_store("report-appendix")


def test_a_years_own_figure_answers_for_that_year(store):
    answer = store.answerer.ask("Năm 2024 có bao nhiêu lượt chuyên gia nông nghiệp tham gia trao đổi với nước ngoài?")
    assert answer.found and "290 lượt" in answer.answer


def test_a_body_typed_as_the_code_of_its_numbers_scopes_the_question(store):
    answer = store.answerer.ask("tuan nong san o nuoc ngoai nam 2025 cua bnnmt la bao nhieu su kien")
    assert answer.found and "7 sự kiện" in answer.answer


def test_a_years_total_line_answers_the_total_of_that_year(store):
    answer = store.answerer.ask("Tổng kinh phí ngoại giao văn hóa của Bộ Nông nghiệp và Môi trường riêng năm 2026 là bao nhiêu?")
    assert answer.found
    assert answer.answer.index("1.540 triệu đồng") < answer.answer.index("1.300 triệu đồng")


def test_a_document_the_report_only_cites_answers_nothing_of_its_own(store):
    answer = store.answerer.ask("Kế hoạch 77/KH-BNNMT có tổng kinh phí bao nhiêu?")
    assert not answer.found and not answer.citations


def test_a_district_that_issues_a_plan_is_a_place_the_store_knows(store):
    """"Sông Mây" is in no gazetteer: the district issues a plan of 2027, so a plan of 2029 is one the store lacks."""
    answer = store.answerer.ask("Kế hoạch năm 2029 của Sông Mây")
    assert not answer.found and "Sông Mây" in answer.answer and answer.kind == "unknown_scope"
    held = store.answerer.ask("Kế hoạch năm 2027 của Sông Mây mời đoàn nghệ nhân huyện nào của Lào?")
    assert held.found and "Mường Khoa" in held.answer
