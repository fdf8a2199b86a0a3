"""Reading a question in parts and checking what each part asks (pure functions, no store): a clause closed by
"gì"/"nào" before a join asks a thing of its own; "PCT UBND tỉnh nào" asks a person; "việt nam - lao" typed plainly
names Lào; a count is answered by a line counting that thing, spelled out or not; a holder asked of a long name."""
from __future__ import annotations

import pytest

from rag.decide.counts import counts as _counts
from rag.decide.grounds import _ASKS_HOLDER
from rag.understand import entities
from rag.understand.entities import foreign_places
from rag.understand.question import analyze, as_typed


def _parts(question: str) -> list[tuple[str, str]]:
    return [(p.answer_type, p.intent) for p in analyze(as_typed(question)).parts]


def test_a_clause_closed_by_a_question_word_before_a_join_is_a_part_of_its_own():
    assert _parts("Quyết định 618/QĐ-UBND của tỉnh Lạc Khê thành lập ban gì và do ai ký?") == [
        ("content", "general"), ("person", "signer")]
    assert _parts("Kế hoạch có những nhiệm vụ nào, ai ký?")[1] == ("person", "signer")
    # a "gì" ending the question after another part stays with it: "… ngày nào và về lĩnh vực gì?"
    assert len(_parts("Kế hoạch 17 ban hành ngày nào và về lĩnh vực gì?")) == 1
    # a "nào" that does not close a clause before a join stays one question
    assert len(_parts("Sở nào và đơn vị nào phối hợp?")) == 1


@pytest.mark.parametrize("question", [
    "Hội nghị sơ kết diễn ra ngày nào, PCT UBND tỉnh nào phát biểu?",
    "Phó Chủ tịch UBND tỉnh nào chủ trì hội nghị?",
    "Đại sứ nước nào dự lễ khai mạc?",
])
def test_a_holder_of_an_office_then_which_body_asks_a_person(question):
    assert _parts(question)[-1][0] == "person"


def test_a_partner_country_typed_plainly_after_viet_nam_is_named():
    assert [e.name for e in foreign_places("hoi huu nghi viet nam - lao co khong")] == ["Lào"]
    assert [e.name for e in foreign_places("hoi viet - nga tinh lam khe")] == ["Nga"]
    assert foreign_places("lao dong viet nam") == []  # a plain word elsewhere is none


def test_a_count_spelled_out_counts():
    assert _counts("vận hành mô hình chính quyền địa phương hai cấp", "cap")
    assert not _counts("vận hành mô hình chính quyền địa phương các cấp", "cap")


def test_a_holder_asked_of_a_long_hyphenated_name():
    assert _ASKS_HOLDER.search("chu tich hoi huu nghi viet nam - lien bang nga tinh lam khe nam 2019 la ai")


def test_a_span_of_days_asked_is_an_events_not_a_documents_date():
    from rag.understand.names import fact_asked

    assert fact_asked("tu ngay nao den ngay nao") == "general"
    assert fact_asked("ke hoach 112 ban hanh ngay nao") == "date"


@pytest.mark.parametrize(("question", "telling"), [
    ("Báo cáo tại Đại hội II Hội Hữu nghị Việt Nam - Ô-xtrây-li-a tổng kết nhiệm kỳ nào?", ["hoi", "huu", "nghi"]),
    ("chi cho le khai mac lien hoan phu sa het bao nhieu", ["phu"]),
    ("hoi nghi trien khai kl 57 truyen hinh toi bao nhieu diem cau", ["trien", "khai"]),
])
def test_an_events_telling_words_leave_out_its_edition_shorthand_and_verbs(question, telling):
    from rag.decide.events import event_named

    named = event_named(question)
    assert named is not None and named[1] == telling


def test_an_amending_decisions_first_article_names_the_document_it_amends():
    from rag.compose.plan_facts import _AMENDED_HERE, _AMENDS

    assert _AMENDS.search("quyet dinh 1642/qd-ubnd sua doi ke hoach nao")
    m = _AMENDED_HERE.search("Điều 1. Sửa đổi, bổ sung một số nội dung của Kế hoạch số 18/KH-UBND ngày 20/01/2028 của "
                             "Ủy ban nhân dân tỉnh về thực hiện Chiến lược")
    assert m and m.group(2) == "Kế hoạch số 18/KH-UBND ngày 20/01/2028"


def test_a_deadline_asked_is_no_documents_date():
    from rag.understand.names import fact_asked

    assert fact_asked("cac dang uy truc thuoc tinh uy truoc ngay nao") == "general"


def test_a_holder_is_named_after_a_run_of_titles_and_not_by_an_office_alone():
    from ground import vi
    from rag.decide.holders import holder_named, office_asked

    asked = "Phó Thủ tướng nào dự Đại hội Hội hữu nghị Việt Nam - Lào?"
    office = office_asked(vi.collapse(asked))
    assert office == (True, "thu tuong")
    chain = ("Tham dự có Phó Thủ tướng Chính phủ, Ủy viên Ban Chấp hành Trung ương Đảng, Chủ tịch Ủy ban chỉ đạo "
             "hợp tác song phương Việt - Lào Đinh Quang Hưng; Chủ tịch Liên hiệp các tổ chức hữu nghị Lê Văn Tám.")
    assert holder_named(office, chain, asked)
    assert not holder_named(office, "Phó Thủ tướng giao Bộ Ngoại giao chủ trì tổ chức Đại hội.", asked)
    # "Phó Bí thư … là ai" across ten words is an office asked
    assert office_asked("pho bi thu dang uy khoi cac co quan tinh tram giang la ai") == (True, "bi thu")


def test_two_counts_stay_one_question_and_a_span_asked_is_no_documents_date():
    from ground import vi
    from rag.understand import entities
    from rag.understand.names import fact_asked

    # two things counted are two parts, each answered only by a line with a figure of its own thing (counts.counted_in:
    # a part that found any line of its words, "gồm bao nhiêu chương, bao nhiêu điều", showed a wrong one)
    assert len(_parts("Triển lãm trưng bày bao nhiêu bức ảnh và gần bao nhiêu bức tranh?")) == 2
    assert fact_asked(vi.collapse("cao điểm tuyên truyền từ khi nào đến khi nào")) == "general"
    # a day written with a dot ("Ngày 21.6"), a month of a year ("hết tháng 9.2022") date a line
    assert [e.text for e in entities.tag("(BĐ) - Ngày 21.6, Ban Tuyên giáo ban hành Hướng dẫn") if e.kind == "date"] \
        == ["Ngày 21.6"]
    assert [e.text for e in entities.tag("đến hết tháng 9.2022") if e.kind == "date"] == ["tháng 9.2022"]


def test_a_long_line_listing_the_things_asked_is_shown_from_its_label():
    from types import SimpleNamespace

    from rag.compose.display import display

    body = ("Phó Thủ tướng giao Bộ Ngoại giao chủ trì. Các bộ: Công an, Tài chính, Giáo dục và Đào tạo, Văn hóa, Thể thao "
            "và Du lịch; UBND các tỉnh; Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam, theo chức "
            "năng, nhiệm vụ, phối hợp với Bộ Ngoại giao triển khai các hoạt động kỷ niệm Ngày Tôn vinh tiếng Việt năm 2027, "
            "gửi báo cáo kết quả thực hiện về Bộ Ngoại giao trước ngày 01/12/2027 để tổng hợp, báo cáo Thủ tướng.")
    shown = display(SimpleNamespace(body=body, answer_spans=[]), "Những bộ nào phối hợp với Bộ Ngoại giao?", lambda t: 1.0)
    assert shown.startswith("Các bộ: Công an, Tài chính")


def test_a_line_shown_for_the_first_part_that_states_the_later_value_answers_it_too():
    from rag.compose.citations import Point
    from rag.compose.shared_lines import answered_before
    from rag.understand.question import analyze

    line = ("Nhân dịp Tết, Ban Tổ chức tổ chức chương trình “Gặp gỡ kiều bào 2027” với chủ đề \"Quê hương trong tim\" "
            "vào ngày 14/2/2027 tại Nhà hát Lớn.")
    shown = Point(line[:90] + "…", None, line, 1.0)
    first, later = analyze("Gặp gỡ kiều bào 2027 có chủ đề gì và diễn ra ngày nào?").parts
    assert answered_before(later, [shown]) is shown and shown.text == line
    # a later part naming a thing of its own is asked on its own ("hạn đăng ký tham dự là ngày nào")
    own = analyze("Gặp gỡ kiều bào 2027 có chủ đề gì và hạn đăng ký tham dự là ngày nào?").parts[1]
    assert answered_before(own, [Point("…", None, line, 1.0)]) is None


def test_a_fact_asked_after_which_document_is_the_named_texts_own():
    from rag.understand.question import analyze

    q = analyze("Báo cáo 27/BC-SNgV trả lời công văn nào của Bộ Ngoại giao, ai ký?")
    assert [p.intent for p in q.parts] == ["general", "signer"] and q.parts[0].answer_type == "document"


def test_a_clause_of_its_own_verb_after_and_is_a_part_of_its_own():
    assert len(_parts("Đại sứ quán tổ chức chương trình ẩm thực ngày nào và hướng dẫn chế biến những món gì?")) == 2
    assert len(_parts("Kế hoạch 17 ban hành ngày nào và về lĩnh vực gì?")) == 1


def test_a_line_two_parts_show_in_different_windows_is_shown_once_whole():
    from rag.compose.citations import Point
    from rag.compose.shared_lines import merged
    line = ("Phát biểu tại Hội nghị xúc tiến ngày 21/10, Phó Chủ tịch UBND tỉnh Lam Giang Nguyễn Văn An nhấn mạnh "
            "quan hệ hợp tác.")
    first = Point("Phát biểu tại Hội nghị xúc tiến ngày 21/10…", None, line, 1.0)  # type: ignore[arg-type]
    points = [first]
    assert merged(Point("…Phó Chủ tịch UBND tỉnh Lam Giang Nguyễn Văn An nhấn mạnh…", None, line, 1.0), points)  # type: ignore[arg-type]
    assert points == [first] and first.text == line
    assert not merged(Point("Một dòng khác.", None, "Một dòng khác.", 1.0), points)  # type: ignore[arg-type]


def test_a_part_answered_by_a_line_without_a_value_of_its_kind_is_said_missing():
    from rag.decide.kinds import states_kind
    from rag.understand.question import analyze

    q = analyze("Hội nghị lần đầu của VUFO có bao nhiêu đại biểu, tổ chức ở tỉnh nào?")
    place = q.parts[1]
    assert not states_kind(place, "Đại sứ Nguyễn Phương Nga - Chủ tịch Liên hiệp - phát biểu bế mạc Hội nghị", q.text)
    assert states_kind(place, "Hội nghị được tổ chức tại tỉnh Lai Châu ngày 12/5.", q.text)
    q = analyze("Giải nhất cuộc thi viết năm 2023 bao nhiêu tiền, hạn nộp bài lúc nào?")
    deadline = q.parts[1]
    assert not states_kind(deadline, "Phát động Cuộc thi viết về biển, đảo năm 2023", q.text)
    assert states_kind(deadline, "Hạn nộp bài trước ngày 30/9/2023.", q.text)



def test_a_place_said_by_its_label_and_a_body_that_leads_are_values_of_their_kinds():
    from rag.decide.kinds import states_kind
    from rag.understand.question import analyze

    q = analyze("Hội nghị tổ chức ở đâu, ai chủ trì?")
    where, who = q.parts
    assert states_kind(where, "Địa điểm: Nhà văn hóa xã.", q.text)
    assert states_kind(where, "Hội nghị diễn ra ở hội trường lớn của Sở.", q.text)
    assert states_kind(who, "Sở Ngoại vụ chủ trì, phối hợp Sở Tài chính.", q.text)


def test_a_clause_asking_a_thing_no_type_names_then_another_is_two_parts():
    from rag.understand.question import split_parts

    assert split_parts("Công ty nào xuất khẩu lô nhãn đầu tiên đi Mỹ, và chọn giống nhãn nào?") == [
        "Công ty nào xuất khẩu lô nhãn đầu tiên đi Mỹ", "chọn giống nhãn nào"]
    assert len(split_parts("Giống nhãn nào được xuất khẩu sang Mỹ và Úc?")) == 1


def test_a_number_asked_of_a_kind_is_shown_with_the_document_of_that_kind_not_its_ground():
    from types import SimpleNamespace

    from rag.compose.display import display

    body = ("Theo đó, tại văn bản số 88/BCH-TM nêu rõ: Để ngăn chặn dịch bệnh lây lan qua biên giới, căn cứ khoản 3, điều "
            "17, Nghị định số 112/2014/NĐ-CP ngày 21/11/2014 của Chính phủ về quản lý cửa khẩu biên giới đất liền, Chỉ huy "
            "trưởng Bộ đội Biên phòng tỉnh Sa Khê ra quyết định tạm dừng hoạt động xuất, nhập cảnh qua các cửa khẩu phụ, lối "
            "mở trên tuyến biên giới từ 0 giờ ngày 30/1 cho đến khi có thông báo mới của cơ quan có thẩm quyền.")
    spans = [e for e in entities.tag(body) if e.kind == "document"]
    shown = display(SimpleNamespace(body=body, answer_spans=spans),
                    "BĐBP tạm dừng xuất nhập cảnh qua các cửa khẩu phụ, lối mở bằng văn bản số mấy?", lambda t: 1.0)
    assert "88/BCH-TM" in shown


def test_a_decree_asked_of_a_named_letter_is_another_document_than_the_letter():
    from rag.compose.cited import other_kind_asked

    # "Văn bản 195/BCH-TM căn cứ … nghị định nào?": the decree it rests on, not the letter itself
    assert other_kind_asked("van ban so 88/bch-tm can cu vao khoan dieu nao cua nghi dinh nao", ["88/BCH-TM"])
    assert not other_kind_asked("quyet dinh 12/qd-ubnd la quyet dinh nao", ["12/QĐ-UBND"])


def test_a_list_asked_of_a_noun_with_a_comma_in_it_is_shown_from_where_the_line_names_it():
    from types import SimpleNamespace

    from rag.compose.display import display

    body = ("Theo đó, tại văn bản số 88/BCH-TM nêu rõ: Để ngăn chặn dịch bệnh lây lan qua biên giới, căn cứ khoản 3, điều "
            "17, Nghị định số 112/2014/NĐ-CP ngày 21/11/2014, Chỉ huy trưởng Bộ đội Biên phòng tỉnh ra quyết định tạm dừng "
            "hoạt động xuất, nhập cảnh qua các cửa khẩu phụ, lối mở gồm Pa Cheo, Lũng Pô (huyện Bát Xát), Na Lốc (huyện "
            "Mường Khương) dọc tuyến biên giới kể từ 30/1.")
    shown = display(SimpleNamespace(body=body, answer_spans=[]),
                    "nhung cua khau phu, loi mo nao bi tam dung xuat nhap canh?", lambda t: 1.0)
    assert "Pa Cheo" in shown and "Na Lốc" in shown


def test_a_thing_asked_by_which_is_shown_with_the_name_after_it():
    from types import SimpleNamespace

    from rag.compose.display import display

    body = ("Theo đó, ông Lò Văn Sáng, sn 1981, ở khu phố 3, thị trấn Bãi Thơm, thuyền trưởng tàu cá KG-91234-TS là người "
            "cứu vớt 7 người dân trên biển kể lại, khi đang khai thác hải sản thì ông phát hiện 7 người nước ngoài trôi dạt "
            "trên biển tại khu vực bắc đảo, cách bờ khoảng 20 hải lý về hướng Tây.")
    shown = display(SimpleNamespace(body=body, answer_spans=[]), "Tàu cá nào cứu 7 người nước ngoài?", lambda t: 1.0)
    assert "KG-91234-TS" in shown


def test_a_prize_named_must_be_the_one_the_lines_name():
    from rag.decide.ranks import rank_unsaid

    first = "Thí sinh Lò Thị Mai giành giải Nhất Cuộc thi hùng biện tiếng Trung năm 2025"
    assert rank_unsaid("Ai đạt giải Nhì cuộc thi hùng biện?", first) == "thông tin về giải Nhì"
    assert rank_unsaid("Ai đạt giải Nhất cuộc thi hùng biện?", first) is None
    assert rank_unsaid("ai dat giai nhat cuoc thi?", first) is None
    assert rank_unsaid("Mức chiêu đãi đoàn hạng B?", "Chiêu đãi: Đoàn hạng A: 1.200.000 đồng/suất; Đoàn hạng B: 900.000") is None


def test_a_prize_asked_needs_a_line_naming_one():
    from rag.decide.ranks import prize_unsaid

    assert prize_unsaid("Đội trường Chuyên đạt giải gì?", "Đội thi đã chọn ra 3 đại diện bước tiếp vào vòng 2.")
    assert prize_unsaid("doi truong chuyen dat giai gi?", "Đội thi giành giải Ba toàn quốc.") is None


def test_an_office_asked_must_key_the_list_of_rates_shown():
    from rag.decide.ranks import office_key_unsaid

    phones = "Cước điện thoại (khoán theo tháng): Giám đốc 450.000 đồng; Phó Giám đốc 350.000 đồng; Trưởng phòng 200.000 đồng."
    assert office_key_unsaid("Kế toán trưởng được khoán cước điện thoại bao nhiêu?", phones) == "thông tin về Kế toán trưởng"
    assert office_key_unsaid("Phó Giám đốc được khoán cước điện thoại bao nhiêu?", phones) is None
    assert office_key_unsaid("Kế toán trưởng được khoán bao nhiêu?", "Khoán 300.000 đồng cho mỗi người.") is None


def test_who_signed_is_a_person_not_any_body_the_line_names():
    from rag.decide.grounds import _WHO_DID

    assert _WHO_DID.search("le hoi do ai to chuc") and not _WHO_DID.search("thu y dinh do ai ky")


def test_a_fee_asked_of_a_thing_the_lines_never_name_is_not_stated():
    from rag.decide.money import fee_of_unsaid

    passport = "Lệ phí cấp mới hộ chiếu là 200.000 đồng/quyển; cấp lại là 400.000 đồng/quyển."
    assert fee_of_unsaid("Lệ phí cấp giấy thông hành ở nước ngoài là bao nhiêu?", passport) == "lệ phí của giấy thông hành"
    assert fee_of_unsaid("le phi cap ho chieu la bao nhieu?", passport) is None
    # a budget ("kinh phí", "chi phí") is no fee of a thing named after it
    assert fee_of_unsaid("Tổng kinh phí của đoàn đi Croatia là bao nhiêu?", passport) is None
    assert fee_of_unsaid("Chi phí mỗi ca phẫu thuật là bao nhiêu?", passport) is None


def test_a_part_whose_only_words_are_the_chat_s_document_does_not_stand_alone():
    from rag.answerer import _without_label
    from rag.understand.question import stands_alone

    q = analyze("Ngày hội Văn hóa Lam Sa lần thứ 8 tổ chức khi nào, ở đâu trong Công văn 1542/VP-KGVX của Lam Sa?")
    assert [stands_alone(_without_label(p)) for p in q.parts] == [True, False]


def test_an_office_is_no_name_of_its_holder():
    from rag.decide.holders import names_person

    assert not names_person("Đại biểu quốc tế: Đại sứ, Tổng Lãnh sự hoặc đại diện; Phát biểu của Lãnh đạo Bộ Ngoại giao.")
    assert names_person("Phát biểu của Thứ trưởng Ngoại giao Lò Văn Khánh.")
    assert names_person("ông Furudate Seiki - Phó Tổng Lãnh sự Nhật Bản")


def test_a_day_asked_of_an_act_no_line_tells_is_not_stated():
    from rag.decide.events import unsaid_act

    memorial = "Sáng 14.2, tại làng Hà My, UBND thị xã tổ chức lễ tưởng niệm các nạn nhân."
    assert unsaid_act("Làng Hòa bình được khánh thành vào năm nào?", "date", memorial) == "thời gian khánh thành"
    assert unsaid_act("Nhà văn hóa được khánh thành ngày nào?", "date", "Ngày 2/9, khánh thành Nhà văn hóa.") is None
    assert unsaid_act("Làng Hòa bình được khánh thành ở đâu?", "place", memorial) is None
    assert unsaid_act("Hạn nộp hồ sơ được lùi đến ngày nào?", "date", "Hồ sơ gửi về Sở trước ngày 30/6.") is None


def test_a_cost_asked_is_a_sum_a_line_calls_a_cost():
    from rag.decide.money import cost_unsaid

    results = "Hội nghị Xúc tiến đầu tư ngày 18/9 thu hút 412 đại biểu; ký 14 biên bản với tổng vốn đầu tư 1,26 tỷ USD."
    assert cost_unsaid("Tổng kinh phí tổ chức Hội nghị Xúc tiến đầu tư là bao nhiêu?", results) == "kinh phí được hỏi"
    assert cost_unsaid("Tổng kinh phí tổ chức Hội nghị là bao nhiêu?", "Kinh phí tổ chức: 1.500 triệu đồng.") is None


def test_a_thing_s_window_keeps_the_value_asked_beside_it():
    from types import SimpleNamespace

    from rag.compose.display import display

    body = ("Dù không đưa ra những cam kết vào sáng qua 19.11, nhưng chuyến viếng thăm Di sản văn hóa thế giới Mỹ Sơn "
            "(xã Duy Phú, Duy Xuyên) của Tổng thống Ấn Độ Ram Nath Kovind cùng phu nhân và đoàn tùy tùng đã mở ra nhiều "
            "kỳ vọng về hợp tác bảo tồn, trùng tu các đền tháp Chăm trong thời gian tới giữa hai nước.")
    date = next(e for e in entities.tag(body) if e.kind == "date")
    shown = display(SimpleNamespace(body=body, answer_spans=[date]),
                    "Tổng thống Ấn Độ nào đến thăm Mỹ Sơn, vào sáng ngày nào?", lambda t: 1.0)
    assert date.text in shown
