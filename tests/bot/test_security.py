"""Pure checks: secret headers, the Zalo OA signature, bearer tokens."""
from __future__ import annotations

import hashlib
import json

from bot.models import Verdict
from bot.security import check_bearer, check_secret_header, check_zalo_oa_signature, valid_secret_token, zalo_oa_mac


def test_secret_header():
    assert check_secret_header({"x-telegram-bot-api-secret-token": "s3cret-value"}, "X-Telegram-Bot-Api-Secret-Token", "s3cret-value") is Verdict.OK
    assert check_secret_header({"x-telegram-bot-api-secret-token": "s3cret-valuX"}, "X-Telegram-Bot-Api-Secret-Token", "s3cret-value") is Verdict.FORGED
    assert check_secret_header({}, "X-Telegram-Bot-Api-Secret-Token", "s3cret-value") is Verdict.MISSING
    assert check_secret_header({"x-telegram-bot-api-secret-token": ""}, "X-Telegram-Bot-Api-Secret-Token", "s3cret-value") is Verdict.MISSING
    # non-ASCII from an attacker must not crash the comparison
    assert check_secret_header({"x-telegram-bot-api-secret-token": "bí mật"}, "X-Telegram-Bot-Api-Secret-Token", "s3cret-value") is Verdict.FORGED


def test_secret_token_shape():
    assert valid_secret_token("abc_DEF-123456")
    assert not valid_secret_token("short")
    assert not valid_secret_token("has space in it")
    assert not valid_secret_token(None)


def test_zalo_oa_mac_matches_the_documented_formula():
    body = json.dumps({"event_name": "user_send_text", "timestamp": "1554476849000"}).encode()
    expected = hashlib.sha256(b"app1" + body + b"1554476849000" + b"key1").hexdigest()
    assert zalo_oa_mac("app1", body, "1554476849000", "key1") == expected


def test_zalo_oa_signature_checks_raw_bytes():
    body = b'{"event_name":"user_send_text","timestamp":"1700000000000","message":{"text":"Xin ch\\u00e0o"}}'
    mac = zalo_oa_mac("app1", body, "1700000000000", "key1")
    assert check_zalo_oa_signature({"x-zevent-signature": f"mac={mac}"}, body, "app1", "key1") is Verdict.OK
    assert check_zalo_oa_signature({"x-zevent-signature": mac.upper()}, body, "app1", "key1") is Verdict.OK
    # same JSON, different bytes (re-serialised): the signature no longer matches
    reserialised = json.dumps(json.loads(body)).encode()
    assert check_zalo_oa_signature({"x-zevent-signature": f"mac={mac}"}, reserialised, "app1", "key1") is Verdict.FORGED
    assert check_zalo_oa_signature({"x-zevent-signature": f"mac={mac}"}, body, "app1", "other") is Verdict.FORGED
    assert check_zalo_oa_signature({}, body, "app1", "key1") is Verdict.MISSING
    assert check_zalo_oa_signature({"x-zevent-signature": "mac=00"}, b"{not json", "app1", "key1") is Verdict.MALFORMED


def test_bearer():
    assert check_bearer("Bearer tok-123456789012", "tok-123456789012") is Verdict.OK
    assert check_bearer("bearer tok-123456789012", "tok-123456789012") is Verdict.OK
    assert check_bearer("Bearer nope", "tok-123456789012") is Verdict.FORGED
    assert check_bearer("Basic dG9rOg==", "tok-123456789012") is Verdict.MISSING
    assert check_bearer(None, "tok-123456789012") is Verdict.MISSING
