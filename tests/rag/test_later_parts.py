"""Over a plan written for these tests: a later part of a question asking a fact of the plan the first part asked of
("… ban hành ngày nào và áp dụng cho giai đoạn nào?") is that plan's own fact, not a line sharing its words; who does a
task given to a body as "phối hợp" is that body."""
from __future__ import annotations

from tests.rag.conftest import texts_store

PLAN = """ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ
Số: 58/KH-UBND
Vân Khê, ngày 12 tháng 3 năm 2027

KẾ HOẠCH
Bồi dưỡng ngoại ngữ cho cán bộ làm công tác đối ngoại tỉnh Vân Khê giai đoạn 2027 - 2029

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao trình độ ngoại ngữ của cán bộ, công chức làm công tác đối ngoại, hợp tác quốc tế của tỉnh.

II. ĐỐI TƯỢNG, PHẠM VI ÁP DỤNG
Cán bộ, công chức các sở, ngành làm công tác đối ngoại. Không áp dụng đối với người đã đủ 55 tuổi (nữ) và 57 tuổi
(nam) tính đến ngày 31/12 của năm cử đi học.

III. NỘI DUNG
Mỗi năm mở 02 lớp tiếng Anh và 01 lớp tiếng Lào tại Trường Chính trị tỉnh; Sở Ngoại vụ chủ trì tổ chức.

IV. TỔ CHỨC THỰC HIỆN
1. Sở Ngoại vụ
Chủ trì triển khai Kế hoạch; tổng hợp danh sách học viên hằng năm.

2. Sở Giáo dục và Đào tạo
Phối hợp với Trường Đại học Vân Khê tổ chức kỳ thi đánh giá năng lực ngoại ngữ cuối khóa bảo đảm khách quan.
"""

store = texts_store("later-parts", {"van-khe-kh-58-2027-boi-duong-ngoai-ngu.txt": PLAN})


def test_a_later_part_asking_the_period_is_the_plan_s_own_period(store):
    a = store.ask("Kế hoạch bồi dưỡng ngoại ngữ cán bộ đối ngoại của tỉnh Vân Khê ban hành ngày nào và áp dụng cho giai đoạn nào?")
    assert a.found and "12/3/2027" in a.answer and "2027 - 2029" in a.answer and "55 tuổi" not in a.answer


def test_who_runs_a_task_given_to_a_body_to_do_with_another_is_that_body(store):
    a = store.ask("Ai tổ chức kỳ thi đánh giá năng lực ngoại ngữ cuối khóa theo KH 58?")
    assert a.found and "Sở Giáo dục và Đào tạo" in a.answer
