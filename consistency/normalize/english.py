"""The English words of the English normalizers, read once from ``rules/vocab/lang/en.yaml``.

:mod:`consistency.normalize.quantities` and :mod:`consistency.normalize.temporal` build their
regexes and tables from these words when they are imported; the shapes around the words
(digits, punctuation, the order of a date) stay in their code. The file is not a language pack:
:func:`consistency.normalize.multilingual.load_language_packs` skips it, and its keys are these.

Every key is required and checked: a missing or unknown key, or a value of the wrong type, is an
:class:`EnglishWordsError` naming the file.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional

import yaml

from consistency.vocab import rules_root

__all__ = ["EnglishWordsError", "english_words", "load_english_words", "ENGLISH_FILE"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Where the file lives under the rules folder.
ENGLISH_FILE = Path("vocab") / "lang" / "en.yaml"


class EnglishWordsError(ValueError):
    """en.yaml is missing, not YAML, or has a missing, unknown or ill-typed key."""


def _word(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value and value != ""


def _words(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(_word(v) for v in value):
        raise EnglishWordsError(f"{path}: '{key}' must be a list of non-empty strings, "
                                f"not {value!r:.60}")
    return tuple(value)


def _mapping(path: Path, key: str, value: Any, what: str, ok: Callable[[Any], bool]
             ) -> Mapping[str, Any]:
    if not isinstance(value, dict) or not value:
        raise EnglishWordsError(f"{path}: '{key}' must be a mapping of words to {what}")
    for word, item in value.items():
        if not _word(word):
            raise EnglishWordsError(f"{path}: '{key}': {word!r} is not a word")
        if not ok(item):
            raise EnglishWordsError(f"{path}: '{key}.{word}' must be {what}, not {item!r}")
    return MappingProxyType(dict(value))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_factor(value: Any) -> bool:
    # "1e9": an exact power of ten, as in the language packs
    return isinstance(value, str) and re.fullmatch(r"1e[0-9]{1,2}", value) is not None


def _is_range(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)
            and value[0] <= value[1])


def _is_iso(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value) is not None


def _is_regex(value: Any) -> bool:
    if not isinstance(value, str) or not value:
        return False
    try:
        re.compile(value)
    except re.error:
        return False
    return True


def _units(path: Path, key: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not value:
        raise EnglishWordsError(f"{path}: '{key}' must be a list of [unit code, regex] pairs")
    out = []
    for item in value:
        if (not isinstance(item, list) or len(item) != 2 or not _word(item[0])
                or not _is_regex(item[1])):
            raise EnglishWordsError(f"{path}: '{key}': {item!r:.60} is not a [unit code, regex] "
                                    "pair with a valid regular expression")
        out.append((item[0], item[1]))
    return tuple(out)


def _factor(text: str) -> Decimal:
    # An integral Decimal ("1000000000"), as Decimal(10) ** 9 writes it.
    return Decimal(int(Decimal(text)))


_WORDS = "words"
_SCHEMA: dict[str, tuple[str, Callable[[Any], bool]]] = {}
for _key in (
    "scale_words_second", "scale_words_fraction", "scale_abbreviations_money", "vague_estimates",
    "vague_with_of", "hedges_after", "currency_invariant", "currency_codes", "rate_before",
    "rate_units", "time_units_after_a", "adjectives_before", "duration_before", "ordinal_before",
    "stopwords", "counted_adjectives", "not_plural_endings", "not_adverbs", "one_pronoun_after",
    "one_pronoun_before", "year_before", "not_name_before", "number_labels",
    "weekday_abbreviations", "future_cues", "past_cues", "not_past_ed", "date_prefixes",
    "time_prefixes", "date_range_links", "change_verbs", "year_followers",
    "year_count_followers", "weekday_names_before", "weekday_names_after",
):
    _SCHEMA[_key] = (_WORDS, _word)
for _key, _what, _ok in (
    ("number_units", "a number", _is_int), ("number_small", "a number", _is_int),
    ("number_tens", "a number", _is_int), ("ordinals", "a number", _is_int),
    ("fractions", "a denominator", lambda v: _is_int(v) and v > 1),
    ("scale_words", 'a factor like "1e9"', _is_factor),
    ("scale_abbreviations", 'a factor like "1e9"', _is_factor),
    ("vague", "a [low, high] range", _is_range),
    ("hedges", "one of about, nearly, more, atleast, less, atmost",
     lambda v: v in ("about", "nearly", "more", "atleast", "less", "atmost")),
    ("currency_symbols", "an ISO 4217 code", _is_iso),
    ("currency_words", "an ISO 4217 code", _is_iso),
    ("currency_phrases", "an ISO 4217 code", _is_iso),
    ("dollar_adjectives", "an ISO 4217 code", _is_iso),
    ("time_units", "a time unit", lambda v: v in (
        "second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
        "century")),
    ("irregular_plurals", "a singular word", _word),
    ("months", "a month 1..12", lambda v: _is_int(v) and 1 <= v <= 12),
    ("month_abbreviations", "a month 1..12", lambda v: _is_int(v) and 1 <= v <= 12),
    ("weekdays", "a weekday 0 (Monday)..6", lambda v: _is_int(v) and 0 <= v <= 6),
    ("relative_words", "a step -1, 0 or 1", lambda v: v in (-1, 0, 1) and _is_int(v)),
    ("weekday_relative_words", "a step -1, 0 or 1", lambda v: v in (-1, 0, 1) and _is_int(v)),
    ("relative_days", "a number of days", _is_int),
    ("clock_words", "an hour 0..23", lambda v: _is_int(v) and 0 <= v <= 23),
    ("zone_abbreviations", 'an IANA zone or a "+HH:MM" offset', _word),
    ("zone_names", 'an IANA zone or a "+HH:MM" offset', _word),
):
    _SCHEMA[_key] = (_what, _ok)
_SINGLE = {"fraction_alone"}
_REGEX_PAIRS = {"units"}


def load_english_words(path: Optional[Path] = None) -> Mapping[str, Any]:
    """The checked contents of en.yaml (the packaged file unless ``path``), read-only: word
    lists are tuples, mappings are read-only mappings, factors are Decimals, ranges are float
    pairs."""
    path = path or rules_root(None) / ENGLISH_FILE
    try:
        # the C loader when PyYAML has one: the file is read at every import
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise EnglishWordsError(f"{path}: the English word file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EnglishWordsError(f"{path}: cannot read the English word file: {exc}") from None
    except yaml.YAMLError as exc:
        raise EnglishWordsError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise EnglishWordsError(f"{path}: must be a mapping of keys to words")
    known = set(_SCHEMA) | _SINGLE | _REGEX_PAIRS
    missing = sorted(known - set(data))
    if missing:
        raise EnglishWordsError(f"{path}: missing key(s) {', '.join(missing)}")
    unknown = sorted(str(k) for k in set(data) - known)
    if unknown:
        raise EnglishWordsError(f"{path}: unknown key(s) {', '.join(unknown)}")
    out: dict[str, Any] = {}
    for key, (what, ok) in _SCHEMA.items():
        if what is _WORDS:
            out[key] = _words(path, key, data[key])
        else:
            out[key] = _mapping(path, key, data[key], what, ok)
    for key in _SINGLE:
        if not _word(data[key]):
            raise EnglishWordsError(f"{path}: '{key}' must be a word, not {data[key]!r}")
        out[key] = data[key]
    for key in _REGEX_PAIRS:
        out[key] = _units(path, key, data[key])
    for key in ("scale_words", "scale_abbreviations"):
        out[key] = MappingProxyType({w: _factor(f) for w, f in out[key].items()})
    out["vague"] = MappingProxyType({w: (float(lo), float(hi))
                                     for w, (lo, hi) in out["vague"].items()})
    _cross_check(path, out)
    return MappingProxyType(out)


def _cross_check(path: Path, words: Mapping[str, Any]) -> None:
    """Lists that name words of another list must name only those."""
    def within(key: str, of: str) -> None:
        extra = sorted(set(words[key]) - set(words[of]))
        if extra:
            raise EnglishWordsError(f"{path}: '{key}' names {', '.join(extra)}, not in '{of}'")
    within("scale_words_second", "scale_words")
    within("scale_words_fraction", "scale_words")
    within("scale_abbreviations_money", "scale_abbreviations")
    within("vague_estimates", "vague")
    within("vague_with_of", "vague")
    within("hedges_after", "hedges")
    if words["fraction_alone"] not in words["fractions"]:
        raise EnglishWordsError(f"{path}: 'fraction_alone' must be one of 'fractions'")
    try:
        for word in words["currency_invariant"]:
            words["currency_words"][word]
    except KeyError as exc:
        raise EnglishWordsError(f"{path}: 'currency_invariant' names {exc}, not in "
                                "'currency_words'") from None


@lru_cache(maxsize=1)
def english_words() -> Mapping[str, Any]:
    """The packaged en.yaml, read and checked once per process."""
    return load_english_words()
