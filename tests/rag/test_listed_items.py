"""Items of a list read with the line they hang from: a decision's numbered violations under the lead that names the
trip they were committed on (texts written for these tests)."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

DECISION = """ỦY BAN NHÂN DÂN
TỈNH ĐÔNG VÂN
Số: 1478/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đông Vân, ngày 09 tháng 10 năm 2025

QUYẾT ĐỊNH
Về việc thi hành kỷ luật đối với ông Lò Văn Tiến, Phó Giám đốc Sở Công Thương

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐÔNG VÂN

Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;
Căn cứ Quyết định số 904/QĐ-UBND ngày 02 tháng 5 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh về việc cử đoàn công tác;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 512/TTr-SNV ngày 30 tháng 9 năm 2025.

QUYẾT ĐỊNH:

Điều 1. Hình thức kỷ luật
Thi hành kỷ luật bằng hình thức CẢNH CÁO đối với ông Lò Văn Tiến, Phó Giám đốc Sở Công Thương tỉnh Đông Vân.

Điều 2. Hành vi vi phạm
Ông Lò Văn Tiến, Trưởng đoàn xúc tiến thương mại của tỉnh đi Hungary theo Quyết định số 904/QĐ-UBND (đoàn 06 thành viên, từ ngày 12/5/2025 đến ngày 18/5/2025, tại thủ đô Budapest), đã có các vi phạm sau:
1. Tự ý đưa đoàn sang thủ đô Viên (Áo) từ ngày 19/5/2025 đến ngày 20/5/2025 khi chưa được Chủ tịch Ủy ban nhân dân tỉnh cho phép.
2. Không báo cáo kết quả chuyến công tác trong thời hạn 07 ngày làm việc; đoàn về nước ngày 21/5/2025 nhưng đến ngày 04/7/2025 mới gửi báo cáo, và báo cáo không nêu việc đoàn sang Áo.
3. Để 01 thành viên đoàn chậm nộp lại hộ chiếu công vụ quá thời hạn quy định.

Điều 3. Hiệu lực thi hành
Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

CHỦ TỊCH
Hà Minh Quân
"""

store = texts_store("listed-items", {"dong-van-qd-1478-2025-ky-luat.txt": DECISION})


def test_an_item_is_of_the_country_its_lead_names_though_it_names_another(store):
    """Item 2 names Áo in passing; the lead it hangs from says the trip was to Hungary, which the question asks of."""
    answer = store.answerer.ask("Đoàn đi Hungary về nước ngày nào và đến ngày nào mới gửi báo cáo kết quả?")
    assert answer.found, answer.answer
    assert "21/5/2025" in answer.answer and "04/7/2025" in answer.answer


WATER = """https://example.vn/tin/khanh-thanh-cong-trinh-nuoc-sach-so-3
Khánh thành Công trình nước sạch trường học số 3 tại xã Lũng Vân

Ngày 14/11/2026, tại Trường Tiểu học Lũng Vân, UBND xã Lũng Vân phối hợp với Tổ chức Hữu nghị Hàn - Việt (KVFA) khánh thành Công trình nước sạch trường học số 3 do KVFA tài trợ thực hiện tại xã Lũng Vân, tổng kinh phí 1,2 tỷ đồng.
Công trình nước sạch trường học số 3 được triển khai trong thời gian 4 tháng, gồm hệ thống lọc nước và 12 vòi uống, phục vụ 480 học sinh của trường.
"""

water_store = texts_store("numbered-works", {"lung-van-khanh-thanh-nuoc-sach-so-3.txt": WATER})


def test_a_thing_asked_by_a_number_the_page_gives_another_of_its_name_is_not_told_of(water_store):
    """The page tells of "Công trình nước sạch trường học số 3"; number 1 of that name is another work."""
    other = water_store.answerer.ask("Công trình nước sạch trường học số 1 ở Lũng Vân khánh thành khi nào?")
    assert not other.found and not other.citations, other.answer
    own = water_store.answerer.ask("Công trình nước sạch trường học số 3 ở Lũng Vân khánh thành khi nào?")
    assert own.found and "14/11/2026" in own.answer


def test_how_long_is_answered_by_a_length_of_time_not_by_the_day_of_the_opening(water_store):
    """"bao lâu" of a page whose lead dates its opening ("Ngày 14/11/2026"): "trong thời gian 4 tháng" says how long."""
    answer = water_store.answerer.ask("cong trinh nuoc sach truong hoc so 3 o lung van thuc hien trong bao lau?")
    assert answer.found and "4 tháng" in answer.answer, answer.answer
