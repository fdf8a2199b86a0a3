"""The words that mark what a follow-up points back at: "kế hoạch đó", "ở đó", "tỉnh này", "nó", "ý 2 nói rõ hơn",
and what asks of every plan ("các tỉnh", "kế hoạch nào"), each matched as typed with diacritics or without."""
from __future__ import annotations

import re

from ground import vi


def pattern(accented: str) -> tuple[re.Pattern, re.Pattern]:
    """The same phrase as typed with diacritics and without (matched on a same-length fold)."""
    plain = vi.strip_marks(accented)  # vi.fold would also lower-case \W into \w
    return re.compile(accented, re.IGNORECASE), re.compile(plain)


def search(pair: tuple[re.Pattern, re.Pattern], text: str) -> re.Match | None:
    exact = pair[0].search(text)
    if exact:
        return exact
    for m in pair[1].finditer(vi.fold_same_length(text).lower()):
        if not vi.has_diacritics(text[m.start():m.end()]):  # "ở độ tuổi" is not "ở đó"
            return m
    return None


DOC = r"(?:kế hoạch|văn bản|công văn|quyết định|chương trình|đề án|chỉ thị|tài liệu|bài viết|bản kế hoạch|kh)"
THAT = r"(?:này|đó|đấy|ấy|trên|kia|nói trên|vừa rồi|vừa nêu|vừa nói|vừa hỏi|vừa nhắc|nêu trên)"
PLAN_REF = pattern(rf"\b{DOC}\s+{THAT}(?![^\W_])")
PLAN_REF_BARE = pattern(rf"\b(?:trong|của|theo)\s+{DOC}(?=\s*[?.!]*\s*$)")  # "... trong kế hoạch?"
PLACE_REF = pattern(r"\b(?:ở|tại|của|đến|tới|cho)\s+(?:đó|đấy|đây|địa phương đó|địa phương này|nơi đó|nơi này)(?![^\W_])")
UNIT_REF = pattern(r"\b(?:tỉnh|thành phố|địa phương|huyện|xã|phường|quận|thị xã)\s+(?:này|đó|đấy|ấy|trên|nói trên)(?![^\W_])")
IT = re.compile(r"(?<![^\W_])nó(?![^\W_])", re.IGNORECASE)
EXPAND = pattern(r"\b(?:ý|điểm|nội dung|mục|phần|dòng)\s+(?:số\s+|thứ\s+)?(\d{1,2}|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín)(?![^\W_])")
EXPAND_VERB = pattern(r"\b(?:nói rõ|rõ hơn|giải thích|chi tiết|cụ thể|kỹ hơn|thêm|mở rộng|xem|nguyên văn|đầy đủ|trích|là gì|nghĩa là)")
GLOBAL = pattern(r"\b(?:các|tất cả|mọi|những|bao nhiêu) (?:kế hoạch|tỉnh|địa phương|văn bản|thành phố)|\b(?:kế hoạch|tỉnh|địa phương|thành phố) nào\b")
