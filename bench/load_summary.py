"""What the fact summary rebuild costs ``kg load``: pyoxigraph's bulk_load, ``kg load`` and ``summary.rebuild``, in one process.

Writes the synthetic N-Quads file of ``scale.py``'s ``bulk_rates`` (``synthkb.write_nquads``,
about ``--quads`` quads) once, then, ``--repeat`` times, each into a fresh on-disk store in a
temporary folder outside the repository:

1. pyoxigraph's ``Store.bulk_load`` of the file in one call (the baseline), then
   ``kg.summary.rebuild`` alone on that store (no summary yet: the rebuild ``kg load`` makes);
2. ``kg load`` of the file (``kg.bulk.load_files``: scan, bulk load, summary rebuild).

Medians of the runs; ``--profile N`` adds one more bulk_load and a rebuild under cProfile (top
N functions by own and by cumulative time; the main thread only). It prints the summary graph's
quad count and a SHA-256 of its sorted N-Quads lines (the same after the rebuild and after
``kg load``), so two versions of ``kg/summary.py`` can be held to the same output.

Usage::

    python bench/load_summary.py [--quads 1000000] [--repeat 2] [--profile 25]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import pstats
import shutil
import statistics
import tempfile
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
import pyoxigraph as ox
from common import machine, print_table, proc_status_mb, timed
from synthkb import write_nquads

from kg import summary
from kg.bulk import load_files
from kg.store import open_kb


def summary_digest(store: ox.Store) -> tuple[int, str]:
    """The summary graph's quad count and the SHA-256 of its sorted N-Quads lines."""
    lines = sorted(str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(summary.SUMMARY_GRAPH)))
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def raw_and_rebuild(data: Path, work: Path, profile: int = 0) -> tuple[float, float, int, tuple[int, str]]:
    """Seconds of pyoxigraph's bulk_load of ``data`` into a fresh store (flushed) and of the summary
    rebuild on it (under cProfile when ``profile``), the quads loaded and the summary's digest."""
    store = ox.Store(str(work / "raw"))
    raw_s, _ = timed(lambda: (store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS), store.flush()))
    quads = len(store)
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    rebuild_s, _ = timed(lambda: (summary.rebuild(store, None), store.flush()))
    if profiler:
        profiler.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(profile)
            print(f"\n### cProfile of one rebuild, by {order}\n\n```\n{out.getvalue().strip()}\n```")
    digest = summary_digest(store)
    del store
    shutil.rmtree(work / "raw")
    return raw_s, rebuild_s, quads, digest


def kg_load_seconds(data: Path, work: Path) -> tuple[float, tuple[int, str]]:
    """Seconds of ``kg load`` of ``data`` into a fresh KB, and its summary's digest."""
    with open_kb(work / "kb") as kb:
        seconds, _ = timed(lambda: load_files(kb, [data]))
        digest = summary_digest(kb.store)
    shutil.rmtree(work / "kb")
    return seconds, digest


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="about this many synthetic quads (default 1 M)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of bulk_load + rebuild and kg load (default 2)")
    parser.add_argument("--profile", type=int, default=0, help="profile one more rebuild; print its top N functions")
    args = parser.parse_args()
    print(f"# kg load and the summary rebuild -- {machine()} | load {_load()}")
    runs = []
    with tempfile.TemporaryDirectory(prefix="unikg-load-") as tmp:
        work = Path(tmp)
        data = work / "synthetic.nq"
        write_nquads(data, args.quads)
        for _ in range(args.repeat):
            load = _load()
            raw_s, rebuild_s, quads, digest = raw_and_rebuild(data, work)
            load_s, loaded = kg_load_seconds(data, work)
            assert loaded == digest, (loaded, digest)
            runs.append([load, f"{quads:,}", raw_s, f"{quads / raw_s:,.0f}", rebuild_s, load_s, f"{quads / load_s:,.0f}",
                         raw_s / load_s])
        if args.profile:
            raw_and_rebuild(data, work, args.profile)
    print()
    columns = ["load avg", "quads", "bulk_load s", "bulk_load quads/s", "rebuild s", "kg load s", "kg load quads/s",
               "kg load / bulk_load"]
    median = lambda i: statistics.median(r[i] for r in runs)  # noqa: E731
    print_table(columns, [*runs, ["median", runs[0][1], median(2), f"{quads / median(2):,.0f}", median(4), median(5),
                                  f"{quads / median(5):,.0f}", median(7)]])
    print(f"\nsummary: {digest[0]:,} quads, sha256 {digest[1]}; peak RSS {proc_status_mb():,.0f} MB; load {_load()} at the end")


def _load() -> str:
    """The 1-minute load average."""
    return Path("/proc/loadavg").read_text().split()[0]


if __name__ == "__main__":
    main()
