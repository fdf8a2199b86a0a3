"""Plain-text inputs the structure and chunking tests share: the samples and the synthetic fixtures."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES, SAMPLES

STRUCTURE_FIXTURES = FIXTURES / "structure"
ALL_TEXTS = sorted(SAMPLES.glob("*.txt")) + sorted(STRUCTURE_FIXTURES.glob("*.txt"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sample(prefix: str) -> str:
    return read(next(SAMPLES.glob(f"{prefix}_*.txt")))


def fixture(name: str) -> str:
    return read(STRUCTURE_FIXTURES / name)
