"""Split article text into sentences, keeping offsets.

Lines are split first: headlines, captions and datelines carry no final stop, and a sentence
never spans a line break in the exports we read. Within a line a small rule set splits on
sentence punctuation, except after abbreviations and initials ("U.S.", "Nov. 1", "Mr. Li").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..limits import MAX_SENTENCE_CHARS

# Words that end with a period without ending a sentence. Lower-cased, without the period.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm st jr sr inc corp co ltd plc "
    "vs etc no nos fig approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun a.m p.m u.s u.k u.n e.u d.c".split()
)

# The look-behind starts a boundary only at the first mark of a run, so a run of a million dots
# is scanned once rather than once per dot.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offset in the article text
    end: int
    text: str


def _ends_with_abbreviation(chunk: str) -> bool:
    match = re.search(r"(\S+)\.[\"'”’)\]]*$", chunk)
    if not match:
        return False
    word = match.group(1).lower().lstrip("(\"'“‘")
    if word in ABBREVIATIONS:
        return True
    # Initials and dotted abbreviations: "J.", "U.S", "a.m".
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))


# How much of the text before a boundary decides whether it ends in an abbreviation: the last
# word with its stop and closing marks. Only this tail is read, so a line of ten thousand "Mr."
# costs linear time, not quadratic.
_TAIL = 80


_DAY_NUMBER_END = re.compile(r"(?<![\d.,])\d{1,2}$")


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS,
                    months: Optional[re.Pattern[str]] = None) -> list[Sentence]:
    """Sentences of at most ``max_chars`` characters; a longer one is read in pieces (cut at a
    space where there is one), so every extractor works on bounded text. ``months`` matches the
    month names of the article's language: "am 18. März" is a date, not a sentence's end."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _BOUNDARY.finditer(line):
            if _ends_with_abbreviation(_tail(line, start, match.start()) + line[match.start():match.end()].rstrip()):
                continue
            if months is not None and _DAY_NUMBER_END.search(line, max(start, match.start() - 3), match.start()) \
                    and months.match(line, match.end()):
                continue
            _add(sentences, line, offset, start, match.end(), max_chars)
            start = match.end()
        _add(sentences, line, offset, start, len(line), max_chars)
        offset += len(line) + 1
    return sentences


def _tail(line: str, start: int, end: int) -> str:
    """The last word of ``line[start:end]`` (at most ``_TAIL`` characters; a longer word is no
    abbreviation, and neither is the end of one, so it becomes a space)."""
    low = max(start, end - _TAIL)
    if low > start and not line[low - 1].isspace():
        space = next((i for i in range(low, end) if line[i].isspace()), None)
        if space is None:
            return " "
        low = space
    return line[low:end]


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int, max_chars: int) -> None:
    while start < end:
        stop = end
        if end - start > max_chars:
            cut = line.rfind(" ", start + max_chars // 2, start + max_chars)
            stop = cut + 1 if cut >= 0 else start + max_chars
        _add_one(out, line, offset, start, stop)
        start = stop


def _add_one(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = offset + start + lead
    out.append(Sentence(len(out), begin, begin + len(stripped), stripped))
