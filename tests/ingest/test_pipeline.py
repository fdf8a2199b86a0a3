"""File → Plan glue: what counts as a plan, identities, deterministic chunk ids."""
import pytest

from ground.plans import PlanMeta
from ingest import IngestError, OutOfScope
from ingest.pipeline import FOREIGN_LANGUAGE, build_plan, check_plan_text, load_plan, plan_identity


def test_identity_is_number_and_issuer_else_content_hash():
    full = PlanMeta(title="t", number="726/KH-UBND", province="Cao Bằng", issuer="UBND tỉnh Cao Bằng")
    assert plan_identity(full, "x") == "726-kh-ubnd-cao-bang"
    news = PlanMeta(title="t", number="173/KH-UBND", province="Thừa Thiên Huế", source_kind="news")
    assert plan_identity(news, "x") == "173-kh-ubnd-thua-thien-hue-tin"
    ministry = PlanMeta(title="t", number="404/BNG-NGVH-UNESCO", issuer="Bộ Ngoại giao")
    assert plan_identity(ministry, "x") == "404-bng-ngvh-unesco-bo-ngoai-giao"
    anonymous = PlanMeta(title="t")
    assert plan_identity(anonymous, "Văn bản A").startswith("doc-")
    assert plan_identity(anonymous, "Văn bản A") == plan_identity(anonymous, "van ban a")  # folded content
    assert plan_identity(anonymous, "Văn bản A") != plan_identity(anonymous, "Văn bản B")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "empty"),
        ("Kế hoạch ngắn.", "too short"),
        ("This is an English report about the weather and the economy. " * 10, "not Vietnamese"),
        ("Phở bò: nước dùng ninh xương, bánh phở, thịt bò tái, hành lá, rau thơm. " * 6, "does not look like a plan"),
        (b"\x00\x01PK".decode("latin-1") * 80, "not Vietnamese"),
    ],
)
def test_non_plans_are_refused_with_a_reason(text, reason):
    with pytest.raises(IngestError) as err:
        check_plan_text(text, "f.txt")
    assert reason in err.value.reason and err.value.source == "f.txt"
    # a readable text outside the family is out of scope (skipped); an empty or stub file is a broken one
    assert isinstance(err.value, OutOfScope) == (reason in ("not Vietnamese", "does not look like a plan"))


def test_a_foreign_affairs_page_without_administrative_wording_is_taken_with_a_warning(tmp_path):
    # a people-to-people news page: friendship unions, delegations, no "kế hoạch", no committee
    page = tmp_path / "tin.txt"
    page.write_text("Giao lưu hữu nghị Việt - Lào tại Hà Tĩnh\n\nSáng 8/5, Liên hiệp các tổ chức hữu nghị tỉnh Hà Tĩnh "
                    "đón đoàn đại biểu tỉnh Bolikhamxay (Lào) sang thăm. Hai bên trao đổi kinh nghiệm hoạt động đối "
                    "ngoại nhân dân, giao lưu văn nghệ và thăm các di tích lịch sử của tỉnh.", encoding="utf-8")
    plan = load_plan(page)
    assert plan.meta.province == "Hà Tĩnh" and plan.chunks
    assert plan.warnings == [] and plan.meta.about["topics"] == ["đối ngoại nhân dân"]
    thin = tmp_path / "thin.txt"
    thin.write_text("Đoàn khách quốc tế tham quan làng nghề dệt thổ cẩm và thưởng thức ẩm thực địa phương trong buổi "
                    "sáng cuối tuần; người dân mang sản phẩm truyền thống ra giới thiệu, chụp ảnh lưu niệm cùng khách "
                    "bên bờ sông.", encoding="utf-8")
    assert any("check that this page belongs here" in w for w in load_plan(thin).warnings)
    # …and a page naming foreigners only in their own letters: an aid group clearing mines, no word of diplomacy
    mines = tmp_path / "san-min.txt"
    mines.write_text("Theo chân đội rà phá bom mìn ở Sa Khê\n\nTừ sáng sớm, các nhân viên liên lạc cộng đồng của HALO "
                     "xuống thôn xóm của xã Tân Định, huyện Sa Khê. Anh Lò Văn Tâm, Đội trưởng, cho biết HALO ưu tiên nơi "
                     "người dân nhìn thấy vật liệu nổ, sau đó là trường học và nhà văn hóa.", encoding="utf-8")
    assert any("check that this page belongs here" in w for w in load_plan(mines).warnings)


def test_a_province_profile_for_aid_donors_is_taken(tmp_path):
    # the page a province keeps for foreign donors: figures and the fields it asks aid for, no word of diplomacy
    page = tmp_path / "ho-so-tinh.txt"
    page.write_text("Tỉnh Mộc Khê\n\n1. Thông tin chung: diện tích 2.480 km2; dân số 912.400 người; tỷ lệ hộ nghèo 6,2%.\n"
                    "2. Định hướng ưu tiên vận động viện trợ phi chính phủ giai đoạn 2026-2028: y tế cơ sở, nước sạch "
                    "nông thôn, giáo dục vùng đồng bào dân tộc thiểu số.", encoding="utf-8")
    plan = load_plan(page)
    assert plan.chunks and any("check that this page belongs here" in w for w in plan.warnings)


def _news_page(tmp_path, text: str):
    """A saved news page of `text`, loaded as a plan."""
    page = tmp_path / "tin.txt"
    page.write_text(text, encoding="utf-8")
    return load_plan(page)


def test_a_one_sentence_news_page_is_taken_with_a_warning(tmp_path):
    plan = _news_page(tmp_path, "Từ ngày 09/10/2029 đến 11/10/2029, tỉnh Ngàn Sơn tổ chức kỷ niệm 15 năm thiết lập quan "
                                "hệ hợp tác hữu nghị với tỉnh Shimane, Nhật Bản.")
    assert plan.chunks and "15 năm" in plan.chunks[0].text
    assert any("a short text" in w for w in plan.warnings)


def test_an_english_page_naming_a_vietnamese_plan_by_number_is_kept_and_read(tmp_path):
    # the English edition of a province's portal reports the plan in English; its number and dates are ours
    page = tmp_path / "en.txt"
    page.write_text(
        "Kon Tum promotes its culture abroad in 2025\n\nPublished on 12 - 03 - 2025\n\n"
        "On 10/03/2025, the Provincial People's Committee issued Plan No. 52/KH-UBND on cultural diplomacy of "
        "Kon Tum province in 2025. The Plan implements Directive No. 25/CT-TTg dated September 10, 2021 of the "
        "Prime Minister. Accordingly, the Department of Foreign Affairs will hold an overseas Vietnamese "
        "festival in HCM City, i.e. at TP. Ho Chi Minh, in the third quarter.", encoding="utf-8")
    plan = load_plan(page)
    assert (plan.meta.number, plan.meta.date, plan.meta.province) == ("52/KH-UBND", "2025-03-10", "Kon Tum")
    assert {m["number"]: m["date"] for m in plan.meta.mentions}["25/CT-TTg"] == "2021-09-10"
    assert plan.warnings == [FOREIGN_LANGUAGE]  # not "damaged words", not "does this belong here"


def test_chunk_ids_are_deterministic_and_versioned(samples_dir):
    a = load_plan(samples_dir / "001_32f94a6958947b77.txt")
    b = load_plan(samples_dir / "001_32f94a6958947b77.txt")
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]
    assert all(c.id.startswith(f"{a.id}:{a.version}:") for c in a.chunks)
    changed = build_plan(a.text + "\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Ngoại vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.", a.source)
    assert changed.id == a.id and changed.version != a.version


def test_every_chunk_quotes_the_cleaned_text(samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        plan = load_plan(path)
        for chunk in plan.chunks:
            assert plan.text[chunk.start:chunk.end] == chunk.text
            # embedded: title and section path, then the text; quoted: the text alone
            prefix = "\n".join(x for x in (plan.meta.title, chunk.section) if x)
            assert chunk.embed_text == f"{prefix}\n{chunk.text}"


def test_a_page_about_a_centre_abroad_naming_only_its_country_is_taken():
    """No word of the family's list, but a foreign country named: a page about relations abroad, taken (with the
    "unsure" warning), never refused for its wording."""
    page = ("Trung tâm Văn hóa Việt Nam tại Pháp tổng kết một năm\n"
            "Trung tâm đã tổ chức hơn 10 cuộc triển lãm tranh, ảnh giới thiệu đất nước và con người Việt Nam, dạy tiếng "
            "Việt cho trẻ em và tổ chức Tết Trung thu cùng các hội đoàn của người Việt tại Pháp. ") * 2
    check_plan_text(page, "tt-phap.txt")  # no IngestError


def test_a_numbered_decision_in_translation_beside_a_portals_vietnamese_lines_is_kept(tmp_path):
    # a law library's English tab: the decision's own number on top, the portal's Vietnamese login lines below
    page = tmp_path / "qd-en.txt"
    page.write_text(
        "THE PRIME\nMINISTER\n-------\n|\nSOCIALIST\nREPUBLIC OF VIETNAM\nIndependence - Freedom - Happiness\n|\n"
        "No: 318/QD-TTg\n|\nHanoi,\nMarch 03, 2027\n|\nDECISION\nAPPROVING THE PROGRAMME ON CULTURE IN FOREIGN "
        "RELATIONS\nPursuant to the Law on Government organization;\nAt the request of the Minister of Culture,\nDECIDES:\n"
        "Bạn phải đăng nhập hoặc đăng ký Thành Viên để sử dụng được đầy đủ các tiện ích gia tăng liên quan đến nội "
        "dung văn bản. Mọi chi tiết xin liên hệ tổng đài hỗ trợ của trang.\n"
        "Article 2. This Decision takes effect from the date of signing.\nTHE PRIME MINISTER\nNguyen Van An",
        encoding="utf-8")
    check_plan_text(page.read_text(encoding="utf-8"), "qd-en.txt")  # no IngestError: a numbered document is ours
    assert load_plan(page).chunks


def test_a_saved_pages_date_before_its_text_is_its_date_not_its_words(tmp_path):
    plan = _news_page(tmp_path, " date 2029-10-14 Sáng 14/10, tại tỉnh Ngàn Sơn, Sở Công Thương phối hợp với Ủy ban "
                                "Hội Xúc tiến Thương mại quốc tế tỉnh Vân Nam (Trung Quốc) khai mạc Hội chợ Thương mại "
                                "biên giới lần thứ 12 với chủ đề “Kết nối và phát triển”, thu hút 450 gian hàng.")
    assert plan.meta.published == "2029-10-14"
    assert "date 2029" not in plan.meta.title and "Ngàn Sơn" in plan.meta.title
    assert not any("date 2029" in c.text for c in plan.chunks)
