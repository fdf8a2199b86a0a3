"""A task or a group of tasks named by its number ("nhiệm vụ số 4", "nv 10", "nhóm II") or its quarter ("quý II/2029"),
on texts written for these tests: a plan whose Phụ lục numbers its tasks under group rows, a Sở's plan that numbers
them in prose, and a plan that lists its tasks under each quarter."""
from __future__ import annotations

import pytest

from tests.rag.conftest import texts_store

pytestmark = pytest.mark.slow

PLAN = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
Số: 58/KH-UBND
Vân Khê, ngày 10 tháng 3 năm 2029

KẾ HOẠCH
Công tác người Việt Nam ở nước ngoài tỉnh Vân Khê giai đoạn 2029 - 2031

I. MỤC ĐÍCH, YÊU CẦU
1. Phát huy nguồn lực kiều bào cho phát triển kinh tế - xã hội của tỉnh.
2. Tổng kinh phí thực hiện Kế hoạch là 6.150 triệu đồng.

II. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ là cơ quan thường trực, tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.

PHỤ LỤC: DANH MỤC NHIỆM VỤ GIAI ĐOẠN 2029 - 2031
| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|
| I | THÔNG TIN, TUYÊN TRUYỀN | | | | |
| 1 | Chuyên mục phát thanh "Vân Khê - Quê nhà" | Báo và Phát thanh, Truyền hình Vân Khê | Sở Ngoại vụ | 2029 - 2031 | 900 |
| 2 | Ấn phẩm giới thiệu tỉnh bằng tiếng Anh và tiếng Pháp | Sở Ngoại vụ | Sở Văn hóa, Thể thao và Du lịch | Năm 2030 | 350 |
| II | KẾT NỐI DOANH NHÂN KIỀU BÀO | | | | |
| 3 | Diễn đàn doanh nhân kiều bào Vân Khê | Sở Tài chính | Sở Ngoại vụ, Hiệp hội Doanh nghiệp tỉnh | Tháng 11/2029 và tháng 11/2031 | 2.800 |
| 4 | Danh bạ trí thức kiều bào theo lĩnh vực | Sở Khoa học và Công nghệ | Sở Ngoại vụ | Trước 30/6/2030 | 400 |
| 5 | Tọa đàm đầu tư trực tuyến với kiều bào tại Úc | Sở Tài chính | Sở Công Thương | Quý II/2030 | 300 |
| III | VĂN HÓA, TIẾNG VIỆT | | | | |
| 6 | Trại hè thanh thiếu niên kiều bào "Về nguồn" | Tỉnh đoàn | Sở Giáo dục và Đào tạo | Tháng 7/2030 | 1.400 |

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đinh Văn Quế
"""

SO_PLAN = """ỦY BAN NHÂN DÂN TỈNH NGÀN SƠN
SỞ NGOẠI VỤ
Số: 21/KH-SNgV
Ngàn Sơn, ngày 05 tháng 02 năm 2029

KẾ HOẠCH
Thực hiện công tác ngoại giao văn hóa của Sở Ngoại vụ năm 2029

Thực hiện Kế hoạch số 14/KH-UBND ngày 09-01-2029 của UBND tỉnh về công tác ngoại giao văn hóa năm 2029, Sở Ngoại vụ
ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH
Triển khai hiệu quả công tác ngoại giao văn hóa của tỉnh trong năm 2029.

II. NHIỆM VỤ CỤ THỂ
Nhiệm vụ số 1. Tổ chức chương trình "Ngày Ngàn Sơn tại Luang Prabang" vào tháng 9/2029. Đơn vị chủ trì: Phòng Hợp tác quốc tế.

Nhiệm vụ số 2. Biên soạn bộ ảnh "Ngàn Sơn - miền di sản" phục vụ các đoàn khách quốc tế, hoàn thành trước 30/6/2029. Đơn vị chủ trì: Phòng Lãnh sự.

Nhiệm vụ số 3. Tổ chức tọa đàm "Ngoại giao văn hóa và du lịch cộng đồng", tháng 12/2029, kinh phí 180 triệu đồng. Đơn vị chủ trì: Văn phòng Sở.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở là đầu mối theo dõi, tổng hợp việc thực hiện Kế hoạch.

GIÁM ĐỐC
Lò Thị Hoa
"""

QUARTERS = """ỦY BAN NHÂN DÂN
TỈNH BẠCH LIỄU
Số: 640/KH-UBND
Bạch Liễu, ngày 22 tháng 12 năm 2028

KẾ HOẠCH
Thông tin đối ngoại tỉnh Bạch Liễu năm 2029

I. MỤC ĐÍCH, YÊU CẦU
1. Bám sát nhiệm vụ chính trị năm 2029 của tỉnh; phân công rõ cơ quan chủ trì theo từng quý.

II. NHIỆM VỤ THEO QUÝ
1. Quý I/2029
a) Tuyên truyền các lễ hội xuân vùng biên (Chủ trì: Sở Văn hóa, Thể thao và Du lịch).
b) Ban hành Quy chế phát ngôn của tỉnh, hoàn thành trước ngày 31/3/2029 (Chủ trì: Văn phòng UBND tỉnh).
2. Quý II/2029
a) Thông tin về Hội chợ biên giới Bạch Liễu 2029 (Chủ trì: Sở Công Thương).
b) Đón đoàn phóng viên nước ngoài (tháng 5/2029) (Chủ trì: Sở Ngoại vụ).
c) Thông tin về công tác phân giới, cắm mốc (Chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh).
3. Quý III/2029
a) Xuất bản ấn phẩm "Bạch Liễu - Cửa ngõ hữu nghị" trước ngày 30/9/2029 (Chủ trì: Sở Ngoại vụ).

III. KINH PHÍ
Tổng kinh phí thực hiện Kế hoạch năm 2029 là 2.150 triệu đồng, gồm:
- Ngân sách tỉnh: 1.900 triệu đồng.
- Nguồn tài trợ, xã hội hóa: 250 triệu đồng (chủ yếu cho ấn phẩm).

CHỦ TỊCH
Vương Đình Lộc
"""

NEWS = """Kế hoạch thông tin đối ngoại tỉnh Hồ Lâm năm 2029

Nhằm nâng cao hiệu quả công tác thông tin đối ngoại, quảng bá hình ảnh tỉnh Hồ Lâm tới bạn bè quốc tế.

Ngày 14/01/2029, Ủy ban nhân dân tỉnh Hồ Lâm ban hành Kế hoạch số 37/KH-UBND về hoạt động thông tin đối ngoại năm 2029, theo đó tập trung triển khai 06 nội dung sau:

  1. Tuyên truyền về thành tựu phát triển kinh tế – xã hội và thu hút đầu tư của tỉnh Hồ Lâm
  2. Tuyên truyền về chủ quyền biển, đảo và đường biên giới của tỉnh
  3. Củng cố đội ngũ cán bộ làm công tác thông tin đối ngoại
  4. Bồi dưỡng kỹ năng phát ngôn cho người đứng đầu các sở, ngành
  5. Xuất bản sách ảnh song ngữ về Hồ Lâm
  6. Cung cấp thông tin cho phóng viên nước ngoài thường trú
"""

MINISTRY = """BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 512/KH-BVHTTDL
Hà Nội, ngày 20 tháng 12 năm 2028

KẾ HOẠCH
Quảng bá văn hóa Việt Nam ở nước ngoài giai đoạn 2029 - 2031

I. NHIỆM VỤ
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian | Kinh phí (triệu đồng) |
|---|---|---|---|---|
| 1 | Tổ chức Tuần phim Việt Nam tại Nam Mỹ | Cục Điện ảnh | 2029 - 2030 | 4.200 |
| 2 | Sơ kết giữa kỳ Kế hoạch | Cục Hợp tác quốc tế | Quý IV/2030 | 600 |

II. KINH PHÍ THEO NĂM
Đơn vị tính: triệu đồng
| Nguồn | Năm 2029 | Năm 2030 | Năm 2031 | Cộng |
|---|---|---|---|---|
| Ngân sách trung ương | 5.100 | 6.300 | 4.900 | 16.300 |
| Xã hội hóa | 900 | 1.200 | 800 | 2.900 |
| Tổng cộng | 6.000 | 7.500 | 5.700 | 19.200 |
"""

store = texts_store("numbered-tasks", {"bvhttdl-kh-512-2028.txt": MINISTRY, "van-khe-kh-58-2029.txt": PLAN, "ngan-son-kh-21-sngv-2029.txt": SO_PLAN,
                                       "bach-lieu-kh-640-2028.txt": QUARTERS, "ho-lam-kh-37-2029-tin.txt": NEWS})


def ask(store, question: str):
    return store.answerer.ask(question)


def test_a_task_named_by_its_number_is_answered_from_that_tasks_record(store):
    answer = ask(store, "Trong phụ lục KH 58 Vân Khê, nhiệm vụ số 4 kinh phí bao nhiêu, làm khi nào?")
    assert answer.found and "Danh bạ trí thức" in answer.answer
    assert "400" in answer.answer and "30/6/2030" in answer.answer
    assert "2.800" not in answer.answer  # another task's money
    whole = ask(store, "kh 58 van khe nv 3 la gi")  # typed without tone marks, no field asked: the whole record
    assert whole.found and "Diễn đàn doanh nhân" in whole.answer
    assert "Sở Tài chính" in whole.answer and "2.800" in whole.answer


def test_a_group_named_by_its_number_lists_its_tasks(store):
    answer = ask(store, "Phụ lục KH 58 của Vân Khê, nhóm II có những nhiệm vụ nào?")
    assert answer.found and "có 3 nhiệm vụ" in answer.answer
    assert all(t in answer.answer for t in ("Diễn đàn doanh nhân", "Danh bạ trí thức", "Tọa đàm đầu tư"))
    assert "Trại hè" not in answer.answer and "Chuyên mục phát thanh" not in answer.answer


def test_a_task_a_plan_numbers_in_prose_is_read_from_its_line(store):
    answer = ask(store, "kh 21 so ngoai vu ngan son nhiem vu so 3 het bao nhieu tien")
    assert answer.found and "180 triệu đồng" in answer.answer and "Văn phòng Sở" in answer.answer
    assert "Luang Prabang" not in answer.answer


def test_a_number_the_plan_gives_no_task_is_not_answered_with_another(store):
    answer = ask(store, "Kế hoạch 58/KH-UBND Vân Khê nhiệm vụ số 9 do ai chủ trì?")
    assert "Nhiệm vụ 9" not in answer.answer and "Nhiệm vụ 4" not in answer.answer


def test_a_quarter_asked_is_answered_with_the_tasks_under_its_heading(store):
    answer = ask(store, "Quý II/2029 tỉnh Bạch Liễu có những nhiệm vụ thông tin đối ngoại nào?")
    assert answer.found and all(t in answer.answer for t in ("Hội chợ biên giới", "phóng viên", "phân giới"))
    assert "lễ hội xuân" not in answer.answer and "Bám sát" not in answer.answer
    unaccented = ask(store, "kh 640 bach lieu quy 1 lam nhung viec gi")
    assert unaccented.found and "Quy chế phát ngôn" in unaccented.answer and "Hội chợ" not in unaccented.answer


def test_tasks_grouped_under_quarters_are_counted_not_the_quarters(store):
    answer = ask(store, "Kế hoạch thông tin đối ngoại 2029 của Bạch Liễu có bao nhiêu nhiệm vụ?")
    assert answer.found and "6 nhiệm vụ" in answer.answer


def test_the_document_a_plan_carries_out_is_named_with_its_date_as_written(store):
    answer = ask(store, "KH 21 Sở Ngoại vụ Ngàn Sơn thực hiện kế hoạch nào của tỉnh?")
    assert answer.found and "Kế hoạch số 14/KH-UBND ngày 09-01-2029" in answer.answer


def test_a_sections_lead_stating_the_sum_leads_its_parts(store):
    answer = ask(store, "kinh phi kh 640 bach lieu")
    assert answer.found and "2.150 triệu đồng" in answer.answer and "1.900 triệu đồng" in answer.answer


def test_an_item_asked_by_its_place_is_counted_from_the_line_announcing_the_list(store):
    # each numbered line of the short page is read as a heading of its own passage
    answer = ask(store, "Nội dung thứ 3 trong KH 37/KH-UBND của Hồ Lâm là gì?")
    assert answer.found and "Củng cố đội ngũ" in answer.answer and "Tuyên truyền" not in answer.answer
    fifth = ask(store, "kh 37 ho lam noi dung thu 5 la gi")
    assert fifth.found and "sách ảnh song ngữ" in fifth.answer and "phát ngôn" not in fifth.answer


def test_the_items_announced_are_listed_though_each_is_a_heading(store):
    answer = ask(store, "KH 37 Hồ Lâm có những nội dung nào?")
    assert answer.found and "thành tựu phát triển" in answer.answer and "chủ quyền biển" in answer.answer


def test_two_yes_no_clauses_are_each_answered(store):
    answer = ask(store, "kh 37 ho lam co noi dung ve chu quyen bien dao ko, va co noi dung ve sach anh ko")
    assert answer.found and "chủ quyền biển" in answer.answer and "sách ảnh" in answer.answer


def test_a_years_sum_is_read_from_the_line_keying_that_year_not_a_tasks_time(store):
    answer = ask(store, "kinh phi nam 2030 cua ke hoach 512 bo vhttdl la bao nhieu")
    assert answer.found and "7.500" in answer.answer

