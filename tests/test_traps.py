"""End-to-end tests of the traps in BRIEF.md, one check type at a time, on made-up stories.

Each test writes two to four short Markdown articles (front matter ``date:`` so publication dates
are known) to ``tmp_path``, runs the whole pipeline with ``check_paths`` and asserts what an editor
would see: a finding with the right rule, relation, sides and values, or no finding at all.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Optional

import pytest

from consistency.models import Finding
from consistency.runner import CheckResult, Toolkit, check_paths


# ---------------------------------------------------------------------------------------------
# helpers


def write_cluster(folder: Path, articles: dict[str, tuple[str, str]]) -> None:
    """``{"a.md": ("2024-03-04", "Text of the article.")}`` -> Markdown files with front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, body) in articles.items():
        text = f"---\ndate: {published}\n---\n{textwrap.dedent(body).strip()}\n"
        (folder / name).write_text(text, encoding="utf-8")


def check(tmp_path: Path, kit: Toolkit, articles: dict[str, tuple[str, str]]) -> CheckResult:
    write_cluster(tmp_path, articles)
    result = check_paths([str(tmp_path)], kit.config, kit)
    assert not result.errors, result.errors
    return result


def fired(result: CheckResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


def messages(result: CheckResult) -> list[str]:
    return [f"{f.rule} {f.relation}: {f.message}" for f in result.findings]


def sides(finding: Finding) -> list[set[str]]:
    """The values of each side, as sets, sorted so tests do not depend on side order."""
    by_side: dict[int, set[str]] = {}
    for e in finding.evidence:
        by_side.setdefault(e.side, set()).add(e.value)
    return sorted(by_side.values(), key=lambda s: sorted(s))


def side_files(finding: Finding) -> list[set[str]]:
    by_side: dict[int, set[str]] = {}
    for e in finding.evidence:
        by_side.setdefault(e.side, set()).add(Path(e.article).name)
    return sorted(by_side.values(), key=lambda s: (-len(s), sorted(s)))


def only(result: CheckResult, rule: str) -> Finding:
    found = fired(result, rule)
    assert len(found) == 1, f"expected one {rule} finding: {messages(result)}"
    return found[0]


def agreed(result: CheckResult, kind: str) -> Optional[str]:
    """The value of the one agreement of a kind (evidence that linking happened), or None."""
    values = [a.value for a in result.agreements if a.kind == kind]
    return values[0] if len(values) == 1 else None


def dates_in(result: CheckResult, name: str) -> list[str]:
    return [m.value for m in result.mentions if m.kind == "date" and Path(m.path).name == name]


# ---------------------------------------------------------------------------------------------
# weekdays need tense (2024-03-04 is a Monday; the Thursday of that week is 2024-03-07)

STRIKE_AHEAD = ("Union leader Marta Kovac and transport minister Henrik Solberg are expected to meet on "
                "Thursday to end the rail strike, which has halted freight across the country.")
STRIKE_BEHIND = ("Union leader Marta Kovac and transport minister Henrik Solberg met on Thursday and agreed "
                 "to end the rail strike. Freight trains were running again by Saturday morning.")


def test_weekday_forward_and_back_resolve_to_different_days(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "ahead.md": ("2024-03-04", STRIKE_AHEAD),
        "behind.md": ("2024-03-04", "Marta Kovac and Henrik Solberg met on Thursday to discuss the rail strike, "
                                    "officials said."),
    })
    assert dates_in(result, "ahead.md") == ["2024-03-07"]  # "are expected to meet": forward
    assert dates_in(result, "behind.md") == ["2024-02-29"]  # "met": the Thursday before


def test_forward_weekday_agrees_with_the_explicit_date_of_that_day(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-03-04", STRIKE_AHEAD),
        "b.md": ("2024-03-05", "Marta Kovac and Henrik Solberg will meet on March 7 in the capital, a "
                               "spokesman for the ministry said."),
    })
    assert not fired(result, "DATE001"), messages(result)
    assert agreed(result, "date") == "2024-03-07"


def test_forward_weekday_conflicts_with_another_explicit_date(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-03-04", STRIKE_AHEAD),
        "b.md": ("2024-03-05", "Marta Kovac and Henrik Solberg will meet on March 8 in the capital, a "
                               "spokesman for the ministry said."),
    })
    finding = only(result, "DATE001")
    assert finding.relation == "conflict" and finding.level == "error"
    assert sides(finding) == [{"2024-03-07"}, {"2024-03-08"}]
    thursday = [e for e in finding.evidence if e.value == "2024-03-07"][0]
    assert thursday.text == "on Thursday" and Path(thursday.article).name == "a.md"


def test_past_weekday_is_read_backwards_from_the_publication_date(kit: Toolkit, tmp_path: Path) -> None:
    # Published Saturday 2024-03-09: "met on Thursday" is 2024-03-07, so March 7 agrees and March 6 does not.
    same = check(tmp_path / "same", kit, {
        "a.md": ("2024-03-09", STRIKE_BEHIND),
        "b.md": ("2024-03-09", "Marta Kovac and Henrik Solberg met on March 7 in the capital, a spokesman said."),
    })
    assert not fired(same, "DATE001"), messages(same)
    assert agreed(same, "date") == "2024-03-07"
    other = check(tmp_path / "other", kit, {
        "a.md": ("2024-03-09", STRIKE_BEHIND),
        "b.md": ("2024-03-09", "Marta Kovac and Henrik Solberg met on March 6 in the capital, a spokesman said."),
    })
    assert sides(only(other, "DATE001")) == [{"2024-03-06"}, {"2024-03-07"}]


def test_reported_future_weekday_conflicts_with_a_planned_date(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-03-04", "Officials said union leader Marta Kovac and transport minister Henrik Solberg "
                               "would meet on Thursday to end the rail strike."),
        "b.md": ("2024-03-05", "Marta Kovac and Henrik Solberg will meet on March 8 in the capital, a "
                               "spokesman for the ministry said."),
    })
    assert sides(only(result, "DATE001")) == [{"2024-03-07"}, {"2024-03-08"}]


def test_a_month_after_would_is_read_forward(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-20", "Brazilian CEO Paulo Mendes said the merger of the two airlines would close "
                               "in December."),
    })
    assert dates_in(result, "a.md") == ["2024-12"]


# ---------------------------------------------------------------------------------------------
# hedges widen a value; differences of precision agree

VOTE = "Opposition candidate Olga Berisha won {} of the vote in the mayoral election, officials said."
VOTE_LATER = "Olga Berisha won {} of the vote in the mayoral election, according to the final count."


def test_about_twenty_percent_agrees_with_twenty_one(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-11-04", VOTE.format("about 20%")),
        "b.md": ("2024-11-05", VOTE_LATER.format("21%")),
    })
    assert not fired(result, "NUM001"), messages(result)
    assert agreed(result, "figure") == "21%"


def test_about_twenty_percent_conflicts_with_thirty_five(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-11-04", VOTE.format("about 20%")),
        "b.md": ("2024-11-05", VOTE_LATER.format("35%")),
    })
    assert sides(only(result, "NUM001")) == [{"35%"}, {"~20%"}]


def test_more_than_one_percent_conflicts_with_half_a_percent(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-07-01", "Investor Daniel Okafor bought more than 1% of the shares of the shipping "
                               "company before the merger was announced."),
        "b.md": ("2024-07-02", "Daniel Okafor bought 0.5% of the shares of the shipping company before the "
                               "merger was announced, filings show."),
    })
    finding = only(result, "NUM001")
    assert finding.relation == "conflict"
    assert sides(finding) == [{"0.5%"}, {">1%"}]
    assert {e.text for e in finding.evidence} == {"more than 1%", "0.5%"}


FERRY = "The ferry carrying captain Ines Moreau was delayed by {} after the collision in the harbour."
FERRY_LATER = "The ferry of Ines Moreau was delayed by {} after the collision in the harbour, the port said."


def test_nearly_two_hours_agrees_with_two_hours(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-10", FERRY.format("nearly two hours")),
        "b.md": ("2024-06-10", FERRY_LATER.format("two hours")),
    })
    assert not fired(result, "DUR001"), messages(result)


def test_nearly_two_hours_conflicts_with_three_hours(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-10", FERRY.format("nearly two hours")),
        "b.md": ("2024-06-10", FERRY_LATER.format("three hours")),
    })
    finding = only(result, "DUR001")
    assert finding.level == "warning"
    assert sides(finding) == [{"3 h"}, {"~2 h"}]


TRIAL = "Judge Tomas Varga said the fraud trial of the former mayor will be delayed by {}."
TRIAL_LATER = "Tomas Varga said the fraud trial of the former mayor will be delayed by {}, the court confirmed."


def test_about_a_year_agrees_with_one_year(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-01", TRIAL.format("about a year")),
        "b.md": ("2024-05-02", TRIAL_LATER.format("one year")),
    })
    assert not fired(result, "DUR001"), messages(result)
    assert agreed(result, "figure") == "1 year"


def test_one_year_conflicts_with_three_months(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-01", TRIAL.format("one year")),
        "b.md": ("2024-05-02", TRIAL_LATER.format("three months")),
    })
    assert sides(only(result, "DUR001")) == [{"1 year"}, {"3 months"}]


# ---------------------------------------------------------------------------------------------
# the same instant in different time zones

LAUNCH = ("The rocket of mission chief Kenji Arai and astronaut Lena Frost will launch at {} on June 12, "
          "the space agency said.")
LAUNCH_GMT = "Kenji Arai and Lena Frost will launch at {}, weather permitting."


def test_tokyo_time_agrees_with_the_same_instant_in_gmt(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-10", LAUNCH.format("10 a.m. Tokyo time")),
        "b.md": ("2024-06-10", LAUNCH_GMT.format("0100 GMT on June 12")),
    })
    assert not fired(result, "TIME001"), messages(result)
    assert not fired(result, "DATE001"), messages(result)
    assert agreed(result, "time") == "2024-06-12T01:00Z"


def test_tokyo_time_conflicts_with_another_instant_in_gmt(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-10", LAUNCH.format("10 a.m. Tokyo time")),
        "b.md": ("2024-06-10", LAUNCH_GMT.format("0500 GMT on June 12")),
    })
    finding = only(result, "TIME001")
    assert finding.relation == "conflict"
    assert sides(finding) == [{"2024-06-12T01:00Z"}, {"2024-06-12T05:00Z"}]
    assert {e.text for e in finding.evidence} == {"10 a.m. Tokyo time", "0500 GMT"}
    assert not fired(result, "DATE001"), messages(result)


def test_local_date_and_gmt_date_of_one_instant_agree(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-10", LAUNCH.format("8 a.m. Tokyo time")),
        "b.md": ("2024-06-10", LAUNCH_GMT.format("2300 GMT on June 11")),
    })
    assert not fired(result, "TIME001"), messages(result)
    assert not fired(result, "DATE001"), messages(result)


# ---------------------------------------------------------------------------------------------
# percent vs percentage points

def test_cut_by_ten_points_agrees_with_fifty_seven_to_forty_seven(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-02", "Finance minister Rosa Lindqvist said the government will cut tariffs on "
                               "imported cars by 10 percentage points from January."),
        "b.md": ("2024-09-03", "Rosa Lindqvist said tariffs on imported cars will fall from 57% to 47% "
                               "next year."),
        "c.md": ("2024-09-03", "Rosa Lindqvist said the government will cut tariffs on imported cars by 10%."),
    })
    assert not fired(result, "NUM001"), messages(result)


def test_ten_points_conflicts_with_fifteen_points(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-02", "Finance minister Rosa Lindqvist said the government will cut tariffs on "
                               "imported cars by 10 percentage points."),
        "b.md": ("2024-09-03", "Rosa Lindqvist said the government will cut tariffs on imported cars by "
                               "15 percentage points."),
    })
    assert sides(only(result, "NUM001")) == [{"10 pp"}, {"15 pp"}]


# ---------------------------------------------------------------------------------------------
# places: containment, two cities, datelines

SIGNING = "The club said striker Diego Alvarez and his agent Lucas Meyer will sign the contract in {} on Friday."
SIGNING_LATER = "Diego Alvarez and Lucas Meyer will sign the contract in {}, the club confirmed."


def test_a_city_agrees_with_its_country(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-01", SIGNING.format("Porto")),
        "b.md": ("2024-09-01", SIGNING_LATER.format("Portugal")),
    })
    assert not fired(result, "LOC001"), messages(result)
    assert agreed(result, "location") == "Porto"


def test_two_cities_of_one_country_conflict(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-01", SIGNING.format("Porto")),
        "b.md": ("2024-09-01", SIGNING_LATER.format("Lisbon")),
    })
    finding = only(result, "LOC001")
    assert finding.level == "error"
    assert sides(finding) == [{"Lisbon"}, {"Porto"}]


def test_a_city_and_the_capital_of_its_country_conflict(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-01", SIGNING.format("Munich")),
        "b.md": ("2024-09-01", SIGNING_LATER.format("Berlin")),
    })
    assert sides(only(result, "LOC001")) == [{"Berlin"}, {"Munich"}]


def test_a_dateline_city_is_not_the_event_place(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-01", "MADRID (Reuters) - " + SIGNING.format("Porto")),
        "b.md": ("2024-09-01", "LISBON, Sept 1 (AP) - " + SIGNING_LATER.format("Porto")),
        "c.md": ("2024-09-01", "PORTO (Reuters) - Diego Alvarez and his agent Lucas Meyer will sign the "
                               "contract on Friday, the club said."),
    })
    assert not fired(result, "LOC001"), messages(result)
    assert agreed(result, "location") == "Porto"


# ---------------------------------------------------------------------------------------------
# live coverage: a toll that rises is an update; one that falls is not

QUAKE = "Governor Amara Nwosu said {} people died in the earthquake that struck the coastal province{}."


def test_a_rising_death_toll_is_an_update(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-06", QUAKE.format(14, " on Monday")),
        "b.md": ("2024-02-08", QUAKE.format(37, "")),
    })
    assert not fired(result, "NUM001"), messages(result)
    finding = only(result, "NUM002")
    assert finding.relation == "update" and finding.level == "info"
    assert sides(finding) == [{"14"}, {"37"}]
    newer = [e for e in finding.evidence if e.value == "37"][0]
    assert Path(newer.article).name == "b.md" and str(newer.published) == "2024-02-08"


def test_a_toll_rising_over_three_reports_is_one_update(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-06", QUAKE.format(14, " on Monday")),
        "b.md": ("2024-02-07", QUAKE.format(22, "")),
        "c.md": ("2024-02-08", "Rescuers said 37 people died in the earthquake, according to Governor Amara Nwosu."),
    })
    assert not fired(result, "NUM001"), messages(result)
    finding = only(result, "NUM002")
    assert sides(finding) == [{"14"}, {"22"}, {"37"}]


def test_a_falling_death_toll_is_never_an_update(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-06", QUAKE.format(37, " on Monday")),
        "b.md": ("2024-02-08", QUAKE.format(14, "")),
    })
    assert not fired(result, "NUM002"), messages(result)
    assert all(f.relation != "update" for f in result.findings)
    finding = only(result, "NUM001")
    assert finding.relation == "conflict" and finding.level == "error"
    assert sides(finding) == [{"14"}, {"37"}]


def test_death_toll_rose_to_is_an_update(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-06", "The death toll from the earthquake rose to 14, Governor Amara Nwosu said on "
                               "Monday."),
        "b.md": ("2024-02-08", "The death toll from the earthquake has risen to 37, Governor Amara Nwosu said."),
    })
    finding = only(result, "NUM002")
    assert sides(finding) == [{"14"}, {"37"}]


# ---------------------------------------------------------------------------------------------
# quotes: a translation is a variant; different words otherwise are a finding

SPEECH = "“We will rebuild every school that the water destroyed, whatever the cost.”"
SPEECH_OTHER = "“We will rebuild each school the water destroyed, whatever it costs.”"


def test_a_quote_in_translation_is_a_variant(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", f"Speaking in French, Prime Minister Claire Dubois told flood victims: {SPEECH}"),
        "b.md": ("2024-04-02", f"Claire Dubois told reporters on Tuesday: {SPEECH_OTHER}"),
    })
    assert not fired(result, "QUOTE001"), messages(result)
    assert len([v for v in result.variants if v.kind == "quote"]) == 1


def test_different_words_in_quotation_marks_are_a_finding(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", f"Prime Minister Claire Dubois told flood victims: {SPEECH}"),
        "b.md": ("2024-04-02", f"Claire Dubois told reporters on Tuesday: {SPEECH_OTHER}"),
    })
    finding = only(result, "QUOTE001")
    assert finding.relation == "conflict" and finding.level == "warning"
    assert len(sides(finding)) == 2
    assert {Path(e.article).name for e in finding.evidence} == {"a.md", "b.md"}
    # The word diff shows exactly what differs, whichever side comes first.
    assert "each" in finding.diff and "every" in finding.diff
    assert "[-" in finding.diff and "{+" in finding.diff
    assert "water destroyed" in finding.diff


def test_a_translation_cue_in_the_sentence_before_the_quote_is_a_variant(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", "Prime Minister Claire Dubois addressed flood victims in French on Tuesday. "
                               "“We will rebuild every school that the water destroyed, whatever the cost,” "
                               "Dubois said."),
        "b.md": ("2024-04-02", f"Claire Dubois told reporters on Tuesday: {SPEECH_OTHER}"),
    })
    assert not fired(result, "QUOTE001"), messages(result)


# ---------------------------------------------------------------------------------------------
# role holders (role linking needs a country, from a demonym or "Brazil's")

def test_two_holders_of_one_unique_title_conflict(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-20", "Brazilian CEO Paulo Mendes said the merger of the two airlines would close "
                               "in December."),
        "b.md": ("2024-05-21", "Brazil's CEO Renata Lopes said the merger of the two airlines would close in "
                               "December, pending approval by regulators."),
    })
    finding = only(result, "ROLE001")
    assert finding.relation == "conflict"
    assert sides(finding) == [{"Paulo Mendes"}, {"Renata Lopes"}]


def test_an_appositive_title_with_the_countrys_is_linked(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-20", "Brazil's top negotiator Paulo Mendes said the fishing accord would be signed "
                               "in December."),
        "b.md": ("2024-05-21", "Brazilian officials said Renata Lopes, the country's top negotiator, had "
                               "initialled the fishing accord."),
    })
    assert sides(only(result, "ROLE001")) == [{"Paulo Mendes"}, {"Renata Lopes"}]


def test_one_holder_named_twice_is_no_finding(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-20", "Brazilian CEO Paulo Mendes said the merger of the two airlines would close "
                               "in December."),
        "b.md": ("2024-05-21", "Brazil's CEO Paulo Mendes said the merger of the two airlines would close in "
                               "December, pending approval by regulators."),
    })
    assert not fired(result, "ROLE001"), messages(result)


def test_chief_executive_is_a_role(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-20", "Brazilian chief executive Paulo Mendes said the merger of the two airlines "
                               "would close in December."),
        "b.md": ("2024-05-21", "Brazilian officials said Renata Lopes, the country's chief executive, had "
                               "signed the merger of the two airlines."),
    })
    assert sides(only(result, "ROLE001")) == [{"Paulo Mendes"}, {"Renata Lopes"}]


# ---------------------------------------------------------------------------------------------
# speculative and denied assertions never make findings

@pytest.mark.parametrize("first", [
    "Foreign ministers Aino Virtanen and Pedro Salgado could meet in Geneva later this month, diplomats said.",
    "Foreign ministers Aino Virtanen and Pedro Salgado will not meet in Geneva, the ministry said.",
], ids=["speculative", "denied"])
def test_a_possible_or_denied_place_is_no_finding(first: str, kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-10-01", first),
        "b.md": ("2024-10-02", "Aino Virtanen and Pedro Salgado will meet in Vienna on October 21, the "
                               "ministry said."),
    })
    assert not fired(result, "LOC001"), messages(result)


def test_a_firm_place_against_another_is_a_finding(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-10-01", "Foreign ministers Aino Virtanen and Pedro Salgado will meet in Geneva later "
                               "this month, diplomats said."),
        "b.md": ("2024-10-02", "Aino Virtanen and Pedro Salgado will meet in Vienna on October 21, the "
                               "ministry said."),
    })
    assert sides(only(result, "LOC001")) == [{"Geneva"}, {"Vienna"}]
    # "later this month" is a coarse date that agrees with October 21: no DATE001.
    assert not fired(result, "DATE001"), messages(result)


# ---------------------------------------------------------------------------------------------
# one finding per disagreement, and ids that survive edits

RUNOFF = {
    "a.md": ("2024-01-08", "Voters in the northern province will choose between Mara Lind and Jonas Eke in a "
                           "runoff vote on January 21, the election commission said."),
    "b.md": ("2024-01-08", "The runoff vote between Mara Lind and Jonas Eke is scheduled for January 21, "
                           "officials said."),
    "c.md": ("2024-01-09", "Mara Lind and Jonas Eke will face each other in a runoff vote on January 21."),
    "d.md": ("2024-01-09", "Mara Lind and Jonas Eke will contest the runoff vote on January 28, according to "
                           "the commission."),
}


def test_three_sources_against_one_make_one_finding(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, RUNOFF)
    finding = only(result, "DATE001")
    assert len(finding.evidence) == 4
    assert sides(finding) == [{"2024-01-21"}, {"2024-01-28"}]
    assert side_files(finding) == [{"a.md", "b.md", "c.md"}, {"d.md"}]
    assert "3 sources" in finding.message and "1 source" in finding.message


def test_finding_id_survives_an_unrelated_edit(kit: Toolkit, tmp_path: Path) -> None:
    before = only(check(tmp_path / "before", kit, RUNOFF), "DATE001")
    edited = dict(RUNOFF)
    published, body = RUNOFF["d.md"]
    edited["d.md"] = (published, "Polling stations will open at 7 a.m. across the province.\n\n"
                                 "Turnout in the first round was low.\n\n" + body)
    after = only(check(tmp_path / "after", kit, edited), "DATE001")
    assert after.id == before.id
    moved = [e for e in after.evidence if Path(e.article).name == "d.md"][0]
    original = [e for e in before.evidence if Path(e.article).name == "d.md"][0]
    assert moved.line > original.line  # the evidence moved, the id did not


def test_the_same_input_gives_the_same_findings(kit: Toolkit, tmp_path: Path) -> None:
    first = check(tmp_path / "one", kit, RUNOFF)
    second = check(tmp_path / "two", kit, RUNOFF)
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    assert [f.message for f in first.findings] == [f.message for f in second.findings]
