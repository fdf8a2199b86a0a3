"""OCR results kept on disk between ingest runs (ingest.ocr.OcrCache), one JSON file per scanned file read.

Re-feeding a folder must not OCR the same scans again (tens of seconds a page on a busy machine).
Entries live in NGVH_DATA_DIR/ocr-cache/<key>.json, the key starting with the file's sha256. A write
goes to a temporary file renamed into place, so a reader never sees half an entry; an entry that
cannot be read (damaged, hand-edited) counts as absent and is written again after OCR. The folder is
bounded: beyond `max_bytes` the entries used longest ago are dropped.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ground.files import write_json_atomic

OCR_CACHE_MAX_BYTES = 64 * 2**20  # text of thousands of scanned pages
_KEY = re.compile(r"^[0-9a-f]{16,64}(?:-[0-9a-f]{1,64})?$")


class OcrCacheDir:
    def __init__(self, folder: Path, max_bytes: int = OCR_CACHE_MAX_BYTES):
        self.folder = Path(folder)
        self.max_bytes = max_bytes

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):  # keys are hashes; anything else must not become a path
            raise ValueError(f"not an OCR cache key: {key!r}")
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict | None:
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # absent, unreadable or damaged: OCR again and rewrite it
            return None
        if not isinstance(entry, dict):
            return None
        try:
            os.utime(path)  # used now: the size bound drops entries by last use
        except OSError:
            pass
        return entry

    def put(self, key: str, entry: dict) -> None:
        path = self._path(key)
        try:
            write_json_atomic(path, entry, ensure_ascii=False)
        except OSError:
            return  # a full or read-only disk costs the next run its OCR time, never this ingest
        self._trim()

    def _trim(self) -> None:
        entries = []
        for item in self.folder.glob("*.json"):
            try:
                stat = item.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime_ns, stat.st_size, item))
        total = sum(size for _, size, _ in entries)
        for _, size, item in sorted(entries):
            if total <= self.max_bytes:
                break
            item.unlink(missing_ok=True)
            total -= size
