"""The last gates of an answer and the readings they rest on, on sentences written for these tests: another edition,
half year or office than the one asked is no answer; a language is no country; a venue named is the task's."""
from __future__ import annotations

import pytest

from ground.plans import PlanMeta
from rag.compose.records import _holds_venues
from rag.decide.editions import other_occasion
from rag.decide.grounds import missing_asked
from rag.decide.places import names_foreign_places
from rag.find.plans import plan_facts
from rag.understand import entities
from rag.understand.question import analyze


@pytest.mark.parametrize(("question", "shown", "missing"), [
    ("Liên hoan hát then lần thứ 3 tổ chức ở đâu?", "Liên hoan hát then lần 2 tổ chức tại xã Tà Vân.", "lần thứ 3"),
    ("Sáu tháng cuối năm 2027 tỉnh đón bao nhiêu đoàn?", "6 tháng đầu năm 2027, tỉnh đón 12 đoàn.", "6 tháng cuối"),
    ("Chủ tịch UBND tỉnh Mây Đảo là ai?", "Kế hoạch do Phó Chủ tịch UBND tỉnh Lò Văn Páo ký.", "Chủ tịch"),
    ("moi com khach hang D toi da bao nhieu", "Khách hạng A: tối đa 2.000.000 đồng; Khách hạng C: tối đa 1.000.000 đồng.",
     "hang D"),  # a grade the lines never give
    ("Đại sứ quán tổ chức lễ kỷ niệm 80 năm Quốc khánh ngày nào?",
     "Ngày 2/9, Đại sứ quán tổ chức Lễ kỷ niệm 78 năm Quốc khánh tại trụ sở.", "kỷ niệm 80 năm"),
    ("Ai được bầu làm Chủ tịch Hội khóa VI?", "Hội nghị Ban Chấp hành khóa V do Chủ tịch Hội Lò Thị Mai chủ trì.", "khóa VI"),
])
def test_another_edition_half_year_or_office_is_no_answer(question, shown, missing):
    assert missing in (other_occasion(analyze(question), shown) or "")


@pytest.mark.parametrize(("question", "shown"), [
    ("Liên hoan hát then lần thứ 2 tổ chức ở đâu?", "Liên hoan hát then lần thứ 2 tổ chức tại xã Tà Vân."),
    ("6 tháng đầu năm 2027 tỉnh đón bao nhiêu đoàn?", "6 tháng đầu năm 2027, tỉnh đón 12 đoàn."),
    ("Phó Chủ tịch nào ký kế hoạch?", "Kế hoạch do Phó Chủ tịch UBND tỉnh Lò Văn Páo ký."),
    ("Chủ tịch UBND tỉnh là ai?", "Chủ tịch UBND tỉnh Hà Văn Khoa dự lễ; Phó Chủ tịch Lò Văn Páo phát biểu."),
    ("Đại hội lần 5 họp ở đâu?", "Đại hội đại biểu toàn quốc lần thứ V họp tại Hà Nội."),  # one edition, however written
    ("Festival lần thứ nhất diễn ra ở đâu?", "Festival lần 1 diễn ra tại Quảng trường Đồng Vọng."),
    ("Mời cơm khách hạng C tối đa bao nhiêu?", "Khách hạng A: tối đa 2.000.000 đồng; Khách hạng C: tối đa 1.000.000 đồng."),
    ("Hội nghị lần thứ 2 họp ở đâu?", "Hội nghị họp 3 lần, năm 2027 tại xã Tà Vân; lần thứ hai tại Mây Đảo."),
    ("Lễ kỷ niệm 78 năm Quốc khánh tổ chức ở đâu?", "Đại sứ quán tổ chức Lễ kỷ niệm 78 năm Quốc khánh tại trụ sở."),
    ("Chủ tịch Hội khóa 5 là ai?", "Hội nghị Ban Chấp hành khóa V do Chủ tịch Hội Lò Thị Mai chủ trì."),
])
def test_the_edition_half_year_or_office_asked_passes(question, shown):
    assert other_occasion(analyze(question), shown) is None


def test_a_page_titled_for_the_edition_asked_is_of_it_whatever_edition_its_lines_name():
    q = analyze("Tại Hội nghị Ban Chấp hành lần thứ IX, đại biểu nghe thông báo về chỉ thị số mấy?")
    shown = "Như Hội nghị lần thứ VIII, Hội nghị nghe thông báo về Chỉ thị số 38-CT/TW."
    assert other_occasion(q, shown) == "lần thứ ix"
    assert other_occasion(q, shown, "Hội nghị Ban Chấp hành lần thứ IX, khóa V") is None
    # an edition of another kind of event is none of the one asked ("Đại hội … lần thứ VI" beside a Hội nghị)
    assert other_occasion(q, "Hội nghị nghe báo cáo chuẩn bị Đại hội lần thứ VI.") is None
    first = analyze("con hoi nghi doi ngoai toan quoc lan dau tien to chuc ngay nao")
    assert other_occasion(first, "Ngày 14/12/2021, Hội nghị triển khai Nghị quyết Đại hội lần thứ XIII.") is None


def test_a_language_after_tieng_is_no_country():
    assert not names_foreign_places("Đặc khu hợp tác với địa phương nào của Hàn Quốc?",
                                    ["thuyết minh song ngữ, có thêm tiếng Hàn hoặc tiếng Nhật"])
    assert names_foreign_places("Đặc khu hợp tác với địa phương nào của Hàn Quốc?", ["giao lưu Việt - Hàn"])


def test_a_task_holds_the_venue_the_question_names():
    assert not _holds_venues("Tuần văn hóa Mây Đảo tại Langkawi tổ chức năm nào?", "Tuần văn hóa Mây Đảo tại Ishigaki")
    assert _holds_venues("Tuần văn hóa Mây Đảo tại Ishigaki tổ chức năm nào?", "Tuần văn hóa Mây Đảo tại Ishigaki")
    assert _holds_venues("tuan van hoa may dao o ishigaki nam nao", "Tuần văn hóa Mây Đảo tại Ishigaki")


def test_a_run_of_days_and_things_counted_in_reports_are_tagged():
    found = {(e.kind, e.text) for e in entities.tag("Trại hè (diễn ra từ 11 - 30/7) trưng bày 35 bức tranh lụa.")}
    assert ("date", "từ 11 - 30/7") in found and ("number", "35 bức tranh") in found


def test_an_event_named_with_its_year_is_of_that_year():
    meta = PlanMeta(title="Khai mạc Những ngày văn hóa Mây Đảo tại Lào 2027")
    assert 2027 in plan_facts(meta).years
    assert {2026, 2028, 2030} <= plan_facts(PlanMeta(title="Chương trình giai đoạn 2026 - 2030")).plan_years
    assert 2028 not in plan_facts(PlanMeta(title="Kế hoạch năm 2027")).plan_years


def test_a_body_named_by_its_place_alone_and_a_follow_ups_body_up_to_its_tail():
    from ground.agencies import find_agencies
    from rag.understand.named import find_entities

    assert [a.canonical for a in find_agencies("Công an đặc khu Mây Đảo được giao nhiệm vụ gì?")] == [
        "Công an đặc khu Mây Đảo"]
    named = [e.name for e in find_entities("còn Ban Quản lý Khu bảo tồn biển thì sao?") if e.kind == "agency"]
    assert named == ["Ban Quản lý Khu bảo tồn biển"]


@pytest.mark.parametrize(("question", "shown", "missing"), [
    ("Xuân Mây Đảo 2027 có bao nhiêu kiều bào về dự?", "Xuân Mây Đảo 2027 tổ chức ngày 21 tháng Chạp, kéo dài 2 ngày.",
     "số kiều bào"),  # days counted, not people (and "Mây Đảo" is no "mấy đảo")
    ("Nghị quyết 47 giao bao nhiêu nhiệm vụ cho Bộ Ngoại giao?",
     "Chương trình thể hiện rõ mục tiêu, nhiệm vụ và giải pháp của Chính phủ trong tình hình mới, cụ thể hóa quan "
     "điểm chỉ đạo nêu tại Kết luận 57-KL/TW; là căn cứ để 100% bộ, ngành xây dựng kế hoạch.",
     "số nhiệm vụ"),  # the thing asked named, and a figure of something else
    ("Nhà hát biểu diễn mấy suất ở thủ đô Santiago?", "Nhà hát biểu diễn 4 suất tại Nam Ninh.", "Santiago"),
    ("nha hat bieu dien may suat o thu do santiago", "Nhà hát biểu diễn 4 suất tại Nam Ninh.", "santiago"),
    ("Hiệu trưởng Trường Đại học Sơn Cước phát biểu gì?", "Phó Hiệu trưởng Lò Thị Mai phát biểu chào mừng.", "Hiệu trưởng"),
])
def test_lines_that_miss_what_is_asked_are_no_answer(question, shown, missing):
    assert missing in (missing_asked(analyze(question), shown, set()) or "")


@pytest.mark.parametrize(("question", "shown"), [
    ("Hội có bao nhiêu tổ chức thành viên?", "Với gần 23 năm hoạt động và 6 tổ chức thành viên, Hội …"),
    ("Trường có bao nhiêu lưu học sinh năm 2022?",
     "Số lưu học sinh đang học tại Trường tăng nhanh: năm 2021 có 38 người, năm 2022 có 74 người."),  # its figure after it
    ("ve may bay quoc te cho doan nghe thuat do ben nao tra", "Phía Hồng Nham chi trả vé máy bay quốc tế."),
    ("Nguồn xã hội hóa là bao nhiêu và dùng cho nhiệm vụ nào?",
     "Nguồn xã hội hóa (tài trợ của doanh nghiệp cho nhiệm vụ số 2): 200 triệu đồng."),  # "và" is no thing counted
    ("Ngoại giao văn hóa là một trong mấy trụ cột?", "Ngoại giao văn hóa là một trong ba trụ cột của ngoại giao."),
    ("Nhà hát biểu diễn mấy suất ở thủ đô Santiago?", "Tại Santiago, nhà hát biểu diễn 4 suất."),
    ("Hiệu trưởng Trường Đại học Sơn Cước phát biểu gì?", "Hiệu trưởng Hà Văn Khoa phát biểu chào mừng."),
])
def test_lines_that_hold_what_is_asked_pass(question, shown):
    assert missing_asked(analyze(question), shown, set()) is None


@pytest.mark.parametrize(("question", "shown", "found"), [
    ("Kinh phí xã hội hóa của chương trình là bao nhiêu tiền?",
     "Ngân sách tỉnh bố trí bình quân 3 tỷ đồng/năm; khuyến khích xã hội hóa, tài trợ của tổ chức, cá nhân.", False),
    ("kinh phi xhh cua dac khu may dao nam 2027 la bn?",
     "Ngân sách đặc khu: năm 2026: 1.850 triệu đồng; năm 2027: 2.400 triệu đồng.\nNguồn xã hội hóa: 3.000 triệu đồng.", False),
    ("Xã hội hóa năm 2027 bao nhiêu tiền?", "Xã hội hóa: năm 2026: 1.000 triệu đồng; năm 2027: 1.500 triệu đồng.", True),
    ("Giai đoạn 2021 - 2025 trường ký bao nhiêu thỏa thuận?",
     "Giai đoạn 2021 - 2025, Trường ký mới 17 thỏa thuận với 14 đối tác; năm 2024 thêm một đối tác.", True),
    # a source named asks a sum without "kinh phí"; a period typed "2027-2030" or "2027 - 2030" names no year of its own
    ("nguon xa hoi hoa nam 2028 cua ke hoach la bao nhieu", "Xã hội hóa và nguồn hợp pháp khác: 17.500 triệu đồng.", False),
    ("Nguồn xã hội hóa giai đoạn 2027-2030 là bao nhiêu?", "Nguồn xã hội hóa: 8.400 triệu đồng;", True),
    ("Nguồn xã hội hóa giai đoạn 2027 - 2030 là bao nhiêu?", "Nguồn xã hội hóa: 8.400 triệu đồng;", True),
])
def test_a_sum_of_a_named_source_and_a_period_asked(question, shown, found):
    from rag.understand.question import as_typed

    assert (missing_asked(analyze(as_typed(question)), shown, set()) is None) is found


def test_the_headers_number_and_date_cell_is_never_quoted():
    from rag.find.lines import quotable

    assert not quotable("Số 27-CTr/TU | Sơn Cước Phong, ngày 22 tháng 3 năm 2027")
    assert quotable("Số đoàn ra năm 2027 là 12 đoàn, tăng 3 đoàn so với năm trước.")



@pytest.mark.parametrize(("plan_years", "shown", "found"), [
    # a plan of 2027 - 2030 whose lines name other years of it than the one asked: they speak of those years
    ({2027, 2028, 2029, 2030}, 'Từ năm 2028, mỗi năm tổ chức 01 "Tuần lễ Giáo dục" tại thành phố Leipzig (Đức).', False),
    ({2027, 2028, 2029, 2030}, 'Năm 2027 tổ chức "Tuần lễ Giáo dục" tại thành phố Leipzig (Đức).', True),
    # lines naming no year speak of the whole plan; a plan of 2027 alone need not repeat its year
    ({2027, 2028, 2029, 2030}, 'Tổ chức "Tuần lễ Giáo dục" tại thành phố Leipzig (Đức).', True),
    ({2027}, 'Tổ chức "Tuần lễ Giáo dục" tại thành phố Leipzig (Đức), chuẩn bị từ năm 2026.', True),
])
def test_lines_of_other_years_of_a_plan_of_several_years_are_no_answer(plan_years, shown, found):
    question = "Năm 2027 Tuần lễ Giáo dục được tổ chức ở nước nào?"
    assert (missing_asked(analyze(question), shown, plan_years) is None) is found


@pytest.mark.parametrize(("question", "shown", "found"), [
    ("Những ngày Văn hóa Việt Nam tại Philippines tổ chức ở thành phố nào?",
     "Bộ phối hợp tổ chức Những ngày Văn hóa Philippines tại Việt Nam từ ngày 16/8/2027 tại thành phố Huế Xanh.", False),
    ("Tuan phim Han Quoc tai Viet Nam khai mac o dau?", "Tuần phim Việt Nam tại Hàn Quốc khai mạc tại Seoul.", False),
    ("Những ngày Văn hóa Việt Nam tại Philippines tổ chức ở thành phố nào?",
     "Những ngày Văn hóa Việt Nam tại Philippines tổ chức tại thành phố Iloilo.", True),
    # the texts hold both ways round: the one asked is there
    ("Tuần phim Hàn Quốc tại Việt Nam khai mạc ở đâu?",
     "Tuần phim Hàn Quốc tại Việt Nam khai mạc tại Nhà hát Hòa Bình, sau Tuần phim Việt Nam tại Hàn Quốc.", True),
])
def test_an_event_the_texts_hold_only_the_other_way_round_is_no_answer(question, shown, found):
    from rag.understand.question import as_typed

    assert (missing_asked(analyze(as_typed(question)), shown, set()) is None) is found


def test_the_issuer_of_the_cited_plan_is_no_unit_whose_own_sum_is_asked():
    question = analyze("Ngân sách của kế hoạch Bộ Khoa học và Công nghệ năm 2029 là bao nhiêu?")
    shown = "Năm 2029: 5.200 triệu đồng;"
    assert missing_asked(question, shown, {2027, 2030}) is not None  # whose sum it is, the lines do not say
    assert missing_asked(question, shown, {2027, 2030}, issuers=["Bộ Khoa học và Công nghệ"]) is None


def test_an_acronym_in_the_kind_asked_is_found_spelled_out():
    """"Thứ trưởng Bộ VHTTDL nào": the lines say "Bộ Văn hóa Thể thao và Du lịch", which spells the acronym."""
    question = analyze("Thứ trưởng Bộ VHTTDL nào phát biểu khai mạc Festival?")
    shown = "Tại buổi khai mạc, Thứ trưởng Bộ Văn hóa Thể thao và Du lịch Vương Duy Biên phát biểu."
    assert missing_asked(question, shown, set()) is None
    assert missing_asked(question, "Tại buổi khai mạc, Thứ trưởng Bộ Công Thương phát biểu.", set()) is not None


def test_a_count_each_year_is_no_year_asked_and_an_events_year_is_read_from_its_page():
    shown = "Cấp 15 suất học bổng mỗi năm cho sinh viên tỉnh Attapeu học tại Trường Cao đẳng Lam Uyên."
    assert missing_asked(analyze("Học bổng cho sinh viên Attapeu: mỗi năm mấy suất, học ở trường nào?"), shown, set()) is None
    assert missing_asked(analyze("Học bổng cho sinh viên Attapeu cấp từ năm nào?"), shown, set()) is not None
    # the year asked is in the page's lead, not in the line that answers: the page's event is of that year
    question = analyze("Tại hội nghị ngoại giao văn hóa năm 2024, Bộ trưởng nêu mấy mục tiêu chính?")
    line = "Bộ trưởng nhấn mạnh 5 mục tiêu chính của công tác ngoại giao văn hóa."
    assert missing_asked(question, line, set()) is not None
    assert missing_asked(question, line, set(), "Chiều 09/7, Bộ trưởng chủ trì Hội nghị ngoại giao văn hóa năm 2024.") is None


@pytest.mark.parametrize(("question", "shown", "found"), [
    # the event asked is named by words no line says: the lines are of other events
    ("nam lam tho giao co quan nao to chuc le hoi dua thuyen",
     "Nhiệm vụ 7: Tổ chức Liên hoan Ẩm thực biển quốc tế lần thứ nhất; chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
     False),
    ("Hội thảo quốc tế về nghề dệt thổ cẩm do đơn vị nào chủ trì?",
     'Tổ chức Hội thảo quốc tế "Văn hóa biển và phát triển bền vững"; chủ trì: Trường Đại học Lam Thổ.', False),
    ("Liên hoan ẩm thực biển do cơ quan nào chủ trì?",
     "Nhiệm vụ 7: Tổ chức Liên hoan Ẩm thực biển quốc tế lần thứ nhất; chủ trì: Sở Văn hóa, Thể thao và Du lịch.", True),
    # words every event carries tell none apart, and a purpose clause is no part of the name
    ("Tuần lễ văn hóa quốc tế diễn ra ở đâu?", "Tuần lễ Văn hóa quốc tế diễn ra tại thành phố Lam Thổ.", True),
    ("Tổ chức hội thảo quốc tế để làm gì?", "Tổ chức các hội thảo quốc tế để quảng bá giá trị văn hóa đặc trưng.", True),
])
def test_an_event_named_by_words_no_line_says_is_no_answer(question, shown, found):
    assert (missing_asked(analyze(question), shown, set()) is None) is found


@pytest.mark.parametrize(("question", "shown", "found"), [
    ("Bí thư Tỉnh ủy Lam Thổ là ai?",
     "Lễ ký có sự chứng kiến của Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh Lam Thổ.", False),
    ("Bí thư Tỉnh ủy Lam Thổ là ai?", "Đồng chí Hoàng Văn Nghiêm, Bí thư Tỉnh ủy Lam Thổ, dự và phát biểu.", True),
    # a name beside another office names no one for this office; a deputy is another office
    ("Phó Giám đốc Sở Ngoại vụ Lam Thổ là ai?", "Chịu trách nhiệm nội dung: Giám đốc Sở Ngoại vụ Lương Tam Quang.",
     False),
    ("Ai là trưởng đoàn kiều bào thăm Trường Sa?",
     "Đoàn kiều bào thăm huyện đảo Trường Sa năm 2023 gồm 60 người, có cả Thứ trưởng Lê Thị Thu Hằng.", False),
    ("Đoàn huyện Tà Lùng sang thăm do ai làm trưởng đoàn?",
     "Đoàn đại biểu huyện Tà Lùng do ông Sổm Phết, Phó Chủ tịch huyện, dẫn đầu đã sang thăm.", True),
    # a name beside its place and body ("… Việt Nam Vũ Xuân Hồng") is still a name; "ai dự … với các Đại sứ" asks
    # for whoever attended, not for an ambassador
    ("chủ tịch liên hiệp là ai?", "Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Vũ Xuân Hồng phát biểu.", True),
    ("Ai dự tọa đàm với các Đại sứ tại điểm cầu tỉnh?", "Tham dự tại điểm cầu tỉnh có đồng chí Lâm Hoàng Nghiệp.", True),
    ("Ai là trưởng đoàn kiều bào thăm Trường Sa?",
     "Trưởng đoàn là Thứ trưởng Bộ Ngoại giao Lê Thị Thu Hằng.", True),
    # the place the question names is no holder's name
    ("chu tich ubnd tinh lam tho la ai", "Chủ tịch Ủy ban nhân dân tỉnh Lam Thổ chịu trách nhiệm thi hành.", False),
])
def test_an_office_asked_is_answered_by_a_name_beside_it(question, shown, found):
    from rag.understand.question import as_typed

    assert (missing_asked(analyze(as_typed(question)), shown, set()) is None) is found


@pytest.mark.parametrize(("question", "shown", "found"), [
    ("Bộ Giao thông vận tải đã xuất bản bao nhiêu ấn phẩm thông tin đối ngoại?",
     "Bộ đã tổ chức 12 hội nghị phổ biến, quán triệt các chủ trương về thông tin đối ngoại.", False),
    ("Bộ Giao thông vận tải đã xuất bản bao nhiêu ấn phẩm thông tin đối ngoại?",
     "Bộ đã xuất bản 15 ấn phẩm thông tin đối ngoại song ngữ.", True),
    # people are counted under many names ("150 đại biểu"); an ordinal or a number asks no count
    ("Hội nghị có bao nhiêu người dự?", "Hội nghị có hơn 150 đại biểu tham dự.", True),
    ("Đó là bản biên giới thứ mấy của tỉnh kết nghĩa?", "Bản Nhọt Lợt là bản biên giới thứ 21 kết nghĩa.", True),
])
def test_a_count_of_things_the_lines_never_name_is_no_answer(question, shown, found):
    assert (missing_asked(analyze(question), shown, set()) is None) is found


def test_a_document_the_store_only_cites_is_not_answered_by_the_citing_plans_own_lines():
    from rag.decide.documents import cited_document_unsaid
    from rag.find.scope import Scope

    question = analyze("Kế hoạch 94/KH-UBND của tỉnh Lam Thổ có tổng kinh phí bao nhiêu?")
    scope = Scope(plan_ids=["23-kh-ubnd-lam-tho"], names_other_documents=True, other_documents=["94/KH-UBND"])
    assert cited_document_unsaid(question, scope, "Tổng kinh phí dự kiến giai đoạn 2026 - 2030 là 18.750 triệu đồng.")
    assert cited_document_unsaid(question, scope, "Kế hoạch số 94/KH-UBND của tỉnh bố trí 60 tỷ đồng.") is None
    # a question naming a stored plan too is asked of that plan
    both = analyze("Kế hoạch 23/KH-UBND thực hiện Kế hoạch 94/KH-UBND có tổng kinh phí bao nhiêu?")
    assert cited_document_unsaid(both, scope, "Tổng kinh phí dự kiến là 18.750 triệu đồng.") is None
    # a count asked beside another fact: the line naming the cited plan by number and date counts nothing of it
    two = analyze("Kế hoạch 94/KH-UBND của tỉnh Lam Thổ đặt ra bao nhiêu chỉ tiêu, ai ký?")
    assert cited_document_unsaid(two, scope, "Thực hiện Kế hoạch số 94/KH-UBND ngày 05/01/2027 của UBND tỉnh;")


def test_the_kind_of_place_asked_is_no_venue_named():
    """"… tập trung ở thành phố nào" (typed without tone marks) names no city called "nào"."""
    question = analyze("thu tuong yeu cau tap trung cac hoat dong tai tay ban nha o thanh pho nao")
    assert missing_asked(question, "Nghiên cứu tập trung các hoạt động tại thành phố Madrid.", set()) is None


@pytest.mark.parametrize(("question", "shown", "found"), [
    ("Trạm Y tế của trường có nhiệm vụ gì trong kế hoạch?", "Phòng Đào tạo xếp lịch học; Thư viện trao tặng 500 cuốn sách.",
     False),
    ("Thư viện của trường có nhiệm vụ gì?", "Thư viện chủ trì trao tặng 500 cuốn sách cho Phòng đọc Việt Nam.", True),
    ("Phó Hiệu trưởng nào được giao phụ trách kế hoạch?", "Hiệu trưởng Trường Đại học Sương Nguyên ban hành Kế hoạch.",
     False),
])
def test_duties_of_a_body_no_line_names_and_a_deputy_no_line_names_are_no_answer(question, shown, found):
    assert (missing_asked(analyze(question), shown, set()) is None) is found


def test_a_foreign_place_spelt_one_letter_off_is_the_place_asked():
    from rag.decide.places import one_letter_off

    assert names_foreign_places("Ngày Văn hóa Việt Nam ở Copenhagen tổ chức ngày nào?",
                                ["tổ chức tại thủ đô Copenhaghen, Đan Mạch, ngày 19/3"])
    assert one_letter_off("copenhagen", "copenhaghen") and one_letter_off("vientiane", "vientian")
    assert not one_letter_off("paris", "perth")


def test_a_first_edition_asked_is_not_answered_by_the_second():
    from rag.decide.editions import edition_terms

    q = analyze("Hội thi Thả đèn trời lần đầu tổ chức năm nào?")
    assert other_occasion(q, "Hội thi Thả đèn trời lần thứ hai dự kiến tổ chức tháng 3/2028.") == "lần đầu"
    assert other_occasion(q, "Hội thi tổ chức lần đầu năm 2025 với 08 đội.") is None
    assert "lan dau" in (edition_terms(q.pq.folded) or set())


def test_how_long_is_said_by_a_duration():
    q = analyze("Phòng Thông tin phải cập nhật tin tiếng Anh trong bao lâu?")
    assert missing_asked(q, "cập nhật tin, bài bằng tiếng Anh trong vòng 48 giờ kể từ khi sự kiện diễn ra.", set()) is None
    assert missing_asked(q, "cập nhật tin, bài bằng tiếng Anh thường xuyên.", set()) is not None


def test_a_country_before_a_roman_heading_is_no_edition():
    from ground import vi
    from rag.decide.editions import said_editions

    shown = "năm 2026 tại tỉnh Udon Thani (Thái Lan).\nII. KẾT QUẢ THỰC HIỆN"
    assert said_editions(shown, vi.collapse(shown)) == set()
    assert other_occasion(analyze("Ngày Văn hóa ở nước ngoài lần đầu tiên tổ chức ở đâu?"), shown) is None


def test_a_chairs_name_asked_is_not_a_deputys():
    q = analyze("chu tich ubnd tinh que dai ten gi")
    assert other_occasion(q, "Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh Lã Quang Vinh tại cuộc họp") is not None


def test_a_page_naming_the_foreign_place_asked_and_most_words_grounds_an_answer(tmp_path):
    from ground.config import Settings
    from ngvh.services import Services

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "dsq-tin.txt").write_text(
        "Đại sứ quán Việt Nam tại Bolivia gặp mặt cộng đồng nhân dịp Giỗ Tổ Hùng Vương\n\n"
        "Tối 12/4, tại thủ đô La Paz, Đại sứ quán Việt Nam tại Bolivia tổ chức gặp mặt cộng đồng người Việt nhân dịp Giỗ "
        "Tổ Hùng Vương. Đại sứ quán mời khách thưởng thức các món ăn Việt Nam như nem rán, phở bò và bánh chưng.\n",
        encoding="utf-8")
    services = Services(Settings(data_dir=tmp_path / "store"))
    assert services.ingest_paths([tmp_path / "docs"]).ok
    answer = services.answerer.answer("Buổi gặp mặt Giỗ Tổ ở Bolivia, Đại sứ quán mời khách những món ăn Việt nào?")[0]
    assert answer.found and "nem rán" in answer.answer


def test_only_cooking_and_todays_prices_are_never_answered():
    from rag.decide.answerable import never_answer

    assert never_answer("cách nấu phở bò") and never_answer("tỷ giá USD hôm nay bao nhiêu")
    assert not never_answer("Buổi gặp mặt mời khách những món ăn Việt nào?")
    assert not never_answer("Dự toán Tuần Văn hóa dùng tỷ giá bao nhiêu?")


def test_of_a_list_by_year_the_items_naming_the_country_asked_by_any_of_its_names(tmp_path):
    from ground.config import Settings
    from ngvh.services import Services

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "son-cuoc-phong-de-an.txt").write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN CƯỚC PHONG\nSố: 51/QĐ-UBND\nSơn Cước Phong, ngày 02 tháng 3 năm 2027\n\nQUYẾT ĐỊNH\n"
        "Phê duyệt Đề án quảng bá hình ảnh tỉnh Sơn Cước Phong ra nước ngoài\n\nĐiều 1. Phê duyệt Đề án với các nội dung:\n"
        "1. Mục tiêu: quảng bá hình ảnh tỉnh ra nước ngoài.\n"
        "2. Các sự kiện quảng bá ở nước ngoài dự kiến giai đoạn 2027 - 2030\n"
        "- Năm 2027: Ngày Sơn Cước Phong tại Busan (Hàn Quốc); hội chợ du lịch tại Tokyo (Nhật Bản).\n"
        "- Năm 2028: Tuần Văn hóa tại Viêng Chăn (Lào); Ngày Sơn Cước Phong tại Perth (Ô-xtrây-li-a).\n"
        "- Năm 2029: Tuần Ẩm thực tại Hamburg (Đức).\n"
        "- Năm 2030: Ngày Sơn Cước Phong tại Lyon (Pháp); hội thảo du lịch tại Singapore.\n"
        "3. Kinh phí: 12 tỷ đồng.\n", encoding="utf-8")
    services = Services(Settings(data_dir=tmp_path / "store"))
    assert services.ingest_paths([tmp_path / "docs"]).ok
    france = services.answerer.answer("Sơn Cước Phong có dự kiến tổ chức sự kiện quảng bá ở Pháp không?")[0]
    assert france.found and "Lyon" in france.answer and "Busan" not in france.answer
    australia = services.answerer.answer("Sơn Cước Phong có dự kiến tổ chức sự kiện quảng bá ở Úc không?")[0]
    assert australia.found and "Perth" in australia.answer


def test_a_year_carried_by_a_shown_documents_number_is_said():
    question = analyze("Trước khi sửa đổi năm 2027, tỉnh chi mời cơm khách hạng B tối đa bao nhiêu?")
    shown = ("[3] Khoản này được sửa đổi theo khoản 2 Điều 1 Nghị quyết số 31/2027/NQ-HĐND, có hiệu lực kể từ ngày 01 "
             "tháng 01 năm 2028. Trước khi sửa đổi: khách hạng B tối đa 1.200.000 đồng.")
    assert missing_asked(question, shown, {2028}) is None
    assert missing_asked(analyze("Năm 2026 tỉnh chi mời cơm khách hạng B tối đa bao nhiêu?"), shown, {2028})


def test_a_language_asked_is_named_by_the_same_language():
    assert names_foreign_places("Biên dịch sang tiếng Nhật bao nhiêu một trang?", ["220.000 đồng/trang với tiếng Nhật"])
    assert not names_foreign_places("Tỉnh hợp tác với Nhật Bản thế nào?", ["Lớp dạy tiếng Nhật cho sinh viên"])


@pytest.mark.parametrize("text, number", [
    ("(Phê duyệt kèm theo Quyết định số 430/QĐ – BNV ngày 21/4/2014)", "430/QĐ-BNV"),  # a dash set apart by spaces
    ("văn bản 430/QĐ - Bộ Nội vụ ban hành", "430/QĐ"),  # …not a body's name after it
])
def test_a_document_number_with_a_spaced_dash_is_read_whole(text, number):
    from rag.understand.named import find_entities

    assert [e.name for e in find_entities(text) if e.kind == "number"] == [number]


def test_a_plan_of_one_year_need_not_repeat_it_beside_a_sum_from_a_source():
    q = analyze("Chỉ tiêu vận động viện trợ năm 2029 của Sở Ngoại vụ là bao nhiêu?")
    shown = "(5) Vận động được ít nhất 2 triệu USD viện trợ phi chính phủ nước ngoài cho lĩnh vực giáo dục."
    assert "viện trợ" in (missing_asked(q, shown, {2029, 2030}) or "")  # no year beside the sum, nor a title of it
    title = "Kế hoạch triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 của Sở Ngoại vụ năm 2029"
    assert missing_asked(q, shown, {2029, 2030}, passages=title, titles=title) is None


@pytest.mark.parametrize(("question", "title", "refused"), [
    ("kh hanh dong doi ngoai giai doan 2022-2024 so may", "Kế hoạch hành động đối ngoại giai đoạn 2019 - 2021", True),
    ("kh hanh dong doi ngoai giai doan 2019-2021 so may", "Kế hoạch hành động đối ngoại giai đoạn 2019 - 2021", False),
    ("Kinh phí giai đoạn 2027-2028 là bao nhiêu?", "Kế hoạch thông tin đối ngoại giai đoạn 2026 - 2030", False),
    # a figure of another period than the titled one: a review or a đề án recounts and plans other periods
    ("Giai đoạn 2022-2026 tỉnh đưa bao nhiêu chương trình ra nước ngoài?", "Đề án văn hóa đối ngoại giai đoạn 2027 - 2032",
     False),
])
def test_a_period_asked_must_be_the_titled_documents_own(question, title, refused):
    missing = missing_asked(analyze(question), "Số hiệu 64/KH-UBND; kinh phí 1.200 triệu đồng.", {2019, 2021},
                            passages=title, each_part=True, titles=title)
    assert (missing is not None and "2022-2024" in missing) if refused else missing is None


def test_who_is_served_is_answered_by_a_group_of_people():
    q = analyze("Kế hoạch đẩy mạnh đào tạo chuyên môn nghiệp vụ cho ai?")
    assert missing_asked(q, "b) Đẩy mạnh đào tạo chuyên môn cho đội ngũ cán bộ, công chức làm công tác đối ngoại.",
                         set()) is None
    assert missing_asked(analyze("Ai chủ trì đào tạo?"), "b) Đẩy mạnh đào tạo chuyên môn nghiệp vụ.", set())


def test_a_closing_day_asked_is_not_the_day_an_event_opened():
    from rag.decide.editions import other_occasion
    from rag.understand.question import analyze

    opened = "Ngày 14/12/2029, Sơn Đài tổ chức khai mạc ngày hội văn hóa Việt Nam – Hàn Quốc."
    assert other_occasion(analyze("Ngày hội văn hóa ở Sơn Đài bế mạc ngày nào?"), opened) == "ngày bế mạc"
    assert other_occasion(analyze("Ngày hội văn hóa ở Sơn Đài khai mạc ngày nào?"), opened) is None
    spanned = "Ngày hội văn hóa diễn ra từ 14 đến 16/12/2029, khai mạc tại Quảng trường tỉnh."
    assert other_occasion(analyze("Ngày hội văn hóa ở Sơn Đài bế mạc ngày nào?"), spanned) is None


def test_a_part_counting_a_thing_or_asking_a_sum_needs_a_line_stating_it():
    from rag.decide.counts import counted_in

    report = "Phó Chủ tịch đã báo cáo việc thực hiện Nghị quyết Đại hội lần thứ XIII và Chỉ thị số 12-CT/TW."
    assert not counted_in("Từ đầu năm 2029 tỉnh thu hút được bao nhiêu dự án FDI", report)
    assert counted_in("Từ đầu năm 2029 tỉnh thu hút được bao nhiêu dự án FDI", "Tỉnh thu hút 14 dự án FDI mới.")
    assert not counted_in("tổng vốn bao nhiêu", report)
    assert counted_in("tổng vốn bao nhiêu", "Tổng vốn đăng ký đạt 320 triệu USD.")
    assert counted_in("ngân sách phường bao nhiêu", "- Ngân sách phường: 420 triệu đồng")


def test_a_sum_shown_beside_the_place_asked_is_of_another_thing():
    from rag.decide.places import sum_of_elsewhere as _sum_of_elsewhere

    q = "Kinh phí tổ chức Ngày Văn hóa tỉnh tại Kumamoto năm 2027 là bao nhiêu?"
    # the line naming the place states no sum, the line stating a sum is of the year's whole budget
    lines = ["Ngày Văn hóa tỉnh tổ chức tại tỉnh Kumamoto (Nhật Bản) từ ngày 04–06/10/2027.\nII. KẾT QUẢ\nBáo cáo",
             "Kinh phí năm 2027: 7.400 triệu đồng.\nIII. KINH PHÍ\nBáo cáo"]
    assert _sum_of_elsewhere(q, lines) == "kinh phí của hoạt động tại Kumamoto"
    # a sum under a heading naming the place is the place's own
    assert _sum_of_elsewhere(q, ["Kinh phí: 1.250 triệu đồng.\n3. Ngày Văn hóa tại Kumamoto\nBáo cáo"]) is None
    # a country the gazetteer knows, named by the document's title
    assert _sum_of_elsewhere("Kinh phí đoàn đi Lào bao nhiêu?", ["Kinh phí: 900 triệu đồng.\n2. Đoàn ra\nKế hoạch đoàn ra Lào"]) is None
    assert _sum_of_elsewhere("Tổng kinh phí của kế hoạch bao nhiêu?", ["Tổng kinh phí: 900 triệu đồng.\n\n"]) is None
    # a foreign body's name is no place: the sum of the event it runs is the event's
    mission = ["Đợt khám do Tổ chức ME.MO và CardiacLife Foundation (Mỹ) thực hiện.\n\n", "Tổng chi phí ước tính 700 triệu đồng.\n\n"]
    assert _sum_of_elsewhere("Tổng chi phí đợt khám do CardiacLife Foundation tổ chức ở tỉnh bao nhiêu?", mission) is None


def test_spending_asked_is_a_sum_asked():
    from rag.decide.money import ASKS_MONEY

    assert ASKS_MONEY.search(analyze("Năm 2023 tỉnh chi bao nhiêu cho văn hóa đối ngoại?").pq.folded)
    assert not ASKS_MONEY.search(analyze("Chi bộ có bao nhiêu đảng viên?").pq.folded)


def test_the_other_party_of_a_joint_plan_is_not_the_body_asked():
    from rag.compose.duties import asked_agencies

    text = "Sở Ngoại vụ có nhiệm vụ gì trong kế hoạch liên tịch với Tỉnh đoàn?"
    assert asked_agencies(["Sở Ngoại vụ", "Tỉnh đoàn"], [], text) == ["Sở Ngoại vụ"]
    assert asked_agencies(["Sở Ngoại vụ", "Tỉnh đoàn"], [], "Sở Ngoại vụ và Tỉnh đoàn làm gì?") == ["Sở Ngoại vụ", "Tỉnh đoàn"]


def test_who_organised_may_be_a_body_no_agency_list_holds():
    q = analyze("Buổi gặp mặt đón Tết Chôl Chnăm Thmây do ai tổ chức?")
    shown = "Hội hữu nghị Việt Nam - Campuchia tỉnh Lam Hà phối hợp với Trường Cao đẳng Sư phạm tổ chức buổi gặp mặt đón Tết Chôl Chnăm Thmây."
    assert missing_asked(q, shown, set()) is None
    assert missing_asked(analyze("Chủ tịch Hội là ai?"), shown, set()) is not None



def test_a_rate_asked_a_time_left_open_and_dues_are_checked_by_the_last_gate():
    rate = analyze("Mức chi tiếp khách là bao nhiêu đồng một người một ngày?")
    assert missing_asked(rate, "Quà tặng trị giá không quá 1.500.000 đồng/suất.", set()) is not None
    assert missing_asked(rate, "Mức chi tiếp khách: 800.000 đồng/người/ngày.", set()) is None
    when = analyze("Hội nghị tập huấn trực tuyến tổ chức vào ngày nào?")
    assert missing_asked(when, "Trong quý IV/2028 tổ chức 01 hội nghị tập huấn trực tuyến (thời gian cụ thể thông báo sau).",
                         set()) is not None
    dues = analyze("Hội phí hằng năm của hội viên là bao nhiêu?")
    assert missing_asked(dues, "Hội có 236 hội viên sinh hoạt tại 07 chi hội.", set()) is not None


def test_a_condition_before_phai_lam_gi_is_no_body_whose_duties_are_asked():
    from rag.decide.grounds import _DUTY_OF

    assert _DUTY_OF.match("so ngoai vu phai lam gi")
    assert not _DUTY_OF.match("o tuong chau xa muon don doan khach ben lao sang thi phai lam gi")


def test_a_beginning_asked_when_needs_a_line_saying_it_began():
    from rag.decide.events import unsaid_beginning

    asked = "thai binh ket nghia voi tinh xieng khoang tu nam nao"
    assert unsaid_beginning(asked, "Từ ngày 21/5 - 15/11/1972, liên minh chiến đấu Lào - Việt Nam đã tổ chức 244 trận đánh.")
    assert unsaid_beginning(asked, "Hai tỉnh kết nghĩa từ năm 1998.") is None
    assert unsaid_beginning("Hội được thành lập năm nào?", "Hội ra đời năm 1995.") is None


def test_a_target_group_asked_is_named_by_what_it_is():
    from rag.decide.things import asked_thing

    assert asked_thing("Tổ chức GTV tài trợ lớp học cho đối tượng nào?") is None
    assert asked_thing("Đoàn qua cửa khẩu quốc tế nào?") == "cua khau quoc te"


def test_a_language_asked_is_answered_by_the_languages_a_line_names():
    from rag.decide.things import INSTANCES, asked_thing

    thing = asked_thing("Chuyên mục làm bằng ngoại ngữ nào?")
    assert thing == "ngoai ngu" and INSTANCES[thing].search("chuyen muc doi ngoai (tieng anh, tieng lao)")


def test_items_of_spending_counted_ask_no_sum():
    from ground import vi
    from rag.decide.money import ASKS_MONEY

    assert not ASKS_MONEY.search(vi.collapse("Dự thảo nghị quyết mức chi đón tiếp khách có bao nhiêu nội dung chi?"))
    assert ASKS_MONEY.search(vi.collapse("Mức chi ăn hằng ngày cho khách hạng B là bao nhiêu?"))


def test_a_sum_asked_after_bao_nhieu_is_a_sum():
    from ground import vi
    from rag.decide.money import ASKS_MONEY

    assert ASKS_MONEY.search(vi.collapse("Lễ hội Cầu mùa năm 2027 tốn bao nhiêu kinh phí?"))


def test_a_grade_no_line_gives_is_not_answered_with_another_grades_figure():
    from rag.decide.rivals import _rival_grade
    from rag.understand.question import analyze

    q = analyze("Dự thảo quy định chi ăn hằng ngày cho đoàn khách hạng đặc biệt là bao nhiêu?")
    assert _rival_grade(q, "Chi ăn hằng ngày, đoàn khách hạng A (người/ngày): dự thảo: 1.400.000 đồng")
    b = analyze("Chi ăn hằng ngày cho đoàn khách hạng B là bao nhiêu?")
    assert _rival_grade(b, "Chi ăn hằng ngày, đoàn khách hạng B: 1.100.000 đồng; hạng C: 800.000 đồng") is None


def test_a_country_spelled_by_syllables_is_named_with_its_hyphens_or_without():
    from rag.decide.places import names_foreign_places
    from rag.understand.entities import foreign_places

    assert [e.name for e in foreign_places("Những ngày Văn hóa tại Ôxtrâylia")] == ["Úc"]
    assert names_foreign_places("ngày văn hóa ở Úc có mấy gói thầu?", ["Tổ chức Những ngày Văn hóa tại Ôxtrâylia"])
    assert names_foreign_places("đoàn sang Ôxtrâylia mấy người?", ["Đoàn công tác tại Ô-xtrây-li-a gồm 12 người"])
    assert not names_foreign_places("ngày văn hóa ở Úc có mấy gói thầu?", ["Những ngày Văn hóa tại Pháp"])


def test_a_neighbours_province_is_a_foreign_place_the_lines_must_name():
    from rag.understand.entities import foreign_places

    assert [e.name for e in foreign_places("quan hệ hữu nghị với tỉnh Hủa Phăn và tỉnh Savannakhet")] == [
        "Hủa Phăn", "Savannakhet"]
    assert [e.name for e in foreign_places("bàn giao trường học cho tỉnh Xayaboury")] == ["Xayaboury"]  # as papers spell it
    assert not names_foreign_places("Lam Khê kết nghĩa với tỉnh Hủa Phăn từ năm nào?",
                                    ["Năm 2012 lãnh đạo hai tỉnh Lam Khê và Xiêng Khoảng ký biên bản thỏa thuận"])


def test_a_place_within_a_country_is_not_named_by_the_country_alone():
    from rag.decide.places import unsaid_place_within

    asked = "Nghi Sơn kết nghĩa với tỉnh nào của Hàn Quốc?"
    assert unsaid_place_within(asked, "Mô hình kết nghĩa của Nhật Bản và Hàn Quốc được nghiên cứu nhiều.") == \
        "tỉnh của Hàn Quốc được hỏi"
    assert unsaid_place_within(asked, "Nghi Sơn kết nghĩa với tỉnh Chungcheongbuk (Hàn Quốc) năm 2019.") is None
    assert unsaid_place_within("giao lưu với tỉnh nào của Lào?", "giao lưu với Hủa Phăn của Lào") is None
    assert unsaid_place_within("Nghi Sơn kết nghĩa với nước nào?", "Hàn Quốc") is None


def test_an_item_asked_by_a_number_its_list_skips_is_not_there():
    from rag.decide.listed import unlisted_item

    plan = lambda: ["Gói thầu số 01: in ấn. Gói thầu số 02: phim. Gói thầu số 07: phiên dịch."]  # noqa: E731
    assert unlisted_item("Gói thầu số 08 là gói gì, giá bao nhiêu?", plan) == "Gói thầu số 08"
    assert unlisted_item("Gói thầu số 07 giá bao nhiêu?", plan) is None
    assert unlisted_item("Nhiệm vụ 3 do ai chủ trì?", plan) is None  # the documents number no tasks


def test_an_office_held_in_another_countrys_delegation_is_no_holder_of_the_one_asked():
    from rag.decide.holders import holder_named

    line = "Đoàn tỉnh Xaignabouli (Lào) 32 người, do ông Xaysomphone Vilaysack, Phó Tỉnh trưởng làm Trưởng đoàn;"
    assert not holder_named((False, "truong doan"), line, "đoàn tỉnh Jeollabuk Hàn Quốc do ai làm trưởng đoàn?")
    assert holder_named((False, "truong doan"), line, "đoàn Lào do ai làm trưởng đoàn?")


def test_a_foreign_name_typed_plainly_must_be_written_in_the_documents():
    from rag.decide.places import unsaid_foreign_name

    docs = lambda: ["Khai mạc tại Quảng trường Liên bang, Melbourne; biểu diễn tại Adelaide."]  # noqa: E731
    assert unsaid_foreign_name("chuong trinh nghe thuat tai brisbane dien ra ngay nao?", docs) == "thông tin về brisbane"
    assert unsaid_foreign_name("chuong trinh tai melbourne dien ra ngay nao?", docs) is None
    assert unsaid_foreign_name("ubnd tinh giao so vhttdl nguyen khuyen truong quyet thuong giuong", docs) is None


def test_how_long_asks_a_duration_and_a_figure_of_time_states_one():
    from rag.decide.counts import counted_in
    from rag.understand.question import answer_type

    assert answer_type("du an keo dai bao lau") == "period" and answer_type("gan bo voi tinh bao lau") == "period"
    assert counted_in("hai bên ưu tiên hợp tác trong mấy lĩnh vực",
                      "Hai bên thống nhất ưu tiên hợp tác trong 05 lĩnh vực: văn hóa, du lịch.")  # "ưu tiên" is no money
    assert counted_in("Hội nghị xúc tiến giới thiệu bao nhiêu dự án", "giới thiệu 12 dự án kêu gọi đầu tư")  # nor "xúc tiến"


def test_a_deadline_asked_is_not_stated_by_the_day_a_contest_was_launched():
    from rag.decide.kinds import states_kind

    part = analyze("giải nhất bao nhiêu tiền, hạn nộp bài lúc nào?").parts[1]
    assert not states_kind(part, "Ngày 12/5, Ban Chỉ đạo tổ chức phát động Cuộc thi viết năm 2023.")
    assert states_kind(part, "Bài dự thi gửi về Ban Tổ chức trước ngày 30/9/2023.")


def test_a_country_named_before_when_asks_no_deadline():
    from rag.decide.kinds import states_kind

    part = analyze("Sở Ngoại vụ tiếp tổ chức của Hàn Quốc vào ngày nào, tên đầy đủ của tổ chức là gì?").parts[0]
    assert states_kind(part, "Sáng ngày 17/01/2024, Sở Ngoại vụ đã tiếp và làm việc với tổ chức Share Sarangbat.")


def test_a_country_is_named_by_one_of_its_provinces():
    assert names_foreign_places("Quảng Nam cấp học bổng cho bao nhiêu lưu học sinh Lào?",
                                ["cấp học bổng cho 131 lưu học sinh, cán bộ tỉnh Sê Kông sang học tiếng Việt"])
    assert not names_foreign_places("Quảng Nam cấp học bổng cho bao nhiêu lưu học sinh Campuchia?",
                                    ["cấp học bổng cho 131 lưu học sinh, cán bộ tỉnh Sê Kông sang học tiếng Việt"])


def test_a_stage_of_an_event_the_lines_never_tell_is_unsaid():
    from rag.decide.events import unsaid_stage

    lines = "Sáng 14/7, tại Quảng trường 26/3, thành phố Lam Giang, lễ khai mạc Trại hè Việt Nam 2031 diễn ra trang trọng."
    assert unsaid_stage("trai he viet nam 2031 be mac o tinh nao?", lines) == "be mac"
    assert unsaid_stage("Trại hè khai mạc ở đâu?", lines) is None
    assert unsaid_stage("Lễ bế mạc diễn ra ở đâu?", lines + " Lễ bế mạc tổ chức tại Hà Lâm.") is None


def test_a_prize_by_its_rank_is_counted_only_by_a_figure_in_its_own_sentence():
    from rag.decide.counts import tallied

    lines = "Ban tổ chức trao giải Nhất cho các cá nhân đạt giải\nBan tổ chức đã nhận được 970 tác phẩm gửi dự thi"
    assert not tallied("giai nhat", lines)
    assert tallied("giai nhat", "Ban tổ chức trao 5 giải Nhất, 10 giải Nhì.") and tallied("thu tieng", "sách với 15 ngôn ngữ")


def test_a_chinese_town_named_by_its_kind_is_a_place_within_the_country():
    from rag.decide.places import unsaid_place_within

    line = "Lãnh đạo thị trấn Mường Lam và trấn Seo Pả Chư (Trung Quốc) đã ký biên bản kết nghĩa."
    assert any(e.kind == "place" and e.text == "Seo Pả Chư" for e in entities.tag(line))
    assert unsaid_place_within("thi tran Muong Lam ket nghia voi dia phuong nao ben Trung Quoc?", line) is None


def test_a_year_asked_is_answered_by_a_bare_year_after_a_name():
    q = analyze("Hồ sơ phải tuân theo công ước năm nào?")
    shown = "Hồ sơ bảo đảm thời gian theo quy định của Công ước về Bảo vệ Di sản văn hóa phi vật thể 2003."
    assert missing_asked(q, shown, set(), shown) is None


def test_two_days_of_an_event_are_a_date_and_days_in_words_count_a_span():
    from rag.decide.counts import counted_in

    assert any(e.kind == "date" and e.text == "ngày 20 và 21-9" for e in entities.tag("diễn ra tại Sa Pa vào ngày 20 và 21-9."))
    assert counted_in("kéo dài mấy ngày", "Sự kiện này kéo dài ba ngày nhằm tôn vinh văn hóa Khmer.")
    assert counted_in("gồm mấy chương", "Chương III\nTỔ CHỨC THỰC HIỆN") and not counted_in("gồm mấy chương", "Chương trình\nDự án")


def test_a_verb_after_an_events_kind_ends_its_name():
    from rag.decide.events import unsaid_event

    line = "Kết hợp với Lễ trao giải, khai mạc Triển lãm 80 tác phẩm ảnh tại Nhà Triển lãm tỉnh đến ngày 12/12/2031."
    assert unsaid_event("trien lam anh di kem mo den ngay nao?", line) is None
    assert unsaid_event("trien lam tranh son mai mo den ngay nao?", line) is not None


def test_the_rule_answers_from_its_threshold_but_is_confident_of_a_text_from_even_odds():
    from rag.decide.answerable import Boundary, Evidence, ScopeRule

    fit = Boundary((0.0, 0.0, 0.0, 0.0), -0.85, threshold=0.1)  # p ≈ 0.30 whatever the evidence
    rule = ScopeRule(fit, fit)
    ev = Evidence(words=0.5, phrases=0.5, dense=0.8, terms=6)
    assert rule.answerable(ev) and not rule.confident(ev)


def test_a_lead_dating_today_by_its_day_is_a_date():
    assert any(e.kind == "date" and e.text == "Chiều nay 26.3" for e in entities.tag("Chiều nay 26.3, UBND thành phố và JICA tổ chức lễ ký"))


def test_a_country_or_a_place_after_its_word_holds_no_office_asked():
    from rag.decide.holders import holder_named, office_asked
    office = office_asked("giam doc so ngoai vu tinh ha lam la ai")
    assert office is not None
    article = ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Ngoại vụ, Chủ tịch Hội Hữu nghị Việt Nam – New Zealand tỉnh "
               "Hà Lâm chịu trách nhiệm thi hành Quyết định này.")
    assert not holder_named(office, article, "Giám đốc Sở Ngoại vụ tỉnh Hà Lâm là ai?")
    assert holder_named(office, "Ông Thạch Văn Quế, Giám đốc Sở Ngoại vụ, phát biểu.", "Giám đốc Sở Ngoại vụ là ai?")


@pytest.mark.parametrize(("question", "money"), [
    ("phí gia nhập (phí kết nạp) Hội hữu nghị Việt Nam - Chi-lê tỉnh Hà Lâm là bao nhiêu?", True),
    ("Hội phí của hội viên cá nhân là bao nhiêu?", True),
    ("Tỉnh có bao nhiêu tổ chức phi chính phủ nước ngoài?", False),
    ("Các tổ chức phi chính phủ viện trợ bao nhiêu dự án?", False),
])
def test_a_fee_named_before_what_it_is_of_asks_a_sum(question, money):
    from rag.decide.money import ASKS_MONEY
    from rag.find.firsts import MONEY_ASKED
    folded = analyze(question).pq.folded
    assert bool(ASKS_MONEY.search(folded)) is money and bool(MONEY_ASKED.search(folded)) is money


def test_a_fee_paid_to_a_body_is_no_sum_of_its_own_to_be_named_beside_it():
    question = analyze("Hội phí của Hội Hữu nghị Việt Nam – Chi-lê tỉnh Hà Lâm với hội viên cá nhân là bao nhiêu?")
    line = "a) Hội viên chính thức là cá nhân: 120.000 đồng/năm;"
    assert missing_asked(question, line, set()) is None
    funded = analyze("Tổng hội Việt kiều Đài Loan đã đồng ý tài trợ cho tỉnh Hà Lâm bao nhiêu tiền?")
    assert missing_asked(funded, "Đề xuất tài trợ 2 dự án gồm máy X quang trị giá 1,2 tỷ đồng.", set(),
                         titles="Liên hiệp tiếp và làm việc với Tổng hội Việt kiều Đài Loan") is not None


def test_a_measure_asked_by_its_name_is_stated_by_its_symbol():
    from rag.decide.counts import counted_in
    assert counted_in("Mốc 234 ở độ cao bao nhiêu mét?", "Mốc giới 234 đặt trên đường phân thủy ở độ cao 1.904,58 m.")
    assert not counted_in("Mốc 234 ở độ cao bao nhiêu mét?", "Mốc giới 234 là mốc đơn, làm bằng đá hoa cương.")


def test_a_document_the_shown_texts_replace_is_never_what_they_say():
    from rag.decide.documents import cited_document_unsaid
    from rag.find.scope import Scope
    question = analyze("Mức hỗ trợ đào tạo lao động theo Nghị quyết 08/2020/NQ-HĐND là bao nhiêu một người?")
    scope = Scope(other_documents=["08/2020/NQ-HĐND"], names_other_documents=True)
    line = "Mức hỗ trợ: 2 triệu đồng/lao động tại Vùng I."
    assert cited_document_unsaid(question, scope, line) is None  # "theo …": what the texts quoting it say
    assert cited_document_unsaid(question, scope, line, replaced=["08/2020/NQ-HĐND"]) == "08/2020/NQ-HĐND"


def test_an_award_asked_by_its_edition_is_not_answered_by_another_event_of_that_edition():
    from rag.decide.events import unsaid_event
    question = "Lễ phát động Giải thưởng toàn quốc về thông tin đối ngoại lần XI tổ chức ở đâu, ngày nào?"
    assert unsaid_event(question, "Đây là lần thứ 11 Hội chợ Thương mại Quốc tế Việt - Trung được tổ chức tại Lào Cai.")
    assert unsaid_event(question, "Sáng 12/6, tại Hà Nội, Ban Chỉ đạo phát động Giải thưởng toàn quốc về thông tin đối "
                                  "ngoại lần thứ XI.") is None


def test_people_asked_as_nguoi_are_counted_by_what_they_are():
    from rag.decide.counts import counted_in
    from rag.find.sentences import _SYMBOLS
    assert "cong dan" in _SYMBOLS["nguoi"].split("|")  # the line stating "21 công dân" states the count asked
    assert counted_in("Đồn tiếp nhận tổng cộng bao nhiêu người?", "Đồn Biên phòng tiếp nhận 21 công dân do phía bạn trao trả.")


def test_sunday_is_no_japan_and_a_cooperative_is_another_body():
    from rag.decide.holders import holder_named, office_asked
    from rag.decide.places import names_foreign_places
    assert not names_foreign_places("Tuần phim Nhật Bản tổ chức khi nào?", ["19/12/2027 (Chủ Nhật): Rạp chiếu phim Cẩm Hạc"])
    office = office_asked("ai la giam doc so tai chinh tinh ha lam")
    assert office is not None
    assert not holder_named(office, "Ông Lưu Đức Thắng, Giám đốc Hợp tác xã Chè Đoài Giang", "Ai là Giám đốc Sở Tài chính?")


def test_a_row_of_a_place_is_keyed_by_the_place_itself():
    from rag.decide.places import row_of_place
    assert row_of_place("kiều bào ở Đức có bao nhiêu người?", "Đức: số người (ước tính): 2.310 người")
    assert row_of_place("kiều bào ở Đức có bao nhiêu người?", "| 5 | Đức | 2.310 |")
    assert not row_of_place("lưu học sinh Lào được khám ở đâu?", "5. Quản lý lưu học sinh Lào: việc thực hiện Quyết định")


def test_a_foreign_name_of_several_syllables_is_named_whatever_its_tones():
    from rag.decide.places import names_foreign_places
    line = "Công an tỉnh trao 50 triệu đồng hỗ trợ lực lượng An ninh tỉnh Khăm Muộn."
    assert names_foreign_places("hỗ trợ an ninh Khăm Muồn bao nhiêu tiền?", [line])
    assert names_foreign_places("ho tro an ninh Kham Muon bao nhieu tien?", [line])


def test_a_name_typed_plainly_before_a_preposition_counts_nothing():
    from rag.decide.counts import counted_phrase
    from rag.understand.question import analyze
    # "bản Mây ở Sa Pa … của mấy dân tộc": "Mây" is a village's name, the peoples are counted
    assert counted_phrase(analyze("ban may o sa pa tai hien khong gian sinh hoat cua may dan toc?")) == "dan toc"


def test_a_body_no_document_names_gets_no_other_body_s_row():
    from rag.decide.bodies import unsaid_body
    quotas = ["Phân bổ chỉ tiêu: Sở Ngoại vụ: năm 2025: 14 lượt người. Văn phòng UBND tỉnh: năm 2025: 4 lượt người."]
    assert unsaid_body("Sở Tư pháp được phân bổ bao nhiêu chỉ tiêu năm 2025?", lambda: quotas) == "thông tin về Sở Tư pháp"
    assert unsaid_body("Sở Ngoại vụ được phân bổ bao nhiêu chỉ tiêu năm 2025?", lambda: quotas) is None
    assert unsaid_body("UBND tỉnh giao bao nhiêu chỉ tiêu?", lambda: quotas) is None  # the committee every plan is under
    assert unsaid_body("Theo Báo Vân Khê, Sở Ngoại vụ được bao nhiêu chỉ tiêu?", lambda: quotas) is None  # a source quoted
    # (whether it took part, or which body did instead, is asked: that it is not named is the answer)
    assert unsaid_body("Sở Tư pháp có cử người không, hay cơ quan nào lo việc này?", lambda: quotas) is None
    # (the documents' own issuer, which a follow-up's rewrite names, is theirs whatever their header's spelling)
    assert unsaid_body("Đơn vị nào chưa gửi trong Công văn 41 của Ban Tuyên giáo Tỉnh ủy?", lambda: quotas,
                       ["Ban Tuyên giáo Tỉnh ủy Lãng Vân"]) is None


def test_a_group_counted_that_no_document_counts_is_not_every_member_s_figure():
    from rag.decide.counts import unsaid_qualifier
    from rag.understand.question import analyze
    q = analyze("Có bao nhiêu vận động viên nước ngoài tham gia giải?")
    everyone = "Giải có gần 2.000 vận động viên tham gia."
    assert unsaid_qualifier(q, everyone, lambda: [everyone]) == "số vận động viên nước ngoài được hỏi"
    counted = everyone + " Trong đó có 70 vận động viên nước ngoài."
    assert unsaid_qualifier(q, everyone, lambda: [counted]) is None  # (the page counts them: a line of its answers)
    assert unsaid_qualifier(q, counted, lambda: [counted]) is None


def test_a_fine_asked_is_a_sum_of_money():
    from rag.decide.money import ASKS_MONEY

    assert ASKS_MONEY.search(analyze("Phóng viên vi phạm quy định bị phạt tiền bao nhiêu?").pq.folded)
    assert ASKS_MONEY.search(analyze("muc phat vi pham la bao nhieu").pq.folded)
