"""Re-ingest as admins do it: unchanged, changed, duplicates in one run, another embedder."""
import shutil

import pytest

from ground.config import Settings
from ngvh.services import Services
from vectorstore import EmbedderMismatch

pytestmark = pytest.mark.slow  # each test ingests the samples into its own store with the real model

CAO_BANG = "001_32f94a6958947b77.txt"


def services_at(path, **settings):
    return Services(Settings(data_dir=path, **settings))


def test_changed_plan_replaces_old_version_whole(tmp_path, samples_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(samples_dir / CAO_BANG, folder / CAO_BANG)
    services = services_at(tmp_path / "data")
    first = services.ingest_paths([folder]).rows[0]
    assert first.status == "added" and first.embedded == first.chunks
    before = {c.id: c for c in services.store.iter_chunks(first.plan_id)}

    amended = (folder / CAO_BANG).read_text(encoding="utf-8").replace(
        "[...]", "Sở Ngoại vụ chủ trì tổ chức Hội nghị quảng bá hình ảnh Cao Bằng tại Quảng Tây hằng năm.")
    (folder / "726-sua-doi.txt").write_text(amended, encoding="utf-8")
    (folder / CAO_BANG).unlink()
    second = services.ingest_paths([folder]).rows[0]
    assert second.status == "replaced" and second.plan_id == first.plan_id
    assert 0 < second.embedded < second.chunks  # unchanged chunk texts reuse their embeddings

    after = list(services.store.iter_chunks(first.plan_id))
    assert len(services.plans()) == 1
    assert not set(before) & {c.id for c in after}  # no stale chunk of the old version
    assert {c.source for c in after} == {"726-sua-doi.txt"}
    assert len({c.id for c in after}) == len(after)
    answer = services.ask("Sở Ngoại vụ tổ chức hội nghị quảng bá hình ảnh Cao Bằng ở đâu?")
    assert answer.found and answer.citations[0].source == "726-sua-doi.txt"

    third = services.ingest_paths([folder]).rows[0]
    assert third.status == "unchanged" and third.embedded == 0


def test_same_plan_twice_in_one_run_is_skipped_not_flip_flopped(tmp_path, samples_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(samples_dir / CAO_BANG, folder / "a.txt")
    text = (samples_dir / CAO_BANG).read_text(encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("[...]", "Nội dung bổ sung về hợp tác văn hóa với Quảng Tây."), encoding="utf-8")
    report = services_at(tmp_path / "data").ingest_paths([folder])
    assert [r.status for r in report.rows] == ["added", "skipped"]
    assert "a.txt" in report.rows[1].reason


def test_another_embedder_needs_reindex(tmp_path, samples_dir):
    pytest.importorskip("sentence_transformers")
    data = tmp_path / "data"
    services_at(data).ingest_paths([samples_dir / "003_bb55a98e4bfd3a2f.txt"])
    other = services_at(data, embeddings="sentence-transformers:all-MiniLM-L6-v2")
    with pytest.raises(EmbedderMismatch) as err:
        other.plans()
    assert "ngvh reindex" in str(err.value)

    fresh = services_at(data, embeddings="sentence-transformers:all-MiniLM-L6-v2")
    report = fresh.reindex()
    assert report.ok and [r.status for r in report.rows] == ["replaced"]
    assert fresh.store.count_chunks() == report.rows[0].chunks
    answer = services_at(data, embeddings="sentence-transformers:all-MiniLM-L6-v2").ask(
        "Hải Phòng hợp tác hữu nghị truyền thống với thành phố nào của Nhật Bản?")
    assert answer.found and "Kitakyushu" in answer.answer


PLAN = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: 41/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

{province_title}, ngày 12 tháng 3 năm 2027

KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030 năm 2027

I. MỤC TIÊU
Quảng bá hình ảnh tỉnh {province_title} với bạn bè quốc tế; tổ chức 02 đoàn nghệ thuật đi biểu diễn ở nước ngoài.

II. TỔ CHỨC THỰC HIỆN
1. Sở Ngoại vụ chủ trì tổ chức Tuần Văn hóa tại Lào, hoàn thành trước ngày 30/9/2027.
"""


def test_a_file_read_again_under_another_identity_replaces_its_earlier_reading(tmp_path):
    # the same file, its header's place fixed by an administrator: one plan, not the old reading beside the new
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kh-41-2027.txt").write_text(PLAN.format(province="LAM HAA", province_title="Lam Haa"), encoding="utf-8")
    services = services_at(tmp_path / "data")
    first = services.ingest_paths([folder]).rows[0]
    (folder / "kh-41-2027.txt").write_text(PLAN.format(province="LAM HÀ", province_title="Lam Hà"), encoding="utf-8")
    second = services.ingest_paths([folder]).rows[0]
    assert first.plan_id != second.plan_id and second.status == "replaced"
    assert [p.id for p in services.store.list_plans()] == [second.plan_id]
    assert {c.plan_id for c in services.store.iter_chunks()} == {second.plan_id}
