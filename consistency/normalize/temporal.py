"""Find and normalize dates and clock times in one sentence.

Why not ``dateparser.search.search_dates``: on real news text it reads "we" as Wednesday, the verb
"may" as May, "20%" as a day, durations ("six months") as dates, an abbreviated month with a
period as the wrong day, and it loses the link between the two ends of a range. So candidates
are found with precompiled regexes that only fire on shapes a date can have (a capitalised month
name next to a day number, a weekday name, a small set of relative phrases, a clock time with a
zone), and each candidate is normalized with plain calendar arithmetic: deterministic, fast, and
it keeps the grain.

Every span gets an :class:`~consistency.models.Interval`: dates as inclusive day ordinals
(``date.toordinal()``), clock times as UTC epoch seconds. Hedges ("after", "by", "about",
"early" ...) widen, narrow or open the interval so that checks can compare with ``overlaps``.

Weekdays are resolved against the article's publication date by the tense of the words around
them ("will vote on Thursday" looks forward, "landed on Sunday" looks back).

The English words (month and weekday names, relative words, tense cues, prefixes, clock words,
time-zone tables) are data, ``rules/vocab/lang/en.yaml``, read once at import by
:mod:`consistency.normalize.english`; :func:`load_vocabulary` can replace the cue words and
extend the zone tables from another YAML file.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Optional, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from consistency.models import Interval
from consistency.normalize.english import english_words

# The English words (rules/vocab/lang/en.yaml); the regexes below put them in their shapes.
_EN = english_words()

__all__ = [
    "TemporalSpan",
    "TemporalVocabulary",
    "DEFAULT_VOCABULARY",
    "find_temporal",
    "load_vocabulary",
]


@dataclass(frozen=True)
class TemporalSpan:
    """One date or clock time found in a sentence, with its normalized value."""

    start: int  # offset in the sentence
    end: int
    raw: str  # exactly sentence[start:end]
    kind: str  # "date" or "time"
    value: str  # "2024-03-14", "a/b", "2024-05", "2017", "> 2024-04-10", "2024-03-14T02:00Z"
    interval: Interval  # day ordinals (inclusive) for dates, UTC epoch seconds for times
    grain: str  # day, week, month, year, range, minute, relative
    hedge: str  # "", after, before, by, until, since, about, early, mid, late


# --------------------------------------------------------------------------------------------
# Vocabulary (data the caller may override from YAML)

_DEFAULT_FUTURE_CUES = _EN["future_cues"]
_DEFAULT_PAST_CUES = _EN["past_cues"]
# Words ending in -ed that are not past-tense verbs (or are, but point forward).
_DEFAULT_NOT_PAST_ED = _EN["not_past_ed"]

# Abbreviation -> IANA zone name (DST-aware, for the generic "ET"/"PT") or a fixed "+HH:MM"
# offset (the abbreviation already says whether summer time applies).
_DEFAULT_ZONE_ABBREVIATIONS: Mapping[str, str] = _EN["zone_abbreviations"]
# "<Name> time" -> IANA zone: capitals, financial centres and the usual named zones.
_DEFAULT_ZONE_NAMES: Mapping[str, str] = _EN["zone_names"]

_MONTHS = MappingProxyType({**_EN["months"], **_EN["month_abbreviations"]})
_WEEKDAYS = _EN["weekdays"]
_WEEKDAY_ABBR = _EN["weekday_abbreviations"]
# last/next/this: how many weeks, months or years from the current one
_REL_STEP = _EN["relative_words"]
# "coming": before a weekday only
_WD_REL_STEP = MappingProxyType({**_REL_STEP, **_EN["weekday_relative_words"]})
_RELATIVE_DAYS = _EN["relative_days"]
_CLOCK_WORDS = _EN["clock_words"]

def _cased(words: Iterable[str]) -> str:
    """Alternation of Title- and UPPER-case forms, longest first.

    Month and weekday names are matched case-sensitively: lowercase "may", "march", "sat" and
    "sun" are verbs or nouns, never dates.
    """
    forms: set[str] = set()
    for word in words:
        forms.add(word[:1].upper() + word[1:].lower())
        forms.add(word.upper())
    return "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


def _any_case(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _phrases(words: Iterable[str]) -> str:
    """Alternation, longest first, with any run of spaces between the words of a phrase."""
    return "|".join(r"\s+".join(re.escape(part) for part in w.split())
                    for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _lower_or_title(words: Iterable[str]) -> str:
    """"[Ll]ast": lower-case or capitalised (the words are lower-case, no two alike)."""
    return "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words)


def _upper(words: Iterable[str]) -> str:
    return "|".join(re.escape(w.upper()) for w in words)


def _title_or_upper(words: Iterable[str]) -> str:
    """"[Ll]ast|LAST": lower-case, capitalised or in capitals."""
    return f"{_lower_or_title(words)}|{_upper(words)}"


_MON = rf"(?:{_cased(_MONTHS)})"
_MON_FULL = rf"(?:{_cased(_EN['months'])})"
_WD_FULL = rf"(?:{_cased(_WEEKDAYS)})"
# A weekday written right before a date ("Thursday, Oct. 30") belongs to that date's span.
_WD_OPT = rf"(?:\b(?:{_cased(list(_WEEKDAYS) + list(_WEEKDAY_ABBR))})\.?,?\s+)?"
# The period of "1 Nov." belongs to the date only when a year follows; else it ends the sentence.
_ABBR_DOT = r"(?:\.(?=,?\s*[0-9]))?"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89][0-9][0-9]|2[0-2][0-9][0-9])"
_YEAR_TAIL = rf"(?:,?\s+(?P<{{g}}>{_YEAR})(?![0-9]|,[0-9]))?"
_LINK = rf"(?:\s*[-–—]\s*|\s+(?:{_phrases(_EN['date_range_links'])})\s+)"
# What must not follow a day number: it is then an amount, not a date.
_NOT_AMOUNT = r"(?!\s*(?:%|percent\b|per\s*cent\b|points?\b)|[.,][0-9]|[0-9])"


def _year_tail(group: str) -> str:
    return _YEAR_TAIL.format(g=group)


_RX_RANGE_MD_MD = re.compile(
    rf"{_WD_OPT}\b(?P<m1>{_MON})\.?\s+(?P<d1>{_DAY}){_year_tail('y1')}(?P<link>{_LINK})"
    rf"{_WD_OPT}\b(?P<m2>{_MON})\.?\s+(?P<d2>{_DAY}){_NOT_AMOUNT}{_year_tail('y2')}"
)
_RX_RANGE_MD_D = re.compile(
    rf"{_WD_OPT}\b(?P<m1>{_MON})\.?\s+(?P<d1>{_DAY})(?P<link>{_LINK})(?P<d2>{_DAY}){_NOT_AMOUNT}"
    rf"{_year_tail('y2')}"
)
_RX_RANGE_DM_DM = re.compile(
    rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON})\b\.?(?:,?\s+(?P<y1>{_YEAR})(?![0-9]))?"
    rf"(?P<link>{_LINK})(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MON})\b{_ABBR_DOT}{_year_tail('y2')}"
)
_RX_RANGE_D_DM = re.compile(
    rf"\b(?P<d1>{_DAY})(?P<link>{_LINK})(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MON})\b{_ABBR_DOT}"
    rf"{_year_tail('y2')}"
)
_RX_MDY = re.compile(
    rf"{_WD_OPT}\b(?P<m1>{_MON})\.?\s+(?P<d1>{_DAY}){_NOT_AMOUNT}{_year_tail('y1')}"
)
_RX_DMY = re.compile(
    rf"{_WD_OPT}\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON})\b{_ABBR_DOT}{_year_tail('y1')}"
)
_RX_ISO = re.compile(r"(?<![0-9-])(?P<y1>[0-9]{4})-(?P<m1>[01][0-9])-(?P<d1>[0-3][0-9])(?![0-9])")
_RX_MONTH_YEAR = re.compile(rf"\b(?P<m1>{_MON})\b\.?,?\s+(?P<y1>{_YEAR})(?![0-9]|,[0-9])")
# A bare month name needs a preposition or modifier in front (checked in code) or last/next/this.
_RX_MONTH = re.compile(
    rf"(?:\b(?P<rel>{_title_or_upper(_REL_STEP)})\s+)?"
    rf"\b(?P<m1>{_MON_FULL}|(?:{_MON})\.)(?![A-Za-z'’-])"
)
_RX_YEAR = re.compile(rf"(?<![0-9$€£¥.,-])\b(?P<y1>{_YEAR})\b(?![0-9%]|[.,][0-9]|-[0-9])")
_RX_WEEKDAY = re.compile(
    rf"(?:\b(?P<rel>{_lower_or_title(_WD_REL_STEP)}|{_upper(_REL_STEP)})\s+)?"
    rf"\b(?P<wd>{_WD_FULL})(?![A-Za-z])(?:(?:\s+of)?\s+(?P<wk>{_phrases(_REL_STEP)})\s+week\b)?"
)
_RX_RELATIVE = re.compile(
    r"\b(?:"
    r"(?P<lt>later|earlier)\s+this\s+(?P<ltu>week|month|year)"
    rf"|(?P<tnl>{_phrases(_REL_STEP)})\s+(?P<tnlu>week|month|year|weekend)"
    r"|(?P<coming>in\s+the\s+(?:coming|next\s+few)\s+days)"
    rf"|(?P<day>{_phrases(_RELATIVE_DAYS)})"
    r"|(?P<wkend>(?:(?:over|at|on|during)\s+)?the\s+weekend)"
    r")\b",
    re.IGNORECASE,
)

# Words that may stand before a date and change or introduce it; longest first so that
# "until after" wins over "until".
_PREFIX_PHRASES = _EN["date_prefixes"]
_TIME_PREFIX_PHRASES = _EN["time_prefixes"]
_RX_PREFIX = re.compile(
    rf"(?:\b(?:{_any_case(_PREFIX_PHRASES)})(?:\s+|-))+$", re.IGNORECASE
)
_RX_TIME_PREFIX = re.compile(
    rf"(?:\b(?:{_any_case(_TIME_PREFIX_PHRASES)})\s+)+$", re.IGNORECASE
)
# "moved from X to Y" is a change of date, not a range.
_RX_CHANGE_VERB = re.compile(
    rf"\b(?:{_phrases(_EN['change_verbs'])})\b[\w\s]{{0,30}}?$",
    re.IGNORECASE,
)
_RX_PREFIX_SPLIT = re.compile(r"[\s-]+")
_RX_FROM_END = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# After a bare year: a lowercase plural noun makes it a count ("in 2000 homes").
_RX_YEAR_FOLLOWER = re.compile(r"\s+([a-z]+)\b")
_YEAR_OK_FOLLOWERS = frozenset(_EN["year_followers"])
_UNIT_FOLLOWERS = frozenset(_EN["year_count_followers"])

# Clock times.
_RX_TIME_12 = re.compile(
    r"(?<![0-9.:,])\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5][0-9]))?\s*"
    r"(?P<ap>[AaPp])\.?\s?[Mm](?:\.|\b)"
)
_RX_TIME_24 = re.compile(r"(?<![0-9.:,])\b(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?![0-9:])")
_RX_TIME_MIL = re.compile(r"(?<![0-9.:,$])\b(?P<h>[01][0-9]|2[0-3])(?P<mi>[0-5][0-9])(?![0-9,.%])")
_RX_TIME_WORD = re.compile(rf"\b(?P<w>{_phrases(_CLOCK_WORDS)})\b", re.IGNORECASE)
_RX_OFFSET = re.compile(r"^([+-])([0-9]{1,2})(?::?([0-9]{2}))?$")

_RX_NAMED_DAY_BEFORE = re.compile(rf"\b(?:{_phrases(_EN['weekday_names_before'])})\s+$")
_RX_NAMED_DAY_AFTER = re.compile(rf"\s+(?:{_phrases(_EN['weekday_names_after'])})\b")

# Tokens for the tense window: words, and punctuation that ends a clause.
# A full stop after a lowercase word and before a capital ends the sentence ("a.m.", "Nov." and
# "U.S." do not); cue words beyond it say nothing about this date.
_RX_TOKEN = re.compile(
    r"[A-Za-z]+(?:['’][A-Za-z]+)?|[,;:()—–]|[!?]|(?<=[a-z]{3})\.(?=\s+[\"“‘']?[A-Z])"
)
_STOPS = frozenset(".!?")
_CLAUSE_PENALTY = 3  # a cue across a comma counts as this many words further away
_WINDOW_BEFORE = 8
_WINDOW_AFTER = 6


def _build_zone_regex(abbreviations: Mapping[str, str], names: Mapping[str, str]) -> re.Pattern:
    abbr = "|".join(re.escape(a) for a in sorted(abbreviations, key=lambda a: (-len(a), a)))
    name = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    parts = [
        rf"(?P<abbr>{abbr})(?P<off>[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?(?![A-Za-z0-9])",
        r"(?P<local>(?i:local\s+time))\b",
    ]
    if name:
        parts.append(rf"(?P<name>{name})\s+(?i:(?:standard\s+|daylight\s+)?time)\b")
    return re.compile(r"\s*(?:" + "|".join(parts) + ")")


@dataclass(frozen=True)
class TemporalVocabulary:
    """Cue words for weekday tense and time-zone tables; compiled once when built."""

    future_cues: frozenset[str] = frozenset(_DEFAULT_FUTURE_CUES)
    past_cues: frozenset[str] = frozenset(_DEFAULT_PAST_CUES)
    not_past_ed: frozenset[str] = frozenset(_DEFAULT_NOT_PAST_ED)
    zone_abbreviations: Mapping[str, str] = field(
        default_factory=lambda: dict(_DEFAULT_ZONE_ABBREVIATIONS), hash=False
    )
    zone_names: Mapping[str, str] = field(
        default_factory=lambda: dict(_DEFAULT_ZONE_NAMES), hash=False
    )
    zone_regex: re.Pattern = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Built here so a vocabulary costs one regex compile, not one per sentence.
        object.__setattr__(
            self, "zone_regex", _build_zone_regex(self.zone_abbreviations, self.zone_names)
        )


DEFAULT_VOCABULARY = TemporalVocabulary()

_VOCAB_KEYS = {"future_cues", "past_cues", "not_past_ed", "zone_abbreviations", "zone_names"}


def load_vocabulary(path: Union[str, Path], base: TemporalVocabulary = DEFAULT_VOCABULARY
                    ) -> TemporalVocabulary:
    """Read a YAML vocabulary; lists replace, mappings extend the defaults in ``base``.

    Keys: ``future_cues``, ``past_cues``, ``not_past_ed`` (lists of lowercase words),
    ``zone_abbreviations`` and ``zone_names`` (mappings to an IANA zone or a ``+HH:MM`` offset).
    Unknown keys raise ``ValueError`` naming the file.
    """
    import yaml  # only needed when a vocabulary file is given

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a temporal vocabulary must be a mapping")
    unknown = sorted(set(data) - _VOCAB_KEYS)
    if unknown:
        raise ValueError(f"{path}: unknown key(s) {', '.join(map(str, unknown))}")
    kwargs: dict = {}
    for key in ("future_cues", "past_cues", "not_past_ed"):
        if key in data:
            kwargs[key] = frozenset(str(w).lower() for w in data[key] or ())
    for key in ("zone_abbreviations", "zone_names"):
        if key in data:
            merged = dict(getattr(base, key))
            merged.update({str(k): str(v) for k, v in (data[key] or {}).items()})
            kwargs[key] = merged
    return TemporalVocabulary(
        future_cues=kwargs.get("future_cues", base.future_cues),
        past_cues=kwargs.get("past_cues", base.past_cues),
        not_past_ed=kwargs.get("not_past_ed", base.not_past_ed),
        zone_abbreviations=kwargs.get("zone_abbreviations", base.zone_abbreviations),
        zone_names=kwargs.get("zone_names", base.zone_names),
    )


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day_of(text: str) -> int:
    return int(re.match(r"[0-9]+", text).group())  # type: ignore[union-attr]


def _month_of(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _closest_year(month: int, day: int, reference: date) -> Optional[date]:
    """The year that puts a year-less month-day closest to the reference (tie: the past)."""
    best: Optional[date] = None
    best_gap = 0
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        gap = abs(candidate.toordinal() - reference.toordinal())
        if best is None or gap < best_gap or (gap == best_gap and candidate < reference):
            best, best_gap = candidate, gap
    return best


def _closest_month_year(month: int, reference: date) -> int:
    # Closest month to the reference; six months either way is a tie, which goes to the past.
    diff = month - reference.month  # within -11..11
    if diff >= 6:
        return reference.year - 1
    if diff < -6:
        return reference.year + 1
    return reference.year


def _bare_month_year(month: int, reference: date, step: Optional[int], tense: str) -> int:
    """The year of a month named without one: "last March" (step -1), "next March" (+1), "this
    March" (0); with no such word, the sentence's tense ("would close in December" said in May
    looks forward, "began in December" back), else the closest."""
    if step is not None:
        if step < 0:
            return reference.year if month < reference.month else reference.year - 1
        if step > 0:
            return reference.year if month > reference.month else reference.year + 1
        return reference.year
    if tense == "future":
        return reference.year if month >= reference.month else reference.year + 1
    if tense == "past":
        return reference.year if month <= reference.month else reference.year - 1
    return _closest_month_year(month, reference)


def _iso(d: date) -> str:
    return d.isoformat()


# --------------------------------------------------------------------------------------------
# Candidates


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    lo: date
    hi: date
    grain: str
    value: str
    # Month/year spans need a preposition or modifier in front to count as dates.
    needs_prefix: bool = False
    # "between X and Y" ranges need "between" in front.
    needs_between: bool = False
    # "moved from X to Y": drop the range when a change verb comes before it.
    is_range: bool = False


def _range_value(lo: date, hi: date) -> str:
    return _iso(lo) if lo == hi else f"{_iso(lo)}/{_iso(hi)}"


def _make_range(m1: int, d1: int, y1: Optional[int], m2: int, d2: int, y2: Optional[int],
                reference: Optional[date]) -> Optional[tuple[date, date]]:
    if y1 is not None and y2 is not None:
        lo, hi = date(y1, m1, d1), date(y2, m2, d2)
    elif y2 is not None:
        hi = date(y2, m2, d2)
        lo = date(y2, m1, d1)
        if lo > hi:
            lo = date(y2 - 1, m1, d1)
    elif y1 is not None:
        lo = date(y1, m1, d1)
        hi = date(y1, m2, d2)
        if hi < lo:
            hi = date(y1 + 1, m2, d2)
    else:
        if reference is None:
            return None
        first = _closest_year(m1, d1, reference)
        if first is None:
            return None
        lo = first
        hi = date(lo.year, m2, d2)
        if hi < lo:
            hi = date(lo.year + 1, m2, d2)
    if hi < lo or (hi - lo).days > 62:  # a long gap means two separate dates, not a range
        return None
    return lo, hi


def _opt_int(text: Optional[str]) -> Optional[int]:
    return int(text) if text else None


def _overlapping(rx: re.Pattern, text: str) -> Iterable[re.Match]:
    """All matches, including ones that overlap: a rejected "3 May and 5 June" must not hide
    the "5 June to 7 June" that follows it."""
    pos = 0
    while True:
        m = rx.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def _range_candidates(sentence: str, reference: Optional[date]) -> Iterable[_Cand]:
    for rx in (_RX_RANGE_MD_MD, _RX_RANGE_MD_D, _RX_RANGE_DM_DM, _RX_RANGE_D_DM):
        for m in _overlapping(rx, sentence):
            groups = m.groupdict()
            m2 = _month_of(groups["m2"]) if groups.get("m2") else None
            m1 = _month_of(groups["m1"]) if groups.get("m1") else m2
            if m2 is None:
                m2 = m1
            try:
                span = _make_range(
                    m1, _day_of(groups["d1"]), _opt_int(groups.get("y1")),
                    m2, _day_of(groups["d2"]), _opt_int(groups.get("y2")), reference,
                )
            except (ValueError, OverflowError):
                continue
            if span is None:
                continue
            lo, hi = span
            link = groups["link"].strip().lower()
            yield _Cand(m.start(), m.end(), lo, hi, "range", _range_value(lo, hi),
                        needs_between=(link == "and"), is_range=True)


def _single_candidates(sentence: str, reference: Optional[date],
                       vocab: TemporalVocabulary) -> Iterable[_Cand]:
    for rx in (_RX_MDY, _RX_DMY, _RX_ISO):
        for m in rx.finditer(sentence):
            try:
                month = _month_of(m["m1"]) if not m["m1"].isdigit() else int(m["m1"])
                day = _day_of(m["d1"])
                year = _opt_int(m["y1"])
                if year is not None:
                    when: Optional[date] = date(year, month, day)
                elif reference is not None:
                    when = _closest_year(month, day, reference)
                else:
                    when = None
            except (ValueError, OverflowError, KeyError):
                continue
            if when is None:
                continue
            yield _Cand(m.start(), m.end(), when, when, "day", _iso(when))

    for m in _RX_MONTH_YEAR.finditer(sentence):
        try:
            month, year = _month_of(m["m1"]), int(m["y1"])
            lo, hi = date(year, month, 1), _month_end(year, month)
        except (ValueError, OverflowError):
            continue
        yield _Cand(m.start(), m.end(), lo, hi, "month", f"{year:04d}-{month:02d}")

    for m in _RX_MONTH.finditer(sentence):
        if reference is None:
            continue
        word = m["m1"]
        if word.lower() == "may" and sentence[m.end():m.end() + 2] in ("'s", "’s"):
            continue  # "May's" is a name far more often than the month
        month = _month_of(word)
        rel = (m["rel"] or "").lower()
        try:
            step = _REL_STEP[rel] if rel else None
            year = _bare_month_year(month, reference, step,
                                    "" if rel else _tense(sentence, m.start(), m.end(), vocab))
            lo, hi = date(year, month, 1), _month_end(year, month)
        except (ValueError, OverflowError):
            continue
        yield _Cand(m.start(), m.end(), lo, hi, "month", f"{year:04d}-{month:02d}",
                    needs_prefix=not rel)

    for m in _RX_YEAR.finditer(sentence):
        if vocab.zone_regex.match(sentence, m.end()):
            continue  # "2100 GMT" is a clock time
        follower = _RX_YEAR_FOLLOWER.match(sentence, m.end())
        if follower:
            word = follower.group(1)
            if word in _UNIT_FOLLOWERS or (
                word.endswith("s") and len(word) > 3 and word not in _YEAR_OK_FOLLOWERS
            ):
                continue
        year = int(m["y1"])
        yield _Cand(m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), "year",
                    f"{year:04d}", needs_prefix=True)


def _relative_candidates(sentence: str, reference: Optional[date],
                         vocab: TemporalVocabulary) -> Iterable[_Cand]:
    if reference is None:
        return
    ref = reference
    for m in _RX_RELATIVE.finditer(sentence):
        try:
            cand = _relative_one(m, sentence, ref, vocab)
        except (ValueError, OverflowError):
            continue
        if cand is not None:
            yield cand


def _relative_one(m: re.Match, sentence: str, ref: date, vocab: TemporalVocabulary
                  ) -> Optional[_Cand]:
    one = timedelta(days=1)
    week_start = ref - timedelta(days=ref.weekday())
    week_end = week_start + timedelta(days=6)
    month_start = ref.replace(day=1)
    month_end = _month_end(ref.year, ref.month)

    def cand(lo: date, hi: date, grain: str, value: Optional[str] = None) -> Optional[_Cand]:
        if hi < lo:
            return None
        return _Cand(m.start(), m.end(), lo, hi, grain, value or _range_value(lo, hi))

    if m["lt"]:
        later = m["lt"].lower() == "later"
        unit = m["ltu"].lower()
        start, end = {
            "week": (week_start, week_end),
            "month": (month_start, month_end),
            "year": (date(ref.year, 1, 1), date(ref.year, 12, 31)),
        }[unit]
        return cand(ref + one, end, "relative") if later else cand(start, ref - one, "relative")
    if m["tnl"]:
        which = m["tnl"].lower()
        unit = m["tnlu"].lower()
        step = _REL_STEP[which]
        if unit == "week":
            lo = week_start + timedelta(days=7 * step)
            return cand(lo, lo + timedelta(days=6), "week")
        if unit == "weekend":
            lo = week_start + timedelta(days=5 + 7 * step)
            return cand(lo, lo + one, "relative")
        if unit == "month":
            index = ref.year * 12 + ref.month - 1 + step
            year, month = divmod(index, 12)
            month += 1
            return cand(date(year, month, 1), _month_end(year, month), "month",
                        f"{year:04d}-{month:02d}")
        year = ref.year + step
        return cand(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")
    if m["coming"]:
        return cand(ref + one, ref + timedelta(days=7), "relative")
    if m["day"]:
        day = ref + timedelta(days=_RELATIVE_DAYS[re.sub(r"\s+", " ", m["day"].lower())])
        return cand(day, day, "day")
    if m["wkend"]:
        tense = _tense(sentence, m.start(), m.end(), vocab)
        if tense == "future" or ref.weekday() >= 5:
            lo = week_start + timedelta(days=5)
        else:
            lo = week_start - timedelta(days=2)
        return cand(lo, lo + one, "relative")
    return None


def _tense(sentence: str, start: int, end: int, vocab: TemporalVocabulary) -> str:
    """"future", "past" or "" from the nearest cue word around a span.

    A few words either side are scanned outward; the closest cue wins (ties go to the words
    before, where English puts the verb). A cue across a comma or dash counts as further away,
    so "who landed on Sunday, will speak ..." keeps "landed" for Sunday.
    """
    # pos/endpos rather than slices, so look-behinds still see the words around the window.
    before = _RX_TOKEN.findall(sentence, max(0, start - 90), start)
    after = _RX_TOKEN.findall(sentence, end, end + 70)
    best: tuple[float, str] = (float("inf"), "")

    def scan(tokens: list[str], side_bias: float) -> None:
        nonlocal best
        distance = 0
        words = 0
        for i, tok in enumerate(tokens):
            if tok in _STOPS:
                break
            if not tok[0].isalpha():
                distance += _CLAUSE_PENALTY
                continue
            words += 1
            distance += 1
            if words > (_WINDOW_BEFORE if side_bias == 0 else _WINDOW_AFTER):
                break
            cue = _cue(tok, tokens, i, side_bias == 0, vocab)
            if cue and distance + side_bias < best[0]:
                best = (distance + side_bias, cue)
                break

    scan(list(reversed(before)), 0.0)
    scan(after, 0.5)
    return best[1]


def _cue(tok: str, tokens: list[str], i: int, reversed_side: bool,
         vocab: TemporalVocabulary) -> str:
    word = tok.lower().replace("’", "'")
    if tok[:1].isupper() and word in _MONTHS:
        return ""  # "(May 14)": the month, not the verb "may"
    if word.endswith("'ll"):
        return "future"
    if word == "to":
        # "to meet on Thursday": an infinitive points forward; "to Thursday" is a preposition.
        return "future" if reversed_side and i > 0 else ""
    if word in vocab.future_cues:
        return "future"
    if word in vocab.past_cues:
        return "past"
    if word.endswith("ing") and reversed_side and i + 1 < len(tokens):
        # "is meeting on Thursday": the present progressive is a plan.
        if tokens[i + 1].lower().replace("’", "'") in ("is", "are", "am", "'s", "'re"):
            return "future"
    if (word.endswith("ed") and len(word) > 4 and tok.islower()
            and word not in vocab.not_past_ed and not word.endswith("eed")):
        return "past"
    return ""


def _weekday_candidates(sentence: str, reference: Optional[date],
                        vocab: TemporalVocabulary) -> Iterable[_Cand]:
    if reference is None:
        return
    for m in _RX_WEEKDAY.finditer(sentence):
        if _RX_NAMED_DAY_BEFORE.search(sentence, max(0, m.start("wd") - 20), m.start("wd")) or \
                _RX_NAMED_DAY_AFTER.match(sentence, m.end("wd")):
            continue  # "Good Friday", "the Sunday Times": names, not this week's days
        target = _WEEKDAYS[m["wd"].lower()]
        rel = (m["rel"] or "").lower()
        ahead = (target - reference.weekday()) % 7  # 0..6 days forward
        back = (reference.weekday() - target) % 7  # 0..6 days back
        try:
            if m["wk"]:
                step = _REL_STEP[m["wk"].lower()]
                monday = reference - timedelta(days=reference.weekday())
                day = monday + timedelta(days=7 * step + target)
            elif rel and _WD_REL_STEP[rel] < 0:
                day = reference - timedelta(days=back or 7)
            elif rel and _WD_REL_STEP[rel] > 0:
                day = reference + timedelta(days=ahead or 7)
            elif rel:
                day = reference + timedelta(days=ahead)
            else:
                tense = _tense(sentence, m.start(), m.end(), vocab)
                if tense == "future":
                    day = reference + timedelta(days=ahead or 7)
                elif tense == "past":
                    day = reference - timedelta(days=back)
                elif back <= ahead:
                    day = reference - timedelta(days=back)
                else:
                    day = reference + timedelta(days=ahead)
        except (ValueError, OverflowError):
            continue
        yield _Cand(m.start(), m.end(), day, day, "day", _iso(day))


# --------------------------------------------------------------------------------------------
# Hedges


def _prefix(sentence: str, start: int, floor: int, rx: re.Pattern) -> tuple[int, list[str]]:
    """Start of the hedge/preposition words right before ``start`` and those words, lowercase."""
    window_start = max(floor, start - 48)
    m = rx.search(sentence, window_start, start)
    if not m or m.end() != start:
        return start, []
    words = _RX_PREFIX_SPLIT.split(sentence[m.start():start].lower())
    return m.start(), [w for w in words if w]


_HEDGE_ORDER = ("after", "before", "by", "until", "since", "about", "early", "mid", "late")


def _hedge_of(words: list[str]) -> tuple[str, bool]:
    """The strongest hedge in the prefix words and whether an open bound is inclusive."""
    text = " ".join(words)
    inclusive = "on or" in text or "no later" in text or "not later" in text
    found: set[str] = set()
    if "after" in words:
        found.add("after")
    if "before" in words:
        found.add("by" if "on or before" in text else "before")
    if "by" in words or "no later than" in text or "not later than" in text:
        found.add("by")
    if ("until" in words or "till" in words) and "after" not in words:
        found.add("until")
    if "since" in words:
        found.add("since")
    if found & {"after", "before", "by", "until", "since"} == set():
        if {"about", "around", "approximately", "roughly", "circa"} & set(words):
            found.add("about")
        if "early" in words or "beginning" in words or "start" in words:
            found.add("early")
        if "mid" in words or "middle" in words:
            found.add("mid")
        if "late" in words or "end" in words:
            found.add("late")
    elif "end" in words or "late" in words:
        found.add("late")  # "by the end of May": narrowed, then opened
    elif "early" in words or "beginning" in words or "start" in words:
        found.add("early")
    elif "mid" in words or "middle" in words:
        found.add("mid")
    hedges = [h for h in _HEDGE_ORDER if h in found]
    return (hedges[0] if hedges else ""), inclusive


def _narrow(lo: date, hi: date, grain: str, words: list[str]) -> tuple[date, date, bool]:
    """Apply early/mid/late to a month or year, generously (precision first: overlap wins)."""
    part = ""
    if "early" in words or "beginning" in words or "start" in words:
        part = "early"
    elif "mid" in words or "middle" in words:
        part = "mid"
    elif "late" in words or "end" in words:
        part = "late"
    if not part or grain not in ("month", "year"):
        return lo, hi, False
    if grain == "month":
        bounds = {"early": (1, 15), "mid": (8, 23), "late": (16, hi.day)}[part]
        return lo.replace(day=bounds[0]), lo.replace(day=bounds[1]), True
    months = {"early": (1, 6), "mid": (4, 9), "late": (7, 12)}[part]
    return (date(lo.year, months[0], 1), _month_end(lo.year, months[1]), True)


_ABOUT_PAD_DAYS = {"day": 3, "range": 3, "week": 3, "relative": 3, "month": 10, "year": 60}


def _finish_date(sentence: str, cand: _Cand, floor: int) -> Optional[TemporalSpan]:
    start, words = _prefix(sentence, cand.start, floor, _RX_PREFIX)
    return _finished(sentence, cand, start, words)


def _finished(sentence: str, cand: _Cand, start: int, words: list[str]) -> Optional[TemporalSpan]:
    """A candidate date with the words before it (English: "early", "by", "between"), which
    hedge and narrow it, from ``start``; None when it needs such words and has none."""
    if cand.needs_prefix and not words:
        return None
    if cand.needs_between and "between" not in words:
        return None
    if not words:
        lo_o, hi_o = cand.lo.toordinal(), cand.hi.toordinal()
        return TemporalSpan(cand.start, cand.end, sentence[cand.start:cand.end], "date",
                            cand.value, Interval(lo_o, hi_o), cand.grain, "")
    return _hedged_span(sentence, start, cand.end, cand.lo, cand.hi, cand.grain, cand.value, words)


def _hedged_instant(seconds: int, stamp: str, hedge: str, inclusive: bool = False) -> tuple[Interval, str, str]:
    """A clock time with its prefix's hedge ("after 9 a.m.", "about 10 p.m."): the interval, the
    value shown and the hedge kept (none for a plain time). Shared by every language's reader."""
    if hedge == "after":
        return Interval(seconds, None, low_open=not inclusive), f"{'>=' if inclusive else '>'} {stamp}", hedge
    if hedge == "before":
        return Interval(None, seconds, high_open=True), f"< {stamp}", hedge
    if hedge in ("by", "until"):
        return Interval(None, seconds), f"<= {stamp}", hedge
    if hedge == "about":
        return Interval(seconds - 1800, seconds + 1800), stamp, hedge
    return Interval(seconds, seconds), stamp, ""


def _hedged_span(sentence: str, start: int, end: int, lo: date, hi: date, grain: str, value: str,
                 words: list[str]) -> TemporalSpan:
    """A date with the prefix words before it ("after", "by", "about", "early"): the hedge
    widens or opens its interval and the narrowing word trims it. Shared by every language's
    reader, whose prefix words mean these English ones."""
    hedge, inclusive = _hedge_of(words)
    lo, hi, narrowed = _narrow(lo, hi, grain, words)
    lo_o, hi_o = lo.toordinal(), hi.toordinal()

    def bound(d: date) -> str:
        if grain in ("month", "year") and not narrowed:
            return value
        return _iso(d)

    shown = value
    if hedge == "after":
        interval = Interval(hi_o, None, low_open=not inclusive)
        shown = f"{'>=' if inclusive else '>'} {bound(hi)}"
    elif hedge == "before":
        interval = Interval(None, lo_o, high_open=True)
        shown = f"< {bound(lo)}"
    elif hedge in ("by", "until"):
        interval = Interval(None, hi_o)
        shown = f"<= {bound(hi)}"
    elif hedge == "about":
        pad = _ABOUT_PAD_DAYS.get(grain, 3)
        interval = Interval(lo_o - pad, hi_o + pad)
    else:
        interval = Interval(lo_o, hi_o)
    return TemporalSpan(start, end, sentence[start:end], "date", shown, interval, grain, hedge)


def _select(cands: list[_Cand], sentence: str) -> list[_Cand]:
    """Longest candidate first; drop ranges that are really a change of date."""
    kept: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if cand.is_range:
            head = sentence[max(0, cand.start - 50):cand.start]
            from_word = _RX_FROM_END.search(head)
            if from_word and _RX_CHANGE_VERB.search(head, 0, from_word.start()):
                continue
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


# --------------------------------------------------------------------------------------------
# Clock times


def _zone(spec: str) -> Optional[tzinfo]:
    m = _RX_OFFSET.match(spec)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        if minutes >= 24 * 60:
            return None
        return timezone(sign * timedelta(minutes=minutes))
    try:
        return ZoneInfo(spec)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _zone_after(sentence: str, pos: int, default_zone: Optional[str],
                vocab: TemporalVocabulary) -> tuple[int, Optional[tzinfo], bool]:
    """(end of the zone words, zone, whether any zone words were found)."""
    m = vocab.zone_regex.match(sentence, pos)
    if not m:
        return pos, None, False
    if m["abbr"]:
        base = _zone(vocab.zone_abbreviations[m["abbr"]])
        if m["off"] and base is not None and m["abbr"] in ("GMT", "UTC"):
            return m.end(), _zone(m["off"]), True
        return m.end(), base, True
    if m["local"]:
        return m.end(), (_zone(default_zone) if default_zone else None), True
    return m.end(), _zone(vocab.zone_names[m["name"]]), True


def _time_candidates(sentence: str) -> Iterable[tuple[int, int, int, int, bool]]:
    """(start, end, hour, minute, zone required) for each clock-time shape."""
    for m in _RX_TIME_12.finditer(sentence):
        hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        yield m.start(), m.end(), hour, int(m["mi"] or 0), False
    for m in _RX_TIME_24.finditer(sentence):
        yield m.start(), m.end(), int(m["h"]), int(m["mi"]), True
    for m in _RX_TIME_MIL.finditer(sentence):
        yield m.start(), m.end(), int(m["h"]), int(m["mi"]), True
    for m in _RX_TIME_WORD.finditer(sentence):
        yield m.start(), m.end(), _CLOCK_WORDS[re.sub(r"\s+", " ", m["w"].lower())], 0, True


def _find_times(sentence: str, dates: list[TemporalSpan], reference: Optional[date],
                default_zone: Optional[str], bare_times: bool,
                vocab: TemporalVocabulary) -> list[TemporalSpan]:
    taken = [(d.start, d.end) for d in dates]
    found: list[TemporalSpan] = []
    cands = sorted(_time_candidates(sentence), key=lambda c: (c[0], -(c[1] - c[0])))
    for start, core_end, hour, minute, zone_required in cands:
        end, zone, has_zone = _zone_after(sentence, core_end, default_zone, vocab)
        if not has_zone:
            if zone_required or not bare_times or not default_zone:
                continue
            zone = _zone(default_zone)
        if zone is None:
            continue
        if any(start < e and s < end for s, e in taken):
            continue
        day = _date_for_time(dates, start, reference)
        if day is None:
            continue
        try:
            local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
            instant = local.astimezone(timezone.utc)
            seconds = int(local.timestamp())
        except (ValueError, OverflowError, OSError):
            continue
        pstart, words = _prefix(sentence, start, max((e for s, e in taken if e <= start),
                                                     default=0), _RX_TIME_PREFIX)
        hedge, inclusive = _hedge_of(words) if words else ("", False)
        if hedge in ("early", "mid", "late"):
            hedge = ""
        stamp = instant.strftime("%Y-%m-%dT%H:%MZ")
        interval, value, hedge = _hedged_instant(seconds, stamp, hedge, inclusive)
        if not words:
            pstart = start
        found.append(TemporalSpan(pstart, end, sentence[pstart:end], "time", value, interval,
                                  "minute", hedge))
        taken.append((pstart, end))
    return found


def _date_for_time(dates: list[TemporalSpan], pos: int, reference: Optional[date]
                   ) -> Optional[date]:
    """The single day named nearest to the time in the sentence, else the reference date."""
    best: Optional[tuple[int, date]] = None
    for span in dates:
        iv = span.interval
        if span.hedge or iv.low is None or iv.low != iv.high:
            continue
        gap = span.start - pos if span.start >= pos else pos - span.end
        if best is None or gap < best[0]:
            best = (gap, date.fromordinal(int(iv.low)))
    if best is not None:
        return best[1]
    return reference


# --------------------------------------------------------------------------------------------
# Entry point


def find_temporal(sentence: str, reference: Optional[date], default_zone: Optional[str] = None,
                  *, vocabulary: Optional[TemporalVocabulary] = None,
                  bare_times: bool = False) -> list[TemporalSpan]:
    """Dates, date ranges, relative dates and zoned clock times in one sentence, in order.

    ``reference`` is the article's publication date: it supplies the year of "March 14", and
    resolves weekdays and relative phrases ("next week"); without it those are skipped and only
    spans with an explicit year are returned. ``default_zone`` (IANA name, from the dateline)
    is the zone of "11 a.m. local time"; with ``bare_times=True`` it is also used for times
    that name no zone at all ("at 10 a.m."), which are otherwise skipped as too ambiguous.
    """
    vocab = vocabulary or DEFAULT_VOCABULARY
    cands: list[_Cand] = []
    cands.extend(_range_candidates(sentence, reference))
    cands.extend(_single_candidates(sentence, reference, vocab))
    cands.extend(_relative_candidates(sentence, reference, vocab))
    cands.extend(_weekday_candidates(sentence, reference, vocab))
    # Month and year candidates without a prefix are not dates; drop them before they can
    # block a real date by overlapping it.
    dates: list[TemporalSpan] = []
    floor = 0
    for cand in _select(_viable(cands, sentence), sentence):
        try:
            span = _finish_date(sentence, cand, floor)
        except (ValueError, OverflowError):
            span = None
        if span is not None:
            dates.append(span)
            floor = span.end
    times = _find_times(sentence, dates, reference, default_zone, bare_times, vocab)
    return sorted(dates + times, key=lambda s: (s.start, s.end))


def _viable(cands: list[_Cand], sentence: str) -> list[_Cand]:
    out = []
    for cand in cands:
        if cand.needs_prefix or cand.needs_between:
            _, words = _prefix(sentence, cand.start, 0, _RX_PREFIX)
            if cand.needs_prefix and not words:
                continue
            if cand.needs_between and "between" not in words:
                continue
        out.append(cand)
    return out
