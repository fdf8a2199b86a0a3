"""Over two pages written for these tests about two races of one province: a question naming one race by its foreign
name ("Discovery") is answered from the page that writes that name, though the other race's page says "cự ly" in
the question's words."""
from __future__ import annotations

from tests.rag.conftest import texts_store

TRAIL = """Van Khe Discovery Trail 2026: Đường chạy giữa núi rừng

Ngày 5/3, Sở Văn hóa và Thể thao tỉnh Vân Khê cho biết giải Van Khe Discovery Trail 2026 sẽ diễn ra ngày 21-22/3.
Hiện có gần 1.500 vận động viên (VĐV) đăng ký và tranh tài ở 4 nội dung: cự ly 55 km, 30 km, 15 km và 7 km.
Giải thu hút vận động viên quốc tế, góp phần quảng bá du lịch tỉnh với du khách nước ngoài.
Van Khe Discovery Trail 2026 là một trong những hoạt động mở đầu mùa du lịch của tỉnh Vân Khê năm 2026, giải còn tạo sân chơi lành mạnh, hấp dẫn cho những người yêu chạy bộ trong và ngoài tỉnh, thúc đẩy phong trào luyện tập thể dục thể thao ngày càng phát triển rộng khắp ở các xã vùng cao và gây quỹ học bổng tặng cho những học sinh nghèo vượt khó trên địa bàn các huyện biên giới của tỉnh.
"""

MARATHON = """Van Khe International Marathon 2027 khởi động với hơn 3.000 VĐV

Sáng 28/7, Van Khe International Marathon 2027 đã chính thức khởi động tại quảng trường trung tâm tỉnh Vân Khê với sự
tham gia của hơn 3.000 VĐV, trong đó 30% là VĐV của tỉnh.
Giải diễn ra với 4 cự ly: 5km, 10km, 21km và 42km, đều xuất phát từ quảng trường trung tâm.
Tham gia giải có hơn 70 vận động viên nước ngoài đến từ Nhật Bản, Hàn Quốc và Ấn Độ.
"""

BORDER = """Ra mắt Đại diện biên giới đoạn 4 tuyến biên giới Việt Nam - Trung Quốc

Lễ ra mắt Đại diện biên giới đoạn 4 dựa trên Thông báo của Phân ban Việt Nam trong Ủy ban liên hợp biên giới trên đất \
liền Việt Nam - Trung Quốc, thông báo ý kiến của Thủ tướng Chính phủ, đồng ý với kiến nghị của Bộ Quốc phòng cử các Phó Chỉ huy trưởng Tham mưu tác chiến Bộ đội Biên phòng 7 tỉnh biên \
giới phía Bắc làm Đại diện biên giới các đoạn 1, 2, 3, 4, 5, 7, 8 và Phó Chỉ huy trưởng nghiệp vụ Bộ đội Biên phòng \
tỉnh Cao Bằng làm Đại diện biên giới đoạn 6.
Chủ tịch Ủy ban nhân dân tỉnh Sa Ngàn Lò Văn Bình đã ký Quyết định thành lập Bộ phận giúp việc cho Đại diện biên giới \
đoạn 4, góp phần xây dựng biên giới hòa bình, hữu nghị, hợp tác và phát triển với nước bạn.
"""

CEREMONY = """Lễ đón bằng UNESCO ghi danh nghệ thuật hát Then Vân Khê là di sản văn hóa phi vật thể sẽ diễn ra vào ngày 8/6 tại \
quảng trường Ba Tháp, tỉnh Vân Khê

Với những giá trị văn hóa đặc sắc được cộng đồng gìn giữ, tháng 12 vừa qua, nghệ thuật hát Then Vân Khê đã được tổ chức \
UNESCO ghi danh vào danh sách di sản văn hóa phi vật thể đại diện của nhân loại, góp phần quảng bá văn hóa ra quốc tế.
Từ hàng trăm năm trước, loại hình này đã được tổ chức thường xuyên ở các bản làng vùng cao vào dịp lễ hội mùa xuân.
Nghệ thuật hát Then sẽ đón bằng của UNESCO vào ngày 8/6, tại quảng trường Ba Tháp, với sự tham dự của khách quốc tế.
"""

GOALS = """Đẩy mạnh quảng bá giá trị văn hóa đặc trưng của tỉnh Sa Ngàn ra nước ngoài

UBND tỉnh Sa Ngàn vừa ban hành kế hoạch triển khai Chiến lược văn hóa đối ngoại trên địa bàn tỉnh đến năm 2025, tầm nhìn \
đến năm 2030.
Theo đó, mục tiêu cụ thể đến năm 2025 sẽ phát triển những loại hình, phương thức hoạt động văn hóa đối ngoại đa dạng, \
hiệu quả để giới thiệu bản sắc văn hóa của các dân tộc tỉnh Sa Ngàn ra thế giới thông qua giao lưu văn hóa nghệ thuật.
Đến năm 2030, duy trì và đưa các quan hệ quốc tế về văn hóa đã được thiết lập đi vào chiều sâu; xây dựng biểu tượng văn \
hóa của tỉnh mang thương hiệu quốc tế.
"""

store = texts_store("named-events", {
    "van-khe-discovery-trail-2026-tin.txt": TRAIL,
    "van-khe-international-marathon-2027-tin.txt": MARATHON,
    "sa-ngan-dai-dien-bien-gioi-doan-4-tin.txt": BORDER,
    "van-khe-le-don-bang-unesco-hat-then-tin.txt": CEREMONY,
    "sa-ngan-van-hoa-doi-ngoai-2030-tin.txt": GOALS,
})


def test_a_race_asked_by_its_foreign_name_is_answered_from_its_own_page(store):
    a = store.ask("discovery trail 2026 o van khe co nhung cu ly nao?")
    assert a.found and "55 km" in a.answer and "42km" not in a.answer
    assert "discovery" in a.citations[0].source


def test_a_long_line_of_a_news_page_is_shown_where_the_question_s_own_words_stand(store):
    # the headline's words open the line; the clause that answers is the one holding "gây quỹ"
    a = store.ask("Giải Van Khe Discovery Trail 2026 gây quỹ cho việc gì?")
    assert a.found and "học bổng" in a.answer


def test_an_item_asked_by_its_number_is_answered_where_the_line_names_it(store):
    # "đoạn 6": the line giving each segment's representative, shown where it names the sixth, not the line of "đoạn 4"
    a = store.ask("Ai được cử làm Đại diện biên giới đoạn 6 trên tuyến Việt - Trung?")
    assert a.found and "nghiệp vụ" in a.answer.split("\n")[1] and "Cao Bằng" in a.answer


def test_where_an_event_a_page_is_titled_for_takes_place_is_its_venue_not_where_the_words_held_it(store):
    # "tổ chức ở đâu": that the event takes place is asked; "được tổ chức … ở các bản làng" speaks of something else
    a = store.ask("Lễ đón bằng UNESCO cho nghệ thuật hát Then tổ chức ở đâu?")
    assert a.found and "Ba Tháp" in a.answer


def test_a_short_form_one_page_defines_counts_the_same_people_on_another(store):
    # "VĐV" is "vận động viên" on the trail's page; the marathon's page writes only "3.000 VĐV"
    a = store.ask("Giải Van Khe International Marathon 2027 có bao nhiêu VĐV tham gia?")
    assert a.found and "3.000" in a.answer


def test_the_goals_asked_for_a_year_are_the_line_setting_that_year_s(store):
    # "mục tiêu … đến năm 2030": not the line of the 2025 goals, though it says "mục tiêu"
    a = store.ask("Kế hoạch văn hóa đối ngoại của Sa Ngàn đặt mục tiêu gì đến năm 2030?")
    assert a.found and "chiều sâu" in a.answer
