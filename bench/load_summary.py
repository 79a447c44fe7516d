"""What the fact summary rebuild costs ``kg load``: pyoxigraph's bulk_load, ``kg load`` and ``summary.rebuild``, in one process.

Writes the synthetic N-Quads file of ``scale.py``'s ``bulk_rates`` (``synthkb.write_nquads``,
about ``--quads`` quads) once, then times, each into a fresh on-disk store in a temporary
folder outside the repository:

1. pyoxigraph's ``Store.bulk_load`` of the file in one call (the baseline);
2. ``kg load`` of the file (``kg.bulk.load_files``: scan, bulk load, summary rebuild);
3. ``kg.summary.rebuild`` alone on the KB ``kg load`` made, ``--repeat`` times (median), the last
   run under cProfile with ``--profile N`` (top N functions by own and by cumulative time).

It prints the summary graph's quad count and a SHA-256 of its sorted N-Quads lines, so two
versions of ``kg/summary.py`` can be held to the same output (run it on each, compare digests).

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


def raw_seconds(data: Path, work: Path) -> tuple[float, int]:
    """Seconds of pyoxigraph's bulk_load of ``data`` into a fresh store (flushed), and the quads loaded."""
    store = ox.Store(str(work / "raw"))
    seconds, _ = timed(lambda: (store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS), store.flush()))
    quads = len(store)
    del store
    shutil.rmtree(work / "raw")
    return seconds, quads


def rebuild_seconds(kb, repeat: int, profile: int) -> list[float]:
    """Seconds of ``repeat`` rebuilds of the KB's summary; the last under cProfile when ``profile``."""
    times = [timed(lambda: summary.rebuild(kb.store, kb.path))[0] for _ in range(repeat)]
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        summary.rebuild(kb.store, kb.path)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(profile)
            print(f"\n### cProfile of one rebuild, by {order}\n\n```\n{out.getvalue().strip()}\n```")
    return times


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="about this many synthetic quads (default 1 M)")
    parser.add_argument("--repeat", type=int, default=2, help="timed rebuilds (default 2)")
    parser.add_argument("--profile", type=int, default=0, help="profile one more rebuild; print the top N functions")
    args = parser.parse_args()
    print(f"# kg load and the summary rebuild -- {machine()} | load {Path('/proc/loadavg').read_text().split()[0]}")
    with tempfile.TemporaryDirectory(prefix="unikg-load-") as tmp:
        work = Path(tmp)
        data = work / "synthetic.nq"
        write_nquads(data, args.quads)
        raw_s, quads = raw_seconds(data, work)
        with open_kb(work / "kb") as kb:
            load_s, _ = timed(lambda: load_files(kb, [data]))
            count, digest = summary_digest(kb.store)
            rebuilds = rebuild_seconds(kb, args.repeat, args.profile)
            assert summary_digest(kb.store) == (count, digest)
    rebuild_s = statistics.median(rebuilds)
    print()
    print_table(["quads", "bulk_load s", "bulk_load quads/s", "kg load s", "kg load quads/s", "kg load / bulk_load",
                 "rebuild s (runs)"],
                [[f"{quads:,}", raw_s, f"{quads / raw_s:,.0f}", load_s, f"{quads / load_s:,.0f}", raw_s / load_s,
                  f"{rebuild_s:.2f} ({', '.join(f'{t:.2f}' for t in rebuilds)})"]])
    print(f"\nsummary: {count:,} quads, sha256 {digest}; peak RSS {proc_status_mb():,.0f} MB; "
          f"load {Path('/proc/loadavg').read_text().split()[0]} at the end")


if __name__ == "__main__":
    main()
