"""Start-up and per-article linking cost of a large imported gazetteer, against the built-in one.

Builds two KBs: one with the built-in gazetteer only (the baseline) and one that also imported the
reference data (ROR v2 dump, flattened ROR records, Hipo list; ~35k records, ~20k entries once
merged). For each it measures, in fresh child processes (so no in-process cache helps), the way
``kg ingest`` starts: imports, the spaCy model, the KB's gazetteer (``kb_gazetteer``) and the
mention finder the ``kg_mentions_v1`` component makes at the first document (``StoredMatcherFinder``:
its gazetteer matchers and name indexes; this step includes spaCy's first call), split into those parts:

* cold: no ``<kb>/cache`` (the first ingest after an import: everything is built and stored);
* warm: with the cache the cold run left (every later process), ``--repeat`` times;
* CPU: CPU seconds of the warm start-up (wall time on a shared machine includes waiting for a core);
* linking: seconds per article to extract and resolve the sample articles (``--articles``) with
  that pipeline (its finder is made already).

Then the query path: ``kg query --list`` and a library query on the small KB, each a fresh process.

Prints each figure, min and median of the warm runs and the ratio to the built-in baseline.
Targets (issue 13): warm start-up with the imported gazetteer <= 1.5 s; ``kg query --list`` and a
library query on a small KB <= 0.4 s, without importing spaCy.

    python bench/gazetteer_startup.py [--reference ../shared/reference] [--articles data/articles] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from kg.extract import load_nlp
from kg.extract.components import add_extraction
from kg.pipeline import extract, kb_gazetteer
from kg.store import open_kb
t_imports = time.perf_counter()
kb_dir = Path(sys.argv[1])
nlp = load_nlp(None)
t_model = time.perf_counter()
with open_kb(kb_dir) as kb:
    gazetteer = kb_gazetteer(kb, kb_dir)
t_gazetteer = time.perf_counter()
add_extraction(nlp, gazetteer, kb_dir / "cache")
nlp("Start.")  # kg_mentions_v1 makes its finder (StoredMatcherFinder) at the first document
t_ready = time.perf_counter()
cpu_ready = time.process_time()  # CPU seconds: less disturbed than wall time by other work on a shared machine
articles = [p for p in sorted(Path(sys.argv[2]).iterdir()) if p.suffix in (".txt", ".md", ".html")]
for path in articles:
    extract(path, gazetteer=gazetteer)
t_done = time.perf_counter()
print(json.dumps({"entries": len(gazetteer), "imports": t_imports - t0, "model": t_model - t_imports,
                  "gazetteer": t_gazetteer - t_model, "finder": t_ready - t_gazetteer, "startup": t_ready - t0, "startup_cpu": cpu_ready,
                  "per_article": (t_done - t_ready) / len(articles)}))
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


def _warm(kb_dir: Path, articles: Path, repeat: int) -> dict:
    """Median of every figure over ``repeat`` warm runs, plus the minimum start-up."""
    runs = [_child(kb_dir, articles) for _ in range(repeat)]
    row = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    row["startup_min"] = min(run["startup"] for run in runs)
    return row


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _query_path(kb_dir: Path, repeat: int) -> list[tuple[str, float, float, float]]:
    """Seconds of fresh ``kg query`` processes (min, median, median CPU) and whether spaCy was imported."""
    rows = []
    for label, args in (("kg query --list", ["query", "--list"]),
                        ("kg query entities (small KB)", ["query", "entities", "--kb", str(kb_dir)])):
        times, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), _cpu_of_children()
            subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - start)
            cpu.append(_cpu_of_children() - start_cpu)
        rows.append((label, min(times), statistics.median(times), statistics.median(cpu)))
    code = ("import sys\nfrom kg.cli import cli\ncli(['query', 'entities', '--kb', sys.argv[1]], standalone_mode=False)\n"
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(kb_dir)], capture_output=True, text=True, check=True, cwd=ROOT)
    rows.append(("spaCy imported by a query", float(out.stdout.strip().splitlines()[-1] == "True"), 0.0, 0.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--articles", type=Path, default=ROOT / "data" / "articles")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per KB (default 3)")
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
        rows = {"built-in, cold": _child(builtin, args.articles), "built-in, warm": _warm(builtin, args.articles, args.repeat),
                "full, cold": _child(full, args.articles), "full, warm": _warm(full, args.articles, args.repeat)}
        base = rows["built-in, warm"]
        print(f"{'gazetteer':<16}{'entries':>8}{'imports':>9}{'model':>7}{'gazetteer':>11}{'finder':>8}"
              f"{'start-up s':>12}{'ratio':>7}{'CPU s':>7}{'per article s':>15}{'ratio':>7}")
        for name, row in rows.items():
            print(f"{name:<16}{row['entries']:>8}{row['imports']:>9.2f}{row['model']:>7.2f}{row['gazetteer']:>11.2f}"
                  f"{row['finder']:>8.2f}{row['startup']:>12.2f}{row['startup'] / base['startup']:>7.2f}"
                  f"{row['startup_cpu']:>7.2f}{row['per_article']:>15.3f}{row['per_article'] / base['per_article']:>7.2f}")
        warm = rows["full, warm"]
        print(f"\nwarm runs: medians of {args.repeat}; fastest warm start-up with the imported gazetteer "
              f"{warm['startup_min']:.2f} s (built-in {base['startup_min']:.2f} s); target <= 1.5 s: "
              f"{'met' if warm['startup'] <= 1.5 else 'MISSED'} (median {warm['startup']:.2f} s)")
        print()
        for label, fastest, median, cpu in _query_path(builtin, args.repeat):
            if label.startswith("spaCy"):
                print(f"{label}: {'yes (MISSED)' if fastest else 'no'}")
            else:
                print(f"{label:<30} min {fastest:.2f} s, median {median:.2f} s, CPU {cpu:.2f} s (target <= 0.4 s: "
                      f"{'met' if median <= 0.4 else 'MISSED'})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
