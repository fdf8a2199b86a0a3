"""A small real OpenAI-compatible chat server on 127.0.0.1 with scripted replies.

It serves POST /v1/chat/completions, streamed (SSE "data: {...}" chunks, then "data: [DONE]") or not, as the
request's "stream" asks, and records every request so tests can read the prompt. A reply can also hang,
trickle its bytes, answer with an HTTP error, or drop the connection without answering.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# how often serve_forever looks for a stop request: the default 0.5 s was paid at every test's teardown
STOP_POLL_SECONDS = 0.05


@dataclass
class Reply:
    text: str = ""
    pieces: list[str] | None = None  # streamed pieces; default: the text cut into a few pieces
    status: int = 200  # ≥400: an OpenAI-style error body with this status
    delay: float = 0.0  # seconds before anything is sent
    hang: bool = False  # never answer (until the server stops)
    drop: bool = False  # close the connection without a response
    trickle: float = 0.0  # seconds between pieces (streamed) or body bytes (not streamed)
    repeat: int = 1  # streamed pieces sent this many times (a long trickle)
    echo_system: bool = False  # answer with the request's system message


Script = Callable[[dict], Reply]


def messages_of(request: dict, role: str) -> list[str]:
    return [m.get("content") or "" for m in request.get("messages", []) if m.get("role") == role]


class FakeOpenAI:
    """`with FakeOpenAI(script) as fake:` → fake.url is the base URL ("http://127.0.0.1:<port>/v1")."""

    def __init__(self, script: Script | None = None, model: str = "fake-model"):
        self.script = script
        self.model = model
        self.replies: deque[Reply] = deque()
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        self.received: list[float] = []  # time.monotonic() of each request's arrival
        self.abandoned: list[float] = []  # time.monotonic() when a client closed a stream before its end
        self.stopped = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(STOP_POLL_SECONDS,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def queue(self, *replies: Reply) -> FakeOpenAI:
        self.replies.extend(replies)
        return self

    def next_reply(self, request: dict) -> Reply:
        if self.replies:
            return self.replies.popleft()
        if self.script:
            return self.script(request)
        return Reply(status=500, text="no scripted reply")

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()  # releases hanging handlers
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- HTTP ------------------------------------------------------------------------------------------
    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one response per connection; a stream ends when it closes

            def log_message(self, *args) -> None:  # quiet test output
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/") != "/v1/models":
                    return self._error(404, "not found")
                data = json.dumps({"object": "list", "data": [{"id": fake.model, "object": "model"}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.rstrip("/") != "/v1/chat/completions":
                    return self._error(404, "not found")
                request = json.loads(body or b"{}")
                fake.received.append(time.monotonic())
                fake.requests.append(request)
                fake.headers.append({k.lower(): v for k, v in self.headers.items()})
                try:
                    reply = fake.next_reply(request)
                except Exception as err:  # a broken test script shows up as a 500 with its message
                    return self._error(500, f"script failed: {err!r}")
                if reply.hang:
                    fake.stopped.wait()
                    return
                if reply.delay and fake.stopped.wait(reply.delay):
                    return
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if reply.status >= 400:
                    return self._error(reply.status, reply.text or "server error")
                text = messages_of(request, "system")[0] if reply.echo_system else reply.text
                if request.get("stream"):
                    self._stream(reply, text)
                else:
                    self._complete(reply, text)

            def _error(self, status: int, message: str) -> None:
                data = json.dumps({"error": {"message": message, "type": "server_error", "code": status}}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _complete(self, reply: Reply, text: str) -> None:
                data = json.dumps(
                    {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": fake.model,
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                     "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    },
                    ensure_ascii=False,
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if not reply.trickle:
                    self.wfile.write(data)
                    return
                try:
                    for byte in data:  # a body that arrives byte by byte: every read is quick, the whole is not
                        if fake.stopped.wait(reply.trickle):
                            return
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _stream(self, reply: Reply, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                pieces = reply.pieces if reply.pieces is not None else _cut(text)
                try:
                    self._event({"role": "assistant", "content": ""}, None)
                    for _ in range(reply.repeat):
                        for piece in pieces:
                            if reply.trickle and fake.stopped.wait(reply.trickle):
                                return
                            self._event({"content": piece}, None)
                    self._event({}, "stop")
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    fake.abandoned.append(time.monotonic())  # the client gave up (deadline passed, or it left)

            def _event(self, delta: dict, finish: str | None) -> None:
                chunk = {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion.chunk",
                    "created": int(time.time()),
                    "model": fake.model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()

        return Handler


def _cut(text: str, size: int = 12) -> list[str]:
    """Stream pieces of a few characters, as a model's tokens arrive."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
