"""unikg: knowledge graphs of university alliances, excellence programs and rankings from news.

The public API (imported lazily, so ``import kg`` loads neither spaCy nor a model)::

    from kg import ingest, open_kb, query_df, kb_graph
    report = ingest(["data/articles"], "kb")
    kb = open_kb("kb")
    query_df(kb, "members-of", alliance="ASRTU")
"""

from __future__ import annotations

import importlib

__all__ = [
    "ingest",
    "extract",
    "extract_text",
    "open_kb",
    "query_df",
    "entity_facts",
    "entities_df",
    "find_entities",
    "kb_graph",
    "to_networkx",
    "map_to_graph",
    "load_gazetteer",
    "KgError",
    "InputError",
    "QueryError",
    "AmbiguousNameError",
]

_HOMES = {
    "ingest": "pipeline",
    "extract": "pipeline",
    "extract_text": "pipeline",
    "open_kb": "store",
    "query_df": "api",
    "entity_facts": "api",
    "entities_df": "api",
    "find_entities": "entities",
    "AmbiguousNameError": "entities",
    "kb_graph": "api",
    "to_networkx": "export",
    "map_to_graph": "mapping",
    "load_gazetteer": "gazetteer",
    "KgError": "errors",
    "InputError": "errors",
    "QueryError": "errors",
}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
