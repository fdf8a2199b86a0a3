"""Metadata from page shapes met on documents nobody had seen: a PDF copy whose two columns share lines, a plan
whose title line is the bare kind, a site path over a law-library page, an excerpt that starts at a section
heading, pages with no title line, a national page, a page that never names its province, an article that
dates the plan it reports "ban hành ngày …". All texts are written for these tests."""
import pytest

from ingest.clean import classify_line, clean_text
from ingest.metadata import extract_metadata
from ingest.titles import lead_title, title_length


def _meta(text: str, source: str = "page.txt"):
    return extract_metadata(clean_text(text), source)


# --- a PDF copy: the header's and the signature's two columns run together on shared lines ---------------

PDF_COPY = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LAM ĐIỀN                          Độc lập - Tự do - Hạnh phúc
Số: 314/QĐ-UBND                  Lam Điền, ngày 09 tháng 4 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch giao lưu văn hóa với các địa phương kết nghĩa
của tỉnh Lam Điền năm 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM ĐIỀN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch giao lưu văn hóa với các địa phương kết nghĩa của tỉnh
Lam Điền năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

{signature}

UBND TỈNH LAM ĐIỀN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                    Độc lập - Tự do - Hạnh phúc

KẾ HOẠCH
Giao lưu văn hóa với các địa phương kết nghĩa của tỉnh Lam Điền năm 2025
(Ban hành kèm theo Quyết định số 314/QĐ-UBND ngày 09/4/2025 của Chủ tịch UBND tỉnh)

I. MỤC ĐÍCH
Mở rộng giao lưu văn hóa của tỉnh Lam Điền với các địa phương kết nghĩa ở Lào và Nhật Bản.
"""

SIGNATURES = {
    "title beside the recipients' heading": """Nơi nhận:                                   CHỦ TỊCH
- Như Điều 3;
- Bộ Ngoại giao (b/c);
- Các PCT UBND tỉnh;                       Hà Quang Vinh
- Lưu: VT, VX.""",
    "every line shared": """Nơi nhận:                          TM. ỦY BAN NHÂN DÂN
- Như Điều 3;                       KT. CHỦ TỊCH
- Bộ Ngoại giao;                    PHÓ CHỦ TỊCH
- Lưu: VT.                          Hà Quang Vinh""",
}


@pytest.mark.parametrize("layout", sorted(SIGNATURES))
def test_a_pdf_copy_with_columns_on_shared_lines(layout):
    meta = _meta(PDF_COPY.format(signature=SIGNATURES[layout]), "qd.txt")
    assert (meta.province, meta.issuer) == ("Lam Điền", "UBND tỉnh Lam Điền")  # the motto ends the name
    assert (meta.number, meta.date, meta.signer) == ("314/QĐ-UBND", "2025-04-09", "Hà Quang Vinh")
    assert meta.title == "Kế hoạch giao lưu văn hóa với các địa phương kết nghĩa của tỉnh Lam Điền năm 2025"
    assert meta.about["source"] == "header"


def test_one_line_header_and_an_item_that_names_no_person():
    text = ("ỦY BAN NHÂN DÂN TỈNH LAM ĐIỀN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 20/KH-UBND Lam Điền, ngày 3 "
            "tháng 3 năm 2025\nKẾ HOẠCH\nĐối ngoại nhân dân năm 2025\n\nI. NHIỆM VỤ\nTổ chức giao lưu hữu nghị.\n"
            "Nơi nhận: CHỦ TỊCH\n- Như trên; Hội Hữu Nghị Việt Lào\n- Lưu: VT.")
    meta = _meta(text)
    assert (meta.province, meta.issuer, meta.date) == ("Lam Điền", "UBND tỉnh Lam Điền", "2025-03-03")
    assert meta.signer is None  # an organisation after a recipient is no signer
    assert meta.title == "Kế hoạch đối ngoại nhân dân năm 2025"


# --- titles -------------------------------------------------------------------------------------------------

def test_a_bare_kind_line_takes_its_subject_but_not_the_first_paragraph():
    header = ("ỦY BAN NHÂN DÂN\nTỈNH LAM ĐIỀN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 41/KH-UBND\n"
              "Lam Điền, ngày 2 tháng 2 năm 2024\n\nKẾ HOẠCH\n\n")
    subject = _meta(header + "Công tác thông tin đối ngoại trên địa bàn tỉnh năm 2024\n\nThực hiện Công văn số "
                    "12/BTTTT-TTĐN, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nQuảng bá hình ảnh tỉnh.")
    assert subject.title == "Kế hoạch công tác thông tin đối ngoại trên địa bàn tỉnh năm 2024"
    body = _meta(header + "Thực hiện Công văn số 12/BTTTT-TTĐN của Bộ Thông tin và Truyền thông, UBND tỉnh ban "
                 "hành Kế hoạch công tác năm 2024 như sau:\nI. MỤC ĐÍCH\nQuảng bá hình ảnh tỉnh.")
    assert body.title == "Kế hoạch"  # the preamble is no subject


def test_a_site_path_is_no_title_and_is_cut_from_the_page():
    path = "Trang chủ › Văn bản pháp luật › Văn hóa - Xã hội › Kế hoạch 41/KH-UBND năm 2024"
    text = (f"{path}\n\nKế hoạch 41/KH-UBND năm 2024 về thông tin đối ngoại của tỉnh Lam Điền\n\nỦY BAN NHÂN DÂN\n"
            "TỈNH LAM ĐIỀN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 41/KH-UBND\nLam Điền, ngày 2 tháng 2 năm 2024\n"
            "KẾ HOẠCH\nTHÔNG TIN ĐỐI NGOẠI NĂM 2024\nI. MỤC ĐÍCH\nQuảng bá hình ảnh tỉnh.")
    assert classify_line(path) == "breadcrumb" and path not in clean_text(text)
    assert _meta(text).title == "Kế hoạch 41/KH-UBND năm 2024 về thông tin đối ngoại của tỉnh Lam Điền"
    assert extract_metadata(text, "p.txt").title == _meta(text).title  # a stored text that still holds it


def test_an_excerpt_that_starts_at_a_section_heading():
    text = ("3. Những giải pháp để mở rộng giao lưu văn hóa của tỉnh Vĩnh Long\n"
            "Trong những năm qua, tỉnh đã chủ động mở rộng hợp tác văn hóa với nhiều địa phương nước ngoài. UBND tỉnh "
            "ban hành Quyết định 77/QĐ-UBND ngày 3/5/2022 về công tác hội nhập quốc tế giai đoạn 2022-2025. Theo đó, "
            "tỉnh tập trung quảng bá văn hóa.")
    meta = _meta(text)
    assert not meta.title.startswith("3.")
    assert meta.title.startswith("Quyết định 77/QĐ-UBND ngày 3/5/2022 về công tác hội nhập quốc tế")


@pytest.mark.parametrize("text, expected", [
    ("(LĐ) - Năm 2023, Liên hiệp các tổ chức hữu nghị tỉnh Lam Điền đã tổ chức nhiều hoạt động giao lưu. Sau đó …",
     "Năm 2023, Liên hiệp các tổ chức hữu nghị tỉnh Lam Điền đã tổ chức nhiều hoạt động giao lưu"),
    ("Chiều 5/6, Bộ Văn hóa tổ chức tọa đàm “Di sản trong đối ngoại: kết nối địa phương với bạn bè quốc tế qua "
     "lễ hội, ẩm thực và nghề truyền thống” với sự tham dự của nhiều đại sứ và đại diện các tổ chức quốc tế.",
     "Bộ Văn hóa tổ chức tọa đàm “Di sản trong đối ngoại: kết nối địa phương với bạn bè quốc tế qua lễ hội, ẩm "
     "thực và nghề truyền thống”"),
    ("Ngắn.\nCông tác đối ngoại của tỉnh trong năm qua đã đạt nhiều kết quả quan trọng, góp phần nâng cao vị thế "
     "của tỉnh trên trường quốc tế, thu hút đầu tư và du lịch, mở rộng quan hệ với nhiều địa phương nước ngoài.",
     "Công tác đối ngoại của tỉnh trong năm qua đã đạt nhiều kết quả quan trọng"),
])
def test_a_page_without_a_title_line_is_titled_by_its_first_sentence(text, expected):
    assert lead_title(text) == expected
    assert _meta(text, "tin-123.txt").title == expected


def test_a_long_sentence_without_a_clause_end_is_cut_with_an_ellipsis():
    words = " ".join(f"từ{i}" for i in range(40))
    assert title_length(words) == " ".join(f"từ{i}" for i in range(24)) + " …"


# --- whose page it is -------------------------------------------------------------------------------------

NATIONAL = ("Thúc đẩy ngoại giao văn hóa trong kỷ nguyên số\n\nThủ tướng Chính phủ vừa ban hành Chỉ thị số 14/CT-TTg "
            "về việc đẩy mạnh ngoại giao văn hóa trên nền tảng số, nhằm quảng bá hình ảnh đất nước ra thế giới.\n\n"
            "Chỉ thị yêu cầu các bộ, ngành tăng cường sự hiện diện của Việt Nam tại các liên hoan quốc tế.")


def test_a_national_page_is_about_the_document_it_announces():
    meta = _meta(NATIONAL, "tin.txt")
    assert (meta.number, meta.doc_type, meta.issuer, meta.province) == (
        "14/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ", None)
    assert "14/CT-TTg" not in meta.implements


@pytest.mark.parametrize("province", ["Hà Tĩnh", "Lam Điền"])  # known to the gazetteer or not
def test_a_provincial_page_that_cites_the_national_document_stays_provincial(province):
    text = NATIONAL + f" Thực hiện Chỉ thị, UBND tỉnh {province} sẽ xây dựng kế hoạch quảng bá văn hóa {province}."
    meta = _meta(text, "tin.txt")
    assert (meta.number, meta.province, meta.issuer) == (None, province, f"UBND tỉnh {province}")


PAGE_OF_NO_NAME = ("Một năm đối ngoại nhiều dấu ấn\n\nTrong năm qua, tỉnh ta đã đón nhiều đoàn khách quốc tế, mở rộng "
                   "quan hệ hữu nghị với các địa phương nước ngoài và tổ chức thành công nhiều hoạt động giao lưu.")


@pytest.mark.parametrize("source, province", [
    ("nghe-an-doi-ngoai-2021-tin.txt", "Nghệ An"),
    ("Tin đối ngoại Quảng Trị 2021.txt", "Quảng Trị"),
    ("binhthuan_doingoai.txt", "Bình Thuận"),
    ("tin-doi-ngoai-2021.txt", None),
])
def test_a_page_that_never_names_its_province_takes_it_from_its_file_name(source, province):
    meta = _meta(PAGE_OF_NO_NAME, source)
    assert meta.province == province and meta.issuer is None
    if province:
        assert meta.about["source"] == "file" and source in meta.about["evidence"]


def test_the_text_wins_over_the_file_name():
    meta = _meta(PAGE_OF_NO_NAME + " Tỉnh Hà Tĩnh tiếp tục mở rộng hợp tác.", "nghe-an-doi-ngoai-2021-tin.txt")
    assert meta.province == "Hà Tĩnh"


# --- an article dates the plan it reports ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, date", [
    ("Đó là nội dung của kế hoạch thông tin đối ngoại năm 2024 do UBND tỉnh Hà Tĩnh ban hành ngày 5/3/2024.",
     "2024-03-05"),
    ("Kế hoạch triển khai Chiến lược ngoại giao văn hóa của tỉnh Hà Tĩnh vừa được ban hành vào ngày 12 tháng 4 "
     "năm 2023.", "2023-04-12"),
    # a date that follows another document's number is that document's
    ("Tỉnh Hà Tĩnh thực hiện Kế hoạch số 5/KH-BTTTT ban hành ngày 5/3/2024 của Bộ.", None),
])
def test_an_article_dates_the_plan_it_reports(sentence, date):
    meta = _meta("Hà Tĩnh quảng bá hình ảnh ra nước ngoài\n\n" + sentence + " Kế hoạch đặt ra nhiều mục tiêu.")
    assert meta.date == date
    if date:
        assert meta.doc_type == "Kế hoạch"


def test_a_page_stamped_after_the_writer_s_initials_reporting_a_plan_named_by_a_bare_ordinal():
    text = ("Quảng bá hình ảnh Hà Tĩnh ra thế giới\n\nN.H 14/02/2024 09:10\n\nMở rộng hợp tác quốc tế và thu hút đầu tư "
            "là những mục tiêu UBND tỉnh đặt ra trong Kế hoạch số 512 về thông tin đối ngoại tỉnh Hà Tĩnh năm 2024.")
    meta = _meta(text)
    assert (meta.published, meta.doc_type, meta.number) == ("2024-02-14", "Kế hoạch", None)
    cited = _meta(text.replace("là những mục tiêu UBND tỉnh đặt ra trong", "được nêu khi thực hiện"))
    assert cited.doc_type is None  # a plan the page applies is not the page's own kind


@pytest.mark.parametrize("address, published", [
    ("https://tin.example.vn/chinh-tri/giao-luu-bien-phong-20220716004527894.htm", "2022-07-16"),
    ("https://tin.example.vn/2019/05/03/le-hoi-hoa.html", "2019-05-03"),
    ("https://tin.example.vn/dien-dan-102220716123.htm", None),  # digits of an id, not a day
])
def test_a_saved_page_is_dated_by_the_day_its_address_files_it_under(address, published):
    text = (f"{address}\nGiao lưu hữu nghị biên phòng Việt - Lào\n\nĐồn Biên phòng Cà Xeng tổ chức giao lưu với đại đội "
            "bảo vệ biên giới của tỉnh bạn, trao 20 suất học bổng cho học sinh hai bên biên giới.")
    assert _meta(clean_text(text)).published == published


def test_a_sites_menu_and_clock_above_a_bylined_article_are_neither_its_title_nor_its_date():
    """A special-topic site: its clock ("Thứ Sáu, ngày … 09:25:27"), its menu of programmes between stars, then the
    headline and a byline with the time and date the article was posted."""
    page = ("https://example.vn/de-nghi-ho-so-unesco.htm\nThứ Sáu, ngày 23 tháng 08 năm 2029, 09:25:27\n"
            "CHƯƠNG TRÌNH 1719 * NÔNG THÔN MỚI * GIẢM NGHÈO BỀN VỮNG\n\n"
            "Đề nghị nghệ thuật hát đối Lâm Khê là di sản văn hóa phi vật thể\n\nLê Phương - 15:10, 27/12/2032\n\n"
            "Ông Trần Văn Ba, Phó Chủ tịch UBND tỉnh Lâm Khê vừa ký Quyết định thành lập Ban Xây dựng hồ sơ quốc gia "
            "“Hát đối Lâm Khê” đệ trình UNESCO.\n\nBan có nhiệm vụ giúp Ban Chỉ đạo xây dựng hồ sơ.\n")
    meta = _meta(page)
    assert meta.title == "Đề nghị nghệ thuật hát đối Lâm Khê là di sản văn hóa phi vật thể"
    assert meta.published == "2032-12-27" and meta.date != "2029-08-23" and meta.doc_type != "Chương trình"
