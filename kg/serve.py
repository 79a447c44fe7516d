"""A local SPARQL 1.1 Protocol endpoint and web explorer over a KB (``kg serve``).

``/sparql`` speaks the standard protocol (GET ``?query=``, POST form-encoded, POST
``application/sparql-query``), so SPARQLWrapper, rdflib's ``SPARQLStore``, YASGUI or curl
work against it. SELECT/ASK results come as SPARQL JSON (default), XML, CSV or TSV;
CONSTRUCT/DESCRIBE as Turtle (default), JSON-LD, N-Triples or RDF/XML, chosen by the
``Accept`` header or a ``format=`` parameter (``json``, ``csv``, ``turtle``, ...).
The default graph is the union of all graphs, and the prefixes of ``graph.ttl``
(``unikg:``, ``org:``, ``article:``, ``rdfs:``, ...; listed by ``/api/info``) are predeclared.

The endpoint is read-only (SPARQL Update answers 403) and guarded: each query runs in a
worker process holding its own read-only view of the store, so a runaway query is killed
after ``timeout`` seconds (503) while other requests carry on; SELECT results longer than
``max_rows`` (and CONSTRUCT results with more triples) are cut to ``max_rows`` and flagged
with the header ``X-SPARQL-MaxRows: <max_rows>`` (the convention of Virtuoso).
``SERVICE`` and ``LOAD`` are refused on the parsed request (:mod:`kg.sparql_safety`): the
server never fetches other URLs. Queries too large or deeply nested to parse safely are refused
before parsing.

Requests must name this server in ``Host`` (127.0.0.1, localhost, [::1] or the ``--host``, with
its port), so a web page cannot read the KB through a DNS-rebinding name; POSTs from another
origin (``Origin``, ``Sec-Fetch-Site``) are refused, so no page can send an update. A malformed
request (bad ``Content-Length``, body over 1 MB, a JSON body of the wrong shape, a bad
``limit``) gets a 4xx answer with a short message.

The web page at ``/`` (``kg/static/``) runs library queries and draws an entity's
neighbourhood with vis-network, served from the files bundled in the ``pyvis`` package.
Its JSON API: ``/api/info``, ``/api/queries``, ``/api/neighbourhood?iri=`` (or ``?name=``)
and ``POST /api/bind`` (a library query with its parameters bound, as SPARQL text).
"""

from __future__ import annotations

import importlib.util
import ipaddress
import itertools
import json
import logging
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from . import queries
from . import summary as fact_summary
from .errors import ConfigError, KgError, QueryError
from .export import mark_exports_stale, TURTLE_PREFIXES
from .sparql_safety import check_query_shape, fetches, format_syntax_error
from .store import open_kb

__all__ = ["make_server", "run_server", "SparqlServer"]

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY = 1 << 20  # bytes of a POST body
UNIKG = "https://w3id.org/unikg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_CLASSES = ("Alliance", "University", "ResearchInstitute", "Program", "Ranking",
                  "Organization", "Person", "Country")
_CLASS_RANK = {name: rank for rank, name in enumerate(ENTITY_CLASSES + ("Article",))}


# ---------------------------------------------------------------- formats and negotiation

@dataclass(frozen=True, slots=True)
class _Format:
    key: str
    content_type: str
    accepts: tuple[str, ...]  # media types answered by this format, best first
    names: tuple[str, ...]  # values of format=/output=/results= meaning this format
    ox_format: object


_RESULT_FORMATS = (
    _Format("json", "application/sparql-results+json",
            ("application/sparql-results+json", "application/json", "text/javascript", "application/javascript"),
            ("json", "srj"), ox.QueryResultsFormat.JSON),
    _Format("xml", "application/sparql-results+xml",
            ("application/sparql-results+xml", "application/xml", "text/xml"), ("xml", "srx"),
            ox.QueryResultsFormat.XML),
    _Format("csv", "text/csv; charset=utf-8", ("text/csv",), ("csv",), ox.QueryResultsFormat.CSV),
    _Format("tsv", "text/tab-separated-values; charset=utf-8", ("text/tab-separated-values",), ("tsv",),
            ox.QueryResultsFormat.TSV),
)
_GRAPH_FORMATS = (
    _Format("turtle", "text/turtle; charset=utf-8",
            ("text/turtle", "application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
            ("turtle", "ttl", "n3"), ox.RdfFormat.TURTLE),
    _Format("jsonld", "application/ld+json", ("application/ld+json", "application/json"),
            ("jsonld", "json-ld", "json"), ox.RdfFormat.JSON_LD),
    _Format("ntriples", "application/n-triples", ("application/n-triples", "text/plain"),
            ("nt", "ntriples", "n-triples"), ox.RdfFormat.N_TRIPLES),
    _Format("rdfxml", "application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml"),
            ("rdf", "rdfxml", "rdf+xml", "xml"), ox.RdfFormat.RDF_XML),
)


def _parse_accept(accept: str) -> list[str]:
    """Media ranges of an Accept header, best first (q=0 dropped, ties keep their order)."""
    ranges = []
    for index, part in enumerate(p for p in accept.split(",") if p.strip()):
        media, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, index, media.lower()))
    return [media for _, _, media in sorted(ranges)]


def negotiate(accept: str, hints: list[str], graph: bool) -> _Format | None:
    """The format to answer with, or None when nothing acceptable is offered.

    A recognised ``format=``/``output=`` hint wins over ``Accept``; no Accept, or ``*/*``,
    gives the default (SPARQL JSON for solutions, Turtle for triples).

    >>> negotiate("text/csv", [], graph=False).key
    'csv'
    >>> negotiate("", ["turtle"], graph=True).key
    'turtle'
    >>> negotiate("image/png", [], graph=False) is None
    True
    """
    offers = _GRAPH_FORMATS if graph else _RESULT_FORMATS
    for hint in hints:
        hint = hint.strip().lower()
        for fmt in offers:
            if hint in fmt.names or hint in fmt.accepts:
                return fmt
    ranges = _parse_accept(accept or "*/*")
    for media in ranges:
        for fmt in offers:
            if media == "*/*" or media in fmt.accepts or (
                    media.endswith("/*") and any(a.startswith(media[:-1]) for a in fmt.accepts)):
                return fmt
    return None


# ---------------------------------------------------------------- worker side

@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer computed by a worker: status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


def _error(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def _json_reply(value: object, status: int = 200) -> Reply:
    return Reply(status, "application/json", json.dumps(value, ensure_ascii=False).encode())


_NEUTRAL = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                      r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*|BASE\s*)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def _keywords(sparql: str) -> str:
    """The SPARQL text with strings, IRIs and comments blanked, so keywords can be searched."""
    return _NEUTRAL.sub(" ", sparql)


def is_update(sparql: str) -> bool:
    """Whether SPARQL text is an update request (INSERT, DELETE, LOAD, DROP, ...).

    >>> is_update("PREFIX ex: <http://ex/> INSERT DATA { ex:a ex:b ex:c }")
    True
    >>> is_update("SELECT * WHERE { ?s ?p 'DROP' }")
    False
    """
    return bool(_UPDATE.match(_keywords(sparql)))


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        value["datatype"] = term.datatype.value
    return value


def _solutions_json(result: ox.QuerySolutions, max_rows: int) -> tuple[bytes, bool]:
    """SPARQL JSON of at most ``max_rows`` solutions, and whether there were more."""
    names = [v.value for v in result.variables]
    bindings, truncated = [], False
    for solution in result:
        if len(bindings) >= max_rows:
            truncated = True
            break
        bindings.append({n: _json_term(solution[n]) for n in names if solution[n] is not None})
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode(), truncated


def _serialize(result, fmt: _Format, max_rows: int) -> tuple[bytes, bool]:
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=fmt.ox_format), False
    if isinstance(result, ox.QueryTriples):
        triples = list(itertools.islice(result, max_rows + 1))
        body = ox.serialize(triples[:max_rows], format=fmt.ox_format, prefixes=_GRAPH_PREFIXES)
        return body, len(triples) > max_rows
    body, truncated = _solutions_json(result, max_rows)
    if fmt.key != "json":
        body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=fmt.ox_format)
    return body, truncated


# res: would write every entity as res:org\/name; full IRIs read better
_GRAPH_PREFIXES = {k: v for k, v in TURTLE_PREFIXES.items() if k != "res"}


def _dataset(job: dict) -> dict:
    """Store.query keywords for the protocol's default-graph-uri / named-graph-uri."""
    options = {"use_default_graph_as_union": not job.get("default_graphs")}
    if job.get("default_graphs"):
        options["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    if job.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    return options


def _refusal(sparql: str, update: bool = False) -> Reply | None:
    """A 400 reply for text too large or nested to parse safely, or that would fetch a URL; else None."""
    try:
        check_query_shape(sparql)
    except QueryError as exc:
        return _error(400, str(exc))
    reason = fetches(sparql, update=update)
    return _error(400, reason) if reason else None


def _run_sparql(kb, job: dict) -> Reply:
    text = job["query"]
    refusal = _refusal(text)
    if refusal:
        return refusal
    try:
        result = kb.store.query(text, prefixes=TURTLE_PREFIXES, **_dataset(job))
    except SyntaxError as exc:
        if is_update(text):
            return _error(403, "SPARQL Update is not allowed: this endpoint is read-only")
        return _error(400, format_syntax_error(text, exc))
    except (OSError, ValueError) as exc:
        return _error(400, f"query failed: {exc}")
    fmt = negotiate(job.get("accept", ""), job.get("formats", []), isinstance(result, ox.QueryTriples))
    if fmt is None:
        offers = _GRAPH_FORMATS if isinstance(result, ox.QueryTriples) else _RESULT_FORMATS
        return _error(406, "cannot answer in the requested format; available: "
                      + ", ".join(f.accepts[0] for f in offers))
    try:
        body, truncated = _serialize(result, fmt, job["max_rows"])
    except (OSError, ValueError) as exc:
        return _error(500, f"query failed while evaluating: {exc}")
    headers = (("X-SPARQL-MaxRows", str(job["max_rows"])),) if truncated else ()
    return Reply(200, fmt.content_type, body, headers)


def _bind_library(kb, job: dict) -> Reply:
    """A library query's text (maybe edited) with its parameters bound by a VALUES block."""
    item = next((q for q in queries.library() if q.name == job.get("library")), None)
    if item is None:
        return _json_reply({"error": f"no library query named {job.get('library')!r}"}, 400)
    params = {k: v for k, v in (job.get("params") or {}).items() if str(v).strip()}
    try:
        sparql = queries.bind(kb, item, params, job.get("query"))
    except KgError as exc:
        return _json_reply({"error": str(exc)}, 400)
    return _json_reply({"sparql": sparql})


_NEIGHBOURS = """SELECT DISTINCT ?dir ?p ?other WHERE {
  { %(center)s ?p ?other . BIND("out" AS ?dir) FILTER(isIRI(?other) && ?p != rdf:type) %(out)s }
  UNION
  { ?other ?p %(center)s . BIND("in" AS ?dir) ?other a ?class . VALUES ?class { %(classes)s } }
} ORDER BY ?p ?other LIMIT %(limit)d"""

_DESCRIBE_NODES = """SELECT ?node ?p ?o WHERE {
  VALUES ?node { %s } ?node ?p ?o .
  FILTER(?p IN (rdf:type, rdfs:label, unikg:title))
}"""


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def _node_summaries(kb, iris: list[str]) -> dict[str, dict]:
    """Label and type of each node (a unikg class local name; entity classes first)."""
    nodes = {iri: {"id": iri, "label": None, "types": []} for iri in iris}
    for chunk in (iris[i:i + 200] for i in range(0, len(iris), 200)):
        values = " ".join(str(ox.NamedNode(i)) for i in chunk)
        for row in kb.store.query(_DESCRIBE_NODES % values, prefixes=TURTLE_PREFIXES, use_default_graph_as_union=True):
            node, p, o = nodes[row["node"].value], row["p"].value, row["o"]
            if p == RDF_TYPE and o.value.startswith(UNIKG):
                node["types"].append(o.value[len(UNIKG):])
            elif node["label"] is None or p.endswith("label"):
                node["label"] = o.value
    for node in nodes.values():
        ranked = sorted(set(node["types"]), key=lambda t: (_CLASS_RANK.get(t, len(_CLASS_RANK)), t))
        node["type"] = ranked[0] if ranked else "Other"
        node["types"] = ranked
        node["label"] = node["label"] or _local_name(node["id"])
    return nodes


def _center(kb, job: dict) -> ox.NamedNode:
    value = (job.get("iri") or job.get("name") or "").strip()
    if not value:
        raise QueryError("give ?iri=IRI or ?name=NAME of an entity")
    try:
        return queries.resolve_entity(kb, value)
    except QueryError:
        raise
    except ValueError as exc:  # an IRI that ox.NamedNode rejects
        raise QueryError(f"{value!r} is not a valid IRI: {exc}") from exc


def _properties(kb, center: ox.NamedNode) -> list[dict]:
    """The centre's literal values and outside links (owl:sameAs), for the info panel."""
    props = []
    sparql = "SELECT DISTINCT ?p ?o WHERE { %s ?p ?o FILTER(isLiteral(?o) || ?p = owl:sameAs) } ORDER BY ?p ?o LIMIT 500"
    for row in kb.store.query(sparql % center, prefixes=TURTLE_PREFIXES, use_default_graph_as_union=True):
        props.append({"predicate": row["p"].value, "name": _local_name(row["p"].value),
                      "value": row["o"].value, "iri": isinstance(row["o"], ox.NamedNode)})
    return props


def _neighbourhood(kb, job: dict) -> Reply:
    """Nodes and edges around one node: its facts with other entities (vis-network shaped)."""
    try:
        center = _center(kb, job)
    except KgError as exc:
        return _json_reply({"error": str(exc)}, 404)
    limit = max(1, min(int(job.get("limit") or 150), 1000))  # the handler checked it is a number
    kinds = _node_summaries(kb, [center.value])[center.value]
    entity = kinds["type"] in ENTITY_CLASSES
    classes = " ".join(f"unikg:{c}" for c in ENTITY_CLASSES)
    out_filter = "?other a ?oclass . VALUES ?oclass { %s }" % classes if entity else ""
    sparql = _NEIGHBOURS % {"center": center, "out": out_filter, "classes": classes, "limit": limit + 1}
    rows = list(kb.store.query(sparql, prefixes=TURTLE_PREFIXES, use_default_graph_as_union=True))
    truncated = len(rows) > limit
    rows = rows[:limit]
    nodes = _node_summaries(kb, sorted({r["other"].value for r in rows} | {center.value}))
    edges = []
    for row in rows:
        other, p = row["other"].value, row["p"].value
        source, target = (center.value, other) if row["dir"].value == "out" else (other, center.value)
        edges.append({"id": f"{source} {p} {target}", "from": source, "to": target,
                      "predicate": p, "label": _local_name(p)})
    return _json_reply({"center": center.value, "nodes": list(nodes.values()), "edges": edges,
                        "properties": _properties(kb, center), "truncated": truncated, "limit": limit})


def _info(kb, job: dict) -> Reply:
    return _json_reply({"kb": kb.path.name, "articles": kb.article_count(), "graphs": len(kb.graphs()),
                        "quads": len(kb), "prefixes": TURTLE_PREFIXES})


_OPS = {"sparql": _run_sparql, "bind": _bind_library, "neighbourhood": _neighbourhood, "info": _info}


def _store_signature(store_dir: Path) -> tuple:
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(store_dir)))
    except OSError:
        return ()


class _Snapshot:
    """A read-only view of the KB, reopened when the store's files change (after `kg ingest`)."""

    def __init__(self, kb_dir: str):
        self.kb_dir = Path(kb_dir)
        self._kb = None
        self._signature = None

    def get(self):
        signature = _store_signature(self.kb_dir / "store")
        if self._kb is None or signature != self._signature:
            self._kb = None
            self._kb = open_kb(self.kb_dir, create=False, read_only=True)
            self._signature = signature
        return self._kb


def _worker_main(kb_dir: str, conn) -> None:
    """Body of a worker process: answer jobs from ``conn`` until it closes."""
    snapshot = _Snapshot(kb_dir)
    try:
        snapshot.get()
    except KgError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = _OPS[job["op"]](snapshot.get(), job)
        except KgError as exc:
            reply = _error(400, str(exc))
        except Exception as exc:  # a bug must cost one request, not the worker: answer 500, log it
            traceback.print_exc()
            reply = _error(500, f"internal error: {exc!r}")
        conn.send(reply)


class _Duplex:
    """A two-way message channel over a reading and a writing pipe."""

    def __init__(self, read_fd: int, write_fd: int):
        self._reader = Connection(read_fd, writable=False)
        self._writer = Connection(write_fd, readable=False)
        self.poll, self.recv, self.send = self._reader.poll, self._reader.recv, self._writer.send

    def close(self) -> None:
        self._reader.close()
        self._writer.close()


def _worker_process() -> None:
    """Entry point of ``python -c 'from kg.serve import _worker_process; _worker_process()' KB``.

    Messages come on stdin and go out on stdout; stray prints are sent to stderr instead.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    channel = _Duplex(os.dup(0), os.dup(1))
    os.dup2(2, 1)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker_main(sys.argv[1], channel)


def _exit_with_parent(parent: int) -> None:
    """Stop this worker, even mid-query, once the server process is gone (e.g. killed)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


_WORKER_CODE = "from kg.serve import _worker_process; _worker_process()"


class _Worker:
    """One worker process (a fresh interpreter, so no fork and no re-import of __main__)."""

    def __init__(self, kb_dir: str):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                          env.get("PYTHONPATH")]))
        self.process = subprocess.Popen([sys.executable, "-c", _WORKER_CODE, kb_dir], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.conn = _Duplex(os.dup(self.process.stdout.fileno()), os.dup(self.process.stdin.fileno()))
        self.process.stdout.close()
        self.process.stdin.close()

    def wait_ready(self, timeout: float) -> str | None:
        """None once the worker is ready, else why it is not."""
        try:
            if not self.conn.poll(timeout):
                return f"query worker did not start within {timeout:.0f} s"
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            return "query worker died while starting (see the messages above)"
        return None if status == "ready" else detail

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)
        self.conn.close()


class _WorkerPool:
    """Worker processes with read-only views of the KB; a job over its time is killed with its worker."""

    def __init__(self, kb_dir: Path, size: int):
        self.kb_dir = str(kb_dir)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.startup_error: str | None = None
        first = self._start()
        if self.startup_error:
            self.close()
            raise ConfigError(f"{kb_dir}: cannot serve this KB: {self.startup_error}")
        self._idle.put(first)
        for _ in range(size - 1):
            self._replace()

    def _start(self) -> _Worker | None:
        worker = _Worker(self.kb_dir)
        with self._lock:
            self._all.add(worker)
        problem = worker.wait_ready(120)
        if problem or self._closed:
            self.startup_error = problem
            self._discard(worker)
            return None
        return worker

    def _replace(self) -> None:
        def start_and_offer():
            worker = self._start()
            if worker is not None:
                self._idle.put(worker)
        threading.Thread(target=start_and_offer, daemon=True, name="unikg-worker-start").start()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def run(self, job: dict, timeout: float) -> Reply:
        """The worker's reply to ``job``, or a 503 reply when it takes over ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return _error(503, f"all query workers stayed busy for {timeout:g} s; try again shortly")
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError) as exc:
            self._discard(worker)
            self._replace()
            return _error(500, f"the query worker died ({exc or 'no reply'}); the query may need too much memory")
        self._discard(worker)
        self._replace()
        return _error(503, f"query timed out: it ran longer than the {timeout:g} s limit and was stopped; "
                           "add LIMIT, narrow the patterns or avoid cross joins")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._discard(worker)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: a pool of query workers, the read-only flag and the limits."""

    daemon_threads = True

    def __init__(self, address, kb_dir: Path, timeout: float, max_rows: int, allow_update: bool, workers: int,
                 allowed_hosts: tuple[str, ...] = ()):
        self.kb_dir = kb_dir
        self.extra_hosts = tuple(h.lower() for h in allowed_hosts)
        self.query_timeout = timeout
        self.max_rows = max_rows
        self.allow_update = allow_update
        self._update_lock = threading.Lock()
        self.pool = _WorkerPool(kb_dir, workers)
        try:
            super().__init__(address, _Handler)
        except OSError as exc:
            self.pool.close()
            raise ConfigError(f"cannot listen on {address[0]}:{address[1]} ({exc.strerror or exc}); "
                              f"is another server using it? choose another --port") from exc

    def host_allowed(self, host: str | None) -> bool:
        """Whether a ``Host`` header names this server: a loopback name or address, the bound host
        or an allowed name, with the bound port (any IP address when bound to all interfaces)."""
        if not host:
            return False
        match = re.fullmatch(r"(\[[0-9a-fA-F:.]+\]|[^\[\]:]+)(?::(\d+))?", host.strip())
        if match is None or (match.group(2) is not None and int(match.group(2)) != self.server_address[1]):
            return False
        name = match.group(1).lower().strip("[]").rstrip(".")
        bound = str(self.server_address[0]).lower()
        if name in {"localhost", "127.0.0.1", "::1", bound, *self.extra_hosts}:
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False  # a DNS name this server was not told about: maybe a rebinding attack
        return address.is_loopback or bound in ("0.0.0.0", "::")

    def origin_allowed(self, origin: str | None, fetch_site: str | None) -> bool:
        """Whether a request comes from this server's own pages (or from no browser page at all)."""
        if fetch_site and fetch_site.lower() not in ("same-origin", "none"):
            return False
        if not origin:
            return True
        parts = urlsplit(origin)
        return parts.scheme == "http" and self.host_allowed(parts.netloc) and parts.port == self.server_address[1]

    @property
    def url(self) -> str:
        """The address of the web page, e.g. ``http://127.0.0.1:7878/``."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def run_update(self, sparql: str) -> Reply:
        """Apply an update to the KB (only with ``allow_update``); workers see it on their next job.

        The fact summary (:mod:`kg.summary`) is marked outdated first and rebuilt after the update
        (queries meanwhile use the statement-level texts), since an update may change any graph.
        """
        refusal = _refusal(sparql, update=True)
        if refusal:
            return refusal
        with self._update_lock:
            try:
                with open_kb(self.kb_dir, create=False) as kb:
                    kb.store.update(fact_summary.drop_marker_text())
                    try:
                        kb.store.update(sparql, prefixes=TURTLE_PREFIXES)
                    finally:
                        kb.ensure_summary()
                mark_exports_stale(self.kb_dir)  # an edit inside a graph keeps its content hash: rewrite at the next export
            except SyntaxError as exc:
                return _error(400, format_syntax_error(sparql, exc))
            except (OSError, KgError) as exc:
                return _error(500, f"update failed: {exc}")
        return Reply(204, "text/plain", b"")

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def _vendor_dir() -> Path | None:
    """vis-network's files as bundled by the pyvis package (found without importing pyvis)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        return None
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
    versions = sorted(lib.glob("vis-*/vis-network.min.js"),
                      key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.parent.name)))
    return versions[-1].parent if versions else None


_STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png"}


def _static_file(path: str) -> Path | None:
    """The file for a /static/... path; only plain names inside known folders are served."""
    name = path.removeprefix("/static/")
    if name.startswith("vendor/"):
        folder, name = _vendor_dir(), name.removeprefix("vendor/")
    else:
        folder = STATIC_DIR
    if folder is None or not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        return None
    candidate = folder / name
    return candidate if candidate.is_file() else None


class _BadRequest(Exception):
    """A request refused before it reaches an endpoint; carries the reply to send."""

    def __init__(self, reply: Reply):
        super().__init__(reply.body.decode())
        self.reply = reply


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "unikg-serve"
    timeout = 60  # seconds a client may take to send its request (no endless slow bodies)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (BaseHTTPRequestHandler's name)
        log.info("%s %s", self.address_string(), format % args)

    # --- responses
    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept")
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _job(self, op: str, **fields) -> None:
        job = {"op": op, "max_rows": self.server.max_rows, **fields}
        self._send(self.server.pool.run(job, self.server.query_timeout))

    # --- checks common to every request
    def _checked(self, route) -> None:
        """Run ``route`` if the request names this server; send the refusal of a bad request."""
        if not self.server.host_allowed(self.headers.get("Host")):
            self.close_connection = True
            self._send(_error(421, "unknown Host: this server answers to 127.0.0.1, localhost or [::1] "
                                   "with its port (or its --host)"))
            return
        try:
            route()
        except _BadRequest as refused:
            self.close_connection = True  # an unread body must not be taken for the next request
            self._send(refused.reply)

    def _body(self) -> str:
        """The request body (at most MAX_BODY bytes) as text."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise _BadRequest(_error(411, "send the body with a Content-Length, not chunked"))
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit() or not raw.isascii():
            raise _BadRequest(_error(400, f"Content-Length must be a number of bytes, not {raw[:20]!r}"))
        length = int(raw)
        if length > MAX_BODY:
            raise _BadRequest(_error(413, f"request body over {MAX_BODY} bytes"))
        return self.rfile.read(length).decode("utf-8", errors="replace")

    # --- routing
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._checked(self._route_get)

    def _route_get(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            self._sparql(params)
        elif url.path in ("/", "/index.html"):
            self._file(STATIC_DIR / "index.html")
        elif url.path.startswith("/static/"):
            self._file(_static_file(url.path))
        elif url.path == "/api/queries":
            self._send(_json_reply(_library_json()))
        elif url.path == "/api/info":
            self._job("info")
        elif url.path in ("/api/neighbourhood", "/api/neighborhood"):
            self._job("neighbourhood", iri=_first(params, "iri"), name=_first(params, "name"),
                      limit=_limit(_first(params, "limit")))
        else:
            self._send(_error(404, f"no page at {url.path}; the SPARQL endpoint is /sparql"))

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        self._checked(self._route_post)

    def _route_post(self) -> None:
        if not self.server.origin_allowed(self.headers.get("Origin"), self.headers.get("Sec-Fetch-Site")):
            raise _BadRequest(_error(403, "cross-origin request refused: POST from this server's own page, "
                                          "or from a program that sends no Origin"))
        url = urlsplit(self.path)
        body = self._body()
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            self._sparql_post(params, body)
        elif url.path == "/api/bind":
            self._bind(body)
        else:
            self._send(_error(404, f"cannot POST to {url.path}; the SPARQL endpoint is /sparql"))

    # --- endpoints
    def _sparql_post(self, params: dict, body: str) -> None:
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            params = {**params, **parse_qs(body, keep_blank_values=True)}
        elif content_type == "application/sparql-query":
            params = {**params, "query": [body]}
        elif content_type == "application/sparql-update":
            params = {**params, "update": [body]}
        else:
            self._send(_error(415, "POST the query as application/sparql-query, application/sparql-update "
                                   "or an application/x-www-form-urlencoded form"))
            return
        self._sparql(params, post=True)

    def _sparql(self, params: dict, post: bool = False) -> None:
        if "update" in params:
            self._update(params["update"][0], post)
            return
        if "query" not in params:
            if "text/html" in (self.headers.get("Accept") or ""):
                self._redirect("/")
            else:
                self._send(_error(400, "missing query: send ?query=SPARQL (GET) or POST it"))
            return
        if len(params["query"]) > 1:
            self._send(_error(400, "give exactly one query parameter"))
            return
        hints = [v for key in ("format", "output", "results") for v in params.get(key, [])]
        self._job("sparql", query=params["query"][0], accept=self.headers.get("Accept") or "",
                  formats=hints, default_graphs=params.get("default-graph-uri", []),
                  named_graphs=params.get("named-graph-uri", []))

    def _update(self, sparql: str, post: bool) -> None:
        if not self.server.allow_update:
            self._send(_error(403, "SPARQL Update is not allowed: this endpoint is read-only"))
        elif not post:
            self._send(_error(405, "send updates with POST"))
        else:
            self._send(self.server.run_update(sparql))

    def _bind(self, body: str) -> None:
        try:
            request = json.loads(body or "{}")
        except ValueError as exc:
            self._send(_json_reply({"error": f"request is not JSON: {exc}"}, 400))
            return
        shape = ('send a JSON object: {"library": NAME, "params": {NAME: VALUE, ...}, "query": SPARQL (optional)}')
        if not isinstance(request, dict) or not isinstance(request.get("params") or {}, dict) \
                or not all(isinstance(request.get(k), (str, type(None))) for k in ("library", "query")) \
                or not all(isinstance(v, (str, int, float)) for v in (request.get("params") or {}).values()):
            self._send(_json_reply({"error": shape}, 400))
            return
        self._job("bind", library=request.get("library"), query=request.get("query"),
                  params=request.get("params") or {})

    def _file(self, path: Path | None) -> None:
        if path is None or not path.is_file():
            self._send(_error(404, "no such file" + ("" if _vendor_dir() else
                                                    "; vis-network comes with pyvis: pip install pyvis")))
            return
        content_type = _STATIC_TYPES.get(path.suffix, "application/octet-stream")
        self._send(Reply(200, content_type, path.read_bytes(), (("Cache-Control", "no-cache"),)))

    def _redirect(self, location: str) -> None:
        self.send_response(303)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _limit(value: str | None) -> int | None:
    """A ``limit=`` parameter as a number, or a bad request."""
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit() or not value.strip().isascii():
        raise _BadRequest(_json_reply({"error": f"limit must be a whole number, not {value[:20]!r}"}, 400))
    return int(value)


def _first(params: dict, name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def _library_json() -> list[dict]:
    return [{"name": q.name, "summary": q.summary, "sparql": q.sparql,
             "params": [{"name": n, "kind": k} for n, k in zip(q.params, q.param_kinds)]}
            for q in queries.library()]


def make_server(kb_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
                max_rows: int = 10000, allow_update: bool = False, workers: int = 2,
                allowed_hosts: tuple[str, ...] = ()) -> SparqlServer:
    """A ready, not yet running, SPARQL endpoint and web explorer over the KB in ``kb_dir``.

    Call ``serve_forever()`` on it (e.g. in a thread) and ``shutdown()`` then
    ``server_close()`` to stop it; ``server.url`` is the page's address.

    Args:
        kb_dir: a KB folder made by ``kg ingest``; it is only read, unless ``allow_update``.
        host: interface to bind; the default serves this machine only.
        port: TCP port; 0 picks a free one.
        timeout: seconds a query may run before it is stopped with a 503.
        max_rows: most solutions (or triples) in one answer; longer results are cut and flagged.
        allow_update: accept SPARQL Update (POST ``update=``); the KB is locked while one runs.
        workers: query worker processes, i.e. queries that can run at the same time.
        allowed_hosts: more names the server answers to in ``Host`` (besides 127.0.0.1,
            localhost, [::1] and ``host``), e.g. the machine's name when serving a network.

    Returns:
        The server.

    Raises:
        StoreError: ``kb_dir`` is not a KB.
        ConfigError: the address is in use, or a limit is not positive.

    >>> make_server("/no/such/kb")
    Traceback (most recent call last):
    kg.errors.StoreError: /no/such/kb: no KB here; run `kg ingest --kb /no/such/kb ...` first
    """
    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise ConfigError("--timeout, --max-rows and --workers must be positive")
    kb_dir = Path(kb_dir).resolve() if Path(kb_dir).exists() else Path(kb_dir)
    open_kb(kb_dir, create=False, read_only=True)  # fail here, with the store's message, if not a KB
    return SparqlServer((host, port), kb_dir, timeout, max_rows, allow_update, workers, tuple(allowed_hosts))


def run_server(kb_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
               max_rows: int = 10000, allow_update: bool = False, workers: int = 2, announce=print) -> None:
    """Serve the KB until interrupted (Ctrl+C); ``announce`` receives the URL line.

    Arguments are those of :func:`make_server`.

    Raises:
        StoreError: ``kb_dir`` is not a KB.
        ConfigError: the address is in use.
    """
    server = make_server(kb_dir, host, port, timeout, max_rows, allow_update, workers)
    announce(f"Serving {kb_dir} at {server.url} (SPARQL endpoint {server.url}sparql); press Ctrl+C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
