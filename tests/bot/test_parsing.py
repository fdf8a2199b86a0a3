"""Pure parsing: platform payloads into InboundMessages, commands, upload names."""
from __future__ import annotations

from telegram import Update

from bot import commands
from bot.adapters.telegram import parse_update, update_id_of
from bot.adapters.zalo_bot import parse_payload
from bot.adapters.zalo_oa import parse_event
from bot.uploads import safe_file_name, upload_problem
from tests.bot.test_telegram import tg_update
from tests.bot.test_zalo import oa_event, zb_event

TOKEN = "123:abc"


def test_update_id_of_checks_the_shape_cheaply():
    assert update_id_of(tg_update(5)) == 5
    assert update_id_of({"update_id": 6, "edited_message": {"anything": 1}}) == 6  # ignored later, not a 400
    for bad in ([], {"update_id": "5"}, {"update_id": True}, {"update_id": 5, "message": "x"},
                {"update_id": 5, "message": {"chat": {"id": "1"}, "message_id": 1, "date": 1}},
                {"update_id": 5, "message": {"chat": {"id": 1}, "message_id": 1, "date": 1, "text": 3}}):
        assert update_id_of(bad) is None, bad


def test_parse_telegram_update():
    update = tg_update(9, " câu hỏi ", chat_id=-100, user_id=7, chat_type="supergroup")
    assert parse_update(Update.de_json(update, None), TOKEN, "ngvh_bot", 555) == [], "a group message not for the bot"
    update["message"]["reply_to_message"] = {"message_id": 1, "date": 1, "chat": {"id": -100, "type": "supergroup"},
                                             "from": {"id": 555, "is_bot": True, "first_name": "ngvh"}}
    [msg] = parse_update(Update.de_json(update, None), TOKEN, "ngvh_bot", 555)
    assert (msg.channel, msg.chat_id, msg.user_id, msg.message_id, msg.text, msg.is_group) == ("telegram", "-100", "7", "9", "câu hỏi", True)
    assert msg.dedupe_key == "tg:123:9" and "abc" not in msg.dedupe_key, "keys never contain the token's secret part"
    doc = {"file_id": "f", "file_unique_id": "u", "file_name": "a.pdf", "mime_type": "application/pdf", "file_size": 10}
    [with_doc] = parse_update(Update.de_json(tg_update(10, None, document=doc), None), TOKEN)
    assert with_doc.attachments[0].file_name == "a.pdf" and with_doc.attachments[0].size == 10
    assert parse_update(Update.de_json(tg_update(11, kind="edited_message"), None), TOKEN) == []


def test_parse_zalo_bot_payloads():
    [msg] = parse_payload(zb_event("m1", "xin chào"), "999:tok")
    assert (msg.channel, msg.chat_id, msg.message_id, msg.text, msg.dedupe_key) == ("zalo-bot", "e4ea2cd5189df1c3a88c", "m1", "xin chào", "zb:999:m1")
    assert parse_payload(zb_event("m2", event="message.image.received"), "999:tok") == []
    assert len(parse_payload({"ok": True, "result": [zb_event("a")["result"], zb_event("b")["result"]]}, "999:tok")) == 2
    no_id = zb_event("x")
    del no_id["result"]["message"]["message_id"]
    first, second = parse_payload(no_id, "9:t"), parse_payload(no_id, "9:t")
    assert first[0].dedupe_key == second[0].dedupe_key, "a stable fallback key when message_id is missing"
    assert parse_payload("nonsense", "9:t") == [] and parse_payload({"ok": True, "result": None}, "9:t") == []


def test_parse_zalo_oa_events():
    import json

    [msg] = parse_event(json.loads(oa_event("mid-1", "hỏi")))
    assert (msg.channel, msg.chat_id, msg.text, msg.message_id) == ("zalo-oa", "246845883529197922", "hỏi", "mid-1")
    assert parse_event(json.loads(oa_event("mid-2", event="user_send_image"))) == []
    assert parse_event({"event_name": "user_send_text", "message": "x"}) == []


def test_commands():
    assert commands.parse("/nguon 2") == commands.ParsedCommand("nguon", "2", None)
    assert commands.parse("/Plans@ngvh_bot") == commands.ParsedCommand("plans", "", "ngvh_bot")
    assert commands.parse("  /start  ") == commands.ParsedCommand("start", "", None)
    assert commands.parse("Kế hoạch /KH-UBND") is None
    assert commands.parse("726/KH-UBND là gì") is None


def test_upload_names_and_limits():
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("C:\\Users\\a\\Kế hoạch số 5.pdf") == "Kế hoạch số 5.pdf"
    assert safe_file_name("...") == "upload"
    assert safe_file_name("a<b>|c.txt") == "a_b_c.txt"
    assert upload_problem("a.DOCX", 10) is None
    assert upload_problem("a.exe", 10) and upload_problem("a.pdf", 21 * 1024 * 1024)


def test_parsers_are_total_on_odd_shapes():
    odd_values = [None, "x", 1, [], {}, {"id": {}}, ["a"]]
    for value in odd_values:
        for key in ("message", "sender"):
            payload = {"event_name": "user_send_text", "sender": {"id": "1"}, "message": {"msg_id": "m", "text": "t"}}
            payload[key] = value
            parse_event(payload)
        for key in ("chat", "from", "text", "message_id"):
            event = zb_event("m")
            event["result"]["message"][key] = value
            parse_payload(event, "9:t")


def test_commands_in_vietnamese_spellings_and_full_width_forms():
    for typed in ("/xóa", "/xoá", "/XOÁ", "/ｘｏａ", "／xoa", "/Xóa@ngvh_bot"):
        parsed = commands.parse(typed)
        assert parsed is not None and parsed.name == "xoa", typed
    assert commands.parse("/nguồn ２") == commands.ParsedCommand("nguon", "2", None)
    assert commands.parse("/mới") == commands.ParsedCommand("moi", "", None)
    assert commands.parse("/ 2") is None and commands.parse("//") is None


def test_deletion_requests_without_the_slash():
    for typed in ("xóa", "Xoá câu hỏi của tôi", "xoa du lieu cua minh.", "ｘｏá"):
        assert commands.deletion_request(typed), typed
    for typed in ("xóa đói giảm nghèo ở Cao Bằng", "Kế hoạch xóa mù chữ", "xoa"[:2]):
        assert not commands.deletion_request(typed), typed


def test_numbers_are_ascii_digits_only():
    assert commands.ascii_number("2") == 2
    for typed in ("²", "٢", "2²", "", "-1"):
        assert commands.ascii_number(typed) is None, typed
