"""Check types: each compares the values of one linked group and returns a verdict.

A check is a pure function of the group's mentions and the rule's parameters. Relations:
- conflict: the values cannot all be true (intervals do not overlap, places do not contain
  each other, a unique role has two holders, a quote has different words);
- update: a later article revises a figure that can change (a toll);
- variant: a quote condensed or translated;
- compatible: the values overlap (a difference of precision or hedging).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from typing import Callable, Optional, Sequence

from .link import STOP, Group
from .models import Mention, Rule
from .normalize.places import Gazetteer, Place



@dataclass(frozen=True)
class Verdict:
    relation: str  # conflict, update, variant, compatible
    sides: tuple[tuple[Mention, ...], ...]
    why: str
    diff: str = ""


def split_sides(values: dict[str, list[Mention]], compatible: Callable[[str, str], bool]) -> list[list[str]]:
    """Sides of a disagreement: values compatible with every other value are agreeing context
    and left out; the rest are grouped so that each side's values can all be true together."""
    names = sorted(values, key=lambda v: (-len({m.article for m in values[v]}), v))
    contested = [v for v in names if not all(compatible(v, w) for w in names if w != v)]
    sides: list[list[str]] = []
    for value in contested:
        for side in sides:
            if all(compatible(value, other) for other in side):
                side.append(value)
                break
        else:
            sides.append([value])
    return sides


def _crosses_articles(sides: list[list[Mention]]) -> bool:
    """At least two sides are told by different articles."""
    articles = [{m.article for m in side} for side in sides]
    return any(a != b or len(a) > 1 for i, a in enumerate(articles) for b in articles[i + 1:])


def _by_value(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    values: dict[str, list[Mention]] = {}
    for m in mentions:
        values.setdefault(m.value, []).append(m)
    return values


def _verdict(values: dict[str, list[Mention]], compatible: Callable[[str, str], bool], why: str,
             diff: str = "") -> Verdict:
    sides = split_sides(values, compatible)
    if len(sides) < 2:
        return Verdict("compatible", (tuple(m for ms in values.values() for m in ms),), "")
    grouped = [[m for v in side for m in values[v]] for side in sides]
    if not _crosses_articles(grouped):
        return Verdict("compatible", (tuple(m for ms in values.values() for m in ms),), "")
    return Verdict("conflict", tuple(tuple(side) for side in grouped), why, diff)


def check_interval(group: Group, rule: Rule, published: dict[str, Optional[date]]) -> Optional[Verdict]:
    kinds = rule.param("kinds") or ()
    max_width = rule.param("max_width")
    changing = set(rule.param("changing") or ())
    mentions = [m for m in group.mentions if (not kinds or m.kind in kinds) and m.interval is not None]
    if not mentions:
        return None
    # Wide values ("later this month") agree with any day inside them: they are context only.
    sharp = [m for m in mentions if max_width is None or m.interval.width <= float(max_width)]  # type: ignore[union-attr]
    values = _by_value(sharp)
    intervals = {v: ms[0].interval for v, ms in values.items()}
    verdict = _verdict(values, lambda a, b: intervals[a].overlaps(intervals[b]),  # type: ignore[union-attr]
                       "the values do not overlap, even allowing for hedges and stated precision")
    if verdict.relation == "conflict" and changing and any(m.counted in changing for m in mentions):
        if _rises_over_time(verdict.sides, published):
            return Verdict("update", verdict.sides, "a later report gives a higher figure for a count that grows")
    return verdict


DAY_SECONDS = 86400


def _clock_overlap(a: Mention, b: Mention, slack: float, cycle: float) -> bool:
    """Two times (seconds) can be one moment of a cycle, allowing for their widths.

    A clock time is compared on the day's cycle (its UTC time of day): the day a report gives
    with a time is often the publication day or a weekday read from it, and that is the date
    rules' business. A part of a named day ("late Sunday") is compared on the week's."""
    assert a.interval is not None and b.interval is not None
    ca = ((a.interval.low or 0) + (a.interval.high or 0)) / 2
    cb = ((b.interval.low or 0) + (b.interval.high or 0)) / 2
    half = (a.interval.width + b.interval.width) / 2
    distance = abs(ca - cb) % cycle
    distance = min(distance, cycle - distance)
    return distance <= half + slack


def check_clock(group: Group, rule: Rule) -> Optional[Verdict]:
    mentions = [m for m in group.mentions if m.kind == "time" and m.interval is not None
                and m.interval.low is not None and m.interval.high is not None]
    if not mentions:
        return None
    slack = float(rule.param("slack_seconds", 60))  # type: ignore[arg-type]
    cycle = float(rule.param("cycle_seconds", DAY_SECONDS))  # type: ignore[arg-type]
    values = _by_value(mentions)
    first = {v: ms[0] for v, ms in values.items()}
    why = ("the parts of the day are further apart than their spans and the rule's slack allow, so they "
           "cannot be one moment") if cycle > DAY_SECONDS else \
        "the times of day are further apart than their stated precision allows, so they cannot be one moment"
    return _verdict(values, lambda a, b: _clock_overlap(first[a], first[b], slack, cycle), why)


def _bearing_apart(a: Mention, b: Mention) -> float:
    assert a.interval is not None and b.interval is not None
    difference = abs((a.interval.low or 0) - (b.interval.low or 0)) % 360
    return min(difference, 360 - difference)


def check_direction(group: Group, rule: Rule) -> Optional[Verdict]:
    """Parts of one place by compass bearing: opposite parts cannot both be where it struck."""
    mentions = [m for m in group.mentions if m.kind == "region" and m.interval is not None]
    if not mentions:
        return None
    limit = float(rule.param("max_angle", 135))  # type: ignore[arg-type]
    values = _by_value(mentions)
    first = {v: ms[0] for v, ms in values.items()}
    return _verdict(values, lambda a, b: _bearing_apart(first[a], first[b]) < limit,
                    "the parts of the place named lie on opposite sides of it")


def _rises_over_time(sides: tuple[tuple[Mention, ...], ...], published: dict[str, Optional[date]]) -> bool:
    """Each higher figure comes only from articles published after every article of a lower one."""
    def level(side: tuple[Mention, ...]) -> float:
        return min(m.interval.low or 0 for m in side)  # type: ignore[union-attr]

    ordered = sorted(sides, key=level)
    for lower, higher in zip(ordered, ordered[1:]):
        lower_dates = [published.get(m.article) for m in lower]
        higher_dates = [published.get(m.article) for m in higher]
        if None in lower_dates or None in higher_dates or \
                max(lower_dates) >= min(higher_dates):  # type: ignore[type-var]
            return False
    return True


def check_location(group: Group, rule: Rule, gazetteer: Gazetteer) -> Optional[Verdict]:
    mentions = [m for m in group.mentions if m.kind == "location"]
    places: dict[str, Optional[Place]] = {m.value: gazetteer.lookup(m.value) for m in mentions}
    values = _by_value([m for m in mentions if places[m.value] is not None])

    def compatible(a: str, b: str) -> bool:
        pa, pb = places[a], places[b]
        return pa is not None and pb is not None and (pa.contains(pb) or pb.contains(pa))

    return _verdict(values, compatible, "neither place lies within the other, so one event cannot be in both")


def _same_person(a: str, b: str) -> bool:
    """"Berg" and "Ana Berg": a name whose words all stand in the other's is the same holder."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


def check_role(group: Group, rule: Rule) -> Optional[Verdict]:
    values = _by_value([m for m in group.mentions if m.kind == "role"])
    return _verdict(values, _same_person, "the title names one holder at a time, and the sources name different people")


def _spelling(word: str) -> str:
    """One form for British and American spellings: "fuelled"/"fueled", "colour"/"color"."""
    word = re.sub(r"(.)\1", r"\1", word)
    word = re.sub(r"our\b", "or", word)
    word = re.sub(r"is(e|ed|es|ing|ation)\b", r"iz\1", word)
    return re.sub(r"tre\b", "ter", word)


def check_title_tense(group: Group, rule: Rule) -> Optional[Verdict]:
    """One person called both the holder of a title and its former holder, at the same time."""
    former = set(rule.param("former") or ())
    values = _by_value([m for m in group.mentions if m.kind == "role"])
    was = {v: bool(set(v.split()) & former) for v in values}
    return _verdict(values, lambda a, b: was[a] == was[b],
                    "a person cannot both hold the title now and be its former holder")


def _content(words: str) -> list[str]:
    return [_spelling(w) for w in re.findall(r"[\w'’-]+", words.lower()) if w not in STOP]


def word_diff(a: str, b: str) -> str:
    """A word diff of two quotes: ``[-removed-] {+added+}`` as in git's word diff."""
    wa, wb = a.split(), b.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb]).get_opcodes():
        if op == "equal":
            out.extend(wa[i1:i2])
        else:
            if i2 > i1:
                out.append("[-" + " ".join(wa[i1:i2]) + "-]")
            if j2 > j1:
                out.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(out)


def check_quote(group: Group, rule: Rule, languages: Optional[dict[str, str]] = None) -> Optional[Verdict]:
    mentions = [m for m in group.mentions if m.kind == "quote"]
    normal = {m.value: " ".join(_content(m.value)) for m in mentions}
    values: dict[str, list[Mention]] = {}
    for m in mentions:
        values.setdefault(normal[m.value], []).append(m)

    def compatible(a: str, b: str) -> bool:
        ca, cb = a.split(), b.split()
        # Condensed: one quote's words all stand in the other, in order.
        shorter, longer = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        it = iter(longer)
        return a == b or (len(shorter) >= 3 and all(w in it for w in shorter))

    sides = split_sides(values, compatible)
    if len(sides) >= 2:
        grouped = [[m for v in side for m in values[v]] for side in sides]
        # A quote rendered from another language differs in wording without anyone misquoting.
        if any(dict(m.extra).get("translated") == "yes" for side in grouped for m in side):
            return Verdict("variant", tuple(tuple(s) for s in grouped), "the quote is given in translation")
        # Articles in two languages quote the same words translated, never in the same words.
        spoken = {(languages or {}).get(m.article, "") for side in grouped for m in side}
        if len(spoken) > 1:
            return Verdict("variant", tuple(tuple(s) for s in grouped), "the quote is given in two languages")
        if _crosses_articles(grouped):
            first, second = grouped[0][0].value, grouped[1][0].value
            return Verdict("conflict", tuple(tuple(s) for s in grouped),
                           "the sources put different words in quotation marks for the same statement",
                           word_diff(first, second))
    return Verdict("compatible", (tuple(mentions),), "")


def check_weekday(mentions: Sequence[Mention], names: dict[str, int], shown: Sequence[str]) -> list[Verdict]:
    """A weekday written next to a date that falls on another day ("Thursday, Oct. 31").

    ``names`` maps the weekday names of every language read to 0 (Monday) to 6; ``shown`` are
    the names the message uses. The day is read as written (the mention's value), not from its interval: next to a zoned
    clock time the interval is widened by a day either way, and a weekday resolved from the
    publication date always falls on itself. The evidence quotes the weekday with the date,
    and, on a second side, other articles that give the same date with its right weekday.
    """
    alternatives = "|".join(re.escape(w) for w in sorted(names, key=lambda w: (-len(w), w)))
    word_rx = re.compile(r"\b(" + alternatives + r")\b")
    # "Tuesday, the 29th", "mardi le 29", "am Dienstag, den 29.": one short word may stand between.
    before_rx = re.compile(r"(" + alternatives + r")\W{0,3}(?:[a-zà-ÿ]{1,4}\s+)?$")
    after_rx = re.compile(r"^\W{0,3}\(?(" + alternatives + r")\b")
    right: dict[date, list[Mention]] = {}
    wrong: list[tuple[date, str, Mention]] = []
    for m in mentions:
        if m.kind != "date" or m.grain != "day":
            continue
        written = _ISO_DAY.search(m.value)
        if written is None:
            continue
        try:
            day = date.fromisoformat(written.group())
        except ValueError:
            continue
        window = m.sentence
        start = max(0, window.find(m.raw))
        low = max(0, start - 14)
        before = window[low:start].lower()
        after = window[start + len(m.raw):start + len(m.raw) + 14].lower()
        quoted = m
        named = word_rx.search(m.raw.lower())
        if named is None:
            named = before_rx.search(before)
            if named is not None:  # "Monday (May 14)": quote from the weekday on
                shift = start - (low + named.start(1))
                stop = start + len(m.raw)
                close = 1 if "(" in before[named.end(1):] and window[stop:stop + 1] == ")" else 0
                quoted = replace(m, raw=window[low + named.start(1):stop + close],
                                 start=m.start - shift, end=m.end + close, column=m.column - shift)
        if named is None:
            named = after_rx.match(after)
            if named is not None:  # "May 14 (Monday)"
                stop = named.end(1) + (1 if "(" in named.group() and after[named.end(1):][:1] == ")" else 0)
                quoted = replace(m, raw=window[start:start + len(m.raw) + stop], end=m.end + stop)
        if named is None:
            continue
        if names[named.group(1)] == day.weekday():
            right.setdefault(day, []).append(quoted)
        else:
            wrong.append((day, named.group(1).capitalize(), quoted))
    out = []
    for day, word, quoted in wrong:
        # The other articles that give the same date with its right weekday, for the editor.
        others = tuple(m for m in right.get(day, []) if m.article != quoted.article)
        sides = ((quoted,), others) if others else ((quoted,),)
        out.append(Verdict("conflict", sides,
                           f"{day.isoformat()} is a {shown[day.weekday()].capitalize()}, not a {word}", word))
    return out


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
