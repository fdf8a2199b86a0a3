"""Damaged text: the syllable validator, the quality figure, broken lines, glued words, footnote marks."""
from __future__ import annotations

import pytest

from ground.syllables import is_syllable, parse_syllable
from ingest.pipeline import load_plan
from ingest.quality import QUALITY_WARNING, bad_words, text_quality
from ingest.readers import read_document
from ingest.repair import join_broken_lines, repair_text, split_glued_word, strip_footnote_marks
from tests.conftest import SAMPLES

VALID = ["a", "ở", "gì", "giữa", "giếng", "quốc", "quyết", "khuya", "khuỷu", "nghiêng", "người", "hoạch",
         "thuở", "xoong", "huỳnh", "Đắc", "việc", "ĐỊNH", "Ủy", "hòa", "thủy", "oanh", "yêu", "quê", "gìn"]
INVALID = ["qung", "C", "địnhsố", "ngoạigiao", "ViÖt", "tt", "kan", "ngi", "ghu", "cáć", "bàc", "hátc",
           "quo", "xyz", "ccc"]


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word):
    assert is_syllable(word), word


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables(word):
    assert not is_syllable(word), word


def test_syllable_structure():
    assert parse_syllable("nghiêng") == ("ngh", "iêng", None)
    assert parse_syllable("Quyết") == ("qu", "yêt", "sac")
    assert parse_syllable("giữa") == ("gi", "ưa", "nga")
    assert parse_syllable("hoạch") == ("h", "oach", "nang")
    assert parse_syllable("mát") is not None and parse_syllable("màt") is None  # a stop takes sắc or nặng


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_clean_samples_score_near_one(path):
    assert text_quality(read_document(path).text) >= 0.98


def test_lost_characters_lower_the_figure():
    clean = "Tăng cường quảng bá hình ảnh đất nước. YÊU CẦU thực hiện nghiêm túc."
    damaged = "Tăng cường qung bá hình ảnh đất nước. YÊU C U thực hiện nghiêm túc."
    assert text_quality(clean) == 1.0
    assert text_quality(damaged) < text_quality(clean)
    assert bad_words(damaged) == ["qung", "C"]
    # abbreviations, Roman numerals, list letters and foreign names are not damage
    assert text_quality("a) UBND tỉnh, Sở VHTTDL; mục II; hợp tác với Kitakyushu và UNESCO; QĐ-TTg") == 1.0


@pytest.mark.parametrize("glued, split", [
    ("địnhsố", "định số"), ("NGOẠIGIAO", "NGOẠI GIAO"), ("TTgngày", "TTg ngày"), ("UBNDtỉnh", "UBND tỉnh"),
    ("tộcViệt", "tộc Việt"), ("YÊUCẦU", "YÊU CẦU"), ("chiềusâu", "chiều sâu"), ("hoạtđộng", "hoạt động"),
])
def test_glued_words_are_split(glued, split):
    assert split_glued_word(glued) == split


@pytest.mark.parametrize("word", ["Hanoi", "Facebook", "COVID", "Đắk", "Lắk", "UBND", "website", "Kitakyushu",
                                  "người", "nghiêng"])
def test_words_that_are_not_glued_stay(word):
    assert split_glued_word(word) is None


def test_glued_words_in_a_sentence():
    text = "Căn cứ Quyết địnhsố 208/QĐ-TTgngày 5/3/2024 về NGOẠIGIAO văn hóa"
    assert repair_text(text).text == "Căn cứ Quyết định số 208/QĐ-TTg ngày 5/3/2024 về NGOẠI GIAO văn hóa"


def test_broken_lines_are_joined_but_structure_stays():
    text = "\n".join([
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tăng cường công tác thông tin đối ngoại về văn",
        "hóa của tỉnh, trong đó",
        "chú trọng quảng bá di sản.",
        "a) nội dung thứ nhất;",
        "b) nội dung thứ hai",
        "- tổ chức hội nghị",
        "| STT | Nhiệm vụ |",
        "| 1 | tổ chức lễ hội |",
        "Nơi nhận:",
        "- Như trên;",
    ])
    assert join_broken_lines(text).split("\n") == [
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tăng cường công tác thông tin đối ngoại về văn hóa của tỉnh, trong đó chú trọng quảng bá di sản.",
        "a) nội dung thứ nhất;",
        "b) nội dung thứ hai",
        "- tổ chức hội nghị",
        "| STT | Nhiệm vụ |",
        "| 1 | tổ chức lễ hội |",
        "Nơi nhận:",
        "- Như trên;",
    ]


def test_a_heading_in_capitals_keeps_its_line():
    assert join_broken_lines("KẾ HOẠCH\nthực hiện chiến lược") == "KẾ HOẠCH\nthực hiện chiến lược"


def test_footnote_marks_are_removed_and_notes_kept():
    text = "\n".join([
        "(1) Tổ chức hội nghị quán triệt.",
        "Quảng bá hình ảnh Việt Nam1 và các mục tiêu đã đề ra(2), theo Điều1 của Quy chế.",
        "Diện tích 500 m2, hội nghị G20, khí CO2, giai đoạn2.",
        "1 Tên gọi chính thức của nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
        "(2) Tại Kế hoạch số 12/KH-UBND.",
    ])
    fixed, marks = strip_footnote_marks(text)
    assert marks == ["1", "2"]
    assert fixed.split("\n") == [
        "(1) Tổ chức hội nghị quán triệt.",
        "Quảng bá hình ảnh Việt Nam và các mục tiêu đã đề ra, theo Điều 1 của Quy chế.",
        "Diện tích 500 m2, hội nghị G20, khí CO2, giai đoạn 2.",
        "Ghi chú (1): Tên gọi chính thức của nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
        "Ghi chú (2): Tại Kế hoạch số 12/KH-UBND.",
    ]


DAMAGED_PLAN = """ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 31/KH-UBND
Ninh Bình, ngày 2 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030
I. MỤC ĐÍCH, YÊU C U
Tăng cường qung bá hình ảnh con ngư i Ninh Bình; nâng cao hi u qu công tác đ i ngo i.
II. NHI M V
1. S Văn hóa, Th thao và Du l ch ch trì t ch c l h i văn hóa hằng năm.
2. Các s , ngành ph i h p tri n khai th c hi n k ho ch này."""


def test_a_superscript_mark_goes_and_its_note_at_the_end_is_labelled():
    text = ("Tỉnh đã ký kết 04 thỏa thuận hữu nghị với các địa phương nước ngoài³ và đón 38 đoàn nghệ thuật.\n\n"
            "³ Gồm: tỉnh Champasak, Lào (năm 2022); tỉnh Tottori, Nhật Bản (năm 2024).")
    fixed, marks = strip_footnote_marks(text)
    assert marks == ["3"]
    assert fixed.startswith("Tỉnh đã ký kết 04 thỏa thuận hữu nghị với các địa phương nước ngoài và đón 38 đoàn")
    assert fixed.endswith("Ghi chú (3): Gồm: tỉnh Champasak, Lào (năm 2022); tỉnh Tottori, Nhật Bản (năm 2024).")


def test_damaged_plan_gets_a_low_figure_and_a_warning(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_text(DAMAGED_PLAN, encoding="utf-8")
    plan = load_plan(path)
    assert plan.meta.quality is not None and plan.meta.quality < QUALITY_WARNING
    assert any(w.startswith("text quality") and "'qung'" in w for w in plan.warnings)


def test_repaired_plan_is_clean(tmp_path):
    path = tmp_path / "glued.txt"
    path.write_text(DAMAGED_PLAN.replace("YÊU C U", "YÊUCẦU").replace("qung", "quảng")
                    .split("\nTăng")[0] + "\nTăng cường quảng bá hình ảnh con người Ninh Bình ra thế giới."
                    "\nII. NHIỆM VỤ\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức lễ hội văn hóa hằng năm;"
                    " các sở, ngành phối hợp triển khai thực hiện kế hoạch này.", encoding="utf-8")
    plan = load_plan(path)
    assert "YÊU CẦU" in plan.text
    assert plan.meta.quality == 1.0 and plan.warnings == []


def test_a_header_name_broken_between_lines_in_capitals_is_joined_where_the_text_writes_it_whole():
    from ingest.repair import join_broken_capitals

    header = ("UBND TỈNH SƠN CƯỚC\nPHONG\nSỞ NGOẠI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
              "Số: 12/KH-SNgV\nKẾ HOẠCH\nCăn cứ tình hình tỉnh Sơn Cước Phong, Sở Ngoại vụ xây dựng kế hoạch.")
    lines = join_broken_capitals(header).split("\n")
    assert lines[:2] == ["UBND TỈNH SƠN CƯỚC PHONG", "SỞ NGOẠI VỤ"]  # a line opening a body stays its own
    assert "VIỆT NAM" in lines  # "nghĩa Việt Nam" is never written in the running text: no evidence to join


def test_lines_in_capitals_the_text_never_writes_together_stay_apart():
    from ingest.repair import join_broken_capitals

    text = "KẾ HOẠCH\nTRIỂN KHAI NĂM 2027\nMỤC ĐÍCH\nNội dung kế hoạch."
    assert join_broken_capitals(text) == text


@pytest.mark.parametrize("text, joined", [
    ("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày\n01 tháng 07 năm 2028.",
     "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 07 năm 2028."),
    ("Điều 1. Phê duyệt Đề án\n“Nâng tầm văn hóa Sơn Cước” với những nội dung sau:",
     "Điều 1. Phê duyệt Đề án “Nâng tầm văn hóa Sơn Cước” với những nội dung sau:"),
    ("Giám đốc Đài Phát thanh và\nTruyền hình tỉnh chịu trách nhiệm thi hành.",
     "Giám đốc Đài Phát thanh và Truyền hình tỉnh chịu trách nhiệm thi hành."),
    ("Điều 1. Phê duyệt Đề án “Nâng tầm công tác\nThông tin đối ngoại của tỉnh đến năm\n2030” với những nội dung sau:",
     "Điều 1. Phê duyệt Đề án “Nâng tầm công tác Thông tin đối ngoại của tỉnh đến năm 2030” với những nội dung sau:"),
])
def test_a_line_ending_on_a_word_that_never_ends_a_sentence_goes_on_in_the_next(text, joined):
    assert join_broken_lines(text) == joined


@pytest.mark.parametrize("text", ["1. Mục tiêu chung\nĐẩy mạnh quảng bá.", "I. MỤC ĐÍCH CỦA\nKẾ HOẠCH",
                                  "Căn cứ Luật Tổ chức chính quyền địa phương ngày\nĐiều 1. Ban hành kế hoạch."])
def test_headings_and_new_articles_keep_their_lines(text):
    assert join_broken_lines(text) == text


def test_a_period_broken_after_its_dash_is_one_line():
    text = "phê duyệt Chương trình hành động về thông tin đối ngoại giai đoạn 2013 -\n2020;\nCăn cứ Thông báo số 171"
    assert join_broken_lines(text).split("\n")[0].endswith("giai đoạn 2013 - 2020;")
    assert join_broken_lines("Tổng cộng 2024 -\n1. Mục tiêu") == "Tổng cộng 2024 -\n1. Mục tiêu"  # a heading follows


def test_a_period_named_at_a_line_end_goes_on_in_the_next():
    text = "thực hiện Chiến lược trên địa bàn tỉnh Lạc Khê, giai đoạn\n2028 - 2030;"
    assert join_broken_lines(text) == "thực hiện Chiến lược trên địa bàn tỉnh Lạc Khê, giai đoạn 2028 - 2030;"
    assert join_broken_lines('duy trì chuyên mục\n"Lạc Khê - Nhịp cầu" phát sóng') == 'duy trì chuyên mục "Lạc Khê - Nhịp cầu" phát sóng'


def test_a_name_written_as_one_word_is_kept_unless_the_text_writes_it_apart():
    from ingest.repair import split_glued_words

    assert split_glued_words("tượng đài Giéc Man Titốp trên đảo Titốp")[0] == "tượng đài Giéc Man Titốp trên đảo Titốp"
    assert split_glued_words("Ủyban nhân dân tỉnh. Ủy ban nhân dân")[0] == "Ủy ban nhân dân tỉnh. Ủy ban nhân dân"


def test_a_bracket_closed_on_the_next_line_joins_it():
    text = "đã ký với tỉnh Preah Vihear (Vương quốc\nCampuchia) và tỉnh Toyama (Nhật Bản)."
    assert join_broken_lines(text) == "đã ký với tỉnh Preah Vihear (Vương quốc Campuchia) và tỉnh Toyama (Nhật Bản)."
    assert join_broken_lines("a (b\n1. Mục (x)") == "a (b\n1. Mục (x)"  # a numbered item never continues a line


def test_a_hard_wrapped_text_joins_its_full_lines_whatever_the_next_line_opens_with():
    paragraph = ("Ngày 16/6/2027, tại Phòng họp số 2, Ủy ban nhân dân tỉnh, đồng chí Lã Quang Vinh, Phó\n"
                 "Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp nghe báo cáo công tác chuẩn bị các hoạt\n"
                 "động kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao và tình hình thực hiện Kế hoạch số\n"
                 "26/KH-UBND ngày 22/01/2027 của Ủy ban nhân dân tỉnh về công tác ngoại giao văn hóa. Kế hoạch có\n"
                 "18 nhiệm vụ; sau 5 tháng đã hoàn thành 07 nhiệm vụ, đang triển khai 09 nhiệm vụ, còn\n"
                 "02 nhiệm vụ chưa triển khai là xây dựng cơ sở dữ liệu số về di sản Lễ hội Xuống đồng\n"
                 "Khau Vân và xuất bản ấn phẩm quảng bá bằng tiếng Hàn. Tuy nhiên, kinh phí tổ chức các\n"
                 "hoạt động kỷ niệm chưa được phân bổ; kịch bản Lễ kỷ niệm chưa hoàn chỉnh, việc phối hợp\n"
                 "giữa các cơ quan có lúc còn chưa chặt chẽ, một số nhiệm vụ chậm so với kế hoạch đề ra.\n"
                 "1. Đánh giá chung\n"
                 "Ghi nhận Sở Ngoại vụ và các cơ quan liên quan đã chủ động triển khai công tác chuẩn bị\n"
                 "a) Lễ kỷ niệm tổ chức lúc 19 giờ 30 ngày 10/7/2027 tại Nhà hát tỉnh, quy mô khoảng 800\n")
    joined = repair_text(paragraph).text
    assert "đồng chí Lã Quang Vinh, Phó Chủ tịch" in joined and "Kế hoạch có 18 nhiệm vụ" in joined
    assert "còn 02 nhiệm vụ" in joined and "Xuống đồng Khau Vân" in joined
    assert "\n1. Đánh giá chung\n" in joined and "\na) Lễ kỷ niệm" in joined  # items and headings keep their lines


@pytest.mark.parametrize("text, joined", [
    pytest.param("- Kinh phí vận động viện trợ năm 2026 đạt 1,9 triệu USD; năm 2027 đạt 2,4 triệu USD; tổng\n"
                 "02 năm đạt 4,3 triệu USD, bằng 43% chỉ tiêu.",
                 "- Kinh phí vận động viện trợ năm 2026 đạt 1,9 triệu USD; năm 2027 đạt 2,4 triệu USD; tổng 02 năm đạt "
                 "4,3 triệu USD, bằng 43% chỉ tiêu.", id="a_long_line_cut_before_a_figure"),
    pytest.param("3. Phát huy vai trò của các cơ quan thương mại Việt Nam ở nước ngoài\n12 Thương vụ đã xây dựng góc "
                 "giới thiệu sản phẩm.", None, id="a_heading_then_a_count_of_a_named_thing"),
    pytest.param("Điều 3. Mức chi tổ chức sự kiện văn hóa, du lịch của tỉnh ở nước ngoài dài dòng\n1.[4] Tuần Văn hóa",
                 None, id="a_heading_then_an_amended_clause"),
    pytest.param("1\tTổ chức hội nghị quán triệt Chỉ thị cho cán bộ, công chức, trưởng thôn, tổ trưởng tổ dân\tVăn "
                 "phòng\n2\tMở chuyên mục", None, id="a_tab_copied_row"),
])
def test_a_long_line_cut_before_a_figure_goes_on_but_headings_and_rows_stay(text, joined):
    assert join_broken_lines(text) == (joined or text)


def test_a_full_line_broken_between_a_key_and_its_value_joins():
    lines = [f"{n}. Nội dung hoạt động thứ {n} của kế hoạch được giao cho các sở, ban, ngành và địa phương." for n in
             range(1, 10)]
    text = "\n".join(lines + ["2. Phân kỳ theo năm: năm 2027: 9.600 triệu đồng; năm 2028: 14.200 triệu đồng; năm 2029:",
                              "6.000 triệu đồng; năm 2030: 12.600 triệu đồng.", "3. Hằng năm lập dự toán."])
    assert "năm 2029: 6.000 triệu đồng; năm 2030" in join_broken_lines(text)
    assert "\n3. Hằng năm lập dự toán." in join_broken_lines(text)


def test_a_hard_wrapped_text_among_short_items_and_a_table_still_joins_its_full_lines():
    full = ["Ủy ban nhân dân tỉnh giao các sở, ban, ngành phối hợp tổ chức thực hiện các nhiệm vụ của kế", "hoạch."]
    items = [f"- Nhiệm vụ {n};" for n in range(1, 4)]
    rows = [f"{n}    Tổ chức hoạt động giao lưu văn hóa         Sở Ngoại vụ          Quý {n}/2027" for n in range(1, 9)]
    text = "\n".join(full * 8 + items * 4 + rows + [
        "2. Phân kỳ theo năm: năm 2027: 9.600 triệu đồng; năm 2028: 14.200 triệu đồng; năm 2029:",
        "6.000 triệu đồng; năm 2030: 12.600 triệu đồng.", "3. Hằng năm lập dự toán."])
    joined = join_broken_lines(text)
    assert "các nhiệm vụ của kế hoạch." in joined and "năm 2029: 6.000 triệu đồng" in joined
    assert all(row in joined.split("\n") for row in rows)  # the table's rows keep their lines


def test_a_hard_wrapped_texts_table_rows_are_left_to_the_table_reader():
    text = "\n".join(["Sở Ngoại vụ chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện các nhiệm vụ được"] * 9 + [
        "TT | Nội dung nhiệm vụ | Thời gian | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả |",
        "1 | Tổ chức hội nghị quán triệt Chiến lược Ngoại giao văn hóa đến năm 2030 và",
        "Chương trình hành động của tỉnh | Quý II/2027 | Sở Ngoại vụ | Ban Tuyên giáo Tỉnh ủy; Sở",
        "Thông tin và Truyền thông | Hội nghị cấp tỉnh |",
        "2 | Mở chuyên mục trên Báo tỉnh và Đài Phát thanh và Truyền hình tỉnh về văn hóa |"])
    assert "\n2 | Mở chuyên mục" in repair_text(text).text


def test_a_hard_wrapped_texts_running_header_and_capital_headings_keep_their_lines():
    body = ["Sở Ngoại vụ chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện các nhiệm vụ được"] * 9
    text = "\n".join(body + ["UBND tỉnh Trà Lĩnh - Đề án Những ngày Văn hóa tỉnh Trà Lĩnh tại Toulouse năm 2027",
                             "PHẦN II. TỔ CHỨC THỰC HIỆN", "MỤC LỤC"])
    joined = repair_text(text).text
    assert "\nPHẦN II. TỔ CHỨC THỰC HIỆN\nMỤC LỤC" in joined


def test_a_brackets_label_left_open_at_a_line_end_goes_on_with_its_value():
    from ingest.repair import join_broken_lines

    text = ("b) Ban hành Quy chế phát ngôn, hoàn thành trước ngày 31/3/2029 (Chủ trì:\nVăn phòng UBND tỉnh).\n"
            "c) Thông tin về Hội chợ (Chủ trì: Sở Công Thương; phối hợp:\nBáo và Phát thanh, Truyền hình tỉnh).\nNơi nhận:\n- Như trên;")
    assert join_broken_lines(text).split("\n") == [
        "b) Ban hành Quy chế phát ngôn, hoàn thành trước ngày 31/3/2029 (Chủ trì: Văn phòng UBND tỉnh).",
        "c) Thông tin về Hội chợ (Chủ trì: Sở Công Thương; phối hợp: Báo và Phát thanh, Truyền hình tỉnh).",
        "Nơi nhận:", "- Như trên;"]


def test_a_word_cut_by_a_hyphen_at_the_line_end_is_joined():
    scanned = ("Ngày 16/9/2029 (Thứ Năm): Di chuyển từ Pra-\nha đến Brno bằng ô tô; chuẩn bị gian hà-\n"
               "ng trưng bày sản phẩm OCOP của tỉnh.\nHợp tác Việt-\nLào giai đoạn 2026-\n2030.")
    text = repair_text(scanned).text
    assert "từ Praha đến Brno" in text and "gian hàng trưng bày" in text
    assert "Việt-" in text and "2026-" in text  # a pair of names and a span of years are not cut words


def test_a_province_name_broken_over_two_lines_is_joined():
    from ingest.repair import join_broken_lines
    text = ("Theo đề nghị của Giám đốc Sở Ngoại vụ tỉnh Hà\nNam tại Tờ trình số 41/TTr-SNgV ngày 02 tháng 3 năm 2019,\n"
            "QUYẾT ĐỊNH:\nỦy ban nhân dân tỉnh Hà Nam\nNam Định và Thái Bình phối hợp.")
    lines = join_broken_lines(text).split("\n")
    assert lines[0] == "Theo đề nghị của Giám đốc Sở Ngoại vụ tỉnh Hà Nam tại Tờ trình số 41/TTr-SNgV ngày 02 tháng 3 năm 2019,"
    assert "Ủy ban nhân dân tỉnh Hà Nam" in lines  # a whole name's line is no broken one


def test_a_pages_address_alone_on_its_line_is_never_joined_to_the_next():
    from ingest.clean import clean_text
    from ingest.metadata import extract_metadata

    address = "http://songoaivu.langvan.example/vi/l%E1%BA%A1ng-v%C3%A2n-ban-h%C3%A0nh-m%E1%BB%9Bi-quy-%C4%91%E1%BB%8Bnh"
    page = (f"{address}\nnấu ăn đầm dạ hội dụng cụ đo lường\n\nTrang chủ\n\n"
            "Lãng Vân ban hành mới Quy định quản lý hoạt động thông tin đối ngoại\n\n"
            "Ngày 5-9, UBND tỉnh Lãng Vân ban hành Quy định quản lý hoạt động thông tin đối ngoại trên địa bàn tỉnh kèm "
            "theo Quyết định số 31/2027/QĐ-UBND.\n")
    repaired = repair_text(page).text
    assert repaired.split("\n")[0] == address
    meta = extract_metadata(clean_text(repaired), "lang-van-tin.txt")
    assert meta.title == "Lãng Vân ban hành mới Quy định quản lý hoạt động thông tin đối ngoại"


def test_a_date_typed_with_a_doubled_slash_is_one_date():
    from ingest.repair import repair_text
    text = repair_text("Sáng ngày 18/12//2011, tỉnh tổ chức lễ động thổ Trung tâm; tỷ lệ 1//2 giữ nguyên.").text
    assert "18/12/2011" in text and "1//2" in text


def test_a_provinces_first_word_typed_twice_is_the_province_once():
    from ingest.repair import repair_text
    text = repair_text("UBND tỉnh Bình Bình Định đã có văn bản đề nghị; ông Văn Văn Nam dự họp.").text
    assert "tỉnh Bình Định đã" in text and "Văn Văn Nam" in text  # (a name's doubled word is no province's)
