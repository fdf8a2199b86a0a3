"""Uploaded plan files: safe names, size and type checks, and what is kept after an ingest (under a quota)."""
from __future__ import annotations

import logging
import re
import shutil
import uuid
from pathlib import Path

from bot.constants import MAX_UPLOAD_BYTES, UPLOAD_QUOTA_BYTES, UPLOAD_SUFFIXES
from ingest.report import IngestReport

log = logging.getLogger("ngvh.bot.uploads")

KEPT_STATUSES = {"added", "replaced", "unchanged"}  # the file is (still) the source of a stored plan


def safe_file_name(name: str) -> str:
    """A file name that stays inside the upload folder and keeps Vietnamese letters."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base, flags=re.UNICODE).strip(" .")
    return base[:150] or "upload"


def upload_problem(name: str, size: int | None) -> str | None:
    """Why a file cannot be ingested (Vietnamese, shown to the admin), or None."""
    if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
        return "chỉ nhận tệp PDF, DOCX, TXT hoặc HTML"
    if size is not None and size > MAX_UPLOAD_BYTES:
        return f"tệp lớn hơn {MAX_UPLOAD_BYTES // (1024 * 1024)} MB"
    return None


def incoming_folder(uploads: Path) -> Path:
    """A fresh folder for one upload's files until its ingest says which to keep."""
    return uploads / "incoming" / uuid.uuid4().hex


def save_upload(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_file_name(name)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)  # a half-written upload is never ingested
    return path


def keep_successful(uploads: Path, paths: list[Path], report: IngestReport, quota: int = UPLOAD_QUOTA_BYTES) -> list[Path]:
    """Move the files of stored plans into the uploads folder, delete the others, then keep the folder under
    quota bytes (oldest first). Returns the kept paths."""
    status = {row.source: row.status for row in report.rows}
    kept = []
    for path in paths:
        if status.get(path.name) in KEPT_STATUSES and path.exists():
            target = uploads / path.name
            uploads.mkdir(parents=True, exist_ok=True)
            path.replace(target)
            kept.append(target)
        else:
            path.unlink(missing_ok=True)
    for folder in {p.parent for p in paths}:
        if folder != uploads and folder.parent.name == "incoming":
            shutil.rmtree(folder, ignore_errors=True)
    enforce_quota(uploads, quota)
    return kept


def enforce_quota(uploads: Path, quota: int) -> None:
    files = sorted((p for p in uploads.glob("*") if p.is_file()), key=lambda p: p.stat().st_mtime)
    total = sum(p.stat().st_size for p in files)
    for path in files:
        if total <= quota:
            return
        total -= path.stat().st_size
        path.unlink(missing_ok=True)
        log.info("upload removed to stay under quota", extra={"file": path.name})
