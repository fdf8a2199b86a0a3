"""Corrections an administrator made to a plan's number, date, signer or province, kept across re-ingest.

They live in NGVH_DATA_DIR/state/corrections.json, keyed by the plan's source file name, and are applied
to the plan read from that file every time it is ingested again (and to the stored plan at once), so
a wrongly read field is fixed once and stays fixed.
"""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path

from ground.files import write_json_atomic

FIELDS = ("number", "date", "signer", "province")
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CorrectionError(ValueError):
    """A correction that cannot be right (bad date, unknown province…); the message says which."""


def clean_fields(fields: dict) -> dict:
    """Validated, normalised corrections: ISO dates, canonical province names, trimmed text."""
    from ground import vi
    from ground.places import canonical_province

    out = {}
    for key, value in fields.items():
        if key not in FIELDS:
            raise CorrectionError(f"cannot correct {key!r}; only {', '.join(FIELDS)}")
        if value is None:
            continue
        value = " ".join(vi.normalize(str(value)).split())
        if not value or len(value) > 120:
            raise CorrectionError(f"{key}: empty or too long")
        if key == "date":
            match = _DATE.match(value)
            if match:
                value = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
            if not _ISO.match(value):
                raise CorrectionError("date: use DD/MM/YYYY or YYYY-MM-DD")
        if key == "province":
            canonical = canonical_province(value)
            if canonical is None:
                raise CorrectionError(f"province: unknown province or city {value!r}")
            value = canonical
        out[key] = value
    if not out:
        raise CorrectionError("nothing to correct")
    return out


def corrected_owner(meta, province: str) -> None:
    """A corrected province wins over what was read: the committee issuer and the 'about' record follow it."""
    from ground.places import province_kind
    from ground.units_2025 import unit_2025

    if meta.issuer and meta.issuer.startswith("UBND"):
        meta.issuer = f"UBND {province_kind(province) or 'tỉnh'} {province}"
    meta.about = {**meta.about, "province": province, "issuer": meta.issuer, "source": "correction",
                  "evidence": "sửa bởi quản trị viên", "known_province": True, "unit_2025": unit_2025(province)}


class Corrections:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def all(self) -> dict[str, dict]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def for_source(self, source: str) -> dict | None:
        return self.all().get(source)

    def set(self, source: str, plan_id: str, fields: dict) -> dict:
        """Record (merge) corrections for the plan read from `source`; returns what is now kept."""
        fields = clean_fields(fields)
        with self._lock:
            data = self.all()
            entry = data.get(source) or {"plan_id": plan_id, "fields": {}}
            entry["plan_id"] = plan_id
            entry["fields"].update(fields)
            data[source] = entry
            self._write(data)
        return entry

    def apply(self, plan) -> bool:
        """Put the kept corrections into a freshly read plan (its id stays the corrected plan's id)."""
        entry = self.for_source(plan.source)
        if not entry:
            return False
        from ingest.pipeline import PIPELINE_VERSION

        for key, value in entry["fields"].items():
            setattr(plan.meta, key, value)
        if "province" in entry["fields"]:
            corrected_owner(plan.meta, entry["fields"]["province"])
        plan.id = entry.get("plan_id") or plan.id
        plan.finalize(PIPELINE_VERSION)  # the version covers the metadata: the corrected plan is stored anew
        return True

    def _write(self, data: dict) -> None:
        write_json_atomic(self.path, data, ensure_ascii=False, indent=1)
