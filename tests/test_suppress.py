"""Baselines, the ignore file and inline suppressions."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from consistency.models import Article, Evidence, Finding
from consistency.suppress import (
    BASELINE_SCHEMA,
    BaselineError,
    IgnoreFileError,
    apply_inline,
    filter_baseline,
    load_ignore,
    read_baseline,
    write_baseline,
)


def ev(path: str, article_id: str, line: int = 1) -> Evidence:
    return Evidence(article=path, article_id=article_id, published=date(2031, 2, 3), line=line,
                    column=1, text="t", value="v", side=0)


def finding(fid: str, rule: str = "DATE001", evidence: tuple[Evidence, ...] = ()) -> Finding:
    return Finding(id=fid, rule=rule, name="n", level="error", relation="conflict", kind="date",
                   subject=f"subject of {fid}", message="m",
                   evidence=evidence or (ev("a.txt", "a"), ev("b.txt", "b")))


def article(path: str, aid: str, suppressions: tuple[tuple[str, int, str], ...] = ()) -> Article:
    return Article(id=aid, path=path, text="Some words.", line_numbers=(1,), column_offsets=(0,),
                   suppressions=suppressions)


# ---------------------------------------------------------------------------------------- baseline


def test_baseline_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [finding("zz"), finding("aa"), finding("aa")])
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document == {"schema": BASELINE_SCHEMA, "findings": [
        {"id": "aa", "rule": "DATE001", "subject": "subject of aa"},
        {"id": "zz", "rule": "DATE001", "subject": "subject of zz"}]}
    assert read_baseline(path) == frozenset({"aa", "zz"})
    # no temp files left next to it
    assert os.listdir(tmp_path) == ["baseline.json"]


def test_baseline_is_deterministic_and_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "baseline.json"
    write_baseline(path, [finding("b"), finding("a")])
    first = path.read_bytes()
    write_baseline(path, [finding("a"), finding("b")])
    assert path.read_bytes() == first
    write_baseline(path, [])
    assert read_baseline(path) == frozenset()


def test_failed_write_keeps_old_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [finding("old")])

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_baseline(path, [finding("new")])
    monkeypatch.undo()
    assert read_baseline(path) == frozenset({"old"})
    assert os.listdir(tmp_path) == ["baseline.json"]


@pytest.mark.parametrize("content, expected", [
    (None, "baseline file not found"),
    ("{not json", "not valid JSON"),
    ('{"schema": "something/else", "findings": []}', "not a consistency baseline"),
    ('[1, 2]', "not a consistency baseline"),
    ('{"schema": "consistency.baseline/1", "findings": {}}', '"findings" must be a list'),
    ('{"schema": "consistency.baseline/1", "findings": [{"rule": "X"}]}', 'finding #1 has no "id"'),
])
def test_bad_baseline_gives_one_line_error(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    message = str(info.value)
    assert expected in message
    assert message.startswith(str(path))
    assert "\n" not in message
    assert info.value.path == str(path)


def test_json_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text('{\n  "schema": "consistency.baseline/1",\n  "findings": [,]\n}\n', encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: not valid JSON")


def test_filter_baseline() -> None:
    findings = [finding("a"), finding("b"), finding("c")]
    kept, dropped = filter_baseline(findings, frozenset({"a", "c", "not-present"}))
    assert [f.id for f in kept] == ["b"]
    assert dropped == 2
    assert filter_baseline(findings, frozenset()) == (findings, 0)


# ------------------------------------------------------------------------------------- ignore file


def test_no_ignore_file(tmp_path: Path) -> None:
    assert load_ignore(tmp_path) is None


def test_ignore_patterns(tmp_path: Path) -> None:
    (tmp_path / ".consistencyignore").write_text(
        "# drafts are not published\ndrafts/\n*.tmp\n!keep.tmp\n/top-only.txt\n\narchive/**/old-*.md\n",
        encoding="utf-8")
    matcher = load_ignore(tmp_path)
    assert matcher is not None
    assert matcher.match("drafts/story.txt")
    assert matcher.match("news/drafts/story.txt")
    assert matcher.match("a/b/c.tmp")
    assert not matcher.match("keep.tmp")
    assert matcher.match("top-only.txt")
    assert not matcher.match("news/top-only.txt")
    assert matcher.match("archive/2031/05/old-piece.md")
    assert not matcher.match("archive/2031/05/new-piece.md")
    assert not matcher.match("story.txt")
    # other spellings of the same relative path
    assert matcher.match("./drafts/story.txt")
    assert matcher.match("drafts\\story.txt")
    # absolute paths: under the root they are matched relative to it; outside, never
    assert matcher.match(str(tmp_path / "drafts" / "story.txt"))
    assert not matcher.match(str(tmp_path.parent / "elsewhere" / "drafts" / "x.txt"))


def test_invalid_ignore_pattern_names_the_line(tmp_path: Path) -> None:
    (tmp_path / ".consistencyignore").write_text("ok.txt\n!\n", encoding="utf-8")
    with pytest.raises(IgnoreFileError) as info:
        load_ignore(tmp_path)
    assert info.value.line == 2
    assert ".consistencyignore:2:" in str(info.value)


# ------------------------------------------------------------------------------ inline suppressions


def test_inline_suppression_removes_findings_citing_the_article() -> None:
    articles = [article("a.txt", "a", (("DATE001", 4, "the agency corrected this"),)),
                article("b.txt", "b"), article("c.txt", "c")]
    findings = [finding("f1"),                                                     # cites a, b
                finding("f2", evidence=(ev("b.txt", "b"), ev("c.txt", "c"))),       # not a
                finding("f3", rule="NUM001")]                                       # other rule
    kept, warnings = apply_inline(findings, articles)
    assert [f.id for f in kept] == ["f2", "f3"]
    assert warnings == []


def test_wildcard_and_case() -> None:
    articles = [article("a.txt", "a", (("*", 2, "opinion piece"),)),
                article("b.txt", "b", (("date001", 7, ""),))]
    findings = [finding("f1", rule="NUM001", evidence=(ev("a.txt", "a"), ev("c.txt", "c"))),
                finding("f2", evidence=(ev("b.txt", "b"), ev("c.txt", "c")))]
    kept, warnings = apply_inline(findings, articles)
    assert kept == []
    assert warnings == []


def test_unused_suppressions_are_reported() -> None:
    articles = [article("news/a.txt", "a", (("DATE001", 4, "why"), ("QUOTE002", 9, "why"))),
                article("news/b.txt", "b", (("*", 1, ""),))]
    findings = [finding("f1", evidence=(ev("news/a.txt", "a"), ev("news/c.txt", "c")))]
    kept, warnings = apply_inline(findings, articles)
    assert kept == []
    assert warnings == ["news/a.txt:9: suppression of QUOTE002 matched no finding",
                        "news/b.txt:1: suppression of all rules matched no finding"]


def test_evidence_matched_by_path_when_ids_differ() -> None:
    articles = [article("a.txt", "a", (("DATE001", 3, ""),))]
    findings = [finding("f1", evidence=(ev("a.txt", "other-id"), ev("b.txt", "b")))]
    kept, warnings = apply_inline(findings, articles)
    assert kept == [] and warnings == []


def test_no_suppressions_keeps_everything() -> None:
    findings = [finding("f1"), finding("f2")]
    kept, warnings = apply_inline(findings, [article("a.txt", "a"), article("b.txt", "b")])
    assert kept == findings and warnings == []
