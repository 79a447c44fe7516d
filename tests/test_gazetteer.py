"""Background knowledge: TOML validation, merging, lookups (kg/gazetteer.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.gazetteer import build_gazetteer, builtin_dir, load_gazetteer, normalize_name, read_toml_entries


def _toml(tmp_path, body: str, name: str = "g.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _build(*paths):
    return build_gazetteer((record, path.name) for path in paths for record in read_toml_entries(path))


@pytest.mark.parametrize("body, message", [
    ('[[entity]]\nname = "Brightwater University"\ntype = "University"\nmotto = "Lux"\n',
     "entity #1 ('Brightwater University'): unknown key(s) motto; allowed:"),
    ('[[entity]]\nname = "Brightwater University"\ntype = "University"\nacronyms = "BWU"\n',
     "entity #1 ('Brightwater University'): 'acronyms' must be a list of strings"),
    ('[[entity]]\nname = "Brightwater University"\ntype = "College"\n',
     "entity #1 ('Brightwater University'): type 'College' is not one of"),
    ('[[entity]]\nname = "A University"\ntype = "University"\n\n[[entity]]\ntype = "University"\n',
     "entity #2 ('no name'): missing 'name'"),
    ('[[entity]\nname = "x"\n', "not valid TOML"),
])
def test_gazetteer_validation_error_names_file_and_entry(tmp_path, body, message):
    path = _toml(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        list(read_toml_entries(path))
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)


def test_gazetteer_member_naming_no_entry(tmp_path):
    path = _toml(tmp_path, """
        [[entity]]
        name = "Northern Lakes Alliance"
        type = "Alliance"
        members = ["Nowhere University"]
    """)
    with pytest.raises(ConfigError) as info:
        _build(path)
    assert str(info.value) == ("g.toml: 'Northern Lakes Alliance' members lists 'Nowhere University', which no "
                               "gazetteer entry names; add an [[entity]] for it")


def test_gazetteer_members_of_a_non_alliance(tmp_path):
    path = _toml(tmp_path, """
        [[entity]]
        name = "Brightwater University"
        type = "University"

        [[entity]]
        name = "Frontier 2030"
        type = "Program"
        members = ["Brightwater University"]
    """)
    with pytest.raises(ConfigError) as info:
        _build(path)
    assert str(info.value) == ("g.toml: 'Frontier 2030' has members but is a Program; only an Alliance has members "
                               "(use participants for a Program)")


def test_gazetteer_merges_by_name_across_files(tmp_path):
    first = _toml(tmp_path, """
        [[entity]]
        name = "Brightwater University"
        type = "University"
        acronyms = ["BWU"]
        country = "CN"
    """, "a.toml")
    second = _toml(tmp_path, """
        [[entity]]
        name = "Brightwater University"
        type = "University"
        aliases = ["Brightwater Uni"]
        city = "Brightwater"
        domains = ["www.bwu.edu.cn"]
    """, "b.toml")
    gaz = _build(first, second)
    assert len(gaz) == 1  # two records of one organisation
    entry = gaz.get("brightwater-university")
    assert (entry.acronyms, entry.aliases, entry.country, entry.city) == (("BWU",), ("Brightwater Uni",), "CN",
                                                                          "Brightwater")
    assert entry.domains == ("bwu.edu.cn",)  # www. removed
    assert entry.sources == ("a.toml", "b.toml")


def test_gazetteer_merges_by_wikidata_qid(tmp_path):
    path = _toml(tmp_path, """
        [[entity]]
        name = "Brightwater University"
        type = "University"
        wikidata = "Q99990001"

        [[entity]]
        name = "University of Brightwater"
        type = "University"
        wikidata = ["Q99990001"]
        acronyms = ["UoB"]
    """)
    gaz = _build(path)
    assert list(gaz.entries) == ["brightwater-university"]  # same QID: one entry, first name kept
    entry = gaz.get("brightwater-university")
    assert "University of Brightwater" in entry.aliases
    assert gaz.lookup("UoB") == [entry]


@pytest.mark.parametrize("name", ["Brightwater University", "the Brightwater University", "BRIGHTWATER  university",
                                  "University of Brightwater", "BWU"])
def test_gazetteer_lookup(gazetteer, name):
    assert [e.key for e in gazetteer.lookup(name)] == ["brightwater-university"]


def test_gazetteer_lookup_acronym_is_case_sensitive(gazetteer):
    assert gazetteer.lookup("bwu") == []


@pytest.mark.parametrize("name, normal", [
    ("The Saint Petersburg State University", "st petersburg state university"),
    ("Texas A&M University", "texas a and m university"),
    ("Université Paris-Saclay", "universite paris saclay"),
    ("King’s College London", "kings college london"),
])
def test_gazetteer_normalize_name(name, normal):
    assert normalize_name(name) == normal


@pytest.mark.parametrize("host, key", [
    ("brightwater.edu.cn", "brightwater-university"),
    ("news.brightwater.edu.cn", "brightwater-university"),
    ("www.zit.edu.cn", "zorlan-institute-of-technology"),
    ("english.news.zit.edu.cn", "zorlan-institute-of-technology"),
    ("edu.cn", None),
    ("example.org", None),
])
def test_gazetteer_by_host(gazetteer, host, key):
    entry = gazetteer.by_host(host)
    assert (entry.key if entry else None) == key


@pytest.mark.parametrize("word, code", [("Russian", "RU"), ("Chinese", "CN"), ("Russia", "RU"),
                                        ("Russian Federation", "RU"), ("PRC", "CN"), ("Martian", None)])
def test_gazetteer_country_code(gazetteer, word, code):
    assert gazetteer.country_code(word) == code


def test_gazetteer_links_of_fixture(gazetteer):
    links = {(link.subject, link.predicate, link.object, link.role) for link in gazetteer.links}
    assert links == {  # tests/data/gazetteer.toml: 2 founders, 1 member, 1 observer, 1 participant
        ("northern-lakes-alliance", "founder", "brightwater-university", None),
        ("northern-lakes-alliance", "founder", "kama-state-technical-university", None),
        ("zorlan-institute-of-technology", "memberOf", "northern-lakes-alliance", "member"),
        ("volga-polytechnic-university", "memberOf", "northern-lakes-alliance", "observer"),
        ("kama-state-technical-university", "participatesIn", "frontier-2030", None),
    }
    assert len(gazetteer) == 9  # tests/data/gazetteer.toml has 9 [[entity]] tables


def test_gazetteer_country_key_is_iso_code(gazetteer):
    assert gazetteer.get("ru").name == "Russia"


def test_gazetteer_builtin_has_asrtu_and_founders(builtin_gazetteer):
    [asrtu] = builtin_gazetteer.lookup("ASRTU")
    assert asrtu.name == "Association of Sino-Russian Technical Universities"
    assert asrtu.kind == "Alliance"
    founders = {builtin_gazetteer.get(link.object).name for link in builtin_gazetteer.links_of(asrtu.key)
                if link.predicate == "founder"}
    # data/gazetteer/cn_ru.toml: founders = [HIT, Bauman]
    assert founders == {"Harbin Institute of Technology", "Bauman Moscow State Technical University"}
    members = [link for link in builtin_gazetteer.links if link.object == asrtu.key and link.predicate == "memberOf"]
    assert len(members) > 10


def test_gazetteer_builtin_loads_every_file(builtin_gazetteer):
    sources = {s for entry in builtin_gazetteer.entries.values() for s in entry.sources}
    shipped = {path.name for path in builtin_dir().glob("*.toml")}
    assert sources == shipped
    assert {"countries.toml", "networks.toml", "programmes.toml", "rankings.toml"} <= shipped


def test_gazetteer_missing_path(tmp_path):
    with pytest.raises(ConfigError, match="gazetteer file or folder not found"):
        load_gazetteer([tmp_path / "none"])


def test_gazetteer_env_override(tmp_path, monkeypatch):
    from kg.gazetteer import builtin_dir

    monkeypatch.setenv("KG_GAZETTEER", str(tmp_path))
    assert builtin_dir() == tmp_path


def test_gazetteer_imported_record_joins_curated_entry_on_domain_when_names_nest():
    curated = ({"name": "Indian Institute of Science", "type": "University", "country": "IN",
                "domains": ["iisc.ac.in"]}, "world.toml")
    same = ({"name": "Indian Institute of Science Bangalore", "type": "University", "country": "IN",
             "domains": ["iisc.ac.in"], "ror": ["04dese585"]}, "ror:dump.json")
    unit = ({"name": "Centre for Brain Research", "type": "University", "country": "IN",
             "domains": ["iisc.ac.in"]}, "ror:dump.json")  # shares the domain, names do not nest
    gaz = build_gazetteer([curated, same, unit])
    assert gaz.entries["indian-institute-of-science"].ror == ("04dese585",)
    assert "centre-for-brain-research" in gaz.entries


def test_gazetteer_cache_round_trip(builtin_gazetteer, tmp_path):
    """A gazetteer written to the cache reads back equal: entries, links, blocked names, indexes, fingerprint."""
    from kg.gazetteer import read_gazetteer_cache, write_gazetteer_cache

    builtin_gazetteer.blocked.setdefault("hit", set())  # a set value, as split decisions leave it
    write_gazetteer_cache(builtin_gazetteer, tmp_path / "g.marshal")
    loaded = read_gazetteer_cache(tmp_path / "g.marshal")
    assert (loaded.entries, loaded.links, loaded.blocked) == \
        (builtin_gazetteer.entries, builtin_gazetteer.links, builtin_gazetteer.blocked)
    for index in ("by_name", "by_acronym", "by_domain", "by_wikidata", "by_demonym"):
        assert getattr(loaded, index) == getattr(builtin_gazetteer, index)
    assert loaded.fingerprint() == builtin_gazetteer.fingerprint()
    assert [e.key for e in loaded.lookup("ASRTU")] == [e.key for e in builtin_gazetteer.lookup("ASRTU")]
    builtin_gazetteer.blocked.pop("hit")


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9\x03"])
def test_gazetteer_cache_damaged_is_none(tmp_path, content):
    from kg.gazetteer import read_gazetteer_cache

    (tmp_path / "g.marshal").write_bytes(content)
    assert read_gazetteer_cache(tmp_path / "g.marshal") is None
    assert read_gazetteer_cache(tmp_path / "missing.marshal") is None


def test_gazetteer_cached_rebuilt_only_when_inputs_change(gazetteer, tmp_path):
    """Built once; read from the cache while the input files and details stay the same; built again
    (and the stale file replaced) when a file changes."""
    import os

    from kg.gazetteer import cached_gazetteer

    source = tmp_path / "records.jsonl"
    source.write_text("one\n")
    builds = []

    def build():
        builds.append(1)
        return gazetteer

    def cached(details="x"):
        return cached_gazetteer(tmp_path / "cache", [source], details, build)

    assert cached().entries == gazetteer.entries and len(builds) == 1
    assert cached().entries == gazetteer.entries and len(builds) == 1
    cached("other details")
    source.write_text("two lines\n")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    cached()
    assert len(builds) == 3 and len(list((tmp_path / "cache").glob("gazetteer-*.marshal"))) == 1


def test_gazetteer_fingerprint_follows_the_entries(gazetteer):
    from dataclasses import replace

    from kg.gazetteer import Gazetteer

    copy = Gazetteer(dict(gazetteer.entries), list(gazetteer.links))
    assert copy.fingerprint() == gazetteer.fingerprint()
    copy.entries["zorlan-institute-of-technology"] = replace(copy.entries["zorlan-institute-of-technology"], city="Z")
    copy._index()  # how the entries are changed in place (kg.entities.gazetteer_with_kb)
    assert copy.fingerprint() != gazetteer.fingerprint()


def test_gazetteer_ror_names_only_add_names_to_curated_universities():
    """data/gazetteer/ror-names.toml (scripts/ror-names.py) merges into curated entries: it adds
    names, never an entry of its own, and no name it adds belongs to another entry."""
    from kg.gazetteer import builtin_dir, load_gazetteer

    files = sorted(builtin_dir().glob("*.toml"))
    derived = [f for f in files if f.name == "ror-names.toml"]
    assert derived, "the derived names file is missing: run scripts/ror-names.py"
    without = load_gazetteer([f for f in files if f not in derived])
    full = load_gazetteer(files)
    assert set(full.entries) == set(without.entries)
    added = {key: set(full.entries[key].aliases) - set(without.entries[key].aliases) for key in full.entries}
    assert sum(len(names) for names in added.values()) > 100
    for key, names in added.items():
        for name in names:
            assert {e.key for e in full.lookup(name)} == {key}, (key, name)


def test_gazetteer_ror_campuses_name_a_system_and_a_city():
    """data/gazetteer/ror-campuses.toml (scripts/ror-campuses.py): each entry is a university named as
    its system's name, a comma and its city, so "University of Nevada, Reno" is found whole."""
    from kg.gazetteer import builtin_dir, load_gazetteer, read_toml_entries

    records = list(read_toml_entries(builtin_dir() / "ror-campuses.toml"))
    assert len(records) > 50
    for record in records:
        base, city = record["name"].split(", ")
        assert record["type"] == "University" and any(word in record["city"].split() for word in city.split()), record
    gazetteer = load_gazetteer()
    assert [e.city for e in gazetteer.lookup("University of Nevada, Reno")] == ["Reno"]
    assert not gazetteer.lookup("Anna University, Chennai")  # a university and its seat, no campus


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2] / "shared/reference/ror_education_records.jsonl").exists(),
                    reason="needs ../shared/reference (the ROR records the file is derived from)")
def test_gazetteer_ror_campuses_file_is_what_the_script_derives(tmp_path):
    """The committed file is the script's output on the reference records (rerun the script after changing it)."""
    import subprocess
    import sys

    from kg.gazetteer import builtin_dir

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, str(root / "scripts/ror-campuses.py"), "-o", str(tmp_path / "out.toml")],
                   check=True, capture_output=True)
    assert (tmp_path / "out.toml").read_text(encoding="utf-8") == (builtin_dir() / "ror-campuses.toml").read_text(encoding="utf-8")
