"""Chunk ids: "<plan id>:<version>:<seq>" made and read in one place (plan ids never hold a colon)."""
from __future__ import annotations

from typing import NamedTuple


class ChunkRef(NamedTuple):
    plan_id: str
    version: str
    seq: int | None  # None when the id's last part is not a number (never for ids made here)


def chunk_id(plan_id: str, version: str, seq: int) -> str:
    return f"{plan_id}:{version}:{seq:04d}"


def parse_chunk_id(value: str) -> ChunkRef:
    plan_id, _, rest = value.partition(":")
    version, _, seq = rest.partition(":")
    return ChunkRef(plan_id, version, int(seq) if seq.isdigit() else None)


def plan_of(value: str) -> str:
    """The plan id a chunk id belongs to."""
    return value.partition(":")[0]


def is_active(value: str, active: dict[str, str]) -> bool:
    """Whether a chunk id names the active version of its plan (`active`: plan id → version)."""
    ref = parse_chunk_id(value)
    return active.get(ref.plan_id) == ref.version
