"""The checker on the five seed articles, scored against their answer key."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from consistency.cli import main
from consistency.evaluate import load_gold, score

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).parent / "gold" / "seeds.yaml"


def test_all_core_contradictions_found_with_full_precision(seeds_result) -> None:
    result = score(seeds_result.findings, load_gold(GOLD))
    assert result.recall == 1.0, [i.id for i in result.items if i.verdict == "contradiction" and i.id not in result.hits]
    assert result.precision == 1.0, [f.message for f in result.false_alarms]
    assert not result.on_compatible
    assert result.duplicates == 0  # one finding per disagreement
    for item_id in ("meeting-date", "meeting-location", "consensus-wording", "top-negotiator"):
        assert len(result.hits[item_id]) == 1


def test_meeting_date_finding_lists_every_source_on_each_side(seeds_result) -> None:
    date_findings = [f for f in seeds_result.findings if f.rule == "DATE001"]
    assert len(date_findings) == 1
    finding = date_findings[0]
    sides: dict[int, set[str]] = {}
    for e in finding.evidence:
        sides.setdefault(e.side, set()).add(os.path.basename(e.article))
    assert len(sides) == 2
    larger, smaller = sorted(sides.values(), key=len, reverse=True)
    assert len(larger) >= 3 and len(smaller) == 1
    assert any("older" in note for note in finding.notes)  # one side is eight days older


def test_committed_report_equals_what_the_command_writes(tmp_path) -> None:
    out = tmp_path / "seeds.md"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["check", "seeds/", "-o", str(out), "--fail-on", "never"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8")


def test_eval_command_prints_the_score() -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["eval", "tests/gold/seeds.yaml", "seeds/", "--min-recall", "1", "--min-precision", "1"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "recall 1.00" in result.output and "precision 1.00" in result.output
    assert "miss: visit-length-vs-meeting (stretch)" in result.output or "stretch recall 1.00" in result.output
