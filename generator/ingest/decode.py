"""Bytes to text: encodings, byte-order marks, files that are not text, and size bounds.

Every scan here is linear in the input and reads at most :data:`MAX_BYTES`: a
newsroom feeds this tool whatever it has, and one hostile or multi-gigabyte
file must not stall a build or exhaust memory.
"""

from __future__ import annotations

from pathlib import Path

from generator.ingest.errors import IngestError
from generator.ingest.safety import not_regular

MAX_CHARS = 50_000
"""Longer bodies are cut at a paragraph break (with a warning) so one huge
file cannot take minutes or exhaust memory. Measured: 50,000 characters (about
8,000 words, longer than any article of the shared corpus) parse and extract in
about 10 s on one core; 200,000 took over two minutes and 870 MB."""
MAX_BYTES = 4 * MAX_CHARS + 65_536
"""No more than this is read from a file: enough for MAX_CHARS characters of
any script plus front matter, so a multi-gigabyte file costs no memory."""
# Magic numbers of files people export by mistake: name the format, say what to do.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)

def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (BOM allowed), UTF-16/32 with a BOM (with a warning), else
    Windows-1252 with a warning naming where the first bad byte is.

    Raises :class:`IngestError` for empty and binary files.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise IngestError(path, f"starts with a {name} byte-order mark but is not valid {name}; "
                                  "save it as UTF-8 text") from None
            if not text.strip():
                raise IngestError(path, "the file is empty; add the article text or remove the file")
            return text, [f"encoded as {name}; read it as such, but please save it as UTF-8"]
    if not data.strip():
        raise IngestError(path, "the file is empty (or only blank lines); add the article text or remove the file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise IngestError(path, f"this is {kind}, not text; export the article as plain text "
                              "(.txt, UTF-8) or Markdown (.md) and put that in seeds/")
    sample = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if b"\x00" in data or controls > len(sample) * 0.05:
        raise IngestError(path, "this looks like a binary file, not text (it holds NUL or control bytes); "
                          "seeds/ takes .txt or .md articles saved as UTF-8")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        warning = (
            f"not valid UTF-8 (byte 0x{bad} at {_where(data, exc.start)}); decoded as Windows-1252 "
            "instead, so check the characters near there and save the file as UTF-8"
        )
        return data.decode("cp1252", errors="replace"), [warning]


def truncate(body: str, path: str, warnings: list[str], size: int | None = None) -> str:
    """The body cut to :data:`MAX_CHARS` at a break, with a warning saying so.

    ``size`` is the file's size when :func:`read_bounded` read only its start.
    """
    if len(body) <= MAX_CHARS and size is None:
        return body
    # Cut at a paragraph break, else after a sentence or a word, so no text is cut mid-word.
    cut = body.rfind("\n", 0, MAX_CHARS)
    if cut <= MAX_CHARS // 2:
        cut = max(body.rfind(". ", 0, MAX_CHARS) + 1, body.rfind(" ", 0, MAX_CHARS))
    if cut <= MAX_CHARS // 2:
        cut = MAX_CHARS
    cut = min(cut, len(body))
    whole = f"the file is {size:,} bytes long" if size is not None else f"the article is {len(body):,} characters long"
    warnings.append(
        f"{whole}; only the first {cut:,} characters are used "
        f"(newsbrief reads at most {MAX_CHARS:,}): split it into several articles to use the rest"
    )
    return body[:cut]


def read_bounded(path: Path | str, limit: int = MAX_BYTES) -> tuple[str, list[str], int | None]:
    """(text, warnings, full size in bytes when only the start was read) of one file.

    At most ``limit`` bytes are read. Raises :class:`IngestError` naming the
    file when it cannot be read or is not text.
    """
    p = Path(path)
    size: int | None
    # A FIFO would block the read forever, a device could be endless: regular files only.
    why = not_regular(p)
    if why is not None:
        raise IngestError(str(path), why)
    try:
        with p.open("rb") as f:
            data = f.read(limit + 1)
            size = f.seek(0, 2)
    except FileNotFoundError:
        raise IngestError(str(path), "does not exist (it was moved or deleted while the folder was read); "
                          "it is left out of this build") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a folder, not an article file") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        # Cut before a character, never inside one (UTF-8 continuation bytes are 10xxxxxx).
        end = limit
        while end > limit - 4 and data[end] & 0xC0 == 0x80:
            end -= 1
        data = data[:end]
    else:
        size = None
    text, decode_warnings = decode(data, str(path))
    return text, decode_warnings, size
