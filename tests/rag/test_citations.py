"""Citation numbering invariants: 1..N in order shown, every mark listed, every citation used."""
from dataclasses import dataclass, field

from ground.links import Links
from ground.plans import PlanMeta
from rag.compose.citations import Point, check_citations, number_points, plan_label
from rag.ports import StoredPlan


@dataclass
class FakeChunk:  # the shape of vectorstore.StoredChunk that citations read
    id: str
    plan_id: str
    section: str | None
    source: str
    text: str
    seq: int = 0


@dataclass
class FakePlan:  # a stored plan as answering reads it (rag.ports.StoredPlan)
    id: str
    meta: PlanMeta
    links: Links = field(default_factory=Links)
    assignments: list = field(default_factory=list)


PLANS = {
    "p1": FakePlan("p1", PlanMeta(title="Kế hoạch A", number="726/KH-UBND", doc_type="Kế hoạch",
                                  issuer="UBND tỉnh Cao Bằng")),
    "p2": FakePlan("p2", PlanMeta(title="Tin về kế hoạch B", source_kind="news")),
    "p3": FakePlan("p3", PlanMeta(title="Kế hoạch C", number="141/KH-UBND", doc_type="Kế hoạch"),
                   Links(replaced_by="12/KH-UBND")),
}


def test_the_fake_plan_fits_the_seam():
    assert all(isinstance(p, StoredPlan) for p in PLANS.values())


def test_a_citation_of_a_replaced_plan_says_so():
    old = FakeChunk("p3:v:0", "p3", None, "c.txt", "text three")
    new = FakeChunk("p1:v:0", "p1", None, "a.txt", "text one")
    numbered = number_points([Point("x", old, "q", 1.0), Point("y", new, "q", 0.9)], PLANS.get)
    _, cites = numbered.lines, numbered.citations
    assert cites[0].replaced_by == "12/KH-UBND" and cites[0].to_json()["replaced_by"] == "12/KH-UBND"
    assert cites[1].replaced_by is None


def test_numbers_follow_first_use_and_repeat_for_the_same_chunk():
    c1 = FakeChunk("p1:v:1", "p1", "II. MỤC TIÊU", "a.txt", "text one")
    c2 = FakeChunk("p2:v:0", "p2", None, "b.txt", "text two")
    points = [Point("x", c1, "q1", 0.9), Point("y", c2, "q2", 0.8), Point("z", c1, "q3", 0.7)]
    numbered = number_points(points, PLANS.get)
    lines, cites = numbered.lines, numbered.citations
    assert lines == ["x [1]", "y [2]", "z [1]"]
    assert [c.n for c in cites] == [1, 2]
    assert cites[0].plan == "726/KH-UBND" and cites[0].section == "II. MỤC TIÊU" and cites[0].source == "a.txt"
    assert cites[1].plan is None and cites[1].title == "Tin về kế hoạch B"
    assert check_citations("\n".join(lines), cites)


def test_check_citations_rejects_unused_or_unknown_marks():
    c1 = FakeChunk("p1:v:1", "p1", None, "a.txt", "t")
    numbered = number_points([Point("x", c1, "q", 1.0)], PLANS.get)
    _, cites = numbered.lines, numbered.citations
    assert not check_citations("no marks", cites)
    assert not check_citations("x [1] y [2]", cites)
    assert check_citations("x [1]", cites)


def test_plan_label():
    assert plan_label(PLANS["p1"].meta) == "Kế hoạch 726/KH-UBND của UBND tỉnh Cao Bằng"
    assert plan_label(PLANS["p2"].meta).startswith("bài viết")


def test_a_date_is_shown_as_the_citing_sentence_writes_it_in_figures():
    from ground.display import date_as_written

    assert date_as_written("Ngày 3-12-2008, tại Thông báo số 204-TB/TW …", "2008-12-03") == "3-12-2008"
    assert date_as_written("Kế hoạch số 09/KH-UBND ngày 05/01/2028 của UBND tỉnh", "2028-01-05") == "05/01/2028"
    # written in words, or not at all: the usual figures
    assert date_as_written("ngày 15 tháng 3 năm 2026", "2026-03-15") == "15/3/2026"
    assert date_as_written("ngày 16/3/2026", "2026-03-15") == "15/3/2026"
