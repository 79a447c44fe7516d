"""Time and peak memory of the KB exports against pyoxigraph's raw N-Quads dump.

Builds the synthetic KB of ``synthkb.py`` (about 1 M quads; ``--quick``: 100 k), then runs
each export in its own child process, which reports wall time, peak RSS (``VmHWM``) and
file size:

* baseline: ``Store.dump`` to N-Quads (pyoxigraph alone, no kg code);
* ``kg.export.export`` to Turtle (union of graphs), TriG (named graphs), GraphML and
  node-link JSON (the NetworkX entity graph of ``to_networkx``).

Prints seconds and MB and their ratios to the baseline. Targets: the RDF exports within
a small factor of the raw dump (Turtle/TriG <= 5x the time), every export < 2 GB peak
RSS on 1 M triples, and no export slower than ``--timeout``. (``export(kb, "trig")`` *is*
``Store.dump`` to TriG, so its ratio only shows the cost of the atomic write.)

Then what ``kg ingest`` pays after each run, ``kg.export.write_exports`` (all four files),
in this process, ``--repeat`` times each (min and median):

* baseline: a full rewrite (``force=True``) of the large KB;
* nothing changed: the fingerprint check alone (target: nothing rewritten);
* one new synthetic article: the incremental refresh;
* one new article into an empty KB (gazetteer only): the issue's "within 2x" reference.

Usage::

    python bench/exports.py [--quick] [--triples 1000000] [--timeout 600] [--repeat 3] [--skip-formats]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
from common import BENCH_DIR, machine, print_table, proc_status_mb, run_child
from synthkb import Entities, article_quads, build_kb, write_gazetteer

FORMATS = {"raw N-Quads dump (baseline)": ("raw", "kb.nq"), "Turtle": ("turtle", "graph.ttl"),
           "TriG": ("trig", "graph.trig"), "GraphML": ("graphml", "graph.graphml"),
           "node-link JSON": ("json", "graph.json")}


def child(fmt: str, kb_dir: Path, output: Path) -> None:
    """In the child: one export; print a JSON line with seconds, peak RSS and file size."""
    import pyoxigraph as ox

    from kg.export import export
    from kg.store import open_kb

    kb = open_kb(kb_dir, create=False, read_only=True)  # never closed: close() flushes, read-only refuses
    rss_before = proc_status_mb("VmRSS")
    start = time.perf_counter()
    if fmt == "raw":
        kb.store.dump(str(output), ox.RdfFormat.N_QUADS)
    else:
        export(kb, fmt, output)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": proc_status_mb("VmHWM"), "rss_before_mb": rss_before,
                      "file_mb": os.path.getsize(output) / 2**20}))


def measure(kb_dir: Path, out_dir: Path, timeout: float) -> dict[str, dict]:
    """Run every export in a child; a child over ``timeout`` seconds is killed (TIMEOUT)."""
    results = {}
    for label, (fmt, name) in FORMATS.items():
        args = [str(BENCH_DIR / "exports.py"), "--child", fmt, str(kb_dir), str(out_dir / name)]
        try:
            results[label] = run_child(args, timeout=timeout)
        except subprocess.TimeoutExpired:
            results[label] = {"timeout": True}
        print(f"  {label}: {results[label]}", flush=True)
    return results


def report(results: dict[str, dict], timeout: float) -> None:
    """Print seconds, MB and ratios to the raw dump."""
    base = results["raw N-Quads dump (baseline)"]
    rows = []
    for label, r in results.items():
        if r.get("timeout"):
            rows.append([label, f"TIMEOUT (>{timeout:.0f})", f">{timeout / base['seconds']:.0f}", "-", "-", "-"])
            continue
        rows.append([label, r["seconds"], r["seconds"] / base["seconds"], r["peak_mb"], r["peak_mb"] / base["peak_mb"],
                     r["file_mb"]])
    print_table(["export", "seconds", "time / raw dump", "peak RSS MB", "RSS / raw dump", "file MB"], rows)


def _add_article(kb, index: int) -> None:
    """Load one new synthetic article graph (about 180 quads) into the open KB."""
    import pyoxigraph as ox

    from kg.gazetteer import load_gazetteer

    rng = random.Random(index)
    lines = list(article_quads(rng, Entities(load_gazetteer(), rng), index))
    kb.store.load(("\n".join(lines) + "\n").encode(), format=ox.RdfFormat.N_QUADS)


def _times(step, repeat: int) -> tuple[float, float, int]:
    """(min, median) seconds of ``repeat`` calls of ``step(i)``, and the files the last call wrote."""
    times, written = [], 0
    for i in range(repeat):
        start = time.perf_counter()
        written = len(step(i))
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), written


def refresh(kb_dir: Path, empty_dir: Path, repeat: int) -> None:
    """Time ``write_exports`` after nothing / one article changed, against a full rewrite."""
    from kg.export import write_exports
    from kg.store import open_kb

    rows = []
    with open_kb(kb_dir, create=False) as kb:
        write_exports(kb, force=True)
        full = _times(lambda i: write_exports(kb, force=True), repeat)
        rows.append(["full rewrite, large KB (baseline)", *full])
        rows.append(["nothing changed, large KB", *_times(lambda i: write_exports(kb), repeat)])
        rows.append(["one new article, large KB",
                     *_times(lambda i: (_add_article(kb, 10**8 + i), write_exports(kb))[1], repeat)])
    with open_kb(empty_dir) as kb:
        write_gazetteer(kb)
        write_exports(kb)
        rows.append(["one new article, empty KB",
                     *_times(lambda i: (_add_article(kb, 10**8 + i), write_exports(kb))[1], repeat)])
    base = full[1]
    print_table(["write_exports after", "min s", "median s", "files written", "median / full rewrite"],
                [[*row, row[2] / base] for row in rows])
    print(f"\none new article: large KB / empty KB = {rows[2][2] / rows[3][2]:.1f} (issue 13 target: <= 2)")


def main() -> None:
    """Command line entry point (parent, or ``--child FMT KB OUT``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="about 100k quads instead of 1M")
    parser.add_argument("--triples", type=int, help="synthetic quads (default 1,000,000; quick 100,000)")
    parser.add_argument("--timeout", type=float, help="seconds before an export is abandoned (600; quick 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each write_exports measurement (default 3)")
    parser.add_argument("--skip-formats", action="store_true", help="only the write_exports measurements")
    parser.add_argument("--child", nargs=3, metavar=("FMT", "KB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    triples = args.triples or (100_000 if args.quick else 1_000_000)
    timeout = args.timeout or (60.0 if args.quick else 600.0)
    print(f"# exports -- {machine()}")
    with tempfile.TemporaryDirectory(prefix="unikg-bench-") as tmp:
        kb, articles = build_kb(Path(tmp) / "kb", triples, args.seed)
        print(f"KB: {len(kb)} quads, {articles} synthetic articles + gazetteer; timeout {timeout:.0f} s")
        kb.close()
        if not args.skip_formats:
            (Path(tmp) / "out").mkdir()
            report(measure(Path(tmp) / "kb", Path(tmp) / "out", timeout), timeout)
        print(f"\n## write_exports (what kg ingest refreshes), repeat {args.repeat}")
        refresh(Path(tmp) / "kb", Path(tmp) / "empty", args.repeat)


if __name__ == "__main__":
    main()
