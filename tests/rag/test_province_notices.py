"""Questions over texts of kinds written for these tests: a province's decision on delegations with its effect
clause, a decision issuing the year's foreign-information plan, a saved news page dated by its month only, and a
press award's rules with a prize table whose unit stands in the line above it."""
from __future__ import annotations

import pytest

from tests.rag.conftest import assert_answered, chat, texts_store

RULES = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 15/2023/QĐ-UBND | Lam Giang, ngày 06 tháng 3 năm 2023

QUYẾT ĐỊNH
Ban hành Quy định quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Lam Giang

ỦY BAN NHÂN DÂN TỈNH LAM GIANG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Ngoại vụ tại Tờ trình số 37/TTr-SNgV ngày 20 tháng 02 năm 2023.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Lam Giang.
Điều 2. Quyết định này có hiệu lực thi hành sau 10 ngày, kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Ngoại vụ và thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lò Văn Khiêm
"""

YEAR_PLAN = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 210/QĐ-UBND | Lam Giang, ngày 28 tháng 01 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch thông tin đối ngoại tỉnh Lam Giang năm 2024

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thông tin đối ngoại tỉnh Lam Giang năm 2024.
Điều 2. Sở Thông tin và Truyền thông chủ trì theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hà Thị Nguyệt
"""

PAGE = """date 2024-09 Từ ngày 9 đến 13-9, đoàn công tác của tỉnh Lam Giang do ông Trần Văn Hòa, Phó Chủ tịch UBND tỉnh, làm trưởng đoàn có chuyến thăm và làm việc tại tỉnh Gunma (Nhật Bản).

Trong chuyến công tác, đoàn làm việc với lãnh đạo tỉnh Gunma và dự Hội nghị xúc tiến đầu tư tổ chức tại thành phố Maebashi ngày 11-9.

Đến nay, tỉnh Lam Giang đã tiếp nhận 95 chương trình, dự án viện trợ phi chính phủ nước ngoài (PCPNN) với tổng giá trị hơn 41 triệu USD.
"""

AWARD = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 930/QĐ-UBND | Lam Giang, ngày 02 tháng 6 năm 2025

QUYẾT ĐỊNH
Ban hành Thể lệ Giải báo chí về thông tin đối ngoại tỉnh Lam Giang năm 2025

Điều 1. Cơ cấu giải thưởng
1. Mỗi thể loại xét trao 01 giải Nhất, 02 giải Nhì và 03 giải Ba. Giá trị giải thưởng (đồng/giải) như sau:

| Thể loại | Giải Nhất | Giải Nhì | Giải Ba |
|---|---|---|---|
| Phóng sự truyền hình | 18.000.000 | 9.000.000 | 4.500.000 |
| Tranh cổ động | 6.000.000 | 3.000.000 | 1.500.000 |
| Báo in | 12.000.000 | 6.000.000 | 3.000.000 |

Điều 2. Tổ chức thực hiện
1. Sở Văn hóa, Thể thao và Du lịch là cơ quan thường trực Giải, thành lập Tổ thư ký giúp việc.
2. Địa điểm nhận tác phẩm: Phòng Báo chí - Xuất bản, Sở Văn hóa, Thể thao và Du lịch, số 14 đường Lê Lợi, thành phố Lam Giang. Hồ sơ điện tử gửi về hộp thư giaibaochi@lamgiang.gov.vn.
"""

PROGRAMME = """THỦ TƯỚNG CHÍNH PHỦ | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 117/2031/QĐ-TTg | Hà Nội, ngày 14 tháng 5 năm 2031 |
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH :
Điều 1. Ban hành "Chương trình quốc gia quảng bá văn hóa Việt Nam ở nước ngoài giai đoạn 2031 - 2035" nhằm nâng cao hình ảnh quốc gia.
Điều 2. Bộ Văn hóa, Thể thao và Du lịch chủ trì tổ chức thực hiện Chương trình.
"""

REPLACED = """Quyết định 22/2019/QĐ-UBND về đón tiếp khách nước ngoài của tỉnh Lam Giang

Quyết định 22/2019/QĐ-UBND về đón tiếp khách nước ngoài đã được thay thế bởi Quyết định 31/2024/QĐ-UBND Quy định chế độ chi tiếp khách nước ngoài và được áp dụng kể từ ngày 15/08/2024.

Số hiệu: 22/2019/QĐ-UBND | Loại văn bản: Quyết định | Nơi ban hành: Tỉnh Lam Giang | Ngày ban hành: 11/04/2019
"""

VISIT = """Lãnh đạo tỉnh Khăm-la-vông (Lào) thăm và chúc Tết tỉnh Lam Giang

Ngày 20/01/2025, Tỉnh trưởng tỉnh Khăm-la-vông và Chủ tịch UBND tỉnh Lam Giang đã ký Biên bản ghi nhớ về việc phối hợp xây dựng Trường Phổ thông dân tộc nội trú tại tỉnh Khăm-la-vông.
"""

TALKS = """Lam Giang hội đàm với tỉnh Sê-noọng-phạ (Lào)

Sau khi trao đổi, đoàn đại biểu hai tỉnh Lam Giang và Sê-noọng-phạ đã thống nhất ký Biên bản hội đàm với các nội dung: luân phiên trao đổi đoàn đại biểu cấp cao, phối hợp quản lý biên giới và hợp tác đào tạo.
"""

store = texts_store("province-notices", {
    "lam-giang-khamlavong-chuc-tet-tin.txt": VISIT,
    "lam-giang-senoongpha-hoi-dam-tin.txt": TALKS,
    "qd-117-2031-ttg-chuong-trinh-quang-ba.txt": PROGRAMME,
    "lam-giang-qd-22-2019-don-tiep-khach.txt": REPLACED,
    "lam-giang-qd-15-2023-doan-ra-doan-vao.txt": RULES,
    "lam-giang-qd-210-2024-ttdn.txt": YEAR_PLAN,
    "lam-giang-doan-cong-tac-gunma-tin.txt": PAGE,
    "lam-giang-qd-930-2025-giai-bao-chi.txt": AWARD,
})


@pytest.mark.parametrize("question,expected", [
    # a page saved with its month only is of that year: the year asked is its own
    ("Đoàn công tác tỉnh Lam Giang sang Nhật Bản năm 2024 do ai làm trưởng đoàn?", ["Trần Văn Hòa"]),
    ("doan cong tac lam giang sang nhat ban thang 9/2024 tu ngay nao den ngay nao", ["9 đến 13-9"]),
    # things counted beside a source of money ("viện trợ") are counted, not summed; "PCPNN" written out
    ("vien tro pcpnn lam giang duoc bao nhieu chuong trinh du an", ["95 chương trình"]),
    # two dates of one decision, its issue and its taking effect
    ("Quyết định 15/2023/QĐ-UBND của Lam Giang ban hành ngày nào và có hiệu lực khi nào?", ["06/3/2023", "sau 10 ngày"]),
    ("Quyết định 15/2023/QĐ-UBND của Lam Giang hiệu lực từ khi nào?", ["sau 10 ngày"]),
    # a cell of a table of prizes: its row and column asked, the unit from the line over the table
    ("Giải Nhì thể loại tranh cổ động của giải báo chí Lam Giang được bao nhiêu tiền?", ["3.000.000 đồng/giải"]),
    # what a document named by its number is: its title; the period its title is for
    ("QĐ 210/QĐ-UBND là kế hoạch gì, của tỉnh nào, ban hành ngày nào?", ["thông tin đối ngoại tỉnh Lam Giang năm 2024"]),
    ("Quyết định 15/2023/QĐ-UBND được ban hành trên cơ sở tờ trình nào, ngày nào?", ["37/TTr-SNgV"]),
    ("Quyết định 117/2031/QĐ-TTg ban hành ngày nào và chương trình áp dụng cho giai đoạn nào?",
     ["14/5/2031", "2031 - 2035"]),
    # a replaced decision: by which, and from when, as the line saying so gives both
    ("Quyết định 22/2019/QĐ-UBND của Lam Giang đã bị thay thế bởi quyết định nào, áp dụng từ ngày nào?",
     ["31/2024/QĐ-UBND", "15/08/2024"]),
    # one line answering two parts, shown whole though each part's window is another part of it
    ("Đoàn Lam Giang làm việc tại Gunma từ ngày nào, ai làm trưởng đoàn?", ["9 đến 13-9", "Trần Văn Hòa"]),
    ("Giải báo chí Lam Giang nhận tác phẩm ở địa chỉ nào, có gửi qua email được không?",
     ["số 14 đường Lê Lợi", "giaibaochi@lamgiang.gov.vn"]),
])
def test_answers(store, question, expected):
    assert_answered(store, question, expected)


def test_a_prize_cell_asked_shows_its_own_row_only(store):
    answer = store.ask("Giải Nhì thể loại tranh cổ động của giải báo chí Lam Giang được bao nhiêu tiền?")
    assert "Phóng sự truyền hình" not in answer.answer and "Báo in" not in answer.answer


def test_a_decision_issuing_a_plan_is_listed_among_the_plans(store):
    answer = store.ask("Tỉnh Lam Giang đã ban hành những kế hoạch thông tin đối ngoại nào?")
    assert answer.found and "210/QĐ-UBND" in answer.answer, answer.answer


def test_the_holder_of_an_office_no_text_names_is_not_a_body(store):
    answer = store.ask("Ai làm tổ trưởng Tổ thư ký của Giải báo chí Lam Giang?")
    assert not answer.found and not answer.citations, answer.answer


def test_a_programme_of_another_period_answers_no_question_of_this_one(store):
    answer = store.ask("Chương trình quốc gia quảng bá văn hóa Việt Nam ở nước ngoài giai đoạn 2026-2030 ban hành theo "
                       "quyết định nào?")
    assert not answer.found and not answer.citations, answer.answer


def test_a_follow_up_asking_when_it_takes_effect_asks_the_document(store):
    turns = chat(store, ["Lam Giang có quyết định nào về quản lý đoàn ra, đoàn vào ban hành năm 2023 không?", "hiệu lực khi nào?"])
    assert "sau 10 ngày" in turns[-1].answer.answer, turns[-1].answer.answer


def test_a_field_asked_after_a_documents_title_is_the_documents(store):
    turns = chat(store, ["qd 210 lam giang la ke hoach gi vay", "cơ quan nào chủ trì theo dõi, đôn đốc?"])
    assert "Sở Thông tin và Truyền thông" in turns[-1].answer.answer, turns[-1].answer.answer


def test_a_partner_named_anew_is_a_subject_of_its_own(store):
    turns = chat(store, ["Lam Giang và tỉnh Khăm-la-vông ký biên bản ghi nhớ về việc gì?",
                         "còn hội đàm với Sê-noọng-phạ thì thống nhất những nội dung gì?"])
    last = turns[-1].answer
    assert "luân phiên trao đổi đoàn" in last.answer, last.answer
