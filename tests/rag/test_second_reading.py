"""Over a speech written for these tests: a passage whose lines hold no value of the kind asked (a table's row of the
date the question names, counting no "văn kiện") is read past, once, to the sentence that counts them."""
from __future__ import annotations

from tests.rag.conftest import texts_store

SPEECH = """DIỄN VĂN
của Chủ tịch Ủy ban nhân dân tỉnh Quang Lĩnh tại Lễ kỷ niệm 15 năm quan hệ hữu nghị với tỉnh Bò Kẹo (Lào)

Kính thưa các đồng chí lãnh đạo tỉnh Bò Kẹo,
Mười lăm năm qua là chặng đường đáng tự hào của tình hữu nghị giữa hai tỉnh.

I. MƯỜI LĂM NĂM MỘT CHẶNG ĐƯỜNG
Tính đến ngày 31 tháng 8 năm 2025, hai tỉnh đã ký tổng cộng 05 văn kiện hợp tác (02 biên bản ghi nhớ và 03 thỏa
thuận), trao đổi 96 đoàn các cấp; tỉnh Quang Lĩnh đã đào tạo 640 lưu học sinh Lào.
Hai tỉnh phối hợp tổ chức Ngày hội Văn hóa biên giới mỗi năm một lần, luân phiên tại mỗi tỉnh.
Về kinh tế, các doanh nghiệp của tỉnh Quang Lĩnh đầu tư trồng cây ăn quả, chăn nuôi và chế biến nông sản tại các huyện
của tỉnh Bò Kẹo; hai bên phối hợp quản lý lao động qua biên giới, hỗ trợ thủ tục cho thương nhân và phương tiện qua lại
cặp cửa khẩu chính, mở thêm các điểm thông quan hàng nông sản theo mùa vụ.
Về y tế, các bệnh viện của tỉnh tiếp nhận khám, chữa bệnh cho nhân dân tỉnh bạn, cử bác sĩ hỗ trợ tuyến huyện, phối hợp
phòng, chống dịch bệnh ở vùng biên giới và tập huấn cho cán bộ y tế thôn bản.
Về quốc phòng, an ninh, lực lượng chức năng hai bên tuần tra song phương, giữ gìn mốc giới, trao đổi thông tin về tội
phạm ma túy và mua bán người, giải quyết kịp thời các vụ việc phát sinh tại khu vực biên giới.

II. PHƯƠNG HƯỚNG
Tỉnh Quang Lĩnh nâng học bổng cho lưu học sinh Lào từ 20 lên 25 suất mỗi năm kể từ năm học 2026 – 2027.

PHỤ LỤC: SỐ LIỆU HỢP TÁC THEO NĂM
| Năm | Số đoàn trao đổi (đi/đến) | Lưu học sinh nhập học | Kim ngạch thương mại (triệu USD) |
|---|---|---|---|
| 2023 | 9/8 | 54 | 15,2 |
| 2024 | 11/10 | 61 | 17,8 |
| 2025 (đến 31/8) | 7/6 | 66 | 12,1 |
"""

store = texts_store("second-reading", {"quang-linh-dien-van-15-nam-bo-keo.txt": SPEECH})


def test_a_count_asked_is_read_past_a_row_of_the_date_to_the_sentence_counting_it(store):
    a = store.ask("Tính đến 31/8/2025 hai tỉnh đã ký bao nhiêu văn kiện hợp tác?")
    assert a.found and "05 văn kiện" in a.answer


def test_a_thing_no_line_counts_is_still_refused(store):
    a = store.ask("Tính đến 31/8/2025 hai tỉnh đã tổ chức bao nhiêu hội chợ thương mại?")
    assert not a.found and not a.citations
