"""Metadata of each sample, stated by hand, plus the small extractors one by one."""
from __future__ import annotations

import pytest

from ingest.clean import clean_text
from ingest.metadata import (
    document_number,
    document_type,
    extract_metadata,
    find_numbers,
    horizon_years,
    implemented_documents,
    issue_date,
    normalize_number,
    source_kind,
)
from ingest.readers import read_document
from ingest.titles import sentence_case
from tests.conftest import FIXTURES, SAMPLES


def _meta(path):
    raw = read_document(path)
    return extract_metadata(clean_text(raw.text), raw.source)


EXPECTED = {
    "000_239ee8307a17dc05.txt": dict(
        title="Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh",
        number="173/KH-UBND", doc_type="Kế hoạch", issuer="UBND tỉnh Thừa Thiên Huế", province="Thừa Thiên Huế",
        date="2022-04-28", signer=None, horizon=[2030], implements=[], source_kind="news", field=None,
        published="2022-04-29",
    ),
    "001_32f94a6958947b77.txt": dict(
        title="Kế hoạch 726/KH-UBND năm 2022 triển khai thực hiện Chiến lược Ngoại giao văn hóa trên địa bàn tỉnh "
              "Cao Bằng đến năm 2025, tầm nhìn đến năm 2030",
        number="726/KH-UBND", doc_type="Kế hoạch", issuer="UBND tỉnh Cao Bằng", province="Cao Bằng",
        date="2022-03-29", signer="Lê Hải Hòa", horizon=[2025, 2030], implements=["2013/QĐ-TTg"],
        source_kind="full_text", field="Văn hóa - Xã hội", published=None,
    ),
    "002_b35ca742d8998c4f.txt": dict(
        title="Bộ Ngoại giao hướng dẫn xây dựng Chương trình/Kế hoạch hành động thiển khai Chiến lược Ngoại giao "
              "văn hóa đến năm 2030",
        number="404/BNG-NGVH-UNESCO", doc_type="Công văn", issuer="Bộ Ngoại giao", province=None,
        date="2022-02-10", signer=None, horizon=[2030], implements=["2013/QĐ-TTg"], source_kind="news",
        field=None, published="2022-02-28",
    ),
    "003_bb55a98e4bfd3a2f.txt": dict(
        title="Kế hoạch 141/KH-UBND về triển khai Chiến lược Văn hóa đối ngoại của Việt Nam trên địa bàn thành phố "
              "Hải Phòng",
        number="141/KH-UBND", doc_type="Kế hoạch", issuer="UBND thành phố Hải Phòng", province="Hải Phòng",
        date=None, signer=None, horizon=[2030], implements=["25/CT-TTg"], source_kind="news", field=None,
        published="2023-05-31",
    ),
    "004_35f3d52366773844.txt": dict(
        title="Kế hoạch hành động của thành phố Hải Phòng triển khai Chiến lược ngoại giao văn hóa đến năm 2020",
        number=None, doc_type="Kế hoạch", issuer="UBND thành phố Hải Phòng", province="Hải Phòng", date=None,
        signer=None, horizon=[2020], implements=[], source_kind="news", field=None, published="2014-09-03",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_metadata(name):
    # the fields stated here; quality, OCR, numbers as written, relations and sources have tests of their own
    got = _meta(SAMPLES / name).to_dict()
    assert {k: got[k] for k in EXPECTED[name]} == EXPECTED[name]


def test_full_text_plan_metadata():
    got = _meta(FIXTURES / "files" / "full_plan.txt").to_dict()
    expected = dict(
        title="Kế hoạch thực hiện chiến lược ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Ninh giai đoạn "
              "2022 - 2025",
        number="95/KH-UBND", doc_type="Kế hoạch", issuer="UBND tỉnh Quảng Ninh", province="Quảng Ninh",
        date="2022-04-15", signer="Nguyễn Thị Hạnh", horizon=[2025, 2030], implements=["2013/QĐ-TTg", "33-NQ/TW"],
        source_kind="full_text", field=None, published=None,
    )
    assert {k: got[k] for k in expected} == expected


def test_saved_page_metadata():
    meta = _meta(FIXTURES / "files" / "news_page.html")
    assert (meta.number, meta.issuer, meta.province, meta.date, meta.published, meta.implements) == (
        "58/KH-UBND", "UBND tỉnh Lạng Sơn", "Lạng Sơn", "2022-05-12", "2022-05-15", ["2013/QĐ-TTg"])


def test_text_without_any_evidence_falls_back_to_the_file_name():
    meta = extract_metadata("Ghi chú.\nXem sau.", "ghi-chu.txt")
    assert meta.title == "ghi-chu" and meta.number is None and meta.province is None and meta.horizon == []


def test_a_page_without_a_title_line_is_titled_by_its_first_sentence():
    meta = extract_metadata("Một đoạn văn ngắn không nêu văn bản nào.", "ghi-chu.txt")
    assert meta.title == "Một đoạn văn ngắn không nêu văn bản nào"


# --- small extractors ----------------------------------------------------------------------------

def test_numbers_are_found_and_normalised():
    text = "Căn cứ 2013/QD-TTg, Nghị định 12/2021/NĐ-CP, Kết luận 09-KL/TW và Công văn 404/BNG-NGVH-UNESCO."
    assert [n.number for n in find_numbers(text)] == ["2013/QĐ-TTg", "12/2021/NĐ-CP", "09-KL/TW",
                                                     "404/BNG-NGVH-UNESCO"]
    assert implemented_documents(text) == ["2013/QĐ-TTg", "12/2021/NĐ-CP", "09-KL/TW"]
    assert normalize_number("25/CT–TTg") == "25/CT-TTg"


def test_own_number_is_not_a_cited_one():
    text = ("Thực hiện Kế hoạch số 99/KH-BNG của Bộ Ngoại giao và Quyết định số 2013/QĐ-TTg, "
            "UBND tỉnh Hà Giang ban hành Kế hoạch số 45/KH-UBND về ngoại giao văn hóa.")
    assert document_number(text).number == "45/KH-UBND"
    only_cited = "Thực hiện Kế hoạch số 99/KH-BNG, Sở Ngoại vụ tổ chức hội nghị quán triệt."
    assert document_number(only_cited) is None
    assert document_number("Số: 12/KH-UBND\nThực hiện Kế hoạch số 7/KH-BNG").number == "12/KH-UBND"


def test_document_type_from_words_and_codes():
    for text, expected in [
        ("UBND tỉnh ban hành Chương trình hành động số 5/CTr-UBND", "Chương trình"),
        ("Sở đã ban hành văn bản 77/QĐ-SNgV", "Quyết định"),
        ("UBND tỉnh có văn bản 1234/UBND-VX", "Công văn"),
    ]:
        assert document_type(text, document_number(text), None) == expected


def test_issue_date_forms():
    text = "UBND tỉnh đã ban hành Kế hoạch số 30/KH-UBND ngày 12 tháng 3 năm 2023 về ngoại giao văn hóa."
    assert issue_date(text, document_number(text), None) == "2023-03-12"
    text = "Ngày 05/01, UBND tỉnh ban hành Kế hoạch số 3/KH-UBND."
    assert issue_date(text, document_number(text), "2024-02-01") == "2024-01-05"
    assert issue_date(text, document_number(text), None) is None  # no year anywhere
    text = "Ngày 20/12, UBND tỉnh ban hành Kế hoạch số 300/KH-UBND."
    assert issue_date(text, document_number(text), "2023-01-10") == "2022-12-20"
    text = "Thực hiện Chỉ thị số 25/CT-TTg ngày 10/9/2021, UBND thành phố đã ban hành Kế hoạch 141/KH-UBND."
    assert issue_date(text, document_number(text), None) is None  # that date belongs to the Chỉ thị


def test_horizon_years():
    assert horizon_years("đến năm 2025, tầm nhìn đến năm 2030") == [2025, 2030]
    assert horizon_years("giai đoạn 2022-2025") == [2025]
    assert horizon_years("Chiến lược ngoại giao văn hóa đến năm 2020") == [2020]
    assert horizon_years("Hội nghị ngày 24/11/2021 tại Hà Nội") == []


def test_sentence_case_keeps_place_names():
    assert sentence_case("KẾ HOẠCH TRIỂN KHAI TRÊN ĐỊA BÀN TỈNH CAO BẰNG VÀ VIỆT NAM") == (
        "Kế hoạch triển khai trên địa bàn tỉnh Cao Bằng và Việt Nam")


def test_source_kind():
    assert source_kind("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/KH-UBND\nI. MỤC ĐÍCH") == "full_text"
    assert source_kind("Ngày 1/2/2022, UBND tỉnh ban hành Kế hoạch số 1/KH-UBND.") == "news"


def test_department_document_with_a_decision_title_and_signature():
    text = clean_text(
        "UBND TỈNH QUẢNG TRỊ\nSỞ NGOẠI VỤ\nSố: 12/QĐ-SNgV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 3 tháng 5 năm 2023\nQUYẾT ĐỊNH\n"
        "Về việc ban hành Kế hoạch tổ chức Ngày Văn hóa Việt Nam tại Lào\n"
        "I. MỤC ĐÍCH\nQuảng bá văn hóa, con người Quảng Trị tới bạn bè Lào trong năm 2023.\n"
        "II. NỘI DUNG\nTổ chức triển lãm ảnh và biểu diễn nghệ thuật tại tỉnh Savannakhet.\n"
        "GIÁM ĐỐC\n\nTrần Văn An")
    meta = extract_metadata(text, "qd.txt")
    assert (meta.title, meta.number, meta.doc_type, meta.issuer, meta.province, meta.date, meta.signer,
            meta.source_kind) == (
        "Kế hoạch tổ chức Ngày Văn hóa Việt Nam tại Lào", "12/QĐ-SNgV", "Quyết định",
        "Sở Ngoại vụ tỉnh Quảng Trị", "Quảng Trị", "2023-05-03", "Trần Văn An", "full_text")


def test_word_document_end_to_end(tmp_path):
    from tests.ingest.test_readers import write_docx

    raw = read_document(write_docx(tmp_path / "ke-hoach.docx"))
    meta = extract_metadata(clean_text(raw.text), raw.source)
    assert (meta.number, meta.issuer, meta.province, meta.date, meta.title, meta.source_kind) == (
        "726/KH-UBND", "UBND tỉnh Cao Bằng", "Cao Bằng", "2022-03-29", "Kế hoạch hành động", "full_text")


def test_a_ministry_article_gets_no_province_even_when_it_names_provinces():
    text = ("Bộ Ngoại giao hướng dẫn các địa phương xây dựng kế hoạch ngoại giao văn hóa\n\n"
            "Ngày 10/3/2023, Bộ Ngoại giao có Công văn số 900/BNG-VH gửi UBND các tỉnh Lào Cai, Hà Giang, Cao Bằng "
            "hướng dẫn triển khai Chiến lược Ngoại giao văn hóa đến năm 2030.")
    meta = extract_metadata(text, "bng.txt")
    assert (meta.issuer, meta.province, meta.number, meta.date) == ("Bộ Ngoại giao", None, "900/BNG-VH", "2023-03-10")


def test_a_lower_case_line_with_a_worded_date_is_not_the_place_date_line():
    # "À-Ỹ" interleaves cases: a class built from it took "đêm nhạc…" for a place name like "Cao Bằng, ngày …"
    text = ("UBND tỉnh đã ban hành Kế hoạch số 30/KH-UBND ngày 12 tháng 3 năm 2023 về ngoại giao văn hóa. "
            "Các hoạt động chính:\nđêm nhạc giao hữu tại Hà Nội, ngày 10 tháng 6 năm 2023;\n"
            "ẩm thực ba miền tại Huế, ngày 20 tháng 9 năm 2023.")
    assert issue_date(text, document_number(text), None) == "2023-03-12"
    assert source_kind(text) == "news"
    assert issue_date("Cao Bằng, ngày 29 tháng 3 năm 2022\nKẾ HOẠCH", None, None) == "2022-03-29"
    assert issue_date("Đà Nẵng, ngày 2 tháng 3 năm 2022\nKẾ HOẠCH", None, None) == "2022-03-02"


def test_a_law_library_field_table_puts_each_value_in_the_next_cell():
    text = clean_text(
        "Quyết định 77/QĐ-SVHTT năm 2024 về Kế hoạch quảng bá văn hóa ra nước ngoài\n"
        "| Số hiệu: | 77/QĐ-SVHTT | Loại văn bản: | Quyết định |\n"
        "| Nơi ban hành: | Sở Văn hóa và Thể thao tỉnh Lâm Viên | Người ký: | Phạm Thị Lụa |\n"
        "| Ngày ban hành: | 12/03/2024 | Ngày hiệu lực: | Đã biết |\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch quảng bá văn hóa ra nước ngoài năm 2024.")
    meta = extract_metadata(text, "qd-77.html")
    assert (meta.number, meta.signer, meta.date) == ("77/QĐ-SVHTT", "Phạm Thị Lụa", "2024-03-12")


def test_the_motto_is_no_title_and_the_enacting_body_no_part_of_it():
    text = clean_text(
        "CHÍNH PHỦ\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 77/NQ-CP\n|\n"
        "Hà Nội, ngày 2 tháng 3 năm 2026\n|\nNGHỊ QUYẾT\nBAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ THÔNG TIN ĐỐI NGOẠI\n"
        "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nQUYẾT NGHỊ:\n"
        "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động về thông tin đối ngoại.")
    meta = extract_metadata(text, "nq.txt")
    assert (meta.title, meta.issuer, meta.date) == (
        "Nghị quyết ban hành chương trình hành động về thông tin đối ngoại", "Chính phủ", "2026-03-02")


def test_labelled_fields_glued_to_the_value_before_them():
    text = clean_text(
        "Quyết định 41/QĐ-BVH năm 2024 về Quy chế đối ngoại\nSố hiệu:41/QĐ-BVHLoại văn bản:Quyết địnhNgười ký:Lê Thị Thu\n"
        "Ngày ban hành:05/06/2024\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hoạt động đối ngoại.")
    meta = extract_metadata(text, "qd-41.html")
    assert (meta.doc_type, meta.signer, meta.date) == ("Quyết định", "Lê Thị Thu", "2024-06-05")


@pytest.mark.parametrize("name_line, name", [("PGS.TS. Hà Minh Quang", "Hà Minh Quang"), ("TS. Lê Thu Hằng", "Lê Thu Hằng"),
                                             ("Thiếu tướng Vũ Đình Long", "Vũ Đình Long")])
def test_a_degree_or_rank_before_the_signers_name_is_not_the_name(name_line, name):
    from ingest.signers import block_signers

    text = f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\n{name_line}\n"
    assert [n for _, n in block_signers(text)] == [name]


def test_a_letter_signed_by_a_minister_who_heads_an_office_keeps_its_signer_and_subject_title():
    text = ("VĂN PHÒNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 512/VPCP-QHQT\nV/v tổ chức Tuần Văn hóa Việt Nam tại Ai Cập năm 2026\n\nHà Nội, ngày 05 tháng 3 năm 2026\n\n"
            "Kính gửi: Bộ Ngoại giao.\n\nXét đề nghị của Bộ Ngoại giao, Thủ tướng Chính phủ đồng ý tổ chức Tuần Văn hóa "
            "Việt Nam tại Ai Cập trong năm 2026 như kiến nghị tại công văn trên.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
            "BỘ TRƯỞNG, CHỦ NHIỆM\nTrần Văn Sơn\n")
    meta = extract_metadata(clean_text(text), "vpcp-512.txt")
    assert meta.number == "512/VPCP-QHQT" and meta.signer == "Trần Văn Sơn"
    assert meta.title == "Công văn về việc tổ chức Tuần Văn hóa Việt Nam tại Ai Cập năm 2026"


def test_a_letter_s_subject_broken_over_its_lines_is_its_whole_title():
    text = ("ỦY BAN NHÂN DÂN TỈNH SA VĨ\nVĂN PHÒNG\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 731/VP-KGVX\nV/v đăng tải toàn văn Diễn văn của Chủ tịch\n"
            "UBND tỉnh tại Lễ kỷ niệm 15 năm quan hệ\nSa Vĩ – Sê Kông\n\nSa Vĩ, ngày 02 tháng 11 năm 2026\n\n"
            "Kính gửi: Báo Sa Vĩ.\n\nVăn phòng gửi toàn văn Diễn văn để đăng tải.\n\nKT. CHÁNH VĂN PHÒNG\n"
            "PHÓ CHÁNH VĂN PHÒNG\nLạc Thị Hoa\n")
    meta = extract_metadata(clean_text(text), "sa-vi-cv-731.txt")
    assert meta.title == ("Công văn về việc đăng tải toàn văn Diễn văn của Chủ tịch UBND tỉnh tại Lễ kỷ niệm 15 năm "
                          "quan hệ Sa Vĩ – Sê Kông")


def test_an_emblem_and_a_dateline_broken_over_two_lines_are_read_whole():
    text = ("BỘ VĂN HÓA, THỂ\nTHAO VÀ DU LỊCH\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n|\nSố: 41/BC-BVHTTDL\n|\nHà Nội, ngày 24\ntháng 02 năm 2026\n|\nBÁO CÁO\n"
            "Kết quả năm 2025 thực hiện Chỉ thị số 25/CT-TTg\n\nThực hiện Chỉ thị số 25/CT-TTg, Bộ Văn hóa, Thể thao và Du "
            "lịch báo cáo như sau: các hoạt động văn hóa đối ngoại được triển khai đồng bộ ở trong và ngoài nước.\n")
    meta = extract_metadata(clean_text(text), "bvhttdl-41.txt")
    assert meta.issuer == "Bộ Văn hóa, Thể thao và Du lịch" and meta.date == "2026-02-24"


def test_a_number_glued_to_the_next_field_is_the_number_the_page_writes_elsewhere():
    text = ("Quyết định 912/QĐ-BGDĐT Quy chế đối ngoại\n\nSố hiệu:912/QĐ-BGDĐTNgày đăng công báo:Đang cập nhật\n"
            "Loại văn bản:Quyết địnhNgười ký:Lê Văn Tâm\nNgày ban hành:18/11/2025\n\nQuyết định 912/QĐ-BGDĐT ban hành "
            "Quy chế quản lý hoạt động đối ngoại của Bộ.\n")
    from ingest.repair import repair_text

    assert document_number(repair_text(text).text).number == "912/QĐ-BGDĐT"


def test_a_mass_organisation_emblem_with_blank_lines_is_the_issuer_not_the_hosting_sites_banner():
    text = ("Sở Giáo dục và Đào tạo\n\nTrường trung học phổ thông Lê Lợi Quảng Trị\n\n"
            "Công tác thanh niên quốc tế năm 2024\n\nNgày cập nhật: Thứ hai, 04/03/2024\n\n"
            "ĐOÀN TNCS HỒ CHÍ MINH\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\n***\n\nBAN QUỐC TẾ\n\nSố: 12-HD/TWĐTN\n\n"
            "Hà Nội, ngày 20 tháng 2 năm 2024\n\nHƯỚNG DẪN\n\nCông tác thanh niên quốc tế năm 2024\n\n"
            "Căn cứ Chương trình công tác Đoàn năm 2024, Ban Bí thư Trung ương Đoàn hướng dẫn các tỉnh, thành Đoàn "
            "triển khai công tác thanh niên quốc tế như sau:\n\nI. TRỌNG TÂM\n1. Đẩy mạnh giao lưu hữu nghị với thanh "
            "niên các nước láng giềng.\n")
    meta = extract_metadata(clean_text(text), "twd-12.txt")
    assert meta.issuer == "Đoàn TNCS Hồ Chí Minh" and meta.province is None
    assert meta.title == "Hướng dẫn công tác thanh niên quốc tế năm 2024"


def test_a_text_issued_with_a_decision_is_catalogued_under_it_not_under_a_plan_it_cites():
    """An Đề án with no number of its own: the decision it is issued with gives its number, date and issuer (its
    lone committee line is its header); the plan its "Căn cứ" cite is not its own, nor is a running page header's
    "UBND tỉnh X - Đề án …" a province named "X - Đề"."""
    text = ("ỦY BAN NHÂN DÂN TỈNH LAM UYÊN\n\n\nĐỀ ÁN\nTỔ CHỨC NHỮNG NGÀY VĂN HÓA TỈNH LAM UYÊN TẠI THÀNH PHỐ NANTES NĂM 2027"
            "\n\n(Ban hành kèm theo Quyết định số 518/QĐ-UBND ngày 12 tháng 3 năm 2027\ncủa Ủy ban nhân dân tỉnh Lam Uyên)"
            "\n\nLam Uyên, tháng 3 năm 2027\n\nUBND tỉnh Lam Uyên - Đề án Những ngày Văn hóa tại Nantes năm 2027\n"
            "PHẦN I. CĂN CỨ XÂY DỰNG ĐỀ ÁN\n- Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ;\n"
            "- Kế hoạch số 61/KH-UBND ngày 06/4/2026 của Ủy ban nhân dân tỉnh thực hiện Chiến lược Ngoại giao văn hóa.\n"
            "PHẦN II. MỤC TIÊU\nGiới thiệu đến công chúng Pháp các giá trị văn hóa đặc sắc của tỉnh.\n")
    meta = extract_metadata(text, "lam-uyen-de-an.txt")
    assert meta.number == "518/QĐ-UBND" and meta.date == "2027-03-12"
    assert meta.province == "Lam Uyên" and meta.issuer == "UBND tỉnh Lam Uyên"


def test_a_page_recounting_documents_is_none_of_them():
    """A commentary on foreign information recounts the Party's documents ("Ban Bí thư đã ra Chỉ thị 26 về …",
    "Kết luận số 16 về …", "Ban Tuyên giáo Trung ương đã ban hành Hướng dẫn số 01-HD/BTGTW"): the Party's central
    commissions issue national documents, and one cited by a bare number is no title either."""
    text = ("Công tác thông tin đối ngoại nhận được sự quan tâm to lớn của Đảng và Nhà nước trong nhiều năm qua, góp "
            "phần quảng bá hình ảnh đất nước.\nNgày 10/9/2008, Ban Bí thư đã ra Chỉ thị 26 về “Tiếp tục đổi mới và tăng "
            "cường công tác thông tin đối ngoại trong tình hình mới”. Bộ Chính trị khóa XI ra Kết luận số 16 về chiến "
            "lược thông tin đối ngoại giai đoạn 2011-2020. Ngày 19/2/2016, Ban Tuyên giáo Trung ương đã ban hành Hướng "
            "dẫn số 01-HD/BTGTW về việc hướng dẫn công tác thông tin đối ngoại.\n")
    meta = extract_metadata(text, "ttdn-thoi-ky-doi-moi.txt")
    assert meta.number is None
    assert not (meta.title or "").startswith(("Kết luận số 16", "Chỉ thị 26", "Hướng dẫn số 01"))


def test_a_text_two_bodies_issue_is_signed_by_both_heads_and_says_what_it_replaces():
    text = ("UBND TỈNH LAM THỔ\nSỞ NGOẠI VỤ - SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 04/QCPH-SNgV-SVHTTDL\n\n"
            "Lam Thổ, ngày 17 tháng 4 năm 2027\n\nQUY CHẾ PHỐI HỢP\nGiữa Sở Ngoại vụ và Sở Văn hóa, Thể thao và Du lịch "
            "trong công tác ngoại giao văn hóa\n\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc phối hợp giữa "
            "hai Sở.\nĐiều 2. Hiệu lực thi hành\nQuy chế này có hiệu lực kể từ ngày ký và thay thế Quy chế phối hợp số "
            "01/QCPH-SNgV-SVHTTDL ngày 08 tháng 8 năm 2020 giữa hai Sở.\n\nĐẠI DIỆN SỞ NGOẠI VỤ\nGIÁM ĐỐC\n"
            "(Đã ký và đóng dấu)\nHứa Thị Ngọc Lan\n\nĐẠI DIỆN SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nGIÁM ĐỐC\n"
            "(Đã ký và đóng dấu)\nTrương Minh Đạt\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n")
    meta = extract_metadata(text, "qcph-04.txt")
    assert meta.doc_type == "Quy chế"
    assert meta.signer == "Hứa Thị Ngọc Lan và Trương Minh Đạt"
    assert {"kind": "replaces", "number": "01/QCPH-SNgV-SVHTTDL"}.items() <= meta.relations[-1].items()


def test_a_law_library_page_titled_by_its_type_in_capitals_and_its_subject_on_one_line():
    text = ("1053/QĐ-BVHTTDL\n\nBT Lê Văn Minh Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -\n\n"
            "CHƯƠNG TRÌNH Hành động của Bộ Văn hóa, Thể thao và Du lịch thực hiện Nghị quyết Đại hội lần thứ XI\n\n"
            "(Ban hành theo Quyết định số 1053/QĐ-BVBTTDL ngày 28  tháng 3  năm 2027 của Bộ trưởng Bộ Văn hóa, Thể thao "
            "và Du lịch)\n\nPhần 1\nPHƯƠNG HƯỚNG\nTổ chức quán triệt và triển khai thực hiện Nghị quyết.\n")
    meta = extract_metadata(text, "qd-1053.txt")
    assert meta.title == ("Chương trình hành động của Bộ Văn hóa, Thể thao và Du lịch thực hiện Nghị quyết Đại hội lần "
                          "thứ XI")
    # the number as the page labels it, dated by the clause that spells it with a slip
    assert meta.number == "1053/QĐ-BVHTTDL" and meta.date == "2027-03-28"


def test_a_joint_programme_with_its_signature_blocks_side_by_side_above_the_recipients_and_an_appendix_after():
    text = ("BCH ĐOÀN TNCS HỒ CHÍ MINH TỈNH LAM THỔ          ĐOÀN TNCS HỒ CHÍ MINH\n"
            "  UBND TỈNH LAM THỔ - SỞ NGOẠI VỤ\n"
            "               ***                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "                                              Độc lập - Tự do - Hạnh phúc\n"
            "Số: 05/CTrPH-TĐTN-SNgV                    Lam Thổ, ngày 26 tháng 3 năm 2027\n\n"
            "                          CHƯƠNG TRÌNH PHỐI HỢP\n   Về công tác đối ngoại thanh niên giai đoạn 2027 - 2030\n\n"
            "I. NỘI DUNG\n1. Tổ chức trại hè thanh niên hữu nghị hằng năm.\n\n"
            "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN                    GIÁM ĐỐC SỞ NGOẠI VỤ\n         BÍ THƯ\n"
            "        (Đã ký)                                      (Đã ký)\n"
            "   Dương Thị Mỹ Hạnh                              Vương Hữu Tài\n\n"
            "Nơi nhận:\n- Bộ Ngoại giao;\n- Lưu: VT.\n\nPHỤ LỤC\nCÁC HOẠT ĐỘNG TRỌNG ĐIỂM\n"
            "1. Trại hè thanh niên hữu nghị: năm 2027, 2029.\n2. Diễn đàn thanh niên: năm 2028.\n"
            "3. Cuộc thi tìm hiểu văn hóa: năm 2030.\n4. Giao lưu trực tuyến: hằng năm.\n"
            "5. Tọa đàm du học sinh: năm 2028.\n6. Ngày hội thanh niên quốc tế: năm 2029.\n")
    from ingest.pipeline import build_plan
    from ingest.table_layouts import header_columns  # the reader keeps columns set apart with spaces as cells

    meta = build_plan(header_columns(text), "ctrph-05.txt").meta
    assert meta.doc_type == "Chương trình"
    assert meta.signer == "Dương Thị Mỹ Hạnh và Vương Hữu Tài"
    assert meta.province == "Lam Thổ" and meta.issuer == "Sở Ngoại vụ tỉnh Lam Thổ"


def test_a_decision_whose_page_lost_its_number_takes_it_from_the_plan_it_issues():
    """A law-library copy that starts at "QUYẾT ĐỊNH" (no "Số:" line): the plan after the signature says which."""
    text = ("QUYẾT ĐỊNH\nPHÊ DUYỆT CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ THÔNG TIN ĐỐI NGOẠI TỈNH LẠC KHÊ GIAI ĐOẠN 2027 - 2030\n"
            "ỦY BAN NHÂN DÂN TỈNH LẠC KHÊ\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
            "Căn cứ Quyết định số 368/QĐ-TTg ngày 28/02/2013 của Thủ tướng Chính phủ;\n"
            "Xét đề nghị của Sở Văn hóa, Thể thao và Du lịch,\nQUYẾT ĐỊNH\n"
            "Điều 1. Phê duyệt ban hành kèm theo Quyết định này Chương trình hành động về thông tin đối ngoại tỉnh Lạc "
            "Khê giai đoạn 2027 - 2030.\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "Nơi nhận:\n- Như điều 2;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLò Văn Thắm\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nVỀ THÔNG TIN ĐỐI NGOẠI TỈNH LẠC KHÊ GIAI ĐOẠN 2027 - 2030\n"
            "(kèm theo Quyết định số 2112/QĐ-UBND ngày 17 tháng 10 năm 2027)\nI. TÌNH HÌNH\n"
            "Trong những năm qua, công tác thông tin đối ngoại của tỉnh đã đạt nhiều kết quả.\n")
    meta = extract_metadata(text, "lac-khe-ttdn.txt")
    assert meta.number == "2112/QĐ-UBND" and meta.date == "2027-10-17"


def test_a_decision_issuing_a_plan_keeps_the_office_its_signer_signs_in():
    text = """ỦY BAN NHÂN DÂN                                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH VÂN LĨNH                                      Độc lập - Tự do - Hạnh phúc
Số: 415/QĐ-UBND                                    Vân Lĩnh, ngày 03 tháng 3 năm 2027

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Vân Lĩnh

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VÂN LĨNH
Căn cứ Quyết định số 2013/QĐ-TTg ngày 30 tháng 11 năm 2021 của Thủ tướng Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:                                          KT. CHỦ TỊCH
- Như Điều 2;                                      PHÓ CHỦ TỊCH
- Lưu: VT.
                                                   (Đã ký)
                                                   Lương Thị Hoài An

KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Vân Lĩnh
(Ban hành kèm theo Quyết định số 415/QĐ-UBND ngày 03/3/2027 của Chủ tịch UBND tỉnh)
I. MỤC ĐÍCH
Quảng bá hình ảnh tỉnh Vân Lĩnh ra thế giới.
"""
    meta = extract_metadata(clean_text(text), "van-linh-qd-415-2027.txt")
    assert (meta.signer, meta.signer_title) == ("Lương Thị Hoài An", "Phó Chủ tịch")


def test_a_scanned_report_with_a_received_stamp_and_a_seal_over_the_signer():
    import tempfile
    from pathlib import Path

    from ingest.pipeline import load_plan
    text = ("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH LAM SÔNG               Độc lập - Tự do - Hạnh phúc\n"
            "Số: 31 /BC-UBND\n                                 Lam Sông, ngày 12 tháng 01 năm 2029\n"
            " BỘ NGOẠI GIAO\n CÔNG VĂN ĐẾN\n Số: ..1877..\n Ngày: 15/1/2029\n\n"
            "                                BÁO CÁO\n      Tổng kết công tác đối ngoại năm 2028\n\n"
            "     Năm 2028, tỉnh đón 42 đoàn khách quốc tế và tổ chức 3 chương trình quảng bá ở nước ngoài.\n\n"
            "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
            "- Bộ Ngoại giao;                            KT. CHỦ TỊCH\n"
            "- Lưu: VT.                                  PHÓ CHỦ TỊCH\n"
            "                                            (Đã ký)\n"
            "                                             ỦY BAN NHÂN DÂN\n"
            "                                            * TỈNH LAM SÔNG *\n"
            "                                            Lường Thị Hoa\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lam-song-bc-31-2029.txt"
        path.write_text(text, encoding="utf-8")
        meta = load_plan(path).meta
    assert meta.title.startswith("Báo cáo tổng kết công tác đối ngoại năm 2028")  # not the stamp "Công văn đến"
    assert meta.signer == "Lường Thị Hoa"  # under the seal read into the text


NOTICE_SIGNED_FOR_THE_CHAIR = """ỦY BAN NHÂN DÂN TỈNH LAM HÀ
Số: 12/TB-UBND

THÔNG BÁO
Kết luận cuộc họp

1. Giao Sở Ngoại vụ chuẩn bị đón đoàn trước ngày 30/5/2027.

Nơi nhận:                                  TL. CHỦ TỊCH
- Chủ tịch, các PCT UBND tỉnh;             KT. CHÁNH VĂN PHÒNG
- Các Sở: VHTTDL, Ngoại vụ, Tài chính,     PHÓ CHÁNH VĂN PHÒNG
  Công Thương, Giáo dục và Đào tạo;
- Công an tỉnh;                                 (Đã ký)
- Báo và PT-TH Lam Hà;
- Trường CĐ VHNT Lam Hà;
- UBND phường Hà Sơn;                     Đinh Văn Khải
- CVP, PCVP UBND tỉnh;
- Lưu: VT, KGVX.
"""


def test_a_deputy_office_head_signing_for_the_chair_beside_a_long_addressee_list():
    # "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG" set beside "Nơi nhận:" lines that wrap
    from ingest.pipeline import build_plan

    meta = build_plan(NOTICE_SIGNED_FOR_THE_CHAIR, "lam-ha-tb-12.txt").meta
    assert meta.signer == "Đinh Văn Khải"
    assert (meta.signer_title or "").lower() == "phó chánh văn phòng"


def test_a_provinces_own_body_named_over_two_emblem_lines():
    from ingest.pipeline import build_plan

    text = """LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ
TỈNH LAM HÀ
Số: 31/BC-LHHN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lam Hà, ngày 05 tháng 7 năm 2027

BÁO CÁO
Kết quả công tác đối ngoại nhân dân 6 tháng đầu năm 2027

I. KẾT QUẢ
1. Tổ chức 12 hoạt động giao lưu hữu nghị với các địa phương nước ngoài.
"""
    meta = build_plan(text, "lam-ha-bc-31.txt").meta
    assert meta.issuer == "Liên hiệp các tổ chức hữu nghị tỉnh Lam Hà" and meta.province == "Lam Hà"


def test_an_inspectorate_under_its_committee_issues_a_conclusion_titled_over_two_lines():
    """"UBND TỈNH X" over "THANH TRA TỈNH": the inspectorate issues it ("Thanh tra tỉnh X", not "tỉnh tỉnh"); under
    "KẾT LUẬN THANH TRA" the subject in mixed case ("Việc quản lý …") is the rest of its title."""
    from ingest.pipeline import build_plan

    text = """UBND TỈNH LAM HÀ                                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THANH TRA TỈNH                                           Độc lập - Tự do - Hạnh phúc
Số: 14/KL-TTr                                     Lam Hà, ngày 03 tháng 9 năm 2027

KẾT LUẬN THANH TRA
Việc quản lý, sử dụng kinh phí đón đoàn khách quốc tế năm 2026
tại Sở Ngoại vụ và Sở Du lịch

Căn cứ Luật Thanh tra ngày 14 tháng 11 năm 2022;

I. KẾT QUẢ KIỂM TRA
1. Sở Ngoại vụ đón 14 đoàn khách quốc tế với tổng kinh phí 1.240.000.000 đồng.
"""
    meta = build_plan(text, "lam-ha-kl-14.txt").meta
    assert meta.issuer == "Thanh tra tỉnh Lam Hà" and meta.province == "Lam Hà"
    assert meta.title.startswith("Kết luận thanh tra việc quản lý, sử dụng kinh phí đón đoàn khách quốc tế năm 2026")
