"""Each rule's pass/fail examples (in its YAML file) run through the whole pipeline."""

from __future__ import annotations


import pytest

from consistency.ruleset import load_ruleset
from consistency.runner import Toolkit, check_paths

RULES = load_ruleset().rules
CASES = [(rule, n, example) for rule in RULES for n, example in enumerate(rule.examples, 1)]


def test_every_rule_has_a_failing_and_a_passing_example() -> None:
    for rule in RULES:
        expects = {e.expect for e in rule.examples}
        assert "finding" in expects, f"{rule.code} has no example that must fire"
        if rule.check != "figure-update":
            assert "none" in expects, f"{rule.code} has no example that must stay quiet"


@pytest.mark.parametrize("rule,number,example", CASES, ids=[f"{r.code}-{n}" for r, n, _ in CASES])
def test_rule_example(rule, number, example, kit: Toolkit, tmp_path) -> None:
    for name, text in example.articles:
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = check_paths([str(tmp_path)], kit.config, kit)
    assert not result.errors
    fired = [f for f in result.findings if f.rule == rule.code]
    if example.expect == "finding":
        assert len(fired) == 1, f"{rule.code} example {number} should fire once: {[f.message for f in result.findings]}"
        assert fired[0].relation == example.relation
    else:
        assert not fired, f"{rule.code} example {number} should stay quiet: {[f.message for f in fired]}"
