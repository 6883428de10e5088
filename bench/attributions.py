"""Score attributions (quotes plus sourcing claims) on PolNeAR's development set.

Usage: ``python bench/attributions.py [--keep DIR]``

The same run as ``python bench/quotes.py attributions_dev``: ``score.py
attributions`` (quotes plus the claims in ``sources`` that do not overlap a
quote by more than half) beside ``score.py quotes`` (quotes alone), so the
share the sourcing notes add is visible.
"""

from __future__ import annotations

import sys

from quotes import main

if __name__ == "__main__":
    sys.exit(main(["attributions_dev", *sys.argv[1:]]))
