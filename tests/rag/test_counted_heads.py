""""bao nhiêu hội viên" is counted by a figure before "hội viên", not by "15 hội hữu nghị": a first syllable that names
nothing alone ("hội", "học", "đoàn") is read with the next."""
from rag.decide.counts import tallied


def test_members_are_not_societies():
    societies = "Phát triển lên 15 hội hữu nghị thành viên; thành lập mới Hội hữu nghị Việt Nam - Singapore."
    assert not tallied("hoi vien", societies)
    assert tallied("hoi vien", "Hội hữu nghị Việt Nam - Lào tỉnh (1.850 hội viên, Chủ tịch: ông Vi Văn Lượng).")
    assert tallied("hoi huu nghi", societies)
    assert tallied("an pham", "Xuất bản 12 ấn phẩm thông tin đối ngoại.")  # (a head that names a thing alone)
