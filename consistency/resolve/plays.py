"""A batter's home run in the story's game: the runs it scored and the inning it came in.

"Smith's solo homer in the top of the 11th" and "Will Smith bateó un jonrón de dos carreras en
el noveno" cannot both describe one play. Each word of a home run in a clause is a play; its
batter is the person named last before it (a name after "off", "ante" is the pitcher), else the
one named right after it ("un jonrón de NAME"); its runs and its inning are the forms next to it
that no other play of the clause stands between. The forms are data (``plays`` in
rules/vocab/slots.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ..models import Interval, Mention
from ..vocab import PlayVocabulary
from .spans import mention_at

_BATTER_AFTER = re.compile(r"^\s+(?:de|by|del|d[’'])\s*$", re.IGNORECASE)  # "un jonrón de NAME"
AFTER_WINDOW = 60  # characters after the play's word its runs and inning are looked for in


@dataclass(frozen=True)
class PlayValue:
    mention: Mention  # the words that give the value, as a "number" mention
    batter: str  # entity id
    attribute: str  # "runs of the home run" or "inning of the home run"


def multiple_players(sentence: Sequence[Mention], forms: PlayVocabulary,
                     people: Sequence[tuple[int, int, str]]) -> set[str]:
    """The people a sentence credits with more than one home run ("homered twice")."""
    text = sentence[0].sentence if sentence else ""
    if forms.multiple is None or not forms.multiple.search(text):
        return set()
    return {who for _, _, who in people}


def play_values(sentence: Sequence[Mention], forms: PlayVocabulary, people: Sequence[tuple[int, int, str]],
                clause: tuple[int, int]) -> list[PlayValue]:
    """The runs and innings of the home runs one clause of a sentence tells (``people``: where
    the sentence names whom, as (start, end, entity))."""
    if forms.word is None or not sentence:
        return []
    text = sentence[0].sentence
    low, high = clause
    if forms.conceded is not None and forms.conceded.search(text, low, high):
        return []  # "gave up a homer to X": the pitcher's side, with its own batter to find
    words = list(forms.word.finditer(text, low, high))
    out: list[PlayValue] = []
    for index, word in enumerate(words):
        start = words[index - 1].end() if index else low
        stop = words[index + 1].start() if index + 1 < len(words) else high
        batter = _batter(text, word, start, stop, people, forms)
        if not batter:
            continue
        runs = _runs(text, word, start, stop, forms)
        if runs is not None:  # shown with the play's word: "solo home run", "jonrón de tres carreras"
            begin, end, number = runs
            out.append(PlayValue(_value(sentence, min(begin, word.start()), max(end, word.end()), number),
                                 batter, "runs of the home run"))
        inning = _inning(text, start, stop, word, forms)
        if inning is not None:
            out.append(PlayValue(_value(sentence, *inning), batter, "inning of the home run"))
    return out


def _value(sentence: Sequence[Mention], begin: int, end: int, number: int) -> Mention:
    m = mention_at(sentence, begin, end, "number", sentence[0].sentence[begin:end])
    return replace(m, value=str(number), interval=Interval(number, number))


def _batter(text: str, word: re.Match[str], start: int, stop: int, people: Sequence[tuple[int, int, str]],
            forms: PlayVocabulary) -> str:
    before = [(s, e, who) for s, e, who in people if start <= s and e <= word.start()
              and not (forms.against and forms.against.search(text[max(0, s - 12):s]))]
    if before:
        return before[-1][2]
    after = [(s, who) for s, e, who in people if word.end() <= s < min(stop, word.end() + AFTER_WINDOW)]
    for s, who in after[:1]:
        gap = text[word.end():s]
        # "un jonrón de tres carreras de NAME": the runs words may stand between
        if _BATTER_AFTER.search(gap):
            return who
    return ""


def _runs(text: str, word: re.Match[str], start: int, stop: int,
          forms: PlayVocabulary) -> Optional[tuple[int, int, int]]:
    found = set()
    lead = text[max(start, word.start() - 30):word.start()]
    for number, pattern in forms.runs_before:
        match = pattern.search(lead)
        if match:
            found.add((word.start() - len(lead) + match.start(), word.start(), number))
    tail = text[word.end():min(stop, word.end() + AFTER_WINDOW)]
    for number, pattern in forms.runs_after:
        match = pattern.match(tail)
        if match:
            found.add((word.end() + match.start(), word.end() + match.end(), number))
    if len({n for _, _, n in found}) != 1:
        return None  # none, or two that disagree within one play
    begin, end, number = min(found)
    return begin + len(text[begin:end]) - len(text[begin:end].lstrip()), end, number


def _inning(text: str, start: int, stop: int, word: re.Match[str],
            forms: PlayVocabulary) -> Optional[tuple[int, int, int]]:
    found = []
    for pattern in forms.periods:
        for match in pattern.finditer(text, start, stop):
            number = _period_number(match, forms)
            if number is not None:
                found.append((match.start(), match.end(), number))
    if len({n for _, _, n in found}) != 1:
        return None  # none, or a clause of two innings: which is the play's is not said
    return min(found, key=lambda f: abs(f[0] - word.start()))


def _period_number(match: re.Match[str], forms: PlayVocabulary) -> Optional[int]:
    groups = match.groupdict()
    if groups.get("n"):
        return int(groups["n"])
    word = (groups.get("o") or "").lower()
    if word in forms.ordinals:
        return forms.ordinals[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None
