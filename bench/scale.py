"""Scaling out: local vs Dask ingest, the per-article cost split, bulk loading, and a plan, in one run.

Measures, on one corpus of real text (the articles of ``../shared/corpus/dev`` and
``data/articles``, copied ``--copies`` times into a temporary folder outside the repository):

1. articles/s of ``kg.pipeline.ingest`` in this process (the baseline), and with
   ``executor="dask"`` on a ``LocalCluster`` of 1 and of 2 worker processes (one thread each),
   each into a fresh KB without exports; the clusters are started, and their workers' model
   loaded, before the timings, as a running cluster would be; the runs alternate, ``--repeat``
   times, and ratios use the medians. Targets: Dask 1 worker / local >= 0.9; Dask 2 / 1 >= 1.7;
2. the per-article cost split of the local path: read (read, decode, clean), NLP (spaCy and
   the extraction components), map (resolve, map to triples, N-Quads), store (the single
   writer's ``write_article``), and what the Dask client adds per article (content hash);
   the N-Quads bytes a worker ships per article;
3. the bulk-load rate (quads/s) of ``kg load`` (``kg.bulk.load_files``) into an on-disk KB, at
   1 M quads (and 10 M with ``--ten-million``), against pyoxigraph's own ``Store.bulk_load`` of
   the same file in one call (the baseline); target >= 200 k quads/s;
4. a plan for 1 M and 10 M articles computed from these numbers: workers for a day's run,
   bytes shipped, where the single writer saturates, and the bulk path beyond it.

Usage::

    python bench/scale.py [--copies 6] [--repeat 2] [--ten-million] [--quick]
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
import pyoxigraph as ox
from common import ROOT, machine, print_table, timed, verdict
from synthkb import write_nquads

from kg.bulk import load_files
from kg.cluster import local_cluster
from kg.extract import extract_documents, load_nlp
from kg.mapping import article_triples, entity_triples
from kg.namespaces import ENTITIES_GRAPH, article_graph
from kg.pipeline import ingest, kb_gazetteer, relation_filter
from kg.read import content_hash, iter_sources, read_documents
from kg.resolve import resolve_document
from kg.store import open_kb, to_nquads

SHARED_DEV = ROOT.parent / "shared" / "corpus" / "dev"
SAMPLE = ROOT / "data" / "articles"
DAY = 86_400


def build_corpus(folder: Path, copies: int) -> int:
    """Copy the real articles ``copies`` times into ``folder`` (each copy its own file, so its own
    article); return the count. Never inside the repository."""
    originals = sorted(SHARED_DEV.glob("*.txt")) + [p for p in sorted(SAMPLE.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    folder.mkdir(parents=True)
    for copy in range(copies):
        for path in originals:
            shutil.copyfile(path, folder / f"{path.stem}-{copy}{path.suffix}")
    return copies * len(originals)


def timed_ingest(corpus: Path, kb_dir: Path, scheduler: str | None) -> float:
    """Seconds of one ingest into a fresh KB, locally or on the cluster at ``scheduler``."""
    shutil.rmtree(kb_dir, ignore_errors=True)
    options = {"executor": "dask", "scheduler": scheduler} if scheduler else {}
    seconds, report = timed(lambda: ingest([corpus], kb_dir, export=False, **options))
    assert not report.failed, report.failed
    return seconds


def measure_executors(corpus: Path, work: Path, repeat: int) -> dict[str, list[float]]:
    """Local, Dask 1 worker and Dask 2 workers, alternating ``repeat`` times."""
    times: dict[str, list[float]] = {"local": [], "dask 1 worker": [], "dask 2 workers": []}
    warm = work / "warm"
    warm.mkdir()
    for path in sorted(corpus.iterdir())[:2]:
        shutil.copyfile(path, warm / path.name)
    with local_cluster(1) as one, local_cluster(2) as two:  # the clusters `kg ingest --executor dask` starts
        clusters = {"local": None, "dask 1 worker": one.scheduler_address, "dask 2 workers": two.scheduler_address}
        for name, address in clusters.items():  # load the model in this process and in every worker
            timed_ingest(warm, work / "warm-kb", address)
        for run in range(repeat):
            for name, address in clusters.items():
                times[name].append(timed_ingest(corpus, work / "kb", address))
            print(f"  run {run + 1}: " + ", ".join(f"{n} {t[-1]:.1f} s" for n, t in times.items()), flush=True)
    return times


def cost_split(corpus: Path, work: Path) -> dict[str, float]:
    """Seconds per article of each stage of the local path, and the shipped bytes per article."""
    kb_dir = work / "split-kb"
    shutil.rmtree(kb_dir, ignore_errors=True)
    nlp, keep = load_nlp(), relation_filter(None)
    sources = list(iter_sources([corpus]))
    with open_kb(kb_dir) as kb:
        gazetteer = kb_gazetteer(kb, kb_dir)
        read_s, documents = timed(lambda: [d for d in read_documents(sources) if not isinstance(d, Exception)])
        nlp_s, extracted = timed(lambda: list(extract_documents(documents, nlp, gazetteer, 32, 1, kb_dir / "cache")))
        map_s, payloads = timed(lambda: [to_nquads({
            str(article_graph(document.doc_id)): article_triples(extraction),
            str(ENTITIES_GRAPH): entity_triples(extraction)})
            for document, extraction in ((d, resolve_document(d, m, r, gazetteer, keep)) for d, m, r in extracted)])
        store_s, _ = timed(lambda: [kb.write_article(payload) for payload in payloads])
        hash_s, _ = timed(lambda: [content_hash(source) for source in sources])
        quads = len(kb)
    n = len(documents)
    return {"read": read_s / n, "nlp": nlp_s / n, "map": map_s / n, "store": store_s / n, "hash": hash_s / n,
            "bytes": statistics.mean(len(p) for p in payloads),
            "file_bytes": statistics.mean(source.path.stat().st_size for source in sources),
            "quads": quads / n, "articles": n}


def bulk_rates(work: Path, size: int) -> dict[str, float]:
    """quads/s of pyoxigraph's bulk_load (one call) and of kg load, into fresh on-disk stores."""
    data = work / f"synthetic-{size}.nq"
    write_nquads(data, size)
    base_dir = work / f"raw-{size}"
    store = ox.Store(str(base_dir))
    raw_s, _ = timed(lambda: (store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS), store.flush()))
    quads = len(store)
    del store
    shutil.rmtree(base_dir)
    with open_kb(work / f"kb-{size}") as kb:
        kg_s, report = timed(lambda: load_files(kb, [data]))
    shutil.rmtree(work / f"kb-{size}")
    data.unlink()
    return {"quads": quads, "raw": quads / raw_s, "kg": quads / kg_s}


def report_executors(times: dict[str, list[float]], n: int) -> dict[str, float]:
    """Print the executor table and ratios; return articles/s (medians)."""
    rates = {name: n / statistics.median(t) for name, t in times.items()}
    print_table(["executor", "runs", "min s", "median s", "articles/s (median)"],
                [[name, len(t), min(t), statistics.median(t), rates[name]] for name, t in times.items()])
    one, two = rates["dask 1 worker"] / rates["local"], rates["dask 2 workers"] / rates["dask 1 worker"]
    print(f"\nDask 1 worker / local: {one:.2f} (target >= 0.9: {verdict(one >= 0.9)})")
    print(f"Dask 2 workers / 1 worker: {two:.2f} (target >= 1.7: {verdict(two >= 1.7)})")
    print(f"Dask 2 workers / local: {rates['dask 2 workers'] / rates['local']:.2f}")
    return rates


def report_split(split: dict[str, float]) -> None:
    total = sum(split[k] for k in ("read", "nlp", "map", "store"))
    print_table(["stage (local path)", "ms per article", "share"],
                [[stage, 1000 * split[key], f"{100 * split[key] / total:.1f} %"] for stage, key in
                 (("read (read, decode, clean)", "read"), ("NLP (spaCy + extraction components)", "nlp"),
                  ("map (resolve, triples, N-Quads)", "map"), ("store (single writer)", "store"))])
    print(f"\n{split['articles']} articles, {split['quads']:.0f} quads and {split['bytes'] / 1024:.1f} KiB of N-Quads "
          f"shipped per article (its file: {split['file_bytes'] / 1024:.1f} KiB); the Dask client also hashes each file: "
          f"{1000 * split['hash']:.2f} ms per article")


def report_plan(rates: dict[str, float], split: dict[str, float], bulk: dict[int, dict[str, float]]) -> None:
    """Workers for a day's run, bytes shipped, the writer's ceiling and the bulk path, from the measurements."""
    per_worker = rates["dask 2 workers"] / 2
    writer = 1 / (split["store"] + split["hash"])  # articles/s the single writer can take
    load_rate = max(bulk.values(), key=lambda r: r["quads"])["kg"]
    rows = []
    for articles in (1_000_000, 10_000_000):
        needed = articles / DAY
        rows.append([f"{articles:,}", f"{needed:.1f}", math.ceil(needed / per_worker),
                     f"{articles * split['bytes'] / 1e9:.1f} GB", f"{articles * split['file_bytes'] / 1e9:.1f} GB",
                     "yes" if needed > writer else "no", f"{articles * split['quads'] / load_rate / 3600:.1f} h"])
    print_table(["articles in a day", "articles/s needed", "workers (1 core each)", "N-Quads shipped",
                 "files read by workers", "beyond the writer?", "kg load of shards"], rows)
    print(f"\nper worker: {per_worker:.2f} articles/s; single writer (hash + write_article): {writer:.0f} articles/s, "
          f"saturated from about {writer / per_worker:.0f} workers; kg load: {load_rate:,.0f} quads/s "
          f"= {load_rate / split['quads']:.0f} articles/s")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=6, help="copies of each real article (default 6)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each executor (default 2)")
    parser.add_argument("--ten-million", action="store_true", help="also bulk-load 10 M quads (minutes, 2 GB of disk)")
    parser.add_argument("--quick", action="store_true", help="2 copies, 1 run, 200 k quads")
    args = parser.parse_args()
    copies, repeat = (2, 1) if args.quick else (args.copies, args.repeat)
    sizes = [200_000] if args.quick else [1_000_000, *([10_000_000] if args.ten_million else [])]
    print(f"# scaling out -- {machine()}")
    with tempfile.TemporaryDirectory(prefix="unikg-scale-") as tmp:
        work = Path(tmp)
        n = build_corpus(work / "corpus", copies)
        print(f"corpus: {n} articles ({copies} copies of {SHARED_DEV} and {SAMPLE})\n")
        rates = report_executors(measure_executors(work / "corpus", work, repeat), n)
        print()
        split = cost_split(work / "corpus", work)
        report_split(split)
        print()
        bulk = {size: bulk_rates(work, size) for size in sizes}
        print_table(["quads", "pyoxigraph bulk_load, quads/s (baseline)", "kg load, quads/s", "kg load / baseline"],
                    [[f"{r['quads']:,}", f"{r['raw']:,.0f}", f"{r['kg']:,.0f}", r["kg"] / r["raw"]] for r in bulk.values()])
        best = max(bulk.values(), key=lambda r: r["quads"])["kg"]
        print(f"\nkg load at {max(bulk):,} quads: {best:,.0f} quads/s (target >= 200,000: {verdict(best >= 200_000)})\n")
        report_plan(rates, split, bulk)
    print(f"\nfinished {time.strftime('%H:%M')}")


if __name__ == "__main__":
    main()
