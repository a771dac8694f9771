"""SARIF output: valid against the official 2.1.0 schema, and carrying what code scanning needs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from consistency.models import Evidence, Finding, Rule
from consistency.report.sarif import (
    artifact_location,
    normalize_path,
    primary_evidence,
    render_sarif,
    sarif_level,
)

SCHEMA_PATH = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-04/")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def ev(article: str, line: int, column: int, text: str, value: str, side: int,
       published: date | None = date(2031, 4, 2)) -> Evidence:
    return Evidence(article=article, article_id=Path(article).stem, published=published, line=line,
                    column=column, text=text, value=value, side=side)


RULES = [
    Rule(code="NUM001", name="count-conflict", level="warning", kind="number", check="number",
         message="Sources give different counts for {subject}.",
         rationale="Counts of the same thing at the same time cannot differ."),
    Rule(code="DATE001", name="date-conflict", level="error", kind="date", check="date",
         message="Sources disagree on the date of {subject}.",
         rationale="An event happens on one day; two different days cannot both be right."),
]

DATE_FINDING = Finding(
    id="f-date-1", rule="DATE001", name="date-conflict", level="error", relation="conflict",
    kind="date", subject="the harbour treaty signing",
    message="Two sources put the harbour treaty signing on 2031-04-05, one on 2031-04-06.",
    evidence=(
        ev("archive/north-gazette.txt", 4, 12, "on April 5", "2031-04-05", 0),
        ev("archive/valley-times.md", 9, 1, "April 5", "2031-04-05", 0),
        ev("new/coast-herald.txt", 3, 27, "on April 6", "2031-04-06", 1, date(2031, 4, 3)),
    ),
)

INFO_FINDING = Finding(
    id="f-count-2", rule="NUM001", name="count-conflict", level="info", relation="update",
    kind="number", subject="ferries cancelled",
    message="A later source raises the number of ferries cancelled from 12 to 15.",
    evidence=(
        ev("archive/north-gazette.txt", 7, 5, "12 ferries", "12", 0),
        ev("new/coast-herald.txt", 8, 40, "15 ferries", "15", 1),
    ),
    notes=("the later figure may be an update",),
)


def render(findings=(DATE_FINDING, INFO_FINDING), new_paths=("new/coast-herald.txt",)) -> dict:
    return json.loads(render_sarif(list(findings), RULES, new_paths, "9.9.9"))


def test_output_is_valid_sarif(validator: jsonschema.Draft4Validator) -> None:
    errors = sorted(validator.iter_errors(render()), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_empty_and_evidence_free_findings_are_valid(validator: jsonschema.Draft4Validator) -> None:
    validator.validate(render(findings=()))
    bare = Finding(id="f-bare", rule="XYZ999", name="odd", level="warning", relation="conflict",
                   kind="date", subject="s", message="no evidence", evidence=())
    log = render(findings=(bare,), new_paths=None)
    validator.validate(log)
    result = log["runs"][0]["results"][0]
    assert "locations" not in result and "ruleIndex" not in result


def test_result_fields() -> None:
    results = render()["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["DATE001", "NUM001"]
    assert [r["level"] for r in results] == ["error", "note"]
    assert results[0]["message"]["text"] == DATE_FINDING.message
    assert results[0]["partialFingerprints"] == {"consistency/v1": "f-date-1"}
    assert results[1]["partialFingerprints"] == {"consistency/v1": "f-count-2"}
    assert results[0]["properties"]["subject"] == "the harbour treaty signing"


def test_primary_location_is_in_the_new_article() -> None:
    result = render()["runs"][0]["results"][0]
    (primary,) = result["locations"]
    physical = primary["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "new/coast-herald.txt", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 3, "startColumn": 27, "endColumn": 27 + len("on April 6")}
    related = result["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        "archive/north-gazette.txt", "archive/valley-times.md"]
    assert related[0]["message"]["text"] == '"on April 5" = 2031-04-05 (side 0, published 2031-04-02)'
    assert related[0]["physicalLocation"]["region"]["startLine"] == 4


def test_without_new_paths_the_first_evidence_is_primary() -> None:
    result = render(new_paths=None)["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "archive/north-gazette.txt"
    assert len(result["relatedLocations"]) == 2
    # new_paths that match nothing fall back the same way
    other = render(new_paths=("elsewhere.txt",))["runs"][0]["results"][0]
    assert other["locations"] == result["locations"]


def test_new_paths_match_other_spellings() -> None:
    chosen = primary_evidence(DATE_FINDING, ["./new/coast-herald.txt"])
    assert chosen is DATE_FINDING.evidence[2]
    chosen = primary_evidence(DATE_FINDING, ["new\\coast-herald.txt"])
    assert chosen is DATE_FINDING.evidence[2]


def test_rules_metadata() -> None:
    run = render()["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "consistency" and driver["version"] == "9.9.9"
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == ["DATE001", "NUM001"]
    date_rule = driver["rules"][0]
    assert date_rule["name"] == "date-conflict"
    assert date_rule["shortDescription"] == {"text": "date-conflict"}
    assert date_rule["fullDescription"]["text"].startswith("An event happens on one day")
    assert date_rule["defaultConfiguration"] == {"level": "error"}
    assert date_rule["help"] == {"text": "Sources disagree on the date of {subject}."}
    assert run["results"][0]["ruleIndex"] == 0 and run["results"][1]["ruleIndex"] == 1
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_deterministic() -> None:
    first = render_sarif([DATE_FINDING, INFO_FINDING], RULES, {"new/coast-herald.txt"}, "1.0")
    second = render_sarif([DATE_FINDING, INFO_FINDING], list(reversed(RULES)),
                          {"new/coast-herald.txt"}, "1.0")
    assert first == second
    assert first.endswith("\n")


def test_paths_become_relative_forward_slash_uris(validator: jsonschema.Draft4Validator) -> None:
    assert artifact_location("archive\\sub dir\\a%b.txt") == {
        "uri": "archive/sub%20dir/a%25b.txt", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("./x/../y.txt") == {"uri": "y.txt", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/srv/news/a b.txt") == {"uri": "file:///srv/news/a%20b.txt"}
    assert normalize_path(".\\a\\b.txt") == "a/b.txt"
    odd = Finding(id="f-odd", rule="DATE001", name="date-conflict", level="warning",
                  relation="conflict", kind="date", subject="s", message="m",
                  evidence=(ev("in box\\first.txt", 1, 1, "first\nline", "2031-01-01", 0),
                            ev("/abs/second.txt", 2, 3, "x", "2031-01-02", 1, published=None),
                            ev("/abs/second.txt", 2, 3, "x", "2031-01-02", 1, published=None)))
    log = render(findings=(odd,), new_paths=None)
    validator.validate(log)
    result = log["runs"][0]["results"][0]
    # words over two lines: no endColumn
    assert "endColumn" not in result["locations"][0]["physicalLocation"]["region"]
    # identical evidence rows stay distinct related locations
    assert [r["id"] for r in result["relatedLocations"]] == [1, 2]
    assert result["relatedLocations"][0]["message"]["text"] == '"x" = 2031-01-02 (side 1)'


def test_level_mapping() -> None:
    assert [sarif_level(x) for x in ("error", "warning", "info")] == ["error", "warning", "note"]


def test_schema_check_is_not_vacuous(validator: jsonschema.Draft4Validator) -> None:
    log = render()
    log["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    messages = [e.message for e in validator.iter_errors(log)]
    assert any("'info' is not one of" in m for m in messages)
    assert any("less than the minimum" in m for m in messages)
