"""Questions over national pages written for these tests: a circular carrying out a decree, named by what it carries
out and never by its own number, and two encyclopedia pages on two committees, each citing the decision on its duties
with a reference mark."""
from __future__ import annotations

from tests.rag.conftest import texts_store

CIRCULAR = """Thông tư hướng dẫn thi hành Nghị định số 45/2030/NĐ-CP ngày 02 tháng 4 năm 2030 của Chính phủ về quản lý đoàn nghệ thuật nước ngoài biểu diễn tại Việt Nam

Căn cứ Nghị định số 45/2030/NĐ-CP ngày 02 tháng 4 năm 2030 của Chính phủ về quản lý đoàn nghệ thuật nước ngoài biểu diễn tại Việt Nam;
Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch ban hành Thông tư hướng dẫn thi hành Nghị định số 45/2030/NĐ-CP ngày 02 tháng 4 năm 2030 của Chính phủ như sau:
Điều 1. Hồ sơ đề nghị cấp phép gồm 03 loại giấy tờ.
"""

COMMITTEE_A = """Ủy ban Quảng bá quốc gia (tiếng Anh: National Promotion Committee) là cơ quan trực thuộc Bộ Văn hóa, Thể thao và Du lịch.
Theo Quyết định 12/2031/QĐ-TTg [2] quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ủy ban Quảng bá quốc gia do Thủ tướng Chính phủ ban hành, Ủy ban có 05 vụ.
"""

COMMITTEE_B = """Ủy ban Biên giới quốc gia là cơ quan cấp tổng cục, trực thuộc Bộ Ngoại giao.
Theo Quyết định 77/2030/QĐ-TTg [1] quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ủy ban Biên giới quốc gia trực thuộc Bộ Ngoại giao, Ủy ban có 06 vụ.
"""

RULES_NEWS = """Ban hành Quy chế quản lý các hoạt động đối ngoại trên địa bàn tỉnh Lam Giang

Ngày 13 tháng 3 năm 2032, UBND tỉnh Lam Giang đã ký Quyết định số 05/2032/QĐ-UBND ban hành Quy chế quản lý các hoạt động đối ngoại trên địa bàn tỉnh Lam Giang. Quy chế gồm 05 chương, 24 điều.
"""

SCHOOL_YEAR = """TRƯỜNG ĐẠI HỌC LAM GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 301/KH-ĐHLG | Lam Giang, ngày 10 tháng 7 năm 2030

KẾ HOẠCH
Hợp tác quốc tế năm học 2030 - 2031

I. KẾT QUẢ NĂM HỌC 2029 - 2030
Năm học 2029 - 2030, Nhà trường cử 38 sinh viên đi trao đổi.

II. CHỈ TIÊU
Cử 50 sinh viên đi trao đổi (tăng 31% so với năm học 2029 - 2030).
"""

APPROVAL = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-UBND | Lam Giang, ngày 15 tháng 01 năm 2031

QUYẾT ĐỊNH
Phê duyệt Kế hoạch quảng bá văn hóa Lam Giang năm 2031

Căn cứ Quyết định số 2905/QĐ-UBND ngày 27 tháng 12 năm 2030 của Ủy ban nhân dân tỉnh phê duyệt Đề án quảng bá văn hóa tỉnh Lam Giang giai đoạn 2031 - 2035;
Xét đề nghị của Giám đốc Sở Ngoại vụ tại Tờ trình số 05/TTr-SNgV ngày 06 tháng 01 năm 2031.
Điều 1. Phê duyệt Kế hoạch quảng bá văn hóa Lam Giang năm 2031.
"""

store = texts_store("national-bodies", {
    "lam-giang-qd-77-2031-phe-duyet.txt": APPROVAL,
    "lam-giang-dh-kh-301-2030-hop-tac-quoc-te.txt": SCHOOL_YEAR,
    "lam-giang-qd-05-2032-quy-che-doi-ngoai-tin.txt": RULES_NEWS,
    "bvhttdl-tt-huong-dan-nd-45-2030.txt": CIRCULAR,
    "uy-ban-quang-ba-quoc-gia.txt": COMMITTEE_A,
    "uy-ban-bien-gioi-quoc-gia.txt": COMMITTEE_B,
})


def test_a_circular_described_by_the_decree_it_carries_out_is_the_one_asked(store):
    answer = store.ask("Thông tư hướng dẫn thi hành Nghị định 45/2030/NĐ-CP do ai ban hành?")
    assert answer.found and "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch" in answer.answer, answer.answer


def test_the_decrees_number_is_no_number_of_the_circular(store):
    answer = store.ask("Thông tư hướng dẫn Nghị định 45/2030/NĐ-CP có số hiệu gì, ký ngày nào?")
    assert not answer.found and "Thông tư" in answer.answer, answer.answer


def test_a_decision_cited_for_one_committee_answers_no_question_of_another(store):
    answer = store.ask("Văn bản nào quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ủy ban Biên giới quốc gia?")
    assert answer.found and "77/2030/QĐ-TTg" in answer.answer and "12/2031" not in answer.answer, answer.answer


def test_a_signer_asked_in_every_part_of_a_page_naming_no_one_is_not_stated(store):
    answer = store.ask("Quy chế quản lý các hoạt động đối ngoại tỉnh Lam Giang năm 2032: người ký là Chủ tịch hay Phó "
                       "Chủ tịch UBND tỉnh, tên là gì?")
    assert not answer.found and not answer.citations, answer.answer


def test_a_plan_named_by_a_period_it_is_not_of_is_not_held(store):
    answer = store.ask("Kế hoạch hợp tác quốc tế năm học 2031-2032 của ĐH Lam Giang cử bao nhiêu sinh viên đi trao đổi?")
    assert not answer.found and not answer.citations, answer.answer
    held = store.ask("Kế hoạch hợp tác quốc tế năm học 2030-2031 của ĐH Lam Giang cử bao nhiêu sinh viên đi trao đổi?")
    assert held.found and "50 sinh viên" in held.answer, held.answer


def test_a_dateline_answers_a_date_asked_only_and_the_motto_nothing():
    from rag.find.lines import header_line
    assert header_line("Hà Nội, ngày 31 tháng 8 năm 2030", "content")
    assert not header_line("Hà Nội, ngày 31 tháng 8 năm 2030", "date")
    assert header_line("Độc lập - Tự do - Hạnh phúc", "date")
    assert not header_line("Nghị định này áp dụng đối với các tổ chức phi chính phủ nước ngoài tại Việt Nam.", "content")


def test_the_kind_asked_picks_the_cited_document_of_that_kind(store):
    answer = store.ask("Sở Ngoại vụ Lam Giang trình phê duyệt kế hoạch quảng bá bằng tờ trình số mấy, ngày nào?")
    assert answer.found and "05/TTr-SNgV" in answer.answer and "2905" not in answer.answer, answer.answer
