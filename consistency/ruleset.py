"""Rule files: YAML under rules/, validated against the JSON Schema shipped in the package.

A ``RuleSet`` is built once per run and handed to the engine; errors name the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Sequence

import jsonschema
import yaml

from .limits import LimitError, safe_yaml_load
from .models import InputError, Rule, RuleExample
from .vocab import rules_root


class RuleFileError(Exception):
    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> "RuleSet":
        """Keep rules whose code starts with a selected prefix and with no ignored prefix.

        Codes are matched case-insensitively; a prefix that names no rule is an error, so a typo
        never silently turns every check off.
        """
        select, ignore = [s.upper() for s in select], [i.upper() for i in ignore]
        for prefix in [*select, *ignore]:
            if not any(r.code.startswith(prefix) for r in self.rules):
                known = ", ".join(r.code for r in self.rules)
                raise RuleFileError([InputError("--select/--ignore", f"'{prefix}' matches no rule (rules: {known})")])
        kept = [r for r in self.rules
                if (not select or any(r.code.startswith(s) for s in select))
                and not any(r.code.startswith(i) for i in ignore)]
        return RuleSet(tuple(kept))

    def get(self, code: str) -> Optional[Rule]:
        return next((r for r in self.rules if r.code == code.upper()), None)


def _schema() -> dict[str, Any]:
    return json.loads(resources.files("consistency").joinpath("rule.schema.json").read_text(encoding="utf-8"))


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """1-based line of each mapping key path in a YAML document, for error messages."""
    lines: dict[tuple[str, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = path + (str(key.value),)
                lines[sub] = key.start_mark.line + 1
                walk(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                sub = path + (str(i),)
                lines[sub] = item.start_mark.line + 1
                walk(item, sub)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, ())
    return lines


def load_rule(path: Path) -> Rule:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError([InputError(str(path), f"cannot read rule file: {exc}")])
    try:
        data = safe_yaml_load(text)  # nesting and alias expansion capped before anything walks it
        lines = _key_lines(text)
    except LimitError as exc:
        raise RuleFileError([InputError(str(path), exc.reason, exc.line)])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleFileError([InputError(str(path), f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                        mark.line + 1 if mark else None)])
    if not isinstance(data, dict):
        raise RuleFileError([InputError(str(path), "a rule file must be a mapping of keys to values", 1)])
    validator = jsonschema.Draft202012Validator(_schema())
    errors = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        where = tuple(str(p) for p in error.absolute_path)
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            where = where + (extra[0],) if extra else where
            reason = f"unknown key '{extra[0] if extra else '?'}'" + (f" in '{'.'.join(where[:-1])}'" if len(where) > 1 else "")
            allowed = ", ".join(sorted(error.schema.get("properties", {})))
            reason += f" (allowed: {allowed})"
        else:
            field = ".".join(where) or "rule"
            reason = f"'{field}': {error.message}"
        errors.append(InputError(str(path), reason, lines.get(where) or lines.get(where[:1]) or 1))
    if errors:
        raise RuleFileError(errors)
    examples = tuple(
        RuleExample(tuple(sorted(ex["articles"].items())), ex["expect"], ex.get("relation", "conflict"))
        for ex in data.get("examples", [])
    )
    params = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in data.get("params", {}).items()))
    return Rule(code=data["code"], name=data["name"], level=data["level"], kind=data["kind"],
                check=data["check"], message=data["message"].strip(), rationale=" ".join(data["rationale"].split()),
                subject=data.get("subject", ""), params=params, examples=examples, path=str(path))


def load_ruleset(rules_dir: Optional[str] = None) -> RuleSet:
    """Every ``*.yaml`` rule file of the folder (not its vocab/); all errors reported at once."""
    root = rules_root(rules_dir)
    if not root.is_dir():
        raise RuleFileError([InputError(str(root), "rules folder does not exist")])
    rules: list[Rule] = []
    errors: list[InputError] = []
    for path in sorted(root.glob("*.yaml")):
        try:
            rules.append(load_rule(path))
        except RuleFileError as exc:
            errors.extend(exc.errors)
    codes: dict[str, str] = {}
    for rule in rules:
        if rule.code in codes:
            errors.append(InputError(rule.path, f"code {rule.code} is already used by {codes[rule.code]}", 1))
        codes[rule.code] = rule.path
    if errors:
        raise RuleFileError(errors)
    return RuleSet(tuple(sorted(rules, key=lambda r: r.code)))
