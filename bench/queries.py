"""Latency of every library query on pyoxigraph (the KB) against rdflib's in-memory Dataset.

Builds a synthetic KB of about 1 M quads (``--quick``: 100 k) in the shape ``kg.mapping``
produces (see ``synthkb.py``), binds each query of ``kg.queries.library()`` to parameter
values that exist in it (resolved with ``kg.queries``' own entity lookup), then runs every
query ``--repeat`` times on

* pyoxigraph: ``KnowledgeBase.query`` (union default graph), the baseline; plus the
  end-to-end ``kg.queries.run`` (which also resolves entity names);
* rdflib: ``Dataset(default_union=True)`` loaded from the same data (N-Quads dump).

Each engine runs in a worker process that loads the data once; a query slower than
``--timeout`` seconds kills its worker (reported as TIMEOUT) and a new one goes on with
the next query. Prints the median latency per query and the ratio rdflib/oxigraph.
Target (issue 13): a median of at most 50 ms at 1 M quads and 200 ms at 10 M quads for every
query that is not a declared full scan (``# scan: true``, one page of rows); oxigraph faster
than rdflib (ratio > 1). The parameters are the generator's focus entities (``synthkb.FOCUS``),
each named in about one in ten of the statements of its kind: the hottest entities of the KB.

A 10 M-quad KB takes minutes to build: ``--kb DIR`` keeps it in DIR and later runs with the
same ``--triples`` and ``--seed`` reuse it (the queries are bound afresh on every run).

Usage::

    python bench/queries.py [--quick] [--triples 1000000] [--repeat 5] [--timeout 120]
    python bench/queries.py --triples 10000000 --kb /tmp/kb10m --engines oxigraph [--queries members-of ...]
"""

from __future__ import annotations

import argparse
import json
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
from common import BENCH_DIR, ROOT, machine, print_table, proc_status_mb
from synthkb import FOCUS, build_kb

#: parameter values by parameter name; (query, parameter) pairs override them
PARAM_VALUES = {"alliance": "ASRTU", "alliance1": "ASRTU", "alliance2": "Universitas 21",
                "university": FOCUS["University"], "entity": FOCUS["University"], "organization": FOCUS["University"],
                "program": FOCUS["Program"], "ranking": FOCUS["Ranking"], "country": "China", "year": "2020"}
OVERRIDES = {("founders", "organization"): "ASRTU", ("membership-timeline", "alliance"): "ASRTU"}
LOAD_TIMEOUT = 1800.0


def params_for(item) -> dict[str, str]:
    """Parameter values for one library query (entity names that exist in the synthetic KB)."""
    return {p: OVERRIDES.get((item.name, p), PARAM_VALUES.get(p, FOCUS["University"] if k == "entity" else "2020"))
            for p, k in zip(item.params, item.param_kinds) if k != "page"}  # full scans: their default page


def bound_queries(kb, names: list[str] | None = None, detail: str | None = None) -> list[dict]:
    """Every library query (or those ``names``) with its parameters bound as kg.queries.run binds them.

    ``detail="all"``: the statement-level variant (``--param detail=all``) where a query has one.
    """
    from kg import queries

    jobs = []
    for item in queries.library():
        if names and item.name not in names:
            continue
        params = params_for(item)
        if detail and item.detail_sparql:
            params["detail"] = detail
        sparql = queries.bind(kb, item, params)  # same text run() executes (with a full scan's page)
        jobs.append({"name": item.name, "params": params, "sparql": sparql})
    return jobs


def prepare_kb(root: Path, triples: int, seed: int) -> tuple[Path, int, int]:
    """The synthetic KB in ``root/kb``: reused when ``root/kb.json`` says it was built with the
    same size and seed, else built (minutes at 10 M quads). Returns (kb dir, quads, articles)."""
    kb_dir, meta_file = root / "kb", root / "kb.json"
    wanted = {"triples": triples, "seed": seed}
    if meta_file.is_file():
        meta = json.loads(meta_file.read_text())
        if {k: meta.get(k) for k in wanted} == wanted and kb_dir.is_dir():
            _ensure_summary(kb_dir)
            return kb_dir, meta["quads"], meta["articles"]
        raise SystemExit(f"{root} holds a KB of {meta.get('triples')} quads, seed {meta.get('seed')}; "
                         f"use another --kb folder for {triples} quads, seed {seed}")
    if kb_dir.exists():
        raise SystemExit(f"{kb_dir} exists without {meta_file.name}: remove it or choose another --kb folder")
    root.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    kb, articles = build_kb(kb_dir, triples, seed)
    quads = len(kb)
    kb.close()
    meta_file.write_text(json.dumps({**wanted, "quads": quads, "articles": articles,
                                     "build_seconds": round(time.perf_counter() - start, 1)}))
    return kb_dir, quads, articles


def _ensure_summary(kb_dir: Path) -> None:
    """Give a KB kept from an earlier run the fact summary (``kg.summary``) the queries read, when it lacks it."""
    from kg.store import open_kb

    start = time.perf_counter()
    with open_kb(kb_dir, create=False) as kb:
        if kb.ensure_summary():
            print(f"fact summary rebuilt in {time.perf_counter() - start:.1f} s", flush=True)


def prepare_jobs(kb_dir: Path, jobs_file: Path, names: list[str] | None, detail: str | None) -> None:
    """Bind the current library's queries to the KB's entities (every run: the .rq files change)."""
    from kg.store import open_kb

    kb = open_kb(kb_dir, create=False, read_only=True)  # never closed: close() flushes, read-only refuses
    jobs_file.write_text(json.dumps(bound_queries(kb, names, detail)))


def prepare_nquads(kb_dir: Path) -> Path:
    """An N-Quads dump of the KB next to it, for rdflib (made once per --kb folder)."""
    import pyoxigraph as ox

    nquads = kb_dir.parent / "kb.nq"
    if not nquads.is_file():
        from kg.store import open_kb

        open_kb(kb_dir, create=False, read_only=True).store.dump(str(nquads), ox.RdfFormat.N_QUADS)
    return nquads


# ---------------------------------------------------------------- worker side

def _load(engine: str, data: str):
    """The engine's query function over the loaded data."""
    from kg.namespaces import PREFIXES

    if engine == "oxigraph":
        from kg.store import open_kb

        kb = open_kb(data, create=False, read_only=True)  # never closed: close() flushes, read-only refuses
        return lambda sparql: sum(1 for _ in kb.query(sparql)), kb
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    return lambda sparql: len(list(dataset.query(sparql, initNs=PREFIXES))), None


def _median_run(func, repeat: int, budget: float) -> tuple[float, int, object, float]:
    """Median seconds of up to ``repeat`` calls (stops early once ``budget`` seconds are spent).

    After each call a ``{"tick": ...}`` line tells the parent the worker is alive, so its
    ``--timeout`` applies to one run of a query, not to all repeats together.
    """
    times, result, spent = [], None, 0.0
    while len(times) < repeat and (not times or spent < budget):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
        spent += times[-1]
        print(json.dumps({"tick": times[-1]}), flush=True)
    times.sort()
    return times[len(times) // 2], len(times), result, times[0]


def worker(engine: str, data: str, jobs_file: str, skip: int, repeat: int, budget: float) -> None:
    """Load once, then print one JSON line per query (from index ``skip``)."""
    start = time.perf_counter()
    query, kb = _load(engine, data)
    print(json.dumps({"loaded": time.perf_counter() - start, "rss_mb": proc_status_mb("VmRSS")}), flush=True)
    for job in json.loads(Path(jobs_file).read_text())[skip:]:
        try:
            median, runs, rows, fastest = _median_run(lambda: query(job["sparql"]), repeat, budget)
        except Exception as exc:  # noqa: BLE001  (an engine bug must not end the benchmark)
            print(json.dumps({"query": job["name"], "error": f"{type(exc).__name__}: {exc}"[:200]}), flush=True)
            continue
        line = {"query": job["name"], "median": median, "min": fastest, "runs": runs, "rows": rows}
        if kb is not None:
            from kg.queries import run

            line["run_median"] = _median_run(lambda: run(kb, job["name"], job["params"]), repeat, budget)[0]
        print(json.dumps(line), flush=True)


# ---------------------------------------------------------------- parent side

def _read_line(proc: subprocess.Popen, timeout: float) -> dict | None:
    """The next JSON line of a worker, or None on timeout or exit."""
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    ready = selector.select(timeout)
    selector.close()
    line = proc.stdout.readline() if ready else ""
    return json.loads(line) if line.strip() else None


def _start(engine: str, data: Path, jobs_file: Path, skip: int, args) -> tuple[subprocess.Popen, dict | None]:
    cmd = [sys.executable, str(BENCH_DIR / "queries.py"), "--worker", engine, str(data), str(jobs_file),
           "--skip", str(skip), "--repeat", str(args.repeat), "--budget", str(args.budget)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return proc, _read_line(proc, LOAD_TIMEOUT)


def run_engine(engine: str, data: Path, jobs_file: Path, args) -> tuple[dict, dict[str, dict]]:
    """Run every query on one engine; restart the worker after a timeout. Returns (load info, results)."""
    names = [job["name"] for job in json.loads(jobs_file.read_text())]
    results: dict[str, dict] = {}
    load: dict = {}
    while len(results) < len(names):
        proc, loaded = _start(engine, data, jobs_file, len(results), args)
        load = load or loaded or {"loaded": float("nan"), "rss_mb": float("nan")}
        while len(results) < len(names):
            line = _read_line(proc, args.timeout) if loaded else None
            while line is not None and "tick" in line:  # one run done: the timeout starts again
                line = _read_line(proc, args.timeout)
            if line is None:
                results[names[len(results)]] = {"timeout": True}
                proc.kill()
                break
            results[line["query"]] = line
        proc.wait()
    return load, results


def _cell(result: dict, key: str = "median") -> str | float:
    if result.get("skipped"):
        return "-"
    if "error" in result:
        return "ERROR"
    return "TIMEOUT" if result.get("timeout") else result.get(key, float("nan")) * 1000


def _failed(result: dict) -> bool:
    return bool(result.get("timeout") or "error" in result or result.get("skipped"))


def report(ox_results: dict, rdf_results: dict, timeout: float, target: float) -> None:
    """Print the per-query table (milliseconds; min = the fastest run) and the ratios."""
    from kg.queries import library

    scans = {item.name for item in library() if item.scan}
    rows, ratios = [], []
    for name, ox_result in ox_results.items():
        rdf = rdf_results.get(name, {"timeout": True}) if rdf_results else {"skipped": True}  # rdflib not run
        ratio = "-" if _failed(ox_result) or _failed(rdf) else rdf["median"] / ox_result["median"]
        if isinstance(ratio, float):
            ratios.append(ratio)
        elif rdf.get("timeout") and not _failed(ox_result):
            ratio = f">{timeout / ox_result['median']:.0f}"
        rows.append([name + (" (scan)" if name in scans else ""), ox_result.get("rows", "-"), _cell(ox_result),
                     _cell(ox_result, "min"), _cell(ox_result, "run_median"), _cell(rdf), ratio])
    print_table(["query", "rows", "oxigraph ms", "min ms", "kg run() ms", "rdflib ms", "rdflib/oxigraph"], rows)
    slow = [n for n, r in ox_results.items() if n not in scans and (_failed(r) or r["median"] > target)]
    if ratios:
        ratios.sort()
        print(f"\nrdflib/oxigraph median ratio: {ratios[len(ratios) // 2]:.1f} (min {ratios[0]:.2f}, max {ratios[-1]:.1f})")
    print(f"full scans (one page, no latency target): {', '.join(sorted(scans & set(ox_results))) or 'none'}")
    print(f"other oxigraph queries over {target * 1000:.0f} ms median (target: none): {', '.join(slow) or 'none'}")


def main() -> None:
    """Command line entry point (parent, or ``--worker ENGINE DATA JOBS``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="about 100k quads instead of 1M")
    parser.add_argument("--triples", type=int, help="synthetic quads to generate (default 1,000,000; quick 100,000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query, median taken (default 5)")
    parser.add_argument("--budget", type=float, default=None, help="stop repeating a query after this many seconds (20; quick 5)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds one run of a query may take before it is abandoned (120; quick 10)")
    parser.add_argument("--engines", nargs="+", default=["oxigraph", "rdflib"], choices=["oxigraph", "rdflib"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kb", type=Path, help="folder to keep the synthetic KB in: built on the first run, "
                                                "reused by later runs of the same --triples and --seed")
    parser.add_argument("--queries", nargs="+", metavar="NAME", help="run only these library queries")
    parser.add_argument("--detail", choices=["all"], help="run the statement-level variants (--param detail=all)")
    parser.add_argument("--worker", nargs=3, metavar=("ENGINE", "DATA", "JOBS"), help=argparse.SUPPRESS)
    parser.add_argument("--skip", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, args.skip, args.repeat, args.budget)
        return
    args.timeout = args.timeout or (10.0 if args.quick else 120.0)
    args.budget = args.budget or (5.0 if args.quick else 20.0)
    triples = args.triples or (100_000 if args.quick else 1_000_000)
    print(f"# queries -- {machine()}")
    with tempfile.TemporaryDirectory(prefix="unikg-bench-") as tmp:
        kb_dir, quads, articles = prepare_kb(args.kb or Path(tmp), triples, args.seed)
        jobs_file = Path(tmp) / "jobs.json"
        prepare_jobs(kb_dir, jobs_file, args.queries, args.detail)
        print(f"KB: {quads} quads, {articles} synthetic articles + gazetteer ({kb_dir}); repeat {args.repeat}, "
              f"timeout {args.timeout:.0f} s{'; detail=' + args.detail if args.detail else ''}")
        results = {}
        for engine in args.engines:
            data = kb_dir if engine == "oxigraph" else prepare_nquads(kb_dir)
            load, results[engine] = run_engine(engine, data, jobs_file, args)
            print(f"{engine}: loaded in {load['loaded']:.1f} s, RSS after load {load['rss_mb']:.0f} MB")
    target = 0.05 if quads <= 2_000_000 else 0.2  # seconds: 50 ms at 1 M quads, 200 ms at 10 M
    report(results.get("oxigraph", {}), results.get("rdflib", {}), args.timeout, target)


if __name__ == "__main__":
    main()
