"""Pure formatting and splitting: limits, escaping, citations never broken."""
from __future__ import annotations

import re

import pytest
from telegram.constants import MessageLimit

from bot import formatting
from bot.constants import TELEGRAM_TEXT_LIMIT, ZALO_TEXT_LIMIT
from rag.models import Answer, Citation
from tests.bot.fakes import CITATION


def _answer(body: str, n_citations: int, quote: str | None = None) -> Answer:
    cites = [Citation(n=i, **{**CITATION, "quote": quote or CITATION["quote"], "section": f"Mục {i}"}) for i in range(1, n_citations + 1)]
    return Answer("q", True, body, cites)


def test_telegram_limit_comes_from_ptb():
    assert TELEGRAM_TEXT_LIMIT == MessageLimit.MAX_TEXT_LENGTH == 4096
    assert ZALO_TEXT_LIMIT == 2000


def test_split_prefers_paragraphs_then_lines_then_words():
    para = "a" * 60
    text = "\n\n".join([para] * 5)
    parts = formatting.split_text(text, 130)
    assert parts == [f"{para}\n\n{para}"] * 2 + [para]
    lines = "\n".join(["b" * 40] * 5)
    assert all(len(p) <= 100 for p in formatting.split_text(lines, 100))
    assert formatting.split_text(lines, 100)[0] == "\n".join(["b" * 40] * 2)
    words = " ".join(["từ"] * 100)
    pieces = formatting.split_text(words, 50)
    assert all(len(p) <= 50 for p in pieces) and " ".join(pieces) == words


def test_split_hard_cuts_only_a_single_overlong_word():
    assert formatting.split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    with pytest.raises(ValueError):
        formatting.split_text("abc", 0)


def test_split_keeps_all_text():
    text = "Đoạn một.\n\nĐoạn hai dài hơn một chút.\nDòng tiếp theo.\n\n" + "chữ " * 300
    parts = formatting.split_text(text, 200)
    assert all(len(p) <= 200 for p in parts)
    assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_telegram_answer_escapes_everything():
    answer = Answer("q", True, "Dùng <b>thẻ</b> & ký tự <script>", [Citation(n=1, **CITATION)])
    [message] = formatting.telegram_answer(answer)
    assert "<b>thẻ</b>" not in message and "&lt;b&gt;thẻ&lt;/b&gt; &amp; ký tự &lt;script&gt;" in message
    assert "&lt;hình ảnh&gt; &amp; con người" in message  # the quote too
    # the only tags are the ones we put there
    assert set(re.findall(r"</?([a-z]+)", message)) <= {"b", "i", "blockquote"}
    assert "<blockquote expandable>" in message and "/nguon 1" in message


def test_long_answer_splits_without_breaking_a_citation():
    body = "\n\n".join(f"Đoạn {i}: " + "nội dung kế hoạch " * 40 for i in range(12))
    answer = _answer(body, 20, quote="trích dẫn dài " * 30)
    for render, limit, measure in (
        (formatting.telegram_answer, TELEGRAM_TEXT_LIMIT, formatting.utf16_len),
        (formatting.plain_answer, ZALO_TEXT_LIMIT, len),
    ):
        messages = render(answer, limit)
        assert len(messages) > 2
        assert all(measure(m) <= limit for m in messages)
        for i in range(1, 21):  # every citation label appears whole, in exactly one message
            holders = [m for m in messages if f"[{i}] 726/KH-UBND" in m or f"<b>[{i}]</b> 726/KH-UBND" in m]
            assert len(holders) == 1, (render.__name__, i)
            assert f"Mục {i}" in holders[0]


def test_telegram_html_stays_balanced_in_every_part():
    answer = _answer("x " * 5000, 30, quote="q & <q> " * 40)
    for message in formatting.telegram_answer(answer):
        for opening, closing in (("<b>", "</b>"), ("<i>", "</i>"), ("<blockquote", "</blockquote>")):
            assert message.count(opening) == message.count(closing), message[:200]
        assert not re.search(r"&[a-z]*$", message)  # no entity cut in half


def test_emoji_counts_double_for_telegram():
    answer = Answer("q", True, "😀" * 3000, [])
    messages = formatting.telegram_answer(answer)
    assert all(formatting.utf16_len(m) <= TELEGRAM_TEXT_LIMIT for m in messages)
    assert len(messages) == 2


def test_plain_answer_for_zalo_has_no_markup():
    [message] = formatting.plain_answer(_answer("Trả lời", 2))
    assert "<" not in message.replace("<hình ảnh>", "")
    assert message.startswith("Trả lời\n\nNguồn:\n[1] 726/KH-UBND · UBND tỉnh Cao Bằng · 29/3/2022 · Mục 1")


def test_refusal_has_no_sources_block():
    messages = formatting.telegram_answer(Answer("q", False, "Không tìm thấy.", []))
    assert messages == ["Không tìm thấy."]


def test_catalog_and_report_texts():
    text = formatting.plans_text([{"type": "Kế hoạch", "number": "726/KH-UBND", "issuer": "UBND tỉnh Cao Bằng", "date": "2022-03-29", "horizon": [2025, 2030]}])
    assert "1. Kế hoạch 726/KH-UBND — UBND tỉnh Cao Bằng, 29/3/2022, đến 2025–2030" in text
    assert formatting.plans_text([]) == formatting.NO_PLANS_TEXT
    report = {"ok": False, "counts": {"added": 1, "failed": 1}, "files": [
        {"source": "a.pdf", "status": "added", "number": "1/KH", "chunks": 3},
        {"source": "b.txt", "status": "failed", "reason": "trống"}]}
    out = formatting.ingest_report_text(report)
    assert "đã thêm 1" in out and "• a.pdf: đã thêm (1/KH), 3 đoạn" in out and "• b.txt: lỗi — trống" in out


def _replaced_answer() -> Answer:
    return Answer("q", True, "Trả lời [1][2]", [Citation(n=1, **CITATION),
                                                Citation(n=2, **{**CITATION, "replaced_by": "15/KH-UBND"})])


def test_a_replaced_plan_is_marked_on_every_channel():
    note = "(đã được thay thế bởi 15/KH-UBND)"
    [html_message] = formatting.telegram_answer(_replaced_answer())
    first, second = html_message.split("<b>[2]</b>")
    assert note not in first and f"<i>{note}</i>" in second.split("\n")[0]
    for render in (formatting.zalo_answer, formatting.plain_answer):
        [text] = render(_replaced_answer())
        assert text.count(note) == 1 and "[2] 726/KH-UBND" in text
        assert text.split("[2] ")[1].split("\n")[0].endswith(note), "on the source's own line"
    cites = [c.to_json() for c in _replaced_answer().citations]
    from bot import sources

    assert f"<i>{note}</i>" in sources.passage_html(cites[1]).split("\n")[0]
    assert note in sources.passage_text(cites[1]).split("\n")[0] and note not in sources.passage_text(cites[0])
