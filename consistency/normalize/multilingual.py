"""Numbers, figures and dates in other languages, driven by one data file per language.

A :class:`LanguagePack` is read from ``rules/vocab/lang/<code>.yaml`` (number words, scale words,
decimal style, currencies, units, hedges, month and weekday names, relative words, clock-time
forms and the dateparser language code). :func:`find_quantities_in` and
:func:`find_temporal_in` read one sentence with a pack and return exactly the span types the
English normalizers return (:class:`~consistency.normalize.quantities.QuantitySpan`,
:class:`~consistency.normalize.temporal.TemporalSpan`) with the same kinds, units, value strings
and intervals, so "5.400 millones de dólares" and "$5.4 billion" compare as one value.

Like the English modules, candidates are found with precompiled regular expressions built from
the pack's words (literal alternations, bounded quantifiers: linear in the sentence), each
candidate is normalized on its own, and one odd candidate never costs the sentence its others.
dateparser (``DateDataParser(languages=[pack.dateparser])``, the article date as
``RELATIVE_BASE``) is used only on candidate spans found here ("hace 3 días"), never over the
whole text; explicit dates are read with the pack's month table and the same calendar
arithmetic as the English module, so the grain and the year of a year-less date agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import yaml

from consistency.models import InputError, Interval
from consistency.vocab import VocabularyError, rules_root

# The English normalizers own the meaning of hedges, bands, value formats and calendar rules;
# they are imported, not copied, so both languages widen and format a value the same way.
from consistency.normalize.quantities import (
    ABOUT_BAND,
    DURATION_ABOUT_BAND,
    DURATION_NEARLY_BAND,
    NEARLY_BAND,
    QuantitySpan,
    _HEDGE_GROUP,
    _MEASURES,
    _Num,
    _TIME_CANON,
    _apply_hedge,
    _days,
    _fmt,
    _mark,
    _round_band,
    _unit_label,
)
from consistency.normalize import temporal
from consistency.normalize.temporal import (
    _DEFAULT_ZONE_ABBREVIATIONS,
    TemporalSpan,
    _bare_month_year,
    _closest_year,
    _date_for_time,
    _finished,
    _hedged_instant,
    _make_range,
    _month_end,
    _range_value,
    _zone,
)

__all__ = [
    "LanguagePack",
    "find_quantities_in",
    "find_temporal_in",
    "language_notice",
    "load_language_pack",
    "load_language_packs",
]

# ---------------------------------------------------------------- the file format

# key -> type: str, bool, list (of strings), map_str, map_int, map_num (numbers or "1e9")
_SPEC: dict[str, str] = {
    "name": "str", "dateparser": "str", "case_sensitive": "bool", "nouns_capitalized": "bool",
    "number_words": "map_int", "number_tens": "map_int", "number_units": "map_int",
    "number_order": "str", "number_joiners": "list", "one_before_scale": "list",
    "decimal_marks": "list", "group_marks": "list", "scales": "map_num",
    "money_scales": "map_num", "of_words": "list",
    "currency_symbols": "map_str", "currency_words": "map_str", "percent_words": "list",
    "point_words": "list", "units": "map_str", "time_units": "map_str",
    "duration_before": "list", "age_before": "list",
    "hedges_before": "map_str", "hedges_after": "map_str", "range_between": "list",
    "range_and": "list", "range_to": "list", "range_from": "list", "stopwords": "list",
    "plural_endings": "list",
    "months": "map_int", "month_abbreviations": "map_int", "weekdays": "map_int",
    "day_suffixes": "list", "day_month_joiners": "list", "month_year_joiners": "list",
    "weekday_day_joiners": "list", "date_prefixes": "map_str", "date_range_to": "list",
    "date_range_and": "list", "last_words": "list", "next_words": "list", "this_words": "list",
    "relative_days": "map_int", "relative_guard_before": "list", "relative_units": "map_str",
    "past_cues": "list", "future_cues": "list", "past_endings": "list",
    "future_endings": "list", "day_parts": "map_str", "day_part_range_to": "list",
    "time_prefixes": "map_str", "bare_hour_prefixes": "list", "hour_words": "list", "local_time_words": "list",
    "zone_names": "map_str", "zone_abbreviations": "map_str", "ago_before": "list",
    "ago_after": "list", "day_unit_words": "list", "role_before": "map_str",
}
_REQUIRED = ("name", "dateparser", "months", "weekdays")
_UNIT_CODES = frozenset(code for code, _pattern in _MEASURES)
_TIME_UNIT_CODES = frozenset(_TIME_CANON.values())
# English words a date prefix may stand for: the ones temporal._hedge_of and _narrow read,
# and the plain prepositions that only license a month or a year as a date.
_DATE_PREFIX_WORDS = frozenset(
    "after before by until till since about around early mid middle late end beginning start "
    "on or no later than not in from between during of the as".split()
)
_TIME_HEDGES = frozenset({"", "about", "before", "after", "by", "until", "since"})
_RELATIVE_UNITS = frozenset({"week", "month", "year", "weekend"})
_DAY_PART_MODES = frozenset({"same", "eve"})
# ISO codes are the same in every language.
_ISO_CODES = frozenset(
    "USD EUR GBP CNY JPY CHF BRL MXN ARS COP CLP PEN CAD AUD INR KRW RUB HKD SGD NZD SEK NOK DKK "
    "PLN TRY ZAR".split()
)


def _num_value(value: Any) -> Optional[Decimal]:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, str)):
        try:
            d = Decimal(str(value))
        except InvalidOperation:
            return None
        return d if d.is_finite() and d > 0 else None
    return None


@dataclass(frozen=True)
class LanguagePack:
    """One language's words for numbers and dates; built by :func:`load_language_pack`."""

    code: str
    path: str
    name: str
    dateparser: str
    case_sensitive: bool = False
    nouns_capitalized: bool = False
    number_order: str = "tens-units"  # or "units-tens" ("zweiundzwanzig")
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, repr=False)
    maps: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False, repr=False)
    _rx: "_Patterns" = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rx", _Patterns(self))

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())

    def table(self, key: str) -> Mapping[str, Any]:
        return self.maps.get(key, {})


def _fail(path: Path, reason: str, line: Optional[int]) -> VocabularyError:
    return VocabularyError(InputError(str(path), reason, line or 1))


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """1-based line of each key (and nested key) of a YAML mapping, for error messages."""
    lines: dict[tuple[str, ...], int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            lines[(str(key.value),)] = key.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):
                for sub, _v in value.value:
                    lines[(str(key.value), str(sub.value))] = sub.start_mark.line + 1
            elif isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(str(key.value), str(i))] = item.start_mark.line + 1
    return lines


def load_language_pack(path: Path) -> LanguagePack:
    """Read and validate one pack; a bad file raises VocabularyError naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read language pack: {exc}", None)
    try:
        data = yaml.safe_load(text)
        lines = _key_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _fail(path, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                    mark.line + 1 if mark else None)
    if not isinstance(data, dict):
        raise _fail(path, "a language pack must be a mapping of keys to values", 1)
    for key in data:
        if str(key) not in _SPEC:
            raise _fail(path, f"unknown key '{key}' (allowed: {', '.join(sorted(_SPEC))})",
                        lines.get((str(key),)))
    lists: dict[str, tuple[str, ...]] = {}
    maps: dict[str, dict[str, Any]] = {}
    scalars: dict[str, Any] = {}
    for key, kind in _SPEC.items():
        if key not in data:
            continue
        value = data[key]
        line = lines.get((key,))
        if kind == "str":
            if not isinstance(value, str) or not value.strip():
                raise _fail(path, f"'{key}' must be a non-empty string", line)
            scalars[key] = value.strip()
            if key == "number_order" and value.strip() not in ("tens-units", "units-tens"):
                raise _fail(path, f"'number_order' must be tens-units or units-tens, not {value!r}",
                            line)
        elif kind == "bool":
            if not isinstance(value, bool):
                raise _fail(path, f"'{key}' must be true or false, not {value!r}", line)
            scalars[key] = value
        elif kind == "list":
            if value is None:
                value = []
            if not isinstance(value, list):
                raise _fail(path, f"'{key}' must be a list of strings", line)
            for i, item in enumerate(value):
                if not isinstance(item, str) or (not item and key != "number_joiners"):
                    raise _fail(path, f"'{key}' must be a list of non-empty strings, not {item!r}",
                                lines.get((key, str(i)), line))
            lists[key] = tuple(value)
        else:
            if value is None:
                value = {}
            if not isinstance(value, dict):
                raise _fail(path, f"'{key}' must be a mapping", line)
            out: dict[str, Any] = {}
            for sub, item in value.items():
                where = lines.get((key, str(sub)), line)
                if not isinstance(sub, str) or not sub:
                    raise _fail(path, f"'{key}': keys must be non-empty strings, not {sub!r}", where)
                if kind == "map_str":
                    if not isinstance(item, str):
                        raise _fail(path, f"'{key}.{sub}' must be a string, not {item!r}", where)
                elif kind == "map_int":
                    if not isinstance(item, int) or isinstance(item, bool):
                        raise _fail(path, f"'{key}.{sub}' must be a whole number, not {item!r}",
                                    where)
                else:
                    if _num_value(item) is None:
                        raise _fail(path, f"'{key}.{sub}' must be a positive number, not {item!r}",
                                    where)
                    item = _num_value(item)
                _check_value(path, key, sub, item, where)
                out[sub] = item
            maps[key] = out
    for key in _REQUIRED:
        if key not in data:
            raise _fail(path, f"missing key '{key}'", 1)
    return LanguagePack(
        code=path.stem, path=str(path), name=scalars["name"], dateparser=scalars["dateparser"],
        case_sensitive=scalars.get("case_sensitive", False),
        nouns_capitalized=scalars.get("nouns_capitalized", False),
        number_order=scalars.get("number_order", "tens-units"),
        lists=lists, maps=maps,
    )


def _check_value(path: Path, key: str, sub: str, item: Any, where: Optional[int]) -> None:
    """Values that must name something the English normalizers know."""
    bad = ""
    if key == "units" and item not in _UNIT_CODES:
        bad = f"unknown unit code {item!r} (known: {', '.join(sorted(_UNIT_CODES))})"
    elif key == "time_units" and item not in _TIME_UNIT_CODES:
        bad = f"unknown time unit {item!r} (known: {', '.join(sorted(_TIME_UNIT_CODES))})"
    elif key in ("hedges_before", "hedges_after") and item not in _HEDGE_GROUP:
        bad = f"unknown English hedge {item!r}"
    elif key == "date_prefixes" and (not item.split() or
                                     any(w not in _DATE_PREFIX_WORDS for w in item.split())):
        bad = f"unknown English date prefix {item!r}"
    elif key == "time_prefixes" and item not in _TIME_HEDGES:
        bad = f"a time prefix means one of {sorted(_TIME_HEDGES)}, not {item!r}"
    elif key == "relative_units" and item not in _RELATIVE_UNITS:
        bad = f"a relative unit is one of {sorted(_RELATIVE_UNITS)}, not {item!r}"
    elif key == "role_before" and item not in ("from", "to", "by"):
        bad = f"a role word means from, to or by, not {item!r}"
    elif key == "day_parts" and item not in _DAY_PART_MODES:
        bad = f"a day part is one of {sorted(_DAY_PART_MODES)}, not {item!r}"
    elif key in ("currency_symbols", "currency_words") and not re.fullmatch(r"[A-Z]{3}", item):
        bad = f"{item!r} is not an ISO 4217 code"
    elif key in ("zone_names", "zone_abbreviations") and _zone(item) is None:
        bad = f"{item!r} is not a time zone"
    elif key == "months" or key == "month_abbreviations":
        bad = "" if 1 <= item <= 12 else f"a month is 1..12, not {item}"
    elif key == "weekdays":
        bad = "" if 0 <= item <= 6 else f"a weekday is 0 (Monday)..6, not {item}"
    elif key in ("number_words", "number_tens", "number_units"):
        bad = "" if 0 <= item < 10 ** 6 else f"a number word must be below a million, not {item}"
    if bad:
        raise _fail(path, f"'{key}.{sub}': {bad}", where)


# English is no pack: its words (vocab/lang/en.yaml) have their own keys and are read by the
# English normalizers (consistency/normalize/english.py), never by this module.
ENGLISH_STEM = "en"


def load_language_packs(rules_dir: Optional[str] = None) -> dict[str, LanguagePack]:
    """Every ``vocab/lang/<code>.yaml`` under the rules folder (the shipped one by default),
    except ``en.yaml``: English is read by quantities.py and temporal.py, not as a pack."""
    folder = rules_root(rules_dir) / "vocab" / "lang"
    if not folder.is_dir():
        return {}
    return {p.stem: load_language_pack(p) for p in sorted(folder.glob("*.yaml"))
            if p.stem != ENGLISH_STEM}


def language_notice(language: str, packs: Mapping[str, LanguagePack]) -> Optional[str]:
    """None when ``language`` is English or has a pack; else the one-line notice to show."""
    code = (language or "").lower().split("-")[0]
    if not code or code == "en" or code in packs:
        return None
    return f"no resources for language '{code}' yet, so it is not read (see docs/languages.md)"


# ---------------------------------------------------------------- regex building


def _lit(word: str) -> str:
    """A literal word or phrase: runs of spaces match any whitespace, apostrophes either kind."""
    parts = [re.sub(r"['’]", "['’]", re.escape(p)) for p in word.split(" ")]
    return r"\s+".join(parts)


def _alt(words: Iterable[str], pack: LanguagePack, capitalize: bool = True) -> str:
    """Alternation, longest first; a case-sensitive pack also gets the capitalized form."""
    forms: set[str] = set()
    for w in words:
        if not w:
            continue
        forms.add(w)
        if pack.case_sensitive and capitalize and w[:1].islower():
            forms.add(w[:1].upper() + w[1:])
    if not forms:
        return r"(?!x)x"
    return "(?:" + "|".join(_lit(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).lower()


def _lookup(table: Mapping[str, Any], text: str) -> Any:
    """Value for a matched word: exact key first, then case- and space-insensitive."""
    if text in table:
        return table[text]
    k = _key(text)
    for key, value in table.items():
        if _key(key) == k:
            return value
    return None


def _char_class(marks: Iterable[str]) -> str:
    chars = "".join(re.escape(m) for m in marks if len(m) == 1)
    return f"[{chars}]" if chars else r"(?!x)x"


_YEAR = r"(?:1[89][0-9][0-9]|2[0-2][0-9][0-9])"
_DAYNUM = r"(?:3[01]|[12][0-9]|0?[1-9])"
_GAP = r"[ \t\u00a0\u202f]?"  # at most one space between a figure and its sign
_SEP = r"(?:\s+|(?<=['’\s]))"  # spaces, or nothing right after an apostrophe or a space


class _Patterns:
    """Every regex of one pack, compiled once when the pack is built."""

    def __init__(self, pack: LanguagePack) -> None:
        fl = 0 if pack.case_sensitive else re.IGNORECASE
        w, t = pack.words, pack.table
        self.flags = fl
        # lower-cased lookups
        self.stop = frozenset(_key(x) for x in w("stopwords")) | frozenset(
            _key(x) for x in list(w("of_words")) + list(w("range_and")) + list(w("range_to")))
        self.function_words = self.stop | frozenset(
            _key(x) for key in ("hedges_before", "date_prefixes", "months", "weekdays",
                                "currency_words", "units", "time_units", "scales",
                                "relative_days", "number_words")
            for x in t(key))

        # numbers
        g, d = _char_class(w("group_marks")), _char_class(w("decimal_marks"))
        self.group_marks = frozenset(w("group_marks"))
        self.decimal_marks = frozenset(w("decimal_marks"))
        self.digits = re.compile(
            rf"(?<![\w.,])(?:(?P<int>[1-9][0-9]{{0,2}}(?P<g>{g})[0-9]{{3}}(?:(?P=g)[0-9]{{3}}){{0,5}})"
            rf"(?:(?P<d>{d})(?P<frac>[0-9]{{1,6}}))?"
            rf"|(?P<int2>[0-9]{{1,15}})(?:(?P<d2>{d})(?P<frac2>[0-9]{{1,6}}))?)(?![0-9])"
        )
        words_alt = _alt(t("number_words"), pack)
        tens, units = _alt(t("number_tens"), pack), _alt(t("number_units"), pack)
        joiners = w("number_joiners")
        join = "(?:" + "|".join(_lit(j) if j.strip() else (r"\s+" if j else "")
                                 for j in sorted(joiners, key=len, reverse=True)) + ")" \
            if joiners else r"(?!x)x"
        if pack.table("number_tens") and pack.table("number_units"):
            compound = (rf"(?P<u>{units}){join}(?P<t>{tens})" if pack.number_order == "units-tens"
                        else rf"(?P<t>{tens}){join}(?P<u>{units})")
            self.wordnum = re.compile(rf"(?<!\w)(?P<c>{compound})(?!\w)|(?<!\w)(?P<s>{words_alt})(?!\w)",
                                      fl)
        else:
            self.wordnum = re.compile(rf"(?<!\w)(?P<s>{words_alt})(?!\w)", fl)
        self.qstart = re.compile(
            rf"(?<![\w.,])[0-9]|{self.wordnum.pattern}|(?<!\w){_alt(w('one_before_scale'), pack)}(?!\w)",
            fl)
        self.one = re.compile(rf"(?<!\w){_alt(w('one_before_scale'), pack)}(?!\w)", fl)
        self.scale = re.compile(rf"{_GAP}(?P<s>{_alt(t('scales'), pack)})(?!\w)", fl)
        self.money_scale = re.compile(rf"{_GAP}(?P<s>{_alt(t('money_scales'), pack, False)})(?!\w)")
        of_parts = []
        for o in sorted(w("of_words"), key=len, reverse=True):
            of_parts.append(_lit(o) if o.endswith(("'", "’")) else _lit(o) + r"\s+")
        self.of = re.compile(r"\s+(?:" + "|".join(of_parts) + ")" if of_parts else r"(?!x)x", fl)

        # money, percent, units
        syms = dict(t("currency_symbols"))
        self.symbols = syms
        sym_alt = _alt(list(syms) + sorted(_ISO_CODES), pack, False)
        self.cur_before = re.compile(rf"(?<![\w$])(?P<c>{sym_alt}){_GAP}$")
        self.cur_sym_after = re.compile(rf"{_GAP}(?P<c>{sym_alt})(?![\w$])")
        self.cur_word_after = re.compile(rf"{_SEP}(?P<c>{_alt(t('currency_words'), pack)})(?!\w)", fl)
        self.percent = re.compile(rf"{_GAP}(?:{_alt(w('percent_words'), pack)})(?!\w)", fl)
        self.points = re.compile(rf"\s+(?:{_alt(w('point_words'), pack)})(?!\w)", fl)
        self.unit = re.compile(rf"(?P<sep>{_GAP}-?{_GAP})(?P<u>{_alt(t('units'), pack, False)})(?![\w²/])",
                               fl)
        self.time_unit = re.compile(rf"\s+(?P<u>{_alt(t('time_units'), pack)})(?!\w)", fl)
        self.duration_before = re.compile(rf"(?<!\w){_alt(w('duration_before'), pack)}\s+$", fl)
        self.age_before = re.compile(rf"(?<!\w){_alt(w('age_before'), pack)}\s+$", fl)
        self.hedge_before = re.compile(rf"(?<![\w-])(?P<h>{_alt(t('hedges_before'), pack)})\s+$", fl)
        self.hedge_after = re.compile(rf"\s+(?P<h>{_alt(t('hedges_after'), pack)})(?!\w)", fl)
        self.role_before = re.compile(rf"(?<!\w)(?P<r>{_alt(t('role_before'), pack)})\s+$", fl)
        self.between_before = re.compile(rf"(?<!\w){_alt(w('range_between'), pack)}\s+$", fl)
        self.from_before = re.compile(rf"(?<!\w){_alt(w('range_from'), pack)}\s+$", fl)
        self.range_dash = re.compile(r"\s*[-–—]\s*")
        self.range_to = re.compile(rf"\s+{_alt(w('range_to'), pack)}\s+", fl)
        self.range_and = re.compile(rf"\s+{_alt(w('range_and'), pack)}\s+", fl)
        self.word = re.compile(_SEP + r"([^\W\d_][\w'’-]{0,40})")
        self.cap_before = re.compile(r"([^\W\d_][\w'’.-]{0,30})\s+$")
        glued = [t("units"), t("scales"), t("money_scales"), w("hour_words"), w("percent_words"),
                 w("day_suffixes")]
        self.glued = re.compile(
            "(?:" + "|".join(_alt(g_, pack, False) for g_ in glued if g_) + r")(?![\w])", fl) \
            if any(glued) else re.compile(r"(?!x)x")

        # calendar
        months = dict(t("months"))
        months.update(t("month_abbreviations"))
        self.months = months
        self.weekdays = dict(t("weekdays"))
        mon = _alt(months, pack, False)
        mon_full = _alt(t("months"), pack, False)
        wd = _alt(self.weekdays, pack, False)
        suffix = f"(?:{_alt(w('day_suffixes'), pack, False)})?" if w("day_suffixes") else ""
        dj = rf"(?:{_alt(w('day_month_joiners'), pack)}\s+)?" if w("day_month_joiners") else ""
        yj = rf"(?:{_alt(w('month_year_joiners'), pack)}\s+)?" if w("month_year_joiners") else ""
        wdj = rf"(?:{_alt(w('weekday_day_joiners'), pack)}\s+)?" if w("weekday_day_joiners") else ""
        wd_opt = rf"(?:(?<!\w)(?P<wd>{wd})\.?,?\s+{wdj})?"

        def day(n: str) -> str:
            return rf"(?<![\w.,])(?P<d{n}>{_DAYNUM}){suffix}"

        def year_tail(n: str) -> str:
            return rf"(?:,?\s+{yj}(?P<y{n}>{_YEAR})(?![0-9]|[.,][0-9]))?"

        links = [r"\s*[-–]\s*"] + [rf"\s+{_alt([x], pack)}\s+" for x in w("date_range_to")
                                   if x not in ("-", "–")]
        if w("date_range_and"):
            links.append(rf"\s+(?P<and>{_alt(w('date_range_and'), pack)})\s+")
        link = "(?:" + "|".join(links) + ")"
        self.date_dm = re.compile(
            rf"{wd_opt}{day('1')}\s+{dj}(?P<m1>{mon})(?!\w){year_tail('1')}", fl)
        self.range_d_dm = re.compile(
            rf"{day('1')}(?P<link>{link}){day('2')}\s+{dj}(?P<m2>{mon})(?!\w){year_tail('2')}", fl)
        self.range_dm_dm = re.compile(
            rf"{day('1')}\s+{dj}(?P<m1>{mon})(?!\w){year_tail('1')}(?P<link>{link})"
            rf"{day('2')}\s+{dj}(?P<m2>{mon})(?!\w){year_tail('2')}", fl)
        self.month_year = re.compile(
            rf"(?<!\w)(?P<m1>{mon})(?!\w),?\s+{yj}(?P<y1>{_YEAR})(?![0-9]|[.,][0-9])", fl)
        mods = list(w("last_words")) + list(w("next_words")) + list(w("this_words"))
        self.mod_kind = {**{_key(x): "last" for x in w("last_words")},
                         **{_key(x): "next" for x in w("next_words")},
                         **{_key(x): "this" for x in w("this_words")}}
        pre_parts = []
        for m_ in sorted(set(mods), key=len, reverse=True):
            pre_parts.append(_alt([m_], pack) + ("" if m_.endswith(("'", "’")) else r"\s+"))
        pre = "(?:" + "|".join(pre_parts) + ")" if pre_parts else r"(?!x)x"
        post = _alt(mods, pack) if mods else r"(?!x)x"
        self.month_bare = re.compile(
            rf"(?:(?<!\w)(?P<pre>{pre}))?(?<!\w)(?P<m1>{mon_full})(?!\w)(?:\s+(?P<post>{post})(?!\w))?",
            fl)
        self.year = re.compile(rf"(?<![\w$€£.,])(?P<y1>{_YEAR})(?![\w%]|[.,][0-9])")
        self.weekday = re.compile(
            rf"(?:(?<!\w)(?P<pre>{pre}))?(?<!\w)(?P<wd>{wd})(?!\w)(?:\s+(?P<post>{post})(?!\w))?", fl)
        self.rel_unit = re.compile(
            rf"(?:(?<!\w)(?P<pre>{pre}))?(?<!\w)(?P<u>{_alt(t('relative_units'), pack, False)})(?!\w)"
            rf"(?:\s+(?P<post>{post})(?!\w))?", fl)
        self.rel_day = re.compile(rf"(?<!\w)(?P<r>{_alt(t('relative_days'), pack, False)})(?!\w)", fl)
        self.rel_guard = re.compile(rf"(?<!\w){_alt(w('relative_guard_before'), pack)}\s+$", fl)
        self.prefix_map = {_key(k): v for k, v in t("date_prefixes").items()}
        pparts = []
        for p in sorted(t("date_prefixes"), key=len, reverse=True):
            pparts.append(_alt([p], pack) + ("" if p.endswith(("'", "’")) else r"(?:\s+|-)"))
        self.prefix = re.compile(r"(?:(?<!\w)(?:" + "|".join(pparts) + r")){1,4}$", fl) \
            if pparts else re.compile(r"(?!x)x")
        self.prefix_one = re.compile(r"(?<!\w)(?:" + "|".join(pparts) + ")", fl) \
            if pparts else re.compile(r"(?!x)x")
        self.day_part = re.compile(rf"(?<!\w)(?P<p>{_alt(t('day_parts'), pack)})\s+$", fl)
        self.day_part_to = re.compile(
            rf"\s+{_alt(w('day_part_range_to'), pack)}\s+(?P<wd2>{wd})(?!\w)", fl)
        self.token = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[,;:()—–]|[.!?]")
        self.past = frozenset(_key(x) for x in w("past_cues"))
        self.future = frozenset(_key(x) for x in w("future_cues"))
        num_any = rf"(?:[0-9]{{1,3}}|{words_alt})"
        days_alt = _alt(w("day_unit_words"), pack)
        self.ago_before = re.compile(
            rf"(?<!\w){_alt(w('ago_before'), pack)}\s+(?P<n>{num_any})\s+{days_alt}(?!\w)", fl)
        self.ago_after = re.compile(
            rf"(?<!\w)(?P<n>{num_any})\s+{days_alt}\s+{_alt(w('ago_after'), pack)}(?!\w)", fl)

        # clock times
        hw = _alt(w("hour_words"), pack, False)
        self.clock = re.compile(
            rf"(?<![\w.,:])(?P<h>[01]?[0-9]|2[0-3])(?:(?P<sep>:|\s?h\s?|\.)(?P<mi>[0-5][0-9]))?"
            rf"(?![0-9])(?:{_GAP}(?P<hw>{hw})(?!\w))?", fl)
        self.time_prefix_map = {_key(k): v for k, v in t("time_prefixes").items()}
        self.bare_hour_prefix = re.compile(
            rf"(?<!\w){_alt(w('bare_hour_prefixes'), pack)}\s+$", fl)
        self.time_prefix = re.compile(rf"(?<!\w)(?P<p>{_alt(t('time_prefixes'), pack)})\s+$", fl)
        abbrs = dict(_DEFAULT_ZONE_ABBREVIATIONS)
        abbrs.update(t("zone_abbreviations"))
        self.zone_abbrs = abbrs
        self.zone_names = dict(t("zone_names"))
        abbr_alt = "|".join(re.escape(a) for a in sorted(abbrs, key=lambda a: (-len(a), a)))
        self.zone = re.compile(
            rf"[\s,]{{0,3}}(?:(?P<local>{_alt(w('local_time_words'), pack)})"
            rf"|(?P<name>{_alt(self.zone_names, pack, False)})"
            rf"|(?-i:(?P<abbr>{abbr_alt}))(?P<off>[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?)(?![\w])", fl)



_PARSE_ERRORS = (ValueError, ArithmeticError, KeyError, IndexError, TypeError, AttributeError,
                 OverflowError)


# ---------------------------------------------------------------- quantities


def _digits_value(m: re.Match[str]) -> Optional[Decimal]:
    if m.group("int"):
        g, mark = m.group("g"), m.group("d")
        if mark and mark == g:
            return None  # "1.234.5": no reading is safe
        text = m.group("int").replace(g, "")
        if mark:
            text += "." + m.group("frac")
    else:
        text = m.group("int2")
        if m.group("d2"):
            text += "." + m.group("frac2")
    return Decimal(text)


def _word_value(m: re.Match[str], pack: LanguagePack) -> Optional[int]:
    gd = m.groupdict()
    if gd.get("c"):
        tens = _lookup(pack.table("number_tens"), gd["t"])
        units = _lookup(pack.table("number_units"), gd["u"])
        return None if tens is None or units is None else tens + units
    return _lookup(pack.table("number_words"), gd["s"])


def _parse_num(sentence: str, pos: int, pack: LanguagePack, currency: bool) -> Optional[_Num]:
    """A number at ``pos`` with its scale word ("5,4 milliards", "cinco millones", "un millón")."""
    rx = pack._rx
    is_one = False
    m = rx.digits.match(sentence, pos)
    if m:
        value, is_word = _digits_value(m), False
    else:
        m = rx.wordnum.match(sentence, pos)
        if m:
            wv = _word_value(m, pack)
            value, is_word = (Decimal(wv) if wv is not None else None), True
        else:
            m = rx.one.match(sentence, pos)
            if not m:
                return None
            value, is_word, is_one = Decimal(1), True, True
    if value is None:
        return None
    end = m.end()
    scale = Decimal(1)
    sm = rx.scale.match(sentence, end)
    if sm:
        scale = _lookup(pack.table("scales"), sm.group("s"))
    elif currency and not is_word:
        sm = rx.money_scale.match(sentence, end)
        if sm:
            scale = _lookup(pack.table("money_scales"), sm.group("s"))
    if sm and scale:
        end = sm.end()
    else:
        scale = Decimal(1)
    if is_one and scale == 1:
        return None  # "un", "une", "ein" alone are articles
    if scale != 1:
        low, high, hopen = _round_band(value, scale)
        return _Num(low, high, hopen, end, _fmt(float(value * scale)), is_word, True, False, False, value, scale)
    return _Num(float(value), float(value), False, end, _fmt(float(value)), is_word, False, False, False,
                value, Decimal(1))


def _inside(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in blocked)


def _blocked(sentence: str, pack: LanguagePack) -> list[tuple[int, int]]:
    """Dates, clock times and "N days ago": their digits are not quantities."""
    rx = pack._rx
    out = []
    for r in (rx.date_dm, rx.range_d_dm, rx.range_dm_dm, rx.month_year, rx.ago_before,
              rx.ago_after):
        out.extend((m.start(), m.end()) for m in r.finditer(sentence))
    for m in rx.clock.finditer(sentence):
        sep = (m.group("sep") or "").strip()
        if sep in (":", "h") or m.group("hw") or (
                not sep and rx.bare_hour_prefix.search(sentence, max(0, m.start() - 24), m.start())
                and not _unit_follows(sentence, m.end(), pack)):
            if sep == "." and not m.group("hw"):
                continue
            out.append((m.start(), m.end()))
    return out


def _foreign(sentence: str, start: int, end: int, pack: LanguagePack) -> bool:
    """Digits glued to letters or symbols that make them part of a name, code or id."""
    before = sentence[start - 1] if start > 0 else ""
    if before.isalpha() or (before and before in "-–/:#+_'’"):
        return True
    if before and before in ".," and start > 1 and sentence[start - 2].isalnum():
        return True
    after = sentence[end] if end < len(sentence) else ""
    if after.isalpha() and not pack._rx.glued.match(sentence, end):
        return True
    if after and after in ".,:/" and end + 1 < len(sentence) and sentence[end + 1].isdigit():
        return True
    if after and after in "-–" and end + 1 < len(sentence) and sentence[end + 1].isupper():
        return True
    digits = sentence[start:end]
    if digits.isdigit() and (len(digits) >= 7 or (len(digits) > 1 and digits[0] == "0")):
        return True
    return False


def _at_sentence_start(sentence: str, pos: int) -> bool:
    return not sentence[:pos].strip(" \t\"'“‘«(¿¡-—")


def _name_before(sentence: str, start: int, floor: int, pack: LanguagePack) -> bool:
    """"Boeing 737", "Airbus A320": a capitalised word right before makes digits a name."""
    if pack.nouns_capitalized:
        return False  # every German noun is capitalised; that says nothing
    m = pack._rx.cap_before.search(sentence, max(floor, start - 32), start)
    if not m or not m.group(1)[0].isupper():
        return False
    if _at_sentence_start(sentence, m.start()):
        return False
    return _key(m.group(1).rstrip(".")) not in pack._rx.function_words


def _currency_before(sentence: str, start: int, floor: int, pack: LanguagePack) -> tuple[str, int]:
    m = pack._rx.cur_before.search(sentence, max(floor, start - 8), start)
    if not m:
        return "", start
    tok = m.group("c")
    code = pack._rx.symbols.get(tok) or (tok if tok in _ISO_CODES else "")
    return (code, m.start()) if code else ("", start)


def _hedge_before(sentence: str, start: int, floor: int, pack: LanguagePack) -> tuple[str, int]:
    """The English hedge a foreign one stands for ("más de" -> "more than"), and its start."""
    m = pack._rx.hedge_before.search(sentence, max(floor, start - 32), start)
    if not m:
        return "", start
    english = _lookup(pack.table("hedges_before"), m.group("h"))
    return (english, m.start()) if english else ("", start)


def _noun_after(sentence: str, pos: int, pack: LanguagePack, plural: bool,
                allow_of: bool) -> Optional[tuple[str, int]]:
    """The counted noun right after a figure ("622 muertos", "500 Verletzte"), lower-cased."""
    rx = pack._rx
    if allow_of:
        of = rx.of.match(sentence, pos)
        if of:
            pos = of.end()
    skipped = 0
    while True:
        m = rx.word.match(sentence, pos)
        if not m:
            return None
        word = m.group(1).rstrip("'’-")
        low = _key(word)
        if low in rx.stop or low in rx.function_words:
            return None
        if pack.nouns_capitalized:
            if not word[0].isupper():
                if skipped >= 2:
                    return None
                skipped, pos = skipped + 1, m.end()  # "500 weitere Verletzte"
                continue
        elif word[0].isupper():
            return None  # a name, not what is counted
        if plural and pack.words("plural_endings") and not low.endswith(
                tuple(pack.words("plural_endings"))) and not pack.nouns_capitalized:
            return None
        return low, m.start(1) + len(word)


def _unit_follows(sentence: str, pos: int, pack: LanguagePack) -> bool:
    rx = pack._rx
    return bool(rx.percent.match(sentence, pos) or rx.unit.match(sentence, pos)
                or rx.cur_sym_after.match(sentence, pos) or rx.cur_word_after.match(sentence, pos)
                or rx.time_unit.match(sentence, pos))


def _make_span(sentence: str, start: int, end: int, kind: str, value: str,
               interval: Optional[Interval], unit: str, hedge: str = "", counted: str = "",
               modifiers: tuple[str, ...] = ()) -> QuantitySpan:
    return QuantitySpan(start, end, sentence[start:end], kind, value, interval, unit, hedge,
                        counted, modifiers)


def find_quantities_in(sentence: str, pack: LanguagePack) -> list[QuantitySpan]:
    """Every figure in one sentence of ``pack``'s language, left to right, never overlapping.

    Kinds, units, value strings and intervals are those of
    :func:`consistency.normalize.quantities.find_quantities` for the same quantity.
    """
    if not sentence or not isinstance(sentence, str):
        return []
    rx = pack._rx
    try:
        blocked = _blocked(sentence, pack)
    except _PARSE_ERRORS:  # pragma: no cover - defensive
        blocked = []
    spans: list[QuantitySpan] = []
    floor = 0
    for m in rx.qstart.finditer(sentence):
        if m.start() < floor or _inside(m.start(), m.end(), blocked):
            continue
        try:
            found = _from_number(sentence, m.start(), floor, pack, blocked)
        except _PARSE_ERRORS:
            found = None  # one odd figure must not cost the sentence its others
        if not found:
            continue
        spans.extend(found)
        floor = found[-1].end
    return spans


def _from_number(sentence: str, start: int, floor: int, pack: LanguagePack,
                 blocked: list[tuple[int, int]]) -> Optional[list[QuantitySpan]]:
    rx = pack._rx
    is_dig = sentence[start].isdigit()
    if is_dig:
        dm = rx.digits.match(sentence, start)
        if not dm or _foreign(sentence, start, dm.end(), pack):
            return None
    currency, cur_start = _currency_before(sentence, start, floor, pack) if is_dig else ("", start)
    if is_dig and not currency and _name_before(sentence, start, floor, pack):
        return None
    num = _parse_num(sentence, start, pack, bool(currency))
    if num is None:
        return None
    left = cur_start
    hedge, hstart = _hedge_before(sentence, left, floor, pack)
    bm = rx.between_before.search(sentence, max(floor, left - 14), left)
    first_left = hstart if hedge else left
    from_before = bool(rx.from_before.search(sentence, max(floor, first_left - 10), first_left))
    year_like = (is_dig and re.fullmatch(r"1[89][0-9][0-9]|20[0-9][0-9]|2100",
                                         sentence[start:num.end]) is not None
                 and not currency and not hedge)

    # ranges: "entre 10 y 12", "10-12", "10 a 12", "de 10 a 12" (two values, like "from ... to")
    second: Optional[_Num] = None
    split_pair = False
    sep = None
    if not _unit_follows(sentence, num.end, pack):
        if bm:
            sep = rx.range_and.match(sentence, num.end)
        else:
            sep = rx.range_dash.match(sentence, num.end) or rx.range_to.match(sentence, num.end)
    if sep:
        nxt_start = sep.end()
        if currency:
            # "US$10 a US$12": the sign may repeat
            sm = re.match(rf"(?:{'|'.join(re.escape(k) for k in sorted(rx.symbols, key=len, reverse=True))}){_GAP}",
                          sentence[nxt_start:nxt_start + 6]) if rx.symbols else None
            if sm:
                nxt_start += sm.end()
        nxt = _parse_num(sentence, nxt_start, pack, bool(currency))
        if nxt is not None and (nxt.is_word != num.is_word or _inside(nxt_start, nxt.end, blocked)):
            nxt = None
        if nxt is not None and sentence[nxt_start].isdigit():
            nd = rx.digits.match(sentence, nxt_start)
            if nd is None or _foreign(sentence, nxt_start, nd.end(), pack):
                nxt = None
        if nxt is not None:
            if year_like or re.fullmatch(r"1[89][0-9][0-9]|20[0-9][0-9]", sentence[nxt_start:nxt.end]):
                return None  # "2019-2020"
            dash = sep.group().strip() in ("-", "–", "—")
            first_low = float(num.mantissa * nxt.scale) if nxt.scaled and not num.scaled else num.low
            if from_before and not dash and not bm:
                split_pair, second = True, nxt
            elif num.scaled and not nxt.scaled:
                pass
            elif nxt.high <= first_low:
                if dash and not num.scaled:
                    return None  # "ganó 3-1": a score, not a range
            else:
                second = nxt
    if year_like and second is None and not _unit_follows(sentence, num.end, pack):
        prev = rx.prefix.search(sentence, max(floor, start - 48), start)
        if prev or _noun_after(sentence, num.end, pack, True, False) is None:
            return None  # "en 2022": a year, not a quantity

    if second is not None and not split_pair:
        low = num.low
        if second.scaled and not num.scaled:
            low = _round_band(num.mantissa, second.scale)[0]  # "10 a 12 millones"
        if num.scaled or second.scaled:
            text = f"{_fmt(float(num.mantissa * (num.scale if num.scaled else second.scale)))}-{second.text}"
        else:
            text = f"{num.text}-{second.text}"
        num = _Num(low, second.high, second.high_open, second.end, text, num.is_word,
                   num.scaled or second.scaled, False, False, num.mantissa, second.scale)
    if split_pair and second is not None and sep is not None:
        found = _classify(sentence, sep.end(), second, "", floor, pack, currency, sep.end())
        if not found:
            return None
        model = found[0]
        s2 = model.start
        while s2 < model.end and sentence[s2].isspace():
            s2 += 1
        model = _make_span(sentence, s2, model.end, model.kind, model.value, model.interval,
                      model.unit, model.hedge, model.counted, ("to",))
        if second.scaled and not num.scaled:
            low, high, hopen = _round_band(num.mantissa, second.scale)
            num = _Num(low, high, hopen, num.end, _fmt(float(num.mantissa * second.scale)),
                       num.is_word, True, False, False, num.mantissa, second.scale)
        first = _retarget(sentence, model, first_left, num, hedge)
        return [first, model] if first else [model]
    found = _classify(sentence, start, num, hedge, floor, pack, currency,
                      hstart if hedge else left)
    if found and year_like and found[0].kind == "number":
        return None
    if found and bm and second is not None and not hedge:
        f = found[0]
        found[0] = _make_span(sentence, bm.start(), f.end, f.kind, f.value, f.interval, f.unit,
                         f.hedge, f.counted, f.modifiers)
    return found


def _retarget(sentence: str, model: QuantitySpan, start: int, num: _Num, hedge: str
              ) -> Optional[QuantitySpan]:
    """The first figure of "de 40 a 35 %" takes the kind and unit of the second."""
    if model.kind == "duration":
        return None
    m = re.match(r"^[<>=~]*([A-Z]{3} )?[0-9.,-]+(.*)$", model.value)
    if not m:
        return None
    value = f"{_mark(hedge)}{m.group(1) or ''}{num.text}{m.group(2)}"
    if num.high_open and not hedge:
        iv = Interval(num.low, num.high, high_open=True)
    else:
        iv = _apply_hedge(num.low, num.high, hedge, ABOUT_BAND, NEARLY_BAND)
    return _make_span(sentence, start, num.end, model.kind, value, iv, model.unit, hedge,
                 model.counted, ("from",))


def _classify(sentence: str, start: int, num: _Num, hedge: str, floor: int, pack: LanguagePack,
              currency: str, s: int) -> Optional[list[QuantitySpan]]:
    """What a parsed figure measures, from the words after it; ``s`` is where the span starts."""
    rx = pack._rx
    pos = num.end

    def hedged(h: str) -> Interval:
        if num.high_open and not h:
            return Interval(num.low, num.high, high_open=True)
        return _apply_hedge(num.low, num.high, h, ABOUT_BAND, NEARLY_BAND)

    def or_more(end: int, h: str) -> tuple[int, str]:
        om = rx.hedge_after.match(sentence, end)
        if om and (rx.of.match(sentence, om.end()) or re.match(r"\s*[0-9]", sentence[om.end():om.end() + 3])):
            om = None  # "812 morts et plus de 3 000 blessés": the hedge of the next figure
        if om and not h:
            english = _lookup(pack.table("hedges_after"), om.group("h"))
            if english:
                return om.end(), english
        return end, h

    def counted_after(end: int) -> str:
        if not rx.of.match(sentence, end):
            return ""  # "el 12 % de los votos": what a share or a sum is of
        found = _noun_after(sentence, end, pack, False, True)
        return found[0] if found else ""

    role = rx.role_before.search(sentence, max(floor, s - 10), s)
    mods: tuple[str, ...] = (_lookup(pack.table("role_before"), role.group("r")),) if role else ()

    def _span(*args: Any, **kw: Any) -> QuantitySpan:
        return _make_span(*args, modifiers=mods, **kw)

    # money: a sign before, a sign after ("5 €"), or a currency word ("millones de dólares")
    if not currency:
        sm = rx.cur_sym_after.match(sentence, pos)
        if sm:
            tok = sm.group("c")
            currency = rx.symbols.get(tok) or (tok if tok in _ISO_CODES else "")
            if currency:
                pos = sm.end()
        if not currency:
            of = rx.of.match(sentence, pos) if num.scaled else None
            cw = rx.cur_word_after.match(sentence, of.end() if of else pos)
            if cw:
                code = _lookup(pack.table("currency_words"), cw.group("c"))
                if code:
                    currency, pos = code, cw.end()
    if currency:
        end, h = or_more(pos, hedge)
        return [_span(sentence, s, end, "money", f"{_mark(h)}{currency} {num.text}", hedged(h),
                      currency, h, counted_after(end))]

    pp = rx.points.match(sentence, pos)
    if pp:
        end, h = or_more(pp.end(), hedge)
        return [_span(sentence, s, end, "percentage_points", f"{_mark(h)}{num.text} pp",
                      hedged(h), "pp", h, counted_after(end))]
    pc = rx.percent.match(sentence, pos)
    if pc:
        end, h = or_more(pc.end(), hedge)
        return [_span(sentence, s, end, "percentage", f"{_mark(h)}{num.text}%", hedged(h), "%",
                      h, counted_after(end))]

    tm = rx.time_unit.match(sentence, pos)
    if tm and not num.scaled:
        unit = _lookup(pack.table("time_units"), tm.group("u"))
        if unit == "year" and rx.age_before.search(sentence, max(floor, s - 24), s) and not hedge:
            return [_span(sentence, s, tm.end(), "measure", f"{num.text} years old",
                          Interval(num.low, num.high), "age")]
        if hedge or rx.duration_before.search(sentence, max(floor, s - 24), s):
            lo, hi = _days(num.low, unit)[0], _days(num.high, unit)[1]
            end, h = or_more(tm.end(), hedge)
            label = _unit_label(num.text, unit, not (num.low == 1 and num.high == 1))
            iv = _apply_hedge(lo, hi, h, DURATION_ABOUT_BAND, DURATION_NEARLY_BAND, True) if h \
                else Interval(lo, hi)
            return [_span(sentence, s, end, "duration", _mark(h) + label, iv, "day", h)]
        return None  # "hace 3 días" is a date; "34 años" alone may be an age or a span

    um = rx.unit.match(sentence, pos)
    if um:
        code = _lookup(pack.table("units"), um.group("u"))
        if code:
            end, h = or_more(um.end(), hedge)
            return [_span(sentence, s, end, "measure", f"{_mark(h)}{num.text} {code}", hedged(h),
                          code, h)]

    plural = not (num.low == 1 and num.high == 1)
    noun = _noun_after(sentence, pos, pack, plural, num.scaled)
    if noun:
        counted, nend = noun
        end, h = or_more(nend, hedge)
        iv = _apply_hedge(num.low, num.high, h, ABOUT_BAND, NEARLY_BAND) if h else Interval(
            num.low, num.high, high_open=num.high_open)
        return [_span(sentence, s, end, "count", f"{_mark(h)}{num.text}", iv, counted, h,
                      counted)]
    if num.is_word and not num.scaled:
        return None  # "los dos se reunieron": nothing says what is counted
    if not hedge and _at_sentence_start(sentence, s):
        return None
    nxt = rx.word.match(sentence, pos)
    if nxt and nxt.group(1)[0].isupper() and not hedge and not pack.nouns_capitalized:
        return None  # part of a name
    return [_span(sentence, s, pos, "number", f"{_mark(hedge)}{num.text}", hedged(hedge), "",
                  hedge)]


# ---------------------------------------------------------------- dates and times


# A candidate date span, as the English reader's: a bare month or year is a date only after a
# preposition (needs_prefix), "3 y 5 de marzo" a range only after "entre" (needs_between).
_Cand = temporal._Cand


def _iso(d: date) -> str:
    return d.isoformat()


def _prefix_words(sentence: str, start: int, floor: int, pack: LanguagePack
                  ) -> tuple[int, list[str]]:
    """Start of the prefix phrases right before ``start`` and their English words."""
    rx = pack._rx
    m = rx.prefix.search(sentence, max(floor, start - 48), start)
    if not m or m.end() != start:
        return start, []
    words: list[str] = []
    for one in rx.prefix_one.finditer(sentence, m.start(), start):
        english = rx.prefix_map.get(_key(one.group()).strip(" -"))
        if english:
            words.extend(english.split())
    return (m.start(), words) if words else (start, [])


_MOD_STEP = {"last": -1, "this": 0, "next": 1}  # what each kind _mod gives moves by


def _mod(m: re.Match[str], pack: LanguagePack) -> str:
    """"last", "next" or "this" from the words around a weekday, month or unit."""
    for g in ("pre", "post"):
        text = m.group(g)
        if text:
            kind = pack._rx.mod_kind.get(_key(text.strip().rstrip("'’")).strip()) or \
                pack._rx.mod_kind.get(_key(text.strip()))
            if kind and not (g == "post" and kind == "this"):
                return kind
    return ""


def _tense(sentence: str, start: int, end: int, pack: LanguagePack) -> str:
    """"past", "future" or "" from the nearest cue word around a span (the pack's cue words
    and verb endings); a cue across a comma counts as three words further away."""
    rx = pack._rx
    before = rx.token.findall(sentence, max(0, start - 90), start)
    after = rx.token.findall(sentence, end, end + 70)
    past_end = tuple(pack.words("past_endings"))
    future_end = tuple(pack.words("future_endings"))
    best: tuple[float, str] = (float("inf"), "")

    def cue(tok: str) -> str:
        w = _key(tok)
        if w in rx.future:
            return "future"
        if w in rx.past:
            return "past"
        if len(w) >= 4 and w not in rx.stop and w not in rx.function_words:
            if future_end and w.endswith(future_end):
                return "future"
            if past_end and w.endswith(past_end):
                return "past"
        return ""

    def scan(tokens: list[str], bias: float, limit: int) -> None:
        nonlocal best
        distance = words = 0
        for tok in tokens:
            if tok in ".!?":
                break
            if not tok[0].isalpha():
                distance += 3
                continue
            words += 1
            distance += 1
            if words > limit:
                break
            c = cue(tok)
            if c:
                if distance + bias < best[0]:
                    best = (distance + bias, c)
                break

    scan(list(reversed(before)), 0.0, 8)
    scan(after, 0.5, 6)
    return best[1]


def _overlapping(rx: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    pos = 0
    while pos <= len(text):
        m = rx.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def _month(pack: LanguagePack, text: str) -> int:
    value = _lookup(pack._rx.months, text)
    if value is None:
        value = _lookup(pack._rx.months, text.rstrip("."))
    if value is None:
        raise KeyError(text)
    return int(value)


def _date_cands(sentence: str, reference: Optional[date], pack: LanguagePack) -> list[_Cand]:
    rx = pack._rx
    out: list[_Cand] = []
    for r in (rx.range_d_dm, rx.range_dm_dm):
        for m in _overlapping(r, sentence):
            try:
                gd = m.groupdict()
                m2 = _month(pack, gd["m2"])
                m1 = _month(pack, gd["m1"]) if gd.get("m1") else m2
                span = _make_range(m1, int(gd["d1"]), int(gd["y1"]) if gd.get("y1") else None,
                                   m2, int(gd["d2"]), int(gd["y2"]) if gd.get("y2") else None,
                                   reference)
            except _PARSE_ERRORS:
                continue
            if span is None:
                continue
            lo, hi = span
            out.append(_Cand(m.start(), m.end(), lo, hi, "range", _range_value(lo, hi),
                             needs_between=bool(gd.get("and"))))
    for m in rx.date_dm.finditer(sentence):
        try:
            month, day = _month(pack, m["m1"]), int(m["d1"])
            if m["y1"]:
                when: Optional[date] = date(int(m["y1"]), month, day)
            else:
                when = _closest_year(month, day, reference) if reference else None
        except _PARSE_ERRORS:
            continue
        if when is not None:
            out.append(_Cand(m.start(), m.end(), when, when, "day", _iso(when)))
    for m in rx.month_year.finditer(sentence):
        try:
            month, year = _month(pack, m["m1"]), int(m["y1"])
            out.append(_Cand(m.start(), m.end(), date(year, month, 1), _month_end(year, month),
                             "month", f"{year:04d}-{month:02d}"))
        except _PARSE_ERRORS:
            continue
    if reference is not None:
        for m in rx.month_bare.finditer(sentence):
            try:
                month = _month(pack, m["m1"])
                rel = _mod(m, pack)
                step = _MOD_STEP.get(rel) if rel else None
                year = _bare_month_year(month, reference, step,
                                        "" if step is not None else _tense(sentence, m.start("m1"), m.end("m1"), pack))
                s, e = (m.start(), m.end()) if rel else (m.start("m1"), m.end("m1"))
                out.append(_Cand(s, e, date(year, month, 1), _month_end(year, month), "month",
                                 f"{year:04d}-{month:02d}", needs_prefix=not rel))
            except _PARSE_ERRORS:
                continue
    for m in rx.year.finditer(sentence):
        end = m.end()
        if (rx.zone.match(sentence, end) and not rx.zone.match(sentence, end).group("local")) \
                or _unit_follows(sentence, end, pack):
            continue  # "2100 GMT", "2000 personas", "2000 años"
        if _noun_after(sentence, end, pack, True, False):
            continue
        year = int(m["y1"])
        out.append(_Cand(m.start(), end, date(year, 1, 1), date(year, 12, 31), "year",
                         f"{year:04d}", needs_prefix=True))
    return out


def _relative_cands(sentence: str, reference: Optional[date], pack: LanguagePack
                    ) -> list[_Cand]:
    if reference is None:
        return []
    rx = pack._rx
    ref = reference
    one = timedelta(days=1)
    monday = ref - timedelta(days=ref.weekday())
    out: list[_Cand] = []
    for m in rx.rel_day.finditer(sentence):
        if rx.rel_guard.search(sentence, max(0, m.start() - 16), m.start()):
            continue  # "por la mañana" is the morning, not tomorrow
        offset = _lookup(pack.table("relative_days"), m["r"])
        if offset is None:
            continue
        try:
            day = ref + timedelta(days=int(offset))
        except _PARSE_ERRORS:
            continue
        out.append(_part_of_day(sentence, m.start(), m.end(), day, pack))
    for m in rx.rel_unit.finditer(sentence):
        rel = _mod(m, pack)
        if not rel:
            continue
        unit = _lookup(pack.table("relative_units"), m["u"])
        step = _MOD_STEP[rel]
        try:
            if unit == "week":
                lo = monday + timedelta(days=7 * step)
                out.append(_Cand(m.start(), m.end(), lo, lo + timedelta(days=6), "week",
                                 _range_value(lo, lo + timedelta(days=6))))
            elif unit == "weekend":
                lo = monday + timedelta(days=5 + 7 * step)
                out.append(_Cand(m.start(), m.end(), lo, lo + one, "relative",
                                 _range_value(lo, lo + one)))
            elif unit == "month":
                year, month = divmod(ref.year * 12 + ref.month - 1 + step, 12)
                month += 1
                out.append(_Cand(m.start(), m.end(), date(year, month, 1),
                                 _month_end(year, month), "month", f"{year:04d}-{month:02d}"))
            elif unit == "year":
                year = ref.year + step
                out.append(_Cand(m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), "year",
                                 f"{year:04d}"))
        except _PARSE_ERRORS:
            continue
    for r in (rx.ago_before, rx.ago_after):
        for m in r.finditer(sentence):
            try:
                cand = _ago(sentence, m, ref, pack)
            except _PARSE_ERRORS:
                cand = None
            if cand is not None:
                out.append(cand)
    return out


def _ago(sentence: str, m: re.Match[str], ref: date, pack: LanguagePack) -> Optional[_Cand]:
    """"hace 3 días", "il y a trois jours", "tre giorni fa": dateparser reads the candidate
    (number words turned into digits first), with the article date as its base."""
    n_text = m.group("n")
    if n_text.isdigit():
        n = int(n_text)
    else:
        wm = pack._rx.wordnum.fullmatch(n_text)
        n = _word_value(wm, pack) if wm else None
    if n is None or not 0 < n <= 60:
        return None
    text = sentence[m.start():m.start("n")] + str(n) + sentence[m.end("n"):m.end()]
    from dateparser.date import DateDataParser  # only loaded when a candidate needs it

    parser = DateDataParser(languages=[pack.dateparser], settings={
        "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day),
        "PREFER_DATES_FROM": "past",
    })
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    day = data.date_obj.date()
    if (ref - day).days != n:
        return None  # the parser read something else; say nothing
    return _Cand(m.start(), m.end(), day, day, "day", _iso(day))


def _part_of_day(sentence: str, start: int, end: int, day: date, pack: LanguagePack,
                 weekday: Optional[int] = None) -> _Cand:
    """"la noche del martes", "in der Nacht zum Mittwoch", "la nuit de mardi à mercredi"."""
    rx = pack._rx
    pm = rx.day_part.search(sentence, max(0, start - 40), start)
    if not pm:
        return _Cand(start, end, day, day, "day", _iso(day))
    mode = _lookup(pack.table("day_parts"), pm.group("p"))
    lo, hi = day, day
    if mode == "eve":
        lo = day - timedelta(days=1)
    if weekday is not None:
        to = rx.day_part_to.match(sentence, end)
        if to:
            wd2 = _lookup(rx.weekdays, to.group("wd2"))
            if wd2 is not None and (wd2 - weekday) % 7 == 1:
                hi, end = day + timedelta(days=1), to.end()
    if lo == hi:
        return _Cand(pm.start(), end, lo, hi, "day", _iso(lo))
    return _Cand(pm.start(), end, lo, hi, "range", _range_value(lo, hi))


def _weekday_cands(sentence: str, reference: Optional[date], pack: LanguagePack) -> list[_Cand]:
    if reference is None:
        return []
    rx = pack._rx
    out: list[_Cand] = []
    for m in rx.weekday.finditer(sentence):
        target = _lookup(rx.weekdays, m["wd"])
        if target is None:
            continue
        rel = _mod(m, pack)
        ahead = (target - reference.weekday()) % 7
        back = (reference.weekday() - target) % 7
        try:
            if rel == "last":
                day = reference - timedelta(days=back or 7)
            elif rel == "next":
                day = reference + timedelta(days=ahead or 7)
            else:
                tense = _tense(sentence, m.start(), m.end(), pack)
                if tense == "future":
                    day = reference + timedelta(days=ahead or 7)
                elif tense == "past" or rel != "this":
                    # past, or no cue at all: the closest such day that is not in the future
                    day = reference - timedelta(days=back)
                else:
                    # "este lunes", "ce lundi": the one of the current week
                    monday = reference - timedelta(days=reference.weekday())
                    day = monday + timedelta(days=target)
        except _PARSE_ERRORS:
            continue
        end = m.end() if (m.group("post") and _mod(m, pack)) else m.end("wd")
        start = m.start() if m.group("pre") else m.start("wd")
        out.append(_part_of_day(sentence, start, end, day, pack, target))
    return out


def _finish(sentence: str, cand: _Cand, floor: int, pack: LanguagePack) -> Optional[TemporalSpan]:
    """Prefix words become the English hedge and narrowing; then as temporal._finish_date."""
    start, words = _prefix_words(sentence, cand.start, floor, pack)
    return _finished(sentence, cand, start, words)


def _select(cands: list[_Cand]) -> list[_Cand]:
    kept: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.grain)):
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _times(sentence: str, dates: list[TemporalSpan], reference: Optional[date],
           default_zone: Optional[str], bare_times: bool, pack: LanguagePack
           ) -> list[TemporalSpan]:
    rx = pack._rx
    taken = [(d.start, d.end) for d in dates]
    found: list[TemporalSpan] = []
    for m in rx.clock.finditer(sentence):
        try:
            span = _one_time(sentence, m, dates, taken, reference, default_zone, bare_times, pack)
        except _PARSE_ERRORS:
            span = None
        if span is not None:
            found.append(span)
            taken.append((span.start, span.end))
    return found


def _one_time(sentence: str, m: re.Match[str], dates: list[TemporalSpan],
              taken: list[tuple[int, int]], reference: Optional[date],
              default_zone: Optional[str], bare_times: bool, pack: LanguagePack
              ) -> Optional[TemporalSpan]:
    rx = pack._rx
    sep = (m.group("sep") or "").strip()
    floor = max((e for s, e in taken if e <= m.start()), default=0)
    pm = rx.time_prefix.search(sentence, max(floor, m.start() - 24), m.start())
    if sep == "." and not m.group("hw"):
        return None  # "23.47" alone is a decimal
    if not m.group("mi") and not m.group("hw") and not (
            rx.bare_hour_prefix.search(sentence, max(floor, m.start() - 24), m.start())
            and not _unit_follows(sentence, m.end(), pack)):
        return None  # a bare number; "a las 10" is a time, "à 10 %" is not
    hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    zm = rx.zone.match(sentence, m.end())
    if not zm and m.group("hw"):
        zm = rx.zone.match(sentence, m.start("hw"))  # "23h47 heure locale"
    end, zone = m.end(), None
    if zm:
        end = zm.end()
        if zm.group("local"):
            zone = _zone(default_zone) if default_zone else None
        elif zm.group("name"):
            zone = _zone(_lookup(rx.zone_names, zm.group("name")) or "")
        else:
            base = rx.zone_abbrs.get(zm.group("abbr"), "")
            zone = _zone(zm.group("off")) if zm.group("off") and zm.group("abbr") in (
                "GMT", "UTC") else _zone(base)
    elif bare_times and default_zone:
        zone = _zone(default_zone)
    if zone is None:
        return None
    start = m.start()
    if any(start < e and s < end for s, e in taken):
        return None
    day = _date_for_time(dates, start, reference)
    if day is None:
        return None
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    seconds = int(local.timestamp())
    stamp = local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    hedge = _lookup(pack.table("time_prefixes"), pm.group("p")) if pm else ""
    interval, value, hedge = _hedged_instant(seconds, stamp, hedge or "")
    if hedge and pm:
        start = pm.start()
    return TemporalSpan(start, end, sentence[start:end], "time", value, interval, "minute", hedge)


def find_temporal_in(sentence: str, reference: Optional[date], pack: LanguagePack,
                     default_zone: Optional[str] = None, *, bare_times: bool = False
                     ) -> list[TemporalSpan]:
    """Dates, ranges, weekdays, relative days and zoned clock times in one sentence, in order.

    The same contract as :func:`consistency.normalize.temporal.find_temporal`: ``reference``
    (the article date) gives the year of "18 de marzo" and resolves weekdays and relative words;
    ``default_zone`` is the zone of "hora local"; with ``bare_times`` it also applies to times
    that name no zone.
    """
    if not sentence or not isinstance(sentence, str):
        return []
    cands: list[_Cand] = []
    for make in (_date_cands, _relative_cands, _weekday_cands):
        try:
            cands.extend(make(sentence, reference, pack))
        except _PARSE_ERRORS:  # pragma: no cover - each candidate is already guarded
            continue
    viable = []
    for cand in cands:
        if cand.needs_prefix or cand.needs_between:
            _s, words = _prefix_words(sentence, cand.start, 0, pack)
            if (cand.needs_prefix and not words) or (cand.needs_between and "between" not in words):
                continue
        viable.append(cand)
    dates: list[TemporalSpan] = []
    floor = 0
    for cand in _select(viable):
        try:
            span = _finish(sentence, cand, floor, pack)
        except _PARSE_ERRORS:
            span = None
        if span is not None:
            dates.append(span)
            floor = span.end
    times = _times(sentence, dates, reference, default_zone, bare_times, pack)
    return sorted(dates + times, key=lambda s: (s.start, s.end))
