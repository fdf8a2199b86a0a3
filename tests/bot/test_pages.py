"""Plan permalink pages over the sample plans: an anchor per passage, the cited quote marked, text only."""
import asyncio
import re

import httpx
import pytest
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bot.pages import PAGE_CSP, pages_router, render_plan_page
from bot.sources import chunk_anchor
from ground.config import Settings
from ngvh.services import Services


@pytest.fixture(scope="module")
def sample_core(tmp_path_factory, samples_dir):
    services = Services(Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("pages")))
    assert services.ingest_paths([samples_dir]).ok
    return services


@pytest.fixture
async def client(sample_core):
    from bot.web import STATIC_DIR

    app = FastAPI()

    async def load(plan_id):
        return await asyncio.to_thread(sample_core.plan_page, plan_id)

    app.include_router(pages_router(load))
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        yield c


@pytest.mark.slow  # its own store, ingested with the real model
async def test_a_citation_opens_its_passage_with_the_quote_marked(client, sample_core):
    answer = sample_core.ask("Cao Bằng đặt mục tiêu tổ chức Ngày Văn hóa Việt Nam ở đâu?")
    cit = answer.citations[0]
    chunk = sample_core.locate_chunk(cit)
    anchor = chunk_anchor(chunk)
    response = await client.get(f"/plans/{cit.plan_id}", params={"hl": anchor[1:], "q": cit.quote})
    assert response.status_code == 200 and response.headers["content-security-policy"] == PAGE_CSP
    page = response.text
    assert f'id="{anchor}"' in page and '<meta name="viewport"' in page
    lit = re.search(r'<section class="passage highlighted" id="(c\d+)">(.*?)</section>', page, re.S)
    assert lit and lit.group(1) == anchor
    assert "<mark>" in lit.group(2) and "Quảng Tây" in lit.group(2)
    ids = re.findall(r'<section class="passage[^"]*" id="c(\d+)"', page)
    assert len(ids) == len(list(sample_core.store.iter_chunks(cit.plan_id))) and ids == sorted(ids, key=int)
    assert "<script" not in page and "726/KH-UBND" in page and "Lê Hải Hòa" in page
    css = await client.get("/static/plan.css")
    assert css.status_code == 200
    # the web chat's link names only the plan and the quote: the page finds the passage itself
    by_quote = (await client.get(f"/plans/{cit.plan_id}", params={"q": cit.quote})).text
    found = re.search(r'<section class="passage highlighted" id="(c\d+)"><span id="cited"></span>', by_quote)
    assert found and found.group(1) == anchor


@pytest.mark.slow  # its own store, ingested with the real model
async def test_unknown_plan_is_a_404_page(client):
    response = await client.get("/plans/no-such-plan")
    assert response.status_code == 404 and "Không tìm thấy" in response.text


def test_text_is_escaped():
    data = {"plan": {"id": "x", "title": "<script>alert(1)</script>", "source": "a.txt"},
            "chunks": [{"seq": 0, "section": "<i>I</i>", "text": "a <img src=x onerror=alert(1)> b"}]}
    page = render_plan_page(data, 0, "<img src=x onerror=alert(1)>")
    assert "<script>" not in page and "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
