"""Relations stated by a text, with their evidence, and the links they make between catalog entries."""
from ground.links import link_entries
from ground.plans import PlanMeta
from ingest.pipeline import load_plan
from ingest.relations import extract_relations
from tests.conftest import FIXTURES

LAYOUTS = FIXTURES / "layouts"


def _kinds(text, own=()):
    return {(r.kind, r.number) for r in extract_relations(text, own)}


def test_each_kind_of_relation_with_its_evidence_line():
    text = ("Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 và Chỉ thị số 25/CT-TTg ngày 10/9/2021, "
            "UBND tỉnh ban hành Kế hoạch số 20/KH-UBND.\n"
            "Kế hoạch này thay thế Kế hoạch số 141/KH-UBND ngày 15/5/2023 của UBND thành phố.\n"
            "Sửa đổi, bổ sung một số nội dung của Kế hoạch số 7/KH-UBND ngày 2/1/2023.\n"
            "Tiếp tục thực hiện Kế hoạch số 96/KH-UBND ngày 12/3/2016 của tỉnh.")
    relations = extract_relations(text, ["20/KH-UBND"])
    assert {(r.kind, r.number) for r in relations} == {
        ("implements", "2013/QĐ-TTg"), ("implements", "25/CT-TTg"), ("replaces", "141/KH-UBND"),
        ("amends", "7/KH-UBND"), ("continues", "96/KH-UBND")}
    replaces = next(r for r in relations if r.kind == "replaces")
    assert replaces.evidence == "Kế hoạch này thay thế Kế hoạch số 141/KH-UBND ngày 15/5/2023 của UBND thành phố."


def test_numbers_as_written_and_the_party_form():
    assert _kinds("Kế hoạch này thay thế Kế hoạch số 141/KH.UBND.") == {("replaces", "141/KH-UBND")}
    assert _kinds("Thực hiện Chỉ thị số 25-CT/TW ngày 08/8/2018 của Ban Bí thư.") == {("implements", "25-CT/TW")}
    assert _kinds("Căn cứ Kế hoạch số 164-KH/TU của Ban Thường vụ Tỉnh ủy.") == {("implements", "164-KH/TU")}
    # a joint guide between departments: "Hướng dẫn liên ngành số …"
    assert _kinds("Hướng dẫn này có hiệu lực kể từ ngày 01/9/2027 và thay thế Hướng dẫn liên ngành số 01/HDLN-SNgV-CA "
                  "ngày 10/3/2023 của Sở Ngoại vụ và Công an tỉnh.") == {("replaces", "01/HDLN-SNgV-CA")}


def test_what_is_not_a_relation():
    # a proposal letter the decision cites is neither implemented nor replaced
    assert _kinds("Theo đề nghị của Giám đốc Sở Ngoại vụ tại Công văn số 208/SNgV-LTLSBC ngày 18/3/2022.") == set()
    # the text's own number
    assert _kinds("Kế hoạch số 20/KH-UBND thay thế nội dung cũ.", ["20/KH-UBND"]) == set()
    # "được thay thế bởi": the other way round
    assert _kinds("Kế hoạch số 88/KH-UBND đã được thay thế bởi Kế hoạch số 215/KH-UBND.", ["88/KH-UBND"]) == {
        ("replaced_by", "215/KH-UBND")}


def _entries(*names):
    return {load_plan(LAYOUTS / n).id: load_plan(LAYOUTS / n).meta for n in names}


def test_links_both_ways_whichever_entry_comes_first():
    for order in (("old_plan.txt", "new_plan.txt"), ("new_plan.txt", "old_plan.txt")):
        links = link_entries(_entries(*order))
        assert links["88-kh-ubnd-phu-yen"].replaced_by == "215/KH-UBND"
        assert links["215-kh-ubnd-phu-yen"].replaces == ["88/KH-UBND"]
        assert links["215-kh-ubnd-phu-yen"].linked["replaces"] == ["88-kh-ubnd-phu-yen"]


def test_links_disappear_with_the_entry_that_states_them_and_survive_the_other():
    both = _entries("old_plan.txt", "new_plan.txt")
    without_new = {k: v for k, v in both.items() if k != "215-kh-ubnd-phu-yen"}
    assert link_entries(without_new)["88-kh-ubnd-phu-yen"].replaced_by is None
    without_old = {k: v for k, v in both.items() if k != "88-kh-ubnd-phu-yen"}
    new = link_entries(without_old)["215-kh-ubnd-phu-yen"]
    assert new.replaces == ["88/KH-UBND"]  # what its text says stays
    assert "replaces" not in new.linked  # but there is no entry to link to any more


def test_a_news_article_reports_on_the_plan_it_is_about():
    links = link_entries(_entries("new_plan.txt", "news_about_new_plan.txt"))
    assert links["215-kh-ubnd-phu-yen-tin"].reports_on == "215-kh-ubnd-phu-yen"
    assert links["215-kh-ubnd-phu-yen"].reported_by == ["215-kh-ubnd-phu-yen-tin"]


def test_a_replaced_by_statement_links_to_the_replacing_entry():
    metas = {
        "a": PlanMeta(title="A", number="88/KH-UBND", relations=[
            {"kind": "replaced_by", "number": "215/KH-UBND", "evidence": "…"}]),
        "b": PlanMeta(title="B", number="215/KH-UBND"),
    }
    links = link_entries(metas)
    assert links["a"].replaced_by == "215/KH-UBND" and links["b"].replaces == ["88/KH-UBND"]


def test_a_carried_plan_number_links_too():
    metas = {
        "decision": PlanMeta(title="Kế hoạch X", number="52/QĐ-UBND", other_numbers=["31/KH-UBND"]),
        "later": PlanMeta(title="Kế hoạch Y", number="90/KH-UBND", relations=[
            {"kind": "replaces", "number": "31/KH-UBND", "evidence": "…"}]),
    }
    assert link_entries(metas)["decision"].replaced_by == "90/KH-UBND"


def test_a_cue_carries_over_to_the_next_document_of_its_clause():
    text = ("Triển khai Chỉ thị số 25/CT-TTg ngày 10/9/2021 của Thủ tướng Chính phủ về đẩy mạnh văn hóa đối ngoại "
            "và Hướng dẫn số 15/HD-BVHTTDL ngày 3/3/2022 của Bộ Văn hóa, Thể thao và Du lịch, UBND tỉnh ban hành "
            "Kế hoạch số 20/KH-UBND. Báo cáo gửi kèm Công văn số 9/SNgV-VP.")
    assert _kinds(text, ["20/KH-UBND"]) == {("implements", "25/CT-TTg"), ("implements", "15/HD-BVHTTDL")}


def test_a_document_said_to_lapse_when_this_one_takes_effect_is_replaced_by_it():
    from ingest.relations import extract_relations
    text = ("Điều 12. Điều khoản thi hành\n1. Dự án đã có quyết định hỗ trợ theo Nghị quyết số 08/2020/NQ-HĐND ngày 10 "
            "tháng 7 năm 2020 của Hội đồng nhân dân tỉnh thì tiếp tục thực hiện.\n2. Nghị quyết số 08/2020/NQ-HĐND ngày "
            "10 tháng 7 năm 2020 của Hội đồng nhân dân tỉnh hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực.")
    assert [(r.kind, r.number) for r in extract_relations(text, ["31/2027/NQ-HĐND"])] == [("replaces", "08/2020/NQ-HĐND")]
