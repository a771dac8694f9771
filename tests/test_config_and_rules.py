"""Configuration precedence and errors, rule-file validation, rule selection.

Defaults ship in the package, ``[tool.consistency]`` overrides them, flags override both. A bad
setting or rule file stops the run with exit 2 and one line naming the file and the line.
Stories are made up.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from consistency.cli import main
from consistency.config import Config, ConfigError, load_config
from consistency.vocab import rules_root

pytestmark = pytest.mark.usefixtures("reuse_toolkit")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# A made-up story with one date conflict (DATE001, error) and one duration conflict (DUR001, warning).
MIXED = {
    "a.md": "---\ndate: 2031-05-02\n---\nMayor Lena Varga and Governor Tomas Brill will meet on May 9 in Port Elsin.\n",
    "b.md": "---\ndate: 2031-05-03\n---\nLena Varga and Tomas Brill will meet on May 11, aides said.\n",
    "c.md": "---\ndate: 2031-06-01\n---\nMinister Karel Obst said the ban on timber exports will be delayed by one year.\n",
    "d.md": "---\ndate: 2031-06-02\n---\nKarel Obst said the ban on timber exports will be delayed by three months.\n",
}


def mixed(root: Path) -> str:
    folder = root / "mixed"
    folder.mkdir()
    for name, text in MIXED.items():
        (folder / name).write_text(text, encoding="utf-8")
    return "mixed"


def rules_found(result: Result) -> list[str]:
    assert result.exit_code in (0, 1), result.output
    return sorted(f["rule"] for f in json.loads(result.stdout)["findings"])


def pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ config precedence


def test_precedence_defaults_then_pyproject_then_flags(tmp_path: Path) -> None:
    path = pyproject(tmp_path, '[project]\nname = "desk"\n\n[tool.consistency]\n'
                               'fail-on = "warning"\nwindow-days = 9\nselect = ["DATE", "DUR"]\n')
    defaults = Config()
    from_file, used = load_config(start=tmp_path)
    assert used == path
    assert (from_file.fail_on, from_file.window_days, from_file.select) == ("warning", 9, ("DATE", "DUR"))
    assert from_file.stale_days == defaults.stale_days  # not in the file: the packaged default
    with_flags, _ = load_config(start=tmp_path, overrides={"fail_on": "never", "select": "NUM", "ignore": None})
    assert (with_flags.fail_on, with_flags.window_days, with_flags.select) == ("never", 9, ("NUM",))
    # the nearest pyproject.toml above the working folder counts too
    below = tmp_path / "a" / "b"
    below.mkdir(parents=True)
    assert load_config(start=below)[0].window_days == 9


def test_pyproject_without_a_section_means_defaults(tmp_path: Path) -> None:
    pyproject(tmp_path, '[project]\nname = "desk"\n')
    config, used = load_config(start=tmp_path)
    assert config == Config() and used is None


def test_fail_on_from_pyproject_and_flag_decide_the_exit_code(work: Path) -> None:
    pyproject(work, '[tool.consistency]\nfail-on = "warning"\nselect = ["DUR"]\n')
    story = mixed(work)
    # pyproject: only DUR rules, fail on warnings -> the duration warning fails the run
    result = run("check", story, "--format", "json")
    assert result.exit_code == 1 and rules_found(result) == ["DUR001"]
    # flags win over the file
    result = run("check", story, "--format", "json", "--fail-on", "error")
    assert result.exit_code == 0 and rules_found(result) == ["DUR001"]
    result = run("check", story, "--format", "json", "--select", "DATE")
    assert result.exit_code == 1 and rules_found(result) == ["DATE001"]


def test_config_flag_names_the_file_to_read(work: Path) -> None:
    elsewhere = work / "conf"
    elsewhere.mkdir()
    pyproject(elsewhere, '[tool.consistency]\nstale-days = 12\n')
    result = run("--config", "conf/pyproject.toml", "config")
    assert result.exit_code == 0, result.output
    assert "stale-days = 12" in result.stdout


def test_config_flag_with_a_missing_file_is_a_usage_error(work: Path) -> None:
    result = CliRunner().invoke(main, ["--config", "nope.toml", "config"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith("consistency: nope.toml: ")


# ---------------------------------------------------------------------------------- config errors


def test_unknown_key_names_file_and_line(work: Path) -> None:
    path = pyproject(work, '[project]\nname = "desk"\n\n[tool.consistency]\nfail-on = "warning"\nwindow-dayz = 3\n')
    result = run("config")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith(f"consistency: {path}:6: ") and "unknown setting 'window-dayz'" in line
    assert result.stdout == ""


@pytest.mark.parametrize("setting, words", [
    ('stale-days = "five"', "whole number"),
    ("window-days = 2.5", "whole number"),
    ("max-file-bytes = -1", "negative"),
    ("select = 5", "list of strings"),
    ("languages = [1, 2]", "list of strings"),
    ('fail-on = "sometimes"', "fail-on"),
    ('format = "pdf"', "format"),
    ("quote-similarity = 150", "between 0 and 100"),
    ("model = 3", "string"),
    ("stale-days = true", "whole number"),
])
def test_bad_value_names_file_and_line(tmp_path: Path, setting: str, words: str) -> None:
    path = pyproject(tmp_path, f'[project]\nname = "desk"\n[tool.consistency]\n{setting}\n')
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    assert (caught.value.path, caught.value.line) == (str(path), 4), str(caught.value)
    assert str(caught.value).startswith(f"{path}:4: ") and words in str(caught.value)


def test_bad_value_after_a_blank_line_names_its_own_line(tmp_path: Path) -> None:
    """Blank lines before the key must not pull the reported line up."""
    pyproject(tmp_path, '[tool.consistency]\nfail-on = "error"\n\nstale-days = "five"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    assert caught.value.line == 4, str(caught.value)


def test_bad_value_on_the_command_line(work: Path) -> None:
    pyproject(work, '[tool.consistency]\nstale-days = "five"\n')
    result = run("config")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "pyproject.toml:2:" in line and "stale-days" in line and "Traceback" not in result.output


def test_invalid_toml_names_file_and_line(work: Path) -> None:
    pyproject(work, '[tool.consistency]\nfail-on = "warning"\nselect = [\n')
    result = run("config")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "pyproject.toml:" in line and "not valid TOML" in line


# --------------------------------------------------------------------------------- rule files


RULE = """\
code: XTRA001
name: ban-delay
level: warning
kind: duration
check: interval
subject: how long a ban is delayed
message: "{subject}: {values}. {why}."
rationale: A made-up rule for the tests; it checks durations like the packaged one.
params:
  families: [figure]
  kinds: [duration]
"""


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """The packaged rules folder (with its vocabularies), copied so a test can add files."""
    target = tmp_path / "myrules"
    shutil.copytree(rules_root(None), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    assert (target / "DATE001.yaml").is_file() and (target / "vocab").is_dir()
    return target


def test_a_valid_added_rule_is_loaded(work: Path, rules_copy: Path) -> None:
    (rules_copy / "XTRA001.yaml").write_text(RULE, encoding="utf-8")
    pyproject(work, f'[tool.consistency]\nrules-dir = "{rules_copy.name}"\n')
    result = run("rules")
    assert result.exit_code == 0, result.output
    codes = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert "XTRA001" in codes and "DATE001" in codes


BROKEN_RULES = {
    # name: (file text, line named, words of the message)
    "unknown-key": (RULE.replace("level: warning\n", "level: warning\ncolour: blue\n"), 4, "unknown key 'colour'"),
    "unknown-param": (RULE.replace("  kinds: [duration]\n", "  kinds: [duration]\n  max_widht: 4\n"), 12,
                      "unknown key 'max_widht'"),
    "bad-level": (RULE.replace("level: warning", "level: severe"), 3, "'severe' is not one of"),
    "bad-check": (RULE.replace("check: interval", "check: vibes"), 5, "check"),
    "broken-yaml": (RULE.replace("kind: duration", "kind: [duration"), 5, "not valid YAML"),
    "missing-message": (RULE.replace('message: "{subject}: {values}. {why}."\n', ""), 1, "'message'"),
    "duplicate-code": (RULE.replace("code: XTRA001", "code: DATE001"), 1, "DATE001 is already used"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_RULES))
def test_broken_rule_file_via_rules_flag(work: Path, rules_copy: Path, case: str) -> None:
    text, line, words = BROKEN_RULES[case]
    bad = rules_copy / "XTRA001.yaml"
    bad.write_text(text, encoding="utf-8")
    (work / "a.md").write_text(MIXED["a.md"], encoding="utf-8")
    result = run("check", "--rules", str(rules_copy), "a.md")
    assert result.exit_code == 2, result.output
    [message] = error_lines(result)
    assert message.startswith(f"consistency: {bad}:{line}: "), message
    assert words in message
    assert "Traceback" not in result.output and result.stdout == ""


def test_broken_rule_file_via_config(work: Path, rules_copy: Path) -> None:
    """rules-dir in a pyproject.toml given with --config is read relative to that file."""
    text, line, _ = BROKEN_RULES["unknown-key"]
    (rules_copy / "XTRA001.yaml").write_text(text, encoding="utf-8")
    conf = work / "conf"
    conf.mkdir()
    pyproject(conf, '[tool.consistency]\nrules-dir = "../myrules"\n')
    result = run("--config", str(conf / "pyproject.toml"), "rules")
    assert result.exit_code == 2
    [message] = error_lines(result)
    assert "XTRA001.yaml:4: unknown key 'colour'" in message


def test_every_broken_rule_file_is_reported_at_once(work: Path, rules_copy: Path) -> None:
    (rules_copy / "XTRA001.yaml").write_text(BROKEN_RULES["bad-level"][0], encoding="utf-8")
    (rules_copy / "XTRA002.yaml").write_text(BROKEN_RULES["unknown-key"][0].replace("XTRA001", "XTRA002"),
                                             encoding="utf-8")
    result = run("rules")  # packaged rules: fine
    assert result.exit_code == 0
    result = run("check", "--rules", str(rules_copy), "nothing-needed.md")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 2
    assert "XTRA001.yaml:3:" in lines[0] and "XTRA002.yaml:4:" in lines[1]


def test_missing_rules_folder(work: Path) -> None:
    result = run("check", "--rules", "no-such-rules", "a.md")
    assert result.exit_code == 2
    [message] = error_lines(result)
    assert message.startswith("consistency: no-such-rules")


# ------------------------------------------------------------------------------ select / ignore


@pytest.mark.parametrize("flags, expected", [
    ((), ["DATE001", "DUR001"]),
    (("--select", "DATE"), ["DATE001"]),
    (("--select", "DATE001,DUR001"), ["DATE001", "DUR001"]),
    (("--ignore", "DATE"), ["DUR001"]),
    (("--select", "DATE001,DUR001", "--ignore", "DATE"), ["DUR001"]),
])
def test_select_and_ignore_filter_rules(work: Path, flags: tuple[str, ...], expected: list[str]) -> None:
    result = run("check", mixed(work), "--format", "json", "--fail-on", "never", *flags)
    assert result.exit_code == 0
    assert rules_found(result) == expected


def test_select_in_pyproject_narrows_the_rules_listing(work: Path) -> None:
    pyproject(work, '[tool.consistency]\nselect = ["DATE", "WEEK"]\nignore = ["WEEK"]\n')
    result = run("rules")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines() if line.strip()] == ["DATE001", "DATE002", "DATE003"]


def test_a_selector_that_matches_no_rule_is_a_usage_error(work: Path) -> None:
    result = run("check", mixed(work), "--select", "DATEE")
    assert result.exit_code == 2
    assert "'DATEE' matches no rule" in result.stderr


def test_selectors_ignore_case(work: Path) -> None:
    result = run("check", mixed(work), "--format", "json", "--fail-on", "never", "--select", "date001")
    assert result.exit_code == 0 and rules_found(result) == ["DATE001"]
