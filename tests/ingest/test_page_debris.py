"""What a saved page carries besides its text is read as no fact of it: a path's figures ("CMS2013/Images") are no
document number, an office cut short at the page's end ("KT.CHỦ TỊCH" / "PHÓ CH") names no signer, and "hòa bình"
typed plainly in a question is peace, not the province, unless a place word or a capital says so."""
from ground.numbers import find_numbers
from ground.places import iter_mentions
from ingest.signers import document_signer


def test_a_path_on_the_page_holds_no_document_number():
    assert find_numbers("/Style Library/LacViet/CMS2013/Images/newsdefault.jpg") == []
    assert [n.number for n in find_numbers("Số:12/KH-UBND")] == ["12/KH-UBND"]


def test_an_office_cut_short_is_no_signer():
    cut = "Điều 3. Chánh Văn phòng và Giám đốc Sở Ngoại vụ chịu trách nhiệm thi hành Quyết định này./.\n|\nKT.CHỦ TỊCH\nPHÓ CH"
    assert document_signer(cut) is None
    whole = cut.replace("PHÓ CH", "PHÓ CHỦ TỊCH\n\n\nTống Văn Lâm")
    assert document_signer(whole) == "Tống Văn Lâm"  # (a family name that folds like an office word is still a name)


def test_hoa_binh_typed_plainly_is_peace_unless_placed():
    assert [m.province for m in iter_mentions("nghi quyet nao khang dinh phai cung co, giu vung hoa binh?")] == []
    assert [m.province for m in iter_mentions("ke hoach cua hoa binh nam 2021")] == ["Hòa Bình"]
    assert [m.province for m in iter_mentions("tinh hoa binh co bao nhieu doan ra")] == ["Hòa Bình"]


def test_a_weekday_and_date_over_a_day_s_hours_is_the_programme_s_day_not_a_banner():
    from ingest.clean import clean_text

    programme = "III. CHƯƠNG TRÌNH\nThứ Ba, ngày 23/10/2029\n- 08h00 - 10h30: Thăm cánh đồng lúa tại xã Bình Khê.\n"
    assert "Thứ Ba, ngày 23/10/2029" in clean_text(programme)
    banner = "Chủ nhật, Ngày 27/10/2024\nUBND tỉnh tổ chức hội nghị đối ngoại năm 2024 tại trụ sở."
    assert "27/10/2024" not in clean_text(banner)  # the portal's today, over an article


def test_a_pages_text_size_and_contrast_buttons_are_chrome():
    from ingest.clean import classify_line

    assert classify_line("A- A A+ | Tăng tương phản Giảm tương phản") == "portal"
    assert classify_line("Tăng cường hợp tác với các tỉnh Nam Lào") is None


def test_a_sites_press_licence_is_no_document_of_the_page():
    from ingest.clean import clean_text
    from ingest.metadata import extract_metadata

    page = ("Ngư dân Lam Hải cứu 5 người nước ngoài bị nạn trên biển\n\nSáng 26/12, tàu cá của ngư dân phường 6 cứu 5 người "
            "bị nạn, đưa vào bờ an toàn.\n\nCơ quan chủ quản: Tỉnh ủy Lam Hải - Giấy phép hoạt động báo chí số "
            "681/GP-BTTT do Bộ TT-TT cấp ngày 21/10/2020.\n")
    assert extract_metadata(clean_text(page), "page.txt").number is None
