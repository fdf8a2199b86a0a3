"""Chats and two-part questions over whole texts written for these tests (no sample plan): what a follow-up swaps,
what a refusal keeps, whose date a later part asks."""
from __future__ import annotations

import pytest

from ground.config import Settings
from ngvh.services import Services
from rag.understand.names import fact_asked
from tests.rag.conftest import chat


def header(province: str, number: str, day: str) -> str:
    """A provincial committee's emblem, number and dateline, as its documents open."""
    return (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: {number}\n{province}, ngày {day}\n\n")


# a province whose name opens with "Trường" (a school's word): the chat is about the place, not a school
DIRECTIVE = header("Trường Xuân", "07/CT-UBND", "20 tháng 3 năm 2027") + """CHỈ THỊ
Về tăng cường công tác văn hóa đối ngoại giai đoạn 2027 - 2030

Để đẩy mạnh công tác văn hóa đối ngoại, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:

1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Liên hoan ca múa nhạc dân tộc quốc tế, định kỳ 02 năm một lần, lần
thứ nhất vào tháng 9/2028; chủ trì
biên soạn bộ ảnh "Trường Xuân - Miền di sản" bằng ba thứ tiếng, hoàn thành trước 30/6/2028.

2. Liên hiệp các tổ chức hữu nghị tỉnh chủ trì tổ chức Diễn đàn hữu nghị nhân dân Trường Xuân - Savannakhet năm 2028;
phối hợp với Sở Ngoại vụ vận động tài trợ cho các dự án giáo dục.

3. Công an tỉnh chủ trì bảo đảm an ninh, trật tự tại các sự kiện đối ngoại; hướng dẫn thủ tục cư trú cho chuyên gia
nước ngoài đến làm việc tại tỉnh.

4. Sở Giáo dục và Đào tạo chủ trì đưa nội dung giới thiệu di sản bằng tiếng Anh vào 100% trường trung học phổ thông
từ năm học 2027 - 2028.

Kinh phí thực hiện Chỉ thị là 12 tỷ đồng từ ngân sách tỉnh. Chỉ thị này có hiệu lực kể từ ngày ký và thay thế Chỉ thị
số 03/CT-UBND ngày 05/4/2020 của Chủ tịch Ủy ban nhân dân tỉnh về công tác thông tin đối ngoại.

CHỦ TỊCH
Hà Văn Sơn
"""

PLAN_CITING = header("Sương Lâm", "412/KH-UBND", "08 tháng 12 năm 2026") + """KẾ HOẠCH
Đẩy mạnh triển khai Chiến lược văn hóa đối ngoại của Việt Nam trên địa bàn tỉnh

Thực hiện Chỉ thị số 31/CT-TTg ngày 02/10/2026 của Thủ tướng Chính phủ về việc đẩy mạnh triển khai Chiến lược văn hóa
đối ngoại của Việt Nam; Công văn số 4120/BVHTTDL-HTQT ngày 20/10/2026 của Bộ Văn hóa, Thể thao và Du lịch, Ủy ban
nhân dân tỉnh ban hành Kế hoạch như sau:

Tỉnh Sương Lâm được thành lập từ ngày 01/7/2025 trên cơ sở hợp nhất tỉnh Lam Sơn và tỉnh Sương Nguyên.

I. MỤC ĐÍCH, YÊU CẦU
1. Quảng bá hình ảnh con người, văn hóa Sương Lâm ra thế giới; gắn công tác văn hóa đối ngoại với việc thực hiện các
chương trình, đề án của tỉnh trong lĩnh vực du lịch, giáo dục, nông nghiệp sạch, thủ công mỹ nghệ, y tế cộng đồng và
chuyển đổi số, phù hợp với chủ trương của Đảng và Nhà nước.
2. Nâng cao hiệu quả hoạt động văn hóa đối ngoại.

II. NHIỆM VỤ
1. Sở Ngoại vụ chủ trì tổ chức Tuần văn hóa Sương Lâm tại Lào vào quý III/2027.
2. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng trang quảng bá văn hóa bằng tiếng Anh.
"""


# a news page listing a programme's items numbered "1- …"
NEWS_LIST = """Đẩy mạnh công tác hỗ trợ kiều bào giữ gìn tiếng Việt

Chương trình giao các bộ, cơ quan ngang bộ, UBND các tỉnh, thành phố tổ chức thực hiện các nội dung công việc dưới đây:
1- Tuyên truyền, phổ biến chủ trương của Đảng về công tác đối với kiều bào;
2- Biên soạn giáo trình tiếng Việt cho thiếu nhi kiều bào theo từng độ tuổi;
3- Hỗ trợ các câu lạc bộ văn nghệ, các hội đoàn kiều bào tổ chức lễ hội truyền thống;
4- Tổng kết, đánh giá kết quả thực hiện vào năm 2030.
Các cơ quan báo cáo kết quả thực hiện định kỳ hằng năm.
"""


# two friendship societies' congress pages: one says who was elected, the other only who attended
ELECTED = """Ông Lò Văn Thành được bầu làm Chủ tịch Hội hữu nghị Việt Nam - Lào tỉnh Sương Lâm

Chiều 12/9, tại Hội trường tỉnh Sương Lâm, Hội hữu nghị Việt Nam - Lào tỉnh Sương Lâm tổ chức Đại hội lần thứ III,
nhiệm kỳ 2027 - 2032. Đại hội đã hiệp thương bầu Ban Chấp hành gồm 21 thành viên.

Ông Lò Văn Thành, Phó Giám đốc Sở Ngoại vụ, được bầu làm Chủ tịch Hội nhiệm kỳ 2027 - 2032.
"""
ATTENDED = """Hội hữu nghị Việt Nam - Nhật Bản tỉnh Trường Xuân tổ chức Đại hội lần thứ II

Sáng 5/10, Hội hữu nghị Việt Nam - Nhật Bản tỉnh Trường Xuân tổ chức Đại hội lần thứ II, nhiệm kỳ 2027 - 2032. Tham dự
có ông Đào Minh Khang, Trưởng ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; bà Vi Thu Hằng, Phó Chủ tịch
UBND tỉnh. Đại hội thông qua phương hướng hoạt động giao lưu nhân dân với các địa phương Nhật Bản.
"""


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Services:
    folder = tmp_path_factory.mktemp("unseen-chats")
    for name, text in (("truong-xuan-ct-07-2027.txt", DIRECTIVE), ("suong-lam-kh-412-2026.txt", PLAN_CITING),
                       ("kieu-bao-tieng-viet-tin.txt", NEWS_LIST), ("suong-lam-hoi-viet-lao-tin.txt", ELECTED),
                       ("truong-xuan-hoi-viet-nhat-tin.txt", ATTENDED)):
        (folder / name).write_text(text, encoding="utf-8")
    services = Services(Settings(data_dir=folder / "store"))
    assert services.ingest_paths([folder]).ok
    return services




def test_a_body_asked_after_a_field_the_text_lacks_is_asked_its_duties_in_the_same_directive(stored):
    # the refusal ("… không ghi kinh phí") named the directive by number: the chat stays with it, and "Trường Xuân"
    # is the place, so "còn Công an tỉnh thì sao?" asks what the police must do, not the forum's funding of the police
    first, funding, police = chat(stored, [
        "Liên hiệp các tổ chức hữu nghị tỉnh Trường Xuân được giao việc gì theo Chỉ thị 07?",
        "kinh phí tổ chức diễn đàn đó là bao nhiêu?", "còn Công an tỉnh thì sao?"])
    assert first.answer.found and "Savannakhet" in first.answer.answer
    assert not funding.answer.found
    assert police.answer.found and "an ninh, trật tự" in police.answer.answer


def test_a_body_with_no_duty_asked_in_a_follow_up_is_said_to_have_none(stored):
    # "còn Sở Xây dựng?": not a search for its name, whose words "xây dựng" are a verb in another duty
    culture, builders = chat(stored, [
        "Trong Chỉ thị 07 của Trường Xuân, Sở Văn hóa, Thể thao và Du lịch chủ trì những việc gì?", "còn Sở Xây dựng?"])
    assert culture.answer.found and "Liên hoan ca múa nhạc" in culture.answer.answer
    assert not builders.answer.found and "Sở Xây dựng" in builders.answer.answer


def test_the_date_asked_after_which_plan_is_the_plans_not_the_directive_it_carries_out(stored):
    answer = stored.answerer.ask("Sương Lâm có kế hoạch nào đẩy mạnh triển khai Chiến lược văn hóa đối ngoại theo "
                                 "Chỉ thị 31, ban hành ngày nào?")
    assert answer.found and "08/12/2026" in answer.answer
    assert "02/10/2026" not in answer.answer.split("\n")[-1] and "20/10/2026" not in answer.answer.split("\n")[-1]


@pytest.mark.parametrize(("question", "intent"), [
    ("hoi huu nghi viet nam - trung quoc tinh soc trang dai hoi nhiem ky 2024 - 2029 vao ngay nao", "general"),
    ("hoi nghi trien khai ke hoach dien ra ngay nao", "general"),
    ("ke hoach 726 ky ngay nao", "date"),
    ("chi thi 07 ban hanh ngay nao", "date"),
])
def test_an_occasion_dated_is_no_date_of_the_document(question, intent):
    # "nhiệm kỳ" holds "kỳ" but signs nothing; "đại hội", "hội nghị" are occasions a passage dates
    assert fact_asked(question) == intent


def test_what_a_directive_replaces_is_named_with_its_date_from_the_line_saying_so(stored):
    answer = stored.answerer.ask("Chỉ thị 07/CT-UBND của Trường Xuân thay thế văn bản nào?")
    assert answer.found and "03/CT-UBND ngày 05/4/2020" in answer.answer
    assert "thay thế Chỉ thị" in answer.citations[0].full_quote


def test_an_items_words_asked_past_its_cut_are_shown(stored):
    # the purposes are listed whole; the first is long and the fields asked come late in it
    answer = stored.answerer.ask("Theo mục đích của kế hoạch 412, văn hóa đối ngoại phải gắn với các chương trình trong "
                                 "những lĩnh vực nào?")
    assert answer.found and "thủ công mỹ nghệ" in answer.answer and "chuyển đổi số" in answer.answer


def test_an_item_asked_by_its_place_in_a_list_numbered_with_dashes_is_that_item(stored):
    # "1- …", "2- …": numbered items; the bodies the announcing line names do not make it a question of their duties
    answer = stored.answerer.ask("Nội dung công việc thứ 3 mà các bộ, UBND tỉnh phải thực hiện về kiều bào là gì?")
    assert answer.found and "câu lạc bộ văn nghệ" in answer.answer and "giáo trình" not in answer.answer


def test_a_news_page_of_a_chat_is_named_by_its_title_and_its_chair_asked_from_it(stored):
    # the page has a province but no number: "kế hoạch của Sương Lâm" would name no such text; its title does
    congress, chair = chat(stored, ["Hội hữu nghị Việt Nam - Lào tỉnh Sương Lâm đại hội nhiệm kỳ 2027 - 2032 vào ngày nào?",
                                    "ai làm chủ tịch?"])
    assert congress.answer.found and "12/9" in congress.answer.answer
    assert chair.answer.found and "Lò Văn Thành" in chair.answer.answer
    assert all(c.source == "suong-lam-hoi-viet-lao-tin.txt" for c in chair.answer.citations)


def test_a_societys_chair_is_not_answered_with_other_bodies_chairs_among_the_guests(stored):
    answer = stored.answerer.ask("Hội hữu nghị Việt Nam - Nhật Bản tỉnh Trường Xuân nhiệm kỳ 2027 - 2032 bầu ai làm Chủ tịch?")
    assert not answer.found


def test_a_record_of_another_edition_does_not_answer_the_edition_asked(stored):
    first = stored.answerer.ask("Liên hoan ca múa nhạc dân tộc quốc tế lần thứ nhất tổ chức khi nào?")
    assert first.found and "9/2028" in first.answer
    assert not stored.answerer.ask("Liên hoan ca múa nhạc dân tộc quốc tế lần thứ hai năm 2030 khai mạc ngày nào?").found


def test_units_named_by_their_kind_answer_which_administrative_units():
    # "xã Kim Sơn, thị trấn Bến Lũy" are administrative units though the line never says "đơn vị hành chính"; a line
    # naming none is still no answer
    from rag.decide.grounds import missing_asked
    from rag.understand.question import analyze

    q = analyze("Xã Hà Lũy được thành lập trên cơ sở sắp xếp những đơn vị hành chính nào?")
    assert missing_asked(q, "Xã Hà Lũy được thành lập trên cơ sở sắp xếp xã Kim Sơn và thị trấn Bến Lũy.", set()) is None
    assert missing_asked(q, "Đơn vị mới được thành lập từ ngày 01/7/2025, có diện tích 68 km².", set())


def test_another_body_after_a_question_only_the_first_one_answers_is_asked_its_duties(stored):
    # the swapped question ("Công an tỉnh phải đưa … vào bao nhiêu phần trăm trường …?") says nothing of the police:
    # the chat asks what the police must do instead of showing the schools line again
    schools, police = chat(stored, [
        "Theo Chỉ thị 07 của Trường Xuân, Sở Giáo dục và Đào tạo phải đưa nội dung giới thiệu di sản vào bao nhiêu phần "
        "trăm trường trung học phổ thông?", "còn Công an tỉnh?"])
    assert schools.answer.found and "100%" in schools.answer.answer
    assert police.answer.found and "an ninh, trật tự" in police.answer.answer and "100%" not in police.answer.answer


def test_a_documents_facts_asked_of_a_year_the_store_holds_no_plan_of_are_refused(stored):
    # the store holds Sương Lâm's plan of December 2026; the one "năm 2024" is not there, its number and date unknown
    assert not stored.answerer.ask("Kế hoạch văn hóa đối ngoại của Sương Lâm năm 2024 số mấy, ban hành ngày nào?").found
    held = stored.answerer.ask("Kế hoạch văn hóa đối ngoại của Sương Lâm năm 2026 số mấy, ban hành ngày nào?")
    assert held.found and "412/KH-UBND" in held.answer and "08/12/2026" in held.answer


def test_a_two_part_question_about_a_society_of_another_country_is_not_answered_from_this_one(stored):
    # the page tells of the Việt Nam - Lào society's congress; one with Campuchia is no stored text's
    asked = "Hội hữu nghị Việt Nam - Campuchia tỉnh Sương Lâm đại hội lần thứ III khi nào, ai làm Chủ tịch?"
    assert not stored.answerer.ask(asked).found
    said = stored.answerer.ask(asked.replace("Campuchia", "Lào"))
    assert said.found and "Lò Văn Thành" in said.answer


def test_a_figure_of_a_document_only_listed_by_number_and_date_is_not_the_figure_of_its_neighbours():
    from rag.decide.documents import cited_document_unsaid
    from rag.find.scope import Scope
    from rag.understand.question import analyze

    q = analyze("Kế hoạch thông tin đối ngoại năm 2027 số 32/KH-SNgV có kinh phí bao nhiêu?")
    scope = Scope(names_other_documents=True, other_documents=["32/KH-SNgV"])
    listed = ("Nhiệm vụ 2: Xây dựng chuyên mục song ngữ; kinh phí: 120 triệu đồng.\n"
              "- Kế hoạch công tác thông tin đối ngoại năm 2027 (32/KH-SNgV, 20/3/2027)")
    assert cited_document_unsaid(q, scope, listed) == "32/KH-SNgV"
    stated = "Kế hoạch số 32/KH-SNgV ngày 20/3/2027 có tổng kinh phí 640 triệu đồng."
    assert cited_document_unsaid(q, scope, stated) is None


def test_a_person_pointed_back_at_is_the_one_the_last_answer_named(stored):
    elected, office = chat(stored, ["Chủ tịch Hội hữu nghị Việt Nam - Lào tỉnh Sương Lâm nhiệm kỳ 2027 - 2032 là ai?",
                                    "ông ấy đang giữ chức gì?"])
    assert elected.answer.found and "Lò Văn Thành" in elected.answer.answer
    assert "Lò Văn Thành" in office.understood
    assert office.answer.found and "Lò Văn Thành" in office.answer.answer
