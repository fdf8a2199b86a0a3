"""The chat flow with a recording outbox: commands, digits, feedback words, buttons, follow-ups, understood line."""
import asyncio

import pytest

from bot import formatting, sources
from bot.chat_flow import ChatFlow
from bot.conversations.sqlite import SqliteConversationStore
from bot.models import InboundMessage
from bot.questionlog import QuestionLog
from bot.turns import Turns
from tests.bot.fakes import FakeCore


class Box:
    def __init__(self):
        self.sent, self.acks = [], []

    async def send(self, parts, buttons=None):
        self.sent.append((list(parts), buttons))

    def render_answer(self, answer):
        return formatting.zalo_answer(answer)

    def render_text(self, text):
        return [text]

    def render_passage(self, citation, link):
        return [sources.passage_text(citation, link)]

    def answer_buttons(self, question_id, citations):
        return sources.telegram_keyboard(question_id, citations)

    async def acknowledge(self, callback_id, text=None):
        self.acks.append((callback_id, text))


def msg(text="", chat="c1", user="u1"):
    return InboundMessage("zalo-bot", chat, user, "m1", "k1", text)


@pytest.fixture
def flow(tmp_path):
    core = FakeCore()
    log = QuestionLog(f"sqlite:///{tmp_path / 'q.sqlite3'}", "salt-for-tests-0000", retention_days=60)

    async def ask(q):
        return await asyncio.to_thread(core.ask, q)

    async def plans():
        return core.plans()

    turns = Turns(SqliteConversationStore(tmp_path / "c.sqlite3"), ask, log)
    yield ChatFlow(turns, plans, "https://ngvh.example.vn", 60), core, log
    log.close()


async def test_answer_then_digit_then_feedback(flow):
    chat, core, log = flow
    box = Box()
    assert await chat.on_text(box, msg("2"), "2") == "answer"  # no answer yet: a bare digit is just a question
    assert await chat.on_text(box, msg(), "Kế hoạch của Cao Bằng có mục tiêu gì?") == "answer"
    parts, buttons = box.sent[-1]
    assert parts[-1].endswith("Gõ 1, 2… để xem nguyên văn")
    assert [b["text"] for b in buttons["inline_keyboard"][0]] == ["📄 1", "📄 2"]
    assert await chat.on_text(box, msg(), "2") == "source"
    assert "III. NHIỆM VỤ" in box.sent[-1][0][0] and "https://ngvh.example.vn/plans/p2" in box.sent[-1][0][0]
    assert await chat.on_text(box, msg(), "9") == "source" and "có 2 nguồn" in box.sent[-1][0][0]
    assert await chat.on_text(box, msg(), "sai") == "feedback"
    assert box.sent[-1][0] == [formatting.FEEDBACK_THANKS_TEXT]
    assert [r["feedback"] for r in log.rows()][0] == "down"


async def test_follow_up_shows_how_it_was_understood(flow):
    chat, core, _ = flow
    box = Box()
    await chat.on_text(box, msg(), "Kế hoạch của Cao Bằng do ai ký?")
    await chat.on_text(box, msg(), "ban hành ngày nào?")
    first_part = box.sent[-1][0][0]
    assert first_part.startswith("↪ Hiểu là: Kế hoạch")
    assert core.questions[-1].endswith("ban hành ngày nào?") and core.questions[-1] != "ban hành ngày nào?"


async def test_commands_go_through_the_registry(flow):
    chat, core, log = flow
    box = Box()
    await chat.on_text(box, msg(), "Cao Bằng có kế hoạch gì?")
    assert await chat.on_text(box, msg(), "/start") == "command" and "60 ngày" in box.sent[-1][0][0]
    await chat.on_text(box, msg(), "/moi")
    assert box.sent[-1][0] == ["Đã bắt đầu cuộc trò chuyện mới. Bạn hãy đặt câu hỏi."]
    await chat.on_text(box, msg(), "/nguon 1")
    assert box.sent[-1][0] == [formatting.NO_LAST_ANSWER_TEXT]  # a new conversation forgets the last answer
    await chat.on_text(box, msg(), "/xoa")
    assert "Đã xóa 1 câu hỏi" in box.sent[-1][0][0] and log.count() == 0


async def test_buttons_always_acknowledged(flow):
    chat, core, log = flow
    box = Box()
    await chat.on_text(box, msg(), "Cao Bằng có kế hoạch gì?")
    qid = (await chat.turns.last_answer("zalo-bot", "c1")).question_id
    await chat.on_callback(box, msg(), "cb1", sources.source_callback(qid, 1))
    await chat.on_callback(box, msg(), "cb2", sources.feedback_callback(qid, "up"))
    await chat.on_callback(box, msg(user="intruder"), "cb3", sources.feedback_callback(qid, "down"))
    await chat.on_callback(box, msg(), "cb4", "garbage")
    assert [a[0] for a in box.acks] == ["cb1", "cb2", "cb3", "cb4"]
    assert box.acks[1][1] == formatting.FEEDBACK_THANKS_TEXT and box.acks[2][1] == formatting.FEEDBACK_NONE_TEXT
    assert "726/KH-UBND" in box.sent[-1][0][0]
    assert log.get(qid)["feedback"] == "up"


async def test_odd_digits_and_deletion_spellings_are_commands_not_questions(flow):
    """'/nguon ²' used to raise (int('²')); '/xóa' and '/ｘｏａ' were answered and logged as questions."""
    chat, core, log = flow
    box = Box()
    await chat.on_text(box, msg(), "Cao Bằng có kế hoạch gì?")
    assert await chat.on_text(box, msg(), "/nguon ²") == "command"  # NFKC: a superscript two is a 2
    assert box.sent[-1][0][0].startswith("[2] ")
    assert await chat.on_text(box, msg(), "/nguon ٢") == "command"  # a digit int() reads, but not ASCII
    assert box.sent[-1][0] == [formatting.BAD_SOURCE_TEXT.format(count=2)]
    for typed in ("/xóa", "/ｘｏａ", "xoá câu hỏi của tôi"):
        assert await chat.on_text(box, msg(), typed) == "command", typed
        assert "Đã xóa" in box.sent[-1][0][0]
    assert log.count() == 0, "a deletion request is never itself stored as a question"
    assert len(core.questions) == 1
