"""Questions as people type them (shorthand, no diacritics, yes/no frames, two places, follow-ups about a cited
document): each mechanism on text written for these tests, then end to end over the sample plans."""
from types import SimpleNamespace

import pytest

from rag.compose.citations import shorten_title
from rag.compose.plan_facts import _period_point, _recipients_point
from rag.compose.sections import following_items
from rag.dialogue.resolve import resolve
from rag.dialogue.state import Conversation, PlanRef
from rag.dialogue.turn import run_turn
from rag.understand import shorthand
from rag.understand.entities import tag
from rag.understand.named import find_entities
from rag.understand.question import without_question_words, without_request_frame
from rag.understand.terms import query_terms, split_units

# -- shorthand -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "written"), [
    ("kh 512 ai ky", "ke hoach 512 ai ky"),
    ("hp có kh về lễ hội k", "Hải Phòng có kế hoạch về lễ hội không"),
    ("so nv tth lam gi", "So Ngoai vu Thua Thien Hue lam gi"),
    ("qđ 99 do ai ký", "quyết định 99 do ai ký"),
    ("ko biet bng huong dan j", "khong biet Bo Ngoai giao huong dan gi"),
    ("kh cua dh nguyet ho", "ke hoach cua dai hoc nguyet ho"),
    ("Kế hoạch của ĐH Sương Nguyên", "Kế hoạch của đại học Sương Nguyên"),
    ("bo gd&dt di cung tlsq tai osaka", "Bo Giao duc va Dao tao di cung Tong Lanh su quan tai osaka"),
    ("ĐSQ Việt Nam và NXB nào", "Đại sứ quán Việt Nam và Nhà xuất bản nào"),
    ("hội nghị tổng kết TTĐN và công tác ĐNND", "hội nghị tổng kết thông tin đối ngoại và công tác đối ngoại nhân dân"),
])
def test_shorthand_is_written_out_in_the_questions_own_typing(typed, written):
    assert shorthand.expand(typed) == written


@pytest.mark.parametrize("untouched", [
    "Kế hoạch 512/KH-UBND của tỉnh", "Công văn 77/BNG-NGVH về lễ hội", "TP.HCM có lễ hội gì", "khánh thành",
    "ĐH Đảng bộ tỉnh lần thứ XX",  # a congress ("Đại hội"), not a university
])
def test_shorthand_never_touches_document_numbers_or_words(untouched):
    assert shorthand.expand(untouched) == untouched


# -- question words --------------------------------------------------------------------------------

def test_folded_content_syllables_that_look_like_stopwords_are_kept():
    terms = query_terms("le hoi dang bo tinh va noi dung thi truong")
    for term in ("hoi", "le hoi", "dang", "noi", "thi"):
        assert term in terms


@pytest.mark.parametrize(("question", "left"), [
    ("kế hoạch có nhắc tới lễ hội áo dài không", "kế hoạch lễ hội áo dài không"),
    ("ke hoach co de cap den du lich khong", "ke hoach du lich khong"),
    ("hai tỉnh đều nói về làng nghề đúng không", "hai tỉnh làng nghề"),
    ("Đại hội lần thứ mấy", "Đại hội"),
])
def test_mention_frames_and_ordinal_question_words_are_not_content(question, left):
    assert without_question_words(question) == left


@pytest.mark.parametrize(("question", "left"), [
    ("nói rõ hơn về làng nghề", "làng nghề"),
    ("giai thich them ve muc tieu", "muc tieu"),
    ("cho tôi biết kế hoạch 512 ai ký", "kế hoạch 512 ai ký"),
    ("nội dung chính là gì", "nội dung chính là gì"),
    ("nói rõ", "nói rõ"),
])
def test_a_request_to_say_more_is_dropped(question, left):
    assert without_request_frame(question) == left


# -- entities and titles ---------------------------------------------------------------------------

def test_congress_numbered_in_roman_numerals_is_a_number():
    numbers = [e.text for e in tag("Quán triệt Nghị quyết Đại hội Đảng XII và Đại hội IX; vi phạm") if e.kind == "number"]
    assert numbers == ["Đại hội Đảng XII", "Đại hội IX"]


def test_year_like_number_after_a_decision_is_a_document_number():
    kinds = {(e.kind, e.name) for e in find_entities("còn quyết định 2019 thì sao?")}
    assert ("number", "2019") in kinds and not any(k == "year" for k, _ in kinds)
    assert ("year", "2019") in {(e.kind, e.name) for e in find_entities("kế hoạch 2019 của tỉnh")}


def test_shortened_title_keeps_its_closing_years():
    title = "Kế hoạch hành động của tỉnh Bình Định thực hiện chương trình quảng bá văn hóa biển đảo đến năm 2025"
    short = shorten_title(title, 80)
    assert short.endswith("đến năm 2025") and len(short) <= 80 and "…" in short
    assert shorten_title("Kế hoạch ngắn đến năm 2030", 80) == "Kế hoạch ngắn đến năm 2030"


# -- plan facts and passages -----------------------------------------------------------------------

def _plan(title, horizon, *texts):
    meta = SimpleNamespace(title=title, horizon=horizon, number="9/KH-UBND", doc_type="Kế hoạch",
                           issuer="UBND tỉnh Thử", source_kind="plan")
    chunks = [SimpleNamespace(text=t, plan_id="p", seq=i, section=None) for i, t in enumerate(texts)]
    return SimpleNamespace(id="p", meta=meta), chunks


def test_period_is_the_plans_own_range_not_any_range_ending_that_year():
    plan, chunks = _plan("Kế hoạch văn hóa", [2030], "Gắn với chiến lược 10 năm 2021 - 2030 của cả nước.")
    assert _period_point(plan, chunks) is None
    plan, chunks = _plan("Kế hoạch văn hóa", [2030], "Kế hoạch áp dụng cho giai đoạn 2024 - 2030 trên địa bàn.")
    assert "2024 - 2030" in _period_point(plan, chunks).text
    plan, chunks = _plan("Kế hoạch văn hóa", [2025, 2030], "Kế hoạch áp dụng cho giai đoạn 2021 - 2030.")
    assert _period_point(plan, chunks) is None  # "đến năm 2025, tầm nhìn đến năm 2030" says more


def _candidate(text, chunks):
    unit = next(u for u in split_units(chunks[0].text) if text in u.text)
    index = SimpleNamespace(chunks=lambda plan_id: chunks)
    return SimpleNamespace(chunk=chunks[0], unit=unit, body=unit.text), index


def test_a_sentence_announcing_a_list_is_answered_by_its_items():
    chunks = [SimpleNamespace(plan_id="p", seq=0, section=None, text=(
        "Sở Văn hóa đề nghị các huyện ưu tiên các nhiệm vụ, cụ thể như sau:\n"
        "- Khôi phục các lễ hội truyền thống của đồng bào vùng cao.\n"
        "- Đào tạo nghệ nhân trẻ cho các làng nghề gốm.")),
        SimpleNamespace(plan_id="p", seq=1, section=None, text=(
            "- Xây dựng bản đồ số các di tích của tỉnh.\nNguồn: Sở Văn hóa tỉnh."))]
    cand, index = _candidate("cụ thể như sau", chunks)
    items = [p.text for p in following_items(cand, index)]
    assert items == ["Khôi phục các lễ hội truyền thống của đồng bào vùng cao.",
                     "Đào tạo nghệ nhân trẻ cho các làng nghề gốm.", "Xây dựng bản đồ số các di tích của tỉnh."]


def test_a_document_outline_after_its_opening_sentence_is_no_list():
    chunks = [SimpleNamespace(plan_id="p", seq=0, section=None, text=(
        "Ủy ban nhân dân tỉnh xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Mục đích\n- Quảng bá văn hóa tỉnh."))]
    cand, index = _candidate("như sau", chunks)
    assert following_items(cand, index) == []


# -- follow-ups about a cited document ---------------------------------------------------------------

PLAN = PlanRef("9-kh", "9/KH-UBND", "Kế hoạch", "UBND tỉnh Bình Định", "Bình Định", 2023)


def test_bare_follow_up_after_a_question_about_a_cited_document_asks_about_that_document():
    ctx = Conversation(question="Quyết định 88 phê duyệt gì?", plans=[PLAN], provinces=["Bình Định"],
                       numbers=["88"], documents=["Quyết định 88/QĐ-TTg"], found=True)
    assert ctx.asked_document == "Quyết định 88/QĐ-TTg"
    res = resolve("ai ký?", ctx)
    assert res.question_understood == "Quyết định 88/QĐ-TTg ai ký?" and not res.names_plan
    plain = Conversation(question="Kế hoạch 9 ban hành ngày nào?", plans=[PLAN], numbers=["9"],
                         documents=["Quyết định 88/QĐ-TTg"], found=True)
    assert plain.asked_document is None  # the question named the plan itself


def test_ellipsis_with_another_kind_of_document_swaps_the_kind_too():
    ctx = Conversation(question="Về việc gì trong Chỉ thị 31/CT-TTg?", plans=[PLAN], numbers=["31/CT-TTg"],
                       documents=["Chỉ thị 31/CT-TTg"], found=True)
    res = resolve("còn quyết định 2019?", ctx)
    assert res.question_understood == "Về việc gì trong quyết định 2019?"


# -- end to end over the sample plans -----------------------------------------------------------------

def test_shorthand_and_mention_frames_over_the_samples(sample_services):
    answer = sample_services.ask("kh cua hue co nhac toi unesco k")
    assert answer.found and "UNESCO" in answer.answer
    assert answer.citations[0].source == "000_239ee8307a17dc05.txt"


def test_one_fact_of_two_named_places(sample_services):
    answer = sample_services.ask("kế hoạch của Huế và Cao Bằng cái nào ban hành trước")
    assert "28/4/2022" in answer.answer and "29/03/2022" in answer.answer  # each as its page writes it
    assert {c.source for c in answer.citations} == {"000_239ee8307a17dc05.txt", "001_32f94a6958947b77.txt"}


def test_list_announced_by_the_guidance_is_answered_by_its_items(sample_services):
    answer = sample_services.ask("BNG đề nghị các bộ ngành ưu tiên những nhiệm vụ nào")
    assert "Bám sát" in answer.answer and "cụ thể như sau" not in answer.answer


def test_chat_about_a_cited_decision(sample_services):
    ctx, out = Conversation(), []
    for turn in ["Quyết định 2013 phê duyệt chiến lược gì?", "ai ký?", "cách làm bánh chưng?"]:
        turn_ = run_turn(sample_services.ask, turn, ctx)
        answer, _, ctx = turn_.answer, turn_.resolution, turn_.context
        out.append(answer)
    assert "Phạm Bình Minh" in out[1].answer
    assert not out[2].found and not out[2].citations


def test_a_foreign_place_the_passages_do_not_name_is_not_answered():
    from rag.decide.places import names_foreign_places

    passage = "Tỉnh tổ chức Ngày Văn hóa tại Vân Nam (Trung Quốc) và các địa phương kết nghĩa."
    assert names_foreign_places("Tỉnh tổ chức Ngày Văn hóa ở Trung Quốc không?", [passage])
    assert names_foreign_places("tinh to chuc ngay van hoa o trung quoc khong", [passage])
    assert not names_foreign_places("Tỉnh có tổ chức Ngày Văn hóa tại Pháp không?", [passage])


def test_yes_no_question_about_an_unnamed_country_and_who_leads_are_refused(sample_services):
    answer = sample_services.ask("Cao Bằng có tổ chức Ngày Văn hóa Việt Nam tại Nhật Bản không?")
    assert not answer.found and not answer.citations
    answer = sample_services.ask("Việc quảng bá hình ảnh Chủ tịch Hồ Chí Minh ở Huế do sở nào chủ trì?")
    assert not answer.found and not answer.citations
    answer = sample_services.ask("Cao Bằng tổ chức Ngày Văn hóa Việt Nam ở Trung Quốc không?")
    assert answer.found and "Quảng Tây" in answer.answer


def test_the_shown_clause_follows_the_asked_words_not_the_plans_name_for_itself():
    from rag.compose.display import display

    body = ("Kế hoạch triển khai các giải pháp đối với các nội dung: tăng cường tham mưu chính sách cho tỉnh; "
            "củng cố cơ chế phối hợp giữa các sở; bổ sung nguồn lực cho hoạt động văn hóa; gắn kết văn hóa với kinh "
            "tế, chính trị và đối ngoại của địa phương; gắn kết với kiều bào Bình Định ở nước ngoài; "
            "tăng cường công tác thông tin, tuyên truyền trên báo chí.")
    cand = SimpleNamespace(body=body, answer_spans=[])
    shown = display(cand, "kế hoạch có nói gì về kiều bào ở nước ngoài không", lambda t: 1.0, 120)
    assert "kiều bào Bình Định ở nước ngoài" in shown


@pytest.mark.parametrize("question", ["kế hoạch kéo dài đến năm bao nhiêu", "ke hoach toi nam may"])
def test_until_which_year_asks_for_the_horizon(question):
    from rag.understand.question import analyze

    q = analyze(question)
    assert q.pq.intent == "horizon" and q.answer_type == "period"


def test_a_news_page_is_not_an_article_about_itself():
    from rag.compose.facts import fact_sentence

    meta = SimpleNamespace(title="Tỉnh Bình Định ban hành kế hoạch văn hóa đối ngoại", number=None, doc_type=None,
                           source_kind="news", issuer=None, date=None, published="2019-05-02")
    text, _ = fact_sentence("date", meta)
    assert text == ("Văn bản không ghi ngày ban hành; bài viết “Tỉnh Bình Định ban hành kế hoạch văn hóa đối "
                    "ngoại” được đăng ngày 02/5/2019.")
    assert fact_sentence("published", meta)[0].startswith("Bài viết “Tỉnh Bình Định")


def test_a_year_picks_among_one_places_plans(sample_services):
    answer = sample_services.ask("kế hoạch ngoại giao văn hóa của Hải Phòng năm 2014 đặt mục tiêu tới năm mấy?")
    assert "2020" in answer.answer and answer.citations[0].source == "004_35f3d52366773844.txt"


def test_the_askers_judgement_is_no_content():
    assert without_question_words("tỉnh có lễ hội gì nổi bật") == "tỉnh có lễ hội gì"
    assert without_question_words("hoat dong tieu bieu nhat la gi") == "hoat dong la gi"


def test_qualified_and_counting_questions_over_the_samples(sample_services):
    answer = sample_services.ask("Hải Phòng có lễ hội nào tiêu biểu?")
    assert answer.found and "Hoa Phượng Đỏ" in answer.answer
    answer = sample_services.ask("Huế tổ chức bao nhiêu hội chợ mỗi năm?")  # no plan states a number of fairs
    assert not answer.found and not answer.citations


def test_whom_a_text_is_addressed_to_is_its_kinh_gui_block():
    plan, chunks = _plan("Báo cáo 6 tháng", [], "Số: 9/BC-UBND\nKính gửi:\n- Bộ Ngoại giao;\n- Bộ Văn hóa, Thể thao và Du lịch.\n\n"
                         "Thực hiện Kế hoạch số 5/KH-UBND, tỉnh báo cáo như sau:")
    point = _recipients_point(plan, chunks)
    assert point is not None and "Bộ Ngoại giao; Bộ Văn hóa, Thể thao và Du lịch" in point.text
    plan, chunks = _plan("Công văn", [], "Kính gửi: Sở Ngoại vụ; Sở Tài chính.\nThực hiện chỉ đạo của Ủy ban nhân dân tỉnh …")
    assert "Sở Ngoại vụ; Sở Tài chính" in _recipients_point(plan, chunks).text
    assert _recipients_point(*_plan("Kế hoạch", [], "Không có dòng gửi nào.")) is None


def test_to_whom_a_text_is_sent_is_its_own_fact():
    from ground import vi
    from rag.understand.names import fact_asked

    assert fact_asked(vi.collapse("Báo cáo 9 kính gửi những cơ quan nào?")) == "recipients"
    assert fact_asked(vi.collapse("Công văn được gửi tới những đơn vị nào?")) == "recipients"
    assert fact_asked(vi.collapse("Báo cáo đó gửi cho những ai?")) == "recipients"
    assert fact_asked(vi.collapse("báo cáo gửi Sở Ngoại vụ trước ngày nào?")) != "recipients"


def test_officials_initials_for_a_head_and_a_department_are_written_out():
    assert shorthand.expand("GĐ SCT Hưng Yên nói gì?") == "Giám đốc Sở Công Thương Hưng Yên nói gì?"
    assert shorthand.expand("PGĐ SKHĐT là ai?") == "Phó Giám đốc Sở Kế hoạch và Đầu tư là ai?"
    assert shorthand.expand("gd so vhttdl") == "gd So Van hoa, The thao va Du lich"  # plain "gd": not read as a head
