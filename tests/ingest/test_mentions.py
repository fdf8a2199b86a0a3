"""The mention index: what a text says of each document it cites, and nothing it does not say."""
from __future__ import annotations

from ingest.mentions import cited_numbers, extract_mentions
from ingest.metadata import extract_metadata
from ingest.pipeline import build_plan


def _by_number(text: str, own: tuple[str, ...] = ()) -> dict[str, dict]:
    return {m.number: m.to_dict() for m in extract_mentions(text, own) if m.number}


def test_a_cited_directive_with_every_field_the_sentence_gives():
    text = ("Thực hiện Chỉ thị số 31/CT-TTg ngày 05/8/2020 của Thủ tướng Chính phủ về việc tăng cường quảng bá hình "
            "ảnh quốc gia ra nước ngoài; Công văn số 618/BNG-VP ngày 14/3/2021 của Bộ Ngoại giao hướng dẫn triển khai "
            "Chỉ thị, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 40/KH-UBND như sau:")
    found = _by_number(text, ("40/KH-UBND",))
    assert set(found) == {"31/CT-TTg", "618/BNG-VP"}
    directive = found["31/CT-TTg"]
    assert (directive["kind"], directive["date"], directive["year"], directive["issuer"], directive["relation"]) == (
        "Chỉ thị", "2020-08-05", 2020, "Thủ tướng Chính phủ", "implements")
    assert directive["subject"] == "tăng cường quảng bá hình ảnh quốc gia ra nước ngoài"
    assert directive["sentence"].startswith("Thực hiện Chỉ thị số 31/CT-TTg")
    assert text[directive["start"]:directive["end"]] == "31/CT-TTg"
    letter = found["618/BNG-VP"]
    assert (letter["kind"], letter["issuer"], letter["subject"]) == (
        "Công văn", "Bộ Ngoại giao", "hướng dẫn triển khai Chỉ thị")


def test_a_signer_and_the_date_that_opens_the_sentence():
    text = ("Ngày 12/4/2019, Phó Thủ tướng Chính phủ Trịnh Văn Quân đã ký ban hành Quyết định số 450/QĐ-TTg phê duyệt "
            "Đề án quảng bá văn hóa Việt Nam ở nước ngoài. Các địa phương xây dựng kế hoạch thực hiện.")
    decision = _by_number(text)["450/QĐ-TTg"]
    assert (decision["signer"], decision["date"], decision["issuer"]) == (
        "Trịnh Văn Quân", "2019-04-12", "Thủ tướng Chính phủ")
    assert decision["subject"] == "phê duyệt Đề án quảng bá văn hóa Việt Nam ở nước ngoài"


def test_a_date_leading_straight_to_the_document_is_its_date():
    text = ("Ngày 3-12-2009, tại Thông báo số 215-TB/TW, Ban Bí thư quyết định lấy ngày 20-5 là Ngày Truyền thống "
            "của Hội. Ngày 8/8/2010, Hội tổ chức lễ kỷ niệm theo Kế hoạch số 12/KH-HH ngày 01/7/2010.")
    found = _by_number(text)
    assert found["215-TB/TW"]["date"] == "2009-12-03"
    assert found["12/KH-HH"]["date"] == "2010-07-01"  # its own date after its number, not the sentence's
    letters = _by_number("Ngày 15/5/2029 Sở Ngoại vụ đã có Công văn số 512/SNgV-VP đề nghị gửi báo cáo trước ngày "
                         "10/6/2029; ngày 12/6/2029 Sở đã có Công văn số 791/SNgV-VP đôn đốc.")
    assert (letters["512/SNgV-VP"]["date"], letters["791/SNgV-VP"]["date"]) == ("2029-05-15", "2029-06-12")


def test_a_field_the_text_does_not_give_stays_empty():
    # the host's own date and signer are never the cited document's
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 90/KH-UBND\n"
            "Hà Tĩnh, ngày 2 tháng 3 năm 2023\nKẾ HOẠCH\nTHÔNG TIN ĐỐI NGOẠI NĂM 2023\n"
            "Căn cứ Kế hoạch số 15-KH/TU của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hòa")
    meta = extract_metadata(text, "kh.txt")
    party = next(m for m in meta.mentions if m["number"] == "15-KH/TU")
    assert (party["date"], party["signer"], party["year"]) == (None, None, None)
    assert party["issuer"] == "Ban Thường vụ Tỉnh ủy" and party["kind"] == "Kế hoạch"
    assert all(m["number"] != "90/KH-UBND" for m in meta.mentions)  # its own number is no mention


def test_the_issuer_a_related_documents_list_names_after_the_subject():
    text = "Kết luận 88-KL/TW năm 2021 về tiếp tục thực hiện Nghị quyết 45-NQ/TW về văn hóa do Bộ Chính trị ban hành"
    found = _by_number(text)
    assert (found["88-KL/TW"]["issuer"], found["88-KL/TW"]["year"]) == ("Bộ Chính trị", 2021)
    assert found["45-NQ/TW"]["issuer"] is None  # the clause's "do … ban hành" belongs to its first document


def test_laws_cited_by_name_and_date():
    text = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ ngày 22 tháng 11 năm 2019;")
    laws = [m.to_dict() for m in extract_mentions(text) if m.number is None]
    assert [(m["title"], m["date"]) for m in laws] == [
        ("Luật Tổ chức chính quyền địa phương", "2015-06-19"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ", "2019-11-22")]


def test_documents_listed_after_a_cue_are_cited_not_the_page_s_own():
    text = ("Kế hoạch thông tin đối ngoại năm 2024\n\nThực hiện Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ; "
            "Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 của Bộ Thông tin và Truyền thông; xét đề nghị của Sở Thông tin "
            "và Truyền thông tại Tờ trình số 51/TTr-STTTT ngày 02/3/2024, ngày 11/3/2024 UBND tỉnh Hà Tĩnh đã ban hành "
            "Kế hoạch thông tin đối ngoại năm 2024.")
    assert {"72/2015/NĐ-CP", "22/2016/TT-BTTTT", "51/TTr-STTTT"} <= cited_numbers(text)
    meta = extract_metadata(text, "tin.txt")
    assert (meta.number, meta.date) == (None, "2024-03-11")
    kinds = {m["number"]: (m["kind"], m["relation"]) for m in meta.mentions}
    assert kinds["22/2016/TT-BTTTT"] == ("Thông tư", "implements")  # the cue carries over the ";"
    assert kinds["51/TTr-STTTT"] == ("Tờ trình", None)


def test_one_entry_per_document_with_its_section_and_count():
    text = ("KẾ HOẠCH\nNGOẠI GIAO VĂN HÓA\nThực hiện Chỉ thị số 31/CT-TTg của Thủ tướng Chính phủ, UBND tỉnh ban hành "
            "kế hoạch.\nI. MỤC ĐÍCH\nQuán triệt Chỉ thị số 31/CT-TTg ngày 05/8/2020 về tăng cường quảng bá hình ảnh "
            "quốc gia.\nII. NHIỆM VỤ\nTuyên truyền Chỉ thị số 31/CT-TTg trên báo chí.")
    plan = build_plan(text, "kh.txt")
    [directive] = [m for m in plan.meta.mentions if m["number"] == "31/CT-TTg"]
    assert directive["count"] == 3 and directive["date"] == "2020-08-05"
    assert directive["section"] == "I. MỤC ĐÍCH"  # the occurrence that says the most
    assert directive["issuer"] == "Thủ tướng Chính phủ"  # from another occurrence


def test_a_document_named_by_its_title_is_dated_by_its_own_issuing_clause():
    from ingest.mentions import extract_mentions

    text = ("Hội nghị phổ biến Chiến lược văn hóa đối ngoại đến năm 2030 được Thủ tướng Chính phủ ban hành ngày "
            "12/5/2022. Kế hoạch này triển khai Đề án quảng bá ẩm thực Việt đã được Bộ Văn hóa, Thể thao và Du lịch "
            "phê duyệt ngày 3 tháng 8 năm 2023. Kế hoạch này được ban hành ngày 2/3/2024.")
    found = {m.title: (m.date, m.issuer) for m in extract_mentions(text, [])}
    assert found == {
        "Chiến lược văn hóa đối ngoại đến năm 2030": ("2022-05-12", "Thủ tướng Chính phủ"),
        "Đề án quảng bá ẩm thực Việt": ("2023-08-03", "Bộ Văn hóa, Thể thao và Du lịch")}


def test_a_date_opening_the_next_issuing_clause_is_that_documents_not_the_one_before():
    from ingest.mentions import extract_mentions

    text = ("Thực hiện Kết luận số 14-KL/TW, ngày 05-7-2013, Thủ tướng Chính phủ ban hành Chỉ thị số 19/CT-TTg về việc "
            "triển khai công tác thông tin đối ngoại. Căn cứ Chỉ thị số 25/CT-TTg ngày 10/9/2021 của Thủ tướng.")
    found = {m.number: m.date for m in extract_mentions(text)}
    assert found["19/CT-TTg"] == "2013-07-05" and found["14-KL/TW"] is None
    assert found["25/CT-TTg"] == "2021-09-10"


LIBRARY_PAGE = """Trang chủ > Văn bản > Văn hóa - Xã hội > Kế hoạch 640/KH-UBND năm 2028 về thông tin đối ngoại do tỉnh Bạch Liễu ban hành

Kế hoạch 640/KH-UBND năm 2028 thực hiện công tác thông tin đối ngoại năm 2029 do tỉnh Bạch Liễu ban hành

Số hiệu:	640/KH-UBND	Loại văn bản:	Kế hoạch
Nơi ban hành:	Tỉnh Bạch Liễu	Người ký:	Vương Đình Lộc
Ngày ban hành:	22/12/2028

LƯỢC ĐỒ
Văn bản căn cứ:
  - Nghị định 72/2015/NĐ-CP về quản lý hoạt động thông tin đối ngoại - Ban hành: 07/09/2015 - Tình trạng: Đã biết
Văn bản được hướng dẫn:
  - Chương trình 21-CTr/TU của Tỉnh ủy Bạch Liễu về công tác thông tin đối ngoại giai đoạn 2026 - 2030 - Ban hành:
    15/03/2026 - Người ký: Lò Minh Tâm
Văn bản sửa đổi, bổ sung:
  - Quyết định 412/QĐ-UBND năm 2029 sửa đổi Kế hoạch 640/KH-UBND - Ban hành: 20/03/2029 - [Đăng nhập để xem]
Văn bản cùng nội dung:
  - Kế hoạch 598/KH-UBND thực hiện công tác thông tin đối ngoại năm 2028 tỉnh Bạch Liễu - Ban hành: 30/12/2027

NỘI DUNG VĂN BẢN
ỦY BAN NHÂN DÂN TỈNH BẠCH LIỄU
Số: 640/KH-UBND
Bạch Liễu, ngày 22 tháng 12 năm 2028
KẾ HOẠCH
Thực hiện công tác thông tin đối ngoại năm 2029
Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác thông tin đối ngoại năm 2029 như sau.
"""


def test_a_law_librarys_lists_of_related_documents_say_how_each_relates_with_its_date_and_signer():
    """A law library page's "Lược đồ": each entry is what the page's document is to it (the heading says), its date
    after "Ban hành:" (wrapped onto the next line too), its signer after "Người ký:"; a number before " - Ban hành"
    stops at the dash."""
    found = _by_number(LIBRARY_PAGE, ("640/KH-UBND",))
    assert set(found) == {"72/2015/NĐ-CP", "21-CTr/TU", "412/QĐ-UBND", "598/KH-UBND"}
    assert (found["21-CTr/TU"]["relation"], found["21-CTr/TU"]["date"], found["21-CTr/TU"]["signer"]) == (
        "implements", "2026-03-15", "Lò Minh Tâm")
    assert (found["412/QĐ-UBND"]["relation"], found["412/QĐ-UBND"]["date"]) == ("amended_by", "2029-03-20")
    assert found["598/KH-UBND"]["relation"] is None and found["598/KH-UBND"]["date"] == "2027-12-30"
    assert found["72/2015/NĐ-CP"]["relation"] == "implements"


def test_a_party_resolution_issued_by_a_named_organ_with_its_date_in_brackets():
    text = ("Sau khi Bộ Chính trị (Khóa IX) ban hành Nghị quyết 12-NQ/TW (ngày 15/4/2005), công tác đối ngoại nhân dân "
            "đã có nhiều chuyển biến.")
    mention = next(m for m in extract_mentions(text) if m.number == "12-NQ/TW")
    assert mention.issuer == "Bộ Chính trị" and mention.date == "2005-04-15"
