""""bao nhiêu hội viên" is counted by a figure before "hội viên", not by "15 hội hữu nghị": a compound whose first
syllable names another thing is read whole; "bao nhiêu đoàn đăng ký" counts "đoàn"."""
from rag.decide.counts import tallied


def test_members_are_not_societies():
    societies = "Phát triển lên 15 hội hữu nghị thành viên; thành lập mới Hội hữu nghị Việt Nam - Singapore."
    assert not tallied("hoi vien", societies)
    assert tallied("hoi vien", "Hội hữu nghị Việt Nam - Lào tỉnh (1.850 hội viên, Chủ tịch: ông Vi Văn Lượng).")
    assert tallied("hoi huu nghi", societies)
    assert tallied("an pham", "Xuất bản 12 ấn phẩm thông tin đối ngoại.")  # (a head that names a thing alone)


def test_a_thing_then_its_verb_counts_the_thing():
    assert tallied("doan dang", "Gần 100 đoàn võ thuật quốc tế và trong nước đăng ký dự Liên hoan.")


def test_a_figure_inside_a_name_or_a_match_s_score_counts_no_teams():
    assert not tallied("doi tham", "Chiến thắng cuối cùng thuộc về Đội All Star U13 Việt Nam với tỉ số 2-1.")
    assert tallied("doi tham", "Giải quy tụ 8 đội tham dự đến từ hai nước.")
