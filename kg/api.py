"""The Python API for notebooks and scripts: open a KB, query into pandas, get graphs and facts.

>>> import tempfile
>>> kb = open_kb(tempfile.mkdtemp())
>>> query_df(kb, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")["n"].tolist()
[0]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from . import queries
from .entities import resolve_params
from .export import to_networkx
from .store import KnowledgeBase, open_kb

__all__ = ["open_kb", "query_df", "entity_facts", "entities_df", "kb_graph"]


def query_df(kb: KnowledgeBase, query: str, limit: int | None = None, **params: str) -> pd.DataFrame:
    """Run SPARQL text, a ``.rq`` file or a library query (by name) and return a DataFrame.

    Args:
        kb: an open knowledge base.
        query: SPARQL, a path ending in ``.rq``, or a library query name such as ``"members-of"``.
        limit: at most this many rows.
        **params: the library query's parameters, e.g. ``alliance="ASRTU"``: an entity parameter
            takes an IRI, or a name or acronym of an entity of the type it expects.
    Returns:
        One column per SPARQL variable; IRIs and literals as plain Python values.
    Raises:
        AmbiguousNameError: a name fits several entities; its ``candidates`` list them (pass an IRI).
        QueryError: bad SPARQL, unknown query or parameter, no entity of that name.
    """
    item = next((q for q in queries.library() if q.name == query), None)
    if item is not None and params:
        params, _ = resolve_params(kb, item, params, choose="pass the IRI of one")
    table = queries.run(kb, query, params, limit=limit)
    return pd.DataFrame(list(table.rows), columns=list(table.columns))


def entity_facts(kb: KnowledgeBase, name: str) -> pd.DataFrame:
    """Every fact about an entity (by name, acronym or IRI) with its evidence and source.

    Raises:
        AmbiguousNameError: the name fits several entities (see its ``candidates``).
        QueryError: no entity has that name.
    """
    return query_df(kb, "facts-about", entity=name)


def entities_df(kb: KnowledgeBase) -> pd.DataFrame:
    """Entities with type, label, country and the number of articles that mention them."""
    return query_df(kb, "entities")


def kb_graph(kb: KnowledgeBase, full: bool = False) -> nx.MultiDiGraph:
    """The KB as a NetworkX entity graph (nodes = entities, edges = facts with qualifiers).

    By default what the articles say; ``full=True`` adds the gazetteer's background knowledge
    and the country edges (see :func:`kg.export.to_networkx`).
    """
    return to_networkx(kb, full=full)
