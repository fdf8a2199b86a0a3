"""A document asked of a place's council or committee ("Nghị quyết của HĐND tỉnh Vọng Hà …") that no stored text is
from: the store holds nothing of that place, however many of its texts name it."""
from types import SimpleNamespace

from rag.find.scope import _unheld_issuer
from rag.understand.names import parse_query

PLANS = [SimpleNamespace(id="nq-17-sa-ngan")]
FACTS = {"nq-17-sa-ngan": SimpleNamespace(place="Sa Ngàn", issuer_folded="hdnd tinh sa ngan")}


def test_a_document_of_a_place_the_store_holds_none_of():
    asked = parse_query("Nghị quyết của HĐND tỉnh Vọng Hà về hỗ trợ giao lưu văn hóa quy định mức hỗ trợ bao nhiêu?")
    assert _unheld_issuer(asked, PLANS, FACTS) == "Vọng Hà"
    own = parse_query("Nghị quyết của HĐND tỉnh Sa Ngàn về hỗ trợ giao lưu văn hóa quy định mức hỗ trợ bao nhiêu?")
    assert _unheld_issuer(own, PLANS, FACTS) is None


def test_the_province_s_own_committee_unnamed_is_no_place():
    asked = parse_query("Chương trình của UBND tỉnh về nâng cao hiệu quả đối ngoại nhân dân triển khai kế hoạch nào?")
    assert _unheld_issuer(asked, PLANS, FACTS) is None
    typed = parse_query("chuong trinh cua ubnd tinh ve nang cao hieu qua doi ngoai nhan dan trien khai ke hoach nao?")
    assert _unheld_issuer(typed, PLANS, FACTS) is None
