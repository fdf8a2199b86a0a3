"""Vietnamese surnames: a capitalised run opening with one names a person (a signer, a page's writer)."""
from __future__ import annotations

SURNAMES = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Trương", "Lương", "Mai", "Tạ", "Chu", "Hà", "Lâm", "Tô", "Quách",
    "Cao", "Thái", "Lưu", "Đàm", "Kiều", "Lại", "Mạc", "Hầu", "Nông", "Lò", "Cầm", "Vương", "Triệu", "Tống",
    "Khúc", "Đoàn", "Thân", "Giang", "La", "Lục", "Châu", "Tăng", "Phùng", "Quản", "Bế", "Hứa", "Âu", "Diệp",
    "Kim", "Ông", "Thạch", "Doãn", "Vi", "Sầm", "Văn", "Nghiêm", "Từ", "Lã", "Bạch", "Đồng", "Viên", "Y",
})
