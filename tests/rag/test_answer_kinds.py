"""Answers by kind over the sample plans: parts, catalog filters, standing, refusals that say what is held.
Questions written for these tests (not taken from the shared evaluation sets)."""
from rag.compose.citations import check_citations


def ask(services, question):
    return services.answerer.ask(question)


def test_two_part_question_gets_one_cited_line_per_part(sample_services):
    answer = ask(sample_services, "Kế hoạch 726/KH-UBND ban hành ngày nào và ai là người ký?")
    lines = answer.answer.splitlines()
    assert answer.found and len(lines) == 2
    assert "29/03/2022" in lines[0] and "Lê Hải Hòa" in lines[1]  # the date as the page writes it ("Ngày ban hành 29/03/2022")
    assert all(line.rstrip().endswith("]") for line in lines)
    assert check_citations(answer.answer, answer.citations)


def test_parts_without_diacritics(sample_services):
    answer = ask(sample_services, "ke hoach 726 ban hanh ngay nao, do ai ky")
    assert "29/03/2022" in answer.answer and "Lê Hải Hòa" in answer.answer  # as the page writes it


def test_catalog_filtered_by_the_national_document_implemented(sample_services):
    answer = ask(sample_services, "Những địa phương nào có kế hoạch thực hiện Chỉ thị 25/CT-TTg?")
    assert answer.found and answer.kind == "catalog"
    assert "Hải Phòng" in answer.answer and "Cao Bằng" not in answer.answer
    assert check_citations(answer.answer, answer.citations)


def test_catalog_count_and_earliest(sample_services):
    count = ask(sample_services, "Trong kho có bao nhiêu kế hoạch?")
    assert count.kind == "catalog" and count.answer.startswith("Kho có ")
    first = ask(sample_services, "tinh nao ban hanh ke hoach som nhat")
    assert first.kind == "catalog" and len(first.citations) == 1


def test_a_year_no_plan_of_that_place_has_is_refused_with_what_is_held(sample_services):
    answer = ask(sample_services, "Kế hoạch ngoại giao văn hóa năm 2017 của Cao Bằng có gì?")
    assert not answer.found and answer.citations == []
    assert "2017" in answer.answer and "726/KH-UBND" in answer.answer


def test_a_fact_the_plan_does_not_state_is_refused_naming_the_plan(sample_services):
    answer = ask(sample_services, "Ai ký Kế hoạch 173/KH-UBND?")
    assert not answer.found and answer.citations == []
    assert "173/KH-UBND" in answer.answer


def test_an_amount_no_passage_states_is_refused(sample_services):
    answer = ask(sample_services, "Kinh phí để Hải Phòng thực hiện kế hoạch là bao nhiêu tỷ đồng?")
    assert not answer.found and answer.citations == []


def test_duties_refusal_names_the_agency(sample_services):
    answer = ask(sample_services, "Sở Y tế phải làm gì đến năm 2030?")
    assert not answer.found and answer.citations == [] and "Sở Y tế" in answer.answer


def test_standing_of_a_plan(sample_services):
    answer = ask(sample_services, "Kế hoạch 726/KH-UBND còn hiệu lực không?")
    assert answer.found and answer.kind == "standing" and "726/KH-UBND" in answer.answer
    assert check_citations(answer.answer, answer.citations)


def test_back_reference_answers_about_the_document_named_before(sample_services):
    answer = ask(sample_services, "Kế hoạch 726/KH-UBND thực hiện quyết định nào, và quyết định đó do ai ký?")
    assert "2013/QĐ-TTg" in answer.answer and "Phạm Bình Minh" in answer.answer


def test_the_place_asked_for_is_in_the_answer(sample_services):
    answer = ask(sample_services, "Cao Bằng dự định tổ chức Ngày Văn hóa Việt Nam tại tỉnh nào?")
    assert answer.found and "Quảng Tây" in answer.answer
