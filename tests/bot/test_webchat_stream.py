"""POST /api/ask/stream: the web chat's answer as newline-delimited JSON, with the real core on the sample plans
and, in LLM mode, real HTTP to the fake OpenAI-compatible server (tests/fakes/openai_server.py)."""
from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from ground.config import Settings
from ngvh.services import Services
from rag.compose.citations import check_citations
from rag.models import Citation
from tests.bot.conftest import make_settings, running
from tests.conftest import SAMPLES
from tests.fakes.openai_server import FakeOpenAI, Reply, messages_of

pytestmark = pytest.mark.slow

QUESTION = "Yêu cầu khi triển khai ngoại giao văn hóa ở Cao Bằng là gì?"
OFF_TOPIC = "Cách nấu phở bò ngon?"
LLM_TIMEOUT = 20.0  # generous: the trickled replies below take a few seconds on a busy machine
STEP = 10.0  # bound on any single wait in these tests
BLOCK = re.compile(r"^\[(\d+)\] [^\n]*\nMục: [^\n]*\n<<<\n(.*?)\n>>>", re.M | re.S)


def ingest_samples(root: Path) -> Path:
    """The sample plans ingested into root/store; returns the store's data dir."""
    store = root / "store"
    report = Services(make_settings(store)).ingest_paths([SAMPLES])
    assert report.ok, report.to_json()
    return store


def llm_settings(store: Path, base_url: str, **overrides) -> Settings:
    return make_settings(store, llm_base_url=base_url, llm_model="fake-model", llm_timeout=LLM_TIMEOUT, **overrides)


def block_with(request: dict, words: str) -> int:
    """Number of the context block (as the model was given it) whose text contains words."""
    user = messages_of(request, "user")[0]
    return next(int(n) for n, text in BLOCK.findall(user) if words in text)


def cited_reply(request: dict) -> str:
    """A three-line answer citing the blocks it rests on, as a good model would write it."""
    follow = block_with(request, "bám sát chủ trương")
    mobilise = block_with(request, "Huy động mọi chủ thể")
    return (f"Kế hoạch yêu cầu bám sát chủ trương, đường lối đối ngoại của Đảng [{follow}].\n"
            f"Đồng thời huy động mọi chủ thể và nguồn lực trong xã hội [{mobilise}].\n"
            f"Các hoạt động phải bám sát chiến lược chung [{follow}].")


@dataclass
class BreakingReply(Reply):
    """Streams `before` pieces, then an error event in the stream (as vLLM or a proxy sends when it fails)."""

    before: int = 0


class BreakingOpenAI(FakeOpenAI):
    """The fake server, able to fail in the middle of a streamed reply."""

    def _handler(self):
        base = super()._handler()

        class Handler(base):
            def _stream(self, reply, text):
                if not isinstance(reply, BreakingReply):
                    return super()._stream(reply, text)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self._event({"role": "assistant", "content": ""}, None)
                for piece in (reply.pieces or [])[: reply.before]:
                    self._event({"content": piece}, None)
                    time.sleep(reply.trickle)
                error = {"error": {"message": "model crashed mid-stream", "type": "server_error", "code": 500}}
                self.wfile.write(f"data: {json.dumps(error)}\n\n".encode())
                self.wfile.flush()

        return Handler


# -- fixtures: the samples ingested once, one fake model server for the module -------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return ingest_samples(tmp_path_factory.mktemp("webstream"))


@pytest.fixture(scope="module")
def model():
    with BreakingOpenAI() as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_model(request):
    if "model" in request.fixturenames:
        server = request.getfixturevalue("model")
        server.replies.clear()
        server.requests.clear()
        server.received.clear()
        server.script = None


@pytest.fixture(scope="module")
def extractive(store) -> Services:
    return Services(make_settings(store))


@pytest.fixture(scope="module")
def llm(store, model) -> Services:
    return Services(llm_settings(store, model.url))


# -- reading the stream ------------------------------------------------------------------------------------
@dataclass
class Streamed:
    deltas: list[str]
    final: dict
    delta_times: list[float]
    final_time: float


async def read_stream(client, question: str) -> Streamed:
    """POST a question; check the stream's shape (deltas, then exactly one final, then nothing)."""
    events: list[tuple[float, dict]] = []
    async with client.stream("POST", "/api/ask/stream", json={"question": question}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/x-ndjson"
        async for line in response.aiter_lines():
            if line.strip():
                events.append((time.monotonic(), json.loads(line)))
    types = [event["type"] for _, event in events]
    assert types and types[-1] == "final" and set(types[:-1]) <= {"delta"}, types
    assert all(set(event) == {"type", "text"} and event["text"] for _, event in events[:-1])
    final = events[-1][1]
    assert set(final) == {"type", "answer"}
    return Streamed([e["text"] for _, e in events[:-1]], final["answer"], [t for t, _ in events[:-1]], events[-1][0])


# -- (a) extractive mode -------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", [QUESTION, OFF_TOPIC])
async def test_extractive_stream_is_one_final_equal_to_api_ask(extractive, question):
    async with running(extractive.settings, extractive) as (_, client, _rt):
        plain = await client.post("/api/ask", json={"question": f"  {question} "})
        streamed = await read_stream(client, f"  {question} ")
    assert plain.status_code == 200
    assert streamed.deltas == []
    assert streamed.final == plain.json()
    assert streamed.final["question"] == question and streamed.final["mode"] == "extractive"
    assert streamed.final["found"] is (question == QUESTION)


# -- (b) LLM mode: the answer arrives as it is written ---------------------------------------------------------
async def test_llm_stream_sends_deltas_before_the_checked_final(llm, model):
    model.script = lambda request: Reply(text=cited_reply(request), trickle=0.08)  # 12-character pieces
    async with running(llm.settings, llm) as (_, client, _rt):
        streamed = await read_stream(client, QUESTION)
    final = streamed.final
    assert model.requests and model.requests[0]["stream"] is True
    assert len(streamed.deltas) >= 2, streamed.deltas
    assert final["mode"] == "llm" and final["found"] is True
    assert final["answer"] == (
        "Kế hoạch yêu cầu bám sát chủ trương, đường lối đối ngoại của Đảng [1].\n"
        "Đồng thời huy động mọi chủ thể và nguồn lực trong xã hội [2].\n"
        "Các hoạt động phải bám sát chiến lược chung [1]."
    )
    assert final["answer"].startswith("".join(streamed.deltas))  # what was shown was already the clean text
    citations = [Citation(**{k: v for k, v in c.items() if k != "chunk_id"}) for c in final["citations"]]
    assert check_citations(final["answer"], citations) and [c.n for c in citations] == [1, 2]
    assert "bám sát chủ trương" in citations[0].full_quote and "Huy động mọi chủ thể" in citations[1].full_quote
    assert {c.plan for c in citations} == {"726/KH-UBND"}
    # really sent as it came: the first line reached us well before the model had finished
    assert streamed.final_time - streamed.delta_times[0] > 0.3, (streamed.delta_times, streamed.final_time)


async def test_an_ingest_is_not_held_up_by_a_model_still_writing(llm, model):
    """No lock spans the model's reply: a removal completes while the model is still streaming."""
    model.script = lambda request: Reply(text=cited_reply(request), trickle=0.25)  # about 4 s in all
    async with running(llm.settings, llm) as (_, client, rt):
        async with client.stream("POST", "/api/ask/stream", json={"question": QUESTION}) as response:
            lines = response.aiter_lines()
            first = json.loads(await asyncio.wait_for(anext(lines), STEP))
            assert first["type"] == "delta"
            removed = await asyncio.wait_for(rt.call_core("remove", plan_id="plan-that-does-not-exist"), STEP)  # no lock to wait for
            removed_at = time.monotonic()
            rest = [json.loads(line) async for line in lines if line.strip()]
            final_at = time.monotonic()
    assert removed is False
    assert rest and rest[-1]["type"] == "final" and rest[-1]["answer"]["mode"] == "llm"
    # a lock held across the model's reply would have let the removal in only once the answer was complete
    assert final_at - removed_at > 0.5, final_at - removed_at


def without_chunk_ids(answer: dict) -> dict:
    """The answer as the core gives it: the web chat adds each citation's stored chunk id (for its links)."""
    return {**answer, "citations": [{k: v for k, v in c.items() if k != "chunk_id"} for c in answer["citations"]]}


# -- (c) the model failing: the extractive answer stands -------------------------------------------------------
FIRST_LINE = "Kế hoạch yêu cầu bám sát chủ trương, đường lối đối ngoại của Đảng [1]."


@pytest.mark.parametrize(
    "reply, shown",
    [
        (lambda request: BreakingReply(pieces=[cited_reply(request).split("\n")[0] + "\n", "Đồng thời huy"],
                                       before=2, trickle=0.05), [FIRST_LINE]),
        (lambda request: Reply(status=500, text="model crashed"), []),
    ],
    ids=["mid-stream", "at-once"],
)
async def test_model_failure_ends_with_the_extractive_answer(llm, model, extractive, reply, shown):
    model.script = reply
    async with running(llm.settings, llm) as (_, client, _rt):
        streamed = await read_stream(client, QUESTION)
    assert len(model.requests) == 1 and model.requests[0]["stream"] is True
    assert streamed.deltas == shown  # mid-stream: the first line went out before the failure; the final replaces it
    assert streamed.final["mode"] == "extractive"
    assert without_chunk_ids(streamed.final) == extractive.ask(QUESTION).to_json()


async def test_a_broken_core_ends_the_stream_with_a_polite_answer(tmp_path):
    with socket.socket() as sock:  # a Chroma server address nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    services = Services(make_settings(tmp_path / "broken", chroma_url=f"http://127.0.0.1:{port}"))
    async with running(services.settings, services) as (_, client, _rt):
        plain = await client.post("/api/ask", json={"question": QUESTION})
        streamed = await read_stream(client, QUESTION)
        metrics = (await client.get("/metrics")).text
    assert plain.status_code == 503
    assert streamed.deltas == []
    assert streamed.final == {"question": QUESTION, "found": False, "citations": [], "mode": "extractive",
                              "answer": streamed.final["answer"]}
    assert streamed.final["answer"].startswith("Xin lỗi") and "thử lại" in streamed.final["answer"]
    assert 'ngvh_worker_errors_total{channel="web"} 2.0' in metrics


# -- (d) bad input: the same refusals as /api/ask ----------------------------------------------------------------
BAD = {
    "malformed": dict(content=b"{nope", headers={"Content-Type": "application/json"}),
    "not object": dict(json=["q"]),
    "missing": dict(json={"q": "x"}),
    "blank": dict(json={"question": "   "}),
    "number": dict(json={"question": 42}),
    "too long": dict(json={"question": "a" * 2001}),
    "huge": dict(content=b'{"question": "' + b"a" * 1_100_000 + b'"}'),
}


async def test_bad_input_is_refused_like_api_ask(extractive):
    async with running(extractive.settings, extractive) as (_, client, _rt):
        plain = {name: await client.post("/api/ask", **kw) for name, kw in BAD.items()}
        streamed = {name: await client.post("/api/ask/stream", **kw) for name, kw in BAD.items()}
    statuses = {name: r.status_code for name, r in streamed.items()}
    assert statuses == {"malformed": 400, "not object": 400, "missing": 400, "blank": 400, "number": 400,
                        "too long": 400, "huge": 413}
    assert {name: (r.status_code, r.json()) for name, r in streamed.items()} == \
           {name: (r.status_code, r.json()) for name, r in plain.items()}


async def test_both_routes_share_one_rate_limit(store, extractive):
    for leftover in (store / "state").glob("coordination.sqlite3*"):  # rate windows persist: start a fresh one
        leftover.unlink()
    settings = make_settings(store, rate_per_minute=2)
    async with running(settings, extractive) as (_, client, _rt):
        first = await read_stream(client, OFF_TOPIC)
        second = await client.post("/api/ask", json={"question": OFF_TOPIC})
        third = await client.post("/api/ask/stream", json={"question": OFF_TOPIC})
        metrics = (await client.get("/metrics")).text
    assert first.final["found"] is False and second.status_code == 200
    assert third.status_code == 429 and third.json()["error"] == "slow_down"
    assert 'ngvh_questions_total{channel="web"} 2.0' in metrics
    assert 'ngvh_rate_limited_total{channel="web"} 1.0' in metrics
    assert 'ngvh_refusals_total{channel="web"} 2.0' in metrics  # the streamed answer was counted too
