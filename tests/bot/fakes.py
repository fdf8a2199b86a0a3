"""Small real HTTP servers on 127.0.0.1 standing in for the Telegram, Zalo Bot and Zalo OA APIs.

They record every call and can be told to answer the next calls of a method with 429, 5xx or a delay
longer than the client's timeout. Also: a fake answering core for pure channel tests.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from bot.core import AnsweringCore
from ingest.report import IngestReport, IngestRow
from rag.models import Answer, Citation
from tests.fakes.openai_server import STOP_POLL_SECONDS


@dataclass
class Call:
    method: str  # API method ("sendMessage") or path for non-bot routes
    params: dict
    headers: dict
    at: float
    status: int = 200  # what the fake answered
    ok: bool = True  # False when the fake injected a fault


@dataclass
class Fault:
    status: int = 500
    delay: float = 0.0  # seconds before answering (a timeout when longer than the client's)
    retry_after: int | None = None
    body: dict | None = None


class FakeApiServer:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                outer._handle(self, b"")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                outer._handle(self, self.rfile.read(length) if length else b"")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(STOP_POLL_SECONDS,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"  # bound there in __init__

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- programming faults ---------------------------------------------------------------------------
    def fail_next(self, method: str, status: int = 500, times: int = 1, delay: float = 0.0, retry_after: int | None = None, body: dict | None = None) -> None:
        with self._lock:
            for _ in range(times):
                self._faults[method].append(Fault(status, delay, retry_after, body))

    def _take_fault(self, method: str) -> Fault | None:
        with self._lock:
            queue = self._faults.get(method)
            return queue.popleft() if queue else None

    # -- inspecting -----------------------------------------------------------------------------------
    def calls_to(self, method: str, ok_only: bool = True) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method and (c.ok or not ok_only)]

    def sent_texts(self, method: str = "sendMessage") -> list[str]:
        return [c.params.get("text", "") for c in self.calls_to(method)]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        """Poll until predicate() holds; fail with a message saying what never happened."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            await asyncio.sleep(0.02)
        raise AssertionError(f"timed out after {timeout:.1f}s waiting for {what}; calls: {[(c.method, c.status) for c in self.calls][-20:]}")

    async def wait_calls(self, method: str, count: int, timeout: float = 10.0) -> list[Call]:
        await self.wait_for(lambda: len(self.calls_to(method)) >= count, timeout, f"{count} successful {method} call(s)")
        return self.calls_to(method)

    # -- serving --------------------------------------------------------------------------------------
    def _handle(self, request: BaseHTTPRequestHandler, body: bytes) -> None:
        if request.path == "/_calls":  # what was recorded, for a fake running in another process
            with self._lock:
                summary = [{"method": c.method, "ok": c.ok, "status": c.status, "chat_id": str(c.params.get("chat_id", "")),
                            "text": c.params.get("text", "")} for c in self.calls if c.method != "_calls"]
            self._send(request, 200, summary)
            return
        headers = {k.lower(): v for k, v in request.headers.items()}
        params = _decode(body, headers.get("content-type", ""))
        method, answer = self.route(unquote(request.path), params, headers)
        fault = self._take_fault(method)
        call = Call(method, params, headers, time.monotonic())
        if fault is not None:
            call.ok, call.status = False, fault.status
            with self._lock:
                self.calls.append(call)
            if fault.delay:
                time.sleep(fault.delay)
            self._send(request, fault.status, fault.body or self.fault_body(fault))
            return
        status, payload = answer()
        call.status, call.ok = status, 200 <= status < 300
        with self._lock:
            self.calls.append(call)
        self._send(request, status, payload)

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/octet-stream" if isinstance(payload, bytes) else "application/json")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def fault_body(self, fault: Fault) -> dict:
        return {"ok": False, "error_code": fault.status, "description": "injected fault"}

    def route(self, path: str, params: dict, headers: dict) -> tuple[str, Callable[[], tuple[int, Any]]]:
        raise NotImplementedError


def _decode(body: bytes, content_type: str) -> dict:
    if not body:
        return {}
    if "json" in content_type:
        try:
            data = json.loads(body)
            return data if isinstance(data, dict) else {"_": data}
        except ValueError:
            return {}
    if "x-www-form-urlencoded" in content_type:
        return {k: v[-1] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
    return {"_raw": body}


class FakeBotApi(FakeApiServer):
    """A Telegram-style Bot API at /bot<token>/<method> (Telegram's and Zalo Bot's): another token gets a 401."""

    token: str

    def route(self, path, params, headers):
        prefix, _, method = path.rpartition("/")
        if prefix != f"/bot{self.token}":
            return method, lambda: (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        return method, lambda: (200, {"ok": True, "result": self.result(method, params)})

    def result(self, method: str, params: dict) -> Any:
        raise NotImplementedError


class FakeTelegram(FakeBotApi):
    """Bot API at /bot<token>/<method> and files at /file/bot<token>/<path>."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.files: dict[str, bytes] = {}
        self.pending_updates: deque[dict] = deque()
        self._message_ids = itertools.count(1)
        super().__init__()

    def fault_body(self, fault: Fault) -> dict:
        body = {"ok": False, "error_code": fault.status, "description": "injected fault"}
        if fault.retry_after is not None:
            body["parameters"] = {"retry_after": fault.retry_after}
            body["description"] = f"Too Many Requests: retry after {fault.retry_after}"
        return body

    def add_file(self, file_id: str, data: bytes) -> None:
        self.files[file_id] = data

    def route(self, path, params, headers):
        if path.startswith(f"/file/bot{self.token}/"):
            file_path = path.split(f"/file/bot{self.token}/", 1)[1]
            return "download", lambda: (200, self.files[file_path]) if file_path in self.files else (404, {"ok": False})
        return super().route(path, params, headers)

    def result(self, method: str, params: dict) -> Any:
        if method == "getMe":
            return {"id": int(self.token.split(":")[0]), "is_bot": True, "first_name": "ngvh", "username": "ngvh_test_bot"}
        if method == "sendMessage":
            return {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                "text": params.get("text", ""),
            }
        if method == "getFile":
            file_id = params.get("file_id", "")
            return {"file_id": file_id, "file_unique_id": "u" + file_id, "file_size": len(self.files.get(file_id, b"")), "file_path": file_id}
        if method == "getUpdates":
            deadline = time.monotonic() + min(float(params.get("timeout", 0) or 0), 1.0)
            while not self.pending_updates and time.monotonic() < deadline:
                time.sleep(0.02)
            out = []
            while self.pending_updates:
                out.append(self.pending_updates.popleft())
            return out
        return True  # setWebhook, deleteWebhook, sendChatAction, close...


class FakeZaloBot(FakeBotApi):
    def __init__(self, token: str) -> None:
        self.token = token
        self.pending_updates: deque[dict] = deque()
        super().__init__()

    def result(self, method: str, params: dict) -> Any:
        if method == "getMe":
            return {"id": self.token.split(":")[0], "account_name": "bot.ngvh", "account_type": "BASIC"}
        if method == "sendMessage":
            return {"message_id": f"m{time.monotonic_ns()}", "date": int(time.time() * 1000)}
        if method == "getUpdates":
            deadline = time.monotonic() + min(float(params.get("timeout", 0) or 0), 1.0)
            while not self.pending_updates and time.monotonic() < deadline:
                time.sleep(0.02)
            return self.pending_updates.popleft() if self.pending_updates else None
        if method == "setWebhook":
            return {"url": params.get("url"), "updated_at": int(time.time() * 1000)}
        return True


class FakeZaloOA(FakeApiServer):
    """Open API (/v3.0/oa/message/cs) and OAuth (/v4/oa/access_token) on one server."""

    def __init__(self, app_id: str, app_secret: str, access_token: str, refresh_token: str) -> None:
        self.app_id = app_id
        self.app_secret = app_secret
        self.valid_access = {access_token}
        self.valid_refresh = {refresh_token}
        self.issued = itertools.count(1)
        self.refuse_templates = False  # an OA whose messages may not carry buttons
        super().__init__()

    def fault_body(self, fault: Fault) -> dict:
        return {"error": -fault.status, "message": "injected fault"}

    def expire_access_tokens(self) -> None:
        self.valid_access.clear()

    def route(self, path, params, headers):
        if path == "/v3.0/oa/message/cs":
            return "message/cs", lambda: self._message(params, headers)
        if path == "/v4/oa/access_token":
            return "access_token", lambda: self._refresh(params, headers)
        return path, lambda: (404, {"error": 404})

    def _message(self, params, headers):
        if headers.get("access_token") not in self.valid_access:
            return 200, {"error": -216, "message": "Access token is invalid"}
        message = params.get("message") if isinstance(params.get("message"), dict) else {}
        if "attachment" in message:
            problem = "buttons not allowed" if self.refuse_templates else template_problem(message)
            if problem:
                return 200, {"error": -201, "message": f"Parameters are invalid: {problem}"}
        return 200, {"error": 0, "message": "Success", "data": {"message_id": f"m{time.monotonic_ns()}", "user_id": params.get("recipient", {}).get("user_id")}}

    def _refresh(self, params, headers):
        if headers.get("secret_key") != self.app_secret or params.get("app_id") != self.app_id:
            return 200, {"error": -14002, "error_name": "Invalid app secret"}
        token = params.get("refresh_token")
        if token not in self.valid_refresh:
            return 200, {"error": -14014, "error_name": "Invalid refresh token"}
        self.valid_refresh.discard(token)  # single use
        n = next(self.issued)
        access, refresh = f"AT-new-{n}", f"RT-new-{n}"
        self.valid_access = {access}
        self.valid_refresh.add(refresh)
        return 200, {"access_token": access, "refresh_token": refresh, "expires_in": "90000"}


OA_BUTTON_TYPES = {"oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.sms", "oa.open.phone"}


def template_problem(message: dict) -> str | None:
    """What is wrong with a message carrying OA template buttons (None: the shape the OA API takes):
    {"text", "attachment": {"type": "template", "payload": {"buttons": [{"title", "type", "payload"}]}}}."""
    attachment = message.get("attachment")
    if not isinstance(message.get("text"), str) or not message["text"].strip():
        return "text"
    if not isinstance(attachment, dict) or attachment.get("type") != "template":
        return "attachment.type"
    buttons = attachment.get("payload", {}).get("buttons") if isinstance(attachment.get("payload"), dict) else None
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 5:
        return "buttons"
    for button in buttons:
        if not isinstance(button, dict) or button.get("type") not in OA_BUTTON_TYPES:
            return "button.type"
        if not isinstance(button.get("title"), str) or not 0 < len(button["title"]) <= 100:
            return "button.title"
        if button["type"].startswith("oa.query.") and not (isinstance(button.get("payload"), str)
                                                            and 0 < len(button["payload"]) <= 1000):
            return "button.payload"
    return None


# --- a fake answering core ------------------------------------------------------------------------
CITATION: dict[str, Any] = dict(
    plan="726/KH-UBND",
    title="Kế hoạch triển khai Chiến lược Ngoại giao văn hóa trên địa bàn tỉnh Cao Bằng",
    issuer="UBND tỉnh Cao Bằng",
    date="2022-03-29",
    section="II. MỤC TIÊU › 2. Mục tiêu cụ thể",
    source="001_32f94a6958947b77.txt",
    quote="Quảng bá <hình ảnh> & con người Cao Bằng tới bạn bè quốc tế.",
    score=0.87,
    plan_id="plan-cao-bang",
    doc_type="Kế hoạch",
    full_quote="Quảng bá <hình ảnh> & con người Cao Bằng tới bạn bè quốc tế. Toàn văn đoạn trích dài hơn.",
)
REPLACED_WORDS = "bản cũ"  # a question with these words is answered partly from a replaced plan
REPLACED_BY = "15/KH-UBND"


class FakeCore(AnsweringCore):
    """The answering core's seam as ngvh.services.Services keeps it (mypy checks both); answers echo the
    question with one or two citations."""

    def __init__(self, delay: float = 0.0, fail: bool = False):
        self.delay = delay
        self.fail = fail
        self.questions: list[str] = []
        self.ingested: list[tuple[str, bytes]] = []
        self.removed: list[str] = []
        self._plans = [
            {"id": "plan-cao-bang", "number": "726/KH-UBND", "type": "Kế hoạch", "issuer": "UBND tỉnh Cao Bằng",
             "province": "Cao Bằng", "date": "2022-03-29", "horizon": [2025, 2030], "chunks": 12, "source": "001.txt"},
        ]
        self._lock = threading.Lock()
        self.task_rows: list[dict] = []  # what tasks() gives: rows shaped as ngvh.task_rows makes them

    def ask(self, question: str) -> Answer:
        with self._lock:
            self.questions.append(question)
        if self.delay:
            time.sleep(self.delay)
        if self.fail:
            raise RuntimeError("core exploded")
        if "không có" in question:
            return Answer(question, False, "Không tìm thấy thông tin này trong các văn bản đã nạp.", [], kind="refusal")
        citations = [Citation(n=1, **CITATION), Citation(n=2, **{**CITATION, "section": "III. NHIỆM VỤ", "plan_id": "p2"})]
        if REPLACED_WORDS in question:  # the second source is a plan a newer stored one replaces
            citations[1].replaced_by = REPLACED_BY
        return Answer(question, True, f"Trả lời cho: {question} [1][2]", citations)

    async def ask_stream(self, question: str):
        answer = await asyncio.to_thread(self.ask, question)
        yield {"type": "final", "answer": answer.to_json()}

    def plans(self) -> list[dict]:
        with self._lock:
            return list(self._plans)

    def locate_chunk(self, citation) -> str | None:
        return f"{citation.plan_id}:v1:{citation.n:04d}" if citation.plan_id else None

    def plan_page(self, plan_id: str) -> dict | None:
        if plan_id != "plan-cao-bang":
            return None
        plan = {"id": plan_id, "title": CITATION["title"], "number": CITATION["plan"], "doc_type": "Kế hoạch",
                "issuer": CITATION["issuer"], "province": "Cao Bằng", "date": CITATION["date"], "source": CITATION["source"]}
        return {"plan": plan, "chunks": [{"seq": 0, "section": CITATION["section"], "text": CITATION["quote"]},
                                         {"seq": 1, "section": "III. NHIỆM VỤ", "text": "Sở Ngoại vụ chủ trì."}]}

    def correct_plan(self, plan_id: str, fields: dict) -> dict | None:
        with self._lock:
            row = next((p for p in self._plans if p["id"] == plan_id), None)
            if row is None:
                return None
            if "date" in fields and not re.match(r"^\d{1,2}/\d{1,2}/\d{4}$|^\d{4}-\d{2}-\d{2}$", fields["date"]):
                raise ValueError("date: use DD/MM/YYYY or YYYY-MM-DD")
            row.update(fields)
            return dict(row)

    def ingest_paths(self, paths: list[Path], on_event=None) -> IngestReport:
        rows = []
        for path in paths:
            data = Path(path).read_bytes()
            with self._lock:
                self.ingested.append((Path(path).name, data))
                self._plans.append({"id": f"plan-{len(self._plans)}", "number": None, "type": None, "issuer": None,
                                    "province": None, "date": None, "horizon": [], "chunks": 1, "source": Path(path).name})
            rows.append(IngestRow(source=Path(path).name, status="added", plan_id=f"plan-{len(self._plans) - 1}", chunks=1, embedded=1))
        return IngestReport(rows)

    def remove(self, plan_id: str) -> bool:
        with self._lock:
            before = len(self._plans)
            self._plans = [p for p in self._plans if p["id"] != plan_id]
            self.removed.append(plan_id)
            return len(self._plans) < before

    def health(self) -> dict:
        return {"store": "ok", "chroma": "embedded", "embedder": "fake", "plans": len(self._plans), "chunks": 12}

    def tasks(self, agency: str | None = None, province: str | None = None) -> list[dict]:
        """The rows `ngvh tasks --json` gives (tests set `task_rows`), filtered as the real core filters them."""
        from ground.agencies import agency_matches, normalize_agency

        wanted = normalize_agency(agency).canonical if agency else None
        with self._lock:
            return [dict(r) for r in self.task_rows if (not wanted or agency_matches(wanted, r["agency"]))
                    and (not province or r.get("province") == province)]


if __name__ == "__main__":  # `python -m tests.bot.fakes telegram <token>`: a fake in its own process
    import sys

    server = {"telegram": FakeTelegram}[sys.argv[1]](sys.argv[2])
    print(f"LISTENING {server.server.server_address[1]}", flush=True)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        pass
