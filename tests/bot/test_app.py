"""Web chat API, admin routes, health, metrics, start-up checks and log redaction."""
from __future__ import annotations

import asyncio
import io
import json
import logging

import pytest

from bot.logs import JsonFormatter, configure_logging, redact, secret_values
from bot.service import Service
from bot.settings_check import ConfigError
from tests.bot.conftest import ADMIN_TOKEN, TG_SECRET, TG_TOKEN, make_settings, running
from tests.bot.fakes import REPLACED_BY, REPLACED_WORDS, FakeCore

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def web_settings(data_dir):
    return make_settings(data_dir, admin_token=ADMIN_TOKEN, rate_per_minute=5)


# --- web chat --------------------------------------------------------------------------------------
@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_page_is_served_in_vietnamese(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        page = await client.get("/")
        script = await client.get("/static/chat.js")
        style = await client.get("/static/chat.css")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in page.text and 'name="viewport"' in page.text and "<label for=\"question\">" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert script.status_code == 200 and "/api/ask" in script.text and "innerHTML" not in script.text
    assert style.status_code == 200


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_api_ask_returns_the_cli_json(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        response = await client.post("/api/ask", json={"question": "  Cao Bằng đặt mục tiêu gì?  "})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"question", "found", "answer", "citations", "mode", "kind", "points"}
    assert data["question"] == "Cao Bằng đặt mục tiêu gì?" and data["found"] is True
    assert data["citations"][0]["full_quote"].endswith("dài hơn.") and data["citations"][0]["n"] == 1
    assert core.questions == ["Cao Bằng đặt mục tiêu gì?"]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_api_ask_says_which_cited_plan_was_replaced(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        data = (await client.post("/api/ask", json={"question": f"Kế hoạch {REPLACED_WORDS} nói gì?"})).json()
        script = (await client.get("/static/chat.js")).text
    assert [c["replaced_by"] for c in data["citations"]] == [None, REPLACED_BY]
    assert "replaced_by" in script and "đã được thay thế bởi" in script  # the page shows it (browser test too)


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_api_ask_bad_input(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        cases = {
            "malformed": await client.post("/api/ask", content=b"{nope", headers={"Content-Type": "application/json"}),
            "not object": await client.post("/api/ask", json=["q"]),
            "missing": await client.post("/api/ask", json={"q": "x"}),
            "blank": await client.post("/api/ask", json={"question": "   "}),
            "number": await client.post("/api/ask", json={"question": 42}),
            "too long": await client.post("/api/ask", json={"question": "a" * 2001}),
            "huge": await client.post("/api/ask", content=b'{"question": "' + b"a" * 1_100_000 + b'"}'),
        }
    status = {k: v.status_code for k, v in cases.items()}
    assert status == {"malformed": 400, "not object": 400, "missing": 400, "blank": 400, "number": 400, "too long": 400, "huge": 413}
    assert "quá dài (2001 ký tự)" in cases["too long"].json()["message"]
    assert core.questions == []


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_api_ask_rate_limit_and_core_failure(web_settings):
    async with running(web_settings, FakeCore(fail=True)) as (_, client, _rt):
        statuses = [(await client.post("/api/ask", json={"question": f"q{i}"})).status_code for i in range(7)]
    assert statuses == [503] * 5 + [429] * 2


# --- admin ---------------------------------------------------------------------------------------
@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_admin_routes_require_the_token(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        assert (await client.get("/admin/plans")).status_code == 401
        assert (await client.get("/admin/plans", headers={"Authorization": "Bearer wrong-token-000000"})).status_code == 403
        assert (await client.get("/admin/plans", headers={"Authorization": ADMIN_TOKEN})).status_code == 401
        assert (await client.delete("/admin/plans/plan-cao-bang")).status_code == 401
        forged_upload = await client.post("/admin/plans", files={"file": ("x.txt", b"abc")}, headers={"Authorization": "Bearer nope-nope-nope"})
        assert forged_upload.status_code == 403
    assert core.ingested == [] and core.removed == []


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_admin_upload_list_delete(web_settings, core, data_dir):
    async with running(web_settings, core) as (_, client, _rt):
        listed = await client.get("/admin/plans", headers=AUTH)
        assert listed.status_code == 200 and listed.json()["plans"][0]["number"] == "726/KH-UBND"
        upload = await client.post(
            "/admin/plans",
            headers=AUTH,
            files=[("file", ("Kế hoạch 12.txt", "Kế hoạch số 12/KH-UBND".encode(), "text/plain")),
                   ("file", ("../../etc/b.html", b"<p>b</p>", "text/html"))],
        )
        assert upload.status_code == 202, upload.text
        report = (await finished_job(client, upload.json()["status"]))["report"]
        assert report["ok"] is True and report["counts"]["added"] == 2
        assert [f["source"] for f in report["files"]] == ["Kế hoạch 12.txt", "b.html"]
        assert (data_dir / "uploads" / "b.html").read_bytes() == b"<p>b</p>"  # no path traversal
        assert len((await client.get("/admin/plans", headers=AUTH)).json()["plans"]) == 3
        assert (await client.delete("/admin/plans/plan-cao-bang", headers=AUTH)).json() == {"removed": "plan-cao-bang"}
        assert (await client.delete("/admin/plans/plan-cao-bang", headers=AUTH)).status_code == 404


async def finished_job(client, status_url: str, timeout: float = 10.0) -> dict:
    """Poll an admin job's status route until it is done or failed."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        status = (await client.get(status_url, headers=AUTH)).json()
        if status["state"] in ("done", "failed"):
            return status
        assert asyncio.get_running_loop().time() < deadline, status
        await asyncio.sleep(0.05)


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_admin_upload_bad_input(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        wrong_type = await client.post("/admin/plans", headers=AUTH, files={"file": ("virus.exe", b"MZ")})
        no_file = await client.post("/admin/plans", headers=AUTH, files={"note": (None, "x")})
        not_multipart = await client.post("/admin/plans", headers=AUTH, json={"file": "x"})
        too_big = await client.post("/admin/plans", headers=AUTH, files={"file": ("big.pdf", b"%PDF" + b"0" * (20 * 1024 * 1024))})
        broken = await client.post("/admin/plans", headers={**AUTH, "Content-Type": "multipart/form-data; boundary=xyz"}, content=b"--xyz\r\ngarbage")
    assert wrong_type.status_code == 415
    assert no_file.status_code == 400
    assert not_multipart.status_code == 415
    assert too_big.status_code == 413
    assert broken.status_code == 400
    assert core.ingested == []


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_admin_disabled_without_token(data_dir, core):
    async with running(make_settings(data_dir), core) as (_, client, _rt):
        assert (await client.get("/admin/plans", headers=AUTH)).status_code == 404


@pytest.mark.parametrize("token", ["", "changeme", "admin", "short-tok"])
def test_refuses_to_start_with_placeholder_admin_token(data_dir, core, token):
    with pytest.raises(ConfigError, match="NGVH_ADMIN_TOKEN"):
        Service(make_settings(data_dir, admin_token=token), core)


def test_refuses_webhooks_without_secrets(data_dir, core):
    with pytest.raises(ConfigError, match="NGVH_TELEGRAM_SECRET"):
        Service(make_settings(data_dir, telegram_token=TG_TOKEN), core)
    with pytest.raises(ConfigError, match="NGVH_TELEGRAM_SECRET"):
        Service(make_settings(data_dir, telegram_token=TG_TOKEN, telegram_secret="has spaces not allowed"), core)
    with pytest.raises(ConfigError, match="NGVH_ZALO_BOT_SECRET"):
        Service(make_settings(data_dir, zalo_bot_token="1:x", zalo_bot_secret="changeme"), core)
    with pytest.raises(ConfigError, match="NGVH_ZALO_OA_SECRET_KEY"):
        Service(make_settings(data_dir, zalo_oa_app_id="1", zalo_oa_access_token="AT"), core)
    Service(make_settings(data_dir, telegram_token=TG_TOKEN), core, polling=True)  # polling needs no secret


# --- operations --------------------------------------------------------------------------------------
@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_healthz_and_metrics(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        await client.post("/api/ask", json={"question": "Cao Bằng?"})
        await client.post("/api/ask", json={"question": "không có gì"})
        public = await client.get("/healthz")
        health = await client.get("/healthz", headers=AUTH)
        metrics = await client.get("/metrics")
    assert public.status_code == 200 and public.json() == {"status": "ok"}, "the public probe shows the status only"
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok" and body["core"]["plans"] == 1 and body["coordination"] == "sqlite" and body["queue"] == 0
    assert metrics.headers["content-type"].startswith("text/plain")
    text = metrics.text
    for line in (
        'ngvh_http_requests_total{method="POST",route="/api/ask",status="200"} 2.0',
        'ngvh_answers_total{channel="web",kind="general"} 1.0',
        'ngvh_answers_total{channel="web",kind="refusal"} 1.0',
        'ngvh_refusals_total{channel="web"} 1.0',
        'ngvh_answer_seconds_count{channel="web"} 2.0',
        "ngvh_queue_depth 0.0",
    ):
        assert line in text, line


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_healthz_reports_a_broken_core_and_channel(data_dir):
    class Broken(FakeCore):
        def health(self):
            raise RuntimeError("store unreachable")

    settings = make_settings(data_dir, telegram_token=TG_TOKEN, telegram_secret=TG_SECRET, telegram_api_base="http://127.0.0.1:9",
                             admin_token=ADMIN_TOKEN, chroma_url="http://chroma:pa55w0rd-Xq9@127.0.0.1:9")
    async with running(settings, Broken()) as (_, client, _rt):
        public = await client.get("/healthz")
        health = await client.get("/healthz", headers=AUTH)
        webhook = await client.post("/webhook/telegram", json={"update_id": 1}, headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
    # the Chroma server it names does not answer: the service cannot answer, and says so (issue 20)
    assert public.status_code == 503 and public.json() == {"status": "error"}
    body = health.json()
    assert body["status"] == "error" and "store unreachable" in body["core"]["error"]
    assert not body["checks"]["chroma"]["ok"] and "pa55w0rd" not in health.text
    assert body["checks"]["intake"]["ok"] and body["checks"]["disk"]["ok"]
    assert body["channels"]["telegram"].startswith("error")
    assert TG_TOKEN not in health.text and TG_TOKEN.split(":")[1] not in health.text
    assert webhook.status_code == 503  # Telegram keeps the update and re-delivers later


def test_logs_are_json_and_never_contain_tokens(data_dir):
    settings = make_settings(data_dir, telegram_token=TG_TOKEN, telegram_secret=TG_SECRET, admin_token=ADMIN_TOKEN,
                             zalo_oa_access_token="AT-secret-value-1", redis_url="redis://:redispass123@127.0.0.1:6379/0")
    stream = io.StringIO()
    configure_logging(settings, stream=stream)
    try:
        log = logging.getLogger("httpx")
        log.warning(f'HTTP Request: POST https://api.telegram.org/bot{TG_TOKEN}/sendMessage "HTTP/1.1 200 OK"')
        logging.getLogger("ngvh.test").error("bad secret %s", TG_SECRET, extra={"chat": "1", "token": ADMIN_TOKEN})
        logging.getLogger("ngvh.test").info("refresh", extra={"body": "access_token=AT-other-123&refresh_token=RT-x"})
        logging.getLogger("ngvh.test").info("redis at redis://:redispass123@127.0.0.1")
    finally:
        logging.getLogger().handlers[:] = []
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 4 and lines[1]["level"] == "error" and lines[1]["chat"] == "1"
    text = stream.getvalue()
    for secret in (TG_TOKEN, TG_TOKEN.split(":")[1], TG_SECRET, ADMIN_TOKEN, "AT-other-123", "RT-x", "redispass123"):
        assert secret not in text, secret
    assert "bot***" in lines[0]["msg"]


def test_redact_is_pure():
    assert redact("x AAA y", ["AAA"]) == "x *** y"
    assert redact("https://h/bot12345:abcdefghijklmnopqrstuvwxyz/getMe") == "https://h/bot***/getMe"
    assert secret_values(make_settings(__import__("pathlib").Path("/tmp"), admin_token="abcd1234efgh")) == ["abcd1234efgh"]
    assert JsonFormatter(["s3cr3t"]).format(logging.makeLogRecord({"msg": "s3cr3t!"})).count("***") == 1


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_channel_that_failed_to_start_is_retried(data_dir, core, fake_telegram):
    from tests.bot.conftest import fast_options, telegram_channel
    from tests.bot.test_telegram import post, tg_update

    fake_telegram.fail_next("getMe", status=502, times=2)  # Telegram unreachable while the service boots
    settings = make_settings(data_dir, **telegram_channel(fake_telegram), admin_token=ADMIN_TOKEN)
    async with running(settings, core, fast_options(channel_retry=0.2)) as (_, client, rt):
        health = (await client.get("/healthz", headers=AUTH)).json()
        assert health["status"] == "degraded" and health["channels"]["telegram"].startswith("error")
        assert (await post(client, tg_update(1))).status_code == 503
        await fake_telegram.wait_for(lambda: rt.ready("telegram"), 10, "the channel to start on a retry")
        assert (await post(client, tg_update(1))).status_code == 200
        await fake_telegram.wait_calls("sendMessage", 1)
    assert len(fake_telegram.calls_to("getMe", ok_only=False)) == 3
