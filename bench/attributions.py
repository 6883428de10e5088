"""Score attributions (quotes plus sourcing claims) on PolNeAR's development set.

Usage: ``python bench/attributions.py [--keep DIR]``

The same run as ``python bench/quotes.py attributions_dev``: ``score.py
attributions`` (quotes plus the claims in ``sources`` that do not overlap a
quote by more than half) beside ``score.py quotes`` (quotes alone), so the
share the sourcing notes add is visible.

PolNeAR's ``speaker`` is the source as written ("he" 141 times in the
development set, "Trump" 120, "she" 64, "who" 33, none 126), while
``newsbrief`` names the resolved speaker ("Donald Trump"). The
``attributions (+sources)`` row scores the canonical names, so "he" resolved
right still counts as a wrong source; the ``as written`` row below it scores
the mention each quote or claim was attributed from (``speaker_text`` /
``source_text``), PolNeAR's own convention. Spans are the same in both rows:
only the source column differs.
"""

from __future__ import annotations

import sys

from quotes import main

if __name__ == "__main__":
    sys.exit(main(["attributions_dev", *sys.argv[1:]]))
