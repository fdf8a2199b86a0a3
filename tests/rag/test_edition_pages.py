"""Pages about several editions of one event ("Liên hoan … lần thứ IV", "… lần thứ VI"), on texts written for these
tests: a question naming an edition is answered from the page and the lines of that edition, never from a line
telling of another one however many words it shares."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

FOURTH = """Liên hoan Múa rối quốc tế Hồ Lâm lần thứ IV

Liên hoan Múa rối quốc tế Hồ Lâm lần thứ IV-2025 sẽ diễn ra từ ngày 3-7/8 tới đây tại thành phố Hồ Lâm.
Theo đó, tham gia sự kiện là các đoàn múa rối trong nước đến từ 14 tỉnh, thành và các đoàn nước ngoài đến từ 11 quốc gia.
Ban tổ chức dự kiến đón khoảng 40.000 lượt khán giả trong 5 ngày liên hoan.
"""

SIXTH = """Lãnh đạo tỉnh và các đoàn múa rối dâng hương tại Đền Thượng

Tham dự Lễ có đồng chí Hà Minh Sơn, Chủ tịch UBND tỉnh, các đồng chí lãnh đạo Tỉnh ủy, các sở, ban, ngành cùng hơn 180 nghệ nhân, diễn viên đến từ 37 đoàn múa rối trong nước và quốc tế.

Liên hoan Múa rối quốc tế Hồ Lâm lần thứ VI - 2029 với chủ đề Sân khấu nước - hồn quê Việt là sự kiện văn hóa mang tầm quốc tế, được tổ chức 02 năm một lần nhằm tôn vinh nghệ thuật múa rối truyền thống của dân tộc.
"""

SUMMIT = """Tỉnh Ngàn Sơn dự Hội nghị cấp cao lần thứ XII các tỉnh hành lang kinh tế Đông - Tây tại tỉnh Mukdahan, Thái Lan

Từ 12/3 - 14/3/2029, Đoàn công tác tỉnh Ngàn Sơn do Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã tham dự Hội nghị cấp cao lần thứ XII các tỉnh hành lang kinh tế Đông - Tây tại tỉnh Mukdahan.
Tại Hội nghị, đại diện tỉnh Mukdahan báo cáo kết quả thực hiện Biên bản Hội nghị cấp cao lần thứ XI được tổ chức tại tỉnh Quảng Lâm vào tháng 10/2026.
"""

# the page names its year only further down, in the report's words
REVIEW = ("GS.TS. Hà Văn Tùng, Phó Chủ tịch Hội đồng Di sản Hồ Lâm, chủ trì Hội nghị. Ông Lò Minh Đức, Chủ tịch Ủy ban "
          "Hợp tác văn hóa Hồ Lâm - Shimane, phát biểu kết luận, chỉ đạo Hội nghị. Tham dự Hội nghị còn có lãnh đạo và "
          "đại diện các sở, ngành, ban quản lý các khu di sản, các làng nghề truyền thống và các trường đại học trên địa "
          "bàn tỉnh, cùng đại diện Tổng Lãnh sự quán Nhật Bản và các tổ chức hữu nghị.\n\n" * 3 +
          "Tại Hội nghị, Ban Thư ký đã đọc báo cáo tổng kết công tác năm 2028 với các đánh giá về kết quả hợp tác, trong "
          "đó có 4 đoàn nghệ nhân sang Shimane và 2 hội thảo khoa học về bảo tồn di sản.")

store = texts_store("edition-pages", {"ho-lam-uy-ban-hop-tac-tong-ket-tin.txt": REVIEW, "ho-lam-mua-roi-lan-iv-tin.txt": FOURTH, "ho-lam-mua-roi-lan-vi-tin.txt": SIXTH,
                                      "ngan-son-hoi-nghi-cap-cao-xii-tin.txt": SUMMIT})


def test_the_page_of_the_edition_asked_answers_not_another_editions(store):
    answer = store.answerer.ask("Liên hoan Múa rối quốc tế Hồ Lâm lần thứ VI - 2029: có bao nhiêu nghệ nhân, diễn viên "
                                "và bao nhiêu đoàn múa rối dự lễ dâng hương?")
    assert answer.found and "180" in answer.answer and "37 đoàn" in answer.answer
    assert "14 tỉnh" not in answer.answer


def test_a_line_of_another_edition_is_passed_over(store):
    answer = store.answerer.ask("Hội nghị cấp cao lần thứ XII các tỉnh hành lang kinh tế Đông - Tây tổ chức khi nào?")
    assert answer.found and "12/3" in answer.answer and "tháng 10/2026" not in answer.answer


def test_a_year_the_page_writes_further_down_is_the_pages_year(store):
    answer = store.answerer.ask("Hội nghị tổng kết công tác năm 2028 của Ủy ban Hợp tác văn hóa Hồ Lâm - Shimane do ai "
                                "chủ trì?")
    assert answer.found and "Hà Văn Tùng" in answer.answer, answer.answer
