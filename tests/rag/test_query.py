"""Query understanding: places (any alias, with or without diacritics), numbers, years, intents."""
import pytest

from rag.understand.names import number_matches, parse_query


@pytest.mark.parametrize(
    "question, province",
    [
        ("Kế hoạch của tỉnh Cao Bằng có mục tiêu gì?", "Cao Bằng"),
        ("ke hoach cao bang", "Cao Bằng"),
        ("TT Huế làm gì để quảng bá di sản?", "Thừa Thiên Huế"),
        ("thua thien hue co ke hoach gi", "Thừa Thiên Huế"),
        ("Hải Phòng thu hút đầu tư vào lĩnh vực nào?", "Hải Phòng"),
        ("hai phong den nam 2020", "Hải Phòng"),
    ],
)
def test_province_named_in_any_form(question, province):
    assert parse_query(question).provinces == [province]


def test_no_province_in_plain_question():
    assert parse_query("Mục tiêu giữ vững môi trường hòa bình, ổn định là gì?").provinces == []


def test_two_provinces_in_order():
    assert parse_query("Cao Bằng và Huế khác nhau thế nào về mục tiêu?").provinces == ["Cao Bằng", "Thừa Thiên Huế"]


def test_document_numbers_full_and_bare():
    pq = parse_query("Kế hoạch 726/KH-UBND và công văn số 404 nói gì?")
    assert pq.numbers == ["726/KH-UBND"]
    assert pq.bare_numbers == ["404"]
    assert parse_query("ke hoach 726/kh-ubnd").numbers == ["726/KH-UBND"]
    assert parse_query("thực hiện quyết định 2013/qd-ttg").numbers == ["2013/QĐ-TTg"]
    # a Kết luận or Hướng dẫn by its bare number; "kế hoạch 10 năm" is a plan of ten years, not plan number 10
    assert parse_query("Kết luận 57 của Bộ Chính trị ban hành ngày nào?").bare_numbers == ["57"]
    assert parse_query("theo ke hoach 10 nam ket nghia, hai thanh pho to chuc gi").bare_numbers == []
    assert parse_query("Kế hoạch 59 năm 2020 của tỉnh giao việc gì?").bare_numbers == ["59"]


def test_a_document_a_text_cites_by_its_bare_number_is_known():
    from rag.understand.cited_numbers import cited_bare_numbers

    text = ("Ngày 10/9/2008, Ban Bí thư đã ra Chỉ thị 26 về công tác thông tin đối ngoại. Bộ Chính trị ra Kết luận số 16 "
            "về chiến lược thông tin đối ngoại; Kế hoạch số 94/KH-UBND của tỉnh; kế hoạch 10 năm kết nghĩa; "
            "Quyết định 2013 phê duyệt Chiến lược; Quyết định số 2013 của Thủ tướng.")
    assert cited_bare_numbers(text) == {"26", "16", "2013"}


def test_query_numbers_follow_the_ingest_spelling_rule():
    # the same rule as ground.numbers: dots, spaces and en dashes in a number, Party numbers kept apart
    assert parse_query("Kế hoạch 317/KH.UBND giao việc gì?").numbers == ["317/KH-UBND"]
    assert parse_query("chi thi 25/ct- ttg noi gi").numbers == ["25/CT-TTg"]
    assert parse_query("Chỉ thị 25-CT/TW nói gì?").numbers == ["25-CT/TW"]
    assert parse_query("Chỉ thị 25-CT/TW nói gì?").bare_numbers == []
    assert "25-CT/TW" in parse_query("Chỉ thị 25-CT/TW nói gì?").content  # a cited Party document: content
    assert "317" not in parse_query("Kế hoạch 317/KH.UBND giao việc gì?").content  # a plan number: scope
    assert not number_matches("25-CT/TW", "25/CT-TTg")
    assert number_matches("317/kh.ubnd", "317/KH-UBND")


def test_number_matching_is_case_and_accent_blind():
    assert number_matches("726/KH-UBND", "726/KH-UBND")
    assert number_matches("2013/QĐ-TTG", "2013/QĐ-TTg")
    assert number_matches("404", "404/BNG-NGVH-UNESCO")
    assert not number_matches("40", "404/BNG-NGVH-UNESCO")
    assert not number_matches("726/KH-UBND", None)


def test_years_and_agencies_are_kept():
    pq = parse_query("Sở Ngoại vụ phải làm gì đến năm 2025?")
    assert pq.years == [2025]
    assert pq.agencies == ["Sở Ngoại vụ"]
    assert pq.intent == "general"


@pytest.mark.parametrize(
    "question, intent",
    [
        ("Kế hoạch 173/KH-UBND được ban hành ngày nào?", "date"),
        ("ke hoach 726 ban hanh khi nao", "date"),
        ("Ai ký kế hoạch của Cao Bằng?", "signer"),
        ("Kế hoạch 726/KH-UBND thuộc lĩnh vực gì?", "field"),
        ("Cao Bằng xây dựng kế hoạch căn cứ vào quyết định nào của Thủ tướng?", "implements"),
        ("Kế hoạch của Cao Bằng có tầm nhìn đến năm nào?", "horizon"),
        ("Cơ quan nào ban hành Công văn 404?", "issuer"),
        ("Mục tiêu cụ thể của Cao Bằng là gì?", "general"),
    ],
)
def test_metadata_intents(question, intent):
    assert parse_query(question).intent == intent


def test_query_is_nfc_and_tone_normalised():
    decomposed = "Ke\u0302\u0301 hoa\u0323ch hoà bình"
    pq = parse_query(decomposed)
    assert pq.text == "Kế hoạch hòa bình"
    assert pq.accented and not parse_query("ke hoach").accented


def test_a_district_whose_name_is_also_a_word_is_still_read_as_a_district():
    from rag.find.places_named import local_place
    from rag.understand.names import parse_query

    assert local_place(parse_query("kh nam 2026 cua huyen van loc co bao nhieu hoat dong")) == "van loc"
    assert local_place(parse_query("huyen van ban nao")) is None


def test_the_kind_a_question_opens_with_is_the_text_asked_about():
    from rag.find.scope import named_kind

    assert named_kind("thong bao ket luan ve de an giao so ngoai vu viec gi") == "thong bao"
    assert named_kind("de an vhdn dan khe tong kinh phi bao nhieu") == "de an"
    assert named_kind("so ngoai vu phai trinh quy che phoi hop thuc hien de an truoc ngay nao") is None
    assert named_kind("ke hoach cua tinh co may muc tieu") is None


def test_a_ward_typed_without_diacritics_is_a_local_place_but_a_method_is_not():
    from rag.find.places_named import local_place
    from rag.understand.names import parse_query

    assert local_place(parse_query("ke hoach nam 2026 cua phuong hac sa co may hoat dong")) == "hac sa"
    assert local_place(parse_query("phuong an to chuc le hoi the nao")) is None
    # a commune by its kind, typed with marks or after its committee typed plainly ("xa xoi" is no commune)
    assert local_place(parse_query("Đoàn kiểm tra làm việc với xã Mai Lũng ngày nào?")) == "mai lung"
    assert local_place(parse_query("lich lam viec voi UBND xa Na Vai la ngay nao")) == "na vai"
    assert local_place(parse_query("duong den do xa xoi nhu the nao")) is None
    # a province whose name begins like a ward's kind, after its own kind: no ward
    assert local_place(parse_query("tinh phuong lam dung bao nhieu pano tuyen truyen")) is None


def test_a_plan_others_must_issue_is_no_plan_year_asked():
    from rag.find.scope import _PLAN_YEAR

    assert not _PLAN_YEAR.findall("ubnd cac xa phai ban hanh ke hoach nam 2027 truoc ngay nao")
    assert _PLAN_YEAR.findall("hoa binh ban hanh ke hoach thong tin doi ngoai nam 2024 so may") == ["2024"]
    assert _PLAN_YEAR.findall("ke hoach nam 2027 cua phuong hac sa co may hoat dong") == ["2027"]


def test_the_number_of_the_text_a_question_describes_is_its_own():
    """"Kế hoạch thực hiện Chiến lược … là kế hoạch số mấy": the plan the question describes, not one it implements."""
    assert parse_query("Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa của thành phố Lam Thổ là kế hoạch số mấy?"
                       ).intent == "number"
    assert parse_query("Kế hoạch này thực hiện quyết định số mấy?").intent == "implements"


def test_provinces_and_cities_of_a_region_are_no_unknown_province():
    from types import SimpleNamespace

    from rag.find.places_named import unknown_place
    from rag.understand.names import parse_query

    class Index:  # the store's own vocabulary: no pair of words "thanh phia"
        df: dict[str, int] = {}
        accents = SimpleNamespace(pairs={}, writes_name=lambda name: False)

    assert unknown_place(parse_query("co bao nhieu tinh thanh phia Nam tham gia lien hoan"), Index()) is None  # type: ignore[arg-type]


def test_a_capital_or_a_run_of_common_words_after_tinh_is_no_plan_year_nor_province():
    from rag.find.places_named import unknown_place
    from rag.find.scope import _PLAN_YEAR

    assert not _PLAN_YEAR.search("tong von giao ke hoach nam 2018 cho cac du an la bao nhieu")  # a year's capital
    assert _PLAN_YEAR.search("ke hoach nam 2018 cua tinh co bao nhieu nhiem vu")

    class Index:  # the store pairs "dự án" often: "ca von du an" is "cả vốn dự án", typed plainly
        df = {"du an": 5}
        places: dict[str, str] = {}
        accents = type("A", (), {"pairs": {}, "writes_name": lambda self, _: True})()

    assert unknown_place(parse_query("neu tinh ca von du an thi ty le giai ngan dat bao nhieu"), Index()) is None  # type: ignore[arg-type]
    Index.df = {}
    assert unknown_place(parse_query("neu tinh ca von du an thi ty le giai ngan dat bao nhieu"), Index())  # type: ignore[arg-type]
    Index.df, Index.places = {"hai son": 9}, {"nam hai son": "Nam Hải Sơn"}  # a pair of a stored place's name is a name
    assert unknown_place(parse_query("ke hoach cua tinh bac hai son giao so nao chu tri"), Index())  # type: ignore[arg-type]
