"""Web boilerplate goes, plan content and document identity stay: checked line by line on each sample."""
from __future__ import annotations

import pytest

from ingest.clean import classify_line, clean_text, is_date_banner, is_dateline, signature_names, tidy_dateline
from ingest.readers import read_document
from tests.conftest import FIXTURES, SAMPLES


def _cleaned(name: str) -> list[str]:
    return clean_text(read_document(SAMPLES / name).text).split("\n")


# For each sample: (boilerplate lines that must be gone, content lines that must survive intact).
CASES = {
    "000_239ee8307a17dc05.txt": (
        ["Tìm kiếm tin tức", "Liên kết website", "Sở, Ban, Ngành", "UBND Huyện, Thị xã, Thành phố",
         "Nguồn: thuathienhue.gov.vn", "Các tin khác", "Xem tin theo ngày", "Thống kê truy cập",
         "Truy cập tổng 694.323", "Truy cập hiện tại 20"],
        ["Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh",
         "Ngày cập nhật 29/04/2022",
         "Ngày 28/4/2022, Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành Kế hoạch số 173/KH-UBND",
         "Để đạt những mục tiêu trên, Kế hoạch triển khai các giải pháp đột phá",
         "Theo đó, các biện pháp cụ thể tập trung vào việc góp phần thúc đẩy quan hệ"],
    ),
    "001_32f94a6958947b77.txt": (
        ["Chủ nhật, Ngày 27/10/2024", "-------", "---------------"],
        ["Kế hoạch 726/KH-UBND năm 2022 triển khai thực hiện Chiến lược Ngoại giao văn hóa trên địa bàn tỉnh "
         "Cao Bằng đến năm 2025, tầm nhìn đến năm 2030",
         "Số hiệu 726/KH-UBND", "Ngày ban hành 29/03/2022", "Ngày có hiệu lực 29/03/2022", "Loại văn bản Kế hoạch",
         "Cơ quan ban hành Tỉnh Cao Bằng", "Người ký Lê Hải Hòa", "Lĩnh vực Văn hóa - Xã hội",
         "ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "Số: 726/KH-UBND", "Cao Bằng, ngày 29 tháng 3 năm 2022", "KẾ HOẠCH HÀNH ĐỘNG",
         "Thực hiện Quyết định số 2013/QĐ-TTg ngày 30 tháng 11 năm 2021", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
         "2. Yêu cầu", "II. MỤC TIÊU", "2. Các mục tiêu cụ thể",
         "III. NỘI DUNG VÀ CÁC GIẢI PHÁP CHỦ YẾU",
         "1. Tăng cường công tác tuyên truyền, nâng cao nhận thức về vai trò của ngoại giao văn hóa"],
    ),
    "002_b35ca742d8998c4f.txt": (
        ["Chi tiết tin - tin tức sự kiện - Sở Ngoại Vụ", "Nguồn tin: LSVK", "Sở Ngoại vụ Quảng Trị",
         "Địa chỉ: 20 Lê Đại Hành - TP.Đông Hà - tỉnh Quảng Trị - Việt Nam",
         "Điện thoại: +84 233 3550383 - 3854745 - 3852439", "Fax: +84 233 3851200 Email: songoaivu@quangtri.gov.vn",
         "HỆ THỐNG CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG TRỊ"],
        ["Bộ Ngoại giao hướng dẫn xây dựng Chương trình/Kế hoạch hành động thiển khai Chiến lược Ngoại giao văn "
         "hóa đến năm 2030", "28-02-2022 09:56",
         "Ngày 10/02, Bộ Ngoại giao có Công văn số 404/BNG-NGVH-UNESCO",
         "- Triển khai mạnh mẽ các biện pháp ngoại giao văn hóa phục vụ phát triển.",
         "- Triển khai đồng bộ các nhiệm vụ \"thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu\"",
         "giữa các tỉnh biên giới và công tác về người Việt Nam nước ngoài./."],
    ),
    "003_bb55a98e4bfd3a2f.txt": (
        ["Print Thứ Tư, 31/05/2023 18:30 Gốc", "Trâm Bầu", "Tiện ích thông tin", "Nguồn tin", "QR Code",
         "QR CODE: Đẩy mạnh triển khai Chiến lược văn hóa đối ngoại trên địa bàn thành phố thông qua các nền tảng "
         "số, mạng xã hội", "Chúng tôi trên Mạng Xã hội", "QR Code Fanpage",
         "Mã QR Code truy cập vào Fanpage Cổng tin tức Thành phố Hải Phòng", "Tin khác"],
        ["Thứ Tư, 31/05/2023 18:30",
         "Thực hiện Chỉ thị số 25/CT-TTg ngày 10/9/2021 của Thủ tướng Chính phủ",
         "Kế hoạch yêu cầu các tổ chức chính trị-xã hội",
         "Lễ hội Hoa Phượng Đỏ-Hải Phòng 2023, Lễ hội mang đậm bản sắc của thành phố Cảng. (Ảnh: Nguyễn Hồng Phong).",
         "Thiết lập quan hệ hợp tác với các địa phương nước ngoài có thế mạnh tương đồng",
         "Tài liệu đính kèm: Kế hoạch số 141/KH-UBND"],
    ),
    "004_35f3d52366773844.txt": (
        ["Cảng Hải Phòng", "Hoa Phượng", "THÔNG TIN ĐỐI NGOẠI HẢI PHÒNG", "Chào thành phố cảng xanh",
         "Vi En Kr Ja Cn", "Thông tin văn hóa, du lịch", "03/09/2014 - 4:10 PMhaiphong.gov.vn 12810 Lượt xem",
         "Minh Hảo", "Chia sẻ bài viết:"],
        ["03/09/2014 - 4:10 PM",
         "“Tăng cường tuyên truyền nâng cao nhận thức về vai trò ngoại giao của văn hóa",
         "Kế hoạch hành động là cơ sở cho các sở, ban, ngành, địa phương, đơn vị ở Hải Phòng",
         "Theo kế hoạch, các sở, ban, ngành, tổ chức đoàn thể",
         "Theo yêu cầu của kế hoạch, việc triển khai thực hiện phải huy động sức mạnh tổng hợp",
         "ngoại giao chính trị trong bối cảnh biến động quan hệ lợi ích phức tạp giữa các quốc gia."],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_boilerplate_goes_and_content_stays(name):
    boilerplate, content = CASES[name]
    lines = _cleaned(name)
    text = "\n".join(lines)
    for line in boilerplate:
        assert line not in lines, f"boilerplate survived: {line!r}"
    for fragment in content:
        assert fragment in text, f"content lost: {fragment!r}"
    # every paragraph of the original that is long enough to be prose is still there, whole
    original = read_document(SAMPLES / name).text.split("\n")
    prose = [line for line in original if len(line.split()) >= 20 and "QR" not in line]
    assert prose and all(line in lines for line in prose)


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_shape(name):
    text = "\n".join(_cleaned(name))
    assert "\n\n\n" not in text and text == text.strip()
    assert "\n\n" in text  # paragraph breaks are kept
    assert not any(set(line) <= set("-_=*. ") and line for line in text.split("\n"))


def test_clean_is_idempotent(samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        once = clean_text(read_document(path).text)
        assert clean_text(once) == once, path.name


def test_full_text_plan_from_a_portal_keeps_emblem_tables_and_signature():
    text = clean_text(read_document(FIXTURES / "files" / "full_plan.txt").text)
    lines = text.split("\n")
    for kept in ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", "Số: 95/KH-UBND", "KẾ HOẠCH",
                 "TRÊN ĐỊA BÀN TỈNH QUẢNG NINH GIAI ĐOẠN 2022 - 2025", "I. MỤC ĐÍCH, YÊU CẦU",
                 "| 2 | Quảng bá Vịnh Hạ Long trên nền tảng số | Sở Thông tin và Truyền thông | Hằng năm |",
                 "Nơi nhận:", "- Lưu: VT, NV.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                 "Nguyễn Thị Hạnh"]:
        assert kept in lines, kept
    for gone in ["Trang chủ", "Văn bản", "Văn bản chỉ đạo điều hành", "--------", "Lượt xem: 1.024",
                 "Bản quyền thuộc Cổng thông tin điện tử tỉnh Quảng Ninh"]:
        assert gone not in lines, gone
    assert "congthongtin@quangninh.gov.vn" not in text
    assert lines[-1] == "Nguyễn Thị Hạnh"


def test_plain_plan_text_without_web_chrome_is_untouched():
    text = ("Về việc tổ chức Ngày Văn hóa\n\n"
            "Ủy ban nhân dân tỉnh ban hành kế hoạch tổ chức Ngày Văn hóa Việt Nam tại nước ngoài năm 2023 như sau:\n"
            "1. Thời gian: tháng 9\n- Địa điểm: Viêng Chăn\nĐiện thoại liên hệ của Ban tổ chức được gửi tới các đơn vị "
            "tham gia trước ngày khai mạc.")
    assert clean_text(text) == text


def test_a_short_plan_heading_alone_at_the_top_is_kept():
    text = "Phụ lục\n\nDanh mục các hoạt động ngoại giao văn hóa của tỉnh được triển khai trong năm 2023 và 2024."
    assert clean_text(text) == text


def test_related_news_list_is_cut_with_everything_below():
    text = ("Ngày 5/6/2023, UBND tỉnh ban hành Kế hoạch số 88/KH-UBND về ngoại giao văn hóa với nhiều nhiệm vụ cụ thể.\n"
            "Tin liên quan\n"
            "Hội nghị tổng kết công tác đối ngoại năm 2022 của tỉnh được tổ chức tại Hội trường lớn\n"
            "Kế hoạch 12/KH-UBND về phát triển du lịch cộng đồng")
    assert clean_text(text) == text.split("\n")[0]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Truy cập tổng 694.323", "counter"),
        ("12810 Lượt xem", "counter"),
        ("Đang online: 15", "counter"),
        ("Chia sẻ bài viết:", "share"),
        ("QR CODE: Đẩy mạnh triển khai Chiến lược văn hóa đối ngoại trên địa bàn thành phố", "qr"),
        ("Vi En Kr Ja Cn", "language"),
        ("Chủ nhật, Ngày 27/10/2024", "date-banner"),
        ("Nguồn: baoquangninh.vn", "source"),
        ("Trang chủ » Tin tức » Đối ngoại", "breadcrumb"),
        ("© 2024 Cổng thông tin điện tử tỉnh Bình Định", "portal"),
        ("Các tin khác", "related"),
        ("-----------", "separator"),
        ("Số: 726/KH-UBND", None),
        ("Độc lập - Tự do - Hạnh phúc", None),
        ("Lĩnh vực Văn hóa - Xã hội", None),
        ("Nguồn kinh phí: ngân sách tỉnh và các nguồn huy động hợp pháp khác.", None),
        ("Đăng tải Kế hoạch trên Cổng thông tin điện tử của tỉnh để các cơ quan, đơn vị biết, thực hiện.", None),
        ("- Thời gian: Thứ Tư, ngày 12/4/2023", None),
    ],
)
def test_classify_line(line, reason):
    assert classify_line(line) == reason


def test_datelines():
    assert tidy_dateline("Print Thứ Tư, 31/05/2023 18:30 Gốc") == "Thứ Tư, 31/05/2023 18:30"
    assert tidy_dateline("03/09/2014 - 4:10 PMhaiphong.gov.vn 12810 Lượt xem") == "03/09/2014 - 4:10 PM"
    assert tidy_dateline("Ngày ban hành 29/03/2022") == "Ngày ban hành 29/03/2022"
    assert is_dateline("Ngày cập nhật 29/04/2022") and is_dateline("28-02-2022 09:56")
    assert is_dateline("Thứ 2, 28.09.2020 | 10:07:28")  # a weekday by its number
    assert not is_dateline("Ngày ban hành 29/03/2022")
    assert not is_dateline("Hội nghị văn hóa toàn quốc (ngày 24/11/2021)")
    assert is_date_banner("Chủ nhật, Ngày 27/10/2024") and not is_date_banner("Thứ Tư, 31/05/2023 18:30")


def test_a_signer_name_is_capitalised_words():
    # "À-Ỹ" interleaves cases: a class built from it took lower-case words ("đầy đủ") for a name
    assert signature_names(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "đường Trần Phú", "Lê Hải Hòa"]) == {3}
    assert signature_names(["CHỦ TỊCH", "đầy đủ", "Ủy ban", "Đỗ Thị Ánh Tuyết"]) == {3}
    # a Party standing committee's block: "PHÓ BÍ THƯ THƯỜNG TRỰC" is a title, the name comes after it
    assert signature_names(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nông Đức Thịnh"]) == {2}


def test_a_row_of_account_links_and_a_logo_line_are_portal_chrome():
    page = ("Logo\nĐăng ký mua gói ấn phẩm|Đăng nhập\n\nNhiều hoạt động ở “Festival Ấn Độ” tại Việt Nam\n\n"
            "Tối 5/3, tại Hà Nội, Festival Ấn Độ tại Việt Nam đã chính thức khai mạc với nhiều hoạt động giao lưu.")
    cleaned = clean_text(page)
    assert cleaned.startswith("Nhiều hoạt động ở “Festival Ấn Độ” tại Việt Nam")
    # a sentence with a bar in it is no row of links
    assert "Sở Ngoại vụ | Sở Văn hóa" in clean_text("Phân công: Sở Ngoại vụ | Sở Văn hóa, Thể thao và Du lịch chủ trì "
                                                     "tổ chức hội nghị triển khai kế hoạch.")


def test_a_page_readers_toolbar_is_chrome():
    page = ("Cỡ chữ\nA A\nTừ viết tắt Đọc bài viết\n× Đọc bài viết Tạm dừng Đọc tiếp Dừng đọc Đang tải...\n"
            "Vui lòng chờ giây lát\n× Bài viết không có file audio\nTương phản\n\n"
            "Kỷ niệm 10 năm kết nghĩa giữa thành phố Hội An và Szentendre\n\n"
            "Đoàn đại biểu thành phố Szentendre sẽ thăm và làm việc tại thành phố Hội An.")
    assert clean_text(page).startswith("Kỷ niệm 10 năm kết nghĩa")


def test_an_issuers_capitals_above_its_number_are_its_header_without_the_motto():
    """A copy that lost the motto column ("ỦY BAN NHÂN DÂN TỈNH NGÀN SƠN" / "SỞ NGOẠI VỤ" / "Số: 21/KH-SNgV"): the lines
    name who issues it, they are no portal banner; a motto broken over lines above the number stays out of it."""
    from ingest.metadata import extract_metadata

    text = ("ỦY BAN NHÂN DÂN TỈNH NGÀN SƠN\nSỞ NGOẠI VỤ\nSố: 21/KH-SNgV\nNgàn Sơn, ngày 05 tháng 02 năm 2029\n\nKẾ HOẠCH\n"
            "Thực hiện công tác ngoại giao văn hóa của Sở Ngoại vụ năm 2029\n\nI. MỤC ĐÍCH\n"
            "Triển khai hiệu quả công tác ngoại giao văn hóa của tỉnh trong năm 2029.\n")
    cleaned = clean_text(text)
    assert cleaned.startswith("ỦY BAN NHÂN DÂN TỈNH NGÀN SƠN\nSỞ NGOẠI VỤ\nSố:")
    meta = extract_metadata(cleaned, "kh-21.txt")
    assert meta.issuer == "Sở Ngoại vụ tỉnh Ngàn Sơn" and meta.province == "Ngàn Sơn"
    broken = "ỦY BAN NHÂN DÂN |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 31/KH-UBND |\n" + text.split("\n", 3)[3]
    assert "HÒA XÃ HỘI" not in clean_text(broken)


def test_a_law_librarys_trail_ending_in_the_documents_whole_title_is_no_title():
    from ingest.metadata import extract_metadata
    from tests.ingest.test_mentions import LIBRARY_PAGE

    assert not clean_text(LIBRARY_PAGE).startswith("Trang chủ")
    meta = extract_metadata(clean_text(LIBRARY_PAGE), "bach-lieu-kh-640-2028-thuvien.txt")
    assert meta.title.startswith("Kế hoạch 640/KH-UBND năm 2028 thực hiện công tác thông tin đối ngoại năm 2029")


def test_a_sites_menu_copied_without_separators_is_boilerplate():
    assert classify_line("Trang chủ Hữu nghị Bốn phương kết bạn") == "breadcrumb"
    assert classify_line("Trang chủ của tỉnh giới thiệu kế hoạch ngoại giao văn hóa năm 2029.") is None


def test_a_signers_name_after_its_degrees_is_kept():
    text = ("KẾ HOẠCH\nHợp tác quốc tế năm học 2030 - 2031\n1. Cử 20 sinh viên đi trao đổi.\nNơi nhận:\n- Lưu: VT.\n"
            "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n(Đã ký)\nPGS.TS. Lương Thế Vinh")
    assert "PGS.TS. Lương Thế Vinh" in clean_text(text)


def test_a_pages_address_alone_on_its_line_is_no_text_of_it_and_its_saved_date_is_read():
    # a page saved with its address first, the saver's date joined to it by a hard-wrap repair: the address goes,
    # the date stays as the page's date line
    text = ("https://baolamthuy.vn/thoi-su/tin-12345.html date 2029-11 Trình duyệt không hỗ trợ âm thanh.\n\n"
            "Ngày 14/11/2029, tại thành phố Lam Thủy, Sở Ngoại vụ tỉnh Lam Thủy tổ chức hội nghị tổng kết công tác "
            "đối ngoại nhân dân năm 2029.")
    out = clean_text(text)
    assert "https://" not in out
    assert "Ngày đăng: tháng 11/2029" in out


def test_a_note_about_the_text_at_its_top_is_no_text_of_the_plan():
    page = ("(Văn bản mô phỏng phục vụ tập huấn – không phải văn bản thật)\n\n"
            "ỦY BAN NHÂN DÂN\nTỈNH ĐÔNG LĨNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 12/KH-UBND\n\nĐông Lĩnh, ngày 02 tháng 3 năm 2026\n\nKẾ HOẠCH\nThông tin đối ngoại năm 2026\n\n"
            "1. Sở Ngoại vụ chủ trì phản bác thông tin không có thật về biên giới, không phải văn bản thật nào cả.\n")
    cleaned = clean_text(page)
    assert "phục vụ tập huấn" not in cleaned
    assert cleaned.startswith("ỦY BAN NHÂN DÂN")
    # the same words inside the plan are the plan's own
    assert "thông tin không có thật" in cleaned and "không phải văn bản thật nào cả" in cleaned


def test_a_writers_byline_after_the_last_paragraph_is_kept_and_a_site_name_is_not():
    text = ("Kết quả sau 04 ngày, toàn tỉnh có 1.310 người đăng ký, trong đó huyện Tân Lập 402 người.\n\n"
            " Đặng Thu Hương\n\nBáo Lam Hà điện tử\n")
    cleaned = clean_text(text)
    assert "Đặng Thu Hương" in cleaned and "Báo Lam Hà điện tử" not in cleaned
