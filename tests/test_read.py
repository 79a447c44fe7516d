"""Stage 1: reading, decoding and cleaning articles (kg/read.py)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import threading

import pytest
from conftest import ARTICLES, put_url

from kg import read
from kg.errors import InputError
from kg.model import Document
from kg.read import Source, _doc_id, clean_text, decode_bytes, iter_sources, read_document, read_documents

SCRAPED = """中文版 | English
Home | News | International
Brightwater University joins the Northern Lakes Alliance
12 March 2023
http://news.brightwater.edu.cn/images/2023/03/nla.jpg
Brightwater University became an observer of the Northern Lakes Alliance this week.
The alliance now counts twelve universities.
[Translated by Lin Qiao]
"""


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_read_clean_text_removes_chrome_and_keeps_meta():
    body, meta = clean_text(SCRAPED)
    assert body == ("Brightwater University joins the Northern Lakes Alliance\n\n"
                    "Brightwater University became an observer of the Northern Lakes Alliance this week.\n\n"
                    "The alliance now counts twelve universities.")
    assert meta.title == "Brightwater University joins the Northern Lakes Alliance"
    assert meta.published == "2023-03-12"
    assert meta.credits == (("translator", "Lin Qiao"),)
    assert meta.domains == ("news.brightwater.edu.cn",)


@pytest.mark.parametrize("chrome", ["中文版 | English", "Home | News", "Home | News | Content", "English",
                                    "http://news.example.edu/img/a.jpg", "Share"])
def test_read_clean_text_drops_chrome_line(chrome):
    body, _ = clean_text(f"{chrome}\nA headline about four words\nThe body sentence of the article.")
    assert chrome not in body
    assert body.startswith("A headline about four words")


@pytest.mark.parametrize("line, role, name", [
    ("[Translated by Lin Qiao]", "translator", "Lin Qiao"),
    ("Translator: Lin Qiao", "translator", "Lin Qiao"),
    ("(Written by Maria Petrova)", "author", "Maria Petrova"),
    ("Editor: Zhou Wen", "editor", "Zhou Wen"),
    ("Photo: Mikko Raskinen", "photo", "Mikko Raskinen"),
    ("Photo: NTNU/Kai T. Dragland", "photo", "Kai T. Dragland"),
])
def test_read_clean_text_credits(line, role, name):
    body, meta = clean_text(f"A headline about four words\nThe body sentence.\n{line}")
    assert meta.credits == ((role, name),)
    assert name not in body


def test_read_clean_text_two_credits_on_a_line():
    body, meta = clean_text("A headline about four words\nThe body sentence.\nEditor: Sun Yue   Reviewer: Liu Jie\n"
                            "Text: Siri Haugen · Photo: Kai Dragland")
    assert meta.credits == (("editor", "Sun Yue"), ("reviewer", "Liu Jie"), ("text", "Siri Haugen"), ("photo", "Kai Dragland"))
    assert "Reviewer" not in body and "Haugen" not in body


@pytest.mark.parametrize("line", [
    "Text is what the rankings of 2024 measured in Oslo.",  # a sentence opening with a credit word, no colon
    "Photo: Rector Jan Smits, University of Oslo, signs the memorandum",  # a caption, not a name
])
def test_read_clean_text_caption_or_sentence_is_no_credit(line):
    body, meta = clean_text(f"A headline about four words\nThe body sentence.\n{line}")
    assert line in body and meta.credits == ()


@pytest.mark.parametrize("date_line, iso", [
    ("12 March 2023", "2023-03-12"),
    ("March 12, 2023", "2023-03-12"),
    ("04 Sep , 2020", "2020-09-04"),
    ("Published: 2023/07/06", "2023-07-06"),
    ("2023-07-06", "2023-07-06"),  # a bare date line has no letters: it must not be taken for chrome
    ("2023.07.06", "2023-07-06"),
])
def test_read_clean_text_date_line(date_line, iso):
    body, meta = clean_text(f"Brightwater University opens a new campus\n{date_line}\nThe campus opened on Monday.")
    assert meta.published == iso
    assert meta.title == "Brightwater University opens a new campus"
    assert date_line not in body


def test_read_clean_text_headline_is_line_above_date():
    _, meta = clean_text("Brightwater News\nA new rector for Brightwater\n5 May 2022\nThe council elected a rector.")
    assert meta.title == "A new rector for Brightwater"


def test_read_markdown_headings_links_front_matter(tmp_path):
    path = _write(tmp_path, "zit.md", (
        "---\ntitle: ZIT climbs\ndate: 12 March 2024\nurl: https://news.zit.edu.cn/2024/gat\n---\n"
        "# ZIT climbs in the Global Academic Table\n\n"
        "Zorlan Institute of Technology ranked **88th** in the [Global Academic Table](https://gat.example.org/2024).\n"
    ))
    document = read_document(Source(str(path), path))
    assert document.text == ("ZIT climbs in the Global Academic Table\n\n"
                             "Zorlan Institute of Technology ranked 88th in the Global Academic Table.")
    assert document.meta.media_type == "text/markdown"
    assert document.meta.title == "ZIT climbs in the Global Academic Table"
    assert document.meta.published == "2024-03-12"
    assert "news.zit.edu.cn" in document.meta.domains  # from the front matter url


def test_read_markdown_ordered_list_keeps_its_numbers(tmp_path):
    """An ordered list's numbers are the ranks of a ranking table ("1. A – 104"): they stay; bullets go."""
    path = _write(tmp_path, "gat.md", "# The top three of the Global Academic Table\n\n"
                  "1. Zorlan Institute of Technology – 104\n2. Brightwater University – 311\n\n- Related: a bullet\n")
    text = read_document(Source(str(path), path)).text
    assert "1. Zorlan Institute of Technology – 104" in text and "2. Brightwater University – 311" in text
    assert "- Related" not in text and "Related: a bullet" in text


def test_read_markdown_front_matter_iso_date(sample_docs):
    document = next(d for d in sample_docs if d.source.endswith("zit-ranking.md"))
    assert document.meta.published == "2024-06-05"


def test_read_html_via_trafilatura(sample_docs):
    document = next(d for d in sample_docs if d.source.endswith("nla-forum.html"))
    assert document.meta.media_type == "text/html"
    assert document.meta.title == "Northern Lakes Alliance holds its annual forum"
    assert document.meta.published == "2023-10-02"
    assert document.meta.url == "https://www.nla-universities.org/news/2023/forum"
    assert "www.nla-universities.org" in document.meta.domains
    assert "Volga Polytechnic University" in document.text
    for chrome in ("Contact", "Copyright", "cookie", "Members |"):
        assert chrome not in document.text


def test_read_html_table_rows_become_tab_separated_lines(tmp_path):
    """A content table of an HTML page is kept (ranking tables hold placements), one row a line,
    cells tab-separated as in a Markdown table, so the table rules read each row."""
    page = ("<html><head><title>Arab rankings</title></head><body><article><h1>Our university climbs in the "
            "Arab rankings</h1><p>The university rose again this year, the ranking agency announced today "
            "in its annual report on the universities of the region.</p><p>The first places of the table:</p>"
            "<table><thead><tr><th>Rank</th><th>University</th><th>Country</th></tr></thead><tbody>"
            "<tr><td>1</td><td>King Abdulaziz University</td><td>Saudi Arabia</td></tr>"
            "<tr><td>2</td><td>Khalifa University</td><td>United Arab Emirates</td></tr>"
            "</tbody></table><p>The ranking is published every year by the agency.</p></article></body></html>")
    path = _write(tmp_path, "arab.html", page.encode("utf-8"))
    text = read_document(Source(str(path), path)).text
    assert "1\tKing Abdulaziz University\tSaudi Arabia" in text
    assert "2\tKhalifa University\tUnited Arab Emirates" in text


def test_read_html_keeps_a_quotations_attribution(tmp_path):
    """A blockquote's <footer> (or <cite>) names who spoke ("Professor A, Rector of Y"): text of the
    article, not page furniture, so it is kept."""
    page = ("<html><head><title>Ranking</title></head><body><article><h1>Our university leads the employers' "
            "ranking again</h1><p>The university is first in mechanical engineering, the magazine announced today "
            "in its annual report on the universities of the country.</p><blockquote><p>\"Our graduates are well "
            "prepared for the demanding tasks of industry.\"</p><footer>Professor Ulrich Rüdiger, Rector of RWTH "
            "Aachen University</footer></blockquote><p>The ranking is published every year by the magazine.</p>"
            "</article><footer>Imprint | Privacy</footer></body></html>")
    path = _write(tmp_path, "quote.html", page.encode("utf-8"))
    text = read_document(Source(str(path), path)).text
    assert "Professor Ulrich Rüdiger, Rector of RWTH Aachen University" in text
    assert "Imprint" not in text


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", "Die Universität München und die École Polytechnique gründen eine Allianz für Forschung."),
    ("cp1251", "Томский политехнический университет подписал соглашение о сотрудничестве с университетом."),
    ("gb18030", "Harbin Institute of Technology (哈尔滨工业大学) signed an agreement with Bauman University (鲍曼国立技术大学)."),
])
def test_read_decodes_legacy_encodings(tmp_path, encoding, text):
    assert decode_bytes(text.encode(encoding), "a.txt") == text
    path = _write(tmp_path, "a.txt", f"A headline about four words\n{text}".encode(encoding))
    assert text in read_document(Source(str(path), path)).text


@pytest.mark.parametrize("name, data, what", [
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document, not text"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image, not text"),
    ("blob.txt", b"abc\x00\x01\x02def", "binary content (NUL bytes), not text"),
])
def test_read_binary_is_input_error_naming_file(tmp_path, name, data, what):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        read_document(Source(str(path), path))
    assert str(info.value) == f"{path}: {what}; convert it to .txt, .md or .html first"


@pytest.mark.parametrize("content", ["", "   \n\t\n  "])
def test_read_empty_file_is_input_error(tmp_path, content):
    path = _write(tmp_path, "empty.txt", content)
    with pytest.raises(InputError, match="empty or only whitespace"):
        read_document(Source(str(path), path))


def test_read_only_chrome_is_input_error(tmp_path):
    path = _write(tmp_path, "menu.txt", "Home | News | About\nhttp://example.org/a.png\n")
    with pytest.raises(InputError, match=r"menu\.txt: no article text left"):
        read_document(Source(str(path), path))


def test_read_missing_path_is_input_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        list(iter_sources([missing]))
    assert str(info.value) == f"{missing}: no such file or folder; check the path"


def test_read_folder_without_articles_is_input_error(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(InputError, match="folder holds no articles"):
        list(iter_sources([tmp_path]))


def test_read_folder_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.md", "1.txt", "b/0.html", "skip.pdf"):
        (tmp_path / name).write_text("x")
    names = [s.path.relative_to(tmp_path).as_posix() for s in iter_sources([tmp_path])]
    assert names == ["1.txt", "b/0.html", "b/2.md"]  # sorted; .pdf is not an article suffix


def test_read_stdin(monkeypatch):
    text = "Brightwater University opens a new campus\n12 March 2023\nThe campus opened on Monday.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    [source] = list(iter_sources(["-"]))
    document = read_document(source)
    assert document.source == "stdin"
    assert document.doc_id.startswith("stdin-")
    assert document.meta.published == "2023-03-12"


def test_read_documents_yields_errors_and_goes_on(tmp_path):
    good = _write(tmp_path, "good.txt", "A headline about four words\nBody text here.")
    bad = _write(tmp_path, "bad.txt", b"%PDF-1.4")
    results = list(read_documents([Source(str(bad), bad), Source(str(good), good)]))
    assert isinstance(results[0], InputError) and str(bad) in str(results[0])
    assert results[1].text.startswith("A headline")


def test_read_same_path_gives_same_doc_id_and_hash(tmp_path):
    path = _write(tmp_path, "a.txt", "A headline about four words\nBody text here.")
    first, second = (read_document(Source(str(path), path)) for _ in range(2))
    assert (first.doc_id, first.content_hash) == (second.doc_id, second.content_hash)
    path.write_text("A headline about four words\nOther body text.")
    assert read_document(Source(str(path), path)).content_hash != first.content_hash


def test_read_publisher_option_is_kept(tmp_path):
    path = _write(tmp_path, "a.txt", "A headline about four words\nBody text here.")
    assert read_document(Source(str(path), path), publisher="Brightwater University").meta.publisher == \
        "Brightwater University"


_NOT_XML = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))


def _xml_compatible(text: str) -> bool:
    return not any(c in _NOT_XML or "\ud800" <= c <= "\udfff" for c in text)


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "control\x01in-name.txt"])
def test_read_removes_characters_xml_cannot_hold(tmp_path, name):
    text = ("Brightwater\x01 University joins the Northern\x1f Lakes Alliance\n12 March 2023\n"
            "Brightwater University became an ob\x08server of the alliance.\x0cIt now counts twelve universities.\n")
    if name.endswith(".html"):
        text = (f"<html><head><title>Bright\x02water</title></head>"
                f"<body><article><h1>{text}</h1></article></body></html>")
    path = _write(tmp_path, name, text)
    document = read_document(Source(str(path), path), publisher="Bright\x07water University")
    values = [document.text, document.source, document.meta.title, document.meta.publisher]
    assert all(_xml_compatible(v) for v in values), values
    assert "became an observer of the alliance." in document.text
    assert "It now counts twelve" in document.text


def test_read_clean_text_removes_characters_xml_cannot_hold():
    body, meta = clean_text("A headline about\x00 four words\nThe body\ufffe sentence\x1b of the article.")
    assert (body, meta.title) == ("A headline about four words\n\nThe body sentence of the article.",
                                  "A headline about four words")


def test_read_non_latin_file_name_gives_the_same_doc_id_in_every_process(tmp_path):
    path = _write(tmp_path, "東北大学.md", "# Tohoku University joins a new alliance\n\nThe body sentence.\n")
    code = ("from pathlib import Path; from kg.read import Source, read_document; "
            f"print(read_document(Source('{path.name}', Path({str(path)!r}))).doc_id)")
    ids = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                          capture_output=True, text=True, check=True).stdout for seed in ("1", "2")}
    assert ids == {read_document(Source(str(path), path)).doc_id + "\n"}


@pytest.mark.parametrize("date_line", ["31 February 2021", "February 31, 2021", "2021-02-31", "2021/04/31",
                                       "Published: 2021-02-29", "5 May 0000"])
def test_read_impossible_date_line_is_no_date(date_line):
    _, meta = clean_text(f"Brightwater University opens a new campus\n{date_line}\nThe campus opened on Monday.")
    assert meta.published is None


def test_read_impossible_front_matter_date_is_no_date(tmp_path):
    path = _write(tmp_path, "a.md", "---\ndate: 2021-02-31\n---\n# A headline about four words\n\nThe body.\n")
    assert read_document(Source(str(path), path)).meta.published is None


def _read_in_thread(source: Source, fifo) -> Document | InputError:
    """Read ``source``; if that blocks on the FIFO, unblock it and fail the test."""
    outcome = []
    reader = threading.Thread(target=lambda: outcome.extend(read_documents([source])), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():
        with open(fifo, "wb"):  # a writer that closes at once: the blocked reader sees end of file
            pass
        reader.join(timeout=10)
        pytest.fail(f"reading {source.name} blocked")
    return outcome[0]


def test_read_fifo_is_input_error_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [source] = list(iter_sources([fifo]))
    error = _read_in_thread(source, fifo)
    assert isinstance(error, InputError)
    assert str(error) == f"{fifo}: this is a named pipe (FIFO), not a regular file; give a .txt, .md or .html file"


def test_read_folder_reports_fifo_and_reads_the_rest(tmp_path):
    _write(tmp_path, "good.txt", "A headline about four words\nBody text here.")
    os.mkfifo(tmp_path / "pipe.txt")
    sources = list(iter_sources([tmp_path]))
    assert [s.name for s in sources] == [str(tmp_path / "good.txt"), str(tmp_path / "pipe.txt")]
    document, error = _read_in_thread(sources[0], None), _read_in_thread(sources[1], tmp_path / "pipe.txt")
    assert document.text.startswith("A headline")
    assert isinstance(error, InputError) and "named pipe (FIFO)" in str(error)


def test_read_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    _write(tmp_path, "a.txt", "A headline about four words\nBody text here.")
    (tmp_path / "private").mkdir()
    _write(tmp_path / "private", "b.txt", "x")
    scandir = os.scandir

    def denied(path="."):  # as root, chmod 000 would not stop us: deny the folder here instead
        if os.fspath(path) == str(tmp_path / "private"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    sources = list(iter_sources([tmp_path]))
    monkeypatch.undo()
    results = list(read_documents(sources))
    assert [type(r).__name__ for r in results] == ["Document", "InputError"]
    assert str(results[1]) == (f"{tmp_path / 'private'}: cannot read this folder (Permission denied); "
                               "its articles are skipped, check its permissions")


def test_read_text_over_the_length_limit_is_input_error(tmp_path):
    line = "Brightwater University opened a campus in the north of the country.\n"
    path = _write(tmp_path, "huge.txt", "A headline about four words\n" + line * (900_000 // len(line) + 1))
    good = _write(tmp_path, "good.txt", "A headline about four words\nBody text here.")
    results = list(read_documents([Source(str(path), path), Source(str(good), good)]))
    assert isinstance(results[0], InputError)
    assert re.fullmatch(re.escape(f"{path}: ") + r"9\d\d,\d{3} characters of text, over the limit of 900,000 "
                        "for one article; split it into smaller files", str(results[0]))
    assert results[1].text.startswith("A headline")


def test_read_file_over_the_size_limit_is_input_error(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 1000)
    path = _write(tmp_path, "big.html", "<p>" + "x" * 1000 + "</p>")
    with pytest.raises(InputError) as info:
        read_document(Source(str(path), path))
    assert str(info.value) == f"{path}: more than 1,000 bytes, too large for one article; split it into smaller files"


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


@pytest.mark.parametrize("origin, source, url", [
    ("https://news.example.edu/2024/bwu-campus", "https://news.example.edu/2024/bwu-campus",
     "https://news.example.edu/2024/bwu-campus"),
    ("bwu-campus-note", "bwu-campus-note", None),
], ids=["url", "name"])
def test_read_stdin_named_by_source_keeps_its_id_when_the_text_changes(monkeypatch, origin, source, url):
    ids = []
    for body in ("The campus opened on Monday.", "The campus opened on Tuesday."):
        _stdin(monkeypatch, f"Brightwater University opens a new campus\n12 March 2023\n{body}\n")
        document = read_document(Source("-", origin=origin))
        assert (document.source, document.meta.url) == (source, url)
        ids.append((document.doc_id, document.content_hash))
    assert ids[0][0] == ids[1][0] == _doc_id(Source("-", origin=origin), "")  # one article, replaced
    assert ids[0][1] != ids[1][1]
    assert ids[0][0].startswith("bwu-campus-")


def test_read_source_is_relative_to_the_folder_given(tmp_path):
    folder = tmp_path / "corpus"
    _write(folder / "2024", "a.txt", "A headline about four words\nBody text here.")
    single = _write(tmp_path, "b.txt", "A headline about four words\nOther body text.")
    documents = [read_document(s) for s in iter_sources([folder, single])]
    assert [d.source for d in documents] == ["2024/a.txt", "b.txt"]  # no absolute path of this machine
    assert str(tmp_path) not in repr(documents)
    assert documents[0].doc_id == _doc_id(Source(str(folder / "2024" / "a.txt"), folder / "2024" / "a.txt"), "")


def test_read_markdown_front_matter_url_is_the_source_url(sample_docs):
    document = next(d for d in sample_docs if d.source.endswith("zit-ranking.md"))
    assert document.meta.url == "https://news.zit.edu.cn/2024/gat"


def test_read_mixed_encoding_keeps_utf8_and_reads_stray_bytes_as_windows_1252(tmp_path):
    path = tmp_path / "mixed.txt"
    text = "Université de Montréal joined the alliance. " * 20
    path.write_bytes(text.encode("utf-8") + " Caf\xe9 Lyon.".encode("latin-1"))  # one stray Latin-1 byte
    document = read_document(Source(str(path), path))
    assert "Université de Montréal" in document.text and "Café Lyon" in document.text


def test_read_mojibake_is_repaired_or_refused(tmp_path):
    garbled = tmp_path / "garbled.txt"
    garbled.write_text("Headline\n\n" + "Université de Montréal and François Müller met in Zürich. " * 5, encoding="utf-8")
    fixed = garbled.read_text(encoding="utf-8").encode("utf-8").decode("cp1252")  # UTF-8 once read as cp1252
    garbled.write_text(fixed, encoding="utf-8")
    assert "Université de Montréal" in read_document(Source(str(garbled), garbled)).text
    hopeless = tmp_path / "hopeless.txt"
    hopeless.write_text("Headline\n\n" + "Ã© Ã¨ Ã¼ text with mojibake that no longer round-trips \u0394 " * 3, encoding="utf-8")
    with pytest.raises(InputError, match="garbled by a wrong encoding"):
        read_document(Source(str(hopeless), hopeless))


# --- URLs through fsspec (issue 10): memory://, file://, http:// --------------------------------


def _article_tree(write) -> None:
    """The tree of test_read_folder_is_recursive_and_sorted, written by ``write(name, data)``."""
    for name in ("b/2.md", "1.txt", "b/0.html", "skip.pdf"):
        write(name, "x")


def test_read_url_folder_is_recursive_sorted_and_named_like_a_local_folder(memory_url, tmp_path):
    _article_tree(lambda name, data: put_url(f"{memory_url}/news/{name}", data))
    _article_tree(lambda name, data: _write(tmp_path / "news", name, data))
    for given in (f"{memory_url}/news", f"{memory_url}/news/"):
        sources = list(iter_sources([given]))
        assert [s.origin for s in sources] == ["1.txt", "b/0.html", "b/2.md"]  # sorted; .pdf is no article
        assert [s.origin for s in sources] == [s.origin for s in iter_sources([tmp_path / "news"])]
        assert [s.url for s in sources] == [f"{memory_url}/news/{name}" for name in ("1.txt", "b/0.html", "b/2.md")]
        assert {s.path for s in sources} == {None}


def test_read_url_folder_without_articles_is_input_error(memory_url):
    put_url(f"{memory_url}/news/notes.csv", "a,b\n")
    with pytest.raises(InputError) as info:
        list(iter_sources([f"{memory_url}/news/"]))
    assert str(info.value) == (f"{memory_url}/news/: folder holds no articles (looked for .htm, .html, .markdown, "
                               ".md, .txt files); point at the folder that holds them")


def test_read_missing_url_is_input_error(memory_url):
    with pytest.raises(InputError) as info:
        list(iter_sources([f"{memory_url}/nope.txt"]))
    assert str(info.value) == f"{memory_url}/nope.txt: no such file or folder; check the URL"


@pytest.mark.parametrize("url, package", [
    ("s3://news-bucket/2024/", "s3fs"),
    ("gs://news-bucket/2024/a.txt", "gcsfs"),
])
def test_read_url_whose_package_is_missing_names_it(monkeypatch, url, package):
    monkeypatch.setitem(sys.modules, package, None)  # `import s3fs` now fails as if not installed
    protocol = url.split(":")[0]
    with pytest.raises(InputError) as info:
        list(iter_sources([url]))
    assert str(info.value) == f"{url}: {protocol}:// needs {package}: pip install {package}"


def test_read_url_of_unknown_protocol_is_input_error():
    with pytest.raises(InputError, match=r"^nosuch://a/b\.txt: nosuch:// is not a protocol fsspec knows; give a path"):
        list(iter_sources(["nosuch://a/b.txt"]))


@pytest.mark.parametrize("name", sorted(path.name for path in ARTICLES.iterdir()))
def test_read_url_gives_the_files_text_meta_and_hash(memory_url, name):
    """Bytes from a URL go through the same decoding and cleaning as a file's (tests/data/articles)."""
    url = put_url(f"{memory_url}/news/{name}", (ARTICLES / name).read_bytes())
    [source] = list(iter_sources([url]))
    from_url, from_file = read_document(source), read_document(Source(str(ARTICLES / name), ARTICLES / name))
    assert (from_url.text, from_url.content_hash) == (from_file.text, from_file.content_hash)
    assert from_url.meta == from_file.meta
    assert read.content_hash(source) == from_file.content_hash
    assert from_url.source == url  # the KB records the URL (the .md and .html state their own: it wins)
    assert from_url.doc_id == read.article_id(source) != from_file.doc_id


def test_read_url_legacy_encoding_and_bad_article_in_a_batch(memory_url):
    text = "Die Universität München und die École Polytechnique gründen eine Allianz für Forschung."
    put_url(f"{memory_url}/a.txt", f"A headline about four words\n{text}".encode("cp1252"))
    put_url(f"{memory_url}/b.txt", b"%PDF-1.4")
    put_url(f"{memory_url}/c.html", b"")
    results = list(read_documents(iter_sources([memory_url])))
    assert text in results[0].text
    assert [str(error) for error in results[1:]] == [
        f"{memory_url}/b.txt: this is a PDF document, not text; convert it to .txt, .md or .html first",
        f"{memory_url}/c.html: file is empty or only whitespace; nothing to ingest",
    ]


def test_read_url_removed_after_listing_is_input_error(memory_url):
    [source] = list(iter_sources([put_url(f"{memory_url}/a.txt", "A headline about four words\nBody.")]))
    fsspec = pytest.importorskip("fsspec")
    fsspec.filesystem("memory").rm(source.url)
    with pytest.raises(InputError, match=r"/a\.txt: no such file; check the URL$"):
        read_document(source)


def test_read_file_url_is_the_local_file(tmp_path):
    """A file:// URL names a local file: the same article (id, recorded source) as its path."""
    folder = tmp_path / "corpus"
    path = _write(folder / "2024", "a.txt", "A headline about four words\nBody text here.")
    [source] = list(iter_sources([folder.as_uri()]))
    assert (source.url, source.origin) == (path.as_uri(), "2024/a.txt")
    from_url, from_file = read_document(source), read_document(next(iter_sources([folder])))
    assert (from_url.doc_id, from_url.source, from_url.content_hash) == (from_file.doc_id, "2024/a.txt",
                                                                        from_file.content_hash)
    assert str(tmp_path) not in repr(from_url)


def test_read_http_url_is_one_article_recorded_by_its_url(tmp_path, no_proxy):
    pytest.importorskip("aiohttp", reason="fsspec reads http:// with aiohttp, which is not installed")
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    _write(tmp_path, "news/a.txt", "Brightwater University opens a new campus\n12 March 2023\nThe campus opened.\n")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/news/a.txt"
            [source] = list(iter_sources([url]))
            document = read_document(source)
            with pytest.raises(InputError, match="no such file or folder; check the URL$"):
                list(iter_sources([url.replace("a.txt", "b.txt")]))
        finally:
            server.shutdown()
    assert (source.url, document.source, document.meta.url) == (url, url, url)
    assert document.meta.published == "2023-03-12"
    assert document.doc_id == read.article_id(Source("-", origin=url))  # as `kg ingest - --source URL`
