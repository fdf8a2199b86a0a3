"""Pure checks for webhook secrets, Zalo OA signatures and the admin bearer token."""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping

from bot.models import Verdict

# Telegram's secret_token: 1-256 characters from A-Z, a-z, 0-9, _ and -; Zalo Bot asks for 8-256.
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,256}$")


def valid_secret_token(value: str | None) -> bool:
    return value is not None and bool(_SECRET_TOKEN.match(value))


def constant_time_equal(expected: str, given: str) -> bool:
    # compare bytes: compare_digest refuses non-ASCII str, and attackers choose the header
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def check_secret_header(headers: Mapping[str, str], name: str, expected: str) -> Verdict:
    """Telegram / Zalo Bot style: the platform echoes our secret in a header."""
    given = headers.get(name.lower())  # Starlette headers and our tests both use lower case
    if given is None or given == "":
        return Verdict.MISSING
    return Verdict.OK if constant_time_equal(expected, given) else Verdict.FORGED


def zalo_oa_mac(app_id: str, body: bytes, timestamp: str, oa_secret_key: str) -> str:
    """SHA-256 hex of app_id + raw body + timestamp + OA secret key (Zalo OA webhook signature)."""
    digest = hashlib.sha256()
    digest.update(app_id.encode("utf-8"))
    digest.update(body)  # the raw bytes as received: re-serialised JSON would not match
    digest.update(timestamp.encode("utf-8"))
    digest.update(oa_secret_key.encode("utf-8"))
    return digest.hexdigest()


def check_zalo_oa_signature(headers: Mapping[str, str], body: bytes, app_id: str, oa_secret_key: str) -> Verdict:
    header = headers.get("x-zevent-signature")
    if not header:
        return Verdict.MISSING
    given = header.strip()
    if given.lower().startswith("mac="):
        given = given[4:].strip()
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return Verdict.MALFORMED
    if not isinstance(payload, dict) or payload.get("timestamp") in (None, ""):
        return Verdict.MALFORMED
    expected = zalo_oa_mac(app_id, body, str(payload["timestamp"]), oa_secret_key)
    return Verdict.OK if constant_time_equal(expected, given.lower()) else Verdict.FORGED


def check_bearer(authorization: str | None, token: str) -> Verdict:
    if not authorization:
        return Verdict.MISSING
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return Verdict.MISSING
    return Verdict.OK if constant_time_equal(token, value.strip()) else Verdict.FORGED
