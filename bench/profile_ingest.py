"""Where ingest spends its time beyond spaCy: cProfile of one ``kg.pipeline.ingest``.

Generates N articles (``corpus.py``), loads the model outside the profile, then profiles one
ingest into a fresh KB (``workers=1``, ``export=False``). Prints the top functions by
cumulative time (all code), then the top ``kg/`` functions by own time with their share of
the whole ingest -- the list to work through to close the gap to ingest/bare >= 0.80.

Usage::

    python bench/profile_ingest.py [-n 200] [--top 15] [--model NAME] [--save FILE.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
from common import ROOT, machine, print_table
from corpus import generate

from kg.extract import load_nlp
from kg.pipeline import ingest


def profile_ingest(corpus: Path, kb_dir: Path, model: str | None) -> pstats.Stats:
    """Profile one ingest of ``corpus`` into ``kb_dir`` (model loaded beforehand)."""
    load_nlp(model)
    profiler = cProfile.Profile()
    profiler.enable()
    report = ingest([corpus], kb_dir, model=model, workers=1, export=False)
    profiler.disable()
    print(f"ingest: {report.summary()}")
    return pstats.Stats(profiler)


def kg_rows(stats: pstats.Stats, top: int) -> list[list[object]]:
    """The ``top`` functions under ``kg/`` by own time: name, calls, own s, cumulative s, % of total."""
    kg_dir = str(ROOT / "kg")
    total = stats.total_tt
    rows = []
    for (path, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        if path.startswith(kg_dir):
            rows.append([f"{Path(path).relative_to(ROOT)}:{line} {name}", calls, own, cumulative, 100 * own / total])
    return sorted(rows, key=lambda row: -row[2])[:top]


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="articles to generate (default 200)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--model", default=None, help="spaCy model (default: kg's default model)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for snakeviz, pstats)")
    args = parser.parse_args()
    print(f"# ingest profile -- {machine()}")
    with tempfile.TemporaryDirectory(prefix="unikg-bench-") as tmp:
        generate(Path(tmp) / "corpus", args.n, args.seed)
        stats = profile_ingest(Path(tmp) / "corpus", Path(tmp) / "kb", args.model)
    if args.save:
        stats.dump_stats(str(args.save))
    print(f"\ntotal profiled time: {stats.total_tt:.1f} s\n\n## top {args.top} by cumulative time\n")
    stats.sort_stats("cumulative").print_stats(args.top)
    print(f"## top {args.top} kg/ functions by own time\n")
    print_table(["function", "calls", "own s", "cumulative s", "own % of ingest"], kg_rows(stats, args.top))


if __name__ == "__main__":
    main()
