"""Import organisation lists into the gazetteer: ROR v2 dumps, the Hipo list, curated CSV.

Three readers turn an outside file into gazetteer records, the plain dicts that
:func:`kg.gazetteer.build_gazetteer` merges (keys ``name``, ``type``, ``acronyms``,
``aliases``, ``labels`` ``{lang: name}``, ``country`` (ISO 3166-1 alpha-2), ``city``,
``founded``, ``wikidata`` (list of QIDs), ``ror`` (list of 9-character ROR IDs),
``domains``, ``status`` and ``source``):

* :func:`read_ror`: the official ROR data dump in schema v2 (``vX.Y-YYYY-MM-DD-ror-data_schema_v2.json``,
  one JSON array), or the Zenodo ``.zip`` that holds it. Records are parsed one at a time, so
  a 300 MB dump is never held in memory as one Python object. Inactive and withdrawn records
  are yielded too, with their ``status``: the gazetteer keeps them out of matching.
* :func:`read_hipo`: ``world_universities_and_domains.json`` of Hipo/university-domains-list.
* :func:`read_csv`: a member list curated by hand, in the CSV format below.

The readers are generators: they raise :class:`~kg.errors.ConfigError` when they reach a bad
record, after having yielded the good ones before it. :func:`load_import` reads a whole
file first and returns a list only when every record is valid, so a caller can leave the
stored gazetteer untouched on any error. Every message names the file, the record (number,
and ROR ID or name) and what to do.

:func:`write_import` stores records as JSON Lines under ``<kb>/gazetteer/<source>.jsonl``
(atomically, byte-identical for the same input); :func:`read_imports` reads them all back.
:func:`merge_key` and :func:`link_records` find the records of different sources that
describe one organisation (same ROR ID, Wikidata QID, web domain, or name plus country).

The curated CSV format
----------------------
UTF-8, comma-separated, with a header row. Only ``name`` is required; the columns are::

    name,type,acronyms,aliases,country,wikidata,ror,domains,member_of,role,since,participates_in

and optionally ``city``, ``founded``, ``labels`` and ``status``. Lists are separated by ``;``.

* ``type``: University (the default), ResearchInstitute, Alliance, Program, Ranking or Organization.
* ``country``: ISO 3166-1 alpha-2 code (``RU``); ``wikidata``: QIDs (``Q13164``);
  ``ror``: 9-character IDs or ``https://ror.org/...`` URLs; ``domains``: hosts or URLs.
* ``member_of``: alliances the organisation belongs to. An alliance must be defined in the
  same file (a row of type Alliance) or already be in the gazetteer; the importer does not
  check, it carries the list as ``members_of: [(alliance, role, since), ...]``.
* ``role``: member (the default), founding, observer, associate or former; one value for
  every alliance of ``member_of``, or one per alliance in the same order.
* ``since``: year (or ISO date) the membership began; one value, or one per alliance.
* ``participates_in``: programs (Project 985, Priority 2030, ...), carried as ``participates_in``.
* ``labels``: names in other languages as ``lang=name``, e.g. ``zh=清华大学;ru=Университет Цинхуа``.
* ``founded``: a year; ``status``: active (the default), inactive or withdrawn.

Several rows with the same name describe one organisation: their lists and memberships are
combined (so one row per membership works too). Example::

    name,type,acronyms,aliases,country,wikidata,ror,domains,member_of,role,since,participates_in
    Association of Sino-Russian Technical Universities,Alliance,ASRTU,,,,,,,,,
    Yanshan University,University,YSU,,CN,,,ysu.edu.cn,ASRTU,observer,2023,
    Tomsk Polytechnic University,,TPU,Tomsk Polytechnic,RU,Q1327542,,tpu.ru,ASRTU,founding,2011,Priority 2030

>>> import io, csv
>>> rows = list(csv.reader(io.StringIO(__doc__.split("Example::")[1].split(">>>")[0].strip())))
>>> rows[0][-4:]
['member_of', 'role', 'since', 'participates_in']
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from .errors import ConfigError, StoreError
from .gazetteer import ENTRY_TYPES, ROLE_FIELDS, normalize_name

__all__ = [
    "FORMATS",
    "CSV_COLUMNS",
    "detect_format",
    "read_ror",
    "read_hipo",
    "read_csv",
    "load_import",
    "write_import",
    "read_imports",
    "imports_dir",
    "merge_key",
    "link_records",
]

#: import formats and their readers (see :func:`load_import`)
FORMATS = ("ror", "ror-jsonl", "hipo", "csv")
#: columns of the curated CSV format, in their documented order
CSV_COLUMNS = ("name", "type", "acronyms", "aliases", "country", "wikidata", "ror", "domains",
               "member_of", "role", "since", "participates_in")
_CSV_OPTIONAL = ("city", "founded", "labels", "status")
#: membership roles a CSV row may state (the gazetteer's role vocabulary)
ROLES = tuple(ROLE_FIELDS.values())
STATUSES = ("active", "inactive", "withdrawn")

_ROR_ID = re.compile(r"^0[a-z0-9]{6}[0-9]{2}$")
_ROR_URL = re.compile(r"^(?:https?://)?(?:www\.)?ror\.org/(0[a-z0-9]{6}[0-9]{2})/?$", re.I)
_QID = re.compile(r"^Q[1-9][0-9]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SINCE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$")
_SOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_INSTITUTE_WORDS = re.compile(r"\b(?:institute|institut|instituto|istituto|academy|laborator(?:y|ies))\b", re.I)

_CHUNK = 1 << 20  # characters read at a time by the JSON array streamer


# --------------------------------------------------------------------------- opening files


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found; check the path") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder; give the import file itself") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc}); check the path and permissions") from exc


def _reject_binary(path: Path, head: bytes, expected: str) -> None:
    if head.startswith(b"%PDF"):
        raise ConfigError(f"{path}: is a PDF document, not {expected}; give the data file itself")
    if head[:2] == b"\x1f\x8b" or head.startswith(b"PK\x03\x04"):
        raise ConfigError(f"{path}: is a compressed archive, not {expected}; unpack it first")
    if b"\x00" in head:
        raise ConfigError(f"{path}: is a binary file, not {expected}; give the data file itself")


def _zip_member(path: Path, archive: zipfile.ZipFile) -> str:
    names = [n for n in archive.namelist()
             if n.lower().endswith(".json") and not n.startswith("__MACOSX/") and not n.endswith("/")]
    v2 = [n for n in names if re.search(r"ror-data.*_schema_v2\.json$", n, re.I)]
    candidates = v2 or [n for n in names if "ror-data" in n.lower()] or names
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise ConfigError(f"{path}: the zip archive holds no .json file; "
                          "give the ROR dump zip (with *ror-data*_schema_v2.json) or the .json itself")
    raise ConfigError(f"{path}: the zip archive holds several JSON files ({', '.join(sorted(candidates))}); "
                      "unpack it and give the one to import")


@contextmanager
def _open_json_text(path: Path, expected: str, allow_archive: bool) -> Iterator[tuple[IO[str], str]]:
    """Open ``path`` (or the JSON file inside a .zip/.gz) as text; yield (stream, display name)."""
    head = _sniff(path)
    if allow_archive and head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                member = _zip_member(path, archive)
                with archive.open(member) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8-sig"), f"{path}!{member}"
        except zipfile.BadZipFile as exc:
            raise ConfigError(f"{path}: damaged zip archive ({exc}); download it again") from exc
        return
    if allow_archive and head[:2] == b"\x1f\x8b":
        with gzip.open(path, "rt", encoding="utf-8-sig") as stream:
            yield stream, str(path)
        return
    _reject_binary(path, head, expected)
    with path.open("r", encoding="utf-8-sig") as stream:
        yield stream, str(path)


def _iter_json_array(stream: IO[str], where: str, expected: str) -> Iterator[tuple[int, object]]:
    """Yield (number, value) for each element of the JSON array in ``stream``, one at a time.

    Standard library only: elements are decoded with ``JSONDecoder.raw_decode`` from a
    sliding text buffer, so memory holds one chunk plus one record.
    """
    decoder = json.JSONDecoder()
    buffer, pos, eof, lines_before = "", 0, False, 0  # lines_before: newlines dropped from buffer
    chunk = _CHUNK

    def fill(size: int) -> bool:
        nonlocal buffer, pos, eof, lines_before
        if eof:
            return False
        try:
            data = stream.read(size)
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{where}: is not UTF-8 text ({exc.reason} at byte {exc.start}); "
                              f"give {expected}") from exc
        except (OSError, EOFError, zipfile.BadZipFile) as exc:
            raise ConfigError(f"{where}: cannot be read to the end ({exc}); download the file again") from exc
        if not data:
            eof = True
            return False
        if pos:
            lines_before += buffer.count("\n", 0, pos)
            buffer = buffer[pos:]
            pos = 0
        buffer += data
        return True

    def skip_ws() -> None:
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in " \t\r\n":
                pos += 1
            if pos < len(buffer) or not fill(chunk):
                return

    def location(at: int) -> str:
        line = lines_before + buffer.count("\n", 0, at) + 1
        column = at - (buffer.rfind("\n", 0, at) + 1) + 1
        return f"line {line} column {column}"

    skip_ws()
    if pos >= len(buffer):
        raise ConfigError(f"{where}: is empty; expected {expected}")
    first = buffer[pos]
    if first == "{":
        raise ConfigError(f"{where}: holds a single JSON object, not an array of records; expected {expected} "
                          "(a file that starts with '[')")
    if first != "[":
        hint = "; for a CSV member list use --format csv" if "," in buffer[pos:pos + 200] else ""
        raise ConfigError(f"{where}: is not JSON (it starts with {buffer[pos:pos + 20]!r}); expected {expected}{hint}")
    pos += 1
    number = 0
    last = "the start of the array"
    while True:
        skip_ws()
        if pos >= len(buffer):
            raise ConfigError(f"{where}: ends after record #{number} ({last}) without closing the array; "
                              "the file is truncated: download it again")
        if buffer[pos] == "]":
            pos += 1
            skip_ws()
            if pos < len(buffer):
                raise ConfigError(f"{where}: unexpected text after the array at {location(pos)}; "
                                  "the file is damaged: download it again")
            return
        if number:
            if buffer[pos] != ",":
                raise ConfigError(f"{where}: expected ',' or ']' after record #{number} ({last}) at {location(pos)}; "
                                  "the file is damaged: download it again")
            pos += 1
            skip_ws()
        size = chunk
        while True:
            try:
                value, end = decoder.raw_decode(buffer, pos)
                break
            except json.JSONDecodeError as exc:
                # an incomplete buffer fails at its very end (or in an unterminated string);
                # an error earlier on is in the data itself, and more text cannot fix it
                incomplete = exc.pos >= len(buffer) - 8 or exc.msg.startswith("Unterminated")
                if incomplete and fill(size):
                    size = max(size, len(buffer) - pos)  # grow geometrically: linear total copying
                    continue
                if eof and incomplete:
                    raise ConfigError(f"{where}: ends in the middle of record #{number + 1} (after {last}); "
                                      "the file is truncated: download it again") from exc
                raise ConfigError(f"{where}: invalid JSON in record #{number + 1} (after {last}): {exc.msg} "
                                  f"at {location(exc.pos)}; fix or download the file again") from exc
        number += 1
        pos = end
        last = _describe(value, number)
        yield number, value


def _describe(value: object, number: int) -> str:
    if isinstance(value, dict):
        ident = value.get("id") or value.get("name")
        if isinstance(ident, str) and ident:
            return f"record #{number} {ident!r}" if "name" in value and "id" not in value else f"record #{number} {ident}"
    return f"record #{number}"


# --------------------------------------------------------------------------- ROR


def read_ror(path: str | os.PathLike) -> Iterator[dict]:
    """Yield gazetteer records from an official ROR schema-v2 dump (``.json``, ``.zip`` or ``.gz``).

    Each record: ``name`` (the ``ror_display`` name), ``aliases`` (alias names, English
    and language-less labels), ``acronyms``, ``labels`` (first label per other language),
    ``country``, ``city``, ``founded`` (``established``), ``wikidata`` (preferred QID first),
    ``ror`` ([the 9-character ID]), ``domains`` (``domains`` plus website hosts), ``status``,
    ``type`` (University for education; ResearchInstitute for an Institute/Academy/
    Laboratory; otherwise Organization) and ``source`` ``"ror:<file name>"``.

    Raises:
        ConfigError: not a schema-v2 ROR dump (Hipo file, schema v1, object, PDF), truncated
            or invalid JSON, a record without ``id`` or ``ror_display`` name.
    """
    path = Path(path)
    expected = "a ROR schema-v2 data dump (one JSON array of records)"
    source = f"ror:{path.name}"
    with _open_json_text(path, expected, allow_archive=True) as (stream, where):
        for number, raw in _iter_json_array(stream, where, expected):
            yield _ror_record(raw, number, where, source)


def _ror_record(raw: object, number: int, where: str, source: str) -> dict:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: record #{number} is a JSON {type(raw).__name__}, not an object; "
                          "expected a ROR schema-v2 data dump")
    if "names" not in raw:
        if "alpha_two_code" in raw or "web_pages" in raw:
            raise ConfigError(f"{where}: record #{number} ({raw.get('name', 'no name')!r}) is a Hipo university-domains "
                              "record, not a ROR record; import this file with --format hipo")
        if "name" in raw and "id" in raw:
            raise ConfigError(f"{where}: record #{number} ({raw.get('id')}) is in ROR schema v1; "
                              "use the *_schema_v2.json file of the ROR dump")
        raise ConfigError(f"{where}: record #{number} has no 'names' (keys: {', '.join(sorted(raw)[:8])}); "
                          "this is not a ROR schema-v2 data dump")
    match = _ROR_URL.match(str(raw.get("id") or ""))
    names = raw.get("names")
    display = [n for n in names if isinstance(n, dict) and "ror_display" in (n.get("types") or [])] \
        if isinstance(names, list) else []
    name = str(display[0].get("value") or "").strip() if display else ""
    where_rec = f"{where}: record #{number} ({raw.get('id') or name or 'no id'})"
    if not match:
        raise ConfigError(f"{where_rec}: missing or malformed 'id' {raw.get('id')!r}; "
                          "every ROR record needs its https://ror.org/ ID: fix or drop the record")
    if not name:
        raise ConfigError(f"{where_rec}: no 'ror_display' name; every ROR record needs one: fix or drop the record")
    status = raw.get("status") or "active"
    if status not in STATUSES:
        raise ConfigError(f"{where_rec}: unknown status {status!r}; expected one of {', '.join(STATUSES)}")

    acronyms: list[str] = []
    aliases: list[str] = []
    labels: dict[str, str] = {}
    for entry in names:
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str) or not entry["value"].strip():
            continue
        value, kinds, lang = entry["value"].strip(), entry.get("types") or [], entry.get("lang")
        if "acronym" in kinds:
            acronyms.append(value)
            continue
        if "label" in kinds and lang and lang != "en":
            if lang not in labels:
                labels[lang] = value
            elif value != labels[lang] and value != name:
                aliases.append(value)
        elif value != name and {"alias", "label", "ror_display"} & set(kinds):
            aliases.append(value)

    wikidata: list[str] = []
    for ext in raw.get("external_ids") or []:
        if isinstance(ext, dict) and ext.get("type") == "wikidata":
            wikidata.extend(q for q in [ext.get("preferred"), *(ext.get("all") or [])] if isinstance(q, str))
    locations = [loc.get("geonames_details") or {} for loc in raw.get("locations") or [] if isinstance(loc, dict)]
    place = locations[0] if locations else {}
    hosts = [_host(link.get("value", "")) for link in raw.get("links") or []
             if isinstance(link, dict) and link.get("type") == "website"]
    types = [str(t) for t in raw.get("types") or []]
    established = raw.get("established")
    return {
        "name": name,
        "type": _ror_type(types, name),
        "acronyms": _unique(acronyms),
        "aliases": _unique(a for a in aliases if a != name),
        "labels": dict(sorted(labels.items())),
        "country": (str(place.get("country_code") or "").upper() or None),
        "city": place.get("name") or None,
        "founded": str(established) if established not in (None, "") else None,
        "wikidata": _unique(q.strip().upper() for q in wikidata if _QID.match(q.strip().upper())),
        "ror": [match.group(1).lower()],
        "domains": _unique([*(_host(d) for d in raw.get("domains") or [] if isinstance(d, str)), *hosts]),
        "status": status,
        "source": source,
    }


def _ror_type(types: list[str], name: str) -> str:
    if "education" in types:
        return "University"
    return "ResearchInstitute" if _INSTITUTE_WORDS.search(name) else "Organization"


# --------------------------------------------------------------------------- Hipo


def read_hipo(path: str | os.PathLike) -> Iterator[dict]:
    """Yield gazetteer records from Hipo's ``world_universities_and_domains.json``.

    Each record: ``name``, ``type`` University, ``country`` (``alpha_two_code``), ``domains``
    (``domains`` plus the hosts of ``web_pages``), ``status`` active and ``source`` ``"hipo:<file name>"``.

    Raises:
        ConfigError: not a Hipo list (ROR dump, object, PDF), invalid or truncated JSON,
            a record without name.
    """
    path = Path(path)
    expected = "the Hipo world_universities_and_domains.json list (one JSON array of records)"
    source = f"hipo:{path.name}"
    with _open_json_text(path, expected, allow_archive=False) as (stream, where):
        for number, raw in _iter_json_array(stream, where, expected):
            yield _hipo_record(raw, number, where, source)


def _hipo_record(raw: object, number: int, where: str, source: str) -> dict:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: record #{number} is a JSON {type(raw).__name__}, not an object; "
                          "expected the Hipo world_universities_and_domains.json list")
    if "names" in raw and "id" in raw:
        raise ConfigError(f"{where}: record #{number} ({raw.get('id')}) is a ROR record, not a Hipo record; "
                          "import this file with --format ror")
    name = raw.get("name")
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        domains = raw.get("domains") or []
        hint = f" (domains {', '.join(map(str, domains))})" if isinstance(domains, list) and domains else ""
        raise ConfigError(f"{where}: record #{number}{hint} has no 'name'; every record needs the university's "
                          "name: fix or drop the record")
    for key in ("domains", "web_pages"):
        if not isinstance(raw.get(key) or [], list):
            raise ConfigError(f"{where}: record #{number} ({name!r}): {key!r} must be a list of strings")
    code = str(raw.get("alpha_two_code") or "").strip().upper()
    if code and not _COUNTRY.match(code):
        raise ConfigError(f"{where}: record #{number} ({name!r}): alpha_two_code {code!r} is not an ISO 3166-1 "
                          "alpha-2 code; fix the record")
    domains = [_host(d) for d in raw.get("domains") or [] if isinstance(d, str)]
    domains += [_host(u) for u in raw.get("web_pages") or [] if isinstance(u, str)]
    return {
        "name": name,
        "type": "University",
        "acronyms": [],
        "aliases": [],
        "labels": {},
        "country": code or None,
        "city": None,
        "founded": None,
        "wikidata": [],
        "ror": [],
        "domains": _unique(domains),
        "status": "active",
        "source": source,
    }


# --------------------------------------------------------------------------- curated CSV


def read_csv(path: str | os.PathLike) -> Iterator[dict]:
    """Yield gazetteer records from a curated member-list CSV (format: see the module docstring).

    Rows with the same name are combined into one record, so records are yielded once the
    whole file has been read and checked. Each record also carries ``members_of``
    (list of ``(alliance, role, since)``) and ``participates_in`` (list of names).

    Raises:
        ConfigError: not a CSV with a ``name`` column, an unknown column, a row without name,
            a bad type, country, QID, ROR ID, role or since.
    """
    path = Path(path)
    head = _sniff(path)
    _reject_binary(path, head, "a CSV member list")
    source = f"csv:{path.name}"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start}); save the CSV as UTF-8") from exc
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        raise ConfigError(f"{path}: is JSON, not CSV; import a ROR dump with --format ror "
                          "or the Hipo list with --format hipo")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    if "name" not in header:
        raise ConfigError(f"{path}: the first line must be a header with a 'name' column "
                          f"(found {', '.join(repr(h) for h in header[:6]) or 'nothing'}); "
                          f"expected columns: {','.join(CSV_COLUMNS)}")
    unknown = [h for h in header if h not in CSV_COLUMNS and h not in _CSV_OPTIONAL]
    if unknown:
        raise ConfigError(f"{path}: unknown column(s) {', '.join(unknown)}; allowed: "
                          f"{', '.join(CSV_COLUMNS + _CSV_OPTIONAL)}")
    reader.fieldnames = header
    records: dict[str, dict] = {}
    row_number = 0
    for row in _csv_rows(reader, path):
        row_number += 1
        if None in row:
            raise ConfigError(f"{path}: row #{row_number} (line {reader.line_num}) has more fields than the header; "
                              "quote values that contain commas")
        values = {k: (v or "").strip() for k, v in row.items()}
        if not any(values.values()):
            continue
        record = _csv_record(values, f"{path}: row #{row_number} (line {reader.line_num}, "
                                     f"{values.get('name') or 'no name'!r})", source)
        key = normalize_name(record["name"])
        if key in records:
            _combine(records[key], record)
        else:
            records[key] = record
    yield from records.values()


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _csv_rows(reader: csv.DictReader, path) -> Iterator[dict]:
    """The rows of a CSV file; a malformed row (a field over the csv module's 131,072-character
    limit, a stray quote) is a ConfigError naming the line, not a traceback."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ConfigError(f"{path}: line {reader.line_num + 1}: not a valid CSV row ({exc}); "
                              "a field of a member list is a short name, check the quoting") from exc
        yield row


def _csv_record(values: dict[str, str], where: str, source: str) -> dict:
    name = values.get("name", "")
    if not name:
        raise ConfigError(f"{where}: empty 'name'; every row needs the organisation's name")
    kind = values.get("type") or "University"
    if kind not in ENTRY_TYPES:
        raise ConfigError(f"{where}: type {kind!r} is not one of {', '.join(sorted(ENTRY_TYPES))}")
    country = values.get("country", "").upper()
    if country and not _COUNTRY.match(country):
        raise ConfigError(f"{where}: country {values['country']!r} is not an ISO 3166-1 alpha-2 code (like RU)")
    wikidata = [q.upper() for q in _split(values.get("wikidata", ""))]
    for qid in wikidata:
        if not _QID.match(qid):
            raise ConfigError(f"{where}: wikidata {qid!r} is not a Wikidata QID (like Q13164)")
    ror = []
    for value in _split(values.get("ror", "")):
        ror_id = _ror_id(value)
        if not ror_id:
            raise ConfigError(f"{where}: ror {value!r} is not a ROR ID (like 03cve4549 or https://ror.org/03cve4549)")
        ror.append(ror_id)
    alliances = _split(values.get("member_of", ""))
    roles = _per_alliance(_split(values.get("role", "")), alliances, "role", where)
    sinces = _per_alliance(_split(values.get("since", "")), alliances, "since", where)
    for role in roles:
        if role and role not in ROLES:
            raise ConfigError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
    for since in sinces:
        if since and not _SINCE.match(since):
            raise ConfigError(f"{where}: since {since!r} is not a year (like 2011) or ISO date")
    labels: dict[str, str] = {}
    for item in _split(values.get("labels", "")):
        lang, sep, label = item.partition("=")
        if not sep or not re.match(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$", lang.strip()) or not label.strip():
            raise ConfigError(f"{where}: label {item!r} is not lang=name (like zh=清华大学)")
        labels.setdefault(lang.strip(), label.strip())
    founded = values.get("founded", "")
    if founded and not re.match(r"^-?[0-9]{1,4}$", founded):
        raise ConfigError(f"{where}: founded {founded!r} is not a year")
    status = values.get("status") or "active"
    if status not in STATUSES:
        raise ConfigError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
    return {
        "name": name,
        "type": kind,
        "acronyms": _unique(_split(values.get("acronyms", ""))),
        "aliases": _unique(a for a in _split(values.get("aliases", "")) if a != name),
        "labels": dict(sorted(labels.items())),
        "country": country or None,
        "city": values.get("city") or None,
        "founded": founded or None,
        "wikidata": _unique(wikidata),
        "ror": _unique(ror),
        "domains": _unique(_host(d) for d in _split(values.get("domains", ""))),
        "status": status,
        "source": source,
        "members_of": [(a, r or "member", s or None) for a, r, s in zip(alliances, roles, sinces)],
        "participates_in": _unique(_split(values.get("participates_in", ""))),
    }


def _per_alliance(values: list[str], alliances: list[str], column: str, where: str) -> list[str]:
    if not values:
        return [""] * len(alliances)
    if not alliances:
        raise ConfigError(f"{where}: {column!r} is set but 'member_of' is empty; name the alliance")
    if len(values) == 1:
        return values * len(alliances)
    if len(values) != len(alliances):
        raise ConfigError(f"{where}: {len(values)} {column} values for {len(alliances)} alliances in 'member_of'; "
                          "give one value, or one per alliance")
    return values


def _combine(old: dict, new: dict) -> None:
    for key in ("acronyms", "aliases", "wikidata", "ror", "domains", "participates_in"):
        old[key] = _unique([*old[key], *new[key]])
    old["members_of"] = list(dict.fromkeys([*old["members_of"], *new["members_of"]]))
    for lang, label in new["labels"].items():
        old["labels"].setdefault(lang, label)
    old["labels"] = dict(sorted(old["labels"].items()))
    for key in ("country", "city", "founded"):
        old[key] = old[key] or new[key]
    if old["type"] == "University" and new["type"] != "University":
        old["type"] = new["type"]


# --------------------------------------------------------------------------- whole-file loading


def read_ror_jsonl(path: str | os.PathLike) -> Iterator[dict]:
    """Read flattened ROR records, one JSON object a line (``ror_id``, ``name``, ``acronyms``,
    ``aliases``, ``labels`` [{lang, value}], ``country_code``, ``city``, ``established``,
    ``domains``, ``websites``, ``wikidata``, ``wikidata_preferred``, ``status``, ``types``).

    Raises:
        ConfigError: a line is not JSON or a record has no name (file and line named).
    """
    path = Path(path)
    source = f"ror:{path.name}"
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError as exc:
                raise ConfigError(f"{path} line {number}: not valid JSON ({exc.msg}); is the file truncated?") from exc
            yield _flat_ror_record(raw, f"{path} line {number}", source)


def _flat_ror_record(raw: dict, where: str, source: str) -> dict:
    if not isinstance(raw, dict) or not str(raw.get("name") or "").strip():
        raise ConfigError(f"{where} (ROR {raw.get('ror_id') if isinstance(raw, dict) else '?'}): record has no name; "
                          "fix or remove the record")
    labels = {}
    aliases = list(raw.get("aliases") or [])
    for label in raw.get("labels") or []:
        lang, value = label.get("lang"), label.get("value")
        if not value or value == raw["name"]:
            continue
        if lang in (None, "en"):
            aliases.append(value)
        else:
            labels.setdefault(lang, value)
    qids = [q for q in [raw.get("wikidata_preferred"), *(raw.get("wikidata") or [])] if q]
    hosts = [urlsplit(u).hostname or "" for u in raw.get("websites") or []]
    return {
        "name": raw["name"].strip(), "type": _ror_type(raw.get("types") or [], raw["name"]),
        "acronyms": list(raw.get("acronyms") or []), "aliases": list(dict.fromkeys(aliases)), "labels": labels,
        "country": (raw.get("country_code") or "").upper(), "city": raw.get("city") or "",
        "founded": str(raw["established"]) if raw.get("established") else None,
        "wikidata": list(dict.fromkeys(qids)), "ror": [raw["ror_id"]] if raw.get("ror_id") else [],
        "domains": list(dict.fromkeys(d.lower().removeprefix("www.") for d in [*(raw.get("domains") or []), *hosts] if d)),
        "status": raw.get("status") or "active", "source": source,
    }


def detect_format(path: str | os.PathLike) -> str:
    """Guess the format of an import file: ``"ror"``, ``"hipo"`` or ``"csv"``.

    Raises:
        ConfigError: the file is missing, a PDF or binary, or no format fits.
    """
    path = Path(path)
    head = _sniff(path)
    if head.startswith(b"PK\x03\x04") or head[:2] == b"\x1f\x8b":
        return "ror"
    _reject_binary(path, head, "an import file (ROR dump, Hipo list or CSV)")
    with path.open("r", encoding="utf-8-sig", errors="replace") as stream:
        start = stream.read(65536)
    text = start.lstrip()
    if text.startswith("{") and '"ror_id"' in text.split("\n", 1)[0]:
        return "ror-jsonl"
    if text.startswith("[") or text.startswith("{"):
        if re.search(r'"alpha_two_code"|"web_pages"', start):
            return "hipo"
        if re.search(r'"names"\s*:', start) or '"ror.org/' in start or "ror.org/" in start:
            return "ror"
        raise ConfigError(f"{path}: JSON, but neither a ROR v2 dump nor the Hipo list; give --format ror or hipo")
    if re.match(r"^\ufeff?\"?name\"?\s*(,|$)", text.splitlines()[0] if text else ""):
        return "csv"
    raise ConfigError(f"{path}: format not recognised; give --format ror, hipo or csv")


def load_import(path: str | os.PathLike, fmt: str = "auto") -> list[dict]:
    """Read and check a whole import file; return its records only if every one is valid.

    Args:
        path: the file (a ROR dump may be a .zip or .gz).
        fmt: ``"ror"``, ``"hipo"``, ``"csv"`` or ``"auto"`` (see :func:`detect_format`).
    Raises:
        ConfigError: an unknown format, or any problem of the file (nothing is returned).
    """
    if fmt == "auto":
        fmt = detect_format(path)
    readers = {"ror": read_ror, "ror-jsonl": read_ror_jsonl, "hipo": read_hipo, "csv": read_csv}
    if fmt not in readers:
        raise ConfigError(f"unknown import format {fmt!r}; use one of {', '.join(FORMATS)} or auto")
    records = list(readers[fmt](path))
    if not records:
        raise ConfigError(f"{path}: holds no records; nothing to import")
    return records


# --------------------------------------------------------------------------- storing imports


def imports_dir(kb_dir: str | os.PathLike) -> Path:
    """The folder of stored imports of a knowledge base: ``<kb_dir>/gazetteer``."""
    return Path(kb_dir) / "gazetteer"


def _dump_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def write_import(kb_dir: str | os.PathLike, records: Iterable[dict], source_name: str) -> Path:
    """Store records as JSON Lines in ``<kb_dir>/gazetteer/<source_name>.jsonl``, atomically.

    Keys are sorted and records keep their order, so the same input gives a byte-identical
    file. A record without ``source`` gets ``"import:<source_name>"``. The file is written
    to a temporary file in the same folder and moved into place, so a failure leaves the
    previous import intact.

    Returns:
        The path of the stored file.
    Raises:
        ConfigError: a bad source name or a record without name or with an unknown type.
        StoreError: the folder cannot be written.
    """
    if not _SOURCE_NAME.match(source_name or "") or source_name.endswith(".jsonl"):
        raise ConfigError(f"import name {source_name!r} must be letters, digits, '.', '_' or '-' "
                          "(like ror-v2.9 or members), without a folder or .jsonl")
    lines = []
    for number, record in enumerate(records, start=1):
        name = record.get("name") if isinstance(record, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"import {source_name!r}: record #{number} has no name; every record needs one")
        if record.get("type") not in ENTRY_TYPES:
            raise ConfigError(f"import {source_name!r}: record #{number} ({name!r}) has type {record.get('type')!r}, "
                              f"not one of {', '.join(sorted(ENTRY_TYPES))}")
        if not record.get("source"):
            record = {**record, "source": f"import:{source_name}"}
        lines.append(_dump_line(record))
    folder = imports_dir(kb_dir)
    target = folder / f"{source_name}.jsonl"
    tmp_name = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=folder,
                                         prefix=f".{source_name}.", suffix=".tmp", delete=False) as handle:
            tmp_name = handle.name
            handle.writelines(lines)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise StoreError(f"{target}: cannot write the import ({exc.strerror or exc}); "
                         "check that the knowledge-base folder is writable") from exc
    finally:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
    return target


def import_files(kb_dir: str | os.PathLike) -> list[Path]:
    """The stored import files of a knowledge base, in name order (none: an empty list)."""
    folder = imports_dir(kb_dir)
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def read_imports(kb_dir: str | os.PathLike) -> list[tuple[dict, str]]:
    """Read every stored import of a knowledge base back as (record, source) pairs.

    Files are read in name order, records in file order; ``members_of`` entries come back
    as tuples. A knowledge base without imports gives an empty list.

    Raises:
        ConfigError: a stored file is damaged (named with its line); re-run the import.
    """
    pairs: list[tuple[dict, str]] = []
    for path in import_files(kb_dir):
        with path.open("r", encoding="utf-8") as handle:
            for line_number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{path}: line {line_number} is not valid JSON ({exc.msg}); "
                                      "the stored import is damaged: run the import again") from exc
                if not isinstance(record, dict) or not str(record.get("name", "")).strip():
                    raise ConfigError(f"{path}: line {line_number} is not a record with a name; "
                                      "the stored import is damaged: run the import again")
                if "members_of" in record:
                    record["members_of"] = [tuple(m) for m in record["members_of"]]
                pairs.append((record, record.get("source") or f"import:{path.stem}"))
    return pairs


# --------------------------------------------------------------------------- linking


def merge_key(record: dict) -> list[str]:
    """Keys under which two records of different sources are the same organisation.

    Strongest first: ``ror:<id>``, ``wikidata:<QID>``, ``domain:<host>`` and
    ``name:<normalised name>@<country>`` for the name and each alias and label (only when
    the country is known).

    >>> merge_key({"name": "The University of Oxford", "country": "GB", "ror": "052gg0110",
    ...            "wikidata": ["Q34433"], "domains": ["www.ox.ac.uk"]})
    ['ror:052gg0110', 'wikidata:Q34433', 'domain:ox.ac.uk', 'name:university of oxford@GB']
    """
    def listed(value: object) -> list[str]:
        return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]

    keys = [f"ror:{_ror_id(r) or r.strip().lower()}" for r in listed(record.get("ror")) if r.strip()]
    keys += [f"wikidata:{q.strip().upper()}" for q in listed(record.get("wikidata")) if q.strip()]
    keys += [f"domain:{_host(d)}" for d in listed(record.get("domains")) if _host(d)]
    country = str(record.get("country") or "").strip().upper()
    if country:
        labels = record.get("labels") or {}
        names = [record.get("name") or "", *listed(record.get("aliases")), *labels.values()]
        keys += [f"name:{normalize_name(n)}@{country}" for n in names if normalize_name(n)]
    return list(dict.fromkeys(keys))


def link_records(records: list[dict], kinds: Iterable[str] = ("ror", "wikidata", "domain", "name")) -> list[list[int]]:
    """Group records (by index) that share a :func:`merge_key` of the given kinds.

    Groups are transitive (a ROR record and a Hipo record sharing a domain, and a CSV row
    sharing the ROR ID, form one group); each group is sorted, groups by first index.
    Caveat: in ROR, faculties and institutes often share their university's domain, so
    ``domain`` keys chain them into one group; link on ``("ror", "wikidata")`` first and use
    ``domain`` and ``name`` only for records without identifiers (such as Hipo's).

    >>> link_records([{"name": "A", "domains": ["a.edu"]}, {"name": "B"}, {"name": "A U", "domains": ["www.a.edu"]}])
    [[0, 2], [1]]
    """
    kinds = tuple(kinds)
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        for key in merge_key(record):
            if key.split(":", 1)[0] not in kinds:
                continue
            if key in seen:
                a, b = find(seen[key]), find(index)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                seen[key] = index
    groups: dict[int, list[int]] = {}
    for index in range(len(records)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])


# --------------------------------------------------------------------------- helpers


def _ror_id(value: str) -> str | None:
    """The 9-character ROR ID of an ID or ``https://ror.org/`` URL, or None."""
    value = value.strip()
    match = _ROR_URL.match(value)
    if match:
        return match.group(1).lower()
    return value.lower() if _ROR_ID.match(value.lower()) else None


def _host(value: str) -> str:
    """The lowercase host of a URL or domain, without ``www.`` and port."""
    value = (value or "").strip()
    if not value:
        return ""
    host = urlsplit(value if "//" in value else "//" + value).hostname or ""
    return host.lower().rstrip(".").removeprefix("www.")


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if isinstance(v, str) and v.strip()))
