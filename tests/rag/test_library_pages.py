"""A law library page saved with its lists of related documents, written for these tests: which document amends the
page's plan, and a listed document's own signer and date, answered from the lists."""
from __future__ import annotations

import pytest

from tests.ingest.test_mentions import LIBRARY_PAGE
from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow
store = texts_store("library-pages", {"bach-lieu-kh-640-2028-thuvien.txt": LIBRARY_PAGE})


def test_the_document_amending_a_plan_is_named_from_the_pages_list(store):
    answer = store.answerer.ask("Văn bản nào sửa đổi Kế hoạch 640/KH-UBND của Bạch Liễu?")
    assert answer.found and "412/QĐ-UBND ngày 20/03/2029" in answer.answer
    assert "598/KH-UBND" not in answer.answer  # listed as of the same content, no amendment


def test_a_listed_documents_signer_and_date_are_its_own(store):
    answer = store.answerer.ask("Chương trình 21-CTr/TU của Tỉnh ủy Bạch Liễu ban hành ngày nào và ai ký?")
    assert answer.found and ("15/03/2026" in answer.answer or "15/3/2026" in answer.answer) and "Lò Minh Tâm" in answer.answer
    assert "Vương Đình Lộc" not in answer.answer  # the plan's own signer



FIELD_TABLE_PAGE = """Thông tư 09/2028/TT-BNG hướng dẫn công tác lễ tân đối ngoại của các địa phương

 • Thuộc tính văn bản

  Cơ quan ban hành:Bộ Ngoại giaoSố công báo:Đang cập nhật
  Số hiệu:09/2028/TT-BNGNgày đăng công báo:Đang cập nhật
  Loại văn bản:Thông tưNgười ký:Lâm Quốc Khánh
  Ngày ban hành:14/03/2028Hết hiệu lực:Đang cập nhật
  Áp dụng:01/05/2028Tình trạng hiệu lực:Còn Hiệu lực
  Lĩnh vực:Ngoại giao

BỘ NGOẠI GIAO
Số: 09/2028/TT-BNG

THÔNG TƯ
Hướng dẫn công tác lễ tân đối ngoại của các địa phương

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn công tác lễ tân đối ngoại của Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.
"""
field_store = texts_store("library-field-table", {"bng-tt-09-2028.txt": FIELD_TABLE_PAGE})


def test_whether_a_document_is_in_force_is_read_from_the_pages_status_field(field_store):
    answer = field_store.answerer.ask("Thông tư 09/2028/TT-BNG còn hiệu lực không?")
    assert answer.found and "Còn Hiệu lực" in answer.answer
