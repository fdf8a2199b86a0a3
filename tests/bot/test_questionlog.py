"""The question log on SQLite and on a real PostgreSQL server: hashing, feedback, /xoa, retention, stats, CSV."""
import csv
import io
import os
import stat
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text

from bot.question_groups import group_similar
from bot.questionlog import Entry, QuestionLog, citation_refs, load_salt, metadata, utcnow
from ground.config import Settings
from rag.models import Citation
from tests.bot.postgres import postgres_server  # noqa: F401  (session fixture)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])  # starts PostgreSQL
def qlog(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'state' / 'questions.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_server")
        engine = create_engine(url)
        metadata.drop_all(engine)  # each test starts empty
        engine.dispose()
    log = QuestionLog(url, salt="test-salt-0123456789", retention_days=30)
    yield log
    log.close()


def entry(question, found=True, user="42", channel="telegram", **kw):
    return Entry(channel=channel, user_id=user, question=question, found=found, **kw)


def test_a_row_keeps_everything_but_the_raw_user_id(qlog):
    cit = Citation(1, "726/KH-UBND", "KH", "UBND", "2022-03-29", "II. MỤC TIÊU", "001.txt", "q", 1.0,
                   plan_id="726-kh-ubnd-cao-bang")
    refs = citation_refs([cit], locate=lambda c: f"{c.plan_id}:v3:0002")
    qid = qlog.record(entry("ban hành ngày nào?", user="123456789", understood="Kế hoạch 726/KH-UBND ban hành ngày nào?",
                            conversation="telegram:99", mode="extractive", kind="metadata", citations=refs,
                            latency_ms=87))
    row = qlog.get(qid)
    assert row["question"] == "ban hành ngày nào?" and row["understood"].startswith("Kế hoạch 726")
    assert row["found"] is True and row["mode"] == "extractive" and row["latency_ms"] == 87
    assert row["citations"] == [{"n": 1, "plan_id": "726-kh-ubnd-cao-bang", "plan": "726/KH-UBND",
                                 "section": "II. MỤC TIÊU", "chunk_id": "726-kh-ubnd-cao-bang:v3:0002", "version": "v3"}]
    assert "123456789" not in " ".join(str(v) for v in row.values())
    assert row["user_hash"] == qlog.user_hash("telegram", "123456789") != qlog.user_hash("zalo_bot", "123456789")
    other_salt = QuestionLog(qlog.url, salt="another-salt-987654", engine=qlog.engine)
    assert other_salt.user_hash("telegram", "123456789") != row["user_hash"]


def test_feedback_only_on_your_own_answer(qlog):
    qid = qlog.record(entry("Cao Bằng có mục tiêu gì?"))
    assert not qlog.set_feedback(qid, "down", channel="telegram", user_id="someone-else")
    assert qlog.set_feedback(qid, "down", channel="telegram", user_id="42")
    assert qlog.get(qid)["feedback"] == "down"
    with pytest.raises(ValueError):
        qlog.set_feedback(qid, "meh")
    assert [r["question"] for r in qlog.thumbs_down()] == ["Cao Bằng có mục tiêu gì?"]


def test_forget_user_deletes_only_their_rows(qlog):
    for q in ("a?", "b?"):
        qlog.record(entry(q, user="1"))
    qlog.record(entry("c?", user="2"))
    qlog.record(entry("d?", user="1", channel="zalo_bot"))
    assert qlog.forget_user("telegram", "1") == 2
    assert qlog.count() == 2 and qlog.count("telegram", "1") == 0 and qlog.count("zalo_bot", "1") == 1


def test_purge_drops_rows_past_the_retention(qlog):
    now = utcnow()
    qlog.record(entry("old?"), at=now - timedelta(days=31))
    qlog.record(entry("recent?"), at=now - timedelta(days=29))
    assert qlog.purge(now=now) == 1
    assert [r["question"] for r in qlog.rows()] == ["recent?"]
    assert qlog.purge(days=1, now=now) == 1 and qlog.count() == 0


def test_stats_per_day_top_and_refused(qlog):
    now = utcnow().replace(hour=12)
    qlog.record(entry("Kế hoạch của Cao Bằng do ai ký?"), at=now)
    qlog.record(entry("ke hoach cua cao bang do ai ky"), at=now)
    qlog.record(entry("Giá vé tham quan là bao nhiêu?", found=False), at=now - timedelta(days=1))
    qlog.record(entry("giá vé vào cửa bao nhiêu?", found=False), at=now - timedelta(days=1))
    days = qlog.per_day(days=3, now=now)
    assert [d["day"] for d in days] == [(now - timedelta(days=i)).date().isoformat() for i in (2, 1, 0)]
    assert [(d["answered"], d["refused"]) for d in days] == [(0, 0), (0, 2), (2, 0)]
    top = qlog.top_questions(limit=1)
    assert top[0]["count"] == 2 and vi_fold(top[0]["question"]) == "ke hoach cua cao bang do ai ky?"
    groups = group_similar([r["question"] for r in qlog.refused()])
    assert len(groups) == 1 and groups[0]["count"] == 2


def vi_fold(s):
    from ground import vi

    return vi.fold(s)


def test_csv_columns_and_formula_guard(qlog):
    qid = qlog.record(entry('=HYPERLINK("http://x") <script>alert(1)</script>', found=False))
    qlog.set_feedback(qid, "up")
    qlog.record(entry("Hỏi, với dấu phẩy?"))
    rows = list(csv.DictReader(io.StringIO(qlog.csv())))
    assert list(rows[0]) == ["time", "channel", "question", "found", "feedback"]
    by_q = {r["question"]: r for r in rows}
    assert by_q["Hỏi, với dấu phẩy?"]["feedback"] == "" and by_q["Hỏi, với dấu phẩy?"]["found"] == "true"
    guarded = next(r for r in rows if "HYPERLINK" in r["question"])
    assert guarded["question"].startswith("'=") and guarded["feedback"] == "up" and guarded["found"] == "false"


def test_salt_is_generated_once_and_private(tmp_path):
    first = load_salt(None, tmp_path / "state")
    assert load_salt(None, tmp_path / "state") == first and len(first) == 64
    assert stat.S_IMODE(os.stat(tmp_path / "state" / "user_salt").st_mode) == 0o600
    assert load_salt("configured-salt-value", tmp_path / "state") == "configured-salt-value"


def test_from_settings_defaults_to_sqlite_under_the_data_dir(tmp_path):
    settings = Settings(data_dir=tmp_path / "d")
    log = QuestionLog.from_settings(settings)
    log.record(entry("x?"))
    assert (tmp_path / "d" / "state" / "questions.sqlite3").exists() and (tmp_path / "d" / "state" / "user_salt").exists()
    with log.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ngvh_questions")).scalar_one() == 1
    log.close()
