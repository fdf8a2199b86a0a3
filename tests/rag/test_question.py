"""Question analysis, entity taggers, sentence scoring and composition, on text written for these tests."""
import pytest

from ground.links import Links
from ground.plans import PlanMeta
from rag.compose.display import around
from rag.compose.sections import list_points
from rag.find import sentences
from rag.understand import entities
from rag.understand.question import analyze, split_parts


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Ai ký văn bản này?", "person"),
        ("ai ky van ban nay", "person"),
        ("Cơ quan nào chủ trì lễ hội?", "agency"),
        ("co quan nao chu tri le hoi", "agency"),
        ("Hội chợ được tổ chức khi nào?", "date"),
        ("hoi cho duoc to chuc bao gio", "date"),
        ("Đoàn nghệ thuật sẽ biểu diễn ở đâu?", "place"),
        ("doan nghe thuat bieu dien o dau", "place"),
        ("Tỉnh hợp tác với nước nào?", "place"),
        ("Tỉnh đã gặp gỡ đại sứ quán những nước nào?", "place"),  # an embassy's country, not an ambassador
        ("Đại sứ nước nào phát biểu?", "person"),
        ("Có bao nhiêu đoàn khách dự kiến?", "number"),
        ("co may doan khach", "number"),
        ("Kế hoạch có số hiệu là gì?", "document"),
        ("Vì sao phải tăng cường quảng bá?", "purpose"),
        ("Việc quảng bá được làm như thế nào?", "manner"),
        ("Kế hoạch gồm những nhiệm vụ nào?", "list"),
        ("Chương trình nói về điều gì?", "content"),
    ],
)
def test_answer_type_with_and_without_diacritics(question, kind):
    assert analyze(question).answer_type == kind


def test_coordinated_question_splits_into_parts():
    parts = analyze("Văn bản được ban hành ngày nào và do ai ký?").parts
    assert [p.answer_type for p in parts] == ["date", "person"]
    assert [p.intent for p in parts] == ["date", "signer"]
    folded = split_parts("van ban so may, ban hanh ngay nao")
    assert len(folded) == 2


def test_two_yes_no_clauses_are_two_parts():
    assert split_parts("kh 12 co noi dung ve tap huan ko, va co noi dung ve bao chi nuoc ngoai ko") == [
        "kh 12 co noi dung ve tap huan ko", "co noi dung ve bao chi nuoc ngoai ko"]
    assert len(split_parts("Tỉnh có tổ chức tuần văn hóa ở Lào không?")) == 1


def test_a_yes_no_clause_closing_a_question_after_a_comma_is_a_part():
    assert split_parts("Hồ sơ dự thi gửi về địa chỉ nào, có gửi qua bưu điện được không?") == [
        "Hồ sơ dự thi gửi về địa chỉ nào", "có gửi qua bưu điện được không"]
    assert analyze("Hồ sơ dự thi gửi về địa chỉ nào?").answer_type == "place"
    # (a yes/no clause first is one question with what follows: "có … không, kinh phí bao nhiêu?")
    assert len(split_parts("Tỉnh có tổ chức tuần văn hóa ở Lào không, kinh phí bao nhiêu?")) == 1


def test_one_question_word_makes_one_part():
    assert len(analyze("Gắn kết văn hóa với kinh tế và du lịch như thế nào?").parts) == 1


def test_back_reference_and_asked_kind():
    parts = analyze("Kế hoạch căn cứ công văn nào, và công văn đó ban hành ngày nào?").parts
    assert parts[0].asked_kind == "Công văn" and parts[1].refers_back
    assert analyze("Nghị quyết 47 thực hiện kết luận nào, kết luận đó ngày nào?").parts[1].refers_back


@pytest.mark.parametrize(
    ("question", "ordinal", "noun"),
    [("Quan điểm đầu tiên là gì?", 1, "quan diem"), ("muc tieu thu hai la gi", 2, "muc tieu"),
     ("Nhiệm vụ cuối cùng là gì?", -1, "nhiem vu")],
)
def test_ordinals(question, ordinal, noun):
    q = analyze(question)
    assert (q.ordinal, q.ordinal_noun) == (ordinal, noun)


def test_part_reference():
    assert analyze("Phần III nói gì?").part_ref == ("phan", 3)
    assert analyze("phan 2 noi gi").part_ref == ("phan", 2)


def test_a_figure_of_what_is_still_in_force_is_no_question_of_standing():
    assert analyze("Kế hoạch 12/KH-UBND còn hiệu lực không?").standing == "in_force"
    assert analyze("tong gia tri cam ket vien tro con hieu luc den cuoi nam 2031 la bao nhieu").standing is None
    assert analyze("Bản ghi nhớ với thành phố Takaoka hết hiệu lực từ khi nào?").standing is None  # an agreement's term


def test_what_a_decision_ends_is_what_it_replaces():
    assert analyze("Quyết định 41/2027/QĐ-UBND làm hết hiệu lực văn bản nào?").standing == "replaces"
    assert analyze("QĐ 41 bãi bỏ quyết định nào?").standing == "replaces"
    assert analyze("Quyết định 41/2027/QĐ-UBND hết hiệu lực chưa?").standing == "in_force"


def test_catalog_filters():
    q = analyze("Những tỉnh nào ban hành kế hoạch theo Quyết định 99/QĐ-TTg trong năm 2021?")
    assert q.catalog is not None
    assert q.catalog.implements == ["99/QĐ-TTg"] and q.catalog.years == [2021]
    first = analyze("tinh nao ban hanh ke hoach som nhat")
    assert first.catalog.superlative == "earliest"
    count = analyze("Có bao nhiêu kế hoạch đến năm 2030?")
    assert count.catalog.count and count.catalog.horizon == 2030
    # partner provinces abroad a page names are no catalog of the store's provinces
    assert analyze("Theo các tin này, Sa Ngàn có quan hệ với những tỉnh nào của Lào và Campuchia?").catalog is None
    assert analyze("Những tỉnh nào của Việt Nam có kế hoạch ngoại giao văn hóa?").catalog is not None


def test_a_ministry_asked_for_its_documents_filters_the_catalog_by_issuer():
    q = analyze("Bộ Văn hóa, Thể thao và Du lịch có những quyết định nào về hợp tác, đối ngoại?")
    assert q.catalog is not None and q.catalog.issuers == ["Bộ Văn hóa, Thể thao và Du lịch"]
    assert q.catalog.doc_type == "Quyết định"
    assert q.catalog.topic == []  # "hợp tác, đối ngoại": one alternative is what every plan is about
    assert analyze("bo cong thuong co kh ttdn nao ko").pq.agencies == ["Bộ Công Thương"]
    assert analyze("Sở Ngoại vụ có nhiệm vụ gì?").catalog is None


def test_a_question_about_one_place_is_not_a_catalog_question():
    assert analyze("Hà Giang ban hành kế hoạch nào để thực hiện chỉ thị?").catalog is None


def test_entities_in_plan_text():
    text = ("Ngày 12/6/2023, Phó Chủ tịch Nguyễn Văn An đã ký Quyết định số 321/QĐ-UBND; tổ chức 3 đoàn "
            "sang tỉnh Vân Nam (Trung Quốc) giai đoạn 2024 - 2026; Sở Ngoại vụ chủ trì.")
    found = {(e.kind, e.text) for e in entities.tag(text)}
    assert ("date", "12/6/2023") in found
    assert ("person", "Nguyễn Văn An") in found
    assert ("document", "321/QĐ-UBND") in found
    assert ("number", "3 đoàn") in found
    assert ("place", "Trung Quốc") in found and ("place", "Vân Nam") in found
    assert ("period", "giai đoạn 2024 - 2026") in found
    assert ("agency", "Sở Ngoại vụ") in found


def test_glued_document_number_stops_before_the_next_word():
    assert [e.text for e in entities.documents("theo Quyết định số 55/QĐ-TTgngày 1/2/2015")] == ["55/QĐ-TTg"]
    assert [e.text for e in entities.documents("Chỉ thị 07-CT/TW của Ban Bí thư")] == ["07-CT/TW"]


class _Chunk:
    def __init__(self, text, section=None, plan_id="p", seq=0):
        self.text, self.section, self.plan_id, self.seq, self.id = text, section, plan_id, seq, f"{plan_id}:{seq}"


class _Hit:
    def __init__(self, chunk, dense=0.5):
        self.chunk, self.dense, self.score = chunk, dense, 1.0


class _Plan:  # a stored plan as answering reads it (rag.ports.StoredPlan)
    id = "ha-giang"
    meta = PlanMeta(title="Kế hoạch giao lưu văn hóa của tỉnh Hà Giang", issuer="UBND tỉnh Hà Giang",
                    province="Hà Giang")
    assignments: list = []
    links = Links()


def test_the_sentence_holding_the_asked_kind_wins():
    chunk = _Chunk("Tỉnh tăng cường giao lưu văn hóa với các địa phương của nước bạn trong nhiều lĩnh vực. "
                   "Tỉnh giao lưu văn hóa với tỉnh Vân Nam của Trung Quốc qua lễ hội mùa xuân.")
    ranked = sentences.rank("Hà Giang giao lưu văn hóa với địa phương nào của Trung Quốc?", "place",
                            [_Hit(chunk)], lambda t: 1.0, lambda pid: _Plan())
    assert "Vân Nam" in ranked[0].body


def test_a_date_question_prefers_the_dated_sentence():
    chunk = _Chunk("Hội chợ sách quốc tế là hoạt động trọng tâm của năm. Hội chợ sách quốc tế khai mạc ngày 5/9/2024 tại "
                   "trung tâm hội nghị tỉnh.")
    ranked = sentences.rank("Hội chợ sách quốc tế khai mạc khi nào?", "date", [_Hit(chunk)], lambda t: 1.0,
                            lambda pid: _Plan())
    assert "5/9/2024" in ranked[0].body



def test_a_year_dates_a_thing_asked_when_but_not_a_day_asked():
    chunk = _Chunk("Tỉnh đoàn thành lập câu lạc bộ quảng bá di sản với ít nhất 40 thành viên trong năm 2027.")
    when = sentences.rank("Tỉnh đoàn thành lập câu lạc bộ khi nào?", "date", [_Hit(chunk)], lambda t: 1.0,
                          lambda pid: _Plan())
    day = sentences.rank("Tỉnh đoàn phải thành lập câu lạc bộ trước ngày nào?", "date", [_Hit(chunk)],
                         lambda t: 1.0, lambda pid: _Plan())
    assert when[0].answer_spans and not day[0].answer_spans  # "trong năm 2027" says the year, not the day


def test_a_count_written_with_a_thousands_dot_states_the_thing_counted():
    chunk = _Chunk("Triển lãm sách giới thiệu khoảng 500 đầu sách với hơn 1.000 cuốn về văn hóa, lịch sử.")
    ranked = sentences.rank("Triển lãm sách có hơn bao nhiêu cuốn sách?", "number", [_Hit(chunk)], lambda t: 1.0,
                            lambda pid: _Plan())
    assert any(e.text.startswith("1.000") for e in ranked[0].answer_spans)

def test_a_window_never_cuts_the_answering_entity():
    body = ("Tổ chức các hoạt động giao lưu nghệ thuật, triển lãm ảnh, hội thảo chuyên đề, trình diễn ẩm thực, "
            "giới thiệu sản phẩm thủ công, quảng bá du lịch cộng đồng, đón đoàn nghệ nhân sang biểu diễn, "
            "phối hợp với tỉnh Vân Nam (Trung Quốc) tổ chức lễ hội biên giới hằng năm, và nhiều hoạt động khác nữa.")
    span = next(e for e in entities.tag(body) if e.text == "Vân Nam")
    shown = around(body, span, 120)
    assert "Vân Nam" in shown and len(shown) <= 125 and shown.startswith("…")


def test_list_answers_keep_the_list_and_ordinals_pick_one_item():
    chunk = _Chunk("1. Quan điểm\n- Quan điểm thứ nhất về vai trò của văn hóa trong quan hệ đối ngoại.\n"
                   "- Quan điểm thứ hai về huy động mọi nguồn lực xã hội tham gia.\n"
                   "- Quan điểm thứ ba về gắn kết văn hóa với kinh tế và du lịch.", section="I. QUAN ĐIỂM")
    whole = list_points(analyze("Các quan điểm là gì?"), [chunk])
    assert len(whole) == 3 and whole[0].text.startswith("Quan điểm thứ nhất")
    second = list_points(analyze("Quan điểm thứ hai là gì?"), [chunk])
    assert len(second) == 1 and "huy động" in second[0].text


def test_counting_items_reports_how_many_then_lists_them():
    chunk = _Chunk("- Mở rộng giao lưu nghệ thuật với các tỉnh bạn.\n- Đào tạo đội ngũ làm công tác đối ngoại.\n"
                   "- Xây dựng sản phẩm du lịch văn hóa đặc trưng.", section="II. MỤC TIÊU › 2. Mục tiêu cụ thể")
    points = list_points(analyze("Kế hoạch có mấy mục tiêu cụ thể?"), [chunk])
    assert points[0].text.startswith("Có 3 mục tiêu cụ thể: Mở rộng") and len(points) == 3


def test_a_document_number_is_not_a_year_of_the_catalog_filter():
    q = analyze("Có bao nhiêu văn bản thực hiện Quyết định 2013/QĐ-TTg?")
    assert q.catalog.count and q.catalog.years == [] and q.catalog.implements == ["2013/QĐ-TTg"]


def test_the_fake_plan_fits_the_seam():
    from rag.ports import StoredPlan

    assert isinstance(_Plan(), StoredPlan)


def test_a_foreign_place_typed_in_its_latin_spelling_or_inside_an_agency_name_is_read():
    from rag.decide.places import names_foreign_places
    from rag.understand.entities import foreign_places

    assert [e.name for e in foreign_places("Tỉnh ký thỏa thuận với bang nào của Australia?")] == ["Úc"]
    assert [e.name for e in foreign_places("Lao động ở Lào")] == ["Lào"]  # "Lao" in accented text is no place
    # "Bộ Văn hóa Ba Lan" is an agency and names Ba Lan: a passage about Belarus does not answer it
    asked = "Bộ VHTTDL hợp tác với Bộ Văn hóa Ba Lan giai đoạn nào?"
    assert not names_foreign_places(asked, ["Chương trình hợp tác văn hóa với Bộ Văn hóa Belarus giai đoạn 2024-2025."])
    assert names_foreign_places(asked, ["Chương trình hợp tác văn hóa với Ba Lan giai đoạn 2024-2025."])
    # a one-syllable alias is read with its tone marks: "ít nhất" names no Nhật, "tiếng Hàn" no Hàn Quốc
    japan = "Trường tiếp nhận bao nhiêu lưu học sinh Nhật Bản?"
    assert not names_foreign_places(japan, ["Tối thiểu 200 lưu học sinh, ít nhất 02 hoạt động trải nghiệm mỗi năm."])
    assert names_foreign_places(japan, ["Tiếp nhận 30 lưu học sinh Nhật theo thỏa thuận."])
    assert not names_foreign_places("Có lớp học nào với Hàn Quốc?", ["Mở lớp tiếng Hàn cho cán bộ."])
    drums = "Đoàn trống Nhật Bản nào tham gia Festival?"
    assert not names_foreign_places(drums, ["Festival lần thứ nhất ban hành 06 văn bản; người đăng: Phan Nhật Quang; "
                                            "cập nhật: 07/07/2027."])
    assert names_foreign_places(drums, ["Đoàn trống Nhật Bản Kodo tham gia."])


def test_a_yearly_month_is_a_date():
    from rag.understand import entities

    tagged = entities.tag("tổ chức gian hàng tại Hội chợ Du lịch quốc tế TP. Hồ Chí Minh vào tháng 9 hằng năm")
    assert ("date", "tháng 9 hằng năm") in [(e.kind, e.text) for e in tagged]


def test_a_date_of_an_event_is_not_the_document_s_date():
    from rag.understand.names import parse_query

    assert parse_query("Kế hoạch 173 ban hành ngày nào?").intent == "date"
    assert parse_query("kh do ky ngay nao").intent == "date"
    assert parse_query("Cụm thông tin đối ngoại khánh thành ngày nào?").intent == "general"
    assert parse_query("hoi nghi dien ra khi nao").intent == "general"


def test_a_city_abroad_is_a_foreign_place_and_a_look_alike_word_is_not():
    from rag.understand.entities import foreign_places

    assert [e.name for e in foreign_places("tuan van hoa tai seoul to chuc nam nao")] == ["Seoul"]
    assert [e.name for e in foreign_places("Hội chợ tại Thượng Hải")] == ["Thượng Hải"]
    assert foreign_places("ke hoach hai nam 2024 2025") == []  # "hai năm", not Hải Nam


def test_a_page_stamp_is_never_quoted():
    from rag.find.lines import quotable

    assert not quotable("Cập nhật lúc : Thứ Bảy, 19/07/2008 - 9:44 AM")
    assert quotable("Năm 2028: 8,1 tỷ đồng;") and not quotable("Số: 12/KH-UBND")


@pytest.mark.parametrize("question", ["Thứ trưởng nào ký Báo cáo 33/BC-BVHTTDL?", "Phó Thủ tướng nào đã ký Quyết định 5/QĐ-TTg?"])
def test_a_title_which_signed_asks_the_signer(question):
    from rag.understand.question import analyze

    q = analyze(question)
    assert q.pq.intent == "signer" and q.answer_type == "person"


def test_a_twinning_or_meeting_date_is_an_events_not_the_documents():
    from rag.understand.names import fact_asked

    assert fact_asked("thi tran a ket nghia voi tran b ngay nao") == "general"
    assert fact_asked("ke hoach ban hanh ngay nao") == "date"
    # the document a question reads from is not the thing it dates
    assert fact_asked("theo huong dan 28-hd/btgtw viet nam va lao thiet lap quan he ngoai giao ngay nao") == "general"
    assert fact_asked("theo ke hoach 12 ke hoach duoc ky ngay nao") == "date"


@pytest.mark.parametrize("question, intent", [("hạn khi nào?", "general"), ("bao giờ phát hành?", "general"),
                                              ("thời hạn nộp báo cáo năm là khi nào", "general"),
                                              ("Thông báo 12 ban hành khi nào?", "date"),
                                              ("kế hoạch với Hàn Quốc ký khi nào", "date")])
def test_a_deadline_or_a_release_date_is_the_texts_not_the_documents_own(question, intent):
    from ground import vi
    from rag.understand.names import fact_asked

    assert fact_asked(vi.collapse(question)) == intent


@pytest.mark.parametrize("question, thing", [("Cửa khẩu quốc tế nào nằm trên địa bàn xã A?", "cua khau quoc te"),
                                             ("Tỉnh có những hội hữu nghị thành viên nào?", "hoi huu nghi thanh vien"),
                                             ("Sở nào chủ trì?", None), ("hạn hoàn thành khi nào?", None),
                                             ("bằng những thứ tiếng nào?", None), ("cua khau nao o xa a", None),
                                             ("Người thân bị lừa thì gọi tổng đài nào?", "tong dai")])
def test_the_kind_of_thing_a_which_question_asks(question, thing):
    from rag.decide.grounds import asked_thing

    assert asked_thing(question) == thing


def test_a_news_lead_dates_its_event_with_the_time_of_day():
    from rag.understand.entities import tag

    assert [e.text for e in tag("Chiều 16/7, tại Hà Nội, hai bên làm việc") if e.kind == "date"] == ["Chiều 16/7"]
    assert [e.text for e in tag("Sáng 21-12, tại Hà Nội") if e.kind == "date"] == ["Sáng 21-12"]
    # "Sáng nay, 27/9, Hội nghị …": the day set off by commas
    assert [e.text for e in tag("(Dân trí) – Sáng nay, 27/9, Hội nghị đã khai mạc") if e.kind == "date"] == ["Sáng nay, 27/9"]


def test_words_typed_bare_that_only_look_like_question_words():
    from rag.decide.counts import counted_phrase
    from rag.understand.question import analyze

    # "nha may" is "nhà máy" (a plant), not "mấy" (how many): what is counted is the pay, not "alumin"s
    assert counted_phrase(analyze("cong nhan o nha may alumin Tan Rai duoc tra luong bao nhieu mot thang?")) != "alumin tan"
    # "tỉ số" (a match's score) and "dân số" ask figures, no document's number
    assert analyze("tran chung ket giai U13 ti so bao nhieu?").answer_type != "document"
    assert analyze("dan so bao nhieu nguoi?").answer_type != "document"
    assert analyze("Kế hoạch có số bao nhiêu?").answer_type == "document"


def test_what_a_decision_issues_is_a_part_of_its_own_beside_its_signer():
    from rag.understand.question import analyze

    q = analyze("Quyết định 45/2026/QĐ-TTg ban hành quy chế gì và do ai ký?")
    assert [(p.answer_type, p.intent) for p in q.parts] == [("issued", "issues"), ("person", "signer")]


def test_what_a_decision_approves_is_asked_like_what_it_issues():
    from rag.understand.question import analyze

    q = analyze("Quyết định 1300/QĐ-TTg phê duyệt quy hoạch gì và ban hành ngày nào?")
    assert [p.intent for p in q.parts] == ["issues", "date"]


def test_a_day_and_month_with_a_hyphen_is_a_date_but_a_span_of_days_is_not_one():
    from rag.understand.entities import tag

    assert [e.text for e in tag("Ngày 12-12, tại xã Tà Vân") if e.kind == "date"] == ["Ngày 12-12"]
    assert not [e for e in tag("ngày 12-15/3") if e.kind == "date" and e.text == "ngày 12-15"]


def test_an_agency_inside_a_document_number_is_no_agency_the_question_names():
    from rag.understand.names import parse_query

    assert parse_query("Kế hoạch 05/KH-SNgV có mấy nhiệm vụ?").agencies == []
    assert parse_query("Sở Ngoại vụ phải làm gì theo Kế hoạch 05/KH-SNgV?").agencies == ["Sở Ngoại vụ"]


def test_the_issuer_after_a_documents_number_names_the_document_not_the_question():
    from rag.understand.names import parse_query

    pq = parse_query("Kinh phí do ai chịu trong Quyết định 16/QĐ-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch?")
    assert pq.agencies == [] and "Bộ Văn hóa" not in pq.content
    assert parse_query("Bộ Văn hóa, Thể thao và Du lịch chịu kinh phí gì?").agencies == ["Bộ Văn hóa, Thể thao và Du lịch"]


def test_a_number_and_year_matches_the_full_number():
    from ground.numbers import same_number

    assert same_number("72/2015", "72/2015/NĐ-CP") and not same_number("72/2015", "72/2016/NĐ-CP")
    assert not same_number("2013/QĐ-TTg", "2013/QĐ-UBND")


def test_a_number_with_its_first_code_names_a_joint_number():
    from ground.numbers import same_number

    assert same_number("05/QCPH", "05/QCPH-SNgV-CAT-BCHBP") and not same_number("05/QCP", "05/QCPH-SNgV-CAT-BCHBP")
    assert not same_number("05/QCPH-SNgV", "05/QC-SNgV")


def test_other_latin_letters_fold_to_their_plain_letter():
    from ground import vi

    assert vi.fold("Wrocław, Łódź") == "wroclaw, lodz" and len(vi.fold_same_length("Wrocław")) == 7


@pytest.mark.parametrize("question, kind", [("họp báo hôm nào?", "date"), ("lồng ghép với những dịp nào", "list")])
def test_which_day_is_a_date(question, kind):
    from ground import vi
    from rag.understand.question import answer_type

    assert (answer_type(vi.collapse(question)) == "date") == (kind == "date")


def test_each_of_two_places_asked_is_a_comparison():
    from rag.understand.question import analyze

    assert analyze("Cao Bằng và Hà Tĩnh mỗi tỉnh đặt mục tiêu đón bao nhiêu khách quốc tế?").compare
    assert not analyze("Cao Bằng đặt mục tiêu đón bao nhiêu khách quốc tế mỗi năm?").compare


@pytest.mark.parametrize(("question", "types"), [
    ("tuan phim khai mac ngay nao o dau", ["date", "place"]),  # side by side, no "và": two things asked
    ("Kế hoạch 61/KH-UBND ban hành ngày nào và về việc gì?", ["date", "subject"]),
    ("Hướng dẫn năm 2020 mang số hiệu bao nhiêu?", ["document"]),  # one phrase, not two question words
    ("kết nghĩa với thôn nào bên Lào, ký ngày nào", ["place", "date"]),
])
def test_question_words_make_parts(question, types):
    assert [p.answer_type for p in analyze(question).parts] == types


def test_a_lead_dated_today_in_brackets_and_a_venue_after_tai_are_tagged():
    found = {(e.kind, e.text) for e in entities.tag(
        "VOV.VN - Chiều nay (14/5), tại Rạp Chiếu phim Quốc gia Lào ở Thủ đô Viêng Chăn đã diễn ra Lễ khai mạc.")}
    assert ("date", "Chiều nay (14/5)") in found
    assert any(k == "place" and t.startswith("Rạp Chiếu phim Quốc gia Lào") for k, t in found)
    assert not any(k == "place" and "Kế hoạch" in t for k, t in
                   {(e.kind, e.text) for e in entities.tag("tại Kế hoạch số 61/KH-UBND, tỉnh giao …")})


@pytest.mark.parametrize(("question", "kind"), [("Trường Đại học Mây Đảo phát biểu gì?", "content"),
                                                ("Bộ máy tổ chức thế nào?", "manner"), ("co may muc tieu", "number")])
def test_a_word_typed_with_diacritics_that_only_folds_to_may_asks_no_number(question, kind):
    assert analyze(question).answer_type == kind


@pytest.mark.parametrize(("question", "intents"), [
    ("Quyết định 83/2008 ban hành ngày nào và ban hành kèm theo cái gì?", ["date", "issues"]),
    ("Nghị định 185/2007/NĐ-CP ra ngày nào, quy định về điều gì?", ["date", "subject"]),
])
def test_what_a_decision_issues_or_a_decree_rules_on_is_a_part_of_its_own(question, intents):
    assert [p.intent for p in analyze(question).parts] == intents


def test_a_day_counted_from_an_event_is_when_a_text_takes_effect():
    found = {(e.kind, e.text) for e in entities.tag("Quyết định này có hiệu lực sau 15 ngày, kể từ ngày đăng Công báo.")}
    assert ("date", "sau 15 ngày, kể từ ngày đăng Công báo") in found


def test_a_year_inside_a_documents_number_is_no_year_asked():
    assert analyze("Quyết định 83/2008/QĐ-BVHTTDL có hiệu lực khi nào?").pq.years == []
    assert analyze("Kế hoạch năm 2028 của Sở Ngoại vụ số 15/KH-SNgV").pq.years == [2028]


@pytest.mark.parametrize(("question", "kind"), [
    ("Công ty du lịch của những địa phương Việt Nam nào tham dự lễ khai mạc?", "list"),
    ("nam 2027 co nhung le hoi van hoa viet nam nao o nuoc ngoai", "content"),
    ("Tuần văn hóa tổ chức vào năm nào?", "date"),
    ("ke hoach ban hanh nam nao", "date"),
])
def test_viet_nam_before_nao_is_the_country_not_a_year_asked(question, kind):
    """"Việt Nam nào" folds to "viet nam nao", whose last two syllables read "năm nào": the country ends a noun
    phrase that "nào" asks about, and no year is asked."""
    assert analyze(question).answer_type == kind


@pytest.mark.parametrize(("question", "agency"), [
    ("Tổng kinh phí năm 2028 của Sở VH&TT Vạn Xuân là bao nhiêu?", "Sở Văn hóa và Thể thao"),
    ("bo gd&dt kien nghi gi", "Bộ Giáo dục và Đào tạo"),
    ("Bộ TN&MT ban hành công văn nào?", "Bộ Tài nguyên và Môi trường"),
])
def test_an_acronym_written_with_ampersands_names_its_body(question, agency):
    from rag.understand.question import as_typed

    assert analyze(as_typed(question)).pq.agencies == [agency]


def test_truong_nao_asks_for_a_school_not_a_place():
    """"những trường nào sẽ giảng dạy …": schools are bodies with names, answered by a list of them, not by a
    place; "hội trường nào" is still a place."""
    assert analyze("Những trường nào sẽ giảng dạy nội dung ngoại giao văn hóa?").answer_type == "list"
    assert analyze("Hội nghị tổ chức tại hội trường nào?").answer_type == "place"


@pytest.mark.parametrize(("question", "kinds"), [
    # "vào ngày nào" is one question word: its "nào" before a comma asks nothing of its own; with "mấy giờ" after it,
    # one moment is asked, its day and its hour, which one line gives
    ("Liên hoan có hội thảo quốc tế vào ngày nào, mấy giờ?", ["time"]),
    ("Hội chợ khai mạc vào ngày nào, ở đâu?", ["date", "place"]),
])
def test_the_day_asked_is_one_part_and_the_hour_or_place_another(question, kinds):
    q = analyze(question)
    assert [p.answer_type for p in q.parts] == kinds
    assert all(p.intent == "general" for p in q.parts)  # an hour or an event's day is no document's date


def test_an_ordinal_spelt_out_and_a_name_after_the_office_s_body_are_entities():
    from rag.understand import entities

    tagged = [(e.kind, e.text) for e in entities.tag(
        "Phó Chủ tịch UBND tỉnh Hưng Yên Phạm Văn Nghiêm dự Đại hội lần thứ nhất, nhiệm kỳ 2025-2030")]
    assert ("person", "Phạm Văn Nghiêm") in tagged
    assert ("number", "lần thứ nhất") in tagged
    assert not [e for e in entities.tag("Ngày 1 - Thứ hai, 19/9/2026") if e.kind == "number" and "hai" in e.text]


def test_bodies_abbreviated_and_written_out_are_the_same_words():
    from rag.understand.terms import query_terms, unit_terms

    asked = set(query_terms("Đảng ủy HĐND tỉnh giao gì?"))
    assert {"hoi dong", "nhan dan"} <= asked and "hdnd" not in asked
    assert {"uy ban", "nhan dan"} <= unit_terms("UBND tỉnh giao Sở Ngoại vụ")


def test_a_party_resolution_named_by_its_shorthand_and_number():
    from rag.understand.names import parse_query

    assert parse_query("Ban Tuyên giáo được giao việc gì trong NQ 12?").bare_numbers == ["12"]
    assert parse_query("theo bc 27 thì sao").bare_numbers == ["27"]


def test_a_count_after_a_documents_kind_is_no_document_number():
    from rag.understand.names import parse_query

    assert parse_query("nhung co quan nao cham bao cao 2 ky lien tiep").bare_numbers == []


def test_a_plan_issued_by_a_decision_asked_its_number_asks_the_decisions_own():
    from rag.understand.names import parse_query

    pq = parse_query("Kế hoạch thực hiện Chiến lược của tỉnh Vân Lĩnh được ban hành theo quyết định số mấy?")
    assert pq.intent == "number"  # not the documents it implements
    assert parse_query("Kế hoạch này thực hiện quyết định số mấy?").intent == "implements"


def test_who_authenticates_a_consolidated_text_asks_its_signer():
    from rag.understand.names import parse_query

    assert parse_query("Ai xác thực văn bản hợp nhất về mức chi đối ngoại của tỉnh?").intent == "signer"


def test_the_fields_own_abbreviations_are_written_out():
    from rag.understand.shorthand import expand
    assert expand("Kế hoạch NVNONN của tỉnh căn cứ văn bản nào?") == \
        "Kế hoạch người Việt Nam ở nước ngoài của tỉnh căn cứ văn bản nào?"
    assert "hoi nhap quoc te" in expand("bc tong ket hnqt 5 nam")  # typed without tone marks, written out so
    assert expand("Phó Thủ tướng làm việc tại KCN nào?") == "Phó Thủ tướng làm việc tại khu công nghiệp nào?"


def test_counts_of_two_things_are_two_parts():
    from rag.understand.question import split_parts

    assert split_parts("Ban Chấp hành nhiệm kỳ 2018-2023 có bao nhiêu thành viên, hội có bao nhiêu hội viên chính thức?") == [
        "Ban Chấp hành nhiệm kỳ 2018-2023 có bao nhiêu thành viên", "hội có bao nhiêu hội viên chính thức"]
    assert split_parts("Hội có mấy chi hội và bao nhiêu hội viên?") == ["Hội có mấy chi hội", "bao nhiêu hội viên"]
    assert len(split_parts("Tổng kinh phí là bao nhiêu, bao nhiêu?")) == 1  # nothing counted: one question


def test_a_rank_asked_beside_a_source_of_money_asks_no_sum():
    from rag.decide.grounds import missing_asked
    from rag.understand.question import analyze

    q = analyze("Hàn Quốc đứng thứ mấy về viện trợ ODA của Việt Nam?")
    assert missing_asked(q, "Hàn Quốc đứng thứ 2 về viện trợ ODA và là đối tác thương mại lớn thứ 3.", set()) is None
    asked_sum = analyze("Hàn Quốc viện trợ ODA bao nhiêu?")
    assert missing_asked(asked_sum, "Hàn Quốc đứng thứ 2 về viện trợ ODA.", set()) is not None


def test_a_continent_asked_is_a_place_not_a_time():
    # "châu lục nào" holds "lục nào", which is not "lúc nào"
    assert analyze("Ngày hội văn hóa năm 2026 lần đầu tiên đến châu lục nào?").answer_type == "place"
    assert analyze("Lễ hội diễn ra lúc nào?").answer_type == "date"


def test_a_share_of_a_target_asked_counts_no_items():
    from rag.compose.sections import counted_items

    assert counted_items(analyze("Cả giai đoạn đạt bao nhiêu % mục tiêu?")) is None
    assert counted_items(analyze("dat bao nhieu phan tram muc tieu")) is None
    assert counted_items(analyze("Kế hoạch có mấy mục tiêu cụ thể?")) is not None


def test_a_heading_of_another_period_dates_its_lines():
    # "cả giai đoạn 2021-2025 …" is not answered under "VII. PHƯƠNG HƯỚNG GIAI ĐOẠN 2026–2030"
    assert sentences._other_spans("VII. PHƯƠNG HƯỚNG GIAI ĐOẠN 2026–2030 › 1. Mục tiêu", ["2021", "2025"]) == {"2026", "2030"}
    assert sentences._other_spans("II. NHIỆM VỤ GIAI ĐOẠN 2021 - 2030", ["2025"]) == set()
    assert sentences._other_spans("VII. PHƯƠNG HƯỚNG GIAI ĐOẠN 2026–2030", []) == set()


def test_where_a_file_is_handed_in_is_a_body():
    assert analyze("Muốn mời đoàn nghệ thuật nước ngoài thì nộp hồ sơ ở đâu?").answer_type == "agency"
    assert analyze("Lễ hội tổ chức ở đâu?").answer_type == "place"


def test_a_chats_closing_particle_is_no_word_of_what_is_asked():
    from rag.understand.names import parse_query

    assert parse_query("kh 12 ai ky vay").content == parse_query("kh 12 ai ky").content
    assert parse_query("Hạn nộp báo cáo khi nào nhỉ?").content == parse_query("Hạn nộp báo cáo khi nào").content


def test_people_a_plan_puts_to_work_are_counted():
    spans = [e.text for e in entities.tag("Bố trí 05 biên, phiên dịch tiếng Nhật và 50 đoàn viên tình nguyện.")
             if e.kind == "number"]
    assert spans[0] == "05 biên, phiên dịch" and spans[1].startswith("50 đoàn")


def test_a_period_asked_whole_is_not_its_two_bounding_years():
    from rag.find.firsts import WHOLE_SPAN

    assert WHOLE_SPAN.search(analyze("Tổng số sản phẩm cả giai đoạn 2026-2030 là bao nhiêu?").pq.folded)
    assert WHOLE_SPAN.search(analyze("tong kinh phi 2021 - 2025 bao nhieu").pq.folded)
    assert not WHOLE_SPAN.search(analyze("Khách quốc tế năm 2026 và năm 2030 là bao nhiêu?").pq.folded)


def test_an_airplane_asks_no_count():
    from rag.find.sentences import COUNTED
    from rag.understand.question import asking_fold

    assert not COUNTED.search(asking_fold("Chi phí vé máy bay của đoàn là bao nhiêu?").replace("bao nhieu", ""))
    assert COUNTED.search(asking_fold("Đoàn có mấy nghệ sĩ?")).group(1) == "nghe"


def test_chat_shorthand_for_the_people_counted_is_written_out():
    from rag.understand.question import as_typed

    assert as_typed("khoa tap huan co gv den tu bao nhieu nuoc") == "khoa tap huan co giao vien den tu bao nhieu nuoc"
    assert as_typed("Trường có bao nhiêu lhs Lào?") == "Trường có bao nhiêu lưu học sinh Lào?"
    assert as_typed("Chủ tịch Hội LHPN Lào là ai?") == "Chủ tịch Hội Liên hiệp Phụ nữ Lào là ai?"
    assert as_typed("Công văn số 12/GV-HS") == "Công văn số 12/GV-HS"  # a piece of a number stays


def test_when_a_thing_is_done_is_no_documents_date():
    from rag.understand.names import parse_query

    assert parse_query("Vào thời gian nào, kinh phí bao nhiêu trong Kế hoạch 38/KH-UBND?").intent == "general"
    assert parse_query("Kế hoạch 38/KH-UBND ban hành khi nào?").intent == "date"


def test_a_ground_asked_with_words_describing_it():
    parts = analyze("QĐ 1875/QĐ-UBND căn cứ kế hoạch thông tin đối ngoại số mấy, ngày nào?").parts
    assert (parts[0].intent, parts[0].asked_kind) == ("implements", "Kế hoạch")
    assert analyze("Thực hiện kế hoạch này có những nhiệm vụ gì?").parts[0].intent == "general"


def test_an_email_asked_is_asked_in_the_texts_words_too():
    from rag.understand.shorthand import expand
    assert expand("co gui qua email duoc khong") == "co gui qua thu dien tu (email) duoc khong"
    assert expand("E-mail của Sở là gì?") == "thư điện tử (email) của Sở là gì?"


def test_shorthand_of_foreign_affairs_reports_is_written_out():
    from rag.understand.shorthand import expand
    assert expand("bcd hoi nhap quoc te hop may lan") == "Ban Chi dao hoi nhap quoc te hop may lan"
    assert expand("xk sang Lào chủ yếu mặt hàng gì") == "xuất khẩu sang Lào chủ yếu mặt hàng gì"
    assert expand("to chuc pcp nuoc ngoai") == "to chuc phi chinh phu nuoc ngoai"


def test_a_bare_ky_beside_an_accented_code_is_signing():
    assert analyze("quyet dinh 2317/QĐ-BVHTTDL ai ky?").pq.intent == "signer"
    assert analyze("Đoàn Kỳ Lam bay đi ngày nào?").pq.intent == "general"  # "Kỳ" of a name is no "ký"


def test_an_item_named_by_its_number_is_no_field_of_the_last_point():
    from rag.dialogue.antecedents import item_followup
    assert item_followup("kinh phí bao nhiêu?")
    assert item_followup("ai làm trưởng đoàn, kinh phí bao nhiêu?")
    assert not item_followup("còn nhiệm vụ số 8 thì kinh phí bao nhiêu?")


def test_a_question_mark_ends_a_question_with_or_without_a_question_word():
    q = analyze("Số đoàn vào và số khách nước ngoài Lộc Điền đón trong năm 2027? Lượng khách tăng bao nhiêu phần trăm?")
    assert [p.answer_type for p in q.parts] == ["number", "number"]
    assert q.parts[0].text.startswith("Số đoàn vào")
    assert [p.answer_type for p in analyze("Sở Ngoại vụ Lộc Điền? Ai ký kế hoạch?").parts] != ["number", "person"]


def test_a_day_asked_of_a_document_the_texts_cite_is_no_catalog_question():
    asked = "Quyết định 2013/QĐ-TTg phê duyệt Chiến lược mà các văn bản viện dẫn được ban hành ngày nào?"
    assert analyze(asked).catalog is None
    assert analyze("Những văn bản nào thực hiện Quyết định 2013/QĐ-TTg?").catalog is not None



def test_two_counts_each_with_its_question_word_are_one_question_when_the_second_says_only_its_year():
    assert len(analyze("Năm 2029 Lộc Điền đặt chỉ tiêu đón bao nhiêu lượt khách quốc tế? Năm 2028 đón được bao nhiêu?").parts) == 1


def test_the_days_of_the_week_a_service_opens_are_no_documents_date():
    from rag.understand.names import parse_query

    assert parse_query("nhận hồ sơ những ngày nào trong tuần?").intent != "date"
    assert parse_query("kế hoạch ban hành ngày nào?").intent == "date"


def test_a_works_showing_or_handing_over_is_no_documents_date():
    from rag.understand.names import parse_query

    assert parse_query("phim Kim Quế công chiếu ngày nào?").intent != "date"
    assert parse_query("trường học bàn giao khi nào?").intent != "date"


def test_a_ships_number_is_no_documents():
    from rag.understand.question import analyze
    assert analyze("Tàu cảnh sát biển số hiệu bao nhiêu được điều ra cứu nạn?").pq.intent != "number"
    assert analyze("Quyết định này số hiệu là gì?").pq.intent == "number"
    # …nor the number of the ships it names ("số hiệu các tàu cá …"), whatever gate reads it
    from rag.decide.grounds import _ASKS_NUMBER
    ships = analyze("Số hiệu các tàu cá bị bắt tháng 4/2016 là gì?")
    assert ships.answer_type != "document" and not _ASKS_NUMBER.search(ships.pq.folded)


def test_a_fund_asked_is_no_quarter_asked():
    """"quỹ nào tài trợ" folds as "quý nào" does: typed with its marks it asks which fund, not when; "quý nào" and the
    bare "quy nao" still ask a quarter, and "quy chế" is no question word."""
    from rag.understand.question import analyze, as_typed

    assert analyze(as_typed("Dự án phục hồi cua đá do quỹ nào tài trợ?")).answer_type != "date"
    assert analyze(as_typed("Kế hoạch triển khai vào quý nào?")).answer_type == "date"
    assert analyze(as_typed("ke hoach trien khai vao quy nao")).answer_type == "date"
    assert analyze(as_typed("Quyết định ban hành quy chế gì?")).parts[0].intent == "issues"


def test_news_days_without_their_year_are_dates():
    """"từ 26/6 đến 17/12" (a run over two months) and "sáng qua 19.11" (a lead's yesterday) date what a page tells."""
    from rag.understand import entities

    assert [e.text for e in entities.tag("diễn ra từ 26/6 đến 17/12, với 1.600 đại biểu") if e.kind == "date"] \
        == ["từ 26/6 đến 17/12"]
    assert [e.text for e in entities.tag("Dù không đưa ra cam kết vào sáng qua 19.11, nhưng") if e.kind == "date"] \
        == ["sáng qua 19.11"]


def test_a_whole_day_named_is_read_as_a_date_that_may_be_a_texts_own():
    from rag.find.scope import days_named

    assert days_named(analyze("Ngày 22/4/2026 tỉnh Tường Ninh hội đàm với tỉnh nào?").pq.folded) == {"2026-04-22"}
    assert days_named(analyze("văn bản ngày 05 tháng 3 năm 2027 do ai ký?").pq.folded) == {"2027-03-05"}
    assert not days_named(analyze("Kế hoạch 22/KH-UBND năm 2026 do ai ký?").pq.folded)


def test_a_place_named_by_its_kind_shortened_is_a_place():
    """News pages shorten a place's kind: "TT.Như Quỳnh (H.Văn Lâm)"."""
    from rag.understand import entities

    places = [e.text for e in entities.tag("đến địa bàn TT.Như Quỳnh (H.Văn Lâm, Hưng Yên)") if e.kind == "place"]
    assert "Như Quỳnh" in places and "Văn Lâm" in places


def test_a_commune_asked_puts_the_line_naming_one_first():
    from types import SimpleNamespace

    from rag.find.units_named import unit_named_first

    def line(body, score):
        return SimpleNamespace(body=body, score=score)

    ranked = [line("Ông Kim Ho Sung tại lễ tạ lỗi ở Bình Định.", 7.2), line("Cựu binh trở lại Bình Định.", 7.0),
              line("Khi đó ông là lính đóng tại xã Phước Hòa, huyện Tuy Phước (Bình Định).", 6.8)]
    first = unit_named_first(ranked, "ong kim ho sung tung dong quan o xa nao cua binh dinh")  # type: ignore[arg-type]
    assert first[0].body.startswith("Khi đó ông")
    assert unit_named_first(ranked, "ong kim ho sung la ai") == ranked  # type: ignore[arg-type]
    # "địa phương nào" asks any place, no commune ("phường")
    assert unit_named_first(ranked, "tinh ky thoa thuan voi nhung dia phuong nao") == ranked  # type: ignore[arg-type]


def test_question_words_apart_only_by_a_comma_ask_two_parts():
    q = analyze("Hội nghị tổ chức ở đâu, ngày nào?")
    assert [p.answer_type for p in q.parts] == ["place", "date"]
    assert analyze("Từ đầu năm đến nay có bao nhiêu đoàn?").answer_type == "number"  # "từ đầu năm": since the year began


def test_a_school_year_picks_no_document_and_a_rate_counts_nothing():
    from ground import vi
    from rag.decide.counts import COUNTED_THING
    from rag.find.scope import _school_years

    assert _school_years(vi.collapse("Từ năm học 2025-2026 tỉnh cấp bao nhiêu suất học bổng?")) == {2025, 2026}
    assert _school_years(vi.collapse("Kế hoạch năm 2026 có bao nhiêu hoạt động?")) == set()
    assert COUNTED_THING.search("muc bao nhieu mot thang") is None  # "bao nhiêu một tháng": a rate, no "một"s counted
    assert COUNTED_THING.search("bao nhieu suat hoc bong").group(1) == "suat hoc"
