"""Hostile and odd input: never a traceback, input errors past the caps, reports that show article
text as text, and line and column numbers that point at the words as written.

Every article here is made up. Speed is measured in bench/hostile.py, never here.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.cli import main
from consistency.config import Config
from consistency.extract.people import PersonRegistry, find_names, find_quotes, find_roles
from consistency.extract.sentences import split_sentences
from consistency.extract.tokens import modality, quote_spans, tokenize
from consistency.ingest import read_articles
from consistency.ingest.language import detect_language
from consistency.ingest.pubdate import parse_date_value, text_date, weekday_clues
from consistency.ingest.readers import read_file
from consistency.limits import MAX_NESTING, MAX_SENTENCE_CHARS, MAX_YAML_NODES
from consistency.normalize.quantities import find_quantities
from consistency.normalize.temporal import find_temporal
from consistency.progress import Progress
from consistency.report.escape import markdown_code, markdown_text
from consistency.report.github import render_github
from consistency.report.markdown import render_markdown
from consistency.report.sarif import render_sarif
from consistency.runner import Toolkit, check_paths
from stories import HARBOUR_AGREE, md

pytestmark = pytest.mark.usefixtures("reuse_toolkit")  # CLI runs share the session's model

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

LAUGHS = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n")
BODY = "Lena Varga and Tomas Brill will meet on May 9 to sign the harbour pact."


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(folder: Path, files: dict[str, str | bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8", newline="")


# ------------------------------------------------------------------ caps are input errors, exit 2

BAD = {
    # name: (file name, content, words of the reason, line)
    "brackets": ("brackets.json", "[" * 5_000 + "]" * 5_000, f"nested deeper than {MAX_NESTING}", 1),
    "deep record": ("deep.json", '{"text": "The toll rose to 12.",\n "x": ' + "[" * 200 + "]" * 200 + "}",
                    f"nested deeper than {MAX_NESTING}", 2),
    "deep jsonl line": ("lines.jsonl", '{"text": "The toll rose to 12."}\n{"x": ' + "{\"y\": " * 100 + "1"
                        + "}" * 100 + "}\n", f"nested deeper than {MAX_NESTING}", 2),
    "alias tree": ("alias.md", "---\n" + LAUGHS + "---\nThe toll rose to 12.\n", f"{MAX_YAML_NODES:,} values", 6),
    "deep front matter": ("deep.md", "---\ntitle: " + "[" * 100 + "]" * 100 + "\n---\nThe toll rose.\n",
                          f"nested deeper than {MAX_NESTING}", 2),
    "title list": ("list.md", "---\ndate: 2031-05-02\ntitle: [one, two]\n---\nThe toll rose.\n",
                   "'title' must be text, not a list", 3),
    "title alias": ("talias.md", "---\nx: &x [a, b]\ntitle: *x\n---\nThe toll rose.\n",
                    "'title' must be text, not a list", 3),
    "outlet mapping": ("outlet.md", "---\noutlet: {city: Elsin}\n---\nThe toll rose.\n",
                       "'outlet' must be text, not a mapping", 2),
    "date not a date": ("when.md", "---\ndate: soon\n---\nThe toll rose.\n", "'date' is not a date", 2),
    "date a list": ("dates.md", "---\npublished: [2031-05-02]\n---\nThe toll rose.\n",
                    "'published' must be a date, not a list", 2),
    "json url number list": ("url.json", '{"text": "The toll rose.", "url": [1, 2]}',
                             "'url' must be text, not a list", None),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_past_a_cap_or_of_the_wrong_type_is_an_input_error(work: Path, case: str) -> None:
    name, content, reason, line = BAD[case]
    write(work / "story", {**HARBOUR_AGREE, name: content})
    result = run("check", "story", "--format", "json")
    assert result.exit_code == 2, result.output
    [error] = [line for line in result.stderr.splitlines() if line.strip()]
    where = f"story/{name}:{line}:" if line else f"story/{name}:"
    assert error.startswith(f"consistency: {where}") and reason in error, error
    # The other files (and the good record of the JSON Lines file) are still checked.
    assert len(json.loads(result.stdout)["articles"]) == 3 + (case == "deep jsonl line")


def test_rule_file_alias_tree_is_named(work: Path) -> None:
    from consistency.vocab import rules_root
    import shutil

    shutil.copytree(rules_root(None), work / "rules", ignore=shutil.ignore_patterns("__*"))
    (work / "rules" / "ZZZ001.yaml").write_text("code: ZZZ001\n" + LAUGHS, encoding="utf-8")
    write(work / "story", HARBOUR_AGREE)
    result = run("check", "story", "--rules", "rules")
    assert result.exit_code == 2
    assert result.stderr.startswith("consistency: rules/ZZZ001.yaml:6: YAML unfolds to more than")


def test_small_aliases_and_numbers_in_front_matter_still_read(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nplace: &p Elsin\nsite: *p\ntitle: 1984\ndate: 2031-05-02\n---\n" + BODY,
                    encoding="utf-8")
    [article], errors = read_articles([str(path)], Config())
    assert errors == []
    assert (article.outlet, article.title, article.published) == ("Elsin", "1984", date(2031, 5, 2))


# ------------------------------------------------------------- long text is read in bounded pieces

def test_a_sentence_past_the_cap_is_read_in_pieces_with_exact_offsets() -> None:
    text = "Title\n" + " ".join(["the ferry sailed at dawn"] * 1_000)  # 24,000 characters, no stop
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(text[p.start:p.end] == p.text for p in pieces)
    assert "".join(p.text for p in pieces[1:]).replace(" ", "") == text[6:].replace(" ", "")


def test_abbreviations_still_do_not_end_a_sentence_when_there_are_thousands() -> None:
    text = "Mr. " * 3_000 + "Smith said. The toll rose."
    assert [len(s.text) <= MAX_SENTENCE_CHARS for s in split_sentences(text)]
    assert split_sentences(text)[-1].text == "The toll rose."
    assert [s.text for s in split_sentences("He met Mr. Li. Then the disco. Next it went.")] == [
        "He met Mr. Li.", "Then the disco.", "Next it went."]


def test_sentence_without_a_stop_longer_than_the_model_limit_is_checked(kit: Toolkit, tmp_path: Path) -> None:
    # Shorter than the model's limit to keep the test fast; the pieces are what the model sees.
    words = "on Thursday the ferry carried 12 people to Port Elsin, said Mr. Varga, "
    path = tmp_path / "long.md"
    path.write_text("---\ndate: 2031-05-02\n---\n" + words * 400 + "\n", encoding="utf-8")
    result = check_paths([str(path)], Config(), kit)
    assert result.errors == []
    quantities = [m for m in result.mentions if m.kind == "count"]
    assert len(quantities) >= 390  # every piece was read, none lost at the cuts


def test_odd_files_give_a_reason_or_a_report(kit: Toolkit, tmp_path: Path) -> None:
    files = {
        "quotes.txt": '"' * 20_000,
        "word.txt": "x" * 50_000,
        "digits.txt": "1" * 20_000 + " " + " ".join(str(i) for i in range(3_000)),
        "nested.txt": "The vote was held. " + "(" * 3_000 + "x" + ")" * 3_000,
        "nul.txt": b"The toll\x00 rose.",
        "bidi.txt": "2031-05-02\n\nThe \u202etoll\u202c rose to 12 on Monday \u200b\u2066said\u2069 Ms. Okafor.\n",
        "emoji.txt": "2031-05-02\n\nThe 🚢 ferry 🇵🇹 carried 12 👩‍👩‍👧 people; Ферри 渡轮 फेरी said Ms. Okafor.\n",
        "cr.txt": "2031-05-02\r\rThe toll rose to 12 on Monday.\rIt fell.\r",
    }
    write(tmp_path, files)
    result = check_paths([str(tmp_path)], Config(), kit)
    assert [str(e) for e in result.errors] == [f"{tmp_path}/nul.txt: binary file (contains NUL bytes), not a text article"]
    assert len(result.articles) == len(files) - 1


# ------------------------------------------------------------------------ no input makes it raise

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400) | st.lists(
    st.sampled_from(list("\"“”‘’'()[]{}<>.,;:!?-–—%$€£#@&*_|`~\\/ \t\r\n\ufeff\u200b\u202eMrDJanMayGMTam0123456789")
                    + ["Mr.", "May 14", "9 a.m.", " GMT", "Monday", "Oct. 30", "5%", "$3bn", " said ",
                       "Vice Premier", "12", "1,000", "\r\n", "\u00e9", "日本", "Lena Varga", " the "]),
    max_size=120).map("".join)
REFERENCE = date(2031, 5, 14)


@FAST
@given(text=TEXT)
def test_normalizers_and_extractors_take_any_text(kit: Toolkit, text: str) -> None:
    vocab = kit.vocab
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        words = sentence.text
        tokens = tokenize(words)
        quote_spans(words)
        for span in find_temporal(words, REFERENCE, "Europe/Lisbon") + find_temporal(words, None):
            assert words[span.start:span.end] == span.raw
        for span in find_quantities(words):
            assert words[span.start:span.end] == span.raw
        for token in tokens:
            modality(tokens, token.start, vocab)
        names = find_names(words, tokens, [(t.start, t.end) for t in tokens if t.is_capitalized][:3], vocab)
        registry = PersonRegistry()
        for name in names:
            registry.add(name.name)
        find_roles(words, tokens, names, registry, vocab)
        find_quotes(words, tokens, names, registry, "")
    weekday_clues(text)
    text_date(text)
    parse_date_value(text)
    detect_language(text)


@FAST
@given(text=TEXT | st.lists(st.sampled_from(["am 18. ", "März ", "« ", " »", "le 14 mai ", "1,5 ", "Mio. ",
                                             "„", "“", "el 3 de mayo ", "12 h ", "heure locale ", "; "]),
                            max_size=60).map("".join))
def test_language_packs_take_any_text(packs: dict, text: str) -> None:
    from consistency.normalize.multilingual import find_quantities_in, find_temporal_in

    for pack in packs.values():
        for span in find_quantities_in(text, pack) + find_temporal_in(text, REFERENCE, pack):
            assert text[span.start:span.end] == span.raw


@pytest.fixture(scope="module")
def packs() -> dict:
    from consistency.normalize.multilingual import load_language_packs

    return load_language_packs()


SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html")


@SLOW
@given(content=st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8")), suffix=st.sampled_from(SUFFIXES))
def test_readers_take_any_bytes(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"odd{suffix}"
    path.write_bytes(content)
    loaded, errors = read_file(str(path), Config())
    assert all("\n" not in e.reason for e in errors)
    assert loaded or errors


@SLOW
@given(front=st.dictionaries(st.sampled_from(["title", "outlet", "url", "date", "source", "headline"]),
                             st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                                          lambda inner: st.lists(inner, max_size=3)
                                          | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                                          max_leaves=8), max_size=4))
def test_front_matter_of_any_shape_is_read_or_refused(tmp_path: Path, front: dict) -> None:
    import yaml

    path = tmp_path / "front.md"
    path.write_text("---\n" + yaml.safe_dump(front) + "---\n" + BODY + "\n", encoding="utf-8")
    loaded, errors = read_file(str(path), Config())
    if loaded:
        article = loaded[0].article
        assert all(v is None or isinstance(v, str) for v in (article.title, article.outlet, article.url))
    else:
        [error] = errors
        assert "\n" not in error.reason


# --------------------------------------------- every mention points at its words in the file as written

PIECES = ["The council", " met", " on May 14", ", 2031", " at 9 a.m. GMT", " in Port Elsin", ".", " ",
          "\t", "\r\n", "\r", "\n", "\n\n", "Vice Premier Lena Varga", " said", " “we will wait”", " \"no\"",
          " 12 people", " 5%", " $3bn", " about two hours", " on Monday", " Mr. Brill", " café", " 渡轮",
          " 🚢", " naïve", " Ферри", " — ", "(", ")", " Thursday, May 15"]
ARTICLE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


def _file_lines(raw: str) -> list[str]:
    import re

    return re.split(r"\r\n|\r|\n", raw)


@SLOW
@given(body=ARTICLE, bom=st.booleans(), kind=st.sampled_from(["txt", "md", "json"]))
def test_every_mention_points_at_its_raw_words(kit: Toolkit, tmp_path: Path, body: str, bom: bool,
                                               kind: str) -> None:
    if kind == "md":
        raw = "---\r\ntitle: Pact\r\ndate: 2031-05-12\r\n---\r\n" + body
    elif kind == "json":  # characters JSON escapes would not stand in the file as the words do
        body = "".join(" " if c in "\r\n\t\"" else c for c in body)
        raw = json.dumps({"date": "2031-05-12", "text": body}, ensure_ascii=False)
    else:
        raw = "2031-05-12\n" + body
    path = tmp_path / f"a.{kind}"
    path.write_bytes(("\ufeff" if bom else "").encode() + raw.encode("utf-8"))
    result = check_paths([str(path)], Config(), kit)
    lines = _file_lines(path.read_bytes().decode("utf-8-sig"))
    for m in result.mentions:
        line = lines[m.line - 1]
        assert line[m.column - 1:m.column - 1 + len(m.raw)] == m.raw, (m.kind, m.raw, line)


# ------------------------------------------------------------ reports show article text as text

HOSTILE_OUTLET = "<b>x</b> [click](http://example.invalid)"


def _hostile_story(folder: Path) -> None:
    write(folder, {
        "north.md": md("2031-05-02", "'<b>x</b> [click](http://example.invalid)'",
                       "Lena Varga and Tomas Brill will meet on May 9 to sign the pact | a `tick` "
                       "<i>now</i> \u202eevil\u202c.", title="'[click](http://example.invalid)'"),
        "valley.md": md("2031-05-03", "Valley | Times", "Lena Varga and Tomas Brill will meet on May 9."),
        "river.md": md("2031-05-04", "River \u202ePost\u202c",
                       "Lena Varga and Tomas Brill will meet on May 11, said \"we sign | <b>now</b>\"."),
    })


def test_markdown_report_shows_html_links_pipes_backticks_and_bidi_as_text(kit: Toolkit, work: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    _hostile_story(work / "story")
    result = check_paths(["story"], Config(), kit)
    assert [f.rule for f in result.findings] == ["DATE001"]
    report = render_markdown(result.articles, result.findings, result.agreements, result.variants)
    html = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(report)
    assert "<b>" not in html and "<i>" not in html and "<a " not in html
    assert "&lt;b&gt;x&lt;/b&gt; [click](http://example.invalid)" in html  # shown, as written
    assert "\u202e" not in report and "River \\\\u202ePost\\\\u202c" in report
    # Every table row keeps its six cells: the outlets' pipes do not split them.
    rows = [line for line in report.splitlines() if line.startswith("| story/")]
    assert rows and all(line.replace("\\|", "").count("|") == 7 for line in rows)


def test_escaping_helpers() -> None:
    assert markdown_text("see www.example.invalid or http://example.invalid") == (
        "see www\\.example.invalid or http\\://example.invalid")
    assert markdown_text("- not a list") == "\\- not a list"
    assert markdown_text("file_name.md *bold*") == "file_name.md \\*bold\\*"
    assert markdown_code("a `b` c") == "``a `b` c``"
    assert markdown_code("|", in_table=True) == "`\\|`"


def test_github_annotations_and_sarif_escape_by_their_own_rules(kit: Toolkit, tmp_path: Path) -> None:
    _hostile_story(tmp_path / "story")
    result = check_paths([str(tmp_path / "story")], Config(), kit)
    annotations = render_github(result.findings, None)
    assert "\u202e" not in annotations and annotations.count("\n") == len(result.findings)
    sarif = json.loads(render_sarif(result.findings, kit.ruleset.rules, None, "0"))
    for res in sarif["runs"][0]["results"]:
        for location in res.get("relatedLocations", []) + res["locations"]:
            text = location["message"]["text"]
            assert "\u202e" not in text and "[" not in text.replace("\\[", "")


# ---------------------------------------------------------------------------------------- WEEK001

def test_weekday_next_to_a_zoned_time_is_read_as_written(kit: Toolkit, tmp_path: Path) -> None:
    path = tmp_path / "talks.md"
    path.write_text("---\ndate: 2024-05-15\n---\nThe talks began at 9 a.m. GMT on Monday (May 14), "
                    "officials said.\n", encoding="utf-8")
    result = check_paths([str(path)], Config(), kit)
    [finding] = [f for f in result.findings if f.rule == "WEEK001"]
    assert finding.message.endswith("2024-05-14 is a Tuesday, not a Monday.")
    [evidence] = finding.evidence
    assert (evidence.text, evidence.line, evidence.column) == ("Monday (May 14)", 4, 34)


# ---------------------------------------------------------------------------------------- progress

def test_progress_line_rewrites_itself_and_is_wiped() -> None:
    stream = io.StringIO()
    ticks = iter(range(100))
    progress = Progress(stream, enabled=True, interval=0.5, clock=lambda: next(ticks))
    for done in range(1, 4):
        progress("extracted", done, 3)
    progress.close()
    out = stream.getvalue()
    assert "\rconsistency: extracted 1/3 articles" in out.replace("\x1b[K", "")
    assert "extracted 3/3 articles" in out and out.endswith("\r\x1b[K") and "\n" not in out


def test_no_progress_line_when_stderr_is_not_a_terminal_or_with_quiet(work: Path) -> None:
    write(work / "story", HARBOUR_AGREE)
    for flags in ([], ["--quiet"]):
        result = run("check", "story", *flags)
        assert result.exit_code == 0 and result.stderr == ""
    assert Progress(io.StringIO()).enabled is False


def test_a_dump_of_figures_is_an_input_error_and_a_box_score_is_read(tmp_path: Path) -> None:
    dump = tmp_path / "dump.md"
    dump.write_text("---\ndate: 2024-05-01\n---\nThe table follows.\n" + "1 " * 5_000 + "\n", encoding="utf-8")
    found, errors = read_articles([str(dump)], Config())
    assert not found
    assert [(e.line, "more than 700 figures" in e.reason) for e in errors] == [(5, True)]
    box = tmp_path / "box.md"
    line = "Varga 4 1 2 0 1 .281 | Lenk 3 0 1 1 0 .250 | "
    box.write_text("---\ndate: 2024-05-01\n---\nThe box score:\n" + line * 60 + "\n", encoding="utf-8")
    found, errors = read_articles([str(box)], Config())
    assert not errors and len(found) == 1
