"""Derive data/gazetteer/ror-campuses.toml: universities whose name is another university's name, a
comma and the city they are in ("University of Nevada, Reno", "California State University, Long
Beach", "University of Natural Resources and Life Sciences, Vienna"), so that extraction finds the
whole name instead of stopping at the comma and taking the campus for its system.

Facts only (names, countries, cities, ROR IDs), from the CC0 ROR records in ../shared/reference; the
reference files themselves are never copied. A record qualifies when its display name, an English
label or an alias has exactly one comma, the part before it names a university (two words or more, a head word
such as "University" or "College" and a word of its own, not only words that recur in universities'
names such as "Technology": "University of Technology, Khartoum" is left out), the part after it is the record's city (or words of it, "Baltimore
County" in Baltimore) in capitalised words, and everything is in Latin script. Records whose name a
curated entry already has merge into it (same name and country); a record named otherwise ("BOKU
University") keeps that name as an alias. A name whose first part no other campus shares ("Anna
University, Chennai") is left out, unless the record is named otherwise: that is a university and
its seat, not one campus of a system ("University of Nevada, Reno" and "University of Nevada, Las Vegas"). Reproducible: the same inputs give the same file.

usage: python scripts/ror-campuses.py [../shared/reference/ror_education_records.jsonl] [-o data/gazetteer/ror-campuses.toml]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: words that make the part before the comma a university's name
HEADS = frozenset({"University", "College", "Institute", "Polytechnic", "Universidad", "Université", "Universität",
                   "Universiti", "Universitas", "Academy"})


#: words that recur in universities' names (kg/extract/places.toml): a name of these alone ("University of
#: Technology", "Government College") is many universities', and its campuses would be found in all of them
NAME_WORDS = frozenset(tomllib.loads((ROOT / "kg/extract/places.toml").read_text(encoding="utf-8"))["name_words"]) | HEADS


def latin(name: str) -> bool:
    """Whether every letter of ``name`` is a Latin letter (accents allowed)."""
    return all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def english_names(record: dict) -> list[str]:
    """The record's display name, its English labels and its aliases, each once."""
    labels = [label["value"] for label in record.get("labels", []) if label.get("lang") in ("en", None)]
    return list(dict.fromkeys(n.strip() for n in (record["name"], *labels, *record.get("aliases", [])) if n.strip()))


def campus_name(name: str, city: str) -> bool:
    """Whether ``name`` is a university's name, a comma and (words of) its city.

    >>> campus_name("University of Nevada, Reno", "Reno"), campus_name("University of Maryland, Baltimore County", "Baltimore")
    (True, True)
    >>> campus_name("Kyoto Institute of Economic Research, Kyoto University", "Kyoto"), campus_name("University of Bergen, Norway", "Bergen")
    (False, False)
    >>> campus_name("University of Technology, Khartoum", "Khartoum")  # no word of its own before the comma
    False
    """
    if name.count(", ") != 1 or not latin(name):
        return False
    base, tail = name.split(", ")
    words = tail.split()
    own = [w for w in base.split() if w[:1].isupper() and w not in NAME_WORDS]
    return len(base.split()) >= 2 and bool(HEADS.intersection(base.split())) and bool(own) and tail not in base \
        and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not HEADS.intersection(words) \
        and (tail == city or any(w in city.split() for w in words))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="?", default=str(ROOT.parent / "shared/reference/ror_education_records.jsonl"))
    parser.add_argument("-o", "--output", default=str(ROOT / "data/gazetteer/ror-campuses.toml"))
    args = parser.parse_args()
    found: dict[tuple[str, str], tuple[str, str, str]] = {}  # (name, country) -> (city, ROR ID, display name)
    with open(args.records, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            country, city = (record.get("country_code") or "").upper(), (record.get("city") or "").strip()
            if record.get("status", "active") != "active" or not country or not city:
                continue
            for name in english_names(record):
                if campus_name(name, city) and name.split(", ")[0] != record["name"].strip():
                    found.setdefault((name, country), (city, record["ror_id"], record["name"].strip()))
    campuses = Counter((name.split(", ")[0], country) for name, country in found)
    found = {(name, country): value for (name, country), value in found.items()
             if campuses[name.split(", ")[0], country] >= 2 or not value[2].startswith(name.split(", ")[0])}
    # ("University of Nevada, Reno" and "..., Las Vegas": campuses of one system; "Anna University, Chennai", the
    # only one: a university and its seat, whose name is the part before the comma)
    output = Path(args.output)
    with open(output, "w", encoding="utf-8") as out:
        out.write("# Gazetteer: universities named as another university's name, a comma and their city, derived by\n"
                  "# scripts/ror-campuses.py from the CC0 ROR records in ../shared/reference (facts only: names,\n"
                  "# countries, cities and ROR IDs). Do not edit by hand: rerun the script.\n")
        for (name, country), (city, ror, display) in sorted(found.items()):
            aliases = f"aliases = [{json.dumps(display, ensure_ascii=False)}]\n" if display != name and latin(display) else ""
            out.write(f"\n[[entity]]\nname = {json.dumps(name, ensure_ascii=False)}\ntype = \"University\"\n{aliases}"
                      f"country = \"{country}\"\ncity = {json.dumps(city, ensure_ascii=False)}\nror = \"{ror}\"\n")
    print(f"{len(found)} universities -> {output}")


if __name__ == "__main__":
    main()
