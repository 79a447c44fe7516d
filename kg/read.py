"""Stage 1, reading: paths or stdin -> cleaned :class:`~kg.model.Document` values.

Plain text scraped from web pages keeps its chrome (language switches, breadcrumb menus,
image URLs, "[Translated by ...]" trailers); :func:`clean_text` removes it and keeps what
it says (headline, date line, credits, web hosts). HTML goes through trafilatura.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from charset_normalizer import from_bytes
from dateutil import parser as date_parser

from .errors import InputError
from .model import Document, Meta
from .namespaces import slugify

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_TEXT_CHARS",
    "MAX_FILE_BYTES",
    "Source",
    "iter_sources",
    "article_id",
    "read_document",
    "read_documents",
    "content_hash",
    "decode_bytes",
    "clean_text",
    "parse_date",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
#: the longest article text read, in characters: spaCy refuses texts over 1,000,000
MAX_TEXT_CHARS = 900_000
#: the largest article file read, in bytes (an HTML page holds more than its text)
MAX_FILE_BYTES = 64 * 2**20
_SPECIAL_FILES = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
                  stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_LIKELY_ENCODINGS = ["cp1252", "iso8859_15", "cp1250", "cp1251", "koi8_r", "gb18030", "big5",
                     "shift_jis", "euc_jp", "euc_kr", "utf_16", "iso8859_2", "iso8859_9"]
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
#: a URL that fsspec opens: ``s3://bucket/news/``, ``file:///data/news/a.txt``, ``memory://news``
_FSSPEC_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+)://")
#: protocols whose "folders" are not listed: a web page is one article, not an index to crawl
_PAGE_PROTOCOLS = frozenset({"http", "https"})
_CREDIT = re.compile(
    r"^[\[(（]?\s*(?:(translated by|translator|editor|edited by|written by|reporter|author|text by|photo by|"
    r"photos by|source|proofread by|reviewed by)\s*[:：]?|(reviewer|photographer|photo|photos|text|image)\s*[:：])"
    r"\s*([^\])）]+?)\s*[\])）]?\s*$",
    re.IGNORECASE,
)
#: a credit that is a name alone, perhaps after an agency ("NTNU/Kai T. Dragland"): two to four words
_NAME_ONLY = re.compile(r"(?:[\w.&-]+/)?[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){1,3}")
#: what separates two credits on one line: "Editor: Sun Yue   Reviewer: Liu Jie", "Text: A · Photo: B"
_CREDIT_SEPARATOR = re.compile(r"\s{3,}|\t|\s+[·|–—]\s+")
_CREDIT_ROLE = {"translated by": "translator", "translator": "translator", "written by": "author",
                "author": "author", "reporter": "author", "text by": "author"}
_LEAD_BRACKET = re.compile(r"^\s*[\[【]([^\]】]{1,60})[\]】]\s*")
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|date|updated|release date)\s*[:：]?\s*)?"
    r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*,?\s*)?"  # "09:28, October 20, 2011"
    r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\s*[A-Za-z]{3,9}\.?\s*,?\s*\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}\s*,?\s*\d{4})\b.{0,40}$",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
# XML 1.0 holds tab, LF, CR and U+0020-U+D7FF, U+E000-U+FFFD, U+10000 up; no stored fact may hold the rest
_LINE_BREAKS_NOT_XML = str.maketrans(dict.fromkeys("\x0b\x0c\x1c\x1d\x1e", "\n"))  # str.splitlines breaks on these
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Source:
    """Where one article comes from: a file path, a URL, or ``-`` for standard input.

    ``error`` says why the source cannot be read when that is known before reading it (a folder
    that cannot be listed); reading the source then raises it, so the batch reports it and goes on.

    ``origin`` is what the KB records as the article's source (``unikg:source``) when the article
    states no URL of its own: a file's path relative to the folder given to ``kg ingest`` (a file
    given directly: its name), never the machine's absolute path; for standard input, the URL or
    name given with ``kg ingest - --source``, which also names the article, so a changed text
    under the same name replaces it. Without ``origin`` a file records its name, stdin ``stdin``.

    ``url`` is the fsspec URL the article is read from (``s3://bucket/news/a.html``,
    ``https://host/a.html``); ``path`` is then None, ``origin`` its path relative to the URL given
    (as for a file), and the KB records the URL itself, except for a ``file://`` URL, which is
    a local path: its article is the file's, recorded as the file's is.

    >>> Source("-", origin="https://news.example.edu/2024/hit-asrtu").origin
    'https://news.example.edu/2024/hit-asrtu'
    """

    name: str
    path: Path | None = None
    error: str | None = None
    origin: str | None = None
    url: str | None = None


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Expand files, folders (recursively, sorted), URLs and ``-`` into article sources.

    Args:
        paths: file or folder paths, URLs of any protocol fsspec has installed
            (``s3://bucket/news/``, ``gs://``, ``file:///data/news/``, ``https://host/a.html``),
            ``"-"`` for standard input, or :class:`Source` values (passed through, e.g. stdin
            with its ``origin``).
    Returns:
        An iterator of :class:`Source`; folders contribute files with an article suffix, and
        each subfolder that cannot be listed (a source whose ``error`` says so). A file's
        ``origin`` is its path relative to the folder given, or its name when given directly.
        A URL naming a folder (a prefix: ``s3://bucket/news/``) is a folder; an ``http(s)``
        URL is always one article.
    Raises:
        InputError: a path does not exist, a folder holds no article files, or a URL's
            protocol is unknown or needs a package that is not installed (the message names it).

    >>> [s.name for s in iter_sources(["-"])]
    ['-']
    """
    for raw in paths:
        if isinstance(raw, Source):
            yield raw
            continue
        if str(raw) == "-":
            yield Source("-")
            continue
        if _FSSPEC_URL.match(str(raw)):
            yield from _url_sources(str(raw))
            continue
        path = Path(raw)
        if path.is_dir():
            found = _folder_sources(path)
            if not found:
                raise _no_articles(path)
            yield from found
        elif path.exists():
            yield Source(str(path), path, origin=path.name)
        else:
            raise InputError(f"{path}: no such file or folder; check the path")


def _no_articles(folder: str | Path) -> InputError:
    return InputError(f"{folder}: folder holds no articles (looked for {', '.join(sorted(ARTICLE_SUFFIXES))} files); "
                      "point at the folder that holds them")


def _folder_sources(folder: Path) -> list[Source]:
    """Files with an article suffix under ``folder`` (not following folder links), sorted, and
    the folders that cannot be listed. Named pipes and the like are kept: reading reports them."""
    found, unreadable = [], []
    for root, _, files in os.walk(folder, onerror=unreadable.append):
        found += [Path(root, name) for name in files if Path(name).suffix.lower() in ARTICLE_SUFFIXES]
    sources = [Source(str(path), path, origin=path.relative_to(folder).as_posix()) for path in found]
    sources += [Source(exc.filename, Path(exc.filename),
                       f"cannot read this folder ({exc.strerror}); its articles are skipped, check its permissions")
                for exc in unreadable]
    return sorted(sources, key=lambda source: source.path)


def _url_sources(url: str) -> list[Source]:
    """The articles under a URL: one file, or a folder's files with an article suffix (recursively,
    sorted, named relative to the URL given, as :func:`_folder_sources` names a folder's)."""
    protocol, (fs, root) = _url_protocol(url), _url_filesystem(url)
    try:
        if protocol in _PAGE_PROTOCOLS or not fs.isdir(root):
            if not fs.exists(root):
                raise InputError(f"{url}: no such file or folder; check the URL")
            return [Source(url, origin=PurePosixPath(urlparse(url).path).name or url, url=url)]
        prefix = root.rstrip("/") + "/"
        found = [path.removeprefix(prefix) for path in fs.find(root)]
    except _url_errors() as exc:
        raise InputError(f"{url}: cannot list it ({exc}); check the URL and your access to it") from exc
    found = sorted((name for name in found if PurePosixPath(name).suffix.lower() in ARTICLE_SUFFIXES),
                   key=lambda name: name.split("/"))
    if not found:
        raise _no_articles(url)
    base = url.rstrip("/")
    return [Source(f"{base}/{name}", origin=name, url=f"{base}/{name}") for name in found]


def _url_protocol(url: str) -> str:
    return _FSSPEC_URL.match(url).group(1).lower()


def _url_filesystem(url: str):
    """The fsspec filesystem that opens ``url``, and the path in it.

    Raises:
        InputError: fsspec knows no such protocol, or its implementation is not installed.
    """
    import fsspec.core  # here: only URLs need it

    protocol = _url_protocol(url)
    try:
        fsspec.get_filesystem_class(protocol)
    except ImportError as exc:  # fsspec knows the protocol; its implementation (s3fs, gcsfs, aiohttp) is missing
        package = getattr(exc.__cause__, "name", None) or getattr(exc, "name", None)
        if not package:
            raise InputError(f"{url}: {protocol}:// needs a package that is not installed ({exc})") from exc
        raise InputError(f"{url}: {protocol}:// needs {package}: pip install {package}") from exc
    except ValueError as exc:
        raise InputError(f"{url}: {protocol}:// is not a protocol fsspec knows; give a path, or a URL such as "
                         "s3://bucket/folder/ or https://host/article.html") from exc
    try:
        return fsspec.core.url_to_fs(url)
    except _url_errors() as exc:
        raise InputError(f"{url}: cannot open it ({exc}); check the URL") from exc


def _url_errors() -> tuple[type[Exception], ...]:
    """What reading a URL raises when the object is missing, unreadable or the network fails:
    ``OSError`` (fsspec's implementations translate to it), and aiohttp's errors (http)."""
    aiohttp = sys.modules.get("aiohttp")
    return (OSError, ValueError) + ((aiohttp.ClientError,) if aiohttp else ())


def _read_url(url: str) -> bytes:
    """At most ``MAX_FILE_BYTES + 1`` bytes of the object at ``url``."""
    fs, path = _url_filesystem(url)
    try:
        with fs.open(path, "rb") as file:
            return file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError(f"{url}: no such file; check the URL") from exc
    except _url_errors() as exc:
        raise InputError(f"{url}: cannot read it ({exc}); check the URL and your access to it") from exc


def _local_url_path(url: str) -> Path | None:
    """The local path a ``file://`` URL names; None for other URLs."""
    return Path(_url_filesystem(url)[1]) if _url_protocol(url) in ("file", "local") else None


def read_documents(sources: Iterable[Source], publisher: str | None = None) -> Iterator[Document | InputError]:
    """Read each source; a bad one yields its :class:`InputError` instead of stopping the batch.

    >>> list(read_documents([]))
    []
    """
    for source in sources:
        try:
            yield read_document(source, publisher=publisher)
        except InputError as exc:
            yield exc


def read_document(source: Source, publisher: str | None = None) -> Document:
    """Read, decode and clean one article.

    Args:
        source: the file (or stdin) to read.
        publisher: name of the publishing organisation, when the user knows it.
    Returns:
        The cleaned :class:`Document`.
    Raises:
        InputError: unreadable, not a regular file, empty, binary, undecodable or too long input
            (the message names the file).
    """
    if source.error:
        raise InputError(f"{source.name}: {source.error}")
    raw = _source_bytes(source)
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{source.name}: more than {MAX_FILE_BYTES:,} bytes, too large for one article; "
                         "split it into smaller files")
    text = _xml_safe(decode_bytes(raw, source.name))
    if not text.strip():
        raise InputError(f"{source.name}: file is empty or only whitespace; nothing to ingest")
    suffix = _suffix(source) or _sniff_suffix(text)
    if suffix in (".html", ".htm"):
        body, meta = _read_html(text, source.name)
    elif suffix in (".md", ".markdown"):
        plain, url = _strip_markdown(text)
        body, meta = clean_text(plain)
        meta = _with(meta, media_type="text/markdown", url=url)
    else:
        body, meta = clean_text(text)
    if not body.strip():
        raise InputError(f"{source.name}: no article text left after removing page chrome; is this an article?")
    if len(body) > MAX_TEXT_CHARS:
        raise InputError(f"{source.name}: {len(body):,} characters of text, over the limit of {MAX_TEXT_CHARS:,} "
                         "for one article; split it into smaller files")
    if publisher:
        meta = _with(meta, publisher=_xml_safe(publisher))
    page = (source.url or source.origin) if source.path is None else None
    if page and _is_url(page):  # kg ingest https://host/a.html, kg ingest - --source URL: the page's address
        meta = _with(meta, url=_xml_safe(page))
    content_hash = hashlib.sha256(raw).hexdigest()  # as content_hash()
    return Document(_doc_id(source, content_hash), body, _source_name(source), meta, content_hash)


def content_hash(source: Source) -> str:
    """The content hash :func:`read_document` gives the article in a file (SHA-256 of its bytes),
    without decoding or cleaning it: enough to tell that an article is unchanged.

    Raises:
        InputError: the source is not a file, or cannot be read (the message names it).
    """
    if source.error:
        raise InputError(f"{source.name}: {source.error}")
    if source.path is None and source.url is None:
        raise InputError(f"{source.name}: standard input has no content hash before it is read")
    return hashlib.sha256(_source_bytes(source)).hexdigest()


def _source_bytes(source: Source) -> bytes:
    """At most ``MAX_FILE_BYTES + 1`` bytes of the article: from its URL, its file or standard input."""
    if source.url is not None:
        return _read_url(source.url)
    return sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if source.path is None else _read_bytes(source.path)


def _suffix(source: Source) -> str | None:
    """The file's suffix; a URL's when it is an article suffix (``https://host/news?id=3`` has none)."""
    if source.path is not None:
        return source.path.suffix.lower()
    suffix = PurePosixPath(urlparse(source.url).path).suffix.lower() if source.url else ""
    return suffix if suffix in ARTICLE_SUFFIXES else None


def _read_bytes(path: Path) -> bytes:
    """At most ``MAX_FILE_BYTES + 1`` bytes of a regular file; opening a named pipe does not wait for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            special = _SPECIAL_FILES.get(stat.S_IFMT(os.fstat(fd).st_mode))
            if special is None:
                with os.fdopen(fd, "rb", closefd=False) as file:
                    return file.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check permissions") from exc
    raise InputError(f"{path}: this is {special}, not a regular file; give a .txt, .md or .html file")


def _source_name(source: Source) -> str:
    """What ``unikg:source`` records when the article gives no URL: never an absolute local path."""
    if source.url and _local_url_path(source.url) is None:
        return _xml_safe(source.url)
    if source.origin:
        return _xml_safe(source.origin)
    return "stdin" if source.path is None else _xml_safe(source.path.name)


def article_id(source: Source) -> str | None:
    """The id of the article a source holds, known before reading it (what names its graph).

    A file's: its slug and a hash of its absolute path (kept out of the KB); a ``file://`` URL's:
    its file's. An article named by a URL (read from it, or from stdin with ``--source URL``) or
    by a name (``--source NAME``): the slug of its last part and a hash of the name (the same
    name, the same article). Unnamed standard input: None (its id comes from its content).

    >>> article_id(Source("-", origin="https://news.example.edu/2024/hit-asrtu.html"))
    'hit-asrtu-342907a6'
    >>> article_id(Source("s3://news/2024/hit-asrtu.html", url="s3://news/2024/hit-asrtu.html"))
    'hit-asrtu-41896ce6'
    """
    path = source.path or (_local_url_path(source.url) if source.url else None)
    if path is not None:
        where = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
        return f"{slugify(path.stem)[:60]}-{where}"
    name = source.url or source.origin
    if not name:
        return None
    stem = Path(urlparse(name).path if _is_url(name) or source.url else name).stem
    where = hashlib.sha1(f"stdin:{name}".encode()).hexdigest()[:8]
    return f"{slugify(stem or 'stdin')[:60]}-{where}"


def _doc_id(source: Source, content_hash: str) -> str:
    """:func:`article_id`; unnamed standard input's: its content's hash.

    >>> _doc_id(Source("-", origin="https://news.example.edu/2024/hit-asrtu.html"), "0" * 64)
    'hit-asrtu-342907a6'
    >>> _doc_id(Source("-"), "ab" * 32)
    'stdin-abababababab'
    """
    return article_id(source) or f"stdin-{content_hash[:12]}"


def _is_url(text: str) -> bool:
    return urlparse(text).scheme in ("http", "https")


def decode_bytes(raw: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else a detected encoding.

    Raises:
        InputError: binary content (PDF, image, archive) or no plausible text encoding.

    >>> decode_bytes("Die Universität München gründet eine Allianz für Forschung.".encode("cp1252"), "a.txt")
    'Die Universität München gründet eine Allianz für Forschung.'
    >>> decode_bytes(b"%PDF-1.7 ...", "a.pdf")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.pdf: this is a PDF document, not text; convert it to .txt, .md or .html first
    """
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text; convert it to .txt, .md or .html first")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: binary content (NUL bytes), not text; convert it to .txt, .md or .html first")
    try:
        return _no_mojibake(raw.decode("utf-8-sig"), name)
    except UnicodeDecodeError as exc:
        invalid = len(raw.decode("utf-8", errors="replace").split("\ufffd")) - 1
        if exc.start > 0 and invalid <= max(3, len(raw) // 200):  # mostly UTF-8, a few bytes of a Windows code page
            return _no_mojibake(raw.decode("utf-8-sig", errors="kg-cp1252"), name)
    best = from_bytes(raw, cp_isolation=_LIKELY_ENCODINGS).best() or from_bytes(raw).best()
    if best is None or best.chaos > 0.3:
        raise InputError(f"{name}: not UTF-8 and no text encoding fits; re-save it as UTF-8")
    return _no_mojibake(str(best), name)


#: UTF-8 read as a Windows code page: "Ã©" for "é", "â€™" for "’"
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€")


def _cp1252_for_invalid_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not UTF-8 are read as Windows-1252 (mixed-encoding files)."""
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("kg-cp1252", _cp1252_for_invalid_bytes)


def _no_mojibake(text: str, name: str) -> str:
    """Text whose UTF-8 was once read as a Windows code page is repaired; where that fails it is an error.

    >>> _no_mojibake("Universit\u00c3\u00a9 de Montr\u00c3\u00a9al, Fran\u00c3\u00a7ois and Ren\u00c3\u00a9", "a.txt")
    'Université de Montréal, François and René'
    """
    marks = len(_MOJIBAKE.findall(text))
    if marks < 3:
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        repaired = None
    if repaired is not None and len(_MOJIBAKE.findall(repaired)) < marks:
        return repaired
    raise InputError(f"{name}: the text looks garbled by a wrong encoding ({marks} sequences like 'Ã©' for 'é'); "
                     "re-save it as UTF-8 from the original")


def _xml_safe(text: str) -> str:
    """Remove the characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE, U+FFFF).

    Form feeds and other line separators among them become newlines.

    >>> _xml_safe("Northern\\x01 Lakes\\x0cAlliance")
    'Northern Lakes\\nAlliance'
    """
    return _NOT_XML.sub("", text.translate(_LINE_BREAKS_NOT_XML))


def _sniff_suffix(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return ".html"
    return ".txt"


def _with(meta: Meta, **changes) -> Meta:
    values = {name: getattr(meta, name) for name in Meta.__slots__}
    values.update(changes)
    return Meta(**values)


def parse_date(text: str) -> str | None:
    """Parse a date line into ISO ``YYYY-MM-DD``; None if it is not one date.

    >>> parse_date("04 Sep , 2020")
    '2020-09-04'
    >>> parse_date("Published: March 12, 2023 10:00")
    '2023-03-12'
    >>> parse_date("09:28, October 20, 2011")
    '2011-10-20'
    >>> parse_date("2023-07-06")
    '2023-07-06'
    >>> parse_date("Home | News")
    """
    match = _DATE_LINE.match(text.strip())
    if not match:
        return None
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", match.group(1))
    if iso:  # year first: always year-month-day
        try:
            return date(*(int(g) for g in iso.groups())).isoformat()
        except ValueError:  # "2021-02-31"
            return None
    try:
        parsed = date_parser.parse(match.group(1).replace(" ,", ","), dayfirst=True).date()
    except (ValueError, OverflowError):  # "31 February 2021"
        return None
    return parsed.isoformat() if parsed.year == int(match.group(1)[-4:]) else None  # "5 May 0000" is no year 2000


def _hosts(urls: Iterable[str]) -> tuple[str, ...]:
    hosts = []
    for url in urls:
        host = urlparse(url).hostname
        if host and host not in hosts:
            hosts.append(host.lower())
    return tuple(hosts)


def _is_chrome(line: str) -> bool:
    """A line of page chrome: menus, language switches, bare URLs, share buttons."""
    if _URL.fullmatch(line):
        return True
    if line.count("|") >= 2 or line.count(">") >= 2 or line.count("»") >= 1:
        return all(len(part.split()) <= 5 for part in re.split(r"[|>»]", line))
    if not re.search(r"[A-Za-z]", line):
        return len(line) <= 40
    return bool(re.fullmatch(r"(share|print|close|back|more|read more|top|menu|search|english|中文版)\W*", line, re.I))


def clean_text(text: str) -> tuple[str, Meta]:
    """Remove page chrome from scraped plain text; keep headline, date, credits and hosts.

    Returns:
        The body (headline as first paragraph) and the :class:`Meta` found in the text.

    >>> body, meta = clean_text("中文版\\nHome | News | Content\\nYSU joins ASRTU\\n04 Sep , 2020\\n"
    ...                         "YSU became an observer.\\n[Translated by Lv Bo]")
    >>> body
    'YSU joins ASRTU\\n\\nYSU became an observer.'
    >>> meta.title, meta.published, meta.credits
    ('YSU joins ASRTU', '2020-09-04', (('translator', 'Lv Bo'),))
    """
    text = _xml_safe(text)
    hosts = _hosts(_URL.findall(text))
    lines = [_spaces(line) for line in text.splitlines()]
    published = None
    credits: list[tuple[str, str]] = []
    kept: list[str] = []
    date_at = None
    for line in lines:
        if published is None and len(kept) < 15 and line and (date := parse_date(line)):
            published, date_at = date, len(kept)  # before the chrome test: "2023-07-06" has no letters
            continue
        if not line or _is_chrome(line):
            continue
        parts = [_CREDIT.match(part) for part in _CREDIT_SEPARATOR.split(line)] if len(line) < 100 else [None]
        if all(parts) and (len(parts) == 1 and parts[0].group(1) or all(_NAME_ONLY.fullmatch(p.group(3)) for p in parts)):
            # a line of credits only: "Photo by A", "Photo: Mikko Raskinen", "Editor: A   Reviewer: B"
            for credit in parts:
                role = (credit.group(1) or credit.group(2)).lower()
                credits.append((_CREDIT_ROLE.get(role, role), credit.group(3).strip().rsplit("/", 1)[-1]))  # "NTNU/Kai T. Dragland"
        else:
            kept.append(line)
    start = _headline_index(kept, date_at)
    paragraphs = [_tidy(_LEAD_BRACKET.sub("", _URL.sub("", line))) for line in kept[start:]]
    title = paragraphs[0] if paragraphs else None
    body = "\n\n".join(p for p in paragraphs if p)
    return body, Meta(title=title, published=published, domains=hosts, credits=tuple(credits))


def _headline_index(lines: list[str], date_at: int | None) -> int:
    """Index of the headline: the line just above the date line, else the first real line."""
    if date_at:
        return date_at - 1
    for index, line in enumerate(lines[:15]):
        if len(line.split()) >= 4 or re.search(r"[.!?]$", line):
            return index
    return 0


def _tidy(line: str) -> str:
    line = re.sub(r",(?=[A-Z])", ", ", line)  # "University,Peter" -> "University, Peter"
    return re.sub(r" {2,}", " ", line).strip()


_COLUMN_GAP = re.compile(r"(?:[ \u3000\xa0]{3,}|\t)[ \t\u3000\xa0]*")
_SPACES = re.compile(r"[ \u3000\xa0]+")


def _spaces(line: str) -> str:
    """A line with its runs of spaces made one, but a table's column gap (a tab, three spaces or
    more) kept as one tab, so that no name runs on into the next column: "Capital Medical
    University    Clinical Medicine".

    >>> _spaces("  Xiangtan University     Mathematics  ")
    'Xiangtan University\\tMathematics'
    """
    return _SPACES.sub(" ", _COLUMN_GAP.sub("\t", line.strip()))


#: a Markdown table's rule line ("|---|:--:|") and rows ("| KAIST | 24 |"): a row becomes its cells
#: set apart by tabs, so that no cell's name runs into the next and no row reads as a menu ("Home | News")
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$\n?", re.M)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.+?)\|[ \t]*$", re.M)


def _strip_markdown(text: str) -> tuple[str, str | None]:
    """Markdown as plain text, and the page URL its front matter gives (``url:`` or ``source:``).

    >>> _strip_markdown("| University | Groups |\\n|---|---|\\n| KAIST | 24 |\\n")[0]
    'University\\tGroups\\nKAIST\\t24\\n'
    """
    front = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    header, url = [], None
    if front:
        for key, value in re.findall(r"^(\w+)\s*:\s*(.+)$", front.group(1), re.M):
            value = value.strip().strip("'\"")
            if key.lower() in ("date", "published"):
                header.append(value)
            elif key.lower() in ("url", "source"):
                header.append(value)
                url = url or (value if _is_url(value) else None)
        text = text[front.end():]
    text = _MD_LINK.sub(lambda m: m.group(1) if not m.group(0).startswith("!") else m.group(2), text)
    text = _MD_TABLE_RULE.sub("", text)
    text = _MD_TABLE_ROW.sub(lambda m: "\t".join(cell.strip() for cell in m.group(1).split("|")), text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)  # bullets go; an ordered list's numbers stay (ranks)
    text = re.sub(r"^\s*(\d+\.)\s+", r"\1 ", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    return "\n".join(header + [text]), url


_BLOCKQUOTE = re.compile(r"<blockquote\b.*?</blockquote>", re.S | re.I)
_QUOTE_FOOTER = re.compile(r"<(/?)(?:footer|cite)\b", re.I)


def _read_html(html: str, name: str) -> tuple[str, Meta]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = _BLOCKQUOTE.sub(lambda m: _QUOTE_FOOTER.sub(r"<\1p", m.group(0)), html)  # a quotation's attribution
    # ("<footer>Professor A, Rector of Y</footer>" in a blockquote), which trafilatura drops as page furniture
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    if result is None or not (result.text or "").strip():
        raise InputError(f"{name}: no article text found in this HTML page; is it an article page?")
    urls = [u for u in (result.url,) if u] + re.findall(r'(?:href|src|content)="(https?://[^"]+)"', html)
    text = _MD_TABLE_RULE.sub("", result.text)  # trafilatura writes a table as Markdown rows:
    text = _MD_TABLE_ROW.sub(lambda m: "\t".join(c.strip() for c in m.group(1).split("|")), text)  # a row a line, cells tab-separated
    body, meta = clean_text(text)
    # the page's first line (its h1) names the article; <title> often names only the site
    title = meta.title if meta.title and len(meta.title.split()) >= 3 else (result.title or meta.title or "").strip() or None
    return body, Meta(
        title=title,
        published=_iso_date(result.date) or meta.published,
        url=result.url,
        domains=_hosts(urls) + meta.domains,
        credits=meta.credits + ((("author", result.author),) if result.author else ()),
        media_type="text/html",
    )


def _iso_date(value: str | None) -> str | None:
    return parse_date(value[:10]) if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None
