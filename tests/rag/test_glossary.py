"""The store's glossary: short forms its texts define in brackets, read beside the texts' words in a question."""
from __future__ import annotations

from rag.find.glossary import defined_terms, written_out

RULE = ("Quy định này quy định việc quản lý, sử dụng Biểu trưng (logo) và Khẩu hiệu (slogan) quảng bá tỉnh Hà Lâm. "
        "Các tổ chức phi chính phủ nước ngoài (PCPNN) và Trung tâm Xúc tiến Đầu tư (sau đây gọi tắt là TTXTĐT) được "
        "sử dụng Biểu trưng sau khi được chấp thuận. Thiết bị bay không người lái (flycam) không được dùng. Đoàn của "
        "tỉnh Chăm-pa-sắc (Lào) và Trường (Buddy) tham dự.")


def test_short_forms_a_text_defines_in_brackets_stand_for_the_words_before_them():
    glossary = defined_terms([RULE])
    assert glossary["logo"] == "Biểu trưng" and glossary["slogan"] == "Khẩu hiệu"
    assert glossary["ttxtdt"] == "Trung tâm Xúc tiến Đầu tư"  # an acronym's letters spell the words' initials
    # a place in brackets, a phrase whose start is not written, one word naming something: no short forms
    assert not {"lao", "flycam", "buddy"} & glossary.keys()


def test_a_question_typed_with_a_short_form_is_read_with_the_texts_words():
    glossary = {"logo": "Biểu trưng"}
    assert written_out("Logo tỉnh gồm những màu gì?", glossary) == "Biểu trưng tỉnh gồm những màu gì?"
    assert written_out("logo tinh gom hinh gi?", glossary) == "bieu trung tinh gom hinh gi?"  # typed plainly
    assert written_out("Biểu trưng (logo) tỉnh gồm gì?", glossary) == "Biểu trưng (logo) tỉnh gồm gì?"
    assert written_out("logos.vn có gì?", glossary) == "logos.vn có gì?"


def test_an_acronym_typed_with_its_own_letters_is_found():
    glossary = {"ttxtdt": "Trung tâm Xúc tiến Đầu tư"}
    assert written_out("TTXTĐT tỉnh làm gì?", glossary) == "Trung tâm Xúc tiến Đầu tư tỉnh làm gì?"
