"""Answers on a province's report and its portal's news page, texts written for these tests
(tests/fixtures/unseen-reports): a province no gazetteer knows, a report named by its number, a news page whose
only place is its portal's banner."""
from __future__ import annotations

import pytest

from tests.rag.conftest import fixture_store

pytestmark = pytest.mark.slow
store = fixture_store("unseen-reports")


def test_a_news_page_is_about_the_province_of_its_portal_not_a_person_after_a_title(store):
    store.answerer.index.refresh()
    page = next(p.meta for p in store.answerer.index.plans.values() if "Tà Vân" in p.meta.title)
    assert page.province == "Lộc Điền" and page.issuer == "UBND tỉnh Lộc Điền"


def test_a_document_named_by_its_number_is_answered_from_its_best_typed_sentence(store):
    answer = store.answerer.ask("Theo Báo cáo 27/BC-UBND, năm 2026 tỉnh Lộc Điền đón bao nhiêu lượt khách quốc tế, "
                                "tăng bao nhiêu phần trăm so với 2025?")
    assert answer.found and "154.300" in answer.answer and "12,6%" in answer.answer
    assert "Năm 2025:" not in answer.answer  # a base year compared against is not a year asked



def test_a_kind_of_thing_no_passage_names_is_not_answered_with_a_nearby_sentence(store):
    answer = store.answerer.ask("Cửa khẩu quốc tế nào nằm trên địa bàn xã Tà Vân?")
    assert not answer.found and not answer.citations


def test_a_title_which_signed_asks_a_person(store):
    answer = store.answerer.ask("Thứ trưởng nào ký Báo cáo 27/BC-UBND của Lộc Điền?")
    assert "Lê Quang Vinh" in answer.answer  # the signer, not a passage that names some official



def test_a_part_naming_a_document_the_store_only_cites_is_answered_from_the_citing_sentence(store):
    answer = store.answerer.ask("Chỉ thị 25/CT-TTg được ban hành ngày nào và báo cáo 27/BC-UBND do ai ký?")
    assert "10/9/2021" in answer.answer or "10/9/2021" in answer.answer
    assert "Lê Quang Vinh" in answer.answer


def test_a_figure_asked_of_a_year_no_line_gives_is_not_answered_with_other_years(store):
    answer = store.answerer.ask("Lộc Điền phấn đấu đón bao nhiêu lượt khách du lịch quốc tế năm 2029?")
    assert not answer.found and not answer.citations


def test_every_part_of_a_question_naming_only_a_cited_document_is_about_it(store):
    answer = store.answerer.ask("Chỉ thị 25/CT-TTg là về việc gì và ban hành ngày nào?")
    assert "10/9/2021" in answer.answer or "10/9/2021" in answer.answer


def test_the_base_of_a_comparison_is_no_year_a_figure_is_of():
    from rag.decide.years import other_years
    from rag.understand.question import analyze

    q = analyze("năm 2027 lien hiep huu nghi loc dien tiep bao nhieu doan, tong bao nhieu nguoi")
    shown = ("Từ đầu năm đến nay Liên hiệp đã tiếp 18 đoàn với 140 người (tăng 4 lượt đoàn so với cùng kỳ 2026).")
    assert other_years(q, shown, set()) is None
    assert other_years(q, "Năm 2026 Liên hiệp đã tiếp 18 đoàn với 140 người.", set()) is not None


def test_a_year_asked_needs_a_year_where_the_answer_comes_from(store):
    answer = store.answerer.ask("Xã Tà Vân kết nghĩa với bản Nậm Khon vào năm nào?")
    # the page dates the signing "Ngày 18/3" and names the period 2027 - 2030: a year is there
    assert answer.found


def test_a_department_plan_whose_pdf_header_breaks_the_province_between_lines_is_the_departments(store):
    store.answerer.index.refresh()
    plan = next(p.meta for p in store.answerer.index.plans.values() if p.meta.number == "05/KH-SNgV")
    assert (plan.issuer, plan.province, plan.date) == ("Sở Ngoại vụ tỉnh Lộc Điền", "Lộc Điền", "2028-01-14")




def test_an_effective_date_is_only_a_line_speaking_of_effect(store):
    answer = store.answerer.ask("Kế hoạch công tác ngoại giao văn hóa năm 2028 của Sở Ngoại vụ có hiệu lực từ ngày nào?")
    assert not answer.found and "hiệu lực" in answer.answer  # the plan's date of issue is no date it takes effect



def test_a_catalog_of_a_place_only_the_store_knows_lists_every_document_of_it(store):
    answer = store.answerer.ask("Tỉnh Lộc Điền có những văn bản nào năm 2028?")
    assert answer.kind == "catalog" and "05/KH-SNgV" in answer.answer  # "Lộc Điền" is no topic its title must hold





def test_a_body_only_listed_in_a_plan_with_task_records_has_no_duty_there(store):
    answer = store.answerer.ask("Phòng Lễ tân Sở Ngoại vụ Lộc Điền chủ trì việc gì?")
    assert not answer.found or "Phòng Lễ tân" in answer.answer


def test_a_request_to_a_body_the_text_never_names_is_not_answered(store):
    answer = store.answerer.ask("Sở Ngoại vụ Lộc Điền kiến nghị Bộ Giáo dục và Đào tạo những gì?")
    assert not answer.found



def test_a_request_to_a_body_the_report_never_addresses_is_refused(store):
    answer = store.answerer.ask("Tỉnh Lộc Điền kiến nghị gì với Bộ Công Thương?")
    assert not answer.found



def test_an_event_in_a_named_country_is_read_from_the_passages_that_name_it(store):
    answer = store.answerer.ask("Ngày hội văn hóa Lộc Điền tại Campuchia khai mạc ở đâu?")
    assert answer.found and "Chaktomuk" in answer.answer and "Khon Kaen" not in answer.answer


# what an answer must hold, by the mechanism it exercises (each a question written for these texts)
FOUND = [
    pytest.param('Xã Tà Vân kết nghĩa với bản Nậm Khon ngày nào?', ['18/3'], id='an_event_date_is_the_pages_not_the_documents'),
    pytest.param('Sở Ngoại vụ Lộc Điền được dự kiến phân bổ bao nhiêu ngân sách tỉnh năm 2027?', ['950.000.000'], id='an_agency_s_line_of_a_breakdown_without_list_marks_is_read_under_its_lead_in'),
    pytest.param('Ở Lộc Điền, hạn báo cáo kết quả thực hiện Kế hoạch ngoại giao văn hóa hằng năm là khi nào?', ['10/12', '25/11'], id='two_near_equal_deadlines_from_two_sections_are_both_shown'),
    pytest.param('Tập gấp giới thiệu di sản Lộc Điền bằng tiếng Lào bao giờ phát hành?', ['quý II/2028'], id='a_release_date_asked_is_the_items_not_the_plans'),
    pytest.param('Kế hoạch 05/KH-SNgV áp dụng đối với những đối tượng nào?', ['phòng, đơn vị thuộc Sở'], id='an_articles_heading_is_answered_by_what_the_article_says'),
    pytest.param('Hồ sơ Lễ hội Xuống đồng phải trình Bộ VHTTDL trước ngày nào và phòng nào chủ trì?', ['30/6/2028', 'Phòng Hợp tác quốc tế'], id='a_task_named_with_an_agency_acronym_is_the_task_its_full_name_writes'),
    pytest.param('Kế hoạch 05/KH-SNgV: ngân sách bố trí kinh phí năm 2029 bao nhiêu tiền?', ['210 triệu'], id='a_years_sum_the_task_does_not_name_is_read_from_the_plans_funding'),
    pytest.param('Kế hoạch của Sở Ngoại vụ tỉnh Lộc Điền do ai ký?', ['Lò Văn Sướng'], id='of_a_places_texts_the_one_its_named_body_issued_is_asked'),
    pytest.param('Tỉnh Lộc Điền kiến nghị gì với Bộ Văn hóa, Thể thao và Du lịch?', ['Lễ hội Xuống đồng'], id='a_request_heading_is_answered_by_the_requests_under_it'),
]


@pytest.mark.parametrize("question, words", FOUND)
def test_answers_hold_what_is_asked(store, question, words):
    answer = store.answerer.ask(question)
    assert answer.found and all(w in answer.answer for w in words), answer.answer


# a news page on an event abroad (loc-dien-tuan-phim-lao-2026-news.txt): a lead dated "Chiều nay (14/5)", a venue
# after "tại", a plan it only cites
EVENT = [
    pytest.param('tuan phim loc dien tai lao khai mac ngay nao o dau', ['14/5', 'Rạp Chiếu phim Quốc gia Lào'],
                 id='two_question_words_side_by_side_ask_two_things_of_the_event_the_title_names'),
    pytest.param('Kế hoạch 61/KH-UBND của tỉnh Lộc Điền ban hành ngày nào và về việc gì?', ['02/3/2026', 'giao lưu điện ảnh'],
                 id='what_a_cited_document_is_about_is_a_part_of_its_own'),
    pytest.param('Biên bản ghi nhớ hợp tác điện ảnh được ký ở đâu, vào ngày nào?', ['Phiêng Lay', '20/4/2026'],
                 id='a_place_asked_is_the_venue_after_tai'),
]


@pytest.mark.parametrize("question, words", EVENT)
def test_event_pages_answer_what_is_asked(store, question, words):
    answer = store.answerer.ask(question)
    assert answer.found and all(w in answer.answer for w in words), answer.answer


def test_a_year_naming_the_thing_a_meeting_was_for_is_no_year_its_date_must_be_of():
    from rag.decide.years import year_of_named_thing

    asked = "hung yen hop trien khai nhiem vu thong tin doi ngoai nam 2028 khi nao"
    line = "Ngày 26/12/2027, Ban Chỉ đạo tổ chức Hội nghị triển khai nhiệm vụ công tác thông tin đối ngoại năm 2028."
    assert year_of_named_thing(asked, line, 2028)
    assert not year_of_named_thing("le hoi nam 2028 dien ra ngay nao", "Lễ hội năm 2027 diễn ra ngày 3/5/2027.", 2028)
