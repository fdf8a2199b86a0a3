"""Answers on documents laid out the way real ones are but named nowhere in the code: a plan of a province the
gazetteer does not know, a news page about a city's plan (texts written for these tests, tests/fixtures/unseen)."""
from __future__ import annotations

import pytest

from ground.config import Settings
from ngvh.services import Services
from tests.conftest import ROOT
from tests.rag.conftest import ingested, texts_store

UNSEEN = ROOT / "tests" / "fixtures" / "unseen"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def unseen(tmp_path_factory) -> Services:
    return ingested(tmp_path_factory, UNSEEN, "unseen-store")


def ask(services: Services, question: str):
    return services.answerer.ask(question)


def _stored(tmp_path, name: str, text: str) -> Services:
    """A store holding one text written for the test, ingested as an admin would."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    services = Services(Settings(data_dir=tmp_path / "store"))
    assert services.ingest_paths([tmp_path / name]).ok
    return services


def test_a_place_only_the_store_knows_scopes_the_question(unseen):
    answer = ask(unseen, "dong lam dat muc tieu don bao nhieu luot khach quoc te nam 2025 va nam 2030")
    assert answer.found
    assert "300.000" in answer.answer and "600.000" in answer.answer  # each year from its own passage
    assert all(c.source.endswith("dong-lam-kh-88-2024.txt") for c in answer.citations)


def test_a_place_no_stored_text_writes_is_refused_as_missing(unseen):
    answer = ask(unseen, "Kế hoạch văn hóa đối ngoại của tỉnh Bắc Lâm có mấy mục tiêu?")
    assert not answer.found and not answer.citations and "Bắc Lâm" in answer.answer


def test_a_cited_document_is_answered_from_the_citing_sentence_never_the_plan(unseen):
    dated = ask(unseen, "Chỉ thị 25/CT-TTg ban hành ngày nào?")
    assert dated.found and "10/9/2021" in dated.answer and "15/3/2024" not in dated.answer
    signed = ask(unseen, "Chỉ thị 25/CT-TTg do ai ký?")
    assert not signed.found and not signed.citations  # no citing sentence names a signer
    assert "Trần Minh Khoa" not in signed.answer  # the citing plan's own signer is no answer


def test_task_records_answer_one_task_field_by_field(unseen):
    answer = ask(unseen, "Ai chủ trì sản xuất phim tư liệu về nghề dệt thổ cẩm, thực hiện khi nào?")
    assert answer.found and answer.kind == "records"
    assert "Đài Phát thanh và Truyền hình tỉnh" in answer.answer and "2025" in answer.answer


def test_a_field_the_record_lacks_is_read_from_the_plan_sentence_naming_the_task(unseen):
    answer = ask(unseen, "Tuần văn hóa Đông Lâm tại Vientiane tổ chức khi nào, kinh phí bao nhiêu?")
    assert answer.found and "quý III/2025" in answer.answer and "800 triệu" in answer.answer


def test_the_appendix_tasks_are_counted(unseen):
    answer = ask(unseen, "Phụ lục kế hoạch của Đông Lâm có bao nhiêu nhiệm vụ?")
    assert answer.found and "3 nhiệm vụ" in answer.answer


def test_two_questions_in_one_are_cut_at_the_comma_and_each_answered(unseen):
    answer = ask(unseen, "Ở Đông Lâm các sở gửi báo cáo về Sở Ngoại vụ trước ngày nào, Sở Ngoại vụ báo cáo "
                         "Ủy ban nhân dân tỉnh trước ngày nào?")
    assert answer.found and "25/11" in answer.answer and "10/12" in answer.answer


def test_a_page_without_the_plan_number_says_when_the_plan_was_issued(unseen):
    answer = ask(unseen, "UBND thành phố Hải Lâm ban hành kế hoạch ngoại giao văn hóa năm 2024 vào ngày nào?")
    assert answer.found and "12/3/2024" in answer.answer.replace("12/3/2024", "12/3/2024")


def test_a_later_part_asks_the_fact_of_the_document_the_first_part_named(unseen):
    # the directive is only cited: its date comes from the citing sentence, not from the plan or a search
    answer = ask(unseen, "Kế hoạch 88 của Đông Lâm thực hiện chỉ thị nào, và chỉ thị đó ban hành ngày nào?")
    assert answer.found and "25/CT-TTg" in answer.answer and "10/9/2021" in answer.answer


def test_a_document_only_cited_is_no_stored_plan_even_when_its_place_is_named(unseen):
    # the province narrows the plans to Đông Lâm's, but the number asked is only cited: no plan's own signer
    answer = ask(unseen, "Chỉ thị 25/CT-TTg về văn hóa đối ngoại mà tỉnh Đông Lâm thực hiện do ai ký?")
    assert not answer.found and not answer.citations and "Trần Minh Khoa" not in answer.answer


def test_the_tasks_an_agency_leads_are_its_lead_rows_with_their_numbers(unseen):
    answer = ask(unseen, "so ngv chu tri nhung nhiem vu so may trong phu luc ke hoach dong lam?")
    assert answer.found and answer.kind == "tasks"
    assert "(số 1 tại Phụ lục)" in answer.answer and "sổ tay" in answer.answer
    assert "tiếng Việt" not in answer.answer  # the Vientiane classes it only supports
    partner = ask(unseen, "Sở Ngoại vụ phối hợp những nhiệm vụ nào trong kế hoạch của Đông Lâm?")
    assert "tiếng Việt" in partner.answer and "sổ tay" not in partner.answer


def test_a_year_of_a_budget_breakdown_is_read_under_its_heading(unseen):
    answer = ask(unseen, "kinh phi nam 2026 cua ke hoach dong lam la bao nhieu")
    assert answer.found and "700 triệu" in answer.answer  # the year's line, not a task dated that year


def test_an_expiry_date_no_text_gives_is_refused_while_standing_is_answered(unseen):
    expiry = ask(unseen, "Kế hoạch 88/KH-UBND của Đông Lâm hết hiệu lực ngày nào?")
    assert not expiry.found and not expiry.citations
    standing = ask(unseen, "Kế hoạch 88/KH-UBND của Đông Lâm còn hiệu lực không?")
    assert standing.found and standing.kind == "standing"


def test_a_document_only_named_by_its_title_is_dated_from_its_citing_sentence(unseen):
    answer = ask(unseen, "chien luoc quang ba am thuc viet den 2035 duoc thu tuong phe duyet ngay nao?")
    assert answer.found and answer.kind == "cited" and "5/6/2023" in answer.answer  # as the citing sentence writes it
    assert all(c.source.endswith("hai-lam-tin-2024.txt") for c in answer.citations)


def test_which_documents_a_plan_cites_lists_each_of_them(unseen):
    answer = ask(unseen, "Kế hoạch ngoại giao văn hóa của Hải Lâm căn cứ những công văn nào của Bộ Ngoại giao?")
    assert answer.found and "112/BNG-NGVH" in answer.answer and "245/BNG-NGVH" in answer.answer


def test_a_district_named_by_its_kind_scopes_to_the_texts_that_write_it(unseen):
    held = ask(unseen, "huyen song may co ke hoach thong tin doi ngoai nam 2025 so may?")
    assert held.found and "21/KH-UBND" in held.answer
    assert all(c.source.endswith("song-may-tin-2025.txt") for c in held.citations)
    other_year = ask(unseen, "huyện Sông Mây có kế hoạch thông tin đối ngoại năm 2024 không, số mấy?")
    assert not other_year.found and not other_year.citations
    nowhere = ask(unseen, "Thị xã Đá Trắng ban hành kế hoạch ngoại giao văn hóa năm 2025 số mấy?")
    assert not nowhere.found and "Đá Trắng" in nowhere.answer


def test_a_person_or_a_number_asked_needs_one_in_the_answer(unseen):
    answer = ask(unseen, "Trưởng phòng Văn hóa và Thông tin huyện Sông Mây là ai?")
    assert not answer.found and not answer.citations


def test_a_city_the_gazetteer_does_not_know_is_scoped_by_its_plan_year(unseen):
    held = ask(unseen, "Kế hoạch ngoại giao văn hóa năm 2024 của thành phố Hải Lâm có hoạt động gì?")
    assert held.found and all(c.source.endswith("hai-lam-tin-2024.txt") for c in held.citations)
    other = ask(unseen, "Kế hoạch ngoại giao văn hóa năm 2023 của thành phố Hải Lâm có hoạt động gì?")
    assert not other.found and "2023" in other.answer


def test_an_agency_s_share_of_the_budget_is_its_own_line_or_nothing(unseen):
    own = ask(unseen, "Sở Ngoại vụ Đông Lâm được phân bổ bao nhiêu kinh phí giai đoạn 2024-2026?")
    assert own.found and "1,2 tỷ" in own.answer
    other = ask(unseen, "Sở Tư pháp Đông Lâm được phân bổ bao nhiêu kinh phí?")
    assert not other.found and not other.citations  # it is named as a partner, with no sum of its own


def test_a_follow_up_on_an_event_a_narrative_paragraph_names_reads_the_next_sentence(unseen):
    from rag.dialogue.state import Conversation
    from rag.dialogue.turn import run_turn

    first = run_turn(unseen.ask, "Liên hoan Sóng biển Hải Lâm tổ chức khi nào?", Conversation())
    assert first.answer.found and "tháng 8 năm 2024" in first.answer.answer
    funding = run_turn(unseen.ask, "kinh phí bao nhiêu?", first.context)
    assert funding.answer.found and "600 triệu" in funding.answer.answer  # the sentence after the one naming it
    count = run_turn(unseen.ask, "có bao nhiêu đoàn nghệ thuật, đến từ nước nào?", funding.context)
    assert count.answer.kind != "catalog"  # "… nước nào" asks the text, not which places hold plans


def test_a_full_name_asked_needs_one_and_a_body_under_the_issuer_is_the_one_asked(unseen):
    named = ask(unseen, "Trưởng phòng nào (họ tên) chủ trì kế hoạch thông tin đối ngoại của huyện Sông Mây?")
    assert not named.found and not named.citations
    organ = ask(unseen, "Ban Kiểm tra của UBND huyện Sông Mây có nhiệm vụ gì trong kế hoạch thông tin đối ngoại?")
    assert not organ.found and not organ.citations


def test_a_section_whose_numbered_items_are_headings_counts_them_all(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TRÀ LĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 31/KH-UBND\nTrà Lĩnh, ngày 05 tháng 3 năm 2027\n\nKẾ HOẠCH\nThực hiện Chiến lược Ngoại giao văn hóa "
            "giai đoạn 2027 - 2030\n\nI. MỤC ĐÍCH\nQuảng bá hình ảnh tỉnh Trà Lĩnh với bạn bè quốc tế.\n\nII. MỤC TIÊU\n\n"
            "Đến năm 2030, phấn đấu đạt các mục tiêu cụ thể sau:\n\n"
            + "".join(f"{i}. Mục tiêu số {i}: tổ chức ít nhất {i + 1} sự kiện quảng bá văn hóa Trà Lĩnh ở nước ngoài, "
                      f"mời đối tác của {i} quốc gia tham dự và giới thiệu đặc sản, làng nghề truyền thống của tỉnh.\n\n"
                      for i in range(1, 7))
            + "III. NHIỆM VỤ\n1. Sở Ngoại vụ chủ trì tổ chức các sự kiện đối ngoại của tỉnh.\n")
    services = _stored(tmp_path, "tra-linh-kh-31-2027.txt", text)
    answer = services.answerer.ask("kh tra linh co may muc tieu cu the")
    assert answer.found and "Có 6 mục tiêu cụ thể" in answer.answer


def test_a_heading_joining_two_things_counts_the_items_of_the_one_asked(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TRÀ LĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 32/KH-UBND\nTrà Lĩnh, ngày 06 tháng 3 năm 2027\n\nKẾ HOẠCH\nThực hiện Chiến lược Ngoại giao văn hóa "
            "năm 2027\n\nI. QUAN ĐIỂM, MỤC TIÊU\n\n1. Quan điểm\nNgoại giao văn hóa là nhiệm vụ của cả hệ thống chính "
            "trị tỉnh Trà Lĩnh.\n\n2. Mục tiêu đến năm 2028\n"
            + "".join(f"{m}) Tổ chức ít nhất {i + 1} hoạt động quảng bá làng nghề Trà Lĩnh với đối tác nước ngoài.\n"
                      for i, m in enumerate("abcdđ"))
            + "\nII. NHIỆM VỤ\n1. Sở Ngoại vụ chủ trì tổ chức các sự kiện đối ngoại của tỉnh.\n")
    services = _stored(tmp_path, "tra-linh-kh-32-2027.txt", text)
    answer = services.answerer.ask("kế hoạch của Trà Lĩnh đặt ra mấy mục tiêu đến năm 2028?")
    assert answer.found and "Có 5 mục tiêu" in answer.answer  # a) … đ), not the two parts "Quan điểm", "Mục tiêu"




def test_a_signer_and_date_no_line_of_an_unnumbered_page_states_are_said_missing(tmp_path):
    # (the page's first line, its title, is a resolution it recalls: no title names the plan)
    text = ("Nghị quyết Đại hội Đảng bộ huyện lần thứ XVI về việc\n\n"
            "I. MỤC ĐÍCH, YÊU CẦU\nViệc giao lưu văn hóa, văn nghệ giữa huyện Sông Trà với huyện Xê Pôn nằm ở vùng biên "
            "giới Việt Nam - Lào đáp ứng nguyện vọng của nhân dân hai huyện, góp phần vun đắp tình hữu nghị.\n"
            "Đồng thời, tiếp tục triển khai Quyết định số 581/QĐ-TTg ngày 06/5/2009 của Thủ tướng Chính phủ về việc phê "
            "duyệt Chiến lược phát triển văn hóa đến năm 2020, tăng cường giao lưu quốc tế về văn hóa.\n\n"
            "II. NỘI DUNG\n1. Tổ chức đêm giao lưu văn nghệ tại thị trấn Sông Trà với đoàn nghệ thuật huyện Xê Pôn.\n"
            "2. Trao đổi đoàn nghệ nhân dệt thổ cẩm giữa hai huyện.\n")
    services = _stored(tmp_path, "song-tra-giao-luu-viet-lao.txt", text)
    answer = services.answerer.ask("Kế hoạch giao lưu văn hóa, văn nghệ của huyện Sông Trà với Xê Pôn do ai ký, ban hành ngày nào?")
    assert not answer.found and not answer.citations  # 06/5/2009 dates the Quyết định it cites, not the plan


def test_a_foreign_name_the_answer_gives_is_placed_by_another_line_of_its_text(tmp_path):
    text = ("UBND TỈNH TRÀ LĨNH\nTRƯỜNG ĐẠI HỌC TRÀ LĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 70/KH-ĐHTL\nTrà Lĩnh, ngày 9 tháng 9 năm 2027\n\nKẾ HOẠCH\nNgoại giao văn hóa năm học 2027 - 2028\n\n"
            "I. MỤC TIÊU\n1. Tiếp nhận 120 lưu học sinh.\n2. Ký mới 01 thỏa thuận hợp tác với Trường Đại học Sukhothai "
            "(Thái Lan).\n\nII. NHIỆM VỤ\n1. Tổ chức Tuần văn hóa Việt Nam cho lưu học sinh.\n2. Biên soạn tài liệu "
            "giới thiệu văn hóa Trà Lĩnh.\n3. Tổ chức hội thảo quốc tế về di sản.\n\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Hợp tác quốc tế là đơn vị thường trực, làm đầu mối với Sở Ngoại vụ; chủ trì đàm phán thỏa thuận "
            "với Trường Đại học Sukhothai, trình Hiệu trưởng trước ngày 31/3/2028.\n"
            "2. Phòng Đào tạo xếp lịch học tiếng Việt cho lưu học sinh.\n")
    services = _stored(tmp_path, "tra-linh-dh-kh-70-2027.txt", text)
    answer = services.answerer.ask("Phòng Hợp tác quốc tế phải trình Hiệu trưởng thỏa thuận với trường nào của Thái Lan?")
    assert answer.found and "Sukhothai" in answer.answer  # its Thái Lan is written on the target's line


def test_a_part_answered_by_a_line_announcing_a_list_brings_its_items(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TRÀ LĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 34/KH-UBND\nTrà Lĩnh, ngày 08 tháng 3 năm 2027\n\nKẾ HOẠCH\nNgoại giao văn hóa năm 2027\n\n"
            "I. NHIỆM VỤ\n1. Tổ chức Tuần văn hóa Trà Lĩnh tại Lào.\n2. Biên soạn sách ảnh giới thiệu di sản.\n\n"
            "II. KINH PHÍ\nTổng kinh phí dự kiến: 900 triệu đồng, gồm:\n- Ngân sách tỉnh: 500 triệu đồng;\n"
            "- Nguồn xã hội hóa: 400 triệu đồng.\nChi tiết theo từng nhiệm vụ tại Phụ lục kèm theo.\n")
    services = _stored(tmp_path, "tra-linh-kh-34-2027.txt", text)
    answer = services.answerer.ask("Tổng kinh phí kế hoạch của Trà Lĩnh là bao nhiêu, chia theo từng nguồn thế nào?")
    assert answer.found and all(k in answer.answer for k in ("900", "500", "400"))


def test_a_decision_named_by_number_says_what_it_approves_and_its_period_with_the_vision(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TRÀ LĨNH\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 2611/QĐ-UBND\nTrà Lĩnh, ngày 30 tháng 12 năm 2026\n\nQUYẾT ĐỊNH\nPHÊ DUYỆT ĐỀ ÁN QUẢNG BÁ HÌNH ẢNH TỈNH "
            "TRÀ LĨNH GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2035\n\nỦY BAN NHÂN DÂN TỈNH TRÀ LĨNH\n\n"
            "Căn cứ Quyết định số 44/2019/QĐ-TTg ngày 09 tháng 01 năm 2019 của Thủ tướng Chính phủ phê duyệt Đề án "
            "tăng cường hoạt động truyền thông về du lịch;\nXét đề nghị của Giám đốc Sở Ngoại vụ.\n")
    services = _stored(tmp_path, "tra-linh-qd-2611-2026.txt", text)
    what = services.answerer.ask("Quyết định 2611/QĐ-UBND phê duyệt đề án gì và ban hành ngày nào?")
    assert what.found and "quảng bá hình ảnh" in what.answer.lower() and "30/12/2026" in what.answer
    assert "44/2019" not in what.answer  # the decision it rests on approved another
    period = services.answerer.ask("đề án quảng bá hình ảnh tỉnh trà lĩnh giai đoạn nào, tầm nhìn đến năm nào?")
    assert period.found and "2026 - 2030" in period.answer and "2035" in period.answer


def test_a_count_of_items_a_line_announces_is_the_number_of_items_after_it(tmp_path):
    text = ("UBND tỉnh ban hành Kế hoạch công tác thông tin đối ngoại năm 2027 trên địa bàn tỉnh Trà Lĩnh\n\n"
            "14:44, Thứ Sáu, 10-3-2027\n\nKế hoạch công tác thông tin đối ngoại năm 2027 được ban hành nhằm đẩy mạnh, nâng "
            "cao chất lượng các hoạt động thông tin đối ngoại, giới thiệu hình ảnh tỉnh Trà Lĩnh với bạn bè quốc tế.\n\n"
            "Công tác thông tin đối ngoại bao gồm những nội dung chính:\n\n1. Công tác thông tin, tuyên truyền;\n\n"
            "2. Tập huấn, nâng cao năng lực công tác thông tin đối ngoại;\n\n3. Triển khai Quyết định số 1079/QĐ-TTg "
            "ngày 14/9/2022 của Thủ tướng Chính phủ;\n\n4. Quảng bá hình ảnh tỉnh trên báo chí nước ngoài.\n\n"
            "Sở Thông tin và Truyền thông là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch.")
    services = _stored(tmp_path, "tra-linh-ttdn-2027-news.txt", text)
    answer = services.answerer.ask("Kế hoạch thông tin đối ngoại năm 2027 của Trà Lĩnh gồm mấy nội dung chính?")
    assert answer.found and "Có 4 nội dung" in answer.answer  # (the 2022 of a decision's date is no year's figure)


def test_a_bare_number_names_a_party_document_when_no_other_has_it_and_danh_thang_asks_no_month(tmp_path):
    from rag.understand.question import analyze, as_typed

    text = ("TỈNH ỦY TRÀ LĨNH | ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n* | Trà Lĩnh, ngày 10 tháng 6 năm 2027\n"
            "Số 52-HD/BTGDVTU\n\nHƯỚNG DẪN\ntuyên truyền kỷ niệm 50 năm quan hệ ngoại giao Việt Nam - Philippines\n\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Tuyên truyền sâu rộng ý nghĩa lịch sử của quan hệ hữu nghị giữa hai nước.\n"
            "2. Giới thiệu danh thắng Thác Mây, làng dệt Nà Lũng của tỉnh Trà Lĩnh tới bạn bè Philippines.\n\n"
            "Nơi nhận:\n- Các cấp ủy trực thuộc,\n- Lưu VP.\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n(Đã ký)\nLục Thị Hồng Vân")
    services = _stored(tmp_path, "tra-linh-hd-52-2027.txt", text)
    signer = services.answerer.ask("Hướng dẫn 52 do ai ký?")
    assert signer.found and "Lục Thị Hồng Vân" in signer.answer
    assert analyze(as_typed("Hướng dẫn 52 giới thiệu những danh thắng nào của tỉnh?")).answer_type != "date"


CONSULATE_PAGE = ("Tết Cộng đồng mừng xuân 2027 tại {city}\n\n{date}, Tổng lãnh sự quán Việt Nam tại {city} tổ chức chương "
                  "trình {event} cho gần {guests} bà con người Việt đang sinh sống, học tập và làm việc tại {region}.\n\n"
                  "Tổng lãnh sự Việt Nam tại {city} {consul} phát biểu tại sự kiện, chúc bà con năm mới an khang.\n\n"
                  "Chương trình có các tiết mục văn nghệ, gói bánh chưng và trò chơi dân gian, góp phần giữ gìn văn hóa "
                  "truyền thống trong cộng đồng kiều bào.\n")


def test_a_venue_the_question_names_picks_the_page_of_that_place_and_a_follow_up_swaps_it(tmp_path):
    # two consulates' pages, alike line for line: "… tại Houston là ai?" is answered from Houston's page, not from
    # the other consul's line that ranks as high; "còn ở Perth thì sao?" asks the same of Perth
    pages = {"houston.txt": dict(city="Houston", date="Tối 30/1", event="Tết Cộng đồng", guests="400",
                                 region="bang Texas", consul="Trần Minh Khôi"),
             "perth.txt": dict(city="Perth", date="Ngày 2/2", event="Xuân Quê hương", guests="250",
                               region="bang Tây Úc", consul="Lê Thu Hà")}
    for name, fields in pages.items():
        (tmp_path / name).write_text(CONSULATE_PAGE.format(**fields), encoding="utf-8")
    services = Services(Settings(data_dir=tmp_path / "store"))
    assert services.ingest_paths([tmp_path / name for name in pages]).ok
    for city, consul in (("Houston", "Trần Minh Khôi"), ("Perth", "Lê Thu Hà")):
        answer = services.answerer.ask(f"Tổng lãnh sự Việt Nam tại {city} là ai?")
        assert answer.found and consul in answer.answer and all(c.source == f"{city.lower()}.txt" for c in answer.citations)
    from rag.dialogue.state import Conversation
    from rag.dialogue.turn import run_turn

    first = run_turn(services.ask, "Ai phát biểu tại Tết Cộng đồng mừng xuân 2027 ở Houston?", Conversation())
    assert "Trần Minh Khôi" in first.answer.answer
    then = run_turn(services.ask, "còn ở Perth thì sao?", first.context)
    assert then.understood and "Perth" in then.understood and "Houston" not in then.understood
    assert then.answer.found and "Lê Thu Hà" in then.answer.answer


SONG_LUC_PLAN = """ỦY BAN NHÂN DÂN TỈNH SÔNG LỤC
Số: 41/KH-UBND
Sông Lục, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện công tác thông tin đối ngoại năm 2026

Thực hiện Kết luận số 12-KL/TW ngày 03/5/2023 của Ban Bí thư về công tác thông tin đối ngoại; Nghị định số
72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ; Quy chế số 05-QC/TU ngày 02/4/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban
nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Quảng bá hình ảnh tỉnh Sông Lục tới bạn bè quốc tế.

II. NHIỆM VỤ
1. Sở Ngoại vụ chủ trì xuất bản ấn phẩm giới thiệu tỉnh bằng tiếng Anh, hoàn thành trong quý III/2026.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hòa
"""

SONG_LUC_DECISION = """ỦY BAN NHÂN DÂN TỈNH SÔNG LỤC
Số: 77/QĐ-UBND
Sông Lục, ngày 10 tháng 12 năm 2028

QUYẾT ĐỊNH
Phê duyệt Kế hoạch đoàn ra năm 2029 của tỉnh Sông Lục

Điều 1. Phê duyệt Kế hoạch đoàn ra năm 2029 của tỉnh Sông Lục, gồm:
1. Đoàn ra: 9 đoàn với 70 lượt người, trong đó 03 đoàn do lãnh đạo tỉnh dẫn đầu.
2. Tổng kinh phí dự kiến: 4.200 triệu đồng.
Điều 2. Sở Ngoại vụ chủ trì thẩm định chương trình các đoàn.

PHỤ LỤC
DANH MỤC ĐOÀN RA NĂM 2029
| STT | Nội dung đoàn ra | Chủ trì | Thời gian | Nước đến | Số người | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|---|
| 1 | Biểu diễn nghệ thuật tại lễ hội | Sở Văn hóa, Thể thao và Du lịch | Tháng 5/2029 | Lào | 12 | 600 |
| 2 | Xúc tiến du lịch | Sở Văn hóa, Thể thao và Du lịch | Tháng 9/2029 | Nhật Bản | 8 | 900 |
| 3 | Dự hội chợ nông sản | Sở Công Thương | Tháng 10/2029 | Hàn Quốc | 10 | 700 |

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hòa
"""

song_luc = texts_store("unseen-song-luc", {"song-luc-kh-41-2026.txt": SONG_LUC_PLAN,
                                           "song-luc-qd-77-2028.txt": SONG_LUC_DECISION})


def test_a_later_part_points_back_at_a_cited_conclusion_and_every_ground_is_named(song_luc):
    # "kết luận đó" is no kind of plan the store keeps, yet it points back at the conclusion the first part named
    answer = ask(song_luc, "Kế hoạch 41 của Sông Lục thực hiện kết luận nào, kết luận đó ngày nào?")
    assert answer.found and "12-KL/TW" in answer.answer
    assert "12-KL/TW của Ban Bí thư ban hành ngày 03/5/2023" in answer.answer  # the conclusion's own fact, stated
    assert "02/3/2026" not in answer.answer  # the plan's own date is no answer to the conclusion's
    grounds = ask(song_luc, "Kế hoạch 41/KH-UBND của Sông Lục được xây dựng căn cứ vào những văn bản nào?")
    assert grounds.found and all(n in grounds.answer for n in ("12-KL/TW", "72/2015/NĐ-CP", "05-QC/TU"))


def test_a_year_the_plan_is_of_need_not_be_repeated_by_the_line_counting(song_luc):
    answer = ask(song_luc, "Năm 2029 Sông Lục dự kiến bao nhiêu đoàn ra với bao nhiêu lượt người?")
    assert answer.found and "9 đoàn với 70 lượt người" in answer.answer


def test_a_body_the_plan_is_only_sent_to_has_no_duty_in_it(tmp_path):
    services = _stored(tmp_path, "song-luc-kh-12-sngv-2029.txt", (
        "UBND TỈNH SÔNG LỤC\nSỞ NGOẠI VỤ\nSố: 12/KH-SNgV\nSông Lục, ngày 05 tháng 01 năm 2029\n\nKẾ HOẠCH\n"
        "Công tác văn hóa đối ngoại của Sở Ngoại vụ năm 2029\n\nI. NHIỆM VỤ\n"
        "1. Phòng Hợp tác quốc tế chủ trì tổ chức chương trình gặp mặt Đại sứ các nước, hoàn thành trong quý III/2029.\n"
        "2. Văn phòng Sở bố trí kinh phí 300 triệu đồng cho các hoạt động.\n\n"
        "Nơi nhận:\n- Ban Giám đốc Sở;\n- Thanh tra Sở;\n- Lưu: VT.\n\nGIÁM ĐỐC\nĐào Minh Tuấn\n"))
    answer = ask(services, "Thanh tra Sở Ngoại vụ Sông Lục được giao nhiệm vụ gì trong kế hoạch 12/KH-SNgV?")
    assert not answer.found and not answer.citations

