"""Over a sports page written for these tests: each part of "ai đại diện X và ai đại diện Y …" is shown at its own
window of the one long line listing the guests, though the question names the province its content is read without."""
from __future__ import annotations

from tests.rag.conftest import texts_store

PAGE = """Bế mạc Giải bóng đá thiếu niên quốc tế U13 Việt Nam – Hàn Quốc lần thứ IV tại Ngân Giang

Chiều 14/12, tại Sân vận động tỉnh Ngân Giang diễn ra Lễ bế mạc và trao thưởng Giải bóng đá thiếu niên quốc tế U13
Việt Nam – Hàn Quốc lần thứ IV năm 2025, giải đấu là điển hình của hợp tác giữa tỉnh Ngân Giang với các đối tác Hàn Quốc.
Đến dự Lễ bế mạc có ông Park Jisung - Phó Tổng Lãnh sự Hàn Quốc tại Thành phố Hồ Chí Minh; ông Lương Văn Hào - Chủ tịch
Liên đoàn Bóng đá tỉnh Ngân Giang; ông Trịnh Quốc Bảo - Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Ngân Giang; bà Hà Thị
Lan - Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Ngân Giang; ông Đinh Công Vĩnh - Phó Giám đốc Sở Ngoại vụ tỉnh Ngân
Giang; ông Lại Minh Tâm - Phó Tổng Giám đốc Tổng Công ty Phát triển công nghiệp Ngân Giang; bà Kiều Thu Hà - Phó Tổng Giám
đốc Tổng Công ty Phát triển công nghiệp Ngân Giang; ông Choi Minho - Tổng Giám đốc Công ty TNHH Ngân Giang Daewon; ông Tạ Văn
Lực - Chủ tịch Hội doanh nghiệp Hàn Quốc tại tỉnh Ngân Giang; bà Mạc Thị Yến - Hiệu trưởng Trường Năng khiếu Thể thao tỉnh
Ngân Giang; ông Vi Đức Hòa - Giám đốc Trung tâm Huấn luyện và Thi đấu thể thao tỉnh Ngân Giang; đại diện lãnh đạo các Sở, ban ngành, đoàn thể của tỉnh.
Chiến thắng cuối cùng thuộc về Đội tuyển U13 Ngân Giang với tỉ số 2-1.
"""

store = texts_store("part-windows", {"ngan-giang-giai-u13-viet-nam-han-quoc-2025-tin.txt": PAGE})


def test_each_representative_asked_is_shown_from_its_own_window_of_the_guest_list(store):
    a = store.ask("Ai đại diện Tổng Lãnh sự quán Hàn Quốc và ai đại diện Sở Ngoại vụ Ngân Giang dự bế mạc giải U13 năm 2025?")
    assert a.found
    assert "Park Jisung" in a.answer and "Đinh Công Vĩnh" in a.answer
