"""A Sở's plan listing its tasks one per line with the unit and the time after dashes, and a later note changing one
of them, on a text written for these tests."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

DASHED = """SỞ NGOẠI VỤ TỈNH HỒ LÂM
Số: 09/KH-SNgV
Hồ Lâm, ngày 12 tháng 01 năm 2029

KẾ HOẠCH
Công tác năm 2029 của các phòng, đơn vị thuộc Sở Ngoại vụ tỉnh Hồ Lâm

II. NHIỆM VỤ CỤ THỂ
A. Hợp tác quốc tế
1. Tổ chức đoàn lãnh đạo tỉnh thăm tỉnh Gifu (Nhật Bản) – Phòng HTQT – Quý II/2029
2. Ký Bản ghi nhớ hợp tác với tỉnh Chăm-pa-sắc (Lào) – Phòng HTQT – tháng 8/2029
B. Thông tin đối ngoại
3. Xuất bản sách ảnh "Hồ Lâm – Điểm hẹn" bằng tiếng Anh – Phòng TTĐN – trước ngày 30/6/2029
4. Số hóa hồ sơ lưu trữ của Sở giai đoạn 2015-2025 – Văn phòng Sở – trước ngày 30/9/2029

GHI CHÚ CẬP NHẬT (ngày 02/7/2029)
Điều chỉnh: Nhiệm vụ 4 (số hóa hồ sơ lưu trữ) – gia hạn thời gian hoàn thành đến ngày 31/12/2029.
"""

store = texts_store("dashed-tasks", {"ho-lam-kh-09-sngv-2029.txt": DASHED})


def ask(store, question: str):
    return store.answerer.ask(question)


def test_task_lines_with_unit_and_time_after_dashes_are_task_records(store):
    answer = ask(store, "Phòng HTQT Sở Ngoại vụ Hồ Lâm chủ trì những việc gì?")
    assert answer.found and "Gifu" in answer.answer and "Chăm-pa-sắc" in answer.answer and "sách ảnh" not in answer.answer


def test_a_later_note_changing_a_task_is_shown_with_its_record(store):
    answer = ask(store, "so hoa ho so luu tru cua so ngoai vu ho lam han khi nao")
    assert answer.found and "31/12/2029" in answer.answer
