"""Over news pages and a contest notice written for these tests: a part of a question whose value the line chosen for it
does not state is read from the lines right around the lines shown ("… được công nhận từ năm 2012." just before "Trong lộ
trình tái thẩm định 4 năm một lần, …"; "(SN 1999)" is a year of birth); "… những ngoại ngữ nào?" is answered by the line
of the text that lists them after a colon, though its passage ranks low; and a question asking across two texts, each
part naming what it asks of, is answered part by part when no one text holds both."""
from __future__ import annotations

from rag.find.firsts import enumerates
from rag.understand.entities import tag
from rag.understand.question import analyze, stands_alone
from tests.rag.conftest import texts_store

GEOPARK = """Đoàn chuyên gia tái thẩm định Công viên địa chất toàn cầu Núi Lửa Sa Ngàn

Trong các ngày từ 12 đến 15/7, đoàn chuyên gia của Mạng lưới Công viên địa chất toàn cầu đã kiểm tra, đánh giá việc thực
hiện các tiêu chí của Công viên địa chất toàn cầu Núi Lửa Sa Ngàn.
Đi cùng đoàn có đại diện Ủy ban Quốc gia UNESCO Việt Nam và Sở Văn hóa, Thể thao và Du lịch tỉnh Sa Ngàn.

Công viên địa chất Núi Lửa Sa Ngàn có diện tích 3.120 km2, được Hội đồng Công viên địa chất toàn cầu UNESCO công nhận là
Công viên địa chất toàn cầu từ năm 2012.

Trong lộ trình tái thẩm định 4 năm một lần, đoàn chuyên gia đã làm việc với Ban quản lý và khảo sát 14 điểm di sản.
"""

STUDENT = """Lưu học sinh Campuchia lần đầu đón Tết cổ truyền ở Sa Ngàn

Khác với nhiều bạn đồng hương về nước nghỉ Tết, một số lưu học sinh Campuchia đã chọn ở lại Sa Ngàn đón Tết Nguyên đán.

Sok Dara (SN 1999) là lưu học sinh đang theo học ngành Quản lý du lịch, Trường Đại học Sa Ngàn. Đến nay, chàng trai
người Campuchia đã sống và học tập tại Sa Ngàn được 4 năm.

Dịp này, nhà trường tổ chức gói bánh chưng và tặng quà cho 36 lưu học sinh nước ngoài.
"""

CONTEST = """ỦY BAN NHÂN DÂN TỈNH SA NGÀN
Số: 118/TB-UBND
Sa Ngàn, ngày 02 tháng 3 năm 2027

THÔNG BÁO
Về việc tổ chức Cuộc thi ảnh "Sa Ngàn trong mắt bạn bè quốc tế" năm 2027

1. Mục đích
Giới thiệu thiên nhiên, di sản và con người Sa Ngàn tới bạn bè quốc tế; xây dựng kho ảnh có chú thích bằng ngoại ngữ
phục vụ thông tin đối ngoại và xúc tiến du lịch của tỉnh.

2. Đối tượng dự thi
- Công dân Việt Nam và người nước ngoài từ đủ 16 tuổi trở lên, dự thi cá nhân hoặc theo nhóm không quá 03 người.
- Thành viên Ban Tổ chức và Hội đồng Giám khảo không được dự thi.

3. Yêu cầu đối với tác phẩm
- Ảnh chụp tại tỉnh Sa Ngàn từ ngày 01/01/2026, định dạng JPG, dung lượng không quá 20 MB.
- Chú thích ảnh: viết bằng một trong 05 ngoại ngữ: tiếng Anh, Pháp, Đức, Nhật Bản, Hàn Quốc; kèm bản dịch tiếng Việt.
- Mỗi tác giả gửi không quá 05 ảnh.

4. Thời hạn nhận tác phẩm
Từ ngày 15/3 đến 17h00 ngày 30/6/2027, gửi qua cổng anh.sangan.gov.vn.

5. Giải thưởng
Tổng giá trị giải thưởng 150.000.000 đồng, gồm 01 giải Nhất, 02 giải Nhì, 03 giải Ba và 10 giải Khuyến khích.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đàm Quốc Hưng
"""

GUIDANCE = """Bộ Văn hóa hướng dẫn đưa sách, ấn phẩm văn hóa ra nước ngoài trưng bày

Ngày 14/3/2011, Bộ Văn hóa, Thể thao và Du lịch đã có Thông tư số 07/2011/TT-BVHTTDL hướng dẫn việc đưa sách, ấn phẩm
văn hóa của Việt Nam ra nước ngoài trưng bày, giới thiệu tại các hội chợ quốc tế.
Thông tư quy định hồ sơ, thời hạn cấp phép và trách nhiệm của cơ quan, tổ chức đưa ấn phẩm ra nước ngoài.
"""

REPLY = """Bộ Văn hóa trả lời công dân về việc đưa tranh ra nước ngoài dự thi năm 2024

Bà Trần Thu Vân hỏi: tranh sơn mài của bà được chọn trưng bày tại một cuộc thi ở Hàn Quốc thì bà có phải xin phép không?
Về vấn đề này, Bộ Văn hóa, Thể thao và Du lịch trả lời như sau: theo Nghị định số 113/2013/NĐ-CP về hoạt động mỹ thuật,
việc đưa tác phẩm mỹ thuật ra nước ngoài triển lãm với danh nghĩa cá nhân do Ủy ban nhân dân cấp tỉnh cấp giấy phép.
"""

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH SA NGÀN
KHÓA XV - KỲ HỌP THỨ MƯỜI MỘT
Số: 21/2026/NQ-HĐND
Sa Ngàn, ngày 08 tháng 7 năm 2026

NGHỊ QUYẾT
Quy định mức chi đón tiếp khách nước ngoài đến làm việc tại tỉnh Sa Ngàn

HỘI ĐỒNG NHÂN DÂN TỈNH SA NGÀN

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét Tờ trình số 77/TTr-UBND ngày 10 tháng 6 năm 2026 của Ủy ban nhân dân tỉnh;

QUYẾT NGHỊ:
Điều 1. Mức chi mời cơm khách nước ngoài là khách hạng A không quá 1.200.000 đồng/suất.
Điều 2. Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
Nghị quyết này đã được Hội đồng nhân dân tỉnh Sa Ngàn khóa XV, Kỳ họp thứ mười một thông qua ngày 08 tháng 7 năm 2026
và có hiệu lực từ ngày 20 tháng 7 năm 2026.

CHỦ TỊCH
Lò Văn Thắm
"""

store = texts_store("around", {
    "sa-ngan-nq-21-2026-nq-hdnd-muc-chi-don-tiep-khach-nuoc-ngoai.txt": RESOLUTION,
    "sa-ngan-tai-tham-dinh-cong-vien-dia-chat-tin.txt": GEOPARK,
    "sa-ngan-luu-hoc-sinh-campuchia-don-tet-tin.txt": STUDENT,
    "sa-ngan-tb-118-2027-cuoc-thi-anh.txt": CONTEST,
    "quoc-gia-bvhttdl-thong-tu-07-2011-tin.txt": GUIDANCE,
    "quoc-gia-bvhttdl-tra-loi-cong-dan-2024-tin.txt": REPLY,
})


def test_a_part_said_in_the_line_before_the_one_shown(store):
    a = store.ask("cong vien dia chat nui lua sa ngan duoc unesco cong nhan tu nam nao, bao lau tai tham dinh mot lan?")
    assert a.found
    assert "2012" in a.answer and "4 năm một lần" in a.answer
    assert "không nêu" not in a.answer


def test_a_year_of_birth_written_sn(store):
    assert any(e.kind == "period" and "1999" in e.text for e in tag("Sok Dara (SN 1999) là lưu học sinh"))
    a = store.ask("Sok Dara sinh nam nao va da song, hoc tap o Sa Ngan duoc bao lau?")
    assert a.found
    assert "1999" in a.answer and "4 năm" in a.answer


def test_the_line_listing_what_is_asked(store):
    assert enumerates("Chú thích ảnh: viết bằng một trong 05 ngoại ngữ: tiếng Anh, Pháp, Đức, Nhật Bản, Hàn Quốc.",
                      "ngoai ngu")
    assert not enumerates("xây dựng kho ảnh có chú thích bằng ngoại ngữ phục vụ thông tin đối ngoại", "ngoai ngu")
    a = store.ask("Ảnh dự thi cuộc thi Sa Ngàn trong mắt bạn bè quốc tế được chú thích bằng những ngoại ngữ nào?")
    assert a.found
    assert all(lang in a.answer for lang in ("Pháp", "Đức", "Nhật Bản", "Hàn Quốc"))


def test_parts_that_stand_alone():
    q = analyze("Năm 2011 Bộ VHTTDL hướng dẫn đưa ấn phẩm ra nước ngoài bằng thông tư nào, còn năm 2024 Bộ dẫn nghị "
                "định nào về mỹ thuật?")
    assert len(q.parts) == 2 and all(map(stands_alone, q.parts))
    assert not stands_alone(analyze("Quyết định 12 có số hiệu gì, ai ký?").parts[1])


def test_a_question_across_two_texts_answered_part_by_part(store):
    a = store.ask("Năm 2011 Bộ VHTTDL hướng dẫn đưa sách, ấn phẩm ra nước ngoài trưng bày bằng thông tư nào, còn năm 2024 "
                  "Bộ trả lời bà Trần Thu Vân dẫn nghị định nào về mỹ thuật?")
    assert a.found
    assert "07/2011/TT-BVHTTDL" in a.answer
    sources = {c.source for c in a.citations}
    assert "quoc-gia-bvhttdl-thong-tu-07-2011-tin.txt" in sources


def test_a_name_in_running_text_is_capitalised_throughout():
    from ground.places import iter_mentions

    page = ("Thủ tục áp dụng cho đơn vị nghệ thuật, diễn viên nước ngoài, diễn viên là người Việt Nam định cư ở nước ngoài "
            "tham gia biểu diễn tại tỉnh Bình Định theo quy định của pháp luật về nghệ thuật biểu diễn.")
    assert [m.province for m in iter_mentions(page)] == ["Bình Định"]
    assert [m.province for m in iter_mentions("kế hoạch của Nam định")] == ["Nam Định"]  # a typed question: any case
    assert [m.province for m in iter_mentions("Di sản ký ức thế giới khu vực châu Á – Thái Bình Dương")] == []
    from ground.places import without_non_places  # …nor in the store's own vocabulary, read off a folded question
    folded = "di san ky uc the gioi khu vuc chau a thai binh duong o thai binh"
    assert without_non_places(folded).split() == "di san ky uc the gioi khu vuc chau a o thai binh".split()
    assert len(without_non_places(folded)) == len(folded)


def test_a_score_and_a_lunar_year_are_values_not_document_numbers():
    from rag.understand.names import fact_asked

    assert fact_asked("tran dau ket thuc voi ty so bao nhieu") == "general"
    assert fact_asked("quyet dinh thanh lap ban so may") == "number"
    assert analyze("Trận giao hữu kết thúc với tỷ số bao nhiêu?").answer_type == "number"
    assert ("number", "4-3") in [(e.kind, e.text) for e in tag("Trận đấu kết thúc với tỷ số 4-3 nghiêng về đội chủ nhà.")]
    assert ("period", "Mậu Tuất") in [(e.kind, e.text) for e in tag("Gặp mặt kiều bào dịp Tết Mậu Tuất.")]
    assert not [e for e in tag("Báo cáo quý kết quả, Tân Bình") if e.kind == "period" and "Tân" in e.text]


def test_who_signed_what_a_page_reports():
    from rag.compose.plan_facts import _SIGNING

    assert _SIGNING.search("Bộ trưởng Nguyễn Văn A và Bộ trưởng Bounmy đã cùng ký kết bản kế hoạch phối hợp.")


def test_the_session_of_a_resolution():
    from rag.decide.counts import counted_in

    assert counted_in("tai ky hop thu may", "… Hội đồng nhân dân tỉnh Sa Ngàn khóa XV, Kỳ họp thứ mười một thông qua …")
    assert counted_in("HDND khoa may", "… Hội đồng nhân dân tỉnh Sa Ngàn khóa XV, Kỳ họp thứ mười một thông qua …")
    assert not counted_in("ky hop thu may", "… tại kỳ họp thường lệ cuối năm …")


def test_a_resolution_asked_its_term_and_session(store):
    a = store.ask("NQ 21/2026 Sa Ngan duoc thong qua ngay nao, tai HDND khoa may, ky hop thu may?")
    assert a.found
    assert "XV" in a.answer and ("MƯỜI MỘT" in a.answer.upper())


def test_a_figure_of_another_year_is_no_answer():
    from rag.decide.years import figure_of_other_year

    q = analyze("Năm 2024 tỉnh Sa Ngàn đón bao nhiêu lượt khách quốc tế?")
    other = "Lễ hội được đưa vào danh mục năm 2024. Lượng khách quốc tế đến tỉnh năm 2025 đạt 412.000 lượt."
    assert figure_of_other_year(q, other) == "thông tin của năm 2024"
    assert figure_of_other_year(q, "Khách quốc tế: năm 2023 đạt 300.000 lượt; năm 2024 đạt 380.000 lượt.") is None
    assert figure_of_other_year(q, "Tỉnh đón 380.000 lượt khách quốc tế.") is None  # no year dates it


def test_a_country_in_the_place_of_the_one_asked():
    from rag.dialogue.frames import country_asked

    assert country_asked("đông nhất ở nước nào, bao nhiêu người?", "Hàn Quốc") == "đông nhất ở Hàn Quốc, bao nhiêu người?"
    assert country_asked("hop tac voi nhung nuoc nao?", "Lao") == "hop tac voi Lao?"
    assert country_asked("kinh phí bao nhiêu?", "Hàn Quốc") is None


def test_a_visit_to_a_college_is_dated_by_its_line_not_the_plan():
    from rag.understand.names import fact_asked

    assert fact_asked("kiem tra truong cao dang y te ngay nao trong ke hoach 54/kh-ubnd") == "general"
    assert fact_asked("ke hoach 54 ban hanh ngay nao") == "date"
    assert fact_asked("tin nay dang ngay nao") == "date"


def test_a_place_of_nature_or_a_port_is_named_after_its_kind():
    # "tổ chức ở đâu?" of a festival: "biển Tam Thanh" is where, a line naming only the province asked is not
    assert ("place", "Tam Thanh") in [(e.kind, e.text) for e in tag("Bầu trời biển Tam Thanh rực rỡ cánh diều.")]
    assert ("place", "Fansipan") in [(e.kind, e.text) for e in tag("Đoàn chinh phục đỉnh Fansipan.")]
    assert not [e for e in tag("Nộp hồ sơ tại bộ phận một cửa.") if e.kind == "place" and "Sơ" in e.text]
