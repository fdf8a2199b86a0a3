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
