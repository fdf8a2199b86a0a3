"""Files written whole or not at all: JSON state (tokens, corrections, the OCR cache) replaced atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

TEMP_PREFIX = ".tmp-"  # a write in progress (or one a crash interrupted) never passes for the file itself


def write_json_atomic(path: Path, data: Any, *, mode: int | None = None, **dump_options: Any) -> None:
    """Write, fsync, then rename: a crash leaves the old file or the new one, never half of either.

    `mode`: the file's permissions (0o600 for tokens); `dump_options` go to json.dump (indent, ensure_ascii)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, **dump_options)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # the rename itself survives a power cut
    finally:
        os.close(dir_fd)
