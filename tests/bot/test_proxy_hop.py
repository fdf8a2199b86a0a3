"""The app behind a reverse-proxy hop, as docker-compose deploys it: with FORWARDED_ALLOW_IPS naming the proxy,
two web users are two rate-limit buckets; with the proxy not trusted (compose's old 127.0.0.1 default, the
proxy reaching the container from the network's gateway) they share one.

The proxy is a small real HTTP proxy on 127.0.0.1 that connects to the app from 127.0.0.5 and appends the
client's address to X-Forwarded-For; the two clients connect from 127.0.0.2 and 127.0.0.3 (all loopback)."""
from __future__ import annotations

import asyncio

import httpx
import pytest
import uvicorn

from tests.bot.conftest import fast_options, free_socket, make_settings
from tests.bot.fakes import FakeCore

PROXY_ADDRESS = "127.0.0.5"

pytestmark = pytest.mark.slow  # serves the app with uvicorn on a port


async def _relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, upstream_port: int) -> None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = next((int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")), 0)
        body = await reader.readexactly(length) if length else b""
        client = writer.get_extra_info("peername")[0]
        kept = [line for line in lines[1:] if line and not line.lower().startswith(("connection:", "x-forwarded-for:"))]
        request = "\r\n".join([lines[0], *kept, f"X-Forwarded-For: {client}", "Connection: close", "", ""]).encode("latin-1")
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream_port, local_addr=(PROXY_ADDRESS, 0))
        up_writer.write(request + body)
        await up_writer.drain()
        writer.write(await up_reader.read())  # Connection: close: the whole response, then EOF
        await writer.drain()
        up_writer.close()
    finally:
        writer.close()


async def _served(app, forwarded_allow_ips: str):
    sock = free_socket()
    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False, proxy_headers=True,
                            forwarded_allow_ips=forwarded_allow_ips)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        assert not task.done(), task
        await asyncio.sleep(0.02)
    return server, task, sock.getsockname()[1]


async def _statuses(forwarded_allow_ips: str, data_dir) -> tuple[list[int], int]:
    from bot.app import create_app
    from bot.service import Service

    app = create_app(Service(make_settings(data_dir, rate_per_minute=2), FakeCore(), options=fast_options()))
    server, task, app_port = await _served(app, forwarded_allow_ips)
    proxy = await asyncio.start_server(lambda r, w: _relay(r, w, app_port), "127.0.0.1", 0)
    proxy_url = f"http://127.0.0.1:{proxy.sockets[0].getsockname()[1]}"
    try:
        async def ask(client_address: str) -> int:
            transport = httpx.AsyncHTTPTransport(local_address=client_address)
            async with httpx.AsyncClient(base_url=proxy_url, transport=transport, timeout=10) as client:
                return (await client.post("/api/ask", json={"question": "Cao Bằng có kế hoạch gì?"})).status_code

        first = [await ask("127.0.0.2") for _ in range(3)]
        second = await ask("127.0.0.3")
        return first, second
    finally:
        proxy.close()
        await proxy.wait_closed()
        server.should_exit = True
        await asyncio.wait_for(task, 20)


async def test_two_clients_behind_the_proxy_get_two_rate_buckets(data_dir):
    first, second = await _statuses(PROXY_ADDRESS, data_dir)
    assert first == [200, 200, 429], "the first client's third question in a minute is refused"
    assert second == 200, "the second client has a bucket of its own"


@pytest.mark.parametrize("trusted", ["127.0.0.1"])
async def test_an_untrusted_proxy_puts_everyone_in_one_bucket(data_dir, trusted):
    """Why compose must name the proxy: trusting 127.0.0.1 while it connects from elsewhere."""
    first, second = await _statuses(trusted, data_dir)
    assert first == [200, 200, 429] and second == 429
