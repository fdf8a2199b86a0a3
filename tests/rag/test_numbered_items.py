"""A department's work programme by month (a task table with month bands under its numbering column, its bold lost):
an item asked by its own number ("lớp … số 3") is answered from its row, not from the rows of "số 1" or of the
classes' plan. A text written for these tests."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

PROGRAMME = """SỞ NGOẠI VỤ TỈNH HÒA ĐÔNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 11/QĐ-SNgV
Hòa Đông, ngày 10 tháng 01 năm 2028

QUYẾT ĐỊNH
Ban hành Chương trình công tác năm 2028 của Sở Ngoại vụ

CHƯƠNG TRÌNH CÔNG TÁC NĂM 2028

I. CHƯƠNG TRÌNH CÔNG TÁC THEO THÁNG

| TT | Nội dung công việc | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| | THÁNG 02 | | | |
| 1 | Ban hành Kế hoạch bồi dưỡng kiến thức đối ngoại năm 2028 (03 lớp) | Văn phòng Sở | Sở Nội vụ | Trước 20/02 |
| | THÁNG 03 | | | |
| 2 | Lớp bồi dưỡng kiến thức đối ngoại số 1 cho 70 cán bộ cấp xã | Văn phòng Sở | Học viện Ngoại giao | 14 - 16/3 |
| 3 | Đón đoàn tỉnh Xay-nha-bu-ly (Lào) thăm và làm việc | Phòng Hợp tác quốc tế | Văn phòng UBND tỉnh | 22 - 24/3 |
| | THÁNG 06 | | | |
| 4 | Lớp bồi dưỡng kiến thức đối ngoại số 2 cho 50 cán bộ cấp tỉnh | Văn phòng Sở | Học viện Ngoại giao | 12 - 14/6 |
| | THÁNG 09 | | | |
| 5 | Lớp bồi dưỡng kiến thức đối ngoại số 3 cho 90 cán bộ cấp xã | Văn phòng Sở | Học viện Ngoại giao | 18 - 20/9 |
| | THÁNG 10 | | | |
| 6 | Hội nghị vận động viện trợ phi chính phủ nước ngoài | Phòng Hợp tác quốc tế | Sở Tài chính | 16/10 |

II. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc việc thực hiện Chương trình; báo cáo Giám đốc Sở trước ngày 25 hằng tháng.

GIÁM ĐỐC
Lạc Văn Tường
"""


GRANT = """ỦY BAN NHÂN DÂN TỈNH HÒA ĐÔNG
Số: 09/2028/TTTT-HĐ
Hòa Đông, ngày 02 tháng 3 năm 2028

THỎA THUẬN TÀI TRỢ
Dự án bảo tồn nghề gốm Bàu Mây giữa UBND tỉnh Hòa Đông và Quỹ Terre Cuite

Điều 4. Giải ngân
Việc giải ngân thực hiện theo 03 đợt quy định tại Phụ lục.

PHỤ LỤC
KẾ HOẠCH GIẢI NGÂN
| Đợt | Tỷ lệ | Số tiền (EUR) | Điều kiện giải ngân | Thời gian dự kiến |
|---|---|---|---|---|
| 1 | 40% | 80.000 | Thỏa thuận được ký | Tháng 4/2028 |
| 2 | 40% | 80.000 | Đã sử dụng ít nhất 70% kinh phí đợt 1 | Tháng 12/2028 |
| 3 | 20% | 40.000 | Báo cáo kết thúc được chấp thuận | Tháng 6/2029 |
"""


stored = texts_store("numbered-items", {"hoa-dong-qd-11-2028-chuong-trinh-cong-tac.txt": PROGRAMME,
                                        "hoa-dong-tttt-09-2028-thoa-thuan-tai-tro-gom-bau-may.txt": GRANT})


def test_a_class_asked_by_its_number_is_answered_from_its_own_row(stored):
    answer = stored.ask("Lớp bồi dưỡng kiến thức đối ngoại số 3 của Sở Ngoại vụ Hòa Đông học ngày nào, cho bao nhiêu người?")
    assert answer.found and "18 - 20/9" in answer.answer and "90 cán bộ" in answer.answer, answer.answer


def test_a_month_band_is_no_part_of_the_row_above_it(stored):
    answer = stored.ask("Lớp bồi dưỡng số 2 của Sở Ngoại vụ Hòa Đông dành cho bao nhiêu cán bộ?")
    assert answer.found and "50 cán bộ" in answer.answer and "THÁNG 09;" not in answer.answer, answer.answer


@pytest.mark.parametrize(("asked", "said"), [("đầu", "Đợt 1: tỷ lệ: 40%"), ("cuối", "Đợt 3: tỷ lệ: 20%")])
def test_an_item_asked_by_its_place_is_the_row_of_that_number(stored, asked, said):
    answer = stored.ask(f"Theo thỏa thuận tài trợ gốm Bàu Mây, đợt {asked} giải ngân bao nhiêu tiền, dự kiến khi nào?")
    assert answer.found and said in answer.answer, answer.answer


@pytest.mark.parametrize(("turn", "previous", "asked"), [
    ("con dot cuoi?", "Đợt đầu bao nhiêu tiền, dự kiến khi nào?", "Đợt cuoi bao nhiêu tiền, dự kiến khi nào?"),
    ("còn lớp số 3 thì sao?", "Lớp bồi dưỡng số 1 học ngày nào?", "Lớp bồi dưỡng số 3 học ngày nào?"),
    ("con doan khach hang C thi sao?", "Mời cơm đoàn khách hạng B tối đa bao nhiêu?", "Mời cơm đoàn khách hạng C tối đa bao nhiêu?"),
])
def test_a_follow_up_asks_the_same_of_another_item(turn, previous, asked):
    from rag.dialogue.frames import swapped_occasion
    assert swapped_occasion(turn, previous) == asked


def test_a_follow_up_naming_an_item_the_previous_question_lacks_is_no_swap():
    from rag.dialogue.frames import swapped_occasion
    assert swapped_occasion("còn đợt cuối?", "Thỏa thuận được ký ngày nào?") is None


def test_a_chat_about_tranches_moves_from_the_first_to_the_last(stored):
    from tests.rag.conftest import chat
    first, last = chat(stored, ["Theo thỏa thuận tài trợ gốm Bàu Mây, đợt đầu giải ngân bao nhiêu tiền, dự kiến khi nào?",
                                "con dot cuoi?"])
    assert "Đợt 1: tỷ lệ: 40%" in first.answer.answer
    assert "Đợt 3: tỷ lệ: 20%" in last.answer.answer, (last.understood, last.answer.answer)
