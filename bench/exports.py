"""Time and peak memory of the KB exports against pyoxigraph's raw N-Quads dump.

Builds the synthetic KB of ``synthkb.py`` (10,000 articles, ~1.9 M quads; ``--quick``: 550, ~100 k), then runs
each export in its own child process, which reports wall time, peak RSS (``VmHWM``) and
file size:

* baseline: ``Store.dump`` to N-Quads (pyoxigraph alone, no kg code);
* ``kg.export.export`` to Turtle (union of graphs), TriG (named graphs), GraphML and
  node-link JSON (the NetworkX entity graph of ``to_networkx``).

Prints seconds and MB and their ratios to the baseline. Targets: the RDF exports within
a small factor of the raw dump (Turtle/TriG <= 5x the time), every export < 2 GB peak
RSS on 1 M triples, and no export slower than ``--timeout``. (``export(kb, "trig")`` *is*
``Store.dump`` to TriG, so its ratio only shows the cost of the atomic write.)

Then issue 13's criterion, one new article into a large KB (default 10,000 synthetic
articles, ~1.9 M quads) against one into an empty KB (gazetteer only), min and median of
``--repeat`` runs each, measured three ways:

* ``kg.export.write_exports`` alone, after one synthetic article (~186 quads and its entity
  descriptions) is loaded: the export's own cost (also: a full rewrite, once, and nothing changed);
* the whole ``kg.pipeline.ingest`` call for one new real article (``data/articles``) in this
  process, the spaCy model loaded first: store writes, exports and all (the criterion);
* ``kg ingest`` of one new real article in a child process: what a daily feed pays, start-up
  and model loading included.

The empty KB of the ingest runs is a fresh copy of a template (gazetteer graph, exports and
the matcher cache the large KB's warm-up ingest built), so both sides start from warm caches.

Usage::

    python bench/exports.py [--quick] [--articles 10000 | --triples N] [--timeout 600] [--repeat 3]
                            [--model M] [--skip-formats] [--skip-ingest]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
from common import BENCH_DIR, machine, print_table, proc_status_mb, run_child, timed
from synthkb import Entities, article_quads, build_kb, entity_quads, write_gazetteer

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
    """Load one new synthetic article graph (about 180 quads) and its entity descriptions into the open KB."""
    import pyoxigraph as ox

    from kg.gazetteer import load_gazetteer

    rng = random.Random(index)
    entities = Entities(load_gazetteer(), rng)
    lines = [*article_quads(rng, entities, index), *entity_quads(entities)]
    kb.store.load(("\n".join(lines) + "\n").encode(), format=ox.RdfFormat.N_QUADS)


def _times(step, repeat: int) -> tuple[float, float, int]:
    """(min, median) seconds of ``repeat`` calls of ``step(i)``, and the files the last call wrote."""
    times, written = [], 0
    for i in range(repeat):
        start = time.perf_counter()
        written = len(step(i))
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), written


def refresh(kb_dir: Path, empty_dir: Path, repeat: int) -> float:
    """Time ``write_exports`` after nothing / one article changed, against a full rewrite; return the
    large / empty ratio of the one-new-article medians."""
    from kg.export import write_exports
    from kg.store import open_kb

    rows = []
    with open_kb(kb_dir, create=False) as kb:
        rows.append(["full rewrite, large KB (baseline, once)", *_times(lambda i: write_exports(kb, force=True), 1)])
        rows.append(["nothing changed, large KB", *_times(lambda i: write_exports(kb), repeat)])
        rows.append(["one new article, large KB",
                     *_times(lambda i: (_add_article(kb, 10**8 + i), write_exports(kb))[1], repeat)])
    with open_kb(empty_dir) as kb:
        write_gazetteer(kb)
        write_exports(kb)
        rows.append(["one new article, empty KB",
                     *_times(lambda i: (_add_article(kb, 10**8 + i), write_exports(kb))[1], repeat)])
    base = rows[0][2]
    print_table(["write_exports after", "min s", "median s", "files written", "median / full rewrite"],
                [[*row, row[2] / base] for row in rows])
    return rows[2][2] / rows[3][2]


ARTICLES = sorted(p for p in (BENCH_DIR.parent / "data" / "articles").iterdir() if p.suffix in (".txt", ".md", ".html"))


def _fresh_empty_kb(template: Path, target: Path) -> Path:
    """A copy of the empty template KB (gazetteer graph, exports and the warm matcher cache)."""
    shutil.copytree(template, target)
    return target


def _kg_ingest(article: Path, kb_dir: Path, model_args: list[str]) -> None:
    """``kg ingest ARTICLE --kb KB`` in a child process; its error output when it fails."""
    done = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(article), "--kb", str(kb_dir), *model_args],
                          capture_output=True, text=True, cwd=BENCH_DIR.parent)
    if done.returncode != 0:
        raise RuntimeError(f"kg ingest {article.name} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def ingests(kb_dir: Path, work: Path, repeat: int, model: str | None) -> dict[str, float]:
    """Time one new real article ingested into the large KB and into an empty KB, whole ``ingest``
    calls in this process (model loaded first) and ``kg ingest`` in a child process; print the table.

    Each measurement ingests an article the KB has not seen (``data/articles``, in turn). The empty
    KB is a fresh copy, per run, of a template that holds the gazetteer graph, its exports and the
    matcher cache the large KB's warm-up built (the caches a second ingest into any KB finds).
    """
    from kg.pipeline import ingest

    if len(ARTICLES) < 1 + 4 * repeat:
        raise SystemExit(f"--repeat {repeat} needs {1 + 4 * repeat} articles in data/articles")
    articles = iter(ARTICLES)
    ingest([next(articles)], kb_dir, model=model)  # warm-up: loads the model, builds the matcher cache
    template = work / "empty-template"
    ingest([], template, model=model)
    shutil.copytree(kb_dir / "cache", template / "cache", dirs_exist_ok=True)
    runs = {"in-process ingest, large KB": [], "in-process ingest, empty KB": [],
            "kg ingest (CLI), large KB": [], "kg ingest (CLI), empty KB": []}
    for i in range(repeat):  # large and empty alternate, so both see the same machine load
        large_article, empty_article = next(articles), next(articles)
        runs["in-process ingest, large KB"].append(timed(lambda: ingest([large_article], kb_dir, model=model))[0])
        empty = _fresh_empty_kb(template, work / f"empty-{i}")
        runs["in-process ingest, empty KB"].append(timed(lambda: ingest([empty_article], empty, model=model))[0])
        large_article, empty_article = next(articles), next(articles)
        model_args = ["--model", model] if model else []
        runs["kg ingest (CLI), large KB"].append(timed(lambda: _kg_ingest(large_article, kb_dir, model_args))[0])
        empty = _fresh_empty_kb(template, work / f"empty-cli-{i}")
        runs["kg ingest (CLI), empty KB"].append(timed(lambda: _kg_ingest(empty_article, empty, model_args))[0])
    medians = {label: statistics.median(times) for label, times in runs.items()}
    print_table(["one new article", "runs", "min s", "median s"],
                [[label, len(times), min(times), medians[label]] for label, times in runs.items()])
    ratios = {kind: medians[f"{kind}, large KB"] / medians[f"{kind}, empty KB"]
              for kind in ("in-process ingest", "kg ingest (CLI)")}
    return {f"{kind} of one article": ratio for kind, ratio in ratios.items()}


QUADS_PER_ARTICLE = 186  # synthkb's mean (1,024,605 quads for 5,505 articles)


def main() -> None:
    """Command line entry point (parent, or ``--child FMT KB OUT``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="550 articles (about 100k quads) instead of 10,000")
    parser.add_argument("--articles", type=int, help="synthetic articles in the large KB (default 10,000: ~1.9 M quads)")
    parser.add_argument("--triples", type=int, help="instead of --articles: about this many synthetic quads")
    parser.add_argument("--timeout", type=float, help="seconds before an export is abandoned (600; quick 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--model", help="spaCy model of the ingest measurements (default: kg's default)")
    parser.add_argument("--skip-formats", action="store_true", help="leave out the per-format exports")
    parser.add_argument("--skip-ingest", action="store_true", help="leave out the whole-ingest measurements")
    parser.add_argument("--child", nargs=3, metavar=("FMT", "KB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    triples = args.triples or (args.articles or (550 if args.quick else 10_000)) * QUADS_PER_ARTICLE
    timeout = args.timeout or (60.0 if args.quick else 600.0)
    print(f"# exports -- {machine()}")
    with tempfile.TemporaryDirectory(prefix="unikg-bench-") as tmp:
        work = Path(tmp)
        kb, articles = build_kb(work / "kb", triples, args.seed)
        print(f"KB: {len(kb)} quads, {articles} synthetic articles + gazetteer; timeout {timeout:.0f} s")
        kb.close()
        if not args.skip_formats:
            (work / "out").mkdir()
            report(measure(work / "kb", work / "out", timeout), timeout)
        print(f"\n## write_exports (what kg ingest refreshes), repeat {args.repeat}")
        ratios = {"write_exports after the write": refresh(work / "kb", work / "empty", args.repeat)}
        if not args.skip_ingest:
            print(f"\n## one new article ingested (issue 13: large KB / empty KB <= 2), repeat {args.repeat}")
            ratios.update(ingests(work / "kb", work, args.repeat, args.model))
        print(f"\n## one new article, {articles}-article KB / empty KB (medians)")
        print_table(["measured", "large / empty"], [[label, ratio] for label, ratio in ratios.items()])


if __name__ == "__main__":
    main()
