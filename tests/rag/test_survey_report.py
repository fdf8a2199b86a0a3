"""Answers on a province's report written as a survey's numbered questions and answers, a text written for these tests
(tests/fixtures/survey): "Câu 2. …" is answered by what stands under its "Trả lời:", a form's ticked boxes only."""
from __future__ import annotations

import pytest

from tests.rag.conftest import fixture_store

pytestmark = pytest.mark.slow
store = fixture_store("survey")


def test_a_numbered_question_is_answered_by_its_ticked_boxes(store):
    answer = store.answerer.ask("Tỉnh Lam Uyên chọn những khó khăn chủ yếu nào trong phiếu khảo sát?")
    assert answer.found and "Kinh phí bố trí còn hạn chế" in answer.answer and "ngoại ngữ" in answer.answer
    assert "Thiếu văn bản hướng dẫn" not in answer.answer and "Trả lời" not in answer.answer


def test_a_numbered_question_is_answered_by_the_text_under_it(store):
    answer = store.answerer.ask("Lam Uyên kiến nghị, đề xuất gì với Bộ Ngoại giao?")
    assert answer.found and "tập huấn" in answer.answer
