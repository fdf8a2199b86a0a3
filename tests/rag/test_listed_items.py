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
