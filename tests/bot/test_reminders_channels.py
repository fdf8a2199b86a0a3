"""Reminders end to end through the app: /theodoi on Telegram (fake Bot API), "theo dõi …" on Zalo Bot and
Zalo OA, a pass run by a worker on a frozen day, the calendar feed parsed back by icalendar, the admin view,
and the daily pass taken by one process only."""
from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timedelta

import icalendar
import pytest

from bot.coordination.sqlite import SqliteCoordination
from bot.reminders.feed import with_calendar
from bot.reminders.schedule import VIETNAM, DailyReminders
from tests.bot.conftest import (
    ADMIN_TOKEN,
    make_settings,
    running,
    telegram_channel,
    wait_idle,
    zalo_bot_channel,
    zalo_oa_channel,
)
from tests.bot.fakes import FakeCore
from tests.bot.reminder_rows import SNGV, rows
from tests.bot.test_telegram import post, tg_update
from tests.bot.test_zalo import oa_event, signed, zb_event, zb_post

PUBLIC = "https://ngvh.example.gov.vn"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def task_core() -> FakeCore:
    core = FakeCore()
    core.task_rows = rows()
    return core


def texts_to(fake, chat: str) -> list[str]:
    return [c.params["text"] for c in fake.calls_to("sendMessage") if str(c.params.get("chat_id")) == chat]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_telegram_subscription_reminder_feed_and_forgetting(data_dir, fake_telegram, task_core):
    settings = make_settings(data_dir, **telegram_channel(fake_telegram), admin_token=ADMIN_TOKEN, public_url=PUBLIC)
    async with running(settings, task_core) as (_, client, rt):
        await post(client, tg_update(1, "/theodoi Sở Ngoại vụ", chat_id=111))
        await post(client, tg_update(2, "/theodoi Sở VHTTDL", chat_id=222))
        await post(client, tg_update(3, "/theodoi", chat_id=111))
        await wait_idle(rt)
        assert "Đã theo dõi Sở Ngoại vụ." in texts_to(fake_telegram, "111")[0]
        assert "Bạn đang theo dõi:\n- Sở Ngoại vụ" in texts_to(fake_telegram, "111")[1]
        before = len(fake_telegram.calls_to("sendMessage"))

        for _ in range(2):  # twice: the second pass sends nothing
            response = await client.post("/admin/reminders/run", params={"today": "2023-06-20"}, headers=ADMIN)
            assert response.status_code == 200
        reminders = fake_telegram.calls_to("sendMessage")[before:]
        assert sorted(str(c.params["chat_id"]) for c in reminders) == ["111", "222"]
        to_111 = next(c.params["text"] for c in reminders if str(c.params["chat_id"]) == "111")
        to_222 = next(c.params["text"] for c in reminders if str(c.params["chat_id"]) == "222")
        for task in ("hội nghị quán triệt", "bộ tài liệu giới thiệu", "đoàn công tác xúc tiến"):
            assert to_111.count(task) == 1
        assert "Tuần Văn hóa" not in to_111 and "Tuần Văn hóa" in to_222 and "hội nghị quán triệt" not in to_222
        assert "Hạn: 30/06/2023" in to_111 and "Kế hoạch 888/KH-UBND" in to_111
        assert f"{PUBLIC}/plans/888-kh-ubnd-thai-nguyen?q=" in to_111
        assert "Theo dõi, đôn đốc" not in to_111, "a task without a date is never reminded"

        overview = (await client.get("/admin/reminders", params={"today": "2023-06-20"}, headers=ADMIN)).json()
        assert {(g["agency"], g["chats"]) for g in overview["subscriptions"]} == {
            (SNGV, 1), ("Sở Văn hóa, Thể thao và Du lịch", 1)}
        assert overview["upcoming"][0]["due"] == "2023-06-25"
        assert (await client.get("/admin/reminders")).status_code == 401

        feed = await client.get("/calendar.ics", params={"agency": "Sở Ngoại vụ"})
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
        assert (await client.get("/calendar.ics", params={"agency": "SNgV"})).content == feed.content

        await post(client, tg_update(4, "/huytheodoi Sở Ngoại vụ", chat_id=111))
        await post(client, tg_update(5, "/xoa", chat_id=222))
        await wait_idle(rt)
        assert "Đã hủy theo dõi: Sở Ngoại vụ." in texts_to(fake_telegram, "111")[-1]
        assert rt.worker.dispatcher.subscriptions.all() == []

    calendar = icalendar.Calendar.from_ical(feed.content)
    events = list(calendar.walk("VEVENT"))
    dated = [r for r in task_core.task_rows if r["agency"] == SNGV and r["due"]]
    assert len(events) == len(dated) == 6

    def start_of(words: str) -> date:
        [event] = [e for e in events if str(e["SUMMARY"]).startswith(words)]
        return event.decoded("DTSTART")

    assert start_of("Chủ trì tổ chức hội nghị quán triệt") == date(2023, 6, 30)  # trước ngày 30/6/2023
    assert start_of("Chủ trì biên soạn bộ tài liệu") == date(2023, 6, 30)  # trong tháng 6/2023
    assert start_of("Chủ trì tổ chức đoàn công tác") == date(2023, 6, 30)  # trong Quý II/2023
    assert start_of("Chủ trì tổ chức Hội nghị sơ kết") == date(2024, 12, 31)  # trong năm 2024
    assert start_of("Chủ trì nghiên cứu, đề xuất") == date(2025, 12, 31)  # giai đoạn 2023-2025
    yearly = [e for e in events if "RRULE" in e]
    assert len(yearly) == 1 and yearly[0]["RRULE"]["FREQ"] == ["YEARLY"] and yearly[0].decoded("DTSTART") == date(2023, 12, 15)
    assert {str(e["UID"]) for e in events} == {f"{r['key']}@ngvh" for r in dated}
    assert all(f"{PUBLIC}/plans/888-kh-ubnd-thai-nguyen" in str(e["DESCRIPTION"]) for e in events)
    assert all("Kế hoạch 888/KH-UBND" in str(e["DESCRIPTION"]) for e in events)


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_bot_subscribes_in_words_and_is_reminded(data_dir, fake_zalo_bot, task_core):
    settings = make_settings(data_dir, **zalo_bot_channel(fake_zalo_bot), admin_token=ADMIN_TOKEN)
    async with running(settings, task_core) as (_, client, rt):
        await zb_post(client, zb_event("m1", "theo dõi Sở Ngoại vụ", chat_id="zchat"))
        await wait_idle(rt)
        assert "Đã theo dõi Sở Ngoại vụ" in fake_zalo_bot.sent_texts()[0]
        assert "hủy theo dõi Sở Ngoại vụ" in fake_zalo_bot.sent_texts()[0]
        report = (await client.post("/admin/reminders/run", params={"today": "2023-12-05"}, headers=ADMIN)).json()
        assert [m["tasks"] for m in report["messages"]] == [1]
        assert "trước ngày 15/12 hằng năm" in fake_zalo_bot.sent_texts()[-1]
        assert task_core.questions == [], "the words were a command, not a question"


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_zalo_oa_reminder_is_a_reply_inside_the_window(data_dir, fake_zalo_oa, task_core):
    settings = make_settings(data_dir, **zalo_oa_channel(fake_zalo_oa), admin_token=ADMIN_TOKEN)
    async with running(settings, task_core) as (_, client, rt):
        body = oa_event("oa-msg-1", "theo dõi SNgV")
        assert (await client.post("/webhook/zalo-oa", content=body, headers=signed(body))).status_code == 200
        await wait_idle(rt)
        report = (await client.post("/admin/reminders/run", params={"today": "2023-06-20"}, headers=ADMIN)).json()
        assert [m["tasks"] for m in report["messages"]] == [3]
        reminder = fake_zalo_oa.calls_to("message/cs")[-1].params
        assert reminder["recipient"].get("message_id") == "oa-msg-1", "a reply, not a paid proactive message"
        again = (await client.post("/admin/reminders/run", params={"today": "2023-12-05"}, headers=ADMIN)).json()
        assert again["messages"] == [] and "already reminded" in again["skipped"][0]["reason"]


def test_a_tasks_answer_links_the_feed_of_its_agency():
    answer = {"question": "Sở Ngoại vụ tỉnh Thái Nguyên phải làm gì?", "found": True, "answer": "…", "citations": []}
    linked = with_calendar(answer, "tasks")
    assert linked["calendar"] == [{"agency": SNGV, "province": "Thái Nguyên",
                                   "href": "/calendar.ics?agency=S%E1%BB%9F+Ngo%E1%BA%A1i+v%E1%BB%A5&province=Th%C3%A1i+Nguy%C3%AAn"}]
    assert "calendar" not in with_calendar(answer, "general")
    assert "calendar" not in with_calendar({**answer, "found": False}, "tasks")


async def test_the_daily_pass_runs_once_a_day_on_one_process(data_dir):
    """Two processes' schedulers on one coordination store, the clock frozen at 08:05 Vietnam time."""
    runs: list[tuple[str, date]] = []
    clock = [datetime(2023, 6, 20, 7, 55, tzinfo=VIETNAM).timestamp()]

    def scheduler(name: str) -> DailyReminders:
        async def run_pass(day: date):
            runs.append((name, day))
        return DailyReminders(SqliteCoordination(data_dir / "coordination.sqlite3", clock=lambda: clock[0]), 8, run_pass,
                              clock=lambda: clock[0])

    a, b = scheduler("a"), scheduler("b")
    assert await asyncio.gather(a.tick(), b.tick()) == [False, False], "not before the hour"
    clock[0] += 600
    assert sorted(await asyncio.gather(a.tick(), b.tick())) == [False, True]
    assert not await a.tick() and not await b.tick(), "once a day"
    clock[0] += 24 * 3600
    assert sum(await asyncio.gather(a.tick(), b.tick())) == 1
    assert [day for _, day in runs] == [date(2023, 6, 20), date(2023, 6, 21)]


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_the_web_chat_gets_the_feed_link_under_a_tasks_answer(data_dir):
    class TasksCore(FakeCore):
        def ask(self, question):
            answer = super().ask(question)
            answer.kind = "tasks"
            return answer

    async with running(make_settings(data_dir), TasksCore()) as (_, client, _rt):
        data = (await client.post("/api/ask", json={"question": "SNgV phải làm gì đến năm 2025?"})).json()
        lines = (await client.post("/api/ask/stream", json={"question": "Sở VHTTDL phải làm gì?"})).text.splitlines()
    assert data["calendar"][0]["agency"] == SNGV and data["calendar"][0]["href"].startswith("/calendar.ics?agency=")
    final = json.loads(lines[-1])["answer"]
    assert final["calendar"][0]["agency"] == "Sở Văn hóa, Thể thao và Du lịch"


@pytest.mark.slow  # serves the app with uvicorn on a port
async def test_the_serving_workers_run_the_daily_pass_at_the_hour(data_dir, fake_telegram):
    """`ngvh serve`'s worker ticks at start: past NGVH_REMINDER_HOUR (0 here) it runs today's pass by itself."""
    from bot.questionlog import QuestionLog
    from bot.reminders.schedule import vietnam_today
    from tests.bot.conftest import fast_options

    soon = vietnam_today() + timedelta(days=3)
    core = FakeCore()
    core.task_rows = [dict(rows()[0], due=soon.isoformat(), precision="day", deadline_text="sắp đến hạn")]
    settings = make_settings(data_dir, **telegram_channel(fake_telegram), reminder_hour=0)
    log = QuestionLog.from_settings(settings)
    log.subscriptions.subscribe("telegram", "111", "111", SNGV)
    log.close()
    async with running(settings, core, options=fast_options(daily_reminders=True)):
        [call] = await fake_telegram.wait_calls("sendMessage", 1)
    assert str(call.params["chat_id"]) == "111" and soon.strftime("%d/%m/%Y") in call.params["text"]
