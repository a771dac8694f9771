"""CI mode end to end: index an archive in a git repository, check a pull request's new article
against it, report SARIF / GitHub annotations, and silence known findings with a baseline, the
ignore file or an inline comment. Every story here is made up.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from consistency.cli import main
from stories import HARBOUR_AGREE, md

SCHEMA_PATH = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"

pytestmark = pytest.mark.usefixtures("reuse_toolkit")


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.com",
                           "-c", "commit.gpgsign=false", *args],
                          cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout


# ---------------------------------------------------------------------------- made-up stories


ARCHIVE = HARBOUR_AGREE
PLANTED = "Lena Varga and Tomas Brill will meet on May 11 to sign the harbour pact."
NEW = md("2031-05-04", "River Post", "The harbour pact has drawn protests from fishing crews.\n\n" + PLANTED)


def line_of(path: Path, words: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if words in line:
            return number
    raise AssertionError(f"{words!r} not in {path}")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with a committed archive/ of three agreeing articles, as the working folder."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom"\n', encoding="utf-8")
    archive = tmp_path / "archive"
    archive.mkdir()
    for name, text in ARCHIVE.items():
        (archive / name).write_text(text, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "archive")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def add_new_article(repo: Path, text: str = NEW) -> str:
    (repo / "new").mkdir(exist_ok=True)
    (repo / "new" / "x.md").write_text(text, encoding="utf-8")
    return "new/x.md"


def index(*extra: str) -> Result:
    result = run("index", "archive/", "--db", "archive.db", *extra)
    assert result.exit_code == 0, result.output
    return result


# ---------------------------------------------------------------------------------- end to end


def test_pull_request_flow_sarif_and_baseline(repo: Path, sarif_validator: jsonschema.Draft4Validator) -> None:
    result = index()
    assert result.stdout.strip() == "indexed archive.db: 3 added, 0 changed, 0 unchanged, 0 removed"

    # the pull request adds one article; find it the way the workflow does
    git(repo, "checkout", "-q", "-b", "pr")
    add_new_article(repo)
    git(repo, "add", "new/x.md")
    git(repo, "commit", "-q", "-m", "new article")
    changed = git(repo, "diff", "--name-only", "--diff-filter=AM", "main...HEAD", "--", "new/**").split()
    assert changed == ["new/x.md"]

    result = run("check", *changed, "--against", "archive.db", "--format", "sarif", "-o", "out.sarif")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    sarif = json.loads((repo / "out.sarif").read_text(encoding="utf-8"))
    errors = sorted(sarif_validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    [run_] = sarif["runs"]
    dates = [r for r in run_["results"] if r["ruleId"] == "DATE001"]
    assert len(dates) == 1
    [primary] = dates[0]["locations"]
    where = primary["physicalLocation"]
    planted_line = line_of(repo / "new" / "x.md", "on May 11")
    assert where["artifactLocation"]["uri"] == "new/x.md"
    assert where["region"]["startLine"] == planted_line
    related = {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in dates[0]["relatedLocations"]}
    assert related and related <= {f"archive/{name}" for name in ARCHIVE}
    fingerprint = dates[0]["partialFingerprints"]

    # accept the known finding into a baseline ...
    result = run("check", "new/x.md", "--against", "archive.db", "--write-baseline", "base.json")
    assert result.exit_code == 1  # writing a baseline does not hide this run's findings
    baseline = json.loads((repo / "base.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in baseline["findings"]] == ["DATE001"]
    assert baseline["findings"][0]["id"] in fingerprint.values()

    # ... then the same run passes and says what it filtered
    result = run("check", "new/x.md", "--against", "archive.db", "--baseline", "base.json",
                 "--format", "sarif", "-o", "out.sarif")
    assert result.exit_code == 0, result.output
    assert "1 finding(s) filtered by the baseline" in result.stderr
    assert json.loads((repo / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []

    # an edit elsewhere in the article moves the planted line: the baseline still holds
    text = (repo / "new" / "x.md").read_text(encoding="utf-8")
    (repo / "new" / "x.md").write_text(
        text.replace(PLANTED, "Crews plan a rally at the docks on Friday morning.\n\n" + PLANTED), encoding="utf-8")
    moved = line_of(repo / "new" / "x.md", "on May 11")
    assert moved == planted_line + 2
    result = run("check", "new/x.md", "--against", "archive.db", "--baseline", "base.json")
    assert result.exit_code == 0, result.output
    assert "1 finding(s) filtered by the baseline" in result.stderr
    # without the baseline the finding is back, at its new line, with the same fingerprint
    result = run("check", "new/x.md", "--against", "archive.db", "--format", "sarif")
    assert result.exit_code == 1
    [again] = [r for r in json.loads(result.stdout)["runs"][0]["results"] if r["ruleId"] == "DATE001"]
    assert again["locations"][0]["physicalLocation"]["region"]["startLine"] == moved
    assert again["partialFingerprints"] == fingerprint


def test_index_is_incremental(repo: Path) -> None:
    index()
    assert index().stdout.strip() == "indexed archive.db: 0 added, 0 changed, 3 unchanged, 0 removed"

    # change one archive article: only it is extracted again, and the store has its new words
    valley = repo / "archive" / "valley.md"
    valley.write_text(ARCHIVE["valley.md"].replace("May 9", "May 11"), encoding="utf-8")
    assert index().stdout.strip() == "indexed archive.db: 0 added, 1 changed, 2 unchanged, 0 removed"
    add_new_article(repo, md("2031-05-04", "River Post",
                             "Lena Varga and Tomas Brill will meet on May 9 to sign the harbour pact."))
    result = run("check", "new/x.md", "--against", "archive.db", "--format", "json")
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["findings"]
    by_article = {e["article"]: e["value"] for e in finding["evidence"]}
    assert by_article["archive/valley.md"] == "2031-05-11" and by_article["new/x.md"] == "2031-05-09"

    # delete it: it leaves the store, and with it the disagreement
    valley.unlink()
    assert index().stdout.strip() == "indexed archive.db: 0 added, 0 changed, 2 unchanged, 1 removed"
    result = run("check", "new/x.md", "--against", "archive.db", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["findings"] == []
    assert "archive/valley.md" not in {a["path"] for a in report["articles"]}


def test_against_a_folder(repo: Path) -> None:
    add_new_article(repo)
    result = run("check", "new/x.md", "--against", "archive/", "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert {a["path"] for a in report["articles"]} == {"new/x.md", *(f"archive/{n}" for n in ARCHIVE)}
    [finding] = report["findings"]
    sides: dict[str, set[str]] = {}
    for e in finding["evidence"]:
        sides.setdefault(e["value"], set()).add(e["article"])
    assert sides == {"2031-05-11": {"new/x.md"}, "2031-05-09": {f"archive/{n}" for n in ARCHIVE}}


def test_archive_quarrels_are_not_the_new_articles_fault(repo: Path) -> None:
    (repo / "archive" / "river.md").write_text(md("2031-05-04", "River Post", PLANTED), encoding="utf-8")
    index()
    add_new_article(repo, md("2031-06-01", "Bay Daily",
                             "Minister Karel Obst said the ban on timber exports will start in July."))
    result = run("check", "new/x.md", "--against", "archive.db", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_missing_archive_db_is_an_input_error(repo: Path) -> None:
    add_new_article(repo)
    result = run("check", "new/x.md", "--against", "nowhere.db")
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line.startswith("consistency: nowhere.db") and "does not exist" in line
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------- GitHub annotations


def test_github_format_prints_error_annotations(repo: Path) -> None:
    index()
    add_new_article(repo)
    result = run("check", "new/x.md", "--against", "archive.db", "--format", "github")
    assert result.exit_code == 1
    planted = line_of(repo / "new" / "x.md", "on May 11")
    [annotation] = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith(f"::error file=new/x.md,line={planted},col=")
    assert "title=DATE001 date-conflict::" in annotation
    assert "archive/" in annotation  # the other sources are named


def test_auto_format_follows_github_actions(repo: Path) -> None:
    add_new_article(repo)
    on_actions = run("check", "new/x.md", "--against", "archive/", "--format", "auto",
                     env={"GITHUB_ACTIONS": "true"})
    assert on_actions.exit_code == 1
    assert on_actions.stdout.startswith("::error file=new/x.md,")
    locally = run("check", "new/x.md", "--against", "archive/", "--format", "auto")
    assert locally.exit_code == 1
    assert locally.stdout.startswith("# Consistency report")


# ---------------------------------------------------------------------------------- suppression


def test_consistencyignore_excludes_a_file(repo: Path) -> None:
    (repo / "archive" / "river.md").write_text(md("2031-05-04", "River Post", PLANTED), encoding="utf-8")
    assert run("check", "archive/", "--format", "json").exit_code == 1
    (repo / ".consistencyignore").write_text("# retracted coverage\narchive/river.md\n", encoding="utf-8")
    result = run("check", "archive/", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert sorted(a["path"] for a in report["articles"]) == sorted(f"archive/{n}" for n in ARCHIVE)
    assert report["findings"] == []


def test_an_ignored_file_is_not_read(repo: Path) -> None:
    """An ignored file is never opened, so one that could not be read does not fail the run."""
    (repo / "archive" / "scan.txt").write_bytes(b"\x00\x01 a binary scan of the print edition")
    (repo / ".consistencyignore").write_text("*.txt\n", encoding="utf-8")
    result = run("check", "archive/", "--format", "json")
    assert stderr_lines(result) == []
    assert result.exit_code == 0


def test_inline_suppression_and_unused_suppression_warning(repo: Path) -> None:
    archive = repo / "archive"
    (archive / "river.md").write_text(md(
        "2031-05-04", "River Post",
        "<!-- consistency: ignore DATE001 -- the desk confirmed the later date with the mayor's office -->\n"
        + PLANTED), encoding="utf-8")
    (archive / "north.md").write_text(
        ARCHIVE["north.md"] + "\n<!-- consistency: ignore NUM001 -- no figures in this piece -->\n", encoding="utf-8")
    result = run("check", "archive/", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    stale = line_of(archive / "north.md", "consistency: ignore NUM001")
    assert stderr_lines(result) == [
        f"consistency: warning: archive/north.md:{stale}: suppression of NUM001 matched no finding"]
    # the comment is not read as article text: the date is still extracted from the next line
    extracted = run("extract", "archive/river.md", "--format", "json")
    rows = json.loads(extracted.stdout)
    assert [r["raw"] for r in rows if r["kind"] == "date"] == ["on May 11"]
    assert not any("consistency" in str(r["sentence"]) for r in rows)
