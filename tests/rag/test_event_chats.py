"""Follow-ups over news pages of events, written for these tests: the other side of a meeting ("còn phía Trung
Quốc?"), a count asked under another name ("bao nhiêu nước" / "33 quốc gia"), the day pointed back at ("hôm đó"),
and a society named by the title of its own page among a congress page that lists it."""
from __future__ import annotations

import pytest

from tests.rag.conftest import chat, texts_store

pytestmark = pytest.mark.slow

TALKS = """Lào Mai (Việt Nam) - Vân Khê (Trung Quốc) hội đàm về quản lý biên giới năm 2029

Ngày 12/4/2029, tại cửa khẩu Pò Lếch, Sở Ngoại vụ tỉnh Lào Mai tổ chức hội đàm công tác quản lý biên giới với Ban Ngoại
vụ châu Vân Khê (tỉnh Vân Nam, Trung Quốc).
Hội đàm do ông Đặng Văn Tài, Giám đốc Sở Ngoại vụ tỉnh Lào Mai và bà Trương Lệ, Phó Trưởng Ban Ngoại vụ châu Vân Khê
đồng chủ trì.
Hai bên thống nhất tăng cường trao đổi thông tin, tổ chức tuần tra song phương định kỳ mỗi quý một lần.
"""

DIASPORA = """120 kiều bào tiêu biểu về thăm tỉnh Hà Lương dịp Xuân 2029

Chiều ngày 20/01/2029, UBND tỉnh Hà Lương tổ chức gặp mặt đoàn kiều bào tiêu biểu dự Chương trình Xuân Quê hương.
Ông Phan Đức Thịnh, Phó Chủ tịch UBND tỉnh cho biết, hiện có hơn 9.000 người Hà Lương đang sinh sống, học tập, làm việc
tại 28 quốc gia và vùng lãnh thổ trên thế giới.
Giới thiệu về đoàn kiều bào, Thứ trưởng Bộ Ngoại giao Trần Minh Nguyệt cho biết các kiều bào là những gương mặt nổi bật
trên nhiều lĩnh vực kinh tế, văn hóa, khoa học.
"""

CONGRESS = """Liên hiệp các tổ chức hữu nghị tỉnh Sơn Đài tổ chức Đại hội lần thứ III

Ngày 15/9/2028, Liên hiệp các tổ chức hữu nghị tỉnh Sơn Đài tổ chức Đại hội đại biểu lần thứ III, nhiệm kỳ 2028 - 2033.
Dự Đại hội có 120 đại biểu đại diện cho gần 5.000 hội viên của 7 hội hữu nghị song phương cấp tỉnh, gồm: Hội hữu nghị
Việt Nam - Lào; Hội hữu nghị Việt Nam - Liên bang Nga; Hội hữu nghị Việt Nam - Nhật Bản; Hội hữu nghị Việt Nam - Cuba.
"""

SOCIETY = """Hội hữu nghị Việt Nam - Liên bang Nga tỉnh Sơn Đài khóa IV xác định nâng cao chất lượng hoạt động

Ngày 20/5/2029, Hội hữu nghị Việt Nam - Liên bang Nga tỉnh Sơn Đài tổ chức Đại hội lần thứ IV, nhiệm kỳ 2029 - 2034.
Theo báo cáo tại Đại hội, nhiệm kỳ qua, Hội luôn bám sát Điều lệ, quan tâm phát triển hội viên.
Đến nay, Hội có 5 chi hội với 146 hội viên.
Ông Lê Quang Vinh được bầu làm Chủ tịch Hội khóa IV.
"""


stored = texts_store("event-chats", {"lao-mai-hoi-dam-bien-gioi-2029-tin.txt": TALKS,
                                     "ha-luong-kieu-bao-2029-tin.txt": DIASPORA,
                                     "son-dai-lhhn-dai-hoi-iii-tin.txt": CONGRESS,
                                     "son-dai-hoi-viet-nga-tin.txt": SOCIETY})


def test_the_other_side_of_a_meeting_is_asked_what_the_last_question_asked(stored):
    turns = chat(stored, ["Sở Ngoại vụ Lào Mai hội đàm biên giới năm 2029 với địa phương nào của Trung Quốc?",
                          "phía Lào Mai ai chủ trì?", "còn phía Trung Quốc?"])
    assert turns[2].resolution.question_understood.startswith("Phía Trung Quốc ai chủ trì")
    assert turns[2].answer.found and "Trương Lệ" in turns[2].answer.answer


def test_a_count_asked_under_another_name_and_the_day_pointed_back_at(stored):
    turns = chat(stored, ["co bao nhieu nguoi ha luong dang song o nuoc ngoai", "ở bao nhiêu nước?",
                          "ai giới thiệu đoàn kiều bào hôm đó?"])
    assert turns[1].answer.found and "28 quốc gia" in turns[1].answer.answer
    assert turns[2].answer.found and "Trần Minh Nguyệt" in turns[2].answer.answer


def test_a_society_named_by_its_own_pages_title_is_answered_from_that_page(stored):
    answer = stored.ask("Hội hữu nghị Việt Nam - Liên bang Nga tỉnh Sơn Đài có bao nhiêu hội viên?")
    assert answer.found and "146 hội viên" in answer.answer
    assert "5.000" not in answer.answer  # the congress page's members of all seven societies
