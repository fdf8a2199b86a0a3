"""`ngvh ask --jsonl` conversation turns: JSON lines with an id are one chat, bare lines stand alone."""
import json

import pytest

from ngvh.turns import parse_line
from tests.ngvh.test_cli import run, store_dir  # noqa: F401  (module-scoped sample store)


def test_parse_line_forms():
    assert parse_line('{"question": "ai ký?", "conversation": "c1"}\n') == ("ai ký?", "c1")
    assert parse_line('{"question": "ai ký?", "conversation": 7}') == ("ai ký?", "7")
    assert parse_line('{"question": "ai ký?"}') == ("ai ký?", None)
    assert parse_line("Kế hoạch {mới} là gì?\n") == ("Kế hoạch {mới} là gì?", None)
    assert parse_line("{not json") == ("{not json", None)


@pytest.mark.slow  # the CLI in a subprocess, over a store it ingests
def test_interleaved_conversations_and_bare_lines(store_dir):  # noqa: F811
    lines = [
        {"question": "Kế hoạch của Cao Bằng do ai ký?", "conversation": "a"},
        {"question": "Hải Phòng hợp tác với thành phố nào của Nhật Bản?", "conversation": "b"},
        "ban hành ngày nào?",  # bare: no context, so not about Cao Bằng
        {"question": "ban hành ngày nào?", "conversation": "a"},
        {"question": "còn Trung Quốc thì sao?", "conversation": "b"},
        {"question": "còn Huế thì sao?", "conversation": "a"},
        {"question": "ai ký?", "conversation": "c"},  # a new chat cannot resolve it
    ]
    stdin = "".join((json.dumps(t, ensure_ascii=False) if isinstance(t, dict) else t) + "\n" for t in lines)
    result = run(["ask", "--jsonl"], store_dir, stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o["question"] for o in out] == [t["question"] if isinstance(t, dict) else t for t in lines]
    assert "conversation" not in out[2] and "understood" not in out[2]
    assert "29/03/2022" in out[3]["answer"] and "726/KH-UBND" in out[3]["understood"]
    assert "Nam Ninh" in out[4]["answer"] and "Trung Quốc" in out[4]["understood"]
    assert "28/4/2022" in out[5]["answer"] and out[5]["citations"][0]["source"] == "000_239ee8307a17dc05.txt"
    assert out[6]["found"] is False and out[6]["citations"] == []
    assert "understood" not in out[0] and out[0]["conversation"] == "a"
