"""A ward's plan for receiving a delegation with its programme by the hour under each day, a joint regulation of two
departments in chapters and articles signed by both heads, and a review's target blocks with their shares — texts
written for these tests."""
from __future__ import annotations

import pytest

from ingest.schedule_tables import schedule_tables
from rag.dialogue.frames import swapped_day
from tests.rag.conftest import chat, texts_store

WARD_PLAN = """ỦY BAN NHÂN DÂN
PHƯỜNG TRÚC LÂM
Số: 41/KH-UBND                                  Trúc Lâm, ngày 02 tháng 3 năm 2027

KẾ HOẠCH
Đón tiếp Đoàn đại biểu thành phố Obama (Nhật Bản) thăm phường Trúc Lâm

I. MỤC ĐÍCH, YÊU CẦU
Tăng cường quan hệ hữu nghị giữa phường Trúc Lâm và thành phố Obama; đón tiếp chu đáo, an toàn, tiết kiệm.

II. CHƯƠNG TRÌNH ĐÓN TIẾP
Ngày 20/3/2027 (Thứ Bảy)
| Thời gian | Nội dung | Địa điểm | Phụ trách |
| 08h00 - 09h30 | Hội đàm, ký biên bản ghi nhớ | Hội trường UBND phường | Văn phòng UBND phường |
| 10h00 - 11h30 | Thăm Trường Tiểu học Trúc Lâm | Trường Tiểu học Trúc Lâm | Phòng Văn hóa - Xã hội |
| 14h00 - 16h00 | Tham quan làng nghề mây tre đan | Làng mây tre Trúc Lâm | Phòng Kinh tế |

Ngày 21/3/2027 (Chủ Nhật)
| Thời gian | Nội dung | Địa điểm | Phụ trách |
| 08h00 - 10h00 | Thăm hợp tác xã chè hữu cơ | Hợp tác xã Chè Trúc Lâm | Phòng Kinh tế |
| 10h30 - 11h30 | Chào xã giao Sở Ngoại vụ | Trụ sở Sở Ngoại vụ | Văn phòng UBND phường |

III. KINH PHÍ
Tổng kinh phí: 96.000.000 đồng từ ngân sách phường năm 2027.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hà Minh Tâm
"""

REGULATION = """SỞ NGOẠI VỤ TỈNH VÂN ĐÀI                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH              Độc lập - Tự do - Hạnh phúc
Số: 03/QCPH-SNgV-SVHTTDL                     Vân Đài, ngày 10 tháng 5 năm 2027

QUY CHẾ PHỐI HỢP
về công tác thông tin đối ngoại giữa Sở Ngoại vụ và Sở Văn hóa, Thể thao và Du lịch tỉnh Vân Đài

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp giữa hai Sở trong công tác thông tin đối ngoại.

Điều 2. Nguyên tắc phối hợp
Phối hợp thường xuyên, kịp thời, đúng chức năng của mỗi Sở.

Chương II
NỘI DUNG PHỐI HỢP

Điều 3. Trao đổi thông tin
Sở Văn hóa, Thể thao và Du lịch gửi lịch sự kiện có yếu tố nước ngoài cho Sở Ngoại vụ trước ngày 25 hằng tháng.

Điều 4. Đón phóng viên nước ngoài
Sở Ngoại vụ thông báo cho Sở Văn hóa, Thể thao và Du lịch trước 05 ngày làm việc khi có phóng viên nước ngoài đến tỉnh.

Chương III
TỔ CHỨC THỰC HIỆN

Điều 5. Hiệu lực
Quy chế này có hiệu lực kể từ ngày ký.

GIÁM ĐỐC                                          GIÁM ĐỐC
SỞ NGOẠI VỤ                                       SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
(Đã ký)                                           (Đã ký)

Lê Thị Hồng Vân                                   Đặng Quốc Khánh

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
"""

store = texts_store("programmes", {"truc-lam-kh-41-2027.txt": WARD_PLAN, "van-dai-qcph-03-2027.txt": REGULATION})


def test_a_programme_table_reads_one_line_per_row_under_its_day():
    text = schedule_tables(WARD_PLAN)
    assert "Ngày 20/3/2027 (Thứ Bảy), 10h00 - 11h30: Thăm Trường Tiểu học Trúc Lâm; địa điểm: Trường Tiểu học Trúc " \
           "Lâm; phụ trách: Phòng Văn hóa - Xã hội." in text
    assert "Ngày 21/3/2027 (Chủ Nhật), 08h00 - 10h00: Thăm hợp tác xã chè hữu cơ" in text
    assert schedule_tables("| Năm | Nội dung |\n| 2027 | Hội nghị |\n| 2028 | Hội thảo |") == \
        "| Năm | Nội dung |\n| 2027 | Hội nghị |\n| 2028 | Hội thảo |"  # no hours: no programme


def test_another_day_asks_the_same_of_that_day():
    assert swapped_day("còn ngày 21/3 thì sao?", "Ngày 20/3/2027 đoàn đi thăm những đâu?") == \
        "Ngày 21/3/2027 đoàn đi thăm những đâu?"
    assert swapped_day("còn Sở Y tế thì sao?", "Ngày 20/3/2027 đoàn đi thăm những đâu?") is None


@pytest.mark.slow
def test_a_day_asked_is_answered_with_every_row_of_that_day(store):
    turns = chat(store, ["Ngày 20/3/2027 đoàn Obama đi thăm những đâu?", "còn ngày 21/3 thì sao?"])
    first, second = turns[0].answer.answer, turns[1].answer.answer
    assert "Trường Tiểu học Trúc Lâm" in first and "làng nghề mây tre đan" in first and "chè hữu cơ" not in first
    assert "chè hữu cơ" in second and "Chào xã giao Sở Ngoại vụ" in second


@pytest.mark.slow
def test_a_joint_regulation_is_signed_by_both_heads_and_counted_by_its_headings(store):
    signed = store.answerer.ask("Quy chế phối hợp 03/QCPH-SNgV-SVHTTDL do ai ký?")
    assert "Lê Thị Hồng Vân" in signed.answer and "Đặng Quốc Khánh" in signed.answer
    counted = store.answerer.ask("Quy chế 03/QCPH-SNgV-SVHTTDL có mấy chương, bao nhiêu điều?")
    assert "3 chương" in counted.answer and "Chương III" in counted.answer
    assert "5 điều" in counted.answer and "Điều 5" in counted.answer


@pytest.mark.slow
def test_a_numbered_heading_asked_is_answered_by_the_body_under_it(store):
    answer = store.answerer.ask("Điều 4 quy chế 03/QCPH-SNgV-SVHTTDL nói gì về đón phóng viên nước ngoài?")
    assert "05 ngày làm việc" in answer.answer


def test_the_day_after_or_before_asks_the_same_of_that_day():
    assert swapped_day("Hôm sau thì sao?", "Ngày 31/3/2027 đoàn đi thăm những đâu?") == "Ngày 1/4/2027 đoàn đi thăm những đâu?"
    assert swapped_day("con hom truoc?", "ngay 1/3 doan lam gi") == "ngay 28/2 doan lam gi"
    assert swapped_day("ngày tiếp theo thì sao?", "Đoàn làm gì ở Vienna?") is None  # no day asked before


def test_a_day_written_on_one_line_after_its_label_is_that_days_programme():
    from rag.compose.programme import day_items
    from vectorstore.records import StoredChunk

    text = ("III. CHƯƠNG TRÌNH THEO NGÀY\nNgày thứ ba (Thứ Ba, 14/9/2027): 09h00 Hội thảo điểm đến; 15h00 đi tàu.\n"
            "Ngày thứ tư (Thứ Tư, 15/9/2027): 09h00 chào xã giao; 18h30 Lễ khai mạc tại Quảng trường Rynek.\n")
    chunk = StoredChunk("c1", "p1", "v", 0, "III. CHƯƠNG TRÌNH THEO NGÀY", text, "p.txt", 0, len(text))

    class Plans:  # the one method day_items reads
        def chunks(self, plan_id: str) -> list[StoredChunk]:
            return [chunk]

    (point,) = day_items("Ngày 15/9/2027 đoàn làm gì?", "p1", Plans())  # type: ignore[arg-type]
    assert "Rynek" in point.text and "Hội thảo" not in point.text
