"""The one error every part of newsbrief raises for a problem a user can fix.

The plugin turns it into MkDocs' ``PluginError`` and the CLI prints it as one
line, so each stage only has to say what is wrong and where: the file, the key
or entry inside it when there is one, and what to do.
"""

from __future__ import annotations

from generator.printable import printable


class NewsbriefError(Exception):
    """A problem with the user's input or setup, worded for the user.

    ``str()`` is ``"{path}: {key!r}: {message}"``, leaving out what is not known.
    """

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None) -> None:
        self.message = message
        self.path = path
        self.key = key
        super().__init__(self._text())

    def _text(self) -> str:
        where = [self.path] if self.path is not None else []
        if self.key is not None:
            where.append(repr(self.key))
        # One line: a file name with a newline or escape codes forges no line of the report.
        return printable(": ".join((*where, self.message)))
