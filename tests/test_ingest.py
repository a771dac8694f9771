"""Ingest: files → Article records with a line map, publication dates, languages and errors."""

from __future__ import annotations

import builtins
import os
from datetime import date
from pathlib import Path

import pytest

from consistency.config import Config
from consistency.ingest import detect_language, infer_missing_dates, read_articles
from consistency.ingest.pubdate import weekday_clues
from consistency.models import Article

REPO = Path(__file__).resolve().parent.parent
FIXTURES = "tests/fixtures/ingest"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


def read(paths: list[str], config: Config = Config()):
    return read_articles(paths, config)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def line_of(article: Article, needle: str) -> tuple[int, int]:
    """(file line, 1-based column) at which ``needle`` appears, through the article's line map."""
    offset = article.text.index(needle)
    return article.locate(offset)


BODY = ("The regional council said on Tuesday that the new tram line would open next spring, "
        "and that the budget for the project was still under review by the finance office.\n")


# --- the seeds --------------------------------------------------------------------------------

def test_seed_publication_dates(in_repo: Path) -> None:
    articles, errors = read(["seeds/"])
    assert errors == []
    got = {a.path: (a.published.isoformat() if a.published else None, a.published_from)
           for a in articles}
    files = sorted(p.name for p in (in_repo / "seeds").iterdir())
    assert list(got) == [f"seeds/{name}" for name in files]
    prefix = {name[:3]: f"seeds/{name}" for name in files}
    assert got[prefix["000"]] == ("2025-10-26", "caption")
    assert got[prefix["001"]] == ("2025-10-27", "inferred")
    assert got[prefix["002"]] == ("2025-10-26", "header")
    assert got[prefix["003"]] == ("2025-10-18", "header")
    assert got[prefix["004"]] == ("2025-10-28", "header")
    assert {a.language for a in articles} == {"en"}


# --- discovery and paths ----------------------------------------------------------------------

def test_plain_text_keeps_content_and_identity_line_map(tmp_path: Path, monkeypatch) -> None:
    content = "Tram line delayed\n\n" + BODY + "Last line without newline"
    write(tmp_path, "news/tram.txt", content)
    monkeypatch.chdir(tmp_path)
    articles, errors = read(["news/tram.txt"])
    assert errors == []
    [article] = articles
    assert article.id == "tram"
    assert article.path == "news/tram.txt"
    assert article.text == content
    assert article.line_numbers == (1, 2, 3, 4)
    assert article.column_offsets == (0, 0, 0, 0)
    assert line_of(article, "budget") == (3, BODY.index("budget") + 1)


def test_folder_paths_are_joined_as_given_and_sorted(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "news/b.txt", BODY)
    write(tmp_path, "news/a.txt", BODY)
    write(tmp_path, "news/deeper/c.md", BODY)
    write(tmp_path, "news/.hidden.txt", BODY)
    write(tmp_path, "news/.cache/d.txt", BODY)
    write(tmp_path, "news/helper.py", "print('not an article')\n")
    write(tmp_path, "news/photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    monkeypatch.chdir(tmp_path)
    for given in ("news", "news/", "./news"):
        articles, errors = read([given])
        assert errors == []
        base = given.rstrip("/")
        assert [a.path for a in articles] == [f"{base}/a.txt", f"{base}/b.txt", f"{base}/deeper/c.md"]


def test_explicit_file_is_tried_whatever_its_extension(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "notes.py", BODY)
    write(tmp_path, "README", BODY)
    monkeypatch.chdir(tmp_path)
    articles, errors = read(["notes.py", "README"])
    assert errors == []
    assert [(a.id, a.path) for a in articles] == [("README", "README"), ("notes", "notes.py")]


def test_glob_pattern_and_duplicates(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "in/one.txt", BODY)
    write(tmp_path, "in/two.md", BODY)
    write(tmp_path, "in/sub/three.txt", BODY)
    monkeypatch.chdir(tmp_path)
    articles, errors = read(["in/**/*.txt", "in/one.txt"])
    assert errors == []
    assert [a.path for a in articles] == ["in/one.txt", "in/sub/three.txt"]


# --- readers ----------------------------------------------------------------------------------

def test_markdown_front_matter_line_map_and_suppressions(in_repo: Path) -> None:
    [article], errors = read([f"{FIXTURES}/story.md"])
    assert errors == []
    assert article.id == "story"
    assert article.title == "Marlow council approves ferry timetable"
    assert article.outlet == "Valley Courier"
    assert article.url == "https://courier.example/ferry"
    assert (article.published, article.published_from) == (date(2024, 3, 2), "front-matter")
    assert article.language == "en"
    # The body starts after the front matter, on file line 8.
    assert article.line_numbers[0] == 8
    assert line_of(article, "voted 9 to 4") == (11, 13)
    assert line_of(article, "every 40 minutes") == (14, 19)
    # Comments are blanked, not removed: the checker never reads them.
    assert "consistency:" not in article.text and "-->" not in article.text
    assert article.text.split("\n")[2].strip() == ""
    assert article.suppressions == (
        ("DATE001", 10, "the timetable dates come from the operator"),
        ("NUM002", 10, "the timetable dates come from the operator"),
        ("*", 13, ""),
    )


def test_markdown_aliases_published_and_source(tmp_path: Path) -> None:
    path = write(tmp_path, "alias.md", "---\npublished: '12 June 2023'\nsource: Ridge Post\n"
                                        "language: de-DE\n---\n" + BODY)
    [article], _ = read([str(path)])
    assert (article.published, article.published_from) == (date(2023, 6, 12), "front-matter")
    assert article.outlet == "Ridge Post"
    assert article.language == "de"


def test_jsonl_records_ids_dates_line_map_and_bad_line(in_repo: Path) -> None:
    path = f"{FIXTURES}/wire.jsonl"
    articles, errors = read([path])
    found = by_id(articles)
    assert list(found) == ["wire-1", "wire#2", "wire#5"]
    first = found["wire-1"]
    assert first.outlet == "Harbour Wire"
    assert (first.published, first.published_from) == (date(2024, 3, 4), "metadata")
    # Both text lines come from line 1 of the file; the second starts after the "\n" escape.
    raw_line = (in_repo / path).read_text(encoding="utf-8").split("\n")[0]
    assert first.line_numbers == (1, 1)
    assert first.column_offsets == (raw_line.index("Ferry fares will"), raw_line.index("The operator"))
    assert line_of(first, "confirmed") == (1, raw_line.index("confirmed") + 1)
    assert found["wire#2"].published == date(2024, 3, 4)
    assert found["wire#2"].line_numbers == (2,)
    assert found["wire#5"].line_numbers == (5,)
    assert found["wire#5"].language == "en"
    messages = [(e.path, e.line, e.reason) for e in errors]
    assert messages[0][:2] == (path, 3) and "malformed JSON" in messages[0][2]
    assert messages[1][:2] == (path, 4) and "no text" in messages[1][2]
    assert len(errors) == 2


def test_json_list_of_records_with_content_key(in_repo: Path) -> None:
    articles, errors = read([f"{FIXTURES}/records.json"])
    assert errors == []
    first, second = articles
    assert (first.id, second.id) == ("records#1", "records#2")
    assert first.text == "Volunteers repainted the ferry pier over the weekend.\nThe work took two days."
    assert first.url == "https://gazette.example/pier"
    # The text value starts on file line 6.
    assert first.line_numbers == (6, 6)
    assert line_of(second, "pier lights were fixed")[0] == 10


def test_json_single_record_uses_the_file_stem(tmp_path: Path) -> None:
    path = write(tmp_path, "single.json", '{"title": "Depot", "date": "2022-08-01", '
                                          '"body": "A new bus depot opened."}')
    [article], errors = read([str(path)])
    assert errors == []
    assert (article.id, article.text, article.published) == ("single", "A new bus depot opened.",
                                                             date(2022, 8, 1))


def test_html_text_metadata_line_map_and_suppression(in_repo: Path) -> None:
    [article], errors = read([f"{FIXTURES}/page.html"])
    assert errors == []
    assert article.title == "Harbour bridge reopens after repairs"
    assert article.outlet == "Coastal Herald"
    assert article.url == "https://herald.example/bridge-reopens"
    assert (article.published, article.published_from) == (date(2024, 4, 9), "html-meta")
    assert article.language == "en"
    lines = article.text.split("\n")
    assert lines[0] == "Harbour bridge reopens after repairs"
    assert "Home" not in article.text and "©" not in article.text
    assert "£3.2 million" in article.text
    # Headline cited at the <h1>, each paragraph at the line where its <p> text starts.
    assert article.line_numbers == (13, 15, 17, 19, 21)
    assert line_of(article, "The Marlow harbour") == (15, 8)
    assert article.suppressions == (
        ("NUM001", 14, "the toll figure is quoted from the council notice"),)


# --- publication dates from the text ----------------------------------------------------------

@pytest.mark.parametrize("content, expected, source", [
    ("2023-05-14\nTram line delayed\n" + BODY, date(2023, 5, 14), "header"),
    (" date 2023-05-14 The council said the tram would be late.\n" + BODY, date(2023, 5, 14), "header"),
    ("Tram line delayed\n14 May 2023\n\n" + BODY, date(2023, 5, 14), "header"),
    ("Tram line delayed\n- May 14\n- 3 min read\nMay 14, 2023\n" + BODY, date(2023, 5, 14), "header"),
    ("Tram line delayed\nPublished: Sunday, 14 May 2023 09:30 GMT\n" + BODY, date(2023, 5, 14), "header"),
    ("Tram line delayed\nBy Jo Reyes, May 14, 2023\n" + BODY, date(2023, 5, 14), "header"),
    ("Tram line delayed\nWorkers at the depot in Fenwick, May 14, 2023. PHOTO: REUTERS\n" + BODY,
     date(2023, 5, 14), "caption"),
    ("Tram line delayed\n" + BODY + "The old depot, pictured on 3 April 2023. (Photo) City archive\n",
     date(2023, 4, 3), "caption"),
])
def test_date_from_header_lines_and_captions(tmp_path: Path, content: str, expected: date,
                                             source: str) -> None:
    path = write(tmp_path, "a.txt", content)
    [article], _ = read([str(path)])
    assert (article.published, article.published_from) == (expected, source)


def test_dates_in_body_sentences_are_not_publication_dates(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Tram line delayed\nThe contract was signed on 14 May 2023 "
                                    "after months of talks.\n2023-06-01 is the new deadline for bids.\n"
                 + BODY)
    [article], _ = read([str(path)])
    assert (article.published, article.published_from) == (None, "none")


def test_yearless_header_date_takes_the_year_nearest_the_cluster(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "2024-01-02\n" + BODY)
    write(tmp_path, "b.txt", "Tram line delayed\n- Dec 30\n\n" + BODY)
    articles, _ = read([str(tmp_path)])
    found = by_id(articles)
    assert (found["b"].published, found["b"].published_from) == (date(2023, 12, 30), "header")


def test_inferred_date_moves_to_the_weekday_the_article_looks_back_on(tmp_path: Path) -> None:
    # Dated articles: 2024-05-03 (Fri), 2024-05-04 (Sat), 2024-05-10 → lower median 2024-05-04.
    write(tmp_path, "a.txt", "2024-05-03\n" + BODY)
    write(tmp_path, "b.txt", "2024-05-04\n" + BODY)
    write(tmp_path, "c.txt", "2024-05-10\n" + BODY)
    write(tmp_path, "d.txt", "Shares in the tram maker rose 3% by midday on Monday.\n"
                             "The mayor will visit the depot on Thursday.\n")
    write(tmp_path, "e.txt", "The tram maker expects to deliver the first cars on Tuesday.\n")
    found = by_id(read([str(tmp_path)])[0])
    assert found["d"].weekday_clues == (0,)
    assert (found["d"].published, found["d"].published_from) == (date(2024, 5, 6), "inferred")
    # A forward-looking weekday is no clue: the anchor itself is used.
    assert found["e"].weekday_clues == ()
    assert (found["e"].published, found["e"].published_from) == (date(2024, 5, 4), "inferred")


def test_weekday_clues_read_tense() -> None:
    assert weekday_clues("The ferry departed Marlow on Monday for the islands.") == (0,)
    assert weekday_clues("On Friday, the mayor appeared to soften her stance.") == (4,)
    assert weekday_clues("The board said Wednesday it would appeal.") == (2,)
    assert weekday_clues("Leaders are expected to meet on Thursday.") == ()
    assert weekday_clues("She will then travel to the capital on Wednesday.") == ()
    assert weekday_clues("The vote held on Monday, 6 May was close.") == ()


def test_several_clues_pick_the_latest_day_within_a_week() -> None:
    anchor = Article("a", "a.txt", "", (1,), (0,), published=date(2024, 5, 4), published_from="header")
    undated = Article("b", "b.txt", "", (1,), (0,), weekday_clues=(6, 0))
    result = infer_missing_dates([anchor, undated])
    # Sunday → May 5, Monday → May 6: the article reports Monday, so it is from May 6 or later.
    assert result[1].published == date(2024, 5, 6)
    assert result[0] is anchor


def test_inference_uses_lower_median_of_real_dates_only() -> None:
    def dated(name: str, day: date, source: str = "header") -> Article:
        return Article(name, f"{name}.txt", "", (1,), (0,), published=day, published_from=source)

    undated = Article("u", "u.txt", "", (1,), (0,))
    articles = [dated("a", date(2024, 5, 1)), dated("b", date(2024, 5, 9)),
                dated("c", date(2024, 5, 3)), dated("d", date(2024, 5, 20)),
                dated("e", date(2020, 1, 1), source="inferred"), undated]
    result = infer_missing_dates(articles)
    assert (result[-1].published, result[-1].published_from) == (date(2024, 5, 3), "inferred")


def test_no_date_anywhere_stays_unknown(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Shares rose on Monday.\n" + BODY)
    write(tmp_path, "b.txt", BODY)
    articles, errors = read([str(tmp_path)])
    assert errors == []
    assert [(a.published, a.published_from) for a in articles] == [(None, "none"), (None, "none")]


# --- language ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    (BODY, "en"),
    ("Der Stadtrat hat am Dienstag mitgeteilt, dass die neue Straßenbahnlinie im Frühjahr eröffnet "
     "wird und dass das Budget noch von der Finanzverwaltung geprüft wird.", "de"),
    ("Le conseil régional a annoncé mardi que la nouvelle ligne de tramway ouvrira au printemps "
     "et que le budget du projet est toujours en cours d'examen par les services financiers.", "fr"),
    ("El consejo regional dijo el martes que la nueva línea de tranvía se abrirá la próxima "
     "primavera y que el presupuesto del proyecto todavía está en revisión por la oficina.", "es"),
    ("Tram delay", "und"),
])
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_article_language_is_detected_when_not_given(tmp_path: Path) -> None:
    path = write(tmp_path, "de.txt", "Die Fähre fährt ab Mai wieder jeden Tag, und der Betreiber hat "
                                     "die Preise für die Saison nicht erhöht, sagte ein Sprecher.\n")
    [article], _ = read([str(path)])
    assert article.language == "de"


# --- bad input --------------------------------------------------------------------------------

def _unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = write(tmp_path, "locked.txt", BODY)
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # root ignores chmod, so simulate EACCES
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    return str(path)


BAD_FILES = {
    "empty": ("empty.txt", b"", "file is empty", None),
    "whitespace": ("blank.txt", b"  \n\t\n", "only whitespace", None),
    "binary": ("blob.txt", b"abc\x00def", "binary file", None),
    "not utf-8": ("latin.txt", "Line one\nCaf\xe9 prices rose\n".encode("latin-1"), "not UTF-8", 2),
    "bad yaml": ("bad.md", b"---\ntitle: ok\ndate: [2024\n---\nBody text here.\n", "malformed YAML", 3),
    "unclosed front matter": ("open.md", b"---\ntitle: ok\nBody text\n", "no closing '---'", 1),
    "bad json": ("bad.json", b'[\n  {"text": "fine"},\n  {"text": oops}\n]\n', "malformed JSON", 3),
    "json without text": ("notext.json", b'{"title": "Only a title", "date": "2024-01-01"}',
                          "has no text", None),
    "too large": ("huge.txt", b"word " * 100, "too large", None),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_reported_and_others_still_read(tmp_path: Path, case: str) -> None:
    name, content, reason, line = BAD_FILES[case]
    good = write(tmp_path, "good.txt", BODY)
    bad = write(tmp_path, name, content)
    config = Config(max_file_bytes=200)
    articles, errors = read_articles([str(bad), str(good)], config)
    assert [a.path for a in articles] == [str(good)]
    [error] = errors
    assert error.path == str(bad)
    assert reason in error.reason
    assert error.line == line
    assert str(error).startswith(f"{bad}:{line}: " if line else f"{bad}: ")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = write(tmp_path, "good.txt", BODY)
    locked = _unreadable(tmp_path, monkeypatch)
    articles, errors = read([locked, str(good)])
    assert [a.path for a in articles] == [str(good)]
    assert [str(e) for e in errors] == [f"{locked}: cannot read file: permission denied"]


def test_missing_paths_globs_and_empty_folders(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "good.txt", BODY)
    (tmp_path / "empty").mkdir()
    write(tmp_path, "junk/logo.png", b"\x89PNG\x00")
    write(tmp_path, "junk/.notes.txt", BODY)
    monkeypatch.chdir(tmp_path)
    articles, errors = read(["missing.txt", "nothing/*.txt", "empty", "junk/", "good.txt"])
    assert [a.path for a in articles] == ["good.txt"]
    assert [str(e) for e in errors] == [
        "missing.txt: no such file or folder",
        "nothing/*.txt: no files match this pattern",
        "empty: no articles found in folder",
        "junk/: no articles found in folder",
    ]


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeff2023-05-14\n".encode("utf-8") + BODY.encode("utf-8"))
    [article], errors = read([str(path)])
    assert errors == []
    assert article.text.startswith("2023-05-14\n")
    assert article.published == date(2023, 5, 14)


def test_windows_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", b"Title\r\n\r\nThe toll rose to 12.\r\n")
    [article], _ = read([str(path)])
    assert article.text == "Title\n\nThe toll rose to 12.\n"
    assert line_of(article, "toll") == (3, 5)


# --- plain-text exports: header lines, date stamps, stray dates ---------------------------------

EXPORT = ("url: https://courier.example/tram\noutlet: Valley Courier\npublished: 2024-03-02\n"
          "title: Tram line delayed\n\n")


def test_export_header_lines_are_metadata_not_text(tmp_path: Path) -> None:
    [article], errors = read([str(write(tmp_path, "a.txt", EXPORT + BODY))])
    assert not errors
    assert (article.url, article.outlet, article.title) == (
        "https://courier.example/tram", "Valley Courier", "Tram line delayed")
    assert (article.published, article.published_from) == (date(2024, 3, 2), "metadata")
    assert "Valley Courier" not in article.text and "url:" not in article.text
    assert line_of(article, "The regional council") == (6, 1)  # still the file's own line


def test_export_header_synonyms_and_unknown_date(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "source: Example Wire\ndate: 14 May 2023\n\n\n" + BODY)
    write(tmp_path, "b.txt", "url: https://wire.example/b\npublished: unknown\n\n"
                             " date 2023-05-15 The council said the tram would be late.\n")
    found = by_id(read([str(tmp_path)])[0])
    assert (found["a"].outlet, found["a"].published, found["a"].published_from) == (
        "Example Wire", date(2023, 5, 14), "metadata")
    assert line_of(found["a"], "The regional council") == (5, 1)
    # "published: unknown" gives no date; the page's own stamp does.
    assert (found["b"].published, found["b"].published_from) == (date(2023, 5, 15), "header")


@pytest.mark.parametrize("content", [
    "Note: the council met on Tuesday.\n\n" + BODY,  # not a header key
    "Title: Tram line delayed\n" + BODY,  # no blank line after it: a headline-like first line
])
def test_text_that_only_looks_like_a_header_stays_text(tmp_path: Path, content: str) -> None:
    [article], _ = read([str(write(tmp_path, "a.txt", content))])
    assert article.text.startswith(content.split(":")[0]) and article.outlet is None
    assert line_of(article, "The regional council")[0] == content.count("\n")


def test_a_date_stamp_is_a_publication_date_hint_not_text(tmp_path: Path, kit) -> None:
    content = "---\noutlet: Valley Courier\n---\n date 2024-05-14 The tram line opened on 3 May, the council said.\n"
    [article], _ = read([str(write(tmp_path, "a.md", content))])
    assert (article.published, article.published_from) == (date(2024, 5, 14), "header")
    assert "2024-05-14" not in article.text
    assert line_of(article, "The tram line") == (4, 18)  # columns still point at the file
    dates = [m.raw for m in kit.extractor.extract([article]) if m.kind == "date"]
    assert dates == ["on 3 May"]  # the stamp is no date claim of the article


def test_a_month_only_stamp_is_blanked_and_gives_no_date(tmp_path: Path) -> None:
    [article], _ = read([str(write(tmp_path, "a.txt", " date 2024-05 The council said the tram was late.\n"))])
    assert "2024-05" not in article.text and article.published is None


def test_a_caption_years_older_than_the_cluster_does_not_date_the_article(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "2024-05-03\n" + BODY)
    write(tmp_path, "b.txt", "2024-05-04\n" + BODY)
    write(tmp_path, "c.txt", "Tram line delayed\nWorkers at the depot in Fenwick, March 3, 2018. PHOTO: REUTERS\n"
                             + BODY)
    found = by_id(read([str(tmp_path)])[0])
    # Both other articles are six years later: c is dated from the cluster instead (lower median
    # 2024-05-03, moved by "said on Tuesday" to Tuesday 2024-05-07).
    assert (found["c"].published, found["c"].published_from) == (date(2024, 5, 7), "inferred")
    assert found["a"].published_from == found["b"].published_from == "header"


def test_metadata_dates_are_trusted_and_one_stray_date_unseats_no_other(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "2024-05-03\n" + BODY)
    write(tmp_path, "b.txt", "2024-05-04\n" + BODY)
    write(tmp_path, "d.md", "---\ndate: 2018-03-03\n---\n" + BODY)
    found = by_id(read([str(tmp_path)])[0])
    assert (found["d"].published, found["d"].published_from) == (date(2018, 3, 3), "front-matter")
    # a has one of two other dates years away: no majority, so its own header date stands.
    assert (found["a"].published, found["a"].published_from) == (date(2024, 5, 3), "header")
    assert (found["b"].published, found["b"].published_from) == (date(2024, 5, 4), "header")


def test_a_stray_date_stays_when_no_cluster_outvotes_it(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "2024-05-03\n" + BODY)
    write(tmp_path, "c.txt", "Tram line delayed\nWorkers at the depot, March 3, 2018. PHOTO: REUTERS\n" + BODY)
    found = by_id(read([str(tmp_path)])[0])
    assert (found["c"].published, found["c"].published_from) == (date(2018, 3, 3), "caption")


def test_a_file_photo_caption_gives_no_date(tmp_path: Path) -> None:
    content = "Tram line delayed\nA file photo of the depot in Fenwick, March 3, 2018. PHOTO: REUTERS\n" + BODY
    [article], _ = read([str(write(tmp_path, "a.txt", content))])
    assert (article.published, article.published_from) == (None, "none")
