"""The `ngvh` command line as users and the scorer run it: a subprocess with NGVH_DATA_DIR set."""
import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # each test runs the CLI in a subprocess that loads the model

NGVH = [sys.executable, "-m", "ngvh.cli"]


def run(args, data_dir, stdin=None, timeout=300):
    env = dict(os.environ, NGVH_DATA_DIR=str(data_dir))
    return subprocess.run(NGVH + args, env=env, input=stdin, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, samples_dir):
    data = tmp_path_factory.mktemp("cli-store")
    result = run(["ingest", str(samples_dir)], data)
    assert result.returncode == 0, result.stdout + result.stderr
    return data


def test_empty_store_is_a_clear_message(tmp_path):
    result = run(["ask", "Kế hoạch của Cao Bằng có mục tiêu gì?"], tmp_path / "empty")
    assert "Traceback" not in result.stderr
    assert "ngvh ingest" in result.stdout
    listing = run(["plans"], tmp_path / "empty")
    assert listing.returncode == 0 and "trống" in listing.stdout


def test_plans_json_lists_the_catalog(store_dir):
    rows = json.loads(run(["plans", "--json"], store_dir).stdout)
    assert len(rows) == 5
    for row in rows:
        assert set(row) >= {"number", "type", "issuer", "province", "date", "horizon", "chunks", "source", "id"}
        assert row["chunks"] > 0
    cao_bang = next(r for r in rows if r["number"] == "726/KH-UBND")
    assert cao_bang["province"] == "Cao Bằng" and cao_bang["date"] == "2022-03-29"
    assert cao_bang["source"] == "001_32f94a6958947b77.txt"


def test_reingest_says_unchanged_and_embeds_nothing(store_dir, samples_dir):
    result = run(["ingest", "--json", str(samples_dir)], store_dir)
    report = json.loads(result.stdout)
    assert report["counts"]["unchanged"] == 5
    assert all(f["embedded"] == 0 for f in report["files"])


def test_ask_json_and_jsonl_contract(store_dir):
    one = json.loads(run(["ask", "--json", "Kế hoạch 726/KH-UBND thuộc lĩnh vực gì?"], store_dir).stdout)
    assert one["found"] is True and one["citations"][0]["source"] == "001_32f94a6958947b77.txt"
    questions = "Cách nấu phở bò ngon?\nke hoach cao bang muc tieu cu the\n\nHải Phòng hợp tác với thành phố nào của Nhật Bản?\n"
    result = run(["ask", "--jsonl"], store_dir, stdin=questions)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["question"] for answer in lines] == [
        "Cách nấu phở bò ngon?", "ke hoach cao bang muc tieu cu the", "Hải Phòng hợp tác với thành phố nào của Nhật Bản?",
    ]
    assert lines[0]["found"] is False and lines[0]["citations"] == []
    assert lines[1]["found"] is True
    for line in lines:
        for c in line["citations"]:
            assert set(c) >= {"n", "plan", "title", "issuer", "date", "section", "source", "quote", "score"}


def test_plain_ask_prints_answer_and_sources(store_dir):
    result = run(["ask", "Mục đích của kế hoạch Cao Bằng là gì?"], store_dir)
    assert result.returncode == 0
    assert "Nguồn" in result.stdout and "726/KH-UBND" in result.stdout


def test_chunks_export_and_remove(tmp_path, samples_dir):
    data = tmp_path / "store"
    assert run(["ingest", str(samples_dir / "003_bb55a98e4bfd3a2f.txt")], data).returncode == 0
    plan_id = json.loads(run(["plans", "--json"], data).stdout)[0]["id"]
    chunks = [json.loads(line) for line in run(["chunks", "--plan", plan_id, "--jsonl"], data).stdout.splitlines()]
    assert chunks and all(c["plan_id"] == plan_id and c["source"] == "003_bb55a98e4bfd3a2f.txt" for c in chunks)
    assert len({c["id"] for c in chunks}) == len(chunks)
    assert run(["remove", plan_id], data).returncode == 0
    assert json.loads(run(["plans", "--json"], data).stdout) == []
    missing = run(["remove", plan_id], data)
    assert missing.returncode != 0 and "ngvh plans" in missing.stderr


def test_bad_files_are_reported_and_others_still_ingested(tmp_path, samples_dir):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text((samples_dir / "001_32f94a6958947b77.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "recipe.txt").write_text("Phở bò: nước dùng ninh xương, bánh phở, thịt bò tái. " * 10, encoding="utf-8")
    result = run(["ingest", "--json", str(folder)], tmp_path / "store")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    status = {f["source"]: f for f in report["files"]}
    assert status["good.txt"]["status"] == "added"
    for bad in ("empty.txt", "broken.pdf"):
        assert status[bad]["status"] == "failed" and status[bad]["reason"]
    # a readable page that is not ours is no broken file: skipped with its reason
    assert status["recipe.txt"]["status"] == "skipped" and "does not look like a plan" in status["recipe.txt"]["reason"]
    table = run(["ingest", str(folder)], tmp_path / "store")
    assert table.returncode == 1
    assert "empty.txt" in table.stdout and "failed" in table.stdout and "unchanged" in table.stdout


def test_a_stray_page_in_a_folder_of_plans_does_not_fail_the_run(tmp_path, samples_dir):
    # an admin's folder of saved pages with one off-topic page and one in English: the plans are stored, the
    # strays are reported as skipped, and the run exits 0 so that scripts carry on to the next step
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "plan.txt").write_text((samples_dir / "001_32f94a6958947b77.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (folder / "recipe.txt").write_text("Phở bò: nước dùng ninh xương, bánh phở, thịt bò tái. " * 10, encoding="utf-8")
    (folder / "weather.txt").write_text("The weather report for the week ahead: rain in the north. " * 8,
                                        encoding="utf-8")
    result = run(["ingest", "--json", str(folder)], tmp_path / "store")
    assert result.returncode == 0, result.stdout
    status = {f["source"]: f for f in json.loads(result.stdout)["files"]}
    assert status["plan.txt"]["status"] == "added"
    assert status["recipe.txt"]["status"] == "skipped" and status["weather.txt"]["status"] == "skipped"
    assert "not Vietnamese" in status["weather.txt"]["reason"]


def test_chat_answers_until_the_user_leaves(store_dir):
    result = run(["chat"], store_dir, stdin="Hải Phòng hợp tác với thành phố nào của Nhật Bản?\n/thoat\n")
    assert result.returncode == 0, result.stderr
    assert "Kitakyushu" in result.stdout and "Nguồn" in result.stdout
