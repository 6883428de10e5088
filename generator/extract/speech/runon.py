"""A quotation that runs over several paragraphs has one speaker, named where it ends.

Notes:
    News copy sets a long quotation as paragraphs that each open with a
    quotation mark, with a closing mark only on the last (``quote_marks``
    flags these as ``open_ended`` and ``continued``). When the cue comes
    after the last part ("..., Simmons concluded."), the earlier parts have
    no cue of their own and were carried on from whoever spoke before, which
    is someone else whenever the quotation introduces a new speaker. They are
    the same quotation as the last part, so they take its speaker. A part
    with a cue of its own keeps it.
"""

from __future__ import annotations

from dataclasses import replace

from generator.extract.speech.quote_marks import Quoted
from generator.extract.speech.speakers import Speaker
from generator.model import Quote


def carry_back(
    found: list[Quote], said: list[Speaker | None], own_cue: list[bool], marks: dict[int, Quoted],
) -> tuple[list[Quote], list[Speaker | None]]:
    """``found`` and ``said`` with the cue-less parts of each multi-paragraph quotation given its closing speaker.

    ``own_cue[i]`` tells whether ``found[i]`` was attributed by a cue of its
    own; ``marks`` maps a direct quote's start to its quotation marks.
    """
    out, speakers = list(found), list(said)
    run: list[int] = []
    for i, q in enumerate(found):
        mark = marks.get(q.start) if q.kind == "direct" else None
        if mark is None:
            run = []
            continue
        if run and not (mark.continued and mark.paragraph == marks[found[run[-1]].start].paragraph + 1):
            run = []
        run.append(i)
        if mark.open_ended:
            continue  # the quotation goes on in the next paragraph
        last = run[-1]
        if len(run) > 1 and own_cue[last] and said[last] is not None:
            closing = out[last]
            for j in run[:-1]:
                if own_cue[j] or out[j].speaker == closing.speaker:
                    continue  # a cue of its own, or already the same speaker (named where it was)
                out[j] = replace(out[j], speaker=closing.speaker, speaker_span=closing.speaker_span,
                                 role=closing.role, cue=closing.cue, cue_span=closing.cue_span)
                speakers[j] = said[last]
        run = []
    return out, speakers
