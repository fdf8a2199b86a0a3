"""Over a decision written for these tests: its preamble ("Căn cứ …", "Theo đề nghị …") answers what it rests on, not
whom it disciplines; a line of its own words naming the person does."""
from __future__ import annotations

from tests.rag.conftest import texts_store

DECISION = """ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ
Số: 1402/QĐ-UBND
Vân Khê, ngày 20 tháng 11 năm 2027

QUYẾT ĐỊNH
Về việc thi hành kỷ luật đối với ông Lương Văn Khải

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VÂN KHÊ

Căn cứ Quyết định số 880/QĐ-UBND ngày 03 tháng 6 năm 2027 của Chủ tịch Ủy ban nhân dân tỉnh về việc cử đoàn công tác đi Cộng hòa Séc;
Căn cứ Quyết định số 1290/QĐ-UBND của Chủ tịch Ủy ban nhân dân tỉnh về việc thành lập Hội đồng kỷ luật;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 512/TTr-SNV ngày 15 tháng 11 năm 2027.

QUYẾT ĐỊNH:

Điều 1. Hình thức kỷ luật
Thi hành kỷ luật bằng hình thức khiển trách đối với ông Lương Văn Khải, Phó Giám đốc Sở Ngoại vụ tỉnh Vân Khê, do vi phạm quy chế quản lý đoàn ra.

Điều 2. Thời hạn thi hành kỷ luật
Thời hạn thi hành kỷ luật là 06 tháng kể từ ngày Quyết định này có hiệu lực.

Điều 3. Trách nhiệm thi hành
Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Nội vụ, Ngoại vụ và ông Lương Văn Khải chịu trách nhiệm thi hành Quyết định này.
"""

store = texts_store("preambles", {"van-khe-qd-1402-2027-ky-luat.txt": DECISION})
# (the same decision with a task that tracks the sanction's term: a record whose words the question shares)
TRACKED = DECISION.replace("Điều 3. Trách nhiệm thi hành", "Điều 3. Trách nhiệm của các cơ quan\n1. Sở Nội vụ theo dõi thời hạn "
                           "thi hành kỷ luật, cập nhật hồ sơ cán bộ.\n2. Sở Ngoại vụ rà soát quy chế quản lý đoàn ra.\n\n"
                           "Điều 4. Trách nhiệm thi hành")
tracked = texts_store("preambles-tracked", {"van-khe-qd-1402-2027-ky-luat.txt": TRACKED})


def test_a_decision_s_preamble_does_not_say_whom_it_disciplines(store):
    a = store.ask("Quyết định 1402/QĐ-UBND kỷ luật ai?")
    first = next((line for line in a.answer.split("\n") if line.startswith("- ")), a.answer)  # (after "Theo …:")
    assert a.found and "Lương Văn Khải" in first, a.answer
    grounds = store.ask("Quyết định 1402/QĐ-UBND căn cứ quyết định nào về việc thành lập Hội đồng kỷ luật?")
    assert grounds.found and "1290/QĐ-UBND" in grounds.answer


def test_how_long_a_sanction_lasts_is_read_from_the_line_saying_so_not_a_task_that_tracks_it(tracked):
    a = tracked.ask("thời hạn thi hành kỷ luật bao lâu?")
    assert a.found and "06 tháng" in a.answer
