"""Over a spending rule written for these tests: "Nghị quyết X đã được sửa đổi bởi nghị quyết nào, ngày nào?" is
answered from the sentence saying so, not with the resolution asked of; a document no sentence says is amended is not."""
from __future__ import annotations

from tests.rag.conftest import texts_store

RULE = """SỞ NGOẠI VỤ TỈNH LAM XUYÊN
Số: 21/QĐ-SNgV
Lam Xuyên, ngày 12 tháng 01 năm 2027

QUYẾT ĐỊNH
Ban hành Quy chế chi tiêu nội bộ của Sở Ngoại vụ

Căn cứ Nghị quyết số 31/2020/NQ-HĐND ngày 09 tháng 12 năm 2020 của Hội đồng nhân dân tỉnh quy định mức chi tiếp khách
nước ngoài trên địa bàn tỉnh Lam Xuyên, được sửa đổi, bổ sung bởi Nghị quyết số 05/2024/NQ-HĐND ngày 18 tháng 7 năm 2024;
Căn cứ Thông tư số 71/2018/TT-BTC ngày 10 tháng 8 năm 2018 của Bộ Tài chính;

Điều 1. Ban hành kèm theo Quyết định này Quy chế chi tiêu nội bộ của Sở Ngoại vụ tỉnh Lam Xuyên.
Điều 2. Mức chi chiêu đãi đoàn khách hạng A tối đa 1.200.000 đồng/suất.

GIÁM ĐỐC
Kha Minh Triết
"""

store = texts_store("amenders", {"lam-xuyen-qd-21-quy-che-chi-tieu-noi-bo.txt": RULE})


def test_the_document_amending_a_cited_one_is_the_one_the_sentence_names(store):
    a = store.ask("Nghị quyết 31/2020/NQ-HĐND đã được sửa đổi bởi nghị quyết nào, ngày nào?")
    assert a.found and "05/2024/NQ-HĐND" in a.answer and "18 tháng 7 năm 2024" in a.answer, a.answer


def test_a_document_no_sentence_says_is_amended_gets_no_amender(store):
    from rag.compose.amenders import amender_answer
    from rag.understand.question import analyze

    asked = analyze("Thông tư 71/2018/TT-BTC đã được sửa đổi bởi thông tư nào?")
    assert amender_answer(asked, store.answerer.index) is None


def test_a_part_asking_when_the_new_document_applies_is_not_answered_by_the_amending_sentence(store):
    from rag.compose.amenders import amender_answer
    from rag.understand.question import analyze

    asked = analyze("Nghị quyết 31/2020/NQ-HĐND đã được sửa đổi bởi nghị quyết nào, áp dụng từ ngày nào?")
    assert amender_answer(asked, store.answerer.index) is None
