"""Structure-aware chunking: exact offsets, no lost text, never two sections in one chunk."""
from __future__ import annotations

import pytest

from ground.plans import SECTION_SEPARATOR, Chunk
from ingest.chunking import CHUNKER_VERSION, chunk_plan, embed_text, split_span
from ingest.structure import chain_at, is_headed, parse_sections, section_path
from tests.ingest.texts import ALL_TEXTS, fixture, read, sample

TITLE = "Kế hoạch thử nghiệm\n  triển khai Chiến lược"


def chunks_of(text: str, **kwargs) -> list[Chunk]:
    return chunk_plan(text, parse_sections(text), TITLE, "plan.txt", **kwargs)


def components(path: str | None) -> list[str]:
    return path.split(SECTION_SEPARATOR) if path else []


def is_prefix(short: list[str], long: list[str]) -> bool:
    return long[: len(short)] == short


# ---------------------------------------------------------------- invariants on every text and size


@pytest.mark.parametrize("max_chars", [1000, 400, 150])
@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_chunk_invariants(path, max_chars):
    text = read(path)
    chunks = chunks_of(text, max_chars=max_chars, min_chars=max_chars // 4)
    assert chunks
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    previous_end = 0
    for chunk in chunks:
        assert chunk.text == text[chunk.start:chunk.end]
        assert chunk.text == chunk.text.strip() and chunk.text
        assert len(chunk.text) <= max_chars
        assert chunk.start >= previous_end, "in document order, not overlapping"
        previous_end = chunk.end
        assert (chunk.plan_id, chunk.id, chunk.source) == ("", "", "plan.txt")
        assert chunk.embed_text == embed_text(TITLE, chunk.section, chunk.text)
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert lost == [], f"text lost: {text[lost[0]:lost[0] + 40]!r}" if lost else ""


@pytest.mark.parametrize("max_chars", [1000, 400])
@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_a_chunk_stays_within_one_section(path, max_chars):
    """Every character's own path and the chunk's path lie on one line of the tree: the chunk is
    a section's text, its parent's lead-in heading, or merged tiny children under the parent's path."""
    text = read(path)
    root = parse_sections(text)
    for chunk in chunk_plan(text, root, TITLE, "plan.txt", max_chars=max_chars):
        chunk_path = components(chunk.section)
        for offset in range(chunk.start, chunk.end):
            if text[offset].isspace():
                continue
            own = components(section_path(chain_at(root, offset)))
            assert is_prefix(own, chunk_path) or is_prefix(chunk_path, own), (chunk.section, own, chunk.text[:60])


def test_chunking_is_deterministic():
    for path in ALL_TEXTS:
        text = read(path)
        assert chunks_of(text) == chunks_of(text)
    assert CHUNKER_VERSION == "3"


# ---------------------------------------------------------------- the real plan


def test_cao_bang_chunks_keep_the_specific_section_paths():
    chunks = chunks_of(sample("001"))
    sections = [c.section for c in chunks]
    purpose = "I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích"
    requirements = "I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu"
    assert sections[0] is None and "Số: 726/KH-UBND" in chunks[0].text
    assert all(s is None for s in sections[: sections.index(purpose)])
    ordered = list(dict.fromkeys(sections))
    assert ordered[ordered.index(purpose):] == [
        purpose, requirements, "II. MỤC TIÊU › 1. Mục tiêu tổng quát", "II. MỤC TIÊU › 2. Các mục tiêu cụ thể",
        "III. NỘI DUNG VÀ CÁC GIẢI PHÁP CHỦ YẾU › 1. Tăng cường công tác tuyên truyền, nâng cao nhận thức về vai "
        "trò của ngoại giao văn hóa với công tác đối ngoại và sự…",
    ]
    assert sections.count(purpose) >= 2 and sections.count(requirements) >= 2  # long sections are split


def test_cao_bang_headings_open_their_first_chunk_and_bare_headings_make_no_chunk():
    chunks = chunks_of(sample("001"))
    first_purpose = next(c for c in chunks if c.section and c.section.endswith("1. Mục đích"))
    assert first_purpose.text.startswith("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Cụ thể hóa")
    first_requirements = next(c for c in chunks if c.section and c.section.endswith("2. Yêu cầu"))
    assert first_requirements.text.startswith("2. Yêu cầu\n\n- Triển khai")
    last = chunks[-1]
    assert last.text.startswith("III. NỘI DUNG VÀ CÁC GIẢI PHÁP CHỦ YẾU\n\n1. Tăng cường")
    assert last.text.endswith("[...]")
    assert not any("1. Mục đích" in c.text and "2. Yêu cầu" in c.text for c in chunks)


def test_split_pieces_start_at_bullets():
    text = sample("001")
    for chunk in chunks_of(text):
        if chunk.section and not chunk.text.startswith(("I.", "II.", "III.", "1.", "2.")):
            assert chunk.text.startswith("- "), chunk.text[:40]


def test_embed_text_carries_title_and_path():
    chunks = chunks_of(sample("001"))
    with_section = next(c for c in chunks if c.section)
    assert with_section.embed_text == (
        f"Kế hoạch thử nghiệm triển khai Chiến lược\n{with_section.section}\n{with_section.text}")
    preamble = chunks[0]
    assert preamble.embed_text == f"Kế hoạch thử nghiệm triển khai Chiến lược\n{preamble.text}"


# ---------------------------------------------------------------- fixtures: merging and splitting


def test_tiny_agency_duties_merge_under_their_parent():
    chunks = chunks_of(fixture("ke_hoach_tinh.txt"))
    by_section = {}
    for chunk in chunks:
        by_section.setdefault(chunk.section, []).append(chunk)
    merged = by_section["IV- TỔ CHỨC THỰC HIỆN"]
    assert len(merged) == 1
    assert merged[0].text.startswith("2. Sở Văn hóa, Thể thao và Du lịch")
    assert merged[0].text.endswith("xây dựng kế hoạch thực hiện tại địa phương.")
    # the first agency's section is not tiny: it keeps its own path (with the parent's heading as lead-in)
    own = by_section["IV- TỔ CHỨC THỰC HIỆN › 1. Sở Ngoại vụ"]
    assert own[0].text.startswith("IV- TỔ CHỨC THỰC HIỆN\n\n1. Sở Ngoại vụ")
    assert "2. Sở Văn hóa" not in own[-1].text
    # the signature block is its own chunk and never joins the last section
    assert by_section["Nơi nhận"][0].text.startswith("Nơi nhận:")
    assert "KT. CHỦ TỊCH" not in merged[0].text


def test_sections_that_are_not_tiny_keep_their_own_path():
    chunks = chunks_of(fixture("ke_hoach_tinh.txt"))
    sections = [c.section for c in chunks]
    assert "II MỤC TIÊU › 2. Mục tiêu cụ thể" in sections
    assert "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU › 1. Tăng cường công tác thông tin, tuyên truyền" in sections
    assert "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU › 2. Quảng bá hình ảnh địa phương gắn với xúc tiến du lịch" in sections


def test_without_min_chars_nothing_merges():
    text = fixture("ke_hoach_tinh.txt")
    root = parse_sections(text)
    headed_starts = {n.start for n in root.walk() if n.level and is_headed(n)}
    for chunk in chunk_plan(text, root, TITLE, "x", min_chars=0):
        inner = [s for s in headed_starts if chunk.start < s < chunk.end]
        assert inner == [], chunk.text[:60]  # each chunk begins a section or continues one, never holds two


def test_merging_never_crosses_parents():
    text = ("I. MỤC ĐÍCH\n1. Một việc nhỏ.\n2. Hai việc nhỏ.\nII. YÊU CẦU\n1. Ba việc nhỏ.\n2. Bốn việc nhỏ.\n")
    chunks = chunks_of(text)
    assert [c.section for c in chunks] == ["I. MỤC ĐÍCH", "II. YÊU CẦU"]
    assert chunks[0].text == "I. MỤC ĐÍCH\n1. Một việc nhỏ.\n2. Hai việc nhỏ."


def test_top_level_sections_keep_their_paths_even_when_tiny():
    chunks = chunks_of("1. Mục đích\nViệc nhỏ.\n2. Yêu cầu\nViệc nhỏ.\n")
    assert [c.section for c in chunks] == ["1. Mục đích", "2. Yêu cầu"]


def test_long_section_is_split_at_bullets_then_sentences_then_commas():
    text = fixture("ke_hoach_so_bat_dau.txt")
    chunks = [c for c in chunks_of(text) if c.section == "2. Nhiệm vụ trọng tâm › 2.1. Quảng bá văn hóa"]
    assert len(chunks) >= 3 and all(len(c.text) <= 1000 for c in chunks)
    assert chunks[0].text.startswith("2. Nhiệm vụ trọng tâm\n\n2.1. Quảng bá văn hóa\n\n- Tổ chức Tuần Văn hóa")
    assert chunks[0].text.endswith("- Đẩy mạnh quảng bá trên nền tảng số.")  # a bullet boundary
    assert chunks[1].text.startswith("- Hỗ trợ, tạo điều kiện")
    assert chunks[1].text.endswith(",")  # the 1 400-character sentence is cut after a comma
    assert "TP. Hồ Chí Minh" in chunks[0].text


def test_sentence_split_keeps_abbreviations():
    text = ("Đoàn công tác làm việc tại TP. Hồ Chí Minh và Hà Nội trong ba ngày liền. "
            "Các hoạt động gồm triển lãm, hội thảo v.v. được tổ chức chu đáo. "
            "Kết quả được báo cáo Ủy ban nhân dân tỉnh.")
    pieces = [text[a:b].strip() for a, b in split_span(text, 0, len(text), 80)]
    assert pieces == [
        "Đoàn công tác làm việc tại TP. Hồ Chí Minh và Hà Nội trong ba ngày liền.",
        "Các hoạt động gồm triển lãm, hội thảo v.v. được tổ chức chu đáo.",
        "Kết quả được báo cáo Ủy ban nhân dân tỉnh.",
    ]


def test_abbreviations_are_not_sentence_ends_even_when_a_sentence_must_be_cut():
    text = ("Đoàn công tác tại TP. Hồ Chí Minh gồm đại diện Sở Ngoại vụ, Sở Văn hóa, Thể thao và Du lịch, "
            "các hội nghề nghiệp v.v. và một số doanh nghiệp, hợp tác xã của tỉnh.")
    pieces = [text[a:b].strip() for a, b in split_span(text, 0, len(text), 60)]
    assert "".join(p + " " for p in pieces).strip() == text
    assert all(p.endswith(",") for p in pieces[:-1]), pieces  # commas, not "TP." or "v.v."


def test_semicolons_and_ellipses_end_sentences():
    text = "Một là tuyên truyền sâu rộng; hai là quảng bá hình ảnh… Ba là hợp tác quốc tế."
    pieces = [text[a:b].strip() for a, b in split_span(text, 0, len(text), 35)]
    assert pieces == ["Một là tuyên truyền sâu rộng;", "hai là quảng bá hình ảnh…", "Ba là hợp tác quốc tế."]


def test_last_resort_whitespace_and_hard_cuts():
    text = "quảngbá " * 40 + "x" * 130  # no punctuation at all, then one "word" longer than max_chars
    pieces = [text[a:b] for a, b in split_span(text, 0, len(text), 50)]
    assert "".join(pieces) == text
    assert all(len(p.strip()) <= 50 for p in pieces)
    assert all(set(p.split()) == {"quảngbá"} for p in pieces if "x" not in p)  # cut between words
    assert sum(1 for p in pieces if set(p.strip()) == {"x"}) >= 2  # the long word is hard-cut


# ---------------------------------------------------------------- news articles and the preamble


def test_news_article_is_chunked_by_paragraphs_without_section():
    text = sample("004")
    chunks = chunks_of(text)
    assert all(c.section is None for c in chunks)
    assert len(chunks) >= 2
    assert "\n\n" in chunks[0].text  # small paragraphs are merged


def test_small_paragraphs_merge_and_chunks_start_at_paragraphs():
    paragraph = "Thành phố tổ chức nhiều hoạt động giao lưu văn hóa với các địa phương nước ngoài. " * 2
    text = "\n\n".join(f"{i}: {paragraph.strip()}" for i in range(5))
    chunks = chunks_of(text, max_chars=700)
    assert [c.text.count("\n\n") + 1 for c in chunks] == [4, 1]
    starts = {0} | {i + 2 for i in range(len(text)) if text.startswith("\n\n", i)}
    assert all(c.start in starts for c in chunks)


def test_long_news_paragraph_is_split_by_sentences():
    text = sample("000")
    chunks = chunks_of(text)
    start = next(i for i, p in enumerate(text.split("\n\n")) if len(p) > 1000)
    offset = sum(len(p) + 2 for p in text.split("\n\n")[:start])
    end = offset + len(text.split("\n\n")[start])
    overlapping = [c for c in chunks if c.start < end and c.end > offset]
    assert len(overlapping) >= 2
    cut_inside = [c for c in overlapping if offset < c.end < end]
    assert cut_inside and all(c.text.endswith((".", ";", "…")) for c in cut_inside)


def test_an_ellipsis_before_a_lower_case_word_cuts_no_sentence():
    from ingest.chunking import _SENTENCE_END
    text = "Nhiều biên bản ghi nhớ về trao đổi giảng viên… đã được ký kết với Đại học Gifu. Năm 2030 tiếp tục… Đoàn sang Lào."
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    assert text[cuts[0]:].startswith("Năm 2030") and text[cuts[1]:].startswith("Đoàn sang Lào")
