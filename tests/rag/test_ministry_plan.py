"""Answers on a ministry's decision issuing its plan, a text written for these tests (tests/fixtures/ministry-plan):
tasks grouped under each unit's heading line, the unit's items read under it."""
from __future__ import annotations

import pytest

from tests.rag.conftest import fixture_store

pytestmark = pytest.mark.slow
store = fixture_store("ministry-plan")


def test_a_units_heading_line_ending_in_a_colon_is_answered_with_the_items_under_it(store):
    answer = store.answerer.ask("vien bao tang thien van da lua phai lam gi theo qd 2291?")
    assert answer.found
    assert "31/12/2028" in answer.answer and "60 đoàn" in answer.answer
    assert "Brno" not in answer.answer  # another unit's items


def test_an_item_ending_in_a_colon_leads_the_items_under_it(store):
    """"• Ngân sách theo năm:" is itself a list item; the "+ Năm 2029: …" lines under it are read with its words, so the
    year's line ranks above the period's "Ngân sách trung ương: …" line."""
    from rag.find import sentences
    from rag.understand.question import analyze

    question = "Ngân sách của kế hoạch ngoại giao văn hóa Bộ Khoa học và Công nghệ năm 2029 là bao nhiêu?"
    answer = store.answerer.ask(question)
    assert answer.found and "5.200 triệu đồng" in answer.answer
    index = store.answerer.index
    q = analyze(question)
    hits = store.answerer.search(q.pq.text)
    ranked = sentences.rank(q.pq.content or q.text, q.answer_type, hits, index.idf, index.plan, q.section_words)
    assert ranked[0].body.startswith("Năm 2029")


def test_a_short_line_without_a_full_stop_heads_the_bullets_under_it(store):
    """"Ngày thứ hai (thứ Tư, 15/9/2029)" over "- 17h00: …" lines: the bullets say what the day holds."""
    answer = store.answerer.ask("Lịch trình ngày thứ hai của đoàn Bộ Khoa học và Công nghệ tại Brno gồm những gì?")
    assert answer.found and "Đại học Masaryk" in answer.answer and "17h00" in answer.answer
