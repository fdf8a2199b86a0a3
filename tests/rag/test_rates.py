"""A sum asked per month ("bao nhiêu tiền một tháng") is answered by a rate ("… đồng/người/tháng"), never a task's total."""
from ground import vi
from rag.decide.money import rate_unsaid


def test_a_total_is_no_monthly_rate():
    asked = vi.collapse("Mỗi sinh viên Lào nhận học bổng của tỉnh được bao nhiêu tiền một tháng?")
    assert rate_unsaid(asked, "Tiếp nhận sinh viên Lào học tập theo học bổng của tỉnh: kinh phí: 535 triệu đồng.")
    assert rate_unsaid(asked, "Học bổng 3.500.000 đồng/người/tháng, tối đa 10 tháng/năm học.") is None
