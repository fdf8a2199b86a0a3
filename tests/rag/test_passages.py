"""Quotable units and windows: never a raw dump, the answering clause kept."""
from ground.display import shorten
from rag.understand.terms import (
    ENUMERATION_STRETCH,
    best_window,
    coverage,
    query_terms,
    split_units,
    strip_marker,
    unit_terms,
)


def flat_idf(term):
    return 0.0 if term in {"la", "gi"} else 1.0


def test_units_are_sentences_and_bullets_with_exact_offsets():
    text = "1. Mục đích\n- Quảng bá hình ảnh. Thu hút đầu tư.\n- Tiếp thu tinh hoa văn hóa nhân loại."
    units = split_units(text)
    assert [u.text for u in units] == [
        "1. Mục đích", "- Quảng bá hình ảnh.", "Thu hút đầu tư.", "- Tiếp thu tinh hoa văn hóa nhân loại.",
    ]
    for u in units:
        assert text[u.start:u.end] == u.text
    assert strip_marker("- Quảng bá hình ảnh.") == "Quảng bá hình ảnh."
    assert strip_marker("a) Nội dung") == "Nội dung"


def test_query_terms_drop_question_words_and_fold():
    terms = query_terms("Hải Phòng thu hút đầu tư vào lĩnh vực nào?")
    assert "hai phong" in terms and "dau tu" in terms
    assert "nao" not in terms and "vao" not in terms


def test_unaccented_query_covers_accented_text():
    terms = query_terms("thu hut dau tu")
    assert coverage(terms, unit_terms("Thu hút đầu tư nước ngoài"), flat_idf) == 1.0
    assert coverage(terms, unit_terms("Bảo tồn di sản"), flat_idf) == 0.0


def test_best_window_keeps_the_answering_clause():
    sentence = (
        "Quảng bá các giá trị văn hóa, hình ảnh đất nước, con người Việt Nam nói chung và tỉnh nói riêng, "
        "trong đó chú trọng việc lan tỏa các giá trị, tư tưởng, quan điểm nhân sinh quan tiến bộ và cao đẹp "
        "của dân tộc, đặc biệt là thông qua hình ảnh, giá trị tư tưởng của Chủ tịch Hồ Chí Minh và các danh "
        "nhân được UNESCO vinh danh; quan tâm phát triển ngành công nghiệp văn hóa, mở rộng thị trường cho "
        "hàng hóa, sản phẩm, dịch vụ của tỉnh; xây dựng tỉnh trở thành địa chỉ hấp dẫn về giao lưu văn hóa."
    )
    terms = query_terms("lan tỏa giá trị tư tưởng qua hình ảnh của ai")
    window = best_window(sentence, terms, flat_idf, limit=300)
    assert len(window) <= 300 * ENUMERATION_STRETCH + 2  # three ';' items: an enumeration
    assert "Hồ Chí Minh" in window
    assert best_window("Câu ngắn.", terms, flat_idf) == "Câu ngắn."


def test_a_window_ending_on_the_questions_words_takes_the_value_after_them():
    sentence = ("Bên cạnh các hoạt động chính trị, chương trình còn tổ chức nhiều hội thảo, diễn đàn thúc đẩy kinh tế, "
                "thương mại và đầu tư, các buổi biểu diễn, giao lưu mang đậm sắc màu văn hóa, các phiên chợ ẩm thực, "
                "các lớp dạy nấu ăn, trưng bày ảnh, chiếu phim tài liệu, nổi bật là Không gian văn hóa với chủ đề xuyên "
                "suốt “Cội nguồn, Hội tụ và Lan tỏa”.")
    terms = query_terms("Không gian văn hóa có chủ đề xuyên suốt là gì")
    window = best_window(sentence, terms, flat_idf, limit=200)
    assert "Cội nguồn" in window


def test_shorten_cuts_at_a_word():
    assert shorten("một hai ba bốn năm", 9) == "một hai…"
    assert shorten("ngắn", 10) == "ngắn"


def test_a_runner_up_is_shown_when_the_scores_cannot_tell_it_from_the_best():
    """Two sentences of one text in different sections: shown together only when they score near alike (or both
    state the asked kind of value); a sentence of another text never joins the best one's."""
    from types import SimpleNamespace

    from rag.compose.passages import RIVAL_SHARE, TIE_SHARE, shown_with

    def cand(plan, section, score, spans=()):
        return SimpleNamespace(chunk=SimpleNamespace(plan_id=plan, section=section), score=score, answer_spans=list(spans))

    best = cand("kh-1", "II. Nhiệm vụ", 10.0)
    assert shown_with(best, cand("kh-1", "II. Nhiệm vụ", 7.6), "content")
    assert shown_with(best, cand("kh-1", "IV. Tổ chức thực hiện", TIE_SHARE * 10.0), "content")
    assert not shown_with(best, cand("kh-1", "IV. Tổ chức thực hiện", TIE_SHARE * 10.0 - 0.1), "content")
    assert not shown_with(best, cand("kh-2", "II. Nhiệm vụ", 9.9), "content")
    dated = cand("kh-1", "II. Nhiệm vụ", 10.0, ["30/6/2027"])
    assert shown_with(dated, cand("kh-1", "V. Chế độ báo cáo", RIVAL_SHARE * 10.0, ["15/12"]), "date")
    assert not shown_with(dated, cand("kh-1", "V. Chế độ báo cáo", RIVAL_SHARE * 10.0), "date")


def test_a_heading_of_another_year_dates_its_sentences_and_a_compared_year_dates_none():
    from rag.find import sentences

    def other_year(body: str, section_years: frozenset[str] = frozenset()) -> float:
        question = "Năm 2026 tỉnh đón bao nhiêu lượt khách quốc tế?"
        terms = query_terms(question)
        feats, _ = sentences.features_of(body, terms, terms, "number", flat_idf, 0.0, 0, 0.8, set(), False, False,
                                         section_years=section_years)
        return feats["other_year"]

    assert other_year("Phấn đấu đón 240.000 lượt khách quốc tế.", frozenset({"2027"})) == 1.0  # "PHƯƠNG HƯỚNG NĂM 2027"
    assert other_year("Khách quốc tế đạt 212.400 lượt, tăng 18,3% so với năm 2025.") == 0.0
    assert other_year("Khách quốc tế năm 2025 đạt 180.000 lượt.") == 1.0
    assert sentences._dating_years("II. NHIỆM VỤ GIAI ĐOẠN 2027 - 2030") == set()


def test_a_line_of_another_section_naming_another_country_is_dropped_beside_the_one_asked():
    from types import SimpleNamespace

    from rag.compose.countries import of_the_place_asked

    def point(section, quote):
        return SimpleNamespace(chunk=SimpleNamespace(section=section), quote=quote)

    asked = point("II › 6. Những ngày Văn hóa", "Những ngày Văn hóa Lam Uyên tại thành phố Vladivostok (Liên bang Nga)")
    other = point("II › 5. Giao lưu", "Chuỗi hoạt động kỷ niệm 20 năm hữu nghị với thành phố Yokohama (Nhật Bản)")
    detail = point("II › 6. Những ngày Văn hóa", "Thời gian: tháng 8/2029; kinh phí 1.450 triệu đồng.")
    question = "Năm 2029 Lam Uyên có hoạt động ngoại giao văn hóa nào ở Nga?"
    assert of_the_place_asked(question, [other, asked, detail]) == [asked, detail]
    assert of_the_place_asked("Lam Uyên có hoạt động nào năm 2029?", [other, asked]) == [other, asked]


def test_a_stored_texts_own_line_goes_before_another_texts_line_citing_it():
    from types import SimpleNamespace

    from rag.find.firsts import own_before_citing

    def candidate(plan_id: str, body: str):
        return SimpleNamespace(chunk=SimpleNamespace(plan_id=plan_id), body=body)

    citing = candidate("kh-66", "Căn cứ Biên bản số 86/BB-VP ngày 22/10/2031 buổi làm việc giữa UBND tỉnh với Đoàn Đại sứ quán;")
    own = candidate("bb-86", "Buổi làm việc tổ chức tại Phòng họp số 2, trụ sở UBND tỉnh.")
    plans = {"kh-66": SimpleNamespace(meta=SimpleNamespace(number="66/KH-UBND")),
             "bb-86": SimpleNamespace(meta=SimpleNamespace(number="86/BB-VP"))}
    assert own_before_citing([citing, own], plans.get) == [own, citing]  # type: ignore[list-item]
    assert own_before_citing([own, citing], plans.get) == [own, citing]  # type: ignore[list-item]
