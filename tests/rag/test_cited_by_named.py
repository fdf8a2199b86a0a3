"""Over a decision written for these tests: "căn cứ những nghị định nào … trong Quyết định 45/QĐ-UBND?" names the stored
decision and asks the decrees it cites, each named, as the same question without the decision's number is answered."""
from __future__ import annotations

from tests.rag.conftest import texts_store

DECISION = """ỦY BAN NHÂN DÂN TỈNH SA NGÀN
Số: 45/QĐ-UBND
Sa Ngàn, ngày 18 tháng 01 năm 2027

QUYẾT ĐỊNH
Về việc công bố thủ tục hành chính mới trong lĩnh vực hợp tác quốc tế thuộc thẩm quyền của Sở Ngoại vụ

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SA NGÀN

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số
48/2013/NĐ-CP ngày 14/5/2013 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ
tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định
liên quan đến kiểm soát thủ tục hành chính;
Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Văn phòng Chính phủ hướng dẫn nghiệp vụ về kiểm soát thủ tục
hành chính;
Xét đề nghị của Giám đốc Sở Ngoại vụ,

QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này 02 thủ tục hành chính trong lĩnh vực hợp tác quốc tế.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
"""

store = texts_store("cited-by-named", {"sa-ngan-qd-45-2027-cong-bo-thu-tuc-hanh-chinh.txt": DECISION})


def test_the_decrees_a_named_decision_cites(store):
    a = store.ask("Căn cứ những nghị định nào về kiểm soát thủ tục hành chính trong Quyết định 45/QĐ-UBND của Sa Ngàn?")
    assert a.found
    assert all(n in a.answer for n in ("63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP"))


def test_a_ground_named_by_its_title_is_read_up_to_the_fact_asked():
    from rag.compose.cited import _GROUND_NAMED

    m = _GROUND_NAMED.search("quyet dinh 2026/qd-ttg can cu luat di san van hoa ban hanh ngay nao")
    assert m is not None and m.group(1) == "luat di san van hoa"
    assert _GROUND_NAMED.search("quyet dinh nay can cu nghi dinh so may") is None  # a number asked: no title named
