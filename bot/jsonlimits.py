"""JSON bodies checked before and after parsing: nesting depth on the raw bytes, then valid Unicode.

json.loads recurses once per level, so a body nested a thousand deep raises RecursionError (a 500)
before any signature is checked; the depth is therefore counted on the bytes first, in C-speed steps.
"""
from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from bot.constants import MAX_JSON_DEPTH

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)  # brackets inside strings do not nest
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class BadJson(ValueError):
    """The body is not JSON we accept; reason is a short code for metrics and the 400 response."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in body (0 for a scalar)."""
    brackets = _STRING.sub(b'""', body).translate(None, _NOT_BRACKET)
    if not brackets:
        return 0
    return max(accumulate(_STEP[b] for b in brackets))


def check_depth(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> None:
    if json_depth(body) > max_depth:
        raise BadJson("too_deep")


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_json(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The decoded body; BadJson for too deep, malformed, invalid UTF-8 or lone surrogates (\\ud800)."""
    check_depth(body, max_depth)
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadJson("malformed") from None
    if _has_lone_surrogate(value):
        raise BadJson("invalid_unicode")
    return value
