"""Two-part questions of one stored decision: when it takes effect and what it replaces, each part answered (a text
written for these tests)."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

DECISION = """ỦY BAN NHÂN DÂN
TỈNH THẠCH UYÊN
Số: 14/2027/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thạch Uyên, ngày 02 tháng 4 năm 2027

QUYẾT ĐỊNH
Ban hành Quy định quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Thạch Uyên

ỦY BAN NHÂN DÂN TỈNH THẠCH UYÊN

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Thạch Uyên.

Điều 2. Hiệu lực thi hành
1. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 4 năm 2027.
2. Quyết định này thay thế Quyết định số 21/2020/QĐ-UBND ngày 10 tháng 6 năm 2020 của Ủy ban nhân dân tỉnh ban hành Quy định quản lý đoàn ra, đoàn vào.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Ngoại vụ và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trịnh Văn Lộc
"""

store = texts_store("two-part-documents", {"thach-uyen-qd-14-2027-quy-dinh-doan-ra-doan-vao.txt": DECISION})


def test_when_a_decision_takes_effect_and_what_it_replaces_are_both_answered(store):
    answer = store.answerer.ask("QĐ 14/2027 có hiệu lực từ ngày nào và thay thế những quyết định nào?")
    assert answer.found, answer.answer
    assert "15 tháng 4 năm 2027" in answer.answer or "15/4/2027" in answer.answer, answer.answer
    assert "21/2020" in answer.answer
