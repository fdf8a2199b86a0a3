"""Conversation state: the SQLite store (TTL, size bounds) and two replicas continuing one chat through redis-server."""
import asyncio
import json

import pytest

from bot.conversations import ChatState
from bot.conversations.memory import MemoryConversationStore
from bot.conversations.redis import RedisConversationStore
from bot.conversations.sqlite import SqliteConversationStore
from bot.questionlog import QuestionLog
from bot.stores import open_conversations
from bot.turns import Turns
from ground.config import Settings
from ngvh.services import Services
from rag.dialogue.state import Conversation, PlanRef


@pytest.fixture(scope="module")
def sample_core(tmp_path_factory, samples_dir):
    services = Services(Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("conv-store")))
    assert services.ingest_paths([samples_dir]).ok
    return services


def async_ask(services):
    async def ask(question):
        return await asyncio.to_thread(services.ask, question)

    return ask


def big_state(n_chars=5000):
    conv = Conversation(question="q", plans=[PlanRef("p", "726/KH-UBND")], found=True,
                        points=[{"text": f"ý {i}", "citation": {"n": i, "full_quote": "x" * n_chars}} for i in range(1, 6)])
    return ChatState(conv, [{"n": i, "quote": "q", "full_quote": "y" * n_chars} for i in range(1, 6)], 7, 1.0)


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
async def test_store_round_trip_ttl_and_reset(tmp_path, kind):
    now = [1000.0]
    store = (MemoryConversationStore(ttl=60, clock=lambda: now[0]) if kind == "memory"
             else SqliteConversationStore(tmp_path / "c.sqlite3", ttl=60, clock=lambda: now[0]))
    state = ChatState(Conversation(question="Kế hoạch của Cao Bằng do ai ký?", provinces=["Cao Bằng"]), [], 3, 5.0)
    await store.save("telegram:1", state)
    assert (await store.load("telegram:1")).to_json() == state.to_json()
    assert (await store.load("telegram:2")).conversation.empty
    now[0] += 61
    assert (await store.load("telegram:1")).conversation.empty  # expired: a follow-up has nothing to refer to
    await store.save("telegram:1", state)
    await store.reset("telegram:1")
    assert (await store.load("telegram:1")).question_id is None


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
async def test_state_is_cut_to_the_size_bound(tmp_path, kind):
    store = (MemoryConversationStore(max_bytes=4000) if kind == "memory"
             else SqliteConversationStore(tmp_path / "c.sqlite3", max_bytes=4000))
    await store.save("k", big_state())
    back = await store.load("k")
    assert len(back.dump(10**9).encode()) <= 4000
    assert back.conversation.question == "q" and back.question_id == 7  # what matters most survives
    assert len(big_state().dump(1500).encode()) <= 1500


async def test_sqlite_store_keeps_at_most_max_count(tmp_path):
    now = [0.0]
    store = SqliteConversationStore(tmp_path / "c.sqlite3", max_count=3, clock=lambda: now[0])
    store.PRUNE_EVERY = 1
    for i in range(6):
        now[0] += 1
        await store.save(f"chat:{i}", ChatState(Conversation(question=f"q{i}")))
    assert await store.count() == 3
    assert (await store.load("chat:5")).conversation.question == "q5"
    assert (await store.load("chat:0")).conversation.empty


def test_the_default_store_lives_under_the_data_dir(tmp_path):
    store = open_conversations(Settings(_env_file=None, data_dir=tmp_path))
    assert isinstance(store, SqliteConversationStore) and store.path == tmp_path / "state" / "conversations.sqlite3"
    assert isinstance(open_conversations(Settings(_env_file=None, data_dir=tmp_path, redis_url="redis://127.0.0.1:1/0")),
                      RedisConversationStore)


@pytest.mark.slow  # its own store, ingested with the real model
async def test_turns_follow_ups_log_citations_and_feedback(tmp_path, sample_core):
    log = QuestionLog(f"sqlite:///{tmp_path / 'q.sqlite3'}", "salt-for-tests-0000")
    turns = Turns(SqliteConversationStore(tmp_path / "c.sqlite3"), async_ask(sample_core), log, sample_core.locate_chunk)
    first = await turns.answer("zalo_bot", "chat-9", "user-9", "Kế hoạch của Cao Bằng do ai ký?")
    second = await turns.answer("zalo_bot", "chat-9", "user-9", "ban hành ngày nào?")
    assert "29/03/2022" in second.answer.answer and "726/KH-UBND" in second.understood
    row = log.get(second.question_id)
    assert row["understood"] == second.understood and row["found"] is True
    ref = row["citations"][0]
    assert ref["chunk_id"].startswith(ref["plan_id"] + ":") and ref["version"] == ref["chunk_id"].split(":")[1]
    cited = await turns.citation("zalo_bot", "chat-9", 1)
    assert cited["full_quote"] and cited["plan"] == "726/KH-UBND"
    assert await turns.citation("zalo_bot", "chat-9", 9) is None
    assert await turns.feedback("zalo_bot", "chat-9", "user-9", "up")
    assert log.get(second.question_id)["feedback"] == "up" and log.get(first.question_id)["feedback"] is None
    assert not await turns.feedback("zalo_bot", "chat-9", "intruder", "down", question_id=first.question_id)
    await turns.new_conversation("zalo_bot", "chat-9")
    fresh = await turns.answer("zalo_bot", "chat-9", "user-9", "ai ký?")
    assert fresh.answer.found is False and fresh.resolution.unresolved
    assert await turns.forget_user("zalo_bot", "chat-9", "user-9") == 3 and log.count() == 0
    log.close()


@pytest.mark.slow  # its own store, ingested with the real model
async def test_two_replicas_share_a_conversation_through_redis(redis_url, sample_core):
    replica_a = Turns(RedisConversationStore(redis_url, ttl=60), async_ask(sample_core))
    replica_b = Turns(RedisConversationStore(redis_url, ttl=60), async_ask(sample_core))
    await replica_a.answer("telegram", "77", "5", "Hải Phòng hợp tác hữu nghị với thành phố nào của Nhật Bản?")
    follow = await replica_b.answer("telegram", "77", "5", "còn Trung Quốc thì sao?")
    assert follow.resolution.kind == "ellipsis" and "Nam Ninh" in follow.answer.answer
    third = await replica_a.answer("telegram", "77", "5", "kế hoạch đó thực hiện chỉ thị nào?")
    assert "25/CT-TTg" in third.answer.answer
    other_chat = await replica_b.answer("telegram", "78", "5", "kế hoạch đó thực hiện chỉ thị nào?")
    assert other_chat.answer.found is False  # another chat has no context to borrow
    import redis

    client = redis.Redis.from_url(redis_url)
    ttl_ms = client.pttl("ngvh:conv:telegram:77")
    assert 0 < ttl_ms <= 60_000 and json.loads(client.get("ngvh:conv:telegram:77"))["conversation"]["turns"] == 3
    client.close()
    for r in (replica_a, replica_b):
        await r.store.close()


@pytest.mark.slow  # its own store, ingested with the real model
async def test_streamed_turns_carry_understood_and_the_chunk(tmp_path, sample_core):
    async def ask_stream(question):
        answer = await asyncio.to_thread(sample_core.ask, question)
        yield {"type": "delta", "text": answer.answer[:10]}
        yield {"type": "final", "answer": answer.to_json()}

    log = QuestionLog(f"sqlite:///{tmp_path / 'q.sqlite3'}", "salt-for-tests-0000")
    turns = Turns(SqliteConversationStore(tmp_path / "c.sqlite3"), async_ask(sample_core), log, sample_core.locate_chunk)
    events = [e async for e in turns.answer_stream("web", "tab-1", "visitor-1", "Kế hoạch của Huế ban hành ngày nào?", ask_stream)]
    assert [e["type"] for e in events] == ["delta", "final"] and "understood" not in events[-1]["answer"]
    events = [e async for e in turns.answer_stream("web", "tab-1", "visitor-1", "văn bản đó có số hiệu là gì?", ask_stream)]
    final = events[-1]["answer"]
    assert final["question"] == "văn bản đó có số hiệu là gì?" and "173/KH-UBND" in final["understood"]
    kept = (await turns.last_answer("web", "tab-1")).citations[0]
    assert kept["chunk_id"].startswith(kept["plan_id"] + ":")  # Telegram and Zalo links point at the chunk
    assert log.rows()[0]["question"] == "văn bản đó có số hiệu là gì?"
    events = [e async for e in turns.answer_stream("web", "tab-1", "visitor-1", "nói rõ hơn ý 1", ask_stream)]
    assert events[-1]["answer"]["found"] and events[-1]["answer"]["citations"]
    log.close()
