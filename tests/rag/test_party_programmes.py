"""Questions over texts of kinds written for these tests: a provincial Party committee's action programme whose bodies
head their duties, a foreign-affairs department's year report with a table of figures, a department's notice of a
culture week abroad with its journey, and a plan whose art troupe heads its own duties."""
from __future__ import annotations

import pytest

from tests.rag.conftest import assert_answered, chat, texts_store

PROGRAMME = """TỈNH ỦY LAM GIANG | ĐẢNG CỘNG SẢN VIỆT NAM
Số 31-CTr/TU | Lam Giang, ngày 02 tháng 3 năm 2026

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030

I. MỤC TIÊU
Đến năm 2030, tổ chức ít nhất 05 sự kiện văn hóa ở nước ngoài.

II. TỔ CHỨC THỰC HIỆN

1. Đảng đoàn Hội đồng nhân dân tỉnh
Lãnh đạo Hội đồng nhân dân tỉnh ban hành nghị quyết về chính sách hỗ trợ quảng bá văn hóa ra nước ngoài tại kỳ họp giữa năm 2026.

2. Ban Tuyên giáo và Dân vận Tỉnh ủy
Là cơ quan thường trực, giúp Ban Thường vụ Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chương trình; sơ kết vào năm 2028.

3. Văn phòng Tỉnh ủy
Tổng hợp tình hình, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 10/12 hằng năm.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Hoàng Văn Tuấn
"""

REPORT = """SỞ NGOẠI VỤ TỈNH LAM GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 402/BC-SNgV | Lam Giang, ngày 08 tháng 12 năm 2026

BÁO CÁO
Kết quả công tác đối ngoại năm 2026

I. KẾT QUẢ
1. Đón tiếp khách quốc tế
Lãnh đạo tỉnh đã tiếp 05 Đại sứ các nước tại Việt Nam, gồm Đại sứ Hà Lan, Thụy Điển, Chi-lê, Mông Cổ và Ai Cập.

2. Số liệu chủ yếu

| STT | Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2026 | So sánh 2026/2025 (%) |
|---|---|---|---|---|---|
| 1 | Đoàn ra | đoàn | 41 | 57 | 139,0 |
| 2 | Đoàn vào | đoàn | 96 | 118 | 122,9 |
| 3 | Viện trợ PCPNN cam kết | triệu USD | 3,10 | 4,25 | 137,1 |

GIÁM ĐỐC
Lý Thị Mai
"""

NOTICE = """SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KỲ HÀ | Độc lập - Tự do - Hạnh phúc
Số: 77/TB-SVHTTDL | Kỳ Hà, ngày 10 tháng 6 năm 2027

THÔNG BÁO
Về việc tổ chức Tuần Văn hóa Kỳ Hà tại Ba Lan

1. Lịch trình
- Ngày 04/9/2027: Đoàn tập trung tại Sân bay quốc tế Nội Bài, bay đi Warszawa.
- Ngày 05/9 đến 09/9/2027: Tổ chức các hoạt động của Tuần Văn hóa tại Warszawa và Kraków.
- Ngày 10/9/2027: Đoàn rời Kraków; về đến Hà Nội ngày 11/9/2027.
2. Hạn đăng ký: trước ngày 15/7/2027.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Đinh Văn Lực
"""

TROUPE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 58/KH-UBND | Lam Giang, ngày 12 tháng 01 năm 2027

KẾ HOẠCH
Quảng bá nghệ thuật truyền thống Lam Giang ra nước ngoài năm 2027

II. NHIỆM VỤ
1. Nhà hát Nghệ thuật truyền thống Lam Giang
a) Cử đoàn 15 diễn viên tham gia Liên hoan múa dân gian quốc tế tại Lublin (Ba Lan) trong tháng 7/2027.
b) Dàn dựng chương trình "Hồn sông Lam" phục vụ khách quốc tế, biểu diễn 20 đêm trong năm 2027.
2. Bảo tàng tỉnh
a) Trưng bày chuyên đề "Gốm Lam Giang" tại Hà Nội trong tháng 10/2027.
"""

RECEPTION = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 131/KH-UBND | Lam Giang, ngày 02 tháng 8 năm 2027

KẾ HOẠCH
Đón tiếp và làm việc với Đoàn đại biểu thành phố Tartu (Estonia)

I. THỜI GIAN: từ ngày 14 đến ngày 16/9/2027.

II. KINH PHÍ
1. Dự toán kinh phí

| TT | Nội dung | Số lượng | Đơn giá (đồng) | Thành tiền (đồng) |
|---|---|---|---|---|
| 1 | Tiệc chiêu đãi | 40 người | 700.000 | 28.000.000 |
| 2 | Thuê xe đưa đón | trọn gói | | 12.000.000 |
| | Tổng cộng | | | 40.000.000 |

2. Nguồn kinh phí: ngân sách tỉnh năm 2027 giao Sở Ngoại vụ.
"""

DELEGATIONS = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 2210/QĐ-UBND | Lam Giang, ngày 26 tháng 12 năm 2028

QUYẾT ĐỊNH
Phê duyệt danh sách đoàn ra năm 2029 của tỉnh Lam Giang

Điều 1. Phê duyệt danh sách 03 đoàn ra năm 2029 của tỉnh Lam Giang (có Danh sách kèm theo).
Điều 2. Cơ quan chủ trì đoàn trình Chủ tịch Ủy ban nhân dân tỉnh quyết định cử đoàn chậm nhất 20 ngày làm việc trước ngày xuất cảnh.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hà Thị Nguyệt

DANH SÁCH ĐOÀN RA NĂM 2029 CỦA TỈNH LAM GIANG
(Kèm theo Quyết định số 2210/QĐ-UBND ngày 26 tháng 12 năm 2028)

Đơn vị tính kinh phí: triệu đồng

| TT | Đoàn | Trưởng đoàn | Số thành viên | Nước đến | Thời gian | Kinh phí | Nguồn |
|---|---|---|---|---|---|---|---|
| 1 | Đoàn thăm, chúc Tết Bunpimay tỉnh Attapeu | Phó Chủ tịch UBND tỉnh | 07 | Lào | 12–14/4/2029 (03 ngày) | 210 | Ngân sách tỉnh |
| 2 | Đoàn nghệ thuật dự Liên hoan tại Kampot | Giám đốc Sở VHTTDL | 16 | Campuchia | 20–25/11/2029 | 420 | Ngân sách tỉnh |
| 3 | Đoàn thanh niên dự Trại hè ASEAN | Bí thư Tỉnh đoàn | 12 | Xinh-ga-po | Tháng 7/2029 | 380 | Ngân sách tỉnh 300; xã hội hóa 80 |
"""

FESTIVAL = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG | Độc lập - Tự do - Hạnh phúc
Số: 19/KH-UBND | Lam Giang, ngày 20 tháng 01 năm 2031

KẾ HOẠCH
Ngoại giao văn hóa năm 2031

II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch
Sở chủ trì xây dựng đề án tổ chức Liên hoan Trống đồng quốc tế Lam Giang lần thứ I, trình Ủy ban nhân dân tỉnh phê duyệt trước ngày 31 tháng 3 năm 2031. Liên hoan được tổ chức từ ngày 14 đến ngày 17 tháng 9 năm 2031 tại Quảng trường Lam Sơn, với dự kiến 08 đoàn nước ngoài.
"""

store = texts_store("party-programmes", {
    "lam-giang-kh-19-2031-ngvh.txt": FESTIVAL,
    "lam-giang-qd-2210-2028-doan-ra-2029.txt": DELEGATIONS,
    "lam-giang-kh-131-2027-don-doan-tartu.txt": RECEPTION,
    "lam-giang-ctr-31-2026-ngvh.txt": PROGRAMME,
    "lam-giang-bc-402-2026-doi-ngoai.txt": REPORT,
    "ky-ha-tb-77-2027-tuan-van-hoa-ba-lan.txt": NOTICE,
    "lam-giang-kh-58-2027-nghe-thuat.txt": TROUPE,
})


@pytest.mark.parametrize("question,expected", [
    # a Party body heading its duties, asked with the deadline in a part of its own
    ("Đảng đoàn HĐND tỉnh Lam Giang được giao nhiệm vụ gì, thời hạn khi nào?", ["chính sách hỗ trợ", "giữa năm 2026"]),
    ("Cơ quan thường trực theo dõi, đôn đốc thực hiện Chương trình 31-CTr/TU là ban nào?", ["Ban Tuyên giáo và Dân vận"]),
    # countries asked beside an office, and a count of persons by their classifier
    ("Lãnh đạo tỉnh Lam Giang đã tiếp Đại sứ những nước nào trong năm 2026? Bao nhiêu vị?", ["05 Đại sứ", "Hà Lan"]),
    # "đoàn vào" is the delegations in, no function words
    ("so doan vao lam giang nam 2026 la bao nhieu", ["118 đoàn"]),
    # "Kỳ Hà" is no "ký": a journey's day, not the notice's date
    ("Đoàn Tuần Văn hóa Kỳ Hà bay đi Ba Lan ngày nào?", ["04/9/2027"]),
    # an art troupe whose name goes on over "truyền thống"
    ("Nhà hát Nghệ thuật truyền thống Lam Giang được giao những nhiệm vụ gì năm 2027?", ["Lublin", "Hồn sông Lam"]),
    ("Lam Giang đã có kế hoạch quảng bá nghệ thuật truyền thống ra nước ngoài chưa?", ["58/KH-UBND"]),
    # a list of delegations after the signature: each row whole, the country asked found past the decision's lines
    ("Năm 2029 Lam Giang có đoàn nào sang Lào không?", ["Attapeu"]),
    ("Đoàn đi Campuchia năm 2029 của Lam Giang đi ngày nào?", ["20–25/11/2029"]),
    # a total whose line names neither the partner nor the sum's purpose: its section and title do
    ("Kinh phí đón đoàn Tartu của Lam Giang tổng cộng bao nhiêu?", ["40.000.000 đồng"]),
])
def test_answers(store, question, expected):
    assert_answered(store, question, expected)


def test_a_column_of_shares_takes_no_unit_of_its_row(store):
    answer = store.ask("Viện trợ PCPNN cam kết của Lam Giang năm 2026 so với năm 2025 là bao nhiêu phần trăm?")
    assert "137,1 triệu USD" not in answer.answer, answer.answer


def test_a_place_reached_goes_on_with_the_conversations_document(store):
    turns = chat(store, ["Lịch trình Tuần Văn hóa Kỳ Hà tại Ba Lan thế nào?", "ngày nào về tới Hà Nội?"])
    last = turns[-1].answer
    assert last.found and ("Kỳ Hà" in last.answer or "77/TB-SVHTTDL" in last.answer), last.answer
    assert "chưa có kế hoạch nào của Hà Nội" not in last.answer


def test_when_a_thing_is_held_is_no_deadline_of_its_proposal(store):
    turns = chat(store, ["Kế hoạch ngoại giao văn hóa 2031 của Lam Giang có tổ chức liên hoan gì không?", "tổ chức ngày nào?"])
    last = turns[-1].answer
    assert last.found and "14 đến ngày 17 tháng 9 năm 2031" in last.answer, last.answer


def test_a_field_asked_after_one_row_is_that_rows(store):
    turns = chat(store, ["Năm 2029 Lam Giang có đoàn nào sang Lào không?", "ai làm trưởng đoàn, kinh phí bao nhiêu?"])
    last = turns[-1].answer
    assert last.found and "Attapeu" in last.answer and "210" in last.answer, last.answer
