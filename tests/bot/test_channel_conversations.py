"""Conversations on every channel, end to end through the real app and the fake Telegram / Zalo servers:
follow-ups, the citation and feedback buttons, digits and "đúng/sai" on Zalo, Telegram group rules,
feedback stored in the question log, Zalo OA replies and closed reply windows, and the web's turns."""
from __future__ import annotations

import json

import pytest

from bot import sources
from bot.questionlog import QuestionLog
from tests.bot.conftest import make_settings, running, telegram_channel, wait_idle, zalo_oa_channel
from tests.bot.test_telegram import post as tg_post
from tests.bot.test_telegram import tg_update
from tests.bot.test_zalo import oa_event, signed, zb_event, zb_post, zb_settings  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # every test serves the app with uvicorn on a port

BOT_ID = 123456789  # the fake getMe's id; its username is ngvh_test_bot


@pytest.fixture
def tg_settings(data_dir, fake_telegram):
    return make_settings(data_dir, **telegram_channel(fake_telegram), public_url="https://ngvh.example.gov.vn")


def log_of(settings) -> QuestionLog:
    return QuestionLog.from_settings(settings)


def callback(update_id: int, data: str, chat_id: int = 1001, user_id: int = 1001, message_id: int = 50) -> dict:
    return {"update_id": update_id, "callback_query": {
        "id": f"cb{update_id}", "chat_instance": "ci", "data": data,
        "from": {"id": user_id, "is_bot": False, "first_name": "An"},
        "message": {"message_id": message_id, "date": 1_700_000_000, "chat": {"id": chat_id, "type": "private"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "ngvh"}, "text": "…"}}}


async def test_telegram_buttons_follow_ups_and_feedback(tg_settings, fake_telegram, core):
    async with running(tg_settings, core) as (_, client, rt):
        await tg_post(client, tg_update(1, "Kế hoạch của Cao Bằng do ai ký?"))
        [first] = await fake_telegram.wait_calls("sendMessage", 1)
        keyboard = json.loads(first.params["reply_markup"])["inline_keyboard"]
        assert [b["text"] for row in keyboard for b in row] == ["📄 1", "📄 2", "👍", "👎"]
        data = [b["callback_data"] for row in keyboard for b in row]
        assert all(len(d.encode()) <= 64 for d in data)
        qid = sources.parse_callback(data[0])[1]
        await tg_post(client, tg_update(2, "ban hành ngày nào?"))
        calls = await fake_telegram.wait_calls("sendMessage", 2)
        assert calls[1].params["text"].startswith("↪ Hiểu là: ")
        assert core.questions[1] != "ban hành ngày nào?" and core.questions[1].endswith("ban hành ngày nào?")
        # the 📄 2 button under the first answer: the passage, then 👎 on the first answer
        await tg_post(client, callback(3, sources.source_callback(qid, 2)))
        await tg_post(client, callback(4, sources.feedback_callback(qid, "down")))
        await tg_post(client, callback(5, "x:unknown"))
        await fake_telegram.wait_calls("answerCallbackQuery", 3)
        await wait_idle(rt)
    acks = fake_telegram.calls_to("answerCallbackQuery")
    assert [a.params["callback_query_id"] for a in acks] == ["cb3", "cb4", "cb5"], "every tap is acknowledged"
    texts = [c.params["text"] for c in fake_telegram.calls_to("sendMessage")]
    passage = next(t for t in texts if t.startswith("<b>[2]"))
    assert "<blockquote expandable>" in passage and "III. NHIỆM VỤ" in passage
    assert 'href="https://ngvh.example.gov.vn/plans/p2#c2"' in passage
    log = log_of(tg_settings)
    rows = {r["question"]: r for r in log.rows()}
    assert rows["Kế hoạch của Cao Bằng do ai ký?"]["feedback"] == "down"
    assert rows["ban hành ngày nào?"]["feedback"] is None
    assert log.get(qid)["user_hash"] == log.user_hash("telegram", "1001")
    log.close()


async def test_telegram_groups_answer_only_when_addressed(tg_settings, fake_telegram, core):
    def group(update_id, text, **extra):
        update = tg_update(update_id, text, chat_id=-500, user_id=7, chat_type="supergroup")
        update["message"].update(extra)
        return update

    async with running(tg_settings, core) as (_, client, rt):
        await tg_post(client, group(1, "Cao Bằng có kế hoạch gì?"))  # chatter: not for the bot
        await tg_post(client, group(2, "/start@otherbot"))
        joined = tg_update(3, None, chat_id=-500, chat_type="supergroup")
        joined["message"]["new_chat_members"] = [{"id": 9, "is_bot": False, "first_name": "B"}]
        await tg_post(client, joined)
        await tg_post(client, group(4, "@ngvh_test_bot Cao Bằng có kế hoạch gì?",
                                    entities=[{"type": "mention", "offset": 0, "length": 14}]))
        await tg_post(client, group(5, "ban hành ngày nào?", reply_to_message={
            "message_id": 1, "date": 1, "chat": {"id": -500, "type": "supergroup"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "ngvh"}}))
        await tg_post(client, group(6, "/moi@ngvh_test_bot"))
        await fake_telegram.wait_calls("sendMessage", 3)
        await wait_idle(rt)
    texts = [c.params["text"] for c in fake_telegram.calls_to("sendMessage")]
    assert len(texts) == 3 and core.questions[0] == "Cao Bằng có kế hoạch gì?"
    assert texts[1].startswith("↪ Hiểu là:") and texts[2].startswith("Đã bắt đầu cuộc trò chuyện mới")


async def test_zalo_bot_digits_feedback_and_hint(zb_settings, fake_zalo_bot, core):  # noqa: F811
    async with running(zb_settings, core) as (_, client, rt):
        await zb_post(client, zb_event("m1", "Hải Phòng có kế hoạch gì?"))
        await fake_zalo_bot.wait_calls("sendMessage", 1)
        await zb_post(client, zb_event("m2", "2"))
        await fake_zalo_bot.wait_calls("sendMessage", 2)
        await zb_post(client, zb_event("m3", "đúng"))
        await fake_zalo_bot.wait_calls("sendMessage", 3)
        await zb_post(client, zb_event("m4", "/xoa"))
        await fake_zalo_bot.wait_calls("sendMessage", 4)
        await wait_idle(rt)
    texts = fake_zalo_bot.sent_texts()
    assert texts[0].endswith("Gõ 1, 2… để xem nguyên văn")
    assert texts[1].startswith("[2] Kế hoạch 726/KH-UBND") and "III. NHIỆM VỤ" in texts[1]
    assert texts[2] == "Cảm ơn bạn đã góp ý!"
    assert texts[3].startswith("Đã xóa 1 câu hỏi")
    assert core.questions == ["Hải Phòng có kế hoạch gì?"]
    log = log_of(zb_settings)
    assert log.count() == 0, "/xoa removed the feedback-carrying row too"
    log.close()


async def test_zalo_bot_feedback_is_stored(zb_settings, fake_zalo_bot, core):  # noqa: F811
    async with running(zb_settings, core) as (_, client, rt):
        await zb_post(client, zb_event("m1", "Hải Phòng có kế hoạch gì?"))
        await fake_zalo_bot.wait_calls("sendMessage", 1)
        await zb_post(client, zb_event("m2", "👎"))
        await fake_zalo_bot.wait_calls("sendMessage", 2)
        await wait_idle(rt)
    log = log_of(zb_settings)
    [row] = log.rows()
    assert row["feedback"] == "down" and row["channel"] == "zalo-bot"
    log.close()


async def test_zalo_oa_closed_reply_window_is_counted(data_dir, fake_zalo_oa, core):
    settings = make_settings(data_dir, **zalo_oa_channel(fake_zalo_oa))
    fake_zalo_oa.fail_next("message/cs", status=200, body={"error": -230, "message": "User has not interacted"})
    async with running(settings, core) as (_, client, rt):
        body = oa_event("msg-9", "Huế ban hành kế hoạch khi nào?")
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
        await fake_zalo_oa.wait_for(lambda: fake_zalo_oa.calls_to("message/cs", ok_only=False), 10, "the reply")
        await wait_idle(rt)
        metrics = (await client.get("/metrics")).text
    [call] = fake_zalo_oa.calls_to("message/cs", ok_only=False)
    assert call.params["recipient"]["message_id"] == "msg-9"
    assert 'ngvh_reply_window_closed_total{channel="zalo-oa",code="-230"} 1.0' in metrics


async def test_web_turns_follow_ups_and_forget(data_dir, core):
    settings = make_settings(data_dir)
    tab, visitor = "tab-0123456789", "visitor-0123456789"
    async with running(settings, core) as (_, client, rt):
        first = (await client.post("/api/ask", json={"question": "Kế hoạch của Cao Bằng do ai ký?",
                                                     "conversation": tab, "visitor": visitor})).json()
        second = (await client.post("/api/ask", json={"question": "ban hành ngày nào?",
                                                      "conversation": tab, "visitor": visitor})).json()
        alone = (await client.post("/api/ask", json={"question": "ban hành ngày nào?"})).json()
        privacy = (await client.get("/api/privacy")).json()
        forgot = (await client.post("/api/forget", json={"visitor": visitor, "conversation": tab})).json()
        bad = await client.post("/api/forget", json={"visitor": "<x>"})
        page = await client.get("/plans/plan-cao-bang", params={"hl": 1})
        missing = await client.get("/plans/nope")
    assert "understood" not in first and second["understood"].endswith("ban hành ngày nào?")
    # the CLI's object, and the answer's row in the question log (for 👍/👎: the asker has an id)
    assert set(first) == {"question", "found", "answer", "citations", "mode", "kind", "points", "answer_id"}
    assert "understood" not in alone and core.questions[-1] == "ban hành ngày nào?"  # no conversation: as it was typed
    assert privacy == {"retention_days": 180} and forgot == {"removed": 2} and bad.status_code == 400
    assert page.status_code == 200 and 'id="c1"' in page.text and "passage highlighted" in page.text
    assert missing.status_code == 404
