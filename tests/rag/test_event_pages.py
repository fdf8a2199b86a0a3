"""News pages announcing an event in numbered fields ("1. Thời gian: …", "2. Địa điểm: …"): the field states
where or when, and the page's title is its first sentence, not a capital after a label."""
from __future__ import annotations

import pytest

from rag.find.sentences import field_kind, quotable
from tests.rag.conftest import fixture_store

pytestmark = pytest.mark.slow
store = fixture_store("event-pages")

BRNO = "hoi-cho-van-hoa-brno-news.txt"


def _answer(store, question: str):
    return store.answerer.ask(question)


@pytest.mark.parametrize(("line", "kind"), [
    ("Địa điểm: Hà Nội", "place"),
    ("Địa điểm tổ chức: Trung tâm hội chợ Výstaviště Brno", "place"),
    ("Thời gian: tháng 9/2026", "date"),
    ("Cơ quan chủ trì: Sở Ngoại vụ", "agency"),
    ("Nội dung các hoạt động chính:", None),
    ("Hà Nội là nơi tổ chức", None),
])
def test_a_field_line_says_what_kind_of_value_it_gives(line, kind):
    assert field_kind(line) == kind
    if kind:
        assert quotable(line)  # short, but a value: worth showing


def test_a_page_without_a_title_line_is_titled_by_its_lead_not_by_a_capital_after_a_label(store):
    store.answerer.index.refresh()
    titles = {p.source.rsplit("/", 1)[-1]: p.meta.title for p in store.answerer.index.plans.values()}
    assert titles[BRNO].startswith("Hội chợ văn hóa và ẩm thực các dân tộc Việt Nam")  # "Theo đó," dropped
    assert "Chương trình tham quan" not in titles[BRNO]


def test_where_an_event_is_held_is_its_place_field(store):
    a = _answer(store, "Hội chợ văn hóa và ẩm thực các dân tộc Việt Nam tại Brno lần thứ 3 diễn ra ở đâu?")
    assert a.found and "Výstaviště" in a.answer
    assert a.citations[0].source.endswith(BRNO)


def test_both_parts_of_when_and_where_are_answered(store):
    a = _answer(store, "Hội chợ văn hóa và ẩm thực ở Brno lần thứ 3 tổ chức ngày nào và ở đâu?")
    assert a.found and "12-14/9" in a.answer and "Výstaviště" in a.answer
