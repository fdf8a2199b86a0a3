"""A client that hangs up mid-body costs one short log line and counts as a 400, not a 500 with a 4.9 KB
traceback (old code: Starlette's ClientDisconnect escaped read_limited, before the secret check)."""
from __future__ import annotations

import asyncio
import logging

import pytest

from tests.bot.conftest import running, telegram_channel

pytestmark = pytest.mark.slow  # serves the app with uvicorn on a port


async def _hang_up_mid_body(url: str, path: str) -> None:
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                 '{"update_id": 1, "mess'.encode())
    await writer.drain()
    await asyncio.sleep(0.2)
    writer.close()
    await asyncio.sleep(0.5)  # the server notices and finishes the request


async def test_a_client_hanging_up_mid_body_is_one_short_line(data_dir, core, fake_telegram, caplog):
    from tests.bot.conftest import make_settings

    settings = make_settings(data_dir, **telegram_channel(fake_telegram))
    caplog.set_level(logging.INFO)
    async with running(settings, core) as (url, client, _rt):
        for path in ("/webhook/telegram", "/api/ask"):
            await _hang_up_mid_body(url, path)
        metrics = (await client.get("/metrics")).text
    hung_up = [r for r in caplog.records if "hung up" in r.getMessage()]
    assert len(hung_up) == 2 and all(r.exc_info is None for r in hung_up)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]
    assert 'route="/webhook/telegram",status="400"' in metrics and 'status="500"' not in metrics
