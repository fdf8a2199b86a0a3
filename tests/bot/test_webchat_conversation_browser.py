"""The web chat's conversation in headless Chromium: a follow-up shows how it was understood, the citation
opens its passage on the plan page, "Cuộc trò chuyện mới" starts afresh, and the privacy link works."""
from __future__ import annotations

import pytest

from tests.bot.conftest import ARTIFACTS, make_settings, running
from tests.bot.test_webchat_browser import CHROMIUM_ARGS
from tests.conftest import require_system

pytestmark = pytest.mark.slow


async def test_follow_up_new_conversation_and_plan_page(data_dir, core):
    from playwright.async_api import async_playwright

    executable = require_system("chromium", "chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    async with running(make_settings(data_dir), core) as (url, _client, _rt):
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
            try:
                context = await browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
                page = await context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
                page.on("dialog", lambda dialog: dialog.accept())
                await page.goto(url + "/", wait_until="load")
                box = page.get_by_label("Câu hỏi của bạn")
                await box.fill("Kế hoạch của Cao Bằng do ai ký?")
                await page.keyboard.press("Enter")
                await page.locator("li.msg.bot:not(.streaming)").nth(0).wait_for(timeout=30_000)
                await box.fill("mục tiêu là gì?")
                await page.keyboard.press("Enter")
                second = page.locator("li.msg.bot:not(.streaming)").nth(1)
                await second.wait_for(timeout=30_000)
                understood = await second.locator(".understood").inner_text()
                await second.locator("details.citation summary").first.click()
                link = second.locator("details.citation a.open").first
                href = await link.get_attribute("href")
                async with context.expect_page() as opened:
                    await link.click()
                plan_page = await opened.value
                await plan_page.wait_for_load_state("load")
                lit = await plan_page.locator("section.passage.highlighted").inner_text()
                fits = await plan_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                await plan_page.screenshot(path=str(ARTIFACTS / "plan-page-phone.png"), full_page=True)
                await page.get_by_role("button", name="Cuộc trò chuyện mới").click()
                bubbles_after_reset = await page.locator("li.msg").count()
                await box.fill("ban hành ngày nào?")
                await page.keyboard.press("Enter")
                fresh = page.locator("li.msg.bot:not(.streaming)").nth(0)
                await fresh.wait_for(timeout=30_000)
                fresh_text = await fresh.inner_text()
                await page.get_by_role("button", name="Xóa các câu hỏi của tôi").click()
                await page.get_by_text("Đã xóa").wait_for(timeout=10_000)
                status = await page.locator("#status").inner_text()
                days = await page.locator("#privacy-days").inner_text()
                await page.screenshot(path=str(ARTIFACTS / "webchat-conversation.png"), full_page=True)
            finally:
                await browser.close()
    assert errors == [], errors
    assert understood.startswith("↪ Hiểu là: Mục tiêu là gì trong") and "Cao Bằng" in understood
    assert href.startswith("/plans/plan-cao-bang?q=") and href.endswith("#cited")
    assert "Quảng bá <hình ảnh> & con người" in lit and fits
    assert bubbles_after_reset == 0
    assert "kế hoạch nào" in fresh_text and "Hiểu là" not in fresh_text, "a new conversation has nothing to refer to"
    assert status.startswith("Đã xóa 3 câu hỏi") and days == "180"
