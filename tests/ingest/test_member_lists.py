"""A member list whose roles stand on the line under each member is read one line per member."""
from ingest.member_lists import member_roles


def test_each_member_s_role_joins_the_member_s_line():
    text = ("Thành phần Tổ thường trực:\n1. Ông Lò Văn Quế, Chánh Văn phòng UBND tỉnh\n   - Tổ trưởng;\n"
            "2. Bà Hà Thị Mai, Giám đốc Sở Ngoại vụ\n- Tổ phó thường trực, phụ trách lễ tân;\n"
            "3. Đại tá Vi Văn Sáng, Giám đốc Công an tỉnh\n- Thành viên.\n")
    out = member_roles(text)
    assert "1. Ông Lò Văn Quế, Chánh Văn phòng UBND tỉnh – Tổ trưởng;" in out
    assert "2. Bà Hà Thị Mai, Giám đốc Sở Ngoại vụ – Tổ phó thường trực, phụ trách lễ tân;" in out
    assert "3. Đại tá Vi Văn Sáng, Giám đốc Công an tỉnh – Thành viên." in out


def test_a_task_s_bullets_stay_where_they_are():
    text = "1. Sở Ngoại vụ:\n- Thành viên đoàn chuẩn bị hồ sơ;\n2. Ông Lò Văn Quế phát biểu;\n- Thành viên Tổ dự họp.\n"
    assert member_roles(text) == text  # a body, and a line already ended: no member's role under them
