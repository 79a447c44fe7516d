"""Derive kg/extract/places.toml: the cities and regions (states, provinces, counties) that
universities are in, and the words that recur in universities' names, from the CC0 ROR records
in ../shared/reference (facts only: place names and name-word counts; the reference files
themselves are never copied).

Extraction reads it twice (:mod:`kg.extract.mentions`):

- a span the statistical model takes for a person that is a city or region ("Belo Horizonte",
  "Tamil Nadu", "Minas Gerais") is a place, not a person;
- a university whose name says only what it teaches ("University of Engineering and Technology",
  "Federal University of Agriculture": every word a name word, none a place) takes the city
  written after it as part of its name ("..., Lahore"), as such universities are named.

A name word is a capitalised word of three letters or more that occurs in at least
``--min-names`` distinct ROR names of institutions in five countries or more and is no place
and is neither a place nor a word of a country's name (so "Technology" and "Agriculture" are
name words; "Beijing" and "Africa" are not). Reproducible: the same inputs give the same file.

usage: python scripts/ror-places.py [../shared/reference/ror_education_records.jsonl] [-o kg/extract/places.toml]
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def latin(name: str) -> bool:
    """Whether every letter of ``name`` is a Latin letter (accents allowed)."""
    return all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def english_names(record: dict) -> list[str]:
    """The record's display name and its English labels."""
    labels = [label["value"] for label in record.get("labels", []) if label.get("lang") in ("en", None)]
    return [n.strip() for n in (record["name"], *labels) if n.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="?", default=str(ROOT.parent / "shared/reference/ror_education_records.jsonl"))
    parser.add_argument("-o", "--output", default=str(ROOT / "kg/extract/places.toml"))
    parser.add_argument("--min-names", type=int, default=20, help="names a word must occur in to be a name word")
    args = parser.parse_args()
    places: set[str] = set()
    countries: set[str] = set()
    names_of: dict[str, set[str]] = defaultdict(set)  # word -> names it occurs in
    countries_of: dict[str, set[str]] = defaultdict(set)
    with open(args.records, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("status", "active") != "active":
                continue
            for field in ("city", "subdivision"):
                value = (record.get(field) or "").strip()
                if value and latin(value) and value[:1].isupper():
                    places.add(value)
            countries.add((record.get("country_name") or "").strip())
            for name in english_names(record):
                for word in name.replace(",", " ").split():
                    if len(word) >= 3 and word[:1].isupper() and word.isalpha() and latin(word):
                        names_of[word].add(name)
                        countries_of[word].add(record.get("country_code") or "")
    country_words = {w for country in countries for w in country.replace(',', ' ').split()}
    name_words = sorted(w for w, names in names_of.items()
                        if len(names) >= args.min_names and len(countries_of[w]) >= 5 and w not in places and w not in country_words)
    places -= countries
    output = Path(args.output)
    with open(output, "w", encoding="utf-8") as out:
        out.write("# Places and name words, derived by scripts/ror-places.py from the CC0 ROR records in\n"
                  "# ../shared/reference (facts only: the cities and regions universities are in, and the words\n"
                  "# that recur in universities' names). Do not edit by hand: rerun the script.\n"
                  "# Not gazetteer entries: kg.extract.mentions reads them (a 'person' that is a place; a\n"
                  "# university named for what it teaches takes the city after it).\n\n")
        out.write(_array("places", sorted(places)))
        out.write(_array("name_words", name_words))
    print(f"{len(places)} places, {len(name_words)} name words -> {output}")


def _array(key: str, values: list[str]) -> str:
    lines = [f"{key} = ["]
    line = "   "
    for value in values:
        item = " " + json.dumps(value, ensure_ascii=False) + ","
        if len(line) + len(item) > 100:
            lines.append(line)
            line = "   "
        line += item
    lines.append(line)
    return "\n".join(lines) + "\n]\n\n"


if __name__ == "__main__":
    main()
