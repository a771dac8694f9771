"""The ``consistency`` command as a user runs it: exit codes, formats, bad input, rule listing.

Every story here is made up. Most runs go through click's CliRunner; the toolkit the CLI builds
is memoised per configuration (seeded with the session's ``kit``) so each run costs only its
own reading and extraction. One test runs the installed command in a real subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from consistency import __version__
from consistency.cli import main
from stories import HARBOUR_AGREE, md
from consistency.runner import Toolkit
from consistency.vocab import rules_root

# ------------------------------------------------------------------------------------ fixtures

pytestmark = pytest.mark.usefixtures("reuse_toolkit")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with an empty pyproject.toml, so no config from above leaks in."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# ---------------------------------------------------------------------------- made-up stories


AGREE = HARBOUR_AGREE
# A fourth says May 11: the planted date conflict (body line 6 of the file).
CONFLICT = ("river.md", md("2031-05-04", "River Post",
                           "Lena Varga and Tomas Brill will meet on May 11 to sign the harbour pact."))
# Only a warning-level disagreement: how long an export ban is delayed (DUR001).
WARN = {
    "first.md": "---\ndate: 2031-06-01\n---\n"
                "Minister Karel Obst said the ban on timber exports will be delayed by one year.\n",
    "second.md": "---\ndate: 2031-06-02\n---\n"
                 "Karel Obst said the ban on timber exports will be delayed by three months.\n",
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def agreeing(root: Path, name: str = "story") -> str:
    write(root / name, AGREE)
    return name


def conflicting(root: Path, name: str = "story") -> str:
    write(root / name, {**AGREE, CONFLICT[0]: CONFLICT[1]})
    return name


def warning_only(root: Path, name: str = "ban") -> str:
    write(root / name, WARN)
    return name


def position(path: Path, words: str) -> tuple[int, int]:
    """1-based line and column of ``words`` in the file as written."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if words in line:
            return number, line.index(words) + 1
    raise AssertionError(f"{words!r} not in {path}")


# ------------------------------------------------------------------------------------- basics


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert "consistency" in result.stdout and __version__ in result.stdout


def test_articles_lists_id_date_source_and_language(work: Path) -> None:
    write(work / "desk", {
        "north.md": AGREE["north.md"],
        "wire.txt": "2031-05-03\nHarbour pact talks near an end\n\n"
                    "Lena Varga and Tomas Brill will meet on May 9 to sign the harbour pact, aides said.\n",
        "undated.txt": "Harbour pact draws crowds\n\n"
                       "Crowds gathered as Lena Varga and Tomas Brill prepared to sign the harbour pact.\n",
        "records.json": json.dumps([{"title": "Pact talks", "date": "2031-05-04", "outlet": "Bay Daily",
                                     "text": "Lena Varga said the harbour pact was close."}]),
    })
    result = run("articles", "desk")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "outlet", "published", "from", "language", "words", "path"]
    rows = {line.split()[-1]: line.split() for line in lines[1:]}
    assert set(rows) == {"desk/north.md", "desk/wire.txt", "desk/undated.txt", "desk/records.json"}
    north = rows["desk/north.md"]
    assert north[0] == "north" and "2031-05-02" in north and "front-matter" in north and "en" in north
    assert "2031-05-03" in rows["desk/wire.txt"] and "header" in rows["desk/wire.txt"]
    assert "2031-05-04" in rows["desk/records.json"] and "metadata" in rows["desk/records.json"]
    # no date of its own: it borrows one from the cluster and says so
    assert "inferred" in rows["desk/undated.txt"]


# ---------------------------------------------------------------------------------- exit codes


def test_check_clean_cluster_exits_0(work: Path) -> None:
    result = run("check", agreeing(work))
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.stdout
    assert "3 sources agree (2031-05-09)" in result.stdout
    assert result.stderr == ""


def test_check_planted_date_conflict_exits_1(work: Path) -> None:
    result = run("check", conflicting(work))
    assert result.exit_code == 1, result.output
    assert "DATE001" in result.stdout
    assert "“on May 11”" in result.stdout and "“on May 9”" in result.stdout


@pytest.mark.parametrize("story, fail_on, expected", [
    (conflicting, "never", 0),   # findings are reported but never fail the run
    (warning_only, "warning", 1),
    (warning_only, "error", 0),  # a warning is below the error threshold
    (warning_only, "info", 1),
])
def test_fail_on_threshold(work: Path, story, fail_on: str, expected: int) -> None:
    result = run("check", story(work), "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == expected, result.output
    assert json.loads(result.stdout)["findings"], "the finding is reported either way"


def test_warning_only_passes_with_default_fail_on(work: Path) -> None:
    result = run("check", warning_only(work), "--format", "json")
    assert result.exit_code == 0
    assert [(f["rule"], f["level"]) for f in json.loads(result.stdout)["findings"]] == [("DUR001", "warning")]


def test_usage_errors_exit_2(work: Path) -> None:
    assert run("check").exit_code == 2  # no paths
    assert run("check", agreeing(work), "--fail-on", "sometimes").exit_code == 2


# ----------------------------------------------------------------------------------- JSON report


def test_json_report_follows_the_contract(work: Path) -> None:
    write(work / "story", AGREE)
    write(work / "late", {CONFLICT[0]: CONFLICT[1]})
    result = run("check", "story", "./late/river.md", "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "consistency.report/1"
    # paths as given: folder members under the folder as typed, the file exactly as typed
    assert sorted(a["path"] for a in report["articles"]) == [
        "./late/river.md", "story/coast.md", "story/north.md", "story/valley.md"]
    for article in report["articles"]:
        assert set(article) >= {"id", "path", "published", "published_from", "language"}
        assert article["language"] == "en" and article["published_from"] == "front-matter"
    assert {a["id"]: a["published"] for a in report["articles"]}["river"] == "2031-05-04"

    [finding] = report["findings"]
    assert finding["rule"] == "DATE001" and finding["name"] == "date-conflict"
    assert finding["level"] == "error" and finding["relation"] == "conflict" and finding["kind"] == "date"
    assert finding["id"] and finding["subject"] and finding["message"]
    by_article = {e["article"]: e for e in finding["evidence"]}
    assert set(by_article) == {"./late/river.md", "story/coast.md", "story/north.md", "story/valley.md"}
    planted = by_article["./late/river.md"]
    assert (planted["line"], planted["column"]) == position(work / "late" / "river.md", "on May 11")
    assert planted["text"] == "on May 11" and planted["value"] == "2031-05-11"
    north = by_article["story/north.md"]
    assert (north["line"], north["column"]) == position(work / "story" / "north.md", "on May 9")
    assert north["text"] == "on May 9" and north["value"] == "2031-05-09"
    # one finding per disagreement: three sources on one side, one on the other
    sides = {e["side"] for e in finding["evidence"] if e["value"] == "2031-05-09"}
    assert len(sides) == 1 and planted["side"] not in sides
    assert sorted(e["side"] for e in finding["evidence"]).count(planted["side"]) == 1


def test_output_file_and_format_from_suffix(work: Path) -> None:
    story = conflicting(work)
    result = run("check", story, "-o", "report.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    text = (work / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Consistency report") and "DATE001" in text

    result = run("check", story, "-o", "out/report.json")
    assert result.exit_code == 1 and result.stdout == ""
    report = json.loads((work / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["schema"] == "consistency.report/1"
    assert [f["rule"] for f in report["findings"]] == ["DATE001"]


# ------------------------------------------------------------------------------------ bad input


BAD_INPUTS = {
    # name: (how to make it, the path named on stderr, words of the reason)
    "nonexistent": (lambda root: None, "missing.md", "no such file"),
    "empty": (lambda root: (root / "story" / "empty.md").write_bytes(b""), "story/empty.md", "empty"),
    "binary": (lambda root: (root / "story" / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00\xff"),
               "story/blob.txt", "binary"),
    "undecodable": (lambda root: (root / "story" / "latin.txt").write_bytes(
        b"Caf\xe9 owners in Port Elsin welcomed the harbour pact.\n"), "story/latin.txt", "UTF-8"),
    "front-matter": (lambda root: (root / "story" / "broken.md").write_text(
        "---\ntitle: [unclosed\ndate: 2031-05-02\n---\nBody text.\n", encoding="utf-8"),
        "story/broken.md", "front matter"),
    "json": (lambda root: (root / "story" / "records.json").write_text(
        '{"title": "Pact", "text": ', encoding="utf-8"), "story/records.json", "JSON"),
    "empty-folder": (lambda root: (root / "nothing").mkdir(), "nothing", "no articles"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_named_and_the_rest_still_checked(work: Path, case: str) -> None:
    make, shown, reason = BAD_INPUTS[case]
    story = conflicting(work)
    make(work)
    extra = [shown] if case in ("nonexistent", "empty-folder") else []
    result = run("check", story, *extra, "--format", "json")
    assert result.exit_code == 2, result.output
    [line] = stderr_lines(result)
    assert line.startswith(f"consistency: {shown}") and reason.lower() in line.lower(), line
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 4
    assert [f["rule"] for f in report["findings"]] == ["DATE001"]  # still found and reported


def test_file_over_max_file_bytes(work: Path) -> None:
    (work / "pyproject.toml").write_text("[tool.consistency]\nmax-file-bytes = 100\n", encoding="utf-8")
    write(work / "tiny", {
        "a.md": "---\ndate: 2031-05-02\n---\nLena Varga and Tomas Brill will meet on May 9.\n",
        "b.md": "---\ndate: 2031-05-03\n---\nLena Varga and Tomas Brill will meet on May 12.\n",
        "long.md": AGREE["north.md"],
    })
    result = run("check", "tiny", "--format", "json")
    assert result.exit_code == 2, result.output
    [line] = stderr_lines(result)
    assert line.startswith("consistency: tiny/long.md") and "too large" in line and "100" in line
    report = json.loads(result.stdout)
    assert sorted(a["path"] for a in report["articles"]) == ["tiny/a.md", "tiny/b.md"]
    assert [f["rule"] for f in report["findings"]] == ["DATE001"]


def test_an_article_in_a_language_with_no_resources_is_listed_as_skipped(work: Path) -> None:
    write(work / "story", {**AGREE, "haven.md": md(
        "2031-05-03", "Het Havenblad",
        "De burgemeester en de gouverneur zullen volgende week het havenpact ondertekenen. "
        "Volgens de stad is het een goed project en er wordt een snel besluit verwacht van de "
        "provincie.", title="Het havenpact")})
    result = run("check", "story", "--format", "json")
    assert result.exit_code == 0, result.output
    assert stderr_lines(result) == [
        "consistency: notice: story/haven.md: skipped: no resources for language 'nl' yet, so it is "
        "not read (see docs/languages.md)"]
    report = json.loads(result.stdout)
    assert [s["path"] for s in report["skipped"]] == ["story/haven.md"]
    assert "story/haven.md" in [a["path"] for a in report["articles"]]
    listed = run("articles", "story")
    assert listed.exit_code == 0
    assert [line for line in listed.stdout.splitlines() if "story/haven.md" in line][0].count("nl (skipped)") == 1


def test_an_article_in_french_is_read(work: Path) -> None:
    write(work / "story", {**AGREE, "port.md": md(
        "2031-05-03", "Le Journal du Port",
        "La maire et le gouverneur se rencontreront la semaine prochaine pour signer le pacte du port. "
        "Les deux parties ont qualifié le projet de juste, selon les responsables de la ville, qui "
        "attendent une décision rapide.", title="Le pacte du port")})
    result = run("check", "story", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["skipped"] == []
    listed = run("articles", "story")
    assert [line for line in listed.stdout.splitlines() if "story/port.md" in line][0].count(" fr ") == 1


# ------------------------------------------------------------------------------- rules, explain


def test_rules_lists_every_packaged_rule() -> None:
    codes = sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["code"]
                   for p in rules_root(None).glob("*.yaml"))
    assert "DATE001" in codes and len(codes) >= 5
    result = run("rules")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines() if line.strip()] == codes


def test_explain_shows_rationale_and_examples(kit: Toolkit) -> None:
    rule = kit.ruleset.get("DATE001")
    assert rule is not None
    result = run("explain", "DATE001")
    assert result.exit_code == 0
    assert result.stdout.startswith("DATE001 date-conflict (error")
    assert rule.rationale in result.stdout
    assert "Example 1: expect finding" in result.stdout
    assert "Example 2: expect none" in result.stdout


def test_explain_unknown_rule_exits_2() -> None:
    result = run("explain", "NOPE")
    assert result.exit_code == 2
    assert "no rule" in result.stderr and "NOPE" in result.stderr
    assert result.stdout == ""


# ------------------------------------------------------------------------------------- extract


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_extract_formats(work: Path, fmt: str) -> None:
    write(work / "story", {"north.md": AGREE["north.md"]})
    result = run("extract", "story/north.md", "--format", fmt)
    assert result.exit_code == 0, result.output
    line, column = position(work / "story" / "north.md", "on May 9")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    elif fmt == "json":
        rows = json.loads(result.stdout)
    else:
        table = [r.strip().strip("|").split("|") for r in result.stdout.splitlines()]
        header = [c.strip() for c in table[0]]
        assert header[:6] == ["article", "line", "column", "kind", "raw", "value"]
        assert set(table[1][0]) <= set("-")
        rows = [dict(zip(header, (c.strip() for c in r))) for r in table[2:]]
    dates = [r for r in rows if r["kind"] == "date"]
    assert [(str(r["raw"]), str(r["value"]), int(r["line"]), int(r["column"])) for r in dates] == [
        ("on May 9", "2031-05-09", line, column)]
    people = {str(r["value"]) for r in rows if r["kind"] == "person"}
    assert {"Lena Varga", "Tomas Brill"} <= people


# -------------------------------------------------------------------------------------- config


def test_config_prints_effective_config_with_pyproject_override(work: Path) -> None:
    default = run("config")
    assert default.exit_code == 0
    assert default.stdout.startswith("[tool.consistency]\n")
    assert 'fail-on = "error"' in default.stdout and "window-days = 30" in default.stdout
    (work / "pyproject.toml").write_text('[tool.consistency]\nwindow-days = 9\nfail-on = "warning"\n',
                                         encoding="utf-8")
    changed = run("config")
    assert changed.exit_code == 0
    assert "window-days = 9" in changed.stdout and 'fail-on = "warning"' in changed.stdout
    assert "stale-days = 5" in changed.stdout  # untouched keys keep their defaults


# ---------------------------------------------------------------------------------- subprocess


def test_installed_command_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    story = conflicting(tmp_path)
    script = Path(sys.executable).with_name("consistency")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "consistency.cli"]
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run([*command, "check", story, "--format", "json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    report = json.loads(done.stdout)
    assert [f["rule"] for f in report["findings"]] == ["DATE001"]
    assert {e["article"] for e in report["findings"][0]["evidence"]} == {
        f"{story}/{name}" for name in [*AGREE, CONFLICT[0]]}
