"""Tone marks put back on a question typed without them, as the stored texts spell its words."""
from __future__ import annotations

from rag.find.accents import Accents

TEXTS = ["Tổng kinh phí thực hiện Kế hoạch năm 2029 là 1.450 triệu đồng.",
         "Sở Ngoại vụ tỉnh Lam Sông chủ trì; kinh phí của Sở Ngoại vụ do ngân sách tỉnh bảo đảm.",
         "Đoàn ra năm 2029 gồm 9 đoàn; tổng kinh phí đoàn ra 3.200 triệu đồng.",
         "Cơ quan thường trực là Sở Ngoại vụ tỉnh Lam Sông."]


def test_each_pair_of_syllables_is_spelled_as_the_texts_spell_it():
    accents = Accents.from_texts(TEXTS)
    assert accents.restore("tong kinh phi so ngoai vu lam song nam 2029") == \
        "tổng kinh phí sở ngoại vụ lam sông năm 2029"


def test_question_words_are_spelled_as_asked_not_as_a_text_pairs_them():
    # "co" is "có" in a question, whatever "Cơ quan" the texts write
    accents = Accents.from_texts(TEXTS)
    assert accents.restore("co bao nhieu doan ra") == "có bao nhiêu đoàn ra"


def test_a_question_with_tone_marks_or_words_no_text_writes_is_left_alone():
    accents = Accents.from_texts(TEXTS)
    assert accents.restore("Sở Ngoại vụ làm gì?") == "Sở Ngoại vụ làm gì?"
    assert accents.restore("zalo oa xyz") == "zalo oa xyz"
