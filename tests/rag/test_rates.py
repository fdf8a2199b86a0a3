"""A sum asked per month ("bao nhiêu tiền một tháng") is answered by a rate ("… đồng/người/tháng"), never a task's total;
a lunar day asked by a lunar date, never a solar month."""
from ground import vi
from rag.decide.money import rate_unsaid


def test_a_total_is_no_monthly_rate():
    asked = vi.collapse("Mỗi sinh viên Lào nhận học bổng của tỉnh được bao nhiêu tiền một tháng?")
    assert rate_unsaid(asked, "Tiếp nhận sinh viên Lào học tập theo học bổng của tỉnh: kinh phí: 535 triệu đồng.")
    assert rate_unsaid(asked, "Học bổng 3.500.000 đồng/người/tháng, tối đa 10 tháng/năm học.") is None


def test_a_lunar_day_asked_is_no_solar_month():
    from rag.decide.kinds import lunar_unsaid

    asked = "Lễ hội Đền Kim Ấn năm 2029 tổ chức vào ngày mấy âm lịch?"
    assert lunar_unsaid(asked, "Lễ hội Đền Kim Ấn có hoạt động giao lưu quốc tế: thời gian: Tháng 3/2029.")
    assert lunar_unsaid(asked, "Lễ hội diễn ra ngày mùng 6 tháng Giêng âm lịch hằng năm.") is None
    assert lunar_unsaid("le hoi den kim an to chuc ngay may am lich?", "Thời gian: Tháng 3/2029.")
    # "du lịch, ẩm thực" folds to "lich am": no lunar day asked
    assert lunar_unsaid("Lễ hội Văn hóa, du lịch, ẩm thực quốc tế lần thứ I khai mạc ở đâu?", "Tại Quảng trường 26.3.") is None
