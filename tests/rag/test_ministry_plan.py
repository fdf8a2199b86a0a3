"""Answers on a ministry's decision issuing its plan, a text written for these tests (tests/fixtures/ministry-plan):
tasks grouped under each unit's heading line, the unit's items read under it."""
from __future__ import annotations

import pytest

from ngvh.services import Services
from tests.conftest import ROOT
from tests.rag.conftest import ingested

PLAN = ROOT / "tests" / "fixtures" / "ministry-plan"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Services:
    return ingested(tmp_path_factory, PLAN, "ministry-plan")


def test_a_units_heading_line_ending_in_a_colon_is_answered_with_the_items_under_it(store):
    answer = store.answerer.ask("vien bao tang thien van da lua phai lam gi theo qd 2291?")
    assert answer.found
    assert "31/12/2028" in answer.answer and "60 đoàn" in answer.answer
    assert "Brno" not in answer.answer  # another unit's items
