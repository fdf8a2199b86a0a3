"""A converter's markup taken out of text files (texts written for these tests in the shapes converters make)."""
from __future__ import annotations

from ingest.markup import unmark
from ingest.metadata import extract_metadata
from ingest.readers import read_document

SLIDES = """<!-- Tệp nguồn: TrienKhai_KH52.pptx -->

<!-- Slide number: 1 -->
# HỘI NGHỊ TRIỂN KHAI KẾ HOẠCH SỐ 52/KH-UBND VỀ VĂN HÓA ĐỐI NGOẠI TỈNH LAM SÔNG NĂM 2029
Sở Ngoại vụ tỉnh Lam Sông
Hội nghị trực tuyến - Lam Sông, ngày 09/4/2029
![Logo](Picture1.jpg)

### Notes:
Người trình bày: đồng chí **Đỗ Minh Quân**, Phó Giám đốc Sở Ngoại vụ.

<!-- Slide number: 2 -->
# 1. CĂN CỨ
▪ Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ
▪ Kế hoạch số 52/KH-UBND ngày 02/3/2029 của UBND tỉnh (ký: Phó Chủ tịch Lò Văn Páo)
Sở Ngoại vụ Lam Sông | Triển khai KH 52 | 2

<!-- Slide number: 3 -->
# 2. MỤC TIÊU
<table><tr><th>STT</th><th>Chỉ tiêu</th><th>Mốc</th></tr><tr><td>(1)</td><td>Đón 10 đoàn phóng viên nước ngoài</td><td>2029</td></tr></table>
Sở Ngoại vụ Lam Sông | Triển khai KH 52 | 3

<!-- Slide number: 4 -->
# 3. KINH PHÍ
▪ Tổng kinh phí 1.200 triệu đồng; tỉnh Lam Sông bố trí đủ
Sở Ngoại vụ Lam Sông | Triển khai KH 52 | 4
"""


def test_a_slide_deck_reads_as_its_lines_without_the_markup():
    text = unmark(SLIDES)
    assert "<!--" not in text and "Picture1" not in text and "#" not in text and "**" not in text
    assert "- Kế hoạch số 52/KH-UBND ngày 02/3/2029 của UBND tỉnh (ký" in text  # a bullet is a list item
    assert "| (1) | Đón 10 đoàn phóng viên nước ngoài | 2029 |" in text  # an HTML table as pipe rows
    assert "Triển khai KH 52 |" not in text  # the running footer with the slide number
    assert "đồng chí Đỗ Minh Quân, Phó Giám đốc" in text


def test_a_slide_deck_is_about_the_plan_its_title_names_in_the_province_it_names(tmp_path):
    path = tmp_path / "lam-song-slide.txt"
    path.write_text(SLIDES, encoding="utf-8")
    raw = read_document(path)
    assert raw.fmt == "txt" and "\nSở Ngoại vụ tỉnh Lam Sông\n" in raw.text  # lines kept: no page read as HTML
    meta = extract_metadata(raw.text, path.name)
    assert meta.number == "52/KH-UBND"  # named in the title, though also listed among its grounds
    assert meta.date == "2029-03-02"  # the plan's date where the deck cites it, not the conference's
    assert meta.signer == "Lò Văn Páo"  # and its signer named beside it
    assert meta.province == "Lam Sông"  # a province no gazetteer knows, named by the text more than once
    assert meta.title.startswith("Hội nghị triển khai kế hoạch số 52/KH-UBND")


RECORD_CARD = """| Số ký hiệu | 1187/QĐ-UBND |
|---|---|
| Ngày ban hành | 14/11/2029 |
| Loại văn bản | Quyết định |
| Người ký | Hoàng Thị Lan |

| ỦY BAN NHÂN DÂN<br>TỈNH LAM SÔNG<br>-------<br>Số: 1187/QĐ-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>*Lam Sông, ngày 14 tháng 11 năm 2029* |
|---|---|

**QUYẾT ĐỊNH**

**Phê duyệt Kế hoạch đoàn ra năm 2030 của tỉnh Lam Sông**

| STT | Đoàn | Nước đến | Kinh phí&nbsp;(triệu đồng) |
|---|---|---|---|
| 1 | Đoàn lãnh đạo tỉnh<br>thăm địa phương kết nghĩa | Lào | 450 |
"""


def test_a_layout_table_of_one_row_is_the_header_it_holds():
    text = unmark(RECORD_CARD)
    assert "\nỦY BAN NHÂN DÂN\nTỈNH LAM SÔNG\n" in text and "\nLam Sông, ngày 14 tháng 11 năm 2029\n" in text
    assert "\nQUYẾT ĐỊNH\n" in text
    # a table of several rows stays one, its cells' breaks as spaces and its entities read
    assert "| 1 | Đoàn lãnh đạo tỉnh thăm địa phương kết nghĩa | Lào | 450 |" in text
    assert "Kinh phí (triệu đồng)" in text
    meta = extract_metadata(text, "qd.txt")
    assert (meta.number, meta.doc_type, meta.signer) == ("1187/QĐ-UBND", "Quyết định", "Hoàng Thị Lan")
    assert meta.issuer == "UBND tỉnh Lam Sông" and meta.date == "2029-11-14"


def test_a_forwarded_mail_is_titled_by_the_document_it_carries_not_its_subject_line():
    text = unmark("""Chủ đề: Fwd: V/v gửi Kế hoạch số 12/KH-SNgV năm 2029
Từ: Văn thư <vanthu@lamsong.gov.vn>

Văn thư Sở gửi Kế hoạch số 12/KH-SNgV ngày 05/01/2029 của Sở Ngoại vụ để các phòng thực hiện.

UBND TỈNH LAM SÔNG
*SỞ NGOẠI VỤ*
Số: 12/KH-SNgV
*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM*
Lam Sông, ngày 05 tháng 01 năm 2029

*KẾ HOẠCH*
*Thông tin đối ngoại của Sở Ngoại vụ năm 2029*

I. MỤC ĐÍCH
Quảng bá hình ảnh tỉnh Lam Sông.
""")
    meta = extract_metadata(text, "mail.txt")
    assert meta.title.startswith("Kế hoạch thông tin đối ngoại của Sở Ngoại vụ năm 2029")
    assert meta.issuer == "Sở Ngoại vụ tỉnh Lam Sông"


def test_a_text_without_markup_is_left_as_it_is():
    plain = "Ghi chú (*): số liệu ước tính.\n* Khoản 1 giữ nguyên.\nTrang 1/3\n"
    assert unmark(plain) == plain


def test_lines_whose_other_figures_differ_are_no_footer():
    text = "**Kinh phí**\nNăm 2027: 3.200 triệu\nNăm 2028: 3.400 triệu\nNăm 2029: 3.600 triệu\n"
    assert unmark(text).count("Năm 20") == 3


def test_a_web_table_copied_cell_by_cell_keeps_its_tags_and_empty_cells():
    # plain_tables reads it by its "<table>" tags and its "&nbsp;" cells: nothing here takes them away
    text = "**Phụ lục**\n<table>\nTT\nNội dung\nI\nTUYÊN TRUYỀN\n&nbsp;\n1\nHội nghị quán triệt\n</table>\nSở Khoa học &amp; Công nghệ"
    out = unmark(text)
    assert "<table>\nTT\nNội dung\nI\nTUYÊN TRUYỀN\n&nbsp;\n1\n" in out and "Khoa học & Công nghệ" in out


DRAFT = """---
title: Du thao 2 - KH doi ngoai nhan dan 2029
author: Lê Thu Hà
---

+-------------------------------------+----------------------------------------------+
| **ỦY BAN NHÂN DÂN**                 | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**       |
| **TỈNH MAI SƠN**                    | **Độc lập - Tự do - Hạnh phúc**              |
+-------------------------------------+----------------------------------------------+
| Số:      /KH-UBND                   | *Mai Sơn, ngày     tháng     năm 2028*       |
+-------------------------------------+----------------------------------------------+

**KẾ HOẠCH**

**Công tác đối ngoại nhân dân tỉnh Mai Sơn năm 2029**

**I. KINH PHÍ**

1\\. Tổng kinh phí dự kiến: [8.400]{.deletion author="Lê Thu Hà" date="2028-10-02T09:00:00Z"}[7.200]{.insertion
author="Lê Thu Hà" date="2028-10-02T09:00:00Z"} triệu đồng.[Đề nghị giảm cho phù hợp dự toán; năm 2028 mới
chi 5.900 triệu đồng.]{.comment-start id="0" author="Vũ Đình
Nam" date="2028-09-30T10:00:00Z"}[]{.comment-end id="0"}

Phân theo năm: năm 2029: [4.600]{.deletion author="Lê Thu Hà" date="2028-10-02T09:01:00Z"}[3.900]{.insertion
author="Lê Thu Hà" date="2028-10-02T09:01:00Z"} triệu đồng; năm 2030: [3.800]{.deletion author="Lê Thu Hà"
date="2028-10-02T09:01:00Z"}[3.300]{.insertion author="Lê Thu Hà" date="2028-10-02T09:01:00Z"} triệu đồng.

[2\\. Sở Xây dựng chủ trì chỉnh trang khu lưu niệm.]{.deletion author="Lê Thu Hà" date="2028-10-02T09:05:00Z"}

**[3]{.deletion author="Lê Thu Hà" date="2028-10-02T09:06:00Z"}[2]{.insertion author="Lê Thu Hà"
date="2028-10-02T09:06:00Z"}. Sở Giáo dục và Đào tạo**

Đưa nội dung di sản vào hoạt động trải nghiệm; hoàn thành trước ngày 31/5/2029.

+-------------------------------------+----------------------------------------------+
| ***Nơi nhận:***                     | **TM. ỦY BAN NHÂN DÂN**                      |
| - Bộ Ngoại giao (b/c);              | **KT. CHỦ TỊCH**                             |
| - Lưu: VT.                          | **PHÓ CHỦ TỊCH**                             |
|                                     | [**Lò Văn Sinh**]{.deletion author="Lê Thu   |
|                                     | Hà" date="2028-10-02T09:10:00Z"}             |
|                                     | [**Cầm Thị Dung**]{.insertion author="Lê Thu |
|                                     | Hà" date="2028-10-02T09:10:00Z"}             |
+-------------------------------------+----------------------------------------------+
"""


def test_a_drafts_tracked_changes_read_as_it_now_stands_with_its_comments_as_notes():
    """pandoc's `--track-changes=all` output of a Word draft: insertions kept, deletions dropped (a changed figure
    kept beside the new one), reviewers' comments kept as notes naming them; its grid header and closing block read
    as lines, so the issuer and the signer now named are its own; pandoc's metadata block and escapes gone."""
    text = unmark(DRAFT)
    assert "7.200 triệu đồng (trước đây: 8.400 triệu đồng)" in text
    assert "(Góp ý của Vũ Đình Nam: Đề nghị giảm cho phù hợp dự toán; năm 2028 mới chi 5.900 triệu đồng.)" in text
    assert "Sở Xây dựng" not in text and "{." not in text and "title:" not in text and "1\\." not in text
    assert "ỦY BAN NHÂN DÂN\nTỈNH MAI SƠN\nSố:" in text
    assert "\n2. Sở Giáo dục và Đào tạo\n" in text  # an item renumbered keeps its new number only
    meta = extract_metadata(text, "du-thao.txt")
    assert meta.issuer == "UBND tỉnh Mai Sơn" and meta.signer == "Cầm Thị Dung" and meta.doc_type == "Kế hoạch"
