"""Zalo Bot and Zalo Official Account through the real app and fake platform servers."""
from __future__ import annotations

import asyncio
import json
import os
import stat

import pytest

from bot.adapters.zalo_oa import OATokenManager
from bot.constants import ZALO_OA_TOKEN_FILE, ZALO_TEXT_LIMIT
from bot.security import zalo_oa_mac
from tests.bot.conftest import (
    OA_APP_ID,
    OA_APP_SECRET,
    OA_SECRET_KEY,
    ZB_SECRET,
    ZB_TOKEN,
    make_settings,
    running,
    wait_idle,
    zalo_bot_channel,
    zalo_oa_channel,
)
from tests.bot.fakes import REPLACED_BY, REPLACED_WORDS, FakeCore

# --- Zalo Bot ------------------------------------------------------------------------------------


def zb_event(message_id: str, text: str = "Hải Phòng có kế hoạch gì?", chat_id: str = "e4ea2cd5189df1c3a88c",
             event: str = "message.text.received") -> dict:
    return {
        "ok": True,
        "result": {
            "event_name": event,
            "message": {
                "from": {"id": chat_id, "display_name": "Lan", "is_bot": False},
                "chat": {"id": chat_id, "chat_type": "PRIVATE"},
                "text": text,
                "message_id": message_id,
                "date": 1_750_316_131_602,  # milliseconds
            },
        },
    }


@pytest.fixture
def zb_settings(data_dir, fake_zalo_bot):
    return make_settings(data_dir, **zalo_bot_channel(fake_zalo_bot))


async def zb_post(client, payload=None, secret=ZB_SECRET, content=None):
    headers = {"X-Bot-Api-Secret-Token": secret} if secret else {}
    if content is not None:
        return await client.post("/webhook/zalo-bot", headers=headers, content=content)
    return await client.post("/webhook/zalo-bot", headers=headers, json=payload)


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_answers_in_plain_text_once(zb_settings, fake_zalo_bot, core):
    async with running(zb_settings, core) as (_, client, rt):
        assert (await zb_post(client, zb_event("m1"))).json() == {"ok": True}
        assert (await zb_post(client, zb_event("m1"))).json() == {"ok": True, "duplicate": True}
        [call] = await fake_zalo_bot.wait_calls("sendMessage", 1)
        await wait_idle(rt)
    assert call.params["chat_id"] == "e4ea2cd5189df1c3a88c"
    text = call.params["text"]
    assert "<b>" not in text and "&lt;" not in text, "Zalo gets plain text"
    assert text.startswith("Trả lời cho: Hải Phòng có kế hoạch gì?") and "Nguồn:\n[1] 726/KH-UBND" in text
    assert len(fake_zalo_bot.calls_to("sendMessage")) == 1 and core.questions == ["Hải Phòng có kế hoạch gì?"]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_marks_a_replaced_plan(zb_settings, fake_zalo_bot, core):
    async with running(zb_settings, core) as (_, client, rt):
        await zb_post(client, zb_event("m-r", text=f"Kế hoạch {REPLACED_WORDS} nói gì?"))
        [call] = await fake_zalo_bot.wait_calls("sendMessage", 1)
        await wait_idle(rt)
    text = call.params["text"]
    assert text.split("[2] ")[1].split("\n")[0].endswith(f"(đã được thay thế bởi {REPLACED_BY})") and text.count("đã được thay thế") == 1


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_shows_typing_for_slow_answers(zb_settings, fake_zalo_bot):
    async with running(zb_settings, FakeCore(delay=2.0)) as (_, client, _rt):
        await zb_post(client, zb_event("m1"))
        await fake_zalo_bot.wait_calls("sendMessage", 1)
    assert fake_zalo_bot.calls_to("sendChatAction")[0].params == {"chat_id": "e4ea2cd5189df1c3a88c", "action": "typing"}


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_verification_and_bad_input(zb_settings, fake_zalo_bot, core):
    async with running(zb_settings, core) as (_, client, _rt):
        assert (await zb_post(client, zb_event("m1"), secret=None)).status_code == 401
        assert (await zb_post(client, zb_event("m2"), secret="not-the-secret-123")).status_code == 403
        assert (await zb_post(client, content=b"{oops")).status_code == 400
        assert (await zb_post(client, content=b'"just a string"')).status_code == 400
        assert (await zb_post(client, content=b"[" + b"1," * 600_000 + b"1]")).status_code == 413
        ignored = await zb_post(client, zb_event("m3", event="message.sticker.received"))
        assert ignored.status_code == 200 and ignored.json().get("ignored") is True
        assert (await zb_post(client, {"ok": True, "result": {"event_name": "message.text.received"}})).status_code == 200
        await asyncio.sleep(0.3)
    assert core.questions == [] and fake_zalo_bot.calls_to("sendMessage") == []


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_long_answer_is_split_at_2000(zb_settings, fake_zalo_bot):
    class LongCore(FakeCore):
        def ask(self, question):
            answer = super().ask(question)
            answer.answer = "\n\n".join(f"Đoạn {i}. " + "nội dung " * 60 for i in range(10))
            return answer

    async with running(zb_settings, LongCore()) as (_, client, _rt):
        await zb_post(client, zb_event("m1"))
        await fake_zalo_bot.wait_for(lambda: any(t.endswith("Gõ 1, 2… để xem nguyên văn") for t in fake_zalo_bot.sent_texts()), 10, "the last part")
    texts = fake_zalo_bot.sent_texts()
    assert len(texts) >= 3 and all(len(t) <= ZALO_TEXT_LIMIT for t in texts)
    assert sum("[1] 726/KH-UBND" in t for t in texts) == 1


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_retries_429_and_5xx(zb_settings, fake_zalo_bot, core):
    fake_zalo_bot.fail_next("sendMessage", status=429, body={"ok": False, "error_code": 429, "parameters": {"retry_after": 1}})
    fake_zalo_bot.fail_next("sendMessage", status=503)
    async with running(zb_settings, core) as (_, client, _rt):
        await zb_post(client, zb_event("m1"))
        await fake_zalo_bot.wait_calls("sendMessage", 1, timeout=10)
    attempts = fake_zalo_bot.calls_to("sendMessage", ok_only=False)
    assert [c.status for c in attempts] == [429, 503, 200]
    assert attempts[1].at - attempts[0].at >= 0.95


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_polling(data_dir, fake_zalo_bot, core):
    settings = make_settings(data_dir, zalo_bot_token=ZB_TOKEN, zalo_bot_api_base=fake_zalo_bot.url)
    fake_zalo_bot.pending_updates.extend([zb_event("p1", "qua polling")["result"]] * 2)
    async with running(settings, core, polling=True):
        await fake_zalo_bot.wait_calls("sendMessage", 1, timeout=10)
        await asyncio.sleep(0.5)
    assert fake_zalo_bot.calls_to("deleteWebhook")
    assert core.questions == ["qua polling"]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_webhook_registration(data_dir, fake_zalo_bot, core):
    settings = make_settings(data_dir, **zalo_bot_channel(fake_zalo_bot), public_url="https://ngvh.example.gov.vn")
    async with running(settings, core):
        pass
    [call] = fake_zalo_bot.calls_to("setWebhook")
    assert call.params == {"url": "https://ngvh.example.gov.vn/webhook/zalo-bot", "secret_token": ZB_SECRET}


# --- Zalo Official Account -----------------------------------------------------------------------


def oa_event(msg_id: str, text: str = "Thừa Thiên Huế ban hành kế hoạch khi nào?", user: str = "246845883529197922",
             event: str = "user_send_text") -> bytes:
    payload = {
        "app_id": OA_APP_ID,
        "sender": {"id": user},
        "user_id_by_app": "552177279717587730",
        "recipient": {"id": "388613280878808645"},
        "event_name": event,
        "message": {"text": text, "msg_id": msg_id},
        "timestamp": "1700000000123",
    }
    return json.dumps(payload, ensure_ascii=False).encode()


def signed(body: bytes, key: str = OA_SECRET_KEY) -> dict:
    timestamp = json.loads(body)["timestamp"]
    return {"X-ZEvent-Signature": "mac=" + zalo_oa_mac(OA_APP_ID, body, timestamp, key), "Content-Type": "application/json"}


@pytest.fixture
def oa_settings(data_dir, fake_zalo_oa):
    return make_settings(data_dir, **zalo_oa_channel(fake_zalo_oa))


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_signed_event_is_answered(oa_settings, fake_zalo_oa, core):
    async with running(oa_settings, core) as (_, client, rt):
        body = oa_event("msg-1")
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).json()["duplicate"] is True
        [call] = await fake_zalo_oa.wait_calls("message/cs", 1)
        await wait_idle(rt)
    assert call.headers["access_token"] == "AT-initial"
    assert call.params["recipient"] == {"user_id": "246845883529197922", "message_id": "msg-1"}  # a reply, not proactive
    assert call.params["message"]["text"].startswith("Trả lời cho: Thừa Thiên Huế")
    assert core.questions == ["Thừa Thiên Huế ban hành kế hoạch khi nào?"]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_marks_a_replaced_plan(oa_settings, fake_zalo_oa, core):
    async with running(oa_settings, core) as (_, client, rt):
        body = oa_event("msg-r", text=f"Kế hoạch {REPLACED_WORDS} nói gì?")
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
        [call] = await fake_zalo_oa.wait_calls("message/cs", 1)
        await wait_idle(rt)
    text = call.params["message"]["text"]
    assert text.split("[2] ")[1].split("\n")[0].endswith(f"(đã được thay thế bởi {REPLACED_BY})") and text.count("đã được thay thế") == 1


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_answer_buttons_and_their_taps(oa_settings, fake_zalo_oa, core):
    """The answer carries query buttons; a tap reaches the OA as the user's text (the button's payload)."""
    from bot.questionlog import QuestionLog

    async with running(oa_settings, core) as (_, client, rt):
        for n, text in enumerate(["Huế ban hành kế hoạch khi nào?", "nguồn 2", "đúng"], 1):
            body = oa_event(f"msg-b{n}", text=text)
            assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
            await fake_zalo_oa.wait_calls("message/cs", n)
            await wait_idle(rt)
    answer, passage, thanks = [c.params["message"] for c in fake_zalo_oa.calls_to("message/cs")]
    buttons = answer["attachment"]["payload"]["buttons"]
    assert [b["payload"] for b in buttons] == ["nguồn 1", "nguồn 2", "đúng", "sai"]
    assert "Gõ 1, 2" not in answer["text"] and answer["text"].startswith("Trả lời cho: Huế")
    assert passage["text"].startswith("[2] Kế hoạch 726/KH-UBND") and "attachment" not in passage
    assert thanks == {"text": "Cảm ơn bạn đã góp ý!"}
    log = QuestionLog.from_settings(oa_settings)
    try:
        assert [(r["channel"], r["feedback"]) for r in log.rows()] == [("zalo-oa", "up")]
    finally:
        log.close()


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_without_buttons_keeps_the_typed_hint(oa_settings, fake_zalo_oa, core):
    fake_zalo_oa.refuse_templates = True
    async with running(oa_settings, core) as (_, client, rt):
        body = oa_event("msg-t1")
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
        await fake_zalo_oa.wait_calls("message/cs", 2)
        await wait_idle(rt)
        metrics = (await client.get("/metrics")).text
    refused, sent = fake_zalo_oa.calls_to("message/cs")
    assert "attachment" in refused.params["message"] and "attachment" not in sent.params["message"]
    assert sent.params["message"]["text"].endswith("Gõ 1, 2… để xem nguyên văn")
    assert 'ngvh_sends_total{channel="zalo-oa",outcome="ok"} 1.0' in metrics, "one send, delivered as text"


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_keeps_its_webhook_when_the_others_poll(oa_settings, fake_zalo_oa, core):
    # --polling is for Telegram and Zalo Bot; Zalo OA has no polling API and still needs its webhook
    async with running(oa_settings, core, polling=True) as (_, client, rt):
        body = oa_event("msg-1")
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
        await fake_zalo_oa.wait_calls("message/cs", 1)
        await wait_idle(rt)
    assert core.questions == ["Thừa Thiên Huế ban hành kế hoạch khi nào?"]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_forged_signatures_are_refused(oa_settings, fake_zalo_oa, core):
    async with running(oa_settings, core) as (_, client, _rt):
        body = oa_event("msg-1")
        assert (await client.post("/webhook/zalo-oa", content=body)).status_code == 401
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body, key="wrong-key"))).status_code == 403
        tampered = body.replace("Huế".encode(), b"Hue")
        assert (await client.post("/webhook/zalo-oa", content=tampered, headers=signed(body))).status_code == 403
        assert (await client.post("/webhook/zalo-oa", content=b"{bad", headers={"X-ZEvent-Signature": "mac=00"})).status_code == 400
        follow = oa_event("msg-2", event="follow")
        assert (await client.post("/webhook/zalo-oa", content=follow, headers=signed(follow))).json()["ignored"] is True
        await asyncio.sleep(0.3)
    assert core.questions == [] and fake_zalo_oa.calls_to("message/cs", ok_only=False) == []


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_refreshes_on_216_and_persists_tokens(oa_settings, fake_zalo_oa, core, data_dir):
    fake_zalo_oa.expire_access_tokens()  # the token from .env was revoked: the first send gets -216
    async with running(oa_settings, core) as (_, client, _rt):
        body = oa_event("msg-1")
        await client.post("/webhook/zalo-oa", content=body, headers=signed(body))
        await fake_zalo_oa.wait_for(lambda: any(c.params.get("recipient") and c.headers.get("access_token") == "AT-new-1"
                                                 for c in fake_zalo_oa.calls_to("message/cs")), 10, "a resend with the new token")
    [refresh] = fake_zalo_oa.calls_to("access_token")
    assert refresh.params == {"refresh_token": "RT-initial", "app_id": OA_APP_ID, "grant_type": "refresh_token"}
    assert refresh.headers["secret_key"] == OA_APP_SECRET
    saved = data_dir / "state" / ZALO_OA_TOKEN_FILE
    data = json.loads(saved.read_text())
    assert data["access_token"] == "AT-new-1" and data["refresh_token"] == "RT-new-1" and data["expires_at"] > 0
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    assert not [p for p in saved.parent.iterdir() if p.name.endswith(".tmp")]


async def test_zalo_oa_tokens_survive_restart_and_refresh_before_expiry(oa_settings, fake_zalo_oa, data_dir):
    now = [1_000_000.0]
    path = data_dir / "state" / ZALO_OA_TOKEN_FILE

    def manager():
        return OATokenManager(path, OA_APP_ID, OA_APP_SECRET, fake_zalo_oa.url, "AT-initial", "RT-initial", clock=lambda: now[0])

    first = manager()
    assert await first.current() == "AT-initial"  # unknown expiry: used until refused
    await first.refresh(stale="AT-initial")
    assert first.tokens.expires_at == now[0] + 90000
    # a restart reads the file, not the consumed refresh token from the environment
    second = manager()
    assert second.tokens.refresh_token == "RT-new-1"
    now[0] += 90000 - 60  # a minute before expiry: refreshed ahead of time
    assert await second.current() == "AT-new-2"
    assert [c.params["refresh_token"] for c in fake_zalo_oa.calls_to("access_token")] == ["RT-initial", "RT-new-1"]
    await first.client.aclose()
    await second.client.aclose()


async def test_zalo_oa_concurrent_refreshes_use_the_refresh_token_once(fake_zalo_oa, data_dir):
    path = data_dir / "state" / ZALO_OA_TOKEN_FILE
    manager = OATokenManager(path, OA_APP_ID, OA_APP_SECRET, fake_zalo_oa.url, "AT-initial", "RT-initial")
    tokens = await asyncio.gather(*[manager.refresh(stale="AT-initial") for _ in range(5)])
    assert set(tokens) == {"AT-new-1"}
    assert len(fake_zalo_oa.calls_to("access_token", ok_only=False)) == 1
    await manager.client.aclose()
