"""A long plan of our own making (about 100 KB), in the shape provinces publish: header, numbered sections,
tasks with the agency in charge and a deadline. Used to load the service with a realistic ingest."""
from __future__ import annotations

AGENCIES = ["Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Giáo dục và Đào tạo",
            "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Ban Dân tộc tỉnh", "Đài Phát thanh và Truyền hình tỉnh"]
ACTIVITIES = ["tổ chức tuần lễ văn hóa", "giới thiệu nghề dệt thổ cẩm", "quảng bá lễ hội mùa xuân", "xây dựng phim tư liệu",
              "mời đoàn nghệ nhân quốc tế", "phát hành ấn phẩm song ngữ", "tập huấn cán bộ đối ngoại", "số hóa di sản làng nghề",
              "kết nối các trường đại học kết nghĩa", "hỗ trợ doanh nghiệp du lịch cộng đồng"]
PARTNERS = ["các địa phương của Lào", "tỉnh Vân Nam (Trung Quốc)", "các thành phố kết nghĩa ở Hàn Quốc", "cộng đồng người Việt tại Pháp",
            "các tổ chức UNESCO", "các cơ quan đại diện Việt Nam ở nước ngoài", "các hãng lữ hành Nhật Bản"]


def long_plan(target_bytes: int = 100_000, number: str = "915/KH-UBND", province: str = "Hà Giang") -> str:
    head = f"""ỦY BAN NHÂN DÂN
TỈNH {province.upper()}
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: {number}

{province}, ngày 12 tháng 5 năm 2023

KẾ HOẠCH

TRIỂN KHAI CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA TRÊN ĐỊA BÀN TỈNH {province.upper()} ĐẾN NĂM 2030

Thực hiện Quyết định số 2013/QĐ-TTg ngày 30 tháng 11 năm 2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh
{province} ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Đưa văn hóa các dân tộc của tỉnh {province} đến gần hơn với bạn bè quốc tế, gắn với phát triển du lịch bền vững.

II. NHIỆM VỤ CỤ THỂ
"""
    parts = [head]
    size = len(head.encode("utf-8"))
    n = 0
    while size < target_bytes:
        agency = AGENCIES[n % len(AGENCIES)]
        activity = ACTIVITIES[(n * 3) % len(ACTIVITIES)]
        partner = PARTNERS[(n * 5) % len(PARTNERS)]
        year = 2024 + n % 7
        block = (f"\n{n + 1}. Nhiệm vụ {activity} với {partner} (đợt {n + 1})\n\n"
                 f"- {agency} chủ trì, phối hợp với Ủy ban nhân dân các huyện {activity} cùng {partner}, "
                 f"bảo đảm nội dung phù hợp thuần phong mỹ tục và quy định về đối ngoại; báo cáo kết quả trước "
                 f"ngày 15 tháng 12 năm {year}.\n"
                 f"- Thời gian thực hiện: năm {year}; kinh phí từ ngân sách tỉnh và nguồn xã hội hóa, mục {n % 17 + 1}.\n"
                 f"- Sản phẩm: báo cáo, hình ảnh và tư liệu về hoạt động số {n + 1}, lưu tại {agency}.\n")
        parts.append(block)
        size += len(block.encode("utf-8"))
        n += 1
    parts.append("\nIII. TỔ CHỨC THỰC HIỆN\n\nCác sở, ngành và địa phương báo cáo định kỳ hằng năm về Sở Ngoại vụ.\n\n"
                 "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n")
    return "".join(parts)
