"""Read one file into articles, keeping a map from every text line back to the file.

Each reader returns the text the checker reads plus, per text line, the 1-based file line and
0-based file column where it starts, so a finding can cite the user's file exactly.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from json.decoder import scanstring
from pathlib import PurePosixPath
from typing import Any, Optional

import yaml

from consistency.config import Config
from consistency.ingest.language import detect_language, normalize_language_tag
from consistency.ingest.pubdate import FoundDate, blank_date_stamp, parse_date_value, text_date, weekday_clues
from consistency.ingest.suppress import blank_comments, parse_suppressions
from consistency.limits import (MAX_FIELD_CHARS, MAX_FIGURES_PER_PIECE, MAX_SENTENCE_CHARS, LimitError,
                                check_json_nesting, dense_figures_at, safe_yaml_load)
from consistency.models import Article, InputError

MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkd"})
JSON = frozenset({".json"})
JSONL = frozenset({".jsonl", ".ndjson"})
HTML = frozenset({".html", ".htm", ".xhtml"})

TEXT_KEYS = ("text", "body", "content")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "published_at", "publishedAt", "datePublished", "pubdate")
OUTLET_KEYS = ("outlet", "source", "publisher", "site")
URL_KEYS = ("url", "link")
LANGUAGE_KEYS = ("language", "lang")


@dataclass(frozen=True)
class Loaded:
    """An article as read, its record index in the file, and a header date still missing its year."""

    article: Article
    index: int = 0
    yearless: Optional[FoundDate] = None


@dataclass(frozen=True)
class _Source:
    """Text plus its line map and whatever metadata the file stated."""

    text: str
    line_numbers: tuple[int, ...]
    column_offsets: tuple[int, ...]
    meta: dict[str, Any]
    date_from: str = "metadata"
    suppressions: tuple[tuple[str, int, str], ...] = ()
    # File line of each metadata key, where known, for errors about its value.
    meta_lines: tuple[tuple[str, int], ...] = ()


class _Bad(Exception):
    """A problem with the file; becomes an InputError."""

    def __init__(self, reason: str, line: Optional[int] = None) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


def _split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line, breaking on \\r\\n, \\r or \\n as editors do."""
    out, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        out.append((start, text[start:match.start()]))
        start = match.end()
    out.append((start, text[start:]))
    return out


class _Newlines:
    """1-based line and 0-based column of raw offsets, by bisecting the offsets of "\\n" once
    (counting from the start of the file for every offset would be quadratic in big files)."""

    def __init__(self, raw: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", raw)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset) + 1

    def column(self, offset: int) -> int:
        index = bisect.bisect_left(self.breaks, offset)
        return offset - (self.breaks[index - 1] + 1 if index else 0)

    def offset(self, line: int) -> int:
        """Raw offset where 1-based ``line`` starts."""
        return self.breaks[line - 2] + 1 if line > 1 else 0


def _plain(text: str, first_line: int = 1) -> _Source:
    lines = _split_lines(text)
    return _Source("\n".join(line for _, line in lines),
                   tuple(range(first_line, first_line + len(lines))), (0,) * len(lines), {})


# The header lines a plain-text export opens with ("url: ...", "outlet: ...", "published: ..."),
# ended by a blank line. Only these keys: a body line such as "Note: ..." must stay text.
_HEADER_KEYS = ("url", "link", "outlet", "source", "publisher", "site", "published", "date", "title",
                "headline", "language", "lang")
_HEADER_LINE = re.compile(r"^(?P<key>" + "|".join(_HEADER_KEYS) + r")[ \t]*:[ \t]*(?P<value>.*?)\s*$", re.I)


def _plain_export(text: str) -> _Source:
    """Plain text, with its header lines (if it opens with some) read as metadata, not text."""
    lines = _split_lines(text)
    meta: dict[str, Any] = {}
    for number, (_, line) in enumerate(lines):
        if not line.strip():
            if number:  # a header block, ended by this blank line: the text starts after it
                source = _plain(text[lines[number + 1][0]:] if number + 1 < len(lines) else "", number + 2)
                return _Source(source.text, source.line_numbers, source.column_offsets, meta)
            break
        match = _HEADER_LINE.match(line)
        if match is None:
            break
        value = match.group("value")
        if value and value.lower() != "unknown":  # "published: unknown", as exports write it
            meta.setdefault(match.group("key").lower(), value)
    return _plain(text)


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = meta.get(key)
        if value not in (None, ""):
            return value
    return None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (date, datetime)):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shown(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _meta_text(source: _Source, keys: tuple[str, ...]) -> Optional[str]:
    """A title, outlet or URL: text (a plain number is taken as written), else an input error."""
    lines = dict(source.meta_lines)
    for key in keys:
        value = source.meta.get(key)
        if isinstance(value, dict) and key in OUTLET_KEYS and isinstance(value.get("name"), str):
            value = value["name"]  # {"source": {"name": "..."}} as news APIs write it
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise _Bad(f"'{key}' must be text, not {_kind(value)}", lines.get(key))
        text = " ".join(str(value).split())
        if len(text) > MAX_FIELD_CHARS:
            raise _Bad(f"'{key}' is longer than {MAX_FIELD_CHARS:,} characters", lines.get(key))
        return text or None
    return None


def _meta_date(source: _Source) -> Optional[date]:
    """The stated publication date: a date or a string that reads as one, else an input error."""
    lines = dict(source.meta_lines)
    for key in DATE_KEYS:
        value = source.meta.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (str, date)):
            raise _Bad(f"'{key}' must be a date, not {_kind(value)}", lines.get(key))
        published = parse_date_value(value)
        if published is None:
            raise _Bad(f"'{key}' is not a date with a year: {_shown(str(value))}", lines.get(key))
        return published
    return None


# --- Markdown ---------------------------------------------------------------------------------

_TOP_KEY = re.compile(r"""(["']?)([^\s"':#][^"':]*?)\1[ \t]*:(?:[ \t]|$)""")
_HEADING = re.compile(r"^#[ \t]+(.*)$", re.M)


def _markdown(text: str) -> _Source:
    # Lines end as in _plain (\r\n, \r or \n), so line numbers agree whatever the editor wrote.
    lines = [line for _, line in _split_lines(text)]
    text = "\n".join(lines)
    meta: dict[str, Any] = {}
    meta_lines: dict[str, int] = {}
    body_start = 0  # 0-based index of the first body line
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if close is None:
            raise _Bad("front matter starts with '---' but has no closing '---' line", 1)
        try:
            loaded = safe_yaml_load("\n".join(lines[1:close]), first_line=2)
        except LimitError as exc:
            raise _Bad(f"front matter: {exc.reason}", exc.line) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
            raise _Bad(f"malformed YAML front matter: {problem}",
                       mark.line + 2 if mark is not None else 2) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise _Bad("front matter must be a mapping of keys to values", 2)
        meta = {str(k): v for k, v in (loaded or {}).items()}
        for number in range(1, close):
            key = _TOP_KEY.match(lines[number])
            if key:
                meta_lines.setdefault(key.group(2), number + 1)
        body_start = close + 1
    body = blank_comments("\n".join(lines[body_start:]))
    source = _plain(body, body_start + 1)
    if _first(meta, TITLE_KEYS) is None:
        heading = _HEADING.search(body)
        title = heading.group(1).strip().rstrip("#").strip() if heading else ""
        if title and len(title) <= MAX_FIELD_CHARS:  # a heading too long to be a title is none
            meta["title"] = title
    return _Source(source.text, source.line_numbers, source.column_offsets, meta, "front-matter",
                   parse_suppressions(text), tuple(sorted(meta_lines.items())))


# --- JSON and JSON Lines ----------------------------------------------------------------------

def _literal_offsets(raw: str, begin: int) -> list[int]:
    """Raw offset of each decoded character of the JSON string literal starting at ``begin``."""
    offsets, i = [], begin
    while i < len(raw) and raw[i] != '"':
        offsets.append(i)
        if raw[i] != "\\":
            i += 1
        elif raw[i + 1:i + 2] != "u":
            i += 2
        elif 0xD800 <= int(raw[i + 2:i + 6] or "0", 16) < 0xDC00 and raw[i + 6:i + 8] == "\\u":
            i += 12  # a surrogate pair decodes to one character
        else:
            i += 6
    return offsets


def _locate_value(raw: str, key: str, value: str, start: int,
                  stop: Optional[int] = None) -> Optional[tuple[list[int], int]]:
    """Raw offsets of the characters of ``"key": "value"`` found between ``start`` and ``stop``."""
    pattern = re.compile(r'"' + re.escape(key) + r'"\s*:\s*"')
    for match in pattern.finditer(raw, start, len(raw) if stop is None else stop):
        try:
            decoded, end = scanstring(raw, match.end())
        except ValueError:
            continue
        if decoded == value:
            offsets = _literal_offsets(raw, match.end())
            if len(offsets) == len(value):
                return offsets, end
    return None


def _record_source(raw: str, record: dict[str, Any], key: str, start: int,
                   fallback_line: int, newlines: _Newlines,
                   stop: Optional[int] = None) -> tuple[_Source, int]:
    """The record's text mapped onto the raw file; returns the offset to search on from."""
    value: str = record[key]
    found = _locate_value(raw, key, value, start, stop)
    lines = _split_lines(value)
    text = "\n".join(line for _, line in lines)
    if found is None:
        # Keys in an unusual spelling (escaped names): cite the record's line, column unknown.
        return _Source(text, (fallback_line,) * len(lines), (0,) * len(lines), record), start
    offsets, end = found
    numbers, columns = [], []
    for offset, _ in lines:
        raw_at = offsets[offset] if offset < len(offsets) else end - 1
        numbers.append(newlines.line(raw_at))
        columns.append(newlines.column(raw_at))
    return _Source(text, tuple(numbers), tuple(columns), record), end


def _text_key(record: dict[str, Any]) -> Optional[str]:
    return next((k for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)


def _json_records(raw: str) -> list[tuple[Optional[dict[str, Any]], int, Optional[str]]]:
    """(record, line, problem) for every record of a .json file."""
    try:
        check_json_nesting(raw)
        data = json.loads(raw)
    except LimitError as exc:
        raise _Bad(exc.reason, exc.line) from None
    except json.JSONDecodeError as exc:
        raise _Bad(f"malformed JSON: {exc.msg}", exc.lineno) from None
    if isinstance(data, dict) and _text_key(data) is None:
        for key in ("articles", "items", "records"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    records = data if isinstance(data, list) else [data]
    if not records:
        raise _Bad("JSON holds no records")
    return [(r, 0, None) if isinstance(r, dict) else (None, 0, "is not a JSON object") for r in records]


def _jsonl_records(raw: str) -> list[tuple[Optional[dict[str, Any]], int, Optional[str]]]:
    out: list[tuple[Optional[dict[str, Any]], int, Optional[str]]] = []
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            check_json_nesting(line)
            record = json.loads(line)
        except LimitError as exc:
            out.append((None, number, exc.reason))
            continue
        except json.JSONDecodeError as exc:
            out.append((None, number, f"malformed JSON line: {exc.msg} (column {exc.colno})"))
            continue
        out.append((record, number, None) if isinstance(record, dict)
                   else (None, number, "line is not a JSON object"))
    return out


# --- HTML -------------------------------------------------------------------------------------

# An unclosed comment or script runs to the end of the page, as in a browser, and a tag stops at the
# next "<": otherwise every unclosed one would be scanned to the end again (quadratic time).
_HTML_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)|"
                         r"<[^<>]*>|&(?:#\d{1,8}|#[xX][0-9a-fA-F]{1,8}|\w{1,32});|\s+|.", re.S | re.I)


def _visible(raw: str) -> tuple[str, list[int]]:
    """The page's visible characters (whitespace collapsed) with their raw offsets."""
    chars: list[str] = []
    offsets: list[int] = []
    for match in _HTML_TOKEN.finditer(raw):
        token = match.group(0)
        if token.startswith("<") and len(token) > 1:
            token = " "
        elif token.startswith("&"):
            token = html.unescape(token)
        elif token.isspace():
            token = " "
        for ch in token:
            if ch.isspace():
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            offsets.append(match.start())
    return "".join(chars), offsets


def _html_paragraphs(raw: str) -> tuple[list[str], dict[str, Any]]:
    import lxml.html
    import trafilatura
    from htmldate import find_date

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise _Bad(f"not readable HTML: {exc}") from None
    meta: dict[str, Any] = {}
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        content = tree.xpath('//meta[translate(@http-equiv,"CONTENT-LANGUAGE","content-language")'
                             '="content-language"]/@content | //meta[@property="og:locale"]/@content')
        lang = content[0] if content else None
    if lang:
        meta["language"] = lang
    info = trafilatura.extract_metadata(raw)
    if info is not None:
        meta.update({k: v for k, v in (("title", info.title), ("outlet", info.sitename),
                                         ("url", info.url)) if v})
    # Only the page's own markup (meta tags, <time>, JSON-LD), never a fetch or a body sentence.
    published = find_date(lxml.html.fromstring(raw), extensive_search=False, original_date=True,
                          outputformat="%Y-%m-%d")
    if published:
        meta["date"] = published
    extracted = trafilatura.extract(raw, output_format="txt", include_comments=False,
                                    include_tables=False, deduplicate=False)
    if extracted:
        paragraphs = [p.strip() for p in extracted.split("\n") if p.strip()]
    else:  # trafilatura gives up on very short pages: fall back to the block elements
        blocks = tree.xpath("//body//*[self::h1 or self::h2 or self::h3 or self::p or self::li "
                            "or self::blockquote]")
        paragraphs = [" ".join(b.text_content().split()) for b in blocks]
        paragraphs = [p for p in paragraphs if p]
    title = meta.get("title")
    if title and paragraphs and title.strip() != paragraphs[0]:
        paragraphs.insert(0, title.strip())
    return paragraphs, meta


def _html(raw: str) -> _Source:
    paragraphs, meta = _html_paragraphs(raw)
    if not paragraphs:
        raise _Bad("no article text found in the HTML page")
    visible, offsets = _visible(raw)
    numbers, columns = [], []
    # Start at <body> so a headline is cited where readers see it, not in <title>.
    body = re.search(r"<body\b", raw, re.I)
    cursor = bisect.bisect_left(offsets, body.start()) if body else 0
    previous = 0  # raw offset of the last paragraph found
    newlines = _Newlines(raw)
    for paragraph in paragraphs:
        probe = " ".join(paragraph.split())[:40]
        at = visible.find(probe, cursor)
        if at < 0:
            at = visible.find(probe)  # out of page order (a title in <head>): still cite it
        raw_at = offsets[at] if at >= 0 else previous
        if at >= cursor:
            cursor = at + len(probe)
        previous = raw_at
        numbers.append(newlines.line(raw_at))
        columns.append(newlines.column(raw_at))
    return _Source("\n".join(paragraphs), tuple(numbers), tuple(columns), meta, "html-meta",
                   parse_suppressions(raw))


# --- one file ---------------------------------------------------------------------------------

def _decode(path: str, config: Config) -> str:
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise _Bad(f"cannot read file: {exc.strerror or exc}") from None
    if size > config.max_file_bytes:
        raise _Bad(f"file is too large ({size} bytes; max-file-bytes is {config.max_file_bytes})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(config.max_file_bytes + 1)
    except PermissionError:
        raise _Bad("cannot read file: permission denied") from None
    except OSError as exc:
        raise _Bad(f"cannot read file: {exc.strerror or exc}") from None
    if not data:
        raise _Bad("file is empty")
    if b"\x00" in data:
        raise _Bad("binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Bad(f"not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded); "
                   "save the file as UTF-8", line) from None
    if not text.strip():
        raise _Bad("file is empty (only whitespace)")
    return text


def _article(article_id: str, path: str, source: _Source) -> tuple[Article, Optional[FoundDate]]:
    meta = source.meta
    # A leading " date 2024-05-14" is the page's date stamp: a publication-date hint, blanked from
    # the text so that no extractor reads it as a date the article reports.
    text, stamp = blank_date_stamp(source.text)
    source = dataclasses.replace(source, text=text)
    dense = dense_figures_at(text)
    if dense is not None:
        line = text.count("\n", 0, dense)
        raise _Bad(f"more than {MAX_FIGURES_PER_PIECE} figures within {MAX_SENTENCE_CHARS:,} characters: "
                   "a data dump, not an article", source.line_numbers[min(line, len(source.line_numbers) - 1)]
                   if source.line_numbers else None)
    published = _meta_date(source)
    published_from = source.date_from if published else "none"
    yearless = None
    if published is None:
        found = stamp if stamp is not None else text_date(source.text)
        if found is not None and found.year is not None:
            published, published_from = found.on(), found.source
        elif found is not None:
            yearless = found
    language = (normalize_language_tag(_first(meta, LANGUAGE_KEYS))
                or detect_language(source.text))
    article = Article(
        id=article_id, path=path, text=source.text, line_numbers=source.line_numbers,
        column_offsets=source.column_offsets, title=_meta_text(source, TITLE_KEYS),
        outlet=_meta_text(source, OUTLET_KEYS), url=_meta_text(source, URL_KEYS),
        published=published, published_from=published_from, language=language,
        weekday_clues=weekday_clues(source.text), suppressions=source.suppressions)
    return article, yearless


def _records(path: str, raw: str, stem: str, jsonl: bool) -> tuple[list[Loaded], list[InputError]]:
    records = _jsonl_records(raw) if jsonl else _json_records(raw)
    loaded: list[Loaded] = []
    errors: list[InputError] = []
    cursor = 0
    several = len(records) > 1
    newlines = _Newlines(raw)
    for index, (record, line, problem) in enumerate(records, start=1):
        # JSON Lines errors carry their line; a .json record is named by its position.
        label = "record" if jsonl else f"record {index}"
        if record is None:
            errors.append(InputError(path, problem if jsonl else f"{label} {problem}", line or None))
            continue
        key = _text_key(record)
        if key is None:
            errors.append(InputError(path, f"{label} has no text (expected a non-empty "
                                           f"'text', 'body' or 'content' field)", line or None))
            continue
        start, stop = cursor, None
        if jsonl:  # search inside this record's own line
            start = max(cursor, newlines.offset(line))
            stop = newlines.offset(line + 1) if line < len(newlines.breaks) + 1 else len(raw)
        source, cursor = _record_source(raw, record, key, start, line or 1, newlines, stop)
        own_id = record.get("id")
        article_id = (str(own_id) if isinstance(own_id, (str, int)) and str(own_id).strip()
                      else f"{stem}#{index}" if several else stem)
        try:
            article, yearless = _article(article_id, path, source)
        except _Bad as bad:
            errors.append(InputError(path, f"{label}: {bad.reason}", line or None))
            continue
        loaded.append(Loaded(article, index, yearless))
    return loaded, errors


def read_file(path: str, config: Config) -> tuple[list[Loaded], list[InputError]]:
    """Every article in one file, or the reasons it could not be read. Never raises."""
    suffix = PurePosixPath(path).suffix.lower()
    stem = PurePosixPath(path).stem if suffix else PurePosixPath(path).name
    try:
        raw = _decode(path, config)
        if suffix in JSON or suffix in JSONL:
            return _records(path, raw, stem, jsonl=suffix in JSONL)
        if suffix in MARKDOWN:
            source = _markdown(raw)
        elif suffix in HTML:
            source = _html(raw)
        else:  # .txt and anything else that decodes as text
            source = _plain_export(raw)
        if not source.text.strip():
            raise _Bad("no article text (the file holds only front matter or comments)")
        article, yearless = _article(stem, path, source)
        return [Loaded(article, 0, yearless)], []
    except _Bad as bad:
        return [], [InputError(path, bad.reason, bad.line)]
