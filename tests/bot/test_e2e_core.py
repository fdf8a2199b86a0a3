"""End to end with the REAL answering core (ngvh.services.Services) on the sample plans.

The samples are ingested once per session into a temporary NGVH_DATA_DIR. Run only these with
`pytest -m e2e tests/bot`; skip them with `-m "not e2e"` while the core is being changed.
"""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.bot.conftest import ADMIN_ID, ADMIN_TOKEN, TG_SECRET, fast_options, make_settings, running, telegram_channel
from tests.bot.test_app import finished_job
from tests.bot.test_telegram import HEADER, tg_update

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NEW_PLAN = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 321/KH-UBND
Lạng Sơn, ngày 15 tháng 6 năm 2023

KẾ HOẠCH
Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Lạng Sơn

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Quảng bá hình ảnh con người và văn hóa các dân tộc Tày, Nùng, Dao của tỉnh Lạng Sơn tới bạn bè quốc tế.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Tuần lễ văn hóa Xứ Lạng tại tỉnh Quảng Tây (Trung Quốc) mỗi năm một lần.
2. Sở Ngoại vụ phối hợp tổ chức Lễ hội hoa đào Xứ Lạng với sự tham gia của các địa phương nước ngoài kết nghĩa.

III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch hằng năm và báo cáo kết quả trước ngày 15 tháng 12.

CHỦ TỊCH
Hồ Tiến Thiệu
"""


@pytest.fixture(scope="session")
def core_data_dir(tmp_path_factory, samples_dir) -> Path:
    return tmp_path_factory.mktemp("ngvh-core")


@pytest.fixture(scope="session")
def real_services(core_data_dir, samples_dir):
    """The real Services with the samples ingested once for the whole session."""
    from ground.config import Settings
    from ngvh.services import Services

    services = Services(Settings(_env_file=None, data_dir=core_data_dir))
    report = services.ingest_paths([samples_dir])
    assert report.ok and report.counts()["added"] >= 5, report.to_json()
    return services


@pytest.fixture
def e2e_settings(core_data_dir, fake_telegram):
    return make_settings(core_data_dir, **telegram_channel(fake_telegram), admin_token=ADMIN_TOKEN, admin_ids=[ADMIN_ID])


async def test_api_ask_is_the_cli_json(e2e_settings, real_services):
    question = "Kế hoạch 726/KH-UBND của Cao Bằng có mục tiêu gì?"
    async with running(e2e_settings, real_services) as (_, client, _rt):
        response = await client.post("/api/ask", json={"question": question})
        public = await client.get("/healthz")
        health = await client.get("/healthz", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert response.status_code == 200
    data = response.json()
    # `ngvh ask --json`, plus the stored chunk id the web chat adds to each citation (for its links)
    citations = [{k: v for k, v in c.items() if k != "chunk_id"} for c in data["citations"]]
    assert {**data, "citations": citations} == json.loads(json.dumps(real_services.ask(question).to_json()))
    assert data["found"] is True and any(c["plan"] == "726/KH-UBND" for c in data["citations"])
    assert public.status_code == 200 and set(public.json()) == {"status"}  # details only for the admin
    assert health.status_code == 200 and health.json()["core"]["plans"] >= 5


async def test_telegram_question_sources_and_catalog(e2e_settings, real_services, fake_telegram):
    async with running(e2e_settings, real_services) as (_, client, _rt):
        headers = {HEADER: TG_SECRET}
        await client.post("/webhook/telegram", json=tg_update(1, "Thừa Thiên Huế ban hành kế hoạch ngoại giao văn hóa khi nào?"), headers=headers)
        await fake_telegram.wait_calls("sendMessage", 1, timeout=60)
        await client.post("/webhook/telegram", json=tg_update(2, "/nguon 1"), headers=headers)
        await fake_telegram.wait_calls("sendMessage", 2, timeout=30)
        await client.post("/webhook/telegram", json=tg_update(3, "/plans"), headers=headers)
        texts = [c.params["text"] for c in await fake_telegram.wait_calls("sendMessage", 3, timeout=30)]
    assert "173/KH-UBND" in texts[0] and "<b>[1]</b>" in texts[0]
    assert texts[1].startswith("<b>[1] ") and len(texts[1]) > 40
    assert "726/KH-UBND" in texts[2] and "173/KH-UBND" in texts[2]


async def test_refusal_is_counted(e2e_settings, real_services):
    async with running(e2e_settings, real_services) as (_, client, _rt):
        data = (await client.post("/api/ask", json={"question": "Giá vàng hôm nay bao nhiêu?"})).json()
        metrics = (await client.get("/metrics")).text
    assert data["found"] is False and data["citations"] == []
    assert 'ngvh_refusals_total{channel="web"} 1.0' in metrics


async def test_admin_upload_is_answered_at_once_then_removed(e2e_settings, real_services):
    auth = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    question = "Kế hoạch 321/KH-UBND của Lạng Sơn giao Sở Văn hóa, Thể thao và Du lịch nhiệm vụ gì?"
    async with running(e2e_settings, real_services, fast_options(ask_threads=2)) as (_, client, _rt):
        upload = await client.post("/admin/plans", headers=auth, files={"file": ("lang-son-321.txt", NEW_PLAN.encode(), "text/plain")})
        assert upload.status_code == 202, upload.text
        [row] = (await finished_job(client, upload.json()["status"], timeout=120))["report"]["files"]
        assert row["status"] == "added" and row["number"] == "321/KH-UBND"
        again = await client.post("/admin/plans", headers=auth, files={"file": ("lang-son-321.txt", NEW_PLAN.encode(), "text/plain")})
        report = (await finished_job(client, again.json()["status"], timeout=120))["report"]
        assert report["files"][0]["status"] == "unchanged"  # the CLI's semantics
        # answered with the new plan at once, by every ask thread
        answers = await asyncio.gather(*[client.post("/api/ask", json={"question": question}) for _ in range(3)])
        listed = (await client.get("/admin/plans", headers=auth)).json()["plans"]
        removed = await client.delete(f"/admin/plans/{row['plan_id']}", headers=auth)
        after = (await client.get("/admin/plans", headers=auth)).json()["plans"]
    for response in answers:
        data = response.json()
        assert data["found"] and any(c["plan"] == "321/KH-UBND" for c in data["citations"]), data
        assert "Quảng Tây" in data["answer"] or any("Quảng Tây" in c["full_quote"] for c in data["citations"])
    assert any(p["number"] == "321/KH-UBND" for p in listed)
    assert removed.status_code == 200 and not any(p["number"] == "321/KH-UBND" for p in after)


async def test_web_chat_in_chromium_with_the_real_core(e2e_settings, real_services):
    from tests.bot.test_webchat_browser import run_chat

    async with running(e2e_settings, real_services) as (url, _client, _rt):
        shown = await run_chat(url, "Kế hoạch 726/KH-UBND của Cao Bằng có mục tiêu gì?", "webchat-real-core.png", {"width": 1280, "height": 900})
    assert shown["citations"] >= 1 and "726/KH-UBND" in shown["summary"] and shown["quote_visible"]
    assert shown["errors"] == []
