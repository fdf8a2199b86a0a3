"""Document numbers as real pages spell them, read into one canonical form (ingest and queries alike)."""
import pytest

from ground.numbers import canonical_number, find_numbers, same_number


@pytest.mark.parametrize("written, canonical", [
    ("Kế hoạch số 317/KH.UBND ngày 4/8/2023", "317/KH-UBND"),
    ("Quyết định số 208/QĐ-T Tg ngày 14/02/2011", "208/QĐ-TTg"),
    ("Chỉ thị số 25/CT- TTg ngày 10/9/2021", "25/CT-TTg"),
    ("Quyết định số 2013/QĐ–TTg ngày 30/11/2021", "2013/QĐ-TTg"),
    ("Quyết định số 2013/QD-TTg", "2013/QĐ-TTg"),
    ("Kế hoạch số 317 / KH - UBND của tỉnh", "317/KH-UBND"),
    ("Quyết định số 208/QĐ-TTgngày 14/02/2011", "208/QĐ-TTg"),  # a word glued by the site
    ("Chương trình số 01/CTR-UBND", "01/CTr-UBND"),
    ("Nghị định số 12/2021/NĐ-CP", "12/2021/NĐ-CP"),
    ("Công văn số 404/BNG-NGVH-UNESCO ngày 10/02/2022", "404/BNG-NGVH-UNESCO"),
    ("Công văn số 208/SNgV-LTLSBC ngày 18/3/2022", "208/SNgV-LTLSBC"),
    ("Kế hoạch só 186-KH-UBND về triển khai", "186/KH-UBND"),  # a slash typed as a dash before UBND
])
def test_state_numbers_in_their_real_variants(written, canonical):
    numbers = find_numbers(written)
    assert [n.number for n in numbers] == [canonical]
    assert numbers[0].raw in written  # what the text wrote is kept beside the canonical form


@pytest.mark.parametrize("written, canonical", [
    ("Chỉ thị số 25-CT/TW ngày 08/8/2018 của Ban Bí thư", "25-CT/TW"),
    ("Kế hoạch số 164-KH/TU ngày 24/8/2022 của Ban Thường vụ Tỉnh ủy", "164-KH/TU"),
    ("Nghị quyết số 22 - NQ/TƯ", "22-NQ/TW"),
])
def test_party_numbers_keep_their_own_form(written, canonical):
    assert [n.number for n in find_numbers(written)] == [canonical]


def test_party_and_state_numbers_never_meet():
    assert not same_number("25-CT/TW", "25/CT-TTg")
    assert not same_number("208/SNgV-LTLSBC", "208/QĐ-TTg")
    assert not same_number("25", "25-CT/TW")  # a bare number names a state document
    assert same_number("25", "25/CT-TTg")
    assert same_number("317/kh.ubnd", "317/KH-UBND")
    national = {n.number: n.national for n in find_numbers("25-CT/TW, 164-KH/TU, 25/CT-TTg, 208/SNgV-LTLSBC")}
    assert national == {"25-CT/TW": True, "164-KH/TU": False, "25/CT-TTg": True, "208/SNgV-LTLSBC": False}


def test_typed_numbers_follow_the_same_rule():
    typed = "ke hoach 317/kh.ubnd, quyet dinh 2013/qd-ttg va chi thi 25-ct/tw"
    assert [n.number for n in find_numbers(typed, typed=True)] == ["317/KH-UBND", "2013/QĐ-TTg", "25-CT/TW"]
    assert canonical_number("208/qđ-ttg", typed=True) == "208/QĐ-TTg"
    assert [n.number for n in find_numbers("kh 186-kh-ubnd va 196-kh/tu", typed=True)] == ["186/KH-UBND", "196-KH/TU"]


def test_sentences_around_numbers_stay_out_of_them():
    text = "UBND tỉnh ban hành Kế hoạch số 12/KH-UBND.Theo đó, ngày 28/4/2022 và tỷ lệ 1/3 không phải số văn bản."
    assert [n.number for n in find_numbers(text)] == ["12/KH-UBND"]
    assert find_numbers("Kế hoạch số 5\n/KH-UBND") == []  # never across a line break


def test_a_number_s_code_names_the_kind_of_document():
    from ground.numbers import document_name, kind_of_number

    assert [kind_of_number(n) for n in ("2013/QĐ-TTg", "12-KL/TW", "12/2021/NĐ-CP", "02/2019/TT-BTTTT",
                                        "404/BNG-NGVH-UNESCO", "164-KH/TU")] == [
        "Quyết định", "Kết luận", "Nghị định", "Thông tư", "Công văn", "Kế hoạch"]
    assert document_name("25/CT-TTg") == "Chỉ thị số 25/CT-TTg của Thủ tướng Chính phủ"


def test_a_minutes_number_is_a_bien_ban():
    from ground.numbers import kind_of_number

    assert kind_of_number("09/BB-UBND") == "Biên bản" and kind_of_number("41/TTr-SVHTTDL") == "Tờ trình"


def test_a_joint_plan_s_number_is_a_plan():
    from ground.numbers import kind_of_number

    # two bodies' plan ("Kế hoạch liên ngành" of a Sở and the provincial youth union), not a letter
    assert kind_of_number("38/KHLN-SNgV-TĐTN") == "Kế hoạch liên ngành"
    assert kind_of_number("07/CTLT-MTTQ-SNgV") == "Chương trình liên tịch"


@pytest.mark.parametrize("text, number", [
    ("Số 14-NQ/ĐUK", "14-NQ/ĐUK"),  # a Party bloc's committee (Đảng ủy Khối)
    ("Số 47-HD/BTGDVTU", "47-HD/BTGDVTU"),  # a provincial committee's merged commission (Ban Tuyên giáo và Dân vận)
    ("Số 05-NQ/BCSĐ", "05-NQ/BCSĐ"),  # a ministry's Party cadres (Ban cán sự đảng)
    ("Số 03-KH/ĐĐ", "03-KH/ĐĐ"),  # a Party group (Đảng đoàn)
    ("Quyết định số 100-QĐ/LHHN, ngày 04/4/2023", "100-QĐ/LHHN"),  # a mass organisation numbers the same way
    ("Kế hoạch số 21-KH/MTTQ-BTT", "21-KH/MTTQ"),
])
def test_the_partys_other_committees_number_documents_too(text, number):
    assert [n.number for n in find_numbers(text)] == [number]


def test_a_joint_plan_is_catalogued_as_a_plan_under_its_subject(tmp_path):
    from ingest.pipeline import load_plan

    page = tmp_path / "kh-lien-nganh.txt"
    page.write_text("SỞ NGOẠI VỤ                  BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH\nTỈNH NGÀN SƠN                TỈNH NGÀN SƠN\n"
                    "Số: 12/KHLN-SNgV-TĐTN        Ngàn Sơn, ngày 03 tháng 3 năm 2029\n\nKẾ HOẠCH LIÊN NGÀNH\n"
                    "Tổ chức Trại hè thanh niên hữu nghị Ngàn Sơn - Xiêng Khoảng năm 2029\n\nI. MỤC ĐÍCH\n"
                    "Tăng cường giao lưu hữu nghị giữa thanh niên hai tỉnh trong năm 2029.\n", encoding="utf-8")
    meta = load_plan(page).meta
    assert meta.doc_type == "Kế hoạch" and "Trại hè thanh niên hữu nghị" in meta.title


def test_a_kind_code_glued_to_its_issuer_s_is_the_hyphenated_number():
    from ground.numbers import canonical_number, same_number

    assert canonical_number("112/2014/NĐCP") == "112/2014/NĐ-CP"
    assert same_number("112/2014/NĐ-CP", "112/2014/NĐCP") and same_number("2013/QĐ-TTg", "2013/QĐTTg")
    # codes that only start like a kind stay whole ("TTLT", "QCPH", "TTr")
    assert canonical_number("05/2026/TTLT") == "05/2026/TTLT" and canonical_number("02/QCPH") == "02/QCPH"
