"""Where an article's publication date comes from.

In order of trust: metadata the file carries (front matter, JSON keys, HTML meta), the loose header
lines real plain-text exports have (a bare ISO date on line 1, `` date 2024-03-18`` inline, a
``26 October 2025`` or ``- Oct 26`` line under the title), a dated photo caption, and last an
inference from the rest of the cluster. Only header lines and captions are read: a date in a body
sentence is usually the date of an event, not of the article. A header or caption date years away
from most of the cluster (a file photo, a recycled page) is set aside, and a leading `` date ...``
stamp is blanked from the text so it is never read as a date the article reports.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Optional

from consistency.models import Article

# How many non-empty lines at the top count as the header.
HEADER_LINES = 6

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?"
_ISO = r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
_DAY_MONTH = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?"
_MONTH_DAY = _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
_DATE_FORMS = [re.compile(rf"\b{form}\b", re.I) for form in (_ISO, _DAY_MONTH, _MONTH_DAY)]

# What may surround the date on a header line: bullets, a label, a weekday, a clock time, a zone.
_HEADER_NOISE = re.compile(
    r"^[\s\-*•·|–—]*(?:(?:published|updated|posted|date|dated|on|last updated)\s*:?\s*)?"
    + rf"(?:{_WEEKDAY}\s*)?", re.I)
_TRAILER = re.compile(
    r"^[\s,.|–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)?"
    r"\s*(?:\(?[A-Z]{2,5}\)?|[A-Z]{3}[+-]\d{1,2})?[\s.|]*$")
_BYLINE = re.compile(r"^\s*by\s+[^|·•—–,\n]{1,40}?\s*[|·•—–,]\s*", re.I)
_INLINE_DATE = re.compile(r"^\s*(?:date|dated|published)\s*:?\s*" + _ISO + r"\b", re.I)
# The page's own date stamp leading its first line, as page exports print it (" date 2024-05-14 ..."),
# also with a month only (" date 2024-05").
_DATE_STAMP = re.compile(r"^(?P<lead>\s*)(?:date|dated|published)\s*:?\s*"
                         r"(?:" + _ISO + r"|\d{4}[-/.]\d{1,2})(?![\d-])", re.I)
_BARE_ISO = re.compile(r"^\s*" + _ISO + r"\s*$")
# A caption of an archive picture dates the picture, not the article.
_FILE_PHOTO = re.compile(r"\b(?:file|archive|archival)\s+(?:photo|image|picture|photograph)\b|"
                         r"\(file\)|\bfile\s*:", re.I)
# Markers of a photo caption; agency names only in the capitalisation credits use.
_CAPTION = re.compile(r"(?:(?i:\bphoto\s*:|\(photo\)|\bimage\s*:|\bphoto by\b|\bfile photo\b|"
                      r"\bphotograph\s*:|\bcredit\s*:)|\bREUTERS\b|\bReuters/|\bAP\b|\bAFP\b|\bGetty\b)")


@dataclass(frozen=True)
class FoundDate:
    """A publication date read from the text; ``year`` is None for ``Oct 26`` without a year."""

    month: int
    day: int
    year: Optional[int]
    source: str  # "header" or "caption"
    line: int  # 0-based line of the text it came from

    def on(self, year: Optional[int] = None) -> Optional[date]:
        try:
            return date(year or self.year, self.month, self.day) if (year or self.year) else None
        except ValueError:
            return None


def _parts(match: re.Match[str]) -> tuple[int, int, Optional[int]]:
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["m"]), int(groups["d"]), int(groups["y"])
    year = groups.get("year")
    return MONTHS[groups["month"].lower()], int(groups["day"]), int(year) if year else None


def _valid(month: int, day: int, year: Optional[int]) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year, so Feb 29 passes without a year
    except ValueError:
        return False
    return year is None or 1900 <= year <= 2100


def _find_date(line: str) -> Optional[tuple[re.Match[str], tuple[int, int, Optional[int]]]]:
    """The first date in ``line`` (full dates preferred over ones without a year)."""
    found = []
    for pattern in _DATE_FORMS:
        for match in pattern.finditer(line):
            parts = _parts(match)
            if _valid(*parts):
                found.append((parts[2] is None, match.start(), match, parts))
    if not found:
        return None
    _, _, match, parts = min(found, key=lambda f: (f[0], f[1]))
    return match, parts


def _header_line_date(line: str) -> Optional[tuple[int, int, Optional[int]]]:
    """A date when the line is nothing but a date (with bullets, label, weekday, time)."""
    if len(line.strip()) > 60:
        return None
    byline = _BYLINE.match(line)
    if byline:  # "By Jane Roe, 26 October 2025"
        line = line[byline.end():]
    lead = _HEADER_NOISE.match(line)
    rest = line[lead.end():] if lead else line
    for pattern in _DATE_FORMS:
        match = pattern.match(rest)
        if match and _TRAILER.match(rest[match.end():]):
            parts = _parts(match)
            if _valid(*parts):
                return parts
    return None


def parse_date_value(value: object) -> Optional[date]:
    """A metadata value (YAML date, ISO string, ``26 October 2025``) → date, or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = _find_date(text)
    if found and found[1][2] is not None:
        month, day, year = found[1]
        return date(year, month, day)
    return None


def text_date(text: str) -> Optional[FoundDate]:
    """The publication date the header lines or a photo caption of ``text`` state."""
    lines = text.split("\n")
    nonempty = [(i, line) for i, line in enumerate(lines) if line.strip()][:HEADER_LINES]
    if nonempty:
        i, first = nonempty[0]
        for pattern in (_BARE_ISO, _INLINE_DATE):
            match = pattern.match(first)
            if match and _valid(*_parts(match)):
                return FoundDate(*_parts(match), source="header", line=i)
    header: list[FoundDate] = []
    for i, line in nonempty:
        parts = _header_line_date(line)
        if parts:
            header.append(FoundDate(*parts, source="header", line=i))
    caption = None
    for i, line in enumerate(lines):
        if _CAPTION.search(line) and not _FILE_PHOTO.search(line):
            found = _find_date(line)
            if found and found[1][2] is not None:
                caption = FoundDate(*found[1], source="caption", line=i)
                break
    full = [h for h in header if h.year is not None]
    if full:
        return full[0]
    if header and caption:
        # "- Oct 26" under a title and a caption dated 2025: the header's day in the caption's year.
        return dataclasses.replace(header[0], year=caption.year)
    return header[0] if header else caption


def blank_date_stamp(text: str) -> tuple[str, Optional[FoundDate]]:
    """``text`` with a leading `` date 2024-05-14`` stamp blanked out, and the date it states.

    The stamp is the page's publication date, not an event the article reports: blanking it (with
    spaces, so every column still points at the file) keeps the extractors from reading it as a
    date claim. A stamp with a month only is blanked and gives no date.
    """
    for match in re.finditer(r"[^\n]*", text):
        line = match.group(0)
        if not line.strip():
            continue
        stamp = _DATE_STAMP.match(line)
        if stamp is None:
            return text, None
        start, end = match.start() + stamp.end("lead"), match.start() + stamp.end()
        found = None
        if stamp.group("y") and _valid(*_parts(stamp)):
            found = FoundDate(*_parts(stamp), source="header", line=text.count("\n", 0, start))
        return text[:start] + " " * (end - start) + text[end:], found
    return text, None


# A weekday read as a clue to the publication date only when the sentence looks back from it:
# "by midday on Monday", "departed Malaysia on Monday", "said Monday".
_WEEKDAY_MENTION = re.compile(r"\b(?P<on>on\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|can|could|may|might|should|expected|expects|set to|"
                     r"scheduled|due|plans?|planned|going to|next|upcoming|ahead|until|before|"
                     r"(?:is|are|am|was|were)\s+to)\b|'ll\b", re.I)
_PAST_TIME = re.compile(r"\b(?:by|as of|at|earlier|late|early)\s+(?:\w+\s+)?(?:midday|noon|"
                        r"morning|afternoon|evening|night|close|the close)\s*$|"
                        r"\b(?:earlier|late|early)\s*$", re.I)
_IRREGULAR_PAST = frozenset(
    "was were had did said met held rose fell left went came told made took saw began spoke "
    "wrote gave sent won lost paid hit cut set shut struck flew drove ran sold bought brought "
    "thought found kept led meant put read sat stood understood became broke chose forgot got "
    "grew knew rode rang sank swam threw wore".split())
_NOT_PAST = frozenset("need red bed feed seed speed shed bleed breed indeed proceed exceed "
                      "succeed hundred embed".split())
_CLAUSE_BREAK = re.compile(r"[.;:!?,\n—–]|\bbut\b|\band\b", re.I)


def _looks_back(before: str) -> bool:
    """True when the clause leading up to a weekday is in the past tense."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    if _FUTURE.search(clause):
        return False
    if _PAST_TIME.search(clause):
        return True
    words = re.findall(r"[a-z]+", clause.lower())
    return any(w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 3 and w not in _NOT_PAST)
               for w in words)


def weekday_clues(text: str) -> tuple[int, ...]:
    """Weekdays (0=Monday) mentioned in the past tense without a date next to them."""
    clues: list[int] = []
    for match in _WEEKDAY_MENTION.finditer(text):
        after = text[match.end():match.end() + 20]
        if re.match(r"\s*,?\s*(?:\d{1,2}\b|" + _MONTH + ")", after, re.I):
            continue  # "Monday, Oct 27" is a date, not a clue
        before = text[max(0, match.start() - 160):match.start()]
        if not match.group("on") and not re.search(r"\b\w+ed\s*$|\bsaid\s*$", before):
            continue  # a bare weekday counts only right after a past verb: "said Monday"
        looks_back = _looks_back(before)
        if not looks_back and not _CLAUSE_BREAK.split(before)[-1].strip():
            # "On Friday, the mayor appeared to ...": the verb comes after the weekday.
            sentence = re.split(r"[.;!?\n]", text[match.end():match.end() + 200])[0]
            parts = _CLAUSE_BREAK.split(sentence)
            looks_back = len(parts) > 1 and not parts[0].strip() and _looks_back(parts[1])
        if looks_back and WEEKDAYS[match.group("day").lower()] not in clues:
            clues.append(WEEKDAYS[match.group("day").lower()])
    return tuple(clues)


def lower_median(dates: Iterable[date]) -> Optional[date]:
    ordered = sorted(dates)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def nearest_year(month: int, day: int, anchor: date) -> Optional[date]:
    """The date with that month and day closest to ``anchor`` (for ``Oct 26`` without a year)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """Give undated articles a date borrowed from the cluster, marked ``published_from="inferred"``.

    The anchor is the lower median of the other articles' own dates. A weekday the article speaks
    of in the past tense ("by midday on Monday") moves the date to the first such weekday on or
    after the anchor: the article cannot predate what it reports. With several clues the latest
    such day within a week of the anchor wins.
    """
    out: list[Article] = []
    # The same for every undated article (it is never among the dated ones): computed once, so a
    # file of many undated records is not quadratic.
    anchor = lower_median(other.published for other in articles
                          if other.published is not None and other.published_from != "inferred")
    for article in articles:
        if article.published is not None:
            out.append(article)
            continue
        if anchor is None:
            out.append(dataclasses.replace(article, published_from="none"))
            continue
        candidates = [anchor + timedelta(days=(clue - anchor.weekday()) % 7)
                      for clue in article.weekday_clues]
        inferred = max(candidates) if candidates else anchor
        out.append(dataclasses.replace(article, published=inferred, published_from="inferred"))
    return out


# A date read from the text (a header line, a photo caption) more than this far from the rest of the
# cluster is an old page's or an old picture's date, not this article's: coverage of one story
# spans days or months, and a header or caption years away is a file photo or a recycled page.
STRAY_TEXT_DATE_DAYS = 365
# Fewer other dated articles than this and there is no cluster to outvote the article's own date.
MIN_CLUSTER_DATES = 2


def drop_stray_text_dates(articles: list[Article]) -> list[Article]:
    """Undate articles whose header or caption date is years away from most of the cluster.

    An article's text date is set aside when more than half of the other articles' own (not
    inferred) dates lie over ``STRAY_TEXT_DATE_DAYS`` from it; every article is judged against the
    dates as read, so one stray date cannot unseat another. An article set aside here is dated by
    ``infer_missing_dates`` like any undated one. Metadata dates (front matter, JSON keys, HTML
    meta) are trusted as the file states them.
    """
    out: list[Article] = []
    for index, article in enumerate(articles):
        if article.published is not None and article.published_from in ("header", "caption"):
            others = [other.published for j, other in enumerate(articles)
                      if j != index and other.published is not None and other.published_from != "inferred"]
            away = sum(1 for day in others if abs((article.published - day).days) > STRAY_TEXT_DATE_DAYS)
            if len(others) >= MIN_CLUSTER_DATES and 2 * away > len(others):
                article = dataclasses.replace(article, published=None, published_from="none")
        out.append(article)
    return out
