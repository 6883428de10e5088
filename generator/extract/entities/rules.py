"""Moved to ``generator.lexicon`` (organizations, people, places, text).

Kept only for ``generator/names.py``, which imports ``known_orgs`` from here
until it is repointed at ``generator.lexicon.organizations``; then delete.
"""

from __future__ import annotations

from generator.lexicon.organizations import known_orgs

__all__ = ["known_orgs"]
