"""A thing a question names in other words than the texts ("kiều bào" for "người Việt Nam ở nước ngoài") is still said."""
from rag.decide.alike import with_alike
from rag.decide.events import unsaid_event

ASKED = "Trước phiên toàn thể của hội nghị kiều bào lần thứ 5, các đại biểu đã mặc niệm tưởng nhớ ai?"


def test_kieu_bao_are_overseas_vietnamese():
    said = "Hội nghị người Việt Nam ở nước ngoài toàn thế giới lần thứ 5 khai mạc tại Hà Nội."
    assert unsaid_event(ASKED, said) is None
    assert "kieu" in with_alike("hoi nghi nguoi viet nam o nuoc ngoai".split())
    assert unsaid_event(ASKED, "Hội nghị xúc tiến đầu tư lần thứ 5 khai mạc tại Hà Nội.") is not None


def test_a_country_asked_is_named_by_the_region_a_rate_is_set_for():
    from rag.decide.places import names_foreign_places

    rates = ["6.000.000 đồng/người/chuyến tại các nước châu Á; 12.000.000 đồng/người/chuyến tại các nước ngoài châu Á."]
    assert names_foreign_places("Sinh viên đi giao lưu ở Nhật Bản được hỗ trợ bao nhiêu?", rates)
    assert names_foreign_places("Sinh viên đi giao lưu ở Pháp được hỗ trợ bao nhiêu?", rates)
    assert not names_foreign_places("Sinh viên đi giao lưu ở Pháp được hỗ trợ bao nhiêu?", ["6.000.000 đồng tại các nước châu Á."])


def test_an_event_named_by_letters_and_its_edition():
    said = "Bảo vệ thành công hồ sơ đăng cai Hội nghị quốc tế về Hang động núi lửa lần thứ 20 năm 2022 (ISV20) tại tỉnh."
    assert unsaid_event("Hội nghị ISV20 mà tỉnh đăng cai là hội nghị quốc tế về chủ đề gì?", said) is None
