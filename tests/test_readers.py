"""Tests for store.readers: every input format, encoding and failure the reader promises to handle."""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import readers
from store.model import Article, ReadError
from store.readers import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    iter_input_files,
    read_file,
    read_inputs,
)

BODY = "The minister said 30 people were evacuated.\nOfficials expect more.\n"


def one(path: Path | str, **kwargs: int) -> Article | ReadError:
    results = list(read_file(str(path), **kwargs))
    assert len(results) == 1, results
    return results[0]


def article(path: Path | str, **kwargs: int) -> Article:
    result = one(path, **kwargs)
    assert isinstance(result, Article), result
    return result


def error(path: Path | str, **kwargs: int) -> ReadError:
    result = one(path, **kwargs)
    assert isinstance(result, ReadError), result
    return result


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


# ---------------------------------------------------------------------------
# Front matter


def test_front_matter_fields_aliases_and_quotes(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", (
        "---\n"
        "Source: 'RFE/RL'\n"
        "headline: \"Troops: 30 killed\"\n"
        "\n"
        "link: https://example.org/a?x=1\n"
        "Date: 2024-12-16\n"
        "byline: Jane Doe\n"
        "tags: ignored\n"
        "---\n"
        "\n\n"
        + BODY
    ))
    a = article(f)
    assert a.outlet == "RFE/RL"
    assert a.title == "Troops: 30 killed"
    assert a.url == "https://example.org/a?x=1"
    assert a.published == "2024-12-16"
    assert a.author == "Jane Doe"
    assert a.text == BODY  # exactly the rest, leading blank lines dropped
    assert a.format == "text"
    assert a.warning is None


def test_front_matter_that_does_not_parse_keeps_whole_text(tmp_path: Path) -> None:
    content = "---\noutlet: X\nthis line is prose, not a key\n---\n" + BODY
    a = article(write(tmp_path / "a.md", content))
    assert a.text == content
    assert a.outlet is None
    assert a.warning == "front matter did not parse; read as plain text"
    assert a.format == "markdown"


def test_front_matter_without_closing_fence_in_60_lines(tmp_path: Path) -> None:
    content = "---\n" + "".join(f"k{i}: v\n" for i in range(70)) + "---\n" + BODY
    a = article(write(tmp_path / "a.txt", content))
    assert a.text == content
    assert a.warning is not None and "front matter did not parse" in a.warning


def test_front_matter_only_is_empty(tmp_path: Path) -> None:
    e = error(write(tmp_path / "a.txt", "---\ntitle: T\n---\n\n  \n"))
    assert e.reason.startswith("empty file")


def test_plain_text_kept_verbatim_and_no_title_guessed(tmp_path: Path) -> None:
    content = "\n\nHeadline Here\n\x1b[31mred\x1b[0m [bold]markup[/bold] <b>tag</b>\n"
    a = article(write(tmp_path / "a.txt", content))
    assert a.text == content
    assert a.title is None
    assert a.warning is None


def test_horizontal_rule_later_in_text_is_not_front_matter(tmp_path: Path) -> None:
    content = "Intro\n---\nkey: value\n---\nMore\n"
    assert article(write(tmp_path / "a.md", content)).text == content


# ---------------------------------------------------------------------------
# sources.toml


def test_sources_toml_fills_metadata_and_front_matter_wins(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", (
        '["000_bdddd05343c1693e.txt"]\n'
        'outlet = "RFE/RL"\n'
        'url = "https://www.rferl.org/a/1"\n'
        'published = 2024-12-16\n'
        'authors = ["A. One", "B. Two"]\n'
        '\n'
        '["other.txt"]\n'
        'outlet = "Sources Outlet"\n'
        'title = "Sources Title"\n'
    ))
    write(tmp_path / "000_bdddd05343c1693e.txt", BODY)
    write(tmp_path / "other.txt", "---\noutlet: Front Matter Outlet\n---\n" + BODY)
    first, other = list(read_inputs([str(tmp_path)]))
    assert isinstance(first, Article) and isinstance(other, Article)
    assert (first.outlet, first.url, first.published, first.author) == (
        "RFE/RL", "https://www.rferl.org/a/1", "2024-12-16", "A. One, B. Two")
    assert first.text == BODY
    assert other.outlet == "Front Matter Outlet"  # front matter wins
    assert other.title == "Sources Title"         # sources.toml fills the gaps


def test_sources_toml_unquoted_dotted_header(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", "[story.txt]\noutlet = \"Dotted\"\n")
    assert article(write(tmp_path / "story.txt", BODY)).outlet == "Dotted"


def test_broken_sources_toml_is_ignored_with_warning(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", '["a.txt"]\noutlet = \n')
    a = article(write(tmp_path / "a.txt", BODY))
    assert a.outlet is None
    assert a.warning is not None and a.warning.startswith("sources.toml did not parse: ")
    assert "\n" not in a.warning


def test_sources_toml_warning_joins_front_matter_warning(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", "not toml at all")
    a = article(write(tmp_path / "a.txt", "---\nbroken line\n---\n" + BODY))
    assert a.warning is not None
    assert "front matter did not parse" in a.warning and "sources.toml did not parse" in a.warning


def test_sources_toml_read_once_per_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "sources.toml", '["a.txt"]\noutlet = "X"\n')
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, BODY)
    calls = []
    real_load = readers.tomllib.load

    def counting_load(f: io.BufferedReader) -> dict[str, object]:
        calls.append(f)
        return real_load(f)

    monkeypatch.setattr(readers.tomllib, "load", counting_load)
    results = list(read_inputs([str(tmp_path)]))
    assert [r.outlet for r in results if isinstance(r, Article)] == ["X", None, None]
    assert len(calls) == 1


def test_sources_toml_only_applies_to_its_own_folder(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", '["a.txt"]\noutlet = "Top"\n')
    assert article(write(tmp_path / "sub" / "a.txt", BODY)).outlet is None


# ---------------------------------------------------------------------------
# Encodings


def test_utf8_bom_stripped_and_newlines_normalised(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", b"\xef\xbb\xbfline one\r\nline two\rline three\n")
    assert article(f).text == "line one\nline two\nline three\n"


def test_only_one_bom_is_stripped() -> None:
    assert decode_bytes("\ufeff\ufeffx".encode("utf-8")) == "\ufeffx"
    assert decode_bytes("\ufeff\ufeffx".encode("utf-16-le")) == "\ufeffx"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "Zażółć gęślą jaźń – “quoted” café\r\nsecond line\n"
    bom = "\ufeff".encode(encoding)
    a = article(write(tmp_path / "a.txt", bom + text.encode(encoding)))
    assert a.text == "Zażółć gęślą jaźń – “quoted” café\nsecond line\n"


def test_utf16_without_bom_is_text_not_binary() -> None:
    text = "Hello world, this is a plain sentence in UTF-16."
    assert decode_bytes(text.encode("utf-16-le")) == text


@pytest.mark.parametrize("text", [
    "café – “smart quotes”",
    "The café – “smart quotes” are here, naïve résumé. " * 3,
    "Officials said the café near the station – a local landmark – would reopen. "
    "“We are glad,” said the owner, José Núñez. " * 5,
])
def test_windows_1252(tmp_path: Path, text: str) -> None:
    assert article(write(tmp_path / "a.txt", text.encode("cp1252"))).text == text


def test_latin_1(tmp_path: Path) -> None:
    text = "Le garçon a mangé une crème brûlée à Noël. Señor Müller était là.\n"
    assert article(write(tmp_path / "a.txt", text.encode("latin-1"))).text == text


def test_cyrillic_legacy_encoding_not_forced_to_1252() -> None:
    text = "Президент заявил в среду, что правительство подготовит новый закон. " * 3
    assert decode_bytes(text.encode("cp1251")) == text


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    assert error(write(tmp_path / "a.txt", data)).reason == "binary file (NUL bytes)"
    with pytest.raises(ValueError, match="binary file"):
        decode_bytes(data)


def test_binary_without_nul_bytes() -> None:
    rng = random.Random(7)
    data = bytes(rng.choice(range(1, 256)) for _ in range(4000))
    with pytest.raises(ValueError, match="binary file"):
        decode_bytes(data)


_printable = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t\x1b")


@settings(max_examples=200)
@given(st.text(_printable))
def test_utf8_round_trips_except_newlines(text: str) -> None:
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert decode_bytes(text.encode("utf-8")) == expected


# ---------------------------------------------------------------------------
# Empty, too large, file errors


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    assert error(write(tmp_path / "a.txt", content)).reason == "empty file"


def test_size_limit_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    with open(f, "wb") as out:
        out.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: costs no disk

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(readers, "open", no_open, raising=False)
    assert error(f).reason == "larger than the 5 MB limit (raise it with --max-size)"


def test_size_limit_custom(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "x" * 3000)
    assert "limit (raise it with --max-size)" in error(f, max_bytes=2048).reason
    assert article(f, max_bytes=3000).text == "x" * 3000


def test_not_found(tmp_path: Path) -> None:
    e = error(tmp_path / "missing.txt")
    assert e.reason == "not found"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: the tests may run as root, who may read anything.
    f = write(tmp_path / "a.txt", BODY)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(f))

    monkeypatch.setattr(readers, "open", denied, raising=False)
    assert error(f).reason == "permission denied"


def test_folder_passed_to_read_file(tmp_path: Path) -> None:
    assert error(tmp_path).reason == "is a folder"


@pytest.mark.parametrize("name", [
    "with spaces.txt", "[brackets] (1).txt", "café ünïcödé 記事.txt", "new\nline.txt",
])
def test_awkward_file_names(tmp_path: Path, name: str) -> None:
    f = write(tmp_path / name, BODY)
    a = article(f)
    assert a.path == str(f)
    assert a.text == BODY
    assert list(iter_input_files([str(tmp_path)])) == [str(f)]


def test_reason_is_one_line_even_for_a_path_with_newline(tmp_path: Path) -> None:
    path = str(tmp_path / "gone\nfile.txt")
    e = error(path)
    assert e.path == path
    assert "\n" not in e.reason


def test_gzip_named_text_file(tmp_path: Path) -> None:
    e = error(write(tmp_path / "a.txt.gz", gzip.compress(BODY.encode())))
    assert "gzip" in e.reason


# ---------------------------------------------------------------------------
# HTML


PARAGRAPHS = [
    f"Paragraph {i}: the minister said on Tuesday that at least {i * 10} people were evacuated "
    "from the flooded district, and officials expect the number to rise further in coming days."
    for i in range(1, 7)
]
PAGE = (
    "<!DOCTYPE html><html><head><title>Floods force evacuations | Daily Planet</title>"
    '<meta property="og:site_name" content="Daily Planet">'
    '<meta name="author" content="Lois Lane">'
    '<meta property="article:published_time" content="2024-12-16">'
    '<link rel="canonical" href="https://planet.example/news/floods">'
    "<style>.x { color: red } /* STYLETEXT */</style>"
    "<script>var SCRIPTTEXT = 'do not keep';</script></head><body>"
    '<nav><a href="/">NAVTEXT Home</a> <a href="/world">NAVTEXT World</a></nav>'
    "<article><h1>Floods force evacuations</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer>FOOTERTEXT Copyright 2024 Daily Planet</footer>"
    "<script>trackEvent('SCRIPTTEXT2')</script></body></html>"
)


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    a = article(write(tmp_path / "page.html", PAGE))
    for p in PARAGRAPHS:
        assert p in a.text
    for junk in ("SCRIPTTEXT", "STYLETEXT", "color: red", "NAVTEXT", "FOOTERTEXT"):
        assert junk not in a.text
    assert a.format == "html"
    assert a.title == "Floods force evacuations"
    assert a.outlet == "Daily Planet"
    assert a.author == "Lois Lane"
    assert a.published == "2024-12-16"
    assert a.url == "https://planet.example/news/floods"


def test_html_sniffed_in_unknown_extension(tmp_path: Path) -> None:
    a = article(write(tmp_path / "page.download", "\n  " + PAGE))
    assert a.format == "html"
    assert PARAGRAPHS[0] in a.text


def test_html_without_article_text(tmp_path: Path) -> None:
    # Only markup and code: trafilatura finds no text (given a lone <nav>, it would fall back to its words).
    page = "<html><head><script>var x = 1;</script><style>p {}</style></head><body><div> </div></body></html>"
    assert error(write(tmp_path / "a.htm", page)).reason == "no article text found in the HTML"


def test_html_sources_toml_overrides_extracted_guess(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", '["page.html"]\noutlet = "Curated Outlet"\n')
    a = article(write(tmp_path / "page.html", PAGE))
    assert a.outlet == "Curated Outlet"
    assert a.author == "Lois Lane"


# ---------------------------------------------------------------------------
# JSON and JSON Lines


NEWS_PLEASE = {
    "authors": ["Jane Doe", "John Roe"],
    "date_download": "2024-12-17 08:00:00",
    "date_publish": "2024-12-16 10:30:00",
    "description": "Short description.",
    "language": "en",
    "maintext": "Main text\r\nof the article.",
    "source_domain": "www.rferl.org",
    "title": "North Korean troops",
    "url": "https://www.rferl.org/a/1.html",
}
ALLSIDES = {
    "text": "Allsides text.",
    "title": "Headline",
    "source": "CNN (Online News)",
    "date": "2024-12-16",
    "authors": "Jane Doe, John Roe",
    "url": "https://cnn.example/x",
}


def test_json_object_news_please_fields(tmp_path: Path) -> None:
    a = article(write(tmp_path / "a.json", json.dumps(NEWS_PLEASE)))
    assert a.path == str(tmp_path / "a.json")
    assert a.text == "Main text\nof the article."
    assert a.title == "North Korean troops"
    assert a.published == "2024-12-16 10:30:00"
    assert a.outlet == "www.rferl.org"
    assert a.url == "https://www.rferl.org/a/1.html"
    assert a.author == "Jane Doe, John Roe"
    assert a.format == "json"


def test_json_list_allsides_fields_and_bad_items(tmp_path: Path) -> None:
    other = {"content": "Third text.", "outlet": "O", "published": "2025", "author": "A",
             "maintext": None, "source": {"id": "x", "name": "Named Source"}}
    f = write(tmp_path / "a.json", json.dumps([ALLSIDES, 42, other, {"title": "no text"}]))
    results = list(read_file(str(f)))
    first, not_object, third, no_text = results
    assert isinstance(first, Article) and first.path == f"{f}#1"
    assert (first.text, first.outlet, first.published, first.author, first.title) == (
        "Allsides text.", "CNN (Online News)", "2024-12-16", "Jane Doe, John Roe", "Headline")
    assert not_object == ReadError(f"{f}#2", "record is not a JSON object")
    assert isinstance(third, Article)
    assert (third.text, third.outlet, third.published, third.author) == ("Third text.", "O", "2025", "A")
    assert no_text == ReadError(f"{f}#4", "record has no text")


def test_json_invalid_document(tmp_path: Path) -> None:
    e = error(write(tmp_path / "a.json", '{"text": "x",\n'))
    assert e.reason.startswith("not valid JSON: ")
    assert "\n" not in e.reason


def test_json_empty_list(tmp_path: Path) -> None:
    assert error(write(tmp_path / "a.json", "[]")).reason == "empty JSON list"


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    f = write(tmp_path / "a.json", json.dumps(ALLSIDES) + "\n" + json.dumps(NEWS_PLEASE) + "\n")
    assert [r.path for r in read_file(str(f)) if isinstance(r, Article)] == [f"{f}#1", f"{f}#2"]


def test_json_lines_bad_records_do_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps(NEWS_PLEASE),
        '{"text": "broken',
        "",
        "[1, 2]",
        json.dumps({"title": "no text", "text": "   "}),
        json.dumps({"maintext": 5}),
        json.dumps(ALLSIDES),
    ]
    f = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    results = list(read_file(str(f)))
    assert [r.path for r in results] == [f"{f}#{n}" for n in (1, 2, 4, 5, 6, 7)]
    assert isinstance(results[0], Article) and results[0].outlet == "www.rferl.org"
    assert isinstance(results[1], ReadError) and results[1].reason.startswith("not valid JSON: ")
    assert results[2] == ReadError(f"{f}#4", "record is not a JSON object")
    assert results[3] == ReadError(f"{f}#5", "record has no text")
    assert results[4] == ReadError(f"{f}#6", "record has no text")
    assert isinstance(results[5], Article) and results[5].text == "Allsides text."


def test_json_lines_size_limit_per_record(tmp_path: Path) -> None:
    big = json.dumps({"text": "y" * 5000})
    small = json.dumps({"text": "small"})
    f = write(tmp_path / "a.ndjson", "\n".join([small, big, small]))
    results = list(read_file(str(f), max_bytes=1024))
    assert isinstance(results[0], Article) and isinstance(results[2], Article)
    assert results[2].path == f"{f}#3"
    assert isinstance(results[1], ReadError) and "limit" in results[1].reason


def test_json_lines_non_utf8_line(tmp_path: Path) -> None:
    line = json.dumps({"text": "café – “smart quotes” " * 4}, ensure_ascii=False).encode("cp1252")
    a = article(write(tmp_path / "a.jsonl", line + b"\n"))
    assert a.text.startswith("café – “smart quotes”")


def _records(n: int) -> list[bytes]:
    rng = random.Random(1)
    return [
        json.dumps({"text": "".join(rng.choices(string.ascii_letters, k=600)), "title": f"t{i}"}).encode() + b"\n"
        for i in range(n)
    ]


def test_jsonl_gz_read_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = write(tmp_path / "big.jsonl.gz", gzip.compress(b"".join(_records(3000))))
    opened: list[io.BufferedReader] = []

    def spy_open(file: str, mode: str) -> io.BufferedReader:
        handle = open(file, mode)
        opened.append(handle)
        return handle

    monkeypatch.setattr(readers, "open", spy_open, raising=False)
    results = read_file(str(f))
    first = next(results)
    assert isinstance(first, Article) and first.title == "t0" and first.path == f"{f}#1"
    assert opened[0].tell() < f.stat().st_size / 10  # only the start was read
    rest = list(results)
    assert len(rest) == 2999 and all(isinstance(r, Article) for r in rest)
    assert rest[-1].path == f"{f}#3000"
    assert opened[0].closed


def test_truncated_gzip_yields_what_was_read_then_one_error(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(_records(500)))
    f = write(tmp_path / "cut.ndjson.gz", data[: len(data) // 2])
    results = list(read_file(str(f)))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert 50 < len(articles) < 500
    assert errors == [results[-1]]
    assert errors[0].path == str(f)
    assert "gzip data is corrupt or truncated" in errors[0].reason


def test_not_really_gzip(tmp_path: Path) -> None:
    results = list(read_file(str(write(tmp_path / "a.jsonl.gz", json.dumps(ALLSIDES)))))
    assert len(results) == 1 and isinstance(results[0], ReadError)
    assert "gzip" in results[0].reason


def test_json_gz_document(tmp_path: Path) -> None:
    f = write(tmp_path / "a.json.gz", gzip.compress(json.dumps([NEWS_PLEASE, ALLSIDES]).encode()))
    assert [r.text for r in read_file(str(f)) if isinstance(r, Article)] == [
        "Main text\nof the article.", "Allsides text."]


# ---------------------------------------------------------------------------
# Standard input


def stdin_results(data: bytes, **kwargs: int) -> list[Article | ReadError]:
    return list(read_inputs(["-"], stdin=io.BytesIO(data), **kwargs))


def test_stdin_text_with_front_matter() -> None:
    [a] = stdin_results(b"---\noutlet: Piped\n---\n" + BODY.encode())
    assert isinstance(a, Article)
    assert (a.path, a.outlet, a.text) == ("<stdin>", "Piped", BODY)


def test_stdin_json_lines_and_list() -> None:
    lines = (json.dumps(ALLSIDES) + "\nnot json\n" + json.dumps(NEWS_PLEASE) + "\n").encode()
    results = stdin_results(lines)
    assert [r.path for r in results] == ["<stdin>#1", "<stdin>#2", "<stdin>#3"]
    assert isinstance(results[1], ReadError)
    as_list = stdin_results(json.dumps([ALLSIDES, NEWS_PLEASE], indent=2).encode())
    assert [r.path for r in as_list] == ["<stdin>#1", "<stdin>#2"]
    assert all(isinstance(r, Article) for r in as_list)


def test_stdin_big_json_lines_streams_past_the_limit() -> None:
    data = b"".join(_records(50))
    results = stdin_results(data, max_bytes=4096)
    assert len(results) == 50 and all(isinstance(r, Article) for r in results)


def test_stdin_html() -> None:
    [a] = stdin_results(PAGE.encode())
    assert isinstance(a, Article) and a.format == "html" and PARAGRAPHS[-1] in a.text


def test_stdin_bracketed_text_is_not_json() -> None:
    [a] = stdin_results(b"[bold]Breaking[/bold]: the minister resigned.\n")
    assert isinstance(a, Article) and a.text == "[bold]Breaking[/bold]: the minister resigned.\n"


def test_stdin_empty_and_too_large() -> None:
    assert stdin_results(b"") == [ReadError("<stdin>", "empty file")]
    [e] = stdin_results(b"x" * 5000, max_bytes=1024)
    assert isinstance(e, ReadError) and "limit" in e.reason


# ---------------------------------------------------------------------------
# Folders


def test_folders_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "c/d.html", "c/e.jsonl.gz", "c.txt", ".hidden.txt", ".git/x.txt",
                "notes.pdf", "sources.toml", "z/.secret/y.txt", "z/w.NDJSON"]:
        write(tmp_path / rel, BODY)
    got = [os.path.relpath(p, tmp_path) for p in iter_input_files([str(tmp_path)])]
    assert got == ["a.md", "b.txt", "c.txt", "c/d.html", "c/e.jsonl.gz", "z/w.NDJSON"]


def test_explicit_files_always_yielded_and_dash_kept(tmp_path: Path) -> None:
    pdf = str(write(tmp_path / "notes.pdf", BODY))
    hidden = str(write(tmp_path / ".hidden.txt", BODY))
    missing = str(tmp_path / "missing.txt")
    assert list(iter_input_files([pdf, "-", hidden, missing])) == [pdf, "-", hidden, missing]


def test_folder_without_article_files(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "notes.pdf", b"%PDF")
    folder = str(tmp_path / "empty")
    assert list(iter_input_files([folder])) == []
    assert list(read_inputs([folder])) == [ReadError(folder, "no article files in this folder")]


def test_read_inputs_mixes_files_folders_and_errors(tmp_path: Path) -> None:
    write(tmp_path / "f" / "one.txt", BODY)
    write(tmp_path / "f" / "two.txt", "")
    missing = str(tmp_path / "missing.md")
    results = list(read_inputs([str(tmp_path / "f"), missing, "-"], stdin=io.BytesIO(b"piped")))
    assert [type(r).__name__ for r in results] == ["Article", "ReadError", "ReadError", "Article"]
    assert results[1] == ReadError(str(tmp_path / "f" / "two.txt"), "empty file")
    assert results[2] == ReadError(missing, "not found")
    assert isinstance(results[3], Article) and results[3].text == "piped"


# ---------------------------------------------------------------------------
# Link previews scraped into sentences

def test_link_previews_scraped_into_sentences_are_cut_and_the_sentence_reads_as_on_the_page(tmp_path: Path) -> None:
    paragraphs = [
        # (as scraped, as read)
        ("Aides of President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial Warren goes local "
         "MORE’s 2016 campaign were charged.", "Aides of President Trump’s 2016 campaign were charged."),
        ("Sen. Chuck Grassley Charles (Chuck) Ernest GrassleySpeaker Pelosi, it's time to throw American innovators "
         "a lifeline | Barr: report 'imminent' MORE (R-Iowa) also sent letters.",
         "Sen. Chuck Grassley (R-Iowa) also sent letters."),
        ("Mark CoralloMark CoralloThe 81 names targeted in Democrats' probe MORE, a strategist, agreed.",
         "Mark Corallo, a strategist, agreed."),
        ("Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no thanks' to Romney's plan MORE (R-Wis.) spoke.",
         "Speaker Paul Ryan (R-Wis.) spoke."),
        ("Mayor Bill de Blasio Bill de BlasioDNC raises qualifying thresholds for fifth debate MORE announced it.",
         "Mayor Bill de Blasio announced it."),
        # text that only looks like one stays
        ("READ MORE: Poland votes. Officials said John Smith John Smith had MORE THAN EVER.",
         "READ MORE: Poland votes. Officials said John Smith John Smith had MORE THAN EVER."),
        ("NAMES: Ryan Paul Ryan Davis AND MORE THAN EVER.", "NAMES: Ryan Paul Ryan Davis AND MORE THAN EVER."),
        ("Officials said John Smith John Smith wanted MORE, not less.",
         "Officials said John Smith John Smith wanted MORE, not less."),
        # a preview's end is in its own paragraph
        ("Joe Biden Joe Biden spoke.", "Joe Biden Joe Biden spoke."),
        ("MORE than that, he left.", "MORE than that, he left."),
    ]
    f = write(tmp_path / "hill.txt", "\n\n".join(scraped for scraped, _ in paragraphs) + "\n")
    assert article(f).text == "\n\n".join(read for _, read in paragraphs) + "\n"
    record = {"title": "Senate", "text": paragraphs[0][0]}
    assert article(write(tmp_path / "a.jsonl", json.dumps(record) + "\n")).text == paragraphs[0][1]
