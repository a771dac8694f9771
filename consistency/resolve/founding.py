"""An organisation's founding: the date and the place a sentence says it was founded.

"Founded in January 2020 by ..., Orvane grew" and "Fundada en marzo de 2020, Orvane ..." cannot
both be right: a founding is one fixed fact of an organisation's history. The forms are data
(``founding`` in rules/vocab/slots.yaml) and name the organisation three ways: after an opening
phrase, in apposition before the cue, or as the subject of a passive. A sentence that names no
organisation in one of these forms binds nothing, and a person is never taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..models import Mention
from ..normalize.places import Gazetteer
from ..normalize.text import fold
from ..vocab import FoundingVocabulary
from .spans import mention_at

_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")  # an absolute date: "five years ago" is no founding date
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True)
class Founding:
    """A value of an organisation's founding: its date or its place."""

    mention: Mention
    organisation: str  # as the sentence names it, accents folded
    attribute: str  # "founding date" or "founding place"


def founding_values(sentence: Sequence[Mention], forms: FoundingVocabulary, people: Sequence[tuple[int, int]],
                    gazetteer: Optional[Gazetteer]) -> list[Founding]:
    """The founding dates and places one sentence gives (``people``: where it names persons)."""
    if forms.cue is None or not sentence:
        return []
    text = sentence[0].sentence
    out: list[Founding] = []
    for cue in forms.cue.finditer(text):
        if re.match(r"\s+[A-ZÀ-Þ]", text[cue.end():]):
            continue  # "founded Orvane in 2020": someone founding it, not its founding
        end_match = forms.phrase_end.search(text, cue.end()) if forms.phrase_end else None
        end = end_match.start() if end_match else len(text)
        holder = _holder(text, cue, end, forms, people)
        if not holder:
            continue
        dates = [m for m in sentence if m.kind == "date" and cue.end() <= m.local_start < end
                 and m.interval is not None and _YEAR.search(m.raw)
                 and m.modality not in ("speculative", "denied")]
        if len(dates) == 1:
            out.append(Founding(dates[0], holder, "founding date"))
        place = _place(sentence, text, cue.end(), end, forms, gazetteer)
        if place is not None:
            out.append(Founding(place, holder, "founding place"))
    return out


def _is_person(start: int, end: int, people: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in people)


def _clean(name: str) -> str:
    return fold(_POSSESSIVE.sub("", name.strip()))


def _holder(text: str, cue: re.Match[str], end: int, forms: FoundingVocabulary,
            people: Sequence[tuple[int, int]]) -> str:
    before = text[:cue.start()]
    # "NAME was founded", "NAME, founded in": no person is founded, so a name the model took
    # for a person's ("Kelda Labs") is the organisation all the same.
    for form in (forms.passive, forms.apposition):
        found = form.search(before) if form else None
        if found:
            return _clean(found.group(1))
    # "Founded in 2020 by three friends, Orvane grew ...": the subject after the opening phrase.
    if forms.opener and forms.opener.match(before) and forms.holder_after:
        for found in forms.holder_after.finditer(text, end):
            if not _is_person(found.start(1), found.end(1), people):
                return _clean(found.group(1))
            # a founder listed before the subject ("by Ana Berg, Orvane grew") is skipped
    return ""


def _place(sentence: Sequence[Mention], text: str, low: int, high: int, forms: FoundingVocabulary,
           gazetteer: Optional[Gazetteer]) -> Optional[Mention]:
    """The one place the founding phrase names ("in Lisbon", "en Nueva York"), by the gazetteer."""
    if forms.place is None or gazetteer is None:
        return None
    found = []
    for match in forms.place.finditer(text, low, high):
        name = match.group(1).rstrip(".")
        place = gazetteer.lookup(name)
        if place is not None:
            found.append((match.start(1), match.start(1) + len(name), place.name))
    if len(found) != 1:
        return None
    start, stop, _ = found[0]
    return mention_at(sentence, start, stop, "location", text[start:stop])
