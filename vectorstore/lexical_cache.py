"""The BM25 index saved on disk per store generation, so another process (or a restart) loads it instead of rebuilding."""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from vectorstore.lexical import LexicalIndex, LexicalParams


class LexicalDiskCache:
    """One folder per fingerprint under `root`; only the newest is kept."""

    def __init__(self, root: Path | None, params: LexicalParams):
        self.root = root
        self.params = params

    def load(self, fingerprint: str) -> LexicalIndex | None:
        if self.root is None or not (self.root / fingerprint / "meta.json").exists():
            return None
        try:
            return LexicalIndex.load(self.root / fingerprint, self.params)
        except (OSError, ValueError):  # half-deleted by another process, or another format: rebuild
            return None

    def save(self, fingerprint: str, index: LexicalIndex) -> None:
        """Write to a temporary directory, then rename: another process never loads a half-written index."""
        if self.root is None:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".tmp-{uuid.uuid4().hex}"
        index.save(tmp)
        try:
            os.rename(tmp, self.root / fingerprint)
        except OSError:  # another process saved the same fingerprint first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in self.root.iterdir():
            if old.name != fingerprint and not old.name.startswith(".tmp-"):
                shutil.rmtree(old, ignore_errors=True)
