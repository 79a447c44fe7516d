"""SPARQL for researchers: the query library (``ontologies/queries/*.rq``), parameters, output.

The library ships inside the package (``kg/data/queries``), so a plain ``pip install`` has it.

A library query is a ``.rq`` file whose header comments give its name, a one-line summary
and its parameters::

    # summary: Members of an alliance, with role, start date and evidence
    # param: alliance entity

An ``entity`` parameter takes an IRI or a name, label or acronym ("ASRTU"), looked up in
the KB; a ``literal`` parameter is bound as a plain string; ``year`` as an xsd:gYear.

A query that reads the whole KB (no parameter narrows it) says so with ``# scan: true``; it
returns one page of rows and takes two optional parameters, ``limit`` (default
:data:`PAGE_SIZE`) and ``offset`` (default 0), appended as ``LIMIT``/``OFFSET``.

A query that lists facts gives one row per fact by default, with the number of articles
stating it (column ``articles``) and one statement's evidence and source. Every query takes
the option ``detail``: ``facts`` (the default) or ``all``, which runs its statement-level
variant ``all/NAME.rq`` (one row per article or gazetteer file stating a fact); a query
without such a file has no statement rows and refuses ``detail=all``. ``detail`` is not
listed among a query's ``params``.

The fact queries read the fact summary (:mod:`kg.summary`, graph ``res:graph/facts``): one node
per fact with its article count and one statement, kept exact at every write, so a query reads
each fact once instead of every article's statement of it. Each has a statement-level form of
the same rows, ``fallback/NAME.rq``, which :func:`run` and :func:`bind` use when the KB holds no
current summary (a KB written by an older unikg, changed by ``kg merge``; the next write rebuilds
it) or an endpoint has none (``kg push`` does not send it).

Parameters are bound by a VALUES block at the start of the query and, wherever the text
allows a constant, written into the patterns themselves (see :func:`_bind`): oxigraph has no
cost-based optimiser, and plans a pattern with a constant far better than one whose variable
a VALUES block binds. How to write a library query that stays fast on millions of quads
(measured with ``bench/queries.py``; the reasons are oxigraph's join planning):

* read a fact node's properties inside its graph (``GRAPH ?g { ?m ... }``): the lookups then
  use the graph-first indexes, and ``?g`` is the statement's source;
* group statements into facts in a sub-query first, then look labels, titles and evidence up
  once per fact;
* join only on variables that are never unbound: an aggregate (``MIN(?x)``) or an OPTIONAL
  may be unbound, and oxigraph joins on such a variable by a cross product (wrap it:
  ``BIND(COALESCE(MIN(?x), rdf:nil) AS ?y)``); MIN/MAX of a group with one unbound value is
  unbound, so aggregate ``COALESCE(...)``-ed values;
* put one quad pattern in each OPTIONAL that depends on the row: oxigraph looks those up per
  row, but evaluates a nested OPTIONAL or a group of patterns over the whole KB and joins after.
"""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import summary as fact_summary
from .errors import KgError, QueryError
from .store import KnowledgeBase

__all__ = ["PAGE_SIZE", "LibraryQuery", "Table", "library", "library_dir", "run", "run_with_timeout", "render", "resolve_entity", "bind"]


#: rows per page of a full-scan query (``# scan: true``) when no ``limit`` is given
PAGE_SIZE = 1000
#: values of the ``detail`` option: one row per fact (default) or one per statement
DETAILS = ("facts", "all")
_PAGE_PARAMS = (("limit", "page"), ("offset", "page"))


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """One query of the library (a full scan has the optional ``page`` parameters limit and offset)."""

    name: str
    summary: str
    params: tuple[str, ...]
    param_kinds: tuple[str, ...]
    sparql: str
    path: Path
    scan: bool = False
    detail_sparql: str | None = None
    fallback_sparql: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A query result: column names and rows of plain values (None for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def library_dir() -> Path:
    """The folder of the query library: package data (``kg/data/queries``, linked to ``ontologies/queries``).

    >>> sorted(library_dir().glob("*.rq"))[0].name
    'alliances-of.rq'
    """
    return Path(str(resources.files("kg").joinpath("data", "queries")))


def _parse_library_file(path: Path) -> LibraryQuery:
    text = path.read_text(encoding="utf-8")
    summary = re.search(r"^#\s*summary:\s*(.+)$", text, re.M)
    params = re.findall(r"^#\s*param:\s*(\w+)\s+(entity|literal|year)\s*$", text, re.M)
    scan = re.search(r"^#\s*scan:\s*true\s*$", text, re.M) is not None
    params += list(_PAGE_PARAMS) if scan else []
    detail, fallback = (path.parent / folder / path.name for folder in ("all", "fallback"))
    return LibraryQuery(path.stem, summary.group(1).strip() if summary else "", tuple(p for p, _ in params),
                        tuple(k for _, k in params), text, path, scan,
                        detail.read_text(encoding="utf-8") if detail.is_file() else None,
                        fallback.read_text(encoding="utf-8") if fallback.is_file() else None)


def _detail(item: LibraryQuery, params: dict[str, str], kb=None) -> tuple[str, dict[str, str]]:
    """The text for ``--param detail=facts|all`` (default facts) and the other parameters.

    A query that reads the fact summary (:mod:`kg.summary`) has a statement-level form of the
    same rows (``fallback/NAME.rq``), run when ``kb`` holds no current summary.
    """
    params = dict(params)
    detail = params.pop("detail", "facts")
    if detail not in DETAILS:
        raise QueryError(f"--param detail={detail!r}: expected one of {', '.join(DETAILS)}")
    if detail == "all":
        if item.detail_sparql is None:
            raise QueryError(f"query {item.name!r} has no detail=all variant: its rows are not statements")
        return item.detail_sparql, params
    if item.fallback_sparql is not None and kb is not None and not fact_summary.is_current(kb):
        return item.fallback_sparql, params
    return item.sparql, params


def library() -> list[LibraryQuery]:
    """Every query of the library, by name.

    >>> "members-of" in [q.name for q in library()]
    True
    """
    return [_parse_library_file(p) for p in sorted(library_dir().glob("*.rq"))]


def _find(name: str) -> LibraryQuery | None:
    path = library_dir() / f"{name}.rq"
    return _parse_library_file(path) if path.is_file() else None


def resolve_entity(kb: KnowledgeBase, value: str) -> ox.NamedNode:
    """An entity IRI from an IRI, a label, an alias or an acronym (case-insensitive).

    Raises:
        QueryError: no entity has that name.
    """
    if value.startswith(("http://", "https://")):
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"{value!r} is not a valid IRI ({exc})") from exc
    sparql = """SELECT ?e (COUNT(*) AS ?n) WHERE {
        VALUES ?p { rdfs:label skos:altLabel unikg:acronym } ?e ?p ?name .
        FILTER(LCASE(STR(?name)) = LCASE(%s)) } GROUP BY ?e ORDER BY DESC(?n) ?e""" % ox.Literal(value)
    for row in kb.query(sparql):
        return row["e"]
    raise QueryError(f"no entity in the KB is named {value!r}; try `kg query entities` or an IRI")


def _bindings(kb: KnowledgeBase, item: LibraryQuery, params: dict[str, str]) -> dict:
    unknown = set(params) - set(item.params)
    if unknown:
        raise QueryError(f"query {item.name!r} has no parameter {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(item.params) or 'none'}")
    missing = [p for p, k in zip(item.params, item.param_kinds) if p not in params and k != "page"]
    if missing:
        raise QueryError(f"query {item.name!r} needs --param {missing[0]}=VALUE")
    values = {}
    for name, kind in zip(item.params, item.param_kinds):
        if kind == "page":
            continue
        raw = params[name]
        if kind == "entity":
            values[ox.Variable(name)] = resolve_entity(kb, raw)
        elif kind == "year":
            if not re.fullmatch(r"\d{4}", raw):
                raise QueryError(f"--param {name}={raw!r}: expected a year such as 2020")
            values[ox.Variable(name)] = ox.Literal(raw, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))
        else:
            values[ox.Variable(name)] = ox.Literal(raw)
    return values


def bind(kb: KnowledgeBase, item: LibraryQuery, params: dict[str, str], sparql: str | None = None) -> str:
    """The text of a library query (or an edited ``sparql`` of it) with its parameters bound.

    The library's text unedited is the query's text for ``kb`` (its statement-level form when the
    KB has no current fact summary, see :mod:`kg.summary`).

    Raises:
        QueryError: unknown, missing or bad parameters; no entity of that name.
    """
    text, params = _detail(item, params, kb)
    if sparql is not None and sparql.strip() == item.sparql.strip():
        sparql = None  # the library's text as shown (the web page sends it back): the one for this KB
    return _page(_bind(sparql or text, _bindings(kb, item, params)), item, params)


def _page(sparql: str, item: LibraryQuery | None, params: dict[str, str]) -> str:
    """A full-scan query's text with its page (``LIMIT``/``OFFSET``) appended."""
    if item is None or not item.scan:
        return sparql
    page = {"limit": params.get("limit", str(PAGE_SIZE)), "offset": params.get("offset", "0")}
    for name, raw in page.items():
        if not re.fullmatch(r"\d{1,9}", str(raw).strip()) or (name == "limit" and int(raw) == 0):
            raise QueryError(f"--param {name}={raw!r}: expected a {'positive' if name == 'limit' else 'non-negative'} "
                             f"whole number of rows")
    return f"{sparql.rstrip()}\nLIMIT {int(page['limit'])} OFFSET {int(page['offset'])}\n"


def _bind(sparql: str, bindings: dict) -> str:
    """Bind parameters: a VALUES block at the start of the first WHERE group, and the value itself
    in place of the variable in the patterns.

    oxigraph plans a pattern with a constant far better than one whose variable a VALUES block
    binds (program-participants on 1 M quads: 0.5 s instead of 3-4 s), so a parameter is written
    into the patterns wherever the text allows a constant: not when the query projects, groups by,
    assigns (``AS ?x``) or lists it in a VALUES header. Such a parameter is bound by VALUES blocks
    only, one at the start of each sub-query that uses it, so sub-queries are evaluated bound.
    The VALUES block at the start stays in any case: it shows what was bound.
    """
    if not bindings:
        return sparql
    code = _code_only(sparql)
    constant = {n: v for n, v in bindings.items() if _may_be_constant(code, n.value)}
    names = " ".join(str(v) for v in bindings)
    values = " ".join(str(t) for t in bindings.values())
    wheres = list(re.finditer(r"\bWHERE\s*\{", code, re.I))
    if not wheres:
        raise QueryError("a parameterised query needs a WHERE { ... } clause")
    edits = [(wheres[0].end(), wheres[0].end(), f" VALUES ({names}) {{ ({values}) }} ")]
    for where in wheres[1:]:  # sub-queries that use a VALUES-bound parameter get it too, so they are evaluated bound
        block = code[where.end():_closing_brace(code, where.end())]
        used = [(n, v) for n, v in bindings.items() if n not in constant and re.search(rf"\?{re.escape(n.value)}\b", block)]
        if used:
            edits.append((where.end(), where.end(), " VALUES ({}) {{ ({}) }} ".format(
                " ".join(str(n) for n, _ in used), " ".join(str(v) for _, v in used))))
    for name, term in constant.items():
        edits += [(m.start(), m.end(), str(term)) for m in re.finditer(rf"[?$]{re.escape(name.value)}\b", code)
                  if m.start() >= wheres[0].start()]
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):  # parser line numbers stay the file's
        sparql = sparql[:start] + text + sparql[end:]
    return sparql


def _code_only(sparql: str) -> str:
    """The text with comments and string literals blanked out (same length, same line breaks)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    return re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"\s]*>|#[^\n]*',
                  lambda m: blank(m) if m.group(0).startswith(("#", '"', "'")) else m.group(0), sparql)


def _may_be_constant(code: str, name: str) -> bool:
    """Whether every use of ``?name`` in the (comment-free) query text may be replaced by a term."""
    var = rf"[?$]{re.escape(name)}\b"
    clauses = [r"\bSELECT\b[^{]*?(?=\bWHERE\b|\{)", r"\bAS\s+" + var, r"\bGROUP\s+BY\b[^}]*?(?=\bHAVING\b|\bORDER\b|\bLIMIT\b|\bOFFSET\b|\}|$)",
               r"\bVALUES\s*(?:\([^)]*\)|[?$]\w+)"]
    return not any(re.search(var, m.group(0)) for clause in clauses for m in re.finditer(clause, code, re.I))


def _closing_brace(code: str, start: int) -> int:
    depth = 1
    for index in range(start, len(code)):
        depth += {"{": 1, "}": -1}.get(code[index], 0)
        if depth == 0:
            return index
    return len(code)


def _sparql_text(query: str) -> tuple[str, LibraryQuery | None]:
    item = _find(query) if re.fullmatch(r"[\w-]+", query) else None
    if item:
        return item.sparql, item
    path = Path(query)
    if query.endswith(".rq"):
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8"), None
    if re.fullmatch(r"[\w-]+", query):
        raise QueryError(f"{query!r} is neither SPARQL nor a library query; see `kg query --list`")
    return query, None


def _plain(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
    return term.value


def run(kb: KnowledgeBase, query: str, params: dict[str, str] | None = None, limit: int | None = None) -> Table:
    """Run SPARQL text, a ``.rq`` file or a library query by name; return a :class:`Table`.

    ``kb`` is a KB or anything with its ``query(sparql)``, such as a :class:`kg.remote.Endpoint`.

    ASK gives one column ``ask``; CONSTRUCT/DESCRIBE give ``subject predicate object`` rows.

    Raises:
        QueryError: syntax errors (with line and column), unknown names, bad parameters.
    """
    sparql, item = _sparql_text(query)
    if params and not item:
        raise QueryError("--param works with library queries only; see `kg query --list`")
    if item:
        sparql, params = _detail(item, params or {}, kb)
    bindings = _bindings(kb, item, params or {}) if item else {}
    result = kb.query(_page(_bind(sparql, bindings), item, params or {}))
    if isinstance(result, ox.QueryBoolean):
        return Table(("ask",), ((bool(result),),))
    if not isinstance(result, ox.QuerySolutions):  # CONSTRUCT/DESCRIBE: a store's QueryTriples, an endpoint's triples
        rows = tuple((t.subject.value, t.predicate.value, _plain(t.object)) for t in result)
        return Table(("subject", "predicate", "object"), rows[:limit] if limit else rows)
    columns = tuple(v.value for v in result.variables)
    rows = []
    for solution in result:
        rows.append(tuple(_plain(solution[c]) for c in columns))
        if limit and len(rows) >= limit:
            break
    return Table(columns, tuple(rows))


def _run_in_child(connection, kb_dir: str, query: str, params: dict, limit: int | None) -> None:
    from .store import open_kb

    try:
        with open_kb(kb_dir, create=False, read_only=True) as kb:
            connection.send(("ok", run(kb, query, params, limit)))
    except KgError as exc:
        connection.send(("error", str(exc)))


def run_with_timeout(kb_dir: str | Path, query: str, params: dict[str, str] | None = None, limit: int | None = None,
                     timeout: float = 30.0) -> Table:
    """Like :func:`run`, in a child process that is stopped after ``timeout`` seconds.

    pyoxigraph cannot interrupt a running query, so a runaway query runs in its own process.

    Raises:
        QueryError: the query failed or took longer than ``timeout``.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_in_child, args=(sender, str(kb_dir), query, params or {}, limit), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(f"query stopped after {timeout:g} s; narrow it (LIMIT, more specific patterns) or raise --timeout")
        status, value = receiver.recv()
    except EOFError as exc:
        raise QueryError(f"query process ended without an answer (exit code {child.exitcode})") from exc
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if status == "error":
        raise QueryError(value)
    return value


def render(table: Table, fmt: str = "table") -> str:
    """Format a :class:`Table` as an aligned text table, CSV, TSV or JSON.

    >>> print(render(Table(("a", "b"), ((1, None),)), "csv").strip())
    a,b
    1,
    """
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, row)) for row in table.rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([["" if v is None else v for v in row] for row in table.rows])
        return buffer.getvalue()
    return _text_table(table)


def _short(value: object) -> str:
    """A cell as the CLI shows it: an IRI of ours as a prefixed name that can be pasted into SPARQL.

    The prefixes are :data:`kg.export.TURTLE_PREFIXES` (the ones of ``graph.ttl``); an IRI whose
    local name would need escapes is shown whole, in angle brackets. Long text is cut at 80 characters.

    >>> _short("https://w3id.org/unikg/resource/org/idea-league"), _short("https://w3id.org/unikg/ontology#memberOf")
    ('org:idea-league', 'unikg:memberOf')
    >>> _short("https://w3id.org/unikg/resource/article/a.b/c")
    '<https://w3id.org/unikg/resource/article/a.b/c>'
    """
    from .export import TURTLE_PREFIXES

    text = "" if value is None else str(value)
    if text.startswith("https://w3id.org/unikg/"):
        for prefix, namespace in sorted(TURTLE_PREFIXES.items(), key=lambda item: -len(item[1])):
            if text.startswith(namespace):
                local = text[len(namespace):]
                return f"{prefix}:{local}" if re.fullmatch(r"(?:[A-Za-z0-9_](?:[\w.-]*[\w-])?)?", local, re.A) else f"<{text}>"
    return text if len(text) <= 80 else text[:77] + "..."


def _text_table(table: Table) -> str:
    cells = [[_short(v) for v in row] for row in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)
