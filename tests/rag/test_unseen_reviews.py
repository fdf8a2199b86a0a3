"""Questions over texts of kinds written for these tests (no sample plan): a province's five-year review with its
figures by year beside the old plan's targets and a list of partners, a ward's yearly plan counting its targets and
activities, a Sở's letter asking for reports by dated items, a Party resolution assigning its bodies."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

REVIEW = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH TÂY MAI | Độc lập - Tự do - Hạnh phúc
Số: 88/BC-UBND | Tây Mai, ngày 12 tháng 2 năm 2027

BÁO CÁO
Sơ kết 05 năm thực hiện Kế hoạch số 20/KH-UBND ngày 03/3/2022 của Ủy ban nhân dân tỉnh về văn hóa đối ngoại

I. CÔNG TÁC CHỈ ĐẠO
1. Ủy ban nhân dân tỉnh ban hành Kế hoạch số 20/KH-UBND ngày 03/3/2022 và giao các sở, ngành triển khai.

II. KẾT QUẢ THỰC HIỆN
1. Hợp tác quốc tế
Tỉnh tổ chức 09 sự kiện quốc tế, trong đó có Hội thi Thả đèn trời quốc tế Bến Ngự tổ chức lần đầu năm 2025 với 08 đội
nước ngoài tham gia.

2. Một số chỉ tiêu chủ yếu (Phụ lục I)

PHỤ LỤC I. KẾT QUẢ MỘT SỐ CHỈ TIÊU

| TT | Chỉ tiêu | Đơn vị | 2024 | 2025 | 2026 | Mục tiêu KH 20 đến 2026 |
|----|----------|--------|------|------|------|-------------------------|
| 1 | Khách quốc tế đến tỉnh | nghìn lượt | 410 | 655 | 870 | 800 |
| 2 | Ấn phẩm quảng bá bằng ngoại ngữ | ấn phẩm | 4 | 6 | 7 | 12 |

III. ĐÁNH GIÁ CHUNG
1. Ưu điểm: hình ảnh Tây Mai được quảng bá rộng rãi.
2. Hạn chế: nguồn lực còn phân tán.

IV. KIẾN NGHỊ
1. Đối với Bộ Văn hóa, Thể thao và Du lịch: hỗ trợ tỉnh tổ chức Ngày Văn hóa Tây Mai tại Hungary năm 2028 nhân dịp
kỷ niệm quan hệ ngoại giao hai nước.
2. Đối với Bộ Ngoại giao: giới thiệu tỉnh với các địa phương của Hungary.
3. Đối với Bộ Tài chính: xem xét hỗ trợ từ ngân sách trung ương 25% kinh phí các chương trình quảng bá ở nước ngoài.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Thu Giang

PHỤ LỤC II
DANH SÁCH ĐỊA PHƯƠNG NƯỚC NGOÀI HỢP TÁC VỚI TỈNH TÂY MAI

| STT | Địa phương | Quốc gia | Văn bản | Lĩnh vực ưu tiên |
| 1 | Tỉnh Attapeu | Lào | Thỏa thuận hợp tác | Giáo dục, y tế |
| 2 | Hạt Baranya | Hungary | Biên bản ghi nhớ | Âm nhạc, giáo dục đại học |
"""

WARD_PLAN = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG NGỰ BÌNH | Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND | Ngự Bình, ngày 15 tháng 4 năm 2027

KẾ HOẠCH
Thực hiện công tác văn hóa đối ngoại trên địa bàn phường Ngự Bình năm 2027

Căn cứ Kế hoạch số 20/KH-UBND ngày 03/3/2022 của Ủy ban nhân dân tỉnh Tây Mai;
Căn cứ Báo cáo số 88/BC-UBND ngày 12/02/2027 của Ủy ban nhân dân tỉnh;
Ủy ban nhân dân phường ban hành Kế hoạch như sau:

I. CHỈ TIÊU NĂM 2027
Phấn đấu đạt 04 chỉ tiêu sau:
1. 100% cán bộ phường được phổ biến Kế hoạch.
2. Tổ chức ít nhất 02 hoạt động giao lưu với người nước ngoài.
3. Lắp đặt 30 biển chỉ dẫn song ngữ.
4. Vận động 10 gia đình đón khách lưu trú tại gia.

II. NHIỆM VỤ VÀ LỘ TRÌNH
| TT | Thời gian | Nội dung | Chủ trì | Phối hợp | Kinh phí (triệu đồng) |
| 1 | Tháng 5/2027 | Hội nghị phổ biến Kế hoạch | Văn phòng phường | Phòng Văn hóa - Xã hội | 10 |
| 2 | Tháng 6/2027 | Lắp đặt biển chỉ dẫn song ngữ | Phòng Kinh tế | Phòng Văn hóa - Xã hội | 90 |
| 3 | Tháng 9/2027 | Đêm hội đèn lồng giao lưu với khách quốc tế | Phòng Văn hóa - Xã hội | Đoàn Thanh niên phường | 60 |
Tổng cộng 03 hoạt động.

III. TỔ CHỨC THỰC HIỆN
- Phòng Văn hóa - Xã hội: cập nhật tin, bài về hoạt động văn hóa đối ngoại của phường bằng tiếng Anh trong vòng 72 giờ
kể từ khi sự kiện diễn ra.

CHỦ TỊCH
Đỗ Minh Khang
"""

LETTER = """UBND TỈNH TÂY MAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH | Độc lập - Tự do - Hạnh phúc
Số: 702/SVHTTDL-QLVH | Tây Mai, ngày 01 tháng 10 năm 2027
V/v báo cáo kết quả văn hóa đối ngoại năm 2027

Kính gửi: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường.

Sở Văn hóa, Thể thao và Du lịch đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:

1. Báo cáo kết quả thực hiện năm 2027
- Nội dung: kết quả triển khai các nhiệm vụ được giao trong năm 2027.
- Thời hạn gửi: trước ngày 05/11/2027.

2. Đăng ký hoạt động văn hóa đối ngoại năm 2028
- Các đơn vị đăng ký hoạt động dự kiến tổ chức năm 2028 theo Mẫu số 02.
- Thời hạn gửi: trước ngày 25/11/2027.

3. Đề xuất khen thưởng
- Thời hạn gửi: trước ngày 30/11/2027.

4. Định hướng năm 2028
Hội thi Thả đèn trời quốc tế Bến Ngự lần thứ hai dự kiến tổ chức tháng 3/2028.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Phan Văn Hòa
"""

RESOLUTION = """ĐẢNG BỘ TỈNH TÂY MAI | ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY
Số: 09-NQ/TU | Tây Mai, ngày 05 tháng 01 năm 2027

NGHỊ QUYẾT
của Ban Thường vụ Tỉnh ủy về công tác văn hóa đối ngoại đến năm 2030

I. MỤC TIÊU
Đến năm 2030, đón 1,5 triệu lượt khách quốc tế.

II. TỔ CHỨC THỰC HIỆN
1. Đảng ủy Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh ban hành nghị quyết về cơ chế hỗ trợ nghệ nhân tham
gia quảng bá ở nước ngoài tại kỳ họp giữa năm 2027.
2. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn học tập, quán triệt Nghị quyết,
hoàn thành trước ngày 31/3/2027.
3. Văn phòng Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy theo dõi, đôn đốc việc thực hiện; định kỳ
báo cáo Ban Thường vụ Tỉnh ủy trước ngày 10/12 hằng năm.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Trịnh Văn Lộc
"""


stored = texts_store("unseen-reviews", {"tay-mai-bc-88-2027.txt": REVIEW,
                                        "ngu-binh-kh-41-2027.txt": WARD_PLAN,
                                        "tay-mai-svhttdl-cv-702-2027.txt": LETTER,
                                        "tay-mai-nq-09-2027.txt": RESOLUTION})


BC = "tay-mai-bc-88-2027.txt"
# question, what the answer says, what it must not say, the source it cites first (None: any)
ASKED = [
    pytest.param("Năm 2026 tỉnh Tây Mai đón bao nhiêu nghìn lượt khách quốc tế, mục tiêu của KH 20 đến 2026 là bao nhiêu?",
                 ["870", "800"], [], BC, id="a_figure_and_the_old_plans_target_from_a_table_by_year_with_a_target_column"),
    pytest.param("Báo cáo sơ kết 5 năm thực hiện Kế hoạch 20/KH-UBND của tỉnh Tây Mai là báo cáo số mấy, ban hành ngày nào?",
                 ["88/BC-UBND", "12/02/2027"], ["03/3/2022", "3/3/2022"], None,
                 id="the_report_reviewing_a_cited_plan_is_asked_its_own_number_and_date"),
    pytest.param("Hội thi Thả đèn trời quốc tế Bến Ngự lần đầu tổ chức năm nào, có bao nhiêu đội nước ngoài?",
                 ["2025", "08 đội"], [], BC, id="the_first_edition_from_the_text_telling_of_it_not_the_one_announcing_the_second"),
    pytest.param("KH 41/KH-UBND của phường Ngự Bình đặt mấy chỉ tiêu và gồm bao nhiêu hoạt động?",
                 ["04 chỉ tiêu", "3 hoạt động"], [], None, id="targets_and_activities_counted_in_one_question"),
    pytest.param("Sở VHTTDL Tây Mai yêu cầu đăng ký hoạt động văn hóa đối ngoại năm 2028 hạn gửi trước ngày nào?",
                 ["25/11/2027"], ["05/11/2027", "30/11/2027"], None,
                 id="the_deadline_of_the_item_whose_heading_says_what_is_asked"),
    pytest.param("UBND tỉnh Tây Mai kiến nghị Bộ Tài chính hỗ trợ gì?", ["25%"], [], None,
                 id="a_request_to_the_body_the_question_names"),
    pytest.param("Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Mai được giao việc gì trong NQ 09, hạn hoàn thành khi nào?",
                 ["quán triệt", "31/3/2027"], [], None, id="a_bodys_duties_asked_with_their_deadlines"),
    pytest.param("Đảng ủy HĐND tỉnh Tây Mai được giao lãnh đạo HĐND ban hành nghị quyết gì, tại kỳ họp nào?",
                 ["giữa năm 2027"], [], None, id="a_body_abbreviated_in_the_question_is_found_written_out"),
    pytest.param("Phòng Văn hóa - Xã hội phường Ngự Bình phải cập nhật tin tiếng Anh về hoạt động văn hóa đối ngoại trong "
                 "bao lâu?", ["72 giờ"], [], None, id="how_long_is_answered_by_a_duration"),
    pytest.param("Tây Mai hợp tác với địa phương nào của Hungary trong lĩnh vực giáo dục đại học?", ["Baranya"], [], None,
                 id="a_partner_of_the_country_asked_from_a_numbered_list_of_partners"),
    pytest.param("Báo cáo 88/BC-UBND của tỉnh Tây Mai do ai ký, ký với chức vụ gì?", ["Phó Chủ tịch Lê Thị Thu Giang"],
                 [], None, id="the_signer_said_with_the_office_he_signs_in"),
    pytest.param("Công văn 702/SVHTTDL-QLVH ai ký?", ["Phó Giám đốc Phan Văn Hòa"], [], None,
                 id="a_deputy_director_signing_for_the_director"),
    pytest.param("Báo cáo sơ kết 05 năm thực hiện Kế hoạch 20 của Tây Mai được ban hành theo văn bản số mấy?",
                 ["88/BC-UBND"], [], None, id="a_document_described_by_its_title_is_asked_its_number"),
]


@pytest.mark.parametrize("question, said, unsaid, source", ASKED)
def test_an_answer_over_the_texts(stored, question, said, unsaid, source):
    answer = stored.answerer.answer(question)[0]
    assert answer.found and all(s in answer.answer for s in said)
    assert not any(u in answer.answer for u in unsaid)
    if source:
        assert answer.citations[0].source.split("/")[-1] == source


def test_the_task_a_follow_up_points_back_at_is_the_row_the_last_answer_showed(stored):
    from rag.dialogue.state import Conversation
    from rag.dialogue.turn import run_turn

    first = run_turn(stored.ask, "Theo KH 41/KH-UBND phường Ngự Bình, Phòng Kinh tế chủ trì hoạt động nào?", Conversation())
    assert first.answer.found and "biển chỉ dẫn" in first.answer.answer
    then = run_turn(stored.ask, "nhiệm vụ đó phải xong trước ngày nào?", first.context)
    assert "biển chỉ dẫn" in (then.understood or "")
    assert then.answer.found and "6/2027" in then.answer.answer
