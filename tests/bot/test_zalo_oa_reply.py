"""Zalo OA replies carry the user's message_id (a reply, not a billed proactive message); a closed reply
window (-230 and kin) is a clear log line, a counted failure, and no retry."""
import logging

import pytest

from bot.adapters.base import ReplyWindowClosed
from bot.adapters.zalo_oa import OATokenManager, ZaloOAAdapter
from tests.bot.conftest import OA_APP_ID, OA_APP_SECRET, OA_SECRET_KEY


@pytest.fixture
async def adapter(fake_zalo_oa, tmp_path):
    tokens = OATokenManager(tmp_path / "tokens.json", OA_APP_ID, OA_APP_SECRET, fake_zalo_oa.url,
                            "AT-initial", "RT-initial")
    oa = ZaloOAAdapter(OA_APP_ID, OA_SECRET_KEY, fake_zalo_oa.url, tokens)
    yield oa
    await oa.stop()


async def test_reply_carries_the_user_message_id(adapter, fake_zalo_oa):
    await adapter.send_text("user-1", "Trả lời", reply_to="msg-abc")
    [call] = fake_zalo_oa.calls_to("message/cs")
    assert call.params["recipient"] == {"user_id": "user-1", "message_id": "msg-abc"}
    assert call.params["message"] == {"text": "Trả lời"}


async def test_closed_reply_window_is_logged_counted_and_not_retried(adapter, fake_zalo_oa, caplog):
    fake_zalo_oa.fail_next("message/cs", status=200, body={"error": -230, "message": "User has not interacted"})
    with caplog.at_level(logging.WARNING, logger="ngvh.bot.zalo_oa"), pytest.raises(ReplyWindowClosed) as err:
        await adapter.send_text("user-1", "Trả lời", reply_to="msg-old")
    assert err.value.code == -230 and adapter.reply_window_closed == 1
    assert any("reply window closed" in r.getMessage() and r.code == -230 for r in caplog.records)
    assert len(fake_zalo_oa.calls_to("message/cs", ok_only=False)) == 1


# -- buttons under an answer: an OA template, the typed-reply hint as the fallback ----------------------------
ANSWER = "Trả lời [1][2]\n\nNguồn:\n[1] 726/KH-UBND\n[2] 726/KH-UBND\n\nGõ 1, 2… để xem nguyên văn"


def _buttons():
    from bot.sources import zalo_oa_buttons

    return zalo_oa_buttons([{"n": 1}, {"n": 2}])


async def test_an_answer_goes_with_query_buttons_instead_of_the_hint(adapter, fake_zalo_oa):
    await adapter.send_text("user-1", ANSWER, reply_to="msg-1", buttons=_buttons())
    [call] = fake_zalo_oa.calls_to("message/cs")
    message = call.params["message"]
    assert message["text"] == ANSWER.removesuffix("\n\nGõ 1, 2… để xem nguyên văn"), "the buttons do the hint's work"
    assert message["attachment"]["type"] == "template"
    assert [(b["title"], b["type"], b["payload"]) for b in message["attachment"]["payload"]["buttons"]] == [
        ("📄 Nguồn 1", "oa.query.show", "nguồn 1"), ("📄 Nguồn 2", "oa.query.show", "nguồn 2"),
        ("👍 Đúng", "oa.query.hide", "đúng"), ("👎 Sai", "oa.query.hide", "sai")]
    assert call.params["recipient"] == {"user_id": "user-1", "message_id": "msg-1"} and adapter.templates_refused == 0


async def test_a_refused_template_is_sent_again_as_text_with_the_hint(adapter, fake_zalo_oa, caplog):
    fake_zalo_oa.refuse_templates = True
    with caplog.at_level(logging.WARNING, logger="ngvh.bot.zalo_oa"):
        await adapter.send_text("user-1", ANSWER, reply_to="msg-1", buttons=_buttons())
    refused, sent = fake_zalo_oa.calls_to("message/cs")
    assert "attachment" in refused.params["message"]
    assert sent.params["message"] == {"text": ANSWER} and sent.params["recipient"]["message_id"] == "msg-1"
    assert adapter.templates_refused == 1 and any("refused the buttons" in r.getMessage() for r in caplog.records)


async def test_a_closed_reply_window_is_not_tried_again_as_text(adapter, fake_zalo_oa):
    fake_zalo_oa.fail_next("message/cs", status=200, body={"error": -230, "message": "User has not interacted"})
    with pytest.raises(ReplyWindowClosed):
        await adapter.send_text("user-1", ANSWER, reply_to="msg-old", buttons=_buttons())
    assert len(fake_zalo_oa.calls_to("message/cs", ok_only=False)) == 1 and adapter.templates_refused == 0


def test_the_buttons_fit_the_template_the_oa_api_takes():
    from bot.sources import zalo_oa_buttons
    from tests.bot.fakes import template_problem

    many = zalo_oa_buttons([{"n": n} for n in range(1, 9)])
    assert len(many["buttons"]) == 5 and zalo_oa_buttons([]) is None
    message = {"text": "x", "attachment": {"type": "template", "payload": many}}
    assert template_problem(message) is None
    assert template_problem({**message, "text": ""}) == "text"  # the checker can fail
    bad = {"text": "x", "attachment": {"type": "template", "payload": {"buttons": [{"title": "t", "type": "oa.query.hide"}]}}}
    assert template_problem(bad) == "button.payload"
