"""What a document is about: issuer, province (known or not), evidence and source, the 2025 units."""
from __future__ import annotations

from ground.places import PROVINCES
from ground.plans import PlanMeta
from ground.units_2025 import former_names, unit_2025, units_2025
from ingest.clean import clean_text
from ingest.metadata import extract_metadata
from ingest.pipeline import build_plan
from ingest.repair import repair_text

EMBLEM = ("ỦY BAN NHÂN DÂN\n{place}\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "---------------\n\nSố: {number}\n\n{town}, ngày 12 tháng 5 năm 2023\n\n")


def _plan(place: str, town: str, body: str, number: str = "77/KH-UBND") -> PlanMeta:
    return extract_metadata(EMBLEM.format(place=place, number=number, town=town) + body, "plan.txt")


def test_the_header_wins_over_places_the_appendix_names():
    body = ("KẾ HOẠCH\nXÚC TIẾN QUẢNG BÁ VĂN HÓA NĂM 2023\n\nI. MỤC ĐÍCH\nQuảng bá hình ảnh của tỉnh ra nước ngoài.\n"
            "PHỤ LỤC\nDANH MỤC HOẠT ĐỘNG\n"
            + "".join(f"Nhiệm vụ {i}: Tham gia Hội chợ du lịch quốc tế tại Thành phố Hồ Chí Minh lần {i}; chủ trì: "
                      "Sở Văn hóa, Thể thao và Du lịch; thời gian: năm 2023.\n" for i in range(1, 6)))
    meta = _plan("TỈNH HÀ TĨNH", "Hà Tĩnh", body)
    assert (meta.province, meta.issuer) == ("Hà Tĩnh", "UBND tỉnh Hà Tĩnh")
    assert meta.about["source"] == "header" and "TỈNH HÀ TĨNH" in meta.about["evidence"]
    assert meta.about["known_province"] and meta.about["unit_2025"] == "Hà Tĩnh"


def test_a_province_the_gazetteer_does_not_know_is_read_from_the_header():
    body = ("KẾ HOẠCH\nNGOẠI GIAO VĂN HÓA TỈNH VÂN SƠN NĂM 2023\n\nỦy ban nhân dân tỉnh Vân Sơn ban hành kế hoạch "
            "như sau:\nI. MỤC ĐÍCH\nGiới thiệu văn hóa tỉnh Vân Sơn tới bạn bè quốc tế tại Thành phố Hồ Chí Minh, "
            "Thành phố Hồ Chí Minh và Hà Nội.")
    meta = _plan("TỈNH VÂN SƠN", "Vân Sơn", body)
    assert (meta.province, meta.issuer) == ("Vân Sơn", "UBND tỉnh Vân Sơn")
    assert meta.about["known_province"] is False and meta.about["unit_2025"] == "Vân Sơn"
    assert meta.about["subject"] == "ngoại giao văn hóa tỉnh Vân Sơn năm 2023"
    assert meta.about["year"] == 2023 and "ngoại giao văn hóa" in meta.about["topics"]


def test_an_unknown_city_with_districts_is_a_city_of_its_own_and_one_inside_a_province_is_not():
    body = ("KẾ HOẠCH\nĐỐI NGOẠI NHÂN DÂN NĂM 2023\n\nI. NHIỆM VỤ\nỦy ban nhân dân các quận, huyện tổ chức giao lưu "
            "hữu nghị với các địa phương nước ngoài.")
    meta = _plan("THÀNH PHỐ LONG CẢNG", "Long Cảng", body)
    assert (meta.province, meta.issuer) == ("Long Cảng", "UBND thành phố Long Cảng")
    inside = ("KẾ HOẠCH\nĐỐI NGOẠI NĂM 2023\n\nI. NHIỆM VỤ\nPhối hợp với các sở của tỉnh Quảng Trị tổ chức giao lưu; "
              "báo cáo Ủy ban nhân dân tỉnh Quảng Trị kết quả thực hiện.")
    meta = _plan("THÀNH PHỐ BẠCH LONG", "Bạch Long", inside)
    assert (meta.province, meta.issuer) == ("Quảng Trị", "UBND thành phố Bạch Long")  # a city inside the province


def test_a_ministry_the_list_does_not_know_is_read_from_its_emblem():
    text = ("BỘ KẾT NỐI VĂN HÓA\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 310/KH-BKNVH\nHà Nội, ngày 4 tháng 4 năm 2023\nKẾ HOẠCH\nHỢP TÁC VĂN HÓA QUỐC TẾ NĂM 2023\n"
            "Bộ Kết nối Văn hóa ban hành Kế hoạch hợp tác với các địa phương Hà Giang, Lào Cai, Cao Bằng.\n"
            "I. NHIỆM VỤ\nCác Cục, Vụ thuộc Bộ tổ chức các sự kiện ở nước ngoài.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
            "Lý Thị Hằng")
    meta = extract_metadata(text, "bo.txt")
    assert (meta.issuer, meta.province, meta.signer) == ("Bộ Kết nối Văn hóa", None, "Lý Thị Hằng")
    assert meta.about["source"] == "header"


def test_law_library_fields_on_one_line_and_a_flattened_header():
    text = ("Số hiệu: 45/KH-UBND Loại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Vân Sơn Người ký: Trần Văn Bình\n"
            "Ngày ban hành: 03/05/2022 Ngày hiệu lực: Đã biết\n\nKế hoạch thông tin đối ngoại năm 2022 của tỉnh. "
            "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện công tác thông tin đối ngoại năm 2022.")
    meta = extract_metadata(text, "tvpl.txt")
    assert (meta.number, meta.signer, meta.date) == ("45/KH-UBND", "Trần Văn Bình", "2022-05-03")
    assert (meta.province, meta.issuer, meta.about["source"]) == ("Vân Sơn", "UBND tỉnh Vân Sơn", "field")
    flattened = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 52/KH-UBND | Hà Tĩnh, ngày 3 tháng 5 năm "
                 "2022 |\nThực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân "
                 "tỉnh ban hành Kế hoạch như sau:\n1. Mục đích\nTổ chức giao lưu văn hóa với Lào và Campuchia.")
    meta = extract_metadata(flattened, "flat.txt")
    assert (meta.number, meta.province, meta.date, meta.about["source"]) == ("52/KH-UBND", "Hà Tĩnh", "2022-05-03",
                                                                             "header")


def test_a_news_page_about_a_province_is_not_the_visiting_ministry_s():
    text = ("Đoàn công tác Bộ Ngoại giao làm việc tại tỉnh Hà Tĩnh\n\nSáng 5/6, đoàn công tác của Bộ Ngoại giao do "
            "Đại sứ Nguyễn Văn Nam dẫn đầu đã làm việc với tỉnh Hà Tĩnh về ngoại giao văn hóa. Tỉnh Hà Tĩnh đề nghị "
            "Bộ hỗ trợ quảng bá di sản của tỉnh tới bạn bè quốc tế.")
    meta = extract_metadata(text, "tin.txt")
    assert (meta.province, meta.issuer) == ("Hà Tĩnh", None)
    assert meta.about["source"] == "text" and "Hà Tĩnh" in meta.about["evidence"]
    national = ("Bộ Ngoại giao tổ chức hội nghị ngoại giao văn hóa\n\nNgày 20/12, Bộ Ngoại giao tổ chức hội nghị "
                "triển khai Chiến lược Ngoại giao văn hóa với sự tham dự của đại diện các bộ, ngành.")
    meta = extract_metadata(national, "bng.txt")
    assert (meta.province, meta.issuer) == (None, "Bộ Ngoại giao")


def test_an_unknown_committee_named_in_a_news_page():
    text = ("Vân Sơn triển khai kế hoạch đối ngoại nhân dân\n\nUBND tỉnh Vân Sơn vừa ban hành Kế hoạch số 12/KH-UBND về "
            "công tác đối ngoại nhân dân năm 2024. Theo đó, tỉnh Vân Sơn tăng cường giao lưu hữu nghị với Lào.")
    meta = extract_metadata(text, "tin.txt")
    assert (meta.number, meta.province, meta.issuer) == ("12/KH-UBND", "Vân Sơn", "UBND tỉnh Vân Sơn")
    assert meta.about["known_province"] is False


def test_the_34_units_of_2025_with_their_former_provinces():
    units = units_2025()
    assert len(units) == 34 and sum(len(v) for v in units.values()) == len(PROVINCES)
    assert unit_2025("Hà Giang") == "Tuyên Quang" and unit_2025("Bình Định") == "Gia Lai"
    assert unit_2025("Thừa Thiên Huế") == "Huế" and units["Huế"] == ("Thừa Thiên Huế",)
    assert units["Hồ Chí Minh"][0] == "Hồ Chí Minh" and set(units["Hồ Chí Minh"]) == {
        "Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}
    assert "Thái Bình" in former_names("Hưng Yên") and "Bà Rịa" in former_names("Hồ Chí Minh")
    assert unit_2025("Lam Giang") is None and former_names("Lam Giang") == []


def test_a_decision_whose_plan_lost_its_title_line_is_named_by_its_first_article():
    text = ("Số: 88/QĐ-UBND |\nHà Tĩnh, ngày 18 tháng 9 năm 2015 |\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
            "Căn cứ Quyết định số 210/QĐ-TTg ngày 08/02/2015 của Thủ tướng Chính phủ;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch giao lưu văn hóa với các địa phương nước ngoài "
            "đến năm 2020.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\nKT.CHỦ TỊCH |\n"
            "GIAO LƯU VĂN HÓA VỚI CÁC ĐỊA PHƯƠNG NƯỚC NGOÀI\n1. Mục đích\nMở rộng giao lưu văn hóa của tỉnh Hà Tĩnh.")
    meta = extract_metadata(text, "qd.txt")
    assert (meta.doc_type, meta.number) == ("Quyết định", "88/QĐ-UBND")
    assert meta.title == "Kế hoạch giao lưu văn hóa với các địa phương nước ngoài đến năm 2020"
    assert meta.about["subject"] == "giao lưu văn hóa với các địa phương nước ngoài đến năm 2020"


MULTILINE_EMBLEM = ("{first}\n{second}\n-------\n\n{motto}\n---------------\n\nSố: {number}\n\n"
                    "Hà Nội, ngày 3 tháng 4 năm 2026\n\n{body}")


def _emblem(first: str, second: str, number: str, body: str,
            motto: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc") -> PlanMeta:
    return extract_metadata(MULTILINE_EMBLEM.format(first=first, second=second, motto=motto, number=number,
                                                    body=body), "doc.txt")


def test_an_emblem_written_over_two_lines_names_its_body_whole():
    ministry = _emblem("BỘ KHOA HỌC VÀ", "CÔNG NGHỆ", "15/QĐ-BKHCN",
                       "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thông tin đối ngoại năm 2026\n"
                       "Điều 1. Ban hành Kế hoạch thông tin đối ngoại năm 2026 của Bộ Khoa học và Công nghệ.")
    assert (ministry.issuer, ministry.province) == ("Bộ Khoa học và Công nghệ", None)


def test_a_ward_committee_belongs_to_the_province_its_text_keeps_naming():
    ward = _emblem("ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN NGHÉ MỚI", "8/KH-UBND",
                   "KẾ HOẠCH\nCông tác đối ngoại nhân dân năm 2026\n"
                   "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh Sơn Nguyên về đối ngoại nhân dân; căn cứ tình "
                   "hình thực tế, UBND phường Bến Nghé Mới ban hành kế hoạch như sau.\n"
                   "I. NHIỆM VỤ\nPhối hợp với Liên hiệp các tổ chức hữu nghị tỉnh Sơn Nguyên đón đoàn khách quốc tế.")
    assert (ward.issuer, ward.province) == ("UBND phường Bến Nghé Mới", "Sơn Nguyên")


def test_a_national_body_dating_its_documents_in_ha_noi_is_no_province_s():
    body = ("QUYẾT ĐỊNH\nBan hành Kế hoạch quảng bá văn hóa năm 2026\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch quảng bá văn hóa năm 2026 của Hội đồng Quốc gia "
            "Giáo dục Di sản. Các tỉnh, thành phố như Hà Nội, Huế, Hà Nội phối hợp thực hiện.")
    council = _emblem("HỘI ĐỒNG QUỐC GIA", "GIÁO DỤC DI SẢN", "9/QĐ-HĐQG", body)
    assert (council.issuer, council.province) == ("Hội đồng Quốc gia Giáo dục Di sản", None)
    party = _emblem("BAN CHẤP HÀNH TRUNG ƯƠNG", "", "99-CT/TW",
                    "CHỈ THỊ\nVề công tác đối ngoại nhân dân\nCác cấp ủy, tổ chức đảng ở Hà Nội và cả nước thực hiện.",
                    motto="ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (party.issuer, party.province) == ("Ban Chấp Hành Trung Ương", None)


def test_a_city_committee_under_its_province_s_line_issues_its_own_document():
    text = ("ỦY BAN NHÂN DÂN TỈNH SƠN NGUYÊN\nỦY BAN NHÂN DÂN THÀNH PHỐ BẾN MÂY\nSố: 77/QĐ-UBND\n"
            "Bến Mây, ngày 2 tháng 3 năm 2027\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc\n\n"
            "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch ngoại giao văn hóa năm 2027\n"
            "Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh Sơn Nguyên; UBND thành phố Bến Mây quyết định.")
    meta = extract_metadata(text, "qd.txt")
    assert (meta.issuer, meta.province) == ("UBND thành phố Bến Mây", "Sơn Nguyên")


def test_an_organ_line_under_a_national_body_is_no_part_of_its_name():
    body = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\ncủa Hội Nghệ nhân Việt Nam thực hiện Chiến lược Ngoại giao văn hóa\n"
            "Ban Thường vụ Trung ương Hội ban hành Chương trình hành động của Hội Nghệ nhân Việt Nam như sau.")
    meta = _emblem("HỘI NGHỆ NHÂN VIỆT NAM", "BAN THƯỜNG VỤ TRUNG ƯƠNG HỘI", "5/CTr-HNN", body)
    assert (meta.issuer, meta.province) == ("Hội Nghệ nhân Việt Nam", None)


def test_a_district_committee_named_in_a_news_page_is_the_issuer():
    text = ("Huyện Sông Mây triển khai công tác thông tin đối ngoại năm 2025\n\nNgày 20/01/2025, Ủy ban nhân dân huyện "
            "Sông Mây đã ban hành Kế hoạch số 21/KH-UBND về công tác thông tin đối ngoại huyện Sông Mây năm 2025.")
    assert extract_metadata(text, "tin.txt").issuer == "UBND huyện Sông Mây"


def test_a_party_committee_under_its_provincial_party_body_issues_its_own_resolution():
    # two-column Party header (no State motto, "Số" without a colon), a body that cites the province's UBND plan,
    # signed "T/M BAN CHẤP HÀNH / BÍ THƯ" below "Nơi nhận"
    text = ("ĐẢNG BỘ TỈNH SƯƠNG NGUYÊN | ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH\n"
            "* | Sương Nguyên, ngày 3 tháng 5 năm 2027\nSố 22-NQ/ĐUK\n\nNGHỊ QUYẾT\n"
            "về lãnh đạo thực hiện Chiến lược Ngoại giao văn hóa trong các doanh nghiệp thuộc Khối\n\n"
            "- Căn cứ Kế hoạch số 40/KH-UBND ngày 2/3/2026 của Ủy ban nhân dân tỉnh Sương Nguyên về ngoại giao văn hóa;\n"
            "Ban Chấp hành Đảng bộ Khối quyết nghị các tổ chức cơ sở đảng ban hành kế hoạch thực hiện trong năm 2027.\n\n"
            "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Lưu Văn phòng Đảng ủy Khối.\n\n"
            "T/M BAN CHẤP HÀNH\nBÍ THƯ\n(Đã ký)\nLã Thị Bích Ngọc")
    meta = extract_metadata(clean_text(text), "nq.txt")
    assert (meta.issuer, meta.province) == ("Đảng ủy khối doanh nghiệp tỉnh Sương Nguyên", "Sương Nguyên")
    assert meta.signer == "Lã Thị Bích Ngọc"


def test_a_central_commission_under_the_central_committee_and_a_page_field_list_give_issuer_and_signer():
    text = ("Hướng dẫn số 41-HD/BTGTW ngày 2/4/2027 của Ban Tuyên giáo Trung ương tuyên truyền về Năm hữu nghị\n"
            "  • Tuyên truyền về Năm hữu nghị\n  • 41-HD/BTGTW\n  • Hướng dẫn\n  • 02/04/2027\n"
            "  • Ban Tuyên giáo Trung ương\n  • Trần Quốc Khải\nNội dung:\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\nBAN TUYÊN GIÁO\n\n*\n\n"
            "Số 41 – HD/BTGTW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Nội, ngày 02 tháng 4 năm 2027\n\nHƯỚNG DẪN\n"
            "Tuyên truyền về Năm hữu nghị\n\nBan Tuyên giáo Trung ương hướng dẫn các cấp ủy tuyên truyền như sau:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n- Tuyên truyền sâu rộng về quan hệ hữu nghị truyền thống giữa hai nước.")
    meta = extract_metadata(clean_text(text), "hd.txt")
    assert (meta.issuer, meta.province, meta.signer) == ("Ban Tuyên giáo Trung ương", None, "Trần Quốc Khải")


def test_a_school_plan_is_signed_by_its_rector_beside_the_recipients():
    text = ("UBND TỈNH SƯƠNG NGUYÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTRƯỜNG ĐẠI HỌC SƯƠNG NGUYÊN | Độc lập - Tự do - "
            "Hạnh phúc\nSố: 90/KH-ĐHSN | Sương Nguyên, ngày 5 tháng 9 năm 2027\n\nKẾ HOẠCH\nNgoại giao văn hóa năm học "
            "2027 - 2028\n\n1. Phòng Hợp tác quốc tế chủ trì tiếp nhận lưu học sinh và tổ chức giao lưu văn hóa.\n\n"
            "Nơi nhận:                                          HIỆU TRƯỞNG\n- UBND tỉnh (để b/c);\n"
            "- Sở Ngoại vụ, Sở GD&ĐT;                            (Đã ký)\n- Hội đồng trường;\n"
            "- Ban Giám hiệu;                                   PGS.TS. Đàm Quang Vinh\n- Lưu: VT, HTQT.")
    assert extract_metadata(clean_text(repair_text(text).text), "kh.txt").signer == "Đàm Quang Vinh"


def test_a_commission_of_a_provincial_party_committee_issues_its_guidance():
    text = ("TỈNH ỦY SƯƠNG NGUYÊN | ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n* | Sương Nguyên, ngày 10 tháng 6 "
            "năm 2027\nSố 52-HD/BTGDVTU\n\nHƯỚNG DẪN\ntuyên truyền kỷ niệm 50 năm quan hệ ngoại giao\n\n"
            "Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn các cấp ủy tuyên truyền về quan hệ hữu nghị như sau.\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n- Tuyên truyền sâu rộng về quan hệ hữu nghị truyền thống giữa hai nước.")
    meta = extract_metadata(clean_text(text), "hd.txt")
    assert (meta.issuer, meta.number) == ("Ban Tuyên giáo và Dân vận Tỉnh ủy Sương Nguyên", "52-HD/BTGDVTU")


def test_a_ministry_issuing_under_its_own_shorthand_owns_the_page_not_the_city_of_the_event():
    # "Bộ … (VH-TT-DL) vừa ban hành kế hoạch …, dự kiến diễn ra tại Hà Nội": the ministry's plan, held in Hà Nội
    text = ("Bộ Văn hóa, Thể thao và Du lịch (VH-TT-DL) vừa ban hành kế hoạch tổ chức Chương trình Gặp mặt hữu nghị "
            "năm 2027, với chủ đề “Sắc màu văn hóa”, dự kiến diễn ra ngày 12-11 tại Hà Nội.\n\nChương trình có sự tham "
            "gia của đại diện các cơ quan ngoại giao, tổ chức quốc tế tại Việt Nam và các nghệ sĩ trong nước.\n")
    meta = extract_metadata(text, "tin.txt")
    assert meta.issuer == "Bộ Văn hóa, Thể thao và Du lịch" and meta.province is None


def test_a_board_the_lead_says_issued_the_plan_is_its_issuer():
    from ingest.metadata import extract_metadata

    text = ("Kế hoạch hoạt động thông tin đối ngoại năm 2029\n\nNgày 04-05-2029\n\nNhằm nâng cao chất lượng hoạt động "
            "thông tin đối ngoại, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh vừa ban hành Kế hoạch hoạt động thông tin "
            "đối ngoại tỉnh Sóc Trăng năm 2029. Kế hoạch đề ra các nhiệm vụ trọng tâm trong năm 2029.\n")
    meta = extract_metadata(text, "soc-trang-kh-ttdn-2029-tin.txt")
    assert meta.issuer == "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh" and meta.province == "Sóc Trăng"


def test_the_standing_deputys_name_after_the_committee_is_no_province():
    page = ("Lãnh đạo tỉnh tiếp đoàn công tác vùng Piemonte (Ý)\n"
            "Sáng 7/10, Phó Chủ tịch thường trực UBND tỉnh Lương Văn Khải đã chủ trì buổi tiếp đoàn công tác vùng "
            "Piemonte, Cộng hòa Ý.\nThay mặt lãnh đạo tỉnh Thái Nguyên, Phó Chủ tịch thường trực UBND tỉnh Lương Văn "
            "Khải chào mừng đoàn và giới thiệu tiềm năng hợp tác của tỉnh Thái Nguyên.\n")
    meta = extract_metadata(clean_text(page), "thai-nguyen-tiep-doan-piemonte-tin.txt")
    assert meta.province == "Thái Nguyên", meta.about


def test_a_neighbours_province_named_in_a_communes_paper_is_not_its_province():
    from ingest.about import dominant_province

    paper = ("ỦY BAN NHÂN DÂN\nXÃ NẬM KHÊ\n\nTHAM LUẬN\nXã biên giới Nậm Khê với công tác đối ngoại nhân dân\n"
             "Đội văn nghệ của xã biểu diễn tại tỉnh Xiêng Khoảng năm 2024 và tại Hội chợ tỉnh Xiêng Khoảng năm 2025; "
             "xã kết nghĩa với bản Na Hương, tỉnh Hủa Phăn (Lào) và đón đoàn tỉnh Sơn Mộc (Lào), đoàn tỉnh Sơn Mộc "
             "ở lại ba ngày.\n")
    assert dominant_province(paper)[0] is None
    own = "Kế hoạch của tỉnh Sơn Mộc. Các sở của tỉnh Sơn Mộc thực hiện; hội chợ tại tỉnh Xiêng Khoảng.\n"
    assert dominant_province(own)[0] == "Sơn Mộc"


def test_a_document_the_page_recalls_is_not_the_page():
    """"Trước đó, ngày …, Bộ … đã ban hành Quyết định số …": an earlier decision the news page looks back on gives it
    no number, issuer, type or date of its own."""
    page = ("http://example.vn/news/1\n"
            "Sáng 15/1, Sở Thông tin và Truyền thông tỉnh Lâm Khê công bố trang thông tin điện tử về Năm Văn hóa "
            "2031 của tỉnh.\nTrang tin đặt tại trụ sở Sở Thông tin và Truyền thông tỉnh Lâm Khê.\n"
            "Trước đó, ngày 14/9/2030, Bộ Văn hóa, Thể thao và Du lịch đã ban hành Quyết định số 3051/QĐ-BVHTTDL về "
            "chương trình Năm Văn hóa 2031 - Lâm Khê. Theo đó, tỉnh tổ chức 12 hoạt động chính.\n")
    meta = extract_metadata(clean_text(page), "page.txt")
    assert (meta.number, meta.issuer, meta.doc_type, meta.date) == (None, None, None, None)
    assert meta.province == "Lâm Khê"


def test_a_mission_s_seat_and_a_hospital_s_name_say_nothing_of_whose_page_it_is():
    visit = """Tổng Lãnh sự Hàn Quốc tại thành phố Hồ Chí Minh thăm và làm việc tại tỉnh Phú Yên

Ngày 14/3/2024, ông Kim Min-soo, Tổng Lãnh sự Hàn Quốc tại thành phố Hồ Chí Minh đã có buổi làm việc tại tỉnh Phú Yên.
Tiếp đoàn có Phó Chủ tịch UBND tỉnh. Tổng Lãnh sự Hàn Quốc tại thành phố Hồ Chí Minh đánh giá cao môi trường đầu tư.
"""
    assert build_plan(visit, "tin-tham-lam-viec.txt").meta.province == "Phú Yên"
    surgery = """Phẫu thuật miễn phí cho trẻ em

Chương trình phẫu thuật từ thiện tại Bệnh viện Đa khoa Sài Gòn - Hội An cùng các bác sĩ Hoa Kỳ.
Bắt đầu từ năm 2019, chương trình thực hiện tại Quảng Nam. Năm 2025, chương trình phẫu thuật tại Bệnh viện Đa khoa Sài Gòn - Hội An.
"""
    assert build_plan(surgery, "tin-phau-thuat.txt").meta.province == "Quảng Nam"
