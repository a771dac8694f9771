"""Split article text into sentences, keeping offsets.

Lines are split first: headlines, captions and datelines carry no final stop, and a sentence
never spans a line break in the exports we read. Within a line a small rule set splits on
sentence punctuation, except after abbreviations and initials ("U.S.", "Nov. 1", "Mr. Li").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a period without ending a sentence. Lower-cased, without the period.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm st jr sr inc corp co ltd plc "
    "vs etc no nos fig approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun a.m p.m u.s u.k u.n e.u d.c".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


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


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _BOUNDARY.finditer(line):
            candidate = line[start:match.end()]
            if _ends_with_abbreviation(candidate.rstrip()):
                continue
            _add(sentences, line, offset, start, match.end())
            start = match.end()
        _add(sentences, line, offset, start, len(line))
        offset += len(line) + 1
    return sentences


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = offset + start + lead
    out.append(Sentence(len(out), begin, begin + len(stripped), stripped))
