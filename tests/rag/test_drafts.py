"""A Word draft with its tracked changes, as pandoc writes it (tests/ingest/test_markup.py's DRAFT): a year's own sum
in a plan of a period is the line of that year, its value before the change shown beside it."""
from __future__ import annotations

import pytest

from tests.ingest.test_markup import DRAFT
from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow
store = texts_store("drafts", {"mai-son-du-thao-kh-dnnd-2029.txt": DRAFT.replace(
    "Công tác đối ngoại nhân dân tỉnh Mai Sơn năm 2029", "Công tác đối ngoại nhân dân tỉnh Mai Sơn giai đoạn 2029 - 2030")})


def test_a_years_sum_in_a_plan_of_a_period_is_that_years_line(store):
    answer = store.answerer.ask("Dự thảo kế hoạch đối ngoại nhân dân Mai Sơn tổng kinh phí năm 2029 bao nhiêu?")
    assert answer.found and "3.900 triệu đồng" in answer.answer
    assert "(trước đây: 4.600 triệu đồng)" in answer.answer  # the value before the change, beside it
