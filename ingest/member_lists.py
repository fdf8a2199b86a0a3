"""A list of members whose role in the body stands on the line under each member ("1. Ông Ngô Văn A, Chánh Văn phòng
UBND tỉnh" / "- Tổ trưởng;") read as one line per member, the role after the name and office: the office and the
person then stand on the line that names the role."""
from __future__ import annotations

import re

from ground import vi

# a member's line: a number or a dash, then the person by honorific or rank ("2. Ông Mạc Văn Toản, Giám đốc Sở …")
_MEMBER = re.compile(rf"^\s*(?:\d{{1,2}}[.)]|[-–+•])\s*(?:Ông|Bà|Đồng chí|Đ/c|(?:Đại|Thượng|Trung|Thiếu) tá)\s+[{vi.UPPER}]")
# the role on the next line: "- Tổ trưởng;", "- Tổ phó thường trực, phụ trách lễ tân;", "- Thành viên, thư ký Tổ."
_ROLE = re.compile(r"^\s*[-–+•]\s*((?:Phó\s+)?(?:Tổ trưởng|Tổ phó|Trưởng ban|Phó Trưởng ban|Trưởng đoàn|Phó Trưởng đoàn|"
                   r"Chủ tịch(?: Hội đồng)?|Phó Chủ tịch(?: Hội đồng)?|Thành viên|Ủy viên|Uỷ viên|Thư ký|Thường trực)"
                   r"[^\n]{0,120})$", re.MULTILINE)


def member_roles(text: str) -> str:
    """`text` with each member's role line joined to the member's line ("…, Chánh Văn phòng UBND tỉnh – Tổ trưởng;")."""
    if not _ROLE.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        role = _ROLE.match(line)
        if role and out and _MEMBER.match(out[-1]) and not out[-1].rstrip().endswith((";", ".")):
            out[-1] = f"{out[-1].rstrip(' ,')} – {role.group(1).strip()}"
            continue
        out.append(line)
    return "\n".join(out)
