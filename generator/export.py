"""The ``newsbrief extract`` contract: a thin name for :mod:`generator.records`."""

from __future__ import annotations

from generator.records import error_record, from_record, to_record

brief_record = to_record

__all__ = ["brief_record", "error_record", "from_record", "to_record"]
