"""Task rows of the deadline test plan (tests/fixtures/plans/plan_e_deadlines.txt) as the core's tasks() gives
them, read by the real ingest pipeline without a store or an embedder."""
from __future__ import annotations

from ground.plans import Plan
from ingest.clean import clean_text
from ingest.pipeline import build_plan
from ngvh.task_rows import task_rows
from tests.conftest import FIXTURES
from vectorstore.records import PlanRecord

PLAN_FILE = FIXTURES / "plans" / "plan_e_deadlines.txt"
SNGV = "Sở Ngoại vụ"
VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"


def deadline_plan() -> Plan:
    return build_plan(clean_text(PLAN_FILE.read_text(encoding="utf-8")), PLAN_FILE.name)


def record_of(plan: Plan, ingested_at: str = "2023-01-11T02:00:00+00:00", plan_id: str | None = None) -> PlanRecord:
    return PlanRecord(plan_id or plan.id, plan.version, plan.source, len(plan.chunks), ingested_at, plan.meta,
                      [a.to_dict() for a in plan.assignments])


def rows(ingested_at: str = "2023-01-11T02:00:00+00:00", plan_id: str | None = None) -> list[dict]:
    return task_rows([record_of(deadline_plan(), ingested_at, plan_id)])
