"""Start-up and per-article linking cost of a large imported gazetteer, against the built-in one.

Builds two KBs: one with the built-in gazetteer only (the baseline) and one that also imported the
reference data (ROR v2 dump, flattened ROR records, Hipo list; ~30k records). For each it measures,
in fresh child processes (so no in-process cache helps):

* cold start-up: load the model, build the KB's gazetteer and the phrase matchers, with no
  tokenised-pattern cache in the KB (the first ingest after an import);
* warm start-up: the same with the cache the first run left in ``<kb>/cache``;
* linking: seconds per article to extract and resolve the sample articles.

Prints each figure and its ratio to the built-in baseline. Target (issue 4): warm start-up and
per-article linking stay within a small factor of the baseline.

    python bench/gazetteer_startup.py [--reference ../shared/reference] [--articles data/articles]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from kg.extract import load_nlp
from kg.extract.mentions import finder_for
from kg.pipeline import kb_gazetteer, extract
from kg.store import open_kb
kb_dir = Path(sys.argv[1])
nlp = load_nlp(None)
t_model = time.perf_counter()
with open_kb(kb_dir, read_only=True) as kb:
    gazetteer = kb_gazetteer(kb, kb_dir)
finder_for(nlp, gazetteer, kb_dir / "cache")
t_ready = time.perf_counter()
articles = [p for p in sorted(Path(sys.argv[2]).iterdir()) if p.suffix in (".txt", ".md", ".html")]
for path in articles:
    extract(path, gazetteer=gazetteer)
t_done = time.perf_counter()
print(json.dumps({"entries": len(gazetteer), "model": t_model - t0, "startup": t_ready - t0,
                  "gazetteer_and_matchers": t_ready - t_model, "per_article": (t_done - t_ready) / len(articles)}))
"""


def _child(kb_dir: Path, articles: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(kb_dir), str(articles)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _make_kb(folder: Path, imports: list[Path]) -> Path:
    from kg.store import open_kb

    open_kb(folder).close()
    for path in imports:
        subprocess.run([sys.executable, "-m", "kg.cli", "gazetteer", "import", str(path), "--kb", str(folder)],
                       check=True, capture_output=True, cwd=ROOT)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--articles", type=Path, default=ROOT / "data" / "articles")
    args = parser.parse_args()
    files = [args.reference / n for n in ("ror_v2_education.json", "ror_education_records.jsonl",
                                          "world_universities_and_domains.json")]
    files = [f for f in files if f.exists()]
    if not files:
        sys.exit(f"no reference files in {args.reference}; pass --reference DIR")
    work = Path(tempfile.mkdtemp(prefix="unikg-bench-"))
    try:
        builtin = _make_kb(work / "builtin", [])
        full = _make_kb(work / "full", files)
        rows = {"built-in": _child(builtin, args.articles)}
        rows["full, cold"] = _child(full, args.articles)
        rows["full, warm"] = _child(full, args.articles)
        base = rows["built-in"]
        print(f"{'gazetteer':<14}{'entries':>9}{'start-up s':>12}{'ratio':>8}{'matchers s':>12}{'per article s':>15}{'ratio':>8}")
        for name, row in rows.items():
            print(f"{name:<14}{row['entries']:>9}{row['startup']:>12.2f}{row['startup'] / base['startup']:>8.2f}"
                  f"{row['gazetteer_and_matchers']:>12.2f}{row['per_article']:>15.3f}"
                  f"{row['per_article'] / base['per_article']:>8.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
