"""What a text signed between two sides is, when a portal posts it whole: its kind, its parties, its own number."""

from ingest.pipeline import build_plan, load_plan

PORTAL_AGREEMENT = """CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SA LUNG
Trang chủ > Tin tức - Sự kiện > Đối ngoại

Toàn văn Thỏa thuận hợp tác giữa tỉnh Sa Lung và vùng Alentejo (Bồ Đào Nha) giai đoạn 2027 - 2031

Cập nhật: 12/06/2027 09:15

Chiều 08/6/2027, tại Évora, đồng chí Tạ Minh Khuê, Chủ tịch UBND tỉnh Sa Lung và ông Rui Carvalho, Chủ tịch Hội đồng vùng Alentejo đã ký Thỏa thuận hợp tác giai đoạn 2027 - 2031. Trước khi ký, nội dung Thỏa thuận đã được Bộ Ngoại giao có ý kiến tại Công văn số 2214/BNG-ĐNĐP ngày 20/5/2027.

THỎA THUẬN HỢP TÁC
GIỮA ỦY BAN NHÂN DÂN TỈNH SA LUNG, NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VÀ HỘI ĐỒNG VÙNG ALENTEJO, BỒ ĐÀO NHA

Điều 1. Lĩnh vực hợp tác
Hai Bên hợp tác trong 04 lĩnh vực: văn hóa, du lịch, nông nghiệp và giáo dục.

Điều 2. Hiệu lực
Thỏa thuận có hiệu lực 05 năm kể từ ngày ký.
"""


def test_a_portal_posting_an_agreement_whole_is_the_agreement_not_the_letter_it_cites():
    meta = build_plan(PORTAL_AGREEMENT, "sa-lung-thoa-thuan-alentejo.txt").meta
    assert meta.number is None  # "có ý kiến tại Công văn số 2214/BNG-ĐNĐP": a letter pointed to
    assert meta.doc_type == "Thỏa thuận"
    assert meta.province == "Sa Lung" and meta.issuer == "UBND tỉnh Sa Lung"
    assert meta.title.startswith("Thỏa thuận hợp tác giữa tỉnh Sa Lung")  # the portal's "Toàn văn" dropped


def test_a_page_sending_the_reader_to_its_own_document_keeps_that_number():
    text = """Hướng dẫn mới về đón tiếp khách nước ngoài

Bộ Ngoại giao đã ban hành Thông tư 07/2026/TT-BNG hướng dẫn về nghi lễ đối ngoại khi đón khách nước ngoài thăm địa
phương. Theo đó, địa phương báo cáo Bộ trước 10 ngày làm việc.

Xem chi tiết tại Thông tư 07/2026/TT-BNG (có hiệu lực từ ngày 01/9/2026).
"""
    meta = build_plan(text, "tt-07-2026.txt").meta
    assert meta.number == "07/2026/TT-BNG" and meta.doc_type == "Thông tư"


def test_a_proposal_written_so_colon_is_not_the_resolution_s_number():
    text = """NGHỊ QUYẾT
V/v: Sửa đổi mức chi đón tiếp khách nước ngoài của tỉnh Sa Lung

HỘI ĐỒNG NHÂN DÂN TỈNH SA LUNG
KHOÁ XII, KỲ HỌP THỨ 9

Căn cứ Luật Tổ chức HĐND và UBND năm 2003;
Sau khi xem xét Tờ trình số: 214/TTr-UBND ngày 20/11/2011 của UBND tỉnh về sửa đổi mức chi;

QUYẾT NGHỊ:
Điều 1. Mức chi mời cơm khách hạng A không quá 800.000 đồng/suất.
"""
    meta = build_plan(text, "sa-lung-nq-muc-chi.txt").meta
    assert meta.number is None and meta.doc_type == "Nghị quyết"


def test_three_bodies_sign_side_by_side_under_their_ranks():
    """A Quy chế phối hợp of three bodies: its heads sign in one table row, two of them under a military rank and one
    of those with a surname no list holds."""
    from ingest.signers import document_signer

    text = ("Điều 20. Sửa đổi, bổ sung\nViệc sửa đổi do các bên thống nhất./.\n\n"
            "| GIÁM ĐỐC SỞ NGOẠI VỤ | GIÁM ĐỐC CÔNG AN TỈNH | CHỈ HUY TRƯỞNG BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH |\n"
            "| (Đã ký) | (Đã ký) | (Đã ký) |\n| Kiều Thị Bảo Ngân | Đại tá Ân Văn Hưởng | Đại tá Hoàng Khắc Duy |\n\n"
            "Nơi nhận:\n- Bộ Ngoại giao;\n- Lưu: SNgV, CAT, BCHBP.\n")
    assert document_signer(text, signatories=3) == "Kiều Thị Bảo Ngân, Ân Văn Hưởng và Hoàng Khắc Duy"


def test_a_memorandum_headed_in_capitals_is_titled_by_its_head():
    from ingest.clean import clean_text
    from ingest.metadata import extract_metadata

    text = ("BẢN GHI NHỚ\nVỀ HỢP TÁC TRAO ĐỔI TRIỂN LÃM\nGIỮA\nBẢO TÀNG TỈNH LÂM SA\nVÀ\nBẢO TÀNG VÙNG POZNAŃ (CỘNG HÒA BA LAN)\n\n"
            "Bảo tàng tỉnh Lâm Sa (sau đây gọi là \"Bên A\") và Bảo tàng vùng Poznań (sau đây gọi là \"Bên B\") thống nhất "
            "ký Bản ghi nhớ với các điều khoản sau:\n\nĐiều 1. Mục đích\nHai Bên tổ chức triển lãm trao đổi.\n")
    meta = extract_metadata(clean_text(text), "memo.txt")
    assert meta.doc_type == "Bản ghi nhớ" and meta.title.startswith("Bản ghi nhớ về hợp tác trao đổi triển lãm giữa")


_CLOSING = """ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ
Số: 52/KH-UBND
Vân Khê, ngày 03 tháng 3 năm 2027

KẾ HOẠCH
Bồi dưỡng nghiệp vụ lễ tân đối ngoại năm 2027

I. MỤC ĐÍCH
Nâng cao năng lực lễ tân đối ngoại cho cán bộ các sở, ngành.

Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN
- Bộ Ngoại giao;                                   KT. CHỦ TỊCH
- Sở Ngoại vụ;                                     PHÓ CHỦ TỊCH
- Các sở, ban, ngành tỉnh;                         (đã ký)
- UBND các huyện, thành phố; Trường Chính trị;     Lò Văn Quế
- Lưu: VT, NC.
"""


def test_a_signer_s_name_beside_a_long_addressee_is_read_at_the_signature_column():
    # (the addressee leaves the name a four-space gap, where the column starts on every other line)
    assert build_plan(_CLOSING, "van-khe-kh-52-2027.txt").meta.signer == "Lò Văn Quế"


def test_an_inspectorate_s_conclusion_is_signed_by_its_chief_inspector():
    text = _CLOSING.replace("TM. ỦY BAN NHÂN DÂN", "CHÁNH THANH TRA").replace("KT. CHỦ TỊCH", "").replace(
        "PHÓ CHỦ TỊCH", "").replace("Trường Chính trị;", " " * 17)
    assert build_plan(text, "van-khe-kl-52-2027.txt").meta.signer == "Lò Văn Quế"


RECORD_OF_TALKS = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
-------
Số: 07/BB-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Vân Khê, ngày 09 tháng 10 năm 2027

BIÊN BẢN HỘI ĐÀM
giữa Ủy ban nhân dân tỉnh Vân Khê và Chính quyền tỉnh Tottori, Nhật Bản
(Bản tiếng Việt)

Trên cơ sở Biên bản làm việc ký ngày 03 tháng 5 năm 2024 tại thành phố Tottori, hai bên đã hội đàm.

I. THÀNH PHẦN
- Ông Lưu Đình Khang, Chủ tịch Ủy ban nhân dân tỉnh, Trưởng đoàn;
- Ông Morita Kōsuke, Phó Thống đốc tỉnh Tottori, Trưởng đoàn.

II. NỘI DUNG THỐNG NHẤT
1. Hai bên trao đổi 05 học bổng mỗi năm từ năm 2028.

ĐẠI DIỆN ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ            ĐẠI DIỆN CHÍNH QUYỀN TỈNH TOTTORI
CHỦ TỊCH                                          PHÓ THỐNG ĐỐC
(đã ký)                                           (đã ký)
Lưu Đình Khang                                    Morita Kōsuke

Phụ lục
CHƯƠNG TRÌNH HỢP TÁC DỰ KIẾN GIAI ĐOẠN 2028 - 2030
| STT | Nội dung | Thời gian |
| 1 | Trao đổi học bổng | 2028 - 2030 |
"""


def test_a_record_of_talks_is_titled_by_its_heading_and_signed_by_both_parties(tmp_path):
    path = tmp_path / "van-khe-bb-07-hoi-dam-tottori.txt"
    path.write_text(RECORD_OF_TALKS, encoding="utf-8")
    meta = load_plan(path).meta  # (read as a file is: its columns set side by side with spaces)
    assert meta.doc_type == "Biên bản"
    # its own heading, not the Phụ lục's capitals further down
    assert meta.title.startswith("Biên bản hội đàm giữa Ủy ban nhân dân tỉnh Vân Khê")
    # each party's head signs under its "ĐẠI DIỆN …", the foreign one in his own letters
    assert meta.signer == "Lưu Đình Khang và Morita Kōsuke"
