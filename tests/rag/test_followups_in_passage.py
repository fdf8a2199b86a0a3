"""Follow-ups that go on in the passage just shown, things pointed back at ("tuần lễ này", "các đại sứ đó", "họ"), a
chat's bracketed subject after a refusal; and, over small texts written for these tests, a two-syllable signer, a
document's date another page gives, an annex's chapters, a province a page read as another's names, a later part's year,
a project's duration."""
from __future__ import annotations

import pytest

from ground import vi
from ground.config import Settings
from ngvh.services import Services
from rag.decide.events import unsaid_event
from rag.decide.holders import names_person
from rag.decide.things import asked_thing
from rag.understand.question import answer_type
from tests.rag.conftest import chat

HANDBOOK = """TỈNH ỦY LÃNG VÂN
BAN TUYÊN GIÁO
*
Số 41-CV/BTGTU
ĐẢNG CỘNG SẢN VIỆT NAM
Lãng Vân, ngày 12 tháng 5 năm 2027

V/v phát hành Tài liệu hỏi - đáp về công tác đối ngoại nhân dân ở cơ sở

Câu 1. Khi xã muốn mời đoàn khách của huyện kết nghĩa bên Lào sang giao lưu thì phải làm những thủ tục gì?

Trả lời: Ủy ban nhân dân xã gửi văn bản đề nghị đến Ủy ban nhân dân tỉnh (qua Sở Ngoại vụ) chậm nhất 20 ngày làm việc
trước ngày đón đoàn, kèm chương trình dự kiến và danh sách thành viên đoàn. Sở Ngoại vụ lấy ý kiến Công an tỉnh và trình
Chủ tịch Ủy ban nhân dân tỉnh quyết định trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ. Riêng đoàn dưới 8
người, hoạt động trong ngày tại khu vực cửa khẩu, xã chỉ cần thống nhất với Đồn Biên phòng sở tại và báo cáo sau.

Câu 2. Kinh phí cho hoạt động giao lưu của xã lấy từ đâu?

Trả lời: Kinh phí lấy từ dự toán chi thường xuyên của xã và nguồn vận động hợp pháp của Mặt trận Tổ quốc xã.

Câu 3. Việc lấy ý kiến các xã về dự thảo tài liệu này đã làm thế nào?

Trả lời: Ban Tuyên giáo gửi dự thảo đến 28 xã, phường; 25 đơn vị đã có văn bản góp ý. Còn 03 đơn vị chưa gửi văn bản
(xã Nậm Vân, xã Pù Lãng và phường Vân Hà). Ban đã đôn đốc bằng điện thoại ngày 02/4/2027 và coi như các đơn vị này
thống nhất với dự thảo.

Nơi nhận:
- Các xã, phường;
- Lưu: VT.
TRƯỞNG BAN
Lò Văn Khải
"""

DECISION = """Quyết định 05/2027/QĐ-UBND về Quy chế quản lý hoạt động đối ngoại trên địa bàn tỉnh Lãng Vân
Số hiệu: 05/2027/QĐ-UBND Loại văn bản: Quyết định
Nơi ban hành: Tỉnh Lãng Vân Người ký: Hà Khang
Ngày ban hành: 09/02/2027 Ngày hiệu lực: Đang cập nhật

ỦY BAN NHÂN DÂN
TỈNH LÃNG VÂN
Số: 05/2027/QĐ-UBND
Lãng Vân, ngày 09 tháng 02 năm 2027

QUYẾT ĐỊNH
Ban hành Quy chế quản lý hoạt động đối ngoại trên địa bàn tỉnh Lãng Vân

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hoạt động đối ngoại trên địa bàn tỉnh Lãng Vân.

Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.

CHỦ TỊCH
Hà Khang
"""


SCRIPT = """UBND TỈNH LÃNG VÂN
BAN TỔ CHỨC NGÀY HỘI VĂN HÓA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lãng Vân, ngày 02 tháng 10 năm 2027

KỊCH BẢN CHI TIẾT
Lễ khai mạc Ngày hội Văn hóa các dân tộc và Giao lưu hữu nghị quốc tế tỉnh Lãng Vân lần thứ I, năm 2027

I. THÔNG TIN CHUNG
1. Thời gian: từ 19 giờ 30 đến 21 giờ 15, thứ Bảy, ngày 06/11/2027.
2. Địa điểm: Quảng trường Vân Giang, tỉnh Lãng Vân.
3. Thành phần: lãnh đạo tỉnh; các đoàn quốc tế:
- Đoàn tỉnh Luang Prabang (Lào) 30 người;
- Đoàn tỉnh Udon Thani (Thái Lan) 16 người;
- Đoàn tỉnh Gangwon (Hàn Quốc) 12 người.

II. CHƯƠNG TRÌNH NGHỆ THUẬT
1. Trống hội "Hồn núi Lãng Vân" - 120 diễn viên.
2. Múa "Lời then gọi bạn" - Nhà hát Ca múa nhạc tỉnh.
3. Múa trống Samulnori - Đoàn tỉnh Gangwon (Hàn Quốc).
4. Múa nón lá kết hợp múa Thái - Đoàn tỉnh Udon Thani (Thái Lan).

TRƯỞNG BAN
Vi Văn Khởi
"""


def _stored_texts(folder, texts: dict[str, str]) -> Services:
    """A store of its own holding the texts given (file name → text)."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    services = Services(Settings(data_dir=folder / "store"))
    assert services.ingest_paths([folder]).ok
    return services


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Services:
    return _stored_texts(tmp_path_factory.mktemp("followups-in-passage"), {
        "lang-van-cv-41-2027-hoi-dap.txt": HANDBOOK, "lang-van-qd-05-2027-quy-che.txt": DECISION,
        "lang-van-kb-2027-le-khai-mac.txt": SCRIPT})


def test_a_follow_up_with_no_subject_of_its_own_goes_on_in_the_passage_just_shown(stored):
    turns = chat(stored, ["Ở Lãng Vân, xã muốn mời đoàn khách bên Lào sang giao lưu thì phải làm những thủ tục gì?",
                          "thế đoàn nhỏ, đi trong ngày ở cửa khẩu thì sao?"])
    assert "20 ngày làm việc" in turns[0].answer.answer
    assert turns[1].answer.found and "Đồn Biên phòng" in turns[1].answer.answer


def test_those_few_units_pointed_back_at_are_asked_how_they_were_dealt_with_not_counted(stored):
    assert answer_type(vi.collapse("Ban xử lý mấy đơn vị đó ra sao?")) == "manner"
    assert answer_type(vi.collapse("năm đó có mấy đoàn đến đó?")) == "number"
    turns = chat(stored, ["Lãng Vân lấy ý kiến dự thảo tài liệu hỏi đáp thế nào, bao nhiêu đơn vị đã góp ý?",
                          "những đơn vị nào chưa gửi?", "Ban xử lý mấy đơn vị đó ra sao?"])
    assert "Pù Lãng" in turns[1].answer.answer
    assert turns[2].answer.found and "thống nhất với dự thảo" in turns[2].answer.answer


def test_a_thing_pointed_back_at_is_no_event_nor_kind_the_lines_must_name():
    assert unsaid_event("Tỉnh giao cơ quan nào chủ trì các hoạt động của tuần lễ này?", "Sở Văn hóa chủ trì.") is None
    assert unsaid_event("Tỉnh giao ai chủ trì tuần lễ ẩm thực?", "Sở Văn hóa chủ trì lễ hội hoa.") == "tuần lễ ẩm thực"
    assert asked_thing("Các đại sứ đó nhiệm kỳ nào?") is None  # "nhiệm kỳ" alone: the answer type's, not a thing
    assert asked_thing("Đại sứ quán đó ở cửa khẩu quốc tế nào?") == "cua khau quoc te"


def test_a_two_syllable_name_beside_an_office_or_its_signature_names_a_person():
    assert names_person("Phó Chủ tịch UBND tỉnh Đào Mỹ vừa ký ban hành kế hoạch.")
    assert names_person("Quyết định 05/2027/QĐ-UBND của UBND tỉnh Lãng Vân do Hà Khang ký.")
    assert not names_person("Quyết định do Ủy ban nhân dân tỉnh ký ban hành.")


def test_a_decision_signed_by_a_two_syllable_name_is_answered_who_signed(stored):
    answer = stored.ask("quy che quan ly hoat dong doi ngoai lang van 2027 ai ky")
    assert answer.found and "Hà Khang" in answer.answer


NEWS_WITHOUT_DATE = """https://stttt.langvan.example/tin/quy-dinh-thong-tin-doi-ngoai
Lãng Vân: Ban hành Quyết định Quy định quản lý hoạt động thông tin đối ngoại

Thứ năm, 27/09/2027 09:03

Mới đây, UBND tỉnh Lãng Vân vừa ban hành Quyết định số 31/2027/QĐ-UBND về Quy định quản lý hoạt động thông tin đối ngoại
trên địa bàn tỉnh. Quyết định này có hiệu lực thi hành kể từ ngày 20/9/2027.
"""
NEWS_WITH_DATE = """https://songoaivu.langvan.example/tin/ban-hanh-moi-quy-dinh
Lãng Vân ban hành mới Quy định quản lý hoạt động thông tin đối ngoại

Ngày 5-9, UBND tỉnh Lãng Vân ban hành Quy định quản lý hoạt động thông tin đối ngoại trên địa bàn tỉnh kèm theo Quyết định
số 31/2027/QĐ-UBND thay thế Quy định ban hành kèm theo Quyết định số 12/2020/QĐ-UBND ngày 28/4/2020 của UBND tỉnh.
Theo Quy định mới, thông tin chính thức về tỉnh được cung cấp bằng 6 phương thức.
"""


def test_a_documents_date_one_page_lacks_is_read_from_another_page_about_it(tmp_path):
    services = _stored_texts(tmp_path, {"lang-van-qd-31-2027-tin.txt": NEWS_WITHOUT_DATE,
                                        "lang-van-sngv-tin.txt": NEWS_WITH_DATE})
    answer = services.ask("Quyết định 31/2027/QĐ-UBND của Lãng Vân ban hành ngày nào?")
    assert answer.found and "5-9" in answer.answer and "28/4/2020" not in answer.answer


def test_after_a_refusal_the_chats_subject_finds_the_text_and_what_is_asked_is_looked_for_in_it(stored):
    turns = chat(stored, ["Lễ khai mạc ngày hội ở Lãng Vân có mấy đoàn nước ngoài biểu diễn múa rối?",
                          "doan Thai Lan bao nhieu nguoi?", "Còn đoàn Hàn Quốc?"])
    assert "Le khai mac" in turns[1].understood  # the subject, typed as the user types
    assert "16 người" in turns[1].answer.answer
    assert "Han Quoc" in turns[2].understood and "Thai Lan" not in turns[2].understood  # the country swapped, typed plainly
    assert "12 người" in turns[2].answer.answer


def test_they_are_the_delegation_the_last_question_named():
    from rag.dialogue.resolve import resolve
    from rag.dialogue.state import Conversation

    ctx = Conversation(question="Đoàn Hàn Quốc có bao nhiêu người?", found=True)
    assert resolve("Họ biểu diễn tiết mục gì?", ctx).question_understood.startswith("Đoàn Hàn Quốc biểu diễn")
    assert not resolve("Họ tên trưởng đoàn là gì?", ctx).question_understood.startswith("Đoàn")  # the name asked


def test_the_chapters_of_an_annex_are_not_the_decisions_own_articles(tmp_path):
    cut = DECISION  # the decision's two articles, its annex not in the text
    whole = DECISION.replace("Lãng Vân", "Lãng Sơn").replace("05/2027", "06/2027") + (
        "\nQUY CHẾ\nQuản lý hoạt động đối ngoại trên địa bàn tỉnh Lãng Sơn\n(Ban hành kèm theo Quyết định số 06/2027/QĐ-UBND)\n\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc quản lý hoạt động đối ngoại.\n"
        "Điều 2. Đối tượng áp dụng\nQuy chế áp dụng với các sở, ban, ngành và UBND cấp xã.\n\n"
        "Chương II\nNỘI DUNG QUẢN LÝ\nĐiều 3. Đoàn ra\nSở Ngoại vụ thẩm định kế hoạch đoàn ra trong 05 ngày làm việc.\n"
        "Điều 4. Đoàn vào\nCơ quan mời đoàn vào gửi văn bản xin phép trước 15 ngày.\n"
        "Điều 5. Hội nghị quốc tế\nCơ quan tổ chức trình UBND tỉnh trước 20 ngày.\n\n"
        "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 6. Trách nhiệm thi hành\nCác cơ quan có trách nhiệm thi hành Quy chế này.\n")
    services = _stored_texts(tmp_path, {"lang-van-qd-05-2027.txt": cut, "lang-son-qd-06-2027.txt": whole})
    answer = services.ask("Quy chế ban hành kèm QĐ 06/2027/QĐ-UBND của Lãng Sơn gồm mấy chương, mấy điều?")
    assert answer.found and "3 chương" in answer.answer and "6 điều" in answer.answer
    answer = services.ask("Quy chế ban hành kèm QĐ 05/2027/QĐ-UBND của Lãng Vân gồm mấy chương, mấy điều?")
    assert "2 điều" not in answer.answer  # the decision's own Điều 1, Điều 2 are no articles of its annex


CONSULATE_VISIT = """http://kiengiang.example/chu-tich-ubnd-tinh-lam-viec-voi-tong-lanh-su-han-quoc-tai-thanh-pho-ho-chi-minh
Chủ tịch UBND tỉnh làm việc với Tổng Lãnh sự Hàn Quốc tại Thành phố Hồ Chí Minh

(KG) - Chiều ngày 29-7, tại Thành phố Hồ Chí Minh, Đoàn công tác của tỉnh Kiên Giang do ông Vi Văn Khởi, Chủ tịch UBND tỉnh
làm Trưởng đoàn, đã có buổi làm việc với Ngài Park Min Soo, Tổng Lãnh sự Hàn Quốc tại Thành phố Hồ Chí Minh.
Chủ tịch UBND tỉnh cho biết, tháng 12 tới tỉnh sẽ tổ chức sự kiện "Gặp gỡ Hàn Quốc - Kiên Giang" với 3 hoạt động chính là
giao lưu văn hóa, gặp gỡ doanh nghiệp và kết nối doanh nghiệp hai bên. Thành phố Hồ Chí Minh là đầu mối hỗ trợ.
"""


def test_a_province_named_by_a_page_read_as_another_places_is_not_said_missing(tmp_path):
    services = _stored_texts(tmp_path, {"lang-van-tong-lanh-su-han-quoc-tin.txt": CONSULATE_VISIT})
    answer = services.ask("gặp gỡ Hàn Quốc - Kiên Giang gồm mấy hoạt động chính?")
    assert answer.found and "3 hoạt động" in answer.answer


REPLY = """SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LÃNG VÂN
Số: 540/BC-SVHTTDL
Lãng Vân, ngày 02 tháng 12 năm 2026

BÁO CÁO
Trả lời chất vấn của đại biểu HĐND tỉnh về kinh phí ngoại giao văn hóa

Câu hỏi của đại biểu: "Năm 2027 tỉnh thực hiện bao nhiêu sự kiện ngoại giao văn hóa lớn?"

1. Kinh phí được bố trí và kết quả thực hiện
Bảng 1. Kinh phí ngoại giao văn hóa giai đoạn 2023 - 2026
(Đơn vị tính: triệu đồng)
| Năm | Dự toán giao | Thực hiện | Tỷ lệ (%) |
|---|---|---|---|
| 2024 | 3.420,0 | 3.287,9 | 96,1 |
| 2025 | 3.960,0 | 3.702,6 | 93,5 |
| 2026 | 4.250,0 | 3.118,6 | 73,4 |

2. Đề xuất năm 2027
Tổng kinh phí ngoại giao văn hóa năm 2027 Sở đề xuất là 5.100 triệu đồng, đã thực hiện thẩm định xong.
"""


def test_a_later_part_naming_no_year_asks_the_year_the_part_before_names(tmp_path):
    services = _stored_texts(tmp_path, {"lang-van-bc-540-2026.txt": REPLY})
    answer = services.ask("Kinh phí ngoại giao văn hóa của Lãng Vân năm 2025 được giao bao nhiêu, thực hiện bao nhiêu?")
    assert answer.found and "3.960,0" in answer.answer and "3.702,6" in answer.answer


def test_a_later_parts_shared_words_keep_the_year_the_part_before_names():
    from rag.compose.parts import _shared
    from rag.understand.question import analyze

    q = analyze("Kinh phí ngoại giao văn hóa năm 2025 được giao bao nhiêu, thực hiện bao nhiêu?")
    assert len(q.parts) == 2
    assert "năm 2025" in _shared(q.text, q, 1)
    q = analyze("Năm 2025 được giao bao nhiêu, năm 2026 thực hiện bao nhiêu?")
    assert "2025" not in _shared(q.text, q, 1)  # a part naming its own year keeps it alone


def test_a_tables_caption_is_no_answer():
    from rag.find.lines import quotable

    assert not quotable("Bảng 1. Kinh phí ngoại giao văn hóa giai đoạn 2023 - 2026")
    assert quotable("Bảng tổng hợp kinh phí năm 2025 đã được Sở Tài chính thẩm định xong.")


AID = """ỦY BAN NHÂN DÂN
TỈNH LÃNG VÂN
Số: 1930/QĐ-UBND
Lãng Vân, ngày 06 tháng 8 năm 2026

QUYẾT ĐỊNH
Về việc phê duyệt khoản viện trợ cho Dự án bảo tồn nghệ thuật hát then và giao lưu văn hóa Việt - Nhật

Điều 1. Phê duyệt khoản viện trợ không hoàn lại với các nội dung chính sau:
1. Nhà tài trợ: Quỹ Giao lưu Văn hóa châu Á Kansai (Nhật Bản).
2. Thời gian thực hiện: 36 tháng, từ tháng 9/2026 đến tháng 8/2029.
3. Tổng vốn viện trợ: 420.000 USD.

Điều 2. Sở Văn hóa, Thể thao và Du lịch là chủ khoản viện trợ.

CHỦ TỊCH
Vi Văn Khởi
"""


def test_how_long_a_project_runs_is_answered_by_its_duration(tmp_path):
    services = _stored_texts(tmp_path, {"lang-van-qd-1930-2026.txt": AID})
    answer = services.ask("Dự án viện trợ của quỹ Nhật ở Lãng Vân thực hiện trong thời gian bao lâu?")
    assert answer.found and "36 tháng" in answer.answer


def test_an_item_of_the_plan_typed_plainly_after_con_is_no_place():
    from rag.dialogue.resolve import resolve
    from rag.dialogue.state import Conversation, PlanRef

    plan = PlanRef("412-qd-svhttdl-gia-tuyen", "412/QĐ-SVHTTDL", "Quyết định", "Sở VHTTDL tỉnh Lãng Vân", "Lãng Vân", 2026)
    ctx = Conversation(question="Sở VHTTDL Lãng Vân lập kế hoạch lựa chọn nhà thầu, gói vé máy bay giá bao nhiêu?",
                       plans=[plan], provinces=["Lãng Vân"], found=True)
    understood = resolve("the con goi bao hiem thi sao?", ctx).question_understood
    assert "Lang Van" in understood or "Lãng Vân" in understood  # the plan's province kept, "goi bao hiem" no place
    assert "Goi Bao Hiem" not in understood
