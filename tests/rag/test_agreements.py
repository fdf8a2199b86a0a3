"""A plan carrying out an agreement (a memorandum of a joint committee's meeting), written for these tests: the
agreement's own date and place answer "Bản ghi nhớ … ký ngày nào", not the plan's date; another meeting's memorandum
is refused, though the sentence shown is cut before the meeting's number."""
from __future__ import annotations

import pytest

from ground.config import Settings
from ngvh.services import Services

PLAN = """Kế hoạch triển khai thực hiện Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác giữa 3 tỉnh Lai Châu, Điện Khê, Mường Tè (Việt Nam) với tỉnh Phông Xa Lỳ (Lào)

Ngày 12/6, UBND tỉnh đã ban hành Kế hoạch số 842/KH-UBND triển khai thực hiện Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác giữa 3 tỉnh Lai Châu, Điện Khê, Mường Tè (Việt Nam) với tỉnh Phông Xa Lỳ (Lào).

Kế hoạch cụ thể hóa và triển khai thực hiện có hiệu quả, đồng bộ, thiết thực Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác giữa 3 tỉnh Lai Châu, Điện Khê, Mường Tè (nước Cộng hòa xã hội chủ nghĩa Việt Nam) với tỉnh Phông Xa Lỳ (nước Cộng hòa Dân chủ Nhân dân Lào) về hợp tác toàn diện trong giai đoạn mới ký ngày 18/3/2026 tại thành phố Phông Xa Lỳ, Lào. Tăng cường giao lưu, hợp tác toàn diện, thiết thực trên tất cả các lĩnh vực giữa tỉnh Lai Châu và tỉnh Phông Xa Lỳ góp phần xây dựng biên giới hòa bình, ổn định, hữu nghị và phát triển.

Kế hoạch gồm 6 nội dung: hợp tác giáo dục; hợp tác y tế; giao lưu văn hóa, thể thao; thương mại biên giới; quản lý
biên giới; đào tạo cán bộ.
"""


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Services:
    folder = tmp_path_factory.mktemp("agreements")
    (folder / "laichau-kh-842-ban-ghi-nho-hua-phan-tin.txt").write_text(PLAN, encoding="utf-8")
    services = Services(Settings(data_dir=folder / "store"))
    assert services.ingest_paths([folder]).ok
    return services


def test_the_memorandum_asked_is_dated_by_its_own_sentence_not_by_the_plan(stored):
    answer = stored.answerer.answer("Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác được ký ngày nào, ở thành phố nào?")[0]
    assert answer.found and "18/3/2026" in answer.answer and "thành phố Phông Xa Lỳ" in answer.answer, answer.answer
    assert "12/6" not in answer.answer  # the plan's own date is not the memorandum's


def test_another_meetings_memorandum_is_refused(stored):
    answer = stored.answerer.answer("Bản ghi nhớ Hội nghị lần thứ 6 Ủy ban hợp tác 3 tỉnh với Phông Xa Lỳ được ký ở đâu, ngày nào?")[0]
    assert not answer.found and not answer.citations, answer.answer
