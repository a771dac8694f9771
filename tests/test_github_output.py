"""GitHub Actions workflow commands: one annotation per finding, escaped like the toolkit does."""

from __future__ import annotations

from datetime import date

from consistency.models import Evidence, Finding
from consistency.report.github import escape_data, escape_property, github_command, render_github


def ev(article: str, line: int, column: int, side: int) -> Evidence:
    return Evidence(article=article, article_id=article, published=date(2031, 6, 1), line=line,
                    column=column, text="words", value=str(side), side=side)


def finding(level: str = "error", message: str = "Sources disagree on the opening day.",
            evidence: tuple[Evidence, ...] = ()) -> Finding:
    return Finding(id="f1", rule="DATE001", name="date-conflict", level=level, relation="conflict",
                   kind="date", subject="the bridge opening", message=message,
                   evidence=evidence or (ev("archive/a.txt", 3, 7, 0), ev("archive/b.txt", 5, 2, 0),
                                         ev("new/c.txt", 11, 40, 1)))


def test_annotation_on_the_new_article() -> None:
    out = render_github([finding()], {"new/c.txt"})
    assert out == ("::error file=new/c.txt,line=11,col=40,title=DATE001 date-conflict::"
                   "Sources disagree on the opening day. (other sources: archive/a.txt:3, archive/b.txt:5)\n")


def test_without_new_paths_the_first_evidence_carries_it() -> None:
    out = render_github([finding()], None)
    assert out.startswith("::error file=archive/a.txt,line=3,col=7,")
    assert out.rstrip("\n").endswith("(other sources: archive/b.txt:5, new/c.txt:11)")


def test_one_line_per_finding_and_level_mapping() -> None:
    out = render_github([finding("error"), finding("warning"), finding("info")], None)
    lines = out.splitlines()
    assert len(lines) == 3
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert [github_command(x) for x in ("error", "warning", "info")] == ["error", "warning", "notice"]


def test_no_findings_no_output() -> None:
    assert render_github([], None) == ""


def test_escaping_of_message_and_properties() -> None:
    f = finding(message="100% sure,\r\nreally: yes",
                evidence=(ev("new/a,b:c%.txt", 2, 1, 0), ev("archive/x.txt", 4, 1, 1)))
    (line,) = render_github([f], ["new/a,b:c%.txt"]).splitlines()
    assert line == ("::error file=new/a%2Cb%3Ac%25.txt,line=2,col=1,title=DATE001 date-conflict::"
                    "100%25 sure,%0D%0Areally: yes (other sources: archive/x.txt:4)")
    assert escape_data("a%b\nc\rd:e,f") == "a%25b%0Ac%0Dd:e,f"
    assert escape_property("a%b\nc\rd:e,f") == "a%25b%0Ac%0Dd%3Ae%2Cf"


def test_repeated_sources_listed_once_and_backslashes_normalized() -> None:
    f = finding(evidence=(ev("new\\c.txt", 1, 1, 1), ev("archive/a.txt", 3, 1, 0),
                          ev("archive/a.txt", 3, 9, 0)))
    out = render_github([f], ["new/c.txt"])
    assert out.startswith("::error file=new/c.txt,line=1,col=1,")
    assert out.rstrip("\n").endswith("(other sources: archive/a.txt:3)")


def test_finding_without_evidence_has_no_file() -> None:
    f = Finding(id="f2", rule="QUOTE001", name="quote-wording", level="warning", relation="conflict",
                kind="quote", subject="s", message="m", evidence=())
    assert render_github([f], None) == "::warning title=QUOTE001 quote-wording::m\n"
