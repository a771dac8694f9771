"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses, so a stage can be tested on its own
and nothing below the CLI needs to know how the data will be shown.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass(frozen=True)
class InputError:
    """A problem with one input file (or one line of a rule/config file)."""

    path: str
    reason: str
    line: Optional[int] = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Article:
    """One article as read from disk, with a map back to the lines of its file.

    ``text`` is the text the checker reads. ``line_numbers[i]`` is the 1-based line of the file
    that holds line ``i`` of ``text`` and ``column_offsets[i]`` the 0-based column of the file at
    which that line starts, so every character cited can be shown where the user will find it.
    """

    id: str
    path: str
    text: str
    line_numbers: tuple[int, ...]
    column_offsets: tuple[int, ...]
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    published_from: str = "none"
    language: str = "en"
    # Weekdays the article mentions in the past tense without a date ("by midday on Monday"):
    # clues for inferring a missing publication date from the rest of the cluster.
    weekday_clues: tuple[int, ...] = ()
    # Inline suppressions read from the source (<!-- consistency: ignore DATE001 -- why -->):
    # (rule code or "*", 1-based file line of the comment, reason).
    suppressions: tuple[tuple[str, int, str], ...] = ()

    @property
    def words(self) -> int:
        return len(self.text.split())

    def line_starts(self) -> list[int]:
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        return starts

    def locate(self, offset: int, starts: Optional[list[int]] = None) -> tuple[int, int]:
        """(file line, file column), both 1-based, of a character offset into ``text``."""
        starts = starts if starts is not None else self.line_starts()
        index = bisect.bisect_right(starts, offset) - 1
        index = max(0, min(index, len(self.line_numbers) - 1))
        column = offset - starts[index] + self.column_offsets[index] + 1
        return self.line_numbers[index], column


@dataclass(frozen=True)
class Interval:
    """A closed or half-open interval of numbers; ``None`` is unbounded.

    Dates are day ordinals (``date.toordinal()``), clock times are UTC epoch seconds, durations are
    days, quantities are in their unit. ``overlaps`` is the compatibility test every check uses.
    """

    low: Optional[float]
    high: Optional[float]
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: "Interval") -> bool:
        return _below(self, other) and _below(other, self)

    @property
    def width(self) -> float:
        if self.low is None or self.high is None:
            return float("inf")
        return self.high - self.low


def _below(a: Interval, b: Interval) -> bool:
    """True when ``a`` starts no later than ``b`` ends (so they can meet there)."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and not a.low_open and not b.high_open


@dataclass(frozen=True)
class Mention:
    """One assertion found in an article: a row of ``consistency extract``.

    ``value`` is the normalized value as shown to people (``2024-03-12``, ``~1 year``, ``100%``,
    ``Ana Berg``); ``interval`` is what checks compare. The subject hints (trigger, participants,
    counted noun, modifiers, place) are what linking groups on.
    """

    article: str
    path: str
    line: int
    column: int
    start: int
    end: int
    sentence_index: int
    sentence: str
    kind: str
    raw: str
    value: str
    interval: Optional[Interval] = None
    grain: str = ""
    unit: str = ""
    hedge: str = ""
    modality: str = "reported"
    trigger: str = ""
    trigger_class: str = ""
    participants: tuple[str, ...] = ()
    counted: str = ""
    modifiers: tuple[str, ...] = ()
    speaker: str = ""
    entity: str = ""
    role: str = ""
    country: str = ""
    in_quote: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=())
    sentence_start: int = 0  # offset of ``sentence`` in the article text: start - sentence_start is local

    @property
    def local_start(self) -> int:
        return self.start - self.sentence_start

    @property
    def local_end(self) -> int:
        return self.end - self.sentence_start


@dataclass(frozen=True)
class Evidence:
    article: str  # path as given on the command line
    article_id: str
    published: Optional[date]
    line: int
    column: int
    text: str
    value: str
    side: int
    sentence: str = ""


@dataclass(frozen=True)
class Finding:
    id: str
    rule: str
    name: str
    level: str
    relation: str
    kind: str
    subject: str
    message: str
    evidence: tuple[Evidence, ...]
    notes: tuple[str, ...] = ()
    diff: str = ""


@dataclass(frozen=True)
class Agreement:
    """A group of linked assertions that were checked and agree: shown so editors see coverage."""

    kind: str
    subject: str
    value: str
    sources: int
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class RuleExample:
    """A pass/fail example of a rule: short made-up articles and whether the rule must fire."""

    articles: tuple[tuple[str, str], ...]  # (file name, text)
    expect: str  # "finding" or "none"
    relation: str = "conflict"


@dataclass(frozen=True)
class Rule:
    """A rule as read from its YAML file under rules/."""

    code: str
    name: str
    level: str
    kind: str
    check: str
    message: str
    rationale: str
    subject: str = ""
    params: tuple[tuple[str, object], ...] = ()
    examples: tuple[RuleExample, ...] = ()
    path: str = ""

    def param(self, key: str, default: object = None) -> object:
        return dict(self.params).get(key, default)
