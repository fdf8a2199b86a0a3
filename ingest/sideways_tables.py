"""A table turned sideways: one column per record (an event, a delegation) and one row per field ("Quốc gia",
"Thời gian", "Trưởng đoàn", "Kinh phí"), rewritten as one line per record, "Ngày Văn hóa … tại Osaka: quốc gia:
Nhật Bản; thời gian: 18-22/5/2023; trưởng đoàn: …", so that each record's facts stand together in one sentence."""
from __future__ import annotations

import re

from ground import vi
from ingest.year_tables import cells, rewrite_runs

# the labels of a record's fields, folded: a row opening with one of them names a field, not a record
_FIELD = re.compile(r"^(?:quoc gia|nuoc|thanh pho|dia diem|dia ban|thoi gian|ngay|ten\b|truong doan|thanh phan|so nguoi"
                    r"|so thanh vien|so luong|so luot|kinh phi|doi tac|noi dung|hinh thuc|ket qua|don vi|co quan|chu tri"
                    r"|phoi hop|nguon|ghi chu)")
_NAME_ROW = re.compile(r"^ten\b")  # "Tên sự kiện": the record's own name, which heads its line
_RULE = re.compile(r":?-{2,}:?|")
MIN_FIELDS = 3  # rows labelled as fields before a table is read as sideways
MIN_RECORDS = 2


def _is_field(label: str) -> bool:
    return bool(_FIELD.match(vi.collapse(label)))


def _sideways(header: list[str], rows: list[list[str]]) -> bool:
    if len(header) < MIN_RECORDS + 1 or any(len(r) != len(header) for r in rows):
        return False
    fields = sum(1 for r in rows if _is_field(r[0]))
    # (a table read the usual way heads its columns with fields: "Quốc gia | Thời gian | Kinh phí")
    return fields >= MIN_FIELDS and fields * 5 >= len(rows) * 3 and sum(1 for h in header[1:] if _is_field(h)) < 2


def _key(label: str) -> str:
    return label[:1].lower() + label[1:] if sum(1 for w in label.split() if w[:1].isupper()) <= 1 else label


def _record_lines(header: list[str], rows: list[list[str]]) -> list[str]:
    named = next((r for r in rows if _NAME_ROW.match(vi.collapse(r[0]))), None)
    lines = []
    for j in range(1, len(header)):
        name = named[j] if named is not None and named[j] else header[j]
        fields = [f"{_key(r[0])}: {r[j]}" for r in rows if r is not named and r[j] and r[j] not in "-–"]
        lines.append(f"{name}: {'; '.join(fields)}." if fields else f"{name}.")
    return lines


def sideways_tables(text: str) -> str:
    """`text` with every sideways pipe table rewritten as one line per record; other text as it was."""
    return text if "|" not in text else rewrite_runs(text, lambda line: line.lstrip().startswith("|"), _records_of)


def _records_of(run: list[str]) -> list[str]:
    """A run of pipe lines as one line per record when it is a sideways table; as it was otherwise."""
    if len(run) < MIN_FIELDS + 1:
        return run
    block = [cells(line) for line in run]
    header, rows = block[0], [r for r in block[1:] if not all(_RULE.fullmatch(c) for c in r)]
    return _record_lines(header, rows) if _sideways(header, rows) else run
