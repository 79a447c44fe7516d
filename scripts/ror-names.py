"""Derive data/gazetteer/ror-names.toml: the other names (in Latin script) that ROR gives for the
universities our curated gazetteer already holds, so that "Universität Leipzig" or "Georg-August-
Universität Göttingen" in a text is found as the curated Leipzig University or University of Göttingen.

Facts only (names, ROR IDs), from the CC0 ROR records in ../shared/reference; the reference files
themselves are never copied. A curated university is matched to exactly one active ROR record of its
country by one of its names or aliases; a ROR name (its display name or a label in another language)
is added only when no other curated entry has it, it has two
words or more, and it is written in Latin script. Reproducible: the same inputs give the same file.

usage: python scripts/ror-names.py [../shared/reference/ror_education_records.jsonl] [-o data/gazetteer/ror-names.toml]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gazetteer import load_gazetteer, normalize_name  # noqa: E402


def latin(name: str) -> bool:
    """Whether every letter of ``name`` is a Latin letter (accents allowed)."""
    return all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def ror_names(record: dict) -> list[str]:
    """The record's name and its names in other languages (its aliases are left out: many are former
    names of merged or renamed institutions)."""
    return [n.strip() for n in (record["name"], *(label["value"] for label in record.get("labels", []))) if n.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="?", default=str(ROOT.parent / "shared/reference/ror_education_records.jsonl"))
    parser.add_argument("-o", "--output", default=str(ROOT / "data/gazetteer/ror-names.toml"))
    args = parser.parse_args()
    output = Path(args.output)
    gazetteer = load_gazetteer([p for p in sorted((ROOT / "data/gazetteer").glob("*.toml")) if p.resolve() != output.resolve()])
    curated = [e for e in gazetteer.entries.values() if e.kind == "University" and e.country]
    taken: dict[str, str] = {}  # a name of any curated entry -> its key
    for entry in gazetteer.entries.values():
        for name in (entry.name, *entry.aliases):
            taken.setdefault(normalize_name(name), entry.key)
    by_name: dict[tuple[str, str], set[str]] = {}
    records: dict[str, dict] = {}
    with open(args.records, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("status", "active") != "active" or not record.get("country_code"):
                continue
            records[record["ror_id"]] = record
            for name in [*ror_names(record), *(a.strip() for a in record.get("aliases", []))]:
                by_name.setdefault((normalize_name(name), record["country_code"].upper()), set()).add(record["ror_id"])
    added: list[tuple[str, str, str, list[str]]] = []
    for entry in sorted(curated, key=lambda e: e.key):
        found = set().union(*(by_name.get((normalize_name(n), entry.country.upper()), set()) for n in (entry.name, *entry.aliases)))
        if len(found) != 1:
            continue  # none, or more than one record: no guess
        record = records[found.pop()]
        own = {normalize_name(n) for n in (entry.name, *entry.aliases)}
        names = []
        for name in dict.fromkeys(ror_names(record)):
            norm = normalize_name(name)
            if norm in own or len(name.split()) < 2 or not latin(name) or taken.get(norm, entry.key) != entry.key:
                continue
            names.append(name)
            own.add(norm)
        if names:
            added.append((entry.name, entry.country, record["ror_id"], names))
    with open(output, "w", encoding="utf-8") as out:
        out.write("# Gazetteer: other names of curated universities, derived by scripts/ror-names.py from the CC0\n"
                  "# ROR records in ../shared/reference (facts only: names and ROR IDs). Do not edit by hand: rerun\n"
                  "# the script. Each record merges into the curated entry of the same name and country.\n")
        for name, country, ror, names in added:
            out.write(f"\n[[entity]]\nname = {json.dumps(name, ensure_ascii=False)}\ntype = \"University\"\n"
                      f"country = \"{country}\"\nror = \"{ror}\"\n"
                      f"aliases = [{', '.join(json.dumps(n, ensure_ascii=False) for n in names)}]\n")
    print(f"{len(added)} curated universities, {sum(len(n) for *_, n in added)} names -> {output}")


if __name__ == "__main__":
    main()
