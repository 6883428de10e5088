"""Where the shared corpus and gold sets are: ../shared beside the checkout, or $NEWSBRIEF_SHARED."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSBRIEF_SHARED", ROOT.parent / "shared")).resolve()
