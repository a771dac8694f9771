"""Parts of a named day: when a happening of one instant took place, to within hours.

"Late Sunday", "la madrugada del domingo" and "dans la nuit de dimanche à lundi" each say when
in the week, in local time, a quake struck. They are read as a span of the week (seconds from
Monday 00:00, running on into the next week), so the rule compares them on a week's cycle. The
forms and the weekday names of every language read are data; a part said in another zone
("Sunday evening ET") or of a status ("until late Sunday") is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping, Optional, Sequence

from ..models import Interval, Mention
from ..vocab import DayPartVocabulary
from .spans import mention_at

HOUR = 3600
WEEK_SECONDS = 7 * 24 * HOUR


@dataclass(frozen=True)
class DayPartReader:
    """The day-part forms compiled with the weekday names of every language read."""

    patterns: tuple[tuple[re.Pattern[str], float, float], ...]
    days: Mapping[str, int]  # lower-case weekday name -> Monday = 0
    names: tuple[str, ...]  # the first name listed for each day, for people
    zone_after: Optional[re.Pattern[str]]
    instant: frozenset[str]
    instant_word: Optional[re.Pattern[str]]  # any of ``instant``, to pass over a sentence at once
    verbs: Optional[re.Pattern[str]]
    other_verbs: Optional[re.Pattern[str]]
    verb_reach: int


def daypart_reader(forms: DayPartVocabulary, weekdays: Mapping[str, int]) -> Optional[DayPartReader]:
    """``weekdays``: weekday names (any language, English first) to day numbers, Monday = 0."""
    if not forms.forms or not weekdays:
        return None
    days = {w.lower(): d for w, d in weekdays.items()}
    alternation = "|".join(re.escape(w) for w in sorted(days, key=lambda w: (-len(w), w)))
    patterns = tuple((re.compile(form.replace("{day}", f"(?P<day>{alternation})")
                                 .replace("{next}", f"(?P<next>{alternation})"), re.IGNORECASE), low, high)
                     for form, low, high in forms.forms)
    names = tuple(next((w.capitalize() for w, d in days.items() if d == day), str(day)) for day in range(7))
    instant = "|".join(re.escape(w) for w in sorted(forms.instant, key=lambda w: (-len(w), w)))
    return DayPartReader(patterns, days, names, forms.zone_after, forms.instant,
                         re.compile(rf"(?<!\w)(?:{instant})(?!\w)", re.IGNORECASE) if instant else None,
                         forms.verbs, forms.other_verbs, forms.verb_reach)


def _near_the_verb(text: str, start: int, end: int, reader: DayPartReader) -> bool:
    """Whether the part of a day at ``start:end`` tells when the happening's own verb happened:
    a verb of it within reach, no other verb between, none right before the part."""
    if reader.verbs is None:
        return True
    others = reader.other_verbs
    if others is not None and others.search(" ".join(text[:start].split()[-2:])):
        return False  # "officials said late Sunday"
    for verb in reader.verbs.finditer(text):
        between = text[verb.end():start] if verb.end() <= start else text[end:verb.start()]
        if verb.start() < end and verb.end() > start:
            continue
        if len(between.split()) <= reader.verb_reach and not (others is not None and others.search(between)):
            return True
    return False


def _clock(hours: float) -> str:
    minutes = round(hours * 60) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def read_dayparts(sentence: Sequence[Mention], reader: DayPartReader,
                  status_before: Sequence[re.Pattern[str]]) -> list[Mention]:
    """Every part of a named day the sentence gives, as a "time" mention spanning hours of the week."""
    text = sentence[0].sentence
    taken: list[tuple[int, int]] = []
    out = []
    for pattern, low, high in reader.patterns:  # in the order listed: a span goes to the first form
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            groups = match.groupdict()
            day = reader.days.get((groups.get("day") or "").lower())
            following = reader.days.get((groups.get("next") or "").lower())
            if day is None and following is None:
                continue
            if day is None:
                day = (following - 1) % 7  # "in der Nacht zum Montag": the night ending on Monday
            elif following is not None and following != (day + 1) % 7:
                continue  # "from Sunday to Tuesday night" is no one night
            if reader.zone_after is not None and reader.zone_after.match(text[match.end():match.end() + 40]):
                continue
            before = text[max(0, match.start() - 40):match.start()]
            if any(p.search(before) for p in status_before):
                continue
            if not _near_the_verb(text, match.start(), match.end(), reader):
                continue
            taken.append((match.start(), match.end()))
            start = (day * 24 + low) * HOUR
            value = f"{reader.names[day]} {_clock(low)} to {_clock(high)}"
            m = mention_at(sentence, match.start(), match.end(), "time", match.group(0))
            out.append(replace(m, value=value, grain="daypart",
                               interval=Interval(start, start + (high - low) * HOUR)))
    return sorted(out, key=lambda m: m.start)
