"""Read news articles from files, folders and standard input into Article records, one at a time."""
from __future__ import annotations

import codecs
import datetime
import gzip
import io
import json
import os
import re
import stat
import sys
import tomllib
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO, Protocol

import charset_normalizer

from store.model import Article, ReadError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

Result = Article | ReadError

STDIN_PATH = "<stdin>"
SOURCES_FILE = "sources.toml"

# File name ending (matched case-insensitively) -> how the file is read.
_KINDS: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl.gz"),
    (".ndjson.gz", "jsonl.gz"),
    (".json.gz", "json.gz"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".markdown", "markdown"),
    (".md", "markdown"),
    (".txt", "text"),
    (".text", "text"),
)
ARTICLE_EXTENSIONS: tuple[str, ...] = tuple(ext for ext, _ in _KINDS)

# Metadata keys accepted in front matter and sources.toml, by Article field; the first key present wins.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "outlet": ("outlet", "source", "publisher", "site"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "date_publish", "published_at"),
    "author": ("author", "authors", "byline"),
}

_FRONT_MATTER_MAX_LINES = 60
_FRONT_MATTER_WARNING = "front matter did not parse; read as plain text"
_FENCE = re.compile(r"---[ \t]*")
_KEY_VALUE = re.compile(r"[ \t]*([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_JSON_START = re.compile(rb"\s*(?:\{|\[\s*[{\]])")
# JSON can escape half a surrogate pair ("\ud800"), which no UTF-8 text (nor SQLite) can hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_WARNING = "unpaired \\u surrogate escapes replaced with \ufffd"

# Control characters that do not occur in text (tab, newlines, form feed and ESC do: ESC starts ANSI codes).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05
# In UTF-16 only characters such as U+0100, U+3000 or U+4E00 put a NUL in the other byte: few in any text.
_MAX_MISPLACED_NUL_SHARE = 0.1
# charset-normalizer breaks ties among single-byte code pages on a noisy language score (it has picked
# cp775 and cp1250 for Windows-1252 text); among its candidates with no more mess than its best,
# prefer Windows-1252, the web's default legacy encoding.
_PREFERRED_LEGACY = "cp1252"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# ---------------------------------------------------------------------------
# Public API


def iter_input_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders into the article files inside them, recursively and in sorted order.

    Hidden files and folders and sources.toml are skipped, and a folder yields only files
    with an article extension; a file named explicitly is always yielded, and '-' is kept.
    """
    for item in _expand(paths):
        if isinstance(item, str):
            yield item


class InputMeter:
    """How far reading has got through the inputs, in bytes of the files as stored (compressed or not).

    A JSON Lines file counts as it is read, record by record, so the share done (and the time left) is
    known for one big `.jsonl.gz` as well as for a folder of many files.
    """

    def __init__(self) -> None:
        self.total = 0          # bytes in all the input files (standard input counts as none)
        self.done = 0           # bytes of the files finished
        self._current = 0       # bytes read so far of the file being read

    @property
    def fraction(self) -> float | None:
        """Share of the input read, 0..1; None when the size is not known (standard input)."""
        return min(1.0, (self.done + self._current) / self.total) if self.total else None


def read_inputs(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    meter: InputMeter | None = None,
) -> Iterator[Article | ReadError]:
    """Read every article named by `paths` ('-' is standard input), lazily, one result at a time.

    With a `meter`, the inputs are listed first (to know their total size) and the meter follows reading.
    """
    sources = _SourcesCache()
    items: Iterable[str | ReadError] = _expand(paths)
    sizes: dict[str, int] = {}
    if meter is not None:
        items = list(items)
        for item in items:
            if isinstance(item, str) and item != "-":
                try:
                    sizes[item] = os.stat(item).st_size
                except OSError:
                    pass
        meter.total = sum(sizes.values())
    for item in items:
        if isinstance(item, ReadError):
            yield item
        elif item == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        else:
            yield from _read_path(item, max_bytes, sources, meter)
            if meter is not None:
                meter.done += sizes.get(item, 0)
                meter._current = 0


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Read one file; a JSON or JSON Lines file may give many articles (and errors), one at a time."""
    return _read_path(path, max_bytes, _SourcesCache())


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes: BOM, else strict UTF-8, else charset-normalizer's choice.

    Newlines come back as LF and a leading BOM is dropped; nothing else is changed.
    Raises ValueError("binary file (...)") for data that is not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _normalise(data.decode(encoding, errors="replace"))  # _normalise drops the BOM
    if b"\x00" in data:
        text = _decode_utf16_without_bom(data)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if text and len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise ValueError("binary file (mostly control characters)")
    return _normalise(text)


# ---------------------------------------------------------------------------
# Decoding


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_link_previews(text)


# A link preview scraped into the sentence it sat in (The Hill's hover cards, copied by others): after a person's
# name, the name again in full, run into the headlines of related articles, up to "MORE", as in
#   "President Trump Donald John TrumpGOP senators balk at ... veterans' votes MORE’s 2016 campaign aides"
#   "Sen. Chuck Grassley Charles (Chuck) Ernest GrassleySpeaker Pelosi, it's time ... MORE (R-Iowa) also sent"
#   "Mark CoralloMark CoralloThe 81 names targeted ... MORE, a communications strategist"
# A reader never saw it; left in, it glues names into the claims and the entities ("Donald John TrumpGOP").
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|\([A-Z][\w’'.-]*\)|de|da|di|du|van|von|der|del|la|le|al|bin|el)"
_PREVIEW = re.compile(rf"\b([A-Z][\w’'-]*[a-z])(?: |(?=[A-Z])){_NAME_WORD}(?: {_NAME_WORD}){{0,3}} \1"
                      r"(?= ?[A-Z0-9“\"‘'])")
_PREVIEW_END = re.compile(r" MORE(?![\w-]| [A-Z]{2,}\b)")       # (not "MORE THAN EVER")
_NEXT_WORD = re.compile(r" ?(\S*)")
_PREVIEW_MAX = 3000      # characters of headlines a preview may hold


def strip_link_previews(text: str) -> str:
    """The text without the link previews scraped into it; each is cut from just after the surname it follows up to
    its closing "MORE" (in the same paragraph), so the sentence reads as on the page."""
    if " MORE" not in text:
        return text
    out: list[str] = []
    last = pos = 0
    while m := _PREVIEW.search(text, pos):
        # the name again ends with the surname repeated: "Ryan" of "Paul Ryan Paul Davis Ryan Retirees should
        # ... MORE", not "Paul"; so of the matches that begin inside this one, the one that ends last
        while (later := _PREVIEW.search(text, m.start() + 1, m.end() + 80)) and later.start() < m.end():
            if later.end() > m.end():
                m = later
            else:
                break
        # (and not the whole name said twice in a row: "John Smith John Smith")
        if _NEXT_WORD.match(text, m.end(1)).group(1) == _NEXT_WORD.match(text, m.end()).group(1):
            pos = m.start() + 1
            continue
        line_end = text.find("\n", m.end())
        end = _PREVIEW_END.search(text, m.end(), min(len(text) if line_end < 0 else line_end, m.end() + _PREVIEW_MAX))
        if end is None:
            pos = m.end()
            continue
        out.append(text[last:m.end(1)])
        last = pos = end.end()
    out.append(text[last:])
    return "".join(out)


def _decode_utf16_without_bom(data: bytes) -> str:
    # NUL bytes mean binary, unless the whole thing is UTF-16/32 text written without a BOM.
    best = charset_normalizer.from_bytes(data).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        raise ValueError("binary file (NUL bytes)")
    if best.encoding.startswith("utf_16") and not _nuls_in_one_half_of_each_unit(data):
        # Text with stray NUL bytes also decodes as UTF-16, into CJK-looking nonsense.
        raise ValueError("binary file (NUL bytes)")
    return str(best)


def _nuls_in_one_half_of_each_unit(data: bytes) -> bool:
    """UTF-16 puts a NUL in the high byte of each character below U+0100: all on one side of the 2-byte units."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    return min(even, odd) <= _MAX_MISPLACED_NUL_SHARE * (even + odd)


def _decode_legacy(data: bytes) -> str:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("binary file (no text encoding fits)")
    for match in matches:
        if _PREFERRED_LEGACY in match.could_be_from_charset and match.chaos <= best.chaos:
            try:
                return data.decode(_PREFERRED_LEGACY)
            except UnicodeDecodeError:
                break
    return str(best)


# ---------------------------------------------------------------------------
# Finding files


def _kind(path: str) -> str | None:
    name = os.path.basename(path).lower()
    for ext, kind in _KINDS:
        if name.endswith(ext):
            return kind
    return None


def _expand(paths: Iterable[str]) -> Iterator[str | ReadError]:
    for path in paths:
        if path != "-" and os.path.isdir(path):
            empty = True
            for item in _walk(path, set()):
                empty = False
                yield item
            if empty:
                yield ReadError(path, "no article files in this folder")
        else:
            yield path


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | ReadError]:
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            return
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = [(entry, _is_dir(entry)) for entry in it if not entry.name.startswith(".")]
    except OSError as e:
        yield ReadError(folder, _os_reason(e))
        return
    # Keyed as in full paths ("c.txt" before "c/d.txt"), so the order is that of sorted paths.
    entries.sort(key=lambda pair: pair[0].name + "/" if pair[1] else pair[0].name)
    for entry, is_dir in entries:
        if is_dir:
            yield from _walk(entry.path, seen)
        elif entry.name != SOURCES_FILE and _kind(entry.name) is not None:
            yield entry.path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


# ---------------------------------------------------------------------------
# Reading one file


def _read_path(path: str, max_bytes: int, sources: _SourcesCache, meter: InputMeter | None = None) -> Iterator[Result]:
    kind = _kind(path)
    try:
        st = os.stat(path)
    except OSError as e:
        yield ReadError(path, _os_reason(e))
        return
    if stat.S_ISDIR(st.st_mode):
        yield ReadError(path, "is a folder")
        return
    streamed = kind in ("jsonl", "jsonl.gz")
    # JSON Lines are streamed record by record: the size limit applies to each record, not the file.
    if not streamed and stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        yield ReadError(path, _too_large(max_bytes))
        return
    try:
        f = open(path, "rb")
    except OSError as e:
        yield ReadError(path, _os_reason(e))
        return
    with f:
        if streamed:
            lines: _LineSource = gzip.GzipFile(fileobj=f) if kind == "jsonl.gz" else f
            yield from _read_json_lines(path, lines, max_bytes, compressed=kind == "jsonl.gz",
                                        position=(lambda: _note_position(meter, f)) if meter else None)
            return
        try:
            # Bounded even where stat says nothing (pipes, files still growing, gzip).
            data = (gzip.GzipFile(fileobj=f) if kind == "json.gz" else f).read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as e:
            reason = "gzip data is corrupt or truncated" if kind == "json.gz" else "could not be read"
            yield ReadError(path, f"{reason}: {_os_reason(e)}")
            return
    if len(data) > max_bytes:
        yield ReadError(path, _too_large(max_bytes))
    elif kind in ("json", "json.gz"):
        yield from _read_json_document(path, data, max_bytes)
    else:
        yield _read_document(path, data, kind, sources)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Result]:
    path = STDIN_PATH
    try:
        head = stream.read(max_bytes + 1)
    except OSError as e:
        yield ReadError(path, f"could not be read: {_os_reason(e)}")
        return
    lead = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if _JSON_START.match(lead):
        if len(head) <= max_bytes:
            yield from _read_json_document(path, head, max_bytes)
        elif lead.startswith(b"{"):
            # Too big to be one document: stream it as JSON Lines, the limit then applying per record.
            yield from _read_json_lines(path, io.BufferedReader(_Prefixed(head, stream)), max_bytes)
        else:
            yield ReadError(path, _too_large(max_bytes))
    elif len(head) > max_bytes:
        yield ReadError(path, _too_large(max_bytes))
    else:
        yield _read_document(path, head, None, None)


def _read_document(path: str, data: bytes, kind: str | None, sources: _SourcesCache | None) -> Result:
    """A text, Markdown or HTML file: one article."""
    if data.startswith(b"\x1f\x8b"):
        return ReadError(path, "gzip file: only .json.gz, .jsonl.gz and .ndjson.gz are unpacked")
    try:
        text = decode_bytes(data)
    except ValueError as e:
        return ReadError(path, str(e))
    if not text or text.isspace():
        return ReadError(path, "empty file")
    meta, warning = sources.lookup(path) if sources is not None else ({}, None)
    if kind == "html" or (kind != "markdown" and _HTML_START.match(text)):
        return _html_article(path, text, meta, warning)
    return _text_article(path, text, "markdown" if kind == "markdown" else "text", meta, warning)


def _text_article(
    path: str, text: str, fmt: str, sources_meta: Mapping[str, str], sources_warning: str | None
) -> Result:
    front, body, warning = _split_front_matter(text)
    if not body or body.isspace():
        return ReadError(path, "empty file (front matter only)")
    fields = {**sources_meta, **front}  # front matter wins over sources.toml
    return Article(path=path, text=body, format=fmt, warning=_join(warning, sources_warning), **fields)


def _split_front_matter(text: str) -> tuple[dict[str, str], str, str | None]:
    """Split off a `---` / `key: value` lines / `---` block; returns (metadata, body, warning)."""
    first_end = text.find("\n")
    if first_end < 0 or not _FENCE.fullmatch(text, 0, first_end):
        return {}, text, None
    raw: dict[str, str] = {}
    pos = first_end + 1
    for _ in range(_FRONT_MATTER_MAX_LINES - 1):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        if _FENCE.fullmatch(text, pos, end):
            body = text[end + 1:]
            blank = _LEADING_BLANK_LINES.match(body)
            return _pick_meta(raw), body[blank.end():] if blank else body, None
        line = text[pos:end]
        if line.strip():
            m = _KEY_VALUE.fullmatch(line)
            if m is None:
                break
            raw.setdefault(m.group(1).lower(), _unquote(m.group(2)))
        if end == len(text):
            break
        pos = end + 1
    return {}, text, _FRONT_MATTER_WARNING


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _pick_meta(raw: Mapping[str, Any]) -> dict[str, str]:
    """Map accepted keys (already lower-case) onto Article fields, skipping empty values."""
    picked: dict[str, str] = {}
    for field, keys in _META_KEYS.items():
        for key in keys:
            value = _meta_str(raw.get(key))
            if value is not None:
                picked[field] = value
                break
    return picked


def _meta_str(value: Any) -> str | None:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value).strip() or None
    if isinstance(value, (datetime.date, datetime.time)):  # TOML dates arrive parsed
        value = value.isoformat()
    elif isinstance(value, list):
        value = ", ".join(s.strip() for s in value if isinstance(s, str) and s.strip())
    elif isinstance(value, dict):  # e.g. {"name": "BBC News", "id": "bbc-news"}
        value = value.get("name")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return value.strip() or None


class _SourcesCache:
    """Each folder's sources.toml, read once: metadata per file name, and a warning if it is broken."""

    def __init__(self) -> None:
        self._folders: dict[str, tuple[dict[str, dict[str, str]], str | None]] = {}

    def lookup(self, path: str) -> tuple[dict[str, str], str | None]:
        folder, name = os.path.split(path)
        folder = os.path.normpath(folder or ".")
        if folder not in self._folders:
            self._folders[folder] = self._load(os.path.join(folder, SOURCES_FILE))
        entries, warning = self._folders[folder]
        return entries.get(name, {}), warning

    @staticmethod
    def _load(toml_path: str) -> tuple[dict[str, dict[str, str]], str | None]:
        try:
            with open(toml_path, "rb") as f:
                doc = tomllib.load(f)
        except FileNotFoundError:
            return {}, None
        except OSError as e:
            return {}, f"{SOURCES_FILE} could not be read: {_os_reason(e)}"
        except ValueError as e:  # TOMLDecodeError, or bytes that are not UTF-8
            return {}, f"{SOURCES_FILE} did not parse: {_one_line(str(e))}"
        return dict(_sources_entries(doc, "")), None


def _sources_entries(tables: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, dict[str, str]]]:
    # An unquoted [a.txt] header is TOML for table "a" holding table "txt": put such names back together.
    for key, value in tables.items():
        if not isinstance(value, dict):
            continue
        name = prefix + key
        if any(not isinstance(v, dict) for v in value.values()):
            yield name, _pick_meta({k.lower(): v for k, v in value.items()})
        yield from _sources_entries(value, name + ".")


# ---------------------------------------------------------------------------
# HTML


def _html_article(path: str, html: str, sources_meta: Mapping[str, str], sources_warning: str | None) -> Result:
    import trafilatura  # imported here: it takes a quarter of a second, and plain-text runs never need it

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as e:  # a third-party parser on arbitrary input: report, never crash the batch
        return ReadError(path, f"HTML could not be parsed: {_one_line(str(e) or type(e).__name__)}")

    def get(name: str) -> Any:
        # trafilatura 2.x returns a Document, 1.x a dict
        if doc is None:
            return None
        return doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)

    text = get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadError(path, "no article text found in the HTML")
    found = _pick_meta({
        "title": get("title"),
        "author": get("author"),
        "published": get("date"),
        "outlet": get("sitename") or get("hostname"),
        "url": get("url"),
    })
    # Unlike front matter, metadata extracted from a page is a guess: a curated sources.toml wins.
    fields = {**found, **sources_meta}
    return Article(path=path, text=_normalise(text), format="html", warning=sources_warning, **fields)


# ---------------------------------------------------------------------------
# JSON and JSON Lines


def _read_json_document(path: str, data: bytes, max_bytes: int) -> Iterator[Result]:
    """A whole JSON document (one object or a list of them), or JSON Lines that came without the extension."""
    if not data.strip():
        yield ReadError(path, "empty file")
        return
    try:
        doc = _json_loads(data)
    except ValueError as e:
        if _is_json_lines(data, e):
            yield from _read_json_lines(path, io.BytesIO(data), max_bytes)
        else:
            yield ReadError(path, f"not valid JSON: {_json_reason(e, with_line=True)}")
        return
    if isinstance(doc, list):
        if not doc:
            yield ReadError(path, "empty JSON list")
        for n, record in enumerate(doc, 1):
            yield _record_article(f"{path}#{n}", record)
    else:
        yield _record_article(path, doc)


def _is_json_lines(data: bytes, error: ValueError) -> bool:
    if isinstance(error, json.JSONDecodeError) and error.msg == "Extra data":
        return True
    for line in io.BytesIO(data):  # else: is the first non-blank line a JSON value of its own?
        if not line.isspace():
            try:
                _json_loads(line)
            except ValueError:
                return False
            return True
    return False


class _LineSource(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def _note_position(meter: InputMeter, raw: BinaryIO) -> None:
    try:
        meter._current = raw.tell()
    except (OSError, ValueError):
        pass


def _read_json_lines(
    path: str, stream: _LineSource, max_bytes: int, *, compressed: bool = False,
    position: Callable[[], None] | None = None,
) -> Iterator[Result]:
    n = 0
    try:
        while True:
            line = stream.readline(max_bytes + 1)  # bounded: one huge line never sits whole in memory
            if not line:
                return
            n += 1
            if position is not None:
                position()
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield ReadError(f"{path}#{n}", _too_large(max_bytes))
            elif not line.isspace():
                yield _json_line_article(f"{path}#{n}", line)
    except (OSError, EOFError, zlib.error) as e:
        what = "gzip data is corrupt or truncated" if compressed else "read failed"
        yield ReadError(path, f"{what} after line {n}: {_os_reason(e)}")


def _skip_rest_of_line(stream: _LineSource) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_line_article(path: str, line: bytes) -> Result:
    try:
        record = _json_loads(line)
    except ValueError as e:
        return ReadError(path, f"not valid JSON: {_json_reason(e, with_line=False)}")
    return _record_article(path, record)


def _json_loads(data: bytes) -> Any:
    try:
        try:
            return json.loads(data)  # bytes: json finds UTF-8/16/32 and a UTF-8 BOM itself
        except UnicodeDecodeError:
            return json.loads(decode_bytes(data))
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _json_reason(e: ValueError, *, with_line: bool) -> str:
    if isinstance(e, json.JSONDecodeError):
        where = f"line {e.lineno}, column {e.colno}" if with_line else f"column {e.colno}"
        return f"{e.msg} ({where})"
    return _one_line(str(e))


def _record_article(path: str, record: Any) -> Result:
    """One JSON record; field names of news-please, allsides-style dumps and common variants."""
    if not isinstance(record, dict):
        return ReadError(path, "record is not a JSON object")
    for key in ("maintext", "text", "content", "body"):  # news-please has "maintext": null at times
        text = record.get(key)
        if isinstance(text, str) and text and not text.isspace():
            break
    else:
        return ReadError(path, "record has no text")
    text, replaced = _LONE_SURROGATE.subn("\ufffd", text)
    return Article(
        path=path,
        text=_normalise(text),
        title=_meta_str(record.get("title")),
        published=_first_meta(record, "date_publish", "date", "published"),
        outlet=_first_meta(record, "source_domain", "outlet", "source", "publisher"),
        url=_meta_str(record.get("url")),
        author=_first_meta(record, "authors", "author"),
        format="json",
        warning=_SURROGATE_WARNING if replaced else None,
    )


def _first_meta(record: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = _meta_str(record.get(key))
        if value is not None:
            return value
    return None


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, followed by the rest of that stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


# ---------------------------------------------------------------------------
# Reasons


def _too_large(max_bytes: int) -> str:
    mb = max_bytes / (1024 * 1024)
    if max_bytes % (1024 * 1024) == 0:
        size = f"{int(mb)} MB"
    elif mb >= 1:
        size = f"{mb:.1f} MB"
    elif max_bytes >= 1024:
        size = f"{max_bytes // 1024} KB"
    else:
        size = f"{max_bytes} byte"
    return f"larger than the {size} limit (raise it with --max-size)"


def _os_reason(e: BaseException) -> str:
    if isinstance(e, FileNotFoundError):
        return "not found"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a folder"
    if isinstance(e, NotADirectoryError):
        return "not found (a part of the path is not a folder)"
    if isinstance(e, OSError) and e.strerror:
        return _one_line(e.strerror[:1].lower() + e.strerror[1:])
    if isinstance(e, EOFError):
        return "unexpected end of data"
    return _one_line(str(e) or type(e).__name__)


def _one_line(text: str, limit: int = 200) -> str:
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _join(*warnings: str | None) -> str | None:
    return "; ".join(w for w in warnings if w) or None
