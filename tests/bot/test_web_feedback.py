"""👍/👎 under a web chat answer: POST /api/feedback lands in the question log, for the asker only."""
from __future__ import annotations

import pytest

from bot.questionlog import QuestionLog
from tests.bot.conftest import make_settings, running

pytestmark = pytest.mark.slow  # every test serves the app with uvicorn on a port

VISITOR, TAB = "visitor-0123456789", "tab-0123456789"


@pytest.fixture
def web_settings(data_dir):
    return make_settings(data_dir, rate_per_minute=4)


def feedback_of(settings) -> list:
    log = QuestionLog.from_settings(settings)
    try:
        return [(r["channel"], r["question"], r["feedback"]) for r in log.rows()]
    finally:
        log.close()


async def ask(client, question: str, **ids) -> dict:
    response = await client.post("/api/ask", json={"question": question, **ids})
    assert response.status_code == 200
    return response.json()


async def test_a_rating_is_logged_for_the_answer_it_was_given_under(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        first = await ask(client, "Cao Bằng đặt mục tiêu gì?", visitor=VISITOR, conversation=TAB)
        second = await ask(client, "Huế ban hành khi nào?", visitor=VISITOR, conversation=TAB)
        up = await client.post("/api/feedback", json={"answer_id": first["answer_id"], "value": "up",
                                                      "visitor": VISITOR, "conversation": TAB})
        down = await client.post("/api/feedback", json={"answer_id": second["answer_id"], "value": "down",
                                                        "visitor": VISITOR, "conversation": TAB})
    assert first["answer_id"] != second["answer_id"]
    assert up.status_code == 200 and up.json() == {"ok": True, "message": "Cảm ơn bạn đã góp ý!"}
    assert down.status_code == 200
    assert sorted(feedback_of(web_settings)) == [("web", "Cao Bằng đặt mục tiêu gì?", "up"),
                                                 ("web", "Huế ban hành khi nào?", "down")]


async def test_only_the_asking_browser_can_rate_and_an_anonymous_answer_has_no_id(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        mine = await ask(client, "Cao Bằng đặt mục tiêu gì?", visitor=VISITOR)
        anonymous = await ask(client, "Huế ban hành khi nào?")
        other = await client.post("/api/feedback", json={"answer_id": mine["answer_id"], "value": "down",
                                                         "visitor": "someone-else-0123"})
        unknown = await client.post("/api/feedback", json={"answer_id": mine["answer_id"] + 100, "value": "up",
                                                           "visitor": VISITOR})
        claimed = await client.post("/api/feedback", json={"answer_id": mine["answer_id"] + 1, "value": "up",
                                                           "visitor": "anonymous"})
        forgot = await client.post("/api/forget", json={"visitor": "anonymous"})
    assert "answer_id" not in anonymous, "anyone could claim the anonymous id"
    assert forgot.json() == {"removed": 0}, "nor delete the questions asked without one"
    assert other.status_code == 404 and other.json()["error"] == "unknown_answer"
    assert unknown.status_code == 404 and claimed.status_code == 404
    assert all(feedback is None for _, _, feedback in feedback_of(web_settings))


async def test_bad_feedback_bodies_are_4xx_and_nothing_is_stored(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        answer_id = (await ask(client, "Cao Bằng đặt mục tiêu gì?", visitor=VISITOR))["answer_id"]
        good = {"answer_id": answer_id, "value": "up", "visitor": VISITOR}
        sent = {
            "form": await client.post("/api/feedback", content=b'{"answer_id": 1}', headers={"Content-Type": "text/plain"}),
            "malformed": await client.post("/api/feedback", content=b"{nope", headers={"Content-Type": "application/json"}),
            "deep": await client.post("/api/feedback", content=b"[" * 5000 + b"]" * 5000,
                                      headers={"Content-Type": "application/json"}),
            "too large": await client.post("/api/feedback", content=b'"' + b"x" * (2 * 1024 * 1024) + b'"',
                                           headers={"Content-Type": "application/json"}),
            "not object": await client.post("/api/feedback", json=[good]),
            "bad value": await client.post("/api/feedback", json={**good, "value": "meh"}),
            "bool id": await client.post("/api/feedback", json={**good, "answer_id": True}),
            "string id": await client.post("/api/feedback", json={**good, "answer_id": str(answer_id)}),
            "huge id": await client.post("/api/feedback", json={**good, "answer_id": 10**30}),
            "no visitor": await client.post("/api/feedback", json={**good, "visitor": None}),
            "bad visitor": await client.post("/api/feedback", json={**good, "visitor": "<x>"}),
        }
        after = await client.post("/api/feedback", json=good)  # the service keeps serving
    status = {name: r.status_code for name, r in sent.items()}
    assert status == {"form": 415, "malformed": 400, "deep": 400, "too large": 413, "not object": 400,
                      "bad value": 400, "bool id": 400, "string id": 400, "huge id": 400, "no visitor": 400,
                      "bad visitor": 400}
    assert after.status_code == 200 and feedback_of(web_settings) == [("web", "Cao Bằng đặt mục tiêu gì?", "up")]


async def test_ratings_are_rate_limited_apart_from_questions(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        answer_id = (await ask(client, "Cao Bằng đặt mục tiêu gì?", visitor=VISITOR))["answer_id"]
        taps = [await client.post("/api/feedback", json={"answer_id": answer_id, "value": v, "visitor": VISITOR})
                for v in ("up", "down", "up", "down", "up")]
        question = await client.post("/api/ask", json={"question": "Huế ban hành khi nào?", "visitor": VISITOR})
        metrics = (await client.get("/metrics")).text
    assert [t.status_code for t in taps] == [200, 200, 200, 200, 429]
    assert taps[-1].json()["error"] == "slow_down"
    assert question.status_code == 200, "rating does not use up the questions' budget"
    assert 'ngvh_rate_limited_total{channel="web"} 1.0' in metrics
    assert feedback_of(web_settings)[-1][2] == "down", "the last tap that went through counts"


async def test_forgetting_takes_json_only_within_the_rate_limit(web_settings, core):
    async with running(web_settings, core) as (_, client, _rt):
        await ask(client, "Cao Bằng đặt mục tiêu gì?", visitor=VISITOR)
        as_form = await client.post("/api/forget", content=f'{{"visitor": "{VISITOR}"}}',
                                    headers={"Content-Type": "text/plain"})
        deep = await client.post("/api/forget", content="[" * 2000 + "]" * 2000,
                                 headers={"Content-Type": "application/json"})
        statuses = [(await client.post("/api/forget", json={"visitor": VISITOR})).status_code for _ in range(6)]
    assert as_form.status_code == 415, "a form on another site must not delete anyone's questions"
    assert deep.status_code == 400
    assert statuses[:4] == [200, 200, 200, 200] and statuses[4:] == [429, 429]  # NGVH_RATE_PER_MINUTE = 4
