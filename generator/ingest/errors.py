"""The error of a file that cannot become an article."""

from __future__ import annotations

from generator.errors import NewsbriefError


class IngestError(NewsbriefError, ValueError):
    """An input file that cannot become an article; the message names the file."""

    path: str

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message, path=path)
