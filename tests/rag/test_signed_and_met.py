"""Over pages written for these tests: an agreement a portal posts whole is answered as that agreement (not as the
letter of the ministry it cites), and a working meeting a page reports answers "ai là … và ai chủ trì phía tỉnh?" part
by part, the official the page names as receiving being the host."""
from __future__ import annotations

from rag.understand.question import split_parts
from tests.ingest.test_signed_texts import PORTAL_AGREEMENT, RECORD_OF_TALKS
from tests.rag.conftest import texts_store

MEETING = """Sa Ngàn làm việc với Cơ quan Hợp tác quốc tế Nhật Bản

Ngày 18/5, đồng chí Lục Văn Đạt – Phó Chủ tịch UBND tỉnh Sa Ngàn cùng lãnh đạo các sở, ngành của tỉnh đã có buổi làm
việc với ông Sato Kenji - Trưởng đại diện Cơ quan Hợp tác quốc tế Nhật Bản (JICA) tại Việt Nam về dự án cấp nước sinh
hoạt cho 12 xã vùng cao giai đoạn 2026 – 2028.
Tổng vốn dự án là 9,5 triệu USD, trong đó vốn viện trợ không hoàn lại của JICA là 8 triệu USD.
"""

store = texts_store("signed-met", {
    "sa-ngan-lam-viec-voi-jica-tin.txt": MEETING,
    "sa-lung-toan-van-thoa-thuan-hop-tac-alentejo-tin.txt": PORTAL_AGREEMENT,
})


def test_two_people_asked_each_with_a_clause_of_its_own_are_two_parts():
    asked = "Buổi làm việc ngày 18/5: ai là Trưởng đại diện JICA tại Việt Nam và ai chủ trì phía UBND tỉnh Sa Ngàn?"
    assert split_parts(asked) == ["Buổi làm việc ngày 18/5: ai là Trưởng đại diện JICA tại Việt Nam",
                                  "ai chủ trì phía UBND tỉnh Sa Ngàn"]
    assert split_parts("Ai ký và ai ban hành?") == ["Ai ký và ai ban hành?"]  # one act, said twice


def test_the_host_of_a_meeting_is_the_official_named_as_receiving(store):
    a = store.ask("Buổi làm việc ngày 18/5: ai là Trưởng đại diện JICA tại Việt Nam và ai chủ trì phía UBND tỉnh Sa Ngàn?")
    assert a.found
    assert "Sato Kenji" in a.answer and "Lục Văn Đạt" in a.answer


def test_an_agreement_posted_whole_is_answered_as_the_agreement(store):
    a = store.ask("Thỏa thuận hợp tác giữa tỉnh Sa Lung và vùng Alentejo gồm mấy lĩnh vực?")
    assert a.found and "04 lĩnh vực" in a.answer
    head = a.answer.split("\n")[0]
    assert "Thỏa thuận hợp tác giữa tỉnh Sa Lung" in head and "Công văn" not in head  # not the letter it cites


VAN_KHE_PLAN = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
Số: 88/KH-UBND
Vân Khê, ngày 14 tháng 9 năm 2027

KẾ HOẠCH
Đón tiếp Đoàn đại biểu Chính quyền tỉnh Tottori (Nhật Bản) thăm và làm việc tại tỉnh

I. MỤC ĐÍCH, YÊU CẦU
Đón tiếp trọng thị, an toàn; ký kết Biên bản làm việc ngày 03 tháng 5 năm 2024 được rà soát.

II. NỘI DUNG
1. Sở Ngoại vụ chủ trì xây dựng chương trình đón tiếp, hoàn thành trước ngày 30/9/2027.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đàm Thị Ngân
"""

talks = texts_store("talks", {
    "van-khe-bb-07-hoi-dam-tottori.txt": RECORD_OF_TALKS,
    "van-khe-kh-88-don-doan-tottori.txt": VAN_KHE_PLAN,
})


def test_a_record_of_talks_described_by_its_kind_answers_its_own_date_and_both_signers(talks):
    a = talks.ask("Biên bản hội đàm giữa tỉnh Vân Khê và tỉnh Tottori được ký ngày nào, ai ký cho mỗi bên?")
    assert a.found
    # not the earlier record it builds on ("Biên bản làm việc ký ngày 03 tháng 5 năm 2024"), nor the plan's signer
    assert "09/10/2027" in a.answer or "09 tháng 10 năm 2027" in a.answer
    assert "03 tháng 5 năm 2024" not in a.answer
    assert "Lưu Đình Khang" in a.answer and "Morita Kōsuke" in a.answer
    assert all(c.source.endswith("van-khe-bb-07-hoi-dam-tottori.txt") for c in a.citations)
