"""The breaks a hostile reviewer found, one test each (every one failed on the code before the durable intake):
deep JSON, lone surrogates, secrets on /healthz, weak secrets, a replayed Zalo OA event after a restart,
web questions without a deadline or a cap, failed uploads kept on disk."""
from __future__ import annotations

import asyncio
import json

import pytest

from bot.jsonlimits import json_depth
from bot.service import Service
from bot.settings_check import ConfigError, weak_secret
from ingest.report import IngestReport, IngestRow
from tests.bot.conftest import (
    ADMIN_TOKEN,
    TG_SECRET,
    fast_options,
    make_settings,
    running,
    telegram_channel,
    wait_idle,
    zalo_oa_channel,
)
from tests.bot.fakes import FakeCore
from tests.bot.test_app import AUTH, finished_job
from tests.bot.test_zalo import oa_event, signed

DEEP = b"[" * 1100 + b"]" * 1100
DEEP_OBJECT = b'{"question": ' + b'{"a":' * 1100 + b"1" + b"}" * 1100 + b"}"


def reject_count(metrics: str, channel: str, reason: str) -> float:
    prefix = f'ngvh_webhook_rejects_total{{channel="{channel}",reason="{reason}"}} '
    return next((float(line[len(prefix):]) for line in metrics.splitlines() if line.startswith(prefix)), 0.0)


class EncodingCore(FakeCore):
    """Like the real embedder, encodes the question as UTF-8 (a lone surrogate raises there)."""

    def ask(self, question: str):
        question.encode("utf-8")
        return super().ask(question)


# --- JSON depth and invalid Unicode ------------------------------------------------------------------
def test_depth_is_counted_on_the_bytes():
    assert json_depth(b'{"a": [1, {"b": "[[[[{{{{"}]}') == 3, "brackets inside strings do not count"
    assert json_depth(DEEP) == 1100 and json_depth(b'"x"') == 0


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_deep_json_is_a_counted_400_on_every_route(data_dir, fake_telegram, fake_zalo_oa, core):
    settings = make_settings(data_dir, **telegram_channel(fake_telegram), **zalo_oa_channel(fake_zalo_oa), admin_token=ADMIN_TOKEN)
    async with running(settings, core) as (_, client, _rt):
        oa = await client.post("/webhook/zalo-oa", content=DEEP, headers={"X-ZEvent-Signature": "mac=00", "Content-Type": "application/json"})
        tg = await client.post("/webhook/telegram", content=DEEP, headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
        ask = await client.post("/api/ask", content=DEEP_OBJECT, headers={"Content-Type": "application/json"})
        stream = await client.post("/api/ask/stream", content=DEEP_OBJECT, headers={"Content-Type": "application/json"})
        metrics = (await client.get("/metrics")).text
    assert (oa.status_code, tg.status_code, ask.status_code, stream.status_code) == (400, 400, 400, 400)
    assert "Traceback" not in oa.text + ask.text
    assert reject_count(metrics, "zalo-oa", "too_deep") == 1 and reject_count(metrics, "telegram", "too_deep") == 1
    assert reject_count(metrics, "web", "too_deep") == 2
    assert core.questions == []


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_lone_surrogate_is_a_400_not_a_5xx(data_dir, fake_telegram):
    core = EncodingCore()
    settings = make_settings(data_dir, **telegram_channel(fake_telegram))
    body = b'{"question": "K\\u1ebf ho\\u1ea1ch \\ud800 n\\u00e0o?"}'
    update = (b'{"update_id": 5, "message": {"message_id": 5, "date": 1700000000, "chat": {"id": 9, "type": "private"},'
              b' "text": "h\\udfff?"}}')
    async with running(settings, core) as (_, client, rt):
        ask = await client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
        stream = await client.post("/api/ask/stream", content=body, headers={"Content-Type": "application/json"})
        tg = await client.post("/webhook/telegram", content=update, headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
        pair = await client.post("/api/ask", content=b'{"question": "ngo\\u1ea1i giao \\ud83d\\ude00"}', headers={"Content-Type": "application/json"})
        await wait_idle(rt)
    assert (ask.status_code, stream.status_code, tg.status_code) == (400, 400, 400)
    assert pair.status_code == 200, "a valid surrogate pair (an emoji) is fine"
    assert core.questions == ["ngoại giao 😀"]


# --- secrets ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["aaaaaaaaaaaa", "your-admin-token-here", "abababababab", "changeme-changeme", "short-x1",
                                   "my-secret-value-2024", "xxxxxxxxxxxxxxxxxxxxxxxx1"])
def test_weak_secrets_are_refused_at_start(data_dir, value):
    assert weak_secret(value)
    with pytest.raises(ConfigError, match="NGVH_ADMIN_TOKEN"):
        Service(make_settings(data_dir, admin_token=value), FakeCore())
    with pytest.raises(ConfigError, match="NGVH_TELEGRAM_SECRET"):
        Service(make_settings(data_dir, telegram_token="1:x", telegram_secret=value.replace(" ", "-")), FakeCore())


def test_random_secrets_are_accepted(data_dir):
    for value in ("3f9a7c1e0b5d42f8a6c9e1b7d0f4a2c8", "Qm8-zT2_vL5nR9xW"):
        assert weak_secret(value) is None
    Service(make_settings(data_dir, admin_token="3f9a7c1e0b5d42f8a6c9e1b7d0f4a2c8"), FakeCore())


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_healthz_is_status_only_and_redacts_urls(data_dir):
    class Core(FakeCore):
        def health(self):
            return {**super().health(), "chroma": "http://ngvh:S3cretPa55-xy@chroma.internal:8000"}

    settings = make_settings(data_dir, admin_token=ADMIN_TOKEN, redis_url=None)
    async with running(settings, Core()) as (_, client, _rt):
        public = await client.get("/healthz")
        admin = await client.get("/healthz", headers=AUTH)
    assert public.json() == {"status": "ok"}
    assert "S3cretPa55" not in public.text + admin.text
    assert admin.json()["core"]["chroma"] == "http://***@chroma.internal:8000"


# --- a replayed Zalo OA event after a restart --------------------------------------------------------
@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_replayed_oa_event_after_a_restart_is_answered_once(data_dir, fake_zalo_oa, core):
    settings = make_settings(data_dir, **zalo_oa_channel(fake_zalo_oa))
    body = oa_event("msg-replayed")
    async with running(settings, core) as (_, client, rt):
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).json() == {"ok": True}
        await fake_zalo_oa.wait_calls("message/cs", 1)
        await wait_idle(rt)
    async with running(settings, core) as (_, client, rt):  # a new process on the same data folder
        replay = await client.post("/webhook/zalo-oa", content=body, headers=signed(body))
        await asyncio.sleep(0.3)
        await wait_idle(rt)
    assert replay.status_code == 200 and replay.json()["duplicate"] is True
    assert len(fake_zalo_oa.calls_to("message/cs")) == 1 and len(core.questions) == 1


# --- web questions: deadline and cap ---------------------------------------------------------------
@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_web_question_past_its_deadline_gets_503_with_retry_after(data_dir):
    core = FakeCore(delay=1.5)
    async with running(make_settings(data_dir), core, fast_options(ask_deadline=0.4)) as (_, client, _rt):
        plain = await client.post("/api/ask", json={"question": "chậm quá?"})
        stream = await client.post("/api/ask/stream", json={"question": "chậm nữa?"})
    assert plain.status_code == 503 and plain.headers["retry-after"].isdigit()
    assert stream.status_code == 503 and stream.headers["retry-after"].isdigit()


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_web_questions_beyond_the_cap_get_503_at_once(data_dir):
    core = FakeCore(delay=0.6)
    async with running(make_settings(data_dir, rate_per_minute=100), core, fast_options(web_in_flight=2)) as (_, client, _rt):
        responses = await asyncio.gather(*[client.post("/api/ask", json={"question": f"câu {i}"}) for i in range(5)])
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 200, 503, 503, 503], statuses
    assert all(r.headers.get("retry-after") for r in responses if r.status_code == 503)


# --- uploads ----------------------------------------------------------------------------------------
class PickyCore(FakeCore):
    """Stores .txt files, fails everything else (as a parser would)."""

    def ingest_paths(self, paths, on_event=None):
        rows = [IngestRow(source=p.name, status="added" if p.suffix == ".txt" else "failed", plan_id="p" if p.suffix == ".txt" else None,
                          reason=None if p.suffix == ".txt" else "unreadable") for p in paths]
        return IngestReport(rows)


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_only_successful_uploads_are_kept(data_dir):
    settings = make_settings(data_dir, admin_token=ADMIN_TOKEN)
    async with running(settings, PickyCore()) as (_, client, _rt):
        upload = await client.post("/admin/plans", headers=AUTH, files=[("file", ("good.txt", b"Ke hoach", "text/plain")),
                                                                       ("file", ("bad.pdf", b"%PDF-broken", "application/pdf"))])
        status = await finished_job(client, upload.json()["status"])
    assert status["state"] == "done" and (status["report"]["counts"]["added"], status["report"]["counts"]["failed"]) == (1, 1)
    uploads = data_dir / "uploads"
    kept = sorted(p.relative_to(uploads).as_posix() for p in uploads.rglob("*") if p.is_file())
    assert kept == ["good.txt"], kept


def test_upload_quota_drops_the_oldest(tmp_path):
    import os

    from bot.uploads import enforce_quota

    for i, name in enumerate(["a.txt", "b.txt", "c.txt"]):
        path = tmp_path / name
        path.write_bytes(b"x" * 100)
        os.utime(path, (1_700_000_000 + i, 1_700_000_000 + i))
    enforce_quota(tmp_path, 250)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "c.txt"]


def test_json_limits_accept_real_updates():
    from bot.jsonlimits import parse_json

    update = {"update_id": 1, "message": {"chat": {"id": 1}, "entities": [{"type": "bold", "offset": 0, "length": 2}]}}
    assert parse_json(json.dumps(update).encode()) == update
