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

