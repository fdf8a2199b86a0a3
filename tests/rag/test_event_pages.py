"""News pages announcing an event in numbered fields ("1. Thời gian: …", "2. Địa điểm: …"): the field states
where or when, and the page's title is its first sentence, not a capital after a label."""
from __future__ import annotations

import pytest

from rag.find.lines import field_kind, quotable
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
    assert a.found and "12-14/9" in a.answer and "Brno" in a.answer  # the line with the date names the city too


LAC_KHE = "lac-khe-hoi-huu-nghi-viet-lao-news.txt"


def test_a_page_with_no_number_of_its_own_answers_which_decision_from_its_lines(store):
    a = _answer(store, "Hội Hữu nghị Việt Nam - Lào tỉnh Lạc Khê được thành lập theo quyết định nào, ký ngày nào?")
    assert a.found and "512/QĐ-UBND" in a.answer and "12/3/2026" in a.answer  # not "bài viết … không ghi số hiệu"


def test_each_part_gets_the_line_that_answers_it(store):
    a = _answer(store, "Hội Hữu nghị Việt Nam - Lào tỉnh Lạc Khê thành lập năm nào và hiện có bao nhiêu hội viên?")
    assert a.found and "năm 2026" in a.answer and "240 hội viên" in a.answer


def test_the_lead_a_page_is_titled_by_is_no_mere_echo_of_its_title(store):
    a = _answer(store, "ban chap hanh hoi huu nghi viet nam - lao lac khe khoa I co bao nhieu thanh vien")
    assert a.found and "35 thành viên" in a.answer


def test_a_two_part_answer_passes_the_last_gate_too(store):
    """"… năm 2019 …": no line of either part speaks of that year, so neither part is answered from another year."""
    a = _answer(store, "Hội chợ văn hóa ẩm thực ở Brno năm 2019 có bao nhiêu gian hàng và tổ chức ở đâu?")
    assert not a.found and not a.citations
