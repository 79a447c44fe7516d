"""Peak memory (RSS) of ``kg ingest`` as the corpus grows.

Each size is ingested into a fresh KB by a child process (``--child``), which reports its
own peak RSS (``VmHWM`` of ``/proc/self/status``); the parent cross-checks it with
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``. The memory should not grow with the
corpus: articles stream through spaCy in batches and go to the on-disk store one graph at
a time. Targets: peak RSS < 2 GB at every size, and largest/smallest close to 1 (flat).

Sizes: 1k, 5k, 10k articles with the default spaCy model; ``--quick``: 200, 500, 1000
articles with the ``blank`` pipeline (no parser/NER, so it finishes in about a minute;
pass ``--model`` to use a real model in quick mode too). ``--export`` also writes the
exports (graph.ttl/.trig/.graphml/.json), as ``kg ingest`` does by default.

Usage::

    python bench/memory.py [--quick] [--sizes 1000 5000 10000] [--model NAME] [--export]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
from common import BENCH_DIR, machine, print_table, proc_status_mb, run_child, verdict
from corpus import generate

GB = 1024.0


def child(corpus: Path, kb_dir: Path, model: str | None, export: bool) -> None:
    """In the child: ingest ``corpus`` into ``kb_dir``; print one JSON line with peak RSS."""
    from kg.pipeline import ingest
    from kg.store import open_kb

    start = time.perf_counter()
    report = ingest([corpus], kb_dir, model=model, export=export)
    seconds = time.perf_counter() - start
    peak = proc_status_mb("VmHWM")
    with open_kb(kb_dir) as kb:  # not read_only: KnowledgeBase.close() flushes, which read-only stores refuse
        quads = len(kb)
    print(json.dumps({"ingested": report.ingested, "failed": len(report.failed), "seconds": seconds,
                      "peak_mb": peak, "quads": quads}))


def measure_size(size: int, work: Path, model: str | None, export: bool, seed: int) -> dict:
    """Generate ``size`` articles and ingest them in a child; return its numbers."""
    corpus = work / f"corpus-{size}"
    generate(corpus, size, seed)
    args = [str(BENCH_DIR / "memory.py"), "--child", str(corpus), str(work / f"kb-{size}")]
    args += (["--model", model] if model else []) + (["--export"] if export else [])
    result = run_child(args)
    result["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["size"] = size
    return result


def report_results(results: list[dict]) -> None:
    """Print the table, the largest/smallest ratio and the verdicts."""
    print_table(["articles", "quads in KB", "seconds", "peak RSS MB (child)", "max RSS of children so far MB"],
                [[r["size"], r["quads"], r["seconds"], r["peak_mb"], r["children_maxrss_mb"]] for r in results])
    peaks = [r["peak_mb"] for r in results]
    ratio = peaks[-1] / peaks[0]
    print(f"\npeak RSS largest/smallest corpus: {ratio:.2f} (target ~1.0, flat: {verdict(ratio < 1.25)})")
    print(f"max peak RSS: {max(peaks):.0f} MB (target < 2 GB: {verdict(max(peaks) < 2 * GB)})")


def main() -> None:
    """Command line entry point (parent mode, or ``--child CORPUS KB`` for one measurement)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200/500/1000 articles, blank pipeline")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 1000 5000 10000)")
    parser.add_argument("--model", default=None, help="spaCy model (default: kg's default; quick: blank)")
    parser.add_argument("--export", action="store_true", help="also write the KB exports, as `kg ingest` does")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "KB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.model, args.export)
        return
    sizes = args.sizes or ([200, 500, 1000] if args.quick else [1000, 5000, 10000])
    model = args.model or ("blank" if args.quick else None)
    print(f"# memory -- {machine()}")
    print(f"model: {model or 'default'} ; exports: {'yes' if args.export else 'no'}")
    with tempfile.TemporaryDirectory(prefix="unikg-bench-") as tmp:
        results = [measure_size(size, Path(tmp), model, args.export, args.seed) for size in sizes]
    report_results(results)


if __name__ == "__main__":
    main()
