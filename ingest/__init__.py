"""Files → plans and chunks (no storage): readers, cleaning, metadata, section tree, chunking."""
from ground.plans import SECTION_SEPARATOR, Chunk, Plan, PlanMeta, Section
from ingest.errors import IngestError, OutOfScope

__all__ = [
    "Chunk", "IngestError", "OutOfScope", "Plan", "PlanMeta", "Section", "SECTION_SEPARATOR",
    "build_plan", "find_plan_files", "load_plan",
]


def __getattr__(name):
    # Lazy so `from ingest import PlanMeta` works while parsers import heavier modules on demand.
    if name in ("build_plan", "load_plan", "check_plan_text", "plan_identity"):
        from ingest import pipeline

        return getattr(pipeline, name)
    if name in ("find_plan_files", "read_document", "SUPPORTED_SUFFIXES"):
        from ingest import readers

        return getattr(readers, name)
    raise AttributeError(name)
