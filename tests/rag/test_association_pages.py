"""News pages of a province's friendship associations, written for these tests: two congresses of the same province on
pages alike but for the country, each naming the other's in passing; a congress told as "Sáng nay" under a dateline
with the weekday by number; and a spending-level resolution asked per person."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

LAO = """Hội hữu nghị Việt Nam – Lào tỉnh Đông Phong Đại hội đại biểu lần thứ 3

Thứ 5, 14.10.2027 | 09:12:40
412 lượt xem

Sáng nay, Hội hữu nghị Việt Nam - Lào tỉnh Đông Phong tổ chức Đại hội đại biểu lần thứ 3, nhiệm kỳ 2027 - 2032. Các
đồng chí Trịnh Văn Khải - Phó Bí thư Tỉnh ủy; Lục Thị Mến - Phó Chủ tịch UBND tỉnh tới dự.

Hội hiện có 8 chi hội với hơn 700 hội viên, trong đó 120 hội viên từng làm chuyên gia giúp bạn; hằng năm phối hợp đón khoảng 250 lưu học sinh Lào học tại các trường của
tỉnh. Hội cũng phối hợp với Hội hữu nghị Việt Nam – Campuchia tỉnh thăm hỏi các gia đình chuyên gia.

Tiếp đoàn Đại sứ quán Lào, lãnh đạo tỉnh giới thiệu Đông Phong có nhiều danh lam thắng cảnh nổi tiếng như thác Pác Ròm,
động Khuổi Lầu, hồ Nà Mạ, đèo Mã Phục; các lễ hội truyền thống của đồng bào Tày, Nùng được bạn đánh giá cao.
"""

CAMPUCHIA = """Thứ 7, 06/11/2027, 08:30[GMT+7]

Đại hội Hội hữu nghị Việt Nam – Campuchia tỉnh Đông Phong lần thứ III

Thứ 6, 05/11/2027 | 15:02:14
Sáng ngày 05/11, Hội hữu nghị Việt Nam – Campuchia tỉnh Đông Phong tổ chức Đại hội lần thứ III, nhiệm kỳ 2027 – 2032.
Nhiệm kỳ qua, Hội phối hợp với Hội hữu nghị Việt Nam – Lào tỉnh chăm lo cho 380 người từng làm chuyên gia giúp
Campuchia, trong đó có 95 người là hội viên.
"""

SPENDING = """HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐÔNG PHONG | Độc lập - Tự do - Hạnh phúc
Số: 21/2027/NQ-HĐND | Đông Phong, ngày 10 tháng 7 năm 2027

NGHỊ QUYẾT
Quy định mức chi đón tiếp khách nước ngoài trên địa bàn tỉnh Đông Phong

Điều 1. Mức chi mời cơm[1]
1. Khách hạng A: tối đa 1.800.000 đồng/người/bữa;
2. Khách hạng B: tối đa 1.300.000 đồng/người/bữa.
Điều 2. Mức chi biên dịch ấn phẩm quảng bá: 190.000 đồng/trang đối với tiếng Anh; 230.000 đồng/trang đối với tiếng Hàn.

[1] Điều này được sửa đổi theo khoản 1 Điều 1 Nghị quyết số 09/2029/NQ-HĐND, có hiệu lực từ ngày 01/01/2030. Trước khi
sửa đổi, mức chi mời cơm khách hạng A tối đa 1.400.000 đồng/người/bữa; khách hạng B tối đa 1.000.000 đồng/người/bữa.
"""


# a page titled for the country it was held in, telling of the provinces of another that took part
SUMMIT = """Tỉnh Đông Phong dự Hội nghị cấp cao lần thứ IX các tỉnh hành lang Quốc lộ 9 tại tỉnh Nakhon Phanom, Thái Lan

Từ 10/3 - 12/3/2028, đoàn công tác tỉnh Đông Phong do Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã tham dự Hội nghị cấp cao lần thứ IX các tỉnh hành lang Quốc lộ 9 tại tỉnh Nakhon Phanom (Thái Lan).
Tham dự Hội nghị có đoàn đại biểu các tỉnh: Đông Phong (Việt Nam); Savannakhet, Salavan (Lào); Nakhon Phanom, Mukdahan (Thái Lan).
"""

stored = texts_store("association-pages", {"dong-phong-hoi-viet-lao-dai-hoi-3-tin.txt": LAO,
                                           "dong-phong-hoi-viet-campuchia-dai-hoi-3-tin.txt": CAMPUCHIA,
                                           "dong-phong-nq-21-2027-muc-chi.txt": SPENDING,
                                           "dong-phong-hoi-nghi-cap-cao-ix-tin.txt": SUMMIT})


def test_the_page_titled_for_the_country_asked_answers_not_one_naming_it_in_passing(stored):
    answer = stored.answerer.answer("Hội hữu nghị VN-Lào tỉnh Đông Phong đại hội lần 3 nhiệm kỳ nào?")[0]
    assert answer.found and answer.citations[0].source.endswith("viet-lao-dai-hoi-3-tin.txt"), answer.answer
    assert "Campuchia tỉnh Đông Phong tổ chức" not in answer.answer


def test_a_page_titled_for_another_country_answers_when_its_title_says_what_is_asked(stored):
    answer = stored.answerer.answer("Những tỉnh nào của Lào tham dự Hội nghị cấp cao lần thứ IX hành lang Quốc lộ 9?")[0]
    assert answer.found and "Savannakhet" in answer.answer, answer.answer


def test_this_morning_is_dated_by_the_pages_own_dateline(stored):
    answer = stored.answerer.answer("Hội hữu nghị Việt Nam - Lào tỉnh Đông Phong đại hội lần 3 vào ngày nào?")[0]
    assert answer.found and "14/10/2027" in answer.answer, answer.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("Mức chi mời cơm khách hạng A ở Đông Phong tối đa bao nhiêu một người?", "1.800.000",
                 id="per_person"),
    pytest.param("Biên dịch ấn phẩm sang tiếng Hàn ở Đông Phong được chi bao nhiêu một trang?", "230.000",
                 id="per_page"),
])
def test_a_rate_asked_per_unit_is_no_count_of_that_unit(stored, question, said):
    answer = stored.answerer.answer(question)[0]
    assert answer.found and said in answer.answer, answer.answer


@pytest.mark.parametrize("question, said, unsaid", [
    pytest.param("nghi quyet muc chi dong phong, moi com khach hang A toi da bao nhieu", "1.800.000", "1.400.000",
                 id="the_value_in_force"),
    pytest.param("Trước khi sửa đổi, Đông Phong chi mời cơm khách hạng B tối đa bao nhiêu?", "1.000.000", None,
                 id="the_old_value_asked"),
])
def test_the_body_in_force_goes_before_an_end_note_unless_the_old_wording_is_asked(stored, question, said, unsaid):
    answer = stored.answerer.answer(question)[0]
    assert answer.found and said in answer.answer.split("\n")[1], answer.answer
    assert unsaid is None or unsaid not in answer.answer.split("\n")[1]


def test_a_two_part_question_naming_a_country_is_answered_from_the_page_titled_for_it(stored):
    answer = stored.answerer.answer("Nhiệm kỳ qua Đông Phong chăm lo cho bao nhiêu người từng làm chuyên gia giúp Campuchia,"
                                    " trong đó bao nhiêu là hội viên?")[0]
    assert answer.found and "380" in answer.answer and "95" in answer.answer, answer.answer
    assert answer.citations[0].source.endswith("viet-campuchia-dai-hoi-3-tin.txt")


def test_a_line_listing_the_thing_asked_grounds_a_list_question(stored):
    answer = stored.answerer.answer("Kể tên vài danh lam thắng cảnh được lãnh đạo Đông Phong giới thiệu khi tiếp đoàn Lào")[0]
    assert answer.found and "Pác Ròm" in answer.answer, answer.answer
