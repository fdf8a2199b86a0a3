"""Telegram end to end through the real app, PTB and a fake Bot API server on loopback."""
from __future__ import annotations

import asyncio
import json
import logging

import pytest

from bot import formatting
from tests.bot.conftest import (
    ADMIN_ID,
    TG_SECRET,
    TG_TOKEN,
    fast_options,
    make_settings,
    running,
    telegram_channel,
    wait_idle,
)
from tests.bot.fakes import REPLACED_BY, REPLACED_WORDS, FakeCore

pytestmark = pytest.mark.slow  # every test serves the app with uvicorn on a port

HEADER = "X-Telegram-Bot-Api-Secret-Token"


def tg_update(update_id: int, text: str | None = "Cao Bằng có kế hoạch gì?", chat_id: int = 1001, user_id: int | None = None,
              chat_type: str = "private", document: dict | None = None, kind: str = "message") -> dict:
    message = {
        "message_id": update_id,
        "date": 1_700_000_000,
        "chat": {"id": chat_id, "type": chat_type},
        "from": {"id": user_id or chat_id, "is_bot": False, "first_name": "An"},
    }
    if text is not None:
        message["text"] = text
    if document is not None:
        message["document"] = document
    return {"update_id": update_id, kind: message}


async def post(client, payload, secret: str | None = TG_SECRET, **kwargs):
    headers = {HEADER: secret} if secret is not None else {}
    if "content" in kwargs:
        return await client.post("/webhook/telegram", headers=headers, **kwargs)
    return await client.post("/webhook/telegram", json=payload, headers=headers, **kwargs)


@pytest.fixture
def tg_settings(data_dir, fake_telegram):
    return make_settings(data_dir, **telegram_channel(fake_telegram), admin_ids=[ADMIN_ID], rate_per_minute=20)


async def test_question_is_answered_with_html_and_citations(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, _rt):
        response = await post(client, tg_update(1, "Kế hoạch <726> & mục tiêu?"))
        assert response.status_code == 200 and response.json() == {"ok": True}
        [call] = await fake_telegram.wait_calls("sendMessage", 1)
    assert core.questions == ["Kế hoạch <726> & mục tiêu?"]
    assert call.params["chat_id"] == "1001" and call.params["parse_mode"] == "HTML"
    text = call.params["text"]
    assert text.startswith("Trả lời cho: Kế hoạch &lt;726&gt; &amp; mục tiêu?")
    assert "<b>[1]</b> 726/KH-UBND · UBND tỉnh Cao Bằng · 29/3/2022" in text and "<blockquote expandable>" in text
    assert fake_telegram.calls_to("sendChatAction") == [], "a quick answer needs no typing indicator"
    assert fake_telegram.calls_to("getMe"), "the Application is initialised against the configured base URL"


async def test_a_replaced_plan_is_marked_under_its_source(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, _rt):
        await post(client, tg_update(1, f"Kế hoạch {REPLACED_WORDS} nói gì?"))
        [call] = await fake_telegram.wait_calls("sendMessage", 1)
    source_two = call.params["text"].split("<b>[2]</b>")[1].split("\n")[0]
    assert source_two.endswith(f"<i>(đã được thay thế bởi {REPLACED_BY})</i>")
    assert call.params["text"].count("đã được thay thế") == 1


async def test_duplicate_delivery_is_answered_once(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, rt):
        first = await post(client, tg_update(7))
        second = await post(client, tg_update(7))
        assert first.json() == {"ok": True} and second.json() == {"ok": True, "duplicate": True}
        await fake_telegram.wait_calls("sendMessage", 1)
        await wait_idle(rt)
        await asyncio.sleep(0.2)
    assert len(fake_telegram.calls_to("sendMessage")) == 1 and len(core.questions) == 1


async def test_forged_or_missing_secret_is_refused_and_nothing_processed(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, rt):
        assert (await post(client, tg_update(1), secret=None)).status_code == 401
        assert (await post(client, tg_update(2), secret="wrong-secret-value-123")).status_code == 403
        assert (await post(client, tg_update(3), secret=TG_SECRET[:-1])).status_code == 403
        await asyncio.sleep(0.2)
        metrics = (await client.get("/metrics")).text
        # a forged request does not burn the update id: the genuine delivery still gets through
        assert (await post(client, tg_update(2))).status_code == 200
        await fake_telegram.wait_calls("sendMessage", 1)
    assert core.questions == ["Cao Bằng có kế hoạch gì?"]
    assert 'ngvh_webhook_rejects_total{channel="telegram",reason="unauthorized"} 1.0' in metrics
    assert 'ngvh_webhook_rejects_total{channel="telegram",reason="forbidden"} 2.0' in metrics


async def test_bad_bodies_are_4xx_never_5xx(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, _rt):
        bad = [
            await post(client, None, content=b"{not json"),
            await post(client, None, content=b"[1, 2]"),
            await post(client, None, content=b'{"message": {}}'),  # no update_id
            await post(client, None, content=b'{"update_id": "7"}'),
            await post(client, None, content=b'{"update_id": 5, "message": {"chat": "nonsense"}}'),
            await post(client, None, content="\udcff".encode("utf-8", "surrogatepass")),
        ]
        assert [r.status_code for r in bad] == [400] * 6, [r.text for r in bad]
        big = await post(client, None, content=b'{"update_id": 1, "x": "' + b"a" * (1024 * 1024) + b'"}')
        assert big.status_code == 413

        async def chunks():  # no Content-Length: the limit must hold while streaming
            for _ in range(20):
                yield b"a" * 65536

        assert (await client.post("/webhook/telegram", headers={HEADER: TG_SECRET}, content=chunks())).status_code == 413
        assert (await post(client, None, content=b"x" * 2_000_000, secret="forged-secret-000000")).status_code == 413
        # unknown update kinds are accepted and ignored
        ignored = await post(client, tg_update(9, kind="edited_message"))
        assert ignored.status_code == 200
        await asyncio.sleep(0.3)
    assert core.questions == [] and fake_telegram.calls_to("sendMessage") == []


async def test_ack_is_immediate_even_when_answers_are_slow(tg_settings, fake_telegram):
    core = FakeCore(delay=2.0)
    async with running(tg_settings, core) as (_, client, _rt):
        response = await post(client, tg_update(1))
        # the 200 came back while the 2-second answer was still being prepared
        assert response.status_code == 200 and fake_telegram.calls_to("sendMessage") == []
        await fake_telegram.wait_calls("sendMessage", 1, timeout=10)
    [typing] = fake_telegram.calls_to("sendChatAction")  # a slow answer shows "typing…" while it is prepared
    assert typing.params == {"chat_id": "1001", "action": "typing"}
    assert typing.at < fake_telegram.calls_to("sendMessage")[0].at


async def test_commands_help_plans_and_sources(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, _rt):
        await post(client, tg_update(1, "/nguon 1"))
        await fake_telegram.wait_calls("sendMessage", 1)
        await post(client, tg_update(2, "/start"))
        await fake_telegram.wait_calls("sendMessage", 2)
        await post(client, tg_update(3, "/help@ngvh_test_bot"))
        await fake_telegram.wait_calls("sendMessage", 3)
        await post(client, tg_update(4, "/plans"))
        await fake_telegram.wait_calls("sendMessage", 4)
        await post(client, tg_update(5, "Mục tiêu của Cao Bằng?"))
        await fake_telegram.wait_calls("sendMessage", 5)
        await post(client, tg_update(6, "/nguon 2"))
        await fake_telegram.wait_calls("sendMessage", 6)
        await post(client, tg_update(7, "/nguon 9"))
        texts = [c.params["text"] for c in await fake_telegram.wait_calls("sendMessage", 7)]
    assert texts[0] == formatting.escape_html(formatting.NO_LAST_ANSWER_TEXT)
    assert texts[1] == texts[2] and texts[1].startswith(formatting.escape_html(formatting.GREETING_TEXT))
    assert "/moi" in texts[1] and "/xoa" in texts[1] and "180 ngày" in texts[1], "commands and retention are told"
    assert "Kế hoạch 726/KH-UBND — UBND tỉnh Cao Bằng" in texts[3]
    assert texts[5].startswith("<b>[2] Kế hoạch 726/KH-UBND</b>") and "III. NHIỆM VỤ" in texts[5]
    assert "<blockquote expandable>" in texts[5]
    assert "Toàn văn đoạn trích dài hơn" in texts[5] and "&lt;hình ảnh&gt; &amp;" in texts[5]
    assert texts[6] == formatting.BAD_SOURCE_TEXT.format(count=2)
    assert core.questions == ["Mục tiêu của Cao Bằng?"]


async def test_too_long_question_gets_a_clear_reply(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, _rt):
        await post(client, tg_update(1, "á" * 2001))
        [call] = await fake_telegram.wait_calls("sendMessage", 1)
    assert "quá dài (2001 ký tự)" in call.params["text"] and "2000" in call.params["text"]
    assert core.questions == []


async def test_rate_limit_slows_one_user_not_others(data_dir, fake_telegram, core):
    settings = make_settings(data_dir, **telegram_channel(fake_telegram), rate_per_minute=3)
    async with running(settings, core) as (_, client, rt):
        for i in range(1, 7):
            await post(client, tg_update(i, f"câu {i}", chat_id=555))
        await post(client, tg_update(100, "người khác hỏi", chat_id=777))
        await fake_telegram.wait_calls("sendMessage", 5)
        await wait_idle(rt)
        await asyncio.sleep(0.2)
    to_555 = [c.params["text"] for c in fake_telegram.calls_to("sendMessage") if c.params["chat_id"] == "555"]
    to_777 = [c.params["text"] for c in fake_telegram.calls_to("sendMessage") if c.params["chat_id"] == "777"]
    assert sum("Trả lời cho:" in t for t in to_555) == 3  # later ones read as follow-ups of the first
    assert sum("quá nhiều câu hỏi" in t for t in to_555) == 1  # one notice, not one per message
    assert len(to_555) == 4
    assert to_777 and to_777[0].startswith("Trả lời cho: người khác hỏi")
    assert len(core.questions) == 4 and {"câu 1", "người khác hỏi"} <= set(core.questions)


async def test_429_is_retried_after_retry_after(tg_settings, fake_telegram, core):
    fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
    async with running(tg_settings, core) as (_, client, _rt):
        await post(client, tg_update(1))
        [ok] = await fake_telegram.wait_calls("sendMessage", 1, timeout=10)
    [failed] = [c for c in fake_telegram.calls_to("sendMessage", ok_only=False) if not c.ok]
    assert failed.status == 429
    assert ok.at - failed.at >= 0.95, "the retry must wait retry_after seconds"


async def test_5xx_and_timeouts_are_retried_with_backoff(tg_settings, fake_telegram, core):
    fake_telegram.fail_next("sendMessage", status=500)
    fake_telegram.fail_next("sendMessage", status=502)
    fake_telegram.fail_next("sendMessage", status=200, delay=3.0)  # longer than the 2 s client timeout
    async with running(tg_settings, core) as (_, client, _rt):
        await post(client, tg_update(1))
        await fake_telegram.wait_calls("sendMessage", 1, timeout=10)
        metrics = (await client.get("/metrics")).text
    attempts = fake_telegram.calls_to("sendMessage", ok_only=False)
    assert [c.ok for c in attempts] == [False, False, False, True]
    assert all(b.at > a.at for a, b in zip(attempts, attempts[1:], strict=False))
    assert 'ngvh_sends_total{channel="telegram",outcome="retry"} 3.0' in metrics


async def test_send_that_keeps_failing_is_logged_not_lost_silently(tg_settings, fake_telegram, core, caplog):
    fake_telegram.fail_next("sendMessage", status=500, times=50)
    caplog.set_level(logging.WARNING, logger="ngvh")
    async with running(tg_settings, core, fast_options(send_attempts=3)) as (_, client, rt):
        await post(client, tg_update(1))
        await fake_telegram.wait_for(lambda: len(fake_telegram.calls_to("sendMessage", ok_only=False)) >= 3, 10, "3 attempts")
        await wait_idle(rt)
        metrics = (await client.get("/metrics")).text
    assert len(fake_telegram.calls_to("sendMessage", ok_only=False)) == 3
    giving_up = [r for r in caplog.records if r.getMessage() == "send failed, giving up"]
    assert len(giving_up) == 1 and giving_up[0].levelno == logging.ERROR and giving_up[0].chat == "1001"
    assert 'ngvh_sends_total{channel="telegram",outcome="failed"} 1.0' in metrics


async def test_core_failure_gets_an_apology(tg_settings, fake_telegram):
    async with running(tg_settings, FakeCore(fail=True)) as (_, client, _rt):
        await post(client, tg_update(1))
        [call] = await fake_telegram.wait_calls("sendMessage", 1)
    assert call.params["text"] == formatting.ERROR_TEXT


async def test_per_chat_pacing(tg_settings, fake_telegram, core):
    async with running(tg_settings, core, fast_options(pacing_scale=1.0)) as (_, client, _rt):
        await post(client, tg_update(1, "một", chat_id=10))
        await post(client, tg_update(2, "hai", chat_id=10))
        await post(client, tg_update(3, "ba", chat_id=20))
        calls = await fake_telegram.wait_calls("sendMessage", 3, timeout=10)
    by_chat = {}
    for call in calls:
        by_chat.setdefault(call.params["chat_id"], []).append(call.at)
    first, second = by_chat["10"]
    assert second - first >= 0.9, "two messages to one private chat are a second apart"
    assert by_chat["20"][0] < second, "another chat is not held back behind chat 10's pacing"


async def test_admin_document_is_ingested_and_others_refused(tg_settings, fake_telegram, core):
    fake_telegram.add_file("doc-1", b"Ke hoach 99/KH-UBND ...")
    doc = {"file_id": "doc-1", "file_unique_id": "u1", "file_name": "ke-hoach-99.txt", "mime_type": "text/plain", "file_size": 23}
    async with running(tg_settings, core) as (_, client, _rt):
        await post(client, tg_update(1, None, chat_id=1, user_id=999, document=doc))
        await fake_telegram.wait_calls("sendMessage", 1)
        await post(client, tg_update(2, None, chat_id=ADMIN_ID, document={**doc, "file_name": "anh.png"}))
        await fake_telegram.wait_calls("sendMessage", 2)
        await post(client, tg_update(3, None, chat_id=ADMIN_ID, document={**doc, "file_size": 21 * 1024 * 1024}))
        await fake_telegram.wait_calls("sendMessage", 3)
        await post(client, tg_update(4, None, chat_id=ADMIN_ID, document=doc))
        texts = [c.params["text"] for c in await fake_telegram.wait_calls("sendMessage", 5)]
    assert texts[0] == formatting.escape_html(formatting.NOT_ADMIN_TEXT)
    assert "chỉ nhận tệp PDF, DOCX, TXT hoặc HTML" in texts[1]
    assert "lớn hơn 20 MB" in texts[2]
    assert "đang nạp" in texts[3] and "Kết quả nạp: đã thêm 1" in texts[4] and "ke-hoach-99.txt" in texts[4]
    assert core.ingested == [("ke-hoach-99.txt", b"Ke hoach 99/KH-UBND ...")]
    assert len(fake_telegram.calls_to("getFile")) == 1, "refused documents are never downloaded"


async def test_public_url_registers_the_webhook(data_dir, fake_telegram, core):
    settings = make_settings(data_dir, **telegram_channel(fake_telegram), public_url="https://ngvh.example.gov.vn/")
    async with running(settings, core):
        pass
    [call] = fake_telegram.calls_to("setWebhook")
    assert call.params["url"] == "https://ngvh.example.gov.vn/webhook/telegram"
    assert call.params["secret_token"] == TG_SECRET
    assert json.loads(call.params["allowed_updates"]) == ["message", "callback_query"]


async def test_polling_mode_answers_without_webhooks(data_dir, fake_telegram, core):
    settings = make_settings(data_dir, telegram_token=TG_TOKEN, telegram_api_base=fake_telegram.url)  # no secret needed
    fake_telegram.pending_updates.extend([tg_update(41, "qua polling"), tg_update(41, "qua polling")])
    async with running(settings, core, polling=True) as (_, client, _rt):
        await fake_telegram.wait_calls("sendMessage", 1, timeout=10)
        assert (await post(client, tg_update(42))).status_code == 503  # the webhook route is off while polling
        await asyncio.sleep(0.3)
    assert fake_telegram.calls_to("deleteWebhook"), "getUpdates needs the webhook removed"
    assert core.questions == ["qua polling"], "a re-fetched update is answered once"


async def test_a_burst_is_stored_and_answered_in_order_per_chat(tg_settings, fake_telegram):
    """Old code: a bounded in-memory queue dropped acknowledged updates ("queue full, dropped update")."""
    core = FakeCore(delay=0.05)
    async with running(tg_settings, core, fast_options(jobs_per_worker=4)) as (_, client, rt):
        async def one_chat(chat: int) -> list[int]:  # a chat's messages come one after another, chats at once
            return [(await post(client, tg_update(100 + 10 * chat + i, f"chat {chat} câu {i}", chat_id=500 + chat))).status_code
                    for i in range(10)]

        statuses = await asyncio.gather(*[one_chat(chat) for chat in range(3)])
        assert statuses == [[200] * 10] * 3
        await fake_telegram.wait_calls("sendMessage", 30, timeout=20)
        await wait_idle(rt)
    for chat in range(3):
        texts = [c.params["text"] for c in fake_telegram.calls_to("sendMessage") if c.params["chat_id"] == str(500 + chat)]
        order = [int(t.split("câu ")[1].split()[0]) for t in texts]
        assert order == list(range(10)), f"chat {chat} answered out of order: {order}"
