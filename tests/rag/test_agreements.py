"""Documents carried by others, written for these tests: a plan carrying out an agreement (the agreement's own date and
place answer "Bản ghi nhớ … ký ngày nào", not the plan's; another meeting's memorandum is refused, though the sentence
shown is cut before the meeting's number); an association's charter approved by a ministry's decision, and a plan
issued by a province's decision ("… phê duyệt / ban hành theo quyết định số mấy": the approving decision either way)."""
from __future__ import annotations

import pytest

from rag.dialogue.state import Conversation
from rag.dialogue.turn import run_turn
from tests.rag.conftest import texts_store

PLAN = """Kế hoạch triển khai thực hiện Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác giữa 3 tỉnh Lai Châu, Điện Khê, Mường Tè (Việt Nam) với tỉnh Phông Xa Lỳ (Lào)

Ngày 12/6, UBND tỉnh đã ban hành Kế hoạch số 842/KH-UBND triển khai thực hiện Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác giữa 3 tỉnh Lai Châu, Điện Khê, Mường Tè (Việt Nam) với tỉnh Phông Xa Lỳ (Lào).

Kế hoạch cụ thể hóa và triển khai thực hiện có hiệu quả, đồng bộ, thiết thực Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác giữa 3 tỉnh Lai Châu, Điện Khê, Mường Tè (nước Cộng hòa xã hội chủ nghĩa Việt Nam) với tỉnh Phông Xa Lỳ (nước Cộng hòa Dân chủ Nhân dân Lào) về hợp tác toàn diện trong giai đoạn mới ký ngày 18/3/2026 tại thành phố Phông Xa Lỳ, Lào. Tăng cường giao lưu, hợp tác toàn diện, thiết thực trên tất cả các lĩnh vực giữa tỉnh Lai Châu và tỉnh Phông Xa Lỳ góp phần xây dựng biên giới hòa bình, ổn định, hữu nghị và phát triển.

Kế hoạch gồm 6 nội dung: hợp tác giáo dục; hợp tác y tế; giao lưu văn hóa, thể thao; thương mại biên giới; quản lý
biên giới; đào tạo cán bộ.
"""


CHARTER = """Hội Hữu nghị Việt Nam - Mông Cổ

Hội Hữu nghị Việt Nam - Mông Cổ là tổ chức xã hội, thành viên của Liên hiệp các tổ chức hữu nghị Việt Nam, vận động
các tầng lớp nhân dân góp phần tăng cường tình đoàn kết, hữu nghị giữa nhân dân hai nước.
Địa chỉ: 105A, Quán Thánh, Ba Đình, Hà Nội.

ĐIỀU LỆ HỘI HỮU NGHỊ VIỆT NAM - MÔNG CỔ
(Phê duyệt kèm theo Quyết định số 215/QĐ – BNV ngày 14 tháng 3 năm 2016 của Bộ trưởng Bộ Nội vụ)

Chương I. TÊN GỌI, TÔN CHỈ, MỤC ĐÍCH
Điều 1. Tên gọi: Hội Hữu nghị Việt Nam - Mông Cổ.
"""

DECISION = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU | Độc lập - Tự do - Hạnh phúc
Số: 615/QĐ-UBND | Lai Châu, ngày 03 tháng 3 năm 2027

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Lai Châu, giai đoạn 2027 - 2030

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Quyết định số 2013/QĐ-TTg ngày 30 tháng 11 năm 2021 của Thủ tướng Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn
tỉnh Lai Châu, giai đoạn 2027 - 2030.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""


MEMORANDUM = """Nội dung Biên bản ghi nhớ hợp tác hữu nghị giữa UBND tỉnh Sơn Khê và thành phố Varna (Bungari)

Ngày 04/10/2027, tại tỉnh Sơn Khê, UBND tỉnh Sơn Khê đã ký kết Biên bản ghi nhớ về việc thiết lập quan hệ hợp tác và
hữu nghị với Hội đồng thành phố Varna, Cộng hòa Bungari.

Phó Chủ tịch UBND tỉnh Sơn Khê Lường Văn Thắm và Thị trưởng thành phố Varna Petar Ivanov Kolev ký kết Bản ghi nhớ
ngày 04/10/2027.

Hai Bên thống nhất hợp tác trong các lĩnh vực văn hóa, du lịch, giáo dục và nông nghiệp.
"""


RESIGNED = """https://example.vn/thoi-su/hang-tin-ky-lai-thoa-thuan.htm
Hãng tin Lam Việt và hãng Kestrel (Ai-len) ký lại Thỏa thuận hợp tác nghiệp vụ

Ngày 23/10, trong khuôn khổ tham dự Hội nghị Ban chấp hành Tổ chức các hãng thông tấn lần thứ 51 tại Dublin, Tổng giám
đốc hãng Lam Việt và Giám đốc điều hành hãng Kestrel đã ký lại Thỏa thuận hợp tác nghiệp vụ thay thế thỏa thuận ký năm
2016.
"""


COOPERATION = """https://example.vn/binh-lam-ky-ket-hop-tac.htm
UBND tỉnh Bình Lam và chính quyền 3 tỉnh Nam Lào ký kết hợp tác giai đoạn 2031 - 2035

Ngày 30/3, Ủy ban Nhân dân tỉnh Bình Lam và Chính quyền 3 tỉnh Nam Lào (Attapu, Salavan, Sekong) đã ký kết hợp tác giai
đoạn 2031 - 2035 trên các lĩnh vực giáo dục, y tế và văn hóa.
"""


stored = texts_store("agreements", {"laichau-kh-842-ban-ghi-nho-hua-phan-tin.txt": PLAN,
                                    "hoi-huu-nghi-viet-nam-mong-co-dieu-le.txt": CHARTER,
                                    "laichau-qd-615-2027-ngvh.txt": DECISION,
                                    "sonkhe-ban-ghi-nho-varna-tin.txt": MEMORANDUM,
                                    "lamviet-kestrel-thoa-thuan-tin.txt": RESIGNED,
                                    "binhlam-ky-ket-hop-tac-nam-lao-tin.txt": COOPERATION})


def test_an_agreement_reported_without_its_own_date_is_dated_by_the_day_its_lead_tells(stored):
    answer = stored.answerer.ask("hang Lam Viet ky lai thoa thuan hop tac voi hang Kestrel vao ngay nao?")
    assert answer.found and "23/10" in answer.answer and "được ký" in answer.answer, answer.answer


def test_a_page_without_a_signature_block_says_who_signed_in_its_lines(stored):
    # "ai ký" of the page itself, asked after it was found: the sentence naming the signers, not "không ghi người ký"
    ctx = Conversation()
    for text in ("Sơn Khê thiết lập quan hệ hữu nghị với thành phố nào của Bungari?", "ai ky phia son khe?"):
        turn = run_turn(stored.ask, text, ctx)
        ctx = turn.context
    assert turn.answer.found and "Lường Văn Thắm" in turn.answer.answer, turn.answer.answer


def test_the_memorandum_asked_is_dated_by_its_own_sentence_not_by_the_plan(stored):
    answer = stored.answerer.answer("Bản ghi nhớ Hội nghị lần thứ 5 Ủy ban hợp tác được ký ngày nào, ở thành phố nào?")[0]
    assert answer.found and "18/3/2026" in answer.answer and "thành phố Phông Xa Lỳ" in answer.answer, answer.answer
    assert "12/6" not in answer.answer  # the plan's own date is not the memorandum's


def test_another_meetings_memorandum_is_refused(stored):
    answer = stored.answerer.answer("Bản ghi nhớ Hội nghị lần thứ 6 Ủy ban hợp tác 3 tỉnh với Phông Xa Lỳ được ký ở đâu, ngày nào?")[0]
    assert not answer.found and not answer.citations, answer.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("Điều lệ Hội Hữu nghị Việt Nam - Mông Cổ được phê duyệt theo quyết định nào?", "215/QĐ – BNV",
                 id="a_charter_approved_by_a_ministrys_decision"),
    pytest.param("Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa của tỉnh Lai Châu giai đoạn 2027-2030 được ban hành "
                 "theo quyết định số mấy?", "615/QĐ-UBND", id="a_plan_issued_by_the_stored_decision"),
])
def test_the_decision_approving_or_issuing_a_text_is_named(stored, question, said):
    answer = stored.answerer.answer(question)[0]
    assert answer.found and said in answer.answer, answer.answer
    assert "2013/QĐ-TTg" not in answer.answer  # not what the plan carries out


def test_a_cooperation_signed_is_dated_by_the_day_its_lead_opens_with(stored):
    answer = stored.answerer.ask("Bình Lam ký kết hợp tác với 3 tỉnh Nam Lào ngày nào?")
    assert answer.found and "30/3" in answer.answer, answer.answer
