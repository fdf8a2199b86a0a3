"""News pages reporting a document or an activity, written for these tests in the layouts of provincial papers: a page
announcing a decision by its bare number ("Quyết định số 2718") is that decision's account, and its lines answer what
is asked of it."""
from __future__ import annotations

from tests.rag.conftest import texts_store

DECISION_NEWS = """Quy chế phối hợp quản lý đoàn ra, đoàn vào

B.T |

UBND tỉnh vừa ban hành Quyết định số 2718 về Quy chế phối hợp quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Lộc Điền.

Đoàn khách quốc tế thăm phố cổ Lộc Điền vào tháng 5.2026. Ảnh minh họa

Theo quy chế, việc phối hợp quản lý đoàn ra, đoàn vào phải bảo đảm đúng đường lối đối ngoại của Đảng, chính sách, pháp
luật của Nhà nước; phát huy vai trò chủ động của các cơ quan, đơn vị; gắn hoạt động đối ngoại với nhiệm vụ phát triển
kinh tế - xã hội, quảng bá hình ảnh, văn hóa, con người Lộc Điền ra thế giới.

Các cơ quan, đơn vị có đoàn ra phải xây dựng kế hoạch hằng năm, gửi Sở Ngoại vụ tổng hợp trước ngày 15 tháng 12 của năm
trước; đoàn phát sinh ngoài kế hoạch phải báo cáo, xin ý kiến UBND tỉnh ít nhất 20 ngày trước ngày dự kiến đi. Sau khi
về nước, trưởng đoàn báo cáo kết quả chuyến công tác trong thời hạn 15 ngày làm việc.

Đối với đoàn vào, cơ quan mời đoàn chịu trách nhiệm về nội dung, chương trình làm việc, bảo đảm an ninh, an toàn cho
khách; phối hợp Công an tỉnh trong quản lý người nước ngoài tạm trú; thông báo cho Sở Ngoại vụ trước khi đón đoàn ít
nhất 07 ngày làm việc. Các đoàn cấp cao do Sở Ngoại vụ chủ trì xây dựng chương trình đón tiếp.

Sở Văn hóa, Thể thao và Du lịch phối hợp giới thiệu các điểm đến, chương trình nghệ thuật truyền thống phục vụ các đoàn
khách quốc tế; Sở Tài chính bảo đảm kinh phí theo quy định hiện hành cho hoạt động đón tiếp khách nước ngoài.

Đoàn của cơ quan Trung ương không thuộc phạm vi điều chỉnh của quy chế. Quy chế gồm 4 chương, 17 điều; đối tượng áp
dụng là các sở, ban, ngành, UBND các xã, phường của tỉnh Lộc Điền và các tổ chức, cá nhân có liên quan.

Sở Ngoại vụ là cơ quan đầu mối, tham mưu UBND tỉnh thống nhất quản lý hoạt động đoàn ra, đoàn vào.
"""

TWINNING_NEWS = """Nghĩa tình biên giới Lộc Điền
13:51 | 26/08/2026 GMT+7
Với đặc thù là tỉnh biên giới, những năm qua tỉnh Lộc Điền đã tổ chức cho 2 huyện biên giới kết nghĩa với 2 huyện phía
Trung Quốc và cho các xã biên giới kết nghĩa với các hương, trấn phía bên kia biên giới. Ký kết nghĩa giữa các xã Pà Vầy, Lũng Táo (Sủng Là) và trấn Hà Kiều, Bình Khê (Trung Quốc).
Ý tưởng này đã thành hiện thực vào ngày 12/9/2016, sau khi các nội dung phối hợp được hai bên thống nhất.
"""

AWARDS = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LỘC ĐIỀN | Độc lập - Tự do - Hạnh phúc
Số: 2391/QĐ-UBND | Lộc Điền, ngày 20 tháng 12 năm 2027

QUYẾT ĐỊNH
Về việc tặng Bằng khen cho tập thể, cá nhân có thành tích trong công tác đối ngoại giai đoạn 2025 - 2027

Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 03 cá nhân đã có thành tích xuất sắc trong
công tác đối ngoại theo Kế hoạch số 67/KH-UBND ngày 16/3/2022 của Ủy ban nhân dân tỉnh (có danh sách kèm theo).
Điều 2. Mỗi tập thể được thưởng 4.680.000 đồng; mỗi cá nhân được thưởng 2.340.000 đồng.

DANH SÁCH
STT
Tên tập thể, cá nhân
Chức vụ, đơn vị
Thành tích
I
TẬP THỂ (02 tập thể)



1
Phòng Hợp tác quốc tế
Văn phòng Ủy ban nhân dân tỉnh
Tham mưu ký kết 03 văn bản thỏa thuận hợp tác quốc tế; đón 46 đoàn khách quốc tế.
2
Trung tâm Văn hóa tỉnh
Sở Văn hóa, Thể thao và Du lịch
Biểu diễn 17 buổi ở nước ngoài, phục vụ 21.000 lượt khán giả.
II
CÁ NHÂN (03 cá nhân)



1
Ông Lý Văn Quang
Nghệ nhân gốm
Trình diễn gốm tại 06 hội chợ quốc tế; truyền nghề cho 12 học viên nước ngoài.
2
Bà Vi Thị Hoa
Biên tập viên Đài tỉnh
Phụ trách chuyên mục đối ngoại với 216 số phát sóng.
3
Bà Lục Thị Vân
Chủ tịch Hội người Việt Nam tại Osaka
Kết nối cộng đồng tổ chức Ngày Văn hóa Việt Nam tại Osaka năm 2026.
"""

AID_NEWS = """Lộc Điền đã làm gì khi nhận hàng triệu đô một năm từ viện trợ phi Chính phủ?
05/12/2027 10:57:55
Theo Báo cáo Tổng kết về công tác vận động viện trợ phi chính phủ nước ngoài giai đoạn 2023 – 2027 của UBND tỉnh Lộc
Điền thì trung bình tỉnh này nhận 3-4 triệu USD/năm.
Năm 2024 có số lượng chương trình, dự án tăng cao chủ yếu do các tổ chức PCPNN thực hiện các dự án cứu trợ khẩn cấp sau
bão lũ cuối năm 2023. Riêng năm 2027 có 18 tổ chức tài trợ với 29 dự án, giá trị giải ngân 1,8 triệu USD.
"""

COURSE = """SỞ NỘI VỤ TỈNH LỘC ĐIỀN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 51/KH-SNV | Lộc Điền, ngày 02 tháng 6 năm 2027

KẾ HOẠCH
Tổ chức lớp bồi dưỡng kiến thức đối ngoại năm 2027 của Sở Nội vụ tỉnh Lộc Điền
IV. NỘI DUNG, CHƯƠNG TRÌNH
Chuyên đề 1: Chiến lược Ngoại giao văn hóa đến năm 2030. Báo cáo viên: TS. Vũ Hoàng Minh, Học viện Ngoại giao.
Chuyên đề 2: Công tác biên giới, đối ngoại biên phòng và đối ngoại nhân dân. Báo cáo viên: Thượng tá Sầm Văn Tiến.
Chuyên đề 3: Lễ tân đối ngoại. Báo cáo viên: bà Phan Thị Ngọc Lan, Cục Lễ tân Nhà nước.
"""

store = texts_store("news-reports", {"loc-dien-kh-51-snv-2027-boi-duong-doi-ngoai.txt": COURSE, "loc-dien-vien-tro-pcpnn-2023-2027-tin.txt": AID_NEWS, "loc-dien-qd-2391-2027-khen-thuong.txt": AWARDS, "loc-dien-qd-2718-quy-che-doan-ra-doan-vao-tin.txt": DECISION_NEWS,
                                     "loc-dien-ket-nghia-bien-gioi-2026-tin.txt": TWINNING_NEWS})


def test_a_page_announcing_a_decision_by_its_bare_number_answers_of_it(store):
    answer = store.answerer.ask("Quy chế phối hợp quản lý đoàn ra, đoàn vào của Lộc Điền (QĐ 2718) gồm mấy chương, mấy điều?")
    assert answer.found and "4 chương" in answer.answer and "17 điều" in answer.answer, answer.answer


def test_a_day_set_by_a_cited_document_is_not_its_issue_date():
    from rag.decide.documents import cited_document_unsaid
    from rag.find.scope import Scope
    from rag.understand.question import analyze

    scope = Scope(names_other_documents=True, other_documents=["1907/UBND-NgV"])
    shown = ("Năm 2026, khi thực hiện Công văn số 1907/UBND-NgV ngày 12 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh, có "
             "05 cơ quan gửi báo cáo chậm.\nSở Tài chính gửi số liệu trước ngày 05/12/2027.")
    deadline = analyze("cong van 1907/UBND-NgV yeu cau nop bao cao truoc ngay nao?")
    assert cited_document_unsaid(deadline, scope, shown) == "1907/UBND-NgV"
    assert cited_document_unsaid(analyze("Công văn 1907/UBND-NgV ban hành ngày nào?"), scope, shown) is None
    set_day = shown.replace("có 05 cơ quan", "hạn gửi báo cáo là ngày 20/11/2026, có 05 cơ quan")
    assert cited_document_unsaid(deadline, scope, set_day) is None


def test_a_district_a_page_names_without_its_kind_is_written_there(store):
    answer = store.answerer.ask("Huyện Sủng Là kết nghĩa với những trấn nào của Trung Quốc?")
    assert answer.found and "Hà Kiều" in answer.answer, answer.answer


def test_an_idea_opening_a_sentence_is_no_italy():
    from rag.understand.entities import foreign_places

    assert not foreign_places("hai bên thống nhất. Ý tưởng này đã thành hiện thực; Pháp luật về đối ngoại")
    assert [e.name for e in foreign_places("Đoàn sang Ý dự hội chợ")] == ["Italia"]


def test_a_province_written_short_after_tai_is_no_venue_the_lines_must_name():
    from rag.decide.places import asked_venues
    from rag.understand.question import analyze

    assert asked_venues(analyze("Ai dẫn đoàn tỉnh Lộc Điền đến chúc Tết Tổng Lãnh sự Malaysia tại TP.HCM?")) == []
    assert asked_venues(analyze("Tổng lãnh sự Việt Nam tại Vancouver là ai?")) == ["Vancouver"]


def test_aid_asked_how_much_is_a_sum_not_a_count():
    from rag.decide.counts import counted_phrase
    from rag.understand.question import analyze

    assert counted_phrase(analyze("Liên hiệp vận động được bao nhiêu viện trợ PCPNN từ năm 2020 đến 2025?")) is None
    assert counted_phrase(analyze("Phú Vân đặt hàng bao nhiêu kỳ chuyên mục đối ngoại?")) is None  # "kỳ" is said as typed
    assert counted_phrase(analyze("Tỉnh có bao nhiêu ấn phẩm thông tin đối ngoại?")) == "an pham"


def test_a_place_typed_plainly_ends_before_tai():
    from rag.find.accents import Accents
    from rag.find.places_named import unknown_place
    from rag.understand.names import parse_query

    class NoIndex:  # the gazetteer alone decides here: a name of one syllable is no unknown province
        df: dict[str, int] = {}
        accents = Accents({}, {})  # (no stored text writes "tinh X" as a word)

    assert unknown_place(parse_query("ai tiep doan hoi huu nghi tinh miyagi tai loc dien"), NoIndex()) is None  # type: ignore[arg-type]
    asked = parse_query("nghe nhan di bieu dien theo doan cua tinh thi ho chieu phai con han bao lau")
    assert unknown_place(asked, NoIndex()) is None  # type: ignore[arg-type]
    # …and before a verb of going or greeting: "Kep" alone is the place, one syllable, no unknown province
    assert unknown_place(parse_query("doan tinh kep sang kien giang chuc tet nam nao"), NoIndex()) is None  # type: ignore[arg-type]
    # "cấp tỉnh" is the provincial level, typed plainly too: no province named "Hẹn Hai"
    assert unknown_place(parse_query("thoa thuan cap tinh hen hai truong ky vao thang may"), NoIndex()) is None  # type: ignore[arg-type]
    assert unknown_place(parse_query("doan cua tinh hen hai truong ky vao thang may"), NoIndex()) == "hen hai"  # type: ignore[arg-type]


def test_a_count_asked_of_a_decision_named_by_number_is_its_own_line_not_a_records_figures(store):
    answer = store.answerer.ask("QĐ 2391 của Lộc Điền khen bao nhiêu cá nhân?")
    assert "03 cá nhân" in answer.answer, answer.answer


def test_an_awardee_is_named_from_the_list_by_what_they_did(store):
    answer = store.answerer.ask("Ở Lộc Điền, ai được khen vì kết nối cộng đồng tổ chức Ngày Văn hóa Việt Nam tại Osaka?")
    assert "Lục Thị Vân" in answer.answer, answer.answer


def test_a_body_in_hyphenated_shorthand_is_the_body_spelled_out():
    from ground.agencies import agency_matches, find_agencies

    assert agency_matches("Ban KT-NS", "Ban Kinh tế - Ngân sách")
    assert agency_matches("Ban KT-NS Lộc Điền", "Ban Kinh tế - Ngân sách")
    assert not agency_matches("Ban KT-NS", "Ban Văn hóa - Xã hội")
    text = "muc chi theo de nghi cua Ban KT-NS la bao nhieu"
    assert [text[m.start:m.end] for m in find_agencies(text)] == ["Ban KT-NS"]


def test_a_number_asked_of_a_text_named_by_its_number_is_another_documents(store):
    answer = store.answerer.ask("QĐ 2391 của Lộc Điền khen thưởng theo kế hoạch số mấy, ngày nào?")
    assert "67/KH-UBND" in answer.answer and "16/3/2022" in answer.answer, answer.answer
    assert "20/12/2027" not in answer.answer  # not the decision's own date


def test_a_decision_naming_nothing_it_replaces_is_not_answered_found(store):
    answer = store.answerer.ask("QĐ 2391 của Lộc Điền thay thế quyết định nào trước đó?")
    assert not answer.found and not answer.citations and "không ghi" in answer.answer, answer.answer


def test_a_source_of_money_the_pages_title_names_is_the_source_of_its_figures(store):
    answer = store.answerer.ask("Lộc Điền nhận viện trợ phi chính phủ nước ngoài năm 2027 là bao nhiêu?")
    assert answer.found and "1,8 triệu USD" in answer.answer, answer.answer


def test_who_presents_a_topic_is_the_next_sentence_of_its_line(store):
    answer = store.answerer.ask("chuyen de 2 ve cong tac bien gioi, doi ngoai bien phong do ai trinh bay?")
    assert "Sầm Văn Tiến" in answer.answer, answer.answer


def test_according_to_a_cited_resolution_in_shorthand_asks_what_the_quoting_lines_say():
    from rag.decide.documents import _DESCRIBES
    from rag.understand.question import analyze

    assert _DESCRIBES.search(analyze("Theo NQ 23/2027/NQ-HĐND, doanh nghiệp được hỗ trợ bao nhiêu phần trăm?").pq.folded)


def test_the_named_decisions_own_number_asked_in_a_rewrite_is_its_own(store):
    answer = store.answerer.ask("Quyết định 2391/QĐ-UBND của Lộc Điền số mấy, ai ký?")
    assert "2391" in answer.answer and "67/KH-UBND" not in answer.answer, answer.answer


def test_two_documents_named_by_number_are_each_asked_the_fact(store):
    answer = store.answerer.ask("QĐ 2391 và KH 51 lần lượt ban hành ngày nào?")
    assert "20/12/2027" in answer.answer and "02/6/2027" in answer.answer, answer.answer
