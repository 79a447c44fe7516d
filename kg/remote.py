"""External SPARQL stores: push the KB to a server, query any SPARQL 1.1 endpoint.

``kg push --endpoint URL`` mirrors the KB's named graphs (each article's, the shared entities
graph, the gazetteer's) on a server through the SPARQL 1.1 Graph Store HTTP Protocol: each graph
is replaced with ``PUT URL?graph=IRI`` (N-Triples), and a graph removed from the KB is deleted
there (``DELETE``). Only graphs whose content key (:func:`kg.export.graph_keys`) changed since the
last push to that URL are sent: the KB folder keeps a record of what was pushed where
(``pushed.sqlite``); ``--force`` sends everything again (after the server lost its data). The
fact summary (:mod:`kg.summary`) is not pushed: it is derived, and changes with every article;
library queries sent to an endpoint without it run their statement-level forms
(``ontologies/queries/fallback/``), which give the same rows, slower.

``kg query --endpoint URL`` runs SPARQL and the query library against any SPARQL 1.1 Protocol
endpoint (Oxigraph, Fuseki, GraphDB, Virtuoso, QLever, ``kg serve``) through :class:`Endpoint`,
which answers ``query()`` like :meth:`kg.store.KnowledgeBase.query`. The library's queries read
the default graph as the union of all graphs: the server must be set up so (``oxigraph serve
--union-default-graph``; Fuseki ``tdb2:unionDefaultGraph``; GraphDB and Virtuoso do it by default).

User names and passwords go in the URL (``https://user:secret@host/...``).
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

from .errors import KgError, QueryError
from .export import graph_keys
from .namespaces import ENTITIES_GRAPH, GAZETTEER_GRAPH, PREFIXES
from .sparql_safety import check_query_shape, format_syntax_error
from .store import KnowledgeBase

__all__ = ["Endpoint", "PushReport", "push", "PUSH_RECORD"]

#: the record of what was pushed where, in the KB folder
PUSH_RECORD = "pushed.sqlite"
_COMMIT_EVERY = 500  # graphs: a killed push sends at most these again (a failed one records what was sent)
_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, application/n-triples;q=0.9, "
           "text/turtle;q=0.8, application/rdf+xml;q=0.5")


def _session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = "unikg"
    return session


class Endpoint:
    """A SPARQL 1.1 Protocol endpoint, queried like a KB (``query(sparql)``).

    Args:
        url: the query endpoint (Oxigraph: ``http://host:7878/query``).
        timeout: seconds to wait for an answer (None: no limit).
    """

    def __init__(self, url: str, timeout: float | None = 60.0):
        self.url = url
        self.timeout = timeout
        self.session = _session()

    def query(self, sparql: str):
        """Run a query with the KB's prefixes; SELECT gives ``QuerySolutions``, ASK ``QueryBoolean``,
        CONSTRUCT/DESCRIBE a list of ``Triple``.

        Raises:
            QueryError: the query does not parse (line, column and caret in the text given), the
                endpoint cannot be reached, refuses the query (its message) or answers in a format
                that cannot be read.

        >>> Endpoint("http://127.0.0.1:9/query").query("SELECT ?s WHERE { ?s ?p }")
        Traceback (most recent call last):
        kg.errors.QueryError: SPARQL syntax error: error at 1:26 ...
        """
        _check_syntax(sparql)
        response = self._post(_with_prefixes(sparql))
        media = response.headers.get("Content-Type", "").split(";")[0].strip()
        results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
        graph_format = ox.RdfFormat.from_media_type(media) if media and results_format is None else None
        if results_format is None and graph_format is None:
            raise QueryError(f"{self.url} answered in {media or 'an unnamed format'}, not SPARQL results or RDF")
        try:  # read whole here: a server that fails in the middle of its answer cuts it short
            if graph_format is not None:
                return list(ox.parse(response.content, format=graph_format))
            result = ox.parse_query_results(response.content, format=results_format)
            if isinstance(result, ox.QuerySolutions):
                list(result)
                result = ox.parse_query_results(response.content, format=results_format)
            return result
        except SyntaxError as exc:
            raise QueryError(f"{self.url} sent an answer that does not parse ({exc}); the query may have failed "
                             "on the server") from exc

    def _post(self, sparql: str) -> requests.Response:
        try:
            response = self.session.post(self.url, data={"query": sparql}, headers={"Accept": _ACCEPT},
                                         timeout=self.timeout)
        except requests.Timeout as exc:
            raise QueryError(f"{self.url}: no answer in {self.timeout:g} s; narrow the query or raise --timeout") from exc
        except requests.RequestException as exc:
            raise QueryError(f"{self.url}: cannot reach the SPARQL endpoint ({exc}); is the server running?") from exc
        if response.status_code >= 400:
            raise QueryError(f"{self.url} refused the query (HTTP {response.status_code}): {_first_lines(response.text)}")
        return response

    def check_default_graph(self) -> None:
        """Check that the default graph holds the named graphs' statements, as the library expects.

        Raises:
            QueryError: the named graphs have statements and the default graph none (with how to fix it).
        """
        if not bool(self.query("ASK { ?s ?p ?o }")) and bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }")):
            raise QueryError(f"{self.url}: the default graph is empty but the named graphs are not; the query library "
                             "reads the default graph as the union of all graphs: start Oxigraph with "
                             "--union-default-graph (Fuseki: tdb2:unionDefaultGraph true)")


def _check_syntax(sparql: str) -> None:
    """Parse the query here (not run: pyoxigraph evaluates lazily), so a syntax error points at the
    user's text (line, column, caret), not at the text sent with the PREFIX lines added."""
    check_query_shape(sparql)
    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(format_syntax_error(sparql, exc)) from exc


def _with_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the KB's prefixes it does not declare itself."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", sparql)}
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name.lower() not in declared]
    return "\n".join([*lines, sparql])


def _first_lines(text: str, count: int = 3) -> str:
    return " ".join(line.strip() for line in text.strip().splitlines()[:count])[:500] or "(no message)"


@dataclass
class PushReport:
    """What one ``kg push`` did."""

    sent: int = 0
    unchanged: int = 0
    deleted: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the end of a run.

        >>> PushReport(sent=2, unchanged=5, bytes=2_500_000, seconds=1.25).summary()
        '2 graphs sent (2.5 MB), 5 unchanged, 0 deleted; 1.2 s'
        """
        return (f"{self.sent} graphs sent ({self.bytes / 1e6:.1f} MB), {self.unchanged} unchanged, "
                f"{self.deleted} deleted; {self.seconds:.1f} s")


def push(kb: KnowledgeBase, url: str, *, force: bool = False, timeout: float | None = 300.0,
         on_graph: Callable[[str, str], None] | None = None) -> PushReport:
    """Replace, on the server at ``url``, each named graph of ``kb`` that changed since the last push there.

    Args:
        kb: the KB.
        url: the server's Graph Store Protocol URL (Oxigraph: ``http://host:7878/store``; Fuseki:
            ``http://host:3030/DATASET/data``; GraphDB: ``http://host:7200/repositories/REPO/rdf-graphs/service``).
        force: send every graph, whatever the record says.
        timeout: seconds to wait for the server to take one graph.
        on_graph: called with (graph IRI, "sent" or "deleted") after each graph.
    Returns:
        A :class:`PushReport`.
    Raises:
        KgError: the server cannot be reached or refuses a graph; the graphs sent before are
            recorded, so pushing again goes on from there.
    """
    started = time.perf_counter()
    notify = on_graph or (lambda graph, outcome: None)
    report = PushReport()
    keys = graph_keys(kb)
    with closing(_record(kb.path)) as record, _session() as session:
        pushed = dict(record.execute("SELECT graph, key FROM pushed WHERE endpoint = ?", (url,)))
        try:
            for count, name in enumerate(sorted(keys, key=_push_order)):
                if not force and pushed.get(name) == keys[name]:
                    report.unchanged += 1
                    continue
                report.bytes += _put_graph(session, kb, url, name, timeout)
                record.execute("INSERT OR REPLACE INTO pushed VALUES (?, ?, ?)", (url, name, keys[name]))
                report.sent += 1
                notify(name, "sent")
                if count % _COMMIT_EVERY == 0:
                    record.commit()
            for name in sorted(set(pushed) - set(keys)):
                _delete_graph(session, url, name, timeout)
                record.execute("DELETE FROM pushed WHERE endpoint = ? AND graph = ?", (url, name))
                report.deleted += 1
                notify(name, "deleted")
        finally:
            record.commit()  # what reached the server, also when a later graph failed
    report.seconds = time.perf_counter() - started
    return report


def _push_order(name: str) -> tuple[int, str]:
    """The gazetteer's and the entities' graphs first: no fact reaches the server before its entities."""
    return ({str(GAZETTEER_GRAPH): 0, str(ENTITIES_GRAPH): 1}.get(name, 2), name)


def _record(kb_dir: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(kb_dir / PUSH_RECORD)
    connection.execute("CREATE TABLE IF NOT EXISTS pushed (endpoint TEXT, graph TEXT, key TEXT, "
                       "PRIMARY KEY (endpoint, graph))")
    return connection


def _put_graph(session: requests.Session, kb: KnowledgeBase, url: str, name: str, timeout: float | None) -> int:
    """Replace one graph on the server; return the bytes sent."""
    with tempfile.TemporaryFile() as body:
        quads = kb.store.quads_for_pattern(None, None, None, ox.NamedNode(name))
        ox.serialize((quad.triple for quad in quads), body, ox.RdfFormat.N_TRIPLES)
        size = body.tell()
        body.seek(0)
        _send(session, "PUT", url, name, timeout, data=body, headers={"Content-Type": "application/n-triples"})
    return size


def _delete_graph(session: requests.Session, url: str, name: str, timeout: float | None) -> None:
    _send(session, "DELETE", url, name, timeout, missing_ok=True)


def _send(session: requests.Session, method: str, url: str, graph: str, timeout: float | None,
          missing_ok: bool = False, **kwargs) -> None:
    try:
        response = session.request(method, url, params={"graph": graph}, timeout=timeout, **kwargs)
    except requests.RequestException as exc:
        raise KgError(f"{url}: cannot reach the Graph Store endpoint ({exc}); is the server running? "
                      "Graphs sent so far are recorded: push again to go on") from exc
    if response.status_code >= 400 and not (missing_ok and response.status_code == 404):
        raise KgError(f"{url} refused {method} of graph {graph} (HTTP {response.status_code}): "
                      f"{_first_lines(response.text)}; is this the server's Graph Store Protocol URL?")
