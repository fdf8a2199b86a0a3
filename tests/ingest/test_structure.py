"""Section tree of Vietnamese administrative documents: real sample, synthetic fixtures, variants."""
from __future__ import annotations

import pytest

from ground.plans import SECTION_SEPARATOR, Section
from ingest.structure import (
    chain_at,
    display_label,
    is_bullet,
    is_headed,
    is_signature,
    parse_sections,
    path_at,
    section_path,
)
from tests.ingest.texts import ALL_TEXTS, fixture, read, sample


def headed_nodes(root: Section) -> list[tuple[Section, Section | None]]:
    """(node, nearest headed ancestor or None) for every headed node, in document order."""
    out: list[tuple[Section, Section | None]] = []

    def visit(node: Section, owner: Section | None) -> None:
        for child in node.children:
            if is_headed(child):
                out.append((child, owner))
                visit(child, child)
            else:
                visit(child, owner)

    visit(root, None)
    return out


def tree(text: str) -> list[tuple[str, str | None]]:
    """(label, parent label) of every headed node, in document order."""
    return [(n.label, p.label if p else None) for n, p in headed_nodes(parse_sections(text))]


def nodes_by_label(root: Section) -> dict[str, Section]:
    return {n.label: n for n in root.walk() if n.level > 0 and is_headed(n)}


# ---------------------------------------------------------------- the real plan (Cao Bằng, 726/KH-UBND)

CAO_BANG_TREE = [
    ("I. MỤC ĐÍCH, YÊU CẦU", None),
    ("1. Mục đích", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("2. Yêu cầu", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("II. MỤC TIÊU", None),
    ("1. Mục tiêu tổng quát", "II. MỤC TIÊU"),
    ("2. Các mục tiêu cụ thể", "II. MỤC TIÊU"),
    ("III. NỘI DUNG VÀ CÁC GIẢI PHÁP CHỦ YẾU", None),
    ("1. Tăng cường công tác tuyên truyền, nâng cao nhận thức về vai trò của ngoại giao văn hóa với công tác "
     "đối ngoại và sự phát triển, hội nhập quốc tế của tỉnh Cao Bằng", "III. NỘI DUNG VÀ CÁC GIẢI PHÁP CHỦ YẾU"),
]


def test_cao_bang_full_tree():
    assert tree(sample("001")) == CAO_BANG_TREE


def test_cao_bang_bullets_are_leaves_under_their_numbered_item():
    text = sample("001")
    nodes = nodes_by_label(parse_sections(text))
    counts = {label: sum(1 for c in nodes[label].children if is_bullet(c)) for label in
              ("1. Mục đích", "2. Yêu cầu", "1. Mục tiêu tổng quát", "2. Các mục tiêu cụ thể")}
    assert counts == {"1. Mục đích": 5, "2. Yêu cầu": 6, "1. Mục tiêu tổng quát": 0, "2. Các mục tiêu cụ thể": 5}
    bullet = nodes["1. Mục đích"].children[0]
    assert (bullet.heading, bullet.body_start, bullet.children) == ("", bullet.start, [])
    assert text[bullet.start:bullet.end].startswith("- Cụ thể hóa và triển khai có hiệu quả")


def test_cao_bang_preamble_stays_in_the_root_body():
    text = sample("001")
    root = parse_sections(text)
    assert (root.marker, root.heading, root.level) == ("", "", 0)
    assert (root.start, root.end, root.body_start) == (0, len(text), 0)
    preamble = text[: root.children[0].start]
    assert "Số: 726/KH-UBND" in preamble and "Thực hiện Quyết định số 2013/QĐ-TTg" in preamble
    assert "-------" in preamble  # the rule under the emblem is no bullet
    assert text[root.children[0].start:].startswith("I. MỤC ĐÍCH, YÊU CẦU")


def test_cao_bang_offsets_heading_lines_and_truncated_end():
    text = sample("001")
    nodes = nodes_by_label(parse_sections(text))
    purpose = nodes["1. Mục đích"]
    assert text[purpose.start:purpose.body_start].strip() == "1. Mục đích"
    assert text[purpose.end:].startswith("2. Yêu cầu")
    last = nodes[CAO_BANG_TREE[-1][0]]
    assert last.end == len(text) and text[last.body_start:last.end].strip() == "[...]"


def test_paths_of_the_real_plan():
    text = sample("001")
    root = parse_sections(text)
    inside = text.index("Thúc đẩy và làm sâu sắc hơn nữa")
    assert path_at(root, inside) == "II. MỤC TIÊU › 2. Các mục tiêu cụ thể"
    chain = chain_at(root, inside)
    assert [n.marker for n in chain] == ["II.", "2.", "-"]  # the bullet is in the chain, not in the path
    assert section_path(chain) == SECTION_SEPARATOR.join(["II. MỤC TIÊU", "2. Các mục tiêu cụ thể"])
    assert path_at(root, text.index("Số: 726")) is None
    long_path = path_at(root, len(text) - 1)
    first, second = long_path.split(SECTION_SEPARATOR)
    assert first == "III. NỘI DUNG VÀ CÁC GIẢI PHÁP CHỦ YẾU"
    assert len(second) <= 121 and second.endswith("…") and second.startswith("1. Tăng cường công tác tuyên truyền")


# ---------------------------------------------------------------- invariants on every text


def check_offsets(node: Section, text: str) -> None:
    assert node.start <= node.body_start <= node.end <= len(text)
    previous_end = node.children[0].start if node.children else node.end
    for child in node.children:
        assert child.level == node.level + 1
        assert child.start == previous_end, "children tile their parent"
        assert node.start <= child.start < child.end <= node.end
        previous_end = child.end
        check_offsets(child, text)
    if node.children:
        assert node.children[-1].end == node.end
        assert node.body_start <= node.children[0].start


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_offsets_are_consistent(path):
    text = read(path)
    root = parse_sections(text)
    check_offsets(root, text)
    for node in root.walk():
        if node.level and not is_signature(node):
            marker_at = text[node.start:node.start + len(node.marker)]
            assert " ".join(marker_at.split()) == " ".join(node.marker.split())


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_news_articles_have_no_sections(prefix):
    root = parse_sections(sample(prefix))
    assert root.children == []


def test_news_dash_items_are_bullets_under_the_root():
    text = sample("002")
    root = parse_sections(text)
    assert headed_nodes(root) == []
    assert [c.marker for c in root.children] == ["-"] * 5
    assert "+84 233" not in [text[c.start:c.start + 7] for c in root.walk()]  # a phone number is no bullet


# ---------------------------------------------------------------- synthetic fixtures


def test_provincial_plan_fixture():
    text = fixture("ke_hoach_tinh.txt")
    assert tree(text) == [
        ("I. MỤC ĐÍCH, YÊU CẦU", None),
        ("1. Mục đích", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("2. Yêu cầu", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("II MỤC TIÊU", None),  # dot missing
        ("1. Mục tiêu chung", "II MỤC TIÊU"),
        ("2. Mục tiêu cụ thể", "II MỤC TIÊU"),
        ("a) Đến năm 2025, tổ chức ít nhất 02 chương trình giao lưu văn hóa với các địa phương nước ngoài có "
         "quan hệ hợp tác với tỉnh.", "2. Mục tiêu cụ thể"),
        ("b) Đến năm 2030, xây dựng hồ sơ đề nghị UNESCO ghi danh ít nhất 01 di sản văn hóa phi vật thể của "
         "tỉnh.", "2. Mục tiêu cụ thể"),
        ("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", None),  # heading split over two lines
        ("1. Tăng cường công tác thông tin, tuyên truyền", "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"),
        ("2. Quảng bá hình ảnh địa phương gắn với xúc tiến du lịch", "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"),
        ("IV- TỔ CHỨC THỰC HIỆN", None),
        ("1. Sở Ngoại vụ", "IV- TỔ CHỨC THỰC HIỆN"),
        ("2. Sở Văn hóa, Thể thao và Du lịch", "IV- TỔ CHỨC THỰC HIỆN"),
        ("3. Sở Thông tin và Truyền thông", "IV- TỔ CHỨC THỰC HIỆN"),
        ("4. Sở Tài chính", "IV- TỔ CHỨC THỰC HIỆN"),
        ("5. Ủy ban nhân dân các huyện, thành phố", "IV- TỔ CHỨC THỰC HIỆN"),
        ("Nơi nhận", None),
    ]


def test_split_heading_body_starts_after_its_second_line():
    text = fixture("ke_hoach_tinh.txt")
    node = nodes_by_label(parse_sections(text))["III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"]
    assert text[node.start:node.body_start].split() == "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU".split()


def test_plus_items_nest_under_dash_items():
    text = fixture("ke_hoach_tinh.txt")
    item = nodes_by_label(parse_sections(text))["1. Tăng cường công tác thông tin, tuyên truyền"]
    assert [c.marker for c in item.children] == ["-", "-"]
    assert [c.marker for c in item.children[0].children] == ["+", "+"]


def test_signature_block_is_a_trailing_pseudo_section():
    text = fixture("ke_hoach_tinh.txt")
    root = parse_sections(text)
    signature = root.children[-1]
    assert is_signature(signature) and (signature.marker, signature.heading, signature.level) == ("", "Nơi nhận", 1)
    assert text[signature.start:].startswith("Nơi nhận:") and signature.end == len(text)
    assert signature.children == []
    last_section = root.children[-2]
    assert last_section.end == signature.start
    assert "KT. CHỦ TỊCH" not in text[last_section.start:last_section.end]
    assert path_at(root, text.index("Trần Văn Bình")) == "Nơi nhận"


def test_decision_with_chapters_sections_and_articles():
    text = fixture("quyet_dinh_quy_che.txt")
    assert tree(text) == [
        ("Chương I QUY ĐỊNH CHUNG", None),  # heading on the line after the bare "Chương I"
        ("Điều 1. Phạm vi điều chỉnh", "Chương I QUY ĐỊNH CHUNG"),
        ("Điều 2. Nguyên tắc phối hợp", "Chương I QUY ĐỊNH CHUNG"),
        ("1. Bảo đảm sự lãnh đạo của Tỉnh ủy, sự quản lý thống nhất của Ủy ban nhân dân tỉnh.",
         "Điều 2. Nguyên tắc phối hợp"),
        ("2. Phối hợp thường xuyên, kịp thời, đúng chức năng, nhiệm vụ của từng cơ quan.",
         "Điều 2. Nguyên tắc phối hợp"),
        ("Chương II NỘI DUNG PHỐI HỢP", None),
        ("Mục 1 PHỐI HỢP TRONG TUYÊN TRUYỀN", "Chương II NỘI DUNG PHỐI HỢP"),
        ("Điều 3. Tuyên truyền đối ngoại", "Mục 1 PHỐI HỢP TRONG TUYÊN TRUYỀN"),
        ("1. Sở Thông tin và Truyền thông chủ trì:", "Điều 3. Tuyên truyền đối ngoại"),
        ("a) Xây dựng kế hoạch thông tin đối ngoại hằng năm;", "1. Sở Thông tin và Truyền thông chủ trì:"),
        ("b) Hướng dẫn các cơ quan báo chí đưa tin về hoạt động ngoại giao văn hóa.",
         "1. Sở Thông tin và Truyền thông chủ trì:"),
        ("2. Các cơ quan báo chí của tỉnh:", "Điều 3. Tuyên truyền đối ngoại"),
        ("a) Mở chuyên trang, chuyên mục về ngoại giao văn hóa;", "2. Các cơ quan báo chí của tỉnh:"),
        ("b) Phối hợp cung cấp thông tin cho cơ quan đại diện Việt Nam ở nước ngoài.",
         "2. Các cơ quan báo chí của tỉnh:"),
        ("Mục 2 PHỐI HỢP TRONG TỔ CHỨC SỰ KIỆN", "Chương II NỘI DUNG PHỐI HỢP"),
        ("Điều 4. Tổ chức sự kiện văn hóa có yếu tố nước ngoài", "Mục 2 PHỐI HỢP TRONG TỔ CHỨC SỰ KIỆN"),
        ("1. Cơ quan chủ trì gửi kế hoạch tổ chức sự kiện đến Sở Ngoại vụ trước ít nhất 30 ngày.",
         "Điều 4. Tổ chức sự kiện văn hóa có yếu tố nước ngoài"),
        ("2. Sở Ngoại vụ có ý kiến bằng văn bản trong thời hạn 07 ngày làm việc.",
         "Điều 4. Tổ chức sự kiện văn hóa có yếu tố nước ngoài"),
    ]


def test_plan_starting_at_numbers_with_decimal_sub_items_and_long_letter_list():
    text = fixture("ke_hoach_so_bat_dau.txt")
    root = parse_sections(text)
    assert [c.marker for c in root.children] == ["1.", "2.", "3."]
    assert all(c.level == 1 for c in root.children)
    first, second = root.children[0], root.children[1]
    assert [c.marker for c in first.children] == ["1.1.", "1.2."]
    assert [c.marker for c in second.children] == ["2.1.", "2.2."]
    letters = second.children[1].children
    assert [c.marker for c in letters] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)"]  # "i)" after "h)"
    assert root.children[0].heading == "Mục đích, yêu cầu"
    assert text[: first.start].startswith("KẾ HOẠCH")


# ---------------------------------------------------------------- variants, inline


def markers(text: str) -> list[tuple[str, int]]:
    return [(n.marker, n.level) for n in parse_sections(text).walk() if n.level]


def test_roman_variants_and_dotless_caps_heading():
    text = "I - MỤC ĐÍCH\nNội dung.\nII) YÊU CẦU\nNội dung.\nIII MỤC TIÊU\nNội dung.\nIV-NHIỆM VỤ\nNội dung.\n"
    root = parse_sections(text)
    assert [(c.marker, c.heading) for c in root.children] == [
        ("I -", "MỤC ĐÍCH"), ("II)", "YÊU CẦU"), ("III", "MỤC TIÊU"), ("IV-", "NHIỆM VỤ")]


def test_v_after_iv_is_roman_and_letters_after_h_are_letters():
    roman = "IV. NHIỆM VỤ\n1. Một\nV. TỔ CHỨC THỰC HIỆN\n1. Hai\nX. Không phải mục La Mã\n"
    assert markers(roman) == [("IV.", 1), ("1.", 2), ("V.", 1), ("1.", 2)]  # "X." breaks both sequences
    letters = "".join(f"{c}. Nhóm {c}\n1. Việc\n" for c in "ABCDEGHIK")
    assert [m for m in markers(letters) if m[1] == 1] == [(f"{c}.", 1) for c in "ABCDEGHIK"]
    upper_above_roman = "A. PHẦN MỞ ĐẦU\nI. BỐI CẢNH\nII. QUAN ĐIỂM\nB. NỘI DUNG\nI. NHIỆM VỤ\nC. TỔ CHỨC\n"
    assert markers(upper_above_roman) == [
        ("A.", 1), ("I.", 2), ("II.", 2), ("B.", 1), ("I.", 2), ("C.", 1)]


def test_lowercase_roman_list_versus_letter_i():
    assert markers("1. Nhiệm vụ\ni) Một;\nii) Hai;\niii) Ba.\n") == [("1.", 1), ("i)", 2), ("ii)", 2), ("iii)", 2)]
    assert markers("g) Bảy;\nh) Tám;\ni) Chín;\nk) Mười.\n") == [("g)", 1), ("h)", 1), ("i)", 1), ("k)", 1)]


def test_sentences_and_words_are_not_markers():
    text = "\n".join([
        "Vi En Kr Ja Cn",
        "V.I. Lênin đã nói về văn hóa.",
        "C. Mác và Ph. Ăng-ghen.",
        "2.5 triệu lượt khách quốc tế.",
        "10 năm qua tỉnh đã làm nhiều việc.",
        "Điều 5 Quyết định này quy định rõ.",
        "Mục tiêu chung là quảng bá văn hóa.",
        "Chương trình hành động được ban hành.",
        "Phần lớn các hoạt động diễn ra trong tỉnh.",
        "-------",
        "+84 233 3550383",
        "03/09/2014 - 4:10 PM",
        "1.000 người tham gia.",
    ])
    assert parse_sections(text).children == []


def test_parts_above_roman_and_heading_on_the_next_line():
    text = ("PHẦN THỨ NHẤT\nĐÁNH GIÁ KẾT QUẢ\nI. KẾT QUẢ\n1. Ưu điểm\nII. HẠN CHẾ\n"
            "Phần thứ hai: Nhiệm vụ\nI. MỤC TIÊU\n")
    assert tree(text) == [
        ("PHẦN THỨ NHẤT ĐÁNH GIÁ KẾT QUẢ", None),
        ("I. KẾT QUẢ", "PHẦN THỨ NHẤT ĐÁNH GIÁ KẾT QUẢ"),
        ("1. Ưu điểm", "I. KẾT QUẢ"),
        ("II. HẠN CHẾ", "PHẦN THỨ NHẤT ĐÁNH GIÁ KẾT QUẢ"),
        ("Phần thứ hai: Nhiệm vụ", None),
        ("I. MỤC TIÊU", "Phần thứ hai: Nhiệm vụ"),
    ]


def test_decimal_numbers_are_deeper_and_restart_under_each_parent():
    text = "I. A\n1. B\n1.1. C\n1.2 D\n2. E\nII. F\n1. G\na) H\n- I\n+ J\nb) K\n2. L\n"
    assert markers(text) == [
        ("I.", 1), ("1.", 2), ("1.1.", 3), ("1.2", 3), ("2.", 2),
        ("II.", 1), ("1.", 2), ("a)", 3), ("-", 4), ("+", 5), ("b)", 3), ("2.", 2)]


def test_weak_lists_nest_in_the_order_the_document_uses_them():
    assert markers("1) Một\na) x\nb) y\n2) Hai\na) z\n") == [
        ("1)", 1), ("a)", 2), ("b)", 2), ("2)", 1), ("a)", 2)]
    assert markers("a) Một\n1) x\n2) y\nb) Hai\n") == [("a)", 1), ("1)", 2), ("2)", 2), ("b)", 1)]
    assert markers("+ Một\n- x\n+ Hai\n") == [("+", 1), ("-", 2), ("+", 1)]


def test_bullets_before_the_first_heading_do_not_swallow_it():
    text = "Căn cứ:\n- Luật A;\n- Luật B;\nI. MỤC ĐÍCH\n- Nội dung\n"
    assert markers(text) == [("-", 1), ("-", 1), ("I.", 1), ("-", 2)]


def test_dash_variants_and_bullet_symbols():
    text = "1. Nội dung\n– Gạch ngang dài\n— Gạch em\n• Chấm tròn\n● Chấm đậm\n* Dấu sao\n-Thiếu khoảng trắng\n"
    root = parse_sections(text)
    item = root.children[0]
    assert [c.marker for c in item.children] == ["–", "—", "-"]
    assert [c.marker for c in item.children[1].children] == ["•", "●"]
    assert [c.marker for c in item.children[1].children[1].children] == ["*"]
    assert all(not is_headed(n) and n.heading == "" for n in root.walk() if n.level > 1)


def test_signature_variants():
    body = "I. MỤC ĐÍCH\nNội dung của kế hoạch.\n"
    for block in ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n", "CHỦ TỊCH\n\nNguyễn Văn A\n",
                  "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\nNơi nhận:\n- Như trên;\n"):
        root = parse_sections(body + block)
        assert [c.label for c in root.children] == ["I. MỤC ĐÍCH", "Nơi nhận"]
        assert root.children[0].end == len(body)
    # a signer's title in the preamble of a decision is no signature block
    root = parse_sections("CHỦ TỊCH\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n")
    assert [c.label for c in root.children] == ["Điều 1. Ban hành Kế hoạch."]
    no_signature = parse_sections(body)
    assert [c.label for c in no_signature.children] == ["I. MỤC ĐÍCH"]


def test_display_label_truncates_only_long_headings():
    long = Section(marker="1.", heading="Tăng cường " * 30, level=1, start=0, end=10, body_start=5)
    assert display_label(long).endswith("…") and len(display_label(long)) <= 121
    short = Section(marker="2.", heading="Yêu cầu", level=1, start=0, end=10, body_start=5)
    assert display_label(short) == "2. Yêu cầu"
    assert section_path([]) == ""


def test_parsing_is_deterministic():
    text = sample("001")
    assert parse_sections(text) == parse_sections(text)


def test_an_appendix_heading_among_the_bodys_parts_does_not_end_the_body():
    text = ("I. KẾT QUẢ\n1. Chỉ tiêu chủ yếu (Phụ lục I)\nPHỤ LỤC I. KẾT QUẢ MỘT SỐ CHỈ TIÊU\nKhách quốc tế: 870.\n"
            "II. ĐÁNH GIÁ CHUNG\n1. Ưu điểm: được quảng bá.\nNơi nhận:\n- Lưu: VT.\n"
            "PHỤ LỤC II\nDANH SÁCH ĐỊA PHƯƠNG\nHạt Baranya: Hungary.\n")
    root = parse_sections(text)
    tops = [c.marker.strip() for c in root.children if c.marker.strip()]
    assert "II." in tops and tops[-1].startswith("PHỤ LỤC II")
    assert not any(t.startswith("PHỤ LỤC I.") for t in tops)


def test_a_list_headed_in_capitals_after_the_signature_is_an_appendix():
    text = ("I. NỘI DUNG\n1. Phê duyệt danh sách đoàn ra năm 2029.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
            "Lò Văn Khiêm\n\nDANH SÁCH ĐOÀN RA NĂM 2029\n(Kèm theo Quyết định số 55/QĐ-UBND)\nĐoàn cấp cao: 08 người.\n")
    root = parse_sections(text)
    last = root.children[-1]
    assert last.heading.startswith("DANH SÁCH ĐOÀN RA") or last.marker.startswith("DANH SÁCH ĐOÀN RA"), last
    assert "Đoàn cấp cao" in text[last.body_start:last.end]


def test_the_text_a_decision_issues_after_its_signature_is_a_part_of_its_own():
    text = ("QUYẾT ĐỊNH\nPhê duyệt Phương án tiếp nhận hiện vật\n\nĐiều 1. Phê duyệt Phương án kèm theo Quyết định này.\n"
            "Điều 2. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.\n\nNơi nhận:\n- Như Điều 2;\n"
            "- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLò Thị Mai\n\nPHƯƠNG ÁN\nTIẾP NHẬN HIỆN VẬT HỒI HƯƠNG\n"
            "(Kèm theo Quyết định số 88/QĐ-UBND ngày 14/9/2027 của UBND tỉnh)\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
            "Tiếp nhận an toàn 12 hiện vật.\nII. KINH PHÍ\nTổng kinh phí 320 triệu đồng.\n")
    parts = [f"{c.marker} {c.heading}".strip() for c in parse_sections(text).children]
    attached = next(c for c in parse_sections(text).children if c.marker.startswith("PHƯƠNG ÁN"))
    assert parts[:2] == ["Điều 1. Phê duyệt Phương án kèm theo Quyết định này.",
                         "Điều 2. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này."]
    assert [c.marker for c in attached.children] == ["I.", "II."]  # its own parts, not Điều 2's


def test_a_bare_appendix_word_over_its_title_in_capitals_opens_an_appendix():
    text = ("QUYẾT ĐỊNH:\n\nĐiều 1. Hình thức kỷ luật\nThi hành kỷ luật khiển trách.\n\nĐiều 2. Trách nhiệm thi hành\n"
            "Các cơ quan thi hành Quyết định này.\n\nCHỦ TỊCH\n\n(đã ký)\n\nLò Văn Quế\n\n\nPhụ lục\n"
            "TÓM TẮT QUÁ TRÌNH XỬ LÝ KỶ LUẬT\n(Kèm theo Quyết định số 12/QĐ-UBND)\n\n1. Ngày 03/6/2027: cử đoàn.\n")
    root = parse_sections(text)
    assert any(s.marker.startswith("Phụ lục") and "TÓM TẮT" in s.heading for s in root.children)
