"""The web chat in a real headless Chromium (Debian's package, driven by Playwright; no browser download)."""
from __future__ import annotations

import pytest

from tests.bot.conftest import ARTIFACTS, make_settings, running
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


async def run_chat(base_url: str, question: str, screenshot: str, viewport: dict) -> dict:
    """Type a question, wait for the answer, open the first citation; returns what the page shows."""
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
            await page.goto(base_url + "/", wait_until="load", timeout=15_000)
            await page.get_by_label("Câu hỏi của bạn").fill(question)
            await page.keyboard.press("Enter")
            answer = page.locator("li.msg.bot").first
            await answer.wait_for(timeout=60_000)  # the real core may load its model on the first question
            citations = page.locator("details.citation")
            result = {"answer": await answer.locator(".answer").inner_text(), "citations": await citations.count()}
            if result["citations"]:
                first = citations.first
                assert await first.get_attribute("open") is None, "quotes start folded"
                await first.locator("summary").click()
                await page.wait_for_function("document.querySelector('details.citation').open === true", timeout=5_000)
                result["summary"] = await first.locator("summary").inner_text()
                result["quote"] = await first.locator("blockquote").inner_text()
                result["quote_visible"] = await first.locator("blockquote").is_visible()
            result["user"] = await page.locator("li.msg.user").first.inner_text()
            result["input_empty"] = await page.get_by_label("Câu hỏi của bạn").input_value() == ""
            result["fits"] = await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            await page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
            result["errors"] = errors
            return result
        finally:
            await browser.close()


async def test_web_chat_in_headless_chromium(data_dir, core):
    async with running(make_settings(data_dir), core) as (url, _client, _rt):
        shown = await run_chat(url, "Kế hoạch <726> của Cao Bằng có mục tiêu gì?", "webchat.png", {"width": 1280, "height": 900})
        phone = await run_chat(url, "Hỏi trên điện thoại", "webchat-phone.png", {"width": 390, "height": 844})
    assert shown["user"] == "Kế hoạch <726> của Cao Bằng có mục tiêu gì?"
    assert shown["answer"].startswith("Trả lời cho: Kế hoạch <726> của Cao Bằng"), "text is shown as text, not markup"
    assert shown["citations"] == 2
    assert shown["summary"].startswith("[1] 726/KH-UBND · UBND tỉnh Cao Bằng · 29/03/2022")
    assert "Quảng bá <hình ảnh> & con người" in shown["quote"] and shown["quote_visible"]
    assert shown["input_empty"] and shown["errors"] == []
    assert phone["citations"] == 2 and phone["fits"], "no horizontal scrolling on a phone"
    assert (ARTIFACTS / "webchat.png").stat().st_size > 10_000
