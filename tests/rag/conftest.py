import pytest

from ground.config import Settings
from ngvh.services import Services
from tests.conftest import ROOT


def ingested(tmp_path_factory, folder, name: str) -> Services:
    """The texts of one folder ingested into a store of their own (answers are read-only)."""
    services = Services(Settings(data_dir=tmp_path_factory.mktemp(name)))
    report = services.ingest_paths([folder])
    assert report.ok, report.to_json()
    return services


def texts_store(name: str, texts: dict[str, str]):
    """A module's store of texts written in the test module ({file name: text}), ingested once."""

    @pytest.fixture(scope="module")
    def store(tmp_path_factory) -> Services:
        folder = tmp_path_factory.mktemp(f"{name}-texts")
        for file_name, text in texts.items():
            (folder / file_name).write_text(text, encoding="utf-8")
        return ingested(tmp_path_factory, folder, name)

    return store


@pytest.fixture(scope="session")
def sample_services(tmp_path_factory, samples_dir):
    """The sample plans ingested once into their own store."""
    return ingested(tmp_path_factory, samples_dir, "samples-store")


def fixture_store(folder: str):
    """A module's store of the texts in tests/fixtures/<folder>, ingested once: `store = fixture_store("survey")`."""

    @pytest.fixture(scope="module")
    def store(tmp_path_factory) -> Services:
        return ingested(tmp_path_factory, ROOT / "tests" / "fixtures" / folder, folder)

    return store


def chat(services: Services, turns: list[str]):
    """The turns of one conversation, each answered with the context the ones before left."""
    from rag.dialogue.state import Conversation
    from rag.dialogue.turn import run_turn

    ctx, out = Conversation(), []
    for text in turns:
        turn = run_turn(services.ask, text, ctx)
        ctx = turn.context
        out.append(turn)
    return out


def assert_answered(services: Services, question: str, expected: list[str]) -> None:
    """The question is answered, and the answer holds every expected string."""
    answer = services.ask(question)
    assert answer.found, answer.answer
    for want in expected:
        assert want in answer.answer, (want, answer.answer)
