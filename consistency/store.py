"""The CI archive: an embedded SQLite file of articles already on file and what they assert.

CI checks each incoming article against the coverage already published. Re-reading and
re-extracting the whole archive on every run would be slow, so the archive keeps each article with
a content hash and its extracted mentions; ``update`` re-extracts only new or changed articles.
``candidates`` then picks the archive articles of the same story (close in date, sharing named
entities) through an indexed (article, entity) table, so it stays fast on large archives.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import posixpath
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Optional, Sequence

from consistency.config import Config
from consistency.models import Article, Interval, Mention

# "CNSY": marks the SQLite file as ours, so we never write tables into someone else's database.
APPLICATION_ID = 0x434E5359
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE articles (
    key INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    id TEXT NOT NULL,
    hash TEXT NOT NULL,
    published_ord INTEGER,
    data TEXT NOT NULL,
    UNIQUE (path, id)
);
CREATE INDEX articles_by_id ON articles (id);
CREATE INDEX articles_by_date ON articles (published_ord);
CREATE TABLE mentions (
    article_key INTEGER NOT NULL REFERENCES articles (key),
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_key, seq)
);
CREATE TABLE entities (
    article_key INTEGER NOT NULL REFERENCES articles (key),
    entity TEXT NOT NULL,
    PRIMARY KEY (article_key, entity)
);
CREATE INDEX entities_by_entity ON entities (entity, article_key);
CREATE TABLE roots (root TEXT PRIMARY KEY);
"""


class StoreError(Exception):
    """The store file cannot be used; ``str()`` is one line naming the file and what to do."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class IndexStats:
    added: int
    changed: int
    unchanged: int
    removed: int


# ------------------------------------------------------------------------------ JSON round trip


def _plain(value: Any) -> Any:
    """Tuples to lists and dates to ISO strings, recursively: JSON-ready."""
    if isinstance(value, tuple) or isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Interval):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(Interval)}
    return value


def _tupled(value: Any) -> Any:
    """Lists back to tuples, recursively: every sequence field of the models is a tuple."""
    if isinstance(value, list):
        return tuple(_tupled(v) for v in value)
    return value


def article_to_dict(article: Article) -> dict[str, Any]:
    """An Article as JSON-ready data (all fields, so the round trip is exact)."""
    return {f.name: _plain(getattr(article, f.name)) for f in dataclasses.fields(Article)}


def article_from_dict(data: dict[str, Any]) -> Article:
    """The Article written by ``article_to_dict``; unknown keys are ignored, missing ones default."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Article):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "published":
            value = date.fromisoformat(value) if value else None
        values[f.name] = _tupled(value)
    return Article(**values)


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """A Mention as JSON-ready data, with its interval as a nested object."""
    return {f.name: _plain(getattr(mention, f.name)) for f in dataclasses.fields(Mention)}


def mention_from_dict(data: dict[str, Any]) -> Mention:
    """The Mention written by ``mention_to_dict``."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Mention):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "interval":
            value = Interval(**value) if value is not None else None
        else:
            value = _tupled(value)
        values[f.name] = value
    return Mention(**values)


def _dumps(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(article: Article, extractor_version: str = "") -> str:
    """sha256 of the article's text and metadata (and the extractor version that read it)."""
    payload = extractor_version + "\0" + _dumps(article_to_dict(article))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def entity_keys(mentions: Iterable[Mention]) -> set[str]:
    """What names the story: the linked entities of the mentions and the events' participants."""
    keys: set[str] = set()
    for mention in mentions:
        if mention.entity:
            keys.add(mention.entity)
        keys.update(p for p in mention.participants if p)
    return keys


def _norm_path(path: str) -> str:
    posix = path.replace("\\", "/")
    normal = posixpath.normpath(posix) if posix else ""
    return "" if normal == "." else normal


def _under(path: str, roots: Collection[str]) -> bool:
    normal = _norm_path(path)
    for root in roots:
        base = _norm_path(root)
        if not base or normal == base or normal.startswith(base.rstrip("/") + "/"):
            return True
    return False


# ------------------------------------------------------------------------------------- the store


class ArchiveStore:
    """An open archive file. Use ``ArchiveStore.open(path)``, best as a context manager."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # -- opening

    @classmethod
    def open(cls, path: Path) -> "ArchiveStore":
        """Open (creating if needed) the store at ``path``; refuse files that are not ours."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(path, "is a folder; give the path of the archive file")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per update.
            db = sqlite3.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(path, f"cannot open archive: {exc}") from None
        try:
            cls._prepare(path, db)
        except BaseException:
            db.close()
            raise
        return cls(path, db)

    @staticmethod
    def _prepare(path: Path, db: sqlite3.Connection) -> None:
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError:
            raise StoreError(path, "not a consistency archive (not an SQLite database); "
                                   "give a new file name to create one") from None
        if app_id == 0 and version == 0 and tables == 0:
            db.execute("BEGIN IMMEDIATE")
            # Not executescript: it would commit first, outside our transaction.
            for statement in _statements(_SCHEMA):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
            return
        if app_id != APPLICATION_ID:
            raise StoreError(path, "not a consistency archive (an SQLite database of another "
                                   "program); give a new file name to create one")
        if version > SCHEMA_VERSION:
            raise StoreError(path, f"archive schema {version} is newer than this version of "
                                   f"consistency reads ({SCHEMA_VERSION}); upgrade consistency")
        if version < SCHEMA_VERSION:
            raise StoreError(path, f"archive schema {version} is older than {SCHEMA_VERSION}; "
                                   "delete the file and index again")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ArchiveStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing

    def update(self, articles: Sequence[Article],
               extract: Callable[[Sequence[Article]], Sequence[Mention]],
               roots: Optional[Collection[str]] = None,
               extractor_version: str = "") -> IndexStats:
        """Bring the archive in line with ``articles``, the full set under ``roots``.

        Only new or changed articles are passed to ``extract`` (one call). Stored articles under
        ``roots`` that are not in ``articles`` are removed; with ``roots=None`` ``articles`` is the
        whole archive. A different ``extractor_version`` counts every article as changed. All of
        it happens in one transaction: a failed extraction leaves the archive as it was.
        """
        wanted: dict[tuple[str, str], tuple[Article, str]] = {}
        for article in articles:
            key = (article.path, article.id)
            if key in wanted:
                raise ValueError(f"article {article.id!r} of {article.path!r} given twice")
            wanted[key] = (article, content_hash(article, extractor_version))
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            stored = {(p, i): (k, h) for k, p, i, h in
                      db.execute("SELECT key, path, id, hash FROM articles")}
            added = [a for key, (a, _) in wanted.items() if key not in stored]
            changed = [a for key, (a, h) in wanted.items() if key in stored and stored[key][1] != h]
            unchanged = len(wanted) - len(added) - len(changed)
            fresh = added + changed
            mentions = list(extract(fresh)) if fresh else []
            by_article = self._group(fresh, mentions)
            for article in changed:
                self._delete(stored[(article.path, article.id)][0])
            for article in fresh:
                self._insert(article, wanted[(article.path, article.id)][1],
                             by_article[(article.path, article.id)])
            removed = 0
            for key, (row_key, _) in stored.items():
                if key not in wanted and (roots is None or _under(key[0], roots)):
                    self._delete(row_key)
                    removed += 1
            if roots:
                db.executemany("INSERT OR IGNORE INTO roots (root) VALUES (?)",
                               [(str(r),) for r in roots])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return IndexStats(added=len(added), changed=len(changed), unchanged=unchanged, removed=removed)

    @staticmethod
    def _group(articles: Sequence[Article],
               mentions: Sequence[Mention]) -> dict[tuple[str, str], list[Mention]]:
        groups: dict[tuple[str, str], list[Mention]] = {(a.path, a.id): [] for a in articles}
        by_id: dict[str, list[tuple[str, str]]] = {}
        for key in groups:
            by_id.setdefault(key[1], []).append(key)
        for mention in mentions:
            key = (mention.path, mention.article)
            if key not in groups:
                # A mention may carry the path in another spelling; its article id decides then.
                candidates = by_id.get(mention.article, [])
                if len(candidates) != 1:
                    raise ValueError(f"extract returned a mention of unknown article {mention.article!r}")
                key = candidates[0]
            groups[key].append(mention)
        return groups

    def _delete(self, row_key: int) -> None:
        self._db.execute("DELETE FROM mentions WHERE article_key = ?", (row_key,))
        self._db.execute("DELETE FROM entities WHERE article_key = ?", (row_key,))
        self._db.execute("DELETE FROM articles WHERE key = ?", (row_key,))

    def _insert(self, article: Article, digest: str, mentions: Sequence[Mention]) -> None:
        published = article.published.toordinal() if article.published else None
        cursor = self._db.execute(
            "INSERT INTO articles (path, id, hash, published_ord, data) VALUES (?, ?, ?, ?, ?)",
            (article.path, article.id, digest, published, _dumps(article_to_dict(article))))
        row_key = cursor.lastrowid
        self._db.executemany(
            "INSERT INTO mentions (article_key, seq, data) VALUES (?, ?, ?)",
            [(row_key, seq, _dumps(mention_to_dict(m))) for seq, m in enumerate(mentions)])
        self._db.executemany(
            "INSERT INTO entities (article_key, entity) VALUES (?, ?)",
            [(row_key, entity) for entity in sorted(entity_keys(mentions))])

    # -- reading

    def roots(self) -> list[str]:
        """The folders (or files) indexed into this archive so far."""
        return [r for (r,) in self._db.execute("SELECT root FROM roots ORDER BY root")]

    def count(self) -> int:
        """How many articles the archive holds."""
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def load(self, ids: Optional[Collection[str]] = None) -> tuple[list[Article], list[Mention]]:
        """Articles (all, or those with the given ids) and their mentions, ordered by path and id."""
        query = "SELECT key, data FROM articles"
        params: tuple[Any, ...] = ()
        if ids is not None:
            # One JSON parameter instead of thousands of placeholders (SQLite caps those).
            query += " WHERE id IN (SELECT value FROM json_each(?))"
            params = (json.dumps(sorted(set(ids))),)
        rows = self._db.execute(query + " ORDER BY path, id", params).fetchall()
        articles = [article_from_dict(json.loads(data)) for _, data in rows]
        mentions: list[Mention] = []
        for row_key, _ in rows:
            for (data,) in self._db.execute(
                    "SELECT data FROM mentions WHERE article_key = ? ORDER BY seq", (row_key,)):
                mentions.append(mention_from_dict(json.loads(data)))
        return articles, mentions

    def candidates(self, new_articles: Sequence[Article], new_mentions: Sequence[Mention],
                   config: Config) -> list[str]:
        """Ids of archive articles about the same story as any of ``new_articles``.

        Same story: published within ``config.window_days`` of the new article (an undated
        article on either side counts as in the window) and sharing at least
        ``config.min_shared_entities`` distinct entity keys with it. The new articles themselves
        are never candidates, even if they are already in the archive.
        """
        by_article: dict[tuple[str, str], list[Mention]] = {(a.path, a.id): [] for a in new_articles}
        by_id = {a.id: (a.path, a.id) for a in new_articles}
        for mention in new_mentions:
            key = (mention.path, mention.article)
            if key not in by_article:
                key = by_id.get(mention.article, key)
            if key in by_article:
                by_article[key].append(mention)
        own = {(a.path, a.id) for a in new_articles}
        need = max(0, config.min_shared_entities)
        found: set[tuple[str, str]] = set()
        for article in new_articles:
            keys = sorted(entity_keys(by_article[(article.path, article.id)]))
            if len(keys) < need:
                continue  # it cannot share enough names with anything
            window = ""
            params: list[Any] = []
            if article.published is not None:
                day = article.published.toordinal()
                window = "(a.published_ord IS NULL OR a.published_ord BETWEEN ? AND ?)"
                params += [day - config.window_days, day + config.window_days]
            if need == 0:
                query = "SELECT a.path, a.id FROM articles a" + (f" WHERE {window}" if window else "")
            else:
                query = ("SELECT a.path, a.id FROM entities e JOIN articles a ON a.key = e.article_key "
                         "WHERE e.entity IN (SELECT value FROM json_each(?))"
                         + (f" AND {window}" if window else "")
                         + " GROUP BY a.key HAVING count(DISTINCT e.entity) >= ?")
                params = [json.dumps(keys)] + params + [need]
            found.update((p, i) for p, i in self._db.execute(query, params))
        return sorted({i for p, i in found if (p, i) not in own})


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
