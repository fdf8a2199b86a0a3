"""Corrections of a plan's number, date, signer or province: applied at once, kept across re-ingest."""
import shutil

import pytest

from ground.config import Settings
from ngvh.corrections import CorrectionError, clean_fields
from ngvh.services import Services


def test_fields_are_validated_and_normalised():
    assert clean_fields({"date": "5/4/2022", "province": "tp hcm", "signer": "  Lê   Hải Hòa "}) == {
        "date": "2022-04-05", "province": "Hồ Chí Minh", "signer": "Lê Hải Hòa"}
    for bad in ({"date": "hôm qua"}, {"province": "Atlantis"}, {"title": "x"}, {}):
        with pytest.raises(CorrectionError):
            clean_fields(bad)


@pytest.mark.slow  # ingests and reindexes with the real model
def test_correction_survives_reingest(tmp_path, samples_dir):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(samples_dir / "003_bb55a98e4bfd3a2f.txt", folder)
    services = Services(Settings(_env_file=None, data_dir=tmp_path / "data"))
    assert services.ingest_paths([folder]).ok
    [row] = services.plans()
    assert row["date"] is None and row["signer"] is None
    fixed = services.correct_plan(row["id"], {"date": "24/05/2023", "signer": "Nguyễn Văn Tùng"})
    assert fixed["date"] == "2023-05-24" and fixed["signer"] == "Nguyễn Văn Tùng" and fixed["id"] == row["id"]
    answer = services.ask("Kế hoạch 141/KH-UBND do ai ký?")
    assert "Nguyễn Văn Tùng" in answer.answer
    # the file is ingested again (a fresh process): the fix is applied, not lost
    again = Services(Settings(_env_file=None, data_dir=tmp_path / "data"))
    report = again.ingest_paths([folder])
    assert report.ok and report.rows[0].plan_id == row["id"]
    [after] = again.plans()
    assert after["date"] == "2023-05-24" and after["signer"] == "Nguyễn Văn Tùng"
    assert services.correct_plan("no-such-plan", {"signer": "X Y"}) is None


@pytest.mark.slow  # ingests and reindexes with the real model
def test_correction_survives_reindex(tmp_path, samples_dir):
    services = Services(Settings(_env_file=None, data_dir=tmp_path / "data"))
    assert services.ingest_paths([samples_dir / "003_bb55a98e4bfd3a2f.txt"]).ok
    [row] = services.plans()
    services.correct_plan(row["id"], {"signer": "Nguyễn Văn Tùng"})
    report = Services(Settings(_env_file=None, data_dir=tmp_path / "data")).reindex()
    assert report.ok and [r.plan_id for r in report.rows] == [row["id"]]
    [after] = Services(Settings(_env_file=None, data_dir=tmp_path / "data")).plans()
    assert after["signer"] == "Nguyễn Văn Tùng" and after["id"] == row["id"]
