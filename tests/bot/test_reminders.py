"""Reminders without a network: what each chat is owed, once only (also under two passes at once), Zalo OA's
reply window, new plans announced once, the words that subscribe, and /xoa. The day is frozen (`today`)."""
from __future__ import annotations

import asyncio
import threading
from datetime import date, datetime, timedelta

import pytest

from bot.questionlog import QuestionLog
from bot.reminders.chat import parse_target, word_command
from bot.reminders.sending import ReminderPass
from bot.reminders.store import SubscriptionStore
from tests.bot.reminder_rows import SNGV, VHTTDL, rows

JUNE = date(2023, 6, 20)  # (20/6, 4/7]: three Sở Ngoại vụ tasks due 30/6, one Sở VHTTDL task due 25/6
DECEMBER = date(2023, 12, 5)  # the yearly reports: Sở Ngoại vụ 15/12, Sở VHTTDL 10/12


class Recorder:
    """An Outbound that keeps what it was given (and can be slow, or fail)."""

    def __init__(self, delay: float = 0.0, ok: bool = True, channels=("telegram", "zalo-bot", "zalo-oa")):
        self.delay, self.ok, self.channels = delay, ok, set(channels)
        self.sent: list[dict] = []
        self._lock = threading.Lock()

    def has(self, channel: str) -> bool:
        return channel in self.channels

    async def deliver(self, channel, chat_id, is_group, text, reply_to) -> bool:
        await asyncio.sleep(self.delay)
        with self._lock:
            self.sent.append({"channel": channel, "chat_id": chat_id, "text": text, "reply_to": reply_to})
        return self.ok


@pytest.fixture
def log(data_dir):
    log = QuestionLog(f"sqlite:///{data_dir / 'q.sqlite3'}", "salt-for-tests-0123456789")
    yield log
    log.close()


def due_tasks(report) -> list[tuple[str, str, str]]:
    return sorted((m["chat_id"], d["due"], d["task"][:40]) for m in report.messages for d in m["due"])


async def test_each_chat_gets_its_agencys_tasks_due_within_the_window(log):
    store = log.subscriptions
    store.subscribe("telegram", "111", "111", SNGV)
    store.subscribe("telegram", "222", "222", VHTTDL)
    out = Recorder()
    report = await ReminderPass(store, out, 14, "https://ngvh.example.gov.vn").run(rows(), JUNE)
    assert {m["chat_id"]: m["tasks"] for m in report.messages} == {"111": 3, "222": 1}
    by_chat = {s["chat_id"]: s["text"] for s in out.sent}
    assert all(w in by_chat["111"] for w in ("hội nghị quán triệt", "bộ tài liệu", "đoàn công tác xúc tiến"))
    assert "Tuần Văn hóa" not in by_chat["111"] and "Tuần Văn hóa" in by_chat["222"]
    assert "Hạn: 30/06/2023 (trước ngày 30/6/2023)" in by_chat["111"] and "Kế hoạch 888/KH-UBND" in by_chat["111"]
    assert "https://ngvh.example.gov.vn/plans/888-kh-ubnd-thai-nguyen?q=" in by_chat["111"]
    assert "/huytheodoi Sở Ngoại vụ" in by_chat["111"]
    assert "thường xuyên" not in by_chat["111"], "a task without a date is never reminded"


async def test_a_second_pass_sends_nothing_again_and_a_later_day_sends_the_next(log):
    store = log.subscriptions
    store.subscribe("zalo-bot", "abc", "abc", "SNgV")  # typed as chats type it
    out = Recorder()
    first = await ReminderPass(store, out, 14, None).run(rows(), JUNE)
    again = await ReminderPass(store, out, 14, None).run(rows(), JUNE + timedelta(days=1))
    assert len(first.messages) == 1 and again.messages == []
    december = await ReminderPass(store, out, 14, None).run(rows(), DECEMBER)
    [(chat, due, task)] = due_tasks(december)
    assert (chat, due) == ("abc", "2023-12-15") and task.startswith("Tổng hợp, báo cáo UBND tỉnh")
    next_year = await ReminderPass(store, out, 14, None).run(rows(), DECEMBER.replace(year=2024))
    assert [d["due"] for m in next_year.messages for d in m["due"]] == ["2024-12-15"], "a yearly deadline comes back"
    assert "hằng tuần" not in out.sent[0]["text"] and "/huytheodoi" not in out.sent[0]["text"]
    assert "hủy theo dõi SNgV" in out.sent[0]["text"]


def test_two_passes_at_once_send_each_task_once(data_dir):
    """Two passes on two engines over one database file (as two `ngvh remind` processes): each (chat, task,
    due date) goes exactly once, whoever takes it."""
    url = f"sqlite:///{data_dir / 'q.sqlite3'}"
    setup = QuestionLog(url, "salt-for-tests-0123456789")
    for chat in range(12):
        setup.subscriptions.subscribe("telegram", f"{chat}", f"{chat}", SNGV if chat % 2 else VHTTDL)
    setup.close()
    task_rows = rows()
    out = Recorder(delay=0.02)
    start = threading.Barrier(2)
    reports = []

    def one_pass():
        log = QuestionLog(url, "salt-for-tests-0123456789")
        start.wait()
        reports.append(asyncio.run(ReminderPass(log.subscriptions, out, 14, None).run(task_rows, JUNE)))
        log.close()

    threads = [threading.Thread(target=one_pass) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    sent = [(m["chat_id"], d["key"], d["due"]) for r in reports for m in r.messages for d in m["due"]]
    assert len(sent) == len(set(sent)) == 6 * 3 + 6 * 1
    assert len(out.sent) == 12 and len({s["chat_id"] for s in out.sent}) == 12


async def test_a_failed_send_is_released_and_tried_again(log):
    store = log.subscriptions
    store.subscribe("telegram", "111", "111", SNGV)
    failed = await ReminderPass(store, Recorder(ok=False), 14, None).run(rows(), JUNE)
    assert failed.messages == [] and len(failed.failed) == 1
    retried = await ReminderPass(store, Recorder(), 14, None).run(rows(), JUNE)
    assert retried.messages[0]["tasks"] == 3


async def test_a_claim_left_by_a_crashed_pass_is_taken_over_later(data_dir):
    now = [datetime(2023, 6, 20, 1, 0)]
    log = QuestionLog(f"sqlite:///{data_dir / 'q.sqlite3'}", "salt-for-tests-0123456789")
    store = SubscriptionStore(log.engine, log.user_hash, clock=lambda: now[0])
    store.subscribe("telegram", "111", "111", SNGV)
    assert store.claim("telegram", "111", [("k1", "2023-06-30")], "crashed") == [("k1", "2023-06-30")]
    assert store.claim("telegram", "111", [("k1", "2023-06-30")], "other") == []
    now[0] += timedelta(hours=2)
    assert store.claim("telegram", "111", [("k1", "2023-06-30")], "other") == [("k1", "2023-06-30")]
    log.close()


async def test_dry_run_prints_and_records_nothing(log):
    store = log.subscriptions
    store.subscribe("telegram", "111", "111", SNGV)
    preview = await ReminderPass(store, None, 14, None).run(rows(), JUNE, dry_run=True)
    assert preview.messages[0]["tasks"] == 3 and "hội nghị quán triệt" in preview.messages[0]["text"]
    real = await ReminderPass(store, Recorder(), 14, None).run(rows(), JUNE)
    assert real.messages[0]["tasks"] == 3, "the dry run claimed nothing"


async def test_province_narrows_a_subscription(log):
    store = log.subscriptions
    store.subscribe("telegram", "111", "111", SNGV, "Cao Bằng")
    store.subscribe("telegram", "222", "222", SNGV, "Thái Nguyên")
    report = await ReminderPass(store, Recorder(), 14, None).run(rows(), JUNE)
    assert [m["chat_id"] for m in report.messages] == ["222"]


async def test_zalo_oa_reminds_only_inside_the_free_reply_window(data_dir):
    now = [datetime(2023, 6, 17, 3, 0)]
    log = QuestionLog(f"sqlite:///{data_dir / 'q.sqlite3'}", "salt-for-tests-0123456789")
    store = SubscriptionStore(log.engine, log.user_hash, clock=lambda: now[0])
    store.subscribe("zalo-oa", "u1", "u1", SNGV, message_id="msg-1")
    now[0] = datetime(2023, 6, 20, 1, 0)  # three days later: the window has closed
    out = Recorder()
    closed = await ReminderPass(store, out, 14, None, clock=lambda: now[0]).run(rows(), JUNE)
    assert out.sent == [] and "48 hours" in closed.skipped[0]["reason"]
    store.seen("zalo-oa", "u1", "msg-2")  # the follower writes again
    opened = await ReminderPass(store, out, 14, None, clock=lambda: now[0]).run(rows(), JUNE)
    assert opened.messages[0]["tasks"] == 3, "the tasks skipped before were kept for now"
    assert out.sent[0]["reply_to"] == "msg-2", "sent as a reply to the follower's last message"
    now[0] += timedelta(hours=1)
    quiet = await ReminderPass(store, out, 14, None, clock=lambda: now[0]).run(rows(), DECEMBER)
    assert quiet.messages == [] and "already reminded" in quiet.skipped[0]["reason"], "one reminder per message they sent"
    log.close()


async def test_a_plan_ingested_after_the_subscription_is_announced_once(data_dir):
    now = [datetime(2023, 2, 1)]
    log = QuestionLog(f"sqlite:///{data_dir / 'q.sqlite3'}", "salt-for-tests-0123456789")
    store = SubscriptionStore(log.engine, log.user_hash, clock=lambda: now[0])
    store.subscribe("telegram", "111", "111", VHTTDL)
    old = rows("2023-01-11T02:00:00+00:00", plan_id="old-plan")  # before the subscription
    new = rows("2023-03-01T02:00:00+00:00", plan_id="new-plan")  # after it
    now[0] = datetime(2023, 3, 2)
    out = Recorder()
    day = date(2023, 3, 2)
    first = await ReminderPass(store, out, 14, None, clock=lambda: now[0]).run(old + new, day)
    assert [m["new_plans"] for m in first.messages] == [1]
    assert "Văn bản mới giao nhiệm vụ cho Sở Văn hóa, Thể thao và Du lịch: Kế hoạch 888/KH-UBND" in out.sent[0]["text"]
    assert "Tuần Văn hóa, Du lịch và Trà" in out.sent[0]["text"]
    again = await ReminderPass(store, out, 14, None, clock=lambda: now[0]).run(old + new, day)
    assert again.messages == []
    reindexed = rows("2023-03-05T02:00:00+00:00", plan_id="old-plan") + new  # a reindex: new ingest time
    later = await ReminderPass(store, out, 14, None, clock=lambda: now[0]).run(reindexed, day)
    assert later.messages == [], "a plan seen before is not new again"
    log.close()


@pytest.mark.parametrize("text, expected", [
    ("theo dõi Sở Ngoại vụ", ("theodoi", "Sở Ngoại vụ")),
    ("Theo doi SNgV Cao Bằng", ("theodoi", "SNgV Cao Bằng")),
    ("theo dõi", ("theodoi", "")),
    ("hủy theo dõi Sở VHTTDL", ("huytheodoi", "Sở VHTTDL")),
    ("huỷ theo dõi", ("huytheodoi", "")),
    ("bỏ theo dõi sở ngoại vụ", ("huytheodoi", "sở ngoại vụ")),
    ("theo dõi việc thực hiện kế hoạch là trách nhiệm của ai?", None),  # a question, answered as one
    ("Sở Ngoại vụ phải làm gì?", None),
])
def test_the_words_that_subscribe(text, expected):
    assert word_command(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Ngoại vụ", (SNGV, None)),
    ("SNgV", (SNGV, None)),
    ("so ngoai vu", (SNGV, None)),
    ("Sở VHTTDL", (VHTTDL, None)),
    ("Sở Ngoại vụ tỉnh Cao Bằng", (SNGV, "Cao Bằng")),
    ("SNgV Huế", (SNGV, "Thừa Thiên Huế")),
    ("kế hoạch năm nay", None),
])
def test_agency_and_province_are_read_as_task_questions_read_them(text, expected):
    assert parse_target(text) == expected


async def test_forgetting_a_user_removes_their_subscriptions(log):
    store = log.subscriptions
    store.subscribe("telegram", "111", "111", SNGV)
    store.subscribe("telegram", "-500", "111", VHTTDL, is_group=True)  # a group this user subscribed
    store.subscribe("telegram", "-500", "999", SNGV, is_group=True)  # another member's, kept
    await ReminderPass(store, Recorder(), 14, None).run(rows(), JUNE)
    log.forget_user("telegram", "111")
    assert [(s.chat_id, s.agency) for s in store.all()] == [("-500", SNGV)]
    assert store.unsent("telegram", "111", [(r["key"], "2023-06-30") for r in rows()]) != [], "its sent log went too"


def test_sightings_keep_the_first_time(log):
    store = log.subscriptions
    first = store.sightings({"p": datetime(2023, 1, 1)})
    store.sightings({"p": datetime(2024, 1, 1)})
    assert store.sightings({}) == first == {"p": datetime(2023, 1, 1)}
