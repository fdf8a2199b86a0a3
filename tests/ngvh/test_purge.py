"""`ngvh purge` deletes logged questions past the retention, from the log under NGVH_DATA_DIR."""
from datetime import timedelta

import pytest

from bot.questionlog import Entry, QuestionLog, utcnow
from ground.config import Settings
from tests.ngvh.test_cli import run

pytestmark = pytest.mark.slow  # the CLI in a subprocess

def test_purge_command_keeps_recent_questions(tmp_path):
    data = tmp_path / "data"
    log = QuestionLog.from_settings(Settings(data_dir=data))
    now = utcnow()
    for age in (400, 200, 10):
        log.record(Entry("web", "u1", f"câu hỏi {age} ngày?", True), at=now - timedelta(days=age))
    result = run(["purge"], data)  # default retention: 180 days
    assert result.returncode == 0, result.stderr
    assert "Đã xóa 2" in result.stdout
    assert [r["question"] for r in log.rows()] == ["câu hỏi 10 ngày?"]
    assert run(["purge", "--days", "5"], data).returncode == 0 and log.count() == 0
    assert run(["purge", "--days", "-1"], data).returncode == 2
    log.close()
