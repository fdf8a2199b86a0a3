"""The structured layer over test plans with real-format duties: who must do what by when."""
import json
import os
import subprocess
import sys

import pytest

from ground.config import Settings
from ngvh.services import Services
from rag.compose.citations import check_citations
from rag.compose.duties import route
from rag.understand.names import parse_query
from tests.conftest import FIXTURES

PLANS = FIXTURES / "plans"


@pytest.fixture(scope="module")
def task_services(tmp_path_factory, samples_dir):
    data = tmp_path_factory.mktemp("tasks-store")
    services = Services(Settings(data_dir=data))
    folder = data / "in"
    folder.mkdir()
    for name in ("plan_a_lang_son.txt", "plan_b_quang_ninh.txt"):
        (folder / name).write_text((PLANS / name).read_text(encoding="utf-8"), encoding="utf-8")
    report = services.ingest_paths([folder, samples_dir / "001_32f94a6958947b77.txt"])
    assert report.ok, report.to_json()
    services.data = data
    return services


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Sở Ngoại vụ phải làm gì đến năm 2025?", "tasks"),
        ("So ngoai vu co nhiem vu gi", "tasks"),
        ("Những tỉnh nào đã có kế hoạch thực hiện Chiến lược ngoại giao văn hóa?", "catalog"),
        ("Kế hoạch nào ban hành năm 2022?", "catalog"),
        ("Cao Bằng và Huế khác nhau thế nào về mục tiêu?", "compare"),
        ("Mục tiêu cụ thể của Cao Bằng là gì?", "general"),
        ("Kế hoạch nào đặt mục tiêu xây dựng hồ sơ Công viên địa chất toàn cầu?", "general"),
        ("Đoàn do Chủ tịch UBND tỉnh dẫn đầu đi Nhật Bản để làm gì?", "general"),  # a purpose, not duties
        ("Văn phòng UBND tỉnh phải làm gì?", "tasks"),
    ],
)
def test_router(question, expected):
    assert route(parse_query(question)) == expected


@pytest.mark.slow  # its own store, ingested with the real model
def test_agency_duties_by_year_grouped_by_plan_and_cited(task_services):
    answer = task_services.ask("Sở Ngoại vụ phải làm gì đến năm 2025?")
    assert answer.found and answer.kind == "tasks"
    assert "Lạng Sơn" in answer.answer and "Quảng Ninh" in answer.answer
    assert "Hội nghị sơ kết" in answer.answer  # due 2025 in plan A
    assert "có hạn" in answer.answer and "thường xuyên" in answer.answer  # says which is which
    assert check_citations(answer.answer, answer.citations)
    sections = [c.section or "" for c in answer.citations]
    assert all(sections) and any("TỔ CHỨC THỰC HIỆN" in s for s in sections)


@pytest.mark.slow  # its own store, ingested with the real model
def test_abbreviated_agency_and_no_diacritics(task_services):
    answer = task_services.ask("so vhttdl tinh lang son phai lam gi")
    assert answer.found and answer.kind == "tasks"
    assert "Công viên địa chất" in answer.answer
    assert {c.source for c in answer.citations} == {"plan_a_lang_son.txt"}


@pytest.mark.slow  # its own store, ingested with the real model
def test_catalog_question_lists_plans(task_services):
    answer = task_services.ask("Những tỉnh nào đã có kế hoạch thực hiện Chiến lược ngoại giao văn hóa?")
    assert answer.found and answer.kind == "catalog"
    for place in ("Cao Bằng", "Lạng Sơn", "Quảng Ninh"):
        assert place in answer.answer
    assert check_citations(answer.answer, answer.citations)


@pytest.mark.slow  # its own store, ingested with the real model
def test_comparison_cites_both_plans(task_services):
    answer = task_services.ask("Cao Bằng và Lạng Sơn khác nhau thế nào về mục tiêu cụ thể?")
    assert answer.found and answer.kind == "compare"
    assert len({c.source for c in answer.citations}) == 2
    assert check_citations(answer.answer, answer.citations)


@pytest.mark.slow  # its own store, ingested with the real model
def test_reingest_and_removal_keep_tasks_in_step(task_services):
    plans = {p.id: p for p in task_services.store.list_plans()}
    with_tasks = [p for p in plans.values() if p.assignments]
    assert len(with_tasks) == 2
    victim = with_tasks[0]
    assert task_services.remove(victim.id)
    left = task_services.answerer.ask("Sở Ngoại vụ phải làm gì?")
    assert victim.source not in {c.source for c in left.citations}
    report = task_services.ingest_paths([task_services.data / "in" / victim.source])
    assert report.rows[0].status == "added"


@pytest.mark.slow  # its own store, ingested with the real model
def test_tasks_command_json(task_services):
    env = dict(os.environ, NGVH_DATA_DIR=str(task_services.data))
    out = subprocess.run([sys.executable, "-m", "ngvh.cli", "tasks", "--agency", "Sở VHTTDL", "--by", "2025", "--json"],
                         env=env, capture_output=True, text=True, timeout=120)
    rows = json.loads(out.stdout)
    assert rows and all(r["agency"] == "Sở Văn hóa, Thể thao và Du lịch" for r in rows)
    assert all(r["status"] in ("due", "recurring") for r in rows)
    assert all((r["due_year"] or 0) <= 2025 or r["recurring"] for r in rows)


@pytest.mark.slow  # its own store, ingested with the real model
def test_stored_plans_and_the_embedder_fit_the_seams_answering_reads(task_services):
    from rag.ports import QueryEmbedder, StoredPlan

    records = task_services.store.list_plans()
    assert records and all(isinstance(r, StoredPlan) for r in records)
    assert isinstance(task_services.embeddings, QueryEmbedder)
    assert task_services.answerer.k == task_services.settings.top_k
    assert any(r.assignments for r in records)  # read straight from the record: no probe hides a missing field


def test_a_month_asked_narrows_a_years_tasks_and_one_task_is_no_list_of_them(task_services):
    year = task_services.ask("Quảng Ninh có những nhiệm vụ nào thực hiện trong năm 2024?")
    assert year.kind == "tasks"  # the year's task records, listed
    month = task_services.ask("Tháng 7/2024 Quảng Ninh thực hiện nhiệm vụ gì?")
    assert month.kind != "tasks"  # no task record names July: the year's list is no answer for the month


def test_a_count_asked_in_the_words_of_one_texts_title_is_that_texts():
    from types import SimpleNamespace

    from rag.compose.records import _titled_most
    from rag.understand.question import analyze

    def plan(title: str):
        return SimpleNamespace(meta=SimpleNamespace(title=title))

    rule = plan("Quy định tổ chức, quản lý hội nghị, hội thảo quốc tế trên địa bàn tỉnh")
    report = plan("Báo cáo tổng kết 5 năm giao lưu văn hóa với các địa phương kết nghĩa, hữu nghị ở nước ngoài")
    index = SimpleNamespace(idf=lambda term: 1.0)
    q = analyze("giai doan 2022-2026 to chuc duoc bao nhieu hoat dong giao luu van hoa voi cac dia phuong ket nghia?")
    assert _titled_most(q, [rule, report], index) == [report]  # type: ignore[arg-type]


def test_nurses_are_no_articles_counted():
    from rag.compose.records import counts_parts

    assert counts_parts("hien co bao nhieu lao dong lam viec tai duc, trong do bao nhieu dieu duong") is None
    assert counts_parts("quy che gom may chuong, bao nhieu dieu") == "chương"
