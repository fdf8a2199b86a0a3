"""A place's thing told in another place's text: a question scoped to the place by its name, refused by the texts
about it, is answered by a text that tells of it (texts written for these tests)."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

OWN = """https://lienhiephuunghi.example.vn/tin/hoat-dong-nhan-dao
Liên hiệp các tổ chức hữu nghị tỉnh Lam Hà vận động viện trợ nhân đạo

Những năm qua, Liên hiệp các tổ chức hữu nghị tỉnh Lam Hà đã vận động các tổ chức phi chính phủ nước ngoài tài trợ xây dựng 12 trường mẫu giáo và 4 trạm y tế xã.
Năm 2023, Liên hiệp phối hợp với tổ chức AEA (Pháp) trao 300 suất học bổng cho học sinh nghèo vượt khó.
"""

NEIGHBOUR = """https://baotang.example.vn/tin/chuyen-gia-ba-lan-khao-sat-thap-cham
Chuyên gia Ba Lan khảo sát các nhóm tháp Chăm miền Trung

Tháng 4/2026, đoàn chuyên gia bảo tồn của Ba Lan đã đến khảo sát một số nhóm tháp Chăm tại tỉnh Thạch Uyên và tỉnh Lam Hà.
Tại Thạch Uyên, đoàn khảo sát nhóm tháp Bằng An và nhóm tháp Chiên Đàn.
Tại Lam Hà, đoàn khảo sát tháp Bảo Thành thuộc thành phố Lam Phố.
"""

store = texts_store("told-elsewhere", {"lam-ha-lien-hiep-vien-tro.txt": OWN, "thach-uyen-chuyen-gia-ba-lan-thap-cham.txt": NEIGHBOUR})


def test_a_place_s_thing_told_only_in_another_place_s_page_is_answered_from_that_page(store):
    answer = store.answerer.ask("chuyen gia Ba Lan khao sat thap nao o Lam Ha?")
    assert answer.found and "Bảo Thành" in answer.answer, answer.answer
    assert any(c.source.startswith("thach-uyen") for c in answer.citations)


def test_what_no_text_tells_of_the_place_is_still_refused(store):
    answer = store.answerer.ask("Chuyên gia Ba Lan khảo sát Lam Hà mất bao nhiêu tiền?")
    assert not answer.found and not answer.citations, answer.answer
