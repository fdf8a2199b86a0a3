"""`ngvh tasks --json` / `--ics` and `ngvh remind` as users run them: subprocesses over a real store holding the
deadline test plan; chats subscribe with /theodoi through the app; two `remind` runs at once send each task once."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from typing import get_args

import icalendar
import pytest

from ground.config import Settings
from ingest.deadline_dates import Precision, occurrences
from ngvh.services import Services
from tests.bot.conftest import TG_SECRET, TG_TOKEN, make_settings, running, telegram_channel, wait_idle
from tests.bot.fakes import FakeCore, FakeTelegram
from tests.bot.reminder_rows import PLAN_FILE, SNGV, VHTTDL
from tests.bot.test_telegram import post, tg_update

pytestmark = pytest.mark.slow  # the CLI in subprocesses over a store of its own, ingested with the real model

NGVH = [sys.executable, "-m", "ngvh.cli"]
TODAY = date(2023, 6, 20)


def env_for(data_dir, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NGVH_")}
    return dict(env, NGVH_DATA_DIR=str(data_dir), **extra)


def run(args, data_dir, **extra):
    return subprocess.run(NGVH + args, env=env_for(data_dir, **extra), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, samples_dir):
    data = tmp_path_factory.mktemp("remind-store")
    folder = data / "in"
    folder.mkdir()
    (folder / PLAN_FILE.name).write_text(PLAN_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    report = Services(Settings(data_dir=data)).ingest_paths([folder, samples_dir / "001_32f94a6958947b77.txt"])
    assert report.ok, report.to_json()
    return data


@pytest.fixture
def fake_telegram():
    server = FakeTelegram(TG_TOKEN)
    yield server
    server.close()


def tasks_json(store_dir, *args) -> list[dict]:
    result = run(["tasks", "--json", *args], store_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_tasks_json_gives_due_and_precision_for_every_task(store_dir):
    rows = tasks_json(store_dir)
    assert rows and all({"deadline_text", "due", "precision", "recurs"} <= set(r) for r in rows)
    assert all(r["precision"] in get_args(Precision) and (r["due"] is None) == (r["precision"] == "none") for r in rows)
    mine = {r["deadline_text"]: (r["due"], r["precision"], r["recurs"]) for r in rows if r["plan"] == "888/KH-UBND"}
    assert mine["trước ngày 30/6/2023"] == ("2023-06-30", "day", None)
    assert mine["trong tháng 6/2023"] == ("2023-06-30", "month", None)
    assert mine["trong Quý II/2023"] == ("2023-06-30", "quarter", None)
    assert mine["trong năm 2024"] == ("2024-12-31", "year", None)
    assert mine["giai đoạn 2023-2025"] == ("2025-12-31", "period", None)
    assert mine["trước ngày 15/12 hằng năm"] == ("2023-12-15", "recurring", "yearly")
    assert mine["thường xuyên"] == (None, "none", "continuous")
    assert mine["hằng năm"] == (None, "none", "yearly")


def test_tasks_ics_writes_the_agencys_dated_tasks(store_dir, tmp_path):
    target = tmp_path / "sngv.ics"
    result = run(["tasks", "--agency", "SNgV", "--ics", str(target)], store_dir)
    assert result.returncode == 0, result.stderr
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    dated = [r for r in tasks_json(store_dir, "--agency", "Sở Ngoại vụ") if r["due"]]
    assert len(events) == len(dated) > 0
    assert {str(e["UID"]) for e in events} == {r["key"] + "@ngvh" for r in dated}
    assert {e.decoded("DTSTART").isoformat() for e in events} == {r["due"] for r in dated}
    assert sum(1 for e in events if "RRULE" in e) == sum(1 for r in dated if r["precision"] == "recurring")
    assert run(["tasks", "--ics", str(target)], store_dir).returncode != 0, "a calendar is one agency's"


def expected_due(store_dir, agency: str) -> list[str]:
    """The tasks of `agency` falling due in (TODAY, TODAY + 14], from `ngvh tasks --json`."""
    out = []
    for r in tasks_json(store_dir, "--agency", agency):
        if r["due"] and r["precision"] != "none":
            repeat = r["recurs"] if r["precision"] == "recurring" else None
            if list(occurrences(date.fromisoformat(r["due"]), repeat, None, TODAY, TODAY + timedelta(days=14))):
                out.append(r["task"])
    return out


async def test_two_remind_runs_at_once_send_each_task_once(store_dir, fake_telegram):
    settings = make_settings(store_dir, **telegram_channel(fake_telegram))
    async with running(settings, FakeCore()) as (_, client, rt):  # only the subscriptions are needed from the app
        await post(client, tg_update(1, "/theodoi Sở Ngoại vụ", chat_id=111))
        await post(client, tg_update(2, "/theodoi Sở VHTTDL", chat_id=222))
        await wait_idle(rt)
    before = len(fake_telegram.calls_to("sendMessage"))
    channel = dict(NGVH_TELEGRAM_TOKEN=TG_TOKEN, NGVH_TELEGRAM_SECRET=TG_SECRET, NGVH_TELEGRAM_API_BASE=fake_telegram.url)
    dry = run(["remind", "--today", TODAY.isoformat(), "--dry-run"], store_dir, **channel)
    assert dry.returncode == 0 and "Sẽ gửi 2 tin" in dry.stdout and "hội nghị quán triệt" in dry.stdout
    assert len(fake_telegram.calls_to("sendMessage")) == before, "a dry run sends nothing"

    runs = [subprocess.Popen(NGVH + ["remind", "--today", TODAY.isoformat(), "--json"], env=env_for(store_dir, **channel),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    reports = []
    for proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    sent = fake_telegram.calls_to("sendMessage")[before:]
    by_chat = {str(c.params["chat_id"]): c.params["text"] for c in sent}
    assert sorted(str(c.params["chat_id"]) for c in sent) == ["111", "222"], "one message per chat across both runs"
    assert sum(len(r["messages"]) for r in reports) == 2
    for chat, agency, other in (("111", SNGV, VHTTDL), ("222", VHTTDL, SNGV)):
        wanted = expected_due(store_dir, agency)
        assert wanted
        for task in wanted:
            assert by_chat[chat].count(task[:60].replace("&", "&amp;")) == 1
        for task in expected_due(store_dir, other):
            assert task[:60] not in by_chat[chat], "a chat gets only its own agency's tasks"
    third = run(["remind", "--today", TODAY.isoformat()], store_dir, **channel)
    assert third.returncode == 0 and "Đã gửi 0 tin" in third.stdout
    assert len(fake_telegram.calls_to("sendMessage")) == before + 2
