"""The text of a parsed document, read once.

``Doc.text`` joins every token's text on each access, so reading it in a loop
made extraction quadratic in the article's length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "newsbrief_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, cached on the document."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
