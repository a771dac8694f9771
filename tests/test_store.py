"""The CI archive: incremental indexing, exact round trips, and same-story candidates."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Sequence

import pytest

from consistency.config import Config
from consistency.models import Article, Interval, Mention
from consistency.store import (
    ArchiveStore,
    IndexStats,
    StoreError,
    article_from_dict,
    article_to_dict,
    mention_from_dict,
    mention_to_dict,
)


def article(path: str, text: str = "The mayor of Port Alder opened the tunnel.",
            published: date | None = date(2031, 3, 10), aid: str | None = None, **extra) -> Article:
    lines = text.split("\n")
    return Article(id=aid or Path(path).stem, path=path, text=text,
                   line_numbers=tuple(range(1, len(lines) + 1)), column_offsets=(0,) * len(lines),
                   published=published, published_from="header" if published else "none", **extra)


def mention(a: Article, entity: str = "", participants: tuple[str, ...] = (), **extra) -> Mention:
    values = dict(article=a.id, path=a.path, line=1, column=1, start=0, end=4, sentence_index=0,
                  sentence=a.text, kind="person", raw="mayor", value=entity or "x", entity=entity,
                  participants=participants)
    values.update(extra)
    return Mention(**values)


class FakeExtract:
    """Stands in for the extractor: names every article's entities from a table, counts calls."""

    def __init__(self, entities: dict[str, tuple[str, ...]] | None = None) -> None:
        self.entities = entities or {}
        self.calls: list[list[str]] = []

    def __call__(self, articles: Sequence[Article]) -> list[Mention]:
        self.calls.append([a.path for a in articles])
        out = []
        for a in articles:
            for name in self.entities.get(a.id, ("Port Alder", "Mayor Ilse Varga")):
                out.append(mention(a, entity=name))
        return out


@pytest.fixture()
def store(tmp_path: Path):
    with ArchiveStore.open(tmp_path / "archive.db") as s:
        yield s


# --------------------------------------------------------------------------------- round trip


def test_dict_round_trip_is_exact() -> None:
    a = article("news/a.md", "Line one\nLine two", published=date(2031, 1, 31), title="T", outlet="O",
                url="https://example.org/a", language="en", weekday_clues=(0, 4),
                suppressions=(("DATE001", 3, "reason"), ("*", 9, "")))
    assert article_from_dict(article_to_dict(a)) == a
    undated = article("news/b.txt", published=None)
    assert article_from_dict(article_to_dict(undated)) == undated
    m = mention(a, entity="Ilse Varga", participants=("Ilse Varga", "Council"), kind="date",
                interval=Interval(739000.0, None, low_open=True), grain="day", unit="",
                hedge="about", modifiers=("new",), in_quote=True, extra=(("tense", "past"), ("k", "v")))
    assert mention_from_dict(mention_to_dict(m)) == m
    assert mention_from_dict(mention_to_dict(mention(a))) == mention(a)


def test_store_round_trip(store: ArchiveStore) -> None:
    a = article("news/a.md", "Line one\nLine two", title="Tunnel opens", weekday_clues=(2,),
                suppressions=(("NUM001", 2, "known"),))
    b = article("news/b.txt", published=None)
    mentions = [mention(a, entity="Port Alder", interval=Interval(1.0, 2.5, high_open=True),
                        extra=(("x", "y"),)),
                mention(a, entity="Ilse Varga", participants=("Ilse Varga",)),
                mention(b, entity="Port Alder")]
    store.update([a, b], lambda arts: [m for m in mentions if m.article in {x.id for x in arts}])
    articles, loaded = store.load()
    assert articles == [a, b]
    assert loaded == mentions
    only_b = store.load(["b"])
    assert only_b == ([b], [mentions[2]])
    assert store.load([]) == ([], [])


def test_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "archive.db"
    a = article("a.txt")
    with ArchiveStore.open(path) as s:
        s.update([a], FakeExtract(), roots=["news"])
    with ArchiveStore.open(path) as s:
        assert s.load()[0] == [a]
        assert s.roots() == ["news"]


# ------------------------------------------------------------------------------- incremental


def test_unchanged_articles_are_not_re_extracted(store: ArchiveStore) -> None:
    extract = FakeExtract()
    a, b = article("news/a.txt"), article("news/b.txt")
    assert store.update([a, b], extract) == IndexStats(added=2, changed=0, unchanged=0, removed=0)
    assert extract.calls == [["news/a.txt", "news/b.txt"]]
    assert store.update([a, b], extract) == IndexStats(added=0, changed=0, unchanged=2, removed=0)
    assert len(extract.calls) == 1  # nothing new: extract not called at all
    c = article("news/c.txt")
    assert store.update([a, b, c], extract) == IndexStats(added=1, changed=0, unchanged=2, removed=0)
    assert extract.calls[-1] == ["news/c.txt"]


def test_changed_content_is_re_extracted(store: ArchiveStore) -> None:
    extract = FakeExtract({"a": ("Port Alder",)})
    a = article("news/a.txt")
    store.update([a], extract)
    edited = article("news/a.txt", "The mayor of Port Alder closed the tunnel.")
    extract.entities["a"] = ("Port Alder", "Tunnel Authority")
    assert store.update([edited], extract) == IndexStats(added=0, changed=1, unchanged=0, removed=0)
    assert extract.calls[-1] == ["news/a.txt"]
    articles, mentions = store.load()
    assert articles == [edited]
    assert [m.entity for m in mentions] == ["Port Alder", "Tunnel Authority"]
    # metadata alone is a change too
    redated = dataclasses.replace(edited, published=date(2031, 3, 11))
    assert store.update([redated], extract).changed == 1
    # and so is a new extractor version
    assert store.update([redated], extract, extractor_version="2").changed == 1
    assert store.update([redated], extract, extractor_version="2").unchanged == 1


def test_removed_article_leaves_the_store(store: ArchiveStore) -> None:
    extract = FakeExtract()
    a, b = article("news/a.txt"), article("news/b.txt")
    store.update([a, b], extract)
    assert store.update([a], extract) == IndexStats(added=0, changed=0, unchanged=1, removed=1)
    articles, mentions = store.load()
    assert articles == [a]
    assert {m.article for m in mentions} == {"a"}
    # its entities went with it: nothing points at b any more
    assert store.candidates([article("new/z.txt")], [mention(article("new/z.txt"), "Port Alder"),
                                                     mention(article("new/z.txt"), "Mayor Ilse Varga")],
                            Config()) == ["a"]


def test_removal_only_under_the_indexed_roots(store: ArchiveStore) -> None:
    extract = FakeExtract()
    a, b = article("wire/a.txt"), article("local/b.txt")
    store.update([a], extract, roots=["wire"])
    store.update([b], extract, roots=["local/"])
    assert [x.path for x in store.load()[0]] == ["local/b.txt", "wire/a.txt"]
    assert store.roots() == ["local/", "wire"]
    # re-indexing "wire" with nothing in it removes a, and leaves local/ alone
    assert store.update([], extract, roots=["wire"]) == IndexStats(0, 0, 0, 1)
    assert [x.path for x in store.load()[0]] == ["local/b.txt"]


def test_failed_extraction_changes_nothing(store: ArchiveStore) -> None:
    store.update([article("news/a.txt")], FakeExtract())

    def broken(articles: Sequence[Article]) -> list[Mention]:
        raise RuntimeError("model crashed")

    with pytest.raises(RuntimeError):
        store.update([article("news/b.txt")], broken)
    assert [x.path for x in store.load()[0]] == ["news/a.txt"]


def test_same_id_in_two_files_are_two_articles(store: ArchiveStore) -> None:
    a1 = article("one/story.txt")
    a2 = article("two/story.txt", "Different text about the tunnel in Port Alder.")
    assert store.update([a1, a2], FakeExtract()).added == 2
    assert store.load(["story"])[0] == [a1, a2]
    with pytest.raises(ValueError):
        store.update([a1, a1], FakeExtract())


# -------------------------------------------------------------------------------- candidates


def test_candidates_by_shared_entities_and_window(store: ArchiveStore) -> None:
    day = date(2031, 3, 10)
    archive = {
        "same": article("arc/same.txt", published=day - timedelta(days=3)),
        "one-shared": article("arc/one-shared.txt", published=day),
        "too-old": article("arc/too-old.txt", published=day - timedelta(days=45)),
        "undated": article("arc/undated.txt", published=None),
        "edge": article("arc/edge.txt", published=day + timedelta(days=30)),
        "participants": article("arc/participants.txt", published=day),
    }
    entities = {
        "same": ("Port Alder", "Mayor Ilse Varga", "Tunnel Authority"),
        "one-shared": ("Port Alder", "Harbour Board"),
        "too-old": ("Port Alder", "Mayor Ilse Varga"),
        "undated": ("Port Alder", "Mayor Ilse Varga"),
        "edge": ("Tunnel Authority", "Mayor Ilse Varga"),
        "participants": (),
    }
    extract = FakeExtract(entities)

    def extract_with_participants(arts: Sequence[Article]) -> list[Mention]:
        out = extract(arts)
        out += [mention(a, participants=("Port Alder", "Tunnel Authority", ""))
                for a in arts if a.id == "participants"]
        return out

    store.update(list(archive.values()), extract_with_participants)
    new = article("new/incoming.txt", published=day)
    new_mentions = [mention(new, "Port Alder"), mention(new, "Mayor Ilse Varga"),
                    mention(new, participants=("Tunnel Authority",)), mention(new, "")]
    assert store.candidates([new], new_mentions, Config()) == ["edge", "participants", "same", "undated"]
    narrow = Config(window_days=5)
    assert store.candidates([new], new_mentions, narrow) == ["participants", "same", "undated"]
    strict = Config(min_shared_entities=3)
    assert store.candidates([new], new_mentions, strict) == ["same"]
    loose = Config(min_shared_entities=1)
    assert "one-shared" in store.candidates([new], new_mentions, loose)
    # an undated new article has no window to apply
    undated_new = dataclasses.replace(new, published=None)
    assert "too-old" in store.candidates([undated_new], new_mentions, Config())
    # too few names of its own: nothing can qualify
    assert store.candidates([new], [mention(new, "Port Alder")], Config()) == []


def test_new_article_already_archived_is_not_its_own_candidate(store: ArchiveStore) -> None:
    a, b = article("arc/a.txt"), article("arc/b.txt")
    extract = FakeExtract()
    store.update([a, b], extract)
    mentions = extract([a])
    assert store.candidates([a], mentions, Config()) == ["b"]


def test_candidates_on_a_large_archive_use_the_entity_index(store: ArchiveStore) -> None:
    base = date(2031, 1, 1)
    stories = [f"Story {n}" for n in range(200)]
    archive = [article(f"arc/{n:05d}.txt", f"Text {n}", published=base + timedelta(days=n % 300))
               for n in range(2000)]

    def extract(arts: Sequence[Article]) -> list[Mention]:
        out = []
        for a in arts:
            n = int(a.id)
            names = (stories[n % 200], f"Person {n % 50}", f"Place {n % 7}", f"Unique {n}")
            out += [mention(a, name) for name in names]
        return out

    store.update(archive, extract)
    new = article("new/x.txt", published=base + timedelta(days=10))
    new_mentions = [mention(new, "Story 3"), mention(new, "Person 3"), mention(new, "Place 3")]
    # Speed is measured in bench/ci.py, not here: this checks the result and the query plan.
    found = store.candidates([new], new_mentions, Config(window_days=30))
    expected = sorted(a.id for a in archive
                      if abs((a.published - new.published).days) <= 30
                      and len({stories[int(a.id) % 200], f"Person {int(a.id) % 50}",
                               f"Place {int(a.id) % 7}"} & {"Story 3", "Person 3", "Place 3"}) >= 2)
    assert found == expected and found
    plan = " ".join(str(row) for row in store._db.execute(
        "EXPLAIN QUERY PLAN SELECT article_key FROM entities WHERE entity IN ('a', 'b')"))
    assert "entities_by_entity" in plan


# ---------------------------------------------------------------------------------- bad files


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        ArchiveStore.open(path)
    assert "not a consistency archive" in str(info.value)
    assert str(info.value).startswith(str(path))
    assert path.read_text(encoding="utf-8").startswith("these are my notes")


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="another program"):
        ArchiveStore.open(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    ArchiveStore.open(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        ArchiveStore.open(path)


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        ArchiveStore.open(tmp_path)
