"""Find quantities and durations in one sentence and put each into a normal form.

``find_quantities("Nearly 20% of the 242 people on board were hurt.")`` returns one
:class:`QuantitySpan` per quantity: where it is, what kind it is (percentage, money, count,
ordinal, measure, duration, plain number), an :class:`Interval` the checks can compare, the hedge
that widened that interval, and the noun the number counts plus the words around it that linking
groups on.

The extractor is regular expressions plus a little look-around, on purpose: it must run far above
5,000 words a second and must not depend on a parser. It errs toward silence: calendar dates,
years, clock times, numbers inside names ("Boeing 737", "G20"), scores and id-like numbers are
skipped, and a bare number word ("the two met") is not reported because nothing says what it
counts.

The English words (number, scale, hedge, currency and unit words, the word lists around a
figure) are data, ``rules/vocab/lang/en.yaml``, read once at import by
:mod:`consistency.normalize.english`; the regexes here give them their shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Iterable, Optional

from consistency.models import Interval
from consistency.normalize.english import english_words

# The English words (rules/vocab/lang/en.yaml); the regexes below put them in their shapes.
_EN = english_words()

__all__ = ["QuantitySpan", "find_quantities"]

INF = float("inf")

# How far a hedge widens a value. "about 20%" -> [18, 22]; "nearly 20%" -> [18, 20).
# News rounding is rarely finer than this, and a wider band only costs recall, never precision.
ABOUT_BAND = 0.10
NEARLY_BAND = 0.10
# Durations are hedged more loosely: "about a year" covers roughly 10 to 14 months.
DURATION_ABOUT_BAND = 1 / 6
DURATION_NEARLY_BAND = 1 / 6
# A fraction in words ("two-thirds of members") is itself a rounding: +-3 percentage points.
FRACTION_TOLERANCE = 3.0

# Vague quantities: (low, high) of what a reader could take them to mean.
VAGUE = _EN["vague"]
# Plural vague words read as an estimate, so they carry the hedge "about".
VAGUE_HEDGED = frozenset(_EN["vague_estimates"])
# "a couple of", "a handful of": vague words that may take "of".
_VAGUE_OF = frozenset(_EN["vague_with_of"])

_ONES = _EN["number_units"]
_SMALL = MappingProxyType({**_ONES, **_EN["number_small"]})
_TENS = _EN["number_tens"]
_ORD_SMALL = _EN["ordinals"]
_ORD_ONES = MappingProxyType({k: v for k, v in _ORD_SMALL.items() if v < 10})
_FRACTION_DEN = _EN["fractions"]
_FRACTIONS = MappingProxyType({k: 1 / d for k, d in _FRACTION_DEN.items()})
_HALF = _EN["fraction_alone"]
_SCALE_WORDS = _EN["scale_words"]
_SCALE_ABBR = _EN["scale_abbreviations"]
_SCALES = MappingProxyType({**_SCALE_WORDS, **_SCALE_ABBR})
# Abbreviations that are a scale only after a currency sign (or "m" before a plural noun).
_SCALE_ABBR_MONEY = frozenset(_EN["scale_abbreviations_money"])
_SCALE_ABBR_ANY = tuple(a for a in _SCALE_ABBR if a not in _SCALE_ABBR_MONEY)

def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so a prefix never wins over the whole word."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _alt_plural(words: Iterable[str]) -> str:
    """Like :func:`_alt`, with a word and its plural in -s written once ("days?"): shorter to
    try where the match must end at a word boundary anyway."""
    words = list(words)
    given = set(words)
    stems = [w for w in words if not (w.endswith("s") and w[:-1] in given)]
    return "|".join(re.escape(w) + ("s?" if w + "s" in given else "")
                    for w in sorted(stems, key=len, reverse=True))


def _phrases(words: Iterable[str]) -> str:
    """Like :func:`_alt`, with any run of spaces between the words of a phrase."""
    return "|".join(r"\s+".join(re.escape(part) for part in w.split())
                    for w in sorted(words, key=len, reverse=True))


_W_ONES = _alt(_ONES)
_W_SMALL = _alt(_SMALL)
_W_TENS = _alt(_TENS)
_WORDNUM = rf"(?:(?:{_W_TENS})(?:[-\s](?:{_W_ONES}))?|{_W_SMALL})"
_ORDWORD = rf"(?:(?:{_W_TENS})-(?:{_alt(_ORD_ONES)})|{_alt(_ORD_SMALL)})"
_FRACWORD = rf"(?:{_alt(w for w in _FRACTIONS if w != _HALF)})"
_TIME_WORD = rf"(?:{_alt(_EN['time_units_after_a'])})"
_W_SCALE = _alt(_SCALE_WORDS)
_VAGUE_RX = "|".join(
    _phrases([w]) + (r"(?:\s+of)?" if w in _VAGUE_OF else "")
    + (r"(?=\s+of\b)" if w in VAGUE_HEDGED and " " not in w else "")
    for w in sorted(VAGUE, key=len, reverse=True)
)

# Every place a quantity can start. Order matters only between alternatives at one position.
_CORE = re.compile(
    rf"""
     (?P<mag>\bM(?=\d))
    |(?P<vague>\b(?:{_VAGUE_RX})\b)
    |(?P<frac>\b(?:(?:{_W_ONES}|a)-{_FRACWORD}
        |(?:{_W_ONES}|a)\s+{_FRACWORD}(?=\s+of\b)
        |{re.escape(_HALF)}(?=\s+(?:of\b|an?\s)))\b)
    |(?P<ord>\b(?:an?\s+)?(?:{_ORDWORD}|\d+(?:st|nd|rd|th))\b)
    |(?P<anum>\ban?(?=\s+(?:dozen|{_W_SCALE})\b))
    |(?P<aunit>\ban?(?=\s+{_TIME_WORD}\b))
    |(?P<word>\b{_WORDNUM}\b)
    |(?P<dig>(?<![\d.,])\d+(?:,\d{{3}})*(?:\.\d+)?)
    """,
    re.I | re.X,
)

# ---------------------------------------------------------------- things that are not quantities
_MONTH = (
    rf"(?:{_alt(w[:1].upper() + w[1:] for w in (*_EN['months'], *_EN['month_abbreviations']))})"
    r"(?:\.|(?![A-Za-z]))"
)
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_BLOCK = re.compile(
    rf"""
     {_MONTH}\s*{_DAYNUM}(?:\s*(?:-|–|—|to|and|through)\s*(?:{_MONTH}\s*)?{_DAYNUM})?(?:,?\s+\d{{4}})?(?!\d)
    |\b{_DAYNUM}(?:\s*(?:-|–|—|to|and)\s*{_DAYNUM})?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?
    |{_MONTH}\s*\d{{4}}
    |\b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b
    |\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b
    |\b\d{{1,2}}/\d{{1,2}}\b
    |\b\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|o['’]clock)
    |\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b
    |\b\d{{3,4}}\s*(?:GMT|UTC|Z\b|hrs\b|hours\s+(?:GMT|UTC|local))
    |\b\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|JST|KST|HKT|SGT)\b
    |\+\d[\d\s().-]{{6,}}\d
    |\b\d{{2,4}}[-.]\d{{3,4}}[-.]\d{{3,4}}\b
    |\b\d+(?:[-./]\d+){{2,}}\b
    |\b(?:{_alt(_EN["number_labels"])})\.?\s*\#?\d+(?:\.\d+)*
    |\#\s?\d+
    """,
    re.X,
)
# A capitalised word right before a number usually makes it part of a name ("Nikkei 225",
# "Section 301"); these capitalised words do not.
_NAME_BEFORE = re.compile(r"([A-Z][A-Za-z&.'’]*)\s+$")
_YEAR_PREP = frozenset(_EN["year_before"])

# ---------------------------------------------------------------- context around a number
# hedge words -> how they change an interval
_HEDGE_GROUP = _EN["hedges"]
_HEDGE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<h>{_phrases(h for h in _HEDGE_GROUP if h not in _EN['hedges_after'])})\s+$",
    re.I,
)
_HEDGE_MARK = {"about": "~", "nearly": "~", "more": ">", "atleast": ">=", "less": "<",
               "atmost": "<="}
_HEDGE_AFTER = re.compile(r"\s*(?:-\s*plus\b|\+(?!\d)|\s+or\s+(?:more|above|over)\b)", re.I)
_ROLE_BEFORE = re.compile(r"(?<![\w-])(from|to|by)\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"(?<![\w-])between\s+$", re.I)
_FROM_BEFORE = re.compile(r"(?<![\w-])from\s+$", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)[\s]+$")
_ADJ_BEFORE = frozenset(_EN["adjectives_before"])
_DURATION_LICENSE = frozenset(_EN["duration_before"])
_ORD_LICENSE = frozenset(_EN["ordinal_before"])

_CUR_BEFORE = re.compile(
    r"(?:(?P<sym>US\s?\$|U\.S\.\s?\$|AU?\$|CA?\$|HK\$|S\$|NZ\$|R\$|\$|€|£|¥|₹|₩)\s?"
    r"|(?P<code>\b(?:USD|EUR|GBP|CNY|RMB|JPY|KRW|INR|CHF|AUD|CAD|HKD|SGD|Rs\.?))\s?)$"
)
_SYMBOLS = _EN["currency_symbols"]
_CUR_WORDS = _EN["currency_words"]
_CUR_INVARIANT = frozenset(_EN["currency_invariant"])
_CUR_CODES = frozenset(_EN["currency_codes"])
# whose dollar: "Hong Kong dollars" (a plain "US dollars" stays USD)
_DOLLAR_ADJ = MappingProxyType({k.lower(): v for k, v in _EN["dollar_adjectives"].items()
                                if v != "USD"})
_CUR_AFTER = re.compile(
    rf"\s+(?:(?P<adj>{_phrases(_EN['dollar_adjectives'])})\s+)?"
    r"(?P<cur>" + "|".join(
        [_phrases(_EN["currency_phrases"])]
        + [re.escape(w) + ("" if w in _CUR_INVARIANT else "s?")
           for w in sorted(_CUR_WORDS, key=len, reverse=True)]
        + [_alt(_EN["currency_codes"])]) + r")\b",
    re.I,
)
_RATE_AFTER = re.compile(
    rf"\s+(?:{_alt(_EN['rate_before'])})\s+({_alt(_EN['rate_units'])})\b",
    re.I,
)

_SCALE_AT = re.compile(
    rf"(?:\s?(?P<abbr>{_alt(_SCALE_ABBR)})(?![A-Za-z0-9])"
    rf"|\s+(?P<word>(?:{_W_SCALE})(?:\s+(?:{_alt(_EN['scale_words_second'])}))?)\b)",
    re.I,
)
_CUR_SYMBOL_AT = re.compile(r"(?:US\$|AU?\$|CA?\$|HK\$|S\$|NZ\$|\$|€|£|¥|₹|₩)\s?")
_MAG_NUM_AT = re.compile(r"\d{1,2}(?:\.\d{1,2})?(?![\d.]*\w)")
_FRAC_TAIL_AT = re.compile(r"\s+(?:of\s+)?(?:an?\s+)?", re.I)
_FRAC_PP_AT = re.compile(r"(?:percentage|percent|per\s+cent)[\s-]points?\b", re.I)
_FRAC_PCT_AT = re.compile(r"(?:percent|per\s?cent)\b", re.I)
_FRAC_SCALE_AT = re.compile(rf"({_alt(_EN['scale_words_fraction'])})\b", re.I)
_DOZEN_AT = re.compile(r"\s*dozen\b", re.I)
_RATIO_AT = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.I)
_AND_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_NUM_AT = re.compile(
    rf"(?P<dig>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\d,.]\d)|(?P<word>{_WORDNUM})\b|(?P<a>an?)\b", re.I
)
# "3⅓ innings", "4 1/3 innings": a whole number and a fraction of one.
_VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅛": (1, 8)}
_FRACTION_AT = re.compile(r"(?P<vulgar>[½⅓⅔¼¾⅕⅛])|\s(?P<num>[1-7])/(?P<den>[2-8])(?![\d/])")
_RANGE_SEP = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:to|or)\s+", re.I)
_AND_SEP = re.compile(r"\s+and\s+", re.I)

_PCT_AT = re.compile(r"\s?(?:%|percent\b|per\s?cent\b|pct\b|pc\b)", re.I)
_PP_AT = re.compile(
    r"(?:\s+|-)(?:(?P<pp>percentage|percent|per\s+cent)[\s-]points?|(?P<bp>basis\s+points?|bps)"
    r"|(?P<pt>points?))\b",
    re.I,
)
_PCT_CONTEXT = re.compile(r"%|\bper\s?cent|\bpercent", re.I)
_MAG_AFTER = re.compile(r"\s*-?\s*magnitude\b", re.I)
_MAG_BEFORE = re.compile(r"\bmagnitude[\s-]?$", re.I)

_TIME_CANON = _EN["time_units"]
_TIME_AT = re.compile(
    rf"(?P<sep>\s*-\s*|\s+|)(?P<u>{_alt_plural(_TIME_CANON)})(?![A-Za-z0-9])"
    r"(?P<old>-old\b|\s+old\b)?",
    re.I,
)
_TIME_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "week": 4, "fortnight": 5,
              "month": 6, "year": 7, "decade": 8, "century": 9}
_TIME_FIXED = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0,
               "week": 7.0, "fortnight": 14.0}
_TIME_SHORT = {"second": "s", "minute": "min", "hour": "h"}
_COMPOUND_AT = re.compile(r"\s*,?\s*(?:and\s+)?", re.I)

# (unit code, regex of its English names), tried in order
_MEASURES = _EN["units"]
_MEASURE_AT = re.compile(
    r"(?P<sep>\s*-\s*|\s?)(?:"
    + "|".join(f"(?P<u{i}>{pat})" for i, (_, pat) in enumerate(_MEASURES))
    + r")(?![A-Za-z0-9²])",
    re.I,
)
# Letters allowed right after digits ("5th", "55bn", "625ft", "48h"); anything else ("4G",
# "737MAX", "1990s") means the digits are part of a name or a decade.
_DIGIT_SUFFIX = re.compile(
    rf"(?:st|nd|rd|th|{_alt(_SCALE_ABBR)}|ft|km|kms|mi|cm|mm|kg|kgs|lbs?|mph|kph|kmh|h|hrs?"
    r"|min|mins|MW|GW|pc|pct|km2|m2)(?![A-Za-z0-9])|[CF](?![A-Za-z0-9])",
    re.I,
)

# A word of a noun phrase; "U.S."-style abbreviations count as words ("a 20% U.S. tariff").
_RUN_WORD = re.compile(r"\s+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*)(?![\w'’-])")
_OF_AT = re.compile(r"\s+of\s+(?:(?:the|a|an|their|its|his|her|our|those|these|all)\s+)?", re.I)
_LEFT_NOUN = re.compile(
    r"(?:\b([A-Za-z][a-z-]*)\s+)?\b([A-Za-z][a-z-]*)\s+(by|of|at|to|from)\s+$"
)
_IN_AT = re.compile(r"\s+(?:in|worth\s+of)\s+(?:new\s+)?", re.I)
_SUPERLATIVE = re.compile(r"-([a-z]+est|ever|biggest|largest|placed|ranked)\b")

_STOP = frozenset(_EN["stopwords"])
_NOUN_ADJ = frozenset(_EN["counted_adjectives"])
_IRREGULAR_PLURAL = _EN["irregular_plurals"]
_NOT_PLURAL_ENDINGS = _EN["not_plural_endings"]
_ADVERB_OK = frozenset(_EN["not_adverbs"])
_ONE_SKIP_BEFORE = frozenset(_EN["one_pronoun_after"])
_ONE_SKIP_AFTER = frozenset(_EN["one_pronoun_before"])
_NOT_NAME_BEFORE = frozenset(_EN["not_name_before"])

# ---------------------------------------------------------------- public data


@dataclass(frozen=True)
class QuantitySpan:
    """One quantity in a sentence; ``raw == sentence[start:end]``."""

    start: int
    end: int
    raw: str
    kind: str
    value: str
    interval: Optional[Interval]
    unit: str
    hedge: str = ""
    counted: str = ""
    modifiers: tuple[str, ...] = ()


# ---------------------------------------------------------------- small helpers


def _fmt(x: float) -> str:
    """Shortest plain rendering of a number: 3, 0.75, 55000000000 (never 5.5e10)."""
    if x == int(x) and abs(x) < 1e18:
        return str(int(x))
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return text


def _dec(text: str) -> Optional[Decimal]:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _word_value(text: str) -> Optional[int]:
    parts = re.split(r"[-\s]+", text.lower())
    if len(parts) == 1:
        return _SMALL.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ONES:
        return _TENS[parts[0]] + _ONES[parts[1]]
    return None


def _singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS):
        return w[:-1]
    return w


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURAL:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)


def _is_stop(word: str) -> bool:
    w = word.lower()
    if w in _STOP:
        return True
    return w.endswith("ly") and w not in _ADVERB_OK


def _noun_run(sentence: str, pos: int, limit: int = 4) -> list[tuple[str, int, int]]:
    """Content words right after ``pos``: candidates for modifiers and the counted noun."""
    out: list[tuple[str, int, int]] = []
    while len(out) < limit:
        m = _RUN_WORD.match(sentence, pos)
        if not m or _is_stop(m.group(1)):
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    # A capitalised word can qualify a noun ("three Chinese ships") but is not itself what a
    # number counts (that would be a name), so trailing ones are dropped.
    while out and out[-1][0][0].isupper():
        out.pop()
    return out


def _pick_noun(
    run: list[tuple[str, int, int]], plural: bool
) -> Optional[tuple[str, tuple[str, ...], int]]:
    """(counted noun, modifiers before it, end offset) from a run of candidate words."""
    if not run:
        return None
    if plural:
        for i, (w, _s, e) in enumerate(run):
            if _is_plural(w) and not w[0].isupper():
                return _singular(w), tuple(x[0].lower() for x in run[:i]), e
        w, _s, e = run[0]
        if w.lower() in _NOUN_ADJ:
            return w.lower(), (), e
        return None
    words = run[:3]
    # A plural noun is what the figure is about even when a verb follows ("20% tariffs stay").
    for i, (w, _s, e) in enumerate(words):
        if i < len(words) - 1 and _is_plural(w) and not w[0].isupper():
            return _singular(w), tuple(x[0].lower() for x in words[:i]), e
    # A trailing past participle or a second plural ends the noun phrase ("the first round ended").
    while len(words) > 1 and words[-1][0].lower().endswith("ed"):
        words = words[:-1]
    w, _s, e = words[-1]
    if w[0].isupper():
        return None
    return _singular(w), tuple(x[0].lower() for x in words[:-1]), e


def _of_tail(sentence: str, pos: int) -> tuple[tuple[str, ...], int]:
    """Content words of an "of ..." phrase after a noun ("round of in-person talks")."""
    m = _OF_AT.match(sentence, pos)
    if not m:
        return (), pos
    run = _noun_run(sentence, m.end() - 1 if sentence[m.end() - 1].isspace() else m.end(), 3)
    if not run:
        return (), pos
    return tuple(w.lower() for w, _s, _e in run), run[-1][2]


def _left_word(sentence: str, start: int, floor: int) -> str:
    m = _WORD_BEFORE.search(sentence, max(floor, start - 30), start)
    return m.group(1) if m else ""


def _hedge_before(sentence: str, start: int, floor: int) -> tuple[str, int]:
    m = _HEDGE_BEFORE.search(sentence, max(floor, start - 24), start)
    if not m:
        return "", start
    hedge = re.sub(r"\s+", " ", m.group("h").lower())
    return hedge, m.start()


def _apply_hedge(
    low: float, high: float, hedge: str, about: float, nearly: float, duration: bool = False
) -> Interval:
    group = _HEDGE_GROUP.get(hedge, "")
    center = (low + high) / 2
    if group == "about":
        return Interval(min(low, center * (1 - about)), max(high, center * (1 + about)))
    if group == "nearly":
        # Closed at the top: "nearly two hours" and a plain "two hours" are one rounding apart.
        return Interval(min(low, center * (1 - nearly)), high)
    if group == "more":
        # "over three days" is as often "during" as "more than": keep the value itself inside.
        if duration and hedge == "over":
            return Interval(low, None)
        return Interval(low, None, low_open=True)
    if group == "atleast":
        return Interval(low, None)
    if group == "less":
        return Interval(0.0, high, high_open=True)
    if group == "atmost":
        return Interval(0.0, high)
    return Interval(low, high)


def _mark(hedge: str) -> str:
    return _HEDGE_MARK.get(_HEDGE_GROUP.get(hedge, ""), "")


def _round_band(value: Decimal, scale: Decimal) -> tuple[float, float, bool]:
    """A scaled figure is rounded: "$1.5bn" means 1.45bn <= x < 1.55bn."""
    exp = value.as_tuple().exponent
    step = Decimal(10) ** (exp if isinstance(exp, int) else 0) * scale
    mid = value * scale
    return float(mid - step / 2), float(mid + step / 2), True


# ---------------------------------------------------------------- durations


def _month_table(limit: int = 120) -> tuple[tuple[int, int], ...]:
    """Shortest and longest run of n consecutive calendar months, n = 0..limit."""
    lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] * 4
    lengths[1 + 12 * 3] = 29  # one leap year in four
    cycle = lengths * (limit // 48 + 3)
    table = [(0, 0)]
    for n in range(1, limit + 1):
        sums = [sum(cycle[s:s + n]) for s in range(48)]
        table.append((min(sums), max(sums)))
    return tuple(table)


_MONTHS = _month_table()


def _days(n: float, unit: str) -> tuple[float, float]:
    """Calendar-honest length of n units in days: one month is 28..31 days, one year 365..366."""
    if unit in _TIME_FIXED:
        d = n * _TIME_FIXED[unit]
        return d, d
    if unit == "month":
        if n == int(n) and 0 <= n < len(_MONTHS):
            lo, hi = _MONTHS[int(n)]
            return float(lo), float(hi)
        return max(0.0, n * 365 / 12 - 2), n * 366 / 12 + 2
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    if years == int(years):
        y = int(years)
        return float(365 * y + y // 4), float(365 * y + (y + 3) // 4)
    return years * 365, years * 366


def _unit_label(n: str, unit: str, plural: bool) -> str:
    if unit in _TIME_SHORT:
        return f"{n} {_TIME_SHORT[unit]}"
    if unit == "century":
        return f"{n} {'centuries' if plural else 'century'}"
    return f"{n} {unit}{'s' if plural else ''}"


# ---------------------------------------------------------------- the extractor


@dataclass(frozen=True)
class _Num:
    """A parsed number: its interval, where its text ends, and how it was written."""

    low: float
    high: float
    high_open: bool
    end: int
    text: str  # display number ("55", "1.5", "10-12")
    is_word: bool
    scaled: bool
    bare_one: bool  # the word "one" alone: pronoun traps
    is_a: bool  # "a"/"an" standing for one
    mantissa: Decimal = Decimal(0)  # the written number before its scale word
    scale: Decimal = Decimal(1)


def _parse_num(
    sentence: str, pos: int, currency: bool, allow_a: bool = False
) -> Optional[_Num]:
    """A number at ``pos`` with its scale words ("1.5 million", "55bn", "two hundred")."""
    m = _NUM_AT.match(sentence, pos)
    if not m:
        return None
    if m.group("dig"):
        value = _dec(m.group("dig"))
        is_word = False
    elif m.group("word"):
        wv = _word_value(m.group("word"))
        value = Decimal(wv) if wv is not None else None
        is_word = True
    else:
        if not allow_a:
            return None
        value, is_word = Decimal(1), True
    if value is None:
        return None
    end = m.end()
    is_a = bool(m.group("a"))
    fraction = _FRACTION_AT.match(sentence, end) if m.group("dig") and "." not in m.group("dig") else None
    if fraction:
        top, bottom = _VULGAR[fraction.group("vulgar")] if fraction.group("vulgar") else \
            (int(fraction.group("num")), int(fraction.group("den")))
        if top < bottom:
            value += (Decimal(top) / Decimal(bottom)).quantize(Decimal("0.001"))
            end = fraction.end()
    half = _AND_HALF.match(sentence, end)
    if half and not is_a:
        value += Decimal("0.5")
        end = half.end()
    sm = _SCALE_AT.match(sentence, end)
    scale = Decimal(1)
    if sm:
        if sm.group("word"):
            for w in sm.group("word").lower().split():
                scale *= _SCALES[w]
        else:
            abbr = sm.group("abbr").lower()
            ok = abbr in _SCALE_ABBR_ANY or currency
            if not ok and abbr == "m" and not is_word:
                # "5m people" is five million; "a 10m wall" is metres.
                nxt = _RUN_WORD.match(sentence, sm.end())
                ok = bool(nxt and (_is_plural(nxt.group(1)) or nxt.group(1).lower().rstrip("s")
                                   in _CUR_WORDS) and nxt.group(1).lower() not in ("feet",))
            if ok and is_word:
                ok = False  # "two m" is not a thing
            if ok:
                scale = _SCALES[abbr]
            else:
                sm = None
        if sm:
            end = sm.end()
    elif is_a:
        return None  # a bare "a" only counts when a scale follows ("a dozen" is handled apart)
    if scale != 1:
        low, high, hopen = _round_band(value, scale)
        scaled_value = value * scale
        return _Num(low, high, hopen, end, _fmt(float(scaled_value)), is_word, True, False, is_a,
                    value, scale)
    text = _fmt(float(value))
    bare_one = is_word and m.group("word") is not None and m.group("word").lower() == "one"
    return _Num(float(value), float(value), False, end, text, is_word, False, bare_one, is_a,
                value, Decimal(1))


def _blocked_spans(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _BLOCK.finditer(sentence)]


def _inside(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    for s, e in blocked:
        if s < end and start < e:
            return True
    return False


def _digits_are_foreign(
    sentence: str, start: int, end: int, floor: int, check_before: bool = True
) -> bool:
    """Digits glued to letters or symbols that make them part of a name, code or id."""
    before = sentence[start - 1] if start > 0 and check_before else ""
    if before.isalpha():
        return not _CUR_BEFORE.search(sentence, max(floor, start - 6), start)
    if before and before in "-–/:#+'’_":
        return True
    if before and before in ".," and start > 1 and sentence[start - 2].isalnum():
        return True
    after = sentence[end] if end < len(sentence) else ""
    if after.isalpha() and not _DIGIT_SUFFIX.match(sentence, end):
        return True
    if after and after in ".,:/" and end + 1 < len(sentence) and sentence[end + 1].isdigit():
        return True
    if after and after in "-–" and end + 1 < len(sentence) and sentence[end + 1].isalpha():
        # "737-MAX" is a name; "625-foot" / "five-day" are handled by the unit patterns.
        return sentence[end + 1].isupper()
    digits = sentence[start:end]
    if "," not in digits and "." not in digits:
        if len(digits) >= 7 or (len(digits) > 1 and digits[0] == "0"):
            return True
    return False


def _name_before(sentence: str, start: int, floor: int) -> bool:
    m = _NAME_BEFORE.search(sentence, max(floor, start - 30), start)
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if word.endswith(("'s", "’s")):
        return False
    if low in _STOP or low in _HEDGE_GROUP or low in _ADJ_BEFORE or low in _DURATION_LICENSE:
        return False
    if low in _NOT_NAME_BEFORE:
        return False
    if _CUR_BEFORE.search(sentence, max(floor, start - 6), start):
        return False
    return True


def _currency_before(sentence: str, start: int, floor: int) -> tuple[str, int]:
    m = _CUR_BEFORE.search(sentence, max(floor, start - 8), start)
    if not m:
        return "", start
    tok = (m.group("sym") or m.group("code")).replace(" ", "").upper()
    code = _SYMBOLS.get(tok, tok if len(tok) == 3 else "")
    if not code:
        return "", start
    return code, m.start()


def find_quantities(sentence: str) -> list[QuantitySpan]:
    """Every quantity and duration in ``sentence``, left to right, never overlapping."""
    if not sentence:
        return []
    has_digit = any(ch.isdigit() for ch in sentence)
    blocked = _blocked_spans(sentence) if has_digit else []
    spans: list[QuantitySpan] = []
    floor = 0
    for m in _CORE.finditer(sentence):
        if m.start() < floor:
            continue
        if blocked and _inside(m.start(), m.end(), blocked):
            continue
        try:
            span = _build(sentence, m, floor, blocked)
        except (ValueError, ArithmeticError, KeyError, IndexError):  # pragma: no cover
            # defensive: one odd token must not cost the whole sentence its other quantities
            span = None
        if span is None:
            continue
        for one in span:
            spans.append(one)
        floor = span[-1].end
    return _pair_from_to(sentence, spans)


def _pair_from_to(sentence: str, spans: list[QuantitySpan]) -> list[QuantitySpan]:
    """In "from 57% to 47%" the second figure measures the same thing as the first."""
    out = list(spans)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (
            "from" in a.modifiers
            and "to" in b.modifiers
            and a.kind == b.kind
            and not b.counted
            and a.counted
            and re.fullmatch(r"\s*to\s*", sentence[a.end:b.start], re.I)
        ):
            mods = tuple(x for x in a.modifiers if x != "from")
            out[i + 1] = QuantitySpan(b.start, b.end, b.raw, b.kind, b.value, b.interval, b.unit,
                                      b.hedge, a.counted, b.modifiers + mods)
    return out


def _build(
    sentence: str, m: re.Match[str], floor: int, blocked: list[tuple[int, int]]
) -> Optional[list[QuantitySpan]]:
    kind = m.lastgroup
    if kind == "mag":
        return _from_mag(sentence, m, floor)
    if kind == "vague":
        return _from_vague(sentence, m, floor)
    if kind == "frac":
        return _from_fraction(sentence, m, floor)
    if kind == "ord":
        return _from_ordinal(sentence, m, floor)
    if kind == "anum":
        return _from_dozen(sentence, m, floor) or _from_number(sentence, m, floor, blocked)
    return _from_number(sentence, m, floor, blocked)


def _span(
    sentence: str, start: int, end: int, kind: str, value: str, interval: Optional[Interval],
    unit: str, hedge: str = "", counted: str = "", modifiers: tuple[str, ...] = (),
) -> QuantitySpan:
    # Stable, duplicate-free modifiers keep linking deterministic.
    seen: list[str] = []
    for w in modifiers:
        if w and w not in seen:
            seen.append(w)
    return QuantitySpan(start, end, sentence[start:end], kind, value, interval, unit, hedge,
                        counted, tuple(seen))


def _context_modifiers(sentence: str, start: int, floor: int) -> tuple[str, ...]:
    """Role word ("from", "to", "by") and an adjective right before the number."""
    mods: list[str] = []
    word = _left_word(sentence, start, floor).lower()
    if word in _ADJ_BEFORE:
        mods.append(word)
        m = _WORD_BEFORE.search(sentence, max(floor, start - 40), start)
        if m:
            start = m.start()
    r = _ROLE_BEFORE.search(sentence, max(floor, start - 8), start)
    if r:
        mods.insert(0, r.group(1).lower())
    return tuple(mods)


def _left_counted(sentence: str, start: int, floor: int) -> tuple[str, tuple[str, ...]]:
    """"tariffs of 10%", "cut tariffs by 10%": the noun a figure belongs to, to its left."""
    m = _LEFT_NOUN.search(sentence, max(floor, start - 50), start)
    if not m:
        return "", ()
    noun, prep = m.group(2), m.group(3)
    if _is_stop(noun) or noun.lower().endswith(("ed", "ing")) or noun[0].isupper():
        return "", ()
    prev = m.group(1) or ""
    determined = prev.lower() in _ORD_LICENSE
    if not (_is_plural(noun) or prep == "of" or determined):
        return "", ()
    # The word before the noun is not kept: it is as often a verb ("cut tariffs by") as a
    # qualifier ("steel tariffs by"), and a wrong modifier misleads linking.
    return _singular(noun), ()


def _from_mag(sentence: str, m: re.Match[str], floor: int) -> Optional[list[QuantitySpan]]:
    if sentence[m.start()] != "M":
        return None
    num = _MAG_NUM_AT.match(sentence, m.end())
    if not num:
        return None
    v = float(num.group())
    if v > 10:
        return None
    counted, mods = "", ()
    pick = _pick_noun(_noun_run(sentence, num.end(), 3), False)
    if pick:
        counted, mods, _e = pick
    return [_span(sentence, m.start(), num.end(), "measure", f"M{num.group()}", Interval(v, v),
                  "magnitude", "", counted, mods)]


def _from_vague(sentence: str, m: re.Match[str], floor: int) -> Optional[list[QuantitySpan]]:
    text = re.sub(r"\s+", " ", m.group().lower())
    key = text.replace(" of", "") if text.startswith(tuple(_VAGUE_OF)) else text
    low, high = VAGUE[key]
    end = m.end()
    display = key
    sm = _SCALE_AT.match(sentence, end)
    if sm and sm.group("word") and key not in VAGUE_HEDGED:
        # "several hundred", "a few thousand"
        scale = 1.0
        for w in sm.group("word").lower().split():
            scale *= float(_SCALES[w])
        low, high, end = low * scale, high * scale, sm.end()
        display = f"{key} {sm.group('word').lower()}"
    start = m.start()
    hedge, hstart = _hedge_before(sentence, start, floor)
    if hedge:
        start = hstart
    pos = end
    of = _OF_AT.match(sentence, pos)
    if of:
        pos = of.end() - 1 if sentence[of.end() - 1].isspace() else of.end()
    pick = _pick_noun(_noun_run(sentence, pos), True)
    if not pick:
        return None
    counted, between, nend = pick
    implied = "about" if key in VAGUE_HEDGED and not hedge else ""
    if hedge:
        interval = _apply_hedge(low, high, hedge, ABOUT_BAND, NEARLY_BAND)
    else:
        interval = Interval(low, high)
    mods = _context_modifiers(sentence, start, floor) + between
    return [_span(sentence, start, nend, "count", _mark(hedge) + display, interval, counted,
                  hedge or implied, counted, mods)]


def _from_fraction(sentence: str, m: re.Match[str], floor: int) -> Optional[list[QuantitySpan]]:
    text = m.group().lower()
    parts = re.split(r"[-\s]+", text)
    if parts == [_HALF]:
        frac, label = _FRACTIONS[_HALF], f"1/{_FRACTION_DEN[_HALF]}"
    else:
        num = 1 if parts[0] == "a" else _ONES.get(parts[0], 0)
        frac = num * _FRACTIONS[parts[-1]]
        den = _FRACTION_DEN[parts[-1]]
        label = f"{num}/{den}"
    if frac <= 0:
        return None
    start = m.start()
    hedge, hstart = _hedge_before(sentence, start, floor)
    if hedge:
        start = hstart
    end = m.end()
    # "three-quarters of a percent", "half a percentage point", "half an hour", "half a dozen"
    tail = _FRAC_TAIL_AT.match(sentence, end)
    pos = tail.end() if tail else end
    pp = _FRAC_PP_AT.match(sentence, pos)
    if pp:
        iv = _apply_hedge(frac, frac, hedge, ABOUT_BAND, NEARLY_BAND)
        return [_span(sentence, start, pp.end(), "percentage_points",
                      f"{_mark(hedge)}{_fmt(frac)} pp", iv, "pp", hedge)]
    pct = _FRAC_PCT_AT.match(sentence, pos)
    if pct:
        iv = _apply_hedge(frac, frac, hedge, ABOUT_BAND, NEARLY_BAND)
        return [_span(sentence, start, pct.end(), "percentage", f"{_mark(hedge)}{_fmt(frac)}%",
                      iv, "%", hedge)]
    if tail and re.match(r"\s+an?\s", sentence[end:tail.end() + 1]):
        # "half a year", "half a dozen", "half a million"
        tm = _TIME_AT.match(sentence, tail.end() - 1)
        if tm and tm.group("sep").strip() == "" and not tm.group("old"):
            unit = _TIME_CANON[tm.group("u").lower()]
            lo, hi = _days(frac, unit)
            iv = _apply_hedge(lo, hi, hedge, DURATION_ABOUT_BAND, DURATION_NEARLY_BAND, True)
            return [_span(sentence, start, tm.end(), "duration",
                          _mark(hedge) + _unit_label(_fmt(frac), unit, False), iv, "day", hedge)]
        dz = _DOZEN_AT.match(sentence, pos)
        if dz:
            v = 12 * frac
            pick = _pick_noun(_noun_run(sentence, dz.end()), True)
            if not pick:
                return None
            counted, between, nend = pick
            iv = _apply_hedge(v, v, hedge, ABOUT_BAND, NEARLY_BAND)
            return [_span(sentence, start, nend, "count", _mark(hedge) + _fmt(v), iv, counted,
                          hedge, counted, between)]
        sc = _FRAC_SCALE_AT.match(sentence, pos)
        if sc:
            v = frac * float(_SCALES[sc.group(1).lower()])
            pick = _pick_noun(_noun_run(sentence, sc.end()), True)
            counted, between, nend = pick if pick else ("", (), sc.end())
            iv = _apply_hedge(v, v, hedge, ABOUT_BAND, NEARLY_BAND)
            return [_span(sentence, start, nend, "count" if counted else "number",
                          _mark(hedge) + _fmt(v), iv, counted, hedge, counted, between)]
        return None
    # "two-thirds of members", "a third of the vote", "a two-thirds majority"
    of = _OF_AT.match(sentence, end)
    if of:
        pos = of.end() - 1 if sentence[of.end() - 1].isspace() else of.end()
        pick = _pick_noun(_noun_run(sentence, pos, 3), True) or _pick_noun(
            _noun_run(sentence, pos, 3), False)
    elif "-" in m.group():
        pick = _pick_noun(_noun_run(sentence, end, 3), False)
    else:
        pick = None
    if not pick:
        return None
    counted, between, nend = pick
    pct_value = frac * 100
    low, high = max(0.0, pct_value - FRACTION_TOLERANCE), min(100.0, pct_value + FRACTION_TOLERANCE)
    iv = _apply_hedge(low, high, hedge, ABOUT_BAND, NEARLY_BAND)
    raw_end = nend if of else end
    return [_span(sentence, start, raw_end, "percentage", f"{_mark(hedge) or '~'}{label}", iv, "%",
                  hedge, counted, between)]


def _from_ordinal(sentence: str, m: re.Match[str], floor: int) -> Optional[list[QuantitySpan]]:
    text = m.group()
    start = m.start()
    core = re.sub(r"^an?\s+", "", text, flags=re.I)
    core_start = m.end() - len(core)
    low = core.lower()
    if low[0].isdigit():
        digits = low.rstrip("stndrh")
        value = int(digits)
        if _digits_are_foreign(sentence, core_start, core_start + len(digits), floor):
            return None
    elif "-" in low:
        tens, ones = low.split("-", 1)
        value = _TENS[tens] + _ORD_ONES[ones]
    else:
        value = _ORD_SMALL[low]
    mods: list[str] = []
    end = m.end()
    if not low[0].isdigit() and re.match(r"\s+(?:\d|(?:" + _WORDNUM + r")\b)", sentence[end:end + 24], re.I):
        return None  # "the first six innings": a portion of a count, not a rank
    sup = _SUPERLATIVE.match(sentence, end)
    if sup:
        mods.append(sup.group(1))
        end = sup.end()
    if not low[0].isdigit() and not sup and core_start == start:
        # A word ordinal needs a determiner or a possessive ("the first", "China's third");
        # otherwise "first" is usually an adverb ("they first met").
        before = _left_word(sentence, start, floor)
        prev_text = sentence[max(floor, start - 3):start]
        at_start = not sentence[:start].strip(" \t\"'“‘(")
        if not (before.lower() in _ORD_LICENSE or re.search(r"['’]s\s+$", prev_text)
                or at_start):
            return None
    pick = _pick_noun(_noun_run(sentence, end, 3), False)
    if not pick:
        return None
    counted, between, nend = pick
    if counted in ("of",):
        return None
    tail, _tend = _of_tail(sentence, nend)
    return [_span(sentence, start, nend, "ordinal", str(value), Interval(value, value), "", "",
                  counted, tuple(mods) + between + tail)]


def _from_dozen(sentence: str, m: re.Match[str], floor: int) -> Optional[list[QuantitySpan]]:
    dz = _DOZEN_AT.match(sentence, m.end())
    if not dz:
        return None
    start = m.start()
    hedge, hstart = _hedge_before(sentence, start, floor)
    if hedge:
        start = hstart
    of = _OF_AT.match(sentence, dz.end())
    pos = (of.end() - 1) if of else dz.end()
    pick = _pick_noun(_noun_run(sentence, pos), True)
    if not pick:
        return None
    counted, between, nend = pick
    iv = _apply_hedge(12, 12, hedge, ABOUT_BAND, NEARLY_BAND)
    mods = _context_modifiers(sentence, start, floor) + between
    return [_span(sentence, start, nend, "count", _mark(hedge) + "12", iv, counted, hedge,
                  counted, mods)]


def _from_number(
    sentence: str, m: re.Match[str], floor: int, blocked: list[tuple[int, int]]
) -> Optional[list[QuantitySpan]]:
    start = m.start()
    is_dig = m.lastgroup == "dig"
    if is_dig and _digits_are_foreign(sentence, start, m.end(), floor):
        return None
    currency, cur_start = _currency_before(sentence, start, floor) if is_dig else ("", start)
    if is_dig and not currency and _name_before(sentence, start, floor):
        return None
    num = _parse_num(sentence, start, bool(currency), allow_a=m.lastgroup in ("aunit", "anum"))
    if num is None:
        if m.lastgroup == "aunit":
            return _from_a_unit(sentence, m, floor)
        return None
    left = cur_start if currency else start
    hedge, hstart = _hedge_before(sentence, left, floor)
    bm = _BETWEEN_BEFORE.search(sentence, max(floor, left - 10), left)
    between = bool(bm)
    from_before = bool(_FROM_BEFORE.search(sentence, max(floor, (hstart if hedge else left) - 8),
                                           hstart if hedge else left))

    # A four-digit 1800..2100 without a unit is a year ("since 2019"), not a quantity.
    raw_digits = sentence[start:m.end()]
    year_like = (is_dig and re.fullmatch(r"1[89]\d\d|20\d\d|2100", raw_digits) is not None
                 and not currency and not hedge and num.end == m.end())

    # range: "10-12", "10 to 12", "two or three", "between 10 and 12"
    second: Optional[_Num] = None
    split_pair = False
    sep = (_AND_SEP if between else _RANGE_SEP).match(sentence, num.end)
    nxt_start = sep.end() if sep else num.end
    if sep and currency:
        sym = _CUR_SYMBOL_AT.match(sentence, nxt_start)  # "$10 to $12 billion"
        if sym:
            nxt_start = sym.end()
    if sep and not _unit_follows(sentence, num.end):
        nxt = _parse_num(sentence, nxt_start, bool(currency))
        if nxt is not None and (nxt.is_word != num.is_word
                                or _inside(nxt_start, nxt.end, blocked)):
            nxt = None
        if nxt is not None:
            digits = re.match(r"[\d,.]*\d", sentence[nxt_start:nxt.end])
            if digits and _digits_are_foreign(sentence, nxt_start, nxt_start + digits.end(),
                                              floor, check_before=False):
                nxt = None
        if nxt is not None:
            connector = sep.group().strip().lower()
            if year_like or (re.fullmatch(r"1[89]\d\d|20\d\d", sentence[nxt_start:nxt.end])
                             and not nxt.scaled):
                return None  # "2019-2020", "from 2019 to 2021"
            # compare like with like: "10-12 billion" shares the scale, "3.2m-1" is no range
            first_low = (float(num.mantissa * nxt.scale) if nxt.scaled and not num.scaled
                         else num.low)
            if from_before and connector == "to":
                split_pair = True  # "from 20 to 10 percent": two values, not a range
                second = nxt
            elif num.scaled and not nxt.scaled:
                pass
            elif nxt.high <= first_low:
                if connector in ("-", "–", "—") and not num.scaled and not nxt.scaled:
                    return None  # "won 3-1", "a 7-2 ruling": a score, not a range
            else:
                second = nxt
    if year_like and second is None:
        if not _year_is_count(sentence, start, m.end(), floor):
            return None

    if second is not None and not split_pair:
        # A scale after the second number applies to both ("$10-12 billion").
        low = num.low
        if second.scaled and not num.scaled:
            low = _round_band(num.mantissa, second.scale)[0]  # "$10-12 billion"
        high = second.high
        if num.scaled or second.scaled:
            n_text = f"{_fmt(float(num.mantissa * (num.scale if num.scaled else second.scale)))}-{second.text}"
        else:
            n_text = f"{num.text}-{second.text}"
        num = _Num(low, high, second.high_open, second.end, n_text, num.is_word, True if (
            num.scaled or second.scaled) else False, False, False, num.mantissa, second.scale)
    if split_pair and second is not None and sep is not None:
        first_end = num.end
        found = _classify(sentence, nxt_start, second, "", nxt_start, sep.end(), currency,
                          sep.end())
        if not found:
            return None
        s2 = _restart(sentence, found[0], sep.end())
        if second.scaled and not num.scaled:
            # "from 10 to 12 billion dollars": the first figure shares the scale
            low, high, hopen = _round_band(num.mantissa, second.scale)
            num = _Num(low, high, hopen, num.end, _fmt(float(num.mantissa * second.scale)),
                       num.is_word, True, False, False, num.mantissa, second.scale)
        first = _retarget(sentence, s2, hstart if hedge else left, first_end, num, hedge, floor)
        return [first, s2]
    if bm and second is not None and not hedge:
        # "between 10 and 12 people" is one span, "between" included
        hedge_start = bm.start()
        found = _classify(sentence, start, num, "", start, floor, currency,
                          cur_start if currency else start)
        if found:
            first = found[0]
            found[0] = _span(sentence, hedge_start, first.end, first.kind, first.value,
                             first.interval, first.unit, first.hedge, first.counted,
                             first.modifiers)
        return found
    return _classify(sentence, start, num, hedge, hstart, floor, currency,
                     cur_start if currency else start)


def _restart(sentence: str, span: QuantitySpan, start: int) -> QuantitySpan:
    """The second figure of "from 10 to 20 percent" starts at its own number."""
    s = start
    while s < span.end and sentence[s].isspace():
        s += 1
    mods = tuple(x for x in span.modifiers if x != "from")
    return _span(sentence, s, span.end, span.kind, span.value, span.interval, span.unit, span.hedge,
                 span.counted, ("to",) + mods)


def _retarget(
    sentence: str, model: QuantitySpan, start: int, end: int, num: _Num, hedge: str, floor: int
) -> QuantitySpan:
    """The first figure of "from 10 to 20 percent" borrows the unit of the second (``model``)."""
    low, high = num.low, num.high
    about, nearly = ABOUT_BAND, NEARLY_BAND
    if model.kind == "duration":
        # the display value ends with the unit word of the second figure ("20 days", "3 h")
        unit_m = re.search(r"[a-z]+$", model.value)
        canon = _TIME_CANON.get(unit_m.group() if unit_m else "", "")
        if not canon:
            return _span(sentence, start, end, "number", _mark(hedge) + num.text,
                         _apply_hedge(low, high, hedge, about, nearly), "", hedge)
        low, high = _days(num.low, canon)[0], _days(num.high, canon)[1]
        about, nearly = DURATION_ABOUT_BAND, DURATION_NEARLY_BAND
    value = model.value
    m = re.match(r"^[<>=~]*([A-Z]{3} )?[\d.,-]+(.*)$", value)
    if m:
        value = f"{_mark(hedge)}{m.group(1) or ''}{num.text}{m.group(2)}"
    iv = _apply_hedge(low, high, hedge, about, nearly, model.kind == "duration")
    mods = _context_modifiers(sentence, start, floor)
    return _span(sentence, start, end, model.kind, value, iv, model.unit, hedge, model.counted,
                 mods)


def _unit_follows(sentence: str, pos: int) -> bool:
    """True when a unit sits right after a number, so a following "-"/"to" is not a range."""
    return bool(_PCT_AT.match(sentence, pos) or _CUR_AFTER.match(sentence, pos)
                or _TIME_AT.match(sentence, pos) or _measure_match(sentence, pos) is not None)


def _measure_match(sentence: str, pos: int) -> Optional[tuple[str, re.Match[str]]]:
    mm = _MEASURE_AT.match(sentence, pos)
    if not mm or mm.lastgroup is None:
        return None
    return _MEASURES[int(mm.lastgroup[1:])][0], mm


def _year_is_count(sentence: str, start: int, end: int, floor: int) -> bool:
    """A four-digit number is a count only with a plural noun after and no year word before."""
    nxt = _RUN_WORD.match(sentence, end)
    if not nxt or not _is_plural(nxt.group(1)) or nxt.group(1)[0].isupper():
        return False
    prev = _left_word(sentence, start, floor).lower()
    return prev not in _YEAR_PREP


def _compound(sentence: str, end: int, unit: str, lo: float, hi: float,
              parts: list[str]) -> tuple[float, float, int]:
    """"an hour and 40 minutes", "2 hours 30 minutes": smaller units that add to one duration.
    Appends their labels to ``parts``; returns the widened (low, high, end)."""
    while True:
        cm = _COMPOUND_AT.match(sentence, end)
        if not cm:
            break
        n2 = _parse_num(sentence, cm.end(), False)
        if n2 is None or n2.low != n2.high:
            break
        tm2 = _TIME_AT.match(sentence, n2.end)
        if not tm2 or "-" in tm2.group("sep") or tm2.group("old"):
            break
        u2 = _TIME_CANON[tm2.group("u").lower()]
        if _TIME_RANK[u2] >= _TIME_RANK[unit]:
            break
        l2, h2 = _days(n2.low, u2)
        lo, hi, end = lo + l2, hi + h2, tm2.end()
        parts.append(_unit_label(n2.text, u2, n2.low != 1))
        unit = u2
    return lo, hi, end


def _from_a_unit(sentence: str, m: re.Match[str], floor: int) -> Optional[list[QuantitySpan]]:
    """"about a year", "for a decade", "within an hour": "a" standing for one unit of time."""
    start = m.start()
    tm = _TIME_AT.match(sentence, m.end())
    if not tm or tm.group("old") or "-" in tm.group("sep"):
        return None
    unit = _TIME_CANON[tm.group("u").lower()]
    hedge, hstart = _hedge_before(sentence, start, floor)
    if not hedge and _left_word(sentence, start, floor).lower() not in _DURATION_LICENSE:
        return None  # "a year ago", "twice a year", "in a year when..."
    n = 1.0
    end = tm.end()
    half = _AND_HALF.match(sentence, end)
    if half:
        n, end = 1.5, half.end()
    lo, hi = _days(n, unit)
    parts = [_unit_label(_fmt(n), unit, n != 1)]
    if not half:
        lo, hi, end = _compound(sentence, end, unit, lo, hi, parts)
    iv = _apply_hedge(lo, hi, hedge, DURATION_ABOUT_BAND, DURATION_NEARLY_BAND, True)
    s = hstart if hedge else start
    return [_span(sentence, s, end, "duration", _mark(hedge) + " ".join(parts), iv, "day", hedge)]


def _classify(
    sentence: str, start: int, num: _Num, hedge: str, hstart: int, floor: int, currency: str,
    cur_start: int,
) -> Optional[list[QuantitySpan]]:
    """Decide what a parsed number measures from what follows it and build the span."""
    s = hstart if hedge else cur_start
    pos = num.end
    post_hedge = ""
    ph = _HEDGE_AFTER.match(sentence, pos)
    if ph and not ph.group().strip().lower().startswith("or"):
        post_hedge, pos = "plus", ph.end()

    def hedged(low: float, high: float, about: float = ABOUT_BAND, nearly: float = NEARLY_BAND,
               duration: bool = False) -> tuple[Interval, str]:
        h = hedge or post_hedge
        if num.high_open and not h:
            return Interval(low, high, high_open=True), h
        return _apply_hedge(low, high, h, about, nearly, duration), h

    def or_more(end: int, hedge_now: str) -> tuple[int, str]:
        om = _HEDGE_AFTER.match(sentence, end)
        if om and om.group().strip().lower().startswith("or") and not hedge_now:
            return om.end(), "or more"
        return end, hedge_now

    mods_ctx = _context_modifiers(sentence, s, floor)

    # money: a currency sign before, or a currency word after
    cur_after = None if currency else _CUR_AFTER.match(sentence, pos)
    if cur_after is not None:
        word = cur_after.group("cur").lower()
        adj = (cur_after.group("adj") or "").lower()
        if word.startswith("pound") and "sterling" not in word and not num.scaled:
            cur_after = None  # "50 pounds" is more often a weight; leave it to the measures
        else:
            code = _CUR_WORDS.get(word.rstrip("s") if word not in _CUR_INVARIANT
                                  else word, word.upper())
            if word.startswith("sterling") or "sterling" in word:
                code = "GBP"
            if code == "USD" and adj in _DOLLAR_ADJ:
                code = _DOLLAR_ADJ[re.sub(r"\s+", " ", adj)]
            if word.upper() in _CUR_CODES:
                code = _SYMBOLS.get(word.upper(), word.upper())
            currency, pos = code, cur_after.end()
    if currency:
        end = pos
        iv, h = hedged(num.low, num.high)
        end, h2 = or_more(end, h)
        if h2 and h2 != h:
            iv, h = _apply_hedge(num.low, num.high, h2, ABOUT_BAND, NEARLY_BAND), h2
        counted, mods = "", ()
        rate = _RATE_AFTER.match(sentence, end)
        if rate:
            counted, end = rate.group(1).lower(), rate.end()
        else:
            counted, mods = _counted_after_or_before(sentence, end, s, floor)
        return [_span(sentence, s, end, "money", f"{_mark(h)}{currency} {num.text}", iv, currency,
                      h, counted, mods_ctx + mods)]

    # percentage points before percent: "5 percentage points", "25 basis points"
    pp = _PP_AT.match(sentence, pos)
    if pp and (pp.group("pp") or pp.group("bp")
               or (pp.group("pt") and _PCT_CONTEXT.search(sentence, 0, s))):
        factor = 0.01 if pp.group("bp") else 1.0
        iv, h = hedged(num.low * factor, num.high * factor)
        counted, mods = _counted_after_or_before(sentence, pp.end(), s, floor)
        return [_span(sentence, s, pp.end(), "percentage_points",
                      f"{_mark(h)}{_fmt_range(num, factor)} pp", iv, "pp", h, counted,
                      mods_ctx + mods)]
    pc = _PCT_AT.match(sentence, pos)
    if pc:
        end = pc.end()
        iv, h = hedged(num.low, num.high)
        end, h2 = or_more(end, h)
        if h2 != h:
            iv, h = _apply_hedge(num.low, num.high, h2, ABOUT_BAND, NEARLY_BAND), h2
        counted, mods = _counted_after_or_before(sentence, end, s, floor)
        return [_span(sentence, s, end, "percentage", f"{_mark(h)}{num.text}%", iv, "%", h,
                      counted, mods_ctx + mods)]

    # magnitude: "6.9-magnitude", "magnitude 6.9"
    mag_after = _MAG_AFTER.match(sentence, pos)
    mag_before = _MAG_BEFORE.search(sentence, max(floor, s - 12), s)
    if (mag_after or mag_before) and not num.is_word and num.high <= 10:
        end = mag_after.end() if mag_after else pos
        s2 = mag_before.start() if mag_before and not hedge else s
        pick = _pick_noun(_noun_run(sentence, end, 3), False)
        counted, mods = (pick[0], pick[1]) if pick else ("", ())
        iv, h = hedged(num.low, num.high)
        return [_span(sentence, s2, end, "measure", f"{_mark(h)}M{num.text}", iv, "magnitude", h,
                      counted, mods_ctx + mods)]

    # durations and ages
    tm = _TIME_AT.match(sentence, pos)
    if tm and (tm.group("sep") or tm.group("u").lower() != "h" or not num.is_word):
        return _duration(sentence, s, num, tm, hedge, post_hedge, floor, mods_ctx)

    mm = _measure_match(sentence, pos)
    if mm is not None:
        unit, mmatch = mm
        if unit == "m" and num.is_word and mmatch.group(mmatch.lastgroup).lower() == "m":
            mm = None
        elif unit == "lb" and num.scaled:
            mm = None
    if mm is not None:
        unit, mmatch = mm
        end = mmatch.end()
        iv, h = hedged(num.low, num.high)
        end, h2 = or_more(end, h)
        if h2 != h:
            iv, h = _apply_hedge(num.low, num.high, h2, ABOUT_BAND, NEARLY_BAND), h2
        counted, mods = "", ()
        adjectival = "-" in mmatch.group("sep") or _left_word(sentence, s, floor).lower() in (
            "a", "an", "the")
        if adjectival:
            pick = _pick_noun(_noun_run(sentence, end, 3), False)
            if pick:
                counted, mods = pick[0], pick[1]
        return [_span(sentence, s, end, "measure", f"{_mark(h)}{num.text} {unit}", iv, unit, h,
                      counted, mods_ctx + mods)]

    # "1 in 5 adults", "one in three voters": a share, kept as a percentage
    rm = _RATIO_AT.match(sentence, pos)
    if rm and not _is_range(num):
        den = _parse_num(sentence, rm.end(), False)
        if (den is not None and den.low == den.high and den.low > num.high
                and den.is_word == num.is_word and not den.scaled
                and not re.fullmatch(r"1[89]\d\d|20\d\d", sentence[rm.end():den.end])
                and not _unit_follows(sentence, den.end)):
            pct = num.low / den.low * 100
            pick = _pick_noun(_noun_run(sentence, den.end), True)
            counted, between, rend = pick if pick else ("", (), den.end)
            # "one in three" is a rounding, like "a third": +-FRACTION_TOLERANCE points
            low = max(0.0, pct - FRACTION_TOLERANCE)
            iv = _apply_hedge(low, min(100.0, pct + FRACTION_TOLERANCE), hedge, ABOUT_BAND,
                              NEARLY_BAND)
            return [_span(sentence, s, rend, "percentage",
                          f"{_mark(hedge)}{num.text} in {den.text}", iv, "%", hedge, counted,
                          mods_ctx + between)]
    if _left_word(sentence, s, floor).lower() == "aged" and not num.scaled:
        iv, h = hedged(num.low, num.high)
        return [_span(sentence, s, pos, "measure", f"{_mark(h)}{num.text} years old", iv, "age",
                      h)]

    # counts: a number and the noun it counts
    after = sentence[pos:pos + 2]
    if after.startswith("-") and len(after) > 1 and after[1].isalpha():
        return None  # "a 10-point plan", "two-way", "one-on-one": compounds, not counts
    if num.bare_one:
        prev = _left_word(sentence, num.end - 3, floor).lower()
        nxt = _RUN_WORD.match(sentence, pos)
        if prev in _ONE_SKIP_BEFORE or not nxt or nxt.group(1).lower() in _ONE_SKIP_AFTER:
            return None
    run_pos = pos
    of = _OF_AT.match(sentence, pos)
    if of and not num.scaled:
        run_pos = of.end() - 1 if sentence[of.end() - 1].isspace() else of.end()
    plural = not (num.low == 1 and num.high == 1)
    pick = _pick_noun(_noun_run(sentence, run_pos), plural)
    if pick and pick[0] in ("am", "pm"):
        pick = None
    if pick:
        counted, between, nend = pick
        end, h = or_more(nend, hedge or post_hedge)
        iv = _apply_hedge(num.low, num.high, h, ABOUT_BAND, NEARLY_BAND) if h else Interval(
            num.low, num.high, high_open=num.high_open)
        tail: tuple[str, ...] = ()
        return [_span(sentence, s, end if h == "or more" else nend, "count",
                      f"{_mark(h)}{num.text}", iv, counted, h, counted,
                      mods_ctx + between + tail)]
    if num.is_word and not num.scaled:
        return None  # "the two met": nothing says what is counted
    prev = _left_word(sentence, s, floor).lower()
    if prev == "at" and not hedge and not num.scaled:
        return None  # "at 10" is usually a clock time
    if not sentence[:s].strip(" \t\"'“‘(") and not hedge:
        return None  # a bare number opening a sentence is usually a split date ("Nov. | 1, ...")
    nxt_word = _RUN_WORD.match(sentence, pos)
    if nxt_word and nxt_word.group(1)[0].isupper() and not hedge:
        return None  # "the 737 MAX", "a 500 Index": part of a name
    end = pos
    iv, h = hedged(num.low, num.high)
    counted, mods = _left_counted(sentence, s, floor)
    return [_span(sentence, s, end, "number", f"{_mark(h)}{num.text}", iv, "", h, counted,
                  mods_ctx + mods)]


def _is_range(num: _Num) -> bool:
    return num.low != num.high


def _fmt_range(num: _Num, factor: float) -> str:
    if num.low == num.high or num.high_open:
        return _fmt(num.low * factor) if factor != 1 else num.text
    return f"{_fmt(num.low * factor)}-{_fmt(num.high * factor)}"


def _counted_after_or_before(
    sentence: str, end: int, start: int, floor: int
) -> tuple[str, tuple[str, ...]]:
    """What a percentage or a sum is of: "a 10% tariff", "20% of the vote", "tariffs of 10%"."""
    of = _OF_AT.match(sentence, end)
    pos = (of.end() - 1 if sentence[of.end() - 1].isspace() else of.end()) if of else end
    if not of:
        inn = _IN_AT.match(sentence, end)  # "$55bn in investments", "$2m worth of goods"
        if inn:
            pos = inn.end() - 1
    pick = _pick_noun(_noun_run(sentence, pos, 3), False)
    if pick:
        return pick[0], pick[1]
    return _left_counted(sentence, start, floor)


def _duration(
    sentence: str, s: int, num: _Num, tm: re.Match[str], hedge: str, post_hedge: str,
    floor: int, mods_ctx: tuple[str, ...],
) -> Optional[list[QuantitySpan]]:
    unit = _TIME_CANON[tm.group("u").lower()]
    hyphen = "-" in tm.group("sep")
    end = tm.end()
    if tm.group("old"):
        # "a 10-year-old boy", "45 years old": an age, not a span of time
        if unit != "year":
            return None
        pick = _pick_noun(_noun_run(sentence, end, 3), False) if hyphen else None
        counted, mods = (pick[0], pick[1]) if pick else ("", ())
        return [_span(sentence, s, end, "measure", f"{num.text} years old",
                      Interval(num.low, num.high), "age", hedge, counted, mods_ctx + mods)]
    if num.bare_one and unit == "day" and not hyphen and not hedge:
        if _left_word(sentence, s, floor).lower() not in _DURATION_LICENSE:
            return None  # "one day, she said..."
    lo, hi = _days(num.low, unit)[0], _days(num.high, unit)[1]
    parts = [_unit_label(num.text, unit, not (num.low == 1 and num.high == 1) or "-" in num.text)]
    if hyphen:
        parts = [_unit_label(num.text, unit, num.high != 1)]
    half = _AND_HALF.match(sentence, end)
    if half and not hyphen:
        hl, hh = _days(0.5, unit)
        lo, hi, end = lo + hl, hi + hh, half.end()
        parts = [_unit_label(_fmt(num.low + 0.5), unit, True)]
    elif not hyphen:
        lo, hi, end = _compound(sentence, end, unit, lo, hi, parts)
    h = hedge or post_hedge
    end2, h_om = end, h
    om = _HEDGE_AFTER.match(sentence, end)
    if om and om.group().strip().lower().startswith("or") and not h:
        end2, h_om = om.end(), "or more"
    h = h_om
    if h:
        iv = _apply_hedge(lo, hi, h, DURATION_ABOUT_BAND, DURATION_NEARLY_BAND, True)
    else:
        iv = Interval(lo, hi)
    counted, mods = "", ()
    if hyphen:
        pick = _pick_noun(_noun_run(sentence, end, 3), False)
        if pick:
            counted, mods = pick[0], pick[1]
    return [_span(sentence, s, end2, "duration", _mark(h) + " ".join(parts), iv, "day", h,
                  counted, mods_ctx + mods)]
