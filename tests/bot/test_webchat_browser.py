"""The web chat in a real headless Chromium (Debian's package, driven by Playwright; no browser download)."""
from __future__ import annotations

import re

import pytest

from bot.questionlog import QuestionLog
from tests.bot.conftest import ARTIFACTS, make_settings, running
from tests.bot.fakes import REPLACED_BY, REPLACED_WORDS
from tests.conftest import require_system

pytestmark = pytest.mark.slow

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


async def run_chat(base_url: str, question: str, screenshot: str, viewport: dict, streamed: bool = False,
                   old_browser: bool = False, rate: str | None = None) -> dict:
    """Type a question, wait for the answer, open the first citation; returns what the page shows.

    streamed: also catch the answer while the model is still writing it (result["partial"]).
    old_browser: no ReadableStream, as in browsers that cannot read a response as it arrives.
    rate: tap that button under the answer ("👍" or "👎") and wait for the thanks (result["rated"])."""
    from playwright.async_api import async_playwright

    executable = require_system("chromium", "chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            page = await browser.new_page(viewport=viewport, locale="vi-VN")
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            posts: list[str] = []
            page.on("request", lambda req: posts.append(req.url[len(base_url):]) if req.method == "POST" else None)
            if old_browser:
                await page.add_init_script("delete window.ReadableStream;")
            await page.goto(base_url + "/", wait_until="load", timeout=15_000)
            await page.get_by_label("Câu hỏi của bạn").fill(question)
            await page.keyboard.press("Enter")
            if streamed:
                writing = page.locator("li.msg.bot.streaming .answer").filter(has_text=re.compile(r"\w"))
                await writing.wait_for(timeout=60_000)  # no page-side polling: the CSP forbids its eval
                result_partial = await writing.inner_text()
                await page.screenshot(path=str(ARTIFACTS / screenshot.replace(".png", "-writing.png")), full_page=True)
            answer = page.locator("li.msg.bot:not(.streaming)").first  # the final answer replaces the streamed text
            await answer.wait_for(timeout=60_000)  # the real core may load its model on the first question
            citations = page.locator("details.citation")
            result = {"answer": await answer.locator(".answer").inner_text(), "citations": await citations.count(),
                      "bubbles": await page.locator("li.msg.bot").count()}
            if streamed:
                result["partial"] = result_partial
            if result["citations"]:
                first = citations.first
                assert await first.get_attribute("open") is None, "quotes start folded"
                await first.locator("summary").click()
                await page.wait_for_function("document.querySelector('details.citation').open === true", timeout=5_000)
                result["summary"] = await first.locator("summary").inner_text()
                result["quote"] = await first.locator("blockquote").inner_text()
                result["quote_visible"] = await first.locator("blockquote").is_visible()
                result["summaries"] = await citations.locator("summary").all_inner_texts()
            if rate:
                await answer.locator(".feedback button", has_text=rate).click()
                note = answer.locator(".feedback-note").filter(has_text=re.compile(r"\w"))
                await note.wait_for(timeout=10_000)
                pressed = answer.locator('.feedback button[aria-pressed="true"]')
                result["rated"] = (await note.inner_text(), await pressed.inner_text(), await pressed.count())
            result["user"] = await page.locator("li.msg.user").first.inner_text()
            result["input_empty"] = await page.get_by_label("Câu hỏi của bạn").input_value() == ""
            result["fits"] = await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            await page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
            result["errors"] = errors
            result["posts"] = posts
            return result
        finally:
            await browser.close()


async def test_web_chat_in_headless_chromium(data_dir, core):
    async with running(make_settings(data_dir), core) as (url, _client, _rt):
        shown = await run_chat(url, "Kế hoạch <726> của Cao Bằng có mục tiêu gì?", "webchat.png", {"width": 1280, "height": 900},
                               rate="👍")
        phone = await run_chat(url, f"Hỏi trên điện thoại về {REPLACED_WORDS}", "webchat-phone.png",
                               {"width": 390, "height": 844}, old_browser=True, rate="👎")
    assert shown["user"] == "Kế hoạch <726> của Cao Bằng có mục tiêu gì?"
    assert shown["answer"].startswith("Trả lời cho: Kế hoạch <726> của Cao Bằng"), "text is shown as text, not markup"
    assert shown["citations"] == 2
    assert shown["summary"].startswith("[1] 726/KH-UBND · UBND tỉnh Cao Bằng · 29/03/2022")
    assert "Quảng bá <hình ảnh> & con người" in shown["quote"] and shown["quote_visible"]
    assert shown["input_empty"] and shown["errors"] == []
    assert phone["citations"] == 2 and phone["fits"], "no horizontal scrolling on a phone"
    assert shown["posts"] == ["/api/ask/stream", "/api/feedback"]
    assert phone["posts"] == ["/api/ask", "/api/feedback"], "no ReadableStream: /api/ask"
    assert phone["errors"] == []
    # 👍/👎 under the answer: thanked, the tapped one shown pressed, and logged for that question
    assert shown["rated"] == ("Cảm ơn bạn đã góp ý!", "👍 Hữu ích", 1)
    assert phone["rated"] == ("Cảm ơn bạn đã góp ý!", "👎 Chưa đúng", 1)
    log = QuestionLog.from_settings(make_settings(data_dir))
    try:
        assert sorted((r["question"], r["feedback"]) for r in log.rows()) == [
            ("Hỏi trên điện thoại về " + REPLACED_WORDS, "down"), ("Kế hoạch <726> của Cao Bằng có mục tiêu gì?", "up")]
    finally:
        log.close()
    # a source whose plan a newer stored one replaced says so where it is named
    assert not any("thay thế" in s for s in shown["summaries"])
    assert phone["summaries"][1].endswith(f"(đã được thay thế bởi {REPLACED_BY})")
    assert (ARTIFACTS / "webchat.png").stat().st_size > 10_000


# -- LLM mode: the answer appears as the model writes it ------------------------------------------------------
@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    from tests.bot.test_webchat_stream import ingest_samples

    return ingest_samples(tmp_path_factory.mktemp("browser-llm"))


async def test_web_chat_streams_the_model_answer(samples_store):
    from ngvh.services import Services
    from tests.bot.test_webchat_stream import QUESTION, cited_reply, llm_settings
    from tests.fakes.openai_server import FakeOpenAI, Reply

    with FakeOpenAI(lambda request: Reply(text=cited_reply(request), trickle=0.25)) as model:  # about 4 s in all
        services = Services(llm_settings(samples_store, model.url))
        async with running(services.settings, services) as (url, _client, _rt):
            shown = await run_chat(url, QUESTION, "webchat-stream.png", {"width": 1280, "height": 900}, streamed=True)
    assert model.requests and model.requests[0]["stream"] is True
    final = (
        "Kế hoạch yêu cầu bám sát chủ trương, đường lối đối ngoại của Đảng [1].\n"
        "Đồng thời huy động mọi chủ thể và nguồn lực trong xã hội [2].\n"
        "Các hoạt động phải bám sát chiến lược chung [1]."
    )
    assert shown["partial"].strip() and final.startswith(shown["partial"].strip())
    assert len(shown["partial"].strip()) < len(final), "seen while still being written"
    assert shown["answer"] == final and shown["bubbles"] == 1, "the final answer replaced the streamed one"
    assert shown["citations"] == 2
    assert shown["summary"].startswith("[1] 726/KH-UBND · UBND tỉnh Cao Bằng")
    assert "bám sát chủ trương" in shown["quote"] and shown["quote_visible"]
    assert shown["errors"] == []
    assert (ARTIFACTS / "webchat-stream.png").stat().st_size > 10_000
