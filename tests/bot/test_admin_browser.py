"""The admin page in a real headless Chromium: token asked once and sent only as a header, the question
charts and lists, what citizens typed shown as text (a question carrying HTML and script), corrections,
and the CSV export; a screenshot is kept in test-artifacts/."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from bot.questionlog import Entry, QuestionLog, utcnow
from tests.bot.conftest import ADMIN_TOKEN, ARTIFACTS, make_settings, running
from tests.bot.test_webchat_browser import CHROMIUM_ARGS
from tests.conftest import FIXTURES, require_system

pytestmark = pytest.mark.slow

EVIL = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Giá vé ở Cao Bằng?'


def seed_log(settings) -> None:
    log = QuestionLog.from_settings(settings)
    now = utcnow()
    for day in range(6):
        for i in range(day + 1):
            log.record(Entry("telegram", f"u{i}", "Kế hoạch của Cao Bằng do ai ký?", True), at=now - timedelta(days=day))
    log.record(Entry("web", "v1", EVIL, False), at=now)
    log.record(Entry("zalo-bot", "z1", "Giá vé tham quan ở Cao Bằng bao nhiêu?", False), at=now)
    qid = log.record(Entry("telegram", "u9", "Mục tiêu năm 2025 là gì?", True,
                           citations=[{"n": 1, "plan_id": "plan-cao-bang", "plan": "726/KH-UBND", "section": "II. MỤC TIÊU"}]),
                     at=now)
    log.set_feedback(qid, "down")
    log.close()


async def test_admin_page_in_headless_chromium(data_dir, core):
    from playwright.async_api import async_playwright

    executable = require_system("chromium", "chromium")
    settings = make_settings(data_dir, admin_token=ADMIN_TOKEN)
    seed_log(settings)
    ARTIFACTS.mkdir(exist_ok=True)
    async with running(settings, core) as (url, client, _rt):
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
            try:
                page = await browser.new_page(viewport={"width": 1280, "height": 1000}, locale="vi-VN")
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
                requests: list[tuple[str, str | None]] = []
                page.on("request", lambda r: requests.append((r.url, r.headers.get("authorization"))))
                page.on("dialog", lambda dialog: dialog.accept())
                await page.goto(url + "/admin", wait_until="load", timeout=15_000)
                await page.get_by_label("Mã quản trị").fill(ADMIN_TOKEN)
                await page.get_by_role("button", name="Vào").click()
                await page.locator("#chart svg rect.answered").first.wait_for(state="attached", timeout=15_000)
                await page.locator("#plans tbody tr").first.wait_for(timeout=15_000)
                shown = {
                    "top": await page.locator("#top").inner_text(),
                    "refused": await page.locator("#refused").inner_text(),
                    "down": await page.locator("#down").inner_text(),
                    "plans": await page.locator("#plans").inner_text(),
                    "bars": await page.locator("#chart svg rect.answered").count(),
                    "xss": await page.evaluate("window.__xss === undefined"),
                    "injected": await page.locator("#refused img, #refused script").count(),
                }
                # a correction from the catalog
                await page.get_by_role("button", name="Sửa thông tin Kế hoạch 726/KH-UBND").click()
                await page.get_by_label("Người ký").fill("Lê Hải Hòa")
                await page.get_by_role("button", name="Lưu").click()
                await page.get_by_text("Đã sửa Kế hoạch 726/KH-UBND.").wait_for(timeout=15_000)
                # an upload: bytes sent with progress, then the ingest job followed until it is done
                await page.locator("#files").set_input_files(str(FIXTURES / "plans" / "plan_a_lang_son.txt"))
                await page.get_by_role("button", name="Nạp").click()
                await page.get_by_text("plan_a_lang_son.txt: xong").wait_for(timeout=20_000)
                await page.locator("#plans tbody tr", has_text="plan_a_lang_son.txt").wait_for(timeout=15_000)
                await page.screenshot(path=str(ARTIFACTS / "admin.png"), full_page=True)
                # reloading keeps the token for this tab: no second prompt
                await page.reload(wait_until="load")
                await page.locator("#plans tbody tr").first.wait_for(timeout=15_000)
                login_hidden = await page.locator("#login").is_hidden()
            finally:
                await browser.close()
        csv_text = (await client.get("/admin/questions", params={"format": "csv"},
                                     headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})).text
        unauthorised = await client.get("/admin/questions", params={"format": "csv"})
        page_headers = (await client.get("/admin")).headers
    assert errors == [], errors
    assert shown["xss"] and shown["injected"] == 0, "citizens' text is shown as text"
    assert "<script>window.__xss=2</script>" in shown["refused"] and "Giá vé" in shown["refused"]
    assert "×2" in shown["refused"], "the two ticket-price questions are one group"
    assert "Kế hoạch của Cao Bằng do ai ký?" in shown["top"] and "×21" in shown["top"]
    assert "Mục tiêu năm 2025 là gì?" in shown["down"] and "726/KH-UBND › II. MỤC TIÊU" in shown["down"]
    assert "726/KH-UBND" in shown["plans"] and shown["bars"] == 30
    assert login_hidden
    assert core._plans[0]["signer"] == "Lê Hải Hòa"
    assert [name for name, _ in core.ingested] == ["plan_a_lang_son.txt"]
    assert all(ADMIN_TOKEN not in u for u, _ in requests), "the token never travels in a URL"
    assert any(h == f"Bearer {ADMIN_TOKEN}" for u, h in requests if "/admin/questions/summary" in u)
    assert "script-src 'self'" in page_headers["content-security-policy"] and "unsafe-inline" not in page_headers["content-security-policy"]
    rows = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
    assert list(rows[0]) == ["time", "channel", "question", "found", "feedback"] and len(rows) == 24
    assert {r["feedback"] for r in rows} == {"", "down"} and unauthorised.status_code == 401
    assert (ARTIFACTS / "admin.png").stat().st_size > 10_000
