"""A report's table by country (its rows carry the caption's words, not the question's) and a chat that swaps the
country asked, typed plainly ("con o My?"): a text written for these tests."""
from __future__ import annotations

import pytest

from rag.understand.named import find_entities
from tests.rag.conftest import chat, texts_store

pytestmark = pytest.mark.slow

REPORT = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 207/BC-UBND
Vân Khê, ngày 02 tháng 12 năm 2027

BÁO CÁO
Kết quả công tác đối với người Việt Nam ở nước ngoài năm 2027

I. TÌNH HÌNH NGƯỜI VIỆT NAM Ở NƯỚC NGOÀI CÓ NGUỒN GỐC TỪ TỈNH
1. Số lượng, phân bố
Đến tháng 11/2027 có khoảng 21.400 người Việt Nam ở nước ngoài có nguồn gốc từ tỉnh Vân Khê, sinh sống tại 29 quốc
gia và vùng lãnh thổ.

| STT | Quốc gia | Số người (ước tính) | Ghi chú |
| 1 | Hàn Quốc | 6.120 | Chủ yếu lao động và du học sinh |
| 2 | Nhật Bản | 5.340 | Thực tập sinh kỹ năng |
| 3 | Hoa Kỳ | 3.870 | Tập trung tại Texas |
| 4 | Đức | 1.960 | Tập trung tại Dresden |
| 5 | Lào | 880 | |
| 6 | 24 quốc gia, vùng lãnh thổ khác | 3.230 | |
| | Tổng cộng | 21.400 | |

2. Đầu tư, kinh doanh
Lũy kế đến hết năm 2027, trên địa bàn tỉnh có 17 dự án của kiều bào còn hiệu lực, tổng vốn đăng ký 64 triệu USD.
Kiều bào ủng hộ 7,2 tỷ đồng cho các hoạt động an sinh xã hội, xây dựng 11 nhà đại đoàn kết.
Có 03 dự án của kiều bào chậm tiến độ do vướng mắc về mặt bằng.

II. PHƯƠNG HƯỚNG NĂM 2028
Tổ chức gặp mặt kiều bào đầu Xuân; thu hút ít nhất 03 dự án mới của kiều bào.

Nơi nhận:
- Bộ Ngoại giao;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hà Minh Đạo
"""


stored = texts_store("country-rows", {"van-khe-bc-207-2027-nguoi-viet-nam-o-nuoc-ngoai.txt": REPORT})


def test_a_country_asked_is_answered_from_its_row_not_a_sentence_of_the_report_words(stored):
    answer = stored.ask("Theo báo cáo 207 của Vân Khê, kiều bào của tỉnh ở Đức có bao nhiêu người?")
    assert answer.found and "1.960" in answer.answer, answer.answer


def test_a_chat_swaps_the_country_typed_plainly_and_refuses_one_the_table_lacks(stored):
    germany, america, laos, russia = chat(stored, [
        "Theo báo cáo 207 của Vân Khê, kiều bào của tỉnh ở Đức có bao nhiêu người?", "con o My?", "thế còn Lào?",
        "ở Nga thì bao nhiêu?"])
    assert "1.960" in germany.answer.answer
    assert america.answer.found and "3.870" in america.answer.answer, (america.understood, america.answer.answer)
    assert laos.answer.found and "880 người" in laos.answer.answer, (laos.understood, laos.answer.answer)
    assert not russia.answer.found and not russia.answer.citations, russia.answer.answer


@pytest.mark.parametrize(("text", "country"), [("con o My?", "Hoa Kỳ"), ("o Nga thi bao nhieu?", "Nga"),
                                               ("con Lao thi sao?", "Lào")])
def test_a_country_typed_plainly_with_its_capital_after_a_plain_word_is_a_country(text, country):
    assert [e.name for e in find_entities(text) if e.kind == "foreign"] == [country]


@pytest.mark.parametrize("text", ["ong Nguyen Duc Anh la ai", "Lao dong sang lam viec", "chuong trinh My thuat"])
def test_a_plain_capital_inside_a_name_or_a_word_is_no_country(text):
    assert not [e for e in find_entities(text) if e.kind == "foreign"]


BERLIN = """ỦY BAN NHÂN DÂN
TỈNH VÂN KHÊ
Số: 88/KH-UBND
Vân Khê, ngày 14 tháng 01 năm 2028

KẾ HOẠCH
Tổ chức "Ngày Vân Khê tại Berlin" năm 2028

I. CÁC HOẠT ĐỘNG
1. Lễ khai mạc và chương trình nghệ thuật tại Nhà văn hóa quận Lichtenberg, ngày 18/5/2028.
2. Hội nghị kết nối doanh nghiệp (B2B) giữa 15 doanh nghiệp của tỉnh và khoảng 25 doanh nghiệp kiều bào, doanh
nghiệp Đức, ngày 19/5/2028.
3. Trưng bày sản phẩm OCOP của tỉnh trong 03 ngày.

II. KINH PHÍ
Tổng kinh phí 1.250 triệu đồng từ ngân sách tỉnh.
"""


berlin = texts_store("city-rows", {"van-khe-kh-88-2028-ngay-van-khe-tai-berlin.txt": BERLIN})


def test_a_count_asked_of_a_city_is_answered_by_a_line_naming_its_country(berlin):
    answer = berlin.ask("Hội nghị kết nối doanh nghiệp B2B ở Berlin có bao nhiêu doanh nghiệp tham gia?")
    assert answer.found and "25 doanh nghiệp" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "line", "title", "another"), [
    ("B2B ở Berlin có bao nhiêu doanh nghiệp?", "… 25 doanh nghiệp kiều bào, doanh nghiệp Đức.", "Ngày Vân Khê tại Berlin", False),
    ("hồi hương bao nhiêu hài cốt từ tỉnh Kampot?", "Hồi hương 10 hài cốt liệt sĩ hy sinh tại Campuchia.",
     "Hồi hương 10 hài cốt liệt sĩ hy sinh tại Campuchia", True),  # a province of the country, not the text's own
    ("hồi hương bao nhiêu hài cốt từ tỉnh Kampot?", "Quy tập 12 hài cốt tại tỉnh Koh Kong.", "Quy tập hài cốt", True),
    ("bao nhiêu lưu học sinh Nhật Bản?", "Có 40 lưu học sinh Lào.", "Báo cáo lưu học sinh", True),
])
def test_a_count_of_another_place_is_none_of_the_one_asked(question, line, title, another):
    from rag.compose.countries import counts_another_place
    assert counts_another_place(question, line, title) is another


def test_whether_someone_no_text_names_did_something_is_no_answer_of_its_own(berlin):
    answer = berlin.ask("Đại sứ Việt Nam tại Đức tên là gì, có dự Ngày Vân Khê tại Berlin không?")
    assert not answer.found and not answer.citations, answer.answer


def test_the_country_a_text_is_about_is_the_one_it_names_most_when_asked():
    from types import SimpleNamespace

    from rag.compose.countries import dominant_country
    lines = ["Danh sách lưu học sinh tỉnh Phông Sả Lỳ, nước Cộng hòa Dân chủ Nhân dân Lào", "Đại sứ quán Lào tại Việt Nam",
             "Lưu học sinh Lào học tiếng Việt", "ngành đào tạo: Ngôn ngữ Trung Quốc", "Tổng kinh phí: 2.088.326.400 đồng"]
    index = SimpleNamespace(chunks=lambda _pid: [SimpleNamespace(text="\n".join(lines))])
    assert dominant_country("qd", index, "kinh phí cho lưu học sinh Lào bao nhiêu?") == "Lào"  # type: ignore[arg-type]
    assert dominant_country("qd", index, "kinh phí cho lưu học sinh Nhật Bản bao nhiêu?") is None  # type: ignore[arg-type]
