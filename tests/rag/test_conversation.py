"""Follow-up questions: each kind of resolution on hand-made contexts, then whole chats over the sample plans."""
import json
import re

import pytest

from rag.dialogue.resolve import resolve
from rag.dialogue.state import Conversation, PlanRef
from rag.dialogue.turn import run_turn
from rag.models import Answer, AnswerPoint, Citation
from rag.understand.named import find_entities
from rag.understand.names import parse_query
from tests.rag.conftest import texts_store

CAO_BANG = PlanRef("726-kh-ubnd-cao-bang", "726/KH-UBND", "Kế hoạch", "UBND tỉnh Cao Bằng", "Cao Bằng", 2022)
BNG = PlanRef("404-bng", "404/BNG-NGVH-UNESCO", "Công văn", "Bộ Ngoại giao", None, 2022)


def context(question, plans=(CAO_BANG,), provinces=None, points=()):
    provinces = provinces if provinces is not None else [p.province for p in plans if p.province]
    return Conversation(question=question, plans=list(plans), provinces=provinces, points=list(points), found=True)


# -- entities ------------------------------------------------------------------------------------

def test_entities_of_each_kind_with_their_spans():
    text = "Sở Ngoại vụ Cao Bằng hợp tác với Quảng Tây (Trung Quốc) theo Kế hoạch 726/KH-UBND năm 2022"
    found = {(e.kind, e.name): text[e.start:e.end] for e in find_entities(text)}
    assert found[("province", "Cao Bằng")] == "Cao Bằng"
    assert found[("foreign", "Quảng Tây")] == "Quảng Tây"
    assert found[("foreign", "Trung Quốc")] == "Trung Quốc"
    assert found[("number", "726/KH-UBND")] == "726/KH-UBND"
    assert found[("year", "2022")] == "năm 2022"


def test_short_country_names_that_are_also_words_need_a_capital():
    assert not [e for e in find_entities("ngành mỹ thuật và đức tính của cán bộ") if e.kind == "foreign"]
    assert [e.name for e in find_entities("còn Mỹ thì sao?")] == ["Hoa Kỳ"]
    assert [e.name for e in find_entities("con nhat ban thi sao")] == ["Nhật Bản"]


# -- resolution kinds ----------------------------------------------------------------------------

@pytest.mark.parametrize("turn", ["còn Huế thì sao?", "con hue thi sao", "thế còn Thừa Thiên Huế?", "Còn TT-Huế thì thế nào"])
def test_ellipsis_puts_the_new_province_in_the_old_ones_place(turn):
    ctx = context("Kế hoạch 726/KH-UBND của Cao Bằng ban hành ngày nào?")
    res = resolve(turn, ctx)
    assert res.rewritten and res.kind == "ellipsis"
    assert "Thừa Thiên Huế" in res.question_understood or "Thua Thien Hue" in res.question_understood
    assert "Cao Bằng" not in res.question_understood and "726" not in res.question_understood
    assert "ban hành ngày nào" in res.question_understood


def test_ellipsis_swaps_a_country_and_keeps_the_rest():
    ctx = context("Hải Phòng hợp tác hữu nghị với thành phố nào của Nhật Bản?", plans=[], provinces=["Hải Phòng"])
    res = resolve("còn Hàn Quốc thì sao?", ctx)
    assert res.question_understood == "Hải Phòng hợp tác hữu nghị với thành phố nào của Hàn Quốc?"


def test_ellipsis_swaps_an_agency():
    ctx = context("Sở Ngoại vụ có nhiệm vụ gì theo Kế hoạch 726/KH-UBND của Cao Bằng?")
    res = resolve("còn Sở Văn hóa, Thể thao và Du lịch thì sao?", ctx)
    assert "Sở Văn hóa, Thể thao và Du lịch" in res.question_understood
    assert "Sở Ngoại vụ" not in res.question_understood and "726/KH-UBND" in res.question_understood


def test_ellipsis_without_a_previous_question_is_refused_not_guessed():
    res = resolve("còn Lạng Sơn thì sao?", Conversation())
    assert res.unresolved


@pytest.mark.parametrize("turn,expected", [
    ("kế hoạch này có tầm nhìn đến năm nào?", "Kế hoạch 726/KH-UBND của Cao Bằng có tầm nhìn đến năm nào?"),
    ("văn bản trên do ai ký?", "Kế hoạch 726/KH-UBND của Cao Bằng do ai ký?"),
    ("giá vé tham quan ở đó là bao nhiêu?", "Giá vé tham quan ở Cao Bằng là bao nhiêu?"),
    ("ke hoach do thuc hien quyet dinh nao", "Ke hoach 726/KH-UBND cua Cao Bang thuc hien quyet dinh nao"),
])
def test_references_name_the_last_plan_or_place(turn, expected):
    res = resolve(turn, context("Kế hoạch của Cao Bằng do ai ký?"))
    assert res.rewritten and res.kind == "reference"
    assert res.question_understood == expected


def test_there_is_the_place_the_same_turn_names_before_it():
    res = resolve("Đoàn Cao Bằng gặp cộng đồng người Việt ở Kansai, ai là chủ tịch hội ở đó?",
                  context("Kế hoạch của Cao Bằng do ai ký?"))
    assert "ở đó" in res.question_understood and "ở Cao Bằng" not in res.question_understood


def test_the_document_the_same_turn_names_before_it():
    # a first question naming its document, then pointing at it: nothing to look up in the conversation
    asked = "Sa Ngàn có quyết định số 92 năm 2019 công bố thủ tục ngoại vụ, quyết định đó ban hành ngày nào?"
    res = resolve(asked, Conversation())
    assert not res.unresolved and "quyết định đó" in res.question_understood


def test_a_plan_without_province_is_named_by_number_and_issuer():
    res = resolve("văn bản đó ban hành ngày nào?", context("Công văn 404 ban hành ngày nào?", plans=[BNG], provinces=[]))
    assert res.question_understood == "Công văn 404/BNG-NGVH-UNESCO của Bộ Ngoại giao ban hành ngày nào?"


def test_a_reference_to_one_of_several_plans_is_refused():
    other = PlanRef("173-hue", "173/KH-UBND", "Kế hoạch", "UBND tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", 2022)
    ctx = context("Có những kế hoạch nào?", plans=[CAO_BANG, other])
    assert resolve("kế hoạch đó do ai ký?", ctx).unresolved
    assert resolve("ai ký?", ctx).unresolved


@pytest.mark.parametrize("turn", ["ai ký?", "ban hành ngày nào?", "có số hiệu là gì?", "AI KY"])
def test_a_bare_question_is_about_the_last_plan(turn):
    res = resolve(turn, context("Cao Bằng đặt mục tiêu tổ chức Ngày Văn hóa ở đâu?"))
    assert res.kind == "bare" and "726/KH-UBND" in res.question_understood


def test_a_bare_question_opening_a_conversation_is_refused():
    res = resolve("ai ký?", Conversation())
    assert res.unresolved
    turn_ = run_turn(lambda q: pytest.fail("must not be answered"), "ai ký?", Conversation())
    answer, _, ctx = turn_.answer, turn_.resolution, turn_.context
    assert answer.found is False and not answer.citations and ctx.empty


def test_a_date_question_naming_its_own_event_opens_a_conversation():
    res = resolve("Trại hè hữu nghị thiếu nhi Cầu vồng sông Lam tổ chức khi nào, ở phường nào?", Conversation())
    assert not res.unresolved


def test_a_continuation_keeps_the_plan():
    res = resolve("thế còn các lễ hội được nhắc tới?", context("Cao Bằng có di sản nào?"))
    assert res.kind == "continuation"
    assert res.question_understood == "Các lễ hội được nhắc tới trong Kế hoạch 726/KH-UBND của Cao Bằng?"


@pytest.mark.parametrize("turn", ["Kế hoạch của Hải Phòng do ai ký?", "Kế hoạch 173/KH-UBND ban hành ngày nào?",
                                  "ke hoach cua hai phong co muc tieu gi"])
def test_a_new_plan_or_province_starts_afresh(turn):
    res = resolve(turn, context("Kế hoạch của Cao Bằng do ai ký?"))
    assert not res.rewritten and res.kind == "topic" and res.question_understood == turn


@pytest.mark.parametrize("question", ["Các tỉnh nào đã ban hành kế hoạch?", "Có những kế hoạch nào về du lịch?",
                                      "Quyết định 2013/QĐ-TTg được ký ngày nào?"])
def test_a_question_about_all_plans_or_another_document_stands_alone(question):
    assert not resolve(question, context("Kế hoạch của Cao Bằng do ai ký?")).rewritten


def test_a_full_question_without_subject_keeps_the_conversation_plan():
    res = resolve("Có những nhiệm vụ gì về quảng bá du lịch và ẩm thực?", context("Kế hoạch của Cao Bằng do ai ký?"))
    assert res.question_understood.endswith("trong Kế hoạch 726/KH-UBND của Cao Bằng?")


def test_a_full_question_after_a_many_plan_answer_stands_alone():
    other = PlanRef("173-hue", "173/KH-UBND", "Kế hoạch", "UBND tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", 2022)
    ctx = context("Có những kế hoạch nào?", plans=[CAO_BANG, other])
    assert not resolve("Có những nhiệm vụ gì về quảng bá du lịch và ẩm thực?", ctx).rewritten


def _answer_with_points():
    cits = [Citation(n, "726/KH-UBND", "Kế hoạch 726", "UBND tỉnh Cao Bằng", "2022-03-29", f"II. MỤC TIÊU › {n}",
                     "001.txt", f"trích {n}", 1.0, CAO_BANG.plan_id, "Kế hoạch", f"Toàn văn đoạn {n}.") for n in (1, 2)]
    return Answer("q", True, "Theo Kế hoạch 726/KH-UBND:\n- Ý một [1]\n- Ý hai [2]", cits,
                  points=[AnswerPoint("Ý một", 1), AnswerPoint("Ý hai", 2)])


@pytest.mark.parametrize("turn", ["nói rõ hơn ý 2", "noi ro hon y 2", "giải thích thêm ý thứ hai", "ý 2?"])
def test_expand_point_n_of_the_last_answer(turn):
    ctx = Conversation().after(parse_query("Mục tiêu của Kế hoạch 726/KH-UBND là gì?"), _answer_with_points())
    turn_ = run_turn(lambda q: pytest.fail("expansion is not a search"), turn, ctx)
    answer, res, after = turn_.answer, turn_.resolution, turn_.context
    assert res.kind == "expand" and res.expand == 2
    assert answer.found and "Toàn văn đoạn 2." in answer.answer
    assert [c.section for c in answer.citations] == ["II. MỤC TIÊU › 2"] and answer.citations[0].n == 1
    assert after is ctx


def test_expand_a_point_that_does_not_exist_is_refused():
    ctx = Conversation().after(parse_query("Mục tiêu?"), _answer_with_points())
    turn_ = run_turn(lambda q: pytest.fail("no search"), "nói rõ hơn ý 5", ctx)
    answer, res, _ = turn_.answer, turn_.resolution, turn_.context
    assert res.unresolved and not answer.found and "2 ý" in answer.answer


def test_context_round_trips_through_json():
    ctx = Conversation().after(parse_query("Mục tiêu của Kế hoạch 726/KH-UBND là gì?"), _answer_with_points())
    again = Conversation.from_json(json.loads(json.dumps(ctx.to_json())))
    assert again == ctx and again.plan.label() == "Kế hoạch 726/KH-UBND của Cao Bằng"


# -- whole chats over the sample plans -------------------------------------------------------------

def chat(services, turns):
    ctx, out = Conversation(), []
    for turn in turns:
        turn_ = run_turn(services.ask, turn, ctx)
        answer, res, ctx = turn_.answer, turn_.resolution, turn_.context
        out.append((answer, res))
    return out


def test_chat_hue_then_cao_bang(sample_services):
    out = chat(sample_services, ["Kế hoạch của Thừa Thiên Huế được ban hành ngày nào?", "số hiệu là gì?",
                                 "còn Cao Bằng thì sao?", "ai ký văn bản trên?"])
    assert "28/4/2022" in out[0][0].answer
    assert "173/KH-UBND" in out[1][0].answer and out[1][1].kind == "bare"
    assert "726/KH-UBND" in out[2][0].answer and out[2][1].kind == "ellipsis"
    assert "Lê Hải Hòa" in out[3][0].answer
    assert all(a.citations[0].source == "001_32f94a6958947b77.txt" for a, _ in out[2:])


def test_chat_without_diacritics_hai_phong_partners(sample_services):
    out = chat(sample_services, ["Hai Phong co quan he huu nghi voi thanh pho nao cua Trung Quoc?",
                                 "con nhat ban thi sao", "ke hoach do thuc hien chi thi nao"])
    assert "Nam Ninh" in out[0][0].answer
    assert out[1][1].kind == "ellipsis" and "Kitakyushu" in out[1][0].answer
    assert "25/CT-TTg" in out[2][0].answer


def test_chat_ministry_guidance_reference(sample_services):
    out = chat(sample_services, ["Công văn 404 của Bộ Ngoại giao ban hành ngày nào?", "văn bản đó do ai ban hành?"])
    assert "10/02/2022" in out[0][0].answer
    assert "Bộ Ngoại giao" in out[1][0].answer and out[1][0].citations[0].source == "002_b35ca742d8998c4f.txt"


def test_chat_refusals_stay_refusals(sample_services):
    out = chat(sample_services, ["ban hành ngày nào?", "Kế hoạch của Cao Bằng có mục tiêu gì?",
                                 "giá phòng khách sạn ở đó là bao nhiêu?", "còn Lạng Sơn thì sao?"])
    first, _ = out[0]
    assert first.found is False and not first.citations
    assert out[1][0].found
    assert out[2][1].question_understood == "Giá phòng khách sạn ở Cao Bằng là bao nhiêu?"
    assert out[2][0].found is False and not out[2][0].citations
    assert out[3][0].found is False and not out[3][0].citations  # no plan of Lạng Sơn in the samples


def test_chat_topic_change_moves_the_context(sample_services):
    out = chat(sample_services, ["Kế hoạch của Cao Bằng do ai ký?", "Kế hoạch 173/KH-UBND ban hành ngày nào?",
                                 "kế hoạch đó thực hiện trên địa bàn nào?"])
    assert not out[1][1].rewritten
    assert "173/KH-UBND" in out[2][1].question_understood


def test_chat_expand_point_two(sample_services):
    out = chat(sample_services, ["Mục tiêu cụ thể của kế hoạch Cao Bằng là gì?", "nói rõ hơn ý 2"])
    first, (second, res) = out[0][0], out[1]
    lines = [line for line in first.answer.splitlines() if re.search(r"\[\d+\]", line)]
    assert len(lines) >= 2 and res.kind == "expand"
    n = int(re.search(r"\[(\d+)\]", lines[1]).group(1))  # the passage behind the answer's second point
    assert second.citations[0].full_quote == first.citations[n - 1].full_quote


@pytest.mark.parametrize("turn,expected", [
    ("còn kế hoạch 173 thì sao?", "Kế hoạch số 173 do ai ký?"),
    ("còn 141/KH-UBND thì sao?", "Kế hoạch 141/KH-UBND do ai ký?"),
    ("Còn Sở Ngoại vụ thì sao?", "Sở Ngoại vụ có nhiệm vụ gì trong Kế hoạch 726/KH-UBND của Cao Bằng?"),
    ("còn Lào thì sao?", "Kế hoạch 726/KH-UBND của Cao Bằng có hoạt động gì với Lào?"),
    ("ở địa phương đó có lễ hội gì?", "Ở Cao Bằng có lễ hội gì?"),
    ("căn cứ vào văn bản nào?", "Kế hoạch 726/KH-UBND của Cao Bằng căn cứ vào văn bản nào?"),
])
def test_more_follow_up_shapes(turn, expected):
    assert resolve(turn, context("Kế hoạch của Cao Bằng do ai ký?")).question_understood == expected


@pytest.mark.parametrize("turn", ["cảm ơn", "ok", "Xin chào"])
def test_thanks_and_greetings_are_not_follow_ups(turn):
    assert not resolve(turn, context("Kế hoạch của Cao Bằng do ai ký?")).rewritten


def test_a_fact_the_plan_does_not_state_is_refused(sample_services):
    out = chat(sample_services, ["Kế hoạch 141/KH-UBND của Hải Phòng thực hiện chỉ thị nào?", "ai ký?",
                                 "ban hành ngày nào?"])
    assert "25/CT-TTg" in out[0][0].answer
    signer, res = out[1]
    assert res.kind == "bare" and signer.found is False and not signer.citations  # the news item names no signer
    assert out[2][0].found  # the context is still that plan


def test_a_field_asked_after_one_activity_is_that_activity_s_unless_the_turn_names_its_own_subject():
    ctx = context("Cao Bằng tổ chức hoạt động gì ở Nhật Bản?",
                  points=[{"text": "Tuần văn hóa Cao Bằng tại Osaka (Nhật Bản) [1]", "n": 1}])
    short = resolve("kinh phí bao nhiêu?", ctx)
    assert short.question_understood.startswith("Tuần văn hóa Cao Bằng tại Osaka")
    own = resolve("còn buổi tọa đàm giữa Cao Bằng với tỉnh Quảng Tây tổ chức ở đâu?", ctx)
    assert "Tuần văn hóa" not in own.question_understood


def test_a_count_of_a_thing_the_unit_lists_do_not_know_is_a_number():
    from rag.find.sentences import features_of

    feats, found = features_of("Cụm thông tin được trang bị màn hình Led ngoài trời 3 mặt.", ["man", "hinh"], ["man", "hinh"],
                               "number", lambda _t: 1.0, 0.0, 0, 0.5, set(), False, False, counted="mat")
    assert [e.text for e in found] == ["3 mặt"] and feats["entity"] == 1.0


# -- follow-ups that repeat, swap or name their own subject ------------------------------------------------------

def _point(text, quote=""):
    cit = Citation(1, "212/KH-UBND", "Kế hoạch", "UBND tỉnh Đông Hà", "2027-02-17", None, "x.txt", quote or text, 0.9,
                   plan_id="212-kh")
    return {"text": text + " [1]", "citation": dict(cit.to_json(), full_quote=quote or text)}


def test_a_turn_that_only_repeats_question_words_asks_the_previous_question_of_its_new_entity():
    ctx = context("Kế hoạch của Cao Bằng có tổng kinh phí bao nhiêu?")
    for turn in ("nam 2030 thi bao nhieu", "còn năm 2030 thì bao nhiêu?"):
        res = resolve(turn, ctx)
        assert res.kind == "ellipsis" and "kinh phí" in res.question_understood and "2030" in res.question_understood


def test_an_agency_asking_its_share_is_not_the_previous_question_about_duties():
    res = resolve("còn Sở Giáo dục và Đào tạo được bao nhiêu?", context("Kế hoạch của Cao Bằng có tổng kinh phí bao nhiêu?"))
    assert "được bao nhiêu" in res.question_understood and "nhiệm vụ" not in res.question_understood


def test_another_activity_in_the_place_of_the_one_the_last_answer_named():
    ctx = context("Lễ hội Hoa Ban lần thứ II kinh phí bao nhiêu?",
                  points=[_point("Lễ hội Hoa Ban lần thứ II: kinh phí: 850 triệu đồng.")])
    res = resolve("còn ngày hội giao lưu Việt - Lào thì sao?", ctx)
    assert res.question_understood == "Ngày hội giao lưu Việt - Lào kinh phí bao nhiêu?"


def test_a_longer_field_question_is_still_about_the_one_task_answered():
    ctx = context("Ai chủ trì số hóa 3D đền Ngọc Sơn?",
                  points=[_point("Số hóa 3D đền Ngọc Sơn: chủ trì: Sở Văn hóa, Thể thao và Du lịch.")])
    res = resolve("phối hợp với cơ quan nào, bao giờ phải xong?", ctx)
    assert res.question_understood.startswith("Số hóa 3D đền Ngọc Sơn phối hợp")
    # a question naming a partner city has a subject of its own
    res = resolve("còn hoạt động với Yokohama thì tổ chức tháng mấy?", ctx)
    assert "Số hóa" not in res.question_understood and "Yokohama" in res.question_understood


def test_an_activity_named_in_a_sentence_is_its_kind_and_quoted_name():
    sentence = ("Vào dịp Tết Trung thu (tháng 9/2027), Hội Liên hiệp Phụ nữ phường chủ trì tổ chức chương trình "
                "\"Trăng sáng quê hương\" cho trẻ em là con của chuyên gia nước ngoài đang sinh sống tại phường; kinh phí 35 "
                "triệu đồng.")
    res = resolve("kinh phí bao nhiêu?", context("Phường làm gì dịp Trung thu?", points=[_point(sentence)]))
    assert res.question_understood == "Chương trình “Trăng sáng quê hương” kinh phí bao nhiêu?"


@pytest.mark.parametrize("turn", ["còn chương trình của Hội Giao lưu Văn hóa Quốc tế thì ai ký?",
                                  "còn đề án nâng cao hiệu quả công tác thông tin đối ngoại thì phê duyệt ngày nào?"])
def test_a_document_named_by_its_owner_or_title_starts_afresh(turn):
    res = resolve(turn, context("Kế hoạch 726/KH-UBND của Cao Bằng ai ký?"))
    assert res.kind == "topic" and "726" not in res.question_understood


@pytest.mark.parametrize("turn", ["còn kế hoạch của tỉnh đó thì ai ký?", "báo cáo kết quả thực hiện hằng năm là khi nào?",
                                  "kế hoạch của UBND tỉnh có mấy mục tiêu?"])
def test_the_conversation_plan_said_again_or_a_report_due_is_no_new_document(turn):
    assert resolve(turn, context("Kế hoạch 726/KH-UBND của Cao Bằng ai ký?")).kind != "topic"


def test_a_follow_up_the_store_refuses_is_answered_from_the_passage_the_last_answer_cited():
    sentence = ("Ngày 28/2, Đoàn công tác của Hội Hữu nghị tỉnh do Chủ tịch Hội Trần Thị Mai làm trưởng đoàn đã làm việc "
                "với lãnh đạo tỉnh bạn.")
    ctx = context("Đoàn hội hữu nghị làm việc ngày nào?", points=[_point(sentence, "Trang chủ Tin tức " + sentence)])

    def refuse(question):
        return Answer(question, False, "Không có trong các văn bản đang có.", kind="refusal")

    turn = run_turn(refuse, "ai dẫn đầu đoàn?", ctx)
    assert turn.answer.found and "Trần Thị Mai" in turn.answer.answer and turn.answer.citations[0].plan == "212/KH-UBND"
    assert not turn.answer.answer.startswith("Trang chủ")  # the point as shown, not its page's header
    # a fact of the plan itself ("ai ký?") is never taken from a passage that names someone
    assert not run_turn(refuse, "ai ký?", ctx).answer.found


def test_a_field_follow_up_after_a_one_point_answer_is_read_from_that_point():
    sentence = ("Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Ủy ban nhân dân thị xã Bến Đá và Trường Đại học "
                "Đông Xuyên lập hồ sơ khoa học \"Hát ru Bến Đá\", trình Bộ Văn hóa, Thể thao và Du lịch trước ngày 30/9/2029.")
    ctx = context("Ai chủ trì lập hồ sơ hát ru Bến Đá?", points=[_point(sentence)])

    def elsewhere(question):  # the store answers with another task's line
        cit = Citation(1, "212/KH-UBND", "Kế hoạch", "UBND tỉnh Đông Xuyên", None, None, "x.txt",
                       "Nhiệm vụ 1: …; phối hợp: Sở Ngoại vụ; thời gian: Năm 2027.", 0.5, plan_id="212-kh",
                       full_quote="Nhiệm vụ 1: …; phối hợp: Sở Ngoại vụ; thời gian: Năm 2027.")
        return Answer(question, True, "Nhiệm vụ 1: phối hợp: Sở Ngoại vụ; thời gian: Năm 2027. [1]", [cit])

    turn = run_turn(elsewhere, "phối hợp với những cơ quan nào, hạn trình Bộ khi nào?", ctx)
    assert "Trường Đại học Đông Xuyên" in turn.answer.answer and "30/9/2029" in turn.answer.answer


def test_a_field_follow_up_after_several_points_is_read_from_the_point_sharing_its_words():
    """"ở đâu, có khoảng bao nhiêu đại biểu?" after an answer whose first point gives the programme's date, venue and
    guests and whose second is a near tie: the point that says "đại biểu" answers, not another page on the store."""
    first = ("Năm nay, chương trình dự kiến tổ chức vào ngày 14/1, tại Trung tâm Hội nghị Lam Thổ, với sự tham gia của "
             "khoảng 2.000 đại biểu.")
    second = "Việc tổ chức chương trình Xuân Lam Thổ 2027 thể hiện sự quan tâm của tỉnh."
    ctx = context("Xuân Lam Thổ 2027 tổ chức ngày nào?", points=[_point(first), _point(second)])

    def elsewhere(question):  # the store answers with another page's line
        cit = Citation(1, None, None, None, None, None, "y.txt", "Hội nghị diễn ra tại Hà Nội với 150 người.", 0.5,
                       plan_id="doc-y", full_quote="Hội nghị diễn ra tại Hà Nội với 150 người.")
        return Answer(question, True, "Hội nghị diễn ra tại Hà Nội với 150 người. [1]", [cit])

    turn = run_turn(elsewhere, "ở đâu, có khoảng bao nhiêu đại biểu?", ctx)
    assert "Trung tâm Hội nghị Lam Thổ" in turn.answer.answer and "2.000" in turn.answer.answer


def test_a_follow_up_naming_its_own_subject_is_asked_alone_when_the_conversations_text_lacks_it():
    """"còn Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ mấy?" after a page about a fair in Mexico: tied to that page
    it finds nothing, asked alone the store answers from another page; a follow-up pointing back is never untied."""
    page = PlanRef("doc-mx", None, None, None, None, 2015, "Việt Nam dự Hội chợ các nền văn hóa bạn bè tại Mexico")
    ctx = Conversation(question="Hội chợ các nền văn hóa bạn bè ở Mexico là lần thứ mấy?", plans=[page], found=True)
    asked: list[str] = []

    def store(question):
        asked.append(question)
        if "bài viết" in question or "Mexico" in question:
            return Answer(question, False, "Không có.", kind="refusal")
        cit = Citation(1, None, None, None, None, None, "jp.txt", "Lễ hội lần thứ 10.", 0.5, plan_id="doc-jp",
                       full_quote="Lễ hội lần thứ 10.")
        return Answer(question, True, "Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ 10. [1]", [cit])

    turn = run_turn(store, "còn Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ mấy?", ctx)
    assert turn.answer.found and "lần thứ 10" in turn.answer.answer
    assert asked[-1] == "Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ mấy?"
    asked.clear()
    run_turn(store, "hội chợ đó thu hút bao nhiêu khách tham quan?", ctx)
    assert len(asked) == 1  # "đó": about the conversation's page, asked once
    asked.clear()
    run_turn(store, "còn với tỉnh nào của Hàn Quốc?", ctx)
    assert len(asked) == 1  # another partner of the conversation's subject: never asked of the whole store


def test_a_switch_to_a_thing_of_its_own_is_asked_alone_first_on_every_driver():
    """"còn Hội hữu nghị Việt Nam - Pháp thì chủ tịch là ai?" after a page on another association: asked alone first
    (the store answers it from its own page), the same through the blocking and the streaming drivers."""
    import asyncio

    from rag.dialogue.turn import stream_turn

    page = PlanRef("doc-kh", None, None, None, None, 2021, "Chủ tịch Hội Hữu nghị Việt Nam - Campuchia")
    ctx = Conversation(question="Hội Hữu nghị Việt Nam - Campuchia đại hội ngày nào?", plans=[page], found=True)

    def store(question):
        cit = Citation(1, None, None, None, None, None, "x.txt", question, 0.5, plan_id="doc", full_quote=question)
        if "bài viết" in question:  # tied to the conversation's page: that page's chair
            return Answer(question, True, "Bà Nguyễn Thị Thanh làm Chủ tịch. [1]", [cit])
        return Answer(question, True, "Bà Nguyễn Thúy Anh được bầu giữ chức Chủ tịch Hội khóa VII. [1]", [cit])

    question = "còn Hội hữu nghị Việt Nam - Pháp thì chủ tịch khóa VII là ai?"
    assert "Nguyễn Thúy Anh" in run_turn(store, question, ctx).answer.answer

    async def stream(question):
        answer = store(question)
        yield {"type": "delta", "text": answer.answer}
        yield {"type": "final", "answer": answer.to_json()}

    async def streamed():
        return [item async for item in stream_turn(stream, question, ctx)]

    items = asyncio.run(streamed())
    assert "Nguyễn Thúy Anh" in items[-1].answer.answer
    assert [i["text"] for i in items[:-1]] == [items[-1].answer.answer]  # only the shown reading's events


def test_a_province_only_the_store_knows_is_replaced_by_the_next_one():
    plan = PlanRef("19-bc", "19/BC-UBND", "Báo cáo", "UBND tỉnh Nam Xuyên", None, 2027)
    ctx = context("Năm 2026 tỉnh Nam Xuyên đón bao nhiêu khách quốc tế?", plans=[plan], provinces=[])
    res = resolve("còn tỉnh Đông Xuyên thì sao?", ctx)
    assert res.question_understood == "Năm 2026 tỉnh Đông Xuyên đón bao nhiêu khách quốc tế?"


def test_another_owners_report_named_with_its_subject_starts_afresh():
    res = resolve("còn báo cáo ngoại giao văn hóa của tỉnh Nam Xuyên thì ai ký?",
                  context("Kế hoạch 726/KH-UBND của Cao Bằng ai ký?"))
    assert res.kind == "topic" and "726" not in res.question_understood


def test_a_follow_up_after_a_page_without_number_or_owner_is_about_the_document_it_reported():
    page = PlanRef("doc-1", None, None, None, None, 2026)
    ctx = Conversation(question="Chiến lược quảng bá hình ảnh là quyết định số mấy?", plans=[page],
                       documents=["Quyết định 173/QĐ-TTg"], found=True)
    assert resolve("tầm nhìn đến năm nào?", ctx).question_understood == "Quyết định 173/QĐ-TTg tầm nhìn đến năm nào?"


def test_a_year_follow_up_after_a_question_about_a_year_asks_the_same_of_the_new_year():
    ctx = context("Cao Bằng muốn đến 2030 đón bao nhiêu khách quốc tế?")
    assert resolve("năm 2026 đạt bao nhiêu?", ctx).question_understood == "Cao Bằng muốn đến 2026 đón bao nhiêu khách quốc tế?"
    assert "2023" in resolve("còn năm 2023?", context("Năm 2026 Cao Bằng đón bao nhiêu khách quốc tế?")).question_understood
    assert "2026" not in resolve("còn năm 2023?", context("Năm 2026 Cao Bằng đón bao nhiêu khách quốc tế?")).question_understood


def test_a_page_with_neither_number_nor_owner_is_named_by_its_title_without_its_years():
    page = PlanRef("doc-9", None, None, None, None, 2023,
                   "Hội đàm giữa huyện Bảo Lâm (Việt Nam) với huyện Ma Lật năm 2023")
    assert page.label() == "bài viết “Hội đàm giữa huyện Bảo Lâm (Việt Nam) với huyện Ma Lật”"
    res = resolve("bên Ma Lật ai tiếp đoàn?", Conversation(question="Hội đàm diễn ra ngày nào?", plans=[page], found=True))
    assert "Hội đàm giữa huyện Bảo Lâm" in res.question_understood and "2023" not in res.question_understood


def test_a_fact_of_the_plan_is_no_activity_a_field_follow_up_asks_about():
    ctx = context("Kế hoạch của Cao Bằng số mấy?", points=[_point("Số hiệu của văn bản là 726/KH-UBND (Kế hoạch).")])
    ctx.kind = "metadata"
    res = resolve("tổng kinh phí bao nhiêu?", ctx)
    assert not res.question_understood.startswith("Số hiệu") and "726/KH-UBND" in res.question_understood


def test_a_focused_answer_passes_the_last_gate_of_every_answer():
    sentence = "Ngày 12-12, lãnh đạo hai tỉnh chứng kiến lễ ký kết nghĩa cụm dân cư hai bên biên giới tại xã Tân Lập."
    header = "Thứ 7, 13/04/2024 | 10:59 Ngày 11/4/2024, đoàn đại biểu huyện Bến Lức ký biên bản hợp tác năm 2024."
    ctx = context("Lễ kết nghĩa diễn ra ở đâu?", points=[_point(sentence), _point(header)])

    def refuse(question):
        return Answer(question, False, "Không có trong các văn bản đang có.", kind="refusal")

    assert not run_turn(refuse, "lễ kết nghĩa đó tổ chức năm nào?", ctx).answer.found  # a day, no year
    assert not run_turn(refuse, "biên bản đó có mấy nội dung hợp tác?", ctx).answer.found  # no count of them


def test_another_year_after_a_page_of_one_year_is_another_document():
    page = PlanRef("doc-7", None, None, "Bộ Ngoại giao", None, None, "Ngày Sơn Cước ở nước ngoài 2023: nhiều hoạt động")
    ctx = Conversation(question="Ai công bố Ngày Sơn Cước ở nước ngoài 2023?", plans=[page], found=True)
    res = resolve("còn năm 2013 thì cơ quan nào làm đầu mối?", ctx)
    assert "Bộ Ngoại giao" not in res.question_understood  # the 2013 programme may be anyone's
    # …while a bare follow-up stays with the page, named by its title (the ministry has other pages)
    assert "bài viết “Ngày Sơn Cước" in resolve("còn cơ quan nào làm đầu mối?", ctx).question_understood


def test_a_legal_text_named_by_number_and_year_is_a_document_not_a_year():
    assert [e.kind for e in find_entities("còn nghị định 72/2015 về ttdn thì ai ký?")] == ["number"]
    pq = parse_query("còn nghị định 72/2015 về ttdn thì ai ký?")
    assert pq.numbers == ["72/2015"] and pq.years == []
    ctx = context("Thông tư 22/2016/TT-BTTTT ai ký?", plans=[BNG])
    assert "22/2016" not in resolve("còn nghị định 72/2015 thì ai ký?", ctx).question_understood


def test_that_province_is_the_plans_own_place_even_one_no_gazetteer_knows():
    plan = PlanRef("412-qd", "412/QĐ-UBND", "Quyết định", "UBND tỉnh Sơn Cước", "Sơn Cước", 2027)
    ctx = Conversation(question="Kế hoạch của Sơn Cước ai ký?", plans=[plan], found=True)
    res = resolve("còn kế hoạch của Liên hiệp các tổ chức hữu nghị tỉnh đó thì ai ký?", ctx)
    assert "tỉnh Sơn Cước" in res.question_understood and "UBND tỉnh Sơn Cước" not in res.question_understood


def test_a_cited_plan_of_a_body_under_an_unknown_province_knows_its_place():
    from rag.dialogue.state import issuer_place

    assert issuer_place("Liên hiệp các tổ chức hữu nghị tỉnh Sơn Cước") == "Sơn Cước"


def test_that_district_is_the_district_the_last_answer_named():
    ctx = context("huyện Quan Hà ký thỏa thuận với huyện nào của Lào?",
                  points=[_point("Đoàn đại biểu huyện Sầm Tớ, tỉnh Hủa Phăn (Lào) sang làm việc với huyện Quan Hà.")])
    assert resolve("huyện đó thuộc tỉnh nào?", ctx).question_understood == "Huyện Sầm Tớ thuộc tỉnh nào?"
    assert "Cao Bằng" in resolve("tỉnh đó có mấy cửa khẩu?", ctx).question_understood  # a province: the plan's


def test_a_follow_up_naming_another_partner_after_the_same_word_swaps_only_the_partner():
    """"còn với Bộ Ngoại giao?" after "Sở X đề xuất gì với Bộ Văn hóa, Thể thao và Du lịch?"; a body typed without
    capitals ("ubnd các tỉnh") is a partner too, never a place called "Ubnd Cac"."""
    ctx = context("Sở Văn hóa Lam Thổ đề xuất gì với Bộ Văn hóa, Thể thao và Du lịch?")
    assert resolve("còn với Bộ Ngoại giao?", ctx).question_understood == "Sở Văn hóa Lam Thổ đề xuất gì với Bộ Ngoại giao?"
    assert resolve("con voi ubnd cac tinh thi sao", ctx).question_understood.endswith("với ubnd cac tinh?")


def test_a_year_and_a_field_are_no_subject_of_their_own():
    """"còn năm 2029 thì kinh phí bao nhiêu?" stays tied to the conversation's document: asked alone it would
    find another province's plan of 2029."""
    from rag.dialogue.resolve import Resolution
    from rag.dialogue.turn import standalone

    tied = Resolution("còn năm 2029 thì kinh phí bao nhiêu?",
                      "Năm 2029 thì kinh phí bao nhiêu trong Quyết định 1642/QĐ-UBND của Lạc Khê?", rewritten=True)
    assert standalone(tied) is None
    own = Resolution("còn Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ mấy?",
                     "Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ mấy trong bài viết X?", rewritten=True)
    assert standalone(own) is not None


def test_an_event_of_another_owner_starts_afresh():
    from rag.dialogue.frames import names_own_document

    assert names_own_document("hội thảo quốc tế của Ban Chỉ đạo Lạc Khê tổ chức ngày nào?", "Thạch Sơn")
    assert not names_own_document("lễ hội của tỉnh Thạch Sơn tổ chức ngày nào?", "Thạch Sơn")
    # "hội nghị đó": typed "đó" points back at the meeting talked of, no owner "do …" (by) names one
    assert not names_own_document("hội nghị đó diễn ra ngày nào?", "Thạch Sơn")
    assert names_own_document("hoi nghi do So Ngoai vu Lac Khe to chuc ngay nao?", "Thạch Sơn")
    res = resolve("hội nghị đó diễn ra ngày nào?", context("Cao Bằng có di sản nào?"))
    assert res.kind != "topic" and "726/KH-UBND" in res.question_understood


def test_a_bare_noun_phrase_after_a_question_asks_it_again_of_that_phrase():
    """"còn phó trưởng ban thường trực?" after "… trưởng ban là ai?": who holds that office, in the same plan."""
    res = resolve("còn phó trưởng ban thường trực?", context("Trưởng ban chỉ đạo của Cao Bằng là ai?"))
    assert res.question_understood == "Phó trưởng ban thường trực là ai trong Kế hoạch 726/KH-UBND của Cao Bằng?"
    res = resolve("thế còn các lễ hội được nhắc tới?", context("Cao Bằng có di sản nào?"))
    assert "nào" not in res.question_understood  # a bare "nào" is no frame to repeat


def test_up_to_now_points_back_at_nothing():
    from rag.dialogue.turn import _POINTS_BACK

    assert not _POINTS_BACK.search("đến nay tỉnh tập huấn được bao nhiêu lượt cán bộ rồi?")
    assert not _POINTS_BACK.search("hien nay co bao nhieu hoi vien")
    assert _POINTS_BACK.search("hội đó thành lập năm nào?") and _POINTS_BACK.search("kế hoạch nay ai ký")


def test_an_office_alone_is_no_subject_of_its_own_to_ask_the_store_for():
    from rag.dialogue.resolve import Resolution
    from rag.dialogue.turn import standalone

    rewritten = Resolution("ai lam truong doan", "Ai lam truong doan trong bai viet “Doan cong tac tinh Cao Bang”?", True,
                           "continuation")
    assert standalone(rewritten) is None


def test_a_handbook_named_in_a_follow_up_is_a_document_of_its_own():
    from rag.dialogue.frames import names_own_document

    assert names_own_document("so tay huong dan ban hanh ngay nao?", "UBND tỉnh Lục Giang")
    assert not names_own_document("văn bản này ban hành ngày nào?", "UBND tỉnh Lục Giang")


def test_the_meetings_papers_are_no_document_of_their_own():
    from rag.dialogue.frames import names_own_document

    assert not names_own_document("tài liệu họp phải gửi trước mấy ngày?", "UBND tỉnh Trà Uyên")


def test_he_is_the_doctor_the_last_answer_named():
    from rag.dialogue.antecedents import person_named
    from rag.dialogue.state import Conversation

    said = ("Đoàn chuyên gia UNESCO do Tiến sĩ Guy Martili-Trưởng Ban điều hành, Chủ tịch Hội đồng Công viên địa chất "
            "toàn cầu dẫn đầu sẽ đến tổ chức tiền thẩm định.")
    assert person_named(Conversation(question="trưởng đoàn là ai?", points=[{"text": said}])) == "Guy Martili"


TROUPE_PLAN = """ỦY BAN NHÂN DÂN
TỈNH LAM GIANG
Số: 149/KH-UBND
Lam Giang, ngày 26 tháng 4 năm 2031

KẾ HOẠCH
Tổ chức Tuần Văn hóa Lam Giang tại Wrocław, Ba Lan

IV. THÀNH PHẦN ĐOÀN
Đoàn nghệ thuật của Trung tâm Văn hóa tỉnh (14 người): NSƯT Hà Thị Mai Hoa – Trưởng đoàn nghệ thuật, 10 diễn viên.
"""
AWARDS = """ỦY BAN NHÂN DÂN
TỈNH LAM GIANG
Số: 3271/QĐ-UBND
Lam Giang, ngày 20 tháng 12 năm 2031

QUYẾT ĐỊNH
Về việc khen thưởng thành tích công tác đối ngoại năm 2031

Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho các cá nhân có tên sau:
| STT | Họ và tên | Chức vụ, đơn vị | Hình thức | Tiền thưởng |
|---|---|---|---|---|
| 1 | NSƯT Hà Thị Mai Hoa | Trưởng đoàn nghệ thuật | Bằng khen | 2.340.000 |
"""


person_store = texts_store("person-fallback", {"lam-giang-kh-149.txt": TROUPE_PLAN, "lam-giang-qd-3271.txt": AWARDS})


def test_what_she_was_given_is_asked_of_the_store_when_her_document_does_not_say(person_store):
    _, (follow, _) = chat(person_store, ["Ai làm trưởng đoàn nghệ thuật của Lam Giang đi Ba Lan?", "ba ay duoc khen thuong gi?"])
    assert "Bằng khen" in follow.answer, follow.answer


def test_the_document_an_answer_named_for_which_document_is_what_a_bare_follow_up_asks_of():
    from rag.dialogue.state import Conversation
    asked = Conversation(question="Đề án Ngày Tôn vinh tiếng Việt được phê duyệt bằng quyết định nào?",
                         documents=["Quyết định 930/QĐ-TTg"], found=True)
    assert asked.asked_document == "Quyết định 930/QĐ-TTg"
    told = Conversation(question="Đề án Ngày Tôn vinh tiếng Việt có mục tiêu gì?", documents=["Quyết định 930/QĐ-TTg"],
                        found=True)
    assert told.asked_document is None  # (a document the answer names in passing is not what was asked)


def test_a_which_document_answer_naming_the_cited_plans_own_number_keeps_the_conversation_on_it():
    from rag.dialogue.state import Conversation, PlanRef
    own = Conversation(question="Quy chế được ban hành kèm quyết định số mấy?", documents=["Quyết định 272-QĐ/TW"],
                       found=True, plans=[PlanRef(plan_id="183", number="183-QĐ/TU", doc_type="Quyết định")],
                       points=[{"text": "Quy chế ban hành kèm theo Quyết định 183-QĐ/TU, thực hiện Quyết định 272-QĐ/TW."}])
    assert own.asked_document is None


FESTIVAL = """Lễ hội Then Vân Khê được UNESCO ghi danh

Nghệ thuật hát Then Vân Khê đã được UNESCO ghi danh ngày 7/12/2026 là di sản văn hóa phi vật thể đại diện của nhân loại.
Lễ đón bằng sẽ diễn ra ngày 5/5/2027 tại quảng trường Ba Tháp, thành phố Quy Nhơn, với sự tham dự của khách quốc tế.
"""
LANTERNS = """Lễ công bố hoạt động thắp sáng cổng đèn lồng tại Hội An

Nhân kỷ niệm 50 năm quan hệ ngoại giao Việt Nam - Nhật Bản, Hiệp hội Doanh nghiệp Nhật Bản phối hợp với thành phố Hội An
tổ chức hoạt động thắp sáng cổng đèn lồng. Hoạt động chọn chủ đề "Đồng hành cùng tương lai".
"""
switch_store = texts_store("switch-place", {"binh-dinh-hat-then-unesco-tin.txt": FESTIVAL,
                                            "hoi-an-cong-den-long-tin.txt": LANTERNS})


def test_a_follow_up_turning_to_another_place_with_its_own_question_is_asked_on_its_own(switch_store):
    _, (follow, _) = chat(switch_store, ["Hát Then được UNESCO ghi danh ngày nào?",
                                         "Còn ở Hội An, hoạt động thắp sáng cổng đèn lồng chọn chủ đề gì?"])
    assert follow.found and "Đồng hành cùng tương lai" in follow.answer, follow.answer


def test_a_follow_up_naming_no_country_is_asked_of_the_one_the_last_turn_asked_and_found():
    """"phụ cấp lưu trú bao nhiêu?" after "đi công tác Hàn Quốc thuộc nhóm nước nào?" (answered by the row naming Hàn
    Quốc) is asked of Hàn Quốc still; "còn đi Lào thì sao?" then swaps the country."""
    row = {"text": "Nhóm 2 Hàn Quốc, Nhật Bản: phụ cấp lưu trú: 80 USD/người/ngày."}
    ctx = context("Đi công tác Hàn Quốc thuộc nhóm nước nào trong Kế hoạch 726/KH-UBND của Cao Bằng?", points=[row])
    res = resolve("phụ cấp lưu trú bao nhiêu?", ctx)
    assert "Hàn Quốc" in res.question_understood and "726/KH-UBND" in res.question_understood
    # (a country the last lines never said is not carried: the turn found nothing of it)
    other = context("Đi công tác Hàn Quốc thuộc nhóm nước nào trong Kế hoạch 726/KH-UBND của Cao Bằng?",
                    points=[{"text": "Phụ cấp lưu trú: 200.000 đồng/ngày."}])
    assert "Hàn Quốc" not in resolve("phụ cấp lưu trú bao nhiêu?", other).question_understood


def test_that_year_is_the_year_the_last_question_named():
    from rag.dialogue.antecedents import year_pointed

    ctx = context("Năm 2023 có bao nhiêu lưu học sinh Lào nhập học mới?")
    assert year_pointed("kim ngạch năm đó thì sao?", ctx) == "kim ngạch năm 2023 thì sao?"
    assert year_pointed("kim ngach nam do thi sao?", ctx) == "kim ngach nam 2023 thi sao?"
    assert year_pointed("kim ngạch năm đó?", context("Giai đoạn 2019 - 2024 có bao nhiêu?")) == "kim ngạch năm đó?"
