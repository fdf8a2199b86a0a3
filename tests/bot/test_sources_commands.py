"""Pure channel pieces: callback data and keyboards, passages, Zalo digits and feedback, the command registry,
and who a Telegram group message is for."""
import pytest

from bot import commands, sources
from bot.addressing import question_for_bot

CIT = {"n": 2, "plan": "726/KH-UBND", "doc_type": "Kế hoạch", "issuer": "UBND tỉnh Cao Bằng",
       "section": "II. MỤC TIÊU › 2. Mục tiêu cụ thể", "plan_id": "726-kh-ubnd-cao-bang",
       "chunk_id": "726-kh-ubnd-cao-bang:ab12cd:0007", "quote": "ngắn", "full_quote": "Vận động <b>mới</b> & bảo vệ di sản."}


def test_callback_data_round_trips_and_stays_within_64_bytes():
    qid = 10**17 + 7
    for data in (sources.source_callback(qid, 10), sources.feedback_callback(qid, "up"), sources.feedback_callback(qid, "down")):
        assert len(data.encode()) <= 64
    assert sources.parse_callback(sources.source_callback(qid, 3)) == ("source", qid, 3)
    assert sources.parse_callback(sources.feedback_callback(5, "down")) == ("feedback", 5, "down")
    assert sources.parse_callback(sources.source_callback(None, 1)) == ("source", None, 1)
    for junk in (None, "", "x:1:2", "s:1:abc", "s:" + "9" * 40 + ":1", "f:1:x"):
        assert sources.parse_callback(junk) is None


def test_keyboard_has_a_button_per_citation_then_thumbs():
    keyboard = sources.telegram_keyboard(42, [{"n": i} for i in range(1, 8)])
    rows = keyboard["inline_keyboard"]
    assert [b["text"] for b in rows[0]] == ["📄 1", "📄 2", "📄 3", "📄 4", "📄 5"]
    assert [b["text"] for b in rows[1]] == ["📄 6", "📄 7"]
    assert [b["text"] for b in rows[2]] == ["👍", "👎"]
    assert rows[2][1]["callback_data"] == "f:42:d" and rows[0][2]["callback_data"] == "s:42:3"
    assert sources.telegram_keyboard(42, []) is None


def test_passage_html_escapes_and_links_to_the_chunk_anchor():
    link = sources.plan_page_link("https://ngvh.example.gov.vn/", CIT)
    assert link == "https://ngvh.example.gov.vn/plans/726-kh-ubnd-cao-bang#c7"
    out = sources.passage_html(CIT, link)
    assert "<blockquote expandable>Vận động &lt;b&gt;mới&lt;/b&gt; &amp; bảo vệ di sản.</blockquote>" in out
    assert "<b>[2] Kế hoạch 726/KH-UBND</b>" in out and "<i>II. MỤC TIÊU › 2. Mục tiêu cụ thể</i>" in out
    assert f'<a href="{link}">' in out
    text = sources.passage_text(CIT, link)
    assert "“Vận động <b>mới</b> & bảo vệ di sản.”" in text and text.endswith(link)
    assert sources.plan_page_link(None, CIT) is None


@pytest.mark.parametrize("text,n", [("2", 2), (" 2. ", 2), ("nguồn 3", 3), ("số 1", 1), ("#4", 4)])
def test_digit_requests(text, n):
    assert sources.digit_request(text) == n


@pytest.mark.parametrize("text", ["2022", "2 kế hoạch", "ý 2 là gì", "hai"])
def test_not_digit_requests(text):
    assert sources.digit_request(text) is None


@pytest.mark.parametrize("text,value", [("đúng", "up"), ("Đúng rồi!", "up"), ("dung", "up"), ("👍", "up"),
                                        ("sai", "down"), ("không đúng", "down"), ("👎", "down"),
                                        ("đúng không?", None), ("sai ở đâu", None)])
def test_feedback_words(text, value):
    assert sources.feedback_word(text) == value


class Ctx:
    channel, chat_id, user_id, retention_days = "telegram", "1", "2", 90

    def __init__(self):
        self.replies, self.sources, self.reset, self.forgotten = [], [], 0, 0

    async def reply(self, text):
        self.replies.append(text)

    async def plans(self):
        return [{"type": "Kế hoạch", "number": "726/KH-UBND", "province": "Cao Bằng"}]

    async def show_source(self, n):
        self.sources.append(n)

    async def new_conversation(self):
        self.reset += 1

    async def forget_user(self):
        self.forgotten += 1
        return 4


async def test_registry_runs_commands_and_aliases():
    registry, ctx = commands.default_commands(), Ctx()
    await registry.run(ctx, "start")
    assert "90 ngày" in ctx.replies[-1] and "/xoa" in ctx.replies[-1] and "/moi" in ctx.replies[-1]
    await registry.run(ctx, "nguon", "3")
    await registry.run(ctx, "source", "x")
    assert ctx.sources == [3, 0]
    await registry.run(ctx, "moi")
    assert ctx.reset == 1 and ctx.replies[-1] == commands.NEW_CONVERSATION_TEXT
    await registry.run(ctx, "xoa")
    assert ctx.forgotten == 1 and "4" in ctx.replies[-1]
    await registry.run(ctx, "danhsach")
    assert "726/KH-UBND" in ctx.replies[-1]
    ran = await registry.run(ctx, "khonghieu")
    assert ran.name == "start"
    with pytest.raises(ValueError):
        registry.register("moi")(lambda ctx, args: None)


def test_command_parsing_and_addressing():
    parsed = commands.parse("/nguon@NGVH_bot 2")
    assert parsed == commands.ParsedCommand("nguon", "2", "NGVH_bot")
    assert commands.addressed_to(parsed, "ngvh_bot") and not commands.addressed_to(parsed, "other_bot")
    assert commands.addressed_to(commands.parse("/start"), "ngvh_bot")
    assert commands.parse("không phải lệnh") is None


def group(text, **extra):
    return {"chat": {"id": -100, "type": "supergroup"}, "from": {"id": 5}, "text": text, **extra}


def test_group_messages_need_a_mention_a_reply_or_a_command():
    bot, bot_id = "ngvh_bot", 999
    assert question_for_bot({"chat": {"type": "private"}, "text": "Cao Bằng?"}, bot, bot_id) == "Cao Bằng?"
    assert question_for_bot(group("Cao Bằng có kế hoạch gì?"), bot, bot_id) is None
    mention = group("@ngvh_bot Cao Bằng có kế hoạch gì?", entities=[{"type": "mention", "offset": 0, "length": 9}])
    assert question_for_bot(mention, bot, bot_id) == "Cao Bằng có kế hoạch gì?"
    emoji_first = group("👋 @NGVH_BOT ai ký?", entities=[{"type": "mention", "offset": 3, "length": 9}])
    assert question_for_bot(emoji_first, bot, bot_id) == "👋 ai ký?"
    other = group("@other_bot ai ký?", entities=[{"type": "mention", "offset": 0, "length": 10}])
    assert question_for_bot(other, bot, bot_id) is None
    reply = group("ban hành ngày nào?", reply_to_message={"from": {"id": bot_id}, "text": "…"})
    assert question_for_bot(reply, bot, bot_id) == "ban hành ngày nào?"
    assert question_for_bot(group("ok", reply_to_message={"from": {"id": 5}}), bot, bot_id) is None
    assert question_for_bot(group("/start@otherbot"), bot, bot_id) is None
    assert question_for_bot(group("/start@ngvh_bot"), bot, bot_id) == "/start@ngvh_bot"
    joined = {"chat": {"id": -100, "type": "group"}, "new_chat_members": [{"id": 7}]}
    assert question_for_bot(joined, bot, bot_id) is None
