"""Over two pages written for these tests about two races of one province: a question naming one race by its foreign
name ("Discovery") is answered from the page that writes that name, though the other race's page says "cự ly" in
the question's words."""
from __future__ import annotations

from tests.rag.conftest import texts_store

TRAIL = """Van Khe Discovery Trail 2026: Đường chạy giữa núi rừng

Ngày 5/3, Sở Văn hóa và Thể thao tỉnh Vân Khê cho biết giải Van Khe Discovery Trail 2026 sẽ diễn ra ngày 21-22/3.
Hiện có gần 1.500 vận động viên đăng ký và tranh tài ở 4 nội dung: cự ly 55 km, 30 km, 15 km và 7 km.
Giải thu hút vận động viên quốc tế, góp phần quảng bá du lịch tỉnh với du khách nước ngoài và gây quỹ học bổng.
"""

MARATHON = """Van Khe International Marathon 2027 khởi động với hơn 3.000 vận động viên

Sáng 28/7, Van Khe International Marathon 2027 đã chính thức khởi động tại quảng trường trung tâm tỉnh Vân Khê.
Giải diễn ra với 4 cự ly: 5km, 10km, 21km và 42km, đều xuất phát từ quảng trường trung tâm.
Tham gia giải có hơn 70 vận động viên nước ngoài đến từ Nhật Bản, Hàn Quốc và Ấn Độ.
"""

store = texts_store("named-events", {
    "van-khe-discovery-trail-2026-tin.txt": TRAIL,
    "van-khe-international-marathon-2027-tin.txt": MARATHON,
})


def test_a_race_asked_by_its_foreign_name_is_answered_from_its_own_page(store):
    a = store.ask("discovery trail 2026 o van khe co nhung cu ly nao?")
    assert a.found and "55 km" in a.answer and "42km" not in a.answer
    assert "discovery" in a.citations[0].source
