"""Metadata from the layouts real sites use: law-library blocks and tables flattened with "|", signature
blocks, dates as pages write them, portal banners and date banners that must not become metadata."""
import pytest

from ingest.clean import clean_text
from ingest.dates import issue_date, published_date
from ingest.metadata import document_number, extract_metadata
from ingest.pipeline import load_plan
from ingest.signers import document_signer
from tests.conftest import FIXTURES

LAYOUTS = FIXTURES / "layouts"


def _meta(text: str, source: str = "page.txt"):
    return extract_metadata(clean_text(text), source)


def test_law_library_page_with_a_metadata_block_and_pipes():
    meta = load_plan(LAYOUTS / "law_library_page.txt").meta
    assert (meta.number, meta.number_as_written, meta.doc_type, meta.date, meta.signer, meta.issuer, meta.province) == (
        "317/KH-UBND", "317/KH.UBND", "Kế hoạch", "2023-08-04", "Hoàng Thị Thanh Hương", "UBND tỉnh Bắc Kạn", "Bắc Kạn")
    assert meta.title == "Kế hoạch 317/KH.UBND năm 2023 thực hiện Chiến lược Ngoại giao văn hóa trên địa bàn tỉnh Bắc Kạn"
    assert meta.implements == ["2013/QĐ-TTg", "25/CT-TTg", "208/QĐ-TTg"]  # "25/CT- TTg", "208/QĐ-T Tg" as written
    assert meta.published is None  # "Thứ năm, Ngày 14/11/2024" is the site's date banner


def test_without_the_block_the_flattened_header_and_signature_still_give_date_signer_issuer():
    page = (LAYOUTS / "law_library_page.txt").read_text(encoding="utf-8")
    lines = [line for line in page.split("\n")
             if not line.startswith(("Số hiệu", "Ngày ban hành", "Cơ quan ban hành"))]
    meta = _meta("\n".join(lines))
    assert (meta.number, meta.date, meta.signer, meta.issuer) == (
        "317/KH-UBND", "2023-08-04", "Hoàng Thị Thanh Hương", "UBND tỉnh Bắc Kạn")


@pytest.mark.parametrize("block", [
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Hữu Sơn",
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNGUYỄN HỮU SƠN",
    "Nơi nhận: | KT. CHỦ TỊCH\n- Như trên; | PHÓ CHỦ TỊCH\n- Lưu: VT. |\n| Nguyễn Hữu Sơn |",
    "TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH Nguyễn Hữu Sơn",
    "- Lưu: VT, HTQT.\n|\nBỘ\nTRƯỞNG\nNguyễn Hữu Sơn\n|",  # a law-library dump breaks the title over its lines
    "KT. BỘ\nTRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Hữu Sơn",
])
def test_signature_blocks(block):
    text = "III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai thực hiện Kế hoạch này.\n" + block
    assert document_signer(text) == "Nguyễn Hữu Sơn"


def test_a_decision_authority_line_is_not_a_signature():
    text = "QUYẾT ĐỊNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nCăn cứ Luật Tổ chức chính quyền địa phương;"
    assert document_signer(text) is None


@pytest.mark.parametrize("text, published, expected", [
    ("UBND tỉnh ban hành Kế hoạch số 5/KH-UBND ngày 4-8-2022 về ngoại giao văn hóa.", None, "2022-08-04"),
    ("UBND tỉnh ban hành Kế hoạch số 5/KH-UBND ngày 4.8.2022 về ngoại giao văn hóa.", None, "2022-08-04"),
    # day and month only: the year is the page's
    ("Ngày 21/5, UBND tỉnh ban hành Kế hoạch số 40/KH-UBND về ngoại giao văn hóa.", "2019-05-24", "2019-05-21"),
    ("UBND tỉnh đã ban hành Kế hoạch số 40/KH-UBND ngày 21 tháng 5 về ngoại giao văn hóa.", "2019-05-24",
     "2019-05-21"),
    ("UBND tỉnh đã ban hành Kế hoạch số 40/KH-UBND ngày 21 tháng 5 về ngoại giao văn hóa.", None, None),
    # the date opens a clause further into the sentence
    ("Nhằm quảng bá văn hóa của tỉnh ra thế giới, ngày 21/5/2019, UBND tỉnh ban hành Kế hoạch số 40/KH-UBND.",
     None, "2019-05-21"),
    # that date belongs to the Chỉ thị, not to the plan
    ("Thực hiện Chỉ thị số 25/CT-TTg ngày 10/9/2021, UBND tỉnh ban hành Kế hoạch 12/KH-UBND.", None, None),
])
def test_issue_dates_as_pages_write_them(text, published, expected):
    assert issue_date(text, document_number(text), published) == expected


def test_an_article_without_the_plan_number_dates_the_plan_it_announces():
    text = ("Tuyên Quang ban hành kế hoạch ngoại giao văn hóa năm 2024\n"
            "Để quảng bá văn hóa các dân tộc của tỉnh, ngày 12 tháng 3 năm 2024, UBND tỉnh Tuyên Quang đã ban hành "
            "Kế hoạch ngoại giao văn hóa năm 2024 với nhiều hoạt động giao lưu quốc tế.")
    assert _meta(text).date == "2024-03-12"


@pytest.mark.parametrize("stamp, expected", [
    ("Ngày tạo: 11/08/2023 16:35:12", "2023-08-11"),
    ("Cập nhật : 26/02/2020 10:08:00 SA - Số lượt đọc : 23", "2020-02-26"),
    ("Cập nhật lúc: 16:20 24/05/2019", "2019-05-24"),
    ("Chủ nhật, Ngày 27/10/2024", None),  # the portal's date of today
    ("Ngày in: 27/10/2024", None),
])
def test_page_dates(stamp, expected):
    assert published_date("Tin ngoại giao văn hóa của tỉnh\n" + stamp + "\nNội dung bài viết.") == expected


def test_of_two_stamps_the_one_whose_day_the_story_tells_dates_the_page():
    # a site's clock above the headline, the post's own stamp under it, and the lead's "Sáng ngày 3/12"
    page = ("Thứ 6, 21/11/2025, 08:10[GMT+7]\n\nUBND tỉnh tiếp đoàn công tác thành phố Andong (Hàn Quốc)\n\n"
            "Thứ 2, 03/12/2018 | 10:05:11\n1.204 lượt xem\nSáng ngày 3/12, UBND tỉnh tiếp đoàn công tác của thành phố "
            "Andong do ông Kim Jae-hun làm Trưởng đoàn.")
    assert published_date(page) == "2018-12-03"
    assert published_date(page.replace("Sáng ngày 3/12", "Sáng nay")) == "2025-11-21"  # no day told: the first


def test_a_crawl_date_is_never_the_issue_date():
    text = ("Chủ nhật, Ngày 27/10/2024\n\nKế hoạch ngoại giao văn hóa của tỉnh Yên Bái\n\n"
            "UBND tỉnh Yên Bái đã ban hành Kế hoạch số 77/KH-UBND về triển khai Chiến lược Ngoại giao văn hóa "
            "đến năm 2030 trên địa bàn tỉnh, giao Sở Ngoại vụ chủ trì thực hiện.")
    meta = _meta(text)
    assert (meta.number, meta.date, meta.published) == ("77/KH-UBND", None, None)


def test_portal_banners_are_neither_title_nor_issuer():
    # a business-services banner above a law-library page
    text = ("Dịch vụ pháp lý cho doanh nghiệp trên toàn quốc\nĐang tải nội dung, vui lòng chờ\n\n"
            "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 09/CTr-UBND\nYên Bái, ngày 10 tháng 01 năm 2024\n\n"
            "CHƯƠNG TRÌNH\nHOẠT ĐỘNG ĐỐI NGOẠI TỈNH YÊN BÁI NĂM 2024\n\nI. MỤC TIÊU\n"
            "Tăng cường hợp tác quốc tế và quảng bá hình ảnh tỉnh Yên Bái tới bạn bè quốc tế trong năm 2024.")
    meta = _meta(text)
    assert meta.title == "Chương trình hoạt động đối ngoại tỉnh Yên Bái năm 2024"
    assert (meta.number, meta.issuer) == ("09/CTr-UBND", "UBND tỉnh Yên Bái")


@pytest.mark.parametrize("banner", ["UBND THỊ XÃ BỈM SƠN", "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÔNG HÀ", "UBND HUYỆN GIO LINH"])
def test_a_district_header_over_a_provincial_plan_is_not_the_issuer(banner):
    text = ("THÔNG TIN PHỔ BIẾN PHÁP LUẬT\n\n" + banner + "\n\n"
            "Quảng Trị đẩy mạnh ngoại giao văn hóa năm 2024\n\nNgày tạo: 02/04/2024 10:00:00\n"
            "Ngày 28 tháng 3 năm 2024, UBND tỉnh Quảng Trị đã ban hành Kế hoạch số 61/KH-UBND về triển khai "
            "Chiến lược Ngoại giao văn hóa trên địa bàn tỉnh, giao Sở Ngoại vụ chủ trì thực hiện.")
    meta = _meta(text)
    assert (meta.issuer, meta.province, meta.number, meta.date, meta.published) == (
        "UBND tỉnh Quảng Trị", "Quảng Trị", "61/KH-UBND", "2024-03-28", "2024-04-02")


def test_a_title_keeps_the_numbers_it_names():
    text = ("CHƯƠNG TRÌNH\nTRIỂN KHAI THỰC HIỆN KẾ HOẠCH SỐ 164-KH/TU CỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
            "Căn cứ Kế hoạch số 164-KH/TU của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Chương trình "
            "triển khai thực hiện như sau:\nI. MỤC ĐÍCH\nNâng cao hiệu quả công tác đối ngoại nhân dân.")
    meta = _meta(text)
    assert meta.title == "Chương trình triển khai thực hiện kế hoạch số 164-KH/TU của ban thường vụ tỉnh ủy"
    assert meta.number is None  # the Party plan it applies is not its own number




def test_a_signature_block_indented_with_tabs_is_no_table():
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH SƠN CƯỚC PHONG\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 77/QĐ-UBND\tSơn Cước Phong, ngày 05 tháng 5 năm 2028\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch giao lưu văn hóa\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch giao lưu văn hóa năm 2028.\n"
            "Điều 2. Quyết định có hiệu lực từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
            "\tTM. ỦY BAN NHÂN DÂN\n\tKT. CHỦ TỊCH\n\tPHÓ CHỦ TỊCH\n\t(Đã ký)\n\tHà Thị Mai Lan\n")
    assert load_plan_text(text).signer == "Hà Thị Mai Lan"



def test_a_photo_caption_is_no_pages_title():
    text = ("| Điệu múa dân gian ở Sơn Cước Phong (Ảnh: Internet) |\n"
            "(Cinet)- Quyết định số 1632/QĐ-BVHTTDL ngày 05/5 của Bộ VHTTDL về việc tổ chức Liên hoan nghệ thuật "
            "quần chúng tại Sơn Cước Phong năm 2028.\nBộ VHTTDL cho phép Trung tâm Văn hóa tổ chức liên hoan "
            "trong tháng 9/2028 với sự tham gia của các đoàn nghệ thuật trong và ngoài nước.\n")
    assert "Ảnh" not in (load_plan_text(text).title or "")


# headers whose issuer and province only a mechanism reads right: a PDF's narrow columns, a parent body's line over
# the issuing one, the authority line over the preamble
HEADERS = [
    pytest.param(
        ('UBND TỈNH SƠN CƯỚC\nPHONG\nSỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH\nCỘNG HÒA XÃ HỘI CHỦ\n'
         'NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh\nphúc\nSố: 08 /KH-SVHTTDL\n'
         'Sơn Cước Phong, ngày 03 tháng 3\nnăm 2028\nKẾ HOẠCH\nGiao lưu văn hóa đối ngoại năm 2028\n'
         'Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh Sơn Cước Phong, Sở Văn hóa, Thể thao và Du lịch '
         'xây dựng kế hoạch giao lưu văn hóa với các địa phương nước ngoài như sau.\n'
         'I. MỤC ĐÍCH\n1. Quảng bá văn hóa tỉnh Sơn Cước Phong ra nước ngoài.\n'),
        ('Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Cước Phong', 'Sơn Cước Phong', '2028-03-03'),
        id='a_pdf_header_broken_in_narrow_columns_names_the_department_and_its_whole_province'),
    pytest.param(
        ('ỦY BAN MTTQ VIỆT NAM TỈNH SƠN CƯỚC PHONG\nLIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH\n*\n'
         'Số: 04/KH-LHHN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n'
         'Sơn Cước Phong, ngày 10 tháng 4 năm 2028\n\nKẾ HOẠCH\nCông tác đối ngoại nhân dân năm 2028\n\n'
         'Liên hiệp các tổ chức hữu nghị tỉnh Sơn Cước Phong xây dựng kế hoạch đối ngoại nhân dân năm 2028 như sau.\n'
         'I. MỤC ĐÍCH\n1. Phát huy vai trò của các hội.\n'),
        ('Liên hiệp các tổ chức hữu nghị tỉnh Sơn Cước Phong', 'Sơn Cước Phong'),
        id='a_parent_body_over_the_issuing_one_gives_the_issuer_and_its_province'),
    pytest.param(
        ('ỦY\nBAN NHÂN DÂN\nTỈNH SƠN CƯỚC PHONG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
         'Độc lập - Tự do - Hạnh phúc\n|\nSố: 19/2028/QĐ-UBND\n|\n'
         'Sơn Cước Phong, ngày 19 tháng 6 năm 2028\n|\nQUYẾT ĐỊNH\n'
         'BAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG ĐỐI NGOẠI\nỦY BAN NHÂN DÂN TỈNH\n'
         'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n'
         'Theo đề nghị của Giám đốc Sở Ngoại vụ tỉnh Sơn Cước Phong,\nQUYẾT ĐỊNH:\n'
         'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hoạt động đối ngoại.\n'
         'Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Ngoại vụ chịu trách nhiệm thi hành.\n'),
        ('UBND tỉnh Sơn Cước Phong', 'Sơn Cước Phong'),
        id='the_authority_line_over_the_preamble_names_no_province'),
    pytest.param(
        ('ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐẶC KHU MÂY ĐẢO\nĐộc lập - Tự do - Hạnh phúc\n'
         'Số: 12/KH-UBND\nMây Đảo, ngày 02 tháng 5 năm 2028\n\nKẾ HOẠCH\n'
         'Thực hiện Kế hoạch số 30/KH-UBND của UBND tỉnh Sơn Cước Phong về ngoại giao văn hóa trên địa bàn đặc khu\n'
         'Ủy ban nhân dân đặc khu Mây Đảo xây dựng kế hoạch như sau; Việt Nam đặc biệt coi trọng văn hóa biển.\n'
         'I. MỤC ĐÍCH\n1. Quảng bá văn hóa biển đảo của tỉnh Sơn Cước Phong và tỉnh Sơn Cước Phong với bạn bè.\n'),
        ('UBND đặc khu Mây Đảo',),
        id='two_header_columns_interleaved_line_by_line_name_the_special_zone_not_the_province_its_title_cites'),
    pytest.param(
        ('UBND TỈNH SƠN CƯỚC PHONG\nTRƯỜNG ĐẠI HỌC SƠN CƯỚC\nSố: 77/BC-ĐHSC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
         'Độc lập - Tự do - Hạnh phúc\nSơn Cước Phong, ngày 18 tháng 12 năm 2027\n\nBÁO CÁO\n'
         'Tổng kết công tác đối ngoại nhân dân giai đoạn 2023 - 2027\n'
         'Trường Đại học Sơn Cước báo cáo kết quả đối ngoại nhân dân như sau.\nI. KẾT QUẢ\n1. Đón 20 đoàn vào.\n'),
        ('Trường Đại học Sơn Cước', 'Sơn Cước Phong', '2027-12-18'),
        id='a_body_under_its_provinces_committee_issues_its_report'),
    pytest.param(
        ('TỈNH ỦY SƠN CƯỚC PHONG                    ĐẢNG CỘNG SẢN VIỆT NAM\n        *\n'
         ' Số 12-CTr/TU              Sơn Cước Phong, ngày 02 tháng 4 năm 2027\n\n        CHƯƠNG TRÌNH HÀNH ĐỘNG\n'
         'của Ban Thường vụ Tỉnh ủy về công tác ngoại giao văn hóa đến năm 2030\n\n'
         'Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ, Ban Thường vụ Tỉnh ủy ban hành '
         'Chương trình hành động như sau.\nI. MỤC TIÊU\n1. Quảng bá văn hóa tỉnh Sơn Cước Phong.\n'),
        ('Tỉnh ủy Sơn Cước Phong', 'Sơn Cước Phong', '2027-04-02'),
        id='a_party_committees_emblem_beside_the_partys_motto_not_the_prime_minister_its_preamble_cites'),
    pytest.param(
        (' UBND TỈNH SƠN CƯỚC PHONG          LIÊN HIỆP CÁC TỔ CHỨC        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
         'SỞ VĂN HÓA, THỂ THAO              HỮU NGHỊ TỈNH               Độc lập - Tự do - Hạnh phúc\n'
         '    VÀ DU LỊCH\nSố: 05/KHLT-SVHTTDL-LHHN                          Sơn Cước Phong, ngày 10 tháng 3 năm 2028\n\n'
         '                     KẾ HOẠCH LIÊN TỊCH\n       Giao lưu văn hóa với các đối tác nước ngoài năm 2028\n\n'
         'Sở Văn hóa, Thể thao và Du lịch và Liên hiệp các tổ chức hữu nghị tỉnh xây dựng kế hoạch như sau.\n'
         'I. MỤC ĐÍCH\n1. Mở rộng giao lưu.\n'),
        ('Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Cước Phong', 'Sơn Cước Phong', '2028-03-10'),
        id='a_header_whose_columns_a_pdf_copy_sets_apart_with_spaces_names_its_left_body'),
    pytest.param(
        ("ĐẢNG BỘ TỈNH SƠN CƯỚC PHONG | ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n"
         "Số: 09-NQ/TU | Sơn Cước Phong, ngày 05 tháng 01 năm 2027\n\nNGHỊ QUYẾT\n"
         "về công tác văn hóa đối ngoại đến năm 2030\n\nI. MỤC TIÊU\nĐón khách quốc tế.\n"
         "II. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo Tỉnh ủy quán triệt Nghị quyết.\n"),
        ("Tỉnh ủy Sơn Cước Phong", "Sơn Cước Phong", "2027-01-05"),
        id='a_party_chapter_over_its_bare_committee_line_issues_as_the_provinces_committee'),
    pytest.param(
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "   BẢO TÀNG TỈNH SƠN CƯỚC PHONG              Độc lập - Tự do - Hạnh phúc\n"
         "   Số: 27/KH-BTSCP                            Sơn Cước Phong, ngày 12-3-2027\n\n"
         "KẾ HOẠCH\nTrao đổi với các bảo tàng nước ngoài năm 2027\n\nI. MỤC ĐÍCH\n"
         "1. Bảo tàng tỉnh Sơn Cước Phong mở rộng hợp tác quốc tế.\n"),
        ("Bảo tàng tỉnh Sơn Cước Phong", "Sơn Cước Phong", "2027-03-12"),
        id='a_unit_under_its_department_naming_its_province_issues_its_dateline_with_hyphens'),
]


@pytest.mark.parametrize("text, expected", HEADERS)
def test_the_issuer_and_province_of_a_header(text, expected):
    meta = load_plan_text(text)
    assert (meta.issuer, meta.province, meta.date)[:len(expected)] == expected


def load_plan_text(text: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.txt"
        path.write_text(text, encoding="utf-8")
        return load_plan(path).meta


def test_a_news_page_whose_ministry_issues_by_acronym_is_the_ministrys():
    text = ("Bộ VHTTDL ban hành kế hoạch quảng bá văn hóa Sơn Cước giai đoạn 2026-2030\n\n"
            "Thực hiện Quyết định số 1150/QĐ-TTg ngày 13-7-2026 của Thủ tướng Chính phủ phê duyệt Chương trình hành động, "
            "ngày 31-8 Bộ VHTTDL đã ban hành Kế hoạch quảng bá văn hóa Sơn Cước giai đoạn 2026-2030 với nhiều hoạt động "
            "giao lưu văn hóa ở nước ngoài.\n")
    assert load_plan_text(text).issuer == "Bộ Văn hóa, Thể thao và Du lịch"


def test_a_foreign_ministry_at_an_event_abroad_issues_nothing():
    text = ("Khai mạc Tuần Văn hóa Việt Nam tại Sơn Quốc\n\nTối 28/8, tại thủ đô nước bạn, Tuần Văn hóa Việt Nam đã khai "
            "mạc. Dự lễ có Bộ trưởng Bộ Thông tin Văn hóa và Du lịch Lào Bosengkham Vongdala, đại diện các cơ quan "
            "của hai nước. Tuần Văn hóa do Bộ Văn hóa, Thể thao và Du lịch Việt Nam tổ chức nhân dịp Quốc khánh.\n")
    assert "Lào" not in (load_plan_text(text).issuer or "")


def test_a_persons_name_after_a_districts_committee_is_no_part_of_its_name():
    text = ("Hòa Sơn ký kết hợp tác với huyện Bonghwa (Hàn Quốc)\n\nChiều 8-11, UBND huyện Hòa Sơn Phan Văn Tôn và "
            "Quận trưởng Park Hyun Gook ký ý định thư về hợp tác hữu nghị, giao lưu văn hóa và đối ngoại nhân dân giữa hai "
            "địa phương trong nhiều lĩnh vực. Sở Ngoại vụ thành phố hướng dẫn hai bên xây dựng kế hoạch hợp tác, "
            "báo cáo Ủy ban nhân dân thành phố kết quả thực hiện hằng năm.\n")
    assert load_plan_text(text).issuer in (None, "UBND huyện Hòa Sơn")


@pytest.mark.parametrize(("closing", "signer"), [
    ("Nơi nhận:                                  T/M BAN THƯỜNG VỤ\n- Ban Bí thư Trung ương Đảng (để b/c),     PHÓ BÍ THƯ"
     " THƯỜNG TRỰC\n- Lưu Văn phòng Tỉnh ủy.                      (Đã ký)\n                            Hà Văn Khoa\n",
     "Hà Văn Khoa"),
])
def test_a_party_signature_names_its_signer(closing, signer):
    text = ("SỞ NGOẠI VỤ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 09/KH-SNgV\n\nKẾ HOẠCH\nGiao lưu văn hóa năm 2028\nI. MỤC ĐÍCH\n1. Mở rộng giao lưu văn hóa với các địa phương nước ngoài.\n"
            "2. Quảng bá hình ảnh tỉnh Sơn Cước Phong với bạn bè quốc tế qua các sự kiện văn hóa, thể thao, du lịch.\n"
            + closing)
    assert load_plan_text(text).signer == signer


def test_a_national_decisions_cells_run_together_still_give_its_number_and_date():
    meta = load_plan_text("Quyết định 88/QĐ-TTg Phê duyệt Đề án quảng bá văn hóa\n30-11-2028\n"
                          "Thủ tướng Chính phủ Số: 88/QĐ-TTg |\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
                          "Hà Nội, ngày 30 tháng 11 năm 2028 |\nQuyết định\nPHÊ DUYỆT ĐỀ ÁN QUẢNG BÁ VĂN HÓA\n"
                          "THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\n"
                          "Điều 1. Phê duyệt Đề án quảng bá văn hóa Việt Nam ở nước ngoài.\n")
    assert (meta.number, meta.date, meta.issuer) == ("88/QĐ-TTg", "2028-11-30", "Thủ tướng Chính phủ")


def test_a_bulleted_field_list_gives_the_date_and_signer():
    text = ("Nghị quyết 15/2027/NQ-HĐND quy định mức chi đón tiếp khách nước ngoài tại tỉnh Vân Khê\n"
            "- Số hiệu: 15/2027/NQ-HĐND\n- Loại văn bản: Nghị quyết\n- Ngày ban hành: 14/07/2027\n"
            "- Người ký: Lò Minh Khang\n- Ngày hiệu lực: 25/07/2027\n"
            "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định mức chi đón tiếp khách nước ngoài.\n")
    meta = _meta(text)
    assert (meta.number, meta.date, meta.signer) == ("15/2027/NQ-HĐND", "2027-07-14", "Lò Minh Khang")


def test_a_party_decision_without_its_header_takes_its_issuer_from_its_annex_caption():
    text = ("- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh;\nBAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý thống nhất các hoạt động đối ngoại.\n"
            "QUY CHẾ\nQuản lý thống nhất các hoạt động đối ngoại trên địa bàn tỉnh Vân Khê\n"
            "(Ban hành kèm theo Quyết định số 183-QĐ/TU ngày 25 tháng 02 năm 2016 của Ban Thường vụ Tỉnh ủy)\n"
            "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n")
    meta = _meta(text)
    assert meta.number == "183-QĐ/TU" and meta.issuer == "Ban Thường vụ Tỉnh ủy"
