"""Importers of outside organisation lists (kg.importers): ROR v2 dump, Hipo list, curated CSV.

The fixtures in tests/data/importers/ are written by hand (a few well-known and invented
organisations in each format); bad inputs are made from them in tmp_path. The last test
reads the real reference files of ../shared/reference when they are present.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from kg import importers
from kg.errors import ConfigError, StoreError
from kg.gazetteer import build_gazetteer
from kg.importers import (
    link_records,
    load_import,
    merge_key,
    read_csv,
    read_hipo,
    read_imports,
    read_ror,
    write_import,
)

DATA = Path(__file__).parent / "data" / "importers"
ROR = DATA / "ror_v2_sample.json"
HIPO = DATA / "hipo_sample.json"
MEMBERS = DATA / "members.csv"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference"


def by_name(records: list[dict]) -> dict[str, dict]:
    return {r["name"]: r for r in records}


def raises(path, fmt: str = "auto") -> str:
    with pytest.raises(ConfigError) as info:
        load_import(path, fmt)
    return str(info.value)


# --------------------------------------------------------------------------- ROR


def test_importers_ror_reads_every_record_with_fields():
    records = list(read_ror(ROR))
    assert len(records) == 7
    thu = by_name(records)["Tsinghua University"]
    assert thu == {
        "name": "Tsinghua University", "type": "University", "acronyms": ["THU"],
        "aliases": ["Qinghua University"], "labels": {"zh": "清华大学"}, "country": "CN", "city": "Beijing",
        "founded": "1911", "wikidata": ["Q16955"], "ror": ["03cve4549"], "domains": ["tsinghua.edu.cn"],
        "status": "active", "source": "ror:ror_v2_sample.json",
    }


def test_importers_ror_multilingual_labels_and_aliases():
    records = by_name(read_ror(ROR))
    msu = records["Lomonosov Moscow State University"]
    # first Russian label is the label, a second Russian label and the English label become aliases
    assert msu["labels"] == {"ru": "Московский государственный университет имени М. В. Ломоносова"}
    assert msu["aliases"] == ["МГУ имени Ломоносова", "Moscow State University"]
    assert msu["acronyms"] == ["MSU"]
    # a non-English display name is also its language's label; English and language-less labels are aliases
    sol = records["Universidad del Sol Naciente"]
    assert sol["labels"] == {"es": "Universidad del Sol Naciente"}
    assert sol["aliases"] == ["Rising Sun University", "UniSol Sevilla"]
    assert sol["founded"] is None


def test_importers_ror_wikidata_preferred_first_and_website_hosts():
    msu = by_name(read_ror(ROR))["Lomonosov Moscow State University"]
    assert msu["wikidata"] == ["Q99999999", "Q13164"]
    assert msu["domains"] == ["msu.ru"]  # http://www.msu.ru:80/ -> msu.ru
    lab = by_name(read_ror(ROR))["Quasar Optics Laboratory"]
    assert lab["domains"] == ["quasar-lab.example.org"]  # domains and website host, deduplicated


def test_importers_ror_withdrawn_and_inactive_keep_status():
    records = by_name(read_ror(ROR))
    assert records["Old Harbour College"]["status"] == "withdrawn"
    assert records["Pädagogische Hochschule Rheinblick"]["status"] == "inactive"
    gazetteer = build_gazetteer((r, r["source"]) for r in records.values())
    assert gazetteer.get("old-harbour-college").active is False
    assert gazetteer.get("tsinghua-university").active is True


def test_importers_ror_types():
    records = by_name(read_ror(ROR))
    assert records["Tsinghua University"]["type"] == "University"  # education + funder
    assert records["Quasar Optics Laboratory"]["type"] == "ResearchInstitute"  # facility, "Laboratory"
    assert records["Bluewater Publishing"]["type"] == "Organization"
    assert records["Bluewater Publishing"]["country"] is None  # no locations


def test_importers_ror_zip_input(tmp_path):
    archive = tmp_path / "v9.9-2030-01-01-ror-data.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("v9.9-2030-01-01-ror-data.json", "[]")  # a schema v1 file beside it is ignored
        zf.writestr("v9.9-2030-01-01-ror-data_schema_v2.json", ROR.read_text(encoding="utf-8"))
        zf.writestr("v9.9-2030-01-01-ror-data.csv", "id,name\n")
    records = load_import(archive, "ror")
    assert [r["name"] for r in records] == [r["name"] for r in read_ror(ROR)]
    assert records[0]["source"] == "ror:v9.9-2030-01-01-ror-data.zip"
    assert importers.detect_format(archive) == "ror"


def test_importers_ror_zip_with_one_json_and_gzip(tmp_path):
    single = tmp_path / "dump.zip"
    with zipfile.ZipFile(single, "w") as zf:
        zf.writestr("records.json", ROR.read_text(encoding="utf-8"))
    assert len(load_import(single, "ror")) == 7
    gz = tmp_path / "dump.json.gz"
    gz.write_bytes(gzip.compress(ROR.read_bytes()))
    assert len(load_import(gz, "ror")) == 7


def test_importers_ror_zip_ambiguous_or_empty(tmp_path):
    several = tmp_path / "several.zip"
    with zipfile.ZipFile(several, "w") as zf:
        zf.writestr("a.json", "[]")
        zf.writestr("b.json", "[]")
    assert raises(several, "ror") == (f"{several}: the zip archive holds several JSON files (a.json, b.json); "
                                      "unpack it and give the one to import")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "nothing")
    assert raises(empty, "ror") == (f"{empty}: the zip archive holds no .json file; give the ROR dump zip "
                                    "(with *ror-data*_schema_v2.json) or the .json itself")


def test_importers_ror_streams_records_across_chunks(monkeypatch):
    expected = list(read_ror(ROR))
    monkeypatch.setattr(importers, "_CHUNK", 7)  # every record spans many tiny reads
    assert list(read_ror(ROR)) == expected


# --------------------------------------------------------------------------- Hipo


def test_importers_hipo_reads_records():
    records = list(read_hipo(HIPO))
    assert len(records) == 5
    poly = by_name(records)["Example Polytechnic of the Highlands"]
    assert poly["type"] == "University"
    assert poly["country"] == "GB"
    assert poly["domains"] == ["student.highlands-poly.example.ac.uk", "highlands-poly.example.ac.uk"]
    assert poly["source"] == "hipo:hipo_sample.json"
    assert by_name(records)["Lakeside Institute of Technology"]["domains"] == ["lit.example.edu"]  # from web_pages
    assert by_name(records)["Tsinghua University"]["domains"] == ["tsinghua.edu.cn", "mails.tsinghua.edu.cn"]


def test_importers_hipo_and_ror_merge_in_gazetteer():
    records = [*read_ror(ROR), *read_hipo(HIPO)]
    gazetteer = build_gazetteer((r, r["source"]) for r in records)
    thu = gazetteer.get("tsinghua-university")
    assert thu.sources == ("ror:ror_v2_sample.json", "hipo:hipo_sample.json")
    assert thu.ror == ("03cve4549",)
    assert gazetteer.by_host("mails.tsinghua.edu.cn").name == "Tsinghua University"
    assert gazetteer.lookup("清华大学")[0].key == "tsinghua-university"


# --------------------------------------------------------------------------- CSV


def test_importers_csv_reads_members():
    records = by_name(read_csv(MEMBERS))
    assert len(records) == 5  # the second Tomsk row is combined with the first
    asrtu = records["Association of Sino-Russian Technical Universities"]
    assert asrtu["type"] == "Alliance" and asrtu["acronyms"] == ["ASRTU"]
    assert records["Priority 2030"]["type"] == "Program"
    ysu = records["Yanshan University"]
    assert ysu["type"] == "University"  # the default
    assert ysu["members_of"] == [("ASRTU", "observer", "2023")]
    assert ysu["source"] == "csv:members.csv"


def test_importers_csv_normalises_and_combines_rows():
    tpu = by_name(read_csv(MEMBERS))["Tomsk Polytechnic University"]
    assert tpu["country"] == "RU"
    assert tpu["wikidata"] == ["Q1327542"]
    assert tpu["ror"] == ["00a45v709"]
    assert tpu["domains"] == ["tpu.ru"]
    assert tpu["aliases"] == ["Tomsk Polytechnic", "Tomsk Polytechnic Institute, 1896-1944"]
    assert tpu["members_of"] == [("ASRTU", "founding", "2011"), ("Example Alliance", "member", None)]
    assert tpu["participates_in"] == ["Priority 2030"]


def test_importers_csv_role_and_since_per_alliance():
    bmstu = by_name(read_csv(MEMBERS))["Bauman Moscow State Technical University"]
    assert bmstu["members_of"] == [("ASRTU", "founding", "2011"), ("Example Alliance", "member", "2020")]
    assert bmstu["aliases"] == ["Bauman University", "Baumanka"]


def test_importers_csv_optional_columns(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("name,country,labels,city,founded,status\n"
                    "Tsinghua University,CN,zh=清华大学;en-GB=Tsinghua,Beijing,1911,active\n", encoding="utf-8")
    [record] = load_import(path, "csv")
    assert record["labels"] == {"en-GB": "Tsinghua", "zh": "清华大学"}
    assert (record["city"], record["founded"], record["status"]) == ("Beijing", "1911", "active")


def test_importers_module_docstring_example_parses(tmp_path):
    example = importers.__doc__.split("Example::")[1].split(">>>")[0]
    path = tmp_path / "example.csv"
    path.write_text("\n".join(line.strip() for line in example.strip().splitlines()) + "\n", encoding="utf-8")
    records = by_name(load_import(path, "csv"))
    assert records["Yanshan University"]["members_of"] == [("ASRTU", "observer", "2023")]
    assert records["Tomsk Polytechnic University"]["participates_in"] == ["Priority 2030"]


@pytest.mark.parametrize(("row", "message"), [
    (",University,,,,,,,,,,", "row #1 (line 2, 'no name'): empty 'name'; every row needs the organisation's name"),
    ("X,College,,,,,,,,,,", "row #1 (line 2, 'X'): type 'College' is not one of Alliance, Country, Organization, "
                            "Program, Ranking, ResearchInstitute, University"),
    ("X,,,,Russia,,,,,,,", "row #1 (line 2, 'X'): country 'Russia' is not an ISO 3166-1 alpha-2 code (like RU)"),
    ("X,,,,,13164,,,,,,", "row #1 (line 2, 'X'): wikidata '13164' is not a Wikidata QID (like Q13164)"),
    ("X,,,,,,ror.org/abc,,,,,", "row #1 (line 2, 'X'): ror 'ror.org/abc' is not a ROR ID "
                                "(like 03cve4549 or https://ror.org/03cve4549)"),
    ("X,,,,,,,,ASRTU,chair,,", "row #1 (line 2, 'X'): role 'chair' is not one of member, founding, observer, "
                               "associate, former"),
    ("X,,,,,,,,ASRTU,,last year,", "row #1 (line 2, 'X'): since 'last year' is not a year (like 2011) or ISO date"),
    ("X,,,,,,,,,observer,,", "row #1 (line 2, 'X'): 'role' is set but 'member_of' is empty; name the alliance"),
    ("X,,,,,,,,A;B;C,,2011;2012,", "row #1 (line 2, 'X'): 2 since values for 3 alliances in 'member_of'; "
                                   "give one value, or one per alliance"),
    ("X,,,,,,,,,,,,,extra", "row #1 (line 2) has more fields than the header; quote values that contain commas"),
])
def test_importers_csv_bad_rows(tmp_path, row, message):
    path = tmp_path / "bad.csv"
    path.write_text(",".join(importers.CSV_COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    assert raises(path, "csv") == f"{path}: {message}"


def test_importers_csv_bad_header(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("university,country\nX,RU\n", encoding="utf-8")
    assert raises(path, "csv") == (f"{path}: the first line must be a header with a 'name' column (found 'university', "
                                   f"'country'); expected columns: {','.join(importers.CSV_COLUMNS)}")
    path.write_text("name,homepage\nX,x.org\n", encoding="utf-8")
    assert raises(path, "csv").startswith(f"{path}: unknown column(s) homepage; allowed: name, type, acronyms,")


# --------------------------------------------------------------------------- bad input files


def test_importers_hipo_file_given_as_ror():
    assert raises(HIPO, "ror") == (f"{HIPO}: record #1 ('Tsinghua University') is a Hipo university-domains record, "
                                   "not a ROR record; import this file with --format hipo")


def test_importers_ror_file_given_as_hipo_or_csv():
    assert raises(ROR, "hipo") == (f"{ROR}: record #1 (https://ror.org/03cve4549) is a ROR record, not a Hipo "
                                   "record; import this file with --format ror")
    assert raises(ROR, "csv") == (f"{ROR}: is JSON, not CSV; import a ROR dump with --format ror or the Hipo list "
                                  "with --format hipo")


def test_importers_csv_given_as_ror():
    assert raises(MEMBERS, "ror") == (f"{MEMBERS}: is not JSON (it starts with 'name,type,acronyms,a'); expected a "
                                      "ROR schema-v2 data dump (one JSON array of records); for a CSV member list "
                                      "use --format csv")


def test_importers_ror_schema_v1_record(tmp_path):
    path = tmp_path / "v1.json"
    path.write_text(json.dumps([{"id": "https://ror.org/03cve4549", "name": "Tsinghua University", "types": ["Education"]}]))
    assert raises(path, "ror") == (f"{path}: record #1 (https://ror.org/03cve4549) is in ROR schema v1; "
                                   "use the *_schema_v2.json file of the ROR dump")


def test_importers_json_object_instead_of_array(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(json.loads(ROR.read_text(encoding="utf-8"))[0]), encoding="utf-8")
    assert raises(path, "ror") == (f"{path}: holds a single JSON object, not an array of records; expected a ROR "
                                   "schema-v2 data dump (one JSON array of records) (a file that starts with '[')")


def test_importers_pdf(tmp_path):
    path = tmp_path / "ror.json"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert raises(path, "ror") == f"{path}: is a PDF document, not a ROR schema-v2 data dump (one JSON array of " \
                                  "records); give the data file itself"
    assert raises(path, "csv") == f"{path}: is a PDF document, not a CSV member list; give the data file itself"
    assert raises(path) == (f"{path}: is a PDF document, not an import file (ROR dump, Hipo list or CSV); "
                            "give the data file itself")


def test_importers_truncated_json(tmp_path):
    text = ROR.read_text(encoding="utf-8")
    path = tmp_path / "cut.json"
    path.write_text(text[: text.index('"Lomonosov') + 5], encoding="utf-8")
    assert raises(path, "ror") == (f"{path}: ends in the middle of record #2 (after record #1 "
                                   "https://ror.org/03cve4549); the file is truncated: download it again")
    end_of_record_4 = text.index("\n", text.index("Old Harbour"))
    path.write_text(text[: end_of_record_4 - 1], encoding="utf-8")  # "...}" without the comma
    assert raises(path, "ror") == (f"{path}: ends after record #4 (record #4 https://ror.org/0zzzzzz11) without "
                                   "closing the array; the file is truncated: download it again")
    path.write_text(text[:end_of_record_4], encoding="utf-8")  # "...}," : the next record is missing
    assert raises(path, "ror") == (f"{path}: ends in the middle of record #5 (after record #4 "
                                   "https://ror.org/0zzzzzz11); the file is truncated: download it again")


def test_importers_invalid_json_names_line(tmp_path):
    text = HIPO.read_text(encoding="utf-8").replace('"Spain",', '"Spain";', 1)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    assert raises(path, "hipo") == (f"{path}: invalid JSON in record #4 (after record #3 'Example Polytechnic of the "
                                    "Highlands'): Expecting ',' delimiter at line 30 column 23; fix or download "
                                    "the file again")


def test_importers_record_missing_name(tmp_path):
    records = json.loads(ROR.read_text(encoding="utf-8"))
    records[2]["names"] = [n for n in records[2]["names"] if "ror_display" not in n["types"]]
    path = tmp_path / "noname.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert raises(path, "ror") == (f"{path}: record #3 (https://ror.org/0abcde123): no 'ror_display' name; every ROR "
                                   "record needs one: fix or drop the record")
    hipo = json.loads(HIPO.read_text(encoding="utf-8"))
    hipo[1]["name"] = " "
    path.write_text(json.dumps(hipo), encoding="utf-8")
    assert raises(path, "hipo") == (f"{path}: record #2 (domains spbu.ru) has no 'name'; every record needs the "
                                    "university's name: fix or drop the record")


def test_importers_load_import_raises_before_returning(tmp_path):
    """A bad record at the end: the reader yields the good ones first, load_import returns nothing."""
    records = json.loads(HIPO.read_text(encoding="utf-8"))
    records.append({"domains": ["x.example"], "web_pages": []})
    path = tmp_path / "late.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    reader = read_hipo(path)
    assert next(reader)["name"] == "Tsinghua University"
    with pytest.raises(ConfigError, match=r"record #6 \(domains x.example\) has no 'name'"):
        load_import(path, "hipo")


def test_importers_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert raises(empty, "ror") == f"{empty}: holds no records; nothing to import"
    blank = tmp_path / "blank.json"
    blank.write_text("  \n", encoding="utf-8")
    assert raises(blank, "hipo").startswith(f"{blank}: is empty; expected the Hipo")
    missing = tmp_path / "missing.json"
    assert raises(missing, "ror") == f"{missing}: file not found; check the path"
    assert raises(ROR, "xml") == "unknown import format 'xml'; use one of ror, ror-jsonl, hipo, csv or auto"


def test_importers_detect_format():
    assert [importers.detect_format(p) for p in (ROR, HIPO, MEMBERS)] == ["ror", "hipo", "csv"]
    assert len(load_import(HIPO)) == 5


# --------------------------------------------------------------------------- storing


def test_importers_write_is_idempotent_and_atomic(tmp_path):
    records = load_import(ROR, "ror")
    path = write_import(tmp_path / "kb", records, "ror-sample")
    assert path == tmp_path / "kb" / "gazetteer" / "ror-sample.jsonl"
    first = path.read_bytes()
    assert write_import(tmp_path / "kb", load_import(ROR, "ror"), "ror-sample").read_bytes() == first
    assert len(first.splitlines()) == 7
    assert "清华大学".encode() in first  # stored as UTF-8, not escaped
    assert sorted(p.name for p in path.parent.iterdir()) == ["ror-sample.jsonl"]  # no temp file left


def test_importers_write_failure_keeps_previous_file(tmp_path, monkeypatch):
    path = write_import(tmp_path, load_import(HIPO, "hipo"), "hipo")
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importers.os, "replace", fail)
    with pytest.raises(StoreError, match="cannot write the import"):
        write_import(tmp_path, load_import(ROR, "ror"), "hipo")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["hipo.jsonl"]


def test_importers_write_rejects_bad_names_and_records(tmp_path):
    with pytest.raises(ConfigError, match="import name '../x' must be letters"):
        write_import(tmp_path, [], "../x")
    with pytest.raises(ConfigError, match=r"import 'x': record #2 \('Y'\) has type 'College'"):
        write_import(tmp_path, [{"name": "X", "type": "University"}, {"name": "Y", "type": "College"}], "x")
    assert not (tmp_path / "gazetteer" / "x.jsonl").exists()


def test_importers_round_trip(tmp_path):
    ror, hipo, members = load_import(ROR, "ror"), load_import(HIPO, "hipo"), load_import(MEMBERS, "csv")
    write_import(tmp_path, ror, "ror")
    write_import(tmp_path, hipo, "hipo")
    write_import(tmp_path, members, "members")
    write_import(tmp_path, [{"name": "Plain University", "type": "University"}], "plain")
    pairs = read_imports(tmp_path)
    # files in name order: hipo, members, plain, ror
    assert [r for r, _ in pairs] == [*hipo, *members, {"name": "Plain University", "type": "University",
                                                       "source": "import:plain"}, *ror]
    assert {s for _, s in pairs} == {"hipo:hipo_sample.json", "csv:members.csv", "import:plain",
                                     "ror:ror_v2_sample.json"}
    assert by_name(r for r, _ in pairs)["Yanshan University"]["members_of"] == [("ASRTU", "observer", "2023")]
    assert len(build_gazetteer(pairs).entries) == 16  # 18 records, Tsinghua and Sol Naciente merged


def test_importers_read_imports_empty_and_damaged(tmp_path):
    assert read_imports(tmp_path) == []
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "broken.jsonl").write_text('{"name": "A", "type": "University"}\n{"name": \n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_imports(tmp_path)
    assert str(info.value) == (f"{folder / 'broken.jsonl'}: line 2 is not valid JSON (Expecting value); the stored "
                               "import is damaged: run the import again")


# --------------------------------------------------------------------------- linking


def test_importers_merge_key():
    thu = by_name(read_ror(ROR))["Tsinghua University"]
    assert merge_key(thu) == ["ror:03cve4549", "wikidata:Q16955", "domain:tsinghua.edu.cn",
                              "name:tsinghua university@CN", "name:qinghua university@CN", "name:清华大学@CN"]
    assert merge_key({"name": "X", "ror": "https://ror.org/03CVE4549", "wikidata": "q1"}) == ["ror:03cve4549",
                                                                                               "wikidata:Q1"]
    assert merge_key({"name": "No Country University"}) == []


def test_importers_link_records_across_sources():
    records = [*read_ror(ROR), *read_hipo(HIPO), *read_csv(MEMBERS)]
    names = [r["name"] for r in records]
    groups = [[names[i] for i in g] for g in link_records(records) if len(g) > 1]
    assert groups == [["Tsinghua University", "Tsinghua University"],
                      ["Universidad del Sol Naciente", "Universidad del Sol Naciente"]]
    by_domain_only = link_records(records, kinds=("domain",))
    assert len(by_domain_only) == len(records) - 2


# --------------------------------------------------------------------------- real reference data


@pytest.mark.shared
def test_importers_shared_reference_counts():
    ror_path, hipo_path = SHARED / "ror_v2_education.json", SHARED / "world_universities_and_domains.json"
    if not (ror_path.is_file() and hipo_path.is_file()):
        pytest.skip(f"reference data not found in {SHARED}")
    ror = load_import(ror_path, "ror")
    assert len(ror) == 10_654
    assert sum(r["status"] == "withdrawn" for r in ror) == 56
    assert sum(r["status"] == "inactive" for r in ror) == 188
    assert sum(bool(r["wikidata"]) for r in ror) == 7_967
    assert by_name(ror)["University of Oxford"]["ror"] == ["052gg0110"]
    hipo = load_import(hipo_path, "hipo")
    assert len(hipo) == 10_251
    assert len({r["country"] for r in hipo}) == 200


def test_importers_flattened_ror_jsonl(tmp_path):
    path = tmp_path / "flat.jsonl"
    path.write_text(
        '{"ror_id": "0abcdef12", "name": "Brightwater University", "acronyms": ["BWU"], "aliases": ["Brightwater Uni"], '
        '"labels": [{"lang": "zh", "value": "明水大学"}, {"lang": "en", "value": "University of Brightwater"}], '
        '"country_code": "ru", "city": "Kazan", "established": 1958, "domains": [], "websites": ["https://www.bwu.example/"], '
        '"wikidata": ["Q999", "Q111"], "wikidata_preferred": "Q111", "types": ["education"], "status": "active"}\n'
        '{"ror_id": "0abcdef13", "name": "Old College", "types": ["education"], "status": "withdrawn"}\n',
        encoding="utf-8")
    records = load_import(path)  # auto-detected from the first line's ror_id
    assert records[0]["name"] == "Brightwater University"
    assert records[0]["aliases"] == ["Brightwater Uni", "University of Brightwater"]
    assert records[0]["labels"] == {"zh": "明水大学"}
    assert (records[0]["country"], records[0]["founded"], records[0]["ror"]) == ("RU", "1958", ["0abcdef12"])
    assert records[0]["wikidata"] == ["Q111", "Q999"]  # preferred first
    assert records[0]["domains"] == ["bwu.example"]
    assert records[1]["status"] == "withdrawn"


def test_importers_flattened_ror_jsonl_bad_line(tmp_path):
    path = tmp_path / "flat.jsonl"
    path.write_text('{"ror_id": "0abcdef12", "name": "A University"}\n{"ror_id": "0abc\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"flat.jsonl line 2: not valid JSON"):
        load_import(path, "ror-jsonl")


def test_importers_csv_field_over_the_csv_limit_is_a_config_error(tmp_path):
    """A field longer than the csv module's 131,072 characters names the line instead of a _csv.Error."""
    path = tmp_path / "huge.csv"
    path.write_text(",".join(importers.CSV_COLUMNS) + "\n" + "X" * 200_000 + ",University\n", encoding="utf-8")
    message = raises(path, "csv")
    assert message.startswith(f"{path}: line 2: not a valid CSV row (field larger than field limit")
