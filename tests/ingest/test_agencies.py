"""Agency names: canonical forms, abbreviations, folding, unknown names kept verbatim."""
from __future__ import annotations

import pytest

from ground.agencies import find_agencies, normalize_agency

VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Sở Ngoại vụ", "Sở Ngoại vụ"),
        ("SNgV", "Sở Ngoại vụ"),
        ("Sở NgV", "Sở Ngoại vụ"),
        ("Sở Ngoại vụ tỉnh Cao Bằng", "Sở Ngoại vụ"),
        ("SO NGOAI VU", "Sở Ngoại vụ"),
        ("Sở VHTTDL", VHTTDL),
        ("Sở VH-TT&DL", VHTTDL),
        ("Sở VHTT&DL", VHTTDL),
        ("Sở Văn hoá, Thể thao và Du lịch", VHTTDL),  # old tone-mark placement
        ("sở văn hóa thể thao và du lịch", VHTTDL),
        ("Sở Văn hóa và Thể thao", "Sở Văn hóa và Thể thao"),
        ("Sở Du lịch", "Sở Du lịch"),
        ("Sở TTTT", "Sở Thông tin và Truyền thông"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Sở Công Thương", "Sở Công Thương"),
        ("Ban Dân tộc tỉnh", "Ban Dân tộc"),
        ("Công an tỉnh", "Công an tỉnh"),
        ("Công an thành phố", "Công an tỉnh"),
        ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ đội Biên phòng tỉnh"),
        ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Liên hiệp các tổ chức hữu nghị tỉnh"),
        ("Đài Phát thanh và Truyền hình Cao Bằng", "Đài Phát thanh và Truyền hình tỉnh"),
        ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
        ("Báo Cao Bằng", "Báo tỉnh"),
        ("UBND các huyện, thành phố", "UBND cấp huyện"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND cấp huyện"),
        ("UBND cấp huyện", "UBND cấp huyện"),
        ("UBND các quận, huyện", "UBND cấp huyện"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"),
        ("Tỉnh đoàn", "Tỉnh đoàn"),
        ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
        ("Bộ Ngoại giao", "Bộ Ngoại giao"),
        ("Bộ VHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("các sở, ban, ngành", "Các sở, ban, ngành"),
        ("Các sở, ban, ngành, địa phương", "Các sở, ban, ngành"),
        ("các cơ quan, đơn vị liên quan", "Các cơ quan, đơn vị liên quan"),
    ],
)
def test_known_agencies_normalise(written: str, canonical: str) -> None:
    name = normalize_agency(written)
    assert (name.canonical, name.known, name.raw) == (canonical, True, written)


@pytest.mark.parametrize(
    "written",
    [
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
        "Hiệp hội Du lịch tỉnh",
        "Sở Ngoại vụ và Du lịch",  # not one known body: kept whole rather than guessed
    ],
)
def test_unknown_agencies_are_kept_verbatim(written: str) -> None:
    name = normalize_agency(written)
    assert (name.canonical, name.known) == (written, False)


def test_find_agencies_in_a_duty_sentence() -> None:
    text = (
        "Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Ngoại vụ, Sở TT&TT, Trung tâm Xúc tiến Đầu tư, "
        "Thương mại và Du lịch tỉnh và UBND các huyện, thành phố tổ chức Hội nghị quảng bá; báo cáo kết quả."
    )
    mentions = find_agencies(text)
    assert [m.canonical for m in mentions] == [
        VHTTDL, "Sở Ngoại vụ", "Sở Thông tin và Truyền thông",
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", "UBND cấp huyện",
    ]
    assert [m.known for m in mentions] == [True, True, True, False, True]
    for m in mentions:
        assert text[m.start:m.end] == m.raw


def test_ordinary_words_are_not_agencies() -> None:
    # "báo cáo" (report), "Hội nghị" (conference), "tỉnh đoàn kết" fold like agency names
    text = "Tổ chức Hội nghị, báo cáo Lạng Sơn; vận động nhân dân tỉnh đoàn kết; Ban hành quy chế."
    assert find_agencies(text) == []


def test_place_name_after_an_agency_stays_in_the_mention() -> None:
    (mention,) = find_agencies("Giao Công an tỉnh Bà Rịa - Vũng Tàu chủ trì.")
    assert (mention.canonical, mention.raw) == ("Công an tỉnh", "Công an tỉnh Bà Rịa - Vũng Tàu")


def test_a_chat_types_a_body_by_its_head_word_and_acronym():
    from ground.agencies import agency_matches, find_agencies

    found = find_agencies("vu htqt chu tri nhung nhiem vu nao?")
    assert [(m.canonical, m.raw) for m in found] == [("Vụ HTQT", "vu htqt")]
    assert agency_matches("Vụ HTQT", "Vụ Hợp tác quốc tế") and agency_matches("Vụ Hợp tác quốc tế", "Vụ HTQT")
    assert not agency_matches("Vụ HTQT", "Vụ Kế hoạch - Tài chính")
    assert agency_matches("Vụ KHTC", "Vụ Kế hoạch - Tài chính")
    assert [m.canonical for m in find_agencies("ban dan toc lam gi")] == ["Ban Dân tộc"]  # words, not an acronym
    assert find_agencies("theo số TT của văn bản") == []


def test_a_body_s_name_ends_where_its_verb_begins_and_keeps_its_compounds():
    from ground.agencies import find_agencies

    named = find_agencies("Ủy ban Quốc gia Quảng bá Văn hóa Việt Nam giao Cục Giao lưu văn hóa chủ trì tổ chức tuần phim")
    assert [m.canonical for m in named] == ["Ủy ban Quốc gia Quảng bá Văn hóa Việt Nam", "Cục Giao lưu văn hóa"]
    assert [m.canonical for m in find_agencies("Vụ Hợp tác quốc tế chủ trì")] == ["Vụ Hợp tác quốc tế"]
    assert [m.canonical for m in find_agencies("Học viện Ngoại giao phối hợp")] == ["Học viện Ngoại giao"]


def test_a_district_office_is_a_body_and_prevention_is_not():
    from ground.agencies import find_agencies

    found = find_agencies("Phòng, chống tham nhũng; Phòng Nội vụ thành phố chủ trì tập huấn")
    assert [m.canonical for m in found] == ["Phòng Nội vụ thành phố"]
