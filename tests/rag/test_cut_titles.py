"""Over two pages written for these tests about one geopark: a page without a headline is titled by its first sentence,
cut short before the park's name, so the other page's title alone naming the park singles out no text; "thứ mấy"
is answered by the line ranking the park ("đầu tiên … và thứ hai …")."""
from __future__ import annotations

from tests.rag.conftest import texts_store

PRESS = """Cùng với Vịnh Hạ Long, Cao nguyên đá Mã Pì (Sa Ngàn) sẽ trở thành một hình tượng mới quảng bá Việt Nam

Đó là nhận định của đại diện UNESCO tại buổi họp báo quốc tế chiều 8/10.
Tại phiên họp ngày 3/10/2012 của Hội nghị các công viên địa chất châu Âu lần thứ 11 tại Na Uy, mạng lưới toàn cầu các
công viên địa chất đã chính thức công nhận cao nguyên đá Mã Pì thuộc tỉnh Sa Ngàn là thành viên.
"""

CEREMONY = """Ngày 28/10, tại huyện Mã Pì, tỉnh Sa Ngàn tổ chức Lễ đón nhận danh hiệu Thành viên mạng lưới Công viên Địa chất Toàn cầu UNESCO Cao nguyên Đá Mã Pì lần thứ III.
Ngày 3/10/2012, Cao nguyên Đá Mã Pì (Sa Ngàn) trở thành Công viên Địa chất UNESCO đầu tiên của Việt Nam và thứ hai ở Đông Nam Á.
Năm 2016 và năm 2020, UNESCO đã tái công nhận Cao nguyên Đá Mã Pì là thành viên của mạng lưới.
Cao nguyên Đá Mã Pì trải rộng qua 3 huyện Quản Sơn, Yên Lũng và Mã Pì của tỉnh Sa Ngàn.
"""

store = texts_store("cut-titles", {
    "sa-ngan-hop-bao-cao-nguyen-da-ma-pi-tin.txt": PRESS,
    "sa-ngan-le-don-nhan-cong-vien-dia-chat-lan-3-tin.txt": CEREMONY,
})


def test_thu_may_is_answered_by_the_line_ranking_the_thing(store):
    a = store.ask("Cao nguyen da Ma Pi la cong vien dia chat UNESCO thu may cua Viet Nam?")
    assert a.found and "đầu tiên" in a.answer
    assert "le-don" in a.citations[0].source
