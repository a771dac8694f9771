"""rules/vocab/lang/en.yaml: the English normalizers' words, checked when read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.normalize.english import (
    ENGLISH_FILE, EnglishWordsError, english_words, load_english_words)
from consistency.normalize.multilingual import load_language_packs
from consistency.vocab import rules_root

PACKAGED = rules_root(None) / ENGLISH_FILE


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "en.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _data() -> dict:
    return yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))


def test_packaged_file_loads_read_only():
    words = english_words()
    assert words["months"]["march"] == 3 and words["hedges"]["nearly"] == "nearly"
    assert isinstance(words["stopwords"], tuple)
    with pytest.raises(TypeError):
        words["months"]["smarch"] = 13  # type: ignore[index]


def test_not_a_language_pack():
    assert "en" not in load_language_packs()


def test_missing_key_names_the_file(tmp_path):
    data = _data()
    del data["months"]
    path = _write(tmp_path, data)
    with pytest.raises(EnglishWordsError, match=r"en\.yaml: missing key\(s\) months"):
        load_english_words(path)


@pytest.mark.parametrize("key, value, message", [
    ("stopwords", ["the", False], "'stopwords' must be a list of non-empty strings"),
    ("number_units", {"one": "1"}, "'number_units.one' must be a number"),
    ("scale_words", {"million": 1000000}, "'scale_words.million' must be a factor"),
    ("hedges", {"about": "roughly"}, "'hedges.about' must be one of about"),
    ("units", [["km", "kilomet(re"]], "'units'"),
    ("fraction_alone", ["half"], "'fraction_alone' must be a word"),
    ("scale_words_second", ["zillion"], "'scale_words_second' names zillion"),
])
def test_wrong_type_names_the_file_and_key(tmp_path, key, value, message):
    data = _data()
    data[key] = value
    path = _write(tmp_path, data)
    with pytest.raises(EnglishWordsError) as err:
        load_english_words(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)


def test_unknown_key_and_missing_file(tmp_path):
    data = _data()
    data["montths"] = {"march": 3}
    with pytest.raises(EnglishWordsError, match="unknown key"):
        load_english_words(_write(tmp_path, data))
    with pytest.raises(EnglishWordsError, match="missing"):
        load_english_words(tmp_path / "nowhere.yaml")
