"""Generate a synthetic corpus of English university news articles for benchmarks.

Articles are built from the built-in gazetteer (real universities, alliances and their
member lists, programs, rankings, countries) and the sentence templates of
``templates.py``: relation sentences (joining an alliance, member lists, founding,
partnerships, program selection, ranking placements, member counts, heads of
institutions, country cues) mixed with filler about research, students and campus life.
Lengths vary from 150 to 1200 words; about 70 % are ``.txt`` with scraped page chrome,
15 % Markdown with front matter and 15 % HTML pages with navigation, header and footer.
The output depends only on ``--seed`` and ``-n``.

Usage::

    python bench/corpus.py OUT_DIR -n 1000 --seed 1
"""

from __future__ import annotations

import argparse
import html
import random
from dataclasses import dataclass
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
from kg.gazetteer import Gazetteer, load_gazetteer
from templates import (CITIES, EVENTS, FIELDS, FILLER_TEMPLATES, FIRST_NAMES, HEADLINE_TEMPLATES, LAST_NAMES,
                       NUMBER_WORDS, RELATION_TEMPLATES, ROLES, TITLES)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass
class Pools:
    """Names drawn from the gazetteer, by kind, with alliance member lists and countries."""

    universities: list[tuple[str, str | None]]  # (name, country code)
    alliances: list[str]
    members: dict[str, list[str]]  # alliance name -> member names
    programs: list[str]
    rankings: list[str]
    countries: dict[str, tuple[str, str]]  # code -> (name, demonym)


def build_pools(gazetteer: Gazetteer) -> Pools:
    """Collect the names the templates draw from."""
    entries = gazetteer.entries
    by_kind = lambda kind: sorted(e.name for e in entries.values() if e.kind == kind and e.active)  # noqa: E731
    members: dict[str, list[str]] = {}
    for link in gazetteer.links:
        group = entries[link.object]
        if link.predicate == "memberOf" and group.kind == "Alliance" and link.role != "former":
            members.setdefault(group.name, []).append(entries[link.subject].name)
    countries = {e.country: (e.name, e.demonyms[0] if e.demonyms else e.name)
                 for e in entries.values() if e.kind == "Country" and e.country}
    universities = sorted((e.name, e.country) for e in entries.values() if e.kind == "University" and e.active)
    return Pools(universities, by_kind("Alliance"), members, by_kind("Program"), by_kind("Ranking"), countries)


def _name_list(rng: random.Random, names: list[str]) -> str:
    """"A, B and C" from two to six names."""
    picked = rng.sample(names, min(len(names), rng.randint(2, 6)))
    return picked[0] if len(picked) == 1 else ", ".join(picked[:-1]) + " and " + picked[-1]


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _anchor(rng: random.Random, pools: Pools) -> dict[str, str]:
    """The entities one article is about: a university, an alliance, a program, a ranking."""
    uni, code = rng.choice(pools.universities)
    alliance = rng.choice(pools.alliances)
    country, demonym = pools.countries.get(code or "", ("China", "Chinese"))
    return {"uni": uni, "alliance": alliance, "alliance_short": alliance, "program": rng.choice(pools.programs),
            "ranking": rng.choice(pools.rankings), "country": country, "demonym": demonym,
            "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", "title": rng.choice(TITLES),
            "city": rng.choice(CITIES), "field": rng.choice(FIELDS), "event": rng.choice(EVENTS)}


def _slots(rng: random.Random, pools: Pools, anchor: dict[str, str]) -> dict[str, str]:
    """Every template slot: the article's anchor plus fresh numbers, dates and second names."""
    year = rng.randint(1995, 2024)
    rank = rng.randint(1, 800)
    low = rng.choice([101, 151, 201, 301, 401, 501, 601, 801])
    count = rng.choice([9, 12, 15, 20, 24, 30, 40, 50, 62, 85])
    members = pools.members.get(anchor["alliance"]) or [u for u, _ in rng.sample(pools.universities, 6)]
    universities = [u for u, _ in rng.sample(pools.universities, 8)]
    slots = dict(anchor)
    slots.update(
        uni2=universities[0], uni3=universities[1], year=str(year), year2=str(rng.randint(1850, 1990)),
        month=rng.choice(MONTHS), date=f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}",
        edition=str(rng.randint(2015, 2025)), rank=_ordinal(rank), rank_num=str(rank),
        band=f"{low}-{low + (49 if low < 300 else 99)}", top=f"top {rng.choice([10, 50, 100, 200, 500])}",
        count=str(count), count_word=NUMBER_WORDS.get(count, str(count)), role=rng.choice(ROLES),
        members=_name_list(rng, members), founders=_name_list(rng, universities), n=str(rng.randint(2, 60)),
        pct=str(rng.randint(3, 40)),
    )
    if rng.random() < 0.15:
        slots["field"], slots["city"] = rng.choice(FIELDS), rng.choice(CITIES)
    return slots


def _sentence(rng: random.Random, pools: Pools, anchor: dict[str, str], relation_share: float) -> str:
    """One sentence: a relation template with probability ``relation_share``, else filler."""
    if rng.random() < relation_share:
        template = rng.choice(rng.choice(list(RELATION_TEMPLATES.values())))
    else:
        template = rng.choice(FILLER_TEMPLATES)
    return template.format(**_slots(rng, pools, anchor))


def article_body(rng: random.Random, pools: Pools, anchor: dict[str, str]) -> tuple[str, list[str]]:
    """A headline and paragraphs totalling 150-1200 words."""
    target = int(rng.triangular(150, 1120, 450))
    relation_share = rng.uniform(0.2, 0.5)
    headline = rng.choice(HEADLINE_TEMPLATES).format(**_slots(rng, pools, anchor))
    paragraphs, words = [], 0
    while words < target:
        sentences = [_sentence(rng, pools, anchor, relation_share) for _ in range(rng.randint(2, 6))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return headline, paragraphs


def as_text(rng: random.Random, headline: str, date: str, paragraphs: list[str]) -> str:
    """A scraped plain-text page: chrome lines, headline, date line, body, credit line."""
    chrome = rng.choice(["中文版\nHome | News | Content", "Home > News > Campus", "English | Русский | 中文\nMenu"])
    credit = rng.choice(["[Translated by {p}]", "Reporter: {p}", "Edited by {p}", ""]).format(
        p=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
    share = "Share | Print | Close" if rng.random() < 0.5 else ""
    return "\n".join([chrome, "", headline, date, "", "\n\n".join(paragraphs), "", credit, share]) + "\n"


def as_markdown(rng: random.Random, headline: str, iso_date: str, paragraphs: list[str]) -> str:
    """A Markdown article with front matter and section headings."""
    lines = ["---", f"title: \"{headline}\"", f"date: {iso_date}", "---", "", f"# {headline}", ""]
    for index, paragraph in enumerate(paragraphs):
        if index and index % 3 == 0:
            lines += [f"## {rng.choice(['Background', 'Cooperation', 'Research', 'Outlook', 'Students'])}", ""]
        lines += [paragraph, ""]
    return "\n".join(lines)


def as_html(rng: random.Random, headline: str, iso_date: str, paragraphs: list[str]) -> str:
    """An HTML page with navigation, header, article and footer chrome."""
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ["Home", "News", "Research", "Admissions"])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    title = html.escape(headline)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"article:published_time\" content=\"{iso_date}\"></head>\n<body>\n"
            f"<header><nav><ul>{nav}</ul></nav><div class=\"search\">Search</div></header>\n"
            f"<main><article><h1>{title}</h1><time datetime=\"{iso_date}\">{iso_date}</time>\n{body}\n</article></main>\n"
            f"<footer><p>Copyright {iso_date[:4]} University News Office. All rights reserved.</p>"
            f"<a href=\"/privacy\">Privacy</a> | <a href=\"/contact\">Contact</a></footer>\n</body></html>\n")


def write_article(rng: random.Random, pools: Pools, out_dir: Path, index: int) -> Path:
    """Write article ``index`` as .txt (70 %), .md (15 %) or .html (15 %)."""
    anchor = _anchor(rng, pools)
    headline, paragraphs = article_body(rng, pools, anchor)
    year, month, day = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    iso_date = f"{year}-{month:02d}-{day:02d}"
    kind = rng.random()
    if kind < 0.70:
        path, text = out_dir / f"article-{index:06d}.txt", as_text(rng, headline, f"{day:02d} {MONTHS[month - 1][:3]} , {year}", paragraphs)
    elif kind < 0.85:
        path, text = out_dir / f"article-{index:06d}.md", as_markdown(rng, headline, iso_date, paragraphs)
    else:
        path, text = out_dir / f"article-{index:06d}.html", as_html(rng, headline, iso_date, paragraphs)
    path.write_text(text, encoding="utf-8")
    return path


def generate(out_dir: str | Path, n: int, seed: int = 1, gazetteer: Gazetteer | None = None) -> list[Path]:
    """Write ``n`` articles into ``out_dir`` (created); return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pools = build_pools(gazetteer or load_gazetteer())
    rng = random.Random(seed)
    return [write_article(rng, pools, out, index) for index in range(n)]


def main() -> None:
    """Command line: ``python bench/corpus.py OUT_DIR -n 1000 --seed 1``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("-n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--quick", action="store_true", help="write 50 articles")
    args = parser.parse_args()
    paths = generate(args.out_dir, 50 if args.quick else args.n, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles ({words} words, {words / max(len(paths), 1):.0f} per article) to {args.out_dir}")


if __name__ == "__main__":
    main()
