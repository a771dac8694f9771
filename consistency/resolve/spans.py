"""Mentions of words a resolve form finds in a sentence, placed like the extractor's own."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..models import Mention


def mention_at(sentence: Sequence[Mention], start: int, stop: int, kind: str, value: str) -> Mention:
    """A mention of the words at ``start:stop`` of the sentence, placed by a mention of it."""
    earlier = [m for m in sentence if m.local_start <= start]
    ref = max(earlier, key=lambda m: m.local_start) if earlier else sentence[0]
    text = ref.sentence
    newlines = text.count("\n", min(ref.local_start, start), max(ref.local_start, start))
    if start >= ref.local_start and newlines:
        line, column = ref.line + newlines, start - text.rfind("\n", 0, start)
    else:
        line, column = ref.line, ref.column + start - ref.local_start
    offset = ref.sentence_start
    return replace(ref, line=line, column=column, start=offset + start, end=offset + stop, kind=kind,
                   raw=value, value=value, interval=None, grain="", unit="", hedge="", counted="",
                   modifiers=(), entity="", role="", country="", extra=())
